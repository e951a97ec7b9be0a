"""Ascio's domain rules (docs/reference/ascio-rules.json) as the client applies them.

The data: the client's copy equals the JSON, the order statuses are the OrderStatusType
enumeration. The rules: locks read from Status tokens and elements, the .NET default date,
pending statuses, gTLD registrant changes, name-server slots, lock release and restore.
"""
import datetime
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read, rules, write
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import (
    Contact, DesiredDomain, Domain, Locks, Nameserver, RenewPolicy)
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = datetime.date(2026, 11, 25)


def reference(name):
    with open(os.path.join(ROOT, 'docs', 'reference', name), encoding='utf-8') as handle:
        return json.load(handle)


def test_the_client_copy_equals_the_reference_data():
    assert rules.RULES == reference('ascio-rules.json')


def test_every_rule_names_its_sources():
    for name, rule in reference('ascio-rules.json').items():
        if name == 'note':
            continue
        found = json.dumps(rule)
        assert '"sources"' in found, name


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


def test_status_words_are_split_at_the_comma():
    assert rules.status_tokens('EXPIRING, PENDING AUCTION') == {'EXPIRING', 'PENDING AUCTION'}
    assert read.read_domain(domain_data(Status='EXPIRING, PENDING AUCTION')).autorenew is False


# -- point 6: the .NET default date ------------------------------------------------------

@pytest.mark.parametrize('value', ['0001-01-01T00:00:00', datetime.datetime(1, 1, 1), datetime.date(1, 1, 1)])
def test_the_dotnet_default_date_is_no_date(value):
    domain = read.read_domain(domain_data(ExpDate=value))
    assert domain.expires is None and domain.payable is None


def test_a_real_date_is_read():
    domain = read.read_domain(domain_data(ExpDate=datetime.datetime(2027, 3, 1, 12, 0)))
    assert domain.expires == datetime.date(2027, 3, 1)


# -- point 5: gTLD or not, registrant changes ---------------------------------------------

@pytest.mark.parametrize('name, gtld', [
    ('example.com', True), ('example.berlin', True), ('example.co.uk', False), ('example.de', False),
    ('xn--mller-kva.de', False), ('example.xn--p1ai', False), ('EXAMPLE.ORG.', True),
])
def test_gtld_rule(name, gtld):
    assert rules.is_gtld(name) is gtld


OWNER = Contact(handle='R-1', first_name='Jane', last_name='Doe', organization='Example Ltd', address=('1 Main St',),
                city='Berlin', postal_code='10115', country='DE', email='jane@example.com', phone='+49.301234567',
                registrant_number='HRB 123')


def registrant_order(name, **declared):
    have = Domain(name=name, contacts={'registrant': OWNER}, locks=Locks(False, False, False),
                  registrar_data={'handle': 'D-1', 'registrant_name': 'Jane Doe', 'registrant_extra': {}})
    want = DesiredDomain(name, contacts={'registrant': Contact(**declared)})
    return [op.name for op in write.operations(have, plan(have, want, TODAY))]


@pytest.mark.parametrize('declared, gtld, cctld', [
    ({'email': 'new@example.com'}, 'Owner_Change', 'Registrant_Details_Update'),
    ({'first_name': 'Janet'}, 'Owner_Change', 'Owner_Change'),
    ({'last_name': 'Smith'}, 'Owner_Change', 'Owner_Change'),
    ({'organization': 'Other GmbH'}, 'Owner_Change', 'Owner_Change'),
    ({'registrant_number': 'HRB 999'}, 'Owner_Change', 'Owner_Change'),
    ({'phone': '+49.309999'}, 'Registrant_Details_Update', 'Registrant_Details_Update'),
    ({'address': ('2 New Rd',), 'city': 'Potsdam'}, 'Registrant_Details_Update', 'Registrant_Details_Update'),
    ({'email': 'JANE@example.com'}, None, None),  # the same address: nothing to send
])
def test_registrant_change_follows_the_transfer_policy_on_gtlds(declared, gtld, cctld):
    assert registrant_order('example.com', **declared) == ([gtld] if gtld else [])
    assert registrant_order('example.de', **declared) == ([cctld] if cctld else [])


# -- point 6: name-server slots ------------------------------------------------------------

def test_a_nameserver_update_clears_every_slot_it_does_not_use():
    have = Domain(name='example.com', nameservers=tuple(Nameserver('ns%d.example.net' % i) for i in range(1, 5)),
                  locks=Locks(False, False, False), registrar_data={'handle': 'D-1'})
    want = DesiredDomain('example.com', nameservers=validation.nameservers(['ns1.example.net', 'ns2.example.net'],
                                                                           'example.com'))
    [order] = write.operations(have, plan(have, want, TODAY))
    slots = order.payload['Domain']['NameServers']
    assert sorted(slots, key=lambda label: int(label[10:])) == ['NameServer%d' % i for i in range(1, 14)]
    assert [slots['NameServer%d' % i]['HostName'] for i in range(1, 5)] == [
        'ns1.example.net', 'ns2.example.net', '', '']


def test_a_new_domain_sends_only_the_slots_it_uses():
    want = DesiredDomain('new.example', nameservers=validation.nameservers(['ns1.example.net', 'ns2.example.net'],
                                                                           'new.example'))
    [order] = write.operations(None, plan(None, want, TODAY))
    assert sorted(order.payload['Domain']['NameServers']) == ['NameServer1', 'NameServer2']


# -- point 4: release a lock before the order it blocks, restore the update lock ------------

def locked(update=False, delete=False, transfer=False):
    return Domain(name='example.com', nameservers=(Nameserver('ns1.example.net'), Nameserver('ns2.example.net')),
                  locks=Locks(transfer, delete, update), expires=datetime.date(2027, 1, 10),
                  payable=datetime.date(2027, 1, 10), autorenew=True, contacts={'registrant': OWNER},
                  registrar_data={'handle': 'D-1', 'registrant_name': 'Jane Doe', 'registrant_extra': {}})


def summary(ops):
    result = []
    for op in ops:
        locks = dict((k, v) for k, v in op.payload['Domain'].items() if k.endswith('Lock'))
        result.append((op.name, locks) if op.name == 'Change_Locks' else op.name)
    return result


NEW_NS = validation.nameservers(['ns3.example.net', 'ns4.example.net'], 'example.com')


def ops_for(have, want):
    return write.operations(have, plan(have, want, TODAY))


def test_an_update_lock_is_released_and_restored_around_the_update():
    ops = ops_for(locked(update=True), DesiredDomain('example.com', nameservers=NEW_NS))
    assert summary(ops) == [('Change_Locks', {'UpdateLock': 'Unlock'}), 'Nameserver_Update',
                            ('Change_Locks', {'UpdateLock': 'Lock'})]
    assert 'release UpdateLock for Nameserver_Update' in ops[0].payload['TransactionComment']
    assert 'restore UpdateLock' in ops[2].payload['TransactionComment']
    assert all(op.aspects == ('nameservers',) for op in ops)


def test_one_release_and_one_restore_for_several_updates():
    want = DesiredDomain('example.com', nameservers=NEW_NS, renew=RenewPolicy(period=1, until=datetime.date(2027, 6, 1)),
                         contacts={'registrant': Contact(phone='+49.309999')})
    ops = ops_for(locked(update=True), want)
    assert summary(ops) == [('Change_Locks', {'UpdateLock': 'Unlock'}), 'Registrant_Details_Update',
                            'Nameserver_Update', 'Renew_Domain', ('Change_Locks', {'UpdateLock': 'Lock'})]


def test_a_declared_update_lock_wins():
    # Declared off: the task's own Change_Locks comes first, nothing is put back.
    ops = ops_for(locked(update=True), DesiredDomain('example.com', nameservers=NEW_NS, locks=Locks(update=False)))
    assert summary(ops) == [('Change_Locks', {'TransferLock': 'Unlock', 'DeleteLock': 'Unlock', 'UpdateLock': 'Unlock'}),
                            'Nameserver_Update']
    # Declared on (as it is): released for the update, set by the task's value afterwards.
    ops = ops_for(locked(update=True), DesiredDomain('example.com', nameservers=NEW_NS, locks=Locks(update=True)))
    assert summary(ops) == [('Change_Locks', {'UpdateLock': 'Unlock'}), 'Nameserver_Update',
                            ('Change_Locks', {'UpdateLock': 'Lock'})]


def test_a_lock_change_of_the_task_is_not_blocked_and_needs_no_release():
    ops = ops_for(locked(update=True, transfer=True), DesiredDomain('example.com', locks=Locks(transfer=False)))
    assert [op.name for op in ops] == ['Change_Locks']


def test_delete_and_update_lock_are_released_before_delete_and_nothing_is_restored():
    ops = ops_for(locked(update=True, delete=True), DesiredDomain('example.com', present=False))
    assert summary(ops) == [('Change_Locks', {'UpdateLock': 'Unlock'}), ('Change_Locks', {'DeleteLock': 'Unlock'}),
                            'Delete_Domain']


def test_expire_releases_the_delete_lock_and_restores_only_the_update_lock():
    ops = ops_for(locked(update=True, delete=True),
                  DesiredDomain('example.com', present=False, delete_mode='expire'))
    assert summary(ops) == [('Change_Locks', {'UpdateLock': 'Unlock'}), ('Change_Locks', {'DeleteLock': 'Unlock'}),
                            'Expire_Domain', ('Change_Locks', {'UpdateLock': 'Lock'})]


def test_no_lock_no_lock_orders():
    assert summary(ops_for(locked(), DesiredDomain('example.com', nameservers=NEW_NS))) == ['Nameserver_Update']
    # A transfer lock blocks none of the orders on a domain of the account.
    assert summary(ops_for(locked(transfer=True), DesiredDomain('example.com', nameservers=NEW_NS))) == [
        'Nameserver_Update']
