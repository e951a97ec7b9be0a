# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS answers → the core model (read.py): DomainInfo, Contact List, jobs, the poll queue, as answered."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.read import (
    job_submission,
    read_contact,
    read_contact_list,
    read_created_contact,
    read_domain,
    read_poll,
)
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, Locks

# DomainInfo answer data as in seed 004.
SEED_DOMAIN = {
    'name': 'example.com', 'payable': '2020-12-31T12:00:00.000+0200',
    'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100},
    'registryStatus': 'LOCK',
    'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}, {'name': 'c.ns14.net'}, {'name': 'd.ns14.net'}],
    'authinfo': 'J/w0Xpn66I87YVty', 'autoRenewStatus': 'TRUE', 'registrarStatus': 'ACTIVE',
}
JOHN = {'id': 100, 'type': 'PERSON', 'fname': 'John', 'lname': 'Doe', 'organization': 'Example',
        'address': ['Street 1'], 'pcode': '12345', 'city': 'Berlin', 'country': 'DE',
        'email': 'john@example.com', 'phone': '+49.301234567'}
HOST = dict(JOHN, id=101, type='ROLE', fname='Host', lname='Master', email='hostmaster@example.com',
            phone='+49.301234568')


def full():
    """A domain with all four roles, read with its contacts' data (a Contact List, read)."""
    data = dict(SEED_DOMAIN, registryStatus='ACTIVE', adminc={'id': 100}, techc={'id': 101}, zonec={'id': 101})
    return read_domain(data, {'100': read_contact(JOHN), '101': read_contact(HOST)})


def test_seed_domain_info_reads_into_the_model():
    domain = read_domain(SEED_DOMAIN)
    assert [n.name for n in domain.nameservers] == ['a.ns14.net', 'b.ns14.net', 'c.ns14.net', 'd.ns14.net']
    assert domain.payable == datetime.date(2020, 12, 31)
    assert domain.contacts['registrant'].handle == '100' and domain.contacts['tech'].handle == '100'
    assert domain.autorenew is True and domain.locks.transfer is True
    assert domain.to_dict().get('auth_code') is None


def test_contacts_are_read_with_their_data():
    domain = full()
    assert domain.contacts['registrant'] == Contact(
        handle='100', first_name='John', last_name='Doe', organization='Example', address=('Street 1',),
        postal_code='12345', city='Berlin', country='DE', email='john@example.com', phone='+49.301234567')
    assert domain.contacts['zone'].handle == '101' and domain.contacts['zone'].last_name == 'Master'
    assert domain.locks == Locks(transfer=False, update=False) and domain.locks.delete is None


# ---------------------------------------------------------------- poll messages and job statuses, as answered
SEED004_POLL = {  # seed 004's PollInfo JSON example (the message's created is in its XML example)
    'stid': '20180926-stid', 'status': {'code': 'S0905', 'text': 'Die Benachrichtigung wurde erfolgreich abgerufen.',
                                        'type': 'SUCCESS'},
    'object': {'type': 'message', 'value': '1819917'},
    'data': [{'summary': 1, 'message': {
        'id': 1819917, 'created': '2018-10-15 14:03:02',
        'job': {'id': 4295609745, 'domain': {'name': 'example.com', 'payable': '2021-12-31 12:00:01.000+0200'}},
        'stid': '20180926-stid', 'object': {'type': 'domain', 'value': 'example.com'},
        'status': {'code': 'S0101', 'type': 'SUCCESS'}}}]}
SPEC_POLL = {  # the swagger's JsonResponseDataPollMessage; object as help.internetx.com's polling examples write it
    'stid': '20210512-app3', 'status': {'code': 'S0905', 'text': 'The notification was polled successfully.',
                                        'type': 'SUCCESS'},
    'object': {'type': 'Message', 'value': '1005491836', 'summary': 2},
    'data': [{'id': 1005491836, 'stid': '20210512-app3-dev-10782', 'created': '2021-05-12T14:42:30.000+0200',
              'job': {'id': 4295609745, 'status': 'FAILED', 'action': 'RENEW'},
              'messages': [{'code': 'E0101003', 'text': 'Renewal failed.', 'status': 'ERROR'}],
              'object': {'type': 'Domain', 'value': 'EXAMPLE.AQ', 'data': {'name': 'example.aq'}}}]}


def test_read_poll_fills_every_field_from_seed_004s_shape():
    message = read_poll(SEED004_POLL)
    assert message.to_dict() == {'id': '1819917', 'domain': 'example.com', 'reference': '4295609745',
                                 'status': 'SUCCESS', 'text': 'S0101', 'created': '2018-10-15 14:03:02', 'waiting': 1}


def test_read_poll_fills_every_field_from_the_swagger_shape():
    message = read_poll(SPEC_POLL)
    assert message.to_dict() == {'id': '1005491836', 'domain': 'example.aq', 'reference': '4295609745',
                                 'status': 'FAILED', 'text': 'Renewal failed.', 'created': '2021-05-12T14:42:30.000+0200',
                                 'waiting': 2}


def test_read_poll_refuses_a_malformed_answer():
    assert read_poll({'data': []}) is None
    with pytest.raises(RegistrarError, match='no id'):
        read_poll({'data': [{'job': {'id': 1}}]})
    with pytest.raises(RegistrarError, match='not a poll message'):
        read_poll({'data': ['1819917']})


@pytest.mark.parametrize('status, done, failed', [
    ('RUNNING', False, False), ('WAIT', False, False), ('DEFERRED', False, False), ('SUPPORT', False, False),
    ('NOT_SET', False, False), ('SUCCESS', True, False), ('FAILED', True, True), ('CANCELED', True, True),
    ('wait', False, False), ('success', True, False), (None, False, False)])
def test_only_a_final_job_status_is_done(status, done, failed):
    submission = job_submission('PUT /domain/example.com', 'example.com', {'id': 7, 'status': status})
    assert (submission.done, submission.failed) == (done, failed)


def test_a_job_status_the_swagger_does_not_list_is_an_error():
    with pytest.raises(RegistrarError, match="job 7: job status 'FINISHED' is not one of"):
        job_submission('PUT /domain/example.com', 'example.com', {'id': 7, 'status': 'FINISHED'})


# ---------------------------------------------------------------- contacts, as answered
def test_a_contact_list_page_is_read_without_entries_lacking_an_id():
    envelope = {'status': {'type': 'SUCCESS'}, 'object': {'type': 'Contact', 'summary': '3'},
                'data': [JOHN, {'fname': 'No', 'lname': 'Id'}]}
    page, size, total = read_contact_list(envelope)
    assert [(c.handle, c.last_name) for c, _raw in page] == [('100', 'Doe')]
    assert (size, total) == (2, 3)
    assert read_contact_list({'data': []}) == ([], 0, None)


def test_a_created_contact_is_its_integer_id():
    created, contact = read_created_contact({'status': {'code': 'S0301'}, 'data': [HOST]}, 'POST /contact')
    assert created == 101 and contact.handle == '101' and contact.last_name == 'Master'


@pytest.mark.parametrize('data, message', [
    ([{}], 'answered without a contact id'), ([], 'answered without a contact id'),
    ([dict(HOST, id='101')], 'not a number'), ([dict(HOST, id=True)], 'not a number')])
def test_a_created_contact_without_a_number_is_an_error(data, message):
    with pytest.raises(RegistrarError, match=message):
        read_created_contact({'status': {'code': 'S0301'}, 'data': data}, 'POST /contact')


def test_contacts_already_read_are_used_as_they_are():
    # get_domains reads each handle of a Contact List once and hands the Contacts to every domain.
    read_once = full()
    assert read_once.contacts['tech'] is read_once.contacts['zone']
    assert read_once.contacts['registrant'] == read_contact(JOHN) and read_once.contacts['tech'] == read_contact(HOST)
