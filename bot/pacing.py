"""Telegram's overall limit (about 30 messages a second), kept by PTB's AIORateLimiter with a steadier pace.

AIORateLimiter's default bucket (30 per second) starts with a burst of 30 and then lets 30 more
through within the same second: a server that enforces 30 in any second answers 429. A bucket of one
call per interval never bursts, but aiolimiter measures each interval from the moment the previous
caller actually woke up, so every late timer wake-up is lost for good: at 1/29.7 s the push ran at
28.9/s (bench/push.py). `Pacer` is the generic cell rate algorithm (GCRA): call n is due at a
theoretical time TAT = previous TAT + interval, and may go up to `tolerance` early, so a wake-up up to
`tolerance` late is made up by the next call instead of being lost. A longer stall (a busy machine) is
not made up: the calls after it are spaced by the interval again, never sent in a burst (and the first
call after a stall waits one more interval, since the stall may have held back the write of the call
before it: a 43 ms garbage collection in the bot did, and the two arrived together). Nor is a pause
for a 429's retry_after: the Pacer waits out the pause and admits the next call an interval after it
ends, since a call admitted just before the pause goes the moment it ends (both at once drew another
429, and so on).

Why 29.1 a second: 31 calls within one second at the server is a 429; 31 calls span 30 intervals,
1.031 s at 29.1/s, so a 429 takes arrivals bunched by 31 ms (timer lateness, a garbage collection or a
database commit between a call's admission and its write, the server's own pauses). Measured on the
benchmark's server: gaps between arrivals of 21 to 47 ms around the nominal 34 ms, and at 29.2/s a 10,000
message push drew 83 answers 429 (each a one-second pause for every sender); 29.1/s is the fastest pace
that keeps Telegram's "about 30" with room for that jitter. The tolerance (3 ms) is small beside it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from telegram.ext import AIORateLimiter

MESSAGES_PER_SECOND = 29.1
TOLERANCE = 0.003
STALL = 0.010  # a wake-up this late means the event loop was held up


class Pacer:
    """An async context manager admitting calls one at a time, `interval` seconds apart on average,
    in the order they arrive. `clock` and `sleep` default to the running event loop's (tests pass a
    simulated pair)."""

    def __init__(self, interval: float, tolerance: float = TOLERANCE, *, pause: asyncio.Event | None = None,
                 clock: Callable[[], float] | None = None, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.interval = interval
        self.tolerance = tolerance
        self._pause = pause  # cleared while sending is paused (a 429's retry_after)
        self._clock = clock
        self._sleep = sleep
        self._due = float("-inf")  # the theoretical time of the next call
        self._turn = asyncio.Lock()  # FIFO: only the caller at the head of the queue waits on the clock

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    async def __aenter__(self) -> None:
        async with self._turn:
            woke = False
            while True:
                if self._pause is not None and not self._pause.is_set():
                    await self._pause.wait()
                    # a call admitted before the pause goes the moment it ends: keep an interval after it
                    self._due = max(self._due, self._now() + self.interval)
                    woke = False
                now = self._now()
                if woke and now - self._due > STALL:
                    # The event loop was held up (a garbage collection, a slow commit), and with it,
                    # perhaps, the write of the call admitted before: going now would send both at once.
                    self._due = now + self.interval
                early = self._due - self.tolerance - now
                if early <= 0:
                    break
                await self._sleep(early)
                woke = True
            # woken late by up to `tolerance`: the timetable holds; later than that: it restarts from now
            self._due = max(self._due, now) + self.interval

    async def __aexit__(self, *exc_info: object) -> None:
        return None


def paced_rate_limiter(per_second: float = MESSAGES_PER_SECOND, max_retries: int = 10) -> AIORateLimiter:
    """PTB's AIORateLimiter (per-group limits, paid broadcasts, retries after 429 with retry_after: a
    digest is never dropped for flood control) with its overall limiter replaced by a Pacer."""
    limiter = AIORateLimiter(max_retries=max_retries)
    # PTB's attributes (its overall limiter, and the event it clears during a retry_after pause):
    # fail loudly if a release renames them
    if not hasattr(limiter, "_base_limiter") or not isinstance(getattr(limiter, "_retry_after_event", None),
                                                                 asyncio.Event):
        raise RuntimeError("this python-telegram-bot's AIORateLimiter cannot be paced (its internals changed)")
    limiter._base_limiter = Pacer(1 / per_second, pause=limiter._retry_after_event)  # type: ignore[assignment]  # noqa: SLF001 - checked above
    return limiter
