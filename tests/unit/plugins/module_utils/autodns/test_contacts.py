# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS contact handles: the search query as the swagger types it."""
import json
import os

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts


def _reference(name):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # the checkout
    with open(os.path.join(root, 'docs', 'reference', name)) as handle:
        return json.load(handle)


def test_contact_search_filters_carry_ids_as_strings_as_the_swagger_types_them():
    spec = _reference('autodns-spec.json')['definitions']
    assert spec['QueryFilter']['properties']['values'] == {'type': 'array', 'items': {'type': 'string'}}
    query = contacts.search_query([], ['100', '7', 'x'])
    assert query['filters'] == [{'key': 'id', 'values': ['7', '100'], 'operator': 'IN'}]
