# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One domain changed by one run at a time on this controller (an advisory file lock).

Two runs started together would both find nothing pending, both plan the same order and
both send it. The lock makes "look for pending work, plan, send" one step per domain,
registrar and account across processes; the second run then finds the first one's order.
It cannot protect runs on different machines: see docs/concurrency.md.
"""
import errno
import hashlib
import os
import tempfile
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - Ansible controllers are POSIX
    HAS_FCNTL = False

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError


class LockTimeout(Exception):
    """Another run on this controller held the domain's lock for longer than the wait allowed."""


def lock_directory(base=None):
    """A directory of this user's lock files under the temp dir (created private, 0700)."""
    uid = os.getuid() if hasattr(os, 'getuid') else 'user'
    path = os.path.join(base or tempfile.gettempdir(), 'domainops-registrar-locks-%s' % uid)
    try:
        os.mkdir(path, 0o700)
    except OSError as exc:
        if exc.errno != errno.EEXIST:
            raise
    if not os.path.isdir(path) or os.path.islink(path):
        raise InputError('%s is not a directory; remove it so that runs can lock domains there' % path)
    return path


def lock_key(provider, endpoint, account, domain):
    """What one lock guards: a domain at one registrar endpoint in one account."""
    return '\n'.join(str(part or '').lower() for part in (provider, endpoint, account, domain))


def lock_path(key, base=None):
    # A hash keeps account names and URLs out of file names and the length bounded.
    return os.path.join(lock_directory(base), hashlib.sha256(key.encode('utf-8')).hexdigest() + '.lock')


class DomainLock:
    """``with DomainLock(key, timeout):`` holds the lock; waits at most ``timeout`` seconds for it."""

    def __init__(self, key, timeout, what=None, base=None, sleep=time.sleep, clock=time.monotonic):
        self.key = key
        self.timeout = timeout
        self.what = what or key
        self.path = lock_path(key, base)
        self._sleep = sleep
        self._clock = clock
        self._handle = None

    def acquire(self):
        if not HAS_FCNTL:  # pragma: no cover
            return self
        handle = open(self.path, 'a+')
        deadline = self._clock() + self.timeout
        delay = 0.05
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    handle.close()
                    raise
            remaining = deadline - self._clock()
            if remaining <= 0:
                handle.close()
                raise LockTimeout('%s: another run on this controller has been changing it for over %ss '
                                  '(lock %s); nothing was sent: re-run once that run has ended'
                                  % (self.what, self.timeout, self.path))
            self._sleep(min(delay, remaining))
            delay = min(delay * 2, 1.0)
        self._handle = handle
        return self

    def release(self):
        if self._handle is not None:
            # Closing the file drops the flock; the file stays (deleting it would race with waiters).
            self._handle.close()
            self._handle = None

    @property
    def held(self):
        return self._handle is not None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
