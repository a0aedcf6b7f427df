"""A user's briefing: which stories, in what order, how long.

Candidates are recent articles the user has not received, from sources they have
not muted, matching their topics if they follow any. Articles about the same story
are grouped by text similarity; a story covered by more sources ranks higher, a
newer one ranks higher, and each story appears once, naming the other sources.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from digest.dedupe import group_stories
from digest.store import Store, utcnow

COVERAGE_WEIGHT = 1.0  # per extra source reporting the story
RECENCY_HALF_LIFE_HOURS = 12.0
MAX_CANDIDATES = 200  # newest articles considered for one digest: plenty for 8 stories, bounded cost


@dataclass(slots=True)
class BriefingItem:
    article_id: int
    title: str
    source: str
    url: str
    sentences: list[str]
    key_quote: dict | None
    published_at: str | None
    also: list[tuple[str, str]] = field(default_factory=list)  # (source name, url) of other reports
    article_ids: list[int] = field(default_factory=list)  # every article in the story, to mark delivered
    quotes: list[dict] = field(default_factory=list)


def _when(article: dict) -> datetime:
    for key in ("published_at", "fetched_at"):
        value = article.get(key)
        if value:
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                continue
    return utcnow()


def matches_topics(article: dict, topics: list[str]) -> bool:
    """Plain-word topic filter: any topic word appears as a whole word in headline or summary."""
    if not topics:
        return True
    haystack = " ".join([article.get("title") or ""] + list(article.get("summary") or [])).lower()
    return any(re.search(rf"(?<!\w){re.escape(t.lower())}(?!\w)", haystack) for t in topics)


def build_digest(store: Store, user: dict | None = None, limit: int = 8, max_age_hours: int = 48,
                 now: datetime | None = None, *, unseen_only: bool = True, by: str = "importance"
                 ) -> list[BriefingItem]:
    """The user's briefing: `by="importance"` (coverage, then recency) or `by="time"` (newest first);
    `unseen_only=False` includes stories the user already received (/latest)."""
    now = now or utcnow()
    window = recent_window(store, max_age_hours, now)
    return _ranked(candidates(store, user, max_age_hours, now, unseen_only=unseen_only, window=window), limit, now, by)


_RANKED: OrderedDict[tuple, list[BriefingItem]] = OrderedDict()
_RANKED_MAX = 256


_IDENTITIES: dict[int, tuple[dict, tuple]] = {}  # id(article) -> (the article, its identity)
_IDENTITIES_MAX = 4096


def _identity(article: dict) -> tuple:
    """Everything of an article that a ranked story shows. Ids alone are not enough: a page fetched
    later rewrites an article's text and summary, and another database (a test, a restore) reuses ids.
    The store shares one decoded copy of the recent articles between users, so the identity of each
    is kept with it (holding the article, so its id() cannot be reused meanwhile)."""
    known = _IDENTITIES.get(id(article))
    if known is not None and known[0] is article:
        return known[1]
    if len(_IDENTITIES) >= _IDENTITIES_MAX:
        _IDENTITIES.clear()
    identity = _identity_of(article)
    _IDENTITIES[id(article)] = (article, identity)
    return identity


def _identity_of(article: dict) -> tuple:
    quote = article.get("key_quote") or {}
    return (article["id"], article.get("fingerprint"), article["title"], article["url"], article["source_id"],
            article.get("source_name"), article.get("published_at"), tuple(article["summary"]),
            quote.get("quote"), quote.get("speaker"), len(article.get("quotes") or ()))


def _ranked(articles: list[dict], limit: int, now: datetime, by: str) -> list[BriefingItem]:
    """rank_stories, shared by everyone with the same candidates within the same minute: 200 users asking
    for /digest at once cost one ranking, not 200."""
    minute = now.replace(second=0, microsecond=0)
    key = (tuple(_identity(a) for a in articles), limit, by, minute)
    if key in _RANKED:
        _RANKED.move_to_end(key)
        return _RANKED[key]
    result = rank_stories(articles, limit, minute, by)
    _RANKED[key] = result
    while len(_RANKED) > _RANKED_MAX:
        _RANKED.popitem(last=False)
    return result


@dataclass(slots=True)
class RecentWindow:
    """The newest articles of the digest window, read once and shared by every user of a push tick:
    per user, only the ids they already received are read (the articles are decoded once, not once
    per user). `complete` when the window holds every article of the period."""
    articles: list[dict]
    complete: bool


def recent_window(store: Store, max_age_hours: int, now: datetime) -> RecentWindow:
    """Twice the candidates one digest considers: room for what a user has already received. The
    period starts on a whole minute, so that the store's shared copy serves every call in it."""
    size = 2 * MAX_CANDIDATES
    since = now.replace(second=0, microsecond=0) - timedelta(hours=max_age_hours)
    articles = store.shared_recent_articles(since, limit=size)
    return RecentWindow(articles, complete=len(articles) < size)


def candidates(store: Store, user: dict | None, max_age_hours: int, now: datetime, *,
               unseen_only: bool = True, window: RecentWindow | None = None) -> list[dict]:
    """Recent articles this user may get: unseen (optionally), from unmuted sources, on their topics.
    With a shared `window`, the same list as the user's own query; a user who received most of the
    window (so that it cannot fill their candidates) gets their own query."""
    exclude = user["id"] if user and unseen_only else None
    articles = None
    if window is not None:
        seen = store.delivered_article_ids(exclude) if exclude is not None else set()
        unseen = [a for a in window.articles if a["id"] not in seen]
        if window.complete or len(unseen) >= MAX_CANDIDATES:
            articles = unseen[:MAX_CANDIDATES]
    if articles is None:
        articles = store.recent_articles(now - timedelta(hours=max_age_hours), exclude_for_user=exclude,
                                         limit=MAX_CANDIDATES)
    if user:
        muted = set(user.get("muted_sources") or [])
        articles = [a for a in articles if a["source_id"] not in muted and matches_topics(a, user.get("topics"))]
    return [a for a in articles if a.get("summary") or a.get("title")]


def rank_stories(articles: list[dict], limit: int, now: datetime, by: str = "importance") -> list[BriefingItem]:
    """Group articles into stories and pick the best `limit`. Depends only on the articles (and `now`),
    so users with the same candidates share one result (the push memoises it)."""
    if not articles:
        return []
    groups = group_stories([f"{a['title']}. {' '.join(a['summary'])}" for a in articles])
    scored = []
    for group in groups:
        members = [articles[i] for i in group]
        sources = {m["source_id"] for m in members}
        newest = max(_when(m) for m in members)
        age_hours = max(0.0, (now - newest).total_seconds() / 3600)
        score = COVERAGE_WEIGHT * (len(sources) - 1) + math.exp(-age_hours * math.log(2) / RECENCY_HALF_LIFE_HOURS)
        scored.append((score, newest, members))
    scored.sort(key=(lambda s: (s[0], s[1])) if by == "importance" else (lambda s: s[1]), reverse=True)
    return [_item(members) for _, _, members in scored[:limit]]


def item_from_article(article: dict) -> BriefingItem:
    """A story of one article (to expand it, or to list a search hit)."""
    return _item([article])


def _item(members: list[dict]) -> BriefingItem:
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
