# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The 3 requests/second of AutoDNS hold at the server: parallel processes against the rate-limited sandbox."""
import json
import os
import subprocess
import sys
import threading
import time

from conftest import BIN, CALLBACKS, PLAYBOOKS, ROOT, start_registrar

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT

DOMAINS = ('example.com', 'example.net', 'example.org', 'xn--mller-kva.de')
BENCHMARK = os.path.join(ROOT, 'benchmarks', 'bench_autodns_rate_limit.py')


def max_in_one_second(times):
    times = sorted(times)
    return max(len([t for t in times[i:] if t - start < 1.0]) for i, start in enumerate(times))


def test_four_ansible_playbook_runs_at_once_meet_no_429_and_never_four_requests_in_a_second(tmp_path):
    registrar = start_registrar('autodns', tmp_path)
    state = tmp_path / 'tmp'
    state.mkdir()
    try:
        results, threads = {}, []

        def play(domain):
            results_file = str(tmp_path / ('%s.results.json' % domain))
            env = registrar.env(ANSIBLE_CALLBACK_PLUGINS=CALLBACKS, TASK_RESULTS_FILE=results_file, TMPDIR=str(state))
            command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                       os.path.join(PLAYBOOKS, 'domain_info.yml'), '-e', json.dumps({'provider': 'autodns', 'domain': domain})]
            proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
            results[domain] = (proc.returncode, proc.stdout + proc.stderr)
        for domain in DOMAINS:
            threads.append(threading.Thread(target=play, args=(domain,)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        time.sleep(0.3)
        journal = registrar.journal()
    finally:
        registrar.sandbox.stop()
    for domain, (returncode, output) in results.items():
        assert returncode == 0, output
    assert len(journal) >= 2 * len(DOMAINS)
    assert [entry for entry in journal if entry['status_code'] == 429] == []
    assert max_in_one_second([entry['received'] for entry in journal]) <= 3
    assert len([name for name in os.listdir(str(state)) if name.endswith('.rate')]) == 1, 'one state file per user'


def test_four_client_processes_with_writes_meet_no_429(tmp_path):
    proc = subprocess.run([sys.executable, BENCHMARK, '--processes', '4', '--requests', '4', '--json',
                           '--state-dir', str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures['failed_processes'] == 0 and figures['requests'] == 16
    assert figures['answered_429'] == 0 and figures['client_backoffs'] == 0
    assert figures['max_in_any_1s'] <= 3
    assert figures['writes_executed'] == 4
    assert figures['state_files'] == ['domainops-registrar-%d.rate' % os.getuid()]


def test_a_write_answered_429_is_executed_exactly_once(tmp_path):
    registrar = start_registrar('autodns', tmp_path)
    try:
        url = registrar.sandbox.url
        burst = AutoDNSClient(url, 'demo', 'demo-password', 4, USER_AGENT, rate=0)
        for _request in range(3):
            burst.get('/domain/example.net')
        writer = AutoDNSClient(url, 'demo', 'demo-password', 4, USER_AGENT, rate=0)
        answer = writer.request('PUT', '/domain/example.net', body={'name': 'example.net', 'autoRenewStatus': 'FALSE'})
        job_id = answer['data'][0]['id']
        time.sleep(1.1)
        jobs = writer.request('POST', '/job/_search', body={'filters': [
            {'key': 'object', 'value': 'example.net', 'operator': 'EQUAL'}]})['data']
        time.sleep(0.3)
        journal = registrar.journal()
    finally:
        registrar.sandbox.stop()
    puts = [entry['status_code'] for entry in journal if entry['method'] == 'PUT']
    assert puts == [429, 200], 'refused by the limit, then executed once'
    assert [entry['job']['id'] for entry in jobs] == [job_id], 'one job: the write ran once'
