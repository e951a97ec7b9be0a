# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTP layer: /v1 routing, Basic auth + X-Domainrobot-Context, User-Agent,
rate limit, JSON bodies, the envelope, and the request journal."""
import base64
import binascii
import collections
import http.server
import json
import sys
import threading
import time
import traceback
import urllib.parse

from . import routes
from .envelope import ApiError, envelope, new_stid, response_object
from .spec import Spec

BASE = '/v1'
WRITE_METHODS = ('POST', 'PUT', 'DELETE', 'PATCH')
SECRET_WORDS = ('password', 'authinfo', 'secret', 'token', 'pin', 'tan')
LETTER = {'SUCCESS': 'S', 'NOTIFY': 'N'}
NO_TASK = '0000'  # task code used when a request matches no route (sandbox choice)


class RateLimiter:
    """At most ``limit`` answered requests per client IP in any one-second window.

    The window is measured on arrival with a tolerance of ``GRACE`` seconds, so a
    client that spaces its requests by its own clock is not tripped by network
    jitter (sandbox choice). Rejected requests are not counted.
    """
    GRACE = 0.05

    def __init__(self, limit):
        self.limit = limit
        self.lock = threading.Lock()
        self.seen = collections.defaultdict(collections.deque)

    def allow(self, ip):
        if not self.limit:
            return True
        current = time.monotonic()
        with self.lock:
            window = self.seen[ip]
            while window and current - window[0] >= 1.0 - self.GRACE:
                window.popleft()
            if len(window) >= self.limit:
                return False
            window.append(current)
            return True


class Journal:
    """One JSON line per request; passwords and authinfo values are never written."""

    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    def write(self, entry):
        if not self.path:
            return
        line = json.dumps(entry, sort_keys=True)
        with self.lock, open(self.path, 'a', encoding='utf-8') as handle:
            handle.write(line + '\n')


def _redact_query(args):
    out = {}
    for key, values in args.items():
        if any(word in key.lower() for word in SECRET_WORDS):
            values = ['***'] * len(values)
        out[key] = values[0] if len(values) == 1 else values
    return out


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'AutoDNS-Sandbox/1.0'
    # One send per answer, without Nagle: headers and body written separately made every
    # keep-alive request wait ~40 ms for the client's delayed ACK (benchmarks/bench_sandbox_round_trip.py).
    # The buffer is flushed by BaseHTTPRequestHandler.handle_one_request after each request.
    disable_nagle_algorithm = True
    wbufsize = 1 << 16

    def do_GET(self):
        self._handle('GET')

    def do_POST(self):
        self._handle('POST')

    def do_PUT(self):
        self._handle('PUT')

    def do_DELETE(self):
        self._handle('DELETE')

    def do_PATCH(self):
        self._handle('PATCH')

    def log_message(self, fmt, *args):
        sys.stderr.write('autodns-sandbox %s %s\n' % (self.address_string(), fmt % args))

    # ------------------------------------------------------------------
    def _read_body(self):
        if 'chunked' in (self.headers.get('Transfer-Encoding') or '').lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b';')[0].strip() or b'0', 16)
                if size == 0:
                    while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                        pass
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b''.join(chunks)
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length > 0 else b''

    def _credentials(self):
        header = self.headers.get('Authorization') or ''
        if not header.lower().startswith('basic '):
            return None, None
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode('utf-8')
        except (binascii.Error, UnicodeDecodeError):
            return None, None
        user, sep, password = decoded.partition(':')
        return (user, password) if sep else (None, None)

    def _handle(self, method):
        received = time.time()  # arrival, for the journal: rate-limit windows are judged on it
        config = self.server.config
        store = config['store']
        stid = new_stid()
        split = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(split.path)
        query_args = urllib.parse.parse_qs(split.query, keep_blank_values=True)
        raw_body = self._read_body()
        if config['latency']:
            time.sleep(config['latency'])  # --latency: a distant service, for benchmarks

        task, handler, params = None, None, {}
        relative = None  # the path below /v1, as the swagger writes its paths
        if path == BASE or path.startswith(BASE + '/'):
            relative = path[len(BASE):].rstrip('/') or '/'
            task, handler, params = routes.resolve(method, relative)
        task_code = task or NO_TASK
        status, body, extra_headers = 200, None, {}
        try:
            if not config['limiter'].allow(self.client_address[0]):
                raise ApiError(429, 'RATE_LIMIT', 'Too many requests: at most %d requests per second are allowed.'
                               % config['limiter'].limit)
            if not (self.headers.get('User-Agent') or '').strip():
                raise ApiError(400, 'USER_AGENT_REQUIRED', 'A User-Agent header is required.')
            user, password = self._credentials()
            context = (self.headers.get('X-Domainrobot-Context') or '').strip()
            account = store.authenticate(user, password, context) if user is not None and context else None
            if account is None:
                extra_headers['WWW-Authenticate'] = 'Basic realm="AutoDNS sandbox"'
                if user is None:
                    text = 'Authentication failed: Basic authentication (user and password) is required.'
                elif not context:
                    text = 'Authentication failed: the header X-Domainrobot-Context is required.'
                else:
                    text = 'Authentication failed: wrong user, password or context.'
                raise ApiError(401, 'AUTHENTICATION_FAILED', text)
            if relative is None:
                raise ApiError(404, 'ROUTE_NOT_FOUND', 'There is no route %s %s; the API is under %s.'
                               % (method, path, BASE))
            # the judge first: a route, parameter or body the swagger does not declare is refused
            operation, declared_params = config['spec'].operation(method, relative)
            task_code = task or operation.task or NO_TASK
            call_body = None
            if raw_body.strip():
                try:
                    call_body = json.loads(raw_body.decode('utf-8'))
                except (ValueError, UnicodeDecodeError) as exc:
                    raise ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON: %s' % exc)
            refusal = config['spec'].check(operation, declared_params, query_args, call_body, bool(raw_body.strip()))
            if refusal is not None:
                raise refusal
            if handler is None:
                raise ApiError(404, 'ROUTE_NOT_FOUND', 'The sandbox does not implement %s %s (the API has it).'
                               % (method, path))
            with store.lock:
                store.process_due()
                result = handler(routes.Call(store, account, stid, params, call_body, query_args))
            status = result.http_status
            body = envelope(stid, LETTER[result.type] + task_code, result.text, result.type,
                            result.obj, result.data)
        except ApiError as exc:
            status = exc.http_status
            body = exc.body(stid, task_code)
        except Exception:  # pragma: no cover - a bug in the sandbox
            traceback.print_exc()
            status = 500
            body = envelope(stid, 'E' + task_code, 'Internal sandbox error.', 'ERROR',
                            response_object('sandbox'), [])
        self._send(status, body, extra_headers)
        config['journal'].write({
            'time': time.strftime('%Y-%m-%dT%H:%M:%S%z'),
            'received': round(received, 4),
            'method': method, 'path': path, 'query': _redact_query(query_args),
            'status_code': status, 'code': body['status']['code'],
            'write': method in WRITE_METHODS and not path.endswith('/_search'),
        })

    def _send(self, status, body, extra_headers):
        payload = json.dumps(body, ensure_ascii=False).encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'application/json;charset=UTF-8')
        self.send_header('Content-Length', str(len(payload)))
        for key, value in extra_headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, store, rate_limit, journal_path, spec=None, latency=0.0):
        super().__init__(address, Handler)
        self.config = {'store': store, 'limiter': RateLimiter(rate_limit), 'journal': Journal(journal_path),
                       'spec': spec or Spec.load(), 'latency': max(0.0, float(latency or 0))}
