#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: portfolio
short_description: Converge many domains in one task, with bulk reads and one session
version_added: 0.2.0
description:
  - Takes a list of domain declarations, each with the options of M(domainops.registrar.domain)
    plus an optional renewal policy, and converges them all in one invocation. One session (one
    Ascio C(LogIn)), bulk reads (AutoDNS C(POST /domain/_search), C(POST /contact/_search) and
    C(POST /job/_search); Ascio C(SearchDomain) and C(SearchOrder)), only the orders or tasks
    needed, each sent once.
  - Orders of different domains do not wait on each other; everything sent is followed together
    with bulk status reads, so N changes take about as long as the slowest one.
  - A domain that fails does not stop the others unless O(fail_fast=true). Each domain's result
    is in RV(domains); the task fails when any domain failed, after the others converged.
  - The same code converges a single domain in M(domainops.registrar.domain) and the other
    single-domain modules; their results are the items of RV(domains).
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.connection.WAIT
  - domainops.registrar.connection.ALLOW
  - domainops.registrar.attributes
  - domainops.registrar.attributes.CONVERGE
options:
  domains:
    description:
      - The domain declarations. Every declaration is checked before any request; a domain
        declared twice is refused.
      - Exactly one of O(domains) and O(domains_file) is required.
    type: list
    elements: dict
    suboptions:
      name:
        description: The domain name (Unicode or punycode).
        type: str
        required: true
        aliases: [domain]
      state:
        description: Whether the domain must be in the account (see M(domainops.registrar.domain)).
        type: str
        choices: [present, absent]
        default: present
      absent_action:
        description: With O(domains[].state=absent), V(expire) lets the domain lapse, V(delete) deletes it now.
        type: str
        choices: [expire, delete]
        default: expire
      auth_code:
        description: The auth code of a domain held elsewhere; with it, a missing domain is transferred in.
        type: str
      new_auth_code:
        description: The auth code the domain must carry (Ascio only).
        type: str
      restore:
        description: Restore the domain when it is missing because it was deleted recently.
        type: bool
        default: false
      period:
        description: Registration or transfer period in years.
        type: int
        default: 1
      nameservers:
        description: The complete list of name servers (host names, or dicts with C(name), C(ipv4), C(ipv6)).
        type: list
        elements: raw
      allow_single_nameserver:
        description: Accept a single name server.
        type: bool
        default: false
      contacts:
        description: Contacts by role, as in M(domainops.registrar.domain); only the roles and fields given are managed.
        type: dict
        suboptions:
          registrant:
            description: The registrant (domain holder).
            type: dict
          admin:
            description: The administrative contact.
            type: dict
          tech:
            description: The technical contact.
            type: dict
          billing:
            description: The billing contact (Ascio only).
            type: dict
          reseller:
            description: The reseller contact (Ascio only).
            type: dict
          zone:
            description: The zone contact (AutoDNS only).
            type: dict
      autorenew:
        description: Whether the registrar renews the domain automatically.
        type: bool
      dnssec:
        description:
          - The complete list of DNSSEC records at the parent, compared as a set; V([]) removes all
            (see O(domainops.registrar.domain#module:dnssec)).
        type: list
        elements: dict
        suboptions:
          key_tag:
            description: The key tag of the DS record (0-65535).
            type: int
          algorithm:
            description: The DNSSEC algorithm number (IANA).
            type: int
          digest_type:
            description: The DS digest type, V(2) SHA-256, V(4) SHA-384 or V(1) SHA-1.
            type: int
          digest:
            description: The DS digest in hexadecimal.
            type: str
          flags:
            description: The DNSKEY flags, V(257) or V(256).
            type: int
          protocol:
            description: The DNSKEY protocol, always V(3).
            type: int
          public_key:
            description: The DNSKEY public key in Base64.
            type: str
      transfer_lock:
        description: Whether the domain must be locked against transfers away.
        type: bool
      delete_lock:
        description: Whether the domain must be locked against deletion (Ascio only).
        type: bool
      update_lock:
        description: Whether the domain must be locked against updates.
        type: bool
      renew:
        description:
          - Renew when the domain is paid for less than this (see M(domainops.registrar.renew)); a
            renewal is billable. Give O(domains[].renew.until) or O(domains[].renew.min_days_left).
        type: dict
        suboptions:
          until:
            description: The date (YYYY-MM-DD) the domain must at least be paid until.
            type: str
          min_days_left:
            description: Renew when fewer days than this are left.
            type: int
          period:
            description: Years per renewal.
            type: int
            default: 1
      update_contacts_in_place:
        description: AutoDNS only; see M(domainops.registrar.contacts).
        type: bool
        default: false
      confirm_owner_consent:
        description: AutoDNS only; see M(domainops.registrar.contacts).
        type: bool
        default: false
      owner_change_route:
        description: AutoDNS only; see M(domainops.registrar.contacts).
        type: str
      privacy:
        description: The privacy or proxy service, as in M(domainops.registrar.domain) (gTLDs only).
        type: str
        choices: [none, privacy, proxy]
      privacy_contacts:
        description: Which contacts besides the registrant the service covers (Ascio only), as in M(domainops.registrar.domain).
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
        description: AutoDNS privacy plus on top of privacy, as in M(domainops.registrar.domain).
        type: bool
      max_price:
        description:
          - The most the item's registration, transfer, restore or renewal may cost, in O(domains[].currency);
            see M(domainops.registrar.domain). Without it a premium price is refused. Requires O(domains[].currency).
        type: float
      currency:
        description: The currency of O(domains[].max_price) (ISO 4217). Requires O(domains[].max_price).
        type: str
  domains_file:
    description:
      - A JSON or YAML file holding the declarations, read by the module itself on the host it runs
        on (the controller, with a local connection or C(delegate_to=localhost)). Either a list of
        items as in O(domains), or a mapping with C(portfolio_domains) and C(portfolio_contacts), as
        M(domainops.registrar.domain_info) returns it with O(domainops.registrar.domain_info#module:export=true)
        (the portfolio role's input); its contact references are replaced by the contacts they name.
      - Each item is checked against the same options as O(domains), before any request.
      - Ansible does not template, tag and copy the file's values, as it does with variables and
        task arguments; for thousands of domains that saves seconds (see C(docs/benchmarks.md)).
        Jinja in the file is not evaluated.
      - YAML needs PyYAML where the module runs (ansible-core brings it to the controller); JSON needs nothing.
    type: path
  return_state:
    description:
      - Whether each item of RV(domains) carries the domain's whole state (contacts, name servers,
        locks, DNSSEC, privacy, as M(domainops.registrar.domain) returns it).
      - By default an item carries C(status), C(expires) and C(payable) only; for thousands of domains
        the states are megabytes that Ansible carries and copies for nothing. M(domainops.registrar.domain_info)
        reads them in bulk when they are wanted.
    type: bool
    default: false
  register_missing:
    description:
      - What to do with a declared domain (O(domains[].state=present)) that is not in the account.
      - V(false) (the default) fails that domain before anything is sent for it, so that a typo or a
        domain deleted meanwhile is never bought by accident; the others converge.
      - V(true) registers it (or, with O(domains[].auth_code), transfers it in; with
        O(domains[].restore=true), restores it), as M(domainops.registrar.domain) does. Registering is billable
        (see O(allow)).
    type: bool
    default: false
  stop_on_missing:
    description:
      - Whether a declared domain that is not in the account (with O(register_missing=false)) stops the
        whole run before anything is sent for any domain, as a list with a typo or a run against the wrong
        account should; the task fails naming the missing domains, and the others' operations are reported
        as not sent.
      - By default only that domain fails and the others converge.
      - The M(domainops.registrar.portfolio) role sets it.
    type: bool
    default: false
  fail_fast:
    description:
      - Stop sending as soon as one domain fails; what was not sent yet is reported as not sent.
      - By default the other domains converge and the task fails at the end.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Converge three domains in one task (AutoDNS)
  domainops.registrar.portfolio:
    provider: autodns
    domains:
      - name: example.com
        nameservers: [a.ns14.net, b.ns14.net]
        autorenew: true
        transfer_lock: true
      - name: example.net
        nameservers: [a.ns14.net, b.ns14.net]
        renew:
          min_days_left: 60
      - name: example.org
        state: absent
  register: converged

- name: Show what each domain needed
  ansible.builtin.debug:
    msg: "{{ item.domain }}: {{ item.operations | map(attribute='operation') | list }}"
  loop: "{{ converged.domains }}"
  loop_control:
    label: "{{ item.domain }}"
"""

RETURN = r"""
domains:
  description:
    - One item per declared domain, in the order declared, with what was planned or sent and the domain's
      C(status), C(expires) and C(payable) (with O(return_state=true), its whole state, as
      M(domainops.registrar.domain) returns it).
  returned: always
  type: list
  elements: dict
  contains:
    domain:
      description: The domain name, in ASCII (punycode) form.
      type: str
    changed:
      description: Whether an order or task was accepted for it (planned, in check mode).
      type: bool
    operations:
      description: The operations planned or sent, each with C(operation), C(request), C(id), C(status), C(message).
      type: list
      elements: dict
    pending:
      description: Work an earlier run left running, found before planning.
      type: list
      elements: dict
      returned: when there was any
    failed:
      description: True when this domain failed.
      type: bool
      returned: when it failed
    msg:
      description: Why it failed.
      type: str
      returned: when it failed
    registry_code:
      description: The registrar's error code.
      type: str
      returned: when the registrar refused
    registry_text:
      description: The registrar's error text.
      type: str
      returned: when the registrar refused
    status:
      description: The registry status, as M(domainops.registrar.domain_info) returns it.
      type: str
      returned: when the domain is in the account
    expires:
      description: The expiry date (ISO 8601).
      type: str
      returned: when the domain is in the account
    payable:
      description: The date up to which the domain is paid (ISO 8601), where the registrar reports one.
      type: str
      returned: when the domain is in the account
    state:
      description: V(absent) when the domain is not in the account.
      type: str
      returned: when the domain is not in the account
    renew:
      description:
        - The renewal policy declared for the domain (C(period), C(until), C(min_days_left)), to read
          C(payable) or C(expires) against.
      type: dict
      returned: when the declaration has one
  sample:
    - {domain: example.com, changed: false, operations: [], status: ACTIVE, expires: "2027-03-01", payable: "2027-03-01"}
consequences:
  description:
    - The operations planned (check mode) or sent that are billable, irreversible or start a
      transfer lock, billable ones first, each with a readable C(line).
  returned: always
  type: list
  elements: dict
  sample:
    - {domain: example.net, operation: Renew_Domain, status: planned, billable: true, irreversible: false,
       locks_transfer_days: null, price: null, line: "example.net: Renew_Domain (billable), planned"}
summary:
  description: Counts over all domains.
  returned: always
  type: dict
  contains:
    domains:
      description: Domains declared.
      type: int
    changed:
      description: Domains changed (planned to change, in check mode).
      type: int
    unchanged:
      description: Domains that needed nothing.
      type: int
    failed:
      description: Domains that failed.
      type: int
    pending:
      description: Domains left alone because earlier work is still running (check mode, O(wait=false)).
      type: int
    operations:
      description: Operations planned (check mode) or sent.
      type: int
  sample: {domains: 3, changed: 1, unchanged: 2, failed: 0, pending: 0, operations: 1}
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils import declaration, declaration_file, module_options
from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.converge import Converge
from ansible_collections.domainops.registrar.plugins.module_utils.core.consequences import ALLOW_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import WAIT_ARGSPEC, check_timeouts, converge_settings, fail, registrar_session

# What each domain's result carries without return_state: enough to see where it stands.
SUMMARY_KEYS = ('status', 'expires', 'payable')
MISSING_HINT = ('; nothing was sent for it. Set register_missing: true to register it (or transfer it in with auth_code, '
                'or restore it with restore: true), which is billable')


def consequences(runs):
    """The planned or sent operations that cost money, cannot be undone or start a transfer lock,
    billable ones first: what a reviewer reads before anything else."""
    marked = []
    for run in runs:
        for op in run.result['operations']:
            if op.get('billable') or op.get('irreversible') or op.get('locks_transfer_days'):
                kinds = [kind for kind in ('billable', 'irreversible') if op.get(kind)]
                if op.get('locks_transfer_days'):
                    kinds.append('locks transfers for %s days' % op['locks_transfer_days'])
                price = op.get('price') or {}
                line = '%s: %s (%s)%s, %s' % (run.name, op['operation'], ', '.join(kinds),
                                              ' at %s %s' % (price.get('amount'), price.get('currency')) if price else '',
                                              op['status'])
                marked.append(dict(domain=run.name, operation=op['operation'], status=op['status'],
                                   billable=bool(op.get('billable')), irreversible=bool(op.get('irreversible')),
                                   locks_transfer_days=op.get('locks_transfer_days'), price=op.get('price'), line=line))
    return sorted(marked, key=lambda m: (not m['billable'], not m['irreversible']))


def summary(runs, check_mode):
    counted = dict(domains=len(runs), changed=0, unchanged=0, failed=0, pending=0, operations=0)
    for run in runs:
        result = run.result
        if result.get('failed'):
            counted['failed'] += 1
        elif result.get('changed'):
            counted['changed'] += 1
        elif result.get('pending') and not run.operations:
            counted['pending'] += 1
        else:
            counted['unchanged'] += 1
        counted['operations'] += sum(1 for op in result['operations']
                                     if (op['status'] == 'planned') == check_mode and op['status'] != 'not sent')
    return counted


def main():
    spec = dict(
        domains=dict(type='list', elements='dict', options=declaration.portfolio_item_spec()),
        domains_file=dict(type='path'),
        return_state=dict(type='bool', default=False),
        fail_fast=dict(type='bool', default=False),
        register_missing=dict(type='bool', default=False),
        stop_on_missing=dict(type='bool', default=False),
    )
    spec.update(CONNECTION_ARGSPEC)
    spec.update(WAIT_ARGSPEC)
    spec.update(ALLOW_ARGSPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True, mutually_exclusive=[['domains', 'domains_file']],
                           required_one_of=[['domains', 'domains_file']])
    result = dict(changed=False, domains=[], consequences=[], summary=summary([], module.check_mode))
    try:
        check_timeouts(module.params)
        items = module.params['domains']
        if items is None:
            items, secrets = declaration_file.read(module.params['domains_file'])
            module.no_log_values.update(secrets)
        desired = declaration.desired_domains(items, module_options.provider_name(module.params))
    except InputError as exc:
        fail(module, exc, **result)
    with registrar_session(module, result) as adapter:
        flow = Converge(adapter, declaration.PORTFOLIO_ASPECTS, missing_ok=module.params['register_missing'],
                        missing_hint=MISSING_HINT, fail_fast=module.params['fail_fast'],
                        stop_on_missing=module.params['stop_on_missing'],
                        result_keys=None if module.params['return_state'] else SUMMARY_KEYS,
                        **converge_settings(module))
        runs = flow.run(desired)
        provider = adapter.name
    for run in runs:
        if run.desired.renew is not None:
            run.result['renew'] = run.desired.renew.to_dict()
    result['domains'] = [run.result for run in runs]
    result['consequences'] = consequences(runs)
    result['summary'] = summary(runs, module.check_mode)
    result['changed'] = any(run.result.get('changed') for run in runs)
    if module._diff:
        result['diff'] = [run.diff for run in runs if run.diff is not None and run.diff['before'] != run.diff['after']]
    if module.params['domains'] is not None:
        # Ansible echoes a module's arguments in its result; a thousand declarations echoed are
        # megabytes it copies and pickles for nothing (docs/benchmarks.md#portfolio). Their count stands in.
        result['invocation'] = {'module_args': dict(module.params, domains='(%d declarations, not repeated here)'
                                                    % len(module.params['domains']))}
    failed = [run for run in runs if run.error is not None]
    if flow.stopped_for_missing:
        module.fail_json(msg='Not in this %s account: %s. Nothing was sent (stop_on_missing). Set register_missing: true '
                         'to register them, which is billable.' % (provider, ', '.join(flow.stopped_for_missing)), **result)
    if failed:
        module.fail_json(msg='%d of %d domains failed: %s' % (len(failed), len(runs), '; '.join(
            '%s: %s' % (run.name, run.result['msg']) for run in failed)), **result)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
