# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""pytest imports a test file outside a package by its base name: two such files with the same name
stop the whole run at collection ("import file mismatch"), which a run of one directory never shows."""
import collections
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def module_name(path):
    """The name pytest's default import mode gives the file: its packages up to the first plain directory."""
    parts = [os.path.splitext(os.path.basename(path))[0]]
    folder = os.path.dirname(path)
    while os.path.exists(os.path.join(folder, '__init__.py')):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    return '.'.join(parts)


def test_every_test_module_has_its_own_import_name():
    names = collections.defaultdict(list)
    for folder, _dirs, files in os.walk(os.path.join(ROOT, 'tests')):
        for name in files:
            if name.startswith('test_') and name.endswith('.py'):
                path = os.path.join(folder, name)
                names[module_name(path)].append(os.path.relpath(path, ROOT))
    clashes = dict((name, paths) for name, paths in names.items() if len(paths) > 1)
    assert not clashes, clashes
