# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The portfolio module, the export and the report, by ansible-playbook against sandboxes
holding a few dozen generated domains besides the seed's."""
import datetime

import yaml
from conftest import PORTFOLIO_SIZE

from ansible_collections.domainops.registrar.plugins.module_utils.core.export import declarations

NEW_NS = ['ns1.portfolio-test.example', 'ns2.portfolio-test.example']


def generated(count=PORTFOLIO_SIZE):
    return ['bench-%05d.com' % number for number in range(1, count + 1)]


def export(registrar, **extra):
    rc, out, results = registrar.play('export.yml', **extra)
    assert rc == 0, out
    return results['Export']


def converge(registrar, domains, *args, **extra):
    if domains is not None:
        extra['domains'] = domains
    rc, out, results = registrar.play('portfolio.yml', *args, **extra)
    return rc, out, results['Converge the domains']


def test_changes_are_sent_once_each_and_a_rerun_changes_nothing(portfolio_registrar):
    registrar = portfolio_registrar
    names = generated()
    rc, out, result = converge(registrar, [{'name': n, 'nameservers': NEW_NS} for n in names], return_state=True)
    assert rc == 0, out
    assert result['summary']['changed'] == PORTFOLIO_SIZE and result['summary']['failed'] == 0
    assert [d['domain'] for d in result['domains']] == names
    assert all(d['changed'] and len(d['operations']) == 1 for d in result['domains'])
    # One write per domain: nothing sent twice.
    written = [w.get('domain') or w.get('path') or w for w in registrar.writes()]
    assert len(written) == PORTFOLIO_SIZE, written
    assert all(sorted(ns['name'] for ns in d['nameservers']) == NEW_NS for d in result['domains'])

    rc, out, again = converge(registrar, [{'name': n, 'nameservers': NEW_NS} for n in names])
    assert rc == 0, out
    assert again['changed'] is False and again['summary']['unchanged'] == PORTFOLIO_SIZE
    assert len(registrar.writes()) == PORTFOLIO_SIZE
    # Without return_state each item says where the domain stands, not its whole state.
    assert all(set(d) == {'domain', 'changed', 'operations', 'status', 'expires', 'payable'} for d in again['domains'])
    assert all(d['status'] and d['expires'] for d in again['domains'])


def test_check_mode_plans_every_domain_and_sends_nothing(portfolio_registrar):
    registrar = portfolio_registrar
    rc, out, result = converge(registrar, [{'name': n, 'nameservers': NEW_NS} for n in generated()], '--check', '--diff')
    assert rc == 0, out
    assert '+  - ns1.portfolio-test.example' in out
    assert result['changed'] is True and result['summary']['operations'] == PORTFOLIO_SIZE
    assert all(op['status'] == 'planned' for d in result['domains'] for op in d['operations'])
    assert registrar.writes() == []
    # The diff is keyed by domain: one before/after pair per changed domain.
    headers = sorted(line.split(': ', 1)[1] for line in out.splitlines() if line.startswith('--- before: '))
    assert headers == generated(), out


def test_one_failing_domain_does_not_stop_the_others(portfolio_registrar):
    registrar = portfolio_registrar
    domains = [{'name': n, 'nameservers': NEW_NS} for n in generated(10)]
    # Not in the account and declared without what a registration needs: that domain fails alone.
    domains.insert(3, {'name': 'not-in-the-account.com', 'nameservers': NEW_NS})
    rc, out, result = converge(registrar, domains)
    assert rc != 0
    assert result['summary']['failed'] == 1 and result['summary']['changed'] == 10
    (failed,) = [d for d in result['domains'] if d.get('failed')]
    assert failed['domain'] == 'not-in-the-account.com' and 'Set register_missing: true' in failed['msg']
    assert '1 of 11 domains failed: not-in-the-account.com' in result['msg']
    assert len(registrar.writes()) == 10


def test_stop_on_missing_sends_nothing_for_any_domain_when_one_is_not_in_the_account(portfolio_registrar):
    registrar = portfolio_registrar
    domains = [{'name': n, 'nameservers': NEW_NS} for n in generated(5)]
    domains.insert(2, {'name': 'not-in-the-account.com', 'nameservers': NEW_NS})
    for args in (['--check'], []):
        rc, out, result = converge(registrar, domains, *args, stop_on_missing=True)
        assert rc != 0
        assert result['msg'].startswith('Not in this %s account: not-in-the-account.com. Nothing was sent'
                                        % registrar.provider), result['msg']
        others = [d for d in result['domains'] if d['domain'] != 'not-in-the-account.com']
        assert len(others) == 5 and not any(d['changed'] for d in others)
        assert all(op['status'] == 'not sent' and 'not-in-the-account.com not in the account' in op['message']
                   for d in others for op in d['operations']), others
    assert registrar.writes() == []


def test_export_then_converge_reports_nothing_to_change(portfolio_registrar):
    registrar = portfolio_registrar
    exported = export(registrar)
    portfolio = exported['portfolio']
    names = [d['name'] for d in portfolio['portfolio_domains']]
    assert set(generated()) <= set(names) and exported['count'] == len(names)
    # Contacts shared by the generated domains are one definition each, not one per domain.
    assert len(portfolio['portfolio_contacts']) < 10
    rc, out, result = converge(registrar, declarations(portfolio), '--check')
    assert rc == 0, out
    assert result['summary']['changed'] == 0, [d for d in result['domains'] if d['changed']]
    assert registrar.writes() == []


def test_an_exported_file_converges_as_domains_file_with_nothing_to_change(portfolio_registrar, tmp_path):
    registrar = portfolio_registrar
    exported = export(registrar)['portfolio']
    path = tmp_path / 'portfolio.yml'
    path.write_text(yaml.safe_dump(exported))
    rc, out, result = converge(registrar, None, '--check', domains_file=str(path))
    assert rc == 0, out
    assert result['summary']['domains'] == len(exported['portfolio_domains']) and result['summary']['changed'] == 0
    assert registrar.writes() == []

    # The same file with one change: that domain alone is planned.
    exported['portfolio_domains'][0]['nameservers'] = NEW_NS
    path.write_text(yaml.safe_dump(exported))
    rc, out, result = converge(registrar, None, '--check', domains_file=str(path))
    assert rc == 0, out
    assert [d['domain'] for d in result['domains'] if d['changed']] == [exported['portfolio_domains'][0]['name']]


def test_a_bad_domains_file_fails_before_any_request(portfolio_registrar, tmp_path):
    registrar = portfolio_registrar
    path = tmp_path / 'portfolio.yml'
    path.write_text(yaml.safe_dump({'portfolio_contacts': {}, 'portfolio_domains': [
        {'name': 'bench-00001.com', 'contacts': {'registrant': 'nobody'}, 'auth_code': 'Secret-Code-1'}]}))
    before = len(registrar.journal())
    rc, out, result = converge(registrar, None, domains_file=str(path))
    assert rc != 0
    assert 'contact references not defined in portfolio_contacts: nobody (bench-00001.com)' in result['msg']
    path.write_text(yaml.safe_dump([{'name': 'bench-00001.com', 'nameserver': NEW_NS, 'auth_code': 'Secret-Code-1'}]))
    rc, out, result = converge(registrar, None, domains_file=str(path))
    assert rc != 0 and 'domains_file[0] (bench-00001.com)' in result['msg'] and 'nameserver' in result['msg'], result
    assert 'Secret-Code-1' not in out
    assert len(registrar.journal()) == before


def test_listing_filters_by_tld_and_pattern(portfolio_registrar):
    registrar = portfolio_registrar
    listed = export(registrar, pattern='bench-0000?.com')
    assert [d['name'] for d in listed['domains']] == generated(9)
    listed = export(registrar, tlds=['org'])
    assert listed['domains'] and all(d['name'].endswith('.org') for d in listed['domains'])


def test_report_finds_what_expires_and_what_differs(portfolio_registrar):
    registrar = portfolio_registrar
    domains = export(registrar)['domains']
    today = datetime.date.today()

    def left(domain):
        paid = domain['payable'] or domain['expires']
        return (datetime.date.fromisoformat(paid) - today).days if paid else None
    expected = sorted(d['name'] for d in domains if left(d) is not None and left(d) <= 90)
    assert expected, 'the generated portfolio has domains expiring within 90 days'
    rc, out, results = registrar.play('report.yml', within=90)
    assert rc == 0, out
    report = results['Report']
    assert sorted(f['domain'] for f in report['findings'] if f['finding'] == 'expiring') == expected
    assert report['counts']['expiring'] == len(expected) and len(report['lines']) == len(report['findings'])

    declared = [{'name': 'bench-00001.com', 'nameservers': NEW_NS}, {'name': 'not-there.com'}]
    rc, out, results = registrar.play('report.yml', declared=declared, fail_on_findings=True)
    assert rc != 0
    findings = results['Report']['findings']
    assert {(f['domain'], f['finding']) for f in findings} == {('bench-00001.com', 'differs'), ('not-there.com', 'missing')}
    assert registrar.writes() == []


def test_allow_refuses_a_billable_plan_before_anything_is_sent(portfolio_registrar):
    registrar = portfolio_registrar
    domains = [{'name': 'bench-00001.com', 'renew': {'min_days_left': 100}}, {'name': 'bench-00002.com', 'nameservers': NEW_NS}]
    for args in (['--check'], []):
        rc, out, result = converge(registrar, domains, *args, allow=['irreversible'])
        assert rc != 0 and result['domains'], out
        renewal = result['domains'][0]['operations'][0]
        assert renewal['billable'] is True and renewal['status'] == 'refused by allow'
        assert 'refusing bench-00001.com' in result['msg']
        assert result['domains'][1]['operations'][0]['status'] == 'not sent'
    assert registrar.writes() == []
    rc, out, result = converge(registrar, domains, '--check', allow=['billable'])
    assert rc == 0, out


def test_a_missing_domain_is_registered_only_with_register_missing(portfolio_registrar):
    registrar = portfolio_registrar
    domains = [{'name': 'brand-new-portfolio.com', 'nameservers': NEW_NS}]
    rc, out, result = converge(registrar, domains, '--check')
    assert rc != 0 and 'is not in this' in result['domains'][0]['msg']
    rc, out, result = converge(registrar, domains, '--check', register_missing=True)
    # Planned now (it may still fail for want of contacts: the check is the registrar's, per domain).
    planned = result['domains'][0]['operations'] or []
    assert not planned or (planned[0]['billable'] is True and planned[0]['status'] == 'planned')
    assert 'is not in this' not in (result['domains'][0].get('msg') or '')
    assert registrar.writes() == []
