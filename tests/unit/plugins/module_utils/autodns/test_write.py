# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
from dataclasses import replace

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.read import STATUS_LOCKS, read_contact, read_domain
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Locks, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import Change, plan

# DomainInfo answer data as in seed 004.
SEED_DOMAIN = {
    'name': 'example.com', 'payable': '2020-12-31T12:00:00.000+0200',
    'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100},
    'registryStatus': 'LOCK',
    'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}, {'name': 'c.ns14.net'}, {'name': 'd.ns14.net'}],
    'authinfo': 'J/w0Xpn66I87YVty', 'autoRenewStatus': 'TRUE', 'registrarStatus': 'ACTIVE',
}
TODAY = datetime.date(2020, 11, 25)


def test_nameserver_change_is_one_domain_update_with_glue_as_ip_addresses():
    current = read_domain(SEED_DOMAIN)
    wanted = validation.nameservers(
        [{'name': 'ns1.example.com', 'ipv4': '192.0.2.1', 'ipv6': '2001:db8::1'}, 'a.ns14.net'], 'example.com')
    (op,) = write.operations(current, plan(current, DesiredDomain('example.com', nameservers=wanted), TODAY))
    assert op.name == 'PUT /domain/example.com'
    assert op.payload['body'] == {'name': 'example.com', 'nameServers': [
        {'name': 'ns1.example.com', 'ipAddresses': ['192.0.2.1', '2001:db8::1']}, {'name': 'a.ns14.net'}]}


def test_nameservers_and_autorenew_share_one_update():
    current = read_domain(SEED_DOMAIN)
    desired = DesiredDomain('example.com', nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'example.com'),
                            autorenew=False)
    ops = write.operations(current, plan(current, desired, TODAY))
    assert [op.name for op in ops] == ['PUT /domain/example.com']
    assert ops[0].payload['body']['autoRenewStatus'] == 'FALSE'
    assert ops[0].aspects == ('nameservers', 'autorenew')


def test_renew_carries_the_payable_date_exactly_as_reported():
    current = read_domain(SEED_DOMAIN)
    (op,) = write.operations(current, plan(current, DesiredDomain('example.com', renew=RenewPolicy(1, min_days_left=60)), TODAY))
    assert op.name == 'PUT /domain/example.com/_renew'
    assert op.payload['body'] == {'period': {'period': 1, 'unit': 'YEAR'}, 'payable': '2020-12-31T12:00:00.000+0200'}


def test_nothing_differs_no_task():
    current = read_domain(SEED_DOMAIN)
    desired = DesiredDomain('example.com', nameservers=validation.nameservers(
        ['D.ns14.net.', 'c.ns14.net', 'b.ns14.net', 'a.ns14.net'], 'example.com'))
    assert write.operations(current, plan(current, desired, TODAY)) == []


# ---------------------------------------------------------------------------------------
# The whole lifecycle: plan() + operations() on a domain read with its contacts' data
# ---------------------------------------------------------------------------------------
JOHN = {'id': 100, 'type': 'PERSON', 'fname': 'John', 'lname': 'Doe', 'organization': 'Example',
        'address': ['Street 1'], 'pcode': '12345', 'city': 'Berlin', 'country': 'DE',
        'email': 'john@example.com', 'phone': '+49.301234567'}
HOST = dict(JOHN, id=101, type='ROLE', fname='Host', lname='Master', email='hostmaster@example.com',
            phone='+49.301234568')
# The Contact List of the domain's handles, read (as get_domain hands it to read_domain).
CONTACTS = {'100': read_contact(JOHN), '101': read_contact(HOST)}
FULL_DOMAIN = dict(SEED_DOMAIN, registryStatus='ACTIVE', adminc={'id': 100}, techc={'id': 101}, zonec={'id': 101})
NEW_ADMIN = Contact(first_name='Erika', last_name='Mustermann', address=('Musterweg 2',), postal_code='54321',
                    city='Hamburg', country='DE', email='erika@example.org', phone='+49.401234567')


def full(**changes):
    return read_domain(dict(FULL_DOMAIN, **changes), CONTACTS)


def ops_for(desired, current=None, **kwargs):
    current = current or full()
    return write.operations(current, plan(current, desired, TODAY), **kwargs)


def names(ops):
    return [op.name for op in ops]


def test_registrant_address_only_creates_a_handle_and_points_the_domain_at_it():
    ops = ops_for(DesiredDomain('example.com', contacts={'registrant': Contact(address=('New Street 5',))}))
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    create, update = ops
    assert create.payload['body'] == {
        'type': 'ORG', 'fname': 'John', 'lname': 'Doe', 'organization': 'Example', 'address': ['New Street 5'],
        'pcode': '12345', 'city': 'Berlin', 'country': 'DE', 'email': 'john@example.com', 'phone': '+49.301234567'}
    assert create.summary['creates'] == 'new contact 1'
    placeholder = create.payload['creates']
    assert update.payload['body'] == {'name': 'example.com', 'ownerc': {'id': placeholder}}
    # check mode says honestly that the id is the one the create will return
    assert update.summary['body'] == {'name': 'example.com', 'ownerc': {'id': 'new contact 1'}}
    assert update.aspects == ('registrant',)
    assert write.fill_placeholders(update.payload['body'], {placeholder.number: 4711}) == {
        'name': 'example.com', 'ownerc': {'id': 4711}}


def test_registrant_address_with_a_handle_resolve_found_is_only_the_update():
    current = full()
    changes = plan(current, DesiredDomain('example.com', contacts={'registrant': Contact(address=('New Street 5',))}),
                   TODAY)
    (change,) = changes
    resolved = [replace(change, after=replace(change.after, handle='555'))]
    (op,) = write.operations(current, resolved)
    assert op.name == 'PUT /domain/example.com'
    assert op.payload['body'] == {'name': 'example.com', 'ownerc': {'id': 555}}


@pytest.mark.parametrize('name, consent', [('example.com', True), ('xn--mller-kva.de', False)])
def test_registrant_organization_change_is_the_new_ownerc_in_the_domain_update(name, consent):
    # tld_rules: gTLDs (and TLDs without a rule of their own) change the holder by the domain update
    current = full(name=name)
    ops = ops_for(DesiredDomain(name, contacts={'registrant': Contact(organization='Other Ltd')}), current,
                  owner_consent=True)
    assert names(ops) == ['POST /contact', 'PUT /domain/%s' % name]
    body = ops[1].payload['body']
    assert body['name'] == name and body['ownerc'] == {'id': ops[0].payload['creates']}
    assert body.get('confirmOwnerConsent') is (True if consent else None)
    assert ops[1].aspects == ('registrant',)
    # A new holder cannot be undone; on a gTLD it starts ICANN's 60-day transfer lock (consequences.json).
    assert ops[1].consequences == ({'irreversible': True, 'locks_transfer_days': 60} if consent else {'irreversible': True})


def test_an_address_change_of_the_registrant_is_not_marked_irreversible():
    ops = ops_for(DesiredDomain('example.com', contacts={'registrant': Contact(address=('New Street 5',))}))
    assert all(not op.consequences for op in ops)


def test_registrant_email_change_is_an_owner_change_too():
    ops = ops_for(DesiredDomain('example.com', contacts={'registrant': Contact(email='JOHN@other.example')}),
                  owner_consent=True)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    assert ops[1].payload['body']['confirmOwnerConsent'] is True


def test_gtld_holder_change_without_the_owners_consent_fails_before_sending():
    with pytest.raises(InputError, match='confirm_owner_consent'):
        ops_for(DesiredDomain('example.com', contacts={'registrant': Contact(organization='Other Ltd')}))


def test_email_case_alone_is_no_change():
    assert ops_for(DesiredDomain('example.com', contacts={'registrant': Contact(email='John@Example.com')})) == []


def test_admin_and_zone_change_is_one_update_with_both_ids():
    ops = ops_for(DesiredDomain('example.com', contacts={'admin': NEW_ADMIN, 'zone': Contact(handle='102')}))
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    assert ops[1].payload['body'] == {'name': 'example.com', 'adminc': {'id': ops[0].payload['creates']},
                                      'zonec': {'id': 102}}
    assert ops[1].aspects == ('contacts',)


def test_the_same_new_data_for_two_roles_is_one_handle():
    ops = ops_for(DesiredDomain('example.com', contacts={'admin': NEW_ADMIN, 'tech': NEW_ADMIN}))
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    ref = ops[0].payload['creates']
    assert ops[1].payload['body'] == {'name': 'example.com', 'adminc': {'id': ref}, 'techc': {'id': ref}}


def test_contacts_registrant_nameservers_and_autorenew_share_one_update():
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(phone='+49.309999999'), 'admin': NEW_ADMIN},
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'example.com'),
                            autorenew=False)
    ops = ops_for(desired)
    assert names(ops) == ['POST /contact', 'POST /contact', 'PUT /domain/example.com']
    body = ops[2].payload['body']
    assert sorted(body) == ['adminc', 'autoRenewStatus', 'name', 'nameServers', 'ownerc']
    assert ops[2].aspects == ('registrant', 'contacts', 'nameservers', 'autorenew')


@pytest.mark.parametrize('role', ['billing', 'reseller'])
def test_billing_and_reseller_contacts_are_not_supported(role):
    with pytest.raises(InputError, match='%s contact: not supported by this registrar \\(autodns\\)' % role):
        ops_for(DesiredDomain('example.com', contacts={role: NEW_ADMIN}))


def test_in_place_edits_the_handle_only_when_no_other_role_keeps_its_data():
    zone = Contact(phone='+49.300000000')
    # 101 is tech and zone: changing only the zone contact must not change the tech contact
    ops = ops_for(DesiredDomain('example.com', contacts={'zone': zone}), in_place=True)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']
    # both roles of 101 want the same data: edited in place, the domain keeps its ids
    ops = ops_for(DesiredDomain('example.com', contacts={'zone': zone, 'tech': zone}), in_place=True)
    assert names(ops) == ['PUT /contact/101']
    assert ops[0].payload['body']['phone'] == '+49.300000000' and 'type' not in ops[0].payload['body']
    # never without the setting
    ops = ops_for(DesiredDomain('example.com', contacts={'zone': zone, 'tech': zone}))
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com']


def test_in_place_never_changes_the_owner_identity():
    registrant = Contact(organization='Other Ltd')
    desired = DesiredDomain('example.com', contacts={'registrant': registrant, 'admin': registrant})
    ops = ops_for(desired, in_place=True, owner_consent=True)
    assert names(ops) == ['POST /contact', 'PUT /domain/example.com'], 'a new handle, never PUT /contact/100'
    assert ops[1].payload['body']['ownerc'] == ops[1].payload['body']['adminc'] == {'id': ops[0].payload['creates']}


@pytest.mark.parametrize('locks, status', [
    (Locks(transfer=True), 'LOCK'),
    (Locks(transfer=True, update=True), 'LOCK_UPDATE'),
])
def test_locks_are_a_status_update(locks, status):
    (op,) = ops_for(DesiredDomain('example.com', locks=locks))
    assert op.name == 'PUT /domain/example.com/_statusUpdate'
    assert op.payload['body'] == {'name': 'example.com', 'registryStatus': status}


def test_releasing_the_update_lock_comes_before_the_update_and_keeps_the_transfer_lock():
    current = full(registryStatus='LOCK_UPDATE')
    desired = DesiredDomain('example.com', locks=Locks(update=False),
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'example.com'))
    ops = ops_for(desired, current)
    assert names(ops) == ['PUT /domain/example.com/_statusUpdate', 'PUT /domain/example.com']
    assert ops[0].payload['body']['registryStatus'] == 'LOCK' and ops[0].aspects == ('unlock',)


def test_hold_is_kept_when_the_transfer_lock_changes():
    (op,) = ops_for(DesiredDomain('example.com', locks=Locks(transfer=True)), full(registryStatus='HOLD'))
    assert op.payload['body']['registryStatus'] == 'HOLD_LOCK'


@pytest.mark.parametrize('locks, message', [
    (Locks(delete=True), 'delete lock: not supported by this registrar \\(autodns\\)'),
    (Locks(transfer=False, update=True), 'update lock without a transfer lock: not supported by this registrar'),
])
def test_locks_autodns_cannot_express_fail_before_sending(locks, message):
    with pytest.raises(InputError, match=message):
        ops_for(DesiredDomain('example.com', locks=locks))


def test_no_delete_lock_needs_nothing():
    assert ops_for(DesiredDomain('example.com', locks=Locks(transfer=False, delete=False))) == []


def test_expire_and_delete_are_cancelations():
    (op,) = ops_for(DesiredDomain('example.com', present=False, delete_mode='expire'))
    assert op.name == 'POST /domain/example.com/cancelation'
    assert op.payload['body'] == {'domain': 'example.com', 'type': 'DELETE', 'execution': 'EXPIRE'}
    (op,) = ops_for(DesiredDomain('example.com', present=False, delete_mode='delete'))
    assert op.name == 'POST /domain/example.com/cancelation'
    assert op.payload['body'] == {'domain': 'example.com', 'type': 'DELETE', 'execution': 'NOW'}


def test_an_existing_cancelation_is_read_and_not_sent_again():
    at_expiry = full(cancelationStatus='DELETE_EXPIRE')
    assert at_expiry.autorenew is False
    assert ops_for(DesiredDomain('example.com', present=False, delete_mode='expire'), at_expiry) == []
    # delete now: the cancelation at expiry is moved to NOW
    (op,) = ops_for(DesiredDomain('example.com', present=False), at_expiry)
    assert op.name == 'PUT /domain/example.com/cancelation' and op.payload['body']['execution'] == 'NOW'
    now = read_domain(dict(FULL_DOMAIN, cancelationStatus='DELETE'), CONTACTS,
                      {'domain': 'example.com', 'type': 'DELETE', 'execution': 'NOW', 'status': 'DELETE'})
    assert ops_for(DesiredDomain('example.com', present=False), now) == []


def test_autorenew_on_again_withdraws_the_cancelation():
    ops = ops_for(DesiredDomain('example.com', autorenew=True), full(cancelationStatus='DELETE_EXPIRE'))
    # autoRenewStatus is TRUE already: only the cancelation goes
    assert names(ops) == ['DELETE /domain/example.com/cancelation']


def test_renew_is_the_renew_task_with_the_payable():
    (op,) = ops_for(DesiredDomain('example.com', renew=RenewPolicy(2, min_days_left=60)))
    assert op.name == 'PUT /domain/example.com/_renew'
    assert op.payload['body'] == {'period': {'period': 2, 'unit': 'YEAR'}, 'payable': '2020-12-31T12:00:00.000+0200'}


def test_a_chosen_auth_code_cannot_be_set_and_is_not_shown():
    with pytest.raises(InputError) as error:
        ops_for(DesiredDomain('example.com', new_auth_code='MyChosenCode1!'))
    assert 'not supported by this registrar (autodns)' in str(error.value)
    assert 'MyChosenCode1!' not in str(error.value)
    # "a new one" is the authinfo create
    (op,) = write.operations(full(), [Change('auth_code', 'J/w0Xpn66I87YVty', None)])
    assert op.name == 'POST /domain/example.com/_authinfo1'


def test_register_creates_the_contacts_first():
    desired = DesiredDomain('new.example', contacts={'registrant': NEW_ADMIN, 'admin': NEW_ADMIN,
                                                     'tech': Contact(handle='101')},
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'new.example'),
                            period=2, autorenew=True, locks=Locks(transfer=True))
    ops = write.operations(None, plan(None, desired, TODAY))
    assert names(ops) == ['POST /contact', 'POST /domain', 'PUT /domain/new.example/_statusUpdate']
    ref = ops[0].payload['creates']
    assert ops[1].payload['body'] == {
        'name': 'new.example', 'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}],
        'ownerc': {'id': ref}, 'adminc': {'id': ref}, 'techc': {'id': 101},
        'period': {'period': 2, 'unit': 'YEAR'}, 'autoRenewStatus': 'TRUE'}
    assert ops[2].payload['body']['registryStatus'] == 'LOCK'


def test_register_needs_registrant_admin_and_tech():
    desired = DesiredDomain('new.example', contacts={'registrant': NEW_ADMIN},
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'new.example'))
    with pytest.raises(InputError, match='declare admin, tech'):
        write.operations(None, plan(None, desired, TODAY))


def test_transfer_summary_has_no_authinfo():
    desired = DesiredDomain('transfer-in.example', auth_code='S0Lygv+ZkNbniICm',
                            contacts=dict((role, Contact(handle='100')) for role in ('registrant', 'admin', 'tech')))
    (op,) = write.operations(None, plan(None, desired, TODAY))
    assert op.name == 'POST /domain/_transfer'
    assert op.payload['body']['authinfo'] == 'S0Lygv+ZkNbniICm'
    assert op.summary['body']['authinfo'] == REDACTED
    assert 'S0Lygv+ZkNbniICm' not in repr(op.summary) and 'S0Lygv+ZkNbniICm' not in repr(op)


def test_restore_is_the_restore_task():
    (op,) = write.operations(None, plan(None, DesiredDomain('restore-me.example', restore=True), TODAY))
    assert op.name == 'PUT /domain/restore-me.example/_restore'


def test_nothing_changed_nothing_sent():
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(first_name='John', city='Berlin')},
                            locks=Locks(transfer=False), autorenew=True,
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net', 'c.ns14.net',
                                                                'd.ns14.net'], 'example.com'))
    assert ops_for(desired) == []


def test_lock_owner_needs_the_update_lock_declared():
    current = full(registryStatus='LOCK_OWNER')
    assert current.locks == Locks(transfer=True)
    with pytest.raises(InputError, match='declare transfer_lock and update_lock together'):
        ops_for(DesiredDomain('example.com', locks=Locks(transfer=False)), current)
    (op,) = ops_for(DesiredDomain('example.com', locks=Locks(transfer=False, update=False)), current)
    assert op.payload['body']['registryStatus'] == 'ACTIVE'


# ---------------------------------------------------------------- reference data
def _reference(name):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # the checkout
    with open(os.path.join(root, 'docs', 'reference', name)) as handle:
        return json.load(handle)


def test_contact_ids_go_out_as_integers_as_the_swagger_types_them():
    NewContact, contact_ref = write.NewContact, write.contact_ref
    spec = _reference('autodns-spec.json')['definitions']
    assert spec['Domain']['properties']['adminc'] == {'$ref': '#/definitions/Contact'}
    assert spec['Contact']['properties']['id']['type'] == 'integer'
    assert contact_ref('102') == {'id': 102} and contact_ref(102) == {'id': 102}
    assert contact_ref(NewContact(1)) == {'id': NewContact(1)}
    with pytest.raises(InputError, match='contact handle ABC-1: AutoDNS contact handles are numbers'):
        contact_ref('ABC-1')


def test_registry_status_is_the_inverse_of_reading_it():
    for status, locks in STATUS_LOCKS.items():
        if locks.transfer is not None and locks.update is not None:
            assert write.registry_status(locks, status) == status, status


# -- DNSSEC: PUT /domain/{name}/_dnssec with the complete dnssecData ---------------------------

PUBLIC_KEY = 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='
KSK = {'flags': 257, 'protocol': 3, 'algorithm': 13, 'publicKey': PUBLIC_KEY}
ZSK_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=='


def dnssec_ops(declared, held=()):
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    current = read_domain(dict(SEED_DOMAIN, dnssecData=list(held)))
    return write.operations(current, plan(current, DesiredDomain('example.com', dnssec=dnssec.records(declared)), TODAY))


def test_dnssec_keys_are_read_from_dnssec_data_and_sent_whole_to_the_dnssec_route():
    assert read_domain(dict(SEED_DOMAIN, dnssecData=[KSK])).to_dict()['dnssec'] == [
        {'key_tag': None, 'algorithm': 13, 'digest_type': None, 'digest': None, 'flags': 257, 'protocol': 3,
         'public_key': PUBLIC_KEY}]
    zsk = {'flags': 256, 'protocol': 3, 'algorithm': 13, 'public_key': ZSK_KEY}
    (op,) = dnssec_ops([{'flags': 257, 'protocol': 3, 'algorithm': 13, 'public_key': PUBLIC_KEY}, zsk], held=[KSK])
    assert (op.name, op.aspects) == ('PUT /domain/example.com/_dnssec', ('dnssec',))
    assert op.payload['body'] == {'name': 'example.com', 'dnssecData': [
        KSK, {'flags': 256, 'protocol': 3, 'algorithm': 13, 'publicKey': ZSK_KEY}]}


def test_the_same_keys_in_another_order_send_nothing_and_an_empty_list_deletes_them():
    key = {'flags': 257, 'protocol': 3, 'algorithm': 13, 'public_key': PUBLIC_KEY}
    assert dnssec_ops([key], held=[dict(KSK, publicKey=PUBLIC_KEY[:40] + '\n' + PUBLIC_KEY[40:])]) == []
    (op,) = dnssec_ops([], held=[KSK])
    assert op.payload['body'] == {'name': 'example.com', 'dnssecData': []}


def test_ds_only_material_is_not_supported_by_autodns():
    ds = {'key_tag': 2371, 'algorithm': 13, 'digest_type': 2, 'digest': 'A' * 64}
    with pytest.raises(InputError, match=r'not supported by this registrar \(autodns\).*missing flags, protocol, public_key'):
        dnssec_ops([ds])
