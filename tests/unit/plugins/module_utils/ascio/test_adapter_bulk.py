# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AscioAdapter's bulk reads against the Ascio sandbox (seed plus ``--generate``), counted in its journal.

What a portfolio run relies on: the domains read in bulk are exactly those ``get_domain`` reads
(and those GetDomain returns), absence is never taken from a batch, pending orders of many
domains come from one paged SearchOrder, and many orders are followed with one status read.
"""
import json
import math
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.adapter import AscioAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
SEED = os.path.join(ROOT, 'sandbox', 'seeds', 'ascio.yml')
SEEDED = ['example.com', 'example.net', 'example.org', 'xn--bcher-kva.example']
GENERATED = 30

try:
    from sandbox.launcher import Sandbox
    HAVE_SANDBOX = os.path.exists(os.path.join(ROOT, 'sandbox', 'ascio', '__main__.py'))
except ImportError:  # pragma: no cover
    HAVE_SANDBOX = False

pytestmark = pytest.mark.skipif(not HAVE_SANDBOX, reason='the Ascio sandbox (sandbox/ascio) is not there')


def bench(number):
    return 'bench-%05d.com' % number


class Box:
    def __init__(self, tmp_path, delay=0.2, generate=GENERATED, seed=SEED, order_paging='page_number'):
        self.journal_path = str(tmp_path / 'ascio-journal.jsonl')
        self.order_paging = order_paging
        self.sandbox = Sandbox('ascio', seed=seed, journal=self.journal_path,
                               extra_args=['--order-delay', str(delay), '--generate', str(generate),
                                           '--order-paging', order_paging])

    def adapter(self, **settings):
        base = dict(provider='ascio', username='demo', password='demo-password', api_url=self.sandbox.url, wsdl='bundled',
                    validate_certs=True, timeout=20)
        base.update(settings)
        return AscioAdapter(base)

    def journal(self):
        with open(self.journal_path) as handle:
            return [json.loads(line) for line in handle if line.strip()]

    def count(self, operation):
        return sum(1 for entry in self.journal() if entry['operation'] == operation)

    def forget(self):
        """Start counting afresh."""
        open(self.journal_path, 'w').close()


@pytest.fixture
def box(tmp_path):
    running = Box(tmp_path)
    yield running
    running.sandbox.stop()


@pytest.fixture(params=['page_number', 'record_offset'])
def slow_box(request, tmp_path):
    # Both public readings of SearchOrder's PageIndex (docs/reference/ascio-rules.json bulk_reads.search_order.paging).
    running = Box(tmp_path, delay=3.0, generate=8, order_paging=request.param)
    yield running
    running.sandbox.stop()


def names_of_all():
    return SEEDED + [bench(n) for n in range(1, GENERATED + 1)]


def test_bulk_domains_equal_what_get_domain_and_get_domain_reads(box):
    names = names_of_all()
    adapter = box.adapter(search_batch=10)
    box.forget()
    bulk = adapter.get_domains(names)
    assert list(bulk) == names
    # ceil(34 / 10) searches, no GetDomain: the search results carry the whole domain.
    assert box.count('SearchDomain') == math.ceil(len(names) / 10.0)
    assert box.count('GetDomain') == 0
    for name in names:
        assert bulk[name] is not None and bulk[name].name == name
        assert adapter.get_domain(name) == bulk[name]
        handle = bulk[name].registrar_data['handle']
        assert read.found_domain(adapter.client.request('GetDomain', domainHandle=handle)) == bulk[name]
    adapter.close()


def test_generated_domains_vary_and_share_contacts(box):
    adapter = box.adapter()
    domains = adapter.get_domains([bench(n) for n in range(1, GENERATED + 1)])
    assert set(d.autorenew for d in domains.values()) == {True, False}
    assert set(d.locks.transfer for d in domains.values()) == {True, False}
    assert len(set(d.expires for d in domains.values())) == GENERATED
    assert len(set(d.nameservers for d in domains.values())) == 2
    assert set(d.contacts['registrant'].handle for d in domains.values()) == {'SBXR-BENCH'}
    assert set(d.contacts['tech'].handle for d in domains.values()) == {'SBXC-BENCH-TECH'}
    adapter.close()


def test_absence_is_checked_alone_and_deleted_domains_are_absent(box):
    adapter = box.adapter()
    names = ['example.com', 'unknown-domain.example', 'deleted.example', 'old-twin.example', bench(1)]
    box.forget()
    found = adapter.get_domains(names)
    assert found['unknown-domain.example'] is None
    assert found['deleted.example'] is None and found['old-twin.example'] is None   # deleted, restorable or not
    assert found['example.com'].name == 'example.com' and found[bench(1)].name == bench(1)
    # One batch, then each name the batch did not return alone (Strict) before it counts as absent.
    assert box.count('SearchDomain') == 1 + 3
    adapter.close()


def test_names_are_matched_without_case_or_final_dot_and_repeats_are_read_once(box):
    adapter = box.adapter()
    box.forget()
    found = adapter.get_domains(['Example.COM.', 'example.com', bench(2)])
    assert list(found) == ['Example.COM.', 'example.com', bench(2)]
    assert found['Example.COM.'] == found['example.com'] == adapter.get_domain('example.com')
    assert box.count('SearchDomain') == 2        # one batch of two names, then get_domain's own
    adapter.close()


def test_one_search_per_name_and_get_domain_for_every_domain_when_asked(box):
    names = SEEDED + [bench(1), bench(2)]
    default = box.adapter().get_domains(names)
    adapter = box.adapter(search_batch=1, search_details='get_domain')
    box.forget()
    assert adapter.get_domains(names) == default
    assert box.count('SearchDomain') == len(names)
    assert box.count('GetDomain') == len(names)
    adapter.close()


def test_a_search_result_without_name_servers_is_read_with_get_domain(box, tmp_path):
    seed = tmp_path / 'seed.yml'
    seed.write_text('domains:\n'
                    '  - {DomainName: bare.example, Registrant: {Name: Jane Doe, Email: jane@example.com}}\n'
                    '  - {DomainName: full.example, Registrant: {Name: Jane Doe, Email: jane@example.com},\n'
                    '     NameServers: {NameServer1: {HostName: ns1.example.net}}}\n')
    (tmp_path / 'other').mkdir()
    other = Box(tmp_path / 'other', generate=0, seed=str(seed))
    try:
        adapter = other.adapter()
        other.forget()
        found = adapter.get_domains(['bare.example', 'full.example'])
        assert found['bare.example'].nameservers == () and found['full.example'].nameservers[0].name == 'ns1.example.net'
        assert other.count('SearchDomain') == 1
        assert other.count('GetDomain') == 1     # bare.example only
        adapter.close()
    finally:
        other.sandbox.stop()


def test_list_domains_by_tld_and_pattern(box):
    adapter = box.adapter()
    box.forget()
    everything = adapter.list_domains()
    assert box.count('SearchDomain') == 1 and box.count('GetDomain') == 0
    names = [d.name for d in everything]
    assert names == sorted(SEEDED + [bench(n) for n in range(1, GENERATED + 1)])   # the deleted ones left out
    assert everything == [adapter.get_domain(name) for name in names]
    box.forget()
    listed = adapter.list_domains(tlds=['com', '.EXAMPLE'], pattern='*example*')
    assert box.count('SearchDomain') == 2
    assert [d.name for d in listed] == ['example.com', 'xn--bcher-kva.example']
    assert [d.name for d in adapter.list_domains(tlds=['org'])] == ['example.org']
    assert [d.name for d in adapter.list_domains(pattern='bench-0000?.com')] == [bench(n) for n in range(1, 10)]
    adapter.close()


def nameserver_change(name, *hosts):
    return DesiredDomain(name, nameservers=validation.nameservers(list(hosts), name))


def submit_nameserver_changes(adapter, names):
    sent = []
    for name in names:
        current = adapter.get_domain(name)
        operation = adapter.operations(current, plan(current, nameserver_change(name, 'ns7.example.net', 'ns8.example.net')))[0]
        sent.append(adapter.submit(operation))
    return sent


def test_pending_orders_of_many_domains_in_one_paged_search(slow_box):
    first = slow_box.adapter()
    changed = [bench(n) for n in (1, 2, 3, 5, 8)]
    sent = submit_nameserver_changes(first, changed)
    first.close()

    second = slow_box.adapter(order_page_size=2)      # the next run, with small pages
    names = [bench(n) for n in range(1, 9)] + ['example.com']
    slow_box.forget()
    sent_page_indexes = []
    send = second.client.request

    def request(operation, **members):
        if operation == 'SearchOrder':
            sent_page_indexes.append(members['orderRequest']['PageInfo']['PageIndex'])
        return send(operation, **members)

    second.client.request = request
    pending = second.pending_many(names, ['nameservers'])
    second.client.request = send
    assert list(pending) == names
    assert dict((name, [(p.operation, p.id) for p in found]) for name, found in pending.items() if found) == dict(
        (s.domain, [('Nameserver_Update', s.id)]) for s in sent)
    # 5 orders in pages of 2: three requests, whatever the number of names, and under either reading of PageIndex.
    assert slow_box.count('SearchOrder') == 3
    assert sent_page_indexes == ([1, 2, 3] if slow_box.order_paging == 'page_number' else [1, 2, 4])
    assert second.pending_many(names, ['autorenew']) == dict((name, []) for name in names)
    assert second.pending_many([bench(4)], ['nameservers']) == {bench(4): []}
    second.close()


def test_many_orders_are_followed_with_one_status_read_per_look(slow_box):
    adapter = slow_box.adapter()
    names = [bench(n) for n in (1, 2, 3, 4)]
    sent = submit_nameserver_changes(adapter, names)
    slow_box.forget()
    looked = adapter.refresh_many(sent)
    assert [s.id for s in looked] == [s.id for s in sent]
    assert [s.domain for s in looked] == names and not any(s.done for s in looked)
    assert slow_box.count('SearchOrder') == 1 and slow_box.count('GetOrder') == 0
    slow_box.forget()
    done = adapter.wait_many(sent, 15, interval=0.5)
    assert [s.status for s in done] == ['Completed'] * 4
    assert slow_box.count('GetOrder') == 0
    assert slow_box.count('SearchOrder') >= 1
    for name in names:
        assert plan(adapter.get_domain(name), nameserver_change(name, 'ns7.example.net', 'ns8.example.net')) == []
    # Orders this run did not see created are read with GetOrder, as one order is.
    other = slow_box.adapter()
    slow_box.forget()
    assert [s.status for s in other.refresh_many([adapter.order(s.id) for s in sent[:2]])] == ['Completed'] * 2
    assert slow_box.count('SearchOrder') == 0
    other.close()
    adapter.close()


def test_one_login_for_a_whole_portfolio_read(box):
    adapter = box.adapter(search_batch=7)
    box.forget()
    names = names_of_all()
    adapter.get_domains(names)
    adapter.pending_many(names, ['nameservers', 'contacts', 'locks'])
    adapter.list_domains()
    adapter.close()
    assert box.count('LogIn') == 1 and box.count('LogOut') == 1


def test_pages_that_repeat_the_orders_already_read_are_an_invalid_answer(box):
    # Neither reading of PageIndex answers a full page of orders already read: stopping there could
    # miss a pending order, and going on would never end.
    adapter = box.adapter(order_page_size=2)
    page = {'orders': {'Order': [{'OrderId': 'TEST1', 'Type': 'Nameserver_Update', 'Status': 'Received'},
                                 {'OrderId': 'TEST2', 'Type': 'Nameserver_Update', 'Status': 'Received'}]},
            'totalOrders': 9}
    adapter.client.request = lambda operation, **members: page
    with pytest.raises(RegistrarError, match='PageIndex 2 with 2 orders already read'):
        adapter.pending_many(['example.com', 'example.net'], ['nameservers'])


@pytest.mark.parametrize('settings', [{'search_batch': 0}, {'order_page_size': 'many'}, {'search_details': 'whois'}])
def test_bad_adapter_settings_are_input_errors(box, settings):
    with pytest.raises(InputError):
        box.adapter(**settings)


def test_a_failed_order_among_many_is_read_with_get_order_for_its_reasons(slow_box):
    adapter = slow_box.adapter()
    example = adapter.get_domain('example.com')
    contacts = dict((role, example.contacts[role]) for role in ('registrant', 'admin', 'tech', 'billing'))
    desired = DesiredDomain('transfer-me.example', auth_code='Wr0ng-Code!', contacts=contacts)
    transfer = adapter.operations(None, plan(None, desired))
    assert [op.name for op in transfer] == ['Transfer_Domain']
    sent = submit_nameserver_changes(adapter, [bench(1), bench(2)]) + [adapter.submit(transfer[0])]
    slow_box.forget()
    done = adapter.wait_many(sent, 15, interval=0.5)
    assert [(s.status, s.failed) for s in done] == [('Completed', False), ('Completed', False), ('Authentication_Failed', True)]
    # The failed one is read again with GetOrder: only its answer carries Ascio's reasons (Values).
    assert done[2].message.startswith('Authentication_Failed')
    assert slow_box.count('GetOrder') == 1
    adapter.close()
