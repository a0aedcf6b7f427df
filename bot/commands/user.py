"""Commands for everyone: subscribe, ask for a briefing, search, set the time, zone, topics and mutes."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from telegram import Update
from telegram.constants import ChatType

from bot.buttons import language_keyboard
from bot.chats import managers_only
from bot.commands.base import (
    UNKNOWN,
    args_of,
    is_admin,
    me,
    not_addressed_to_us,
    reply,
    single_argument,
    texts_here,
)
from bot.context import BotData, Context
from bot.i18n import LANGUAGES, N_, Texts, supported, texts
from bot.render import esc, render_digest, render_list
from bot.send import send_briefing
from bot.views import admin_sources_text, settings_view, sources_view
from digest.compose import BriefingItem
from digest.schedule import user_digest_time, user_zone
from digest.settings import check_timezone, parse_hhmm
from digest.store import Reader, chat_type

MAX_TOPICS = 20
_TOPIC = re.compile(r"^[\w][\w+#.'&-]{0,31}$", re.UNICODE)

HELP = N_("""<b>Briefbot</b> sends you a short news briefing every day: per story a headline, two or three sentences taken from the article, its strongest quote and the link.

/digest \u2014 a briefing now, of what you have not seen yet
/latest [N] \u2014 the N newest stories (default 5)
/search WORDS \u2014 find stories
/time HH:MM \u2014 when your daily briefing comes
/timezone Area/City \u2014 your time zone, e.g. Europe/Berlin
/sources \u2014 the sources, with mute/unmute buttons
/follow WORD, /unfollow WORD \u2014 only stories that mention your topics
/settings \u2014 your settings
/language \u2014 the language I write in
/channels \u2014 the channels you have me post to
/stop \u2014 unsubscribe (/start to come back)""")

USER_COMMANDS = [
    ("digest", N_("A briefing now")), ("latest", N_("Newest stories")), ("search", N_("Find stories")),
    ("time", N_("Set your daily briefing time")), ("timezone", N_("Set your time zone")),
    ("sources", N_("Sources, mute/unmute")), ("follow", N_("Follow a topic")),
    ("unfollow", N_("Stop following a topic")), ("settings", N_("Your settings")),
    ("language", N_("Choose my language")), ("channels", N_("Your channels")),
    ("help", N_("What I can do")), ("stop", N_("Unsubscribe")),
]


@managers_only
async def start(update: Update, context: Context) -> None:
    bb = context.bot_data
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    args = args_of(context)
    private = chat.type == ChatType.PRIVATE
    # a group speaks the language of the admin who set it up, until /language says otherwise
    spoken = user.language_code if private or not me(update, context)["language_code"] else None
    record = bb.store.subscribe_chat(chat.id, chat_type(chat.type), title=chat.title, username=chat.username,
                                     first_name=chat.first_name, payload=args[0][:64] if args and private else None,
                                     language_code=spoken)
    bb.pusher.skip_today(record)
    zone, at = user_zone(record, bb.settings), user_digest_time(record, bb.settings)
    _ = texts_here(update, context)
    when = {"at": f"<b>{at:%H:%M}</b>", "zone": esc(zone.key)}
    if not private:
        await reply(update, _("This group is subscribed: a briefing here every day at {at} ({zone}). Its "
                              "administrators set the time with /time and /timezone; anyone can ask for /digest, "
                              "/latest or /search.", **when))
        return
    await reply(update, _("Welcome! You're subscribed: a briefing every day at {at} ({zone}). Send /digest for "
                          "one now.", **when) + "\n\n" + _(HELP))


async def help_command(update: Update, context: Context) -> None:
    await reply(update, texts_here(update, context)(HELP))


@managers_only
async def stop(update: Update, context: Context) -> None:
    context.bot_data.store.update_chat(me(update, context)["id"], subscribed=0)
    _ = texts_here(update, context)
    await reply(update, _("You're unsubscribed: no more daily briefings. Send /start to come back."))


@managers_only
async def language(update: Update, context: Context) -> None:
    """`/language` shows a button per language; `/language de` sets it at once."""
    args = args_of(context)
    if not args:
        _ = texts_here(update, context)
        await reply(update, _("Choose the language I write in:"), reply_markup=language_keyboard())
        return
    code = supported(args[0]) if len(args) == 1 else None
    if code is None:
        _ = texts_here(update, context)
        await reply(update, _("I don't speak \u201c{given}\u201d. I can write in: {languages}.",
                              given=esc(" ".join(args)[:20]), languages=", ".join(sorted(LANGUAGES))))
        return
    await reply(update, set_language(context.bot_data, me(update, context), code))


def set_language(bb: BotData, reader: Reader, code: str) -> str:
    """Store the chat's language; the confirmation is written in it."""
    bb.store.update_chat(reader["id"], language=code)
    _ = texts(code)
    return _("I'll write to you in {language} from now on.", language=LANGUAGES[code])


async def _show(update: Update, context: Context, items: list[BriefingItem], header: str, *, deliver: bool,
                zone: ZoneInfo | None = None) -> None:
    """A briefing in reply to a command (`header` marked with N_); with `deliver`, what it shows is not sent
    to this reader again; with `zone`, each story says when it appeared, in that zone."""
    chat = update.effective_chat
    if chat is None:
        return
    _ = texts_here(update, context)
    parts = render_digest(items, header=_(header), zone=zone, texts=_)
    await send_briefing(context.bot, context.bot_data.store, chat.id, parts, deliver_to=chat.id if deliver else None)


async def digest(update: Update, context: Context) -> None:
    bb = context.bot_data
    reader = me(update, context)
    items = bb.composer.briefing(reader, bb.settings.digest_items, bb.settings.digest_max_age_hours, bb.now()).items
    if not items:
        await reply(update, _why_empty(bb, reader, texts_here(update, context)))
        return
    await _show(update, context, items, N_("Your briefing"), deliver=True)


def _why_empty(bb: BotData, reader: Reader, _: Texts) -> str:
    """What an empty /digest means for this reader: nothing collected yet, nothing recent on their topics
    or from their sources, or nothing since their last briefing; each points to what they can do."""
    newest = bb.store.newest_article_date()
    if newest is None:
        return _(NOTHING_COLLECTED)
    hours = bb.settings.digest_max_age_hours
    narrowed = []
    if reader["topics"]:
        narrowed.append(_("on your topics ({topics})", topics=esc(", ".join(reader["topics"]))))
    if reader["muted_sources"]:
        narrowed.append(_("from the sources you have not muted"))
    scope = _.list(narrowed)
    if not bb.store.has_received(reader["id"]):
        if scope:
            return _.plural("There are no stories from the last hour {scope} yet. /latest shows the newest "
                            "stories, whatever their age.",
                            "There are no stories from the last {n} hours {scope} yet. /latest shows the newest "
                            "stories, whatever their age.", hours, scope=scope)
        return _.plural("There are no stories from the last hour yet. /latest shows the newest stories, "
                        "whatever their age.",
                        "There are no stories from the last {n} hours yet. /latest shows the newest stories, "
                        "whatever their age.", hours)
    if scope:
        return _("Nothing new {scope} since your last briefing. /latest shows the newest stories.", scope=scope)
    return _("Nothing new since your last briefing. /latest shows the newest stories.")


NOTHING_COLLECTED = N_("No stories have been collected yet: the sources are read every few minutes. "
                       "Try again a little later.")


async def latest(update: Update, context: Context) -> None:
    bb = context.bot_data
    args = args_of(context)
    _ = texts_here(update, context)
    count = 5
    if args:
        if len(args) > 1 or not args[0].isdigit() or not 1 <= int(args[0]) <= 20:
            await reply(update, _("Usage: /latest [N] \u2014 N is a number from 1 to 20."))
            return
        count = int(args[0])
    reader = me(update, context)
    # the newest stories of every source the reader has not muted, whatever their topics and age
    items = bb.composer.briefing({**reader, "topics": []}, count, None, bb.now(), unseen_only=False, by="time").items
    if not items:
        await reply(update, _(NOTHING_COLLECTED) if bb.store.newest_article_date() is None
                    else _("No stories from the sources you have not muted."))
        return
    await _show(update, context, items, N_("Latest stories"), deliver=False, zone=user_zone(reader, bb.settings))


async def search(update: Update, context: Context) -> None:
    words = " ".join(args_of(context)).strip()
    _ = texts_here(update, context)
    if not words:
        await reply(update, _("Usage: /search WORDS \u2014 for example /search climate summit"))
        return
    hits = context.bot_data.store.search_articles(words[:500], limit=10)
    shown = words if len(words) <= 60 else words[:57] + "\u2026"
    if not hits:
        await reply(update, _("No stories match \u201c{words}\u201d.", words=esc(shown)))
        return
    lines: list[tuple[str, str | None]] = [(f"{a['title']} \u2014 {a['source_name']}", a["url"]) for a in hits]
    await reply(update, render_list(_("Stories matching \u201c{words}\u201d", words=shown), lines))


@managers_only
async def set_time(update: Update, context: Context) -> None:
    _ = texts_here(update, context)
    given = await single_argument(update, context, _("Usage: /time HH:MM \u2014 for example /time 07:30"))
    if given is None:
        return
    try:
        at = parse_hhmm(given)
    except ValueError:
        await reply(update, _("\u201c{given}\u201d is not a time. Usage: /time HH:MM, 24-hour clock, for example "
                              "/time 07:30", given=esc(given[:20])))
        return
    bb, reader = context.bot_data, me(update, context)
    bb.store.update_chat(reader["id"], digest_time=at.strftime("%H:%M"))
    bb.pusher.schedule_changed(me(update, context))
    zone = user_zone(reader, bb.settings)
    await reply(update, _("Your daily briefing will come at {at} ({zone}).", at=f"<b>{at:%H:%M}</b>",
                          zone=esc(zone.key)))


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
    _ = texts_here(update, context)
    given = await single_argument(update, context,
                                  _("Usage: /timezone Area/City \u2014 for example /timezone Europe/Berlin"))
    if given is None:
        return
    name = given[:64]
    try:
        zone = check_timezone(name)
    except ValueError:
        close = _zone_suggestions(name)
        unknown_zone = _("I don't know the time zone \u201c{zone}\u201d.", zone=esc(name))
        if close:
            unknown_zone += " " + _("Did you mean {zones}?", zones=_.list([f"<code>{esc(z)}</code>" for z in close], "or"))
        await reply(update, unknown_zone + " " + _("Use an IANA name like Europe/Berlin, America/New_York or "
                                                   "Asia/Seoul."))
        return
    bb, reader = context.bot_data, me(update, context)
    bb.store.update_chat(reader["id"], timezone=zone)
    bb.pusher.schedule_changed(me(update, context))
    at = user_digest_time(reader, bb.settings)
    await reply(update, _("Time zone set to {zone}; your briefing comes at {at} there.", zone=f"<b>{esc(zone)}</b>",
                          at=f"{at:%H:%M}"))


async def sources(update: Update, context: Context) -> None:
    """The catalogue with mute buttons; admins see every source's health first."""
    store = context.bot_data.store
    _ = texts_here(update, context)
    if is_admin(update, context):
        await reply(update, admin_sources_text(store.list_sources(), _, store.source_languages()))
    active = store.active_sources()
    text, keyboard = sources_view(active, set(me(update, context)["muted_sources"]), _)
    await reply(update, text, reply_markup=keyboard)


@managers_only
async def follow(update: Update, context: Context) -> None:
    reader = me(update, context)
    args = args_of(context)
    _ = texts_here(update, context)
    if len(args) != 1 or not _TOPIC.match(args[0]):
        await reply(update, _("Usage: /follow WORD \u2014 one plain word (letters and digits), e.g. /follow climate"))
        return
    topic = args[0].lower()
    topics = set(reader["topics"])
    if topic not in topics and len(topics) >= MAX_TOPICS:
        await reply(update, _("You follow {n} topics already; /unfollow one first.", n=MAX_TOPICS))
        return
    topics.add(topic)
    context.bot_data.store.update_chat(reader["id"], topics=topics)
    await reply(update, _("Following {topic}. Your briefings now only include stories that mention: {topics}.",
                          topic=f"<b>{esc(topic)}</b>", topics=esc(", ".join(sorted(topics)))))


@managers_only
async def unfollow(update: Update, context: Context) -> None:
    reader = me(update, context)
    _ = texts_here(update, context)
    given = await single_argument(update, context, _("Usage: /unfollow WORD"))
    if given is None:
        return
    topic = given.lower()[:32]
    topics = set(reader["topics"])
    listed = esc(", ".join(sorted(topics)))
    if topic not in topics:
        await reply(update, _("You don't follow \u201c{topic}\u201d.", topic=esc(topic)) +
                    (" " + _("You follow: {topics}.", topics=listed) if topics else ""))
        return
    topics.discard(topic)
    context.bot_data.store.update_chat(reader["id"], topics=topics)
    listed = esc(", ".join(sorted(topics)))
    await reply(update, _("Stopped following {topic}.", topic=f"<b>{esc(topic)}</b>") + " " +
                (_("Still following: {topics}.", topics=listed) if topics else _("You get every story again.")))


async def settings(update: Update, context: Context) -> None:
    bb = context.bot_data
    reader = me(update, context)
    text, keyboard = settings_view(reader, bb.settings, bb.store.active_sources(), texts_here(update, context))
    await reply(update, text, reply_markup=keyboard)


async def unknown(update: Update, context: Context) -> None:
    """An unknown command: answered in a private chat, or in a group when it names this bot."""
    if not not_addressed_to_us(update, context):
        await reply(update, texts_here(update, context)(UNKNOWN))
