# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects, dnssec
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import InputError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, DnssecKey, Domain
from ansible_collections.domainops.registrar.plugins.module_utils.core.planner import plan, predict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))
DIGEST = '846E5ED4AB6788032B89393619752F662CF2B7B2046A8EC0804DF88F1469AC1E'
PUBLIC_KEY = 'mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=='
DS = {'key_tag': 2371, 'algorithm': 13, 'digest_type': 2, 'digest': DIGEST}
KEY = {'flags': 257, 'protocol': 3, 'algorithm': 13, 'public_key': PUBLIC_KEY}


def test_the_copy_equals_the_reference_data():
    with open(os.path.join(ROOT, 'docs', 'reference', 'dnssec.json'), encoding='utf-8') as handle:
        ref = json.load(handle)
    assert dict((int(k), v['mnemonic']) for k, v in ref['algorithms']['accepted'].items()) == dnssec.ALGORITHMS
    assert dict((int(k), v['mnemonic']) for k, v in ref['algorithms']['refused'].items()) == dnssec.REFUSED_ALGORITHMS
    assert dict((int(k), (v['mnemonic'], v['hex_length'])) for k, v in ref['digest_types']['accepted'].items()) \
        == dnssec.DIGEST_TYPES
    assert tuple(ref['flags']['accepted']) == dnssec.FLAGS
    assert ref['protocol']['value'] == dnssec.PROTOCOL


def test_ds_and_key_records_are_read_and_normalised():
    keys = dnssec.records([dict(DS, digest=DIGEST.lower()), dict(KEY, flags='257')])
    assert keys[0] == DnssecKey(key_tag=2371, algorithm=13, digest_type=2, digest=DIGEST)
    assert keys[1].flags == 257 and keys[1].public_key == PUBLIC_KEY


@pytest.mark.parametrize('entry, message', [
    (dict(DS, algorithm=99), 'not a DNSSEC signing algorithm'),
    (dict(DS, algorithm=1), 'must not be used for signing'),
    (dict(DS, digest_type=3), 'digest_type 3 is not supported'),
    (dict(DS, digest=DIGEST[:40]), 'has 64 hex characters, this one has 40'),
    (dict(DS, digest_type=1), 'has 40 hex characters, this one has 64'),
    (dict(DS, digest='Z' * 64), 'must be hexadecimal'),
    (dict(DS, key_tag=70000), 'key_tag must be between 0 and 65535'),
    ({'key_tag': 1, 'algorithm': 13}, 'DS data needs key_tag, algorithm, digest_type, digest; missing digest_type, digest'),
    (dict(KEY, flags=1), 'flags must be 257'),
    (dict(KEY, protocol=4), 'protocol must be 3'),
    (dict(KEY, public_key='not base64!'), 'public_key must be the Base64 key'),
    (dict(KEY, ttl=3600), 'unknown key(s) ttl'),
    ({'algorithm': 13}, 'give DS data'),
    ('2371 13 2 ' + DIGEST, 'each DNSSEC record is a dict'),
])
def test_bad_material_fails_with_what_to_do(entry, message):
    with pytest.raises(InputError) as err:
        dnssec.records([entry])
    assert message in str(err.value)


def test_a_record_listed_twice_fails():
    with pytest.raises(InputError, match='listed twice'):
        dnssec.records([DS, dict(DS, digest=DIGEST.lower())])


def test_registrar_fields_are_required():
    with pytest.raises(InputError, match='not supported by this registrar .autodns.*missing flags, protocol, public_key'):
        dnssec.require_fields(dnssec.records([DS]), ('flags', 'protocol', 'algorithm', 'public_key'), 'autodns', 'DNSKEY data')


def _domain(keys=()):
    return Domain(name='example.com', dnssec=tuple(keys), expires=datetime.date(2027, 1, 1))


def test_planner_compares_as_a_set_ignoring_order_and_hex_case():
    have = dnssec.records([DS, KEY])
    want = dnssec.records([KEY, dict(DS, digest=DIGEST.lower())])
    assert plan(_domain(have), DesiredDomain(name='example.com', dnssec=want)) == []
    assert plan(_domain(have), DesiredDomain(name='example.com')) == []  # not managed


def test_planner_plans_one_change_with_before_and_after():
    have = dnssec.records([DS])
    want = dnssec.records([KEY])
    changes = plan(_domain(have), DesiredDomain(name='example.com', dnssec=want))
    assert [(c.aspect, c.before, c.after) for c in changes] == [(aspects.DNSSEC, have, want)]
    assert predict(_domain(have), changes).to_dict()['dnssec'] == [want[0].to_dict()]


def test_an_empty_list_removes_every_record():
    changes = plan(_domain(dnssec.records([DS])), DesiredDomain(name='example.com', dnssec=()))
    assert [c.after for c in changes] == [()]
    assert plan(_domain(), DesiredDomain(name='example.com', dnssec=())) == []


def test_the_aspect_shows_dnssec():
    assert aspects.shown_keys([aspects.DNSSEC]) == ('dnssec',)
    assert aspects.BY_NAME[aspects.DNSSEC].stage == aspects.UPDATE
