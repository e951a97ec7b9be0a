# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What Ascio operations cost or cannot undo: a copy of its part of docs/reference/consequences.json.

Modules cannot read docs/ at run time; tests/unit/plugins/module_utils/ascio/test_consequences.py checks the copy.
"""
from ansible_collections.domainops.registrar.plugins.module_utils.core import consequences

RULES = (
    {'icann_change_of_registrant_lock': {'days': 60,
                                         'applies_to': "gTLDs: a change of the registrant's name, organisation or e-mail address (a Change of "
                                                       'Registrant)',
                                         'opt_out': 'the prior registrant may opt out before the change where the registrar offers it; this '
                                                    'collection sends no opt-out, so the lock is assumed',
                                         'sources': ['ICANN Transfer Policy (effective 2016-12-01), Part II (Inter-Registrant Transfer), as '
                                                     'summarised by https://support.dnsimple.com/articles/icann-60-day-lock-registrant-change/ '
                                                     "('registrars must impose a lock that will prevent any transfer to another registrar for "
                                                     "sixty (60) days following a change to a registrant's information. Registrars may (but "
                                                     'are not required to) allow registrants to opt out of the 60-day lock prior to the change '
                                                     "of registrant request.')",
                                                     'https://www.uniregistry.help/hc/en-us/articles/115001624708-ICANN-Transfer-Policy-December-2016 '
                                                     "('Change of Registrant: Any change to the Registrant contact data for a domain including "
                                                     "Name, Organization and/or Email address')"]},
     'ascio': {'Owner_Change': {'billable': True,
                                'irreversible': True,
                                'gtld_transfer_lock': True,
                                'why': "a new holder takes the domain (irreversible without the new holder's consent); Ascio's order for a "
                                       'trade, which many registries charge for: no public Ascio price rule, so billable (the safer mark)',
                                'sources': ['docs/reference/ascio-rules.json registrant_identity (which changes are an Owner_Change)',
                                            'http://aws.ascio.info/domains-api-v2/php5/domain-status.html (Owner_Change among the order '
                                            'types)']},
               'Delete_Domain': {'irreversible': True,
                                 'why': "immediate; only a restore (billable, within the registry's grace period) brings it back",
                                 'sources': ['docs/reference/ascio-rules.json lock_blocks_order (Delete_Domain)']}}}
)

TRANSFER_LOCK_DAYS = RULES['icann_change_of_registrant_lock']['days']


def marks(operation_name, gtld):
    """Operation.consequences for the registrar operation ``operation_name`` (on a gTLD or not)."""
    return consequences.rule_marks(RULES['ascio'].get(operation_name), TRANSFER_LOCK_DAYS, gtld)
