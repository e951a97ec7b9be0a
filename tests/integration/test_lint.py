# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible-lint over a user's project that sets the connection once, in module_defaults.

The modules' argument spec must not demand ``provider`` in every task: module_defaults or the
environment variable DOMAINOPS_PROVIDER supply it (docs/getting-started.md).
"""
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

BIN = os.path.dirname(sys.executable)
PROJECT = os.path.join(ROOT, 'tests', 'lint', 'user_project')


def lint(project, playbook):
    """ansible-lint's findings for ``playbook`` as pep8 lines (path:line: rule: message)."""
    lint_bin = shutil.which('ansible-lint', path=BIN)
    if lint_bin is None:
        pytest.skip('ansible-lint is not installed: pip install -r requirements-dev.txt (make test does)')
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('ANSIBLE_', 'ASCIO_', 'AUTODNS_', 'DOMAINOPS_')))
    env.update({'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.build', 'collections'), 'NO_COLOR': '1',
                'PATH': BIN + os.pathsep + env.get('PATH', '')})
    proc = subprocess.run([lint_bin, '--nocolor', '-f', 'pep8', playbook], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    return proc.returncode, [line for line in (proc.stdout + proc.stderr).splitlines() if line.startswith(playbook + ':')]


def test_no_args_warning_when_the_provider_comes_from_module_defaults():
    rc, findings = lint(PROJECT, 'domains.yml')
    assert findings == [] and rc == 0, findings


def test_the_args_rule_is_active_in_that_project(tmp_path):
    # The same project with an unknown option: the rule that would flag a missing provider runs.
    project = str(tmp_path / 'project')
    shutil.copytree(PROJECT, project)
    with open(os.path.join(project, 'domains.yml')) as handle:
        text = handle.read()
    with open(os.path.join(project, 'domains.yml'), 'w') as handle:
        handle.write(text.replace('        name: example.com\n', '        name: example.com\n        nmae: typo\n', 1))
    rc, findings = lint(project, 'domains.yml')
    assert len(findings) == 1 and 'args[module]' in findings[0] and 'nmae' in findings[0], findings
