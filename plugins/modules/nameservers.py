#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: nameservers
short_description: Keep the name servers of a registered domain in the declared state
version_added: 0.1.0
description:
  - Reads the domain from the registrar, compares its name servers with O(nameservers), and
    sends one change only when the set differs.
  - Host names are compared case-insensitively, without a trailing dot and in any order.
    Glue addresses are compared only for name servers inside the domain itself.
  - On Ascio the change is one C(Nameserver_Update) order (C(CreateOrder)), followed with
    C(GetOrder). On AutoDNS it is one domain update task (C(PUT /domain/{name})), followed with
    C(GET /job/{id}).
  - An order or job that an earlier run left running for the same domain is waited on and never
    sent again.
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.connection.WAIT
  - domainops.registrar.connection.ALLOW
  - domainops.registrar.attributes
  - domainops.registrar.attributes.CONVERGE
  - domainops.registrar.domain_name
options:
  nameservers:
    description:
      - The complete list of name servers the domain must have, as host names or as
        dictionaries with C(name) and the glue addresses C(ipv4) and/or C(ipv6).
      - A name server inside the domain itself (C(ns1.example.com) for C(example.com)) needs a glue
        address; one outside it must not have any.
      - At least two, at most thirteen.
    type: list
    elements: raw
    required: true
  allow_single_nameserver:
    description:
      - Accept a list with a single name server. Most registries refuse this; the registrar decides.
    type: bool
    default: false
'''

EXAMPLES = r'''
- name: Point example.com at two name servers (AutoDNS)
  domainops.registrar.nameservers:
    provider: autodns
    name: example.com
    nameservers:
      - a.ns14.net
      - b.ns14.net

- name: Name servers with glue inside the domain (Ascio)
  domainops.registrar.nameservers:
    provider: ascio
    name: example.net
    nameservers:
      - name: ns1.example.net
        ipv4: 192.0.2.53
        ipv6: 2001:db8::53
      - ns2.example.org

- name: Set the connection once for every module of the collection
  module_defaults:
    group/domainops.registrar.registrar:
      provider: autodns
      environment: demo   # credentials from AUTODNS_USER, AUTODNS_PASSWORD, AUTODNS_CONTEXT
  block:
    - name: Send the change and return at once with the job id
      domainops.registrar.nameservers:
        name: example.org
        nameservers: [a.ns14.net, b.ns14.net, c.ns14.net]
        wait: false
      register: ns_job
'''

RETURN = r'''
domain:
  description: The domain name, in ASCII (punycode) form.
  returned: always
  type: str
  sample: example.com
nameservers:
  description:
    - The name servers after the task (as read back from the registrar when O(wait=true); as
      planned in check mode or with O(wait=false)).
  returned: success
  type: list
  elements: dict
  contains:
    name:
      description: Host name.
      type: str
    ipv4:
      description: Glue IPv4 address, or null.
      type: str
    ipv6:
      description: Glue IPv6 address, or null.
      type: str
  sample: [{name: a.ns14.net, ipv4: null, ipv6: null}, {name: b.ns14.net, ipv4: null, ipv6: null}]
operations:
  description:
    - The orders (Ascio) or tasks (AutoDNS) sent, or in check mode those that would be sent.
      Empty when nothing differs.
  returned: always
  type: list
  elements: dict
  contains:
    operation:
      description: The registrar's name for it, such as C(Nameserver_Update) or C(PUT /domain/example.com).
      type: str
    domain:
      description: The domain it is for.
      type: str
    request:
      description: What is sent, with secrets redacted.
      type: dict
    id:
      description: The Ascio order id or AutoDNS job id; null in check mode.
      type: str
    status:
      description:
        - C(planned) in check mode; else the registrar's status (such as C(Completed), C(SUCCESS), C(RUNNING)).
        - C(refused) when the registrar refused it (the task fails, and is not changed unless an earlier one was sent).
        - C(not sent) with O(wait=false) for one that needs an earlier one to end first; re-run to send it.
      type: str
    message:
      description: The registrar's message about it, if any.
      type: str
  sample: [{operation: Nameserver_Update, domain: example.com, id: "TEST-000123", status: Completed, request: {}, message: null}]
pending:
  description: Orders or jobs an earlier run had left running for this domain, which this run waited on.
  returned: when there were any
  type: list
  elements: dict
registry_code:
  description: The registrar's result code when it refused the request.
  returned: failed, when the registrar answered
  type: str
  sample: "400"
registry_text:
  description: The registrar's message when it refused the request.
  returned: failed, when the registrar answered
  type: str
  sample: Order not validated
registry_details:
  description: The registrar's further reasons (Ascio C(Values), AutoDNS C(messages)).
  returned: failed, when the registrar answered
  type: list
  elements: str
'''

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects, validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import run_converge_module


def desired_domain(params):
    name = validation.domain_name(params['name'])
    return DesiredDomain(name=name, nameservers=validation.nameservers(
        params['nameservers'], name, params['allow_single_nameserver'], module_options.max_nameservers(module_options.provider_name(params))))


def main():
    run_converge_module(
        dict(name=dict(type='str', required=True, aliases=['domain']),
             nameservers=dict(type='list', elements='raw', required=True),
             allow_single_nameserver=dict(type='bool', default=False)),
        desired_domain, aspects=(aspects.NAMESERVERS,))


if __name__ == '__main__':
    main()
