# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""--stop-with-stdin: a sandbox started by a process ends when that process does.

The launcher (sandbox/launcher.py) gives each sandbox a pipe as stdin and never writes to it; when
the starting process ends, however it ends, the pipe closes and the sandbox reads end-of-file.
That matters where a process exits without running its clean-up: ansible-test units runs every
test in its own fork and leaves it with os._exit(), so a module-scoped fixture's sandbox would
otherwise outlive the run. Off by default: a sandbox started by hand or in CI with stdin at
/dev/null must keep running.
"""
import os
import sys
import threading

OPTION = '--stop-with-stdin'
HELP = 'stop when stdin reaches end-of-file (the process that started the sandbox ended)'


def stop_at_end_of_stdin(stop):
    """Call ``stop()`` (from a daemon thread) once stdin is at end-of-file."""
    # os.read on the descriptor, not sys.stdin's buffer: a daemon thread blocked inside the
    # buffered reader holds its lock, and the interpreter's shutdown then aborts with
    # "Fatal Python error: _enter_buffered_busy" when the sandbox is stopped another way.
    descriptor = sys.stdin.fileno()

    def watch():
        while os.read(descriptor, 4096):
            pass
        stop()

    threading.Thread(target=watch, name='stop-with-stdin', daemon=True).start()
