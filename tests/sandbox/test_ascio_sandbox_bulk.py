# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio sandbox for portfolios: --generate, --latency, searches of many names, SearchOrder pages.

Driven with zeep on the bundled WSDL, as a client drives Ascio; the sandbox is started through
sandbox.launcher, as a benchmark starts it.
"""
import os
import subprocess
import sys
import threading
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from plugins.module_utils.ascio import api as ascio_api  # noqa: E402
from sandbox.launcher import Sandbox  # noqa: E402

SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
GENERATED = 40
LATENCY = 0.3


@pytest.fixture(scope='module')
def sandbox():
    box = Sandbox('ascio', seed=SEED, extra_args=['--order-delay', '30', '--generate', str(GENERATED)])
    yield box
    box.stop()


@pytest.fixture(scope='module')
def service(sandbox):
    return ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, sandbox.url, True, 10)


@pytest.fixture(scope='module')
def session(service):
    return service.LogIn(session={'Account': 'demo', 'Password': 'demo-password'}).sessionId


def search(service, session, clauses, mode='Strict', **criteria):
    criteria.update(Mode=mode, Clauses={'Clause': clauses})
    result = service.SearchDomain(sessionId=session, criteria=criteria)
    assert result.SearchDomainResult.ResultCode == 200
    return [d.DomainName for d in (result.domains.Domain if result.domains is not None else [])]


def name_is(name):
    return {'Attribute': 'DomainName', 'Operator': 'Is', 'Value': name}


def test_generated_domains_are_there_with_shared_contacts_and_name_servers(service, session):
    names = search(service, session, [{'Attribute': 'DomainName', 'Operator': 'Like', 'Value': 'bench-%'}])
    assert names == ['bench-%05d.com' % n for n in range(1, GENERATED + 1)]
    domains = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': {'Clause': [
        {'Attribute': 'DomainName', 'Operator': 'Like', 'Value': 'bench-%'}]}}).domains.Domain
    assert set(d.Registrant.Handle for d in domains) == {'SBXR-BENCH'}
    assert set(d.AdminContact.Handle for d in domains) == set(d.BillingContact.Handle for d in domains) == {'SBXC-BENCH-ADMIN'}
    assert len(set(d.NameServers.NameServer1.HostName for d in domains)) == 2
    assert set(d.Status.split(',')[0] for d in domains) == {'ACTIVE', 'EXPIRING'}
    assert len(set(d.ExpDate for d in domains)) == GENERATED
    # The seed is still there.
    assert search(service, session, [name_is('example.com')]) == ['example.com']


def test_mode_any_is_or_and_strict_is_and(service, session):
    clauses = [name_is('bench-00002.com'), name_is('bench-00001.com'), name_is('nosuch.example')]
    assert search(service, session, clauses, mode='Any') == ['bench-00001.com', 'bench-00002.com']
    assert search(service, session, clauses, mode='Strict') == []
    assert search(service, session, [name_is('bench-00001.com'), {'Attribute': 'Status', 'Operator': 'Is', 'Value': 'ACTIVE'}]) == [
        'bench-00001.com']


def test_tld_search_leaves_out_deleted_domains_only_when_asked(service, session):
    every = search(service, session, [{'Attribute': 'DomainName', 'Operator': 'Like', 'Value': '%.example'}])
    live = search(service, session, [{'Attribute': 'DomainName', 'Operator': 'Like', 'Value': '%.example'}],
                  Withoutstates={'string': ['DELETED']})
    assert 'deleted.example' in every and 'deleted.example' not in live
    assert set(live) < set(every)


def test_search_order_pages_are_slices_of_one_sorted_result(service, session):
    sent = []
    for number in range(1, 6):
        name = 'bench-%05d.com' % number
        order = service.CreateOrder(sessionId=session, order={'Type': 'Nameserver_Update', 'Domain': {
            'DomainName': name, 'NameServers': {'NameServer1': {'HostName': 'ns9.example.net'}}}})
        assert order.CreateOrderResult.ResultCode == 200
        sent.append(order.order.OrderId)
    request = {'OrderTypes': {'OrderType': ['Nameserver_Update']}, 'OrderStatusTypes': {'OrderStatusType': ['Received', 'Processing']},
               'OrderSort': 'CreDateAsc'}
    pages = []
    for index in (1, 2, 3, 4):
        result = service.SearchOrder(sessionId=session, orderRequest=dict(request, PageInfo={'PageIndex': index, 'PageSize': 2}))
        assert result.totalOrders == 5
        pages.append([o.OrderId for o in (result.orders.Order if result.orders is not None else [])])
    assert pages == [sent[0:2], sent[2:4], sent[4:5], []]
    since = service.SearchOrder(sessionId=session, orderRequest={'OrderTypes': {'OrderType': ['Nameserver_Update']},
                                                                 'FromDate': time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(time.time() + 3600))})
    assert since.totalOrders == 0


def test_latency_delays_every_answer_and_concurrent_requests_overlap():
    with Sandbox('ascio', seed=SEED, extra_args=['--latency', str(LATENCY)]) as box:
        service = ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, box.url, True, 10)
        started = time.monotonic()
        session = service.LogIn(session={'Account': 'demo', 'Password': 'demo-password'}).sessionId
        assert time.monotonic() - started >= LATENCY
        took = []

        def one():
            begin = time.monotonic()
            service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': {'Clause': [name_is('example.com')]}})
            took.append(time.monotonic() - begin)

        threads = [threading.Thread(target=one) for _thread in range(4)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(took) == 4 and min(took) >= LATENCY
        # Four answers waited at the same time, not one after another.
        assert time.monotonic() - started < 3 * LATENCY


@pytest.mark.parametrize('args', [['--generate', '-1'], ['--generate', '100000']])
def test_a_bad_generate_count_is_refused_at_start(args):
    run = subprocess.run([sys.executable, '-m', 'sandbox.ascio', '--port', '0'] + args, cwd=ROOT,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, check=False)
    assert run.returncode == 2
    assert '--generate takes 0 to 99999 domains' in run.stderr
