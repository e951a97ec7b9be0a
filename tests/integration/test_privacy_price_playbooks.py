# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Privacy/proxy and the spending guard (max_price), run by ansible-playbook against both sandboxes.

The sandboxes start from the integration seeds with example.net priced as a premium domain
(AutoDNS: GET /domainpremium/example.net; Ascio: an AgreedPrice of at least its price).
"""
import os

import pytest
from conftest import DELAY_OPTION, PROVIDERS, SEEDS, Registrar

from sandbox.launcher import Sandbox

PREMIUM = {
    'autodns': '\npremium:\n- {name: example.net, price: 1500, currency: EUR, priceClass: PREMIUM_1}\n',
    'ascio': '\npremium:\n- {DomainName: example.net, Price: 1500}\n',
}
PRIVACY_OPERATIONS = {'autodns': ['PUT /domain/example.com'], 'ascio': ['Domain_Details_Update']}
# A target past each seed's paid-until date of example.net, within one year of it.
UNTIL = {'autodns': '2028-06-30', 'ascio': '2027-06-30'}
RENEW_OPERATION = {'autodns': 'PUT /domain/example.net/_renew', 'ascio': 'Renew_Domain'}


@pytest.fixture(params=PROVIDERS)
def registrar(request, tmp_path):
    provider = request.param
    with open(os.path.join(SEEDS, '%s.yml' % provider)) as handle:
        seed = handle.read().rstrip('\n') + PREMIUM[provider]
    seed_file = tmp_path / ('%s-seed.yml' % provider)
    seed_file.write_text(seed)
    journal = str(tmp_path / ('%s-journal.jsonl' % provider))
    sandbox = Sandbox(provider, seed=str(seed_file), journal=journal, extra_args=[DELAY_OPTION[provider], '0.3'])
    if provider == 'autodns':
        credentials = {'AUTODNS_URL': sandbox.url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password',
                       'AUTODNS_CONTEXT': '4'}
    else:
        credentials = {'ASCIO_URL': sandbox.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password'}
    registrar = Registrar(provider, sandbox, journal, credentials)
    yield registrar
    sandbox.stop()


def run(registrar, module, *flags, domain='example.com', **args):
    args.setdefault('name', domain)
    return registrar.play('task.yml', *flags, module=module, module_args=args, domain=domain)


def operations(result):
    return [op['operation'] for op in result['operations']]


def accepted_writes(registrar):
    """What the registrar accepted: every write for AutoDNS; for Ascio, CreateOrders it did not refuse."""
    return [w for w in registrar.writes() if w.get('result_code') in (None, 200) or registrar.provider == 'autodns']


def test_privacy_is_set_once_and_a_rerun_sends_nothing(registrar):
    rc, out, results = run(registrar, 'domain', '--check', privacy='privacy')
    assert rc == 0, out
    planned = results['Run the module']
    assert planned['changed'] is True and operations(planned) == PRIVACY_OPERATIONS[registrar.provider], planned
    assert planned['privacy']['service'] == 'privacy'
    assert registrar.writes() == []

    rc, out, results = run(registrar, 'domain', privacy='privacy')
    assert rc == 0, out
    assert operations(results['Run the module']) == PRIVACY_OPERATIONS[registrar.provider]
    assert results['Read the domain']['domain']['privacy']['service'] == 'privacy'

    rc, out, again = run(registrar, 'domain', privacy='privacy')
    assert rc == 0, out
    assert again['Run the module']['changed'] is False and again['Run the module']['operations'] == []


def test_privacy_plus_is_set_on_autodns_and_refused_on_ascio_before_sending(registrar):
    rc, out, results = run(registrar, 'domain', privacy='privacy', privacy_plus=True)
    if registrar.provider == 'ascio':
        assert rc != 0 and 'privacy_plus is not supported by this registrar' in results['Run the module']['msg']
        assert registrar.writes() == []
        return
    assert rc == 0, out
    (operation,) = results['Run the module']['operations']
    assert operation['request']['body'] == {'name': 'example.com', 'privacy': True, 'privacyPlus': True}
    assert results['Read the domain']['domain']['privacy']['plus'] is True
    rc, out, again = run(registrar, 'domain', privacy='privacy', privacy_plus=True)
    assert rc == 0 and again['Run the module']['changed'] is False, out
    assert len(registrar.writes()) == 1


def test_ascio_proxy_with_per_contact_flags(registrar):
    if registrar.provider != 'ascio':
        pytest.skip('AutoDNS has no proxy service and no per-contact choice')
    rc, out, results = run(registrar, 'domain', privacy='proxy', privacy_contacts={'admin': True, 'tech': False})
    assert rc == 0, out
    privacy = results['Read the domain']['domain']['privacy']
    assert (privacy['service'], privacy['admin'], privacy['tech']) == ('proxy', True, False)
    rc, out, again = run(registrar, 'domain', privacy='proxy', privacy_contacts={'admin': True})
    assert again['Run the module']['changed'] is False


def test_privacy_on_a_cctld_fails_before_sending(registrar):
    rc, out, results = run(registrar, 'domain', domain='xn--mller-kva.de', privacy='privacy')
    assert rc != 0
    assert 'not supported by this registrar for .de' in results['Run the module']['msg']
    assert registrar.writes() == []


def test_a_premium_renewal_without_a_guard_fails_asking_for_one(registrar):
    rc, out, results = run(registrar, 'renew', domain='example.net', until=UNTIL[registrar.provider])
    assert rc != 0
    assert 'max_price' in results['Run the module']['msg'], results['Run the module']
    assert accepted_writes(registrar) == []
    if registrar.provider == 'autodns':
        assert registrar.writes() == []  # refused before anything was sent


def test_max_price_below_the_price_refuses_and_nothing_is_ordered(registrar):
    rc, out, results = run(registrar, 'renew', domain='example.net', until=UNTIL[registrar.provider], max_price=1000, currency='EUR')
    assert rc != 0
    message = results['Run the module']['msg']
    assert 'max_price' in message
    if registrar.provider == 'autodns':
        assert '1500.0 EUR' in message and '1000.0 EUR' in message
        assert registrar.writes() == []
    assert accepted_writes(registrar) == []


def test_max_price_above_the_price_renews_and_check_mode_shows_the_price(registrar):
    rc, out, results = run(registrar, 'renew', '--check', domain='example.net', until=UNTIL[registrar.provider], max_price=2000, currency='EUR')
    assert rc == 0, out
    (planned,) = results['Run the module']['operations']
    if registrar.provider == 'autodns':
        assert planned['request']['price'] == {'amount': 1500.0, 'currency': 'EUR'}
    else:
        assert planned['request']['AgreedPrice'] == 2000 and isinstance(planned['request']['AgreedPrice'], int)
    rc, out, results = run(registrar, 'renew', domain='example.net', until=UNTIL[registrar.provider], max_price=2000, currency='EUR')
    assert rc == 0, out
    assert operations(results['Run the module']) == [RENEW_OPERATION[registrar.provider]]


def test_a_max_price_with_cents_fails_before_any_request_on_ascio_only(registrar):
    rc, out, results = run(registrar, 'renew', '--check', domain='example.net', until=UNTIL[registrar.provider],
                           max_price=1999.5, currency='EUR')
    if registrar.provider == 'autodns':
        assert rc == 0, out
        return
    assert rc != 0
    assert 'give a whole amount (e.g. 1999 or 2000)' in results['Run the module']['msg']
    assert registrar.journal() == []


def test_a_standard_domain_renews_without_a_guard_as_before(registrar):
    rc, out, results = run(registrar, 'renew', until='2028-01-31')
    assert rc == 0, out
    (done,) = results['Run the module']['operations']
    assert 'price' not in done['request']
