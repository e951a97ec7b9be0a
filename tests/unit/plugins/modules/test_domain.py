"""The domain module's translation of its options: input checks (an empty auth code must not turn a transfer
into a registration), registrar-only options that travel with the declared state, the aspects it manages."""
import pytest

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
    assert set(aspects.shown_keys(domain.ASPECTS)) == {'nameservers', 'contacts', 'locks', 'autorenew', 'expires', 'status'}
    assert aspects.RENEW not in domain.ASPECTS
