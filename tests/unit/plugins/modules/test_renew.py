# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The renew module's translation of its options: a policy whose renewal carries a typed target."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Domain
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan
from ansible_collections.domainops.registrar.plugins.modules import renew

PARAMS = dict(name='example.com', until=None, min_days_left=None, period=1)


def test_until_becomes_a_renewal_of_the_period_from_the_date_paid_until():
    desired = renew.desired_domain(dict(PARAMS, until='2028-06-01', period=2))
    current = Domain('example.com', expires=datetime.date(2026, 6, 15), payable=datetime.date(2026, 6, 15))
    (change,) = plan(current, desired, today=datetime.date(2026, 1, 1))
    assert change.aspect == aspects.RENEW
    assert change.after == aspects.RenewTarget(period=2, paid_until=datetime.date(2026, 6, 15),
                                               reaches=datetime.date(2028, 6, 15))
    predicted = aspects.predict(current, [change])
    assert (predicted.expires, predicted.payable) == (datetime.date(2028, 6, 15), datetime.date(2028, 6, 15))


def test_a_date_that_is_not_a_date_fails_before_any_request():
    with pytest.raises(InputError, match='until must be a date as YYYY-MM-DD'):
        renew.desired_domain(dict(PARAMS, until='1 June 2028'))


def test_the_renew_module_shows_the_expiry_and_the_payable_date():
    assert aspects.shown_keys((aspects.RENEW,)) == ('expires', 'payable')
