# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import multiprocessing
import os
import time

from ansible_collections.domainops.registrar.plugins.module_utils.autodns import ratelimit
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def limiter(tmp_path, clock, key='api.example', **kwargs):
    return RateLimiter(key, rate=3, directory=str(tmp_path), clock=clock, sleep=clock.sleep, **kwargs)


def max_in_one_second(times):
    times = sorted(times)
    return max(len([t for t in times[i:] if t - start < 1.0]) for i, start in enumerate(times)) if times else 0


def test_slots_are_spaced_by_a_third_of_a_second_plus_margin_across_instances(tmp_path):
    clock = FakeClock()
    first, second = limiter(tmp_path, clock), limiter(tmp_path, clock)  # as two processes would: one file
    slots = [lim.acquire() for lim in (first, second, first, second, first, second)]
    gaps = [b - a for a, b in zip(slots, slots[1:])]
    assert all(abs(gap - (1.0 / 3 + ratelimit.DEFAULT_MARGIN)) < 1e-9 for gap in gaps)
    assert max_in_one_second(slots) == 3
    assert slots[3] - slots[0] > 1.0 + 0.25, 'four requests span more than a second with room for set-up jitter'


def test_other_hosts_have_their_own_slots(tmp_path):
    clock = FakeClock()
    for key in ('a.example', 'b.example'):
        limiter(tmp_path, clock, key=key).acquire()
    assert clock.slept == []


def test_one_state_file_per_user_bounded_and_pruned(tmp_path):
    clock = FakeClock()
    for number in range(ratelimit.MAX_HOSTS + 20):
        limiter(tmp_path, clock, key='host%d.example' % number).acquire()
    assert os.listdir(str(tmp_path)) == [os.path.basename(ratelimit.state_path(str(tmp_path)))]
    with open(ratelimit.state_path(str(tmp_path))) as handle:
        assert len(json.load(handle)) == ratelimit.MAX_HOSTS
    clock.now += ratelimit.FORGET_AFTER + 1
    limiter(tmp_path, clock, key='fresh.example').acquire()
    with open(ratelimit.state_path(str(tmp_path))) as handle:
        assert list(json.load(handle)) == ['fresh.example']


def test_a_clock_that_went_back_does_not_block(tmp_path):
    clock = FakeClock()
    limiter(tmp_path, clock).acquire()
    clock.now -= 3600
    limiter(tmp_path, clock).acquire()
    assert clock.slept == []


def test_a_broken_state_file_is_started_afresh(tmp_path):
    with open(ratelimit.state_path(str(tmp_path)), 'w') as handle:
        handle.write('[1, 2')
    clock = FakeClock()
    assert limiter(tmp_path, clock).acquire() == clock.now


def take_slots(directory, count, queue):
    """One process: take ``count`` slots and report when each was granted."""
    shared = RateLimiter('api.example', rate=3, directory=directory)
    granted = []
    for _request in range(count):
        shared.acquire()
        granted.append(time.time())
    queue.put(granted)


def test_parallel_processes_never_take_four_slots_in_one_second(tmp_path):
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=take_slots, args=(str(tmp_path), 3, queue)) for _process in range(4)]
    for worker in workers:
        worker.start()
    times = [t for _result in workers for t in queue.get(timeout=30)]
    for worker in workers:
        worker.join(10)
    assert len(times) == 12
    assert max_in_one_second(times) <= 3
