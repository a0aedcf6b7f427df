"""End to end: feeds and pages served on 127.0.0.1, the real CLI, a real SQLite file."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from bot.__main__ import cli
from tests.fakes.news import article_page, atom, paragraphs_html, rss, sample_articles

QUAKE_A = ("A magnitude 7.1 earthquake struck off the coast of Chile on Tuesday, damaging buildings in the port "
           "city of Valparaiso and prompting a tsunami warning along the Pacific coast.\n"
           "\"The shaking lasted almost a minute and people ran into the streets,\" said Maria Soto, a shop owner "
           "in Valparaiso.\n"
           "Chile's emergency office said at least three people were injured and power was cut to thousands of "
           "homes in the region.\n"
           "The tsunami warning was lifted about two hours later, the navy said.")
QUAKE_B = ("Chile's coast was shaken by a powerful 7.1 magnitude earthquake on Tuesday, with damage reported "
           "in Valparaiso and a tsunami warning issued for the Pacific coast.\n"
           "Authorities said three people were hurt and thousands of homes in Valparaiso lost power after the "
           "earthquake.\n"
           "\"We are checking every school and hospital,\" Interior Minister Jorge Ruiz told reporters.\n"
           "The navy lifted the tsunami warning for the coast later on Tuesday.")


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


@pytest.fixture
def newsroom(site):
    arts = sample_articles()
    full, teaser, flaky = arts[1], arts[2], arts[4]
    site.add("/b.html", article_page(teaser["title"], teaser["article"]))
    site.add("/c.html", "temporarily broken", status=503)
    world_items = [
        {"title": full["title"], "link": site.url("/a.html"), "guid": "a",
         "description": "Short teaser.", "content": paragraphs_html(full["article"])},
        {"title": teaser["title"], "link": site.url("/b.html?utm_source=rss"), "guid": "b",
         "description": "A teaser of one sentence only."},
        {"title": flaky["title"], "link": site.url("/c.html"), "guid": "c",
         "description": "The page for this one is down at first."},
        {"title": "Quake hits Chile", "link": site.url("/quake-a.html"), "guid": "qa",
         "content": paragraphs_html(QUAKE_A)},
    ]
    site.add("/world.xml", rss("World News", world_items), content_type="application/rss+xml", etag='"w1"')
    other_items = [
        # the same article again, reached through a tracking link: stored once
        {"title": full["title"], "link": site.url("/a.html?utm_campaign=x#comments"), "guid": "urn:other-a",
         "content": paragraphs_html(full["article"])},
        # re-published under a new GUID and URL with the same text: stored once
        {"title": full["title"] + " (updated)", "link": site.url("/a-copy.html"), "guid": "urn:other-a2",
         "content": paragraphs_html(full["article"])},
        # the same story in other words: stored, grouped in the digest
        {"title": "Earthquake shakes Chilean coast", "link": site.url("/quake-b.html"), "guid": "urn:qb",
         "content": paragraphs_html(QUAKE_B)},
    ]
    site.add("/other.xml", atom("Other Wire", other_items), content_type="application/atom+xml")
    site.add("/home.html", '<html><head><link rel="alternate" type="application/rss+xml" href="/other.xml">'
                           '</head><body><p>Welcome</p></body></html>')
    page = arts[5]
    site.add("/story.html", article_page(page["title"], page["article"]))
    site.add("/broken.xml", b"\x00\x01 this is not xml <<<", content_type="application/rss+xml")
    site.add("/gone.xml", "gone", status=410)
    return site


def test_ingest_end_to_end(env, newsroom):
    site = newsroom
    out = run("sources", "add", site.url("/world.xml"))
    assert out.exit_code == 0 and "World News" in out.output and "4 entries" in out.output
    out = run("sources", "add", site.url("/home.html"), "--name", "Other")
    assert out.exit_code == 0 and "Other Wire" in out.output and site.url("/other.xml") in out.output
    out = run("sources", "add", site.url("/story.html"))
    assert out.exit_code == 0 and "article page" in out.output
    # these can be added (they answered once) but fail at ingest: make them fail now instead
    site.add("/later-broken.xml", rss("Soon broken", []), content_type="application/rss+xml")
    site.add("/later-gone.xml", rss("Soon gone", []), content_type="application/rss+xml")
    assert run("sources", "add", site.url("/later-broken.xml")).exit_code == 0
    assert run("sources", "add", site.url("/later-gone.xml")).exit_code == 0
    site.routes["/later-broken.xml"] = site.routes["/broken.xml"]
    site.routes["/later-gone.xml"] = site.routes["/gone.xml"]

    out = run("ingest")
    assert out.exit_code == 0, out.output
    assert "sources ok: 3, failed: 2" in out.output
    assert "new articles: 6" in out.output and "duplicates skipped: 2" in out.output
    assert "gone for good" in out.output

    db = sqlite3.connect(env / "test.db")
    db.row_factory = sqlite3.Row
    # sources are polled concurrently: whichever report of article A came first is the one stored
    same_as_a = {"urn:other-a": "a", "urn:other-a2": "a"}
    rows = {same_as_a.get(r["guid"], r["guid"] or r["url"]): r for r in db.execute("select * from articles")}
    assert set(rows) == {"a", "b", "c", "qa", "urn:qb", site.url("/story.html")}
    for row in rows.values():
        summary = json.loads(row["summary"])
        assert summary and all(s in row["text"] for s in summary)
        assert "Go to Contents" not in row["text"] and "Send Feedback" not in row["text"]
        assert "Most read" not in row["text"] and "All rights reserved" not in row["text"]
    assert rows["b"]["text_origin"] == "page"  # the teaser was replaced by the page's text
    assert rows["c"]["text_origin"] == "feed" and rows["c"]["page_pending"] == 1
    assert rows["b"]["canonical_url"] == f"https://127.0.0.1:{site.port}/b.html"
    quotes = json.loads(rows["qa"]["quotes"])
    assert {"quote": "The shaking lasted almost a minute and people ran into the streets,",
            "speaker": "Maria Soto", "kind": "full", "confident": True} in quotes
    assert json.loads(rows["qa"]["key_quote"])["speaker"] == "Maria Soto"
    sources = {r["url"]: r for r in db.execute("select * from sources")}
    assert sources[site.url("/later-gone.xml")]["disabled_reason"].startswith("the server says")
    assert sources[site.url("/later-broken.xml")]["error_count"] == 1
    assert sources[site.url("/world.xml")]["etag"] == '"w1"'

    # second pass: the feed answers 304, the broken page now works and is retried
    flaky = sample_articles()[4]
    site.add("/c.html", article_page(flaky["title"], flaky["article"]))
    out = run("ingest", "--all")
    assert out.exit_code == 0 and "new articles: 0" in out.output
    assert site.hits("/world.xml")[-1]["if-none-match"] == '"w1"'
    row = db.execute("select * from articles where guid = 'c'").fetchone()
    assert row["text_origin"] == "page" and row["page_pending"] == 0 and len(row["text"]) > 1000
    assert db.execute("select count(*) from articles").fetchone()[0] == 6

    # the digest a new subscriber would get: the quake once, naming the other source
    out = run("preview")
    assert out.exit_code == 0
    assert out.output.count("Quake hits Chile") + out.output.count("Earthquake shakes Chilean coast") == 1
    assert "also: " in out.output
    assert "\u201c" in out.output  # a key quote


def test_moved_feed_updates_its_url(env, site):
    site.add("/new.xml", rss("Moved", [{"title": "x", "link": site.url("/x"), "description": "y"}]),
             content_type="application/rss+xml")
    site.add("/old.xml", rss("Moved", []), content_type="application/rss+xml")
    assert run("sources", "add", site.url("/old.xml")).exit_code == 0
    site.add("/old.xml", status=301, headers={"Location": "/new.xml"})
    assert run("ingest").exit_code == 0
    assert site.url("/new.xml") in run("sources", "list").output


def test_repeated_failures_disable_a_source(env, site, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_MAX_ERRORS_BEFORE_DISABLE", "3")
    from digest.settings import get_settings
    get_settings.cache_clear()
    site.add("/f.xml", rss("F", []), content_type="application/rss+xml")
    assert run("sources", "add", site.url("/f.xml")).exit_code == 0
    site.add("/f.xml", "down", status=500)
    for _ in range(3):
        out = run("ingest", "--all")
    assert "(disabled)" in out.output
    listing = run("sources", "list").output
    assert "DISABLED: 3 failures in a row" in listing


def test_each_article_is_stored_with_its_language(env, site):
    from tests.fakes.news import FOREIGN_ARTICLES

    # a feed whose template says "en-us" over German and French stories: the text decides
    items = [{"title": f"Story {code}", "link": site.url(f"/{code}.html"), "guid": code,
              "content": paragraphs_html(FOREIGN_ARTICLES[code])} for code in ("de", "fr")]
    site.add("/mixed.xml", rss("Mixed", items, language="en-us"), content_type="application/rss+xml")
    # a Chinese page: one "word" between blanks, ~110 words as Chinese counts them
    chinese = f'<html lang="zh-CN"><body><article><p>{FOREIGN_ARTICLES["zh"]}</p></article></body></html>'
    site.add("/zh.html", chinese)
    assert run("sources", "add", site.url("/mixed.xml")).exit_code == 0
    out = run("sources", "add", site.url("/zh.html"))
    assert out.exit_code == 0, out.output
    assert run("ingest").exit_code == 0

    db = sqlite3.connect(env / "test.db")
    languages = {guid or "page": lang for guid, lang in db.execute("select guid, language from articles")}
    assert languages == {"de": "de", "fr": "fr", "page": "zh"}
    listing = run("sources", "list").output
    assert "languages: de, fr" in listing and "languages: zh" in listing
