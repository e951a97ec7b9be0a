# -*- coding: utf-8 -*-
"""The AutoDNS adapter: reads domains into the core model and sends tasks, following their jobs."""
import datetime
import ipaddress

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import tasks
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.client import AutoDNSClient, NotFound
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, Domain, Locks, Nameserver

CONTACT_FIELDS = {'ownerc': 'registrant', 'adminc': 'admin', 'techc': 'tech', 'zonec': 'zone'}
JOB_DONE = ('SUCCESS', 'FAILED', 'CANCELED')
JOB_FAILED = ('FAILED', 'CANCELED')


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


def read_contact(entry):
    """A contact reference ({"id": n}) or full contact object → Contact."""
    address = entry.get('address')
    return Contact(handle=str(entry['id']) if entry.get('id') is not None else None,
                   first_name=entry.get('fname'), last_name=entry.get('lname'),
                   organization=entry.get('organization'),
                   address=tuple(address) if address else None, city=entry.get('city'),
                   state=entry.get('state'), postal_code=entry.get('pcode'), country=entry.get('country'),
                   email=entry.get('email'), phone=entry.get('phone'), fax=entry.get('fax'))


def read_locks(registry_status):
    """registryStatus → locks. AutoDNS expresses a transfer lock (LOCK) and an update lock
    (LOCK_UPDATE); it has no separate delete lock, so that stays unknown."""
    if registry_status is None:
        return Locks()
    return Locks(transfer=registry_status in ('LOCK', 'HOLD_LOCK', 'LOCK_UPDATE', 'LOCK_OWNER'),
                 update=registry_status == 'LOCK_UPDATE')


def read_domain(data):
    contacts = dict((role, read_contact(data[key])) for key, role in CONTACT_FIELDS.items()
                    if isinstance(data.get(key), dict))
    renew = data.get('autoRenewStatus')
    return Domain(
        name=data['name'].lower().rstrip('.'),
        nameservers=tuple(read_nameserver(ns) for ns in data.get('nameServers') or []),
        contacts=contacts,
        locks=read_locks(data.get('registryStatus')),
        expires=parse_date(data.get('expire')),
        payable=parse_date(data.get('payable')),
        # ONCE: renewed once more at the end of this term, so it does renew now.
        autorenew=None if renew is None else renew in ('TRUE', 'ONCE'),
        auth_code=data.get('authinfo'),
        status=data.get('registryStatus'),
        registrar_data={'payable_raw': data.get('payable')},
    )


def job_submission(operation, domain, job):
    status = job.get('status') or 'RUNNING'
    return Submission(operation=operation, domain=domain, id=str(job.get('id')), status=status,
                      done=status in JOB_DONE, failed=status in JOB_FAILED,
                      message=job.get('subStatus'))


class AutoDNSAdapter(RegistrarAdapter):
    name = 'autodns'
    supported_aspects = tasks.SUPPORTED_ASPECTS

    def __init__(self, settings, client=None):
        self.client = client or AutoDNSClient(
            settings['api_url'], settings['username'], settings['password'], settings['context'],
            USER_AGENT, verify=settings['validate_certs'], timeout=settings['timeout'])

    def get_domain(self, name):
        try:
            envelope = self.client.get('/domain/%s' % name)
        except NotFound:
            return None
        data = envelope.get('data') or []
        return read_domain(data[0]) if data else None

    def operations(self, current, changes):
        return tasks.operations(current, changes)

    def submit(self, operation):
        request = operation.payload
        envelope = self.client.request(request['method'], request['path'], body=request['body'])
        data = (envelope.get('data') or [{}])[0] or {}
        if envelope['status'].get('type') == 'NOTIFY' and data.get('id') is not None:
            return job_submission(operation.name, operation.domain, data)
        # Done at once (S-code): nothing to wait for.
        return Submission(operation=operation.name, domain=operation.domain, id=None,
                          status=envelope['status'].get('code'), done=True,
                          message=envelope['status'].get('text'))

    def refresh(self, submission):
        envelope = self.client.get('/job/%s' % submission.id)
        entry = (envelope.get('data') or [{}])[0]
        job = entry.get('job', entry)
        result = job_submission(submission.operation, submission.domain, job)
        if result.failed and not result.message:
            result.message = 'job %s ended %s' % (submission.id, result.status)
        return result

    def pending(self, name, aspects):
        """Jobs still running for the domain (Job List, filtered on object and status)."""
        query = {'filters': [
            {'key': 'object', 'value': name, 'operator': 'EQUAL'},
            {'key': 'status', 'value': 'RUNNING', 'operator': 'EQUAL', 'link': 'AND'},
        ]}
        envelope = self.client.request('POST', '/job/_search', body=query)
        result = []
        for entry in envelope.get('data') or []:
            job = entry.get('job', entry)
            action = job.get('action') or 'job'
            result.append(job_submission('%s %s' % (action, name), name, job))
        return [s for s in result if not s.done]
