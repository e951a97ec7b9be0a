# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Keep to AutoDNS's documented limit of 3 requests per second per IP address.

The server counts arrivals, not the client's clock, and every module run is its own
process (forks, loops over hosts). So requests to one host are spaced: each takes the
next free slot, at least ``1/rate + margin`` seconds after the slot before it, in a state
file shared by all processes of the user on this machine (under an exclusive lock), and
sleeps until its slot immediately before the request (connection set-up included) is
made. Any four consecutive slots then span ``3 * (1/rate + margin)`` > 1 s, so no four
requests can arrive within one second unless the network delays one by more than that
slack (``3 * margin``).

The state is ONE small file per user ({host: time of its last slot}); hosts not used for
``FORGET_AFTER`` seconds are dropped, and at most ``MAX_HOSTS`` are kept.
"""
import json
import os
import tempfile
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - not POSIX: fall back to this process only
    HAS_FCNTL = False

# 0.1 s on top of 1/3 s: four requests span at least 1.3 s at our end, which leaves 0.3 s
# for a connection set-up (TCP + TLS) that is slower for one request than for another.
DEFAULT_MARGIN = 0.1
FORGET_AFTER = 60.0
MAX_HOSTS = 32
STATE_FILE = 'domainops-registrar-%s.rate'


def state_path(directory=None):
    """The user's one rate-limit state file."""
    uid = os.getuid() if hasattr(os, 'getuid') else 0
    return os.path.join(directory or tempfile.gettempdir(), STATE_FILE % uid)


class RateLimiter:
    """Spaces ``acquire`` calls for ``key`` (a host) at least ``1/rate + margin`` seconds apart."""

    def __init__(self, key, rate=3, margin=DEFAULT_MARGIN, directory=None, clock=time.time, sleep=time.sleep):
        self.key = key
        self.rate = rate
        self.interval = 1.0 / rate + margin if rate > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self.path = state_path(directory)
        self._local = {}

    def acquire(self):
        """Take the next free slot and sleep until it; return the slot's time."""
        if self.interval <= 0:
            return self.clock()
        if HAS_FCNTL:
            slot = self._reserve_shared()
        else:  # pragma: no cover
            slot = self._reserve(self._local)
        wait = slot - self.clock()
        if wait > 0:
            self.sleep(wait)
        return slot

    def _reserve_shared(self):
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            raw = b''
            while True:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                raw += chunk
            try:
                state = json.loads(raw.decode('ascii')) if raw else {}
            except ValueError:
                state = {}
            if not isinstance(state, dict):
                state = {}
            slot = self._reserve(state)
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(state, sort_keys=True).encode('ascii'))
            return slot
        finally:
            os.close(fd)  # closing releases the lock

    def _reserve(self, state):
        """Record the next free slot for this key in ``state`` (mutated, pruned) and return it."""
        now = self.clock()
        last = state.get(self.key)
        if not isinstance(last, (int, float)) or last > now + 10 * self.interval:
            last = None  # unreadable, or the clock went back: start afresh
        slot = now if last is None else max(now, last + self.interval)
        state[self.key] = slot
        for key in [k for k, t in state.items() if not isinstance(t, (int, float)) or now - t > FORGET_AFTER]:
            del state[key]
        while len(state) > MAX_HOSTS:
            del state[min((k for k in state if k != self.key), key=lambda k: state[k])]
        return slot
