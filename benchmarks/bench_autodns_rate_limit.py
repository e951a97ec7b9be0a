# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Does the AutoDNS rate limit hold at the server? Parallel client processes against the sandbox (3 req/s).

Starts the AutoDNS sandbox with its documented limit of 3 requests/second, runs PROCESSES
client processes at once, each sending REQUESTS requests through AutoDNSClient, and reads
the sandbox's journal: requests, HTTP 429 answers, the most requests that arrived within
any one second, the smallest gap between two arrivals, the rate achieved.

    .venv/bin/python benchmarks/bench_autodns_rate_limit.py [--processes 4] [--requests 6] [--no-limiter] [--json]

--no-limiter is the baseline: the same processes without the client's limiter (rate=0).
Prints figures, asserts nothing.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, '.build', 'collections'), ROOT]

SEED = os.path.join(ROOT, 'tests', 'integration', 'seeds', 'autodns.yml')
DOMAINS = ('example.com', 'example.net', 'example.org', 'xn--mller-kva.de')


def worker(url, requests_count, rate, number):
    """One client process: reads, plus one domain update per process; prints its 429 back-offs."""
    from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient
    from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
    backoffs = []

    def sleep(seconds):
        backoffs.append(seconds)
        time.sleep(seconds)
    client = AutoDNSClient(url, 'demo', 'demo-password', 4, USER_AGENT, rate=rate, sleep=sleep)
    domain = DOMAINS[number % len(DOMAINS)]
    for index in range(requests_count - 1):
        if index % 2:
            client.request('POST', '/contact/_search', body={'filters': [{'key': 'id', 'value': '100', 'operator': 'EQUAL'}]})
        else:
            client.get('/domain/%s' % domain)
    client.request('PUT', '/domain/%s' % domain, body={'name': domain, 'autoRenewStatus': 'TRUE'})
    print(json.dumps({'backoffs': backoffs}))


def max_in_one_second(times):
    times = sorted(times)
    return max((len([t for t in times[i:] if t - start < 1.0]) for i, start in enumerate(times)), default=0)


def measure(processes, requests_count, limiter, state_dir):
    from sandbox.launcher import Sandbox
    journal = os.path.join(state_dir, 'journal.jsonl')
    with Sandbox('autodns', seed=SEED, journal=journal, extra_args=['--rate-limit', '3', '--job-delay', '0.2'],
                 log=open(os.devnull, 'w')) as box:
        env = dict(os.environ, TMPDIR=state_dir)  # the limiter's one state file goes there
        start = time.time()
        workers = [subprocess.Popen([sys.executable, os.path.abspath(__file__), '--worker', box.url,
                                     str(requests_count), '3' if limiter else '0', str(number)],
                                    env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for number in range(processes)]
        outputs = [w.communicate(timeout=300) for w in workers]
        elapsed = time.time() - start
        time.sleep(0.3)  # the journal line is written after the answer
    failed = [err for (out, err), w in zip(outputs, workers) if w.returncode != 0]
    with open(journal) as handle:
        entries = [json.loads(line) for line in handle if line.strip()]
    arrivals = sorted(e['received'] for e in entries)
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    backoffs = [b for out, err in outputs if out.strip() for b in json.loads(out.strip().splitlines()[-1])['backoffs']]
    writes = [e for e in entries if e.get('write')]
    return {
        'processes': processes, 'limiter': limiter, 'requests': len(entries),
        'answered_429': len([e for e in entries if e['status_code'] == 429]),
        'writes_executed': len([e for e in writes if e['status_code'] != 429]),
        'max_in_any_1s': max_in_one_second(arrivals), 'min_gap_s': round(min(gaps), 3) if gaps else None,
        'elapsed_s': round(elapsed, 2), 'rate_per_s': round(len(entries) / elapsed, 2) if elapsed else None,
        'client_backoffs': len(backoffs), 'failed_processes': len(failed),
        'state_files': sorted(f for f in os.listdir(state_dir) if f.endswith('.rate')),
        'journal': journal,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--worker', nargs=4, metavar=('URL', 'REQUESTS', 'RATE', 'NUMBER'))
    parser.add_argument('--processes', type=int, default=4)
    parser.add_argument('--requests', type=int, default=6)
    parser.add_argument('--no-limiter', action='store_true')
    parser.add_argument('--json', action='store_true')
    parser.add_argument('--state-dir')
    args = parser.parse_args()
    if args.worker:
        url, count, rate, number = args.worker
        worker(url, int(count), int(rate), int(number))
        return
    state_dir = args.state_dir or tempfile.mkdtemp(prefix='bench-autodns-')
    figures = measure(args.processes, args.requests, not args.no_limiter, state_dir)
    if args.json:
        print(json.dumps(figures))
        return
    for key in ('processes', 'limiter', 'requests', 'answered_429', 'writes_executed', 'max_in_any_1s', 'min_gap_s',
                'elapsed_s', 'rate_per_s', 'client_backoffs', 'failed_processes', 'state_files'):
        print('%-18s %s' % (key, figures[key]))


if __name__ == '__main__':
    main()
