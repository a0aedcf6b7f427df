"""Users first: an ingest pass makes way while the bot is answering someone.

The ingest's CPU work runs in a low-priority process, but each new article still costs the bot's
own process a little (fetching, a database write, reading the worker's answer): about a third of
a core during a pass, which made 200 simultaneous /digest answers ~25% slower. Background work has
no deadline and a person is waiting on every update, so the pass waits, between articles, for a
moment when no update is in hand. The wait is bounded: a bot that is never idle still ingests, one
article per `max_wait` at worst.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram.ext import SimpleUpdateProcessor

MAX_WAIT = 2.0  # seconds an ingest step waits for the bot to fall idle


class Foreground(SimpleUpdateProcessor):
    """PTB's concurrent update processor, counting the updates in hand (waiting for a slot included)."""

    def __init__(self, max_concurrent_updates: int, max_wait: float = MAX_WAIT):
        super().__init__(max_concurrent_updates)
        self.max_wait = max_wait
        self.active = 0  # updates in hand
        self.waiting = 0  # background steps waiting for the bot to fall idle
        self._idle = asyncio.Event()
        self._idle.set()

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:  # type: ignore[misc]
        # (final in PTB: overridden to count the updates in hand; the base still runs each one)
        self.active += 1
        self._idle.clear()
        try:
            await super().process_update(update, coroutine)
        finally:
            self.active -= 1
            if not self.active:
                self._idle.set()

    async def make_way(self) -> None:
        """Return once no update is in hand, or after `max_wait` seconds."""
        if self.active:
            self.waiting += 1
            try:
                await asyncio.wait_for(self._idle.wait(), self.max_wait)
            except TimeoutError:
                pass
            finally:
                self.waiting -= 1
