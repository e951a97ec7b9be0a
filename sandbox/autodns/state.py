# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""In-memory state of one sandbox process: contacts, domains, jobs, poll queues.

Every public method is called with the store's lock held by the caller
(``with store.lock:``), after ``process_due()`` has finished the jobs whose
time has come. Jobs are finished lazily, at the next request after their due
time, so the result a client can observe is the same as with a timer.
"""
import collections
import copy
import datetime
import itertools
import json
import os
import random
import string
import threading

from . import dates, tld_rules
from . import validate as v
from .envelope import ApiError, bad_request, not_found

with open(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                       'docs', 'reference', 'autodns-rules.json'), encoding='utf-8') as _handle:
    # How a premium name is registered (premium_order): its price class from GET /domainpremium.
    PREMIUM_ORDER = json.load(_handle)['premium_order']

RESTORE_PHASE = datetime.timedelta(days=30)  # sandbox choice, see docs

DOMAIN_BOOL_FIELDS = ('trustee', 'privacy', 'privacyPlus', 'domainsafe')


def _authinfo():
    alphabet = string.ascii_letters + string.digits + '/+'
    return ''.join(random.SystemRandom().choice(alphabet) for _position in range(16))


def _user(account):
    return {'user': account['user'], 'context': account['context']}


def _dobj(name):
    return {'type': 'domain', 'value': name}


def _contact_ids(changes):
    return [changes[r] for r in v.CONTACT_ROLES if changes.get(r) is not None]


def _cobj(cid):
    return {'type': 'contact', 'value': str(cid)}


class Job:
    """An asynchronous job; ``apply`` runs when it is due and may raise ApiError (→ FAILED)."""

    def __init__(self, job_id, task, action, domain, account, stid, due, apply):
        self.id = job_id
        self.task = task
        self.action = action
        self.domain = domain
        self.account = account
        self.stid = stid
        self.created = dates.now()
        self.updated = self.created
        self.due = due
        self.status = 'RUNNING'
        self.apply = apply
        self.error = None
        self.contacts = set()

    def to_api(self):
        return {'id': self.id, 'status': self.status, 'action': self.action,
                'created': dates.fmt(self.created), 'updated': dates.fmt(self.updated),
                'owner': _user(self.account), 'updater': _user(self.account)}


class Store:
    def __init__(self, accounts, job_delay=1.0):
        self.lock = threading.RLock()
        self.accounts = list(accounts)
        self.job_delay = datetime.timedelta(seconds=job_delay)
        self.contacts = {}
        self.domains = {}
        self.transferable = {}
        self.deleted = {}
        # name -> DomainPremium data (price, currency, priceClass) from the seed's premium list
        self.premium = {}
        self.cancelations = {}
        self.jobs = {}
        self.polls = collections.defaultdict(collections.deque)
        self.poll_shape = 'spec'  # GET /poll's data shape (poll.POLL_SHAPES; --poll-shape)
        self._job_ids = itertools.count(4295611341)
        self._message_ids = itertools.count(1819917)

    # ------------------------------------------------------------------ accounts
    def authenticate(self, user, password, context):
        for account in self.accounts:
            if (account['user'] == user and account['password'] == password
                    and str(account['context']) == str(context)):
                return account
        return None

    def default_owner(self):
        return self.accounts[0]

    # ------------------------------------------------------------------ seed
    def add_contact(self, fields, cid=None, account=None, when=None):
        account = account or self.default_owner()
        when = when or dates.now()
        if cid is None:
            cid = max(self.contacts, default=99) + 1
        record = dict(fields)
        record.update(id=cid, created=when, updated=when, owner=_user(account), updater=_user(account))
        record.setdefault('alias', '%s-%s-%d' % (record.get('fname', ''), record.get('lname', ''), cid))
        self.contacts[cid] = record
        return record

    def add_domain(self, record):
        self.domains[record['name']] = record

    def new_domain_record(self, name, account, when, **fields):
        record = {
            'name': name, 'created': when, 'updated': when, 'domainCreated': when,
            'owner': _user(account), 'updater': _user(account),
            'payable': None, 'expire': None,
            'ownerc': None, 'adminc': None, 'techc': None, 'zonec': None,
            'registryStatus': 'ACTIVE', 'registrarStatus': 'ACTIVE',
            'nameServers': [], 'nameServerEntries': None,
            'autoRenewStatus': 'TRUE', 'authinfo': _authinfo(),
            'trustee': False, 'privacy': False, 'domainsafe': False, 'validCertificate': False,
            'rddsOptIn': 'NOT_SET', 'action': 'CREATE', 'comment': None,
        }
        record.update(fields)
        return record

    # ------------------------------------------------------------------ output shapes
    def domain_to_api(self, d):
        out = {
            'created': dates.fmt(d['created']), 'updated': dates.fmt(d['updated']),
            'owner': dict(d['owner']), 'updater': dict(d['updater']),
            'name': d['name'],
        }
        idn = v.unicode_name(d['name'])
        if idn != d['name']:
            out['idn'] = idn
        if d.get('domainCreated'):
            out['domainCreated'] = dates.fmt(d['domainCreated'])
        out['expire'] = dates.fmt(d['expire'])
        out['payable'] = dates.fmt(d['payable'])
        for role in v.CONTACT_ROLES:
            if d.get(role) is not None:
                out[role] = {'id': d[role]}
        out['registryStatus'] = d['registryStatus']
        if d.get('nameServerEntries'):
            out['nameServerEntries'] = list(d['nameServerEntries'])
        else:
            out['nameServers'] = copy.deepcopy(d['nameServers'])
        for key in ('trustee', 'privacy', 'privacyPlus'):
            if key in d:
                out[key] = d[key]
        if d.get('authinfo'):
            out['authinfo'] = d['authinfo']
        for key in ('domainsafe', 'validCertificate', 'autoRenewStatus', 'registrarStatus',
                    'rddsOptIn', 'action', 'comment'):
            if d.get(key) is not None:
                out[key] = d[key]
        # Swagger Domain.dnssec: whether DNSSEC is enabled (key material at the registry).
        out['dnssec'] = bool(d.get('dnssecData'))
        if d.get('dnssecData'):
            out['dnssecData'] = copy.deepcopy(d['dnssecData'])
        cancelation = self.cancelations.get(d['name'])
        if cancelation:
            out['cancelationStatus'] = cancelation['status']
        return out

    def contact_to_api(self, c):
        out = {}
        for key, value in c.items():
            if isinstance(value, datetime.datetime):
                out[key] = dates.fmt(value)
            else:
                out[key] = copy.deepcopy(value)
        return out

    def cancelation_to_api(self, c):
        out = {'created': dates.fmt(c['created']), 'updated': dates.fmt(c['updated']),
               'owner': dict(c['owner']), 'updater': dict(c['updater']),
               'domain': c['domain'], 'type': c['type'], 'execution': c['execution'],
               'status': c['status'], 'registryStatus': c['registryStatus']}
        if c.get('registryWhen'):
            out['registryWhen'] = dates.fmt(c['registryWhen'])
        if c.get('notice'):
            out['notice'] = c['notice']
        return out

    # ------------------------------------------------------------------ jobs & poll
    def process_due(self):
        """Finish every job and execute every cancelation whose time has come."""
        current = dates.now()
        for job in sorted((j for j in self.jobs.values() if j.status == 'RUNNING' and j.due <= current),
                          key=lambda j: (j.due, j.id)):
            job.updated = job.due
            try:
                job.apply(job)
                job.status = 'SUCCESS'
            except ApiError as exc:
                job.status = 'FAILED'
                job.error = exc
            self._queue_poll(job)
        for name, c in sorted(self.cancelations.items(), key=lambda item: item[1]['due']):
            if c['due'] <= current and name in self.domains:
                self._execute_cancelation(name, c)

    def _queue_poll(self, job):
        message = {'id': next(self._message_ids), 'owner': _user(job.account),
                   'job': job.to_api(), 'stid': job.stid, 'object': _dobj(job.domain),
                   'created': dates.fmt(job.updated)}
        if job.status == 'SUCCESS':
            message['status'] = {'code': 'S' + job.task, 'text': 'Job %d finished successfully.' % job.id,
                                 'type': 'SUCCESS'}
            if job.domain in self.domains:
                message['job']['domain'] = self.domain_to_api(self.domains[job.domain])
        else:
            message['status'] = {'code': 'E' + job.task, 'text': job.error.text, 'type': 'ERROR'}
            message['messages'] = [{'code': 'EF' + job.task, 'text': job.error.text, 'notice': job.error.reason,
                                    'status': 'ERROR', 'objects': [_dobj(job.domain)]}]
        self.polls[(job.account['user'], str(job.account['context']))].append(message)

    def running_job(self, name):
        for job in self.jobs.values():
            if job.domain == name and job.status == 'RUNNING':
                return job
        return None

    def _start_job(self, task, action, name, account, stid, apply, contacts=()):
        job = Job(next(self._job_ids), task, action, name, account, stid,
                  dates.now() + self.job_delay, apply)
        job.contacts = set(contacts)
        self.jobs[job.id] = job
        return job

    def job_info(self, account, job_id):
        job = self.jobs.get(job_id)
        if job is None or job.account['user'] != account['user'] or \
                str(job.account['context']) != str(account['context']):
            raise not_found('JOB_NOT_FOUND', 'Job %s not found.' % job_id, {'type': 'job', 'value': str(job_id)})
        return job

    def poll_queue(self, account):
        return self.polls[(account['user'], str(account['context']))]

    def poll_confirm(self, account, message_id):
        queue = self.poll_queue(account)
        obj = {'type': 'message', 'value': str(message_id)}
        if not queue:
            raise not_found('MESSAGE_NOT_FOUND', 'There is no poll message to confirm.', obj)
        head = queue[0]
        if str(head['id']) != str(message_id):
            if any(str(m['id']) == str(message_id) for m in queue):
                raise bad_request('MESSAGE_NOT_CURRENT',
                                  'Poll message %s is not the current message; confirm message %d first.'
                                  % (message_id, head['id']), obj)
            raise not_found('MESSAGE_NOT_FOUND', 'Poll message %s not found.' % message_id, obj)
        queue.popleft()
        return head

    # ------------------------------------------------------------------ lookups
    def domain(self, name):
        record = self.domains.get(name)
        if record is None:
            raise not_found('DOMAIN_NOT_FOUND', 'Domain %s not found.' % name, _dobj(name))
        return record

    def contact(self, cid, obj=None):
        record = self.contacts.get(cid)
        if record is None:
            raise not_found('CONTACT_NOT_FOUND', 'Contact %s not found.' % cid, obj or _cobj(cid))
        return record

    def _existing_contact(self, role, cid, obj):
        if cid not in self.contacts:
            raise bad_request('CONTACT_NOT_FOUND', '%s: contact %s does not exist.' % (role, cid), obj)
        return cid

    # ------------------------------------------------------------------ domain update (0102)
    def _changes_from_body(self, record, name, body, obj, allow_owner_identity_change=False):
        """The writable Domain fields of a PUT body, validated. Omitted fields keep their values."""
        if not isinstance(body, dict):
            raise bad_request('INVALID_JSON', 'The request body must be a Domain object', obj)
        if body.get('name') is not None and v.normalize_domain_name(body['name']) != name:
            raise bad_request('INVALID_VALUE', 'The name in the body (%s) differs from the URL (%s).'
                              % (body['name'], name), obj)
        changes = {}
        if body.get('nameServers') is not None and body.get('nameServerEntries') is not None:
            raise bad_request('INVALID_NAMESERVER', 'nameServers and nameServerEntries cannot both be given '
                              '("If NSentry is used, nameServers is not allowed").', obj)
        if body.get('nameServers') is not None:
            changes['nameServers'] = v.name_servers(name, body['nameServers'], obj)
            changes['nameServerEntries'] = None
        if body.get('nameServerEntries') is not None:
            changes['nameServerEntries'] = v.name_server_entries(name, body['nameServerEntries'], obj)
            changes['nameServers'] = []
        for role in v.CONTACT_ROLES:
            if body.get(role) is not None:
                cid = self._existing_contact(role, v.contact_ref(role, body[role], obj), obj)
                changes[role] = cid
        if 'ownerc' in changes and record is not None and record.get('ownerc') is not None \
                and changes['ownerc'] != record['ownerc'] and not allow_owner_identity_change:
            old, new = self.contacts.get(record['ownerc'], {}), self.contacts[changes['ownerc']]
            if v.identity(old) != v.identity(new) and not tld_rules.allows(name, 'update'):
                raise bad_request(
                    'OWNER_CHANGE_REQUIRES_TRADE',
                    'The new owner contact %d has a different identity (name, organization or email) '
                    'than the current owner %d; for .%s an owner change must be ordered with POST /domain/_trade.'
                    % (changes['ownerc'], record['ownerc'], tld_rules.tld_of(name)), obj)
            if v.identity(old) != v.identity(new) and tld_rules.rule(name)['owner_consent'] \
                    and body.get('confirmOwnerConsent') is not True:
                raise bad_request('OWNER_CONSENT_REQUIRED',
                                  'confirmOwnerConsent must be true: it is required for gTLDs when the name, '
                                  'the email address or the organization of the domain owner changes.', obj)
        if body.get('dnssecData') is not None:
            # Swagger Domain.dnssecData: an empty list deletes the key material; left out, it is kept.
            changes['dnssecData'] = v.dnssec_data(body['dnssecData'], obj)
        if body.get('autoRenewStatus') is not None:
            changes['autoRenewStatus'] = v.check_enum('autoRenewStatus', body['autoRenewStatus'],
                                                      v.AUTO_RENEW_STATUS, obj)
        if body.get('rddsOptIn') is not None:
            changes['rddsOptIn'] = v.check_enum('rddsOptIn', body['rddsOptIn'], v.RDDS_OPT_IN, obj)
        for key in DOMAIN_BOOL_FIELDS:
            if body.get(key) is not None:
                changes[key] = v.check_bool(key, body[key], obj)
        if record is not None:
            if body.get('registryStatus') is not None and body['registryStatus'] != record['registryStatus']:
                v.check_enum('registryStatus', body['registryStatus'], v.REGISTRY_STATUS, obj)
                raise bad_request('STATUS_CHANGE_NOT_HERE',
                                  'The registry status is changed with PUT /domain/%s/_statusUpdate '
                                  '(Domain Status Update 0102002).' % name, obj)
            if 'comment' in body and body['comment'] != record.get('comment'):
                raise bad_request('COMMENT_CHANGE_NOT_HERE',
                                  'comment can only be updated via PUT /domain/%s/_comment.' % name, obj)
        return changes

    def _apply_changes(self, name, changes, account, action):
        def apply(job):
            record = self.domain(name)
            for role in v.CONTACT_ROLES:
                if role in changes and changes[role] not in self.contacts:
                    raise bad_request('CONTACT_NOT_FOUND', '%s: contact %s no longer exists.'
                                      % (role, changes[role]), _dobj(name))
            record.update(copy.deepcopy(changes))
            record['updated'] = job.updated
            record['updater'] = _user(account)
            record['action'] = action
        return apply

    def domain_update(self, account, stid, name, body):
        obj = _dobj(name)
        record = self.domain(name)
        changes = self._changes_from_body(record, name, body, obj)
        return self._start_job('0102', 'UPDATE', name, account, stid,
                               self._apply_changes(name, changes, account, 'UPDATE'), _contact_ids(changes))

    def domain_dnssec_update(self, account, stid, name, body):
        """PUT /domain/{name}/_dnssec (0102007): only the DNSSEC data, as a job."""
        obj = _dobj(name)
        self.domain(name)
        if not isinstance(body, dict) or body.get('dnssecData') is None:
            raise bad_request('INVALID_VALUE', 'dnssecData is required (an empty list deletes the key material).', obj)
        if body.get('name') is not None and v.normalize_domain_name(body['name']) != name:
            raise bad_request('INVALID_VALUE', 'The name in the body differs from the URL.', obj)
        data = v.dnssec_data(body['dnssecData'], obj)
        return self._start_job('0102007', 'UPDATE_DNSSEC', name, account, stid,
                               self._apply_changes(name, {'dnssecData': data}, account, 'UPDATE_DNSSEC'))

    def domain_status_update(self, account, stid, name, body):
        obj = _dobj(name)
        self.domain(name)
        if not isinstance(body, dict) or body.get('registryStatus') is None:
            raise bad_request('INVALID_VALUE', 'registryStatus is required.', obj)
        if body.get('name') is not None and v.normalize_domain_name(body['name']) != name:
            raise bad_request('INVALID_VALUE', 'The name in the body differs from the URL.', obj)
        status = v.check_enum('registryStatus', body['registryStatus'], v.REGISTRY_STATUS, obj)
        if not tld_rules.rule(name)['status_update']:
            raise bad_request('STATUS_UPDATE_NOT_SUPPORTED',
                              'The registry status of .%s domains cannot be changed: the Domain Status Update '
                              'is only possible for gTLDs.' % tld_rules.tld_of(name), obj)
        return self._start_job('0102002', 'UPDATE_STATUS', name, account, stid,
                               self._apply_changes(name, {'registryStatus': status}, account, 'UPDATE_STATUS'))

    # ------------------------------------------------------------------ renew (0101003)
    def domain_renew(self, account, stid, name, body, remove_cancelation=False):
        obj = _dobj(name)
        record = self.domain(name)
        if not isinstance(body, dict):
            raise bad_request('INVALID_JSON', 'The request body must be a Domain object', obj)
        if body.get('payable') in (None, ''):
            raise bad_request('PAYABLE_REQUIRED', 'payable (the current payable date of the domain) is required.', obj)
        try:
            given, date_only = dates.parse(body['payable'])
        except ValueError:
            raise bad_request('INVALID_VALUE', 'payable is not a date: %r' % (body['payable'],), obj)
        current = record['payable']
        # a date-time must be the same instant; a bare date the same calendar day
        same = given.date() == current.date() if date_only else given == current
        if not same:
            raise bad_request('PAYABLE_MISMATCH', 'payable %s does not match the payable date of %s (%s).'
                              % (body['payable'], name, dates.fmt(current)), obj)
        # Seed 004: the payable guard exists so that a repeated request cannot renew twice. A
        # running renewal has already consumed this payable date (it moves when the job ends).
        renewing = sorted(j.id for j in self.jobs.values() if j.domain == name and j.status == 'RUNNING'
                          and j.action in ('RENEW', 'RESTORE_RENEW'))
        if renewing:
            raise bad_request('PAYABLE_MISMATCH', 'payable %s no longer matches the payable date of %s: renewal '
                              'job %d is running and moves it.' % (body['payable'], name, renewing[0]), obj)
        period = v.time_period(body.get('period'), obj, default={'period': 1, 'unit': 'YEAR'})
        remove = remove_cancelation or body.get('removeCancelation') is True

        def apply(job):
            rec = self.domain(name)
            rec['payable'] = dates.add_period(rec['payable'], period['period'], period['unit'])
            rec['expire'] = dates.add_period(rec['expire'], period['period'], period['unit'])
            rec['updated'] = job.updated
            rec['updater'] = _user(account)
            rec['action'] = 'RENEW'
            if remove:
                self.cancelations.pop(name, None)
        return self._start_job('0101003', 'RENEW', name, account, stid, apply)

    # ------------------------------------------------------------------ owner change (0104010)
    def domain_trade(self, account, stid, name, body, route='trade'):
        """``route``: 'trade' (POST /domain/_trade) or 'owner_change' (the _ownerChange routes)."""
        obj = _dobj(name)
        record = self.domain(name)
        if not tld_rules.allows(name, route):
            if route == 'trade':
                raise bad_request('TRADE_NOT_SUPPORTED', 'The registry of .%s does not support the trade; '
                                  'change the owner with a domain update.' % tld_rules.tld_of(name), obj)
            raise bad_request('OWNER_CHANGE_NOT_SUPPORTED', 'The owner change is not available for .%s; '
                              'order it with POST /domain/_trade.' % tld_rules.tld_of(name), obj)
        if not isinstance(body, dict) or body.get('ownerc') is None:
            raise bad_request('INVALID_CONTACT', 'ownerc (the new owner contact) is required.', obj)
        if route == 'trade':
            # php-domainrobot-sdk DomainTrade: a trade needs the domain's valid authinfo (_authinfo1).
            if not body.get('authinfo'):
                raise bad_request('AUTHINFO_REQUIRED', 'authinfo is required for a trade; create one with '
                                  'POST /domain/%s/_authinfo1.' % name, obj)
            if body['authinfo'] != record.get('authinfo'):
                raise bad_request('AUTHINFO_WRONG', 'The authinfo for %s is wrong; the trade failed.' % name, obj)
        new_owner = self._existing_contact('ownerc', v.contact_ref('ownerc', body['ownerc'], obj), obj)
        old = self.contacts.get(record['ownerc'], {})
        consent = body.get('confirmOwnerConsent') is True or \
            (isinstance(body['ownerc'], dict) and body['ownerc'].get('confirmOwnerConsent') is True)
        if tld_rules.rule(name)['owner_consent'] and v.identity(old) != v.identity(self.contacts[new_owner]) \
                and not consent:
            raise bad_request('OWNER_CONSENT_REQUIRED',
                              'confirmOwnerConsent must be true: it is required for gTLDs when the name, '
                              'the email address or the organization of the domain owner changes.', obj)
        changes = {'ownerc': new_owner}
        return self._start_job('0104010', 'OWNERCHANGE', name, account, stid,
                               self._apply_changes(name, changes, account, 'OWNERCHANGE'), _contact_ids(changes))

    # ------------------------------------------------------------------ create (0101) / transfer (0104)
    def _new_domain_checks(self, body, need_ns):
        if not isinstance(body, dict):
            raise bad_request('INVALID_JSON', 'The request body must be a Domain object', None)
        name = v.normalize_domain_name(body.get('name'))
        obj = _dobj(name)
        v.check_domain_name(name)
        if name in self.domains or self.running_job(name):
            raise bad_request('DOMAIN_EXISTS', 'Domain %s is already in this account.' % name, obj)
        missing = [r for r in ('ownerc', 'adminc', 'techc') if body.get(r) is None]
        if missing:
            raise bad_request('INVALID_CONTACT', 'Missing contacts: ' + ', '.join(missing), obj)
        if need_ns and body.get('nameServers') is None and body.get('nameServerEntries') is None:
            raise bad_request('INVALID_NAMESERVER', 'nameServers are required.', obj)
        changes = self._changes_from_body(None, name, body, obj)
        return name, obj, changes

    def domain_create(self, account, stid, body):
        name, obj, changes = self._new_domain_checks(body, need_ns=True)
        premium = self.premium.get(name)
        field = PREMIUM_ORDER['field']
        if premium is not None and premium.get('priceClass') and body.get(field) != premium['priceClass']:
            # docs/reference/autodns-rules.json premium_order: the class GET /domainpremium answers.
            raise bad_request('PREMIUM_PRICE_CLASS', '%s is a premium domain: its registration needs %s %s (GET '
                              '/domainpremium/%s), got %r.' % (name, field, premium['priceClass'], name, body.get(field)), obj)
        if name in self.transferable or name in self.deleted:
            raise bad_request('DOMAIN_NOT_AVAILABLE', 'Domain %s is registered and cannot be created; '
                              'use POST /domain/_transfer.' % name if name in self.transferable else
                              'Domain %s is in its restore phase; use PUT /domain/%s/_restore.' % (name, name), obj)
        period = v.time_period(body.get('period'), obj, default={'period': 1, 'unit': 'YEAR'})

        def apply(job):
            if name in self.domains:
                raise bad_request('DOMAIN_EXISTS', 'Domain %s is already registered.' % name, obj)
            end = dates.add_period(job.updated, period['period'], period['unit'])
            record = self.new_domain_record(name, account, job.updated, payable=end, expire=end)
            record.update(copy.deepcopy(changes))
            self.add_domain(record)
        return self._start_job('0101', 'CREATE', name, account, stid, apply, _contact_ids(changes))

    def domain_transfer(self, account, stid, body):
        name, obj, changes = self._new_domain_checks(body, need_ns=False)
        authinfo = body.get('authinfo')
        if not authinfo:
            raise bad_request('AUTHINFO_REQUIRED', 'authinfo is required for a transfer.', obj)

        def apply(job):
            held = self.transferable.get(name)
            if held is None:
                raise bad_request('TRANSFER_FAILED', 'Domain %s is not registered, it cannot be transferred.'
                                  % name, obj)
            if held.get('authinfo') != authinfo:
                raise bad_request('AUTHINFO_WRONG', 'The authinfo for %s is wrong; the transfer failed.' % name, obj)
            del self.transferable[name]
            record = self.new_domain_record(
                name, account, job.updated, payable=held['payable'], expire=held['expire'],
                nameServers=copy.deepcopy(held.get('nameServers') or []),
                domainCreated=held.get('domainCreated') or held['created'], action='TRANSFER',
                # the registry's object moves with its authinfo; only _authinfo1 makes a new one
                authinfo=held['authinfo'])
            record.update(copy.deepcopy(changes))
            self.add_domain(record)
        return self._start_job('0104', 'TRANSFER', name, account, stid, apply, _contact_ids(changes))

    # ------------------------------------------------------------------ authinfo (0113001/0113002)
    def authinfo_create(self, account, name):
        record = self.domain(name)
        record['authinfo'] = _authinfo()
        record['updated'] = dates.now()
        record['updater'] = _user(account)
        record['action'] = 'AUTHINFO_CREATE'
        return record

    def authinfo_delete(self, account, name):
        record = self.domain(name)
        if not record.get('authinfo'):
            raise bad_request('AUTHINFO_NOT_FOUND', 'Domain %s has no authinfo to delete.' % name, _dobj(name))
        record['authinfo'] = None
        record['updated'] = dates.now()
        record['updater'] = _user(account)
        record['action'] = 'AUTHINFO_DELETE'
        return record

    # ------------------------------------------------------------------ cancelation (0103101..0103104)
    def _cancelation_fields(self, name, body, obj, existing=None):
        if not isinstance(body, dict):
            raise bad_request('INVALID_JSON', 'The request body must be a DomainCancelation object', obj)
        if body.get('domain') is not None and v.normalize_domain_name(body['domain']) != name:
            raise bad_request('INVALID_VALUE', 'domain in the body differs from the URL.', obj)
        ctype = body.get('type', existing['type'] if existing else None)
        if ctype is None:
            raise bad_request('INVALID_VALUE', 'type is required (DELETE).', obj)
        v.check_enum('type', ctype, v.CANCELATION_TYPES, obj)
        if ctype != 'DELETE':
            raise bad_request('NOT_SUPPORTED', 'The sandbox supports only cancelations of type DELETE.', obj)
        execution = body.get('execution', existing['execution'] if existing else None)
        if execution is None:
            raise bad_request('INVALID_VALUE', 'execution is required (NOW, EXPIRE or DATE).', obj)
        v.check_enum('execution', execution, v.EXECUTION_TYPES, obj)
        when = None
        if execution == 'DATE':
            raw = body.get('registryWhen') or (existing or {}).get('registryWhen')
            if raw is None:
                raise bad_request('INVALID_VALUE', 'registryWhen is required when execution is DATE.', obj)
            if isinstance(raw, datetime.datetime):
                when = raw
            else:
                try:
                    when = dates.parse(raw)[0]
                except ValueError:
                    raise bad_request('INVALID_VALUE', 'registryWhen is not a date: %r' % (raw,), obj)
        record = self.domains[name]
        if execution == 'NOW':
            due = dates.now() + self.job_delay
        elif execution == 'EXPIRE':
            due = record['expire']
        else:
            due = when
        return {'domain': name, 'type': ctype, 'execution': execution, 'registryWhen': when,
                'status': 'DELETE_EXPIRE' if execution == 'EXPIRE' else 'DELETE',
                'registryStatus': record['registryStatus'], 'notice': body.get('notice'), 'due': due}

    def cancelation_create(self, account, name, body):
        obj = _dobj(name)
        self.domain(name)
        if name in self.cancelations:
            raise bad_request('CANCELATION_EXISTS', 'Domain %s already has a cancelation; update or delete it.'
                              % name, obj)
        fields = self._cancelation_fields(name, body, obj)
        current = dates.now()
        fields.update(created=current, updated=current, owner=_user(account), updater=_user(account))
        self.cancelations[name] = fields
        return fields

    def cancelation(self, name):
        self.domain(name)
        c = self.cancelations.get(name)
        if c is None:
            raise not_found('CANCELATION_NOT_FOUND', 'Domain %s has no cancelation.' % name, _dobj(name))
        return c

    def cancelation_update(self, account, name, body):
        existing = self.cancelation(name)
        fields = self._cancelation_fields(name, body, _dobj(name), existing)
        existing.update(fields)
        existing.update(updated=dates.now(), updater=_user(account))
        return existing

    def cancelation_delete(self, account, name):
        self.cancelation(name)
        return self.cancelations.pop(name)

    def _execute_cancelation(self, name, c):
        record = self.domains.pop(name)
        del self.cancelations[name]
        record['action'] = 'DELETE'
        record['updated'] = c['due']
        self.deleted[name] = {'domain': record, 'deleted': c['due'], 'restorePhaseEnd': c['due'] + RESTORE_PHASE}

    # ------------------------------------------------------------------ restore (0101005)
    def restorable(self):
        current = dates.now()
        return {n: d for n, d in self.deleted.items() if d['restorePhaseEnd'] >= current}

    def restore_to_api(self, entry):
        out = self.domain_to_api(entry['domain'])
        out['deleted'] = dates.fmt(entry['deleted'])
        out['restorePhaseEnd'] = dates.fmt(entry['restorePhaseEnd'])
        return out

    def domain_restore(self, account, stid, name, body):
        obj = _dobj(name)
        if name in self.domains:
            raise bad_request('DOMAIN_EXISTS', 'Domain %s is active; nothing to restore.' % name, obj)
        if name not in self.restorable():
            raise not_found('DOMAIN_NOT_RESTORABLE', 'Domain %s is not in a restore phase.' % name, obj)

        def apply(job):
            entry = self.deleted.pop(name, None)
            if entry is None:
                raise bad_request('DOMAIN_NOT_RESTORABLE', 'Domain %s is not restorable any more.' % name, obj)
            record = entry['domain']
            record.update(updated=job.updated, updater=_user(account), action='RESTORE', registryStatus='ACTIVE')
            self.add_domain(record)
        return self._start_job('0101005', 'RESTORE', name, account, stid, apply)

    # ------------------------------------------------------------------ contacts (0301..0304)
    def contact_create(self, account, body):
        fields = v.contact_fields(body, {'type': 'contact'}, creating=True)
        return self.add_contact(fields, account=account)

    def _owner_of_gtld(self, cid):
        return sorted(n for n, d in self.domains.items() if d.get('ownerc') == cid and v.is_gtld(n))

    def contact_update(self, account, cid, body):
        obj = _cobj(cid)
        record = self.contact(cid)
        fields = v.contact_fields(body, obj, creating=False)
        merged = dict(record)
        merged.update(fields)
        if v.identity(merged) != v.identity(record):
            owned = self._owner_of_gtld(cid)
            if owned and body.get('confirmOwnerConsent') is not True:
                raise bad_request('OWNER_CONSENT_REQUIRED',
                                  'Contact %d is the owner of %s; confirmOwnerConsent must be true to change '
                                  'its name, email address or organization (required for gTLDs).'
                                  % (cid, ', '.join(owned)), obj)
        record.update(fields)
        record['updated'] = dates.now()
        record['updater'] = _user(account)
        return record

    def contact_delete(self, account, cid):
        obj = _cobj(cid)
        self.contact(cid)
        users = sorted(n for n, d in self.domains.items() if cid in [d.get(r) for r in v.CONTACT_ROLES])
        if users:
            raise bad_request('CONTACT_IN_USE', 'Contact %d is used by %s and cannot be deleted.'
                              % (cid, ', '.join(users)), obj)
        if any(j.status == 'RUNNING' and cid in j.contacts for j in self.jobs.values()):
            raise bad_request('CONTACT_IN_USE', 'Contact %d is used by a running job.' % cid, obj)
        return self.contacts.pop(cid)
