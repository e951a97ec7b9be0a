# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Which of an account's domains a listing or report covers (``names`` or ``filter``), read in bulk."""
import fnmatch

from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError

FILTER_SPEC = dict(
    tlds=dict(type='list', elements='str'),
    pattern=dict(type='str'),
)

SELECTION_SPEC = dict(
    names=dict(type='list', elements='str'),
    filter=dict(type='dict', options=FILTER_SPEC),
)


def selection(params):
    """(names or None, tlds or None, pattern or None) from the options, checked before any request."""
    names = None
    if params.get('names') is not None:
        names, seen = [], set()
        for name in params['names']:
            ascii_name = validation.domain_name(name)
            if ascii_name not in seen:
                seen.add(ascii_name)
                names.append(ascii_name)
    wanted = params.get('filter') or {}
    tlds = None
    if wanted.get('tlds'):
        tlds = []
        for tld in wanted['tlds']:
            text = str(tld).strip().lstrip('.').lower()
            if not text or '.' in text.strip('.') and not all(text.split('.')):
                raise InputError('filter.tlds: %r is not a TLD; give it without the leading dot, e.g. com or co.uk' % tld)
            tlds.append(validation.domain_name('x.' + text)[2:])
    pattern = wanted.get('pattern')
    if pattern is not None and not pattern.strip():
        raise InputError('filter.pattern is empty: give a shell-style pattern such as shop-*.com, or leave it out')
    return names, tlds, (pattern.strip().lower() if pattern else None)


def matches(name, tlds, pattern):
    if tlds and not any(name == tld or name.endswith('.' + tld) for tld in tlds):
        return False
    return pattern is None or fnmatch.fnmatchcase(name, pattern)


def select_domains(adapter, names, tlds, pattern):
    """(Domains, names not in the account): the listed names (bulk), else the whole account narrowed by the filter."""
    if names is not None:
        found = adapter.get_domains(names)
        domains = [found[n] for n in names if found.get(n) is not None and matches(n, tlds, pattern)]
        return domains, [n for n in names if found.get(n) is None]
    domains = adapter.list_domains(tlds=tlds, pattern=pattern)
    # The registrar may filter more loosely than the pattern (e.g. LIKE): the pattern decides.
    return [d for d in domains if matches(d.name, tlds, pattern)], []
