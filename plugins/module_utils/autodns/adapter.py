# -*- coding: utf-8 -*-
"""The AutoDNS adapter: reads domains into the core model and sends tasks, following their jobs.

Reads, at most three requests per domain (AutoDNS allows 3 per second):

- ``GET /domain/{name}`` (DomainInfo);
- one ``POST /contact/_search`` for the data of all its contact handles (``id IN [...]``);
- ``GET /domain/{name}/cancelation`` only when DomainInfo reports a ``cancelationStatus``
  of ``DELETE`` (deletion now or at a date; ``DELETE_EXPIRE`` says all there is to know).

A pending cancelation reads as ``autorenew: false`` (the domain will not be renewed), so a
second "let it lapse" finds nothing to do, and a second "delete" sees the cancelation and
sends nothing (or moves one at EXPIRE/DATE to NOW).

``resolve`` (read-only, also in check mode) looks up, in one ``POST /contact/_search``,
handles that hold exactly the data a change wants, and the data of handles a task names.
"""
import datetime
import ipaddress
from dataclasses import replace

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts as handles
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import tasks
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.client import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import (
    REDACTED, Message, RegistrarAdapter, Submission)
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Domain, Nameserver
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import Change

CONTACT_FIELDS = dict((field, role) for role, field in handles.ROLE_FIELDS)
SEARCH_PAGE = 100
SEARCH_PAGES = 5

# Job actions (swagger DomainActionConstants) that can change what a task manages. The keys
# are the planner's aspects and the Domain model keys the modules name.
_UPDATE = ('UPDATE', 'UPDATE_NAMESERVER')
_OWNER = ('OWNERCHANGE', 'UPDATE_OWNER_CHANGE')
_STATUS = ('UPDATE_STATUS',)
_RENEW = ('RENEW', 'RESTORE_RENEW')
PENDING_ACTIONS = {
    'nameservers': _UPDATE,
    'registrant': _UPDATE + _OWNER,
    'contacts': _UPDATE + _OWNER,
    'autorenew': _UPDATE,
    'locks': _STATUS,
    'unlock': _STATUS,
    'status': _STATUS,
    'renew': _RENEW,
    'expires': _RENEW,
    'payable': _RENEW,
    'auth_code': (),
    'expire': (),
    'delete': (),
    'register': (),
    'transfer': (),
    'restore': (),
}
# A job that brings the domain into the account matters to every task on it.
EXISTENCE_ACTIONS = ('CREATE', 'TRANSFER', 'RESTORE')
KNOWN_ACTIONS = set(a for actions in PENDING_ACTIONS.values() for a in actions) | set(EXISTENCE_ACTIONS)


def parse_date(value):
    """AutoDNS writes '2020-12-31T12:00:00.000+0200' or '2020-12-31 12:00:00'; the date part is what counts."""
    if not value:
        return None
    return datetime.date.fromisoformat(str(value)[:10])


def read_nameserver(entry):
    ipv4 = ipv6 = None
    for address in entry.get('ipAddresses') or []:
        try:
            version = ipaddress.ip_address(address).version
        except ValueError:
            continue
        if version == 4 and ipv4 is None:
            ipv4 = address
        elif version == 6 and ipv6 is None:
            ipv6 = ipaddress.ip_address(address).compressed
    return Nameserver(entry['name'].lower().rstrip('.'), ipv4, ipv6)


read_contact = handles.read_contact
read_locks = tasks.read_locks


def read_domain(data, contacts=None, cancelation=None):
    """DomainInfo data → Domain.

    ``contacts`` maps contact ids to the contacts' data (Contact List); without it the roles
    carry only their handles. ``cancelation`` is the DomainCancelation, when one was read.
    """
    contacts = contacts or {}
    roles = {}
    for field, role in CONTACT_FIELDS.items():
        ref = data.get(field)
        if isinstance(ref, dict) and ref.get('id') is not None:
            roles[role] = read_contact(contacts.get(str(ref['id']), ref))
    renew = data.get('autoRenewStatus')
    pending = data.get('cancelationStatus')
    if pending and cancelation is None:
        cancelation = {'status': pending, 'execution': 'EXPIRE' if pending.endswith('_EXPIRE') else None}
    if cancelation:
        autorenew = False  # cancelled: it will not be renewed
    else:
        # ONCE: renewed once more at the end of this term, so it does renew now.
        autorenew = None if renew is None else renew in ('TRUE', 'ONCE')
    return Domain(
        name=data['name'].lower().rstrip('.'),
        nameservers=tuple(read_nameserver(ns) for ns in data.get('nameServers') or []),
        contacts=roles,
        locks=read_locks(data.get('registryStatus')),
        expires=parse_date(data.get('expire')),
        payable=parse_date(data.get('payable')),
        autorenew=autorenew,
        auth_code=data.get('authinfo'),
        status=data.get('registryStatus'),
        registrar_data={
            'payable_raw': data.get('payable'),
            'auto_renew_raw': renew,
            'registry_status': data.get('registryStatus'),
            'cancelation': dict((k, cancelation.get(k)) for k in ('status', 'execution', 'registryWhen'))
            if cancelation else None,
        },
    )


def job_submission(operation, domain, job):
    """A Job → Submission; only a final status (jobs.JOB_STATUS_FINAL) is done.

    A job without a status is running (seed 004's N-answer carries only the id); a status the
    swagger does not list is a malformed answer.
    """
    try:
        status = jobs.job_status(job.get('status') or 'RUNNING')
    except ValueError as exc:
        raise RegistrarError('malformed-answer', 'AutoDNS job %s: %s' % (job.get('id'), exc), operation=operation)
    return Submission(operation=operation, domain=domain, id=str(job.get('id')), status=status,
                      done=not jobs.is_pending(status), failed=jobs.is_failed(status),
                      message=job.get('subStatus'))


def _upper(value):
    return str(value).upper() if value is not None else None


def read_poll(envelope):
    """GET /poll's answer → Message, or None when the queue is empty.

    Two shapes: the swagger's, where ``data[0]`` is a PollMessage {id, job, stid, messages,
    created, object {type, value, data}, notify} and the count is ``object.summary``; and seed
    004's, where ``data[0]`` is {summary, message {id, job {id, domain}, stid, object, status}}.
    """
    data = envelope.get('data') or []
    if not data:
        return None
    entry = data[0]
    if not isinstance(entry, dict):
        raise RegistrarError('malformed-answer', 'GET /poll: data[0] is not a poll message')
    message = entry['message'] if isinstance(entry.get('message'), dict) else entry
    if message.get('id') is None:
        raise RegistrarError('malformed-answer', 'GET /poll: the poll message has no id')
    job = message.get('job') if isinstance(message.get('job'), dict) else {}
    status = message.get('status') if isinstance(message.get('status'), dict) else {}
    obj = message.get('object') if isinstance(message.get('object'), dict) else {}
    notify = message.get('notify') if isinstance(message.get('notify'), dict) else {}
    details = [m for m in message.get('messages') or [] if isinstance(m, dict)]
    domain = None
    for candidate in (obj, notify.get('object') or {}):
        if str(candidate.get('type') or '').lower() == 'domain':
            domain = candidate.get('value') or (candidate.get('data') or {}).get('name')
            break
    domain = domain or (job.get('domain') or {}).get('name')
    texts = [status.get('text')] + [m.get('text') for m in details] + [message.get('notice')]
    text = '; '.join(t for i, t in enumerate(texts) if t and t not in texts[:i])
    codes = [status.get('code')] + [m.get('code') for m in details] + [notify.get('type')]
    outcome = job.get('status') or status.get('type') or next((m.get('status') for m in details if m.get('status')), None)
    waiting = entry.get('summary', (envelope.get('object') or {}).get('summary'))
    return Message(id=str(message['id']), domain=domain.lower() if domain else None,
                   reference=str(job['id']) if job.get('id') is not None else None,
                   status=_upper(outcome),
                   text=text or next((c for c in codes if c), None),
                   created=message.get('created') or job.get('updated') or job.get('created'),
                   waiting=int(waiting) if waiting is not None else None)


def _scrub(text, secrets):
    text = '' if text is None else str(text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class AutoDNSAdapter(RegistrarAdapter):
    name = 'autodns'
    supported_aspects = PROVIDER.capabilities.aspects

    def __init__(self, settings, client=None):
        self.client = client or AutoDNSClient(
            settings['api_url'], settings['username'], settings['password'], settings['context'],
            USER_AGENT, verify=settings['validate_certs'], timeout=settings['timeout'])
        self.in_place = bool(settings.get('update_contacts_in_place'))
        self.owner_consent = bool(settings.get('confirm_owner_consent'))
        # Overrides the TLD rule's owner-change route (tld_rules): 'update', 'owner_change' or 'trade'.
        self.owner_change_route = settings.get('owner_change_route') or None
        # handle → Contact, for every handle read in this run (domain contacts, resolve)
        self.known_contacts = {}
        # NewContact number → id returned by its POST /contact
        self.created_contacts = {}

    # ------------------------------------------------------------------ reading
    def get_domain(self, name):
        try:
            envelope = self.client.get('/domain/%s' % name)
        except NotFound:
            return None
        data = (envelope.get('data') or [None])[0]
        if not data:
            return None
        ids = sorted(set(str(data[f]['id']) for f in CONTACT_FIELDS
                         if isinstance(data.get(f), dict) and data[f].get('id') is not None))
        contacts = dict((c.handle, raw) for c, raw in self._search_contacts([], ids))
        cancelation = None
        if data.get('cancelationStatus') and not str(data['cancelationStatus']).endswith('_EXPIRE'):
            try:
                answer = self.client.get('/domain/%s/cancelation' % name)
                cancelation = (answer.get('data') or [None])[0]
            except NotFound:
                cancelation = None
        return read_domain(data, contacts, cancelation)

    def _search_contacts(self, wanted, ids):
        """[(Contact, raw)] of the Contact List for ``wanted`` twins and ``ids``; remembers them."""
        result = []
        offset = 0
        for _page in range(SEARCH_PAGES):
            query = handles.search_query(wanted, ids, limit=SEARCH_PAGE, offset=offset)
            if query is None:
                return result
            envelope = self.client.request('POST', '/contact/_search', body=query,
                                           params={'keys[]': list(handles.LIST_KEYS)})
            page = envelope.get('data') or []
            for raw in page:
                if raw.get('id') is None:
                    continue
                contact = read_contact(raw)
                self.known_contacts[contact.handle] = contact
                result.append((contact, raw))
            offset += len(page)
            total = (envelope.get('object') or {}).get('summary')
            if not page or total is None or offset >= int(total):
                break
        return result

    def resolve(self, current, changes):
        """Fill in the handles of contacts whose exact data a handle already holds (read-only)."""
        wanted, named = [], []
        for change in changes:
            for role, contact in self._change_contacts(change).items():
                if role not in handles.ROLES or contact is None:
                    continue  # operations() refuses billing/reseller
                if contact.handle:
                    if contact.handle not in self.known_contacts:
                        named.append(contact.handle)
                elif handles.search_query([contact]) is not None and \
                        all(not handles.same_data(contact, w) for w in wanted):
                    wanted.append(contact)
        if not wanted and not named:
            return changes
        found = [c for c, _raw in self._search_contacts(wanted, named)]
        missing = [h for h in named if h not in self.known_contacts]
        if missing:
            raise InputError('contact handle %s: not found at AutoDNS' % ', '.join(missing))

        def fill(contact):
            if contact is None:
                return None
            if contact.handle:
                return self.known_contacts.get(contact.handle, contact)
            twin = handles.find_twin(contact, found)
            return replace(contact, handle=twin) if twin else contact
        return [self._with_contacts(change, fill) for change in changes]

    @staticmethod
    def _change_contacts(change):
        if change.aspect == 'registrant':
            return {'registrant': change.after}
        if change.aspect == 'contacts':
            return dict(change.after)
        if change.aspect in ('register', 'transfer'):
            return dict(change.after.contacts or {})
        return {}

    @staticmethod
    def _with_contacts(change, fill):
        if change.aspect == 'registrant':
            return Change(change.aspect, change.before, fill(change.after))
        if change.aspect == 'contacts':
            return Change(change.aspect, change.before,
                          dict((role, fill(c) if role in handles.ROLES else c) for role, c in change.after.items()))
        if change.aspect in ('register', 'transfer') and change.after.contacts:
            contacts = dict((role, fill(c) if role in handles.ROLES else c)
                            for role, c in change.after.contacts.items())
            return Change(change.aspect, change.before, replace(change.after, contacts=contacts))
        return change

    def operations(self, current, changes):
        options = self.registrar_options  # the task's (DesiredDomain.registrar_options), else the settings'
        return tasks.operations(current, changes, known_contacts=self.known_contacts,
                                in_place=bool(options.get('update_contacts_in_place', self.in_place)),
                                owner_consent=bool(options.get('confirm_owner_consent', self.owner_consent)),
                                owner_change_route=options.get('owner_change_route') or self.owner_change_route)

    # ------------------------------------------------------------------ writing
    def submit(self, operation):
        request = operation.payload
        secrets = [request['body'].get('authinfo')] if isinstance(request.get('body'), dict) else []
        try:
            body = tasks.fill_placeholders(request.get('body'), self.created_contacts)
        except KeyError as exc:
            raise RegistrarError('not-sent', '%s: %s was not created in this run (its POST /contact was not '
                                 'sent); re-run the task' % (operation.name, exc.args[0]), operation=operation.name)
        try:
            envelope = self.client.request(request['method'], request['path'], body=body)
        except RegistrarError as exc:
            if not any(secrets):
                raise
            raise type(exc)(exc.code, _scrub(exc.text, secrets), [_scrub(d, secrets) for d in exc.details],
                            operation=exc.operation)
        status = envelope.get('status') or {}
        data = (envelope.get('data') or [{}])[0] or {}
        if status.get('type') == 'NOTIFY' and data.get('id') is not None:
            return job_submission(operation.name, operation.domain, data)
        created = None
        if request.get('creates') is not None:
            if data.get('id') is None:
                raise RegistrarError(status.get('code') or 'unknown', 'POST /contact answered without a contact id',
                                     operation=operation.name)
            created = data['id']
            if not isinstance(created, int) or isinstance(created, bool):
                raise RegistrarError('malformed-answer', 'POST /contact answered a contact id that is not a number: %r'
                                     % (created,), operation=operation.name)
            self.created_contacts[request['creates'].number] = created
            self.known_contacts[str(created)] = read_contact(data)
        # Done at once (S-code): nothing to wait for.
        return Submission(operation=operation.name, domain=operation.domain,
                          id=None if created is None else str(created),
                          status=status.get('code'), done=True, message=status.get('text'))

    def refresh(self, submission):
        envelope = self.client.get('/job/%s' % submission.id)
        entry = (envelope.get('data') or [{}])[0]
        job = entry.get('job', entry)
        result = job_submission(submission.operation, submission.domain, job)
        if result.failed and not result.message:
            result.message = 'job %s ended %s' % (submission.id, result.status)
        return result

    def pending(self, name, aspects):
        """Jobs not yet final for the domain that touch ``aspects`` (Job List on object and status).

        Every status that is not final counts (jobs.JOB_STATUS_PENDING: WAIT, DEFERRED, SUPPORT, ...,
        not only RUNNING). Actions compare case-insensitively; a job whose action is not known
        here, or that creates the domain, always counts.
        """
        query = {'filters': [
            {'key': 'object', 'value': name, 'operator': 'EQUAL'},
            {'key': 'status', 'values': list(jobs.JOB_STATUS_PENDING), 'operator': 'IN', 'link': 'AND'},
        ]}
        wanted = set(EXISTENCE_ACTIONS)
        for aspect in aspects:
            wanted.update(PENDING_ACTIONS.get(aspect, ()))
        envelope = self.client.request('POST', '/job/_search', body=query)
        result = []
        for entry in envelope.get('data') or []:
            job = entry.get('job', entry)
            action = _upper(job.get('action'))
            if action in KNOWN_ACTIONS and action not in wanted:
                continue
            result.append(job_submission('%s %s' % (action or 'job', name), name, job))
        return [s for s in result if not s.done]

    # ------------------------------------------------------------------ poll queue
    def poll(self):
        """GET /poll: the oldest unconfirmed message (either shape, see read_poll), or None."""
        return read_poll(self.client.get('/poll'))

    def ack(self, message_id):
        """PUT /poll/{id}: confirm the head message so that the next one can be seen."""
        self.client.request('PUT', '/poll/%s' % message_id)

    # ------------------------------------------------------------------ reading an order later
    def order(self, order_id):
        """GET /job/{id}: the job as a Submission, or None when the account has no such job."""
        if not str(order_id).isdigit():
            raise InputError('an AutoDNS job id is a number, got %r' % (order_id,))
        try:
            envelope = self.client.get('/job/%s' % order_id)
        except NotFound:
            return None
        entry = (envelope.get('data') or [None])[0]
        job = entry.get('job', entry) if isinstance(entry, dict) else None
        if not isinstance(job, dict) or not job.get('status'):
            raise RegistrarError('invalid answer', 'GET /job/%s answered without the job and its status' % order_id)
        obj = entry.get('object') if isinstance(entry.get('object'), dict) else {}
        domain = obj.get('value') if obj.get('type') == 'domain' else None
        result = job_submission(job.get('action') or 'job', domain, dict(job, id=job.get('id') or order_id))
        if result.failed and not result.message:
            result.message = 'job %s ended %s' % (order_id, result.status)
        return result
