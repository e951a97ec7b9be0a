# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HTTP transport for the AutoDNS JSON API: authentication, the envelope, limits, errors.

The only module of the package that talks to AutoDNS (read.py and write.py are pure, adapter.py glues,
ratelimit.py keeps the shared slots in a state file).

Every answer has ``stid``, ``status`` {code, text, type}, ``object`` and ``data``; codes
start with S (done), N (accepted; runs as a job) or E (error).

Retries are urllib3's ``Retry`` on requests' ``HTTPAdapter`` (``AutoDNSRetry``):

- HTTP 429 (the documented 3 requests/second): the request was refused, not executed, so
  every method is retried, writes too, after Retry-After or a back-off of at least 1 s;
- HTTP 503: only GET. A write answered 503 may have run (nothing documents otherwise), so
  it is reported, never resent;
- every retry takes a new slot of the rate limiter, like the first attempt;
- connection and read errors are not retried: the error says whether a write may have
  been received.
"""
import time
import traceback

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.jobs import status_code
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError

try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.exceptions import NewConnectionError
    from urllib3.util.retry import Retry
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
    Retry = object

try:
    from urllib.parse import urlsplit
except ImportError:  # pragma: no cover - Python 2
    from urlparse import urlsplit

RETRIES = 3
READ_METHODS = frozenset(['GET', 'HEAD'])
WRITE_METHODS = frozenset(['POST', 'PUT', 'DELETE', 'PATCH'])
MIN_429_BACKOFF = 1.0  # a 429 without Retry-After: the server's one-second window must pass
MAX_RETRY_AFTER = 60.0


class NotFound(RegistrarError):
    """HTTP 404: the object (domain, job, contact) does not exist."""


class AutoDNSRetry(Retry):
    """The retry policy (see the module docstring); ``take_slot`` runs before every retry."""

    def __init__(self, *args, **kwargs):
        self.take_slot = kwargs.pop('take_slot', None)
        self.sleeper = kwargs.pop('sleeper', time.sleep)
        super().__init__(*args, **kwargs)

    def new(self, **kwargs):
        retry = super().new(**kwargs)
        retry.take_slot = self.take_slot
        retry.sleeper = self.sleeper
        return retry

    def is_retry(self, method, status_code, has_retry_after=False):
        if status_code == 429:
            return True  # refused by the limit: not executed, whatever the method
        if status_code == 503:
            return (method or '').upper() in READ_METHODS
        return False

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_RETRY_AFTER)

    def sleep(self, response=None):
        wait = self.get_retry_after(response) if response is not None and self.respect_retry_after_header else None
        if wait is None:
            wait = self.get_backoff_time()
            if response is not None and response.status == 429:
                wait = max(wait, MIN_429_BACKOFF)
        if wait > 0:
            self.sleeper(wait)
        if self.take_slot is not None:
            self.take_slot()


def retry_policy(take_slot=None, sleeper=time.sleep):
    return AutoDNSRetry(total=RETRIES, connect=0, read=False, other=0, status=RETRIES,
                        status_forcelist=(429, 503), allowed_methods=READ_METHODS | WRITE_METHODS,
                        backoff_factor=1.0, respect_retry_after_header=True, raise_on_status=False,
                        take_slot=take_slot, sleeper=sleeper)


def is_write(method, path):
    return method.upper() in WRITE_METHODS and not path.endswith('/_search')


class AutoDNSClient:

    def __init__(self, base_url, user, password, context, user_agent, verify=True, timeout=30,
                 rate=3, sleep=time.sleep):
        if not HAS_REQUESTS:
            from ansible.module_utils.basic import missing_required_lib
            raise InputError(missing_required_lib('requests'))
        self.base_url = base_url.rstrip('/')
        self.host = urlsplit(self.base_url).netloc or self.base_url
        self.timeout = timeout
        # Passed with every request: with trust_env, REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE
        # would override a session-level verify=False.
        self.verify = verify
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.headers.update({
            'X-Domainrobot-Context': str(context),
            'User-Agent': user_agent,
            'Accept': 'application/json',
            # On every request, also those without a body (POST .../_authinfo1, PUT /poll/{id}), as
            # InterNetX's php-domainrobot-sdk sends it (autodns-rules.json request_headers).
            'Content-Type': 'application/json',
        })
        adapter = HTTPAdapter(max_retries=retry_policy(take_slot=self._take_slot, sleeper=sleep))
        self.session.mount('https://', adapter)
        self.session.mount('http://', adapter)
        self.limiter = RateLimiter(self.host, rate=rate)

    def _take_slot(self):
        self.limiter.acquire()

    def get(self, path):
        return self.request('GET', path)

    def request(self, method, path, body=None, params=None):
        """Send one request (retried by the policy above); return the envelope."""
        operation = '%s %s' % (method, path)
        self._take_slot()  # immediately before the connection is made
        try:
            response = self.session.request(method, self.base_url + path, json=body, params=params,
                                            timeout=self.timeout, verify=self.verify)
        except requests.exceptions.RequestException as exc:
            raise self._unanswered(method, path, exc)
        return self._envelope(method, path, response, operation)

    def _unanswered(self, method, path, exc):
        operation = '%s %s' % (method, path)
        cause, sent = describe(exc, self.timeout)
        if is_write(method, path) and sent:
            return RegistrarError('unanswered', '%s may have been received by AutoDNS at %s, but no answer came (%s); '
                                  're-run to find it pending before anything is sent again'
                                  % (operation, self.host, cause), operation=operation)
        text = 'cannot reach %s: %s' % (self.host, cause)
        if is_write(method, path):
            text += '; the request was not sent'
        return RegistrarError('connection', text, operation=operation)

    def _envelope(self, method, path, response, operation):
        try:
            envelope = response.json()
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict) or not isinstance(envelope.get('status'), dict):
            kind = (response.headers.get('Content-Type') or 'no content type').split(';')[0]
            text = 'HTTP %s from %s %s%s: not an AutoDNS JSON answer (%s)' % (
                response.status_code, method, self.base_url, path, kind)
            if is_write(method, path) and response.status_code >= 500:
                text += '; the request may have been received: re-run to find it pending before anything is sent again'
            raise RegistrarError(str(response.status_code), text, operation=operation)
        status = envelope['status']
        if response.status_code >= 400 or status.get('type') == 'ERROR':
            error = NotFound if response.status_code == 404 else RegistrarError
            raise error(status_code(status) or str(response.status_code), status.get('text') or response.reason,
                        _messages(envelope), operation=operation)
        return envelope


def _chain(exc):
    """``exc`` and the exceptions it wraps (args, reason, cause, context)."""
    seen, todo = [], [exc]
    while todo:
        item = todo.pop(0)
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        todo.extend(a for a in getattr(item, 'args', ()) if isinstance(a, BaseException))
        todo.extend([getattr(item, 'reason', None), item.__cause__, item.__context__])
    return seen


def describe(exc, timeout):
    """(the cause in words, whether the request may have left this machine)."""
    chain = _chain(exc)
    words = ' '.join(str(e) for e in chain).lower()
    if isinstance(exc, requests.exceptions.SSLError):
        return 'the TLS handshake failed (%s)' % ('certificate not trusted' if 'certificate' in words else 'TLS error'), False
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return 'no connection within %s s' % timeout, False
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return 'no answer within %s s' % timeout, True
    if any(isinstance(e, NewConnectionError) for e in chain) or isinstance(exc, requests.exceptions.InvalidURL):
        if 'refused' in words:
            return 'connection refused', False
        if 'name or service not known' in words or 'nodename nor servname' in words or 'getaddrinfo' in words \
                or 'name resolution' in words:
            return 'host name not found', False
        return 'no connection could be made', False
    if isinstance(exc, requests.exceptions.ConnectionError):
        return 'the connection was closed before the answer', True
    return type(exc).__name__, True


def _messages(envelope):
    """The texts of the envelope's ``messages`` (and their children), for the error details."""
    texts = []

    def walk(messages):
        for message in messages or []:
            if message.get('text'):
                texts.append('%s %s' % (message.get('code') or '', message['text']))
            walk(message.get('messages'))
    walk(envelope.get('messages'))
    return [t.strip() for t in texts]
