"""How each language writes quoted speech, as data: its quotation marks, the words that report speech,
and the words around a speaker. `digest.quotes.marked` reads quotes with it; English has its own, richer
rules (`digest.quotes.extract`).

The reporting words are written as stems with their endings ("sag:t,te,ten,en,e" is sagt, sagte,
sagten, sagen, sage): every form of a verb of saying that news copy uses, not the forms one dev set has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from digest.quotes.nominative import may_be_nominative, name_in_case, noun_readings, only_dative, russian_nominative


def _forms(spec: str) -> list[str]:
    """"sag:t,te,ten|gesagt" -> ["sagt", "sagte", "sagten", "gesagt"]."""
    out: list[str] = []
    for part in spec.split("|"):
        stem, _, endings = part.strip().partition(":")
        out += [stem + ending for ending in endings.split(",")] if endings else [stem]
    return out


@dataclass(frozen=True, eq=False)  # (one object a language: compared and hashed by identity)
class Speech:
    """The quoted speech of one language."""

    marks: dict[str, str]  # an opening mark -> the marks that close it
    verbs: str  # the reporting words, as `_forms` specs
    # opening marks that nest inside their own quotation, as Russian and French guillemets do ("«… «Эха» …»");
    # elsewhere a second opening mark in a span that never closed starts the next quote ("“…“…”")
    nesting: str = ""
    # speech set off by dashes: a paragraph that opens with one, the narrator's words between two inside a
    # quotation (Russian: "— …, — говорит Уилсон. — …"; `digest.quotes.dashes`)
    dash_speech: bool = False
    # words that report speech when they introduce the speaker before or after the quote ("so", "laut")
    prepositions: str = ""
    postpositions: str = ""  # the same after the speaker ("Merkel zufolge", "Bakan'a göre")
    auxiliaries: str = ""  # words between the quote and an inverted verb ("a déclaré", "ha detto")
    # modal verbs of intent: a sentence with one states its subject's plan ("Die SPD will …")
    intents: str = ""
    # the preposition that opens a sentence giving someone's view ("Für X sei …")
    view_preposition: str = ""
    # possessive determiners and the pronoun of their possessor ("seine" -> "er")
    possessives: dict[str, str] = field(default_factory=dict)
    # modal verbs, second in a clause whose verb closes it after its subject ("soll Anelka gesagt haben:")
    modals: str = ""
    # personal pronouns a reporting clause names a speaker by: the last one named is meant
    pronouns: frozenset[str] = frozenset()
    # words that may open a sentence's subject (articles, determiners, pronouns): other function words
    # there open an adverbial, and the subject follows the verb ("Dennoch sagte er")
    subject_starts: frozenset[str] = frozenset()
    # words that open an object or an adverbial, never a subject ("Dem Spiegel sagte Merkel", "Angesichts
    # der Lage sagte Merkel"): the subject follows the verb
    object_starts: frozenset[str] = frozenset()
    # endings of adjectives and adverbs where nouns have capitals: a sentence opened by such a word alone
    # or before a small word is opened by an adverbial ("Ähnlich äußerte sich …", "Relativierend fügte …")
    adverb_endings: tuple[str, ...] = ()
    # what stands between a subject and its verb, carried by the verb ("se", "s'", "m'", "ne", "est")
    preverbal: frozenset[str] = frozenset()
    # relative pronouns: a phrase ending with one stands for the noun phrase before it ("le braqueur qui")
    relatives: frozenset[str] = frozenset()
    # the forms of "to be" where only names have capitals: a phrase with one inside is a clause, no subject
    # ("Ces produits sont interdits depuis 1987, précise le périodique")
    copulas: frozenset[str] = frozenset()
    # the elided pronouns and particles that belong to a verb (French "n'", "s'", "qu'"): no subject holds one
    clitics: frozenset[str] = frozenset()
    # the endings of a present participle: its phrase may open a sentence before a comma ("Darauf reagierend,"),
    # and its clause after a noun is no part of a speaker ("le ministère | répondant aux accusations")
    present_participle_endings: tuple[str, ...] = ()
    # the endings of past participles: after a statement, a comma, an auxiliary and one of them open the
    # inverted clause whatever the verb ("« … », a consacré mercredi le Guide Michelin")
    past_participle_endings: tuple[str, ...] = ()
    # words before a sentence's subject that leave it the subject ("Auch die Ministerin sagte")
    leading_particles: frozenset[str] = frozenset()
    # the month names a date writes after its day ("12 марта"): a date is an adverbial, no part of a speaker
    months: frozenset[str] = frozenset()
    # words that end a speaker's phrase after the verb ("sagte Merkel am Montag", "a dit le maire devant")
    phrase_ends: frozenset[str] = frozenset()
    # who a speaker says something to, not a speaker ("sagte der Zeitung", "a déclaré à la presse")
    audience: frozenset[str] = frozenset()
    # the prepositions of a medium spoken to between a verb and its subject ("a expliqué à l'AFP Valerio
    # Segor", "a confié au Parisien le maire", "soupire auprès de l'AFP un responsable")
    audience_prepositions: frozenset[str] = frozenset()
    # the other prepositions whose phrase stands between a verb and its inverted subject ("a indiqué sur Twitter
    # l'équipe", "a raconté par téléphone M. Branzuela"), the times there ("jeudi matin", months, days' numbers),
    # and the words that join a complement to a noun ("conférence de presse")
    subject_prepositions: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    noun_complements: frozenset[str] = frozenset()
    # articles that never mark the one spoken to (German "die", "das", "eine": no dative): after them an
    # audience noun is the subject ("Die Nachrichtenagentur meldet:")
    subject_articles: frozenset[str] = frozenset()
    # words between a verb and its inverted subject ("sagte dazu Merkel", "äußerte sich der Minister")
    between_verb_and_subject: frozenset[str] = frozenset()
    # nouns a name in quotation marks stands after ("die Zeitung „Die Zeit“", "партия «Единая Россия»"),
    # kept in lower case (German writes them with their capital here)
    name_nouns: frozenset[str] = frozenset()
    # name nouns that still name a title or a name as the last part of a compound ("das Nachrichtenmagazin
    # „Der Spiegel“", "die Musikzeitschrift „Billboard“"), where the language writes compounds as one word
    name_heads: tuple[str, ...] = ()
    # words between a name noun and the name it is followed by ("die Online-Ausgabe des „Spiegel“")
    name_of: frozenset[str] = frozenset()
    # endings a name noun takes before a name in quotation marks ("des Magazins „…“", "des Blattes „…“")
    name_noun_endings: tuple[str, ...] = ()
    # word beginnings before a name or a word in quotation marks ("sogenannte „…“", "so-called")
    name_cues: tuple[str, ...] = ()
    # the verb comes after the quote and the speaker before it (Turkish, Korean, Japanese, Chinese)
    speaker_first: bool = False
    # particles glued to a speaker before its verb (Korean 는/은/이/가, Japanese は/が): cut off
    particles: tuple[str, ...] = ()
    # endings of words that are not the speaker, at the end of a speaker-first language's subject phrase
    # (Turkish locative and ablative: "Başkan törende “…” dedi": "at the ceremony")
    not_subject_ending: str = ""
    spaced: bool = True  # words are separated by blanks
    # a noun takes an article or a determiner (French): a subject after its verb opens with one, a name or a
    # pronoun, never with a lower-case word of another kind ("a dit jeudi envisager …")
    nouns_take_articles: bool = False
    # a noun takes no article and only names have capitals (Russian): a subject opens with a bare noun, which the
    # article writes in lower case elsewhere ("Президент ВТБ Андрей Костин" and "президент"), so that says
    # nothing of a capitalised first word; the subject ends before a preposition that opens an adverbial
    # (`adverbial_prepositions`: "Канцлер ФРГ Ангела Меркель | в преддверии саммита заявила")
    bare_nouns: bool = False
    adverbial_prepositions: frozenset[str] = frozenset()
    patronymics: tuple[str, ...] = ()  # what a patronymic holds, the middle word of a full Russian name
    # nouns are capitalised and verbs are not (German): a sentence's first lower-case word that is not
    # a function word is its verb or an adjective of its subject's
    capitalised_nouns: bool = False
    # verb forms of reported speech (German Konjunktiv I, "sei", "habe"): a sentence with one reports what
    # the speaker named last said, and a fragment quoted in it is theirs ("Die Lage sei „ernst“")
    reported_mood: str = ""
    # reporting words with no subject ("heißt es"), and the prepositions that name their source ("in dem
    # Antrag heißt es", "aus Paris hieß es")
    impersonal: str = ""
    source_prepositions: str = ""
    # nouns of speech, and the words that open the genitive naming whose speech it is ("Auf den Vorwurf der
    # CDU, es handele sich um einen „…“")
    speech_nouns: str = ""
    genitive_starts: frozenset[str] = frozenset()
    # a verb of quoting and the words that name its object as the one quoted ("zitiert X mit den Worten")
    quoting_verbs: str = ""
    quoted_with: str = ""
    # what a verb of quoting quotes, whose genitive names whose it is ("цитирует слова X", "заявление X"), and the
    # pronouns of its object ("приводит его")
    quoted_nouns: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    # where nouns decline: a speaker phrase governed in a case ("accs" by a verb of quoting, "gent" by the
    # reporting prepositions of `genitive_prepositions`) -> the phrase in the nominative, as a speaker is shown
    nominative: Callable[[str, str], str] | None = None
    may_be_subject: Callable[[str], bool] | None = None  # the word has a nominative reading, a subject's case
    # the word is in the dative and no subject's case: whom a speaker told, before their name or after it
    # ("— заявил Первому каналу Олег Титов", "— сказал Роман Соколов Русской службе Би-би-си")
    told_to: Callable[[str], bool] | None = None
    # a word's readings as a noun, (dictionary form, case, animate), and a name in a case put in the nominative: to find
    # a described speaker's title in whatever case the text writes it ("президента России Владимира Путина")
    noun_readings: Callable[[str], tuple[tuple[str, str, bool], ...]] | None = None
    name_in_case: Callable[[str, str], str | None] | None = None
    genitive_prepositions: frozenset[str] = frozenset()
    # verbs whose object follows them, never their subject: of naming, whose object the quote names ("назвал
    # ситуацию «удручающей»", "a qualifié la réforme de « … »"), and of proposing ("предложил провести оценку")
    object_verbs: str = ""
    # the conjunction of a clause that names a sentence's source with any verb ("Wie X ausführte, …")
    as_reported: frozenset[str] = frozenset()
    # the lower-case words of a title or a name where nouns have capitals: articles, prepositions and
    # conjunctions ("Schule ohne Rassismus – Schule mit Courage"); a span with any other is a statement
    title_words: frozenset[str] = frozenset()
    # the small words of names in other languages that a text quotes as names (German text: "Piper at the Gates
    # of Dawn", "Union pour un Mouvement Populaire"), beside its own `title_words`
    loan_title_words: frozenset[str] = frozenset()
    # the small words inside names ("Von der Leyen", "de Gaulle")
    name_particles: frozenset[str] = frozenset()
    # conjunctions that join a second verb to a clause's subject ("Merkel lobte X und nannte Y „…“"): what
    # follows that verb is its object
    conjunctions: frozenset[str] = frozenset()
    # words that open a subordinate clause ("…“, was Rückschlüsse zulässt"): no verb of a reporting clause
    subordinators: frozenset[str] = frozenset()
    verb_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    preposition_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    postposition_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    auxiliary_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    reported_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    impersonal_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    source_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    quoting_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    object_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    quoted_with_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    speech_noun_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    modal_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    intent_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    mark_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)  # any mark, or a line break
    # the articles: the small words that open a subject (German "der", "ein"; none listed for French, Russian)
    articles: frozenset[str] = field(init=False, repr=False, compare=False)
    # the title's other small words that join no clause: its prepositions ("nach eingehender Prüfung")
    preposition_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, spec in (("verb_pattern", self.verbs), ("preposition_pattern", self.prepositions),
                           ("postposition_pattern", self.postpositions), ("auxiliary_pattern", self.auxiliaries),
                           ("reported_pattern", self.reported_mood), ("impersonal_pattern", self.impersonal),
                           ("source_pattern", self.source_prepositions),
                           ("quoting_pattern", self.quoting_verbs), ("quoted_with_pattern", self.quoted_with),
                           ("object_pattern", self.object_verbs),
                           ("speech_noun_pattern", self.speech_nouns), ("modal_pattern", self.modals),
                           ("intent_pattern", self.intents)):
            object.__setattr__(self, name, self._alternation(spec))
        object.__setattr__(self, "name_nouns", frozenset(word.lower() for word in self.name_nouns))
        every_mark = "".join(sorted(set(self.marks) | set("".join(self.marks.values()))))
        object.__setattr__(self, "mark_pattern", re.compile(f"[\n{re.escape(every_mark)}]"))
        object.__setattr__(self, "articles", self.subject_starts & self.title_words)
        object.__setattr__(self, "preposition_words",
                           self.title_words - self.articles - self.conjunctions - self.subordinators)

    def person_name(self, words: list[str]) -> list[str]:
        """The person's name a run of capitalised words ends with: a first and a family name, or three words with a
        patronymic between them ("Владимир Владимирович Путин"); what comes before them is a title's complement
        ("министр иностранных дел Великобритании | Филип Хаммонд")."""
        if len(words) > 2 and not any(part in words[-2].lower() for part in self.patronymics):
            return words[-2:]
        return words

    def _alternation(self, spec: str) -> re.Pattern[str] | None:
        """Any of the words of `spec` as a whole word (a run of characters, in scripts without blanks), as
        written, in lower case or with a capital. (The forms spelt out, not `re.I`: twice as fast.)"""
        if not spec:
            return None
        forms = {form for word in _forms(spec) for form in (word, word.lower(), word[:1].upper() + word[1:])}
        before, after = (r"(?<![\w-])", r"(?![\w])") if self.spaced else ("", "")
        return re.compile(before + "(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")" + after)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_GERMAN = Speech(
    marks={"„": "“”\"", "»": "«", "“": "”", "\"": "\""},
    nesting="„",  # („…„Small-Business-Unternehmen“ …“: where ‚…‘ belonged, as writers often do)
    # (English, French, Italian and Spanish articles, prepositions and conjunctions)
    loan_title_words=_words("of the at in for on and a an to from with de du des la le les et pour un une au aux "
                            "en sur di del della dei e el los las y"),
    verbs=("sag:t,te,ten,en,e,st|gesagt|erklär:t,te,ten,en,e|erklärt|beton:t,te,ten,en|meint|meinte|meinten|meinen|gemeint"
           "|forder:t,te,ten,n|gefordert|kritisier:t,te,ten,en|warn:t,te,ten,en|gewarnt|schreib:t,en|schrieb:,en"
           "|geschrieben|teilt:,e,en|mitgeteilt|füg:t,te,ten|hinzugefügt|ergänz:t,te,ten|bezeichn:et,ete,eten,en"
           "|nenn:t,en|nannt:e,en|sprach:,en|spricht|äußer:t,te,ten|geäußert|hieß es|heißt es|es heißt|es hieß|geheißen|zitier:t,te,ten"
           "|zitiert|antwort:et,ete,eten|entgegn:et,ete,eten|frag:t,te,ten,en|rief:,en|ruft|skandier:t,te,ten"
           "|verkünd:et,ete,eten|bericht:et,ete,eten|kündigt:,e,en|angekündigt|erläuter:t,te,ten|unterstrich:,en"
           "|versicher:t,te,ten|bekräftig:t,te,ten|behaupt:et,ete,eten|beklag:t,te,ten|lob:t,te,ten"
           "|begrüß:t,te,ten|kommentier:t,te,ten|bestätig:t,te,ten|dementier:t,te,ten|wies|weist|versprach"
           "|verspricht|droht:,e,en|appellier:t,te,ten|mahnt:,e,en|urteil:t,te,ten|beschrieb:,en|beschreibt"
           "|wertet:,e,en|räumt:,e,en|glaubt:,e,en|fügt"
           "|verwies:,en|verweist|sprach|verteidig:t,te,ten|wirft|warf|werfen|begründ:et,ete,eten,en|würdig:t,te,ten"
           "|konstatier:t,te,ten|sichert:,e,en|beschwör:t,en|beschwor:,en|schloss|lobt:,e,en|bedauert:,e,en"
           "|räumt:,e,en|gestand:,en|verlangt:,e,en|resümier:t,te,ten|bilanzier:t,te,ten|prophezeit:,e,en"
           "|vermutet:,e,en|befürchtet:,e,en|hofft:,e,en|erinnert:,e,en|schildert:,e,en|erzählt:,e,en"
           "|beteuert:,e,en|protestiert:,e,en|klagt:,e,en|moniert:,e,en|bemängelt:,e,en|rügt:,e,en|bezweifelt:,e,en"
           "|warb|wirbt|plädiert:,e,en|riet|rät|empfahl|empfiehlt|hob|hebt|brachte|bringt|sprachen|zitiert"
           "|Zitat|bekannte|gesteht|kündigt|resümiert|urteilte|folgert:,e,en|erwidert:,e,en|sekundiert:,e,en"
           "|bilanziert|versicherte|unterstrichen|ergänzt|twittert:,e,en|postet:,e,en"
           "|meld:et,ete,eten,en|gemeldet|vermeld:et,ete,eten,en|vermeldet|einräumen|eingeräumt|zugeben|zugegeben"
           "|feststellen|festgestellt|hinweisen|hingewiesen|mitteilen|unterstreichen|bekanntgeben|gefragt|verlauten"
           "|verurteil:t,te,ten|verurteilt|bat|baten|bittet|gebeten|beurteil:t,te,ten|beurteilt"),
    prepositions=("so|laut|nach Angaben|nach Aussagen|nach Auffassung|nach Ansicht|nach Meinung|nach Einschätzung"
                  "|nach Worten|nach den Worten|nach Darstellung|nach Darstellungen|nach Informationen|nach Überzeugung"
                  "|nach Aussage|nach Auskunft|nach Berichten|nach Einschätzungen|nach Bewertung|nach Erkenntnissen"
                  "|nach Recherchen|Zitat von|Zitat des|Zitat der"),
    speech_nouns=("Vorwurf|Vorwürfe|Behauptung|Behauptungen|Ankündigung|Forderung|Forderungen|Warnung"
                  "|Einschätzung|Äußerung|Äußerungen|Mitteilung|Vorschlag|Idee"),
    genitive_starts=_words("der des von vom eines einer"),
    postpositions="zufolge",
    auxiliaries="hatte|hat|habe|hätte|hätten|haben|hatten|wird|wurde|werde|ist|war|sei|sind|waren|ließ|ließen|lässt",
    view_preposition="für",
    intents="will|wollen|wollte|wollten|möchte|möchten",
    possessives={**dict.fromkeys("sein seine seiner seinem seinen seines".split(), "er"),
                 **dict.fromkeys("ihr ihre ihrer ihrem ihren ihres".split(), "sie")},
    modals="soll|sollen|sollte|sollten|will|wollen|wollte|wollten|muss|müssen|musste|mussten|kann|können|konnte",
    pronouns=_words("er sie"),
    capitalised_nouns=True,
    name_particles=_words("von vom van de der zu di da du la le el al bin ibn dos del della"),
    impersonal="heißt es|hieß es|es heißt|es hieß|geheißen",
    as_reported=_words("wie"),
    conjunctions=_words("und oder aber sowie"),
    subordinators=_words("was wer wo wie wann warum weshalb wobei womit woran worauf weil dass ob wenn als da "
                         "während nachdem bevor obwohl damit sodass denn zumal sofern falls indem seit seitdem "
                         "sobald solange ehe obgleich obschon wenngleich wohingegen"),
    source_prepositions="in|im|aus|auf|bei|beim|von|vom|seitens",
    quoting_verbs="zitier:t,te,ten|zitiert",
    quoted_with="mit den Worten|mit folgenden Worten|mit den folgenden Worten|mit diesen Worten|mit seinen Worten"
                "|mit ihren Worten",
    reported_mood=("sei|seien|habe|werde|könne|müsse|solle|dürfe|wolle|möge|gebe|stehe|gehe|liege|gelte|bleibe"
                   "|komme|wisse|brauche|lasse|sehe|fehle|zeige|bestehe|handle|trage|wäre|wären|hätten|würden"),
    title_words=_words("der die das des dem den ein eine einer eines einem einen und oder sowie in im am an "
                       "auf aus bei beim mit nach von vom vor zu zum zur für über unter gegen ohne um durch "
                       "bis zwischen als wie seit ins ans"),
    object_starts=_words("den dem einem einen angesichts anlässlich aufgrund wegen trotz dank gemäß infolge "
                         "seitens mittels"),
    adverb_endings=("lich", "end", "ig", "isch", "bar", "weise", "sam"),
    present_participle_endings=("end",),
    subject_starts=_words("der die das den dem des ein eine einer eines einem einen er sie es wir ich ihr man "
                          "sein seine seiner ihre ihrer unser unsere dieser diese dieses jener jene alle viele "
                          "beide mehrere einige manche kein keine dessen deren"),
    leading_particles=_words("auch und aber doch selbst sogar nur ebenfalls"),
    phrase_ends=_words("am im in an auf bei beim vor nach gegenüber mit zum zur dem den der die das dass ob über "
                       "von vom zu für gestern heute morgen bereits noch auch dazu damals jedoch aber und als "
                       "weiter außerdem zudem laut hinzu fest ab aus bekannt zurück ein sich es wie"),
    name_nouns=_words("Zeitung Tageszeitung Wochenzeitung Magazin Nachrichtenmagazin Blatt Sender Fernsehsender "
                      "Sendung Titel Film Buch Album Lied Song Roman Stück Serie Projekt Programm Mission "
                      "Operation Aktion Kampagne Initiative Partei Bündnis Verein Gruppe Band Firma Unternehmen "
                      "Typ Marke Modell Schiff Raumfähre Raumschiff Sonde Satellit Motto Namen namens Gesetz "
                      "Plattform Website Portal Agentur Zeitschrift Ausgabe Artikel Kolumne Reihe "
                      "Ausstellung Festival Veranstaltung Konferenz Kongress Auszeichnung Orden "
                      "Fahrzeug Auto Flugzeug Organisation Stiftung Netzwerk Verband Konzern Bewegung Front"),
    name_heads=("zeitung", "zeitschrift", "magazin", "blatt", "sender", "sendung", "agentur", "portal", "site", "ausgabe",
                "film", "buch", "album", "roman", "serie", "partei", "bündnis", "verein", "verband", "firma",
                "konzern", "unternehmen", "organisation", "stiftung", "netzwerk", "projekt", "programm",
                "kampagne", "festival", "ausstellung", "kongress", "konferenz", "schiff"),
    name_of=_words("des der"),
    name_noun_endings=("es", "s", "en", "n", "e"),
    name_cues=("genannt", "sogenannt", "betitelt"),
    subject_articles=_words("die das ein eine"),
    audience=_words("Zeitung Tageszeitung Wochenzeitung Nachrichtenagentur Agentur Sender Fernsehsender Magazin "
                    "Nachrichtenmagazin Blatt Reportern Journalisten Medien Presse Radio Fernsehen Rundfunk "
                    "Interview Pressekonferenz Zuhörern Anwesenden Teilnehmern Demonstranten Abgeordneten "
                    "Parlament Bundestag"),
    between_verb_and_subject=_words("sich ihn ihm ihnen uns mich mir dazu hierzu darauf daraufhin auch zudem "
                                    "ebenfalls weiter außerdem "
                                    "jedoch aber nun jetzt bereits damals gestern heute später zuvor dagegen "
                                    "hingegen indes einmal erneut noch dafür dabei deshalb deswegen daher dennoch "
                                    "trotzdem"),
)

_FRENCH = Speech(
    marks={"«": "»", "“": "”", "\"": "\""},
    nesting="«",
    # (the present's plural too: "estiment ces députés", "assurent les organisateurs")
    verbs=("dit|disait|disent|déclar:é,e,ait,ent|affirm:é,e,ait,ent|expliqu:é,e,ait,ent|ajout:é,e,ait,ent"
           "|estim:é,e,ait,ent|soulign:é,e,ait,ent|assur:é,e,ait,ent|indiqu:é,e,ait,ent|précis:é,e,ait,ent"
           "|confi:é,e,ait,ent|dénoncent|regrettent|jugent|soupir:é,e,ait|se réjouit|s'est réjoui|s'est réjouie"
           "|s'étonn:e,ait|s'indign:e,ait|lanc:é,e|répond:u,|répondait|martel:é,e"
           "|insist:é,e|racont:é,e,ait|annonc:é,e|prévenu|prévient|jug:é,e|dénonc:é,e|regrett:é,e|reconnu"
           "|reconnaît|rappel:é,le|poursuivi|poursuit|conclu|conclut|écrit|tweeté|qualifi:é,e|commenté|commente"
           "|résum:é,e|lâch:é,e|renchér:i,it|promis|promet|admis|admet|avou:é,e|témoign:é,e|interrog:é,e"
           "|demand:é,e|critiqu:é,e|salu:é,e|réagi|réagit|confirm:é,e|rapport:é,e|raill:é,e|tranch:é,e"
           "|souffl:é,e|plaid:é,e|avert:i,it|fustig:é,e|s'exclam:e,ait|s'est exclamé|s'interroge|note|noté"
           "|détaill:é,e,ait|déplor:é,e,ait|révél:é,ée|révèle|s'insurg:e,eait|abond:é,e,ait|accus:é,e,ait"
           "|illustr:é,e|décrypt:é,e|analys:é,e|ironis:é,e|s'amus:e,ait|se félicite|reconnait"),
    object_verbs="qualifi:é,e,ait,ent",
    prepositions="selon|d'après",
    auxiliaries="a|avait|ont|avaient|aurait|a-t-il|a-t-elle|ont-ils|ont-elles|avait-il|avait-elle|s'est|se sont",
    # (subject, stressed and relative: "selon lui", "selon qui", "selon lequel" mean the person named last)
    pronouns=_words("il elle ils elles lui eux qui lequel laquelle lesquels lesquelles"),
    subject_starts=_words("le la les l' un une des ce cet cette ces son sa ses leur leurs il elle ils elles on "
                          "nous je tu notre nos mon ma mes plusieurs certains premier première nouveau nouvelle "
                          "seul seule chaque tout tous toute toutes"),
    leading_particles=_words("et mais aussi même pourtant cependant toutefois néanmoins ainsi alors enfin ensuite "
                             "puis or donc"),
    audience_prepositions=_words("à au aux auprès"),
    subject_prepositions=_words("sur par dans lors pendant devant"),
    time_words=_words("lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi après-midi dernier "
                      "dernière prochain prochaine janvier février mars avril mai juin juillet août septembre octobre "
                      "novembre décembre"),
    noun_complements=_words("de du des"),
    past_participle_endings=("é", "ée", "és", "ées", "i", "is", "it", "u", "ert", "int"),
    present_participle_endings=("ant",),
    phrase_ends=_words("à au aux en dans devant lors pendant après d'après avant sur chez avec pour par mardi lundi "
                       "mercredi jeudi vendredi samedi dimanche hier aujourd'hui que qu' et mais"),
    name_cues=("baptis", "intitul", "surnomm"),
    audience=_words("presse journalistes journaliste agence chaîne radio télévision micro quotidien journal "
                    "hebdomadaire magazine"),
    between_verb_and_subject=_words("alors encore aussi ensuite enfin pourtant également notamment lui-même elle-même lundi mardi "
                                    "mercredi jeudi vendredi samedi dimanche hier aujourd'hui tard tôt"),
    nouns_take_articles=True,
    clitics=_words("n' s' qu' c' j' m' t'"),
    relatives=_words("qui que qu' dont lequel laquelle lesquels lesquelles"),
    copulas=_words("est sont était étaient sera seront serait seraient fut furent"),
    preverbal=_words("se s' s'est me m' te t' l' lui leur y en ne n' est sont"),
    conjunctions=_words("et mais puis"),
    name_nouns=_words("journal quotidien hebdomadaire magazine revue chaîne émission film livre album chanson "
                      "série projet programme mission opération campagne parti mouvement association groupe "
                      "société entreprise marque modèle navire sonde rapport titre baptisé intitulé nommé "
                      "dénommé site plateforme"),
)

_RUSSIAN = Speech(
    marks={"«": "»", "„": "“", "“": "”", "\"": "\""},
    nesting="«",
    dash_speech=True,
    verbs=("сказал:,а,и|заявил:,а,и|отметил:,а,и|подчеркнул:,а,и|добавил:,а,и|пояснил:,а,и|сообщил:,а,и"
           "|считает|считают|уверен:,а,ы|говорит|говорят|говорил:,а,и|рассказал:,а,и|признал:,а,и"
           "|предупредил:,а,и|написал:,а,и|ответил:,а,и|назвал:,а,и|заметил:,а,и|уточнил:,а,и|указал:,а,и"
           "|констатировал:,а,и|резюмировал:,а,и|заверил:,а,и|объяснил:,а,и|сказано|говорится|пишет|пишут"
           "|отмечает|отмечают|подчеркивает|подчёркивает|заявляет|заявляют|утверждает|утверждают|утверждал:,а,и"
           "|признался|призналась|поделился|поделилась|воскликнул:,а,и|спросил:,а,и|добавляет|поясняет"
           "|напомнил:,а,и|подытожил:,а,и|прокомментировал:,а,и"
           "|комментирует|высказался|высказалась|высказались|полагает|полагают|рассказывает|рассказывают"
           "|отрицает|опроверг:,ла,ли|возмутился|возмутилась|посетовал:,а,и|пожаловался|пожаловалась"
           "|убежден:,а,ы|убеждён:,а,ы|считал:,а,и|уверяет|продолжил:,а,и|отвечает|настаивает|настаивал:,а,и"
           "|подтвердил:,а,и|заключил:,а,и|повторил:,а,и|возразил:,а,и|парировал:,а,и"
           "|прогнозирует|прогнозировал:,а,и|предположил:,а,и|обратился|обратилась|обратились|восклицает"
           "|изрек|изрёк|изрекла|признает|признаёт|обвинил:,а,и|обвиняет|предложил:,а,и|предлагает"
           "|выразился|выразилась|высказал:,а,и"),
    prepositions="по словам|по мнению|как сообщил|как заявил|как отметил",
    genitive_prepositions=frozenset({"по словам", "по мнению"}),
    nominative=russian_nominative,
    may_be_subject=may_be_nominative,
    told_to=only_dative,
    noun_readings=noun_readings,
    name_in_case=name_in_case,
    pronouns=_words("он она"),
    subject_starts=_words("он она они мы я это этот эта эти его её их наш наша первый первая второй вторая новый "
                          "новая главный главная сам сама сами один одна другой другая каждый все весь вся многие "
                          "некоторые"),
    leading_particles=_words("и а но также даже позднее позже затем потом впоследствии причем причём впрочем "
                             "накануне сегодня вчера ранее теперь сейчас итак так"),
    # (and "не", which stands before a verb: "главы МИД не будут замыкаться …, заявил X" is a clause)
    copulas=_words("не был была было были будет будут является являются"),
    bare_nouns=True,
    adverbial_prepositions=_words("в во на по при после перед с со для у к о об из от до между через согласно"),
    patronymics=("ович", "евич", "овн", "евн", "ичн"),
    quoting_verbs="цитирует|цитируют|цитировал:,а,и|цитировало|приводит|приводят|привел:,а,и|привёл|передает|передаёт"
                  "|передают",
    quoted_nouns=_words("слова заявление заявления обращение высказывание цитату"),
    object_pronouns=_words("его её ее их"),
    object_verbs="назвал:,а,и|называет|называют|назовет|назовёт|предложил:,а,и|предлагает",
    months=_words("января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    # (adverbs and particles after a subject, before its verb: "Губернатор также заявил")
    preverbal=_words("также тоже же всегда тогда уже ещё еще"),
    phrase_ends=_words("в во на по при после перед с со для у к о об и но что журналистам агентству "
                       "изданию корреспонденту телеканалу газете"),
    name_cues=("так называем", "под названием", "именуем"),
    audience=_words("журналистам агентству изданию корреспонденту телеканалу газете радио журналу"),
    between_verb_and_subject=_words("также тогда еще ещё уже"),
    conjunctions=_words("и но а"),
    name_nouns=_words("газета газеты газете газету журнал журнала журнале агентство агентства партия партии "
                      "партию движение движения компания компании компанию ОАО ООО ЗАО ПАО АО фонд фонда "
                      "телеканал телеканала радиостанция фильм фильма книга книги программа программы проект "
                      "проекта операция операции акция акции организация организации банк банка клуб клуба "
                      "команда команды завод завода концерн концерна группа группы холдинг холдинга "
                      "издание издания сайт портал песня песни песню пресс-служба пресс-службы"),
)

_SPANISH = Speech(
    marks={"«": "»", "“": "”", "\"": "\""},
    verbs=("dijo|dice|afirmó|afirma|declaró|declara|explicó|explica|aseguró|asegura|señaló|señala|indicó|indica"
           "|añadió|añade|agregó|agrega|manifestó|destacó|destaca|advirtió|advierte|sostuvo|sostiene|comentó"
           "|apuntó|subrayó|reconoció|admitió|insistió|respondió|preguntó|escribió|anunció|denunció|criticó"
           "|calificó|aclaró|precisó|expresó|recordó|opinó|consideró|considera|estimó|concluyó"),
    prepositions="según",
    copulas=_words("es son era eran será serán sería serían fue fueron"),
    auxiliaries="ha|había|han",
    pronouns=_words("él ella"),
    audience_prepositions=_words("a al"),
    subject_starts=_words("el la los las un una unos unas este esta estos estas su sus él ella ellos ellas "
                          "nosotros yo"),
    phrase_ends=_words("a al en durante tras ante con para por que y pero este esta hoy ayer"),
    name_nouns=_words("diario periódico revista cadena programa película libro álbum canción serie proyecto "
                      "misión operación campaña partido movimiento grupo empresa compañía marca modelo buque "
                      "informe título llamado denominado"),
)

_PORTUGUESE = Speech(
    marks={"“": "”", "«": "»", "\"": "\""},
    verbs=("disse|diz|afirmou|afirma|declarou|declara|explicou|explica|garantiu|garante|acrescentou|analisa"
           "|analisou|admite|retruca|retrucou|avisa|avisou|conclui|desabafou|comparou|contou|relatou|revelou"
           "|acrescenta|destacou|destaca|ressaltou|contou|alertou|avaliou|avalia|observou|lembrou|comentou"
           "|assegurou|sublinhou|salientou|reconheceu|admitiu|insistiu|respondeu|perguntou|escreveu|anunciou"
           "|criticou|classificou|esclareceu|informou|concluiu|ponderou|frisou|defendeu"
           # (the imperfect, as narration writes it too: "Acrescentava Héctor Aguilar Camín: …")
           "|afirmava|declarava|explicava|acrescentava|lembrava|comentava|observava"),
    prepositions="segundo|conforme",
    copulas=_words("é são era eram será serão seria seriam foi foram"),
    auxiliaries="tem|tinha|havia",
    pronouns=_words("ele ela"),
    audience_prepositions=_words("à ao aos às"),
    subject_starts=_words("o a os as um uma uns umas este esta estes estas seu sua seus suas ele ela eles elas "
                          "nós eu"),
    phrase_ends=_words("à ao aos em no na nos nas durante após ante com para por que e mas hoje ontem"),
    name_nouns=_words("jornal revista emissora canal programa filme livro álbum canção série projeto missão "
                      "operação campanha partido movimento grupo empresa companhia marca modelo navio "
                      "relatório título chamado denominado"),
)

_ITALIAN = Speech(
    marks={"«": "»", "“": "”", "\"": "\""},
    verbs=("detto|dice|dichiarato|dichiara|spiegato|spiega|affermato|afferma|aggiunto|aggiunge|sottolineato"
           "|sottolinea|assicurato|assicura|osservato|osserva|ricordato|ricorda|commentato|commenta|precisato"
           "|precisa|ammesso|ammette|risposto|risponde|scritto|scrive|annunciato|annuncia|denunciato|criticato"
           "|definito|definisce|concluso|conclude|avvertito|avverte|ribadito|ribadisce|insistito"),
    prepositions="secondo",
    copulas=_words("è sono era erano sarà saranno sarebbe sarebbero fu furono"),
    auxiliaries="ha|aveva|hanno|avevano",
    pronouns=_words("lui lei egli ella"),
    audience_prepositions=_words("a al alla allo ai agli alle all'"),
    subject_starts=_words("il lo la i gli le un uno una questo questa questi queste suo sua suoi sue lui lei "
                          "loro noi io"),
    phrase_ends=_words("a al allo alla ai agli alle in nel nella nei negli nelle durante dopo davanti con per da "
                       "che e ma oggi ieri"),
    name_nouns=_words("giornale quotidiano settimanale rivista rete emittente programma film libro album "
                      "canzone serie progetto missione operazione campagna partito movimento gruppo società "
                      "azienda marchio modello nave rapporto titolo chiamato denominato"),
)

_DUTCH = Speech(
    marks={"„": "”“\"", "“": "”", "\"": "\"", "'": "'"},
    verbs=("zei|zeiden|zegt|zeggen|gezegd|verklaarde|verklaart|stelde|stelt|benadrukte|benadrukt|schreef|schrijft"
           "|vertelde|vertelt|voegde|liet|meldde|meldt|waarschuwde|antwoordde|reageerde|vindt|vond|noemde|noemt"
           "|sprak|spreekt|erkende|bevestigde|beloofde|concludeerde"),
    prepositions="aldus|volgens",
    auxiliaries="heeft|had|hebben",
    pronouns=_words("hij zij ze"),
    subject_starts=_words("de het een deze dit die dat zijn haar hun hij zij ze wij we ik"),
    phrase_ends=_words("in op aan bij na voor tegen met tegenover tijdens over dat en maar gisteren vandaag"),
    name_nouns=_words("krant dagblad weekblad tijdschrift zender programma film boek album lied serie project "
                      "missie operatie campagne partij beweging groep bedrijf merk model schip rapport titel"),
)

_TURKISH = Speech(
    marks={"“": "”", "\"": "\"", "«": "»"},
    verbs=("dedi|dedim|demişti|diyor|diye|söyledi|söylemişti|söylüyor|açıkladı|belirtti|ifade etti|kaydetti"
           "|vurguladı|sözlerini|ekledi|yazdı|sordu|konuştu|anlattı|şeklinde|uyardı|savundu|değerlendirdi"),
    postpositions="göre",
    speaker_first=True,
    not_subject_ending=r"(?:[dt][ae]n?|[dt][ae]ki)",
)

_CHINESE = Speech(
    marks={"“": "”", "「": "」", "『": "』", "\"": "\""},
    verbs="说|表示|称|指出|认为|强调|透露|介绍|坦言|写道|宣布|回应|解释|补充|提到|直言|呼吁|警告|承认|说道|问道",
    prepositions="据",
    speaker_first=True,
    spaced=False,
)

_JAPANESE = Speech(
    marks={"「": "」", "『": "』", "“": "”"},
    verbs="と述べ|と話し|と語っ|と強調し|と説明し|と明らかにし|と指摘し|と訴え|と話す|と語る|と述べる|と発表し|と答え",
    speaker_first=True,
    particles=("は", "が", "も"),
    spaced=False,
)

_KOREAN = Speech(
    marks={"“": "”", "\"": "\"", "‘": "’"},
    verbs="말했다|밝혔다|강조했다|설명했다|전했다|덧붙였다|주장했다|지적했다|말한다|언급했다|토로했다|말했습니다|답했다",
    speaker_first=True,
    particles=("은", "는", "이", "가", "도"),
)

SPEECH = {"de": _GERMAN, "fr": _FRENCH, "ru": _RUSSIAN, "es": _SPANISH, "pt": _PORTUGUESE, "it": _ITALIAN,
          "nl": _DUTCH, "tr": _TURKISH, "zh": _CHINESE, "ja": _JAPANESE, "ko": _KOREAN}


@cache
def speech_of(code: str) -> Speech | None:
    return SPEECH.get(code)
