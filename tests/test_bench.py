import pytest
from nltk.tokenize import word_tokenize
from sumy.nlp.tokenizers import Tokenizer

from bench.speed import StockTokenizer, length_groups, paired_ratio


def test_the_plain_sumy_baseline_splits_words_as_sumy_does():
    """`bench.speed`'s plain baseline is sumy's own `Tokenizer`: NLTK's word tokenizer, then sumy's word
    filter (no numbers, no "U.S."), with only punkt's model replaced by our sentence splitter."""
    sentence = "The U.S. economy grew 3% in 2023, didn't it?"
    tokenizer = StockTokenizer()
    assert isinstance(tokenizer, Tokenizer)
    assert tokenizer.to_words(sentence) == ("The", "economy", "grew", "in", "did", "n't", "it")
    assert tokenizer.to_words(sentence) == tuple(w for w in word_tokenize(sentence, preserve_line=True)
                                                 if Tokenizer._is_word(w))
    assert tokenizer.to_sentences("Mr. Smith went to Washington. He said no.") == (
        "Mr. Smith went to Washington.", "He said no.")


def test_length_groups_are_equal_fifths_by_length_with_the_ratio_of_totals():
    timed = [(chars, chars / 100, chars / 1000 + (0.5 if chars == 90 else 0)) for chars in range(10, 110, 10)]
    groups = length_groups(timed[::-1])  # any order in, sorted by length out
    assert [g["chars"] for g in groups] == [(10, 20), (30, 40), (50, 60), (70, 80), (90, 100)]
    assert groups[0]["ratio"] == pytest.approx(10.0)
    assert groups[4]["ratio"] == pytest.approx((0.9 + 1.0) / (0.09 + 0.5 + 0.1))
    assert groups[4]["sumy_ms"] == pytest.approx(950.0) and groups[4]["ours_ms"] == pytest.approx(345.0)


def test_a_ratio_pairs_the_rounds():
    """Both methods ran in turns within a round, so each round's ratio is taken before the median: a slow
    round for both (here the first) does not pair one method's fast round with the other's slow one."""
    ours, baseline = [10.0, 40.0, 30.0], [1.0, 4.0, 2.0]
    assert paired_ratio(ours, baseline) == 10.0  # rounds: 10x, 10x, 15x
    assert sorted(ours)[1] / sorted(baseline)[1] == 15.0  # the ratio of the medians would say 15x


def test_sentence_choice_is_scored_on_word_characters_and_the_gold_extract():
    from bench.languages import _f1, _gold_extract

    row = {"sentences": [{"text": "Bir.", "relevance": 1}, {"text": "İki!", "relevance": 9},
                         {"text": "Üç", "relevance": 5}, {"text": "Dört.", "relevance": 7}]}
    sentences, gold = _gold_extract("tr", row)
    assert gold == ["İki!", "Üç", "Dört."]  # the three most relevant, in text order
    assert _f1(["dört", "Bir."], gold) == pytest.approx(2 * 1 / 5)  # case and marks aside, one of two
    assert _gold_extract("ko", {"sentences": ["a", "b", "c"], "summary_idx": [2, 0]}) == (["a", "b", "c"], ["c", "a"])


def test_pronoun_speakers_of_the_german_gold_are_left_out_of_speaker_accuracy(corpora):
    from bench.languages import quote_articles

    articles = quote_articles("de")
    gold = [q for a in articles for q in a.gold]
    assert len(articles) == 850 and len(gold) == 740  # the dev part's direct quotes, as its README says
    assert {q["speaker"].lower() for q in gold if q["speaker_is_pronoun"]} <= {"er", "sie"}


def test_speakers_are_counted_by_how_they_were_read():
    from bench.languages import speakers_by_reading
    from bench.quotes_eval import Article

    text = ("„Wir bauen die Brücke im nächsten Jahr“, sagte die Bürgermeisterin Eva Brandt.\n"
            "„Die Kosten steigen weiter an, das wissen alle hier“, sagte der Kämmerer Paul Lenz.")
    gold = [{"quote": "Wir bauen die Brücke im nächsten Jahr", "speaker": "Eva Brandt", "speaker_is_pronoun": False},
            {"quote": "Die Kosten steigen weiter an, das wissen alle hier", "speaker": "Otto Kern",
             "speaker_is_pronoun": False}]
    assert speakers_by_reading("de", [Article("a", text, gold)]) == {"clause": (1, 1)}


def test_words_annotated_twice_match_the_gold_quote_whose_speaker_agrees():
    """German Wikinews annotates "Der Spiegel zitiert den Prediger mit den Worten „…“" twice, once with each
    speaker: either is the gold's attribution, so a found quote matches the one that agrees with it (and,
    when neither does, the last, as a tie went before)."""
    from bench.quotes_eval import best_gold

    gold = [{"quote": "Wir warnen das Abendland", "speaker": "Der Spiegel"},
            {"quote": "Wir warnen das Abendland", "speaker": "den Prediger"},
            {"quote": "Etwas ganz anderes", "speaker": "den Prediger"}]
    assert best_gold({"quote": "Wir warnen das Abendland", "speaker": "Der Spiegel"}, gold)[0] == 0
    assert best_gold({"quote": "Wir warnen das Abendland", "speaker": "den Prediger"}, gold)[0] == 1
    assert best_gold({"quote": "Wir warnen das Abendland", "speaker": "Die Zeitung"}, gold)[0] == 1
    assert best_gold({"quote": "Wir warnen das Abendland", "speaker": None}, gold)[0] == 1
    # a better match still wins over an agreeing speaker
    assert best_gold({"quote": "Wir warnen das Abendland nicht", "speaker": "den Prediger"},
                     gold[:1] + [{"quote": "Wir warnen", "speaker": "den Prediger"}])[0] == 0


def test_the_paired_difference_counts_texts_and_brackets_its_mean():
    from bench.languages import paired_difference

    ours = [(30.0, 0.0, 0.0), (10.0, 0.0, 0.0), (20.0, 0.0, 0.0), (20.0, 0.0, 0.0)]
    lead = [(20.0, 0.0, 0.0), (20.0, 0.0, 0.0), (20.0, 0.0, 0.0), (20.0, 0.0, 0.0)]
    line = paired_difference(ours, lead)
    assert line.startswith("R-1 ours - LEAD +0.00 (95% bootstrap -")
    assert line.endswith("1 texts better, 1 worse)")
