"""The bundled Ascio AWS v2 WSDL/schema and the zeep client built on it."""
import importlib.util
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from lxml import etree  # noqa: E402

from plugins.module_utils.ascio import soap, wsdl  # noqa: E402

NS = '{%s}' % wsdl.NAMESPACE
ARRAYS = '{%s}' % wsdl.ARRAYS_NAMESPACE
XSD = '{http://www.w3.org/2001/XMLSchema}'


def _generator():
    path = os.path.join(ROOT, 'tools', 'generate_ascio_wsdl.py')
    spec = importlib.util.spec_from_file_location('generate_ascio_wsdl', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_order(type_name):
    """Element names of a type from the json, plus the seed's additions."""
    import json
    with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-types.json')) as handle:
        types = json.load(handle)['types']
    names = [name for name, _type in types[type_name]]
    names += [element for owner, element, _type in wsdl.SEED_ADDITIONS if owner == type_name]
    return names


@pytest.fixture
def client():
    soap.clear_cache()
    yield soap.get_zeep_client(soap.BUNDLED_WSDL_URL)
    soap.clear_cache()


def test_generated_module_is_up_to_date():
    with open(os.path.join(ROOT, 'plugins', 'module_utils', 'ascio', 'wsdl.py'), encoding='utf-8') as handle:
        current = handle.read()
    assert current == _generator().generate(), 'run: python tools/generate_ascio_wsdl.py'


def test_wsdl_module_needs_only_the_stdlib():
    with open(wsdl.__file__, encoding='utf-8') as handle:
        imports = [line for line in handle if line.startswith(('import ', 'from '))]
    assert imports == ['from __future__ import absolute_import, division, print_function\n']


def test_seed_additions_are_appended_at_the_end():
    assert [n for n, _type in wsdl.TYPES['Domain']][-2:] == ['DomainType', 'DiscloseSocialData']
    assert [n for n, _type in wsdl.TYPES['Order']][-1] == 'AgreedPrice'
    assert wsdl.TYPES['Domain'][0] == ('DomainName', 'string')


def test_wsdl_imports_the_schema_document():
    root = etree.fromstring(wsdl.WSDL_TEXT.encode('utf-8'))
    imports = root.findall('.//{http://www.w3.org/2001/XMLSchema}import')
    assert [(i.get('namespace'), i.get('schemaLocation')) for i in imports] == [
        (wsdl.NAMESPACE, 'AscioService.xsd')]
    schema = etree.fromstring(wsdl.XSD_TEXT.encode('utf-8'))
    assert schema.get('targetNamespace') == wsdl.NAMESPACE
    assert schema.get('elementFormDefault') == 'qualified'
    assert set(wsdl.DOCUMENTS) == {'AscioService.wsdl', 'AscioService.xsd', 'arrays.xsd'}


def test_string_arrays_are_in_the_wcf_arrays_namespace():
    # WCF's DataContractSerializer: string[] is ArrayOfstring in its own namespace.
    assert wsdl.ARRAYS_NAMESPACE == 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
    assert wsdl.TYPE_NAMESPACES == {'ArrayOfstring': wsdl.ARRAYS_NAMESPACE}
    schema = etree.fromstring(wsdl.XSD_TEXT.encode('utf-8'))
    assert [(i.get('namespace'), i.get('schemaLocation')) for i in schema.findall(XSD + 'import')] == [
        (wsdl.ARRAYS_NAMESPACE, 'arrays.xsd')]
    names = [t.get('name') for t in schema.findall(XSD + 'complexType')]
    assert 'ArrayOfstring' not in names and 'ArrayOfString' in names  # Ascio's own, capital S
    users = [e for e in schema.iter(XSD + 'element') if e.get('type', '').endswith(':ArrayOfstring')]
    assert sorted(e.get('name') for e in users) == ['ObjectNames', 'Values', 'Withoutstates', 'Withstates']
    for element in users:
        prefix = element.get('type').split(':')[0]
        assert element.nsmap[prefix] == wsdl.ARRAYS_NAMESPACE
    arrays = etree.fromstring(wsdl.ARRAYS_XSD_TEXT.encode('utf-8'))
    assert arrays.get('targetNamespace') == wsdl.ARRAYS_NAMESPACE
    assert arrays.get('elementFormDefault') == 'qualified'
    item = arrays.find(XSD + 'complexType[@name="ArrayOfstring"]/' + XSD + 'sequence/' + XSD + 'element')
    assert (item.get('name'), item.get('type'), item.get('maxOccurs'), item.get('nillable')) == (
        'string', 'xsd:string', 'unbounded', 'true')
    assert arrays.find(XSD + 'element[@name="ArrayOfstring"]').get('nillable') == 'true'


def test_nillable_like_wcf():
    schema = etree.fromstring(wsdl.XSD_TEXT.encode('utf-8'))
    domain = schema.find('{http://www.w3.org/2001/XMLSchema}complexType[@name="Domain"]')
    elements = dict((e.get('name'), e) for e in domain.iter('{http://www.w3.org/2001/XMLSchema}element'))
    assert elements['DomainName'].get('nillable') == 'true'
    assert elements['Registrant'].get('nillable') == 'true'
    assert elements['RegPeriod'].get('nillable') is None
    assert elements['ExpDate'].get('type') == 'xsd:dateTime'
    assert all(e.get('minOccurs') == '0' for e in elements.values())
    values = schema.find('{http://www.w3.org/2001/XMLSchema}complexType[@name="ArrayOfString"]')
    item = values.find('.//{http://www.w3.org/2001/XMLSchema}element')
    assert item.get('maxOccurs') == 'unbounded'


def test_bundled_wsdl_loads_offline(client, monkeypatch):
    # Any network access would go through the session: forbid it.
    def no_network(*args, **kwargs):
        raise AssertionError('network access while loading the bundled WSDL')
    monkeypatch.setattr(client.transport.session, 'get', no_network)
    service = client.wsdl.services['AscioService']
    port = service.ports['BasicHttpBinding_IAscioService']
    assert port.binding_options['address'] == wsdl.SERVICE_ADDRESS
    operations = port.binding._operations
    assert set(operations) == set(wsdl.OPERATIONS)
    assert operations['CreateOrder'].soapaction == 'http://www.ascio.com/2007/01/IAscioService/CreateOrder'


@pytest.mark.parametrize('type_name', ['Domain', 'Order', 'Registrant', 'Contact', 'NameServer'])
def test_zeep_sees_schema_order(client, type_name):
    zeep_type = client.get_type('{%s}%s' % (wsdl.NAMESPACE, type_name))
    assert [name for name, _type in zeep_type.elements] == _reference_order(type_name)
    assert [name for name, _type in zeep_type.elements] == [name for name, _type in wsdl.TYPES[type_name]]


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
    body = envelope.find('{http://schemas.xmlsoap.org/soap/envelope/}Body')
    request = body[0]
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


class _Reply(object):
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
        client = zeep.Client(soap.BUNDLED_WSDL_URL, transport=soap.BundledTransport(),
                             settings=zeep.Settings(strict=True))
    binding = client.service._binding
    result = binding.process_reply(client, binding._operations['CreateOrder'], _Reply(NOT_VALIDATED))
    assert result.CreateOrderResult.ResultCode == 400
    assert list(result.CreateOrderResult.Values.string) == [
        'Domain.NameServers: at least 2 name servers are required', 'ns1.example.com: glue record missing']
    # The adapter turns them into the reasons of the failure.
    from ansible_collections.domainops.registrar.plugins.module_utils.ascio import adapter
    from zeep.helpers import serialize_object
    assert adapter._values(serialize_object(result.CreateOrderResult, dict)) == [
        'Domain.NameServers: at least 2 name servers are required', 'ns1.example.com: glue record missing']


def test_wsdl_is_parsed_once_per_process(monkeypatch):
    soap.clear_cache()
    loads = []
    original = soap.BundledTransport.load

    def counting_load(self, url):
        loads.append(url)
        return original(self, url)
    monkeypatch.setattr(soap.BundledTransport, 'load', counting_load)
    try:
        first = soap.get_client(soap.BUNDLED_WSDL_URL, 'http://127.0.0.1:9/a.svc', True, 30)
        second = soap.get_client(soap.BUNDLED_WSDL_URL, 'http://127.0.0.1:9/b.svc', True, 30)
        assert sorted(loads) == [soap.BUNDLED_BASE_URL + 'AscioService.wsdl',
                                 soap.BUNDLED_BASE_URL + 'AscioService.xsd',
                                 soap.BUNDLED_BASE_URL + 'arrays.xsd']
        assert first._client is second._client
        assert first._binding_options['address'] == 'http://127.0.0.1:9/a.svc'
        assert second._binding_options['address'] == 'http://127.0.0.1:9/b.svc'
        # A different timeout is a different client.
        soap.get_client(soap.BUNDLED_WSDL_URL, None, True, 5)
        assert len(loads) == 6
    finally:
        soap.clear_cache()


def test_timeout_applies_to_every_call(client):
    session = client.transport.session
    assert session.timeout == 30
    assert client.transport.operation_timeout == 30


def test_unknown_bundled_document_is_not_fetched():
    transport = soap.BundledTransport()
    with pytest.raises(Exception) as info:
        transport.load(soap.BUNDLED_BASE_URL + 'other.xsd')
    assert 'no bundled' in str(info.value)
