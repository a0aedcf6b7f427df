"""Quote precision / recall / F1 and speaker accuracy against the hand-labelled gold set.

Matching: a predicted quote matches a gold quote (one-to-one, greedy in text order)
when their word-token F1 is at least 0.5 after curly marks are straightened; the
strict figure requires the normalised texts to be equal. Speaker accuracy is over
matched pairs; speakers compare case-insensitively (null == null).

    python -m bench.quotes_eval [--show-errors]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from digest.quotes import extract_quotes

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
GOLD = CORPORA / "quotes" / "dev-quotes.jsonl"
CNN = CORPORA / "summaries" / "cnn-corpus.jsonl"
_TOKEN = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.replace("’", "'").lower()))


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(_norm(a).split()), Counter(_norm(b).split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def load(gold_path: Path = GOLD, cnn_path: Path = CNN) -> list[tuple[str, list[dict]]]:
    gold = [json.loads(line) for line in gold_path.open()]
    wanted = {g["id"] for g in gold}
    articles = {}
    for line in cnn_path.open():
        row = json.loads(line)
        if row["id"] in wanted:
            articles.setdefault(row["id"], row["article"])
    return [(articles[g["id"]], g["quotes"]) for g in gold]


def evaluate(data, show_errors: bool = False) -> dict:
    tp = strict = n_pred = n_gold = speaker_ok = 0
    for text, gold in data:
        pred = [q.as_dict() for q in extract_quotes(text)]
        n_pred += len(pred)
        n_gold += len(gold)
        used = set()
        for p in pred:
            best, best_f = None, 0.5
            for gi, g in enumerate(gold):
                if gi in used:
                    continue
                f = token_f1(p["quote"], g["quote"])
                if f >= best_f:
                    best, best_f = gi, f
            if best is None:
                if show_errors:
                    print("FP  ", p["speaker"], "|", p["quote"][:100])
                continue
            used.add(best)
            g = gold[best]
            tp += 1
            strict += _norm(p["quote"]) == _norm(g["quote"])
            same = (p["speaker"] or "").lower() == (g["speaker"] or "").lower()
            speaker_ok += same
            if show_errors and not same:
                print("SPK ", p["speaker"], "!=", g["speaker"], "|", p["quote"][:80])
        if show_errors:
            for gi, g in enumerate(gold):
                if gi not in used:
                    print("FN  ", g["kind"], g["speaker"], "|", g["quote"][:100])
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {
        "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": precision, "recall": recall, "f1": f1,
        "exact_text": strict / tp if tp else 0.0,
        "speaker_accuracy": speaker_ok / tp if tp else 0.0,
    }


def main() -> None:
    result = evaluate(load(), show_errors="--show-errors" in sys.argv)
    print(f"quotes: {result['matched']}/{result['gold']} gold matched, {result['predicted']} predicted")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
          f"exact text {result['exact_text']:.3f}  speaker accuracy {result['speaker_accuracy']:.3f}")


if __name__ == "__main__":
    main()
