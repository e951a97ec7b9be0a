# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make sanity`: ansible-test sanity on a copy of the collection, with the local Python.

The copy and the pip bootstrap are explained in tools/collection_copy.py.

Usage: python tools/sanity.py [ansible-test sanity options, e.g. --test pep8]
"""

import subprocess
import sys

from collection_copy import ansible_test, collection_copy


def main(argv):
    with collection_copy('sanity') as tree:
        command = [ansible_test(), 'sanity', '--local', '--python', '%d.%d' % sys.version_info[:2],
                   '--color', 'no'] + argv
        print('ansible-test sanity in %s' % tree, flush=True)
        return subprocess.call(command, cwd=tree)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
