# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a Domain List entry carries: less than DomainInfo, plus what ``keys[]`` asks for.

From ``docs/reference/autodns-list-keys.json``: a list entry has the base fields only
(InterNetX: "The returned lists contain less details for the individual objects than the
results of single queries"); each key adds the Domain fields it names, the swagger's keys
(``nserver`` → ``nameServers``) as well as the help page's property names (``payable``).
A key whose field the domain lacks adds nothing ("only if set").
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIST_KEYS_FILE = os.path.join(ROOT, 'docs', 'reference', 'autodns-list-keys.json')

with open(LIST_KEYS_FILE, encoding='utf-8') as _handle:
    FACTS = json.load(_handle)

DOMAIN_BASE = tuple(FACTS['domain']['base_fields'])
DOMAIN_KEYS = dict(FACTS['domain']['swagger_keys'])
for _key in FACTS['domain']['help_keys']:
    DOMAIN_KEYS.setdefault(_key, [_key])


def requested_keys(query_args):
    """The values of ``keys[]`` (or ``keys``) in the query string."""
    return list(query_args.get('keys[]') or []) + list(query_args.get('keys') or [])


def domain_entry(full, keys):
    """A DomainInfo answer (``full``) cut down to a list entry for ``keys``."""
    wanted = set(DOMAIN_BASE)
    for key in keys:
        wanted.update(DOMAIN_KEYS.get(key, ()))
    return dict((field, value) for field, value in full.items() if field in wanted)
