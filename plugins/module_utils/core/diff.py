# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What ``--diff`` shows for a task: the managed part of the domain before and after, readably.

The diff is text, one fact per line, in a YAML-like layout: a dict would be shown as JSON,
where adding an item to a list also changes the line before it (its trailing comma). Name
servers are one sorted line each (their order does not matter to the registries), contacts
are keyed by role with only the fields they hold, the headers name the domain, and
``state: absent`` comes with the cancelation the task sends.
"""
import json


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


def _scalar(value):
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    text = str(value)
    # Registrar data could hold anything; keep one value on one line.
    return json.dumps(text) if (not text or text != text.strip() or any(ord(c) < 32 for c in text)) else text


def render(view, indent=0):
    """``view`` (dicts, lists, scalars) as indented text lines, keys sorted, ending in a newline."""
    lines = []
    pad = ' ' * indent
    for key in sorted(view):
        value = view[key]
        if isinstance(value, dict):
            lines.append('%s%s:%s' % (pad, key, '' if value else ' {}'))
            if value:
                lines.append(render(value, indent + 2).rstrip('\n'))
        elif isinstance(value, (list, tuple)):
            lines.append('%s%s:%s' % (pad, key, '' if value else ' []'))
            lines.extend('%s  - %s' % (pad, _scalar(item)) for item in value)
        else:
            lines.append('%s%s: %s' % (pad, key, _scalar(value)))
    return '\n'.join(lines) + '\n'


def task_diff(name, current, after, aspects, operations, desired):
    """The ``diff`` result of a task on ``name``: before (``current``) and after."""
    before = domain_view(current, aspects)
    if not desired.present and current is not None and operations:
        after_view = absent_view(desired, current, operations)
    else:
        after_view = domain_view(after, aspects)
    # Ansible prints these as "--- before: example.com" and "+++ after: example.com".
    return {'before': render(before), 'after': render(after_view), 'before_header': name, 'after_header': name}
