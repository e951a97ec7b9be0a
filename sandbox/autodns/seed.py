# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Load the YAML seed file (format: docs/sandbox-autodns.md) into a Store."""
import datetime

import yaml

from . import dates
from . import validate as v
from .envelope import ApiError
from .state import RESTORE_PHASE, Store


class SeedError(Exception):
    pass


def _date(entry, key, default=None):
    value = entry.get(key)
    if value is None:
        return default
    try:
        return dates.parse(value)[0]
    except ValueError:
        raise SeedError('%s: %s is not a date: %r' % (entry.get('name'), key, value))


def _contact_id(value):
    if isinstance(value, dict):
        value = value.get('id')
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int):
        raise SeedError('contact reference %r is not a number' % (value,))
    return value


def _domain_record(store, entry, account, current, contacts_required=True):
    if not isinstance(entry, dict) or not entry.get('name'):
        raise SeedError('every domain needs a name: %r' % (entry,))
    name = v.normalize_domain_name(entry['name'])
    if not v.is_hostname(name):
        raise SeedError('invalid domain name %r' % entry['name'])
    created = _date(entry, 'created', current - datetime.timedelta(days=365))
    payable = _date(entry, 'payable')
    expire = _date(entry, 'expire')
    if payable is None and expire is None:
        payable = expire = dates.add_period(created, 1, 'YEAR')
    payable, expire = payable or expire, expire or payable
    obj = {'type': 'domain', 'value': name}
    fields = {'payable': payable, 'expire': expire, 'domainCreated': _date(entry, 'domainCreated', created),
              'updated': _date(entry, 'updated', created)}
    try:
        if entry.get('nameServerEntries') is not None:
            fields['nameServerEntries'] = v.name_server_entries(name, entry['nameServerEntries'], obj)
        elif entry.get('nameServers') or contacts_required:
            fields['nameServers'] = v.name_servers(name, entry.get('nameServers') or [], obj)
        for key, allowed in (('registryStatus', v.REGISTRY_STATUS), ('registrarStatus', v.REGISTRY_STATUS),
                             ('autoRenewStatus', v.AUTO_RENEW_STATUS), ('rddsOptIn', v.RDDS_OPT_IN)):
            if entry.get(key) is not None:
                fields[key] = v.check_enum(key, str(entry[key]).upper(), allowed, obj)
    except ApiError as exc:
        raise SeedError('%s: %s' % (name, exc.text))
    for role in v.CONTACT_ROLES:
        if entry.get(role) is not None:
            cid = _contact_id(entry[role])
            if cid not in store.contacts:
                raise SeedError('%s: %s refers to unknown contact %s' % (name, role, cid))
            fields[role] = cid
        elif role != 'zonec' and contacts_required:
            raise SeedError('%s: %s is required' % (name, role))
    for key in ('trustee', 'privacy', 'privacyPlus', 'domainsafe', 'validCertificate'):
        if entry.get(key) is not None:
            fields[key] = bool(entry[key])
    for key in ('authinfo', 'comment'):
        if key in entry:
            fields[key] = None if entry[key] is None else str(entry[key])
    return store.new_domain_record(name, account, created, **fields)


def load(path, default_account, extra_account=None, job_delay=1.0):
    """Build a Store from the seed file at ``path`` (None: empty store)."""
    try:
        return _load(path, default_account, extra_account, job_delay)
    except ApiError as exc:
        raise SeedError(exc.text)
    except (yaml.YAMLError, ValueError, TypeError, AttributeError) as exc:
        raise SeedError('%s: %s' % (type(exc).__name__, exc))


def _load(path, default_account, extra_account, job_delay):
    data = {}
    if path:
        with open(path, encoding='utf-8') as handle:
            data = yaml.safe_load(handle) or {}
        if not isinstance(data, dict):
            raise SeedError('the seed must be a mapping')
    accounts = []
    for entry in data.get('accounts') or []:
        if not isinstance(entry, dict) or not entry.get('user') or entry.get('password') is None:
            raise SeedError('every account needs user and password: %r' % (entry,))
        accounts.append({'user': str(entry['user']), 'password': str(entry['password']),
                         'context': int(entry.get('context', 4))})
    if not accounts:
        accounts.append(default_account)
    if extra_account and extra_account not in accounts:
        accounts.insert(0, extra_account)
    store = Store(accounts, job_delay=job_delay)
    owner = accounts[0]
    current = dates.now()

    for entry in data.get('contacts') or []:
        if not isinstance(entry, dict) or entry.get('id') is None:
            raise SeedError('every contact needs an id: %r' % (entry,))
        cid = _contact_id(entry['id'])
        try:
            fields = v.contact_fields(entry, {'type': 'contact', 'value': str(cid)}, creating=True)
        except ApiError as exc:
            raise SeedError('contact %s: %s' % (cid, exc.text))
        store.add_contact(fields, cid=cid, account=owner,
                          when=_date(entry, 'created', current - datetime.timedelta(days=365)))

    for entry in data.get('domains') or []:
        record = _domain_record(store, entry, owner, current)
        if record['name'] in store.domains:
            raise SeedError('domain %s is listed twice' % record['name'])
        store.add_domain(record)

    for entry in data.get('transferable') or []:
        record = _domain_record(store, entry, owner, current, contacts_required=False)
        if not record.get('authinfo'):
            raise SeedError('transferable domain %s needs an authinfo' % record['name'])
        store.transferable[record['name']] = record

    for entry in data.get('premium') or []:
        # DomainPremium (swagger): the price the registry asks for the name, served by GET /domainpremium/{name}.
        if not isinstance(entry, dict) or not entry.get('name') or entry.get('price') is None or not entry.get('currency'):
            raise SeedError('every premium entry needs name, price and currency: %r' % (entry,))
        name = v.normalize_domain_name(str(entry['name']))
        store.premium[name] = {'name': name, 'price': float(entry['price']), 'currency': str(entry['currency']).upper(),
                               'priceClass': entry.get('priceClass'), 'priceClassRenew': entry.get('priceClassRenew')}

    for entry in data.get('deleted') or []:
        record = _domain_record(store, entry, owner, current)
        deleted = _date(entry, 'deleted', current)
        record['action'] = 'DELETE'
        store.deleted[record['name']] = {'domain': record, 'deleted': deleted,
                                         'restorePhaseEnd': deleted + RESTORE_PHASE}
    return store


# --generate N: a portfolio for benchmarks, on top of the seed (docs/sandbox-autodns.md).
GENERATED_NAME = 'bench-%05d.com'
GENERATED_CONTACTS = (
    {'type': 'ORG', 'fname': 'Bench', 'lname': 'Owner', 'organization': 'Bench Holding', 'address': ['Bench Street 1'],
     'pcode': '10115', 'city': 'Berlin', 'country': 'DE', 'email': 'owner@bench.example', 'phone': '+49.3000000001'},
    {'type': 'PERSON', 'fname': 'Ada', 'lname': 'Admin', 'organization': 'Bench Holding', 'address': ['Bench Street 1'],
     'pcode': '10115', 'city': 'Berlin', 'country': 'DE', 'email': 'admin@bench.example', 'phone': '+49.3000000002'},
    {'type': 'ROLE', 'fname': 'Host', 'lname': 'Master', 'organization': 'Bench Hosting', 'address': ['Rack Road 9'],
     'pcode': '20095', 'city': 'Hamburg', 'country': 'DE', 'email': 'hostmaster@bench.example', 'phone': '+49.4000000003'},
)
GENERATED_NAME_SERVERS = (
    [{'name': 'a.ns14.net'}, {'name': 'b.ns14.net'}],
    [{'name': 'ns1.bench-dns.example'}, {'name': 'ns2.bench-dns.example'}, {'name': 'ns3.bench-dns.example'}],
)
GENERATED_AUTORENEW = ('TRUE', 'TRUE', 'FALSE', 'ONCE')
GENERATED_STATUS = ('LOCK', 'ACTIVE', 'LOCK', 'LOCK_UPDATE')


def generate(store, count, current=None):
    """Add ``count`` domains bench-00001.com ... sharing three contacts and two name-server sets,
    with autorenew, registry status and expiry varied (expiry spread over the next two years).
    Deterministic: the same count gives the same portfolio."""
    if count <= 0:
        return []
    current = current or dates.now()
    owner = store.default_owner()
    ids = []
    for fields in GENERATED_CONTACTS:
        ids.append(store.add_contact(dict(fields), account=owner, when=current - datetime.timedelta(days=400))['id'])
    owner_id, admin_id, tech_id = ids
    names = []
    for number in range(1, count + 1):
        name = GENERATED_NAME % number
        if name in store.domains:
            raise SeedError('--generate: %s is already in the seed' % name)
        created = current - datetime.timedelta(days=365 + number % 700)
        expire = current + datetime.timedelta(days=5 + (number * 37) % 725)
        record = store.new_domain_record(
            name, owner, created, payable=expire, expire=expire, domainCreated=created, updated=created,
            ownerc=owner_id, adminc=admin_id, techc=tech_id, zonec=tech_id,
            nameServers=[dict(ns) for ns in GENERATED_NAME_SERVERS[number % len(GENERATED_NAME_SERVERS)]],
            autoRenewStatus=GENERATED_AUTORENEW[number % len(GENERATED_AUTORENEW)],
            registryStatus=GENERATED_STATUS[number % len(GENERATED_STATUS)])
        store.add_domain(record)
        names.append(name)
    return names
