# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Option specs shared by several modules, and their translation into the core model."""
import copy
import datetime
import json
import os
import re

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.domainops.registrar.plugins.module_utils import connection
from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec as dnssec_checks
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import (
    CONTACT_ROLES,
    PRIVACY_SERVICES,
    Contact,
    Locks,
    PriceGuard,
    Privacy,
    RenewPolicy,
)

CONTACT_FIELDS_SPEC = dict(
    handle=dict(type='str'),
    first_name=dict(type='str'),
    last_name=dict(type='str'),
    organization=dict(type='str'),
    address=dict(type='list', elements='str'),
    city=dict(type='str'),
    state=dict(type='str'),
    postal_code=dict(type='str'),
    country=dict(type='str'),
    email=dict(type='str'),
    phone=dict(type='str'),
    fax=dict(type='str'),
    registrant_number=dict(type='str'),
)

CONTACT_ROLES_SPEC = dict((role, dict(type='dict', options=CONTACT_FIELDS_SPEC)) for role in CONTACT_ROLES)
# The domain module's contacts: roles whose fields role_fields() checks, so that its documentation
# names the fields once instead of once per role.
CONTACT_ROLES_ONLY_SPEC = dict((role, dict(type='dict')) for role in CONTACT_ROLES)

LOCKS_SPEC = dict(
    transfer_lock=dict(type='bool'),
    delete_lock=dict(type='bool'),
    update_lock=dict(type='bool'),
)

# One DS/DNSKEY record at the parent (core/dnssec.py checks the values: IANA numbers, digest lengths, Base64).
DNSSEC_SPEC = dict(
    key_tag=dict(type='int', no_log=False),  # a key's number, not a secret
    algorithm=dict(type='int'),
    digest_type=dict(type='int'),
    digest=dict(type='str'),
    flags=dict(type='int'),
    protocol=dict(type='int'),
    public_key=dict(type='str', no_log=False),  # public by definition
)


def dnssec(params):
    """The declared DS/DNSKEY records (a tuple of DnssecKey), None when the task does not manage them; [] removes all."""
    if params.get('dnssec') is None:
        return None
    return dnssec_checks.records(params['dnssec'])


# Registrar-only options of the modules that change contacts. They travel with the DesiredDomain
# (registrar_options); the registrar whose PROVIDER.task_options names them honours them, and
# checks their values (AutoDNS: tld_rules knows the owner-change routes).
REGISTRAR_OPTIONS_SPEC = dict(
    update_contacts_in_place=dict(type='bool', default=False),
    confirm_owner_consent=dict(type='bool', default=False),
    owner_change_route=dict(type='str'),
)


def registrar_options(params):
    """The registrar-only options a task sets, for DesiredDomain.registrar_options."""
    return dict((name, params[name]) for name in REGISTRAR_OPTIONS_SPEC if params.get(name) is not None)


_EMAIL = re.compile(r'[^@\s]+@[^@\s]+\.[^@\s]+')
_PHONE = re.compile(r'\+[0-9]{1,3}[.\- ]?[0-9][0-9 .\-]{3,17}')
_COUNTRY = re.compile(r'[A-Za-z]{2}')
# C0 controls (NUL, ESC, CR, LF, TAB ...), DEL and C1 controls: never part of a contact.
_CONTROL = re.compile(r'[\x00-\x1f\x7f-\x9f]')


def provider_name(params, environ=None):
    """The task's registrar (the provider option, else DOMAINOPS_PROVIDER), or None when it names none.

    Input checks use its limits before any request; a task without a provider fails later, at
    connect, with the message that says where to set one.
    """
    try:
        return connection.task_provider(params, os.environ if environ is None else environ).name
    except InputError:
        return None


def _capabilities(provider):
    description = connection.BY_NAME.get(provider)
    return description.capabilities if description is not None else None


def contact_limits(provider):
    """(max lengths by field, max address lines) of a registrar; its own package holds the data."""
    capabilities = _capabilities(provider)
    if capabilities is None:
        return {}, None
    return capabilities.contact_max_lengths, capabilities.contact_address_lines


def max_nameservers(provider):
    """The most name servers the registrar takes (its package's data), None when not known."""
    capabilities = _capabilities(provider)
    return capabilities.max_nameservers if capabilities is not None else None


def _check_text(role, key, value):
    if _CONTROL.search(value):
        raise InputError('contact %s: %s %r contains a control character (such as a line break, tab, NUL '
                         'or ESC); remove it' % (role, key, value))


def _check_length(role, key, value, max_length):
    if max_length is not None and len(value) > max_length:
        raise InputError('contact %s: %s is %d characters long; the registrar accepts at most %d: shorten it'
                         % (role, key, len(value), max_length))


def contact(role, data, provider=None):
    """A declared contact (only the fields given) as a core Contact; checks formats and lengths.

    Formats are matched whole (``fullmatch``: a trailing newline is not "the end"); lengths
    are the registrar's (``contact_limits``).
    """
    values = dict((k, v) for k, v in (data or {}).items() if v is not None and v != '')
    if not values:
        raise InputError('contact %s: give a handle or at least one field' % role)
    texts = [(key, value) for key, value in values.items() if key != 'address']
    texts += [('address line', line) for line in values.get('address') or () if line]
    for key, value in texts:
        _check_text(role, key, value)
    if 'email' in values and not _EMAIL.fullmatch(values['email']):
        raise InputError('contact %s: %r is not an e-mail address' % (role, values['email']))
    for key in ('phone', 'fax'):
        if key in values and not _PHONE.fullmatch(values[key]):
            raise InputError('contact %s: %s %r is not in international form, e.g. +45.12345678'
                             % (role, key, values[key]))
    if 'country' in values:
        if not _COUNTRY.fullmatch(values['country']):
            raise InputError('contact %s: country %r must be a two-letter ISO 3166 code' % (role, values['country']))
        values['country'] = values['country'].upper()
    if 'address' in values:
        values['address'] = tuple(line for line in values['address'] if line)
    # Lengths last: a wrong format says more than "too long".
    max_lengths, max_lines = contact_limits(provider)
    if max_lines is not None and len(values.get('address') or ()) > max_lines:
        raise InputError('contact %s: %d address lines given; the registrar holds at most %d'
                         % (role, len(values['address']), max_lines))
    for key, value in texts:
        _check_length(role, key, value, max_lengths.get('address' if key == 'address line' else key))
    return Contact(**values)


# A portfolio declares the same few contacts on hundreds of domains: each distinct
# (role, data) is checked once per module run (checking is pure; Contact is immutable).
_CHECKED = {}


def _key(*parts):
    return json.dumps(parts, sort_keys=True, default=str)


def contacts(params, provider=None):
    """{role: Contact} for the roles a task declares, or None when it declares none."""
    declared = {}
    for role in CONTACT_ROLES:
        if params.get(role):
            key = _key('contact', role, params[role], provider)
            if key not in _CHECKED:
                _CHECKED[key] = contact(role, params[role], provider)
            declared[role] = _CHECKED[key]
    return declared or None


def declared_contacts(roles, provider=None):
    """{role: Contact} for a declaration's ``contacts`` option (fields checked as role_fields
    checks them), or None when it declares none. Checked once per distinct declaration and
    registrar in a module run: a portfolio repeats the same contacts on every domain."""
    if not roles:
        return None
    key = _key('declared', roles, provider)
    if key not in _CHECKED:
        _CHECKED[key] = contacts(role_fields(roles), provider)
    found = _CHECKED[key]
    return dict(found) if found is not None else None


def role_fields(roles):
    """{role: fields} checked and converted as Ansible checks CONTACT_FIELDS_SPEC suboptions (InputError)."""
    checked = {}
    for role, data in (roles or {}).items():
        if not data:
            checked[role] = data
            continue
        key = _key('fields', role, data)
        if key not in _CHECKED:
            result = ArgumentSpecValidator(CONTACT_FIELDS_SPEC).validate(data)
            if result.error_messages:
                raise InputError('contacts.%s: %s' % (role, '; '.join(result.error_messages)))
            _CHECKED[key] = result.validated_parameters
        checked[role] = copy.deepcopy(_CHECKED[key])
    return checked


def locks(params):
    """Locks for the lock options a task declares, or None when it declares none."""
    values = dict(transfer=params.get('transfer_lock'), delete=params.get('delete_lock'),
                  update=params.get('update_lock'))
    if all(v is None for v in values.values()):
        return None
    return Locks(**values)


# Registries renew for at most ten years ahead; a target further out cannot be reached.
MAX_DAYS_LEFT = 3653
_DATE = re.compile(r'[0-9]{4}-[0-9]{2}-[0-9]{2}')


def renew_policy(params):
    """RenewPolicy from period, until and min_days_left, or None when neither target is set."""
    until, days = params.get('until'), params.get('min_days_left')
    if until is None and days is None:
        return None
    period = params.get('period')
    if period is None:
        period = 1
    if not 1 <= period <= 10:
        raise InputError('period must be between 1 and 10 years, got %s' % period)
    if days is not None and not 0 <= days <= MAX_DAYS_LEFT:
        raise InputError('min_days_left must be between 0 and %d (ten years, the registries\' limit), got %s'
                         % (MAX_DAYS_LEFT, days))
    if until is not None:
        text = str(until).strip()
        try:
            if not _DATE.fullmatch(text):
                raise ValueError(text)
            until = datetime.date.fromisoformat(text)
        except ValueError:
            raise InputError('until must be a date as YYYY-MM-DD, got %r' % until)
    return RenewPolicy(period=period, until=until, min_days_left=days)


# Privacy/proxy service (the domain module): the service, and which other contacts it covers.
PRIVACY_SPEC = dict(
    privacy=dict(type='str', choices=list(PRIVACY_SERVICES)),
    privacy_contacts=dict(type='dict', options=dict(
        admin=dict(type='bool'),
        tech=dict(type='bool'),
        billing=dict(type='bool'),
    )),
    privacy_plus=dict(type='bool'),
)


def privacy(params):
    """Privacy for the privacy options a task declares, or None when it declares no service."""
    service = params.get('privacy')
    flags = dict((k, v) for k, v in (params.get('privacy_contacts') or {}).items() if v is not None)
    plus = params.get('privacy_plus')
    if service is None:
        if flags or plus is not None:
            raise InputError('%s needs privacy (none, privacy or proxy)' % ('privacy_contacts' if flags else 'privacy_plus'))
        return None
    if service == 'none' and any(flags.values()):
        raise InputError('privacy_contacts: with privacy: none no contact can be covered')
    if plus and service != 'privacy':
        raise InputError('privacy_plus is added to the privacy service: set privacy: privacy, or leave privacy_plus out')
    if plus is not None:
        flags['plus'] = plus
    return Privacy(service=service, **flags)


# The spending guard of the operations that cost money (register, transfer, renew, restore).
PRICE_GUARD_SPEC = dict(
    max_price=dict(type='float'),
    currency=dict(type='str'),
)
PRICE_GUARD_TOGETHER = [['max_price', 'currency']]
_CURRENCY = re.compile(r'[A-Za-z]{3}')


def price_decimals(provider):
    """The most digits after the point of a price the registrar takes in an order (its package's data)."""
    capabilities = _capabilities(provider)
    return capabilities.price_decimals if capabilities is not None else None


def price_guard(params, provider=None):
    """PriceGuard from max_price and currency (ISO 4217), or None when the task sets no guard.

    ``provider`` names the registrar: a price it cannot carry in an order (more decimals than
    it takes) is refused here, before any request, rather than rounded.
    """
    max_price, currency = params.get('max_price'), params.get('currency')
    if max_price is None and currency is None:
        return None
    if max_price is None or currency is None:
        raise InputError('max_price and currency go together: give both, e.g. max_price: 50, currency: EUR')
    if not max_price > 0:
        raise InputError('max_price must be a positive amount, got %s' % max_price)
    if not _CURRENCY.fullmatch(currency.strip()):
        raise InputError('currency must be a three-letter ISO 4217 code such as EUR or USD, got %r' % currency)
    guard = PriceGuard(max_price=float(max_price), currency=currency.strip().upper())
    decimals = price_decimals(provider)
    if not guard.fits(decimals):
        if decimals == 0:
            raise InputError('max_price %s: %s takes the price of an order in whole %s only; give a whole amount '
                             '(e.g. %d or %d)' % (max_price, provider, guard.currency, int(max_price), int(max_price) + 1))
        raise InputError('max_price %s: %s takes at most %d decimals in the price of an order; give e.g. %s'
                         % (max_price, provider, decimals, round(guard.max_price, decimals)))
    return guard
