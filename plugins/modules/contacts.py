#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

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
  - domainops.registrar.connection.ALLOW
  - domainops.registrar.attributes
  - domainops.registrar.attributes.CONVERGE
  - domainops.registrar.domain_name
  - domainops.registrar.contact
  - domainops.registrar.contact.REGISTRAR_OPTIONS
attributes:
  check_mode:
    description: Reads the domain (and, on AutoDNS, searches for matching handles); sends nothing.
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
    return DesiredDomain(name=validation.domain_name(params['name']), contacts=module_options.contacts(params, module_options.provider_name(params)),
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
