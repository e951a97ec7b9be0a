# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Syntax checks for domain names, host names and IP addresses."""
import ipaddress
import re

_LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')


def normalize(name):
    return (name or '').strip().lower()


def name_problem(name, what='host name'):
    """None when ``name`` is a valid LDH (or punycode) name of at least two labels."""
    if not name:
        return 'the %s is empty' % what
    try:
        name.encode('ascii')
    except UnicodeEncodeError:
        return '%s %r is not ASCII; send IDNs in punycode (xn--...)' % (what, name)
    if name.endswith('.'):
        return '%s %r must not end with a dot' % (what, name)
    if len(name) > 253:
        return '%s %r is longer than 253 characters' % (what, name)
    labels = name.lower().split('.')
    if len(labels) < 2:
        return '%s %r needs at least two labels' % (what, name)
    for label in labels:
        if not _LABEL.match(label):
            return '%s %r has an invalid label %r' % (what, name, label)
        if label[2:4] == '--' and not label.startswith('xn--'):
            return '%s %r has a label with "--" in positions 3-4 that is not punycode' % (what, name)
    if labels[-1].isdigit():
        return '%s %r has a numeric top-level label' % (what, name)
    return None


def ipv4_problem(text):
    try:
        ipaddress.IPv4Address(text.strip())
    except (ipaddress.AddressValueError, AttributeError):
        return 'IpAddress %r is not an IPv4 address' % (text,)
    return None


def ipv6_problem(text):
    try:
        ipaddress.IPv6Address(text.strip())
    except (ipaddress.AddressValueError, AttributeError):
        return 'IpV6Address %r is not an IPv6 address' % (text,)
    return None


def in_bailiwick(host, domain):
    """True when ``host`` is the domain itself or below it (glue is needed)."""
    host, domain = normalize(host), normalize(domain)
    return host == domain or host.endswith('.' + domain)
