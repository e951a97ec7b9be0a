#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r'''
module: contacts
short_description: Keep the contacts of a registered domain in the declared state
version_added: 0.1.0
description:
  - Compares the declared contacts of a domain with the registrar's and sends only the orders or
    tasks needed. Only the fields you give are compared and changed; the others stay as they are.
  - B(Ascio.) A registrant change that keeps the holder's identity (name, organisation,
    registrant number unchanged) is one C(Registrant_Details_Update) order; one that changes the
    identity is an C(Owner_Change). Admin, tech, billing and reseller changes are one
    C(Contact_Update) order, which always carries the admin, tech and billing contacts.
  - B(AutoDNS.) Contacts are shared handles. The module looks for a handle holding exactly the
    declared data and creates one (C(POST /contact)) only when there is none, then points the
    domain's C(ownerc), C(adminc), C(techc) or C(zonec) at it (C(PUT /domain/{name})). A handle is
    never edited in place, because other domains may use it, unless O(update_contacts_in_place=true).
    A registrant whose identity changes goes through the trade (owner change) route.
  - Roles a registrar does not have (AutoDNS has no billing or reseller contact; Ascio has no
    zone contact) fail with a clear message before anything is sent.
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.connection.WAIT
attributes:
  check_mode:
    support: full
    description: Reads the domain (and, on AutoDNS, searches for matching handles); sends nothing.
  diff_mode:
    support: full
    description: Shows the contacts before and after.
  action_group:
    description: Use C(group/domainops.registrar.registrar) in C(module_defaults) to set the connection options once.
    support: full
    membership: [domainops.registrar.registrar]
options:
  name:
    description: The domain name. Internationalised names are converted to punycode.
    type: str
    required: true
    aliases: [domain]
  registrant:
    description:
      - The registrant (domain holder; AutoDNS C(ownerc)).
      - Give a C(handle) alone to point the role at an existing handle, or the contact's fields.
    type: dict
    suboptions: &contact_fields
      handle:
        description: An existing contact handle at the registrar.
        type: str
      first_name:
        description: First name (on Ascio's registrant, part of C(Name)).
        type: str
      last_name:
        description: Last name (on Ascio's registrant, part of C(Name)).
        type: str
      organization:
        description: Organisation (Ascio C(OrgName), AutoDNS C(organization)).
        type: str
      address:
        description: Street address lines.
        type: list
        elements: str
      city:
        description: City.
        type: str
      state:
        description: State or province.
        type: str
      postal_code:
        description: Postal code.
        type: str
      country:
        description: Two-letter ISO 3166 country code.
        type: str
      email:
        description: E-mail address.
        type: str
      phone:
        description: Phone number in international form, such as C(+45.12345678).
        type: str
      fax:
        description: Fax number in international form.
        type: str
      registrant_number:
        description: Ascio C(RegistrantNumber) (company or personal registration number).
        type: str
  admin:
    description: The administrative contact (AutoDNS C(adminc)). Same fields as O(registrant).
    type: dict
    suboptions: *contact_fields
  tech:
    description: The technical contact (AutoDNS C(techc)). Same fields as O(registrant).
    type: dict
    suboptions: *contact_fields
  billing:
    description: The billing contact (Ascio only). Same fields as O(registrant).
    type: dict
    suboptions: *contact_fields
  reseller:
    description: The reseller contact (Ascio only). Same fields as O(registrant).
    type: dict
    suboptions: *contact_fields
  zone:
    description: The zone contact (AutoDNS C(zonec) only). Same fields as O(registrant).
    type: dict
    suboptions: *contact_fields
  confirm_owner_consent:
    description:
      - AutoDNS only. Confirm that the domain owner agreed to a change of holder (AutoDNS
        C(confirmOwnerConsent), required for gTLDs when the owner's name, organisation or e-mail
        changes). Without it such a change fails before anything is sent.
    type: bool
    default: false
  update_contacts_in_place:
    description:
      - AutoDNS only. Edit the domain's current contact handle in place (C(PUT /contact/{id}))
        instead of finding or creating a handle with the new data.
      - Every other domain that uses the handle changes with it.
    type: bool
    default: false
'''

EXAMPLES = r'''
- name: New address of the registrant (Ascio Registrant_Details_Update)
  domainops.registrar.contacts:
    provider: ascio
    name: example.com
    registrant:
      address: [Example Street 9]
      city: Example City
      postal_code: "12345"

- name: Admin and tech contacts from the same definition (AutoDNS finds or creates the handle)
  domainops.registrar.contacts:
    provider: autodns
    name: example.com
    admin: "{{ hostmaster }}"
    tech: "{{ hostmaster }}"
  vars:
    hostmaster:
      first_name: Host
      last_name: Master
      organization: Example
      address: [Example Street 1]
      postal_code: "12345"
      city: Berlin
      country: DE
      email: hostmaster@example.com
      phone: "+49.301234568"

- name: Point the zone contact at an existing handle
  domainops.registrar.contacts:
    provider: autodns
    name: example.org
    zone:
      handle: "101"
'''

RETURN = r'''
domain:
  description: The domain name (punycode for IDNs).
  returned: always
  type: str
contacts:
  description: The contacts by role after the task (as read back when O(wait=true)), each with the fields of O(registrant).
  returned: success
  type: dict
operations:
  description: The orders or tasks sent, or in check mode those that would be sent; see M(domainops.registrar.nameservers).
  returned: always
  type: list
  elements: dict
pending:
  description: Orders or jobs an earlier run had left running, which this run waited on.
  returned: when there were any
  type: list
  elements: dict
registry_code:
  description: The registrar's result code when it refused the request.
  returned: failed, when the registrar answered
  type: str
registry_text:
  description: The registrar's message when it refused the request.
  returned: failed, when the registrar answered
  type: str
registry_details:
  description: The registrar's further reasons.
  returned: failed, when the registrar answered
  type: list
  elements: str
'''

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects, validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import CONTACT_ROLES, DesiredDomain
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import run_converge_module


def desired_domain(params):
    return DesiredDomain(name=validation.domain_name(params['name']), contacts=module_options.contacts(params, params['provider']),
                         registrar_options=module_options.registrar_options(params))


def main():
    argument_spec = dict(
        name=dict(type='str', required=True, aliases=['domain']),
    )
    argument_spec.update(module_options.CONTACT_ROLES_SPEC)
    argument_spec.update(module_options.REGISTRAR_OPTIONS_SPEC)
    run_converge_module(argument_spec, desired_domain, aspects=(aspects.REGISTRANT, aspects.CONTACTS), required_one_of=[list(CONTACT_ROLES)])


if __name__ == '__main__':
    main()
