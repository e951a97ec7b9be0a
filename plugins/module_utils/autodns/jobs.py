# -*- coding: utf-8 -*-
"""AutoDNS job statuses: which end a job and which are still pending.

A copy of docs/reference/autodns-rules.json ``job_status`` (modules cannot read docs/ at run
time); tests/unit/test_autodns_tasks.py checks that the two agree and that together they are the
swagger's JobStatusConstants. Only SUCCESS, FAILED and CANCELED are final: any other status may
still become a paid result, so it is pending and nothing is ordered twice meanwhile.
"""
JOB_STATUS_FINAL = ('CANCELED', 'FAILED', 'SUCCESS')
JOB_STATUS_FAILED = ('CANCELED', 'FAILED')
JOB_STATUS_PENDING = ('DEFERRED', 'NOT_SET', 'RUNNING', 'SUPPORT', 'WAIT')
JOB_STATUSES = JOB_STATUS_FINAL + JOB_STATUS_PENDING


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
