# -*- coding: utf-8 -*-
"""Planned changes → AutoDNS tasks (routes and bodies). Pure: no I/O.

AutoDNS's domain update (``PUT /domain/{name}``, task 0102) takes only the keywords
it is given and loads the others from its database, so one update carries every
change that belongs to the domain object. Renewal and cancelation have routes of
their own.
"""
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Operation

# Aspects that are keywords of the domain object, sent together in one domain update.
DOMAIN_UPDATE_ASPECTS = ('nameservers', 'autorenew')
SUPPORTED_ASPECTS = DOMAIN_UPDATE_ASPECTS + ('renew', 'expire', 'delete')


def nameserver_body(nameservers):
    result = []
    for ns in nameservers:
        entry = {'name': ns.name}
        addresses = [a for a in (ns.ipv4, ns.ipv6) if a]
        if addresses:
            entry['ipAddresses'] = addresses
        result.append(entry)
    return result


def _domain_update(current, changes):
    body = {'name': current.name}
    for change in changes:
        if change.aspect == 'nameservers':
            body['nameServers'] = nameserver_body(change.after)
        elif change.aspect == 'autorenew':
            body['autoRenewStatus'] = 'TRUE' if change.after else 'FALSE'
    return _operation('PUT', '/domain/%s' % current.name, current.name, changes, body)


def _renew(current, change):
    # Seed 004: the current payable date, exactly as AutoDNS reported it, so that a
    # repeated or concurrent request cannot renew twice.
    body = {'period': {'period': change.after, 'unit': 'YEAR'},
            'payable': current.registrar_data.get('payable_raw')}
    return _operation('PUT', '/domain/%s/_renew' % current.name, current.name, [change], body)


def _cancelation(current, change, execution):
    body = {'domain': current.name, 'type': 'DELETE', 'execution': execution}
    return _operation('POST', '/domain/%s/cancelation' % current.name, current.name, [change], body)


def _operation(method, path, domain, changes, body):
    request = {'method': method, 'path': path, 'body': body}
    return Operation(name='%s %s' % (method, path), domain=domain,
                     aspects=tuple(c.aspect for c in changes), summary=request, payload=request)


def operations(current, changes):
    """One task per route, in the planner's order; domain-object keywords share one update."""
    result = []
    update = [c for c in changes if c.aspect in DOMAIN_UPDATE_ASPECTS]
    update_sent = False
    for change in changes:
        if change.aspect in DOMAIN_UPDATE_ASPECTS:
            if not update_sent:
                result.append(_domain_update(current, update))
                update_sent = True
        elif change.aspect == 'renew':
            result.append(_renew(current, change))
        elif change.aspect == 'expire':
            result.append(_cancelation(current, change, 'EXPIRE'))
        elif change.aspect == 'delete':
            result.append(_cancelation(current, change, 'NOW'))
        else:
            raise ValueError('AutoDNS adapter cannot express %s' % change.aspect)
    return result
