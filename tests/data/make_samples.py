"""How tests/data/ was made from ../shared/corpora (run once; the files it writes are committed).

    python tests/data/make_samples.py

Only inputs whose licence allows copying: ScrapingHub's article-extraction benchmark (MIT) for article
pages and texts, feedparser's unit-test feeds (BSD-style) for feeds.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parents[2] / "shared" / "corpora"
SCRAPINGHUB = CORPORA / "extraction" / "scrapinghub"
ARTICLES = 45  # the most any test asks for is 40
MAX_CHARS = 1800  # cut at a paragraph break: enough for a summary and a few quotes
PAGES = 3
FEEDS = {  # ../shared/corpora/feeds/... -> what it stands for
    "feedjira-old/spec/sample_feeds/JoelonSoftware.xml": "a real RSS 2.0 capture (MIT; content (c) its publisher)",
    "feedjira-new/spec/sample_feeds/google_alerts_atom.xml": "a real Atom capture (MIT; content (c) its publisher)",
    "feedparser/tests/encoding/http_text_xml_charset_2.xml": "windows-1252, said only by the HTTP header (BSD-style)",
}


def english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) > 200 and sum(w in ("the", "and", "of", "to", "said") for w in words) / len(words) > 0.08


def head(text: str) -> str:
    out = ""
    for paragraph in (p.strip() for p in text.split("\n") if p.strip()):
        if len(out) + len(paragraph) > MAX_CHARS and out:
            break
        out += paragraph + "\n"
    return out.strip()


def main() -> None:
    from digest.dedupe import group_stories
    from digest.extract import extract_article

    gold = json.loads((SCRAPINGHUB / "ground-truth.json").read_text())
    rows, pages = [], {}
    for page_id, record in sorted(gold.items()):
        body = record["articleBody"]
        if not english(body) or not 1500 <= len(body) <= 20000 or body.count("\n") < 4:
            continue
        html = gzip.decompress((SCRAPINGHUB / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        title = extract_article(html, record["url"]).title
        if not title:
            continue
        page = SCRAPINGHUB / "html" / f"{page_id}.html.gz"
        if len(pages) < PAGES and ('"' in body or "\u201c" in body) and page.stat().st_size < 25_000:
            pages[page_id] = record
            shutil.copyfile(page, HERE / "pages" / "html" / page.name)  # the benchmark's own layout
        rows.append({"id": page_id, "url": record["url"], "title": title, "article": head(body)})
    # one article per story (two outlets' reports of one story would be grouped into one briefing item)
    stories = group_stories([f"{r['title']}. {r['article']}" for r in rows])
    rows = [rows[group[0]] for group in stories][:ARTICLES]
    (HERE / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    (HERE / "pages" / "ground-truth.json").write_text(json.dumps(pages, ensure_ascii=False, indent=1))
    for name in FEEDS:
        shutil.copyfile(CORPORA / "feeds" / name, HERE / "feeds" / Path(name).name)


if __name__ == "__main__":
    (HERE / "pages" / "html").mkdir(parents=True, exist_ok=True)
    (HERE / "feeds").mkdir(exist_ok=True)
    main()
