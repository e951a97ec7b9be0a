# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The portfolio module's domains_file: the formats it reads, and what it refuses before any request."""
import json

import pytest
import yaml

from ansible_collections.domainops.registrar.plugins.module_utils import declaration_file
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError

OWNER = {'first_name': 'Erika', 'last_name': 'Mustermann', 'address': ['Street 1'], 'city': 'Berlin',
         'postal_code': '10115', 'country': 'DE', 'email': 'erika@example.com', 'phone': '+49.301234567'}


def write(tmp_path, text, name='portfolio.yml'):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_a_json_list_is_read_checked_and_completed_with_the_defaults(tmp_path):
    path = write(tmp_path, json.dumps([{'name': 'example.com', 'nameservers': ['a.ns14.net', 'b.ns14.net']}]), 'p.json')
    items, secrets = declaration_file.read(path)
    assert items[0]['name'] == 'example.com' and items[0]['state'] == 'present' and items[0]['absent_action'] == 'expire'
    assert secrets == set()


def test_an_export_is_read_with_its_contact_references_resolved(tmp_path):
    exported = {'portfolio_contacts': {'erika': OWNER},
                'portfolio_domains': [{'name': 'example.com', 'contacts': {'registrant': 'erika', 'admin': 'erika'}},
                                      {'name': 'example.net', 'contacts': {'registrant': dict(OWNER, city='Bonn')}}]}
    items, _secrets = declaration_file.read(write(tmp_path, yaml.safe_dump(exported)))
    assert items[0]['contacts']['registrant']['email'] == 'erika@example.com'
    assert items[0]['contacts']['admin']['city'] == 'Berlin'
    assert items[1]['contacts']['registrant']['city'] == 'Bonn'


def test_an_undefined_contact_reference_is_named(tmp_path):
    exported = {'portfolio_contacts': {}, 'portfolio_domains': [{'name': 'example.com', 'contacts': {'registrant': 'erika'}}]}
    with pytest.raises(InputError, match=r'not defined in portfolio_contacts: erika \(example.com\)'):
        declaration_file.read(write(tmp_path, yaml.safe_dump(exported)))


def test_auth_codes_are_collected_for_no_log(tmp_path):
    path = write(tmp_path, yaml.safe_dump([{'name': 'example.com', 'auth_code': 'S3cret-Code'}]))
    _items, secrets = declaration_file.read(path)
    assert 'S3cret-Code' in secrets


def test_an_unknown_option_is_refused_with_the_item_position_and_name(tmp_path):
    path = write(tmp_path, yaml.safe_dump([{'name': 'example.com'}, {'name': 'example.net', 'nameserver': ['a.ns14.net']}]))
    with pytest.raises(InputError, match=r'domains_file\[1\] \(example.net\): .*nameserver'):
        declaration_file.read(path)


@pytest.mark.parametrize('text, message', [
    ('name: example.com\n', 'must hold a list of domain declarations'),
    ('- example.com\n', 'every declaration must be a mapping'),
    ('[unclosed\n', 'is neither JSON nor YAML'),
    ('portfolio_contacts: {}\nportfolio_domains: [example.com]\n', 'every declaration must be a mapping'),
    ('portfolio_contacts: {}\nportfolio_domains: {name: example.com}\n', 'must hold a list of domain declarations'),
    ('portfolio_contacts: {a: {city: Bonn}}\nportfolio_domains: [{name: example.com, contacts: [a]}]\n',
     r'domains_file\[0\] \(example.com\): .*contacts'),
    ('portfolio_contacts: {a: {city: Bonn}}\nportfolio_domains: [{name: example.com, contacts: {registrant: [a]}}]\n',
     r'domains_file\[0\] \(example.com\): .*registrant'),
])
def test_what_is_not_a_list_of_declarations_is_refused_with_a_message_not_a_traceback(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        declaration_file.read(write(tmp_path, text))


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(InputError, match='cannot be read: No such file'):
        declaration_file.read(str(tmp_path / 'absent.yml'))


def test_items_that_differ_only_in_their_name_are_each_checked_and_completed_as_if_alone(tmp_path):
    # checked_items checks one shape once (the same contacts and name servers on many domains);
    # every item must still come back exactly as checking it alone gives.
    shared = {'nameservers': ['a.ns14.net', 'b.ns14.net'], 'contacts': {'registrant': OWNER}, 'renew': {'min_days_left': 30}}
    declared = [dict(shared, name='example-%d.com' % n) for n in range(3)] + [dict(shared, domain='aliased.com')]
    items, _secrets = declaration_file.read(write(tmp_path, json.dumps(declared), 'p.json'))
    alone = [declaration_file.read(write(tmp_path, json.dumps([item]), 'alone-%d.json' % n))[0][0]
             for n, item in enumerate(declared)]
    assert items == alone
    assert [item['name'] for item in items] == ['example-0.com', 'example-1.com', 'example-2.com', 'aliased.com']
    assert items[1]['renew'] == {'min_days_left': 30, 'period': 1, 'until': None}


def test_a_refused_shape_names_every_item_that_has_it(tmp_path):
    declared = [{'name': 'example-%d.com' % n, 'transfer_lock': 'sometimes'} for n in range(3)]
    with pytest.raises(InputError) as caught:
        declaration_file.read(write(tmp_path, json.dumps(declared), 'p.json'))
    for n in range(3):
        assert 'domains_file[%d] (example-%d.com)' % (n, n) in str(caught.value)


def test_auth_codes_of_a_shared_shape_are_collected_for_no_log(tmp_path):
    declared = [{'name': 'example-%d.com' % n, 'auth_code': 'S3cret-Code'} for n in range(2)]
    items, secrets = declaration_file.read(write(tmp_path, json.dumps(declared), 'p.json'))
    assert 'S3cret-Code' in secrets and [item['auth_code'] for item in items] == ['S3cret-Code'] * 2
