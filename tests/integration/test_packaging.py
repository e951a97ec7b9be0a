# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection as users get it: built with ansible-galaxy, installed from the tarball, used from there.

One module-scoped build and install; the demo playbook then runs from the installed copy with
ANSIBLE_COLLECTIONS_PATH naming that copy only, against both sandboxes.
"""
import json
import os
import shutil
import subprocess
import sys
import tarfile

import pytest
import yaml

from sandbox.launcher import ROOT, Sandbox

BIN = os.path.dirname(sys.executable)
SEEDS = os.path.join(ROOT, 'sandbox', 'seeds')

# Nothing of a development checkout belongs in the tarball.
NOT_SHIPPED = ('.venv/', '.venv-newest/', '.build/', '.git/', '.pytest_cache/', '__pycache__/', '.ansible/', '.ci/',
               'tests/', 'tools/', 'benchmarks/', 'Makefile', '.ansible-lint', '.gitignore', 'requirements-dev.txt',
               'requirements-test.txt', 'ruff.toml', 'changelogs/.plugin-cache.yaml')
# sandbox/ ships: docs/ci.md's dry-run jobs start the sandboxes from the installed collection.
SHIPPED = ('README.md', 'LICENSE', 'requirements.txt', 'meta/runtime.yml', 'meta/execution-environment.yml',
           'sandbox/launcher.py', 'sandbox/autodns/__main__.py', 'sandbox/ascio/__main__.py', 'sandbox/seeds/autodns.yml',
           'plugins/modules/nameservers.py', 'plugins/module_utils/ascio/_wsdl.py',
           'plugins/doc_fragments/connection.py', 'playbooks/demo.yml', 'playbooks/demo-registrar.yml',
           'changelogs/changelog.yaml', 'changelogs/config.yaml', 'docs/getting-started.md')


def run(command, env=None, cwd=None, timeout=300):
    proc = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, '%s failed (%d):\n%s%s' % (' '.join(command), proc.returncode, proc.stdout, proc.stderr)
    return proc.stdout


def galaxy_version():
    with open(os.path.join(ROOT, 'galaxy.yml')) as handle:
        return yaml.safe_load(handle)['version']


def isolated_env(collections):
    """An environment in which ansible can only find the collection at ``collections``."""
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('ANSIBLE_', 'ASCIO_', 'AUTODNS_')))
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': collections,
        'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_RETRY_FILES_ENABLED': '0',
        'ANSIBLE_LOCALHOST_WARNING': '0',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': '0',
        'ANSIBLE_LOCAL_TEMP': os.path.join(os.path.dirname(collections), 'ansible-tmp'),
    })
    env.pop('PYTHONPATH', None)
    return env


@pytest.fixture(scope='module')
def installed(tmp_path_factory):
    """(tarball, collections path, installed collection dir, environment that sees only it)."""
    work = tmp_path_factory.mktemp('packaging')
    dist = work / 'dist'
    collections = str(work / 'collections')
    run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', ROOT, '--output-path', str(dist)])
    tarball = str(dist / ('domainops-registrar-%s.tar.gz' % galaxy_version()))
    assert os.path.isfile(tarball), os.listdir(str(dist))
    env = isolated_env(collections)
    run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', tarball, '-p', collections],
        env=env, cwd=str(work))
    target = os.path.join(collections, 'ansible_collections', 'domainops', 'registrar')
    assert os.path.isdir(target) and not os.path.islink(target)
    return tarball, collections, target, env


def test_tarball_holds_the_collection_and_nothing_of_the_checkout(installed):
    tarball = installed[0]
    with tarfile.open(tarball) as archive:
        names = [member.name + ('/' if member.isdir() else '') for member in archive.getmembers()]
        manifest = json.load(archive.extractfile('MANIFEST.json'))
    leaked = [name for name in names
              if any(name.startswith(part) or ('/' + part) in name for part in NOT_SHIPPED)
              or name.endswith(('.pyc', '.tar.gz'))]
    assert leaked == []
    assert [path for path in SHIPPED if path not in names] == []
    info = manifest['collection_info']
    assert (info['namespace'], info['name'], info['version']) == ('domainops', 'registrar', galaxy_version())
    assert info['dependencies'] == {}
    # Galaxy shows the licence and links these URLs: the SPDX id, and no invented addresses.
    assert info['license'] == ['GPL-3.0-or-later']
    assert [key for key in ('repository', 'documentation', 'homepage', 'issues') if info.get(key)] == []
    with tarfile.open(tarball) as archive:
        licence = archive.extractfile('LICENSE').read().decode()
    assert licence.lstrip().startswith('GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007')


def test_ansible_finds_only_the_installed_copy(installed):
    tarball, collections, target, env = installed
    listed = json.loads(run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'list', 'domainops.registrar',
                             '--format', 'json'], env=env, cwd=collections))
    expected_root = os.path.join(collections, 'ansible_collections')
    assert list(listed) == [expected_root], listed
    assert listed[expected_root]['domainops.registrar']['version'] == galaxy_version()

    doc = json.loads(run([os.path.join(BIN, 'ansible-doc'), '--json', 'domainops.registrar.nameservers'],
                         env=env, cwd=collections))
    filename = doc['domainops.registrar.nameservers']['doc']['filename']
    assert filename == os.path.join(target, 'plugins', 'modules', 'nameservers.py')
    assert os.path.realpath(filename).startswith(os.path.realpath(target) + os.sep)
    assert not os.path.realpath(filename).startswith(os.path.realpath(ROOT) + os.sep)


def test_demo_playbook_runs_from_the_installed_copy(installed, tmp_path):
    tarball, collections, target, env = installed
    # Run from a directory outside the checkout: ansible can see the installed copy only.
    journals = dict((kind, str(tmp_path / ('%s.jsonl' % kind))) for kind in ('autodns', 'ascio'))
    with open(str(tmp_path / 'sandboxes.log'), 'w') as log, \
            Sandbox('autodns', seed=os.path.join(SEEDS, 'autodns.yml'), journal=journals['autodns'], log=log) as autodns, \
            Sandbox('ascio', seed=os.path.join(SEEDS, 'ascio.yml'), journal=journals['ascio'], log=log) as ascio:
        env = dict(env)
        env.update({
            'AUTODNS_URL': autodns.url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password',
            'AUTODNS_CONTEXT': '4',
            'ASCIO_URL': ascio.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password',
        })
        # The playbook by its collection name: ansible resolves it inside the installed collection.
        output = run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                      'domainops.registrar.demo', '-v'], env=env, cwd=str(tmp_path), timeout=600)
    recap = [line for line in output.splitlines() if line.startswith('localhost') and 'failed=' in line]
    assert recap and ' failed=0 ' in recap[-1] + ' ', output
    # The playbook that ran is the installed one.
    listed = run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '--list-tasks',
                  'domainops.registrar.demo'], env=env, cwd=str(tmp_path))
    assert 'playbook: %s' % os.path.join(target, 'playbooks', 'demo.yml') in listed, listed
    for kind, journal in journals.items():
        with open(journal) as handle:
            writes = [entry for entry in map(json.loads, filter(str.strip, handle)) if entry.get('write')]
        assert writes, '%s sandbox received no change from the demo' % kind


def test_execution_environment_gets_the_python_requirements(installed, tmp_path):
    collections = installed[1]
    builder = shutil.which('ansible-builder', path=BIN)
    if builder is None:
        pytest.skip('ansible-builder is not installed: pip install -r requirements-dev.txt (make test does)')
    pip = str(tmp_path / 'requirements.txt')
    run([builder, 'introspect', collections, '--write-pip', pip])
    with open(pip) as handle:
        wanted = [line.split('#')[0].strip() for line in handle if line.strip() and not line.startswith('#')]
    names = sorted(requirement.split('>')[0].split('=')[0].split('<')[0].strip().lower() for requirement in wanted)
    assert names == ['requests', 'zeep'], wanted
