"""Commands for everyone: subscribe, ask for a briefing, search, set the time, zone, topics and mutes."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from telegram import Update
from telegram.constants import ChatType

from bot.chats import managers_only
from bot.commands.base import UNKNOWN, args_of, is_admin, me, not_addressed_to_us, reply, single_argument
from bot.context import BotData, Context
from bot.render import esc, render_digest, render_list
from bot.send import send_briefing
from bot.views import admin_sources_text, settings_view, sources_view
from digest.compose import BriefingItem
from digest.schedule import user_digest_time, user_zone
from digest.settings import check_timezone, parse_hhmm
from digest.store import Reader, chat_type

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


@managers_only
async def start(update: Update, context: Context) -> None:
    bb = context.bot_data
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    args = args_of(context)
    private = chat.type == ChatType.PRIVATE
    record = bb.store.subscribe_chat(chat.id, chat_type(chat.type), title=chat.title, username=chat.username,
                                     first_name=chat.first_name, payload=args[0][:64] if args and private else None,
                                     language_code=user.language_code if private else None)
    bb.pusher.skip_today(record)
    zone, at = user_zone(record, bb.settings), user_digest_time(record, bb.settings)
    if not private:
        await reply(update, f"This group is subscribed: a briefing here every day at <b>{at:%H:%M}</b> "
                            f"({esc(zone.key)}). Its administrators set the time with /time and /timezone; "
                            "anyone can ask for /digest, /latest or /search.")
        return
    await reply(update, f"Welcome! You're subscribed: a briefing every day at <b>{at:%H:%M}</b> "
                        f"({esc(zone.key)}). Send /digest for one now.\n\n" + HELP)


async def help_command(update: Update, context: Context) -> None:
    await reply(update, HELP)


@managers_only
async def stop(update: Update, context: Context) -> None:
    context.bot_data.store.update_chat(me(update, context)["id"], subscribed=0)
    await reply(update, "You're unsubscribed: no more daily briefings. Send /start to come back.")


async def _show(update: Update, context: Context, items: list[BriefingItem], header: str, *, deliver: bool,
                zone: ZoneInfo | None = None) -> None:
    """A briefing in reply to a command; with `deliver`, what it shows is not sent to this reader again;
    with `zone`, each story says when it appeared, in that zone."""
    chat = update.effective_chat
    if chat is None:
        return
    await send_briefing(context.bot, context.bot_data.store, chat.id, render_digest(items, header=header, zone=zone),
                        deliver_to=chat.id if deliver else None)


async def digest(update: Update, context: Context) -> None:
    bb = context.bot_data
    reader = me(update, context)
    items = bb.composer.briefing(reader, bb.settings.digest_items, bb.settings.digest_max_age_hours, bb.now()).items
    if not items:
        await reply(update, _why_empty(bb, reader))
        return
    await _show(update, context, items, "Your briefing", deliver=True)


def _why_empty(bb: BotData, reader: Reader) -> str:
    """What an empty /digest means for this reader: nothing collected yet, nothing recent on their topics
    or from their sources, or nothing since their last briefing; each points to what they can do."""
    newest = bb.store.newest_article_date()
    if newest is None:
        return ("No stories have been collected yet: the sources are read every few minutes. "
                "Try again a little later.")
    hours = bb.settings.digest_max_age_hours
    narrowed = []
    if reader["topics"]:
        narrowed.append("on your topics (" + esc(", ".join(reader["topics"])) + ")")
    if reader["muted_sources"]:
        narrowed.append("from the sources you have not muted")
    scope = (" " + " and ".join(narrowed)) if narrowed else ""
    if not bb.store.has_received(reader["id"]):
        return (f"There are no stories from the last {hours} hours{scope} yet. "
                "/latest shows the newest stories, whatever their age.")
    return f"Nothing new{scope} since your last briefing. /latest shows the newest stories."


async def latest(update: Update, context: Context) -> None:
    bb = context.bot_data
    args = args_of(context)
    count = 5
    if args:
        if len(args) > 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= 20:
            await reply(update, "Usage: /latest [N] \u2014 N is a number from 1 to 20.")
            return
        count = int(args[0])
    reader = me(update, context)
    # the newest stories of every source the reader has not muted, whatever their topics and age
    items = bb.composer.briefing({**reader, "topics": []}, count, None, bb.now(), unseen_only=False, by="time").items
    if not items:
        await reply(update, "No stories have been collected yet: the sources are read every few minutes."
                    if bb.store.newest_article_date() is None else "No stories from the sources you have not muted.")
        return
    await _show(update, context, items, "Latest stories", deliver=False, zone=user_zone(reader, bb.settings))


async def search(update: Update, context: Context) -> None:
    words = " ".join(args_of(context)).strip()
    if not words:
        await reply(update, "Usage: /search WORDS \u2014 for example /search climate summit")
        return
    hits = context.bot_data.store.search_articles(words[:500], limit=10)
    shown = words if len(words) <= 60 else words[:57] + "\u2026"
    if not hits:
        await reply(update, f"No stories match \u201c{esc(shown)}\u201d.")
        return
    lines: list[tuple[str, str | None]] = [(f"{a['title']} \u2014 {a['source_name']}", a["url"]) for a in hits]
    await reply(update, render_list(f"Stories matching \u201c{shown}\u201d", lines))


@managers_only
async def set_time(update: Update, context: Context) -> None:
    given = await single_argument(update, context, "Usage: /time HH:MM \u2014 for example /time 07:30")
    if given is None:
        return
    try:
        at = parse_hhmm(given)
    except ValueError:
        await reply(update, f"\u201c{esc(given[:20])}\u201d is not a time. Usage: /time HH:MM, "
                            "24-hour clock, for example /time 07:30")
        return
    bb, reader = context.bot_data, me(update, context)
    bb.store.update_chat(reader["id"], digest_time=at.strftime("%H:%M"))
    bb.pusher.schedule_changed(me(update, context))
    zone = user_zone(reader, bb.settings)
    await reply(update, f"Your daily briefing will come at <b>{at:%H:%M}</b> ({esc(zone.key)}).")


@lru_cache(maxsize=1)
def _zones() -> list[str]:
    return sorted(available_timezones())


def _zone_suggestions(name: str) -> list[str]:
    """The zone meant by a wrong case or a bare city ("berlin"), else the closest spellings."""
    lowered = {z.lower(): z for z in _zones()}
    guess = lowered.get(name.lower()) or next((z for z in _zones() if z.lower().endswith("/" + name.lower())), None)
    return [guess] if guess else difflib.get_close_matches(name, _zones(), n=3, cutoff=0.6)


@managers_only
async def set_timezone(update: Update, context: Context) -> None:
    given = await single_argument(update, context, "Usage: /timezone Area/City \u2014 for example /timezone Europe/Berlin")
    if given is None:
        return
    name = given[:64]
    try:
        zone = check_timezone(name)
    except ValueError:
        close = _zone_suggestions(name)
        hint = (" Did you mean " + " or ".join(f"<code>{esc(z)}</code>" for z in close) + "?") if close else ""
        await reply(update, f"I don't know the time zone \u201c{esc(name)}\u201d.{hint} Use an IANA name "
                            "like Europe/Berlin, America/New_York or Asia/Seoul.")
        return
    bb, reader = context.bot_data, me(update, context)
    bb.store.update_chat(reader["id"], timezone=zone)
    bb.pusher.schedule_changed(me(update, context))
    at = user_digest_time(reader, bb.settings)
    await reply(update, f"Time zone set to <b>{esc(zone)}</b>; your briefing comes at {at:%H:%M} there.")


async def sources(update: Update, context: Context) -> None:
    """The catalogue with mute buttons; admins see every source's health first."""
    store = context.bot_data.store
    if is_admin(update, context):
        await reply(update, admin_sources_text(store.list_sources()))
    active = store.active_sources()
    text, keyboard = sources_view(active, set(me(update, context)["muted_sources"]))
    await reply(update, text, reply_markup=keyboard)


@managers_only
async def follow(update: Update, context: Context) -> None:
    reader = me(update, context)
    args = args_of(context)
    if len(args) != 1 or not _TOPIC.match(args[0]):
        await reply(update, "Usage: /follow WORD \u2014 one plain word (letters and digits), e.g. /follow climate")
        return
    topic = args[0].lower()
    topics = set(reader["topics"])
    if topic not in topics and len(topics) >= MAX_TOPICS:
        await reply(update, f"You follow {MAX_TOPICS} topics already; /unfollow one first.")
        return
    topics.add(topic)
    context.bot_data.store.update_chat(reader["id"], topics=topics)
    await reply(update, f"Following <b>{esc(topic)}</b>. Your briefings now only include stories that mention: "
                        f"{esc(', '.join(sorted(topics)))}.")


@managers_only
async def unfollow(update: Update, context: Context) -> None:
    reader = me(update, context)
    given = await single_argument(update, context, "Usage: /unfollow WORD")
    if given is None:
        return
    topic = given.lower()[:32]
    topics = set(reader["topics"])
    if topic not in topics:
        await reply(update, f"You don't follow \u201c{esc(topic)}\u201d." +
                    (f" You follow: {esc(', '.join(sorted(topics)))}." if topics else ""))
        return
    topics.discard(topic)
    context.bot_data.store.update_chat(reader["id"], topics=topics)
    await reply(update, f"Stopped following <b>{esc(topic)}</b>." +
                (f" Still following: {esc(', '.join(sorted(topics)))}." if topics else " You get every story again."))


async def settings(update: Update, context: Context) -> None:
    bb = context.bot_data
    text, keyboard = settings_view(me(update, context), bb.settings, bb.store.active_sources())
    await reply(update, text, reply_markup=keyboard)


async def unknown(update: Update, context: Context) -> None:
    """An unknown command: answered in a private chat, or in a group when it names this bot."""
    if not not_addressed_to_us(update, context):
        await reply(update, UNKNOWN)
