"""What a button press does. Each handler is registered by its data's pattern (bot/buttons.py)."""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.buttons import (
    COLLAPSE_PATTERN,
    EXPAND_PATTERN,
    LANGUAGE_PATTERN,
    MUTE_PATTERN,
    SETTINGS_PATTERN,
    argument,
    back_keyboard,
    digest_keyboard,
)
from bot.chats import NOT_ADMIN, may_manage
from bot.commands.base import Handler, me, texts_here
from bot.commands.user import set_language
from bot.context import Context
from bot.i18n import N_, supported
from bot.render import render_item
from bot.views import is_sources_view, settings_view, sources_view
from digest.analyse import best_sentences
from digest.compose import item_from_article
from digest.schedule import shifted_digest_time

GONE = N_("This button no longer works.")


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
                return await _gone(update, context)
            await handle(*pressed, update, context)
        HANDLERS[pattern] = handler
        return handler
    return register


async def edit_pressed(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Redraw the pressed message (a press that changes nothing leaves it as it is)."""
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


@on_button(EXPAND_PATTERN)
async def expand(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    """A story of a briefing, expanded in place: more sentences and its quotes."""
    store = context.bot_data.store
    _ = texts_here(update, context)
    sent = store.sent_message(message.chat.id, message.message_id)
    index = int(argument(query.data))
    if sent is None or index >= len(sent["article_ids"]):
        await query.answer(_("This briefing is too old to expand."))
        return
    article = store.get_article(sent["article_ids"][index])
    if article is None:
        await query.answer(_("That story is no longer stored."))
        return
    item = item_from_article(article)
    more = await asyncio.to_thread(best_sentences, article.get("text") or "", 6, article.get("language"))
    sentences = more or item.sentences
    block = render_item(item, None, sentences, (article.get("quotes") or [])[:4], texts=_)
    await edit_pressed(query, block.html, back_keyboard(_))
    await query.answer()


@on_button(COLLAPSE_PATTERN)
async def collapse(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    """Back from an expanded story to the briefing message as it was sent."""
    sent = context.bot_data.store.sent_message(message.chat.id, message.message_id)
    if sent is None:
        _ = texts_here(update, context)
        await query.answer(_("This briefing is too old."))
        return
    await edit_pressed(query, sent["html"], digest_keyboard(sent["article_ids"]))
    await query.answer()


@on_button(MUTE_PATTERN)
async def toggle_mute(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    store = context.bot_data.store
    _ = texts_here(update, context)
    if not await may_manage(update, context):
        await query.answer(_(NOT_ADMIN), show_alert=True)
        return
    reader = me(update, context)
    sources = store.active_sources()
    source_id = int(argument(query.data))
    if source_id not in {s["id"] for s in sources}:
        await query.answer(_("That source is gone."))
        return
    muted = set(reader["muted_sources"]) ^ {source_id}
    store.update_chat(reader["id"], muted_sources=muted)
    text, keyboard = sources_view(sources, muted, _)
    if is_sources_view(message.text, _):
        await edit_pressed(query, text, keyboard)
    else:
        await query.edit_message_reply_markup(keyboard)
    await query.answer(_("Muted.") if source_id in muted else _("Unmuted."))


@on_button(SETTINGS_PATTERN)
async def settings_button(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    bb = context.bot_data
    if not await may_manage(update, context):
        await query.answer(texts_here(update, context)(NOT_ADMIN), show_alert=True)
        return
    reader = me(update, context)
    action = argument(query.data)
    if action in ("pause", "resume"):
        bb.store.update_chat(reader["id"], subscribed=int(action == "resume"))
    else:
        bb.store.update_chat(reader["id"], digest_time=shifted_digest_time(reader, bb.settings,
                                                                           1 if action == "later" else -1))
        bb.pusher.schedule_changed(me(update, context))
    text, keyboard = settings_view(me(update, context), bb.settings, bb.store.active_sources(),
                                   texts_here(update, context))
    await edit_pressed(query, text, keyboard)
    await query.answer()


@on_button(LANGUAGE_PATTERN)
async def language_button(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    """A language chosen from /language's buttons: the message says so, in that language."""
    _ = texts_here(update, context)
    if not await may_manage(update, context):
        await query.answer(_(NOT_ADMIN), show_alert=True)
        return
    code = supported(argument(query.data))
    if code is None:
        return await _gone(update, context)
    await edit_pressed(query, set_language(context.bot_data, me(update, context), code), None)
    await query.answer()


async def unknown_button(update: Update, context: Context) -> None:
    """A button of an older version, or data nobody here wrote."""
    await _gone(update, context)


async def _gone(update: Update, context: Context) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(texts_here(update, context)(GONE))
