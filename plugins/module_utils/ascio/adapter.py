# -*- coding: utf-8 -*-
# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Ascio AWS v2 adapter: session, SOAP calls and their errors.

What the orders contain is decided in ``orders`` (pure); this file only talks to the
service. One ``LogIn`` per adapter (that is, per module run), made on the first call;
``close()`` logs out. ``CreateOrder`` is never retried: an order is sent once, and an
order left running by an earlier run is found again with ``pending()`` (SearchOrder).
"""
from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import orders, rules
from ansible_collections.domainops.registrar.plugins.module_utils.ascio import soap
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.ascio.soap import (
    BINDING_QNAME, BUNDLED_WSDL_URL, HAS_ZEEP, get_zeep_client)
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import (
    REDACTED, Message, RegistrarAdapter)
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError

if HAS_ZEEP:
    import requests
    from zeep.exceptions import Error as ZeepError, Fault, TransportError
    from zeep.helpers import serialize_object
    try:
        from lxml.etree import LxmlError
    except ImportError:  # pragma: no cover - zeep depends on lxml
        LxmlError = ZeepError

OK = 200
# The queue that reports on orders (PollMessage walks one MessageType at a time).
ORDER_MESSAGES = 'Message_to_Partner'


class StatusTransport(object):
    """zeep's transport, remembering whether the call was posted and the HTTP status of its answer.

    "posted" tells a request zeep could not even build (nothing sent) from one that
    went out; the status lets a fault say "HTTP 502" instead of "Unknown fault".
    """

    def __init__(self, transport):
        self._transport = transport
        self.last_status = None
        self.posted = False

    def __getattr__(self, name):
        return getattr(self._transport, name)

    def post_xml(self, address, envelope, headers):
        self.last_status = None
        self.posted = True
        response = self._transport.post_xml(address, envelope, headers)
        self.last_status = response.status_code
        return response


def _values(response):
    """The Values (further reasons) of an Ascio Response, as a list of strings."""
    values = (response or {}).get('Values') or {}
    if isinstance(values, dict):
        values = values.get('string') or []
    return [str(v) for v in values if v is not None]


def _items(container, name):
    """The list inside an ArrayOfX element (None and a single item included)."""
    items = (container or {}).get(name) if isinstance(container, dict) else container
    if items is None:
        return []
    return items if isinstance(items, list) else [items]


class AscioAdapter(RegistrarAdapter):
    name = 'ascio'
    supported_aspects = PROVIDER.capabilities.aspects

    def __init__(self, settings):
        if not HAS_ZEEP:
            raise InputError(missing_required_lib('zeep'))
        self.endpoint = settings['api_url']
        wsdl = settings.get('wsdl') or 'bundled'
        self.wsdl_url = BUNDLED_WSDL_URL if wsdl == 'bundled' else wsdl
        self._account = settings.get('username')
        self._password = settings.get('password')
        self._verify = settings.get('validate_certs', True)
        self._timeout = settings.get('timeout') or 30
        self._service = None
        self._transport = None
        self.session_id = None

    # -- transport -------------------------------------------------------------------

    @property
    def service(self):
        """The service proxy bound to the endpoint; the parsed WSDL is shared per process."""
        if self._service is None:
            where = 'the bundled WSDL' if self.wsdl_url == BUNDLED_WSDL_URL else self.wsdl_url
            try:
                shared = get_zeep_client(self.wsdl_url, self._verify, self._timeout)
            except soap.WsdlError as exc:
                raise RegistrarError('WSDL', '%s: use the Ascio WSDL (wsdl: live, ote, bundled) or one with that binding'
                                     % self._clean(exc))
            except requests.exceptions.RequestException as exc:
                raise RegistrarError('WSDL', 'cannot load the Ascio WSDL from %s: %s'
                                     % (where, soap.request_error_cause(exc, self._timeout)))
            except Exception as exc:  # HTTP status, XML, schema: all mean "no usable WSDL"
                raise RegistrarError('WSDL', 'cannot load the Ascio WSDL from %s: %s' % (where, self._clean(exc)))
            # A shallow copy: same parsed WSDL, own transport wrapper (the cached client is untouched).
            client = copy.copy(shared)
            self._transport = client.transport = StatusTransport(shared.transport)
            self._service = client.create_service(BINDING_QNAME, self.endpoint)
        return self._service

    def _clean(self, value):
        text = str(value)
        if self._password:
            text = text.replace(self._password, REDACTED)
        return text

    def _transport_error(self, operation, exc):
        """(RegistrarError, sent) for a call that got no usable Ascio answer; sent: the request went out."""
        where = 'the Ascio API at %s' % self.endpoint
        status = self._transport.last_status if self._transport is not None else None
        posted = self._transport is not None and self._transport.posted
        if isinstance(exc, requests.exceptions.ChunkedEncodingError):
            # Fewer bytes than the Content-Length announced: an answer cut short, never data.
            return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                                  % (operation, soap.request_error_cause(exc, self._timeout), where)), True
        if isinstance(exc, requests.exceptions.RequestException):
            sent = soap.request_was_sent(exc)
            cause = soap.request_error_cause(exc, self._timeout)
            code = 'TLS' if isinstance(exc, requests.exceptions.SSLError) else (
                'timeout' if isinstance(exc, requests.exceptions.Timeout) else 'connection')
            if sent and soap.is_write(operation):
                return RegistrarError(code, '%s was sent to %s but no answer came back: %s'
                                      % (operation, where, cause)), True
            return RegistrarError(code, '%s: cannot reach %s: %s' % (operation, where, cause)), sent
        if not posted:
            # Nothing was sent: zeep could not build the request from the arguments.
            return RegistrarError('invalid request', '%s: could not build the request for %s: %s'
                                  % (operation, where, self._clean(exc))), False
        if isinstance(exc, soap.UnreadableAnswer):
            return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                                  % (operation, exc.reason, where)), True
        if isinstance(exc, Fault) and status in (None, OK, 500):
            return RegistrarError('SOAP Fault', '%s: %s answered with a SOAP fault: %s'
                                  % (operation, where, self._clean(exc.message))), True
        if isinstance(exc, TransportError) or status not in (None, OK):
            status = getattr(exc, 'status_code', None) or status
            return RegistrarError('HTTP %s' % status, '%s: HTTP %s from %s, not a SOAP answer'
                                  % (operation, status, self.endpoint)), True
        return RegistrarError('invalid answer', '%s: the answer could not be read: %s (from %s)'
                              % (operation, self._clean(exc), where)), True

    def _call(self, operation, **arguments):
        """Call a SOAP operation once; its answer as plain dicts."""
        service = self.service
        self._transport.last_status = None
        self._transport.posted = False
        try:
            answer = getattr(service, operation)(**arguments)
        except (requests.exceptions.RequestException, soap.UnreadableAnswer, ZeepError, LxmlError, ValueError,
                AttributeError) as exc:
            # AttributeError, ValueError: zeep (strict=False) on values it cannot read.
            error, sent = self._transport_error(operation, exc)
            if sent and soap.is_write(operation):
                what = 'the order' if operation == 'CreateOrder' else 'the request'
                error = RegistrarError(error.code, error.text + (
                    '; %s may have been received; re-run to find it pending: the next run looks for it '
                    '(SearchOrder) before sending anything again' % what))
            raise error
        answer = serialize_object(answer, dict) or {}
        if 'ResultCode' in answer:
            # zeep unwraps a response whose only member is the Response (LogOut, AckMessage).
            answer = {operation + 'Result': answer}
        return answer

    def _checked(self, operation, answer, order_type=None):
        """The answer when its Response says 200, else the matching RegistrarError."""
        response = answer.get(operation + 'Result') or {}
        code = response.get('ResultCode')
        if code != OK:
            raise RegistrarError(str(code), response.get('Message') or 'no message',
                                 _values(response), operation=order_type)
        return answer

    def _session(self):
        if self.session_id is None:
            answer = self._call('LogIn', session={'Account': self._account, 'Password': self._password})
            response = answer.get('LogInResult') or {}
            if response.get('ResultCode') == 401:
                # Say where: OTE and live have their own accounts.
                raise RegistrarError('401', response.get('Message') or 'Authorization failed', [
                    'the account %r and its password are not valid at %s' % (self._account, soap.describe_endpoint(self.endpoint))],
                    operation='LogIn')
            self._checked('LogIn', answer)
            self.session_id = answer.get('sessionId')
        return self.session_id

    def _request(self, operation, **arguments):
        """An operation inside the session, its Response checked."""
        answer = self._call(operation, sessionId=self._session(), **arguments)
        return self._checked(operation, answer)

    def close(self):
        if self.session_id is None:
            return
        try:
            self._call('LogOut', sessionId=self.session_id)
        except Exception:  # logging out is a courtesy; the session ends on its own
            pass
        self.session_id = None

    # -- the adapter contract --------------------------------------------------------

    def get_domain(self, name):
        # A deleted domain keeps its name in the account: Withoutstates leaves it out, as Ascio's
        # WHMCS client does, and a DELETED twin that comes back all the same is never picked.
        criteria = {
            'Mode': 'Strict',
            'Clauses': {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': name}]},
            'Withoutstates': {'string': [rules.DELETED]},
        }
        found = self._request('SearchDomain', criteria=criteria)
        handles = [d.get('DomainHandle') for d in _items(found.get('domains'), 'Domain')
                   if (d.get('DomainName') or '').lower().rstrip('.') == name.lower()
                   and rules.DELETED not in rules.status_tokens(d.get('Status'))]
        if not handles:
            return None
        if len(handles) > 1:
            raise RegistrarError('invalid answer', 'SearchDomain found %d domains named %s that are not deleted (%s); '
                                 'cannot tell which one to manage' % (len(handles), name, ', '.join(map(str, handles))))
        answer = self._request('GetDomain', domainHandle=handles[0])
        domain = answer.get('domain')
        if not domain or rules.DELETED in rules.status_tokens(domain.get('Status')):
            return None
        return orders.read_domain(domain)

    def operations(self, current, changes):
        return orders.operations(current, changes)

    def submit(self, operation):
        answer = self._call('CreateOrder', sessionId=self._session(), order=operation.payload)
        self._checked('CreateOrder', answer, order_type=operation.name)
        order = answer.get('order') or {}
        if not order.get('OrderId'):
            raise RegistrarError('invalid answer', 'CreateOrder accepted the order but returned no OrderId',
                                 operation=operation.name)
        order['Type'] = order.get('Type') or operation.name
        return orders.submission(order, operation.domain)

    def refresh(self, submission):
        answer = self._call('GetOrder', sessionId=self._session(), orderId=submission.id)
        self._checked('GetOrder', answer, order_type='%s %s' % (submission.operation, submission.id))
        order = answer.get('order') or {}
        order['Type'] = order.get('Type') or submission.operation
        order['OrderId'] = order.get('OrderId') or submission.id
        reasons = _values(answer.get('GetOrderResult'))
        result = orders.submission(order, submission.domain)
        if result.failed:
            result.message = '%s%s' % (result.status, (': ' + '; '.join(reasons)) if reasons else '')
        return result

    def pending(self, name, aspects):
        order_types = orders.pending_order_types(aspects)
        if not order_types:
            return []
        request = {
            'OrderTypes': {'OrderType': order_types},
            'OrderStatusTypes': {'OrderStatusType': list(orders.OPEN_STATUSES)},
            'DomainName': name,
        }
        answer = self._request('SearchOrder', orderRequest=request)
        result = []
        for order in _items(answer.get('orders'), 'Order'):
            domain = ((order.get('Domain') or {}).get('DomainName') or name).lower().rstrip('.')
            if domain != name.lower() or order.get('Type') not in order_types:
                continue
            submission = orders.submission(order, name)
            if not submission.done:
                result.append(submission)
        return result

    def poll(self):
        answer = self._request('PollMessage', msgType=ORDER_MESSAGES)
        item = answer.get('item')
        if not item or item.get('MsgId') is None:
            return None
        return Message(id=str(item['MsgId']), domain=item.get('DomainName'), reference=item.get('OrderId'),
                       status=item.get('OrderStatus'), text=item.get('Msg'), waiting=answer.get('msgCount'))

    def ack(self, message_id):
        try:
            msg_id = int(message_id)
        except (TypeError, ValueError):
            raise InputError('an Ascio message id is a number, got %r' % (message_id,))
        self._request('AckMessage', msgId=msg_id)

    def order(self, order_id):
        """GetOrder: the order as a Submission (Ascio answers an unknown id with an error, raised)."""
        if not str(order_id).strip() or any(c.isspace() for c in str(order_id)):
            raise InputError('an Ascio order id has no spaces, got %r' % (order_id,))
        answer = self._call('GetOrder', sessionId=self._session(), orderId=str(order_id))
        self._checked('GetOrder', answer, order_type='order %s' % order_id)
        order = answer.get('order') or {}
        if not order.get('Status') or not order.get('Type'):
            raise RegistrarError('invalid answer', 'GetOrder %s answered without the order type and status' % order_id)
        order['OrderId'] = order.get('OrderId') or str(order_id)
        reasons = _values(answer.get('GetOrderResult'))
        result = orders.submission(order)
        if result.failed:
            result.message = '%s%s' % (result.status, (': ' + '; '.join(reasons)) if reasons else '')
        return result
