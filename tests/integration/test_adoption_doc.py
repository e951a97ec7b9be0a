# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""docs/adoption.md, step by step as written: export the account to group_vars, then converge it
with the portfolio role in check mode, which must find nothing to change; then the same from a
file (portfolio_domains_file, read by the portfolio module itself); on both sandboxes."""
import os
import re
import shutil
import subprocess

import yaml
from conftest import BIN, CALLBACKS, ROOT

DOC = os.path.join(ROOT, 'docs', 'adoption.md')


def playbooks():
    with open(DOC) as handle:
        text = handle.read()
    blocks = [yaml.safe_load(block) for block in re.findall(r'```yaml\n(.*?)```', text, re.S)]
    return [b for b in blocks if isinstance(b, list) and b and 'hosts' in b[0]]


def run(registrar, workdir, name, play, *args):
    path = os.path.join(workdir, name)
    with open(path, 'w') as handle:
        yaml.safe_dump(play, handle, sort_keys=False)
    env = registrar.env(ANSIBLE_CALLBACK_PLUGINS=CALLBACKS, TASK_RESULTS_FILE=os.path.join(workdir, name + '.json'),
                        DOMAINOPS_PROVIDER=registrar.provider)
    proc = subprocess.run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', path] + list(args),
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=300, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def summary_lines(out, exported):
    """The portfolio role's summary lines as printed (items of its one message), for the exported domains."""
    names = set(d['name'] for d in exported['portfolio_domains'])
    printed = [line.strip().rstrip(',') for line in out.splitlines()]
    return [line.strip('"') for line in printed if line.startswith('"') and line.strip('"').split(': ', 1)[0] in names]


def test_adoption_steps_run_as_written_and_change_nothing(registrar, tmp_path):
    export, converge, from_file = playbooks()
    workdir = str(tmp_path)
    rc, out = run(registrar, workdir, 'export.yml', export)
    assert rc == 0, out
    with open(os.path.join(workdir, 'group_vars', 'all', 'portfolio.yml')) as handle:
        exported = yaml.safe_load(handle)
    assert exported['portfolio_domains'] and exported['portfolio_contacts']
    rc, out = run(registrar, workdir, 'adopt.yml', converge, '--check', '--diff')
    assert rc == 0, out
    assert summary_lines(out, exported) == ['%s: unchanged' % d['name'] for d in exported['portfolio_domains']], out
    assert registrar.writes() == []

    # Step 6: the same export in a file beside the playbook, read by the module itself.
    shutil.copy(os.path.join(workdir, 'group_vars', 'all', 'portfolio.yml'), os.path.join(workdir, 'portfolio.yml'))
    shutil.rmtree(os.path.join(workdir, 'group_vars'))
    rc, out = run(registrar, workdir, 'adopt-file.yml', from_file, '--check', '--diff')
    assert rc == 0, out
    assert ' changed=0 ' in out, out
    assert summary_lines(out, exported) == ['%s: unchanged' % d['name'] for d in exported['portfolio_domains']], out
    assert registrar.writes() == []
