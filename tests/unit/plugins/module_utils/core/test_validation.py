# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError


def test_idn_becomes_punycode_and_names_are_normalised():
    assert validation.domain_name('Müller.DE.') == 'xn--mller-kva.de'
    assert validation.domain_name(' Example.COM ') == 'example.com'


@pytest.mark.parametrize('bad', ['', 'example', '-bad.com', 'bad-.com', 'a..com', 'exa mple.com', 'x' * 64 + '.com', '1.2.3.4'])
def test_invalid_domain_names_are_refused(bad):
    with pytest.raises(InputError):
        validation.domain_name(bad)


def test_nameserver_forms_and_glue():
    result = validation.nameservers(['A.NS14.net.', {'name': 'ns1.example.com', 'ipv4': '192.0.2.1', 'ipv6': '2001:DB8::1'}],
                                    'example.com')
    assert [(n.name, n.ipv4, n.ipv6) for n in result] == [
        ('a.ns14.net', None, None), ('ns1.example.com', '192.0.2.1', '2001:db8::1')]


@pytest.mark.parametrize('entries,message', [
    (['a.ns14.net'], 'at least two'),
    (['a.ns14.net', 'ns1.example.com'], 'needs a glue address'),
    (['a.ns14.net', {'name': 'b.ns14.net', 'ipv4': '192.0.2.1'}], 'outside'),
    (['a.ns14.net', {'name': 'ns1.example.com', 'ipv4': '300.1.1.1'}], 'not a valid IPv4'),
    (['a.ns14.net', {'name': 'ns1.example.com', 'ipv6': '192.0.2.1'}], 'not an IPv6'),
    (['a.ns14.net', 'a.ns14.net'], 'listed twice'),
    (['a.ns14.net', 'bad_host.net'], 'not valid'),
])
def test_bad_nameservers_fail_with_a_clear_message(entries, message):
    with pytest.raises(InputError, match=message):
        validation.nameservers(entries, 'example.com')


def test_single_nameserver_only_when_allowed():
    assert len(validation.nameservers(['a.ns14.net'], 'example.com', allow_single=True)) == 1


@pytest.mark.parametrize('bad, message', [
    ('xn--a.com', 'not a valid internationalised label'),
    ('ab--cd.com', '"--" in the third and fourth position'),
    ('example.com...', 'is not valid'),
    ('example.com..', 'is not valid'),
])
def test_invalid_a_labels_reserved_hyphens_and_extra_dots_are_refused(bad, message):
    with pytest.raises(InputError, match=message):
        validation.domain_name(bad)


def test_one_trailing_dot_and_real_a_labels_are_accepted():
    assert validation.domain_name('example.com.') == 'example.com'
    assert validation.domain_name('xn--mller-kva.de') == 'xn--mller-kva.de'


@pytest.mark.parametrize('address, kind', [
    ('0.0.0.0', 'unspecified'), ('127.0.0.1', 'loopback'), ('224.0.0.1', 'multicast'), ('169.254.10.1', 'link-local'),
    ('255.255.255.255', 'reserved'), ('::', 'unspecified'), ('::1', 'loopback'), ('ff02::1', 'multicast'),
    ('fe80::1', 'link-local'),
])
def test_glue_that_no_name_server_can_be_reached_at_is_refused(address, kind):
    key = 'ipv6' if ':' in address else 'ipv4'
    with pytest.raises(InputError, match=r'not an address a name server can be reached at \(%s\)' % kind):
        validation.nameservers(['a.ns14.net', {'name': 'ns1.example.com', key: address}], 'example.com')


def test_unknown_keys_in_a_name_server_entry_are_refused():
    with pytest.raises(InputError, match=r'unknown key\(s\) ip; a name server has only name, ipv4, ipv6'):
        validation.nameservers(['a.ns14.net', {'name': 'ns1.example.com', 'ip': '192.0.2.1'}], 'example.com')
