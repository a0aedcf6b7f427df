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


def rss(title: str, items: list[dict], link: str = "http://127.0.0.1/", language: str | None = None) -> str:
    """RSS 2.0; each item: title, link, guid, description (HTML), optional content, pub (datetime);
    `language`: the channel's <language>."""
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
{f"<language>{escape(language)}</language>" if language else ""}{''.join(out)}</channel></rss>"""


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


# Short news stories in other languages, written for the tests (no corpus text): each has a lead, a few
# sentences and a quotation in the language's own marks.
FOREIGN_ARTICLES = {
    "de": ("Die Stadt Leipzig hat am 3. Oktober ein neues Straßenbahnnetz eröffnet. Die Bauarbeiten hatten "
           "fast vier Jahre gedauert und kosteten rund 400 Millionen Euro.\n"
           "„Wir haben lange auf diesen Tag gewartet“, sagte Bürgermeisterin Anna Keller bei der Eröffnung. "
           "Die neuen Linien verbinden drei Stadtteile mit dem Hauptbahnhof.\n"
           "Nach Angaben der Verkehrsbetriebe sollen täglich 60.000 Fahrgäste die Bahnen nutzen. Kritiker "
           "bemängeln die hohen Kosten und die langen Sperrungen während der Bauzeit."),
    "fr": ("La ville de Lyon a inauguré mardi une nouvelle ligne de métro reliant le centre aux quartiers "
           "de l'est. Les travaux ont duré cinq ans et coûté près de 900 millions d'euros.\n"
           "« C'est une journée historique pour notre agglomération », a déclaré le maire Paul Martin devant "
           "la presse. La ligne doit transporter 80 000 voyageurs par jour.\n"
           "Selon les syndicats, le recrutement des conducteurs a pris du retard. Les associations de "
           "riverains demandent davantage de pistes cyclables autour des nouvelles stations."),
    "ru": ("В понедельник в Казани открылась новая линия метро, которая соединила центр города с "
           "аэропортом. Строительство продолжалось шесть лет.\n"
           "«Это важный день для всех жителей республики», — заявил мэр города Иван Петров на церемонии "
           "открытия. По словам чиновников, линия будет перевозить до 50 тысяч пассажиров в сутки.\n"
           "Эксперты отмечают, что стоимость проезда пока не определена. Жители соседних районов "
           "надеются, что новые станции появятся и у них."),
    "zh": ("深圳市政府周二宣布，将在未来三年内新建二十所公立学校。这一计划预计投资一百二十亿元。"
           "市教育局局长表示：“我们希望每个孩子都能就近入学。”据统计，深圳去年新增常住人口超过五十万。"
           "专家认为，学位紧张的问题仍需长期解决。部分家长对新学校的师资表示担忧。"),
    "ko": ("서울시는 화요일 내년부터 시내버스 요금을 200원 인상한다고 밝혔다. 요금 인상은 8년 만이다. "
           "시 관계자는 “운송 적자가 더는 감당하기 어려운 수준”이라고 말했다. 시민단체는 인상 폭이 "
           "지나치다며 반발했다. 서울시는 저소득층을 위한 할인 제도를 확대할 계획이다."),
    "tr": ("İstanbul Büyükşehir Belediyesi, kentte yeni bir metro hattının salı günü hizmete girdiğini "
           "açıkladı. Hattın yapımı dört yıl sürdü.\n"
           "Belediye başkanı törende “Bu hat şehrin trafiğini rahatlatacak” dedi. Yetkililere göre hat günde "
           "yüz bin yolcu taşıyacak.\n"
           "Uzmanlar, bilet fiyatlarının henüz belli olmadığını belirtti. Bazı ilçe sakinleri ise hattın "
           "kendi mahallelerine de uzatılmasını istiyor."),
}
