"""Generate plugins/module_utils/ascio/wsdl.py from docs/reference/ascio-v2-types.json.

The collection's modules and the Ascio sandbox both need the Ascio AWS v2
WSDL and its schema.  Ansible ships module_utils as Python files only (data
files next to them are not transferred), so the documents are generated into a
plain Python module as string constants.

Usage (from the repository root)::

    python tools/generate_ascio_wsdl.py            # rewrite the module
    python tools/generate_ascio_wsdl.py --check    # exit 1 if it is out of date

The output is deterministic: the same json always gives the same bytes.
"""
import argparse
import json
import os
import sys
from xml.sax.saxutils import quoteattr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-types.json')
TARGET = os.path.join(ROOT, 'plugins', 'module_utils', 'ascio', 'wsdl.py')

NAMESPACE = 'http://www.ascio.com/2007/01'
SERVICE_NAME = 'AscioService'
PORT_TYPE = 'IAscioService'
BINDING_NAME = 'BasicHttpBinding_IAscioService'
SERVICE_ADDRESS = 'https://aws.ascio.com/2012/01/01/AscioService.svc'
OTE_WSDL_URL = 'https://aws.demo.ascio.com/2012/01/01/AscioService.wsdl'
LIVE_WSDL_URL = 'https://aws.ascio.com/2012/01/01/AscioService.wsdl'
WSDL_NAME = 'AscioService.wsdl'
XSD_NAME = 'AscioService.xsd'

# WCF's DataContractSerializer puts arrays of primitive strings (string[],
# List<string>) in its own namespace, under the type name ArrayOfstring (lower
# case "s"; ArrayOfString with a capital S is Ascio's own type and stays in the
# Ascio namespace).  Evidence: the public Ascio v2 client
# rendermani/ascio-php-examples ships aws-v2/arrays.xsd with exactly this target
# namespace and an ArrayOfstring of nillable xs:string elements named "string".
# On the wire, Response.Values of a 400 is <Values><a:string xmlns:a="...Arrays">;
# with the type in the Ascio namespace zeep would silently drop the reasons.
ARRAYS_NAMESPACE = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays'
ARRAYS_PREFIX = 'q1'
ARRAYS_XSD_NAME = 'arrays.xsd'
# Types of the json that live in another namespace than the Ascio one.
TYPE_NAMESPACES = {'ArrayOfstring': ARRAYS_NAMESPACE}

# Elements the seed's CreateOrder example (seeds/000_897ccb7d1bccf6d3.txt) sends
# that the type file does not list.  They are appended at the END of their
# sequences: that is how a WCF data contract is extended (new members get a
# higher Order than every existing one), so older clients keep working.
# Types: DomainType is a free string in the example ("DomainTypeTest");
# DiscloseSocialData is a flag ("true"); AgreedPrice is an amount (5000) -
# xsd:decimal accepts the integer of the example and any price with cents.
SEED_ADDITIONS = (
    ('Domain', 'DomainType', 'string'),
    ('Domain', 'DiscloseSocialData', 'boolean'),
    ('Order', 'AgreedPrice', 'decimal'),
)

# Type names of the json -> XML Schema built-in types.
PRIMITIVES = {
    'string': 'xsd:string',
    'int': 'xsd:int',
    'DateTime': 'xsd:dateTime',
    'boolean': 'xsd:boolean',
    'base64Binary': 'xsd:base64Binary',
    'decimal': 'xsd:decimal',
}
# .NET value types: WCF emits them without nillable="true".  Enumerations are
# value types too.  Everything else (string, byte[], classes, arrays) is a
# reference type and nillable.
VALUE_TYPES = ('int', 'DateTime', 'boolean', 'decimal')


def load_reference(path=SOURCE):
    with open(path, encoding='utf-8') as handle:
        data = json.load(handle)
    types = {}
    for name, elements in data['types'].items():
        types[name] = [tuple(element) for element in elements]
    for type_name, element, element_type in SEED_ADDITIONS:
        if any(existing == element for existing, _type in types[type_name]):
            raise ValueError('%s.%s is already in the type file' % (type_name, element))
        types[type_name].append((element, element_type))
    enums = dict((name, list(values)) for name, values in data['enums'].items())
    operations = list(data['operations'])
    check(types, enums, operations)
    return types, enums, operations


def check(types, enums, operations):
    for operation in operations:
        for wrapper in (operation, operation + 'Response'):
            if wrapper not in types:
                raise ValueError('no wrapper type %s' % wrapper)
    for name, elements in types.items():
        for element, element_type in elements:
            base = element_type[:-2] if element_type.endswith('[]') else element_type
            if base not in PRIMITIVES and base not in types and base not in enums:
                raise ValueError('%s.%s: unknown type %s' % (name, element, element_type))
    for name in TYPE_NAMESPACES:
        if name not in types:
            raise ValueError('TYPE_NAMESPACES: no type %s' % name)
        for _element, element_type in types[name]:
            if element_type.rstrip('[]') not in PRIMITIVES:
                raise ValueError('%s: only built-in member types outside the Ascio namespace' % name)


def _type_ref(type_name):
    if type_name in PRIMITIVES:
        return PRIMITIVES[type_name]
    if TYPE_NAMESPACES.get(type_name) == ARRAYS_NAMESPACE:
        return ARRAYS_PREFIX + ':' + type_name
    return 'tns:' + type_name


def _element(name, element_type, enums, indent):
    array = element_type.endswith('[]')
    base = element_type[:-2] if array else element_type
    attrs = ['minOccurs="0"']
    if array:
        attrs.append('maxOccurs="unbounded"')
    attrs.append('name=%s' % quoteattr(name))
    if base not in VALUE_TYPES and base not in enums:
        attrs.append('nillable="true"')
    attrs.append('type=%s' % quoteattr(_type_ref(base)))
    return '%s<xsd:element %s/>' % (indent, ' '.join(attrs))


def _sequence(elements, enums, indent):
    lines = ['%s<xsd:sequence>' % indent]
    for name, element_type in elements:
        lines.append(_element(name, element_type, enums, indent + '  '))
    lines.append('%s</xsd:sequence>' % indent)
    return lines


def build_xsd(types, enums, operations):
    wrappers = set(operations) | set(op + 'Response' for op in operations)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Ascio AWS v2 data contracts, generated from docs/reference/ascio-v2-types.json',
        '     by tools/generate_ascio_wsdl.py.  Sequences are in schema order; Domain.DomainType,',
        '     Domain.DiscloseSocialData and Order.AgreedPrice (seed CreateOrder example) are',
        '     appended at the end of their sequences, the WCF way of extending a data contract. -->',
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="%s"' % NAMESPACE,
        '    xmlns:%s="%s"' % (ARRAYS_PREFIX, ARRAYS_NAMESPACE),
        '    targetNamespace="%s" elementFormDefault="qualified">' % NAMESPACE,
        '  <xsd:import namespace="%s"' % ARRAYS_NAMESPACE,
        '      schemaLocation="%s"/>' % ARRAYS_XSD_NAME,
    ]
    # Operation wrappers: top-level elements with an anonymous type, as WCF
    # emits them for document/literal wrapped operations.
    for operation in operations:
        for wrapper in (operation, operation + 'Response'):
            lines.append('  <xsd:element name=%s>' % quoteattr(wrapper))
            lines.append('    <xsd:complexType>')
            lines.extend(_sequence(types[wrapper], enums, '      '))
            lines.append('    </xsd:complexType>')
            lines.append('  </xsd:element>')
    for name, elements in types.items():
        if name in wrappers or name in TYPE_NAMESPACES:
            continue
        lines.append('  <xsd:complexType name=%s>' % quoteattr(name))
        lines.extend(_sequence(elements, enums, '    '))
        lines.append('  </xsd:complexType>')
    for name, values in enums.items():
        lines.append('  <xsd:simpleType name=%s>' % quoteattr(name))
        lines.append('    <xsd:restriction base="xsd:string">')
        for value in values:
            lines.append('      <xsd:enumeration value=%s/>' % quoteattr(value))
        lines.append('    </xsd:restriction>')
        lines.append('  </xsd:simpleType>')
    lines.append('</xsd:schema>')
    return '\n'.join(lines) + '\n'


def build_arrays_xsd(types, enums):
    """The schema of WCF's arrays namespace: the TYPE_NAMESPACES types, as WCF emits it."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- WCF DataContractSerializer arrays of primitives, generated by',
        '     tools/generate_ascio_wsdl.py; imported by %s. -->' % XSD_NAME,
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '    xmlns:tns="%s"' % ARRAYS_NAMESPACE,
        '    targetNamespace="%s"' % ARRAYS_NAMESPACE,
        '    elementFormDefault="qualified">',
    ]
    for name, namespace in sorted(TYPE_NAMESPACES.items()):
        if namespace != ARRAYS_NAMESPACE:
            continue
        lines.append('  <xsd:complexType name=%s>' % quoteattr(name))
        lines.extend(_sequence(types[name], enums, '    '))
        lines.append('  </xsd:complexType>')
        lines.append('  <xsd:element name=%s nillable="true" type="tns:%s"/>' % (quoteattr(name), name))
    lines.append('</xsd:schema>')
    return '\n'.join(lines) + '\n'


def build_wsdl(operations):
    action = NAMESPACE + '/' + PORT_TYPE + '/'
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Ascio AWS v2 service description (SOAP 1.1, document/literal, WCF style), generated',
        '     by tools/generate_ascio_wsdl.py.  The types are imported from %s. -->' % XSD_NAME,
        '<wsdl:definitions name="%s" targetNamespace="%s"' % (SERVICE_NAME, NAMESPACE),
        '    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"',
        '    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"',
        '    xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '    xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl"',
        '    xmlns:tns="%s">' % NAMESPACE,
        '  <wsdl:types>',
        '    <xsd:schema targetNamespace="%s/Imports">' % NAMESPACE,
        '      <xsd:import namespace="%s" schemaLocation="%s"/>' % (NAMESPACE, XSD_NAME),
        '    </xsd:schema>',
        '  </wsdl:types>',
    ]
    for operation in operations:
        for direction, element in (('Input', operation), ('Output', operation + 'Response')):
            lines.append('  <wsdl:message name="%s_%s_%sMessage">' % (PORT_TYPE, operation, direction))
            lines.append('    <wsdl:part name="parameters" element="tns:%s"/>' % element)
            lines.append('  </wsdl:message>')
    lines.append('  <wsdl:portType name="%s">' % PORT_TYPE)
    for operation in operations:
        lines.append('    <wsdl:operation name="%s">' % operation)
        # Attributes on lines of their own keep every line of the module short.
        lines.append('      <wsdl:input wsaw:Action="%s%s"' % (action, operation))
        lines.append('          message="tns:%s_%s_InputMessage"/>' % (PORT_TYPE, operation))
        lines.append('      <wsdl:output wsaw:Action="%s%sResponse"' % (action, operation))
        lines.append('          message="tns:%s_%s_OutputMessage"/>' % (PORT_TYPE, operation))
        lines.append('    </wsdl:operation>')
    lines.append('  </wsdl:portType>')
    lines.append('  <wsdl:binding name="%s" type="tns:%s">' % (BINDING_NAME, PORT_TYPE))
    lines.append('    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>')
    for operation in operations:
        lines.append('    <wsdl:operation name="%s">' % operation)
        lines.append('      <soap:operation soapAction="%s%s" style="document"/>' % (action, operation))
        lines.append('      <wsdl:input>')
        lines.append('        <soap:body use="literal"/>')
        lines.append('      </wsdl:input>')
        lines.append('      <wsdl:output>')
        lines.append('        <soap:body use="literal"/>')
        lines.append('      </wsdl:output>')
        lines.append('    </wsdl:operation>')
    lines.append('  </wsdl:binding>')
    lines.append('  <wsdl:service name="%s">' % SERVICE_NAME)
    lines.append('    <wsdl:port name="%s" binding="tns:%s">' % (BINDING_NAME, BINDING_NAME))
    lines.append('      <soap:address location="%s"/>' % SERVICE_ADDRESS)
    lines.append('    </wsdl:port>')
    lines.append('  </wsdl:service>')
    lines.append('</wsdl:definitions>')
    return '\n'.join(lines) + '\n'


def _text_literal(text):
    if '\\' in text or "'''" in text:
        raise ValueError('document text cannot be embedded as a raw literal')
    return "'''\\\n" + text + "'''"


def _format_types(types):
    lines = ['TYPES = {']
    for name, elements in types.items():
        lines.append('    %r: [' % name)
        for element in elements:
            lines.append('        (%r, %r),' % element)
        lines.append('    ],')
    lines.append('}')
    return '\n'.join(lines)


def _format_enums(enums):
    lines = ['ENUMS = {']
    for name, values in enums.items():
        lines.append('    %r: (' % name)
        for value in values:
            lines.append('        %r,' % value)
        lines.append('    ),')
    lines.append('}')
    return '\n'.join(lines)


MODULE_HEAD = '''\
# -*- coding: utf-8 -*-
# GENERATED by tools/generate_ascio_wsdl.py from docs/reference/ascio-v2-types.json.
# Do not edit by hand: change the generator or the json and run
#     python tools/generate_ascio_wsdl.py
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ascio AWS v2 (SOAP 1.1, document/literal, WCF) service description, bundled.

Plain Python, standard library only: used by the collection's modules (through
module_utils.ascio.soap) and by the Ascio sandbox.  Ansible transfers
module_utils as Python files only, hence the WSDL and its schema live here as
text.

TYPES maps each complex type to its elements IN SCHEMA ORDER as
(element name, type name); a type name ending in '[]' is a repeated element.
The service is WCF (DataContractSerializer): elements of a sequence must be sent
in this order - an element out of order is silently ignored by the service.

All types are in NAMESPACE except those of TYPE_NAMESPACES: ArrayOfstring and
its "string" items are in WCF's arrays namespace (ARRAYS_NAMESPACE, schema
document ARRAYS_XSD_NAME), as DataContractSerializer writes a string[]; the
element that holds one (Response.Values, ...) is in NAMESPACE.

Domain.DomainType, Domain.DiscloseSocialData and Order.AgreedPrice come from the
seed CreateOrder example, not from the type file; they are appended at the end of
their sequences, the way a WCF data contract is extended (SEED_ADDITIONS).
"""
from __future__ import absolute_import, division, print_function
__metaclass__ = type
'''


def render_module(types, enums, operations):
    wrappers = [name for op in operations for name in (op, op + 'Response')]
    parts = [
        MODULE_HEAD,
        'NAMESPACE = %r' % NAMESPACE,
        'SERVICE_NAME = %r' % SERVICE_NAME,
        'PORT_TYPE = %r' % PORT_TYPE,
        'BINDING_NAME = %r' % BINDING_NAME,
        "BINDING_QNAME = '{%s}%s'" % (NAMESPACE, BINDING_NAME),
        'SOAP_ACTION_PREFIX = %r' % (NAMESPACE + '/' + PORT_TYPE + '/'),
        '# The address in the bundled WSDL (the live service).',
        'SERVICE_ADDRESS = %r' % SERVICE_ADDRESS,
        'OTE_WSDL_URL = %r' % OTE_WSDL_URL,
        'LIVE_WSDL_URL = %r' % LIVE_WSDL_URL,
        'WSDL_NAME = %r' % WSDL_NAME,
        'XSD_NAME = %r' % XSD_NAME,
        '',
        '# WCF (DataContractSerializer) arrays of primitives: ArrayOfstring and its',
        '# "string" items live in this namespace, in their own schema document.',
        'ARRAYS_NAMESPACE = %r' % ARRAYS_NAMESPACE,
        'ARRAYS_XSD_NAME = %r' % ARRAYS_XSD_NAME,
        '# Types of TYPES (and their members) outside NAMESPACE.',
        'TYPE_NAMESPACES = {',
    ] + ['    %r: ARRAYS_NAMESPACE,' % name for name, namespace in sorted(TYPE_NAMESPACES.items())
         if namespace == ARRAYS_NAMESPACE] + [
        '}',
        '',
        '# Built-in types of TYPES -> XML Schema; .NET value types (not nillable).',
        'PRIMITIVES = {',
    ] + ['    %r: %r,' % item for item in sorted(PRIMITIVES.items())] + [
        '}',
        'VALUE_TYPES = %r' % (VALUE_TYPES,),
        '',
        '# (type, element, element type) appended to the type file from the seed example.',
        'SEED_ADDITIONS = (',
    ] + ['    %r,' % (addition,) for addition in SEED_ADDITIONS] + [
        ')',
        '',
        'OPERATIONS = (',
    ]
    parts.extend('    %r,' % op for op in operations)
    parts.append(')')
    parts.append('')
    parts.append('# Request/response wrapper types (top-level elements LogIn, LogInResponse, ...).')
    parts.append('WRAPPERS = frozenset((')
    parts.extend('    %r,' % name for name in wrappers)
    parts.append('))')
    parts.append('')
    parts.append(_format_types(types))
    parts.append('')
    parts.append(_format_enums(enums))
    parts.append('')
    parts.append('XSD_TEXT = ' + _text_literal(build_xsd(types, enums, operations)))
    parts.append('')
    parts.append('ARRAYS_XSD_TEXT = ' + _text_literal(build_arrays_xsd(types, enums)))
    parts.append('')
    parts.append('WSDL_TEXT = ' + _text_literal(build_wsdl(operations)))
    parts.append('')
    parts.append('DOCUMENTS = {WSDL_NAME: WSDL_TEXT, XSD_NAME: XSD_TEXT, ARRAYS_XSD_NAME: ARRAYS_XSD_TEXT}')
    parts.append('')
    parts.append('')
    parts.append('def soap_action(operation):')
    parts.append('    """The SOAPAction header value of an operation."""')
    parts.append('    return SOAP_ACTION_PREFIX + operation')
    parts.append('')
    parts.append('')
    parts.append('def wsdl_text(address=None):')
    parts.append('    """The WSDL, with the service address replaced by ``address`` when given."""')
    parts.append('    if not address:')
    parts.append('        return WSDL_TEXT')
    parts.append("    return WSDL_TEXT.replace('location=\"%s\"' % SERVICE_ADDRESS,")
    parts.append("                             'location=\"%s\"' % address.replace('\"', '%22'))")
    return '\n'.join(parts) + '\n'


def generate(source=SOURCE):
    return render_module(*load_reference(source))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--source', default=SOURCE)
    parser.add_argument('--output', default=TARGET)
    parser.add_argument('--check', action='store_true', help='only report whether the output is up to date')
    args = parser.parse_args(argv)
    text = generate(args.source)
    if args.check:
        try:
            with open(args.output, encoding='utf-8') as handle:
                current = handle.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write('%s is out of date; run %s\n' % (args.output, sys.argv[0]))
            return 1
        return 0
    with open(args.output, 'w', encoding='utf-8', newline='\n') as handle:
        handle.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
