# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio's domain rules over real ansible-playbook runs against the Ascio sandbox.

Locks are released around the orders they block and the update lock is put back; a
Nameserver_Update really removes servers; a deleted twin of a name is never picked; a
registrant e-mail change on a gTLD is an Owner_Change. (docs/reference/ascio-rules.json)
"""
import pytest
from conftest import start_registrar
from test_lifecycle import full_contacts, operations, run

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter


@pytest.fixture
def ascio(tmp_path):
    registrar = start_registrar('ascio', tmp_path)
    yield registrar
    registrar.sandbox.stop()


def orders_sent(registrar):
    return [(entry['order_type'], entry['domain'], entry['result_code'])
            for entry in registrar.journal() if entry['operation'] == 'CreateOrder']


def lock_values(operation):
    domain = operation['request']['Domain']
    return dict((key, value) for key, value in domain.items() if key.endswith('Lock'))


def test_an_update_locked_domain_is_released_updated_and_locked_again(ascio):
    # example.org carries UpdateLock in the seed; the task does not manage locks.
    args = dict(domain='example.org', nameservers=['a.ns14.net', 'b.ns14.net'])
    rc, out, results = run(ascio, 'domain', '--check', '--diff', **args)
    assert rc == 0, out
    planned = results['Run the module']['operations']
    assert [op['operation'] for op in planned] == ['Change_Locks', 'Nameserver_Update', 'Change_Locks']
    assert lock_values(planned[0]) == {'UpdateLock': 'Unlock'} and lock_values(planned[2]) == {'UpdateLock': 'Lock'}
    assert 'release UpdateLock' in planned[0]['request']['TransactionComment']
    assert orders_sent(ascio) == []

    rc, out, results = run(ascio, 'domain', **args)
    assert rc == 0, out
    assert [(op['operation'], op['status']) for op in results['Run the module']['operations']] == [
        ('Change_Locks', 'Completed'), ('Nameserver_Update', 'Completed'), ('Change_Locks', 'Completed')]
    assert orders_sent(ascio) == [('Change_Locks', 'example.org', 200), ('Nameserver_Update', 'example.org', 200),
                                  ('Change_Locks', 'example.org', 200)]
    domain = results['Read the domain']['domain']
    assert domain['locks']['update_lock'] is True
    assert 'UPDATE_LOCK' in domain['status'].split(', ')
    # example.org had four servers: the two left out are gone at Ascio.
    assert sorted(ns['name'] for ns in domain['nameservers']) == ['a.ns14.net', 'b.ns14.net']

    rc, out, results = run(ascio, 'domain', **args)
    assert rc == 0 and results['Run the module']['changed'] is False, out


def test_wait_false_sends_only_the_release_of_an_update_lock(ascio):
    # Without waiting, the update must not reach Ascio before the lock is off (it would be
    # refused), and the lock must not come back before the update is done.
    args = dict(domain='example.org', nameservers=['a.ns14.net', 'b.ns14.net'], wait=False)
    rc, out, results = run(ascio, 'domain', **args)
    assert rc == 0, out
    sent = results['Run the module']['operations']
    assert [op['operation'] for op in sent] == ['Change_Locks', 'Nameserver_Update', 'Change_Locks']
    assert sent[0]['id'] and [op['status'] for op in sent[1:]] == ['not sent', 'not sent'], sent
    assert orders_sent(ascio) == [('Change_Locks', 'example.org', 200)]


def test_a_declared_lock_wins_and_is_not_restored(ascio):
    rc, out, results = run(ascio, 'domain', domain='example.org', nameservers=['a.ns14.net', 'b.ns14.net'],
                           update_lock=False)
    assert rc == 0, out
    assert operations(results['Run the module']) == ['Change_Locks', 'Nameserver_Update']
    assert results['Read the domain']['domain']['locks']['update_lock'] is False


def test_a_nameserver_update_sends_empty_slots_to_remove_servers(ascio):
    rc, out, results = run(ascio, 'domain', nameservers=['ns1.example.org', 'ns2.example.org'])
    assert rc == 0, out
    (update,) = results['Run the module']['operations']
    slots = update['request']['Domain']['NameServers']
    assert slots['NameServer1']['HostName'] == 'ns1.example.org' and slots['NameServer3'] == {'HostName': ''}
    assert len(slots) == 13
    names = [ns['name'] for ns in results['Read the domain']['domain']['nameservers']]
    assert sorted(names) == ['ns1.example.org', 'ns2.example.org']


def test_delete_lock_is_released_before_expiry_and_not_put_back(ascio):
    # example.com: TransferLock and DeleteLock in the seed. A DeleteLock put back would stop the expiry.
    rc, out, results = run(ascio, 'domain', state='absent', absent_action='expire')
    assert rc == 0, out
    ops = results['Run the module']['operations']
    assert [op['operation'] for op in ops] == ['Change_Locks', 'Expire_Domain']
    assert lock_values(ops[0]) == {'DeleteLock': 'Unlock'}
    locks = results['Read the domain']['domain']['locks']
    assert locks == {'transfer_lock': True, 'delete_lock': False, 'update_lock': False}


def test_registrant_email_change_is_an_owner_change_on_a_gtld_only(ascio):
    rc, out, results = run(ascio, 'contacts', '--check', registrant={'email': 'new-holder@example.com'})
    assert rc == 0, out
    assert operations(results['Run the module']) == ['Owner_Change']
    rc, out, results = run(ascio, 'contacts', '--check', domain='xn--mller-kva.de',
                           registrant={'email': 'new-holder@example.com'})
    assert rc == 0, out
    assert operations(results['Run the module']) == ['Registrant_Details_Update']
    rc, out, results = run(ascio, 'contacts', domain='xn--mller-kva.de', registrant={'email': 'new-holder@example.com'})
    assert rc == 0, out
    assert results['Read the domain']['domain']['contacts']['registrant']['email'] == 'new-holder@example.com'
    assert orders_sent(ascio) == [('Registrant_Details_Update', 'xn--mller-kva.de', 200)]


def probe(registrar):
    """The client's own transport, for a search the modules never make."""
    creds = registrar.credentials
    return AscioAdapter({'api_url': creds['ASCIO_URL'], 'username': creds['ASCIO_ACCOUNT'],
                         'password': creds['ASCIO_PASSWORD']})


def test_a_deleted_twin_of_the_name_is_never_picked(ascio):
    # twin.example was deleted long ago (seed); registering it again leaves two domains of that name.
    contacts = full_contacts('ascio')
    rc, out, results = run(ascio, 'domain', domain='twin.example', nameservers=['a.ns14.net', 'b.ns14.net'],
                           contacts=contacts)
    assert rc == 0, out
    assert operations(results['Run the module']) == ['Register_Domain']
    adapter = probe(ascio)
    try:
        clauses = {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'twin.example'}]}
        found = adapter.client.request('SearchDomain', criteria={'Mode': 'Strict', 'Clauses': clauses})
        twins = [(d['DomainHandle'], d['Status']) for d in found['domains']['Domain']]
    finally:
        adapter.close()
    # Without Withoutstates the deleted twin comes first.
    assert [status for handle, status in twins] == ['DELETED', 'ACTIVE'], twins
    rc, out, results = run(ascio, 'domain', '--check', domain='twin.example',
                           nameservers=['a.ns14.net', 'b.ns14.net'])
    assert rc == 0, out
    assert results['Run the module']['changed'] is False
    info = results['Read the domain']
    assert info['exists'] is True and info['domain']['status'] == 'ACTIVE'
    assert sorted(ns['name'] for ns in info['domain']['nameservers']) == ['a.ns14.net', 'b.ns14.net']


def test_the_dotnet_default_date_reads_as_no_expiry(ascio):
    rc, out, results = run(ascio, 'domain', '--check', domain='no-date.example')
    assert rc == 0, out
    domain = results['Read the domain']['domain']
    assert domain['expires'] is None and domain['payable'] is None
    rc, out, results = run(ascio, 'renew', domain='no-date.example', min_days_left=30)
    assert rc != 0
    assert 'did not report an expiry date' in results['Run the module']['msg']
    assert orders_sent(ascio) == []
