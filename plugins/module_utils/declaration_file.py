# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain declarations read from a file by the module itself (the portfolio module's ``domains_file``).

Ansible templates, tags and copies every value of a task's arguments and variables; for a thousand
declarations that costs seconds before the module starts (docs/benchmarks.md#portfolio). A file the
module reads is parsed once, by the standard JSON parser or PyYAML, and checked against the same
argument spec as ``domains``.
"""
from __future__ import annotations

import json

from ansible_collections.domainops.registrar.plugins.module_utils import declaration
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.export import declarations

try:
    import yaml
    _LOADER = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
except ImportError:  # PyYAML comes with ansible-core; only a bare remote Python lacks it
    yaml = None


def parse(text, path):
    """The file's data: JSON (the faster parser), else YAML (InputError when it is neither)."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    if yaml is None:
        raise InputError('domains_file %s is not JSON, and PyYAML (to read YAML) is not installed where the module '
                         'runs: write the file as JSON, or install PyYAML there' % path)
    try:
        return yaml.load(text, Loader=_LOADER)  # nosec B506: a safe loader
    except yaml.YAMLError as exc:
        raise InputError('domains_file %s is neither JSON nor YAML: %s' % (path, exc))


def items_of(data, path):
    """The declarations of the file's data: a list of items, or the export of domain_info
    (``portfolio_domains`` with ``portfolio_contacts``), whose contact references are resolved."""
    exported = isinstance(data, dict) and 'portfolio_domains' in data
    items = data['portfolio_domains'] if exported else data
    if not isinstance(items, list):
        raise InputError('domains_file %s must hold a list of domain declarations, or a mapping with portfolio_domains '
                         '(and portfolio_contacts) as domain_info export=true returns it' % path)
    if not all(isinstance(item, dict) for item in items):
        raise InputError('domains_file %s: every declaration must be a mapping with at least a name' % path)
    if not exported:
        return items
    contacts = data.get('portfolio_contacts') or {}
    if not isinstance(contacts, dict):
        raise InputError('domains_file %s: portfolio_contacts must be a mapping of names to contacts' % path)
    try:
        return declarations(dict(data, portfolio_contacts=contacts))
    except InputError as exc:
        raise InputError('domains_file %s: %s' % (path, exc))


def read(path):
    """(items checked and completed like ``domains``, the secrets among them for no_log)."""
    try:
        with open(path, encoding='utf-8') as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError('domains_file %s cannot be read: %s' % (path, exc.strerror or exc))
    items = items_of(parse(text, path), path)
    secrets = set()
    return declaration.checked_items(items, 'domains_file', secrets), secrets
