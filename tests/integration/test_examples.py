"""Every module's EXAMPLES run as written, in check mode, against both sandboxes at once."""
import ast
import glob
import os

import pytest
import yaml

from conftest import PLAYBOOKS, ROOT, start_registrar

MODULES = sorted(glob.glob(os.path.join(ROOT, 'plugins', 'modules', '*.py')))


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


@pytest.mark.parametrize('path', MODULES, ids=[os.path.basename(m)[:-3] for m in MODULES])
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
