# Generated from specs/rate_limiter/spec.yaml by `kata generate`; do not edit.
# spec-sha256: 83853a8c45d13c71b2153bbc06a5831cdf97897b4b6ac8d8e61a9b435961707d
"""Conformance suite for the rate_limiter kata: one test per behaviour of its spec.

Run it with `kata check rate_limiter` or `pytest generated/rate_limiter --impl PATH`.
"""

from __future__ import annotations

import threading
from fractions import Fraction

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)


class FakeClock:
    """A clock the test moves by hand: `clock.now = 12.5`, then `clock()` returns 12.5."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class BucketHarness:
    """A TokenBucket on a FakeClock that starts at 1000, with an `advance` step."""

    def __init__(self, bucket_cls, capacity, refill_rate):
        self.clock = FakeClock(1000.0)
        self.bucket = bucket_cls(capacity, refill_rate, clock=self.clock)

    def allow(self, tokens):
        return self.bucket.allow(tokens)

    def available(self):
        return round(self.bucket.available(), 6)

    def advance(self, seconds):
        self.clock.now += seconds


class WindowHarness:
    """A SlidingWindowLimiter on a FakeClock that starts at 1000, with an `advance` step."""

    def __init__(self, limiter_cls, limit, window):
        self.clock = FakeClock(1000.0)
        self.limiter = limiter_cls(limit, window, clock=self.clock)

    def allow(self, key):
        return self.limiter.allow(key)

    def advance(self, seconds):
        self.clock.now += seconds


pytestmark = pytest.mark.kata(
    "rate_limiter",
    classes=["TokenBucket", "SlidingWindowLimiter"],
    exceptions=[],
    functions=[],
)


@pytest.mark.behaviour("238f50cb-7424-460c-bff3-88a7a718519b", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bucket_starts_full_and_allows_a_burst_of_capacity(solution):
    """A new bucket holds `capacity` tokens, so a burst of that many calls goes through at once and the next one is refused."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(50.0)"):
        clock = FakeClock(50.0)
    with step(2, "bucket = TokenBucket(3, 1.0, clock=clock)"):
        bucket = TokenBucket(3, 1.0, clock=clock)
    with step(3, "bucket.available()"):
        expect_equal(bucket.available(), 3.0)
    with step(4, "[bucket.allow() for _ in range(4)]"):
        expect_equal([bucket.allow() for _ in range(4)], [True, True, True, False])
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 0.0)


@pytest.mark.behaviour("fa52cf68-768b-4416-9496-3a3cc060fbed", "scenario")
@pytest.mark.timeout(10.0)
def test_tokens_refill_continuously_at_the_refill_rate(solution):
    """Refill is continuous: a quarter of a second at 2 tokens per second adds half a token, and half a second adds a whole one."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "bucket = TokenBucket(4, 2.0, clock=clock)"):
        bucket = TokenBucket(4, 2.0, clock=clock)
    with step(3, "bucket.allow(4)"):
        expect_is(bucket.allow(4), True)
    with step(4, "clock.now = 0.25"):
        clock.now = 0.25
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 0.5)
    with step(6, "bucket.allow()"):
        expect_is(bucket.allow(), False)
    with step(7, "clock.now = 0.5"):
        clock.now = 0.5
    with step(8, "bucket.allow()"):
        expect_is(bucket.allow(), True)
    with step(9, "bucket.available()"):
        expect_equal(bucket.available(), 0.0)
    with step(10, "clock.now = 1.75"):
        clock.now = 1.75
    with step(11, "bucket.available()"):
        expect_equal(bucket.available(), 2.5)


@pytest.mark.behaviour("e5920323-d88d-45d4-b772-e26430fed44f", "scenario")
@pytest.mark.timeout(10.0)
def test_fractional_refills_add_up_across_frequent_calls(solution):
    """A caller that asks four times a second at one token per second must get a token back every second; rounding each refill down to whole tokens never gives one back."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "bucket = TokenBucket(1, 1.0, clock=clock)"):
        bucket = TokenBucket(1, 1.0, clock=clock)
    with step(3, "bucket.allow()"):
        expect_is(bucket.allow(), True)
    with step(
        4,
        "answers = [] for quarter in range(1, 9): clock.now = quarter * 0.25 answers.append(bucket.allow())",
    ):
        answers = []
        for quarter in range(1, 9):
            clock.now = quarter * 0.25
            answers.append(bucket.allow())
    with step(5, "answers"):
        expect_equal(answers, [False, False, False, True, False, False, False, True])


@pytest.mark.behaviour("bc9719c2-4216-4356-a4e9-61a33045021d", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bucket_never_holds_more_than_its_capacity(solution):
    """Without the cap, an idle bucket saves up an unbounded burst; after any pause it holds at most `capacity` tokens."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "bucket = TokenBucket(2, 1.0, clock=clock)"):
        bucket = TokenBucket(2, 1.0, clock=clock)
    with step(3, "bucket.allow()"):
        expect_is(bucket.allow(), True)
    with step(4, "clock.now = 1000.0"):
        clock.now = 1000.0
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 2.0)
    with step(6, "[bucket.allow() for _ in range(3)]"):
        expect_equal([bucket.allow() for _ in range(3)], [True, True, False])


@pytest.mark.behaviour("652eabd5-19be-4141-ad0d-6d8688301c39", "scenario")
@pytest.mark.timeout(10.0)
def test_allow_takes_as_many_tokens_as_asked_for(solution):
    """`allow(tokens)` spends exactly `tokens`: a request that costs 4 must use 4, not 1."""
    TokenBucket = solution.TokenBucket
    with step(1, "bucket = TokenBucket(10, 0, clock=FakeClock(0.0))"):
        bucket = TokenBucket(10, 0, clock=FakeClock(0.0))
    with step(2, "bucket.allow(4)"):
        expect_is(bucket.allow(4), True)
    with step(3, "bucket.available()"):
        expect_equal(bucket.available(), 6.0)
    with step(4, "bucket.allow(6)"):
        expect_is(bucket.allow(6), True)
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 0.0)
    with step(6, "bucket.allow()"):
        expect_is(bucket.allow(), False)


@pytest.mark.behaviour("7bf18755-ada2-4b42-8b17-d3978095832b", "scenario")
@pytest.mark.timeout(10.0)
def test_a_refused_request_takes_nothing(solution):
    """A request for more tokens than are left is refused whole; taking the tokens anyway (or the part that was there) drains the bucket on refusals."""
    TokenBucket = solution.TokenBucket
    with step(1, "bucket = TokenBucket(5, 0, clock=FakeClock(0.0))"):
        bucket = TokenBucket(5, 0, clock=FakeClock(0.0))
    with step(2, "bucket.allow(3)"):
        expect_is(bucket.allow(3), True)
    with step(3, "bucket.allow(3)"):
        expect_is(bucket.allow(3), False)
    with step(4, "bucket.available()"):
        expect_equal(bucket.available(), 2.0)
    with step(5, "bucket.allow(2)"):
        expect_is(bucket.allow(2), True)
    with step(6, "bucket.allow()"):
        expect_is(bucket.allow(), False)


@pytest.mark.behaviour("0d964749-e060-43db-b3c5-32dbcc58eb5f", "scenario")
@pytest.mark.timeout(10.0)
def test_elapsed_time_is_counted_once(solution):
    """Looking at the bucket must not change it; adding the refill without moving the timestamp counts the same seconds again at the next call."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "bucket = TokenBucket(10, 1.0, clock=clock)"):
        bucket = TokenBucket(10, 1.0, clock=clock)
    with step(3, "bucket.allow(10)"):
        expect_is(bucket.allow(10), True)
    with step(4, "clock.now = 1.0"):
        clock.now = 1.0
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 1.0)
    with step(6, "bucket.available()"):
        expect_equal(bucket.available(), 1.0)
    with step(7, "clock.now = 2.0"):
        clock.now = 2.0
    with step(8, "bucket.available()"):
        expect_equal(bucket.available(), 2.0)
    with step(9, "bucket.allow(2)"):
        expect_is(bucket.allow(2), True)
    with step(10, "bucket.available()"):
        expect_equal(bucket.available(), 0.0)


@pytest.mark.behaviour("0d81e42d-0c54-4758-9d02-d8c4e95dcb48", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bucket_with_refill_rate_zero_never_refills(solution):
    """`refill_rate=0` is valid (a fixed allowance of `capacity` calls); it must neither be rejected nor divide by zero."""
    TokenBucket = solution.TokenBucket
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "bucket = TokenBucket(2, 0, clock=clock)"):
        bucket = TokenBucket(2, 0, clock=clock)
    with step(3, "[bucket.allow(), bucket.allow(), bucket.allow()]"):
        expect_equal([bucket.allow(), bucket.allow(), bucket.allow()], [True, True, False])
    with step(4, "clock.now = 1000000.0"):
        clock.now = 1000000.0
    with step(5, "bucket.available()"):
        expect_equal(bucket.available(), 0.0)
    with step(6, "bucket.allow()"):
        expect_is(bucket.allow(), False)


@pytest.mark.behaviour("02e40ed2-a9c5-4e3d-87cc-c8aa944d6ee6", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bucket_rejects_a_capacity_below_one_or_a_negative_refill_rate(solution):
    """A bucket that can hold nothing, or one that drains itself over time, is a caller's mistake to report at construction."""
    TokenBucket = solution.TokenBucket
    with step(1, "TokenBucket(0, 1.0, clock=FakeClock())", raises=ValueError, match="capacity"):
        TokenBucket(0, 1.0, clock=FakeClock())
    with step(2, "TokenBucket(-2, 1.0, clock=FakeClock())", raises=ValueError, match="capacity"):
        TokenBucket(-2, 1.0, clock=FakeClock())
    with step(3, "TokenBucket(3, -0.5, clock=FakeClock())", raises=ValueError, match="refill_rate"):
        TokenBucket(3, -0.5, clock=FakeClock())
    with step(4, "bucket = TokenBucket(1, 0.5, clock=FakeClock())"):
        bucket = TokenBucket(1, 0.5, clock=FakeClock())
    with step(5, "bucket.allow()"):
        expect_is(bucket.allow(), True)


@pytest.mark.behaviour("72e7798c-6acf-4bbb-94a7-440627b6d305", "scenario")
@pytest.mark.timeout(10.0)
def test_a_bucket_rejects_a_request_for_fewer_than_one_token(solution):
    """`allow(0)` asks for nothing and `allow(-3)` would add tokens; both are mistakes to report, not requests to grant."""
    TokenBucket = solution.TokenBucket
    with step(1, "bucket = TokenBucket(2, 0, clock=FakeClock())"):
        bucket = TokenBucket(2, 0, clock=FakeClock())
    with step(2, "bucket.allow(0)", raises=ValueError, match="tokens"):
        bucket.allow(0)
    with step(3, "bucket.allow(-3)", raises=ValueError, match="tokens"):
        bucket.allow(-3)
    with step(4, "bucket.available()"):
        expect_equal(bucket.available(), 2.0)


@pytest.mark.behaviour("3c28e8ff-0475-4203-af12-f963114ab049", "property")
@pytest.mark.timeout(60.0)
def test_a_bucket_behaves_like_a_model_on_a_fake_clock(solution):
    """Any mix of requests of 1 to 3 tokens, looks and clock steps must match an exact model of a continuously refilling, capped bucket."""
    TokenBucket = solution.TokenBucket

    class BucketModel:
        def __init__(self, capacity, refill_rate):
            self.capacity = Fraction(capacity)
            self.rate = Fraction(refill_rate)
            self.tokens = Fraction(capacity)
            self.idle = Fraction(0)  # seconds since the last look

        def catch_up(self):
            self.tokens = min(self.capacity, self.tokens + self.idle * self.rate)
            self.idle = Fraction(0)

        def allow(self, tokens):
            self.catch_up()
            if self.tokens < tokens:
                return False
            self.tokens -= tokens
            return True

        def available(self):
            self.catch_up()
            return round(float(self.tokens), 6)

        def advance(self, seconds):
            self.idle += Fraction(seconds)

    class Machine(ModelMachine):
        @initialize(capacity=st.integers(1, 5), refill_rate=st.sampled_from([0, 0.5, 1, 2, 4]))
        def start(self, capacity, refill_rate):
            self.begin(
                lambda: BucketHarness(TokenBucket, capacity, refill_rate),
                lambda: BucketModel(capacity, refill_rate),
                "BucketHarness(TokenBucket, capacity, refill_rate)",
                capacity=capacity,
                refill_rate=refill_rate,
            )

        @rule(tokens=st.integers(1, 3))
        def rule_1_allow(self, tokens):
            self.apply(
                "allow(tokens)",
                lambda target: target.allow(tokens),
                tokens=tokens,
                compare=True,
            )

        @rule()
        def rule_2_available(self):
            self.apply(
                "available()",
                lambda target: target.available(),
                compare=True,
            )

        @rule(seconds=st.sampled_from([0, 0.125, 0.25, 0.5, 1, 3]))
        def rule_3_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.available() == model.available()",
                lambda subject, model: subject.available() == model.available(),
                sides=lambda subject, model: (subject.available(), model.available()),
                equality=True,
            )

    run_model_machine(Machine, examples=80, steps=30)


@pytest.mark.behaviour("c648dddc-248a-46d9-ac53-2652cf079b55", "concurrency")
@pytest.mark.timeout(35.0)
def test_exactly_capacity_of_many_concurrent_calls_are_allowed_on_a_frozen_clock(solution):
    """ "Enough tokens? Then take" is a check-then-act; without one lock around it, concurrent callers spend the same tokens and more than `capacity` calls get through (60 rounds of 8 threads, 16 calls, on buckets of 3)."""
    TokenBucket = solution.TokenBucket
    with step(
        "setup",
        "rounds = 60 buckets = [TokenBucket(3, 100.0, clock=FakeClock(7.0)) for _ in range(rounds)] allowed = [[] for _ in range(rounds)] in_step = threading.Barrier(8)",
    ):
        rounds = 60
        buckets = [TokenBucket(3, 100.0, clock=FakeClock(7.0)) for _ in range(rounds)]
        allowed = [[] for _ in range(rounds)]
        in_step = threading.Barrier(8)

    def worker(index):
        for r, bucket in enumerate(buckets):
            in_step.wait(10)
            for _ in range(2):
                if bucket.allow():
                    allowed[r].append(index)

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step("after 1", "[(r, len(calls)) for r, calls in enumerate(allowed) if len(calls) != 3]"):
        expect_equal([(r, len(calls)) for r, calls in enumerate(allowed) if len(calls) != 3], [])
    with step("after 2", "[r for r, bucket in enumerate(buckets) if bucket.available() != 0]"):
        expect_equal([r for r, bucket in enumerate(buckets) if bucket.available() != 0], [])


@pytest.mark.behaviour("e97ffa2e-af0e-4d95-8470-df595b7f764e", "scenario")
@pytest.mark.timeout(10.0)
def test_a_window_allows_up_to_limit_calls(solution):
    """Within one window the first `limit` calls of a key go through and the rest are refused."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "limiter = SlidingWindowLimiter(3, 10.0, clock=FakeClock(100.0))"):
        limiter = SlidingWindowLimiter(3, 10.0, clock=FakeClock(100.0))
    with step(2, "[limiter.allow('client') for _ in range(5)]"):
        expect_equal([limiter.allow("client") for _ in range(5)], [True, True, True, False, False])


@pytest.mark.behaviour("0de9a2d2-3aef-47a0-8b34-6c1b305edb55", "scenario")
@pytest.mark.timeout(10.0)
def test_each_key_has_its_own_window(solution):
    """One noisy client must not use up another client's allowance."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "limiter = SlidingWindowLimiter(2, 10.0, clock=FakeClock(0.0))"):
        limiter = SlidingWindowLimiter(2, 10.0, clock=FakeClock(0.0))
    with step(2, "[limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]"):
        expect_equal(
            [limiter.allow("a"), limiter.allow("a"), limiter.allow("a")], [True, True, False]
        )
    with step(3, "[limiter.allow('b'), limiter.allow('b'), limiter.allow('b')]"):
        expect_equal(
            [limiter.allow("b"), limiter.allow("b"), limiter.allow("b")], [True, True, False]
        )
    with step(4, "limiter.allow('c')"):
        expect_is(limiter.allow("c"), True)


@pytest.mark.behaviour("ed8b13b8-9d73-4dcd-9596-74a80a4e03a9", "scenario")
@pytest.mark.timeout(10.0)
def test_a_call_stops_counting_exactly_window_seconds_after_it_was_allowed(solution):
    """The rule is `clock() - t >= window_seconds`: a call still counts a moment before its deadline and no longer counts at it."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "clock = FakeClock(20.0)"):
        clock = FakeClock(20.0)
    with step(2, "limiter = SlidingWindowLimiter(1, 10.0, clock=clock)"):
        limiter = SlidingWindowLimiter(1, 10.0, clock=clock)
    with step(3, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), True)
    with step(4, "clock.now = 29.75"):
        clock.now = 29.75
    with step(5, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), False)
    with step(6, "clock.now = 30.0"):
        clock.now = 30.0
    with step(7, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), True)
    with step(8, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), False)


@pytest.mark.behaviour("d44684ac-26df-475e-93b8-9c3b87a1f47e", "scenario")
@pytest.mark.timeout(10.0)
def test_no_burst_gets_through_across_a_window_boundary(solution):
    """A fixed window resets at its boundary and lets `limit` more calls through at once; a sliding window frees only the calls that really aged out."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "limiter = SlidingWindowLimiter(3, 10.0, clock=clock)"):
        limiter = SlidingWindowLimiter(3, 10.0, clock=clock)
    with step(3, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), True)
    with step(4, "clock.now = 9.5"):
        clock.now = 9.5
    with step(5, "[limiter.allow('k') for _ in range(3)]"):
        expect_equal([limiter.allow("k") for _ in range(3)], [True, True, False])
    with step(6, "clock.now = 10.0"):
        clock.now = 10.0
    with step(7, "[limiter.allow('k') for _ in range(3)]"):
        expect_equal([limiter.allow("k") for _ in range(3)], [True, False, False])
    with step(8, "clock.now = 19.5"):
        clock.now = 19.5
    with step(9, "[limiter.allow('k') for _ in range(3)]"):
        expect_equal([limiter.allow("k") for _ in range(3)], [True, True, False])


@pytest.mark.behaviour("15d0fd42-0249-4117-8a0e-23e3fa68e204", "scenario")
@pytest.mark.timeout(10.0)
def test_refused_calls_do_not_count_against_the_window(solution):
    """Only allowed calls use capacity; counting refusals locks out a client that keeps retrying, long after its calls have aged out."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "clock = FakeClock(0.0)"):
        clock = FakeClock(0.0)
    with step(2, "limiter = SlidingWindowLimiter(2, 10.0, clock=clock)"):
        limiter = SlidingWindowLimiter(2, 10.0, clock=clock)
    with step(3, "[limiter.allow('k'), limiter.allow('k')]"):
        expect_equal([limiter.allow("k"), limiter.allow("k")], [True, True])
    with step(4, "clock.now = 5.0"):
        clock.now = 5.0
    with step(5, "[limiter.allow('k') for _ in range(4)]"):
        expect_equal([limiter.allow("k") for _ in range(4)], [False, False, False, False])
    with step(6, "clock.now = 10.0"):
        clock.now = 10.0
    with step(7, "[limiter.allow('k'), limiter.allow('k'), limiter.allow('k')]"):
        expect_equal(
            [limiter.allow("k"), limiter.allow("k"), limiter.allow("k")], [True, True, False]
        )


@pytest.mark.behaviour("e803c358-1fac-4d3a-9238-48667664b7c2", "scenario")
@pytest.mark.timeout(10.0)
def test_a_window_rejects_a_limit_below_one_or_a_window_that_is_not_positive(solution):
    """A limiter that allows nothing, or whose window has no length, is a caller's mistake to report at construction."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(
        1, "SlidingWindowLimiter(0, 10.0, clock=FakeClock())", raises=ValueError, match="limit"
    ):
        SlidingWindowLimiter(0, 10.0, clock=FakeClock())
    with step(
        2,
        "SlidingWindowLimiter(3, 0, clock=FakeClock())",
        raises=ValueError,
        match="window_seconds",
    ):
        SlidingWindowLimiter(3, 0, clock=FakeClock())
    with step(
        3,
        "SlidingWindowLimiter(3, -1.5, clock=FakeClock())",
        raises=ValueError,
        match="window_seconds",
    ):
        SlidingWindowLimiter(3, -1.5, clock=FakeClock())
    with step(4, "limiter = SlidingWindowLimiter(1, 0.5, clock=FakeClock())"):
        limiter = SlidingWindowLimiter(1, 0.5, clock=FakeClock())
    with step(5, "limiter.allow('k')"):
        expect_is(limiter.allow("k"), True)


@pytest.mark.behaviour("a9816af5-5aca-47d0-9049-f014e000815c", "property")
@pytest.mark.timeout(60.0)
def test_a_window_behaves_like_a_sliding_log_model(solution):
    """Any mix of calls on two keys and clock steps must match an exact sliding log, in which no window of `window_seconds` ever holds more than `limit` allowed calls of a key."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter

    class WindowModel:
        def __init__(self, limit, window):
            self.limit = limit
            self.window = Fraction(window)
            self.now = Fraction(0)
            self.allowed = {}

        def allow(self, key):
            recent = [t for t in self.allowed.get(key, []) if self.now - t < self.window]
            if len(recent) >= self.limit:
                self.allowed[key] = recent
                return False
            self.allowed[key] = [*recent, self.now]
            return True

        def advance(self, seconds):
            self.now += Fraction(seconds)

    class Machine(ModelMachine):
        @initialize(limit=st.integers(1, 4), window=st.sampled_from([1, 2.5]))
        def start(self, limit, window):
            self.begin(
                lambda: WindowHarness(SlidingWindowLimiter, limit, window),
                lambda: WindowModel(limit, window),
                "WindowHarness(SlidingWindowLimiter, limit, window)",
                limit=limit,
                window=window,
            )

        @rule(key=st.sampled_from(["a", "b"]))
        def rule_1_allow(self, key):
            self.apply(
                "allow(key)",
                lambda target: target.allow(key),
                key=key,
                compare=True,
            )

        @rule(seconds=st.sampled_from([0, 0.25, 0.5, 1, 2.5]))
        def rule_2_advance(self, seconds):
            self.apply(
                "advance(seconds)",
                lambda target: target.advance(seconds),
                seconds=seconds,
                compare=False,
            )

    run_model_machine(Machine, examples=80, steps=40)


@pytest.mark.behaviour("081d794c-b588-4e3c-b226-9d79e8bf2cef", "concurrency")
@pytest.mark.timeout(35.0)
def test_exactly_limit_of_many_concurrent_calls_per_key_are_allowed_on_a_frozen_clock(solution):
    """Counting, checking and recording a call (and creating a key's log) must be one atomic step, or concurrent callers get more than `limit` calls per key through (60 rounds of 8 threads, 16 calls on each of two keys, limit 3)."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(
        "setup",
        "rounds = 60 limiters = [SlidingWindowLimiter(3, 60.0, clock=FakeClock(3.0)) for _ in range(rounds)] allowed = [[] for _ in range(rounds)] in_step = threading.Barrier(8)",
    ):
        rounds = 60
        limiters = [SlidingWindowLimiter(3, 60.0, clock=FakeClock(3.0)) for _ in range(rounds)]
        allowed = [[] for _ in range(rounds)]
        in_step = threading.Barrier(8)

    def worker(index):
        for r, limiter in enumerate(limiters):
            in_step.wait(10)
            for n in range(4):
                key = "ab"[(index + n) % 2]
                if limiter.allow(key):
                    allowed[r].append(key)

    run_threads(worker, threads=8, timeout=30.0, preempt=solution.__name__)
    with step(
        "after 1",
        "[(r, calls.count('a'), calls.count('b')) for r, calls in enumerate(allowed) if calls.count('a') != 3 or calls.count('b') != 3]",
    ):
        expect_equal(
            [
                (r, calls.count("a"), calls.count("b"))
                for r, calls in enumerate(allowed)
                if calls.count("a") != 3 or calls.count("b") != 3
            ],
            [],
        )
    with step(
        "after 2",
        "[r for r, limiter in enumerate(limiters) if limiter.allow('a') or limiter.allow('b')]",
    ):
        expect_equal(
            [r for r, limiter in enumerate(limiters) if limiter.allow("a") or limiter.allow("b")],
            [],
        )


@pytest.mark.behaviour("a02919d4-5db0-4be5-9112-43da70a5d2b2", "scenario")
@pytest.mark.timeout(10.0)
def test_keys_are_matched_exactly_without_case_folding_or_trimming(solution):
    """A key names one caller exactly; folding case or trimming would make "Alice" spend "alice"'s allowance."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "limiter = SlidingWindowLimiter(1, 10.0, clock=FakeClock(50.0))"):
        limiter = SlidingWindowLimiter(1, 10.0, clock=FakeClock(50.0))
    with step(
        2,
        "[limiter.allow(key) for key in ['alice', 'Alice', 'ALICE', ' alice', 'straße', 'STRASSE']]",
    ):
        expect_equal(
            [
                limiter.allow(key)
                for key in ["alice", "Alice", "ALICE", " alice", "straße", "STRASSE"]
            ],
            [True, True, True, True, True, True],
        )
    with step(
        3,
        "[limiter.allow(key) for key in ['alice', 'Alice', 'ALICE', ' alice', 'straße', 'STRASSE']]",
    ):
        expect_equal(
            [
                limiter.allow(key)
                for key in ["alice", "Alice", "ALICE", " alice", "straße", "STRASSE"]
            ],
            [False, False, False, False, False, False],
        )


@pytest.mark.behaviour("596a7e11-2ddb-43f4-b33d-2e2695a56e73", "scenario")
@pytest.mark.timeout(10.0)
def test_a_clock_that_starts_at_zero_and_an_empty_key_are_values(solution):
    """A clock reading of 0.0 is a time like any other and "" is a key like any other; `if not last_update:` mistakes time zero for "never updated" and throws away the refill that accrued since."""
    TokenBucket = solution.TokenBucket
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(1, "clock = FakeClock(0.0) bucket = TokenBucket(2, 1.0, clock=clock)"):
        clock = FakeClock(0.0)
        bucket = TokenBucket(2, 1.0, clock=clock)
    with step(2, "[bucket.allow(), bucket.allow(), bucket.allow()]"):
        expect_equal([bucket.allow(), bucket.allow(), bucket.allow()], [True, True, False])
    with step(3, "clock.now = 1.0"):
        clock.now = 1.0
    with step(4, "[bucket.allow(), bucket.allow()]"):
        expect_equal([bucket.allow(), bucket.allow()], [True, False])
    with step(
        5,
        "window_clock = FakeClock(0.0) limiter = SlidingWindowLimiter(1, 5.0, clock=window_clock)",
    ):
        window_clock = FakeClock(0.0)
        limiter = SlidingWindowLimiter(1, 5.0, clock=window_clock)
    with step(6, "[limiter.allow(''), limiter.allow(''), limiter.allow('x')]"):
        expect_equal(
            [limiter.allow(""), limiter.allow(""), limiter.allow("x")], [True, False, True]
        )
    with step(7, "window_clock.now = 5.0"):
        window_clock.now = 5.0
    with step(8, "limiter.allow('')"):
        expect_is(limiter.allow(""), True)


@pytest.mark.behaviour("9213cdf8-06ba-4523-9217-d89f06151e8d", "scenario")
@pytest.mark.timeout(10.0)
def test_two_limiters_keep_separate_windows(solution):
    """A store of windows made once (a class attribute) instead of per limiter lets one limiter's callers use up another's allowance for the same key."""
    SlidingWindowLimiter = solution.SlidingWindowLimiter
    with step(
        1,
        "clock = FakeClock(10.0) first = SlidingWindowLimiter(1, 60.0, clock=clock) second = SlidingWindowLimiter(1, 60.0, clock=clock)",
    ):
        clock = FakeClock(10.0)
        first = SlidingWindowLimiter(1, 60.0, clock=clock)
        second = SlidingWindowLimiter(1, 60.0, clock=clock)
    with step(2, "first.allow('shared-key')"):
        expect_is(first.allow("shared-key"), True)
    with step(3, "second.allow('shared-key')"):
        expect_is(second.allow("shared-key"), True)
    with step(4, "first.allow('shared-key')"):
        expect_is(first.allow("shared-key"), False)
