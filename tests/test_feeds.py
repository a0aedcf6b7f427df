import json

import pytest

from digest.feeds import NotAFeed, discover_feeds, parse_feed
from tests.fakes.news import DATA, atom, rss


def test_every_corpus_feed_yields_entries_or_a_clear_error(corpora):
    """572 real and synthetic feeds: entries, or NotAFeed with a message; nothing else escapes."""
    manifest = json.loads((corpora / "feeds" / "MANIFEST.json").read_text())
    assert len(manifest) == 572
    parsed = refused = real = real_with_entries = 0
    for record in manifest:
        content = (corpora / "feeds" / record["local"]).read_bytes()
        headers = {}
        for key, value in (record.get("http_headers") or {}).items():
            headers[key] = value
        try:
            feed = parse_feed(content, url="http://127.0.0.1/feed", headers=headers)
        except NotAFeed as exc:
            assert str(exc)
            refused += 1
            continue
        parsed += 1
        if record.get("expect") == "feed" and record["kind"] != "synthetic-unit-test":
            real += 1
            real_with_entries += bool(feed.entries)
    assert parsed > 450
    assert refused < 100
    assert real_with_entries >= 0.95 * real  # a few real captures are legitimately empty


def test_json_feeds_are_read(corpora):
    files = [r for r in json.loads((corpora / "feeds" / "MANIFEST.json").read_text()) if r.get("expect", "").startswith("json_feed")]
    assert files
    for record in files:
        feed = parse_feed((corpora / "feeds" / record["local"]).read_bytes(), url="http://127.0.0.1/feed.json")
        assert feed.entries and all(e.url or e.guid for e in feed.entries)


def test_rss_and_atom_entries():
    items = [{"title": "A & B", "link": "http://127.0.0.1/a", "guid": "g-a", "description": "<p>Hello</p>"}]
    for body in (rss("Test feed", items), atom("Test feed", items)):
        feed = parse_feed(body.encode())
        assert feed.title == "Test feed"
        [entry] = feed.entries
        assert (entry.title, entry.url, entry.guid) == ("A & B", "http://127.0.0.1/a", "g-a")
        assert "Hello" in entry.html and entry.published_at


def test_date_without_space_after_comma_parses():
    body = (b'<rss version="2.0"><channel><title>T</title><item><title>x</title><link>http://127.0.0.1/x</link>'
            b'<pubDate>Fri,24 Nov 2023 18:28:36 -0000</pubDate></item></channel></rss>')
    [entry] = parse_feed(body).entries
    assert entry.published_at == "2023-11-24T18:28:36+00:00"


def test_whitespace_before_xml_declaration_is_fine():
    body = "\n\n  " + rss("T", [{"title": "x", "link": "http://127.0.0.1/x"}])
    assert len(parse_feed(body.encode()).entries) == 1


@pytest.mark.parametrize("content, reason", [
    (b"<!doctype html><html><body><p>hi</p></body></html>", "HTML page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not a readable"),
    (b"", "not a readable"),
])
def test_not_a_feed_says_what_it_is(content, reason):
    with pytest.raises(NotAFeed, match=reason):
        parse_feed(content)


def test_feed_discovery():
    html = b"""<html><head>
      <link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">
      <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml">
      <link rel="stylesheet" href="/s.css"></head><body></body></html>"""
    assert discover_feeds(html, "http://127.0.0.1:8000/section/") == ["http://127.0.0.1:8000/rss.xml"]


@pytest.mark.parametrize("name, headers, title, entries", [
    ("JoelonSoftware.xml", {}, "Joel on Software", 7),  # a real RSS 2.0 capture
    ("google_alerts_atom.xml", {}, "Google Alert - Slack", 20),  # a real Atom capture
    ("http_text_xml_charset_2.xml", {"content-type": "text/xml; charset=windows-1252"}, None, 1),
])
def test_the_sample_feeds_are_read(name, headers, title, entries):
    """Small real feeds kept in tests/data (every clone has them): titles, entries, links, encodings."""
    feed = parse_feed((DATA / "feeds" / name).read_bytes(), url="http://127.0.0.1/feed", headers=headers)
    assert feed.title == title and len(feed.entries) == entries
    assert all(e.title and (e.url or e.guid) for e in feed.entries)


def test_an_encoding_named_only_by_the_http_header_is_honoured():
    feed = parse_feed((DATA / "feeds" / "http_text_xml_charset_2.xml").read_bytes(), url="http://127.0.0.1/feed",
                      headers={"content-type": "text/xml; charset=windows-1252"})
    assert feed.entries[0].html == "This is a \u00a3\u201ctest.\u201d"
