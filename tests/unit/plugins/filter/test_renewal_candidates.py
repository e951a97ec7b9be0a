# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The renewal_candidates filter: which domains a renewal considers and which are due."""
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.filter.renewal_candidates import FilterModule

candidates = FilterModule().filters()['renewal_candidates']

DOMAINS = [
    {'name': 'soon.example', 'payable': '2026-12-20', 'expires': '2027-01-20'},
    {'name': 'later.example', 'payable': None, 'expires': '2027-06-01'},
    {'name': 'edge.example', 'payable': '2026-12-31'},
    {'name': 'undated.example', 'payable': None, 'expires': None},
]


def test_days_count_from_payable_else_expires_and_only_fewer_than_the_window_are_selected():
    rows = candidates(DOMAINS, within_days=30, today='2026-12-01')
    assert rows == [
        {'name': 'soon.example', 'paid_until': '2026-12-20', 'days_left': 19, 'selected': True},
        {'name': 'later.example', 'paid_until': '2027-06-01', 'days_left': 182, 'selected': False},
        {'name': 'edge.example', 'paid_until': '2026-12-31', 'days_left': 30, 'selected': False},
        {'name': 'undated.example', 'paid_until': None, 'days_left': None, 'selected': False},
    ]


def test_without_a_window_every_domain_is_selected_and_the_window_may_be_text():
    assert all(row['selected'] for row in candidates(DOMAINS, today='2026-12-01'))
    assert [row['selected'] for row in candidates(DOMAINS, within_days='31', today='2026-12-01')] == [True, False, True, False]


def test_today_defaults_to_the_controllers_date():
    import datetime
    today = datetime.date.today()
    (row,) = candidates([{'name': 'a.example', 'expires': (today + datetime.timedelta(days=5)).isoformat()}], within_days=30)
    assert row['days_left'] == 5 and row['selected']


@pytest.mark.parametrize('domains, kwargs, message', [
    ({'name': 'a.example'}, {}, 'must be a list'),
    (['a.example'], {}, 'domains[0] must be a mapping'),
    ([{'name': 'a.example', 'expires': '2027-01-01T00:00:00Z'}], {}, 'a.example: the date it is paid until is not a date'),
    ([], {'today': 'tomorrow'}, 'today is not a date'),
    ([], {'within_days': 'thirty'}, 'within_days must be a whole number'),
])
def test_bad_input_says_what_is_wrong(domains, kwargs, message):
    with pytest.raises(AnsibleFilterError, match=message.replace('[', r'\[').replace(']', r'\]')):
        candidates(domains, **kwargs)
