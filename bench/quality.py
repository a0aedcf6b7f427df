"""Quality benchmarks, all in one run, all offline, all on ../shared/corpora.

    python -m bench.quality                 # everything (ROUGE on all 2000 articles takes a few minutes)
    python -m bench.quality --only rouge --limit 500
    python -m bench.quality --only quotes
    python -m bench.quality --only extraction
    python -m bench.quality --only languages   # the multilingual dev sets (bench/languages.py)

ROUGE: CNN corpus, 3 sentences, `rouge-score` F1 x100 with stemming, R-Lsum over
"\\n"-joined sentences against the "\\n"-joined human highlights; 95% intervals by
bootstrap over articles. Baselines: LEAD-3 (the corpus's own sentence split, as
published) and sumy's LexRank, TextRank, Luhn and LSA (our offline tokenizer,
sumy's stemmer and stop words).
Extraction: the ScrapingHub benchmark's metric (4-gram shingle P/R averaged over
pages, F1 of the averages), ours (trafilatura + fallback + chrome cleaning) vs
plain `trafilatura.extract`.
Quotes: every English dev set, scored as bench/quotes_eval.py says.
Languages: summaries (fr, pt, zh), sentence choice (ko, tr) and German quotes, beside LEAD, as
bench/languages.py scores them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
METRICS = ("rouge1", "rouge2", "rougeLsum")


def bootstrap(values: list[float], rounds: int = 1000, seed: int = 7) -> tuple[float, float]:
    rng = random.Random(seed)
    n = len(values)
    means = sorted(sum(values[rng.randrange(n)] for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def load_cnn(limit: int | None) -> list[dict]:
    with (CORPORA / "summaries" / "cnn-corpus.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return rows[:limit] if limit else rows


def summarisers() -> dict:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    from digest.extract import clean_text
    from digest.summarise import get_summariser
    from digest.text import OfflineTokenizer

    tokenizer, stemmer, stop = OfflineTokenizer(), Stemmer("english"), get_stop_words("english")

    def sumy_method(cls):
        summarizer = cls(stemmer)
        summarizer.stop_words = stop

        def run(article: dict) -> list[str]:
            document = PlaintextParser.from_string(article["article"], tokenizer).document
            return [str(s) for s in summarizer(document, 3)]
        return run

    ours = get_summariser()
    return {
        # the product's path: the article text is cleaned (datelines, captions) before summarising
        "briefbot": lambda a: [s.text for s in ours.summarise(clean_text(a["article"]), 3)],
        "LEAD-3": lambda a: a["article_sents"][:3],
        "sumy LexRank": sumy_method(LexRankSummarizer),
        "sumy TextRank": sumy_method(TextRankSummarizer),
        "sumy Luhn": sumy_method(LuhnSummarizer),
        "sumy LSA": sumy_method(LsaSummarizer),
    }


def rouge(limit: int | None, methods: list[str] | None = None) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    articles = load_cnn(limit)
    print(f"ROUGE on {len(articles)} CNN articles (3 sentences, F1 x100, 95% bootstrap CI)")
    print(f"{'method':<15} {'R-1':>21} {'R-2':>21} {'R-Lsum':>21} {'ms/article':>11}")
    for name, fn in summarisers().items():
        if methods and name not in methods:
            continue
        scores = {m: [] for m in METRICS}
        elapsed = 0.0
        for article in articles:
            started = time.perf_counter()
            summary = "\n".join(fn(article))
            elapsed += time.perf_counter() - started
            result = scorer.score("\n".join(article["reference_sents"]), summary)
            for m in METRICS:
                scores[m].append(100 * result[m].fmeasure)
        elapsed = 1000 * elapsed / len(articles)
        cells = []
        for m in METRICS:
            low, high = bootstrap(scores[m])
            cells.append(f"{statistics.fmean(scores[m]):6.2f} [{low:5.2f},{high:6.2f}]")
        print(f"{name:<15} {cells[0]:>21} {cells[1]:>21} {cells[2]:>21} {elapsed:>11.1f}")


def _shingles(text: str, n: int = 4) -> set:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def _page_scores(pred: str, gold: str) -> tuple[float, float]:
    p_set, g_set = _shingles(pred), _shingles(gold)
    if not p_set and not g_set:
        return 1.0, 1.0
    common = len(p_set & g_set)
    return (common / len(p_set) if p_set else 0.0), (common / len(g_set) if g_set else 0.0)


def extraction() -> None:
    import trafilatura

    from digest.extract import extract_article

    root = CORPORA / "extraction" / "scrapinghub"
    gold = json.loads((root / "ground-truth.json").read_text())
    methods = {
        "briefbot extract_article": lambda html, url: extract_article(html, url).text,
        "plain trafilatura.extract": lambda html, url: trafilatura.extract(html, url=url) or "",
    }
    print(f"Extraction on {len(gold)} ScrapingHub pages (4-gram shingles; F1 of mean P and mean R)")
    for name, fn in methods.items():
        precision, recall, times = [], [], []
        for page_id, record in gold.items():
            html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
            started = time.perf_counter()
            text = fn(html, record["url"])
            times.append(1000 * (time.perf_counter() - started))
            p, r = _page_scores(text, record["articleBody"])
            precision.append(p)
            recall.append(r)
        p, r = statistics.fmean(precision), statistics.fmean(recall)
        print(f"  {name:<27} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}  "
              f"median {statistics.median(times):.0f} ms/page")


def quotes() -> None:
    from bench.quotes_eval import SETS, evaluate, load, report

    print("Quotes on the three English dev sets, as written and as UK one-paragraph copy (token F1 >= 0.6; "
          "speakers agree when they share a word)")
    for name in SETS:
        for uk in (False, True):
            print("  " + report(f"{name}-uk" if uk else name, evaluate(load(name, uk))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["rouge", "extraction", "quotes", "languages"], action="append")
    parser.add_argument("--limit", type=int, default=None, help="CNN articles for ROUGE (default: all 2000)")
    parser.add_argument("--methods", nargs="*", help="ROUGE methods to run (default: all)")
    args = parser.parse_args()
    only = set(args.only or ["rouge", "extraction", "quotes", "languages"])
    if "quotes" in only:
        quotes()
    if "languages" in only:
        from bench.languages import run

        print("Other languages, on the dev parts of ../shared/corpora/multilingual (beside LEAD)")
        run()
    if "extraction" in only:
        extraction()
    if "rouge" in only:
        rouge(args.limit, args.methods)


if __name__ == "__main__":
    main()
