# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS sandbox over real HTTP, checked the way a client checks answers.

Each test starts its own sandbox (fresh state) from the seed below.
"""
import base64
import http.client
import json
import textwrap
import time
import urllib.parse

import jsonschema
import pytest
import requests

from sandbox.autodns import routes
from sandbox.autodns.spec import FORMATS, SPEC_FILE, Spec
from sandbox.launcher import Sandbox

PASSWORD = 'demo-password'
AUTHINFO = 'J/w0Xpn66I87YVty'
TRANSFER_AUTHINFO = 'S0Lygv+ZkNbniICm'

SEED = textwrap.dedent('''\
    accounts: [{user: demo, password: demo-password, context: 4}]
    contacts:
      - {id: 100, type: PERSON, fname: John, lname: Doe, organization: Example, address: ["Street 1"],
         pcode: "12345", city: Berlin, country: DE, email: john@example.com, phone: "+49.301234567"}
      - {id: 101, type: ROLE, fname: Host, lname: Master, organization: Example, address: ["Street 1"],
         pcode: "12345", city: Berlin, country: DE, email: hostmaster@example.com, phone: "+49.301234568"}
      - {id: 102, type: PERSON, fname: Erika, lname: Mustermann, organization: Example GmbH,
         address: ["Musterweg 2"], pcode: "54321", city: Hamburg, country: DE, email: erika@example.org,
         phone: "+49.401234567"}
      - {id: 103, type: PERSON, fname: John, lname: Doe, organization: Example, address: ["Other Street 9"],
         pcode: "10115", city: Berlin, country: DE, email: john@example.com, phone: "+49.309999999"}
      - {id: 104, type: PERSON, fname: Nobody, lname: Uses, address: ["Street 3"], pcode: "12345",
         city: Berlin, country: DE, email: nobody@example.net, phone: "+49.301111111"}
    domains:
      - name: example.com
        payable: "2027-12-31T12:00:00.000+0200"
        ownerc: 100
        adminc: 100
        techc: 101
        zonec: 101
        nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]
        registryStatus: ACTIVE
        autoRenewStatus: "TRUE"
        authinfo: "J/w0Xpn66I87YVty"
      - name: example.net
        expire: "2027-03-15T00:00:00.000+0000"
        ownerc: 100
        adminc: 100
        techc: 101
        nameServers: [{name: ns1.example.net, ipAddresses: ["192.0.2.53"]}, {name: b.ns14.net}]
      - name: example.org
        payable: "2028-08-01T12:00:00.000+0200"
        ownerc: 102
        adminc: 102
        techc: 101
        nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]
        registryStatus: LOCK
      - name: xn--mller-kva.de
        payable: "2027-11-30T00:00:00.000+0100"
        ownerc: 102
        adminc: 102
        techc: 101
        nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]
    transferable:
      - name: transfer-in.example
        payable: "2027-05-20T00:00:00.000+0000"
        nameServers: [{name: ns1.other.example}, {name: ns2.other.example}]
        authinfo: "S0Lygv+ZkNbniICm"
    deleted:
      - name: restore-me.example
        payable: "2027-02-01T00:00:00.000+0000"
        ownerc: 100
        adminc: 100
        techc: 101
        nameServers: [{name: a.ns14.net}, {name: b.ns14.net}]
''')


class Client:
    """A minimal AutoDNS client: Basic auth, context header, JSON."""

    def __init__(self, url, user='demo', password=PASSWORD, context='4'):
        self.url = url
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.headers.update({'X-Domainrobot-Context': context, 'User-Agent': 'autodns-sandbox-tests'})

    def call(self, method, path, body=None, **kwargs):
        response = self.session.request(method, self.url + path, json=body, timeout=10, **kwargs)
        return response.status_code, response.json()

    def get(self, path, **kwargs):
        return self.call('GET', path, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.call('PUT', path, body, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.call('POST', path, body, **kwargs)

    def delete(self, path, **kwargs):
        return self.call('DELETE', path, **kwargs)

    def domain(self, name):
        status, body = self.get('/domain/' + name)
        assert status == 200, body
        return body['data'][0]

    def wait_job(self, job_id, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = self.get('/job/%d' % job_id)
            assert status == 200, body
            job = body['data'][0]['job']
            if job['status'] != 'RUNNING':
                return job
            time.sleep(0.05)
        raise AssertionError('job %d still running' % job_id)

    def drain_poll(self):
        messages = []
        while True:
            status, body = self.get('/poll')
            assert status == 200
            if not body['data']:
                return messages
            message = body['data'][0]  # the swagger's PollMessage (the default --poll-shape spec)
            messages.append(message)
            assert self.put('/poll/%d' % message['id'])[0] == 200


@pytest.fixture
def seed_file(tmp_path):
    path = tmp_path / 'autodns-seed.yml'
    path.write_text(SEED)
    return str(path)


@pytest.fixture
def journal_file(tmp_path):
    return str(tmp_path / 'journal.jsonl')


@pytest.fixture
def sandbox(seed_file, journal_file):
    with Sandbox('autodns', seed=seed_file, journal=journal_file,
                 extra_args=['--job-delay', '0.2', '--rate-limit', '0']) as running:
        yield running


@pytest.fixture
def client(sandbox):
    return Client(sandbox.url)


def assert_envelope(body, code, type_):
    assert body['stid']
    assert body['status']['code'] == code, body
    assert body['status']['type'] == type_
    assert body['status']['text']
    assert isinstance(body['data'], list)


def assert_error(status, body, http_status, code, notice=None):
    assert status == http_status, body
    assert_envelope(body, code, 'ERROR')
    assert code.startswith('E')
    if notice:
        assert body['messages'][0]['notice'] == notice, body


def start_job(result, code):
    status, body = result
    assert status == 200, body
    assert_envelope(body, code, 'NOTIFY')
    job = body['data'][0]
    assert job['status'] == 'RUNNING'
    assert isinstance(job['id'], int)
    return job['id']


# ---------------------------------------------------------------- stage 1
def test_ready_line_and_domain_info(sandbox, client):
    assert sandbox.url.startswith('http://127.0.0.1:') and sandbox.url.endswith('/v1')
    status, body = client.get('/domain/example.com')
    assert status == 200
    assert_envelope(body, 'S0105', 'SUCCESS')
    assert body['object'] == {'type': 'domain', 'value': 'example.com'}
    domain = body['data'][0]
    assert domain['name'] == 'example.com'
    assert domain['payable'] == '2027-12-31T12:00:00.000+0200'
    assert domain['expire'] == '2027-12-31T12:00:00.000+0200'
    assert domain['ownerc'] == {'id': 100} and domain['techc'] == {'id': 101}
    assert domain['nameServers'] == [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}]
    assert domain['registryStatus'] == 'ACTIVE'
    assert domain['autoRenewStatus'] == 'TRUE'
    assert domain['authinfo'] == AUTHINFO
    assert domain['owner'] == {'user': 'demo', 'context': 4}
    assert 'created' in domain and 'updated' in domain


def test_idn_domain_has_unicode_name(client):
    domain = client.domain('xn--mller-kva.de')
    assert domain['idn'] == 'müller.de'


@pytest.mark.parametrize('auth,context', [
    (('demo', 'wrong'), '4'),
    (('someone', PASSWORD), '4'),
    (('demo', PASSWORD), '5'),
    (('demo', PASSWORD), None),
    (None, '4'),
])
def test_bad_credentials_are_rejected_with_401(sandbox, auth, context):
    headers = {'User-Agent': 'tests'}
    if context:
        headers['X-Domainrobot-Context'] = context
    response = requests.get(sandbox.url + '/domain/example.com', auth=auth, headers=headers, timeout=5)
    assert response.status_code == 401
    body = response.json()
    assert_error(401, body, 401, 'E0105', 'AUTHENTICATION_FAILED')
    assert 'example.com' not in json.dumps(body)


def test_missing_user_agent_is_rejected(sandbox):
    # http.client sends no User-Agent of its own (requests/urllib3 always add one)
    split = urllib.parse.urlsplit(sandbox.url)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=5)
    token = base64.b64encode(('demo:' + PASSWORD).encode()).decode()
    connection.request('GET', split.path + '/domain/example.com',
                       headers={'Authorization': 'Basic ' + token, 'X-Domainrobot-Context': '4'})
    response = connection.getresponse()
    body = json.loads(response.read())
    connection.close()
    assert_error(response.status, body, 400, 'E0105', 'USER_AGENT_REQUIRED')


def test_unknown_domain_is_404(client):
    status, body = client.get('/domain/unknown-domain.example')
    assert_error(status, body, 404, 'E0105', 'DOMAIN_NOT_FOUND')
    assert body['object'] == {'type': 'domain', 'value': 'unknown-domain.example'}


def test_unknown_route_and_method(client):
    status, body = client.get('/nothing/here')
    assert_error(status, body, 404, 'E0000', 'ROUTE_NOT_FOUND')
    status, body = client.call('PATCH', '/poll')
    assert_error(status, body, 405, 'E0000', 'METHOD_NOT_ALLOWED')


def test_update_runs_as_job_and_changes_domain_only_when_done(client):
    before = client.domain('example.com')
    job_id = start_job(client.put('/domain/example.com', {
        'nameServers': [{'name': 'ns1.example.com', 'ipAddresses': ['192.0.2.1', '2001:db8::1']},
                        {'name': 'b.ns14.net'}]}), 'N0102')
    status, body = client.get('/job/%d' % job_id)
    assert status == 200
    assert_envelope(body, 'S300114', 'SUCCESS')
    assert body['object'] == {'type': 'job', 'value': str(job_id)}
    assert body['data'][0]['job']['status'] == 'RUNNING'
    assert body['data'][0]['job']['action'] == 'UPDATE'
    assert body['data'][0]['object'] == {'type': 'domain', 'value': 'example.com'}
    assert client.domain('example.com')['nameServers'] == before['nameServers']

    job = client.wait_job(job_id)
    assert job['status'] == 'SUCCESS'
    after = client.domain('example.com')
    assert after['nameServers'] == [{'name': 'ns1.example.com', 'ipAddresses': ['192.0.2.1', '2001:db8::1']},
                                    {'name': 'b.ns14.net'}]
    # fields not in the body keep their values
    assert after['ownerc'] == before['ownerc'] and after['autoRenewStatus'] == 'TRUE'
    assert after['payable'] == before['payable']

    status, body = client.get('/poll')
    assert_envelope(body, 'S0905', 'SUCCESS')
    (message,) = body['data']
    assert body['object']['summary'] == 1
    assert message['job']['id'] == job_id and message['job']['status'] == 'SUCCESS'
    assert message['job']['action'] == 'UPDATE'
    assert message['object']['type'] == 'Domain' and message['object']['value'] == 'example.com'
    assert message['object']['data']['nameServers'][0]['name'] == 'ns1.example.com'
    assert message['messages'][0]['code'] == 'S0102' and message['messages'][0]['status'] == 'SUCCESS'


def test_non_glue_addresses_are_not_kept(client):
    job_id = start_job(client.put('/domain/example.com', {
        'nameServers': [{'name': 'a.ns14.net', 'ipAddresses': ['192.0.2.1']}, {'name': 'b.ns14.net'}]}), 'N0102')
    client.wait_job(job_id)
    assert client.domain('example.com')['nameServers'] == [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}]


@pytest.mark.parametrize('name_servers,fragment', [
    ([{'name': 'not a host'}, {'name': 'b.ns14.net'}], 'fully qualified'),
    ([{'name': 'ns1.example.com'}, {'name': 'b.ns14.net'}], 'glue'),
    ([{'name': 'ns1.example.com', 'ipAddresses': ['300.1.2.3']}, {'name': 'b.ns14.net'}], 'invalid IP'),
    ([{'name': 'a.ns14.net'}, {'name': 'a.ns14.net'}], 'twice'),
    ([], 'at least one'),
])
def test_update_rejects_invalid_name_servers(client, name_servers, fragment):
    status, body = client.put('/domain/example.com', {'nameServers': name_servers})
    assert_error(status, body, 400, 'E0102', 'INVALID_NAMESERVER')
    assert fragment in body['status']['text']
    assert any(fragment in m['text'] for m in body['messages'])


def test_update_rejects_bad_values(client):
    status, body = client.put('/domain/example.com', {'autoRenewStatus': 'MAYBE'})
    assert_error(status, body, 400, 'E0102', 'JSON_VALIDATION')
    assert 'autoRenewStatus' in body['status']['text']
    status, body = client.put('/domain/example.com', {'adminc': {'id': 999}})
    assert_error(status, body, 400, 'E0102', 'CONTACT_NOT_FOUND')
    status, body = client.put('/domain/example.com', {'name': 'example.net'})
    assert_error(status, body, 400, 'E0102', 'INVALID_VALUE')
    status, body = client.put('/domain/unknown.example', {'autoRenewStatus': 'FALSE'})
    assert_error(status, body, 404, 'E0102', 'DOMAIN_NOT_FOUND')
    response = client.session.put(client.url + '/domain/example.com', data='{not json', timeout=5)
    assert_error(response.status_code, response.json(), 400, 'E0102', 'INVALID_JSON')


def test_write_while_job_running_is_accepted_as_another_job(client):
    # The reference documents no refusal of concurrent tasks, so the sandbox has none;
    # the collection avoids them by finding running jobs itself (POST /job/_search).
    first = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    second = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'ONCE'}), 'N0102')
    assert first != second


def test_unknown_job_is_404(client):
    status, body = client.get('/job/12345')
    assert_error(status, body, 404, 'E300114', 'JOB_NOT_FOUND')


def test_poll_shows_one_message_at_a_time_oldest_first(client):
    status, body = client.get('/poll')
    assert status == 200
    assert_envelope(body, 'S0905', 'SUCCESS')
    assert body['data'] == [] and body['object']['summary'] == 0

    first = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    second = start_job(client.put('/domain/example.net', {'autoRenewStatus': 'TRUE'}), 'N0102')
    client.wait_job(first)
    client.wait_job(second)

    status, body = client.get('/poll')
    assert len(body['data']) == 1
    assert body['object']['summary'] == 2
    head = body['data'][0]
    assert head['job']['id'] == first
    assert body['object'] == {'type': 'message', 'value': str(head['id']), 'summary': 2}
    # asking again shows the same message
    assert client.get('/poll')[1]['data'][0]['id'] == head['id']

    # the second message cannot be confirmed before the first
    other_id = head['id'] + 1
    status, body = client.put('/poll/%d' % other_id)
    assert_error(status, body, 400, 'E0906', 'MESSAGE_NOT_CURRENT')
    status, body = client.put('/poll/999999')
    assert_error(status, body, 404, 'E0906', 'MESSAGE_NOT_FOUND')

    status, body = client.put('/poll/%d' % head['id'])
    assert status == 200
    assert_envelope(body, 'S0906', 'SUCCESS')
    assert body['object'] == {'type': 'message', 'value': str(head['id'])}

    status, body = client.get('/poll')
    assert body['object']['summary'] == 1
    nxt = body['data'][0]
    assert nxt['id'] == other_id and nxt['job']['id'] == second
    assert client.put('/poll/%d' % nxt['id'])[0] == 200
    assert client.get('/poll')[1]['data'] == []
    assert_error(*client.put('/poll/%d' % nxt['id']), 404, 'E0906')


def test_rate_limit_answers_429(seed_file):
    with Sandbox('autodns', seed=seed_file, extra_args=['--rate-limit', '3']) as running:
        client = Client(running.url)
        results = [client.get('/domain/example.com') for _request in range(8)]
        codes = [status for status, _body in results]
        assert codes[:3] == [200, 200, 200]
        assert 429 in codes
        status, body = next(r for r in results if r[0] == 429)
        assert_error(status, body, 429, 'E0105', 'RATE_LIMIT')
        time.sleep(1.05)
        assert client.get('/domain/example.com')[0] == 200


def test_journal_lines_and_no_secrets(sandbox, client, journal_file):
    client.get('/domain/example.com')
    job_id = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    client.wait_job(job_id)
    requests.get(sandbox.url + '/poll', auth=('demo', 'bad-secret-pw'),
                 headers={'User-Agent': 't', 'X-Domainrobot-Context': '4'}, timeout=5)
    client.post('/domain/_search', {'filters': [{'key': 'name', 'value': 'example.com'}]})
    client.put('/domain/example.com/_renew?authinfo=%s' % AUTHINFO,
               {'payable': '2027-12-31T12:00:00.000+0200', 'authinfo': AUTHINFO})
    time.sleep(0.1)
    with open(journal_file, encoding='utf-8') as handle:
        text = handle.read()
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) >= 5
    for line in lines:
        assert {'method', 'path', 'query', 'status_code', 'code', 'write'} <= set(line)
    assert lines[0]['method'] == 'GET' and lines[0]['path'] == '/v1/domain/example.com'
    assert lines[0]['status_code'] == 200 and lines[0]['code'] == 'S0105' and lines[0]['write'] is False
    put = lines[1]
    assert put['method'] == 'PUT' and put['write'] is True and put['code'] == 'N0102'
    assert any(line['status_code'] == 401 for line in lines)
    search = next(line for line in lines if line['path'] == '/v1/domain/_search')
    assert search['method'] == 'POST' and search['write'] is False and search['code'] == 'S0105'
    assert PASSWORD not in text and 'bad-secret-pw' not in text and AUTHINFO not in text
    assert lines[-1]['query'] == {'authinfo': '***'}


# ---------------------------------------------------------------- stage 2: renew
def test_renew_needs_the_current_payable_and_cannot_run_twice(client):
    domain = client.domain('example.com')
    old_payable = domain['payable']
    body = {'period': {'period': 1, 'unit': 'YEAR'}, 'payable': old_payable}

    status, error = client.put('/domain/example.com/_renew', dict(body, payable='2026-12-31T12:00:00.000+0200'))
    assert_error(status, error, 400, 'E0101003', 'PAYABLE_MISMATCH')
    status, error = client.put('/domain/example.com/_renew', {'period': {'period': 1, 'unit': 'YEAR'}})
    assert_error(status, error, 400, 'E0101003', 'PAYABLE_REQUIRED')

    status, started = client.put('/domain/example.com/_renew', body)
    job_id = start_job((status, started), 'N0101003')
    assert started['object'] == {'type': 'domain', 'value': 'example.com'}
    # while the job runs, the domain is unchanged
    assert client.domain('example.com')['payable'] == old_payable
    # ... but the running renewal has consumed that payable: the same request is refused, not a second renewal
    status, error = client.put('/domain/example.com/_renew', body)
    assert_error(status, error, 400, 'E0101003', 'PAYABLE_MISMATCH')
    assert 'job %d is running' % job_id in error['status']['text']

    assert client.wait_job(job_id)['status'] == 'SUCCESS'
    renewed = client.domain('example.com')
    assert renewed['payable'] == '2028-12-31T12:00:00.000+0200'
    assert renewed['expire'] == '2028-12-31T12:00:00.000+0200'
    # the same request again carries the old payable and is rejected
    assert_error(*client.put('/domain/example.com/_renew', body), 400, 'E0101003', 'PAYABLE_MISMATCH')

    (message,) = client.drain_poll()
    assert message['messages'][0]['code'] == 'S0101003'
    assert message['job']['action'] == 'RENEW' and message['job']['id'] == job_id
    assert message['object']['data']['payable'] == '2028-12-31T12:00:00.000+0200'


def test_renew_accepts_the_same_instant_and_refuses_a_bare_date(client):
    job_id = start_job(client.put('/domain/example.com/_renew', {
        'period': {'period': 2, 'unit': 'YEAR'}, 'payable': '2027-12-31T10:00:00Z'}), 'N0101003')
    client.wait_job(job_id)
    assert client.domain('example.com')['payable'] == '2029-12-31T12:00:00.000+0200'
    # Domain.payable is a date-time in the swagger: a bare date is not one
    status, body = client.put('/domain/example.com/_renew', {'payable': '2029-12-31'})
    assert_error(status, body, 400, 'E0101003', 'JSON_VALIDATION')
    assert 'body.payable' in body['status']['text']
    assert client.domain('example.com')['payable'] == '2029-12-31T12:00:00.000+0200'


# ---------------------------------------------------------------- stage 2: contacts
NEW_CONTACT = {'type': 'PERSON', 'fname': 'Max', 'lname': 'Muster', 'organization': 'Example AG',
               'address': ['Weg 5'], 'pcode': '80331', 'city': 'Munich', 'country': 'DE',
               'email': 'max@example.net', 'phone': '+49.891234567'}


def test_contact_create_info_update_search_delete(client):
    status, body = client.post('/contact', NEW_CONTACT)
    assert status == 200
    assert_envelope(body, 'S0301', 'SUCCESS')
    created = body['data'][0]
    assert created['id'] == 105 and created['fname'] == 'Max' and created['alias']
    assert body['object'] == {'type': 'contact', 'value': '105'}

    status, body = client.get('/contact/105')
    assert_envelope(body, 'S0304', 'SUCCESS')
    assert body['data'][0]['email'] == 'max@example.net'

    status, body = client.put('/contact/105', {'city': 'Augsburg'})
    assert_envelope(body, 'S0302', 'SUCCESS')
    assert body['data'][0]['city'] == 'Augsburg' and body['data'][0]['fname'] == 'Max'

    status, body = client.post('/contact/_search', {'filters': [
        {'key': 'fname', 'value': 'John', 'operator': 'EQUAL', 'link': 'AND'},
        {'key': 'email', 'value': 'john@example.com', 'operator': 'EQUAL'}]})
    assert_envelope(body, 'S0304', 'SUCCESS')
    assert sorted(c['id'] for c in body['data']) == [100, 103]
    assert body['object']['summary'] == 2
    status, body = client.post('/contact/_search', {'filters': [
        {'key': 'organization', 'value': 'Example*', 'operator': 'LIKE', 'link': 'AND'},
        {'key': 'city', 'value': 'Hamburg', 'operator': 'EQUAL'}]})
    assert [c['id'] for c in body['data']] == [102]
    assert_error(*client.post('/contact/_search', {'filters': [{'key': 'shoesize', 'value': '9'}]}),
                 400, 'E0304', 'INVALID_QUERY')

    assert_error(*client.delete('/contact/100'), 400, 'E0303', 'CONTACT_IN_USE')
    status, body = client.delete('/contact/105')
    assert_envelope(body, 'S0303', 'SUCCESS')
    assert_error(*client.get('/contact/105'), 404, 'E0304', 'CONTACT_NOT_FOUND')


def test_contact_create_rejects_incomplete_contacts(client):
    status, body = client.post('/contact', {'type': 'PERSON', 'fname': 'Max', 'country': 'Germany1'})
    assert_error(status, body, 400, 'E0301', 'INVALID_CONTACT')
    assert 'missing fields' in body['status']['text']


def test_contact_identity_change_of_a_gtld_owner_needs_consent(client):
    assert_error(*client.put('/contact/100', {'lname': 'Smith'}), 400, 'E0302', 'OWNER_CONSENT_REQUIRED')
    status, body = client.put('/contact/100', {'lname': 'Smith', 'confirmOwnerConsent': True})
    assert status == 200 and body['data'][0]['lname'] == 'Smith'
    # not an identity field: no consent needed
    assert client.put('/contact/100', {'phone': '+49.300000000'})[0] == 200


# ---------------------------------------------------------------- stage 2: domain contacts, owner change, status
def test_domain_contacts_change_and_owner_change_rules(client):
    job_id = start_job(client.put('/domain/example.com', {'adminc': {'id': 102}, 'zonec': {'id': 102}}), 'N0102')
    client.wait_job(job_id)
    domain = client.domain('example.com')
    assert domain['adminc'] == {'id': 102} and domain['zonec'] == {'id': 102} and domain['ownerc'] == {'id': 100}

    # a different owner identity of a gTLD by plain update needs the owner's consent (docs/reference/autodns-tld-rules.json)
    status, body = client.put('/domain/example.com', {'ownerc': {'id': 102}})
    assert_error(status, body, 400, 'E0102', 'OWNER_CONSENT_REQUIRED')
    # another handle with the same identity (name, organization, email) is a plain update
    job_id = start_job(client.put('/domain/example.com', {'ownerc': {'id': 103}}), 'N0102')
    client.wait_job(job_id)
    assert client.domain('example.com')['ownerc'] == {'id': 103}

    # .com does not trade: the new holder goes in the domain update, with consent
    trade = {'name': 'example.com', 'ownerc': {'id': 102}, 'confirmOwnerConsent': True}
    assert_error(*client.post('/domain/_trade', trade), 400, 'E0104010', 'TRADE_NOT_SUPPORTED')
    job_id = start_job(client.put('/domain/example.com', {'ownerc': {'id': 102}, 'confirmOwnerConsent': True}), 'N0102')
    client.wait_job(job_id)
    assert client.domain('example.com')['ownerc'] == {'id': 102}

    # the deprecated route does the same; a ccTLD needs no consent
    job_id = start_job(client.put('/domain/xn--mller-kva.de/_ownerChange', {'ownerc': {'id': 100}}), 'N0104010')
    client.wait_job(job_id)
    assert client.domain('xn--mller-kva.de')['ownerc'] == {'id': 100}


def test_registry_status_is_changed_by_status_update_only(client):
    status, body = client.put('/domain/example.com', {'registryStatus': 'LOCK'})
    assert_error(status, body, 400, 'E0102', 'STATUS_CHANGE_NOT_HERE')
    # sending the unchanged status along with other fields is fine
    job_id = start_job(client.put('/domain/example.com', {'registryStatus': 'ACTIVE', 'autoRenewStatus': 'ONCE'}),
                       'N0102')
    client.wait_job(job_id)
    assert client.domain('example.com')['autoRenewStatus'] == 'ONCE'

    job_id = start_job(client.put('/domain/example.com/_statusUpdate', {'registryStatus': 'LOCK'}), 'N0102002')
    assert client.wait_job(job_id)['action'] == 'UPDATE_STATUS'
    assert client.domain('example.com')['registryStatus'] == 'LOCK'
    assert_error(*client.put('/domain/example.com/_statusUpdate', {'registryStatus': 'LOCKED'}),
                 400, 'E0102002', 'JSON_VALIDATION')


# ---------------------------------------------------------------- stage 2: create, transfer
def test_create_becomes_a_domain_after_the_job(client):
    body = {'name': 'new-domain.example', 'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 101},
            'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}], 'period': {'period': 2, 'unit': 'YEAR'}}
    job_id = start_job(client.post('/domain', body), 'N0101')
    assert_error(*client.get('/domain/new-domain.example'), 404, 'E0105')
    assert_error(*client.post('/domain', body), 400, 'E0101', 'DOMAIN_EXISTS')
    assert client.wait_job(job_id)['action'] == 'CREATE'
    domain = client.domain('new-domain.example')
    assert domain['ownerc'] == {'id': 100} and domain['registryStatus'] == 'ACTIVE'
    assert domain['payable'][:4] == str(int(domain['created'][:4]) + 2)
    (message,) = client.drain_poll()
    assert message['messages'][0]['code'] == 'S0101'

    assert_error(*client.post('/domain', dict(body, name='example.com')), 400, 'E0101', 'DOMAIN_EXISTS')
    assert_error(*client.post('/domain', dict(body, name='transfer-in.example')), 400, 'E0101',
                 'DOMAIN_NOT_AVAILABLE')
    assert_error(*client.post('/domain', dict(body, name='bad_name.example')), 400, 'E0101',
                 'INVALID_DOMAIN_NAME')
    missing = dict(body, name='other.example')
    del missing['techc']
    assert_error(*client.post('/domain', missing), 400, 'E0101', 'INVALID_CONTACT')


def test_transfer_needs_the_right_authinfo(client):
    body = {'name': 'transfer-in.example', 'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 101},
            'authinfo': 'wrong-authinfo'}
    job_id = start_job(client.post('/domain/_transfer', body), 'N0104')
    assert client.wait_job(job_id)['status'] == 'FAILED'
    assert_error(*client.get('/domain/transfer-in.example'), 404, 'E0105')
    (message,) = client.drain_poll()
    assert message['messages'][0]['code'] == 'E0104' and message['messages'][0]['status'] == 'ERROR'
    assert message['job']['status'] == 'FAILED'
    assert 'authinfo' in message['messages'][0]['text']

    job_id = start_job(client.post('/domain/_transfer', dict(body, authinfo=TRANSFER_AUTHINFO)), 'N0104')
    assert client.wait_job(job_id)['status'] == 'SUCCESS'
    domain = client.domain('transfer-in.example')
    assert domain['payable'] == '2027-05-20T00:00:00.000+0000'
    assert domain['nameServers'] == [{'name': 'ns1.other.example'}, {'name': 'ns2.other.example'}]
    assert domain['action'] == 'TRANSFER'
    assert domain['authinfo'] == TRANSFER_AUTHINFO  # moves with the domain; only _authinfo1 makes a new one
    assert_error(*client.post('/domain/_transfer', dict(body, name='example.com')), 400, 'E0104', 'DOMAIN_EXISTS')
    assert_error(*client.post('/domain/_transfer', dict(body, authinfo='')), 400, 'E0104')


# ---------------------------------------------------------------- stage 2: cancelation, restore, authinfo
def test_cancelation_now_deletes_and_restore_brings_back(client):
    status, body = client.post('/domain/example.net/cancelation',
                               {'domain': 'example.net', 'type': 'DELETE', 'execution': 'NOW'})
    assert status == 200
    assert_envelope(body, 'S0103101', 'SUCCESS')
    assert body['data'][0]['type'] == 'DELETE' and body['data'][0]['execution'] == 'NOW'
    assert_error(*client.post('/domain/example.net/cancelation', {'type': 'DELETE', 'execution': 'NOW'}),
                 400, 'E0103101', 'CANCELATION_EXISTS')
    status, body = client.get('/domain/example.net/cancelation')
    assert_envelope(body, 'S0103104', 'SUCCESS')
    assert client.domain('example.net')['cancelationStatus'] == 'DELETE'

    time.sleep(0.3)
    assert_error(*client.get('/domain/example.net'), 404, 'E0105', 'DOMAIN_NOT_FOUND')
    status, body = client.post('/domain/restore/_search', {})
    assert_envelope(body, 'S0105005', 'SUCCESS')
    assert sorted(d['name'] for d in body['data']) == ['example.net', 'restore-me.example']

    job_id = start_job(client.put('/domain/example.net/_restore', {}), 'N0101005')
    assert client.wait_job(job_id)['action'] == 'RESTORE'
    restored = client.domain('example.net')
    assert restored['registryStatus'] == 'ACTIVE' and 'cancelationStatus' not in restored
    assert_error(*client.put('/domain/example.net/_restore', {}), 400, 'E0101005', 'DOMAIN_EXISTS')
    assert_error(*client.put('/domain/never-there.example/_restore', {}), 404, 'E0101005', 'DOMAIN_NOT_RESTORABLE')

    job_id = start_job(client.put('/domain/restore-me.example/_restore'), 'N0101005')
    client.wait_job(job_id)
    assert client.domain('restore-me.example')['name'] == 'restore-me.example'


def test_cancelation_at_expire_can_be_updated_and_withdrawn(client):
    status, body = client.post('/domain/example.org/cancelation', {'type': 'DELETE', 'execution': 'EXPIRE'})
    assert body['data'][0]['status'] == 'DELETE_EXPIRE'
    assert_error(*client.post('/domain/example.com/cancelation', {'type': 'DELETE', 'execution': 'DATE'}),
                 400, 'E0103101', 'INVALID_VALUE')
    assert_error(*client.post('/domain/example.com/cancelation', {'type': 'DELETE', 'execution': 'LATER'}),
                 400, 'E0103101', 'JSON_VALIDATION')
    status, body = client.put('/domain/example.org/cancelation',
                              {'execution': 'DATE', 'registryWhen': '2027-01-01T00:00:00.000+0000'})
    assert_envelope(body, 'S0103102', 'SUCCESS')
    assert body['data'][0]['registryWhen'] == '2027-01-01T00:00:00.000+0000'
    status, body = client.delete('/domain/example.org/cancelation')
    assert_envelope(body, 'S0103103', 'SUCCESS')
    assert_error(*client.get('/domain/example.org/cancelation'), 404, 'E0103104', 'CANCELATION_NOT_FOUND')
    assert_error(*client.delete('/domain/example.org/cancelation'), 404, 'E0103103', 'CANCELATION_NOT_FOUND')
    assert client.domain('example.org')['name'] == 'example.org'


def test_authinfo_create_and_delete(client):
    status, body = client.post('/domain/example.com/_authinfo1')
    assert_envelope(body, 'S0113001', 'SUCCESS')
    new = body['data'][0]['authinfo']
    assert new and new != AUTHINFO
    assert client.domain('example.com')['authinfo'] == new
    status, body = client.delete('/domain/example.com/_authinfo1')
    assert_envelope(body, 'S0113002', 'SUCCESS')
    assert 'authinfo' not in client.domain('example.com')
    assert_error(*client.delete('/domain/example.com/_authinfo1'), 400, 'E0113002', 'AUTHINFO_NOT_FOUND')


# ---------------------------------------------------------------- stage 2: lists
def test_domain_search_by_expire_and_name(client):
    status, body = client.post('/domain/_search', {'filters': [
        {'key': 'expire', 'value': '2027-12-01', 'operator': 'LESS'}]})
    assert status == 200
    assert_envelope(body, 'S0105', 'SUCCESS')
    assert [d['name'] for d in body['data']] == ['example.net', 'xn--mller-kva.de']
    assert body['object'] == {'type': 'domain', 'summary': 2}

    status, body = client.post('/domain/_search', {'filters': [
        {'key': 'expire', 'value': '2028-01-01T00:00:00.000+0000', 'operator': 'LESS', 'link': 'AND'},
        {'key': 'name', 'value': 'example.*', 'operator': 'LIKE'}],
        'orders': [{'key': 'expire', 'type': 'DESC'}]})
    assert [d['name'] for d in body['data']] == ['example.com', 'example.net']

    status, body = client.post('/domain/_search', {'filters': [
        {'key': 'tld', 'value': 'de', 'link': 'OR'}, {'key': 'status', 'value': 'LOCK'}], 'view': {'limit': 1}})
    assert body['object']['summary'] == 2 and len(body['data']) == 1
    assert_error(*client.post('/domain/_search', {'filters': [{'key': 'expire', 'value': 'soon',
                                                               'operator': 'LESS'}]}), 400, 'E0105', 'INVALID_QUERY')


def test_job_search_finds_running_jobs_of_a_domain(client):
    job_id = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    query = {'filters': [{'key': 'object', 'value': 'example.com', 'operator': 'EQUAL'},
                         {'key': 'status', 'value': 'RUNNING', 'operator': 'EQUAL', 'link': 'AND'}]}
    status, body = client.post('/job/_search', query)
    assert_envelope(body, 'S300115', 'SUCCESS')
    assert [entry['job']['id'] for entry in body['data']] == [job_id]
    assert body['data'][0]['object'] == {'type': 'domain', 'value': 'example.com'}
    client.wait_job(job_id)
    assert client.post('/job/_search', query)[1]['data'] == []


# ---------------------------------------------------------------- the swagger as judge
def assert_refused_by_the_spec(response, http_status, code, fragment):
    """The documented error envelope, naming what is wrong."""
    body = response.json()
    assert_error(response.status_code, body, http_status, code)
    assert body['status']['type'] == 'ERROR'
    assert fragment in body['status']['text'], body
    assert body['messages'] and all(m['status'] == 'ERROR' for m in body['messages'])
    assert all(m['code'] == 'EF' + code[1:] for m in body['messages'])  # error messages begin with EF
    assert any(fragment in m['text'] for m in body['messages']), body


def test_wrong_requests_sent_with_plain_requests_are_refused_and_change_nothing(sandbox, journal_file):
    auth = ('demo', PASSWORD)
    headers = {'X-Domainrobot-Context': '4', 'User-Agent': 'plain-requests'}
    url = sandbox.url
    # Contact.id is an integer in the swagger: "100" is a string
    response = requests.put(url + '/domain/example.com', json={'adminc': {'id': '102'}}, auth=auth,
                            headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0102', "body.adminc.id: '102' is not of type 'integer'")
    # a property the Domain definition does not declare
    response = requests.put(url + '/domain/example.com', json={'autoRenewStatus': 'FALSE', 'autorenew': False},
                            auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0102', "'autorenew' was unexpected")
    # nested: a NameServer with an undeclared key, a TimePeriod with a string period
    response = requests.put(url + '/domain/example.com/_renew', json={
        'payable': '2027-12-31T12:00:00.000+0200', 'period': {'period': '1', 'unit': 'YEAR'}},
        auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0101003', "body.period.period: '1' is not of type 'integer'")
    # a route the swagger does not have
    response = requests.post(url + '/domain/example.com/_renew', json={}, auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 405, 'E0000', 'PUT')
    response = requests.get(url + '/domains/example.com', auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 404, 'E0000', 'There is no route GET /v1/domains/example.com')
    # a query parameter the route does not declare (removeCancelation and replyTo are declared)
    response = requests.put(url + '/domain/example.com/_renew?force=true',
                            json={'payable': '2027-12-31T12:00:00.000+0200'}, auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0101003', 'query parameter force is not declared')
    # a path parameter of the wrong type: /contact/{id} is an integer
    response = requests.get(url + '/contact/abc', auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0304', "path parameter id: 'abc' is not of type integer")
    # a body where the route declares none
    response = requests.put(url + '/poll/1', json={'confirm': True}, auth=auth, headers=headers, timeout=5)
    assert_refused_by_the_spec(response, 400, 'E0906', 'takes no request body')

    assert Client(url).domain('example.com')['adminc'] == {'id': 100}
    assert Client(url).domain('example.com')['payable'] == '2027-12-31T12:00:00.000+0200'
    with open(journal_file) as handle:
        codes = [json.loads(line)['code'] for line in handle]
    assert codes[:8] == ['E0102', 'E0102', 'E0101003', 'E0000', 'E0000', 'E0101003', 'E0304', 'E0906']


def test_declared_query_parameters_and_their_array_form_are_accepted(client):
    status, body = client.post('/contact/_search', {'filters': [{'key': 'id', 'values': ['100'], 'operator': 'IN'}]},
                               params={'keys[]': ['fname', 'country', 'updated']})
    assert status == 200, body
    assert [c['id'] for c in body['data']] == [100]
    # an enum the swagger declares for the array items: "{country" and "updated}" are read without the braces
    status, body = client.post('/contact/_search', {}, params={'keys[]': ['shoe-size']})
    assert_error(status, body, 400, 'E0304', 'JSON_VALIDATION')
    # keys is an array: the plain form is declared too, removeCancelation is not declared for a search
    status, body = client.post('/contact/_search', {}, params={'removeCancelation': ''})
    assert_error(status, body, 400, 'E0304', 'JSON_VALIDATION')


def test_every_sandbox_route_is_a_swagger_route_with_its_task_code():
    spec = Spec.load()
    without_code = []
    for method, pattern, task, _handler in routes.ROUTES:
        example = pattern.replace(routes.NAME, 'example.com').replace(routes.ID, '100')
        operation, _params = spec.operation(method, example)
        if operation.task is None:
            without_code.append((method, operation.template, task))
        else:
            assert operation.task == task, (method, pattern)
    # the swagger's summary names no task code here; the sandbox's choice (docs/sandbox-autodns.md)
    assert without_code == [('DELETE', '/domain/{name}/_authinfo1', '0113002')]


def test_poll_message_matches_the_swagger_poll_message(client):
    client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'})
    client.post('/domain/_transfer', {'name': 'transfer-in.example', 'ownerc': {'id': 100}, 'adminc': {'id': 100},
                                      'techc': {'id': 101}, 'authinfo': 'wrong'})
    time.sleep(0.3)
    spec = Spec.load()
    validator = jsonschema.Draft4Validator(spec.schema({'$ref': '#/definitions/JsonResponseDataPollMessage'}))
    seen = 0
    for _message in range(2):
        status, body = client.get('/poll')
        assert status == 200
        errors = [e.message for e in validator.iter_errors(body)]
        assert errors == [], errors
        message = body['data'][0]
        assert message['object']['value'] in ('example.com', 'transfer-in.example')
        assert message['job']['status'] in ('SUCCESS', 'FAILED')
        assert client.put('/poll/%d' % message['id'])[0] == 200
        seen += 1
    assert seen == 2


def test_seed004_poll_shape_is_selectable(seed_file):
    with Sandbox('autodns', seed=seed_file, extra_args=['--job-delay', '0.1', '--rate-limit', '0',
                                                        '--poll-shape', 'seed004']) as running:
        client = Client(running.url)
        job_id = start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
        client.wait_job(job_id)
        status, body = client.get('/poll')
        assert status == 200
        entry = body['data'][0]
        assert entry['summary'] == 1
        message = entry['message']
        assert message['job']['id'] == job_id and message['job']['domain']['name'] == 'example.com'
        assert message['status']['code'] == 'S0102' and message['status']['type'] == 'SUCCESS'
        assert message['object'] == {'type': 'domain', 'value': 'example.com'}


def test_undeclared_properties_can_be_ignored_instead(seed_file):
    with Sandbox('autodns', seed=seed_file, extra_args=['--job-delay', '0.1', '--rate-limit', '0',
                                                        '--undeclared-properties', 'ignore']) as running:
        client = Client(running.url)
        start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE', 'autorenew': False}), 'N0102')
        # types are still the swagger's
        assert_error(*client.put('/domain/example.com', {'adminc': {'id': '100'}}), 400, 'E0102', 'JSON_VALIDATION')


def test_answers_match_the_swagger_response_definitions(client):
    """What the sandbox answers is what the swagger says the API answers (undeclared fields included)."""
    spec = Spec.load()
    with open(SPEC_FILE) as handle:
        facts = json.load(handle)
    responses = dict(((m.upper(), p), e['response']) for p, methods in facts['routes'].items()
                     for m, e in methods.items() if 'response' in e)

    def checked(method, path, body=None):
        status, answer = client.call(method, path, body)
        operation, _params = spec.operation(method, path)
        validator = jsonschema.Draft4Validator(spec.schema(responses[(method, operation.template)]),
                                               format_checker=FORMATS)
        errors = ['%s: %s' % ('/'.join(str(p) for p in e.absolute_path), e.message) for e in validator.iter_errors(answer)]
        assert errors == [], (method, path, errors)
        return status, answer

    checked('GET', '/domain/example.com')
    checked('POST', '/domain/_search', {'view': {'limit': 2}})
    checked('POST', '/contact/_search', {})
    checked('GET', '/contact/100')
    job_id = start_job(checked('PUT', '/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    client.wait_job(job_id)
    checked('GET', '/job/%d' % job_id)
    checked('POST', '/job/_search', {})
    checked('GET', '/poll')
    assert checked('GET', '/domain/example.com/cancelation')[0] == 404  # the error envelope, too
    checked('POST', '/domain/example.com/cancelation', {'type': 'DELETE', 'execution': 'EXPIRE'})
    checked('POST', '/domain/restore/_search', {})
    checked('PUT', '/domain/example.com', {'adminc': {'id': '100'}})


DNSKEY = {'flags': 257, 'protocol': 3, 'algorithm': 13,
          'publicKey': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}


def test_dnssec_route_stores_the_key_material_and_an_empty_list_deletes_it(client):
    assert 'dnssecData' not in client.domain('example.com')
    job_id = start_job(client.put('/domain/example.com/_dnssec', {'name': 'example.com', 'dnssecData': [DNSKEY]}), 'N0102007')
    job = client.wait_job(job_id)
    assert (job['status'], job['action']) == ('SUCCESS', 'UPDATE_DNSSEC')
    assert client.domain('example.com')['dnssecData'] == [DNSKEY]
    # A domain update without dnssecData keeps it (swagger Domain.dnssecData).
    client.wait_job(start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102'))
    assert client.domain('example.com')['dnssecData'] == [DNSKEY]
    client.wait_job(start_job(client.put('/domain/example.com/_dnssec', {'dnssecData': []}), 'N0102007'))
    assert 'dnssecData' not in client.domain('example.com')


@pytest.mark.parametrize('entry, code, fragment', [
    (dict(DNSKEY, flags=1), 'INVALID_DNSSEC', 'flags 1'),
    (dict(DNSKEY, protocol=2), 'INVALID_DNSSEC', 'protocol must be 3'),
    (dict(DNSKEY, algorithm=99), 'INVALID_DNSSEC', 'algorithm 99'),
    (dict(DNSKEY, publicKey='not!base64'), 'INVALID_DNSSEC', 'publicKey'),
    ({'flags': 257, 'protocol': 3, 'algorithm': 13}, 'INVALID_DNSSEC', 'publicKey required'),
    (dict(DNSKEY, flags='257'), 'JSON_VALIDATION', 'flags'),
    (dict(DNSKEY, digest='AB'), 'JSON_VALIDATION', 'digest'),
])
def test_dnssec_route_refuses_bad_key_material(client, entry, code, fragment):
    status, body = client.put('/domain/example.com/_dnssec', {'dnssecData': [entry]})
    assert_error(status, body, 400, 'E0102007', code)
    assert fragment in body['status']['text']
    status, body = client.put('/domain/example.com/_dnssec', {'name': 'example.com'})
    assert_error(status, body, 400, 'E0102007', 'INVALID_VALUE')
