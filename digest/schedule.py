"""When a subscriber's day starts and their digest is due, from their IANA zone and digest time.

A stored zone or time that no longer parses (tzdata dropped a zone, a hand-edited
row) falls back to the configured default rather than stopping their digests.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.settings import Settings, parse_hhmm
from digest.store import Reader


def user_zone(user: Reader, settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(user.get("timezone") or settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.timezone)


def user_digest_time(user: Reader, settings: Settings) -> time:
    try:
        return parse_hhmm(user.get("digest_time") or settings.digest_time)
    except ValueError:
        return parse_hhmm(settings.digest_time)


def shifted_digest_time(user: Reader, settings: Settings, hours: int) -> str:
    """The chat's digest time moved by whole hours, round the clock ("23:30" + 1 -> "00:30")."""
    moved = datetime.combine(datetime(2000, 1, 1), user_digest_time(user, settings)) + timedelta(hours=hours)
    return moved.strftime("%H:%M")


def local_date(user: Reader, settings: Settings, now: datetime) -> str:
    return now.astimezone(user_zone(user, settings)).date().isoformat()


def is_due_today(user: Reader, settings: Settings, now: datetime) -> bool:
    local = now.astimezone(user_zone(user, settings))
    return local.time() >= user_digest_time(user, settings)
