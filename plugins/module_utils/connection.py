# -*- coding: utf-8 -*-
"""Connection options shared by every module, and the adapter they select."""
import os

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError

COLLECTION_VERSION = '0.1.0'
USER_AGENT = 'domainops.registrar/%s (Ansible collection)' % COLLECTION_VERSION

PROVIDERS = ('ascio', 'autodns')
# Where the provider comes from when a task does not name it (after module_defaults, which
# Ansible applies to the task's options). It is not guessed from which credentials are set:
# a guess could send one registrar's password to the other.
PROVIDER_VARIABLE = 'DOMAINOPS_PROVIDER'

# provider is not required here so that module_defaults or DOMAINOPS_PROVIDER can supply it
# (and ansible-lint does not flag tasks without it); connection_settings() insists on it.
CONNECTION_ARGSPEC = dict(
    provider=dict(type='str', choices=list(PROVIDERS)),
    username=dict(type='str', aliases=['account', 'user']),
    password=dict(type='str', no_log=True),
    context=dict(type='int'),
    environment=dict(type='str', default='live', choices=['live', 'demo', 'ote']),
    api_url=dict(type='str'),
    wsdl=dict(type='str', default='bundled'),
    validate_certs=dict(type='bool', default=True),
    timeout=dict(type='int', default=30),
)

# Credentials and URL fall back to these environment variables, per provider.
ENVIRONMENT_FALLBACKS = {
    'ascio': {'username': 'ASCIO_ACCOUNT', 'password': 'ASCIO_PASSWORD', 'api_url': 'ASCIO_URL'},
    'autodns': {'username': 'AUTODNS_USER', 'password': 'AUTODNS_PASSWORD',
                'context': 'AUTODNS_CONTEXT', 'api_url': 'AUTODNS_URL'},
}

AUTODNS_URLS = {'live': 'https://api.autodns.com/v1', 'demo': 'https://api.demo.autodns.com/v1'}
ASCIO_WSDLS = {'live': 'https://aws.ascio.com/2012/01/01/AscioService.wsdl',
               'ote': 'https://aws.demo.ascio.com/2012/01/01/AscioService.wsdl'}
ASCIO_ENDPOINTS = {'live': 'https://aws.ascio.com/2012/01/01/AscioService.svc',
                   'ote': 'https://aws.demo.ascio.com/2012/01/01/AscioService.svc'}


def task_provider(params, environ):
    """The task's provider, else DOMAINOPS_PROVIDER's; InputError when neither names one."""
    provider = params.get('provider')
    if provider:
        return provider
    provider = (environ.get(PROVIDER_VARIABLE) or '').strip().lower()
    if not provider:
        raise InputError('no provider: set provider (ascio or autodns) in the task, in module_defaults for '
                         'group/domainops.registrar.registrar, or in the environment variable %s. Nothing was sent.'
                         % PROVIDER_VARIABLE)
    if provider not in PROVIDERS:
        raise InputError('%s=%r is not a provider: use ascio or autodns. Nothing was sent.'
                         % (PROVIDER_VARIABLE, environ.get(PROVIDER_VARIABLE)))
    return provider


def connection_settings(params, environ=None):
    """Resolve the connection options (with environment fallbacks) or raise InputError."""
    environ = os.environ if environ is None else environ
    provider = task_provider(params, environ)
    settings = dict((k, params.get(k)) for k in CONNECTION_ARGSPEC)
    settings['provider'] = provider
    for option, variable in ENVIRONMENT_FALLBACKS[provider].items():
        if settings.get(option) in (None, '') and environ.get(variable):
            settings[option] = environ[variable]
    missing = [o for o in ('username', 'password') if not settings.get(o)]
    if provider == 'autodns' and settings.get('context') in (None, ''):
        missing.append('context')
    if missing:
        names = ', '.join('%s (or %s)' % (o, ENVIRONMENT_FALLBACKS[provider][o]) for o in missing)
        raise InputError('missing %s credentials: %s' % (provider, names))
    if provider == 'autodns':
        try:
            settings['context'] = int(settings['context'])
        except (TypeError, ValueError):
            raise InputError('context must be a number, got %r' % settings['context'])
    environment = 'demo' if settings['environment'] in ('demo', 'ote') else 'live'
    settings['environment'] = environment
    if provider == 'autodns':
        settings['api_url'] = (settings.get('api_url') or AUTODNS_URLS[environment]).rstrip('/')
    else:
        # OTE is Ascio's name for its test system; 'demo' is accepted as the same thing.
        key = 'ote' if environment == 'demo' else 'live'
        wsdl = settings.get('wsdl') or 'bundled'
        settings['wsdl'] = ASCIO_WSDLS.get(wsdl, wsdl) if wsdl != 'bundled' else 'bundled'
        settings['api_url'] = settings.get('api_url') or ASCIO_ENDPOINTS[key]
    # Task options some adapters honour (AutoDNS: edit a shared contact handle in place).
    settings['update_contacts_in_place'] = bool(params.get('update_contacts_in_place'))
    # AutoDNS: the holder of a gTLD domain agreed to an owner change (confirmOwnerConsent).
    settings['confirm_owner_consent'] = bool(params.get('confirm_owner_consent'))
    for option in ('api_url',) + (('wsdl',) if provider == 'ascio' else ()):
        value = settings[option]
        if value != 'bundled' and not value.startswith(('https://', 'http://')):
            raise InputError('%s must be an http(s) URL, got %r' % (option, value))
    return settings


def connect(params, environ=None):
    """The adapter for the task's provider, ready to talk to the registrar."""
    settings = connection_settings(params, environ)
    if settings['provider'] == 'autodns':
        from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
        return AutoDNSAdapter(settings)
    from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter
    return AscioAdapter(settings)
