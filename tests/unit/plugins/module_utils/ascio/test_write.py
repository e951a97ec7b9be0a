# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planner changes -> Ascio orders (ascio/write.py): pure translation, serialised with zeep; Ascio's writing rules included."""
import datetime
import json
import os

import pytest
from lxml import etree

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import _wsdl as wsdl
from ansible_collections.domainops.registrar.plugins.module_utils.ascio import api, read, write
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Locks, Nameserver, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import ASPECT_ORDER, depends_on, plan

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
TODAY = datetime.date(2026, 11, 25)
AUTH = 'S3cret-Auth!'

OWNER = Contact(handle='REG-1', first_name='Jane', last_name='Doe', organization='Example Ltd',
                address=('1 Main St', 'Floor 2'), city='Berlin', postal_code='10115', country='DE',
                email='jane@example.com', phone='+49.301234567', registrant_number='HRB 123')
ADMIN = Contact(handle='CON-1', first_name='John', last_name='Roe', organization='Example Ltd',
                address=('1 Main St',), city='Berlin', postal_code='10115', country='DE',
                email='john@example.com', phone='+49.301234568')
TECH = Contact(handle='CON-2', first_name='Tess', last_name='Tech', email='tech@example.net',
               address=('2 Side St',), city='Hamburg', postal_code='20095', country='DE', phone='+49.40123')
BILLING = Contact(handle='CON-3', first_name='Bill', last_name='Payer', email='billing@example.net',
                  address=('3 Back St',), city='Munich', postal_code='80331', country='DE', phone='+49.89123')


def current(**kw):
    base = dict(
        name='example.com',
        nameservers=(Nameserver('ns1.example.net'), Nameserver('ns2.example.net')),
        contacts={'registrant': OWNER, 'admin': ADMIN, 'tech': TECH, 'billing': BILLING},
        locks=Locks(transfer=True, delete=True, update=False),
        expires=datetime.date(2027, 1, 10), payable=datetime.date(2027, 1, 10), autorenew=True,
        auth_code=AUTH, status='ACTIVE',
        registrar_data={'handle': 'DOM-1', 'registrant_name': 'Jane Doe',
                        'registrant_extra': {'RegistrantType': 'C1', 'VatNumber': 'DE123'}})
    base.update(kw)
    return Domain(**base)


def desired(**kw):
    return DesiredDomain('example.com', **kw)


def orders_for(want, have=None):
    have = current() if have is None else have
    return write.operations(have, plan(have, want, TODAY))


def names(ops):
    return [op.name for op in ops]


def ns(*hosts):
    return validation.nameservers(list(hosts), 'example.com')


# ---------------------------------------------------------------------------------------
# The scenario table: what is declared -> exactly which orders
# ---------------------------------------------------------------------------------------

SCENARIOS = [
    ('nothing changed', desired(nameservers=ns('ns2.example.net', 'NS1.example.net.'),
                                contacts={'registrant': Contact(first_name='Jane', last_name='Doe')},
                                locks=Locks(transfer=True), autorenew=True), []),
    ('registrant address only', desired(contacts={'registrant': Contact(address=('9 New Rd',))}),
     ['Registrant_Details_Update']),
    # example.com is a gTLD: a new e-mail address is a change of registrant (ICANN Transfer Policy).
    ('registrant email and phone', desired(contacts={'registrant': Contact(email='j@example.org', phone='+49.1')}),
     ['Owner_Change']),
    ('registrant phone only', desired(contacts={'registrant': Contact(phone='+49.1')}), ['Registrant_Details_Update']),
    ('registrant OrgName', desired(contacts={'registrant': Contact(organization='Other GmbH')}), ['Owner_Change']),
    ('registrant last name', desired(contacts={'registrant': Contact(last_name='Smith')}), ['Owner_Change']),
    ('registrant number', desired(contacts={'registrant': Contact(registrant_number='HRB 999')}), ['Owner_Change']),
    ('admin first name + registrant address + third name server', desired(
        contacts={'admin': Contact(first_name='Johnny'), 'registrant': Contact(city='Potsdam')},
        nameservers=ns('ns1.example.net', 'ns2.example.net', 'ns3.example.net')),
     ['Registrant_Details_Update', 'Contact_Update', 'Nameserver_Update']),
    ('tech and billing at once', desired(contacts={'tech': Contact(email='t@example.org'),
                                                   'billing': Contact(email='b@example.org')}), ['Contact_Update']),
    ('all three locks', desired(locks=Locks(transfer=False, delete=False, update=True)), ['Change_Locks']),
    ('one lock', desired(locks=Locks(delete=False)), ['Change_Locks']),
    # The domain carries a DeleteLock, which blocks Expire_Domain and Delete_Domain: released first, not restored.
    ('autorenew off', desired(autorenew=False), ['Change_Locks', 'Expire_Domain']),
    ('renew', desired(renew=RenewPolicy(period=2, until=datetime.date(2028, 6, 1))), ['Renew_Domain']),
    ('auth code', desired(new_auth_code='N3w-Auth'), ['Update_AuthInfo']),
    ('delete', DesiredDomain('example.com', present=False), ['Change_Locks', 'Delete_Domain']),
    ('let it lapse', DesiredDomain('example.com', present=False, delete_mode='expire'), ['Change_Locks', 'Expire_Domain']),
]


@pytest.mark.parametrize('want, expected', [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_scenarios(want, expected):
    ops = orders_for(want)
    assert names(ops) == expected
    for op in ops:
        assert op.payload['Type'] == op.name
        assert op.domain == 'example.com'
        assert op.payload['Domain']['DomainName'] == 'example.com'
        assert op.payload['Domain']['DomainHandle'] == 'DOM-1'
        assert op.payload['TransactionComment'].startswith('domainops.registrar: ')


def test_autorenew_on_unexpires_never_renews():
    ops = orders_for(desired(autorenew=True), current(autorenew=False, status='EXPIRING'))
    assert names(ops) == ['Unexpire_Domain']
    assert set(ops[0].payload['Domain']) == {'DomainName', 'DomainHandle'}


def test_aspects_are_carried():
    ops = orders_for(desired(contacts={'admin': Contact(first_name='Johnny'), 'registrant': Contact(city='Potsdam')},
                             nameservers=ns('ns1.example.net', 'ns2.example.net', 'ns3.example.net')))
    assert [op.aspects for op in ops] == [('registrant',), ('contacts',), ('nameservers',)]
    assert ops[2].payload['TransactionComment'] == 'domainops.registrar: nameservers'


def test_contact_update_carries_admin_tech_and_billing():
    ops = orders_for(desired(contacts={'admin': Contact(first_name='Johnny')}))
    domain = ops[0].payload['Domain']
    assert set(domain) == {'DomainName', 'DomainHandle', 'AdminContact', 'TechContact', 'BillingContact'}
    # The changed one is new data (no handle: Ascio creates one); the others stay as they are.
    assert domain['AdminContact']['FirstName'] == 'Johnny'
    assert domain['AdminContact']['LastName'] == 'Roe'
    assert 'Handle' not in domain['AdminContact']
    assert domain['TechContact']['Handle'] == 'CON-2'
    assert domain['BillingContact'] == {
        'Handle': 'CON-3', 'FirstName': 'Bill', 'LastName': 'Payer', 'Address1': '3 Back St', 'Address2': '',
        'PostalCode': '80331', 'City': 'Munich', 'CountryCode': 'DE', 'Email': 'billing@example.net',
        'Phone': '+49.89123'}


def test_contact_update_adds_reseller_only_when_it_changes():
    reseller = Contact(first_name='Rita', last_name='Reseller', email='r@example.org')
    ops = orders_for(desired(contacts={'reseller': reseller}))
    assert names(ops) == ['Contact_Update']
    assert ops[0].payload['Domain']['ResellerContact']['FirstName'] == 'Rita'
    other = orders_for(desired(contacts={'admin': Contact(first_name='X')}))
    assert 'ResellerContact' not in other[0].payload['Domain']


def test_contact_update_without_known_admin_tech_billing_is_refused():
    have = current(contacts={'registrant': OWNER, 'admin': ADMIN})
    with pytest.raises(InputError, match='tech, billing'):
        orders_for(desired(contacts={'admin': Contact(first_name='X')}), have)


def test_ascio_has_no_zone_contact():
    with pytest.raises(InputError, match='zone contact: not supported by this registrar'):
        orders_for(desired(contacts={'zone': Contact(first_name='Z', last_name='One')}))


def test_registrant_details_update_keeps_name_and_registrar_facts():
    ops = orders_for(desired(contacts={'registrant': Contact(address=('9 New Rd',))}))
    registrant = ops[0].payload['Domain']['Registrant']
    assert registrant['Name'] == 'Jane Doe'
    assert registrant['OrgName'] == 'Example Ltd'
    assert registrant['RegistrantNumber'] == 'HRB 123'
    # The old second line (Floor 2) is cleared, not kept.
    assert (registrant['Address1'], registrant['Address2']) == ('9 New Rd', '')
    assert registrant['RegistrantType'] == 'C1' and registrant['VatNumber'] == 'DE123'
    assert 'Handle' not in registrant   # new data: Ascio creates the handle


def test_registrant_name_as_read_is_resent_unchanged():
    have = current(registrar_data={'handle': 'DOM-1', 'registrant_name': 'Doe,  Jane'})
    ops = orders_for(desired(contacts={'registrant': Contact(city='Potsdam')}), have)
    assert ops[0].name == 'Registrant_Details_Update'
    assert ops[0].payload['Domain']['Registrant']['Name'] == 'Doe,  Jane'


def test_owner_change_sends_the_new_identity_only():
    ops = orders_for(desired(contacts={'registrant': Contact(first_name='Mary Ann', last_name='Smith',
                                                             organization='Other GmbH')}))
    registrant = ops[0].payload['Domain']['Registrant']
    assert ops[0].name == 'Owner_Change'
    assert registrant['Name'] == 'Smith, Mary Ann'
    assert registrant['OrgName'] == 'Other GmbH'
    assert 'VatNumber' not in registrant


@pytest.mark.parametrize('first, last', [
    ('Jane', 'Doe'), ('Mary Ann', 'Smith'), (None, 'Madonna'), (None, 'van der Berg'),
    ('Jane', 'van der Berg'), ('Mary Ann', 'van der Berg'),
])
def test_registrant_name_round_trips(first, last):
    assert read.split_name(write.join_name(first, last)) == (first, last)


def test_registrant_name_that_cannot_round_trip_is_refused():
    with pytest.raises(InputError, match='last_name'):
        write.join_name('Jane', None)
    with pytest.raises(InputError):
        write.join_name('Mary Ann', 'Doe, Jr.')


def test_change_locks_carries_all_three():
    ops = orders_for(desired(locks=Locks(delete=False)))
    domain = ops[0].payload['Domain']
    assert (domain['TransferLock'], domain['DeleteLock'], domain['UpdateLock']) == ('Lock', 'Unlock', 'Unlock')


def test_release_update_lock_first_and_keep_the_planner_order():
    have = current(locks=Locks(transfer=True, delete=True, update=True))
    ops = orders_for(desired(locks=Locks(update=False), nameservers=ns('ns1.example.net', 'ns3.example.net')), have)
    assert names(ops) == ['Change_Locks', 'Nameserver_Update']
    assert ops[0].aspects == ('unlock',)
    assert ops[0].payload['Domain']['UpdateLock'] == 'Unlock'


def test_nameserver_update_with_glue():
    want = validation.nameservers([{'name': 'ns1.example.com', 'ipv4': '192.0.2.53', 'ipv6': '2001:db8::53'},
                                   'ns2.example.net'], 'example.com')
    ops = orders_for(desired(nameservers=want))
    # Every slot goes: the ones after the last server empty, which removes what they held.
    empty = dict(('NameServer%d' % index, {'HostName': ''}) for index in range(3, 14))
    assert ops[0].payload['Domain']['NameServers'] == dict({
        'NameServer1': {'HostName': 'ns1.example.com', 'IpAddress': '192.0.2.53', 'IpV6Address': '2001:db8::53'},
        'NameServer2': {'HostName': 'ns2.example.net'},
    }, **empty)


def test_renew_carries_the_period():
    ops = orders_for(desired(renew=RenewPolicy(period=2, until=datetime.date(2028, 6, 1))))
    assert ops[0].payload['Domain']['RegPeriod'] == 2
    assert '2027-01-10' in ops[0].payload['TransactionComment']


def test_register_with_the_desired_data():
    want = DesiredDomain('new-domain.com', nameservers=ns('ns1.example.net', 'ns2.example.net'),
                         contacts={'registrant': OWNER, 'admin': ADMIN, 'tech': TECH, 'billing': BILLING},
                         period=2)
    ops = write.operations(None, plan(None, want, TODAY))
    assert names(ops) == ['Register_Domain']
    domain = ops[0].payload['Domain']
    assert ops[0].domain == 'new-domain.com'
    assert domain['DomainName'] == 'new-domain.com' and domain['RegPeriod'] == 2
    assert domain['Registrant']['Name'] == 'Jane Doe'
    assert set(domain) == {'DomainName', 'RegPeriod', 'Registrant', 'AdminContact', 'TechContact',
                           'BillingContact', 'NameServers'}


def test_transfer_carries_the_auth_code_redacted_in_the_summary():
    want = DesiredDomain('moving.com', auth_code=AUTH, nameservers=ns('ns1.example.net', 'ns2.example.net'))
    ops = write.operations(None, plan(None, want, TODAY))
    assert names(ops) == ['Transfer_Domain']
    assert ops[0].payload['Domain']['AuthInfo'] == AUTH
    assert ops[0].summary['Domain']['AuthInfo'] == REDACTED


def test_restore_a_deleted_domain():
    ops = write.operations(None, plan(None, DesiredDomain('deleted.example', restore=True), TODAY))
    assert names(ops) == ['Restore_Domain']
    assert ops[0].payload['Domain'] == {'DomainName': 'deleted.example'}
    assert ops[0].domain == 'deleted.example'


def test_summaries_never_contain_the_auth_code():
    everything = [orders_for(s[1]) for s in SCENARIOS]
    everything.append(orders_for(desired(new_auth_code=AUTH + 'x')))
    everything.append(write.operations(None, plan(None, DesiredDomain('moving.com', auth_code=AUTH), TODAY)))
    for ops in everything:
        for op in ops:
            assert AUTH not in json.dumps(op.summary)
    update = orders_for(desired(new_auth_code='N3w-Auth'))[0]
    assert update.payload['Domain']['AuthInfo'] == 'N3w-Auth'
    assert update.summary['Domain']['AuthInfo'] == REDACTED
    assert 'N3w-Auth' not in json.dumps(update.summary)


def test_every_planner_aspect_has_an_order():
    assert set(write.BUILDERS) == set(ASPECT_ORDER)
    assert set(write.SUPPORTED_ASPECTS) == set(ASPECT_ORDER)


def test_pending_order_types():
    # Change_Locks too: an order a lock blocks is sent between a release and a restore.
    assert set(write.pending_order_types(['nameservers'])) == {'Nameserver_Update', 'Change_Locks'}
    assert set(write.pending_order_types(['contacts'])) == {
        'Contact_Update', 'Registrant_Details_Update', 'Owner_Change', 'Change_Locks'}
    assert write.pending_order_types(['locks']) == ['Change_Locks']
    assert set(write.pending_order_types(['autorenew'])) == {'Expire_Domain', 'Unexpire_Domain', 'Change_Locks'}
    assert 'Renew_Domain' in write.pending_order_types(['renew'])
    assert write.pending_order_types(['restore']) == ['Restore_Domain']
    assert write.pending_order_types(['name']) == []
    # The domain module's aspects: everything, the domain's existence included.
    domain_module = set(write.pending_order_types(['nameservers', 'contacts', 'locks', 'autorenew', 'expire', 'status']))
    assert {'Register_Domain', 'Transfer_Domain', 'Restore_Domain', 'Delete_Domain', 'Renew_Domain',
            'Nameserver_Update', 'Owner_Change', 'Change_Locks', 'Unexpire_Domain'} <= domain_module
    assert set(read.OPEN_STATUSES).isdisjoint(read.FINAL_STATUSES)


# ---------------------------------------------------------------------------------------
# Serialised by zeep against the bundled WSDL: schema order, nothing dropped
# ---------------------------------------------------------------------------------------

NS = '{%s}' % wsdl.NAMESPACE
with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-types.json')) as _handle:
    REFERENCE = json.load(_handle)['types']


def schema(type_name):
    """(element, type) in the schema order of the type reference, plus the seed's additions."""
    elements = [tuple(e) for e in REFERENCE[type_name]]
    elements += [(element, kind) for owner, element, kind in wsdl.SEED_ADDITIONS if owner == type_name]
    return elements


def assert_schema_order(element, value, type_name, path):
    children = [etree.QName(child).localname for child in element]
    order = [name for name, _type in schema(type_name)]
    assert all(name in order for name in children), (path, children)
    assert children == sorted(children, key=order.index), '%s out of schema order: %s' % (path, children)
    assert children == sorted(value, key=order.index), '%s: sent %s, serialised %s' % (path, sorted(value), children)
    kinds = dict(schema(type_name))
    for child in element:
        name = etree.QName(child).localname
        if kinds[name] in REFERENCE:
            assert_schema_order(child, value[name], kinds[name], path + '.' + name)
        else:
            assert child.text == str(value[name]) or kinds[name] == 'boolean', (path, name)


@pytest.fixture(scope='module')
def client():
    return api.get_zeep_client(api.BUNDLED_WSDL_URL)


def all_payloads():
    ops = [op for s in SCENARIOS for op in orders_for(s[1])]
    ops += orders_for(desired(contacts={'reseller': Contact(first_name='Rita', last_name='R')}))
    ops += orders_for(desired(autorenew=True), current(autorenew=False))
    ops += write.operations(None, plan(None, DesiredDomain(
        'new-domain.com', nameservers=validation.nameservers(
            [{'name': 'ns1.new-domain.com', 'ipv4': '192.0.2.1', 'ipv6': '2001:db8::1'}, 'ns2.example.net'],
            'new-domain.com'),
        contacts={'registrant': OWNER, 'admin': ADMIN, 'tech': TECH, 'billing': BILLING}), TODAY))
    ops += write.operations(None, plan(None, DesiredDomain('moving.com', auth_code=AUTH), TODAY))
    ops += write.operations(None, plan(None, DesiredDomain('deleted.example', restore=True), TODAY))
    return ops


@pytest.mark.parametrize('op', all_payloads(), ids=lambda op: '%s-%s' % (op.name, '+'.join(op.aspects)))
def test_payload_serialises_in_schema_order(client, op):
    envelope = client.create_message(client.service, 'CreateOrder', sessionId='x', order=op.payload)
    request = envelope.find('{http://schemas.xmlsoap.org/soap/envelope/}Body')[0]
    assert [etree.QName(c).localname for c in request] == ['sessionId', 'order']
    order = request.find(NS + 'order')
    assert_schema_order(order, op.payload, 'Order', 'Order')
    assert [etree.QName(c).localname for c in order] == ['Type', 'TransactionComment', 'Domain']


# ---------------------------------------------------------------------------------------
# Ascio's writing rules (docs/reference/ascio-rules.json)
# ---------------------------------------------------------------------------------------

# -- gTLD or not, registrant changes ---------------------------------------------

HOLDER = Contact(handle='R-1', first_name='Jane', last_name='Doe', organization='Example Ltd', address=('1 Main St',),
                 city='Berlin', postal_code='10115', country='DE', email='jane@example.com', phone='+49.301234567',
                 registrant_number='HRB 123')


def registrant_order(name, **declared):
    have = Domain(name=name, contacts={'registrant': HOLDER}, locks=Locks(False, False, False),
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
                                                                           'new.example'),
                         contacts={'registrant': OWNER, 'admin': ADMIN, 'tech': TECH, 'billing': BILLING})
    [order] = write.operations(None, plan(None, want, TODAY))
    assert sorted(order.payload['Domain']['NameServers']) == ['NameServer1', 'NameServer2']


@pytest.mark.parametrize('contacts, missing', [
    ({}, 'registrant, admin, tech, billing contacts'),
    ({'registrant': OWNER, 'admin': ADMIN, 'tech': TECH}, 'billing contact '),
])
def test_a_registration_without_its_four_contacts_is_refused_before_sending(contacts, missing):
    want = DesiredDomain('new.example', nameservers=ns('ns1.example.net', 'ns2.example.net'), contacts=contacts)
    with pytest.raises(InputError, match=missing):
        write.operations(None, plan(None, want, TODAY))


# -- point 4: release a lock before the order it blocks, restore the update lock ------------

def locked(update=False, delete=False, transfer=False):
    return Domain(name='example.com', nameservers=(Nameserver('ns1.example.net'), Nameserver('ns2.example.net')),
                  locks=Locks(transfer, delete, update), expires=datetime.date(2027, 1, 10),
                  payable=datetime.date(2027, 1, 10), autorenew=True, contacts={'registrant': HOLDER},
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
    assert [op.aspects for op in ops] == [('unlock', 'nameservers'), ('nameservers',), ('locks', 'nameservers')]


def test_the_served_order_waits_for_the_release_and_the_restore_for_the_order():
    # wait: false sends only what depends on nothing unfinished (domain_task): the update must not
    # reach Ascio before the lock is off, nor the lock come back before the update is done.
    ops = ops_for(locked(update=True), DesiredDomain('example.com', nameservers=NEW_NS))
    release, update, restore = ops
    assert depends_on(update.aspects, release.aspects)
    assert depends_on(restore.aspects, update.aspects)


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


# -- DNSSEC: CreateDnsSecKey, then a Nameserver_Update referencing the keys (rules: dnssec) --------

DS_DIGEST = '846E5ED4AB6788032B89393619752F662CF2B7B2046A8EC0804DF88F1469AC1E'
DS = {'key_tag': 2224, 'algorithm': 8, 'digest_type': 2, 'digest': DS_DIGEST.lower()}
DNSKEY = {'flags': 257, 'protocol': 3, 'algorithm': 13,
          'public_key': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}


def dnssec_ops(declared, keys=(), handles=None):
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    have = current(dnssec=dnssec.records(list(keys)), locks=Locks(False, False, False),
                   registrar_data={'handle': 'DOM-1', 'dnssec_handles': handles or {}})
    return write.operations(have, plan(have, desired(dnssec=dnssec.records(declared)), TODAY))


def test_a_new_key_is_created_then_referenced_from_every_slot_of_a_nameserver_update():
    create, update = dnssec_ops([DS])
    assert create.name == 'CreateDnsSecKey' and create.aspects == ('dnssec',)
    assert create.payload['dnsSecKey'] == {'DigestAlgorithm': '8', 'DigestType': 'SHA-256', 'Digest': DS_DIGEST,
                                           'KeyTag': '2224'}
    assert update.name == 'Nameserver_Update' and update.aspects == ('dnssec',)
    slots = update.summary['Domain']['DnsSecKeys']
    assert slots['DnsSecKey1'] == {'Handle': 'new DnsSecKey 1'}
    assert [slots['DnsSecKey%d' % i] for i in range(2, 6)] == [{'Handle': ''}] * 4
    assert 'NameServers' not in update.payload['Domain']  # left out: the name servers stay
    filled = write.fill_dnssec_handles(update.payload, {1: 'DSK-9'})
    assert filled['Domain']['DnsSecKeys']['DnsSecKey1'] == {'Handle': 'DSK-9'}
    with pytest.raises(KeyError):
        write.fill_dnssec_handles(update.payload, {})


def test_a_key_ascio_holds_is_kept_by_its_handle_and_an_empty_list_clears_every_slot():
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    held = dnssec.records([DS])[0]
    ops = dnssec_ops([DS, DNSKEY], keys=[DS], handles={held.key(): 'DSK-1'})
    assert [op.name for op in ops] == ['CreateDnsSecKey', 'Nameserver_Update']
    assert ops[0].payload['dnsSecKey'] == {'Protocol': '3', 'KeyType': '257', 'KeyAlgorithm': '13',
                                           'PublicKey': DNSKEY['public_key']}
    assert ops[1].payload['Domain']['DnsSecKeys']['DnsSecKey1'] == {'Handle': 'DSK-1'}
    (clear,) = dnssec_ops([], keys=[DS], handles={held.key(): 'DSK-1'})
    assert clear.payload['Domain']['DnsSecKeys'] == dict(('DnsSecKey%d' % i, {'Handle': ''}) for i in range(1, 6))


def test_name_servers_and_dnssec_go_in_one_nameserver_update():
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    have = current(locks=Locks(False, False, False))
    want = desired(dnssec=dnssec.records([DS]), nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'example.com'))
    ops = write.operations(have, plan(have, want, TODAY))
    assert [(op.name, op.aspects) for op in ops] == [('CreateDnsSecKey', ('dnssec',)), ('Nameserver_Update', ('nameservers', 'dnssec'))]
    assert set(ops[1].payload['Domain']) >= {'NameServers', 'DnsSecKeys'}


def test_more_than_five_keys_fail_before_sending():
    keys = [dict(DS, key_tag=tag) for tag in range(1, 7)]
    with pytest.raises(InputError, match='at most 5 DNSSEC keys'):
        dnssec_ops(keys)


def test_the_update_lock_is_released_around_the_order_not_around_the_key_object():
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    have = current(locks=Locks(False, False, True))
    ops = write.operations(have, plan(have, desired(dnssec=dnssec.records([DS])), TODAY))
    assert [op.name for op in ops] == ['CreateDnsSecKey', 'Change_Locks', 'Nameserver_Update', 'Change_Locks']


def test_dnssec_payloads_serialise_in_schema_order(client):
    create, update = dnssec_ops([dict(DS, public_key=DNSKEY['public_key'], flags=257, protocol=3)])
    envelope = client.create_message(client.service, 'CreateDnsSecKey', sessionId='x', dnsSecKey=create.payload['dnsSecKey'])
    request = envelope.find('{http://schemas.xmlsoap.org/soap/envelope/}Body')[0]
    assert_schema_order(request.find(NS + 'dnsSecKey'), create.payload['dnsSecKey'], 'DnsSecKey', 'DnsSecKey')
    payload = write.fill_dnssec_handles(update.payload, {1: 'DSK-9'})
    envelope = client.create_message(client.service, 'CreateOrder', sessionId='x', order=payload)
    order = envelope.find('{http://schemas.xmlsoap.org/soap/envelope/}Body')[0].find(NS + 'order')
    assert_schema_order(order, payload, 'Order', 'Order')
