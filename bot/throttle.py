"""Per-chat command rate limiting: one user or one group flooding the bot cannot slow the others down.

A token bucket per private user, and one per group shared by all its members (anyone in a group may ask
for a briefing; the group as a whole gets the pace one user gets): a burst of `burst` updates, refilled
at `rate` per second. An update over the limit is dropped before any handler runs; the chat is told
once per flood, not once per message.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.context import Context
from bot.i18n import N_, texts_for
from digest.settings import Settings

log = logging.getLogger(__name__)
SLOW_DOWN = N_("You're sending commands faster than I can answer; I'll skip some. Try again in a few seconds.")


@dataclass
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class Throttle:
    """Reads its limits from `settings` (command_burst, commands_per_second) at every update."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic, max_users: int = 100_000):
        self.settings = settings
        self.clock = clock
        self.max_users = max_users
        self._buckets: dict[int, _Bucket] = {}

    @property
    def burst(self) -> int:
        return self.settings.command_burst

    @property
    def rate(self) -> float:
        return self.settings.commands_per_second

    def allow(self, user_id: int) -> tuple[bool, bool]:
        """(allowed, warn): warn is True for the first refused update of a flood."""
        now = self.clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= self.max_users:
                self._forget_idle(now)
            bucket = self._buckets[user_id] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return True, False
        warn = not bucket.warned
        bucket.warned = True
        return False, warn

    def _forget_idle(self, now: float) -> None:
        full_after = self.burst / self.rate
        for user_id in [u for u, b in self._buckets.items() if now - b.updated > full_after]:
            del self._buckets[user_id]

    async def __call__(self, update: Update, context: Context) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None:
            return
        key = chat.id if chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) else user.id
        allowed, warn = self.allow(key)
        if allowed:
            return
        log.info("throttled an update from user %s in chat %s", user.id, chat.id if chat else None)
        if warn and update.effective_chat is not None:
            chat_id = update.effective_chat.id
            await context.bot.send_message(chat_id, texts_for(context.bot_data.store.get_chat(chat_id))(SLOW_DOWN))
        if update.callback_query is not None:
            await update.callback_query.answer()
        raise ApplicationHandlerStop
