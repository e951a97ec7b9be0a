# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS bulk reads against the per-domain reads: requests and time for N domains.

For each N, starts the AutoDNS sandbox with N generated domains (``--generate``) and reads
them twice with the adapter: ``get_domains`` + ``pending_many`` (the bulk reads), and the
per-domain ``get_domain`` + ``pending`` loop. Requests are counted in the sandbox's journal;
the floor is the time those requests take at AutoDNS's 3 requests per second.

    .venv/bin/python benchmarks/bench_autodns_bulk.py [--sizes 10 100 1000] [--rate-limit 0] [--latency 0] [--no-loop] [--json]

``--rate-limit 3`` (the sandbox's default) and the client's limiter make the wall time the real one;
the default 0 measures the requests quickly. Prints figures, asserts nothing.
"""
import argparse
import json
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, '.build', 'collections'), ROOT]
os.chdir(ROOT)

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter  # noqa: E402
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient  # noqa: E402
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT  # noqa: E402
from sandbox.launcher import Sandbox  # noqa: E402

SEED = os.path.join('tests', 'integration', 'seeds', 'autodns.yml')
ASPECTS = ['nameservers', 'contacts', 'locks', 'autorenew', 'expire', 'renew']
RATE = 3.0  # AutoDNS: 3 requests per second and IP


def count(journal_path):
    if not os.path.exists(journal_path):
        return 0
    with open(journal_path, encoding='utf-8') as handle:
        return sum(1 for _line in handle)


def settle(journal_path):
    """The journal's length once the sandbox has written its last line."""
    last = count(journal_path)
    while True:
        time.sleep(0.05)
        now = count(journal_path)
        if now == last:
            return now
        last = now


def measure(size, rate_limit, latency, loop):
    with tempfile.TemporaryDirectory() as tmp:
        journal_path = os.path.join(tmp, 'journal.jsonl')
        with Sandbox('autodns', seed=SEED, journal=journal_path, rate_limit=rate_limit, latency=latency,
                     generate=size) as box:
            names = ['bench-%05d.com' % n for n in range(1, size + 1)]

            def adapter():
                client = AutoDNSClient(box.url, 'demo', 'demo-password', 4, USER_AGENT, rate=rate_limit or 0)
                return AutoDNSAdapter({'api_url': box.url}, client=client)

            row = {'domains': size}
            mark = settle(journal_path)
            started = time.monotonic()
            bulk = adapter()
            domains = bulk.get_domains(names)
            row['get_domains'] = settle(journal_path) - mark
            pending = bulk.pending_many(names, ASPECTS)
            row['seconds'] = round(time.monotonic() - started, 2)
            row['requests'] = settle(journal_path) - mark
            row['pending_many'] = row['requests'] - row['get_domains']
            row['floor_seconds'] = round(row['requests'] / RATE, 2)
            assert all(domains.values()) and not any(pending.values())
            if loop:
                mark = settle(journal_path)
                started = time.monotonic()
                single = adapter()
                for name in names:
                    single.pending(name, ASPECTS)
                    single.get_domain(name)
                row['loop_seconds'] = round(time.monotonic() - started, 2)
                row['loop_requests'] = settle(journal_path) - mark
                row['loop_floor_seconds'] = round(row['loop_requests'] / RATE, 2)
                row['request_ratio'] = round(row['loop_requests'] / float(row['requests']), 1)
            return row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sizes', type=int, nargs='+', default=[10, 100, 1000])
    parser.add_argument('--rate-limit', type=int, default=0, help='sandbox and client limit, requests/s (0: off)')
    parser.add_argument('--latency', type=float, default=0.0, help='sandbox --latency, seconds per request')
    parser.add_argument('--no-loop', action='store_true', help='skip the per-domain loop')
    parser.add_argument('--json', action='store_true')
    args = parser.parse_args(argv)
    rows = [measure(size, args.rate_limit, args.latency, not args.no_loop) for size in args.sizes]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print('AutoDNS reads of N domains (rate limit %s, latency %.3f s); floor = requests / 3 per second'
          % (args.rate_limit or 'off', args.latency))
    head = ('| N | get_domains | pending_many | bulk requests | floor (s) | wall (s) |'
            + ('' if args.no_loop else ' loop requests | loop floor (s) | loop wall (s) | requests loop/bulk |'))
    print(head)
    print('|' + ' --- |' * (head.count('|') - 1))
    for r in rows:
        line = '| %(domains)d | %(get_domains)d | %(pending_many)d | %(requests)d | %(floor_seconds).2f | %(seconds).2f |' % r
        if not args.no_loop:
            line += ' %(loop_requests)d | %(loop_floor_seconds).2f | %(loop_seconds).2f | %(request_ratio).1fx |' % r
        print(line)
    return 0


if __name__ == '__main__':
    sys.exit(main())
