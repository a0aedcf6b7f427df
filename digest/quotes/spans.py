"""Quoted spans: where an article's quotation marks open and close.

Straight and curly double marks paragraph by paragraph; UK single marks when an
article uses no double ones (apostrophes told apart by what stands on each side).
A span that runs to the end of its paragraph without a closing mark is carried
into the next paragraph that reopens a quote, as news copy writes long quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise

from digest.text import words

_CLOSERS_D = "\"”"
CONFIDENT_ATTRIBUTIONS = frozenset({"clause", "signature"})


@dataclass(slots=True)
class Quote:
    quote: str
    speaker: str | None
    kind: str  # "full" | "partial"
    start: int
    parts: list[str] = field(default_factory=list)
    end: int = -1  # offset just past the last quoted character of the last part
    attributed_by: str = "none"  # how the speaker was found (attribution.HOW); "none": no speaker

    def as_dict(self) -> dict[str, str | None]:
        return {"quote": self.quote, "speaker": self.speaker}

    @property
    def confident(self) -> bool:
        """The speaker is named in the quote's own reporting clause ("…," X said; X said: "…"): right 93-97%
        of the time on every dev set, where a speaker carried from earlier quotes or resolved from "he"
        is right 21-88% (bench/quotes_eval.py). A briefing shows only a confident speaker."""
        return self.attributed_by in CONFIDENT_ATTRIBUTIONS

    def add_part(self, content: str, end: int) -> None:
        """A further span of the same quotation (the next paragraph, or after "he said")."""
        self.parts = (self.parts or [self.quote]) + [content]
        self.quote, self.end = " ".join(self.parts), end


@dataclass(slots=True)
class Span:
    start: int  # offset of first quoted character in the article
    end: int  # offset just past the last quoted character
    paragraph: int
    open_end: bool  # ran to the end of the paragraph without a closing mark
    continues: bool = False  # reopens a quote left open by the previous paragraph


def _paragraph_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_DOUBLE_MARKS = '"“”„'
DOUBLE_MARK = re.compile(f"[{_DOUBLE_MARKS}]")


def _double_marks(text: str) -> list[int]:
    """Where the double quotation marks are, in order: `DOUBLE_MARK.finditer` at a seventh of its cost. re
    scans for one character at C speed but tries a set of them at every position (40 µs an article, against
    6 here): each kind of mark that is there is found on its own, and the rare text with two kinds sorted."""
    kinds = [mark for mark in _DOUBLE_MARKS if mark in text]
    found = [at for mark in kinds for at in occurrences(text, mark)]
    if len(kinds) > 1:
        found.sort()
    return found


def occurrences(text: str, part: str) -> Iterator[int]:
    """Where `part` starts in `text`, every time, in order (overlapping ones included)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _closes_as_typed(text: str, at: int) -> bool:
    """An opening mark right after a comma or a stop and before a blank closes the quote: a typo that copy
    makes ('“It's unusual,“ said Larry Noble'), for an opening mark stands before a word."""
    return text[at - 1:at] in _TYPED_CLOSE_BEFORE and (at + 1 == len(text) or text[at + 1].isspace())


_TYPED_CLOSE_BEFORE = frozenset(",.!?…")


def double_spans(text: str) -> list[Span]:
    """Spans between double quotation marks, paragraph by paragraph; a quote still open at the end of a
    paragraph runs to its end (`open_end`). A second curly opener restarts an unclosed span. (The marks are
    found by `_double_marks`; the line breaks between two marks are counted in C.)"""
    spans: list[Span] = []
    p_index, open_at, last = 0, None, 0
    for at in chain(_double_marks(text), (None,)):
        i, ch = (len(text), "") if at is None else (at, text[at])
        breaks = text.count("\n", last, i)
        if breaks or at is None:  # the paragraph ends before this mark (or the text does)
            if open_at is not None:
                end = text.find("\n", open_at, i)
                end = i if end < 0 else end
                if open_at + 1 < end:
                    spans.append(Span(open_at + 1, end, p_index, True))
                open_at = None
            p_index += breaks
        last = i
        if at is None:
            break
        if open_at is None:
            open_at = None if ch == "”" else i  # every mark but the closing curly one opens
        elif ch in _CLOSERS_D or ch == "“" and _closes_as_typed(text, i):
            if i > open_at + 1:
                spans.append(Span(open_at + 1, i, p_index, False))
            open_at = None
        elif ch == "“" and text[open_at] == "“":
            open_at = i
    return spans


# (the mark first, then what stands before it: re scans for one character far faster than for a lookbehind)
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—―–-]‘)(?<![^\s(\[—―–-]')(?=[A-Za-z0-9…])")
# (― the bar signatures use). A mark doubled closes a quotation nested in the same marks and the quote
# around it ('we have to think 'Where to?'' he said): the second one is the quote's close; so does one after a
# double mark that closes a quotation nested in it (‘… feeling of “this is the song.”’)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…%”\"])[’'](?=[\s.,;:!?)\]—―–-]|$)|(?<=[\w.,!?…%][’'])[’'](?=[\s.,;:!?)\]—―–-]|$)"
                           r"|(?<=[.,!?…])‘(?=\s|$)")  # (and an opening mark typed for the close: `_closes_as_typed`)
# the words a possessive never comes before (it stands before a noun): after "s'" they show a close ('political
# consequences' if more people …)
_NOT_AFTER_A_POSSESSIVE = frozenset(
    "if and or but nor to of in on at by for from with as than when while because since unless until after before "
    "that which who whom whose is was are were be been has have had will would could should can may might".split())
# a quote opening a sentence: where copy run into one paragraph reopens a quote that went on ('A. 'B,' he said)
_SENTENCE_REOPEN = re.compile(r"[.!?…][’']?\s+[‘'](?=[A-Z0-9…])")


def single_spans(text: str) -> list[Span]:
    """UK style '…' / ‘…’ quotes; apostrophes inside words never open or close one.

    A mark after a plural ("workers' union") is an apostrophe, unless no other mark closes the quote
    before the next sentence opens a new one ('thousands' of them): then it was the close. A quote that
    no mark closes before a new one opens at a sentence start went on over a paragraph break the copy lost
    (''A. B. 'C,' he said''): it ends with its last sentence, and the next span continues it."""
    spans: list[Span] = []
    for p_index, (base, line) in enumerate(_paragraph_offsets(text)):
        pos, continues = 0, False
        while True:
            opener = _SINGLE_OPEN.search(line, pos)
            if not opener:
                break
            reopen = _SENTENCE_REOPEN.search(line, opener.end())
            limit = reopen.end() - 1 if reopen else len(line)  # the next sentence's opening mark
            closer, plural, nested = None, None, False
            for cand in _SINGLE_CLOSE.finditer(line, opener.end(), limit):
                if line[cand.start() - 1] == "s" and line[cand.end():cand.end() + 2].strip()[:1].islower():
                    # (a mark after a plural that a word a possessive never precedes follows closes the quote,
                    # unless a quotation nested in it opened before)
                    nested = nested or bool(_SINGLE_OPEN.search(line, opener.end(), cand.start()))
                    if nested or line[cand.end():cand.end() + 12].split(None, 1)[0] not in _NOT_AFTER_A_POSSESSIVE:
                        plural = plural or cand
                        continue
                closer = cand
                break
            if plural and not nested and (closer is None or _SINGLE_OPEN.search(line, plural.end(), closer.start())):
                closer = plural  # (a quote opens before any other mark closes: the mark after the plural did)
            if closer is None:
                if reopen and len(words(line[opener.end():limit])) >= 4:
                    end = line.rfind(" ", opener.end(), limit)
                    spans.append(Span(base + opener.end(), base + end, p_index, True, continues))
                    pos, continues = limit, True
                    continue
                if len(words(line[opener.end():])) >= 4 and line.rstrip()[-1:] in ".!?":
                    spans.append(Span(base + opener.end(), base + len(line), p_index, True, continues))
                break
            content = line[opener.end():closer.start()]
            if len(words(content)) >= 1:
                spans.append(Span(base + opener.end(), base + closer.start(), p_index, False, continues))
            pos, continues = closer.end(), False
    return spans


_TYPED_DOUBLE = re.compile(r"''(?<![^\s]'')(?=\w)")


def _single_openers(text: str) -> int:
    """About how many single marks could open a quote (those after a space or a line break, or curly):
    most copy has apostrophes only inside words ("don't"), and substring counts say so at a fraction of a
    regex scan's cost."""
    return text.count("‘") + text.count(" '") + text.count("\n'") + text.startswith("'")


def quote_spans(text: str) -> list[Span]:
    """The quoted spans of `text` in the marks its writer quotes with.

    US copy quotes in double marks and nests single ones; UK copy does the reverse ('He said "no",' she
    said). A span inside a span of the other kind is a quotation within that quotation; where a single-mark
    span crosses a double one the single marks were apostrophes. The kind most of the outermost spans use
    is the article's: its spans are the quotes (the others are nested quotations, or in US copy headlines'
    and titles' single marks, in UK copy nicknames), even where an apostrophe seemed to open a span around
    one of them ("how 'bout this headline: "…"")."""
    doubles = double_spans(text)
    # Single marks can be the article's only where they could open at least half as many spans as the
    # double ones (UK copy nests a double quotation in few of its quotes); and copy that types its double
    # marks as two single ones (''A,'' NYT archives) nests its single marks in them.
    openers = _single_openers(text)
    if openers == 0 or 2 * openers < len(doubles) or ("''" in text and _TYPED_DOUBLE.search(text)):
        return doubles
    singles = single_spans(text)
    if not singles:
        return doubles
    if not doubles:
        return singles
    single_ids = {id(span) for span in singles}
    kept: list[Span] = []
    for span in sorted(doubles + singles, key=lambda s: (s.start, -s.end)):
        if kept and span.start < kept[-1].end:  # inside or across the span before it
            if span.end > kept[-1].end and id(span) in single_ids:
                continue  # crossing it: the single marks were apostrophes
            if span.end > kept[-1].end:
                kept[-1] = span  # a double span across a misread single one
            continue
        kept.append(span)
    in_singles = sum(id(span) in single_ids for span in kept)
    return singles if in_singles > len(kept) - in_singles else doubles


def link_continuations(text: str, spans: list[Span]) -> None:
    for prev, cur in pairwise(spans):
        if prev.open_end and cur.paragraph == prev.paragraph + 1:
            line_start = text.rfind("\n", 0, cur.start) + 1
            if text[line_start:cur.start - 1].strip() == "":
                cur.continues = True
