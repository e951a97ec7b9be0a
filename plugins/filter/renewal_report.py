# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: renewal_report
short_description: One report row and readable line per domain a renewal considered
version_added: 0.2.0
author: domainops.registrar contributors
description:
  - >-
    Turns the rows of P(domainops.registrar.renewal_candidates#filter), the registered result of the
    M(domainops.registrar.portfolio) task that renewed the selected ones and the poll messages acknowledged
    afterwards into one row per domain, each with a readable C(line) such as
    C(example.net: renewed | sent Renew_Domain TEST-000123 (Completed) | paid until 2027-01-20 -> 2028-01-20 (confirmed)).
  - This is the renewal role's C(renewal_report) fact. It also reads a failed task's result, and a task that did not run.
  - It takes time linear in the number of domains (results and messages are looked up in dictionaries).
options:
  _input:
    description: The candidates, as P(domainops.registrar.renewal_candidates#filter) returns them.
    type: list
    elements: dict
    required: true
  renewed:
    description: The registered result of the portfolio task that renewed the selected candidates. Empty when it did not run.
    type: dict
    default: {}
  acknowledged:
    description: The poll messages acknowledged afterwards (each with C(id) and C(reference), the order or job it is about).
    type: list
    elements: dict
    default: []
  remaining:
    description: The message at the head of the queue that stopped the acknowledging (with C(id) and C(reference)), if any.
    type: dict
  acknowledge:
    description: Whether messages were to be acknowledged. When false, a renewal's line says its message was left in the queue.
    type: bool
    default: true
  within_days:
    description: The window the candidates were selected with, for the line of a domain outside it.
    type: int
  whole_account:
    description: Whether the candidates are the whole account. Then only the selected ones and those without a date get a row.
    type: bool
    default: false
  check_mode:
    description: Whether the task ran in check mode. In check mode, lines say C(would renew) and C(would send).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Read the listed domains
  domainops.registrar.domain_info:
    provider: autodns
    names: [example.com]
  register: read

- name: Renew them when they are paid for fewer than 30 more days
  domainops.registrar.portfolio:
    provider: autodns
    domains:
      - name: example.com
        renew: {min_days_left: 30}
  register: renewed

- name: One line per domain
  ansible.builtin.debug:
    msg: >-
      {{ read.domains | domainops.registrar.renewal_candidates(within_days=30)
         | domainops.registrar.renewal_report(renewed=renewed, within_days=30, check_mode=ansible_check_mode)
         | map(attribute='line') | list }}
"""

RETURN = r"""
_value:
  description: One row per domain considered, in the order of the candidates.
  type: list
  elements: dict
  contains:
    name:
      description: The domain.
      type: str
    paid_until:
      description: The date it was paid until before the renewal.
      type: str
    days_left:
      description: The days left until then.
      type: int
    selected:
      description: Whether it was due for renewal.
      type: bool
    renewed:
      description: Whether a renewal was sent for it (never in check mode).
      type: bool
    failed:
      description: Whether its renewal failed.
      type: bool
    paid_until_after:
      description: The date it is paid until after the renewal, as the portfolio task read it back.
      type: str
    confirmed:
      description: Whether the registrar now reports a later date than before.
      type: bool
    operations:
      description: The orders or jobs sent, each with C(operation), C(id) and C(status).
      type: list
      elements: dict
    unacknowledged:
      description: The ids of the orders or jobs sent whose poll message was not acknowledged.
      type: list
      elements: str
    line:
      description: The readable line.
      type: str
"""

from ansible_collections.domainops.registrar.plugins.plugin_utils.filter_arguments import FilterArguments

ARGUMENTS = FilterArguments('renewal_report')


def _queue_note(unacknowledged, acknowledge, remaining):
    if not acknowledge:
        return ' | messages left in the queue (renewal_acknowledge_messages is false)'
    if remaining:
        return (' | message of %s not acknowledged: the queue is headed by message %s (about %s, not sent by this run)'
                % (', '.join(unacknowledged), remaining.get('id'), remaining.get('reference') or 'something else'))
    return ' | no message of %s in the queue yet' % ', '.join(unacknowledged)


def _row(candidate, result, task, message_of, settings):
    check_mode = settings['check_mode']
    operations = result.get('operations') or []
    sent, unacknowledged, acknowledged = [], [], []
    for op in operations:
        sent.append('%s%s (%s)' % (op.get('operation'), ' %s' % op['id'] if op.get('id') else '', op.get('status')))
        if op.get('id') and str(op['id']) in message_of:
            acknowledged.append(message_of[str(op['id'])])
        elif op.get('id'):
            unacknowledged.append(str(op['id']))
    name, paid, days = candidate.get('name'), candidate.get('paid_until'), candidate.get('days_left')
    failed = bool(result.get('failed', False))
    renewed = bool(result.get('changed', False)) and not check_mode
    before = '%s%s' % (paid, ' (%s days left)' % days if days is not None else '')
    after = result.get('payable') or result.get('expires')
    confirmed = renewed and not failed and after is not None and (paid is None or str(after) > str(paid))
    if not candidate.get('selected'):
        reason = 'no expiry date reported' if days is None else 'outside the %s-day window' % settings['within_days']
        line = '%s: paid until %s, %s: not renewed' % (name, before, reason)
    elif failed:
        line = '%s: FAILED: %s' % (name, result.get('msg') or 'failed')
    elif not result and task.get('failed'):
        line = '%s: paid until %s: not renewed: %s' % (name, before, task.get('msg') or 'the renewal task failed')
    elif not result:
        line = '%s: paid until %s: not renewed (an earlier step failed)' % (name, before)
    elif not result.get('changed'):
        line = '%s: paid until %s: no renewal needed' % (name, before)
    else:
        line = '%s: %s | %s%s | paid until %s -> %s%s' % (
            name, 'would renew' if check_mode else 'renewed', 'would send ' if check_mode else 'sent ', ', '.join(sent),
            paid, after, '' if check_mode else ' (confirmed)' if confirmed else '')
        if unacknowledged and not check_mode:
            line += _queue_note(unacknowledged, settings['acknowledge'], settings['remaining'])
        elif acknowledged and not check_mode:
            line += ' | message %s acknowledged' % ', '.join(acknowledged)
    return dict(candidate, renewed=renewed, failed=failed, paid_until_after=after, confirmed=confirmed,
                operations=operations, unacknowledged=unacknowledged, line=line)


def renewal_report(candidates, renewed=None, acknowledged=None, remaining=None, acknowledge=True, within_days=None,
                   whole_account=False, check_mode=False):
    ARGUMENTS.listed(candidates, 'the candidates')
    task = ARGUMENTS.optional_mapping(renewed, 'renewed (the registered result of the portfolio task)')
    results = task.get('domains')
    results = ARGUMENTS.listed([] if results is None else results, "the result's domains")
    results = [ARGUMENTS.optional_mapping(result, 'domains[%d]' % index) for index, result in enumerate(results)]
    result_of = dict((result.get('domain'), result) for result in results)
    messages = [ARGUMENTS.mapping(message, 'acknowledged[%d]' % index) for index, message in enumerate(acknowledged or [])]
    message_of = dict((str(message.get('reference')), str(message.get('id'))) for message in messages)
    settings = dict(check_mode=bool(check_mode), acknowledge=bool(acknowledge),
                    remaining=ARGUMENTS.optional_mapping(remaining, 'remaining'), within_days=within_days)
    rows = []
    for index, candidate in enumerate(candidates):
        candidate = ARGUMENTS.optional_mapping(candidate, 'candidates[%d]' % index)
        if whole_account and not candidate.get('selected') and candidate.get('days_left') is not None:
            continue
        rows.append(_row(candidate, result_of.get(candidate.get('name')) or {}, task, message_of, settings))
    return rows


class FilterModule:
    def filters(self):
        return {'renewal_report': renewal_report}
