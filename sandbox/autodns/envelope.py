# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The response envelope every answer carries, and the error type.

``{"stid", "status": {"code", "text", "type"}, "object": {"type", "value"},
"data": [...], "messages": [...]}``. Status codes are a letter plus the task
code of the route (swagger summaries, e.g. "Domain Update (0102)"): S = done,
N = accepted and running as a job, E = error.
"""
import datetime
import itertools
import threading

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def new_stid():
    with _counter_lock:
        n = next(_counter)
    return '%s-sandbox-%d' % (datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%d'), n)


def response_object(type_, value=None, summary=None):
    obj = {'type': type_}
    if value is not None:
        obj['value'] = str(value)
    if summary is not None:
        obj['summary'] = summary
    return obj


def envelope(stid, code, text, type_, obj=None, data=None, messages=None):
    body = {'stid': stid, 'status': {'code': code, 'text': text, 'type': type_}}
    if obj is not None:
        body['object'] = obj
    body['data'] = list(data or [])
    if messages:
        body['messages'] = messages
    return body


class ApiError(Exception):
    """An answer with status type ERROR.

    ``reason`` is a short key naming the cause (see docs/sandbox-autodns.md);
    it is put into ``messages[0].notice``. The status code is ``E`` + the
    task code of the route that failed.
    """

    def __init__(self, http_status, reason, text, obj=None, details=()):
        super().__init__(text)
        self.http_status = http_status
        self.reason = reason
        self.text = text
        self.obj = obj
        self.details = list(details)

    def body(self, stid, task):
        code = 'E' + task
        objects = [self.obj] if self.obj else []
        # help.internetx.com "AutoDNS messages": status codes begin with S, E or N, error
        # messages with EF (e.g. "EF0101"); the swagger's Message.code is the task code.
        messages = [{'code': error_message_code(task), 'text': self.text, 'notice': self.reason,
                     'status': 'ERROR', 'objects': objects}]
        for detail in self.details:
            messages.append({'code': error_message_code(task), 'text': detail, 'notice': self.reason,
                             'status': 'ERROR', 'objects': objects})
        return envelope(stid, code, self.text, 'ERROR', self.obj, [], messages)


def error_message_code(task):
    """``messages[].code`` of an error: EF + the task code (sandbox choice, docs/sandbox-autodns.md)."""
    return 'EF' + task


def bad_request(reason, text, obj=None, details=()):
    return ApiError(400, reason, text, obj, details)


def not_found(reason, text, obj=None):
    return ApiError(404, reason, text, obj)
