"""What every handler needs, as python-telegram-bot's typed `bot_data` (`ContextTypes`).

PTB creates the object empty when the Application is built; `build_application`
fills it in. Handlers take a `Context` and read `context.bot_data.store`, typed,
instead of looking anything up by key.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from telegram.ext import CallbackContext, ContextTypes, ExtBot

if TYPE_CHECKING:
    from bot.push import Pusher
    from digest.compose import Composer
    from digest.ingest import IngestRunner
    from digest.settings import Settings
    from digest.store import Store


class BotData:
    settings: Settings
    store: Store
    composer: Composer
    pusher: Pusher
    ingest: IngestRunner

    def now(self) -> datetime:
        """The one clock of the bot (tests control it): the push and the commands agree on 'now'."""
        return self.pusher.clock()


Context: TypeAlias = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)
