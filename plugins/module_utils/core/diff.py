# -*- coding: utf-8 -*-
"""What ``--diff`` shows for a task: the managed part of the domain before and after, readably.

Ansible renders a dict diff as sorted JSON lines, so the shapes here are chosen to make those
lines say what changes: name servers as one sorted line each (order does not matter to the
registries), contacts keyed by role with only the fields they hold, the domain name in the
headers, and ``state: absent`` with the cancelation a task sends.
"""


def nameserver_line(ns):
    """``ns1.example.com`` or, with glue, ``ns1.example.com 192.0.2.1 2001:db8::1``."""
    return ' '.join(part for part in (ns.name, ns.ipv4, ns.ipv6) if part)


def _contact(contact):
    if contact is None:
        return None
    return dict((key, value) for key, value in contact.to_dict().items() if value is not None)


def domain_view(domain, aspects):
    """The aspects of ``domain`` a task manages, shaped for the diff."""
    if domain is None:
        return {'state': 'absent'}
    data = domain.to_dict()
    view = {}
    for key in aspects:
        if key == 'nameservers':
            view[key] = sorted(set(nameserver_line(ns) for ns in domain.nameservers))
        elif key == 'contacts':
            view[key] = dict((role, _contact(c)) for role, c in sorted(domain.contacts.items()))
        elif key in data:
            view[key] = data[key]
    return view


def absent_view(desired, current, operations):
    """A domain a task removes: absent, with how (lapse at expiry or delete now) and what is sent."""
    view = {'state': 'absent', 'absent_action': desired.delete_mode,
            'cancelation': [op.name for op in operations]}
    if desired.delete_mode == 'expire' and current is not None and current.expires:
        view['lapses_on'] = current.expires.isoformat()
    return view


def task_diff(name, current, after, aspects, operations, desired):
    """The ``diff`` result of a task on ``name``: before (``current``) and after."""
    before = domain_view(current, aspects)
    if not desired.present and current is not None and operations:
        after_view = absent_view(desired, current, operations)
    else:
        after_view = domain_view(after, aspects)
    return {'before': before, 'after': after_view,
            'before_header': '%s (before)' % name, 'after_header': '%s (after)' % name}
