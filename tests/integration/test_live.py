# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Opt-in: the same playbooks against the registrars' real test systems (AutoDNS demo, Ascio OTE).

Skipped unless the credentials and a test domain of that account are in the environment;
the skip message says which variables to set. Only the name servers of the given test
domain are touched, and they are put back as they were.
"""


def names(result):
    return [ns['name'] for ns in result['domain']['nameservers']]


def test_read_review_change_and_restore_nameservers(live_registrar):
    registrar = live_registrar
    rc, out, results = registrar.play('domain_info.yml', domain=registrar.domain)
    assert rc == 0, out
    info = results['Read the domain']
    assert info['exists'] is True, '%s is not in the %s test account' % (registrar.domain, registrar.provider)
    original = info['domain']['nameservers']

    # The same set in another order: nothing to do.
    rc, out, results = registrar.play('nameservers.yml', '--check', domain=registrar.domain,
                                      nameservers=list(reversed(original)))
    assert rc == 0, out
    assert results['Set name servers']['changed'] is False

    # A changed set, reviewed, applied, re-applied, then the original put back.
    changed = [ns for ns in original if ns['name'] != 'a.ns14.net'][:1] + [{'name': 'a.ns14.net'}]
    if len(changed) < 2:
        changed.append({'name': 'b.ns14.net'})
    rc, out, results = registrar.play('nameservers.yml', '--check', '--diff', domain=registrar.domain, nameservers=changed)
    assert rc == 0 and results['Set name servers']['changed'] is True, out
    try:
        rc, out, results = registrar.play('nameservers.yml', domain=registrar.domain, nameservers=changed)
        assert rc == 0, out
        rc, out, results = registrar.play('nameservers.yml', domain=registrar.domain, nameservers=changed)
        assert results['Set name servers']['changed'] is False
    finally:
        rc, out, results = registrar.play('nameservers.yml', domain=registrar.domain, nameservers=original,
                                          allow_single=len(original) < 2)
        assert rc == 0, out
