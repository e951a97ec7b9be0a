# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS privacy (Domain.privacy) and the spending guard against GET /domainpremium/{name}."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import read, write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import AutoDNSAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.core import consequences
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, PriceGuard, Privacy, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

TODAY = datetime.date(2020, 11, 25)
SEED_DOMAIN = {
    'name': 'example.com', 'payable': '2020-12-31T12:00:00.000+0200',
    'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100}, 'registryStatus': 'LOCK',
    'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}], 'autoRenewStatus': 'TRUE', 'privacy': False,
}
HANDLES = {'registrant': Contact(handle='100'), 'admin': Contact(handle='100'), 'tech': Contact(handle='101')}
PREMIUM = {'amount': 150.0, 'currency': 'EUR'}


def ops(current, desired, prices=None):
    return write.operations(current, plan(current, desired, TODAY), prices=prices)


def test_privacy_reads_from_the_domain_and_goes_into_the_domain_update():
    current = read.read_domain(SEED_DOMAIN)
    assert current.privacy == Privacy('none', plus=False)
    (op,) = ops(current, DesiredDomain('example.com', privacy=Privacy('privacy')))
    assert op.name == 'PUT /domain/example.com'
    assert op.payload['body'] == {'name': 'example.com', 'privacy': True}
    assert read.read_domain(dict(SEED_DOMAIN, privacy=True)).privacy == Privacy('privacy', plus=False)


def test_privacy_plus_is_sent_when_declared_and_read_back():
    # swagger Domain.privacyPlus (boolean, 'Enable privacy plus.')
    current = read.read_domain(dict(SEED_DOMAIN, privacy=True))
    (op,) = ops(current, DesiredDomain('example.com', privacy=Privacy('privacy', plus=True)))
    assert op.payload['body'] == {'name': 'example.com', 'privacy': True, 'privacyPlus': True}
    on = read.read_domain(dict(SEED_DOMAIN, privacy=True, privacyPlus=True))
    assert on.privacy == Privacy('privacy', plus=True)
    assert ops(on, DesiredDomain('example.com', privacy=Privacy('privacy', plus=True))) == []
    # Not declared, privacy plus is left as it is.
    assert ops(on, DesiredDomain('example.com', privacy=Privacy('privacy'))) == []


@pytest.mark.parametrize('privacy, message', [
    (Privacy('proxy'), 'no proxy service'),
    (Privacy('privacy', admin=True), 'no choice per contact'),
])
def test_what_autodns_cannot_express_fails_before_sending(privacy, message):
    with pytest.raises(InputError, match=message):
        ops(read.read_domain(SEED_DOMAIN), DesiredDomain('example.com', privacy=privacy))


def test_privacy_on_a_cctld_is_not_supported_for_its_tld():
    current = read.read_domain(dict(SEED_DOMAIN, name='example.de'))
    with pytest.raises(InputError, match=r'not supported by this registrar for \.de'):
        ops(current, DesiredDomain('example.de', privacy=Privacy('privacy')))


def test_registration_carries_privacy_and_the_price_the_guard_agrees_to():
    desired = DesiredDomain('premium.com', contacts=HANDLES, privacy=Privacy('privacy'), price_guard=PriceGuard(200.0, 'EUR'),
                            nameservers=read.read_domain(SEED_DOMAIN).nameservers)
    (op,) = ops(None, desired, prices={'premium.com': PREMIUM})
    assert op.payload['body']['privacy'] is True
    assert op.summary['price'] == PREMIUM
    assert 'price' not in op.payload['body'] and 'priceClass' not in op.payload['body']


def test_a_premium_registration_names_the_price_class_autodns_offered():
    # php-domainrobot-sdk DomainCreatePremium.php: GET /domainpremium, then Domain.priceClass.
    desired = DesiredDomain('premium.com', contacts=HANDLES, price_guard=PriceGuard(200.0, 'EUR'),
                            nameservers=read.read_domain(SEED_DOMAIN).nameservers)
    (op,) = ops(None, desired, prices={'premium.com': dict(PREMIUM, price_class='PREMIUM_1')})
    assert op.payload['body']['priceClass'] == 'PREMIUM_1'
    assert op.summary['price'] == PREMIUM


@pytest.mark.parametrize('guard, message', [
    (None, 'premium domain: registering it costs 150.0 EUR.*set max_price'),
    (PriceGuard(100.0, 'EUR'), 'costs 150.0 EUR, more than max_price 100.0 EUR'),
    (PriceGuard(500.0, 'USD'), 'max_price is in USD'),
])
def test_a_premium_price_the_guard_does_not_cover_fails_before_sending(guard, message):
    desired = DesiredDomain('premium.com', contacts=HANDLES, price_guard=guard,
                            nameservers=read.read_domain(SEED_DOMAIN).nameservers)
    with pytest.raises(InputError, match=message):
        ops(None, desired, prices={'premium.com': PREMIUM})


def test_without_a_premium_price_nothing_changes():
    desired = DesiredDomain('example.com', renew=RenewPolicy(min_days_left=60))
    (op,) = ops(read.read_domain(SEED_DOMAIN), desired, prices={'example.com': None})
    assert 'price' not in op.summary


def test_a_premium_renewal_above_the_guard_fails():
    desired = DesiredDomain('example.com', renew=RenewPolicy(min_days_left=60), price_guard=PriceGuard(10.0, 'EUR'))
    with pytest.raises(InputError, match='renewing it costs 150.0 EUR, more than max_price 10.0 EUR'):
        ops(read.read_domain(SEED_DOMAIN), desired, prices={'example.com': PREMIUM})


class FakeClient:
    def __init__(self, premium):
        self.premium = premium
        self.gets = []

    def get(self, path):
        self.gets.append(path)
        if self.premium is None:
            raise NotFound('EF01', 'not found')
        return {'status': {'type': 'SUCCESS'}, 'data': [self.premium]}


@pytest.mark.parametrize('answer, price', [
    ({'name': 'premium.com', 'price': 150, 'currency': 'eur', 'priceClass': 'P1'}, {'amount': 150.0, 'currency': 'EUR', 'price_class': 'P1'}),
    (None, None),
])
def test_resolve_reads_the_premium_price_once_for_billable_changes(answer, price):
    client = FakeClient(answer)
    adapter = AutoDNSAdapter({}, client=client)
    changes = plan(None, DesiredDomain('premium.com'), TODAY)
    adapter.resolve(None, changes)
    adapter.resolve(None, changes)
    assert client.gets == ['/domainpremium/premium.com']
    assert adapter.premium_prices == {'premium.com': price}


def test_resolve_reads_no_price_for_changes_that_cost_nothing():
    client = FakeClient(None)
    adapter = AutoDNSAdapter({}, client=client)
    current = read.read_domain(SEED_DOMAIN)
    adapter.resolve(current, plan(current, DesiredDomain('example.com', privacy=Privacy('privacy')), TODAY))
    assert client.gets == []


def test_the_known_price_is_a_consequence_of_the_planned_operation():
    desired = DesiredDomain('example.com', renew=RenewPolicy(min_days_left=60), price_guard=PriceGuard(200.0, 'EUR'))
    (op,) = ops(read.read_domain(SEED_DOMAIN), desired, prices={'example.com': PREMIUM})
    marks = consequences.marks(op)
    assert marks['billable'] is True and marks['price'] == PREMIUM
