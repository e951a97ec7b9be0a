# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What AutoDNS operations cost or cannot undo: a copy of its part of docs/reference/consequences.json.

Modules cannot read docs/ at run time; tests/unit/plugins/module_utils/autodns/test_consequences.py checks the copy.
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
     'autodns': {'POST /domain/_trade': {'billable': True,
                                         'irreversible': True,
                                         'why': 'a trade is a paid change of holder (InterNetX bills trades per TLD)',
                                         'sources': ["autodns-swagger.json POST /domain/_trade (summary 'Trade domain')",
                                                     'docs/reference/autodns-tld-rules.json (.be owner change by trade)']},
                 'PUT /domain/{name}/_ownerChange': {'billable': True,
                                                     'irreversible': True,
                                                     'gtld_transfer_lock': True,
                                                     'why': 'a change of holder; no public price rule for it, so billable (the safer mark)',
                                                     'sources': ['autodns-swagger.json PUT /domain/{name}/_ownerChange',
                                                                 'InterNetX/php-domainrobot-sdk (domainOwnerChange)']},
                 'domain update with a new holder': {'irreversible': True,
                                                     'gtld_transfer_lock': True,
                                                     'why': 'PUT /domain/{name} carrying a new ownerc whose name, organisation or e-mail '
                                                            'differs (confirmOwnerConsent on gTLDs)',
                                                     'sources': ['autodns-swagger.json Domain.confirmOwnerConsent',
                                                                 'docs/reference/autodns-tld-rules.json']}}}
)

TRANSFER_LOCK_DAYS = RULES['icann_change_of_registrant_lock']['days']


def marks(operation_name, gtld):
    """Operation.consequences for the registrar operation ``operation_name`` (on a gTLD or not)."""
    return consequences.rule_marks(RULES['autodns'].get(operation_name), TRANSFER_LOCK_DAYS, gtld)
