"""The AutoDNS transport against the real sandbox with its documented limit of 3 requests/second."""
import os
import time

import pytest

from ansible_collections.domainops.registrar.plugins.module_utils.autodns.client import AutoDNSClient
from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter
from ansible_collections.domainops.registrar.plugins.module_utils.connection import USER_AGENT
from ansible_collections.domainops.registrar.plugins.module_utils.core.errors import RegistrarError
from sandbox.launcher import ROOT, Sandbox

SEED = os.path.join(ROOT, 'tests', 'integration', 'seeds', 'autodns.yml')


@pytest.fixture(scope='module')
def limited(tmp_path_factory):
    journal = str(tmp_path_factory.mktemp('autodns') / 'journal.jsonl')
    with Sandbox('autodns', seed=SEED, journal=journal, extra_args=['--rate-limit', '3']) as box:
        box.journal = journal
        yield box


def test_reads_answered_429_are_retried_after_a_back_off(limited):
    sleeps = []
    # No client-side limit: a burst of reads runs into the sandbox's 429 and must recover.
    client = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0,
                           sleep=recording(sleeps, time.sleep))
    for attempt in range(8):
        assert client.get('/domain/example.com')['data'][0]['name'] == 'example.com', attempt
    assert sleeps, 'the burst should have met HTTP 429 at least once'


def test_the_client_keeps_to_three_per_second_and_never_meets_429(limited, tmp_path):
    time.sleep(1.1)  # let the sandbox's window of the previous test pass
    backoffs = []
    client = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT,
                           sleep=backoffs.append)
    client.limiter = RateLimiter(limited.url, rate=3, directory=str(tmp_path))
    for attempt in range(7):
        assert client.get('/domain/example.com')['data'], attempt
    assert backoffs == [], 'no 429 back-off: the limiter spaced the requests'


def test_a_write_answered_429_fails_and_is_not_sent_again(limited):
    time.sleep(1.1)
    client = AutoDNSClient(limited.url, 'demo', 'demo-password', 4, USER_AGENT, rate=0, sleep=recording([], None))
    puts_before = len(puts(limited))
    refused = []
    for attempt in range(6):
        try:
            client.request('PUT', '/domain/example.com', body={'name': 'example.com', 'autoRenewStatus': 'TRUE'})
        except RegistrarError as error:
            refused.append((attempt, error.code))
    assert refused and all(code.startswith('E') for attempt, code in refused)
    assert len(puts(limited)) - puts_before == 6, 'each write reached the sandbox exactly once'


def recording(calls, then):
    """A sleep that records how long it was asked to wait, then (optionally) waits."""
    def sleep(seconds):
        calls.append(seconds)
        if then is not None:
            then(seconds)
    return sleep


def puts(box):
    time.sleep(0.2)  # the sandbox writes its journal line after answering
    with open(box.journal) as handle:
        return [line for line in handle if '"PUT"' in line]
