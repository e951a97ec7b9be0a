# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio PrivacyProxy (Domain_Details_Update) and the order's AgreedPrice."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read, write
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, PriceGuard, Privacy, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

TODAY = datetime.date(2026, 11, 25)


# A registration carries all four contacts (rules: registration_contacts).
CONTACTS = dict((role, Contact(handle='H-%s' % role)) for role in ('registrant', 'admin', 'tech', 'billing'))


def current(name='example.com', **kw):
    return Domain(name=name, expires=datetime.date(2026, 12, 1), payable=datetime.date(2026, 12, 1),
                  privacy=read.read_privacy(None), registrar_data={'handle': 'DOM-1'}, **kw)


def test_getdomain_privacyproxy_reads_into_the_model():
    assert read.read_privacy({'Type': 'Proxy', 'PrivacyAdmin': 'true', 'PrivacyTech': False, 'PrivacyBilling': None}) == \
        Privacy('proxy', admin=True, tech=False)
    assert read.read_privacy(None) == Privacy('none')


def test_a_privacy_change_is_one_domain_details_update_with_the_declared_flags():
    have = current()
    (order,) = write.operations(have, plan(have, DesiredDomain('example.com', privacy=Privacy('proxy', admin=True)), TODAY))
    assert order.name == 'Domain_Details_Update'
    assert order.payload['Domain'] == {'DomainName': 'example.com', 'DomainHandle': 'DOM-1',
                                       'PrivacyProxy': {'Type': 'Proxy', 'PrivacyAdmin': True}}
    assert order.aspects == ('privacy',)


def test_privacy_on_a_cctld_is_not_supported_for_its_tld():
    have = current('example.dk')
    with pytest.raises(InputError, match=r'not supported by this registrar for \.dk'):
        write.operations(have, plan(have, DesiredDomain('example.dk', privacy=Privacy('privacy')), TODAY))


def test_the_guard_is_the_agreed_price_of_registration_and_renewal():
    guard = PriceGuard(120.0, 'EUR')
    (register,) = write.operations(None, plan(None, DesiredDomain('example.com', price_guard=guard, privacy=Privacy('privacy'), contacts=CONTACTS), TODAY))
    # AgreedPrice is an xsd:int (docs/reference/ascio-v2-type-additions.json types_in_conflict).
    assert register.payload['AgreedPrice'] == 120 and isinstance(register.payload['AgreedPrice'], int)
    assert register.summary['AgreedPrice'] == 120
    assert register.payload['Domain']['PrivacyProxy'] == {'Type': 'Privacy'}
    have = current()
    (renew,) = write.operations(have, plan(have, DesiredDomain('example.com', renew=RenewPolicy(min_days_left=60),
                                                               price_guard=guard), TODAY))
    assert renew.name == 'Renew_Domain' and renew.payload['AgreedPrice'] == 120


def test_a_price_with_a_fraction_is_never_rounded_into_an_order():
    guard = PriceGuard(119.5, 'EUR')
    with pytest.raises(InputError, match='whole amount'):
        write.operations(None, plan(None, DesiredDomain('example.com', price_guard=guard, contacts=CONTACTS), TODAY))


def test_without_a_guard_no_agreed_price_is_sent():
    (register,) = write.operations(None, plan(None, DesiredDomain('example.com', contacts=CONTACTS), TODAY))
    assert 'AgreedPrice' not in register.payload


def test_a_privacy_order_left_pending_is_found_again():
    assert 'Domain_Details_Update' in write.pending_order_types(['privacy'])


def test_a_refusal_over_the_price_says_what_to_do():
    (register,) = write.operations(None, plan(None, DesiredDomain('example.com', contacts=CONTACTS), TODAY))
    refused = RegistrarError(400, 'Order not validated', ['Domain example.com is a premium domain: the order must carry its price in AgreedPrice'])
    assert 'set max_price and currency' in str(write.explain_price_refusal(register, refused))
    (guarded,) = write.operations(None, plan(None, DesiredDomain('example.com', price_guard=PriceGuard(5.0, 'EUR'), contacts=CONTACTS), TODAY))
    assert 'max_price 5 (sent as AgreedPrice) does not cover' in str(write.explain_price_refusal(guarded, refused))
    other = RegistrarError(400, 'Order not validated', ['Domain.RegPeriod must be between 1 and 10 years'])
    assert write.explain_price_refusal(register, other) is other


def test_privacy_plus_is_not_supported_by_ascio():
    have = current()
    with pytest.raises(InputError, match='privacy_plus is not supported by this registrar'):
        write.operations(have, plan(have, DesiredDomain('example.com', privacy=Privacy('privacy', plus=True)), TODAY))
