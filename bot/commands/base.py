"""What every command shares: which chat is asking, how to answer, and who is an admin.

A chat can only ever read or change its own record: every handler keys the store
by the id of the chat the update came from (`me`), never by an argument.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType

from bot.context import Context
from bot.i18n import N_, Texts, texts_for
from digest.store import Reader, chat_type

log = logging.getLogger(__name__)

UNKNOWN = N_("Sorry, I don't know that command. /help lists what I can do.")

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
    """The record of the chat the update came from (a private chat, a group), created (not subscribed)
    on first contact; a private chat keeps its user's Telegram language."""
    user, chat = update.effective_user, update.effective_chat
    if chat is None:
        raise TypeError("a command update without a chat")
    private = chat.type == ChatType.PRIVATE
    return context.bot_data.store.ensure_chat(
        chat.id, chat_type(chat.type), title=chat.title, username=chat.username, first_name=chat.first_name,
        language_code=user.language_code if user is not None and private else None)


def texts_here(update: Update, context: Context) -> Texts:
    """The texts in the language of the chat the update came from."""
    return texts_for(me(update, context))


def not_addressed_to_us(update: Update, context: Context) -> bool:
    """A command in a group is ours only when it names this bot ("/start@briefbot"); a bare "/start" in
    a group may be for any bot in it."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or chat.type == ChatType.PRIVATE:
        return False
    command = (message.text or "").split(maxsplit=1)[0] if message.text else ""
    _, at, name = command.partition("@")
    return not at or name.lower() != (context.bot.username or "").lower()


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
            await reply(update, texts_here(update, context)(UNKNOWN))
            return
        await handler(update, context)
    return guarded
