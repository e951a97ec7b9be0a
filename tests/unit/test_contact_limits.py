# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The registrars' contact length limits in code are the data in docs/reference/contact-limits.json."""
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import contact_limits as ascio
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import contact_limits as autodns
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(os.path.join(ROOT, 'docs', 'reference', 'contact-limits.json')) as handle:
    REFERENCE = json.load(handle)


@pytest.mark.parametrize('provider, module', [('ascio', ascio), ('autodns', autodns)])
def test_code_equals_the_reference_data(provider, module):
    assert module.MAX_LENGTHS == REFERENCE[provider]['limits']
    assert module.ADDRESS_LINES == REFERENCE[provider]['address_lines']
    assert REFERENCE[provider]['source'].split()[0] in REFERENCE['sources']


def test_every_limited_field_is_a_contact_field():
    fields = set(Contact().data_fields())
    for provider in ('ascio', 'autodns'):
        assert set(REFERENCE[provider]['limits']) <= fields
