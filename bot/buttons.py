"""Every inline button: its callback data (defined here only), its keyboard, and the pattern it is handled by.

Callback data is "kind:argument" and at most 64 bytes (Telegram's limit). A press
on a button of an old message still names something we can look up: a story by its
place in the message (the message's stories are stored with it), a source by id.
"""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import ENGLISH, LANGUAGES, Texts
from digest.store import Reader, Source

EXPAND, COLLAPSE, MUTE, SETTINGS, LANGUAGE, CHANNEL = "x", "c", "m", "s", "l", "h"
SETTINGS_ACTIONS = ("pause", "resume", "earlier", "later")
CHANNEL_LIST = "list"

# the patterns CallbackQueryHandler dispatches on (bot/app.py)
EXPAND_PATTERN = rf"^{EXPAND}:\d+$"
COLLAPSE_PATTERN = rf"^{COLLAPSE}$"
MUTE_PATTERN = rf"^{MUTE}:\d+$"
SETTINGS_PATTERN = rf"^{SETTINGS}:(?:{'|'.join(SETTINGS_ACTIONS)})$"
LANGUAGE_PATTERN = rf"^{LANGUAGE}:[a-z]{{2,3}}$"
# a channel's view ("h:<id>"), an action on it ("h:<id>:later", "h:<id>:zone", "h:<id>:l-de"), or the list
CHANNEL_PATTERN = rf"^{CHANNEL}:(?:{CHANNEL_LIST}|-?\d+(?::(?:{'|'.join(SETTINGS_ACTIONS)}|zone|l-[a-z]{{2,3}}))?)$"


def argument(data: str | None) -> str:
    """What follows the kind in a button's data."""
    return (data or "").partition(":")[2]


def digest_keyboard(article_ids: list[int]) -> InlineKeyboardMarkup | None:
    """One "more" button per story; pressing it expands that story in place."""
    return _numbered_keyboard(len(article_ids)) if article_ids else None


@lru_cache(maxsize=64)
def _numbered_keyboard(count: int) -> InlineKeyboardMarkup:
    """Keyboards are immutable and depend only on the number of stories: build each once (push hot path)."""
    buttons = [InlineKeyboardButton(f"{n} \u25be", callback_data=f"{EXPAND}:{n - 1}") for n in range(1, count + 1)]
    return InlineKeyboardMarkup([buttons[i:i + 5] for i in range(0, len(buttons), 5)])


def back_keyboard(_: Texts = ENGLISH) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("\u25c2 " + _("Back to the briefing"), callback_data=COLLAPSE)]])


def sources_keyboard(sources: list[Source], muted: set[int], _: Texts = ENGLISH) -> InlineKeyboardMarkup | None:
    rows = [[InlineKeyboardButton(_("\U0001f507 Unmute {source}", source=s["name"][:40]) if s["id"] in muted
                                  else _("\U0001f50a Mute {source}", source=s["name"][:40]),
                                  callback_data=f"{MUTE}:{s['id']}")] for s in sources[:50]]
    return InlineKeyboardMarkup(rows) if rows else None


def settings_keyboard(subscribed: bool, _: Texts = ENGLISH) -> InlineKeyboardMarkup:
    toggle = ((_("\u23f8 Pause daily briefing"), "pause") if subscribed
              else (_("\u25b6 Resume daily briefing"), "resume"))
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(toggle[0], callback_data=f"{SETTINGS}:{toggle[1]}")],
        [InlineKeyboardButton(_("\u2212 1 hour"), callback_data=f"{SETTINGS}:earlier"),
         InlineKeyboardButton(_("+ 1 hour"), callback_data=f"{SETTINGS}:later")],
    ])


def language_keyboard() -> InlineKeyboardMarkup:
    """Each language by its own name, three to a row."""
    buttons = [InlineKeyboardButton(name, callback_data=f"{LANGUAGE}:{code}") for code, name in LANGUAGES.items()]
    return InlineKeyboardMarkup([buttons[i:i + 3] for i in range(0, len(buttons), 3)])


def channels_keyboard(channels: list[Reader]) -> InlineKeyboardMarkup:
    """One button per channel, by its title."""
    return InlineKeyboardMarkup([[InlineKeyboardButton((c.get("title") or str(c["id"]))[:60],
                                                       callback_data=f"{CHANNEL}:{c['id']}")] for c in channels[:50]])


def channel_keyboard(channel: Reader, own_zone: str | None, _: Texts = ENGLISH) -> InlineKeyboardMarkup:
    """A channel's settings, changed from its admin's private chat (a channel post has no buttons a
    viewer could press): pause, an hour earlier or later, the admin's own zone, the language."""
    prefix = f"{CHANNEL}:{channel['id']}"
    toggle = ((_("\u23f8 Pause daily briefing"), "pause") if channel["subscribed"]
              else (_("\u25b6 Resume daily briefing"), "resume"))
    rows = [[InlineKeyboardButton(toggle[0], callback_data=f"{prefix}:{toggle[1]}")],
            [InlineKeyboardButton(_("\u2212 1 hour"), callback_data=f"{prefix}:earlier"),
             InlineKeyboardButton(_("+ 1 hour"), callback_data=f"{prefix}:later")]]
    if own_zone and own_zone != channel.get("timezone"):
        rows.append([InlineKeyboardButton(_("Use my time zone ({zone})", zone=own_zone),
                                          callback_data=f"{prefix}:zone")])
    languages = [InlineKeyboardButton(("\u2713 " if code == channel.get("language") else "") + name,
                                      callback_data=f"{prefix}:l-{code}") for code, name in LANGUAGES.items()]
    rows += [languages[i:i + 4] for i in range(0, len(languages), 4)]
    rows.append([InlineKeyboardButton("\u25c2 " + _("All my channels"), callback_data=f"{CHANNEL}:{CHANNEL_LIST}")])
    return InlineKeyboardMarkup(rows)
