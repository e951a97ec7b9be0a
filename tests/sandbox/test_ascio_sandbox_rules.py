# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio sandbox as a judge of Ascio's domain rules (docs/reference/ascio-rules.json).

Locks refuse what Ascio says they refuse, the Status carries the lock tokens, a deleted
domain is found unless Withoutstates leaves it out, and a Nameserver_Update works slot by slot.
"""
import json
import os
import re

import pytest
from test_ascio_sandbox import _start, code_of, create, get_domain, ns, run_order, values_of  # noqa: F401 - fixtures and helpers of the sandbox's own tests

from plugins.module_utils.ascio import api as ascio_api

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope='module')
def sandbox(tmp_path_factory):
    box = _start(tmp_path_factory, 'ascio-rules')
    yield box
    box.stop()


@pytest.fixture(scope='module')
def service(sandbox):
    return ascio_api.get_client(ascio_api.BUNDLED_WSDL_URL, sandbox.url, True, 10)


@pytest.fixture(scope='module')
def session(service):
    return service.LogIn(session={'Account': 'demo', 'Password': 'demo-password'}).sessionId


def refusal(result):
    assert code_of(result, 'CreateOrder') == 400
    assert result.CreateOrderResult.Message == 'Order not validated'
    return values_of(result, 'CreateOrder')


def test_the_sandbox_imports_nothing_from_plugins_in_its_domain_logic():
    for name in ('orders', 'state', 'operations', 'processing', 'hosts', 'journal'):
        with open(os.path.join(ROOT, 'sandbox', 'ascio', name + '.py'), encoding='utf-8') as handle:
            assert not re.search(r'^\s*(from|import)\s+\S*plugins', handle.read(), re.M), name


def test_the_status_carries_a_token_per_lock(service, session):
    assert get_domain(service, session, 'example.com').Status == 'ACTIVE, TRANSFER_LOCK, DELETE_LOCK'
    assert get_domain(service, session, 'example.org').Status == 'EXPIRING, UPDATE_LOCK'
    assert get_domain(service, session, 'example.net').Status == 'ACTIVE'


@pytest.mark.parametrize('order_type, domain', [
    ('Renew_Domain', {'RegPeriod': 1}),
    ('Unexpire_Domain', {}),
    ('Nameserver_Update', {'NameServers': ns('a.ns14.net', 'b.ns14.net')}),
])
def test_an_update_lock_refuses_every_order_but_change_locks(service, session, order_type, domain):
    reasons = refusal(create(service, session, order_type, dict(domain, DomainName='example.org')))
    assert any('UpdateLock' in reason for reason in reasons), reasons


@pytest.mark.parametrize('order_type', ['Expire_Domain', 'Delete_Domain'])
def test_a_delete_lock_refuses_expiry_and_deletion(service, session, order_type):
    reasons = refusal(create(service, session, order_type, {'DomainName': 'example.com'}))
    assert any('DeleteLock' in reason for reason in reasons), reasons


def test_an_omitted_slot_keeps_its_server_an_empty_one_is_cleared(service, session):
    # example.net: ns1.example.org, ns2.example.org.
    order = run_order(service, session, 'Nameserver_Update', {
        'DomainName': 'example.net', 'NameServers': {'NameServer1': {'HostName': 'a.ns14.net'}}})
    assert order.Status == 'Completed'
    servers = get_domain(service, session, 'example.net').NameServers
    assert (servers.NameServer1.HostName, servers.NameServer2.HostName) == ('a.ns14.net', 'ns2.example.org')
    order = run_order(service, session, 'Nameserver_Update', {'DomainName': 'example.net', 'NameServers': {
        'NameServer1': {'HostName': 'a.ns14.net'}, 'NameServer2': {'HostName': 'b.ns14.net'},
        'NameServer3': {'HostName': 'c.ns14.net'}}})
    assert order.Status == 'Completed'
    order = run_order(service, session, 'Nameserver_Update', {'DomainName': 'example.net', 'NameServers': dict(
        ns('a.ns14.net', 'b.ns14.net'), NameServer3={'HostName': ''})})
    assert order.Status == 'Completed'
    servers = get_domain(service, session, 'example.net').NameServers
    assert [servers.NameServer1.HostName, servers.NameServer2.HostName, servers.NameServer3] == [
        'a.ns14.net', 'b.ns14.net', None]


def test_change_locks_passes_an_update_lock_and_the_tokens_follow(service, session):
    assert run_order(service, session, 'Change_Locks', {'DomainName': 'example.org', 'UpdateLock': 'Unlock'}).Status \
        == 'Completed'
    assert get_domain(service, session, 'example.org').Status == 'EXPIRING'
    assert run_order(service, session, 'Renew_Domain', {'DomainName': 'example.org', 'RegPeriod': 1}).Status \
        == 'Completed'
    assert run_order(service, session, 'Change_Locks', {'DomainName': 'example.org', 'UpdateLock': 'Lock'}).Status \
        == 'Completed'
    assert get_domain(service, session, 'example.org').Status == 'EXPIRING, UPDATE_LOCK'


def test_a_deleted_domain_is_found_unless_withoutstates_leaves_it_out(service, session):
    clauses = {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': 'deleted.example'}]}
    found = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': clauses})
    assert [d.Status for d in found.domains.Domain] == ['DELETED']
    found = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Clauses': clauses,
                                                              'Withoutstates': {'string': ['deleted']}})
    assert found.domains is None or not found.domains.Domain
    found = service.SearchDomain(sessionId=session, criteria={'Mode': 'Strict', 'Withstates': {'string': ['UPDATE_LOCK']}})
    assert [d.DomainName for d in found.domains.Domain] == ['example.org']


def test_the_rules_the_sandbox_applies_are_the_reference_data():
    from sandbox.ascio import orders, state
    with open(os.path.join(ROOT, 'docs', 'reference', 'ascio-rules.json'), encoding='utf-8') as handle:
        reference = json.load(handle)
    assert state.RULES == reference
    assert orders.DELETE_LOCKED == tuple(reference['lock_blocks_order']['DeleteLock']['blocks'])
    assert orders.NAMESERVER_SLOTS == reference['nameserver_slots']['slots']
