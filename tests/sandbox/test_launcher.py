# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Starting a sandbox on a port that is taken: a plain message that says what to do, no traceback."""
import socket
import subprocess
import sys

import pytest

from sandbox.launcher import ROOT, Sandbox


@pytest.fixture
def busy_port():
    """A port on 127.0.0.1 that something else listens on."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    yield listener.getsockname()[1]
    listener.close()


@pytest.mark.parametrize('kind', ['autodns', 'ascio'])
def test_a_sandbox_on_a_busy_port_says_so_without_a_traceback(kind, busy_port):
    proc = subprocess.run([sys.executable, '-m', 'sandbox.' + kind, '--host', '127.0.0.1', '--port', str(busy_port)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stdout == ''
    assert proc.stderr.strip().endswith(
        'port %d on 127.0.0.1 is in use: stop what listens there, or choose another port with --port (0 picks a free one)'
        % busy_port), proc.stderr
    assert 'Traceback' not in proc.stderr


@pytest.mark.parametrize('kind', ['autodns', 'ascio'])
def test_the_launcher_names_the_port_and_where_the_reason_is(kind, busy_port, tmp_path):
    with open(str(tmp_path / 'sandbox.log'), 'w') as log:
        with pytest.raises(RuntimeError) as error:
            Sandbox(kind, port=busy_port, log=log)
    assert str(error.value) == 'the %s sandbox did not start on 127.0.0.1 port %d (exit status 2); its message is in %s' % (
        kind, busy_port, log.name)
    with open(log.name) as handle:
        assert 'port %d on 127.0.0.1 is in use' % busy_port in handle.read()
