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
    aliases: [domain]
  names:
    description:
      - List these domains instead (read in bulk); the ones not in the account are in RV(missing).
      - Without O(name) and O(names), the whole account is listed.
    type: list
    elements: str
  filter:
    description: Narrow a listing (of O(names), or of the whole account).
    type: dict
    suboptions:
      tlds:
        description: Only domains under these TLDs (without the leading dot, such as V(com) or V(co.uk)).
        type: list
        elements: str
      pattern:
        description: Only domain names (in punycode) matching this shell-style pattern, such as V(shop-*.com).
        type: str
  export:
    description:
      - Also return the listed domains as RV(portfolio), exactly the input of the
        C(domainops.registrar.portfolio) role (C(portfolio_contacts), C(portfolio_domains)), where contacts holding the same data become one
        shared definition in C(portfolio_contacts). Converging the export changes nothing
        (see docs/adoption.md).
    type: bool
    default: false
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

- name: List the account's .com and .net domains (in bulk)
  domainops.registrar.domain_info:
    provider: autodns
    filter:
      tlds: [com, net]
  register: listing

- name: Export the whole account as the portfolio role's input (adoption)
  domainops.registrar.domain_info:
    provider: autodns
    export: true
  register: account

- name: Make the group variables directory
  ansible.builtin.file:
    path: group_vars/all
    state: directory
    mode: "0755"

- name: Write it as group variables
  ansible.builtin.copy:
    content: "{{ account.portfolio | to_nice_yaml }}"
    dest: group_vars/all/portfolio.yml
    mode: "0644"
'''

RETURN = r'''
exists:
  description: Whether the domain is in the account.
  returned: when O(name) is given
  type: bool
domain:
  description: The domain, or null when it does not exist.
  returned: when O(name) is given
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
          null where the registrar does not say), and C(plus), AutoDNS's privacy plus (null on Ascio).
      type: dict
    dnssec:
      description:
        - The DNSSEC records the parent holds (Ascio C(DnsSecKeys), AutoDNS C(dnssecData)), each with
          C(key_tag), C(algorithm), C(digest_type), C(digest) (DS data) and C(flags), C(protocol),
          C(public_key) (DNSKEY data); fields the registrar does not hold are null. Empty when there are none.
      type: list
      elements: dict
      sample: [{key_tag: null, algorithm: 13, digest_type: null, digest: null, flags: 257, protocol: 3, public_key: "mdsswUyr3DPW..."}]
    auth_code:
      description: The auth code. Only with O(include_auth_code=true).
      type: str
      returned: when O(include_auth_code=true)
count:
  description: How many domains RV(domains) holds.
  returned: without O(name)
  type: int
  sample: 2
domains:
  description: The listed domains, sorted by name, each shaped like RV(domain).
  returned: without O(name)
  type: list
  elements: dict
missing:
  description: The names of O(names) that are not in the account.
  returned: when O(names) is given
  type: list
  elements: str
portfolio:
  description: The listed domains as the portfolio role's input.
  returned: when O(export=true)
  type: dict
  contains:
    portfolio_contacts:
      description: One definition per distinct contact data, named after its organisation or person.
      type: dict
    portfolio_domains:
      description: One item per domain, with name servers, contact references, autorenew and the locks the registrar reports.
      type: list
      elements: dict
  sample:
    portfolio_contacts: {example_ltd: {organization: Example Ltd, email: hostmaster@example.com, country: GB}}
    portfolio_domains: [{name: example.com, nameservers: [a.ns14.net, b.ns14.net], contacts: {registrant: example_ltd},
                         autorenew: true, transfer_lock: true}]
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils import account
from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core import validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.export import export
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import fail, registrar_session


def main():
    argument_spec = dict(
        name=dict(type='str', aliases=['domain']),
        include_auth_code=dict(type='bool', default=False),
        export=dict(type='bool', default=False),
    )
    argument_spec.update(account.SELECTION_SPEC)
    argument_spec.update(CONNECTION_ARGSPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True,
                           mutually_exclusive=[['name', 'names'], ['name', 'filter'], ['name', 'export']])
    params = module.params
    try:
        if params['name'] is not None:
            name = validation.domain_name(params['name'])
        else:
            names, tlds, pattern = account.selection(params)
            if params['include_auth_code']:
                raise InputError('include_auth_code reads one domain: give name, not a list or filter')
        if params['include_auth_code'] and not module.no_log:
            raise InputError('include_auth_code returns a secret: set "no_log: true" on the task so that '
                             '-v output and logs do not show it (the registered result still holds it)')
    except InputError as exc:
        fail(module, exc, changed=False)
    if params['name'] is not None:
        with registrar_session(module, dict(changed=False)) as adapter:
            domain = adapter.get_domain(name)
        module.exit_json(
            changed=False, exists=domain is not None,
            domain=domain.to_dict(include_auth_code=params['include_auth_code']) if domain else None)
    with registrar_session(module, dict(changed=False)) as adapter:
        domains, missing = account.select_domains(adapter, names, tlds, pattern)
    result = dict(changed=False, count=len(domains), domains=[d.to_dict() for d in domains])
    if names is not None:
        result['missing'] = missing
    if params['export']:
        result['portfolio'] = export(domains)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
