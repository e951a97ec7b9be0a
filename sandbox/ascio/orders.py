# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Order validation and the change each order type makes to a domain.

``validate`` returns the reasons an order is refused (CreateOrder/ValidateOrder
answer 400 "Order not validated" with them in Values); ``apply`` makes the
change when the order completes and returns its final status.

Every rule names its source: "seed" is seeds/000_897ccb7d1bccf6d3.txt (the
order-type table), "README" the facts in reference/README.md, "sandbox" a
choice of the sandbox where the reference is silent (see docs/sandbox-ascio.md).
"""
import copy
import re

from . import dnssec, hosts
from .state import ACTIVE, DELETED, EXPIRING, RESTORE_WINDOW, RULES, add_years, utcnow

# OrderStatusType values an order does not leave.
TERMINAL = ('Completed', 'Failed', 'Invalid', 'Authentication_Failed')
# Which lock refuses which order (reference/ascio-rules.json lock_blocks_order, with sources):
# UpdateLock every order on a domain of the account but Change_Locks ("Nothing can be
# changed"); DeleteLock Delete_Domain and Expire_Domain ("can't be deleted/expired").
_BLOCKS = RULES['lock_blocks_order']
DELETE_LOCKED = tuple(_BLOCKS['DeleteLock']['blocks'])
NOT_UPDATE_LOCKED = ('Change_Locks',)
# The slots a Nameserver_Update carries (reference/ascio-rules.json nameserver_slots): an
# empty HostName removes the server of its slot, a slot left out keeps it.
NAMESERVER_SLOTS = RULES['nameserver_slots']['slots']
# seed: "This order-type is triggered by Ascio" / "The transfer away is triggered by Ascio".
TRIGGERED_BY_ASCIO = ('Transfer_Away', 'Autorenew_Domain', 'Autodelete_Domain')
# seed (Transfer_Domain): "Transfers without data are possible for: ..."
TRANSFER_WITHOUT_DATA = ('com', 'net', 'org', 'biz', 'info', 'us', 'cc', 'cn', 'com.cn', 'net.cn',
                         'org.cn', 'tv')
LOCK_FIELDS = ('TransferLock', 'DeleteLock', 'UpdateLock')
CONTACT_ROLES = ('AdminContact', 'TechContact', 'BillingContact', 'ResellerContact')
# sandbox: the data ICANN's registration data policy requires of a contact.
CONTACT_REQUIRED = ('FirstName', 'LastName', 'Address1', 'City', 'CountryCode', 'Email', 'Phone')
REGISTRANT_REQUIRED = ('Name', 'Address1', 'City', 'CountryCode', 'Email', 'Phone')
# seed: Registrant_Details_Update must not change FirstName, LastName, OrgName,
# RegistrantNumber; a Registrant has Name where a Contact has First/LastName.
REGISTRANT_IDENTITY = ('Name', 'OrgName', 'RegistrantNumber')
MAX_YEARS = 10  # sandbox: the registries' 10-year ceiling ("must be allowed by the registry")

_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
_PHONE = re.compile(r'^\+\d{1,3}\.\d{1,14}$')     # seed example: "+45.123456789"
_COUNTRY = re.compile(r'^[A-Z]{2}$')
_AUTHINFO = re.compile(r'^\S{6,32}$')


class Target:
    """What an order is about: the domain name and, when it exists, the domain."""

    def __init__(self, name, domain=None):
        self.name = name
        self.domain = domain

    @property
    def handle(self):
        return self.domain.get('DomainHandle') if self.domain else None


# ---------------------------------------------------------------- helpers

def _text(value):
    return (value or '').strip() if isinstance(value, str) or value is None else str(value)


def _check_formats(record, label, reasons):
    email = _text(record.get('Email'))
    if email and not _EMAIL.match(email):
        reasons.append('%s.Email %r is not an e-mail address' % (label, email))
    for field in ('Phone', 'Fax'):
        value = _text(record.get(field))
        if value and not _PHONE.match(value):
            reasons.append('%s.%s %r is not in the form +CC.NUMBER (e.g. +45.123456789)' % (label, field, value))
    country = _text(record.get('CountryCode'))
    if country and not _COUNTRY.match(country):
        reasons.append('%s.CountryCode %r is not a two-letter ISO country code' % (label, country))


def _check_required(record, fields, label, reasons):
    for field in fields:
        if not _text(record.get(field)):
            reasons.append('%s.%s is missing' % (label, field))


def _resolve_contact(account, contact, label, reasons):
    """A contact given by Handle only is taken from the account's domains."""
    data = dict((k, v) for k, v in contact.items() if v not in (None, '') and k != 'Handle')
    if data or not contact.get('Handle'):
        return contact
    _owner, known = account.contact_by_handle(contact['Handle'])
    if known is None:
        reasons.append('%s.Handle %r is not a contact of this account' % (label, contact['Handle']))
        return contact
    return copy.deepcopy(known)


def check_contact(account, contact, label, reasons, required=True):
    if not contact:
        if required:
            reasons.append('%s is missing' % label)
        return None
    contact = _resolve_contact(account, contact, label, reasons)
    _check_required(contact, CONTACT_REQUIRED, label, reasons)
    _check_formats(contact, label, reasons)
    return contact


def check_registrant(account, registrant, reasons, required=True):
    if not registrant:
        if required:
            reasons.append('Registrant is missing')
        return None
    registrant = _resolve_contact(account, registrant, 'Registrant', reasons)
    _check_required(registrant, REGISTRANT_REQUIRED, 'Registrant', reasons)
    _check_formats(registrant, 'Registrant', reasons)
    return registrant


def check_name_servers(name, order_domain, reasons, required=True):
    """The name server set of an order, or None.

    Host names and IPs must be valid; a name server at or below the domain
    needs a glue address (seed: "the glue-record must be set properly for some
    TLDs"); at least two name servers (sandbox: the .com registry rule, applied
    to every TLD).
    """
    servers = order_domain.get('NameServers')
    if not servers:
        if required:
            reasons.append('Domain.NameServers is missing')
        return None
    entries, seen = [], set()
    for index in range(1, 14):
        label = 'NameServer%d' % index
        item = servers.get(label)
        if not item:
            continue
        host = hosts.normalize(item.get('HostName'))
        if not host:
            if any(item.get(field) for field in ('IpAddress', 'IpV6Address', 'Handle')):
                reasons.append('%s has no HostName' % label)
            continue
        problem = hosts.name_problem(host)
        if problem:
            reasons.append('%s: %s' % (label, problem))
            continue
        if host in seen:
            reasons.append('%s: %s is listed twice' % (label, host))
            continue
        seen.add(host)
        entry = {'HostName': host}
        ipv4, ipv6 = _text(item.get('IpAddress')), _text(item.get('IpV6Address'))
        if ipv4:
            problem = hosts.ipv4_problem(ipv4)
            if problem:
                reasons.append('%s: %s' % (label, problem))
            entry['IpAddress'] = ipv4
        if ipv6:
            problem = hosts.ipv6_problem(ipv6)
            if problem:
                reasons.append('%s: %s' % (label, problem))
            entry['IpV6Address'] = ipv6
        if hosts.in_bailiwick(host, name) and not (ipv4 or ipv6):
            reasons.append('%s: %s is within %s, so a glue record (IpAddress or IpV6Address) is required'
                           % (label, host, name))
        entries.append(entry)
    if len(entries) < 2:
        reasons.append('at least 2 name servers are required, %d given' % len(entries))
    return entries


def name_servers_field(entries):
    return dict(('NameServer%d' % (index + 1), dict(entry)) for index, entry in enumerate(entries))


def _period(order_domain, reasons):
    period = order_domain.get('RegPeriod')
    if period is None:
        return 1
    if not 1 <= period <= MAX_YEARS:
        reasons.append('Domain.RegPeriod must be between 1 and %d years, not %s' % (MAX_YEARS, period))
    return period


def _with_handle(store, record):
    record = copy.deepcopy(record)
    if not record.get('Handle'):
        record['Handle'] = store.new_contact_handle()
    return record


# ---------------------------------------------------------------- per order type: validation

def _v_nameserver_update(ctx):
    sent = ctx.order_domain.get('NameServers')
    keys = ctx.order_domain.get('DnsSecKeys')
    if keys:
        # DNSSEC keys travel in a Nameserver_Update (rules: dnssec), with or without name servers.
        ctx.data['dnssec'] = dnssec.slots_after(ctx.account, ctx.target.domain.get('DnsSecKeys'), keys, ctx.reasons)
        if not sent:
            return
    if not sent:
        ctx.reasons.append('Domain.NameServers is missing')
        return
    # Slot by slot: what is sent replaces the slot, an empty HostName clears it, a slot
    # left out keeps its server.
    slots = copy.deepcopy(ctx.target.domain.get('NameServers') or {})
    for index in range(1, NAMESERVER_SLOTS + 1):
        label = 'NameServer%d' % index
        if label in sent and sent[label] is not None:
            item = sent[label]
            if _text(item.get('HostName')) or any(item.get(field) for field in ('IpAddress', 'IpV6Address', 'Handle')):
                slots[label] = item
            else:
                slots.pop(label, None)
    ctx.data['servers'] = check_name_servers(ctx.target.name, {'NameServers': slots}, ctx.reasons)


def _v_contact_update(ctx):
    # seed: "Please provice at least Admin,Tech and Billing contacts for this OrderType."
    contacts = {}
    for role in CONTACT_ROLES:
        required = role != 'ResellerContact'
        contact = check_contact(ctx.account, ctx.order_domain.get(role), role, ctx.reasons, required)
        if contact is not None:
            contacts[role] = contact
    ctx.data['contacts'] = contacts
    # seed: "You need to use Registrant_Details_Update or Owner_Change to update the registrant."
    registrant = ctx.order_domain.get('Registrant')
    current = ctx.target.domain.get('Registrant') or {}
    if registrant:
        changed = [field for field, value in registrant.items()
                   if field not in ('Handle', 'CreDate', 'Status') and _text(value) != _text(current.get(field))]
        if changed:
            ctx.reasons.append('Contact_Update cannot change the registrant (%s); use '
                               'Registrant_Details_Update or Owner_Change' % ', '.join(sorted(changed)))


def _v_registrant_details_update(ctx):
    registrant = ctx.order_domain.get('Registrant')
    if not registrant:
        ctx.reasons.append('Registrant is missing')
        return
    current = ctx.target.domain.get('Registrant') or {}
    for field in REGISTRANT_IDENTITY:
        if field in registrant and _text(registrant[field]) != _text(current.get(field)):
            ctx.reasons.append('Registrant.%s differs from the current registrant: '
                               'Registrant_Details_Update cannot change the identity '
                               '(Name, OrgName, RegistrantNumber); use Owner_Change' % field)
    merged = copy.deepcopy(current)
    merged.update((k, v) for k, v in registrant.items() if k not in ('Handle', 'CreDate', 'Status'))
    _check_required(merged, REGISTRANT_REQUIRED, 'Registrant', ctx.reasons)
    _check_formats(merged, 'Registrant', ctx.reasons)
    ctx.data['registrant'] = merged


def _v_owner_change(ctx):
    ctx.data['registrant'] = check_registrant(ctx.account, ctx.order_domain.get('Registrant'), ctx.reasons)


def _v_change_locks(ctx):
    locks = dict((field, ctx.order_domain.get(field)) for field in LOCK_FIELDS
                 if ctx.order_domain.get(field) not in (None, ''))
    if not locks:
        ctx.reasons.append('Change_Locks needs at least one of TransferLock, DeleteLock, UpdateLock')
    for field, value in locks.items():
        if value not in ('Lock', 'Unlock'):
            ctx.reasons.append('Domain.%s must be "Lock" or "Unlock", not %r' % (field, value))
    ctx.data['locks'] = locks


def _v_renew_domain(ctx):
    # seed: "Add xxx Years to your expire-date. Must be allowed by the registry."
    years = _period(ctx.order_domain, ctx.reasons)
    expires = ctx.target.domain.get('ExpDate')
    if expires is not None and isinstance(years, int) and 1 <= years <= MAX_YEARS:
        if add_years(expires, years) > add_years(utcnow(), MAX_YEARS):
            ctx.reasons.append('the new expiry date would be more than %d years ahead' % MAX_YEARS)
    ctx.data['years'] = years


def _v_expire_domain(ctx):
    if ctx.target.domain.get('Status') == EXPIRING:
        ctx.reasons.append('Domain %s is already expiring' % ctx.target.name)


def _v_unexpire_domain(ctx):
    # seed: "Unexpire a domain that is expiring."
    if ctx.target.domain.get('Status') != EXPIRING:
        ctx.reasons.append('Domain %s is not expiring; Unexpire_Domain is only valid for an expiring domain'
                           % ctx.target.name)


def _v_delete_domain(ctx):
    pass  # the DeleteLock is checked for every order in validate()


def _v_restore_domain(ctx):
    # seed: "Restores a deleted domains. Is only possible for weeks after deletion."
    deleted_at = ctx.account.deleted_at[ctx.target.handle]
    if utcnow() - deleted_at > RESTORE_WINDOW:
        ctx.reasons.append('Domain %s was deleted more than %d days ago and cannot be restored'
                           % (ctx.target.name, RESTORE_WINDOW.days))
    if ctx.store.holder_of(ctx.target.name) is not None:
        ctx.reasons.append('Domain %s has been registered again' % ctx.target.name)


def _v_register_domain(ctx):
    name = ctx.target.name
    holder = ctx.store.holder_of(name)
    if holder is ctx.account:
        ctx.reasons.append('Domain %s is already in this account' % name)
    elif holder is not None or name in ctx.store.registered_elsewhere or name in ctx.store.transferable:
        ctx.reasons.append('Domain %s is not available: it is registered' % name)
    elif ctx.store.in_redemption(name) is not None:
        ctx.reasons.append('Domain %s was deleted recently and can only be restored (Restore_Domain)' % name)
    _register_data(ctx, required=True)
    ctx.data['years'] = _period(ctx.order_domain, ctx.reasons)


def _register_data(ctx, required):
    od = ctx.order_domain
    ctx.data['registrant'] = check_registrant(ctx.account, od.get('Registrant'), ctx.reasons, required)
    contacts = {}
    for role in CONTACT_ROLES:
        contact = check_contact(ctx.account, od.get(role), role, ctx.reasons,
                                required and role != 'ResellerContact')
        if contact is not None:
            contacts[role] = contact
    ctx.data['contacts'] = contacts
    ctx.data['servers'] = check_name_servers(ctx.target.name, od, ctx.reasons, required=False)


def _v_transfer_domain(ctx):
    name = ctx.target.name
    holder = ctx.store.holder_of(name)
    elsewhere = ctx.store.transferable.get(name)
    if holder is ctx.account:
        ctx.reasons.append('Domain %s is already in this account' % name)
    elif holder is not None:
        ctx.reasons.append('Domain %s is held by another Ascio account (that is a Partner_Change)' % name)
    elif elsewhere is None:
        ctx.reasons.append('Domain %s is not registered at another registrar, or cannot be transferred' % name)
    elif elsewhere.get('TransferLock') == 'Lock':
        # seed: "TransferLock: The domain can't be transfered."
        ctx.reasons.append('Domain %s is locked against transfer (TransferLock)' % name)
    if not _text(ctx.order_domain.get('AuthInfo')):
        ctx.reasons.append('Domain.AuthInfo is required for a transfer')
    tld = name.split('.', 1)[1] if '.' in name else name
    without_data = tld in TRANSFER_WITHOUT_DATA or name.rsplit('.', 1)[-1] in TRANSFER_WITHOUT_DATA
    # seed: "You need to provide full data ... Transfers without data are possible for: com, net, ..."
    _register_data(ctx, required=not without_data)


def _v_update_authinfo(ctx):
    # seed: "Normally the Code is generated by Ascio, but for some TLDs ... provide the Authcode"
    auth = _text(ctx.order_domain.get('AuthInfo'))
    if auth and not _AUTHINFO.match(auth):
        ctx.reasons.append('Domain.AuthInfo must be 6 to 32 characters without spaces')
    ctx.data['auth'] = auth or None


def _v_domain_details_update(ctx):
    # ascio-rules.json privacy_proxy: Domain_Details_Update carries PrivacyProxy (and RenewPeriod,
    # which the sandbox keeps); other domain objects have their own orders.
    privacy = ctx.order_domain.get('PrivacyProxy')
    renew_period = ctx.order_domain.get('RenewPeriod')
    if not privacy and renew_period is None:
        ctx.reasons.append('Domain_Details_Update needs Domain.PrivacyProxy or Domain.RenewPeriod')
    if privacy:
        kind = privacy.get('Type')
        if kind is not None and kind not in RULES['privacy_proxy']['types']:
            ctx.reasons.append('Domain.PrivacyProxy.Type must be one of %s, not %r'
                               % (', '.join(RULES['privacy_proxy']['types']), kind))
    ctx.data['privacy'] = privacy
    ctx.data['renew_period'] = renew_period


def check_agreed_price(ctx):
    """ascio-rules.json agreed_price: a premium name is ordered with its price in AgreedPrice; the
    sandbox refuses an order without one, or with one below the price (the most the partner pays)."""
    price = ctx.store.premium.get(ctx.target.name)
    if price is None or ctx.order_type not in RULES['agreed_price']['order_types']:
        return
    agreed = ctx.order.get('AgreedPrice')
    if agreed is None:
        ctx.reasons.append('Domain %s is a premium domain: the order must carry its price in AgreedPrice' % ctx.target.name)
    elif float(agreed) < price:
        ctx.reasons.append('AgreedPrice %s is below the price %s of the premium domain %s' % (agreed, price, ctx.target.name))


# ---------------------------------------------------------------- per order type: the change

def _a_nameserver_update(ctx, domain):
    if 'servers' in ctx.data:
        domain['NameServers'] = name_servers_field(ctx.data['servers'])
    if ctx.data.get('dnssec'):
        domain['DnsSecKeys'] = ctx.data['dnssec']
    elif 'dnssec' in ctx.data:
        domain.pop('DnsSecKeys', None)  # every slot cleared


def _a_contact_update(ctx, domain):
    for role, contact in ctx.data['contacts'].items():
        domain[role] = _with_handle(ctx.store, contact)


def _a_registrant_details_update(ctx, domain):
    registrant = copy.deepcopy(ctx.data['registrant'])
    registrant['Handle'] = (domain.get('Registrant') or {}).get('Handle') or ctx.store.new_contact_handle()
    domain['Registrant'] = registrant


def _a_owner_change(ctx, domain):
    registrant = copy.deepcopy(ctx.data['registrant'])
    registrant['Handle'] = registrant.get('Handle') or ctx.store.new_contact_handle()
    registrant['CreDate'] = utcnow()
    domain['Registrant'] = registrant


def _a_change_locks(ctx, domain):
    domain.update(ctx.data['locks'])


def _a_renew_domain(ctx, domain):
    # The status is kept: renewing an expiring domain does not unexpire it
    # (seed: "Don't use Renew to unexpire a domain").
    domain['ExpDate'] = add_years(domain['ExpDate'], ctx.data['years'])


def _a_expire_domain(ctx, domain):
    domain['Status'] = EXPIRING


def _a_unexpire_domain(ctx, domain):
    domain['Status'] = ACTIVE


def _a_domain_details_update(ctx, domain):
    if ctx.data.get('privacy'):
        # Elements left out keep their value, as in the other update orders.
        merged = dict(domain.get('PrivacyProxy') or {})
        merged.update(dict((k, v) for k, v in ctx.data['privacy'].items() if v is not None))
        domain['PrivacyProxy'] = merged
    if ctx.data.get('renew_period') is not None:
        domain['RenewPeriod'] = ctx.data['renew_period']


def _a_update_authinfo(ctx, domain):
    domain['AuthInfo'] = ctx.data['auth'] or ctx.store.new_auth_info()


def _new_domain(ctx, years, expires_from):
    domain = {
        'DomainName': ctx.target.name,
        'DomainHandle': ctx.store.new_domain_handle(),
        'RegPeriod': years,
        'Status': ACTIVE,
        'AuthInfo': ctx.store.new_auth_info(),
        'CreDate': utcnow(),
        'ExpDate': add_years(expires_from, years),
        'TransferLock': 'Unlock',
        'DeleteLock': 'Unlock',
        'UpdateLock': 'Unlock',
    }
    for field in ('RenewPeriod', 'EncodingType', 'DomainPurpose', 'Comment', 'PrivacyProxy',
                  'DomainType', 'DiscloseSocialData'):
        if ctx.order_domain.get(field) is not None:
            domain[field] = copy.deepcopy(ctx.order_domain[field])
    return domain


def _fill_data(ctx, domain, fallback=None):
    fallback = fallback or {}
    registrant = ctx.data.get('registrant') or fallback.get('Registrant')
    if registrant:
        domain['Registrant'] = _with_handle(ctx.store, registrant)
    for role in CONTACT_ROLES:
        contact = ctx.data.get('contacts', {}).get(role) or fallback.get(role)
        if contact:
            domain[role] = _with_handle(ctx.store, contact)
    if ctx.data.get('servers'):
        domain['NameServers'] = name_servers_field(ctx.data['servers'])
    elif fallback.get('NameServers'):
        domain['NameServers'] = copy.deepcopy(fallback['NameServers'])


def _a_register_domain(ctx, domain):
    if ctx.store.holder_of(ctx.target.name) is not None:
        return 'Failed', 'Domain %s was registered in the meantime' % ctx.target.name
    domain = _new_domain(ctx, ctx.data['years'], utcnow())
    _fill_data(ctx, domain)
    ctx.store.add_domain(ctx.account, domain)
    ctx.target.domain = domain
    return None


def _a_transfer_domain(ctx, domain):
    elsewhere = ctx.store.transferable.get(ctx.target.name)
    if elsewhere is None or ctx.store.holder_of(ctx.target.name) is not None:
        return 'Failed', 'Domain %s is no longer transferable' % ctx.target.name
    if _text(ctx.order_domain.get('AuthInfo')) != _text(elsewhere.get('AuthInfo')):
        return 'Authentication_Failed', 'The AuthInfo for %s is not correct' % ctx.target.name
    # A transfer adds one year to the expiry date (gTLD transfer rule; sandbox).
    domain = _new_domain(ctx, 1, elsewhere.get('ExpDate') or utcnow())
    _fill_data(ctx, domain, fallback=elsewhere)
    del ctx.store.transferable[ctx.target.name]
    ctx.store.registered_elsewhere.discard(ctx.target.name)
    ctx.store.add_domain(ctx.account, domain)
    ctx.target.domain = domain
    return None


def _a_delete_domain(ctx, domain):
    handle = domain['DomainHandle']
    del ctx.account.domains[handle]
    domain['Status'] = DELETED
    ctx.account.deleted[handle] = domain
    ctx.account.deleted_at[handle] = utcnow()
    return None


def _a_restore_domain(ctx, domain):
    if ctx.store.holder_of(ctx.target.name) is not None:
        return 'Failed', 'Domain %s has been registered again' % ctx.target.name
    handle = domain['DomainHandle']
    del ctx.account.deleted[handle]
    del ctx.account.deleted_at[handle]
    domain['Status'] = ACTIVE
    # A restore renews a domain whose expiry date has passed (sandbox).
    if domain.get('ExpDate') and domain['ExpDate'] < utcnow():
        domain['ExpDate'] = add_years(domain['ExpDate'], 1)
    ctx.account.domains[handle] = domain
    return None


# name: (validator, applier, where the domain must be: 'active', 'deleted', 'new')
HANDLERS = {
    'Nameserver_Update': (_v_nameserver_update, _a_nameserver_update, 'active'),
    'Contact_Update': (_v_contact_update, _a_contact_update, 'active'),
    'Registrant_Details_Update': (_v_registrant_details_update, _a_registrant_details_update, 'active'),
    'Owner_Change': (_v_owner_change, _a_owner_change, 'active'),
    'Change_Locks': (_v_change_locks, _a_change_locks, 'active'),
    'Renew_Domain': (_v_renew_domain, _a_renew_domain, 'active'),
    'Expire_Domain': (_v_expire_domain, _a_expire_domain, 'active'),
    'Unexpire_Domain': (_v_unexpire_domain, _a_unexpire_domain, 'active'),
    'Delete_Domain': (_v_delete_domain, _a_delete_domain, 'active'),
    'Restore_Domain': (_v_restore_domain, _a_restore_domain, 'deleted'),
    'Register_Domain': (_v_register_domain, _a_register_domain, 'new'),
    'Transfer_Domain': (_v_transfer_domain, _a_transfer_domain, 'new'),
    'Update_AuthInfo': (_v_update_authinfo, _a_update_authinfo, 'active'),
    'Domain_Details_Update': (_v_domain_details_update, _a_domain_details_update, 'active'),
}


class Context:
    """One order being validated, and later applied."""

    def __init__(self, store, account, order):
        self.store = store
        self.account = account
        self.order = order
        self.order_domain = order.get('Domain') or {}
        self.order_type = order.get('Type')
        self.target = Target(hosts.normalize(self.order_domain.get('DomainName')))
        self.reasons = []
        self.data = {}


def validate(store, account, order):
    """Check an order; returns its Context, with ``reasons`` empty when valid."""
    ctx = Context(store, account, order)
    order_type = ctx.order_type
    if order_type in (None, 'NotSet'):
        ctx.reasons.append('Order.Type is missing')
        return ctx
    if order_type in TRIGGERED_BY_ASCIO:
        ctx.reasons.append('Order type %s is triggered by Ascio, not by partners' % order_type)
        return ctx
    if order_type not in HANDLERS:
        ctx.reasons.append('Order type %s is not supported by the sandbox' % order_type)
        return ctx
    if not order.get('Domain'):
        ctx.reasons.append('Order.Domain is missing')
        return ctx
    problem = hosts.name_problem(ctx.target.name, 'domain name')
    if problem:
        ctx.reasons.append('Domain.DomainName: %s' % problem)
        return ctx
    validator, _applier, where = HANDLERS[order_type]
    if where in ('active', 'deleted'):
        domain = account.domain_by_name(ctx.target.name, deleted=(where == 'deleted'))
        if domain is None:
            ctx.reasons.append('Domain %s is not %sin this account'
                               % (ctx.target.name, 'a deleted domain ' if where == 'deleted' else ''))
            return ctx
        ctx.target.domain = domain
        handle = ctx.order_domain.get('DomainHandle')
        if handle and handle != domain['DomainHandle']:
            ctx.reasons.append('Domain.DomainHandle %s is not the handle of %s' % (handle, ctx.target.name))
        ctx.reasons.extend(lock_refusals(order_type, domain, ctx.target.name))
    validator(ctx)
    check_agreed_price(ctx)
    return ctx


def lock_refusals(order_type, domain, name):
    """The reasons the domain's locks refuse ``order_type`` (empty when none does)."""
    reasons = []
    if order_type not in NOT_UPDATE_LOCKED and domain.get('UpdateLock') == 'Lock':
        reasons.append('Domain %s has UpdateLock set; unlock it with Change_Locks first' % name)
    if order_type in DELETE_LOCKED and domain.get('DeleteLock') == 'Lock':
        reasons.append('Domain %s has DeleteLock set; unlock it with Change_Locks first' % name)
    return reasons


def apply(ctx):
    """Make the order's change; returns (OrderStatusType, message)."""
    _validator, applier, where = HANDLERS[ctx.order_type]
    domain = None
    if where in ('active', 'deleted'):
        pool = ctx.account.deleted if where == 'deleted' else ctx.account.domains
        domain = pool.get(ctx.target.handle)
        if domain is None:
            return 'Failed', 'Domain %s is no longer %s' % (
                ctx.target.name, 'deleted' if where == 'deleted' else 'in this account')
        refusals = lock_refusals(ctx.order_type, domain, ctx.target.name)
        if refusals:
            return 'Failed', refusals[0]
    failure = applier(ctx, domain)
    if failure:
        return failure
    return 'Completed', '%s for %s completed' % (ctx.order_type, ctx.target.name)
