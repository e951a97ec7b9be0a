# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Time of the portfolio and renewal roles' templates as the number of domains grows.

Prints figures, asserts nothing, needs no registrar: each template of a role's vars/main.yml is
rendered with ansible's Templar on generated task results, as the role sees them after its
module tasks, once per N:
    .venv/bin/python benchmarks/bench_role_templates.py [N ...]               (default: 200 1000)
    .venv/bin/python benchmarks/bench_role_templates.py --rev 3bd9a9d 200     (the templates of an earlier commit)
With --rev the role files are read with `git show REV:roles/<role>/...`. The generated results
carry both layouts, the per-domain loops' (`results`, before the roles used the portfolio module)
and the portfolio module's (`domains`), so the same data serves the templates of either.

With --playbook the whole portfolio role runs instead, end to end: an AutoDNS sandbox with N generated
domains (rate limit off), `domain_info export: true`, then the role on the export, in check mode and
for real (a no-op either way); it prints the wall time and the requests of each run.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

from ansible import template as ansible_template
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import init_plugin_loader
from ansible.template import Templar

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The role templates that grow with N (the connection and queue-head ones do not).
TEMPLATES = {
    'portfolio': ['__portfolio_undefined_references', '__portfolio_duplicates', '__portfolio_declarations',
                  '__portfolio_summary'],
    'renewal': ['__renewal_candidates', '__renewal_declarations', '__renewal_references', '__renewal_summary'],
}
# ansible-core 2.19 templates only strings marked as trusted; older releases template every string.
trust = getattr(ansible_template, 'trust_as_template', lambda value: value)


def role_file(role, name, rev):
    """A role's defaults or vars file, as loaded by ansible (its strings trusted as templates)."""
    relative = 'roles/%s/%s/main.yml' % (role, name)
    if rev is None:
        path = os.path.join(ROOT, relative)
        return DataLoader().load_from_file(path, trusted_as_template=True) or {}
    text = subprocess.run(['git', 'show', '%s:%s' % (rev, relative)], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout
    with tempfile.NamedTemporaryFile('w', suffix='.yml', delete=False) as handle:
        handle.write(text)
    try:
        return DataLoader().load_from_file(handle.name, trusted_as_template=True) or {}
    finally:
        os.unlink(handle.name)


def domain_name(index):
    return 'd%05d.example' % index


def operation(kind, index, status='Completed'):
    return {'operation': kind, 'domain': domain_name(index), 'request': kind, 'id': 'TEST-%06d' % index,
            'status': status, 'message': None}


def portfolio_data(count):
    """portfolio_domains and portfolio_contacts, and the task results the summary reads (both layouts)."""
    contacts = {'hostmaster': {'first_name': 'Host', 'last_name': 'Master', 'email': 'hostmaster@example.com'},
                'holder': {'organization': 'Example Ltd', 'email': 'domains@example.com'}}
    domains, converged, renewed, module = [], [], [], []
    for index in range(count):
        item = {'name': domain_name(index), 'nameservers': ['a.ns14.net', 'b.ns14.net'], 'autorenew': True,
                'contacts': {'registrant': 'holder', 'admin': 'hostmaster', 'tech': 'hostmaster'}}
        if index % 2:
            item['renew'] = {'min_days_left': 30}
        domains.append(item)
        changed = index % 10 == 0
        operations = [operation('Nameserver_Update', index)] if changed else []
        converged.append({'portfolio_domain': item, 'changed': changed, 'operations': operations,
                          'domain': domain_name(index)})
        result = {'domain': domain_name(index), 'changed': changed, 'operations': list(operations),
                  'payable': '2027-12-31', 'expires': '2027-12-31'}
        if 'renew' in item:
            renews = index % 20 == 1
            renewal = [operation('Renew_Domain', count + index)] if renews else []
            renewed.append({'portfolio_domain': item, 'changed': renews, 'operations': renewal,
                            'payable': '2027-12-31', 'expires': '2027-12-31'})
            result['operations'] += renewal
            result['changed'] = changed or renews
        module.append(result)
    return {
        'portfolio_domains': domains, 'portfolio_contacts': contacts,
        'portfolio_converged': {'results': converged, 'domains': module, 'changed': True},
        'portfolio_renewed': {'results': renewed},
        'portfolio_current': {'results': [{'portfolio_domain': d, 'exists': True} for d in domains], 'missing': []},
    }


def renewal_data(count, window=30):
    """The listed domains as read, renewed (about one in twelve, inside the window) and their messages acknowledged."""
    today = datetime.date.today()
    read, renewed, module, confirmed, messages = [], [], [], [], []
    for index in range(count):
        paid = (today + datetime.timedelta(days=index % 365 + 1)).isoformat()
        domain = {'name': domain_name(index), 'payable': paid, 'expires': paid}
        read.append({'renewal_domain': domain['name'], 'exists': True, 'domain': domain})
        if index % 365 + 1 < window:
            later = (today + datetime.timedelta(days=index % 365 + 366)).isoformat()
            op = operation('Renew_Domain', index)
            candidate = {'name': domain['name'], 'paid_until': paid, 'days_left': index % 365 + 1, 'selected': True}
            renewed.append({'renewal_candidate': candidate, 'changed': True, 'operations': [op], 'payable': later})
            module.append({'domain': domain['name'], 'changed': True, 'operations': [op], 'payable': later,
                           'expires': later})
            confirmed.append({'renewal_name': domain['name'], 'domain': dict(domain, payable=later, expires=later)})
            messages.append({'id': 'msg-%06d' % index, 'reference': op['id'], 'domain': domain['name'],
                             'status': 'Completed'})
    return {
        'renewal_domains': [r['domain']['name'] for r in read], 'renewal_within_days': window,
        'renewal_read': {'results': read, 'domains': [r['domain'] for r in read], 'missing': []},
        'renewal_renewed': {'results': renewed, 'domains': module, 'changed': True},
        'renewal_confirmed': {'results': confirmed},
        'renewal_drained': {'messages': messages, 'remaining': None},
        'renewal_acknowledged_more': [],
    }


def render(templar, name):
    started = time.perf_counter()
    value = templar.template(trust('{{ %s }}' % name))
    return time.perf_counter() - started, value


def measure(role, count, rev):
    """[(template, seconds)] for one role at N = count; templates the role's files do not have are left out."""
    variables = dict(role_file(role, 'defaults', rev))
    role_vars = role_file(role, 'vars', rev)
    variables.update(role_vars)
    variables.update(portfolio_data(count) if role == 'portfolio' else renewal_data(count))
    variables['ansible_check_mode'] = False
    figures = []
    for name in TEMPLATES[role]:
        if name not in role_vars:
            continue
        seconds, value = render(Templar(loader=DataLoader(), variables=variables), name)
        if name == '__renewal_candidates':
            variables['renewal_candidates'] = value    # the role's set_fact
        figures.append((name, seconds))
    return figures


PLAYBOOK = [{
    'name': 'Export the account and converge the export', 'hosts': 'localhost', 'gather_facts': False,
    'tasks': [
        {'name': 'Export', 'domainops.registrar.domain_info': {'provider': 'autodns', 'export': True}, 'register': 'exported'},
        {'name': 'Converge the export', 'ansible.builtin.include_role': {'name': 'domainops.registrar.portfolio'},
         'vars': {'portfolio_provider': 'autodns', 'portfolio_domains': '{{ exported.portfolio.portfolio_domains }}',
                  'portfolio_contacts': '{{ exported.portfolio.portfolio_contacts }}'}},
    ],
}]


def run_playbook(count):
    """[(run, seconds, requests)]: export + portfolio role against a sandbox with ``count`` generated domains."""
    sys.path.insert(0, ROOT)
    from sandbox.launcher import Sandbox
    work = tempfile.mkdtemp(prefix='bench-role-')
    journal, playbook = os.path.join(work, 'journal.jsonl'), os.path.join(work, 'play.yml')
    with open(playbook, 'w') as handle:
        json.dump(PLAYBOOK, handle)   # JSON is YAML
    sandbox = Sandbox('autodns', generate=count, rate_limit=0, journal=journal, log=subprocess.DEVNULL)
    figures = []
    try:
        env = dict(os.environ, AUTODNS_URL=sandbox.url, AUTODNS_USER='demo', AUTODNS_PASSWORD='demo-password',
                   AUTODNS_CONTEXT='4', ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, '.build', 'collections'),
                   ANSIBLE_PYTHON_INTERPRETER=sys.executable)
        for label, args in (('check mode', ['--check']), ('for real', [])):
            before = requests_in(journal)
            started = time.monotonic()
            proc = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,',
                                   '-c', 'local', playbook] + args, env=env, capture_output=True, text=True, check=False)
            seconds = time.monotonic() - started
            if proc.returncode != 0 or 'changed=0' not in proc.stdout:
                raise SystemExit('the playbook failed or changed something:\n' + proc.stdout[-4000:] + proc.stderr[-2000:])
            figures.append((label, seconds, requests_in(journal) - before))
    finally:
        sandbox.stop()
    return figures


def requests_in(journal):
    if not os.path.exists(journal):
        return 0
    with open(journal) as handle:
        return sum(1 for line in handle if line.strip())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('sizes', nargs='*', type=int, default=[200, 1000])
    parser.add_argument('--rev', help='read the role files of this git revision instead of the checkout')
    parser.add_argument('--roles', nargs='*', default=sorted(TEMPLATES), choices=sorted(TEMPLATES))
    parser.add_argument('--playbook', action='store_true', help='run the portfolio role end to end against a sandbox')
    args = parser.parse_args(argv)
    # The templates call the collection's own filters (domainops.registrar.portfolio_summary).
    init_plugin_loader([os.path.join(ROOT, '.build', 'collections')])
    if args.playbook:
        print('| N | run | wall time (s) | requests |')
        print('| --- | --- | --- | --- |')
        for count in args.sizes:
            for label, seconds, requests in run_playbook(count):
                print('| %d | export + portfolio role, %s | %.1f | %d |' % (count, label, seconds, requests))
                sys.stdout.flush()
        return
    print('templates of %s' % (args.rev or 'the checkout'))
    print('| role | template | %s |' % ' | '.join('N = %d (s)' % n for n in args.sizes))
    print('| --- | --- | %s |' % ' | '.join('---' for _size in args.sizes))
    for role in args.roles:
        rows = {}
        for count in args.sizes:
            for name, seconds in measure(role, count, args.rev):
                rows.setdefault(name, []).append(seconds)
        for name, times in rows.items():
            print('| %s | %s | %s |' % (role, name, ' | '.join('%.3f' % t for t in times)))
        sys.stdout.flush()


if __name__ == '__main__':
    main()
