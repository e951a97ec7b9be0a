#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: order_info
short_description: Read an order (Ascio) or job (AutoDNS) by its id
version_added: 0.1.0
description:
  - Reads the status of an order or job that an earlier task sent, for example one sent with
    O(domainops.registrar.domain#module:wait=false), whose id is in that task's C(operations).
  - B(Ascio) C(GetOrder). Ascio answers an id that is not in the account with an error, which
    fails the task with Ascio's code and reason.
  - B(AutoDNS) C(GET /job/{id}). A job id the account does not have returns RV(exists=false).
  - Only reads; changes nothing and consumes no poll message.
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.attributes
  - domainops.registrar.attributes.INFO
options:
  id:
    description: The Ascio order id or the AutoDNS job id (a number).
    type: str
    required: true
    aliases: [order_id, job_id]
'''

EXAMPLES = r'''
- name: Change the name servers and return at once
  domainops.registrar.nameservers:
    provider: autodns
    name: example.com
    nameservers: [a.ns14.net, b.ns14.net]
    wait: false
  register: sent

- name: Later, read the job it started
  domainops.registrar.order_info:
    provider: autodns
    id: "{{ item }}"
  loop: "{{ sent.operations | map(attribute='id') | select | list }}"
  register: jobs

- name: Read an Ascio order
  domainops.registrar.order_info:
    provider: ascio
    id: TEST-000123
  register: order
  failed_when: false
'''

RETURN = r'''
exists:
  description: Whether the registrar knows the order or job.
  returned: always
  type: bool
order:
  description: The order or job, or null when it does not exist.
  returned: always
  type: dict
  contains:
    id:
      description: The order id or job id.
      type: str
    operation:
      description: The Ascio order type (such as C(Renew_Domain)) or the AutoDNS job action (such as C(RENEW)).
      type: str
    domain:
      description: The domain it is for, when the registrar says.
      type: str
    status:
      description: The registrar's status (Ascio such as C(Processing), C(Completed), C(Failed); AutoDNS C(RUNNING), C(SUCCESS), C(FAILED)).
      type: str
    done:
      description: Whether it has ended (successfully or not).
      type: bool
    failed:
      description: Whether it ended without success.
      type: bool
    message:
      description: The registrar's reason when it failed, or its sub-status.
      type: str
  sample: {id: "4295611341", operation: RENEW, domain: example.com, status: SUCCESS, done: true, failed: false, message: null}
registry_code:
  description: The registrar's result code when it refused the request.
  returned: failed, when the registrar answered
  type: str
registry_text:
  description: The registrar's message when it refused the request.
  returned: failed, when the registrar answered
  type: str
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import fail, registrar_session


def order_result(submission):
    if submission is None:
        return dict(changed=False, exists=False, order=None)
    order = submission.to_dict()
    order.update(done=submission.done, failed=submission.failed)
    return dict(changed=False, exists=True, order=order)


def main():
    argument_spec = dict(id=dict(type='str', required=True, aliases=['order_id', 'job_id']))
    argument_spec.update(CONNECTION_ARGSPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    order_id = (module.params['id'] or '').strip()
    if not order_id:
        fail(module, InputError('id is empty: give the order id (Ascio) or job id (AutoDNS) a task returned'),
             changed=False)
    with registrar_session(module, dict(changed=False)) as adapter:
        submission = adapter.order(order_id)
    module.exit_json(**order_result(submission))


if __name__ == '__main__':
    main()
