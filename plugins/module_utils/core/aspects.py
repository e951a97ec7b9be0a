# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The aspects of a domain, one row each: the only place that names them.

A row says what the aspect is called (the planner's ``Change.aspect``, the modules' ``aspects``,
the key of the adapters' pending-order maps), where it stands in the order in which changing is
safe (the table's order), which keys of ``Domain.to_dict`` it shows in results and diffs, and how
check mode's prediction applies its change. Registrar operation names (Ascio order types, AutoDNS
job actions) are registrar facts: the adapters map them to these constants.
"""
import datetime
from dataclasses import dataclass, replace

from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Domain, Locks, PriceGuard

REGISTER = 'register'
TRANSFER = 'transfer'
RESTORE = 'restore'
UNLOCK = 'unlock'
REGISTRANT = 'registrant'
CONTACTS = 'contacts'
NAMESERVERS = 'nameservers'
DNSSEC = 'dnssec'
AUTH_CODE = 'auth_code'
AUTORENEW = 'autorenew'
RENEW = 'renew'
PRIVACY = 'privacy'
LOCKS = 'locks'
EXPIRE = 'expire'
DELETE = 'delete'
# Shown, never planned: whether the domain exists and in which registry state.
STATUS = 'status'

# Stages: what must end before later changes (the domain exists, a blocking lock is released),
# ordinary updates, what is set once every earlier change is done, and what is only shown.
PREREQUISITE, UPDATE, FINAL, SHOWN = 'prerequisite', 'update', 'final', 'shown'


@dataclass(frozen=True)
class RenewTarget:
    """A renewal: ``period`` years from ``paid_until`` (the date the registrar reports), reaching ``reaches``."""
    period: int
    paid_until: datetime.date
    reaches: datetime.date
    #: The task's spending guard, for the adapter that prices the renewal.
    price_guard: PriceGuard = None


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def from_desired(desired):
    """The domain a registration, transfer or restore is expected to produce."""
    return Domain(name=desired.name, nameservers=tuple(desired.nameservers or ()),
                  contacts=dict(desired.contacts or {}), locks=desired.locks or Locks(),
                  autorenew=desired.autorenew, privacy=desired.privacy)


def _created(domain, change):
    return from_desired(change.after)


def _nameservers(domain, change):
    return replace(domain, nameservers=tuple(change.after))


def _dnssec(domain, change):
    return replace(domain, dnssec=tuple(change.after))


def _registrant(domain, change):
    return replace(domain, contacts=dict(domain.contacts, registrant=change.after))


def _contacts(domain, change):
    return replace(domain, contacts=dict(domain.contacts, **change.after))


def _locks(domain, change):
    return replace(domain, locks=change.after)


def _autorenew(domain, change):
    return replace(domain, autorenew=change.after)


def _auth_code(domain, change):
    return replace(domain, auth_code=change.after)


def _privacy(domain, change):
    return replace(domain, privacy=change.after)


def _renew(domain, change):
    paid = change.after.reaches
    return replace(domain, expires=paid if domain.expires else None, payable=paid if domain.payable else None)


def _expire(domain, change):
    return replace(domain, autorenew=False)


def _delete(domain, change):
    return None


def _unchanged(domain, change):
    return domain


@dataclass(frozen=True)
class Aspect:
    name: str
    stage: str
    #: Keys of Domain.to_dict shown in results and diffs for a task that manages this aspect.
    shows: tuple
    #: (domain, change) -> the domain once the change is done (check mode's prediction).
    apply: object


# In the order in which changing them is safe: the domain must exist first; a lock that blocks
# updates is released before the updates and set after them; expiry and deletion come last.
# The auth code is never shown (a secret).
TABLE = (
    Aspect(REGISTER, PREREQUISITE, (STATUS,), _created),
    Aspect(TRANSFER, PREREQUISITE, (STATUS,), _created),
    Aspect(RESTORE, PREREQUISITE, (STATUS,), _created),
    Aspect(UNLOCK, PREREQUISITE, ('locks',), _locks),
    Aspect(REGISTRANT, UPDATE, ('contacts',), _registrant),
    Aspect(CONTACTS, UPDATE, ('contacts',), _contacts),
    Aspect(NAMESERVERS, UPDATE, ('nameservers',), _nameservers),
    Aspect(DNSSEC, UPDATE, ('dnssec',), _dnssec),
    Aspect(AUTH_CODE, UPDATE, (), _auth_code),
    Aspect(AUTORENEW, UPDATE, ('autorenew',), _autorenew),
    Aspect(RENEW, UPDATE, ('expires', 'payable'), _renew),
    Aspect(PRIVACY, UPDATE, ('privacy',), _privacy),
    Aspect(LOCKS, FINAL, ('locks',), _locks),
    Aspect(EXPIRE, FINAL, ('autorenew', 'expires'), _expire),
    Aspect(DELETE, FINAL, (STATUS,), _delete),
    Aspect(STATUS, SHOWN, (STATUS,), _unchanged),
)
BY_NAME = dict((row.name, row) for row in TABLE)

#: The aspects the planner produces, in the safe order.
PLANNED = tuple(row.name for row in TABLE if row.stage != SHOWN)
PREREQUISITES = tuple(row.name for row in TABLE if row.stage == PREREQUISITE)
FINALS = tuple(row.name for row in TABLE if row.stage == FINAL)


def order(name):
    """Where the aspect stands among the others (sort key)."""
    return PLANNED.index(name)


def shown_keys(names):
    """The result and diff keys of a task managing the aspects ``names``, in table order, once each."""
    unknown = sorted(set(names) - set(BY_NAME))
    if unknown:
        raise ValueError('not aspects: %s (see core/aspects.py TABLE)' % ', '.join(unknown))
    keys = []
    for row in TABLE:
        if row.name in names:
            keys.extend(key for key in row.shows if key not in keys)
    return tuple(keys)


def pending_keys(names):
    """What a task asks the adapter's pending-order map about: its aspects, checked against the table."""
    unknown = sorted(set(names) - set(BY_NAME))
    if unknown:
        raise ValueError('not aspects of core/aspects.py: %s' % ', '.join(unknown))
    return tuple(names)


def predict(current, changes):
    """The domain as it will be once ``changes`` are done (for check mode's --diff)."""
    domain = current
    for change in changes:
        domain = BY_NAME[change.aspect].apply(domain, change)
    return domain
