# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS sandbox: premium prices (GET /domainpremium/{name}, task 0164) and the privacy flag."""
import textwrap

import pytest

from sandbox.launcher import Sandbox
from tests.sandbox.test_autodns_sandbox import SEED, Client

PREMIUM_SEED = SEED + textwrap.dedent('''\
    premium:
      - {name: premium.example, price: 1500, currency: eur, priceClass: PREMIUM_1}
''')


@pytest.fixture
def client(tmp_path):
    seed = tmp_path / 'seed.yml'
    seed.write_text(PREMIUM_SEED)
    with Sandbox('autodns', seed=str(seed), journal=str(tmp_path / 'journal.jsonl'),
                 extra_args=['--job-delay', '0.2', '--rate-limit', '0']) as running:
        yield Client(running.url)


def test_a_premium_name_has_its_price_and_currency(client):
    status, body = client.get('/domainpremium/premium.example')
    assert status == 200, body
    assert body['status']['code'] == 'S0164'
    assert body['data'] == [{'name': 'premium.example', 'price': 1500.0, 'currency': 'EUR', 'priceClass': 'PREMIUM_1'}]


def test_a_standard_name_is_not_a_premium_domain(client):
    status, body = client.get('/domainpremium/example.com')
    assert status == 404, body
    assert body['status']['type'] == 'ERROR'


def test_the_privacy_flag_is_stored_by_the_domain_update(client):
    assert client.domain('example.com')['privacy'] is False
    status, body = client.put('/domain/example.com', {'name': 'example.com', 'privacy': True})
    assert status == 200, body
    client.wait_job(body['data'][0]['id'])
    assert client.domain('example.com')['privacy'] is True


def registration(name, **extra):
    body = {'name': name, 'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100},
            'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}], 'period': {'period': 1, 'unit': 'YEAR'}}
    body.update(extra)
    return body


@pytest.mark.parametrize('extra', [{}, {'priceClass': 'STANDARD'}])
def test_a_premium_registration_without_its_price_class_is_refused(client, extra):
    # docs/reference/autodns-rules.json premium_order (php-domainrobot-sdk DomainCreatePremium.php).
    status, body = client.post('/domain', registration('premium.example', **extra))
    assert status == 400, body
    assert 'priceClass PREMIUM_1' in body['status']['text']


def test_a_premium_registration_with_its_price_class_is_started(client):
    status, body = client.post('/domain', registration('premium.example', priceClass='PREMIUM_1'))
    assert status == 200, body
    assert body['status']['type'] == 'NOTIFY'
