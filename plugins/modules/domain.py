#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: domain
short_description: Register, transfer in, restore, converge or delete a domain
version_added: 0.1.0
description:
  - One task declares the whole domain. The module reads it, plans the changes, and sends only
    the orders (Ascio) or tasks (AutoDNS) needed, each once, in a safe order, and reports each in
    RV(operations).
  - O(state=present) on a domain not in the account registers it (Ascio C(Register_Domain);
    AutoDNS C(POST /domain)), or with O(auth_code) transfers it in (Ascio C(Transfer_Domain);
    AutoDNS C(POST /domain/_transfer)), or with O(restore=true) restores a recently deleted domain
    (Ascio C(Restore_Domain); AutoDNS C(PUT /domain/{name}/_restore)).
  - On a domain in the account it converges the declared O(nameservers), O(contacts), locks and
    O(autorenew) (see M(domainops.registrar.nameservers), M(domainops.registrar.contacts),
    M(domainops.registrar.locks)). A lock that blocks updates is released first and set last.
  - O(state=absent) with O(absent_action=expire) (the default, and the registrars' recommended
    way) lets the domain lapse at the end of its term (Ascio C(Expire_Domain); AutoDNS
    cancelation at expiry). O(absent_action=delete) deletes it now (Ascio C(Delete_Domain), which
    is immediate; AutoDNS cancelation now).
  - Renewal is its own module, M(domainops.registrar.renew).
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.connection.WAIT
  - domainops.registrar.connection.ALLOW
  - domainops.registrar.attributes
  - domainops.registrar.attributes.CONVERGE
  - domainops.registrar.domain_name
  - domainops.registrar.contact.REGISTRAR_OPTIONS
options:
  state:
    description: Whether the domain must be in the account.
    type: str
    choices: [present, absent]
    default: present
  absent_action:
    description:
      - With O(state=absent), V(expire) lets the domain lapse at the end of its term and V(delete)
        deletes it now (irreversible once the registry's restore period is over).
    type: str
    choices: [expire, delete]
    default: expire
  auth_code:
    description:
      - The auth code (transfer key) of a domain held elsewhere; with it, a domain not in the
        account is transferred in. Once the domain is in the account it is not compared again
        (the registrar may issue a new one).
    type: str
  new_auth_code:
    description:
      - The auth code the domain must carry; set when it differs (Ascio C(Update_AuthInfo), for
        registries such as .de where the registrar sets the code). AutoDNS cannot set a chosen
        code, so there it fails with "not supported by this registrar" before anything is sent.
    type: str
  restore:
    description: Restore the domain when it is not in the account because it was deleted recently.
    type: bool
    default: false
  period:
    description: Registration or transfer period in years.
    type: int
    default: 1
  nameservers:
    description: The complete list of name servers; see M(domainops.registrar.nameservers).
    type: list
    elements: raw
  allow_single_nameserver:
    description: Accept a single name server.
    type: bool
    default: false
  contacts:
    description:
      - Contacts by role; only the roles and fields given are managed.
      - Each role takes the same fields as the role options of M(domainops.registrar.contacts)
        (C(handle), C(first_name), C(last_name), C(organization), C(address), C(city), C(state),
        C(postal_code), C(country), C(email), C(phone), C(fax), C(registrant_number)); an unknown
        field fails before anything is sent. Give a C(handle) alone to point a role at an existing handle.
    type: dict
    suboptions:
      registrant:
        description: The registrant (domain holder; AutoDNS C(ownerc)).
        type: dict
      admin:
        description: The administrative contact (AutoDNS C(adminc)).
        type: dict
      tech:
        description: The technical contact (AutoDNS C(techc)).
        type: dict
      billing:
        description: The billing contact (Ascio only).
        type: dict
      reseller:
        description: The reseller contact (Ascio only).
        type: dict
      zone:
        description: The zone contact (AutoDNS C(zonec) only).
        type: dict
  transfer_lock:
    description: Whether the domain must be locked against transfers away.
    type: bool
  delete_lock:
    description: Whether the domain must be locked against deletion (Ascio only).
    type: bool
  update_lock:
    description: Whether the domain must be locked against updates.
    type: bool
  dnssec:
    description:
      - The complete list of DNSSEC records the parent zone must hold for the domain (DS data, DNSKEY
        data, or both in one record). Compared as a set, so order and the case of hex digits do not count;
        only a differing set is sent. V([]) removes every record; leave the option out to leave them alone.
      - Checked before anything is sent, the algorithm against the IANA registry (RFC 8624 forbids 1, 3, 6 and
        12), the digest length against its type (SHA-1 40, SHA-256 64, SHA-384 96 hex
        characters), flags 256 or 257, protocol 3, a Base64 public key.
      - B(AutoDNS) takes DNSKEY data (C(flags), C(protocol), C(algorithm), C(public_key)) and sends the
        whole list with C(PUT /domain/{name}/_dnssec); DS-only records fail with "not supported by this registrar".
      - B(Ascio) creates a C(DnsSecKey) object (C(CreateDnsSecKey)) for each new record and sends the
        list in a C(Nameserver_Update) order (one order with the O(nameservers) when both change); at most 5 records.
    type: list
    elements: dict
    suboptions:
      key_tag:
        description: The key tag of the DS record (0-65535).
        type: int
      algorithm:
        description: The DNSSEC algorithm number (IANA), e.g. V(13) ECDSAP256SHA256, V(8) RSASHA256, V(15) ED25519.
        type: int
      digest_type:
        description: The DS digest type, V(2) SHA-256, V(4) SHA-384 or V(1) SHA-1.
        type: int
      digest:
        description: The DS digest in hexadecimal.
        type: str
      flags:
        description: The DNSKEY flags, V(257) (key signing key) or V(256) (zone signing key).
        type: int
      protocol:
        description: The DNSKEY protocol, always V(3).
        type: int
      public_key:
        description: The DNSKEY public key in Base64 (blanks are ignored).
        type: str
  autorenew:
    description:
      - Whether the registrar renews the domain automatically at the end of its term.
      - B(Ascio) renews automatically unless a domain is set to expire; V(false) sends
        C(Expire_Domain) and V(true) sends C(Unexpire_Domain) (never C(Renew_Domain)).
      - B(AutoDNS) C(autoRenewStatus) C(FALSE)/C(TRUE) in a domain update.
    type: bool
  privacy:
    description:
      - The privacy or proxy service over the domain's public contact data. V(privacy) hides the
        holder's data (the holder stays the registrant); V(proxy) registers a proxy service in the
        holder's place; V(none) publishes the data as the registry does. Left out, privacy is not managed.
      - B(Ascio) C(PrivacyProxy) (C(Type) None, Privacy or Proxy) in a C(Domain_Details_Update) order,
        or in the registration or transfer order.
      - B(AutoDNS) C(privacy) true/false in the domain update or the registration; AutoDNS has no proxy
        service and no per-contact choice, so V(proxy) and O(privacy_contacts) fail there before anything is sent.
      - Both registrars offer it here for gTLDs only; on other TLDs the task fails with
        "not supported ... for .<tld>" before anything is sent (see docs/reference).
    type: str
    choices: [none, privacy, proxy]
  privacy_contacts:
    description:
      - Which contacts besides the registrant the service covers (Ascio C(PrivacyAdmin),
        C(PrivacyTech), C(PrivacyBilling)); only the keys given are managed. Needs O(privacy).
    type: dict
    suboptions:
      admin:
        description: Cover the administrative contact.
        type: bool
      tech:
        description: Cover the technical contact.
        type: bool
      billing:
        description: Cover the billing contact.
        type: bool
  privacy_plus:
    description:
      - B(AutoDNS) only. Privacy plus on top of O(privacy=privacy) (C(privacyPlus), swagger "Enable
        privacy plus."), set in the domain update or the registration when it differs. Left out, it is not
        managed. On Ascio, V(true) fails with "not supported by this registrar" before anything is sent.
    type: bool
  max_price:
    description:
      - The most this task agrees to pay for a registration, transfer or restore, in O(currency).
        Without it nothing changes for standard-priced domains, but a premium domain fails before
        anything is sent, asking for a guard.
      - B(AutoDNS) the price of a premium domain is read first (C(GET /domainpremium/{name})); when it
        exceeds the guard, or is in another currency, the task fails before sending, naming price and guard.
        The known price is shown in the planned operation's C(request.price).
      - B(Ascio) the guard is sent as the order's C(AgreedPrice); Ascio refuses a premium order without an
        agreed price that covers the registry's price (the price is in the account's currency).
        C(AgreedPrice) is an integer, so a guard with cents fails before any request.
      - Requires O(currency).
    type: float
  currency:
    description: The currency of O(max_price), an ISO 4217 code such as C(EUR) or C(USD). Requires O(max_price).
    type: str
"""

EXAMPLES = r"""
- name: Register (or converge) example.com with its name servers and contacts (Ascio)
  domainops.registrar.domain:
    provider: ascio
    name: example.com
    nameservers: [a.ns14.net, b.ns14.net]
    contacts:
      registrant: "{{ example_ltd }}"
      admin: "{{ hostmaster }}"
      tech: "{{ hostmaster }}"
      billing: "{{ hostmaster }}"
    transfer_lock: true
  vars:
    example_ltd:
      first_name: Erika
      last_name: Mustermann
      organization: Example Holding
      address: [Example Street 1]
      postal_code: "12345"
      city: Example City
      country: DK
      email: hostmaster@example.com
      phone: "+45.12345678"
      registrant_number: EX-0001
    hostmaster:
      first_name: Host
      last_name: Master
      organization: Example Holding
      address: [Example Street 1]
      postal_code: "12345"
      city: Example City
      country: DK
      email: hostmaster@example.com
      phone: "+45.12345678"

- name: Transfer transfer-in.example in with its auth code (AutoDNS needs the contact handles)
  domainops.registrar.domain:
    provider: autodns
    name: transfer-in.example
    auth_code: "{{ transfer_in_auth_code }}"
    contacts:
      registrant: {handle: "100"}
      admin: {handle: "100"}
      tech: {handle: "101"}
      zone: {handle: "101"}
  vars:
    # The AutoDNS sandbox's key for transfer-in.example; keep real ones in Ansible Vault.
    transfer_in_auth_code: S0Lygv+ZkNbniICm

- name: The DNSSEC key of example.net at the parent (AutoDNS takes the DNSKEY data)
  domainops.registrar.domain:
    provider: autodns
    name: example.net
    dnssec:
      - flags: 257
        protocol: 3
        algorithm: 13
        public_key: mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==

- name: The DS record of example.com (Ascio); dnssec [] would remove every record
  domainops.registrar.domain:
    provider: ascio
    name: example.com
    dnssec:
      - key_tag: 2371
        algorithm: 13
        digest_type: 2
        digest: 846E5ED4AB6788032B89393619752F662CF2B7B2046A8EC0804DF88F1469AC1E

- name: Stop the automatic renewal of example.org (Ascio Expire_Domain)
  domainops.registrar.domain:
    provider: ascio
    name: example.org
    autorenew: false

- name: Register premium.example with privacy, paying at most 120 EUR
  domainops.registrar.domain:
    provider: autodns
    name: premium.example
    privacy: privacy
    max_price: 120
    currency: EUR
    nameservers: [a.ns14.net, b.ns14.net]
    contacts:
      registrant: {handle: "100"}
      admin: {handle: "100"}
      tech: {handle: "101"}

- name: Let old.example lapse at the end of its term
  domainops.registrar.domain:
    provider: autodns
    name: old.example
    state: absent
"""

RETURN = r"""
domain:
  description: The domain name (punycode for IDNs).
  returned: always
  type: str
state:
  description: V(absent) when the domain is not (or no longer) in the account.
  returned: when the domain is absent
  type: str
nameservers:
  description: The name servers after the task.
  returned: when the domain is present
  type: list
  elements: dict
contacts:
  description: The contacts by role after the task.
  returned: when the domain is present
  type: dict
locks:
  description: The locks after the task.
  returned: when the domain is present
  type: dict
autorenew:
  description: Whether the registrar renews the domain automatically.
  returned: when the domain is present
  type: bool
expires:
  description: The expiry date.
  returned: when the domain is present
  type: str
dnssec:
  description:
    - The DNSSEC records at the parent after the task, each with C(key_tag), C(algorithm), C(digest_type),
      C(digest), C(flags), C(protocol), C(public_key) (null where the registrar holds no such field).
  returned: when the domain is present
  type: list
  elements: dict
status:
  description: The registrar's status of the domain.
  returned: when the domain is present
  type: str
privacy:
  description:
    - The privacy or proxy service after the task, when the task declares O(privacy), with C(service)
      (none, privacy, proxy) and C(admin), C(tech), C(billing) (null where the registrar does not say).
  returned: when the task declares privacy and the domain is present
  type: dict
operations:
  description: Every order or task sent, in order, or in check mode those that would be sent; see M(domainops.registrar.nameservers).
  returned: always
  type: list
  elements: dict
pending:
  description: Orders or jobs an earlier run had left running, which this run waited on.
  returned: when there were any
  type: list
  elements: dict
registry_code:
  description: The registrar's result code when it refused a request.
  returned: failed, when the registrar answered
  type: str
registry_text:
  description: The registrar's message when it refused a request.
  returned: failed, when the registrar answered
  type: str
"""

from ansible_collections.domainops.registrar.plugins.module_utils import declaration, module_options
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import run_converge_module


def desired_domain(params):
    return declaration.desired_domain(params, module_options.provider_name(params))


def main():
    run_converge_module(declaration.domain_spec(), desired_domain, aspects=declaration.DOMAIN_ASPECTS, missing_ok=True,
                        required_together=module_options.PRICE_GUARD_TOGETHER)


if __name__ == '__main__':
    main()
