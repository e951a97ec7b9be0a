# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS adapter (adapter.py, the glue) against the AutoDNS sandbox over real HTTP.

Every sandbox test starts its own sandbox from the integration seed (fresh state) with a short job
delay and without the sandbox's rate limit; the journal tells which requests were sent.
The flow in ``converge`` is the one domain_task runs: pending, read, plan, resolve,
operations, submit and wait each, read again. At the end, a few clients that answer one way
(an error echoing the request, a Job List, a job by id) show what the glue does with them.
"""
import datetime
import json
import time

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Locks, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import Change, plan
from sandbox.launcher import Sandbox

SEED = 'tests/integration/seeds/autodns.yml'
TRANSFER_AUTHINFO = 'S0Lygv+ZkNbniICm'
NEW_PERSON = Contact(first_name='Max', last_name='Muster', organization='Muster AG', address=('Allee 7',),
                     postal_code='80331', city='Muenchen', country='DE', email='max@muster.example',
                     phone='+49.891234567')


@pytest.fixture
def box(tmp_path):
    journal = tmp_path / 'journal.jsonl'
    with Sandbox('autodns', seed=SEED, journal=str(journal),
                 extra_args=['--job-delay', '0.2', '--rate-limit', '0']) as sandbox:
        sandbox.journal = journal
        yield sandbox


def adapter_for(box, password='demo-password', in_place=False, owner_consent=True):
    settings = {'api_url': box.url, 'username': 'demo', 'password': password, 'context': 4,
                'validate_certs': True, 'timeout': 10, 'update_contacts_in_place': in_place,
                'confirm_owner_consent': owner_consent}
    # The sandbox runs without its rate limit here; so does the client (the limiter has its own tests).
    client = AutoDNSClient(box.url, 'demo', password, 4, USER_AGENT, rate=0)
    return AutoDNSAdapter(settings, client=client)


def journal(box):
    """The journal lines; the sandbox writes each after its answer, so wait until no more come."""
    def read():
        return box.journal.read_text().splitlines() if box.journal.exists() else []
    lines = read()
    while True:
        time.sleep(0.05)
        again = read()
        if again == lines:
            return [json.loads(line) for line in lines]
        lines = again


def writes(box):
    return ['%s %s' % (e['method'], e['path'][len('/v1'):]) for e in journal(box) if e['write']]


def wait(adapter, submission):
    return adapter.wait(submission, timeout=10, interval=0.05)


def converge(adapter, desired, today=None):
    """domain_task's flow; returns (operations sent, final domain)."""
    for job in adapter.pending(desired.name, ['nameservers', 'contacts', 'locks', 'autorenew', 'expire']):
        wait(adapter, job)
    current = adapter.get_domain(desired.name)
    changes = adapter.resolve(current, plan(current, desired, today))
    ops = adapter.operations(current, changes)
    for op in ops:
        submission = wait(adapter, adapter.submit(op))
        assert not submission.failed, submission
    return ops, adapter.get_domain(desired.name)


def assert_converged(box, desired, today=None):
    """A fresh run (new adapter) finds nothing to send."""
    adapter = adapter_for(box)
    current = adapter.get_domain(desired.name)
    changes = adapter.resolve(current, plan(current, desired, today))
    assert adapter.operations(current, changes) == []


def names(ops):
    return [op.name for op in ops]


# ---------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------

def test_domain_is_read_with_its_contacts_data_in_two_requests(box):
    domain = adapter_for(box).get_domain('example.com')
    assert [ns.name for ns in domain.nameservers] == ['a.ns14.net', 'b.ns14.net']
    assert domain.contacts['registrant'].handle == '100'
    assert domain.contacts['registrant'].last_name == 'Doe'
    assert domain.contacts['zone'].email == 'hostmaster@example.com'
    assert domain.locks == Locks(transfer=False, update=False)
    assert domain.payable == datetime.date(2027, 12, 31) and domain.autorenew is True
    assert [(e['method'], e['path']) for e in journal(box)] == [
        ('GET', '/v1/domain/example.com'), ('POST', '/v1/contact/_search')]


def test_unknown_domain_is_none(box):
    assert adapter_for(box).get_domain('not-there.example') is None


def test_wrong_password_is_the_sandboxs_error(box):
    with pytest.raises(RegistrarError) as error:
        adapter_for(box, password='wrong').get_domain('example.com')
    assert error.value.code == 'E0105'
    assert error.value.text == 'Authentication failed: wrong user, password or context.'
    assert 'wrong' not in error.value.operation


# ---------------------------------------------------------------------------------------
# each aspect end to end
# ---------------------------------------------------------------------------------------

def test_nameservers_and_autorenew_in_one_update(box):
    desired = DesiredDomain('example.com', autorenew=False,
                            nameservers=validation.nameservers(['c.ns14.net', 'd.ns14.net'], 'example.com'))
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['PUT /domain/example.com']
    assert [ns.name for ns in domain.nameservers] == ['c.ns14.net', 'd.ns14.net'] and domain.autorenew is False
    assert_converged(box, desired)


def test_registrant_address_creates_a_handle_and_leaves_the_shared_one_alone(box):
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(address=('New Street 5',))})
    adapter = adapter_for(box)
    ops, domain = converge(adapter, desired)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    new_id = adapter.created_contacts[1]
    assert domain.contacts['registrant'].handle == str(new_id) != '100'
    assert domain.contacts['registrant'].address == ('New Street 5',)
    assert domain.contacts['admin'].handle == '100'  # only the registrant moved
    # 100 is shared with example.net: never edited
    assert 'PUT /contact/100' not in writes(box)
    net = adapter.get_domain('example.net')
    assert net.contacts['registrant'].handle == '100' and net.contacts['registrant'].address == ('Example Street 1',)
    assert_converged(box, desired)


def test_check_mode_reads_only_and_says_new_contact(box):
    adapter = adapter_for(box)
    current = adapter.get_domain('example.com')
    desired = DesiredDomain('example.com', contacts={'admin': NEW_PERSON})
    ops = adapter.operations(current, adapter.resolve(current, plan(current, desired)))
    assert [op.summary for op in ops][1]['body'] == {'name': 'example.com', 'adminc': {'id': 'new contact 1'}}
    assert writes(box) == []


def test_registrant_found_by_resolve_is_only_the_update(box):
    # contact 102 (Erika Mustermann) exists; example.com's registrant becomes exactly that data,
    # which is another holder: for a gTLD the domain update with confirmOwnerConsent, with the
    # found handle and no POST /contact
    adapter = adapter_for(box)
    erika = adapter.get_domain('example.org').contacts['registrant']
    data = dict(erika.to_dict(), handle=None)
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(**data)})
    ops, domain = converge(adapter, desired)
    assert names(ops) == ['PUT /domain/example.com']
    assert ops[0].payload['body'] == {'name': 'example.com', 'ownerc': {'id': 102}, 'confirmOwnerConsent': True}
    assert domain.contacts['registrant'].handle == '102'
    assert_converged(box, desired)


def test_registrant_organization_change_of_a_gtld_is_the_domain_update_with_consent(box):
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(organization='Other Ltd')})
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    assert ops[1].payload['body']['confirmOwnerConsent'] is True
    assert domain.contacts['registrant'].organization == 'Other Ltd'
    assert domain.contacts['registrant'].last_name == 'Doe'
    assert_converged(box, desired)


def test_admin_and_zone_change_is_one_update_with_both_ids(box):
    desired = DesiredDomain('example.com', contacts={'admin': NEW_PERSON, 'zone': Contact(handle='102')})
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    assert domain.contacts['admin'].last_name == 'Muster' and domain.contacts['zone'].handle == '102'
    assert domain.contacts['tech'].handle == '101'
    assert_converged(box, desired)


def test_a_second_domain_with_the_same_data_reuses_the_handle(box):
    desired = DesiredDomain('example.com', contacts={'admin': NEW_PERSON, 'tech': NEW_PERSON})
    ops, first = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    handle = first.contacts['admin'].handle
    assert first.contacts['tech'].handle == handle
    ops, second = converge(adapter_for(box), DesiredDomain('example.net', contacts={'admin': NEW_PERSON}))
    assert names(ops) == ['PUT /domain/example.net']
    assert second.contacts['admin'].handle == handle
    assert writes(box).count('POST /contact') == 1


def test_in_place_edits_the_handle_when_asked(box):
    zone = Contact(phone='+49.300000000')
    desired = DesiredDomain('example.com', contacts={'tech': zone, 'zone': zone})
    ops, domain = converge(adapter_for(box, in_place=True), desired)
    assert names(ops) == ['PUT /contact/101']
    assert domain.contacts['tech'].handle == '101' and domain.contacts['tech'].phone == '+49.300000000'
    assert 'POST /contact' not in writes(box)


def test_locks_set_released_and_refused(box):
    adapter = adapter_for(box)
    ops, domain = converge(adapter, DesiredDomain('example.com', locks=Locks(transfer=True, update=True)))
    assert names(ops) == ['PUT /domain/example.com/_statusUpdate'] and domain.status == 'LOCK_UPDATE'
    assert domain.locks == Locks(transfer=True, update=True)
    # releasing the update lock comes before the name server update
    desired = DesiredDomain('example.com', locks=Locks(update=False),
                            nameservers=validation.nameservers(['c.ns14.net', 'd.ns14.net'], 'example.com'))
    ops, domain = converge(adapter, desired)
    assert names(ops) == ['PUT /domain/example.com/_statusUpdate', 'PUT /domain/example.com']
    assert domain.status == 'LOCK'
    assert_converged(box, desired)
    sent = len(writes(box))
    current = adapter.get_domain('example.com')
    with pytest.raises(InputError, match='delete lock: not supported by this registrar \\(autodns\\)'):
        adapter.operations(current, adapter.resolve(current, plan(current, DesiredDomain(
            'example.com', locks=Locks(delete=True)))))
    assert len(writes(box)) == sent


def test_renew_twice_with_one_intent_renews_once(box):
    desired = DesiredDomain('example.com', renew=RenewPolicy(1, until=datetime.date(2028, 6, 1)))
    adapter = adapter_for(box)
    current = adapter.get_domain('example.com')
    (op,) = adapter.operations(current, plan(current, desired))
    assert op.payload['body'] == {'period': {'period': 1, 'unit': 'YEAR'}, 'payable': '2027-12-31T12:00:00.000+0200'}
    submission = adapter.submit(op)
    # a second run while the job runs sees it as pending (and would wait on it)
    other = adapter_for(box)
    (running,) = other.pending('example.com', ['renew'])
    assert running.id == submission.id and running.operation == 'RENEW example.com'
    assert other.pending('example.com', ['nameservers']) == []
    wait(other, running)
    # ... and after it finds nothing to renew
    ops, domain = converge(other, desired)
    assert ops == [] and domain.payable == datetime.date(2028, 12, 31)
    # the same request sent again cannot renew twice: the payable guard refuses it
    with pytest.raises(RegistrarError) as error:
        adapter.submit(op)
    assert error.value.code == 'E0101003'
    assert [w for w in writes(box) if w.endswith('/_renew')] == ['PUT /domain/example.com/_renew'] * 2
    assert [e['code'] for e in journal(box) if e['path'].endswith('/_renew')] == ['N0101003', 'E0101003']


def test_expire_is_a_cancelation_at_expiry_and_a_rerun_is_idempotent(box):
    desired = DesiredDomain('example.com', present=False, delete_mode='expire')
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /domain/example.com/cancelation']
    assert domain is not None and domain.autorenew is False
    assert_converged(box, desired)
    # declaring autorenew again withdraws the cancelation
    ops, domain = converge(adapter_for(box), DesiredDomain('example.com', autorenew=True))
    assert names(ops) == ['DELETE /domain/example.com/cancelation'] and domain.autorenew is True


def test_delete_is_a_cancelation_now(tmp_path):
    # a longer job delay, so that the cancelation is seen before it is executed
    with Sandbox('autodns', seed=SEED, journal=str(tmp_path / 'journal.jsonl'),
                 extra_args=['--job-delay', '2', '--rate-limit', '0']) as box:
        box.journal = tmp_path / 'journal.jsonl'
        desired = DesiredDomain('example.com', present=False, delete_mode='delete')
        ops, domain = converge(adapter_for(box), desired)
        assert names(ops) == ['POST /domain/example.com/cancelation']
        assert ops[0].payload['body'] == {'domain': 'example.com', 'type': 'DELETE', 'execution': 'NOW'}
        # not yet executed: a re-run sees it and sends nothing
        assert domain.registrar_data['cancelation']['execution'] == 'NOW' and domain.autorenew is False
        assert_converged(box, desired)
        deadline = time.monotonic() + 10
        while adapter_for(box).get_domain('example.com') is not None:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert_converged(box, desired)
        assert writes(box).count('POST /domain/example.com/cancelation') == 1


def test_register_with_new_contacts(box):
    desired = DesiredDomain('brand-new.example', contacts={
        'registrant': NEW_PERSON, 'admin': NEW_PERSON, 'tech': Contact(handle='101')},
        nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'brand-new.example'),
        locks=Locks(transfer=True), autorenew=True)
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /contact', 'POST /domain', 'PUT /domain/brand-new.example/_statusUpdate']
    assert domain.contacts['registrant'].handle == domain.contacts['admin'].handle
    assert domain.contacts['registrant'].last_name == 'Muster' and domain.status == 'LOCK'
    assert_converged(box, desired)


def test_transfer_in_with_redacted_authinfo(box):
    handles = dict((role, Contact(handle='100')) for role in ('registrant', 'admin', 'tech'))
    desired = DesiredDomain('transfer-in.example', auth_code=TRANSFER_AUTHINFO, contacts=handles)
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['POST /domain/_transfer']
    assert ops[0].summary['body']['authinfo'] == REDACTED
    assert TRANSFER_AUTHINFO not in json.dumps(ops[0].summary) and TRANSFER_AUTHINFO not in box.journal.read_text()
    assert domain.contacts['registrant'].handle == '100'
    # the domain moved with its auth code, so the same task finds nothing to do
    assert domain.auth_code == TRANSFER_AUTHINFO
    assert_converged(box, desired)


def test_wrong_authinfo_fails_the_job(box):
    handles = dict((role, Contact(handle='100')) for role in ('registrant', 'admin', 'tech'))
    adapter = adapter_for(box)
    (op,) = adapter.operations(None, plan(None, DesiredDomain('transfer-in.example', auth_code='wrong-code',
                                                              contacts=handles)))
    submission = wait(adapter, adapter.submit(op))
    assert submission.failed and submission.status == 'FAILED'
    message = adapter.poll()
    assert message.reference == submission.id and message.status == 'FAILED'
    assert 'authinfo' in message.text and 'wrong-code' not in message.text


def test_restore_a_recently_deleted_domain(box):
    desired = DesiredDomain('restore-me.example', restore=True)
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['PUT /domain/restore-me.example/_restore']
    assert domain is not None and domain.status == 'ACTIVE'
    assert_converged(box, desired)


def test_auth_code_a_new_one_but_never_a_chosen_one(box):
    adapter = adapter_for(box)
    current = adapter.get_domain('example.com')
    with pytest.raises(InputError, match='not supported by this registrar \\(autodns\\)'):
        adapter.operations(current, plan(current, DesiredDomain('example.com', new_auth_code='Chosen-Code-1')))
    (op,) = adapter.operations(current, [Change('auth_code', current.auth_code, None)])
    assert wait(adapter, adapter.submit(op)).done
    assert adapter.get_domain('example.com').auth_code not in (None, current.auth_code)


@pytest.fixture(params=['spec', 'seed004'])
def poll_box(request, tmp_path):
    """A sandbox serving GET /poll in the swagger's shape or in seed 004's."""
    journal = tmp_path / 'journal.jsonl'
    with Sandbox('autodns', seed=SEED, journal=str(journal),
                 extra_args=['--job-delay', '0.2', '--rate-limit', '0', '--poll-shape', request.param]) as sandbox:
        sandbox.journal = journal
        sandbox.poll_shape = request.param
        yield sandbox


def test_poll_and_ack_drain_the_messages_in_order(poll_box):
    box = poll_box
    adapter = adapter_for(box)
    assert adapter.poll() is None
    jobs = []
    for name in ('example.com', 'example.net', 'example.org'):
        current = adapter.get_domain(name)
        desired = DesiredDomain(name, autorenew=not current.autorenew)
        (op,) = adapter.operations(current, plan(current, desired))
        jobs.append(wait(adapter, adapter.submit(op)).id)
    seen = []
    message = adapter.poll()
    assert message.waiting == 3
    while message is not None:
        assert adapter.poll().id == message.id  # shown until confirmed
        seen.append((message.reference, message.domain, message.status))
        adapter.ack(message.id)
        message = adapter.poll()
    assert seen == [(jobs[0], 'example.com', 'SUCCESS'), (jobs[1], 'example.net', 'SUCCESS'),
                    (jobs[2], 'example.org', 'SUCCESS')]


def test_every_message_field_is_filled_in_both_poll_shapes(poll_box):
    adapter = adapter_for(poll_box)
    current = adapter.get_domain('example.com')
    (op,) = adapter.operations(current, plan(current, DesiredDomain('example.com', autorenew=not current.autorenew)))
    job = wait(adapter, adapter.submit(op))
    message = adapter.poll().to_dict()
    assert [k for k, v in message.items() if v in (None, '')] == [], message
    assert message['reference'] == job.id and message['domain'] == 'example.com'
    assert message['status'] == 'SUCCESS' and message['waiting'] == 1
    assert message['id'].isdigit() and message['created'][:4].isdigit()
    assert str(job.id) in message['text'] or message['text'].startswith('S0102')


def test_a_named_handle_that_does_not_exist_fails_before_sending(box):
    adapter = adapter_for(box)
    current = adapter.get_domain('example.com')
    with pytest.raises(InputError, match='contact handle 999: not found'):
        adapter.resolve(current, plan(current, DesiredDomain('example.com', contacts={'admin': Contact(handle='999')})))
    assert writes(box) == []


class EchoingClient:
    """A registrar that repeats the request in its error text (AutoDNS's sandbox does not)."""

    def request(self, method, path, body=None, params=None):
        raise RegistrarError('E0104', 'cannot transfer with %s' % body, ['authinfo %s refused' % body.get('authinfo')],
                             operation='%s %s' % (method, path))


def test_errors_never_carry_the_authinfo():
    adapter = AutoDNSAdapter({}, client=EchoingClient())
    handles = dict((role, Contact(handle='100')) for role in ('registrant', 'admin', 'tech'))
    (op,) = adapter.operations(None, plan(None, DesiredDomain('transfer-in.example', auth_code=TRANSFER_AUTHINFO,
                                                              contacts=handles)))
    with pytest.raises(RegistrarError) as error:
        adapter.submit(op)
    assert TRANSFER_AUTHINFO not in str(error.value) and REDACTED in str(error.value)
    assert error.value.code == 'E0104'


class JobListClient:
    """A registrar whose Job List holds the given jobs (records the query)."""

    def __init__(self, jobs):
        self.jobs = jobs
        self.queries = []
        self.params = []

    def request(self, method, path, body=None, params=None):
        self.queries.append((method, path, body))
        self.params.append(params)
        return {'status': {'code': 'S300115', 'type': 'SUCCESS'}, 'data': [{'job': j} for j in self.jobs]}


def test_pending_counts_every_status_that_is_not_final_and_reads_actions_in_any_case():
    client = JobListClient([{'id': 1, 'status': 'WAIT', 'action': 'update'},
                            {'id': 2, 'status': 'DEFERRED', 'action': 'Renew'},
                            {'id': 3, 'status': 'SUPPORT', 'action': 'UPDATE_STATUS'},
                            {'id': 4, 'status': 'SUCCESS', 'action': 'UPDATE'}])
    adapter = AutoDNSAdapter({}, client=client)
    pending = adapter.pending('example.com', ['nameservers'])
    assert [p.id for p in pending] == ['1']  # RENEW and UPDATE_STATUS do not touch name servers; 4 is done
    assert [p.id for p in adapter.pending('example.com', ['renew', 'locks'])] == ['2', '3']
    method, path, query = client.queries[0]
    assert (method, path) == ('POST', '/job/_search')
    assert query['filters'] == [{'key': 'object', 'operator': 'IN', 'values': ['example.com'], 'link': 'AND'},
                                {'key': 'status', 'operator': 'IN',
                                 'values': ['DEFERRED', 'NOT_SET', 'RUNNING', 'SUPPORT', 'WAIT']}]
    # One way to ask for 1 or N domains: the Job List of pending_many, with its keys[].
    assert client.params[0] == {'keys[]': ['status', 'subStatus', 'action', 'object']}


def test_a_pending_job_that_does_not_say_its_domain_holds_back_every_domain_asked_about():
    client = JobListClient([{'id': 7, 'status': 'RUNNING', 'action': 'UPDATE'}])
    pending = AutoDNSAdapter({}, client=client).pending_many(['a.example', 'b.example'], ['nameservers'])
    assert dict((name, [p.id for p in found]) for name, found in pending.items()) == {'a.example': ['7'], 'b.example': ['7']}


# ---------------------------------------------------------------- reading a job by id (order_info)
class Answers:
    """A client that answers GET /job/{id} with a fixed envelope (or 404) and records the paths."""

    def __init__(self, envelope=None):
        self.envelope = envelope
        self.paths = []

    def get(self, path):
        self.paths.append(path)
        if self.envelope is None:
            raise NotFound('404', 'Job not found.')
        return self.envelope


def order_adapter(envelope=None):
    return AutoDNSAdapter({}, client=Answers(envelope))


@pytest.mark.parametrize('object_type', ['domain', 'Domain'])   # the swagger's and the help pages' spelling
def test_a_job_is_read_with_its_domain_and_status(object_type):
    registrar = order_adapter({'status': {'type': 'SUCCESS'}, 'data': [
        {'job': {'id': 4295611341, 'status': 'FAILED', 'action': 'RENEW', 'subStatus': None},
         'object': {'type': object_type, 'value': 'example.com'}}]})
    job = registrar.order('4295611341')
    assert registrar.client.paths == ['/job/4295611341']
    assert (job.id, job.operation, job.domain, job.status, job.done, job.failed) == (
        '4295611341', 'RENEW', 'example.com', 'FAILED', True, True)
    assert job.message == 'job 4295611341 ended FAILED'


def test_an_unknown_job_is_none():
    assert order_adapter(None).order('999') is None


@pytest.mark.parametrize('envelope', [{'data': []}, {'data': [{'job': {'id': 1}}]}, {'data': ['text']}])
def test_an_answer_without_the_job_and_its_status_is_an_error(envelope):
    with pytest.raises(RegistrarError, match='answered without the job and its status'):
        order_adapter(envelope).order('1')


def test_a_job_id_that_is_not_a_number_fails_before_any_request():
    registrar = order_adapter({'data': []})
    with pytest.raises(InputError, match='an AutoDNS job id is a number'):
        registrar.order('../domain/example.com')
    assert registrar.client.paths == []


def test_dnssec_keys_are_set_read_back_and_removed_with_the_dnssec_route(box):
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    keys = dnssec.records([{'flags': 257, 'protocol': 3, 'algorithm': 13,
                            'public_key': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}])
    desired = DesiredDomain('example.com', dnssec=keys)
    ops, domain = converge(adapter_for(box), desired)
    assert names(ops) == ['PUT /domain/example.com/_dnssec'] and domain.dnssec == keys
    assert_converged(box, desired)
    ops, domain = converge(adapter_for(box), DesiredDomain('example.com', dnssec=()))
    assert names(ops) == ['PUT /domain/example.com/_dnssec'] and domain.dnssec == ()
    assert writes(box) == ['PUT /domain/example.com/_dnssec'] * 2
