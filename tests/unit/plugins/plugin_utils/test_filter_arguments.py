# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.plugin_utils.filter_arguments import FilterArguments

ARGUMENTS = FilterArguments('some_filter')


def test_the_right_shapes_are_handed_back_as_they_are():
    rows = [{'name': 'example.com'}]
    assert ARGUMENTS.listed(rows, 'the domains') is rows
    assert ARGUMENTS.mapping(rows[0], 'domains[0]') is rows[0]
    assert ARGUMENTS.optional_mapping(rows[0], 'domains[0]') is rows[0]


def test_an_option_not_given_reads_as_empty_only_where_it_may():
    assert ARGUMENTS.optional_mapping(None, 'renewed') == {}
    with pytest.raises(AnsibleFilterError, match=r'^some_filter: domains\[3\] must be a mapping, got NoneType$'):
        ARGUMENTS.mapping(None, 'domains[3]')


@pytest.mark.parametrize('check, value, message', [
    ('listed', {'name': 'example.com'}, 'the domains must be a list, got dict'),
    ('listed', 'example.com', 'the domains must be a list, got str'),
    ('mapping', ['example.com'], 'the domains must be a mapping, got list'),
    ('optional_mapping', 'example.com', 'the domains must be a mapping, got str'),
])
def test_a_wrong_shape_names_the_filter_the_argument_and_what_came(check, value, message):
    with pytest.raises(AnsibleFilterError) as raised:
        getattr(ARGUMENTS, check)(value, 'the domains')
    assert str(raised.value) == 'some_filter: ' + message


def test_fail_prefixes_the_filter_name():
    with pytest.raises(AnsibleFilterError, match='^some_filter: today is not a date$'):
        ARGUMENTS.fail('today is not a date')
