# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Whole portfolios through ansible-playbook: the portfolio module against the per-domain loop.

For each registrar and N, starts its sandbox with N generated domains (``--generate``), an
injected per-request latency (``--latency``) and, for AutoDNS, its limit of 3 requests per
second, exports the account (the declarations of a no-op) and measures with real
ansible-playbook runs:

- a no-op converge of all N domains with the portfolio module: requests (the sandbox's journal),
  the request floor (the bulk requests a no-op needs: pending work, the domains, their contacts;
  at AutoDNS's 3 per second for AutoDNS), wall time, measured/floor, peak memory (max RSS of the
  playbook's processes); once with the declarations as a variable (``domains``), once read by the
  module from the exported file (``domains_file``), and once by the portfolio role from that file
  (``portfolio_domains_file``: its checks and summary lines included). The floor in seconds is also given with
  ansible-playbook's own cost added (an empty playbook with one module, measured in this run):
  no task can take less;
- for N in --loop-sizes, the same no-op as the per-domain loop (one domain_info and one domain
  task per domain, as the portfolio role did up to 0.1), and the ratio of the two;
- N name-server changes (--changes) with every job taking --job-delay seconds: the wall time
  against one job's time (N changes should wait about one job's time, not N).

    .venv/bin/python benchmarks/bench_portfolio.py [--sizes 10 100 1000] [--loop-sizes 10 100]
        [--latency 0.05] [--changes 20] [--job-delay 5] [--providers autodns ascio] [--json]

Prints a table; asserts nothing.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [os.path.join(ROOT, '.build', 'collections'), ROOT]
os.chdir(ROOT)

from ansible_collections.domainops.registrar.plugins.module_utils.core.export import declarations  # noqa: E402
from sandbox.launcher import Sandbox  # noqa: E402

BIN = os.path.dirname(sys.executable)
PLAYBOOKS = os.path.join(ROOT, 'benchmarks', 'playbooks')
SEEDS = os.path.join(ROOT, 'tests', 'integration', 'seeds')
RATE = {'autodns': 3.0, 'ascio': None}  # requests per second the registrar allows (Ascio: no published limit)
DELAY_OPTION = {'autodns': 'job_delay', 'ascio': 'order_delay'}
# Names per bulk search: AutoDNS docs/reference/autodns-list-keys.json page size; Ascio
# ascio-rules.json bulk_reads (100 names per SearchDomain, WCF's default message size).
PAGE = {'autodns': 1000, 'ascio': 100}


def credentials(provider, url):
    if provider == 'autodns':
        return {'AUTODNS_URL': url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password', 'AUTODNS_CONTEXT': '4'}
    return {'ASCIO_URL': url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password'}


def journal_lines(path):
    if not os.path.exists(path):
        return 0
    with open(path) as handle:
        return sum(1 for line in handle if line.strip())


def play(provider, url, playbook, extra, workdir):
    """(seconds, peak RSS in MB of the playbook's processes, return code)."""
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('AUTODNS_', 'ASCIO_')))
    env.update(credentials(provider, url))
    env.update(ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, '.build', 'collections'), ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0', ANSIBLE_NOCOLOR='1')
    extra_file = os.path.join(workdir, 'extra.json')
    with open(extra_file, 'w') as handle:
        json.dump(dict(extra, provider=provider), handle)
    start = time.monotonic()
    proc = subprocess.Popen([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                             os.path.join(PLAYBOOKS, playbook), '-e', '@' + extra_file],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        sys.stderr.write(output.decode('utf-8', 'replace')[-3000:])
    return seconds, usage.ru_maxrss / 1024.0, rc


def floor_requests(provider, count):
    """The fewest requests a no-op of ``count`` domains needs: pending work, the domains, their contacts."""
    pages = max(1, math.ceil(count / PAGE[provider]))
    if provider == 'autodns':
        return 1 + pages + 1   # POST /job/_search, POST /domain/_search (pages), POST /contact/_search
    return 1 + 1 + 1 + pages   # LogIn, SearchOrder, SearchDomain (pages)


def floor_seconds(provider, requests, latency):
    rate = RATE[provider]
    # One request after the other (each needs the answer before it): every request takes the latency,
    # and at 3 requests per second the next one starts no sooner than 1/3 s after the last.
    gap = max(1.0 / rate if rate else 0.0, latency)
    return (requests - 1) * gap + latency


def measure(provider, count, args, loop):
    workdir = tempfile.mkdtemp(prefix='bench-portfolio-')
    journal = os.path.join(workdir, 'journal.jsonl')
    options = dict(generate=count, latency=args.latency, journal=journal)
    options[DELAY_OPTION[provider] if provider == 'ascio' else 'job_delay'] = args.job_delay
    if provider == 'autodns':
        options['rate_limit'] = 3
    sandbox = _start(provider, options)
    try:
        out = os.path.join(workdir, 'export.json')
        seconds, _rss, rc = play(provider, sandbox.url, 'export.yml', {'out': out}, workdir)
        with open(out) as handle:
            declared = [d for d in declarations(json.load(handle)) if d['name'].startswith('bench-')]
        row = dict(provider=provider, domains=count)
        before = journal_lines(journal)
        seconds, rss, rc = play(provider, sandbox.url, 'portfolio.yml', {'domains': declared}, workdir)
        row.update(requests=journal_lines(journal) - before, floor_requests=floor_requests(provider, count),
                   seconds=round(seconds, 2), peak_mb=round(rss, 1), rc=rc)
        declared_file = os.path.join(workdir, 'declared.json')
        with open(declared_file, 'w') as handle:
            json.dump(declared, handle)
        before = journal_lines(journal)
        file_seconds, file_rss, file_rc = play(provider, sandbox.url, 'portfolio-file.yml', {'domains_file': declared_file},
                                               workdir)
        row.update(file_requests=journal_lines(journal) - before, file_seconds=round(file_seconds, 2),
                   file_peak_mb=round(file_rss, 1), file_rc=file_rc)
        before = journal_lines(journal)
        role_seconds, _rss, role_rc = play(provider, sandbox.url, 'role-portfolio-file.yml', {'domains_file': declared_file},
                                           workdir)
        row.update(role_requests=journal_lines(journal) - before, role_seconds=round(role_seconds, 2), role_rc=role_rc)
        row['floor_seconds'] = round(floor_seconds(provider, row['floor_requests'], args.latency), 2)
        row['requests_ratio'] = round(row['requests'] / float(row['floor_requests']), 2)
        if loop:
            before = journal_lines(journal)
            loop_seconds, _rss, loop_rc = play(provider, sandbox.url, 'per-domain-loop.yml', {'domains': declared}, workdir)
            row.update(loop_requests=journal_lines(journal) - before, loop_seconds=round(loop_seconds, 2), loop_rc=loop_rc,
                       speedup=round(loop_seconds / seconds, 1))
        return row
    finally:
        sandbox.stop()


def _start(provider, options):
    kwargs = dict(options)
    extra = []
    if provider == 'ascio':
        extra = ['--order-delay', str(kwargs.pop('job_delay', None) or kwargs.pop('order_delay'))]
        kwargs.pop('order_delay', None)
    journal = kwargs.pop('journal')
    return Sandbox(provider, seed=os.path.join(SEEDS, '%s.yml' % provider), journal=journal, extra_args=extra, **kwargs)


def changes(provider, count, args):
    """Wall time of ``count`` name-server changes whose jobs each take --job-delay seconds."""
    workdir = tempfile.mkdtemp(prefix='bench-changes-')
    journal = os.path.join(workdir, 'journal.jsonl')
    options = dict(generate=count, latency=args.latency, journal=journal, job_delay=args.job_delay)
    if provider == 'autodns':
        options['rate_limit'] = 3
    sandbox = _start(provider, options)
    try:
        out = os.path.join(workdir, 'export.json')
        play(provider, sandbox.url, 'export.yml', {'out': out}, workdir)
        with open(out) as handle:
            declared = [d for d in declarations(json.load(handle)) if d['name'].startswith('bench-')]
        for item in declared:
            item['nameservers'] = ['ns1.bench-change.example', 'ns2.bench-change.example']
        before = journal_lines(journal)
        seconds, _rss, rc = play(provider, sandbox.url, 'portfolio.yml', {'domains': declared}, workdir)
        # The floor: every change sent (at 3 per second on AutoDNS), then one job's time.
        rate = RATE[provider]
        floor = args.job_delay + ((count - 1) / rate if rate else 0.0)
        return dict(provider=provider, changes=count, job_seconds=args.job_delay, seconds=round(seconds, 2),
                    requests=journal_lines(journal) - before, per_job=round(seconds / args.job_delay, 2),
                    floor_seconds=round(floor, 2), rc=rc)
    finally:
        sandbox.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--sizes', type=int, nargs='*', default=[10, 100, 1000])
    parser.add_argument('--loop-sizes', type=int, nargs='*', default=[10, 100])
    parser.add_argument('--latency', type=float, default=0.05)
    parser.add_argument('--changes', type=int, default=20)
    parser.add_argument('--job-delay', type=float, default=5.0)
    parser.add_argument('--providers', nargs='+', default=['autodns', 'ascio'])
    parser.add_argument('--json', action='store_true')
    args = parser.parse_args()
    rows, change_rows = [], []
    workdir = tempfile.mkdtemp(prefix='bench-ansible-')
    ansible_seconds = min(play('autodns', 'http://127.0.0.1:9', 'empty.yml', {}, workdir)[0] for _attempt in range(3))
    for provider in args.providers:
        for count in args.sizes:
            rows.append(measure(provider, count, args, loop=count in args.loop_sizes))
        if args.changes:
            change_rows.append(changes(provider, args.changes, args))
    if args.json:
        print(json.dumps({'ansible_seconds': ansible_seconds, 'noop': rows, 'changes': change_rows}, indent=2))
        return
    print('No-op converge of N generated domains; latency %.3f s per request; AutoDNS limited to 3 requests/s' % args.latency)
    print('ansible-playbook itself (start, one module process, no request): %.2f s; "net s" is wall minus that;' % ansible_seconds)
    print('"+ansible s" is the request floor plus that; "file" reads the declarations with domains_file, "role file"')
    print('is the portfolio role with portfolio_domains_file')
    print('%-9s %6s %9s %6s %9s %8s %7s %9s %10s %8s %8s %10s %11s %8s %11s %11s %10s %8s' % (
        'registrar', 'N', 'requests', 'floor', 'req/floor', 'wall s', 'net s', 'floor s', '+ansible s', 'peak MB',
        'file s', 'file/floor', 'file/+ansib', 'file MB', 'role file s', 'loop wall s', 'loop req', 'speedup'))
    for r in rows:
        with_ansible = r['floor_seconds'] + ansible_seconds
        print('%-9s %6d %9d %6d %9.2f %8.2f %7.2f %9.2f %10.2f %8.1f %8.2f %10.2f %11.2f %8.1f %11.2f %11s %10s %8s' % (
            r['provider'], r['domains'], r['requests'], r['floor_requests'], r['requests_ratio'], r['seconds'],
            r['seconds'] - ansible_seconds, r['floor_seconds'], with_ansible, r['peak_mb'], r['file_seconds'],
            r['file_seconds'] / r['floor_seconds'], r['file_seconds'] / with_ansible, r['file_peak_mb'], r['role_seconds'],
            r.get('loop_seconds', '-'), r.get('loop_requests', '-'), ('%.1fx' % r['speedup']) if 'speedup' in r else '-'))
        for kind in ('file', 'role'):
            if r['%s_requests' % kind] != r['requests']:
                print('  (the %s run used %d requests)' % (kind, r['%s_requests' % kind]))
    if change_rows:
        print()
        print('N name-server changes, every job taking %.1f s' % args.job_delay)
        print('%-9s %8s %8s %7s %9s %9s %10s' % ('registrar', 'changes', 'wall s', 'net s', 'requests', 'wall/job', 'floor s'))
        for r in change_rows:
            values = (r['provider'], r['changes'], r['seconds'], r['seconds'] - ansible_seconds, r['requests'], r['per_job'],
                      r['floor_seconds'])
            print('%-9s %8d %8.2f %7.2f %9d %9.2f %10.2f' % values)
    if any(r['rc'] for r in rows + change_rows) or any(r.get('loop_rc') or r.get('file_rc') or r.get('role_rc') for r in rows):
        print('\nsome playbook runs failed (their output is above)')


if __name__ == '__main__':
    main()
