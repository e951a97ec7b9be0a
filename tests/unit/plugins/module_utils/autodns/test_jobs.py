# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS job statuses: the Python copy against docs/reference and the swagger's enum."""
import json
import os

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import jobs


def _reference(name):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 5))  # the checkout
    with open(os.path.join(root, 'docs', 'reference', name)) as handle:
        return json.load(handle)


def test_job_statuses_agree_with_the_reference_and_cover_the_swagger_enum():
    rules = _reference('autodns-rules.json')['job_status']
    assert list(jobs.JOB_STATUS_FINAL) == rules['job_status_final']
    assert list(jobs.JOB_STATUS_FAILED) == rules['job_status_failed']
    assert list(jobs.JOB_STATUS_PENDING) == rules['job_status_pending']
    enum = _reference('autodns-spec.json')['definitions']['JobStatusConstants']['enum']
    assert sorted(jobs.JOB_STATUS_FINAL + jobs.JOB_STATUS_PENDING) == sorted(enum)
    assert not set(jobs.JOB_STATUS_FINAL) & set(jobs.JOB_STATUS_PENDING)
    assert set(jobs.JOB_STATUS_FAILED) <= set(jobs.JOB_STATUS_FINAL)


def test_every_job_action_named_is_one_the_swagger_lists():
    enum = set(_reference('autodns-spec.json')['definitions']['DomainActionConstants']['enum'])
    assert jobs.KNOWN_ACTIONS <= enum, sorted(jobs.KNOWN_ACTIONS - enum)


def test_an_answer_that_started_a_job_is_any_of_the_swaggers_notify_types_or_an_n_code():
    rules = _reference('autodns-rules.json')['job_answer']
    spec = _reference('autodns-spec.json')['definitions']['StatusType']['enum']
    assert list(jobs.JOB_ANSWER_TYPES) == rules['job_status_types'] and jobs.JOB_CODE_PREFIX == rules['job_code_prefix']
    assert set(jobs.JOB_ANSWER_TYPES) == set(spec) - {'SUCCESS', 'ERROR'}
    assert jobs.started_a_job({'type': 'NOTIFY', 'code': 'N0102'})
    assert jobs.started_a_job({'type': 'NICCOM_NOTIFY'}) and jobs.started_a_job({'type': 'NOTICE'})
    assert jobs.started_a_job({'code': 'N0101'})                  # the code alone says so
    assert not jobs.started_a_job({'type': 'SUCCESS', 'code': 'S0102'})
    assert not jobs.started_a_job(None)


def test_the_status_code_is_read_under_either_name():
    # The swagger's ResponseStatus.code; help.internetx.com's JSON API Basics writes resultCode.
    assert list(jobs.STATUS_CODE_MEMBERS) == _reference('autodns-rules.json')['status_code_member']['members']
    assert jobs.status_code({'code': 'S0301'}) == 'S0301' and jobs.status_code({'resultCode': 'S0301'}) == 'S0301'
    assert jobs.started_a_job({'resultCode': 'N0102'})
    assert jobs.status_code({}) is None and jobs.status_code(None) is None
