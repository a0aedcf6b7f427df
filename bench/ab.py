"""Is a change faster? The whole per-article path of an older revision against the working tree, in one process.

    python -m bench.ab HEAD~3               # all 2000 CNN articles, three passes
    python -m bench.ab 42a7821 --limit 500
    python -m bench.ab HEAD --language zh   # a multilingual dev set's texts instead (bench.languages)

Runs on this machine drift by 10-15% from one minute to the next, more than most single changes are worth,
so two runs of `bench.speed` cannot tell them apart. Here both versions of `digest` are imported side by
side (the old one from `git archive` of the revision), both are warmed on every article, and then they
take turns on chunks of 50 articles, in alternating order. The figure is the median over chunks of
old time / new time: above 1 means the working tree is faster.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def _import_analyse_text(tree: Path):
    """`digest.analyse.analyse_text` as found under `tree`; modules imported before stay usable."""
    for name in [m for m in sys.modules if m == "digest" or m.startswith("digest.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        return importlib.import_module("digest.analyse").analyse_text
    finally:
        sys.path.remove(str(tree))


def _export(revision: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "digest"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")


def _texts(language: str | None, limit: int | None) -> list[str]:
    if language is None or language == "en":
        from bench.speed import load

        return [a["article"] for a in load(limit)]
    from bench.languages import MULTILINGUAL, rows

    paths = sorted(MULTILINGUAL.glob(f"{language}-*.jsonl"))
    if not paths:
        raise SystemExit(f"no dev set for {language!r} in {MULTILINGUAL}")
    return [row["text"] for row in rows(paths[0].name)][:limit]


def compare(old, new, texts: list[str], passes: int = 3, chunk: int = 50) -> list[float]:
    for fn in (old, new):
        for text in texts:
            fn(text, "", 3)
    ratios = []
    for turn in range(passes):
        for start in range(0, len(texts), chunk):
            part = texts[start:start + chunk]
            order = (old, new) if (start // chunk + turn) % 2 == 0 else (new, old)
            spent = {}
            for fn in order:
                began = time.perf_counter()
                for text in part:
                    fn(text, "", 3)
                spent[fn] = time.perf_counter() - began
            ratios.append(spent[old] / spent[new])
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision", help="the older revision (anything `git archive` takes)")
    parser.add_argument("--limit", type=int, default=None, help="articles (default: all 2000)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--language", help="the texts of this language's dev set in ../shared/corpora/multilingual/"
                        " (default: English, the CNN corpus)")
    args = parser.parse_args()
    texts = _texts(args.language, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        _export(args.revision, Path(tmp))
        old = _import_analyse_text(Path(tmp))
        new = _import_analyse_text(ROOT)
        ratios = compare(old, new, texts, args.passes)
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    print(f"{len(texts)} {args.language or 'en'} articles, {args.passes} passes, {len(ratios)} chunk pairs: "
          f"working tree vs {args.revision}")
    print(f"  speed-up median {median:.3f} (quartiles {q1:.3f} .. {q3:.3f})")


if __name__ == "__main__":
    main()
