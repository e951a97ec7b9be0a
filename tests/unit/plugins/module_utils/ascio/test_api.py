# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the Ascio adapter makes of answers that are cut, malformed, missing or not SOAP, over real HTTP.

Real answers are recorded from the Ascio sandbox (raw HTTP with the real SOAPAction)
and served, cut or broken, by a tiny local HTTP server; nothing is mocked.
"""
import http.server
import json
import os
import socket
import ssl
import subprocess
import threading
import time

import pytest
import requests

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import api, read
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan
from sandbox.launcher import Sandbox

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
PASSWORD = 'demo-password'
SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/'
with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-binding.json'), encoding='utf-8') as _handle:
    BINDING = json.load(_handle)
NAMESPACE = BINDING['targetNamespace']


def adapter_for(url, **settings):
    base = dict(provider='ascio', username='demo', password=PASSWORD, api_url=url, wsdl='bundled',
                validate_certs=True, timeout=5)
    base.update(settings)
    return AscioAdapter(base)


def raw(url, operation, body_xml):
    envelope = ('<s:Envelope xmlns:s="%s"><s:Body><%s xmlns="%s">%s</%s></s:Body></s:Envelope>'
                % (SOAP_ENV, operation, NAMESPACE, body_xml, operation))
    response = requests.post(url, data=envelope.encode('utf-8'), timeout=10, headers={
        'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"%s"' % BINDING['soapAction'][operation]})
    assert response.status_code == 200
    return response.content


# Function scope, not module scope: ansible-test runs each test in a fork of its own, and a module
# fixture set up in a fork is never torn down there - its sandbox process would be left running.
@pytest.fixture
def recorded(tmp_path_factory):
    """Real sandbox answers: a SearchOrder that shows one pending order, a LogIn, a CreateOrder."""
    journal = str(tmp_path_factory.mktemp('ascio') / 'journal.jsonl')
    box = Sandbox('ascio', seed=SEED, journal=journal, extra_args=['--order-delay', '60'])
    try:
        adapter = adapter_for(box.url)
        current = adapter.get_domain('example.net')
        op = adapter.operations(current, plan(current, DesiredDomain('example.net', autorenew=False)))[0]
        adapter.submit(op)
        session = adapter.client.session_id
        answers = {
            'LogIn': raw(box.url, 'LogIn', '<session><Account>demo</Account><Password>%s</Password></session>' % PASSWORD),
            'SearchDomain': raw(box.url, 'SearchDomain', (
                '<sessionId>%s</sessionId><criteria><Mode>Strict</Mode><Clauses><Clause><Attribute>DomainName</Attribute>'
                '<Value>example.com</Value><Operator>Is</Operator></Clause></Clauses></criteria>') % session),
            'SearchOrder': raw(box.url, 'SearchOrder', (
                '<sessionId>%s</sessionId><orderRequest><OrderTypes><OrderType>Expire_Domain</OrderType></OrderTypes>'
                '<OrderStatusTypes><OrderStatusType>Received</OrderStatusType></OrderStatusTypes>'
                '<DomainName>example.net</DomainName></orderRequest>') % session),
        }
        adapter.close()
        yield answers
    finally:
        box.stop()


class Canned(http.server.BaseHTTPRequestHandler):
    """Serves ``server.reply``: (status, content type, body, declared length or None, close without answer)."""
    protocol_version = 'HTTP/1.1'

    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        server = self.server
        with server.lock:
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
            server.served += 1
            reply = server.replies.pop(0) if server.replies else server.reply
        try:
            time.sleep(server.delay)
            self._answer(reply)
        finally:
            with server.lock:
                server.in_flight -= 1

    def _answer(self, reply):
        status, content_type, body, declared, hang_up = reply
        if hang_up:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body) if declared is None else declared))
        self.send_header('Connection', 'close')
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *args):
        pass


def canned_server(reply=(200, 'text/xml; charset=utf-8', b'', None, False)):
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Canned)
    server.reply = reply
    server.replies = []  # served first, one per request, before ``reply``
    server.delay = 0.0
    server.lock = threading.Lock()
    server.in_flight = server.most_in_flight = server.served = 0
    return server


@pytest.fixture
def canned():
    server = canned_server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = 'http://127.0.0.1:%d/2012/01/01/AscioService.svc' % server.server_port
    yield server
    server.shutdown()
    server.server_close()


def pending_with(server, body, declared=None):
    server.reply = (200, 'text/xml; charset=utf-8', body, declared, False)
    adapter = adapter_for(server.url)
    adapter.client.session_id = 'session-of-an-earlier-login'
    return adapter.pending('example.net', ['autorenew'])


# ------------------------------------------------------------------ cut and malformed answers

def test_the_whole_answer_shows_the_pending_order(canned, recorded):
    found = pending_with(canned, recorded['SearchOrder'])
    assert [(p.operation, p.done) for p in found] == [('Expire_Domain', False)]


def _cuts(answer):
    """Offsets across the answer, including right after the pending order's own element."""
    end_of_order = answer.index(b'</Order>') + len(b'</Order>')
    return sorted({1, len(answer) // 4, len(answer) // 2, end_of_order, len(answer) - 20, len(answer) - 1})


@pytest.mark.parametrize('where', range(6))
def test_an_answer_cut_short_is_an_error_never_data(canned, recorded, where):
    answer = recorded['SearchOrder']
    cut = answer[:_cuts(answer)[where]]
    # The server sends the cut document with a matching Content-Length: only the XML shows the cut.
    with pytest.raises(RegistrarError) as info:
        pending_with(canned, cut)
    assert info.value.code == 'invalid answer'
    assert 'the answer could not be read' in info.value.text and canned.url in info.value.text


@pytest.mark.parametrize('where', [0.25, 0.5, 0.9])
def test_an_answer_shorter_than_its_content_length_is_an_error(canned, recorded, where):
    answer = recorded['SearchOrder']
    with pytest.raises(RegistrarError) as info:
        pending_with(canned, answer[:int(len(answer) * where)], declared=len(answer))
    assert 'the answer could not be read' in info.value.text


@pytest.mark.parametrize('body, why', [
    (b'<s:Envelope xmlns:s="%s"><s:Body/></s:Envelope>' % SOAP_ENV.encode(), '0 elements in its Body'),
    (b'<s:Envelope xmlns:s="%s"><s:Body><LogInResponse xmlns="%s"/></s:Body></s:Envelope>'
     % (SOAP_ENV.encode(), NAMESPACE.encode()), 'not <SearchOrderResponse>'),
    (b'<html><body>Welcome</body></html>', 'instead of a SOAP envelope'),
    (b'', 'an empty body'),
])
def test_an_answer_that_is_not_the_operations_is_an_error(canned, body, why):
    with pytest.raises(RegistrarError) as info:
        pending_with(canned, body)
    assert 'the answer could not be read' in info.value.text and why in info.value.text


def test_the_leniency_wcf_answers_need_stays(canned, recorded):
    # A member zeep does not know (a newer data contract) and xsi:nil on a value type are read, not refused.
    answer = recorded['SearchOrder'].replace(
        b'</SearchOrderResult>', b'<NewerMember>x</NewerMember></SearchOrderResult>', 1)
    assert b'NewerMember' in answer
    found = pending_with(canned, answer)
    assert [p.operation for p in found] == ['Expire_Domain']
    # Members in another order than the bundled schema's (strict=True would refuse both answers).
    total = answer[answer.index(b'<totalOrders>'):answer.index(b'</totalOrders>') + len(b'</totalOrders>')]
    reordered = answer.replace(total, b'', 1).replace(b'</orders>', b'</orders>' + total, 1)
    assert reordered != answer
    assert [p.operation for p in pending_with(canned, reordered)] == ['Expire_Domain']


# ------------------------------------------------------------------ no answer, error pages

def test_a_write_sent_but_not_answered_may_have_been_received(canned, recorded):
    canned.reply = (200, 'text/xml', b'', None, True)         # reads the request, hangs up
    adapter = adapter_for(canned.url)
    adapter.client.session_id = 'session-of-an-earlier-login'
    with pytest.raises(RegistrarError) as info:
        adapter.client.call('CreateOrder', sessionId=adapter.client.session_id,
                            order={'Type': 'Expire_Domain', 'Domain': {'DomainName': 'example.net'}})
    text = info.value.text
    assert 'may have been received; re-run to find it pending' in text
    assert 'cannot reach' not in text and 'closed without an answer' in text
    # A read in the same situation says it cannot reach the service, and why.
    with pytest.raises(RegistrarError) as info:
        adapter.pending('example.net', ['autorenew'])
    assert 'cannot reach the Ascio API at %s: the connection was closed without an answer' % canned.url in info.value.text
    assert 'may have been received' not in info.value.text


def test_a_write_that_timed_out_may_have_been_received():
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(5)                        # accepts connections, never answers
    try:
        url = 'http://127.0.0.1:%d/2012/01/01/AscioService.svc' % listener.getsockname()[1]
        adapter = adapter_for(url, timeout=1)
        adapter.client.session_id = 'session-of-an-earlier-login'
        with pytest.raises(RegistrarError) as info:
            adapter.client.call('CreateOrder', sessionId='s', order={'Type': 'Expire_Domain', 'Domain': {'DomainName': 'a.net'}})
        assert info.value.code == 'timeout'
        assert 'no answer within 1s' in info.value.text and 'may have been received; re-run to find it pending' in info.value.text
    finally:
        listener.close()


def test_a_refused_connection_is_cannot_reach_even_for_a_write():
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    url = 'http://127.0.0.1:%d/2012/01/01/AscioService.svc' % port
    adapter = adapter_for(url)
    adapter.client.session_id = 'session-of-an-earlier-login'
    with pytest.raises(RegistrarError) as info:
        adapter.client.call('CreateOrder', sessionId='s', order={'Type': 'Expire_Domain', 'Domain': {'DomainName': 'a.net'}})
    assert info.value.code == 'connection'
    assert 'cannot reach the Ascio API at %s: the connection was refused' % url in info.value.text
    assert 'may have been received' not in info.value.text


@pytest.mark.parametrize('content_type, body', [
    ('text/html', b'<!DOCTYPE html><html><head><title>500 - Internal server error.</title></head><body><h2>500</h2></body></html>'),
    ('text/plain', b'Internal Server Error'),
    ('text/html', b''),
])
def test_an_error_page_is_http_500_from_the_endpoint(canned, content_type, body):
    canned.reply = (500, content_type, body, None, False)
    adapter = adapter_for(canned.url)
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code == 'HTTP 500'
    assert 'HTTP 500 from %s' % canned.url in info.value.text
    assert 'Unknown fault' not in str(info.value) and 'unexpected' not in str(info.value)


def test_a_soap_fault_with_http_500_is_still_a_soap_fault(canned):
    fault = (b'<s:Envelope xmlns:s="%s"><s:Body><s:Fault><faultcode>s:Server</faultcode>'
             b'<faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>' % SOAP_ENV.encode())
    canned.reply = (500, 'text/xml; charset=utf-8', fault, None, False)
    with pytest.raises(RegistrarError) as info:
        adapter_for(canned.url).get_domain('example.com')
    assert info.value.code == 'SOAP Fault' and 'boom' in info.value.text


# ------------------------------------------------------------------ pages read while the next one is sent

def _reading_each(server, pages):
    client = adapter_for(server.url).client
    client.session_id = 'session-of-an-earlier-login'
    criteria = dict(criteria={'Mode': 'Strict', 'Clauses': {'Clause': [
        {'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'example.com'}]}})
    return client.request_each('SearchDomain', [criteria] * pages)


def test_pages_are_read_in_order_one_request_on_the_wire_at_a_time(canned, recorded):
    canned.reply = (200, 'text/xml; charset=utf-8', recorded['SearchDomain'], None, False)
    canned.delay = 0.05
    answers = list(_reading_each(canned, 4))
    assert [sorted(read.live_domains(answer, ['example.com'])) for answer in answers] == [['example.com']] * 4
    assert canned.served == 4 and canned.most_in_flight == 1


def test_a_page_cut_short_is_an_error_never_data(canned, recorded):
    whole = recorded['SearchDomain']
    canned.replies = [(200, 'text/xml; charset=utf-8', whole, None, False),
                      (200, 'text/xml; charset=utf-8', whole[:len(whole) // 2], None, False)]
    canned.reply = (200, 'text/xml; charset=utf-8', whole, None, False)
    pages = _reading_each(canned, 3)
    assert next(pages)['SearchDomainResult']['ResultCode'] == 200
    with pytest.raises(RegistrarError) as info:
        next(pages)
    assert info.value.code == 'invalid answer' and 'the answer could not be read' in info.value.text


def test_a_page_answered_with_a_fault_or_a_refusal_is_that_error(canned, recorded):
    fault = (b'<s:Envelope xmlns:s="%s"><s:Body><s:Fault><faultcode>s:Server</faultcode>'
             b'<faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>' % SOAP_ENV.encode())
    refused = recorded['SearchDomain'].replace(b'<ResultCode>200</ResultCode>', b'<ResultCode>405</ResultCode>', 1)
    assert refused != recorded['SearchDomain']
    canned.replies = [(500, 'text/xml; charset=utf-8', fault, None, False)]
    with pytest.raises(RegistrarError) as info:
        list(_reading_each(canned, 2))
    assert info.value.code == 'SOAP Fault' and 'boom' in info.value.text
    canned.replies = [(200, 'text/xml; charset=utf-8', refused, None, False)]
    with pytest.raises(RegistrarError) as info:
        list(_reading_each(canned, 2))
    assert info.value.code == '405'


def test_writes_are_never_sent_ahead(canned):
    with pytest.raises(ValueError, match='CreateOrder is sent once'):
        list(adapter_for(canned.url).client.request_each('CreateOrder', [{}]))
    assert canned.served == 0


# ------------------------------------------------------------------ 401, WSDL

def test_a_401_names_the_endpoint_and_the_environment(canned):
    refused = (b'<s:Envelope xmlns:s="%s"><s:Body><LogInResponse xmlns="%s"><LogInResult><Message>Authorization failed'
               b'</Message><ResultCode>401</ResultCode></LogInResult></LogInResponse></s:Body></s:Envelope>'
               % (SOAP_ENV.encode(), NAMESPACE.encode()))
    canned.reply = (200, 'text/xml; charset=utf-8', refused, None, False)
    with pytest.raises(RegistrarError) as info:
        adapter_for(canned.url).get_domain('example.com')
    assert info.value.code == '401' and info.value.text == 'Authorization failed'
    assert canned.url in str(info.value) and 'not an Ascio host' in str(info.value)
    assert PASSWORD not in str(info.value)
    assert 'Ascio OTE' in api.describe_endpoint('https://aws.demo.ascio.com/2012/01/01/AscioService.svc')
    assert 'Ascio live' in api.describe_endpoint(BINDING['address']['live'])


class Documents(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = self.server.documents.get(self.path.rsplit('/', 1)[-1])
        self.send_response(200 if body else 404)
        self.send_header('Content-Length', str(len(body or b'')))
        self.end_headers()
        self.wfile.write(body or b'')

    def log_message(self, *args):
        pass


def test_a_wsdl_without_ascios_binding_fails_naming_the_bindings_found():
    from ansible_collections.domainops.registrar.plugins.module_utils.ascio import _wsdl
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Documents)
    server.documents = dict((name, text.encode('utf-8')) for name, text in _wsdl.DOCUMENTS.items())
    server.documents[_wsdl.WSDL_NAME] = _wsdl.WSDL_TEXT.replace(_wsdl.BINDING_NAME, 'BasicHttpBinding_IAscioService').encode('utf-8')
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = 'http://127.0.0.1:%d/2012/01/01/AscioService.wsdl' % server.server_port
        with pytest.raises(RegistrarError) as info:
            adapter_for('http://127.0.0.1:9/AscioService.svc', wsdl=url).get_domain('example.com')
        assert info.value.code == 'WSDL'
        assert 'the WSDL at %s has no binding %s' % (url, _wsdl.BINDING_QNAME) in info.value.text
        assert 'bindings found: {http://www.ascio.com/2007/01}BasicHttpBinding_IAscioService' in info.value.text
    finally:
        server.shutdown()
        server.server_close()
        api.clear_cache()


# ------------------------------------------------------------------ validate_certs

@pytest.fixture
def tls_login(tmp_path_factory, recorded):
    """An HTTPS server with a self-signed certificate that answers LogIn."""
    folder = tmp_path_factory.mktemp('tls')
    cert, key = str(folder / 'cert.pem'), str(folder / 'key.pem')
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
                   check=True, capture_output=True)
    server = canned_server((200, 'text/xml; charset=utf-8', recorded['LogIn'], None, False))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield 'https://127.0.0.1:%d/2012/01/01/AscioService.svc' % server.server_port
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize('variable', ['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'])
def test_validate_certs_false_wins_over_the_ca_bundle_variables(tls_login, monkeypatch, variable):
    import certifi
    monkeypatch.setenv(variable, certifi.where())
    api.clear_cache()
    try:
        adapter = adapter_for(tls_login, validate_certs=False)
        assert adapter.client.session()
        adapter.client.session_id = None
        # Checked, the self-signed certificate is refused - and the error says why.
        with pytest.raises(RegistrarError) as info:
            adapter_for(tls_login, validate_certs=True).client.session()
        assert info.value.code == 'TLS' and 'not trusted' in info.value.text
        assert 'ignored' not in info.value.text
    finally:
        api.clear_cache()


def test_a_read_after_the_session_ended_logs_in_again_and_a_write_is_not_sent_twice(tmp_path):
    # ascio-rules.json session: 401 on a call other than LogIn; the sandbox ends idle sessions.
    journal = str(tmp_path / 'journal.jsonl')
    box = Sandbox('ascio', seed=SEED, journal=journal, extra_args=['--session-timeout', '0.5', '--order-delay', '60'])
    try:
        adapter = adapter_for(box.url)
        current = adapter.get_domain('example.net')
        time.sleep(0.8)
        assert adapter.get_domain('example.com').name == 'example.com'      # pipelined SearchDomain
        time.sleep(0.8)
        assert adapter.pending('example.net', ['autorenew']) == []              # one SearchOrder
        operation = adapter.operations(current, plan(current, DesiredDomain('example.net', autorenew=False)))[0]
        time.sleep(0.8)
        with pytest.raises(RegistrarError) as refused:
            adapter.submit(operation)
        assert refused.value.code == '401'
        assert 'nothing was done: re-run to send it' in str(refused.value)
        adapter.close()
        with open(journal) as handle:
            entries = [json.loads(line) for line in handle if line.strip()]
        assert [e['operation'] for e in entries if e['operation'] in ('LogIn', 'CreateOrder')] == ['LogIn', 'LogIn', 'LogIn', 'CreateOrder']
        assert [e['result_code'] for e in entries if e['operation'] == 'CreateOrder'] == [401]
    finally:
        box.stop()
