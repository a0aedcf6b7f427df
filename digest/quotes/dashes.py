"""Direct speech set off by dashes: a Russian line of speech and the narrator's words inside a quotation.

Russian writes a speaker's line as a paragraph that opens with a dash, and puts the narrator's words
inside the speech between dashes, after the speech's comma (or "!", "?", "…"):

    — Самец будет стремиться к спариванию, — говорит Уилсон. — Чем лучше знаком партнер, тем меньше интерес.

A quotation in marks is interrupted the same way ("«Договор заключен в 1961 году, — пояснил Хоермаер. — Он
полностью на немецком языке»"). The speech is the parts outside the narrator's words, one quote; the
narrator's words are its reporting clause. A paragraph that opens with a dash and has no narrator's words in
it (an interview's question, a list's item) is left alone: nothing in it says who speaks.
"""

from __future__ import annotations

import re

# the narrator's words: after the speech's own comma, "!", "?" or "…", a dash, words with no mark of speech in
# them, then a stop or a comma and a dash that takes the speech up again, or the end of the text
_NARRATION = re.compile(
    r"(?<=[,!?…])\s+[—–-]\s+(?P<words>[^—–«»„“”\"\n]{2,160}?)(?:[.,]\s+[—–-]\s+(?=\S)|[.!?…]?\s*\Z)")
_PARAGRAPH_DASH = re.compile(r"^[—–-][^\S\n]+(?=\S)", re.MULTILINE)  # a dash that opens a paragraph


def speech_parts(text: str, start: int, end: int, function_words: frozenset[str],
                 closed: bool = False) -> list[tuple[int, int, bool]] | None:
    """text[start:end] as speech with the narrator's words inside it: (start, end, whether the narrator's
    words follow) of each part of the speech, or None when no narrator's words interrupt it. Narrator's words
    open with no small word ("…году, — однако она покрывает …" goes on with the speech); `closed`: the speech
    is in marks, and the narrator's words inside them end with its resumption."""
    parts: list[tuple[int, int, bool]] = []
    at = start
    for found in _NARRATION.finditer(text, start, end):
        first = found.group("words").split(None, 1)[0]
        if not first[:1].isalpha() or first.lower() in function_words or closed and found.end() == end:
            continue
        parts.append((at, found.start(), True))  # (with the comma, "!" or "?" that closes it, as marks keep it)
        at = found.end()
    if not parts:
        return None
    if at < end:
        parts.append((at, end, False))
    return [part for part in parts if part[1] > part[0]]


def dash_lines(text: str, function_words: frozenset[str]) -> list[tuple[int, int, int]]:
    """(paragraph start, where its speech starts, paragraph end) of each paragraph that opens with a dash
    and holds the narrator's words: a line of direct speech. (The paragraphs that open with a dash are found
    in one scan of the text.)"""
    lines = []
    for opening in _PARAGRAPH_DASH.finditer(text):
        end = text.find("\n", opening.end())
        end = len(text) if end < 0 else end
        if speech_parts(text, opening.end(), end, function_words) is not None:
            lines.append((opening.start(), opening.end(), end))
    return lines
