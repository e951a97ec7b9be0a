# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Task options that must fail before any request: renewal targets and contact data."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError


def test_renew_period_zero_is_refused_not_turned_into_one():
    with pytest.raises(InputError, match='period must be between 1 and 10 years, got 0'):
        module_options.renew_policy({'period': 0, 'min_days_left': 30})
    assert module_options.renew_policy({'period': None, 'min_days_left': 30}).period == 1


@pytest.mark.parametrize('until', ['2028-01-31junk', '2028-01-31T00:00', '2028-1-31', '31.01.2028'])
def test_until_with_anything_but_a_date_is_refused(until):
    with pytest.raises(InputError, match='until must be a date as YYYY-MM-DD'):
        module_options.renew_policy({'period': 1, 'until': until})


def test_until_as_a_date():
    assert module_options.renew_policy({'period': 1, 'until': '2028-01-31'}).until == datetime.date(2028, 1, 31)


@pytest.mark.parametrize('days', [-1, 3654, 10 ** 9])
def test_min_days_left_beyond_ten_years_or_negative_is_refused(days):
    with pytest.raises(InputError, match='min_days_left must be between 0 and 3653'):
        module_options.renew_policy({'period': 1, 'min_days_left': days})


@pytest.mark.parametrize('field, value', [
    ('city', 'Berlin\x00'), ('organization', 'Example\x1b[31m'), ('first_name', 'Erika\r\nBcc: x'),
    ('last_name', 'Muster\tmann'),
])
def test_contact_fields_with_control_characters_are_refused(field, value):
    with pytest.raises(InputError, match='contains a control character'):
        module_options.contact('admin', {field: value}, 'autodns')


def test_address_lines_with_control_characters_are_refused():
    with pytest.raises(InputError, match='address line .* contains a control character'):
        module_options.contact('admin', {'address': ['Example Street 1\n']}, 'ascio')


@pytest.mark.parametrize('field, value', [('email', 'hostmaster@example.com\n'), ('phone', '+49.301234567\n'),
                                          ('fax', '+49.301234567\n')])
def test_email_and_phone_with_a_trailing_newline_are_refused(field, value):
    with pytest.raises(InputError):
        module_options.contact('tech', {field: value})


@pytest.mark.parametrize('provider', ['ascio', 'autodns'])
@pytest.mark.parametrize('field, length', [('city', 256), ('postal_code', 17), ('email', 255), ('phone', 18)])
def test_contact_fields_longer_than_the_registrar_accepts_are_refused(provider, field, length):
    value = {'email': 'a' * (length - 12) + '@example.com', 'phone': '+49.' + '1' * (length - 4)}.get(field, 'x' * length)
    with pytest.raises(InputError, match='%s is %d characters long; the registrar accepts at most' % (field, length)):
        module_options.contact('admin', {field: value}, provider)


def test_more_address_lines_than_the_registrar_holds_are_refused():
    module_options.contact('admin', {'address': ['1', '2', '3']}, 'autodns')
    with pytest.raises(InputError, match='3 address lines given; the registrar holds at most 2'):
        module_options.contact('admin', {'address': ['1', '2', '3']}, 'ascio')


def test_a_contact_at_the_limits_is_accepted():
    contact = module_options.contact('admin', {'city': 'x' * 255, 'postal_code': '1' * 16, 'country': 'de',
                                               'email': 'hostmaster@example.com', 'phone': '+49.301234567'}, 'autodns')
    assert contact.country == 'DE' and len(contact.city) == 255


def test_a_wrong_format_is_reported_rather_than_its_length():
    with pytest.raises(InputError, match='two-letter ISO 3166 code'):
        module_options.contact('registrant', {'country': 'Germany'}, 'ascio')


def test_declared_contacts_are_checked_once_and_each_caller_gets_its_own_mapping():
    roles = {'registrant': {'first_name': 'Erika', 'email': 'erika@example.com', 'country': 'de'}, 'admin': None}
    first = module_options.declared_contacts(roles, 'autodns')
    first['tech'] = 'changed by this caller'
    second = module_options.declared_contacts(roles, 'autodns')
    assert set(second) == {'registrant'} and second['registrant'].country == 'DE'
    assert second['registrant'] is first['registrant']
    assert module_options.declared_contacts({}, 'autodns') is None


def test_a_refused_declared_contact_is_refused_every_time():
    roles = {'registrant': {'email': 'not-an-address'}}
    with pytest.raises(InputError, match='not an e-mail address'):
        module_options.declared_contacts(roles, 'autodns')
    with pytest.raises(InputError, match='not an e-mail address'):  # a refusal is not remembered as checked
        module_options.declared_contacts(roles, 'autodns')
