# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""SOAP calls and wall time to read a portfolio from Ascio: bulk reads against the per-domain loop.

Prints figures, asserts nothing. One Ascio sandbox with generated domains (``--generate``) and an
injected latency per request (``--latency``) answers both variants in the same process:

- bulk: ``get_domains(names)`` + ``pending_many(names, aspects)`` (one session);
- per domain: ``get_domain(name)`` (SearchDomain + GetDomain, as earlier releases) + ``pending(name)``
  for each name, in the same session (the role loop pays a LogIn and a WSDL parse per module on top).

    .venv/bin/python benchmarks/bench_ascio_bulk.py [--latency 0.05] [--sizes 10,100,1000] [--loop-up-to 100]
"""
import argparse
import json
import os
import resource
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, '.build', 'collections'), ROOT]

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter  # noqa: E402
from sandbox.launcher import Sandbox  # noqa: E402

SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
# What the domain module manages on an existing domain.
ASPECTS = ('nameservers', 'contacts', 'locks', 'autorenew', 'renew')


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--latency', type=float, default=0.05, help='seconds the sandbox waits before each answer (default 0.05)')
    parser.add_argument('--sizes', default='10,100,1000', help='portfolio sizes (default 10,100,1000)')
    parser.add_argument('--loop-up-to', type=int, default=100, help='run the per-domain loop up to this size (default 100)')
    return parser.parse_args(argv)


class Journal:
    def __init__(self, path):
        self.path = path

    def calls(self):
        with open(self.path) as handle:
            return [json.loads(line)['operation'] for line in handle if line.strip()]


def read_in_bulk(adapter, names):
    adapter.get_domains(names)
    adapter.pending_many(names, ASPECTS)


def read_one_by_one(adapter, names):
    for name in names:
        adapter.get_domain(name)
        adapter.pending(name, ASPECTS)


def measure(journal, function, adapter, names):
    """(SOAP calls, seconds, peak RSS in bytes, calls by operation) of one run, its LogIn included (LogOut after)."""
    before = len(journal.calls())
    started = time.perf_counter()
    function(adapter, names)
    seconds = time.perf_counter() - started
    # The process's peak resident memory so far (kB on Linux): zeep's and lxml's memory included.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    calls = journal.calls()[before:]
    adapter.close()
    return len(calls), seconds, peak, dict((name, calls.count(name)) for name in sorted(set(calls)))


def main(argv=None):
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(',') if size.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'journal.jsonl')
        with open(os.devnull, 'w') as quiet:
            box = Sandbox('ascio', seed=SEED, journal=path, log=quiet,
                          extra_args=['--generate', str(max(sizes)), '--latency', str(args.latency)])
            try:
                journal = Journal(path)
                settings = dict(provider='ascio', username='demo', password='demo-password', api_url=box.url, wsdl='bundled',
                                validate_certs=True, timeout=60)
                print('Ascio sandbox, latency %.3f s per request; SOAP calls counted in its journal (LogIn included).' % args.latency)
                print('| N | variant | SOAP calls | calls by operation | wall (s) | peak RSS (MiB) | loop / bulk calls | loop / bulk time |')
                print('| --- | --- | --- | --- | --- | --- | --- | --- |')
                for size in sizes:
                    names = ['bench-%05d.com' % number for number in range(1, size + 1)]
                    bulk_figures = measure(journal, read_in_bulk, AscioAdapter(dict(settings)), names)
                    row(size, 'bulk', bulk_figures)
                    if size <= args.loop_up_to:
                        loop_adapter = AscioAdapter(dict(settings, search_batch=1, search_details='get_domain'))
                        row(size, 'per domain', measure(journal, read_one_by_one, loop_adapter, names), bulk_figures)
            finally:
                box.stop()


def row(size, variant, figures, bulk=None):
    calls, seconds, peak, by_operation = figures
    operations = ', '.join('%s %d' % item for item in by_operation.items())
    ratios = ('%.1fx' % (calls / float(bulk[0])), '%.1fx' % (seconds / bulk[1])) if bulk else ('', '')
    print('| %d | %s | %d | %s | %.2f | %.1f | %s | %s |' % (size, variant, calls, operations, seconds, peak / 2.0 ** 20, ratios[0], ratios[1]))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
