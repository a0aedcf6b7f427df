"""Who said a quoted span: the reporting clause around it, documents and statements, pronouns.

`Attributor` holds one article's names and resolves what a clause gives ("he",
"Smith", "the minister") to the speaker; the clause helpers find the clause after a
span (`"…," X said`, `"…," said X`, `according to X`) or before it (`X said: "…"`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from digest.quotes.lexicon import (
    AFTER_ACCORDING,
    AFTER_GROUP_VERB,
    AFTER_ORG_VERB,
    AFTER_VERB_ROLE_WHO,
    AFTER_VERB_WHO,
    AFTER_WAS_HOW,
    AFTER_WHO_VERB,
    ANY_VERB_WHO,
    BEFORE_ACCORDING,
    BEFORE_DESCRIBED_SAYING,
    BEFORE_NAME_COLON,
    BEFORE_VERB_WHO,
    BEFORE_WHO_COLON,
    BEFORE_WHO_ISSUED,
    BEFORE_WHO_SAYING,
    CALENDAR_WORDS,
    CLAUSE_AT_END,
    DOCUMENTS,
    GOVERNED,
    INVERTED_CLAUSE_LATER,
    ISSUED_HINT,
    NAME,
    NOT_A_SENTENCE_END,
    NOT_IN_DESC,
    ORG_FULL_NAME,
    ORG_NOUNS,
    PRONOUNS,
    ROLE_NAME,
    SAYING_HINT,
    SMALL_TITLE_WORDS,
    STOP_WORDS,
    TITLES,
    VERB,
    VERB_REACH,
    VERB_WORD,
    VERB_WORDS,
    before_who_verb,
    named_in_apposition,
    named_in_apposition_after,
    nearest_clause_before,
    quoted_as_saying,
    sentence_who_verb,
    word_alternation,
)
from digest.quotes.names import (
    DETERMINER,
    INDEFINITE_WORD,
    OPENING_MARK,
    Names,
    clean_name,
    honorific_gender,
    is_name,
    keeps_its_article,
    person_name,
    strip_adverbs,
    written_alone,
)
from digest.quotes.spans import DOUBLE_MARK, Quote, Span, occurrences
from digest.quotes.subjects import LOOKBACK, WHO_BEFORE_VERB
from digest.text import search_end, split_sentences

_DOCUMENT_WORD = word_alternation(DOCUMENTS)
_AUTHOR_SAID_IN = re.compile(rf"\s(?:said|wrote|argued|stated|alleged|says|writes|argues|states|alleges)\s+in\s+"
                             rf"(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,3}}?(?:{_DOCUMENT_WORD})\b")
# a group named without an article: "federal prosecutors" (said ...)
_BARE_GROUP_BEFORE_VERB = re.compile(rf"(?<![\w'’-])(?P<who>(?:{NOT_IN_DESC}[a-z][\w\-]*\s+)?[a-z][\w\-]*s),?\s*\Z")
_AUTHOR_IN_DOCUMENT = re.compile(rf"\b[Ii]n\s+(?:a|an|the|its|their|his|her)\s+(?:[\w\-]+\s+){{0,3}}?"
                                 rf"(?:{_DOCUMENT_WORD})\b[^.\n\"“”]{{0,80}}?,\s+(?P<who>{ROLE_NAME})\s+"
                                 rf"(?:said|wrote|argued|stated|says|writes|argues|states)\b")
_DOCUMENT_NAMED = re.compile(rf"\b(?:{_DOCUMENT_WORD})\s+(?:called|named)\s+(?P<who>[A-Z][\w.\-]*\w)")
_DOCUMENT_OWNED = re.compile(rf"(?:'s|'|’s|’)\s+(?:[\w\-]+\s+)?(?:{_DOCUMENT_WORD})\b")  # "Franklin's motion"
_DOCUMENT_AUTHORS = (_DOCUMENT_OWNED, _AUTHOR_SAID_IN, _AUTHOR_IN_DOCUMENT, _DOCUMENT_NAMED)
_DOCUMENT_REACH = 2000  # characters before a quote in which the document's introduction is looked for
_NAMED_OWNER = re.compile(rf"(?P<who>{NAME})\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*$")  # "CDC website"
_OWNER = re.compile(r"(?P<who>.+?)(?:'s|'|’s|’)\s+(?:[\w\-]+\s+)?[\w\-]+$")
_OWNER_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<who>{NAME}|(?:the\s+)?{NOT_IN_DESC}[a-z][\w\-]*)\Z")
_TRAILING_NAME = re.compile(rf"{NAME}$")
# a name's possession in lower case: "Ryan's campaign", "Obama's press secretary" (not "Obama's spokesman Josh Earnest")
_NAME_OWNS = re.compile(rf"(?P<owner>{NAME})['’]s\s+(?P<thing>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,3}})")
# a name that a preposition governs is not the subject: "The authors of the research published in the journal
# JAMA Psychiatry argued that …"
# a subject with the listener it spoke to ("A source speaking to Fox News", "an aide talking with CNN"): the words
# before the participle
_SPOKEN_TO = re.compile(r"(?P<speaker>\S.*?)\s+(?:speaking|talking)\s+(?:to|with)\s+\S")
# where a description's head and its "of" phrase end and what qualifies them begins (not inside the phrase an
# adjective takes: "a source familiar with the talks" is kept whole)
_QUALIFIER = re.compile(r"\s(?:published|in|at|on|(?<!familiar\s)with|who|which|that|based|working)\s")


# a nationality as a noun: "South African", "Briton", "Frenchman", "New Yorker", "Pakistani"
# (not a party's member: "the Republican" is one of many in a political story)
_DEMONYM_NOUN = re.compile(r"(?:[A-Z][a-z]+\s)?(?!(?:Republican|Democrat|Libertarian)\b)[A-Z][a-z]+(?:an|ese|ish|i|ch|on|er|man|woman)")


_WORD = re.compile(r"[\w\-]+")
_NOUN_USE = re.compile(rf"\s*[,.;:!?]|\s+(?:{VERB}|who)\b")


_LAST_FUNCTION_WORD = re.compile(r"\s(?:of|for|and|on|&)\s+(?:the\s+)?")


class Attributor:
    def __init__(self, text: str):
        self.text = text
        self.names = Names(text)
        self.last_person: str | None = None
        self._found: dict[str, list[re.Match[str]]] = {}
        self._alone: dict[str, bool] = {}

    def _written_alone(self, word: str) -> bool:
        """`written_alone` asked of the article once per word: the same clause word ("Police said")
        recurs from quote to quote."""
        alone = self._alone.get(word)
        if alone is None:
            alone = self._alone[word] = written_alone(self.text, word)
        return alone

    def _matches(self, pattern: str) -> list[re.Match[str]]:
        """Every match of `pattern` in the article, found once: the questions asked of the whole text
        ("is this word written in lower case anywhere?", "where was 'a ... official' introduced?")
        recur from quote to quote, and asked afresh each time they made long texts quadratic."""
        found = self._found.get(pattern)
        if found is None:
            found = self._found[pattern] = list(re.finditer(pattern, self.text))
        return found

    def _as_noun(self, word: str) -> bool:
        """The article writes `word` as a common noun somewhere: after "the" and a word at most, before a
        stop or a verb of saying ("said the 78-year-old South African.", "the Briton said"). Looked at
        where the word occurs (a pattern starting at "the" searched every text that names a Ryan)."""
        known = self._alone.get("the " + word)
        if known is None:
            known = False
            for at in occurrences(self.text, word):
                lead = self.text[max(0, at - 40):at].split()[-2:]
                if (self.text[at - 1:at].isspace() and lead and (lead[-1] == "the" or lead[0] == "the" and len(lead) == 2
                                                                 and _WORD.fullmatch(lead[1]))
                        and _NOUN_USE.match(self.text, at + len(word))):
                    known = True
                    break
            self._alone["the " + word] = known
        return known

    def _in_text(self, pattern: str) -> bool:
        return bool(self._matches(pattern))

    def resolve(self, who: str | None, position: int) -> str | None:
        """A speaker from the words of a reporting clause found near `position`."""
        if not who:
            return None
        who = strip_adverbs(who)
        governed = _SPOKEN_TO.match(who)
        if governed:  # "Another source speaking to Fox News": who speaks is the source, not the listener
            who = governed.group("speaker")
            if DETERMINER.match(who):
                who = who[0].lower() + who[1:]  # (a description opening the sentence: "Another source")
        low = who.lower()
        if low in PRONOUNS:
            return self.names.referent(low, position) or self.last_person
        if low == "it":
            return self.names.organisation_before(position)
        if low == "i":
            return None
        if (is_name(who) and " " not in who and not who.isupper() and low not in self.names.forms
                and low not in self.names.by_other and self._written_alone(low)):
            who = low  # "Prosecutors say": a sentence's first word, written in lower case elsewhere (not "Player")
        named_in_full = who[4:] if who.startswith(("the ", "The ")) else who  # ("said the Bank of America")
        if " " in who and "'" not in who and "’" not in who and ORG_FULL_NAME.fullmatch(named_in_full):
            named = self._named_with_organisation(named_in_full)
            if named:
                return named
        if is_name(who) and _DEMONYM_NOUN.fullmatch(who) and self._as_noun(who):
            # "said the 78-year-old South African", "the Briton added": the person the story is about, as
            # a nationality (a person's name never takes "the")
            return self.names.last_before(position)
        owned = _NAME_OWNS.fullmatch(who)
        if owned:  # "Ryan's campaign": the campaign of the person (or body) named, by the name in full
            if owned.group("owner").rsplit(None, 1)[-1].lower() in TITLES:
                return who.removeprefix("The ")  # ("The Prime Minister's spokesman": a title's, as written)
            owner = self.resolve(owned.group("owner"), position)
            return f"{owner}'s {owned.group('thing')}" if owner else owned.group("thing")
        if is_name(who):
            cleaned = clean_name(who)
            if cleaned.lower() in PRONOUNS:  # ("Thursday night condemning He": the name a pattern took is "He")
                return self.resolve(cleaned.lower(), position)
            name = self.names.full_as(cleaned, honorific_gender(who))
            if not name or name.lower() in TITLES or name.lower() in CALENDAR_WORDS:
                return None
            self.last_person = name
            return name
        if keeps_its_article(who, self._in_text):
            return who  # "The Sun", "The Toronto Star"
        desc = DETERMINER.sub("", who)  # "one of the Syrian researchers" -> "Syrian researchers"
        head = desc.split()[-1:]
        if not head or head[0].lower() in STOP_WORDS:
            return None  # "one of" (the crowd said): a fragment of a clause, not who spoke
        if desc.isupper() and " " not in desc:  # "the DEA": the organisation it stands for, named in full
            return self.names.full(desc)
        trailing = _TRAILING_NAME.search(desc)
        qualified = _QUALIFIER.search(desc)  # "authors of the research published in … JAMA Psychiatry"
        if trailing and len(trailing.group().split()) >= 2 and not (qualified and qualified.start() < trailing.start()):
            return self.names.full(clean_name(trailing.group()))  # "the government-run Syrian Arab News Agency"
        if qualified:
            desc = desc[:qualified.start()]  # the head and its "of" phrase: "authors of the research"
        if head[0].lower() in DOCUMENTS:
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
        tail = _LAST_FUNCTION_WORD.split(who)[-1]  # ("National Institute of Mental Health": "Mental Health" is no one)
        for part in (who, head):  # "U.S. Secretary of State John Kerry", then "Judge Mary Jacobson of ..."
            person = person_name(part)
            if person and " " in person and person.split()[-1].lower() not in TITLES and not (
                    part is who and person == tail):
                return self.names.full(person)
        words = who.split()
        org_at = [at for at, word in enumerate(words) if word.strip(".,'’").lower() in ORG_NOUNS]
        if org_at:
            after = " ".join(words[org_at[-1] + 1:])  # "President of the European Parliament Martin Schulz"
            if 2 <= len(words) - org_at[-1] - 1 <= 3 and person_name(after) == after:
                return self.names.full(after)
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
            before = (WHO_BEFORE_VERB.search(self.text, low, at + 1)
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
                if (modifier not in STOP_WORDS and not modifier.endswith(("ed", "ing"))
                        and (next_word is None or next_word in STOP_WORDS or next_word in VERB_WORDS)):
                    found = f"{modifier} {head.lower()}"
            return found or desc
        found = None
        for match in self._matches_around(*indefinite_introduction(head)):
            if match.end() > position:
                break
            found = match.group(1)
        return found if found and len(found) > len(desc) else desc

    def _matches_around(self, pattern: str, head: str, before: int, after: int) -> list[re.Match[str]]:
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


def _stretches(text: str, word: str, before: int, after: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the stretches of `text` within `before` characters before an occurrence of `word`
    or `after` from its start, in order, those that overlap or touch merged."""
    start: int | None = None
    end: int | None = None
    for at in occurrences(text, word):
        if start is not None and end is not None and at - before > end:
            yield start, end
            start = None
        if start is None:
            start = max(0, at - before)
        end = min(len(text), at + after)
    if start is not None and end is not None:
        yield start, end


def indefinite_introduction(head: str) -> tuple[str, str, int, int]:
    """(pattern, head, characters read before the head, characters read from its start) of an introduction
    with an indefinite article, "a law enforcement official", for `Attributor._matches_around`: words of
    at most 31 characters and blanks of at most three bound what the pattern reads."""
    return (rf"{INDEFINITE_WORD}\s{{1,3}}((?:[a-z][\w\-]{{0,30}}\s{{1,3}}){{1,3}}{re.escape(head)})\b",
            head, 110, len(head) + 1)


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Narration before the opening mark and after the closing mark, within the paragraph."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start:max(line_start, start - 1)]
    after = text[min(end + 1, line_end):line_end]
    return before, after


# a signature: a dash and a name alone, after the quote or on the next line ('"…" — Man**', reviews,
# epigraphs, pull quotes)
_SIGNATURE = re.compile(
    r"[\s.,]*[–—―-]+\s*(?P<who>[A-Z][^\s.!?,;:\"“”]*\.?(?:\s+[^\s.!?,;:\"“”]+\.?){0,4}?)(?<![–—―-])\.?\s*\Z")


def signature(text: str, end: int, after: str) -> str | None:
    """The name a quote is signed with: after its closing mark, or on the line after a paragraph that
    is all quote."""
    if after.strip(" .,\"”’'"):
        match = _SIGNATURE.match(after)
        return match.group("who") if match else None
    line_end = text.find("\n", end)
    if line_end < 0:
        return None
    next_start = line_end + len(text[line_end:line_end + 8]) - len(text[line_end:line_end + 8].lstrip())
    next_end = text.find("\n", next_start)
    match = _SIGNATURE.match(text, next_start, len(text) if next_end < 0 else next_end)
    return match.group("who") if match else None


# a signature in a run of signed quotes, up to the next quote's mark or the sentence that follows it
# ("‘…’ – Ana R. Diaz ‘…’ – Tom. Thanks for your reviews!"): capitalised words and initials only
_SENTENCE_OPENER = r"(?:The|A|An|This|These|It|We|I|He|She|They|Thank|Thanks|For|In|On|At|But|And|So|If)\b"
_SIGNATURE_IN_RUN = re.compile(
    rf"[\s.,]*[–—―-]+\s*(?P<who>[A-Z][^\s.!?,;:\"“”‘’]*+(?:\s+(?!{_SENTENCE_OPENER})(?:[A-Z]\.|[A-Z][^\s.!?,;:\"“”‘’]*+))"
    rf"{{0,4}})(?=\s*(?:[.!?]|[^\w\s]|\Z)|\s+{_SENTENCE_OPENER})")
_ANY_OPENING_MARK = re.compile(r"[‘“\"]")  # (single ones too: runs of reviews are UK copy)


def signature_in_run(after: str) -> str | None:
    """The name signing a quote that other signed quotes follow in the same paragraph: reviews and testimonials
    run together, as UK copy prints them. Tried only when no reporting clause names the speaker."""
    mark = _ANY_OPENING_MARK.search(after)
    match = _SIGNATURE_IN_RUN.match(after, 0, mark.start() if mark else len(after))
    return match.group("who") if match else None


# A full stop that ends a sentence: not after an initial ("U.S.") or a short title ("Mr."); a closing single
# mark may follow it (UK copy: '… for the wrong reasons.’ The radioman said …').
# The mark comes first so that `re` can scan for it quickly; the lookbehinds then look past it.
SENTENCE_STOP = re.compile(rf"[.!?](?=['’]?(?:\s|$))(?<![A-Z].){NOT_A_SENTENCE_END}")


def first_sentence(after: str) -> str:
    stop = SENTENCE_STOP.search(after)
    mark = OPENING_MARK.search(after, 0, stop.start() if stop else len(after))  # (only a mark before the stop counts)
    end = mark or stop
    return after[:end.start() + 1] if end else after


def last_stop(text: str) -> int:
    """Where the last sentence of `text` ends: the offset past its last `SENTENCE_STOP`, or -1. The marks are
    looked for from the end (each stop is one character, so a match at a mark is what a scan finds there)."""
    at = len(text)
    while at > 0:
        at = max(text.rfind(".", 0, at), text.rfind("!", 0, at), text.rfind("?", 0, at))
        if at >= 0 and SENTENCE_STOP.match(text, at):
            return at + 1
    return -1


def last_sentence(before: str) -> str:
    cut = max(last_stop(before), before.rfind("\u201d"), before.rfind('"'))
    return before[cut + 1:] if cut >= 0 else before


def is_title_case(content: str) -> bool:
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
        if word.lower() not in SMALL_TITLE_WORDS:
            if not word[0].isupper():
                return False
            n_caps += 1
    if not n_caps:
        return False
    return n_caps >= 2 or content.rstrip()[-1:] not in ".,!?"


WORD_CHARACTER = re.compile(r"[^\W_]")  # what every word token has (`digest.text.words`)
_NOT_SUBJECTS = STOP_WORDS | CALENDAR_WORDS  # words a subject found by any verb cannot start or end with
_VERB_FIRST = (AFTER_VERB_WHO, AFTER_VERB_ROLE_WHO)
_CLAUSES_AFTER = (AFTER_WHO_VERB, AFTER_VERB_WHO, AFTER_VERB_ROLE_WHO, AFTER_ACCORDING, AFTER_GROUP_VERB,
                  AFTER_ORG_VERB, AFTER_WAS_HOW)


def _clause_after(after_sentence: str, new_sentence: bool = False) -> re.Match[str] | None:
    """A reporting clause right after the closing mark: `"…," X said`, `said X`, `according to X`.
    After a quote closed by a full stop the next sentence is only a clause if it ends with it (`'….' Hart
    said.`); one that goes on to an object is narration (`'…' The council called the flood …`)."""
    quoted = quoted_as_saying(after_sentence)
    if quoted and not new_sentence:
        return quoted  # ('"…," the report quotes Zickuhr as saying.')
    head = after_sentence.lstrip(" ,—–-").split(None, 1)
    verb_first = bool(head) and head[0] in VERB_WORDS  # (the verb-first patterns only where a verb is first)
    for pattern in _CLAUSES_AFTER:
        if pattern in _VERB_FIRST and not verb_first:
            continue
        match = pattern.match(after_sentence)
        if match and match.group("who").rsplit(None, 1)[-1].lower() in CALENDAR_WORDS:
            continue  # ('"…" announced in October, said X': a date, not who said it)
        if match:
            if new_sentence:
                verbs = _PLAIN_VERBS.intersection(match.group().lower().split())
                ends = _CLAUSE_ENDS.match(after_sentence, match.end()) or (
                    not verbs.isdisjoint(_LISTENER_VERBS) and _LISTENER_ENDS.match(after_sentence, match.end()))
                if not (verbs and ends):
                    return None  # ('…' The FBI agreed.: narration, though "agreed" can report)
            return named_in_apposition_after(after_sentence, match) if match.re is AFTER_WHO_VERB else match
    return None


# the verbs a reporting clause standing as a sentence of its own uses ('"…." Hart said.')
_PLAIN_VERBS = {"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "asked", "asks", "explained",
                "explains", "noted", "notes", "continued", "continues", "recalled", "recalls", "replied", "replies"}
# what may follow a reporting clause that is a sentence of its own: its end, a comma, a place or a time,
# or, after a verb that takes one, the listener and the end ('….' Appel told CNN.; not '….' Correction added
# Nov. 18:)
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:!?]|$|(?:in|on|at|to|during|after|before|when|while|from|of|last|this"
                          r"|later|earlier|yesterday|today|adding|told)\b)")
_LISTENER_VERBS = {"told", "tells", "asked", "asks"}
_LISTENER_ENDS = re.compile(r"\s*(?:(?:the\s+)?(?:[A-Z][\w.'’&-]*\s*){1,4}|reporters|journalists|me|us|him|her|them)"
                            r"\s*(?:[,.;:!?]|$)")


def _clause_before(narr_before: str) -> re.Match[str] | None:
    """A reporting clause that introduces the quote: `X said: "…"`, `said X, "…"`, `according to X, "…"`,
    `X released a statement saying "…"`. Each end-anchored search runs from ~300 positions, so each is
    tried only where its words are."""
    quoted = quoted_as_saying(narr_before)
    if quoted and not narr_before[quoted.end():].strip(" ,:"):
        return quoted  # ('The agency quoted Jum Akbar as saying, "…"')
    if VERB_WORD.search(narr_before, max(0, len(narr_before) - VERB_REACH)):
        match = before_who_verb(narr_before, LOOKBACK + 100)
        match = match and named_in_apposition(narr_before, match)
        if match and not GOVERNED.search(narr_before, 0, match.start("who")):
            return nearest_clause_before(narr_before, match)
        match = search_end(BEFORE_VERB_WHO, narr_before, LOOKBACK + 100)
        if match:
            return match
    if "ccording to" in narr_before:
        match = search_end(BEFORE_ACCORDING, narr_before, LOOKBACK + 100)
        if match:
            return match
    if ISSUED_HINT.search(narr_before):
        match = search_end(BEFORE_WHO_ISSUED, narr_before, LOOKBACK + 100)
        if match:
            return match
    if search_end(SAYING_HINT, narr_before, 40):
        match = (search_end(BEFORE_WHO_SAYING, narr_before, LOOKBACK + 160)
                 or search_end(BEFORE_DESCRIBED_SAYING, narr_before, LOOKBACK + 160))
    elif narr_before.rstrip().endswith(":"):
        match = search_end(BEFORE_WHO_COLON, narr_before, LOOKBACK + 200) or \
            search_end(BEFORE_NAME_COLON, narr_before, 80)
    else:
        return None
    if match is None:
        return None
    subject = match.group("who")
    parts = subject.lower().split()
    if parts[-1] not in _NOT_SUBJECTS and (parts[0] not in _NOT_SUBJECTS or DETERMINER.match(subject)):
        return match  # (not "There …, saying", "Before …:"; "The Vermont senator …, saying" is one)
    return None


def attribution(content: str, after: str, narr_before: str, full: bool) -> str | None:
    """The reporting clause's subject. A clause after the quote wins (`"…," X said`), unless the
    quote closes its sentence and a clause before it introduced it (`X tweeted, "… ." Y said …`):
    then the clause after belongs to the next quote."""
    after_sentence = first_sentence(after)
    ends = content.rstrip("'’ ")[-1:]
    closes = ends in (".", "!", "?") and narr_before.rstrip().endswith((",", ":"))
    new_sentence = opens_a_sentence_after(content, after_sentence)
    if closes:
        match = _clause_before(narr_before) or _clause_after(after_sentence, new_sentence)
    else:
        match = _clause_after(after_sentence, new_sentence) or _clause_before(narr_before)
    if match:
        return str(match.group("who"))
    if not full:
        return None
    # (the clause that closes the next sentence is that sentence's, when the quote closed its own)
    match = sentence_who_verb(narr_before) or (
        None if new_sentence else search_end(CLAUSE_AT_END, after_sentence, LOOKBACK)
        or INVERTED_CLAUSE_LATER.search(after_sentence))
    return match.group("who") if match else None


def opens_a_sentence_after(content: str, after_sentence: str) -> bool:
    """Does a new sentence follow a quote of `content` that its full stop closed? (then a clause after it must
    end there: `_clause_after`'s `new_sentence`)"""
    return content.rstrip("'’ ")[-1:] == "." and after_sentence.lstrip(" ,")[:1].isupper()


def has_clause_after(content: str, after: str) -> bool:
    """Is a reporting clause of the quote's own after it (`"…," he adds`)? Then it is a quote in its own
    right, not the end of the one before that a clause between the two attributed (`"A," he said. "B."`)."""
    after_sentence = first_sentence(after)
    return _clause_after(after_sentence, opens_a_sentence_after(content, after_sentence)) is not None


# a paragraph opening with a group doing something with words: "Facebook friends commented on the photo"
_GROUP_SUBJECT = re.compile(
    rf"(?:(?:Other|Some|Many|Several)\s+)?(?P<who>(?:[A-Z][\w.\-]*\s+)?[a-z][\w\-]*s)\s+(?:\w+ly\s+)?"
    rf"(?:{VERB}|reacted|responded|wrote|posted|commented)\b")


def carry_speaker(quotes: list[Quote], span: Span, text: str, attributor: Attributor) -> tuple[str | None, str]:
    """A quote with no reporting clause: the last speaker goes on, unless someone was named since.
    A paragraph that is all quote, after a paragraph of narration with a reporting clause, is the
    words of that clause's subject ("Cara Welch, senior vice president of ..., agreed with Block. ¶
    '…'"; "The killings did not match, Dixon added. ¶ '…'"), not of whoever that clause names last."""
    names = attributor.names
    index = bisect.bisect_left(names.positions, span.start) - 1
    mentioned = names.mentions[index] if index >= 0 else None
    narration_at, narration, whole_paragraph = _narration_before(text, span)
    if narration and narration.rstrip().endswith(":"):  # "Clinton released the following statement: ¶ '…'"
        match = _clause_before(narration.rstrip())
        speaker = attributor.resolve(match.group("who"), span.start) if match else None
        if speaker:
            return speaker, "clause"
    group = narration and _GROUP_SUBJECT.match(narration)
    if group:  # "Facebook friends commented on the photo. ¶ '…'": one of them
        return _one_of(group.group("who")), "carried-group"
    if quotes and quotes[-1].attributed_by == "signature":
        return None, "none"  # a signature signs one quote: the next one unsigned is nobody's we know
    if quotes and quotes[-1].speaker and (mentioned is None or mentioned[0] < _named_since(quotes[-1], span, text)):
        return quotes[-1].speaker, "carried-previous"
    if mentioned and narration and whole_paragraph:  # (a sentence's subject is as often not the speaker's)
        subject = _narration_subject(narration, narration_at, attributor)
        if subject:
            return subject, "carried-subject"
    return (mentioned[1], "carried-mention") if mentioned else (attributor.last_person, "carried-last")


def _named_since(last: Quote, span: Span, text: str) -> int:
    """Where a name must be for someone other than the last quote's speaker to be speaking: past the last quote,
    or, when its reporting clause follows it and this quote opens the next sentence, past that clause's
    sentence, whose names are the speaker's circumstances ('"…," Mr. Obama said at the gala, where Mrs.
    Clinton also spoke. "…"'; '"…," said Gov. Phil Bryant, a former backer of Sen. Ted Cruz. "…"')."""
    between = text[last.end + 1:max(last.end + 1, span.start - 1)]
    sentence = between.rstrip()
    # (one sentence as the splitter reads it: "Sen. Ted Cruz" goes on, "… told CNN. Martha Robertson …" does not)
    if "\n" in between or last_stop(sentence) != len(sentence) or len(split_sentences(sentence)) != 1:
        return last.end
    return span.start if has_clause_after(last.parts[-1] if last.parts else last.quote, between) else last.end


def _one_of(group: str) -> str:
    """"Facebook friends" -> "Facebook friend": the words of one member of a group."""
    head, _, last = group.rpartition(" ")
    single = last[:-3] + "y" if last.endswith("ies") else last[:-1] if not last.endswith("ss") else last
    return f"{head} {single}".strip()


def _narration_before(text: str, span: Span) -> tuple[int, str | None, bool]:
    """(offset, text, True) of the paragraph before `span`, when `span` is a paragraph of its own and that
    paragraph is narration (no quotation marks); text None otherwise. Else, as copy run into one paragraph
    is read, (offset, text, False) of the sentence before a quote that is a sentence of its own."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    if start < 2 or text[start:span.start - 1].strip() or text[span.end:end].strip(" .,\"”'’"):
        return *_sentence_before(text, span, start, end), False
    previous = text.rfind("\n", 0, start - 1) + 1
    narration = text[previous:start - 1]
    return previous, None if DOUBLE_MARK.search(narration) else narration, True


_STANDS_AS_A_SENTENCE = re.compile(r"[’'”\"]?[.,]?(?:\s+(?=[A-Z‘“\"'])|\s*$)")
_ANY_MARK = re.compile(r"[\"“”‘]|(?<!\w)'|'(?!\w)")


def _sentence_before(text: str, span: Span, paragraph_start: int, paragraph_end: int) -> tuple[int, str | None]:
    """(offset, text) of the sentence of narration before a quote that stands as a sentence of its own
    inside its paragraph ("Facebook friends commented on the photo. 'That is my friend.'"); text None
    when the quote does not, or that sentence holds quotation marks."""
    opening = span.start - 1
    before = text[paragraph_start:opening].rstrip()
    if not before or last_stop(before) != len(before) or not _STANDS_AS_A_SENTENCE.match(text, span.end, paragraph_end):
        return 0, None
    begins = paragraph_start + max(last_stop(before[:-1]), 0)
    sentence = text[begins:opening]
    narration = sentence.lstrip("’'”\" ")  # (after the close of a quote that ended the sentence before)
    begins += len(sentence) - len(narration)
    narration = narration.rstrip()
    return begins, None if not narration or _ANY_MARK.search(narration) else narration


def _narration_subject(narration: str, offset: int, attributor: Attributor) -> str | None:
    """The subject of the reporting clause of a narration paragraph, when it is a person the article
    names in full and quotes (not "the report" or a stray description)."""
    clauses = [m for m in (sentence_who_verb(narration), ANY_VERB_WHO.search(narration)) if m]
    if not clauses:
        return None
    clause = min(clauses, key=lambda m: m.start())
    who = attributor.resolve(clause.group("who"), offset + clause.start())
    return who if who in attributor.names.people else None
