"""The people and organisations an article names, and a speaker's name as the briefing shows it.

`Names` indexes an article's capitalised name runs once, so that a surname, a
title ("the pontiff") or a description resolves to the fullest form of the name
the article gives; `clean_name` reduces "U.S. captain Zach Parise" to the name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from itertools import chain

from digest.memo import memoised
from digest.quotes.lexicon import (
    ARTICLE_NAME_WORD,
    CAPITAL_NAME_WORD,
    LEADING_FUNCTION_WORDS,
    NOT_A_SENTENCE_END,
    NOT_IN_NAMES,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    POSTED_IN,
    REGNAL_TITLES,
    RUN_TAIL,
    STOP_WORDS,
    SUFFIXES,
    TITLE_SYNONYMS,
    TITLES,
    TRAILING_ADVERBS,
    VERB,
    VERB_WORDS,
    WORD_TITLES,
)
from digest.quotes.spans import occurrences
from digest.quotes.subjects import appositives, reporting_subjects
from digest.text import words


@memoised(20_000)
def _organisation(raw: str) -> str | None:
    """A capitalised run that names an organisation ("the Westboro Baptist Church" -> "Westboro
    Baptist Church"): it holds an organisation word and is not only a weekday or month."""
    parts = [p for p in raw.split() if p[:1].isupper()]
    while parts and parts[0].lower() in LEADING_FUNCTION_WORDS:
        parts.pop(0)
    if len(parts) < 2 or not any(p.lower() in ORG_NOUNS for p in parts):
        return None
    return " ".join(parts).strip(" ,.")


def _title_of(raw: str) -> str | None:
    """The title a name is given in this mention: "Jefferson County Sheriff Fred Abdalla" -> "sheriff"."""
    for part in reversed(raw.lower().split()[:-1]):
        if (title := part.rstrip(".")) in TITLES:
            return title
    return None


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Z]\.?")  # "P.", "U.S", "U.S.", "J" (not "FIFA")


@memoised(20_000)
def person_name(raw: str) -> str | None:
    """A capitalised run as a possible person's name; None for organisations, institutions and
    capitalised function words ("She", "People", "Then")."""
    name = clean_name(raw)
    lower = name.lower().split()
    if not lower:
        return None
    # (set operations in C where no part has a dot to strip: each new name in an article comes here)
    if any(p.strip(".") in ORG_WORDS for p in lower) if "." in name else not ORG_WORDS.isdisjoint(lower):
        return None
    if len(lower) > 1 and not NOT_IN_NAMES.isdisjoint(lower[1:]):
        return None  # "Students Teaching About Racism": a name of a thing, not of a person
    if len(lower) == 1 and lower[0] in STOP_WORDS:
        return None
    parts = name.split()
    if parts[0].isupper() and (all(_INITIALS.fullmatch(p) for p in parts) or (  # (initials are upper case)
            len(parts) == 2 and _INITIALS.fullmatch(parts[0]) and lower[1] in STOP_WORDS)):
        return None  # "U.S", "P. So": initials alone, or a sentence's first word after one
    return name


def _surname(parts: list[str]) -> str:
    """The family name of a parsed name: the last part that is not a suffix ("Samuel Mullet Sr.")."""
    for part in reversed(parts):
        if part.lower().rstrip(".") not in SUFFIXES:
            return part.lower()
    return parts[-1].lower()


def _is_form_of(short: list[str] | tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"fred abdalla" is a form of "fred j. abdalla": its parts appear in the fuller name in order
    (both lower-cased)."""
    rest = iter(full)
    return all(part in rest for part in short)


@memoised(20_000)
def _lower_parts(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


@memoised(20_000)
def _name_profile(raw: str) -> tuple[str, list[str], str, str | None] | None:
    """(name, its words, family name, title in this mention) of a capitalised run naming a person,
    else None: the same runs recur in every article ("Obama", "He", "The"), so this is worked out once."""
    name = person_name(raw)
    if name is None:
        return None
    parts = name.split()
    return name, parts, _surname(parts) if 2 <= len(parts) <= 5 else "", _title_of(raw)


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].rstrip()
    return not before or before[-1] in ".!?:\"”“"


# what follows a name that is its sentence's subject: an appositive or a verb ("Buckley, who …", "Smith
# worried")
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_MALE = {"he", "his", "him"}
_POSSESSIVES = ("'s", "’s", "'", "’")
# (the first letter first, so that `re` scans for it in C)
_GENDERED = re.compile(r"[HhSs](?<![\w'’].)(?:(?<=[Hh])(?:e|is|im|ers?)|(?<=[Ss])he)\b")
_REFERENT_STEPS = 4  # sentences led by the same pronoun a referent is looked for across
_SUBJECT_LEAD_WORDS = 4  # words before a sentence's subject ("But former Sen. …")
_LEAD_WORDS = {"but", "and", "so", "yet", "then", "still", "now", "former", "the", "a", "an"}
# the end of a sentence: a stop (not after an initial or a short title) and the blank after it
_SENTENCE_BREAK = re.compile(rf"[.!?](?<![A-Z].){NOT_A_SENTENCE_END}[\"”’)]?\s+")


def _pronoun_in(text: str, start: int, end: int, gender: str) -> bool:
    """A nominative pronoun of `gender` in text[start:end] (the subject, or a clause's, before a name)."""
    pattern = _HE if gender == "m" else _SHE
    return bool(pattern.search(text, start, end))


_SPEAKS_AFTER = re.compile(rf"(?:\s+\w+ly)?\s+(?:{VERB})\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{VERB})\s+\Z")
_HE = re.compile(r"\b[Hh]e\b")
_SHE = re.compile(r"\b[Ss]he\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+\Z")
_SUBJECT_AFTER = re.compile(r",\s+(?:who|a|an|the)\s|\s+(?:[a-z]+ed|is|was|has|had|says|said)\b")


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")


def keeps_its_article(who: str, in_text: Callable[[str], bool]) -> bool:
    """"The Sun reported": a name whose "The" the article also writes in capitals mid-sentence
    ("according to The Sun") is a name with its article, like a newspaper's."""
    rest = who[4:]
    return (who.startswith("The ") and bool(_CAPITALISED_RUN.fullmatch(rest))
            and in_text(rf"[a-z,;]\s+The\s+{re.escape(rest)}\b"))


_SEAT = re.compile(r"\s+in\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
# capitalised runs of any length: "Air New Zealand CEO Christopher Luxon" is cut at the title later
_CAPITAL_RUN = re.compile(CAPITAL_NAME_WORD + RUN_TAIL)
_ARTICLE_RUN = re.compile(ARTICLE_NAME_WORD + RUN_TAIL)
_ARTICLE_HYPHEN = re.compile(r"-(?:(?<=al-|el-|ad-|as-)|(?<=ash-))")  # the hyphen of "al-", "ash-", ...


def name_runs(text: str) -> Iterator[re.Match[str]]:
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


_DEMONYM = re.compile(r"[A-Z][a-z]{2,}(?:ese|ian|ish|i)")  # "Lebanese", "Syrian", "Pakistani" (not "Ian", "Alan")
# a word shaped like a nationality, at a word's start, before a lower-case word (the capital first: re scans
# for it in C)
_DEMONYM_BEFORE_WORD = re.compile(r"([A-Z](?<!\w.)[a-z]{2,}(?:ese|ian|ish|i))\s+([a-z][a-z\-]+)")
_ROLE_END = re.compile(r"[,.;:]|\s(?:of|at|for|in|with|from|on|to|and|who|whose|which|since)\s")


_IN_BRACKETS = re.compile(r"\(([A-Z]{2,6})\)")
_SPELT_OUT_BEFORE = re.compile(r"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|on|the|&)\s+)?){2,8})\Z")
_MINOR_WORDS = {"of", "for", "and", "on", "the", "&", "in", "at"}


def initials(name: str) -> str:
    """"Drug Enforcement Administration" -> "DEA"; the small words of a name are skipped."""
    return "".join(word[0] for word in name.split() if word.lower() not in _MINOR_WORDS).upper()


class Names:
    """People and organisations named in the article: full forms, and who was mentioned last.

    "Palacios" and "Fred Abdalla" become "Alvaro Palacios" and "Fred J. Abdalla" (the
    fullest mention with that family name), "Westboro" and "the church" become "Westboro
    Baptist Church", "the pope" the last person named with that title, and a pronoun
    resolves to the person most recently named before the quote.
    """

    def __init__(self, text: str):
        self._text = text
        self._full: dict[str, str] = {}
        self._gender: dict[str, str | None] = {}
        self.forms: dict[str, list[str]] = {}  # family name -> the names with it, in order of mention
        self.by_other: dict[str, str] = {}  # a given name (or a family-name-first name's first part)
        self.orgs: list[tuple[int, str]] = []
        runs: list[tuple[int, str, int, str | None]] = []  # (position, name, number of words, title)
        forms, by_other = self.forms, self.by_other
        for match in name_runs(text):
            raw, at = match.group(), match.start()
            profile = _name_profile(raw)
            if profile is None and raw.lower() in forms and not _opens_sentence(text, at):
                profile = raw, [raw], "", None  # "added See": a family name that is also a word
            if profile is None:
                org = _organisation(raw)
                if org:
                    if org.rsplit(None, 1)[-1].lower() in POSTED_IN:  # "the U.S. Embassy in Kabul"
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
    def _introductions(self) -> list[tuple[re.Match[str], re.Match[str]]]:
        return list(appositives(self._text))

    @cached_property
    def _speakers(self) -> set[str]:
        """A mention counts as a person when that person speaks somewhere in the article or is
        introduced with an appositive ("Gladys Block, a professor ..."): places and organisations are
        named often, but rarely that way."""
        speakers = set()
        for raw in chain(reporting_subjects(self._text), (match.group("who") for match, _ in self._introductions)):
            who = clean_name(raw)
            # (a stop word is a pronoun or the like, unless it is someone's family name: "added See")
            if who and who[0].isupper() and (who.lower() not in STOP_WORDS or who.lower() in self.forms):
                speakers.add(self.full(who))
        return speakers

    @cached_property
    def introduced(self) -> list[tuple[int, set[str], str]]:
        """"Ken Druck, a grief expert," -> "the expert" later means Ken Druck."""
        introduced = []
        for match, comma in self._introductions:
            person = person_name(match.group("who"))
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
    def positions(self) -> list[int]:
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

    def full_as(self, name: str, gender: str | None) -> str:
        """`full`, for a name an honorific gives a gender ("Mrs. Obama", `HONORIFIC_GENDER`): of two people with
        that family name ("Barack Obama", "Michelle Obama"), the one the article writes with that gender,
        where the first mention's form is written with the other."""
        full = self.full(name)
        if gender is None or " " in name or self.gender(full) == gender:
            return full
        others = [f for f in self.forms.get(name.lower(), ()) if f != full and self.gender(f) == gender]
        return self.full(others[0]) if others else full

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
            if name.isupper() and name in self._acronyms:
                return self._acronyms[name]
        return name

    @cached_property
    def _acronyms(self) -> dict[str, str]:
        """"DEA" -> "Drug Enforcement Administration": an organisation the article names in full, by the
        initials of its words ("the Drug Enforcement Administration (DEA)", or just named once in full)."""
        found: dict[str, str] = {}
        for _, org in self.orgs:
            found.setdefault(initials(org), org)
        for bracket in _IN_BRACKETS.finditer(self._text):
            before = _SPELT_OUT_BEFORE.search(self._text, max(0, bracket.start() - 150), bracket.start())
            full = before.group(1).strip().removeprefix("The ") if before else ""
            if initials(full) == bracket.group(1):
                found[bracket.group(1)] = full
        return found

    def described(self, description: str, position: int) -> str | None:
        """"the church" / "the pope" / "the expert": the titled person, the person introduced with
        that word ("Ken Druck, a grief expert") or the organisation named last before `position` whose
        title, introduction or last word is the description's head noun."""
        head = description.split()[-1].lower()
        head = TITLE_SYNONYMS.get(head, head)
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
        found = self._last_before_at(position)
        return found[1] if found else None

    def _last_before_at(self, position: int) -> tuple[int, str] | None:
        """(position, full name) of `last_before`'s answer."""
        index = bisect.bisect_left(self.positions, position) - 1
        # someone introduced with a title in this very paragraph may be speaking for the first time
        # ("Air New Zealand spokesperson Andrew Aitken refuted those comments. '…,' he said")
        paragraph = self._text.rfind("\n", 0, position) + 1
        # (the titles of this paragraph's names only: `titled` for the whole article is rarely needed)
        runs = self._runs[bisect.bisect_left(self._runs_at, paragraph):bisect.bisect_left(self._runs_at, position)]
        for pos, name, _, named_title in reversed(runs):
            if not self._title(pos, named_title):
                continue
            if " " in name:
                if index < 0 or pos > self.positions[index]:
                    return pos, self.full(name)
                break
        # ... and so may the subject of a clause of it, named since the last speaker ("Buckley, who had
        # not sung in years, worried. '…,' she said"; "By the time Buckley learned …, she …: '…'")
        for pos, name, _, _ in reversed(runs):
            if (index < 0 or pos > self.positions[index]) and _SUBJECT_AFTER.match(self._text, pos + len(name)) \
                    and not _ARTICLE_BEFORE.search(self._text, max(0, pos - 5), pos):  # ("a Native American, a …")
                full = self.full(name)
                if 2 <= len(full.split()) <= 4 and not STOP_WORDS.intersection(full.lower().split()):
                    return pos, full  # (not a title in capitals: "No Place Like Home was …")
        if index >= 0:
            return self.mentions[index]
        earlier = bisect.bisect_left(self._anyone_at, position)
        return self._anyone[earlier - 1] if earlier else None

    def referent(self, pronoun: str, position: int) -> str | None:
        """Who "he" or "she" in a reporting clause at `position` is: the person named last before it, as
        news writing keeps its subject, but
        - not someone a sentence names after the same pronoun as its subject ("She gave me the address of
          Ford's sister, Martha Fry. '…,' she said": the pronoun goes on from before that sentence);
        - the subject of the sentence that names the candidate, when it names them first ("Morrison was the
          third witness to hear the call with President Zelensky. He said …");
        - not someone the article writes with the other pronoun ("Mike Ford … his" is no "she").
        "They" and "we" take the person named last."""
        gender = _PRONOUN_GENDER.get(pronoun)
        at = position
        for _ in range(_REFERENT_STEPS):
            found = self._last_before_at(at)
            if found is None or gender is None:
                return found[1] if found else None
            pos, name = found
            if person_name(name) is None:  # ("he" is no "Coca-Cola Company", however it spoke)
                at = pos
                continue
            start = self._sentence_start(pos)
            if _pronoun_in(self._text, start, pos, gender):
                at = start  # the sentence is about the pronoun's referent, named before it
                continue
            subject = None if self._reports(pos, name) else self._sentence_subject(start, pos)
            if subject and self.gender(subject) in (None, gender):
                return subject
            if self.gender(name) not in (None, gender):
                at = pos
                continue
            return name
        return None

    def _reports(self, position: int, name: str) -> bool:
        """The mention of `name` at `position` is a reporting clause's subject ("…, Zuroff said.", "said
        Zuroff"): the sentence reports that person's words, whoever it names first."""
        last = name.rsplit(None, 1)[-1]
        end = self._text.find(last, position, position + 120)
        if end < 0:
            return False
        return bool(_SPEAKS_AFTER.match(self._text, end + len(last))
                    or _SPEAKS_BEFORE.search(self._text, max(0, position - 30), position))

    def _sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` starts (within its paragraph)."""
        paragraph = self._text.rfind("\n", 0, position) + 1
        stops = list(_SENTENCE_BREAK.finditer(self._text, max(paragraph, position - 400), position))
        return stops[-1].end() if stops else paragraph

    def _sentence_subject(self, start: int, before: int) -> str | None:
        """The person a sentence starting at `start` names first, when it names them at its start (its
        subject: "Morrison was …", "Sen. Tim Kaine, a Democrat, …"), before offset `before`."""
        index = bisect.bisect_left(self.positions, start)
        if index >= len(self.positions) or self.positions[index] >= before:
            return None
        pos, name = self.mentions[index]
        lead = self._text[start:pos].split()
        if len(lead) > _SUBJECT_LEAD_WORDS or any(w[:1].islower() and w not in _LEAD_WORDS for w in lead):
            return None
        return name

    def gender(self, name: str) -> str | None:
        """"m" or "f" when the article writes the person so: the first "he/his/him" or "she/her" after each
        mention of them, in its paragraph and before the next name, two to one at least; None when it does
        not say. Asked of the few people a pronoun may mean, so worked out per person."""
        known = self._gender.get(name, "?")
        if known == "?":
            known = self._gender[name] = self._gender_of(name)
        return known

    def _gender_of(self, name: str) -> str | None:
        last = name.rsplit(None, 1)[-1]
        text, runs = self._text, self._runs
        votes = [0, 0]
        for i, (pos, run, _, _) in enumerate(runs):
            if not (run.endswith(last) or name.startswith(run)) or self.full(run) != name:
                continue
            if text.startswith(_POSSESSIVES, pos + len(run)):
                continue  # ("Mike Ford's death pushed her": a pronoun after a possessive is someone else's)
            end = min(pos + 250, runs[i + 1][0] if i + 1 < len(runs) else len(text))
            paragraph_end = text.find("\n", pos, end)
            match = _GENDERED.search(text, pos + len(run), end if paragraph_end < 0 else paragraph_end)
            if match:
                votes[match.group().lower() not in _MALE] += 1
        male, female = votes
        return "m" if male > 0 and male >= 2 * female else "f" if female > 0 and female >= 2 * male else None

    @cached_property
    def _demonyms_before_nouns(self) -> set[str]:
        """Words shaped like a nationality that the article writes before a common noun ("the Lebanese
        border"): one scan of the text, asked for each speaker."""
        return {match.group(1) for match in _DEMONYM_BEFORE_WORD.finditer(self._text)
                if (word := match.group(2)) not in STOP_WORDS and word not in VERB_WORDS
                and not word.endswith(("ed", "ly"))}

    def _is_people_of_a_place(self, name: str) -> bool:
        """"Lebanese Hezbollah", "Syrian Kurds": a nationality and a group, not a first and a family name.
        The first word reads as a nationality and the article also writes it before a common noun
        ("the Lebanese border"), which a first name never is."""
        parts = name.split()
        return len(parts) == 2 and bool(_DEMONYM.fullmatch(parts[0])) and parts[0] in self._demonyms_before_nouns


def _lower_title_before(text: str, position: int) -> str | None:
    """The lower-case title word right before `position` ("photographer" in "British photographer
    Jimmy Nelson"). Plain string work: a regex search here ran for every capitalised word."""
    window = text[max(0, position - 30):position]
    if not window[-1:].isspace():
        return None
    last = window.rsplit(None, 1)[-1:]
    word = last[0].lstrip("([{\"'“‘—–-/") if last else ""
    return word.lower() if word[:1].islower() and word.lower() in WORD_TITLES else None


def _without_adverbs(parts: list[str]) -> list[str]:
    """["the", "Kremlin", "later"] (said) -> ["the", "Kremlin"] (in place)."""
    while len(parts) > 1 and parts[-1] in TRAILING_ADVERBS:
        parts.pop()
    return parts


def strip_adverbs(who: str) -> str:
    """"the Kremlin later" (said) -> "the Kremlin"."""
    return " ".join(_without_adverbs(who.split()))


_POSSESSIVE = ("'", "'s")  # the endings of "Austria's", "Reuters'"
DETERMINER = re.compile(r"^(?:the|a|an|one|another|his|her|their|its|this|these)\s+(?:of\s+(?:the|his|her|their|its)\s+)?", re.I)
OPENING_MARK = re.compile(r"[“\"]")


# the honorifics that say whether a person is a man or a woman
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def honorific_gender(raw: str) -> str | None:
    """"m" for "Mr. Obama", "f" for "Mrs. Obama" and "Ms Obama" (UK copy writes no stop); None for others."""
    parts = raw.split()
    return HONORIFIC_GENDER.get(parts[-2].lower().rstrip(".")) if len(parts) >= 2 else None


@memoised(20_000)
def clean_name(raw: str) -> str:
    """The name alone: "U.S. captain Zach Parise" / "Dr. Edgar Miller" -> "Zach Parise" / "Edgar Miller"."""
    parts = _without_adverbs(raw.replace("’", "'").split())
    # keep the trailing run of capitalised words (and name particles)
    start = len(parts)
    while start > 0 and (parts[start - 1][:1].isupper() or parts[start - 1] in PARTICLES and start < len(parts)):
        start -= 1
    parts = parts[start:] or parts
    while len(parts) > 1 and (parts[0].lower() in LEADING_FUNCTION_WORDS or parts[0].endswith(_POSSESSIVE)):
        parts.pop(0)  # "Austria's Mario Matt"
    for cut in range(len(parts) - 2, -1, -1):  # the last title before the last word
        if parts[cut].lower().rstrip(".") in TITLES:
            # a pope or monarch is named with the title: "Pope Benedict XVI", "Queen Elizabeth II"
            regnal = parts[cut].lower() in REGNAL_TITLES and len(parts) - cut <= 3
            parts = parts[cut:] if regnal else parts[cut + 1:]
            break
    name = " ".join(parts)
    if name.endswith(_POSSESSIVE):
        name = name[:-2] if name.endswith("'s") else name[:-1]
    name = name.strip(" ,.")
    if name[-2:].lower() in ("jr", "sr") and name[-3:-2] in ("", " "):  # (the last word: parts hold no blanks)
        name += "."  # "Samuel Mullet Sr."
    return name


def is_name(who: str) -> bool:
    return bool(who) and who[0].isupper() and who.split()[0].lower() not in {"the", "a", "an", "i", "it", "we", "he", "she", "they"}


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `re` counts as `\w`


def written_alone(text: str, word: str) -> bool:
    """`word` stands in `text` as a word of its own: not inside a longer word, not after an apostrophe or
    a hyphen. (`str.find` rather than a regex made for each word: compiling one cost more than a scan.)"""
    for at in occurrences(text, word):
        end = at + len(word)
        if ((at == 0 or not (_is_word_character(text[at - 1]) or text[at - 1] in "'’-"))
                and _is_word_character(word[-1]) != (end < len(text) and _is_word_character(text[end]))):
            return True
    return False


# `\b(?:a|an|one)` written to start with its letters (the word start is checked behind the first one): re
# then scans for the letters in C instead of entering the pattern at every position
INDEFINITE_WORD = r"(?:a(?<!\w.)n?|o(?<!\w.)ne)"
