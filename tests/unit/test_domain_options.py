"""The domain module's own input checks: an empty auth code must not turn a transfer into a registration."""
import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan
from ansible_collections.domainops.registrar.plugins.modules import domain

PARAMS = dict(name='transfer-in.example', state='present', absent_action='expire', auth_code=None, new_auth_code=None,
              restore=False, period=1, nameservers=None, allow_single_nameserver=False, contacts=None,
              update_contacts_in_place=False, confirm_owner_consent=False, autorenew=None, transfer_lock=None,
              delete_lock=None, update_lock=None, provider='autodns')


@pytest.mark.parametrize('option', ['auth_code', 'new_auth_code'])
@pytest.mark.parametrize('value', ['', '   '])
def test_an_empty_auth_code_is_refused(option, value):
    with pytest.raises(InputError, match='%s is empty' % option):
        domain.desired_domain(dict(PARAMS, **{option: value}))


def test_with_an_auth_code_a_missing_domain_is_transferred_not_registered():
    desired = domain.desired_domain(dict(PARAMS, auth_code='S0Lygv+ZkNbniICm'))
    assert [c.aspect for c in plan(None, desired)] == ['transfer']
