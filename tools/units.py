# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make units`: ansible-test units on a copy of the collection, in a virtual environment.

--venv, not --local: with --requirements, --local would install ansible-test's unit test
requirements (pytest-xdist, pytest-mock, mock) and tests/unit/requirements.txt into the
checkout's own venv. --venv makes ansible-test build its own environment in the copy's
tests/output/ from the package index (pip's cache makes that quick after the first run).
The copy and the pip bootstrap are explained in tools/collection_copy.py.

Usage: python tools/units.py [ansible-test units options, e.g. tests/unit/test_lock.py]
"""

import os
import subprocess
import sys
import time

from collection_copy import ansible_test, collection_copy
from extract_autodns_reference import find_swagger


def main(argv):
    # tests/unit/test_autodns_reference.py looks for shared/reference/ in an ancestor of the
    # collection: give the copy the checkout's, where there is one.
    swagger = find_swagger()
    beside = {'shared': os.path.dirname(os.path.dirname(swagger))} if swagger else {}
    with collection_copy('units', beside) as tree:
        command = [ansible_test(), 'units', '--venv', '--requirements', '--python', '%d.%d' % sys.version_info[:2],
                   '--color', 'no'] + argv
        print('ansible-test units in %s' % tree, flush=True)
        started = time.monotonic()
        status = subprocess.call(command, cwd=tree)
        print('ansible-test units: exit status %d after %.0f s' % (status, time.monotonic() - started), flush=True)
        return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
