"""What every handler needs, kept in `application.bot_data` under one key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from telegram.ext import ContextTypes

from bot.push import Pusher
from digest.compose import Composer
from digest.ingest import IngestRunner
from digest.settings import Settings
from digest.store import Store

KEY = "briefbot"


@dataclass
class Briefbot:
    settings: Settings
    store: Store
    composer: Composer
    pusher: Pusher
    ingest: IngestRunner

    def now(self) -> datetime:
        """The one clock of the bot (tests control it): the push and the commands agree on 'now'."""
        return self.pusher.clock()


def of(context: ContextTypes.DEFAULT_TYPE) -> Briefbot:
    return context.application.bot_data[KEY]
