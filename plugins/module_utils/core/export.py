# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An account's domains as exactly the ``portfolio`` role's input (adoption of an existing account).

Contacts holding the same data are one shared definition, whatever their handles, so that a
hostmaster written the same way on 500 domains is declared once. Only what the registrar
reports is exported (a lock or autorenew it does not report is left unmanaged), so that
converging the export changes nothing.
"""
import re

from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import CONTACT_ROLES


def contact_data(contact):
    """The contact's declared fields (the data, without the registrar's handle), Nones left out."""
    data = dict((key, value) for key, value in contact.to_dict().items() if value is not None and key != 'handle')
    return data


def _data_key(data):
    return tuple(sorted((key, tuple(value) if isinstance(value, list) else value) for key, value in data.items()))


def _slug(text):
    slug = re.sub(r'[^a-z0-9]+', '_', (text or '').lower()).strip('_')
    return slug or 'contact'


def contact_name(data):
    """A readable definition name: the organisation, else the person (``example_ltd``, ``erika_mustermann``)."""
    person = ' '.join(part for part in (data.get('first_name'), data.get('last_name')) if part)
    return _slug(data.get('organization') or person or data.get('email'))


def nameserver_item(ns):
    """A host name alone, or a dict with its glue."""
    if ns.ipv4 is None and ns.ipv6 is None:
        return ns.name
    item = {'name': ns.name}
    if ns.ipv4 is not None:
        item['ipv4'] = ns.ipv4
    if ns.ipv6 is not None:
        item['ipv6'] = ns.ipv6
    return item


def export(domains):
    """``{'portfolio_contacts': {...}, 'portfolio_domains': [...]}`` for the Domains, sorted by name."""
    definitions = {}   # data key -> definition name
    contacts = {}      # definition name -> data
    items = []
    for domain in sorted(domains, key=lambda d: d.name):
        item = {'name': domain.name}
        if domain.nameservers:
            item['nameservers'] = [nameserver_item(ns) for ns in domain.nameservers]
        references = {}
        for role in CONTACT_ROLES:
            contact = domain.contacts.get(role)
            if contact is None:
                continue
            data = contact_data(contact)
            if not data:
                continue
            key = _data_key(data)
            if key not in definitions:
                name = base = contact_name(data)
                if name in contacts:
                    # Same organisation, another person: name the person too.
                    name = base = _slug('%s %s %s' % (data.get('organization') or '', data.get('first_name') or '',
                                                      data.get('last_name') or ''))
                number = 2
                while name in contacts:
                    name, number = '%s_%d' % (base, number), number + 1
                definitions[key] = name
                contacts[name] = data
            references[role] = definitions[key]
        if references:
            item['contacts'] = references
        if domain.autorenew is not None:
            item['autorenew'] = domain.autorenew
        for key, value in sorted(domain.locks.to_dict().items()):
            if value is not None:
                item[key] = value
        items.append(item)
    return {'portfolio_contacts': contacts, 'portfolio_domains': items}


def undefined_references(domains, contacts):
    """[(domain name, role, reference)] for every contact reference of ``domains`` that names no
    definition of ``contacts``, in the order given. A mapping is a contact itself, not a reference."""
    return [(item.get('name'), role, ref)
            for item in domains if isinstance(item, dict) and isinstance(item.get('contacts'), dict)
            for role, ref in item['contacts'].items() if isinstance(ref, str) and ref not in contacts]


def declarations(exported):
    """The export as the ``portfolio`` module's ``domains`` (each contact reference replaced by its data).

    A reference naming no definition is an InputError naming it and its domain. What is neither a
    reference nor a contact is left as it is, for the argument spec's check to refuse.
    """
    contacts = exported['portfolio_contacts']
    undefined = undefined_references(exported['portfolio_domains'], contacts)
    if undefined:
        raise InputError('contact references not defined in portfolio_contacts: %s'
                         % ', '.join(sorted(set('%s (%s)' % (ref, name) for name, _role, ref in undefined))))
    result = []
    for item in exported['portfolio_domains']:
        declared = dict(item)
        if isinstance(item.get('contacts'), dict):
            # A reference names a definition of portfolio_contacts; a mapping is the contact itself.
            declared['contacts'] = dict((role, dict(contacts[ref]) if isinstance(ref, str) else ref)
                                        for role, ref in item['contacts'].items())
        result.append(declared)
    return result
