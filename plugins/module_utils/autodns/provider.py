# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""InterNetX AutoDNS (JSON API v1) as the core sees it: endpoints, credentials, capabilities, adapter."""
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contact_limits
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import CONTACT_ROLES
from ansible_collections.domainops.registrar.plugins.module_utils.core.provider import Capabilities, ProviderDescription

# Live: docs/reference/autodns-spec.json source host + basePath (the swagger's); demo: docs/autodns.md.
ENDPOINTS = {'live': 'https://api.autodns.com/v1', 'demo': 'https://api.demo.autodns.com/v1'}
# The swagger sets no maximum on Domain.nameServers; the collection's limit from before the
# provider descriptions is kept (the safer side: no order the registry might refuse).
MAX_NAMESERVERS = 13


def prepare(settings):
    """The X-Domainrobot-Context header is a number; the URL carries no trailing slash."""
    try:
        settings['context'] = int(settings['context'])
    except (TypeError, ValueError):
        raise InputError('context must be a number, got %r' % settings['context'])
    settings['api_url'] = settings['api_url'].rstrip('/')
    return settings


def adapter(settings):
    from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
    return AutoDNSAdapter(settings)


PROVIDER = ProviderDescription(
    name='autodns',
    endpoints=ENDPOINTS,
    environment_fallbacks={'username': 'AUTODNS_USER', 'password': 'AUTODNS_PASSWORD',
                           'context': 'AUTODNS_CONTEXT', 'api_url': 'AUTODNS_URL'},
    required_options=('username', 'password', 'context'),
    adapter_factory=adapter,
    capabilities=Capabilities(
        aspects=aspects.PLANNED, contact_roles=CONTACT_ROLES, max_nameservers=MAX_NAMESERVERS,
        contact_max_lengths=contact_limits.MAX_LENGTHS, contact_address_lines=contact_limits.ADDRESS_LINES),
    # update_contacts_in_place: edit a shared contact handle; confirm_owner_consent: the holder of a
    # gTLD domain agreed to an owner change (confirmOwnerConsent); owner_change_route: tld_rules override.
    task_options=('update_contacts_in_place', 'confirm_owner_consent', 'owner_change_route'),
    prepare=prepare,
)
