# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""SOAP 1.1 envelopes read and written the way the WCF service does it.

Driven by the sandbox's own reading of docs/reference/ (``schema``): the
SOAPAction header picks the operation as WCF's dispatcher does (an action of no
operation is ActionNotSupported, whatever the body), then the body must hold
that operation's wrapper.  Reading follows WCF's
DataContractSerializer: the children of a sequence are matched in schema
order, and an element that comes after a later member (out of order), an
unknown element, or an element of another namespace is silently ignored.
Writing emits every sequence in schema order.

The items of an ArrayOfstring (WCF's string[]) are in WCF's arrays namespace
(``TYPE_NAMESPACES``), as DataContractSerializer reads and writes them: the
element holding the array is in the Ascio namespace, its ``string`` children
are not - a ``string`` child in the Ascio namespace is ignored like any
unknown element.
"""
import base64
import datetime
import decimal

from lxml import etree

from .schema import ACTION_OPERATIONS, BINDING, ENUMS, FAULTS, NAMESPACE, TYPE_NAMESPACES, TYPES

SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/'
XSI = 'http://www.w3.org/2001/XMLSchema-instance'
# The namespaces WCF qualifies its own fault codes with (docs/reference/wcf-faults.json).
UNTYPED_ACTIONS = dict((action, op) for op, action in BINDING['soapAction'].items() if action not in ACTION_OPERATIONS)
FAULT_CODE_NAMESPACES = dict((code, FAULTS[code]['faultcode_namespace']) for code in ('ActionNotSupported', 'DeserializationFailed'))

_NIL = '{%s}nil' % XSI
_INT_RANGE = (-2 ** 31, 2 ** 31 - 1)


class SoapFault(Exception):
    """A request the service cannot even dispatch: answered with a SOAP Fault (HTTP 500).

    ``code`` is 'Client', 'Server' or 'VersionMismatch' (SOAP 1.1 codes) or a
    WCF dispatcher code ('ActionNotSupported', 'DeserializationFailed').
    """

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def is_array(type_name):
    """True for collection types (ArrayOfX, Extensions): one repeated element."""
    elements = TYPES.get(type_name)
    return bool(elements) and len(elements) == 1 and elements[0][1].endswith('[]')


def member_namespace(type_name):
    """The namespace of the members (items) of ``type_name``."""
    return TYPE_NAMESPACES.get(type_name, NAMESPACE)


# The prefix WCF declares for the arrays namespace on the element holding one.
_ARRAY_PREFIX = 'a'


def _parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True, remove_pis=True, load_dtd=False)


# ---------------------------------------------------------------- reading

def parse_request(body, soap_action):
    """Return (operation, parameters) for a SOAP 1.1 request.

    Raises SoapFault for what WCF answers with a fault: XML that is not well
    formed, a DTD, no SOAP 1.1 envelope/body, an unknown SOAPAction, a body
    element that does not match the action, a value that does not convert.
    """
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as error:
        raise SoapFault('Client', 'The message is not well-formed XML: %s' % error)
    if root.getroottree().docinfo.doctype:
        raise SoapFault('Client', 'For security reasons DTD is prohibited in this XML document.')
    if root.tag != '{%s}Envelope' % SOAP_ENV:
        if etree.QName(root).localname == 'Envelope':
            raise SoapFault('VersionMismatch', 'The envelope namespace %r is not SOAP 1.1.'
                            % etree.QName(root).namespace)
        raise SoapFault('Client', 'The message is not a SOAP envelope.')
    bodies = root.findall('{%s}Body' % SOAP_ENV)
    if len(bodies) != 1:
        raise SoapFault('Client', 'The SOAP envelope must contain exactly one Body.')
    action = (soap_action or '').strip().strip('"')
    operation = ACTION_OPERATIONS.get(action)
    if operation is None and action in UNTYPED_ACTIONS:
        # In the real binding, but the reference has no message types to read its body with.
        raise SoapFault('Server', 'The sandbox does not implement the operation %s.' % UNTYPED_ACTIONS[action])
    if operation is None:
        raise SoapFault('ActionNotSupported', FAULTS['ActionNotSupported']['faultstring'].replace('{action}', action))
    children = [child for child in bodies[0] if isinstance(child.tag, str)]
    expected = '{%s}%s' % (NAMESPACE, operation)
    if not children or children[0].tag != expected:
        found = ("element '%s' from namespace '%s'" % (etree.QName(children[0]).localname, etree.QName(children[0]).namespace)
                 if children else 'nothing')
        raise SoapFault('DeserializationFailed', _formatter(
            "Expecting element '%s' from namespace '%s', found %s." % (operation, NAMESPACE, found)))
    try:
        return operation, read_complex(children[0], operation)
    except (ValueError, TypeError, decimal.InvalidOperation) as error:
        raise SoapFault('DeserializationFailed', _formatter(error))


def _formatter(detail):
    return FAULTS['DeserializationFailed']['faultstring'].replace('{detail}', str(detail))


def read_complex(element, type_name):
    """A dict (or a list for collection types) of the element's members."""
    elements = TYPES[type_name]
    if is_array(type_name):
        item_name, item_type = elements[0]
        tag = '{%s}%s' % (member_namespace(type_name), item_name)
        return [read_value(child, item_type[:-2]) for child in element if child.tag == tag]
    result = {}
    position = 0
    for child in element:
        if not isinstance(child.tag, str):
            continue
        qname = etree.QName(child)
        if qname.namespace != member_namespace(type_name):
            continue
        for index in range(position, len(elements)):
            if elements[index][0] == qname.localname:
                break
        else:
            # Unknown, or a member that comes earlier in the sequence than one
            # already read: DataContractSerializer skips it without a word.
            continue
        name, member_type = elements[index]
        position = index + 1
        result[name] = read_value(child, member_type)
    return result


def read_value(element, type_name):
    if element.get(_NIL) in ('true', '1'):
        return None
    if type_name in TYPES:
        return read_complex(element, type_name)
    text = element.text or ''
    if type_name in ENUMS:
        value = text.strip()
        if value not in ENUMS[type_name]:
            raise ValueError("Invalid enum value '%s' cannot be deserialized into type '%s'."
                             % (value, type_name))
        return value
    if type_name == 'string':
        return text
    if type_name == 'int':
        try:
            value = int(text.strip())
        except ValueError:
            value = None
        if value is None or not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            raise ValueError("There was an error while trying to deserialize parameter %s:%s. The InnerException message "
                             "was 'There was an error deserializing the object of type System.Int32. The value '%s' "
                             "cannot be parsed as the type 'Int32'.'.  Please see InnerException for more details."
                             % (etree.QName(element).namespace, etree.QName(element).localname, text))
        return value
    if type_name == 'boolean':
        value = text.strip()
        if value in ('true', '1'):
            return True
        if value in ('false', '0'):
            return False
        raise ValueError("The value '%s' cannot be parsed as the type 'Boolean'." % value)
    if type_name == 'DateTime':
        return parse_datetime(text.strip())
    if type_name == 'decimal':
        return decimal.Decimal(text.strip())
    if type_name == 'base64Binary':
        return base64.b64decode(text.strip() or b'', validate=True)
    raise ValueError('unknown type %s' % type_name)


def parse_datetime(text):
    """An aware datetime from xsd:dateTime (naive values are taken as UTC)."""
    if isinstance(text, datetime.datetime):
        value = text
    elif isinstance(text, datetime.date):
        value = datetime.datetime(text.year, text.month, text.day)
    else:
        value = datetime.datetime.fromisoformat(str(text).strip().replace('z', 'Z'))
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value


# ---------------------------------------------------------------- writing

def _format(value, type_name):
    if type_name == 'boolean':
        return 'true' if value else 'false'
    if type_name == 'DateTime':
        return parse_datetime(value).isoformat()
    if type_name == 'base64Binary':
        return base64.b64encode(value).decode('ascii')
    return str(value)


def write_value(parent, name, value, type_name, namespace=NAMESPACE):
    nsmap = None
    if value is not None and member_namespace(type_name) != NAMESPACE:
        # WCF declares the members' namespace on the holding element: <Values xmlns:a="...">.
        nsmap = {_ARRAY_PREFIX: member_namespace(type_name)}
    element = etree.SubElement(parent, '{%s}%s' % (namespace, name), nsmap=nsmap)
    if value is None:
        element.set(_NIL, 'true')
        return element
    if type_name in TYPES:
        write_complex(element, value, type_name)
    else:
        element.text = _format(value, type_name)
    return element


def write_complex(element, value, type_name):
    elements = TYPES[type_name]
    namespace = member_namespace(type_name)
    if is_array(type_name):
        item_name, item_type = elements[0]
        for item in value:
            write_value(element, item_name, item, item_type[:-2], namespace)
        return
    for name, member_type in elements:
        if name in value:
            write_value(element, name, value[name], member_type, namespace)


def _envelope():
    envelope = etree.Element('{%s}Envelope' % SOAP_ENV, nsmap={'s': SOAP_ENV})
    return envelope, etree.SubElement(envelope, '{%s}Body' % SOAP_ENV)


def build_response(operation, payload):
    """The response envelope (bytes) for ``operation`` with the wrapper's members."""
    envelope, body = _envelope()
    wrapper = etree.SubElement(body, '{%s}%sResponse' % (NAMESPACE, operation),
                               nsmap={None: NAMESPACE, 'i': XSI})
    write_complex(wrapper, payload, operation + 'Response')
    return etree.tostring(envelope, xml_declaration=False, encoding='utf-8')


def build_fault(fault):
    """A SOAP 1.1 Fault envelope (bytes), with WCF's dispatcher codes where WCF uses them."""
    envelope, body = _envelope()
    element = etree.SubElement(body, '{%s}Fault' % SOAP_ENV)
    if fault.code in FAULT_CODE_NAMESPACES:
        # Declare the prefix used inside the QName text, as WCF does.
        code = etree.SubElement(element, 'faultcode', nsmap={'a': FAULT_CODE_NAMESPACES[fault.code]})
        code.text = 'a:' + fault.code
    else:
        code = etree.SubElement(element, 'faultcode')
        code.text = 's:' + fault.code
    string = etree.SubElement(element, 'faultstring')
    string.set('{http://www.w3.org/XML/1998/namespace}lang', 'en-US')
    string.text = fault.message
    return etree.tostring(envelope, xml_declaration=False, encoding='utf-8')
