# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The contract between the provider-neutral core and one registrar's adapter.

The planner says what differs (``Change``); an adapter says which of its registrar's
operations (Ascio orders, AutoDNS tasks) carry those changes (``operations``, pure and
unit-testable), sends them (``submit``), and follows them to the end (``wait``).
"""
import time
from dataclasses import dataclass, field

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, WaitTimeout

# Shown instead of a secret wherever a request is reported.
REDACTED = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'

# Following an order or job: the first look soon (most end in seconds), then exponentially
# rarer, at most half a minute apart (Ascio orders and AutoDNS jobs can run for days).
FIRST_PAUSE = 1.0
BACKOFF = 1.5
MAX_PAUSE = 30.0


def wait_schedule(first=FIRST_PAUSE, factor=BACKOFF, cap=MAX_PAUSE):
    """The pauses between status reads: first, first*factor, ... capped at ``cap`` (endless)."""
    pause = first
    while True:
        yield pause
        pause = min(pause * factor, cap)


@dataclass
class Operation:
    """One order or task a registrar receives, planned but not yet sent.

    ``name`` is the registrar's own name for it (``Nameserver_Update``,
    ``PUT /domain/example.com``); ``summary`` is what check mode reports as the
    request, with secrets redacted; ``payload`` is what ``submit`` sends.
    """
    name: str
    domain: str
    aspects: tuple
    summary: dict
    payload: object = field(default=None, repr=False)
    #: What sending it means beyond the change itself, where the registrar's rules say more than
    #: the aspects do (core/consequences.py): billable, irreversible, locks_transfer_days, price.
    consequences: dict = field(default_factory=dict)


@dataclass
class Submission:
    """An operation the registrar accepted, identified by its order or job id."""
    operation: str
    domain: str
    id: str
    status: str
    done: bool = False
    failed: bool = False
    message: str = None

    def to_dict(self):
        return {'operation': self.operation, 'domain': self.domain, 'id': self.id,
                'status': self.status, 'message': self.message}


@dataclass
class Message:
    """The head message of the account's poll queue (Ascio PollMessage, AutoDNS GET /poll)."""
    id: str
    domain: str = None
    reference: str = None  # the order id (Ascio) or job id (AutoDNS) it reports on
    status: str = None
    text: str = None
    created: str = None
    waiting: int = None    # messages in the queue, this one included, when the registrar says

    def to_dict(self):
        return {'id': self.id, 'domain': self.domain, 'reference': self.reference, 'status': self.status,
                'text': self.text, 'created': self.created, 'waiting': self.waiting}


class RegistrarAdapter:
    """Base class: subclasses implement the registrar-specific methods."""

    name = None
    #: Aspects this registrar can change; planning anything else fails before sending.
    supported_aspects = ()

    #: The task's registrar-only options (DesiredDomain.registrar_options), set before planning.
    registrar_options = {}

    def use_registrar_options(self, options):
        """Take the task's registrar-only options (those its PROVIDER.task_options names)."""
        self.registrar_options = dict(options or {})

    def get_domain(self, name):
        """The Domain, or None when it is not in the account."""
        raise NotImplementedError

    def resolve(self, current, changes):
        """Read what translating ``changes`` needs beyond the domain (read-only I/O).

        For example AutoDNS looks for an existing contact handle holding exactly the
        declared data. Runs in check mode too, so it must never write. Returns the
        changes, possibly with registrar facts filled in; the default needs nothing.
        """
        return changes

    def operations(self, current, changes):
        """The operations that carry ``changes`` (a list from the planner). No I/O.

        Raises InputError for what the registrar cannot express, before anything is sent.
        """
        raise NotImplementedError

    def pending(self, name, aspects):
        """Submissions still running for this domain that touch one of ``aspects``."""
        raise NotImplementedError

    # Bulk reads: a portfolio of N domains is read in a few requests, not N times a few.
    # The loops below are only the fallback of an adapter that cannot do better; both
    # registrars' adapters override them with their bulk searches.

    def get_domains(self, names):
        """{name: Domain or None (not in the account)} for every name in ``names``."""
        return dict((name, self.get_domain(name)) for name in names)

    def pending_many(self, names, aspects):
        """{name: [Submission]}: the work still running for each of ``names`` touching ``aspects``
        (every name is a key, with an empty list when nothing runs)."""
        return dict((name, self.pending(name, aspects)) for name in names)

    def refresh_many(self, submissions):
        """The submissions with their current status, in the same order (done ones as they are)."""
        return [submission if submission.done else self.refresh(submission) for submission in submissions]

    def list_domains(self, tlds=None, pattern=None):
        """Every live domain of the account as a Domain, sorted by name; ``tlds`` (without dots)
        and ``pattern`` (shell-style, on the whole name) narrow the search at the registrar
        where it can filter, and here otherwise."""
        raise InputError('listing the account is not supported by this registrar (%s): give the domain names' % self.name)

    def submit(self, operation):
        """Send the operation once; return its Submission."""
        raise NotImplementedError

    def refresh(self, submission):
        """The submission with its current status (GetOrder / GET /job/{id})."""
        raise NotImplementedError

    def poll(self):
        """The head message of the poll queue, or None when it is empty."""
        raise NotImplementedError

    def ack(self, message_id):
        """Acknowledge (confirm) the head message so that the next one can be seen."""
        raise NotImplementedError

    def close(self):
        """End the session, if the registrar has one."""

    def order(self, order_id):
        """An order (Ascio GetOrder) or job (AutoDNS GET /job/{id}) by its id, as a Submission;
        None when the registrar says there is none. Read-only."""
        raise NotImplementedError

    def wait(self, submission, timeout, interval=FIRST_PAUSE, sleep=time.sleep, clock=time.monotonic):
        """Poll until the submission is done, backing off from ``interval`` (see wait_schedule);
        raise WaitTimeout when it is not done within ``timeout`` seconds."""
        deadline = clock() + timeout
        pauses = wait_schedule(first=interval)
        while not submission.done:
            remaining = deadline - clock()
            if remaining <= 0:
                raise WaitTimeout(submission, timeout)
            sleep(min(next(pauses), remaining))
            submission = self.refresh(submission)
        return submission

    def wait_many(self, submissions, timeout, interval=FIRST_PAUSE, sleep=time.sleep, clock=time.monotonic):
        """``wait`` for many at once: one bulk status read per pause, so N jobs take about as
        long as the slowest. Returns them in order; raises WaitTimeout for the first not done."""
        deadline = clock() + timeout
        pauses = wait_schedule(first=interval)
        submissions = list(submissions)
        while not all(s.done for s in submissions):
            remaining = deadline - clock()
            if remaining <= 0:
                raise WaitTimeout(next(s for s in submissions if not s.done), timeout)
            sleep(min(next(pauses), remaining))
            submissions = self.refresh_many(submissions)
        return submissions
