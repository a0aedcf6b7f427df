"""Commands for everyone: one short async function per command, arguments checked with a usage reply.

A user can only ever read or change their own record: every handler keys the
store by `update.effective_user.id`, never by an argument.
"""

from __future__ import annotations

import asyncio
import difflib
import logging
import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import available_timezones

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import context as ctx
from bot.render import (
    back_keyboard,
    digest_keyboard,
    esc,
    render_digest,
    render_item,
    render_list,
)
from bot.send import NO_PREVIEW, send_briefing
from digest.compose import BriefingItem, item_from_article
from digest.schedule import user_digest_time, user_zone
from digest.settings import check_timezone, parse_hhmm
from digest.summarise import get_summariser

log = logging.getLogger(__name__)

UNKNOWN = "Sorry, I don't know that command. /help lists what I can do."
MAX_TOPICS = 20
_TOPIC = re.compile(r"^[\w][\w+#.'&-]{0,31}$", re.UNICODE)

HELP = """<b>Briefbot</b> sends you a short news briefing every day: per story a headline, two or three sentences taken from the article, its strongest quote and the link.

/digest \u2014 a briefing now, of what you have not seen yet
/latest [N] \u2014 the N newest stories (default 5)
/search WORDS \u2014 find stories
/time HH:MM \u2014 when your daily briefing comes
/timezone Area/City \u2014 your time zone, e.g. Europe/Berlin
/sources \u2014 the sources, with mute/unmute buttons
/follow WORD, /unfollow WORD \u2014 only stories that mention your topics
/settings \u2014 your settings
/stop \u2014 unsubscribe (/start to come back)"""

USER_COMMANDS = [
    ("digest", "A briefing now"), ("latest", "Newest stories"), ("search", "Find stories"),
    ("time", "Set your daily briefing time"), ("timezone", "Set your time zone"), ("sources", "Sources, mute/unmute"),
    ("follow", "Follow a topic"), ("unfollow", "Stop following a topic"), ("settings", "Your settings"),
    ("help", "What I can do"), ("stop", "Unsubscribe"),
]


def _me(update: Update, context: ContextTypes.DEFAULT_TYPE) -> dict:
    user, chat = update.effective_user, update.effective_chat
    return ctx.of(context).store.ensure_user(user.id, chat.id, user.username, user.first_name)


async def reply(update: Update, text: str, **kwargs) -> None:
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                              **kwargs)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    user, chat = update.effective_user, update.effective_chat
    payload = context.args[0][:64] if context.args else None
    record = bb.store.upsert_user(user.id, chat.id, user.username, user.first_name, payload)
    bb.pusher.skip_today(record)
    zone, at = user_zone(record, bb.settings), user_digest_time(record, bb.settings)
    await reply(update, f"Welcome! You're subscribed: a briefing every day at <b>{at:%H:%M}</b> "
                        f"({esc(zone.key)}). Send /digest for one now.\n\n" + HELP)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, HELP)


async def stop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    me = _me(update, context)
    ctx.of(context).store.update_user(me["id"], subscribed=0)
    await reply(update, "You're unsubscribed: no more daily briefings. Send /start to come back.")


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, items: list[BriefingItem], header: str, *,
                deliver: bool) -> None:
    """A briefing in reply to a command; with `deliver`, what it shows is not sent to this user again."""
    bb = ctx.of(context)
    await send_briefing(context.bot, bb.store, update.effective_chat.id, render_digest(items, header=header),
                        deliver_to=update.effective_user.id if deliver else None)


async def digest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    items = bb.composer.briefing(me, bb.settings.digest_items, bb.settings.digest_max_age_hours, bb.now()).items
    if not items:
        await reply(update, "Nothing new since your last briefing.")
        return
    await _show(update, context, items, "Your briefing", deliver=True)


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    count = 5
    if context.args:
        if len(context.args) > 1 or not context.args[0].isdigit() or not 1 <= int(context.args[0]) <= 20:
            await reply(update, "Usage: /latest [N] \u2014 N is a number from 1 to 20.")
            return
        count = int(context.args[0])
    items = bb.composer.briefing(me, count, 24 * 7, bb.now(), unseen_only=False, by="time").items
    if not items:
        await reply(update, "No stories yet. Try again after the next ingest.")
        return
    await _show(update, context, items, "Latest stories", deliver=False)


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    words = " ".join(context.args or []).strip()
    if not words:
        await reply(update, "Usage: /search WORDS \u2014 for example /search climate summit")
        return
    hits = ctx.of(context).store.search_articles(words[:500], limit=10)
    shown = words if len(words) <= 60 else words[:57] + "\u2026"
    if not hits:
        await reply(update, f"No stories match \u201c{esc(shown)}\u201d.")
        return
    lines = [(f"{a['title']} \u2014 {a['source_name']}", a["url"]) for a in hits]
    await reply(update, render_list(f"Stories matching \u201c{shown}\u201d", lines))


async def set_time(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    if len(context.args or []) != 1:
        await reply(update, "Usage: /time HH:MM \u2014 for example /time 07:30")
        return
    try:
        at = parse_hhmm(context.args[0])
    except ValueError:
        await reply(update, f"\u201c{esc(context.args[0][:20])}\u201d is not a time. Usage: /time HH:MM, "
                            "24-hour clock, for example /time 07:30")
        return
    bb.store.update_user(me["id"], digest_time=at.strftime("%H:%M"))
    zone = user_zone(me, bb.settings)
    await reply(update, f"Your daily briefing will come at <b>{at:%H:%M}</b> ({esc(zone.key)}).")


@lru_cache(maxsize=1)
def _zones() -> list[str]:
    return sorted(available_timezones())


async def set_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    if len(context.args or []) != 1:
        await reply(update, "Usage: /timezone Area/City \u2014 for example /timezone Europe/Berlin")
        return
    name = context.args[0][:64]
    try:
        zone = check_timezone(name)
    except ValueError:
        lowered = {z.lower(): z for z in _zones()}
        guess = lowered.get(name.lower()) or next(
            (z for z in _zones() if z.lower().endswith("/" + name.lower())), None)
        close = [guess] if guess else difflib.get_close_matches(name, _zones(), n=3, cutoff=0.6)
        hint = (" Did you mean " + " or ".join(f"<code>{esc(z)}</code>" for z in close) + "?") if close else ""
        await reply(update, f"I don't know the time zone \u201c{esc(name)}\u201d.{hint} Use an IANA name "
                            "like Europe/Berlin, America/New_York or Asia/Seoul.")
        return
    bb.store.update_user(me["id"], timezone=zone)
    at = user_digest_time(me, bb.settings)
    await reply(update, f"Time zone set to <b>{esc(zone)}</b>; your briefing comes at {at:%H:%M} there.")


def sources_keyboard(sources: list[dict], muted: set[int]) -> InlineKeyboardMarkup | None:
    rows = [[InlineKeyboardButton(("\U0001f507 Unmute " if s["id"] in muted else "\U0001f50a Mute ") + s["name"][:40],
                                  callback_data=f"m:{s['id']}")] for s in sources[:50]]
    return InlineKeyboardMarkup(rows) if rows else None


def sources_text(sources: list[dict], muted: set[int]) -> str:
    if not sources:
        return "No sources yet."
    lines = [(f"{s['name']}{' (muted)' if s['id'] in muted else ''}", s.get("site_url") or s["url"]) for s in sources]
    return render_list("Sources", lines)


async def user_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    sources = bb.store.active_sources()
    muted = set(me["muted_sources"])
    await reply(update, sources_text(sources, muted), reply_markup=sources_keyboard(sources, muted))


async def follow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    if len(context.args or []) != 1 or not _TOPIC.match(context.args[0]):
        await reply(update, "Usage: /follow WORD \u2014 one plain word (letters and digits), e.g. /follow climate")
        return
    topic = context.args[0].lower()
    topics = set(me["topics"])
    if topic not in topics and len(topics) >= MAX_TOPICS:
        await reply(update, f"You follow {MAX_TOPICS} topics already; /unfollow one first.")
        return
    topics.add(topic)
    bb.store.update_user(me["id"], topics=topics)
    await reply(update, f"Following <b>{esc(topic)}</b>. Your briefings now only include stories that mention: "
                        f"{esc(', '.join(sorted(topics)))}.")


async def unfollow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    me = _me(update, context)
    if len(context.args or []) != 1:
        await reply(update, "Usage: /unfollow WORD")
        return
    topic = context.args[0].lower()[:32]
    topics = set(me["topics"])
    if topic not in topics:
        await reply(update, f"You don't follow \u201c{esc(topic)}\u201d." +
                    (f" You follow: {esc(', '.join(sorted(topics)))}." if topics else ""))
        return
    topics.discard(topic)
    bb.store.update_user(me["id"], topics=topics)
    await reply(update, f"Stopped following <b>{esc(topic)}</b>." +
                (f" Still following: {esc(', '.join(sorted(topics)))}." if topics else " You get every story again."))


def settings_view(me: dict, bb) -> tuple[str, InlineKeyboardMarkup]:
    zone, at = user_zone(me, bb.settings), user_digest_time(me, bb.settings)
    names = {s["id"]: s["name"] for s in bb.store.active_sources()}
    muted = [names[i] for i in me["muted_sources"] if i in names]
    lines = [
        "<b>Your settings</b>",
        f"Daily briefing: {'on' if me['subscribed'] else 'paused'}, at {at:%H:%M} ({esc(zone.key)})",
        f"Topics: {esc(', '.join(me['topics'])) if me['topics'] else 'all stories'}",
        f"Muted sources: {esc(', '.join(muted)) if muted else 'none'}",
    ]
    toggle = ("\u23f8 Pause daily briefing", "s:pause") if me["subscribed"] else ("\u25b6 Resume daily briefing",
                                                                                  "s:resume")
    keyboard = InlineKeyboardMarkup([
        [InlineKeyboardButton(toggle[0], callback_data=toggle[1])],
        [InlineKeyboardButton("\u2212 1 hour", callback_data="s:earlier"),
         InlineKeyboardButton("+ 1 hour", callback_data="s:later")],
    ])
    return "\n".join(lines), keyboard


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text, keyboard = settings_view(_me(update, context), ctx.of(context))
    await reply(update, text, reply_markup=keyboard)


async def unknown(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, UNKNOWN)


# --- buttons ------------------------------------------------------------------------
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    data = query.data or ""
    kind, _, arg = data.partition(":")
    handler = {"x": _expand, "c": _collapse, "m": _toggle_mute, "s": _settings_button}.get(kind)
    if handler is None or query.message is None:
        await query.answer("This button no longer works.")
        return
    note = await handler(update, context, arg)
    await query.answer(note)


async def _edit(query, text: str, markup) -> None:
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                      reply_markup=markup)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def _expand(update: Update, context: ContextTypes.DEFAULT_TYPE, arg: str) -> str | None:
    bb = ctx.of(context)
    query = update.callback_query
    sent = bb.store.sent_message(query.message.chat.id, query.message.message_id)
    if sent is None or not arg.isdigit() or int(arg) >= len(sent["article_ids"]):
        return "This briefing is too old to expand."
    article = bb.store.get_article(sent["article_ids"][int(arg)])
    if article is None:
        return "That story is no longer stored."
    item = item_from_article(article)
    more = await asyncio.to_thread(get_summariser().summarise, article["text"] or "", 6)
    sentences = [s.text for s in more] or item.sentences
    block = render_item(item, None, sentences, (article["quotes"] or [])[:4])
    await _edit(query, block.html, back_keyboard())
    return None


async def _collapse(update: Update, context: ContextTypes.DEFAULT_TYPE, arg: str) -> str | None:
    bb = ctx.of(context)
    query = update.callback_query
    sent = bb.store.sent_message(query.message.chat.id, query.message.message_id)
    if sent is None:
        return "This briefing is too old."
    await _edit(query, sent["html"], digest_keyboard(sent["article_ids"]))
    return None


async def _toggle_mute(update: Update, context: ContextTypes.DEFAULT_TYPE, arg: str) -> str | None:
    bb = ctx.of(context)
    me = _me(update, context)
    sources = bb.store.active_sources()
    if not arg.isdigit() or int(arg) not in {s["id"] for s in sources}:
        return "That source is gone."
    muted = set(me["muted_sources"])
    source_id = int(arg)
    muted.symmetric_difference_update({source_id})
    bb.store.update_user(me["id"], muted_sources=muted)
    query = update.callback_query
    if query.message.text and query.message.text.startswith("Sources"):
        await _edit(query, sources_text(sources, muted), sources_keyboard(sources, muted))
    else:
        await query.edit_message_reply_markup(sources_keyboard(sources, muted))
    return "Muted." if source_id in muted else "Unmuted."


async def _settings_button(update: Update, context: ContextTypes.DEFAULT_TYPE, arg: str) -> str | None:
    bb = ctx.of(context)
    me = _me(update, context)
    if arg in ("pause", "resume"):
        bb.store.update_user(me["id"], subscribed=int(arg == "resume"))
    elif arg in ("earlier", "later"):
        at = user_digest_time(me, bb.settings)
        moved = (datetime.combine(datetime(2000, 1, 1), at) + timedelta(hours=1 if arg == "later" else -1)).time()
        bb.store.update_user(me["id"], digest_time=moved.strftime("%H:%M"))
    else:
        return "This button no longer works."
    text, keyboard = settings_view(bb.store.get_user(me["id"]), bb)
    await _edit(update.callback_query, text, keyboard)
    return None

