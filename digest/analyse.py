"""The CPU half of the newsroom: text -> clean text, summary, quotes, key quote.

These functions are pure and picklable so that `Analyser` can run them in worker
processes: an ingest pass then never holds the event loop (or, with processes,
the GIL) that serves users' commands. Expensive objects (the summariser, its
stemmer cache) are built once per process.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import chain
from typing import Any, ParamSpec, TypeVar

from digest.chrome import clean_in_language
from digest.dedupe import fingerprint_words
from digest.extract import clean_text, extract_article, guess_title, html_to_text
from digest.language import identify
from digest.language import warm_up as warm_up_identifier
from digest.languages import count_words, supported
from digest.quotes import choose_key_quote, quotes_in
from digest.quotes.key_quote import lower_words
from digest.store.records import StoredQuote
from digest.summarise import get_summariser
from digest.text import split_sentences, words


@dataclass(slots=True)
class Analysis:
    title: str | None
    text: str
    sentences: list[str]  # the summary, verbatim, in article order
    quotes: list[StoredQuote] = field(default_factory=list)  # in text order
    key_quote: StoredQuote | None = None
    fingerprint: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None  # ISO 639-1, as identified from the text (None: not known)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


MAX_TEXT_CHARS = 200_000  # a long read is ~60,000 characters; more is a dump, not an article


def cap_text(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    """At most `limit` characters, cut at a paragraph break: the stored text and the cost of
    analysing it stay bounded whatever a hostile or broken source sends."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    return text[:cut if cut > 0 else limit]


def analyse_text(text: str, title: str | None = None, sentences: int = 3, *, cleaned: bool = False,
                 language: str | None = None) -> Analysis:
    """Summarise plain article text (page chrome allowed: it is cleaned first). `language`: what the
    source declares (a feed's language, a page's `lang`), a hint the text itself overrules."""
    if title is None and not cleaned:
        title = guess_title(text)
    body = cap_text(text if cleaned else clean_text(text[:4 * MAX_TEXT_CHARS]))
    code = identify(body, language)
    body = clean_in_language(body, code)
    known = supported(code)
    split = split_sentences(body, known)
    if known is None:  # a language we cannot read: its lead, and no quotes rather than wrong ones
        tokens = [words(s.text.lower()) for s in split]
        return Analysis(title=title, text=body, sentences=[s.text for s in split[:sentences]],
                        fingerprint=fingerprint_words(chain.from_iterable(tokens)), language=code)
    summariser = get_summariser(known.code)
    tokens_of = known.tokens
    tokens = [tokens_of(s.text.lower()) for s in split]  # shared by the summariser and the fingerprint
    summary = summariser.select(split, sentences, tokens)
    fingerprint = fingerprint_words(chain.from_iterable(tokens))
    found = quotes_in(body, known)
    # what the summary is about, for the key quote: only asked when there are quotes (not in most posts)
    summary_terms = {t for s in summary for t in summariser.terms_of_tokens(tokens[s.index])} if found else set()
    read = lower_words if not known.pairs else (lambda quote: (count_words(quote), tokens_of(quote.lower())))
    key = choose_key_quote(found, summary_terms, summariser.terms_of_tokens, read)
    return Analysis(
        title=title, text=body, sentences=[s.text for s in summary],
        quotes=[{"quote": q.quote, "speaker": q.speaker, "kind": q.kind, "confident": q.confident} for q in found],
        key_quote={"quote": key.quote, "speaker": key.speaker if key.confident else None} if key else None,
        fingerprint=fingerprint, language=code,
    )


def best_sentences(text: str, count: int, language: str | None = None) -> list[str]:
    """The `count` best sentences of a stored article's text, read in its language (the stored one, else
    identified): the lead of a text in a language we do not read."""
    known = supported(language) or supported(identify(text, language))
    if known is None:
        return [s.text for s in split_sentences(text)[:count]]
    return [s.text for s in get_summariser(known.code).summarise(text, count)]


def analyse_html_fragment(html: str, title: str | None = None, sentences: int = 3,
                          language: str | None = None) -> Analysis:
    """A feed entry's HTML body (content:encoded, summary); `language`: the feed's, a hint."""
    return analyse_text(clean_text(html_to_text(html)), title, sentences, cleaned=True, language=language)


def analyse_page(html: bytes | str, url: str | None = None, title: str | None = None,
                 sentences: int = 3, language: str | None = None) -> Analysis:
    """A full article page: extract the main text, then analyse it. `language`: a hint, as the page's own
    `lang` is; the page's wins over the caller's (a feed's)."""
    extracted = extract_article(html, url)
    result = analyse_text(extracted.text, title or extracted.title, sentences, cleaned=True,
                          language=extracted.language or language)
    result.author, result.date = extracted.author, extracted.date
    return result


def _warm_up() -> None:
    """Worker start: build the expensive objects once, and yield the CPU to the bot's own process
    (a command should never wait behind a summary)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        os.nice(19)
    except OSError:
        pass
    get_summariser()
    warm_up_identifier()


P = ParamSpec("P")
T = TypeVar("T")


class Analyser:
    """Runs analysis off the event loop: in `workers` processes, or in a thread when workers=0."""

    def __init__(self, workers: int = 0):
        self.workers = workers
        self._executor: Executor | None = None
        self._started: Future[bool] | None = None

    def _pool(self) -> Executor | None:
        if self.workers and self._executor is None:
            context = multiprocessing.get_context("forkserver")
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm_up)
        return self._executor

    def start(self) -> None:
        """Start the worker processes now rather than at the first article. A worker's start-up
        (importing numpy, sumy and the extractors, building the summariser) costs about a second
        of CPU before it lowers its priority; a bot pays it once, at its own start-up, not while
        answering users in the middle of its first ingest pass."""
        pool = self._pool()
        if pool is not None and self._started is None:
            self._started = pool.submit(_up)  # any task: the pool spawns its workers to run it

    async def ready(self) -> None:
        """Wait until `start()`'s workers are up (at once with no workers)."""
        self.start()
        if self._started is not None:
            await asyncio.wrap_future(self._started)

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        pool = self._pool()
        if pool is None:
            return await asyncio.to_thread(fn, *args, **kwargs)
        return await loop.run_in_executor(pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
            self._started = None


def _up() -> bool:
    return True


