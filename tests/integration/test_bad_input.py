# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bad input that used to reach the registrar now fails before any request (the sandbox journal stays empty)."""
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT
from test_lifecycle import run

BAD_INPUT = [
    ('renew', {'min_days_left': 30, 'wait_timeout': 0}, 'wait_timeout must be a positive number of seconds'),
    ('locks', {'transfer_lock': True, 'timeout': -1}, 'timeout must be a positive number of seconds'),
    ('renew', {'min_days_left': 30, 'period': 0}, 'period must be between 1 and 10 years, got 0'),
    ('renew', {'until': '2028-01-31junk'}, 'until must be a date as YYYY-MM-DD'),
    ('renew', {'min_days_left': 10 ** 9}, 'min_days_left must be between 0 and 3653'),
    ('contacts', {'admin': {'city': 'Berlin\x1b[2J'}}, 'contains a control character'),
    ('contacts', {'tech': {'postal_code': '1' * 17}}, 'postal_code is 17 characters long'),
    ('domain', {'nameservers': ['a.ns14.net', {'name': 'ns1.example.com', 'ipv4': '127.0.0.1'}]},
     'not an address a name server can be reached at (loopback)'),
    ('domain', {'nameservers': ['a.ns14.net', {'name': 'b.ns14.net', 'ttl': 300}]}, 'unknown key(s) ttl'),
    ('domain', {'name': 'xn--a.com'}, 'not a valid internationalised label'),
    ('domain', {'name': 'transfer-in.example', 'auth_code': ''}, 'auth_code is empty'),
    ('messages', {'action': 'drain', 'max_messages': 0}, 'max_messages must be at least 1'),
]


@pytest.mark.parametrize('module, args, message', BAD_INPUT, ids=[m[2][:40] for m in BAD_INPUT])
def test_bad_input_fails_before_any_request(registrar, module, args, message):
    if module == 'messages':
        rc, out, results = registrar.play('task.yml', module=module, module_args=args)
    else:
        rc, out, results = run(registrar, module, **args)
    task = results['Run the module']
    assert rc != 0 and task['failed'] is True
    assert message in task['msg'], task['msg']
    assert 'Traceback' not in out
    assert registrar.journal() == []


def test_auth_code_is_only_returned_to_a_no_log_task(registrar, tmp_path):
    args = str(tmp_path / 'args.json')
    with open(args, 'w') as handle:
        json.dump({'ANSIBLE_MODULE_ARGS': {'provider': registrar.provider, 'name': 'example.com',
                                           'include_auth_code': True, '_ansible_no_log': False}}, handle)
    proc = subprocess.run([sys.executable, '-m', 'ansible_collections.domainops.registrar.plugins.modules.domain_info',
                           args], cwd=ROOT, capture_output=True, text=True, check=False,
                          env=registrar.env(PYTHONPATH=os.path.join(ROOT, '.build', 'collections')))
    result = json.loads(proc.stdout)
    assert result['failed'] is True and 'set "no_log: true" on the task' in result['msg']
    assert registrar.journal() == []
