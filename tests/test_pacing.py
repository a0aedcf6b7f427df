"""The overall send pace (bot/pacing.py), on a simulated clock: no test here waits."""

import asyncio
from itertools import pairwise

from bot.pacing import Pacer, paced_rate_limiter


class SimulatedTimers:
    """A clock whose timers fire `lateness` seconds late (as a busy event loop's do); `stall` adds a
    one-off delay to the next timer, as a blocked event loop would."""

    def __init__(self, lateness: float = 0.0):
        self.now = 100.0
        self.lateness = lateness
        self.stall = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds + self.lateness + self.stall
        self.stall = 0.0
        await asyncio.sleep(0)


def pacer(timers: SimulatedTimers) -> Pacer:
    return Pacer(0.1, tolerance=0.005, clock=timers, sleep=timers.sleep)


async def entries(pace: Pacer, timers: SimulatedTimers, calls: int) -> list[float]:
    """When each of `calls` concurrent callers got through, from the first call."""
    start, times = timers.now, []

    async def call() -> None:
        async with pace:
            times.append(round(timers.now - start, 6))

    await asyncio.gather(*(call() for _ in range(calls)))
    return times


async def test_late_wake_ups_within_the_tolerance_are_made_up():
    timers = SimulatedTimers(lateness=0.003)
    # every call 3 ms late, yet each is due 100 ms after the last: ten calls a second, not 9.7
    assert await entries(pacer(timers), timers, 5) == [0, 0.098, 0.198, 0.298, 0.398]


async def test_a_stall_is_not_made_up_with_a_burst():
    timers = SimulatedTimers()
    pace = pacer(timers)
    timers.stall = 0.5  # the second caller's timer fires half a second late
    times = await entries(pace, timers, 5)
    # the second waits one more interval after the stall (the first's write may have been held up)
    assert times == [0, 0.69, 0.79, 0.89, 0.99]
    assert min(b - a for a, b in pairwise(times)) >= 0.1 - 0.005 - 1e-9


async def test_after_an_idle_spell_the_pace_starts_afresh_without_a_burst():
    timers = SimulatedTimers()
    pace = pacer(timers)
    await entries(pace, timers, 3)
    timers.now += 60  # a minute with nothing to send: no credit is saved up for it
    assert await entries(pace, timers, 3) == [0, 0.095, 0.195]


def test_the_rate_limiter_is_ptbs_with_the_pacer_in_place():
    limiter = paced_rate_limiter(per_second=29.5)
    assert limiter._base_limiter._pause is limiter._retry_after_event
    assert type(limiter).__name__ == "AIORateLimiter"
    assert isinstance(limiter._base_limiter, Pacer) and abs(limiter._base_limiter.interval - 1 / 29.5) < 1e-12


async def test_calls_wait_out_a_pause_and_then_go_one_interval_apart():
    timers = SimulatedTimers()
    pause = asyncio.Event()  # cleared: a 429's retry_after is being waited out
    pace = Pacer(0.1, tolerance=0.005, pause=pause, clock=timers, sleep=timers.sleep)
    waiting = asyncio.ensure_future(entries(pace, timers, 4))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not waiting.done()  # nobody gets through during the pause
    timers.now += 1.0
    pause.set()
    # no burst when it ends, and an interval for a call that was admitted before the pause and goes at its end
    assert await waiting == [1.095, 1.195, 1.295, 1.395]
