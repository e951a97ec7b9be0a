# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

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
"""Generate plugins/module_utils/ascio/_wsdl.py from docs/reference/.

Inputs: ascio-v2-binding.json (names, addresses, the soapAction of every
operation, read from Ascio's real WSDL), ascio-v2-types.json (operations, types
in schema order, enumerations) and ascio-v2-type-additions.json (seed additions,
WCF's arrays namespace, value types).

The collection's modules need the Ascio AWS v2 service description.  Ansible
ships module_utils as Python files only (data files next to them are not
transferred), so the documents are generated into a private Python module as
string constants.  The Ascio sandbox does not use it: it reads docs/reference/
itself.

The bundled documents have the shape of the real ones: AscioService.wsdl holds
the binding and the service and imports the portType, messages and types from a
second document (AscioService.xml), and its port names the binding with the
``tns`` prefix that Ascio binds to another namespace than the target namespace.

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
REFERENCE = os.path.join(ROOT, 'docs', 'reference')
SOURCE = os.path.join(REFERENCE, 'ascio-v2-types.json')
BINDING_SOURCE = os.path.join(REFERENCE, 'ascio-v2-binding.json')
ADDITIONS_SOURCE = os.path.join(REFERENCE, 'ascio-v2-type-additions.json')
TARGET = os.path.join(ROOT, 'plugins', 'module_utils', 'ascio', '_wsdl.py')

WSDL_NAME = 'AscioService.wsdl'
# The real WSDL imports https://aws.ascio.com/2012/01/02/AscioService.xml; the
# bundled copy sits next to the WSDL.
PORT_TYPES_NAME = 'AscioService.xml'
XSD_NAME = 'AscioService.xsd'
ARRAYS_PREFIX = 'q1'
ARRAYS_XSD_NAME = 'arrays.xsd'

# Type names of the json -> XML Schema built-in types.
PRIMITIVES = {
    'string': 'xsd:string',
    'int': 'xsd:int',
    'DateTime': 'xsd:dateTime',
    'boolean': 'xsd:boolean',
    'base64Binary': 'xsd:base64Binary',
    'decimal': 'xsd:decimal',
}


class Reference:
    """The facts of docs/reference/ the documents are built from."""

    def __init__(self, source=SOURCE, binding_source=BINDING_SOURCE, additions_source=ADDITIONS_SOURCE):
        with open(binding_source, encoding='utf-8') as handle:
            self.binding = json.load(handle)
        with open(additions_source, encoding='utf-8') as handle:
            additions = json.load(handle)
        self.namespace = self.binding['targetNamespace']
        self.seed_additions = tuple(tuple(item) for item in additions['additions']['elements'])
        self.type_namespaces = dict(additions['namespaces']['types'])
        self.value_types = tuple(additions['value_types']['types'])
        self.types, self.enums, self.type_operations = load_reference(source, self.seed_additions, self.type_namespaces)
        actions = self.binding['soapAction']
        # Only operations with both a soapAction (real binding) and message types
        # (type file) can be described; docs/ascio-wire.md lists the others.
        self.operations = [op for op in self.type_operations if op in actions]
        self.actions = dict((op, actions[op]) for op in self.operations)
        self.arrays_namespace = self.type_namespaces.get('ArrayOfstring')


def load_reference(path, seed_additions, type_namespaces):
    with open(path, encoding='utf-8') as handle:
        data = json.load(handle)
    types = {}
    for name, elements in data['types'].items():
        types[name] = [tuple(element) for element in elements]
    for type_name, element, element_type in seed_additions:
        if any(existing == element for existing, _type in types[type_name]):
            raise ValueError('%s.%s is already in the type file' % (type_name, element))
        types[type_name].append((element, element_type))
    enums = dict((name, list(values)) for name, values in data['enums'].items())
    operations = list(data['operations'])
    check(types, enums, operations, type_namespaces)
    return types, enums, operations


def check(types, enums, operations, type_namespaces):
    for operation in operations:
        for wrapper in (operation, operation + 'Response'):
            if wrapper not in types:
                raise ValueError('no wrapper type %s' % wrapper)
    for name, elements in types.items():
        for element, element_type in elements:
            base = element_type[:-2] if element_type.endswith('[]') else element_type
            if base not in PRIMITIVES and base not in types and base not in enums:
                raise ValueError('%s.%s: unknown type %s' % (name, element, element_type))
    for name in type_namespaces:
        if name not in types:
            raise ValueError('type namespaces: no type %s' % name)
        for _element, element_type in types[name]:
            if element_type.rstrip('[]') not in PRIMITIVES:
                raise ValueError('%s: only built-in member types outside the Ascio namespace' % name)


def _type_ref(ref, type_name):
    if type_name in PRIMITIVES:
        return PRIMITIVES[type_name]
    if type_name in ref.type_namespaces:
        return ARRAYS_PREFIX + ':' + type_name
    return 'tns:' + type_name


def _element(ref, name, element_type, indent):
    array = element_type.endswith('[]')
    base = element_type[:-2] if array else element_type
    attrs = ['minOccurs="0"']
    if array:
        attrs.append('maxOccurs="unbounded"')
    attrs.append('name=%s' % quoteattr(name))
    if base not in ref.value_types and base not in ref.enums:
        attrs.append('nillable="true"')
    attrs.append('type=%s' % quoteattr(_type_ref(ref, base)))
    return '%s<xsd:element %s/>' % (indent, ' '.join(attrs))


def _sequence(ref, elements, indent):
    lines = ['%s<xsd:sequence>' % indent]
    for name, element_type in elements:
        lines.append(_element(ref, name, element_type, indent + '  '))
    lines.append('%s</xsd:sequence>' % indent)
    return lines


def build_xsd(ref):
    wrappers = set(ref.type_operations) | set(op + 'Response' for op in ref.type_operations)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Ascio AWS v2 data contracts, generated from docs/reference/ascio-v2-types.json',
        '     by tools/generate_ascio_wsdl.py.  Sequences are in schema order; Domain.DomainType,',
        '     Domain.DiscloseSocialData and Order.AgreedPrice (seed CreateOrder example) are',
        '     appended at the end of their sequences, the WCF way of extending a data contract. -->',
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="%s"' % ref.namespace,
        '    xmlns:%s="%s"' % (ARRAYS_PREFIX, ref.arrays_namespace),
        '    targetNamespace="%s" elementFormDefault="qualified">' % ref.namespace,
        '  <xsd:import namespace="%s"' % ref.arrays_namespace,
        '      schemaLocation="%s"/>' % ARRAYS_XSD_NAME,
    ]
    # Operation wrappers: top-level elements with an anonymous type, as WCF
    # emits them for document/literal wrapped operations.
    for operation in ref.type_operations:
        for wrapper in (operation, operation + 'Response'):
            lines.append('  <xsd:element name=%s>' % quoteattr(wrapper))
            lines.append('    <xsd:complexType>')
            lines.extend(_sequence(ref, ref.types[wrapper], '      '))
            lines.append('    </xsd:complexType>')
            lines.append('  </xsd:element>')
    for name, elements in ref.types.items():
        if name in wrappers or name in ref.type_namespaces:
            continue
        lines.append('  <xsd:complexType name=%s>' % quoteattr(name))
        lines.extend(_sequence(ref, elements, '    '))
        lines.append('  </xsd:complexType>')
    for name, values in ref.enums.items():
        lines.append('  <xsd:simpleType name=%s>' % quoteattr(name))
        lines.append('    <xsd:restriction base="xsd:string">')
        for value in values:
            lines.append('      <xsd:enumeration value=%s/>' % quoteattr(value))
        lines.append('    </xsd:restriction>')
        lines.append('  </xsd:simpleType>')
    lines.append('</xsd:schema>')
    return '\n'.join(lines) + '\n'


def build_arrays_xsd(ref):
    """The schema of WCF's arrays namespace, as WCF emits it."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- WCF DataContractSerializer arrays of primitives, generated by',
        '     tools/generate_ascio_wsdl.py; imported by %s. -->' % XSD_NAME,
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '    xmlns:tns="%s"' % ref.arrays_namespace,
        '    targetNamespace="%s"' % ref.arrays_namespace,
        '    elementFormDefault="qualified">',
    ]
    for name, namespace in sorted(ref.type_namespaces.items()):
        if namespace != ref.arrays_namespace:
            continue
        lines.append('  <xsd:complexType name=%s>' % quoteattr(name))
        lines.extend(_sequence(ref, ref.types[name], '    '))
        lines.append('  </xsd:complexType>')
        lines.append('  <xsd:element name=%s nillable="true" type="tns:%s"/>' % (quoteattr(name), name))
    lines.append('</xsd:schema>')
    return '\n'.join(lines) + '\n'


def build_port_types(ref):
    """The imported document: types, messages and the portType (AscioService.xml)."""
    port_type = ref.binding['portType']
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Ascio AWS v2 portType, messages and types (the document the binding WSDL imports),',
        '     generated by tools/generate_ascio_wsdl.py.  The types are imported from %s. -->' % XSD_NAME,
        '<wsdl:definitions targetNamespace="%s"' % ref.namespace,
        '    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"',
        '    xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '    xmlns:wsaw="http://www.w3.org/2006/05/addressing/wsdl"',
        '    xmlns:tns="%s">' % ref.namespace,
        '  <wsdl:types>',
        '    <xsd:schema targetNamespace="%s/Imports">' % ref.namespace,
        '      <xsd:import namespace="%s" schemaLocation="%s"/>' % (ref.namespace, XSD_NAME),
        '    </xsd:schema>',
        '  </wsdl:types>',
    ]
    for operation in ref.operations:
        for direction, element in (('Input', operation), ('Output', operation + 'Response')):
            lines.append('  <wsdl:message name="%s_%s_%sMessage">' % (port_type, operation, direction))
            lines.append('    <wsdl:part name="parameters" element="tns:%s"/>' % element)
            lines.append('  </wsdl:message>')
    lines.append('  <wsdl:portType name="%s">' % port_type)
    for operation in ref.operations:
        action = ref.actions[operation]
        lines.append('    <wsdl:operation name="%s">' % operation)
        # Attributes on lines of their own keep every line of the module short.
        lines.append('      <wsdl:input wsaw:Action="%s"' % action)
        lines.append('          message="tns:%s_%s_InputMessage"/>' % (port_type, operation))
        lines.append('      <wsdl:output wsaw:Action="%sResponse"' % action)
        lines.append('          message="tns:%s_%s_OutputMessage"/>' % (port_type, operation))
        lines.append('    </wsdl:operation>')
    lines.append('  </wsdl:portType>')
    lines.append('</wsdl:definitions>')
    return '\n'.join(lines) + '\n'


def build_wsdl(ref):
    """The binding document, shaped like Ascio's: binding and service, the rest imported."""
    binding = ref.binding
    quirk_namespace = binding['quirks']['tns_prefix']['bound_to']
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Ascio AWS v2 binding and service (SOAP 1.1, document/literal, WCF), generated by',
        '     tools/generate_ascio_wsdl.py from docs/reference/ascio-v2-binding.json.  Shaped like',
        '     Ascio\'s WSDL: the portType is imported from %s, and the port names its' % PORT_TYPES_NAME,
        '     binding with the "tns" prefix Ascio binds to another namespace. -->',
        '<wsdl:definitions name="%s" targetNamespace="%s"' % (binding['definitions_name'], ref.namespace),
        '    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"',
        '    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"',
        '    xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
        '    xmlns:tns="%s"' % quirk_namespace,
        '    xmlns="%s"' % ref.namespace,
        '    xmlns:i0="%s">' % ref.namespace,
        '  <wsdl:import namespace="%s" location="%s"/>' % (ref.namespace, PORT_TYPES_NAME),
        '  <wsdl:types/>',
        '  <wsdl:binding name="%s" type="i0:%s">' % (binding['binding'], binding['portType']),
        '    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>',
    ]
    for operation in ref.operations:
        lines.append('    <wsdl:operation name="%s">' % operation)
        lines.append('      <soap:operation soapAction="%s"' % ref.actions[operation])
        lines.append('          style="document"/>')
        lines.append('      <wsdl:input>')
        lines.append('        <soap:body use="literal"/>')
        lines.append('      </wsdl:input>')
        lines.append('      <wsdl:output>')
        lines.append('        <soap:body use="literal"/>')
        lines.append('      </wsdl:output>')
        lines.append('    </wsdl:operation>')
    lines.append('  </wsdl:binding>')
    lines.append('  <wsdl:service name="%s">' % binding['service'])
    lines.append('    <wsdl:port name="%s" binding="tns:%s">' % (binding['port'], binding['binding']))
    lines.append('      <soap:address location="%s"/>' % binding['address']['live'])
    lines.append('    </wsdl:port>')
    lines.append('  </wsdl:service>')
    lines.append('</wsdl:definitions>')
    return '\n'.join(lines) + '\n'


def _text_literal(text):
    if '\\' in text or "'''" in text:
        raise ValueError('document text cannot be embedded as a raw literal')
    return "'''\\\n" + text + "'''"


MODULE_HEAD = '''\
# -*- coding: utf-8 -*-
# GENERATED by tools/generate_ascio_wsdl.py from docs/reference/ascio-v2-binding.json,
# ascio-v2-types.json and ascio-v2-type-additions.json.
# Do not edit by hand: change the generator or the json and run
#     python tools/generate_ascio_wsdl.py
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Ascio AWS v2 (SOAP 1.1, document/literal, WCF) service description, bundled for zeep.

Private to module_utils.ascio.api: the documents zeep parses for ``wsdl: bundled``
(Ansible transfers module_utils as Python files only, hence text constants) and
the names the client binds by.  Standard library only.

The documents have the shape of Ascio's own: WSDL_NAME holds the binding
BINDING_NAME and the service; it imports the portType, messages and types from
PORT_TYPES_NAME, whose types come from XSD_NAME and ARRAYS_XSD_NAME (WCF's
arrays namespace, where DataContractSerializer writes string[]).  Like Ascio's,
the port names its binding with a prefix bound to another namespace, so zeep
drops the port: the client binds BINDING_QNAME to an address itself.

Sequences are in schema order (the service ignores an element out of order);
SEED_ADDITIONS are appended at the end of theirs, as a WCF data contract is
extended.
"""
from __future__ import absolute_import, division, print_function
__metaclass__ = type
'''


def render_module(ref):
    binding = ref.binding
    parts = [
        MODULE_HEAD,
        'NAMESPACE = %r' % ref.namespace,
        'SERVICE_NAME = %r' % binding['service'],
        'PORT_NAME = %r' % binding['port'],
        'PORT_TYPE = %r' % binding['portType'],
        'BINDING_NAME = %r' % binding['binding'],
        "BINDING_QNAME = '{%s}%s'" % (ref.namespace, binding['binding']),
        '# The address of the port in the WSDL (the live service).',
        'SERVICE_ADDRESS = %r' % binding['address']['live'],
        'OTE_WSDL_URL = %r' % binding['wsdl']['ote'],
        'LIVE_WSDL_URL = %r' % binding['wsdl']['live'],
        'WSDL_NAME = %r' % WSDL_NAME,
        'PORT_TYPES_NAME = %r' % PORT_TYPES_NAME,
        'XSD_NAME = %r' % XSD_NAME,
        'ARRAYS_XSD_NAME = %r' % ARRAYS_XSD_NAME,
        '',
        '# (type, element, element type) appended to the type file from the seed example.',
        'SEED_ADDITIONS = (',
    ] + ['    %r,' % (addition,) for addition in ref.seed_additions] + [
        ')',
        '',
        'WSDL_TEXT = ' + _text_literal(build_wsdl(ref)),
        '',
        'PORT_TYPES_TEXT = ' + _text_literal(build_port_types(ref)),
        '',
        'XSD_TEXT = ' + _text_literal(build_xsd(ref)),
        '',
        'ARRAYS_XSD_TEXT = ' + _text_literal(build_arrays_xsd(ref)),
        '',
        'DOCUMENTS = {WSDL_NAME: WSDL_TEXT, PORT_TYPES_NAME: PORT_TYPES_TEXT, XSD_NAME: XSD_TEXT,',
        '             ARRAYS_XSD_NAME: ARRAYS_XSD_TEXT}',
    ]
    return '\n'.join(parts) + '\n'


def generate(source=SOURCE, binding_source=BINDING_SOURCE, additions_source=ADDITIONS_SOURCE):
    return render_module(Reference(source, binding_source, additions_source))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--source', default=SOURCE, help='the type file (ascio-v2-types.json)')
    parser.add_argument('--binding', default=BINDING_SOURCE, help='the binding table (ascio-v2-binding.json)')
    parser.add_argument('--additions', default=ADDITIONS_SOURCE, help='ascio-v2-type-additions.json')
    parser.add_argument('--output', default=TARGET)
    parser.add_argument('--check', action='store_true', help='only report whether the output is up to date')
    args = parser.parse_args(argv)
    text = generate(args.source, args.binding, args.additions)
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
