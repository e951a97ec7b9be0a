# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The portfolio_summary filter: the portfolio role's summary rows and lines from the module's result."""
import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.domainops.registrar.plugins.filter.portfolio_summary import FilterModule

summary = FilterModule().filters()['portfolio_summary']

SENT = {'operation': 'PUT /domain/example.com', 'request': {'nameservers': ['a.ns14.net']}, 'id': '4295611341',
        'status': 'SUCCESS', 'message': None}


def test_a_changed_and_an_unchanged_domain_in_the_order_declared():
    task = {'changed': True, 'domains': [
        {'domain': 'example.com', 'changed': True, 'operations': [SENT], 'pending': []},
        {'domain': 'example.net', 'changed': False, 'operations': [], 'pending': []}]}
    rows = summary(task)
    assert [row['line'] for row in rows] == [
        'example.com: changed | sent PUT /domain/example.com 4295611341 (SUCCESS)', 'example.net: unchanged']
    assert rows[0] == {'name': 'example.com', 'changed': True, 'failed': False, 'pending': [], 'line': rows[0]['line'],
                       'operations': [{'operation': 'PUT /domain/example.com', 'id': '4295611341', 'status': 'SUCCESS'}]}


def test_check_mode_says_would():
    planned = dict(SENT, id=None, status='planned')
    rows = summary({'domains': [{'domain': 'example.com', 'changed': True, 'operations': [planned]}]}, check_mode=True)
    assert rows[0]['line'] == 'example.com: would change | would send PUT /domain/example.com (planned)'


def test_waited_on_and_paid_until_are_added_where_they_apply():
    result = {'domain': 'example.com', 'changed': False, 'operations': [], 'renew': {'min_days_left': 30},
              'payable': '2027-03-01', 'expires': '2027-04-01',
              'pending': [{'operation': 'Nameserver_Update', 'id': 'TEST-1', 'status': 'Completed'}]}
    (row,) = summary({'domains': [result]})
    assert row['line'] == 'example.com: unchanged | waited on Nameserver_Update TEST-1 (Completed) | paid until 2027-03-01'
    (row,) = summary({'domains': [dict(result, renew=None)]})
    assert 'paid until' not in row['line']


def test_a_failed_domain_and_the_option_named_as_the_reader_sets_it():
    failed = {'domain': 'gone.example', 'failed': True, 'changed': False, 'operations': [],
              'msg': 'domain gone.example is not in this autodns account; Set register_missing: true to register it'}
    (row,) = summary({'failed': True, 'domains': [failed]}, register_missing_option='portfolio_register_missing')
    assert row['failed'] is True
    assert row['line'] == ('gone.example: FAILED: domain gone.example is not in this autodns account; '
                           'Set portfolio_register_missing: true to register it')
    assert 'Set register_missing: true' in summary({'domains': [failed]})[0]['line']


def test_operations_not_sent_say_why():
    held = dict(SENT, id=None, status='not sent', message='not sent: gone.example not in the account')
    (row,) = summary({'domains': [{'domain': 'example.com', 'changed': False, 'operations': [held]}]})
    assert row['line'] == 'example.com: not sent: gone.example not in the account (PUT /domain/example.com)'


def test_declared_names_without_a_result():
    rows = summary({'failed': True, 'msg': 'cannot reach api.autodns.com'}, names=['example.com', 'example.net'])
    assert [row['line'] for row in rows] == ['example.com: not converged: cannot reach api.autodns.com',
                                             'example.net: not converged: cannot reach api.autodns.com']
    assert summary({}, names=['example.com'])[0]['line'] == 'example.com: not converged (an earlier step failed)'


@pytest.mark.parametrize('task', ['a string', {'domains': 'not a list'}, {'domains': ['not a mapping']}])
def test_what_is_not_a_portfolio_result_is_refused(task):
    with pytest.raises(AnsibleFilterError, match='portfolio_summary'):
        summary(task)
