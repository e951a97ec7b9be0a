# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The portfolio_declarations filter: the portfolio role's input as the portfolio module's domains."""
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.filter.portfolio_declarations import FilterModule

declarations = FilterModule().filters()['portfolio_declarations']

HOSTMASTER = {'first_name': 'Host', 'last_name': 'Master', 'email': 'hostmaster@example.com'}


def test_references_are_replaced_by_copies_of_their_definitions():
    contacts = {'hostmaster': HOSTMASTER}
    domains = [{'name': 'example.com', 'contacts': {'tech': 'hostmaster', 'zone': 'hostmaster'}},
               {'name': 'example.net', 'contacts': {'admin': {'handle': 'JD1'}}}]
    declared = declarations(domains, contacts=contacts)
    assert declared == [{'name': 'example.com', 'contacts': {'tech': HOSTMASTER, 'zone': HOSTMASTER}},
                        {'name': 'example.net', 'contacts': {'admin': {'handle': 'JD1'}}}]
    declared[0]['contacts']['tech']['email'] = 'changed@example.com'
    assert HOSTMASTER['email'] == 'hostmaster@example.com' and declared[0]['contacts']['zone']['email'] == 'hostmaster@example.com'


def test_options_left_null_are_dropped_so_the_module_defaults_apply():
    domains = [{'name': 'example.com', 'state': None, 'nameservers': None, 'autorenew': False,
                'contacts': {'tech': None}}, {'name': 'example.net', 'contacts': None}]
    assert declarations(domains) == [{'name': 'example.com', 'autorenew': False}, {'name': 'example.net'}]


def test_an_undefined_reference_is_named_with_its_domain():
    with pytest.raises(AnsibleFilterError, match=r'not defined in portfolio_contacts: hostmastr \(example.com\)'):
        declarations([{'name': 'example.com', 'contacts': {'tech': 'hostmastr'}}], contacts={'hostmaster': HOSTMASTER})


@pytest.mark.parametrize('domains, contacts, message', [
    ({'name': 'example.com'}, {}, 'must be a list'),
    (['example.com'], {}, r'domains\[0\] must be a mapping'),
    ([{'name': 'example.com'}], ['hostmaster'], 'contacts must be a mapping'),
])
def test_what_is_not_a_portfolio_is_refused(domains, contacts, message):
    with pytest.raises(AnsibleFilterError, match=message):
        declarations(domains, contacts=contacts)
