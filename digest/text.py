"""Offline sentence splitting and word tokenising, shared by the summariser and quotes.

Stock sumy tokenisers need NLTK's punkt data, which pip does not install and these
machines cannot download. `sentencex` ships its rules (abbreviations for ~300
languages) inside the wheel, knows "U.S.", "Feb. 3", "No. 2", and costs tens of
microseconds per article. We add a few news-specific fixes on top of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sentencex import segment

if TYPE_CHECKING:
    from digest.languages import Language

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
# (possessive: a word never gives characters back, which spares `re` its backtracking records; a third
# faster, same tokens)
_WORD = re.compile(r"[^\W_]++(?:[-'’.][^\W_]+)*+")
_ODD_BLANK_CHARACTERS = r"\t\u00a0\u2000-\u200b\u202f\u205f\u3000"
_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_ODD_BLANKS = re.compile(f"[{_ODD_BLANK_CHARACTERS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARACTERS}]")
_ODD_OR_CONTROL = re.compile(f"[{_ODD_BLANK_CHARACTERS}{_CONTROL_CHARACTERS}]")
# A "sentence" that is only an initial/abbreviation left dangling by the splitter,
# e.g. "Lloyd J." + "Austin said..." - glue it to the next piece.
_DANGLING_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.){1,3}\s*$")
_LETTER = re.compile(r"[^\W\d_]")
LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters
# the scripts written without blanks between words, as character-class ranges: Japanese kana, Han
# characters (with the compatibility ideographs), Korean Hangul syllables
KANA = "\u3040-\u30ff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL = "\uac00-\ud7af"
# what ends a sentence in Chinese and Japanese text, as "." and a closing mark do elsewhere: the wide stops and
# the closing marks and bracket after them
WIDE_SENTENCE_ENDS = "。！？」』）"
# (with the closing marks after it; "?" and "!" with a wide closing mark after them, as Chinese text has them too)
_WIDE_STOP_BEFORE_LATIN = re.compile(r"(?:[。！？][」』）”]*|[!?][」』）”]+)(?=[0-9A-Za-z])")
# Closing quote marks the splitter sometimes leaves at the start of the next sentence.
_CLOSERS = "\"”’')]"
_LEADING_CLOSER = re.compile(rf"^([{re.escape(_CLOSERS)}]+)\s+")


def search_end(pattern: re.Pattern[str], text: str, reach: int) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern anchored at the end (`$`) whose match is at most `reach` long.

    An end-anchored search is otherwise tried from every position of the text. Starting it
    `reach` characters from the end (a position, not a slice) keeps lookbehinds and `\\b` exact.
    """
    return pattern.search(text, max(0, len(text) - reach))


def normalize_text(text: str) -> str:
    """NFC, no control characters, single spaces, '\n' between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    # (rare: one scan to find out, not two substitutions; in ASCII, where most texts are, the odd and control
    # characters are the unprintable ones but the line break, which C finds at twice the speed of the pattern)
    if not (text.isascii() and text.replace("\n", " ").isprintable()) and _ODD_OR_CONTROL.search(text):
        text = _ODD_BLANKS.sub(" ", _CONTROL.sub("", text))
    while "  " in text:  # str.replace beats a regex over every space by ~10x
        text = text.replace("  ", " ")
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _cut_at_wide_stops(pieces: Iterable[str]) -> list[str]:
    """The pieces cut after each wide stop that a digit or Latin letter follows. The splitter reads "。" as
    ".", which ends no sentence before a number or a lower-case word ("1.5", "e.g. this"); a wide stop
    is never a decimal point or an abbreviation's ("享年91岁。| 1951年，…", "关门了。| e世界…")."""
    cut: list[str] = []
    for piece in pieces:
        start = 0
        for stop in _WIDE_STOP_BEFORE_LATIN.finditer(piece):
            cut.append(piece[start:stop.end()])
            start = stop.end()
        cut.append(piece[start:])
    return cut


def _pieces(paragraph: str, code: str) -> list[tuple[str, str]]:
    """The splitter's pieces of `paragraph`, stripped, each with the blank that came before it."""
    pieces: list[tuple[str, str]] = []
    blank = ""
    raws = segment(code, paragraph)
    # (one scan of the paragraph tells whether any piece needs cutting: most have no wide stop before a digit)
    cut = not paragraph.isascii() and _WIDE_STOP_BEFORE_LATIN.search(paragraph) is not None
    for raw in _cut_at_wide_stops(raws) if cut else raws:
        stripped = raw.strip()
        if not stripped:
            blank += raw
            continue
        lead = raw.find(stripped[0])
        pieces.append((stripped, blank + raw[:lead]))
        blank = raw[lead + len(stripped):]
    return pieces


def _split_paragraph(paragraph: str, language: Language | None = None) -> list[str]:
    """`language`: the article's (None: English, whose rules are the ones written here). Pieces joined
    again keep the blank between them as the text has it: none in Chinese."""
    code = language.code if language else "en"
    if language is not None and not language.rejoins:
        language = None  # (nothing of its own to join: the per-piece questions are not asked)
    merged: list[str] = []
    for piece, blank in _pieces(paragraph, code):
        lead = _LEADING_CLOSER.match(piece) if piece[0] in _CLOSERS else None
        if lead and merged:
            merged[-1] += lead.group(1)
            blank = piece[len(lead.group(1)):lead.end()]
            piece = piece[lead.end():]
            if not piece:
                continue
        # (pieces carry no blank at their ends, so a dangling initial is a piece that ends in ".")
        if merged and (merged[-1][-1:] == "." and search_end(_DANGLING_INITIAL, merged[-1], 12)
                       or not (merged[-1][0].isalpha() or _LETTER.search(merged[-1]))  # (a letter first: at once)
                       or language is not None and language.joins(merged[-1], piece)):
            merged[-1] = f"{merged[-1]}{blank}{piece}"
        else:
            merged.append(piece)
    return merged


@dataclass(slots=True)  # (not frozen: a frozen dataclass sets each field through object.__setattr__, 3x slower)
class Sentence:
    text: str
    paragraph: int  # index of the paragraph it came from
    index: int  # position in the article


def split_sentences(text: str, language: Language | None = None) -> list[Sentence]:
    """Sentences in article order, each tagged with its paragraph number (`language`: as `_split_paragraph`)."""
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(split_paragraphs(text)):
        for sentence in _split_paragraph(paragraph, language):
            out.append(Sentence(sentence, p_index, len(out)))
    return out


# `_WORD` with `\w` for `[^\W_]`: one category test per character instead of a negated set (a fifth faster);
# the same tokens in any text without an underscore
_WORD_WITHOUT_UNDERSCORES = re.compile(r"\w++(?:[-'’.]\w+)*+")


# `words`'s tokens straight from the pattern: faster where few pieces between blanks are plain words (what
# is left of CJK text once its runs are taken out: punctuation, numbers, a Latin name)
find_words = _WORD.findall


def words(sentence: str) -> list[str]:
    """Word tokens: letters/digits with inner hyphens, apostrophes and dots kept ("U.S.", "don't").

    `_WORD.findall(sentence)`, a quarter faster: a token never spans a blank, and most pieces between
    blanks are one plain word (`str.isalnum`, in C), which is its own token; of the rest, most are a
    word and one mark ("said.", "Obama,"), whose token is the word. Only the others ("U.S.", "(CNN)",
    "don't") go through the pattern."""
    if "_" in sentence:
        return _WORD.findall(sentence)
    tokens: list[str] = []
    pattern = _WORD_WITHOUT_UNDERSCORES.findall
    for piece in sentence.split():
        if piece.isalnum():
            tokens.append(piece)
        elif (word := piece[:-1]).isalnum():  # (its last character is then not a word character)
            tokens.append(word)
        else:
            tokens += pattern(piece)
    return tokens


def lower_case_words(text: str) -> set[str]:
    """The words `text` writes in lower case somewhere: a capitalised word among them, in a language
    that capitalises only names and sentence starts, opens a sentence and is no name."""
    return {word for word in LETTERS.findall(text) if word[:1].islower()}


class OfflineTokenizer:
    """A sumy-compatible tokenizer (`to_sentences`, `to_words`) that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(_split_paragraph(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
