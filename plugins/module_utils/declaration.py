# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One domain declaration: the options of the ``domain`` module and of each ``portfolio`` item,
and their translation into a DesiredDomain (bad input raises InputError before any request)."""
import json

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects, validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain

# Everything but renewal (the renew module's): existence, contacts, name servers, DNSSEC, auth code, autorenew, locks.
DOMAIN_ASPECTS = tuple(name for name in aspects.PLANNED if name != aspects.RENEW) + (aspects.STATUS,)
# A portfolio item may also carry a renewal policy.
PORTFOLIO_ASPECTS = tuple(name for name in aspects.PLANNED) + (aspects.STATUS,)

RENEW_SPEC = dict(
    until=dict(type='str'),
    min_days_left=dict(type='int'),
    period=dict(type='int', default=1),
)


def domain_spec():
    """The options of one domain declaration (the ``domain`` module's, without connection and wait)."""
    spec = dict(
        name=dict(type='str', required=True, aliases=['domain']),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        absent_action=dict(type='str', default='expire', choices=['expire', 'delete']),
        auth_code=dict(type='str', no_log=True),
        new_auth_code=dict(type='str', no_log=True),
        restore=dict(type='bool', default=False),
        period=dict(type='int', default=1),
        nameservers=dict(type='list', elements='raw'),
        allow_single_nameserver=dict(type='bool', default=False),
        contacts=dict(type='dict', options=module_options.CONTACT_ROLES_ONLY_SPEC),
        autorenew=dict(type='bool'),
        dnssec=dict(type='list', elements='dict', options=module_options.DNSSEC_SPEC),
    )
    spec.update(module_options.LOCKS_SPEC)
    spec.update(module_options.REGISTRAR_OPTIONS_SPEC)
    spec.update(module_options.PRIVACY_SPEC)
    spec.update(module_options.PRICE_GUARD_SPEC)
    return spec


def portfolio_item_spec():
    """A portfolio item: a domain declaration plus an optional renewal policy."""
    spec = domain_spec()
    spec['renew'] = dict(type='dict', options=RENEW_SPEC,
                         mutually_exclusive=[['until', 'min_days_left']],
                         required_one_of=[['until', 'min_days_left']])
    return spec


def _shape(item):
    """An item without its name, as a key; None when it cannot be one (an alias, a value JSON lacks)."""
    if not isinstance(item, dict) or not isinstance(item.get('name'), str) or 'domain' in item:
        return None
    try:
        return json.dumps(dict((k, v) for k, v in item.items() if k != 'name'), sort_keys=True)
    except (TypeError, ValueError):
        return None


def checked_items(items, option, secrets=None):
    """``items`` checked and completed (defaults) as the portfolio module's ``domains`` are, for an
    option that takes the same declarations without repeating their documentation (InputError).
    The values of no_log options (auth codes) are added to ``secrets`` when given.

    A portfolio repeats a few shapes (the same contacts, name servers and locks) on many
    domains: items that differ only in their name (a plain string) are checked once, and share
    the checked values, which nothing changes afterwards."""
    checked, problems, checked_shapes = [], [], {}
    validator = ArgumentSpecValidator(portfolio_item_spec())
    for index, item in enumerate(items):
        shape = _shape(item)
        if shape is None or shape not in checked_shapes:
            result = validator.validate(item)
            outcome = (result.validated_parameters, set(result._no_log_values), list(result.error_messages))
            if shape is not None:
                checked_shapes[shape] = outcome
        else:
            outcome = checked_shapes[shape]
        parameters, no_log_values, errors = outcome
        if secrets is not None:
            secrets.update(no_log_values)
        if errors:
            problems.append('%s[%d] (%s): %s' % (option, index, item.get('name'), '; '.join(errors)))
        checked.append(dict(parameters, name=item['name']) if shape is not None else parameters)
    if problems:
        raise InputError('; '.join(problems))
    return checked


def desired_domain(params, provider=None):
    """The DesiredDomain of one declaration; ``provider`` names the registrar whose limits apply."""
    name = validation.domain_name(params['name'])
    nameservers = None
    if params.get('nameservers') is not None:
        nameservers = validation.nameservers(params['nameservers'], name, params.get('allow_single_nameserver'),
                                             module_options.max_nameservers(provider))
    period = params.get('period')
    if period is not None and not 1 <= period <= 10:
        raise InputError('period must be between 1 and 10 years, got %s' % period)
    for option in ('auth_code', 'new_auth_code'):
        # An empty auth code would turn a transfer into a registration: refuse it.
        if params.get(option) is not None and not params[option].strip():
            raise InputError('%s is empty: give the auth code, or leave the option out' % option)
    renew = module_options.renew_policy(params['renew']) if params.get('renew') else None
    return DesiredDomain(
        name=name,
        present=params.get('state', 'present') == 'present',
        nameservers=nameservers,
        dnssec=module_options.dnssec(params),
        contacts=module_options.declared_contacts(params.get('contacts'), provider),
        locks=module_options.locks(params),
        autorenew=params.get('autorenew'),
        renew=renew,
        auth_code=params.get('auth_code'),
        new_auth_code=params.get('new_auth_code'),
        delete_mode=params.get('absent_action') or 'expire',
        restore=bool(params.get('restore')),
        period=period if period is not None else 1,
        privacy=module_options.privacy(params),
        price_guard=module_options.price_guard(params, provider),
        registrar_options=module_options.registrar_options(params),
    )


def desired_domains(items, provider=None):
    """The DesiredDomains of a portfolio's items, in order; every item is checked before any request.

    All problems are reported at once, each with the item's position and name, and a domain
    declared twice is refused (which of the two would win is not obvious).
    """
    problems, desired, seen = [], [], {}
    for index, item in enumerate(items):
        label = 'domains[%d] (%s)' % (index, item.get('name'))
        try:
            domain = desired_domain(item, provider)
        except InputError as exc:
            problems.append('%s: %s' % (label, exc))
            continue
        if domain.name in seen:
            problems.append('%s: %s is declared twice (also domains[%d]); declare each domain once'
                            % (label, domain.name, seen[domain.name]))
            continue
        seen[domain.name] = index
        desired.append(domain)
    if problems:
        raise InputError('; '.join(problems))
    return desired
