#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: locks
short_description: Keep the transfer, delete and update locks of a registered domain in the declared state
version_added: 0.1.0
description:
  - Only the locks you declare are compared and changed.
  - B(Ascio.) One C(Change_Locks) order carrying all three locks (the ones you do not declare keep their value).
  - B(AutoDNS.) The domain's registry status (C(PUT /domain/{name}/_statusUpdate)). AutoDNS has no
    separate delete lock; declaring O(delete_lock) fails with "not supported by this registrar",
    before anything is sent. See the AutoDNS guide for the mapping of locks to registry status values.
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
  transfer_lock:
    description: Whether the domain must be locked against transfers away.
    type: bool
  delete_lock:
    description: Whether the domain must be locked against deletion (Ascio only).
    type: bool
  update_lock:
    description: Whether the domain must be locked against updates.
    type: bool
'''

EXAMPLES = r'''
- name: Lock example.com against transfer and deletion (Ascio)
  domainops.registrar.locks:
    provider: ascio
    name: example.com
    transfer_lock: true
    delete_lock: true

- name: Release the transfer lock before a transfer away (AutoDNS)
  domainops.registrar.locks:
    provider: autodns
    name: example.org
    transfer_lock: false
'''

RETURN = r'''
domain:
  description: The domain name (punycode for IDNs).
  returned: always
  type: str
locks:
  description: The locks after the task; null for a lock the registrar does not report.
  returned: success
  type: dict
  sample: {transfer_lock: true, delete_lock: true, update_lock: false}
operations:
  description: The orders or tasks sent, or in check mode those that would be sent; see M(domainops.registrar.nameservers).
  returned: always
  type: list
  elements: dict
registry_code:
  description: The registrar's result code when it refused the request.
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
    return DesiredDomain(name=validation.domain_name(params['name']), locks=module_options.locks(params))


def main():
    argument_spec = dict(name=dict(type='str', required=True, aliases=['domain']))
    argument_spec.update(module_options.LOCKS_SPEC)
    run_converge_module(argument_spec, desired_domain, aspects=(aspects.UNLOCK, aspects.LOCKS),
                        required_one_of=[list(module_options.LOCKS_SPEC)])


if __name__ == '__main__':
    main()
