# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Following an order or job: pauses grow exponentially up to a cap, and the wait ends at wait_timeout."""
import itertools

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.core import adapter as contract
from ansible_collections.domainops.registrar.plugins.module_utils.core.adapter import RegistrarAdapter, Submission
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import WaitTimeout


class Clock:
    def __init__(self):
        self.now = 0.0
        self.pauses = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.pauses.append(round(seconds, 3))
        self.now += seconds


class Running(RegistrarAdapter):
    """An order that ends after ``reads`` status reads."""

    def __init__(self, reads):
        self.reads_left = reads
        self.reads = 0

    def refresh(self, submission):
        self.reads += 1
        self.reads_left -= 1
        return Submission(submission.operation, submission.domain, submission.id,
                          'Completed' if self.reads_left <= 0 else 'Processing', done=self.reads_left <= 0)


def running():
    return Submission('Renew_Domain', 'example.com', 'TEST-1', 'Processing')


def test_the_schedule_backs_off_exponentially_to_the_cap():
    assert list(itertools.islice(contract.wait_schedule(first=1.0, factor=1.5, cap=30.0), 12)) == [
        1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 11.390625, 17.0859375, 25.62890625, 30.0, 30.0, 30.0]


def test_waiting_follows_the_schedule_until_the_order_ends():
    clock = Clock()
    registrar = Running(reads=4)
    done = registrar.wait(running(), timeout=300, sleep=clock.sleep, clock=clock)
    assert done.done and registrar.reads == 4
    assert clock.pauses == [1.0, 1.5, 2.25, 3.375]


def test_a_long_order_is_read_rarely_and_the_wait_ends_at_the_timeout():
    clock = Clock()
    registrar = Running(reads=10 ** 6)
    with pytest.raises(WaitTimeout, match='TEST-1 still Processing after 300s'):
        registrar.wait(running(), timeout=300, sleep=clock.sleep, clock=clock)
    assert clock.now == 300
    assert max(clock.pauses) == contract.MAX_PAUSE
    # A fixed 1 s poll would have read 300 times.
    assert registrar.reads == len(clock.pauses) < 20
