# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The judge: every request checked against InterNetX's swagger facts before a handler sees it.

The facts come from ``docs/reference/autodns-spec.json`` (written from the swagger by
``tools/extract_autodns_reference.py``); nothing here comes from the collection's plugins.
Checked, each refusal answered with the error envelope (HTTP 400, or 404 for a route the
swagger does not have):

- the route and method exist in the swagger (relative to its basePath /v1);
- path parameters have the swagger's type (``/contact/{id}``: integer);
- every query parameter is declared for the route, with its type and enum (``keys[]`` is the
  ``multi`` form of the array parameter ``keys``);
- a body is sent only where the route declares one, and it validates against the body's
  definition translated to JSON Schema: types and formats as the swagger writes them (an
  integer is never a string), enums, nested ``$ref``; properties the definition does not
  declare are refused (``additionalProperties: false``, see docs/sandbox-autodns.md).

Known defects of the swagger, handled here and listed in docs/sandbox-autodns.md: enum values
of some ``keys`` parameters carry stray braces (``"{sld"``, ``"status}"``), which are removed;
path parameters declared for routes whose path has no placeholder (``POST /domain/_trade``
declares ``name``) are ignored; the ``keys`` of ``POST /domain/_search`` also take the Domain
property names InterNetX's Domain List help page documents (``payable``, ...), from
``docs/reference/autodns-list-keys.json`` (``domain.help_keys``).
"""
import json
import os
import re
import urllib.parse

import jsonschema

from . import dates
from .envelope import ApiError, bad_request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC_FILE = os.path.join(ROOT, 'docs', 'reference', 'autodns-spec.json')
LIST_KEYS_FILE = os.path.join(ROOT, 'docs', 'reference', 'autodns-list-keys.json')
# Sandbox option --undeclared-properties: what a body property the definition lacks gets.
REFUSE, IGNORE = 'refuse', 'ignore'


def _date_time(value):
    """Swagger ``format: date-time`` as AutoDNS writes it (``2018-09-26T14:54:03.000+0200``;
    seed 004 also shows a space for the T). A bare date is not a date-time."""
    if not isinstance(value, str):
        return True  # the type check reports it
    try:
        return not dates.parse(value)[1]
    except ValueError:
        return False


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks('date-time')(_date_time)


def _clean_enum(values):
    return [v.strip('{}') if isinstance(v, str) else v for v in values]


def to_json_schema(node, undeclared):
    """A swagger 2.0 schema object → JSON Schema (draft 4) with the same types and rules."""
    if not isinstance(node, dict):
        return node
    if '$ref' in node:
        return {'$ref': node['$ref']}
    out = {}
    for key in ('type', 'format', 'enum', 'required', 'minimum', 'maximum', 'minLength', 'maxLength',
                'pattern', 'minItems', 'maxItems'):
        if key in node:
            out[key] = _clean_enum(node[key]) if key == 'enum' else node[key]
    if 'items' in node:
        out['items'] = to_json_schema(node['items'], undeclared)
    if 'properties' in node:
        out['properties'] = dict((k, to_json_schema(v, undeclared)) for k, v in node['properties'].items())
        if undeclared == REFUSE:
            out['additionalProperties'] = False
    elif 'additionalProperties' in node:
        out['additionalProperties'] = to_json_schema(node['additionalProperties'], undeclared)
    return out


def _template_regex(template):
    names = re.findall(r'{(\w+)}', template)
    pattern = re.sub(r'{(\w+)}', lambda m: '(?P<%s>[^/]+)' % m.group(1), template)
    return re.compile('^' + pattern + '$'), names


class Operation:
    """One swagger operation: its parameters by location and the JSON Schema of its body."""

    def __init__(self, method, template, entry, placeholders):
        self.method = method
        self.template = template
        self.task = entry.get('task')
        self.path = {}
        self.query = {}
        self.body = None
        for parameter in entry['parameters']:
            where = parameter['in']
            if where == 'path' and parameter['name'] in placeholders:
                self.path[parameter['name']] = parameter
            elif where == 'query':
                self.query[parameter['name']] = parameter
            elif where == 'body':
                self.body = parameter


class Spec:
    def __init__(self, facts, undeclared=REFUSE, extra_keys=None):
        self.source = facts['source']
        self.undeclared = undeclared
        self.definitions = dict((name, to_json_schema(node, undeclared))
                                for name, node in facts['definitions'].items())
        self.routes = []
        for template, methods in sorted(facts['routes'].items()):
            regex, placeholders = _template_regex(template)
            operations = dict((m.upper(), Operation(m.upper(), template, e, placeholders)) for m, e in methods.items())
            self.routes.append((regex, template, operations))
        # literal segments first: /domain/_search before /domain/{name}
        self.routes.sort(key=lambda r: (r[1].count('{'), r[1]))
        for (method, template), values in (extra_keys or {}).items():
            self._extend_keys(method, template, values)

    def _extend_keys(self, method, template, values):
        for _regex, route, operations in self.routes:
            if route == template and method in operations and 'keys' in operations[method].query:
                declared = operations[method].query['keys']
                items = dict(declared.get('items') or {})
                enum = _clean_enum(items.get('enum') or [])
                items['enum'] = enum + [v for v in values if v not in enum]
                operations[method].query['keys'] = dict(declared, items=items)

    @classmethod
    def load(cls, path=SPEC_FILE, undeclared=REFUSE, list_keys_path=LIST_KEYS_FILE):
        with open(path, encoding='utf-8') as handle:
            facts = json.load(handle)
        with open(list_keys_path, encoding='utf-8') as handle:
            lists = json.load(handle)
        return cls(facts, undeclared, {('POST', '/domain/_search'): lists['domain']['help_keys']})

    def operation(self, method, path):
        """(Operation, path values) or ApiError 404/405 for a route the swagger lacks."""
        allowed = []
        for regex, template, operations in self.routes:
            match = regex.match(path)
            if not match:
                continue
            if method in operations:
                return operations[method], match.groupdict()
            allowed.extend(operations)
        if allowed:
            raise ApiError(405, 'METHOD_NOT_ALLOWED', 'Method %s is not allowed for %s; the API has: %s.'
                           % (method, path, ', '.join(sorted(allowed))))
        raise ApiError(404, 'ROUTE_NOT_FOUND', 'There is no route %s /v1%s in the API.' % (method, path))

    def schema(self, node):
        root = to_json_schema(node, self.undeclared)
        root['definitions'] = self.definitions
        return root

    def _value_problems(self, where, parameter, raw):
        """Problems of one path/query value (a string from the URL) for its declared type."""
        kind = parameter.get('type')
        values = raw if isinstance(raw, list) else [raw]
        if kind == 'array':
            item = parameter.get('items') or {}
            return [p for v in values for p in self._value_problems(where, item, v)]
        if len(values) > 1:
            return ['%s: given %d times, declared once' % (where, len(values))]
        value = values[0]
        problems = []
        if kind == 'integer' and not re.match(r'^-?\d+$', value):
            problems.append('%s: %r is not of type integer' % (where, value))
        elif kind == 'boolean' and value not in ('true', 'false'):
            problems.append('%s: %r is not of type boolean (true or false)' % (where, value))
        enum = _clean_enum(parameter.get('enum') or [])
        if enum and value not in enum:
            problems.append('%s: %r is not one of %s' % (where, value, ', '.join(enum)))
        return problems

    def check(self, operation, params, query_args, body, has_body):
        """ApiError(400) naming every problem of the request, or None."""
        problems = []
        for name, parameter in sorted(operation.path.items()):
            problems += self._value_problems('path parameter %s' % name, parameter,
                                             urllib.parse.unquote(params.get(name, '')))
        for given, values in sorted(query_args.items()):
            name = given[:-2] if given.endswith('[]') else given
            parameter = operation.query.get(name)
            if parameter is None or (given != name and parameter.get('type') != 'array'):
                declared = ', '.join(sorted(operation.query)) or 'none'
                problems.append('query parameter %s is not declared for %s %s (declared: %s)'
                                % (given, operation.method, operation.template, declared))
                continue
            problems += self._value_problems('query parameter %s' % given, parameter, values)
        if has_body and operation.body is None:
            problems.append('%s %s takes no request body' % (operation.method, operation.template))
        elif has_body and operation.body.get('schema'):
            validator = jsonschema.Draft4Validator(self.schema(operation.body['schema']), format_checker=FORMATS)
            for error in sorted(validator.iter_errors(body), key=lambda e: [str(p) for p in e.absolute_path]):
                where = 'body' + ''.join('[%d]' % p if isinstance(p, int) else '.%s' % p for p in error.absolute_path)
                problems.append('%s: %s' % (where, _message(error)))
        if problems:
            return bad_request('JSON_VALIDATION', 'The request does not match the API definition: ' + problems[0]
                               + ('' if len(problems) == 1 else ' (and %d more)' % (len(problems) - 1)),
                               None, problems)
        return None


def _message(error):
    if error.validator == 'additionalProperties':
        return '%s (properties the API definition does not declare)' % error.message
    if error.validator == 'format':
        return '%r is not a %s (e.g. 2020-12-31T12:00:00.000+0200)' % (error.instance, error.validator_value)
    return error.message
