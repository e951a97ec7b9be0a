# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Per-TLD owner-change routes and lock support: the data, its Python copy, and the tasks they produce."""
import datetime
import json
import os
from dataclasses import replace

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import tld_rules, write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.read import read_contact, read_domain
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Locks
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # tests/unit/plugins/module_utils/autodns → the checkout
with open(os.path.join(ROOT, 'docs', 'reference', 'autodns-tld-rules.json')) as handle:
    DATA = json.load(handle)
OPERATIVE = ('owner_change', 'owner_change_routes', 'owner_consent', 'status_update', 'privacy')
TODAY = datetime.date(2020, 11, 25)
JOHN = {'id': 100, 'type': 'PERSON', 'fname': 'John', 'lname': 'Doe', 'organization': 'Example',
        'address': ['Street 1'], 'pcode': '12345', 'city': 'Berlin', 'country': 'DE',
        'email': 'john@example.com', 'phone': '+49.301234567'}
AUTHINFO = 'J/w0Xpn66I87YVty'


def operative(entry):
    return dict((key, entry[key]) for key in OPERATIVE if key in entry)


def test_the_python_copy_equals_the_reference_data():
    assert tld_rules.DEFAULT == operative(DATA['default'])
    assert tld_rules.CLASSES == dict((name, operative(entry)) for name, entry in DATA['classes'].items())
    assert tld_rules.TLDS == dict((name, operative(entry)) for name, entry in DATA['tlds'].items())
    assert tld_rules.ROUTES == dict((name, (route['method'], route['path'])) for name, route in DATA['routes'].items())


def test_every_rule_names_its_sources_and_only_known_routes():
    entries = [DATA['default']] + list(DATA['classes'].values()) + list(DATA['tlds'].values()) + list(DATA['routes'].values())
    for entry in entries:
        assert entry['sources'] and all(source in DATA['sources'] for source in entry['sources']), entry
    for entry in entries[:-len(DATA['routes'])]:
        assert all(route in DATA['routes'] for route in entry.get('owner_change_routes', [])), entry
        assert entry.get('owner_change', 'update') in entry.get('owner_change_routes', DATA['default']['owner_change_routes'])


def domain(name, **changes):
    data = {'name': name, 'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100},
            'registryStatus': 'ACTIVE', 'nameServers': [{'name': 'a.ns14.net'}], 'authinfo': AUTHINFO}
    data.update(changes)
    return read_domain(data, {'100': read_contact(JOHN)})


def owner_change(name, current=None, **kwargs):
    current = current or domain(name)
    changes = plan(current, DesiredDomain(name, contacts={'registrant': Contact(organization='Other Ltd')}), TODAY)
    return write.operations(current, changes, **kwargs)


@pytest.mark.parametrize('name, consent', [('example.com', True), ('example.shop', True), ('example.de', False)])
def test_owner_change_by_the_domain_update(name, consent):
    create, update = owner_change(name, owner_consent=True)
    assert update.name == 'PUT /domain/%s' % name
    assert update.payload['body']['ownerc'] == {'id': create.payload['creates']}
    assert update.payload['body'].get('confirmOwnerConsent') is (True if consent else None)


def test_gtld_owner_change_needs_the_tasks_consent_whatever_the_route():
    for route in (None, 'owner_change', 'trade'):
        with pytest.raises(InputError, match='confirm_owner_consent'):
            owner_change('example.com', owner_change_route=route)


def test_be_owner_change_is_a_trade_with_the_auth_code_redacted_in_the_report():
    create, trade = owner_change('example.be')
    assert trade.consequences == {'billable': True, 'irreversible': True}
    assert trade.name == 'POST /domain/_trade'
    assert trade.payload['body'] == {'name': 'example.be', 'ownerc': {'id': create.payload['creates']},
                                     'authinfo': AUTHINFO}
    assert trade.summary['body']['authinfo'] == REDACTED and AUTHINFO not in json.dumps(trade.summary)


def test_a_trade_without_an_auth_code_fails_before_sending():
    with pytest.raises(InputError, match=r'\.be is a trade .*_authinfo1.* and re-run'):
        owner_change('example.be', current=domain('example.be', authinfo=None))


def test_the_route_can_be_overridden():
    create, change = owner_change('example.com', owner_consent=True, owner_change_route='owner_change')
    assert change.name == 'PUT /domain/example.com/_ownerChange'
    assert change.payload['body'] == {'name': 'example.com', 'ownerc': {'id': create.payload['creates']},
                                      'confirmOwnerConsent': True}
    create, update = owner_change('example.be', owner_change_route='update')
    assert update.name == 'PUT /domain/example.be' and 'authinfo' not in update.payload['body']
    with pytest.raises(InputError, match='use one of owner_change, trade, update'):
        owner_change('example.com', owner_consent=True, owner_change_route='transfer')


@pytest.mark.parametrize('name', ['example.com', 'example.org', 'example.berlin'])
def test_locks_of_gtlds_are_a_status_update(name):
    (op,) = write.operations(domain(name), plan(domain(name), DesiredDomain(name, locks=Locks(transfer=True)), TODAY))
    assert op.name == 'PUT /domain/%s/_statusUpdate' % name


@pytest.mark.parametrize('name', ['example.de', 'example.be', 'example.eu'])
def test_locks_elsewhere_fail_before_anything_is_sent(name):
    tld = name.rsplit('.', 1)[1]
    with pytest.raises(InputError, match=r'not supported by this registrar for \.%s' % tld):
        write.operations(domain(name), plan(domain(name), DesiredDomain(name, locks=Locks(transfer=True)), TODAY))
    locked = domain(name, registryStatus='LOCK')
    with pytest.raises(InputError, match=r'not supported by this registrar for \.%s' % tld):
        write.operations(locked, plan(locked, DesiredDomain(name, locks=Locks(transfer=False)), TODAY))


def test_a_cctld_registration_with_locks_fails_before_anything_is_sent():
    person = Contact(first_name='Max', last_name='Muster', address=('Allee 7',), postal_code='80331', city='Muenchen',
                     country='DE', email='max@muster.example', phone='+49.891234567')
    desired = DesiredDomain('new.de', contacts={'registrant': person, 'admin': person, 'tech': person},
                            nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'new.de'))
    assert [op.name for op in write.operations(None, plan(None, desired, TODAY))] == ['POST /contact', 'POST /domain']
    with pytest.raises(InputError, match=r'not supported by this registrar for \.de'):
        write.operations(None, plan(None, replace(desired, locks=Locks(transfer=True)), TODAY))


def test_declaring_the_current_locks_of_a_cctld_sends_nothing():
    assert write.operations(domain('example.de'), plan(domain('example.de'), DesiredDomain(
        'example.de', locks=Locks(transfer=False, update=False)), TODAY)) == []
