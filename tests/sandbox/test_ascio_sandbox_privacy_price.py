# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio sandbox: Domain_Details_Update with PrivacyProxy, and AgreedPrice on premium names
(docs/reference/ascio-rules.json privacy_proxy, agreed_price)."""
import os

import pytest
from test_ascio_sandbox import BINDING, ROOT, code_of, create, fault_of, get_domain, raw_post, values_of, wait_order

from plugins.module_utils.ascio import api as ascio_api
from sandbox.launcher import Sandbox


@pytest.fixture(scope='module')
def box(tmp_path_factory):
    directory = tmp_path_factory.mktemp('ascio-premium')
    with open(os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')) as handle:
        seed = handle.read()
    seed_file = directory / 'seed.yml'
    seed_file.write_text(seed.rstrip('\n') + '\npremium:\n  - {DomainName: example.net, Price: 1500}\n')
    box = Sandbox('ascio', seed=str(seed_file), journal=str(directory / 'journal.jsonl'), extra_args=['--order-delay', '0.2'])
    yield box
    box.stop()


@pytest.fixture(scope='module')
def service(box):
    return ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, box.url, True, 10)


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


def test_an_agreed_price_with_a_fraction_cannot_be_read_as_an_int32(box, session):
    # Order.AgreedPrice is an xsd:int (docs/reference/ascio-v2-type-additions.json types_in_conflict).
    body = ('<sessionId>%s</sessionId><order><Type>Renew_Domain</Type><Domain><DomainName>example.net</DomainName>'
            '<RegPeriod>1</RegPeriod></Domain><AgreedPrice>1500.50</AgreedPrice></order>' % session)
    namespace, code, text = fault_of(raw_post(box.url, BINDING['soapAction']['CreateOrder'], 'CreateOrder', body))
    assert code == 'DeserializationFailed'
    assert "The value '1500.50' cannot be parsed as the type 'Int32'" in text
