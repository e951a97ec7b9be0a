# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a planned operation costs or cannot undo, and the ``allow`` gate over it.

Every planned operation carries ``billable`` (the registrar charges for it: register, transfer,
renew, restore, trade), ``irreversible`` (a delete now, a change of holder), ``locks_transfer_days``
(a change that starts a transfer lock: 60 days after a gTLD change of registrant under ICANN's
Transfer Policy) and ``price`` when the registrar said it. The aspects give the defaults; an
adapter adds what its registrar's rules say (Operation.consequences, docs/reference/consequences.json).
"""
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects

BILLABLE = 'billable'
IRREVERSIBLE = 'irreversible'
KINDS = (BILLABLE, IRREVERSIBLE)

BILLABLE_ASPECTS = (aspects.REGISTER, aspects.TRANSFER, aspects.RESTORE, aspects.RENEW)
IRREVERSIBLE_ASPECTS = (aspects.DELETE,)

ALLOW_ARGSPEC = dict(allow=dict(type='list', elements='str', choices=list(KINDS)))


def rule_marks(rule, lock_days, gtld):
    """Operation.consequences from one registrar rule of docs/reference/consequences.json (None: no rule)."""
    if rule is None:
        return {}
    result = dict((key, rule[key]) for key in (BILLABLE, IRREVERSIBLE) if key in rule)
    if rule.get('gtld_transfer_lock') and gtld:
        result['locks_transfer_days'] = lock_days
    return result


def marks(operation):
    """``{billable, irreversible, locks_transfer_days, price}`` of a planned operation."""
    result = {
        BILLABLE: any(a in BILLABLE_ASPECTS for a in operation.aspects),
        IRREVERSIBLE: any(a in IRREVERSIBLE_ASPECTS for a in operation.aspects),
        'locks_transfer_days': None,
        'price': None,
    }
    result.update(operation.consequences or {})
    return result


def kinds(operation):
    """The kinds (billable, irreversible) a planned operation is, in KINDS order."""
    marked = marks(operation)
    return [kind for kind in KINDS if marked[kind]]


def refused(operations, allow):
    """[(operation, [kinds not allowed])] for ``allow`` (None: everything is allowed)."""
    if allow is None:
        return []
    result = []
    for operation in operations:
        unlisted = [kind for kind in kinds(operation) if kind not in allow]
        if unlisted:
            result.append((operation, unlisted))
    return result


def refusal_message(found, allow):
    listed = ', '.join(allow) if allow else 'nothing'
    return ('allow lists %s; refusing %s; nothing was sent. Add the kind to allow once the change is meant to be made'
            % (listed, '; '.join('%s %s (%s)' % (op.domain, op.name, ', '.join(k)) for op, k in found)))
