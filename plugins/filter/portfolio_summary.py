# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: portfolio_summary
short_description: One summary row and readable line per domain of a portfolio task
version_added: 0.2.0
author: domainops.registrar contributors
description:
  - >-
    Turns the registered result of M(domainops.registrar.portfolio) into one row per declared domain, in
    the order declared, each with a readable C(line) such as C(example.com: changed | sent PUT /domain/example.com 4295611341 (SUCCESS)).
  - This is the portfolio role's C(portfolio_summary) fact. It also reads a failed task's result, and a
    task that did not run at all.
  - It takes time linear in the number of domains. The same rows built by a Jinja loop took 0.7 s for 1,000 domains.
options:
  _input:
    description: The registered result of the portfolio task. An empty mapping stands for a task that did not run.
    type: dict
    required: true
  names:
    description:
      - The declared domain names, in the order declared (the module answers in that order).
      - By default, the names in the result.
      - A name without a result (the task failed before reading the domains) gets a C(not converged) line.
    type: list
    elements: str
  check_mode:
    description: Whether the task ran in check mode. In check mode, lines say C(would change) and C(would send).
    type: bool
    default: false
  register_missing_option:
    description:
      - How the reader sets the module's O(domainops.registrar.portfolio#module:register_missing) option, for
        the hint in a missing domain's line (the portfolio role passes its C(portfolio_register_missing)).
    type: str
    default: register_missing
"""

EXAMPLES = r"""
- name: Converge the portfolio
  domainops.registrar.portfolio:
    provider: autodns
    domains:
      - name: example.com
        nameservers: [a.ns14.net, b.ns14.net]
  register: converged

- name: One line per domain
  ansible.builtin.debug:
    msg: "{{ converged | domainops.registrar.portfolio_summary(check_mode=ansible_check_mode) | map(attribute='line') | list }}"
"""

RETURN = r"""
_value:
  description: One row per domain.
  type: list
  elements: dict
  contains:
    name:
      description: The domain, as declared.
      type: str
    changed:
      description: Whether the domain was changed (in check mode, would be).
      type: bool
    failed:
      description: Whether the domain failed.
      type: bool
    operations:
      description: The operations planned or sent, each with C(operation), C(id) and C(status).
      type: list
      elements: dict
    pending:
      description: The registrar's orders or jobs that were already running and were waited on.
      type: list
      elements: dict
    line:
      description:
        - >-
          The readable line, C(<name>: <state>), then C(| sent ...), C(| waited on ...) and C(| paid until ...) where they apply.
        - >-
          The state is C(changed), C(unchanged), C(would change), C(FAILED: <message>), C(not converged: <message>),
          or why nothing was sent.
      type: str
"""

from ansible_collections.domainops.registrar.plugins.plugin_utils.filter_arguments import FilterArguments

ARGUMENTS = FilterArguments('portfolio_summary')

OPERATION_KEYS = ('operation', 'id', 'status')


def _described(op):
    return '%s%s (%s)' % (op.get('operation'), ' %s' % op['id'] if op.get('id') else '', op.get('status'))


def _state(result, task, check_mode, held, sent, register_missing_option):
    if result.get('failed'):
        message = str(result.get('msg') or 'failed')
        return 'FAILED: ' + message.replace('register_missing: true', '%s: true' % register_missing_option)
    if not result and task.get('failed'):
        return 'not converged: %s' % (task.get('msg') or 'the portfolio task failed')
    if not result:
        return 'not converged (an earlier step failed)'
    if held and not sent:
        return '%s (%s)' % (held[0].get('message') or 'not sent', ', '.join(str(op.get('operation')) for op in held))
    if result.get('changed'):
        return 'would change' if check_mode else 'changed'
    return 'unchanged'


def row(name, result, task, check_mode=False, register_missing_option='register_missing'):
    """The summary row of one domain: ``result`` is its item of the task's ``domains`` ({} when none)."""
    operations = result.get('operations') or []
    pending = result.get('pending') or []
    held = [op for op in operations if op.get('status') == 'not sent']
    sent = [_described(op) for op in operations if op.get('status') != 'not sent']
    line = '%s: %s' % (name, _state(result, task, check_mode, held, sent, register_missing_option))
    if sent:
        line += ' | %s%s' % ('would send ' if check_mode else 'sent ', ', '.join(sent))
    if pending:
        line += ' | waited on ' + ', '.join('%s %s (%s)' % (op.get('operation'), op.get('id'), op.get('status')) for op in pending)
    paid_until = result.get('payable') or result.get('expires')
    if result.get('renew') and paid_until:
        line += ' | paid until %s' % paid_until
    return {
        'name': name,
        'changed': bool(result.get('changed', False)),
        'failed': bool(result.get('failed', False)),
        'operations': [dict((key, op[key]) for key in OPERATION_KEYS if key in op) for op in operations],
        'pending': list(pending),
        'line': line,
    }


def portfolio_summary(task, names=None, check_mode=False, register_missing_option='register_missing'):
    task = ARGUMENTS.optional_mapping(task, 'the registered result of the portfolio task')
    results = ARGUMENTS.listed(task.get('domains') or [], "the result's domains")
    results = [ARGUMENTS.optional_mapping(result, 'domains[%d]' % index) for index, result in enumerate(results)]
    if names is None:
        names = [result.get('domain') for result in results]
    return [row(name, results[index] if index < len(results) else {}, task, bool(check_mode), register_missing_option)
            for index, name in enumerate(names)]


class FilterModule:
    def filters(self):
        return {'portfolio_summary': portfolio_summary}
