# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Ascio AWS v2 operations served by the sandbox.

Each handler takes the request's members (a dict read by soap.py) and returns
the response wrapper's members plus the facts for the journal.  Result codes
(README, seed): 200 ok, 400 not validated (reasons in Values), 401
authorization failed, 405 access denied.
"""
import copy
import fnmatch

from . import dnssec, orders
from .state import RULES, shown, shown_status, status_tokens

OK = 200
NOT_VALIDATED = 400
UNAUTHORIZED = 401
ACCESS_DENIED = 405


def result(code, message=None, values=None):
    messages = {OK: 'OK', NOT_VALIDATED: 'Request not validated', UNAUTHORIZED: 'Authorization failed',
                ACCESS_DENIED: 'Access denied'}
    return {'Message': message or messages[code], 'ResultCode': code, 'Values': list(values or [])}


class Call:
    """The outcome of one operation: the response members and journal facts."""

    def __init__(self, operation, payload, code, domain=None, order_type=None):
        self.operation = operation
        self.payload = payload
        self.code = code
        self.domain = domain
        self.order_type = order_type


class NotImplementedOperation(Exception):
    pass


# How SearchOrder's PageIndex is read (both readings public; --order-paging picks one).
PAGING = RULES['bulk_reads']['search_order']['paging']
# How PollMessage answers an empty queue (both public; --empty-queue-code picks one).
EMPTY_QUEUE = RULES['empty_queue']


class Service:
    def __init__(self, store, engine, order_paging=PAGING['sandbox_default'], empty_queue_code=EMPTY_QUEUE['sandbox_default']):
        if order_paging not in PAGING['readings']:
            raise ValueError('order paging must be one of %s' % ', '.join(PAGING['readings']))
        self.store = store
        self.engine = engine
        self.order_paging = order_paging
        if empty_queue_code not in EMPTY_QUEUE['codes']:
            raise ValueError('the empty queue code must be one of %s' % ', '.join(map(str, EMPTY_QUEUE['codes'])))
        self.empty_queue_code = empty_queue_code

    def call(self, operation, params):
        handler = getattr(self, 'op_' + operation, None)
        if handler is None:
            raise NotImplementedOperation(operation)
        with self.store.lock:
            self.engine.advance()
            if operation == 'LogIn':
                return handler(params)
            account = self.store.account_for(params.get('sessionId'))
            if account is None:
                return self._unauthorized(operation, params)
            return handler(account, params)

    @staticmethod
    def _result_name(operation):
        return operation + 'Result'

    def _reply(self, operation, code, message=None, values=None, subject=None, order_type=None, **members):
        payload = {self._result_name(operation): result(code, message, values)}
        payload.update(members)
        return Call(operation, payload, code, subject, order_type)

    def _unauthorized(self, operation, params):
        order = params.get('order') or {}
        order_type = order.get('Type') if operation in ('CreateOrder', 'ValidateOrder') else None
        domain = (order.get('Domain') or {}).get('DomainName') if order else None
        return self._reply(operation, UNAUTHORIZED, subject=domain, order_type=order_type)

    # ------------------------------------------------------------ session
    def op_LogIn(self, params):
        session = params.get('session') or {}
        session_id = self.store.login(session.get('Account'), session.get('Password'))
        if session_id is None:
            return self._reply('LogIn', UNAUTHORIZED)
        return self._reply('LogIn', OK, sessionId=session_id)

    def op_LogOut(self, account, params):
        self.store.logout(params.get('sessionId'))
        return self._reply('LogOut', OK)

    # ------------------------------------------------------------ domains
    def op_GetDomain(self, account, params):
        handle = params.get('domainHandle')
        domain = account.domains.get(handle) or account.deleted.get(handle)
        if domain is None:
            return self._reply('GetDomain', ACCESS_DENIED, values=['Domain %s is not in this account' % handle])
        return self._reply('GetDomain', OK, subject=domain['DomainName'], domain=shown(domain))

    def op_SearchDomain(self, account, params):
        criteria = params.get('criteria') or {}
        clauses = criteria.get('Clauses') or []
        mode = criteria.get('Mode') or 'Strict'
        reasons = []
        tests = []
        for index, clause in enumerate(clauses, 1):
            attribute = clause.get('Attribute')
            operator = clause.get('Operator') or 'Is'
            value = clause.get('Value')
            if attribute not in SEARCH_ATTRIBUTES:
                reasons.append('Clause %d: attribute %r is not supported (use %s)'
                               % (index, attribute, ', '.join(SEARCH_ATTRIBUTES)))
                continue
            if value is None or value == '':
                reasons.append('Clause %d: Value is missing' % index)
                continue
            tests.append((attribute, operator, value))
        first = next((value for attribute, _operator, value in tests if attribute == 'DomainName'), None)
        if reasons:
            return self._reply('SearchDomain', NOT_VALIDATED, values=reasons, subject=first)
        with_states = set(s.upper() for s in criteria.get('Withstates') or [])
        without_states = set(s.upper() for s in criteria.get('Withoutstates') or [])
        # A deleted domain is still one of the account's domains (Restore_Domain brings it
        # back); only Withoutstates leaves it out, which is why Ascio's WHMCS client sends
        # Withoutstates "deleted" (docs/reference/ascio-rules.json: deleted_status).
        pool = list(account.domains.values()) + list(account.deleted.values())
        # "DomainName Is" clauses are one set lookup, not one comparison per domain and clause (a
        # client searches a hundred names at once in portfolios of thousands); the same test.
        names = set(value.strip().lower() for attribute, operator, value in tests if (attribute, operator) == ('DomainName', 'Is'))
        others = [test for test in tests if (test[0], test[1]) != ('DomainName', 'Is')]
        found = []
        for domain in pool:
            status = shown_status(domain)
            tokens = status_tokens(status)
            if with_states and not tokens & with_states:
                continue
            if tokens & without_states:
                continue
            # Matched on the stored domain with its shown Status; only matches are copied (portfolios of thousands).
            name = str(domain.get('DomainName') or '').lower()
            matches = (_clause_matches(domain, *test, status=status) for test in others)
            if not tests:
                hit = True
            elif mode == 'Any':
                hit = name in names or any(matches)
            else:
                hit = names <= {name} and all(matches)
            if hit:
                found.append(shown(domain))
        found.sort(key=lambda d: (d['DomainName'], d['DomainHandle']))
        return self._reply('SearchDomain', OK, subject=first, domains=found)

    # ------------------------------------------------------------ DNSSEC keys
    def op_CreateDnsSecKey(self, account, params):
        key = dict(params.get('dnsSecKey') or {})
        reasons = dnssec.key_problems(key)
        if reasons:
            return self._reply('CreateDnsSecKey', NOT_VALIDATED, values=reasons)
        key['Handle'] = self.store.new_dnssec_key_handle()
        key['Status'] = 'ACTIVE'
        account.dnssec_keys[key['Handle']] = key
        return self._reply('CreateDnsSecKey', OK, dnsSecKey=copy.deepcopy(key))

    def op_GetDnsSecKey(self, account, params):
        handle = params.get('dnsSecKeyHandle')
        key = account.dnssec_keys.get(handle)
        if key is None:
            return self._reply('GetDnsSecKey', ACCESS_DENIED, values=['DnsSecKey %s is not in this account' % handle])
        return self._reply('GetDnsSecKey', OK, dnsSecKey=copy.deepcopy(key))

    # ------------------------------------------------------------ orders
    def _check_order(self, operation, account, params):
        order = params.get('order')
        if not order:
            return None, self._reply(operation, NOT_VALIDATED, 'Order not validated', ['order is missing'])
        ctx = orders.validate(self.store, account, order)
        if ctx.reasons:
            return ctx, self._reply(operation, NOT_VALIDATED, 'Order not validated', ctx.reasons,
                                    subject=ctx.target.name or None, order_type=ctx.order_type)
        return ctx, None

    def op_ValidateOrder(self, account, params):
        ctx, refusal = self._check_order('ValidateOrder', account, params)
        if refusal:
            return refusal
        return self._reply('ValidateOrder', OK, 'Order validated', subject=ctx.target.name,
                           order_type=ctx.order_type)

    def op_CreateOrder(self, account, params):
        ctx, refusal = self._check_order('CreateOrder', account, params)
        if refusal:
            return refusal
        record = self.engine.submit(ctx)
        return self._reply('CreateOrder', OK, 'Order received', subject=ctx.target.name,
                           order_type=ctx.order_type, order=copy.deepcopy(record.order))

    def op_GetOrder(self, account, params):
        record = account.orders.get(params.get('orderId'))
        if record is None:
            return self._reply('GetOrder', ACCESS_DENIED,
                               values=['Order %s is not in this account' % params.get('orderId')])
        return self._reply('GetOrder', OK, subject=record.ctx.target.name, order_type=record.ctx.order_type,
                           order=copy.deepcopy(record.order))

    def op_SearchOrder(self, account, params):
        request = params.get('orderRequest') or {}
        name = (request.get('DomainName') or '').strip().lower()
        types = request.get('OrderTypes') or []
        statuses = request.get('OrderStatusTypes') or []
        selected = []
        for record in account.orders.values():
            order = record.order
            if name and not _like(record.ctx.target.name, name):
                continue
            if types and order.get('Type') not in types:
                continue
            if statuses and order['Status'] not in statuses:
                continue
            if request.get('FromDate') and order['CreDate'] < request['FromDate']:
                continue
            if request.get('ToDate') and order['CreDate'] > request['ToDate']:
                continue
            if request.get('TransactionComment') and order.get('TransactionComment') != request['TransactionComment']:
                continue
            if request.get('Comments') and order.get('Comments') != request['Comments']:
                continue
            selected.append(record)
        sort = request.get('OrderSort') or 'CreDateDesc'
        keys = {'CreDate': lambda r: (r.order['CreDate'], r.order['OrderId']),
                'OrderId': lambda r: r.order['OrderId'],
                'DomainName': lambda r: (r.ctx.target.name, r.order['OrderId'])}
        selected.sort(key=keys[sort[:-3] if sort.endswith('Asc') else sort[:-4]], reverse=sort.endswith('Desc'))
        total = len(selected)
        page = request.get('PageInfo') or {}
        size = page.get('PageSize') or 0
        if size > 0:
            index = max(page.get('PageIndex') or 1, 1)
            # ascio-rules.json bulk_reads.search_order.paging: a page number, or the first order's position.
            first = (index - 1) * size if self.order_paging == 'page_number' else index - 1
            selected = selected[first:first + size]
        found = []
        for record in selected:
            order = copy.deepcopy(record.order)
            if not request.get('IncludeDomainDetails'):
                order['Domain'] = dict((k, v) for k, v in order['Domain'].items()
                                       if k in ('DomainName', 'DomainHandle'))
            found.append(order)
        return self._reply('SearchOrder', OK, subject=name or None, totalOrders=total, orders=found)

    # ------------------------------------------------------------ poll queue
    def op_PollMessage(self, account, params):
        msg_type = params.get('msgType') or 'Message_to_Partner'
        items = [item for item in account.queue if item['MsgType'] == msg_type]
        members = {'msgCount': len(items)}
        if not items:
            # ascio-rules.json empty_queue: 200 with msgCount 0, or (--empty-queue-code 201) 201.
            return self._reply('PollMessage', self.empty_queue_code, 'No messages in queue' if self.empty_queue_code != OK else None,
                               **members)
        members['item'] = copy.deepcopy(items[0])
        return self._reply('PollMessage', OK, subject=items[0]['DomainName'], **members)

    def op_AckMessage(self, account, params):
        msg_id = params.get('msgId')
        item = next((item for item in account.queue if item['MsgId'] == msg_id), None)
        if item is None:
            return self._reply('AckMessage', ACCESS_DENIED, values=['Message %s is not in the queue' % msg_id])
        head = next(other for other in account.queue if other['MsgType'] == item['MsgType'])
        if head is not item:
            return self._reply('AckMessage', NOT_VALIDATED,
                               values=['Message %s is not the oldest message; acknowledge %s first'
                                       % (msg_id, head['MsgId'])], subject=item['DomainName'])
        account.queue.remove(item)
        return self._reply('AckMessage', OK, subject=item['DomainName'])

    def op_GetMessageQueue(self, account, params):
        msg_id = params.get('msgId')
        item = next((item for item in account.queue if item['MsgId'] == msg_id), None)
        if item is None:
            return self._reply('GetMessageQueue', ACCESS_DENIED,
                               values=['Message %s is not in the queue' % msg_id])
        return self._reply('GetMessageQueue', OK, subject=item['DomainName'], item=copy.deepcopy(item))


SEARCH_ATTRIBUTES = ('DomainName', 'DomainHandle', 'Status')


def _like(value, pattern):
    """Like/NotLike: '%' and '*' match any run of characters, '_' and '?' one (case-insensitive)."""
    translated = pattern.lower().replace('%', '*').replace('_', '?')
    translated = translated.replace('[', '[[]')
    return fnmatch.fnmatchcase(value.lower(), translated)


def _clause_matches(domain, attribute, operator, value, status=None):
    actual = str((status if attribute == 'Status' and status is not None else domain.get(attribute)) or '')
    if attribute == 'Status' and operator in ('Is', 'IsNot'):
        # A combined Status "is" each of its words (sandbox).
        hit = value.strip().upper() in status_tokens(actual)
        return not hit if operator == 'IsNot' else hit
    if operator in ('Like', 'NotLike'):
        hit = _like(actual, value)
    else:
        hit = actual.lower() == value.strip().lower()
    return not hit if operator in ('IsNot', 'NotLike') else hit
