"""A chat's briefing: which stories, in what order, how long. THE one way to build one.

Candidates are recent articles the reader has not received, from sources they have
not muted, matching their topics if they follow any. Articles about the same story
are grouped by text similarity; a story covered by more sources ranks higher, a
newer one ranks higher, and each story appears once, naming the other sources. A
story the reader has received from any source is not brought back by another
source's later report of it, and no source fills more than half of a digest while
other sources have stories to give.

The push, `/digest`, `/latest` and the CLI preview all call `Composer.briefing`.
Its one cache lives as long as the store's content version (bumped by triggers on
every change to articles or sources, whichever connection makes it): the recent
articles are read and decoded once per version, and readers with the same
candidates share one ranking.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from digest.clock import utcnow
from digest.dedupe import group_stories
from digest.store import Article, Reader, Store, StoredQuote

COVERAGE_WEIGHT = 1.0  # per extra source reporting the story
RECENCY_HALF_LIFE_HOURS = 12.0
MAX_CANDIDATES = 200  # newest articles considered for one digest: plenty for 8 stories, bounded cost
RANKINGS_KEPT = 256  # distinct candidate lists ranked per content version

Order = Literal["importance", "time"]


@dataclass(slots=True)
class BriefingItem:
    article_id: int  # the lead article: the one shown, and the one its "more" button expands
    title: str
    source: str
    url: str
    sentences: list[str]
    key_quote: StoredQuote | None
    published_at: str | None
    also: list[tuple[str, str]] = field(default_factory=list)  # (source name, url) of other reports
    article_ids: list[int] = field(default_factory=list)  # every article of the story: all delivered when shown
    quotes: list[StoredQuote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Briefing:
    """The stories of one briefing. `key` is equal for equal briefings (same candidates, same request,
    same content version), so a caller may render each distinct briefing once."""
    items: list[BriefingItem]
    key: tuple[Any, ...]


def matches_topics(article: Mapping[str, Any], topics: list[str] | None) -> bool:
    """Plain-word topic filter: any topic word appears as a whole word in headline or summary."""
    if not topics:
        return True
    haystack = " ".join([article.get("title") or ""] + list(article.get("summary") or [])).lower()
    return any(re.search(rf"(?<!\w){re.escape(t.lower())}(?!\w)", haystack) for t in topics)


class Composer:
    """Builds briefings from one store; keep one per store (the bot keeps it in its application data)."""

    def __init__(self, store: Store, max_candidates: int = MAX_CANDIDATES):
        self.store = store
        self.max_candidates = max_candidates
        self._version: int | None = None
        self._windows: dict[tuple[str, int], list[Article]] = {}
        self._rankings: OrderedDict[tuple[Any, ...], list[BriefingItem]] = OrderedDict()

    def briefing(self, reader: Reader | None, limit: int, max_age_hours: int | None,
                 now: datetime | None = None, *, unseen_only: bool = True, by: Order = "importance") -> Briefing:
        """The reader's briefing: `by="importance"` (coverage, then recency) or `by="time"` (newest first);
        `unseen_only=False` includes stories the reader already received (/latest); `max_age_hours` None:
        whatever their age. `reader` None: a new subscriber's view (the preview)."""
        now = now or utcnow()
        articles, received = self._pool(reader, max_age_hours, now, unseen_only=unseen_only)  # (checks the version)
        minute = now.replace(second=0, microsecond=0)
        key = (self._version, tuple(a["id"] for a in articles), tuple(a["id"] for a in received), limit, by, minute)
        items = self._rankings.get(key)
        if items is None:
            items = self._rankings[key] = rank_stories(articles, limit, minute, by, received)
            while len(self._rankings) > RANKINGS_KEPT:
                self._rankings.popitem(last=False)
        else:
            self._rankings.move_to_end(key)
        return Briefing(items, key)

    def candidates(self, reader: Reader | None, max_age_hours: int | None, now: datetime, *,
                   unseen_only: bool = True) -> list[Article]:
        """Recent articles this reader may get: unseen (optionally), from unmuted sources, on their topics."""
        return self._pool(reader, max_age_hours, now, unseen_only=unseen_only)[0]

    def _pool(self, reader: Reader | None, max_age_hours: int | None, now: datetime, *,
              unseen_only: bool = True) -> tuple[list[Article], list[Article]]:
        """The reader's candidates, and the articles of the same window they have received (whose stories
        must not come back through another source).

        Taken from the shared window (twice the candidates, read once per content
        version), filtered by the ids the reader received; a reader who received
        most of the window, so that it cannot fill their candidates, gets a query
        of their own. Both give the same list."""
        self._check_version()
        exclude = reader["id"] if reader and unseen_only else None
        minute = now.replace(second=0, microsecond=0)
        since = minute - timedelta(hours=max_age_hours) if max_age_hours is not None else datetime.min.replace(
            tzinfo=now.tzinfo)
        window = self._window(since)
        seen = self.store.delivered_article_ids(exclude) if exclude is not None else set()
        unseen = [a for a in window if a["id"] not in seen]
        received = [a for a in window if a["id"] in seen]
        if len(window) < 2 * self.max_candidates or len(unseen) >= self.max_candidates:
            articles = unseen[:self.max_candidates]
        else:
            articles = self.store.recent_articles(since, exclude_for_chat=exclude, limit=self.max_candidates)
        if reader:
            muted = set(reader.get("muted_sources") or [])
            articles = [a for a in articles
                        if a["source_id"] not in muted and matches_topics(a, reader.get("topics"))]
        return [a for a in articles if a.get("summary") or a.get("title")], received

    def _window(self, since: datetime) -> list[Article]:
        """The newest articles since `since`, decoded once per content version and shared by every
        reader: callers must not change them."""
        key = (since.isoformat(), 2 * self.max_candidates)
        articles = self._windows.get(key)
        if articles is None:
            if len(self._windows) >= 8:  # a few windows (digest, /latest) at the current version
                self._windows.clear()
            articles = self._windows[key] = self.store.recent_articles(since, limit=key[1])
        return articles

    def _check_version(self) -> None:
        version = self.store.content_version()
        if version != self._version:
            self._version = version
            self._windows.clear()
            self._rankings.clear()


def rank_stories(articles: list[Article], limit: int, now: datetime, by: Order = "importance",
                 received: list[Article] | None = None) -> list[BriefingItem]:
    """Group articles into stories and pick the best `limit`; a story with an article of `received` (the
    reader has it already, from any source) is left out. Depends only on its arguments, so readers with
    the same candidates share one result."""
    if not articles:
        return []
    pool = articles + (received or [])
    groups = group_stories([f"{a['title']}. {' '.join(a['summary'])}" for a in pool])
    scored = []
    for group in groups:
        if group[-1] >= len(articles):  # (groups keep input order: a received member comes last)
            continue
        members = [articles[i] for i in group]
        sources = {m["source_id"] for m in members}
        newest = max(_when(m) for m in members)
        age_hours = max(0.0, (now - newest).total_seconds() / 3600)
        score = COVERAGE_WEIGHT * (len(sources) - 1) + math.exp(-age_hours * math.log(2) / RECENCY_HALF_LIFE_HOURS)
        scored.append((score, newest, members))
    if by == "time":
        scored.sort(key=lambda s: s[1], reverse=True)
        return [_item(members) for _, _, members in scored[:limit]]
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return _fair_share([_item(members) for _, _, members in scored], limit)


def _fair_share(ranked: list[BriefingItem], limit: int) -> list[BriefingItem]:
    """The best `limit` stories with at most half of them from any one source while other sources have
    stories left; when they run out, the digest is filled in rank order rather than cut short."""
    cap = max(1, limit // 2)
    chosen: list[BriefingItem] = []
    held_back: list[BriefingItem] = []
    per_source: dict[str, int] = {}
    for item in ranked:
        if len(chosen) == limit:
            break
        if per_source.get(item.source, 0) >= cap:
            held_back.append(item)
            continue
        per_source[item.source] = per_source.get(item.source, 0) + 1
        chosen.append(item)
    if len(chosen) < limit and held_back:
        order = {id(item): rank for rank, item in enumerate(ranked)}
        chosen = sorted(chosen + held_back[:limit - len(chosen)], key=lambda item: order[id(item)])
    return chosen


def item_from_article(article: Article) -> BriefingItem:
    """A story of one article (to expand it, or to list a search hit)."""
    return _item([article])


def _when(article: Article) -> datetime:
    for value in (article.get("published_at"), article.get("fetched_at")):
        if value:
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                continue
    return utcnow()


def _item(members: list[Article]) -> BriefingItem:
    # the fullest report leads: a key quote, then the longest summary
    lead = max(members, key=lambda a: (a["key_quote"] is not None, len(" ".join(a["summary"])), -a["id"]))
    also, seen = [], {lead["source_name"]}
    for other in members:
        if other["source_name"] not in seen:
            seen.add(other["source_name"])
            also.append((other["source_name"], other["url"]))
    return BriefingItem(
        article_id=lead["id"], title=lead["title"], source=lead["source_name"], url=lead["url"],
        sentences=lead["summary"], key_quote=lead["key_quote"], published_at=lead["published_at"],
        also=also, article_ids=[m["id"] for m in members], quotes=lead.get("quotes") or [],
    )


def render_plain(items: list[BriefingItem]) -> str:
    """The briefing as plain text (terminal preview)."""
    if not items:
        return "Nothing new right now."
    blocks = []
    for number, item in enumerate(items, 1):
        lines = [f"{number}. {item.title}", f"   {item.source}"]
        lines += [f"   {s}" for s in item.sentences]
        if item.key_quote:
            speaker = f" \u2014 {item.key_quote['speaker']}" if item.key_quote.get("speaker") else ""
            lines.append(f"   \u201c{item.key_quote['quote']}\u201d{speaker}")
        lines.append(f"   {item.url}")
        if item.also:
            lines.append("   also: " + ", ".join(name for name, _ in item.also))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
