# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Checks on request bodies, each raising ApiError(400) with a readable text.

Only what the swagger (autodns-swagger.json) states is checked, plus the few
sandbox choices listed in docs/sandbox-autodns.md.
"""
import ipaddress
import json
import os
import re

from .envelope import bad_request

# DNSSEC facts (docs/reference/dnssec.json): the IANA algorithm numbers, flags 256/257, protocol 3,
# and the swagger's DNSSec.publicKey pattern.
_DNSSEC_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                            'docs', 'reference', 'dnssec.json')
with open(_DNSSEC_FILE, encoding='utf-8') as _handle:
    _DNSSEC = json.load(_handle)
DNSSEC_ALGORITHMS = frozenset(int(k) for part in ('accepted', 'refused') for k in _DNSSEC['algorithms'][part])
DNSSEC_FLAGS = tuple(_DNSSEC['flags']['accepted'])
DNSSEC_PROTOCOL = _DNSSEC['protocol']['value']
_PUBLIC_KEY = re.compile(_DNSSEC['public_key']['autodns_pattern'])

_LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')

REGISTRY_STATUS = ('ACTIVE', 'HOLD', 'LOCK', 'HOLD_LOCK', 'AUTO', 'LOCK_OWNER',
                   'LOCK_UPDATE', 'PENDING', 'NONE')
AUTO_RENEW_STATUS = ('TRUE', 'FALSE', 'ONCE')
RDDS_OPT_IN = ('NOT_SET', 'OWNERC', 'ADMINC', 'OWNERC_ADMINC', 'TECHC', 'OWNERC_TECHC',
               'ADMINC_TECHC', 'ALL')
CONTACT_TYPES = ('PERSON', 'ORG', 'ROLE')
TIME_UNITS = ('YEAR', 'MONTH')  # of TimeUnitConstants, the ones a domain term can use
CANCELATION_TYPES = ('DELETE', 'TRANSIT', 'PREACK')
EXECUTION_TYPES = ('DATE', 'EXPIRE', 'NOW')
CONTACT_ROLES = ('ownerc', 'adminc', 'techc', 'zonec')


def normalize_domain_name(name):
    """Lower-case; a Unicode name becomes its ACE form (Domain.idn is the Unicode one)."""
    name = (name or '').strip().rstrip('.').lower()
    if name and not name.isascii():
        try:
            name = name.encode('idna').decode('ascii')
        except UnicodeError:
            raise bad_request('INVALID_DOMAIN_NAME', 'Invalid domain name: %s' % name,
                              {'type': 'domain', 'value': name})
    return name


def is_hostname(name, min_labels=2):
    if not isinstance(name, str) or not name or len(name.rstrip('.')) > 253:
        return False
    labels = name.rstrip('.').lower().split('.')
    return len(labels) >= min_labels and all(_LABEL.match(label) for label in labels)


def check_domain_name(name):
    if not is_hostname(name) or name.split('.')[-1].isdigit():
        raise bad_request('INVALID_DOMAIN_NAME', 'Invalid domain name: %s' % name,
                          {'type': 'domain', 'value': str(name)})
    return name


def unicode_name(name):
    try:
        return name.encode('ascii').decode('idna')
    except UnicodeError:
        return name


def is_gtld(name):
    """gTLDs and new gTLDs are all TLDs that are not two-letter country codes."""
    return len(name.rsplit('.', 1)[-1]) != 2


def check_enum(field, value, allowed, obj):
    if value not in allowed:
        raise bad_request('INVALID_VALUE', 'Invalid value for %s: %r (allowed: %s)'
                          % (field, value, ', '.join(allowed)), obj)
    return value


def check_bool(field, value, obj):
    if not isinstance(value, bool):
        raise bad_request('INVALID_VALUE', '%s must be true or false' % field, obj)
    return value


def name_servers(domain, value, obj):
    """Validate Domain.nameServers; returns the list to store.

    Each entry: ``name`` an FQDN; ``ipAddresses`` valid IPv4/IPv6 addresses,
    required for a name server inside the domain itself (glue). The swagger:
    "For GLUE records only ... only used there in the case of glue name
    servers", so addresses given for a name server outside the domain are not
    kept. At least one entry, no duplicates (sandbox choice).
    """
    if not isinstance(value, list):
        raise bad_request('INVALID_NAMESERVER', 'nameServers must be a list', obj)
    problems, seen, result = [], set(), []
    for i, entry in enumerate(value):
        if isinstance(entry, str):
            entry = {'name': entry}
        if not isinstance(entry, dict) or 'name' not in entry:
            problems.append('nameServers[%d]: an object with a name is required' % i)
            continue
        name = entry.get('name')
        if not is_hostname(name):
            problems.append('nameServers[%d]: %r is not a fully qualified host name' % (i, name))
            continue
        name = name.rstrip('.').lower()
        if name in seen:
            problems.append('nameServers[%d]: %s is listed twice' % (i, name))
            continue
        seen.add(name)
        glue = name == domain or name.endswith('.' + domain)
        addresses = entry.get('ipAddresses') or []
        if not isinstance(addresses, list):
            problems.append('nameServers[%d]: ipAddresses must be a list' % i)
            continue
        bad = []
        for address in addresses:
            try:
                ipaddress.ip_address(address)
            except (ValueError, TypeError):
                bad.append(address)
        if bad:
            problems.append('nameServers[%d] %s: invalid IP address %s'
                            % (i, name, ', '.join(repr(b) for b in bad)))
            continue
        if glue and not addresses:
            problems.append('nameServers[%d] %s: a name server inside %s needs ipAddresses (glue)'
                            % (i, name, domain))
            continue
        stored = {'name': name}
        if glue:
            stored['ipAddresses'] = [str(ipaddress.ip_address(a)) for a in addresses]
        if entry.get('ttl') is not None:
            if not isinstance(entry['ttl'], int) or entry['ttl'] < 0:
                problems.append('nameServers[%d] %s: ttl must be a non-negative integer' % (i, name))
                continue
            stored['ttl'] = entry['ttl']
        result.append(stored)
    if not value:
        problems.append('at least one name server is required')
    if problems:
        raise bad_request('INVALID_NAMESERVER', 'Invalid name servers: ' + '; '.join(problems),
                          obj, problems)
    return result


def name_server_entries(domain, value, obj):
    """Domain.nameServerEntries: "only be provided for .DE"."""
    if not domain.endswith('.de'):
        raise bad_request('INVALID_VALUE', 'nameServerEntries can only be used for .de domains', obj)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise bad_request('INVALID_VALUE', 'nameServerEntries must be a list of strings', obj)
    return list(value)


def contact_ref(role, value, obj):
    """A Contact reference on a domain: ``{"id": n}``; returns the id."""
    if isinstance(value, dict) and 'id' in value:
        cid = value['id']
    else:
        raise bad_request('INVALID_CONTACT', '%s must be a contact reference {"id": <number>}' % role, obj)
    if not isinstance(cid, int) or isinstance(cid, bool):
        raise bad_request('INVALID_CONTACT', '%s.id must be a number' % role, obj)
    return cid


def time_period(value, obj, default=None):
    if value is None:
        if default is None:
            raise bad_request('INVALID_PERIOD', 'period is required', obj)
        return default
    if not isinstance(value, dict):
        raise bad_request('INVALID_PERIOD', 'period must be a TimePeriod {"period": n, "unit": "YEAR"}', obj)
    period, unit = value.get('period'), value.get('unit', 'YEAR')
    if not isinstance(period, int) or isinstance(period, bool) or period < 1:
        raise bad_request('INVALID_PERIOD', 'period.period must be a positive number', obj)
    check_enum('period.unit', unit, TIME_UNITS, obj)
    return {'period': period, 'unit': unit}


CONTACT_FIELDS = ('type', 'alias', 'organization', 'title', 'fname', 'lname', 'address',
                  'pcode', 'city', 'state', 'country', 'email', 'phone', 'fax', 'sip',
                  'protection', 'comment', 'extensions')
CONTACT_REQUIRED = ('type', 'fname', 'lname', 'address', 'pcode', 'city', 'country', 'email', 'phone')


def contact_fields(body, obj, creating):
    """Validate a Contact body; returns the writable fields given."""
    if not isinstance(body, dict):
        raise bad_request('INVALID_JSON', 'The request body must be a Contact object', obj)
    fields = {k: body[k] for k in CONTACT_FIELDS if k in body}
    problems = []
    if creating:
        missing = [k for k in CONTACT_REQUIRED if fields.get(k) in (None, '', [])]
        if missing:
            problems.append('missing fields: ' + ', '.join(missing))
    for key in ('fname', 'lname', 'organization', 'title', 'pcode', 'city', 'state', 'email',
                'phone', 'fax', 'sip', 'alias', 'comment'):
        if key in fields and fields[key] is not None and not isinstance(fields[key], str):
            problems.append('%s must be a string' % key)
    if 'type' in fields and fields['type'] not in CONTACT_TYPES:
        problems.append('type must be one of ' + ', '.join(CONTACT_TYPES))
    if 'protection' in fields and fields['protection'] not in ('SHOW_ALL', 'SHOW_NONE'):
        problems.append('protection must be SHOW_ALL or SHOW_NONE')
    if 'address' in fields:
        if isinstance(fields['address'], str):
            fields['address'] = [fields['address']]
        if not isinstance(fields['address'], list) or not all(isinstance(a, str) for a in fields['address']):
            problems.append('address must be a list of strings')
    if isinstance(fields.get('country'), str):
        fields['country'] = fields['country'].upper()
        if not re.match(r'^[A-Z]{2}$', fields['country']):
            problems.append('country must be an ISO 3166-1 alpha-2 code')
    if isinstance(fields.get('email'), str) and not re.match(r'^[^@\s]+@[^@\s]+\.[^@\s]+$', fields['email']):
        problems.append('email is not an email address')
    if isinstance(fields.get('comment'), str) and not fields['comment'].isascii():
        problems.append('comment may only be composed of ASCII characters')
    if problems:
        raise bad_request('INVALID_CONTACT', 'Invalid contact: ' + '; '.join(problems), obj, problems)
    return fields


def identity(contact):
    """The owner identity the swagger names for confirmOwnerConsent: name, email, organization."""
    return (
        (contact.get('fname') or '').strip(),
        (contact.get('lname') or '').strip(),
        (contact.get('organization') or '').strip(),
        (contact.get('email') or '').strip().lower(),
    )


def dnssec_data(value, obj):
    """Domain.dnssecData: a list of DNSSec {flags, protocol, algorithm, publicKey}, each field given."""
    if not isinstance(value, list):
        raise bad_request('INVALID_VALUE', 'dnssecData must be a list of DNSSec objects.', obj)
    result = []
    for index, entry in enumerate(value):
        where = 'dnssecData[%d]' % index
        missing = [k for k in ('flags', 'protocol', 'algorithm', 'publicKey') if entry.get(k) in (None, '')]
        if missing:
            raise bad_request('INVALID_DNSSEC', '%s: %s required.' % (where, ', '.join(missing)), obj)
        if entry['flags'] not in DNSSEC_FLAGS:
            raise bad_request('INVALID_DNSSEC', '%s: flags %s is not supported (256 zone signing key, 257 key signing key).'
                              % (where, entry['flags']), obj)
        if entry['protocol'] != DNSSEC_PROTOCOL:
            raise bad_request('INVALID_DNSSEC', '%s: protocol must be %d.' % (where, DNSSEC_PROTOCOL), obj)
        if entry['algorithm'] not in DNSSEC_ALGORITHMS:
            raise bad_request('INVALID_DNSSEC', '%s: algorithm %s is not a DNSSEC algorithm.' % (where, entry['algorithm']), obj)
        if not _PUBLIC_KEY.match(entry['publicKey']):
            raise bad_request('INVALID_DNSSEC', '%s: publicKey does not match %s.' % (where, _PUBLIC_KEY.pattern), obj)
        result.append({'flags': entry['flags'], 'protocol': entry['protocol'], 'algorithm': entry['algorithm'],
                       'publicKey': entry['publicKey']})
    return result
