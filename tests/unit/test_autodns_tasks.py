import datetime

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import tasks
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.adapter import read_domain
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

# DomainInfo answer data as in seed 004.
SEED_DOMAIN = {
    'name': 'example.com', 'payable': '2020-12-31T12:00:00.000+0200',
    'ownerc': {'id': 100}, 'adminc': {'id': 100}, 'techc': {'id': 100},
    'registryStatus': 'LOCK',
    'nameServers': [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}, {'name': 'c.ns14.net'}, {'name': 'd.ns14.net'}],
    'authinfo': 'J/w0Xpn66I87YVty', 'autoRenewStatus': 'TRUE', 'registrarStatus': 'ACTIVE',
}
TODAY = datetime.date(2020, 11, 25)


def test_seed_domain_info_reads_into_the_model():
    domain = read_domain(SEED_DOMAIN)
    assert [n.name for n in domain.nameservers] == ['a.ns14.net', 'b.ns14.net', 'c.ns14.net', 'd.ns14.net']
    assert domain.payable == datetime.date(2020, 12, 31)
    assert domain.contacts['registrant'].handle == '100' and domain.contacts['tech'].handle == '100'
    assert domain.autorenew is True and domain.locks.transfer is True
    assert domain.to_dict().get('auth_code') is None


def test_nameserver_change_is_one_domain_update_with_glue_as_ip_addresses():
    current = read_domain(SEED_DOMAIN)
    wanted = validation.nameservers(
        [{'name': 'ns1.example.com', 'ipv4': '192.0.2.1', 'ipv6': '2001:db8::1'}, 'a.ns14.net'], 'example.com')
    (op,) = tasks.operations(current, plan(current, DesiredDomain('example.com', nameservers=wanted), TODAY))
    assert op.name == 'PUT /domain/example.com'
    assert op.payload['body'] == {'name': 'example.com', 'nameServers': [
        {'name': 'ns1.example.com', 'ipAddresses': ['192.0.2.1', '2001:db8::1']}, {'name': 'a.ns14.net'}]}


def test_nameservers_and_autorenew_share_one_update():
    current = read_domain(SEED_DOMAIN)
    desired = DesiredDomain('example.com', nameservers=validation.nameservers(['a.ns14.net', 'b.ns14.net'], 'example.com'),
                            autorenew=False)
    ops = tasks.operations(current, plan(current, desired, TODAY))
    assert [op.name for op in ops] == ['PUT /domain/example.com']
    assert ops[0].payload['body']['autoRenewStatus'] == 'FALSE'
    assert ops[0].aspects == ('nameservers', 'autorenew')


def test_renew_carries_the_payable_date_exactly_as_reported():
    current = read_domain(SEED_DOMAIN)
    (op,) = tasks.operations(current, plan(current, DesiredDomain('example.com', renew=RenewPolicy(1, min_days_left=60)), TODAY))
    assert op.name == 'PUT /domain/example.com/_renew'
    assert op.payload['body'] == {'period': {'period': 1, 'unit': 'YEAR'}, 'payable': '2020-12-31T12:00:00.000+0200'}


def test_nothing_differs_no_task():
    current = read_domain(SEED_DOMAIN)
    desired = DesiredDomain('example.com', nameservers=validation.nameservers(
        ['D.ns14.net.', 'c.ns14.net', 'b.ns14.net', 'a.ns14.net'], 'example.com'))
    assert tasks.operations(current, plan(current, desired, TODAY)) == []
