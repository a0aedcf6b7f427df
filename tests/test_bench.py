from nltk.tokenize import word_tokenize
from sumy.nlp.tokenizers import Tokenizer

from bench.speed import StockTokenizer


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
