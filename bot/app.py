"""Build the telegram.ext.Application: handlers, jobs, rate limiter, defaults, error handler, command menus."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    ExtBot,
    JobQueue,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import callbacks, channels, chats
from bot.commands import admin, opml, user
from bot.commands.base import Handler
from bot.context import CONTEXT_TYPES, BotData, Context
from bot.foreground import Foreground
from bot.i18n import DEFAULT, LANGUAGES, N_, texts, texts_for
from bot.pacing import paced_rate_limiter
from bot.push import Pusher
from bot.throttle import Throttle
from bot.transport import AiohttpRequest
from digest.clock import utcnow
from digest.compose import Composer
from digest.ingest import IngestRunner
from digest.settings import Settings
from digest.store import Store

log = logging.getLogger(__name__)
SOMETHING_WRONG = N_("Sorry, something went wrong; it has been logged.")

BriefbotApp = Application[ExtBot[None], Context, dict[Any, Any], dict[Any, Any], BotData, JobQueue[Context]]

COMMANDS: dict[str, Handler] = {
    "start": user.start, "help": user.help_command, "digest": user.digest, "latest": user.latest,
    "search": user.search, "time": user.set_time, "timezone": user.set_timezone, "sources": user.sources,
    "follow": user.follow, "unfollow": user.unfollow, "settings": user.settings, "stop": user.stop,
    "language": user.language, "channels": channels.channels,
    "addsource": admin.addsource, "removesource": admin.removesource, "ingest": admin.ingest, "stats": admin.stats,
    "export": opml.export, "import": opml.import_command,
}
# every message is HTML (its text escaped by bot/render.py) and never previews a link
DEFAULTS = Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True))


def build_application(settings: Settings, store: Store | None = None, *, clock: Callable[[], datetime] = utcnow,
                      schedule: bool = True, rate_limit: bool = True,
                      connection_pool: int = 64, poll_timeout: float = 10.0) -> BriefbotApp:
    """The bot, configured in one place. `schedule=False` leaves the push and ingest jobs to the caller
    (tests drive them with a controlled clock); `rate_limit=False` is paid-broadcast mode."""
    foreground = Foreground(64)
    builder = (ApplicationBuilder().token(settings.telegram_bot_token).base_url(settings.telegram_api_url)
               .base_file_url(settings.telegram_file_url)
               .context_types(CONTEXT_TYPES).defaults(DEFAULTS)
               .concurrent_updates(foreground)
               .request(AiohttpRequest(connection_pool, pool_timeout=30.0))
               .get_updates_request(AiohttpRequest(1, read_timeout=poll_timeout + 10))
               .post_init(_post_init).post_shutdown(_post_shutdown))
    if rate_limit:
        # about 30 messages a second overall; 429s that still come are retried after retry_after
        builder = builder.rate_limiter(paced_rate_limiter())  # type: ignore[arg-type]
    app = cast(BriefbotApp, builder.build())
    store = store or Store(settings.db)
    data = app.bot_data
    data.settings, data.store = settings, store
    data.composer = Composer(store)
    data.pusher = Pusher(app.bot, store, settings, clock, settings.send_workers, data.composer)
    data.ingest = IngestRunner(store, settings, make_way=foreground.make_way)
    _register(app, settings)
    if schedule and app.job_queue is not None:
        app.job_queue.run_repeating(_push_job, interval=settings.push_check_seconds,
                                    first=min(5, settings.push_check_seconds), name="push")
        app.job_queue.run_repeating(_ingest_job, interval=settings.ingest_check_seconds,
                                    first=min(15, settings.ingest_check_seconds), name="ingest")
        app.job_queue.run_repeating(_prune_job, interval=24 * 3600, first=60, name="prune")
    return app


def _register(app: BriefbotApp, settings: Settings) -> None:
    # group -1 runs before every handler: a flooding user's updates stop here
    app.add_handler(TypeHandler(Update, Throttle(settings)), group=-1)
    for name, handler in COMMANDS.items():
        app.add_handler(CommandHandler(name, handler))
    for pattern, handler in callbacks.HANDLERS.items():
        app.add_handler(CallbackQueryHandler(handler, pattern=pattern))
    app.add_handler(CallbackQueryHandler(callbacks.unknown_button))
    app.add_handler(ChatMemberHandler(chats.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, chats.on_migrate))
    # commands in channel posts are nobody's: a channel is managed from its admin's private chat
    app.add_handler(MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, user.unknown))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, user.help_command))
    app.add_handler(MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, opml.on_document))
    app.add_error_handler(_on_error)


async def _post_init(app: BriefbotApp) -> None:
    """Command menus (user commands for everyone, plus admin commands in each admin's own chat), and
    the ingest's worker processes started before the first user is answered."""
    bb = app.bot_data
    await _set_menus(app)
    bb.ingest.analyser.start()
    # Everything loaded at start-up (PTB, numpy, sumy, the summariser's tables) lives as long as the bot:
    # frozen, a full garbage collection no longer walks it, and its pauses (50-90 ms in bench/push.py)
    # stop delaying replies and the steady pace of the push.
    gc.freeze()


async def _set_menus(app: BriefbotApp) -> None:
    """One menu per language: Telegram shows a user the one for their app's language, English (the
    menu without a language) to everyone else."""
    for language in LANGUAGES:
        _ = texts(language)
        code = None if language == DEFAULT else language
        user_menu = [BotCommand(n, _(d)) for n, d in user.USER_COMMANDS]
        await app.bot.set_my_commands(user_menu, scope=BotCommandScopeDefault(), language_code=code)
        admin_menu = user_menu + [BotCommand(n, _(d)) for n, d in admin.ADMIN_COMMANDS]
        for admin_id in sorted(app.bot_data.settings.admin_ids):
            try:
                await app.bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(admin_id), language_code=code)
            except TelegramError as exc:  # the admin has not started the bot yet
                log.warning("cannot set the admin command menu for %s: %s", admin_id, exc)


async def _post_shutdown(app: BriefbotApp) -> None:
    app.bot_data.ingest.close()


async def _push_job(context: Context) -> None:
    await context.bot_data.pusher.run_due()


async def _ingest_job(context: Context) -> None:
    await context.bot_data.ingest.run()


async def _prune_job(context: Context) -> None:
    bb = context.bot_data
    counts = bb.store.prune(bb.settings.keep_days, bb.now())
    log.info("pruned history older than %s days: %s", bb.settings.keep_days, counts)


async def _on_error(update: object, context: Context) -> None:
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        chat = context.bot_data.store.get_chat(update.effective_message.chat_id)
        try:
            await update.effective_message.reply_text(texts_for(chat)(SOMETHING_WRONG))
        except TelegramError:
            pass
