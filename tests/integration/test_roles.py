# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The roles portfolio, renewal and transfer_in, run by ansible-playbook against both sandboxes."""
import datetime
import importlib
import os
import threading
import time

import pytest
import yaml
from conftest import PLAYBOOKS, start_registrar
from test_lifecycle import AUTH_CODE, HOSTMASTER, full_contacts

from ansible_collections.domainops.registrar.plugins.module_utils.connection import connect
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, Nameserver
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan

FINAL = {'autodns': 'SUCCESS', 'ascio': 'Completed'}
NS_CHANGE = {'autodns': 'PUT /domain/example.com', 'ascio': 'Nameserver_Update'}
NEW_NS = ['a.ns14.net', 'b.ns14.net', 'c.ns14.net']


def task(results, name, role):
    return results['domainops.registrar.%s : %s' % (role, name)]


def report_lines(results):
    """The renewal role's report lines (one message listing them all), by domain."""
    printed = task(results, 'Renewal report', 'renewal')['msg']
    assert isinstance(printed, list), printed
    return dict((line.split(': ', 1)[0], line) for line in printed)


# -- portfolio ---------------------------------------------------------------------------------

def summary_lines(results):
    """The portfolio role's summary lines (one message listing them all), by domain."""
    printed = task(results, 'Portfolio summary', 'portfolio')['msg']
    assert isinstance(printed, list), printed
    return dict((line.split(': ', 1)[0], line) for line in printed)


def portfolio(provider):
    """Two domains: example.com needs a name server change, example.net is already right.

    The contacts are given by reference to shared definitions and match what the seeds hold, so
    they are compared and left alone.
    """
    if provider == 'autodns':
        contacts = {'john_doe': {'first_name': 'John', 'last_name': 'Doe', 'email': 'john@example.com'},
                    'hostmaster': HOSTMASTER}
        domains = [
            {'name': 'example.com', 'nameservers': NEW_NS, 'transfer_lock': False, 'autorenew': True,
             'contacts': {'registrant': 'john_doe', 'admin': 'john_doe', 'tech': 'hostmaster', 'zone': 'hostmaster'},
             'renew': {'min_days_left': 30}},
            {'name': 'example.net', 'contacts': {'admin': 'john_doe', 'tech': 'hostmaster'},
             'nameservers': [{'name': 'ns1.example.net', 'ipv4': '192.0.2.53', 'ipv6': '2001:db8::53'},
                             {'name': 'ns2.example.net', 'ipv4': '198.51.100.53'}]},
        ]
    else:
        contacts = {'example_holding': {'organization': 'Example Holding', 'registrant_number': 'EX-0001'},
                    'erika': {'first_name': 'Erika', 'last_name': 'Mustermann', 'email': 'admin@example.com'},
                    'john': {'first_name': 'John', 'last_name': 'Doe', 'email': 'tech@example.net'}}
        domains = [
            {'name': 'example.com', 'nameservers': NEW_NS, 'transfer_lock': True, 'delete_lock': True,
             'autorenew': True, 'renew': {'min_days_left': 30},
             'contacts': {'registrant': 'example_holding', 'admin': 'erika', 'tech': 'john', 'billing': 'erika'}},
            {'name': 'example.net', 'nameservers': ['ns1.example.org', 'ns2.example.org'],
             'contacts': {'admin': 'john', 'tech': 'john', 'billing': 'john'}},
        ]
    return domains, contacts


def test_portfolio_converges_reports_and_changes_nothing_on_a_rerun(registrar):
    domains, contacts = portfolio(registrar.provider)
    change = NS_CHANGE[registrar.provider]

    rc, out, results = registrar.play('role-portfolio.yml', '--check', domains=domains, contacts=contacts)
    assert rc == 0, out
    assert registrar.writes() == []
    summary = summary_lines(results)
    converged = task(results, 'Converge every domain in one task', 'portfolio')
    assert [d['domain'] for d in converged['domains']] == ['example.com', 'example.net']
    assert summary['example.com'] == 'example.com: would change | would send %s (planned) | paid until %s' % (
        change, converged['domains'][0]['payable'] or converged['domains'][0]['expires'])
    assert summary['example.net'] == 'example.net: unchanged'
    assert 'example.com: would change | would send %s (planned)' % change in out

    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc == 0, out
    rows = dict((row['name'], row) for row in
                task(results, 'Collect the per-domain summary', 'portfolio')['ansible_facts']['portfolio_summary'])
    (operation,) = rows['example.com']['operations']
    assert rows['example.com']['changed'] is True
    assert operation['operation'] == change and operation['status'] == FINAL[registrar.provider] and operation['id']
    assert rows['example.net']['changed'] is False and rows['example.net']['operations'] == []
    summary = summary_lines(results)
    assert summary['example.com'].startswith('example.com: changed | sent %s %s (%s)' % (
        change, operation['id'], operation['status'])), summary
    assert summary['example.net'] == 'example.net: unchanged'
    assert len(registrar.writes()) == 1
    read = dict((r['domain']['name'], r['domain']) for r in results['Read the domains']['results'])
    assert sorted(ns['name'] for ns in read['example.com']['nameservers']) == NEW_NS

    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc == 0, out
    assert len(registrar.writes()) == 1
    summary = summary_lines(results)
    assert summary['example.com'].startswith('example.com: unchanged'), summary
    assert summary['example.net'] == 'example.net: unchanged'
    assert 'changed=0' in out


def test_portfolio_allow_refuses_a_renewal_before_anything_is_sent_and_lists_it_first(registrar):
    domains = [{'name': 'example.com', 'renew': {'min_days_left': 3000, 'period': 10}},
               {'name': 'example.net', 'nameservers': ['ns1.example.org', 'ns2.example.org', 'ns3.example.org']}]
    for args in (['--check'], []):
        rc, out, results = registrar.play('role-portfolio.yml', *args, domains=domains, allow=['irreversible'])
        assert rc != 0
        converged = task(results, 'Converge every domain in one task', 'portfolio')
        (marked,) = converged['consequences']
        assert marked['domain'] == 'example.com' and marked['billable'] is True
        assert 'refusing example.com' in converged['domains'][0]['msg']
        assert converged['domains'][1]['operations'][0]['status'] == 'not sent'
        # The billable operation is printed before the per-domain summary.
        assert out.index(marked['line']) < out.index('example.net: '), out
    assert registrar.writes() == []


def test_portfolio_undefined_contact_reference_fails_before_any_request(registrar):
    domains, contacts = portfolio(registrar.provider)
    domains[1]['contacts']['tech'] = 'hostmastr'
    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc != 0
    msg = task(results, 'Check that every contact reference names a definition in portfolio_contacts',
               'portfolio')['msg']
    assert 'example.net: tech -> hostmastr' in msg and 'Nothing was sent' in msg, msg
    assert registrar.journal() == []


def test_portfolio_a_domain_not_in_the_account_stops_the_role_before_anything_is_sent(registrar):
    domains, contacts = portfolio(registrar.provider)
    domains.append({'name': 'not-mine.example', 'nameservers': NEW_NS})
    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc != 0
    msg = task(results, 'Converge every domain in one task', 'portfolio')['msg']
    assert msg.startswith('Not in this %s account: not-mine.example. Nothing was sent' % registrar.provider), msg
    summary = summary_lines(results)
    assert summary['example.com'].startswith('example.com: not sent: not-mine.example not in the account'), summary
    assert summary['not-mine.example'].startswith('not-mine.example: FAILED: '), summary
    assert 'domain not-mine.example is not in this %s account' % registrar.provider in summary['not-mine.example'], summary
    # The role's user is told the role's variable, not the module's option.
    assert 'Set portfolio_register_missing: true to register it' in summary['not-mine.example'], summary
    stopped = task(results, "Stop with the converge task's message", 'portfolio')['msg']
    assert stopped.startswith('Not in this %s account: not-mine.example. Nothing was sent' % registrar.provider), stopped
    assert 'Set portfolio_register_missing: true to register them' in stopped, stopped
    assert registrar.writes() == []


def write_portfolio(tmp_path, domains, contacts):
    """The role's input as a file, in the shape domain_info export: true returns."""
    path = tmp_path / 'portfolio.yml'
    path.write_text(yaml.safe_dump({'portfolio_contacts': contacts, 'portfolio_domains': domains}))
    return str(path)


def test_portfolio_from_a_file_converges_and_summarises_as_from_variables(registrar, tmp_path):
    domains, contacts = portfolio(registrar.provider)
    path = write_portfolio(tmp_path, domains, contacts)
    rc, out, results = registrar.play('role-portfolio-file.yml', '--check', domains_file=path)
    assert rc == 0, out
    assert registrar.writes() == []
    converged = task(results, 'Converge every domain in one task', 'portfolio')
    summary = summary_lines(results)
    assert summary == {
        'example.com': 'example.com: would change | would send %s (planned) | paid until %s' % (
            NS_CHANGE[registrar.provider], converged['domains'][0]['payable'] or converged['domains'][0]['expires']),
        'example.net': 'example.net: unchanged'}, summary

    rc, out, results = registrar.play('role-portfolio-file.yml', domains_file=path)
    assert rc == 0, out
    summary = summary_lines(results)
    assert summary['example.com'].startswith('example.com: changed | sent %s ' % NS_CHANGE[registrar.provider]), summary
    assert len(registrar.writes()) == 1
    rc, out, results = registrar.play('role-portfolio-file.yml', domains_file=path)
    assert rc == 0 and 'changed=0' in out, out
    assert len(registrar.writes()) == 1


def test_portfolio_from_a_file_checks_it_before_any_request(registrar, tmp_path):
    domains, contacts = portfolio(registrar.provider)
    domains[1]['contacts']['tech'] = 'hostmastr'
    rc, out, results = registrar.play('role-portfolio-file.yml', domains_file=write_portfolio(tmp_path, domains, contacts))
    assert rc != 0
    msg = task(results, 'Converge every domain in one task', 'portfolio')['msg']
    assert 'contact references not defined in portfolio_contacts: hostmastr (example.net)' in msg, msg
    assert registrar.journal() == []

    domains, contacts = portfolio(registrar.provider)
    domains.append({'name': 'not-mine.example', 'nameservers': NEW_NS})
    rc, out, results = registrar.play('role-portfolio-file.yml', domains_file=write_portfolio(tmp_path, domains, contacts))
    assert rc != 0
    msg = task(results, 'Converge every domain in one task', 'portfolio')['msg']
    assert msg.startswith('Not in this %s account: not-mine.example. Nothing was sent' % registrar.provider), msg
    assert registrar.writes() == []


def test_portfolio_given_both_a_list_and_a_file_fails_before_any_request(registrar, tmp_path):
    domains, contacts = portfolio(registrar.provider)
    rc, out, results = registrar.play('role-portfolio-file.yml', domains_file=write_portfolio(tmp_path, domains, contacts),
                                      portfolio_domains=domains)
    assert rc != 0
    msg = task(results, 'Check that the domains are given once, as a list or as a file', 'portfolio')['msg']
    assert '(both are given)' in msg and 'Nothing was sent' in msg, msg
    assert registrar.journal() == []


def test_portfolio_a_domain_listed_twice_fails_before_any_request(registrar):
    domains, contacts = portfolio(registrar.provider)
    domains.append(dict(domains[0], name='Example.COM'))
    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc != 0
    msg = task(results, 'Check that no domain is listed twice', 'portfolio')['msg']
    assert msg == 'Listed more than once in portfolio_domains: example.com. Nothing was sent.', msg
    assert registrar.journal() == []


def test_portfolio_one_domain_failing_does_not_stop_the_others_and_the_summary_says_why(registrar):
    domains, contacts = portfolio(registrar.provider)
    # One renewal of one year cannot reach 2040: that domain fails before anything is sent for it.
    domains[1]['renew'] = {'until': '2040-01-01'}
    rc, out, results = registrar.play('role-portfolio.yml', domains=domains, contacts=contacts)
    assert rc != 0
    summary = summary_lines(results)
    assert summary['example.com'].startswith('example.com: changed | sent %s ' % NS_CHANGE[registrar.provider]), summary
    assert summary['example.net'].startswith('example.net: FAILED: '), summary
    rows = dict((row['name'], row) for row in
                task(results, 'Collect the per-domain summary', 'portfolio')['ansible_facts']['portfolio_summary'])
    assert rows['example.net']['failed'] is True and rows['example.com']['failed'] is False
    assert len(registrar.writes()) == 1


# -- renewal -----------------------------------------------------------------------------------

# Per provider, one domain paid until a date inside the window and one outside it (seed dates).
INSIDE = {'autodns': ('example.com', datetime.date(2027, 12, 31)), 'ascio': ('example.net', datetime.date(2027, 1, 20))}
OUTSIDE = {'autodns': ('example.net', datetime.date(2028, 3, 15)), 'ascio': ('example.com', datetime.date(2027, 8, 14))}
RENEW = {'autodns': 'PUT /domain/example.com/_renew', 'ascio': 'Renew_Domain'}   # of the domain INSIDE


def is_renewal(write):
    return write.get('order_type') == 'Renew_Domain' or '/_renew' in write.get('path', '')


class UnrelatedChange(threading.Thread):
    """Another tool's change, sent while the role runs: once the role's renewal is at the registrar,
    a name server change for another domain, whose message then queues up behind the renewal's."""

    def __init__(self, registrar, domain):
        super().__init__()
        self.registrar, self.domain = registrar, domain
        self.submission, self.error = None, None

    def run(self):
        try:
            deadline = time.monotonic() + 120
            while not any(is_renewal(w) for w in self.registrar.writes()):
                if time.monotonic() > deadline:
                    raise AssertionError('the role sent no renewal')
                time.sleep(0.05)
            adapter = connect({'provider': self.registrar.provider}, environ=self.registrar.credentials)
            try:
                current = adapter.get_domain(self.domain)
                desired = DesiredDomain(name=self.domain, nameservers=tuple(Nameserver(n) for n in NEW_NS))
                (operation,) = adapter.operations(current, plan(current, desired))
                self.submission = adapter.submit(operation)
            finally:
                adapter.close()
        except Exception as exc:  # reported by the test
            self.error = exc


def test_renewal_renews_inside_the_window_and_acknowledges_only_its_messages(registrar):
    inside, inside_paid = INSIDE[registrar.provider]
    outside, outside_paid = OUTSIDE[registrar.provider]
    window = (inside_paid + (outside_paid - inside_paid) / 2 - datetime.date.today()).days
    listed = [outside, inside]

    rc, out, results = registrar.play('role-renewal.yml', '--check', domains=listed, within_days=window)
    assert rc == 0, out
    assert registrar.writes() == []
    report = report_lines(results)
    assert report[inside].startswith('%s: would renew | would send %s (planned)' % (inside, RENEW[registrar.provider])), report
    assert 'outside the %d-day window: not renewed' % window in report[outside]

    unrelated = UnrelatedChange(registrar, outside)
    unrelated.start()
    rc, out, results = registrar.play('role-renewal.yml', domains=listed, within_days=window)
    unrelated.join()
    assert unrelated.error is None, unrelated.error
    assert rc == 0, out
    renewals = [w for w in registrar.writes() if is_renewal(w)]
    assert len(renewals) == 1
    (renewed,) = task(results, 'Renew the selected domains in one task and wait for their orders or jobs', 'renewal')['domains']
    assert renewed['domain'] == inside and renewed['changed'] is True
    (operation,) = renewed['operations']
    assert operation['status'] == FINAL[registrar.provider]
    drained = task(results, 'Acknowledge the poll messages of the renewals this run sent, and no others', 'renewal')
    assert [m['reference'] for m in drained['messages']] == [operation['id']]
    report = report_lines(results)
    assert report[inside].startswith('%s: renewed | sent ' % inside) and '(confirmed)' in report[inside], report
    assert 'acknowledged' in report[inside]
    assert 'not renewed' in report[outside]
    # The other tool's message is still there, at the head of the queue.
    (head,) = results['Read the head of the poll queue']['messages']
    assert head['reference'] == unrelated.submission.id, head

    writes = len(registrar.writes())
    rc, out, results = registrar.play('role-renewal.yml', domains=listed, within_days=window)
    assert rc == 0, out
    assert len(registrar.writes()) == writes, 'a second run renews and acknowledges nothing'
    report = report_lines(results)
    assert all('not renewed' in line for line in report.values()), report
    (head,) = results['Read the head of the poll queue']['messages']
    assert head['reference'] == unrelated.submission.id


def test_renewal_leaves_its_message_behind_another_tools_message_and_says_so(registrar):
    inside, inside_paid = INSIDE[registrar.provider]
    outside = OUTSIDE[registrar.provider][0]
    window = (inside_paid - datetime.date.today()).days + 1
    # Another tool's change first: its message heads the queue when the role drains.
    rc, out, results = registrar.play('nameservers.yml', domain=outside, nameservers=NEW_NS)
    assert rc == 0, out
    (other,) = results['Set name servers']['operations']

    rc, out, results = registrar.play('role-renewal.yml', domains=[inside], within_days=window)
    assert rc == 0, out
    (renewed,) = task(results, 'Renew the selected domains in one task and wait for their orders or jobs', 'renewal')['domains']
    (operation,) = renewed['operations']
    drained = task(results, 'Acknowledge the poll messages of the renewals this run sent, and no others', 'renewal')
    assert drained['messages'] == [] and drained['remaining']['reference'] == other['id']
    report = report_lines(results)
    assert 'message of %s not acknowledged: the queue is headed by message %s (about %s, not sent by this run)' % (
        operation['id'], drained['remaining']['id'], other['id']) in report[inside], report
    (head,) = results['Read the head of the poll queue']['messages']
    assert head['reference'] == other['id']


# Whole account, per provider: a window and the domains inside it (seed dates, today in the test's run).
ACCOUNT_WINDOW = {'autodns': 300, 'ascio': 10}


def inside_window(domains, window):
    today = datetime.date.today()
    return sorted(d['name'] for d in domains if (d['payable'] or d['expires'])
                  and (datetime.date.fromisoformat(d['payable'] or d['expires']) - today).days < window)


def lists_the_account(provider):
    """Whether the provider's adapter lists a whole account (list_domains is being added adapter by adapter)."""
    module = importlib.import_module('ansible_collections.domainops.registrar.plugins.module_utils.%s.adapter' % provider)
    adapters = [c for c in vars(module).values() if isinstance(c, type) and issubclass(c, RegistrarAdapter) and c is not RegistrarAdapter]
    return all(a.list_domains is not RegistrarAdapter.list_domains for a in adapters)


def test_renewal_without_a_list_selects_from_the_whole_account_and_renews_in_one_task(registrar):
    if not lists_the_account(registrar.provider):
        pytest.skip('the %s adapter cannot list the whole account yet (no list_domains)' % registrar.provider)
    window = ACCOUNT_WINDOW[registrar.provider]
    read_task, renew_task = 'Read the listed domains, or the whole account, in bulk', \
        'Renew the selected domains in one task and wait for their orders or jobs'

    rc, out, results = registrar.play('role-renewal-account.yml', '--check', within_days=window)
    assert rc == 0, out
    assert registrar.writes() == []
    account = task(results, read_task, 'renewal')['domains']
    assert len(account) >= 4, account
    selected = inside_window(account, window)
    assert selected and len(selected) < len(account), (selected, account)
    assert sorted(d['domain'] for d in task(results, renew_task, 'renewal')['domains']) == selected
    report = report_lines(results)
    assert sorted(name for name, line in report.items() if ': would renew | would send ' in line) == selected, report
    # The domains outside the window are counted, not listed one by one.
    outside = [d['name'] for d in account if (d['payable'] or d['expires']) and d['name'] not in selected]
    assert not set(outside) & set(report), report
    assert task(results, 'The rest of the account', 'renewal')['msg'].startswith(
        '%d other domain(s) of the account are paid for at least %d more days' % (len(outside), window))

    rc, out, results = registrar.play('role-renewal-account.yml', within_days=window)
    assert rc == 0, out
    assert len([w for w in registrar.writes() if is_renewal(w)]) == len(selected)
    report = report_lines(results)
    for name in selected:
        assert report[name].startswith('%s: renewed | sent ' % name) and '(confirmed)' in report[name], report
        assert report[name].endswith(' acknowledged'), report
    assert results['Read the head of the poll queue']['messages'] == []

    writes = len(registrar.writes())
    rc, out, results = registrar.play('role-renewal-account.yml', within_days=window)
    assert rc == 0, out
    assert len(registrar.writes()) == writes, 'a second run renews nothing'
    assert 'changed=0' in out
    report = report_lines(results)
    assert all('not renewed' in line for line in report.values()), report
    assert task(results, renew_task, 'renewal').get('skipped'), 'nothing selected: the portfolio task is skipped'


def test_renewal_with_an_empty_list_considers_nothing_not_the_whole_account(registrar):
    rc, out, results = registrar.play('role-renewal.yml', domains=[], within_days=400000)
    assert rc == 0, out
    assert task(results, 'Read the listed domains, or the whole account, in bulk', 'renewal')['count'] == 0
    assert task(results, 'Renew the selected domains in one task and wait for their orders or jobs', 'renewal').get('skipped')
    assert registrar.writes() == []


# -- transfer_in -------------------------------------------------------------------------------

def test_transfer_in_then_apply_the_nameservers_with_the_auth_code_never_shown(registrar):
    code = AUTH_CODE[registrar.provider]
    args = dict(domain='transfer-in.example', auth_code=code, contacts=full_contacts(registrar.provider),
                nameservers=['a.ns14.net', 'b.ns14.net'])

    rc, out, results = registrar.play('role-transfer_in.yml', '--check', '-vvv', **args)
    assert rc == 0, out
    assert code not in out and code not in str(results)
    assert registrar.writes() == []
    report = task(results, 'Transfer report', 'transfer_in')['msg']
    assert report.startswith('transfer-in.example: would be transferred in'), report

    rc, out, results = registrar.play('role-transfer_in.yml', '-vvv', **args)
    assert rc == 0, out
    assert code not in out and code not in str(results)
    report = task(results, 'Transfer report', 'transfer_in')['msg']
    assert report.startswith('transfer-in.example: transferred in | declared state applied | sent '), report
    domain = results['Read the domain']['domain']
    assert sorted(ns['name'] for ns in domain['nameservers']) == ['a.ns14.net', 'b.ns14.net']

    writes = len(registrar.writes())
    rc, out, results = registrar.play('role-transfer_in.yml', '-v', **args)
    assert rc == 0, out
    assert code not in out
    assert len(registrar.writes()) == writes
    report = task(results, 'Transfer report', 'transfer_in')['msg']
    assert report == 'transfer-in.example: already in the account | declared state already in place | nothing sent'


def test_transfer_in_with_a_wrong_auth_code_fails_with_the_reason_and_never_shows_the_code(registrar):
    code = 'Wr0ng-C0de-4711'
    rc, out, results = registrar.play('role-transfer_in.yml', '-vvv', domain='transfer-in.example', auth_code=code,
                                      contacts=full_contacts(registrar.provider))
    assert rc != 0
    assert code not in out and code not in str(results)
    msg = task(results, "Fail with the registrar's reason (the auth code is never part of it)", 'transfer_in')['msg']
    assert msg.startswith('The transfer of transfer-in.example failed:'), msg


# -- required variables ------------------------------------------------------------------------

# Each role with its required variables misspelt, as a typo in a user's playbook would have them.
TYPOS = {
    'portfolio': ({'portfolio_domain': [{'name': 'example.com', 'autorenew': False}]}, ['portfolio_domains']),
    'transfer_in': ({'transfer_in_domains': 'transfer-in.example', 'transfer_in_authcode': 'S0Lygv+ZkNbniICm'},
                    ['transfer_in_auth_code', 'transfer_in_domain']),
}


@pytest.mark.parametrize('role', sorted(TYPOS))
def test_a_missing_required_variable_fails_the_argument_spec_before_any_request(role, tmp_path):
    registrar = start_registrar('autodns', tmp_path)
    given, missing = TYPOS[role]
    playbook = os.path.join(PLAYBOOKS, '.required-%s.yml' % role)
    vars_ = dict(given, **{'%s_provider' % role: 'autodns'})
    with open(playbook, 'w') as handle:
        yaml.safe_dump([{'name': 'Typo', 'hosts': 'localhost', 'gather_facts': False,
                         'roles': [{'role': 'domainops.registrar.%s' % role, 'vars': vars_}]}], handle)
    try:
        rc, out, results = registrar.play(os.path.basename(playbook))
    finally:
        os.unlink(playbook)
        registrar.sandbox.stop()
    assert rc == 2, out
    if role == 'portfolio':
        # portfolio_domains or portfolio_domains_file: the role's first task, not the argument spec, requires one.
        msg = task(results, 'Check that the domains are given once, as a list or as a file', role)['msg']
        assert '%s or as portfolio_domains_file, one of them (neither is given)' % missing[0] in msg, msg
    else:
        (validation,) = [r for name, r in results.items() if 'Validating arguments against arg spec' in name]
        assert validation['failed'] and 'missing required arguments: %s' % ', '.join(missing) in validation['msg'], validation
    assert registrar.journal() == []


@pytest.mark.parametrize('acknowledge_finished', [False, True])
def test_renewal_acknowledges_another_finished_order_of_a_listed_domain_only_when_told(registrar, acknowledge_finished):
    inside, inside_paid = INSIDE[registrar.provider]
    outside = OUTSIDE[registrar.provider][0]
    window = (inside_paid - datetime.date.today()).days + 1
    # Another tool's finished change of a listed domain heads the queue.
    rc, out, results = registrar.play('nameservers.yml', domain=outside, nameservers=NEW_NS)
    assert rc == 0, out
    (other,) = results['Set name servers']['operations']

    rc, out, results = registrar.play('role-renewal.yml', domains=[inside, outside], within_days=window,
                                      acknowledge_finished=acknowledge_finished)
    assert rc == 0, out
    (renewed,) = task(results, 'Renew the selected domains in one task and wait for their orders or jobs', 'renewal')['domains']
    (operation,) = renewed['operations']
    report = report_lines(results)
    heads = results['Read the head of the poll queue']['messages']
    if not acknowledge_finished:
        assert [m['reference'] for m in heads] == [other['id']]
        assert 'not acknowledged: the queue is headed by message' in report[inside], report
        return
    # Both messages are gone: the other order's (finished, of a listed domain) and then this run's.
    assert heads == [], heads
    shown = task(results, 'Other finished messages acknowledged', 'renewal')['msg']
    assert shown.startswith('Acknowledged as finished, not sent by this run: message ') and \
        '(about %s, %s, %s)' % (other['id'], outside, FINAL[registrar.provider]) in shown, shown
    assert '| message ' in report[inside] and report[inside].endswith(' acknowledged'), report
