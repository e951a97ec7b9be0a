# -*- coding: utf-8 -*-
"""What every module that converges a domain does: read, plan, report, send, wait.

The modules only translate their options into a DesiredDomain and name the aspects
they manage; this file holds the shared flow, and registrar rules stay in the adapters.
"""
import traceback
from contextlib import contextmanager

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC, connect
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import (
    DomainNotFound, InputError, RegistrarError, WaitTimeout)
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan, predict

WAIT_ARGSPEC = dict(
    wait=dict(type='bool', default=True),
    wait_timeout=dict(type='int', default=300),
)


def fail(module, exc, **result):
    """End the task with the error, carrying the registrar's code and text when there are any."""
    if isinstance(exc, RegistrarError):
        result.update(registry_code=exc.code, registry_text=exc.text, registry_details=exc.details)
    module.fail_json(msg=str(exc), **result)


@contextmanager
def registrar_session(module, result):
    """The task's adapter, closed at the end; every error becomes a failed task carrying ``result``.

    Bad connection options fail before any request; a registrar's refusal carries its code
    and text; anything unexpected is a failed task with the traceback only under -vvv.
    """
    try:
        adapter = connect(module.params)
    except InputError as exc:
        fail(module, exc, **result)
    try:
        yield adapter
    except (InputError, RegistrarError, WaitTimeout) as exc:
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
        desired = build_desired(module.params)
    except InputError as exc:
        fail(module, exc, changed=False)
    run_domain_task(module, desired, aspects=aspects, missing_ok=missing_ok)


def view(domain, aspects):
    """The part of a domain a task manages, as shown by --diff and in the results."""
    if domain is None:
        return {'state': 'absent'}
    data = domain.to_dict()
    return dict((key, data[key]) for key in aspects if key in data)


def run_domain_task(module, desired, aspects, missing_ok=False):
    """Converge one domain and exit the module.

    ``aspects`` names the model keys this task manages (for the diff and the result);
    ``missing_ok`` allows a domain that is not in the account (register/transfer/absent).
    """
    result = dict(changed=False, domain=desired.name, operations=[])
    with registrar_session(module, result) as adapter:
        current = _read_after_pending(module, adapter, desired.name, aspects, result)
        if current is None and not missing_ok:
            raise DomainNotFound('404', 'domain %s is not in this %s account' % (desired.name, adapter.name))
        changes = plan(current, desired)
        unsupported = [c.aspect for c in changes if c.aspect not in adapter.supported_aspects]
        if unsupported:
            raise InputError('%s: not supported by this registrar (%s)' % (', '.join(unsupported), adapter.name))
        changes = adapter.resolve(current, changes)
        operations = adapter.operations(current, changes)
        expected = predict(current, changes)
        result['changed'] = bool(operations)
        result['operations'] = [_planned(op) for op in operations]
        if module._diff:
            result['diff'] = dict(before=view(current, aspects), after=view(expected, aspects))
        if module.check_mode or not operations:
            result.update(view(expected if operations else current, aspects))
            module.exit_json(**result)
        for index, operation in enumerate(operations):
            submission = adapter.submit(operation)
            result['operations'][index].update(submission.to_dict())
            if module.params['wait']:
                submission = adapter.wait(submission, module.params['wait_timeout'])
                result['operations'][index].update(submission.to_dict())
                if submission.failed:
                    raise RegistrarError(submission.status, submission.message or 'the registrar reported failure',
                                         operation='%s %s' % (submission.operation, submission.id))
            elif index + 1 < len(operations):
                # Later operations may depend on earlier ones; without waiting, send one at a time.
                module.warn('wait=false: sent %s only; re-run to send the rest once it is done' % operation.name)
                del result['operations'][index + 1:]
                break
        if not module.params['wait']:
            result.update(view(expected, aspects))
            module.exit_json(**result)
        final = adapter.get_domain(desired.name)
        result.update(view(final, aspects))
        if module._diff:
            result['diff']['after'] = view(final, aspects)
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
    pending = adapter.pending(name, aspects)
    if not pending:
        return adapter.get_domain(name)
    result['pending'] = [p.to_dict() for p in pending]
    if module.check_mode or not module.params['wait']:
        module.warn('%s: %s still running at the registrar; nothing new is sent until it ends'
                    % (name, ', '.join('%s %s' % (p.operation, p.id) for p in pending)))
        result.update(view(adapter.get_domain(name), aspects))
        module.exit_json(**result)
    result['pending'] = [adapter.wait(p, module.params['wait_timeout']).to_dict() for p in pending]
    return adapter.get_domain(name)
