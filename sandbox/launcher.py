# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Start a sandbox as a child process and learn its URL.

Used by the tests, the demo and the benchmarks. A sandbox prints one line
``READY <base-url>`` on stdout once it is listening; everything else it
prints goes to stderr.
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Sandbox:
    """A running sandbox process; use as a context manager to stop it."""

    def __init__(self, kind, seed=None, journal=None, extra_args=(), startup_timeout=20, log=None, port=0,
                 rate_limit=None, latency=None, generate=None, job_delay=None):
        """``rate_limit``, ``latency``, ``generate`` and ``job_delay``, when given, become the sandbox's
        options of the same names (``--generate`` and ``--latency``: the AutoDNS sandbox)."""
        self.kind = kind
        self.port = port
        self.log = log
        # Port 0: the system picks a free port, so a busy one can never stop the sandbox.
        args = [sys.executable, '-m', 'sandbox.' + kind, '--host', '127.0.0.1', '--port', str(port)]
        if seed:
            args += ['--seed', seed]
        if journal:
            args += ['--journal', journal]
        for option, value in (('--rate-limit', rate_limit), ('--latency', latency), ('--generate', generate),
                              ('--job-delay', job_delay)):
            if value is not None:
                args += [option, str(value)]
        args += list(extra_args)
        # stdin is a pipe nobody writes to: when this process ends, even without stop(), the sandbox does too.
        args.append('--stop-with-stdin')
        # The sandbox's request log goes to ``log`` (a file object) or, by default, stderr.
        self.process = subprocess.Popen(
            args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
        self.url = self._wait_ready(startup_timeout)

    def _wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            if line.startswith('READY '):
                return line.split(None, 1)[1].strip()
        self.stop()
        # The sandbox said why on its stderr (port in use, bad seed): point there.
        where = 'in %s' % self.log.name if getattr(self.log, 'name', None) else 'above, on stderr'
        status = self.process.returncode
        raise RuntimeError('the %s sandbox did not start on 127.0.0.1 port %s (%s); its message is %s'
                           % (self.kind, self.port or '0 (any free port)',
                              'exit status %s' % status if status is not None and status >= 0 else 'no READY line in time',
                              where))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdin.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
