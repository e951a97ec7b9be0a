# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Planned changes → AutoDNS tasks (routes and bodies). Pure: no I/O.

Each aspect the planner produces becomes:

============  ==================================================================================
register      ``POST /contact`` for each contact without a handle, then ``POST /domain``
              {name, nameServers, ownerc, adminc, techc, zonec, period, autoRenewStatus}, then
              ``PUT /domain/{name}/_statusUpdate`` when declared locks need a status other than ACTIVE
transfer      like register with ``POST /domain/_transfer`` {name, authinfo, contacts, nameServers};
              the reported request shows the authinfo REDACTED
restore       ``PUT /domain/{name}/_restore`` {name}
unlock/locks  ``PUT /domain/{name}/_statusUpdate`` {name, registryStatus} (mapping below), only
              where the TLD rules allow it (gTLDs); elsewhere "not supported ... for .<tld>"
registrant    same identity: its id in the domain update; new identity: the TLD's owner-change
              route (``tld_rules``; gTLDs: ``ownerc`` + ``confirmOwnerConsent`` in the domain
              update; ``PUT /domain/{name}/_ownerChange``; ``POST /domain/_trade`` {name, ownerc,
              authinfo} where the registry trades), or the route the task's override names
contacts      their ids in the domain update (after ``POST /contact`` for new data), or with
              ``update_contacts_in_place`` ``PUT /contact/{id}`` {the contact's fields}
nameservers   ``nameServers`` in the domain update
privacy       ``privacy`` true/false in the domain update (and in a registration or transfer); gTLDs only
              (tld_rules); ``proxy`` and per-contact choices fail: AutoDNS has neither
dnssec        ``PUT /domain/{name}/_dnssec`` (task 0102007) {name, dnssecData: [{flags, protocol, algorithm,
              publicKey}]}: the complete DNSKEY list; an empty list deletes the key material at the
              registry (swagger Domain.dnssecData). AutoDNS takes DNSKEY data only: a DS-only record fails
autorenew     ``autoRenewStatus`` TRUE/FALSE in the domain update; turning it on again also
              withdraws a pending cancelation (``DELETE /domain/{name}/cancelation``)
auth_code     AutoDNS cannot be given a chosen auth code: a specific code fails (InputError);
              "a new one" (``Change('auth_code', old, None)``) is ``POST /domain/{name}/_authinfo1``
renew         ``PUT /domain/{name}/_renew`` {period: {period, unit: YEAR}, payable as DomainInfo said}
expire        ``POST /domain/{name}/cancelation`` {domain, type: DELETE, execution: EXPIRE}
delete        ``POST /domain/{name}/cancelation`` {domain, type: DELETE, execution: NOW}, or
              ``PUT`` of the same when a cancelation at EXPIRE/DATE exists; nothing when one at NOW exists
============  ==================================================================================

Billable tasks (register, transfer, restore, renew) carry the price ``GET /domainpremium/{name}``
offered (read by the adapter's ``resolve``) in their reported request as ``price``, once the task's
``max_price`` agrees to it; a premium price without a guard, above it or in another currency fails
before anything is sent (``price_of``).

The domain update ``PUT /domain/{name}`` (task 0102) takes only the keywords it is given
and loads the others from its database, so ONE update carries the contact ids,
``nameServers`` and ``autoRenewStatus`` together.

Locks → registryStatus (``registry_status``) is the inverse of read.py's ``STATUS_LOCKS`` (its
docstring has the table).

AutoDNS has no delete lock: it reads as unknown, ``delete_lock: false`` needs nothing, and
``delete_lock: true`` fails. An update lock without a transfer lock, or on a domain on HOLD,
has no status either and fails. Both fail with "not supported by this registrar (autodns)"
before anything is sent.

Contacts that do not exist yet: the domain update must carry the id that ``POST /contact``
returns, which only exists once that operation was sent. So the create's payload names a
``NewContact`` placeholder (``creates``), the later payloads refer to it, and the adapter's
``submit`` replaces it with the id it remembered; the reported request says "new contact N".
"""
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import consequences, tld_rules
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts as handles
from ansible_collections.domainops.registrar.plugins.module_utils.core import dnssec as dnssec_checks
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED, Operation
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Locks
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import ASPECT_ORDER

NAME = handles.NAME
SUPPORTED_ASPECTS = ASPECT_ORDER
# Aspects that are keywords of the domain object, sent together in one domain update.
DOMAIN_UPDATE_ASPECTS = ('registrant', 'contacts', 'nameservers', 'autorenew', 'privacy')
# The operations that cost money, each guarded by the task's max_price (DesiredDomain.price_guard).
BILLABLE_ASPECTS = ('register', 'transfer', 'restore', 'renew')

HOLD_STATUSES = ('HOLD', 'HOLD_LOCK')


def not_supported(what, why):
    return InputError('%s: not supported by this registrar (%s): %s' % (what, NAME, why))


def registry_status(locks, current_status=None):
    """The registryStatus that expresses ``locks`` (InputError when there is none)."""
    if locks.delete:
        raise not_supported('delete lock', 'AutoDNS registry statuses have no delete lock')
    if locks.transfer is None or locks.update is None:
        unknown = 'transfer' if locks.transfer is None else 'update'
        raise InputError('locks: the current registry status %s does not tell the %s lock; declare '
                         'transfer_lock and update_lock together' % (current_status, unknown))
    hold = current_status in HOLD_STATUSES
    if locks.update:
        if not locks.transfer:
            raise not_supported('an update lock without a transfer lock',
                                'its lock statuses are LOCK (transfer) and LOCK_UPDATE (transfer and update)')
        if hold:
            raise not_supported('an update lock on a domain on hold (%s)' % current_status,
                                'there is no status for both')
        return 'LOCK_UPDATE'
    if locks.transfer:
        return 'HOLD_LOCK' if hold else 'LOCK'
    return 'HOLD' if hold else 'ACTIVE'


def check_status_update(name, what):
    """InputError unless AutoDNS can change the registry status of ``name`` (TLD rules)."""
    if not tld_rules.rule(name)['status_update']:
        raise InputError('%s: %s is not supported by this registrar for .%s (AutoDNS changes the registry status, '
                         'PUT /domain/{name}/_statusUpdate, only for gTLDs); leave transfer_lock and update_lock '
                         'undeclared for this domain' % (name, what, tld_rules.tld_of(name)))


def owner_change_route(name, override=None):
    """(route, rule) for an owner change of ``name``: the TLD rule's route, or ``override``."""
    rule = tld_rules.rule(name)
    route = override or rule['owner_change']
    if route not in tld_rules.ROUTES:
        raise InputError('owner change route %r: use one of %s' % (route, ', '.join(sorted(tld_rules.ROUTES))))
    return route, rule


def privacy_value(name, privacy):
    """Domain.privacy for a declared Privacy (InputError for what AutoDNS cannot express)."""
    if privacy.service == 'proxy':
        raise not_supported('privacy: proxy', 'AutoDNS offers a privacy service (Domain.privacy), no proxy service')
    covered = [role for role in ('admin', 'tech', 'billing') if getattr(privacy, role)]
    if covered:
        raise not_supported('privacy_contacts (%s)' % ', '.join(covered),
                            'Domain.privacy is one switch for the domain, with no choice per contact')
    if privacy.service == 'privacy' and not tld_rules.rule(name)['privacy']:
        raise InputError('%s: privacy is not supported by this registrar for .%s (autodns: the privacy service is '
                         'ordered for gTLDs only); leave privacy undeclared or none for this domain'
                         % (name, tld_rules.tld_of(name)))
    return privacy.service == 'privacy'


def privacy_fields(name, privacy, before=None):
    """The Domain fields of a declared Privacy: privacy, and privacyPlus when it is declared and differs."""
    fields = {'privacy': privacy_value(name, privacy)}
    if privacy.plus is not None and (before is None or bool(before.plus) != bool(privacy.plus)):
        fields['privacyPlus'] = bool(privacy.plus)  # swagger Domain.privacyPlus 'Enable privacy plus.'
    return fields


# The Domain field that names a premium registration's price class (autodns-rules.json premium_order).
PREMIUM_ORDER_FIELD = 'priceClass'


def price_of(name, guard, price, what):
    """The price to show on the operation, once the task's guard agrees to it (InputError otherwise).

    ``price``: what GET /domainpremium/{name} offered ({'amount', 'currency', 'price_class'}), None for a domain
    without a premium price. Without a guard nothing changes, except that a premium price is refused.
    """
    if price is None:
        return None
    shown = {'amount': price['amount'], 'currency': price['currency']}
    if guard is None:
        raise InputError('%s is a premium domain: %s costs %s %s at AutoDNS; set max_price and currency to agree to '
                         'a price (nothing was sent)' % (name, what, price['amount'], price['currency']))
    if price['currency'] != guard.currency:
        raise InputError('%s: %s costs %s %s, and max_price is in %s; give max_price in %s (nothing was sent)'
                         % (name, what, price['amount'], price['currency'], guard.currency, price['currency']))
    if price['amount'] > guard.max_price:
        raise InputError('%s: %s costs %s %s, more than max_price %s %s; nothing was sent'
                         % (name, what, price['amount'], price['currency'], guard.max_price, guard.currency))
    return shown


def _priced(operation, price):
    """The operation with the price it will cost shown in its request and in its consequences (core/consequences)."""
    if price is not None:
        operation.summary['price'] = price
        operation.consequences['price'] = dict(price)
    return operation


def nameserver_body(nameservers):
    result = []
    for ns in nameservers:
        entry = {'name': ns.name}
        addresses = [a for a in (ns.ipv4, ns.ipv6) if a]
        if addresses:
            entry['ipAddresses'] = addresses
        result.append(entry)
    return result


# ---------------------------------------------------------------------------------------
# Placeholders for contacts created earlier in the same run
# ---------------------------------------------------------------------------------------

class NewContact:
    """The id of the contact that the ``POST /contact`` with the same number creates."""

    def __init__(self, number):
        self.number = number

    @property
    def label(self):
        return 'new contact %d' % self.number

    def __eq__(self, other):
        return isinstance(other, NewContact) and other.number == self.number

    def __hash__(self):
        return hash(('NewContact', self.number))

    def __repr__(self):
        return 'NewContact(%d)' % self.number


def contact_ref(handle):
    """A domain's ownerc/adminc/techc/zonec: ``{"id": n}`` with the id an integer, as the swagger
    types ``Contact.id`` (int32); a NewContact stays a placeholder for the id POST /contact returns."""
    if isinstance(handle, NewContact):
        return {'id': handle}
    if not str(handle).isdigit():
        raise InputError('contact handle %s: AutoDNS contact handles are numbers' % handle)
    return {'id': int(handle)}


def _walk(value, leaf):
    if isinstance(value, dict):
        return dict((k, _walk(v, leaf)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_walk(v, leaf) for v in value]
    return leaf(value)


def fill_placeholders(body, created):
    """``body`` with every NewContact replaced by the id ``created`` (number → id) holds."""
    def leaf(value):
        if isinstance(value, NewContact):
            if value.number not in created:
                raise KeyError(value.label)
            return created[value.number]
        return value
    return _walk(body, leaf)


def summary(request):
    """What check mode and the results show: placeholders named, the authinfo redacted."""
    def leaf(value):
        return value.label if isinstance(value, NewContact) else value
    shown = {'method': request['method'], 'path': request['path']}
    if request.get('body') is not None:
        body = _walk(request['body'], leaf)
        if isinstance(body, dict) and body.get('authinfo') is not None:
            body['authinfo'] = REDACTED
        shown['body'] = body
    if request.get('creates') is not None:
        shown['creates'] = request['creates'].label
    return shown


def _operation(method, path, domain, aspects, body=None, **extra):
    request = {'method': method, 'path': path, 'body': body}
    request.update(extra)
    return Operation(name='%s %s' % (method, path), domain=domain, aspects=_unique(aspects),
                     summary=summary(request), payload=request)


def _unique(items):
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return tuple(result)


class NewContacts:
    """The ``POST /contact`` operations of one run, one per distinct contact data."""

    def __init__(self, domain):
        self.domain = domain
        self.operations = []
        self._by_data = {}

    def ref(self, contact, role, aspect):
        key = handles.data_key(contact)
        if key in self._by_data:
            placeholder, operation = self._by_data[key]
            operation.aspects = _unique(operation.aspects + (aspect,))
            return placeholder
        placeholder = NewContact(len(self._by_data) + 1)
        operation = _operation('POST', '/contact', self.domain, (aspect,), handles.contact_body(contact, role),
                               creates=placeholder)
        self._by_data[key] = (placeholder, operation)
        self.operations.append(operation)
        return placeholder


# ---------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------

def _status_update(current, change):
    current_status = current.registrar_data.get('registry_status', current.status)
    status = registry_status(change.after, current_status)
    if status == current_status:
        return []  # e.g. only "no delete lock" was declared: nothing to send
    check_status_update(current.name, 'changing the locks')
    return [_operation('PUT', '/domain/%s/_statusUpdate' % current.name, current.name, (change.aspect,),
                       {'name': current.name, 'registryStatus': status})]


def _contact_targets(registrant, contacts):
    """{role: (Contact after, aspect)} of the contact changes."""
    targets = {}
    if contacts is not None:
        for role, contact in sorted(contacts.after.items()):
            if contact is not None:
                targets[role] = (contact, 'contacts')
    if registrant is not None:
        targets['registrant'] = (registrant.after, 'registrant')
    handles.check_roles(targets)
    return targets


def _in_place(current, targets):
    """Handles edited in place: {handle: [roles]} where every role of this domain using the
    handle wants the same new data, and the owner keeps its identity."""
    now = dict((role, c.handle) for role, c in current.contacts.items() if c is not None and c.handle)
    candidates = {}
    for role, (contact, _aspect) in targets.items():
        if contact.handle is None and now.get(role):
            candidates.setdefault(now[role], []).append(role)
    result = {}
    for handle in sorted(candidates):
        users = sorted(role for role, h in now.items() if h == handle)
        if any(u not in targets or targets[u][0].handle is not None for u in users):
            continue  # another role keeps the handle's current data
        if len(set(handles.data_key(targets[u][0]) for u in users)) != 1:
            continue
        if 'registrant' in users and handles.identity_changed(current.contacts['registrant'],
                                                              targets['registrant'][0]):
            continue  # a new holder is an owner change, never an edit
        result[handle] = users
    return result


def _contacts(current, registrant, contacts, known, in_place, new, owner_consent=False, route_override=None):
    """(operations before the domain update, {role: id or NewContact} for the update,
    the owner-change operation or None, whether the update carries confirmOwnerConsent)."""
    targets = _contact_targets(registrant, contacts)
    if not targets:
        return [], {}, None, False
    now = dict((role, c.handle) for role, c in current.contacts.items() if c is not None and c.handle)
    refs, edits = {}, []
    if in_place:
        for handle, users in _in_place(current, targets).items():
            contact = targets[users[0]][0]
            edits.append(_operation('PUT', '/contact/%s' % handle, current.name,
                                    [targets[u][1] for u in users],
                                    handles.contact_body(contact, users[0], creating=False)))
            for user in users:
                refs[user] = handle
    for role in handles.ROLES:
        if role in targets and role not in refs:
            contact, aspect = targets[role]
            refs[role] = contact.handle if contact.handle else new.ref(contact, role, aspect)
    owner, consent_in_update = None, False
    if 'registrant' in refs and refs['registrant'] != now.get('registrant'):
        after = targets['registrant'][0]
        after = known.get(after.handle, after) if after.handle else after
        if handles.identity_changed(current.contacts.get('registrant'), after):
            owner, consent_in_update = _owner_change(current, refs, owner_consent, route_override)
    ids = dict((role, ref) for role, ref in refs.items() if ref != now.get(role))
    return edits, ids, owner, consent_in_update


# _owner_change's answer when the new holder travels in the domain update itself.
OWNER_IN_UPDATE = object()


def _is_gtld(name):
    return tld_rules.tld_class(name) == 'gtld'


def _owner_change(current, refs, owner_consent, route_override):
    """A new holder, by the TLD's route (tld_rules): (its own operation or None, consent in the update)."""
    route, rule = owner_change_route(current.name, route_override)
    if rule['owner_consent'] and not owner_consent:
        # Swagger Domain.confirmOwnerConsent: required for gTLDs when the owner's name, email or
        # organization changes. It asserts the holder agreed, so only the task may say so.
        raise InputError('%s: changing the holder of a gTLD domain needs the consent of the '
                         'domain owner (AutoDNS confirmOwnerConsent); set confirm_owner_consent: '
                         'true once the owner has agreed' % current.name)
    if route == 'update':
        return OWNER_IN_UPDATE, rule['owner_consent']  # the new ownerc goes into the one domain update
    body = {'name': current.name, 'ownerc': contact_ref(refs.pop('registrant'))}
    if route == 'trade':
        # A trade needs the domain's current auth code (php-domainrobot-sdk DomainTrade example).
        if not current.auth_code:
            raise InputError('%s: an owner change of .%s is a trade (POST /domain/_trade), which needs the '
                             "domain's auth code, and AutoDNS reported none; have AutoDNS generate one "
                             '(POST /domain/%s/_authinfo1, or in its web interface) and re-run'
                             % (current.name, tld_rules.tld_of(current.name), current.name))
        body['authinfo'] = current.auth_code
    if rule['owner_consent']:
        body['confirmOwnerConsent'] = True
    method, path = tld_rules.ROUTES[route]
    operation = _operation(method, path.format(name=current.name), current.name, ('registrant',), body)
    operation.consequences.update(consequences.marks('%s %s' % (method, path), _is_gtld(current.name)))
    return operation, False


def _domain_update(current, ids, nameservers, autorenew, owner_consent=False, privacy=None):
    body = {'name': current.name}
    aspects = []
    for role, field in handles.ROLE_FIELDS:
        if role in ids:
            body[field] = contact_ref(ids[role])
            aspects.append('registrant' if role == 'registrant' else 'contacts')
    if owner_consent and 'registrant' in ids:
        body['confirmOwnerConsent'] = True  # a new holder of a gTLD, with the task's confirm_owner_consent
    if nameservers is not None:
        body['nameServers'] = nameserver_body(nameservers.after)
        aspects.append('nameservers')
    if privacy is not None:
        body.update(privacy_fields(current.name, privacy.after, privacy.before))
        aspects.append('privacy')
    extra = []
    if autorenew is not None:
        wanted = 'TRUE' if autorenew.after else 'FALSE'
        if current.registrar_data.get('auto_renew_raw') != wanted:
            body['autoRenewStatus'] = wanted
            aspects.append('autorenew')
        if autorenew.after and current.registrar_data.get('cancelation'):
            # Read as "not renewing" because a cancelation is pending: withdraw it.
            extra.append(_operation('DELETE', '/domain/%s/cancelation' % current.name, current.name,
                                    ('autorenew',)))
    update = [_operation('PUT', '/domain/%s' % current.name, current.name, aspects, body)] if aspects else []
    return update + extra


# The fields of the swagger's DNSSec object, in the core's names.
DNSSEC_FIELDS = (('flags', 'flags'), ('protocol', 'protocol'), ('algorithm', 'algorithm'), ('public_key', 'publicKey'))


def _dnssec(current, change):
    dnssec_checks.require_fields(change.after, [name for name, _field in DNSSEC_FIELDS], NAME,
                                 'DNSKEY data (swagger DNSSec), not DS data')
    body = {'name': current.name,
            'dnssecData': [dict((field, getattr(key, name)) for name, field in DNSSEC_FIELDS) for key in change.after]}
    return [_operation('PUT', '/domain/%s/_dnssec' % current.name, current.name, ('dnssec',), body)]


def _auth_code(current, change):
    if change.after is not None:
        # Never name the code: it is a secret.
        raise not_supported('auth_code', 'AutoDNS does not let a client choose the auth code; it generates '
                            'a new one with POST /domain/{name}/_authinfo1')
    return [_operation('POST', '/domain/%s/_authinfo1' % current.name, current.name, ('auth_code',))]


def _renew(current, change, price=None):
    price = price_of(current.name, change.after.price_guard, price, 'renewing it')
    # Seed 004: the current payable date, exactly as AutoDNS reported it, so that a
    # repeated or concurrent request cannot renew twice.
    payable = current.registrar_data.get('payable_raw')
    if not payable:
        raise InputError('%s: AutoDNS did not report a payable date; a renewal needs it' % current.name)
    body = {'period': {'period': change.after.period, 'unit': 'YEAR'}, 'payable': payable}
    return [_priced(_operation('PUT', '/domain/%s/_renew' % current.name, current.name, ('renew',), body), price)]


def _cancelation(current, change):
    existing = current.registrar_data.get('cancelation')
    body = {'domain': current.name, 'type': 'DELETE',
            'execution': 'EXPIRE' if change.aspect == 'expire' else 'NOW'}
    path = '/domain/%s/cancelation' % current.name
    if change.aspect == 'expire':
        if existing:
            return []  # already cancelled, at its expiry or before
        return [_operation('POST', path, current.name, ('expire',), body)]
    if existing is None:
        return [_operation('POST', path, current.name, ('delete',), body)]
    if existing.get('execution') in ('EXPIRE', 'DATE'):
        return [_operation('PUT', path, current.name, ('delete',), body)]  # bring it forward to now
    return []  # already being deleted (at NOW, or it went while it was read: the next run sees which)


def _new_domain(change, known, new, price=None):
    aspect, desired = change.aspect, change.after
    name = desired.name
    what = {'register': 'registering it', 'transfer': 'transferring it', 'restore': 'restoring it'}[aspect]
    offered, price = price, price_of(name, desired.price_guard, price, what)
    if aspect == 'restore':
        return [_priced(_operation('PUT', '/domain/%s/_restore' % name, name, (aspect,), {'name': name}), price)]
    verb = 'registering' if aspect == 'register' else 'transferring'
    declared = dict((role, c) for role, c in (desired.contacts or {}).items() if c is not None)
    handles.check_roles(declared)
    missing = [role for role in ('registrant', 'admin', 'tech') if role not in declared]
    if missing:
        raise InputError('%s %s: AutoDNS needs the registrant, admin and tech contacts (ownerc, adminc, '
                         'techc); declare %s' % (verb, name, ', '.join(missing)))
    body = {'name': name}
    if aspect == 'transfer':
        body['authinfo'] = desired.auth_code
    if desired.nameservers:
        body['nameServers'] = nameserver_body(desired.nameservers)
    elif aspect == 'register':
        raise InputError('registering %s: AutoDNS needs the name servers; declare nameservers' % name)
    for role, field in handles.ROLE_FIELDS:
        contact = declared.get(role)
        if contact is not None:
            body[field] = contact_ref(contact.handle if contact.handle else new.ref(contact, role, aspect))
    if aspect == 'register':
        body['period'] = {'period': desired.period or 1, 'unit': 'YEAR'}
        if offered and offered.get('price_class'):
            # A premium registration names its price class (autodns-rules.json premium_order).
            body[PREMIUM_ORDER_FIELD] = offered['price_class']
    if desired.autorenew is not None:
        body['autoRenewStatus'] = 'TRUE' if desired.autorenew else 'FALSE'
    if desired.privacy is not None:
        body.update(privacy_fields(name, desired.privacy))
    path = '/domain' if aspect == 'register' else '/domain/_transfer'
    result = [_priced(_operation('POST', path, name, (aspect,), body), price)]
    if desired.locks is not None:
        locks = Locks(transfer=bool(desired.locks.transfer), update=bool(desired.locks.update),
                      delete=desired.locks.delete)
        status = registry_status(locks, 'ACTIVE')
        if status != 'ACTIVE':
            check_status_update(name, 'declaring locks')
            result.append(_operation('PUT', '/domain/%s/_statusUpdate' % name, name, (aspect,),
                                     {'name': name, 'registryStatus': status}))
    return new.operations + result


def operations(current, changes, known_contacts=None, in_place=False, owner_consent=False, owner_change_route=None,
               prices=None):
    """The tasks that carry ``changes``, in a safe order.

    ``known_contacts`` maps handles to what they hold (read by the adapter); ``in_place``
    is the task's ``update_contacts_in_place``, ``owner_consent`` its ``confirm_owner_consent``,
    ``owner_change_route`` overrides the TLD rule's owner-change route ('update', 'owner_change'
    or 'trade'). ``prices`` maps domain names to the premium price the adapter read (None: none).
    Raises InputError for what AutoDNS cannot express, or a price the task's guard refuses, before anything is sent.
    """
    known = known_contacts or {}
    prices = prices or {}
    by_aspect = {}
    for change in changes:
        by_aspect[change.aspect] = change
    for aspect in ('register', 'transfer', 'restore'):
        if aspect in by_aspect:
            name = by_aspect[aspect].after.name
            return _new_domain(by_aspect[aspect], known, NewContacts(name), prices.get(name))
    if not changes:
        return []
    result = []
    if 'unlock' in by_aspect:
        result.extend(_status_update(current, by_aspect['unlock']))
    new = NewContacts(current.name)
    edits, ids, owner, consent_in_update = _contacts(current, by_aspect.get('registrant'), by_aspect.get('contacts'),
                                                     known, in_place, new, owner_consent, owner_change_route)
    result.extend(new.operations)
    result.extend(edits)
    if owner is not None and owner is not OWNER_IN_UPDATE:
        result.append(owner)
    updates = _domain_update(current, ids, by_aspect.get('nameservers'), by_aspect.get('autorenew'), consent_in_update,
                             by_aspect.get('privacy'))
    if owner is OWNER_IN_UPDATE:
        for update in updates:
            if 'ownerc' in (update.payload.get('body') or {}):
                update.consequences.update(consequences.marks('domain update with a new holder', _is_gtld(current.name)))
    result.extend(updates)
    if 'dnssec' in by_aspect:
        result.extend(_dnssec(current, by_aspect['dnssec']))
    if 'auth_code' in by_aspect:
        result.extend(_auth_code(current, by_aspect['auth_code']))
    if 'renew' in by_aspect:
        result.extend(_renew(current, by_aspect['renew'], prices.get(current.name)))
    if 'locks' in by_aspect:
        result.extend(_status_update(current, by_aspect['locks']))
    for aspect in ('expire', 'delete'):
        if aspect in by_aspect:
            result.extend(_cancelation(current, by_aspect[aspect]))
    return result
