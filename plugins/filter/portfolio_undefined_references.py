# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: portfolio_undefined_references
short_description: The contact references of a portfolio that name no shared definition
version_added: 0.2.0
author: domainops.registrar contributors
description:
  - >-
    Lists every contact reference of the portfolio role's input (domains whose C(contacts) name shared
    definitions) that O(contacts) does not define, in the order given: what
    P(domainops.registrar.portfolio_declarations#filter) would refuse.
  - The portfolio role checks its input with it before anything is read or sent. It takes time linear in the
    number of domains; as a Jinja loop the same check took 0.36 s for 1,000 domains.
  - A contact given as a mapping is the contact itself, not a reference.
options:
  _input:
    description: The domains, each a declaration whose C(contacts) roles name definitions of O(contacts).
    type: list
    elements: dict
    required: true
  contacts:
    description: The shared contact definitions, by name (the role's C(portfolio_contacts)).
    type: dict
    default: {}
"""

EXAMPLES = r"""
- name: Stop when a domain names a contact that is not defined
  vars:
    contacts:
      hostmaster: {first_name: Host, last_name: Master, email: hostmaster@example.com}
    domains:
      - name: example.com
        contacts: {tech: hostmaster}
    undefined: "{{ domains | domainops.registrar.portfolio_undefined_references(contacts=contacts) }}"
  ansible.builtin.assert:
    that: undefined | length == 0
    fail_msg: "Not defined: {{ undefined | map(attribute='reference') | unique | join(', ') }}"
"""

RETURN = r"""
_value:
  description: One row per undefined reference.
  type: list
  elements: dict
  contains:
    domain:
      description: The domain that names it.
      type: str
    role:
      description: The contact role (C(registrant), C(admin), ...).
      type: str
    reference:
      description: The name that O(contacts) does not define.
      type: str
"""

from ansible_collections.domainops.registrar.plugins.module_utils.core.export import undefined_references
from ansible_collections.domainops.registrar.plugins.plugin_utils.filter_arguments import FilterArguments

ARGUMENTS = FilterArguments('portfolio_undefined_references')


def portfolio_undefined_references(domains, contacts=None):
    ARGUMENTS.listed(domains, 'the domains')
    contacts = ARGUMENTS.optional_mapping(contacts, 'contacts')
    return [{'domain': name, 'role': role, 'reference': ref} for name, role, ref in undefined_references(domains, contacts)]


class FilterModule:
    def filters(self):
        return {'portfolio_undefined_references': portfolio_undefined_references}
