#!/usr/bin/python
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r'''
module: messages
short_description: Read and acknowledge the registrar's poll message queue
version_added: 0.1.0
description:
  - Both registrars report finished orders and jobs as messages in one queue per account, shown
    one at a time, oldest first; a message must be acknowledged before the next can be seen.
    Ascio C(PollMessage) and C(AckMessage); AutoDNS C(GET /poll) and C(PUT /poll/{id}).
  - V(read) returns the head message and changes nothing. V(ack) acknowledges one message, which
    must be the head. V(drain) acknowledges messages until the queue is empty.
  - With O(references), V(drain) acknowledges only the messages of those orders (Ascio) or jobs
    (AutoDNS) and stops at the first message that belongs to something else, so that messages
    other tools are waiting for are never consumed.
  - The other modules of this collection follow their own orders and jobs by id and never
    consume queue messages.
author:
  - domainops.registrar maintainers (@domainops)
extends_documentation_fragment:
  - domainops.registrar.connection
  - domainops.registrar.attributes
attributes:
  check_mode:
    support: full
    description: Reads the head message and reports whether it would be acknowledged; acknowledges nothing.
  diff_mode:
    support: none
    description: Changes nothing, so there is no diff.
options:
  action:
    description: What to do with the queue.
    type: str
    choices: [read, ack, drain]
    default: read
  message_id:
    description: The message to acknowledge with O(action=ack); it must be the head of the queue.
    type: str
  references:
    description: With O(action=drain), only the messages of these order ids (Ascio) or job ids (AutoDNS).
    type: list
    elements: str
  max_messages:
    description: With O(action=drain), stop after acknowledging this many messages (at least 1).
    type: int
    default: 100
'''

EXAMPLES = r'''
- name: Look at the oldest message
  domainops.registrar.messages:
    provider: autodns
  register: head

- name: Keep two domains paid for at least 60 more days
  domainops.registrar.renew:
    provider: autodns
    name: "{{ item }}"
    min_days_left: 60
  loop: [example.com, example.net]
  register: renewed

- name: Acknowledge the messages of those renewals only
  domainops.registrar.messages:
    provider: autodns
    action: drain
    references: "{{ renewed.results | map(attribute='operations') | flatten | map(attribute='id') | select | list }}"

- name: Empty the whole queue
  domainops.registrar.messages:
    provider: ascio
    action: drain
'''

RETURN = r'''
messages:
  description:
    - With V(read), the head message (a list of at most one); with V(ack) and V(drain), the
      messages acknowledged (in check mode, the head message that would be acknowledged first).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The message id.
      type: str
    domain:
      description: The domain the message is about.
      type: str
    reference:
      description: The order id (Ascio) or job id (AutoDNS) it reports on.
      type: str
    status:
      description: The status it reports (such as C(Completed) or C(SUCCESS)).
      type: str
    text:
      description: The registrar's text.
      type: str
    created:
      description: When the message was created.
      type: str
    waiting:
      description: How many messages were waiting, this one included, when the registrar says.
      type: int
remaining:
  description: The head message left in the queue after the task, or null when the queue is empty.
  returned: always
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.domainops.registrar.plugins.module_utils.connection import CONNECTION_ARGSPEC
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.domain_task import fail, registrar_session


def handle_queue(module, adapter):
    params = module.params
    head = adapter.poll()
    if params['action'] == 'read':
        return dict(changed=False, messages=[head.to_dict()] if head else [], remaining=head.to_dict() if head else None)
    if params['action'] == 'ack':
        if head is None or str(head.id) != str(params['message_id']):
            raise InputError('message %s is not the head of the queue (head: %s); only the head can be acknowledged'
                             % (params['message_id'], head.id if head else 'queue empty'))
        if not module.check_mode:
            adapter.ack(head.id)
            head_after = adapter.poll()
        else:
            head_after = head
        return dict(changed=True, messages=[head.to_dict()], remaining=head_after.to_dict() if head_after else None)
    references = set(str(r) for r in params['references'] or [])
    acknowledged = []
    while head is not None and len(acknowledged) < params['max_messages']:
        if references and str(head.reference) not in references:
            break  # someone else's message: leave it, and everything behind it, alone
        acknowledged.append(head.to_dict())
        if module.check_mode:
            break  # the next message only shows once this one is acknowledged
        adapter.ack(head.id)
        head = adapter.poll()
    return dict(changed=bool(acknowledged), messages=acknowledged, remaining=head.to_dict() if head else None)


def main():
    argument_spec = dict(
        action=dict(type='str', default='read', choices=['read', 'ack', 'drain']),
        message_id=dict(type='str'),
        references=dict(type='list', elements='str'),
        max_messages=dict(type='int', default=100),
    )
    argument_spec.update(CONNECTION_ARGSPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True,
                           required_if=[('action', 'ack', ['message_id'])])
    if module.params['max_messages'] < 1:
        fail(module, InputError('max_messages must be at least 1, got %s' % module.params['max_messages']), changed=False)
    with registrar_session(module, dict(changed=False)) as adapter:
        result = handle_queue(module, adapter)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
