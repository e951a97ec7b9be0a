# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Connection options shared by every module, and the adapter they select.

Nothing here names a registrar: each registrar package describes itself (``<registrar>/provider.py``)
and adding one is one more entry in ``PROVIDERS`` (docs/adding-a-registrar.md).
"""
import os

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.provider import PROVIDER as ASCIO
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.provider import PROVIDER as AUTODNS
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.provider import ENVIRONMENTS

COLLECTION_VERSION = '0.1.0'
USER_AGENT = 'domainops.registrar/%s (Ansible collection)' % COLLECTION_VERSION

PROVIDERS = (ASCIO, AUTODNS)
BY_NAME = dict((provider.name, provider) for provider in PROVIDERS)
PROVIDER_NAMES = tuple(BY_NAME)
# Where the provider comes from when a task does not name it (after module_defaults, which
# Ansible applies to the task's options). It is not guessed from which credentials are set:
# a guess could send one registrar's password to the other.
PROVIDER_VARIABLE = 'DOMAINOPS_PROVIDER'

# provider is not required here so that module_defaults or DOMAINOPS_PROVIDER can supply it
# (and ansible-lint does not flag tasks without it); connection_settings() insists on it.
CONNECTION_ARGSPEC = dict(
    provider=dict(type='str', choices=list(PROVIDER_NAMES)),
    username=dict(type='str', aliases=['account', 'user']),
    password=dict(type='str', no_log=True),
    context=dict(type='int'),
    environment=dict(type='str', default='live', choices=list(ENVIRONMENTS)),
    api_url=dict(type='str'),
    wsdl=dict(type='str', default='bundled'),
    validate_certs=dict(type='bool', default=True),
    timeout=dict(type='int', default=30),
)


def _names():
    return ' or '.join(PROVIDER_NAMES)


def task_provider(params, environ):
    """The task's provider description, else DOMAINOPS_PROVIDER's; InputError when neither names one."""
    name = params.get('provider')
    if name:
        return BY_NAME[name]
    name = (environ.get(PROVIDER_VARIABLE) or '').strip().lower()
    if not name:
        raise InputError('no provider: set provider (%s) in the task, in module_defaults for '
                         'group/domainops.registrar.registrar, or in the environment variable %s. Nothing was sent.'
                         % (_names(), PROVIDER_VARIABLE))
    if name not in BY_NAME:
        raise InputError('%s=%r is not a provider: use %s. Nothing was sent.'
                         % (PROVIDER_VARIABLE, environ.get(PROVIDER_VARIABLE), _names()))
    return BY_NAME[name]


def connection_settings(params, environ=None):
    """Resolve the connection options (with environment fallbacks) or raise InputError."""
    environ = os.environ if environ is None else environ
    provider = task_provider(params, environ)
    settings = dict((k, params.get(k)) for k in CONNECTION_ARGSPEC)
    settings['provider'] = provider.name
    for option, variable in provider.environment_fallbacks.items():
        if settings.get(option) in (None, '') and environ.get(variable):
            settings[option] = environ[variable]
    missing = [o for o in provider.required_options if settings.get(o) in (None, '')]
    if missing:
        names = ', '.join('%s (or %s)' % (o, provider.environment_fallbacks[o]) for o in missing)
        raise InputError('missing %s credentials: %s' % (provider.name, names))
    settings['environment'] = ENVIRONMENTS[settings.get('environment') or 'live']
    settings['api_url'] = settings.get('api_url') or provider.endpoint(settings['environment'])
    for option in provider.url_options:
        value = settings[option]
        if not value.startswith(('https://', 'http://')):
            raise InputError('%s must be an http(s) URL, got %r' % (option, value))
    if provider.prepare is not None:
        settings = provider.prepare(settings)
    return settings


def connect(params, environ=None):
    """The adapter for the task's provider, ready to talk to the registrar."""
    settings = connection_settings(params, environ)
    return BY_NAME[settings['provider']].adapter_factory(settings)
