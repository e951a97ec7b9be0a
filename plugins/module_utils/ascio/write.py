# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The planner's changes -> Ascio AWS v2 orders, without I/O.

One ``CreateOrder`` order (an ``Operation``) per change, with the ``Change_Locks`` orders
that the domain's locks make necessary around them (``with_lock_releases``), and the order
types a task must find pending before it sends anything (``pending_order_types``).

Payloads are plain dicts: zeep serialises them in schema order, which matters because the
service is WCF and silently ignores an element that comes out of order.

The registrant's Name is written so that ``read.split_name`` reads it back unchanged (see
``read``), so an identity comparison on first/last name is a comparison on ``Name``.
"""

import copy

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import consequences, rules
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.read import CONTACT_ELEMENTS, split_name, text_or_none
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED, Operation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import ASPECT_ORDER, contact_differences

COMMENT_PREFIX = 'domainops.registrar: '
MAX_NAMESERVERS = rules.NAMESERVER_SLOTS

# Contact_Update must carry at least these (Ascio's rule), changed or not.
CONTACT_UPDATE_REQUIRED = ('admin', 'tech', 'billing')


# The order types that may change what a task manages, keyed by the aspect table's names
# (core/aspects.py): one key per aspect, no other spelling.
_RENEWAL = ('Renew_Domain', 'Autorenew_Domain')
_EXISTENCE = ('Register_Domain', 'Transfer_Domain', 'Restore_Domain', 'Delete_Domain', 'Expire_Domain',
              'Unexpire_Domain')
# An order that a lock blocks is sent between a Change_Locks that releases the lock and one
# that restores it (see with_lock_releases): those are searched for too, so that a lock order
# left running by an earlier run is waited for, not sent again.
_LOCKS = ('Change_Locks',)
PENDING_ORDER_TYPES = {
    aspects.REGISTER: ('Register_Domain',),
    aspects.TRANSFER: ('Transfer_Domain',),
    aspects.RESTORE: ('Restore_Domain',),
    aspects.STATUS: _EXISTENCE + _LOCKS,     # the domain module: registration, transfer, restore, deletion
    aspects.REGISTRANT: ('Registrant_Details_Update', 'Owner_Change') + _LOCKS,
    aspects.CONTACTS: ('Registrant_Details_Update', 'Owner_Change', 'Contact_Update') + _LOCKS,
    aspects.NAMESERVERS: ('Nameserver_Update',) + _LOCKS,
    # DnsSecKeys travel in a Nameserver_Update (rules: dnssec).
    aspects.DNSSEC: ('Nameserver_Update',) + _LOCKS,
    aspects.AUTH_CODE: ('Update_AuthInfo',) + _LOCKS,
    aspects.AUTORENEW: ('Expire_Domain', 'Unexpire_Domain') + _LOCKS,
    aspects.PRIVACY: ('Domain_Details_Update',) + _LOCKS,
    # An expiry waits for a renewal still running (it decides the expiry date it would lapse at).
    aspects.EXPIRE: ('Expire_Domain', 'Unexpire_Domain') + _RENEWAL + _LOCKS,
    aspects.RENEW: _RENEWAL + _LOCKS,
    aspects.LOCKS: _LOCKS,
    aspects.UNLOCK: _LOCKS,
    aspects.DELETE: ('Delete_Domain',) + _LOCKS,
}

SUPPORTED_ASPECTS = ASPECT_ORDER


def pending_order_types(aspects):
    """The order types to search for, in OrderType order, for the aspects a task manages."""
    wanted = set()
    for aspect in aspects:
        wanted.update(PENDING_ORDER_TYPES.get(aspect, ()))
    everything = [t for types in PENDING_ORDER_TYPES.values() for t in types]
    return sorted(wanted, key=everything.index)


# ---------------------------------------------------------------------------------------
# Writing: changes -> orders
# ---------------------------------------------------------------------------------------

def join_name(first, last, as_read=None):
    """(first_name, last_name) -> Registrant.Name that ``split_name`` reads back unchanged."""
    first, last = text_or_none(first), text_or_none(last)
    if first is None and last is None:
        return None
    if as_read is not None and split_name(as_read) == (first, last):
        return as_read
    if first is None:
        candidates = [last, last + ',']
    elif last is None:
        candidates = []
    else:
        candidates = ['%s %s' % (first, last), '%s, %s' % (last, first)]
    for candidate in candidates:
        if split_name(candidate) == (first, last):
            return candidate
    raise InputError('Ascio keeps the registrant name as one Name ("first last" or "last, first"): '
                     'cannot write first_name=%r, last_name=%r so that it reads back the same; '
                     'give a last_name without a comma' % (first, last))


def _compact(data):
    return dict((k, v) for k, v in data.items() if v is not None)


def _address_lines(contact, role):
    """Address1, Address2. A known address is sent whole: an unused Address2 goes as '' so that
    a details update clears the old second line instead of keeping it."""
    if contact.address is None:
        return None, None
    lines = [line for line in contact.address if line and line.strip()]
    if len(lines) > 2:
        raise InputError('%s contact: Ascio holds at most two address lines, got %d' % (role, len(lines)))
    lines += [''] * (2 - len(lines))
    return lines


def registrant_element(contact, as_read=None, extra=None):
    """A core Contact as an Ascio Registrant."""
    address1, address2 = _address_lines(contact, 'registrant')
    element = dict(extra or {})
    element.update(_compact({
        'Handle': contact.handle,
        'Name': join_name(contact.first_name, contact.last_name, as_read),
        'OrgName': contact.organization,
        'Address1': address1, 'Address2': address2,
        'City': contact.city, 'State': contact.state, 'PostalCode': contact.postal_code,
        'CountryCode': contact.country, 'Email': contact.email, 'Phone': contact.phone, 'Fax': contact.fax,
        'RegistrantNumber': contact.registrant_number,
    }))
    return element


def contact_element(contact, role):
    """A core Contact as an Ascio Contact."""
    address1, address2 = _address_lines(contact, role)
    return _compact({
        'Handle': contact.handle,
        'FirstName': contact.first_name, 'LastName': contact.last_name, 'OrgName': contact.organization,
        'Address1': address1, 'Address2': address2,
        'PostalCode': contact.postal_code, 'City': contact.city, 'State': contact.state,
        'CountryCode': contact.country, 'Email': contact.email, 'Phone': contact.phone, 'Fax': contact.fax,
        'OrganisationNumber': contact.registrant_number,
    })


def _contact_elements(contacts):
    """The Domain elements for the non-registrant contacts of ``contacts``."""
    unknown = sorted(set(contacts) - set(role for role, _element in CONTACT_ELEMENTS) - set(['registrant']))
    if unknown:
        raise InputError('%s contact: not supported by this registrar (ascio has registrant, admin, tech, '
                         'billing, reseller)' % ', '.join(unknown))
    return dict((element, contact_element(contacts[role], role))
                for role, element in CONTACT_ELEMENTS if contacts.get(role) is not None)


def nameservers_element(nameservers, every_slot=False):
    """The NameServers element. ``every_slot``: the slots after the last server go with an
    empty HostName, which is how a Nameserver_Update removes a server; a slot left out keeps
    the server it holds (rules: nameserver_slots, as Ascio's WHMCS client sends them)."""
    if len(nameservers) > MAX_NAMESERVERS:
        raise InputError('Ascio holds at most %d name servers, got %d' % (MAX_NAMESERVERS, len(nameservers)))
    element = dict(('NameServer%d' % index, _compact({'HostName': ns.name, 'IpAddress': ns.ipv4,
                                                      'IpV6Address': ns.ipv6}))
                   for index, ns in enumerate(nameservers, 1))
    if every_slot:
        for index in range(len(nameservers) + 1, MAX_NAMESERVERS + 1):
            element['NameServer%d' % index] = {'HostName': ''}
    return element


# ---------------------------------------------------------------------------------------
# DNSSEC: DnsSecKey objects (CreateDnsSecKey) referenced from Domain.DnsSecKeys (rules: dnssec)
# ---------------------------------------------------------------------------------------

CREATE_DNSSEC_KEY = 'CreateDnsSecKey'


class NewDnsSecKey:
    """The Handle that the CreateDnsSecKey with the same number returns (known once it was sent)."""

    def __init__(self, number):
        self.number = number

    @property
    def label(self):
        return 'new DnsSecKey %d' % self.number

    def __eq__(self, other):
        return isinstance(other, NewDnsSecKey) and other.number == self.number

    def __hash__(self):
        return hash(('NewDnsSecKey', self.number))

    def __repr__(self):
        return 'NewDnsSecKey(%d)' % self.number


def _text(number):
    return None if number is None else str(number)


def dnssec_key_element(key):
    """A core DnssecKey as an Ascio DnsSecKey (the value formats of rules: dnssec.elements)."""
    return _compact({
        'DigestAlgorithm': _text(key.algorithm) if key.digest else None,
        'DigestType': rules.DIGEST_TYPE_NAMES.get(key.digest_type) if key.digest_type is not None else None,
        'Digest': key.digest,
        'Protocol': _text(key.protocol),
        'KeyType': _text(key.flags),
        'KeyAlgorithm': _text(key.algorithm) if key.public_key else None,
        'KeyTag': _text(key.key_tag),
        'PublicKey': key.public_key,
    })


def _dnssec_keys(current, keys):
    """(CreateDnsSecKey operations for the keys Ascio does not hold yet, the DnsSecKeys element).

    Every slot is sent: the keys by Handle (a new one by its NewDnsSecKey placeholder), the
    slots after them with an empty Handle, which removes the key there."""
    if len(keys) > rules.DNSSEC_SLOTS:
        raise InputError('dnssec: Ascio holds at most %d DNSSEC keys per domain (DnsSecKey1..%d), got %d'
                         % (rules.DNSSEC_SLOTS, rules.DNSSEC_SLOTS, len(keys)))
    known = current.registrar_data.get('dnssec_handles') or {}
    creates, element = [], {}
    for index, key in enumerate(keys, 1):
        handle = known.get(key.key())
        if handle is None:
            handle = NewDnsSecKey(len(creates) + 1)
            payload = {'dnsSecKey': dnssec_key_element(key)}
            creates.append(Operation(name=CREATE_DNSSEC_KEY, domain=current.name, aspects=(aspects.DNSSEC,),
                                     summary=dict(payload, creates=handle.label), payload=dict(payload, creates=handle)))
        element['DnsSecKey%d' % index] = {'Handle': handle}
    for index in range(len(keys) + 1, rules.DNSSEC_SLOTS + 1):
        element['DnsSecKey%d' % index] = {'Handle': ''}
    return creates, element


def fill_dnssec_handles(payload, created):
    """The order payload with each NewDnsSecKey replaced by the Handle ``created`` (number -> Handle) holds."""
    slots = (payload.get('Domain') or {}).get('DnsSecKeys')
    if not slots:
        return payload
    filled = dict(payload, Domain=dict(payload['Domain'], DnsSecKeys={}))
    for slot, entry in slots.items():
        handle = entry.get('Handle')
        if isinstance(handle, NewDnsSecKey):
            if handle.number not in created:
                raise KeyError(handle.label)
            handle = created[handle.number]
        filled['Domain']['DnsSecKeys'][slot] = {'Handle': handle}
    return filled


def lock_value(locked):
    if locked is None:
        return None
    return 'Lock' if locked else 'Unlock'


def redact(payload):
    """The payload as reported: every AuthInfo replaced, new DnsSecKeys named."""
    summary = copy.deepcopy(payload)
    domain = summary.get('Domain') or {}
    if domain.get('AuthInfo') is not None:
        domain['AuthInfo'] = REDACTED
    for entry in (domain.get('DnsSecKeys') or {}).values():
        if isinstance(entry.get('Handle'), NewDnsSecKey):
            entry['Handle'] = entry['Handle'].label
    return summary


def agreed_price(price_guard):
    """The guard's max_price as Ascio's AgreedPrice, an integer amount (rules: agreed_price.price_decimals)."""
    if not price_guard.fits(rules.PRICE_DECIMALS):
        raise InputError('max_price %s: Ascio takes the price of an order in whole amounts only (AgreedPrice is an '
                         'integer); give a whole amount' % price_guard.max_price)
    return int(price_guard.max_price)


def _operation(order_type, name, aspects, domain, comment=None, price_guard=None):
    payload = {
        'Type': order_type,
        'TransactionComment': COMMENT_PREFIX + (comment or ', '.join(aspects)),
        'Domain': domain,
    }
    if price_guard is not None:
        # The most the task pays (rules: agreed_price): Ascio takes the price of a premium domain in the
        # order, as an integer; module_options.price_guard refused a fraction before any request.
        payload['AgreedPrice'] = agreed_price(price_guard)
    return Operation(name=order_type, domain=name, aspects=tuple(aspects), summary=redact(payload),
                     payload=payload, consequences=consequences.marks(order_type, rules.is_gtld(name)))


def _domain(current, **elements):
    domain = {'DomainName': current.name}
    handle = current.registrar_data.get('handle')
    if handle:
        domain['DomainHandle'] = handle
    domain.update(_compact(elements))
    return domain


# Registrant element -> the core Contact field it is read into.
_REGISTRANT_FIELDS = {
    'FirstName': 'first_name', 'LastName': 'last_name', 'OrgName': 'organization',
    'RegistrantNumber': 'registrant_number', 'Email': 'email',
}


def identity_fields(domain_name):
    """The Contact fields whose change makes a registrant change an Owner_Change.

    Everywhere: the seed's FirstName, LastName, OrgName, RegistrantNumber. On a gTLD also the
    e-mail address: the ICANN Transfer Policy (since 2016-12-01) makes a change of name,
    organisation or e-mail a change of registrant (rules: registrant_identity, gtld).
    """
    names = rules.GTLD_IDENTITY_ELEMENTS if rules.is_gtld(domain_name) else rules.IDENTITY_ELEMENTS
    return tuple(_REGISTRANT_FIELDS[name] for name in names)


def identity_changed(before, after, domain_name=''):
    """Whether a registrant change replaces the holder (Owner_Change) or only its details."""
    if before is None:
        return True
    return bool(set(contact_differences(before, after)) & set(identity_fields(domain_name)))


def _registrant(current, change):
    if identity_changed(change.before, change.after, current.name):
        order_type = 'Owner_Change'
        registrant = registrant_element(change.after)
    else:
        order_type = 'Registrant_Details_Update'
        registrant = registrant_element(change.after, as_read=current.registrar_data.get('registrant_name'),
                                        extra=current.registrar_data.get('registrant_extra'))
    return _operation(order_type, current.name, [change.aspect], _domain(current, Registrant=registrant))


def _contacts(current, change):
    contacts = dict((role, current.contacts.get(role)) for role in CONTACT_UPDATE_REQUIRED)
    contacts.update(change.after)
    missing = [role for role in CONTACT_UPDATE_REQUIRED if contacts.get(role) is None]
    if missing:
        raise InputError('Ascio needs the admin, tech and billing contacts together in a Contact_Update; '
                         '%s: not known for %s, declare them' % (', '.join(missing), current.name))
    return _operation('Contact_Update', current.name, [change.aspect],
                      _domain(current, **_contact_elements(contacts)))


def _nameservers(current, change, dnssec=None):
    """A Nameserver_Update; with ``dnssec`` (the DNSSEC change of the same task) it carries the
    DnsSecKeys too, after the CreateDnsSecKey requests for new keys (rules: dnssec)."""
    elements = {'NameServers': nameservers_element(change.after, every_slot=True)}
    creates, served = [], [change.aspect]
    if dnssec is not None:
        creates, elements['DnsSecKeys'] = _dnssec_keys(current, dnssec.after)
        served.append(dnssec.aspect)
    return creates + [_operation(rules.DNSSEC_ORDER, current.name, served, _domain(current, **elements))]


def _dnssec(current, change):
    creates, element = _dnssec_keys(current, change.after)
    return creates + [_operation(rules.DNSSEC_ORDER, current.name, [change.aspect], _domain(current, DnsSecKeys=element))]


def _locks(current, change):
    locks = change.after
    return _operation('Change_Locks', current.name, [change.aspect], _domain(
        current, TransferLock=lock_value(locks.transfer), DeleteLock=lock_value(locks.delete),
        UpdateLock=lock_value(locks.update)))


def explain_price_refusal(operation, exc):
    """``exc`` with what to do when Ascio refused a billable order over its price (rules: agreed_price)."""
    if operation.name not in rules.RULES['agreed_price']['order_types'] or \
            not any('price' in str(reason).lower() for reason in [exc.text] + exc.details):
        return exc
    agreed = operation.payload.get('AgreedPrice')
    if agreed is None:
        hint = ('%s is priced as a premium domain: set max_price and currency (sent as AgreedPrice) to agree to '
                'its price; nothing was ordered' % operation.domain)
    else:
        hint = ('max_price %s (sent as AgreedPrice) does not cover the price of %s; nothing was ordered'
                % (agreed, operation.domain))
    return type(exc)(exc.code, exc.text, exc.details + [hint], operation=exc.operation)


_PRIVACY_TYPES = {'none': 'None', 'privacy': 'Privacy', 'proxy': 'Proxy'}


def privacy_element(name, privacy):
    """A core Privacy as Ascio's PrivacyProxy (rules: privacy_proxy); InputError where Ascio cannot order it."""
    if privacy.plus:
        raise InputError('%s: privacy_plus is not supported by this registrar (ascio: PrivacyProxy has Type and the '
                         'per-contact flags, no privacy plus); leave privacy_plus out' % name)
    if privacy.service != 'none' and rules.RULES['privacy_proxy']['gtld_only'] and not rules.is_gtld(name):
        raise InputError('%s: privacy: %s is not supported by this registrar for .%s (ascio: the privacy/proxy service '
                         'is ordered for gTLDs only); leave privacy undeclared or none for this domain'
                         % (name, privacy.service, name.rstrip('.').rsplit('.', 1)[-1].lower()))
    return _compact({'Type': _PRIVACY_TYPES[privacy.service], 'PrivacyAdmin': privacy.admin,
                     'PrivacyTech': privacy.tech, 'PrivacyBilling': privacy.billing})


def _privacy(current, change):
    return _operation(rules.RULES['privacy_proxy']['order_type'], current.name, [change.aspect],
                      _domain(current, PrivacyProxy=privacy_element(current.name, change.after)))


def _autorenew(current, change):
    order_type = 'Unexpire_Domain' if change.after else 'Expire_Domain'
    return _operation(order_type, current.name, [change.aspect], _domain(current))


def _renew(current, change):
    # The date it is paid until goes in the comment: one renewal per intent, findable again.
    comment = 'renew %d year(s) from %s' % (change.after.period, change.after.paid_until)
    return _operation('Renew_Domain', current.name, [change.aspect], _domain(current, RegPeriod=change.after.period),
                      comment=comment, price_guard=change.after.price_guard)


def _auth_code(current, change):
    return _operation('Update_AuthInfo', current.name, [change.aspect], _domain(current, AuthInfo=change.after))


def _expire(current, change):
    return _operation('Expire_Domain', current.name, [change.aspect], _domain(current))


def _delete(current, change):
    return _operation('Delete_Domain', current.name, [change.aspect], _domain(current))


def _new_domain(order_type, change, auth_code=None):
    desired = change.after
    contacts = desired.contacts or {}
    domain = {'DomainName': desired.name, 'RegPeriod': desired.period or 1}
    if auth_code is not None:
        domain['AuthInfo'] = auth_code
    if contacts.get('registrant') is not None:
        domain['Registrant'] = registrant_element(contacts['registrant'])
    domain.update(_contact_elements(contacts))
    if desired.nameservers:
        domain['NameServers'] = nameservers_element(desired.nameservers)
    if desired.privacy is not None:
        domain['PrivacyProxy'] = privacy_element(desired.name, desired.privacy)
    return _operation(order_type, desired.name, [change.aspect], domain, price_guard=desired.price_guard)


def _register(current, change):
    # Refused here rather than by Ascio (rules: registration_contacts): no request for an order that cannot pass.
    contacts = change.after.contacts or {}
    missing = [role for role in rules.REGISTRATION_CONTACTS if contacts.get(role) is None]
    if missing:
        raise InputError('registering %s on Ascio needs the %s contact%s (Register_Domain carries registrant, admin, tech '
                         'and billing); nothing was sent' % (change.after.name, ', '.join(missing), 's' if len(missing) > 1 else ''))
    return _new_domain('Register_Domain', change)


def _transfer(current, change):
    return _new_domain('Transfer_Domain', change, auth_code=change.after.auth_code)


def _restore(current, change):
    # The deleted domain is not in the account any more: it is named, it has no handle to read.
    return _operation('Restore_Domain', change.after.name, [change.aspect], {'DomainName': change.after.name},
                      price_guard=change.after.price_guard)


BUILDERS = {
    'register': _register,
    'transfer': _transfer,
    'restore': _restore,
    'unlock': _locks,
    'registrant': _registrant,
    'contacts': _contacts,
    'nameservers': _nameservers,
    'dnssec': _dnssec,
    'auth_code': _auth_code,
    'autorenew': _autorenew,
    'renew': _renew,
    'privacy': _privacy,
    'locks': _locks,
    'expire': _expire,
    'delete': _delete,
}


def operations(current, changes):
    """One order per change, in the planner's order (which is the safe one), with the lock
    orders that the locks of ``current`` make necessary (see ``with_lock_releases``)."""
    result = []
    by_aspect = dict((change.aspect, change) for change in changes)
    for change in changes:
        builder = BUILDERS.get(change.aspect)
        if builder is None:
            raise InputError('%s: not supported by Ascio' % change.aspect)
        if change.aspect == 'nameservers' and 'dnssec' in by_aspect:
            result.extend(_nameservers(current, change, by_aspect['dnssec']))  # one Nameserver_Update for both
        elif change.aspect == 'dnssec' and 'nameservers' in by_aspect:
            continue
        else:
            built = builder(current, change)
            result.extend(built if isinstance(built, list) else [built])
    if current is None:
        return result
    return with_lock_releases(current, result, changes)


# Core Locks attribute -> Ascio lock element.
_LOCK_ELEMENTS = (('transfer', 'TransferLock'), ('delete', 'DeleteLock'), ('update', 'UpdateLock'))


def _lock_order(current, elements, value, served):
    verb = 'release' if value == 'Unlock' else 'restore'
    comment = '%s %s for %s' % (verb, ', '.join(elements), served.name)
    # A release is a prerequisite ('unlock') and a restore comes last ('locks'): so the task flow
    # holds the served order back until the release is done, and the restore until every order
    # is (with wait: false, too); the served aspects keep the lock orders pending for its modules.
    aspects = ('unlock' if value == 'Unlock' else 'locks',) + tuple(a for a in served.aspects if a not in ('unlock', 'locks'))
    return _operation('Change_Locks', current.name, aspects,
                      _domain(current, **dict((element, value) for element in elements)), comment=comment)


def with_lock_releases(current, orders, changes):
    """The orders with a Change_Locks before each order a lock of the domain blocks, and one
    putting the UpdateLock back after them, as Ascio's framework does (rules: lock_release).

    UpdateLock is released in an order of its own, then DeleteLock/TransferLock together; only
    the UpdateLock is restored, and not when the task itself turns it off or a later
    Change_Locks of the task sets it, nor after Delete_Domain (there is no domain left).
    """
    state = dict((element, getattr(current.locks, attr)) for attr, element in _LOCK_ELEMENTS)
    declared_off = set()
    for change in changes:
        if change.aspect in ('locks', 'unlock'):
            declared_off.update(element for attr, element in _LOCK_ELEMENTS if getattr(change.after, attr) is False)
    result, released, last = [], [], None
    for order in orders:
        if order.name == CREATE_DNSSEC_KEY:
            result.append(order)  # a request, not an order: no lock stands in its way
            continue
        if order.name == 'Change_Locks':
            for element in rules.LOCK_ELEMENTS:
                value = order.payload['Domain'].get(element)
                if value is not None:
                    state[element] = value == 'Lock'
            result.append(order)
            continue
        blocking = [element for element in rules.releases_for(order.name) if state.get(element)]
        groups = [[element] for element in blocking if element == 'UpdateLock']
        others = [element for element in blocking if element != 'UpdateLock']
        if others:
            groups.append(others)
        for group in groups:
            result.append(_lock_order(current, group, 'Unlock', order))
            for element in group:
                state[element] = False
                released.append(element)
        result.append(order)
        last = order
        if order.name == 'Delete_Domain':
            return result
    restore = [element for element in rules.RESTORE
               if element in released and element not in declared_off and not state.get(element)]
    if restore:
        result.append(_lock_order(current, restore, 'Lock', last))
    return result
