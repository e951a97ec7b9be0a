# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio AWS v2 adapter: glue between the core contract and the Ascio package.

``api`` talks to the service (session, calls, errors), ``read`` turns its answers into the
core model, ``write`` turns the planner's changes into orders. ``CreateOrder`` is never
retried: an order is sent once, and an order left running by an earlier run is found
again with ``pending()`` (SearchOrder).
"""

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read, write
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.api import AscioClient
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError


class AscioAdapter(RegistrarAdapter):
    name = 'ascio'
    supported_aspects = PROVIDER.capabilities.aspects

    def __init__(self, settings):
        self.client = AscioClient(settings)
        # NewDnsSecKey number -> the Handle its CreateDnsSecKey returned
        self.created_dnssec_keys = {}

    def close(self):
        self.client.close()

    def get_domain(self, name):
        found = self.client.request('SearchDomain', criteria=read.domain_criteria(name))
        handle = read.domain_handle(found, name)
        if handle is None:
            return None
        answer = self.client.request('GetDomain', domainHandle=handle)
        # A DnsSecKey slot that names only its Handle is read with GetDnsSecKey; one that holds the data is not.
        keys = dict((key_handle, self.client.request('GetDnsSecKey', dnsSecKeyHandle=key_handle).get('dnsSecKey'))
                    for key_handle in read.handles_to_read(answer))
        return read.found_domain(answer, keys)

    def operations(self, current, changes):
        return write.operations(current, changes)

    def submit(self, operation):
        if operation.name == write.CREATE_DNSSEC_KEY:
            return self._create_dnssec_key(operation)
        try:
            payload = write.fill_dnssec_handles(operation.payload, self.created_dnssec_keys)
        except KeyError as exc:
            raise RegistrarError('not-sent', '%s: %s was not created in this run (its CreateDnsSecKey was not sent); '
                                 're-run the task' % (operation.name, exc.args[0]), operation=operation.name)
        try:
            answer = self.client.request('CreateOrder', order_type=operation.name, order=payload)
        except RegistrarError as exc:
            raise write.explain_price_refusal(operation, exc)
        order = answer.get('order') or {}
        if not order.get('OrderId'):
            raise RegistrarError('invalid answer', 'CreateOrder accepted the order but returned no OrderId',
                                 operation=operation.name)
        order['Type'] = order.get('Type') or operation.name
        return read.submission(order, operation.domain)

    def _create_dnssec_key(self, operation):
        """CreateDnsSecKey: a DnsSecKey object (no order, nothing to wait for); its Handle fills the order after it."""
        answer = self.client.request('CreateDnsSecKey', order_type=operation.name, dnsSecKey=operation.payload['dnsSecKey'])
        handle = (answer.get('dnsSecKey') or {}).get('Handle')
        if not handle:
            raise RegistrarError('invalid answer', 'CreateDnsSecKey answered without the Handle of the new key',
                                 operation=operation.name)
        self.created_dnssec_keys[operation.payload['creates'].number] = handle
        return Submission(operation=operation.name, domain=operation.domain, id=handle, status='Completed', done=True)

    def refresh(self, submission):
        answer = self.client.request('GetOrder', order_type='%s %s' % (submission.operation, submission.id),
                                     orderId=submission.id)
        return read.order_submission(answer, submission.id, submission.operation, submission.domain)

    def pending(self, name, aspects):
        order_types = write.pending_order_types(aspects)
        if not order_types:
            return []
        answer = self.client.request('SearchOrder', orderRequest=read.pending_request(name, order_types))
        return read.pending_submissions(answer, name, order_types)

    def poll(self):
        return read.poll_message(self.client.request('PollMessage', msgType=read.ORDER_MESSAGES))

    def ack(self, message_id):
        try:
            msg_id = int(message_id)
        except (TypeError, ValueError):
            raise InputError('an Ascio message id is a number, got %r' % (message_id,))
        self.client.request('AckMessage', msgId=msg_id)

    def order(self, order_id):
        """GetOrder: the order as a Submission (Ascio answers an unknown id with an error, raised)."""
        if not str(order_id).strip() or any(c.isspace() for c in str(order_id)):
            raise InputError('an Ascio order id has no spaces, got %r' % (order_id,))
        answer = self.client.request('GetOrder', order_type='order %s' % order_id, orderId=str(order_id))
        return read.order_submission(answer, str(order_id))
