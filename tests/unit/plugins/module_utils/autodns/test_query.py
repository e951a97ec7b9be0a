# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""query.py: its copies of docs/reference/autodns-list-keys.json, and the bodies it builds."""
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs, query

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *(['..'] * 5)))
REFERENCE = os.path.join(ROOT, 'docs', 'reference')


def load(name):
    with open(os.path.join(REFERENCE, name), encoding='utf-8') as handle:
        return json.load(handle)


def keys_enum(spec, route):
    parameter = next(p for p in spec['routes'][route]['post']['parameters'] if p['name'] == 'keys')
    return [v.strip('{}') for v in parameter['items']['enum']]


def test_copies_agree_with_the_reference():
    facts = load('autodns-list-keys.json')
    assert query.PAGE_SIZE == facts['view']['page_size']
    assert list(query.DOMAIN_KEYS) == facts['domain']['keys_read']
    assert list(query.JOB_KEYS) == facts['job']['keys_read']
    assert list(query.ENTRY_COMPLETE) == facts['domain']['entry_complete']


def test_every_key_sent_is_documented():
    facts = load('autodns-list-keys.json')
    spec = load('autodns-spec.json')
    domain_keys = set(keys_enum(spec, '/domain/_search')) | set(facts['domain']['help_keys'])
    assert set(query.DOMAIN_KEYS) <= domain_keys
    # the keys only the help page documents, among them its names of status, nserver and autorenew
    assert [k for k in query.DOMAIN_KEYS if k not in keys_enum(spec, '/domain/_search')] == [
        'payable', 'privacy', 'privacyPlus', 'dnssec', 'registryStatus', 'nameServers', 'autoRenewStatus']
    assert set(query.JOB_KEYS) <= set(keys_enum(spec, '/job/_search'))


def test_chunks_keep_order_and_size():
    assert query.chunks(range(5), 2) == [[0, 1], [2, 3], [4]]
    assert query.chunks([], 2) == []


@pytest.mark.parametrize('pattern, like', [
    ('bench-*', 'bench-%'), ('*.de', '%.de'), ('exact.com', 'exact.com'),
    ('bench-0001?.com', None), ('[ab]*.com', None), ('100%.com', None), (None, None),
])
def test_like_pattern_only_for_star_wildcards(pattern, like):
    assert query.like_pattern(pattern) == like


def test_domains_of_account_filters_where_it_can():
    body = query.domains_of_account(tlds=['.DE', 'com'], pattern='Bench-*', offset=1000)
    assert body['filters'] == [{'key': 'tld', 'operator': 'IN', 'values': ['com', 'de'], 'link': 'AND'},
                               {'key': 'name', 'operator': 'LIKE', 'value': 'bench-%'}]
    assert body['view'] == {'limit': query.PAGE_SIZE, 'offset': 1000}
    assert query.domains_of_account(pattern='*')['filters'] == []
    assert query.name_matches('Bench-00012.COM', ['com'], 'bench-0001?.com')
    assert not query.name_matches('bench-00012.net', ['com'], None)


def test_pending_jobs_asks_for_every_status_that_is_not_final():
    body = query.pending_jobs(['a.example', 'b.example'])
    assert body['filters'] == [
        {'key': 'object', 'operator': 'IN', 'values': ['a.example', 'b.example'], 'link': 'AND'},
        {'key': 'status', 'operator': 'IN', 'values': list(jobs.JOB_STATUS_PENDING)}]
