"""The shared task flow: what it does with what an adapter answers (the adapter is a stand-in here)."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import domain_task
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import (
    Operation, RegistrarAdapter, Submission)
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import (
    DesiredDomain, Domain, Nameserver, RenewPolicy)


class Exit(SystemExit):
    """What exit_json and fail_json raise in Ansible too: not an Exception."""

    def __init__(self, failed, result):
        super(Exit, self).__init__(result.get('msg'))
        self.failed, self.result = failed, result


class Module(object):
    def __init__(self, check_mode=False):
        self.params = {'wait': True, 'wait_timeout': 5}
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
        domain_task.run_domain_task(Module(), desired, aspects=['expires'])
    assert registrar.sent == ['Renew_Domain']
    assert end.value.failed is (not applies)
    if not applies:
        assert 'reported Renew_Domain done, but the domain still differs in: renew' in end.value.result['msg']


def test_check_mode_plans_and_sends_nothing(monkeypatch):
    registrar = Registrar(True)
    monkeypatch.setattr(domain_task, 'connect', lambda params: registrar)
    desired = DesiredDomain('example.com', renew=RenewPolicy(period=1, min_days_left=30))
    with pytest.raises(Exit) as end:
        domain_task.run_domain_task(Module(check_mode=True), desired, aspects=['expires'])
    assert registrar.sent == []
    assert end.value.result['changed'] is True
    assert [op['status'] for op in end.value.result['operations']] == ['planned']
    assert end.value.result['diff']['before']['expires'] != end.value.result['diff']['after']['expires']
