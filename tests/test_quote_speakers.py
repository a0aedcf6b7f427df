"""Who said it: reporting clauses as English news writes them, and what "he" and "she" refer to.

Each case is a pattern of the language written for the test (names invented), measured on all three
quote dev sets by `python -m bench.quality --only quotes`.
"""

import pytest

from digest.quotes import extract_quotes


def speaker_of(text: str, words: str) -> tuple[str | None, bool]:
    """(speaker, confident) of the quote of `text` that holds `words`."""
    [quote] = [q for q in extract_quotes(text) if words in q.quote]
    return quote.speaker, quote.confident


@pytest.mark.parametrize("clause, speaker", [
    ("tweeted Dana Whitlock, who ran the campaign's website.", "Dana Whitlock"),
    ("warned Dana Whitlock.", "Dana Whitlock"),
    ("reported the Associated Press.", "Associated Press"),
    ("said the Harbour Board.", "Harbour Board"),
    ("wrote 43-year-old Dana Whitlock of Leeds in the journal.", "Dana Whitlock"),
    ("JPL port engineer and co-author Dana Whitlock said.", "Dana Whitlock"),
    ("Dana Whitlock, a senior fellow at the institute, has written.", "Dana Whitlock"),
])
def test_the_speaker_after_a_quote_however_the_clause_is_written(clause, speaker):
    """A verb that can take an object still comes first only when the speaker follows it ('"…," tweeted
    X'); an organisation keeps its article ('said the Associated Press'); an age, a role of four words
    or a perfect tense stand between the quote and the name."""
    text = f'"The harbour will not reopen before the spring," {clause}'
    assert speaker_of(text, "harbour will not reopen") == (speaker, True)


def test_a_verb_that_takes_the_listener_is_not_inverted():
    """'"…," told reporters X' is no English clause: "told" before a name is the listener's."""
    text = 'Dana Whitlock spoke first.\n"The harbour will not reopen," told Kevin Marsh the truth, she said.'
    assert speaker_of(text, "harbour") != ("Kevin Marsh", True)


def test_a_fragment_whose_sentence_ends_with_an_inverted_clause_naming_an_organisation():
    text = ('In the wake of the flood, the port "vastly improved its warning system and its drills," writes '
            'the Associated Press.')
    assert speaker_of(text, "vastly improved")[0] == "Associated Press"


def test_an_inverted_clause_later_in_the_sentence_a_quote_ends_within():
    text = ('Two officials said the talks had stalled.\n'
            '"The minister wants a bigger agreement. Bigger than the small deal" announced in May, said Rhoda '
            'Keane, a trade scholar at the institute.')
    assert speaker_of(text, "bigger agreement") == ("Rhoda Keane", True)


def test_a_date_is_never_the_speaker_of_a_clause():
    text = '"We will sign it" in October, said Rhoda Keane.'
    assert speaker_of(text, "sign it")[0] == "Rhoda Keane"


@pytest.mark.parametrize("text, speaker", [
    ('Dana Whitlock spoke first. Whitlock: "We will rebuild the pier." Marsh: "Not with this budget."',
     "Kevin Marsh"),
    ('Kevin Marsh has studied the figures. Budgets are tight - Kevin Marsh: "Not with this budget."',
     "Kevin Marsh"),
    ('Kevin Marsh has studied the figures for years.\nMore from Marsh: "Not with this budget."', "Kevin Marsh"),
])
def test_a_name_and_a_colon_as_transcripts_and_round_ups_write_who_speaks(text, speaker):
    text = "Kevin Marsh, an economist, and Dana Whitlock, the mayor, met on Tuesday. " + text
    assert speaker_of(text, "Not with this budget")[0] == speaker


def test_a_label_and_a_colon_is_no_speaker():
    text = 'The council met on Tuesday.\nUPDATE: "The harbour will reopen on Monday."\nNote: "Bring your passes."'
    assert [q.speaker for q in extract_quotes(text)] == [None, None]


@pytest.mark.parametrize("clause", ["Marsh later Thursday told Channel 4:", "Marsh on Friday told Channel 4:"])
def test_a_day_between_the_subject_and_the_verb(clause):
    text = f'Kevin Marsh, an economist, spoke at the port.\n{clause} "Both sides will have to give ground."'
    assert speaker_of(text, "Both sides") == ("Kevin Marsh", True)


def test_a_long_appositive_before_a_colon():
    text = ('Kevin Marsh, an expert in maritime law and port finance at the Department of Transport Studies at '
            'the University of Leeds who did not work on the review, told the Post: "The figures cannot be '
            'trusted."')
    assert speaker_of(text, "figures cannot") == ("Kevin Marsh", True)


# "he" and "she"

PRONOUN_CHAIN = (
    '"We lost the ledgers in the fire," said Rhoda Keane, the archivist.\n'
    '"The insurance will not cover it," Kevin Marsh, her deputy, said.\n'
    'Ada Lindqvist, a retired teacher, lives by the harbour. She spoke with pride of the archive. '
    'She gave me the number of the archivist\'s deputy, Kevin Marsh. "I cannot believe the ledgers are gone," '
    'she said.')


def test_a_pronoun_goes_on_from_the_sentence_it_leads():
    """"She gave me the number of Kevin Marsh. '…,' she said": the sentence is led by the same "she", so
    the pronoun means whoever it meant before that sentence, not the name it ends with."""
    assert speaker_of(PRONOUN_CHAIN, "cannot believe")[0] == "Ada Lindqvist"


def test_he_is_the_subject_of_the_sentence_naming_two_people():
    text = ('"I heard the whole call," Tom Reyes said.\n"It was routine," Ben Oduya said.\n'
            'Reyes was the third witness who listened to the call with Oduya. He said there would be '
            '"political consequences" if more people heard it.')
    assert speaker_of(text, "political consequences")[0] == "Tom Reyes"


def test_a_reporting_subject_is_not_passed_over_for_the_sentence_s_first_name():
    text = ('"We found him in Leeds," Efrain Sauer said.\n"I never hid," Leon Kovacs said.\n'
            'Kovacs returned to Leeds after the war, Sauer said. "The police knew that he was back," he said.')
    assert speaker_of(text, "police knew")[0] == "Efrain Sauer"


def test_she_is_not_someone_the_article_calls_he():
    text = ('"I will write again," Mike Ford said. He was ill for years, and his friends helped him.\n'
            '"He sent me every chapter," Valerie Smith, his agent, said. Her grief over Mike Ford\'s death '
            'pushed her out of publishing. "I just cannot go back to it," she said.')
    assert speaker_of(text, "cannot go back")[0] == "Valerie Smith"


@pytest.mark.parametrize("clause", ["said the 78-year-old South African.", "the Briton said."])
def test_a_nationality_as_a_noun_is_the_person_the_story_is_about(clause):
    text = ('"I can remember it like yesterday," Gary Fielder said.\n'
            f'"We need new champions in this game," {clause}')
    assert speaker_of(text, "new champions")[0] == "Gary Fielder"


def test_a_name_ending_like_a_nationality_is_a_name():
    """"Clinton" ends like "Briton", and "the Clinton campaign" puts "the" before it: still a name."""
    text = ('The Clinton campaign answered on Monday.\n"We will win this state," Clinton said.')
    assert speaker_of(text, "win this state")[0] == "Clinton"


@pytest.mark.parametrize("clause, speaker", [
    ("reacted Dana Whitlock.", "Dana Whitlock"),
    ("this source told the Post.", "source"),
    ("said the Rev. Peter Marsh, of St Mary's Church.", "Peter Marsh"),
    ("Dana Whitlock, the 2016 candidate for the harbour board and its longest-serving member in all of Kent, "
     "said.", "Dana Whitlock"),
])
def test_more_shapes_of_the_clause_after_a_quote(clause, speaker):
    text = f'"The harbour will not reopen before the spring," {clause}'
    assert speaker_of(text, "harbour will not reopen")[0] == speaker


def test_a_name_with_its_party_and_a_colon():
    text = 'The hearing went on for hours.\nRep. Dana Whitlock (R-Ky.):"Who told you that figure?"'
    assert speaker_of(text, "Who told you")[0] == "Dana Whitlock"


def test_a_description_doing_something_then_adding_what_it_said():
    text = ('"We have no plans," Kevin Marsh said.\nThe spokesman refused to answer questions about the talks but '
            'said no meeting was planned, adding: "If one is proposed we will consider it."')
    assert speaker_of(text, "If one is proposed")[0] == "spokesman"


def test_a_colon_after_a_sentence_about_its_subject_that_follows_a_quote():
    """The sentence the colon ends starts right after another quote's closing mark."""
    text = ('"I love it," Kate York said. "Me too," Ann Lowry said.\n"We write fast," Mary Fenwick said. '
            'Fenwick has only found one drawback to working with Lowry and York: "They sing too well."')
    assert speaker_of(text, "sing too well") == ("Mary Fenwick", True)


def test_words_of_assurance_are_a_reporting_verb():
    text = ('"I was never there," Prince Albert said of the night.\n'
            '"Oh, actually? Yes," he assures himself. "I did not sweat at the time."')
    assert speaker_of(text, "Oh, actually")[0] == "Prince Albert"


@pytest.mark.parametrize("clause, speaker", [
    # a description whose closing comma the copy left out, commas inside it
    ("Dana Whitlock, a research analyst at the Council on Energy, Water and Roads think tank told CBS News.",
     "Dana Whitlock"),
    ("was how Dana Whitlock described it to friends.", "Dana Whitlock"),
    ("is how the harbour master put it.", "harbour master"),
])
def test_clauses_after_a_quote_that_copy_writes_loosely(clause, speaker):
    text = f'Kevin Marsh spoke first.\n"The harbour will not reopen before the spring," {clause}'
    assert speaker_of(text, "harbour will not reopen")[0] == speaker


def test_a_modal_and_a_bare_verb_report_what_someone_would_say():
    text = ('Kevin Marsh ran the harbour for years. When his staff would ask him to explain himself, he\'d respond, '
            '"I have a horror of being obvious."')
    assert speaker_of(text, "horror of being obvious")[0] == "Kevin Marsh"


def test_a_verb_in_a_relative_clause_before_a_copula_does_not_report():
    """'the letter Mike wrote was "…"': Mike wrote the letter; whoever the sentence reports calls it that."""
    text = ('"We will miss him," Ann Lowry said.\nAnn Lowry added that shortly before he died, the letter Kevin Marsh '
            'wrote was "kind and loving."')
    assert speaker_of(text, "kind and loving")[0] == "Ann Lowry"


@pytest.mark.parametrize("sentence, speaker", [
    ("Kevin Marsh, the younger brother of heir to the Harbour Board, Tom, has reportedly told friends the "
     "meeting was a", "Kevin Marsh"),
    ("The authors of the research published in the journal Harbour Studies argued that the plan is", "authors"),
])
def test_a_subject_inside_a_preposition_s_phrase_is_not_who_speaks(sentence, speaker):
    """A fragment's sentence names its speaker at its start; the name nearest the verb sits inside an
    appositive or a qualifying phrase ("heir to X", "published in X")."""
    text = f'The harbour closed in May.\n{sentence} "a great success."'
    assert speaker_of(text, "a great success")[0].split()[0] == speaker.split()[0]


@pytest.mark.parametrize("clause, speaker", [
    # the clause's own sentence names others: they are its circumstances, and the speaker goes on
    ("said Mayor Dana Whitlock, a former ally of Gov. Kevin Marsh.", "Dana Whitlock"),
    ("Dana Whitlock said on Saturday at the harbour, where Kevin Marsh also spoke.", "Dana Whitlock"),
    # a sentence of its own after the clause names someone else: the quote is theirs as far as we can tell
    ("Dana Whitlock told ITV. Kevin Marsh shook his head.", "Kevin Marsh"),
    ("said Dana Whitlock. Gov. Kevin Marsh shook his head.", "Kevin Marsh"),
])
def test_names_in_the_reporting_clause_s_sentence_do_not_stop_its_speaker_going_on(clause, speaker):
    text = ('Kevin Marsh said the harbour could wait. "The pier will be rebuilt this year," '
            f'{clause} "We have the money for it."')
    assert speaker_of(text, "the money")[0] == speaker


@pytest.mark.parametrize("clause, speaker", [
    ("Mrs. Ortega said.", "Lucia Ortega"),
    ("Ms Ortega said.", "Lucia Ortega"),
    ("Mr. Ortega said.", "Daniel Ortega"),
    ("Ortega said.", "Daniel Ortega"),  # (no honorific: the first of them the article names)
])
def test_an_honorific_tells_apart_two_people_with_one_family_name(clause, speaker):
    text = ("Daniel Ortega ran the harbour board for a decade, and he still sits on it. His wife, Lucia Ortega, "
            f'chairs the port trust; she took the post in May.\n"We will open the pier on Monday," {clause}')
    assert speaker_of(text, "open the pier")[0] == speaker


@pytest.mark.parametrize("clause, speaker", [
    # a party or a country inside the role after the verb is a word of the role, not the speaker
    ("said veteran Democratic strategist Paul Begala.", "Paul Begala"),
    ("said veteran Democratic strategist and wordsmith Paul Begala, a former adviser.", "Paul Begala"),
    ("said longtime Trump adviser Roger Stone.", "Roger Stone"),
    # the service before a title may be written with initials
    ("said U.S. Navy Rear Adm. John Kirby.", "John Kirby"),
    ("U.S. Navy Rear Adm. John Kirby said.", "John Kirby"),
    # (controls: a role of lower-case words alone, and two people joined by "and", who are not one speaker)
    ("said planetary geologist Rosaly Lopes of NASA.", "Rosaly Lopes"),
    ("said police and Tom Hart.", None),
])
def test_a_role_with_capitalised_words_before_the_name_after_the_verb(clause, speaker):
    text = f'Donald Trump spoke on Monday, and the Democratic Party answered. "We lost some time," {clause}'
    assert speaker_of(text, "lost some time")[0] == speaker


def test_a_pronoun_a_pattern_took_as_a_name_is_resolved_as_a_pronoun():
    """'… condemning "…." He said …': the subject a pattern found for the fragment is "He", whom the pronoun
    means is the speaker (it had been "He", as if a name)."""
    text = ('"We are ready," Kevin Marsh said on Monday.\nKevin Marsh released a statement condemning '
            '"a reckless act of sabotage." He said the police had been told.')
    assert speaker_of(text, "reckless act")[0] == "Kevin Marsh"


def test_a_fragment_that_ends_its_sentence_is_its_own_sentence_s_clause_s():
    """'X is telling supporters that "…." The businessman says …': the next sentence's subject did not say it."""
    text = ('"We won," Kevin Marsh said on Tuesday. Kevin Marsh is telling supporters that "when you win, it is '
            'beautiful." The businessman says running for office is tough.')
    assert speaker_of(text, "when you win")[0] == "Kevin Marsh"
    # (a fragment whose own sentence names no one who says it still takes the clause of the sentence after it)
    text = ('"We won," Kevin Marsh said on Tuesday. The result was "a landslide." The harbour board will ask for '
            'a recount, Marsh said.')
    assert speaker_of(text, "landslide")[0] == "Kevin Marsh"


def test_according_to_a_description_takes_it_whole():
    text = ('Kevin Marsh had a check-up in May. According to his longtime personal physician, Marsh had '
            '"astonishingly excellent" results.')
    assert speaker_of(text, "astonishingly")[0] == "longtime personal physician"


def test_a_quote_s_narration_does_not_run_back_into_the_quote_that_closed_the_sentence_before():
    """UK copy runs signed quotes together ('‘…’― Ann Diaz ‘…’ ― Tom Hart'): a single mark after a stop is not
    read as a sentence's end, so the sentence before the second quote ran back into the first, whose "he
    states" was taken for its reporting clause."""
    text = ("Kevin Marsh spoke on Monday. Readers wrote in. ‘He shows no respect, and he proudly states that he "
            "pays no tax.’― Stephanie Egan ‘Tonight showed who he really is. We deserve better.’ ― Martha Aguilar "
            "‘He relies on slogans.’ ― Tom Hart")
    assert [q.speaker for q in extract_quotes(text)] == ["Stephanie Egan", "Martha Aguilar", "Tom Hart"]


@pytest.mark.parametrize("narration, speaker", [
    # a participle of saying after the sentence's verb: its subject says it
    ("Kevin Marsh was critical of the plan, telling Radio Leeds:", "Kevin Marsh"),
    ("The harbour board sent an email to members stating,", "harbour board"),
    # a source named with "according to" and a colon
    ("According to the Leeds Gazette:", "Leeds Gazette"),
    # a relative clause with no commas between the subject and its verb
    ("A harbour official who spoke on condition of anonymity said Wednesday,", "harbour official"),
    # (a relative clause between commas is an appositive, whoever the sentence names first)
    ("Of the plan, Kevin Marsh, who has given money to Dana Whitlock, said,", "Kevin Marsh"),
    ("The man who attacked Kevin Marsh said,", "man"),
])
def test_who_introduces_a_quote_with_a_participle_a_colon_or_a_relative_clause(narration, speaker):
    text = f'The Leeds Gazette covered the harbour. {narration} "The pier will not reopen before May."'
    assert speaker_of(text, "pier will not")[0] == speaker


@pytest.mark.parametrize("clause, speaker", [
    # a person of a body: the person speaks, not the words after "of"
    ("said Ty Burr of the Boston Globe.", "Ty Burr"),
    ("said Sen. Robert Menendez of New Jersey.", "Robert Menendez"),
    ("said William Nee of China Labor Bulletin.", "William Nee"),
    # a body named in full with "of", "for" and "and", after "according to the"
    ("according to the National Institute of Mental Health.", "National Institute of Mental Health"),
    ("according to the Centers for Disease Control and Prevention.", "Centers for Disease Control and Prevention"),
    ("according to the Justice Department.", "Justice Department"),
    # (a title "of" a place before the person: the person)
    ("said U.S. Secretary of State John Kerry.", "John Kerry"),
])
def test_a_person_of_a_body_and_a_body_named_in_full(clause, speaker):
    text = f'The report came out on Monday. "The figures are worse than anyone expected," {clause}'
    assert speaker_of(text, "figures are worse")[0] == speaker


@pytest.mark.parametrize("narration, speaker", [
    # a person's name in apposition is who speaks, whatever the words before it
    ("The harbour board's chairman, Kevin Marsh, said:", "Kevin Marsh"),
    ("After winning the vote in the harbour board election, Gov. Kevin Marsh (R-OH), said,", "Kevin Marsh"),
    ("The prioress of the convent, Sister Ada Lindqvist, said:", "Ada Lindqvist"),
    # (not a title, a body, or a party and state in apposition)
    ("Dana Whitlock, Harbour Master, said:", "Dana Whitlock"),
    ("Sen. Dana Whitlock, D-North Dakota, said:", "Dana Whitlock"),
])
def test_a_name_in_apposition_names_who_speaks(narration, speaker):
    text = f'Kevin Marsh and Dana Whitlock met on Monday. {narration} "The pier will not reopen before May."'
    assert speaker_of(text, "pier will not")[0] == speaker


@pytest.mark.parametrize("narration, speaker", [
    # what a name owns speaks by the name in full
    ("Marsh’s campaign shrugged off the row, telling reporters,", "Kevin Marsh's campaign"),
    ("Marsh's press secretary said:", "Kevin Marsh's press secretary"),
    # (a name after its owner's possessive is the person: "Marsh's spokesman Tom Hart")
    ("Marsh's spokesman Tom Hart said:", "Tom Hart"),
    # a modal before the verb of a clause before the quote
    ("A spokesman for the board could only say:", "spokesman for the board"),
])
def test_what_a_name_owns_and_a_modal_before_the_verb(narration, speaker):
    text = f'Kevin Marsh won the vote on Monday. {narration} "The pier will not reopen before May."'
    assert speaker_of(text, "pier will not")[0] == speaker


def test_a_modal_after_a_fragment_is_narration_not_its_clause():
    text = ('Kevin Marsh said on Monday that the board was "out of its depth," the city could ask the '
            'province to step in.')
    assert speaker_of(text, "out of its depth")[0] == "Kevin Marsh"


@pytest.mark.parametrize("clause, speaker", [
    # after the quote too, a name in apposition to a role is who speaks
    ("Marsh's sister, Ada Lindqvist, told ITV.", "Ada Lindqvist"),
    ("the head of the salvage operation, Navy Capt. Tom Hart, said.", "Tom Hart"),
    # (a possessed role with no name stays the role, by its owner's full name)
    ("Marsh's lawyer said.", "Kevin Marsh's lawyer"),
])
def test_a_name_in_apposition_after_the_quote(clause, speaker):
    text = f'Kevin Marsh spoke on Monday. "We are hoping for the best," {clause}'
    assert speaker_of(text, "hoping for the best")[0] == speaker
