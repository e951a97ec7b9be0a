# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import provider as ascio_provider
from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC, connection_settings
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))


def params(**given):
    result = dict((name, spec.get('default')) for name, spec in CONNECTION_ARGSPEC.items())
    result.update(given)
    return result


def test_autodns_credentials_and_context_from_the_environment_and_live_by_default():
    env = {'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4'}
    settings = connection_settings(params(provider='autodns'), env)
    assert (settings['username'], settings['password'], settings['context']) == ('u', 'p', 4)
    assert settings['api_url'] == 'https://api.autodns.com/v1'


def test_task_options_win_over_the_environment_and_demo_selects_the_demo_system():
    env = {'AUTODNS_USER': 'env-user', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4'}
    settings = connection_settings(params(provider='autodns', username='task-user', environment='demo'), env)
    assert settings['username'] == 'task-user'
    assert settings['api_url'] == 'https://api.demo.autodns.com/v1'


def test_ascio_bundled_wsdl_by_default_and_ote_or_live_wsdl_on_request():
    env = {'ASCIO_ACCOUNT': 'a', 'ASCIO_PASSWORD': 'p'}
    settings = connection_settings(params(provider='ascio'), env)
    assert settings['wsdl'] == 'bundled'
    assert settings['api_url'] == 'https://aws.ascio.com/2012/01/01/AscioService.svc'
    settings = connection_settings(params(provider='ascio', environment='ote', wsdl='ote'), env)
    assert settings['wsdl'] == 'https://aws.demo.ascio.com/2012/01/01/AscioService.wsdl'
    assert settings['api_url'] == 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc'
    settings = connection_settings(params(provider='ascio', environment='demo'), env)
    assert settings['api_url'].startswith('https://aws.demo.ascio.com/')


def test_an_explicit_url_overrides_the_environment_choice():
    env = {'ASCIO_ACCOUNT': 'a', 'ASCIO_PASSWORD': 'p', 'ASCIO_URL': 'http://127.0.0.1:8444/2012/01/01/AscioService.svc'}
    assert connection_settings(params(provider='ascio', environment='ote'), env)['api_url'] == env['ASCIO_URL']


@pytest.mark.parametrize('provider, env, message', [
    ('autodns', {'AUTODNS_USER': 'u'}, 'missing autodns credentials: password (or AUTODNS_PASSWORD), context (or AUTODNS_CONTEXT)'),
    ('ascio', {}, 'missing ascio credentials: username (or ASCIO_ACCOUNT), password (or ASCIO_PASSWORD)'),
    ('autodns', {'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': 'four'}, 'context must be a number'),
    ('autodns', {'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4', 'AUTODNS_URL': 'ftp://x'},
     'api_url must be an http(s) URL'),
])
def test_bad_connection_settings_fail_clearly(provider, env, message):
    with pytest.raises(InputError) as error:
        connection_settings(params(provider=provider), env)
    assert message in str(error.value)


def test_the_password_is_no_log():
    assert CONNECTION_ARGSPEC['password']['no_log'] is True


def test_ascio_addresses_are_the_binding_tables():
    # The Ascio provider needs them at run time; docs/reference/ascio-v2-binding.json is where they come from.
    with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-v2-binding.json'), encoding='utf-8') as handle:
        binding = json.load(handle)
    assert ascio_provider.WSDLS == binding['wsdl']
    assert ascio_provider.ENDPOINTS['live'] == binding['address']['live']
    # No source gives the OTE service address: it is the OTE WSDL's, with .svc (docs/ascio-wire.md).
    assert ascio_provider.ENDPOINTS['demo'] == binding['wsdl']['ote'].replace('.wsdl', '.svc')


def test_provider_is_optional_in_the_spec_so_module_defaults_can_supply_it():
    assert CONNECTION_ARGSPEC['provider'].get('required') is not True
    assert 'default' not in CONNECTION_ARGSPEC['provider']


def test_provider_from_the_environment_when_the_task_names_none():
    env = {'DOMAINOPS_PROVIDER': 'Ascio', 'ASCIO_ACCOUNT': 'a', 'ASCIO_PASSWORD': 'p'}
    settings = connection_settings(params(), env)
    assert settings['provider'] == 'ascio'
    assert settings['api_url'] == 'https://aws.ascio.com/2012/01/01/AscioService.svc'


def test_the_task_provider_wins_over_the_environment():
    env = {'DOMAINOPS_PROVIDER': 'ascio', 'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4'}
    assert connection_settings(params(provider='autodns'), env)['provider'] == 'autodns'


@pytest.mark.parametrize('env, message', [
    # Credentials of one registrar alone do not select it: no guess.
    ({'AUTODNS_USER': 'u', 'AUTODNS_PASSWORD': 'p', 'AUTODNS_CONTEXT': '4'},
     'no provider: set provider (ascio or autodns) in the task, in module_defaults for '
     'group/domainops.registrar.registrar, or in the environment variable DOMAINOPS_PROVIDER'),
    ({'DOMAINOPS_PROVIDER': 'godaddy'}, "DOMAINOPS_PROVIDER='godaddy' is not a provider: use ascio or autodns"),
])
def test_no_provider_fails_with_where_to_set_it(env, message):
    with pytest.raises(InputError) as error:
        connection_settings(params(), env)
    assert message in str(error.value)
