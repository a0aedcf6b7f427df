"""The key quote of a briefing: a full, attributed statement of a readable length, on topic.
"""

from __future__ import annotations

from collections.abc import Callable

from digest.quotes.spans import Quote
from digest.text import words

_MOST_TOPICAL = 2.0
UNSURE_SPEAKER = -1.0  # a speaker the briefing will not show: little better than none


def lower_words(text: str) -> tuple[int, list[str]]:
    """(number of words, the words of the lower-cased text), tokenising once: lower-casing keeps every
    character's class (word, blank, mark) but for U+0130, which becomes two characters."""
    lowered = text.lower()
    tokens = words(lowered)
    return (len(tokens) if len(lowered) == len(text) else len(words(text))), tokens


def choose_key_quote(quotes: list[Quote], summary_terms: set[str] | None = None,
                     terms_of: Callable[[list[str]], list[str]] | None = None,
                     read: Callable[[str], tuple[int, list[str]]] = lower_words) -> Quote | None:
    """The strongest quote: a full, attributed statement of a readable length.

    Long enough to say something (8-45 words), said by a named source, and, when
    the summary's vocabulary is given, about what the summary is about. `terms_of`
    turns a quote's lower-cased words into terms comparable with `summary_terms` (the
    summariser's stemmed terms); without it, lower-cased words are compared. `read`: a quote's
    (number of words, lower-cased tokens), as its language counts and tells them apart.
    """
    best, best_score = None, float("-inf")
    topical = _MOST_TOPICAL if summary_terms else 0.0
    for index, quote in enumerate(quotes):
        score = 0.0
        score += (2.0 if quote.confident else UNSURE_SPEAKER) if quote.speaker else -2.0
        score += 1.0 if quote.speaker and quote.speaker[:1].isupper() else 0.0
        score += 1.0 if quote.kind == "full" else -1.5
        if score + 1.0 - 0.05 * index + topical <= best_score:
            continue  # (cannot win at the best length and however topical: its words are not worth reading)
        n, lowered = read(quote.quote)
        if n < 4:
            continue
        score += 1.0 if 8 <= n <= 45 else -0.5 if n > 60 else 0.0
        score -= 0.05 * index  # earlier quotes tend to be the central ones
        if summary_terms and score + _MOST_TOPICAL <= best_score:
            continue  # (cannot win however topical it is: its terms are not worth working out)
        if summary_terms:
            qwords = set(terms_of(lowered) if terms_of else lowered)
            score += _MOST_TOPICAL * len(qwords & summary_terms) / max(len(qwords), 1)
        if score > best_score:
            best, best_score = quote, score
    return best
