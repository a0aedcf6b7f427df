import numpy as np
import pytest
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

from digest.summarise import Summariser, get_summariser, lexrank_scores
from digest.text import OfflineTokenizer, split_sentences
from tests.fakes.news import cnn_articles


def test_summary_sentences_are_verbatim_and_in_article_order():
    text = cnn_articles()[1]["article"]
    picked = get_summariser().summarise(text, 3)
    assert len(picked) == 3
    positions = [text.index(s.text) for s in picked]
    assert positions == sorted(positions)


def test_built_once_per_process():
    assert get_summariser() is get_summariser()


@pytest.mark.parametrize("text, count", [
    ("", 0), ("One short sentence.", 1), ("First point made here. Second point made here.", 2),
    ("Just words without any full stop", 1),
])
def test_short_inputs(text, count):
    assert len(get_summariser().summarise(text, 3)) == count


def test_very_long_input_still_gives_three_sentences():
    text = " ".join(f"Sentence number {i} talks about topic {i % 7} and the economy of region {i % 5}."
                    for i in range(1200))
    picked = get_summariser().summarise(text, 3)
    assert len(picked) == 3


def test_questions_to_the_reader_and_bylines_are_not_chosen():
    text = ("By John Smith and Jane Doe, staff writers\n"
            "The city council approved a new budget on Monday that raises spending on schools by 10 percent.\n"
            "What do you think about the new budget?\n"
            "The budget also cuts funding for road repairs, which drew criticism from several council members.\n"
            "Council members will vote on the final version of the school budget next month.")
    picked = [s.text for s in get_summariser().summarise(text, 3)]
    assert not any(s.endswith("?") for s in picked)
    assert not any(s.startswith("By ") for s in picked)


def test_vectorised_lexrank_matches_sumy():
    """Our numpy LexRank gives the same ranking as sumy's pure-Python one on a real article."""
    summariser = Summariser()
    text = cnn_articles()[3]["article"]
    sentences = split_sentences(text)
    sumy = LexRankSummarizer(summariser._stemmer)
    sumy.stop_words = summariser.stop_words
    document = PlaintextParser.from_string(text, OfflineTokenizer()).document
    sumy_words = [sumy._to_words_set(s) for s in document.sentences]
    matrix = sumy._create_matrix(sumy_words, sumy.threshold, sumy._compute_tf(sumy_words),
                                 sumy._compute_idf(sumy_words))
    expected = sumy.power_method(matrix, sumy.epsilon)

    vocab = sorted({t for ws in sumy_words for t in ws})
    tf = np.array([[ws.count(t) for t in vocab] for ws in sumy_words], dtype=float)
    idf = np.log(len(sumy_words) / (1.0 + (tf > 0).sum(axis=0)))
    got, _ = lexrank_scores(tf, idf)
    assert len(sentences) == len(document.sentences)
    assert np.allclose(got, expected, atol=1e-9)
