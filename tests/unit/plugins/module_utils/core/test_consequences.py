# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What planned operations mean (core/consequences.py), and what each registrar marks."""
import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import write as ascio_write
from ansible_collections.domainops.registrar.plugins.module_utils.core import consequences
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Operation


def op(aspects, name='X', **marks):
    return Operation(name, 'example.com', tuple(aspects), {}, consequences=marks)


@pytest.mark.parametrize('aspect,billable,irreversible', [
    ('register', True, False), ('transfer', True, False), ('restore', True, False), ('renew', True, False),
    ('delete', False, True), ('expire', False, False), ('nameservers', False, False), ('locks', False, False),
])
def test_the_aspects_give_the_defaults(aspect, billable, irreversible):
    marks = consequences.marks(op([aspect]))
    assert (marks['billable'], marks['irreversible'], marks['locks_transfer_days']) == (billable, irreversible, None)


def test_the_registrar_adds_what_its_rules_say():
    marks = consequences.marks(op(['registrant'], irreversible=True, locks_transfer_days=60))
    assert marks['irreversible'] is True and marks['locks_transfer_days'] == 60 and marks['billable'] is False


def test_allow_refuses_the_kinds_it_does_not_list():
    ops = [op(['renew'], 'Renew'), op(['delete'], 'Delete'), op(['nameservers'], 'Update')]
    assert consequences.refused(ops, None) == []
    assert [(o.name, k) for o, k in consequences.refused(ops, ['irreversible'])] == [('Renew', ['billable'])]
    assert [(o.name, k) for o, k in consequences.refused(ops, [])] == [('Renew', ['billable']), ('Delete', ['irreversible'])]
    message = consequences.refusal_message(consequences.refused(ops, []), [])
    assert message.startswith('allow lists nothing; refusing example.com Renew (billable); example.com Delete (irreversible)')
    assert 'nothing was sent' in message


@pytest.mark.parametrize('domain,days', [('example.com', 60), ('example.dk', None)])
def test_an_ascio_owner_change_is_billable_irreversible_and_locks_gtlds_for_sixty_days(domain, days):
    operation = ascio_write._operation('Owner_Change', domain, ['registrant'], {'DomainName': domain})
    marks = consequences.marks(operation)
    assert marks['billable'] and marks['irreversible'] and marks['locks_transfer_days'] == days
