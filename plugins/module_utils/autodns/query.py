# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The bodies and ``keys[]`` of the AutoDNS list routes the bulk reads send. Pure: no I/O.

Copies of docs/reference/autodns-list-keys.json (modules cannot read docs/ at run time;
tests/unit/plugins/module_utils/autodns/test_query.py checks that they agree):

- a page holds ``PAGE_SIZE`` entries, and an ``IN`` filter at most that many values. No source
  gives a maximum for ``view.limit`` or for an ``IN`` list; paging goes on by ``object.summary``
  and by the number of entries answered, so a service that answers fewer is still read whole;
- a Domain List entry carries only what ``keys[]`` asks for: ``DOMAIN_KEYS`` are the fields
  read.read_domain reads (the swagger's key names, and ``payable``, which only InterNetX's
  Domain List help page documents, as it documents ``privacy``; and the help page's names of the
  fields the swagger calls status, nserver and autorenew, since no source says which names count);
- an entry without one of ``ENTRY_COMPLETE`` is read again with GET /domain/{name};
- the Job List is asked for ``JOB_KEYS``.
"""
import fnmatch

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs

PAGE_SIZE = 1000
DOMAIN_KEYS = ('status', 'authinfo', 'expire', 'ownerc', 'adminc', 'techc', 'zonec', 'nserver', 'autorenew',
               'cancelationStatus', 'payable', 'privacy', 'privacyPlus', 'dnssec', 'registryStatus', 'nameServers',
               'autoRenewStatus')
# An entry without one of these is read again alone: the plan would take its absence for "none".
ENTRY_COMPLETE = ('payable', 'registryStatus', 'nameServers', 'autoRenewStatus')
JOB_KEYS = ('status', 'subStatus', 'action', 'object')


def chunks(values, size=None):
    """``values`` in lists of at most ``size`` (PAGE_SIZE), in order."""
    size = size or PAGE_SIZE
    values = list(values)
    return [values[i:i + size] for i in range(0, len(values), size)]


def _in(key, values):
    return {'key': key, 'operator': 'IN', 'values': [str(v) for v in values]}


def all_of(filters):
    """Filters joined with AND (every one but the last carries the link to the next)."""
    filters = [dict(f) for f in filters]
    for flt in filters[:-1]:
        flt['link'] = 'AND'
    return filters


def page(filters, offset, order_key, limit=None):
    return {'filters': filters, 'view': {'limit': limit or PAGE_SIZE, 'offset': offset},
            'orders': [{'key': order_key, 'type': 'ASC'}]}


def domains_by_name(names, offset=0):
    """Domain List for exactly ``names`` (one chunk)."""
    return page([_in('name', names)], offset, 'name')


def like_pattern(pattern):
    """The LIKE value for a shell pattern whose only wildcard is ``*``, else None (filtered here only).

    InterNetX's examples write the wildcard as ``*`` (help page) and ``%`` (SDK); ``%`` is sent."""
    if not pattern or any(c in pattern for c in '?[]%'):
        return None
    return pattern.replace('*', '%')


def domains_of_account(tlds=None, pattern=None, offset=0):
    """Domain List of the whole account, narrowed by TLD (``tld IN``) and a name LIKE where it can be."""
    filters = []
    if tlds:
        filters.append(_in('tld', sorted(set(str(t).lower().lstrip('.') for t in tlds))))
    like = like_pattern(pattern.lower() if pattern else None)
    if like is not None and like != '%':
        filters.append({'key': 'name', 'operator': 'LIKE', 'value': like})
    return page(all_of(filters), offset, 'name')


def name_matches(name, tlds=None, pattern=None):
    """The same selection, applied here to what the registrar answered (shell patterns in full)."""
    name = name.lower()
    if tlds and name.rsplit('.', 1)[-1] not in set(str(t).lower().lstrip('.') for t in tlds):
        return False
    return not pattern or fnmatch.fnmatchcase(name, pattern.lower())


def pending_jobs(names, offset=0):
    """Job List: the jobs of ``names`` (one chunk) whose status is not final."""
    return page(all_of([_in('object', names), _in('status', jobs.JOB_STATUS_PENDING)]), offset, 'id')


def jobs_by_id(ids, offset=0):
    return page([_in('id', ids)], offset, 'id')
