"""What the newsroom knows of each language it reads, as data: one `Language` per ISO 639-1 code.

Everything language-specific that the summariser and the sentence splitter need is here, so that a
language is added by adding a row, not a branch: the sentence splitter's language (sentencex ships the
rules of ~300), the stemmer (sumy's Snowball stemmers, through NLTK; the `snowballstemmer` package for
the languages NLTK lacks), the stop words (sumy's lists, else the stopwords-iso collection), and how
words are told apart. Chinese and Japanese write no blanks between words and Korean glues particles to
them ("박사는" is 박사 + 는), so their terms are overlapping pairs of characters, the usual indexing unit
for these scripts (it needs no dictionary and no model); measured against jieba word segmentation in
bench/RESULTS.md.

A language missing here is read as "unsupported": its articles get their lead sentences and no quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from digest.text import HAN, HANGUL, KANA, find_words, words


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1
    name: str  # its English name, as sumy and NLTK name their resources
    stemmer: str | None  # a Snowball stemmer's name; None: words are compared as written
    pairs: bool = False  # terms are pairs of characters (Chinese, Japanese, Korean)
    ordinal_dot: bool = False  # "am 3. Oktober": a stop after a day's number does not end the sentence
    blanks: bool = True  # words are separated by blanks (Korean is; Chinese and Japanese are not)

    @property
    def rejoins(self) -> bool:
        """Whether `joins` can say yes for this language."""
        return self.pairs or self.ordinal_dot

    def stem(self) -> Callable[[str], str]:
        return _stemmer(self.name, self.stemmer)

    def stop_words(self) -> frozenset[str]:
        return _stop_words(self.code, self.name)

    def function_words(self) -> frozenset[str]:
        """The stop words with stopwords-iso's fuller list: what tells a sentence's adverbial or article
        ("Dazu", "Derzeit", "aux") from its subject or a name."""
        return _function_words(self.code, self.name)

    def joins(self, piece: str, following: str) -> bool:
        """The sentence splitter cut after `piece` where this language's writing does not end a sentence:
        a day's number before a month ("am 3. | Oktober"), a list's number in text whose sentences end
        with wide marks ("称：1. | 北京居民…")."""
        if not _ends_in_a_number_and_stop(piece):
            return False
        if self.pairs and _LIST_NUMBER_AT_END.search(piece):
            return True
        return self.ordinal_dot and _DAY_NUMBER_AT_END.search(piece) is not None \
            and following.split(None, 1)[0].strip(",.:;!?").lower() in _months(self.code)

    def word_count(self, text: str, tokens: list[str]) -> int:
        """How many words a sentence has (the summariser keeps sentences of 5 to 80): its tokens, or for
        character pairs its blank-separated words, or without blanks its characters over the average
        length of a word in those scripts."""
        if not self.pairs:
            return len(tokens)
        if self.blanks:
            return len(text.split())
        return round((len(tokens) + 1) / CHARACTERS_PER_WORD)

    def tokens(self, lowered: str) -> list[str]:
        """The word tokens of a lower-cased sentence that the summariser's terms are made of."""
        return character_pairs(lowered) if self.pairs else words(lowered)


_TABLE = [
    Language("en", "english", "english"),
    Language("de", "german", "german", ordinal_dot=True),
    Language("fr", "french", "french"),
    Language("es", "spanish", "spanish"),
    Language("pt", "portuguese", "portuguese"),
    Language("it", "italian", "italian"),
    Language("nl", "dutch", "dutch"),
    Language("ru", "russian", "russian"),
    Language("tr", "turkish", "turkish", ordinal_dot=True),
    Language("zh", "chinese", None, pairs=True, blanks=False),
    Language("ja", "japanese", None, pairs=True, blanks=False),
    Language("ko", "korean", None, pairs=True),
]
LANGUAGES: dict[str, Language] = {language.code: language for language in _TABLE}


def supported(code: str | None) -> Language | None:
    return LANGUAGES.get(code) if code else None


@cache
def _stemmer(name: str, algorithm: str | None) -> Callable[[str], str]:
    if algorithm is None:
        return str.lower
    from sumy.nlp.stemmers import Stemmer

    try:
        stem: Callable[[str], str] = Stemmer(name)
        return stem
    except LookupError:  # a language NLTK has no Snowball stemmer for (Turkish)
        import snowballstemmer

        return snowballstemmer.stemmer(algorithm).stemWord  # type: ignore[no-any-return]


@cache
def _stop_words(code: str, name: str) -> frozenset[str]:
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(name))
    except LookupError:  # sumy has no list for it (Russian, Turkish)
        import stopwordsiso

        return frozenset(stopwordsiso.stopwords(code))


CHARACTERS_PER_WORD = 1.5  # Chinese and Japanese words are ~1.5 characters long on average
_DAY_NUMBER_AT_END = re.compile(r"(?<!\d)\d{1,2}\.\Z")
_LIST_NUMBER_AT_END = re.compile(r"(?<![\d.])\d{1,2}\.\Z")


def _ends_in_a_number_and_stop(piece: str) -> bool:
    """What the two patterns above end with, asked first: they are anchored at the end, and a search
    for them tries every position of the piece."""
    return piece[-1:] == "." and piece[-2:-1].isdigit()


@cache
def _months(code: str) -> frozenset[str]:
    """The month names of a language, lower-cased, as dates write them ("oktober", "января")."""
    from babel.dates import get_month_names

    return frozenset(name.lower() for context in ("format", "stand-alone")
                     for name in get_month_names("wide", context=context, locale=code).values())


@cache
def _function_words(code: str, name: str) -> frozenset[str]:
    import stopwordsiso

    stop_words = _stop_words(code, name)
    return stop_words | frozenset(stopwordsiso.stopwords(code)) if stopwordsiso.has_lang(code) else stop_words


# the scripts written without blanks between words (Han and kana), or with particles glued on (Hangul)
_HAN_AND_KANA = KANA + HAN
_UNSPACED_RUN = re.compile(f"[{_HAN_AND_KANA}]+")


def count_words(text: str) -> int:
    """How many words a text of any script has: its `words`, a run of Chinese or Japanese characters
    counted as its length over the average length of a word there (a Chinese page is not "one word")."""
    unspaced = sum(len(run) for run in _UNSPACED_RUN.findall(text))
    if not unspaced:
        return len(words(text))
    return len(words(_UNSPACED_RUN.sub(" ", text))) + round(unspaced / CHARACTERS_PER_WORD)


def character_pairs(lowered: str) -> list[str]:
    """Tokens of CJK text: each run of those scripts as its overlapping pairs of characters ("空气质量" ->
    "空气", "气质", "质量"; a lone character stands for itself), then the other words as `words` gives them
    ("ibm"). The summariser counts them, so their order is the runs' and then the words'."""
    tokens = _PAIRS_AND_LONE_CHARACTERS(lowered)  # (one scan of the sentence, not one a run: a post has dozens)
    if not tokens:
        return words(lowered)
    tokens += find_words(_CJK_RUN.sub(" ", lowered))
    return tokens


_CJK = _HAN_AND_KANA + HANGUL
# at each character of a run, the pair it opens, or the character alone when its run is one long
_PAIRS_AND_LONE_CHARACTERS = re.compile(f"(?=([{_CJK}][{_CJK}]|(?<![{_CJK}])[{_CJK}](?![{_CJK}])))").findall
_CJK_RUN = re.compile(f"[{_CJK}]+")
