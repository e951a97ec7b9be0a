# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one flow that converges 1..N declared domains: read, plan, report, send, wait, confirm.

Every module that changes domains runs this flow; ``domain``, ``nameservers`` & co. are the
N = 1 case, ``portfolio`` the N case. Reads are bulk (the adapter's ``get_domains`` and
``pending_many``), orders of different domains are sent without waiting on each other, and
everything sent is followed together (``refresh_many``), so N changes wait about as long as
the slowest one. A domain that fails does not stop the others unless ``fail_fast`` is set.

Never twice: a domain's pending work is looked up, its state read again and its operations
planned again while this controller holds the domain's lock (core/lock.py), and the lock is
held until its last operation is sent; a concurrent run then finds this run's orders pending.
"""
import time
import traceback

from ansible_collections.domainops.registrar.plugins.module_utils.core import consequences
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import wait_schedule
from ansible_collections.domainops.registrar.plugins.module_utils.core.aspects import pending_keys, predict, shown_keys
from ansible_collections.domainops.registrar.plugins.module_utils.core.diff import task_diff
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import DomainNotFound, InputError, NotConverged, RegistrarError, WaitTimeout
from ansible_collections.domainops.registrar.plugins.module_utils.core.lock import LockTimeout
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import depends_on, plan

# Domains locked and sent to at a time: bounds the lock files held open by one run.
CHUNK = 100

# Following what was sent: one bulk status read per pause answers every running order or job,
# so the pauses grow more slowly than a single wait's (core/adapter.py BACKOFF): a job that
# ends after 5 s is seen within about 0.4 s instead of 3 s, for a few more reads in all.
FOLLOW_BACKOFF = 1.2

# Errors that end one domain's convergence with a message of their own (others are bugs).
DOMAIN_ERRORS = (InputError, RegistrarError, WaitTimeout, LockTimeout, NotConverged)


def view(domain, keys):
    """The part of a domain a task manages (``keys``: the aspects' shown keys), as shown in the results."""
    if domain is None:
        return {'state': 'absent'}
    data = domain.to_dict()
    return dict((key, data[key]) for key in keys if key in data)


def planned(operation):
    """An operation as results and check mode report it before it is sent, with what it means
    (billable, irreversible, locks_transfer_days, price: core/consequences.py)."""
    reported = {'operation': operation.name, 'domain': operation.domain, 'request': operation.summary,
                'id': None, 'status': 'planned', 'message': None}
    reported.update(consequences.marks(operation))
    return reported


class _NoLock:
    """The lock of a flow run without controller-wide locks (lock_for=None: unit tests)."""

    def release(self):
        pass


NO_LOCK = _NoLock()


class DomainRun:
    """One declared domain on its way through the flow, and its result."""

    def __init__(self, desired):
        self.desired = desired
        self.name = desired.name
        self.result = dict(changed=False, domain=desired.name, operations=[])
        self.current = None
        self.operations = []
        self.expected = None
        self.submissions = []   # one per operation sent or held back (None)
        self.error = None
        self.traceback = None
        self.settled = False    # nothing more happens to it in this run
        self.lock = None
        self.sent_at = None     # when its latest submission was sent (its wait_timeout runs from there)
        self.diff = None

    @property
    def unsent(self):
        return len(self.submissions) < len(self.operations)

    @property
    def last(self):
        return self.submissions[-1] if self.submissions else None

    def fail(self, exc, trace=None):
        self.error = exc
        self.traceback = trace
        self.settled = True
        message = str(exc) if trace is None else 'unexpected error: %s' % exc
        self.result.update(failed=True, msg=message)
        if isinstance(exc, RegistrarError):
            self.result.update(registry_code=exc.code, registry_text=exc.text, registry_details=exc.details)


class Converge:
    """Converge declared domains with one adapter (one session).

    ``lock_for(name)`` returns the controller-wide lock on a domain (core/lock.py), ``warn``
    takes warnings for the task; ``sleep`` and ``clock`` are injectable for tests.
    """

    def __init__(self, adapter, aspects, missing_ok=False, check_mode=False, diff=False, wait=True,
                 wait_timeout=300, warn=None, lock_for=None, fail_fast=False, allow=None, sleep=time.sleep,
                 clock=time.monotonic, chunk=CHUNK, missing_hint='', result_keys=None, stop_on_missing=False):
        self.adapter = adapter
        self.aspects = aspects
        self.keys = pending_keys(aspects)
        self.shown = shown_keys(aspects)
        # The state keys each domain's result carries (None: all the aspects show); diffs always show them all.
        self.result_keys = self.shown if result_keys is None else tuple(result_keys)
        self.missing_ok = missing_ok
        self.missing_hint = missing_hint  # what to do about a declared domain not in the account
        # A declared domain not in the account (missing_ok false) stops the whole run before anything is sent.
        self.stop_on_missing = stop_on_missing
        self.missing = []  # the declared domains found not to be in the account, in the order declared
        # The missing domains that stopped the run before anything was sent ([]: it was not stopped). A domain
        # found missing only when planned again under the lock fails alone: others may have been sent by then.
        self.stopped_for_missing = []
        self.check_mode = check_mode
        self.diff = diff
        self.wait = wait
        self.wait_timeout = wait_timeout
        self.warn = warn or (lambda text: None)
        self.lock_for = lock_for
        self.fail_fast = fail_fast
        # The kinds of operation this run may send (None: all); see core/consequences.py.
        self.allow = allow
        self.sleep = sleep
        self.clock = clock
        self.chunk = chunk
        self.stopped_by = None  # the domain whose failure stopped the run (fail_fast)

    # ------------------------------------------------------------------ the flow
    def run(self, desireds):
        runs = [DomainRun(desired) for desired in desireds]
        self._settle_pending(runs)
        self._plan([r for r in runs if not r.settled])
        for run in runs:
            if not run.settled:
                self._report_plan(run)
        if self._stop_for_missing(runs) or self._refuse_unallowed(runs):
            return runs
        if self.check_mode:
            return runs
        to_send = [r for r in runs if not r.settled and r.operations]
        for run in runs:
            if not run.settled and not run.operations:
                run.settled = True
        for start in range(0, len(to_send), self.chunk):
            self._send_chunk(to_send[start:start + self.chunk])
        if self.wait:
            self._advance([r for r in to_send if not r.settled], until_done=True)
            self._confirm([r for r in to_send if not r.settled])
        return runs

    def _guard(self, run, step, *args):
        """Run one domain's step; its failure is the domain's, not the run's."""
        try:
            return step(run, *args)
        except DOMAIN_ERRORS as exc:
            run.fail(exc)
        except Exception as exc:  # a bug or an unexpected answer: that domain fails, with the traceback
            run.fail(exc, traceback.format_exc())
        if self.fail_fast and self.stopped_by is None:
            self.stopped_by = run.name
        return None

    # ------------------------------------------------------------------ pending work from earlier runs
    def _settle_pending(self, runs):
        """Work an earlier run left running is followed to its end (with wait) or reported."""
        pending = self.adapter.pending_many([r.name for r in runs], self.keys)
        waiting = []
        for run in runs:
            found = pending.get(run.name) or []
            if not found:
                continue
            run.result['pending'] = [p.to_dict() for p in found]
            if self.check_mode or not self.wait:
                self.warn('%s: %s still running at the registrar; nothing new is sent until it ends'
                          % (run.name, ', '.join('%s %s' % (p.operation, p.id) for p in found)))
                run.settled = True
            else:
                waiting.append((run, found))
        if waiting:
            self._wait_pending(waiting)
        shown_only = [r for r in runs if r.settled and r.error is None]
        if shown_only:
            domains = self.adapter.get_domains([r.name for r in shown_only])
            for run in shown_only:
                run.result.update(view(domains.get(run.name), self.result_keys))

    def _wait_pending(self, waiting):
        """Follow the pending submissions of ``waiting`` [(run, [Submission])] together."""
        tracked = [(run, index, sub) for run, found in waiting for index, sub in enumerate(found)]
        deadline = self.clock() + self.wait_timeout
        pauses = wait_schedule(factor=FOLLOW_BACKOFF)
        while True:
            open_ = [(run, index, sub) for run, index, sub in tracked if not sub.done and not run.settled]
            if not open_:
                break
            remaining = deadline - self.clock()
            if remaining <= 0:
                for run, _index, sub in open_:
                    if not run.settled:
                        run.fail(WaitTimeout(sub, self.wait_timeout))
                break
            self.sleep(min(next(pauses), remaining))
            fresh = self.adapter.refresh_many([sub for _run, _index, sub in open_])
            updated = dict(((id(run), index), sub) for (run, index, _old), sub in zip(open_, fresh))
            tracked = [(run, index, updated.get((id(run), index), sub)) for run, index, sub in tracked]
        for run, found in waiting:
            run.result['pending'] = [sub.to_dict() for r, _i, sub in tracked if r is run]

    # ------------------------------------------------------------------ reading and planning
    def _plan(self, runs):
        if not runs:
            return
        domains = self.adapter.get_domains([r.name for r in runs])
        for run in runs:
            self._guard(run, self._plan_one, domains.get(run.name))

    def _plan_one(self, run, current):
        if current is None and not self.missing_ok and run.desired.present:
            if run.name not in self.missing:
                self.missing.append(run.name)
            raise DomainNotFound('404', 'domain %s is not in this %s account%s'
                                 % (run.name, self.adapter.name, self.missing_hint))
        self.adapter.use_registrar_options(run.desired.registrar_options)
        changes = plan(current, run.desired)
        unsupported = [c.aspect for c in changes if c.aspect not in self.adapter.supported_aspects]
        if unsupported:
            raise InputError('%s: not supported by this registrar (%s)' % (', '.join(unsupported), self.adapter.name))
        changes = self.adapter.resolve(current, changes)
        run.current = current
        run.operations = self.adapter.operations(current, changes)
        run.expected = predict(current, changes)

    def _report_plan(self, run):
        # Outside check mode nothing is "changed" until the registrar accepts an order:
        # a refused first order leaves changed=false.
        run.result['changed'] = bool(run.operations) and self.check_mode
        run.result['operations'] = [planned(op) for op in run.operations]
        after = run.expected if run.operations else run.current
        if self.diff:
            run.diff = task_diff(run.name, run.current, after, self.shown, run.operations, run.desired)
        run.result.update(view(after, self.result_keys))

    def _stop_for_missing(self, runs):
        """With ``stop_on_missing``, a declared domain that is not in the account sends nothing
        for any domain (a typo in a list, or the wrong account). Whether it stopped."""
        if not (self.stop_on_missing and self.missing):
            return False
        self.stopped_for_missing = list(self.missing)
        for run in runs:
            if not run.settled:
                self._not_sent(run, 'not sent: %s not in the account (stop_on_missing)' % ', '.join(self.missing))
        return True

    def _refuse_unallowed(self, runs):
        """With ``allow``, a plan holding an operation of an unlisted kind sends nothing at all,
        in check mode too (a CI gate: "this change would spend money"). Whether it refused."""
        found = consequences.refused([op for r in runs if not r.settled for op in r.operations], self.allow)
        if not found:
            return False
        message = consequences.refusal_message(found, self.allow)
        refused_domains = set(op.domain for op, _kinds in found)
        for run in runs:
            if run.settled:
                continue
            if run.name in refused_domains:
                for reported, operation in zip(run.result['operations'], run.operations):
                    if consequences.refused([operation], self.allow):
                        reported.update(status='refused by allow')
                run.fail(InputError(message))
            else:
                self._not_sent(run, 'not sent: the run refused operations that allow does not list')
        return True

    # ------------------------------------------------------------------ sending
    def _send_chunk(self, runs):
        """Lock, look again (pending work, fresh state, plan) and send, for up to CHUNK domains."""
        if self.stopped_by:
            for run in runs:
                self._not_sent(run, 'not sent: the run stopped after %s failed (fail_fast)' % self.stopped_by)
            return
        try:
            # Sorted, so that two runs locking overlapping sets cannot wait on each other.
            for run in sorted(runs, key=lambda r: r.name):
                self._guard(run, self._acquire)
            locked = [r for r in runs if r.lock is not None]
            # Under the lock: what another run on this or another controller sent meanwhile.
            pending = self.adapter.pending_many([r.name for r in locked], self.keys) if locked else {}
            waiting = [(r, pending[r.name]) for r in locked if pending.get(r.name)]
            if not self.wait:
                for run, found in waiting:
                    if any(not p.done for p in found):
                        run.result['pending'] = [p.to_dict() for p in found]
                        self.warn('%s: %s started at the registrar meanwhile; nothing new is sent until it ends'
                                  % (run.name, ', '.join('%s %s' % (p.operation, p.id) for p in found)))
                        self._not_sent(run, 'not sent: other work on the domain started meanwhile; re-run once it ends')
            elif waiting:
                self._wait_pending(waiting)
            fresh = [r for r in locked if not r.settled]
            self._plan(fresh)
            for run in fresh:
                if not run.settled:
                    self._report_plan(run)
                    if not run.operations:
                        run.settled = True
                    found = consequences.refused(run.operations, self.allow)
                    if found:  # planned again under the lock: the gate applies to the new plan too
                        run.fail(InputError(consequences.refusal_message(found, self.allow)))
            self._advance([r for r in fresh if not r.settled], until_done=False)
        finally:
            for run in runs:
                self._release(run)

    def _acquire(self, run):
        run.lock = self.lock_for(run.name).acquire() if self.lock_for is not None else NO_LOCK

    @staticmethod
    def _release(run):
        if run.lock is not None:
            run.lock.release()
            run.lock = None

    def _not_sent(self, run, message):
        for reported in run.result['operations'][len(run.submissions):]:
            reported.update(status='not sent', message=message)
        if not run.submissions:
            run.result['changed'] = False  # in check mode too: nothing of it would be sent
        run.settled = True

    def _advance(self, runs, until_done):
        """Send what can be sent and follow what was sent, for all ``runs`` together.

        Until every operation is sent (``until_done`` False: the lock of a domain is released
        once its last one is sent) or, with wait, until everything sent has ended.
        """
        pauses = wait_schedule(factor=FOLLOW_BACKOFF)
        while True:
            sent_now = False
            for run in runs:
                if not run.settled and self._send_ready(run):
                    sent_now = True
                if not run.unsent:
                    self._release(run)
            if not self.wait:
                for run in runs:
                    run.settled = True
                return
            followed = [r for r in runs if not r.settled and r.last is not None and not r.last.done
                        and (until_done or r.unsent)]
            if not followed:
                return
            if sent_now:
                pauses = wait_schedule(factor=FOLLOW_BACKOFF)
            soonest = min(r.sent_at + self.wait_timeout for r in followed) - self.clock()
            self.sleep(max(0.0, min(next(pauses), soonest)))
            fresh = self.adapter.refresh_many([r.last for r in followed])
            for run, submission in zip(followed, fresh):
                self._guard(run, self._update, submission)

    def _send_ready(self, run):
        """Send this domain's next operations that may go now; whether any was sent."""
        sent = False
        while run.unsent and not run.settled:
            if self.stopped_by and self.stopped_by != run.name:
                self._not_sent(run, 'not sent: the run stopped after %s failed (fail_fast)' % self.stopped_by)
                break
            index = len(run.submissions)
            operation = run.operations[index]
            reported = run.result['operations'][index]
            if self.wait:
                if run.last is not None and not run.last.done:
                    break  # the next one waits for the previous one to end
            else:
                blocking = [earlier.name for earlier, sub in zip(run.operations, run.submissions)
                            if (sub is None or not sub.done) and depends_on(operation.aspects, earlier.aspects)]
                if blocking:
                    reported.update(status='not sent', message='needs %s to end first; re-run to send it' % blocking[0])
                    self.warn('wait=false: %s: %s not sent, it needs %s to end first; re-run to send it'
                              % (run.name, operation.name, blocking[0]))
                    run.submissions.append(None)
                    continue
            if self._guard(run, self._submit, operation, reported) is None:
                break
            sent = True
        return sent

    def _submit(self, run, operation, reported):
        try:
            submission = self.adapter.submit(operation)
        except RegistrarError as exc:
            reported.update(status='refused', message=str(exc))
            del run.result['operations'][len(run.submissions) + 1:]
            raise
        run.result['changed'] = True
        run.sent_at = self.clock()
        reported.update(submission.to_dict())
        run.submissions.append(submission)
        return submission

    def _update(self, run, submission):
        run.submissions[-1] = submission
        run.result['operations'][len(run.submissions) - 1].update(submission.to_dict())
        if submission.failed:
            raise RegistrarError(submission.status, submission.message or 'the registrar reported failure',
                                 operation='%s %s' % (submission.operation, submission.id))
        if not submission.done and self.clock() - run.sent_at >= self.wait_timeout:
            raise WaitTimeout(submission, self.wait_timeout)

    # ------------------------------------------------------------------ confirming
    def _confirm(self, runs):
        """Everything sent has ended: a fresh bulk read must show nothing more to do (seed 004's last step)."""
        if not runs:
            return
        domains = self.adapter.get_domains([r.name for r in runs])
        for run in runs:
            self._guard(run, self._confirm_one, domains.get(run.name))
            run.settled = True

    def _confirm_one(self, run, final):
        run.result.update(view(final, self.result_keys))
        if self.diff:
            run.diff = task_diff(run.name, run.current, final, self.shown, run.operations, run.desired)
        self.adapter.use_registrar_options(run.desired.registrar_options)
        leftover = plan(final, run.desired)
        if leftover and self.adapter.operations(final, self.adapter.resolve(final, leftover)):
            raise NotConverged('%s: the registrar reported %s done, but the domain still differs in: %s'
                               % (run.name, ', '.join(op.name for op in run.operations),
                                  ', '.join(c.aspect for c in leftover)))
