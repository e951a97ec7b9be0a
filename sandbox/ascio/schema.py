# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The sandbox's own reading of the Ascio AWS v2 contract, from docs/reference/ (nothing from plugins/).

- ascio-v2-binding.json: names, the soapAction of every operation (WCF dispatches by it)
- ascio-v2-types.json: operations, data contracts with their members in order, enumerations
- ascio-v2-type-additions.json: seed additions, WCF's arrays namespace, .NET value types
- wcf-faults.json: the faults WCF answers to a request it cannot dispatch or read

OPERATIONS are the operations the service can dispatch: a soapAction in the
binding and message types in the type file.  The WSDL the sandbox serves is built
here too, in the shape of Ascio's (see ``wsdl_documents``).
"""
import json
import os
from xml.sax.saxutils import quoteattr

REFERENCE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'docs', 'reference')


def _load(name):
    with open(os.path.join(REFERENCE, name), encoding='utf-8') as handle:
        return json.load(handle)


BINDING = _load('ascio-v2-binding.json')
_TYPE_FILE = _load('ascio-v2-types.json')
_ADDITIONS = _load('ascio-v2-type-additions.json')
FAULTS = _load('wcf-faults.json')

NAMESPACE = BINDING['targetNamespace']
TYPE_NAMESPACES = dict(_ADDITIONS['namespaces']['types'])
ARRAYS_NAMESPACE = TYPE_NAMESPACES['ArrayOfstring']
VALUE_TYPES = frozenset(_ADDITIONS['value_types']['types'])

TYPES = dict((name, [tuple(member) for member in members]) for name, members in _TYPE_FILE['types'].items())
for _owner, _member, _member_type in _ADDITIONS['additions']['elements']:
    TYPES[_owner].append((_member, _member_type))
ENUMS = dict((name, tuple(values)) for name, values in _TYPE_FILE['enums'].items())

SOAP_ACTIONS = dict((op, action) for op, action in BINDING['soapAction'].items() if op in _TYPE_FILE['operations'])
OPERATIONS = tuple(op for op in _TYPE_FILE['operations'] if op in SOAP_ACTIONS)
ACTION_OPERATIONS = dict((action, op) for op, action in SOAP_ACTIONS.items())

PRIMITIVES = {'string': 'xs:string', 'int': 'xs:int', 'DateTime': 'xs:dateTime', 'boolean': 'xs:boolean',
              'base64Binary': 'xs:base64Binary', 'decimal': 'xs:decimal'}


def soap_action(operation):
    """The SOAPAction of an operation, as the real binding gives it."""
    return SOAP_ACTIONS[operation]


# ---------------------------------------------------------------- served documents

def _member(name, member_type):
    array = member_type.endswith('[]')
    base = member_type[:-2] if array else member_type
    if base in PRIMITIVES:
        ref = PRIMITIVES[base]
    elif base in TYPE_NAMESPACES:
        ref = 'arr:' + base
    else:
        ref = 'tns:' + base
    nillable = '' if base in VALUE_TYPES or base in ENUMS else ' nillable="true"'
    repeat = ' maxOccurs="unbounded"' if array else ''
    return '<xs:element minOccurs="0"%s name=%s%s type=%s/>' % (repeat, quoteattr(name), nillable, quoteattr(ref))


def _sequence(members):
    return '<xs:sequence>%s</xs:sequence>' % ''.join(_member(name, kind) for name, kind in members)


def xsd_text():
    wrappers = set(_TYPE_FILE['operations']) | set(op + 'Response' for op in _TYPE_FILE['operations'])
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="%s" xmlns:arr="%s" '
             'targetNamespace="%s" elementFormDefault="qualified">' % (NAMESPACE, ARRAYS_NAMESPACE, NAMESPACE),
             '<xs:import namespace="%s" schemaLocation="arrays.xsd"/>' % ARRAYS_NAMESPACE]
    for op in _TYPE_FILE['operations']:
        for wrapper in (op, op + 'Response'):
            parts.append('<xs:element name=%s><xs:complexType>%s</xs:complexType></xs:element>'
                         % (quoteattr(wrapper), _sequence(TYPES[wrapper])))
    for name, members in TYPES.items():
        if name not in wrappers and name not in TYPE_NAMESPACES:
            parts.append('<xs:complexType name=%s>%s</xs:complexType>' % (quoteattr(name), _sequence(members)))
    for name, values in ENUMS.items():
        parts.append('<xs:simpleType name=%s><xs:restriction base="xs:string">%s</xs:restriction></xs:simpleType>'
                     % (quoteattr(name), ''.join('<xs:enumeration value=%s/>' % quoteattr(v) for v in values)))
    parts.append('</xs:schema>')
    return '\n'.join(parts) + '\n'


def arrays_xsd_text():
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="%s" targetNamespace="%s" '
             'elementFormDefault="qualified">' % (ARRAYS_NAMESPACE, ARRAYS_NAMESPACE)]
    for name, namespace in sorted(TYPE_NAMESPACES.items()):
        if namespace == ARRAYS_NAMESPACE:
            parts.append('<xs:complexType name=%s>%s</xs:complexType>' % (quoteattr(name), _sequence(TYPES[name])))
            parts.append('<xs:element name=%s nillable="true" type="tns:%s"/>' % (quoteattr(name), name))
    parts.append('</xs:schema>')
    return '\n'.join(parts) + '\n'


def port_types_text(xsd_location):
    """The imported document (Ascio's AscioService.xml): types, messages, the portType."""
    port_type = BINDING['portType']
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<wsdl:definitions targetNamespace="%s" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" '
             'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl" '
             'xmlns:tns="%s">' % (NAMESPACE, NAMESPACE),
             '<wsdl:types><xsd:schema targetNamespace="%s/Imports"><xsd:import namespace="%s" schemaLocation=%s/>'
             '</xsd:schema></wsdl:types>' % (NAMESPACE, NAMESPACE, quoteattr(xsd_location))]
    for op in OPERATIONS:
        for direction, element in (('Input', op), ('Output', op + 'Response')):
            parts.append('<wsdl:message name="%s_%s_%sMessage"><wsdl:part name="parameters" element="tns:%s"/>'
                         '</wsdl:message>' % (port_type, op, direction, element))
    parts.append('<wsdl:portType name="%s">' % port_type)
    for op in OPERATIONS:
        parts.append('<wsdl:operation name="%s"><wsdl:input wsaw:Action="%s" message="tns:%s_%s_InputMessage"/>'
                     '<wsdl:output wsaw:Action="%sResponse" message="tns:%s_%s_OutputMessage"/></wsdl:operation>'
                     % (op, SOAP_ACTIONS[op], port_type, op, SOAP_ACTIONS[op], port_type, op))
    parts.append('</wsdl:portType></wsdl:definitions>')
    return '\n'.join(parts) + '\n'


def wsdl_text(port_types_location, address):
    """The binding document, as Ascio's: imports the portType from an absolute URL, ``tns`` bound elsewhere."""
    quirk = BINDING['quirks']['tns_prefix']['bound_to']
    parts = ['<?xml version="1.0" encoding="utf-8"?>',
             '<wsdl:definitions name="%s" targetNamespace="%s" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" '
             'xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
             'xmlns:tns="%s" xmlns="%s" xmlns:i0="%s">' % (BINDING['definitions_name'], NAMESPACE, quirk, NAMESPACE, NAMESPACE),
             '  <wsdl:import namespace="%s" location=%s/>' % (NAMESPACE, quoteattr(port_types_location)),
             '  <wsdl:types/>',
             '  <wsdl:binding name="%s" type="i0:%s">' % (BINDING['binding'], BINDING['portType']),
             '    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>']
    for op in OPERATIONS:
        parts.append('    <wsdl:operation name="%s"><soap:operation soapAction="%s" style="document"/>'
                     '<wsdl:input><soap:body use="literal"/></wsdl:input>'
                     '<wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>' % (op, SOAP_ACTIONS[op]))
    parts += ['  </wsdl:binding>',
              '  <wsdl:service name="%s">' % BINDING['service'],
              '    <wsdl:port name="%s" binding="tns:%s">' % (BINDING['port'], BINDING['binding']),
              '      <soap:address location=%s/>' % quoteattr(address),
              '    </wsdl:port>',
              '  </wsdl:service>',
              '</wsdl:definitions>']
    return '\n'.join(parts) + '\n'
