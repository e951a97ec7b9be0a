# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""contacts, locks, renew, domain and messages, run by ansible-playbook against both sandboxes."""
import pytest

FINAL = {'autodns': 'SUCCESS', 'ascio': 'Completed'}
# What the registrars hold for example.com in the integration seeds.
PAID_UNTIL = {'autodns': '2027-12-31', 'ascio': '2027-08-14'}
RENEWED = {'autodns': '2028-12-31', 'ascio': '2028-08-14'}
AUTH_CODE = {'autodns': 'S0Lygv+ZkNbniICm', 'ascio': 'Tr4nsfer-Me!'}   # transfer-in.example
HOSTMASTER = {'first_name': 'Host', 'last_name': 'Master', 'organization': 'Example',
              'address': ['Example Street 1'], 'postal_code': '12345', 'city': 'Berlin', 'country': 'DE',
              'email': 'hostmaster@example.com', 'phone': '+49.301234568'}
HOLDER = dict(HOSTMASTER, first_name='Erika', last_name='Mustermann', organization='Example GmbH',
              email='erika@example.org')


def run(registrar, module, *flags, domain='example.com', **args):
    args.setdefault('name', domain)
    return registrar.play('task.yml', *flags, module=module, module_args=args, domain=domain)


def operations(result):
    return [op['operation'] for op in result['operations']]


def converges(registrar, module, expected_operations, **args):
    """Check mode sends nothing; the run sends exactly the expected operations; a re-run sends none."""
    writes_before = len(registrar.writes())
    rc, out, results = run(registrar, module, '--check', '--diff', **args)
    assert rc == 0, out
    planned = results['Run the module']
    assert planned['changed'] is True and operations(planned) == expected_operations, planned
    assert all(op['status'] == 'planned' for op in planned['operations'])
    assert len(registrar.writes()) == writes_before

    rc, out, results = run(registrar, module, **args)
    assert rc == 0, out
    done = results['Run the module']
    assert done['changed'] is True and operations(done) == expected_operations
    assert all(op['status'] == FINAL[registrar.provider] for op in done['operations'] if op['id']), done

    rc, out, again = run(registrar, module, **args)
    assert rc == 0, out
    assert again['Run the module']['changed'] is False and again['Run the module']['operations'] == []
    return results['Read the domain']['domain']


def test_locks(registrar):
    if registrar.provider == 'ascio':
        domain = converges(registrar, 'locks', ['Change_Locks'], transfer_lock=False, update_lock=True)
        assert domain['locks'] == {'transfer_lock': False, 'delete_lock': True, 'update_lock': True}
    else:
        domain = converges(registrar, 'locks', ['PUT /domain/example.com/_statusUpdate'], transfer_lock=True)
        assert domain['locks']['transfer_lock'] is True


def test_delete_lock_is_not_supported_by_autodns_and_nothing_is_sent(registrar):
    if registrar.provider != 'autodns':
        pytest.skip('Ascio has a delete lock')
    rc, out, results = run(registrar, 'locks', delete_lock=True)
    assert rc != 0
    assert 'not supported by this registrar' in results['Run the module']['msg']
    assert registrar.writes() == []


def test_renew_once_for_one_intent_then_drain_its_message(registrar):
    expected = {'autodns': ['PUT /domain/example.com/_renew'], 'ascio': ['Renew_Domain']}[registrar.provider]
    rc, out, results = run(registrar, 'renew', until='2027-01-31')
    assert results['Run the module']['changed'] is False, 'already paid past the target'
    domain = converges(registrar, 'renew', expected, until='2028-01-31')
    assert domain['payable'] == RENEWED[registrar.provider]
    rc, out, results = run(registrar, 'renew', until='2028-01-31')
    assert results['Run the module']['changed'] is False
    renew_writes = [w for w in registrar.writes() if w.get('order_type') == 'Renew_Domain' or '_renew' in w.get('path', '')]
    assert len(renew_writes) == 1


def test_renew_that_cannot_reach_the_target_fails_before_sending(registrar):
    rc, out, results = run(registrar, 'renew', until='2031-01-01')
    assert rc != 0 and 'raise period' in results['Run the module']['msg']
    assert registrar.writes() == []


def test_registrant_details_update_keeps_the_holder(registrar):
    expected = {'ascio': ['Registrant_Details_Update'], 'autodns': None}[registrar.provider]
    if registrar.provider == 'ascio':
        domain = converges(registrar, 'contacts', expected, registrant={'address': ['Example Street 9'], 'city': 'Aarhus'})
        assert domain['contacts']['registrant']['city'] == 'Aarhus'
        assert domain['contacts']['registrant']['organization'] == 'Example Holding'
    else:
        rc, out, results = run(registrar, 'contacts', registrant={'address': ['Example Street 9'], 'city': 'Hamburg'})
        assert rc == 0, out
        assert operations(results['Run the module'])[-1] == 'PUT /domain/example.com'
        registrant = results['Read the domain']['domain']['contacts']['registrant']
        assert registrant['handle'] != '100'   # handle 100 is shared with other domains: not edited in place
        rc, out, again = run(registrar, 'contacts', registrant={'address': ['Example Street 9'], 'city': 'Hamburg'})
        assert again['Run the module']['changed'] is False


def test_owner_change_when_the_identity_changes(registrar):
    expected = {'ascio': ['Owner_Change'], 'autodns': None}[registrar.provider]
    if registrar.provider == 'ascio':
        domain = converges(registrar, 'contacts', expected, registrant={'organization': 'New Owner A/S'})
        assert domain['contacts']['registrant']['organization'] == 'New Owner A/S'
    else:
        rc, out, results = run(registrar, 'contacts', registrant=HOLDER)
        assert rc != 0 and 'confirm_owner_consent' in results['Run the module']['msg']
        assert registrar.writes() == []
        rc, out, results = run(registrar, 'contacts', registrant=HOLDER, confirm_owner_consent=True)
        assert rc == 0, out
        # a gTLD: the new ownerc in the domain update, with confirmOwnerConsent (tld_rules)
        assert operations(results['Run the module'])[-1] == 'PUT /domain/example.com', out
        assert results['Read the domain']['domain']['contacts']['registrant']['organization'] == 'Example GmbH'
        rc, out, again = run(registrar, 'contacts', registrant=HOLDER, confirm_owner_consent=True)
        assert again['Run the module']['changed'] is False


def test_admin_tech_and_billing_in_one_contact_update(registrar):
    if registrar.provider == 'ascio':
        domain = converges(registrar, 'contacts', ['Contact_Update'], admin={'first_name': 'Erik'},
                           billing={'email': 'billing@example.com'})
        assert domain['contacts']['admin']['first_name'] == 'Erik'
        assert domain['contacts']['billing']['email'] == 'billing@example.com'
    else:
        rc, out, results = run(registrar, 'contacts', admin=HOSTMASTER, zone=HOSTMASTER)
        assert rc == 0, out
        domain = results['Read the domain']['domain']
        assert domain['contacts']['admin']['handle'] == domain['contacts']['zone']['handle']


def test_role_the_registrar_lacks_fails_before_sending(registrar):
    role = {'autodns': 'billing', 'ascio': 'zone'}[registrar.provider]
    rc, out, results = run(registrar, 'contacts', **{role: HOSTMASTER})
    assert rc != 0 and 'not supported by this registrar' in results['Run the module']['msg']
    assert registrar.writes() == []


def test_autorenew_off_and_on(registrar):
    # example.com carries a DeleteLock at Ascio, which blocks Expire_Domain: released first (not put back).
    off = {'ascio': ['Change_Locks', 'Expire_Domain'], 'autodns': ['PUT /domain/example.com']}[registrar.provider]
    on = {'ascio': ['Unexpire_Domain'], 'autodns': ['PUT /domain/example.com']}[registrar.provider]
    assert converges(registrar, 'domain', off, autorenew=False)['autorenew'] is False
    assert converges(registrar, 'domain', on, autorenew=True)['autorenew'] is True


def full_contacts(provider):
    roles = {'ascio': ('registrant', 'admin', 'tech', 'billing'), 'autodns': ('registrant', 'admin', 'tech', 'zone')}
    return dict((role, HOLDER if role == 'registrant' else HOSTMASTER) for role in roles[provider])


def test_register_a_new_domain_with_its_contacts(registrar):
    contacts = full_contacts(registrar.provider)
    rc, out, results = run(registrar, 'domain', domain='brand-new.example',
                           nameservers=['a.ns14.net', 'b.ns14.net'], contacts=contacts)
    assert rc == 0, out
    assert results['Run the module']['changed'] is True
    assert results['Read the domain']['exists'] is True
    names = [ns['name'] for ns in results['Read the domain']['domain']['nameservers']]
    assert sorted(names) == ['a.ns14.net', 'b.ns14.net']
    rc, out, again = run(registrar, 'domain', domain='brand-new.example',
                         nameservers=['a.ns14.net', 'b.ns14.net'], contacts=contacts)
    assert again['Run the module']['changed'] is False


def test_transfer_in_with_the_auth_code_never_shown(registrar):
    code = AUTH_CODE[registrar.provider]
    # Ascio transfers .example only with full data (some TLDs transfer without it);
    # AutoDNS needs the contact handles of the domain it takes in.
    extra = {'contacts': full_contacts(registrar.provider)}
    rc, out, results = run(registrar, 'domain', '--check', '-v', domain='transfer-in.example', auth_code=code, **extra)
    assert rc == 0, out
    assert code not in out and code not in str(results)
    assert registrar.writes() == []
    rc, out, results = run(registrar, 'domain', '-v', domain='transfer-in.example', auth_code=code, **extra)
    assert rc == 0, out
    assert code not in out
    assert results['Read the domain']['exists'] is True


def test_expire_at_end_of_term_then_delete_then_restore(registrar):
    expire = {'ascio': ['Expire_Domain'], 'autodns': ['POST /domain/example.net/cancelation']}[registrar.provider]
    converges(registrar, 'domain', expire, domain='example.net', state='absent')
    rc, out, results = run(registrar, 'domain', domain='restore-me.example', restore=True)
    assert rc == 0, out
    assert results['Read the domain']['exists'] is True


def test_delete_now(registrar):
    if registrar.provider == 'ascio':
        # example.com carries a delete lock in the seed: it is released first, as Ascio's framework does.
        rc, out, results = run(registrar, 'domain', state='absent', absent_action='delete')
        assert rc == 0, out
        assert operations(results['Run the module']) == ['Change_Locks', 'Delete_Domain']
        assert results['Read the domain']['exists'] is False
    domain = 'example.net'
    rc, out, results = run(registrar, 'domain', domain=domain, state='absent', absent_action='delete')
    assert rc == 0, out
    assert results['Read the domain']['exists'] is False
    rc, out, results = run(registrar, 'domain', domain=domain, state='absent', absent_action='delete')
    assert results['Run the module']['changed'] is False


def test_messages_drain_only_the_given_orders(registrar):
    # example.net: no lock, so one order per run.
    rc, out, results = run(registrar, 'domain', domain='example.net', autorenew=False)
    (first,) = results['Run the module']['operations']
    rc, out, results = run(registrar, 'domain', domain='example.net', autorenew=True)
    (second,) = results['Run the module']['operations']
    rc, out, results = registrar.play('task.yml', module='messages', module_args={'action': 'read'})
    head = results['Run the module']['messages'][0]
    assert head['reference'] == first['id'], head
    rc, out, results = registrar.play('task.yml', module='messages', module_args={'action': 'drain', 'references': [second['id']]})
    assert results['Run the module']['changed'] is False, 'the head belongs to another order: left alone'
    rc, out, results = registrar.play('task.yml', module='messages', module_args={'action': 'drain', 'references': [first['id'], second['id']]})
    assert [m['reference'] for m in results['Run the module']['messages']] == [first['id'], second['id']]
    assert results['Run the module']['remaining'] is None
