# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Per-TLD rules the sandbox judges by, read from docs/reference/autodns-tld-rules.json.

Which owner-change routes a TLD's registry takes (domain update, ``_ownerChange``,
``_trade``), whether the owner's consent is needed, and whether ``_statusUpdate`` works.
A TLD's rule is the file's ``default``, overlaid by its class (``gtld``: not two letters)
and by its own entry.
"""
import json
import os

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    'docs', 'reference', 'autodns-tld-rules.json')

with open(PATH, encoding='utf-8') as _handle:
    DATA = json.load(_handle)


def tld_of(name):
    return name.rstrip('.').rsplit('.', 1)[-1].lower()


def rule(name):
    tld = tld_of(name)
    result = dict(DATA['default'])
    if len(tld) != 2:
        result.update(DATA['classes']['gtld'])
    result.update(DATA['tlds'].get(tld) or {})
    return result


def allows(name, route):
    return route in rule(name)['owner_change_routes']
