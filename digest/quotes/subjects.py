"""Reporting verbs and the subjects written before them ("X said", "the ministry said").

Found with plain string scans where a pattern would be tried at every position:
this runs on every article, and the scans are a fraction of the regex cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ahocorasick_rs import AhoCorasick, MatchKind

from digest.quotes.lexicon import (
    ANY_VERB_WHO,
    APPOSITIVE,
    APPOSITIVE_START,
    AUXILIARY,
    BETWEEN_SUBJECT_AND_VERB,
    NAME_BEFORE_APPOSITIVE,
    PARTICLES,
    SPEECH_VERBS,
    SUBJECT_WORDS,
    WHO,
    past_the_last_comma,
    word_alternation,
)

_FIRST_WORDS = sorted({alternative.split()[0] for alternative in SPEECH_VERBS.split("|")})
VERB_FIRST_WORD = re.compile(rf"{word_alternation(_FIRST_WORDS)}(?![\w'’-])")
# the first words after a space or a line break, found in one pass of an Aho-Corasick automaton (a regex for
# " (said|says|…)" is entered at every space of the text: two and a half times the cost). Leftmost-longest: at
# " added" the longer word wins, and a shorter one that a letter follows ("add") could not have matched anyway.
_AFTER_BLANK = AhoCorasick([blank + word for blank in " \n" for word in _FIRST_WORDS],
                           matchkind=MatchKind.LeftmostLongest)
_WORD_GOES_ON = re.compile(r"[\w'’-]")


def verb_starts(text: str) -> list[int]:
    """Where the first word of a reporting verb starts the text or follows a space or a line break, in
    order. (A verb glued to a quotation mark, a bracket or a dash is left out: nothing before it can be its
    subject, and in 2000 articles none names anyone after it.)"""
    goes_on = _WORD_GOES_ON.match
    starts = [start + 1 for _, start, end in _AFTER_BLANK.find_matches_as_indexes(text) if not goes_on(text, end)]
    if VERB_FIRST_WORD.match(text):
        starts.insert(0, 0)
    return starts


# the subject of a verb that stands at the search's `endpos`
WHO_BEFORE_VERB = re.compile(
    rf"(?<![\w'’.-])(?=[A-Z]|{SUBJECT_WORDS})"
    rf"{WHO}{APPOSITIVE},?\s+{AUXILIARY}(?:\w+ly\s+)?\Z")
LOOKBACK = 200  # characters before a reporting verb in which its subject is looked for
_PRONOUN_BEFORE = re.compile(r"(?<![\w'’.-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+\Z")


_AFTER_THE_LAST_COMMA = re.compile(rf"\s+{AUXILIARY}(?:\w+ly\s+)?\Z")


def subject_bound(text: str, low: int, end: int) -> int:
    """Where `WHO_BEFORE_VERB.search(text, low, end)` can start and find the same subject: `past_the_last_comma`
    that more than auxiliaries and an adverb follow ("Smith, a professor, later" keeps its comma)."""
    return past_the_last_comma(text, low, end, _AFTER_THE_LAST_COMMA)


def may_end_with_a_name(before: str) -> bool:
    """Can the subject of a verb preceded by `before` end with a name? It is the last word before the
    verb but for an adverb or an auxiliary ("Smith later said"), or stands before a comma (an
    appositive: "Gladys Block, a professor, said"). A subject that ends in a lower-case word ("the
    officials", "U.S. officials") is no run of names, which end with a capital or an "al-", so nothing
    `Names` asks of the speakers can be its answer, and its search (most of the cost of finding who
    speaks) is not run. Same analyses of the 2000 CNN articles with and without the filter."""
    words = before.rsplit(None, 3)  # (the last words are nearly always enough: the rest split only if not)
    rest = words.pop(0) if len(words) == 4 else ""
    for word in reversed(words):
        if not word.islower() or "," in word or "-" in word:  # a capital, an initial, "al-Assad", a comma
            return True
        if word not in BETWEEN_SUBJECT_AND_VERB and not word.endswith("ly"):
            return False
    return may_end_with_a_name(rest) if rest else False


def reporting_subjects(text: str) -> Iterator[str]:
    """The subjects and objects of reporting verbs ("X said", "said X"). Equivalent to running the
    WHO-verb patterns over the whole text, but only tried where a reporting verb stands: the verb
    alternation at every character was most of the cost."""
    for verb_at in verb_starts(text):
        after = ANY_VERB_WHO.match(text, verb_at)
        if after:
            yield after.group("who")
        if _PRONOUN_BEFORE.search(text, max(0, verb_at - 6), verb_at):
            continue  # "he said": a pronoun names nobody new (and was the search's answer, at a cost)
        # the subject stands in the same paragraph, after any quotation
        reach = max(0, verb_at - LOOKBACK)  # (bounded: a search back to the start made long texts quadratic)
        low = max(reach, text.rfind("\n", reach, verb_at), text.rfind('"', reach, verb_at),
                  text.rfind("”", reach, verb_at), text.rfind("“", reach, verb_at))
        if not may_end_with_a_name(text[low:verb_at]):
            continue
        before = WHO_BEFORE_VERB.search(text, subject_bound(text, low, verb_at), verb_at)
        if before:
            yield before.group("who")


_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]n?)\s+\Z")


def name_stretch(text: str, low: int, end: int) -> int:
    """Where the blank-separated pieces of `text[low:end]` that can belong to a name begin: a name word has
    a capital (or a digit, or an "al-" hyphen), a particle joins two. A name that ends at `end` starts
    inside this stretch, so a search for it need not try the positions before."""
    at = end
    for piece in reversed(text[low:end].split()):
        if piece.islower() and "-" not in piece and piece not in PARTICLES:
            break
        at = text.rfind(piece, low, at)  # (the last piece before `at`: no blank inside it)
    return at


def appositives(text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """(name match, comma) for each person introduced with an appositive ("Gladys Block, a professor")."""
    for comma in APPOSITIVE_START.finditer(text):
        end = comma.start()
        match = NAME_BEFORE_APPOSITIVE.search(text, name_stretch(text, max(0, end - 100), end), end)
        if match and not _INDEFINITE_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            yield match, comma  # (not "a Native American, a ...": a person's name takes no article)
