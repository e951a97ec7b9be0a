# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DnsSecKey objects: their checks (CreateDnsSecKey) and Domain.DnsSecKeys in a Nameserver_Update.

Rules from docs/reference/ascio-rules.json ``dnssec`` (five slots, Handle references, an empty Handle
clears a slot, the value formats) and docs/reference/dnssec.json (IANA numbers, digest lengths, flags,
protocol). Where Ascio documents nothing the sandbox's choices are in docs/sandbox-ascio.md.
"""
import base64
import binascii
import copy
import json
import os
import re

from .state import RULES

_REFERENCE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          'docs', 'reference', 'dnssec.json')
with open(_REFERENCE, encoding='utf-8') as _handle:
    FACTS = json.load(_handle)

SLOTS = RULES['dnssec']['slots']
# DigestType as Ascio's example writes it (SHA-256) or as its number -> the hex length of the digest.
DIGEST_LENGTHS = {}
for _number, _entry in FACTS['digest_types']['accepted'].items():
    DIGEST_LENGTHS[_number] = DIGEST_LENGTHS[_entry['mnemonic']] = _entry['hex_length']
ALGORITHMS = set(FACTS['algorithms']['accepted']) | set(FACTS['algorithms']['refused'])
ALGORITHMS |= set(RULES['dnssec']['read_algorithm_names'])
FLAGS = set(str(f) for f in FACTS['flags']['accepted'])
PROTOCOL = str(FACTS['protocol']['value'])
_HEX = re.compile(r'^[0-9A-Fa-f]+$')


def _text(value):
    return str(value).strip() if value is not None and str(value).strip() else None


def key_problems(key):
    """The reasons a DnsSecKey (CreateDnsSecKey) is refused; empty when it is valid."""
    reasons = []
    digest, public_key = _text(key.get('Digest')), _text(key.get('PublicKey'))
    if digest is None and public_key is None:
        return ['DnsSecKey needs DS data (KeyTag, DigestAlgorithm, DigestType, Digest) or key data '
                '(KeyType, Protocol, KeyAlgorithm, PublicKey)']
    if digest is not None:
        for field in ('KeyTag', 'DigestAlgorithm', 'DigestType'):
            if _text(key.get(field)) is None:
                reasons.append('DnsSecKey.%s is missing' % field)
        tag = _text(key.get('KeyTag'))
        if tag is not None and not (tag.isdigit() and int(tag) <= 65535):
            reasons.append('DnsSecKey.KeyTag %r is not a key tag (0-65535)' % tag)
        algorithm = _text(key.get('DigestAlgorithm'))
        if algorithm is not None and algorithm not in ALGORITHMS:
            reasons.append('DnsSecKey.DigestAlgorithm %r is not a DNSSEC algorithm' % algorithm)
        digest_type = _text(key.get('DigestType'))
        if digest_type is not None and digest_type not in DIGEST_LENGTHS:
            reasons.append('DnsSecKey.DigestType %r is not supported' % digest_type)
        elif digest_type is not None:
            if not _HEX.match(digest):
                reasons.append('DnsSecKey.Digest is not hexadecimal')
            elif len(digest) != DIGEST_LENGTHS[digest_type]:
                reasons.append('DnsSecKey.Digest has %d characters; a %s digest has %d'
                               % (len(digest), digest_type, DIGEST_LENGTHS[digest_type]))
    if public_key is not None:
        if _text(key.get('KeyType')) not in FLAGS:
            reasons.append('DnsSecKey.KeyType %r is not 256 or 257' % key.get('KeyType'))
        if _text(key.get('Protocol')) != PROTOCOL:
            reasons.append('DnsSecKey.Protocol must be %s' % PROTOCOL)
        if _text(key.get('KeyAlgorithm')) not in ALGORITHMS:
            reasons.append('DnsSecKey.KeyAlgorithm %r is not a DNSSEC algorithm' % key.get('KeyAlgorithm'))
        try:
            base64.b64decode(''.join(public_key.split()), validate=True)
        except (ValueError, binascii.Error):
            reasons.append('DnsSecKey.PublicKey is not Base64')
    return reasons


def slots_after(account, current, sent, reasons):
    """Domain.DnsSecKeys after a Nameserver_Update: a slot sent with a Handle holds that key, one
    sent with an empty Handle is cleared, one left out keeps its key."""
    slots = copy.deepcopy(current or {})
    seen = set()
    for index in range(1, SLOTS + 1):
        label = 'DnsSecKey%d' % index
        if label not in sent or sent[label] is None:
            continue
        handle = _text(sent[label].get('Handle'))
        if handle is None:
            if any(_text(v) for k, v in sent[label].items() if k != 'Handle'):
                reasons.append('DnsSecKeys.%s: a key is referenced by its Handle (create it with CreateDnsSecKey)' % label)
            slots.pop(label, None)
            continue
        if handle not in account.dnssec_keys:
            reasons.append('DnsSecKeys.%s: DnsSecKey %s does not exist in this account' % (label, handle))
            continue
        if handle in seen:
            reasons.append('DnsSecKeys.%s: DnsSecKey %s is referenced twice' % (label, handle))
        seen.add(handle)
        slots[label] = copy.deepcopy(account.dnssec_keys[handle])
    extra = sorted(set(sent) - set('DnsSecKey%d' % i for i in range(1, SLOTS + 1)))
    if extra:
        reasons.append('DnsSecKeys holds DnsSecKey1..DnsSecKey%d only, not %s' % (SLOTS, ', '.join(extra)))
    return slots
