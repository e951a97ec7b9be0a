# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Locks, Nameserver, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan, predict

TODAY = datetime.date(2026, 11, 25)
OWNER = Contact(handle='R1', first_name='Jane', last_name='Doe', organization='Example Ltd',
                address=('1 Main St',), city='Berlin', postal_code='10115', country='DE',
                email='jane@example.com', phone='+49.301234567')
ADMIN = Contact(handle='C1', first_name='John', last_name='Roe', email='john@example.com')


def current(**kw):
    base = dict(name='example.com',
                nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
                contacts={'registrant': OWNER, 'admin': ADMIN, 'tech': ADMIN, 'billing': ADMIN},
                locks=Locks(transfer=True, delete=False, update=False),
                expires=datetime.date(2027, 1, 10), payable=datetime.date(2027, 1, 10), autorenew=True)
    base.update(kw)
    return Domain(**base)


def ns(*names):
    return validation.nameservers(list(names), 'example.com')


def aspects(changes):
    return [c.aspect for c in changes]


@pytest.mark.parametrize('declared', [
    ['a.ns14.net', 'b.ns14.net'],
    ['B.NS14.NET.', 'a.ns14.net'],          # case, trailing dot and order do not matter
])
def test_same_nameservers_plan_nothing(declared):
    assert plan(current(), DesiredDomain('example.com', nameservers=ns(*declared)), TODAY) == []


def test_third_nameserver_is_one_change_with_before_and_after():
    changes = plan(current(), DesiredDomain('example.com', nameservers=ns('a.ns14.net', 'b.ns14.net', 'c.ns14.net')), TODAY)
    assert aspects(changes) == ['nameservers']
    assert [n.name for n in changes[0].before] == ['a.ns14.net', 'b.ns14.net']
    assert [n.name for n in changes[0].after] == ['a.ns14.net', 'b.ns14.net', 'c.ns14.net']


def test_glue_change_inside_the_domain_is_a_change():
    have = current(nameservers=(Nameserver('ns1.example.com', '192.0.2.1'), Nameserver('b.ns14.net')))
    want = validation.nameservers([{'name': 'ns1.example.com', 'ipv4': '192.0.2.2'}, 'b.ns14.net'], 'example.com')
    assert aspects(plan(have, DesiredDomain('example.com', nameservers=want), TODAY)) == ['nameservers']


def test_glue_reported_for_an_outside_host_is_ignored():
    have = current(nameservers=(Nameserver('a.ns14.net', '192.0.2.1'), Nameserver('b.ns14.net')))
    assert plan(have, DesiredDomain('example.com', nameservers=ns('a.ns14.net', 'b.ns14.net')), TODAY) == []


def test_registrant_address_only_is_a_registrant_change_keeping_identity():
    want = DesiredDomain('example.com', contacts={'registrant': Contact(address=('2 Side St',))})
    (change,) = plan(current(), want, TODAY)
    assert change.aspect == 'registrant'
    assert change.after.address == ('2 Side St',) and change.after.organization == 'Example Ltd'


def test_admin_first_name_registrant_address_and_third_nameserver_at_once():
    want = DesiredDomain('example.com',
                         nameservers=ns('a.ns14.net', 'b.ns14.net', 'c.ns14.net'),
                         contacts={'admin': Contact(first_name='Johnny'),
                                   'registrant': Contact(city='Hamburg')})
    changes = plan(current(), want, TODAY)
    assert aspects(changes) == ['registrant', 'contacts', 'nameservers']
    assert set(changes[1].after) == {'admin'}


def test_contact_fields_not_declared_are_left_alone_and_email_case_ignored():
    want = DesiredDomain('example.com', contacts={'registrant': Contact(email='JANE@example.com')})
    assert plan(current(), want, TODAY) == []


def test_locks_only_declared_ones_and_release_before_other_changes():
    have = current(locks=Locks(transfer=True, delete=True, update=True))
    want = DesiredDomain('example.com', locks=Locks(update=False), nameservers=ns('c.ns14.net', 'd.ns14.net'))
    assert aspects(plan(have, want, TODAY)) == ['unlock', 'nameservers']
    relock = DesiredDomain('example.com', locks=Locks(update=True), nameservers=ns('c.ns14.net', 'd.ns14.net'))
    assert aspects(plan(current(), relock, TODAY)) == ['nameservers', 'locks']


@pytest.mark.parametrize('policy,expected', [
    (RenewPolicy(period=1, until=datetime.date(2026, 12, 31)), []),          # already paid past the target
    (RenewPolicy(period=1, min_days_left=30), []),
    (RenewPolicy(period=1, min_days_left=60), ['renew']),
    (RenewPolicy(period=2, until=datetime.date(2028, 6, 1)), ['renew']),
])
def test_renew_only_when_needed(policy, expected):
    assert aspects(plan(current(), DesiredDomain('example.com', renew=policy), TODAY)) == expected


def test_renew_that_cannot_reach_the_target_fails_before_sending():
    with pytest.raises(InputError, match='raise period'):
        plan(current(), DesiredDomain('example.com', renew=RenewPolicy(period=1, until=datetime.date(2029, 1, 1))), TODAY)


def test_absent_domain_registers_or_transfers_and_present_domain_deletes_or_expires():
    assert aspects(plan(None, DesiredDomain('example.com'), TODAY)) == ['register']
    assert aspects(plan(None, DesiredDomain('example.com', auth_code='x'), TODAY)) == ['transfer']
    assert aspects(plan(current(), DesiredDomain('example.com', present=False), TODAY)) == ['delete']
    assert aspects(plan(current(), DesiredDomain('example.com', present=False, delete_mode='expire'), TODAY)) == ['expire']
    assert plan(current(autorenew=False), DesiredDomain('example.com', present=False, delete_mode='expire'), TODAY) == []
    assert plan(None, DesiredDomain('example.com', present=False), TODAY) == []


def test_predict_applies_the_changes_for_the_diff():
    want = DesiredDomain('example.com', nameservers=ns('c.ns14.net', 'd.ns14.net'), autorenew=False,
                         renew=RenewPolicy(period=1, min_days_left=60))
    after = predict(current(), plan(current(), want, TODAY))
    assert [n.name for n in after.nameservers] == ['c.ns14.net', 'd.ns14.net']
    assert after.autorenew is False and after.expires == datetime.date(2028, 1, 10)


def test_transfer_key_is_not_compared_once_the_domain_is_in_the_account():
    assert plan(current(auth_code='issued-by-us'), DesiredDomain('example.com', auth_code='old-key'), TODAY) == []
    (change,) = plan(current(auth_code='issued-by-us'), DesiredDomain('example.com', new_auth_code='chosen'), TODAY)
    assert (change.aspect, change.after) == ('auth_code', 'chosen')


def test_a_declared_handle_carries_none_of_the_current_contacts_data():
    (change,) = plan(current(), DesiredDomain('example.com', contacts={'admin': Contact(handle='C9')}), TODAY)
    assert change.after == {'admin': Contact(handle='C9')}


def test_a_lock_the_registrar_does_not_report_declared_off_needs_nothing():
    have = current(locks=Locks(transfer=True, delete=None, update=False))
    assert plan(have, DesiredDomain('example.com', locks=Locks(delete=False)), TODAY) == []
    (change,) = plan(have, DesiredDomain('example.com', locks=Locks(delete=False, transfer=False)), TODAY)
    assert change.after == Locks(transfer=False, delete=False, update=False)
