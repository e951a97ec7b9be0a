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

Bulk reads (``get_domains``, ``list_domains``, ``pending_many``, ``refresh_many``), a few requests
for a whole portfolio; the bodies and keys are query.py's:

- ``POST /domain/_search`` with ``name IN [...]`` (or the account, by ``tld IN`` / ``name LIKE``),
  ``keys[]`` for every field read_domain reads, one page per thousand names;
- ONE ``POST /contact/_search`` (paged) for the handles of all those domains;
- ``GET /domain/{name}/cancelation`` only for domains whose ``cancelationStatus`` needs it, and
  ``GET /domain/{name}`` only for an entry answered without ``payable`` (its key is documented by
  InterNetX's help page, not by the swagger);
- ``POST /job/_search``: ``object IN [...]`` and ``status IN`` the pending statuses; or ``id IN [...]``
  to follow many jobs (``GET /job/{id}`` only for a job the list does not answer with its status).

A pending cancelation reads as ``autorenew: false`` (the domain will not be renewed), so a
second "let it lapse" finds nothing to do, and a second "delete" sees the cancelation and
sends nothing (or moves one at EXPIRE/DATE to NOW).

``resolve`` (read-only, also in check mode) looks up, in one ``POST /contact/_search``,
handles that hold exactly the data a change wants, and the data of handles a task names.
"""
from dataclasses import replace

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts as handles
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs, query, read, write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.api import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.provider import PROVIDER
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import REDACTED, RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError, RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import Change

SEARCH_PAGE = 100
SEARCH_PAGES = 5


def _unique(values):
    """``values`` without repeats, in their order."""
    seen, result = set(), []
    for value in values:
        if value not in seen:
            seen.add(value)
            result.append(value)
    return result


def needs_key_material(entry):
    """Whether a Domain List entry lacks the dnssecData its domain has (dnssec true, or the flag not answered)."""
    return 'dnssecData' not in entry and entry.get('dnssec') is not False


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
        data = self._domain_info(name)
        if not data:
            return None
        contacts = self._contacts_by_id(read.contact_ids(data))
        return read.read_domain(data, contacts, self._cancelation(name, data))

    def _domain_info(self, name):
        """DomainInfo data of ``name``, or None when the account has no such domain."""
        try:
            envelope = self.client.get('/domain/%s' % name)
        except NotFound:
            return None
        return read.first(envelope)

    def _cancelation(self, name, data):
        """The DomainCancelation, read only when ``cancelationStatus`` does not say it all."""
        if not data.get('cancelationStatus') or str(data['cancelationStatus']).endswith('_EXPIRE'):
            return None
        try:
            return read.first(self.client.get('/domain/%s/cancelation' % name))
        except NotFound:
            return None

    def _contacts_by_id(self, ids):
        """{handle: Contact} for ``ids``: one Contact List query per PAGE_SIZE handles (paged)."""
        ids = sorted(set(str(i) for i in ids if str(i).isdigit()), key=int)
        found = {}
        for chunk in query.chunks(ids):
            def body(offset, chunk=chunk):
                return handles.search_query([], chunk, limit=query.PAGE_SIZE, offset=offset)
            for raw in self._list('/contact/_search', body, handles.LIST_KEYS):
                contact = read.read_contact(raw)
                if contact.handle is not None:
                    self.known_contacts[contact.handle] = contact
                    found[contact.handle] = contact
        return found

    def _list(self, path, body, keys):
        """Every entry a list route answers for the query ``body(offset)``, page after page.

        Goes on while ``object.summary`` says there is more (or, without a summary, while
        pages come back full), advancing by what was answered: a service that answers fewer
        entries than ``view.limit`` asks for is still read whole."""
        entries, offset = [], 0
        while True:
            request = body(offset)
            envelope = self.client.request('POST', path, body=request, params={'keys[]': list(keys)})
            data = envelope.get('data') or []
            if not isinstance(data, list):
                raise RegistrarError('malformed-answer', 'POST %s: data is not a list' % path)
            entries.extend(data)
            offset += len(data)
            total = (envelope.get('object') or {}).get('summary')
            if not data:
                return entries
            if total is None:
                if len(data) < request['view']['limit']:
                    return entries
            elif offset >= int(total):
                return entries

    # ------------------------------------------------------------------ bulk reading
    def get_domains(self, names):
        """{name: Domain or None} in a few requests (see the module docstring); each Domain is
        the one get_domain reads."""
        wanted = _unique(normalize.host_name(n) for n in names)
        entries = []
        for chunk in query.chunks(wanted):
            entries += self._list('/domain/_search', lambda offset, chunk=chunk: query.domains_by_name(chunk, offset),
                                  query.DOMAIN_KEYS)
        found = self._read_list(entries)
        return dict((name, found.get(normalize.host_name(name))) for name in names)

    def list_domains(self, tlds=None, pattern=None):
        """Every live domain of the account (narrowed by TLD and shell pattern), sorted by name."""
        entries = self._list('/domain/_search', lambda offset: query.domains_of_account(tlds, pattern, offset),
                             query.DOMAIN_KEYS)
        entries = [e for e in entries if isinstance(e, dict) and query.name_matches(str(e.get('name') or ''), tlds, pattern)]
        found = self._read_list(entries)
        return [found[name] for name in sorted(found)]

    def _read_list(self, entries):
        """Domain List entries → {name: Domain}, with one Contact List for all their handles."""
        datas = {}
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get('name'):
                raise RegistrarError('malformed-answer', 'POST /domain/_search: an entry without a name')
            name = normalize.host_name(entry['name'])
            if any(key not in entry for key in query.ENTRY_COMPLETE) or needs_key_material(entry):
                # a key[] was not honoured, or the domain has DNSSEC key material, which only
                # DomainInfo carries (autodns-list-keys.json entry_complete): read this domain alone
                entry = self._domain_info(name) or entry
            datas[name] = entry
        contacts = self._contacts_by_id(i for data in datas.values() for i in read.contact_ids(data))
        return dict((name, read.read_domain(data, contacts, self._cancelation(name, data)))
                    for name, data in datas.items())

    def pending_many(self, names, aspects):
        """{name: [Submission]}: one Job List (paged) for all ``names``, not one per domain."""
        wanted = _unique(normalize.host_name(n) for n in names)
        by_domain = dict((name, []) for name in wanted)
        for chunk in query.chunks(wanted):
            for entry in self._list('/job/_search', lambda offset, chunk=chunk: query.pending_jobs(chunk, offset),
                                    query.JOB_KEYS):
                domain = read.job_domain(entry)
                if domain in by_domain:
                    by_domain[domain].append(entry)
                elif read.job_object_unknown(entry):
                    # A pending job of one of these domains, but which one is not said: it holds
                    # every one of them back rather than let a second order through.
                    for name in chunk:
                        by_domain[name].append(entry)
        return dict((name, read.read_pending({'data': by_domain[normalize.host_name(name)]}, name, aspects))
                    for name in names)

    def refresh_many(self, submissions):
        """The submissions with their current status, in order: one Job List (``id IN``) for all
        those still running; GET /job/{id} only for a job the list leaves out or answers without status."""
        submissions = list(submissions)
        running = _unique(str(s.id) for s in submissions if not s.done and s.id is not None)
        found = {}
        for chunk in query.chunks(running):
            for entry in self._list('/job/_search', lambda offset, chunk=chunk: query.jobs_by_id(chunk, offset),
                                    query.JOB_KEYS):
                job = entry.get('job', entry) if isinstance(entry, dict) else {}
                if isinstance(job, dict) and job.get('id') is not None and job.get('status'):
                    found[str(job['id'])] = entry
        result = []
        for submission in submissions:
            if submission.done or submission.id is None:
                result.append(submission)
            elif str(submission.id) in found:
                result.append(read.read_refresh({'data': [found[str(submission.id)]]}, submission))
            else:
                result.append(self.refresh(submission))
        return result

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
        if jobs.started_a_job(status) and data.get('id') is not None and request.get('creates') is None:
            return read.job_submission(operation.name, operation.domain, data)
        created = None
        if request.get('creates') is not None:
            created, contact = read.read_created_contact(envelope, operation.name)
            self.created_contacts[request['creates'].number] = created
            self.known_contacts[str(created)] = contact
        # Done at once (S-code): nothing to wait for.
        return Submission(operation=operation.name, domain=operation.domain,
                          id=None if created is None else str(created),
                          status=jobs.status_code(status), done=True, message=status.get('text'))

    def refresh(self, submission):
        return read.read_refresh(self.client.get('/job/%s' % submission.id), submission)

    def pending(self, name, aspects):
        """Jobs not yet final for the domain that touch ``aspects`` (Job List on object and status; read.read_pending)."""
        # The Job List of pending_many, with its keys[] and paging: one way to ask, for 1 or N domains.
        return self.pending_many([name], aspects)[name]

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
