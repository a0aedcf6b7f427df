"""Russian speakers in the nominative, the case a speaker is shown in.

A verb of quoting takes whom it quotes as its object ("— цитирует РБК Дмитрия Медведева"), and "по словам"
("according to") its genitive ("по словам главы МИД Сергея Лаврова"): the article writes the speaker in that
case, and a briefing that shows "Дмитрия Медведева" under a quote reads as broken Russian and does not name
the person as their other quotes do ("Дмитрий Медведев"). pymorphy3, with the OpenCorpora dictionary its
`pymorphy3-dicts-ru` wheel ships, tells each word's case, gender and animacy and gives its nominative.

Only the words that agree with the phrase's head change: the adjectives before it, the head noun, and a
person's name in apposition after a head that names a person ("мэра города Анну Крылову" -> "мэр города Анна
Крылова"). A genitive after the head stays ("представителя минобороны США" -> "представитель минобороны США",
"пресс-службу Кремля" -> "пресс-служба Кремля"); a word the dictionary does not know in that case stays as
written.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from digest.memo import memoised

_NAME_TAGS = ("Name", "Surn", "Patr")
_ADJECTIVES = {"ADJF", "PRTF"}


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _in_case(word: str, case: str, pos: set[str] | None = None, names: bool = False) -> list[Any]:
    """The dictionary's readings of `word` in `case` (of a part of speech in `pos`; a name's, when `names`)."""
    readings = [p for p in _analyzer().parse(word) if p.tag.case == case and (pos is None or p.tag.POS in pos)]
    if names:
        readings = [p for p in readings if any(tag in p.tag for tag in _NAME_TAGS)]
    return readings


def _as_written(nominative: str, written: str) -> str:
    """The nominative with the capitals of the word as written ("путин" -> "Путин", "вице-губернатор"), and
    without "ё" where the text writes "е" for it ("режиссера" -> "режиссер", as its other mentions are)."""
    if "ё" not in written.lower():
        nominative = nominative.replace("ё", "е")
    if written.isupper():
        return nominative.upper()
    return "-".join(part[:1].upper() + part[1:] if old[:1].isupper() else part
                    for part, old in zip(nominative.split("-"), written.split("-") + [""] * 9, strict=False))


def _nominative_of(reading: Any, gender: str | None = None) -> str | None:
    grammemes = {"nomn"} | ({gender} if gender and reading.tag.POS in _ADJECTIVES else set())
    inflected = reading.inflect(grammemes)
    return inflected.word if inflected is not None else None


def _agreeing(readings: list[Any], gender: str | None) -> Any | None:
    for reading in readings:
        if gender is None or reading.tag.gender in (gender, None):
            return reading
    return None


@lru_cache(maxsize=4096)
def russian_nominative(phrase: str, case: str) -> str:
    """`phrase` (a speaker, governed in `case`: "accs" or "gent") in the nominative."""
    words = phrase.split()
    out = list(words)
    nouns = [at for at, word in enumerate(words) if word[:1].islower() and _in_case(word, case, {"NOUN"})]
    # (the first noun that is no adjective too: "главного" reads as the noun "главное" as well)
    head = next((at for at in nouns if not _in_case(words[at], case, _ADJECTIVES)), nouns[0] if nouns else None)
    name_start = len(words)
    while name_start > 0 and words[name_start - 1][:1].isupper():
        name_start -= 1
    if head is None and name_start > 0:
        return phrase  # (no noun of a person before the name, and no name alone: nothing known to decline)
    gender: str | None = None
    person = True
    if head is not None:
        if any(p.tag.case == "nomn" and p.tag.number != "plur" for p in _analyzer().parse(words[head])):
            return phrase  # ("мэр", "министр": written in the nominative already; "ректора" is one's genitive)
        reading = _in_case(words[head], case, {"NOUN"})[0]
        gender, person = reading.tag.gender, reading.tag.animacy == "anim"
        out[head] = _as_written(_nominative_of(reading) or words[head], words[head])
        for at in range(head):  # the adjectives before it agree with it: "главного инженера"
            adjective = _agreeing(_in_case(words[at], case, _ADJECTIVES), gender)
            if adjective is not None:
                out[at] = _as_written(_nominative_of(adjective, gender) or words[at], words[at])
    if person and name_start < len(words) and (head is None or name_start > head):
        # a person's name: its given name tells the gender its family name agrees in ("Анну Крылову")
        name_gender = None
        for at in range(name_start, len(words)):
            readings = _in_case(words[at], case, {"NOUN"}, names=True)
            reading = _agreeing(readings, name_gender) or (readings[0] if readings else None)
            if reading is None:
                continue
            name_gender = name_gender or reading.tag.gender
            nominative = _nominative_of(reading)
            if nominative:
                out[at] = _as_written(nominative, words[at])
    return " ".join(out)


@memoised(20_000)
def may_be_nominative(word: str) -> bool:
    """`word` has a reading in the nominative ("Дынкин", "Калашников"; not "Сурковым", "Петрову")."""
    return any(p.tag.case == "nomn" for p in _analyzer().parse(word))


@memoised(20_000)
def only_dative(word: str) -> bool:
    """`word` reads in the dative and never in the nominative: whom something was told ("журналистам",
    "Первому", "каналу", "Известиям"), never a subject ("Лавров", "служба", "РБК")."""
    cases = {p.tag.case for p in _analyzer().parse(word.strip("«»\"„“”,.;:"))}
    return "datv" in cases and "nomn" not in cases


@memoised(20_000)
def noun_readings(word: str) -> tuple[tuple[str, str, bool], ...]:
    """(dictionary form, case, whether animate) of each reading of `word` as a noun ("президента" ->
    ("президент", "gent", True), …)."""
    return tuple((p.normal_form, p.tag.case, p.tag.animacy == "anim")
                 for p in _analyzer().parse(word) if p.tag.POS == "NOUN")


def name_in_case(name: str, case: str) -> str | None:
    """A person's name the text writes in `case`, in the nominative ("Владимира Путина", "gent"); None when no
    word of it reads as a first name, patronymic or family name ("Федерального Собрания")."""
    if not any(any(tag in p.tag for tag in _NAME_TAGS) for word in name.split() for p in _analyzer().parse(word)):
        return None
    return name if case == "nomn" else russian_nominative(name, case)
