# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Two runs started at the same time for one renewal intent renew once (the controller's domain lock).

Each trial starts a fresh sandbox and two processes of the renew module at once, run as Ansible
runs a module (its arguments in a JSON file), so that the lock is taken by two real processes.
"""
import json
import os
import subprocess
import sys

import pytest
from conftest import PROVIDERS, ROOT, start_registrar

TRIALS = 20
COLLECTIONS = os.path.join(ROOT, '.build', 'collections')
RENEW = 'ansible_collections.domainops.registrar.plugins.modules.renew'


def renewals(registrar):
    return [w for w in registrar.writes() if w.get('order_type') == 'Renew_Domain' or '_renew' in w.get('path', '')]


def start_renew(registrar, args_file):
    env = registrar.env(PYTHONPATH=COLLECTIONS)
    return subprocess.Popen([sys.executable, '-m', RENEW, args_file], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize('provider', PROVIDERS)
def test_two_concurrent_renewals_of_one_intent_renew_once(provider, tmp_path):
    args_file = str(tmp_path / 'args.json')
    with open(args_file, 'w') as handle:
        json.dump({'ANSIBLE_MODULE_ARGS': {'provider': provider, 'name': 'example.com', 'until': '2028-01-31'}}, handle)
    for trial in range(TRIALS):
        trial_dir = tmp_path / ('trial-%02d' % trial)
        trial_dir.mkdir()
        registrar = start_registrar(provider, trial_dir)
        try:
            runs = [start_renew(registrar, args_file) for run in range(2)]
            answers = [run.communicate(timeout=120) for run in runs]
            results = [json.loads(out) for out, err in answers]
            assert all(not r.get('failed') for r in results), answers
            assert sorted(r['changed'] for r in results) == [False, True], results
            assert len(renewals(registrar)) == 1, 'trial %d: %d renewals' % (trial, len(renewals(registrar)))
        finally:
            registrar.sandbox.stop()
