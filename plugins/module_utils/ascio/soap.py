# -*- coding: utf-8 -*-
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""zeep client for Ascio AWS v2 built on the bundled WSDL.

``BundledTransport`` answers the pseudo-location ``BUNDLED_WSDL_URL`` (and the
schema next to it) from ``wsdl.DOCUMENTS``; nothing is fetched from the network
for it.  Real URLs (the OTE or live WSDL, a sandbox) load normally.

``get_client`` parses a WSDL once per process and per (wsdl_url, verify,
timeout) and returns a service proxy, bound to ``endpoint`` when given.

zeep is optional at import time, the usual Ansible pattern::

    if not HAS_ZEEP:
        module.fail_json(msg=missing_required_lib('zeep'), exception=ZEEP_IMPORT_ERROR)
"""
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import threading
import traceback

from .wsdl import BINDING_QNAME, DOCUMENTS, LIVE_WSDL_URL, OTE_WSDL_URL, WSDL_NAME

try:
    import requests
    import zeep
    from zeep import Settings, Transport
    from zeep.exceptions import TransportError
    HAS_ZEEP = True
    ZEEP_IMPORT_ERROR = None
except ImportError:
    requests = None
    zeep = None
    Settings = None
    Transport = object
    TransportError = Exception
    HAS_ZEEP = False
    ZEEP_IMPORT_ERROR = traceback.format_exc()

# The ".invalid" TLD never resolves (RFC 2606), so a mistake can never reach
# the network.  The WSDL's relative schemaLocation "AscioService.xsd" resolves
# against it to BUNDLED_BASE_URL + "AscioService.xsd".
BUNDLED_BASE_URL = 'https://bundled.invalid/2012/01/01/'
BUNDLED_WSDL_URL = BUNDLED_BASE_URL + WSDL_NAME

__all__ = [
    'BINDING_QNAME', 'BUNDLED_BASE_URL', 'BUNDLED_WSDL_URL', 'BundledTransport', 'HAS_ZEEP',
    'LIVE_WSDL_URL', 'OTE_WSDL_URL', 'ZEEP_IMPORT_ERROR', 'clear_cache', 'get_client',
    'get_zeep_client',
]

_CLIENTS = {}
_CLIENTS_LOCK = threading.Lock()


if HAS_ZEEP:
    class TimeoutSession(requests.Session):
        """A requests session that applies its timeout to every call."""

        def __init__(self, timeout):
            super(TimeoutSession, self).__init__()
            self.timeout = timeout

        def request(self, method, url, **kwargs):
            if kwargs.get('timeout') is None:
                kwargs['timeout'] = self.timeout
            return super(TimeoutSession, self).request(method, url, **kwargs)
else:
    TimeoutSession = None


class BundledTransport(Transport):
    """zeep Transport serving the bundled WSDL and schema for BUNDLED_BASE_URL."""

    def load(self, url):
        if url and url.startswith(BUNDLED_BASE_URL):
            name = url[len(BUNDLED_BASE_URL):]
            if name not in DOCUMENTS:
                raise TransportError('no bundled Ascio document %r' % name)
            return DOCUMENTS[name].encode('utf-8')
        return super(BundledTransport, self).load(url)


def _require_zeep():
    if not HAS_ZEEP:
        raise ImportError('zeep is required for the Ascio API: %s' % ZEEP_IMPORT_ERROR)


def get_zeep_client(wsdl_url=BUNDLED_WSDL_URL, verify=True, timeout=30):
    """The zeep Client for ``wsdl_url``, created and parsed once per process.

    Clients are cached per (wsdl_url, verify, timeout).  ``verify`` is passed to
    requests (bool or CA bundle path); ``timeout`` (seconds) applies to loading
    documents and to every operation call.
    """
    _require_zeep()
    key = (wsdl_url or BUNDLED_WSDL_URL, verify, timeout)
    with _CLIENTS_LOCK:
        client = _CLIENTS.get(key)
        if client is None:
            session = TimeoutSession(timeout)
            session.verify = verify
            transport = BundledTransport(session=session, timeout=timeout, operation_timeout=timeout)
            settings = Settings(strict=False, xml_huge_tree=False)
            client = zeep.Client(key[0], transport=transport, settings=settings)
            _CLIENTS[key] = client
    return client


def get_client(wsdl_url=BUNDLED_WSDL_URL, endpoint=None, verify=True, timeout=30):
    """A service proxy for the Ascio API.

    With ``endpoint`` (e.g. 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc'
    or a sandbox URL) the proxy is bound to it; otherwise to the address in the
    WSDL (for the bundled WSDL: the live service).
    """
    client = get_zeep_client(wsdl_url, verify, timeout)
    if endpoint:
        return client.create_service(BINDING_QNAME, endpoint)
    return client.service


def clear_cache():
    """Forget every cached client (tests)."""
    with _CLIENTS_LOCK:
        _CLIENTS.clear()
