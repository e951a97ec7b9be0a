"""Order validation and the change each order type makes to a domain.

``validate`` returns the reasons an order is refused (CreateOrder/ValidateOrder
answer 400 "Order not validated" with them in Values); ``apply`` makes the
change when the order completes and returns its final status.

Every rule names its source: "seed" is seeds/000_897ccb7d1bccf6d3.txt (the
order-type table), "README" the facts in reference/README.md, "sandbox" a
choice of the sandbox where the reference is silent (see docs/sandbox-ascio.md).
"""
from . import hosts

# OrderStatusType values an order does not leave.
TERMINAL = ('Completed', 'Failed', 'Invalid', 'Authentication_Failed')
# seed: "UpdateLock: The domain can't be updated."  Orders that update domain data.
UPDATES = ('Contact_Update', 'Registrant_Details_Update', 'Owner_Change', 'Nameserver_Update',
           'Update_AuthInfo')
# seed: "This order-type is triggered by Ascio" / "The transfer away is triggered by Ascio".
TRIGGERED_BY_ASCIO = ('Transfer_Away', 'Autorenew_Domain', 'Autodelete_Domain')


class Target:
    """What an order is about: the domain name and, when it exists, the domain."""

    def __init__(self, name, domain=None):
        self.name = name
        self.domain = domain

    @property
    def handle(self):
        return self.domain.get('DomainHandle') if self.domain else None


# ---------------------------------------------------------------- helpers

def _text(value):
    return (value or '').strip() if isinstance(value, str) or value is None else str(value)


def check_name_servers(name, order_domain, reasons, required=True):
    """The name server set of an order, or None.

    Host names and IPs must be valid; a name server at or below the domain
    needs a glue address (seed: "the glue-record must be set properly for some
    TLDs"); at least two name servers (sandbox: the .com registry rule, applied
    to every TLD).
    """
    servers = order_domain.get('NameServers')
    if not servers:
        if required:
            reasons.append('Domain.NameServers is missing')
        return None
    entries, seen = [], set()
    for index in range(1, 14):
        label = 'NameServer%d' % index
        item = servers.get(label)
        if not item:
            continue
        host = hosts.normalize(item.get('HostName'))
        if not host:
            if any(item.get(field) for field in ('IpAddress', 'IpV6Address', 'Handle')):
                reasons.append('%s has no HostName' % label)
            continue
        problem = hosts.name_problem(host)
        if problem:
            reasons.append('%s: %s' % (label, problem))
            continue
        if host in seen:
            reasons.append('%s: %s is listed twice' % (label, host))
            continue
        seen.add(host)
        entry = {'HostName': host}
        ipv4, ipv6 = _text(item.get('IpAddress')), _text(item.get('IpV6Address'))
        if ipv4:
            problem = hosts.ipv4_problem(ipv4)
            if problem:
                reasons.append('%s: %s' % (label, problem))
            entry['IpAddress'] = ipv4
        if ipv6:
            problem = hosts.ipv6_problem(ipv6)
            if problem:
                reasons.append('%s: %s' % (label, problem))
            entry['IpV6Address'] = ipv6
        if hosts.in_bailiwick(host, name) and not (ipv4 or ipv6):
            reasons.append('%s: %s is within %s, so a glue record (IpAddress or IpV6Address) is required'
                           % (label, host, name))
        entries.append(entry)
    if len(entries) < 2:
        reasons.append('at least 2 name servers are required, %d given' % len(entries))
    return entries


def name_servers_field(entries):
    return dict(('NameServer%d' % (index + 1), dict(entry)) for index, entry in enumerate(entries))


# ---------------------------------------------------------------- per order type: validation

def _v_nameserver_update(ctx):
    ctx.data['servers'] = check_name_servers(ctx.target.name, ctx.order_domain, ctx.reasons)


# ---------------------------------------------------------------- per order type: the change

def _a_nameserver_update(ctx, domain):
    domain['NameServers'] = name_servers_field(ctx.data['servers'])


# name: (validator, applier, where the domain must be: 'active', 'deleted', 'new')
HANDLERS = {
    'Nameserver_Update': (_v_nameserver_update, _a_nameserver_update, 'active'),
}


class Context:
    """One order being validated, and later applied."""

    def __init__(self, store, account, order):
        self.store = store
        self.account = account
        self.order = order
        self.order_domain = order.get('Domain') or {}
        self.order_type = order.get('Type')
        self.target = Target(hosts.normalize(self.order_domain.get('DomainName')))
        self.reasons = []
        self.data = {}


def validate(store, account, order, pending):
    """Check an order; returns its Context, with ``reasons`` empty when valid.

    ``pending(account, order_type, name)`` returns the OrderId of an order of
    that type for that domain that is not finished yet, or None.
    """
    ctx = Context(store, account, order)
    order_type = ctx.order_type
    if order_type in (None, 'NotSet'):
        ctx.reasons.append('Order.Type is missing')
        return ctx
    if order_type in TRIGGERED_BY_ASCIO:
        ctx.reasons.append('Order type %s is triggered by Ascio, not by partners' % order_type)
        return ctx
    if order_type not in HANDLERS:
        ctx.reasons.append('Order type %s is not supported by the sandbox' % order_type)
        return ctx
    if not order.get('Domain'):
        ctx.reasons.append('Order.Domain is missing')
        return ctx
    problem = hosts.name_problem(ctx.target.name, 'domain name')
    if problem:
        ctx.reasons.append('Domain.DomainName: %s' % problem)
        return ctx
    validator, _, where = HANDLERS[order_type]
    if where in ('active', 'deleted'):
        domain = account.domain_by_name(ctx.target.name, deleted=(where == 'deleted'))
        if domain is None:
            ctx.reasons.append('Domain %s is not %sin this account'
                               % (ctx.target.name, 'a deleted domain ' if where == 'deleted' else ''))
            return ctx
        ctx.target.domain = domain
        handle = ctx.order_domain.get('DomainHandle')
        if handle and handle != domain['DomainHandle']:
            ctx.reasons.append('Domain.DomainHandle %s is not the handle of %s' % (handle, ctx.target.name))
        if order_type in UPDATES and domain.get('UpdateLock') == 'Lock':
            ctx.reasons.append('Domain %s has UpdateLock set; unlock it with Change_Locks first'
                               % ctx.target.name)
    # One pending order per domain and order type (sandbox).
    pending_id = pending(account, order_type, ctx.target.name)
    if pending_id:
        ctx.reasons.append('Order %s of type %s for %s is still pending' % (pending_id, order_type, ctx.target.name))
    validator(ctx)
    return ctx


def apply(ctx):
    """Make the order's change; returns (OrderStatusType, message)."""
    _, applier, where = HANDLERS[ctx.order_type]
    domain = None
    if where in ('active', 'deleted'):
        pool = ctx.account.deleted if where == 'deleted' else ctx.account.domains
        domain = pool.get(ctx.target.handle)
        if domain is None:
            return 'Failed', 'Domain %s is no longer %s' % (
                ctx.target.name, 'deleted' if where == 'deleted' else 'in this account')
        if ctx.order_type in UPDATES and domain.get('UpdateLock') == 'Lock':
            return 'Failed', 'Domain %s has UpdateLock set' % ctx.target.name
    failure = applier(ctx, domain)
    if failure:
        return failure
    return 'Completed', '%s for %s completed' % (ctx.order_type, ctx.target.name)
