"""One article stored once, one story shown once.

Three keys catch the same article reached twice: the canonical URL (tracking
parameters, fragments and host case removed), the feed's GUID, and a fingerprint
of the article's words (catches re-publication under a new GUID and URL).
Different articles about the same story (several sources) are grouped by text
similarity of their headline and summary, never by title equality.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from digest.text import words

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|cmp"
    r"|icid|ncid|ref|ref_src|ref_url|referrer|source|src|spm|at_\w+|s_cid|sr_share|share|smid|smtyp|rss|feed"
    r"|outputtype|partner|taid|__twitter_impression|guccounter|guce_\w+)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """A stable key for an article URL: what identifies the page, not how we got there."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    # http and https versions of a page are the same article
    return urlunsplit(("https" if scheme in ("http", "https") else scheme, netloc, path,
                       urlencode(sorted(query)), ""))


def fingerprint(text: str) -> str | None:
    """Hash of the article's words (case, punctuation and spacing ignored); None for texts too short
    to identify an article (a one-line teaser would collide with others)."""
    return fingerprint_words(words(text.lower()))


def fingerprint_words(tokens: Iterable[str], min_words: int = 25) -> str | None:
    """`fingerprint` from the text's lower-cased `words`, for callers that have tokenised it already."""
    head = list(islice(tokens, 400))
    if len(head) < min_words:
        return None
    return hashlib.sha1(" ".join(head).encode("utf-8")).hexdigest()


_STOP = frozenset("""a an the and or but of to in on at for from by with as is are was were be been has have had
it its this that these those he she they we you i his her their our said says will would could should may might
not no after before over under about into than more most new also up out who what when where which while""".split())


@lru_cache(maxsize=8192)
def _terms(text: str) -> Counter[str]:
    """Content words of a text (memoised: the same stories are grouped again for every digest; callers
    must not modify the Counter)."""
    return Counter(w.lower() for w in words(text) if len(w) > 2 and w.lower() not in _STOP)


def group_stories(texts: list[str], threshold: float = 0.3) -> list[list[int]]:
    """Indices of `texts` grouped by story (TF-IDF cosine, single link), each group in input order.

    Give each text as headline plus summary: enough words to recognise a story,
    few enough that two stories from one beat do not blur together. The pairwise
    similarities are one matrix product over the terms that occur in more than one
    text (the only ones two texts can share); the rest only count in the norms.
    """
    n = len(texts)
    if n == 0:
        return []
    bags = [_terms(t) for t in texts]
    doc_freq = Counter(term for bag in bags for term in bag)
    shared = {term: i for i, term in enumerate(t for t, df in doc_freq.items() if df > 1)}
    weights = np.zeros((n, max(len(shared), 1)))
    norms = np.zeros(n)
    for row, bag in enumerate(bags):
        total = 0.0
        for term, count in bag.items():
            weight = count * math.log((1 + n) / (1 + doc_freq[term]) + 1)
            total += weight * weight
            col = shared.get(term)
            if col is not None:
                weights[row, col] = weight
        norms[row] = math.sqrt(total) or 1.0
    weights /= norms[:, None]
    similar = np.argwhere(np.triu(weights @ weights.T, k=1) >= threshold)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in similar:
        parent[find(int(j))] = find(int(i))
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
