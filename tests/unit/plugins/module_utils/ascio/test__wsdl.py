# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The bundled Ascio AWS v2 WSDL, checked against docs/reference/ by parsing it, and the zeep client built on it."""
import importlib.util
import json
import os

import pytest
from lxml import etree

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import _wsdl as wsdl
from ansible_collections.domainops.registrar.plugins.module_utils.ascio import api

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))

REFERENCE = os.path.join(ROOT, 'docs', 'reference')
WSDL = '{http://schemas.xmlsoap.org/wsdl/}'
WSDL_SOAP = '{http://schemas.xmlsoap.org/wsdl/soap/}'
WSAW = '{http://www.w3.org/2006/05/addressing/wsdl}'
XSD = '{http://www.w3.org/2001/XMLSchema}'


def _reference(name):
    with open(os.path.join(REFERENCE, name), encoding='utf-8') as handle:
        return json.load(handle)


BINDING = _reference('ascio-v2-binding.json')
TYPE_FILE = _reference('ascio-v2-types.json')
ADDITIONS = _reference('ascio-v2-type-additions.json')
NAMESPACE = BINDING['targetNamespace']
ARRAYS_NAMESPACE = ADDITIONS['namespaces']['types']['ArrayOfstring']
NS = '{%s}' % NAMESPACE
ARRAYS = '{%s}' % ARRAYS_NAMESPACE


def _generator():
    path = os.path.join(ROOT, 'tools', 'generate_ascio_wsdl.py')
    spec = importlib.util.spec_from_file_location('generate_ascio_wsdl', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_order(type_name):
    """Element names of a type from the type file, plus the seed's additions."""
    names = [name for name, _type in TYPE_FILE['types'][type_name]]
    names += [element for owner, element, _type in ADDITIONS['additions']['elements'] if owner == type_name]
    return names


def _qname(element, attribute):
    """An attribute holding a QName, resolved with the element's namespace declarations."""
    prefix, _colon, local = element.get(attribute).rpartition(':')
    return '{%s}%s' % (element.nsmap[prefix or None], local)


@pytest.fixture
def client():
    api.clear_cache()
    yield api.get_zeep_client(api.BUNDLED_WSDL_URL)
    api.clear_cache()


# ------------------------------------------------------------------ generated, from docs/reference

def test_generated_module_is_up_to_date():
    target = os.path.join(ROOT, 'plugins', 'module_utils', 'ascio', '_wsdl.py')
    assert _generator().main(['--check', '--output', target]) == 0, 'run: python tools/generate_ascio_wsdl.py'


def test_wsdl_module_needs_only_the_stdlib():
    with open(wsdl.__file__, encoding='utf-8') as handle:
        imports = [line for line in handle if line.startswith(('import ', 'from '))]
    assert imports == ['from __future__ import absolute_import, division, print_function\n']


def test_sandbox_tables_are_not_shipped():
    # The sandbox reads docs/reference/ itself; the client needs only the documents and the names.
    for name in ('TYPES', 'ENUMS', 'OPERATIONS', 'SOAP_ACTION_PREFIX', 'WRAPPERS', 'soap_action', 'wsdl_text'):
        assert not hasattr(wsdl, name), name
    assert not os.path.exists(os.path.join(ROOT, 'plugins', 'module_utils', 'ascio', 'wsdl.py'))


def test_bundled_binding_has_the_soap_action_of_every_operation_of_the_table():
    root = etree.fromstring(wsdl.WSDL_TEXT.encode('utf-8'))
    bindings = root.findall(WSDL + 'binding')
    assert [b.get('name') for b in bindings] == [BINDING['binding']]
    assert root.get('targetNamespace') == NAMESPACE
    assert _qname(bindings[0], 'type') == NS + BINDING['portType']
    actions = dict((op.get('name'), op.find(WSDL_SOAP + 'operation').get('soapAction'))
                   for op in bindings[0].findall(WSDL + 'operation'))
    table = BINDING['soapAction']
    # Every operation of the table is bound with its soapAction, except those the type
    # file has no messages for (docs/ascio-wire.md); nothing is bound that the table lacks.
    without_types = set(table) - set(TYPE_FILE['operations'])
    assert without_types == {'UpdateReseller'}
    for operation, action in table.items():
        if operation not in without_types:
            assert actions.get(operation) == action, operation
    assert set(actions) == set(table) - without_types
    assert actions['LogIn'] == 'http://www.ascio.com/2007/01/ISessionService/LogIn'
    assert actions['CreateOrder'] == 'http://www.ascio.com/2007/01/IOrderService/CreateOrder'


def test_bundled_wsdl_has_the_shape_of_ascios():
    root = etree.fromstring(wsdl.WSDL_TEXT.encode('utf-8'))
    assert root.get('name') == BINDING['definitions_name']
    # Binding document: <wsdl:types/> empty, the rest imported from a second document.
    assert len(root.find(WSDL + 'types')) == 0
    imports = root.findall(WSDL + 'import')
    assert [(i.get('namespace'), i.get('location')) for i in imports] == [(NAMESPACE, wsdl.PORT_TYPES_NAME)]
    services = root.findall(WSDL + 'service')
    assert [s.get('name') for s in services] == [BINDING['service']]
    port = services[0].find(WSDL + 'port')
    assert port.get('name') == BINDING['port']
    assert port.find(WSDL_SOAP + 'address').get('location') == BINDING['address']['live']
    # Ascio's quirk, kept: the port's "tns:" is not the target namespace.
    assert _qname(port, 'binding') == '{%s}%s' % (BINDING['quirks']['tns_prefix']['bound_to'], BINDING['binding'])
    port_types = etree.fromstring(wsdl.PORT_TYPES_TEXT.encode('utf-8'))
    assert port_types.get('targetNamespace') == NAMESPACE
    (port_type,) = port_types.findall(WSDL + 'portType')
    assert port_type.get('name') == BINDING['portType']
    for operation in port_type.findall(WSDL + 'operation'):
        action = BINDING['soapAction'][operation.get('name')]
        assert operation.find(WSDL + 'input').get(WSAW + 'Action') == action
        assert operation.find(WSDL + 'output').get(WSAW + 'Action') == action + 'Response'
    assert set(wsdl.DOCUMENTS) == {'AscioService.wsdl', 'AscioService.xml', 'AscioService.xsd', 'arrays.xsd'}


def test_names_the_client_binds_by_are_the_tables():
    assert wsdl.BINDING_QNAME == '{%s}%s' % (NAMESPACE, BINDING['binding'])
    assert (wsdl.SERVICE_NAME, wsdl.PORT_NAME, wsdl.PORT_TYPE) == (BINDING['service'], BINDING['port'], BINDING['portType'])
    assert (wsdl.LIVE_WSDL_URL, wsdl.OTE_WSDL_URL) == (BINDING['wsdl']['live'], BINDING['wsdl']['ote'])
    assert wsdl.SEED_ADDITIONS == tuple(tuple(item) for item in ADDITIONS['additions']['elements'])


def test_string_arrays_are_in_the_wcf_arrays_namespace():
    assert ARRAYS_NAMESPACE == 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
    schema = etree.fromstring(wsdl.XSD_TEXT.encode('utf-8'))
    assert [(i.get('namespace'), i.get('schemaLocation')) for i in schema.findall(XSD + 'import')] == [
        (ARRAYS_NAMESPACE, 'arrays.xsd')]
    names = [t.get('name') for t in schema.findall(XSD + 'complexType')]
    assert 'ArrayOfstring' not in names and 'ArrayOfString' in names  # Ascio's own, capital S
    users = [e for e in schema.iter(XSD + 'element') if e.get('type', '').endswith(':ArrayOfstring')]
    assert sorted(e.get('name') for e in users) == ['ObjectNames', 'Values', 'Withoutstates', 'Withstates']
    for element in users:
        assert _qname(element, 'type') == ARRAYS + 'ArrayOfstring'
    arrays = etree.fromstring(wsdl.ARRAYS_XSD_TEXT.encode('utf-8'))
    assert arrays.get('targetNamespace') == ARRAYS_NAMESPACE
    item = arrays.find(XSD + 'complexType[@name="ArrayOfstring"]/' + XSD + 'sequence/' + XSD + 'element')
    assert (item.get('name'), item.get('type'), item.get('maxOccurs'), item.get('nillable')) == (
        'string', 'xsd:string', 'unbounded', 'true')


def test_nillable_like_wcf():
    schema = etree.fromstring(wsdl.XSD_TEXT.encode('utf-8'))
    domain = schema.find(XSD + 'complexType[@name="Domain"]')
    elements = dict((e.get('name'), e) for e in domain.iter(XSD + 'element'))
    assert elements['DomainName'].get('nillable') == 'true'
    assert elements['Registrant'].get('nillable') == 'true'
    assert elements['RegPeriod'].get('nillable') is None
    assert elements['ExpDate'].get('type') == 'xsd:dateTime'
    assert all(e.get('minOccurs') == '0' for e in elements.values())


# ------------------------------------------------------------------ zeep on the bundled documents

def test_bundled_wsdl_loads_offline_and_the_binding_is_found_by_its_real_name(client, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError('network access while loading the bundled WSDL')
    monkeypatch.setattr(client.transport.session, 'get', no_network)
    binding = client.wsdl.bindings[wsdl.BINDING_QNAME]
    assert set(binding._operations) == set(BINDING['soapAction']) - {'UpdateReseller'}
    assert binding._operations['CreateOrder'].soapaction == BINDING['soapAction']['CreateOrder']
    # What zeep does with Ascio's port: it cannot resolve "tns:" and drops it.
    assert list(client.wsdl.services[BINDING['service']].ports) == []
    # The client's default service is the binding at the port's address all the same.
    assert client.service._binding_options['address'] == BINDING['address']['live']


def test_a_wsdl_without_ascios_binding_is_refused_naming_what_it_has(tmp_path):
    # The invented names of earlier releases: a WSDL that is no Ascio v2 WSDL for the client.
    wrong = wsdl.WSDL_TEXT.replace(wsdl.BINDING_NAME, 'BasicHttpBinding_IAscioService')
    for name, text in wsdl.DOCUMENTS.items():
        (tmp_path / name).write_text(wrong if name == wsdl.WSDL_NAME else text, encoding='utf-8')
    api.clear_cache()
    with pytest.raises(api.WsdlError) as info:
        api.get_zeep_client(str(tmp_path / wsdl.WSDL_NAME))
    message = str(info.value)
    assert 'WSDL' in message and wsdl.BINDING_QNAME in message
    assert 'bindings found: {http://www.ascio.com/2007/01}BasicHttpBinding_IAscioService' in message
    api.clear_cache()


@pytest.mark.parametrize('type_name', ['Domain', 'Order', 'Registrant', 'Contact', 'NameServer'])
def test_zeep_sees_schema_order(client, type_name):
    zeep_type = client.get_type('{%s}%s' % (NAMESPACE, type_name))
    assert [name for name, _type in zeep_type.elements] == _reference_order(type_name)


def test_create_order_serialised_in_schema_order(client):
    # Keyword order deliberately differs from the schema order.
    domain = {
        'NameServers': {'NameServer2': {'HostName': 'ns2.example.net'},
                        'NameServer1': {'HostName': 'ns1.example.net'}},
        'DiscloseSocialData': True,
        'TransferLock': 'Lock',
        'DomainName': 'example.com',
        'AuthInfo': 'secret',
        'RegPeriod': 1,
    }
    order = {'AgreedPrice': 5000, 'Domain': domain, 'Comments': 'c', 'Type': 'Nameserver_Update'}
    envelope = client.create_message(client.service, 'CreateOrder', sessionId='s', order=order)
    request = envelope.find('{http://schemas.xmlsoap.org/soap/envelope/}Body')[0]
    assert request.tag == NS + 'CreateOrder'
    assert [etree.QName(c).localname for c in request] == ['sessionId', 'order']
    order_el = request.find(NS + 'order')
    assert [etree.QName(c).localname for c in order_el] == ['Type', 'Comments', 'Domain', 'AgreedPrice']
    domain_el = order_el.find(NS + 'Domain')
    assert [etree.QName(c).localname for c in domain_el] == [
        'DomainName', 'RegPeriod', 'AuthInfo', 'TransferLock', 'NameServers', 'DiscloseSocialData']
    ns_el = domain_el.find(NS + 'NameServers')
    assert [etree.QName(c).localname for c in ns_el] == ['NameServer1', 'NameServer2']


def test_search_criteria_states_serialised_in_the_arrays_namespace(client):
    criteria = {'Mode': 'Strict', 'Withstates': {'string': ['ACTIVE', 'EXPIRING']},
                'Withoutstates': {'string': ['DELETED']}}
    envelope = client.create_message(client.service, 'SearchDomain', sessionId='s', criteria=criteria)
    criteria_el = envelope.find('.//%scriteria' % NS)
    assert [c.tag for c in criteria_el] == [NS + 'Mode', NS + 'Withoutstates', NS + 'Withstates']
    withstates = criteria_el.find(NS + 'Withstates')
    assert [(c.tag, c.text) for c in withstates] == [(ARRAYS + 'string', 'ACTIVE'), (ARRAYS + 'string', 'EXPIRING')]
    assert [(c.tag, c.text) for c in criteria_el.find(NS + 'Withoutstates')] == [(ARRAYS + 'string', 'DELETED')]


# What the real (WCF) service answers to an order that is not validated.
NOT_VALIDATED = b'''\
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<CreateOrderResponse xmlns="http://www.ascio.com/2007/01" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
<CreateOrderResult><Message>Order not validated</Message><ResultCode>400</ResultCode>
<Values xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">
<a:string>Domain.NameServers: at least 2 name servers are required</a:string>
<a:string>ns1.example.com: glue record missing</a:string>
</Values></CreateOrderResult><order i:nil="true"/></CreateOrderResponse>
</s:Body></s:Envelope>'''


class _Reply:
    status_code = 200
    headers = {'Content-Type': 'text/xml; charset=utf-8'}
    encoding = 'utf-8'

    def __init__(self, content):
        self.content = content


@pytest.mark.parametrize('strict', [True, False])
def test_reasons_of_a_refusal_are_read_from_the_arrays_namespace(client, strict):
    # The collection's client is lenient (strict=False: zeep then matches a child of
    # another namespace by its local name alone); a strict parse shows the schema
    # itself is right - with ArrayOfstring in the Ascio namespace it drops the reasons.
    import zeep
    if strict:
        client = api.AscioZeepClient(api.BUNDLED_WSDL_URL, transport=api.AscioTransport(),
                                     settings=zeep.Settings(strict=True))
    binding = client.service._binding
    result = binding.process_reply(client, binding._operations['CreateOrder'], _Reply(NOT_VALIDATED))
    assert result.CreateOrderResult.ResultCode == 400
    assert list(result.CreateOrderResult.Values.string) == [
        'Domain.NameServers: at least 2 name servers are required', 'ns1.example.com: glue record missing']
    from zeep.helpers import serialize_object

    from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read
    assert read.values(serialize_object(result.CreateOrderResult, dict)) == [
        'Domain.NameServers: at least 2 name servers are required', 'ns1.example.com: glue record missing']


def test_wsdl_is_parsed_once_per_process(monkeypatch):
    api.clear_cache()
    loads = []
    original = api.AscioTransport.load

    def counting_load(self, url):
        loads.append(url)
        return original(self, url)
    monkeypatch.setattr(api.AscioTransport, 'load', counting_load)
    try:
        first = api.get_client(api.BUNDLED_WSDL_URL, 'http://127.0.0.1:9/a.svc', True, 30)
        second = api.get_client(api.BUNDLED_WSDL_URL, 'http://127.0.0.1:9/b.svc', True, 30)
        assert sorted(loads) == sorted(api.BUNDLED_BASE_URL + name for name in wsdl.DOCUMENTS)
        assert first._client is second._client
        assert first._binding_options['address'] == 'http://127.0.0.1:9/a.svc'
        assert second._binding_options['address'] == 'http://127.0.0.1:9/b.svc'
        # A different timeout is a different client.
        api.get_client(api.BUNDLED_WSDL_URL, None, True, 5)
        assert len(loads) == 2 * len(wsdl.DOCUMENTS)
    finally:
        api.clear_cache()


def test_timeout_applies_to_every_call(client):
    session = client.transport.session
    assert session.timeout == 30
    assert client.transport.operation_timeout == 30


def test_unknown_bundled_document_is_not_fetched():
    transport = api.AscioTransport()
    with pytest.raises(Exception) as info:
        transport.load(api.BUNDLED_BASE_URL + 'other.xsd')
    assert 'no bundled' in str(info.value)
