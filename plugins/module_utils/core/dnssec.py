# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DS/DNSKEY material as declared: checked before anything is sent, normalised for comparing.

A record is DS data (key_tag, algorithm, digest_type, digest), DNSKEY data (flags, protocol,
algorithm, public_key), or both. The numbers are IANA's (docs/reference/dnssec.json, of which
REFERENCE is a copy: tests/unit/plugins/module_utils/core/test_dnssec.py checks they are equal).
"""
import base64
import binascii
import re

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DnssecKey

REFERENCE = {
    'algorithms': {
        'accepted': {5: 'RSASHA1', 7: 'RSASHA1-NSEC3-SHA1', 8: 'RSASHA256', 10: 'RSASHA512', 13: 'ECDSAP256SHA256',
                     14: 'ECDSAP384SHA384', 15: 'ED25519', 16: 'ED448'},
        'refused': {1: 'RSAMD5', 2: 'DH', 3: 'DSA', 6: 'DSA-NSEC3-SHA1', 12: 'ECC-GOST'},
    },
    'digest_types': {1: ('SHA-1', 40), 2: ('SHA-256', 64), 4: ('SHA-384', 96)},
    'flags': (256, 257),
    'protocol': 3,
    'key_tag': (0, 65535),
}
ALGORITHMS = REFERENCE['algorithms']['accepted']
REFUSED_ALGORITHMS = REFERENCE['algorithms']['refused']
DIGEST_TYPES = REFERENCE['digest_types']
FLAGS = REFERENCE['flags']
PROTOCOL = REFERENCE['protocol']

KEYS = ('key_tag', 'algorithm', 'digest_type', 'digest', 'flags', 'protocol', 'public_key')
DS_FIELDS = ('key_tag', 'algorithm', 'digest_type', 'digest')
DNSKEY_FIELDS = ('flags', 'protocol', 'algorithm', 'public_key')
_HEX = re.compile(r'[0-9A-Fa-f]+')
_BASE64 = re.compile(r'[A-Za-z0-9+/]+={0,2}')


def _number(where, key, value):
    if value is None or value == '':
        return None
    if isinstance(value, bool):
        raise InputError('%s: %s must be a number, got %r' % (where, key, value))
    try:
        return int(str(value).strip())
    except ValueError:
        raise InputError('%s: %s must be a number, got %r' % (where, key, value))


def algorithm(where, value):
    if value in ALGORITHMS:
        return value
    if value in REFUSED_ALGORITHMS:
        raise InputError('%s: algorithm %d (%s) must not be used for signing (RFC 8624); re-sign the zone with '
                         'algorithm 13 (ECDSAP256SHA256) or 8 (RSASHA256) and declare the new key'
                         % (where, value, REFUSED_ALGORITHMS[value]))
    raise InputError('%s: algorithm %r is not a DNSSEC signing algorithm of the IANA registry; use one of %s'
                     % (where, value, ', '.join('%d (%s)' % item for item in sorted(ALGORITHMS.items()))))


def _digest(where, digest_type, value):
    if digest_type not in DIGEST_TYPES:
        raise InputError('%s: digest_type %r is not supported; use 2 (SHA-256), 4 (SHA-384) or 1 (SHA-1)'
                         % (where, digest_type))
    text = ''.join(str(value).split())
    name, length = DIGEST_TYPES[digest_type]
    if not _HEX.fullmatch(text):
        raise InputError('%s: digest must be hexadecimal (0-9, a-f), got %r; copy it from the DS record '
                         '(dnssec-dsfromkey or your DNS provider)' % (where, value))
    if len(text) != length:
        raise InputError('%s: a %s digest (digest_type %d) has %d hex characters, this one has %d; check that '
                         'digest_type matches the digest' % (where, name, digest_type, length, len(text)))
    return text.upper()


def _public_key(where, value):
    text = ''.join(str(value).split())
    try:
        if not _BASE64.fullmatch(text) or len(text) % 4:
            raise ValueError(text)
        base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        raise InputError('%s: public_key must be the Base64 key of the DNSKEY record (its last field), got %r'
                         % (where, value))
    return text


def record(entry, index=1):
    """One declared record (a dict) as a DnssecKey, or InputError saying what to fix."""
    where = 'dnssec[%d]' % index
    if not isinstance(entry, dict):
        raise InputError('%s: each DNSSEC record is a dict with %s, got %r' % (where, ', '.join(KEYS), entry))
    unknown = sorted(str(k) for k in set(entry) - set(KEYS))
    if unknown:
        raise InputError('%s: unknown key(s) %s; a DNSSEC record has %s' % (where, ', '.join(unknown), ', '.join(KEYS)))
    values = dict((k, entry.get(k)) for k in KEYS if entry.get(k) not in (None, ''))
    for key in ('key_tag', 'algorithm', 'digest_type', 'flags', 'protocol'):
        if key in values:
            values[key] = _number(where, key, values[key])
    has_ds = any(k in values for k in ('key_tag', 'digest_type', 'digest'))
    has_key = any(k in values for k in ('flags', 'protocol', 'public_key'))
    if not has_ds and not has_key:
        raise InputError('%s: give DS data (key_tag, algorithm, digest_type, digest) or DNSKEY data '
                         '(flags, protocol, algorithm, public_key)' % where)
    for kind, names, present in (('DS', DS_FIELDS, has_ds), ('DNSKEY', DNSKEY_FIELDS, has_key)):
        missing = [k for k in names if present and k not in values]
        if missing:
            raise InputError('%s: %s data needs %s; missing %s' % (where, kind, ', '.join(names), ', '.join(missing)))
    values['algorithm'] = algorithm(where, values['algorithm'])
    if has_ds:
        low, high = REFERENCE['key_tag']
        if not low <= values['key_tag'] <= high:
            raise InputError('%s: key_tag must be between %d and %d, got %d' % (where, low, high, values['key_tag']))
        values['digest'] = _digest(where, values['digest_type'], values['digest'])
    if has_key:
        if values['flags'] not in FLAGS:
            raise InputError('%s: flags must be 257 (key signing key, the one the parent points at) or 256 '
                             '(zone signing key), got %d' % (where, values['flags']))
        if values['protocol'] != PROTOCOL:
            raise InputError('%s: protocol must be 3 (RFC 4034), got %d' % (where, values['protocol']))
        values['public_key'] = _public_key(where, values['public_key'])
    return DnssecKey(**values)


def records(entries):
    """The declared list as a tuple of DnssecKey; [] means "no records"; duplicates fail."""
    if not isinstance(entries, (list, tuple)):
        raise InputError('dnssec must be a list of records (an empty list removes them all)')
    result, seen = [], set()
    for index, entry in enumerate(entries, 1):
        key = record(entry, index)
        if key.key() in seen:
            raise InputError('dnssec[%d] is listed twice' % index)
        seen.add(key.key())
        result.append(key)
    return tuple(result)


def require_fields(keys, needed, registrar, what):
    """InputError unless every record carries ``needed`` (the fields the registrar takes)."""
    for index, key in enumerate(keys, 1):
        missing = [name for name in needed if getattr(key, name) is None]
        if missing:
            raise InputError('dnssec[%d]: not supported by this registrar (%s): it takes %s (%s); missing %s'
                             % (index, registrar, what, ', '.join(needed), ', '.join(missing)))
