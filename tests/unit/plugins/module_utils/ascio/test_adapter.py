# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AscioAdapter against the real Ascio sandbox over HTTP (sandbox/ascio, seed sandbox/seeds/ascio.yml).

Nothing is mocked: zeep with the bundled WSDL talks SOAP to the sandbox endpoint.
Each test gets a fresh sandbox (it starts in a fraction of a second), so tests can
change domains freely.
"""
import datetime
import http.server
import json
import os
import socket
import threading

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError, WaitTimeout
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Locks, Nameserver, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import add_years, plan

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
PASSWORD = 'demo-password'

try:
    from sandbox.launcher import Sandbox
    HAVE_SANDBOX = os.path.exists(os.path.join(ROOT, 'sandbox', 'ascio', '__main__.py'))
except ImportError:  # pragma: no cover
    HAVE_SANDBOX = False

pytestmark = pytest.mark.skipif(not HAVE_SANDBOX, reason='the Ascio sandbox (sandbox/ascio) is not there yet')


class Box:
    """A running sandbox and its journal."""

    def __init__(self, tmp_path, delay, empty_queue_code=200):
        self.journal_path = str(tmp_path / 'ascio-journal.jsonl')
        self.sandbox = Sandbox('ascio', seed=SEED, journal=self.journal_path,
                               extra_args=['--order-delay', str(delay), '--empty-queue-code', str(empty_queue_code)])
        self.url = self.sandbox.url

    def adapter(self, password=PASSWORD, **settings):
        base = dict(provider='ascio', username='demo', password=password, api_url=self.url, wsdl='bundled',
                    validate_certs=True, timeout=10)
        base.update(settings)
        return AscioAdapter(base)

    def journal(self):
        with open(self.journal_path) as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def calls(self, operation):
        return [entry for entry in self.journal() if entry['operation'] == operation]


@pytest.fixture
def box(tmp_path):
    running = Box(tmp_path, 0.2)
    yield running
    running.sandbox.stop()


@pytest.fixture
def slow_box(tmp_path):
    running = Box(tmp_path, 3.0)
    yield running
    running.sandbox.stop()


@pytest.fixture
def adapter(box):
    adapter = box.adapter()
    yield adapter
    adapter.close()


def converge(adapter, desired, timeout=10):
    """What a module run does: read, plan, send each order once, wait; the domain afterwards."""
    current = adapter.get_domain(desired.name)
    ops = adapter.operations(current, plan(current, desired))
    done = []
    for op in ops:
        sub = adapter.wait(adapter.submit(op), timeout, interval=0.05)
        done.append(sub)
    return ops, done, adapter.get_domain(desired.name)


def ns(name, *hosts):
    return validation.nameservers(list(hosts), name)


# ---------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------

def test_get_domain_of_a_seeded_domain(adapter):
    domain = adapter.get_domain('example.com')
    assert domain.name == 'example.com'
    assert domain.nameservers == (Nameserver('ns1.example.com', '192.0.2.53', '2001:db8::53'),
                                  Nameserver('ns2.example.com', '198.51.100.53'),
                                  Nameserver('ns.example.net'))
    assert domain.contacts['registrant'] == Contact(
        handle='SBXR-EXAMPLE', first_name='Erika', last_name='Mustermann', organization='Example Holding',
        address=('Example Street 1',), city='Example City', postal_code='12345', country='DK',
        email='hostmaster@example.com', phone='+45.12345678', registrant_number='EX-0001')
    admin = Contact(handle='SBXC-ADMIN', first_name='Erika', last_name='Mustermann', organization='Example Holding',
                    address=('Example Street 1',), city='Example City', postal_code='12345', country='DK',
                    email='admin@example.com', phone='+45.12345678')
    assert domain.contacts['admin'] == domain.contacts['billing'] == admin
    assert domain.contacts['tech'].handle == 'SBXC-TECH'
    assert set(domain.contacts) == {'registrant', 'admin', 'tech', 'billing'}
    assert domain.locks == Locks(transfer=True, delete=True, update=False)
    assert domain.expires == domain.payable == datetime.date(2027, 8, 14)
    assert domain.autorenew is True
    assert domain.auth_code == 'Ex4mple-Com!'
    assert domain.status == 'ACTIVE, TRANSFER_LOCK, DELETE_LOCK'
    assert domain.registrar_data['handle'] == 'SBXD-EXAMPLE-COM'


def test_an_expiring_domain_does_not_autorenew(adapter):
    domain = adapter.get_domain('example.org')
    assert domain.status == 'EXPIRING, UPDATE_LOCK'
    assert domain.autorenew is False
    assert domain.locks.update is True


def test_unknown_domain_is_none(adapter):
    assert adapter.get_domain('unknown-domain.example') is None
    assert adapter.get_domain('deleted.example') is None   # deleted: not in the account any more


def test_one_login_per_adapter_and_close_logs_out(box):
    adapter = box.adapter()
    assert box.calls('LogIn') == []                      # lazily: nothing before the first call
    adapter.get_domain('example.com')
    adapter.get_domain('example.net')
    adapter.pending('example.com', ['nameservers'])
    assert len(box.calls('LogIn')) == 1
    session = adapter.client.session_id
    adapter.close()
    assert adapter.client.session_id is None
    assert [e['result_code'] for e in box.calls('LogOut')] == [200]
    # The session is really gone: the sandbox refuses it.
    answer = adapter.client.service.GetOrder(sessionId=session, orderId='SBX0000001')
    assert answer.GetOrderResult.ResultCode == 401
    adapter.close()                                      # twice is harmless, sends nothing
    assert len(box.calls('LogOut')) == 1


def test_close_without_a_session_sends_nothing(box):
    box.adapter().close()
    assert box.journal() == []


def test_bad_password_is_401(box):
    adapter = box.adapter(password='wrong-password')
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code == '401'
    assert info.value.text == 'Authorization failed'
    assert 'wrong-password' not in str(info.value)
    adapter.close()
    assert box.calls('LogOut') == []


# ---------------------------------------------------------------------------------------
# Orders
# ---------------------------------------------------------------------------------------

def test_nameserver_update_is_sent_once_waited_on_and_converges(box, adapter):
    desired = DesiredDomain('example.net', nameservers=ns('example.net', 'ns1.example.org', 'ns2.example.org',
                                                          'ns3.example.org'))
    current = adapter.get_domain('example.net')
    ops = adapter.operations(current, plan(current, desired))
    assert [op.name for op in ops] == ['Nameserver_Update']
    sub = adapter.submit(ops[0])
    assert sub.operation == 'Nameserver_Update' and sub.domain == 'example.net'
    assert sub.id and sub.status == 'Received' and not sub.done
    sub = adapter.wait(sub, 10, interval=0.05)
    assert (sub.status, sub.done, sub.failed) == ('Completed', True, False)
    after = adapter.get_domain('example.net')
    assert [n.name for n in after.nameservers] == ['ns1.example.org', 'ns2.example.org', 'ns3.example.org']
    # A second identical run plans nothing, and nothing else was sent.
    assert adapter.operations(after, plan(after, desired)) == []
    assert [e['order_type'] for e in box.calls('CreateOrder')] == ['Nameserver_Update']


def test_glue_inside_the_domain(adapter):
    wanted = validation.nameservers([{'name': 'ns1.example.net', 'ipv4': '192.0.2.1', 'ipv6': '2001:db8::1'},
                                     'ns2.example.org'], 'example.net')
    desired = DesiredDomain('example.net', nameservers=wanted)
    ops, subs, after = converge(adapter, desired)
    assert [s.status for s in subs] == ['Completed']
    assert after.nameservers == (Nameserver('ns1.example.net', '192.0.2.1', '2001:db8::1'),
                                 Nameserver('ns2.example.org'))
    assert plan(after, desired) == []


def test_invalid_order_is_400_with_the_sandbox_reasons(box, adapter):
    desired = DesiredDomain('example.net', nameservers=validation.nameservers(['ns9.example.org'], 'example.net',
                                                                              allow_single=True))
    current = adapter.get_domain('example.net')
    op = adapter.operations(current, plan(current, desired))[0]
    with pytest.raises(RegistrarError) as info:
        adapter.submit(op)
    error = info.value
    assert (error.code, error.text, error.operation) == ('400', 'Order not validated', 'Nameserver_Update')
    assert any('at least 2 name servers' in reason for reason in error.details)
    assert str(error).startswith('Nameserver_Update failed: 400: Order not validated (')
    # Sent once, never retried.
    assert [e['result_code'] for e in box.calls('CreateOrder')] == [400]


def test_update_lock_refuses_updates(adapter):
    # The sandbox refuses an update on an update-locked domain (sent here without the release).
    desired = DesiredDomain('example.org', nameservers=ns('example.org', 'ns1.example.net', 'ns2.example.net'))
    current = adapter.get_domain('example.org')
    operations = adapter.operations(current, plan(current, desired))
    assert [op.name for op in operations] == ['Change_Locks', 'Nameserver_Update', 'Change_Locks']
    with pytest.raises(RegistrarError) as info:
        adapter.submit(operations[1])
    assert info.value.code == '400'
    assert any('UpdateLock' in reason for reason in info.value.details)


def test_release_the_update_lock_first_then_update(box, adapter):
    # example.org is update-locked; declaring the lock off and new name servers releases it first.
    desired = DesiredDomain('example.org', nameservers=ns('example.org', 'ns1.example.net', 'ns2.example.net'),
                            locks=Locks(update=False))
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Change_Locks', 'Nameserver_Update']
    assert [s.status for s in subs] == ['Completed', 'Completed']
    assert after.locks == Locks(transfer=False, delete=False, update=False)
    assert plan(after, desired) == []


def test_pending_order_is_found_not_sent_again(slow_box):
    first = slow_box.adapter()
    desired = DesiredDomain('example.net', nameservers=ns('example.net', 'ns1.example.org', 'ns2.example.org',
                                                          'ns4.example.org'))
    current = first.get_domain('example.net')
    op = first.operations(current, plan(current, desired))[0]
    sent = first.submit(op)
    with pytest.raises(WaitTimeout):
        first.wait(sent, 0.3, interval=0.1)            # the run times out; the order keeps running
    first.close()

    second = slow_box.adapter()                       # the next run
    found = second.pending('example.net', ['nameservers'])
    assert [(p.operation, p.id, p.done) for p in found] == [('Nameserver_Update', sent.id, False)]
    assert found[0].status in ('Received', 'Processing')
    assert second.pending('example.net', ['locks', 'autorenew']) == []
    assert second.pending('example.com', ['nameservers']) == []
    done = second.wait(found[0], 10, interval=0.2)
    assert done.status == 'Completed'
    assert second.pending('example.net', ['nameservers']) == []
    after = second.get_domain('example.net')
    assert plan(after, desired) == []
    second.close()


def test_contacts_and_registrant(box, adapter):
    desired = DesiredDomain('example.com', contacts={
        'registrant': Contact(address=('New Street 5', 'Building B'), city='Other City'),
        'admin': Contact(first_name='Erik'),
        'tech': Contact(email='noc@example.net'),
    })
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Registrant_Details_Update', 'Contact_Update']
    assert [s.status for s in subs] == ['Completed', 'Completed']
    assert after.contacts['registrant'].address == ('New Street 5', 'Building B')
    assert after.contacts['registrant'].first_name == 'Erika'
    assert after.contacts['admin'].first_name == 'Erik'
    assert after.contacts['tech'].email == 'noc@example.net'
    assert after.contacts['billing'].first_name == 'Erika'          # kept, sent along
    assert plan(after, desired) == []
    # Back to one address line: the second line is cleared, not kept.
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(address=('Only Street 1',))})
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Registrant_Details_Update']
    assert after.contacts['registrant'].address == ('Only Street 1',)
    assert plan(after, desired) == []


def test_owner_change(adapter):
    desired = DesiredDomain('example.com', contacts={'registrant': Contact(
        first_name='Mary Ann', last_name='Smith', organization='New Owner Ltd', registrant_number='NO-1')})
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Owner_Change']
    assert subs[0].status == 'Completed'
    registrant = after.contacts['registrant']
    assert (registrant.first_name, registrant.last_name, registrant.organization) == (
        'Mary Ann', 'Smith', 'New Owner Ltd')
    assert plan(after, desired) == []


def test_locks(adapter):
    desired = DesiredDomain('example.com', locks=Locks(transfer=True, delete=False, update=True))
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Change_Locks']
    assert after.locks == Locks(transfer=True, delete=False, update=True)
    assert plan(after, desired) == []


def test_autorenew_off_and_on(adapter):
    ops, subs, after = converge(adapter, DesiredDomain('example.net', autorenew=False))
    assert [op.name for op in ops] == ['Expire_Domain'] and subs[0].status == 'Completed'
    assert after.autorenew is False and after.status == 'EXPIRING'
    ops, subs, after = converge(adapter, DesiredDomain('example.net', autorenew=True))
    assert [op.name for op in ops] == ['Unexpire_Domain'] and subs[0].status == 'Completed'
    assert after.autorenew is True


def test_renew_once_per_intent(box, adapter):
    before = adapter.get_domain('example.net')
    target = add_years(before.expires, 1)
    desired = DesiredDomain('example.net', renew=RenewPolicy(period=1, until=target))
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Renew_Domain'] and subs[0].status == 'Completed'
    assert after.expires == target
    assert plan(after, desired) == []
    assert [e['order_type'] for e in box.calls('CreateOrder')] == ['Renew_Domain']


def test_auth_code(adapter):
    desired = DesiredDomain('example.net', new_auth_code='N3w-Auth-Code')
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Update_AuthInfo']
    assert ops[0].summary['Domain']['AuthInfo'] != 'N3w-Auth-Code'
    assert after.auth_code == 'N3w-Auth-Code'


def test_register_and_delete(adapter):
    desired = DesiredDomain('brand-new.example', nameservers=ns('brand-new.example', 'ns1.example.net',
                                                                'ns2.example.net'),
                            contacts=_contacts_of(adapter, 'example.com'),
                            period=2)
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Register_Domain'] and subs[0].status == 'Completed'
    assert after.name == 'brand-new.example'
    assert after.expires.year == datetime.date.today().year + 2
    assert [n.name for n in after.nameservers] == ['ns1.example.net', 'ns2.example.net']
    assert after.contacts['registrant'].organization == 'Example Holding'
    ops, subs, after = converge(adapter, DesiredDomain('brand-new.example', present=False))
    assert [op.name for op in ops] == ['Delete_Domain'] and subs[0].status == 'Completed'
    assert after is None


def test_a_deleted_domain_is_not_in_the_account_and_its_twin_is_never_picked(adapter):
    assert adapter.get_domain('deleted.example') is None
    desired = DesiredDomain('old-twin.example', nameservers=ns('old-twin.example', 'ns1.example.net',
                                                               'ns2.example.net'),
                            contacts=_contacts_of(adapter, 'example.com'))
    ops, subs, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['Register_Domain'] and subs[0].status == 'Completed'
    clauses = {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'old-twin.example'}]}
    found = adapter.client.request('SearchDomain', criteria={'Mode': 'Strict', 'Clauses': clauses})
    assert [d['DomainHandle'] for d in found['domains']['Domain']][0] == 'SBXD-OLD-TWIN'  # the deleted one first
    assert after.registrar_data['handle'] != 'SBXD-OLD-TWIN'
    assert [n.name for n in after.nameservers] == ['ns1.example.net', 'ns2.example.net']


def _contacts_of(adapter, name):
    """The contacts of a seeded domain (.example transfers need full data)."""
    current = adapter.get_domain(name)
    return dict((role, current.contacts[role]) for role in ('registrant', 'admin', 'tech', 'billing'))


def test_restore(adapter):
    ops, subs, after = converge(adapter, DesiredDomain('deleted.example', restore=True))
    assert [op.name for op in ops] == ['Restore_Domain'] and subs[0].status == 'Completed'
    assert after.name == 'deleted.example' and after.status == 'ACTIVE'


@pytest.mark.parametrize('empty_queue_code', [200, 201])
def test_poll_queue_reports_finished_orders_one_by_one(tmp_path, empty_queue_code):
    # Public clients read an empty queue as 200 with msgCount 0 or as 201 (ascio-rules.json empty_queue).
    running = Box(tmp_path, 0.2, empty_queue_code)
    try:
        _poll_one_by_one(running.adapter())
        assert [entry['result_code'] for entry in running.calls('PollMessage')][-1] == empty_queue_code
    finally:
        running.sandbox.stop()


def _poll_one_by_one(adapter):
    assert adapter.poll() is None
    converge(adapter, DesiredDomain('example.net', autorenew=False))
    converge(adapter, DesiredDomain('example.net', locks=Locks(transfer=True)))
    first = adapter.poll()
    assert (first.domain, first.status, first.waiting) == ('example.net', 'Completed', 2)
    assert 'Expire_Domain' in first.text
    assert adapter.poll().id == first.id              # the head stays until acknowledged
    adapter.ack(first.id)
    second = adapter.poll()
    assert second.id != first.id and second.waiting == 1 and 'Change_Locks' in second.text
    adapter.ack(second.id)
    assert adapter.poll() is None
    with pytest.raises(RegistrarError) as info:
        adapter.ack(second.id)
    assert info.value.code == '405'


def test_transfer_with_a_wrong_auth_code_fails(adapter):
    ops, subs, after = converge(adapter, DesiredDomain('transfer-me.example', auth_code='Wr0ng-Code!',
                                                       contacts=_contacts_of(adapter, 'example.com')))
    assert [op.name for op in ops] == ['Transfer_Domain']
    assert (subs[0].status, subs[0].done, subs[0].failed) == ('Authentication_Failed', True, True)
    assert subs[0].message.startswith('Authentication_Failed')
    assert after is None


def test_transfer(adapter):
    ops, subs, after = converge(adapter, DesiredDomain('transfer-me.example', auth_code='Tr4nsfer-Me!',
                                                       contacts=_contacts_of(adapter, 'example.net')))
    assert [s.status for s in subs] == ['Completed']
    assert after.name == 'transfer-me.example'
    assert after.contacts['registrant'].last_name == 'Doe'


# ---------------------------------------------------------------------------------------
# Transport errors: a clear RegistrarError naming the endpoint, never the password
# ---------------------------------------------------------------------------------------

def _closed_port():
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_connection_refused(box):
    url = 'http://127.0.0.1:%d/2012/01/01/AscioService.svc' % _closed_port()
    adapter = box.adapter(api_url=url, timeout=3)
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code == 'connection'
    assert url in info.value.text and 'LogIn' in info.value.text
    assert PASSWORD not in str(info.value)
    adapter.close()


def test_http_error_status(box):
    url = box.url.replace('AscioService.svc', 'NoSuchService.svc')
    adapter = box.adapter(api_url=url)
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code.startswith('HTTP 4')
    assert url in info.value.text
    assert PASSWORD not in str(info.value)


class ErrorPages(http.server.BaseHTTPRequestHandler):
    """What a proxy or a broken server in front of the service may answer."""
    PAGES = {
        '/bad-gateway': (502, 'text/html', b'<html><body><h1>502 Bad Gateway</h1></body></html>'),
        '/unavailable': (503, 'text/html', b''),
        '/crash': (500, 'text/plain', b'Internal Server Error'),
        '/html': (200, 'text/html', b'<html><body>Welcome</body></html>'),
    }

    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        code, content_type, body = self.PAGES[self.path]
        self.send_response(code)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def error_server():
    server = http.server.HTTPServer(('127.0.0.1', 0), ErrorPages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield 'http://127.0.0.1:%d' % server.server_port
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize('path, code', [('/bad-gateway', 'HTTP 502'), ('/unavailable', 'HTTP 503'),
                                        ('/crash', 'HTTP 500'), ('/html', 'invalid answer')])
def test_error_pages_instead_of_soap(box, error_server, path, code):
    adapter = box.adapter(api_url=error_server + path)
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code == code
    assert error_server + path in info.value.text
    assert PASSWORD not in str(info.value)


def test_create_order_without_an_answer_is_not_retried_and_says_so(box, error_server):
    adapter = box.adapter(api_url=error_server + '/bad-gateway')
    adapter.client.session_id = 'session-of-an-earlier-login'
    current = box.adapter().get_domain('example.net')
    op = adapter.operations(current, plan(current, DesiredDomain('example.net', autorenew=False)))[0]
    with pytest.raises(RegistrarError) as info:
        adapter.submit(op)
    assert info.value.code == 'HTTP 502'
    assert 'may have been received' in info.value.text and 'SearchOrder' in str(info.value)


def test_timeout(box):
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(5)                        # accepts connections, never answers
    try:
        url = 'http://127.0.0.1:%d/2012/01/01/AscioService.svc' % listener.getsockname()[1]
        adapter = box.adapter(api_url=url, timeout=1)
        with pytest.raises(RegistrarError) as info:
            adapter.get_domain('example.com')
        assert info.value.code == 'timeout'
        assert url in info.value.text and 'within 1s' in info.value.text
    finally:
        listener.close()


def test_tls_to_a_plain_http_server(box):
    url = box.url.replace('http://', 'https://')
    adapter = box.adapter(api_url=url, timeout=3)
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code in ('TLS', 'connection')
    assert url in info.value.text


def test_soap_fault(box, adapter):
    # An operation the sandbox does not implement is answered with a SOAP Fault.
    with pytest.raises(RegistrarError) as info:
        adapter.client.request('Whois', domainName='example.com')
    assert info.value.code == 'SOAP Fault'
    assert box.url in info.value.text


def test_wsdl_that_cannot_be_loaded(box):
    adapter = box.adapter(wsdl='http://127.0.0.1:%d/AscioService.wsdl' % _closed_port())
    with pytest.raises(RegistrarError) as info:
        adapter.get_domain('example.com')
    assert info.value.code == 'WSDL'


def test_the_sandbox_wsdl_can_be_used_too(box):
    adapter = box.adapter(wsdl=box.url.replace('.svc', '.wsdl'))
    assert adapter.get_domain('example.com').name == 'example.com'
    adapter.close()


# ---------------------------------------------------------------------------------------
# DNSSEC: CreateDnsSecKey, Nameserver_Update by Handle, read back without GetDnsSecKey
# ---------------------------------------------------------------------------------------

def test_dnssec_keys_are_created_referenced_read_back_and_removed(box, adapter):
    from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec
    keys = dnssec.records([
        {'key_tag': 2224, 'algorithm': 8, 'digest_type': 2, 'digest': '846e5ed4ab6788032b89393619752f662cf2b7b2046a8ec0804df88f1469ac1e'},
        {'flags': 257, 'protocol': 3, 'algorithm': 13,
         'public_key': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}])
    desired = DesiredDomain('example.net', dnssec=keys)
    ops, done, after = converge(adapter, desired)
    assert [op.name for op in ops] == ['CreateDnsSecKey', 'CreateDnsSecKey', 'Nameserver_Update']
    assert [s.status for s in done] == ['Completed'] * 3
    assert set(k.key() for k in after.dnssec) == set(k.key() for k in keys)
    assert box.calls('GetDnsSecKey') == []  # GetDomain carried the key data
    assert adapter.operations(after, plan(after, desired)) == []
    # One key dropped: its slot is cleared, the other kept by its Handle, nothing created.
    ops, _done, after = converge(adapter, DesiredDomain('example.net', dnssec=keys[1:]))
    assert [op.name for op in ops] == ['Nameserver_Update']
    assert after.dnssec == keys[1:]
    ops, _done, after = converge(adapter, DesiredDomain('example.net', dnssec=()))
    assert [op.name for op in ops] == ['Nameserver_Update'] and after.dnssec == ()
    assert len(box.calls('CreateDnsSecKey')) == 2
