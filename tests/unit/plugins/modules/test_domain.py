# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The domain module's translation of its options: input checks (an empty auth code must not turn a transfer
into a registration), registrar-only options that travel with the declared state, the aspects it manages."""
import pytest

from ansible_collections.domainops.registrar.plugins.module_utils import declaration
from ansible_collections.domainops.registrar.plugins.module_utils.connection import connection_settings
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan
from ansible_collections.domainops.registrar.plugins.modules import domain

PARAMS = dict(name='transfer-in.example', state='present', absent_action='expire', auth_code=None, new_auth_code=None,
              restore=False, period=1, nameservers=None, allow_single_nameserver=False, contacts=None,
              update_contacts_in_place=False, confirm_owner_consent=False, owner_change_route=None, autorenew=None, transfer_lock=None,
              delete_lock=None, update_lock=None, provider='autodns')


@pytest.mark.parametrize('option', ['auth_code', 'new_auth_code'])
@pytest.mark.parametrize('value', ['', '   '])
def test_an_empty_auth_code_is_refused(option, value):
    with pytest.raises(InputError, match='%s is empty' % option):
        domain.desired_domain(dict(PARAMS, **{option: value}))


def test_with_an_auth_code_a_missing_domain_is_transferred_not_registered():
    desired = domain.desired_domain(dict(PARAMS, auth_code='S0Lygv+ZkNbniICm'))
    assert [c.aspect for c in plan(None, desired)] == ['transfer']


def test_registrar_only_options_travel_with_the_declared_domain_not_with_the_connection():
    params = dict(PARAMS, confirm_owner_consent=True, owner_change_route='trade', username='u', password='p', context=4)
    desired = domain.desired_domain(params)
    assert desired.registrar_options == {'update_contacts_in_place': False, 'confirm_owner_consent': True,
                                         'owner_change_route': 'trade'}
    settings = connection_settings(params, {})
    assert not set(desired.registrar_options) & set(settings)


def test_the_domain_module_shows_what_it_showed_before_the_aspect_table_and_not_the_payable_date():
    # Renewal is the renew module's: the domain module shows the expiry, never the payable date.
    shown = {'nameservers', 'dnssec', 'contacts', 'locks', 'autorenew', 'expires', 'status', 'privacy'}
    assert set(aspects.shown_keys(declaration.DOMAIN_ASPECTS)) == shown
    assert aspects.RENEW not in declaration.DOMAIN_ASPECTS


def test_contact_fields_are_checked_as_ansible_checks_suboptions():
    # The domain module documents the contact fields once, so it checks them itself (module_options.role_fields).
    desired = domain.desired_domain(dict(PARAMS, contacts={'tech': {'handle': 12345, 'address': ['Street 1', '']}}))
    assert desired.contacts['tech'].handle == '12345' and desired.contacts['tech'].address == ('Street 1',)
    with pytest.raises(InputError, match=r'contacts\.admin: .*colour'):
        domain.desired_domain(dict(PARAMS, contacts={'admin': {'email': 'a@example.com', 'colour': 'blue'}}))
    with pytest.raises(InputError, match=r'contacts\.admin: .*address'):
        domain.desired_domain(dict(PARAMS, contacts={'admin': {'address': {'street': 'x'}}}))


@pytest.mark.parametrize('provider', ['ascio', 'autodns'])
def test_more_name_servers_than_the_registrar_takes_fail_before_any_request(provider):
    hosts = ['ns%d.example.net' % n for n in range(1, 15)]
    with pytest.raises(InputError, match='14 name servers given; at most 13 are supported'):
        domain.desired_domain(dict(PARAMS, provider=provider, nameservers=hosts))
    assert len(domain.desired_domain(dict(PARAMS, provider=provider, nameservers=hosts[:13])).nameservers) == 13


def test_the_registrar_limits_apply_when_the_provider_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv('DOMAINOPS_PROVIDER', 'ascio')
    with pytest.raises(InputError, match='3 address lines given; the registrar holds at most 2'):
        domain.desired_domain(dict(PARAMS, provider=None, contacts={'admin': {'address': ['1', '2', '3']}}))


def test_dnssec_is_checked_before_connecting_and_an_empty_list_removes_all():
    assert domain.desired_domain(PARAMS).dnssec is None
    assert domain.desired_domain(dict(PARAMS, dnssec=[])).dnssec == ()
    bad = {'key_tag': 1, 'algorithm': 13, 'digest_type': 2, 'digest': 'AB' * 10, 'flags': None, 'protocol': None,
           'public_key': None}
    with pytest.raises(InputError, match='a SHA-256 digest .digest_type 2. has 64 hex characters, this one has 20'):
        domain.desired_domain(dict(PARAMS, dnssec=[bad]))
