# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Test-only callback: write every task's result, by task name, to $TASK_RESULTS_FILE as JSON.

The default callback keeps printing what a user sees (including --diff); this one gives the
tests the structured results a user would register.
"""
import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = r'''
name: task_results
type: aggregate
short_description: Write task results by name to a JSON file (tests only)
description: Writes the result of each task to the file named by TASK_RESULTS_FILE.
'''


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'task_results'
    CALLBACK_NEEDS_ENABLED = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = {}

    def _record(self, result, **extra):
        name = result._task.get_name()
        if extra.get('skipped') and name in self.results:
            return  # a skipped twin of a task that ran keeps the result of the one that ran
        data = json.loads(self._dump_results(result._result, indent=None))
        data.update(extra)
        self.results[name] = data

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, failed=True)

    def v2_runner_on_skipped(self, result):
        self._record(result, skipped=True)

    def v2_playbook_on_stats(self, stats):
        path = os.environ.get('TASK_RESULTS_FILE')
        if path:
            with open(path, 'w') as handle:
                json.dump(self.results, handle)
