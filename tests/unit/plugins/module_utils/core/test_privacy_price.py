# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Privacy/proxy and the spending guard in the core: option parsing, planning, prediction."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, Domain, PriceGuard, Privacy, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

TODAY = datetime.date(2026, 11, 25)


def test_privacy_options_become_a_privacy_with_only_the_declared_flags():
    assert module_options.privacy({'privacy': 'proxy', 'privacy_contacts': {'admin': True, 'tech': None}}) == \
        Privacy(service='proxy', admin=True)
    assert module_options.privacy({'privacy': None, 'privacy_contacts': None}) is None


@pytest.mark.parametrize('params, message', [
    ({'privacy': None, 'privacy_contacts': {'admin': True}}, 'privacy_contacts needs privacy'),
    ({'privacy': 'none', 'privacy_contacts': {'tech': True}}, 'with privacy: none'),
])
def test_bad_privacy_options_fail(params, message):
    with pytest.raises(InputError, match=message):
        module_options.privacy(params)


def test_price_guard_parses_and_normalises_the_currency():
    assert module_options.price_guard({'max_price': 49.5, 'currency': ' eur '}) == PriceGuard(49.5, 'EUR')
    assert module_options.price_guard({'max_price': None, 'currency': None}) is None


@pytest.mark.parametrize('params, message', [
    ({'max_price': 10, 'currency': None}, 'go together'),
    ({'max_price': None, 'currency': 'EUR'}, 'go together'),
    ({'max_price': 0, 'currency': 'EUR'}, 'positive'),
    ({'max_price': -5, 'currency': 'EUR'}, 'positive'),
    ({'max_price': 10, 'currency': 'EURO'}, 'ISO 4217'),
])
def test_bad_price_guards_fail(params, message):
    with pytest.raises(InputError, match=message):
        module_options.price_guard(params)


def test_a_price_the_registrar_cannot_carry_fails_before_any_request():
    # Ascio's AgreedPrice is an integer (its package's price_decimals 0); AutoDNS takes cents.
    with pytest.raises(InputError, match=r'max_price 49.5: ascio takes the price of an order in whole EUR only; '
                                         r'give a whole amount \(e.g. 49 or 50\)'):
        module_options.price_guard({'max_price': 49.5, 'currency': 'eur'}, 'ascio')
    assert module_options.price_guard({'max_price': 50, 'currency': 'EUR'}, 'ascio') == PriceGuard(50.0, 'EUR')
    assert module_options.price_guard({'max_price': 49.5, 'currency': 'EUR'}, 'autodns') == PriceGuard(49.5, 'EUR')
    assert module_options.price_guard({'max_price': 49.5, 'currency': 'EUR'}, None) == PriceGuard(49.5, 'EUR')


def domain(**kw):
    base = dict(name='example.com', expires=datetime.date(2026, 12, 1), payable=datetime.date(2026, 12, 1),
                privacy=Privacy(service='none'))
    base.update(kw)
    return Domain(**base)


def test_privacy_is_planned_only_when_it_differs():
    (change,) = plan(domain(), DesiredDomain('example.com', privacy=Privacy('privacy')), TODAY)
    assert change.aspect == aspects.PRIVACY
    assert change.after == Privacy('privacy')
    assert plan(domain(privacy=Privacy('privacy')), DesiredDomain('example.com', privacy=Privacy('privacy')), TODAY) == []


def test_undeclared_contact_flags_keep_what_the_registrar_holds():
    current = domain(privacy=Privacy('proxy', admin=True, tech=False, billing=False))
    assert plan(current, DesiredDomain('example.com', privacy=Privacy('proxy', tech=False)), TODAY) == []
    (change,) = plan(current, DesiredDomain('example.com', privacy=Privacy('proxy', tech=True)), TODAY)
    assert change.after == Privacy('proxy', admin=True, tech=True, billing=False)


def test_check_mode_predicts_the_privacy():
    changes = plan(domain(), DesiredDomain('example.com', privacy=Privacy('privacy')), TODAY)
    assert aspects.predict(domain(), changes).to_dict()['privacy']['service'] == 'privacy'


def test_the_guard_travels_with_registration_and_renewal():
    guard = PriceGuard(20.0, 'EUR')
    (register,) = plan(None, DesiredDomain('example.com', price_guard=guard), TODAY)
    assert register.after.price_guard == guard
    (renew,) = plan(domain(), DesiredDomain('example.com', renew=RenewPolicy(min_days_left=60), price_guard=guard), TODAY)
    assert renew.after.price_guard == guard


def test_privacy_sits_among_the_updates_before_the_final_locks():
    assert aspects.order(aspects.RENEW) < aspects.order(aspects.PRIVACY) < aspects.order(aspects.LOCKS)
