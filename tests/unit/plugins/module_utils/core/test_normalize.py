# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The shared normal forms: what the registrars answer and what a task declares compare equal when they mean the same."""
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Nameserver
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan


def test_text_and_host_names():
    assert normalize.text('  Example A/S ') == 'Example A/S'
    assert normalize.text('   ') is None and normalize.text(None) is None
    assert normalize.host_name('NS1.Example.COM.') == 'ns1.example.com'


def test_contact_fields_compare_as_the_registrars_hold_them():
    assert normalize.contact_field('email', ' Owner@Example.COM') == 'owner@example.com'
    assert normalize.contact_field('country', 'dk') == 'DK'
    assert normalize.contact_field('address', ['Street 1 ', '', ' ']) == ('Street 1',)
    assert normalize.contact_field('city', None) is None


def test_a_domain_that_differs_only_in_normal_form_needs_nothing():
    current = Domain('example.com', nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
                     contacts={'tech': Contact(email='tech@example.com', country='DK', address=('Street 1',))})
    desired = DesiredDomain('example.com', nameservers=(Nameserver('A.NS14.net.'), Nameserver('b.ns14.net')),
                            contacts={'tech': Contact(email='Tech@Example.com', country='dk', address=('Street 1', ''))})
    assert plan(current, desired) == []
