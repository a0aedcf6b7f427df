"""Article HTML -> main text, and the page-chrome cleaning every text goes through.

trafilatura finds the main text (F1 0.96 on the 181-page benchmark); readability-lxml
is the fallback where trafilatura finds nothing. Whatever the source (a page, a feed's
`content:encoded`, a pasted text file), `clean_text` then removes what is still not
article prose: navigation and feedback widgets, headline/meta lines, photo captions
and datelines. The rules are about the *shape* of chrome, not about any one site.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from trafilatura.settings import Document

from digest.text import WIDE_SENTENCE_ENDS, normalize_text, split_paragraphs

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 3_000_000  # parse at most this much of a page: hostile pages can be huge

# Widget and navigation lines that appear on their own line in page text.
_CHROME = re.compile(
    r"^(?:go to (?:contents|navigation|top)\b.*|skip to (?:main )?(?:content|navigation)\b.*"
    r"|send feedback\b.*|how can we improve\??|thanks for your feedback!?|was this (?:article|page) helpful\??"
    r"|advertisement|sponsored( content)?|share( this( article| story)?)?( on \w+)?|print|email"
    r"|read more\b.*|related (?:articles|stories|coverage|topics)\b.*|more from\b.*|recommended( for you)?"
    r"|(?:sign up|subscribe)\b.{0,80}|follow us\b.{0,80}|click here\b.{0,80}"
    r"|(?:copyright|©|\(c\)).{0,120}|all rights reserved\.?.{0,80}|most (?:read|popular|viewed)\b.{0,40}"
    r"|(?:photo|image|video|graphic|illustration)s?(?: credit)?:.{0,200}|ⓒ.{0,120}"
    r"|(?:reporting|writing|editing|additional reporting) by\b.{0,200}|this story has been corrected\b.*"
    r"|listen to (?:this|the) (?:article|story)\b.*|\d+ min(?:ute)?s? read|for immediate release|#+|-30-"
    # feed boilerplate: Reddit's "submitted by /u/… [link] [comments]", WordPress's "The post … appeared first on …"
    r"|submitted by\s+/?u/\S+.*|\[link\]\s*\[\d*\s*comments?\]|the post .{1,200} appeared first on .{1,100})$",
    re.IGNORECASE,
)
# A parenthesised credit after the final sentence: "... on March 17. (Pool photo) (Yonhap)".
_TRAILING_CREDIT = re.compile(r"[.!?\"”)]\s*(?:\([^()\n]{1,80}\)\s*)+$")
_PHOTO_CAPTION = re.compile(
    r"\b(?:in this (?:photo|picture|image|file photo)|(?:poses?|posing) for (?:a )?(?:photo|picture)"
    r"|photo (?:taken|released|provided|shows)|(?:file|handout|pool) photo|is seen in this)\b",
    re.IGNORECASE,
)
# "SEOUL, March 27 (Yonhap) -- ", "WASHINGTON (Reuters) - ", "(CNN) -- ", "LONDON — ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
    r"(?:,\s*\d{4})?\s*)?"  # "LAS VEGAS, March 3, 2025"
    r"(?:\([A-Za-z][\w .&'/-]{0,30}\)\s*|/[A-Za-z][\w .&'-]{0,30}/\s*)?(?:--|—|–|-)\s+"  # (Reuters), /PRNewswire/
)
_DATELINE_NEEDS = re.compile(r"^(?:[A-Z]{3,}|\()")
_SENTENCE_ENDS = tuple(".!?…:;\"”’')]" + WIDE_SENTENCE_ENDS)  # a line ending in one of these holds a sentence


@dataclass(slots=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None  # the page's declared `lang`, as written ("de-DE"): a hint


# the `lang` of the page's root element (xml:lang too), read from its opening tag
_HTML_LANG = re.compile(r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)


def declared_language(html: str) -> str | None:
    """`<html lang="de-DE">` -> "de-DE"."""
    match = _HTML_LANG.search(html, 0, 5000)
    return match.group(1) if match else None


# a feed excerpt's cut-off marker at the end of a paragraph: "… [&hellip;]", "[…]", "[...]", "[Read more]"
_EXCERPT_TAIL = re.compile(r"\s*\[(?:…|\.\.\.|&hellip;|read more|continue reading)\]\s*$", re.I)
# Copy run into one paragraph (the Daily Mail's, as the CNN/Daily Mail corpus has it) keeps the page's furniture
# inline, often inside a quote: a "Scroll down for video" line, and photo captions, a label and a colon and a
# sentence with no stop that ends by saying where the photo's subject is ("Rescued: Kevin Marsh, 43, was pulled
# from the water on Monday (pictured)")
_SCROLL_DOWN = re.compile(r"\s*\b(?:Scroll down for (?:the )?videos?|SCROLL DOWN FOR (?:THE )?VIDEOS?)\b\s*[.:]?")
_PHOTO_PLACE = r"\((?:pictured|left|right|above|below|centre|center|top|bottom|inset)\b"  # where a caption ends
_CAPTION = re.compile(r"(?:(?<=[.!?’”'\"])\s+|^)[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}:\s+[^.!?:\n]{10,300}?"
                      rf"{_PHOTO_PLACE}[^()]{{0,40}}\)\.?")
_CAPTION_HINT = re.compile(_PHOTO_PLACE)


def _may_scroll_down(text: str) -> bool:
    return "croll down" in text or "CROLL DOWN" in text


def strip_inline_furniture(paragraph: str) -> str:
    """The paragraph without a "Scroll down for video" or a photo caption inside it (each looked for only where
    its words are)."""
    removed = 0
    if _may_scroll_down(paragraph):
        paragraph, count = _SCROLL_DOWN.subn(" ", paragraph)
        removed += count
    if "(" in paragraph and _CAPTION_HINT.search(paragraph):
        paragraph, count = _CAPTION.subn(" ", paragraph)
        removed += count
    return " ".join(paragraph.split()) if removed else paragraph


def _is_chrome(paragraph: str) -> bool:
    """Widgets and photo captions: chrome wherever they stand."""
    if _CHROME.match(paragraph):
        return True
    if not paragraph.endswith(")"):
        return False  # both caption rules below need a parenthesised credit at the very end
    if _TRAILING_CREDIT.search(paragraph) and (
        _PHOTO_CAPTION.search(paragraph) or re.search(r"\((?:[^()]*\b(?:photo|images?|pool|file)\b[^()]*|[A-Z][\w.&' -]{1,25})\)\s*$", paragraph, re.I)
    ):
        return True  # a photo caption ending in its credit
    if _PHOTO_CAPTION.search(paragraph) and len(paragraph) < 400 and re.search(r"\((?:[A-Z][\w.&'/ -]{1,40})\)\s*$", paragraph):
        return True
    return False


def _is_fragment(paragraph: str) -> bool:
    """No sentence in it: a headline, kicker, byline, timestamp or menu when it stands at either end."""
    return not paragraph.endswith(_SENTENCE_ENDS) and len(paragraph.split()) < 16


def _reflow(paragraphs: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line without a sentence end followed by one starting in lower case."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and not out[-1].endswith(_SENTENCE_ENDS) and paragraph[:1].islower():
            out[-1] = f"{out[-1]} {paragraph}"
        else:
            out.append(paragraph)
    return out


def strip_dateline(paragraph: str) -> str:
    if not _DATELINE_NEEDS.match(paragraph):
        return paragraph
    match = _DATELINE.match(paragraph)
    if match and match.end() < len(paragraph) and paragraph[match.end()].isupper() or (
        match and paragraph[match.end():match.end() + 1] in '"“'
    ):
        return paragraph[match.end():]
    return paragraph


def clean_text(text: str) -> str:
    """Article prose only: one paragraph per line, chrome and captions removed.

    Lines with no sentence in them are dropped at the start and the end of the
    text (headline, byline, timestamp, footer); in the middle they are kept
    (sub-headings, list items), and the summariser passes over them. If the rules
    would remove everything (a one-line teaser with no full stop), the normalised
    input is returned instead: a short text beats no text.
    """
    normalized = normalize_text(text)
    kept = [p for p in _reflow(split_paragraphs(normalized)) if not _is_chrome(p)]
    kept = [_EXCERPT_TAIL.sub("…", p) if p.endswith("]") else p for p in kept]  # (the cut stays shown)
    if _may_scroll_down(normalized) or _CAPTION_HINT.search(normalized):
        kept = [cleaned for p in kept if (cleaned := strip_inline_furniture(p))]  # (one scan of the text first)
    start, end = 0, len(kept)
    while start < end and _is_fragment(kept[start]):
        start += 1
    while end > start and _is_fragment(kept[end - 1]):
        end -= 1
    kept = kept[start:end]
    if kept:
        kept[0] = strip_dateline(kept[0])
    return "\n".join(kept) if kept else normalized


def guess_title(text: str) -> str | None:
    """The first short line without a full stop is the headline in pasted page text."""
    head = text[:1500]  # a headline is among the first few lines: no need to normalise the whole text
    for paragraph in split_paragraphs(normalize_text(head))[:4]:
        if _CHROME.match(paragraph):
            continue
        if not paragraph.endswith(_SENTENCE_ENDS) and 3 <= len(paragraph.split()) <= 25:
            return paragraph
        break
    return None


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (feed content), paragraphs on their own lines."""
    if not html or "<" not in html:
        return html or ""
    try:
        root = lxml.html.fromstring(html[:MAX_HTML_CHARS])
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//iframe|//figure|//figcaption"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//blockquote|//tr"):
        block.tail = "\n" + (block.tail or "")
    return str(root.text_content())


def extract_article(html: str | bytes, url: str | None = None) -> Extracted:
    """Main text and metadata of an article page; `text` is '' when nothing usable was found."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    html = html[:MAX_HTML_CHARS]
    doc: Document | None = None
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, deduplicate=True)
        doc = found if isinstance(found, Document) else None  # (a dict only when asked for one)
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on hostile pages
        log.warning("trafilatura failed on %s", url, exc_info=True)
    text = (doc.text if doc is not None else "") or ""
    if len(text) < 200:
        fallback = _readability_text(html)
        if len(fallback) > len(text):
            text = fallback
    return Extracted(
        text=clean_text(text) if text.strip() else "",
        title=(doc.title if doc is not None else None) or None,
        author=(doc.author if doc is not None else None) or None,
        date=(doc.date if doc is not None else None) or None,
        language=declared_language(html),
    )


def _readability_text(html: str) -> str:
    try:
        from readability import Document

        return html_to_text(Document(html).summary(html_partial=True))
    except Exception:  # noqa: BLE001
        log.debug("readability failed", exc_info=True)
        return ""
