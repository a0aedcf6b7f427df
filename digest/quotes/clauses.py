"""The reporting clauses around a quote, read in one language from its `digest.quotes.speech` data.

`ClauseReader` answers the questions `digest.quotes.marked` asks of the narration next to a quote: who
the clause right after it names ("„…“, sagte Merkel"), who the narration before it introduces ("Merkel
sagte:", "Laut Merkel"), who a reporting word in the quote's sentence names ("sprach von einer „…“"), and
whether a span is a name rather than speech ("die Zeitung „…“"). Sentence and phrase ends are read here
too, language-neutrally: the English quote package has its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from digest.quotes.speech import Speech
from digest.text import lower_case_words

_MAX_SPEAKER_WORDS = 10
NAME_WORDS = 4  # a name in quotation marks is at most this long
_LABEL_WORDS = 5  # a speaker's name before a colon, as a transcript writes it
_WORD_REACH = 40  # characters looked back for the word before a stop
_PARTICIPLE_WORDS = 3  # a participle's phrase opening a sentence ("Darauf reagierend, …")
REPORT_REACH = 4  # sentences of reported speech that go on from the report that opened them
# how far from its verb a subject after a comma is looked for, and from a quote the clause that closes it (a
# subject and its apposition are short; the bound keeps a hostile sentence of thousands of commas linear)
_SUBJECT_REACH = 300
ENDS_A_SENTENCE = (".", "!", "?", "…", "。", "！", "？")
# a stop, a question or an exclamation mark (and the marks closing a quote) before a blank, or a wide stop
# (or a stop between two words whose blank the page lost, checked in `_ends`: "… verschwunden.Der …")
_STOP = re.compile(r"[.!?…]['’\"”»“«)]*\s+|[。！？]|\.(?<=[^\W\d_]{2}\.)(?=[^\W\d_][^\W\d_'’ ])")
# a stop that ends no sentence: after an initial, a capital and one letter ("Dr.", "Nr."), a longer
# abbreviation of news copy ("Mio.", "Prof.", "Abs.") or a number ("3. Mai"); a word of three letters
# ends one ("… den Tod.")
_INITIAL = re.compile(r"\b[^\W\d_]\Z")
_NOT_AN_END = re.compile(r"(?:\b[^\W\d_]|\b[^\W\d_](?<=[A-ZÄÖÜА-Я])[a-zäöüа-я]|\b(?:Abs|Mio|Mrd|Str|Tel|Prof|Bsp|Chr|Jh|Jhd|Kap|Ziff|Nov|Dez|Okt|Sept|Aug|Feb|Jan|Mme|Mlle|Corp|Inc|Ltd|Vol)|\d+)\Z")
# (a stop before a capital or a mark with no blank between is a blank the page lost: "Merkel.Als …")
_PHRASE_STOP = re.compile(r"[,;:!?()\[\]«»“”„\"。，、：；！？「」『』]|\.(?=\s|$|[^\w\s.]|[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё'’ ])")
# a name of at most four words in quotation marks, capitalised ("die „Computerwoche“", "der »Spiegel«", "«Роснано»")
_NAME_IN_MARKS = re.compile(r"[„“»«\"](?=[A-ZÄÖÜА-ЯЁ])[^\s„“”»«\",.;:!?]+(?: [^\s„“”»«\",.;:!?]+){0,3}[“”«»\"]")
_MARKS = "„“”»«\"'‘’"
# the pieces of a medium's name, which the patterns below compose: a name in marks of any script ("«Взгляд»"),
# a web address ("NEWSru.com", "infox.ru", "Лента.ру", "Газета.Ru"), initials ("РБК", "ИТАР-ТАСС")
_OPENING_MARKS = "«„“\""  # the marks a name in marks opens with
_NAME_IN_ANY_MARKS = rf"[{_OPENING_MARKS}][^«»„“”\"\n]{{1,40}}[»“”\"]"
_ADDRESS = r"[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,4}|[А-ЯA-Z]?[а-яa-z]{1,3})"
_INITIALS = r"[^\W\d_](?<=[A-ZА-ЯЁ])[A-ZА-ЯЁ]+(?:-[A-ZА-ЯЁ]{2,})*"
_MEDIUM_IN_MARKS = re.compile(rf"\s*{_NAME_IN_ANY_MARKS}")
_WEB_ADDRESS = re.compile(rf"\s*{_ADDRESS}\b")
# an agency written as its initials, perhaps with its name in marks: "РБК", "РИА «Новости»"
_ACRONYM = re.compile(rf"\s*{_INITIALS}(?![\w-])(?:\s*{_NAME_IN_ANY_MARKS})?")
# any of these at the end of a clause: the medium after whom it quotes ("цитирует Жукова «Интерфакс»")
_MEDIUM_AT_THE_END = re.compile(
    rf"\s(?:{_INITIALS}(?:\s*{_NAME_IN_ANY_MARKS})?|{_NAME_IN_ANY_MARKS}|{_ADDRESS})\s*[.!?]?\s*\Z")
_BRACKETED = re.compile(r"\([^()]*\)")
_BETWEEN_COMMAS = re.compile(r",([^,]*),")
# what joins a quote to the verb after it in the speaker-first languages: a comma, a quotative particle
_QUOTATIVE_LEAD = re.compile(r"[\s,，]*(?:라고|이라고|고|diye)?\s*")
_AFTER_A_COMMA = re.compile(r",\s*(\w+)\s")
_ELIDED = re.compile(r"['’].*")  # "l'adolescente" -> "l'": an article elided before its noun
_INVERTED_PRONOUN = re.compile(r"\s*-\s*(?:t-)?(\w+)\b|\s*t-(\w+)\b")
_NAME_AFTER_AN_ARTICLE = re.compile(r"(\w+)\s+([„“»«\"][^„“”»«\"\n]*[“”«»\"])")
_QUOTED = re.compile(r"[„“»«\"][^„“”»«\"\n]*[“”«»\"]")
_LEADING_CLAUSE = re.compile(r"^[\s,;:]*(?:[—–-]+\s*)?")
_WORD = re.compile(r"[^\W_][\w'’.-]*")


def _blanked(match: re.Match[str]) -> str:
    """A quoted span as blanks of its length: the narration's words keep their offsets."""
    return " " * len(match.group())

def _ends(text: str, articles: frozenset[str] = frozenset(), capitalised_nouns: bool = False) -> Iterator[int]:
    for stop in _STOP.finditer(text):
        if stop.end() - stop.start() == 1 and text[stop.start()] == "." \
                and not _lost_blank(text, stop.start(), articles, capitalised_nouns):
            continue
        # (the few characters before the stop: the pattern is anchored there, and a search from the start
        # of the text made this quadratic)
        if text[stop.start()] == "." and _NOT_AN_END.search(text, max(0, stop.start() - 4), stop.start()) \
                and not (articles and text[stop.start() - 1:stop.start()].isdigit()
                         and _next_word(text, stop.end()) in articles):
            continue
        yield stop.end()


def _lost_blank(text: str, stop: int, articles: frozenset[str], capitalised_nouns: bool) -> bool:
    """"… ist verschwunden.Der Täter …", "… a-t-il déclaré.La police …": a stop between a word in lower case
    and a capitalised one with no blank between ends a sentence whose blank the page lost (paragraphs run
    together), and so does one before a capitalised article ("… der Saurier.Der Fund …"), or after any word
    where nouns have capitals ("… im Bundesanzeiger.Mats Schönauer schreibt …"); not one inside a name where
    only names have capitals ("Яндекс.Новости", "Mail.Ru"), nor an address ("ndr.de")."""
    if not (text[stop + 1].isupper() and text[stop + 2:stop + 4].islower()):
        return False
    word = text[max(0, stop - _WORD_REACH):stop].rsplit(None, 1)[-1]  # (a bounded look back: linear on any text)
    return word.islower() or capitalised_nouns or _next_word(text, stop + 1) in articles


def elided(word: str) -> str:
    """A word in lower case with what follows an elision dropped ("L'adolescente" -> "l'")."""
    return _ELIDED.sub("'", word.lower())


def _next_word(text: str, at: int) -> str:
    found = _WORD.match(text, at)
    return found.group().lower() if found else ""


def sentence_ends(text: str, articles: frozenset[str] = frozenset(), capitalised_nouns: bool = False) -> list[int]:
    """Where the sentences of `text` end (just past the blank after each stop). `articles`: the language's
    articles, which no ordinal comes before ("am 3. Oktober", but "… des Modells 3. Ein Sprecher …");
    `capitalised_nouns`: its nouns have capitals (a stop with no blank after a noun ends a sentence too)."""
    return list(_ends(text, articles, capitalised_nouns))


def _first_sentence(text: str) -> str:
    """`text` up to its first sentence end (the rest of the paragraph is not scanned)."""
    end = next(_ends(text), None)
    return text[:end] if end is not None else text


def capitalised_run(capitals: str) -> str:
    """The pattern of two or more words that open with one of `capitals` (a class's ranges)."""
    word = rf"[^\W\d_](?<=[{capitals}])[\w'’-]*"
    return rf"(?<![\w'’-]){word}(?:\s+{word})+"


_NAME_AFTER = re.compile(" " + capitalised_run("A-ZÀ-ÖØ-ÞА-ЯЁ"))  # a name of two capitalised words or more, after a blank


def _phrase_end(text: str, name_first: bool = False, names_go_on: bool = False) -> int:
    """Where a speaker's phrase at the start of `text` ends at the latest: the first mark, or a stop
    that is not an initial's ("George W. Bush"). A short name in quotation marks ends the phrase
    ("zitiert die „Computerwoche“ Lynch", "schreibt der „Spiegel“"); `name_first`: also one that opens
    it (after a verb: "…“, schrieb „Die Zeit“ in einem Nachruf"). `names_go_on` (where only names have
    capitals): a name in marks after a word of the phrase, with a name after it, is the title's complement
    and the person follows ("глава «Роснано» Анатолий Чубайс"; German's "die „Computerwoche“ Lynch" is two)."""
    opening = _NAME_IN_MARKS.match(text) if name_first else None
    if opening:
        return opening.end()
    past = 0
    for stop in _PHRASE_STOP.finditer(text):
        if stop.start() < past:
            continue  # (inside the name in marks the phrase goes on past)
        if stop.group() == "." and _NOT_AN_END.search(text, max(0, stop.start() - 4), stop.start()):
            follows = text[stop.end():stop.end() + 1]
            if _INITIAL.search(text, max(0, stop.start() - 2), stop.start()) or (
                    follows.isspace() and follows != "\n" or follows and follows in "\"“”„»«"):
                continue  # an initial's stop ("M.Pepy"), or an abbreviation's or an ordinal's with a blank after
                # it ("1. Februar"); not one the line ends with, nor one a capital follows with no blank ("Europe
                # 1.La", "Wu.Des images": the blank the page lost)
        name = _NAME_IN_MARKS.match(text, stop.start()) if text[stop.start() - 1:stop.start()] == " " and any(
            ch.isalpha() for ch in text[:stop.start()]) else None
        if name and names_go_on and _NAME_AFTER.match(text, name.end()):
            past = name.end()
            continue
        # (after a word of the phrase: "die „Computerwoche“", not a quote that opens it; the name ends the
        # phrase: "zitiert die „Computerwoche“ Lynch" is the magazine, and Lynch whom it quotes)
        return name.end() if name else stop.start()
    return len(text)


def _capitalised(word: str) -> bool:
    """The word's first letter is a capital ("„Spiegel“", "58-Jährige")."""
    return next((ch for ch in word if ch.isalpha()), "").isupper()


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    return found


@cache
def _skipped(speech: Speech, function_words: frozenset[str]) -> frozenset[str]:
    """`ClauseReader.skipped`, made once a language (hundreds of words: a set difference an article)."""
    return function_words - speech.subject_starts


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


class ClauseReader:
    """The reporting clauses of one language (`speech`), asked of the narration around a quote."""

    def __init__(self, speech: Speech, function_words: frozenset[str], text: str = ""):
        self.speech, self.function_words = speech, function_words
        # the words the article writes in lower case: a sentence's first word among them is no name
        # ("Später sagte …", "Ähnlich äußerte sich …"), whatever its capital there says
        self.lower_case = lower_case_words(text) if speech.spaced else set()
        # words a speaker's phrase after its verb does not start with ("sagte dazu am Montag Merkel")
        self.skipped = _skipped(speech, function_words)

    def only_names(self, content: str) -> bool:
        """Where nouns have capitals, a capitalised span whose every lower-case word is an article, a
        preposition or a conjunction has no verb: a title or a name ("Geschichte der Gastronomie im Großen
        Garten"), not a statement of its own."""
        title_words = self.speech.title_words
        if not title_words or content.endswith(ENDS_A_SENTENCE):
            return False
        words = words_of(content)
        if words and words[0].rstrip(".").isdigit() and (words[0].endswith(".") or content[len(words[0]):][:1] == "."):
            words = words[1:]  # an ordinal first: "2. Deutscher Klimakongress der EnBW"
        if not words or not words[0][:1].isupper():
            return False
        loans = self.speech.loan_title_words  # ("Piper at the Gates of Dawn", "Union pour un Mouvement Populaire")
        return all(w[:1].isupper() or not w[:1].isalpha() or w in title_words or w in loans for w in words)

    def in_reported_speech(self, before: str, after: str, content: str) -> bool:
        """The quote is a fragment of someone's words in a sentence in the mood of reported speech ("Die
        Lage sei „ernst“"): it has a word of its own in lower case, a verb or an adjective (a name, „Golem“,
        „Polizei von DeLand“, is no one's words in any mood)."""
        pattern = self.speech.reported_pattern
        if pattern is None or not self._words_of_its_own(content):
            return False
        return bool(pattern.search(before) or pattern.search(_first_sentence(after)))

    def _words_of_its_own(self, text: str) -> list[str]:
        """The words of `text` in lower case that are no article, preposition or conjunction (where nouns
        have capitals: its verbs and adjectives)."""
        return [w for w in words_of(text) if w[:1].islower() and w not in self.speech.title_words]

    def is_proper_name(self, content: str) -> bool:
        """Where nouns have capitals, a phrase of several words that are all capitalised is a proper name
        ("Berliner Zeitung", "Black Lion Hospital"): a common noun's adjectives and articles are not."""
        if not self.speech.capitalised_nouns:
            return False
        words = words_of(content)
        return 2 <= len(words) <= NAME_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)

    def names_what_follows(self, before: str) -> bool:
        """The narration before a span ends with a noun that a name follows ("die Zeitung „…“", "des
        Nachrichtenmagazins „…“", "die Online-Ausgabe des „…“", "партия «…»") or a cue ("sogenannte „…“")."""
        words = before.rstrip().lower().split()[-2:]
        if len(words) == 2 and words[1] in self.speech.name_of:
            words.pop()  # "die Online-Ausgabe des „Spiegel“": the name is the noun's genitive
        if not words:
            return False
        word = words[-1].strip("(").rsplit("-", 1)[-1]
        speech = self.speech
        if word in speech.name_nouns or speech.name_cues and words[-1].startswith(speech.name_cues):
            return True
        stems = [word] + [word[:-len(end)] for end in speech.name_noun_endings if word.endswith(end)]
        return any(stem in speech.name_nouns or stem.endswith(speech.name_heads) for stem in stems) \
            if speech.name_heads else False

    def phrase_after(self, text: str) -> str | None:
        """The speaker's phrase at the start of `text`: up to a mark or a word that ends it."""
        words = text[:_phrase_end(text, name_first=True, names_go_on=not self.speech.capitalised_nouns)].split()
        while words and words[0].lower() in self.skipped:
            words.pop(0)
        while self._opens_with_a_date(words):
            del words[:2]  # "— заявил 5 апреля министр …"
        kept: list[str] = []
        aux = self.speech.auxiliary_pattern
        speech = self.speech
        for at, word in enumerate(words[:_MAX_SPEAKER_WORDS]):
            if kept and (word.lower() in speech.phrase_ends or aux is not None and aux.fullmatch(word)
                         or self._opens_with_a_date(words[at:at + 2]) or word.lower() in speech.relatives):
                break  # (an auxiliary opens the predicate: "mögliche Uninformiertheit | habe …"; a date an
                # adverbial: "сказал Сергей Волков | 12 марта"; a relative pronoun its clause: "selon l'OMS | qui
                # note")
            if speech.capitalised_nouns and kept and _capitalised(kept[-1]) and word[:1].islower() \
                    and word not in speech.title_words and word not in speech.name_particles:
                break  # a verb or an adverb after the noun: "des Verlages | bietet das Buch"
            kept.append(word)
        if speech.capitalised_nouns:
            while len(kept) > 1 and kept[-1][:1].islower():
                kept.pop()  # a noun phrase ends with its noun: "Suttner wörtlich", "dem Schreiben wörtlich"
        participle = next((at for at in range(2, len(kept)) if speech.present_participle_endings
                           and kept[at].endswith(speech.present_participle_endings) and kept[at][:1].islower()
                           and kept[at - 1].lower() not in speech.subject_starts), None)
        if participle is not None:
            del kept[participle:]  # ("le ministère | répondant aux accusations"; not "un habitant")
        while len(kept) > 1 and (kept[-1].endswith(("'", "’")) or kept[-1].lower() in speech.noun_complements):
            kept.pop()  # ("la star d'« Alerte à Malibu »": the name in marks ended the phrase, not its preposition)
        return self._antecedent(" ".join(kept)) or None

    def phrase_before(self, text: str) -> str | None:
        """The words that open a sentence up to its verb, when they are its subject ("Die Ministerin",
        "Lothar Nicht, Ordnungsdezernent der Stadt," ...), not an adverbial ("Dennoch", "Am Montag")."""
        text = self._after_an_opening_adverbial(text)
        words = text.split()
        while self._opens_with_a_date(words):  # "14 мая Ирина Серова написала:"
            text = text[text.index(words[1]) + len(words[1]):]
            del words[:2]
        while len(words) > 1 and words[0].lower() in self.speech.leading_particles:
            text = text[text.index(words[0]) + len(words[0]):]  # "Auch die Ministerin": the subject still
            words.pop(0)
        if not words or len(words) > _MAX_SPEAKER_WORDS + 4:
            return None
        first = words[0].lower().strip("„“\"«»(")
        if len(words) == 1 and first in self.speech.pronouns:
            return words[0].strip("„“\"«»(")  # "Ils dénoncent son comportement": whom it means, the caller's to find
        if not first.isdigit() and not any(map(str.isalpha, first)):
            return None  # "(3) - 07/02par BFMTV…": a video's caption run into the sentence, no subject
        if self.speech.bare_nouns and first in self.speech.adverbial_prepositions:
            return self._name_after_an_opening_adverbial(words)
        if self._opens_a_name(words):
            pass  # "Von der Leyen": small words, then a name
        elif first in self.function_words and first not in self.speech.subject_starts:
            return None
        elif first in self.speech.object_starts or not self.speech.bare_nouns and first not in self.speech.subject_starts \
                and first in self.lower_case and _capitalised(words[0]):
            return None  # an object ("Dem Spiegel") or an adverb ("Später"): the subject follows the verb (a word
            # after a particle, in lower case where it stands, is no capital the sentence gave it: "Позднее
            # представители компании")
        elif first.endswith(self.speech.adverb_endings) and (len(words) == 1 or not words[1][:1].isupper()):
            return None  # "Ähnlich äußerte sich …", "Passend zu …": an adverbial
        aux = self.speech.auxiliary_pattern
        cut = aux.search(text) if aux is not None else None
        phrase = self._without_relative_clause((text[:cut.start()] if cut else text).strip(" ,"))
        inner = _BRACKETED.sub(" ", phrase).replace(",", " ")  # ("Gitta Trauernicht (SPD)")
        if self.speech.capitalised_nouns:
            inner = _NAME_AFTER_AN_ARTICLE.sub(self._unmarked_name, inner)  # ("Ein Vertreter der „con energy ag“")
        if not phrase or _phrase_end(inner) < len(inner):
            return None
        if "," in phrase and not text.rstrip().endswith(",") and not self._name_and_description(phrase):
            if cut is None or "," in text[cut.start():]:
                return None  # a clause before the verb ("Die Frage ist, weil …"), not a subject and its apposition
            if self.speech.capitalised_nouns and self._first_verb(phrase) is not None:
                return None  # "Der Fahrer verbrachte die Nacht dort, nur selten [war]": a clause of its own
        phrase = self._before_an_adverbial(self._antecedent(phrase))
        if any(word in self.speech.copulas for word in phrase.split()[1:]):
            return None  # "Les deux occupants de la voiture sont décédés, a indiqué …": a clause of its own
        return phrase if phrase and self.can_speak(phrase) else None

    def _person_named_last(self, text: str) -> str | None:
        """The last person's name in `text` (two capitalised words or more, as `_name_after_an_opening_adverbial`
        reads them, outside marks), when it may be a subject (`Speech.may_be_subject`); else None."""
        words = _QUOTED.sub(" « ", text).split()
        end = len(words)
        while end > 1:
            if _capitalised(words[end - 1]) and _capitalised(words[end - 2]):
                name = (self._name_at_the_end(words[:end], 0) or "").split()
                may_be = self.speech.may_be_subject
                while name and may_be is not None and not may_be(name[0]):
                    name.pop(0)  # ("Тогда | Шкрели …": an adverb that opens the sentence)
                if len(name) < 2 or may_be is not None and not all(map(may_be, name)):
                    return None  # ("стол Ивана Ивановича Сидорова": a genitive)
                return " ".join(name)
            end -= 1
        return None

    def _name_after_an_opening_adverbial(self, words: list[str]) -> str | None:
        """Where nouns are bare, "В конце мая президент Владимир Путин [заявил]", "На встрече в Москве Иван Петров
        [сказал]": words that open with a preposition and no comma are an adverbial, which no case ending tells
        apart from the subject after it here; the name the words end with is the subject. None with no name:
        "В Кремле [заявили]"."""
        return self._name_at_the_end(words, 1)

    def _name_at_the_end(self, words: list[str], first: int) -> str | None:
        """The person's name `words` end with, from `words[first]` on: two capitalised words or more, less a
        preposition's object and initials before it; None if there is none."""
        start = len(words)
        while start > first and _capitalised(words[start - 1]):
            start -= 1
        if start == len(words):
            return None
        if start and words[start - 1].lower() in self.speech.adverbial_prepositions:
            start += 1  # ("в Москве | Иван Петров")
        while start < len(words) and words[start].isupper():
            start += 1  # ("глава МИД | Сергей Лавров": initials are a body's)
        name = self.speech.person_name(words[start:])
        return " ".join(name) if len(name) >= 2 else None

    def _before_an_adverbial(self, phrase: str) -> str:
        """Where nouns are bare, a subject before its verb ends with its name, and a preposition after it opens
        an adverbial: "Канцлер ФРГ Ангела Меркель | в преддверии саммита в Баварии", "Глава российского
        государства | во время Питерского форума" (no name, and longer than a description: the first preposition);
        "Посол России в США Анатолий Антонов" (a name follows the preposition) and "источники в Кремле" (a short
        description) are one phrase. A name is two capitalised words after the first."""
        prepositions = self.speech.adverbial_prepositions
        head, comma, rest = phrase.partition(",")
        if prepositions and comma and rest.strip()[:1].islower():
            phrase = head  # "Калоев, потерявший … семью, [заявил]": a participle's or relative clause after the name
        words = phrase.split()
        if not prepositions or not any(word in prepositions for word in words[1:]):
            return phrase
        end = 0  # just past the last name
        for at in range(2, len(words)):
            if _capitalised(words[at]) and _capitalised(words[at - 1]) and words[at - 1] not in prepositions:
                end = at + 1
        if not end and len(words) <= _LABEL_WORDS:
            return phrase
        cut = next((at for at in range(max(end, 1), len(words)) if words[at] in prepositions), None)
        return " ".join(words[:cut]).rstrip(",") if cut else phrase

    def _antecedent(self, phrase: str) -> str:
        """"le braqueur qui", "Un argument balayé par la Cour qui", "C'est ce que pense l'eurodéputé X qui":
        a phrase that ends with a relative pronoun stands for what the pronoun follows, the noun phrase
        before it (back to a preposition or a "que", from its article, pronoun or name); one that ends with
        the pronouns and particles a verb carries before it ("se", "s'est", "m'") ends before them."""
        words = phrase.split()
        count = len(words)
        while words and words[-1].lower().replace("’", "'") in self.speech.preverbal:
            words.pop()  # "Cédric O se [dit]", "Emmanuel Macron s'est [dit]": the subject before its verb's
        if len(words) < count:
            phrase = " ".join(words)
        if not words or words[-1].lower() not in self.speech.relatives:
            return phrase
        words.pop()
        while words and words[-1] in (",", "-", "–", "—"):
            words.pop()
        start = len(words)
        while start and words[start - 1].lower() not in self.speech.phrase_ends \
                and elided(words[start - 1]) not in self.speech.clitics:
            start -= 1
        tail = words[start:]
        while tail and not self._opens_a_subject(tail[0]):
            tail.pop(0)
        return " ".join(tail).rstrip(",")

    def _before_a_relative(self, phrase: str) -> str:
        """"l'agence régionale de santé qui note": the words before a relative pronoun (none: all of them)."""
        words = phrase.split()
        cut = next((at for at, word in enumerate(words) if at and word.lower() in self.speech.relatives), None)
        return " ".join(words[:cut]).rstrip(",") if cut else phrase

    def _opens_with_a_date(self, words: list[str]) -> bool:
        """The words open with a day and its month ("12 марта")."""
        return len(words) > 1 and words[0].isdigit() and words[1].lower().rstrip(",") in self.speech.months

    def _opens_a_subject(self, word: str) -> bool:
        """A subject's first word: a name's capital, or an article or pronoun, elided too ("l'adolescente")."""
        return _capitalised(word) or elided(word) in self.speech.subject_starts

    def _after_an_opening_adverbial(self, text: str) -> str:
        """Where a noun takes an article and only names have capitals, "Vendredi, l'aide-soignante …", "Fin
        mai, le ministère …", "Interrogé jeudi, le milliardaire …", "Lors d'une réunion, ce dimanche, Jean-Luc
        Mélenchon …": words before a comma that hold a day, or open with no article or pronoun and are no name
        (a lower-case word other than a name's particles), are an adverbial, and the subject follows the comma
        when it opens as a subject does, is short and holds no verb's clitic ("c'est qu'on n'a …", "Estrosi
        s'est dit" are clauses). "Nicolas Sarkozy, président …" is a name and its apposition. (Where nouns
        take no article, "Мэр города Немуро, …" is a subject with lower-case words.)"""
        speech = self.speech
        if speech.bare_nouns:
            return self._after_an_opening_phrase(text)
        if not speech.nouns_take_articles or speech.capitalised_nouns:
            return text
        while True:
            head, comma, rest = text.partition(",")
            words, subject = head.split(), rest.split()
            if not comma or not words or not subject or len(subject) > _MAX_SPEAKER_WORDS or any(
                    elided(word) in speech.clitics for word in subject) or not self._opens_a_subject(subject[0]):
                return text
            first = elided(words[0])
            named = first in speech.subject_starts or first in speech.pronouns or not any(
                word[:1].islower() and word not in speech.name_particles for word in words[1:])
            if named and not any(word.lower() in speech.between_verb_and_subject for word in words):
                return text
            text = rest

    def _after_an_opening_phrase(self, text: str) -> str:
        """Where nouns are bare, "Согласно сообщению агентства БелТА, судья [заявила]", "По итогам встречи,
        министр …": words before a comma that open with a preposition are an adverbial, and a short phrase
        after the comma is the subject."""
        head, comma, rest = text.partition(",")
        words = head.split()
        first = words[0].lower() if words else ""
        subject = rest.split()
        if comma and first in self.speech.adverbial_prepositions and 0 < len(subject) <= _LABEL_WORDS \
                and "," not in rest:  # (a comma after it: an insertion between commas, "…, размещённом на сайте,")
            return rest
        return text

    def _unmarked_name(self, match: re.Match[str]) -> str:
        """Where nouns have capitals, a short span in marks after an article ("der „con energy ag“") is a name,
        part of the phrase: its words without the marks (anything else kept)."""
        article, span = match.group(1), match.group(2)
        return f"{article} {span[1:-1]} " if article.lower() in self.speech.articles \
            and len(span.split()) <= NAME_WORDS else match.group()

    def _name_and_description(self, phrase: str) -> bool:
        """"Martin Behrsing, Sprecher des Forums": a name, a comma and a description with no verb in it (its
        closing comma left out), where nouns have capitals."""
        head, _, description = phrase.partition(",")
        small, particles = self.speech.title_words, self.speech.name_particles
        return bool(small) and self.is_proper_name(head) and "," not in description and all(
            w[:1].isupper() or w in small or w in particles for w in words_of(description))

    def _opens_a_name(self, words: list[str]) -> bool:
        """"Von der Leyen": the small words of a name, then a capitalised one."""
        particles = self.speech.name_particles
        rest = list(words)
        while rest and rest[0].lower() in particles:
            rest.pop(0)
        return len(rest) < len(words) and bool(rest) and rest[0][:1].isupper() and len(words) <= 4

    def subject_of(self, sentence: str, verb: re.Match[str] | tuple[int, int]) -> str | None:
        """Who the verb at `verb` in `sentence` reports: the words that open the sentence when they can be
        its subject ("Die Ministerin sagte", most sentences), else the phrase after the verb ("Dennoch sagte
        die Ministerin", "Dem Spiegel sagte Merkel": an adverbial, or who was spoken to, opens it)."""
        start, end = verb if isinstance(verb, tuple) else verb.span()
        before = sentence[:start]
        impersonal = self.speech.impersonal_pattern
        if impersonal is not None and impersonal.fullmatch(sentence, start, end):
            return self.source_of(sentence)
        quoted = self._quoted_with_words(sentence, start, end)
        if quoted is not None:
            return quoted
        subject = self._subject_after_a_clause(before) or self.phrase_before(before) \
            or self._subject_before_an_insertion(before) or self._subject_of_a_subordinate_clause(before) \
            if before.strip() else None
        if subject:
            return subject
        clause = self._clause_before_a_conjunction(before)
        if clause is not None:
            # "X befand … und nannte den Angriff „…“": the first verb's subject, and the object after this one
            # (where nouns have no capitals to tell a verb by, the clause's first reporting word: "X добавила,
            # что …, но подчеркнула, что …")
            if self.speech.capitalised_nouns:
                first = self._first_verb(clause)
            else:
                reporting = self.speech.verb_pattern.search(clause) if self.speech.verb_pattern is not None else None
                first = reporting.span() if reporting else None
            return self.subject_of(clause, first) if first else None
        objects = self.speech.object_pattern
        if objects is not None and objects.fullmatch(sentence, start, end):
            return None  # "назвал ситуацию «удручающей»": what follows is the verb's object, no speaker
        aux_pattern = self.speech.auxiliary_pattern
        after = sentence[end:].lstrip()
        if aux_pattern is not None:
            aux = aux_pattern.match(after)
            if aux:
                after = after[aux.end():].lstrip()
        inverted = self.inverted_subject(after.lstrip(" -"))
        for second in (aux_pattern, self.speech.modal_pattern):
            # the verb closes the clause and its auxiliary or modal came second: "In der Meldung wird Musk
            # zitiert", "Wie X berichtete, soll Anelka zu Domenech gesagt haben"
            aux = _last(second, before) if inverted is None and second is not None else None
            if aux is not None:
                inverted = self.inverted_subject(before[aux.end():].lstrip())
        return inverted

    def _quoted_with_words(self, sentence: str, start: int, end: int) -> str | None:
        """"Der Spiegel zitiert den Prediger mit den Worten „…“", "RIA Novosti zitiert dazu Néstor Kirchner
        mit folgenden Worten:": a verb of quoting and "with the words" make its object the one quoted, not
        its subject; None for any other verb."""
        quoting, words = self.speech.quoting_pattern, self.speech.quoted_with_pattern
        if quoting is None or words is None or not quoting.fullmatch(sentence, start, end):
            return None
        found = words.search(sentence, end)
        return self.inverted_subject(sentence[end:found.start()].strip()) if found else None

    def _clause_before_a_conjunction(self, before: str) -> str | None:
        """The clause before the conjunction that joins the verb to it ("X befand … und [nannte]", also
        before an auxiliary: "… und hatte [gefragt]"), or None when no conjunction does."""
        head = before.rstrip()
        last = head.rsplit(None, 1)[-1] if head else ""
        aux_pattern = self.speech.auxiliary_pattern
        if aux_pattern is not None and aux_pattern.fullmatch(last):
            head = head[:-len(last)].rstrip()
        conjunction = head.rsplit(None, 1)[-1] if head else ""
        return head[:-len(conjunction)] if conjunction in self.speech.conjunctions else None

    def _subject_after_a_clause(self, before: str) -> str | None:
        """Where nouns have capitals, "X wies das zurück, die Sprecherin der Fraktion, Sandra Boser, erklärte":
        when a verb stands before the reporting one, its subject is what follows a comma up to it with no
        verb in it (a noun phrase and its apposition, not a clause of their own)."""
        if not self.speech.capitalised_nouns or "," not in before or self._first_verb(before) is None:
            return None
        before = before[-_SUBJECT_REACH:]
        for comma in re.finditer(",", before):
            rest = before[comma.end():]
            if rest.strip(" ,") and self._first_verb(rest) is None and not self._opens_dependent_clause(rest):
                # (or, adverbials between it and the verb at the end, the named noun phrase that opens it: "…,
                # die Gerhard Schröder in seiner ersten Amtszeit zum Ziel erklärt hatte:")
                named = self._noun_phrase(rest)
                if named is not None and self.names_someone(named) and not self._ends_with_its_noun(rest):
                    return named
                return self.phrase_before(rest)
        return None

    def _ends_with_its_noun(self, phrase: str) -> bool:
        """"die Sprecherin der Fraktion, Sandra Boser,": a noun phrase whose last word is a noun (or a name),
        not adverbials after it ("… in seiner ersten Amtszeit zum Ziel")."""
        words = [word for word in phrase.replace(",", " ").split() if word not in self.speech.title_words]
        return all(_capitalised(word) for word in words)

    def _subject_before_an_insertion(self, before: str) -> str | None:
        """Where nouns have capitals, "Die Initiatoren der Woche, unter ihnen neben der ALA auch …, betonen":
        a subject, then an insertion between commas right before the verb, however long."""
        if not self.speech.capitalised_nouns or not before.rstrip().endswith(","):
            return None
        head = before.split(",", 1)[0]
        return self.phrase_before(head + " ") if head.strip() and self._first_verb(head) is None else None

    def _subject_of_a_subordinate_clause(self, before: str) -> str | None:
        """Where nouns have capitals, "…, dass Mindermann das Mädchen gefragt habe": a subordinate clause puts
        its verb last and its subject right after the conjunction, so the verb that ends it reports the
        noun phrase that opens it (no comma between them: the verb is that clause's)."""
        if not self.speech.capitalised_nouns or not self.speech.subordinators:
            return None
        opener = _last(_AFTER_A_COMMA, before)
        if opener is None or opener.group(1) not in self.speech.subordinators or "," in before[opener.end():]:
            return None
        return self._noun_phrase(before[opener.end():])

    def _noun_phrase(self, text: str) -> str | None:
        """The noun phrase that opens `text`, where nouns have capitals: a pronoun, or an article and its
        adjectives up to its noun, or a run of capitalised words (a name, "Bundeskanzlerin Angela Merkel")."""
        words = text.split()
        if not words:
            return None
        if words[0].lower() in self.speech.pronouns:
            return words[0]
        kept: list[str] = []
        for word in words[:_MAX_SPEAKER_WORDS]:
            capital = _capitalised(word)
            if not capital and kept and _capitalised(kept[-1]):
                break  # the phrase's noun came: a lower-case word after it starts the rest of the clause
            if not capital and not kept and word.lower() not in self.speech.subject_starts:
                return None
            kept.append(word)
        phrase = " ".join(kept).strip(",")
        return phrase if kept and _capitalised(kept[-1]) and self.can_speak(phrase) else None

    def _opens_dependent_clause(self, text: str) -> bool:
        """`text` opens a subordinate clause (", dass …", ", weil …") or a relative one (", der nach dem Angriff
        …", ", das sie …": an article's word that a small word or a pronoun follows, not a noun or its
        adjective, is a relative pronoun); either puts its verb last."""
        words = text.split(None, 2)
        if not words:
            return False
        if words[0] in self.speech.subordinators:
            return True
        return len(words) > 1 and words[0].lower() in self.speech.articles \
            and (words[1] in self.speech.title_words or words[1].lower() in self.speech.subject_starts)

    def source_of(self, clause: str) -> str | None:
        """An impersonal report names its source in a preposition's phrase ("In dem Antrag heißt es:",
        "Aus Paris hieß es, …", "…“, heißt es auf der Website"): the phrase, or None."""
        found = self.speech.source_pattern.search(clause) if self.speech.source_pattern is not None else None
        return self.phrase_after(clause[found.end():].lstrip()) if found else None

    def inverted_subject(self, text: str) -> str | None:
        """The subject right after its verb ("[sagte] dazu die Ministerin am Montag" -> "die Ministerin"),
        None when what follows the verb is no speaker."""
        inverted = self._inverted_pronoun(text)
        if inverted:
            return inverted  # "[explique]-t-il", "[a] t-il ajouté" (its hyphen lost)
        if self.speech.bare_nouns:
            text = self._after_the_dative_medium(text)
        medium = _MEDIUM_IN_MARKS.match(text)
        if medium is not None and text[medium.end():].lstrip()[:1] in ("", *".,;:!?)"):
            # "— пишет «Коммерсант».", "…», écrit « Le Monde »": a medium in marks is all the clause holds
            return medium.group().strip().strip("«»„“”\"").strip() or None
        words = self._before_whom_told(self._past_adverbials(
            text[:_phrase_end(text, name_first=True, names_go_on=not self.speech.capitalised_nouns)].split()))
        if not words:
            return None
        first = words[0].lower()
        if first in self.speech.pronouns:
            return words[0]
        if first in self.speech.phrase_ends and first not in self.speech.subject_starts:
            return None  # "a dit devant …": a preposition, the subject stood before the verb
        if self.speech.nouns_take_articles and not self._opens_a_subject(words[0]):
            return None  # "a dit [jeudi] envisager …": no article ("le", "l'adolescente"), no name: no subject
        if first in self.function_words and first not in self.speech.subject_starts:
            return None  # an adverbial ("am Montag", "von einer …"): the subject stands before the verb
        phrase = self.phrase_after(" ".join(words))
        return phrase if phrase and self.can_speak(phrase) else None

    def _past_adverbials(self, words: list[str]) -> list[str]:
        """The words from where a verb's inverted subject starts: past the adverbs and times between them
        ("[a déclaré] jeudi matin", "également") and the phrases of whom it was said to, where and how ("à l'AFP",
        "aux journalistes", "sur BFMTV", "par téléphone", "lors d'une conférence de presse"; `_after_the_medium`)."""
        speech = self.speech
        while words:
            first = words[0].lower()
            if first in speech.between_verb_and_subject or speech.time_words and (
                    first in speech.time_words or first.isdigit()):
                words = words[1:]  # ("dimanche 8 octobre", "mardi soir")
            elif len(words) > 2 and (first in speech.audience_prepositions or first in speech.subject_prepositions):
                words = self._after_the_medium(words)
            elif len(words) > 1 and "'" in words[0] and first.split("'")[0] + "'" in speech.audience_prepositions:
                words = words[1:]  # "all'ANSA il ministro": the preposition elided into the medium's name
            else:
                break
        return words

    def _after_the_medium(self, words: list[str]) -> list[str]:
        """The words after a preposition's phrase between a verb and its subject: "à l'AFP | Valerio Segor", "au
        Parisien | le maire", "auprès de France Inter | la ministre" (a medium's name, its capitalised words; an
        elided article's, one word), "aux journalistes | Mme Calvo", "lors d'une conférence de presse | le préfet"
        (a common noun, with the article elided into "de" before it and a complement after it). No words left
        when a name runs into the subject's ("à France Inter Jean Dupont": where one ends is not written)."""
        speech = self.speech
        at = 2 if len(words) > 1 and words[1].lower() == "de" else 1  # ("auprès de")
        word = words[at].replace("’", "'") if at < len(words) else ""
        if "'" in word and _capitalised(word.split("'")[-1]):
            return words[at + 1:]  # "l'AFP"
        if "'" in word and word.split("'")[-1].lower() in speech.subject_starts or word.lower() in speech.subject_starts:
            at += 1  # "à la Voix du Nord", "dans un communiqué", "lors d'une conférence"
        if speech.noun_complements and at < len(words) and words[at][:1].islower():
            noun = words[at].lower()
            at += 1  # a common noun ("aux journalistes"), and its complement ("conférence de presse")
            if at + 1 < len(words) and words[at].lower() in speech.noun_complements and words[at + 1][:1].islower():
                at += 2
            if noun in speech.name_nouns:  # and a name it has ("au quotidien The Daily Telegraph")
                name = at
                while name < len(words) and _capitalised(words[name]):
                    name += 1
                return words[name:] if name < len(words) else []
            return words[at:]
        name = at
        while name < len(words) and _capitalised(words[name]):
            name += 1
        return words[name:] if at < name < len(words) else []

    def _after_the_dative_medium(self, text: str) -> str:
        """Where nouns are bare, whom a verb tells stands in the dative between it and its subject: "[сказал]
        журналистам | Сергей Лавров", "[рассказал] «Интерфаксу» | глава компании", "агентству «Интерфакс» | …":
        the text after the audience noun and the medium's name in marks (all of it when nothing follows them)."""
        rest = text.lstrip()
        first = rest.split(None, 1)[0] if rest else ""
        if first.lower() in self.speech.audience:
            rest = rest[len(first):].lstrip()
        if rest.startswith("«"):
            close = rest.find("»")
            rest = rest[close + 1:].lstrip(" ,") if close > 0 else rest
        told_to = self.speech.told_to
        if told_to is not None:  # (a medium's name in the dative: "[заявил] Первому каналу | Олег Титов")
            while (first := rest.split(None, 1)[0] if rest else "") and told_to(first):
                rest = rest[len(first):].lstrip()
        return rest if rest and rest[:1].isalpha() else text

    def _before_whom_told(self, words: list[str]) -> list[str]:
        """An inverted subject's words up to the end of the speaker's name, where whom they told follows it in
        the dative ("Роман Соколов | Русской службе Би-би-си", "Анна Белова | «Известиям»"): a word with no
        subject's case, or a name in marks, after two capitalised words that may be a subject ends it. (Not
        after one: "глава МИД России Сергей Лавров", where the genitive "России" belongs to the title.)"""
        told_to, may_be = self.speech.told_to, self.speech.may_be_subject
        if told_to is None or may_be is None:
            return words
        for at in range(2, len(words)):
            if all(_capitalised(w) and may_be(w) for w in words[at - 2:at]) \
                    and (words[at][:1] in _OPENING_MARKS or told_to(words[at])):
                return words[:at]
        return words

    def _inverted_pronoun(self, text: str) -> str | None:
        """The pronoun a verb carries after a hyphen, "-t-" or "t-" where the hyphen was lost ("-t-il",
        "-elle", "t-il"), when it is one of the language's: whom it means is the speaker named last."""
        found = _INVERTED_PRONOUN.match(text)
        pronoun = found and (found.group(1) or found.group(2))
        return pronoun if pronoun and pronoun.lower() in self.speech.pronouns else None

    def names_someone(self, phrase: str) -> bool:
        """The phrase has a name in it, not only a description ("der Minister", "das Fazit", "le maire"):
        a capital past its first word where nouns have none, two where every noun has one. After the verb,
        a description is an object ("…“, lautet das Fazit") as often as the speaker."""
        if not any(ch.isupper() or ch.islower() for ch in phrase):
            return True  # a script without capitals (Chinese, Japanese, Korean) says nothing either way
        if _NAME_IN_MARKS.search(phrase):
            return True  # "die „Computerwoche“": a name in quotation marks
        capitals = sum(word[:1].isupper() for word in phrase.split()[1:])
        first = phrase.split()[0]
        if self.speech.capitalised_nouns:
            return capitals >= 2 or capitals >= 1 and first.lower() not in self.speech.subject_starts \
                or first.lower() not in self.speech.subject_starts and first[:1].isupper() and len(phrase.split()) == 1
        return capitals >= 1 or first[:1].isupper() and first.lower() not in self.function_words

    def can_speak(self, phrase: str) -> bool:
        """A phrase can name a speaker: it has a word of its own (not only articles and pronouns), written
        with a capital where the script has them, and it is not who was spoken to ("der Zeitung", not "die
        Zeitung")."""
        words = phrase.split()
        content = [w for w in words if w.lower() not in self.function_words and any(map(str.isalpha, w))]
        if not content:
            return False  # (only small words, or marks and dashes: "—")
        if words[0].lower() not in self.speech.subject_articles and any(
                w.strip(".,") in self.speech.audience for w in words):
            return False
        # (in German every noun has a capital: a phrase without one names nobody; elsewhere "представитель
        # компании" and "le porte-parole" do)
        return not self.speech.capitalised_nouns or any(map(_capitalised, content))

    def speaks_in(self, before: str) -> bool:
        """The narration before a span ends with a reporting word and perhaps an article ("…“, zitiert die
        „Computerwoche“", "laut „BBC News“"): the span names who speaks, it is not what is said."""
        words = before.split()
        if words and words[-1].lower() in self.speech.subject_starts:
            words.pop()
        if not words:
            return False
        last = words[-1]
        speech = self.speech
        if speech.preposition_pattern is not None and speech.preposition_pattern.fullmatch(last):
            return True
        # a verb right after a quote's close ("“, zitiert die"), not one with its object ("nannte sie „…“")
        return speech.verb_pattern is not None and bool(speech.verb_pattern.fullmatch(last)) and \
            len(words) > 1 and words[-2].rstrip(",").endswith(tuple(_MARKS))

    def clause_after(self, after: str, statement: bool = False) -> str | None:
        """'„…“, sagte Merkel' / '« … », a déclaré le maire' / ', so Merkel': the speaker of the clause right
        after the quote (`statement`: the quote is a statement of its own, and any verb may report it)."""
        speech = self.speech
        lead = _LEADING_CLAUSE.match(after)
        rest = after[lead.end() if lead else 0:]
        if speech.auxiliary_pattern is not None:
            aux = speech.auxiliary_pattern.match(rest)
            if aux and aux.group().lower().rsplit("-", 1)[-1] in speech.pronouns:  # "a-t-il déclaré"
                return aux.group().rsplit("-", 1)[-1]
            if aux:
                rest = rest[aux.end():].lstrip()
                if rest.startswith(","):  # the quote's own verb ("„…“ sei, hatte Koch-Mehrin gesagt"): the next
                    return self.clause_after(rest, statement)
                clause = _first_sentence(rest)
                if speech.verb_pattern is not None and speech.verb_pattern.search(clause) and not (
                        speech.verb_pattern.match(rest)):
                    return self.inverted_subject(rest)  # "„…“, hatte VW-Chef Winterkorn erklärt"
                participle = rest.split(None, 1)
                if statement and len(participle) == 2 and participle[0].endswith(speech.past_participle_endings) \
                        and after.lstrip().startswith(",") and not (speech.verb_pattern and speech.verb_pattern.match(rest)):
                    # "« … », a consacré mercredi le Guide Michelin": an incise, whatever its verb
                    return self.inverted_subject(participle[1])
        quoting = speech.quoting_pattern.match(rest) if speech.quoting_pattern is not None else None
        quoted = self._quoted_after_the_medium(rest[quoting.end():]) if quoting else None
        if quoted:
            return quoted
        for pattern in (speech.verb_pattern, speech.preposition_pattern):
            if pattern is None:
                continue
            found = pattern.match(rest)
            if found:
                tail = rest[found.end():]
                inverted = self._inverted_pronoun(tail)  # "déclare-t-il", "dit-elle"
                if inverted:
                    return inverted
                if pattern is speech.preposition_pattern:
                    if self._names_after(tail):
                        return self._object_of(found.group(), self.phrase_after(tail.lstrip()))
                    # "…“, so charakterisierte ihn der Funktionär": "so" and a verb open the inverted clause
                    return self._inverted_after_a_verb(tail.lstrip()) if speech.capitalised_nouns else None
                if speech.impersonal_pattern is not None and speech.impersonal_pattern.fullmatch(found.group()):
                    return self.source_of(_first_sentence(tail))  # "…“, heißt es in dem Schreiben"
                return self.inverted_subject(tail.lstrip())
        return self._any_verb_after(after, rest) if statement else None

    def narrators_subject(self, after: str) -> str | None:
        """The narrator's words after a line of speech name its speaker whatever their verb ("— Что-что?! —
        обалдел начальник.", "…, — усмехается Уилсон. — …"): a word in lower case, then its subject."""
        rest = _LEADING_CLAUSE.sub("", _first_sentence(after), 1)
        first = rest.split(None, 1)
        if len(first) < 2 or not first[0][:1].islower() or first[0] in self.function_words:
            return None
        may_be = self.speech.may_be_subject
        if may_be is None:
            return self.inverted_subject(first[1])
        # (where words decline, the words in a subject's case after the verb and any adverb: "горько шутил |
        # Вертинский", "сказал | детектив | вслух", "спросил | молодой человек | , затянувшись")
        words = rest[:_phrase_end(rest)].split()
        start = next((at for at, word in enumerate(words) if may_be(word)), len(words))
        end = next((at for at in range(start, len(words)) if not may_be(words[at])), len(words))
        return self.inverted_subject(" ".join(words[start:end])) if end > start else None

    def _quoted_after_the_medium(self, tail: str) -> str | None:
        """'«…», — цитирует «Взгляд» Дмитрия Медведева', '— цитирует РБК Морозова', '— цитирует телеканал
        представителя минобороны': after a verb of quoting, the medium that quotes (a name in marks, a web address,
        initials, a noun of names with its name), then whom it quotes, or whom it quotes and then the medium
        ('— цитирует Жукова «Интерфакс»'); whose words ("слова", "заявление") it quotes, the genitive after that
        noun wherever the medium stands ('— приводит сайт института слова Стивена Хокинга'). None when no one
        but the medium is named."""
        clause = _first_sentence(tail)
        words = clause.split()
        noun_at = next((at for at, word in enumerate(words) if word.lower() in self.speech.quoted_nouns), None)
        if noun_at is not None:
            clause = " " + " ".join(words[noun_at + 1:])
            words = []
        first = words[:1]
        noun = first and first[0].lower() in self.speech.name_nouns  # ("телеканал «Дождь»": its name after it)
        at = clause.index(first[0]) + len(first[0]) if noun else 0
        medium = _MEDIUM_IN_MARKS.match(clause, at) or _WEB_ADDRESS.match(clause, at) or _ACRONYM.match(clause, at)
        if medium is not None or noun:
            person = clause[medium.end() if medium else at:]
        else:
            trailing = _MEDIUM_AT_THE_END.search(clause)
            if trailing is None and noun_at is None:
                return None
            person = clause[:trailing.start()] if trailing else clause
        words = person.split()
        if not words or not words[0][:1].isalpha() or words[0].lower() in self.speech.object_pronouns:
            return None  # ("— приводит его «Росбалт»": whom the pronoun means is not read here)
        # (a noun of names after it opens the medium: "слова судьи | издание", "слова X | пресс-служба области")
        end = next((at for at, word in enumerate(words[1:], 1) if word.lower().strip(".,;") in self.speech.name_nouns),
                   None)
        return self._in_the_nominative(self.phrase_after(" ".join(words[:end])), "accs" if noun_at is None else "gent")

    def _in_the_nominative(self, phrase: str | None, case: str) -> str | None:
        """A speaker phrase the text writes in `case` as the language shows a speaker (`Speech.nominative`)."""
        nominative = self.speech.nominative
        return nominative(phrase, case) if phrase and nominative is not None else phrase

    def _object_of(self, preposition: str, phrase: str | None) -> str | None:
        """The speaker a reporting preposition's phrase names, in the nominative ("по словам Сергея Лаврова")."""
        if preposition.lower() in self.speech.genitive_prepositions:
            return self._in_the_nominative(phrase, "gent")
        return phrase

    def _any_verb_after(self, after: str, rest: str) -> str | None:
        """Where nouns have capitals, '„…“, strich Romney heraus': a comma after a statement, then a verb (a
        word in lower case that is no small word) and a name is the inverted clause whatever the verb. (Not
        after a name in marks: 'im „Standard“, berichtete …' goes on with the narration.)"""
        if not self.speech.capitalised_nouns or not after.lstrip().startswith(","):
            return None
        return self._inverted_after_a_verb(rest)

    def _inverted_after_a_verb(self, text: str) -> str | None:
        """Where nouns have capitals, `text` opens with a verb (a lower-case word that is no article or
        preposition) and then its subject, when that names someone; an impersonal verb, its source."""
        first = text.split(None, 1)
        if len(first) < 2 or not first[0][:1].islower() or first[0] in self.speech.title_words \
                or first[0] in self.speech.subordinators:
            return None
        impersonal = self.speech.impersonal_pattern
        if impersonal is not None and impersonal.match(text):  # "…“, so heißt es in einer Erklärung"
            return self.source_of(_first_sentence(text))
        subject = self.inverted_subject(first[1])
        return subject if subject is not None and self.names_someone(subject) else None

    def _cue(self, sentence: str) -> str | None:
        """The speaker the last reporting word of `sentence` names: a preposition's object ("laut X",
        "nach Angaben X"), a postposition's ("X zufolge"), a verb's subject, a noun of speech's genitive ("der
        Vorwurf der CDU")."""
        speech = self.speech
        cues = []
        for kind, pattern in (("pre", speech.preposition_pattern), ("post", speech.postposition_pattern),
                              ("verb", speech.verb_pattern), ("noun", speech.speech_noun_pattern)):
            if pattern is not None:
                cues += [(found.start(), kind, found) for found in pattern.finditer(sentence)
                         if not (kind == "verb" and self._a_noun(sentence, found)
                                 or kind == "pre" and not self._names_after(sentence[found.end():])
                                 or kind == "noun" and _next_word(sentence, found.end() + 1)
                                 not in speech.genitive_starts)]
        if any(kind == "verb" for _, kind, _ in cues):
            # ("X bezeichnete die Äußerung des Ministers als „…“": a verb's subject before a noun's genitive)
            cues = [cue for cue in cues if cue[1] != "noun"]
        if not cues:
            return None
        _, kind, found = max(cues, key=lambda cue: cue[0])
        if kind in ("pre", "noun"):  # (a noun of speech: its genitive, "der Vorwurf der CDU")
            rest = sentence[found.end():].lstrip()
            first = rest.split(None, 1)[:1]
            if kind == "pre" and first and first[0].lower().rstrip(",") in speech.pronouns:
                return first[0].rstrip(",")  # "qui selon lui est capable de « … »": whom the pronoun means
            return self._object_of(found.group(), self.phrase_after(rest)) if kind == "pre" else self.phrase_after(rest)
        if kind == "post":
            head = sentence[:found.start()].rstrip(" ,")
            ends = [head.rfind(mark) for mark in ",;:"]
            return head[max(ends) + 1:].strip() or None
        who = self.subject_of(sentence, found)
        if who and not speech.capitalised_nouns:
            # "29 % d'entre eux expliquent leur choix « … »", "certains dénoncent son « … »": a phrase after the
            # verb that runs into the quote, no comma between, is the verb's object that the quote completes
            # (or with more words of the clause after it: "назвал ситуацию с ростом цен «…»"; a whole sentence before
            # the quote's, ending with its stop, is another matter: "Об этом заявил министр Иванов.")
            at = sentence.find(who, found.end())
            tail = sentence[at + len(who):].strip(" \"'«“„‘") if at >= 0 else ","
            if not tail or not any(mark in tail for mark in ",;:") and not tail.endswith(ENDS_A_SENTENCE):
                return None
        return who

    def clause_before(self, sentence: str) -> str | None:
        """'Merkel sagte:' / 'Dem Spiegel sagte Merkel:' / 'Laut Merkel' / 'Merkel zufolge': the speaker of the
        narration right before the quote, when it introduces it (it ends with a colon or a comma, or is
        the preposition's phrase)."""
        stripped = sentence.rstrip()
        speech = self.speech
        if speech.preposition_pattern is not None:
            found = _last(speech.preposition_pattern, stripped)
            if found is not None and self._names_after(stripped[found.end():]):
                phrase = stripped[found.end():].strip(" ,:")  # ("…, so Elshorst weiter: „…“")
                first = phrase.split(None, 1)[0] if phrase else ""
                if first.lower() in speech.pronouns:
                    return first  # "selon lequel cette fermeture affecte « … »": whom the pronoun means
                if phrase and len(phrase.split()) <= _MAX_SPEAKER_WORDS and _phrase_end(phrase) == len(phrase):
                    # (where nouns have capitals, its words up to the first that ends a phrase: "laut der Studie
                    # nur jeder zweite" -> "der Studie"; elsewhere as written, "selon lui" with its pronoun)
                    return self.phrase_after(phrase) if speech.capitalised_nouns else \
                        self._object_of(found.group(), self._before_a_relative(phrase))
        if speech.postposition_pattern is not None:
            found = speech.postposition_pattern.search(stripped)
            if found and not stripped[found.end():].strip(" ,"):
                return self._cue(stripped)
        if not stripped.endswith((":", ",")) or speech.verb_pattern is None:
            return None
        verbs = [found for found in speech.verb_pattern.finditer(stripped) if not self._a_noun(stripped, found)]
        if verbs:
            return self.subject_of(stripped, verbs[-1])
        head = stripped.split(",", 1)[0]
        if stripped.endswith(":") and len(head.split()) <= _LABEL_WORDS:
            # a name and a colon, as a transcript writes it ("BKA-Präsident Ziercke: „…“"), perhaps with a
            # description after a comma ("Erkki Tuomioja, Präsident des Rats: „…“")
            label = stripped[:-1].strip()
            # (a description has no verb: "…, sieht die Lage so:" is a clause; a name's words have capitals:
            # not "Denn:", not "Darin steht unter anderem:")
            described = len(label.split()) <= _MAX_SPEAKER_WORDS + 4 and not (
                self.speech.title_words and self._words_of_its_own(label[len(head):]))
            words = head.split()
            if described and self.can_speak(label) and words[0].lower() not in self.skipped and all(
                    w[:1].isupper() or w in self.speech.name_particles for w in words):
                # (where only names have capitals no verb tells a description from a clause: a long one, or one
                # with a comma of its own, is taken for a clause and the name is the speaker: "Марк Тоунер,
                # исполняющий обязанности …, выступил со специальным заявлением:")
                tail = label[len(head):].strip(" ,")
                if not self.speech.title_words and ("," in tail or len(tail.split()) > _LABEL_WORDS):
                    return head.strip()
                return label
        if stripped.endswith(":") and speech.bare_nouns:
            # the same where nouns are bare, with no verb to tell: the person the narration names last, in a case
            # a subject can be in ("Оптимизм Чилингарова разделил директор ИМЭМО РАН Александр Дынкин:", "Юрий
            # Любимов о предложении вернуться на Таганку:"; not "… на встрече с Владиславом Сурковым:")
            return self._person_named_last(stripped[:-1])
        if stripped.endswith(":") and speech.capitalised_nouns:
            # narration that introduces a quote with a colon names its speaker as its subject, whatever
            # its verb ("Enders schloss sich dem mit den Worten an:")
            verb = self._first_verb(stripped)
            if verb is None:
                return self._label_before_a_preposition(stripped[:-1])
            subject = self.subject_of(stripped, verb)
            # ("Seine Zuversicht gründet sich auf …:": a possessive's noun speaks for whom it belongs to, the
            # person named last)
            possessor = self.speech.possessives.get(subject.split(None, 1)[0].lower()) if subject else None
            return possessor or subject
        return None

    def _label_before_a_preposition(self, label: str) -> str | None:
        """"Punklady Nina Hagen zur neuen Heimat:": with no verb before the colon, a name and what it is said
        about (a preposition's phrase); the name is the speaker, not a description alone ("Die Bilanz nach
        fünf Jahren:")."""
        words = label.split()
        at = next((i for i, word in enumerate(words) if word in self.speech.preposition_words), 0)
        if not 0 < at <= _LABEL_WORDS or len(words) > _MAX_SPEAKER_WORDS:
            return None
        name = self._noun_phrase(" ".join(words[:at]))
        return name if name is not None and self.names_someone(name) else None

    def _names_after(self, tail: str) -> bool:
        """Where nouns have capitals, a reporting preposition names someone when a noun, a name, an article
        or a mark follows it ("so Merkel", "so der Minister", "laut „BBC“"), not an adverb's word ("so
        genannte", "so dass")."""
        if not self.speech.capitalised_nouns:
            return True
        first = tail.split(None, 1)[0] if tail.strip() else ""
        return not first[:1].islower() or first.lower().strip(",") in self.speech.subject_starts \
            or first in self.speech.name_particles

    def _a_noun(self, text: str, verb: re.Match[str]) -> bool:
        """Where nouns have capitals, a reporting word written with one inside a sentence is a noun ("das
        Schreiben", "ein Zitat"), not the verb."""
        return self.speech.capitalised_nouns and verb.group()[:1].isupper() and bool(text[:verb.start()].strip())

    def _first_verb(self, clause: str) -> tuple[int, int] | None:
        """Where nouns have capitals, a clause's verb is its first lower-case word that is no article,
        determiner or preposition, no adjective between an article or a preposition and its noun ("Die
        staatliche libanesische Nachrichtenagentur meldet …"), not inside quotation marks ("Unter dem Motto
        „Freiheit statt Angst“ zogen …") and not in a relative or subordinate clause between commas ("Der
        Ermittler, der als Zeuge gilt, will …")."""
        small, starts = self.speech.title_words or self.function_words, self.speech.subject_starts
        in_phrase = False  # after an article (a small word that opens a subject): its adjectives, up to its noun
        clause = _BETWEEN_COMMAS.sub(self._blank_subordinate, _QUOTED.sub(_blanked, clause))
        clause = self._without_opening_clause(clause)
        last_end = 0
        for word in _WORD.finditer(clause):
            text = word.group()
            lowered = text.lower()
            if "," in clause[last_end:word.start()]:
                in_phrase = False  # (a phrase ends at a comma: "Um die Zeit zu gewinnen, will …")
            last_end = word.end()
            if text[:1].islower() and not in_phrase and text not in small and lowered not in starts \
                    and lowered not in self.speech.leading_particles \
                    and lowered not in self.speech.between_verb_and_subject:  # ("auch", "dafür": no verb)
                return word.span()
            if lowered in starts and lowered in small or lowered in self.speech.preposition_words:
                in_phrase = True  # (a preposition too: "Nach eingehender Prüfung sei er …")
            elif not text[:1].islower():
                in_phrase = False
        return None

    def _without_opening_clause(self, clause: str) -> str:
        """"Als ein Fluggast zu Hilfe eilte, biss der Randalierer …", "Darauf reagierend, veröffentlichte der
        Verfasser …": a subordinate clause or a participle's phrase that opens a sentence ends with its verb at
        a comma, and the sentence's own verb follows; the opening is blanked (same length), else kept."""
        head, comma, _ = clause.partition(",")
        words = head.split()
        if not comma or len(words) < 2:
            return clause
        last = words[-1]
        if not last[:1].islower() or last in self.speech.title_words or last.lower() in self.speech.subject_starts:
            return clause  # ("Als Sprecher der Partei sagte er, …": the verb is the sentence's)
        # (a conjunction's subject follows it, "Als ein Fluggast …": "Damit wird …" is an adverb and its verb)
        subordinate = words[0].lower() in self.speech.subordinators and (
            _capitalised(words[1]) or words[1].lower() in self.speech.subject_starts)
        endings = self.speech.present_participle_endings
        participle = len(words) <= _PARTICIPLE_WORDS and bool(endings) and last.endswith(endings)
        return " " * len(head) + clause[len(head):] if subordinate or participle else clause

    def _without_relative_clause(self, phrase: str) -> str:
        """"Der Ermittler, der als Zeuge gilt" -> "Der Ermittler": a relative or subordinate clause after a
        subject is no part of its name."""
        head, comma, tail = phrase.rpartition(",")
        while comma and head.strip() and self._first_verb(head) is None:
            first = tail.split()[:1]
            if first and elided(first[0]) in self.speech.relatives:
                # ("La tante d'Alexia Daval, que le mari a reconnu …, a fait part", "une porte-parole, qui"):
                # the noun phrase the pronoun follows
                return self._antecedent(f"{head.strip()} {first[0]}")
            if not self._opens_dependent_clause(tail):
                break
            phrase = head.strip()
            head, comma, tail = phrase.rpartition(",")
        return phrase

    def _blank_subordinate(self, match: re.Match[str]) -> str:
        """A clause between commas blanked when it is relative or subordinate (its verb is not the
        sentence's), else kept."""
        inner = match.group(1)
        return "," + " " * len(inner) + "," if self._opens_dependent_clause(inner) else match.group()

    def clause_closing(self, after: str) -> str | None:
        """'… „müsse beendet werden“, so Rice.': the clause that closes the quote's sentence after a comma."""
        sentence = _first_sentence(after)
        comma = sentence.rfind(",")
        found = self.clause_after(sentence[comma:]) if comma > 0 else None
        if found is None and self.speech.capitalised_nouns:
            # "Sie sei „…“ über das Geschehen, sagte die Königin, ihre …": the first comma that a reporting
            # clause follows, not only the last
            for comma_at in re.finditer(",", sentence[:min(max(comma, 0), _SUBJECT_REACH)]):  # (near the quote)
                found = self.clause_after(sentence[comma_at.start():])
                if found is not None:
                    break
        return found

    def reported_in(self, sentence: str, content: str = "") -> str | None:
        """A fragment's speaker: whom the last reporting word before it in its sentence names, or, where
        nouns have capitals, the subject of a main clause whose "dass" the quote stands in ("Das Gericht
        machte klar, dass „…“", or the quote opening with it: "Das Gericht kam zu dem Ergebnis, „dass …“":
        whatever the verb, the clause reports what the subject holds)."""
        cue = self._cue(sentence)
        if cue is not None or not self.speech.capitalised_nouns:
            return cue
        main, comma, _ = sentence.partition(", dass ")
        if not comma and content.startswith("dass ") and sentence.rstrip().endswith(","):
            main, comma = sentence.rstrip()[:-1], ","  # the "dass" opens the quote
        verb = self._first_verb(main) if comma else None
        if verb is not None:
            return self.subject_of(main, verb)
        # "Wie X ausführte, …" opening the sentence, or right before the quote ("…, wie sich X ausdrückte, „…“")
        last_clause = sentence.rstrip().rstrip(",").rpartition(", ")[2]
        return self._as_reported_by(sentence) or self._as_reported_by(last_clause + ",") \
            or self._whose_view(sentence)

    def intent_of(self, sentence: str) -> str | None:
        """Where nouns have capitals, "Die SPD will am Kurs festhalten. „Wir wollen …“": a sentence whose verb
        is a modal of intent states its subject's plan, and the statement after it is the subject's."""
        if not self.speech.capitalised_nouns or self.speech.intent_pattern is None:
            return None
        sentence = sentence.rpartition(": ")[2]  # ("Europapolitik: Die SPD will …": the clause after a label)
        verb = self._first_verb(sentence)
        if verb is None or not self.speech.intent_pattern.fullmatch(sentence, *verb):
            return None
        return self.subject_of(sentence, verb)

    def _whose_view(self, sentence: str) -> str | None:
        """"Für den Theologen Hans Küng sei der Rücktritt „…“": a sentence opened by the language's "for" and a
        named person's phrase, then its verb, gives that person's view."""
        head, _, rest = sentence.lstrip().partition(" ")
        if not self.speech.view_preposition or head.lower() != self.speech.view_preposition:
            return None
        verb = self._first_verb(rest)
        phrase = self._noun_phrase(rest[:verb[0]]) if verb is not None else None
        return phrase if phrase is not None and self.names_someone(phrase) else None

    def report_opening(self, sentences: list[str]) -> str | None:
        """Who the report names that a run of sentences in reported speech goes on from (`sentences`: the
        nearest first, at most `REPORT_REACH`), when each sentence after it is in that mood."""
        pattern = self.speech.reported_pattern
        if pattern is None:
            return None
        for sentence in sentences[:REPORT_REACH]:
            cue = self.reported_in(sentence)
            if cue is not None:
                return cue
            if not pattern.search(sentence):
                return None
        return None

    def _as_reported_by(self, sentence: str) -> str | None:
        """"Wie der Richter, Ottmar Breidling, ausführte, hätte …": a clause that opens with the language's
        "as" and ends with its verb names the source of the sentence, whatever the verb."""
        words = sentence.split(None, 1)
        if len(words) < 2 or words[0].lower() not in self.speech.as_reported:
            return None
        clause = words[1]
        for comma in re.finditer(",", clause):
            head = clause[:comma.start()].split()
            if head and head[-1][:1].islower() and head[-1] not in self.speech.title_words:
                while head and head[0].lower() in self.speech.between_verb_and_subject:
                    head.pop(0)  # "wie sich Tauss ausdrückte"
                subject = " ".join(head[:-1])  # (the clause's verb comes last)
                return self.phrase_before(subject + " ") if subject else None
        return None

    def speaker_first(self, before: str, after: str) -> str | None:
        """Turkish, Chinese, Japanese, Korean: 'X “…” dedi', '局长表示：“…”', 'X는 “…”라고 말했다'."""
        speech = self.speech
        if speech.verb_pattern is None:
            return None
        lead = _QUOTATIVE_LEAD.match(after)
        rest = after[lead.end() if lead else 0:]
        stop = _STOP.search(rest)
        clause = rest[:stop.start() if stop else len(rest)]
        found = speech.verb_pattern.search(clause)
        if found and (found.start() < 30 if speech.spaced else found.start() < 12):
            subject = (clause[:found.start()] if found.start() else before).strip(" ,，:：")
        else:
            head = before.rstrip(" ,，:：")
            verb = _last(speech.verb_pattern, head)
            if verb is None or head[verb.end():].strip():
                return None
            subject = head[:verb.start()].strip(" ,，:：")
        for particle in speech.particles:
            if subject.endswith(particle) and len(subject) > len(particle):
                subject = subject[:-len(particle)]
                break
        subject = subject.split("，")[-1].split(",")[-1].strip()
        if speech.not_subject_ending:
            words = subject.split()
            while len(words) > 1 and re.fullmatch(rf"\w+{speech.not_subject_ending}", words[-1]):
                words.pop()  # "Belediye başkanı törende": the place, not the speaker
            subject = " ".join(words)
        return subject if 0 < len(subject) <= 40 else None
