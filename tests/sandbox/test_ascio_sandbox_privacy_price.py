# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio sandbox: Domain_Details_Update with PrivacyProxy, and AgreedPrice on premium names
(docs/reference/ascio-rules.json privacy_proxy, agreed_price)."""
import os

import pytest
from test_ascio_sandbox import ROOT, code_of, create, get_domain, values_of, wait_order

from plugins.module_utils.ascio import api as ascio_api
from sandbox.launcher import Sandbox


@pytest.fixture(scope='module')
def service(tmp_path_factory):
    directory = tmp_path_factory.mktemp('ascio-premium')
    with open(os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')) as handle:
        seed = handle.read()
    seed_file = directory / 'seed.yml'
    seed_file.write_text(seed.rstrip('\n') + '\npremium:\n  - {DomainName: example.net, Price: 1500}\n')
    box = Sandbox('ascio', seed=str(seed_file), journal=str(directory / 'journal.jsonl'), extra_args=['--order-delay', '0.2'])
    yield ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, box.url, True, 10)
    box.stop()


@pytest.fixture(scope='module')
def session(service):
    return service.LogIn(session={'Account': 'demo', 'Password': 'demo-password'}).sessionId


def test_domain_details_update_sets_privacyproxy_and_getdomain_returns_it(service, session):
    result = create(service, session, 'Domain_Details_Update', {
        'DomainName': 'example.com', 'PrivacyProxy': {'Type': 'Proxy', 'PrivacyAdmin': True, 'PrivacyTech': False}})
    assert code_of(result, 'CreateOrder') == 200, values_of(result, 'CreateOrder')
    order, _messages = wait_order(service, session, result.order.OrderId)
    assert order.Status == 'Completed'
    privacy = get_domain(service, session, 'example.com').PrivacyProxy
    assert (privacy.Type, privacy.PrivacyAdmin, privacy.PrivacyTech) == ('Proxy', True, False)


def test_domain_details_update_without_anything_to_update_is_refused(service, session):
    result = create(service, session, 'Domain_Details_Update', {'DomainName': 'example.com'})
    assert code_of(result, 'CreateOrder') == 400
    assert any('PrivacyProxy' in value for value in values_of(result, 'CreateOrder'))


def renew(service, session, agreed=None):
    order = {'Type': 'Renew_Domain', 'Domain': {'DomainName': 'example.net', 'RegPeriod': 1}}
    if agreed is not None:
        order['AgreedPrice'] = agreed
    return service.CreateOrder(sessionId=session, order=order)


def test_a_premium_order_without_an_agreed_price_is_refused(service, session):
    result = renew(service, session)
    assert code_of(result, 'CreateOrder') == 400
    assert any('premium domain' in value and 'AgreedPrice' in value for value in values_of(result, 'CreateOrder'))


def test_a_premium_order_agreeing_to_less_than_the_price_is_refused(service, session):
    result = renew(service, session, 1000)
    assert code_of(result, 'CreateOrder') == 400
    assert any('below the price' in value for value in values_of(result, 'CreateOrder'))


def test_a_premium_order_agreeing_to_the_price_is_accepted(service, session):
    result = renew(service, session, 1500)
    assert code_of(result, 'CreateOrder') == 200, values_of(result, 'CreateOrder')
