"""Quotes and their speakers in languages other than English, read from `digest.quotes.speech` data.

News in German, French, Russian, Spanish, Portuguese, Italian and Dutch writes the reporting clause
in a handful of shapes, the same in each language but for its words:

- inverted after the quote: „…“, sagte Merkel. / « … », a déclaré le maire. / «…», — заявил Петров.
- a preposition after or before: „…“, so Merkel. / Selon le maire, « … ». / По словам Петрова, «…».
- before, with a colon: Merkel sagte: „…“ / Dem Spiegel sagte Merkel: „…“ / Le maire a déclaré : « … »
- a quoted fragment that the sentence's verb reports: Merkel sprach von einer „Katastrophe“.

Turkish, Chinese, Japanese and Korean write the speaker first and the verb after the quote: Başkan
“…” dedi. / 局长表示：“…” / 知事は「…」と述べた / 시장은 “…”라고 말했다.

A span is speech when a reporting clause attributes it or it reads as a statement of its own (a
sentence of several words); names in quotation marks (a newspaper, a party, a ship) are not. This module
finds the spans and decides; `digest.quotes.clauses` reads the narration around each.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import chain

from digest.quotes.clauses import (
    ENDS_A_SENTENCE,
    NAME_WORDS,
    REPORT_REACH,
    ClauseReader,
    capitalised_run,
    elided,
    sentence_ends,
    words_of,
)
from digest.quotes.dashes import dash_lines, speech_parts
from digest.quotes.repeats import speak_repeats
from digest.quotes.spans import Quote
from digest.quotes.speech import Speech

_DASHES = "—–-"
_STATEMENT_WORDS = 5  # a span of this many words is a statement of its own, attributed or not
# a page's code in quotation marks ("x3oe2gx", "dm-public", "videoId"), or a web address ("tagesschau.de"):
# an identifier, not words
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit
_CODE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+|(?=[a-z]*\d)[a-z0-9]{5,}|[a-z]+[A-Z][A-Za-z0-9]*")


@dataclass(slots=True)
class _Span:
    open_mark: int  # offset of the opening mark
    start: int  # first quoted character
    end: int  # just past the last quoted character
    close_mark: int  # just past the closing mark (== end when no mark closed it)
    paragraph_start: int
    paragraph_end: int
    follows: int = -1  # the start of the span this one goes on from, after the narrator's words between them
    narrated: bool = False  # the narrator's words follow it inside the speech ("«A, — пояснил X. — B»": A)


_OPENS, _CLOSES, _EITHER = "opens", "closes", "either"
_BEFORE_AN_OPENING = "([{—–-/«„“'"
_AFTER_A_CLOSING = ",.;:!?)]…»”'"


def _shape(text: str, at: int) -> str:
    """Whether the straight mark at `at` is shaped as an opening mark (a blank or a bracket before it, a word
    after it), as a closing one (a word before it, a blank or punctuation after it), or as either."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    may_open = (before.isspace() or before in _BEFORE_AN_OPENING) and not after.isspace()
    may_close = not before.isspace() and (after.isspace() or after in _AFTER_A_CLOSING)
    return _OPENS if may_open and not may_close else _CLOSES if may_close and not may_open else _EITHER


def _clause_inside(text: str, speech: Speech, start: int, end: int) -> int:
    """Where the quoted words of text[start:end] end before an inverted reporting clause inside it ('On donne
    des réponses …, détaille M. Bourrette. Selon lui …'): just past its comma; -1 when none is there."""
    clause = _INVERTED_CLAUSE_INSIDE.search(text, start, end)
    while clause is not None:
        verb = text[clause.end():end]
        if verb[:1].islower() and (speech.verb_pattern is not None and speech.verb_pattern.match(verb) or (
                speech.auxiliary_pattern is not None and speech.auxiliary_pattern.match(verb))):
            return clause.start() + 1
        clause = _INVERTED_CLAUSE_INSIDE.search(text, clause.end(), end)
    return -1


# a comma, "!" or "?" and a blank before a letter: where an inverted reporting clause may begin
_INVERTED_CLAUSE_INSIDE = re.compile(r"[,!?]\s+(?=[^\W\d_])")


def _with_dash_speech(text: str, spans: list[_Span], speech: Speech, function_words: frozenset[str]) -> list[_Span]:
    """`spans` split where the narrator's words interrupt them between dashes ("«A, — пояснил X. — B»"), and
    the lines of speech a dash opens (`digest.quotes.dashes`) added, in text order; a span inside such a line
    is a quotation within the speech, not a quote of its own."""
    function_words = _not_narration(speech, function_words)
    lines = dash_lines(text, function_words)
    out: list[_Span] = []
    for span in spans:
        if not any(start <= span.start < end for start, _, end in lines):
            out += _parts(text, span, speech_parts(text, span.start, span.end, function_words, closed=True))
    for paragraph_start, speech_start, paragraph_end in lines:
        line = _Span(paragraph_start, speech_start, paragraph_end, paragraph_end, paragraph_start, paragraph_end)
        out += _parts(text, line, speech_parts(text, speech_start, paragraph_end, function_words))
    return sorted(out, key=lambda span: span.start)


@cache
def _not_narration(speech: Speech, function_words: frozenset[str]) -> frozenset[str]:
    """The small words the narrator's words do not open with: the language's function words but its verbs of
    speech ("сказал" is a stop word)."""
    verbs = speech.verb_pattern
    return frozenset(word for word in function_words if verbs is None or not verbs.fullmatch(word))


def _parts(text: str, span: _Span, parts: list[tuple[int, int, bool]] | None) -> list[_Span]:
    """The span, or its parts when the narrator's words interrupt it: each part that the narrator's words
    follow is a quote with them as its clause ("— Они что, панки? — интересуется Мураками. — Да не то чтобы…,
    — говорю я": two speakers' lines); one that they do not, the last, goes on from the part before."""
    if parts is None:
        return [span]
    out = []
    for index, (start, end, narrated) in enumerate(parts):
        opening = span.open_mark if index == 0 else start
        follows = parts[index - 1][0] if index and not narrated else -1
        out.append(_Span(opening, start, end, end if narrated else span.close_mark, span.paragraph_start,
                         span.paragraph_end, follows, narrated))
    return out


def _spans(text: str, speech: Speech, function_words: frozenset[str] = frozenset()) -> list[_Span]:
    """Spans between a language's opening and closing marks, paragraph by paragraph; a mark inside a
    span opens nothing (a quotation within the quotation), but an opening mark the language nests
    (`Speech.nesting`) opens one inside it that its next closing mark ends ("«Не было … «Эха» предложил …»":
    the outer span goes on). A span no mark closes runs to the end of its paragraph. (Only
    the marks and the line breaks are visited: one scan in C finds them.)"""
    spans: list[_Span] = []
    marks, found = speech.marks, speech.mark_pattern
    paragraph_start, opener, closers, opening, depth = 0, -1, "", "", 0
    for match in chain(found.finditer(text), (None,)):
        at = len(text) if match is None else match.start()
        ch = "\n" if match is None else match.group()
        if ch == "\n":
            if opener >= 0 and at - opener > 1:
                spans.append(_Span(opener, opener + 1, at, at, paragraph_start, at))
            paragraph_start, opener = at + 1, -1
        elif opener < 0:
            if ch in marks and not (ch == '"' and _shape(text, at) == _CLOSES):
                # (a straight mark shaped as a closing one, 'rien", a déploré', opens nothing: its opening one was lost)
                opener, closers, depth = at, marks[ch], 0
                opening = ch if ch in speech.nesting else ""
        elif ch == opening:
            depth += 1
        elif ch in closers:
            if depth:
                depth -= 1
                continue
            if ch == '"' and _shape(text, at) == _OPENS:
                # a straight mark shaped as an opening one inside a span: where a reporting clause stands in the
                # span before it, that span never closed (its closing mark lost: '"On donne …, détaille M. Bourrette.
                # Selon lui, ces violences "reste …'), and this mark opens the next; else it opens a quotation inside
                # the quotation ('"… свой контент "ВКонтакте", а не …"'), which the next mark closes
                clause = _clause_inside(text, speech, opener + 1, at)
                if clause < 0:
                    depth += 1
                    continue
                spans.append(_Span(opener, opener + 1, clause, clause, paragraph_start, -1))
                opener = at
                continue
            if at > opener + 1:
                spans.append(_Span(opener, opener + 1, at, at + 1, paragraph_start, -1))
            opener = -1
    ends = [m.start() for m in re.finditer("\n", text)] if any(s.paragraph_end < 0 for s in spans) else []
    for span in spans:
        if span.paragraph_end < 0:
            following = bisect.bisect_left(ends, span.close_mark)
            span.paragraph_end = ends[following] if following < len(ends) else len(text)
    return _with_dash_speech(text, spans, speech, function_words) if speech.dash_speech else spans


def _names_something(reader: ClauseReader, text: str, before: str, content: str, n_words: int,
                     speech: Speech) -> bool:
    """The span in marks is a name ("„Spiegel“", «Интерфакс»), not speech."""
    if reader.names_what_follows(before):
        return True
    if n_words <= NAME_WORDS and reader.speaks_in(before):
        return True  # '„…“, schreibt der „Spiegel“': the speaker of the quote before
    if n_words <= NAME_WORDS and _written_unquoted(text, content, speech.marks):
        return True  # 'der „Spiegel“ … der Spiegel': a name the article also writes without marks
    # «Интерфакс», « Le Monde »: where only names have capitals, a short capitalised span is one
    return n_words < _STATEMENT_WORDS and not speech.capitalised_nouns and content[:1].isupper() \
        and not content.endswith(ENDS_A_SENTENCE)


def _written_unquoted(text: str, content: str, marks: dict[str, str]) -> bool:
    """`content` stands in `text` somewhere without a quotation mark before it (the blank French sets
    inside « » left out)."""
    at = text.find(content)
    while at >= 0:
        if text[max(0, at - 2):at].rstrip()[-1:] not in marks:
            return True
        at = text.find(content, at + 1)
    return False


def _earlier_sentences(text: str, paragraph_start: int, at: int, ends: list[int], count: int) -> list[str]:
    """The `count` sentences of the paragraph before the one at offset `at`, the nearest first."""
    index = bisect.bisect_right(ends, at)
    starts = [paragraph_start, *ends[:index]][-count - 1:]
    return [text[starts[i]:starts[i + 1]] for i in range(len(starts) - 2, -1, -1)]


def _sentences_before(text: str, paragraph_start: int, at: int, ends: list[int]) -> tuple[str, str]:
    """(the sentence before the current one, the current sentence's narration up to offset `at`), from
    `ends`, where the paragraph's sentences end."""
    index = bisect.bisect_right(ends, at)
    current = ends[index - 1] if index else paragraph_start
    previous = ends[index - 2] if index > 1 else paragraph_start
    return text[previous:current] if index else "", text[current:at]


def _last_sentence_before(text: str, paragraph_start: int, speech: Speech) -> tuple[str, int]:
    """(the last sentence of the paragraph before the one at `paragraph_start`, where it starts)."""
    start = text.rfind("\n", 0, paragraph_start - 1) + 1
    paragraph = text[start:paragraph_start - 1]
    ends = [end for end in sentence_ends(paragraph, speech.articles, speech.capitalised_nouns)
            if end < len(paragraph.rstrip())]
    return paragraph[ends[-1] if ends else 0:], start + (ends[-1] if ends else 0)


def _named_in_full(text: str, name: str, function_words: frozenset[str]) -> bool:
    """`name` follows a capitalised word somewhere in `text` that is no small word opening a sentence: a
    first name or a title ("Виталий Калоев", not "В Калоев")."""
    if not name[:1].isupper() or name.isupper():
        return False  # (an acronym, "RTL", names a body)
    for found in re.finditer(rf"(\w+)\s+{re.escape(name)}\w{{0,3}}(?!\w)", text):  # (declined: "Виталия Калоева")
        first = found.group(1)
        if first[:1].isupper() and first.lower() not in function_words:
            return True
    return False


def _reported_before(reader: ClauseReader, text: str, span: _Span, previous: str, before: str,
                     quotes: list[Quote]) -> str | None:
    """`_reported_since` in the sentence before the quote's, or, for a quote that opens its paragraph, in the
    last sentence of the paragraph before."""
    if previous or before.strip() or not span.paragraph_start:
        return _reported_since(reader, text, previous, span.open_mark - len(before) - len(previous), quotes)
    return _reported_since(reader, text, *_last_sentence_before(text, span.paragraph_start, reader.speech), quotes)


def _reported_since(reader: ClauseReader, text: str, previous: str, start: int, quotes: list[Quote]) -> str | None:
    """Whom the sentence before a quote names as reporting, when it comes after the last quote ("…, заявил
    депутат Олег Иванов. «…», — добавил он."): the person a pronoun after the quote means, named since the
    last quote's speaker. Only a person's name is meant so (a medium, "selon RTL", or a description, "la
    marine nationale", "selon Challenges", is not whom "il" or "он" stands for): two capitalised words, as "Олег
    Иванов", or a family name alone that the article gives with a first name."""
    if not previous or quotes and quotes[-1].end > start:
        return None
    named = reader.reported_in(previous)
    words = named.split() if named else []
    if len(words) == 1:  # a family name alone: one the article names in full somewhere ("Виталий Калоев")
        return named if _named_in_full(text, words[0].strip(",."), reader.function_words) else None
    return named if any(a[:1].isupper() and b[:1].isupper() for a, b in zip(words, words[1:], strict=False)) else None


def marked_quotes(text: str, speech: Speech, function_words: frozenset[str]) -> list[Quote]:
    """The direct quotations of `text` (paragraphs separated by '\\n') in its language's marks, in order,
    each with the speaker its reporting clause names (None when none does). `function_words`: the
    language's stop words (what may not open a sentence's subject)."""
    spans = _spans(text, speech, function_words)
    if not spans:
        return []  # (most posts and many articles: no reader to build)
    reader = ClauseReader(speech, function_words, text)
    quotes: list[Quote] = []
    last_speaker: str | None = None
    unresolved: list[tuple[int, str]] = []  # (index, pronoun) of the quotes a pronoun reports that no speaker
    # before them resolved
    paragraph_ends: dict[int, list[int]] = {}  # paragraph start -> where its sentences end
    for span in spans:
        content = text[span.start:span.end].strip()
        if _ALNUM.search(content) is None or content.isdigit() or _CODE.fullmatch(content):
            continue
        if span.follows >= 0:
            if quotes and quotes[-1].start == span.follows:
                quotes[-1].add_part(content, span.end)  # the speech after the narrator's words
            continue
        ends = paragraph_ends.get(span.paragraph_start)
        if ends is None:
            paragraph = text[span.paragraph_start:span.paragraph_end]
            found = sentence_ends(paragraph, speech.articles, speech.capitalised_nouns)
            ends = paragraph_ends[span.paragraph_start] = [span.paragraph_start + end for end in found]
        previous, before = _sentences_before(text, span.paragraph_start, span.open_mark, ends)
        after = text[span.close_mark:span.paragraph_end]
        n_words = len(words_of(content)) if speech.spaced else len(content) // 2
        line = text[span.open_mark] in _DASHES  # a line of speech a dash opens: never a name in marks
        narrated = line or span.narrated  # (nor is speech the narrator's words interrupt)
        if not narrated and _names_something(reader, text, before, content, n_words, speech):
            continue
        statement = n_words >= _STATEMENT_WORDS and not reader.only_names(content) or before.rstrip().endswith(":") \
            or line
        how = "clause"
        if speech.speaker_first:
            who = reader.speaker_first(before, after)
        else:
            # ('„… verloren.“ Laut der Agentur …': a capital after a quote that ended its sentence, and no comma,
            # opens the next sentence, no clause of the quote's)
            opens_next = content.endswith(ENDS_A_SENTENCE) and after.lstrip()[:1].isupper()
            who = None if opens_next else reader.clause_after(after, statement)
            if who is None and narrated:
                who = reader.narrators_subject(after)  # ("— Что-что?! — обалдел начальник.")
            if who is None:
                who, how = reader.clause_before(before), "introduced"
            # a word before it in its sentence reports it ("sprach von einer „Katastrophe“"); where nouns have
            # capitals to tell its verbs, that word names a fragment's speaker before a clause closing the
            # sentence does ("zumal X betont hatte, der Mann sei weder „dissozial“, …, sagte Y")
            reported_first = speech.capitalised_nouns and not statement
            if who is None and reported_first:
                who, how = reader.reported_in(before, content), "reported"
            if who is None:
                who, how = reader.clause_closing(after), "closing"
            if who is None and not reported_first:
                who, how = reader.reported_in(before, content), "reported"
        reported = who is None and not statement and reader.in_reported_speech(before, after, content)
        if reported:  # "Die Lage sei „ernst“": the last speaker's words (else, below, the sentence before's)
            who, how = last_speaker, "subjunctive"
        if who is None and not statement and not reported:
            continue  # a fragment nobody says: a name, a title, a scare quote
        if how != "clause" and not statement and reader.is_proper_name(content):
            continue  # "sagte der „Berliner Zeitung“", "im „Black Lion Hospital“": a name the sentence holds
        if who is None and previous and not speech.speaker_first:
            # the sentence before reports it ("Merkel sagte, sie sei zufrieden. „Wir …“")
            who, how = reader.reported_in(previous), "sentence"
            if who is None and statement:
                who = reader.intent_of(previous)  # "Die SPD will … festhalten. „Wir wollen …“"
            if who is None and reported:
                # "X berichtet, … . Dort sei man sich einig. Dieser bestehe aus „…“": reported speech goes on
                # from the report that opened it, sentence after sentence
                who = reader.report_opening(_earlier_sentences(text, span.paragraph_start, span.open_mark, ends,
                                                               REPORT_REACH))
        if who is None and statement and not previous and not before.strip() and not speech.speaker_first:
            # a paragraph that opens with a quote goes on from the report that closed the paragraph before
            # ("Калоев … заявил, что благодарен … ¶ «Находясь в тюрьме, я …»")
            who, how = _reported_before(reader, text, span, previous, before, quotes), "sentence"
        if who is not None and who.lower() in speech.pronouns:
            # "sagte er": the speaker the narration before introduces ("X sagte: „…“, betont sie"), else the
            # speaker named last
            pronoun = who
            introduced = reader.clause_before(before) if how == "clause" else None
            if introduced and introduced.lower() not in speech.pronouns:
                who, how = introduced, "introduced"
            else:
                who, how = _reported_before(reader, text, span, previous, before, quotes) or last_speaker, "pronoun"
                if who is None and not statement and not reported:
                    continue  # a fragment "il" or "er" reports and no one it can mean: as one nobody says
                if who is None:
                    unresolved.append((len(quotes), pronoun))
        if who is None and quotes and statement and quotes[-1].speaker \
                and text.count("\n", quotes[-1].end, span.start) <= 1:
            # a quote that goes on from the last one, in its paragraph or the next (not across paragraphs of
            # narration, where others speak: "«…», — усмехается Уилсон" is no speaker of a joke told later)
            who, how = quotes[-1].speaker, "carried"
        if who is not None and how in ("clause", "introduced", "closing", "reported"):
            last_speaker = who
        if how == "clause" and who is not None and not reader.names_someone(who):
            how = "described"  # "…“, heißt es auf der Website": shown under no quote (see `names_someone`)
        quotes.append(Quote(content, who, "full" if statement and content[:1].isupper() else "partial",
                            span.start, end=span.end, attributed_by=how if who else "none"))
    _resolve_to_named_speakers(text, quotes, unresolved, speech, function_words)
    if speech.nouns_take_articles:
        _name_descriptions(text, quotes, speech, function_words)
    elif speech.noun_readings is not None:
        _name_declined_descriptions(text, quotes, speech)
    speak_repeats(quotes)
    return quotes


def _resolve_to_named_speakers(text: str, quotes: list[Quote], unresolved: list[tuple[int, str]], speech: Speech,
                               function_words: frozenset[str]) -> None:
    """A pronoun's quote that nothing before it resolved ("« … », a-t-il déploré" with no one quoted yet)
    means the person last named before it among those the article quotes by name elsewhere (a person who
    speaks, not a place or a body: the English extractor's rule too), looked up by family name; with none,
    the person the narration before it names as a subject (`_subject_named_before`)."""
    if not unresolved:
        return
    named = {q.speaker for q in quotes if q.confident and q.speaker and _is_a_full_name(q.speaker)}
    by_family = {speaker.split()[-1]: speaker for speaker in named}
    for index, pronoun in unresolved:
        quote = quotes[index]
        found = max(((text.rfind(family, 0, quote.start), speaker) for family, speaker in by_family.items()),
                    default=(-1, None))
        if found[0] >= 0:
            quote.speaker, quote.attributed_by = found[1], "pronoun"
        elif quote.speaker is None and not speech.capitalised_nouns:
            subject = _subject_named_before(text, quote.start, pronoun, speech, function_words)
            if subject is not None:
                quote.speaker, quote.attributed_by = subject, "pronoun"


_CAPITALISED_RUN = re.compile(capitalised_run("A-ZÀ-ÖØ-ÞА-ЯЁ"))
_IN_MARKS = re.compile(r"[«„“\"][^«»„“”\"\n]*[»“”\"]")
_SUBJECT_REACH = 4  # sentences before the quote, in its paragraph and the one before


def _subject_named_before(text: str, at: int, pronoun: str, speech: Speech, function_words: frozenset[str]) -> str | None:
    """Whom "il" means when no quote before names anyone: the nearest sentence before the quote (in its
    paragraph or the one before, quotations left out) that names a person, two capitalised words, that no
    preposition or article governs ("au San Eustachio Il Caffe, le propriétaire Raimondo Ricci déplore …"), and
    whose own subject is no pronoun ("il a traité l'un des frondeurs, Georges Képénékian, de …"): the first such
    name in it. (Where nouns have capitals, two of them are no name: not asked.)"""
    start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, at))) + 1
    region = _IN_MARKS.sub(lambda mark: " " * len(mark.group()), text[start:at])
    ends = [0, *sentence_ends(region, speech.articles, speech.capitalised_nouns)]
    sentences = [region[a:b] for a, b in zip(ends, [*ends[1:], len(region)], strict=True)]
    governs = {word for word in function_words if len(word) <= 3} - speech.conjunctions | speech.phrase_ends
    for sentence in reversed(sentences[-_SUBJECT_REACH:]):
        found = _first_person_named(sentence, function_words, governs, speech)
        if found is None:
            continue
        at, name = found
        before = sentence[:at].split()
        if pronoun.lower() in before or before[:1] == [pronoun.capitalize()]:
            continue  # its subject is the pronoun too: the person is named further back (not "San Eustachio Il")
        return name
    return None


def _first_person_named(sentence: str, function_words: frozenset[str], governs: set[str],
                        speech: Speech) -> tuple[int, str] | None:
    """(where, name) of the first person's name in `sentence` that no preposition or article governs."""
    may_be = speech.may_be_subject
    for run in _CAPITALISED_RUN.finditer(sentence):
        words = run.group().split()
        while may_be is not None and words and not may_be(words[0]):
            words.pop(0)  # ("Поскольку | Порошенко …": a conjunction that opens the sentence)
        before = sentence[:run.start()].split()
        if len(words) < 2 or words[0].lower() in function_words or before and before[-1].lower() in governs:
            continue  # ("Le Monde", "dans les Grosses Têtes")
        if not any(word.lower() in function_words for word in words[1:]):  # (not "San Eustachio Il Caffe")
            return run.start(), " ".join(words)
    return None


_DEFINITE = frozenset({"le", "la", "les", "l'", "son", "sa", "ses", "leur"})  # what opens a description that refers
_DESCRIPTION_REACH = 2000  # characters before a quote in which the person a description means is named
_TITLE_GAP = 60  # characters between a title and the name it is given ("la ministre de l'Enseignement supérieur")
_CLAUSE_STOP = re.compile(r"[.;:!?«»\"“”()]")


def _name_descriptions(text: str, quotes: list[Quote], speech: Speech, function_words: frozenset[str]) -> None:
    """A speaker the clause describes ("la ministre", "le milliardaire républicain") is the person the article
    names with that title before the quote: the nearest "la ministre de l'Enseignement supérieur Frédérique
    Vidal" (the title, a few words of its own, the name) or "Olivier Bogillot, président de Sanofi" (the name,
    a comma, the title), as `digest.quotes.names.Names.described` does for English."""
    for quote in quotes:
        words = quote.speaker.split() if quote.speaker and quote.attributed_by == "described" else []
        if not words or elided(words[0]) not in _DEFINITE or any(map(_is_capitalised, words[1:])):
            continue  # (an indefinite description, "un ami proche", "une source", is someone not named)
        article = words[0].replace("’", "'")
        # its noun: the word after the article ("l'ancien président"), or the one elided into it ("l'élu")
        head = words[1] if len(words) > 1 else article.split("'", 1)[1] if "'" in article else ""
        if not head or head.lower() in function_words:
            continue  # ("l'un des membres")
        name = _person_titled(text, head, quote.start, speech, function_words)
        if name is not None:
            quote.speaker = name


_WORD_RE = re.compile(r"[^\W\d_][\w-]*")


def _name_declined_descriptions(text: str, quotes: list[Quote], speech: Speech) -> None:
    """Where nouns decline and take no article, a speaker described in lower case ("президент", "глава
    государства", "японский чиновник") is the person the article names after that title before the quote, in
    whatever case it writes the title ("президента России Владимира Путина" -> "Владимир Путин"): the nearest
    title with the description's noun, then at most a few words of its own (lower case or initials), then a name
    of two capitalised words or more, in the nominative."""
    readings, in_case = speech.noun_readings, speech.name_in_case
    assert readings is not None and in_case is not None
    for quote in quotes:
        if not quote.speaker or quote.attributed_by != "described" or any(ch.isupper() for ch in quote.speaker):
            continue
        # (a noun first, "глава государства"; not a noun an adjective picks out, "черногорский президент", whom
        # the title alone would confuse with another president)
        lemmas = {form for form, case, _ in readings(quote.speaker.split()[0]) if case == "nomn"}
        if not lemmas:
            continue
        low = max(0, quote.start - _DESCRIPTION_REACH)
        for title in reversed(list(_WORD_RE.finditer(text, low, quote.start))):
            found = [case for form, case, _ in readings(title.group().lower()) if form in lemmas]
            if not found:
                continue
            previous = text[max(0, title.start() - 40):title.start()].split()[-1:]
            if previous and previous[0][:1].islower() and any(
                    animate for _, _, animate in readings(previous[0].strip(",.").lower())):
                continue  # the title of another person's genitive ("заместителем министра обороны США Кристин Вормут";
                # not of a thing's: "встреча президента России Владимира Путина")
            after = text[title.end():min(quote.start, title.end() + _TITLE_GAP)]
            stop = _CLAUSE_STOP.search(after)
            words = (after[:stop.start()] if stop else after).split()
            complement = quote.speaker.split()[1:]
            if complement and [word.lower() for word in words[:len(complement)]] != complement:
                continue  # ("глава государства" is not "главу правительства Дмитрия Медведева")
            at = next((i for i, word in enumerate(words[:3]) if _is_capitalised(word) and not word.isupper()), None)
            if at is None:
                continue
            name = speech.person_name(_name_words(words[at:]))  # ("президент Австрии | Хайнц Фишер")
            nominative = in_case(" ".join(name), found[0]) if len(name) >= 2 and not name[-1].isupper() else None
            if nominative is not None:
                quote.speaker = nominative
                break


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_words(words: list[str]) -> list[str]:
    """The capitalised words `words` open with, less the punctuation after the last."""
    name = []
    for word in words:
        if not _is_capitalised(word):
            break
        name.append(word.rstrip(",.;:!?)"))
        if word != name[-1] and not (len(word) == 2 and word.endswith(".")):
            break  # (an initial's stop is no end: "Джордж Х. Буш")
    while len(name) > 1 and name[0].isupper():
        name.pop(0)  # ("la députée LR | Valérie Boyer": a party's initials)
    return name


def _person_titled(text: str, head: str, before: int, speech: Speech, function_words: frozenset[str]) -> str | None:
    """The person's name next to the nearest title `head` before offset `before` (see `_name_descriptions`): a
    name with a comma before the title, else a name the title's words run into. A run after "de" of two words
    is the title's complement ("président de Sanofi France"); of more, the complement and then the name, its
    last two words ("la ministre du Logement Julien Denormandie"); a run a small word opens is no name ("En
    Gironde", "Les Républicains")."""
    low = max(0, before - _DESCRIPTION_REACH)
    for title in reversed(list(re.finditer(rf"(?<![\w'’-]){re.escape(head)}(?![\w'’-])", text[low:before]))):
        at, end = low + title.start(), low + title.end()
        apposition = _NAME_BEFORE_A_TITLE.search(text, max(0, at - 80), at)
        named = apposition.group(1).split() if apposition is not None else []
        while named and named[0].lower() in function_words:
            named.pop(0)  # ("Selon | Olivier Bogillot, président de …")
        if len(named) > 1:
            return " ".join(named)
        after = text[end:min(before, end + _TITLE_GAP)]
        first = after.split(None, 1)[:1]
        if first and after[:1].isspace() and _is_capitalised(first[0]) and first[0].lower() not in function_words:
            # the title's own name right after it, one word or more ("le cardinal Barbarin a remercié Mgr Dubost")
            return " ".join(_name_words(after.split()))
        stop = _CLAUSE_STOP.search(after)
        run = _CAPITALISED_RUN.search(after[:stop.start()] if stop else after)
        if run is None or "," in after[:run.start()]:
            continue
        name, between = run.group().split(), [word.lower() for word in after[:run.start()].split()]
        # (the run opens with the complement's own noun: "de Sanofi France", "de la Santé Agnès Buzyn"; not after
        # "de l'Intérieur", whose noun is its elided article's word)
        governed = bool(between) and (between[-1] in speech.noun_complements or len(between) > 1
                                      and between[-1] in speech.subject_starts and between[-2] in speech.noun_complements)
        if any(word in speech.phrase_ends or word in speech.subject_prepositions for word in between):
            continue  # ("le ministre sur France Inter"): a preposition's object, not the title's name
        if governed and len(name) < 3 or name[0].lower() in function_words:
            continue
        if governed or name[0].isupper() and len(name) > 2:
            name = name[-2:]  # ("la ministre de la Santé | Agnès Buzyn", "la députée LR | Valérie Boyer")
        return " ".join(name)
    return None


# (French titles: names in Latin capitals)
_NAME_BEFORE_A_TITLE = re.compile(rf"({capitalised_run('A-ZÀ-ÖØ-Þ')}),"
                                  r"\s+(?:(?:le|la|l'|l’|un|une|son|sa)\s*)?\Z")


def _is_a_full_name(phrase: str) -> bool:
    words = phrase.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper()
