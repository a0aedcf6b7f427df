"""Every way a source can misbehave, in one ingest pass next to a healthy source.

Each fault must end as that source's own plain error within the fetch timeout; the pass
always finishes; the healthy source is ingested and is not held up by the others beyond
one timeout; nothing already stored is lost.
"""

from __future__ import annotations

import re
import time

import pytest

from digest.ingest import ingest_once
from digest.settings import Settings
from tests.fakes.news import paragraphs_html, rss, sample_articles
from tests.fakes.sitehost import SiteHost

TIMEOUT = 1.5  # seconds: the configured fetch timeout for this pass


def good_feed(site, first: int = 10) -> str:
    items = [{"title": a["title"], "link": site.url(f"/good/{i}.html"), "guid": f"good-{i}",
              "content": paragraphs_html(a["article"])} for i, a in enumerate(sample_articles()[first:first + 2])]
    return rss("Healthy Wire", items)


# path -> (route options, what the source's error must say)
FAULTS = {
    "/hang.xml": ({"body": "<rss/>", "delay": 30}, r"no complete answer within 1.5 s"),
    "/dribble.xml": ({"body": "<rss>" + "x" * 400 + "</rss>", "dribble": 0.05}, r"no complete answer within 1.5 s"),
    "/endless.xml": ({"body": "<rss><channel>" + "<item>x</item>" * 200, "endless": True}, r"larger than 1,000,000 bytes|the limit is 1,000,000"),
    "/huge.xml": ({"body": "<rss>" + "x" * 3_000_000 + "</rss>"}, r"larger than 1,000,000 bytes|the limit is 1,000,000"),
    "/bomb.xml": ({"body": b"\0" * 40_000_000, "gzip": True}, r"larger than 1,000,000 bytes|the limit is 1,000,000"),
    "/loop-a.xml": ({"status": 302, "headers": {"Location": "/loop-b.xml"}}, r"redirects in a loop"),
    "/image.xml": ({"body": b"\x89PNG\r\n\x1a\n" + b"\0" * 500, "content_type": "image/png"}, r"sent image/png content, not a feed"),
    "/json-error.xml": ({"body": '{"error": "no"}', "content_type": "application/json"}, r"sent application/json content, not a feed"),
    "/gone.xml": ({"body": "gone", "status": 410}, r"gone for good \(HTTP 410\)"),
    "/server-error.xml": ({"body": "oops", "status": 503}, r"answered HTTP 503"),
}


@pytest.fixture
def faulty_site(site):
    site.add("/good.xml", good_feed(site), content_type="application/rss+xml")
    site.add("/loop-b.xml", status=302, headers={"Location": "/loop-a.xml"})
    for path, (options, _) in FAULTS.items():
        options = dict(options)
        site.add(path, options.pop("body", b""), **options)
    return site


async def test_every_source_fault_ends_in_its_own_clear_error_and_the_pass_finishes(env, store, faulty_site):
    settings = Settings(fetch_timeout=TIMEOUT, max_body_bytes=1_000_000, fetch_concurrency=16,
                        max_errors_before_disable=5)
    with SiteHost("127.0.0.2") as elsewhere:  # a healthy source on another host
        elsewhere.add("/feed.xml", good_feed(elsewhere, first=20), content_type="application/rss+xml")
        urls = {path: faulty_site.url(path) for path in [*FAULTS, "/good.xml"]} | {"elsewhere": elsewhere.url("/feed.xml")}
        ids = {name: store.add_source(url, "feed")["id"] for name, url in urls.items()}
        names = {v: k for k, v in ids.items()}
        finished: list[str] = []
        started = time.monotonic()
        report = await ingest_once(store, settings,
                                   progress=lambda done, total, o: finished.append(names[o.source_id]))
        elapsed = time.monotonic() - started

    outcomes = {names[o.source_id]: o for o in report.outcomes}
    assert len(outcomes) == len(ids)  # every source was handled: the pass finished
    for healthy in ("/good.xml", "elsewhere"):  # on the faulty sources' host too: slow neighbours delay, never fail it
        assert outcomes[healthy].ok and outcomes[healthy].new == 2, outcomes[healthy]
    for path, (_, reason) in FAULTS.items():
        outcome = outcomes[path]
        assert not outcome.ok, path
        assert outcome.error and re.search(reason, outcome.error, re.I), (path, outcome.error)
        row = store.get_source(ids[path])
        assert row["last_error"] == outcome.error and row["error_count"] == 1
    assert store.get_source(ids["/gone.xml"])["disabled_reason"]  # 410: disabled with the reason kept
    assert not store.get_source(ids["/hang.xml"])["disabled_reason"]  # a timeout is retried later
    # the source on another host did not wait for the slow ones
    assert finished.index("elsewhere") < finished.index("/hang.xml")
    assert finished.index("elsewhere") < finished.index("/dribble.xml")
    # two polite slots per host: the ten faulty sources cost at most a few of their timeouts, not ten
    assert elapsed < TIMEOUT * 4, "a faulty source held the pass beyond its timeout"


async def test_a_fault_on_a_later_pass_loses_nothing_already_stored(env, store, site):
    site.add("/feed.xml", good_feed(site), content_type="application/rss+xml")
    source = store.add_source(site.url("/feed.xml"), "feed")
    settings = Settings(fetch_timeout=TIMEOUT)
    await ingest_once(store, settings)
    before = store.count("articles")
    assert before == 2
    site.add("/feed.xml", b"<rss><channel><item><title>broken", content_type="application/rss+xml")
    await ingest_once(store, settings, sources=[store.get_source(source["id"])])
    site.add("/feed.xml", "gone", status=410)
    await ingest_once(store, settings, sources=[store.get_source(source["id"])])
    assert store.count("articles") == before
    assert store.get_source(source["id"])["disabled_reason"]


@pytest.mark.parametrize("body, declared", [
    (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bytes \xff\xfe bad</title>'
     b"<item><title>Caf\xe9 opens</title><link>http://example.com/a</link><description>Caf\xe9 text \xff "
     b"here.</description></item></channel></rss>", "utf-8"),
    ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Latin</title>'
     "<item><title>Café opens</title><link>http://example.com/b</link><description>Crème brûlée for all."
     "</description></item></channel></rss>".encode(), "iso-8859-1"),
])
async def test_invalid_or_mislabelled_encodings_are_read_not_refused(env, store, site, body, declared):
    site.add("/enc.xml", body, content_type=f"application/rss+xml; charset={declared}")
    source = store.add_source(site.url("/enc.xml"), "feed")
    report = await ingest_once(store, Settings(fetch_timeout=TIMEOUT), sources=[store.get_source(source["id"])])
    assert report.outcomes[0].ok and report.outcomes[0].new == 1
    title = store.db.execute("select title from articles").fetchone()[0]
    assert "opens" in title


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "application/octet-stream", "text/plain"])
async def test_a_real_feed_under_a_wrong_content_type_is_still_read(env, store, site, content_type):
    site.add("/feed", good_feed(site), content_type=content_type)
    source = store.add_source(site.url("/feed"), "feed")
    report = await ingest_once(store, Settings(fetch_timeout=TIMEOUT), sources=[store.get_source(source["id"])])
    assert report.outcomes[0].ok and report.outcomes[0].new == 2
