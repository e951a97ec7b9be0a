# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Registrar facts the roles hold as data must be the registrar packages' own."""
import os

import yaml

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.rules import FINAL_STATUSES
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.jobs import JOB_STATUS_FINAL

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_renewal_recognises_as_finished_what_the_registrar_packages_wait_for():
    with open(os.path.join(ROOT, 'roles', 'renewal', 'vars', 'main.yml')) as handle:
        statuses = yaml.safe_load(handle)['__renewal_finished_statuses']
    assert {provider: sorted(values) for provider, values in statuses.items()} == {
        'ascio': sorted(FINAL_STATUSES), 'autodns': sorted(JOB_STATUS_FINAL)}
