"""The words and phrase patterns of English news writing that the quote extractor reads by.

Word lists (reporting verbs, titles, organisation and document words, particles)
and the regular-expression pieces built from them: the shape of a name, of a
description ("a spokesman for the ministry"), of a reporting clause before or after
a quote. They state patterns of the language, never of one article; the per-language
tables of other languages are meant to sit beside this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sumy.utils import get_stop_words

from digest.text import search_end

STOP_WORDS = frozenset(get_stop_words("english")) | {"people"}
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
    "|put it|puts it|sings|beamed|gushed|fumed|snapped|retorted|shot back|scoffed|marveled|marvelled|cracked"
    "|grumbled|groused|exulted|chimed in|written|reacted|assured|assures|questioned|wondered|wonders"
    # the bare forms a modal takes ("he would respond", "she'd tell them")
    "|respond|reply|tell|write|ask|explain|answer|answered|answers"
)


def word_alternation(alternatives: Iterable[str]) -> str:
    """A regex matching any of `alternatives`, written as a trie ("s(?:a(?:id|ys?)|...)").

    Python's `re` tries the branches of a plain alternation one after another at every
    position; with ~150 reporting verbs that was most of the cost of finding quotes.
    In trie form each character is tested once. Longer forms are preferred
    ("added that" over "added"); the patterns around it backtrack either way.
    """
    trie: dict[str, Any] = {}
    for word in set(alternatives):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


VERB = word_alternation(SPEECH_VERBS.split("|"))
# Verbs whose object is the listener or the thing said ("told CNN", "called it"): in the inverted
# form ("…," said X) only the others name the speaker after the verb.
_OBJECT_VERBS = {
    "told", "tells", "urged", "urges", "begged", "promised", "promises", "called", "calls",
    "described", "describes", "warned", "warns", "cautioned", "cautions", "offered", "posted", "posts",
    "voiced", "read", "reads", "estimated", "estimates", "remembered", "remembers", "told reporters",
    "announced", "announces", "confirmed", "reported", "reports", "tweeted", "tweets", "recalled", "recalls",
    "assured", "assures",
}
VERB_WORDS = {w for verb in SPEECH_VERBS.split("|") for w in verb.split()}
INVERTED_VERB = word_alternation(v for v in SPEECH_VERBS.split("|") if v not in _OBJECT_VERBS)
# ... right after a quote, though, a verb that can take an object comes first only when the speaker follows it
# ('"…," tweeted Mike Nellis', '"…," warned Clinton', '"…," read the statement'): only those whose object
# is never the listener ("told", "urged", "promised" are left out)
_LISTENER_VERBS = {"told", "tells", "urged", "urges", "begged", "promised", "promises", "told reporters", "called",
                   "calls", "described", "describes", "offered", "voiced", "estimated", "estimates", "assured",
                   "assures"}
VERB_AFTER_QUOTE = word_alternation(v for v in SPEECH_VERBS.split("|") if v not in _LISTENER_VERBS)
TITLES = {
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
    "striker", "goalkeeper", "champion", "bishop", "archbishop", "cardinal", "dean", "bassist",
}
WORD_TITLES = {t for t in TITLES if "." not in t}  # titles a word pattern can match ("u.s." is not one)
CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_LAW_WORDS = {"act", "treaty", "accord", "accords", "amendment", "constitution", "convention", "protocol"}
ORG_WORDS = {
    "university", "department", "ministry", "court", "agency", "party", "council", "committee", "times", "news",
    "post", "journal", "service", "association", "institute", "center", "centre", "foundation", "company",
    "corporation", "inc", "group", "office", "house", "bank", "police", "army", "navy", "force", "forces",
    "union", "nations", "organization", "organisation", "commission", "board", "network", "school", "college",
    "hospital", "church", "embassy", "government", "administration", "congress", "senate", "parliament",
    "medicine", "review", "magazine", "press", "reuters", "cnn", "bbc", "airlines", "club", "team", "league",
    "festival", "museum", "street", "city", "county", "state", "states", "republic", "kingdom", "province",
    "division", "bureau", "program", "programme", "project", "initiative", "fund", "campaign", "system",
    "institutes", "centers", "centres", "services", "society", "academy",
} | CALENDAR_WORDS | _LAW_WORDS  # capitalised, but never a person
# the organisation words that end an organisation's name ("... Baptist Church", "... Court")
ORG_NOUNS = ORG_WORDS - CALENDAR_WORDS - _LAW_WORDS - {
    "street", "city", "county", "state", "states", "republic", "kingdom", "province"}
PRONOUNS = {"he", "she", "they", "him", "her", "we"}
# a capitalised word, initials ("J.", "U.S."), a bare initial before a name ("J Christopher Anderson";
# not "A" or "I"), or an Arabic article ("al-Assad")
NAME_WORD = r"(?:(?:[A-Z]\.){1,3}(?!\w)|[A-Z][\w'’\-]*\w|(?<![\w.'’])[B-HJ-Z](?=\s+[A-Z][a-z])|(?:al|el|ad|as|ash)-[A-Z]?\w+)"
# where a name can start: a capital, or an Arabic article ("al-Assad"). A prefilter for the scans over
# every position of a text: `(?=[A-Zae])` let the whole name pattern be tried at every "a" and "e".
_NAME_START = r"(?=[A-Z]|[ae][lds]h?-)"
_HONORIFICS = "Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|St|Adm|Maj|Cpl|Det|Supt|Insp"
# the stop of a title ("Lt. Col. Jeff Davis") or of "No. 2" is not the end of a sentence
NOT_A_SENTENCE_END = "".join(rf"(?<!\b{word}.)" for word in (*_HONORIFICS.split("|"), "No"))
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


# `{_HONORIFIC}?{NAME_WORD}` for a word that starts with a capital, written to start with the capital for the
# scans over a whole text: `re` looks for a pattern's first character in C when it is a class, but tries a
# pattern that starts with a lookahead or an optional group at every position
CAPITAL_NAME_WORD = (
    rf"[A-Z](?:(?=[a-z]{{1,3}}\.\s){_after_first_letter(_HONORIFICS)}\.\s+{NAME_WORD}"
    r"|\.(?:[A-Z]\.){0,2}(?!\w)|[\w'’\-]*\w|(?<![\w.'’].)(?<=[B-HJ-Z])(?=\s+[A-Z][a-z]))")
ARTICLE_NAME_WORD = r"(?:al|ad|as|ash|el)-[A-Z]?\w+"  # "al-Assad"
RUN_TAIL = rf"(?:\s+{_BEFORE_NAME_WORD}(?:{_PARTICLE}\s+)?{NAME_WORD})*"
# up to seven words: "Syrian National Coalition Acting Chairman George Sabra" (the titles are cut later)
NAME = rf"(?:{_HONORIFIC}?{NAME_WORD}(?:\s+{_BEFORE_NAME_WORD}(?:{_PARTICLE}\s+)?{NAME_WORD}){{0,6}})"
_DAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"  # (not a name: "Priebus later Thursday told …")
# a lower-case description: "the ministry", "a spokesman for the company", "one taxi driver"
NOT_IN_DESC = (r"(?!(?:and|or|but|that|which|who|whom|when|while|as|if|because|after|before|is|was|were|are|has"
                r"|had|have|he|she|they|it|we|i|said|says|told|added)\b)")
_DESC = (rf"(?:(?:[Tt]he|[Aa]|[Aa]n|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Tt]his|[Tt]hese)\s+"
         rf"(?:{NOT_IN_DESC}[\w\-.'’]+\s+){{0,4}}?(?:{NOT_IN_DESC}[a-z][\w\-'’]*|\d+-year-old))")
# "U.S. captain Zach Parise", "the company's chief executive Tim Cook": a role before the name
# (up to four role words: "JPL scientist and study co-author Michael Malaska"; not a name's gloss: "the base
# chief known as Bob")
ROLE_NAME = rf"(?:(?:{NAME}|the|a|an)(?:'s|’s)?\s+(?:(?!known\s|as\s)[a-z][\w\-]*\s+){{1,4}}(?!{_DAY_NAME}))?{NAME}"
# who or what a name has that speaks for it, in lower case: "Marsh's press secretary", "Ryan's campaign", "Shalit's
# father" (not "Harkin's annual steak fry"; a name after it is ROLE_NAME's: "Marsh's aide Tom Hart")
SPEAKING_NOUNS = frozenset(
    "father mother son daughter wife husband brother sister family parents uncle aunt cousin grandmother grandfather "
    "widow widower fiancee fiance girlfriend boyfriend partner friend friends lawyer lawyers attorney attorneys counsel "
    "representative representatives rep reps spokesman spokeswoman spokesperson spokespeople publicist agent manager "
    "aide aides adviser advisers advisor advisors secretary office campaign team staff government ministry military "
    "statement website account leader chief president minister director boss coach".split())
_POSSESSED = (rf"(?!(?:It|That|This|There|Here|What|Who|He|She)['’])(?:{NAME})['’]s\s+"
              rf"(?:(?![a-z]+ly\s){NOT_IN_DESC}[a-z][\w\-]*\s+){{0,2}}{word_alternation(sorted(SPEAKING_NOUNS))}\b")
WHO = rf"(?P<who>{ROLE_NAME}|{_DESC}|he|she|they|it|we|I)(?:['’](?:d|ll)(?=\s))?"
# ... with what a name owns, for the clauses right before and after a quote (not the searches of whole sentences,
# where it was a tenth of the quote path's cost)
CLAUSE_WHO = rf"(?P<who>{ROLE_NAME}|{_DESC}|{_POSSESSED}|he|she|they|it|we|I)(?:['’](?:d|ll)(?=\s))?"  # (and "he'd", "she'll")
# the lower-case words a subject can start with: a determiner or a pronoun
SUBJECT_WORDS = r"(?:the|a|an|one|another|his|her|their|its|he|she|they|it|we)\b"
# where a subject can start, for the searches that try one at every position of a sentence: a word that
# starts with a capital, an Arabic article, a determiner or a pronoun (not "he" inside "bathe")
_SUBJECT_START = rf"(?<!\w)(?=[A-Z]|[ae][lds]h?-|{SUBJECT_WORDS})"
# a party and state after a name, as US copy writes them: "Rep. Elijah E. Cummings (D-Md.)"
_PARTY_ID = r"(?:\s+\([A-Z][\w.’'\- ]{0,20}\))?"
APPOSITIVE = rf"{_PARTY_ID}(?:,\s+[^,\"“”]{{1,160}},)?"
# what news writing puts before the title of a name: a status word ("said former Sen. Evan Bayh", "then-Gov.
# X said"), the place or service of the title ("South Carolina Gov. Jim Hodges", "Army Lt. Col. Jeff Davis")
# and the titles before the last ("Lt. Col."); the name group starts at the last title, which clean_name drops
_TITLE_AHEAD = rf"(?=(?:{_HONORIFICS})\.\s)"
_PRE_TITLE = (rf"(?:(?:(?:(?:former|retired|acting|outgoing|incoming|interim)\s+|then-)(?=[A-Z])"
              rf"(?:(?:[A-Z][\w.'’\-]*\s+){{1,3}}{_TITLE_AHEAD})?|(?:[A-Z][\w.'’\-]*\s+){{1,3}}{_TITLE_AHEAD})"
              rf"(?:(?:{_HONORIFICS})\.\s+{_TITLE_AHEAD})*)")
# text right after the closing mark
# after a quote, an appositive may run to several commas: '"…," Harry Bond, 30, of Raleigh, N.C., who was
# among those polled, said' (age, town, state, a clause)
_LONG_APPOSITIVE = rf"{_PARTY_ID}(?:,\s+[^,\"“”]{{1,160}},(?:\s+[^,\"“”]{{1,60}},){{0,3}})?"
# ... or one whose closing comma the copy left out: '"…," Ann Diaz, an analyst at the think tank told CBS News'
# (a description that runs straight into "said" or "told")
_UNCLOSED_APPOSITIVE = r"(?:,\s+(?:a|an|the)\s+[^\"“”.]{1,120}?(?<!,)(?=\s+(?:said|says|told|tells)\b))"
# an auxiliary or adverb between subject and verb: "Badie has said", "the Kremlin later said"
_AUXILIARIES = ("has", "have", "had", "would", "will", "also", "later", "then", "once", "often", "always", "never",
                "again", "recently", "previously", "still", "just", "even", "already", "now")
# ... and before a quote, a modal: "a spokesman could only quip:" (after one, "the city could ask" is narration)
_MODAL = r"(?:(?:could|can|might|may|must|should)\s+)?"
# ... and a day: "Priebus later Thursday told Fox News", "Rep. Moore on Friday said"
_WEEKDAY = rf"(?:(?:on\s+)?{_DAY_NAME}\s+)"
AUXILIARY = rf"(?:(?:{'|'.join(_AUXILIARIES)})\s+)?{_WEEKDAY}?"
# a role in lower case with no article before the name: '"…," council leader Tom Hart said'
_BARE_ROLE = rf"(?:(?:{NOT_IN_DESC}[a-z][\w\-'’]*\s+){{1,3}}(?={NAME}))"
# ... after the verb, where "said the South African" is a description, not a role and a name
# (an age is one of its words: '"…," wrote 43-year-old Martin Taylor')
# (a capitalised word before a lower-case one is one of the role's words, a party's or a country's, as is an "and"
# between two: '"…," said veteran Democratic strategist and wordsmith Paul Begala', 'said longtime Trump adviser
# Roger Stone')
_ROLE_WORD = rf"(?:(?!(?:the|a|an)\s){NOT_IN_DESC}(?:[a-z][\w\-'’]*|\d+-year-old)\s+)"
_ROLE_AFTER_VERB = (rf"(?:(?:the\s+|a\s+|an\s+)?{_ROLE_WORD}(?:(?:[A-Z][\w\-'’]*\s+|and\s+)?(?=[a-z]){_ROLE_WORD}){{0,2}}"
                    rf"(?={NAME}))")
AFTER_WHO_VERB = re.compile(
    rf"^[\s,—–-]*{_PRE_TITLE}?{_BARE_ROLE}?{CLAUSE_WHO}(?:{_LONG_APPOSITIVE}|{_UNCLOSED_APPOSITIVE})\s+{AUXILIARY}"
    rf"(?:\w+ly\s+)?(?:{VERB})\b")
# where a description after the verb ends: "said the appeals court." (not "the appeals"), "said a
# spokesman for the company" (the head before "for"; but "a source familiar with the talks" is whole)
_DESC_END = (r"(?=\s*(?:[,.;:!?)\"”]|$)|(?<!familiar)\s+with\b|\s+(?:for|of|at|in|on|from|who|which|that|after|before"
             r"|when|while|during|about|to|and|as|known|speaking|adding)\b)")
# a group named without an article: '"…," federal prosecutors said', '"…," police said'
AFTER_GROUP_VERB = re.compile(
    rf"^[\s,—–-]*(?!{VERB}\b)(?P<who>(?:some\s+)?(?:{NOT_IN_DESC}[a-z][\w\-]*\s+)?(?:police|{NOT_IN_DESC}[a-z][\w\-]*s))"
    rf"\s+(?:\w+ly\s+)?(?:{VERB})\b")
# an organisation named in full, function words and all: '"…," the National Gay and Lesbian Task Force said'
_ORG_NAME = r"(?:[A-Z][\w.'’&\-]*(?:\s+(?:(?:and|of|for|on|&)\s+(?:the\s+)?)?[A-Z][\w.'’&\-]*)+)"
ORG_FULL_NAME = re.compile(rf"(?=.*\s(?:and|of|for|on|&)\s){_ORG_NAME}")  # with a function word inside
# ... or by its initials: '"…," the ACLU said'
# an organisation named with its article after an inverted verb, known by the noun it ends with (and its "of"
# phrase): '"…," said the Associated Press', 'writes the New York Times', 'said the Bank of America' (not 'said
# the South African': a person, named before)
_THE_ORGANISATION = (rf"the\s+(?:[A-Z][\w.'’&\-]*\s+){{0,4}}{word_alternation(w.capitalize() for w in ORG_NOUNS)}\b"
                     rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’&\-]*(?:\s+[A-Z][\w'’&\-]*){{0,3}})?")
AFTER_ORG_VERB = re.compile(
    rf"^[\s,—–-]*(?:the|The)\s+(?P<who>{_ORG_NAME}|[A-Z]{{2,6}}(?![\w.]))\s+(?:\w+ly\s+)?(?:{VERB})\b")
# '"…," was how Ford described it': the quote is the subject of a clause that names who said it
AFTER_WAS_HOW = re.compile(rf"^[\s,—–-]*(?:was|is)\s+how\s+{WHO}\s+{AUXILIARY}(?:\w+ly\s+)?(?:{VERB})\b")
AFTER_VERB_WHO = re.compile(
    rf"^[\s,—–-]*(?:{VERB_AFTER_QUOTE})\s+(?:the\s+(?=Rev\.|Hon\.|Most\s))?{_PRE_TITLE}?"
    rf"(?P<who>{ROLE_NAME}|{_THE_ORGANISATION}|{_DESC}{_DESC_END})")
# '"…," said planetary geologist Rosaly Lopes of NASA': a role in lower case, then the name alone
AFTER_VERB_ROLE_WHO = re.compile(rf"^[\s,—–-]*(?:{VERB_AFTER_QUOTE})\s+{_PRE_TITLE}?{_ROLE_AFTER_VERB}(?P<who>{NAME})")
# documents that speak for their authors ("the motion says")
DOCUMENTS = {"motion", "filing", "statement", "affidavit", "document", "documents", "complaint", "indictment",
             "lawsuit", "letter", "memo", "brief", "petition", "website", "release", "papers", "transcript"}
# "according to a statement from the ministry": the document's author is who speaks
_DOCUMENT_FROM = (rf"(?:(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+)?{word_alternation(DOCUMENTS)}\s+"
                  rf"(?:from|by|(?:issued|released|signed)\s+by)\s+)")
# (a description taken whole where its end shows, "according to his longtime personal physician, …", but for a
# participle that opens what qualifies it, "a report published in …"; else its head)
# (a name with its article is a body's, named in full: "according to the Centers for Disease Control and Prevention")
_ACCORDING = (rf"[Aa]ccording to\s+{_DOCUMENT_FROM}?"
              rf"(?P<who>the\s+{_ORG_NAME}(?<!\.)|{NAME}|{_DESC}(?<!ed){_DESC_END}|{_DESC})")  # (not its sentence's stop)
AFTER_ACCORDING = re.compile(rf"^[\s,—–-]*{_ACCORDING}")
# text right before the opening mark (the end of the narration that introduces it)
# a relative clause with no commas between the subject and its verb: "a White House official who spoke
# anonymously to discuss internal strategy said Wednesday, "…""
_RELATIVE_CLAUSE = r"\s+who\s+[^,.;:!?\"“”]{1,80}?"
BEFORE_WHO_VERB = re.compile(
    rf"{_SUBJECT_START}{CLAUSE_WHO}(?:{APPOSITIVE}|{_RELATIVE_CLAUSE}),?\s+{AUXILIARY}{_MODAL}(?:\w+ly\s+)?(?P<verb>{VERB})"
    r"(?!\s+(?:was|were|is|are)\b)"
    r"(?:\s+[\w'’.\-]+){0,6}?\s*(?:that\s*)?[:,]?\s*$"
)


_PRONOUN_SUBJECTS = PRONOUNS | {"it", "i"}
# a subject that is a name with its article, "the Sun", "The White House" (not "the judge", "the Sun reporter";
# the article may stand before the subject found)
_INSTITUTION = re.compile(r"(?<!\w)[Tt]he\s+(?:[A-Z][\w.'’&-]*\s*)+\Z")


def nearest_clause_before(narration: str, match: re.Match[str]) -> re.Match[str]:
    """Of two reporting clauses before a quote, the one nearer it introduces it: the words after a verb may
    be a clause of their own ('the judge said the panel says it has "…"', 'Cruz said as the heckler yelled:
    "…"'). Not when its subject is a pronoun: that is most often the first subject again ('a scholar put it
    best when he wrote that "…"', 'Kerry said that it offered "…"'), unless "he" or "she" cannot be that
    subject, a name with its article: an institution, not a person ('the Sun said he replied, "…"')."""
    nearer = BEFORE_WHO_VERB.search(narration, match.end("verb"))
    if nearer is None:
        return match
    pronoun = nearer.group("who").lower()
    if pronoun in _PRONOUN_SUBJECTS and not (pronoun in ("he", "she") and _INSTITUTION.search(
            narration[max(0, match.start("who") - 4):match.end("who")])):
        return match
    return nearer


# a person's name of two words or more, between commas (a party after it: "Gov. John Kasich (R-OH),")
# (its first word in Title Case: not initials, "CNN Digital", nor a party and a state, "D-North Dakota")
_NAME_IN_APPOSITION = re.compile(rf",\s+(?=(?P<named>(?:{_HONORIFIC})?[A-Z][a-z][\w'’\-]*\s+{NAME}){_PARTY_ID},)")


_TITLE_OR_BODY_WORDS = TITLES | ORG_WORDS  # (the last word of a title or a body in apposition: not a person)
# the words a subject opens with that are no name's: a determiner, or a preposition a pattern took for a name's word
_NOT_A_NAME_OPENING = {"the", "a", "an", "his", "her", "its", "their", "in", "at", "on", "after", "before", "for",
                       "from", "with", "during", "by", "as", "when", "while"}


def name_in_apposition(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """Where the person's name in apposition to a subject starts, when the subject is not a name itself: then the
    person speaks by that name, whatever the subject was, its role ('the company's chief executive, Tim Cook,
    said', '"…," Bae's sister, Terri Chung, told CNN') or words a pattern took for a subject ('after winning the
    primary, Gov. John Kasich (R-OH), said', 'In Ohio, John Kasich, said')."""
    named = _NAME_IN_APPOSITION.match(text, match.end("who"))
    if named is None or named.group("named").rsplit(None, 1)[-1].lower().strip(".") in _TITLE_OR_BODY_WORDS:
        return None  # (a title or a body: "Peter Bale, VP, CNN Digital, said", "Aldo Rebelo, Sports Minister,")
    words = match.group("who").split()
    if all(word[:1].isupper() for word in words) and words[0].lower() not in _NOT_A_NAME_OPENING and not \
            GOVERNED.search(text, max(0, match.start("who") - 40), match.start("who")):
        # (a name: what follows it is its appositive, "Dana Whitlock, Harbour Master, said"; but not a name a
        # preposition governs, nor one with a role, a description's words: "the president of the Jewish Board,
        # Vic Alhadeff,", "Sam's head coach at Missouri, Gary Pinkel,")
        return None
    return named


def named_in_apposition(narration: str, match: re.Match[str]) -> re.Match[str]:
    """The clause before a quote read from the name in apposition to its subject, when there is one
    (`name_in_apposition`)."""
    named = name_in_apposition(narration, match)
    return (BEFORE_WHO_VERB.match(narration, named.end()) or match) if named else match


_ALL = re.compile(r"(?P<who>.+)", re.S)


def named_in_apposition_after(after: str, match: re.Match[str]) -> re.Match[str]:
    """The same for the clause after a quote: its subject's name in apposition, as written ('"…," Bae's sister,
    Terri Chung, told CNN'; 'the head of the operation, Navy Capt. Mark Matthews, said', whose titles
    `clean_name` cuts)."""
    named = name_in_apposition(after, match)
    return (_ALL.match(after, named.start("named"), named.end("named")) or match) if named else match


def past_the_last_comma(text: str, low: int, end: int, may_follow: re.Pattern[str]) -> int:
    """Where a search for a subject and its reporting clause in `text[low:end]` can start: past the last
    comma there, unless `may_follow` matches what follows that comma (to `end`). A subject has no comma,
    its appositive two and the clause one before the verb at most, and only auxiliaries, an adverb and the
    verb follow the last of them; so no match starts before a comma that anything else follows ("In a
    statement Tuesday, the company's spokesman John Smith said"). Those positions were four fifths of such a
    search's cost: each was tried, and failed."""
    comma = text.rfind(",", low, end)
    if comma < 0 or may_follow.match(text, comma + 1, end):
        return low
    return comma + 1


_VERB_AFTER_A_COMMA = re.compile(rf"\s+{AUXILIARY}(?:\w+ly\s+)?(?:{VERB})")


def before_who_verb(narration: str, reach: int) -> re.Match[str] | None:
    """`search_end(BEFORE_WHO_VERB, narration, reach)`, started `past_the_last_comma` a reporting verb does
    not follow (a comma that ends the narration, before the opening mark, is not that comma)."""
    end = len(narration.rstrip())
    if narration[end - 1:end] == ",":
        end -= 1
    return BEFORE_WHO_VERB.search(narration, past_the_last_comma(narration, max(0, len(narration) - reach), end,
                                                                 _VERB_AFTER_A_COMMA))


# "Trump then appears in a clip from a speech, saying, "…"": the subject goes on to say it
# (whom one is telling may be a name of several words: "telling Breitbart London:")
_GERUNDS = (r"saying|stating|adding|declaring|writing|asking|telling\s+(?:(?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*|\w+)"
            r"|shouting|chanting|tweeting|posting|replying|responding|explaining|noting|insisting|warning|arguing")
_BARE_GERUNDS = r"saying|stating"  # the ones that follow their object with no comma ("an email stating, "…"")
# (a named or pronoun subject opening its sentence or clause, up to its verb; then a verb of any kind)
_CLAUSE_SUBJECT = (rf"(?:^|(?<=^\s)|(?<=[.!?]\s)|(?<=,\s))(?P<who>{NAME}|[Hh]e|[Ss]he|[Tt]hey){APPOSITIVE}\s+{AUXILIARY}"
                   rf"(?:\w+ly\s+)?")
_DELIVERED = r"spoke|gave|made|sent|wrote|told|put"  # the past tenses not in -ed of verbs that deliver words
_ANY_VERB = rf"(?:[a-z]+(?:ed|s)|went|took|came|got|{_DELIVERED}|(?:did|was|is)n['’]t)\b"
_SUBJECT_AND_VERB = rf"{_CLAUSE_SUBJECT}{_ANY_VERB}"
# (... or a description, before a verb of saying: "The Vermont senator emailed supporters saying: "…"")
_THEN_SAYING = rf"[^.!?\"“”:;]{{0,120}}(?:,\s+|\s+(?={_BARE_GERUNDS}))(?:{_GERUNDS})\s*[:,]?\s*$"
# (or a name's: "Ryan's campaign shrugged off the comments, telling reporters, "…"")
_DESCRIBED_AND_VERB = (rf"(?:^|(?<=^\s)|(?<=[.!?]\s)|(?<=,\s))(?P<who>{_DESC}|{NAME}['’]s\s+[a-z][\w\-]*)\s+{AUXILIARY}"
                       rf"(?:\w+ly\s+)?"
                       rf"(?:{VERB}|emailed|texted|[a-z]{{3,}}ed|{_DELIVERED})\b")
BEFORE_WHO_SAYING = re.compile(rf"{_SUBJECT_AND_VERB}{_THEN_SAYING}")
BEFORE_DESCRIBED_SAYING = re.compile(rf"{_DESCRIBED_AND_VERB}{_THEN_SAYING}")
# "McConnell delivered a blunt message to Trump: "…"": the subject of the sentence the colon ends
# (a verb in the past, of saying, or one that delivers words: "boomed:", "fired back:", "delivered a message
# to Trump:"; any word in -s would read German as English: "Das Fazit des Berichts lautete:")
_MESSAGE_VERB = word_alternation(
    [*SPEECH_VERBS.split("|"), "criticized", "criticised", "expressed", "delivered", "delivers", "gave", "gives", "offered",
     "offers", "sent", "sends", "issued", "issues", "made", "makes", "put", "puts", "had", "has", "struck",
     "sounded", "sounds", "summed", "sums",
     # (the irregular pasts a sentence about its subject ends with before a colon: "X found one drawback:")
     "found", "felt", "thought", "knew", "kept", "saw", "took", "came", "spoke", "began", "became", "held",
     "heard", "meant", "met", "won", "lost", "left", "brought", "got", "went"])
BEFORE_WHO_COLON = re.compile(rf"{_CLAUSE_SUBJECT}(?:[a-z]{{2,}}ed|{_MESSAGE_VERB})\b[^.!?\"“”:;]{{0,160}}:\s*$")
# a name and a colon standing as the sentence, as transcripts and round-ups write who speaks: 'Bush: "…"',
# '… - Michael P. McDonald: "…"', 'More from Jones: "…"', 'Continued Stone: "…"' (not a label in capitals:
# 'UPDATE: "…"', nor one of the words that head a note)
_LABELS = word_alternation(["Note", "Update", "Updated", "Editor", "Editors", "Correction", "Source", "Sources",
                            "Photo", "Video", "Watch", "Read", "Related", "Question", "Answer", "Transcript",
                            "Headline", "Caption", "Quote", "Warning", "Disclaimer", "Breaking"])
BEFORE_NAME_COLON = re.compile(
    rf"(?:^\s*|(?<=[.!?]\s)|(?<=[—–-]\s))(?:(?:More\s+from|Continued|Added)\s+)?"
    rf"(?![A-Z]{{2,}}\b|{_LABELS}\b)(?P<who>{NAME}){_PARTY_ID}\s*:\s*$")
# "Bobbi Brown released a statement saying "…"": the statement speaks for whoever issued it
# ... or "President Clinton released the following statement:"
BEFORE_WHO_ISSUED = re.compile(
    rf"{_SUBJECT_START}{WHO}{APPOSITIVE},?\s+{AUXILIARY}(?:released|issued|posted|put out|sent|published|tweeted)\s+"
    rf"(?:(?:a|an)\s+(?:[\w\-]+\s+){{0,2}}?(?:statement|tweet|message|note|letter|video)\s+"
    rf"(?:saying|that said|that read|reading|which said)\s*[:,]?"
    rf"|(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:statement|tweet|message|note|letter|video)\s*:)\s*$")
BEFORE_VERB_WHO = re.compile(rf"(?:{INVERTED_VERB})\s+(?P<who>{ROLE_NAME}){APPOSITIVE}\s*[:,]\s*$")
BEFORE_ACCORDING = re.compile(rf"{_ACCORDING}\s*[,:]?\s*$")  # ("According to HuffPo: "…"")
# anywhere in the sentence (for fragments woven into narration)
# a preposition, and what it governs up to here ("heir to the", "published in")
GOVERNED = re.compile(r"\b(?:in|of|at|for|by|with|to)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+)?\Z")
# the subject that opens a sentence, with a long appositive or what qualifies it, then its verb
_OPENING_SUBJECT_VERB = re.compile(
    rf"\s*{WHO}(?:,\s+[^\"“”]{{1,200}}?,|\s+(?:of|published|in|at|from|with|speaking|talking|familiar|close)\s+"
    rf"[^\"“”,]{{1,120}}?)\s+{AUXILIARY}"
    rf"(?:\w+ly\s+)?(?:{VERB})\b")
_SENTENCE_WHO_VERB = re.compile(rf"{_SUBJECT_START}{WHO}{APPOSITIVE}\s+{AUXILIARY}(?:\w+ly\s+)?(?:{VERB})\b")
VERB_WORD = re.compile(rf"\b{VERB}\b")
VERB_REACH = 160  # a verb and at most six words before the quote's opening mark
SAYING_HINT = re.compile(rf"(?:,\s+(?:{_GERUNDS})|\s(?:{_BARE_GERUNDS}))\s*[:,]?\s*$")
# "… called it "A" but said that "B"": the same subject goes on, in the same sentence
CONTINUED_SUBJECT = re.compile(rf"^\s*,?\s*(?:and|but|or|then)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:{VERB})\b")
ISSUED_HINT = re.compile(r"(?:(?:saying|said|read|reading)\s*[:,]?|(?:statement|tweet|message|note|letter|video):)\s*$")


# Verbs that report or judge what someone said, which a quoted fragment woven into the sentence is the
# words of ('the church chided the "world-wide media"', 'he expressed hope that Egypt will "build …"'):
# only for fragments, whose sentence has no plain reporting verb
_FRAGMENT_VERBS = (
    "criticized|criticised|criticizes|criticises|chided|chides|described|describes|describe|expressed|expresses"
    "|assured|assures|reassured|reassures"
    "|suggested|suggests|made clear|makes clear|thanked|thanks|praised|praises|accused|accuses|dismissed"
    "|dismisses|condemned|condemns|denounced|denounces|blasted|blasts|slammed|slams|hailed|hails|lauded"
    "|welcomed|welcomes|pledged|pledges|demanded|demands|argue|argued|insist|insisted|claim|claimed"
    "|vowed|promised|urged|called|calls|labeled|branded|brands|has said|have said|had said"
    "|wants|wanted|hopes|hoped|believes|believed|thinks|thought|considers|considered|liked|likes"
    # (and the running report's present, as live pages write it: "Trump is telling supporters that …")
    "|is telling|was telling|is saying|was saying|is warning|was warning|is urging|was urging"
)
_FRAGMENT_VERB = word_alternation(_FRAGMENT_VERBS.split("|"))
_SENTENCE_WHO_JUDGED = re.compile(rf"{_SUBJECT_START}{WHO}{APPOSITIVE}\s+{AUXILIARY}(?:\w+ly\s+)?{_FRAGMENT_VERB}\b")
_JUDGING_WORD = re.compile(rf"\b{_FRAGMENT_VERB}\b")


def sentence_who_judged(text: str) -> re.Match[str] | None:
    """A subject and a verb of judging or reporting anywhere in the sentence of a quoted fragment: asked
    where `sentence_who_verb` found no subject before a verb of saying, so the subject search (tried at
    every position) runs only where there is such a verb."""
    return _SENTENCE_WHO_JUDGED.search(text) if _JUDGING_WORD.search(text) else None


def sentence_who_verb(text: str) -> re.Match[str] | None:
    """`_SENTENCE_WHO_VERB.search(text)`, at the cost of a plain scan when the text has no reporting verb
    (the search tries a subject at every position first). A subject a preposition governs is part of a
    longer one ("heir to the British throne, Charles, has told", "the authors of the research published
    in the journal JAMA Psychiatry argued"): then the subject that opens the sentence, when one does."""
    if not VERB_WORD.search(text):
        return None
    match = _SENTENCE_WHO_VERB.search(text)
    if match and GOVERNED.search(text, max(0, match.start("who") - 40), match.start("who")):
        return _OPENING_SUBJECT_VERB.match(text) or match
    return match


CLAUSE_AT_END = re.compile(rf",\s+{WHO}\s+{AUXILIARY}(?:\w+ly\s+)?(?:{VERB})\s*[.!?]?\s*$")
# ... inverted: 'All "relevant sites" were disinfected, reports Wee.'
INVERTED_CLAUSE_AT_END = re.compile(rf",\s+(?:{VERB})\s+(?P<who>{ROLE_NAME}|{_THE_ORGANISATION})\s*[.!?]?\s*$")
# ... later in the sentence a quote ends within: '"… the little deal" announced in October, said Derek Scissors, a
# China scholar.'
INVERTED_CLAUSE_LATER = re.compile(rf",\s+(?:{VERB_AFTER_QUOTE})\s+{_PRE_TITLE}?(?P<who>{ROLE_NAME})(?=\s*[,.!?]|\s*$)")
SENTENCE_ACCORDING = re.compile(rf"\b{_ACCORDING}")
# "The agency quoted Jum Akbar as saying", '"…," the report quotes Zickuhr as saying': who is quoted speaks, not
# who quotes them
_QUOTED_AS_SAYING = re.compile(rf"\bquot(?:ed|es|ing)\s+(?P<who>{ROLE_NAME}|{_DESC}|him|her|them)\s+as\s+saying\b")


def quoted_as_saying(text: str) -> re.Match[str] | None:
    """The last "quoted X as saying" in `text` (looked for only where "as saying" is)."""
    at = text.rfind(" as saying")
    return _QUOTED_AS_SAYING.search(text, max(0, at - 120), at + 10) if at >= 0 else None

ANY_VERB_WHO = re.compile(rf"(?:{INVERTED_VERB})\s+(?P<who>{ROLE_NAME})")
# "Gladys Block, a professor": found from the ", a" (rare, so quick to scan for), then the name before it
APPOSITIVE_START = re.compile(
    rf",\s+(?:(?:a|an|who|the)\s+[a-z]|(?:(?:senior|vice|deputy|chief|former|assistant)\s+)*"
    rf"{word_alternation(WORD_TITLES)}\b)")
NAME_BEFORE_APPOSITIVE = re.compile(rf"(?<![\w'’.-]){_NAME_START}(?P<who>{NAME_WORD}\s+{NAME})\Z")
# Words right before a quoted fragment that make it a name or a scare quote, not speech.
SCARE_CUE = re.compile(
    r"\b(?:so-called|dubbed|titled|entitled|named|nicknamed|known as|the term|the word|the phrase|the words|"
    r"what (?:\w+ ){0,3}calls?|the book|the film|the movie|the show|the song|the album|the series|the play|"
    r"the program(?:me)?|the campaign|the slogan|the hashtag|magazine|newspaper|label(?:led|ed)?)\s*$",
    re.IGNORECASE,
)
# the words `SCARE_CUE` can end with (as endings: "so-called" ends with "called")
_SCARE_CUE_ENDS = ("called", "dubbed", "titled", "named", "as", "term", "word", "words", "phrase", "call", "calls",
                   "book", "film", "movie", "show", "song", "album", "series", "play", "program", "programme",
                   "campaign", "slogan", "hashtag", "magazine", "newspaper", "label", "labelled", "labeled")


def _last_word(text: str) -> str:
    """The last blank-separated piece of `text` ("" for none): what an end-anchored cue must end."""
    last = text.rsplit(None, 1)[-1:]
    return last[0] if last else ""


def scare_cue_before(narration: str) -> bool:
    """`search_end(SCARE_CUE, narration, 80)`, the pattern (which ignores case, so is tried from each of the
    80 positions) run only when the last word could end a cue. (Lower-casing is the pattern's case
    folding for ASCII words; other words go to the pattern.)"""
    last = _last_word(narration)
    if not last or last.isascii() and not last.lower().endswith(_SCARE_CUE_ENDS):
        return False
    return bool(search_end(SCARE_CUE, narration, 80))


# speech nobody made, only imagined or advised against: 'instead of saying, "…"', 'one more person who
# says, "…"', 'it seems as though you are saying, "…"'
_HYPOTHETICAL_CUE = re.compile(
    r"\b(?:(?:instead of|rather than|without|before|than)\s+(?:just\s+)?(?:saying|asking|replying)"
    r"|(?:you|we|one)\s+(?:are\s+|might\s+be\s+|could\s+be\s+)?(?:saying|say)"
    r"|(?:person|people|someone|anyone|everyone|somebody|nobody)\s+who\s+(?:says|say))\s*[,:]?\s*$",
    re.IGNORECASE)
# quoted words naming a slogan, campaign or work, not speech: 'the "Meth. We're on it." campaign', 'The
# campaign, "We're a culture, not a costume," features …' (but the Trump campaign, or a campaign spokesman, speaks)
_WORK_NOUNS = frozenset({
    "campaign", "slogan", "tagline", "motto", "hashtag", "ad", "ads", "advert", "billboard", "billboards", "banner",
    "logo", "brand", "initiative", "programme", "program", "project", "series", "show", "film", "movie", "song",
    "album", "book", "episode", "exhibition", "podcast"})
_WORK_NOUN = word_alternation(_WORK_NOUNS)
_NAMES_A_WORK_AFTER = re.compile(
    rf"\s*(?:[a-z][\w\-]*\s+)?{_WORK_NOUN}\b(?![\s,]+(?:(?:[a-z][\w\-]*\s+){{0,2}}(?:said|says|told|added|wrote)\b|[A-Z]))")
_NAMES_A_WORK_BEFORE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa])\s+(?:[a-z][\w\-]*\s+)?{_WORK_NOUN},?\s*$")
# ... or would say: 'As Sherlock would say, "…"' (whoever it names, nobody said it here)
_CONDITIONAL_SPEECH = re.compile(r"\b(?:would|might|could|should)\s+(?:say|ask|reply)\s*[,:]?\s*$")
# the last words those cues can end with: each is a search over the narration's end, run only where its
# last word is there
_CONDITIONAL_LAST = {"say", "ask", "reply"}
_HYPOTHETICAL_LAST = {"saying", "asking", "replying", "say", "says"}


def _cue_word(narration: str) -> str:
    """The last word before a quote's opening mark, lower case, without the comma or colon after it."""
    return _last_word(narration.rstrip(" ,:")).lower()


def hypothetical_speech_before(narration: str) -> bool:
    return _cue_word(narration) in _HYPOTHETICAL_LAST and bool(search_end(_HYPOTHETICAL_CUE, narration, 60))


# 'Trump was asked, "…?"': the subject heard the question; who asked it is not named there
_PUT_TO_THE_SUBJECT = re.compile(r"\b(?:was|were|is|are|been|being|got|get)\s+(?:\w+\s+)?asked\s*[,:]?\s*$")


def question_put_to_the_subject(narration: str) -> bool:
    return _cue_word(narration) == "asked" and bool(search_end(_PUT_TO_THE_SUBJECT, narration, 30))


def conditional_speech_before(narration: str) -> bool:
    return _cue_word(narration) in _CONDITIONAL_LAST and bool(search_end(_CONDITIONAL_SPEECH, narration, 40))


def names_a_work_before(narration: str) -> bool:
    """'The campaign, "…," features …': the narration ends naming a work the quoted words are the name of."""
    return _cue_word(narration) in _WORK_NOUNS and bool(search_end(_NAMES_A_WORK_BEFORE, narration, 50))


def names_a_work_after(after: str) -> bool:
    """'the "…" campaign': one of the two words after the closing mark names a work (then the pattern). A
    work's noun follows the mark in lower case, as most reporting clauses do not."""
    if not after[1:2].islower():
        return False
    return any(word.strip(",.") in _WORK_NOUNS for word in after[:40].split(None, 2)[:2]) \
        and bool(_NAMES_A_WORK_AFTER.match(after))


# Weaker cues ('its "new normal"', 'seen as "a betrayal"'): speech when someone in the sentence says it
# ('The CDC calls insufficient sleep a "health epidemic"').
WEAK_SCARE_CUE = re.compile(r"\b(?:as|a|an|the|its|his|her|their|our|my)\s*$", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[:;]\s+|—\s*|--\s*)$")
ENDS_WITH_VERB = re.compile(rf"\b{VERB}\s*$")
_VERB_LAST_WORDS = tuple({verb.split()[-1] for verb in SPEECH_VERBS.split("|")})


def ends_with_verb(narration: str) -> bool:
    """`search_end(ENDS_WITH_VERB, narration, 40)`, run only when the last word can end a reporting verb."""
    return _last_word(narration).endswith(_VERB_LAST_WORDS) and bool(search_end(ENDS_WITH_VERB, narration, 40))


# `"A," he said. "B."`: nothing between two spans but a reporting clause, which may name where it
# was said ("told NHL.com", "said in a speech broadcast on Al Manar Television")
REPORTING_ONLY = re.compile(
    rf"^[\s,—–-]*(?:{WHO}{APPOSITIVE}\s+(?:\w+ly\s+)?(?:{VERB})"
    rf"|(?:{VERB})\s+(?:{NAME}|{_DESC}|(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}[A-Z][\w\-]*){APPOSITIVE})"
    r"(?:[^.\"“”]|\.(?=\w)){0,100}?[.,:]?\s*$")
# words that join the names of things, never a person's: "Students Teaching About Racism", "Friends of Syria"
NOT_IN_NAMES = {"of", "for", "about", "and", "the", "in", "on", "to", "with", "against", "from", "by", "at", "into",
                 "over", "under", "&"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
POSTED_IN = {"embassy", "consulate", "mission"}  # named with the city they sit in
LEADING_FUNCTION_WORDS = {
    "and", "but", "or", "so", "then", "when", "as", "in", "on", "at", "also", "the", "a", "an", "while", "if",
    "after", "before", "since", "because", "though", "although", "yet", "still", "now", "here", "there", "i'm",
    "meanwhile", "however", "thus", "instead", "later", "earlier", "today", "yesterday", "asked", "says", "said",
    "added", "adds", "continued", "continues", "wrote", "writes", "asks",
    "under", "for", "with", "from", "by", "to", "of", "about", "during", "over", "across", "through", "among",
    "against", "without", "within", "despite", "like", "unlike", "via", "into", "onto", "toward", "towards",
}
TRAILING_ADVERBS = {"later", "earlier", "also", "then", "again", "today", "yesterday", "once", "too", "now"}
# the words that may stand between a subject and its verb: an auxiliary (`AUXILIARY`) or an adverb `clean_name` drops
BETWEEN_SUBJECT_AND_VERB = {*_AUXILIARIES, *TRAILING_ADVERBS}
REGNAL_TITLES = {"pope", "king", "queen", "prince", "princess"}
TITLE_SYNONYMS = {"pontiff": "pope"}  # "the pontiff" is the person titled Pope
PARTICLES = {"de", "da", "del", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "di", "du", "dos"}
SMALL_TITLE_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "at", "with", "is", "by",
                                "from"})
