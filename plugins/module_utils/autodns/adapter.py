# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AutoDNS adapter: reads domains into the core model and sends tasks, following their jobs.

Glue only: api.py sends the requests, read.py turns the answers into the model, write.py
turns planned changes into tasks.

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
from dataclasses import replace

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts as handles
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs, read, write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED, RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import Change

SEARCH_PAGE = 100
SEARCH_PAGES = 5


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
        # domain name → the premium price GET /domainpremium/{name} offered, None when it has none
        self.premium_prices = {}

    # ------------------------------------------------------------------ reading
    def get_domain(self, name):
        try:
            envelope = self.client.get('/domain/%s' % name)
        except NotFound:
            return None
        data = read.first(envelope)
        if not data:
            return None
        contacts = dict((c.handle, raw) for c, raw in self._search_contacts([], read.contact_ids(data)))
        cancelation = None
        if data.get('cancelationStatus') and not str(data['cancelationStatus']).endswith('_EXPIRE'):
            try:
                cancelation = read.first(self.client.get('/domain/%s/cancelation' % name))
            except NotFound:
                cancelation = None
        return read.read_domain(data, contacts, cancelation)

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
            page, size, total = read.read_contact_list(envelope)
            for contact, raw in page:
                self.known_contacts[contact.handle] = contact
                result.append((contact, raw))
            offset += size
            if not size or total is None or offset >= total:
                break
        return result

    def premium_price(self, name):
        """GET /domainpremium/{name}: the premium price AutoDNS offers for the domain, None when it has none."""
        if name not in self.premium_prices:
            try:
                self.premium_prices[name] = read.read_premium(self.client.get('/domainpremium/%s' % name))
            except NotFound:
                self.premium_prices[name] = None
        return self.premium_prices[name]

    def resolve(self, current, changes):
        """Read the premium price of billable changes; fill in the handles of contacts whose exact
        data a handle already holds (read-only)."""
        for change in changes:
            if change.aspect in write.BILLABLE_ASPECTS:
                self.premium_price(current.name if current is not None else change.after.name)
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
        return write.operations(current, changes, known_contacts=self.known_contacts,
                                in_place=bool(options.get('update_contacts_in_place', self.in_place)),
                                owner_consent=bool(options.get('confirm_owner_consent', self.owner_consent)),
                                owner_change_route=options.get('owner_change_route') or self.owner_change_route,
                                prices=self.premium_prices)

    # ------------------------------------------------------------------ writing
    def submit(self, operation):
        request = operation.payload
        secrets = [request['body'].get('authinfo')] if isinstance(request.get('body'), dict) else []
        try:
            body = write.fill_placeholders(request.get('body'), self.created_contacts)
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
        data = read.first(envelope, {}) or {}
        if status.get('type') == 'NOTIFY' and data.get('id') is not None:
            return read.job_submission(operation.name, operation.domain, data)
        created = None
        if request.get('creates') is not None:
            created, contact = read.read_created_contact(envelope, operation.name)
            self.created_contacts[request['creates'].number] = created
            self.known_contacts[str(created)] = contact
        # Done at once (S-code): nothing to wait for.
        return Submission(operation=operation.name, domain=operation.domain,
                          id=None if created is None else str(created),
                          status=status.get('code'), done=True, message=status.get('text'))

    def refresh(self, submission):
        return read.read_refresh(self.client.get('/job/%s' % submission.id), submission)

    def pending(self, name, aspects):
        """Jobs not yet final for the domain that touch ``aspects`` (Job List on object and status; read.read_pending)."""
        query = {'filters': [
            {'key': 'object', 'value': name, 'operator': 'EQUAL'},
            {'key': 'status', 'values': list(jobs.JOB_STATUS_PENDING), 'operator': 'IN', 'link': 'AND'},
        ]}
        return read.read_pending(self.client.request('POST', '/job/_search', body=query), name, aspects)

    # ------------------------------------------------------------------ poll queue
    def poll(self):
        """GET /poll: the oldest unconfirmed message (either shape, see read.read_poll), or None."""
        return read.read_poll(self.client.get('/poll'))

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
        return read.read_job(envelope, order_id)
