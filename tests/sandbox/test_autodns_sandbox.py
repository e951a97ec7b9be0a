"""The AutoDNS sandbox over real HTTP, checked the way a client checks answers.

Each test starts its own sandbox (fresh state) from the seed below.
"""
import base64
import http.client
import json
import textwrap
import time
import urllib.parse

import pytest
import requests

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
            message = body['data'][0]['message']
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
    message = body['data'][0]['message']
    assert body['data'][0]['summary'] == 1
    assert message['job']['id'] == job_id and message['job']['status'] == 'SUCCESS'
    assert message['job']['action'] == 'UPDATE'
    assert message['job']['domain']['nameServers'][0]['name'] == 'ns1.example.com'
    assert message['status']['code'] == 'S0102' and message['status']['type'] == 'SUCCESS'
    assert message['object'] == {'type': 'domain', 'value': 'example.com'}


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
    assert_error(status, body, 400, 'E0102', 'INVALID_VALUE')
    status, body = client.put('/domain/example.com', {'adminc': {'id': 999}})
    assert_error(status, body, 400, 'E0102', 'CONTACT_NOT_FOUND')
    status, body = client.put('/domain/example.com', {'name': 'example.net'})
    assert_error(status, body, 400, 'E0102', 'INVALID_VALUE')
    status, body = client.put('/domain/unknown.example', {'autoRenewStatus': 'FALSE'})
    assert_error(status, body, 404, 'E0102', 'DOMAIN_NOT_FOUND')
    response = client.session.put(client.url + '/domain/example.com', data='{not json', timeout=5)
    assert_error(response.status_code, response.json(), 400, 'E0102', 'INVALID_JSON')


def test_write_while_job_running_is_rejected(client):
    start_job(client.put('/domain/example.com', {'autoRenewStatus': 'FALSE'}), 'N0102')
    status, body = client.put('/domain/example.com', {'autoRenewStatus': 'ONCE'})
    assert_error(status, body, 400, 'E0102', 'OBJECT_BUSY')
    # another domain is not blocked
    start_job(client.put('/domain/example.net', {'autoRenewStatus': 'TRUE'}), 'N0102')


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
    assert body['data'][0]['summary'] == 2
    head = body['data'][0]['message']
    assert head['job']['id'] == first
    assert body['object'] == {'type': 'message', 'value': str(head['id']), 'summary': 2}
    # asking again shows the same message
    assert client.get('/poll')[1]['data'][0]['message']['id'] == head['id']

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
    assert body['data'][0]['summary'] == 1
    nxt = body['data'][0]['message']
    assert nxt['id'] == other_id and nxt['job']['id'] == second
    assert client.put('/poll/%d' % nxt['id'])[0] == 200
    assert client.get('/poll')[1]['data'] == []
    assert_error(*client.put('/poll/%d' % nxt['id']), 404, 'E0906')


def test_rate_limit_answers_429(seed_file):
    with Sandbox('autodns', seed=seed_file, extra_args=['--rate-limit', '3']) as running:
        client = Client(running.url)
        results = [client.get('/domain/example.com') for _ in range(8)]
        codes = [status for status, _ in results]
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
    assert PASSWORD not in text and 'bad-secret-pw' not in text and AUTHINFO not in text
    assert lines[-1]['query'] == {'authinfo': '***'}
