# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DNSSEC records at the parent through the domain module, by ansible-playbook against both sandboxes."""
import pytest
from test_lifecycle import run

KSK = {'flags': 257, 'protocol': 3, 'algorithm': 13,
       'public_key': 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='}
ZSK = {'flags': 256, 'protocol': 3, 'algorithm': 13,
       'public_key': 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw=='}
DS = {'key_tag': 2371, 'algorithm': 13, 'digest_type': 2,
      'digest': '846e5ed4ab6788032b89393619752f662cf2b7b2046a8ec0804df88f1469ac1e'}
# What each registrar takes: AutoDNS DNSKEY data only, Ascio DS or DNSKEY data.
RECORDS = {'autodns': [KSK, ZSK], 'ascio': [DS, KSK]}
# The operations that set them: AutoDNS one PUT, Ascio a DnsSecKey object per record, then the order.
SET = {'autodns': ['PUT /domain/example.com/_dnssec'],
       'ascio': ['CreateDnsSecKey', 'CreateDnsSecKey', 'Nameserver_Update']}
CLEAR = {'autodns': ['PUT /domain/example.com/_dnssec'], 'ascio': ['Nameserver_Update']}


def operations(result):
    return [op['operation'] for op in result['operations']]


def record_key(record):
    return (record.get('flags') or 0, record.get('key_tag') or 0, (record.get('digest') or '').upper(), record.get('public_key') or '')


def records(result):
    return sorted(record_key(r) for r in result['domain']['dnssec'])


def test_keys_are_added_rerun_unchanged_check_mode_untouched_and_an_empty_list_removes_all(registrar):
    wanted = RECORDS[registrar.provider]
    rc, out, results = run(registrar, 'domain', '--check', '--diff', dnssec=wanted)
    assert rc == 0, out
    planned = results['Run the module']
    assert planned['changed'] is True and operations(planned) == SET[registrar.provider]
    assert all(op['status'] == 'planned' for op in planned['operations'])
    assert results['Read the domain']['domain']['dnssec'] == []
    assert registrar.writes() == []

    rc, out, results = run(registrar, 'domain', dnssec=wanted)
    assert rc == 0, out
    assert results['Run the module']['changed'] is True
    assert operations(results['Run the module']) == SET[registrar.provider]
    shown = results['Read the domain']['domain']['dnssec']
    assert records(results['Read the domain']) == sorted(record_key(r) for r in wanted), shown
    writes = len(registrar.writes())

    # The same records in another order, hex in another case: nothing to do.
    again = [dict(r, digest=r['digest'].upper()) if 'digest' in r else r for r in reversed(wanted)]
    rc, out, results = run(registrar, 'domain', dnssec=again)
    assert rc == 0, out
    assert results['Run the module']['changed'] is False and results['Run the module']['operations'] == []
    assert len(registrar.writes()) == writes

    rc, out, results = run(registrar, 'domain', dnssec=[])
    assert rc == 0, out
    assert operations(results['Run the module']) == CLEAR[registrar.provider]
    assert results['Read the domain']['domain']['dnssec'] == []


@pytest.mark.parametrize('record, message', [
    (dict(DS, digest=DS['digest'][:40]), 'a SHA-256 digest (digest_type 2) has 64 hex characters, this one has 40'),
    (dict(DS, algorithm=42), 'algorithm 42 is not a DNSSEC signing algorithm'),
    (dict(KSK, public_key='not base64!'), 'public_key must be the Base64 key'),
])
def test_bad_key_material_fails_before_any_request(registrar, record, message):
    rc, out, results = run(registrar, 'domain', dnssec=[record])
    task = results['Run the module']
    assert rc != 0 and task['failed'] is True
    assert message in task['msg'], task['msg']
    assert 'Traceback' not in out
    assert registrar.journal() == []
