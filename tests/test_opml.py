"""Sources out and in as OPML: `briefbot sources export` / `import`, and the OPML reader on files from
other feed readers and on files that are no OPML at all."""

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from bot.__main__ import cli
from digest.opml import OpmlError, export_opml, read_opml
from digest.store import Store
from tests.fakes.news import article_page, rss, sample_articles


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def feed(site, path: str, title: str) -> str:
    items = [{"title": f"{title} story", "link": site.url(f"{path}/1"), "description": "A story."}]
    return site.add(path, rss(title, items, link=site.url("/")), content_type="application/rss+xml")


def sources_of(db) -> list[tuple[str, str, str]]:
    store = Store(db)
    try:
        return sorted((s["url"], s["kind"], s["name"]) for s in store.list_sources())
    finally:
        store.close()


def test_export_then_import_into_a_new_database_restores_every_source(env, site, monkeypatch):
    world = feed(site, "/world.xml", "World News")
    feed(site, "/tech.xml", "Tech & Science <Daily>")
    art = sample_articles()[3]
    page = site.add("/story.html", article_page(art["title"], art["article"]))
    assert run("sources", "add", world, "--name", "Die Welt \u2014 am Morgen").exit_code == 0
    assert run("sources", "add", site.url("/tech.xml")).exit_code == 0
    assert run("sources", "add", page).exit_code == 0
    out = run("sources", "export", "sources.opml")
    assert out.exit_code == 0 and "Wrote 3 sources" in out.output
    document = ElementTree.parse(env / "sources.opml").getroot()
    assert document.get("version") == "2.0" and document.find("head/title").text == "Briefbot sources"
    outlines = document.findall("body/outline")
    feeds = [o.attrib for o in outlines if o.get("type") == "rss"]
    assert {f["xmlUrl"] for f in feeds} == {world, site.url("/tech.xml")}
    assert all(f["title"] == f["text"] and f["htmlUrl"] == site.url("/") for f in feeds)
    assert [o.get("url") for o in outlines if o.get("type") == "link"] == [page]  # a page is no feed
    before = sources_of(env / "test.db")

    monkeypatch.setenv("BRIEFBOT_DB", str(env / "restored.db"))
    from digest.settings import get_settings
    get_settings.cache_clear()
    out = run("sources", "import", "sources.opml")
    assert out.exit_code == 0 and "3 added, 0 already there, 0 failed, of 3" in out.output
    assert sources_of(env / "restored.db") == before
    assert ("Die Welt \u2014 am Morgen" in out.output) and ("feed" in {k for _u, k, _n in before})
    again = run("sources", "import", "sources.opml")
    assert "0 added, 3 already there, 0 failed" in again.output
    assert sources_of(env / "restored.db") == before


def test_import_reports_each_feed_that_fails_and_adds_the_rest(env, site):
    good = feed(site, "/good.xml", "Good Feed")
    site.add("/gone.xml", "gone", status=404)
    site.add("/empty.xml", "", content_type="application/rss+xml")
    opml = env / "reader.opml"
    opml.write_text(f"""<?xml version="1.0"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="Good" type="rss" xmlUrl="{good}" htmlUrl="{site.url('/')}"/>
    <outline text="Gone" type="rss" xmlUrl="{site.url('/gone.xml')}"/>
  </outline>
  <outline text="Empty" type="rss" xmlUrl="{site.url('/empty.xml')}"/>
  <outline text="Good again" type="rss" xmlUrl="{good}"/>
  <outline text="A site, no feed" htmlUrl="https://example.invalid/"/>
  <outline text="Not the web" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>""")
    out = run("sources", "import", str(opml))
    assert out.exit_code == 0
    assert "1 added, 0 already there, 2 failed, of 3" in out.output
    assert f"failed    {site.url('/gone.xml')}: " in out.output and "404" in out.output
    assert f"failed    {site.url('/empty.xml')}: the server answered with an empty body" in out.output
    assert [url for url, _k, _n in sources_of(env / "test.db")] == [good]


@pytest.mark.parametrize(("content", "says"), [
    (b"", "empty"),
    (b"<html><body><p>Hello</p></body></html>", "names no feed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "names no feed"),
    (b"<?xml version='1.0'?><opml version='2.0'><body><outline text='Folder'/></body></opml>", "names no feed"),
])
def test_a_file_that_names_no_feed_is_a_clear_error(content, says):
    with pytest.raises(OpmlError, match=says):
        read_opml(content)


def test_a_broken_file_is_refused_by_the_command_and_nothing_changes(env, site):
    assert run("sources", "add", feed(site, "/a.xml", "A")).exit_code == 0
    (env / "broken.opml").write_bytes(b"<opml><body><outline text='x'")
    out = CliRunner().invoke(cli, ["sources", "import", "broken.opml"])
    assert out.exit_code == 1 and "cannot import broken.opml: " in out.output
    assert len(sources_of(env / "test.db")) == 1
    missing = CliRunner().invoke(cli, ["sources", "import", "nowhere.opml"])
    assert missing.exit_code == 2 and "nowhere.opml" in missing.output


def test_the_reader_takes_each_url_once_with_its_title_and_skips_included_lists():
    opml = b"""<opml version="2.0"><body>
      <outline text="One" xmlUrl="https://a.example/rss"/>
      <outline title="One, filed twice" xmlUrl="https://a.example/rss"/>
      <outline text="  Spaced  " type="rss" xmlUrl=" https://b.example/feed "/>
      <outline text="Blogroll" type="include" url="https://c.example/list.opml"/>
      <outline text="A page" type="link" url="https://d.example/story.html"/>
      <outline type="rss" xmlUrl="javascript:alert(1)"/>
    </body></opml>"""
    found = [(o.url, o.title) for o in read_opml(opml)]
    assert found == [("https://a.example/rss", "One"), ("https://b.example/feed", "Spaced"),
                     ("https://d.example/story.html", "A page")]


def test_an_export_escapes_names_and_reads_back_as_it_was_written():
    sources = [{"url": "https://x.example/rss?a=1&b=2", "kind": "feed", "name": 'Tom & "Jerry" <news>',
                "title": None, "site_url": None}]
    document = export_opml(sources, title="t", now=datetime(2026, 12, 5, 8, 0, tzinfo=UTC))  # type: ignore[list-item]
    assert b"Sat, 05 Dec 2026 08:00:00 +0000" in document
    assert [(o.url, o.title) for o in read_opml(document)] == [("https://x.example/rss?a=1&b=2",
                                                                 'Tom & "Jerry" <news>')]
