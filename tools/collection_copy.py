# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A copy of the collection for ansible-test (used by tools/sanity.py and tools/units.py).

ansible-test must find the collection at .../ansible_collections/domainops/registrar as a real
directory. The checkout's own link (.build/collections/.../registrar -> the checkout) is a loop
for it, so the files git knows (tracked, plus new files not ignored) are copied to a temporary
tree first and the tests run there.

ansible-test bootstraps pip into each virtual environment it creates with a script it downloads
from its own CI file server, which is not a package index. When that script is not in its cache,
a stand-in is written there: the standard library's ensurepip, then pip from the package index
like every other requirement.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMESPACE, NAME = 'domainops', 'registrar'

PIP_BOOTSTRAP = '''\
"""Stand-in for ansible-test's get-pip script (written by domainops.registrar tools/collection_copy.py)."""
import subprocess
import sys

ARGS = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'], stdout=subprocess.DEVNULL)
subprocess.check_call([sys.executable, '-m', 'pip', 'install', '--quiet'] + ARGS)
'''


def collection_files():
    """The files a commit would hold: tracked and new ones, not ignored, that exist."""
    listing = subprocess.run(
        ['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
        cwd=ROOT, check=True, stdout=subprocess.PIPE).stdout.decode('utf-8')
    for path in sorted(set(filter(None, listing.split('\0')))):
        if os.path.isfile(os.path.join(ROOT, path)) and not os.path.islink(os.path.join(ROOT, path)):
            yield path


def copy_collection(destination):
    for path in collection_files():
        target = os.path.join(destination, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, path), target)


def ensure_pip_bootstrap():
    """Write the pip bootstrap stand-in for the pip version this ansible-test uses, if missing."""
    try:
        from ansible_test._internal.python_requirements import get_venv_packages  # pylint: disable=import-error
    except ImportError:  # another ansible-test layout: let it fetch its own script
        return

    class Python:  # get_venv_packages() only reads the version
        version = '%d.%d' % sys.version_info[:2]

    pip_version = get_venv_packages(Python())['pip']
    cache = os.path.expanduser('~/.ansible/test/cache/get_pip_%s.py' % pip_version.replace('.', '_'))
    if not os.path.exists(cache):
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        with open(cache, 'w', encoding='utf-8') as handle:
            handle.write(PIP_BOOTSTRAP)


@contextlib.contextmanager
def collection_copy(purpose, beside=None):
    """Yield the path of a fresh copy of the collection; remove it afterwards.

    ``beside`` maps names to directories linked next to ``ansible_collections`` in the copy's
    parent, as the checkout has them in an ancestor (``shared`` with the reference material).
    """
    ensure_pip_bootstrap()
    work = tempfile.mkdtemp(prefix='domainops-%s-' % purpose)
    try:
        tree = os.path.join(work, 'ansible_collections', NAMESPACE, NAME)
        copy_collection(tree)
        for name, directory in (beside or {}).items():
            os.symlink(directory, os.path.join(work, name))
        yield tree
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ansible_test():
    """The ansible-test next to the running Python (the venv's)."""
    return os.path.join(os.path.dirname(sys.executable), 'ansible-test')
