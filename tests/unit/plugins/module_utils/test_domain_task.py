# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The shared task flow: what it does with what an adapter answers (the adapter is a stand-in here)."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import domain_task
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Operation, RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Locks, Nameserver, RenewPolicy


class Exit(SystemExit):
    """What exit_json and fail_json raise in Ansible too: not an Exception."""

    def __init__(self, failed, result):
        super().__init__(result.get('msg'))
        self.failed, self.result = failed, result


class Module:
    def __init__(self, check_mode=False):
        self.params = {'wait': True, 'wait_timeout': 5, 'provider': 'autodns', 'api_url': 'https://api.invalid/v1',
                       'username': 'user', 'password': 'secret', 'context': 4}
        self.check_mode = check_mode
        self._diff = True
        self.warnings = []

    def warn(self, text):
        self.warnings.append(text)

    def exit_json(self, **result):
        raise Exit(False, result)

    def fail_json(self, **result):
        raise Exit(True, result)


class Registrar(RegistrarAdapter):
    """Answers like a registrar whose renewal order completes; ``applies`` says whether it shows."""
    name = 'stand-in'
    supported_aspects = ('renew',)

    def __init__(self, applies):
        self.applies = applies
        self.domain = Domain('example.com', nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
                             expires=datetime.date.today() + datetime.timedelta(days=10))
        self.sent = []

    def get_domain(self, name):
        return self.domain

    def pending(self, name, aspects):
        return []

    def operations(self, current, changes):
        return [Operation('Renew_Domain', current.name, ('renew',), {}) for c in changes if c.aspect == 'renew']

    def submit(self, operation):
        self.sent.append(operation.name)
        if self.applies:
            self.domain = self.domain.with_changes(expires=self.domain.expires.replace(year=self.domain.expires.year + 1))
        return Submission(operation.name, operation.domain, 'ORDER-1', 'Completed', done=True)


@pytest.mark.parametrize('applies', [True, False])
def test_a_completed_order_is_confirmed_by_reading_the_domain_again(monkeypatch, applies):
    registrar = Registrar(applies)
    monkeypatch.setattr(domain_task, 'connect', lambda params: registrar)
    desired = DesiredDomain('example.com', renew=RenewPolicy(period=1, min_days_left=30))
    with pytest.raises(Exit) as end:
        domain_task.run_domain_task(Module(), desired, aspects=[aspects.RENEW])
    assert registrar.sent == ['Renew_Domain']
    assert end.value.failed is (not applies)
    if not applies:
        assert 'reported Renew_Domain done, but the domain still differs in: renew' in end.value.result['msg']


def test_check_mode_plans_and_sends_nothing(monkeypatch):
    registrar = Registrar(True)
    monkeypatch.setattr(domain_task, 'connect', lambda params: registrar)
    desired = DesiredDomain('example.com', renew=RenewPolicy(period=1, min_days_left=30))
    with pytest.raises(Exit) as end:
        domain_task.run_domain_task(Module(check_mode=True), desired, aspects=[aspects.RENEW])
    assert registrar.sent == []
    assert end.value.result['changed'] is True
    assert [op['status'] for op in end.value.result['operations']] == ['planned']
    before, after = end.value.result['diff']['before'], end.value.result['diff']['after']
    assert 'expires: %s' % registrar.domain.expires in before.splitlines()
    assert 'expires: %s' % registrar.domain.expires.replace(year=registrar.domain.expires.year + 1) in after.splitlines()


class Steps(RegistrarAdapter):
    """A registrar whose orders stay running (wait=false) or are refused; records what it receives."""
    name = 'stand-in'
    supported_aspects = ('unlock', 'nameservers', 'autorenew', 'locks', 'delete', 'expire')

    def __init__(self, refuse=(), pending_later=False):
        self.domain = Domain('example.com', nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
                             locks=Locks(transfer=False, update=True), autorenew=True,
                             expires=datetime.date(2027, 8, 14))
        self.refuse = refuse
        self.sent = []
        self.pending_calls = 0
        self.pending_later = pending_later

    def get_domain(self, name):
        return self.domain

    def pending(self, name, aspects):
        self.pending_calls += 1
        if self.pending_later and self.pending_calls == 2:
            # An order from another controller shows up between the first look and the submit.
            return [Submission('Nameserver_Update', name, 'ELSEWHERE-1', 'Completed', done=True)]
        return []

    def operations(self, current, changes):
        return [Operation('%s order' % c.aspect, current.name, (c.aspect,), {'aspect': c.aspect}) for c in changes]

    def submit(self, operation):
        if operation.name in self.refuse:
            raise RegistrarError('400', 'Order not validated', ['Domain is locked'], operation=operation.name)
        self.sent.append(operation.name)
        return Submission(operation.name, operation.domain, 'ORDER-%d' % len(self.sent), 'Received', done=False)

    def refresh(self, submission):
        return Submission(submission.operation, submission.domain, submission.id, 'Completed', done=True)


def run(monkeypatch, registrar, desired, aspects, **params):
    monkeypatch.setattr(domain_task, 'connect', lambda params: registrar)
    module = Module(check_mode=params.pop('check_mode', False))
    module.params.update(params)
    with pytest.raises(Exit) as end:
        domain_task.run_domain_task(module, desired, aspects=aspects, missing_ok=True)
    return end.value, module


NEW_NS = (Nameserver('c.ns14.net'), Nameserver('d.ns14.net'))


def test_without_wait_every_operation_not_depending_on_an_unfinished_one_is_sent(monkeypatch):
    registrar = Steps()
    desired = DesiredDomain('example.com', nameservers=NEW_NS, autorenew=False, locks=Locks(transfer=True))
    end, module = run(monkeypatch, registrar, desired, ['nameservers', 'autorenew', 'locks'], wait=False)
    assert not end.failed
    # nameservers and autorenew do not depend on each other; the lock is set only once they are done.
    assert registrar.sent == ['nameservers order', 'autorenew order']
    assert [(op['operation'], op['status']) for op in end.result['operations']] == [
        ('nameservers order', 'Received'), ('autorenew order', 'Received'), ('locks order', 'not sent')]
    assert end.result['changed'] is True
    assert any('locks order not sent' in w for w in module.warnings)


def test_without_wait_nothing_is_sent_past_an_unfinished_unlock(monkeypatch):
    registrar = Steps()
    desired = DesiredDomain('example.com', nameservers=NEW_NS, locks=Locks(update=False))
    end, module = run(monkeypatch, registrar, desired, ['nameservers', 'locks'], wait=False)
    assert registrar.sent == ['unlock order']
    assert [op['status'] for op in end.result['operations']] == ['Received', 'not sent']


class Applies(Steps):
    """Its orders complete at the first status read, and the domain then shows them."""

    def refresh(self, submission):
        self.domain = self.domain.with_changes(nameservers=NEW_NS, locks=Locks(transfer=False, update=False))
        return Submission(submission.operation, submission.domain, submission.id, 'Completed', done=True)


def test_with_wait_each_operation_is_sent_after_the_one_before_ended(monkeypatch):
    registrar = Applies()
    desired = DesiredDomain('example.com', nameservers=NEW_NS, locks=Locks(update=False))
    end, module = run(monkeypatch, registrar, desired, ['nameservers', 'locks'])
    assert not end.failed, end.result
    assert registrar.sent == ['unlock order', 'nameservers order']
    assert [op['status'] for op in end.result['operations']] == ['Completed', 'Completed']


def test_a_refused_first_order_is_not_changed_and_carries_the_refusal(monkeypatch):
    registrar = Steps(refuse=('nameservers order',))
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), ['nameservers'])
    assert end.failed and end.result['changed'] is False
    assert end.result['registry_code'] == '400' and end.result['registry_details'] == ['Domain is locked']
    assert [(op['status'], 'Order not validated' in op['message']) for op in end.result['operations']] == [('refused', True)]


def test_pending_work_is_looked_for_again_right_before_sending(monkeypatch):
    registrar = Steps(pending_later=True)
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), ['nameservers'],
                      wait=False)
    # The second look, under the lock, found the other (ended) order; the domain was read and
    # planned again before sending.
    assert registrar.pending_calls == 2
    assert registrar.sent == ['nameservers order']


@pytest.mark.parametrize('option', ['timeout', 'wait_timeout'])
@pytest.mark.parametrize('value', [0, -5])
def test_timeouts_that_are_not_positive_fail_before_any_request(monkeypatch, option, value):
    registrar = Steps()
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), ['nameservers'],
                      **{option: value})
    assert end.failed and '%s must be a positive number of seconds' % option in end.result['msg']
    assert registrar.sent == [] and registrar.pending_calls == 0


def test_diff_names_the_domain_sorts_name_servers_and_keys_contacts_by_role(monkeypatch):
    registrar = Steps()
    registrar.domain = registrar.domain.with_changes(
        nameservers=(Nameserver('b.ns14.net'), Nameserver('a.ns14.net')),
        contacts={'admin': Contact(handle='100', first_name='John', email='john@example.com')})
    desired = DesiredDomain('example.com', nameservers=(Nameserver('ns1.example.com', '192.0.2.1'), Nameserver('a.ns14.net')))
    end, module = run(monkeypatch, registrar, desired, ['nameservers', 'contacts'], check_mode=True)
    diff = end.result['diff']
    assert diff['before_header'] == diff['after_header'] == 'example.com'
    assert diff['before'] == ('contacts:\n  admin:\n    email: john@example.com\n    first_name: John\n    handle: \'100\'\n'
                              'nameservers:\n  - a.ns14.net\n  - b.ns14.net\n').replace("\'100\'", '100')
    assert diff['after'].endswith('nameservers:\n  - a.ns14.net\n  - ns1.example.com 192.0.2.1\n')
    # Text, not JSON: adding a server changes no other line.
    removed = set(diff['before'].splitlines()) - set(diff['after'].splitlines())
    assert removed == {'  - b.ns14.net'}
    assert registrar.sent == []


@pytest.mark.parametrize('mode, operation', [('expire', 'expire order'), ('delete', 'delete order')])
def test_diff_of_state_absent_shows_absent_and_the_cancelation(monkeypatch, mode, operation):
    registrar = Steps()
    desired = DesiredDomain('example.com', present=False, delete_mode=mode)
    end, module = run(monkeypatch, registrar, desired, [aspects.NAMESERVERS, aspects.AUTORENEW, aspects.EXPIRE], check_mode=True)
    after = end.result['diff']['after'].splitlines()
    assert 'state: absent' in after and 'absent_action: %s' % mode in after
    assert after[after.index('cancelation:') + 1] == '  - %s' % operation
    assert ('lapses_on: 2027-08-14' in after) is (mode == 'expire')
    assert 'nameservers:' in end.result['diff']['before'].splitlines()


class LeftRunning(Steps):
    """An earlier run left an order running; it ends at the first status read and the domain then shows it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.left = [Submission('Nameserver_Update', 'example.com', 'EARLIER-1', 'Processing', done=False)]
        self.asked = []
        self.options = None

    def use_registrar_options(self, options):
        self.options = options

    def pending(self, name, aspects):
        self.asked.append(tuple(aspects))
        return list(self.left)

    def refresh(self, submission):
        if submission.id == 'EARLIER-1':
            self.left = []
            self.domain = self.domain.with_changes(nameservers=NEW_NS)
        return Submission(submission.operation, submission.domain, submission.id, 'Completed', done=True)


@pytest.mark.parametrize('params', [dict(wait=False), dict(check_mode=True)])
def test_a_pending_order_is_never_sent_again_without_wait_or_in_check_mode(monkeypatch, params):
    registrar = LeftRunning()
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), [aspects.NAMESERVERS], **params)
    assert not end.failed and end.result['changed'] is False
    assert registrar.sent == [] and end.result['operations'] == []
    assert [p['id'] for p in end.result['pending']] == ['EARLIER-1']
    assert any('Nameserver_Update EARLIER-1 still running' in w for w in module.warnings)
    # The pending maps are asked about the aspects and the keys they show.
    assert registrar.asked[0] == (aspects.NAMESERVERS,)


def test_with_wait_a_pending_order_is_followed_and_then_nothing_more_is_needed(monkeypatch):
    registrar = LeftRunning()
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), [aspects.NAMESERVERS])
    assert not end.failed, end.result
    assert registrar.sent == [] and end.result['changed'] is False
    assert end.result['pending'][0]['status'] == 'Completed'
    assert [ns['name'] for ns in end.result['nameservers']] == ['c.ns14.net', 'd.ns14.net']


def test_registrar_only_options_reach_the_adapter_before_planning(monkeypatch):
    class Recording(Steps):
        def operations(self, current, changes):
            self.options = dict(self.registrar_options)
            return super().operations(current, changes)
    registrar = Recording()
    desired = DesiredDomain('example.com', nameservers=NEW_NS, registrar_options={'confirm_owner_consent': True})
    run(monkeypatch, registrar, desired, [aspects.NAMESERVERS], check_mode=True)
    assert registrar.options == {'confirm_owner_consent': True}


class FailsLater(Steps):
    """Accepts the orders; the first one then fails at the registry."""

    def refresh(self, submission):
        return Submission(submission.operation, submission.domain, submission.id, 'Failed', done=True, failed=True,
                          message='registry refused the update')


def test_an_order_that_fails_after_acceptance_fails_the_task_as_changed_and_stops(monkeypatch):
    registrar = FailsLater()
    desired = DesiredDomain('example.com', nameservers=NEW_NS, locks=Locks(update=False))
    end, module = run(monkeypatch, registrar, desired, [aspects.NAMESERVERS, aspects.UNLOCK, aspects.LOCKS])
    assert end.failed and end.result['changed'] is True
    assert 'registry refused the update' in end.result['msg'] and end.result['registry_code'] == 'Failed'
    assert registrar.sent == ['unlock order']  # nothing sent after the failed prerequisite


class NeverEnds(Steps):
    """Accepts the order, which then never ends."""

    def refresh(self, submission):
        return submission


def test_a_wait_that_runs_out_fails_the_task_with_the_order_still_running(monkeypatch):
    registrar = NeverEnds()
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), [aspects.NAMESERVERS],
                      wait_timeout=0.05)
    assert end.failed and end.result['changed'] is True
    assert 'nameservers order ORDER-1 still Received after 0.05s; it was sent once' in end.result['msg']
    assert registrar.sent == ['nameservers order']
    assert end.result['operations'][0]['id'] == 'ORDER-1'


def test_a_change_the_registrar_cannot_make_fails_before_anything_is_sent(monkeypatch):
    registrar = Steps()
    desired = DesiredDomain('example.com', new_auth_code='new-code')
    end, module = run(monkeypatch, registrar, desired, [aspects.AUTH_CODE])
    assert end.failed and 'auth_code: not supported by this registrar (stand-in)' in end.result['msg']
    assert registrar.sent == []


def test_a_domain_not_in_the_account_fails_unless_the_module_may_create_it(monkeypatch):
    registrar = Steps()
    registrar.get_domain = lambda name: None
    monkeypatch.setattr(domain_task, 'connect', lambda params: registrar)
    with pytest.raises(Exit) as end:
        domain_task.run_domain_task(Module(), DesiredDomain('example.com', nameservers=NEW_NS), aspects=[aspects.NAMESERVERS])
    assert end.value.failed and 'domain example.com is not in this stand-in account' in end.value.result['msg']
    assert registrar.sent == []


def test_an_unexpected_answer_is_a_failed_task_with_the_traceback_not_a_crash(monkeypatch):
    registrar = Steps()

    def malformed(name):
        raise KeyError('DomainName')
    registrar.get_domain = malformed
    end, module = run(monkeypatch, registrar, DesiredDomain('example.com', nameservers=NEW_NS), [aspects.NAMESERVERS])
    assert end.failed and end.result['msg'].startswith('unexpected error') and 'KeyError' in end.result['exception']
    assert registrar.sent == []
