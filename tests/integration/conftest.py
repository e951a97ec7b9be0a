# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Integration harness: real sandboxes over real HTTP, driven by real ansible-playbook runs."""
import json
import os
import subprocess
import sys

import pytest

from sandbox.launcher import ROOT, Sandbox

PLAYBOOKS = os.path.join(ROOT, 'tests', 'integration', 'playbooks')
SEEDS = os.path.join(ROOT, 'tests', 'integration', 'seeds')
CALLBACKS = os.path.join(ROOT, 'tests', 'integration', 'callback_plugins')
BIN = os.path.dirname(sys.executable)
PROVIDERS = ('autodns', 'ascio')
# Fast jobs/orders keep the suite short; the limit of 3 requests/second stays on for AutoDNS.
DELAY_OPTION = {'autodns': '--job-delay', 'ascio': '--order-delay'}


class Registrar:
    """One sandbox, its journal, and how to run playbooks against it."""

    def __init__(self, provider, sandbox, journal, credentials):
        self.provider = provider
        self.sandbox = sandbox
        self.journal_path = journal
        self.credentials = credentials

    def env(self, **overrides):
        env = dict(os.environ)
        for key in list(env):
            if key.startswith(('ASCIO_', 'AUTODNS_')):
                del env[key]
        env.update(self.credentials)
        env.update({
            'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.build', 'collections'),
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
            'ANSIBLE_NOCOLOR': '1',
            'ANSIBLE_RETRY_FILES_ENABLED': '0',
            'ANSIBLE_LOCALHOST_WARNING': '0',
            'ANSIBLE_INVENTORY_UNPARSED_WARNING': '0',
        })
        env.update(overrides)
        return env

    def journal(self):
        """The requests the sandbox received, in order."""
        if not os.path.exists(self.journal_path):
            return []
        with open(self.journal_path) as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def writes(self):
        return [entry for entry in self.journal() if entry.get('write')]

    def play(self, playbook, *args, env=None, **extra_vars):
        """Run a playbook; return (returncode, what it printed, each task's result by name)."""
        extra = dict(provider=self.provider, **extra_vars)
        command = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
                   os.path.join(PLAYBOOKS, playbook), '-e', json.dumps(extra)] + list(args)
        results_file = self.journal_path + '.results.json'
        if os.path.exists(results_file):
            os.unlink(results_file)
        overrides = dict(env or {})
        overrides.update(ANSIBLE_CALLBACK_PLUGINS=CALLBACKS, TASK_RESULTS_FILE=results_file)
        proc = subprocess.run(command, cwd=ROOT, env=self.env(**overrides), capture_output=True, text=True,
                              timeout=300, check=False)
        output = proc.stdout + proc.stderr
        if not os.path.exists(results_file):
            raise AssertionError('ansible-playbook did not run its tasks:\n' + output)
        with open(results_file) as handle:
            return proc.returncode, output, json.load(handle)


def start_registrar(provider, tmp_path, delay=0.3, generate=None):
    journal = str(tmp_path / ('%s-journal.jsonl' % provider))
    seed = os.path.join(SEEDS, '%s.yml' % provider)
    sandbox = Sandbox(provider, seed=seed, journal=journal, extra_args=[DELAY_OPTION[provider], str(delay)],
                      generate=generate)
    if provider == 'autodns':
        credentials = {'AUTODNS_URL': sandbox.url, 'AUTODNS_USER': 'demo',
                       'AUTODNS_PASSWORD': 'demo-password', 'AUTODNS_CONTEXT': '4'}
    else:
        credentials = {'ASCIO_URL': sandbox.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password'}
    return Registrar(provider, sandbox, journal, credentials)


@pytest.fixture(params=PROVIDERS)
def registrar(request, tmp_path):
    """A fresh sandbox of each registrar in turn, stopped after the test."""
    registrar = start_registrar(request.param, tmp_path)
    yield registrar
    registrar.sandbox.stop()


# A few dozen generated domains (bench-00001.com ...) on top of the seed, for whole-portfolio tests.
PORTFOLIO_SIZE = 30


@pytest.fixture(params=PROVIDERS)
def portfolio_registrar(request, tmp_path):
    """A fresh sandbox holding PORTFOLIO_SIZE generated domains besides the seed's, stopped after the test."""
    registrar = start_registrar(request.param, tmp_path, generate=PORTFOLIO_SIZE)
    yield registrar
    registrar.sandbox.stop()


@pytest.fixture(params=PROVIDERS)
def slow_registrar(request, tmp_path):
    """A sandbox whose orders/jobs take long enough to still be running on the next run."""
    registrar = start_registrar(request.param, tmp_path, delay=20)
    yield registrar
    registrar.sandbox.stop()


# Opt-in: the registrars' own test systems (AutoDNS demo, Ascio OTE), never live.
LIVE_SYSTEMS = {
    'autodns': {
        'needs': ('AUTODNS_DEMO_USER', 'AUTODNS_DEMO_PASSWORD', 'AUTODNS_DEMO_CONTEXT', 'AUTODNS_DEMO_DOMAIN'),
        'url': 'https://api.demo.autodns.com/v1',
        'map': {'AUTODNS_USER': 'AUTODNS_DEMO_USER', 'AUTODNS_PASSWORD': 'AUTODNS_DEMO_PASSWORD',
                'AUTODNS_CONTEXT': 'AUTODNS_DEMO_CONTEXT'},
        'url_variable': 'AUTODNS_URL',
    },
    'ascio': {
        'needs': ('ASCIO_OTE_ACCOUNT', 'ASCIO_OTE_PASSWORD', 'ASCIO_OTE_DOMAIN'),
        'url': 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc',
        'map': {'ASCIO_ACCOUNT': 'ASCIO_OTE_ACCOUNT', 'ASCIO_PASSWORD': 'ASCIO_OTE_PASSWORD'},
        'url_variable': 'ASCIO_URL',
    },
}


class LiveRegistrar(Registrar):
    """A registrar's real test system; there is no journal to read."""

    def journal(self):
        raise AssertionError('a real test system keeps no journal for the tests')


@pytest.fixture(params=PROVIDERS)
def live_registrar(request, tmp_path):
    """The registrar's test system, when its credentials are in the environment; else skipped."""
    system = LIVE_SYSTEMS[request.param]
    missing = [name for name in system['needs'] if not os.environ.get(name)]
    if missing:
        pytest.skip('%s test system not configured: set %s to run the integration playbooks against %s'
                    % (request.param, ', '.join(system['needs']), system['url']))
    credentials = dict((target, os.environ[source]) for target, source in system['map'].items())
    credentials[system['url_variable']] = system['url']
    registrar = LiveRegistrar(request.param, None, str(tmp_path / 'live'), credentials)
    registrar.domain = os.environ[system['needs'][-1]]
    return registrar
