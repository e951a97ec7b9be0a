# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio Web Service v2 as the core sees it: endpoints, credentials, capabilities, adapter.

The addresses are docs/reference/ascio-v2-binding.json's (wsdl, address); no public source gives
the OTE service address, so it is the OTE WSDL's with .svc (docs/ascio-wire.md); api_url overrides it.
"""
from ansible_collections.domainops.registrar.plugins.module_utils.ascio import contact_limits, rules
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import CONTACT_ROLES
from ansible_collections.domainops.registrar.plugins.module_utils.core.provider import Capabilities, ProviderDescription

WSDLS = {'live': 'https://aws.ascio.com/2012/01/01/AscioService.wsdl',
         'ote': 'https://aws.demo.ascio.com/2012/01/01/AscioService.wsdl'}
ENDPOINTS = {'live': 'https://aws.ascio.com/2012/01/01/AscioService.svc',
             'demo': 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc'}
# The NameServers element has the slots NameServer1..NameServer13 (docs/reference/ascio-v2-types.json).
MAX_NAMESERVERS = 13


def prepare(settings):
    """The wsdl option: 'bundled' (the default), 'live' or 'ote' (Ascio's WSDL URLs), or a URL."""
    wsdl = settings.get('wsdl') or 'bundled'
    settings['wsdl'] = wsdl if wsdl == 'bundled' else WSDLS.get(wsdl, wsdl)
    if settings['wsdl'] != 'bundled' and not settings['wsdl'].startswith(('https://', 'http://')):
        raise InputError('wsdl must be an http(s) URL, got %r' % settings['wsdl'])
    return settings


def adapter(settings):
    # Imported here: zeep is needed only when an Ascio task runs.
    from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter
    return AscioAdapter(settings)


PROVIDER = ProviderDescription(
    name='ascio',
    endpoints=ENDPOINTS,
    environment_fallbacks={'username': 'ASCIO_ACCOUNT', 'password': 'ASCIO_PASSWORD', 'api_url': 'ASCIO_URL'},
    required_options=('username', 'password'),
    adapter_factory=adapter,
    capabilities=Capabilities(
        aspects=aspects.PLANNED, contact_roles=CONTACT_ROLES, max_nameservers=MAX_NAMESERVERS,
        contact_max_lengths=contact_limits.MAX_LENGTHS, contact_address_lines=contact_limits.ADDRESS_LINES,
        price_decimals=rules.PRICE_DECIMALS),
    task_options=(),
    prepare=prepare,
)
