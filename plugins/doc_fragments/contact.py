# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment:

    # The contact roles, each with the contact fields (module_options.CONTACT_ROLES_SPEC).
    DOCUMENTATION = r'''
options:
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
'''

    # The registrar-only options of the modules that change contacts (module_options.REGISTRAR_OPTIONS_SPEC).
    # They travel with the declared state; a registrar that has no such option ignores them.
    REGISTRAR_OPTIONS = r'''
options:
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
  owner_change_route:
    description:
      - AutoDNS only. How a registrant whose identity changes is sent, overriding the per-TLD rule
        (the collection's docs/reference/autodns-tld-rules.json). V(update) is the domain update,
        V(owner_change) is C(PUT /domain/{name}/_ownerChange), V(trade) is C(POST /domain/_trade).
      - A route the TLD does not allow fails before anything is sent. Unset, the TLD's rule decides.
    type: str
'''
