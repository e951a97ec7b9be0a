# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The export (core/export.py): an account as the portfolio role's input, which plans nothing."""
from ansible_collections.domainops.registrar.plugins.module_utils.core.export import declarations, export
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Locks, Nameserver
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

OWNER = Contact(handle='11', first_name='Erika', last_name='Mustermann', organization='Example GmbH',
                address=('Musterweg 2',), city='Hamburg', postal_code='20095', country='DE',
                email='erika@example.org', phone='+49.401234567')
OWNER_TWIN = Contact(handle='12', **dict((k, v) for k, v in OWNER.__dict__.items() if k != 'handle'))
HOSTMASTER = Contact(handle='13', first_name='Host', last_name='Master', organization='Example GmbH',
                     address=('Rack Road 9',), city='Berlin', postal_code='10115', country='DE',
                     email='hostmaster@example.org', phone='+49.301234568')


def domains():
    return [
        Domain('b.example', nameservers=(Nameserver('ns1.b.example', ipv4='192.0.2.1'), Nameserver('a.ns14.net')),
               contacts={'registrant': OWNER_TWIN, 'tech': HOSTMASTER}, locks=Locks(transfer=True), autorenew=False),
        Domain('a.example', nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
               contacts={'registrant': OWNER, 'admin': OWNER, 'tech': HOSTMASTER}, autorenew=True),
    ]


def test_contacts_with_the_same_data_are_one_definition_whatever_their_handles():
    exported = export(domains())
    contacts = exported['portfolio_contacts']
    assert sorted(contacts) == ['example_gmbh', 'example_gmbh_host_master']
    assert 'handle' not in contacts['example_gmbh']
    by_name = dict((d['name'], d) for d in exported['portfolio_domains'])
    wanted = {'registrant': 'example_gmbh', 'admin': 'example_gmbh', 'tech': 'example_gmbh_host_master'}
    assert by_name['a.example']['contacts'] == wanted
    assert by_name['b.example']['contacts']['registrant'] == 'example_gmbh'


def test_domains_are_sorted_with_glue_and_only_the_locks_the_registrar_reports():
    items = export(domains())['portfolio_domains']
    assert [d['name'] for d in items] == ['a.example', 'b.example']
    assert items[1]['nameservers'] == [{'name': 'ns1.b.example', 'ipv4': '192.0.2.1'}, 'a.ns14.net']
    assert items[1]['transfer_lock'] is True and 'update_lock' not in items[1]
    assert items[0]['autorenew'] is True and items[1]['autorenew'] is False


def test_the_export_declared_again_plans_nothing():
    current = dict((d.name, d) for d in domains())
    for item in declarations(export(domains())):
        contacts = dict((role, Contact(**dict(data, address=tuple(data['address']))))
                        for role, data in item['contacts'].items())
        nameservers = tuple(Nameserver(n) if isinstance(n, str) else Nameserver(**n) for n in item['nameservers'])
        locks = Locks(transfer=item.get('transfer_lock'), delete=item.get('delete_lock'), update=item.get('update_lock'))
        desired = DesiredDomain(item['name'], nameservers=nameservers, contacts=contacts, locks=locks,
                                autorenew=item['autorenew'])
        assert plan(current[item['name']], desired) == []
