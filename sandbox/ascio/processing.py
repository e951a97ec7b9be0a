# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The order lifecycle: Received -> Processing -> Completed (or Failed), and the poll queue.

README: "All orders are asynchronous: CreateOrder returns the order with its
OrderId; its Status moves through OrderStatusType values to Completed, Failed
or Invalid."  The sandbox moves an order to Processing after half the order
delay and finishes it after the whole delay; only then is the domain changed
and a Message_to_Partner queued for the account.
"""
import copy
import threading
import time

from . import orders
from .state import utcnow


class OrderRecord:
    def __init__(self, ctx, order, created, delay):
        self.ctx = ctx
        self.order = order              # the Order as GetOrder returns it
        self.processing_at = created + delay / 2.0
        self.complete_at = created + delay

    @property
    def status(self):
        return self.order['Status']

    @property
    def finished(self):
        return self.status in orders.TERMINAL


class Engine:
    def __init__(self, store, delay=1.0):
        self.store = store
        self.delay = max(0.0, float(delay))
        self._running = []              # records not finished yet
        self._stop = False
        self._thread = None

    # -- called with store.lock held
    def submit(self, ctx):
        order = copy.deepcopy(ctx.order)
        order['OrderId'] = self.store.new_order_id()
        order['Status'] = 'Received'
        order['CreDate'] = utcnow()
        domain = order.setdefault('Domain', {})
        domain['DomainName'] = ctx.target.name
        if ctx.target.handle:
            domain['DomainHandle'] = ctx.target.handle
        record = OrderRecord(ctx, order, time.monotonic(), self.delay)
        ctx.account.orders[order['OrderId']] = record
        self._running.append(record)
        self.store.changed.notify_all()
        return record

    def advance(self):
        """Move every order whose time has come; returns seconds to the next step or None."""
        now = time.monotonic()
        upcoming = []
        for record in list(self._running):
            if record.status == 'Received' and now >= record.processing_at:
                record.order['Status'] = 'Processing'
            if record.status == 'Processing' and now >= record.complete_at:
                self._finish(record)
                self._running.remove(record)
                continue
            upcoming.append(record.processing_at if record.status == 'Received' else record.complete_at)
        return max(0.0, min(upcoming) - now) if upcoming else None

    def _finish(self, record):
        ctx = record.ctx
        try:
            status, message = orders.apply(ctx)
        except Exception as error:  # a bug must not stall the queue
            status, message = 'Failed', 'internal error: %s' % error
        record.order['Status'] = status
        if ctx.target.handle:
            record.order['Domain']['DomainHandle'] = ctx.target.handle
        ctx.account.queue.append({
            'MsgId': self.store.new_msg_id(),
            'MsgType': 'Message_to_Partner',
            'OrderId': record.order['OrderId'],
            'OrderStatus': status,
            'DomainName': ctx.target.name,
            'DomainHandle': ctx.target.handle,
            'Msg': message,
        })

    # -- the worker thread
    def start(self):
        self._thread = threading.Thread(target=self._run, name='ascio-orders', daemon=True)
        self._thread.start()

    def _run(self):
        with self.store.lock:
            while not self._stop:
                wait = self.advance()
                self.store.changed.wait(timeout=wait)

    def stop(self):
        with self.store.lock:
            self._stop = True
            self.store.changed.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5)
