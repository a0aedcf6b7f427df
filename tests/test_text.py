import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.text import (
    _ODD_OR_CONTROL,
    _WORD,
    OfflineTokenizer,
    normalize_text,
    split_sentences,
    words,
)


@pytest.mark.parametrize("text, expected", [
    ("He met Gen. Smith on Feb. 3 in Washington. Then he left.",
     ["He met Gen. Smith on Feb. 3 in Washington.", "Then he left."]),
    ("The U.S. and N.K. officials met. They talked.", ["The U.S. and N.K. officials met.", "They talked."]),
    ("He was No. 2 in the polls. She was first.", ["He was No. 2 in the polls.", "She was first."]),
    ("Mr. Kim arrived at 3 p.m. on Friday. It rained.", None),
    ("It cost $3.5 million, e.g. more than planned. Nobody minded.", None),
])
def test_news_abbreviations_do_not_split(text, expected):
    got = [s.text for s in split_sentences(text)]
    if expected is not None:
        assert got == expected
    assert len(got) == 2, got


def test_sentences_keep_paragraph_numbers():
    got = split_sentences("One sentence here. Two sentences here.\nA new paragraph starts.")
    assert [(s.paragraph, s.index) for s in got] == [(0, 0), (0, 1), (1, 2)]


def test_quote_closing_mark_stays_with_its_sentence():
    got = [s.text for s in split_sentences('"We will win." The crowd cheered.')]
    assert got[0] == '"We will win."'


def test_words_keep_abbreviations_and_contractions():
    assert words("The U.S. didn't say, co-operate!") == ["The", "U.S", "didn't", "say", "co-operate"]


def test_sumy_accepts_the_offline_tokenizer():
    """sumy's own parser and LexRank run with our tokenizer: no NLTK data needed."""
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    text = "Cats sleep a lot. Dogs bark at night. Cats and dogs can live together. Birds sing in the morning."
    document = PlaintextParser.from_string(text, OfflineTokenizer()).document
    assert len(document.sentences) == 4
    picked = LexRankSummarizer()(document, 2)
    assert all(str(s) in text for s in picked)


@given(st.text(alphabet="aZé9²_-'’. \t\n\u00a0\u2009,\"()", max_size=30))
@settings(max_examples=3000, deadline=None)
def test_words_are_what_the_word_pattern_finds(text):
    """The fast path (whole words between blanks, `\\w` for `[^\\W_]`) finds the pattern's tokens."""
    assert words(text) == _WORD.findall(text)


def test_a_word_and_one_mark_is_the_word_whatever_the_mark():
    """The fast path for "said." and "Obama," against the pattern, for every character that can end a piece."""
    endings = [chr(c) for c in range(sys.maxunicode + 1)
               if not chr(c).isalnum() and not chr(c).isspace() and not 0xD800 <= c <= 0xDFFF]
    assert [c for c in endings if words(f"él9{c}") != _WORD.findall(f"él9{c}")] == []


def test_in_ascii_the_odd_and_control_characters_are_the_unprintable_ones_but_the_line_break():
    """What `normalize_text`'s quick check for ASCII text stands on, character by character."""
    for code in range(128):
        char = chr(code)
        if char not in "\n\r":
            assert (not char.isprintable()) == bool(_ODD_OR_CONTROL.search(char)), repr(char)
    assert normalize_text("a\tb\x00c\x7fd\ne\x0bf") == "a bcd\nef"
