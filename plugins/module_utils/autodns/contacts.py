# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS contact handles ↔ core Contact, without I/O.

AutoDNS keeps contacts as handles of their own (``/contact``); a domain refers to them by
id from ``ownerc``, ``adminc``, ``techc`` and ``zonec``, and one handle can serve many
domains. So a changed contact is not edited: the adapter finds a handle that already holds
exactly the wanted data (``POST /contact/_search``) or creates one (``POST /contact``), and
points the domain at it. Editing a handle in place (``PUT /contact/{id}``) is only done
when the task asks for it (``update_contacts_in_place``).

Field names: first_name → fname, last_name → lname, postal_code → pcode, the others as
they are. AutoDNS has no registrant number (``registrant_number``) and no billing or
reseller contact.

The owner's identity, for AutoDNS, is fname, lname, organization and email: swagger
``Domain.confirmOwnerConsent`` ("Required for gTLDs and new gTLDs when changing the name,
the email address or the organization of the domain owner").
"""
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.query import all_of
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact

NAME = 'autodns'

# core role → Domain field
ROLE_FIELDS = (('registrant', 'ownerc'), ('admin', 'adminc'), ('tech', 'techc'), ('zone', 'zonec'))
ROLES = tuple(role for role, _field in ROLE_FIELDS)
FIELD_OF_ROLE = dict(ROLE_FIELDS)

# core Contact field → AutoDNS Contact field
DATA_FIELDS = (
    ('first_name', 'fname'), ('last_name', 'lname'), ('organization', 'organization'),
    ('address', 'address'), ('postal_code', 'pcode'), ('city', 'city'), ('state', 'state'),
    ('country', 'country'), ('email', 'email'), ('phone', 'phone'), ('fax', 'fax'),
)
FIELD_NAME = dict(DATA_FIELDS)
IDENTITY_FIELDS = ('first_name', 'last_name', 'organization', 'email')
# What a new handle needs (the fields a Contact Create refuses to do without).
CREATE_REQUIRED = ('first_name', 'last_name', 'address', 'postal_code', 'city', 'country', 'email', 'phone')
# Read from a Contact List only when asked for (swagger: "fetching additional data via query parameter").
LIST_KEYS = tuple(api for _core, api in DATA_FIELDS)


def check_roles(roles, what='contact'):
    """InputError for roles AutoDNS does not have (billing, reseller), before anything is sent."""
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise InputError('%s %s: not supported by this registrar (%s): AutoDNS knows the registrant '
                         '(ownerc), admin (adminc), tech (techc) and zone (zonec) contacts'
                         % (', '.join(unknown), what, NAME))


_text = normalize.text  # shared with the Ascio package (core/normalize.py)


def read_contact(entry):
    """A Contact (swagger ``Contact``) or a bare reference ``{"id": n}`` → core Contact."""
    address = tuple(line for line in (entry.get('address') or []) if _text(line)) or None
    values = dict((core, _text(entry.get(api))) for core, api in DATA_FIELDS if core != 'address')
    return Contact(handle=str(entry['id']) if entry.get('id') is not None else None, address=address, **values)


def norm(field, value):
    """The value as compared: blanks are absent, e-mail ignores case, country is upper case."""
    if field == 'address':
        lines = tuple(str(line).strip() for line in (value or ()) if line and str(line).strip())
        return lines or None
    value = _text(value)
    if value is None:
        return None
    if field == 'email':
        return value.lower()
    if field == 'country':
        return value.upper()
    return value


def data_key(contact):
    """What a handle holds, comparable: two contacts with the same key are the same data."""
    return tuple(norm(core, getattr(contact, core)) for core, _api in DATA_FIELDS)


def same_data(a, b):
    return data_key(a) == data_key(b)


def identity_changed(before, after):
    """Whether ``after`` names another holder than ``before`` (name, organization, email)."""
    if before is None:
        return True
    return any(norm(f, getattr(before, f)) != norm(f, getattr(after, f)) for f in IDENTITY_FIELDS)


def contact_body(contact, role, creating=True):
    """The swagger ``Contact`` body for a create (``POST /contact``) or an in-place update."""
    if contact.registrant_number is not None:
        raise InputError('%s contact: registrant_number is not supported by this registrar (%s)' % (role, NAME))
    if creating:
        missing = [f for f in CREATE_REQUIRED if norm(f, getattr(contact, f)) is None]
        if missing:
            raise InputError('%s contact: AutoDNS needs %s to create a contact handle; missing: %s'
                             % (role, ', '.join(CREATE_REQUIRED), ', '.join(missing)))
    body = {}
    if creating:
        # ContactTypeConstants PERSON | ORG | ROLE: an organisation's contact is ORG.
        body['type'] = 'ORG' if norm('organization', contact.organization) else 'PERSON'
    for core, api in DATA_FIELDS:
        value = getattr(contact, core)
        if core == 'address':
            value = list(norm('address', value) or ()) or None
        elif core == 'country':
            value = norm('country', value)
        else:
            value = _text(value)
        if value is not None:
            body[api] = value
    return body


def _conditions(contact):
    """Filters that narrow a Contact List down to candidates for ``contact`` (compared exactly later)."""
    conditions = []
    for core in ('last_name', 'first_name'):
        value = _text(getattr(contact, core))
        if value is not None:
            conditions.append({'key': FIELD_NAME[core], 'value': value, 'operator': 'EQUAL'})
    if not conditions:
        for core in ('organization', 'email'):
            value = _text(getattr(contact, core))
            if value is not None:
                conditions.append({'key': FIELD_NAME[core], 'value': value, 'operator': 'EQUAL'})
                break
    return conditions


def search_query(wanted, handles=(), limit=100, offset=0):
    """One Contact List query for several lookups at once (swagger ``Query``).

    ``wanted``: contacts without a handle whose twins are looked for; ``handles``: ids to read.
    Each lookup is a group of filters; groups are joined with OR.
    """
    groups = []
    for contact in wanted:
        conditions = _conditions(contact)
        if conditions:
            # Within a group every condition must hold: QueryFilter.link AND (swagger ConditionType).
            groups.append({'filters': all_of(conditions)})
    ids = sorted(set(int(h) for h in handles if str(h).isdigit()))
    if ids:
        groups.append({'key': 'id', 'values': [str(i) for i in ids], 'operator': 'IN'})
    if not groups:
        return None
    for group in groups[:-1]:
        group['link'] = 'OR'
    return {'filters': groups, 'view': {'limit': limit, 'offset': offset},
            'orders': [{'key': 'id', 'type': 'ASC'}]}


def find_twin(contact, candidates):
    """The handle (lowest id) among ``candidates`` (core Contacts) holding exactly ``contact``'s data."""
    hits = [c for c in candidates if c.handle is not None and same_data(c, contact)]
    hits.sort(key=lambda c: (0, int(c.handle)) if str(c.handle).isdigit() else (1, str(c.handle)))
    return hits[0].handle if hits else None
