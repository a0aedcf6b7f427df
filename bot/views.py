"""The views a command shows and a button redraws: the sources list and the reader's settings."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.buttons import settings_keyboard, sources_keyboard
from bot.render import esc, render_list
from digest.reports import source_line
from digest.schedule import user_digest_time, user_zone
from digest.settings import Settings
from digest.store import Reader, Source

SOURCES_TITLE = "Sources"


def sources_text(sources: list[Source], muted: set[int]) -> str:
    if not sources:
        return "No sources yet."
    lines = [(f"{s['name']}{' (muted)' if s['id'] in muted else ''}", s.get("site_url") or s["url"]) for s in sources]
    return render_list(SOURCES_TITLE, lines)


def sources_view(sources: list[Source], muted: set[int]) -> tuple[str, InlineKeyboardMarkup | None]:
    return sources_text(sources, muted), sources_keyboard(sources, muted)


def admin_sources_text(sources: list[Source]) -> str:
    """Every source with its health, for admins (the same words as `briefbot sources list`)."""
    if not sources:
        return "No sources yet. /addsource URL"
    return render_list("Sources (admin view)", [(source_line(s), None) for s in sources])


def settings_view(me: Reader, settings: Settings, sources: list[Source]) -> tuple[str, InlineKeyboardMarkup]:
    zone, at = user_zone(me, settings), user_digest_time(me, settings)
    names = {s["id"]: s["name"] for s in sources}
    muted = [names[i] for i in me["muted_sources"] if i in names]
    lines = [
        "<b>Your settings</b>",
        f"Daily briefing: {'on' if me['subscribed'] else 'paused'}, at {at:%H:%M} ({esc(zone.key)})",
        f"Topics: {esc(', '.join(me['topics'])) if me['topics'] else 'all stories'}",
        f"Muted sources: {esc(', '.join(muted)) if muted else 'none'}",
    ]
    return "\n".join(lines), settings_keyboard(bool(me["subscribed"]))
