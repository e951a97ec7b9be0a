# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The provider-neutral domain model: what a registered domain is, whatever the registrar.

Adapters read a registrar's answer into these objects and the planner compares them
with the declared state. Nothing here does I/O.
"""
import datetime
from dataclasses import dataclass, field, fields, replace

CONTACT_ROLES = ('registrant', 'admin', 'tech', 'billing', 'reseller', 'zone')

# Fields whose change replaces the holder of a domain rather than updating its details.
# Registrars differ in what they do with that fact; the adapters decide.
IDENTITY_FIELDS = ('first_name', 'last_name', 'organization', 'registrant_number')


@dataclass(frozen=True)
class Nameserver:
    """A name server host, with glue addresses when the registry needs them."""
    name: str
    ipv4: str = None
    ipv6: str = None

    def to_dict(self):
        return {'name': self.name, 'ipv4': self.ipv4, 'ipv6': self.ipv6}


@dataclass(frozen=True)
class Contact:
    """A contact as the registrars hold it. ``None`` means "not known" or "not declared"."""
    handle: str = None
    first_name: str = None
    last_name: str = None
    organization: str = None
    address: tuple = None
    city: str = None
    state: str = None
    postal_code: str = None
    country: str = None
    email: str = None
    phone: str = None
    fax: str = None
    registrant_number: str = None

    def data_fields(self):
        """The fields that describe the person or company (all but the handle)."""
        return [f.name for f in fields(self) if f.name != 'handle']

    def to_dict(self):
        result = dict((f.name, getattr(self, f.name)) for f in fields(self))
        if result['address'] is not None:
            result['address'] = list(result['address'])
        return result


@dataclass(frozen=True)
class Locks:
    """Registry locks; ``None`` means unknown (read) or not managed (declared)."""
    transfer: bool = None
    delete: bool = None
    update: bool = None

    def to_dict(self):
        return {'transfer_lock': self.transfer, 'delete_lock': self.delete, 'update_lock': self.update}


PRIVACY_SERVICES = ('none', 'privacy', 'proxy')


@dataclass(frozen=True)
class Privacy:
    """Privacy or proxy service over the domain's public contact data.

    ``service``: 'none', 'privacy' (the holder's data hidden, the holder stays the registrant) or
    'proxy' (a proxy service is registered in the holder's place). ``admin``/``tech``/``billing``:
    whether the service also covers that contact (Ascio's PrivacyAdmin/Tech/Billing); ``plus``: AutoDNS's
    privacy plus on top of privacy (swagger Domain.privacyPlus). ``None`` means unknown (read) or not
    managed (declared).
    """
    service: str = 'none'
    admin: bool = None
    tech: bool = None
    billing: bool = None
    plus: bool = None

    def to_dict(self):
        return {'service': self.service, 'admin': self.admin, 'tech': self.tech, 'billing': self.billing, 'plus': self.plus}


@dataclass(frozen=True)
class PriceGuard:
    """The most a task agrees to pay for a billable operation (register, transfer, renew, restore)."""
    max_price: float
    currency: str

    def to_dict(self):
        return {'amount': self.max_price, 'currency': self.currency}

    def fits(self, decimals):
        """Whether ``max_price`` needs no more than ``decimals`` digits after the point (None: any)."""
        return decimals is None or round(self.max_price, decimals) == self.max_price


@dataclass(frozen=True)
class DnssecKey:
    """One DNSSEC record at the parent: DS data (key_tag, algorithm, digest_type, digest) and/or
    DNSKEY data (flags, protocol, algorithm, public_key). Which fields a registrar takes is its
    adapter's business; ``None`` means "not given"."""
    key_tag: int = None
    algorithm: int = None
    digest_type: int = None
    digest: str = None
    flags: int = None
    protocol: int = None
    public_key: str = None

    def key(self):
        """What identifies the record when comparing: hex digest upper case, the key without blanks."""
        digest = self.digest.upper() if self.digest else None
        public_key = ''.join(self.public_key.split()) if self.public_key else None
        return (self.key_tag, self.algorithm, self.digest_type, digest, self.flags, self.protocol, public_key)

    def to_dict(self):
        return dict((f.name, getattr(self, f.name)) for f in fields(self))


@dataclass(frozen=True)
class Domain:
    """A domain as read from a registrar (DomainInfo / GetDomain), normalised."""
    name: str
    nameservers: tuple = ()
    contacts: dict = field(default_factory=dict)
    locks: Locks = field(default_factory=Locks)
    expires: datetime.date = None
    payable: datetime.date = None
    autorenew: bool = None
    auth_code: str = None
    status: str = None
    # None: the registrar did not say.
    privacy: Privacy = None
    # DS/DNSKEY records at the parent (DnssecKey), in the registrar's order.
    dnssec: tuple = ()
    # Registrar-specific facts the adapter needs again later (Ascio's DomainHandle,
    # AutoDNS's exact payable timestamp and contact ids). Never shown to the user.
    registrar_data: dict = field(default_factory=dict, compare=False, repr=False)

    def with_changes(self, **kwargs):
        return replace(self, **kwargs)

    def to_dict(self, include_auth_code=False):
        result = {
            'name': self.name,
            'nameservers': [ns.to_dict() for ns in self.nameservers],
            'contacts': dict((role, c.to_dict()) for role, c in sorted(self.contacts.items())),
            'locks': self.locks.to_dict(),
            'expires': self.expires.isoformat() if self.expires else None,
            'payable': self.payable.isoformat() if self.payable else None,
            'autorenew': self.autorenew,
            'status': self.status,
            'privacy': self.privacy.to_dict() if self.privacy is not None else None,
            'dnssec': [key.to_dict() for key in self.dnssec],
        }
        if include_auth_code:
            result['auth_code'] = self.auth_code
        return result


@dataclass(frozen=True)
class RenewPolicy:
    """Declared renewal: paid until at least ``until``, or at least ``min_days_left`` days left."""
    period: int = 1
    until: datetime.date = None
    min_days_left: int = None

    def to_dict(self):
        return {'period': self.period, 'until': self.until.isoformat() if self.until else None,
                'min_days_left': self.min_days_left}


@dataclass(frozen=True)
class DesiredDomain:
    """What a task declares. Every ``None`` means "not managed by this task"."""
    name: str
    present: bool = True
    nameservers: tuple = None
    contacts: dict = None
    locks: Locks = None
    autorenew: bool = None
    renew: RenewPolicy = None
    # DS/DNSKEY records (DnssecKey): None = not managed, () = remove them all.
    dnssec: tuple = None
    # The transfer key, used only to transfer a domain in; never compared afterwards,
    # because the gaining registrar may issue a new one.
    auth_code: str = None
    # An auth code the domain must carry (set at the registrar when it differs).
    new_auth_code: str = None
    # state=absent: delete now, or let the registrar let it lapse at the end of its term.
    delete_mode: str = 'delete'
    # A domain missing from the account is restored (recently deleted) instead of registered.
    restore: bool = False
    # Registration/transfer period in years.
    period: int = 1
    privacy: Privacy = None
    # The spending guard of register, transfer, renew and restore; None: no limit (a premium price is refused).
    price_guard: PriceGuard = None
    # Registrar-only task options (its PROVIDER.task_options, e.g. AutoDNS's confirm_owner_consent):
    # they belong to what this task asks for, not to the connection.
    registrar_options: dict = field(default_factory=dict, compare=False)
