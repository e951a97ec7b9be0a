# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What every module that converges domains shares: options, session, locks, exiting.

The modules only translate their options into DesiredDomains and name the aspects they
manage; the flow itself is converge.py, and registrar rules stay in the adapters.
"""
import traceback
from contextlib import contextmanager

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC, connect, connection_settings
from ansible_collections.domainops.registrar.plugins.module_utils.converge import Converge
from ansible_collections.domainops.registrar.plugins.module_utils.core.consequences import ALLOW_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, NotConverged, RegistrarError, WaitTimeout
from ansible_collections.domainops.registrar.plugins.module_utils.core.lock import DomainLock, LockTimeout, lock_key

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
    except (InputError, RegistrarError, WaitTimeout, LockTimeout, NotConverged) as exc:
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
    spec.update(ALLOW_ARGSPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True, **module_kwargs)
    try:
        check_timeouts(module.params)
        desired = build_desired(module.params)
    except InputError as exc:
        fail(module, exc, changed=False)
    run_domain_task(module, desired, aspects=aspects, missing_ok=missing_ok)


def domain_lock(module, name):
    """The controller-wide lock on this domain at this registrar endpoint and account."""
    settings = connection_settings(module.params)
    account = '%s/%s' % (settings.get('username'), settings.get('context') or '')
    wait = module.params['wait_timeout'] if module.params.get('wait') else 0
    return DomainLock(lock_key(settings['provider'], settings['api_url'], account, name), wait + LOCK_MARGIN,
                      what='%s at %s' % (name, settings['provider']))


def converge_settings(module):
    """The flow's settings from a module's parameters (wait options, check mode, --diff)."""
    return dict(check_mode=module.check_mode, diff=module._diff, wait=module.params['wait'],
                wait_timeout=module.params['wait_timeout'], warn=module.warn, allow=module.params.get('allow'),
                lock_for=lambda name: domain_lock(module, name))


def run_domain_task(module, desired, aspects, missing_ok=False):
    """Converge one domain and exit the module: the N = 1 case of the flow (converge.py).

    ``aspects`` names the aspects this task manages (core/aspects.py constants); the table says
    which result and diff keys they show. ``missing_ok`` allows a domain that is not in the
    account (register/transfer/absent).
    """
    result = dict(changed=False, domain=desired.name, operations=[])
    with registrar_session(module, result) as adapter:
        (run,) = Converge(adapter, aspects, missing_ok=missing_ok, **converge_settings(module)).run([desired])
        result = run.result
        if run.diff is not None:
            result['diff'] = run.diff
    if run.error is None:
        module.exit_json(**result)
    result.pop('failed', None)
    message = result.pop('msg')
    for key in ('registry_code', 'registry_text', 'registry_details'):
        result.pop(key, None)
    if run.traceback is not None:
        module.fail_json(msg=message, exception=run.traceback, **result)
    fail(module, run.error, **result)
