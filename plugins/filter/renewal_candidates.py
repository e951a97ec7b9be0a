# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: renewal_candidates
short_description: The domains a renewal considers, with the date each is paid until and whether it is due
version_added: 0.2.0
author: domainops.registrar contributors
description:
  - >-
    Turns the C(domains) that M(domainops.registrar.domain_info) read into one row per domain, in the order read:
    its name, the date it is paid until (C(payable), else C(expires)), the days left until then, and whether it is
    selected for renewal (fewer days left than O(within_days)).
  - This is the renewal role's C(renewal_candidates) fact. It takes time linear in the number of domains.
options:
  _input:
    description: The domains as read, each with C(name) and C(payable) or C(expires) (dates C(YYYY-MM-DD), or null).
    type: list
    elements: dict
    required: true
  within_days:
    description:
      - Select the domains paid for fewer than this many more days. A domain without a date is not selected.
      - Null selects every domain.
    type: int
  today:
    description: The day the days left count from, as C(YYYY-MM-DD). By default, today on the controller.
    type: str
"""

EXAMPLES = r"""
- name: Read the account in bulk
  domainops.registrar.domain_info:
    provider: autodns
  register: account

- name: The domains paid for fewer than 30 more days
  ansible.builtin.debug:
    msg: "{{ account.domains | domainops.registrar.renewal_candidates(within_days=30) | selectattr('selected') | map(attribute='name') | list }}"
"""

RETURN = r"""
_value:
  description: One row per domain, in the order given.
  type: list
  elements: dict
  contains:
    name:
      description: The domain.
      type: str
    paid_until:
      description: The date it is paid until (C(payable), else C(expires)), or null when the registrar reports neither.
      type: str
    days_left:
      description: Days from O(today) to O(paid_until), or null without a date.
      type: int
    selected:
      description: Whether it is due for renewal.
      type: bool
"""

import datetime

from ansible_collections.domainops.registrar.plugins.plugin_utils.filter_arguments import FilterArguments

ARGUMENTS = FilterArguments('renewal_candidates')

DATE = '%Y-%m-%d'


def _day(text, what):
    try:
        return datetime.datetime.strptime(str(text), DATE).date()
    except ValueError:
        ARGUMENTS.fail('%s is not a date YYYY-MM-DD: %r' % (what, text))


def renewal_candidates(domains, within_days=None, today=None):
    ARGUMENTS.listed(domains, 'the domains')
    if within_days is not None:
        try:
            within_days = int(within_days)
        except (TypeError, ValueError):
            ARGUMENTS.fail('within_days must be a whole number of days, got %r' % (within_days,))
    start = _day(today, 'today') if today is not None else datetime.date.today()
    rows = []
    for index, domain in enumerate(domains):
        ARGUMENTS.mapping(domain, 'domains[%d]' % index)
        paid = domain.get('payable') or domain.get('expires')
        days = (_day(paid, '%s: the date it is paid until' % domain.get('name')) - start).days if paid else None
        rows.append({'name': domain.get('name'), 'paid_until': paid, 'days_left': days,
                     'selected': within_days is None or (days is not None and days < within_days)})
    return rows


class FilterModule:
    def filters(self):
        return {'renewal_candidates': renewal_candidates}
