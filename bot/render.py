"""Briefings -> Telegram HTML messages.

Telegram's rules are facts of the design: HTML parse mode with only its own tags,
every piece of article text escaped, at most 4096 characters (UTF-16 code units)
of visible text per message. A digest is split between stories (never inside
one), and a story too long for one message loses sentences, then characters,
until it fits.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.i18n import ENGLISH, Texts
from digest.compose import BriefingItem
from digest.store import StoredPart, StoredQuote

LIMIT = 4096
SAFE_LIMIT = 4000  # a margin below Telegram's limit


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(text: str) -> str:
    """Article text as Telegram HTML: markup characters escaped, control characters dropped."""
    return html.escape(_CONTROL.sub("", text or ""), quote=False)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass(slots=True)
class Block:
    """A piece of a message: its HTML and the length Telegram will count for it."""
    html: str
    visible: int


@dataclass(slots=True)
class Part:
    """One message of a briefing. The buttons and what is delivered are kept apart: a story of several
    articles has one button (its lead article) and marks all its articles delivered when shown."""
    html: str
    article_ids: list[int] = field(default_factory=list)  # one per story, in order (buttons map to these)
    delivered_ids: list[int] = field(default_factory=list)  # every article of every story in the message
    is_html: bool = True  # False: plain text (the fallback when Telegram refuses our HTML)

    def as_dict(self) -> StoredPart:
        return {"html": self.html, "article_ids": self.article_ids, "delivered_ids": self.delivered_ids}

    @classmethod
    def from_dict(cls, stored: StoredPart) -> Part:
        """A part as the store keeps it; bodies stored before `delivered_ids` existed deliver their leads."""
        return cls(stored["html"], stored["article_ids"], stored.get("delivered_ids") or stored["article_ids"])


class _Builder:
    """Builds HTML and its visible text side by side, so length is known without parsing."""

    def __init__(self) -> None:
        self.html: list[str] = []
        self.text: list[str] = []

    def add(self, text: str, tag: str | None = None, href: str | None = None) -> _Builder:
        if href:
            self.html.append(f'<a href="{html.escape(href, quote=True)}">{esc(text)}</a>')
        elif tag:
            self.html.append(f"<{tag}>{esc(text)}</{tag}>")
        else:
            self.html.append(esc(text))
        self.text.append(_CONTROL.sub("", text))
        return self

    def block(self) -> Block:
        return Block("".join(self.html), utf16_len("".join(self.text)))


def quote_line(quote: StoredQuote) -> str:
    """The quote, and its speaker when the attribution is sure (quotes stored before that was known: shown)."""
    shown = quote.get("speaker") if quote.get("confident", True) else None
    speaker = f" \u2014 {shown}" if shown else ""
    return f"\u201c{quote['quote']}\u201d{speaker}"


def story_date(published_at: str | None, zone: ZoneInfo, texts: Texts = ENGLISH) -> str | None:
    """When a story appeared, in the reader's zone and language ("Nov 27, 2026, 14:05"); None when unknown."""
    if not published_at:
        return None
    try:
        when = datetime.fromisoformat(published_at)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return texts.date(when, zone)


def render_item(item: BriefingItem, number: int | None, sentences: list[str] | None = None,
                quotes: list[StoredQuote] | None = None, zone: ZoneInfo | None = None,
                texts: Texts = ENGLISH) -> Block:
    """One story: headline, source (and other sources; with `zone`, its date), sentences, quote(s), link;
    the words around them in the reader's language."""
    _ = texts
    sentences = item.sentences if sentences is None else sentences
    quotes = ([item.key_quote] if item.key_quote else []) if quotes is None else quotes
    b = _Builder()
    numbered = f"{number}. " if number is not None else ""
    b.add(numbered + (item.title or _("(untitled)")), "b").add("\n")
    source = item.source
    if item.also:
        source += " \u00b7 " + _("also: {sources}", sources=", ".join(name for name, _url in item.also))
    dated = story_date(item.published_at, zone, texts) if zone is not None else None
    if dated:
        source += f" \u00b7 {dated}"
    b.add(source, "i").add("\n")
    if sentences:
        b.add(" ".join(sentences)).add("\n")
    for quote in quotes:
        b.add(quote_line(quote), "blockquote").add("\n")
    if item.url.startswith(("http://", "https://")):
        b.add(_("Read the story"), href=item.url)
    block = b.block()
    if block.visible > SAFE_LIMIT:
        if len(quotes) > 1:
            return render_item(item, number, sentences, quotes[:-1], zone, texts)
        if len(sentences) > 1:
            return render_item(item, number, sentences[:-1], quotes, zone, texts)
        clipped_quotes: list[StoredQuote] = [{**q, "quote": q["quote"][:1000]} for q in quotes]
        clipped = replace(item, title=item.title[:200], also=item.also[:5])
        return render_item(clipped, number, [s[:1500] for s in sentences], clipped_quotes, zone, texts)
    return block


def render_digest(items: list[BriefingItem], header: str | None = None, zone: ZoneInfo | None = None,
                  texts: Texts = ENGLISH) -> list[Part]:
    """Messages for a digest: stories packed into as few messages as fit, split between stories; with
    `zone`, each story says when it appeared."""
    parts: list[Part] = []
    current: list[Block] = []
    ids: list[int] = []
    delivered: list[int] = []
    size = 0
    head = _Builder().add(header, "b").add("\n\n").block() if header else None
    if head:
        current, size = [head], head.visible
    for number, item in enumerate(items, 1):
        block = render_item(item, number, zone=zone, texts=texts)
        separator = 2 if current else 0
        if current and size + separator + block.visible > SAFE_LIMIT and ids:
            parts.append(Part(_join(current), ids, delivered))
            current, ids, delivered, size, separator = [], [], [], 0, 0
        current.append(block)
        ids.append(item.article_id)
        delivered.extend(item.article_ids or [item.article_id])
        size += separator + block.visible
    if ids:
        parts.append(Part(_join(current), ids, delivered))
    return parts


def _join(blocks: list[Block]) -> str:
    out = ""
    for block in blocks:
        if out and not out.endswith("\n\n"):
            out += "\n\n"
        out += block.html
    return out


def render_list(title: str, lines: Sequence[tuple[str, str | None]]) -> str:
    """A titled list of (text, link) lines, escaped, within one message."""
    b = _Builder().add(title, "b").add("\n")
    html_out = b.block().html
    visible = utf16_len(title) + 1
    for text, link in lines:
        piece = _Builder().add("\n\u2022 ")
        piece.add(text, href=link) if link else piece.add(text)
        block = piece.block()
        if visible + block.visible > SAFE_LIMIT:
            html_out += esc("\n\u2026")
            break
        html_out += block.html
        visible += block.visible
    return html_out
