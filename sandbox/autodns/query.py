# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The swagger ``Query`` of the ``_search`` routes: filters, view, orders.

``filters``: QueryFilter {key, value | values, operator, link, filters}.
A list of filters is read left to right; each filter's ``link`` (AND | OR,
default AND) joins it to the next one, AND binding tighter than OR. A filter
with nested ``filters`` and no ``key`` is a group. ``LIKE``/``ILIKE`` use
``*`` or ``%`` as wildcard (sandbox choice; the reference gives no syntax).
``view`` {limit, offset}; ``orders`` [{key, type ASC|DESC}].
"""
import fnmatch

from . import dates
from .envelope import bad_request

OPERATORS = ('EQUAL', 'NOT_EQUAL', 'NOT_LIKE', 'LIKE', 'ILIKE', 'GREATER', 'GREATER_EQUAL',
             'LESS', 'LESS_EQUAL', 'IS_NULL', 'IS_NOT_NULL', 'NOT_LESS', 'NOT_GREATER',
             'NOT_LESS_EQUAL', 'NOT_GREATER_EQUAL', 'IN', 'NOT_IN')


def _as_comparable(value, kind):
    if value is None:
        return None
    if kind == 'date':
        return dates.parse(value)[0]
    if kind == 'int':
        return int(value)
    return str(value)


def _like(pattern, value, fold):
    if value is None:
        return False
    pattern = pattern.replace('%', '*')
    if fold:
        pattern, value = pattern.lower(), value.lower()
    return fnmatch.fnmatchcase(value, pattern)


def _leaf(flt, obj, fields, obj_type, cache):
    key = flt.get('key')
    if key not in fields:
        raise bad_request('INVALID_QUERY', 'Unknown filter key %r; keys: %s'
                          % (key, ', '.join(sorted(fields))), {'type': obj_type})
    getter, kind = fields[key]
    operator = flt.get('operator', 'EQUAL')
    if operator not in OPERATORS:
        raise bad_request('INVALID_QUERY', 'Unknown operator %r' % (operator,), {'type': obj_type})
    actual = getter(obj)
    actual_values = actual if isinstance(actual, list) else [actual]
    if operator == 'IS_NULL':
        return all(v in (None, '') for v in actual_values)
    if operator == 'IS_NOT_NULL':
        return any(v not in (None, '') for v in actual_values)
    raw_values = flt.get('values') if flt.get('values') is not None else [flt.get('value')]
    if any(v is None for v in raw_values):
        raise bad_request('INVALID_QUERY', 'Filter %r needs a value' % key, {'type': obj_type})
    if operator in ('LIKE', 'ILIKE', 'NOT_LIKE'):
        fold = operator != 'LIKE' or kind != 'str'
        hit = any(_like(str(raw_values[0]), None if v is None else str(v), fold) for v in actual_values)
        return hit if operator != 'NOT_LIKE' else not hit
    try:
        # an IN list of a thousand names is converted once per request, not once per object
        if id(flt) not in cache:
            cache[id(flt)] = [_as_comparable(v, kind) for v in raw_values]
        wanted = cache[id(flt)]
        have = [_as_comparable(v, kind) for v in actual_values]
    except (ValueError, TypeError):
        raise bad_request('INVALID_QUERY', 'Filter %r: value of the wrong kind (%s expected)'
                          % (key, kind), {'type': obj_type})
    if operator in ('IN', 'NOT_IN'):
        if id(flt) not in cache.setdefault('sets', {}):
            cache['sets'][id(flt)] = set(w for w in wanted if w is not None)
        hit = any(h is not None and h in cache['sets'][id(flt)] for h in have)
        return hit if operator == 'IN' else not hit
    w = wanted[0]

    def one(h):
        if h is None:
            return operator == 'NOT_EQUAL'
        return {
            'EQUAL': h == w, 'NOT_EQUAL': h != w,
            'GREATER': h > w, 'NOT_GREATER': not h > w,
            'GREATER_EQUAL': h >= w, 'NOT_GREATER_EQUAL': not h >= w,
            'LESS': h < w, 'NOT_LESS': not h < w,
            'LESS_EQUAL': h <= w, 'NOT_LESS_EQUAL': not h <= w,
        }[operator]

    if operator == 'NOT_EQUAL':
        return all(one(h) for h in have)
    return any(one(h) for h in have)


def _matches_list(filters, obj, fields, obj_type, cache):
    if not filters:
        return True
    # OR-separated runs of AND
    runs, current = [], []
    for flt in filters:
        if not isinstance(flt, dict):
            raise bad_request('INVALID_QUERY', 'A filter must be an object', {'type': obj_type})
        current.append(flt)
        link = flt.get('link') or 'AND'
        if link not in ('AND', 'OR'):
            raise bad_request('INVALID_QUERY', 'link must be AND or OR', {'type': obj_type})
        if link == 'OR':
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return any(all(_matches(f, obj, fields, obj_type, cache) for f in run) for run in runs)


def _matches(flt, obj, fields, obj_type, cache):
    if flt.get('key') is None and flt.get('filters'):
        return _matches_list(flt['filters'], obj, fields, obj_type, cache)
    result = _leaf(flt, obj, fields, obj_type, cache)
    if flt.get('key') is not None and flt.get('filters'):
        result = result and _matches_list(flt['filters'], obj, fields, obj_type, cache)
    return result


def run(query, objects, fields, obj_type):
    """Filter, order and page ``objects``; return (page, total)."""
    if query is None:
        query = {}
    if not isinstance(query, dict):
        raise bad_request('INVALID_QUERY', 'The request body must be a Query object', {'type': obj_type})
    filters = query.get('filters') or []
    if not isinstance(filters, list):
        raise bad_request('INVALID_QUERY', 'filters must be a list', {'type': obj_type})
    cache = {}
    hits = [o for o in objects if _matches_list(filters, o, fields, obj_type, cache)]
    for order in reversed(query.get('orders') or []):
        key = order.get('key')
        if key not in fields:
            raise bad_request('INVALID_QUERY', 'Unknown order key %r' % (key,), {'type': obj_type})
        getter, kind = fields[key]

        def sort_key(o, getter=getter, kind=kind):
            v = getter(o)
            v = v[0] if isinstance(v, list) and v else (None if isinstance(v, list) else v)
            c = _as_comparable(v, kind)
            return (c is None, c if c is not None else 0)
        hits.sort(key=sort_key, reverse=order.get('type', 'ASC') == 'DESC')
    total = len(hits)
    view = query.get('view') or {}
    offset = view.get('offset') or 0
    limit = view.get('limit')
    if not isinstance(offset, int) or offset < 0 or (limit is not None and (not isinstance(limit, int) or limit < 0)):
        raise bad_request('INVALID_QUERY', 'view.offset and view.limit must be non-negative numbers',
                          {'type': obj_type})
    hits = hits[offset:offset + limit if limit is not None else None]
    return hits, total
