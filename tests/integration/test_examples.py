# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module's and filter's EXAMPLES run as written in check mode against both sandboxes at once; every role
README example runs as written on each registrar, in check mode, for real, and again unchanged."""
import ast
import glob
import os
import re

import pytest
import yaml
from conftest import DELAY_OPTION, PLAYBOOKS, ROOT, Registrar, start_registrar

from sandbox.launcher import Sandbox

MODULES = sorted(glob.glob(os.path.join(ROOT, 'plugins', 'modules', '*.py')))
# Filter plugins document their use in tasks too (a module task, then the filter on its result).
FILTERS = sorted(glob.glob(os.path.join(ROOT, 'plugins', 'filter', '*.py')))


def examples_of(path):
    with open(path) as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == 'EXAMPLES':
            return yaml.safe_load(node.value.value)
    raise AssertionError('%s has no EXAMPLES' % path)


@pytest.fixture(scope='module')
def both(tmp_path_factory):
    autodns = start_registrar('autodns', tmp_path_factory.mktemp('autodns'))
    ascio = start_registrar('ascio', tmp_path_factory.mktemp('ascio'))
    yield autodns, ascio
    autodns.sandbox.stop()
    ascio.sandbox.stop()


@pytest.mark.parametrize('path', MODULES + FILTERS, ids=[os.path.basename(m)[:-3] for m in MODULES + FILTERS])
def test_examples_run_as_written_in_check_mode(both, path, tmp_path):
    autodns, ascio = both
    play = [{'name': 'Examples of %s' % os.path.basename(path), 'hosts': 'localhost', 'gather_facts': False,
             'tasks': examples_of(path)}]
    playbook = os.path.join(PLAYBOOKS, '.examples-%s.yml' % os.path.basename(path)[:-3])
    with open(playbook, 'w') as handle:
        yaml.safe_dump(play, handle, sort_keys=False)
    try:
        writes_before = len(autodns.writes()) + len(ascio.writes())
        rc, out, results = autodns.play(os.path.basename(playbook), '--check', env=ascio.credentials)
    finally:
        os.unlink(playbook)
    assert rc == 0, out
    assert results, out
    assert all(not r.get('failed') for r in results.values()), results
    assert len(autodns.writes()) + len(ascio.writes()) == writes_before


# -- role README examples ----------------------------------------------------------------------

ROLE_READMES = sorted(glob.glob(os.path.join(ROOT, 'roles', '*', 'README.md')))
# What an example leaves to the user's vault: the test plays the user and supplies it (the codes of
# the domains the sandbox seeds hold at "another registrar").
VAULT = {'vault_transfer_me_auth_code': 'Tr4nsfer-Me!', 'vault_transfer_in_auth_code': 'S0Lygv+ZkNbniICm'}
FENCE = re.compile(r'^```yaml\n(.*?)^```', re.M | re.S)
# "portfolio_provider: autodns   # or ascio": the example is written for both registrars.
PROVIDER_LINE = re.compile(r'^\s*\w+_provider: (ascio|autodns)\b(?:\s*# or (ascio|autodns)\b)?', re.M)


def readme_examples(path):
    """(plays, registrars it is written for) for each YAML block of a README that is a playbook."""
    with open(path) as handle:
        texts = FENCE.findall(handle.read())
    examples = []
    for text in texts:
        plays = yaml.safe_load(text)
        if isinstance(plays, list) and all('hosts' in play for play in plays):
            providers = [name for line in PROVIDER_LINE.findall(text) for name in line if name]
            assert providers, 'a README example names no registrar:\n' + text
            examples.append((plays, sorted(set(providers))))
    return examples


README_EXAMPLES = [(path, index, provider) for path in ROLE_READMES
                   for index, (plays, providers) in enumerate(readme_examples(path)) for provider in providers]


def test_every_role_readme_has_an_example_and_each_registrar_is_covered():
    covered = dict((os.path.basename(os.path.dirname(path)), set()) for path in ROLE_READMES)
    for path, index, provider in README_EXAMPLES:
        covered[os.path.basename(os.path.dirname(path))].add(provider)
    assert covered == {'portfolio': {'ascio', 'autodns'}, 'renewal': {'ascio', 'autodns'},
                       'transfer_in': {'ascio', 'autodns'}}


def for_provider(plays, provider):
    """The example with its registrar set to ``provider`` (one it says it is written for)."""
    for play in plays:
        for role in play.get('roles', []):
            role['vars']['%s_provider' % role['role'].rsplit('.', 1)[-1]] = provider
    return plays


@pytest.fixture
def demo_registrar(provider, tmp_path):
    """A sandbox seeded as `make demo` seeds it (sandbox/seeds), as a user trying the README has it."""
    journal = str(tmp_path / ('%s-journal.jsonl' % provider))
    seed = os.path.join(ROOT, 'sandbox', 'seeds', '%s.yml' % provider)
    sandbox = Sandbox(provider, seed=seed, journal=journal, extra_args=[DELAY_OPTION[provider], '0.3'])
    if provider == 'autodns':
        credentials = {'AUTODNS_URL': sandbox.url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password',
                       'AUTODNS_CONTEXT': '4'}
    else:
        credentials = {'ASCIO_URL': sandbox.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password'}
    yield Registrar(provider, sandbox, journal, credentials)
    sandbox.stop()


@pytest.mark.parametrize('path, index, provider', README_EXAMPLES,
                         ids=['%s-%d-%s' % (os.path.basename(os.path.dirname(p)), i, r) for p, i, r in README_EXAMPLES])
def test_role_readme_examples_run_as_written_in_check_mode_then_for_real_then_change_nothing(demo_registrar, path, index,
                                                                                             provider):
    plays = for_provider(readme_examples(path)[index][0], provider)
    # One file per registrar too: under pytest-xdist the two registrars' runs of an example go side by side.
    playbook = os.path.join(PLAYBOOKS, '.readme-%s-%d-%s.yml' % (os.path.basename(os.path.dirname(path)), index, provider))
    with open(playbook, 'w') as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)
    try:
        rc, out, results = demo_registrar.play(os.path.basename(playbook), '--check', **VAULT)
        assert rc == 0, out
        assert demo_registrar.writes() == [], 'check mode sent something'
        rc, out, results = demo_registrar.play(os.path.basename(playbook), **VAULT)
        assert rc == 0, out
        writes = len(demo_registrar.writes())
        rc, out, results = demo_registrar.play(os.path.basename(playbook), **VAULT)
        assert rc == 0, out
        assert len(demo_registrar.writes()) == writes and ' changed=0 ' in out, out
    finally:
        os.unlink(playbook)
