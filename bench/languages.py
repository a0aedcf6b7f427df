"""Summaries and quotes in other languages, on the dev parts of `../shared/corpora/multilingual/`.

Scored as that corpus's README says, beside LEAD-N in the same run:

- summaries (fr, pt, zh): the product's path (`analyse_text`, N = 2 fr, 3 pt, 1 zh sentences) against
  `reference`; ROUGE-1/2/L F1 x100 with `rouge-score`, no stemmer, a tokenizer that lower-cases and takes
  Unicode words (single characters for zh);
- sentence choice (ko, tr): F1 between the sentences chosen and the gold extract (ko: `summary_idx`,
  N = its size; tr: the 3 most relevant sentences), sentences compared on their word characters only;
  LEAD-N is the first N sentences of the corpus's own split;
- quotes (de): direct quotations only, scored by bench/quotes_eval.py's matcher (token F1 >= 0.6,
  speakers agree when they share a word).

    python -m bench.languages
    python -m bench.languages --only de --show-errors
    python -m bench.languages --only de --by-reading   # speaker accuracy by how each speaker was read
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MULTILINGUAL = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilingual"
SUMMARY_SETS = {"fr": ("fr-orangesum.dev.jsonl", 2), "pt": ("pt-temario.dev.jsonl", 3), "zh": ("zh-lcsts.dev.jsonl", 1)}
CHOICE_SETS = {"ko": "ko-scinews.dev.jsonl", "tr": "tr-sadedegel.dev.jsonl"}
QUOTE_SETS = {"de": "de-wikinews-quotes.dev.jsonl"}
LANGUAGES = (*SUMMARY_SETS, *CHOICE_SETS, *QUOTE_SETS)


def rows(name: str) -> Iterator[dict]:
    with (MULTILINGUAL / name).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


class _Tokenizer:
    """rouge-score's tokenizer interface: lower-cased Unicode words, or single word characters."""

    def __init__(self, characters: bool):
        self._pattern = re.compile(r"\w" if characters else r"\w+")

    def tokenize(self, text: str) -> list[str]:
        return self._pattern.findall(text.lower())


def _analysed(row: dict, sentences: int) -> list[str]:
    from digest.analyse import analyse_text

    return analyse_text(row["text"], row.get("title"), sentences).sentences


def _lead(row: dict, sentences: int) -> list[str]:
    """The first sentences, as the product splits the text (the article's language identified as it is)."""
    from digest.extract import clean_text
    from digest.language import identify
    from digest.languages import supported
    from digest.text import split_sentences

    body = clean_text(row["text"])
    return [s.text for s in split_sentences(body, supported(identify(body)))[:sentences]]


def summary_scores(lang: str) -> dict[str, list[tuple[float, float, float]]]:
    """{method: each text's (R-1, R-2, R-L) x100, in the set's order} on one summary set."""
    from rouge_score import rouge_scorer

    name, n = SUMMARY_SETS[lang]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False,
                                      tokenizer=_Tokenizer(characters=lang == "zh"))
    results = {}
    for method, summarise in (("briefbot", _analysed), (f"LEAD-{n}", _lead)):
        scores: list[tuple[float, float, float]] = []
        for row in rows(name):
            got = scorer.score(row["reference"], "\n".join(summarise(row, n)))
            scores.append((100 * got["rouge1"].fmeasure, 100 * got["rouge2"].fmeasure, 100 * got["rougeL"].fmeasure))
        results[method] = scores
    return results


def _means(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return statistics.fmean(s[0] for s in scores), statistics.fmean(s[1] for s in scores), \
        statistics.fmean(s[2] for s in scores)


def paired_difference(ours: list[tuple[float, float, float]], lead: list[tuple[float, float, float]]) -> str:
    """Ours minus LEAD in R-1, text by text: the mean, its 95% bootstrap interval, texts better and worse (a
    set of a few hundred texts where the two differ in a handful: whether a gap is more than those few)."""
    from bench.quality import bootstrap

    differences = [a[0] - b[0] for a, b in zip(ours, lead, strict=True)]
    low, high = bootstrap(differences)
    better, worse = sum(d > 0 for d in differences), sum(d < 0 for d in differences)
    return (f"R-1 ours - LEAD {statistics.fmean(differences):+.2f} (95% bootstrap {low:+.2f} to {high:+.2f}; "
            f"{better} texts better, {worse} worse)")


_NOT_WORD = re.compile(r"\W+")


def _key(sentence: str) -> str:
    return _NOT_WORD.sub("", sentence).lower()


def _gold_extract(lang: str, row: dict) -> tuple[list[str], list[str]]:
    """(the corpus's sentences, the gold extract)."""
    if lang == "ko":
        sentences = row["sentences"]
        return sentences, [sentences[i] for i in row["summary_idx"]]
    sentences = [s["text"] for s in row["sentences"]]
    ranked = sorted(range(len(sentences)), key=lambda i: -row["sentences"][i]["relevance"])
    return sentences, [sentences[i] for i in sorted(ranked[:3])]


def _f1(chosen: list[str], gold: list[str]) -> float:
    found, wanted = {_key(s) for s in chosen}, {_key(s) for s in gold}
    common = len(found & wanted)
    return 2 * common / (len(found) + len(wanted)) if found and wanted else 0.0


def choices(lang: str) -> dict[str, float]:
    """{method: mean sentence F1} on one sentence-choice set."""
    ours, lead = [], []
    for row in rows(CHOICE_SETS[lang]):
        sentences, gold = _gold_extract(lang, row)
        ours.append(_f1(_analysed(row, len(gold)), gold))
        lead.append(_f1(sentences[:len(gold)], gold))
    return {"briefbot": statistics.fmean(ours), "LEAD": statistics.fmean(lead)}


def quote_articles(lang: str) -> list:
    """The set's articles with their direct quotes as bench/quotes_eval.py scores them. A gold speaker
    that is a personal pronoun ("er", "sie") is left out of speaker accuracy, as PolNeAR's are in the
    English sets: the gold does not say who it is, and a briefing names the person."""
    from bench.quotes_eval import Article
    from digest.quotes.speech import speech_of

    speech = speech_of(lang)
    pronouns = speech.pronouns if speech else frozenset()
    articles = []
    for row in rows(QUOTE_SETS[lang]):
        gold = []
        for q in row["quotes"]:
            if q["type"] != "Direct":
                continue
            speaker = (q.get("speaker") or {}).get("text") or None
            gold.append({"quote": q["quote"]["text"], "speaker": speaker,
                         "speaker_is_pronoun": bool(speaker) and speaker.lower() in pronouns})
        articles.append(Article(row["id"], row["text"], gold))
    return articles


def quotes(lang: str, show_errors: bool = False) -> str:
    from bench.quotes_eval import evaluate, report

    score = evaluate(quote_articles(lang), show_errors)
    return "\n".join([*(f"[{lang}] {line}" for line in score.errors), report(f"{lang} direct quotes", score)])


def speakers_by_reading(lang: str, articles: list | None = None) -> dict[str, tuple[int, int]]:
    """How each matched quote's speaker was read (`Quote.attributed_by`: "clause", "introduced", "carried"
    …) -> (right, wrong), pronoun gold left out as in the speaker accuracy: which readings to trust, and
    where the errors are. Counted per found quote on `quotes_in` of the cleaned text (the accuracy above
    pairs each gold quote with one found quote: the totals can differ by a quote or two)."""
    from bench.quotes_eval import best_gold, same_speaker
    from digest.extract import clean_text
    from digest.languages import LANGUAGES as READABLE
    from digest.quotes import quotes_in

    counts: dict[str, list[int]] = {}
    for article in quote_articles(lang) if articles is None else articles:
        for quote in quotes_in(clean_text(article.text), READABLE[lang]):
            index, _ = best_gold({"quote": quote.quote, "speaker": quote.speaker}, article.gold)
            if index is None or article.gold[index]["speaker_is_pronoun"]:
                continue
            right = same_speaker(quote.speaker, article.gold[index]["speaker"])
            counts.setdefault(quote.attributed_by, [0, 0])[0 if right else 1] += 1
    return {how: (right, wrong) for how, (right, wrong) in sorted(counts.items(), key=lambda item: -sum(item[1]))}


def run(only: list[str] | None = None, show_errors: bool = False, echo: Callable[[str], None] = print) -> None:
    for lang in only or LANGUAGES:
        if lang in SUMMARY_SETS:
            scores = summary_scores(lang)
            for method, per_text in scores.items():
                r1, r2, rl = _means(per_text)
                echo(f"  {lang} {SUMMARY_SETS[lang][0]:<24} {method:<9} R-1 {r1:5.2f}  R-2 {r2:5.2f}  R-L {rl:5.2f}")
            echo(f"  {lang} {'':<24} {'paired':<9} {paired_difference(*scores.values())}")
        elif lang in CHOICE_SETS:
            for method, f1 in choices(lang).items():
                echo(f"  {lang} {CHOICE_SETS[lang]:<24} {method:<9} sentence F1 {f1:.3f}")
        else:
            echo("  " + quotes(lang, show_errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=LANGUAGES, action="append")
    parser.add_argument("--show-errors", action="store_true", help="quotes: print each miss and wrong speaker")
    parser.add_argument("--by-reading", action="store_true", help="quotes: speaker accuracy by how it was read")
    args = parser.parse_args()
    run(args.only, args.show_errors)
    if args.by_reading:
        for lang in args.only or list(QUOTE_SETS):
            if lang in QUOTE_SETS:
                for how, (right, wrong) in speakers_by_reading(lang).items():
                    print(f"  [{lang}] {how:<12} right {right:4}  wrong {wrong:4}  {right / (right + wrong):.2f}")


if __name__ == "__main__":
    main()
