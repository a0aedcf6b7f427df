"""What a button press does. Each handler is registered by its data's pattern (bot/buttons.py)."""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.buttons import (
    COLLAPSE_PATTERN,
    EXPAND_PATTERN,
    MUTE_PATTERN,
    SETTINGS_PATTERN,
    argument,
    back_keyboard,
    digest_keyboard,
)
from bot.chats import NOT_ADMIN, may_manage
from bot.commands.base import Handler, me
from bot.context import Context
from bot.render import render_item
from bot.views import SOURCES_TITLE, settings_view, sources_view
from digest.compose import item_from_article
from digest.schedule import user_digest_time
from digest.summarise import get_summariser

GONE = "This button no longer works."


def _pressed(update: Update, pattern: str) -> tuple[CallbackQuery, Message] | None:
    """The press and the message its button is on; None for a message too old to be accessible, or for
    data that is not this handler's (PTB passes a press without data to every pattern)."""
    query = update.callback_query
    if query is None or not isinstance(query.message, Message) or not re.match(pattern, query.data or ""):
        return None
    return query, query.message


Pressed = Callable[[CallbackQuery, Message, Update, Context], Coroutine[Any, Any, None]]
HANDLERS: dict[str, Handler] = {}  # pattern -> handler, registered by bot/app.py


def on_button(pattern: str) -> Callable[[Pressed], Handler]:
    """A press handler for the buttons whose data match `pattern`, given the press and its message."""
    def register(handle: Pressed) -> Handler:
        @functools.wraps(handle)
        async def handler(update: Update, context: Context) -> None:
            pressed = _pressed(update, pattern)
            if pressed is None:
                return await _gone(update)
            await handle(*pressed, update, context)
        HANDLERS[pattern] = handler
        return handler
    return register


async def _edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


@on_button(EXPAND_PATTERN)
async def expand(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    """A story of a briefing, expanded in place: more sentences and its quotes."""
    store = context.bot_data.store
    sent = store.sent_message(message.chat.id, message.message_id)
    index = int(argument(query.data))
    if sent is None or index >= len(sent["article_ids"]):
        await query.answer("This briefing is too old to expand.")
        return
    article = store.get_article(sent["article_ids"][index])
    if article is None:
        await query.answer("That story is no longer stored.")
        return
    item = item_from_article(article)
    more = await asyncio.to_thread(get_summariser().summarise, article.get("text") or "", 6)
    sentences = [s.text for s in more] or item.sentences
    block = render_item(item, None, sentences, (article.get("quotes") or [])[:4])
    await _edit(query, block.html, back_keyboard())
    await query.answer()


@on_button(COLLAPSE_PATTERN)
async def collapse(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    """Back from an expanded story to the briefing message as it was sent."""
    sent = context.bot_data.store.sent_message(message.chat.id, message.message_id)
    if sent is None:
        await query.answer("This briefing is too old.")
        return
    await _edit(query, sent["html"], digest_keyboard(sent["article_ids"]))
    await query.answer()


@on_button(MUTE_PATTERN)
async def toggle_mute(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    store = context.bot_data.store
    if not await may_manage(update, context):
        await query.answer(NOT_ADMIN, show_alert=True)
        return
    reader = me(update, context)
    sources = store.active_sources()
    source_id = int(argument(query.data))
    if source_id not in {s["id"] for s in sources}:
        await query.answer("That source is gone.")
        return
    muted = set(reader["muted_sources"]) ^ {source_id}
    store.update_chat(reader["id"], muted_sources=muted)
    text, keyboard = sources_view(sources, muted)
    if message.text and message.text.startswith(SOURCES_TITLE):
        await _edit(query, text, keyboard)
    else:
        await query.edit_message_reply_markup(keyboard)
    await query.answer("Muted." if source_id in muted else "Unmuted.")


@on_button(SETTINGS_PATTERN)
async def settings_button(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    bb = context.bot_data
    if not await may_manage(update, context):
        await query.answer(NOT_ADMIN, show_alert=True)
        return
    reader = me(update, context)
    action = argument(query.data)
    if action in ("pause", "resume"):
        bb.store.update_chat(reader["id"], subscribed=int(action == "resume"))
    else:
        at = user_digest_time(reader, bb.settings)
        moved = (datetime.combine(datetime(2000, 1, 1), at) + timedelta(hours=1 if action == "later" else -1)).time()
        bb.store.update_chat(reader["id"], digest_time=moved.strftime("%H:%M"))
        bb.pusher.schedule_changed(me(update, context))
    text, keyboard = settings_view(me(update, context), bb.settings, bb.store.active_sources())
    await _edit(query, text, keyboard)
    await query.answer()


async def unknown_button(update: Update, context: Context) -> None:
    """A button of an older version, or data nobody here wrote."""
    await _gone(update)


async def _gone(update: Update) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(GONE)
