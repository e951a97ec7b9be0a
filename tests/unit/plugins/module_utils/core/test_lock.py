# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The controller's per-domain lock: one holder at a time across processes, a bounded wait, a clear error."""
import multiprocessing
import os
import stat
import time

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import lock


def hold(key, base, held, release):
    with lock.DomainLock(key, timeout=5, base=base):
        held.set()
        release.wait(10)


def test_a_second_process_waits_for_the_holder_and_gives_up_with_a_clear_error(tmp_path):
    key = lock.lock_key('autodns', 'https://api.autodns.com/v1', 'user/4', 'example.com')
    held, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=hold, args=(key, str(tmp_path), held, release))
    holder.start()
    try:
        assert held.wait(10)
        started = time.monotonic()
        with pytest.raises(lock.LockTimeout, match='another run on this controller .* nothing was sent: re-run'):
            lock.DomainLock(key, timeout=0.5, what='example.com at autodns', base=str(tmp_path)).acquire()
        assert 0.5 <= time.monotonic() - started < 3
        # Another domain, or the same domain in another account, is not blocked.
        for other in (lock.lock_key('autodns', 'https://api.autodns.com/v1', 'user/4', 'example.net'),
                      lock.lock_key('autodns', 'https://api.autodns.com/v1', 'other/4', 'example.com')):
            with lock.DomainLock(other, timeout=0, base=str(tmp_path)) as mine:
                assert mine.held
        release.set()
        with lock.DomainLock(key, timeout=5, base=str(tmp_path)) as mine:
            assert mine.held
        assert not mine.held
    finally:
        release.set()
        holder.join(10)


def test_lock_files_are_private_and_named_by_a_hash(tmp_path):
    key = lock.lock_key('ascio', 'https://aws.ascio.com/2012/01/01/AscioService.svc', 'account/', 'example.com')
    path = lock.lock_path(key, str(tmp_path))
    directory = os.path.dirname(path)
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    assert 'example.com' not in path and 'account' not in os.path.basename(path)
    assert lock.lock_path(key, str(tmp_path)) == path
    assert lock.lock_path(lock.lock_key('ascio', 'https://aws.ascio.com/x', 'account/', 'example.com'), str(tmp_path)) != path
