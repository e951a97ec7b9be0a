# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio AWS v2 transport: the zeep client, the session, every call and what its errors mean.

The only module of the Ascio package that does I/O.  ``AscioClient`` holds one
session per adapter (that is, per module run): ``LogIn`` on the first call,
``LogOut`` on ``close()``.  A call is made once (``CreateOrder`` is never
retried) and an answer that is not Ascio's 200 becomes a ``RegistrarError``.

``AscioTransport`` answers the pseudo-location ``BUNDLED_WSDL_URL`` (and the
documents next to it) from the bundled ``_wsdl.DOCUMENTS``; real URLs (the OTE or
live WSDL, a sandbox) load normally.  Every SOAP answer is checked before zeep
reads it (``check_answer``): zeep runs with ``strict=False`` (as Ascio's own zeep
example does), which makes its XML parser *recover* a document cut short - a
truncated SearchOrder would read as "no pending order".  The check keeps the
schema leniency WCF answers need (members of a newer data contract zeep does not
know, members out of order, xsi:nil on value types) and refuses what is not one
complete SOAP answer.

``get_zeep_client`` parses a WSDL once per process and per (wsdl_url, verify,
timeout) and checks that it has Ascio's binding (``BINDING_QNAME``).  Ascio's WSDL
names that binding from its port with a prefix bound to another namespace, so zeep
drops the port: the client binds the binding to the endpoint itself.

zeep is optional at import time, the usual Ansible pattern::

    if not HAS_ZEEP:
        module.fail_json(msg=missing_required_lib('zeep'), exception=ZEEP_IMPORT_ERROR)
"""

import concurrent.futures
import copy
import threading
import traceback
from urllib.parse import urlsplit

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import rules
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.read import values
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError

from ._wsdl import BINDING_NAME, BINDING_QNAME, DOCUMENTS, LIVE_WSDL_URL, NAMESPACE, OTE_WSDL_URL, SERVICE_ADDRESS, WSDL_NAME

try:
    import requests
    import zeep
    from lxml import etree
    from zeep import Settings, Transport
    from zeep.exceptions import Error as ZeepError
    from zeep.exceptions import Fault, TransportError
    from zeep.helpers import serialize_object
    try:
        from lxml.etree import LxmlError
    except ImportError:  # pragma: no cover - zeep depends on lxml
        LxmlError = ZeepError
    HAS_ZEEP = True
    ZEEP_IMPORT_ERROR = None
except ImportError:
    requests = None
    zeep = None
    etree = None
    Settings = None
    Transport = object
    TransportError = Exception
    ZeepError = Fault = LxmlError = Exception
    serialize_object = None
    HAS_ZEEP = False
    ZEEP_IMPORT_ERROR = traceback.format_exc()

# The ".invalid" TLD never resolves (RFC 2606), so a mistake can never reach
# the network.  The WSDL's relative locations ("AscioService.xml", ...) resolve
# against it to BUNDLED_BASE_URL + name.
BUNDLED_BASE_URL = 'https://bundled.invalid/2012/01/01/'
BUNDLED_WSDL_URL = BUNDLED_BASE_URL + WSDL_NAME

SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/'
WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/'
WSDL_SOAP_NS = 'http://schemas.xmlsoap.org/wsdl/soap/'

# Hosts of Ascio's two environments (docs/reference/ascio-v2-binding.json).
ENVIRONMENT_HOSTS = {'aws.ascio.com': 'the Ascio live service', 'aws.demo.ascio.com': 'the Ascio OTE (test) service'}

# Operations that change something at Ascio: sent but not answered, they may have been carried out.
WRITE_PREFIXES = ('Create', 'Update', 'Delete', 'Upload', 'Do', 'Ack')

__all__ = [
    'BINDING_QNAME', 'BUNDLED_BASE_URL', 'BUNDLED_WSDL_URL', 'AscioClient', 'AscioTransport', 'BundledTransport', 'HAS_ZEEP',
    'HttpStatusError', 'LIVE_WSDL_URL', 'OTE_WSDL_URL', 'UnreadableAnswer', 'WsdlError', 'ZEEP_IMPORT_ERROR',
    'check_answer', 'clear_cache', 'describe_endpoint', 'get_client', 'get_zeep_client', 'is_write',
    'request_error_cause', 'request_was_sent',
]

_CLIENTS = {}
_CLIENTS_LOCK = threading.Lock()


class WsdlError(Exception):
    """The WSDL loaded but does not describe Ascio's service (its binding is missing)."""


class UnreadableAnswer(Exception):
    """An HTTP answer that is not one complete SOAP answer: never read as data."""

    def __init__(self, address, reason):
        self.address = address
        self.reason = reason
        super().__init__('the answer could not be read: %s' % reason)


class HttpStatusError(TransportError):
    """An HTTP error status whose body is no SOAP envelope (an error page of a proxy or web server)."""

    def __init__(self, address, status_code, content_type):
        self.address = address
        self.content_type = content_type
        TransportError.__init__(self, 'HTTP %s from %s (%s, not a SOAP answer)' % (status_code, address, content_type or 'no body'),
                                status_code=status_code)


if HAS_ZEEP:
    class TimeoutSession(requests.Session):
        """A requests session that applies its timeout and its certificate check to every call.

        ``verify`` is passed per request: requests lets REQUESTS_CA_BUNDLE /
        CURL_CA_BUNDLE override ``session.verify`` when a request carries none, so
        ``validate_certs: false`` would otherwise lose against those variables.
        """

        def __init__(self, timeout, verify=True):
            super().__init__()
            self.timeout = timeout
            self.verify = verify

        def request(self, method, url, **kwargs):
            if kwargs.get('timeout') is None:
                kwargs['timeout'] = self.timeout
            if kwargs.get('verify') is None:
                kwargs['verify'] = self.verify
            return super().request(method, url, **kwargs)
else:
    TimeoutSession = None


def _parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)


def _operation_of(headers):
    """The operation a request was for: the last segment of its SOAPAction."""
    action = (headers or {}).get('SOAPAction') or ''
    return action.strip().strip('"').rsplit('/', 1)[-1] or None


def check_answer(response, address, operation=None):
    """Raise unless ``response`` (requests) is one complete SOAP 1.1 answer to ``operation``.

    HttpStatusError: an error status without a SOAP envelope.  UnreadableAnswer:
    a body shorter than its Content-Length, XML that is not well formed (cut
    short), no Envelope/Body, or a Body holding neither a Fault nor the
    ``<operation>Response`` element.
    """
    content = response.content or b''
    content_type = response.headers.get('Content-Type', '')
    length = response.headers.get('Content-Length')
    if length is not None and not response.headers.get('Content-Encoding'):
        try:
            declared = int(length)
        except ValueError:
            declared = None
        if declared is not None and declared != len(content):
            raise UnreadableAnswer(address, 'it has %d of the %s bytes its Content-Length announces' % (len(content), length))
    try:
        root = etree.fromstring(content, _parser()) if content.strip() else None
    except etree.XMLSyntaxError as exc:
        if response.status_code != 200 and not content.lstrip().startswith(b'<?xml') and b'Envelope' not in content[:512]:
            raise HttpStatusError(address, response.status_code, content_type)
        raise UnreadableAnswer(address, 'HTTP %s, %s is not complete XML (%s)' % (response.status_code, content_type or 'no content type', exc))
    if root is None or root.tag != '{%s}Envelope' % SOAP_ENV:
        if response.status_code != 200:
            raise HttpStatusError(address, response.status_code, content_type)
        found = 'an empty body' if root is None else '<%s>' % etree.QName(root).localname
        raise UnreadableAnswer(address, 'HTTP 200 with %s (%s) instead of a SOAP envelope' % (found, content_type or 'no content type'))
    body = root.find('{%s}Body' % SOAP_ENV)
    children = [child for child in (body if body is not None else []) if isinstance(child.tag, str)]
    if len(children) != 1:
        raise UnreadableAnswer(address, 'the SOAP envelope has %s' % ('no Body' if body is None else '%d elements in its Body' % len(children)))
    if children[0].tag == '{%s}Fault' % SOAP_ENV:
        return
    expected = '{%s}%sResponse' % (NAMESPACE, operation) if operation else None
    if response.status_code != 200 or (expected and children[0].tag != expected):
        raise UnreadableAnswer(address, 'HTTP %s with <%s> in the SOAP Body, not <%sResponse>'
                               % (response.status_code, etree.QName(children[0]).localname, operation))


class AscioTransport(Transport):
    """zeep Transport: the bundled documents for BUNDLED_BASE_URL, every SOAP answer checked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = {}

    def load(self, url):
        if url and url.startswith(BUNDLED_BASE_URL):
            name = url[len(BUNDLED_BASE_URL):]
            if name not in DOCUMENTS:
                raise TransportError('no bundled Ascio document %r' % name)
            content = DOCUMENTS[name].encode('utf-8')
        else:
            content = super().load(url)
        self.documents[url] = content
        return content

    def post_xml(self, address, envelope, headers):
        response = super().post_xml(address, envelope, headers)
        check_answer(response, address, _operation_of(headers))
        return response


# The name of earlier releases.
BundledTransport = AscioTransport


if HAS_ZEEP:
    class AscioZeepClient(zeep.Client):
        """A zeep Client whose ``service`` is Ascio's binding at the address of its port.

        zeep drops the port of Ascio's WSDL (see the module doc), so the default
        service is built here, bound to the port's soap:address as written.
        """

        port_address = None

        @property
        def service(self):
            if self._default_service is None:
                self._default_service = self.create_service(BINDING_QNAME, self.port_address or SERVICE_ADDRESS)
            return self._default_service
else:
    AscioZeepClient = None


def _port_address(document):
    """The soap:address of the port that names Ascio's binding, from the WSDL text."""
    try:
        root = etree.fromstring(document, _parser())
    except (etree.XMLSyntaxError, ValueError, TypeError):
        return None
    for port in root.iter('{%s}port' % WSDL_NS):
        if (port.get('binding') or '').rsplit(':', 1)[-1] == BINDING_NAME:
            address = port.find('{%s}address' % WSDL_SOAP_NS)
            if address is not None and address.get('location'):
                return address.get('location')
    return None


def _require_zeep():
    if not HAS_ZEEP:
        raise ImportError('zeep is required for the Ascio API: %s' % ZEEP_IMPORT_ERROR)


def get_zeep_client(wsdl_url=BUNDLED_WSDL_URL, verify=True, timeout=30):
    """The zeep Client for ``wsdl_url``, created, parsed and checked once per process.

    Clients are cached per (wsdl_url, verify, timeout).  ``verify`` is passed to
    requests with every request (bool or CA bundle path); ``timeout`` (seconds)
    applies to loading documents and to every operation call.  Raises WsdlError
    when the WSDL has no binding ``BINDING_QNAME``.
    """
    _require_zeep()
    key = (wsdl_url or BUNDLED_WSDL_URL, verify, timeout)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            session = TimeoutSession(timeout, verify)
            transport = AscioTransport(session=session, timeout=timeout, operation_timeout=timeout)
            # strict=False: the schema leniency WCF answers need (see the module doc).
            settings = Settings(strict=False, xml_huge_tree=False)
            client = AscioZeepClient(key[0], transport=transport, settings=settings)
            if BINDING_QNAME not in client.wsdl.bindings:
                found = ', '.join(sorted(str(name) for name in client.wsdl.bindings)) or 'none'
                raise WsdlError('the WSDL at %s has no binding %s (the binding of Ascio AWS v2); bindings found: %s'
                                % (key[0], BINDING_QNAME, found))
            client.port_address = _port_address(transport.documents.get(key[0]))
            _CLIENTS[key] = client
    return client


def get_client(wsdl_url=BUNDLED_WSDL_URL, endpoint=None, verify=True, timeout=30):
    """A service proxy for the Ascio API.

    With ``endpoint`` (e.g. 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc'
    or a sandbox URL) the proxy is bound to it; otherwise to the address of the
    WSDL's port (for the bundled WSDL: the live service).
    """
    client = get_zeep_client(wsdl_url, verify, timeout)
    if endpoint:
        return client.create_service(BINDING_QNAME, endpoint)
    return client.service


def clear_cache():
    """Forget every cached client (tests)."""
    with _CLIENTS_LOCK:
        _CLIENTS.clear()


# -- what went wrong, in words -------------------------------------------------------

def _response(operation, answer):
    """The Response member of an operation's answer (``<operation>Result``), {} without one."""
    return answer.get(operation + 'Result') or {}


def _result_code(operation, answer):
    return _response(operation, answer).get('ResultCode')


def is_write(operation):
    """True for an operation that changes something at Ascio (CreateOrder, AckMessage, ...)."""
    return bool(operation) and operation.startswith(WRITE_PREFIXES)


def describe_endpoint(endpoint):
    """'<endpoint> (the Ascio live service)', '... (the Ascio OTE (test) service)' or the URL alone."""
    try:
        host = (urlsplit(endpoint).hostname or '').lower()
    except (AttributeError, TypeError, ValueError):
        host = ''
    where = ENVIRONMENT_HOSTS.get(host)
    return '%s (%s)' % (endpoint, where) if where else '%s (not an Ascio host: a sandbox or proxy)' % endpoint


def _chain(exc):
    """The exception and its causes/contexts (requests wraps urllib3 wraps socket errors)."""
    seen = []
    while exc is not None and exc not in seen and len(seen) < 10:
        seen.append(exc)
        nested = [arg for arg in getattr(exc, 'args', ()) if isinstance(arg, BaseException)]
        reason = getattr(exc, 'reason', None)
        exc = exc.__cause__ or exc.__context__ or (reason if isinstance(reason, BaseException) else None) or (
            nested[0] if nested else None)
    return seen


def request_was_sent(exc):
    """False when ``exc`` (requests) proves the request never left: no connection, no TLS session."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError,
                        requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidSchema, requests.exceptions.ProxyError)):
        return False
    if isinstance(exc, requests.exceptions.ReadTimeout) or isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError):
        names = [type(item).__name__ for item in _chain(exc)]
        # urllib3 raises these while connecting, before a byte of the request is written.
        if any(name in ('NewConnectionError', 'NameResolutionError', 'ConnectTimeoutError', 'ConnectionRefusedError',
                        'gaierror', 'SSLError') for name in names):
            return False
        return True
    return not isinstance(exc, requests.exceptions.RequestException)


def request_error_cause(exc, timeout):
    """The cause of a requests error, in words (no exception class names, no pool internals)."""
    names = [type(item).__name__ for item in _chain(exc)]
    text = ' '.join(str(item) for item in _chain(exc))
    if isinstance(exc, requests.exceptions.ConnectTimeout) or 'ConnectTimeoutError' in names:
        return 'no connection within %ss' % timeout
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return 'no answer within %ss' % timeout
    if isinstance(exc, requests.exceptions.SSLError):
        if 'CERTIFICATE_VERIFY_FAILED' in text:
            return 'its TLS certificate is not trusted (set validate_certs: false only for a test endpoint you trust)'
        if 'WRONG_VERSION_NUMBER' in text or 'record layer' in text:
            return 'it does not speak TLS on that port (is it an http:// URL?)'
        return 'the TLS handshake failed'
    if 'NameResolutionError' in names or 'gaierror' in names:
        return 'the host name does not resolve'
    if 'ConnectionRefusedError' in names or 'Connection refused' in text:
        return 'the connection was refused (nothing listens on that port)'
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or 'IncompleteRead' in text:
        return 'the connection broke off in the middle of the answer'
    if 'RemoteDisconnected' in names or 'ConnectionResetError' in names or 'BadStatusLine' in names:
        return 'the connection was closed without an answer'
    if isinstance(exc, requests.exceptions.ConnectionError):
        return 'the connection failed'
    return 'the request failed (%s)' % type(exc).__name__


# -- the session and its calls -------------------------------------------------------

OK = 200
# What a call that got no usable answer raises. AttributeError, ValueError: zeep (strict=False)
# on values it cannot read.
CALL_ERRORS = ((requests.exceptions.RequestException,) if HAS_ZEEP else ()) + (
    UnreadableAnswer, ZeepError, LxmlError, ValueError, AttributeError)


class StatusTransport:
    """zeep's transport, remembering whether the call was posted and the HTTP status of its answer.

    "posted" tells a request zeep could not even build (nothing sent) from one that
    went out; the status lets a fault say "HTTP 502" instead of "Unknown fault".
    """

    def __init__(self, transport):
        self._transport = transport
        self.last_status = None
        self.posted = False

    def __getattr__(self, name):
        return getattr(self._transport, name)

    def post_xml(self, address, envelope, headers):
        self.last_status = None
        self.posted = True
        response = self._transport.post_xml(address, envelope, headers)
        self.last_status = response.status_code
        return response


class AscioClient:
    """One Ascio session at one endpoint: calls made once, answers as plain dicts, errors as RegistrarError.

    ``settings`` are the connection settings (api_url, wsdl, username, password,
    validate_certs, timeout).  The password never appears in an error text.
    """

    def __init__(self, settings):
        if not HAS_ZEEP:
            raise InputError(missing_required_lib('zeep'))
        self.endpoint = settings['api_url']
        wsdl = settings.get('wsdl') or 'bundled'
        self.wsdl_url = BUNDLED_WSDL_URL if wsdl == 'bundled' else wsdl
        self._account = settings.get('username')
        self._password = settings.get('password')
        self._verify = settings.get('validate_certs', True)
        self._timeout = settings.get('timeout') or 30
        self._service = None
        self._service_client = None
        self._transport = None
        self.session_id = None

    @property
    def service(self):
        """The service proxy bound to the endpoint; the parsed WSDL is shared per process."""
        if self._service is None:
            where = 'the bundled WSDL' if self.wsdl_url == BUNDLED_WSDL_URL else self.wsdl_url
            try:
                shared = get_zeep_client(self.wsdl_url, self._verify, self._timeout)
            except WsdlError as exc:
                raise RegistrarError('WSDL', '%s: use the Ascio WSDL (wsdl: live, ote, bundled) or one with that binding'
                                     % self._clean(exc))
            except requests.exceptions.RequestException as exc:
                raise RegistrarError('WSDL', 'cannot load the Ascio WSDL from %s: %s'
                                     % (where, request_error_cause(exc, self._timeout)))
            except Exception as exc:  # HTTP status, XML, schema: all mean "no usable WSDL"
                raise RegistrarError('WSDL', 'cannot load the Ascio WSDL from %s: %s' % (where, self._clean(exc)))
            # A shallow copy: same parsed WSDL, own transport wrapper (the cached client is untouched).
            client = copy.copy(shared)
            self._transport = client.transport = StatusTransport(shared.transport)
            self._service_client = client
            self._service = client.create_service(BINDING_QNAME, self.endpoint)
        return self._service

    def _clean(self, value):
        text = str(value)
        if self._password:
            text = text.replace(self._password, REDACTED)
        return text

    def _transport_error(self, operation, exc, status=None, posted=None):
        """(RegistrarError, sent) for a call that got no usable Ascio answer; sent: the request went out.

        ``status`` and ``posted`` are the call's own when its answer is read apart from its
        request (``request_each``); otherwise the transport's, of the last call.
        """
        where = 'the Ascio API at %s' % self.endpoint
        if posted is None:
            status = self._transport.last_status if self._transport is not None else None
            posted = self._transport is not None and self._transport.posted
        if isinstance(exc, requests.exceptions.ChunkedEncodingError):
            # Fewer bytes than the Content-Length announced: an answer cut short, never data.
            return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                                  % (operation, request_error_cause(exc, self._timeout), where)), True
        if isinstance(exc, requests.exceptions.RequestException):
            sent = request_was_sent(exc)
            cause = request_error_cause(exc, self._timeout)
            code = 'TLS' if isinstance(exc, requests.exceptions.SSLError) else (
                'timeout' if isinstance(exc, requests.exceptions.Timeout) else 'connection')
            if sent and is_write(operation):
                return RegistrarError(code, '%s was sent to %s but no answer came back: %s'
                                      % (operation, where, cause)), True
            return RegistrarError(code, '%s: cannot reach %s: %s' % (operation, where, cause)), sent
        if not posted:
            # Nothing was sent: zeep could not build the request from the arguments.
            return RegistrarError('invalid request', '%s: could not build the request for %s: %s'
                                  % (operation, where, self._clean(exc))), False
        if isinstance(exc, UnreadableAnswer):
            return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                                  % (operation, exc.reason, where)), True
        if isinstance(exc, Fault) and status in (None, OK, 500):
            return RegistrarError('SOAP Fault', '%s: %s answered with a SOAP fault: %s'
                                  % (operation, where, self._clean(exc.message))), True
        if isinstance(exc, TransportError) or status not in (None, OK):
            status = getattr(exc, 'status_code', None) or status
            return RegistrarError('HTTP %s' % status, '%s: HTTP %s from %s, not a SOAP answer'
                                  % (operation, status, self.endpoint)), True
        return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                              % (operation, self._clean(exc), where)), True

    def call(self, operation, **arguments):
        """Call a SOAP operation once; its answer as plain dicts."""
        service = self.service
        self._transport.last_status = None
        self._transport.posted = False
        try:
            answer = getattr(service, operation)(**arguments)
        except CALL_ERRORS as exc:
            error, sent = self._transport_error(operation, exc)
            if sent and is_write(operation):
                what = 'the order' if operation == 'CreateOrder' else 'the request'
                error = RegistrarError(error.code, error.text + (
                    '; %s may have been received; re-run to find it pending: the next run looks for it '
                    '(SearchOrder) before sending anything again' % what))
            raise error
        return self._plain(operation, answer)

    @staticmethod
    def _plain(operation, answer):
        answer = serialize_object(answer, dict) or {}
        if 'ResultCode' in answer:
            # zeep unwraps a response whose only member is the Response (LogOut, AckMessage).
            answer = {operation + 'Result': answer}
        return answer

    def request_each(self, operation, arguments_list):
        """The checked answers of one read ``operation`` inside the session, one per item of
        ``arguments_list``, in order (a generator).

        The next request is sent while the answer before it is read: zeep takes about as long
        to read a page of 100 domains as the page takes to come back, so the reads of a
        portfolio cost the larger of the two, not their sum. One request is on the wire at a
        time, as with ``request``; the one sent ahead is dropped when the reader stops early.
        """
        if is_write(operation):
            raise ValueError('request_each is for reads; %s is sent once, with request' % operation)
        return self._each(operation, list(arguments_list), renewed=False)

    def _each(self, operation, arguments_list, renewed):
        if not arguments_list:
            return
        session_id = self.session()
        service = self.service
        zeep_client = self._service_client
        operation_obj = zeep_client.wsdl.bindings[BINDING_QNAME].get(operation)

        def post(arguments):
            # The raw answer (already checked by AscioTransport.post_xml); read below, on the caller's thread.
            try:
                with zeep_client.settings(raw_response=True):
                    return getattr(service, operation)(sessionId=session_id, **arguments), None
            except CALL_ERRORS as exc:
                return None, exc

        expired_at = None
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as sender:
            ahead = sender.submit(post, arguments_list[0])
            for index in range(len(arguments_list)):
                response, exc = ahead.result()
                if exc is not None:
                    raise self._transport_error(operation, exc)[0]
                if index + 1 < len(arguments_list):
                    ahead = sender.submit(post, arguments_list[index + 1])
                try:
                    answer = self._plain(operation, operation_obj.binding.process_reply(zeep_client, operation_obj, response))
                except CALL_ERRORS as exc:
                    raise self._transport_error(operation, exc, status=response.status_code, posted=True)[0]
                if not renewed and _result_code(operation, answer) == rules.SESSION_EXPIRED:
                    expired_at = index
                    break
                yield self.checked(operation, answer)
        if expired_at is not None:
            # The session ended (rules: session): the rest is asked again, once, in a new one.
            self.session_id = None
            yield from self._each(operation, arguments_list[expired_at:], renewed=True)

    @staticmethod
    def checked(operation, answer, order_type=None, also_ok=()):
        """The answer when its Response says 200 (or a code of ``also_ok``), else the matching RegistrarError."""
        response = _response(operation, answer)
        code = response.get('ResultCode')
        if code != OK and code not in also_ok:
            raise RegistrarError(str(code), response.get('Message') or 'no message',
                                 values(response), operation=order_type)
        return answer

    def session(self):
        """The session id, logging in on the first call."""
        if self.session_id is None:
            answer = self.call('LogIn', session={'Account': self._account, 'Password': self._password})
            response = answer.get('LogInResult') or {}
            if response.get('ResultCode') == 401:
                # Say where: OTE and live have their own accounts.
                raise RegistrarError('401', response.get('Message') or 'Authorization failed', [
                    'the account %r and its password are not valid at %s' % (self._account, describe_endpoint(self.endpoint))],
                    operation='LogIn')
            self.checked('LogIn', answer)
            self.session_id = answer.get('sessionId')
        return self.session_id

    def request(self, operation, order_type=None, also_ok=(), **arguments):
        """An operation inside the session, called once, its Response checked.

        ``order_type`` names what failed in the error (the order type of a CreateOrder); ``also_ok``
        are result codes that mean success for this operation besides 200. A read
        refused because the session ended is asked once more after a new LogIn.
        """
        answer = self.call(operation, sessionId=self.session(), **arguments)
        if _result_code(operation, answer) == rules.SESSION_EXPIRED:
            # The session ended (rules: session) and nothing was done: a read is asked again in a
            # new session; a write is not sent twice by this run.
            self.session_id = None
            if is_write(operation):
                raise self._expired(operation, answer, order_type)
            answer = self.call(operation, sessionId=self.session(), **arguments)
        return self.checked(operation, answer, order_type=order_type, also_ok=also_ok)

    @staticmethod
    def _expired(operation, answer, order_type):
        response = _response(operation, answer)
        what = 'the order' if operation == 'CreateOrder' else 'the request'
        return RegistrarError(str(rules.SESSION_EXPIRED), response.get('Message') or 'Authorization failed', values(response) + [
            'Ascio refused %s because the session had ended; nothing was done: re-run to send it (the re-run '
            'looks for it pending first)' % what], operation=order_type)

    def close(self):
        """LogOut, when logged in."""
        if self.session_id is None:
            return
        try:
            self.call('LogOut', sessionId=self.session_id)
        except Exception:  # logging out is a courtesy; the session ends on its own
            pass
        self.session_id = None
