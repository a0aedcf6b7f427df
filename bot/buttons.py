"""Every inline button: its callback data (defined here only), its keyboard, and the pattern it is handled by.

Callback data is "kind:argument" and at most 64 bytes (Telegram's limit). A press
on a button of an old message still names something we can look up: a story by its
place in the message (the message's stories are stored with it), a source by id.
"""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from digest.store import Source

EXPAND, COLLAPSE, MUTE, SETTINGS = "x", "c", "m", "s"
SETTINGS_ACTIONS = ("pause", "resume", "earlier", "later")

# the patterns CallbackQueryHandler dispatches on (bot/app.py)
EXPAND_PATTERN = rf"^{EXPAND}:\d+$"
COLLAPSE_PATTERN = rf"^{COLLAPSE}$"
MUTE_PATTERN = rf"^{MUTE}:\d+$"
SETTINGS_PATTERN = rf"^{SETTINGS}:(?:{'|'.join(SETTINGS_ACTIONS)})$"


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


def back_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("\u25c2 Back to the briefing", callback_data=COLLAPSE)]])


def sources_keyboard(sources: list[Source], muted: set[int]) -> InlineKeyboardMarkup | None:
    rows = [[InlineKeyboardButton(("\U0001f507 Unmute " if s["id"] in muted else "\U0001f50a Mute ") + s["name"][:40],
                                  callback_data=f"{MUTE}:{s['id']}")] for s in sources[:50]]
    return InlineKeyboardMarkup(rows) if rows else None


def settings_keyboard(subscribed: bool) -> InlineKeyboardMarkup:
    toggle = ("\u23f8 Pause daily briefing", "pause") if subscribed else ("\u25b6 Resume daily briefing", "resume")
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(toggle[0], callback_data=f"{SETTINGS}:{toggle[1]}")],
        [InlineKeyboardButton("\u2212 1 hour", callback_data=f"{SETTINGS}:earlier"),
         InlineKeyboardButton("+ 1 hour", callback_data=f"{SETTINGS}:later")],
    ])
