# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio AWS v2 answers -> the core model, without I/O.

What to ask (the SearchDomain criteria, the SearchOrder request) and how each answer
(plain dicts, as ``api.AscioClient`` returns them) reads: ``GetDomain`` becomes a core
``Domain``, an ``Order`` a ``Submission``, a ``PollMessage`` item a ``Message``.  An
answer that cannot be one (two live domains of one name, an order without type and
status) is a RegistrarError, never data.

The registrant's name
    Ascio's ``Registrant`` has one ``Name`` ("firstname lastname" or "lastname, firstname",
    as Ascio documents it); the core model has ``first_name``/``last_name``. Reading splits
    a Name with a comma as "last, first", otherwise at the first space ("Jane Doe" ->
    Jane / Doe; one word -> last name only). Writing (``write.join_name``) re-sends the
    Name exactly as read when first and last name are unchanged, else "first last" when
    that reads back the same, else "last, first".
"""

import datetime

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import rules
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Message, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.dnssec import ALGORITHMS
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DnssecKey, Domain, Locks, Nameserver, Privacy

MAX_NAMESERVERS = rules.NAMESERVER_SLOTS
# The queue that reports on orders (PollMessage walks one MessageType at a time).
ORDER_MESSAGES = 'Message_to_Partner'

# Contact roles of the core model -> the Domain element that holds them.
CONTACT_ELEMENTS = (
    ('admin', 'AdminContact'),
    ('tech', 'TechContact'),
    ('billing', 'BillingContact'),
    ('reseller', 'ResellerContact'),
)

FINAL_STATUSES = rules.FINAL_STATUSES
FAILED_STATUSES = rules.FAILED_STATUSES
# Every other OrderStatusType: the order may still move on (rules: order_statuses.pending).
# NotSet included: Ascio's own client counts it as pending. A unit test checks that these and
# FINAL_STATUSES are exactly the OrderStatusType enumeration.
OPEN_STATUSES = (
    'NotSet', 'Received', 'Validated', 'Pending', 'Processing', 'Pending_Documentation',
    'Pending_End_User_Action', 'Documentation_Received', 'Documentation_Approved',
    'Documentation_Not_Approved', 'Pending_NIC_Processing', 'Pending_NIC_Document_Approval',
    'Pending_Post_Processing', 'Pending_Internal_Processing',
)


# ---------------------------------------------------------------------------------------
# Parts of every answer
# ---------------------------------------------------------------------------------------

def values(response):
    """The Values (further reasons) of an Ascio Response, as a list of strings."""
    found = (response or {}).get('Values') or {}
    if isinstance(found, dict):
        found = found.get('string') or []
    return [str(v) for v in found if v is not None]


def items(container, name):
    """The list inside an ArrayOfX element (None and a single item included)."""
    found = (container or {}).get(name) if isinstance(container, dict) else container
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


# ---------------------------------------------------------------------------------------
# SearchDomain, GetDomain -> Domain
# ---------------------------------------------------------------------------------------

def domain_criteria(name):
    """The SearchDomain criteria for the domain ``name``.

    A deleted domain keeps its name in the account: Withoutstates leaves it out, as Ascio's
    WHMCS client does (``domain_handle`` never picks a DELETED twin that comes back all the same).
    """
    return {
        'Mode': 'Strict',
        'Clauses': {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': name}]},
        'Withoutstates': {'string': [rules.DELETED_CRITERIA]},
    }


def domain_handle(answer, name):
    """The DomainHandle of the live domain ``name`` in a SearchDomain answer; None when there is none."""
    handles = [d.get('DomainHandle') for d in items(answer.get('domains'), 'Domain')
               if normalize.host_name(d.get('DomainName') or '') == normalize.host_name(name)
               and rules.DELETED not in rules.status_tokens(d.get('Status'))]
    if not handles:
        return None
    if len(handles) > 1:
        raise RegistrarError('invalid answer', 'SearchDomain found %d domains named %s that are not deleted (%s); '
                             'cannot tell which one to manage' % (len(handles), name, ', '.join(map(str, handles))))
    return handles[0]


def names_criteria(names):
    """The SearchDomain criteria for several names in one search (rules: bulk_reads.search_criteria).

    One DomainName ``Is`` clause per name with Mode Any (a domain matching any clause); one
    name is the single-domain search, Mode Strict. Absence from a batch proves nothing (the
    adapter searches such a name again alone), so a different reading of Any costs requests, not data.
    """
    names = list(names)
    if len(names) == 1:
        return domain_criteria(names[0])
    return {
        'Mode': 'Any',
        'Clauses': {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Is', 'Value': name} for name in names]},
        'Withoutstates': {'string': [rules.DELETED_CRITERIA]},
    }


def tld_criteria(tld=None):
    """The SearchDomain criteria for every live domain under ``tld`` (without dots), or of the whole account."""
    return {
        'Mode': 'Strict',
        'Clauses': {'Clause': [{'Attribute': 'DomainName', 'Operator': 'Like', 'Value': '%.' + tld if tld else '%'}]},
        'Withoutstates': {'string': [rules.DELETED_CRITERIA]},
    }


def live_domains(answer, names=None):
    """{name: Domain (plain dict)} of the live domains in a SearchDomain answer, optionally only ``names``.

    Two live domains of one name are an error, as in ``domain_handle``: which one to manage cannot be told.
    """
    wanted = None if names is None else set(normalize.host_name(name) for name in names)
    found = {}
    for data in items(answer.get('domains'), 'Domain'):
        name = normalize.host_name(data.get('DomainName') or '')
        if not name or rules.DELETED in rules.status_tokens(data.get('Status')) or (wanted is not None and name not in wanted):
            continue
        if name in found:
            raise RegistrarError('invalid answer', 'SearchDomain found 2 domains named %s that are not deleted (%s, %s); '
                                 'cannot tell which one to manage' % (name, found[name].get('DomainHandle'), data.get('DomainHandle')))
        found[name] = data
    return found


def has_details(data):
    """Whether a SearchDomain result holds what planning needs (rules: bulk_reads.search_result.needed)."""
    return all(data.get(element) for element in rules.SEARCH_NEEDED)


def found_domain(answer, dnssec_keys=None):
    """The Domain of a GetDomain answer; None for none and for a deleted one."""
    domain = answer.get('domain')
    if not domain or rules.DELETED in rules.status_tokens(domain.get('Status')):
        return None
    return read_domain(domain, dnssec_keys)


def handles_to_read(answer):
    """The Handles of the DnsSecKey slots of a GetDomain answer that carry no key data (GetDnsSecKey reads them)."""
    domain = answer.get('domain') or {}
    return [handle for handle, entry in dnssec_slots(domain.get('DnsSecKeys')) if handle and read_dnssec_key(entry) is None]


# Shared with the AutoDNS package (core/normalize.py): one notion of "no text" and of a host name.
text_or_none = normalize.text


def split_name(name):
    """Registrant.Name -> (first_name, last_name); see the module docstring."""
    name = text_or_none(name)
    if name is None:
        return None, None
    if ',' in name:
        last, first = name.split(',', 1)
        return text_or_none(first), text_or_none(last)
    parts = name.split(None, 1)
    if len(parts) == 1:
        return None, parts[0]
    return parts[0], text_or_none(parts[1])


def _address(data):
    lines = tuple(line for line in (text_or_none(data.get('Address1')), text_or_none(data.get('Address2'))) if line)
    return lines or None


def _date(value):
    """A DateTime as a date; None for none and for .NET's default ``0001-01-01T00:00:00``
    (rules: no_date), which Ascio writes where there is no date: never an expiry."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    elif not isinstance(value, datetime.date):
        value = datetime.datetime.strptime(str(value)[:10], '%Y-%m-%d').date()
    if value == _date_of(rules.NO_DATE):
        return None
    return value


def _date_of(text):
    return datetime.datetime.strptime(text[:10], '%Y-%m-%d').date()


def read_registrant(data):
    if not data:
        return None
    first, last = split_name(data.get('Name'))
    contact = Contact(
        handle=text_or_none(data.get('Handle')), first_name=first, last_name=last,
        organization=text_or_none(data.get('OrgName')), address=_address(data), city=text_or_none(data.get('City')),
        state=text_or_none(data.get('State')), postal_code=text_or_none(data.get('PostalCode')),
        country=text_or_none(data.get('CountryCode')), email=text_or_none(data.get('Email')),
        phone=text_or_none(data.get('Phone')), fax=text_or_none(data.get('Fax')),
        registrant_number=text_or_none(data.get('RegistrantNumber')))
    return contact if contact != Contact() else None


def read_contact(data):
    if not data:
        return None
    contact = Contact(
        handle=text_or_none(data.get('Handle')), first_name=text_or_none(data.get('FirstName')),
        last_name=text_or_none(data.get('LastName')), organization=text_or_none(data.get('OrgName')),
        address=_address(data), city=text_or_none(data.get('City')), state=text_or_none(data.get('State')),
        postal_code=text_or_none(data.get('PostalCode')), country=text_or_none(data.get('CountryCode')),
        email=text_or_none(data.get('Email')), phone=text_or_none(data.get('Phone')), fax=text_or_none(data.get('Fax')),
        registrant_number=text_or_none(data.get('OrganisationNumber')))
    return contact if contact != Contact() else None


def read_nameservers(data):
    result = []
    for index in range(1, MAX_NAMESERVERS + 1):
        entry = (data or {}).get('NameServer%d' % index)
        host = text_or_none((entry or {}).get('HostName'))
        if not host:
            continue
        result.append(Nameserver(normalize.host_name(host), text_or_none(entry.get('IpAddress')),
                                 text_or_none(entry.get('IpV6Address'))))
    return tuple(result)


# DnsSecKey values as text -> numbers (rules: dnssec; a number, or one of the names Ascio's examples write).
_DIGEST_TYPES = dict((name.upper(), number) for number, name in rules.DIGEST_TYPE_NAMES.items())
_ALGORITHMS = dict((name.upper(), number) for number, name in ALGORITHMS.items())
_ALGORITHMS.update((name.upper(), number) for name, number in rules.ALGORITHM_NAMES.items())


def _number(value, names=None):
    text = text_or_none(value)
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    if names and text.upper() in names:
        return names[text.upper()]
    raise RegistrarError('malformed-answer', 'GetDomain: DnsSecKey value %r is not a number Ascio is known to write' % text)


def read_dnssec_key(data):
    """A DnsSecKey (plain dict) as a core DnssecKey; None when it holds no key data (an empty
    slot, or a slot that only names its Handle)."""
    data = data or {}
    key = DnssecKey(
        key_tag=_number(data.get('KeyTag')),
        algorithm=_number(data.get('KeyAlgorithm'), _ALGORITHMS) or _number(data.get('DigestAlgorithm'), _ALGORITHMS),
        digest_type=_number(data.get('DigestType'), _DIGEST_TYPES),
        digest=(text_or_none(data.get('Digest')) or '').upper() or None,
        flags=_number(data.get('KeyType')),
        protocol=_number(data.get('Protocol')),
        public_key=''.join((text_or_none(data.get('PublicKey')) or '').split()) or None)
    if key.digest is None and key.public_key is None:
        return None
    return key


def dnssec_slots(data):
    """[(Handle or None, DnsSecKey dict)] of the filled DnsSecKey1..5 slots of Domain.DnsSecKeys."""
    result = []
    for index in range(1, rules.DNSSEC_SLOTS + 1):
        entry = (data or {}).get('DnsSecKey%d' % index)
        if not entry:
            continue
        handle = text_or_none(entry.get('Handle'))
        if handle or read_dnssec_key(entry) is not None:
            result.append((handle, entry))
    return result


def read_lock(value, token=None, status=None):
    """One lock, from its element (Lock/Unlock) and from the domain's Status tokens.

    Ascio's own clients read a lock from the Status token (ascio-framework Locks.php);
    the lock elements say the same in the same answer. When they disagree the lock counts
    as on: releasing a lock that is off costs one Change_Locks, ignoring one that is on gets
    the order refused (docs/ascio.md, "Locks").
    """
    if token is not None and token in status_codes(status):
        return True
    value = text_or_none(value)
    if value is None:
        return None
    return value.lower() == 'lock'


def status_codes(status):
    """Ascio's combined domain status ("EXPIRING, UPDATE_LOCK") as a set of words."""
    return rules.status_tokens(status)


def read_locks(data):
    status = text_or_none(data.get('Status'))
    tokens = rules.LOCK_TOKENS
    return Locks(transfer=read_lock(data.get('TransferLock'), tokens['TransferLock'], status),
                 delete=read_lock(data.get('DeleteLock'), tokens['DeleteLock'], status),
                 update=read_lock(data.get('UpdateLock'), tokens['UpdateLock'], status))


def read_domain(data, dnssec_keys=None):
    """A GetDomain ``domain`` (plain dicts) as a core Domain.

    ``dnssec_keys`` maps the Handle of a DnsSecKey slot that named only its Handle to the
    DnsSecKey read with GetDnsSecKey (adapter.get_domain).

    Ascio renews every domain automatically unless it was expired with Expire_Domain;
    such a domain carries the status EXPIRING, so autorenew is "not EXPIRING".
    """
    contacts = {}
    registrant = read_registrant(data.get('Registrant'))
    if registrant is not None:
        contacts['registrant'] = registrant
    for role, element in CONTACT_ELEMENTS:
        contact = read_contact(data.get(element))
        if contact is not None:
            contacts[role] = contact
    expires = _date(data.get('ExpDate'))
    status = text_or_none(data.get('Status'))
    keys, key_handles = [], {}
    for handle, entry in dnssec_slots(data.get('DnsSecKeys')):
        key = read_dnssec_key(entry) or read_dnssec_key((dnssec_keys or {}).get(handle))
        if key is None:
            raise RegistrarError('malformed-answer', 'GetDomain: DnsSecKey %s of %s holds no key data' % (handle, data.get('DomainName')))
        keys.append(key)
        if handle:
            key_handles[key.key()] = handle
    return Domain(
        name=normalize.host_name(data['DomainName']),
        nameservers=read_nameservers(data.get('NameServers')),
        contacts=contacts,
        locks=read_locks(data),
        expires=expires, payable=expires,
        autorenew='EXPIRING' not in status_codes(status),
        auth_code=text_or_none(data.get('AuthInfo')),
        status=status,
        privacy=read_privacy(data.get('PrivacyProxy')),
        dnssec=tuple(keys),
        registrar_data={
            'handle': text_or_none(data.get('DomainHandle')),
            # DnssecKey.key() -> the Handle of its DnsSecKey object, re-used by a Nameserver_Update.
            'dnssec_handles': key_handles,
            # Re-sent unchanged by a Registrant_Details_Update (see join_name).
            'registrant_name': text_or_none((data.get('Registrant') or {}).get('Name')),
            # Registrant facts the model does not hold, kept by a details update.
            'registrant_extra': _extra(data.get('Registrant'), REGISTRANT_EXTRA),
        })


def _flag(value):
    if value is None or isinstance(value, bool):
        return value
    return str(value).strip().lower() == 'true'


def read_privacy(data):
    """Domain.PrivacyProxy as a core Privacy; a domain without one has no service (Type None)."""
    if not data or text_or_none(data.get('Type')) is None:
        return Privacy(service='none')
    return Privacy(service=text_or_none(data.get('Type')).lower(), admin=_flag(data.get('PrivacyAdmin')),
                   tech=_flag(data.get('PrivacyTech')), billing=_flag(data.get('PrivacyBilling')))


REGISTRANT_EXTRA = ('RegistrantType', 'VatNumber', 'RegistrantDate', 'NexusCategory', 'Details')


def _extra(data, names):
    return dict((n, data[n]) for n in names if data and text_or_none(data.get(n)) is not None)


# ---------------------------------------------------------------------------------------
# Orders -> Submission, SearchOrder, PollMessage
# ---------------------------------------------------------------------------------------

def submission(order, domain=None, message=None):
    """A Submission from an Ascio Order (plain dict)."""
    status = order.get('Status') or 'NotSet'
    failed = status in FAILED_STATUSES
    name = domain or ((order.get('Domain') or {}).get('DomainName'))
    return Submission(operation=order.get('Type'), domain=name, id=order.get('OrderId'), status=status,
                      done=status in FINAL_STATUSES, failed=failed,
                      message=(message or status) if failed else message)


def order_submission(answer, order_id, order_type=None, domain=None):
    """A GetOrder answer as a Submission; a failed order's message carries Ascio's reasons.

    ``order_type``: the type of the order sent, when the answer leaves it out.  Without it
    an answer that names no type or status is an error (the order is unknown to the caller).
    """
    order = answer.get('order') or {}
    if order_type is None and (not order.get('Status') or not order.get('Type')):
        raise RegistrarError('invalid answer', 'GetOrder %s answered without the order type and status' % order_id)
    order['Type'] = order.get('Type') or order_type
    order['OrderId'] = order.get('OrderId') or order_id
    reasons = values(answer.get('GetOrderResult'))
    result = submission(order, domain)
    if result.failed:
        result.message = '%s%s' % (result.status, (': ' + '; '.join(reasons)) if reasons else '')
    return result


def pending_request(name, order_types):
    """The SearchOrder orderRequest for the open orders of ``order_types`` on the domain ``name``."""
    return {
        'OrderTypes': {'OrderType': list(order_types)},
        'OrderStatusTypes': {'OrderStatusType': list(OPEN_STATUSES)},
        'DomainName': name,
        'OrderSort': 'CreDateAsc',
    }


def pending_submissions(answer, name, order_types):
    """The orders of a SearchOrder answer that are for ``name``, of ``order_types`` and not done."""
    result = []
    for order in items(answer.get('orders'), 'Order'):
        domain = normalize.host_name((order.get('Domain') or {}).get('DomainName') or name)
        if domain != name.lower() or order.get('Type') not in order_types:
            continue
        found = submission(order, name)
        if not found.done:
            result.append(found)
    return result


def open_orders_request(order_types):
    """The SearchOrder orderRequest for every open order of ``order_types`` in the account (any domain).

    Sorted oldest first, so that pages stay put while new orders arrive (they go to the end).
    """
    return {
        'OrderTypes': {'OrderType': list(order_types)},
        'OrderStatusTypes': {'OrderStatusType': list(OPEN_STATUSES)},
        'OrderSort': 'CreDateAsc',
    }


def orders_since_request(order_types, from_date):
    """The SearchOrder orderRequest for the orders of ``order_types`` created since ``from_date``, in every status."""
    return {
        'OrderTypes': {'OrderType': sorted(set(order_types))},
        'FromDate': from_date,
        'OrderSort': 'CreDateAsc',
    }


def pending_by_domain(orders, names, order_types):
    """{name: [Submission]} of the open orders of ``order_types`` (Order dicts) for each of ``names``."""
    result = dict((name, []) for name in names)
    keys = dict((normalize.host_name(name), name) for name in names)
    for order in orders:
        name = keys.get(normalize.host_name((order.get('Domain') or {}).get('DomainName') or ''))
        if name is None or order.get('Type') not in order_types:
            continue
        found = submission(order, name)
        if not found.done:
            result[name].append(found)
    return result


def poll_message(answer):
    """The item of a PollMessage answer as a Message; None when the queue is empty."""
    item = answer.get('item')
    if not item or item.get('MsgId') is None:
        return None
    return Message(id=str(item['MsgId']), domain=item.get('DomainName'), reference=item.get('OrderId'),
                   status=item.get('OrderStatus'), text=item.get('Msg'), waiting=answer.get('msgCount'))
