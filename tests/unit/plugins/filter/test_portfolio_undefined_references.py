# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The portfolio_undefined_references filter: what the portfolio role refuses before anything is sent."""
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.filter.portfolio_declarations import FilterModule as Declarations
from ansible_collections.domainops.registrar.plugins.filter.portfolio_undefined_references import FilterModule

undefined = FilterModule().filters()['portfolio_undefined_references']
declarations = Declarations().filters()['portfolio_declarations']

CONTACTS = {'hostmaster': {'first_name': 'Host', 'last_name': 'Master', 'email': 'hostmaster@example.com'}}
INLINE = {'organization': 'Example Ltd', 'email': 'domains@example.com'}


def test_every_reference_without_a_definition_in_the_order_given():
    domains = [{'name': 'example.com', 'contacts': {'tech': 'hostmaster', 'admin': 'hostmastr'}},
               {'name': 'example.net', 'contacts': {'registrant': INLINE, 'admin': None, 'tech': 'nobody'}},
               {'name': 'example.org'},
               {'name': 'example.de', 'contacts': None}]
    assert undefined(domains, contacts=CONTACTS) == [
        {'domain': 'example.com', 'role': 'admin', 'reference': 'hostmastr'},
        {'domain': 'example.net', 'role': 'tech', 'reference': 'nobody'}]


def test_it_finds_exactly_what_the_declarations_filter_refuses():
    good = [{'name': 'example.com', 'contacts': {'tech': 'hostmaster', 'registrant': INLINE}}]
    assert undefined(good, contacts=CONTACTS) == []
    declarations(good, contacts=CONTACTS)
    bad = [{'name': 'example.com', 'contacts': {'tech': 'hostmastr'}}]
    assert undefined(bad, contacts=CONTACTS) == [{'domain': 'example.com', 'role': 'tech', 'reference': 'hostmastr'}]
    with pytest.raises(AnsibleFilterError, match='hostmastr'):
        declarations(bad, contacts=CONTACTS)


def test_without_definitions_every_reference_is_undefined():
    assert undefined([{'name': 'example.com', 'contacts': {'tech': 'hostmaster'}}]) == [
        {'domain': 'example.com', 'role': 'tech', 'reference': 'hostmaster'}]


@pytest.mark.parametrize('domains, contacts, message', [
    ({'name': 'example.com'}, None, 'the domains must be a list'),
    ([], ['hostmaster'], 'contacts must be a mapping'),
])
def test_bad_input_says_what_is_wrong(domains, contacts, message):
    with pytest.raises(AnsibleFilterError, match=message):
        undefined(domains, contacts=contacts)
