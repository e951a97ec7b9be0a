#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: report
short_description: Report the domains that need attention, from one bulk read of the account
version_added: 0.2.0
description:
  - Reads the account (or the listed domains) in bulk and reports the domains paid for fewer than
    O(expires_within_days) more days, with automatic renewal off, without a transfer lock, or that
    differ from a declared portfolio (O(declared)), as data (RV(findings)) and as readable lines
    (RV(lines)).
  - Changes nothing. With O(fail_on_findings=true) the task fails when anything is found (a CI gate
    such as "no domain lapses within 30 days").
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.attributes
  - domainops.registrar.attributes.INFO
options:
  names:
    description: Report on these domains only (read in bulk); the default is the whole account.
    type: list
    elements: str
  filter:
    description: Narrow the domains reported on.
    type: dict
    suboptions:
      tlds:
        description: Only domains under these TLDs (without the leading dot).
        type: list
        elements: str
      pattern:
        description: Only domain names (in punycode) matching this shell-style pattern.
        type: str
  expires_within_days:
    description: Report the domains paid until (AutoDNS C(payable), else the expiry date) at most this many days from today.
    type: int
  autorenew_off:
    description: Report the domains whose automatic renewal is off.
    type: bool
    default: false
  no_transfer_lock:
    description: Report the domains that are not locked against transfers away.
    type: bool
    default: false
  declared:
    description:
      - A declared portfolio, as the O(domainops.registrar.portfolio#module:domains) option of
        M(domainops.registrar.portfolio); each declared domain that differs is reported with the aspects
        that differ, and each declared domain missing from the account as C(missing).
    type: list
    elements: dict
  undeclared:
    description: With O(declared), also report the domains of the account that it does not declare.
    type: bool
    default: false
  fail_on_findings:
    description: Fail the task when anything is reported (the findings are still returned).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: What lapses within 45 days, renews by hand, or can be transferred away
  domainops.registrar.report:
    provider: autodns
    expires_within_days: 45
    autorenew_off: true
    no_transfer_lock: true
  register: attention

- name: Print it
  ansible.builtin.debug:
    var: attention.lines

- name: CI gate, nothing of the .com domains may lapse within 30 days
  domainops.registrar.report:
    provider: autodns
    filter:
      tlds: [com]
    expires_within_days: 30
    fail_on_findings: true
"""

RETURN = r"""
findings:
  description: What was found, sorted by domain.
  returned: always
  type: list
  elements: dict
  contains:
    domain:
      description: The domain name.
      type: str
    finding:
      description: C(expiring), C(autorenew_off), C(no_transfer_lock), C(differs), C(missing) or C(undeclared).
      type: str
    detail:
      description: What it means for this domain.
      type: str
    days_left:
      description: For C(expiring), the days left until it is paid until.
      type: int
      returned: for C(expiring)
    aspects:
      description: For C(differs), the aspects that differ (C(nameservers), C(contacts), ...).
      type: list
      elements: str
      returned: for C(differs)
  sample: [{domain: example.org, finding: expiring, detail: paid until 2027-01-03 (32 days left), days_left: 32,
            paid_until: '2027-01-03'}]
lines:
  description: One readable line per finding.
  returned: always
  type: list
  elements: str
  sample: ["example.org: expiring: paid until 2027-01-03 (32 days left)"]
counts:
  description: Findings per kind.
  returned: always
  type: dict
  sample: {expiring: 1, autorenew_off: 0, no_transfer_lock: 0, differs: 0, missing: 0, undeclared: 0}
domains:
  description: How many domains were read.
  returned: always
  type: int
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils import account, declaration, module_options
from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core import report
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import fail, registrar_session


def main():
    spec = dict(
        expires_within_days=dict(type='int'),
        autorenew_off=dict(type='bool', default=False),
        no_transfer_lock=dict(type='bool', default=False),
        declared=dict(type='list', elements='dict'),
        undeclared=dict(type='bool', default=False),
        fail_on_findings=dict(type='bool', default=False),
    )
    spec.update(account.SELECTION_SPEC)
    spec.update(CONNECTION_ARGSPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    params = module.params
    try:
        names, tlds, pattern = account.selection(params)
        if params['expires_within_days'] is not None and params['expires_within_days'] < 0:
            raise InputError('expires_within_days must be 0 or more, got %s' % params['expires_within_days'])
        declared = None
        if params['declared'] is not None:
            items = declaration.checked_items(params['declared'], 'declared')
            declared = declaration.desired_domains(items, module_options.provider_name(params))
        if params['undeclared'] and declared is None:
            raise InputError('undeclared needs declared: give the portfolio to compare the account with')
    except InputError as exc:
        fail(module, exc, changed=False)
    with registrar_session(module, dict(changed=False)) as adapter:
        domains, _missing = account.select_domains(adapter, names, tlds, pattern)
    found = report.findings(domains, within_days=params['expires_within_days'], autorenew_off=params['autorenew_off'],
                            no_transfer_lock=params['no_transfer_lock'], declared=declared,
                            undeclared=params['undeclared'])
    result = dict(changed=False, findings=found, lines=[report.line(f) for f in found], domains=len(domains),
                  counts=dict((kind, sum(1 for f in found if f['finding'] == kind)) for kind in report.KINDS))
    if found and params['fail_on_findings']:
        shown = '; '.join(result['lines'][:20]) + ('; ...' if len(found) > 20 else '')
        module.fail_json(msg='%d finding(s): %s' % (len(found), shown), **result)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
