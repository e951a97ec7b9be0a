# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The provider descriptions: each registrar package describes itself, connection.py only loops over them."""
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import connection
from ansible_collections.domainops.registrar.plugins.module_utils.ascio import contact_limits as ascio_limits
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.provider import PROVIDER as ASCIO
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.provider import PROVIDER as AUTODNS
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.provider import Capabilities, ProviderDescription

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))


def reference(name):
    with open(os.path.join(ROOT, 'docs', 'reference', name), encoding='utf-8') as handle:
        return json.load(handle)


def test_the_connection_offers_exactly_the_described_providers():
    assert connection.PROVIDERS == (ASCIO, AUTODNS)
    assert connection.CONNECTION_ARGSPEC['provider']['choices'] == ['ascio', 'autodns']


def test_ascio_name_server_limit_is_the_slots_of_the_name_servers_element():
    slots = [name for name, type_name in reference('ascio-v2-types.json')['types']['NameServers']]
    assert ASCIO.capabilities.max_nameservers == len(slots) == 13


def test_autodns_live_host_is_the_swagger_host():
    source = reference('autodns-spec.json')['source']
    assert AUTODNS.endpoint('live') == 'https://%s%s' % (source['host'], source['basePath'])


def test_capabilities_are_the_registrar_packages_own_data():
    assert ASCIO.capabilities.contact_max_lengths == ascio_limits.MAX_LENGTHS
    for provider in connection.PROVIDERS:
        assert set(provider.capabilities.aspects) <= set(aspects.PLANNED)
        assert set(provider.required_options) <= set(provider.environment_fallbacks)


def test_registrar_only_task_options_are_autodns_ones_and_not_connection_settings():
    assert AUTODNS.task_options == ('update_contacts_in_place', 'confirm_owner_consent', 'owner_change_route')
    env = {'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4'}
    settings = connection.connection_settings({'provider': 'autodns', 'confirm_owner_consent': True}, env)
    assert not set(AUTODNS.task_options) & set(settings)


def test_a_third_registrar_is_one_description_in_the_tuple(monkeypatch):
    built = []
    third = ProviderDescription(
        name='thirdreg', endpoints={'live': 'https://api.third.invalid/', 'demo': 'https://ote.third.invalid/'},
        environment_fallbacks={'username': 'THIRD_USER', 'password': 'THIRD_PASSWORD'},
        required_options=('username', 'password'), adapter_factory=lambda settings: built.append(settings) or 'adapter',
        capabilities=Capabilities(aspects=(aspects.NAMESERVERS,)))
    monkeypatch.setattr(connection, 'BY_NAME', dict(connection.BY_NAME, thirdreg=third))
    monkeypatch.setattr(connection, 'PROVIDER_NAMES', tuple(connection.BY_NAME) + ('thirdreg',))
    env = {'DOMAINOPS_PROVIDER': 'thirdreg', 'THIRD_USER': 'u'}
    with pytest.raises(InputError, match=r'missing thirdreg credentials: password \(or THIRD_PASSWORD\)'):
        connection.connect({}, env)
    assert connection.connect({'environment': 'ote'}, dict(env, THIRD_PASSWORD='p')) == 'adapter'
    assert built[0]['api_url'] == 'https://ote.third.invalid/' and built[0]['environment'] == 'demo'
