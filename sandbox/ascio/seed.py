# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Loading the sandbox's starting state from a YAML seed file.

Format (all keys optional)::

    accounts:                       # default: [{account: demo, password: demo-password}]
      - {account: demo, password: demo-password}
    domains:                        # Ascio Domain field names (TYPES['Domain'])
      - DomainName: example.com
        account: demo               # sandbox key: owner account (default: the first)
        ExpDate: 2027-03-01T00:00:00Z
        Registrant: {Name: ..., Email: ...}
        NameServers: {NameServer1: {HostName: ns1.example.net}, ...}
    deleted:                        # deleted domains that Restore_Domain can bring back
      - {DomainName: ..., DeletedDate: 2025-01-01T00:00:00Z, ...}
    registered_elsewhere: [name, ...]   # Register_Domain refuses these
    transferable:                   # held at another registrar; Transfer_Domain needs the AuthInfo
      - {DomainName: ..., AuthInfo: ..., TransferLock: Unlock, ...}
    premium:                        # premium names and their price (Register/Transfer/Renew/Restore need AgreedPrice)
      - {DomainName: ..., Price: 1500}
"""
import datetime

import yaml

from . import hosts
from .schema import ENUMS, TYPES
from .soap import is_array, parse_datetime
from .state import ACTIVE, DELETED, EXPIRING, add_years, utcnow

DEFAULT_ACCOUNT = {'account': 'demo', 'password': 'demo-password'}


class SeedError(ValueError):
    pass


def coerce(value, type_name, path):
    """A YAML value converted to what soap.py would have read for ``type_name``."""
    if value is None:
        return None
    if type_name in TYPES:
        if is_array(type_name):
            if not isinstance(value, list):
                raise SeedError('%s: expected a list' % path)
            item_type = TYPES[type_name][0][1][:-2]
            return [coerce(item, item_type, '%s[%d]' % (path, index)) for index, item in enumerate(value)]
        if not isinstance(value, dict):
            raise SeedError('%s: expected a mapping of %s fields' % (path, type_name))
        members = dict(TYPES[type_name])
        result = {}
        for key, item in value.items():
            if key not in members:
                raise SeedError('%s: %s has no field %r' % (path, type_name, key))
            result[key] = coerce(item, members[key], '%s.%s' % (path, key))
        return result
    if type_name in ENUMS:
        if value not in ENUMS[type_name]:
            raise SeedError('%s: %r is not a %s' % (path, value, type_name))
        return value
    try:
        if type_name == 'string':
            return str(value)
        if type_name == 'int':
            return int(value)
        if type_name == 'boolean':
            if isinstance(value, bool):
                return value
            return str(value).lower() in ('true', '1', 'yes')
        if type_name == 'DateTime':
            return parse_datetime(value)
    except (TypeError, ValueError) as error:
        raise SeedError('%s: %s' % (path, error))
    return value


def _domain(entry, path, store):
    entry = dict(entry)
    entry.pop('account', None)
    deleted_date = entry.pop('DeletedDate', None)
    domain = coerce(entry, 'Domain', path)
    name = hosts.normalize(domain.get('DomainName'))
    problem = hosts.name_problem(name, 'domain name')
    if problem:
        raise SeedError('%s: %s' % (path, problem))
    domain['DomainName'] = name
    now = utcnow()
    domain.setdefault('Status', ACTIVE)
    if domain['Status'].upper() not in (ACTIVE, EXPIRING, DELETED):
        raise SeedError('%s: Status must be %s or %s' % (path, ACTIVE, EXPIRING))
    domain['Status'] = domain['Status'].upper()
    domain.setdefault('CreDate', add_years(now, -1))
    domain.setdefault('ExpDate', add_years(now, 1))
    domain.setdefault('AuthInfo', store.new_auth_info())
    for lock in ('TransferLock', 'DeleteLock', 'UpdateLock'):
        domain.setdefault(lock, 'Unlock')
        if domain[lock] not in ('Lock', 'Unlock'):
            raise SeedError('%s.%s must be Lock or Unlock' % (path, lock))
    for role in ('Registrant', 'AdminContact', 'TechContact', 'BillingContact', 'ResellerContact'):
        if domain.get(role) and not domain[role].get('Handle'):
            domain[role]['Handle'] = store.new_contact_handle()
    return domain, (parse_datetime(deleted_date) if deleted_date else None)


def load(store, path=None):
    """Fill ``store`` from the seed file at ``path`` (None: the default account only)."""
    data = {}
    if path:
        with open(path, encoding='utf-8') as handle:
            data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise SeedError('the seed must be a mapping')
    unknown = set(data) - {'accounts', 'domains', 'deleted', 'registered_elsewhere', 'transferable', 'premium'}
    if unknown:
        raise SeedError('unknown seed keys: %s' % ', '.join(sorted(unknown)))
    for entry in data.get('accounts') or [DEFAULT_ACCOUNT]:
        if not entry.get('account') or entry.get('password') is None:
            raise SeedError('accounts: every entry needs account and password')
        store.add_account(str(entry['account']), str(entry['password']))
    first = next(iter(store.accounts))
    seen = set()
    for key in ('domains', 'deleted'):
        for index, entry in enumerate(data.get(key) or []):
            path_ = '%s[%d]' % (key, index)
            account = store.accounts.get(str(entry.get('account') or first))
            if account is None:
                raise SeedError('%s: unknown account %r' % (path_, entry.get('account')))
            domain, deleted_at = _domain(entry, path_, store)
            if domain['DomainName'] in seen:
                raise SeedError('%s: %s is listed twice' % (path_, domain['DomainName']))
            seen.add(domain['DomainName'])
            handle = domain.get('DomainHandle')
            if handle and any(handle in a.domains or handle in a.deleted for a in store.accounts.values()):
                raise SeedError('%s: DomainHandle %s is used twice' % (path_, handle))
            if key == 'deleted':
                store.add_domain(account, domain, deleted_at=deleted_at or utcnow() - datetime.timedelta(days=1))
            else:
                if domain['Status'] == DELETED:
                    raise SeedError('%s: put deleted domains under "deleted:"' % path_)
                store.add_domain(account, domain)
    for name in data.get('registered_elsewhere') or []:
        name = hosts.normalize(name)
        if name in seen:
            raise SeedError('registered_elsewhere: %s is also an account domain' % name)
        store.registered_elsewhere.add(name)
    for index, entry in enumerate(data.get('premium') or []):
        if not isinstance(entry, dict) or not entry.get('DomainName') or entry.get('Price') is None:
            raise SeedError('premium[%d]: needs DomainName and Price' % index)
        store.premium[hosts.normalize(str(entry['DomainName']))] = float(entry['Price'])
    for index, entry in enumerate(data.get('transferable') or []):
        if not entry.get('AuthInfo'):
            raise SeedError('transferable[%d]: the AuthInfo a transfer must match is missing' % index)
        domain, _unused = _domain(entry, 'transferable[%d]' % index, store)
        if domain['DomainName'] in seen:
            raise SeedError('transferable[%d]: %s is also an account domain' % (index, domain['DomainName']))
        store.transferable[domain['DomainName']] = domain


# --generate N: a portfolio for benchmarks, on top of the seed. One registrant, admin/billing
# and tech contact and two name-server sets are shared by all (handles included, as a real
# portfolio reuses its contacts); autorenew, locks and expiry vary so that reports find something.
GENERATED_NAME = 'bench-%05d.com'
GENERATED_CONTACTS = {
    'Registrant': {'Handle': 'SBXR-BENCH', 'Name': 'Erika Mustermann', 'OrgName': 'Bench Holding', 'Address1': 'Example Street 1',
                   'City': 'Example City', 'PostalCode': '12345', 'CountryCode': 'DK', 'Email': 'owner@example.com',
                   'Phone': '+45.12345678'},
    'AdminContact': {'Handle': 'SBXC-BENCH-ADMIN', 'FirstName': 'Erika', 'LastName': 'Mustermann', 'OrgName': 'Bench Holding',
                     'Address1': 'Example Street 1', 'City': 'Example City', 'PostalCode': '12345', 'CountryCode': 'DK',
                     'Email': 'admin@example.com', 'Phone': '+45.12345678'},
    'TechContact': {'Handle': 'SBXC-BENCH-TECH', 'FirstName': 'John', 'LastName': 'Doe', 'OrgName': 'Example Hosting',
                    'Address1': 'Example Road 2', 'City': 'Example Town', 'PostalCode': '54321', 'CountryCode': 'DK',
                    'Email': 'tech@example.net', 'Phone': '+45.87654321'},
}
GENERATED_NAMESERVERS = (
    {'NameServer1': {'HostName': 'ns1.example.net'}, 'NameServer2': {'HostName': 'ns2.example.net'}},
    {'NameServer1': {'HostName': 'ns1.example.org'}, 'NameServer2': {'HostName': 'ns2.example.org'},
     'NameServer3': {'HostName': 'ns3.example.org'}},
)


def generated_domain(number, now=None):
    """The seed entry (Ascio Domain field names) of generated domain ``number`` (from 1)."""
    now = now or utcnow()
    contacts = dict((role, dict(data)) for role, data in GENERATED_CONTACTS.items())
    return dict(
        contacts,
        DomainName=GENERATED_NAME % number,
        DomainHandle='SBXD-BENCH-%05d' % number,
        # Every 7th has autorenew off (Expire_Domain), every 3rd no transfer lock.
        Status=EXPIRING if number % 7 == 0 else ACTIVE,
        TransferLock='Unlock' if number % 3 == 0 else 'Lock',
        CreDate=add_years(now, -2) + datetime.timedelta(days=number % 365),
        # Expiry spread over two years from 10 days on, so "expires within N days" selects a share.
        ExpDate=now + datetime.timedelta(days=10 + (number * 37) % 730),
        AuthInfo='Bench-%05d!' % number,
        BillingContact=dict(GENERATED_CONTACTS['AdminContact']),
        NameServers=dict((slot, dict(server)) for slot, server in GENERATED_NAMESERVERS[number % 2].items()),
    )


def generate(store, count):
    """Add ``count`` generated domains to the first account (after ``load``)."""
    if not count:
        return
    if count < 0 or count > 99999:
        raise SeedError('--generate takes 0 to 99999 domains, got %d' % count)
    account = next(iter(store.accounts.values()))
    now = utcnow()
    for number in range(1, count + 1):
        domain, _unused = _domain(generated_domain(number, now), 'generated[%d]' % number, store)
        if account.domain_by_name(domain['DomainName']) is not None:
            raise SeedError('generated %s is also a seed domain' % domain['DomainName'])
        store.add_domain(account, domain)
