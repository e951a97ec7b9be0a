# -*- coding: utf-8 -*-
"""Keep to AutoDNS's documented limit of 3 requests per second per IP address.

Every module run is its own process, and several may run at once (forks, loops over
hosts), so the limit is kept in a small file shared by all processes of the user on
this machine, under an exclusive lock.
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


class RateLimiter(object):
    """At most ``rate`` calls of ``acquire`` in any window of ``period`` seconds."""

    def __init__(self, key, rate=3, period=1.0, directory=None, clock=time.time, sleep=time.sleep):
        self.rate = rate
        self.period = period
        self.clock = clock
        self.sleep = sleep
        directory = directory or tempfile.gettempdir()
        safe = ''.join(c if c.isalnum() else '_' for c in key)[:80]
        uid = os.getuid() if hasattr(os, 'getuid') else 0
        self.path = os.path.join(directory, 'domainops-registrar-%s-%s.rate' % (uid, safe))
        self._local = []

    def acquire(self):
        """Block until one more request fits into the window, then count it."""
        if self.rate <= 0:
            return
        while True:
            wait = self._try()
            if wait <= 0:
                return
            self.sleep(wait)

    def _try(self):
        if not HAS_FCNTL:
            return self._slot(self._local)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            raw = os.read(fd, 4096)
            try:
                stamps = json.loads(raw.decode('ascii')) if raw else []
            except ValueError:
                stamps = []
            wait = self._slot(stamps)
            if wait <= 0:
                os.lseek(fd, 0, os.SEEK_SET)
                os.ftruncate(fd, 0)
                os.write(fd, json.dumps(stamps).encode('ascii'))
            return wait
        finally:
            os.close(fd)

    def _slot(self, stamps):
        """Take a slot in ``stamps`` (mutated) and return 0, or the seconds to wait."""
        now = self.clock()
        stamps[:] = [t for t in stamps if now - t < self.period and t <= now]
        if len(stamps) < self.rate:
            stamps.append(now)
            return 0
        return max(0.01, self.period - (now - min(stamps)))
