# -*- coding: utf-8 -*-
"""HTTP transport for the AutoDNS JSON API: authentication, the envelope, limits, errors.

Every answer has ``stid``, ``status`` {code, text, type}, ``object`` and ``data``; codes
start with S (done), N (accepted; runs as a job) or E (error).
"""
import time
import traceback

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

READ_RETRIES = 3


class NotFound(RegistrarError):
    """HTTP 404: the object (domain, job, contact) does not exist."""


class AutoDNSClient(object):

    def __init__(self, base_url, user, password, context, user_agent, verify=True, timeout=30,
                 rate=3, sleep=time.sleep):
        if not HAS_REQUESTS:
            from ansible.module_utils.basic import missing_required_lib
            raise InputError(missing_required_lib('requests'))
        self.base_url = base_url.rstrip('/')
        self.timeout = timeout
        self.sleep = sleep
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.verify = verify
        self.session.headers.update({
            'X-Domainrobot-Context': str(context),
            'User-Agent': user_agent,
            'Accept': 'application/json',
        })
        self.limiter = RateLimiter(self.base_url, rate=rate)

    def get(self, path):
        return self.request('GET', path)

    def request(self, method, path, body=None, params=None):
        """Send one request; return the envelope. Reads answered 429 are retried with back-off."""
        attempts = READ_RETRIES + 1 if method == 'GET' or path.endswith('/_search') else 1
        for attempt in range(attempts):
            self.limiter.acquire()
            try:
                response = self.session.request(method, self.base_url + path, json=body, params=params,
                                                timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                raise RegistrarError('connection', 'cannot reach AutoDNS at %s: %s'
                                     % (self.base_url, type(exc).__name__), operation='%s %s' % (method, path))
            if response.status_code == 429 and attempt + 1 < attempts:
                self.sleep(_retry_after(response, attempt))
                continue
            return self._envelope(method, path, response)

    def _envelope(self, method, path, response):
        operation = '%s %s' % (method, path)
        try:
            envelope = response.json()
        except ValueError:
            envelope = None
        if not isinstance(envelope, dict) or not isinstance(envelope.get('status'), dict):
            raise RegistrarError(str(response.status_code), 'unexpected answer from AutoDNS (not a JSON '
                                 'envelope): %s' % response.text[:200], operation=operation)
        status = envelope['status']
        if response.status_code >= 400 or status.get('type') == 'ERROR':
            error = NotFound if response.status_code == 404 else RegistrarError
            raise error(status.get('code') or str(response.status_code), status.get('text') or response.reason,
                        _messages(envelope), operation=operation)
        return envelope


def _retry_after(response, attempt):
    try:
        return max(0.2, float(response.headers.get('Retry-After')))
    except (TypeError, ValueError):
        return 0.5 * (2 ** attempt)


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
