# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS sandbox for bulk reads: Domain List entries and keys[], IN filters and paging,
the Job List by ids, --generate and --latency (docs/sandbox-autodns.md)."""
import time

import pytest
import requests

from sandbox.autodns import lists
from sandbox.launcher import Sandbox

SEED = 'tests/integration/seeds/autodns.yml'


def session():
    s = requests.Session()
    s.auth = ('demo', 'demo-password')
    s.headers.update({'X-Domainrobot-Context': '4', 'User-Agent': 'sandbox-bulk-test'})
    return s


@pytest.fixture(scope='module')
def box():
    with Sandbox('autodns', seed=SEED, rate_limit=0, generate=25, job_delay=30) as sandbox:
        yield sandbox


def search(box, path, body, keys=()):
    answer = session().post(box.url + path, json=body, params={'keys[]': list(keys)} if keys else None)
    return answer.status_code, answer.json()


def test_a_list_entry_has_only_the_base_fields_without_keys(box):
    status, body = search(box, '/domain/_search', {'filters': [{'key': 'name', 'value': 'example.com'}]})
    assert status == 200
    assert set(body['data'][0]) <= set(lists.DOMAIN_BASE)
    assert body['data'][0]['name'] == 'example.com'


def test_keys_add_their_fields_swagger_names_and_help_page_names(box):
    info = session().get(box.url + '/domain/example.net').json()['data'][0]
    status, body = search(box, '/domain/_search', {'filters': [{'key': 'name', 'value': 'example.net'}]},
                          ['nserver', 'status', 'autorenew', 'ownerc', 'payable'])
    entry = body['data'][0]
    for field in ('nameServers', 'registryStatus', 'autoRenewStatus', 'ownerc', 'payable'):
        assert entry[field] == info[field]
    assert 'expire' not in entry and 'authinfo' not in entry and 'adminc' not in entry


def test_an_undocumented_key_is_refused(box):
    status, body = search(box, '/domain/_search', {}, ['nameservers'])
    assert status == 400 and body['messages'][0]['notice'] == 'JSON_VALIDATION'


def test_name_in_and_paging_by_offset(box):
    names = ['bench-%05d.com' % n for n in range(1, 26)] + ['example.com', 'nothere.com']
    seen = []
    for offset in (0, 10, 20):
        status, body = search(box, '/domain/_search', {'filters': [{'key': 'name', 'operator': 'IN', 'values': names}],
                                                       'view': {'limit': 10, 'offset': offset},
                                                       'orders': [{'key': 'name', 'type': 'ASC'}]})
        assert status == 200 and body['object']['summary'] == 26
        seen += [d['name'] for d in body['data']]
    assert seen == sorted(names[:-1])
    status, body = search(box, '/domain/_search', {'filters': [{'key': 'name', 'operator': 'IN', 'values': names}],
                                                   'view': {'limit': '10'}})
    assert status == 400  # view.limit is an integer


def test_tld_in_and_name_like(box):
    _status, body = search(box, '/domain/_search', {'filters': [
        {'key': 'tld', 'operator': 'IN', 'values': ['de', 'org'], 'link': 'AND'},
        {'key': 'name', 'operator': 'LIKE', 'value': '%.%'}]})
    assert [d['name'] for d in body['data']] == ['example.org', 'xn--mller-kva.de']


def test_generated_domains_share_contacts_and_vary(box):
    _status, body = search(box, '/domain/_search', {'filters': [{'key': 'name', 'operator': 'LIKE', 'value': 'bench-*'}],
                                                    'view': {'limit': 100}},
                           ['ownerc', 'adminc', 'techc', 'zonec', 'autorenew', 'expire', 'status', 'nserver'])
    entries = body['data']
    assert [d['name'] for d in entries] == ['bench-%05d.com' % n for n in range(1, 26)]
    assert len(set((d['ownerc']['id'], d['adminc']['id'], d['techc']['id'], d['zonec']['id']) for d in entries)) == 1
    assert set(d['autoRenewStatus'] for d in entries) == {'TRUE', 'FALSE', 'ONCE'}
    assert set(d['registryStatus'] for d in entries) == {'ACTIVE', 'LOCK', 'LOCK_UPDATE'}
    assert len(set(d['expire'] for d in entries)) == 25
    assert len(set(tuple(ns['name'] for ns in d['nameServers']) for d in entries)) == 2
    ids = [str(entries[0]['ownerc']['id']), str(entries[0]['techc']['id'])]
    _status, contacts = search(box, '/contact/_search', {'filters': [{'key': 'id', 'operator': 'IN', 'values': ids}]})
    assert contacts['object']['summary'] == 2


def test_job_list_by_ids_and_by_objects(box):
    s = session()
    ids = []
    for name in ('bench-00001.com', 'bench-00002.com'):
        ids.append(s.put(box.url + '/domain/%s' % name, json={'autoRenewStatus': 'FALSE'}).json()['data'][0]['id'])
    _status, body = search(box, '/job/_search', {'filters': [{'key': 'id', 'operator': 'IN', 'values': [str(i) for i in ids]}]},
                           ['status', 'action', 'object'])
    assert sorted(e['job']['id'] for e in body['data']) == sorted(ids)
    assert all(e['job']['status'] == 'RUNNING' for e in body['data'])
    _status, body = search(box, '/job/_search', {'filters': [
        {'key': 'object', 'operator': 'IN', 'values': ['bench-00002.com', 'bench-00003.com'], 'link': 'AND'},
        {'key': 'status', 'operator': 'IN', 'values': ['RUNNING', 'WAIT']}]})
    assert [e['object']['value'] for e in body['data']] == ['bench-00002.com']


def test_latency_delays_every_answer():
    with Sandbox('autodns', seed=SEED, rate_limit=0, latency=0.3) as sandbox:
        s = session()
        started = time.monotonic()
        assert s.get(sandbox.url + '/domain/example.com').status_code == 200
        assert s.get(sandbox.url + '/domain/example.com').status_code == 200
        assert time.monotonic() - started >= 0.6


def test_the_rate_limit_stays_on_by_default_with_generated_domains():
    with Sandbox('autodns', seed=SEED, generate=3) as sandbox:
        s = session()
        codes = [s.post(sandbox.url + '/domain/_search', json={}).status_code for _n in range(5)]
        assert codes[:3] == [200, 200, 200] and 429 in codes[3:]


def test_generate_refuses_a_name_the_seed_has(tmp_path):
    seed = tmp_path / 'seed.yml'
    seed.write_text(open(SEED, encoding='utf-8').read().replace('name: example.com', 'name: bench-00001.com', 1))
    with pytest.raises(RuntimeError):
        Sandbox('autodns', seed=str(seed), generate=1)
