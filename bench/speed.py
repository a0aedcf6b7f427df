"""Per-article speed: our whole path against plain sumy LexRank, one core, same articles, same run.

    python -m bench.speed                  # all 2000 CNN articles, then the growth curve
    python -m bench.speed --limit 300
    python -m bench.speed --no-growth --no-by-length   # the throughputs alone
    python -m bench.speed --languages      # the cost of a character in each language, against English

"Ours" is everything an ingest does to an article's text: clean, split, summarise, find quotes and pick
the key quote (`digest.analyse.analyse_text`); "summary only" is the part that does what sumy does
(clean, split, summarise), for a like-for-like figure; "quotes only" is cleaning and finding the quotes,
to show where the rest of the time goes.

Two baselines, both sumy's LexRankSummarizer built once with sumy's PlaintextParser, stemmer and stop words:
- "sumy LexRank (plain)": sumy as shipped, but for the one thing pip does not install, NLTK's punkt model
  (sumy's `Tokenizer("english")` cannot be built without it, and these machines cannot download it).
  So sentences come from our offline splitter, and words exactly as sumy's `Tokenizer.to_words` makes
  them: NLTK's word tokenizer (what `nltk.word_tokenize` runs on each sentence punkt gives it) and
  sumy's own word filter. This is the baseline the 10x target is about.
- "sumy LexRank (our tokenizer)": the same with our offline tokenizer for words too (`digest.text`), a
  stricter baseline: it already has one of our speed-ups, a regex word tokenizer instead of NLTK's.
Throughput is articles per second of wall time, single-threaded (OPENBLAS_NUM_THREADS=1), median of five
rounds in which the methods take turns every 50 articles; a ratio is the median of the two methods' ratios
within each round (the whole path's are printed: how far one run's figure can be trusted). The first round
meets every word and name for the first time (stemming, name caches), as a new process does. The ratio by
length splits the articles into fifths by characters, each article timed by its median within those rounds
(sumy grows with the square of the sentences, we with the text). The growth curve times them on synthetic
articles made of real CNN sentences, 10 to 1000 sentences long.

`--languages`: the whole path on the multilingual dev sets (up to 300 articles each) and on as many CNN
articles, in turns within each of five rounds, each set read as many times as it takes to match the English
set's characters (a short set alone is too brief a timing); the cost of a character in each language as the
median over rounds of its time per character over English's in the same round (the target: within 3x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from nltk.tokenize import word_tokenize  # noqa: E402  (imported after the thread setting)
from sumy.nlp.tokenizers import Tokenizer  # noqa: E402

from digest.text import OfflineTokenizer  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "summaries" / "cnn-corpus.jsonl"


def load(limit: int | None) -> list[dict]:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return rows[:limit] if limit else rows


class StockTokenizer(Tokenizer):
    """sumy's `Tokenizer` for English as shipped, less the punkt model it loads in `__init__`."""

    def __init__(self):
        self._language = "english"
        self._sentence_tokenizer = _OurSentences()
        self._word_tokenizer = _NltkWords()


class _OurSentences:
    """Stands in for punkt: our offline splitter (`digest.text`)."""

    def __init__(self):
        self._splitter = OfflineTokenizer()

    def tokenize(self, paragraph: str) -> tuple[str, ...]:
        return self._splitter.to_sentences(paragraph)


class _NltkWords:
    """sumy's `DefaultWordTokenizer` is `nltk.word_tokenize(text)`: punkt splits the text into sentences,
    then NLTK's Treebank-style tokenizer splits each. sumy hands it one sentence at a time, so the punkt step
    is skipped here (`preserve_line=True`), which only flatters the baseline."""

    def tokenize(self, sentence: str) -> list[str]:
        return word_tokenize(sentence, preserve_line=True)


def methods():
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from digest.analyse import analyse_text
    from digest.extract import clean_text
    from digest.quotes import extract_quotes
    from digest.summarise import get_summariser

    tokenizer = OfflineTokenizer()
    stock = StockTokenizer()
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")

    def sumy_lexrank(text: str) -> list[str]:
        return [str(s) for s in lexrank(PlaintextParser.from_string(text, stock).document, 3)]

    def sumy_lexrank_our_tokenizer(text: str) -> list[str]:
        return [str(s) for s in lexrank(PlaintextParser.from_string(text, tokenizer).document, 3)]

    def ours(text: str) -> list[str]:
        return analyse_text(text, "", 3).sentences

    summariser = get_summariser()

    def ours_summary_only(text: str) -> list[str]:
        return [s.text for s in summariser.summarise(clean_text(text), 3)]

    def ours_quotes_only(text: str) -> list:
        return extract_quotes(clean_text(text))

    return {"sumy LexRank (plain)": sumy_lexrank, "sumy LexRank (our tokenizer)": sumy_lexrank_our_tokenizer,
            "briefbot analyse_text": ours,
            "briefbot summary only": ours_summary_only, "briefbot quotes only": ours_quotes_only}


CHUNK = 50  # articles each method runs before the next takes its turn


def throughputs(fns: dict, texts: list[str],
                rounds: int = 5) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Articles per second of each method in each of `rounds`, and each article's seconds (its median
    over the rounds). Within a round the methods take turns every `CHUNK` articles (in an order that rotates),
    so a slow spell of this shared machine, which can last minutes and cost a fifth of its speed, hits
    all of them alike: their ratios hold even when the rates drift."""
    rates: dict[str, list[float]] = {name: [] for name in fns}
    per_article: dict[str, list[list[float]]] = {name: [[] for _ in texts] for name in fns}
    names = list(fns)
    clock = time.perf_counter
    for _ in range(rounds):
        spent = dict.fromkeys(names, 0.0)
        for turn, first in enumerate(range(0, len(texts), CHUNK)):
            chunk = texts[first:first + CHUNK]
            for name in names[turn % len(names):] + names[:turn % len(names)]:
                fn, seconds = fns[name], per_article[name]
                started = clock()
                for index, text in enumerate(chunk, first):
                    before = clock()
                    fn(text)
                    seconds[index].append(clock() - before)
                spent[name] += clock() - started
        for name in names:
            rates[name].append(len(texts) / spent[name])
    return rates, {name: list(map(statistics.median, seconds)) for name, seconds in per_article.items()}


def paired_ratio(rates: list[float], baseline: list[float]) -> float:
    """The median over rounds of one method's rate over another's in the same round. They ran in turns
    within the round, so a slow spell of the machine slowed both: the ratio of their medians, taken from
    different rounds, would mix spells."""
    return statistics.median(r / b for r, b in zip(rates, baseline, strict=True))


def length_groups(timed: list[tuple[int, float, float]], groups: int = 5) -> list[dict]:
    """(characters, sumy's seconds, ours) per article -> per group of equal size by length: the range of
    lengths, each side's mean milliseconds and the ratio of their totals."""
    timed = sorted(timed)
    out = []
    for k in range(groups):
        part = timed[k * len(timed) // groups:(k + 1) * len(timed) // groups]
        if not part:
            continue
        sumy_total, ours_total = sum(t[1] for t in part), sum(t[2] for t in part)
        out.append({"chars": (part[0][0], part[-1][0]), "sumy_ms": 1000 * sumy_total / len(part),
                    "ours_ms": 1000 * ours_total / len(part), "ratio": sumy_total / ours_total})
    return out


def growth(fns: dict, articles: list[dict]) -> None:
    pool = [s for a in articles for s in a["article_sents"]]
    print(f"\n{'sentences':>9} " + " ".join(f"{name:>28}" for name in fns) + "   (ms per article)")
    for n in (10, 30, 100, 300, 1000):
        paragraphs = [" ".join(pool[i:i + 3]) for i in range(0, n, 3)]
        text = "\n".join(paragraphs)
        cells = []
        for fn in fns.values():
            runs = []
            for _ in range(3 if n < 1000 else 1):
                started = time.perf_counter()
                fn(text)
                runs.append(1000 * (time.perf_counter() - started))
            cells.append(f"{statistics.median(runs):>28.1f}")
        print(f"{n:>9} " + " ".join(cells))


def _cut_like(texts: list[str], lengths: list[int]) -> list[str]:
    """English texts as long as the given ones: each cut at the last sentence end before that length."""
    out = []
    for text, length in zip(texts, lengths, strict=True):
        cut = text.rfind(". ", 0, length)
        out.append(text[:cut + 1] if cut > 0 else text[:length])
    return out


def by_language(rounds: int = 5, per_set: int = 300) -> None:
    from bench.languages import MULTILINGUAL, rows
    from digest.analyse import analyse_text

    english = [a["article"] for a in load(2000)]
    sets = {"en": english[:per_set]}
    for path in sorted(MULTILINGUAL.glob("*.jsonl")):
        code = path.name.split("-")[0]
        sets[code] = [r["text"] for r in rows(path.name)][:per_set]
    # English of the same lengths: a short text pays the per-article costs over fewer characters
    matched = {code: _cut_like(english[-len(texts):], list(map(len, texts))) for code, texts in sets.items()
               if code != "en"}
    runs = {**sets, **{f"en~{code}": texts for code, texts in matched.items()}}
    for texts in runs.values():  # warm up: every language's tables and caches
        for text in texts:
            analyse_text(text, None, 3)
    # each set passed over as often as it takes to read about as many characters as the English set in a
    # round: 300 Chinese posts are 40 ms of work, too short a timing on a noisy machine to compare
    english_chars = sum(map(len, sets["en"]))
    passes = {name: max(1, round(english_chars / sum(map(len, texts)))) for name, texts in runs.items()}
    costs: dict[str, list[float]] = {name: [] for name in runs}
    for turn in range(rounds):
        for name in (list(runs) if turn % 2 == 0 else list(reversed(runs))):
            texts = runs[name]
            began = time.perf_counter()
            for _ in range(passes[name]):
                for text in texts:
                    analyse_text(text, None, 3)
            costs[name].append((time.perf_counter() - began) / (passes[name] * sum(map(len, texts))))
    print(f"Cost of a character by language (whole path, median of {rounds} rounds; ratios to English in each "
          "round: its 300 CNN articles, and CNN articles cut to the same lengths)")
    for code in sets:
        spent = costs[code]
        ratio = statistics.median(c / e for c, e in zip(spent, costs["en"], strict=True))
        same = statistics.median(c / e for c, e in zip(spent, costs[f"en~{code}"], strict=True)) if code != "en" else 1.0
        chars = statistics.mean(map(len, sets[code]))
        print(f"  {code}  {len(sets[code]):>4} articles  {chars:>6.0f} chars  {1e9 * statistics.median(spent):7.0f} ns/char"
              f"  {ratio:5.2f}x English  {same:5.2f}x English of the same lengths")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all 2000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-growth", action="store_true", help="skip the time against sentence count")
    parser.add_argument("--no-by-length", action="store_true", help="do not print the ratio by article length")
    parser.add_argument("--languages", action="store_true", help="only the cost of a character in each language")
    args = parser.parse_args()
    if args.languages:
        by_language(args.rounds)
        return
    articles = load(args.limit)
    texts = [a["article"] for a in articles]
    fns = methods()
    for fn in fns.values():  # warm up: caches and imports are not what we measure
        for text in texts[:20]:
            fn(text)
    by_round, per_article = throughputs(fns, texts, args.rounds)
    plain, strict = by_round["sumy LexRank (plain)"], by_round["sumy LexRank (our tokenizer)"]
    print(f"{len(texts)} CNN articles, one core, median of {args.rounds} interleaved rounds")
    for name, rates in by_round.items():
        print(f"  {name:<28} {statistics.median(rates):8.1f} articles/s   ({paired_ratio(rates, plain):.1f}x plain "
              f"sumy LexRank, {paired_ratio(rates, strict):.1f}x with our tokenizer)")
    whole = by_round["briefbot analyse_text"]
    print("  whole path / plain sumy in each round: " + ", ".join(f"{o / p:.2f}x" for o, p in zip(whole, plain, strict=True))
          + f"; ratio of the median rates {statistics.median(whole) / statistics.median(plain):.2f}x")
    if not args.no_by_length:
        print("\nBy article length (fifths of the articles, timed within the rounds above)")
        print(f"{'characters':>15} {'plain sumy ms':>14} {'whole path ms':>14} {'ratio':>6}")
        timed = zip(map(len, texts), per_article["sumy LexRank (plain)"], per_article["briefbot analyse_text"], strict=True)
        for group in length_groups(list(timed)):
            low, high = group["chars"]
            print(f"{low:>7}-{high:<7} {group['sumy_ms']:>14.2f} {group['ours_ms']:>14.3f} {group['ratio']:>5.1f}x")
    if not args.no_growth:
        growth(fns, articles)


if __name__ == "__main__":
    main()
