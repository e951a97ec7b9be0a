# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS answers → the core model. Pure: no I/O (api.py asks, adapter.py glues).

- DomainInfo (``GET /domain/{name}``) with its contacts' data (Contact List of
  ``POST /contact/_search``) and the cancelation (``GET /domain/{name}/cancelation``) → Domain;
- a Job (an N-answer, ``GET /job/{id}``) → Submission, and the Job List (``POST /job/_search``)
  → the jobs still pending for what a task manages (``jobs.PENDING_ACTIONS``);
- ``GET /poll`` → Message, in both shapes.

A malformed answer is an error (RegistrarError 'malformed-answer'), never data.

Locks ↔ registryStatus (``RegistryStatusConstants``; the swagger lists the values without
describing them, so this is the collection's reading of their names, the same both ways):

===========  ==============  ============  =====================================================
status       transfer lock   update lock   note
===========  ==============  ============  =====================================================
ACTIVE       no              no
LOCK         yes             no            the transfer lock (seed 004 shows a plain domain in LOCK)
LOCK_UPDATE  yes             yes           locked against updates; a lock status, so also transfers
HOLD         no              no            on hold (not in the zone) is kept as it is
HOLD_LOCK    yes             no            HOLD plus the transfer lock
LOCK_OWNER   yes             unknown       only owner changes are locked: declare update_lock to leave it
AUTO, PENDING, NONE  unknown unknown       declare transfer_lock and update_lock together to set one
===========  ==============  ============  =====================================================

write.registry_status goes the other way.
"""
import datetime
import ipaddress

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contacts as handles
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs
from ansible_collections.domainops.registrar.plugins.module_utils.core import normalize
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Message, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DnssecKey, Domain, Locks, Nameserver, Privacy

# Domain field → core role
CONTACT_FIELDS = dict((field, role) for role, field in handles.ROLE_FIELDS)

# registryStatus → Locks (the table above).
STATUS_LOCKS = {
    'ACTIVE': Locks(transfer=False, update=False),
    'LOCK': Locks(transfer=True, update=False),
    'LOCK_UPDATE': Locks(transfer=True, update=True),
    'HOLD': Locks(transfer=False, update=False),
    'HOLD_LOCK': Locks(transfer=True, update=False),
    'LOCK_OWNER': Locks(transfer=True),
}


def first(envelope, default=None):
    """``data[0]`` of an envelope, or ``default`` when ``data`` is empty."""
    return (envelope.get('data') or [default])[0]


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
    return Nameserver(normalize.host_name(entry['name']), ipv4, ipv6)


read_contact = handles.read_contact


def read_dnssec(entries):
    """Domain.dnssecData (swagger DNSSec: flags, protocol, algorithm, publicKey) -> DnssecKeys."""
    result = []
    for entry in entries or []:
        if not isinstance(entry, dict):
            raise RegistrarError('malformed-answer', 'GET /domain: a dnssecData entry is not a DNSSec object')
        key = ''.join(str(entry.get('publicKey') or '').split()) or None
        result.append(DnssecKey(flags=entry.get('flags'), protocol=entry.get('protocol'), algorithm=entry.get('algorithm'),
                                public_key=key))
    return tuple(result)


def read_locks(registry_status):
    return STATUS_LOCKS.get(registry_status, Locks())


def read_privacy(data):
    """Domain.privacy (a boolean, swagger Domain.privacy) as a Privacy; left out, it is off.
    AutoDNS has no proxy service and no per-contact choice: those read as unknown."""
    return Privacy(service='privacy' if data.get('privacy') else 'none', plus=bool(data.get('privacyPlus')))


def read_premium(envelope):
    """GET /domainpremium/{name} (DomainPremium): {'amount', 'currency', 'price_class'}, or None without a price."""
    data = first(envelope) or {}
    if data.get('price') is None:
        return None
    return {'amount': float(data['price']), 'currency': (data.get('currency') or '').upper() or None,
            'price_class': data.get('priceClass')}


def read_domain(data, contacts=None, cancelation=None):
    """DomainInfo data → Domain.

    ``contacts`` maps contact ids to the Contacts read from a Contact List (a portfolio's thousand
    domains share a few handles: each is read once); a role whose id it lacks carries only its
    handle. ``cancelation`` is the DomainCancelation, when one was read.
    """
    contacts = contacts or {}
    roles = {}
    for field, role in CONTACT_FIELDS.items():
        ref = data.get(field)
        if isinstance(ref, dict) and ref.get('id') is not None:
            found = contacts.get(str(ref['id']))
            roles[role] = found if found is not None else read_contact(ref)
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
        name=normalize.host_name(data['name']),
        nameservers=tuple(read_nameserver(ns) for ns in data.get('nameServers') or []),
        contacts=roles,
        locks=read_locks(data.get('registryStatus')),
        expires=parse_date(data.get('expire')),
        payable=parse_date(data.get('payable')),
        autorenew=autorenew,
        auth_code=data.get('authinfo'),
        status=data.get('registryStatus'),
        privacy=read_privacy(data),
        dnssec=read_dnssec(data.get('dnssecData')),
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
    codes = [jobs.status_code(status)] + [m.get('code') for m in details] + [notify.get('type')]
    outcome = job.get('status') or status.get('type') or next((m.get('status') for m in details if m.get('status')), None)
    waiting = entry.get('summary', (envelope.get('object') or {}).get('summary'))
    return Message(id=str(message['id']), domain=domain.lower() if domain else None,
                   reference=str(job['id']) if job.get('id') is not None else None,
                   status=_upper(outcome),
                   text=text or next((c for c in codes if c), None),
                   created=message.get('created') or job.get('updated') or job.get('created'),
                   waiting=int(waiting) if waiting is not None else None)


def contact_ids(data):
    """The contact ids a DomainInfo names (ownerc, adminc, techc, zonec), sorted, as strings."""
    return sorted(set(str(data[f]['id']) for f in CONTACT_FIELDS
                      if isinstance(data.get(f), dict) and data[f].get('id') is not None))


def read_contact_list(envelope):
    """A Contact List page → ([(Contact, raw)] of its entries with an id, the page's length, the total or None)."""
    result = [(read_contact(raw), raw) for raw in envelope.get('data') or [] if raw.get('id') is not None]
    total = (envelope.get('object') or {}).get('summary')
    return result, len(envelope.get('data') or []), None if total is None else int(total)


def read_pending(envelope, name, aspects):
    """A Job List → the Submissions of its jobs that are not final and touch ``aspects``.

    Every status that is not final counts (jobs.JOB_STATUS_PENDING: WAIT, DEFERRED, SUPPORT, ...,
    not only RUNNING). Actions compare case-insensitively; a job whose action is not known
    here, or that creates the domain, always counts.
    """
    wanted = set(jobs.EXISTENCE_ACTIONS)
    for aspect in aspects:
        wanted.update(jobs.PENDING_ACTIONS.get(aspect, ()))
    result = []
    for entry in envelope.get('data') or []:
        job = entry.get('job', entry)
        action = _upper(job.get('action'))
        if action in jobs.KNOWN_ACTIONS and action not in wanted:
            continue
        result.append(job_submission('%s %s' % (action or 'job', name), name, job))
    return [s for s in result if not s.done]


def job_domain(entry):
    """The domain a Job List entry (ObjectJob {job, object}) is about, as compared, or None."""
    obj = entry.get('object') if isinstance(entry, dict) and isinstance(entry.get('object'), dict) else {}
    if str(obj.get('type') or 'domain').lower() != 'domain' or not obj.get('value'):
        return None
    return normalize.host_name(obj['value'])


def job_object_unknown(entry):
    """Whether a Job List entry does not say which object it is about (keys[]=object not honoured)."""
    obj = entry.get('object') if isinstance(entry, dict) else None
    return not isinstance(obj, dict) or not obj.get('value')


def read_refresh(envelope, submission):
    """``GET /job/{id}`` → the Submission again, with a message when it failed without one."""
    entry = first(envelope, {})
    job = entry.get('job', entry)
    result = job_submission(submission.operation, submission.domain, job)
    if result.failed and not result.message:
        result.message = 'job %s ended %s' % (submission.id, result.status)
    return result


def read_job(envelope, order_id):
    """``GET /job/{id}`` for order_info → Submission; an answer without the job and its status is an error."""
    entry = first(envelope)
    job = entry.get('job', entry) if isinstance(entry, dict) else None
    if not isinstance(job, dict) or not job.get('status'):
        raise RegistrarError('invalid answer', 'GET /job/%s answered without the job and its status' % order_id)
    obj = entry.get('object') if isinstance(entry.get('object'), dict) else {}
    # InterNetX's help answers write the type "Domain", the swagger's examples "domain".
    domain = obj.get('value') if str(obj.get('type') or '').lower() == 'domain' else None
    result = job_submission(job.get('action') or 'job', domain, dict(job, id=job.get('id') or order_id))
    if result.failed and not result.message:
        result.message = 'job %s ended %s' % (order_id, result.status)
    return result


def read_created_contact(envelope, operation):
    """The answer to ``POST /contact`` → (the new contact's id, an int, and its Contact)."""
    status = envelope.get('status') or {}
    data = first(envelope, {}) or {}
    if data.get('id') is None:
        raise RegistrarError(jobs.status_code(status) or 'unknown', 'POST /contact answered without a contact id',
                             operation=operation)
    created = data['id']
    if not isinstance(created, int) or isinstance(created, bool):
        raise RegistrarError('malformed-answer', 'POST /contact answered a contact id that is not a number: %r'
                             % (created,), operation=operation)
    return created, read_contact(data)
