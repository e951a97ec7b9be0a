#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: domain_info
short_description: Read a registered domain from the registrar
version_added: 0.1.0
description:
  - Reads one domain (Ascio C(SearchDomain) and C(GetDomain); AutoDNS C(GET /domain/{name})) and
    returns it in the collection's registrar-neutral form.
  - A domain that is not in the account is not an error; RV(exists) is then V(false).
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.attributes
  - domainops.registrar.attributes.INFO
options:
  name:
    description:
      - The domain name. Internationalised names are accepted and converted to punycode.
    type: str
    required: true
    aliases: [domain]
  include_auth_code:
    description:
      - Also return the domain's auth code (transfer key) in RV(domain.auth_code).
      - It is a secret, and Ansible (2.15 to 2.19) has no way for a module to mark a single
        returned value as secret; only the task's C(no_log) keeps the result out of C(-v) output
        and logs. So this option requires C(no_log) set to V(true) on the task, and fails before any
        request without it. The registered variable still holds the code; print it only when you
        mean to, for example with an C(ansible.builtin.debug) task of its own.
    type: bool
    default: false
'''

EXAMPLES = r'''
- name: Read example.com from AutoDNS
  domainops.registrar.domain_info:
    provider: autodns
    name: example.com
  register: info

- name: Show when it expires
  ansible.builtin.debug:
    msg: "{{ info.domain.name }} is paid until {{ info.domain.payable }}"
  when: info.exists

- name: Fetch the auth code for a transfer, without printing it
  domainops.registrar.domain_info:
    provider: ascio
    name: example.net
    include_auth_code: true
  register: transfer_key
  no_log: true
'''

RETURN = r'''
exists:
  description: Whether the domain is in the account.
  returned: always
  type: bool
domain:
  description: The domain, or null when it does not exist.
  returned: always
  type: dict
  contains:
    name:
      description: The domain name (punycode for IDNs).
      type: str
      sample: example.com
    nameservers:
      description: Name servers, each with its glue addresses (null when none).
      type: list
      elements: dict
      sample: [{name: a.ns14.net, ipv4: null, ipv6: null}]
    contacts:
      description:
        - Contacts by role (C(registrant), C(admin), C(tech), C(billing), and C(reseller) on Ascio
          or C(zone) on AutoDNS), each with C(handle), C(first_name), C(last_name), C(organization),
          C(address) (list of lines), C(city), C(state), C(postal_code), C(country), C(email),
          C(phone), C(fax), C(registrant_number). Fields the registrar does not report are null.
      type: dict
    locks:
      description: C(transfer_lock), C(delete_lock), C(update_lock) as booleans, null when unknown.
      type: dict
      sample: {transfer_lock: true, delete_lock: false, update_lock: false}
    expires:
      description: Expiry date (ISO 8601 date).
      type: str
      sample: "2027-12-31"
    payable:
      description: The date the domain is paid until (AutoDNS C(payable); on Ascio the expiry date).
      type: str
      sample: "2027-12-31"
    autorenew:
      description: Whether the registrar renews the domain automatically at the end of its term.
      type: bool
    status:
      description: The registrar's status of the domain.
      type: str
    privacy:
      description:
        - The privacy or proxy service (Ascio C(PrivacyProxy), AutoDNS C(privacy)), with C(service) (none,
          privacy, proxy) and C(admin), C(tech), C(billing), whether it covers that contact too (Ascio only;
          null where the registrar does not say).
      type: dict
    auth_code:
      description: The auth code. Only with O(include_auth_code=true).
      type: str
      returned: when O(include_auth_code=true)
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import fail, registrar_session


def main():
    argument_spec = dict(
        name=dict(type='str', required=True, aliases=['domain']),
        include_auth_code=dict(type='bool', default=False),
    )
    argument_spec.update(CONNECTION_ARGSPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    try:
        name = validation.domain_name(module.params['name'])
        if module.params['include_auth_code'] and not module.no_log:
            raise InputError('include_auth_code returns a secret: set "no_log: true" on the task so that '
                             '-v output and logs do not show it (the registered result still holds it)')
    except InputError as exc:
        fail(module, exc, changed=False)
    with registrar_session(module, dict(changed=False)) as adapter:
        domain = adapter.get_domain(name)
    module.exit_json(
        changed=False, exists=domain is not None,
        domain=domain.to_dict(include_auth_code=module.params['include_auth_code']) if domain else None)


if __name__ == '__main__':
    main()
