# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Why the Ascio WSDL is parsed once per process: cost of a cold client vs a cached one.

Prints figures, asserts nothing. Baseline and candidate run in the same process:
    .venv/bin/python benchmarks/bench_ascio_client.py
"""
import os
import sys
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, '.build', 'collections'), ROOT]

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import api  # noqa: E402


def timed(function, repeat):
    start = time.perf_counter()
    for _round in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat


def cold():
    api.clear_cache()
    api.get_client(endpoint='http://127.0.0.1:9/AscioService.svc')


def cached():
    api.get_client(endpoint='http://127.0.0.1:9/AscioService.svc')


def main():
    tracemalloc.start()
    cold()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    cold_seconds = timed(cold, 5)
    cached_seconds = timed(cached, 200)
    print('bundled WSDL, cold client (parse):   %8.2f ms' % (cold_seconds * 1000))
    print('bundled WSDL, cached client:         %8.3f ms' % (cached_seconds * 1000))
    print('ratio cold / cached:                 %8.0fx' % (cold_seconds / cached_seconds))
    print('peak memory while parsing:           %8.1f MiB' % (peak / 2 ** 20))


if __name__ == '__main__':
    main()
