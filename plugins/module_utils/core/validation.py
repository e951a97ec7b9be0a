# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Input checks and normalisation, done before anything is sent to a registrar."""
import ipaddress
import re

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Nameserver

try:
    import idna  # IDNA 2008; installed with requests
    HAS_IDNA = True
except ImportError:  # pragma: no cover - requests always brings it
    HAS_IDNA = False

_LABEL = re.compile(r'(?!-)[a-z0-9-]{1,63}(?<!-)')
NAMESERVER_KEYS = ('name', 'ipv4', 'ipv6')


def _check_label(label, what, name):
    """An A-label must decode to a valid U-label; other labels must not look like one (RFC 5891 4.2.3.1)."""
    if label.startswith('xn--'):
        try:
            if HAS_IDNA:
                idna.decode(label)
            else:  # pragma: no cover
                label.encode('ascii').decode('idna')
        except (UnicodeError, ValueError) as exc:
            raise InputError('%s %r: %r is not a valid internationalised label (A-label): %s'
                             % (what, name, label, exc))
    elif label[2:4] == '--':
        raise InputError('%s %r: %r has "--" in the third and fourth position, which only IDN labels '
                         '(xn--) may have' % (what, name, label))


def to_ascii(name, what='domain name'):
    """Lower-case ASCII form of a host or domain name; IDNs become punycode (xn--)."""
    if not isinstance(name, str) or not name.strip():
        raise InputError('%s must be a non-empty string, got %r' % (what, name))
    text = name.strip().lower()
    # One trailing dot is the DNS root; more would be empty labels.
    if text.endswith('.'):
        text = text[:-1]
    if not text.isascii():
        try:
            if HAS_IDNA:
                text = idna.encode(text, uts46=True).decode('ascii')
            else:
                text = text.encode('idna').decode('ascii')
        except (UnicodeError, ValueError) as exc:
            raise InputError('%s %r is not a valid internationalised name: %s' % (what, name, exc))
    labels = text.split('.')
    if len(text) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise InputError('%s %r is not valid: expected labels of letters, digits and hyphens '
                         'separated by dots, e.g. "example.com"' % (what, name))
    if labels[-1].isdigit():
        raise InputError('%s %r is not valid: the top-level label cannot be numeric' % (what, name))
    for label in labels:
        _check_label(label, what, name)
    return text


def domain_name(name):
    return to_ascii(name, 'domain name')


def _ip(value, version, host):
    if value is None or value == '':
        return None
    try:
        address = ipaddress.ip_address(str(value).strip())
    except ValueError:
        raise InputError('name server %s: %r is not a valid IPv%d address' % (host, value, version))
    if address.version != version:
        raise InputError('name server %s: %r is not an IPv%d address' % (host, value, version))
    # Glue must be reachable from the Internet: a unicast address that is not special-purpose.
    # (Private and documentation ranges are left to the registry.)
    kind = ('unspecified' if address.is_unspecified else 'loopback' if address.is_loopback
            else 'multicast' if address.is_multicast else 'link-local' if address.is_link_local
            else 'reserved' if address.is_reserved else None)
    if kind:
        raise InputError('name server %s: %s is not an address a name server can be reached at (%s); '
                         'give its public IPv%d address' % (host, address.compressed, kind, version))
    return address.compressed


def is_subordinate(host, domain):
    """True when ``host`` lies inside ``domain`` and so needs glue addresses."""
    return host == domain or host.endswith('.' + domain)


def nameservers(entries, domain, allow_single=False, maximum=None):
    """Normalise a declared name server list (host names or {name, ipv4, ipv6}).

    ``maximum`` is the registrar's limit (its PROVIDER.capabilities.max_nameservers), None for none known.
    """
    if not isinstance(entries, (list, tuple)):
        raise InputError('nameservers must be a list')
    result = []
    seen = set()
    for entry in entries:
        if isinstance(entry, str):
            entry = {'name': entry}
        if not isinstance(entry, dict) or not entry.get('name'):
            raise InputError('each name server must be a host name or a dict with a name, got %r' % (entry,))
        unknown = sorted(set(entry) - set(NAMESERVER_KEYS))
        if unknown:
            raise InputError('name server %s: unknown key(s) %s; a name server has only %s'
                             % (entry['name'], ', '.join(map(str, unknown)), ', '.join(NAMESERVER_KEYS)))
        host = to_ascii(entry['name'], 'name server host name')
        if host in seen:
            raise InputError('name server %s is listed twice' % host)
        seen.add(host)
        ns = Nameserver(host, _ip(entry.get('ipv4'), 4, host), _ip(entry.get('ipv6'), 6, host))
        if is_subordinate(host, domain):
            if not (ns.ipv4 or ns.ipv6):
                raise InputError('name server %s lies inside %s itself and needs a glue address: '
                                 'give ipv4 and/or ipv6' % (host, domain))
        elif ns.ipv4 or ns.ipv6:
            # Registries ignore or reject glue for hosts outside the domain; say so instead.
            raise InputError('name server %s is outside %s: glue addresses (ipv4/ipv6) are only '
                             'for name servers inside the domain' % (host, domain))
        result.append(ns)
    minimum = 1 if allow_single else 2
    if len(result) < minimum:
        raise InputError('%d name server(s) given; registries require at least two '
                         '(set allow_single_nameserver to accept fewer)' % len(result)
                         if not allow_single else 'at least one name server is required')
    if maximum is not None and len(result) > maximum:
        raise InputError('%d name servers given; at most %d are supported' % (len(result), maximum))
    return tuple(result)
