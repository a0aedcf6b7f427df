"""What every command shares: who is asking, how to answer, and who is an admin.

A reader can only ever read or change their own record: every handler keys the
store by the sender's Telegram id (`me`), never by an argument.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update

from bot.context import Context
from digest.store import Reader

log = logging.getLogger(__name__)

UNKNOWN = "Sorry, I don't know that command. /help lists what I can do."

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def message_of(update: Update) -> Message:
    """The message a command came in (CommandHandler and MessageHandler only pass updates with one)."""
    message = update.effective_message
    if message is None:
        raise TypeError("a command update without a message")
    return message


def sender_id(update: Update) -> int:
    user = update.effective_user
    if user is None:
        raise TypeError("a command update without a sender")
    return user.id


def me(update: Update, context: Context) -> Reader:
    """The sender's record, created (not subscribed) on first contact."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        raise TypeError("a command update without a sender")
    return context.bot_data.store.ensure_user(user.id, chat.id, user.username, user.first_name)


def args_of(context: Context) -> list[str]:
    return list(context.args or [])


async def single_argument(update: Update, context: Context, usage: str) -> str | None:
    """The command's one argument, or None after answering with `usage`."""
    args = args_of(context)
    if len(args) != 1:
        await reply(update, usage)
        return None
    return args[0]


async def reply(update: Update, text: str, **kwargs: Any) -> None:
    """An HTML reply without link previews (the application's Defaults)."""
    await message_of(update).reply_text(text, **kwargs)


def is_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in context.bot_data.settings.admin_ids


def admin_only(handler: Handler) -> Handler:
    """Anyone else gets exactly the reply an unknown command gets (the command's existence is not
    revealed), and the attempt is logged."""
    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        if not is_admin(update, context):
            user = update.effective_user
            log.warning("refused admin command %s from user %s", handler.__name__, user.id if user else None)
            await reply(update, UNKNOWN)
            return
        await handler(update, context)
    return guarded
