# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The client's copy of docs/reference/consequences.json, and the marks it gives."""
import json
import os

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import consequences

REFERENCE = os.path.join(os.path.dirname(__file__), *(['..'] * 5), 'docs', 'reference', 'consequences.json')


def test_the_client_copy_equals_the_reference_data():
    with open(REFERENCE) as handle:
        data = json.load(handle)
    assert consequences.RULES == {'icann_change_of_registrant_lock': data['icann_change_of_registrant_lock'], 'ascio': data['ascio']}


def test_every_rule_names_its_sources():
    for rule in consequences.RULES['ascio'].values():
        assert rule['sources'] and rule['why']
