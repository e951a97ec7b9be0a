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
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError


class AscioAdapter(RegistrarAdapter):
    name = 'ascio'
    supported_aspects = PROVIDER.capabilities.aspects

    def __init__(self, settings):
        self.client = AscioClient(settings)

    def close(self):
        self.client.close()

    def get_domain(self, name):
        found = self.client.request('SearchDomain', criteria=read.domain_criteria(name))
        handle = read.domain_handle(found, name)
        if handle is None:
            return None
        return read.found_domain(self.client.request('GetDomain', domainHandle=handle))

    def operations(self, current, changes):
        return write.operations(current, changes)

    def submit(self, operation):
        try:
            answer = self.client.request('CreateOrder', order_type=operation.name, order=operation.payload)
        except RegistrarError as exc:
            raise write.explain_price_refusal(operation, exc)
        order = answer.get('order') or {}
        if not order.get('OrderId'):
            raise RegistrarError('invalid answer', 'CreateOrder accepted the order but returned no OrderId',
                                 operation=operation.name)
        order['Type'] = order.get('Type') or operation.name
        return read.submission(order, operation.domain)

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
