# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The CI jobs of docs/ci.md, their shell steps extracted from the document and run under
``bash -eo pipefail`` against the sandboxes: each gate passes when nothing would change and
fails when something would (or when an order is still running)."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from sandbox.launcher import Sandbox

BIN = os.path.dirname(sys.executable)
DOC = os.path.join(ROOT, 'docs', 'ci.md')
SEEDS = os.path.join(ROOT, 'sandbox', 'seeds')
# The documented jobs install ansible-core and the collection first; here the venv and the
# checkout's collections path stand in for them.
INSTALLS = ('pip install', 'ansible-galaxy collection install')
# What the sandbox seeds hold for example.com: a playbook declaring this changes nothing.
SEEDED_NAMESERVERS = ['a.ns14.net', 'b.ns14.net', 'c.ns14.net', 'd.ns14.net']


def fenced(language):
    with open(DOC) as handle:
        return re.findall(r'^```%s\n(.*?)^```' % language, handle.read(), re.M | re.S)


def block(language, first_line):
    (found,) = [text for text in fenced(language) if text.startswith(first_line)]
    return found


def free_port():
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def domains_playbook(nameservers, change_lock=False):
    """A user's domains.yml: AutoDNS name servers and Ascio locks of example.com, and the
    documented task that writes operations.json."""
    (copy_task,) = [text for text in fenced('yaml') if 'Write what the run would send' in text]
    return [{
        'name': 'Domains', 'hosts': 'localhost', 'gather_facts': False,
        'tasks': [
            {'name': 'Name servers of example.com', 'register': 'example_com_ns',
             'domainops.registrar.nameservers': {'provider': 'autodns', 'name': 'example.com', 'nameservers': nameservers,
                                                 'wait': '{{ wait | default(true) }}'}},
            {'name': 'Locks of example.com', 'register': 'example_com_locks',
             'domainops.registrar.locks': {'provider': 'ascio', 'name': 'example.com',
                                           'transfer_lock': not change_lock}},
        ] + yaml.safe_load(copy_task),
    }]


class Project:
    """A user's repository with the documented inventory, a domains.yml and the sandbox seeds."""

    def __init__(self, path):
        self.path = str(path)
        self.groups = []
        os.makedirs(os.path.join(self.path, 'ci'))
        with open(os.path.join(self.path, 'inventory'), 'w') as handle:
            handle.write(block('ini', '# inventory'))
        for kind in ('autodns', 'ascio'):
            shutil.copy(os.path.join(SEEDS, '%s.yml' % kind), os.path.join(self.path, 'ci', '%s-seed.yml' % kind))
        self.env = dict((k, v) for k, v in os.environ.items() if not k.startswith(('ANSIBLE_', 'ASCIO_', 'AUTODNS_')))
        self.env.update({'PATH': BIN + os.pathsep + os.environ.get('PATH', ''),
                         'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.build', 'collections'),
                         'CI_PROJECT_DIR': self.path, 'GITHUB_WORKSPACE': self.path,
                         'GITHUB_STEP_SUMMARY': os.path.join(self.path, 'summary.md')})

    def write(self, plays):
        with open(os.path.join(self.path, 'domains.yml'), 'w') as handle:
            yaml.safe_dump(plays, handle, sort_keys=False)

    def bash(self, script, env):
        """One shell step as the CI runs it; in its own process group, so that what it leaves
        running in the background (the dry run's sandboxes) can be stopped afterwards."""
        # Output to a file, not a pipe: what the step leaves in the background would hold a pipe open.
        log = os.path.join(self.path, '.step-%d.log' % len(self.groups))
        with open(log, 'w') as handle:
            proc = subprocess.Popen(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', script], cwd=self.path,
                                    env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
            self.groups.append(proc.pid)
            proc.wait(timeout=600)
        with open(log) as handle:
            return proc.returncode, handle.read()

    def stop(self):
        for group in self.groups:
            try:
                os.killpg(group, signal.SIGTERM)
            except ProcessLookupError:
                pass


def gitlab_job(name, ports):
    """(environment, script) of a job of the documented .gitlab-ci.yml; GitLab runs before_script
    and script as one script."""
    text = block('yaml', '# .gitlab-ci.yml').replace('8443', str(ports[0])).replace('8444', str(ports[1]))
    config = yaml.safe_load(text)
    lines = config['default']['before_script'] + config[name]['script']
    env = dict(config['default'].get('variables', {}), **config[name].get('variables', {}))
    return env, '\n'.join(line for line in lines if not line.startswith(INSTALLS))


def github_job(name, ports):
    """(environment, [step scripts]) of a job of the documented workflow; each step is a script."""
    text = block('yaml', '# .github/workflows/domains.yml').replace('8443', str(ports[0])).replace('8444', str(ports[1]))
    config = yaml.safe_load(text)
    assert config['defaults']['run']['shell'] == 'bash'
    job = config['jobs'][name]
    env = dict((k, v) for k, v in job.get('env', {}).items() if '${{' not in str(v))
    steps = [step['run'] for step in job['steps'] if 'run' in step and not step['run'].startswith(INSTALLS)]
    return env, steps


@pytest.fixture
def project(tmp_path):
    project = Project(tmp_path / 'repo')
    yield project
    project.stop()


@pytest.fixture
def registrars(tmp_path, request):
    """Both sandboxes standing in for the real registrars (the review and drift jobs); the
    credentials are what the CI secrets would hold."""
    delay = getattr(request, 'param', 0.2)
    with open(str(tmp_path / 'sandboxes.log'), 'w') as log, \
            Sandbox('autodns', seed=os.path.join(SEEDS, 'autodns.yml'), log=log, extra_args=['--job-delay', str(delay)]) as autodns, \
            Sandbox('ascio', seed=os.path.join(SEEDS, 'ascio.yml'), log=log, extra_args=['--order-delay', str(delay)]) as ascio:
        yield {'AUTODNS_URL': autodns.url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password', 'AUTODNS_CONTEXT': '4',
               'ASCIO_URL': ascio.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password'}


def run_gitlab(project, name, secrets=None):
    env, script = gitlab_job(name, (free_port(), free_port()))
    return project.bash(script, dict(project.env, **dict(env, **(secrets or {}))))


def run_github(project, name, secrets=None):
    env, steps = github_job(name, (free_port(), free_port()))
    output = ''
    for step in steps:
        rc, out = project.bash(step, dict(project.env, **dict(env, **(secrets or {}))))
        output += out
        if rc != 0:
            return rc, output
    return 0, output


RUNNERS = {'gitlab': run_gitlab, 'github': run_github}


@pytest.mark.parametrize('ci', sorted(RUNNERS))
def test_review_passes_and_reports_the_changes_it_would_send(ci, project, registrars):
    project.write(domains_playbook(['a.ns14.net', 'b.ns14.net'], change_lock=True))
    rc, out = RUNNERS[ci](project, 'review', registrars)
    assert rc == 0, out
    with open(os.path.join(project.path, 'operations.json')) as handle:
        operations = [op['operation'] for op in json.load(handle)]
    assert operations == ['PUT /domain/example.com', 'Change_Locks'], operations


@pytest.mark.parametrize('ci', sorted(RUNNERS))
@pytest.mark.parametrize('registrars', [30], indirect=True)
def test_review_fails_while_an_order_is_still_running(ci, project, registrars):
    project.write(domains_playbook(['a.ns14.net', 'b.ns14.net']))
    # An earlier apply sent the name server change without waiting: the job runs for 30 s.
    rc, out = project.bash('ansible-playbook -i inventory domains.yml -e wait=false', dict(project.env, **registrars))
    assert rc == 0, out
    rc, out = RUNNERS[ci](project, 'review', registrars)
    assert rc == 1, out
    assert 'still running at the registrar' in out and 'review incomplete' in out, out


@pytest.mark.parametrize('ci', sorted(RUNNERS))
def test_drift_passes_when_the_registrar_holds_what_is_declared(ci, project, registrars):
    project.write(domains_playbook(SEEDED_NAMESERVERS))
    rc, out = RUNNERS[ci](project, 'drift', registrars)
    assert rc == 0, out
    assert ' changed=0 ' in out


@pytest.mark.parametrize('ci', sorted(RUNNERS))
def test_drift_fails_when_a_task_would_change_something(ci, project, registrars):
    project.write(domains_playbook(SEEDED_NAMESERVERS, change_lock=True))
    rc, out = RUNNERS[ci](project, 'drift', registrars)
    assert rc == 1, out
    assert '1 task(s) would change the registrar' in out, out


@pytest.mark.parametrize('ci', sorted(RUNNERS))
def test_dry_run_passes_on_an_idempotent_playbook_against_its_own_sandboxes(ci, project):
    project.write(domains_playbook(['a.ns14.net', 'b.ns14.net'], change_lock=True))
    rc, out = RUNNERS[ci](project, 'dry-run')
    assert rc == 0, out
    assert 'changed=2 ' in out and 'changed=0 ' in out, out


@pytest.mark.parametrize('ci', sorted(RUNNERS))
def test_dry_run_fails_when_the_second_run_still_changes_something(ci, project):
    plays = domains_playbook(SEEDED_NAMESERVERS)
    plays[0]['tasks'].insert(0, {'name': 'A task that changes something on every run', 'ansible.builtin.command': 'true',
                                 'changed_when': True})
    project.write(plays)
    rc, out = RUNNERS[ci](project, 'dry-run')
    assert rc == 1, out
    assert 'not idempotent: 1 task(s) changed on the second run' in out, out
