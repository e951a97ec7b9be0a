# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Extract the AutoDNS wire facts the collection and its sandbox rely on from InterNetX's swagger.

Reads the OpenAPI 2.0 description of the AutoDNS JSON API (``autodns-swagger.json``, published by
InterNetX as ``src/domainrobot.json`` in github.com/InterNetX/domainrobot-api) and writes
``docs/reference/autodns-spec.json``: for the routes in ``ROUTES`` their parameters (path, query,
header, body) and task code, and every definition reachable from them, with types, formats,
enums, ``$ref`` and ``required`` lists. Prose (description, summary, example fields) is dropped so
the file holds facts only. The output is deterministic (sorted keys).

The swagger is not part of the collection; it is looked for in ``shared/reference/`` of the
nearest ancestor directory of this checkout, or given with ``--swagger``.

Usage:
    python tools/extract_autodns_reference.py            # (re)write docs/reference/autodns-spec.json
    python tools/extract_autodns_reference.py --check    # exit 1 when the file is out of date
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, 'docs', 'reference', 'autodns-spec.json')
SWAGGER_NAME = 'autodns-swagger.json'

# The routes the collection sends (plugins/module_utils/autodns) or the sandbox serves
# (sandbox/autodns/routes.py), as the swagger writes them.
ROUTES = (
    ('post', '/domain'),
    ('post', '/domain/_search'),
    ('post', '/domain/_transfer'),
    ('post', '/domain/_trade'),
    ('post', '/domain/_ownerChange'),
    ('post', '/domain/restore/_search'),
    ('get', '/domain/{name}'),
    ('put', '/domain/{name}'),
    ('put', '/domain/{name}/_renew'),
    ('put', '/domain/{name}/_statusUpdate'),
    ('put', '/domain/{name}/_ownerChange'),
    ('put', '/domain/{name}/_restore'),
    ('put', '/domain/{name}/_dnssec'),
    ('post', '/domain/{name}/_authinfo1'),
    ('delete', '/domain/{name}/_authinfo1'),
    ('get', '/domain/{name}/cancelation'),
    ('post', '/domain/{name}/cancelation'),
    ('put', '/domain/{name}/cancelation'),
    ('get', '/domainpremium/{name}'),
    ('delete', '/domain/{name}/cancelation'),
    ('post', '/contact'),
    ('post', '/contact/_search'),
    ('get', '/contact/{id}'),
    ('put', '/contact/{id}'),
    ('delete', '/contact/{id}'),
    ('post', '/job/_search'),
    ('get', '/job/{id}'),
    ('get', '/poll'),
    ('put', '/poll/{id}'),
)
# Keys that carry prose, not facts.
PROSE = frozenset(('description', 'summary', 'example', 'x-example', 'x-examples', 'title'))
PARAMETER_KEYS = ('name', 'in', 'required', 'type', 'format', 'enum', 'items', 'collectionFormat', 'default', 'schema')
TASK_CODE = re.compile(r'\((\d{4,})\)')
REF = '#/definitions/'


def find_swagger(start=ROOT):
    """``shared/reference/autodns-swagger.json`` in the nearest ancestor of ``start``, or None."""
    directory = os.path.dirname(start)
    while True:
        candidate = os.path.join(directory, 'shared', 'reference', SWAGGER_NAME)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def strip_prose(value):
    """``value`` without prose keywords; the property names of ``properties`` are data, kept all."""
    if isinstance(value, dict):
        result = dict((k, strip_prose(v)) for k, v in value.items() if k not in PROSE and k != 'properties')
        if isinstance(value.get('properties'), dict):
            result['properties'] = dict((k, strip_prose(v)) for k, v in value['properties'].items())
        return result
    if isinstance(value, list):
        return [strip_prose(v) for v in value]
    return value


def refs(value):
    """The definition names ``value`` refers to ($ref), at any depth."""
    found = set()
    if isinstance(value, dict):
        ref = value.get('$ref')
        if isinstance(ref, str) and ref.startswith(REF):
            found.add(ref[len(REF):])
        for item in value.values():
            found |= refs(item)
    elif isinstance(value, list):
        for item in value:
            found |= refs(item)
    return found


def extract(swagger):
    paths = swagger['paths']
    routes = {}
    for method, path in ROUTES:
        operation = paths[path][method]
        entry = {'parameters': [strip_prose(dict((k, p[k]) for k in PARAMETER_KEYS if k in p))
                                for p in operation.get('parameters', [])]}
        match = TASK_CODE.search(operation.get('summary') or '')
        if match:
            entry['task'] = match.group(1)
        schema = (operation.get('responses', {}).get('200') or {}).get('schema')
        if schema is not None:
            entry['response'] = strip_prose(schema)
        routes.setdefault(path, {})[method] = entry
    definitions = swagger['definitions']
    wanted, todo = set(), refs(routes)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        todo |= refs(definitions[name]) - wanted
    return {
        'source': {
            'file': SWAGGER_NAME,
            'origin': 'https://github.com/InterNetX/domainrobot-api (src/domainrobot.json)',
            'swagger': swagger.get('swagger'),
            'info_version': swagger['info'].get('version'),
            'info_title': swagger['info'].get('title'),
            'host': swagger.get('host'),
            'basePath': swagger.get('basePath'),
            'tool': 'tools/extract_autodns_reference.py',
        },
        'routes': routes,
        'definitions': dict((name, strip_prose(definitions[name])) for name in sorted(wanted)),
    }


def render(facts):
    return json.dumps(facts, indent=1, sort_keys=True, ensure_ascii=False) + '\n'


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('--swagger', help='path of autodns-swagger.json (default: shared/reference/ of an ancestor)')
    parser.add_argument('--output', default=OUTPUT)
    parser.add_argument('--check', action='store_true', help='exit 1 when the output file is not up to date')
    args = parser.parse_args(argv)
    source = args.swagger or find_swagger()
    if not source or not os.path.isfile(source):
        sys.stderr.write('extract_autodns_reference: %s not found; pass --swagger PATH\n' % SWAGGER_NAME)
        return 2
    with open(source, encoding='utf-8') as handle:
        text = render(extract(json.load(handle)))
    if args.check:
        try:
            with open(args.output, encoding='utf-8') as handle:
                current = handle.read()
        except OSError:
            current = None
        if current != text:
            sys.stderr.write('%s is out of date; run python tools/extract_autodns_reference.py\n' % args.output)
            return 1
        return 0
    with open(args.output, 'w', encoding='utf-8') as handle:
        handle.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
