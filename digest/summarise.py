"""Extractive summaries: sumy's stemmer and stop words, LexRank centrality, our scoring.

News is written lead-first, so plain centrality (sumy's LexRank) loses to simply
taking the first sentences. We combine LexRank centrality (the same maths as
`sumy.summarizers.lex_rank`, vectorised with numpy) with a position prior, keep
sentences that are not prose out (bylines, questions to the reader, fragments),
and pick greedily with a redundancy penalty (MMR). Sentences are returned
verbatim, in article order.

Build one `Summariser` per process (`get_summariser()`): sumy's stemmer and stop
word list are loaded once and stemming is memoised.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from digest.text import Sentence, split_sentences, words

MAX_SENTENCES = 150  # centrality over at most this many candidates: cost stays flat for huge inputs
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1

_BYLINE = re.compile(r"^(?:by|from|photo|image|video|updated|published|posted|source)\b[\s:]", re.I)
_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]$")
_READER_ADDRESS = re.compile(r"\b(?:click|subscribe|sign up|follow us|share this|read more|comments?)\b", re.I)


@dataclass(frozen=True, slots=True)
class Weights:
    centrality: float = 0.35
    position: float = 0.65
    position_decay: float = 0.35  # prior = exp(-decay * sentence index)
    redundancy: float = 0.6  # MMR: how much similarity to already-chosen sentences costs
    quote_penalty: float = 0.15  # sentences that open with a quotation rarely make a lead


def lexrank_scores(tf: np.ndarray, idf: np.ndarray, threshold: float = LEXRANK_THRESHOLD,
                   epsilon: float = LEXRANK_EPSILON) -> tuple[np.ndarray, np.ndarray]:
    """LexRank centrality from a sentence x term frequency matrix.

    Same maths as sumy's `LexRankSummarizer`: tf normalised by each sentence's max,
    idf-modified cosine, edges above `threshold`, power iteration until the step is
    below `epsilon`. Returns (scores, cosine matrix); the matrix is reused for MMR.
    """
    n = tf.shape[0]
    max_tf = tf.max(axis=1, keepdims=True)
    max_tf[max_tf == 0] = 1
    weighted = (tf / max_tf) * idf  # tf*idf per sentence
    norms = np.sqrt((weighted ** 2).sum(axis=1))
    dot = weighted @ weighted.T
    denom = np.outer(norms, norms)
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.where(denom > 0, dot / denom, 0.0)
    adjacency = (cosine > threshold).astype(float)
    degrees = adjacency.sum(axis=1)
    degrees[degrees == 0] = 1
    matrix = adjacency / degrees[:, None]
    p = np.full(n, 1.0 / n)
    for _ in range(100):  # converges in a handful of steps; the cap guards odd graphs
        nxt = matrix.T @ p
        norm = np.linalg.norm(nxt)
        if norm == 0:
            break
        nxt /= norm
        step = np.linalg.norm(nxt - p)
        p = nxt
        if step <= epsilon:
            break
    return p, cosine


class Summariser:
    def __init__(self, language: str = "english", weights: Weights | None = None):
        self.weights = weights or Weights()
        self.stop_words = frozenset(get_stop_words(language))
        self._stemmer = Stemmer(language)
        self.stem = lru_cache(maxsize=200_000)(self._stemmer)

    def terms(self, sentence: str) -> list[str]:
        """Stemmed content words of a sentence (lower-cased, stop words dropped)."""
        out = []
        for word in words(sentence):
            word = word.lower()
            if word not in self.stop_words and not word.isdigit():
                out.append(self.stem(word))
        return out

    def _is_candidate(self, sentence: Sentence, n_words: int) -> bool:
        text = sentence.text
        if n_words < 5 or n_words > 80:
            return False
        if _BYLINE.match(text) or _READER_ADDRESS.search(text) and n_words < 15:
            return False
        if not _SENTENCE_END.search(text):
            return False  # a sub-heading or list item, not a sentence
        if text.rstrip('"”’\' ').endswith("?"):
            return False  # questions to the reader make poor briefings
        return True

    def summarise(self, text: str, count: int = 3) -> list[Sentence]:
        """The `count` best sentences of `text`, verbatim and in article order."""
        return self.select(split_sentences(text), count)

    def select(self, sentences: list[Sentence], count: int = 3) -> list[Sentence]:
        if count <= 0 or not sentences:
            return []
        term_lists = [self.terms(s.text) for s in sentences]
        candidates = [i for i, s in enumerate(sentences) if self._is_candidate(s, len(words(s.text)))]
        if len(candidates) < count:  # short or odd text: fall back to every sentence with words in it
            candidates = [i for i, terms in enumerate(term_lists) if terms] or list(range(len(sentences)))
        candidates = candidates[:MAX_SENTENCES]
        if len(candidates) <= count:
            return [sentences[i] for i in candidates]

        vocab: dict[str, int] = {}
        rows, cols = [], []
        for row, i in enumerate(candidates):
            for term in term_lists[i]:
                col = vocab.setdefault(term, len(vocab))
                rows.append(row)
                cols.append(col)
        tf = np.zeros((len(candidates), max(len(vocab), 1)))
        np.add.at(tf, (rows, cols), 1.0)
        doc_freq = (tf > 0).sum(axis=0)
        idf = np.log(len(candidates) / (1.0 + doc_freq))
        centrality, cosine = lexrank_scores(tf, idf)
        return [sentences[candidates[k]] for k in self._pick(candidates, sentences, centrality, cosine, count)]

    def _pick(self, candidates, sentences, centrality, cosine, count) -> list[int]:
        w = self.weights
        top = centrality.max()
        cent = centrality / top if top > 0 else centrality
        position = np.array([math.exp(-w.position_decay * sentences[i].index) for i in candidates])
        opens_quote = np.array([sentences[i].text[:1] in "\"“‘'" for i in candidates], dtype=float)
        base = w.centrality * cent + w.position * position - w.quote_penalty * opens_quote
        chosen: list[int] = []
        while len(chosen) < count:
            score = base.copy()
            if chosen:
                score -= w.redundancy * cosine[:, chosen].max(axis=1)
            score[chosen] = -np.inf
            chosen.append(int(np.argmax(score)))
        return sorted(chosen)


@lru_cache(maxsize=1)
def get_summariser() -> Summariser:
    return Summariser()
