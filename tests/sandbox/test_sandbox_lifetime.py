# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A sandbox ends with the process that started it, even one that exits without stopping it.

That is how ansible-test units ends each test: in its own fork, with os._exit() (sandbox/lifetime.py).
"""
import os
import subprocess
import sys
import time

import pytest

from sandbox.launcher import ROOT, Sandbox


def ended(pid):
    """True once ``pid`` is gone or a zombie (nobody may reap an orphan in a container)."""
    try:
        with open('/proc/%d/stat' % pid) as handle:
            return handle.read().rsplit(')', 1)[1].split()[0] == 'Z'
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not hasattr(os, 'fork') or not os.path.isdir('/proc'), reason='needs fork() and /proc')
@pytest.mark.parametrize('kind', ['autodns', 'ascio'])
def test_a_sandbox_ends_when_its_starter_exits_without_stopping_it(kind):
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the starter: starts a sandbox, says its pid, leaves as ansible-test's forks do
        try:
            box = Sandbox(kind)
            os.write(write_end, str(box.process.pid).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(child, 0)
    answer = os.read(read_end, 32)
    os.close(read_end)
    assert answer, 'the sandbox did not start'
    pid = int(answer)
    deadline = time.monotonic() + 15
    while not ended(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if not ended(pid):
        os.kill(pid, 9)
        pytest.fail('the %s sandbox (pid %d) outlived the process that started it' % (kind, pid))


@pytest.mark.parametrize('kind', ['autodns', 'ascio'])
def test_a_sandbox_started_by_hand_keeps_running_with_stdin_at_dev_null(kind):
    proc = subprocess.Popen([sys.executable, '-m', 'sandbox.' + kind, '--host', '127.0.0.1', '--port', '0'], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().startswith('READY ')
        time.sleep(1)
        assert proc.poll() is None, 'without --stop-with-stdin the sandbox must not stop at the end of stdin'
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            # Still fail, but leave no sandbox behind (one outlived a loaded run by an hour).
            proc.kill()
            proc.wait()
            raise
