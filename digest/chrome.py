"""The chrome each language puts around a story, as data: "read more" lines and bylines.

`digest.extract.clean_text` removes chrome by its shape in any language, and its wording in English;
once an article's language is known, `clean_in_language` removes that language's own wording:
"Leia mais", "Lesen Sie auch", "Lire aussi", "Читайте также", "阅读更多", and the byline a text opens
with ("Por Matt Spetalnick e Jason Szep"). Only whole lines, or a byline before the first sentence,
are removed: never words inside a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from digest.extract import strip_dateline
from digest.languages import supported
from digest.quotes.speech import speech_of
from digest.text import LETTERS, lower_case_words


@dataclass(frozen=True)
class Chrome:
    read_more: str  # phrases that open a line pointing to other stories, "|"-separated
    by: str = ""  # the word a byline opens with ("Por", "Von")
    and_: str = ""  # the word between two authors ("e", "und")
    # headlines and sentences capitalise their first word and names only (not English title case, not
    # German nouns): a capital after a lower-case word, on a word the text also writes in lower case,
    # opens a sentence
    sentence_case: bool = True
    dotted_i: bool = False  # Turkish: İ is the capital of i, I of ı


_CHROME = {
    "de": Chrome("Lesen Sie auch|Lesen Sie mehr|Lesen Sie hier|Mehr zum Thema|Weiterlesen|Auch interessant"
                 "|Weitere Artikel|Zum Artikel|Hier geht es zum|Mehr dazu", "Von", "und", sentence_case=False),
    "fr": Chrome("Lire aussi|À lire aussi|A lire aussi|Lire la suite|Voir aussi|En savoir plus|Sur le même sujet"
                 "|Découvrez aussi|À voir aussi|Pour aller plus loin", "Par", "et"),
    "es": Chrome("Lee también|Lea también|Leer más|Ver también|Te puede interesar|Más información"
                 "|Noticias relacionadas|Sigue leyendo|Puedes leer", "Por", "y"),
    "pt": Chrome("Leia mais|Leia também|Leia a seguir|Saiba mais|Veja também|Veja mais|Continue lendo"
                 "|Notícias relacionadas", "Por", "e"),
    "it": Chrome("Leggi anche|Leggi tutto|Per saperne di più|Vedi anche|Articoli correlati|Potrebbe interessarti",
                 "Di", "e"),
    "nl": Chrome("Lees ook|Lees meer|Lees verder|Meer over|Bekijk ook", "Door", "en"),
    "ru": Chrome("Читайте также|Читать также|Читать далее|Читайте подробнее|Подробнее|Смотрите также"
                 "|Смотри также|По теме|Новости по теме", "Автор", "и"),
    "tr": Chrome("Devamını oku|Devamı için|Ayrıca bakınız|İlgili haberler|Bunlar da ilginizi çekebilir"
                 "|Haberin devamı", dotted_i=True),
    "zh": Chrome(sentence_case=False, read_more="阅读更多|相关阅读|延伸阅读|更多精彩|相关新闻|点击阅读|阅读全文|推荐阅读"),
    "ja": Chrome(sentence_case=False, read_more="関連記事|続きを読む|あわせて読みたい|こちらもおすすめ"),
    "ko": Chrome(sentence_case=False, read_more="관련기사|관련 기사|더 보기|기사 더보기|함께 보면 좋은 기사"),
}
_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё][\w'’.-]*"  # a name in Title Case (not a DATELINE in capitals)
_READ_MORE_WORDS = 25  # a line pointing elsewhere is short: a headline at most


@cache
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    chrome = _CHROME.get(code)
    if chrome is None:
        return None
    read_more = re.compile(rf"^(?:{chrome.read_more})\b\s*[:\-–—(»>]?", re.I if code != "de" else 0)
    byline = None
    if chrome.by:
        # each author with a first and a last name ("Por Lisboa passaram …" is no byline), then the
        # sentence or the dateline that opens the story, a dash, or the end of the line
        names = rf"{_NAME}(?:\s+(?:(?:de|da|do|dos|das|von|van|der|di|del|la|le)\s+)?{_NAME}){{1,3}}"
        authors = rf"{names}(?:(?:,\s*|\s+{chrome.and_}\s+){names})*" if chrome.and_ else names
        byline = re.compile(rf"^{chrome.by}\s+{authors}\s*(?:[-–—|,:]\s*|$|\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ(]))")
    return read_more, byline


_HEADLINE_WORDS = 14  # a headline run into the text is at most this long
_WORD = re.compile(r"\S+")


def split_run_in_headline(text: str, function_words: frozenset[str] = frozenset(), dotted_i: bool = False) -> str:
    """'Şeker tüketimi artıyor Geçenlerde ünlü tıp dergisi …': a headline run into the story's first
    sentence (feeds and pasted pages join them with a blank) goes on a line of its own, where the cleaning
    and the summariser treat it as a headline. It ends before a capitalised word (or one in capitals, as
    newspapers print a story's first word: "BENİM gibi") that the text also writes in lower case: a
    sentence's first word, not a name or an acronym. Only among the first words, before any stop or
    comma, and not after a function word ("la Tour Eiffel": a headline does not end with an article) or
    a noun that names follow ("A empresa Produtos Pirata")."""
    first, _, rest = text.partition("\n")
    lower_case = None
    previous = None
    for count, word in enumerate(_WORD.finditer(first)):
        token = word.group()
        if count > _HEADLINE_WORDS or previous is not None and previous.endswith((".", "!", "?", ":", ";", "…", ",")):
            return text
        letters = LETTERS.match(token)
        if count >= 2 and previous is not None and letters and previous[:1].islower() and token[:1].isupper() \
                and previous.lower() not in function_words:
            if lower_case is None:
                lower_case = lower_case_words(text)
            core = letters.group()
            lowered = (core.replace("İ", "i").replace("I", "ı") if dotted_i else core).lower()
            if len(core) > 1 and lowered in lower_case:
                return first[:word.start()].rstrip() + "\n" + first[word.start():] + ("\n" + rest if rest else "")
        previous = token
    return text


def clean_in_language(text: str, code: str | None) -> str:
    """`text` without the "read more" lines of its language and the byline it opens with, and with a
    headline run into its first sentence on a line of its own."""
    patterns = _patterns(code) if code else None
    if patterns is None:
        return text
    chrome = _CHROME[code]  # type: ignore[index]
    if chrome.sentence_case and (language := supported(code)) is not None:
        speech = speech_of(code)
        names_follow = frozenset(w.lower() for w in speech.name_nouns) if speech else frozenset()
        text = split_run_in_headline(text, language.function_words() | names_follow, chrome.dotted_i)
    read_more, byline = patterns
    lines = [line for line in text.split("\n")
             if not (read_more.match(line) and len(line.split()) <= _READ_MORE_WORDS)]
    if lines and byline is not None:
        found = byline.match(lines[0])
        if found and found.end() < len(lines[0]):
            lines[0] = strip_dateline(lines[0][found.end():])  # "Por … e … WASHINGTON (Reuters) - "
        elif found and len(lines) > 1:
            lines.pop(0)  # the byline on a line of its own
            lines[0] = strip_dateline(lines[0])
    return "\n".join(lines)
