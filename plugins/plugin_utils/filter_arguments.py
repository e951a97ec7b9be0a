# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The checks every filter of the collection makes on what a playbook hands it.

A filter's input comes from a template, so a wrong shape is the user's mistake: each check fails with
``<filter>: <what> must be a <shape>, got <type>`` instead of a Python traceback further down.
"""

from __future__ import annotations

from ansible.errors import AnsibleFilterError


class FilterArguments:
    def __init__(self, filter_name):
        self.filter_name = filter_name

    def fail(self, message):
        raise AnsibleFilterError('%s: %s' % (self.filter_name, message))

    def _shape(self, value, shape, name, what):
        if not isinstance(value, shape):
            self.fail('%s must be a %s, got %s' % (what, name, type(value).__name__))
        return value

    def listed(self, value, what):
        return self._shape(value, list, 'list', what)

    def mapping(self, value, what):
        return self._shape(value, dict, 'mapping', what)

    def optional_mapping(self, value, what):
        """``value``, a dict; None (an option not given, a task that did not run) reads as ``{}``."""
        return {} if value is None else self.mapping(value, what)
