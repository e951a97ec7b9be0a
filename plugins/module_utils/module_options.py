# -*- coding: utf-8 -*-
"""Option specs shared by several modules, and their translation into the core model."""
import datetime
import re

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import (
    CONTACT_ROLES, Contact, Locks, RenewPolicy)

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

LOCKS_SPEC = dict(
    transfer_lock=dict(type='bool'),
    delete_lock=dict(type='bool'),
    update_lock=dict(type='bool'),
)

_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
_PHONE = re.compile(r'^\+[0-9]{1,3}[.\- ]?[0-9][0-9 .\-]{3,17}$')
_COUNTRY = re.compile(r'^[A-Za-z]{2}$')


def contact(role, data):
    """A declared contact (only the fields given) as a core Contact; checks the formats."""
    values = dict((k, v) for k, v in (data or {}).items() if v is not None and v != '')
    if not values:
        raise InputError('contact %s: give a handle or at least one field' % role)
    if 'email' in values and not _EMAIL.match(values['email']):
        raise InputError('contact %s: %r is not an e-mail address' % (role, values['email']))
    for key in ('phone', 'fax'):
        if key in values and not _PHONE.match(values[key]):
            raise InputError('contact %s: %s %r is not in international form, e.g. +45.12345678'
                             % (role, key, values[key]))
    if 'country' in values:
        if not _COUNTRY.match(values['country']):
            raise InputError('contact %s: country %r must be a two-letter ISO 3166 code' % (role, values['country']))
        values['country'] = values['country'].upper()
    if 'address' in values:
        values['address'] = tuple(line for line in values['address'] if line)
    return Contact(**values)


def contacts(params):
    """{role: Contact} for the roles a task declares, or None when it declares none."""
    declared = dict((role, contact(role, params[role])) for role in CONTACT_ROLES if params.get(role))
    return declared or None


def locks(params):
    """Locks for the lock options a task declares, or None when it declares none."""
    values = dict(transfer=params.get('transfer_lock'), delete=params.get('delete_lock'),
                  update=params.get('update_lock'))
    if all(v is None for v in values.values()):
        return None
    return Locks(**values)


def renew_policy(params):
    """RenewPolicy from period, until and min_days_left, or None when neither target is set."""
    until, days = params.get('until'), params.get('min_days_left')
    if until is None and days is None:
        return None
    period = params.get('period') or 1
    if not 1 <= period <= 10:
        raise InputError('period must be between 1 and 10 years, got %s' % period)
    if days is not None and days < 0:
        raise InputError('min_days_left must not be negative')
    if until is not None:
        try:
            until = datetime.date.fromisoformat(str(until)[:10])
        except ValueError:
            raise InputError('until must be a date as YYYY-MM-DD, got %r' % until)
    return RenewPolicy(period=period, until=until, min_days_left=days)
