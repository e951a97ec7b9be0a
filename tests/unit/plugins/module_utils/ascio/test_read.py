# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio answers -> the core model (ascio/read.py): pure, from plain dicts as zeep serialises them.

Ascio's reading rules (docs/reference/ascio-rules.json) included: locks from the Status tokens and
the lock elements, the .NET default date, which order statuses are pending.
"""
import datetime
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read, rules
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, Locks, Nameserver

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
AUTH = 'S3cret-Auth!'


def reference(name):
    with open(os.path.join(ROOT, 'docs', 'reference', name), encoding='utf-8') as handle:
        return json.load(handle)


# -- GetDomain -----------------------------------------------------------------------------

def test_read_domain():
    data = {
        'DomainName': 'Example.com', 'DomainHandle': 'DOM-1', 'Status': 'EXPIRING, UPDATE_LOCK',
        'AuthInfo': AUTH, 'ExpDate': datetime.datetime(2027, 1, 10, 12, 0),
        'TransferLock': 'Lock', 'DeleteLock': 'Unlock', 'UpdateLock': None,
        'Registrant': {'Handle': 'REG-1', 'Name': 'Jane Doe', 'OrgName': 'Example Ltd', 'Address1': '1 Main St',
                       'Address2': '', 'City': 'Berlin', 'CountryCode': 'DE', 'RegistrantNumber': 'HRB 123',
                       'VatNumber': 'DE123'},
        'AdminContact': {'Handle': 'CON-1', 'FirstName': 'John', 'LastName': 'Roe', 'OrganisationNumber': '42'},
        'TechContact': None,
        'NameServers': {'NameServer1': {'HostName': 'NS1.Example.com.', 'IpAddress': '192.0.2.53'},
                        'NameServer2': {'HostName': 'ns2.example.net', 'IpAddress': ''},
                        'NameServer3': None},
    }
    domain = read.read_domain(data)
    assert domain.name == 'example.com'
    assert domain.nameservers == (Nameserver('ns1.example.com', '192.0.2.53'), Nameserver('ns2.example.net'))
    assert domain.contacts['registrant'] == Contact(
        handle='REG-1', first_name='Jane', last_name='Doe', organization='Example Ltd', address=('1 Main St',),
        city='Berlin', country='DE', registrant_number='HRB 123')
    assert domain.contacts['admin'] == Contact(handle='CON-1', first_name='John', last_name='Roe',
                                               registrant_number='42')
    assert set(domain.contacts) == {'registrant', 'admin'}
    # UpdateLock: no element, but the Status token says it is on.
    assert domain.locks == Locks(transfer=True, delete=False, update=True)
    assert domain.expires == domain.payable == datetime.date(2027, 1, 10)
    assert domain.autorenew is False
    assert domain.auth_code == AUTH and domain.status == 'EXPIRING, UPDATE_LOCK'
    assert domain.registrar_data['handle'] == 'DOM-1'
    assert domain.registrar_data['registrant_name'] == 'Jane Doe'
    assert domain.registrar_data['registrant_extra'] == {'VatNumber': 'DE123'}
    assert read.read_domain(dict(data, Status='ACTIVE')).autorenew is True


def test_submission_from_order():
    sub = read.submission({'OrderId': 'A-1', 'Type': 'Nameserver_Update', 'Status': 'Pending'}, 'example.com')
    assert (sub.id, sub.status, sub.done, sub.failed) == ('A-1', 'Pending', False, False)
    sub = read.submission({'OrderId': 'A-1', 'Type': 'Nameserver_Update', 'Status': 'Invalid'}, 'example.com')
    assert (sub.done, sub.failed, sub.message) == (True, True, 'Invalid')
    assert read.submission({'OrderId': 'A', 'Status': 'Completed'}).done


# -- point 3: locks from the Status tokens and the lock elements -------------------------

def domain_data(**fields):
    data = {'DomainName': 'example.com', 'DomainHandle': 'D-1', 'Status': 'ACTIVE',
            'TransferLock': 'Unlock', 'DeleteLock': 'Unlock', 'UpdateLock': 'Unlock'}
    data.update(fields)
    return data


@pytest.mark.parametrize('status, elements, expected', [
    ('ACTIVE', {}, Locks(False, False, False)),
    ('ACTIVE, TRANSFER_LOCK, DELETE_LOCK, UPDATE_LOCK', {}, Locks(True, True, True)),
    # The token alone (elements Unlock or missing): the lock is on.
    ('EXPIRING, UPDATE_LOCK', {}, Locks(False, False, True)),
    ('ACTIVE, DELETE_LOCK', {'DeleteLock': None}, Locks(False, True, False)),
    # The element alone: on as well (the safer reading of a disagreement).
    ('ACTIVE', {'TransferLock': 'Lock'}, Locks(True, False, False)),
    # Case and spacing as Ascio combines them; PENDING AUCTION is one word with a space.
    ('expiring, pending auction, transfer_lock', {}, Locks(True, False, False)),
])
def test_locks_are_read_from_status_tokens_and_elements(status, elements, expected):
    assert read.read_domain(domain_data(Status=status, **elements)).locks == expected


def test_status_words_are_read_one_by_one():
    assert read.read_domain(domain_data(Status='EXPIRING, PENDING AUCTION')).autorenew is False


# -- point 6: the .NET default date ------------------------------------------------------

@pytest.mark.parametrize('value', ['0001-01-01T00:00:00', datetime.datetime(1, 1, 1), datetime.date(1, 1, 1)])
def test_the_dotnet_default_date_is_no_date(value):
    domain = read.read_domain(domain_data(ExpDate=value))
    assert domain.expires is None and domain.payable is None


def test_a_real_date_is_read():
    domain = read.read_domain(domain_data(ExpDate=datetime.datetime(2027, 3, 1, 12, 0)))
    assert domain.expires == datetime.date(2027, 3, 1)


# -- the registrant's Name ------------------------------------------------------------------

@pytest.mark.parametrize('name, first, last', [
    ('Jane Doe', 'Jane', 'Doe'),
    ('Jane van der Berg', 'Jane', 'van der Berg'),
    ('Doe, Mary Ann', 'Mary Ann', 'Doe'),
    ('Madonna', None, 'Madonna'),
    ('van der Berg,', None, 'van der Berg'),
    ('', None, None),
    (None, None, None),
])
def test_registrant_name_split(name, first, last):
    assert read.split_name(name) == (first, last)


# -- orders --------------------------------------------------------------------------------

def test_final_and_open_statuses_are_exactly_the_order_status_enumeration():
    enum = reference('ascio-v2-types.json')['enums']['OrderStatusType']
    assert sorted(read.OPEN_STATUSES + read.FINAL_STATUSES) == sorted(enum)
    assert 'NotSet' in read.OPEN_STATUSES
    assert set(rules.RULES['order_statuses']['final']) <= set(read.FINAL_STATUSES)


@pytest.mark.parametrize('status', ['NotSet', 'Received', 'Pending_End_User_Action', 'Documentation_Approved'])
def test_a_non_final_status_is_pending(status):
    sub = read.submission({'OrderId': 'A-1', 'Type': 'Owner_Change', 'Status': status}, 'example.com')
    assert (sub.done, sub.failed) == (False, False)


def test_a_missing_status_is_notset_and_pending():
    sub = read.submission({'OrderId': 'A-1', 'Type': 'Owner_Change'}, 'example.com')
    assert (sub.status, sub.done) == ('NotSet', False)


def test_an_order_read_by_id_names_its_type_and_status_or_is_an_error():
    answer = {'GetOrderResult': {'ResultCode': 200, 'Values': {'string': ['the registry refused it']}},
              'order': {'Type': 'Owner_Change', 'Status': 'Failed'}}
    sub = read.order_submission(answer, 'A-7')
    assert (sub.id, sub.operation, sub.failed, sub.message) == ('A-7', 'Owner_Change', True, 'Failed: the registry refused it')
    with pytest.raises(RegistrarError, match='GetOrder A-7 answered without the order type and status'):
        read.order_submission({'order': {'OrderId': 'A-7'}}, 'A-7')
    # An order the task sent: its type is known when the answer leaves it out.
    sub = read.order_submission({'order': {'Status': 'Pending'}}, 'A-8', 'Nameserver_Update', 'example.com')
    assert (sub.operation, sub.domain, sub.done) == ('Nameserver_Update', 'example.com', False)


def test_pending_orders_are_those_of_the_domain_and_types_not_done():
    orders = [
        {'OrderId': 'A-1', 'Type': 'Nameserver_Update', 'Status': 'Pending', 'Domain': {'DomainName': 'Example.COM.'}},
        {'OrderId': 'A-2', 'Type': 'Nameserver_Update', 'Status': 'Completed', 'Domain': {'DomainName': 'example.com'}},
        {'OrderId': 'A-3', 'Type': 'Nameserver_Update', 'Status': 'Pending', 'Domain': {'DomainName': 'other.com'}},
        {'OrderId': 'A-4', 'Type': 'Owner_Change', 'Status': 'Pending', 'Domain': {'DomainName': 'example.com'}},
    ]
    found = read.pending_submissions({'orders': {'Order': orders}}, 'example.com', ['Nameserver_Update', 'Change_Locks'])
    assert [sub.id for sub in found] == ['A-1']
    # One order comes back as the item itself, none as None.
    assert [s.id for s in read.pending_submissions({'orders': {'Order': orders[0]}}, 'example.com', ['Nameserver_Update'])] == ['A-1']
    assert read.pending_submissions({'orders': None}, 'example.com', ['Nameserver_Update']) == []
    request = read.pending_request('example.com', ['Nameserver_Update'])
    assert request['OrderStatusTypes']['OrderStatusType'] == list(read.OPEN_STATUSES)


def test_the_live_domain_of_a_name_is_picked_and_two_are_an_error():
    deleted = {'DomainHandle': 'D-0', 'DomainName': 'example.com', 'Status': 'DELETED'}
    live = {'DomainHandle': 'D-1', 'DomainName': 'EXAMPLE.com', 'Status': 'ACTIVE, UPDATE_LOCK'}
    assert read.domain_handle({'domains': {'Domain': [deleted, live]}}, 'example.com') == 'D-1'
    assert read.domain_handle({'domains': {'Domain': [deleted]}}, 'example.com') is None
    assert read.domain_handle({'domains': None}, 'example.com') is None
    with pytest.raises(RegistrarError, match='SearchDomain found 2 domains named example.com that are not deleted'):
        read.domain_handle({'domains': {'Domain': [live, dict(live, DomainHandle='D-2')]}}, 'example.com')
    assert read.found_domain({'domain': dict(deleted)}) is None
    assert read.domain_criteria('example.com')['Withoutstates'] == {'string': ['deleted']}


def test_a_poll_message_and_an_empty_queue():
    answer = {'item': {'MsgId': 41, 'DomainName': 'example.com', 'OrderId': 'A-1', 'OrderStatus': 'Completed',
                       'Msg': 'Order completed'}, 'msgCount': 3}
    message = read.poll_message(answer)
    assert (message.id, message.domain, message.reference, message.status, message.waiting) == (
        '41', 'example.com', 'A-1', 'Completed', 3)
    assert read.poll_message({'item': None, 'msgCount': 0}) is None


# -- DNSSEC: Domain.DnsSecKeys slots ------------------------------------------------------------

def test_dnssec_keys_are_read_from_the_slots_with_their_handles():
    from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DnssecKey
    digest = '846E5ED4AB6788032B89393619752F662CF2B7B2046A8EC0804DF88F1469AC1E'
    answer = {'domain': {'DomainName': 'example.com', 'DomainHandle': 'D-1', 'Status': 'ACTIVE', 'DnsSecKeys': {
        'DnsSecKey1': {'Handle': 'K-1', 'DigestAlgorithm': 'RSA-SHA256', 'DigestType': 'SHA-256', 'Digest': digest.lower(),
                       'KeyTag': '2224'},
        'DnsSecKey2': {'Handle': 'K-2'},
        'DnsSecKey3': {'Handle': ''},
        'DnsSecKey4': None}}}
    assert read.handles_to_read(answer) == ['K-2']
    domain = read.found_domain(answer, {'K-2': {'Handle': 'K-2', 'KeyType': '257', 'Protocol': '3', 'KeyAlgorithm': '13',
                                                'PublicKey': 'AAAA BBBB'}})
    ds = DnssecKey(key_tag=2224, algorithm=8, digest_type=2, digest=digest)
    key = DnssecKey(flags=257, protocol=3, algorithm=13, public_key='AAAABBBB')
    assert domain.dnssec == (ds, key)
    assert domain.registrar_data['dnssec_handles'] == {ds.key(): 'K-1', key.key(): 'K-2'}
    assert domain.to_dict()['dnssec'][0]['digest'] == digest


def test_a_domain_without_keys_reads_an_empty_list_and_odd_values_are_malformed():
    assert read.read_domain({'DomainName': 'example.com'}).dnssec == ()
    with pytest.raises(RegistrarError, match='not a number'):
        read.read_domain({'DomainName': 'example.com', 'DnsSecKeys': {'DnsSecKey1': {'Digest': 'AB', 'DigestType': 'MD5'}}})


# -- bulk reads (rules: bulk_reads) ----------------------------------------------------------

def test_many_names_are_one_search_of_any_clause_and_one_name_the_strict_search():
    criteria = read.names_criteria(['a.example', 'b.example'])
    assert criteria['Mode'] == 'Any'
    assert criteria['Clauses']['Clause'] == [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'a.example'},
                                             {'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'b.example'}]
    assert criteria['Withoutstates'] == {'string': ['deleted']}
    assert read.names_criteria(['a.example']) == read.domain_criteria('a.example')


def test_a_tld_is_a_like_search_and_no_tld_the_whole_account():
    assert read.tld_criteria('co.uk')['Clauses']['Clause'] == [{'Attribute': 'DomainName', 'Operator': 'Like', 'Value': '%.co.uk'}]
    assert read.tld_criteria()['Clauses']['Clause'][0]['Value'] == '%'
    assert read.tld_criteria()['Withoutstates'] == {'string': ['deleted']}


def test_live_domains_of_a_search_leave_out_the_deleted_and_other_names_and_refuse_twins():
    answer = {'domains': {'Domain': [
        {'DomainName': 'A.example', 'DomainHandle': 'H1', 'Status': 'ACTIVE'},
        {'DomainName': 'a.example', 'DomainHandle': 'H0', 'Status': 'DELETED'},
        {'DomainName': 'b.example', 'DomainHandle': 'H2', 'Status': 'EXPIRING, UPDATE_LOCK'},
    ]}}
    assert sorted(read.live_domains(answer)) == ['a.example', 'b.example']
    assert read.live_domains(answer)['a.example']['DomainHandle'] == 'H1'
    assert list(read.live_domains(answer, ['B.example.'])) == ['b.example']
    assert read.live_domains({'domains': None}) == {}
    twins = {'domains': {'Domain': [{'DomainName': 'a.example', 'DomainHandle': 'H1', 'Status': 'ACTIVE'},
                                    {'DomainName': 'a.example', 'DomainHandle': 'H3', 'Status': 'ACTIVE'}]}}
    with pytest.raises(RegistrarError, match='2 domains named a.example'):
        read.live_domains(twins)


def test_a_search_result_needs_a_registrant_and_name_servers():
    assert read.has_details({'Registrant': {'Handle': 'R'}, 'NameServers': {'NameServer1': {'HostName': 'ns1.example.net'}}})
    assert not read.has_details({'Registrant': {'Handle': 'R'}, 'NameServers': None})
    assert not read.has_details({'Registrant': None, 'NameServers': {'NameServer1': {'HostName': 'ns1.example.net'}}})


def test_open_orders_of_the_account_are_grouped_by_domain():
    request = read.open_orders_request(['Nameserver_Update', 'Change_Locks'])
    assert 'DomainName' not in request and request['OrderSort'] == 'CreDateAsc'
    assert request['OrderStatusTypes']['OrderStatusType'] == list(read.OPEN_STATUSES)
    orders = [
        {'OrderId': '1', 'Type': 'Nameserver_Update', 'Status': 'Processing', 'Domain': {'DomainName': 'A.example'}},
        {'OrderId': '2', 'Type': 'Nameserver_Update', 'Status': 'Completed', 'Domain': {'DomainName': 'a.example'}},
        {'OrderId': '3', 'Type': 'Renew_Domain', 'Status': 'Pending', 'Domain': {'DomainName': 'a.example'}},
        {'OrderId': '4', 'Type': 'Change_Locks', 'Status': 'Received', 'Domain': {'DomainName': 'c.example'}},
        {'OrderId': '5', 'Type': 'Change_Locks', 'Status': 'Received', 'Domain': {}},
    ]
    found = read.pending_by_domain(orders, ['a.example', 'b.example'], ('Nameserver_Update', 'Change_Locks'))
    assert dict((name, [s.id for s in subs]) for name, subs in found.items()) == {'a.example': ['1'], 'b.example': []}
    assert found['a.example'][0].domain == 'a.example'


def test_orders_since_a_date_in_every_status():
    since = datetime.datetime(2026, 1, 1, 12, 0)
    request = read.orders_since_request(['Nameserver_Update', 'Change_Locks', 'Nameserver_Update'], since)
    assert request == {'OrderTypes': {'OrderType': ['Change_Locks', 'Nameserver_Update']}, 'FromDate': since,
                       'OrderSort': 'CreDateAsc'}
