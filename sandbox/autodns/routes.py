# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The URL table: route → task code → handler. Paths are relative to /v1.

A handler gets a ``Call`` and returns a ``Result``; the server turns it into
the envelope with status code letter + task code (S done, N job started).
"""
import re

from . import lists, poll, query
from . import validate as v
from .envelope import bad_request, not_found, response_object


class Call:
    def __init__(self, store, account, stid, params, body, query_args):
        self.store = store
        self.account = account
        self.stid = stid
        self.params = params
        self.body = body
        self.query = query_args
        self.owner_change = False


class Result:
    def __init__(self, type_, text, obj=None, data=(), http_status=200):
        self.type = type_
        self.text = text
        self.obj = obj
        self.data = list(data)
        self.http_status = http_status


def _name(call):
    return v.normalize_domain_name(call.params['name'])


def _dobj(name):
    return response_object('domain', name)


def _job_result(job, text):
    return Result('NOTIFY', text, _dobj(job.domain), [job.to_api()])


def _contact_id(call):
    raw = call.params['id']
    if not raw.isdigit():
        raise bad_request('INVALID_VALUE', 'Contact id must be a number: %s' % raw, response_object('contact', raw))
    return int(raw)


# ---------------------------------------------------------------- domain
def domain_info(call):
    name = _name(call)
    record = call.store.domain(name)
    return Result('SUCCESS', 'Domain data was inquired successfully.', _dobj(name),
                  [call.store.domain_to_api(record)])


def domain_premium_info(call):
    """Domain Premium Info (0164): the DomainPremium of a premium name; other names are not found."""
    name = _name(call)
    data = call.store.premium.get(name)
    if data is None:
        raise not_found('DOMAIN_PREMIUM_NOT_FOUND', 'Premium domain %s not found.' % name, response_object('domainPremium', name))
    return Result('SUCCESS', 'Premium domain data was inquired successfully.', response_object('domainPremium', name),
                  [dict((k, v) for k, v in data.items() if v is not None)])


def domain_update(call):
    job = call.store.domain_update(call.account, call.stid, _name(call), call.body)
    return _job_result(job, 'The domain update was started successfully.')


def domain_status_update(call):
    job = call.store.domain_status_update(call.account, call.stid, _name(call), call.body)
    return _job_result(job, 'The domain status update was started successfully.')


def domain_dnssec(call):
    job = call.store.domain_dnssec_update(call.account, call.stid, _name(call), call.body)
    return _job_result(job, 'The domain update was started successfully.')


def domain_renew(call):
    remove = 'removeCancelation' in call.query and \
        (call.query['removeCancelation'] or [''])[0].lower() not in ('false', '0', 'no')
    job = call.store.domain_renew(call.account, call.stid, _name(call), call.body, remove)
    return _job_result(job, 'The domain renewal was started successfully.')


def domain_create(call):
    job = call.store.domain_create(call.account, call.stid, call.body)
    return _job_result(job, 'The domain registration was started successfully.')


def domain_transfer(call):
    job = call.store.domain_transfer(call.account, call.stid, call.body)
    return _job_result(job, 'The domain transfer was started successfully.')


def domain_trade(call):
    body = call.body if isinstance(call.body, dict) else {}
    if 'name' in call.params:
        name = _name(call)
    else:
        if not body.get('name'):
            raise bad_request('INVALID_DOMAIN_NAME', 'name (the domain) is required.', None)
        name = v.normalize_domain_name(body['name'])
    route = 'owner_change' if call.owner_change else 'trade'
    job = call.store.domain_trade(call.account, call.stid, name, call.body, route)
    return _job_result(job, 'The domain owner change was started successfully.')


def domain_owner_change(call):
    """The _ownerChange routes: the same task (0104010), judged by the TLD's owner-change rule."""
    call.owner_change = True
    return domain_trade(call)


def domain_restore(call):
    job = call.store.domain_restore(call.account, call.stid, _name(call), call.body)
    return _job_result(job, 'The domain restore was started successfully.')


def _domain_search_fields():
    def labels(d):
        return d['name'].split('.')

    def nserver(d):
        return [ns['name'] for ns in d.get('nameServers') or []] or [None]

    def contact(role):
        return lambda d: d.get(role)

    return {
        'name': (lambda d: d['name'], 'str'),
        'sld': (lambda d: labels(d)[0], 'str'),
        'tld': (lambda d: labels(d)[-1], 'str'),
        'subtld': (lambda d: '.'.join(labels(d)[1:-1]) or None, 'str'),
        'status': (lambda d: d.get('registryStatus'), 'str'),
        'authinfo': (lambda d: d.get('authinfo'), 'str'),
        'expire': (lambda d: d.get('expire'), 'date'),
        'payable': (lambda d: d.get('payable'), 'date'),
        'created': (lambda d: d.get('created'), 'date'),
        'updated': (lambda d: d.get('updated'), 'date'),
        'comment': (lambda d: d.get('comment'), 'str'),
        'ownerc': (contact('ownerc'), 'int'),
        'adminc': (contact('adminc'), 'int'),
        'techc': (contact('techc'), 'int'),
        'zonec': (contact('zonec'), 'int'),
        'nserver': (nserver, 'str'),
        'autorenew': (lambda d: d.get('autoRenewStatus'), 'str'),
        'certificate': (lambda d: str(bool(d.get('validCertificate'))).lower(), 'str'),
    }


def domain_search(call):
    store = call.store
    fields = _domain_search_fields()
    fields['cancelationStatus'] = (lambda d: (store.cancelations.get(d['name']) or {}).get('status'), 'str')
    hits, total = query.run(call.body, sorted(store.domains.values(), key=lambda d: d['name']),
                            fields, 'domain')
    keys = lists.requested_keys(call.query)
    return Result('SUCCESS', 'The domain list was inquired successfully.',
                  response_object('domain', summary=total), [lists.domain_entry(store.domain_to_api(d), keys) for d in hits])


def restore_search(call):
    store = call.store
    entries = sorted(store.restorable().values(), key=lambda e: e['domain']['name'])
    fields = {key: ((lambda e, g=getter: g(e['domain'])), kind)
              for key, (getter, kind) in _domain_search_fields().items()}
    fields['deleted'] = (lambda e: e['deleted'], 'date')
    hits, total = query.run(call.body, entries, fields, 'domainRestore')
    return Result('SUCCESS', 'The list of restorable domains was inquired successfully.',
                  response_object('domainRestore', summary=total), [store.restore_to_api(e) for e in hits])


def authinfo_create(call):
    name = _name(call)
    record = call.store.authinfo_create(call.account, name)
    return Result('SUCCESS', 'The authinfo was created successfully.', _dobj(name),
                  [call.store.domain_to_api(record)])


def authinfo_delete(call):
    name = _name(call)
    call.store.authinfo_delete(call.account, name)
    return Result('SUCCESS', 'The authinfo was deleted successfully.', _dobj(name))


# ---------------------------------------------------------------- cancelation
def cancelation_info(call):
    name = _name(call)
    c = call.store.cancelation(name)
    return Result('SUCCESS', 'The cancelation was inquired successfully.', _dobj(name),
                  [call.store.cancelation_to_api(c)])


def cancelation_create(call):
    name = _name(call)
    c = call.store.cancelation_create(call.account, name, call.body)
    return Result('SUCCESS', 'The cancelation was created successfully.', _dobj(name),
                  [call.store.cancelation_to_api(c)])


def cancelation_update(call):
    name = _name(call)
    c = call.store.cancelation_update(call.account, name, call.body)
    return Result('SUCCESS', 'The cancelation was updated successfully.', _dobj(name),
                  [call.store.cancelation_to_api(c)])


def cancelation_delete(call):
    name = _name(call)
    call.store.cancelation_delete(call.account, name)
    return Result('SUCCESS', 'The cancelation was deleted successfully.', _dobj(name))


# ---------------------------------------------------------------- contact
def contact_create(call):
    c = call.store.contact_create(call.account, call.body)
    return Result('SUCCESS', 'The contact was created successfully.', response_object('contact', c['id']),
                  [call.store.contact_to_api(c)])


def contact_info(call):
    cid = _contact_id(call)
    c = call.store.contact(cid)
    return Result('SUCCESS', 'The contact data was inquired successfully.', response_object('contact', cid),
                  [call.store.contact_to_api(c)])


def contact_update(call):
    cid = _contact_id(call)
    c = call.store.contact_update(call.account, cid, call.body)
    return Result('SUCCESS', 'The contact was updated successfully.', response_object('contact', cid),
                  [call.store.contact_to_api(c)])


def contact_delete(call):
    cid = _contact_id(call)
    call.store.contact_delete(call.account, cid)
    return Result('SUCCESS', 'The contact was deleted successfully.', response_object('contact', cid))


def contact_search(call):
    def g(key):
        return lambda c: c.get(key)

    fields = {key: (g(key), 'str') for key in (
        'country', 'pcode', 'city', 'type', 'title', 'lname', 'alias', 'state', 'sip', 'fax',
        'verification', 'email', 'fname', 'address', 'phone', 'organization', 'comment')}
    fields.update({'id': (g('id'), 'int'), 'created': (g('created'), 'date'),
                   'updated': (g('updated'), 'date'),
                   'domainsafe': (lambda c: str(bool(c.get('domainsafe'))).lower(), 'str')})
    contacts = [call.store.contacts[k] for k in sorted(call.store.contacts)]
    hits, total = query.run(call.body, contacts, fields, 'contact')
    return Result('SUCCESS', 'The contact list was inquired successfully.',
                  response_object('contact', summary=total), [call.store.contact_to_api(c) for c in hits])


# ---------------------------------------------------------------- job / poll
def job_info(call):
    raw = call.params['id']
    if not raw.isdigit():
        raise bad_request('INVALID_VALUE', 'Job id must be a number: %s' % raw, response_object('job', raw))
    job = call.store.job_info(call.account, int(raw))
    return Result('SUCCESS', 'The job data was inquired successfully.', response_object('job', job.id),
                  [{'job': job.to_api(), 'object': _dobj(job.domain)}])


def job_search(call):
    store = call.store
    account = call.account
    jobs = sorted((j for j in store.jobs.values()
                   if j.account['user'] == account['user'] and str(j.account['context']) == str(account['context'])),
                  key=lambda j: j.id)
    fields = {
        'id': (lambda j: j.id, 'int'),
        'status': (lambda j: j.status, 'str'),
        'object': (lambda j: j.domain, 'str'),
        'type': (lambda j: 'domain', 'str'),
        'action': (lambda j: j.action, 'str'),
        'subStatus': (lambda j: None, 'str'),
        'parent': (lambda j: None, 'int'),
        'created': (lambda j: j.created, 'date'),
        'updated': (lambda j: j.updated, 'date'),
        'execution': (lambda j: j.due, 'date'),
    }
    hits, total = query.run(call.body, jobs, fields, 'job')
    return Result('SUCCESS', 'The job list was inquired successfully.', response_object('job', summary=total),
                  [{'job': j.to_api(), 'object': _dobj(j.domain)} for j in hits])


def poll_info(call):
    queue = call.store.poll_queue(call.account)
    if not queue:
        return Result('SUCCESS', 'There are no messages.', response_object('message', summary=0), [])
    head = queue[0]
    return Result('SUCCESS', 'The message was inquired successfully.',
                  response_object('message', head['id'], summary=len(queue)),
                  poll.poll_data(call.store.poll_shape, head, len(queue)))


def poll_confirm(call):
    message = call.store.poll_confirm(call.account, call.params['id'])
    return Result('SUCCESS', 'The message was confirmed successfully.', response_object('message', message['id']))


NAME = r'(?P<name>[^/]+)'
ID = r'(?P<id>[^/]+)'

# (method, path pattern relative to /v1, task code from the swagger summary, handler)
ROUTES = [
    ('POST', r'/domain', '0101', domain_create),
    ('POST', r'/domain/_search', '0105', domain_search),
    ('POST', r'/domain/_transfer', '0104', domain_transfer),
    ('POST', r'/domain/_trade', '0104010', domain_trade),
    ('POST', r'/domain/_ownerChange', '0104010', domain_owner_change),
    ('POST', r'/domain/restore/_search', '0105005', restore_search),
    ('GET', r'/domain/' + NAME, '0105', domain_info),
    ('PUT', r'/domain/' + NAME, '0102', domain_update),
    ('PUT', r'/domain/' + NAME + r'/_renew', '0101003', domain_renew),
    ('PUT', r'/domain/' + NAME + r'/_statusUpdate', '0102002', domain_status_update),
    ('PUT', r'/domain/' + NAME + r'/_ownerChange', '0104010', domain_owner_change),
    ('PUT', r'/domain/' + NAME + r'/_restore', '0101005', domain_restore),
    ('PUT', r'/domain/' + NAME + r'/_dnssec', '0102007', domain_dnssec),
    ('POST', r'/domain/' + NAME + r'/_authinfo1', '0113001', authinfo_create),
    ('DELETE', r'/domain/' + NAME + r'/_authinfo1', '0113002', authinfo_delete),
    ('GET', r'/domain/' + NAME + r'/cancelation', '0103104', cancelation_info),
    ('POST', r'/domain/' + NAME + r'/cancelation', '0103101', cancelation_create),
    ('PUT', r'/domain/' + NAME + r'/cancelation', '0103102', cancelation_update),
    ('DELETE', r'/domain/' + NAME + r'/cancelation', '0103103', cancelation_delete),
    ('GET', r'/domainpremium/' + NAME, '0164', domain_premium_info),
    ('POST', r'/contact', '0301', contact_create),
    ('POST', r'/contact/_search', '0304', contact_search),
    ('GET', r'/contact/' + ID, '0304', contact_info),
    ('PUT', r'/contact/' + ID, '0302', contact_update),
    ('DELETE', r'/contact/' + ID, '0303', contact_delete),
    ('POST', r'/job/_search', '300115', job_search),
    ('GET', r'/job/' + ID, '300114', job_info),
    ('GET', r'/poll', '0905', poll_info),
    ('PUT', r'/poll/' + ID, '0906', poll_confirm),
]

_COMPILED = [(m, re.compile('^' + p + '$'), t, h) for m, p, t, h in ROUTES]


def resolve(method, path):
    """Return (task, handler, params) or (None, None, allowed_methods) if no route."""
    allowed = []
    for m, pattern, task, handler in _COMPILED:
        match = pattern.match(path)
        if match:
            if m == method:
                return task, handler, match.groupdict()
            allowed.append(m)
    return None, None, allowed
