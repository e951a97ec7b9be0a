# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An order or job sent with wait=false can be read later by its id (order_info)."""
RUNNING = {'ascio': 'Received', 'autodns': 'RUNNING'}


def test_an_order_sent_without_waiting_is_read_later_by_its_id(registrar):
    unknown = {'ascio': 'TEST-999999', 'autodns': '999999'}[registrar.provider]
    rc, out, results = registrar.play('order_info.yml', nameservers=['a.ns14.net', 'c.ns14.net'], unknown_id=unknown)
    sent = results['Send without waiting']
    assert sent['changed'] is True and sent['operations'][0]['id'], sent
    read = results['Read the order']
    assert read['changed'] is False and read['exists'] is True, read
    order = read['order']
    assert order['id'] == sent['operations'][0]['id'] and order['domain'] == 'example.com'
    assert order['status'] in (RUNNING[registrar.provider], 'SUCCESS', 'Completed', 'Pending', 'Processing', 'Validated')
    unknown_read = results['Read an unknown order']
    if registrar.provider == 'autodns':
        assert unknown_read['exists'] is False and unknown_read['order'] is None
    else:
        assert unknown_read['failed'] is True and unknown_read['registry_code'] == '405', unknown_read
    writes = registrar.writes()
    assert len(writes) == 1
