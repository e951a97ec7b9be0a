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
