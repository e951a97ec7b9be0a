"""Registrar facts the roles hold as data must be the registrar packages' own."""
import os

import yaml

from ansible_collections.domainops.registrar.plugins.module_utils.ascio.orders import FINAL_STATUSES
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.jobs import JOB_STATUS_FINAL

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_renewal_recognises_as_finished_what_the_registrar_packages_wait_for():
    with open(os.path.join(ROOT, 'roles', 'renewal', 'vars', 'main.yml')) as handle:
        statuses = yaml.safe_load(handle)['__renewal_finished_statuses']
    assert statuses['ascio'] == list(FINAL_STATUSES)
    assert sorted(statuses['autodns']) == sorted(JOB_STATUS_FINAL)
    assert sorted(statuses) == ['ascio', 'autodns']
