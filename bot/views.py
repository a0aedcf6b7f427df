"""The views a command shows and a button redraws: the sources list and the reader's settings."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.buttons import settings_keyboard, sources_keyboard
from bot.i18n import ENGLISH, LANGUAGES, N_, Texts
from bot.render import esc, render_list
from digest.reports import source_line
from digest.schedule import user_digest_time, user_zone
from digest.settings import Settings
from digest.store import Reader, Source

SOURCES_TITLE = N_("Sources")


def sources_text(sources: list[Source], muted: set[int], _: Texts = ENGLISH) -> str:
    if not sources:
        return _("No sources yet.")
    lines = [(_("{source} (muted)", source=s["name"]) if s["id"] in muted else s["name"], s.get("site_url") or s["url"])
             for s in sources]
    return render_list(_(SOURCES_TITLE), lines)


def is_sources_view(text: str | None, _: Texts) -> bool:
    """Whether a message is the sources list (a mute press redraws it), in the reader's language."""
    return bool(text) and (text or "").startswith(_(SOURCES_TITLE))


def sources_view(sources: list[Source], muted: set[int], _: Texts = ENGLISH) -> tuple[str, InlineKeyboardMarkup | None]:
    return sources_text(sources, muted, _), sources_keyboard(sources, muted, _)


def admin_sources_text(sources: list[Source], _: Texts = ENGLISH, languages: dict[int, list[str]] | None = None) -> str:
    """Every source with its health and its articles' languages, for admins (the same words as `briefbot
    sources list`, in English)."""
    if not sources:
        return _("No sources yet. /addsource URL")
    languages = languages or {}
    return render_list(_("Sources (admin view)"), [(source_line(s, languages.get(s["id"])), None) for s in sources])


def settings_view(me: Reader, settings: Settings, sources: list[Source],
                  _: Texts = ENGLISH) -> tuple[str, InlineKeyboardMarkup]:
    zone, at = user_zone(me, settings), user_digest_time(me, settings)
    names = {s["id"]: s["name"] for s in sources}
    muted = [names[i] for i in me["muted_sources"] if i in names]
    when = {"at": f"{at:%H:%M}", "zone": esc(zone.key)}
    lines = [
        "<b>" + _("Your settings") + "</b>",
        _("Daily briefing: on, at {at} ({zone})", **when) if me["subscribed"]
        else _("Daily briefing: paused, at {at} ({zone})", **when),
        _("Topics: {topics}", topics=esc(", ".join(me["topics"]))) if me["topics"] else _("Topics: all stories"),
        _("Muted sources: {sources}", sources=esc(", ".join(muted))) if muted else _("Muted sources: none"),
        _("Language: {language}", language=LANGUAGES[_.language]),
    ]
    return "\n".join(lines), settings_keyboard(bool(me["subscribed"]), _)
