import re
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer

from digest.summarise import (
    _BYLINE,
    _BYLINE_FIRST,
    _READER_ADDRESS,
    Summariser,
    _addresses_the_reader,
    _compact,
    get_summariser,
    lexrank_scores,
)
from digest.text import OfflineTokenizer, split_sentences
from tests.fakes.news import sample_articles


def test_summary_sentences_are_verbatim_and_in_article_order():
    text = sample_articles()[1]["article"]
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


def test_a_posts_opening_headline_is_a_candidate_even_as_a_short_question():
    """A post of a few sentences opens with its headline, a question or a few words ("除夕放不放假？"); an
    article's opening question is one to the reader, and a fragment no sentence."""
    post = ("Will the old bridge close for good?\n"
            "The county engineer said repairs to the bridge would cost more than building a new one.\n"
            "Residents will vote on the plan next spring.")
    assert [s.text for s in get_summariser().summarise(post, 1)] == ["Will the old bridge close for good?"]
    zh = "除夕放不放假？受有关部门和单位委托，人民大学调查中心正在就春节法定节假日安排公开征求意见。著名旅游专家认为应该延长假期。"
    assert [s.text for s in get_summariser("zh").summarise(zh, 1)] == ["除夕放不放假？"]
    article = post.replace("\nResidents", "".join(f"\nThe county held hearing number {i} on the bridge plan this year."
                                                    for i in range(6)) + "\nResidents")
    assert get_summariser().summarise(article, 1)[0].text != "Will the old bridge close for good?"


def test_vectorised_lexrank_matches_sumy():
    """Our numpy LexRank gives the same ranking as sumy's pure-Python one on a real article."""
    summariser = Summariser()
    text = sample_articles()[4]["article"]  # one that sumy's parser and ours split alike
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


# Non-news text: a press release (wire dateline, boilerplate, contact lines) and a blog post
# (byline, a question to the reader, calls to subscribe and comment).
PRESS = """FOR IMMEDIATE RELEASE
Northwind Energy opens its largest solar plant in Nevada
LAS VEGAS, March 3, 2025 /PRNewswire/ -- Northwind Energy today opened a 400-megawatt solar plant near Las Vegas, its largest to date, which will supply power to about 120,000 homes.
The plant was built in 18 months and employed 900 construction workers at its peak.
"This plant shows that clean power can be built quickly and at scale," said Maria Lopez, chief executive of Northwind Energy.
The company plans to add battery storage at the site next year, allowing it to deliver power after sunset.
About Northwind Energy
Northwind Energy is a renewable energy developer based in Denver, Colorado. For more information, visit www.northwind.example.
Media contact: Jane Smith, press@northwind.example, +1 555 0100
###"""

BLOG = """Why I switched from Python to Rust for my side projects
Posted by Alex on June 4
I have written Python for ten years, and I still love it for scripting and data work.
But last year my side project, a small search engine, started to hit the limits of what a single Python process could do.
Have you ever waited ten minutes for a test suite to finish?
After rewriting the indexer in Rust, indexing the same data took four minutes instead of forty.
The compiler caught dozens of bugs that my tests had missed, mostly around shared state between threads.
The learning curve was steep, and the first month was frustrating.
Still, I would make the same choice again for any project where speed matters.
Subscribe to my newsletter to get new posts by email!
Leave a comment below and tell me what you think."""


def test_press_release_summary_skips_boilerplate_and_the_wire_dateline():
    from digest.analyse import analyse_text

    result = analyse_text(PRESS, None, 3)
    assert result.title == "Northwind Energy opens its largest solar plant in Nevada"
    assert result.sentences[0].startswith("Northwind Energy today opened")  # dateline and wire tag gone
    assert all(s in PRESS for s in result.sentences)
    assert not any("contact" in s.lower() or "more information" in s.lower() for s in result.sentences)
    assert result.key_quote["speaker"] == "Maria Lopez"


def test_blog_post_summary_has_no_questions_or_calls_to_action():
    from digest.analyse import analyse_text

    result = analyse_text(BLOG, None, 3)
    assert result.title == "Why I switched from Python to Rust for my side projects"
    assert len(result.sentences) == 3 and all(s in BLOG for s in result.sentences)
    assert not any(s.endswith("?") or "Subscribe" in s or "comment" in s for s in result.sentences)


def test_the_term_table_stays_bounded_and_summaries_do_not_change(monkeypatch):
    """A long-lived worker meets endless new words: the token/term table is replaced when full,
    and since ids only need to agree within one article, every summary stays the same."""
    from digest import summarise

    texts = [a["article"] for a in sample_articles()[:20]]
    expected = [[s.text for s in Summariser().summarise(t)] for t in texts]
    monkeypatch.setattr(summarise._TermIds, "MAX_TOKENS", 50)
    small = Summariser()
    got = [[s.text for s in small.summarise(t)] for t in texts]
    assert got == expected
    assert len(small._ids) < 50 + max(len(t.split()) for t in texts)
    assert len(small._ids.terms) <= len(small._ids) + 1


def test_the_byline_check_is_skipped_only_for_sentences_no_byline_word_can_start():
    """`_BYLINE_FIRST` holds every character the byline words' first letters match with the case ignored
    (the long s and the Turkish i included)."""
    first_letters = {word[0] for word in re.findall(r"[a-z]+", _BYLINE.pattern.split(")")[0])}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any(re.fullmatch(letter, char, re.I) for letter in first_letters):
            assert char in _BYLINE_FIRST, char


_READER_PIECES = ["click", "Click", "CLICK", "cliCK", "clicks", "subscribe", "SUBSCRIBE", "ſubscribe", "sign up",
                  "Sign Up", "sign  up", "follow us", "Follow US", "share this", "Share This", "read more", "Read More",
                  "comment", "Comments", "COMMENTS", "cli\u212a", "x", "é", "ı", "İ", " ", "-", ".", "up", "us"]


@given(st.lists(st.sampled_from(_READER_PIECES), max_size=8).map("".join))
@settings(max_examples=3000, deadline=None)
def test_the_reader_check_prefilter_never_hides_a_match(text):
    assert _addresses_the_reader(text) == bool(_READER_ADDRESS.search(text))


@given(st.lists(st.integers(1, 40), max_size=60))
@settings(max_examples=1000, deadline=None)
def test_term_ids_are_ranked_as_numpy_unique_ranks_them(ids):
    n_terms, ranks = _compact(np.array(ids, dtype=np.intp))
    values, inverse = np.unique(np.array(ids, dtype=np.intp), return_inverse=True)
    assert n_terms == len(values) and ranks.tolist() == inverse.tolist()


def test_a_paragraphs_opening_sentence_is_preferred_to_one_inside_the_paragraph_before():
    """A paragraph opens with its topic sentence; the sentences after it detail that topic."""
    text = ("The regional water board approved a plan on Tuesday to build two new reservoirs in the valley. "
            "Board member Ana Ruiz noted that the vote took place after a meeting that lasted four hours. "
            "Several residents arrived early to find seats in the crowded hall.\n\n"
            "The reservoirs will store enough water to supply the valley's farms through a dry summer. "
            "Engineers expect the first of them to hold water within three years.")
    picked = [s.text for s in get_summariser().summarise(text, 2)]
    assert picked == [
        "The regional water board approved a plan on Tuesday to build two new reservoirs in the valley.",
        "The reservoirs will store enough water to supply the valley's farms through a dry summer.",
    ]
    # the same sentences as one paragraph: the order of the text decides again
    one_paragraph = [s.text for s in get_summariser().summarise(text.replace("\n\n", " "), 2)]
    assert one_paragraph[1].startswith("Board member Ana Ruiz")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12))
def test_lexrank_scores_two_sentences_alike_whatever_their_words(counts):
    """What lets `select` skip the matrices for two candidates: their LexRank scores are always equal."""
    tf = np.array(counts, dtype=float).T  # 2 sentences x len(counts) terms
    idf = np.log(2 / (1.0 + np.add.reduce(tf > 0, axis=0)))  # as `select` weighs the terms of two sentences
    scores, _ = lexrank_scores(tf, idf)
    assert scores[0] == scores[1]


def test_chinese_sentences_ending_with_a_wide_stop_are_sentences():
    """"。" ends a Chinese sentence as "." ends an English one: the candidates are every sentence, not only
    the ones that happen to end with a closing mark."""
    text = ("北京市政府周一宣布，明年将新建二十所公立幼儿园，以缓解入园难的问题。"
            "新幼儿园主要分布在城市东部和南部的新建住宅区。"
            "一位家长表示：“希望新幼儿园能尽快开学，孩子们不用再排队了。”"
            "市教委表示，相关建设资金已经全部落实。")
    picked = [s.text for s in get_summariser("zh").summarise(text, 1)]
    assert picked == ["北京市政府周一宣布，明年将新建二十所公立幼儿园，以缓解入园难的问题。"]
