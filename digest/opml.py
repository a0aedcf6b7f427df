"""Sources in and out as OPML, the file every feed reader exports and imports.

Export writes OPML 2.0: one `<outline type="rss">` per feed with `xmlUrl`, `htmlUrl` and its name
as `text` and `title`, so any reader can take the list. An article-page source is no feed, and a
reader that polled it as one would fail: it is written as the spec's `type="link"` outline with
its `url`, which readers pass over and our import brings back.

Import reads any subscription list `listparser` reads (OPML of every vintage, RSS-era variants, FOAF)
and adds each feed as `sources add` does: probed once, refused with its reason if it is no feed. The
report says what was added, what was there already and what failed, each with its URL.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from xml.etree import ElementTree

import listparser

from digest.fetch import Fetcher
from digest.sources import SourceAlreadyThere, SourceError, add_source
from digest.store import Source, Store

PROBES_AT_ONCE = 6  # feeds probed together: a list of hundreds takes minutes, not an hour
MAX_OPML_BYTES = 2_000_000


class OpmlError(Exception):
    """The file is no subscription list we can read; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str | None


@dataclass(slots=True)
class ImportReport:
    added: list[Source] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, why)


def export_opml(sources: Iterable[Source], *, title: str, now: datetime) -> bytes:
    """An OPML 2.0 document of the sources, in the order given."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(now)
    body = ElementTree.SubElement(root, "body")
    for source in sources:
        name = source["name"] or source["title"] or source["url"]
        if source["kind"] == "feed":
            outline = {"type": "rss", "text": name, "title": name, "xmlUrl": source["url"]}
            if source["site_url"]:
                outline["htmlUrl"] = source["site_url"]
        else:
            outline = {"type": "link", "text": name, "title": name, "url": source["url"]}
        ElementTree.SubElement(body, "outline", outline)
    ElementTree.indent(root)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def read_opml(content: bytes) -> list[Outline]:
    """The feeds (and our article pages) a subscription list names, each URL once.
    Raises OpmlError for a file that names none."""
    if len(content) > MAX_OPML_BYTES:
        raise OpmlError(f"the file is larger than {MAX_OPML_BYTES // 1_000_000} MB")
    if not content.strip():
        raise OpmlError("the file is empty")
    # bytes, never str: listparser fetches a string that looks like a URL
    parsed = listparser.parse(bytes(content))
    if parsed.bozo and not (parsed.feeds or parsed.lists):
        raise OpmlError(f"not a readable OPML file ({parsed.bozo_exception})")
    outlines: dict[str, Outline] = {}
    for entry in [*parsed.feeds, *(e for e in parsed.lists if not _is_list(e.url))]:
        url = (entry.url or "").strip()
        if url.startswith(("http://", "https://")) and url not in outlines:
            outlines[url] = Outline(url, (entry.title or "").strip()[:100] or None)
    if not outlines:
        raise OpmlError("the file names no feed (no outline with an xmlUrl): is it an OPML export?")
    return list(outlines.values())


def _is_list(url: str) -> bool:
    """A `type="link"` outline that points at another subscription list (OPML's "include")."""
    return url.lower().split("?")[0].endswith(".opml")


async def import_sources(store: Store, fetcher: Fetcher, outlines: list[Outline], *, added_by: int | None = None,
                         max_sources: int | None = None) -> ImportReport:
    """Add each outline as a source, a few probes at a time; one bad feed costs only itself.

    The source limit is kept exactly: a probe starts only while the sources there and the probes
    under way leave room, so a long list fills up to the limit and the rest is reported."""
    gate = asyncio.Semaphore(PROBES_AT_ONCE)
    underway = 0

    async def one(outline: Outline) -> Source | str | tuple[str, str]:
        """The source added, the URL that was there already, or (URL, why it failed)."""
        nonlocal underway
        async with gate:
            there = store.source_by_url(outline.url)
            if there is not None and not there["disabled_reason"]:
                return outline.url
            if max_sources is not None and store.count_active_sources() + underway >= max_sources:
                return outline.url, (f"there are already {max_sources} active sources, the most this bot polls "
                                     "(BRIEFBOT_MAX_SOURCES)")
            underway += 1
            try:
                source, _found, _reenabled = await add_source(store, fetcher, outline.url, outline.title,
                                                              added_by=added_by)
                return source
            except SourceAlreadyThere:
                return outline.url
            except SourceError as exc:
                return outline.url, str(exc)
            finally:
                underway -= 1

    report = ImportReport()
    for outcome in await asyncio.gather(*(one(outline) for outline in outlines)):
        if isinstance(outcome, str):
            report.already_there.append(outcome)
        elif isinstance(outcome, tuple):
            report.failed.append(outcome)
        else:
            report.added.append(outcome)
    return report
