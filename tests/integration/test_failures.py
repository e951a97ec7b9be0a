# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Bad input fails before any request; a registry's refusal comes back as a failed task with its code and text."""
import pytest
from test_lifecycle import full_contacts, run

BAD_INPUT = [
    ('contacts', {'admin': {'email': 'not-an-address'}}, 'is not an e-mail address'),
    ('contacts', {'tech': {'phone': '0301234567'}}, 'international form'),
    ('contacts', {'registrant': {'country': 'Germany'}}, 'two-letter ISO 3166 code'),
    ('contacts', {}, 'one of the following is required'),
    ('locks', {}, 'one of the following is required'),
    ('renew', {'until': '2028-02-30'}, 'until must be a date'),
    ('renew', {'min_days_left': 30, 'until': '2028-01-01'}, 'mutually exclusive'),
    ('renew', {'min_days_left': 30, 'period': 11}, 'between 1 and 10 years'),
    ('domain', {'nameservers': ['a.ns14.net', 'ns1.example.com']}, 'needs a glue address'),
    ('domain', {'period': 0}, 'between 1 and 10 years'),
    ('domain', {'state': 'gone'}, 'value of state must be one of'),
    ('domain', {'name': 'exa mple.com'}, 'is not valid'),
]


@pytest.mark.parametrize('module, args, message', BAD_INPUT)
def test_bad_input_fails_clearly_and_sends_nothing(registrar, module, args, message):
    rc, out, results = run(registrar, module, **args)
    task = results['Run the module']
    assert rc != 0 and task['failed'] is True
    assert message in task['msg'], task['msg']
    assert 'Traceback' not in out
    assert registrar.journal() == []


def test_messages_ack_needs_an_id_and_only_the_head(registrar):
    rc, out, results = registrar.play('task.yml', module='messages', module_args={'action': 'ack'})
    assert rc != 0 and 'message_id' in results['Run the module']['msg']
    assert registrar.journal() == []
    rc, out, results = registrar.play('task.yml', module='messages', module_args={'action': 'ack', 'message_id': '999999'})
    assert rc != 0 and 'not the head of the queue' in results['Run the module']['msg']
    assert registrar.writes() == []


def test_transfer_with_a_wrong_auth_code_fails_with_the_registrars_status(registrar):
    rc, out, results = run(registrar, 'domain', domain='transfer-in.example', auth_code='Wr0ng-Code!',
                           contacts=full_contacts(registrar.provider))
    task = results['Run the module']
    assert rc != 0 and task['failed'] is True
    status = {'ascio': 'Authentication_Failed', 'autodns': 'FAILED'}[registrar.provider]
    transfer = [op for op in task['operations'] if 'ransfer' in op['operation']]
    assert [op['status'] for op in transfer] == [status], task
    assert 'Wr0ng-Code!' not in out
    assert results.get('Read the domain', {}).get('exists') in (None, False)


def test_diff_of_a_contact_change_shows_the_field(registrar):
    rc, out, results = run(registrar, 'contacts', '--check', '--diff', admin={'city': 'Odense'})
    assert rc == 0, out
    assert any(line.startswith('+') and 'Odense' in line for line in out.splitlines()), out
    assert registrar.writes() == []
