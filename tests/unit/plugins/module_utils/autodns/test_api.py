# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS transport against the real sandbox with its documented limit of 3 requests/second,
and against small local HTTP servers that misbehave the way networks and proxies do."""
import http.server
import json
import os
import socket
import ssl
import subprocess
import threading
import time

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient, retry_policy
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from sandbox.launcher import ROOT, Sandbox

SEED = os.path.join(ROOT, 'tests', 'integration', 'seeds', 'autodns.yml')
OK = {'stid': 'x', 'status': {'code': 'S0105', 'text': 'ok', 'type': 'SUCCESS'}, 'data': [{'name': 'example.com'}]}


@pytest.fixture
def limited(tmp_path):
    """A sandbox of its own for each test: its one-second window starts empty, whatever ran before."""
    journal = str(tmp_path / 'journal.jsonl')
    with Sandbox('autodns', seed=SEED, journal=journal, extra_args=['--rate-limit', '3']) as box:
        box.journal = journal
        yield box


def test_reads_answered_429_are_retried_after_a_back_off(limited):
    sleeps = []
    # No client-side limit: a burst of reads runs into the sandbox's 429 and must recover.
    client = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0,
                           sleep=recording(sleeps, time.sleep))
    for attempt in range(8):
        assert client.get('/domain/example.com')['data'][0]['name'] == 'example.com', attempt
    assert sleeps and min(sleeps) >= 1.0, 'the burst should have met HTTP 429 and waited for the window'


def test_the_client_keeps_to_three_per_second_and_never_meets_429(limited, tmp_path):
    backoffs = []
    client = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, sleep=backoffs.append)
    client.limiter = RateLimiter(client.host, rate=3, directory=str(tmp_path))
    for attempt in range(7):
        assert client.get('/domain/example.com')['data'], attempt
    assert backoffs == [], 'no 429 back-off: the limiter spaced the requests'


def test_a_write_answered_429_is_retried_after_the_back_off_and_executed_once(limited):
    burst = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0, sleep=recording([], None))
    for attempt in range(3):
        burst.get('/domain/example.com')  # fills the sandbox's one-second window
    sleeps = []
    writer = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0,
                           sleep=recording(sleeps, time.sleep))
    before = len(puts(limited))
    envelope = writer.request('PUT', '/domain/example.com', body={'name': 'example.com', 'autoRenewStatus': 'TRUE'})
    assert envelope['status']['type'] == 'NOTIFY'
    sent = puts(limited)[before:]
    assert [entry['status_code'] for entry in sent] == [429, 200], 'refused once, then executed once'
    assert sleeps == [1.0], 'one back-off of a whole window before the retry'


def test_the_retry_policy():
    policy = retry_policy()
    assert policy.is_retry('PUT', 429) and policy.is_retry('POST', 429) and policy.is_retry('DELETE', 429)
    assert policy.is_retry('GET', 503)
    assert not policy.is_retry('POST', 503) and not policy.is_retry('PUT', 503), 'a write answered 503 may have run'
    assert not policy.is_retry('GET', 500) and not policy.is_retry('PUT', 500)
    assert policy.respect_retry_after_header and policy.total == 3 and policy.connect == 0 and policy.read is False


# ----------------------------------------------------------------------------- a misbehaving server

class Scripted(http.server.BaseHTTPRequestHandler):
    """Answers each request with the next step of the server's script and records it."""
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def _answer(self):
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        server = self.server
        server.seen.append((self.command, self.path, body))
        server.seen_headers.append(dict(self.headers))
        step = server.script.pop(0) if server.script else ('json', 200, OK, {})
        kind = step[0]
        if kind == 'drop':
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if kind == 'stall':
            time.sleep(step[1])
            return
        status, payload, headers = step[1], step[2], step[3]
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'text/html' if kind == 'html' else 'application/json')
        self.send_header('Content-Length', str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_DELETE = _answer


@pytest.fixture
def scripted():
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Scripted)
    server.daemon_threads = True
    server.script, server.seen, server.seen_headers = [], [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = 'http://127.0.0.1:%d/v1' % server.server_address[1]
    yield server
    server.shutdown()
    server.server_close()


def client_for(url, timeout=5, sleeps=None, verify=True):
    return AutoDNSClient(url, 'demo', 'demo-password', 4, USER_AGENT, rate=0, timeout=timeout, verify=verify,
                         sleep=recording(sleeps if sleeps is not None else [], None))


def _reference_rules():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # the checkout
    with open(os.path.join(root, 'docs', 'reference', 'autodns-rules.json'), encoding='utf-8') as handle:
        return json.load(handle)


def test_every_request_says_json_also_without_a_body(scripted):
    # InterNetX's php-domainrobot-sdk sends Content-Type: application/json with every request.
    client = client_for(scripted.url)
    client.request('POST', '/domain/example.com/_authinfo1')
    client.request('PUT', '/domain/example.com', body={'name': 'example.com'})
    assert [h.get('Content-Type') for h in scripted.seen_headers] == ['application/json'] * 2
    for name, value in _reference_rules()['request_headers']['headers'].items():
        assert all(h.get(name) == value for h in scripted.seen_headers)
    assert all(h.get('X-Domainrobot-Context') == '4' for h in scripted.seen_headers)


def test_a_write_answered_503_is_reported_and_not_resent(scripted):
    scripted.script = [('html', 503, '<html>busy</html>', {'Retry-After': '1'})]
    with pytest.raises(RegistrarError) as info:
        client_for(scripted.url).request('PUT', '/domain/example.com', body={'name': 'example.com'})
    assert len(scripted.seen) == 1
    assert 'HTTP 503 from PUT %s/domain/example.com' % scripted.url in info.value.text
    assert 'may have been received' in info.value.text


def test_a_read_answered_503_is_retried_after_retry_after(scripted):
    sleeps = []
    scripted.script = [('html', 503, '<html>busy</html>', {'Retry-After': '2'})]
    assert client_for(scripted.url, sleeps=sleeps).get('/domain/example.com')['data'][0]['name'] == 'example.com'
    assert len(scripted.seen) == 2 and sleeps == [2.0]


def test_a_429_with_retry_after_waits_that_long_and_each_retry_takes_a_slot(scripted):
    sleeps, slots = [], []
    refused = {'stid': 'x', 'status': {'code': 'E', 'text': 'Too many requests', 'type': 'ERROR'}}
    scripted.script = [('json', 429, refused, {'Retry-After': '3'}), ('json', 429, refused, {})]
    client = client_for(scripted.url, sleeps=sleeps)

    def take_slot():
        slots.append(time.time())
    client.limiter.acquire = take_slot
    assert client.request('POST', '/contact', body={'fname': 'A'})['status']['type'] == 'SUCCESS'
    assert [method for method, path, body in scripted.seen] == ['POST'] * 3, 'the write ran once, after two refusals'
    assert sleeps == [3.0, 2.0], 'Retry-After, then the back-off'
    assert len(slots) == 3, 'the first attempt and each retry took a rate-limit slot'


def test_an_html_error_page_says_http_status_and_endpoint(scripted):
    scripted.script = [('html', 500, '<html><body>Internal Server Error</body></html>', {})]
    with pytest.raises(RegistrarError) as info:
        client_for(scripted.url).get('/domain/example.com')
    assert info.value.code == '500'
    assert info.value.text.startswith('HTTP 500 from GET %s/domain/example.com' % scripted.url)
    assert '<html>' not in str(info.value)


def test_a_write_without_answer_may_have_been_received(scripted):
    scripted.script = [('drop',)]
    with pytest.raises(RegistrarError) as info:
        client_for(scripted.url).request('POST', '/domain', body={'name': 'example.com'})
    assert 'may have been received' in info.value.text and 're-run to find it pending' in info.value.text
    assert len(scripted.seen) == 1, 'not resent'


def test_a_write_that_timed_out_may_have_been_received(scripted):
    scripted.script = [('stall', 2)]
    with pytest.raises(RegistrarError) as info:
        client_for(scripted.url, timeout=0.5).request('PUT', '/domain/example.com/_renew', body={})
    assert 'may have been received' in info.value.text and 'no answer within 0.5 s' in info.value.text


def test_a_read_that_cannot_connect_says_why():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    with pytest.raises(RegistrarError) as info:
        client_for('http://127.0.0.1:%d/v1' % port).get('/domain/example.com')
    assert info.value.text == 'cannot reach 127.0.0.1:%d: connection refused' % port
    with pytest.raises(RegistrarError) as info:
        client_for('http://127.0.0.1:%d/v1' % port).request('PUT', '/domain/example.com', body={})
    assert info.value.text.endswith('connection refused; the request was not sent')


def test_a_read_that_gets_no_answer_says_so(scripted):
    scripted.script = [('drop',)]
    with pytest.raises(RegistrarError) as info:
        client_for(scripted.url).get('/domain/example.com')
    assert info.value.text == 'cannot reach %s: the connection was closed before the answer' % scripted.url.split('/')[2]


# ----------------------------------------------------------------------------- validate_certs

@pytest.fixture
def tls_server(tmp_path, scripted):
    """The scripted server behind TLS with a self-signed certificate nobody trusts."""
    key, cert = str(tmp_path / 'key.pem'), str(tmp_path / 'cert.pem')
    try:
        subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                        '-days', '1', '-subj', '/CN=127.0.0.1'], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip('openssl is needed to make a test certificate')
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Scripted)
    server.daemon_threads = True
    server.script, server.seen, server.seen_headers = [], [], []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = 'https://127.0.0.1:%d/v1' % server.server_address[1]
    server.cert = cert
    yield server
    server.shutdown()
    server.server_close()


def test_validate_certs_false_wins_over_ca_bundle_variables(tls_server, monkeypatch):
    # A CA bundle that does not hold the server's certificate, as a corporate proxy setup would set.
    bundle = os.path.join(os.path.dirname(tls_server.cert), 'other-ca.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', bundle + '.key',
                    '-out', bundle, '-days', '1', '-subj', '/CN=other'], check=True, capture_output=True)
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', bundle)
    monkeypatch.setenv('CURL_CA_BUNDLE', bundle)
    assert client_for(tls_server.url, verify=False).get('/domain/example.com')['data'][0]['name'] == 'example.com'
    with pytest.raises(RegistrarError) as info:
        client_for(tls_server.url, verify=True).get('/domain/example.com')
    assert 'TLS handshake failed (certificate not trusted)' in info.value.text
    assert 'ignored' not in info.value.text


def recording(calls, then):
    """A sleep that records how long it was asked to wait, then (optionally) waits."""
    def sleep(seconds):
        calls.append(seconds)
        if then is not None:
            then(seconds)
    return sleep


def puts(box):
    time.sleep(0.2)  # the sandbox writes its journal line after answering
    with open(box.journal) as handle:
        return [entry for entry in (json.loads(line) for line in handle) if entry['method'] == 'PUT']
