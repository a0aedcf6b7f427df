"""Quote precision / recall / F1, speaker accuracy and the key quote's speaker, on every English dev set.

The sets (`../shared/corpora/quotes/README.md`): `dev` (40 CNN articles, the set the rules were written
on), `outlets` (32 articles from 29 outlets) and `polnear` (924 US political articles, PolNeAR's
annotators). The scoring is the one that README gives for the project's figures:

- a found quote matches a gold one when their word-token F1 is at least 0.6, against the gold quote or
  one of its parts (so the two halves of a quote split by "he said" both match it);
- precision is over found quotes, less those that match only one of PolNeAR's `ignore` fragments
  (partial and scare quotes it does not mark as direct); recall is over gold quotes;
- speaker accuracy is over matched gold quotes whose speaker is not a pronoun (PolNeAR leaves those
  unresolved), each with the found quote that matches it best; two speakers agree when they share a
  word, and no speaker agrees only with none.

The key quote is scored as a briefing shows it: for each article with a key quote, whether it shows a
speaker, and whether that speaker is wrong (the quote matches a gold quote of another speaker, or one
with none). A key quote that matches no gold quote is counted apart.

    python -m bench.quotes_eval                      # every set
    python -m bench.quotes_eval --set outlets --show-errors
    python -m bench.quotes_eval --uk                 # and each set as UK copy in one paragraph

`--uk` rewrites every set as UK copy with no paragraph breaks (single marks, double ones nested, as the
CNN/Daily Mail texts come): the kind of text the rules were weakest on, measured on all three sets'
gold, not on a fourth set to tune on. (The gold's merges assume paragraphs: the parts still match.)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
QUOTES = CORPORA / "quotes"
CNN = CORPORA / "summaries" / "cnn-corpus.jsonl"
SETS = {"dev": QUOTES / "dev-quotes.jsonl", "outlets": QUOTES / "outlets-quotes.jsonl",
        "polnear": QUOTES / "polnear-dev.jsonl"}
MATCH_F1 = 0.6
_TOKEN = re.compile(r"\w+")


@dataclass
class Article:
    id: str
    text: str
    gold: list[dict]
    ignore: list[str] = field(default_factory=list)


def _norm(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\u2019", "'").lower())


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(_norm(a)), Counter(_norm(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _best_f1(found: str, gold: dict) -> float:
    return max(token_f1(found, piece) for piece in [gold["quote"], *gold.get("parts", [])])


def same_speaker(found: str | None, gold: str | None) -> bool:
    if not found or not gold:
        return not found and not gold
    return bool(set(_norm(found)) & set(_norm(gold)))


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load(name: str = "dev", uk: bool = False) -> list[Article]:
    """The articles of set `name`; with `uk`, each rewritten as UK one-paragraph copy (`as_uk_one_paragraph`)."""
    articles = _load(name)
    if uk:
        for article in articles:
            article.text = as_uk_one_paragraph(article.text)
    return articles


def _load(name: str) -> list[Article]:
    rows = list(_lines(SETS[name]))
    if name == "dev":  # the CNN set names its articles; their text is in the summaries corpus
        wanted = {r["id"] for r in rows}
        texts: dict[str, str] = {}
        for row in _lines(CNN):
            if row["id"] in wanted:
                texts.setdefault(row["id"], row["article"])
        return [Article(r["id"], texts[r["id"]], r["quotes"]) for r in rows]
    return [Article(r["id"], r["text"], r["quotes"], r.get("ignore", [])) for r in rows]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    ignored: int = 0
    matched_found: int = 0  # found quotes that match a gold quote
    matched: int = 0  # gold quotes matched by a found one
    speakers_scored: int = 0
    speakers_right: int = 0
    articles: int = 0
    key_shown: int = 0
    key_with_speaker: int = 0
    key_wrong_speaker: int = 0
    key_unmatched: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_found / (self.found - self.ignored) if self.found > self.ignored else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_scored if self.speakers_scored else 0.0

    @property
    def key_wrong_share(self) -> float:
        """Of the key quotes shown with a speaker, the share whose speaker is wrong."""
        return self.key_wrong_speaker / self.key_with_speaker if self.key_with_speaker else 0.0


def best_gold(quote: dict, gold: list[dict]) -> tuple[int | None, float]:
    """The gold quote `quote` matches best, and how well (None: it matches none). Among gold quotes it
    matches equally well, the one whose speaker agrees with the found one's: a set may annotate the same
    words twice, once with each of two speakers (German Wikinews gives a quote's person and the medium
    quoting them, "Der Spiegel zitiert den Prediger mit den Worten „…“"), and either is the gold's
    attribution; else the last, as before."""
    best, best_f = None, MATCH_F1
    for index, item in enumerate(gold):
        f = _best_f1(quote["quote"], item)
        if f > best_f or f == best_f and (
                best is None or not same_speaker(quote.get("speaker"), gold[best]["speaker"])):
            best, best_f = index, f
    return best, best_f


def score_article(article: Article, found: list[dict], key: dict | None, score: Score, show_errors: bool) -> None:
    score.articles += 1
    score.gold += len(article.gold)
    score.found += len(found)
    best_found: dict[int, tuple[float, dict]] = {}  # gold index -> the found quote matching it best
    for quote in found:
        index, f = best_gold(quote, article.gold)
        if index is None:
            if any(token_f1(quote["quote"], fragment) >= MATCH_F1 for fragment in article.ignore):
                score.ignored += 1
            elif show_errors:
                score.errors.append(f"FP   {quote['speaker']} | {quote['quote'][:100]}")
            continue
        score.matched_found += 1
        if index not in best_found or f > best_found[index][0]:
            best_found[index] = (f, quote)
    for index, gold in enumerate(article.gold):
        if index not in best_found:
            if show_errors:
                score.errors.append(f"FN   {gold.get('kind', '')} {gold['speaker']} | {gold['quote'][:100]}")
            continue
        score.matched += 1
        quote = best_found[index][1]
        if gold.get("speaker_is_pronoun"):
            continue
        score.speakers_scored += 1
        if same_speaker(quote["speaker"], gold["speaker"]):
            score.speakers_right += 1
        elif show_errors:
            score.errors.append(f"SPK  {quote['speaker']} != {gold['speaker']} | {quote['quote'][:80]}")
    if key is not None:
        score.key_shown += 1
        index, _ = best_gold(key, article.gold)
        if key.get("speaker"):
            score.key_with_speaker += 1
        if index is None:
            score.key_unmatched += 1
        elif key.get("speaker") and not article.gold[index].get("speaker_is_pronoun") and \
                not same_speaker(key["speaker"], article.gold[index]["speaker"]):
            score.key_wrong_speaker += 1
            if show_errors:
                score.errors.append(f"KEY  {key['speaker']} != {article.gold[index]['speaker']} | {key['quote'][:80]}")


_UK_MARKS = {'"': "'", "“": "‘", "”": "’", "‘": "“"}


def as_uk_one_paragraph(text: str) -> str:
    """The same article as UK copy in one paragraph (how CNN/Daily Mail text reaches us): single marks
    for quotes and double ones nested in them, every paragraph run into one. A closing curly single mark
    between two letters is an apostrophe and stays."""
    out = []
    for i, ch in enumerate(text):
        if ch == "’":
            apostrophe = text[i - 1:i].isalpha() and text[i + 1:i + 2].isalpha()
            out.append("’" if apostrophe else "”")
        else:
            out.append(_UK_MARKS.get(ch, ch))
    return re.sub(r"\s*\n\s*", " ", "".join(out))


def evaluate(articles: Iterable[Article], show_errors: bool = False) -> Score:
    """The quotes and key quote of each article as the product makes them (`analyse_text` on its text)."""
    from digest.analyse import analyse_text

    score = Score()
    for article in articles:
        analysis = analyse_text(article.text, None, 3)  # as `briefbot summarize` reads a text: cleaned first
        found = [{"quote": q["quote"], "speaker": q["speaker"]} for q in analysis.quotes]
        key = dict(analysis.key_quote) if analysis.key_quote else None
        score_article(article, found, key, score, show_errors)
    return score


def report(name: str, score: Score) -> str:
    return (f"{name:<10} {score.articles:>4} articles {score.gold:>5} quotes  P {score.precision:.3f}  "
            f"R {score.recall:.3f}  F1 {score.f1:.3f}  speaker {score.speaker_accuracy:.3f} "
            f"({score.speakers_right}/{score.speakers_scored})  key quote shown in "
            f"{score.key_shown / score.articles:.0%}, with a speaker {score.key_with_speaker}, "
            f"wrong speaker {score.key_wrong_share:.1%} ({score.key_wrong_speaker})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=list(SETS), action="append", help="a set (default: all)")
    parser.add_argument("--show-errors", action="store_true", help="every miss, false hit and wrong speaker")
    parser.add_argument("--uk", action="store_true",
                        help="also score each set rewritten as UK one-paragraph copy (as_uk_one_paragraph)")
    args = parser.parse_args()
    for name in args.set or list(SETS):
        for uk in [False, True] if args.uk else [False]:
            label = f"{name}-uk" if uk else name
            score = evaluate(load(name, uk), show_errors=args.show_errors)
            for line in score.errors:
                print(f"[{label}] {line}")
            print(report(label, score))


if __name__ == "__main__":
    main()
