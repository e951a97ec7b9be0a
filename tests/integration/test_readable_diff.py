# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""--diff as a reviewer reads it: the domain in the headers, name servers as a sorted set, absent as absent."""
from test_lifecycle import run


def changed_lines(out):
    return [line for line in out.splitlines() if line.startswith(('+', '-')) and not line.startswith(('+++', '---'))]


def test_check_diff_of_name_servers_and_of_state_absent(registrar):
    rc, out, results = run(registrar, 'domain', '--check', '--diff',
                           nameservers=['B.ns14.net', 'c.ns14.net', 'a.ns14.net'])
    assert rc == 0, out
    assert '--- before: example.com' in out and '+++ after: example.com' in out, out
    # Only the added server is a change: order and case of the list are not.
    assert changed_lines(out) == ['+  - c.ns14.net'], out

    rc, out, results = run(registrar, 'domain', '--check', '--diff', state='absent')
    assert rc == 0, out
    operation = results['Run the module']['operations'][0]['operation']
    changed = changed_lines(out)
    assert '+state: absent' in changed and '+absent_action: expire' in changed, out
    assert '+  - %s' % operation in changed, out
    assert registrar.writes() == []
