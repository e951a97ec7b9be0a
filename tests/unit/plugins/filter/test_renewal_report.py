# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The renewal_report filter: the renewal role's report rows and lines."""
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.filter.renewal_report import FilterModule

report = FilterModule().filters()['renewal_report']

DUE = {'name': 'soon.example', 'paid_until': '2026-12-20', 'days_left': 19, 'selected': True}
LATER = {'name': 'later.example', 'paid_until': '2027-06-01', 'days_left': 182, 'selected': False}
UNDATED = {'name': 'undated.example', 'paid_until': None, 'days_left': None, 'selected': False}
SENT = {'operation': 'Renew_Domain', 'id': 'TEST-000123', 'status': 'Completed'}
RENEWED = {'changed': True, 'domains': [{'domain': 'soon.example', 'changed': True, 'operations': [SENT],
                                         'payable': '2027-12-20', 'expires': '2028-01-20'}]}


def lines(*args, **kwargs):
    return [row['line'] for row in report(*args, **kwargs)]


def test_a_confirmed_renewal_whose_message_was_acknowledged_and_a_domain_outside_the_window():
    rows = report([DUE, LATER], renewed=RENEWED, acknowledged=[{'id': 4711, 'reference': 'TEST-000123'}], within_days=30)
    assert [row['line'] for row in rows] == [
        'soon.example: renewed | sent Renew_Domain TEST-000123 (Completed) | paid until 2026-12-20 -> 2027-12-20 (confirmed)'
        ' | message 4711 acknowledged',
        'later.example: paid until 2027-06-01 (182 days left), outside the 30-day window: not renewed']
    assert rows[0] == dict(DUE, renewed=True, failed=False, paid_until_after='2027-12-20', confirmed=True,
                           operations=[SENT], unacknowledged=[], line=rows[0]['line'])
    assert not rows[1]['renewed'] and rows[1]['unacknowledged'] == []


def test_an_unchanged_date_is_not_confirmed():
    renewed = {'domains': [dict(RENEWED['domains'][0], payable='2026-12-20', expires='2026-12-20')]}
    (row,) = report([DUE], renewed=renewed, acknowledged=[{'id': 1, 'reference': 'TEST-000123'}])
    assert row['renewed'] and not row['confirmed']
    assert row['line'].endswith('paid until 2026-12-20 -> 2026-12-20 | message 1 acknowledged')


def test_check_mode_says_would_and_acknowledges_nothing():
    planned = {'domains': [dict(RENEWED['domains'][0], operations=[dict(SENT, id=None, status='planned')])]}
    (row,) = report([DUE], renewed=planned, check_mode=True)
    assert row['line'] == 'soon.example: would renew | would send Renew_Domain (planned) | paid until 2026-12-20 -> 2027-12-20'
    assert not row['renewed'] and not row['confirmed']


@pytest.mark.parametrize('kwargs, tail', [
    ({'acknowledge': False}, ' | messages left in the queue (renewal_acknowledge_messages is false)'),
    ({'remaining': {'id': 'm9', 'reference': 'X-1'}},
     ' | message of TEST-000123 not acknowledged: the queue is headed by message m9 (about X-1, not sent by this run)'),
    ({'remaining': {'id': 'm9', 'reference': None}},
     ' | message of TEST-000123 not acknowledged: the queue is headed by message m9 (about something else, not sent by this run)'),
    ({}, ' | no message of TEST-000123 in the queue yet'),
])
def test_a_message_not_acknowledged_says_why(kwargs, tail):
    (row,) = report([DUE], renewed=RENEWED, **kwargs)
    assert row['line'].endswith('(confirmed)' + tail)
    assert row['unacknowledged'] == ['TEST-000123']


def test_failures_name_their_cause():
    failed = {'failed': True, 'msg': 'POST /domain/_renew failed', 'domains': [
        {'domain': 'soon.example', 'failed': True, 'msg': 'refused: 500 not payable', 'operations': []}]}
    assert lines([DUE, dict(DUE, name='other.example')], renewed=failed) == [
        'soon.example: FAILED: refused: 500 not payable',
        'other.example: paid until 2026-12-20 (19 days left): not renewed: POST /domain/_renew failed']
    assert lines([DUE], renewed={}) == ['soon.example: paid until 2026-12-20 (19 days left): not renewed (an earlier step failed)']
    assert lines([DUE], renewed={'domains': [{'domain': 'soon.example', 'changed': False, 'operations': []}]}) == [
        'soon.example: paid until 2026-12-20 (19 days left): no renewal needed']


def test_for_the_whole_account_only_the_due_and_the_undated_are_listed():
    assert [row['name'] for row in report([DUE, LATER, UNDATED], renewed=RENEWED, whole_account=True)] == [
        'soon.example', 'undated.example']
    assert lines([UNDATED]) == ['undated.example: paid until None, no expiry date reported: not renewed']


@pytest.mark.parametrize('args, kwargs, message', [
    (({},), {}, 'candidates must be a list'),
    (([DUE],), {'renewed': []}, 'renewed .* must be a mapping'),
    (([DUE],), {'renewed': {'domains': {}}}, "domains must be a list"),
    (([DUE],), {'acknowledged': ['4711']}, r'acknowledged\[0\] must be a mapping'),
])
def test_bad_input_says_what_is_wrong(args, kwargs, message):
    with pytest.raises(AnsibleFilterError, match=message):
        report(*args, **kwargs)
