"""Are the newsroom's outputs the same as before a change? The check behind every refactor.

Runs the whole per-article path on every corpus the figures come from and writes one
JSON line per article: the analysis of each of the 2000 CNN articles (summary,
quotes, key quote, fingerprint), the quotes of every article of the three English
quote gold sets (found directly, and through the whole path with its language
identification) and of the multilingual sets, and the extracted text of the 181
ScrapingHub pages. Save before, compare after:

    python -m bench.same_analyses --save /tmp/before.jsonl
    python -m bench.same_analyses --compare /tmp/before.jsonl    # exit 1 and the first differences

A digest of each set is printed either way, so two runs can also be compared by eye.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def outputs() -> Iterator[tuple[str, str, dict]]:
    """(set, id, output) for every article of every set."""
    from digest.analyse import analyse_text
    from digest.extract import extract_article
    from digest.quotes import extract_quotes

    for n, row in enumerate(_lines(CORPORA / "summaries" / "cnn-corpus.jsonl")):
        yield "cnn", f"{n}:{row['id']}", dataclasses.asdict(analyse_text(row["article"], row.get("title"), 3, cleaned=True))
    for name in ("outlets-quotes", "polnear-dev"):
        for n, row in enumerate(_lines(CORPORA / "quotes" / f"{name}.jsonl")):
            yield name, f"{n}:{row['id']}", {"quotes": [q.as_dict() for q in extract_quotes(row["text"])]}
            # the product's path too, as bench.quality scores it: the language identified first
            analysis = analyse_text(row["text"], None, 3)
            yield f"{name} (analysed)", f"{n}:{row['id']}", {
                "language": analysis.language, "quotes": analysis.quotes, "key_quote": analysis.key_quote}
    for path in sorted((CORPORA / "multilingual").glob("*.jsonl")):
        for n, row in enumerate(_lines(path)):
            text = row.get("text") or row.get("article") or ""
            yield path.stem, f"{n}:{row.get('id')}", dataclasses.asdict(analyse_text(text, None, 3, cleaned=True))
    root = CORPORA / "extraction" / "scrapinghub"
    for page_id, record in json.loads((root / "ground-truth.json").read_text()).items():
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        extracted = extract_article(html, record["url"])
        yield "scrapinghub", page_id, {"title": extracted.title, "text": extracted.text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs to this JSONL file")
    group.add_argument("--compare", type=Path, help="compare with outputs saved earlier")
    args = parser.parse_args()
    before = {}
    if args.compare:
        before = {(r["set"], r["id"]): r["output"] for r in _lines(args.compare)}
    digests: dict[str, hashlib._Hash] = {}
    counts: dict[str, int] = {}
    differences = []
    out = args.save.open("w", encoding="utf-8") if args.save else None
    for name, key, output in outputs():
        encoded = json.dumps(output, ensure_ascii=False, sort_keys=True)
        digests.setdefault(name, hashlib.sha256()).update(encoded.encode("utf-8"))
        counts[name] = counts.get(name, 0) + 1
        if out:
            out.write(json.dumps({"set": name, "id": key, "output": output}, ensure_ascii=False) + "\n")
        elif before.get((name, key)) != json.loads(encoded):
            differences.append((name, key))
    if out:
        out.close()
    for name, digest in digests.items():
        print(f"  {name:<28} {counts[name]:>5} articles  sha256 {digest.hexdigest()[:16]}")
    if args.compare:
        missing = len(before) - sum(counts.values())
        if differences or missing:
            by_set = Counter(name for name, _ in differences)
            print(f"DIFFERENT: {len(differences)} outputs differ, {max(missing, 0)} missing ("
                  + ", ".join(f"{name} {n}" for name, n in sorted(by_set.items())) + "); first: "
                  + ", ".join(f"{s}/{k}" for s, k in differences[:10]))
            sys.exit(1)
        print(f"identical: all {sum(counts.values())} outputs")


if __name__ == "__main__":
    main()
