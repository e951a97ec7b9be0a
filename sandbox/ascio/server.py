# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTP front of the Ascio sandbox (stdlib ThreadingHTTPServer).

GET  /2012/01/01/AscioService.wsdl (or .svc?wsdl)  the binding WSDL, shaped like Ascio's, address = this sandbox
GET  /2012/01/02/AscioService.xml                  the portType/messages document it imports (absolute URL)
GET  /2012/01/02/AscioService.xsd, arrays.xsd      the schemas that document imports (also under /2012/01/01/)
POST /2012/01/01/AscioService.svc                  SOAP 1.1 (text/xml, SOAPAction)

Every document is built by ``schema`` from docs/reference/.
"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from . import schema, soap
from .operations import NotImplementedOperation

BASE_PATH = '/2012/01/01/'
TYPES_PATH = '/2012/01/02/'
SERVICE_PATH = BASE_PATH + 'AscioService.svc'
WSDL_PATH = BASE_PATH + 'AscioService.wsdl'
PORT_TYPES_PATH = TYPES_PATH + 'AscioService.xml'
XSD_NAME = 'AscioService.xsd'
ARRAYS_XSD_NAME = 'arrays.xsd'
MAX_BODY = 4 * 1024 * 1024
SCHEMAS = {XSD_NAME: schema.xsd_text().encode('utf-8'), ARRAYS_XSD_NAME: schema.arrays_xsd_text().encode('utf-8')}
PORT_TYPES = schema.port_types_text(XSD_NAME).encode('utf-8')


class Handler(BaseHTTPRequestHandler):
    server_version = 'AscioSandbox/1.0'
    protocol_version = 'HTTP/1.1'
    # One send per answer, without Nagle: headers and body written separately made every
    # keep-alive request wait ~40 ms for the client's delayed ACK (benchmarks/bench_sandbox_round_trip.py).
    # The buffer is flushed by BaseHTTPRequestHandler.handle_one_request after each request.
    disable_nagle_algorithm = True
    wbufsize = 1 << 16

    # -- helpers
    def _send(self, status, body, content_type='text/xml; charset=utf-8'):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def _own_url(self, path):
        host = self.headers.get('Host') or '%s:%d' % self.server.server_address[:2]
        return 'http://%s%s' % (host, path)

    def log_message(self, fmt, *args):
        sys.stderr.write('ascio-sandbox: %s %s\n' % (self.address_string(), fmt % args))

    # -- GET: the service description
    def do_GET(self):
        parts = urlsplit(self.path)
        query = parts.query.lower()
        name = parts.path.rsplit('/', 1)[-1]
        if parts.path == WSDL_PATH or (parts.path == SERVICE_PATH and query in ('wsdl', 'singlewsdl')):
            text = schema.wsdl_text(self._own_url(PORT_TYPES_PATH), self._own_url(SERVICE_PATH))
            self._send(200, text.encode('utf-8'))
        elif parts.path == PORT_TYPES_PATH:
            self._send(200, PORT_TYPES)
        elif parts.path in (BASE_PATH + name, TYPES_PATH + name) and name in SCHEMAS:
            self._send(200, SCHEMAS[name])
        else:
            self._send(404, b'Not found\n', 'text/plain; charset=utf-8')

    do_HEAD = do_GET

    # -- POST: SOAP
    def do_POST(self):
        if urlsplit(self.path).path != SERVICE_PATH:
            self._send(404, b'Not found\n', 'text/plain; charset=utf-8')
            return
        try:
            length = int(self.headers.get('Content-Length') or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._send(413 if length > MAX_BODY else 400, b'', 'text/plain')
            return
        body = self.rfile.read(length)
        media_type = (self.headers.get('Content-Type') or '').split(';')[0].strip().lower()
        if media_type != 'text/xml':
            # What a basicHttpBinding endpoint answers to anything but SOAP 1.1.
            message = ("Cannot process the message because the content type '%s' was not the expected "
                       "type 'text/xml; charset=utf-8'." % self.headers.get('Content-Type', ''))
            self._send(415, message.encode('utf-8'), 'text/plain; charset=utf-8')
            return
        if self.server.latency:
            time.sleep(self.server.latency)
        self.server.sandbox.handle_soap(self, body, self.headers.get('SOAPAction'))


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, service, journal, latency=0.0):
        super().__init__(address, Handler)
        self.sandbox = Dispatcher(service, journal)
        # Seconds every SOAP answer waits (--latency), outside the store lock: concurrent requests overlap.
        self.latency = max(0.0, float(latency or 0.0))

    @property
    def url(self):
        host, port = self.server_address[:2]
        return 'http://%s:%d%s' % (host, port, SERVICE_PATH)


class Dispatcher:
    """SOAP request -> operation -> SOAP response, with one journal line per call."""

    def __init__(self, service, journal):
        self.service = service
        self.journal = journal

    def handle_soap(self, handler, body, soap_action):
        operation = None
        try:
            operation, params = soap.parse_request(body, soap_action)
            try:
                call = self.service.call(operation, params)
            except NotImplementedOperation:
                raise soap.SoapFault('Server', 'The sandbox does not implement the operation %s.' % operation)
        except soap.SoapFault as fault:
            self.journal.record(operation or 'Fault', None)
            handler._send(500, soap.build_fault(fault))
            return
        except Exception as error:  # never leave a client without an answer
            sys.stderr.write('ascio-sandbox: internal error in %s: %r\n' % (operation, error))
            self.journal.record(operation or 'Fault', None)
            handler._send(500, soap.build_fault(soap.SoapFault('Server', 'Internal error: %s' % error)))
            return
        self.journal.record(call.operation, call.code, call.domain, call.order_type)
        handler._send(200, soap.build_response(call.operation, call.payload))
