import pytest

from bench.quotes_eval import evaluate, load
from digest.quotes import choose_key_quote, extract_quotes


def pairs(text):
    return [(q.quote, q.speaker) for q in extract_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('"We will rebuild the bridge," Mayor Anna Lee said.', [("We will rebuild the bridge,", "Anna Lee")]),
    ('"We will rebuild the bridge," said Anna Lee, the mayor.', [("We will rebuild the bridge,", "Anna Lee")]),
    ('Anna Lee said: "We will rebuild the bridge."', [("We will rebuild the bridge.", "Anna Lee")]),
    ('“We will rebuild the bridge,” Anna Lee said.', [("We will rebuild the bridge,", "Anna Lee")]),
    ('"Talks will resume next week," according to the ministry.', [("Talks will resume next week,", "ministry")]),
    ('"Talks will resume next week," according to Defense Minister Suh Wook.',
     [("Talks will resume next week,", "Suh Wook")]),
])
def test_attribution_patterns(text, expected):
    assert pairs(text) == expected


def test_quote_split_by_attribution_is_one_quote():
    got = extract_quotes('"This is the first part," she said. "And this is the second part."')
    assert len(got) == 1
    assert got[0].parts == ["This is the first part,", "And this is the second part."]


def test_quote_running_over_paragraphs_is_one_quote():
    text = ('Anna Lee spoke at length.\n"We started small. We grew every year.\n'
            '"Now we export to ten countries," Lee said.')
    got = extract_quotes(text)
    assert len(got) == 1
    assert got[0].parts == ["We started small. We grew every year.", "Now we export to ten countries,"]
    assert got[0].speaker == "Anna Lee"


def test_pronoun_resolves_to_the_last_named_speaker_and_surname_to_full_name():
    text = ('Gladys Block, a professor of nutrition, studied the data.\n'
            '"These are very healthy people," she said.\n"It is not the whole story," Block added.')
    assert [q.speaker for q in extract_quotes(text)] == ["Gladys Block", "Gladys Block"]


@pytest.mark.parametrize("text", [
    'The so-called "frozen conflicts" remain unsolved.',
    'She starred in "The Brady Bunch" for five years.',
    'He read "War and Peace" twice.',
])
def test_scare_quotes_and_titles_are_not_quotes(text):
    assert extract_quotes(text) == []


def test_apostrophes_are_not_quotes_in_single_quote_text():
    text = "The workers' union said it won't strike. 'We have reached a fair deal,' said Tom Hart."
    assert pairs(text) == [("We have reached a fair deal,", "Tom Hart")]


def test_key_quote_prefers_a_full_attributed_statement():
    text = ('Officials called it a "tragedy".\n'
            '"We will find out what happened and we will make sure it never happens again," Chief Ray Burns said.')
    key = choose_key_quote(extract_quotes(text))
    assert key.speaker == "Ray Burns"


def test_gold_set_precision_recall_floor(corpora):
    """Against the 40 hand-labelled articles: regressions below these floors fail the suite."""
    result = evaluate(load(corpora / "quotes" / "dev-quotes.jsonl", corpora / "summaries" / "cnn-corpus.jsonl"))
    assert result["gold"] == 310
    assert result["precision"] >= 0.85 and result["recall"] >= 0.80
    assert result["speaker_accuracy"] >= 0.60
