# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS contact handles: the search query as the swagger types it."""
import json
import os

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact


def _reference(name):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # the checkout
    with open(os.path.join(root, 'docs', 'reference', name)) as handle:
        return json.load(handle)


def test_contact_search_filters_carry_ids_as_strings_as_the_swagger_types_them():
    spec = _reference('autodns-spec.json')['definitions']
    assert spec['QueryFilter']['properties']['values'] == {'type': 'array', 'items': {'type': 'string'}}
    query = contacts.search_query([], ['100', '7', 'x'])
    assert query['filters'] == [{'key': 'id', 'values': ['7', '100'], 'operator': 'IN'}]


def test_the_conditions_of_one_lookup_are_joined_with_and_the_lookups_with_or():
    # The swagger gives no default for QueryFilter.link (ConditionType AND | OR): every link is sent.
    spec = _reference('autodns-spec.json')['definitions']
    assert spec['ConditionType']['enum'] == ['AND', 'OR']
    jane = Contact(first_name='Jane', last_name='Roe', email='jane@example.com')
    acme = Contact(organization='Acme', email='hostmaster@acme.example')
    query = contacts.search_query([jane, acme], ['7'])
    assert query['filters'] == [
        {'filters': [{'key': 'lname', 'value': 'Roe', 'operator': 'EQUAL', 'link': 'AND'},
                     {'key': 'fname', 'value': 'Jane', 'operator': 'EQUAL'}], 'link': 'OR'},
        {'filters': [{'key': 'organization', 'value': 'Acme', 'operator': 'EQUAL'}], 'link': 'OR'},
        {'key': 'id', 'values': ['7'], 'operator': 'IN'}]
