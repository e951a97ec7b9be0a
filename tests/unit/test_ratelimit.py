from ansible_collections.domainops.registrar.plugins.module_utils.autodns.ratelimit import RateLimiter


class FakeClock(object):
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_fourth_request_in_one_second_waits_and_the_window_is_shared_by_instances(tmp_path):
    clock = FakeClock()
    first = RateLimiter('https://api.example/v1', rate=3, directory=str(tmp_path), clock=clock, sleep=clock.sleep)
    second = RateLimiter('https://api.example/v1', rate=3, directory=str(tmp_path), clock=clock, sleep=clock.sleep)
    for limiter in (first, second, first):
        limiter.acquire()
    assert clock.slept == []
    second.acquire()  # as another process would: same file, same window
    assert clock.slept and abs(sum(clock.slept) - 1.0) < 1e-6


def test_other_hosts_have_their_own_window(tmp_path):
    clock = FakeClock()
    for key in ('https://a.example/v1', 'https://b.example/v1'):
        limiter = RateLimiter(key, rate=3, directory=str(tmp_path), clock=clock, sleep=clock.sleep)
        for _request in range(3):
            limiter.acquire()
    assert clock.slept == []
