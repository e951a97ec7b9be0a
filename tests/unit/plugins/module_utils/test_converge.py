# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The flow for 1..N domains (converge.py) against a stand-in registrar that counts its reads."""
import datetime

from ansible_collections.domainops.registrar.plugins.module_utils.converge import Converge
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import Operation, RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from ansible_collections.domainops.registrar.plugins.module_utils.core.model import DesiredDomain, Domain, Nameserver, RenewPolicy

OLD = (Nameserver('a.ns14.net'), Nameserver('b.ns14.net'))
NEW = (Nameserver('c.ns14.net'), Nameserver('d.ns14.net'))
JOB_SECONDS = 10.0


class Clock:
    """Fake time: sleeping moves it on."""

    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


class Bulk(RegistrarAdapter):
    """A registrar with bulk reads; each job ends JOB_SECONDS after it was sent."""
    name = 'stand-in'
    supported_aspects = ('nameservers', 'renew')

    def __init__(self, names, clock, refuse=()):
        self.domains = dict((n, Domain(n, nameservers=OLD, expires=datetime.date.today() + datetime.timedelta(days=10)))
                            for n in names)
        self.clock = clock
        self.refuse = refuse
        self.calls = []
        self.sent = []
        self.jobs = {}

    def get_domain(self, name):
        raise AssertionError('the flow reads in bulk')

    def get_domains(self, names):
        self.calls.append('get_domains')
        return dict((n, self.domains.get(n)) for n in names)

    def pending_many(self, names, aspects):
        self.calls.append('pending_many')
        return dict((n, []) for n in names)

    def refresh_many(self, submissions):
        self.calls.append('refresh_many')
        result = []
        for sub in submissions:
            done = self.clock() - self.jobs[sub.id] >= JOB_SECONDS
            if done:
                self.domains[sub.domain] = self.domains[sub.domain].with_changes(nameservers=NEW)
            result.append(Submission(sub.operation, sub.domain, sub.id, 'SUCCESS' if done else 'RUNNING', done=done))
        return result

    def operations(self, current, changes):
        result = []
        for change in changes:
            aspects = (change.aspect,)
            result.append(Operation('Renew' if change.aspect == 'renew' else 'Update', current.name, aspects, {}))
        return result

    def submit(self, operation):
        if operation.domain in self.refuse:
            raise RegistrarError('400', 'refused', operation=operation.name)
        self.sent.append((operation.domain, operation.name))
        job = 'JOB-%d' % len(self.sent)
        self.jobs[job] = self.clock()
        return Submission(operation.name, operation.domain, job, 'RUNNING')


def converge(registrar, clock, desired, **options):
    return Converge(registrar, ('nameservers', 'renew'), sleep=clock.sleep, clock=clock, **options).run(desired)


def names(count):
    return ['d%03d.example' % i for i in range(count)]


def test_fifty_changes_are_read_in_bulk_and_wait_about_one_job_time():
    clock = Clock()
    registrar = Bulk(names(50), clock)
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(50)])
    assert all(r.error is None and r.result['changed'] for r in runs)
    assert len(registrar.sent) == 50
    # Read and looked for pending work in bulk: before, under the lock, and the confirming read.
    assert registrar.calls.count('get_domains') == 3 and registrar.calls.count('pending_many') == 2
    # Followed together: the run waited about one job's time, not 50 of them.
    assert JOB_SECONDS <= clock.now < 2 * JOB_SECONDS
    assert registrar.calls.count('refresh_many') < 10
    assert all(r.result['nameservers'][0]['name'] == 'c.ns14.net' for r in runs)


def test_a_refused_domain_does_not_stop_the_others():
    clock = Clock()
    registrar = Bulk(names(5), clock, refuse=('d002.example',))
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(5)])
    failed = [r.name for r in runs if r.error is not None]
    assert failed == ['d002.example']
    assert runs[2].result['registry_code'] == '400' and runs[2].result['operations'][0]['status'] == 'refused'
    assert sorted(d for d, _op in registrar.sent) == ['d000.example', 'd001.example', 'd003.example', 'd004.example']


def test_fail_fast_stops_sending_after_the_first_failure():
    clock = Clock()
    registrar = Bulk(names(5), clock, refuse=('d001.example',))
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(5)], fail_fast=True)
    assert [d for d, _op in registrar.sent] == ['d000.example']
    assert all(op['status'] == 'not sent' for r in runs[2:] for op in r.result['operations'])


def test_check_mode_reads_in_bulk_plans_and_sends_nothing():
    clock = Clock()
    registrar = Bulk(names(20), clock)
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(20)], check_mode=True)
    assert registrar.sent == [] and registrar.calls == ['pending_many', 'get_domains']
    assert all(r.result['changed'] and r.result['operations'][0]['status'] == 'planned' for r in runs)


def test_a_domain_missing_from_the_account_fails_alone():
    clock = Clock()
    registrar = Bulk(names(2), clock)
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(3)])
    assert [r.error is not None for r in runs] == [False, False, True]
    assert 'not in this stand-in account' in runs[2].result['msg']


def test_stop_on_missing_sends_nothing_for_any_domain_when_one_is_missing():
    declared = [DesiredDomain(n, nameservers=NEW) for n in names(4)]
    for check_mode in (True, False):
        clock = Clock()
        registrar = Bulk(names(2) + names(4)[3:], clock)
        flow = Converge(registrar, ('nameservers', 'renew'), sleep=clock.sleep, clock=clock, stop_on_missing=True,
                        check_mode=check_mode)
        runs = flow.run(declared)
        assert registrar.sent == [] and flow.missing == flow.stopped_for_missing == ['d002.example']
        assert [r.error is not None for r in runs] == [False, False, True, False]
        for run in (runs[0], runs[1], runs[3]):
            assert run.result['changed'] is False
            assert run.result['operations'][0]['status'] == 'not sent'
            assert 'd002.example not in the account' in run.result['operations'][0]['message']
    # With every domain in the account, it changes nothing.
    clock = Clock()
    registrar = Bulk(names(4), clock)
    flow = Converge(registrar, ('nameservers', 'renew'), sleep=clock.sleep, clock=clock, stop_on_missing=True)
    flow.run(declared)
    assert len(registrar.sent) == 4 and flow.stopped_for_missing == []


class Vanishing(Bulk):
    """A registrar where one domain is deleted between the first read and the read under the lock."""

    def get_domains(self, names):
        if self.calls.count('get_domains') == 1:
            self.domains.pop('d001.example', None)
        return super().get_domains(names)


def test_a_domain_gone_only_under_the_lock_fails_alone_even_with_stop_on_missing():
    clock = Clock()
    registrar = Vanishing(names(3), clock)
    flow = Converge(registrar, ('nameservers', 'renew'), sleep=clock.sleep, clock=clock, stop_on_missing=True)
    runs = flow.run([DesiredDomain(n, nameservers=NEW) for n in names(3)])
    # The others were sent before it was found missing: the run did not stop for it, and does not say so.
    assert sorted(d for d, _op in registrar.sent) == ['d000.example', 'd002.example']
    assert flow.missing == ['d001.example'] and flow.stopped_for_missing == []
    assert [r.error is not None for r in runs] == [False, True, False]


def test_every_planned_operation_is_marked_and_allow_refuses_before_anything_is_sent():
    clock = Clock()
    registrar = Bulk(names(3), clock)
    desired = [DesiredDomain('d000.example', renew=RenewPolicy(min_days_left=30))] + \
        [DesiredDomain(n, nameservers=NEW) for n in names(3)[1:]]
    runs = converge(registrar, clock, desired, allow=['irreversible'])
    assert registrar.sent == []
    renewal = runs[0].result['operations'][0]
    assert renewal['billable'] is True and renewal['irreversible'] is False and renewal['status'] == 'refused by allow'
    assert 'refusing d000.example Renew (billable)' in runs[0].result['msg']
    # The other domains' changes are not billable, and are not sent either: the run refused.
    assert runs[1].result['operations'][0]['billable'] is False
    assert runs[1].result['operations'][0]['status'] == 'not sent'


def test_allow_refuses_in_check_mode_too_and_allows_what_it_lists():
    clock = Clock()
    registrar = Bulk(names(1), clock)
    desired = [DesiredDomain('d000.example', renew=RenewPolicy(min_days_left=30))]
    (run,) = converge(registrar, clock, desired, allow=[], check_mode=True)
    assert run.error is not None
    (run,) = converge(Bulk(names(1), clock), clock, desired, allow=['billable'], check_mode=True)
    assert run.error is None and run.result['changed']


def test_what_was_sent_is_followed_with_pauses_growing_slowly():
    # One bulk read answers every job: a job is seen at most about 1.2 times its duration after it was
    # sent (the reads' times grow by the factor), where a single wait's 1.5 may see it 50 % late.
    clock = Clock()
    registrar = Bulk(names(1), clock)
    converge(registrar, clock, [DesiredDomain('d000.example', nameservers=NEW)])
    assert clock.sleeps[:4] == [1.0, 1.2, 1.44, 1.728]
    assert JOB_SECONDS <= clock.now < JOB_SECONDS * 1.3


def test_result_keys_narrow_the_results_not_the_diffs():
    clock = Clock()
    registrar = Bulk(names(3), clock)
    runs = converge(registrar, clock, [DesiredDomain(n, nameservers=NEW) for n in names(3)], check_mode=True, diff=True,
                    result_keys=('expires',))
    assert all(set(r.result) == {'changed', 'domain', 'operations', 'expires'} for r in runs)
    assert all('c.ns14.net' in str(r.diff['after']) and 'nameservers' in r.diff['after'] for r in runs)
