# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The contacts module's translation of its options into the declared domain."""
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import CONTACT_ROLES, Domain
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan
from ansible_collections.domainops.registrar.plugins.modules import contacts

PARAMS = dict(dict.fromkeys(CONTACT_ROLES), name='Example.COM', provider='autodns', update_contacts_in_place=True,
              confirm_owner_consent=False, owner_change_route=None)


def test_roles_become_contacts_and_registrar_options_travel_with_them():
    desired = contacts.desired_domain(dict(PARAMS, tech={'handle': '12345'}, registrant={'email': 'Owner@Example.com'}))
    assert desired.name == 'example.com'
    assert sorted(desired.contacts) == ['registrant', 'tech']
    assert desired.contacts['tech'].handle == '12345'
    assert desired.registrar_options == {'update_contacts_in_place': True, 'confirm_owner_consent': False}


def test_what_the_module_declares_is_planned_only_as_the_aspects_it_manages():
    desired = contacts.desired_domain(dict(PARAMS, admin={'handle': '1'}))
    changes = plan(Domain('example.com'), desired)
    assert [c.aspect for c in changes] == [aspects.CONTACTS]
    assert aspects.shown_keys((aspects.REGISTRANT, aspects.CONTACTS)) == ('contacts',)
