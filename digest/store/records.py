"""The store's records as typed dicts, and their JSON columns encoded and decoded in one place.

Rows stay dicts (what sqlite-utils gives, cheap to make for hundreds of articles a
digest); these types say which keys each has. Kinds and statuses are `Literal`s,
so a misspelt status is a type error, not a delivery that never finishes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal, NotRequired, TypedDict, cast

SourceKind = Literal["feed", "page"]
TextOrigin = Literal["feed", "page"]
DeliveryKind = Literal["daily"]
ChatType = Literal["private", "group", "supergroup", "channel"]
DeliveryStatus = Literal["pending", "sent", "empty", "blocked", "failed", "skipped"]


class StoredQuote(TypedDict):
    quote: str
    speaker: str | None
    kind: NotRequired[str]  # "full" | "partial"
    confident: NotRequired[bool]  # the speaker is named in the quote's own reporting clause (shown only then)


class StoredPart(TypedDict):
    """One rendered message of a stored digest body."""
    html: str
    article_ids: list[int]  # one per story: what its buttons expand
    delivered_ids: NotRequired[list[int]]  # every article of its stories (absent in bodies stored before it)


class Source(TypedDict):
    id: int
    url: str
    name: str
    kind: SourceKind
    title: str | None
    site_url: str | None
    etag: str | None
    last_modified: str | None
    added_at: str | None
    added_by: int | None
    last_fetch_at: str | None
    last_success_at: str | None
    next_fetch_at: str | None
    error_count: int
    last_error: str | None
    disabled_reason: str | None
    removed_at: str | None
    poll_minutes: int | None
    entry_count: int | None


class Article(TypedDict):
    """An article as compose reads it; `get_article` and search add the full text and the quotes."""
    id: int
    source_id: int
    url: str
    title: str
    published_at: str | None
    fetched_at: str | None
    summary: list[str]
    key_quote: StoredQuote | None
    source_name: str
    text: NotRequired[str]
    quotes: NotRequired[list[StoredQuote]]
    canonical_url: NotRequired[str]
    guid: NotRequired[str | None]
    author: NotRequired[str | None]
    text_origin: NotRequired[TextOrigin]
    page_pending: NotRequired[int]
    page_attempts: NotRequired[int]
    fingerprint: NotRequired[str | None]
    language: NotRequired[str | None]


class Reader(TypedDict):
    """A chat the bot serves (a private chat, a group or a channel: `type`) and its settings. `id` is the
    Telegram chat id; `language` is the one chosen with /language, `language_code` the one Telegram
    reports for a private chat's user; `managed_by` is who made the bot a channel's administrator."""
    id: int
    type: ChatType
    title: str | None
    username: str | None
    first_name: str | None
    language: str | None
    language_code: str | None
    managed_by: int | None
    active: int
    subscribed: int
    timezone: str | None
    digest_time: str | None
    muted_sources: list[int]
    topics: list[str]
    start_payload: str | None
    created_at: str | None
    updated_at: str | None
    inactive_reason: str | None


class Delivery(TypedDict):
    id: int
    chat_id: int
    local_date: str
    kind: DeliveryKind
    status: DeliveryStatus
    body_id: int | None
    messages: int
    parts: list[StoredPart]
    created_at: NotRequired[str]
    sent_at: NotRequired[str | None]
    error: NotRequired[str | None]
    article_ids: NotRequired[str | None]


class SentMessage(TypedDict):
    article_ids: list[int]
    html: str


@dataclass(frozen=True, slots=True)
class NewArticle:
    source_id: int
    url: str
    canonical_url: str
    guid: str | None
    title: str
    author: str | None
    published_at: str | None
    text: str
    text_origin: TextOrigin
    page_pending: bool
    summary: list[str]
    quotes: list[StoredQuote]
    key_quote: StoredQuote | None
    fingerprint: str | None
    language: str | None = None  # ISO 639-1, as `digest.language.identify` found it


def chat_type(value: str) -> ChatType:
    """Telegram's chat type as the store keeps it (an unknown kind is served as a group: shared)."""
    return cast(ChatType, value) if value in ("private", "group", "supergroup", "channel") else "group"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def from_json(encoded: str) -> Any:
    return json.loads(encoded)


def decode_article(row: dict[str, Any]) -> Article:
    row = dict(row)
    row["summary"] = json.loads(row.get("summary") or "[]")
    if "quotes" in row:
        row["quotes"] = json.loads(row["quotes"] or "[]")
    row["key_quote"] = json.loads(row["key_quote"]) if row.get("key_quote") else None
    return cast(Article, row)


def decode_reader(row: dict[str, Any]) -> Reader:
    row = dict(row)
    row["muted_sources"] = json.loads(row.get("muted_sources") or "[]")
    row["topics"] = json.loads(row.get("topics") or "[]")
    return cast(Reader, row)


def decode_parts(encoded: str | None) -> list[StoredPart]:
    return cast(list[StoredPart], json.loads(encoded)) if encoded else []
