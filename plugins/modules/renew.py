#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: renew
short_description: Keep a registered domain paid until at least a date
version_added: 0.1.0
description:
  - A desired state, not an action. Declare paid until at least O(until), or at least
    O(min_days_left) days left; the domain is renewed by O(period) years only when it is paid
    for less than that, and never twice for one intent.
  - B(AutoDNS) follows InterNetX's renewal workflow (DomainInfo for the C(payable) date, then
    C(PUT /domain/{name}/_renew) carrying exactly that date (so a repeated or concurrent request
    cannot renew twice), then the job is followed with C(GET /job/{id}), and the new payable date
    is confirmed with DomainInfo).
  - B(Ascio) sends one C(Renew_Domain) order, after checking the expiry date and that no renewal
    order for the domain is still pending (an earlier run's order is waited on, not sent again).
    Ascio renews domains automatically unless they are set to expire; see M(domainops.registrar.domain)'s
    O(domainops.registrar.domain#module:autorenew).
  - When one renewal of O(period) years would not reach the target, the task fails before sending
    anything; raise O(period).
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.connection.WAIT
  - domainops.registrar.connection.ALLOW
  - domainops.registrar.attributes
  - domainops.registrar.attributes.CONVERGE
  - domainops.registrar.domain_name
attributes:
  check_mode:
    description: Reads the domain and reports the renewal it would order; sends nothing.
options:
  until:
    description: The domain must be paid until at least this date (C(YYYY-MM-DD)).
    type: str
  min_days_left:
    description: The domain must be paid for at least this many days from today.
    type: int
  period:
    description: How many years one renewal adds (1 to 10; the registry decides what it allows).
    type: int
    default: 1
  max_price:
    description:
      - The most this task agrees to pay for the renewal, in O(currency). Without it nothing changes for
        standard-priced domains, but the renewal of a premium domain fails before anything is sent, asking for one.
      - B(AutoDNS) reads the premium price first (C(GET /domainpremium/{name})) and refuses before sending when
        it exceeds the guard, naming both. B(Ascio) sends the guard as the order's C(AgreedPrice), an integer;
        a guard with cents fails before any request.
      - Requires O(currency).
    type: float
  currency:
    description: The currency of O(max_price) (ISO 4217, such as C(EUR)). Requires O(max_price).
    type: str
'''

EXAMPLES = r'''
- name: Keep example.com paid for at least 60 more days
  domainops.registrar.renew:
    provider: autodns
    name: example.com
    min_days_left: 60

- name: Paid until the end of 2028, renewing two years at a time (Ascio)
  domainops.registrar.renew:
    provider: ascio
    name: example.net
    until: "2028-12-31"
    period: 2
'''

RETURN = r'''
domain:
  description: The domain name (punycode for IDNs).
  returned: always
  type: str
expires:
  description: The expiry date after the task (ISO 8601 date).
  returned: success
  type: str
payable:
  description: The date the domain is paid until after the task (AutoDNS C(payable); Ascio expiry date).
  returned: success
  type: str
operations:
  description: The renewal order or task sent, or in check mode the one that would be sent; empty when none is needed.
  returned: always
  type: list
  elements: dict
pending:
  description: A renewal an earlier run had left running, which this run waited on.
  returned: when there was one
  type: list
  elements: dict
registry_code:
  description: The registrar's result code when it refused the request (for example a payable date that no longer matches).
  returned: failed, when the registrar answered
  type: str
registry_text:
  description: The registrar's message when it refused the request.
  returned: failed, when the registrar answered
  type: str
'''

from ansible_collections.domainops.registrar.plugins.module_utils import module_options
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects, validation
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import run_converge_module


def desired_domain(params):
    return DesiredDomain(name=validation.domain_name(params['name']), renew=module_options.renew_policy(params),
                         price_guard=module_options.price_guard(params, module_options.provider_name(params)))


def main():
    run_converge_module(
        dict(name=dict(type='str', required=True, aliases=['domain']),
             until=dict(type='str'),
             min_days_left=dict(type='int'),
             period=dict(type='int', default=1),
             **module_options.PRICE_GUARD_SPEC),
        desired_domain, aspects=(aspects.RENEW,),
        required_one_of=[['until', 'min_days_left']], mutually_exclusive=[['until', 'min_days_left']],
        required_together=module_options.PRICE_GUARD_TOGETHER)


if __name__ == '__main__':
    main()
