# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The nameservers and domain_info modules, run by ansible-playbook against both sandboxes."""
FINAL = {'autodns': 'SUCCESS', 'ascio': 'Completed'}
SEEDED = ['a.ns14.net', 'b.ns14.net']
NEW = ['a.ns14.net', 'b.ns14.net', 'c.ns14.net']


def names(result):
    return [ns['name'] for ns in result['domain']['nameservers']]


def test_change_is_sent_once_and_a_rerun_changes_nothing(registrar):
    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=NEW)
    assert rc == 0, out
    change = results['Set name servers']
    assert change['changed'] is True
    (operation,) = change['operations']
    assert operation['status'] == FINAL[registrar.provider] and operation['id']
    assert sorted(names(results['Read the domain'])) == NEW
    assert len(registrar.writes()) == 1

    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=list(reversed(NEW)))
    assert rc == 0, out
    assert results['Set name servers']['changed'] is False
    assert results['Set name servers']['operations'] == []
    assert len(registrar.writes()) == 1


def test_glue_inside_the_domain_is_sent_and_read_back(registrar):
    wanted = [{'name': 'ns1.example.com', 'ipv4': '192.0.2.53', 'ipv6': '2001:db8::53'}, 'b.ns14.net']
    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=wanted)
    assert rc == 0, out
    servers = dict((ns['name'], ns) for ns in results['Read the domain']['domain']['nameservers'])
    assert servers['ns1.example.com']['ipv4'] == '192.0.2.53'
    assert servers['ns1.example.com']['ipv6'] == '2001:db8::53'
    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=wanted)
    assert results['Set name servers']['changed'] is False


def test_check_mode_reports_the_order_and_sends_nothing(registrar):
    rc, out, results = registrar.play('nameservers.yml', '--check', domain='example.com', nameservers=NEW)
    assert rc == 0, out
    change = results['Set name servers']
    assert change['changed'] is True
    (operation,) = change['operations']
    assert operation['status'] == 'planned' and operation['id'] is None
    expected = {'autodns': 'PUT /domain/example.com', 'ascio': 'Nameserver_Update'}[registrar.provider]
    assert operation['operation'] == expected
    assert 'c.ns14.net' in str(operation['request'])
    assert sorted(names(results['Read the domain'])) == SEEDED
    assert registrar.writes() == []


def test_diff_shows_before_and_after(registrar):
    rc, out, _results = registrar.play('nameservers.yml', '--check', '--diff',
                                       domain='example.com', nameservers=['c.ns14.net', 'd.ns14.net'])
    assert rc == 0, out
    removed = [line for line in out.splitlines() if line.startswith('-') and 'ns14.net' in line]
    added = [line for line in out.splitlines() if line.startswith('+') and 'ns14.net' in line]
    assert any('a.ns14.net' in line for line in removed), out
    assert any('c.ns14.net' in line for line in added), out
    assert registrar.writes() == []


def test_idn_is_converted_to_punycode(registrar):
    rc, out, results = registrar.play('nameservers.yml', domain='müller.de', nameservers=NEW)
    assert rc == 0, out
    assert results['Set name servers']['domain'] == 'xn--mller-kva.de'
    assert sorted(names(results['Read the domain'])) == NEW


def test_bad_input_fails_clearly_before_any_request(registrar):
    cases = [
        (['a.ns14.net', 'bad_host.example.net'], 'is not valid'),
        (['a.ns14.net', 'ns1.example.com'], 'needs a glue address'),
        (['a.ns14.net', {'name': 'ns1.example.com', 'ipv4': '192.0.2.300'}], 'not a valid IPv4 address'),
        (['a.ns14.net'], 'at least two'),
    ]
    for nameservers, message in cases:
        rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=nameservers)
        task = results['Set name servers']
        assert rc != 0 and task['failed'] is True
        assert message in task['msg'], task['msg']
        assert 'Traceback' not in out
    rc, out, results = registrar.play('nameservers.yml', domain='exa mple.com', nameservers=NEW)
    assert 'domain name' in results['Set name servers']['msg']
    assert registrar.journal() == []


def test_missing_credentials_fail_before_any_request(registrar):
    blank = dict((key, '') for key in registrar.credentials if 'PASSWORD' in key)
    rc, out, results = registrar.play('nameservers.yml', env=blank, domain='example.com', nameservers=NEW)
    assert rc != 0
    assert 'missing %s credentials: password' % registrar.provider in results['Set name servers']['msg']
    assert registrar.journal() == []


def test_registry_rejection_surfaces_code_and_text(registrar):
    wrong = dict((key, 'wrong-password') for key in registrar.credentials if 'PASSWORD' in key)
    rc, out, results = registrar.play('nameservers.yml', env=wrong, domain='example.com', nameservers=NEW)
    task = results['Set name servers']
    assert rc != 0 and task['failed'] is True
    assert task['registry_code'] and task['registry_text']
    assert task['registry_text'] in task['msg']
    assert 'Traceback' not in out and 'wrong-password' not in out


def test_unknown_domain(registrar):
    rc, out, results = registrar.play('domain_info.yml', domain='not-in-account.example')
    assert rc == 0, out
    assert results['Read the domain']['exists'] is False
    rc, out, results = registrar.play('nameservers.yml', domain='not-in-account.example', nameservers=NEW)
    assert rc != 0
    assert 'not in this %s account' % registrar.provider in results['Set name servers']['msg']
    assert registrar.writes() == []


def test_an_order_left_running_is_waited_on_not_sent_again(slow_registrar):
    registrar = slow_registrar
    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=NEW, wait=False)
    assert rc == 0, out
    (operation,) = results['Set name servers']['operations']
    assert operation['id'] and operation['status'] not in (FINAL[registrar.provider], 'planned')
    rc, out, results = registrar.play('nameservers.yml', domain='example.com', nameservers=NEW)
    assert rc == 0, out
    task = results['Set name servers']
    assert task['changed'] is False
    assert [p['id'] for p in task['pending']] == [operation['id']]
    assert len(registrar.writes()) == 1


def test_auth_code_only_when_asked_and_never_printed(registrar):
    rc, out, results = registrar.play('domain_info.yml', '-v', domain='example.com')
    assert rc == 0, out
    assert 'auth_code' not in results['Read the domain']['domain']
    rc, out, _results = registrar.play('domain_info.yml', '-vvv', domain='example.com', include_auth_code=True)
    assert rc == 0, out
    assert 'demo-password' not in out
    assert 'censored' in out
