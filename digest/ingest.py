"""One ingest pass: due sources -> new articles -> summaries and quotes -> store.

Each source is handled on its own: any failure, expected (`FetchError`,
`NotAFeed`) or not, ends as that source's error count and reason, and the pass
goes on. Backoff doubles the poll interval per consecutive error (honouring a
server's Retry-After); 410, refused hosts and too many errors in a row disable
the source with the reason kept. A teaser entry gets its page fetched; when the
page cannot be had, the feed's text is stored and the page is retried on later
passes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import ParamSpec, TypeVar

from digest.analyse import Analyser, Analysis, analyse_html_fragment, analyse_page
from digest.dedupe import canonical_url
from digest.feeds import Entry, NotAFeed, parse_feed
from digest.fetch import Fetcher, FetchError
from digest.languages import count_words
from digest.settings import Settings
from digest.store import NewArticle, Source, Store
from digest.store.records import TextOrigin

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger(__name__)

TEASER_WORDS = 150  # a feed body shorter than this is a teaser: fetch the article page
MAX_NEW_PER_SOURCE = 30  # per pass; a feed with hundreds of old entries is taken in over several passes
MAX_BACKOFF = timedelta(hours=24)


@dataclass
class SourceOutcome:
    source_id: int
    name: str
    ok: bool
    new: int = 0
    duplicates: int = 0
    not_modified: bool = False
    error: str | None = None
    disabled: str | None = None


@dataclass
class IngestReport:
    outcomes: list[SourceOutcome] = field(default_factory=list)
    pages_failed: int = 0

    @property
    def sources_ok(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def sources_failed(self) -> int:
        return sum(not o.ok for o in self.outcomes)

    @property
    def new_articles(self) -> int:
        return sum(o.new for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(o.duplicates for o in self.outcomes)

    def summary_line(self) -> str:
        return (f"sources ok: {self.sources_ok}, failed: {self.sources_failed}; "
                f"new articles: {self.new_articles}; duplicates skipped: {self.duplicates}")


ProgressFn = Callable[[int, int, SourceOutcome], None]


MakeWay = Callable[[], Awaitable[None]]


class Ingestor:
    """One pass. Every store call runs on `db_thread` (one thread, so the store is never used
    concurrently): the event loop that also serves users never waits on SQLite or full-text indexing.
    `make_way`, awaited before each article is analysed and again before it is stored, lets the
    caller hold the pass back while it has more urgent work (the bot: users waiting for an answer,
    whose digests would be ranked again for every article stored meanwhile)."""

    def __init__(self, store: Store, settings: Settings, fetcher: Fetcher, analyser: Analyser,
                 db_thread: ThreadPoolExecutor | None = None, make_way: MakeWay | None = None):
        self.store = store
        self.settings = settings
        self.fetcher = fetcher
        self.analyser = analyser
        self._db_thread = db_thread
        self._make_way = make_way

    async def make_way(self) -> None:
        if self._make_way is not None:
            await self._make_way()

    async def call_store(self, method: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        if self._db_thread is None:
            return method(*args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._db_thread,
                                                                functools.partial(method, *args, **kwargs))

    async def run(self, sources: list[Source] | None = None, progress: ProgressFn | None = None) -> IngestReport:
        """One pass over `sources` (default: those due now)."""
        todo = await self.call_store(self.store.due_sources) if sources is None else sources
        report = IngestReport()
        slots = asyncio.Semaphore(max(1, self.settings.fetch_concurrency))

        async def one(source: Source) -> None:
            async with slots:
                outcome = await self._source(source, report)
            report.outcomes.append(outcome)
            if progress:
                progress(len(report.outcomes), len(todo), outcome)

        await asyncio.gather(*(one(s) for s in todo))
        return report

    async def _source(self, source: Source, report: IngestReport) -> SourceOutcome:
        outcome = SourceOutcome(source["id"], source["name"] or source["url"], ok=False)
        try:
            result = await self.fetcher.get(source["url"], etag=source["etag"], last_modified=source["last_modified"])
            title = entry_count = None
            if result.not_modified:
                outcome.not_modified = True
            elif source["kind"] == "page":
                await self._page_source(source, result.url, result.content, outcome)
            else:
                feed = await self.analyser.run(parse_feed, result.content, url=result.url, headers=result.headers)
                title, entry_count = feed.title, len(feed.entries)
                for entry in feed.entries[:MAX_NEW_PER_SOURCE]:
                    await self._entry(source, entry, outcome, report)
            await self._retry_pages(source, report)
            await self.call_store(self.store.record_fetch_ok, source["id"], etag=result.etag or source["etag"],
                                  last_modified=result.last_modified or source["last_modified"],
                                  interval=self._interval(source), title=title, entry_count=entry_count,
                                  new_url=result.moved_to)
            outcome.ok = True
        except (FetchError, NotAFeed) as exc:
            await self._failed(source, outcome, exc)
        except Exception as exc:  # noqa: BLE001 - one broken source must never stop the pass
            log.exception("unexpected error ingesting source %s (%s)", source["id"], source["url"])
            await self._failed(source, outcome, exc)
        return outcome

    def _interval(self, source: Source) -> timedelta:
        return timedelta(minutes=source.get("poll_minutes") or self.settings.poll_interval_minutes)

    async def _failed(self, source: Source, outcome: SourceOutcome, exc: Exception) -> None:
        if isinstance(exc, FetchError):
            message, permanent, retry_after = str(exc), exc.permanent, exc.retry_after
        elif isinstance(exc, NotAFeed):
            message, permanent, retry_after = str(exc), False, None
        else:
            message, permanent, retry_after = f"internal error: {type(exc).__name__}: {exc}", False, None
        errors = (source["error_count"] or 0) + 1
        backoff = min(self._interval(source) * (2 ** min(errors - 1, 8)), MAX_BACKOFF)
        if retry_after:
            backoff = max(backoff, timedelta(seconds=retry_after))
        disable = None
        if permanent:
            disable = message
        elif errors >= self.settings.max_errors_before_disable:
            disable = f"{errors} failures in a row; last: {message}"
        await self.call_store(self.store.record_fetch_error, source["id"], message, retry_in=backoff, disable=disable)
        outcome.error, outcome.disabled = message, disable
        log.warning("source %s (%s) failed: %s%s", source["id"], source["url"], message,
                    " - disabled" if disable else "")

    async def _entry(self, source: Source, entry: Entry, outcome: SourceOutcome, report: IngestReport) -> None:
        await self.make_way()
        url = entry.url or entry.guid
        if not url or not url.startswith(("http://", "https://")):
            url = source["url"] + "#" + (entry.guid or entry.title)
        key = canonical_url(url)
        if await self.call_store(self.store.known_article, key, entry.guid, source["id"]):
            outcome.duplicates += 1
            return
        n = self.settings.summary_sentences
        analysis = await self.analyser.run(analyse_html_fragment, entry.html, entry.title or None, n, entry.language)
        origin: TextOrigin = "feed"
        pending = False
        if count_words(analysis.text) < TEASER_WORDS and entry.url:
            page = await self._fetch_page(entry.url, entry.title or None, report, entry.language)
            if page is not None and len(page.text) > len(analysis.text):
                analysis, origin = page, "page"
            elif page is None:
                pending = True
        if not analysis.text.strip() and not entry.title:
            return
        await self.make_way()  # again: a new article changes every digest being composed
        stored = await self.call_store(self.store.insert_article, NewArticle(
            source_id=source["id"], url=entry.url or url, canonical_url=key, guid=entry.guid,
            title=entry.title or analysis.title or "(untitled)", author=entry.author or analysis.author,
            published_at=entry.published_at, text=analysis.text, text_origin=origin, page_pending=pending,
            summary=analysis.sentences, quotes=analysis.quotes, key_quote=analysis.key_quote,
            fingerprint=analysis.fingerprint, language=analysis.language,
        ))
        if stored is None:
            outcome.duplicates += 1
        else:
            outcome.new += 1

    async def _fetch_page(self, url: str, title: str | None, report: IngestReport,
                          language: str | None = None) -> Analysis | None:
        try:
            result = await self.fetcher.get(url)
        except FetchError as exc:
            log.info("article page %s not fetched: %s", url, exc)
            report.pages_failed += 1
            return None
        if not result.content:
            return None
        return await self.analyser.run(analyse_page, result.content, result.url, title,
                                       self.settings.summary_sentences, language)

    async def _page_source(self, source: Source, final_url: str, content: bytes, outcome: SourceOutcome) -> None:
        await self.make_way()
        analysis = await self.analyser.run(analyse_page, content, final_url, None, self.settings.summary_sentences)
        key = canonical_url(final_url)
        if await self.call_store(self.store.known_article, key, None, source["id"], analysis.fingerprint):
            outcome.duplicates += 1
            return
        if not analysis.text:
            raise NotAFeed("no article text found on the page")
        await self.make_way()
        stored = await self.call_store(self.store.insert_article, NewArticle(
            source_id=source["id"], url=final_url, canonical_url=key, guid=None,
            title=analysis.title or source["title"] or final_url, author=analysis.author,
            published_at=None, text=analysis.text, text_origin="page", page_pending=False,
            summary=analysis.sentences, quotes=analysis.quotes, key_quote=analysis.key_quote,
            fingerprint=analysis.fingerprint, language=analysis.language))
        if stored is None:
            outcome.duplicates += 1
        else:
            outcome.new += 1

    async def _retry_pages(self, source: Source, report: IngestReport) -> None:
        """Pages that could not be fetched on an earlier pass: try again, keep the feed text on failure."""
        for article in await self.call_store(self.store.articles_pending_page, source["id"], limit=10):
            await self.make_way()
            page = await self._fetch_page(article["url"], article["title"], report)
            if page is None or len(page.text) <= len(article["text"] or ""):
                await self.call_store(self.store.page_attempt_failed, article["id"])
                continue
            await self.make_way()
            await self.call_store(self.store.update_article_text, article["id"], text=page.text,
                                  summary=page.sentences, quotes=page.quotes, key_quote=page.key_quote,
                                  fingerprint=page.fingerprint, language=page.language)


class IngestRunner:
    """Ingest passes for a long-running process: one at a time, with a long-lived analyser.

    The scheduler calls `run_due()` every minute; an admin's /ingest calls
    `run(all_sources=True)`. A pass already running makes either return None.
    """

    def __init__(self, store: Store, settings: Settings, workers: int | None = None,
                 make_way: MakeWay | None = None):
        self.make_way = make_way
        # its own connection, used only from its own thread: ingest writes never block the bot's loop
        self.store = Store(store.path)
        self.settings = settings
        self.analyser = Analyser(settings.analysis_workers if workers is None else workers)
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="ingest-db")
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def run(self, all_sources: bool = False, progress: ProgressFn | None = None) -> IngestReport | None:
        if self._lock.locked():
            return None
        async with self._lock:
            async with make_fetcher(self.settings) as fetcher:
                ingestor = Ingestor(self.store, self.settings, fetcher, self.analyser, self._db_thread, self.make_way)
                sources = await ingestor.call_store(self.store.active_sources if all_sources else self.store.due_sources)
                if not sources:
                    return IngestReport()
                report = await ingestor.run(sources, progress)
            log.info("ingest pass: %s", report.summary_line())
            return report

    def close(self) -> None:
        self.analyser.close()
        self._db_thread.submit(self.store.close).result()
        self._db_thread.shutdown()


async def ingest_once(store: Store, settings: Settings, progress: ProgressFn | None = None,
                      sources: list[Source] | None = None, workers: int = 0) -> IngestReport:
    """Convenience for the CLI and tests: one pass with its own fetcher and analyser."""
    analyser = Analyser(workers)
    try:
        async with make_fetcher(settings) as fetcher:
            return await Ingestor(store, settings, fetcher, analyser).run(sources, progress)
    finally:
        analyser.close()


def make_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(timeout=settings.fetch_timeout, max_bytes=settings.max_body_bytes,
                   user_agent=settings.user_agent, allow_private_hosts=settings.allow_private_hosts)
