"""Feed bytes -> entries (feedparser, plus JSON Feed), and feed discovery on HTML pages.

feedparser copes with nearly anything that calls itself RSS or Atom (about 10% of
real feeds are ill-formed and still yield entries), so we treat "bozo" as a warning
and only report an error when there is nothing usable. It does not read JSON Feed,
which is small enough to read here.
"""

from __future__ import annotations

import calendar
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import mktime_tz, parsedate_tz
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.html

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
               "application/rdf+xml", "application/xml", "text/xml")


def _rfc822_missing_space(date_string: str) -> time.struct_time | None:
    """'Fri,24 Nov 2023 18:28:36 -0000' (no space after the comma) is common and feedparser gives None."""
    fixed = re.sub(r"^([A-Za-z]{3}),(?=\d)", r"\1, ", date_string.strip())
    if fixed == date_string.strip():
        return None
    parsed = parsedate_tz(fixed)
    return time.gmtime(mktime_tz(parsed)) if parsed else None


feedparser.registerDateHandler(_rfc822_missing_space)


class NotAFeed(ValueError):
    """The bytes are not a feed we can read; the message says what they look like instead."""


@dataclass(slots=True)
class Entry:
    url: str | None
    guid: str | None
    title: str
    author: str | None
    published_at: str | None  # UTC ISO
    html: str  # the richest body the feed carries (content, else summary); may be a teaser
    language: str | None = None  # as the feed declares it (the entry's xml:lang, else the feed's): a hint


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    entries: list[Entry] = field(default_factory=list)
    warning: str | None = None
    language: str | None = None  # the feed's declared language ("en-us"), a hint: templates leave it wrong  # feedparser's bozo reason when entries were recovered anyway


def _iso_from_struct(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC).isoformat(timespec="seconds")
    except (OverflowError, ValueError, TypeError):
        return None


def looks_like_json_feed(content: bytes) -> bool:
    head = content[:2048].lstrip()
    return head.startswith(b"{") and re.search(rb"jsonfeed\.org\\?/version", head) is not None


def parse_json_feed(content: bytes, base_url: str | None = None) -> ParsedFeed:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotAFeed(f"broken JSON Feed: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items", []), list):
        raise NotAFeed("JSON without a JSON Feed 'items' list")
    entries = []
    for item in data.get("items", []):
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url")
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        published = item.get("date_published") or item.get("date_modified")
        try:
            published_iso = datetime.fromisoformat(str(published).replace("Z", "+00:00")).astimezone(
                UTC).isoformat(timespec="seconds") if published else None
        except ValueError:
            published_iso = None
        entries.append(Entry(
            url=urljoin(base_url or "", str(url)) if url else None, guid=str(item.get("id")) if item.get("id") else None,
            title=str(item.get("title") or "").strip(),
            author=(authors[0].get("name") if authors and isinstance(authors[0], dict) else None),
            published_at=published_iso,
            html=str(item.get("content_html") or item.get("content_text") or item.get("summary") or ""),
            language=_text_or_none(data.get("language")),
        ))
    return ParsedFeed(title=data.get("title"), site_url=data.get("home_page_url"), entries=entries,
                      language=_text_or_none(data.get("language")))


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_feed(content: bytes, *, url: str | None = None, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Entries of an RSS/Atom/JSON feed; raises NotAFeed with a plain reason when there are none."""
    if looks_like_json_feed(content):
        return parse_json_feed(content, url)
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    if url:
        response_headers.setdefault("content-location", url)
    parsed = feedparser.parse(content.lstrip(), response_headers=response_headers, sanitize_html=True,
                              resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        if looks_like_html(content):
            raise NotAFeed("this is an HTML page, not a feed")
        media_type = response_headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type and not any(word in media_type for word in ("xml", "rss", "atom", "text", "json")) \
                or media_type.endswith("json"):
            raise NotAFeed(f"the server sent {media_type} content, not a feed")
        reason = parsed.get("bozo_exception")
        raise NotAFeed(f"not a readable RSS/Atom feed ({reason or 'no feed elements found'})")
    feed = parsed.get("feed", {})
    language = _text_or_none(feed.get("language"))
    entries = [_entry(e, url, language) for e in parsed.entries]
    warning = str(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    return ParsedFeed(title=(feed.get("title") or "").strip() or None, site_url=feed.get("link"),
                      entries=[e for e in entries if e.url or e.guid or e.title], warning=warning, language=language)


def _entry(raw: Mapping[str, Any], base_url: str | None, feed_language: str | None = None) -> Entry:
    contents = raw.get("content") or []
    bodies = [c.get("value", "") for c in contents if isinstance(c, dict)]
    summary = raw.get("summary") or raw.get("description") or ""
    html = max(bodies + [summary], key=len) if (bodies or summary) else ""
    link = raw.get("link")
    if not link:
        for candidate in raw.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    guid = raw.get("id") or raw.get("guid")
    return Entry(
        url=urljoin(base_url or "", link) if link else None,
        guid=str(guid) if guid else None,
        title=re.sub(r"\s+", " ", raw.get("title") or "").strip(),
        author=raw.get("author") or None,
        published_at=_iso_from_struct(raw.get("published_parsed") or raw.get("updated_parsed")),
        html=html,
        language=_declared_language(raw, contents) or feed_language,
    )


def _declared_language(raw: Mapping[str, Any], contents: list[Any]) -> str | None:
    """An entry's own xml:lang, as feedparser keeps it on its content, summary or title."""
    details = [c for c in contents if isinstance(c, dict)] + [raw.get("summary_detail") or {}, raw.get("title_detail") or {}]
    for detail in details:
        if language := _text_or_none(detail.get("language")):
            return language
    return None


def looks_like_html(content: bytes) -> bool:
    head = content[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def discover_feeds(html: bytes | str, base_url: str) -> list[str]:
    """Feed URLs a page advertises with <link rel="alternate" type="application/rss+xml" ...>."""
    try:
        root = lxml.html.fromstring(html if isinstance(html, bytes) else html.encode("utf-8", "replace"))
    except (lxml.etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for link in root.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        if "alternate" in rel and kind in _FEED_TYPES and "comments" not in (link.get("title") or "").lower():
            href = urljoin(base_url, link.get("href").strip())
            if href not in found:
                found.append(href)
    return found
