# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The aspect table: one row per aspect, read by the planner, predict, the task flow and the adapters."""
import datetime

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.ascio import write as ascio_write
from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs as autodns_jobs
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import Contact, DesiredDomain, Domain, Locks, Nameserver, RenewPolicy
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import ASPECT_ORDER, plan

TODAY = datetime.date(2026, 1, 1)
CURRENT = Domain('example.com', nameservers=(Nameserver('a.ns14.net'), Nameserver('b.ns14.net')),
                 contacts={'registrant': Contact(handle='1', organization='Old'), 'tech': Contact(handle='2')},
                 locks=Locks(transfer=False, update=True), autorenew=True, auth_code='old-code',
                 expires=datetime.date(2026, 3, 1), payable=datetime.date(2026, 3, 1), status='ACTIVE')


def test_every_aspect_is_one_row_and_the_planner_order_is_the_table_order():
    names = [row.name for row in aspects.TABLE]
    assert len(names) == len(set(names))
    assert ASPECT_ORDER == aspects.PLANNED == tuple(n for n in names if n != aspects.STATUS)
    assert aspects.PREREQUISITES == ('register', 'transfer', 'restore', 'unlock')
    assert aspects.FINALS == ('locks', 'expire', 'delete')


def test_what_the_rows_show_are_keys_of_the_domain_model_and_never_the_auth_code():
    keys = set(CURRENT.to_dict())
    for row in aspects.TABLE:
        assert set(row.shows) <= keys, row
        assert 'auth_code' not in row.shows


def test_an_unknown_aspect_name_is_a_programming_error_not_an_empty_result():
    with pytest.raises(ValueError, match='expires'):
        aspects.shown_keys(['expires'])


def test_the_pending_maps_of_both_adapters_are_keyed_by_exactly_the_table():
    # One key per aspect of the table and no other spelling (once renew was also 'expires'/'payable').
    names = set(row.name for row in aspects.TABLE)
    assert set(ascio_write.PENDING_ORDER_TYPES) == names
    assert set(autodns_jobs.PENDING_ACTIONS) == names
    assert set(aspects.pending_keys(tuple(names))) == names
    with pytest.raises(ValueError, match='payable'):
        aspects.pending_keys(('renew', 'payable'))


def test_predict_applies_each_planned_change_through_its_row():
    desired = DesiredDomain('example.com', nameservers=(Nameserver('c.ns14.net'), Nameserver('d.ns14.net')),
                            contacts={'registrant': Contact(organization='New'), 'tech': Contact(handle='9')},
                            locks=Locks(update=False), autorenew=False, new_auth_code='new-code',
                            renew=RenewPolicy(period=1, min_days_left=120))
    changes = plan(CURRENT, desired, TODAY)
    assert [c.aspect for c in changes] == ['unlock', 'registrant', 'contacts', 'nameservers', 'auth_code', 'autorenew', 'renew']
    predicted = aspects.predict(CURRENT, changes)
    assert [ns.name for ns in predicted.nameservers] == ['c.ns14.net', 'd.ns14.net']
    assert predicted.contacts['registrant'].organization == 'New' and predicted.contacts['tech'].handle == '9'
    assert predicted.locks == Locks(transfer=False, update=False)
    assert (predicted.autorenew, predicted.auth_code) == (False, 'new-code')
    assert predicted.expires == predicted.payable == datetime.date(2027, 3, 1)
    assert plan(predicted, desired, TODAY) == []


def test_predict_of_the_existence_aspects():
    assert aspects.predict(None, plan(None, DesiredDomain('example.com'))).name == 'example.com'
    assert aspects.predict(CURRENT, plan(CURRENT, DesiredDomain('example.com', present=False, delete_mode='delete'))) is None
    lapsing = aspects.predict(CURRENT, plan(CURRENT, DesiredDomain('example.com', present=False, delete_mode='expire')))
    assert lapsing.autorenew is False
