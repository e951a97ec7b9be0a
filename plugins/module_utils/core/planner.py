# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Compare the declared state of a domain with the current one; return the minimal changes.

Pure functions: no I/O, no registrar rules. How a change becomes an order (Ascio) or a
task (AutoDNS) is the adapters' business; the planner only says *what* differs, in the
order in which it is safe to change it.
"""
import datetime
from dataclasses import dataclass, fields, replace

from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.aspects import RenewTarget, add_years
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, Locks, Privacy
from ansible_collections.domainops.registrar.plugins.module_utils.core.normalize import contact_field, host_name
from ansible_collections.domainops.registrar.plugins.module_utils.core.validation import is_subordinate

# The order and the stages are the aspect table's (core/aspects.py).
ASPECT_ORDER = aspects.PLANNED
# What later operations need finished first: the domain must exist, and a lock that blocks
# updates must be released, before anything else is changed.
PREREQUISITE_ASPECTS = aspects.PREREQUISITES
# Set only once every earlier change is done (a lock would block them; deletion ends the domain).
FINAL_ASPECTS = aspects.FINALS
# Check mode's prediction applies each change through its row of the table.
predict = aspects.predict


def depends_on(later, earlier):
    """Whether an operation carrying aspects ``later`` must wait for one carrying ``earlier``."""
    return any(a in PREREQUISITE_ASPECTS for a in earlier) or any(a in FINAL_ASPECTS for a in later)


@dataclass(frozen=True)
class Change:
    """One aspect of a domain that differs. ``before``/``after`` are model values."""
    aspect: str
    before: object
    after: object


def plan(current, desired, today=None):
    """Changes that bring ``current`` (a Domain, or None when absent) to ``desired``."""
    if not desired.present:
        return _plan_absent(current, desired)
    if current is None:
        if desired.restore:
            return [Change(aspects.RESTORE, None, desired)]
        aspect = aspects.TRANSFER if desired.auth_code else aspects.REGISTER
        return [Change(aspect, None, desired)]
    changes = list(_plan_contacts(current, desired))
    ns = _plan_nameservers(current, desired)
    if ns:
        changes.append(ns)
    dnssec = _plan_dnssec(current, desired)
    if dnssec:
        changes.append(dnssec)
    if desired.new_auth_code is not None and desired.new_auth_code != current.auth_code:
        changes.append(Change(aspects.AUTH_CODE, current.auth_code, desired.new_auth_code))
    if desired.autorenew is not None and desired.autorenew != current.autorenew:
        changes.append(Change(aspects.AUTORENEW, current.autorenew, desired.autorenew))
    renew = _plan_renew(current, desired, today or datetime.date.today())
    if renew:
        changes.append(renew)
    privacy = _plan_privacy(current, desired)
    if privacy:
        changes.append(privacy)
    changes.extend(_plan_locks(current, desired, other_changes=bool(changes)))
    return sorted(changes, key=lambda c: aspects.order(c.aspect))


def _plan_absent(current, desired):
    if current is None:
        return []
    if desired.delete_mode == 'expire':
        if current.autorenew is False:
            return []  # already set to lapse at the end of its term
        return [Change(aspects.EXPIRE, current.expires, None)]
    return [Change(aspects.DELETE, current.name, None)]


def nameserver_key(ns, domain):
    """What identifies a name server for comparison: glue only matters inside the domain."""
    name = host_name(ns.name)
    if is_subordinate(name, domain):
        return (name, ns.ipv4, ns.ipv6)
    return (name, None, None)


def _plan_nameservers(current, desired):
    if desired.nameservers is None:
        return None
    have = set(nameserver_key(ns, current.name) for ns in current.nameservers)
    want = set(nameserver_key(ns, current.name) for ns in desired.nameservers)
    if have == want:
        return None
    return Change(aspects.NAMESERVERS, tuple(current.nameservers), tuple(desired.nameservers))


def _plan_dnssec(current, desired):
    """The DS/DNSKEY records as a set: order and hex case do not count; [] removes them all."""
    if desired.dnssec is None:
        return None
    if set(k.key() for k in current.dnssec) == set(k.key() for k in desired.dnssec):
        return None
    return Change(aspects.DNSSEC, tuple(current.dnssec), tuple(desired.dnssec))


def contact_differences(current, declared):
    """Field names whose declared value differs from the current contact."""
    current = current or Contact()
    diffs = []
    for f in fields(Contact):
        want = getattr(declared, f.name)
        if want is None:
            continue  # not declared: keep whatever the registrar holds
        if contact_field(f.name, want) != contact_field(f.name, getattr(current, f.name)):
            diffs.append(f.name)
    return diffs


def merge_contact(current, declared):
    """The contact after the change: current data with the declared fields applied.

    A declared handle names another contact: its data is the registrar's, not the
    current contact's, so nothing of the current one is carried over.
    """
    if declared.handle is not None:
        return declared
    current = current or Contact()
    updates = dict((f.name, getattr(declared, f.name)) for f in fields(Contact)
                   if getattr(declared, f.name) is not None)
    if 'address' in updates:
        updates['address'] = tuple(updates['address'])
    if 'handle' not in updates:
        # New data: which handle holds it is the adapter's decision (reuse, create, update).
        updates['handle'] = None
    return replace(current, **updates)


def _plan_contacts(current, desired):
    if not desired.contacts:
        return []
    changes = []
    before, after = {}, {}
    for role in sorted(desired.contacts):
        declared = desired.contacts[role]
        have = current.contacts.get(role)
        if not contact_differences(have, declared):
            continue
        merged = merge_contact(have, declared)
        if role == 'registrant':
            changes.append(Change(aspects.REGISTRANT, have, merged))
        else:
            before[role], after[role] = have, merged
    if after:
        changes.append(Change(aspects.CONTACTS, before, after))
    return changes


def _plan_locks(current, desired, other_changes):
    """The lock change, as 'unlock' (before other changes) or 'locks' (after them)."""
    if desired.locks is None:
        return []
    wanted = dict((f.name, getattr(desired.locks, f.name)) for f in fields(Locks)
                  if getattr(desired.locks, f.name) is not None)
    # A lock the registrar does not report (None) cannot be on: declaring it off needs nothing.
    differing = dict((k, v) for k, v in wanted.items()
                     if getattr(current.locks, k) != v and not (v is False and getattr(current.locks, k) is None))
    if not differing:
        return []
    after = replace(current.locks, **wanted)
    # Releasing the update lock must come before the other changes it would block.
    aspect = aspects.UNLOCK if other_changes and differing.get('update') is False else aspects.LOCKS
    return [Change(aspect, current.locks, after)]


def renewal_target(policy, today):
    """The date the domain must be paid until, per the declared policy."""
    if policy.until is not None:
        return policy.until
    if policy.min_days_left is not None:
        return today + datetime.timedelta(days=policy.min_days_left)
    raise InputError('renew needs either until or min_days_left')


def _plan_renew(current, desired, today):
    policy = desired.renew
    if policy is None:
        return None
    paid_until = current.payable or current.expires
    if paid_until is None:
        raise InputError('%s: the registrar did not report an expiry date; cannot decide on renewal'
                         % current.name)
    target = renewal_target(policy, today)
    if paid_until >= target:
        return None
    reaches = add_years(paid_until, policy.period)
    if reaches < target:
        raise InputError('%s is paid until %s; a renewal of %d year(s) reaches %s, short of %s: '
                         'raise period' % (current.name, paid_until, policy.period, reaches, target))
    return Change(aspects.RENEW, paid_until, RenewTarget(period=policy.period, paid_until=paid_until, reaches=reaches,
                                                         price_guard=desired.price_guard))


def _plan_privacy(current, desired):
    """The privacy change: the declared service, and the per-contact flags that are declared."""
    if desired.privacy is None:
        return None
    have = current.privacy or Privacy(service=None)
    flags = dict((f.name, getattr(desired.privacy, f.name)) for f in fields(Privacy)
                 if f.name != 'service' and getattr(desired.privacy, f.name) is not None)
    if desired.privacy.service == have.service and all(getattr(have, k) == v for k, v in flags.items()):
        return None
    after = replace(current.privacy or Privacy(), service=desired.privacy.service, **flags)
    return Change(aspects.PRIVACY, current.privacy, after)
