# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""AutoDNS jobs: which statuses end a job, which are still pending, and which actions touch which aspect.

The statuses are a copy of docs/reference/autodns-rules.json ``job_status`` (modules cannot read
docs/ at run time); tests/unit/plugins/module_utils/autodns/test_jobs.py checks that the two agree
and that together they are the swagger's JobStatusConstants. Only SUCCESS, FAILED and CANCELED are
final: any other status may still become a paid result, so it is pending and nothing is ordered
twice meanwhile. read.read_pending uses the actions below to pick the jobs that matter to a task.
"""
from ansible_collections.domainops.registrar.plugins.module_utils.core import aspects

JOB_STATUS_FINAL = ('CANCELED', 'FAILED', 'SUCCESS')
JOB_STATUS_FAILED = ('CANCELED', 'FAILED')
JOB_STATUS_PENDING = ('DEFERRED', 'NOT_SET', 'RUNNING', 'SUPPORT', 'WAIT')
JOB_STATUSES = JOB_STATUS_FINAL + JOB_STATUS_PENDING
# An answer that started a job (autodns-rules.json job_answer): its status type, or an N code.
JOB_ANSWER_TYPES = ('NOTIFY', 'NOTICE', 'NICCOM_NOTIFY')
JOB_CODE_PREFIX = 'N'


# Where a status holds its code (autodns-rules.json status_code_member): the swagger's name, then the help page's.
STATUS_CODE_MEMBERS = ('code', 'resultCode')


def status_code(status):
    """The code of an answer's ``status`` (S..., E..., N...), None when it has none."""
    status = status if isinstance(status, dict) else {}
    return next((status[m] for m in STATUS_CODE_MEMBERS if status.get(m)), None)


def started_a_job(status):
    """Whether a write's answer ``status`` (type, code) says a job was started and is still running."""
    status = status or {}
    return status.get('type') in JOB_ANSWER_TYPES or str(status_code(status) or '').startswith(JOB_CODE_PREFIX)


def job_status(value):
    """The status upper-cased; ValueError for one the swagger does not list (a malformed answer)."""
    status = str(value).strip().upper()
    if status not in JOB_STATUSES:
        raise ValueError('job status %r is not one of %s' % (value, ', '.join(sorted(JOB_STATUSES))))
    return status


def is_pending(status):
    return job_status(status) in JOB_STATUS_PENDING


def is_failed(status):
    return job_status(status) in JOB_STATUS_FAILED


# Job actions (swagger DomainActionConstants) that can change what a task manages, keyed by the
# aspect table's names (core/aspects.py): one key per aspect, no other spelling.
_UPDATE = ('UPDATE', 'UPDATE_NAMESERVER')
_OWNER = ('OWNERCHANGE', 'UPDATE_OWNER_CHANGE')
_STATUS = ('UPDATE_STATUS',)
_RENEW = ('RENEW', 'RESTORE_RENEW')
PENDING_ACTIONS = {
    aspects.NAMESERVERS: _UPDATE,
    # PUT /domain/{name}/_dnssec runs as UPDATE_DNSSEC; a domain update may carry dnssecData too.
    aspects.DNSSEC: ('UPDATE', 'UPDATE_DNSSEC', 'AUTOUPDATE_DNSSEC'),
    aspects.REGISTRANT: _UPDATE + _OWNER,
    aspects.CONTACTS: _UPDATE + _OWNER,
    aspects.AUTORENEW: _UPDATE,
    aspects.PRIVACY: _UPDATE,
    aspects.LOCKS: _STATUS,
    aspects.UNLOCK: _STATUS,
    aspects.STATUS: _STATUS,
    aspects.RENEW: _RENEW,
    aspects.AUTH_CODE: (),
    aspects.EXPIRE: _RENEW,  # a cancelation waits for a renewal still running (it moves the expiry)
    aspects.DELETE: (),
    aspects.REGISTER: (),
    aspects.TRANSFER: (),
    aspects.RESTORE: (),
}
# A job that brings the domain into the account matters to every task on it.
EXISTENCE_ACTIONS = ('CREATE', 'TRANSFER', 'RESTORE')
KNOWN_ACTIONS = set(a for actions in PENDING_ACTIONS.values() for a in actions) | set(EXISTENCE_ACTIONS)
