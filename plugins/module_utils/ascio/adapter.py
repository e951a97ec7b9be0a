# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio AWS v2 adapter: glue between the core contract and the Ascio package.

``api`` talks to the service (session, calls, errors), ``read`` turns its answers into the
core model, ``write`` turns the planner's changes into orders. ``CreateOrder`` is never
retried: an order is sent once, and an order left running by an earlier run is found
again with ``pending()`` (SearchOrder).

Portfolios are read in bulk (docs/reference/ascio-rules.json ``bulk_reads``): ``get_domains``
searches many names per SearchDomain, the next search sent while the last one's answer is read
(``AscioClient.request_each``), and reads the search results as the domains (GetDomain only for
a result without registrant or name servers); ``pending_many`` is one paged
SearchOrder for the whole account; ``refresh_many`` one paged SearchOrder for the orders
followed. Adapter settings (keys of ``settings``) override the defaults of the rules:
``search_batch`` (names per SearchDomain; 1 searches each name alone), ``search_details``
(``search``, the default, or ``get_domain``: GetDomain for every domain as earlier releases
did) and ``order_page_size`` (orders per SearchOrder page).
"""
import datetime
import fnmatch

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import read, rules, write
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.api import AscioClient
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError

SEARCH_DETAILS = ('search', 'get_domain')
# FromDate of a bulk status read: this much before the oldest order followed (whether Ascio's
# FromDate includes the instant itself is not documented).
FROM_DATE_MARGIN = datetime.timedelta(minutes=1)
# A SearchOrder that pages on beyond this many pages is not an answer to read as data.
MAX_ORDER_PAGES = 10000


def _positive(settings, key, default):
    value = settings.get(key)
    if value is None:
        return default
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = 0
    if value < 1:
        raise InputError('the Ascio adapter setting %s is a whole number of at least 1, got %r' % (key, settings.get(key)))
    return value


def _batches(names, size):
    for start in range(0, len(names), size):
        yield names[start:start + size]


class AscioAdapter(RegistrarAdapter):
    name = 'ascio'
    supported_aspects = PROVIDER.capabilities.aspects

    def __init__(self, settings):
        self.search_batch = _positive(settings, 'search_batch', rules.SEARCH_BATCH)
        self.order_page_size = _positive(settings, 'order_page_size', rules.ORDER_PAGE_SIZE)
        self.search_details = settings.get('search_details') or SEARCH_DETAILS[0]
        if self.search_details not in SEARCH_DETAILS:
            raise InputError('the Ascio adapter setting search_details is one of %s, got %r'
                             % (', '.join(SEARCH_DETAILS), self.search_details))
        self.client = AscioClient(settings)
        # NewDnsSecKey number -> the Handle its CreateDnsSecKey returned
        self.created_dnssec_keys = {}
        # OrderId -> CreDate as Ascio gave it: the FromDate of refresh_many's bulk read.
        self._created = {}

    def close(self):
        self.client.close()

    # -- domains

    def get_domain(self, name):
        return self.get_domains([name])[name]

    def get_domains(self, names):
        names = list(names)
        # Each domain once, in the order given, whatever the case or a final dot.
        unique = list(dict.fromkeys(normalize.host_name(name) for name in names))
        found = {}
        batches = list(_batches(unique, self.search_batch))
        answers = self.client.request_each('SearchDomain', [dict(criteria=read.names_criteria(batch)) for batch in batches])
        for batch, answer in zip(batches, answers):
            found.update(read.live_domains(answer, batch))
        # Absence from a batch is not proof (rules: bulk_reads.search_criteria): ask alone.
        absent = [key for batch in batches if len(batch) > 1 for key in batch if key not in found]
        for key in absent:
            answer = self.client.request('SearchDomain', criteria=read.domain_criteria(key))
            found.update(read.live_domains(answer, [key]))
        domains = dict((key, self._domain(found.get(key))) for key in unique)
        return dict((name, domains[normalize.host_name(name)]) for name in names)

    def list_domains(self, tlds=None, pattern=None):
        suffixes = sorted(set(normalize.host_name(tld).lstrip('.') for tld in tlds or ()))
        found = {}
        for answer in self.client.request_each('SearchDomain', [dict(criteria=read.tld_criteria(tld)) for tld in suffixes or [None]]):
            found.update(read.live_domains(answer))
        # The registrar's Like is not the shell pattern (and its TLD clause is a suffix): filter here too.
        wanted = pattern.lower() if pattern else None
        names = sorted(name for name in found
                       if (not suffixes or any(name.endswith('.' + tld) for tld in suffixes))
                       and (wanted is None or fnmatch.fnmatchcase(name, wanted)))
        return [domain for domain in (self._domain(found[name]) for name in names) if domain is not None]

    def _domain(self, data):
        """The Domain of a SearchDomain result; GetDomain when the result lacks what planning needs."""
        if data is None:
            return None
        if self.search_details == 'search' and read.has_details(data):
            answer = {'domain': data}
        else:
            answer = self.client.request('GetDomain', domainHandle=data.get('DomainHandle'))
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
        self._remember(order)
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

    def _remember(self, order):
        if order.get('OrderId') and isinstance(order.get('CreDate'), datetime.datetime):
            self._created[order['OrderId']] = order['CreDate']

    def refresh(self, submission):
        answer = self.client.request('GetOrder', order_type='%s %s' % (submission.operation, submission.id),
                                     orderId=submission.id)
        self._remember(answer.get('order') or {})
        return read.order_submission(answer, submission.id, submission.operation, submission.domain)

    def refresh_many(self, submissions):
        """One paged SearchOrder for the orders still running (rules: bulk_reads.search_order);
        GetOrder for one order, for orders whose CreDate this run does not know, for an order the
        search does not return, and for a failed one (its reasons are only in GetOrder's Values)."""
        submissions = list(submissions)
        running = [s for s in submissions if not s.done]
        if len(running) < 2 or any(s.id not in self._created for s in running):
            return super().refresh_many(submissions)
        since = min(self._created[s.id] for s in running) - FROM_DATE_MARGIN
        orders = self._search_orders(read.orders_since_request([s.operation for s in running], since))
        by_id = dict((order.get('OrderId'), order) for order in orders)
        result = []
        for submission in submissions:
            order = None if submission.done else by_id.get(submission.id)
            if submission.done:
                result.append(submission)
                continue
            if order is not None:
                order = dict(order, Type=order.get('Type') or submission.operation)
                fresh = read.submission(order, submission.domain)
                if not fresh.failed:
                    result.append(fresh)
                    continue
            result.append(self.refresh(submission))
        return result

    def _search_orders(self, request):
        """Every order a SearchOrder request finds, each once, page by page.

        Public clients read PageIndex as a page number or as the position of the page's first
        order (rules: bulk_reads.search_order.paging); page 2 tells which, so neither skips an order.
        """
        size = self.order_page_size
        orders = {}
        index, first_page, by_position = 1, None, False
        for _page in range(MAX_ORDER_PAGES):
            page = dict(request, PageInfo={'PageIndex': index, 'PageSize': size})
            answer = self.client.request('SearchOrder', orderRequest=page)
            found = read.items(answer.get('orders'), 'Order')
            if index == 1:
                first_page = found
            elif index == 2 and len(first_page) > 1 and found and found[0].get('OrderId') == first_page[1].get('OrderId'):
                by_position = True
            new = [order for order in found if order.get('OrderId') not in orders]
            if len(found) == size and not new:
                raise RegistrarError('invalid answer', 'SearchOrder answered PageIndex %d with %d orders already read: '
                                     'its pages cannot be followed' % (index, size))
            for order in new:
                orders[order.get('OrderId')] = order
            total = answer.get('totalOrders')
            if len(found) < size or (total is not None and len(orders) >= total):
                for order in orders.values():
                    self._remember(order)
                return list(orders.values())
            index = index + len(found) if by_position else index + 1
        raise RegistrarError('invalid answer', 'SearchOrder answered more than %d pages of %d orders'
                             % (MAX_ORDER_PAGES, self.order_page_size))

    def pending(self, name, aspects):
        order_types = write.pending_order_types(aspects)
        if not order_types:
            return []
        # Paged like the account-wide search: a domain can have more open orders than one answer holds.
        orders = self._search_orders(read.pending_request(name, order_types))
        return read.pending_submissions({'orders': {'Order': orders}}, name, order_types)

    def pending_many(self, names, aspects):
        """One paged SearchOrder for the open orders of the whole account, grouped by domain."""
        names = list(names)
        if len(names) == 1:
            return {names[0]: self.pending(names[0], aspects)}
        order_types = write.pending_order_types(aspects)
        if not order_types or not names:
            return dict((name, []) for name in names)
        return read.pending_by_domain(self._search_orders(read.open_orders_request(order_types)), names, order_types)

    def poll(self):
        # An empty queue may be answered 201 (rules: empty_queue).
        return read.poll_message(self.client.request('PollMessage', also_ok=rules.EMPTY_QUEUE_CODES, msgType=read.ORDER_MESSAGES))

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
