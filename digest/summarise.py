"""Extractive summaries: sumy's stemmer and stop words, LexRank centrality, our scoring.

News is written lead-first, so plain centrality (sumy's LexRank) loses to simply
taking the first sentences. We combine LexRank centrality (the same maths as
`sumy.summarizers.lex_rank`, vectorised with numpy) with a position prior, keep
sentences that are not prose out (bylines, questions to the reader, fragments),
and pick greedily with a redundancy penalty (MMR). Sentences are returned
verbatim, in article order.

Build one `Summariser` per language and process (`get_summariser(code)`): the
language's stemmer and stop word list (`digest.languages`) are loaded once and
stemming is memoised.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np

from digest.languages import LANGUAGES, Language
from digest.text import WIDE_SENTENCE_ENDS, Sentence, split_sentences

# a post (a microblog's, a channel's item, a wire flash) of at most this many sentences opens with its headline,
# whatever its length and even as a question ("除夕放不放假？"): its first sentence is a candidate (LCSTS: ours is
# then the lead in all 300 posts, where 3 lost it to a later sentence; the CNN, fr, pt, ko and tr figures unchanged)
POST_SENTENCES = 6
MAX_SENTENCES = 150  # centrality over at most this many candidates: cost stays flat for huge inputs
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
_TINY = float(np.finfo(float).tiny)

_BYLINE = re.compile(r"^(?:by|from|photo|image|video|updated|published|posted|source)\b[\s:]", re.I)
_BYLINE_FIRST = frozenset("BFIPSUVbfipsuvİıſ")  # what the byline words can start with, the case ignored
_QUOTE_OPENERS = frozenset("\"“‘'")
_SENTENCE_ENDS = tuple(".!?…\"”’')]" + WIDE_SENTENCE_ENDS)
_READER_ADDRESS = re.compile(r"\b(?:click|subscribe|sign up|follow us|share this|read more|comments?)\b", re.I)
# what a lower-cased text that `_READER_ADDRESS` matches holds, if it is ASCII (no "ſ" or Kelvin sign, which
# match "s" and "k" too when the case is ignored): a third of the cost, so the pattern runs only where it may match
_READER_HINT = re.compile("click|subscribe|sign up|follow us|share this|read more|comment")


@dataclass(frozen=True, slots=True)
class Weights:
    centrality: float = 0.35
    position: float = 0.65
    position_decay: float = 0.35  # prior = exp(-decay * sentence index)
    redundancy: float = 0.6  # MMR: how much similarity to already-chosen sentences costs
    quote_penalty: float = 0.15  # sentences that open with a quotation rarely make a lead
    # a paragraph opens with its topic sentence, and what follows details it: a paragraph's first sentence
    # outranks the ones inside the paragraph before (CNN 2000 R-1 33.79 -> 34.49, pt 32.33 -> 32.92;
    # text with no paragraph breaks, as the fr, zh, ko and tr sets, unchanged)
    paragraph_start: float = 0.4


def lexrank_scores(tf: np.ndarray, idf: np.ndarray, threshold: float = LEXRANK_THRESHOLD,
                   epsilon: float = LEXRANK_EPSILON) -> tuple[np.ndarray, np.ndarray]:
    """LexRank centrality from a sentence x term frequency matrix.

    Same maths as sumy's `LexRankSummarizer`: idf-modified cosine, edges above `threshold`,
    power iteration until the step is below `epsilon`. Returns (scores, cosine matrix); the
    matrix is reused for MMR. sumy first divides each sentence's tf by its largest count; a
    cosine does not change when one side is scaled, so that step is left out. Articles have
    ~30 sentences, so numpy's per-call overhead is the cost here: as few calls as possible.
    """
    n = tf.shape[0]
    weighted = tf * idf  # tf*idf per sentence
    # (the dot products first, then their scaling: one product of the wide matrix, and the norms are its
    # diagonal; a tenth faster than normalising the rows first)
    dots = weighted @ weighted.T
    norms = np.sqrt(dots.diagonal())
    # a sentence of stop words only is similar to nothing: its dot products are all 0, and 0 divided by any
    # norm other than 0 is 0 (one call, where replacing the zeros takes two)
    np.maximum(norms, _TINY, out=norms)
    cosine = dots / norms / norms[:, None]
    adjacency = (cosine > threshold).astype(float)
    degrees = np.add.reduce(adjacency, axis=1)  # (the ufuncs themselves: `.sum()`, `np.argmax` and the like
    # are Python functions around them, a cost as large as the sums on ~30 sentences)
    np.maximum(degrees, 1.0, out=degrees)  # (degrees are counts: 0 becomes 1, the others stay)
    transition = (adjacency / degrees[:, None]).T
    p = np.empty(n)
    p.fill(1.0 / n)
    for _ in range(100):  # converges in a handful of steps; the cap guards odd graphs
        nxt = transition @ p
        norm = math.sqrt(nxt @ nxt)
        if norm == 0:
            break
        nxt /= norm
        step = nxt - p
        p = nxt
        if math.sqrt(step @ step) <= epsilon:
            break
    return p, cosine


# Two sentences' LexRank scores: always equal. The graph of two sentences is regular: with idf =
# log(2 / (1 + df)) a word of one sentence weighs 0, so a sentence's vector is its shared words alone, and
# either both have shared words (each is similar to itself, and both to the other or neither) or neither
# has any (no edges at all). The uniform start is then where the power iteration stays.
_EVEN_PAIR = np.ones(2)


def _compact(ids: np.ndarray) -> tuple[int, np.ndarray]:
    """(number of distinct ids, each id's rank among them): `np.unique(ids, return_inverse=True)` without
    the checks and reshapes around it, which cost more than the sort on an article's few hundred words."""
    if not len(ids):
        return 0, ids
    order = ids.argsort()
    ranked = ids[order]
    new = np.empty(len(ranked), dtype=bool)
    new[0] = True
    np.not_equal(ranked[1:], ranked[:-1], out=new[1:])
    ranks = np.empty(len(ranked), dtype=np.intp)
    ranks[order] = np.add.accumulate(new, dtype=np.intp) - 1
    return int(ranks[order[-1]]) + 1, ranks


class _TermIds(dict[str, int]):
    """Lower-cased token -> id of its stemmed term (0 for stop words and numbers).

    One C-level dict lookup per token instead of a lower/stop-word/isdigit/stem chain,
    and integer ids let numpy build the term matrix. The vocabulary of news is small, so
    after a few articles nearly every token is a hit. Ids only need to agree within one
    article, so a full table is simply replaced (`Summariser.select`).
    """

    MAX_TOKENS = 500_000  # a bound for processes that live for months (the term list included)

    def __init__(self, stop_words: frozenset[str], stem: Callable[[str], str]):
        super().__init__()
        self._stop_words, self._stem = stop_words, stem
        self.term_ids: dict[str, int] = {}
        self.terms: list[str] = [""]  # id -> term

    def __missing__(self, token: str) -> int:
        if token in self._stop_words or token.isdigit():
            term_id = 0
        else:
            term = self._stem(token)
            known = self.term_ids.get(term)
            if known is None:
                term_id = self.term_ids[term] = len(self.terms)
                self.terms.append(term)
            else:
                term_id = known
        self[token] = term_id
        return term_id


def _addresses_the_reader(text: str) -> bool:
    """`_READER_ADDRESS.search(text)`, with the cheap test first."""
    if text.isascii() and not _READER_HINT.search(text.lower()):
        return False
    return bool(_READER_ADDRESS.search(text))


class Summariser:
    def __init__(self, language: Language | None = None, weights: Weights | None = None):
        self.language = language or LANGUAGES["en"]
        self.weights = weights or Weights()
        self.stop_words = self.language.stop_words()
        self._stemmer = self.language.stem()
        self._ids = _TermIds(self.stop_words, self._stemmer)

    def tokens(self, sentence: str) -> list[str]:
        """The lower-cased word tokens of a sentence, as its language tells them apart."""
        return self.language.tokens(sentence.lower())

    def terms(self, sentence: str) -> list[str]:
        """Stemmed content words of a sentence (lower-cased, stop words dropped)."""
        return self.terms_of_tokens(self.tokens(sentence))

    def terms_of_tokens(self, tokens: list[str]) -> list[str]:
        """`terms` of a sentence already split into its `tokens`."""
        names = self._ids.terms
        return [names[i] for i in map(self._ids.__getitem__, tokens) if i]

    def _is_candidate(self, text: str, tokens: list[str]) -> bool:
        if not text.endswith(_SENTENCE_ENDS):
            return False  # a sub-heading or list item, not a sentence
        # words per sentence: its tokens, but for character pairs (`Language.word_count`, asked only then)
        n_words = self.language.word_count(text, tokens) if self.language.pairs else len(tokens)
        if n_words < 5 or n_words > 80:
            return False
        if text[0] in _BYLINE_FIRST and _BYLINE.match(text) or n_words < 15 and _addresses_the_reader(text):
            return False
        if text.rstrip('"”’\' ').endswith("?"):
            return False  # questions to the reader make poor briefings
        return True

    def summarise(self, text: str, count: int = 3) -> list[Sentence]:
        """The `count` best sentences of `text`, verbatim and in article order."""
        return self.select(split_sentences(text, self.language), count)

    def select(self, sentences: list[Sentence], count: int = 3,
               tokens: list[list[str]] | None = None) -> list[Sentence]:
        """`tokens`: each sentence's `self.tokens(text)`, when the caller has them already."""
        if count <= 0 or not sentences:
            return []
        if tokens is None:
            tokens = [self.tokens(s.text) for s in sentences]
        if len(self._ids) > _TermIds.MAX_TOKENS:
            self._ids = _TermIds(self.stop_words, self._stemmer)
        lookup = self._ids.__getitem__
        post = len(sentences) <= POST_SENTENCES
        candidates = [i for i, (s, sentence_tokens) in enumerate(zip(sentences, tokens, strict=True))
                      if self._is_candidate(s.text, sentence_tokens) or i == 0 and post and s.text.endswith(_SENTENCE_ENDS)]
        if len(candidates) < count:  # short or odd text: fall back to every sentence with words in it
            candidates = [i for i, sentence_tokens in enumerate(tokens) if any(map(lookup, sentence_tokens))]
            candidates = candidates or list(range(len(sentences)))
        candidates = candidates[:MAX_SENTENCES]
        if len(candidates) <= count:
            return [sentences[i] for i in candidates]
        if len(candidates) == 2:  # (one to pick): LexRank scores two sentences alike, whatever their words
            return [sentences[candidates[k]] for k in self._pick(candidates, sentences, _EVEN_PAIR, None, count)]

        # sentence x term counts, built in numpy from the global term ids (of the candidates' words only)
        lengths = [len(tokens[i]) for i in candidates]
        ids = np.fromiter(map(lookup, chain.from_iterable(tokens[i] for i in candidates)), dtype=np.intp,
                          count=sum(lengths))  # (its size known: no buffer grown as it fills)
        rows = np.arange(len(candidates)).repeat(lengths)
        content = ids > 0
        n_terms, cols = _compact(ids[content])
        shape = (len(candidates), max(n_terms, 1))
        tf = np.bincount(rows[content] * shape[1] + cols, minlength=shape[0] * shape[1])
        tf = tf.reshape(shape).astype(float)
        doc_freq = np.add.reduce(tf > 0, axis=0)
        idf = np.log(len(candidates) / (1.0 + doc_freq))
        centrality, cosine = lexrank_scores(tf, idf)
        return [sentences[candidates[k]] for k in self._pick(candidates, sentences, centrality, cosine, count)]

    def _pick(self, candidates: list[int], sentences: list[Sentence], centrality: np.ndarray,
              cosine: np.ndarray | None, count: int) -> list[int]:
        w = self.weights
        # what a sentence's place adds, in one pass over the candidates (a numpy call costs more than the
        # arithmetic of a few sentences: a post has three or four)
        opening = w.paragraph_start if sentences[-1].paragraph else 0.0  # (text in one paragraph: none)
        place = [w.position * math.exp(-w.position_decay * sentence.index)
                 - (w.quote_penalty if sentence.text[:1] in _QUOTE_OPENERS else 0.0)
                 + (opening if i == 0 or sentences[i - 1].paragraph != sentence.paragraph else 0.0)
                 for i in candidates for sentence in (sentences[i],)]
        if count == 1:  # one pick, as a post's: the same sums in floats, no arrays to build for them
            central = centrality.tolist()
            top = max(central)
            scores = [w.centrality * (c / top if top > 0 else c) + p for c, p in zip(central, place, strict=True)]
            return [max(range(len(scores)), key=scores.__getitem__)]
        top = np.maximum.reduce(centrality)
        score = w.centrality * (centrality / top if top > 0 else centrality) + place
        chosen = [int(score.argmax())]
        assert cosine is not None  # (only two candidates, for one pick, come without it)
        nearest = cosine[:, chosen[0]].copy()  # each candidate's similarity to the closest chosen one
        while len(chosen) < count:
            score[chosen[-1]] = -np.inf
            pick = int((score - w.redundancy * nearest).argmax())
            chosen.append(pick)
            np.maximum(nearest, cosine[:, pick], out=nearest)
        return sorted(chosen)


@cache
def get_summariser(code: str = "en") -> Summariser:
    """The summariser of a language `digest.languages` has (English for any other)."""
    return Summariser(LANGUAGES.get(code))
