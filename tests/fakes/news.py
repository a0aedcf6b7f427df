"""Feeds and pages built from real articles, for the fake host.

The articles are 45 real news stories from 29 outlets (`tests/data/articles.jsonl`, from the ScrapingHub
benchmark, MIT): the tests that use them run in any clone. `CORPORA` is where the larger shared sets are,
when they are there (`tests/conftest.py` skips what needs them otherwise)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache
from html import escape
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def sample_articles() -> list[dict]:
    """{"id", "url", "title", "article"} of each sample article, one story each."""
    with (DATA / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def article_page(title: str, text: str, *, chrome: bool = True) -> str:
    """An article page with navigation, a caption, a share bar and a footer around the story."""
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    nav = ('<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
           '<div class="skip">Go to Contents Go to Navigation</div>') if chrome else ""
    footer = ('<aside><h3>Most read</h3><ul><li><a href="/x">Another story</a></li></ul></aside>'
              '<footer><p>Send Feedback</p><p>Copyright 2024 Example News. All rights reserved.</p></footer>'
              ) if chrome else ""
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)} - Example News</title>
<meta property="og:title" content="{escape(title)}"></head><body>{nav}
<main><article><h1>{escape(title)}</h1><p class="byline">By Staff Reporter</p>
{paragraphs}
</article></main>{footer}</body></html>"""


def rss(title: str, items: list[dict], link: str = "http://127.0.0.1/") -> str:
    """RSS 2.0; each item: title, link, guid, description (HTML), optional content, pub (datetime)."""
    now = datetime.now(UTC)
    out = []
    for i, item in enumerate(items):
        pub = item.get("pub") or now - timedelta(minutes=10 * i)
        content = (f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
                   if item.get("content") else "")
        out.append(f"""<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>
<guid isPermaLink="false">{escape(item.get('guid', item['link']))}</guid>
<pubDate>{format_datetime(pub)}</pubDate>
<description>{escape(item.get('description', ''))}</description>{content}</item>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{escape(title)}</title><link>{escape(link)}</link><description>test feed</description>
{''.join(out)}</channel></rss>"""


def atom(title: str, items: list[dict]) -> str:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    entries = "".join(
        f"""<entry><title>{escape(i['title'])}</title><link rel="alternate" href="{escape(i['link'])}"/>
<id>{escape(i.get('guid', i['link']))}</id><updated>{now}</updated>
<content type="html">{escape(i.get('content') or i.get('description', ''))}</content></entry>"""
        for i in items)
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>{escape(title)}</title><id>urn:test:{escape(title)}</id><updated>{now}</updated>{entries}</feed>"""


def paragraphs_html(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
