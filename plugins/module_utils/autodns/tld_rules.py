# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Per-TLD rules of AutoDNS: the owner-change route and whether locks can be changed.

A copy of docs/reference/autodns-tld-rules.json (modules cannot read docs/ at run time);
tests/unit/plugins/module_utils/autodns/test_tld_rules.py checks that the two agree. The sources are in that file.
"""
ROUTES = {
    'update': ('PUT', '/domain/{name}'),
    'owner_change': ('PUT', '/domain/{name}/_ownerChange'),
    'trade': ('POST', '/domain/_trade'),
}
DEFAULT = {
    'owner_change': 'update',
    'owner_change_routes': ['update', 'owner_change'],
    'owner_consent': False,
    'status_update': False,
    'privacy': False,
}
CLASSES = {
    'gtld': {
        'owner_change': 'update',
        'owner_change_routes': ['update', 'owner_change'],
        'owner_consent': True,
        'status_update': True,
        'privacy': True,
    },
}
TLDS = {
    'be': {
        'owner_change': 'trade',
        'owner_change_routes': ['trade'],
    },
}


def tld_of(name):
    return name.rstrip('.').rsplit('.', 1)[-1].lower()


def tld_class(name):
    """'gtld' for gTLDs and new gTLDs (every TLD that is not two letters), else None."""
    return 'gtld' if len(tld_of(name)) != 2 else None


def rule(name):
    """The rule for the domain ``name``: default, overlaid by its class and by its TLD's entry."""
    result = dict(DEFAULT)
    result.update(CLASSES.get(tld_class(name)) or {})
    result.update(TLDS.get(tld_of(name)) or {})
    return result
