# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The report (core/report.py): findings from one bulk read."""
import datetime

from ansible_collections.domainops.registrar.plugins.module_utils.core import report
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, Domain, Locks, Nameserver

TODAY = datetime.date(2026, 12, 2)
NS = (Nameserver('a.ns14.net'), Nameserver('b.ns14.net'))


def account():
    return [
        Domain('soon.example', nameservers=NS, payable=TODAY + datetime.timedelta(days=20), autorenew=True,
               locks=Locks(transfer=True)),
        Domain('later.example', nameservers=NS, expires=TODAY + datetime.timedelta(days=200), autorenew=False,
               locks=Locks(transfer=False)),
        Domain('unknown.example', nameservers=NS),
    ]


def test_expiring_uses_the_payable_date_then_the_expiry():
    found = report.findings(account(), within_days=30, today=TODAY)
    assert [(f['domain'], f['finding'], f['days_left']) for f in found] == [('soon.example', 'expiring', 20)]
    assert report.line(found[0]) == 'soon.example: expiring: paid until 2026-12-22 (20 days left)'
    assert len(report.findings(account(), within_days=200, today=TODAY)) == 2


def test_autorenew_off_and_no_transfer_lock_only_when_the_registrar_says_so():
    found = report.findings(account(), autorenew_off=True, no_transfer_lock=True, today=TODAY)
    assert [(f['domain'], f['finding']) for f in found] == [('later.example', 'autorenew_off'),
                                                            ('later.example', 'no_transfer_lock')]


def test_declared_portfolio_differences_missing_and_undeclared_domains():
    declared = [DesiredDomain('soon.example', nameservers=(Nameserver('c.ns14.net'), Nameserver('d.ns14.net'))),
                DesiredDomain('later.example', nameservers=NS),
                DesiredDomain('gone.example', nameservers=NS),
                DesiredDomain('absent.example', present=False)]
    found = report.findings(account(), declared=declared, undeclared=True, today=TODAY)
    assert [(f['domain'], f['finding']) for f in found] == [
        ('gone.example', 'missing'), ('soon.example', 'differs'), ('unknown.example', 'undeclared')]
    assert found[1]['aspects'] == ['nameservers']


def test_nothing_asked_finds_nothing():
    assert report.findings(account(), today=TODAY) == []
