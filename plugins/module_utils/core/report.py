# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What needs an operator's attention in an account, from one bulk read: pure, no I/O.

Findings: paid for fewer than N more days, automatic renewal off, no transfer lock, and
(given a declared portfolio) domains that differ from it or are declared but missing.
"""
import datetime

from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

EXPIRING = 'expiring'
AUTORENEW_OFF = 'autorenew_off'
NO_TRANSFER_LOCK = 'no_transfer_lock'
DIFFERS = 'differs'
MISSING = 'missing'
UNDECLARED = 'undeclared'
KINDS = (EXPIRING, AUTORENEW_OFF, NO_TRANSFER_LOCK, DIFFERS, MISSING, UNDECLARED)


def paid_until(domain):
    """The date the domain is paid until (AutoDNS payable, else expiry)."""
    return domain.payable or domain.expires


def finding(domain, kind, detail, **data):
    item = {'domain': domain, 'finding': kind, 'detail': detail}
    item.update(data)
    return item


def findings(domains, within_days=None, autorenew_off=False, no_transfer_lock=False, declared=None,
             undeclared=False, today=None):
    """The findings for ``domains`` (Domains read in bulk), sorted by domain then kind.

    ``declared`` (DesiredDomains) adds one ``differs`` finding per declared domain whose
    state differs (naming the aspects) and one ``missing`` per declared domain not in the
    account; ``undeclared`` adds one per domain of the account the declaration does not list.
    """
    today = today or datetime.date.today()
    found = []
    by_name = dict((d.name, d) for d in domains)
    for domain in domains:
        paid = paid_until(domain)
        if within_days is not None and paid is not None:
            left = (paid - today).days
            if left <= within_days:
                found.append(finding(domain.name, EXPIRING, 'paid until %s (%d days left)' % (paid.isoformat(), left),
                                     paid_until=paid.isoformat(), days_left=left))
        if autorenew_off and domain.autorenew is False:
            found.append(finding(domain.name, AUTORENEW_OFF, 'automatic renewal is off'))
        if no_transfer_lock and domain.locks.transfer is False:
            found.append(finding(domain.name, NO_TRANSFER_LOCK, 'not locked against transfers away'))
    if declared is not None:
        names = set()
        for desired in declared:
            names.add(desired.name)
            current = by_name.get(desired.name)
            if current is None:
                if desired.present:
                    found.append(finding(desired.name, MISSING, 'declared but not in the account'))
                continue
            changes = plan(current, desired, today=today)
            if changes:
                aspects = sorted(set(c.aspect for c in changes))
                found.append(finding(desired.name, DIFFERS, 'differs from the declaration in: %s' % ', '.join(aspects),
                                     aspects=aspects))
        if undeclared:
            for domain in domains:
                if domain.name not in names:
                    found.append(finding(domain.name, UNDECLARED, 'in the account but not declared'))
    return sorted(found, key=lambda f: (f['domain'], KINDS.index(f['finding'])))


def line(item):
    """One readable line per finding: ``example.com: expiring: paid until 2027-01-03 (32 days left)``."""
    return '%s: %s: %s' % (item['domain'], item['finding'], item['detail'])
