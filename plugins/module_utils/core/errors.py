# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Errors the core and the adapters raise; the module layer turns each into a failed task."""


class InputError(ValueError):
    """The task's own input is wrong; raised before anything is sent."""


class RegistrarError(Exception):
    """The registrar answered with an error (or could not be reached).

    ``code`` and ``text`` are the registrar's own (an Ascio ResultCode and Message,
    an AutoDNS status code and text); ``details`` holds its further reasons
    (Ascio ``Values``, AutoDNS ``messages``).
    """

    def __init__(self, code, text, details=None, operation=None):
        self.code = code
        self.text = text
        self.details = list(details or [])
        self.operation = operation
        message = '%s: %s' % (code, text)
        if self.details:
            message += ' (%s)' % '; '.join(str(d) for d in self.details)
        if operation:
            message = '%s failed: %s' % (operation, message)
        super().__init__(message)


class DomainNotFound(RegistrarError):
    """The domain is not in the account."""


class WaitTimeout(Exception):
    """An order or job did not finish within wait_timeout; it is still running."""

    def __init__(self, submission, timeout):
        self.submission = submission
        super().__init__(
            '%s %s still %s after %ss; it was sent once and is still running at the registrar: '
            're-run later (the run will wait on it instead of sending it again)'
            % (submission.operation, submission.id, submission.status, timeout))


class NotConverged(Exception):
    """Everything sent ended as done, yet a fresh read shows the domain still differs."""
