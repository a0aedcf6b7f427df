"""One Settings object, read from the environment and an optional `.env` file.

Every field is documented in `.env.example`; the env names are the field names
upper-cased with the `BRIEFBOT_` prefix, except the token, which keeps the name
every Telegram tutorial uses.
"""

from __future__ import annotations

import re
from datetime import time
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_hhmm(value: str) -> time:
    """'7:30' / '07:30' -> time(7, 30); anything else raises ValueError with a plain message."""
    match = _HHMM.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a time of day in HH:MM form (e.g. 08:00)")
    return time(int(match.group(1)), int(match.group(2)))


# IANA names: "UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"
_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]{0,30}(?:/[A-Za-z0-9][A-Za-z0-9_+\-]{0,30}){0,2}$")


def check_timezone(name: str) -> str:
    """Return the IANA zone name if zoneinfo knows it; raise ValueError otherwise.

    The name is checked for the shape of a zone name first: zoneinfo opens it as a file,
    and user input can otherwise be too long for a path or reach outside the zone database."""
    name = name.strip()
    if not _ZONE_NAME.match(name):
        raise ValueError(f"{name[:60]!r} is not a known IANA time zone (e.g. Europe/Berlin)")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"{name!r} is not a known IANA time zone (e.g. Europe/Berlin)") from exc
    return name


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BRIEFBOT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    db: Path = Path("./briefbot.db")
    telegram_bot_token: str = Field(
        default="", validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "BRIEFBOT_TELEGRAM_BOT_TOKEN")
    )
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    telegram_api_url: str = "https://api.telegram.org/bot"
    digest_time: str = "08:00"
    timezone: str = "UTC"
    allow_private_hosts: bool = False

    # Fetching etiquette (miniflux/FreshRSS defaults).
    fetch_timeout: float = 20.0
    max_body_bytes: int = 15 * 1024 * 1024
    fetch_concurrency: int = 8
    max_sources: int = 500  # active sources at most: each one costs fetches, analysis and storage
    poll_interval_minutes: int = 30
    max_errors_before_disable: int = 5
    user_agent: str = "Briefbot/0.1 (news briefing bot; feed reader)"

    # Running the bot.
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for log collectors
    analysis_workers: int = 1  # processes that summarise during ingest (0: a thread in the bot process)
    push_check_seconds: int = 30  # how often the push asks the store who is due
    ingest_check_seconds: int = 60  # how often the scheduler looks for sources due a poll
    send_workers: int = 8  # concurrent sends during the push (bounded: see bot/push.py)
    nothing_new_note: bool = True  # a short note on days with nothing new (false: send nothing)
    command_burst: int = 5  # per user: commands answered in a burst...
    commands_per_second: float = 1.0  # ...and how fast the allowance comes back

    # Briefings.
    summary_sentences: int = 3
    digest_items: int = 8
    digest_max_age_hours: int = 48
    keep_days: int = 30  # articles, deliveries and message records older than this are pruned daily

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError as exc:
                raise ValueError("BRIEFBOT_ADMIN_IDS must be comma-separated numeric Telegram user ids") from exc
        return value

    @field_validator("digest_time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        return parse_hhmm(value).strftime("%H:%M")

    @field_validator("timezone")
    @classmethod
    def _check_zone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("telegram_api_url")
    @classmethod
    def _check_api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("BRIEFBOT_TELEGRAM_API_URL must be an http(s) URL like https://api.telegram.org/bot")
        return value


    @property
    def telegram_file_url(self) -> str:
        """Where files sent to the bot are downloaded: beside the API ("…/bot" -> "…/file/bot"), as on
        api.telegram.org and on a self-hosted Bot API server."""
        base = self.telegram_api_url.rstrip("/")
        return (base[:-len("bot")] if base.endswith("/bot") else base + "/") + "file/bot"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
