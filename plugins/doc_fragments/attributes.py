# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment:

    # Every module is in the action group (meta/runtime.yml), so module_defaults can set the connection once.
    DOCUMENTATION = r'''
attributes:
  action_group:
    description: Use C(group/domainops.registrar.registrar) in C(module_defaults) to set the connection options once.
    support: full
    membership: [domainops.registrar.registrar]
'''

    # Modules that converge a domain (domain_task.run_domain_task). A module may describe check mode more closely.
    CONVERGE = r'''
attributes:
  check_mode:
    support: full
    description: Reads the domain and reports every order or task it would send; sends nothing.
  diff_mode:
    support: full
    description: Shows the part of the domain the task manages before and after.
'''

    # Modules that only read.
    INFO = r'''
attributes:
  check_mode:
    support: full
    description: Only reads; runs the same in check mode.
  diff_mode:
    support: none
    description: Changes nothing, so there is no diff.
'''
