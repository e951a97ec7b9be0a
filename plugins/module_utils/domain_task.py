# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What every module that converges a domain does: read, plan, report, send, wait.

The modules only translate their options into a DesiredDomain and name the aspects
they manage; this file holds the shared flow, and registrar rules stay in the adapters.
"""
import traceback
from contextlib import contextmanager

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC, connect, connection_settings
from ansible_collections.domainops.registrar.plugins.module_utils.core.aspects import pending_keys, predict, shown_keys
from ansible_collections.domainops.registrar.plugins.module_utils.core.diff import task_diff
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import DomainNotFound, InputError, RegistrarError, WaitTimeout
from ansible_collections.domainops.registrar.plugins.module_utils.core.lock import DomainLock, LockTimeout, lock_key
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import depends_on, plan

WAIT_ARGSPEC = dict(
    wait=dict(type='bool', default=True),
    wait_timeout=dict(type='int', default=300),
)

# How long a run waits for another run on this controller to finish sending to the same
# domain, beyond that run's own wait on pending work (bounded by its wait_timeout).
LOCK_MARGIN = 60


def fail(module, exc, **result):
    """End the task with the error, carrying the registrar's code and text when there are any."""
    if isinstance(exc, RegistrarError):
        result.update(registry_code=exc.code, registry_text=exc.text, registry_details=exc.details)
    module.fail_json(msg=str(exc), **result)


def check_timeouts(params):
    """Timeouts that are not positive would end every request or wait at once: refuse them."""
    for option in ('timeout', 'wait_timeout'):
        value = params.get(option)
        if value is not None and value <= 0:
            raise InputError('%s must be a positive number of seconds, got %s' % (option, value))


@contextmanager
def registrar_session(module, result):
    """The task's adapter, closed at the end; every error becomes a failed task carrying ``result``.

    Bad connection options fail before any request; a registrar's refusal carries its code
    and text; anything unexpected is a failed task with the traceback only under -vvv.
    """
    try:
        check_timeouts(module.params)
        adapter = connect(module.params)
    except InputError as exc:
        fail(module, exc, **result)
    try:
        yield adapter
    except (InputError, RegistrarError, WaitTimeout, LockTimeout) as exc:
        fail(module, exc, **result)
    except Exception as exc:  # a bug or an unexpected answer: a failed task, not a traceback
        module.fail_json(msg='unexpected error: %s' % exc, exception=traceback.format_exc(), **result)
    finally:
        adapter.close()


def run_converge_module(argument_spec, build_desired, aspects, missing_ok=False, **module_kwargs):
    """The whole of a module that converges a domain: its options plus the connection and
    wait options; ``build_desired(params)`` turns them into a DesiredDomain (raising
    InputError for bad input, which fails the task before anything is sent)."""
    spec = dict(argument_spec)
    spec.update(CONNECTION_ARGSPEC)
    spec.update(WAIT_ARGSPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True, **module_kwargs)
    try:
        check_timeouts(module.params)
        desired = build_desired(module.params)
    except InputError as exc:
        fail(module, exc, changed=False)
    run_domain_task(module, desired, aspects=aspects, missing_ok=missing_ok)


def view(domain, keys):
    """The part of a domain a task manages (``keys``: the aspects' shown keys), as shown in the results."""
    if domain is None:
        return {'state': 'absent'}
    data = domain.to_dict()
    return dict((key, data[key]) for key in keys if key in data)


def domain_lock(module, name):
    """The controller-wide lock on this domain at this registrar endpoint and account."""
    settings = connection_settings(module.params)
    account = '%s/%s' % (settings.get('username'), settings.get('context') or '')
    wait = module.params['wait_timeout'] if module.params.get('wait') else 0
    return DomainLock(lock_key(settings['provider'], settings['api_url'], account, name), wait + LOCK_MARGIN,
                      what='%s at %s' % (name, settings['provider']))


def run_domain_task(module, desired, aspects, missing_ok=False):
    """Converge one domain and exit the module.

    ``aspects`` names the aspects this task manages (core/aspects.py constants); the table says
    which result and diff keys they show. ``missing_ok`` allows a domain that is not in the
    account (register/transfer/absent).
    """
    result = dict(changed=False, domain=desired.name, operations=[])
    with registrar_session(module, result) as adapter:
        adapter.use_registrar_options(desired.registrar_options)
        if module.check_mode:
            current, operations, expected = _plan_task(module, adapter, desired, aspects, missing_ok, result)
            _report_plan(module, desired, aspects, result, current, operations, expected)
            module.exit_json(**result)
        # Looking for pending work, planning and sending are one step per domain on this
        # controller: a concurrent run then finds this run's orders instead of planning them again.
        with domain_lock(module, desired.name):
            current, operations, expected = _plan_task(module, adapter, desired, aspects, missing_ok, result)
            if operations and adapter.pending(desired.name, pending_keys(aspects)):
                # Sent from elsewhere (another controller) since the first look: follow it, plan again.
                current, operations, expected = _plan_task(module, adapter, desired, aspects, missing_ok, result)
            _report_plan(module, desired, aspects, result, current, operations, expected)
            if not operations:
                module.exit_json(**result)
            submissions = _send(module, adapter, operations, result)
        _follow(module, adapter, desired, aspects, current, operations, submissions, result)


def _plan_task(module, adapter, desired, aspects, missing_ok, result):
    """(current domain, operations, predicted domain), once pending work has ended."""
    current = _read_after_pending(module, adapter, desired.name, aspects, result)
    if current is None and not missing_ok:
        raise DomainNotFound('404', 'domain %s is not in this %s account' % (desired.name, adapter.name))
    changes = plan(current, desired)
    unsupported = [c.aspect for c in changes if c.aspect not in adapter.supported_aspects]
    if unsupported:
        raise InputError('%s: not supported by this registrar (%s)' % (', '.join(unsupported), adapter.name))
    changes = adapter.resolve(current, changes)
    operations = adapter.operations(current, changes)
    return current, operations, predict(current, changes)


def _report_plan(module, desired, aspects, result, current, operations, expected):
    # Outside check mode nothing is "changed" until the registrar accepts an order:
    # a refused first order leaves changed=false.
    result['changed'] = bool(operations) and module.check_mode
    result['operations'] = [_planned(op) for op in operations]
    after = expected if operations else current
    if module._diff:
        result['diff'] = task_diff(desired.name, current, after, shown_keys(aspects), operations, desired)
    result.update(view(after, shown_keys(aspects)))


def _send(module, adapter, operations, result):
    """Submit each operation once, in order; returns the submissions (None for one held back).

    With wait, each is followed to its end before the next (later ones may need it), except
    the last, which is followed after the lock is released. Without wait, every operation
    that does not depend on an unfinished earlier one is sent; the others are held back.
    """
    submissions = []
    for index, operation in enumerate(operations):
        reported = result['operations'][index]
        if not module.params['wait']:
            blocking = [earlier.name for earlier, sent in zip(operations, submissions)
                        if (sent is None or not sent.done) and depends_on(operation.aspects, earlier.aspects)]
            if blocking:
                reported.update(status='not sent', message='needs %s to end first; re-run to send it' % blocking[0])
                module.warn('wait=false: %s not sent, it needs %s to end first; re-run to send it'
                            % (operation.name, blocking[0]))
                submissions.append(None)
                continue
        try:
            submission = adapter.submit(operation)
        except RegistrarError as exc:
            reported.update(status='refused', message=str(exc))
            del result['operations'][index + 1:]
            raise
        result['changed'] = True
        reported.update(submission.to_dict())
        if module.params['wait'] and index + 1 < len(operations):
            submission = _wait(module, adapter, submission, reported)
        submissions.append(submission)
    return submissions


def _wait(module, adapter, submission, reported):
    submission = adapter.wait(submission, module.params['wait_timeout'])
    reported.update(submission.to_dict())
    if submission.failed:
        raise RegistrarError(submission.status, submission.message or 'the registrar reported failure',
                             operation='%s %s' % (submission.operation, submission.id))
    return submission


def _follow(module, adapter, desired, aspects, current, operations, submissions, result):
    """After sending: without wait, report; with wait, follow the last one and confirm with a fresh read."""
    if not module.params['wait']:
        module.exit_json(**result)
    _wait(module, adapter, submissions[-1], result['operations'][-1])
    final = adapter.get_domain(desired.name)
    result.update(view(final, shown_keys(aspects)))
    if module._diff:
        result['diff'] = task_diff(desired.name, current, final, shown_keys(aspects), operations, desired)
    # Confirm with a fresh read (seed 004's last step): once everything sent is done,
    # the domain must need nothing more.
    leftover = plan(final, desired)
    if leftover and adapter.operations(final, adapter.resolve(final, leftover)):
        module.fail_json(msg='%s: the registrar reported %s done, but the domain still differs in: %s'
                         % (desired.name, ', '.join(op.name for op in operations),
                            ', '.join(c.aspect for c in leftover)), **result)
    module.exit_json(**result)


def _planned(operation):
    return {'operation': operation.name, 'domain': operation.domain, 'request': operation.summary,
            'id': None, 'status': 'planned', 'message': None}


def _read_after_pending(module, adapter, name, aspects, result):
    """Read the domain, first waiting on orders/jobs an earlier run left running.

    An order already pending for the same aspect is never sent again: with wait it is
    followed to its end before planning; without wait the task sends nothing.
    """
    pending = adapter.pending(name, pending_keys(aspects))
    if not pending:
        return adapter.get_domain(name)
    result['pending'] = [p.to_dict() for p in pending]
    if module.check_mode or not module.params['wait']:
        module.warn('%s: %s still running at the registrar; nothing new is sent until it ends'
                    % (name, ', '.join('%s %s' % (p.operation, p.id) for p in pending)))
        result.update(view(adapter.get_domain(name), shown_keys(aspects)))
        module.exit_json(**result)
    result['pending'] = [adapter.wait(p, module.params['wait_timeout']).to_dict() for p in pending]
    return adapter.get_domain(name)
