# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Ascio's domain rules (docs/reference/ascio-rules.json): the client's copy (ascio/rules.py) and its predicates.

How reading and writing apply the rules is tested with them: test_read.py (lock tokens, the .NET
default date, pending statuses), test_write.py (gTLD registrant changes, name-server slots,
lock release and restore).
"""
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import rules

# The checkout: tests/unit/plugins/module_utils/ascio/ is five levels down.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))


def reference(name):
    with open(os.path.join(ROOT, 'docs', 'reference', name), encoding='utf-8') as handle:
        return json.load(handle)


def test_the_client_copy_equals_the_reference_data():
    assert rules.RULES == reference('ascio-rules.json')


def test_every_rule_names_its_sources():
    for name, rule in reference('ascio-rules.json').items():
        if name == 'note':
            continue
        found = json.dumps(rule)
        assert '"sources"' in found, name


@pytest.mark.parametrize('name, gtld', [
    ('example.com', True), ('example.berlin', True), ('example.co.uk', False), ('example.de', False),
    ('xn--mller-kva.de', False), ('example.xn--p1ai', False), ('EXAMPLE.ORG.', True),
])
def test_gtld_rule(name, gtld):
    assert rules.is_gtld(name) is gtld


def test_status_words_are_split_at_the_comma():
    assert rules.status_tokens('EXPIRING, PENDING AUCTION') == {'EXPIRING', 'PENDING AUCTION'}
