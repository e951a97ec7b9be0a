# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio sandbox, driven the way a client drives Ascio: zeep on the bundled WSDL, and raw SOAP."""
import json
import os
import sys
import time

import pytest
import requests
from lxml import etree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from plugins.module_utils.ascio import api as ascio_api  # noqa: E402
from sandbox.launcher import Sandbox  # noqa: E402

# Raw requests take their facts from docs/reference/, not from the client or the sandbox.
with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-binding.json'), encoding='utf-8') as _handle:
    BINDING = json.load(_handle)
NAMESPACE = BINDING['targetNamespace']
ARRAYS_NAMESPACE = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'


def soap_action(operation):
    return BINDING['soapAction'][operation]


SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
ACCOUNT, PASSWORD = 'demo', 'demo-password'
SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/'
NS = '{%s}' % NAMESPACE
ARRAYS = '{%s}' % ARRAYS_NAMESPACE
TERMINAL = ('Completed', 'Failed', 'Invalid', 'Authentication_Failed')


# ------------------------------------------------------------------ fixtures

def _start(tmp_path_factory, name):
    journal = str(tmp_path_factory.mktemp(name) / 'journal.jsonl')
    box = Sandbox('ascio', seed=SEED, journal=journal, extra_args=['--order-delay', '0.2'])
    box.journal = journal
    return box


@pytest.fixture(scope='module')
def sandbox(tmp_path_factory):
    box = _start(tmp_path_factory, 'ascio')
    yield box
    box.stop()


@pytest.fixture(scope='module')
def service(sandbox):
    return ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, sandbox.url, True, 10)


@pytest.fixture(scope='module')
def session(service):
    result = service.LogIn(session={'Account': ACCOUNT, 'Password': PASSWORD})
    assert result.LogInResult.ResultCode == 200
    return result.sessionId


# ------------------------------------------------------------------ helpers

def code_of(result, operation):
    response = getattr(result, operation + 'Result', None)
    return (response if response is not None else result).ResultCode


def values_of(result, operation):
    response = getattr(result, operation + 'Result', None)
    response = response if response is not None else result
    return list(response.Values.string) if response.Values is not None else []


def find_handle(service, session, name):
    result = service.SearchDomain(sessionId=session, criteria={
        'Mode': 'Strict', 'Clauses': {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': name}]}})
    assert result.SearchDomainResult.ResultCode == 200
    domains = result.domains.Domain if result.domains is not None else []
    assert len(domains) == 1, name
    return domains[0].DomainHandle


def get_domain(service, session, name):
    result = service.GetDomain(sessionId=session, domainHandle=find_handle(service, session, name))
    assert result.GetDomainResult.ResultCode == 200
    return result.domain


def create(service, session, order_type, domain):
    return service.CreateOrder(sessionId=session, order={'Type': order_type, 'Domain': domain})


def wait_order(service, session, order_id, timeout=5.0):
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        result = service.GetOrder(sessionId=session, orderId=order_id)
        assert result.GetOrderResult.ResultCode == 200
        status = result.order.Status
        if not seen or seen[-1] != status:
            seen.append(status)
        if status in TERMINAL:
            return result.order, seen
        time.sleep(0.05)
    raise AssertionError('order %s still %s' % (order_id, seen))


def run_order(service, session, order_type, domain):
    result = create(service, session, order_type, domain)
    assert code_of(result, 'CreateOrder') == 200, values_of(result, 'CreateOrder')
    order, _messages = wait_order(service, session, result.order.OrderId)
    return order


def ns(*hosts, **glue):
    servers = {}
    for index, host in enumerate(hosts, 1):
        server = {'HostName': host}
        if host in glue:
            server['IpAddress'] = glue[host]
        servers['NameServer%d' % index] = server
    return servers


def raw_call(url, operation, body_xml):
    envelope = ('<s:Envelope xmlns:s="%s"><s:Body><%s xmlns="%s">%s</%s></s:Body></s:Envelope>'
                % (SOAP_ENV, operation, NAMESPACE, body_xml, operation))
    response = requests.post(url, data=envelope.encode('utf-8'), timeout=10, headers={
        'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"%s"' % soap_action(operation)})
    return response, etree.fromstring(response.content)


CONTACT = {'FirstName': 'Jane', 'LastName': 'Roe', 'Address1': 'Example Street 9', 'City': 'Example City',
           'PostalCode': '1000', 'CountryCode': 'DK', 'Email': 'jane@example.com', 'Phone': '+45.11223344'}
REGISTRANT = {'Name': 'Jane Roe', 'Address1': 'Example Street 9', 'City': 'Example City', 'PostalCode': '1000',
              'CountryCode': 'DK', 'Email': 'jane@example.com', 'Phone': '+45.11223344'}


# ------------------------------------------------------------------ session

def test_wsdl_served_with_own_address(sandbox):
    wsdl_url = sandbox.url[:-len('.svc')] + '.wsdl'
    text = requests.get(wsdl_url, timeout=5).text
    assert 'location="%s"' % sandbox.url in text
    assert requests.get(sandbox.url + '?wsdl', timeout=5).text == text
    xsd = requests.get(sandbox.url[:-len('.svc')] + '.xsd', timeout=5)
    assert xsd.status_code == 200 and 'targetNamespace="%s"' % NAMESPACE in xsd.text
    arrays = requests.get(sandbox.url.rsplit('/', 1)[0] + '/arrays.xsd', timeout=5)
    assert arrays.status_code == 200 and 'targetNamespace="%s"' % ARRAYS_NAMESPACE in arrays.text
    # zeep pointed at the sandbox's WSDL talks to the sandbox.
    service = ascio_api.get_client(wsdl_url, None, True, 10)
    assert service.LogIn(session={'Account': ACCOUNT, 'Password': PASSWORD}).LogInResult.ResultCode == 200


def test_bad_login_is_401(service):
    result = service.LogIn(session={'Account': ACCOUNT, 'Password': 'wrong'})
    assert result.LogInResult.ResultCode == 401
    assert result.LogInResult.Message == 'Authorization failed'
    assert not result.sessionId


def test_unknown_session_is_401(service):
    result = service.GetDomain(sessionId='nosuchsession000000000000', domainHandle='SBXD-EXAMPLE-COM')
    assert result.GetDomainResult.ResultCode == 401
    result = create(service, 'nosuchsession', 'Nameserver_Update', {'DomainName': 'example.com'})
    assert code_of(result, 'CreateOrder') == 401


def test_logout_ends_the_session(service):
    session = service.LogIn(session={'Account': ACCOUNT, 'Password': PASSWORD}).sessionId
    assert code_of(service.LogOut(sessionId=session), 'LogOut') == 200
    assert service.GetOrder(sessionId=session, orderId='x').GetOrderResult.ResultCode == 401


# ------------------------------------------------------------------ domains

def test_search_and_get_domain(service, session):
    domain = get_domain(service, session, 'example.com')
    assert domain.DomainName == 'example.com'
    assert domain.Registrant.Name == 'Erika Mustermann'
    assert domain.AdminContact.Email == 'admin@example.com'
    assert domain.TechContact.LastName == 'Doe'
    assert domain.BillingContact.Handle == 'SBXC-ADMIN'
    assert domain.NameServers.NameServer1.HostName == 'ns1.example.com'
    assert domain.NameServers.NameServer1.IpAddress == '192.0.2.53'
    assert domain.NameServers.NameServer3.HostName == 'ns.example.net'
    assert domain.NameServers.NameServer4 is None
    assert (domain.TransferLock, domain.DeleteLock, domain.UpdateLock) == ('Lock', 'Lock', 'Unlock')
    assert domain.ExpDate.year == 2027 and domain.AuthInfo == 'Ex4mple-Com!'
    # The Status carries a token for every lock that is on (reference/ascio-rules.json).
    assert domain.Status == 'ACTIVE, TRANSFER_LOCK, DELETE_LOCK'


def test_search_like_and_no_match(service, session):
    result = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': {'Clause': [
        {'Attribute': 'DomainName', 'Operator': 'Like', 'Value': 'example.%'}]}})
    names = sorted(d.DomainName for d in result.domains.Domain)
    assert {'example.com', 'example.net', 'example.org'} <= set(names)
    result = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': {'Clause': [
        {'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'nothing-here.example'}]}})
    assert result.SearchDomainResult.ResultCode == 200
    assert result.domains is None or not result.domains.Domain


def test_unknown_handle_is_405(service, session):
    result = service.GetDomain(sessionId=session, domainHandle='NO-SUCH-HANDLE')
    assert result.GetDomainResult.ResultCode == 405
    assert result.domain is None


# ------------------------------------------------------------------ stage 1: Nameserver_Update

def test_nameserver_update_received_then_completed(service, session):
    before = get_domain(service, session, 'example.net')
    assert before.NameServers.NameServer1.HostName == 'ns1.example.org'
    result = create(service, session, 'Nameserver_Update', {
        'DomainName': 'example.net',
        'NameServers': ns('ns1.example.net', 'ns2.example.net', 'ns3.example.org',
                          **{'ns1.example.net': '192.0.2.1', 'ns2.example.net': '192.0.2.2'})})
    assert code_of(result, 'CreateOrder') == 200
    assert result.CreateOrderResult.Message == 'Order received'
    assert result.order.Status == 'Received' and result.order.OrderId
    # Not applied yet.
    assert get_domain(service, session, 'example.net').NameServers.NameServer1.HostName == 'ns1.example.org'
    order, seen = wait_order(service, session, result.order.OrderId)
    assert seen[-1] == 'Completed' and seen[0] in ('Received', 'Processing')
    after = get_domain(service, session, 'example.net')
    assert [after.NameServers['NameServer%d' % i].HostName for i in (1, 2, 3)] == [
        'ns1.example.net', 'ns2.example.net', 'ns3.example.org']
    assert after.NameServers.NameServer1.IpAddress == '192.0.2.1'
    assert after.NameServers.NameServer4 is None  # the set is replaced


@pytest.mark.parametrize('servers, reason', [
    # A slot left out keeps its server; an empty HostName removes it.
    (dict(ns('ns1.example.org'), NameServer2={'HostName': ''}, NameServer3={'HostName': ''}),
     'at least 2 name servers'),
    (ns('ns1.example.com', 'ns2.example.org'), 'glue'),
    (ns('ns1.example.org', 'bad_host..example'), 'invalid label'),
    ({'NameServer1': {'HostName': 'ns1.example.org', 'IpAddress': '300.1.2.3'},
      'NameServer2': {'HostName': 'ns2.example.org'}}, 'IPv4'),
])
def test_invalid_nameserver_update_is_400(service, session, servers, reason):
    result = create(service, session, 'Nameserver_Update', {'DomainName': 'example.com', 'NameServers': servers})
    assert code_of(result, 'CreateOrder') == 400
    assert result.CreateOrderResult.Message == 'Order not validated'
    assert any(reason in value for value in values_of(result, 'CreateOrder')), values_of(result, 'CreateOrder')
    assert result.order is None


def test_validate_order_only_validates(service, session):
    domain = {'DomainName': 'example.com', 'NameServers': ns('a.example.org', 'b.example.org')}
    result = service.ValidateOrder(sessionId=session, order={'Type': 'Nameserver_Update', 'Domain': domain})
    assert code_of(result, 'ValidateOrder') == 200
    assert get_domain(service, session, 'example.com').NameServers.NameServer1.HostName == 'ns1.example.com'
    assert get_domain(service, session, 'example.com').NameServers.NameServer3.HostName == 'ns.example.net'


def test_a_pending_order_can_be_found_with_search_order(service, session):
    # Nothing in the reference says Ascio refuses a second order while one is pending, so the
    # sandbox accepts it; a client avoids sending twice by finding the pending one.
    domain = {'DomainName': 'xn--bcher-kva.example', 'NameServers': ns('ns1.example.org', 'ns2.example.org')}
    first = create(service, session, 'Nameserver_Update', domain)
    assert code_of(first, 'CreateOrder') == 200
    found = service.SearchOrder(sessionId=session, orderRequest={
        'DomainName': 'xn--bcher-kva.example', 'OrderTypes': {'OrderType': ['Nameserver_Update']},
        'OrderStatusTypes': {'OrderStatusType': ['Received', 'Processing']}})
    assert found.SearchOrderResult.ResultCode == 200
    assert [o.OrderId for o in found.orders.Order] == [first.order.OrderId]
    wait_order(service, session, first.order.OrderId)


def test_out_of_order_element_is_ignored(sandbox, service, session):
    # Domain: DomainName comes before NameServers in the schema; sent after, it is dropped.
    body = ('<sessionId>%s</sessionId><order><Type>Nameserver_Update</Type><Domain>'
            '<NameServers><NameServer1><HostName>ns1.example.org</HostName></NameServer1>'
            '<NameServer2><HostName>ns2.example.org</HostName></NameServer2></NameServers>'
            '<DomainName>example.com</DomainName></Domain></order>' % session)
    response, root = raw_call(sandbox.url, 'CreateOrder', body)
    assert response.status_code == 200
    result = root.find('.//%sCreateOrderResult' % NS)
    assert result.findtext(NS + 'ResultCode') == '400'
    values = [v.text for v in result.find(NS + 'Values')]
    assert any('DomainName' in v and 'empty' in v for v in values), values
    # Same members in schema order: accepted by ValidateOrder.
    body = ('<sessionId>%s</sessionId><order><Type>Nameserver_Update</Type><Domain>'
            '<DomainName>example.com</DomainName>'
            '<NameServers><NameServer1><HostName>ns1.example.org</HostName></NameServer1>'
            '<NameServer2><HostName>ns2.example.org</HostName></NameServer2></NameServers>'
            '</Domain></order>' % session)
    _status, root = raw_call(sandbox.url, 'ValidateOrder', body)
    assert root.findtext('.//%sResultCode' % NS) == '200'
    # sessionId after domainHandle: the session id is ignored -> 401.
    _status, root = raw_call(sandbox.url, 'GetDomain',
                             '<domainHandle>SBXD-EXAMPLE-COM</domainHandle><sessionId>%s</sessionId>' % session)
    assert root.findtext('.//%sResultCode' % NS) == '401'


def test_reasons_are_strings_of_the_wcf_arrays_namespace(sandbox, service, session):
    body = ('<sessionId>%s</sessionId><order><Type>Nameserver_Update</Type><Domain>'
            '<DomainName>example.com</DomainName><NameServers><NameServer1><HostName>ns1.example.org</HostName>'
            '</NameServer1><NameServer2><HostName/></NameServer2><NameServer3><HostName/></NameServer3>'
            '</NameServers></Domain></order>' % session)
    response, root = raw_call(sandbox.url, 'CreateOrder', body)
    assert response.status_code == 200
    values = root.find('.//%sCreateOrderResult/%sValues' % (NS, NS))
    assert values is not None and len(values)
    assert {child.tag for child in values} == {ARRAYS + 'string'}
    raw_reasons = [child.text for child in values]
    assert any('at least 2 name servers' in reason for reason in raw_reasons), raw_reasons
    # zeep through the bundled WSDL reads the same reasons back.
    result = create(service, session, 'Nameserver_Update', {
        'DomainName': 'example.com',
        'NameServers': dict(ns('ns1.example.org'), NameServer2={'HostName': ''}, NameServer3={'HostName': ''})})
    assert values_of(result, 'CreateOrder') == raw_reasons


def test_string_arrays_are_read_in_the_wcf_arrays_namespace(sandbox, session):
    def search(withstates):
        body = '<sessionId>%s</sessionId><criteria><Mode>Strict</Mode>%s</criteria>' % (session, withstates)
        _status, root = raw_call(sandbox.url, 'SearchDomain', body)
        assert root.findtext('.//%sResultCode' % NS) == '200'
        return {(d.findtext(NS + 'DomainName'), d.findtext(NS + 'Status')) for d in root.iter(NS + 'Domain')}
    everything = search('')
    expiring = search('<Withstates xmlns:a="%s"><a:string>EXPIRING</a:string></Withstates>' % ARRAYS_NAMESPACE)
    assert expiring and all('EXPIRING' in status.split(', ') for _name, status in expiring)
    assert expiring < everything
    # A "string" in the Ascio namespace is an unknown element to WCF: no filter at all.
    assert search('<Withstates><string>EXPIRING</string></Withstates>') == everything


def test_malformed_envelope_is_a_soap_fault(sandbox):
    response = requests.post(sandbox.url, data=b'<s:Envelope xmlns:s="%s"><s:Body>' % SOAP_ENV.encode(),
                             headers={'Content-Type': 'text/xml; charset=utf-8',
                                      'SOAPAction': soap_action('LogIn')}, timeout=5)
    assert response.status_code == 500
    fault = etree.fromstring(response.content).find('.//{%s}Fault' % SOAP_ENV)
    assert fault is not None and fault.findtext('faultcode') == 's:Client'
    response, root = raw_call(sandbox.url, 'LogIn', '')
    assert response.status_code == 200  # an empty LogIn is a 401, not a fault
    assert root.findtext('.//%sResultCode' % NS) == '401'


# ------------------------------------------------------------------ the wire, as WCF refuses it (raw HTTP)

with open(os.path.join(ROOT, 'docs', 'reference', 'wcf-faults.json'), encoding='utf-8') as _handle:
    WCF_FAULTS = json.load(_handle)
WSDL_NS = '{http://schemas.xmlsoap.org/wsdl/}'
WSDL_SOAP_NS = '{http://schemas.xmlsoap.org/wsdl/soap/}'


def raw_post(url, action, operation, body_xml):
    envelope = ('<s:Envelope xmlns:s="%s"><s:Body><%s xmlns="%s">%s</%s></s:Body></s:Envelope>'
                % (SOAP_ENV, operation, NAMESPACE, body_xml, operation))
    return requests.post(url, data=envelope.encode('utf-8'), timeout=10, headers={
        'Content-Type': 'text/xml; charset=utf-8', 'SOAPAction': '"%s"' % action})


def fault_of(response):
    assert response.status_code == 500
    fault = etree.fromstring(response.content).find('{%s}Body/{%s}Fault' % (SOAP_ENV, SOAP_ENV))
    code = fault.find('faultcode')
    prefix, _colon, local = code.text.partition(':')
    return code.nsmap.get(prefix), local, fault.findtext('faultstring')


LOGIN_BODY = '<session><Account>%s</Account><Password>%s</Password></session>' % (ACCOUNT, PASSWORD)


@pytest.mark.parametrize('action', [
    'http://www.ascio.com/2007/01/IAscioService/LogIn',       # the invented prefix of earlier releases
    'http://www.ascio.com/2007/01/IOrderService/LogIn',       # right operation, wrong contract
    'LogIn', ''])
def test_a_soap_action_of_no_operation_is_action_not_supported(sandbox, action):
    namespace, code, text = fault_of(raw_post(sandbox.url, action, 'LogIn', LOGIN_BODY))
    expected = WCF_FAULTS['ActionNotSupported']
    assert (namespace, code) == (expected['faultcode_namespace'], 'ActionNotSupported')
    assert text == expected['faultstring'].replace('{action}', action)
    assert text.startswith("The message with Action '%s' cannot be processed at the receiver, due to a ContractFilter "
                           "mismatch at the EndpointDispatcher." % action)


def test_an_operation_of_the_binding_without_types_is_not_implemented_not_unknown(sandbox):
    namespace, code, text = fault_of(raw_post(sandbox.url, BINDING['soapAction']['UpdateReseller'], 'UpdateReseller', ''))
    assert code == 'Server' and 'does not implement the operation UpdateReseller' in text


def test_the_real_soap_action_is_dispatched(sandbox):
    response = raw_post(sandbox.url, BINDING['soapAction']['LogIn'], 'LogIn', LOGIN_BODY)
    assert response.status_code == 200
    assert etree.fromstring(response.content).findtext('.//%sResultCode' % NS) == '200'


def test_a_body_of_another_operation_than_the_action_is_deserialization_failed(sandbox):
    namespace, code, text = fault_of(raw_post(sandbox.url, BINDING['soapAction']['GetDomain'], 'LogIn', LOGIN_BODY))
    assert (namespace, code) == (WCF_FAULTS['DeserializationFailed']['faultcode_namespace'], 'DeserializationFailed')
    assert text.startswith('The formatter threw an exception while trying to deserialize the message: ')
    assert "Expecting element 'GetDomain'" in text


def test_text_in_an_int_is_deserialization_failed(sandbox, session):
    body = '<sessionId>%s</sessionId><msgId>twelve</msgId>' % session
    namespace, code, text = fault_of(raw_post(sandbox.url, BINDING['soapAction']['AckMessage'], 'AckMessage', body))
    assert code == 'DeserializationFailed'
    assert "The value 'twelve' cannot be parsed as the type 'Int32'" in text


def test_a_member_out_of_order_is_ignored_not_refused(sandbox):
    # session is Account, Password: Password first makes the later Account "out of order" - dropped.
    body = '<session><Password>%s</Password><Account>%s</Account></session>' % (PASSWORD, ACCOUNT)
    response = raw_post(sandbox.url, BINDING['soapAction']['LogIn'], 'LogIn', body)
    assert response.status_code == 200
    assert etree.fromstring(response.content).findtext('.//%sResultCode' % NS) == '401'


def test_the_served_wsdl_has_the_shape_of_ascios(sandbox):
    base = sandbox.url.rsplit('/', 4)[0]
    root = etree.fromstring(requests.get(sandbox.url[:-len('.svc')] + '.wsdl', timeout=5).content)
    assert root.get('targetNamespace') == NAMESPACE
    (binding,) = root.findall(WSDL_NS + 'binding')
    assert binding.get('name') == BINDING['binding']
    assert {op.get('name'): op.find(WSDL_SOAP_NS + 'operation').get('soapAction')
            for op in binding.findall(WSDL_NS + 'operation')} == {
        op: action for op, action in BINDING['soapAction'].items() if op != 'UpdateReseller'}
    (service,) = root.findall(WSDL_NS + 'service')
    port = service.find(WSDL_NS + 'port')
    assert (service.get('name'), port.get('name')) == (BINDING['service'], BINDING['port'])
    prefix = port.get('binding').split(':')[0]
    assert port.nsmap[prefix] == BINDING['quirks']['tns_prefix']['bound_to'] != NAMESPACE
    assert port.find(WSDL_SOAP_NS + 'address').get('location') == sandbox.url
    (imported,) = root.findall(WSDL_NS + 'import')
    assert imported.get('location') == base + '/2012/01/02/AscioService.xml'
    port_types = etree.fromstring(requests.get(imported.get('location'), timeout=5).content)
    assert port_types.find(WSDL_NS + 'portType').get('name') == BINDING['portType']


def test_the_sandbox_imports_nothing_from_plugins():
    folder = os.path.join(ROOT, 'sandbox', 'ascio')
    for name in sorted(os.listdir(folder)):
        if name.endswith('.py'):
            with open(os.path.join(folder, name), encoding='utf-8') as handle:
                imports = [line for line in handle if line.lstrip().startswith(('import ', 'from '))]
            assert not [line for line in imports if 'plugins' in line or 'ansible_collections' in line], name


# ------------------------------------------------------------------ stage 2

def test_contact_update(service, session):
    result = create(service, session, 'Contact_Update', {
        'DomainName': 'example.net', 'AdminContact': CONTACT, 'TechContact': CONTACT})
    assert code_of(result, 'CreateOrder') == 400
    assert 'BillingContact is missing' in values_of(result, 'CreateOrder')
    order = run_order(service, session, 'Contact_Update', {
        'DomainName': 'example.net', 'AdminContact': CONTACT, 'TechContact': CONTACT, 'BillingContact': CONTACT})
    assert order.Status == 'Completed'
    domain = get_domain(service, session, 'example.net')
    assert domain.AdminContact.Email == 'jane@example.com' and domain.BillingContact.LastName == 'Roe'
    assert domain.Registrant.Name == 'John Doe'


def test_registrant_details_update_keeps_identity(service, session):
    result = create(service, session, 'Registrant_Details_Update', {
        'DomainName': 'example.com', 'Registrant': {'Name': 'Somebody Else', 'Email': 'x@example.com'}})
    assert code_of(result, 'CreateOrder') == 400
    assert any('Registrant.Name' in v and 'Owner_Change' in v for v in values_of(result, 'CreateOrder'))
    order = run_order(service, session, 'Registrant_Details_Update', {
        'DomainName': 'example.com', 'Registrant': {'Name': 'Erika Mustermann', 'Email': 'new@example.com'}})
    assert order.Status == 'Completed'
    registrant = get_domain(service, session, 'example.com').Registrant
    assert (registrant.Name, registrant.Email, registrant.OrgName) == (
        'Erika Mustermann', 'new@example.com', 'Example Holding')


def test_owner_change(service, session):
    before = get_domain(service, session, 'example.net').Registrant
    order = run_order(service, session, 'Owner_Change', {'DomainName': 'example.net', 'Registrant': REGISTRANT})
    assert order.Status == 'Completed'
    after = get_domain(service, session, 'example.net').Registrant
    assert after.Name == 'Jane Roe' and after.Handle and after.Handle != before.Handle
    result = create(service, session, 'Owner_Change', {'DomainName': 'example.net', 'Registrant': {'Name': 'X'}})
    assert code_of(result, 'CreateOrder') == 400
    assert 'Registrant.Email is missing' in values_of(result, 'CreateOrder')


def test_update_lock_blocks_updates_but_not_change_locks(service, session):
    result = create(service, session, 'Nameserver_Update', {
        'DomainName': 'example.org', 'NameServers': ns('ns1.example.net', 'ns2.example.net')})
    assert code_of(result, 'CreateOrder') == 400
    assert any('UpdateLock' in v for v in values_of(result, 'CreateOrder'))
    result = create(service, session, 'Change_Locks', {'DomainName': 'example.org', 'UpdateLock': 'Maybe'})
    assert code_of(result, 'CreateOrder') == 400
    order = run_order(service, session, 'Change_Locks', {'DomainName': 'example.org', 'UpdateLock': 'Unlock'})
    assert order.Status == 'Completed'
    assert get_domain(service, session, 'example.org').UpdateLock == 'Unlock'


def test_delete_refused_under_delete_lock(service, session):
    result = create(service, session, 'Delete_Domain', {'DomainName': 'example.com'})
    assert code_of(result, 'CreateOrder') == 400
    assert any('DeleteLock' in v for v in values_of(result, 'CreateOrder'))


def test_expire_renew_unexpire(service, session):
    name = 'xn--bcher-kva.example'
    result = create(service, session, 'Unexpire_Domain', {'DomainName': name})
    assert code_of(result, 'CreateOrder') == 400
    assert any('not expiring' in v for v in values_of(result, 'CreateOrder'))
    assert run_order(service, session, 'Expire_Domain', {'DomainName': name}).Status == 'Completed'
    before = get_domain(service, session, name)
    assert before.Status == 'EXPIRING'
    assert run_order(service, session, 'Renew_Domain', {'DomainName': name, 'RegPeriod': 2}).Status == 'Completed'
    renewed = get_domain(service, session, name)
    assert renewed.ExpDate.year == before.ExpDate.year + 2
    assert renewed.Status == 'EXPIRING'  # renewing does not unexpire
    assert run_order(service, session, 'Unexpire_Domain', {'DomainName': name}).Status == 'Completed'
    assert get_domain(service, session, name).Status == 'ACTIVE'


def test_register_domain(service, session):
    full = {'Registrant': REGISTRANT, 'AdminContact': CONTACT, 'TechContact': CONTACT, 'BillingContact': CONTACT,
            'NameServers': ns('ns1.example.org', 'ns2.example.org')}
    result = create(service, session, 'Register_Domain', dict(full, DomainName='taken.example'))
    assert code_of(result, 'CreateOrder') == 400
    assert any('not available' in v for v in values_of(result, 'CreateOrder'))
    result = create(service, session, 'Register_Domain', dict(full, DomainName='example.com'))
    assert code_of(result, 'CreateOrder') == 400
    order = run_order(service, session, 'Register_Domain', dict(full, DomainName='new-one.example', RegPeriod=2))
    assert order.Status == 'Completed'
    domain = get_domain(service, session, 'new-one.example')
    assert domain.Registrant.Name == 'Jane Roe' and domain.Status == 'ACTIVE'
    assert domain.ExpDate.year - domain.CreDate.year == 2
    # Delete_Domain: done when the order completes; Withoutstates DELETED leaves it out of a search.
    assert run_order(service, session, 'Delete_Domain', {'DomainName': 'new-one.example'}).Status == 'Completed'
    deleted = service.GetDomain(sessionId=session, domainHandle=domain.DomainHandle)
    assert deleted.domain.Status == 'DELETED'
    clauses = {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'new-one.example'}]}
    found = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': clauses})
    assert [d.Status for d in found.domains.Domain] == ['DELETED']
    found = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': clauses,
                                                              'Withoutstates': {'string': ['DELETED']}})
    assert found.domains is None or not found.domains.Domain


def test_transfer_domain(service, session):
    full = {'Registrant': REGISTRANT, 'AdminContact': CONTACT, 'TechContact': CONTACT, 'BillingContact': CONTACT}
    result = create(service, session, 'Transfer_Domain', dict(full, DomainName='locked.example', AuthInfo='L0cked-Away!'))
    assert code_of(result, 'CreateOrder') == 400
    assert any('TransferLock' in v for v in values_of(result, 'CreateOrder'))
    result = create(service, session, 'Transfer_Domain', {'DomainName': 'transfer-me.example', 'AuthInfo': 'x'})
    assert code_of(result, 'CreateOrder') == 400  # .example is not a TLD that transfers without data
    assert 'Registrant is missing' in values_of(result, 'CreateOrder')
    order = run_order(service, session, 'Transfer_Domain', dict(full, DomainName='transfer-me.example',
                                                                AuthInfo='wrong-code'))
    assert order.Status == 'Authentication_Failed'
    order = run_order(service, session, 'Transfer_Domain', dict(full, DomainName='transfer-me.example',
                                                                AuthInfo='Tr4nsfer-Me!'))
    assert order.Status == 'Completed'
    assert get_domain(service, session, 'transfer-me.example').ExpDate.year == 2027


def test_restore_and_update_authinfo(service, session):
    assert run_order(service, session, 'Restore_Domain', {'DomainName': 'deleted.example'}).Status == 'Completed'
    assert get_domain(service, session, 'deleted.example').Status == 'ACTIVE'
    order = run_order(service, session, 'Update_AuthInfo', {'DomainName': 'deleted.example', 'AuthInfo': 'N3w-Auth!'})
    assert order.Status == 'Completed'
    assert get_domain(service, session, 'deleted.example').AuthInfo == 'N3w-Auth!'


# ------------------------------------------------------------------ poll queue and journal

def test_poll_queue_is_drained_one_by_one(tmp_path_factory):
    box = _start(tmp_path_factory, 'ascio-queue')
    try:
        service = ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, box.url, True, 10)
        session = service.LogIn(session={'Account': ACCOUNT, 'Password': PASSWORD}).sessionId
        empty = service.PollMessage(sessionId=session, msgType='Message_to_Partner')
        assert empty.PollMessageResult.ResultCode == 200 and empty.msgCount == 0 and empty.item is None
        ids = [run_order(service, session, 'Nameserver_Update', {
            'DomainName': name, 'NameServers': ns('ns1.example.org', 'ns2.example.org')}).OrderId
            for name in ('example.com', 'example.net')]
        first = service.PollMessage(sessionId=session, msgType='Message_to_Partner')
        assert first.msgCount == 2
        item = first.item
        assert (item.MsgType, item.OrderId, item.OrderStatus, item.DomainName) == (
            'Message_to_Partner', ids[0], 'Completed', 'example.com')
        assert item.DomainHandle == 'SBXD-EXAMPLE-COM' and item.Msg
        # Only the head can be acknowledged.
        ack = service.AckMessage(sessionId=session, msgId=item.MsgId + 1)
        assert code_of(ack, 'AckMessage') == 400
        assert code_of(service.AckMessage(sessionId=session, msgId=999), 'AckMessage') == 405
        assert code_of(service.AckMessage(sessionId=session, msgId=item.MsgId), 'AckMessage') == 200
        second = service.PollMessage(sessionId=session, msgType='Message_to_Partner')
        assert second.msgCount == 1 and second.item.OrderId == ids[1]
        assert code_of(service.AckMessage(sessionId=session, msgId=second.item.MsgId), 'AckMessage') == 200
        assert service.PollMessage(sessionId=session, msgType='Message_to_Partner').msgCount == 0
    finally:
        box.stop()
    with open(box.journal) as handle:
        entries = [json.loads(line) for line in handle]
    acks = [e for e in entries if e['operation'] == 'AckMessage']
    assert [e['result_code'] for e in acks] == [400, 405, 200, 200] and all(e['write'] for e in acks)


def test_journal_has_no_secrets(tmp_path_factory):
    # A sandbox of its own, sent every secret here: the test does not rely on which other tests
    # of this module ran before it in the same pytest worker.
    box = _start(tmp_path_factory, 'ascio-secrets')
    try:
        service = ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, box.url, True, 10)
        session = service.LogIn(session={'Account': ACCOUNT, 'Password': PASSWORD}).sessionId
        assert get_domain(service, session, 'example.com').AuthInfo == 'Ex4mple-Com!'
        run_order(service, session, 'Nameserver_Update', {'DomainName': 'example.net', 'NameServers': ns(
            'ns1.example.net', 'ns2.example.net', **{'ns1.example.net': '192.0.2.1', 'ns2.example.net': '192.0.2.2'})})
        run_order(service, session, 'Update_AuthInfo', {'DomainName': 'example.com', 'AuthInfo': 'N3w-Auth!'})
        run_order(service, session, 'Update_AuthInfo', {'DomainName': 'example.net', 'AuthInfo': 'Tr4nsfer-Me!'})
        service.LogIn(session={'Account': ACCOUNT, 'Password': 'wrong-password-xyz'})
    finally:
        box.stop()
    with open(box.journal) as handle:
        text = handle.read()
    for secret in (PASSWORD, 'wrong-password-xyz', 'Ex4mple-Com!', 'Tr4nsfer-Me!', 'N3w-Auth!', session):
        assert secret not in text
    entries = [json.loads(line) for line in text.splitlines()]
    assert all(set(e) == {'operation', 'order_type', 'domain', 'result_code', 'write'} for e in entries)
    creates = [e for e in entries if e['operation'] == 'CreateOrder']
    assert creates and all(e['write'] for e in creates)
    assert any(e['order_type'] == 'Nameserver_Update' and e['domain'] == 'example.net' and e['result_code'] == 200
               for e in creates)
    assert not any(e['write'] for e in entries if e['operation'] in ('GetDomain', 'LogIn'))


# ------------------------------------------------------------------ DNSSEC keys (rules: dnssec)

DS_KEY = {'KeyTag': '2224', 'DigestAlgorithm': '8', 'DigestType': 'SHA-256',
          'Digest': '846E5ED4AB6788032B89393619752F662CF2B7B2046A8EC0804DF88F1469AC1E'}


def test_a_dnssec_key_is_created_then_placed_in_a_slot_by_a_nameserver_update(service, session):
    created = service.CreateDnsSecKey(sessionId=session, dnsSecKey=DS_KEY)
    assert code_of(created, 'CreateDnsSecKey') == 200
    handle = created.dnsSecKey.Handle
    assert handle and created.dnsSecKey.Digest == DS_KEY['Digest']
    fetched = service.GetDnsSecKey(sessionId=session, dnsSecKeyHandle=handle)
    assert code_of(fetched, 'GetDnsSecKey') == 200 and fetched.dnsSecKey.KeyTag == '2224'
    before = get_domain(service, session, 'example.net')
    slots = dict(('DnsSecKey%d' % i, {'Handle': ''}) for i in range(2, 6))
    slots['DnsSecKey1'] = {'Handle': handle}
    order = run_order(service, session, 'Nameserver_Update', {'DomainName': 'example.net', 'DnsSecKeys': slots})
    assert order.Status == 'Completed'
    after = get_domain(service, session, 'example.net')
    assert after.DnsSecKeys.DnsSecKey1.Handle == handle and after.DnsSecKeys.DnsSecKey1.Digest == DS_KEY['Digest']
    assert after.DnsSecKeys.DnsSecKey2 is None
    # Name servers left out of the order stay as they were.
    assert after.NameServers.NameServer1.HostName == before.NameServers.NameServer1.HostName
    slots['DnsSecKey1'] = {'Handle': ''}
    assert run_order(service, session, 'Nameserver_Update', {'DomainName': 'example.net', 'DnsSecKeys': slots}).Status == 'Completed'
    assert get_domain(service, session, 'example.net').DnsSecKeys is None


@pytest.mark.parametrize('key, reason', [
    (dict(DS_KEY, Digest='AB' * 10), 'DnsSecKey.Digest has 20 characters; a SHA-256 digest has 64'),
    (dict(DS_KEY, Digest='Z' * 64), 'not hexadecimal'),
    (dict(DS_KEY, DigestType='MD5'), 'DigestType'),
    (dict(DS_KEY, DigestAlgorithm='99'), 'DigestAlgorithm'),
    ({'KeyType': '257', 'Protocol': '4', 'KeyAlgorithm': '13', 'PublicKey': 'AAAA'}, 'Protocol must be 3'),
    ({'KeyType': '257', 'Protocol': '3', 'KeyAlgorithm': '13', 'PublicKey': 'no base64!'}, 'PublicKey is not Base64'),
    ({'KeyTag': '1'}, 'needs DS data'),
])
def test_bad_dnssec_key_material_is_400(service, session, key, reason):
    result = service.CreateDnsSecKey(sessionId=session, dnsSecKey=key)
    assert code_of(result, 'CreateDnsSecKey') == 400
    assert any(reason in value for value in values_of(result, 'CreateDnsSecKey'))


def test_a_slot_must_reference_an_existing_key_and_get_of_an_unknown_key_is_405(service, session):
    result = create(service, session, 'Nameserver_Update', {'DomainName': 'example.net',
                                                            'DnsSecKeys': {'DnsSecKey1': {'Handle': 'NO-SUCH-KEY'}}})
    assert code_of(result, 'CreateOrder') == 400
    assert any('NO-SUCH-KEY does not exist' in v for v in values_of(result, 'CreateOrder'))
    result = create(service, session, 'Nameserver_Update', {'DomainName': 'example.net',
                                                            'DnsSecKeys': {'DnsSecKey1': DS_KEY}})
    assert any('referenced by its Handle' in v for v in values_of(result, 'CreateOrder'))
    assert code_of(service.GetDnsSecKey(sessionId=session, dnsSecKeyHandle='NO-SUCH-KEY'), 'GetDnsSecKey') == 405


def test_search_dnssec_key_is_not_served(sandbox):
    namespace, code, text = fault_of(raw_post(sandbox.url, BINDING['soapAction']['SearchDnsSecKey'], 'SearchDnsSecKey', ''))
    assert code == 'Server' and 'does not implement the operation SearchDnsSecKey' in text
