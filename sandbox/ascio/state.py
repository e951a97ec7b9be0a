# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The sandbox's in-memory state: accounts, sessions, domains, orders, poll queues.

Everything is guarded by ``Store.lock``; callers hold it for a whole SOAP call.
Domains are dicts with the Ascio ``Domain`` field names and Python values
(datetime for DateTime, int, bool) - the shape soap.py reads and writes.
"""
import copy
import datetime
import json
import os
import secrets
import string
import threading
import time

ACTIVE = 'ACTIVE'
EXPIRING = 'EXPIRING'
DELETED = 'DELETED'

# Ascio's domain rules with their sources, read from the reference data (never from plugins/).
RULES_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          'docs', 'reference', 'ascio-rules.json')
with open(RULES_PATH, encoding='utf-8') as _handle:
    RULES = json.load(_handle)
LOCK_TOKENS = RULES['lock_status_tokens']['value']
STATUS_SEPARATOR = RULES['lock_status_tokens']['separator']


def status_tokens(status):
    """A combined Status ("EXPIRING, UPDATE_LOCK") as a set of upper-case words."""
    return set(word.strip() for word in (status or '').upper().split(STATUS_SEPARATOR.strip()) if word.strip())


def shown_status(domain):
    """The Status Ascio reports: the domain's state and a token for every lock that is on
    (rules: lock_status_tokens; "These may be combined")."""
    words = [domain.get('Status') or ACTIVE]
    words += [token for element, token in LOCK_TOKENS.items() if domain.get(element) == 'Lock']
    return STATUS_SEPARATOR.join(words)


def shown(domain):
    """A copy of the domain as GetDomain/SearchDomain return it."""
    result = copy.deepcopy(domain)
    result['Status'] = shown_status(domain)
    return result


# Restore_Domain: "Is only possible for weeks after deletion" (seed).  The
# sandbox uses the 30 days of the gTLD redemption grace period.
RESTORE_WINDOW = datetime.timedelta(days=30)


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def add_years(value, years):
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


class Account:
    def __init__(self, name, password):
        self.name = name
        self.password = password
        self.domains = {}        # DomainHandle -> domain (ACTIVE or EXPIRING)
        self.deleted = {}        # DomainHandle -> domain (DELETED), restorable
        self.deleted_at = {}     # DomainHandle -> datetime of deletion
        self.orders = {}         # OrderId -> processing.OrderRecord, in creation order
        self.queue = []          # QueueItem dicts, oldest first
        self.dnssec_keys = {}    # Handle -> DnsSecKey (CreateDnsSecKey)

    def domain_by_name(self, name, deleted=False):
        pool = self.deleted if deleted else self.domains
        for domain in pool.values():
            if domain.get('DomainName', '').lower() == name:
                return domain
        return None

    def contact_by_handle(self, handle):
        """A contact or registrant already used by one of the account's domains."""
        for domain in self.domains.values():
            for field in ('Registrant', 'AdminContact', 'TechContact', 'BillingContact', 'ResellerContact'):
                contact = domain.get(field)
                if contact and contact.get('Handle') == handle:
                    return field, contact
        return None, None


class Store:
    def __init__(self, session_timeout=1200.0):
        self.lock = threading.RLock()
        self.changed = threading.Condition(self.lock)
        self.session_timeout = session_timeout
        self.accounts = {}
        self.sessions = {}                 # sessionId -> [account name, last use (monotonic)]
        self.registered_elsewhere = set()  # names registered at another registrar
        self.transferable = {}             # name -> domain held elsewhere, with its AuthInfo
        self.premium = {}                  # name -> the registry's price of a premium name (seed)
        self._counters = {}

    # -- ids
    def next_id(self, kind):
        self._counters[kind] = self._counters.get(kind, 0) + 1
        return self._counters[kind]

    def new_domain_handle(self):
        return 'SBXD%06d' % self.next_id('domain')

    def new_contact_handle(self):
        return 'SBXC%06d' % self.next_id('contact')

    def new_dnssec_key_handle(self):
        return 'SBXK%06d' % self.next_id('dnssec_key')

    def new_order_id(self):
        return 'SBX%07d' % self.next_id('order')

    def new_msg_id(self):
        return self.next_id('message')

    @staticmethod
    def new_auth_info():
        alphabet = string.ascii_letters + string.digits
        return ''.join(secrets.choice(alphabet) for _position in range(12)) + '!' + secrets.choice(string.digits)

    # -- accounts and sessions
    def add_account(self, name, password):
        self.accounts[name] = Account(name, password)
        return self.accounts[name]

    def login(self, account, password):
        known = self.accounts.get(account or '')
        if known is None or not secrets.compare_digest(known.password.encode(), (password or '').encode()):
            return None
        session_id = ''.join(secrets.choice(string.ascii_lowercase + string.digits) for _position in range(24))
        self.sessions[session_id] = [known.name, time.monotonic()]
        return session_id

    def account_for(self, session_id):
        """The account of a live session, or None (unknown or expired)."""
        entry = self.sessions.get(session_id or '')
        if entry is None:
            return None
        now = time.monotonic()
        if now - entry[1] > self.session_timeout:
            del self.sessions[session_id]
            return None
        entry[1] = now
        return self.accounts[entry[0]]

    def logout(self, session_id):
        return self.sessions.pop(session_id or '', None) is not None

    # -- domains
    def add_domain(self, account, domain, deleted_at=None):
        handle = domain.get('DomainHandle') or self.new_domain_handle()
        domain['DomainHandle'] = handle
        if deleted_at is not None:
            domain['Status'] = DELETED
            account.deleted[handle] = domain
            account.deleted_at[handle] = deleted_at
        else:
            account.domains[handle] = domain
        return domain

    def holder_of(self, name):
        """The account holding an active domain ``name``, or None."""
        for account in self.accounts.values():
            if account.domain_by_name(name) is not None:
                return account
        return None

    def in_redemption(self, name, now=None):
        now = now or utcnow()
        for account in self.accounts.values():
            domain = account.domain_by_name(name, deleted=True)
            if domain is not None and now - account.deleted_at[domain['DomainHandle']] <= RESTORE_WINDOW:
                return account
        return None
