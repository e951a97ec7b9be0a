# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make demo`: start both sandboxes, run playbooks/demo.yml against them, stop them.

No credentials are needed: the sandboxes' own demo accounts are used.
"""
import os
import subprocess
import sys
import tempfile

from sandbox.launcher import ROOT, Sandbox


def main():
    seeds = os.path.join(ROOT, 'sandbox', 'seeds')
    work = tempfile.mkdtemp(prefix='domainops-demo-')
    with open(os.path.join(work, 'sandboxes.log'), 'w') as log, \
            Sandbox('autodns', seed=os.path.join(seeds, 'autodns.yml'),
                    journal=os.path.join(work, 'autodns.jsonl'), log=log) as autodns, \
            Sandbox('ascio', seed=os.path.join(seeds, 'ascio.yml'),
                    journal=os.path.join(work, 'ascio.jsonl'), log=log) as ascio:
        print('AutoDNS sandbox: %s\nAscio sandbox:   %s\nRequests they received: %s\n'
              % (autodns.url, ascio.url, work), flush=True)
        env = dict(os.environ)
        env.update({
            'AUTODNS_URL': autodns.url, 'AUTODNS_USER': 'demo', 'AUTODNS_PASSWORD': 'demo-password',
            'AUTODNS_CONTEXT': '4',
            'ASCIO_URL': ascio.url, 'ASCIO_ACCOUNT': 'demo', 'ASCIO_PASSWORD': 'demo-password',
            'ANSIBLE_COLLECTIONS_PATH': os.path.join(ROOT, '.build', 'collections'),
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
            'ANSIBLE_LOCALHOST_WARNING': '0',
            'ANSIBLE_INVENTORY_UNPARSED_WARNING': '0',
        })
        command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,',
                   '-c', 'local', os.path.join(ROOT, 'playbooks', 'demo.yml')] + sys.argv[1:]
        return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == '__main__':
    sys.exit(main())
