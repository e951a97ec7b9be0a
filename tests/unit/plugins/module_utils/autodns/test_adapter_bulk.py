# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS adapter's bulk reads (get_domains, list_domains, pending_many, refresh_many).

Against the sandbox over real HTTP (integration seed plus generated domains, a cancelation at a
date and one at expiry): the Domains equal what get_domain reads, and the journal counts the
requests. A few fake clients show the paging and the fallbacks the live service may need.
"""
import json
import time

import pytest
import requests

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import query
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Submission
from sandbox.launcher import Sandbox

SEED = 'tests/integration/seeds/autodns.yml'
GENERATED = 30
SETTINGS = {'api_url': 'http://unused', 'username': 'demo', 'password': 'demo-password', 'context': 4,
            'validate_certs': True, 'timeout': 10}


def http(sandbox):
    session = requests.Session()
    session.auth = ('demo', 'demo-password')
    session.headers.update({'X-Domainrobot-Context': '4', 'User-Agent': 'bulk-test'})
    return session


def start(journal_path, job_delay):
    sandbox = Sandbox('autodns', seed=SEED, journal=str(journal_path), rate_limit=0, generate=GENERATED, job_delay=job_delay)
    sandbox.journal = journal_path
    session = http(sandbox)
    # varied cancelations: one at a date (needs GET .../cancelation), one at expiry (cancelationStatus says it)
    for name, body in (('example.org', {'type': 'DELETE', 'execution': 'DATE', 'registryWhen': '2031-01-01T00:00:00.000+0000'}),
                       ('bench-00003.com', {'type': 'DELETE', 'execution': 'EXPIRE'})):
        answer = session.post(sandbox.url + '/domain/%s/cancelation' % name, json=body)
        assert answer.status_code == 200, answer.text
    return sandbox


@pytest.fixture
def box(tmp_path):
    sandbox = start(tmp_path / 'journal.jsonl', 0.2)
    try:
        yield sandbox
    finally:
        sandbox.stop()


def adapter_for(box):
    client = AutoDNSClient(box.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0)
    return AutoDNSAdapter(dict(SETTINGS, api_url=box.url), client=client)


def journal(box):
    def read():
        return box.journal.read_text().splitlines() if box.journal.exists() else []
    lines = read()
    while True:
        time.sleep(0.05)
        again = read()
        if again == lines:
            return [json.loads(line) for line in lines]
        lines = again


def requests_since(box, mark):
    return ['%s %s' % (e['method'], e['path'][len('/v1'):]) for e in journal(box)[mark:]]


def all_names(box):
    answer = http(box).post(box.url + '/domain/_search', json={'view': {'limit': 1000}}).json()
    return [d['name'] for d in answer['data']]


def test_get_domains_equals_get_domain_in_three_requests(box):
    names = all_names(box)
    assert len(names) == 4 + GENERATED
    single = dict((name, adapter_for(box).get_domain(name)) for name in names)
    mark = len(journal(box))
    bulk = adapter_for(box).get_domains(names + ['absent.example'])
    assert bulk == dict(single, **{'absent.example': None})
    # the varied cases are really there
    assert bulk['example.org'].registrar_data['cancelation']['execution'] == 'DATE'
    assert bulk['bench-00003.com'].autorenew is False
    assert set(d.status for d in single.values()) >= {'ACTIVE', 'LOCK', 'LOCK_UPDATE'}
    assert any(ns.ipv4 for ns in bulk['example.net'].nameservers)
    assert requests_since(box, mark) == ['POST /domain/_search', 'POST /contact/_search', 'GET /domain/example.org/cancelation']


def test_get_domains_keys_are_what_a_user_passed(box):
    found = adapter_for(box).get_domains(['Example.COM.', 'bench-00001.com', 'bench-00001.com'])
    assert list(found) == ['Example.COM.', 'bench-00001.com']
    assert found['Example.COM.'].name == 'example.com'


def test_get_domains_pages_in_chunks(box, monkeypatch):
    names = all_names(box)
    monkeypatch.setattr(query, 'PAGE_SIZE', 10)
    mark = len(journal(box))
    bulk = adapter_for(box).get_domains(names)
    assert sorted(bulk) == sorted(names) and all(bulk.values())
    sent = requests_since(box, mark)
    assert sent.count('POST /domain/_search') == 4  # 34 names, 10 a page
    assert sent.count('POST /contact/_search') == 1  # 6 handles
    assert [e['query']['keys[]'] for e in journal(box)[mark:] if e['path'] == '/v1/domain/_search'][0] == list(query.DOMAIN_KEYS)


def test_list_domains_by_tld_and_pattern(box):
    adapter = adapter_for(box)
    mark = len(journal(box))
    assert [d.name for d in adapter.list_domains(tlds=['de'])] == ['xn--mller-kva.de']
    assert requests_since(box, mark) == ['POST /domain/_search', 'POST /contact/_search']
    assert [d.name for d in adapter.list_domains(pattern='bench-0000*')] == ['bench-%05d.com' % n for n in range(1, 10)]
    # '?' is no LIKE wildcard: the account is listed and the pattern applied here
    assert [d.name for d in adapter.list_domains(pattern='bench-0001?.com')] == ['bench-%05d.com' % n for n in range(10, 20)]
    everything = adapter.list_domains()
    assert [d.name for d in everything] == sorted(all_names(box))
    assert everything == [adapter.get_domain(d.name) for d in everything]


def test_pending_many_and_refresh_many_follow_many_jobs_together(tmp_path):
    box = start(tmp_path / 'journal.jsonl', 2.0)
    try:
        session = http(box)
        changed = ['bench-00001.com', 'bench-00002.com', 'example.com']
        for name in changed:
            assert session.put(box.url + '/domain/%s' % name, json={'autoRenewStatus': 'FALSE'}).status_code == 200
        adapter = adapter_for(box)
        names = all_names(box)
        mark = len(journal(box))
        pending = adapter.pending_many(names, ['autorenew'])
        assert requests_since(box, mark) == ['POST /job/_search']
        assert sorted(n for n, jobs in pending.items() if jobs) == changed
        assert all(len(pending[n]) == 1 for n in changed)
        # a job that locks do not care about is left out
        assert all(not jobs for jobs in adapter.pending_many(changed, ['locks']).values())

        submissions = [pending[n][0] for n in changed]
        mark = len(journal(box))
        again = adapter.refresh_many(submissions)
        assert requests_since(box, mark) == ['POST /job/_search']
        assert [s.id for s in again] == [s.id for s in submissions] and not any(s.done for s in again)
        done = adapter.wait_many(submissions, timeout=20, interval=0.2)
        assert all(s.done and s.status == 'SUCCESS' for s in done)
        assert all(e['path'] == '/v1/job/_search' for e in journal(box)[mark:])
        assert all(d.autorenew is False for d in adapter.get_domains(changed).values())
    finally:
        box.stop()


class ListClient:
    """Answers POST .../_search from ``answers`` (a function of path and body); GETs from ``gets``."""

    def __init__(self, answers, gets=None):
        self.answers = answers
        self.gets = gets or {}
        self.sent = []

    def request(self, method, path, body=None, params=None):
        self.sent.append((method, path, body))
        return self.answers(path, body)

    def get(self, path):
        self.sent.append(('GET', path, None))
        if path not in self.gets:
            raise NotFound('404', 'not found')
        return self.gets[path]


def domain_data(name, **extra):
    data = {'name': name, 'payable': '2027-01-01T00:00:00.000+0000', 'expire': '2027-01-01T00:00:00.000+0000',
            'registryStatus': 'ACTIVE', 'autoRenewStatus': 'TRUE', 'nameServers': [{'name': 'a.ns14.net'}], 'dnssec': False}
    data.update(extra)
    return data


def test_a_service_that_answers_fewer_than_the_limit_is_read_whole():
    names = ['d%d.example' % i for i in range(7)]

    def answers(path, body):
        if path == '/contact/_search':
            return {'status': {}, 'object': {'summary': 0}, 'data': []}
        wanted = body['filters'][0]['values']
        offset = body['view']['offset']
        return {'status': {}, 'object': {'summary': len(wanted)}, 'data': [domain_data(n) for n in wanted[offset:offset + 3]]}
    client = ListClient(answers)
    found = AutoDNSAdapter(SETTINGS, client=client).get_domains(names)
    assert all(found[n].name == n for n in names)
    assert [b['view']['offset'] for _m, p, b in client.sent if p == '/domain/_search'] == [0, 3, 6]


@pytest.mark.parametrize('missing', ['payable', 'nameServers', 'autoRenewStatus', 'registryStatus'])
def test_an_entry_without_a_field_the_plan_reads_is_read_with_domain_info_alone(missing):
    # A keys[] name the service does not honour leaves the field out (autodns-list-keys.json
    # entry_complete): read as "no name servers" or "autorenew unknown" it would plan a change.
    def answers(path, body):
        if path == '/contact/_search':
            return {'status': {}, 'object': {'summary': 0}, 'data': []}
        return {'status': {}, 'object': {'summary': 2},
                'data': [domain_data('a.example'), dict((k, v) for k, v in domain_data('b.example').items() if k != missing)]}
    client = ListClient(answers, {'/domain/b.example': {'status': {}, 'data': [domain_data('b.example')]}})
    found = AutoDNSAdapter(SETTINGS, client=client).get_domains(['a.example', 'b.example'])
    assert found['b.example'].payable.isoformat() == '2027-01-01'
    assert found['b.example'].nameservers and found['b.example'].autorenew is True
    assert [(m, p) for m, p, _b in client.sent if m == 'GET'] == [('GET', '/domain/b.example')]


def test_refresh_many_reads_a_job_the_list_leaves_out_by_its_id():
    def answers(path, body):
        return {'status': {}, 'object': {'summary': 1},
                'data': [{'job': {'id': 1, 'status': 'SUCCESS'}, 'object': {'type': 'domain', 'value': 'a.example'}}]}
    client = ListClient(answers, {'/job/2': {'status': {}, 'data': [{'job': {'id': 2, 'status': 'FAILED'}}]}})
    running = [Submission('PUT /domain/a.example', 'a.example', '1', 'RUNNING'),
               Submission('PUT /domain/b.example', 'b.example', '2', 'RUNNING'),
               Submission('PUT /domain/c.example', 'c.example', '3', 'SUCCESS', done=True)]
    first, second, third = AutoDNSAdapter(SETTINGS, client=client).refresh_many(running)
    assert (first.status, first.done, second.status, second.failed, third) == ('SUCCESS', True, 'FAILED', True, running[2])
    assert [(m, p) for m, p, _b in client.sent] == [('POST', '/job/_search'), ('GET', '/job/2')]
    assert client.sent[0][2]['filters'] == [{'key': 'id', 'operator': 'IN', 'values': ['1', '2']}]


def test_nothing_asked_sends_nothing():
    client = ListClient(lambda path, body: pytest.fail('no request expected: %s' % path))
    adapter = AutoDNSAdapter(SETTINGS, client=client)
    done = Submission('PUT /domain/a.example', 'a.example', '1', 'SUCCESS', done=True)
    assert adapter.get_domains([]) == {} and adapter.pending_many([], ['autorenew']) == {}
    assert adapter.refresh_many([done]) == [done]
    assert client.sent == []


def test_a_signed_domain_is_read_alone_for_its_key_material_the_others_from_the_list():
    key = {'flags': 257, 'protocol': 3, 'algorithm': 13,
           'publicKey': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}

    def answers(path, body):
        if path == '/contact/_search':
            return {'status': {}, 'object': {'summary': 0}, 'data': []}
        return {'status': {}, 'object': {'summary': 2},
                'data': [domain_data('a.example'), domain_data('b.example', dnssec=True)]}
    client = ListClient(answers, {'/domain/b.example': {'status': {}, 'data': [domain_data('b.example', dnssec=True,
                                                                                           dnssecData=[key])]}})
    found = AutoDNSAdapter(SETTINGS, client=client).get_domains(['a.example', 'b.example'])
    assert [k.algorithm for k in found['b.example'].dnssec] == [13] and found['a.example'].dnssec == ()
    assert [(m, p) for m, p, _b in client.sent if m == 'GET'] == [('GET', '/domain/b.example')]
