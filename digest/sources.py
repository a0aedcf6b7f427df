"""Adding a source: fetch the URL once and decide what it is.

A feed URL is a feed; a site's home page resolves to the feed it advertises
(`<link rel="alternate">`); a page with no feed but with article text is a page
source (one article). Anything else is refused with a reason a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.extract import extract_article
from digest.feeds import NotAFeed, discover_feeds, looks_like_html, parse_feed
from digest.fetch import Fetcher, FetchError, FetchResult
from digest.languages import count_words
from digest.store import Source, SourceExists, SourceKind, Store

MIN_PAGE_WORDS = 40


class SourceError(Exception):
    """The URL cannot be a source; the message says why, in plain words."""


class SourceAlreadyThere(SourceError):
    """The URL (or the feed it leads to) is a live source already."""


@dataclass(slots=True)
class Probe:
    url: str  # the URL to poll (the discovered feed, or the final URL after permanent redirects)
    kind: SourceKind
    title: str | None
    entry_count: int | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def describe(self) -> str:
        if self.kind == "feed":
            return f"feed \u201c{self.title or self.url}\u201d with {self.entry_count} entries"
        return f"article page \u201c{self.title or self.url}\u201d"


async def probe(url: str, fetcher: Fetcher) -> Probe:
    result = await _get(fetcher, url)
    poll_url = result.moved_to or url
    content = result.content
    if not content.strip():
        raise SourceError("the server answered with an empty body")
    try:
        feed = parse_feed(content, url=result.url, headers=result.headers)
        return Probe(poll_url, "feed", feed.title, len(feed.entries), feed.site_url, result.etag, result.last_modified)
    except NotAFeed as not_feed:
        if not looks_like_html(content) and "html" not in result.content_type:
            raise SourceError(f"not a feed or a web page: {not_feed}") from not_feed
    for feed_url in discover_feeds(content, result.url)[:3]:
        try:
            found = await _get(fetcher, feed_url)
            feed = parse_feed(found.content, url=found.url, headers=found.headers)
        except (SourceError, NotAFeed):
            continue
        return Probe(found.moved_to or feed_url, "feed", feed.title, len(feed.entries), feed.site_url or url,
                     found.etag, found.last_modified)
    article = extract_article(content, result.url)
    if count_words(article.text) < MIN_PAGE_WORDS:
        raise SourceError("the page advertises no feed and has no article text")
    return Probe(poll_url, "page", article.title, None, None, result.etag, result.last_modified)


async def _get(fetcher: Fetcher, url: str) -> FetchResult:
    try:
        return await fetcher.get(url)
    except FetchError as exc:
        raise SourceError(str(exc)) from exc


async def add_source(store: Store, fetcher: Fetcher, url: str, name: str | None = None,
                     added_by: int | None = None, max_sources: int | None = None) -> tuple[Source, Probe, bool]:
    """Probe `url` and store it: (source, what was found, whether a disabled source was re-enabled).
    Raises SourceError (bad URL, fetch failure, duplicate).

    `max_sources` bounds how many sources are polled (each costs fetches and storage).
    Adding a source that was disabled (410, repeated failures) probes it again and, if it now answers,
    enables it: that is how an admin brings a source back.
    """
    url = url.strip()
    existing = store.source_by_url(url)
    if existing and not existing["disabled_reason"]:
        raise SourceAlreadyThere(f"{url} is already source #{existing['id']}")
    if max_sources is not None and store.count_active_sources() >= max_sources:
        raise SourceError(f"there are already {max_sources} active sources, the most this bot polls "
                          "(BRIEFBOT_MAX_SOURCES); remove one first")
    found = await probe(url, fetcher)
    if existing:
        store.enable_source(existing["id"])
        return store.existing_source(existing["id"]), found, True
    try:
        source = store.add_source(found.url, found.kind, name=name, title=found.title, site_url=found.site_url,
                                  added_by=added_by, entry_count=found.entry_count)
    except SourceExists as exc:  # the probe followed a redirect to a source we have
        raise SourceAlreadyThere(f"{found.url} is already source #{exc.source_id}") from exc
    return source, found, False
