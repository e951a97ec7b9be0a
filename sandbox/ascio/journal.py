# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The journal: one JSON line per SOAP call.

Fields: operation, order_type (CreateOrder/ValidateOrder, else null), domain,
result_code (null for a SOAP Fault), write (true for CreateOrder,
AckMessage and CreateDnsSecKey).  Request bodies are never written, so neither passwords nor
AuthInfo can reach the file.
"""
import json
import threading

WRITES = ('CreateOrder', 'AckMessage', 'CreateDnsSecKey')


class Journal:
    def __init__(self, path=None):
        self._lock = threading.Lock()
        self._file = open(path, 'a', encoding='utf-8') if path else None

    def record(self, operation, result_code, domain=None, order_type=None):
        if self._file is None:
            return
        entry = {
            'operation': operation,
            'order_type': order_type if operation in ('CreateOrder', 'ValidateOrder') else None,
            'domain': domain,
            'result_code': result_code,
            'write': operation in WRITES,
        }
        line = json.dumps(entry, sort_keys=False)
        with self._lock:
            self._file.write(line + '\n')
            self._file.flush()

    def close(self):
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
