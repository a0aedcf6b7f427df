"""Direct quotations with their speakers, and the choice of an article's key quote.

A rule-based extractor: on news it is faster and more accurate than a parser-based
one (textacy + spaCy: ~110 ms per article and quote marks mis-paired across
paragraphs). The steps:

1. find quoted spans paragraph by paragraph (straight and curly double quotes; UK
   single quotes when an article uses no double quotes), carrying a span that
   runs to the end of a paragraph into the next paragraph that reopens a quote;
2. drop titles and scare quotes (`so-called "..."`, Title Case names of works);
3. attribute each span from the reporting clause around it (`"…," X said`,
   `"…," said X`, `X said: "…"`, `according to X`), resolving pronouns to the last
   named speaker and surnames to the fullest form of the name in the article;
4. merge spans split by a reporting clause (`"A," he said. "B."`) into one quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

from sumy.utils import get_stop_words

from digest.text import search_end, words

_STOP_WORDS = frozenset(get_stop_words("english")) | {"people"}

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|wrote|writes|explained|explains|noted|notes|stated|states|asked|asks"
    "|replied|replies|insisted|insists|continued|continues|warned|warns|argued|argues|recalled|recalls"
    "|declared|declares|claimed|claims|acknowledged|acknowledges|admitted|admits|suggested|suggests|tweeted"
    "|posted|read|reads|concluded|concludes|stressed|stresses|urged|urges|vowed|vows|announced|announces"
    "|testified|laughed|laughs|joked|jokes|shouted|cautioned|cautions|conceded|concedes|agreed|agrees"
    "|complained|complains|observed|predicted|predicts|remarked|responded|responds|commented|emphasized"
    "|emphasised|pointed out|went on|goes on|offered|recounted|quipped|mused|maintained|maintains|countered"
    "|counters|reported|reports|wrote in|whispered|yelled|screamed|chanted|sang|tells|describes|described"
    "|called|calls|voiced|added that|told reporters|announced|affirmed|confirmed|exclaimed|boasted|lamented"
    "|predicted|repeated|opined|sighed|begged|pleaded|demanded|promised|promises|estimated|estimates"
    "|remembers|remembered|recalls|explains|adds|writes|wrote|tweets|posts|stated|states|continues|notes"
)


def word_alternation(alternatives) -> str:
    """A regex matching any of `alternatives`, written as a trie ("s(?:a(?:id|ys?)|...)").

    Python's `re` tries the branches of a plain alternation one after another at every
    position; with ~150 reporting verbs that was most of the cost of finding quotes.
    In trie form each character is tested once. Longer forms are preferred
    ("added that" over "added"); the patterns around it backtrack either way.
    """
    trie: dict = {}
    for word in set(alternatives):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


_VERB = word_alternation(SPEECH_VERBS.split("|"))
# Verbs whose object is the listener or the thing said ("told CNN", "called it"): in the inverted
# form ("…," said X) only the others name the speaker after the verb.
_OBJECT_VERBS = {
    "told", "tells", "asked", "asks", "urged", "urges", "begged", "promised", "promises", "called", "calls",
    "described", "describes", "warned", "warns", "cautioned", "cautions", "offered", "posted", "posts",
    "voiced", "read", "reads", "estimated", "estimates", "remembered", "remembers", "told reporters",
    "announced", "announces", "confirmed", "reported", "reports", "tweeted", "tweets", "recalled", "recalls",
}
_VERB_WORDS = {w for verb in SPEECH_VERBS.split("|") for w in verb.split()}
_INVERTED_VERB = word_alternation(v for v in SPEECH_VERBS.split("|") if v not in _OBJECT_VERBS)
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    "father", "sister", "president", "vice", "prime", "minister", "sen", "senator", "rep", "representative",
    "gov", "governor", "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "sergeant",
    "judge", "justice", "mayor", "chancellor", "secretary", "chairman", "chairwoman", "ceo", "coach",
    "officer", "detective", "chief", "king", "queen", "prince", "princess", "pope", "saint", "st", "rabbi",
    "imam", "ambassador", "commissioner", "deputy", "attorney", "director", "spokesman", "spokeswoman",
    "defense", "defence", "foreign", "interior", "finance", "state", "u.s.", "former", "sheriff", "inspector",
    "secretary-general", "executive", "leader", "spokesperson", "head", "premier", "chief-executive",
    "councilman", "councilwoman", "congressman", "congresswoman", "lawmaker", "mp", "sgt.", "adm", "admiral",
    "actress", "actor", "singer", "rapper", "star", "designer", "photographer", "author", "writer", "editor",
    "analyst", "economist", "researcher", "scientist", "lawyer", "manager", "founder", "owner", "player",
    "striker", "goalkeeper", "captain", "champion", "bishop", "archbishop", "cardinal", "dean", "bassist",
}
_WORD_TITLES = {t for t in _TITLES if "." not in t}  # titles a word pattern can match ("u.s." is not one)
_CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_LAW_WORDS = {"act", "treaty", "accord", "accords", "amendment", "constitution", "convention", "protocol"}
_ORG_WORDS = {
    "university", "department", "ministry", "court", "agency", "party", "council", "committee", "times", "news",
    "post", "journal", "service", "association", "institute", "center", "centre", "foundation", "company",
    "corporation", "inc", "group", "office", "house", "bank", "police", "army", "navy", "force", "forces",
    "union", "nations", "organization", "organisation", "commission", "board", "network", "school", "college",
    "hospital", "church", "embassy", "government", "administration", "congress", "senate", "parliament",
    "medicine", "review", "magazine", "press", "reuters", "cnn", "bbc", "airlines", "club", "team", "league",
    "festival", "museum", "street", "city", "county", "state", "states", "republic", "kingdom", "province",
    "division", "bureau",
} | _CALENDAR_WORDS | _LAW_WORDS  # capitalised, but never a person
# the organisation words that end an organisation's name ("... Baptist Church", "... Court")
_ORG_NOUNS = _ORG_WORDS - _CALENDAR_WORDS - _LAW_WORDS - {
    "street", "city", "county", "state", "states", "republic", "kingdom", "province"}
_PRONOUNS = {"he", "she", "they", "him", "her", "we"}
# a capitalised word, initials ("J.", "U.S."), a bare initial before a name ("J Christopher Anderson";
# not "A" or "I"), or an Arabic article ("al-Assad")
_NAME_WORD = r"(?:(?:[A-Z]\.){1,3}(?!\w)|[A-Z][\w'’\-]*\w|(?<![\w.'’])[B-HJ-Z](?=\s+[A-Z][a-z])|(?:al|el|ad|as|ash)-[A-Z]?\w+)"
# where a name can start: a capital, or an Arabic article ("al-Assad"). A prefilter for the scans over
# every position of a text: `(?=[A-Zae])` let the whole name pattern be tried at every "a" and "e".
_NAME_START = r"(?=[A-Z]|[ae][lds]h?-)"
_HONORIFICS = "Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|St|Adm|Maj|Cpl|Det|Supt|Insp"
# (each guard, a lookahead of what the alternatives after it can start with, spares the patterns built on
# these the failing tries of every alternative: one test instead of 21 honorifics or 20 particles and name words)
_HONORIFIC = rf"(?:(?=[A-Z][a-z]{{1,3}}\.\s)(?:{_HONORIFICS})\.\s+)"
_BEFORE_NAME_WORD = r"(?=[A-Zabdeilv])"  # a particle or a name word starts so
_PARTICLE = r"(?:de|da|del|van|von|der|den|bin|ibn|al|el|la|le|di|du|dos)"


def _after_first_letter(alternatives: str) -> str:
    """"Dr|Det|Mr" -> "(?:(?<=D)(?:r|et)|(?<=M)(?:r))": the alternatives once a pattern has consumed
    their first letter, which each branch checks behind it."""
    rests: dict[str, list[str]] = {}
    for word in alternatives.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"(?<={first})(?:{'|'.join(rest)})" for first, rest in rests.items()) + ")"


# `{_HONORIFIC}?{_NAME_WORD}` for a word that starts with a capital, written to start with the capital for the
# scans over a whole text: `re` looks for a pattern's first character in C when it is a class, but tries a
# pattern that starts with a lookahead or an optional group at every position
_CAPITAL_NAME_WORD = (
    rf"[A-Z](?:(?=[a-z]{{1,3}}\.\s){_after_first_letter(_HONORIFICS)}\.\s+{_NAME_WORD}"
    r"|\.(?:[A-Z]\.){0,2}(?!\w)|[\w'’\-]*\w|(?<![\w.'’].)(?<=[B-HJ-Z])(?=\s+[A-Z][a-z]))")
_ARTICLE_NAME_WORD = r"(?:al|ad|as|ash|el)-[A-Z]?\w+"  # "al-Assad"
_RUN_TAIL = rf"(?:\s+{_BEFORE_NAME_WORD}(?:{_PARTICLE}\s+)?{_NAME_WORD})*"
# up to seven words: "Syrian National Coalition Acting Chairman George Sabra" (the titles are cut later)
_NAME = rf"(?:{_HONORIFIC}?{_NAME_WORD}(?:\s+{_BEFORE_NAME_WORD}(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,6}})"
# a lower-case description: "the ministry", "a spokesman for the company", "one taxi driver"
_NOT_IN_DESC = (r"(?!(?:and|or|but|that|which|who|whom|when|while|as|if|because|after|before|is|was|were|are|has"
                r"|had|have|he|she|they|it|we|i|said|says|told|added)\b)")
_DESC = rf"(?:(?:[Tt]he|[Aa]|[Aa]n|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:{_NOT_IN_DESC}[\w\-.'’]+\s+){{0,4}}?{_NOT_IN_DESC}[a-z][\w\-'’]*)"
# "U.S. captain Zach Parise", "the company's chief executive Tim Cook": a role before the name
_ROLE_NAME = rf"(?:(?:{_NAME}|the|a|an)(?:'s|’s)?\s+(?:[a-z][\w\-]*\s+){{1,3}})?{_NAME}"
_WHO = rf"(?P<who>{_ROLE_NAME}|{_DESC}|he|she|they|it|we|I)"
# the lower-case words a subject can start with: a determiner or a pronoun
_SUBJECT_WORDS = r"(?:the|a|an|one|another|his|her|their|its|he|she|they|it|we)\b"
# where a subject can start, for the searches that try one at every position of a sentence: a word that
# starts with a capital, an Arabic article, a determiner or a pronoun (not "he" inside "bathe")
_SUBJECT_START = rf"(?<!\w)(?=[A-Z]|[ae][lds]h?-|{_SUBJECT_WORDS})"
_APPOSITIVE = r"(?:,\s+[^,\"“”]{1,90},)?"

# text right after the closing mark
_AFTER_WHO_VERB = re.compile(rf"^[\s,—–-]*{_WHO}{_APPOSITIVE}\s+(?:\w+ly\s+)?(?:{_VERB})\b")
# where a description after the verb ends: "said the appeals court." (not "the appeals"), "said a
# spokesman for the company" (the head before "for")
_DESC_END = (r"(?=\s*(?:[,.;:!?)\"”]|$)|\s+(?:for|of|at|in|on|with|from|who|which|that|after|before|when|while"
             r"|during|about|to|and|as)\b)")
# a group named without an article: '"…," federal prosecutors said', '"…," police said'
_AFTER_GROUP_VERB = re.compile(
    rf"^[\s,—–-]*(?!{_VERB}\b)(?P<who>(?:some\s+)?(?:{_NOT_IN_DESC}[a-z][\w\-]*\s+)?(?:police|{_NOT_IN_DESC}[a-z][\w\-]*s))"
    rf"\s+(?:\w+ly\s+)?(?:{_VERB})\b")
# an organisation named in full, function words and all: '"…," the National Gay and Lesbian Task Force said'
_ORG_NAME = r"(?:[A-Z][\w.'’&\-]*(?:\s+(?:(?:and|of|for|on|&)\s+)?[A-Z][\w.'’&\-]*)+)"
_ORG_FULL_NAME = re.compile(rf"(?=.*\s(?:and|of|for|on|&)\s){_ORG_NAME}")  # with a function word inside
_AFTER_ORG_VERB = re.compile(rf"^[\s,—–-]*(?:the|The)\s+(?P<who>{_ORG_NAME})\s+(?:\w+ly\s+)?(?:{_VERB})\b")
_AFTER_VERB_WHO = re.compile(rf"^[\s,—–-]*(?:{_INVERTED_VERB})\s+(?P<who>{_ROLE_NAME}|{_DESC}{_DESC_END})")
# an auxiliary or adverb between subject and verb: "Badie has said", "the Kremlin later said"
_AUXILIARIES = ("has", "have", "had", "would", "will", "also", "later", "then", "once")
_AUXILIARY = rf"(?:(?:{'|'.join(_AUXILIARIES)})\s+)?"
_ACCORDING = rf"according to\s+(?P<who>{_NAME}|{_DESC})"
_AFTER_ACCORDING = re.compile(rf"^[\s,—–-]*{_ACCORDING}")
# text right before the opening mark (the end of the narration that introduces it)
_BEFORE_WHO_VERB = re.compile(
    rf"{_SUBJECT_START}{_WHO}{_APPOSITIVE},?\s+{_AUXILIARY}(?:\w+ly\s+)?(?:{_VERB})(?:\s+[\w'’.\-]+){{0,6}}?"
    r"\s*(?:that\s*)?[:,]?\s*$"
)
# "Bobbi Brown released a statement saying "…"": the statement speaks for whoever issued it
_BEFORE_WHO_ISSUED = re.compile(
    rf"{_SUBJECT_START}{_WHO}{_APPOSITIVE},?\s+{_AUXILIARY}(?:released|issued|posted|put out|sent|published|tweeted)\s+"
    rf"(?:a|an)\s+(?:[\w\-]+\s+){{0,2}}?(?:statement|tweet|message|note|letter|video)\s+"
    rf"(?:saying|that said|that read|reading|which said)\s*[:,]?\s*$")
_BEFORE_VERB_WHO = re.compile(rf"(?:{_INVERTED_VERB})\s+(?P<who>{_ROLE_NAME}){_APPOSITIVE}\s*[:,]\s*$")
_BEFORE_ACCORDING = re.compile(rf"{_ACCORDING}\s*,?\s*$")
# anywhere in the sentence (for fragments woven into narration)
_SENTENCE_WHO_VERB = re.compile(rf"{_SUBJECT_START}{_WHO}{_APPOSITIVE}\s+{_AUXILIARY}(?:\w+ly\s+)?(?:{_VERB})\b")
_VERB_WORD = re.compile(rf"\b{_VERB}\b")
_VERB_REACH = 160  # a verb and at most six words before the quote's opening mark
_ISSUED_HINT = re.compile(r"(?:saying|said|read|reading)\s*[:,]?\s*$")


def _sentence_who_verb(text: str) -> re.Match | None:
    """`_SENTENCE_WHO_VERB.search(text)`, at the cost of a plain scan when the text has no reporting verb
    (the search tries a subject at every position first)."""
    return _SENTENCE_WHO_VERB.search(text) if _VERB_WORD.search(text) else None


_CLAUSE_AT_END = re.compile(rf",\s+{_WHO}\s+{_AUXILIARY}(?:\w+ly\s+)?(?:{_VERB})\s*[.!?]?\s*$")
_SENTENCE_ACCORDING = re.compile(rf"\b{_ACCORDING}")
_ANY_VERB_WHO = re.compile(rf"(?:{_INVERTED_VERB})\s+(?P<who>{_ROLE_NAME})")
# "Gladys Block, a professor": found from the ", a" (rare, so quick to scan for), then the name before it
_APPOSITIVE_START = re.compile(
    rf",\s+(?:(?:a|an|who|the)\s+[a-z]|(?:(?:senior|vice|deputy|chief|former|assistant)\s+)*"
    rf"{word_alternation(_WORD_TITLES)}\b)")
_NAME_BEFORE_APPOSITIVE = re.compile(rf"(?<![\w'’.-]){_NAME_START}(?P<who>{_NAME_WORD}\s+{_NAME})\Z")
# Words right before a quoted fragment that make it a name or a scare quote, not speech.
_SCARE_CUE = re.compile(
    r"\b(?:so-called|dubbed|titled|entitled|named|nicknamed|known as|the term|the word|the phrase|the words|"
    r"what (?:\w+ ){0,3}calls?|the book|the film|the movie|the show|the song|the album|the series|the play|"
    r"the program(?:me)?|the campaign|the slogan|the hashtag|magazine|newspaper|label(?:led|ed)?)\s*$",
    re.IGNORECASE,
)
# the words `_SCARE_CUE` can end with (as endings: "so-called" ends with "called")
_SCARE_CUE_ENDS = ("called", "dubbed", "titled", "named", "as", "term", "word", "words", "phrase", "call", "calls",
                   "book", "film", "movie", "show", "song", "album", "series", "play", "program", "programme",
                   "campaign", "slogan", "hashtag", "magazine", "newspaper", "label", "labelled", "labeled")


def _last_word(text: str) -> str:
    """The last blank-separated piece of `text` ("" for none): what an end-anchored cue must end."""
    last = text.rsplit(None, 1)[-1:]
    return last[0] if last else ""


def _scare_cue_before(narration: str) -> bool:
    """`search_end(_SCARE_CUE, narration, 80)`, the pattern (which ignores case, so is tried from each of the
    80 positions) run only when the last word could end a cue. (Lower-casing is the pattern's case
    folding for ASCII words; other words go to the pattern.)"""
    last = _last_word(narration)
    if not last or last.isascii() and not last.lower().endswith(_SCARE_CUE_ENDS):
        return False
    return bool(search_end(_SCARE_CUE, narration, 80))


# Weaker cues ('its "new normal"', 'seen as "a betrayal"'): speech when someone in the sentence says it
# ('The CDC calls insufficient sleep a "health epidemic"').
_WEAK_SCARE_CUE = re.compile(r"\b(?:as|a|an|the|its|his|her|their|our|my)\s*$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[:;]\s+|—\s*|--\s*)$")
_ENDS_WITH_VERB = re.compile(rf"\b{_VERB}\s*$")
_VERB_LAST_WORDS = tuple({verb.split()[-1] for verb in SPEECH_VERBS.split("|")})


def _ends_with_verb(narration: str) -> bool:
    """`search_end(_ENDS_WITH_VERB, narration, 40)`, run only when the last word can end a reporting verb."""
    return _last_word(narration).endswith(_VERB_LAST_WORDS) and bool(search_end(_ENDS_WITH_VERB, narration, 40))

# `"A," he said. "B."`: nothing between two spans but a reporting clause, which may name where it
# was said ("told NHL.com", "said in a speech broadcast on Al Manar Television")
_REPORTING_ONLY = re.compile(
    rf"^[\s,—–-]*(?:{_WHO}{_APPOSITIVE}\s+(?:\w+ly\s+)?(?:{_VERB})"
    rf"|(?:{_VERB})\s+(?:{_NAME}|{_DESC}|(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}[A-Z][\w\-]*){_APPOSITIVE})"
    r"(?:[^.\"“”]|\.(?=\w)){0,100}?[.,:]?\s*$")

_CLOSERS_D = "\"”"


@dataclass(slots=True)
class Quote:
    quote: str
    speaker: str | None
    kind: str  # "full" | "partial"
    start: int
    parts: list[str] = field(default_factory=list)
    end: int = -1  # offset just past the last quoted character of the last part

    def as_dict(self) -> dict:
        return {"quote": self.quote, "speaker": self.speaker}

    def add_part(self, content: str, end: int) -> None:
        """A further span of the same quotation (the next paragraph, or after "he said")."""
        self.parts = (self.parts or [self.quote]) + [content]
        self.quote, self.end = " ".join(self.parts), end


@dataclass(slots=True)
class _Span:
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
_DOUBLE_MARK = re.compile(f"[{_DOUBLE_MARKS}]")


def _double_marks(text: str) -> list[int]:
    """Where the double quotation marks are, in order: `_DOUBLE_MARK.finditer` at a seventh of its cost. re
    scans for one character at C speed but tries a set of them at every position (40 µs an article, against
    6 here): each kind of mark that is there is found on its own, and the rare text with two kinds sorted."""
    kinds = [mark for mark in _DOUBLE_MARKS if mark in text]
    found = [at for mark in kinds for at in _occurrences(text, mark)]
    if len(kinds) > 1:
        found.sort()
    return found


def _occurrences(text: str, part: str):
    """Where `part` starts in `text`, every time, in order (overlapping ones included)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _double_spans(text: str) -> list[_Span]:
    """Spans between double quotation marks, paragraph by paragraph; a quote still open at the end of a
    paragraph runs to its end (`open_end`). A second curly opener restarts an unclosed span. (The marks are
    found by `_double_marks`; the line breaks between two marks are counted in C.)"""
    spans: list[_Span] = []
    p_index, open_at, last = 0, None, 0
    for at in chain(_double_marks(text), (None,)):
        i, ch = (len(text), "") if at is None else (at, text[at])
        breaks = text.count("\n", last, i)
        if breaks or at is None:  # the paragraph ends before this mark (or the text does)
            if open_at is not None:
                end = text.find("\n", open_at, i)
                end = i if end < 0 else end
                if open_at + 1 < end:
                    spans.append(_Span(open_at + 1, end, p_index, True))
                open_at = None
            p_index += breaks
        last = i
        if at is None:
            break
        if open_at is None:
            open_at = None if ch == "”" else i  # every mark but the closing curly one opens
        elif ch in _CLOSERS_D:
            if i > open_at + 1:
                spans.append(_Span(open_at + 1, i, p_index, False))
            open_at = None
        elif ch == "“" and text[open_at] == "“":
            open_at = i
    return spans


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[A-Za-z0-9…])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?=[\s.,;:!?)\]—–-]|$)")


def _single_spans(text: str) -> list[_Span]:
    """UK style '…' / ‘…’ quotes; apostrophes inside words never open or close one."""
    spans: list[_Span] = []
    for p_index, (base, line) in enumerate(_paragraph_offsets(text)):
        pos = 0
        while True:
            opener = _SINGLE_OPEN.search(line, pos)
            if not opener:
                break
            closer = None
            for cand in _SINGLE_CLOSE.finditer(line, opener.end()):
                before = line[cand.start() - 1]
                # "workers' party": plural possessive, not a close, unless punctuation precedes it
                if before == "s" and cand.end() < len(line) and line[cand.end():cand.end() + 2].strip()[:1].islower():
                    continue
                closer = cand
                break
            if closer is None:
                if len(words(line[opener.end():])) >= 4 and line.rstrip()[-1:] in ".!?":
                    spans.append(_Span(base + opener.end(), base + len(line), p_index, True))
                break
            content = line[opener.end():closer.start()]
            if len(words(content)) >= 1:
                spans.append(_Span(base + opener.end(), base + closer.start(), p_index, False))
            pos = closer.end()
    return spans


def _link_continuations(text: str, spans: list[_Span]) -> None:
    for prev, cur in zip(spans, spans[1:]):
        if prev.open_end and cur.paragraph == prev.paragraph + 1:
            line_start = text.rfind("\n", 0, cur.start) + 1
            if text[line_start:cur.start - 1].strip() == "":
                cur.continues = True


_VERB_FIRST_WORD = re.compile(rf"{word_alternation(a.split()[0] for a in SPEECH_VERBS.split('|'))}(?![\w'’-])")
_VERB_AFTER_SPACE = re.compile(rf" ({_VERB_FIRST_WORD.pattern})")
_VERB_AFTER_BREAK = re.compile(rf"\n({_VERB_FIRST_WORD.pattern})")


def _verb_starts(text: str) -> list[int]:
    """Where the first word of a reporting verb starts the text or follows a space or a line break. (With
    one character before the verb re looks for it in C, and tries the verbs only there; a leading `\\b`
    made it enter the pattern at every position, at twice the cost, and the set `[ \\n]` at every
    position too, a third more than a scan for the space and one for the line break. A verb glued to a
    quotation mark, a bracket or a dash is left out: nothing before it can be its subject, and in 2000
    articles none names anyone after it.)"""
    starts = [match.start(1) for match in _VERB_AFTER_SPACE.finditer(text)]
    if "\n" in text:
        after_break = [match.start(1) for match in _VERB_AFTER_BREAK.finditer(text)]
        if after_break:
            starts = sorted(starts + after_break)
    if _VERB_FIRST_WORD.match(text):
        starts.insert(0, 0)
    return starts


# the subject of a verb that stands at the search's `endpos`
_WHO_BEFORE_VERB = re.compile(
    rf"(?<![\w'’.-])(?=[A-Z]|{_SUBJECT_WORDS})"
    rf"{_WHO}{_APPOSITIVE},?\s+{_AUXILIARY}(?:\w+ly\s+)?\Z")
_LOOKBACK = 200  # characters before a reporting verb in which its subject is looked for
_PRONOUN_BEFORE = re.compile(r"(?<![\w'’.-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+\Z")


def _may_end_with_a_name(before: str) -> bool:
    """Can the subject of a verb preceded by `before` end with a name? It is the last word before the
    verb but for an adverb or an auxiliary ("Smith later said"), or stands before a comma (an
    appositive: "Gladys Block, a professor, said"). A subject that ends in a lower-case word ("the
    officials", "U.S. officials") is no run of names, which end with a capital or an "al-", so nothing
    `_Names` asks of the speakers can be its answer, and its search (most of the cost of finding who
    speaks) is not run. Same analyses of the 2000 CNN articles with and without the filter."""
    for word in reversed(before.split()):
        if not word.islower() or "," in word or "-" in word:  # a capital, an initial, "al-Assad", a comma
            return True
        if word not in _BETWEEN_SUBJECT_AND_VERB and not word.endswith("ly"):
            return False
    return False


def _reporting_subjects(text: str):
    """The subjects and objects of reporting verbs ("X said", "said X"). Equivalent to running the
    WHO-verb patterns over the whole text, but only tried where a reporting verb stands: the verb
    alternation at every character was most of the cost."""
    for verb_at in _verb_starts(text):
        after = _ANY_VERB_WHO.match(text, verb_at)
        if after:
            yield after.group("who")
        if _PRONOUN_BEFORE.search(text, max(0, verb_at - 6), verb_at):
            continue  # "he said": a pronoun names nobody new (and was the search's answer, at a cost)
        # the subject stands in the same paragraph, after any quotation
        reach = max(0, verb_at - _LOOKBACK)  # (bounded: a search back to the start made long texts quadratic)
        low = max(reach, text.rfind("\n", reach, verb_at), text.rfind('"', reach, verb_at),
                  text.rfind("”", reach, verb_at), text.rfind("“", reach, verb_at))
        if not _may_end_with_a_name(text[low:verb_at]):
            continue
        before = _WHO_BEFORE_VERB.search(text, low, verb_at)
        if before:
            yield before.group("who")


_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]n?)\s+\Z")


def _name_stretch(text: str, low: int, end: int) -> int:
    """Where the blank-separated pieces of `text[low:end]` that can belong to a name begin: a name word has
    a capital (or a digit, or an "al-" hyphen), a particle joins two. A name that ends at `end` starts
    inside this stretch, so a search for it need not try the positions before."""
    at = end
    for piece in reversed(text[low:end].split()):
        if piece.islower() and "-" not in piece and piece not in _PARTICLES:
            break
        at = text.rfind(piece, low, at)  # (the last piece before `at`: no blank inside it)
    return at


def _appositives(text: str):
    """(name match, comma) for each person introduced with an appositive ("Gladys Block, a professor")."""
    for comma in _APPOSITIVE_START.finditer(text):
        end = comma.start()
        match = _NAME_BEFORE_APPOSITIVE.search(text, _name_stretch(text, max(0, end - 100), end), end)
        if match and not _INDEFINITE_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            yield match, comma  # (not "a Native American, a ...": a person's name takes no article)


@lru_cache(maxsize=20_000)
def _organisation(raw: str) -> str | None:
    """A capitalised run that names an organisation ("the Westboro Baptist Church" -> "Westboro
    Baptist Church"): it holds an organisation word and is not only a weekday or month."""
    parts = [p for p in raw.split() if p[:1].isupper()]
    while parts and parts[0].lower() in _LEADING_FUNCTION_WORDS:
        parts.pop(0)
    if len(parts) < 2 or not any(p.lower() in _ORG_NOUNS for p in parts):
        return None
    return " ".join(parts).strip(" ,.")


def _title_of(raw: str) -> str | None:
    """The title a name is given in this mention: "Jefferson County Sheriff Fred Abdalla" -> "sheriff"."""
    for part in reversed(raw.lower().split()[:-1]):
        if (title := part.rstrip(".")) in _TITLES:
            return title
    return None


# words that join the names of things, never a person's: "Students Teaching About Racism", "Friends of Syria"
_NOT_IN_NAMES = {"of", "for", "about", "and", "the", "in", "on", "to", "with", "against", "from", "by", "at", "into",
                 "over", "under", "&"}


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Z]\.?")  # "P.", "U.S", "U.S.", "J" (not "FIFA")


@lru_cache(maxsize=20_000)
def _person_name(raw: str) -> str | None:
    """A capitalised run as a possible person's name; None for organisations, institutions and
    capitalised function words ("She", "People", "Then")."""
    name = clean_name(raw)
    lower = name.lower().split()
    if not lower:
        return None
    # (set operations in C where no part has a dot to strip: each new name in an article comes here)
    if any(p.strip(".") in _ORG_WORDS for p in lower) if "." in name else not _ORG_WORDS.isdisjoint(lower):
        return None
    if len(lower) > 1 and not _NOT_IN_NAMES.isdisjoint(lower[1:]):
        return None  # "Students Teaching About Racism": a name of a thing, not of a person
    if len(lower) == 1 and lower[0] in _STOP_WORDS:
        return None
    parts = name.split()
    if parts[0].isupper() and (all(_INITIALS.fullmatch(p) for p in parts) or (  # (initials are upper case)
            len(parts) == 2 and _INITIALS.fullmatch(parts[0]) and lower[1] in _STOP_WORDS)):
        return None  # "U.S", "P. So": initials alone, or a sentence's first word after one
    return name


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _surname(parts: list[str]) -> str:
    """The family name of a parsed name: the last part that is not a suffix ("Samuel Mullet Sr.")."""
    for part in reversed(parts):
        if part.lower().rstrip(".") not in _SUFFIXES:
            return part.lower()
    return parts[-1].lower()


def _is_form_of(short: list[str] | tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"fred abdalla" is a form of "fred j. abdalla": its parts appear in the fuller name in order
    (both lower-cased)."""
    rest = iter(full)
    return all(part in rest for part in short)


@lru_cache(maxsize=20_000)
def _lower_parts(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


@lru_cache(maxsize=20_000)
def _name_profile(raw: str) -> tuple[str, list[str], str, str | None] | None:
    """(name, its words, family name, title in this mention) of a capitalised run naming a person,
    else None: the same runs recur in every article ("Obama", "He", "The"), so this is worked out once."""
    name = _person_name(raw)
    if name is None:
        return None
    parts = name.split()
    return name, parts, _surname(parts) if 2 <= len(parts) <= 5 else "", _title_of(raw)


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip()
    return not before or before[-1] in ".!?:\"”“"


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")


def _keeps_its_article(who: str, in_text: Callable[[str], bool]) -> bool:
    """"The Sun reported": a name whose "The" the article also writes in capitals mid-sentence
    ("according to The Sun") is a name with its article, like a newspaper's."""
    rest = who[4:]
    return (who.startswith("The ") and bool(_CAPITALISED_RUN.fullmatch(rest))
            and in_text(rf"[a-z,;]\s+The\s+{re.escape(rest)}\b"))


_POSTED_IN = {"embassy", "consulate", "mission"}  # named with the city they sit in
_SEAT = re.compile(r"\s+in\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")


# capitalised runs of any length: "Air New Zealand CEO Christopher Luxon" is cut at the title later
_CAPITAL_RUN = re.compile(_CAPITAL_NAME_WORD + _RUN_TAIL)
_ARTICLE_RUN = re.compile(_ARTICLE_NAME_WORD + _RUN_TAIL)
_ARTICLE_HYPHEN = re.compile(r"-(?:(?<=al-|el-|ad-|as-)|(?<=ash-))")  # the hyphen of "al-", "ash-", ...


def _name_runs(text: str):
    """The runs of name words in `text`, in order and not overlapping: what one scan for runs that start
    with a capital or an Arabic article finds. That scan was entered at every "a" and "e" of the text; here
    the capitals are one scan and the rare articles are found from their hyphen (a third cheaper). Each
    part of the text is read once, as by the one scan: an article inside a run found already is not
    tried, and the next capital is searched for again only once the runs have passed it."""
    hyphens = [match.start() for match in _ARTICLE_HYPHEN.finditer(text)]
    if not hyphens:
        yield from _CAPITAL_RUN.finditer(text)
        return
    pos = 0
    capital = _CAPITAL_RUN.search(text)
    for hyphen in hyphens:
        start = hyphen - 3 if hyphen >= 3 and text.startswith("ash", hyphen - 3) else hyphen - 2
        while capital is not None and capital.start() < start:
            yield capital
            pos = capital.end()
            capital = _CAPITAL_RUN.search(text, pos)
        if start < pos:
            continue  # inside a run found already
        article = _ARTICLE_RUN.match(text, start)
        if article is None:
            continue
        yield article
        pos = article.end()
        if capital is not None and capital.start() < pos:
            capital = _CAPITAL_RUN.search(text, pos)
    while capital is not None:
        yield capital
        capital = _CAPITAL_RUN.search(text, capital.end())


class _Names:
    """People and organisations named in the article: full forms, and who was mentioned last.

    "Palacios" and "Fred Abdalla" become "Alvaro Palacios" and "Fred J. Abdalla" (the
    fullest mention with that family name), "Westboro" and "the church" become "Westboro
    Baptist Church", "the pope" the last person named with that title, and a pronoun
    resolves to the person most recently named before the quote.
    """

    def __init__(self, text: str):
        self._text = text
        self._full: dict[str, str] = {}
        self.forms: dict[str, list[str]] = {}  # family name -> the names with it, in order of mention
        self.by_other: dict[str, str] = {}  # a given name (or a family-name-first name's first part)
        self.orgs: list[tuple[int, str]] = []
        runs: list[tuple[int, str, int, str | None]] = []  # (position, name, number of words, title)
        forms, by_other = self.forms, self.by_other
        for match in _name_runs(text):
            raw, at = match.group(), match.start()
            profile = _name_profile(raw)
            if profile is None and raw.lower() in forms and not _opens_sentence(text, at):
                profile = raw, [raw], "", None  # "added See": a family name that is also a word
            if profile is None:
                org = _organisation(raw)
                if org:
                    if org.rsplit(None, 1)[-1].lower() in _POSTED_IN:  # "the U.S. Embassy in Kabul"
                        seat = _SEAT.match(text, match.end())
                        org = f"{org} in {seat.group(1)}" if seat else org
                    self.orgs.append((at, org))
                continue
            name, parts, surname, title = profile
            if 2 <= len(parts) <= 5:
                same_surname = forms.setdefault(surname, [])
                if name not in same_surname:
                    same_surname.append(name)
                for part in parts[:-1]:
                    by_other.setdefault(part.lower(), name)
            runs.append((at, name, len(parts), title))
        self._org_by_word: dict[str, str] = {}  # "westboro" -> "Westboro Baptist Church", first named first
        for _, org in self.orgs:  # `_organisation` names have two or more words
            for part in org.lower().split(" in ")[0].split():  # (not the city of "Embassy in Kabul")
                self._org_by_word.setdefault(part, org)
        self._runs = runs
        # positions, for the questions "who was named last before here?" (a bisection, not a walk: the
        # cost of an article stays linear in its length)
        self._orgs_at = [pos for pos, _ in self.orgs]

    @cached_property
    def titled(self) -> list[tuple[int, str, str]]:
        """(position, title, name) of each person named with a title: "Pope Benedict XVI", "British
        photographer Jimmy Nelson" (the title in lower case before the name)."""
        return [(pos, title, name) for pos, name, _, named_title in self._runs
                if (title := self._title(pos, named_title))]

    def _title(self, position: int, named_title: str | None) -> str | None:
        """The title of the name run at `position`: its own ("Pope"), else a lower-case one before it."""
        return named_title or _lower_title_before(self._text, position)

    @cached_property
    def _titled_at(self) -> list[int]:
        return [pos for pos, _, _ in self.titled]

    @cached_property
    def _runs_at(self) -> list[int]:
        return [pos for pos, _, _, _ in self._runs]

    # Who speaks, and where each speaker is named, is only needed for a quote that has no name of its own
    # ("he said", a paragraph that is all quote): worked out when first asked for (in three articles of four).

    @cached_property
    def _introductions(self) -> list[tuple[re.Match, re.Match]]:
        return list(_appositives(self._text))

    @cached_property
    def _speakers(self) -> set[str]:
        """A mention counts as a person when that person speaks somewhere in the article or is
        introduced with an appositive ("Gladys Block, a professor ..."): places and organisations are
        named often, but rarely that way."""
        speakers = set()
        for raw in chain(_reporting_subjects(self._text), (match.group("who") for match, _ in self._introductions)):
            who = clean_name(raw)
            # (a stop word is a pronoun or the like, unless it is someone's family name: "added See")
            if who and who[0].isupper() and (who.lower() not in _STOP_WORDS or who.lower() in self.forms):
                speakers.add(self.full(who))
        return speakers

    @cached_property
    def introduced(self) -> list[tuple[int, set[str], str]]:
        """"Ken Druck, a grief expert," -> "the expert" later means Ken Druck."""
        introduced = []
        for match, comma in self._introductions:
            person = _person_name(match.group("who"))
            if person:
                # the role itself: "director of North Korea policy at the ministry" -> "director"
                role = _ROLE_END.split(self._text[comma.start() + 1:comma.start() + 120], 1)[0]
                introduced.append((match.start(), set(words(role.lower())), self.full(person)))
        return introduced

    @cached_property
    def mentions(self) -> list[tuple[int, str]]:
        """(position, full name) of each mention of a person who speaks, named in full: a one-word name
        that never gets a first name, "Syria said", is a place or a body far more often than someone a
        later "he" means."""
        speakers = self._speakers
        groups = {full for full in speakers if self._is_people_of_a_place(full)}
        # A name's fullest form holds its last word ("Abdalla" -> "Fred J. Abdalla"), so a name whose last
        # word no speaker has is not worked out: most capitalised runs are places and bodies.
        speaker_words = {word for full in speakers for word in full.lower().split()}
        spoken = {n: full for n in {n for _, n, _, _ in self._runs}
                  if n.rpartition(" ")[2].lower() in speaker_words
                  and (full := self.full(n)) in speakers and " " in full and full not in groups}
        return [(pos, spoken[n]) for pos, n, _, _ in self._runs if n in spoken]

    @cached_property
    def _positions(self) -> list[int]:
        return [pos for pos, _ in self.mentions]

    @cached_property
    def people(self) -> set[str]:
        return {full for _, full in self.mentions}

    @cached_property
    def _anyone(self) -> list[tuple[int, str]]:
        """(position, full name) of anyone named in full, or in one word when they speak."""
        speakers = self._speakers
        return [(pos, self.full(n)) for pos, n, size, _ in self._runs if size > 1 or n in speakers]

    @cached_property
    def _anyone_at(self) -> list[int]:
        return [pos for pos, _ in self._anyone]

    def full(self, name: str) -> str:
        """The fullest mention of the person `name` is a form of; organisations by their full name.
        Asked ~70 times an article for a handful of names (only once every mention is read), so answers
        are kept."""
        known = self._full.get(name)
        if known is None:
            known = self._full[name] = self._fullest(name)
        return known

    def _fullest(self, name: str) -> str:
        parts = name.lower().split()
        if not parts:
            return name
        forms = [f for f in self.forms.get(_surname(parts), ()) if _is_form_of(parts, _lower_parts(f))]
        if forms:
            # the first mention, or a later, fuller form of it ("Fred Abdalla" -> "Fred J. Abdalla")
            first = _lower_parts(forms[0])
            return max((f for f in forms if _is_form_of(first, _lower_parts(f))), key=lambda f: len(_lower_parts(f)))
        if len(parts) == 1:
            key = parts[0]
            if key in self.by_other:
                return self.by_other[key]
            if key in self._org_by_word:
                return self._org_by_word[key]
        return name

    def described(self, description: str, position: int) -> str | None:
        """"the church" / "the pope" / "the expert": the titled person, the person introduced with
        that word ("Ken Druck, a grief expert") or the organisation named last before `position` whose
        title, introduction or last word is the description's head noun."""
        head = description.split()[-1].lower()
        head = _TITLE_SYNONYMS.get(head, head)
        for _, title, name in reversed(self.titled[:bisect.bisect_left(self._titled_at, position)]):
            if title == head:
                return self.full(name)
        for pos, described_as, name in reversed(self.introduced):
            if pos < position and head in described_as:
                return name
        for _, org in reversed(self.orgs[:bisect.bisect_left(self._orgs_at, position)]):
            if org.split()[-1].lower() == head:
                return org
        return None

    def organisation_before(self, position: int, reach: int = 400) -> str | None:
        """"…," it said: the organisation named last, not long before."""
        index = bisect.bisect_left(self._orgs_at, position) - 1
        if index < 0:
            return None
        pos, org = self.orgs[index]
        return org if position - pos <= reach else None

    def last_before(self, position: int) -> str | None:
        """The person who speaks somewhere in the article named last before `position`; failing
        that, anyone named in full before it (someone quoted only as "she said")."""
        index = bisect.bisect_left(self._positions, position) - 1
        # someone introduced with a title in this very paragraph may be speaking for the first time
        # ("Air New Zealand spokesperson Andrew Aitken refuted those comments. '…,' he said")
        paragraph = self._text.rfind("\n", 0, position) + 1
        # (the titles of this paragraph's names only: `titled` for the whole article is rarely needed)
        runs = self._runs[bisect.bisect_left(self._runs_at, paragraph):bisect.bisect_left(self._runs_at, position)]
        for pos, name, _, named_title in reversed(runs):
            if not self._title(pos, named_title):
                continue
            if " " in name:
                if index < 0 or pos > self._positions[index]:
                    return self.full(name)
                break
        if index >= 0:
            return self.mentions[index][1]
        earlier = bisect.bisect_left(self._anyone_at, position)
        return self._anyone[earlier - 1][1] if earlier else None

    @cached_property
    def _demonyms_before_nouns(self) -> set[str]:
        """Words shaped like a nationality that the article writes before a common noun ("the Lebanese
        border"): one scan of the text, asked for each speaker."""
        return {match.group(1) for match in _DEMONYM_BEFORE_WORD.finditer(self._text)
                if (word := match.group(2)) not in _STOP_WORDS and word not in _VERB_WORDS
                and not word.endswith(("ed", "ly"))}

    def _is_people_of_a_place(self, name: str) -> bool:
        """"Lebanese Hezbollah", "Syrian Kurds": a nationality and a group, not a first and a family name.
        The first word reads as a nationality and the article also writes it before a common noun
        ("the Lebanese border"), which a first name never is."""
        parts = name.split()
        return len(parts) == 2 and bool(_DEMONYM.fullmatch(parts[0])) and parts[0] in self._demonyms_before_nouns


_DEMONYM = re.compile(r"[A-Z][a-z]{2,}(?:ese|ian|ish|i)")  # "Lebanese", "Syrian", "Pakistani" (not "Ian", "Alan")


# a word shaped like a nationality, at a word's start, before a lower-case word (the capital first: re scans
# for it in C)
_DEMONYM_BEFORE_WORD = re.compile(r"([A-Z](?<!\w.)[a-z]{2,}(?:ese|ian|ish|i))\s+([a-z][a-z\-]+)")


def _lower_title_before(text: str, position: int) -> str | None:
    """The lower-case title word right before `position` ("photographer" in "British photographer
    Jimmy Nelson"). Plain string work: a regex search here ran for every capitalised word."""
    window = text[max(0, position - 30):position]
    if not window[-1:].isspace():
        return None
    last = window.rsplit(None, 1)[-1:]
    word = last[0].lstrip("([{\"'“‘—–-/") if last else ""
    return word.lower() if word[:1].islower() and word.lower() in _WORD_TITLES else None


_LEADING_FUNCTION_WORDS = {
    "and", "but", "or", "so", "then", "when", "as", "in", "on", "at", "also", "the", "a", "an", "while", "if",
    "after", "before", "since", "because", "though", "although", "yet", "still", "now", "here", "there", "i'm",
    "meanwhile", "however", "thus", "instead", "later", "earlier", "today", "yesterday", "asked", "says", "said",
    "under", "for", "with", "from", "by", "to", "of", "about", "during", "over", "across", "through", "among",
    "against", "without", "within", "despite", "like", "unlike", "via", "into", "onto", "toward", "towards",
}
_TRAILING_ADVERBS = {"later", "earlier", "also", "then", "again", "today", "yesterday", "once", "too", "now"}
# the words that may stand between a subject and its verb: an auxiliary (`_AUXILIARY`) or an adverb `clean_name` drops
_BETWEEN_SUBJECT_AND_VERB = {*_AUXILIARIES, *_TRAILING_ADVERBS}


def _without_adverbs(parts: list[str]) -> list[str]:
    """["the", "Kremlin", "later"] (said) -> ["the", "Kremlin"] (in place)."""
    while len(parts) > 1 and parts[-1] in _TRAILING_ADVERBS:
        parts.pop()
    return parts


def _strip_adverbs(who: str) -> str:
    """"the Kremlin later" (said) -> "the Kremlin"."""
    return " ".join(_without_adverbs(who.split()))


_REGNAL_TITLES = {"pope", "king", "queen", "prince", "princess"}
_TITLE_SYNONYMS = {"pontiff": "pope"}  # "the pontiff" is the person titled Pope
_PARTICLES = {"de", "da", "del", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "di", "du", "dos"}


_POSSESSIVE = ("'", "'s")  # the endings of "Austria's", "Reuters'"
_DETERMINER = re.compile(r"^(?:the|a|an|one|another|his|her|their|its)\s+(?:of\s+(?:the|his|her|their|its)\s+)?", re.I)
_OPENING_MARK = re.compile(r"[“\"]")


@lru_cache(maxsize=20_000)
def clean_name(raw: str) -> str:
    """The name alone: "U.S. captain Zach Parise" / "Dr. Edgar Miller" -> "Zach Parise" / "Edgar Miller"."""
    parts = _without_adverbs(raw.replace("’", "'").split())
    # keep the trailing run of capitalised words (and name particles)
    start = len(parts)
    while start > 0 and (parts[start - 1][:1].isupper() or parts[start - 1] in _PARTICLES and start < len(parts)):
        start -= 1
    parts = parts[start:] or parts
    while len(parts) > 1 and (parts[0].lower() in _LEADING_FUNCTION_WORDS or parts[0].endswith(_POSSESSIVE)):
        parts.pop(0)  # "Austria's Mario Matt"
    for cut in range(len(parts) - 2, -1, -1):  # the last title before the last word
        if parts[cut].lower().rstrip(".") in _TITLES:
            # a pope or monarch is named with the title: "Pope Benedict XVI", "Queen Elizabeth II"
            regnal = parts[cut].lower() in _REGNAL_TITLES and len(parts) - cut <= 3
            parts = parts[cut:] if regnal else parts[cut + 1:]
            break
    name = " ".join(parts)
    if name.endswith(_POSSESSIVE):
        name = name[:-2] if name.endswith("'s") else name[:-1]
    name = name.strip(" ,.")
    if name[-2:].lower() in ("jr", "sr") and name[-3:-2] in ("", " "):  # (the last word: parts hold no blanks)
        name += "."  # "Samuel Mullet Sr."
    return name


def _is_name(who: str) -> bool:
    return bool(who) and who[0].isupper() and who.split()[0].lower() not in {"the", "a", "an", "i", "it", "we", "he", "she", "they"}


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `re` counts as `\w`


def _written_alone(text: str, word: str) -> bool:
    """`word` stands in `text` as a word of its own: not inside a longer word, not after an apostrophe or
    a hyphen. (`str.find` rather than a regex made for each word: compiling one cost more than a scan.)"""
    for at in _occurrences(text, word):
        end = at + len(word)
        if ((at == 0 or not (_is_word_character(text[at - 1]) or text[at - 1] in "'’-"))
                and _is_word_character(word[-1]) != (end < len(text) and _is_word_character(text[end]))):
            return True
    return False


# `\b(?:a|an|one)` written to start with its letters (the word start is checked behind the first one): re
# then scans for the letters in C instead of entering the pattern at every position
_INDEFINITE_WORD = r"(?:a(?<!\w.)n?|o(?<!\w.)ne)"


class _Attributor:
    def __init__(self, text: str):
        self.text = text
        self.names = _Names(text)
        self.last_person: str | None = None
        self._found: dict[str, list[re.Match]] = {}
        self._alone: dict[str, bool] = {}

    def _written_alone(self, word: str) -> bool:
        """`_written_alone` asked of the article once per word: the same clause word ("Police said")
        recurs from quote to quote."""
        alone = self._alone.get(word)
        if alone is None:
            alone = self._alone[word] = _written_alone(self.text, word)
        return alone

    def _matches(self, pattern: str) -> list[re.Match]:
        """Every match of `pattern` in the article, found once: the questions asked of the whole text
        ("is this word written in lower case anywhere?", "where was 'a ... official' introduced?")
        recur from quote to quote, and asked afresh each time they made long texts quadratic."""
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = list(re.finditer(pattern, self.text))
        return found

    def _in_text(self, pattern: str) -> bool:
        return bool(self._matches(pattern))

    def resolve(self, who: str | None, position: int) -> str | None:
        """A speaker from the words of a reporting clause found near `position`."""
        if not who:
            return None
        who = _strip_adverbs(who)
        low = who.lower()
        if low in _PRONOUNS:
            return self.names.last_before(position) or self.last_person
        if low == "it":
            return self.names.organisation_before(position)
        if low == "i":
            return None
        if (_is_name(who) and " " not in who and not who.isupper() and low not in self.names.forms
                and low not in self.names.by_other and self._written_alone(low)):
            who = low  # "Prosecutors say": a sentence's first word, written in lower case elsewhere (not "Player")
        if " " in who and "'" not in who and "’" not in who and _ORG_FULL_NAME.fullmatch(who):
            named = self._named_with_organisation(who)
            if named:
                return named
        if _is_name(who):
            name = self.names.full(clean_name(who))
            if not name or name.lower() in _TITLES or name.lower() in _CALENDAR_WORDS:
                return None
            self.last_person = name
            return name
        if _keeps_its_article(who, self._in_text):
            return who  # "The Sun", "The Toronto Star"
        desc = _DETERMINER.sub("", who)  # "one of the Syrian researchers" -> "Syrian researchers"
        head = desc.split()[-1:]
        if not head or head[0].lower() in _STOP_WORDS:
            return None  # "one of" (the crowd said): a fragment of a clause, not who spoke
        named = _TRAILING_NAME.search(desc)
        if named and len(named.group().split()) >= 2:  # "the government-run Syrian Arab News Agency"
            return self.names.full(clean_name(named.group()))
        if head[0].lower() in _DOCUMENTS:
            author = self._author_of(desc, position)
            if author:
                return author
        if low.startswith("the "):
            named = self.names.described(desc, position)  # "the church" -> "Westboro Baptist Church"
            if named:
                return named
            return self._introduced_as(desc, position)  # "the official" -> "law enforcement official"
        if desc == who and " " not in desc and desc.endswith("s"):
            return self._introduced_as(desc, position)  # "prosecutors" -> "federal prosecutors"
        return desc

    def _named_with_organisation(self, who: str) -> str | None:
        """A capitalised name with "of"/"and"/"for" inside: the person when it is "U.S. Secretary of State
        John Kerry" or "Judge Mary Jacobson of Mercer County Superior Court", the whole name when it is
        an organisation's ("National Gay and Lesbian Task Force", "Center for Strategic and
        International Studies"), else None."""
        head = re.split(r"\s(?:of|for|at)\s", who, maxsplit=1)[0]
        for part in (who, head):  # "U.S. Secretary of State John Kerry", then "Judge Mary Jacobson of ..."
            person = _person_name(part)
            if person and " " in person and person.split()[-1].lower() not in _TITLES:
                return self.names.full(person)
        if any(word.strip(".,'’").lower() in _ORG_NOUNS for word in who.split()):
            return re.sub(r"^The\s+", "", who)
        return None

    def _author_of(self, document: str, position: int) -> str | None:
        """Who speaks through "the motion" / "the filing": its owner ("the prosecutors' motion"), or
        the author of the document introduced last before `position` ("Deen attorney William
        Franklin's motion", "federal prosecutors said in a motion", "In the Tuesday statement,
        Ehud Barak said", "a website called EmotionalWriter.com")."""
        owner = _OWNER.match(document) or _NAMED_OWNER.match(document)
        if owner:  # "the prosecutors' motion", "the CDC website" (not "the Tuesday statement")
            named = self.resolve(owner.group("who"), position)
            if named:
                return named
        reach = max(0, position - _DOCUMENT_REACH)
        # the introduction nearest before the quote; each pattern starts at a word or mark rare in text
        match = max((m for pattern in _DOCUMENT_AUTHORS for m in pattern.finditer(self.text, reach, position)),
                    key=lambda m: m.start(), default=None)
        if match is None:
            return None
        at = match.start()
        if match.re is _DOCUMENT_OWNED:  # the owner stands before the apostrophe
            before = _OWNER_BEFORE.search(self.text, max(0, at - 100), at)
        elif match.re is _AUTHOR_SAID_IN:  # the subject stands before the verb
            low = max(0, at - 120, self.text.rfind("\n", 0, at) + 1)
            before = (_WHO_BEFORE_VERB.search(self.text, low, at + 1)
                      or _BARE_GROUP_BEFORE_VERB.search(self.text, low, at + 1))
        else:
            before = match
        return self.resolve(before.group("who"), at) if before else None

    def _introduced_as(self, desc: str, position: int) -> str:
        """The fuller description a definite one refers back to: "a law enforcement official familiar
        with ..." earlier makes "the official" a law enforcement official."""
        head = desc.split()[-1]
        if " " not in desc and head.endswith("s"):  # a group: "federal prosecutors" has no article
            # an adjective, not a verb ("accused prosecutors") or a compound ("federal appeals court")
            pattern = rf"(?<![\w'’-])([a-z][\w\-]*)\s+(?i:{re.escape(head)})(?!\w)(?:\s+([a-z]+))?"
            found = None
            for match in self._matches(pattern):
                if match.end() > position:
                    break
                modifier, next_word = match.group(1), match.group(2)
                if (modifier not in _STOP_WORDS and not modifier.endswith(("ed", "ing"))
                        and (next_word is None or next_word in _STOP_WORDS or next_word in _VERB_WORDS)):
                    found = f"{modifier} {head.lower()}"
            return found or desc
        found = None
        for match in self._matches_around(*_indefinite_introduction(head)):
            if match.end() > position:
                break
            found = match.group(1)
        return found if found and len(found) > len(desc) else desc

    def _matches_around(self, pattern: str, head: str, before: int, after: int) -> list[re.Match]:
        """`_matches(pattern)` for a pattern that holds `head` and reads at most `before` characters before
        it and `after` from its start: only the stretches of text around the head's occurrences are
        searched. A stretch ends past the last character the pattern can read and no match spans two, so
        these are the matches one search of the whole text finds (which, for a pattern that may start at
        every "a" and "o", cost more than all else `resolve` does)."""
        found = self._found.get(pattern)
        if found is None:
            compiled = re.compile(pattern)
            found = self._found[pattern] = [match for start, end in _stretches(self.text, head, before, after)
                                            for match in compiled.finditer(self.text, start, end)]
        return found


def _stretches(text: str, word: str, before: int, after: int):
    """(start, end) of the stretches of `text` within `before` characters before an occurrence of `word`
    or `after` from its start, in order, those that overlap or touch merged."""
    start = end = None
    for at in _occurrences(text, word):
        if end is not None and at - before > end:
            yield start, end
            start = None
        if start is None:
            start = max(0, at - before)
        end = min(len(text), at + after)
    if end is not None:
        yield start, end


def _indefinite_introduction(head: str) -> tuple[str, str, int, int]:
    """(pattern, head, characters read before the head, characters read from its start) of an introduction
    with an indefinite article, "a law enforcement official", for `_Attributor._matches_around`: words of
    at most 31 characters and blanks of at most three bound what the pattern reads."""
    return (rf"{_INDEFINITE_WORD}\s{{1,3}}((?:[a-z][\w\-]{{0,30}}\s{{1,3}}){{1,3}}{re.escape(head)})\b",
            head, 110, len(head) + 1)


# documents that speak for their authors ("the motion says")
_DOCUMENTS = {"motion", "filing", "statement", "affidavit", "document", "documents", "complaint", "indictment",
              "lawsuit", "letter", "memo", "brief", "petition", "website", "release", "papers", "transcript"}
_DOCUMENT_WORD = word_alternation(_DOCUMENTS)
_DOCUMENT_REACH = 2000  # characters before a quote in which the document's introduction is looked for
_OWNER = re.compile(r"(?P<who>.+?)(?:'s|'|’s|’)\s+(?:[\w\-]+\s+)?[\w\-]+$")
_DOCUMENT_OWNED = re.compile(rf"(?:'s|'|’s|’)\s+(?:[\w\-]+\s+)?(?:{_DOCUMENT_WORD})\b")  # "Franklin's motion"
_OWNER_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<who>{_NAME}|(?:the\s+)?{_NOT_IN_DESC}[a-z][\w\-]*)\Z")
_NAMED_OWNER = re.compile(rf"(?P<who>{_NAME})\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*$")  # "CDC website"
_AUTHOR_SAID_IN = re.compile(rf"\s(?:said|wrote|argued|stated|alleged|says|writes|argues|states|alleges)\s+in\s+"
                             rf"(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,3}}?(?:{_DOCUMENT_WORD})\b")
_AUTHOR_IN_DOCUMENT = re.compile(rf"\b[Ii]n\s+(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,3}}?"
                                 rf"(?:{_DOCUMENT_WORD})\b[^.\n\"“”]{{0,80}}?,\s+(?P<who>{_ROLE_NAME})\s+"
                                 rf"(?:said|wrote|argued|stated|says|writes|argues|states)\b")
_DOCUMENT_NAMED = re.compile(rf"\b(?:{_DOCUMENT_WORD})\s+(?:called|named)\s+(?P<who>[A-Z][\w.\-]*\w)")
_DOCUMENT_AUTHORS = (_DOCUMENT_OWNED, _AUTHOR_SAID_IN, _AUTHOR_IN_DOCUMENT, _DOCUMENT_NAMED)
# a group named without an article: "federal prosecutors" (said ...)
_BARE_GROUP_BEFORE_VERB = re.compile(rf"(?<![\w'’-])(?P<who>(?:{_NOT_IN_DESC}[a-z][\w\-]*\s+)?[a-z][\w\-]*s),?\s*\Z")
_TRAILING_NAME = re.compile(rf"{_NAME}$")
_ROLE_END = re.compile(r"[,.;:]|\s(?:of|at|for|in|with|from|on|to|and|who|whose|which|since)\s")


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Narration before the opening mark and after the closing mark, within the paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start:max(line_start, start - 1)]
    after = text[min(end + 1, line_end):line_end]
    return before, after


# A full stop that ends a sentence: not after an initial ("U.S.") or a short title ("Mr.").
# The mark comes first so that `re` can scan for it quickly; the lookbehinds then look past it.
_SENTENCE_STOP = re.compile(
    r"[.!?](?=\s|$)(?<![A-Z].)(?<!\bMr.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\bMrs.)(?<!\bGen.)(?<!\bSen.)"
    r"(?<!\bRep.)(?<!\bGov.)(?<!\bNo.)")


def _first_sentence(after: str) -> str:
    stop = _SENTENCE_STOP.search(after)
    mark = _OPENING_MARK.search(after, 0, stop.start() if stop else len(after))  # (only a mark before the stop counts)
    end = mark or stop
    return after[:end.start() + 1] if end else after


def _last_stop(text: str) -> int:
    """Where the last sentence of `text` ends: the offset past its last `_SENTENCE_STOP`, or -1. The marks are
    looked for from the end (each stop is one character, so a match at a mark is what a scan finds there)."""
    at = len(text)
    while at > 0:
        at = max(text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at))
        if at >= 0 and _SENTENCE_STOP.match(text, at):
            return at + 1
    return -1


def _last_sentence(before: str) -> str:
    cut = max(_last_stop(before), before.rfind("\u201d"), before.rfind('"'))
    return before[cut + 1:] if cut >= 0 else before


def _is_title_case(content: str) -> bool:
    """The name of a work or a campaign ("The Bear Essential of Safety,"), not speech: every word
    but the small ones capitalised. A trailing comma or stop is allowed when there are two or more
    capitalised words (titles in a list: "X," "Y," and "Z.")."""
    n_words = n_caps = 0
    for word in content.rstrip(" .,!?:;").split():  # (speech fails at its first lower-case word)
        if not word[:1].isalpha():
            continue
        n_words += 1
        if n_words > 12:
            return False
        if word.lower() not in _SMALL_TITLE_WORDS:
            if not word[0].isupper():
                return False
            n_caps += 1
    if not n_caps:
        return False
    return n_caps >= 2 or content.rstrip()[-1:] not in ".,!?"


_SMALL_TITLE_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "at", "with", "is", "by",
                                "from"})


_WORD_CHARACTER = re.compile(r"[^\W_]")  # what every word token has (`digest.text.words`)


def extract_quotes(text: str) -> list[Quote]:
    """Every direct quotation in `text` (paragraphs separated by '\\n'), in text order."""
    spans = _double_spans(text)
    if not spans:
        spans = _single_spans(text)
    if not spans:
        return []
    _link_continuations(text, spans)
    attributor = _Attributor(text)
    quotes: list[Quote] = []
    for span in spans:
        content = text[span.start:span.end].strip()
        if not _WORD_CHARACTER.search(content):
            continue
        before, after = _sentence_around(text, span.start, span.end)
        if span.continues and quotes and quotes[-1].kind == "full":
            quotes[-1].add_part(content, span.end)
            continue
        narr_before = _last_sentence(before)
        full = bool(search_end(_SENTENCE_START, narr_before, 12) or narr_before.rstrip().endswith((":", ",")) and
                    (content[:1].isupper() or content[:1] in "…'‘" or content[:1].isdigit())) or \
            (content[:1].isupper() and content[-1:] in ",.!?…" and not narr_before.strip())
        if not full and content[:1].isupper() and content[-1:] in ",.!?" and len(words(content)) >= 4:
            full = True
        if not full:
            if not _ends_with_verb(narr_before) and (
                    _scare_cue_before(narr_before)
                    or search_end(_WEAK_SCARE_CUE, narr_before, 8) and not _sentence_who_verb(narr_before)):
                continue
            if _is_title_case(content):
                continue
        elif _is_title_case(content) and not span.open_end:
            continue

        who = _attribution(content, after, narr_before, full)
        speaker = attributor.resolve(who, span.start) if who else None
        narrator = who == "I"  # the writer's own words ("…?" I asked): nobody's to carry or merge
        if not full and speaker is None:
            sentence = narr_before + " " + _first_sentence(after)
            # a clause that closes the sentence names who said it ('"A variety of factors" led to ..., Zuroff
            # said.'), whoever else the sentence names first
            sentence_match = (search_end(_CLAUSE_AT_END, sentence, _LOOKBACK) or _sentence_who_verb(sentence)
                              or _SENTENCE_ACCORDING.search(sentence))
            if sentence_match is None:
                continue  # an unattributed fragment is a scare quote, not speech
            speaker = attributor.resolve(sentence_match.group("who"), span.start)
            if speaker is None:
                continue  # a fragment nobody can be named for is not worth showing either
        if (full and not narrator and quotes and quotes[-1].kind == "full" and _merges(text, quotes[-1], span)
                and (speaker is None or speaker == quotes[-1].speaker)):
            quotes[-1].add_part(content, span.end)
            quotes[-1].speaker = quotes[-1].speaker or speaker
            continue
        if speaker is None and full and not narrator:
            speaker = _carry_speaker(quotes, span, text, attributor)
        quotes.append(Quote(content, speaker, "full" if full else "partial", span.start, end=span.end))
    for q in quotes:
        if q.parts and len(q.parts) == 1:
            q.parts = []
    return quotes


_CLAUSES_AFTER = (_AFTER_WHO_VERB, _AFTER_VERB_WHO, _AFTER_ACCORDING, _AFTER_GROUP_VERB, _AFTER_ORG_VERB)


def _clause_after(after_sentence: str) -> re.Match | None:
    """A reporting clause right after the closing mark: `"…," X said`, `said X`, `according to X`."""
    for pattern in _CLAUSES_AFTER:
        match = pattern.match(after_sentence)
        if match:
            return match
    return None


def _clause_before(narr_before: str) -> re.Match | None:
    """A reporting clause that introduces the quote: `X said: "…"`, `said X, "…"`, `according to X, "…"`,
    `X released a statement saying "…"`. Each end-anchored search runs from ~300 positions, so each is
    tried only where its words are."""
    if _VERB_WORD.search(narr_before, max(0, len(narr_before) - _VERB_REACH)):
        for pattern in (_BEFORE_WHO_VERB, _BEFORE_VERB_WHO):
            match = search_end(pattern, narr_before, _LOOKBACK + 100)
            if match:
                return match
    if "according to" in narr_before:
        match = search_end(_BEFORE_ACCORDING, narr_before, _LOOKBACK + 100)
        if match:
            return match
    if _ISSUED_HINT.search(narr_before):
        return search_end(_BEFORE_WHO_ISSUED, narr_before, _LOOKBACK + 100)
    return None


def _attribution(content: str, after: str, narr_before: str, full: bool) -> str | None:
    """The reporting clause's subject. A clause after the quote wins (`"…," X said`), unless the
    quote closes its sentence and a clause before it introduced it (`X tweeted, "… ." Y said …`):
    then the clause after belongs to the next quote."""
    after_sentence = _first_sentence(after)
    closes = content.rstrip("'’ ")[-1:] in (".", "!", "?") and narr_before.rstrip().endswith((",", ":"))
    if closes:
        match = _clause_before(narr_before) or _clause_after(after_sentence)
    else:
        match = _clause_after(after_sentence) or _clause_before(narr_before)
    if match:
        return match.group("who")
    if not full:
        return None
    match = _sentence_who_verb(narr_before) or search_end(_CLAUSE_AT_END, after_sentence, _LOOKBACK)
    return match.group("who") if match else None


def _carry_speaker(quotes: list[Quote], span: _Span, text: str, attributor: _Attributor) -> str | None:
    """A quote with no reporting clause: the last speaker goes on, unless someone was named since.
    A paragraph that is all quote, after a paragraph of narration with a reporting clause, is the
    words of that clause's subject ("Cara Welch, senior vice president of ..., agreed with Block. ¶
    '…'"; "The killings did not match, Dixon added. ¶ '…'"), not of whoever that clause names last."""
    names = attributor.names
    index = bisect.bisect_left(names._positions, span.start) - 1
    mentioned = names.mentions[index] if index >= 0 else None
    narration_at, narration = _narration_before(text, span)
    group = narration and _GROUP_SUBJECT.match(narration)
    if group:  # "Facebook friends commented on the photo. ¶ '…'": one of them
        return _one_of(group.group("who"))
    if quotes and quotes[-1].speaker and (mentioned is None or mentioned[0] < quotes[-1].start):
        return quotes[-1].speaker
    if mentioned and narration:
        subject = _narration_subject(narration, narration_at, attributor)
        if subject:
            return subject
    return mentioned[1] if mentioned else attributor.last_person


# a paragraph opening with a group doing something with words: "Facebook friends commented on the photo"
_GROUP_SUBJECT = re.compile(
    rf"(?:(?:Other|Some|Many|Several)\s+)?(?P<who>(?:[A-Z][\w.\-]*\s+)?[a-z][\w\-]*s)\s+(?:\w+ly\s+)?"
    rf"(?:{_VERB}|reacted|responded|wrote|posted|commented)\b")


def _one_of(group: str) -> str:
    """"Facebook friends" -> "Facebook friend": the words of one member of a group."""
    head, _, last = group.rpartition(" ")
    single = last[:-3] + "y" if last.endswith("ies") else last[:-1] if not last.endswith("ss") else last
    return f"{head} {single}".strip()


def _narration_before(text: str, span: _Span) -> tuple[int, str | None]:
    """(offset, text) of the paragraph before `span`, when `span` is a paragraph of its own and that
    paragraph is narration (no quotation marks); text None otherwise."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    if start < 2 or text[start:span.start - 1].strip() or text[span.end:end].strip(" .,\"”"):
        return 0, None
    previous = text.rfind("\n", 0, start - 1) + 1
    narration = text[previous:start - 1]
    return previous, None if _DOUBLE_MARK.search(narration) else narration


def _narration_subject(narration: str, offset: int, attributor: _Attributor) -> str | None:
    """The subject of the reporting clause of a narration paragraph, when it is a person the article
    names in full and quotes (not "the report" or a stray description)."""
    clauses = [m for m in (_sentence_who_verb(narration), _ANY_VERB_WHO.search(narration)) if m]
    if not clauses:
        return None
    clause = min(clauses, key=lambda m: m.start())
    who = attributor.resolve(clause.group("who"), offset + clause.start())
    return who if who in attributor.names.people else None


def _merges(text: str, prev: Quote, span: _Span) -> bool:
    """`"A," he said. "B."` - only a reporting clause after A separates the two spans."""
    prev_end = prev.end
    if prev_end < 0 or text.find("\n", prev_end, span.start) != -1:
        return False
    between = text[prev_end + 1:span.start - 1]
    if not prev.quote.rstrip().endswith((",", "?", "!", ".", "…")) and not between.strip().startswith(","):
        return False
    return bool(_REPORTING_ONLY.match(between))


_MOST_TOPICAL = 2.0  # what a quote made only of the summary's terms gains


def _lower_words(text: str) -> tuple[int, list[str]]:
    """(number of words, the words of the lower-cased text), tokenising once: lower-casing keeps every
    character's class (word, blank, mark) but for U+0130, which becomes two characters."""
    lowered = text.lower()
    tokens = words(lowered)
    return (len(tokens) if len(lowered) == len(text) else len(words(text))), tokens


def choose_key_quote(quotes: list[Quote], summary_terms: set[str] | None = None,
                     terms_of: Callable[[list[str]], list[str]] | None = None) -> Quote | None:
    """The strongest quote: a full, attributed statement of a readable length.

    Long enough to say something (8-45 words), said by a named source, and, when
    the summary's vocabulary is given, about what the summary is about. `terms_of`
    turns a quote's lower-cased words into terms comparable with `summary_terms` (the
    summariser's stemmed terms); without it, lower-cased words are compared.
    """
    best, best_score = None, float("-inf")
    topical = _MOST_TOPICAL if summary_terms else 0.0
    for index, quote in enumerate(quotes):
        score = 0.0
        score += 2.0 if quote.speaker else -2.0
        score += 1.0 if quote.speaker and quote.speaker[:1].isupper() else 0.0
        score += 1.0 if quote.kind == "full" else -1.5
        if score + 1.0 - 0.05 * index + topical <= best_score:
            continue  # (cannot win at the best length and however topical: its words are not worth reading)
        n, lowered = _lower_words(quote.quote)
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
