import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from bot.__main__ import cli
from tests.fakes.news import article_page, sample_articles


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_summarize_seed_article_has_no_chrome(env, corpora):
    out = run("summarize", str(corpora.parent / "seed-article.txt"))
    assert out.exit_code == 0
    assert out.output.startswith("S. Korea, U.S. express deep concerns about N.K. missile launches")
    for chrome in ("Go to Contents", "(Yonhap)", "Send Feedback", "feedback", "SEOUL, March 27"):
        assert chrome not in out.output
    assert out.output.count("\n- ") == 3


def test_summarize_json_shape(env, corpora):
    out = run("summarize", "--json", "--sentences", "2", str(corpora.parent / "seed-article.txt"))
    record = json.loads(out.output)
    assert set(record) == {"id", "title", "language", "sentences", "quotes", "key_quote"}
    assert record["language"] == "en"  # Yonhap's English service
    assert len(record["sentences"]) == 2
    raw = (corpora.parent / "seed-article.txt").read_text()
    positions = [raw.index(s) for s in record["sentences"]]
    assert positions == sorted(positions)
    assert all(set(q) == {"quote", "speaker", "confident"} for q in record["quotes"])
    assert [raw.index(q["quote"]) for q in record["quotes"]] == sorted(raw.index(q["quote"]) for q in record["quotes"])
    key = record["key_quote"]  # one of the quotes, with its speaker only when the attribution is sure
    assert any(q["quote"] == key["quote"] and key["speaker"] == (q["speaker"] if q["confident"] else None)
               for q in record["quotes"])


def test_summarize_stdin_html_and_jsonl(env, tmp_path):
    arts = sample_articles()[:3]
    out = run("summarize", "--json", "-", input=article_page(arts[0]["title"], arts[0]["article"]))
    assert json.loads(out.output)["title"] == arts[0]["title"]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": f"n{i}", "text": a["article"], "title": a["title"]})
                               for i, a in enumerate(arts)) + "\n")
    lines = run("summarize", "--json", str(jsonl)).output.strip().split("\n")
    assert [json.loads(line)["id"] for line in lines] == ["n0", "n1", "n2"]


def test_summarize_url(env, site):
    art = sample_articles()[7]
    url = site.add("/p.html", article_page(art["title"], art["article"]))
    out = run("summarize", "--json", url)
    record = json.loads(out.output)
    assert record["title"] == art["title"] and len(record["sentences"]) == 3


@pytest.mark.parametrize("args", [["summarize"], ["summarize", "/no/such/file"], ["summarize", "-n", "0", "-"],
                                  ["sources", "add"], ["sources", "remove"], ["nonsense"], ["ingest", "--workers", "x"]])
def test_wrong_arguments_print_usage_and_fail(env, args):
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 2 and ("Usage:" in out.output or "Error" in out.output)


def test_bad_jsonl_line_is_a_clear_error(env, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok text here."}\nnot json\n')
    out = CliRunner().invoke(cli, ["summarize", str(bad)])
    assert out.exit_code == 1 and "bad.jsonl:2" in out.output


def test_sources_add_failures_are_clear(env, site):
    site.add("/img.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")
    site.add("/empty.html", "<html><body><nav>Home</nav></body></html>")
    cases = {
        site.url("/missing.xml"): "not found",
        site.url("/img.png"): "not a feed or a web page",
        site.url("/empty.html"): "no feed and has no article text",
        "ftp://127.0.0.1/feed": "only http and https",
    }
    for url, reason in cases.items():
        out = CliRunner().invoke(cli, ["sources", "add", url])
        assert out.exit_code == 1 and reason in out.output, out.output
    assert "No sources yet" in run("sources", "list").output


def test_private_hosts_are_refused_by_default(env, site, monkeypatch):
    monkeypatch.delenv("BRIEFBOT_ALLOW_PRIVATE_HOSTS")
    from digest.settings import get_settings
    get_settings.cache_clear()
    url = site.add("/feed.xml", "<rss version='2.0'><channel><title>x</title></channel></rss>")
    out = CliRunner().invoke(cli, ["sources", "add", url])
    assert out.exit_code == 1 and "non-public address" in out.output


def test_sources_remove_by_id_and_url(env, site):
    url = site.add("/f.xml", "<rss version='2.0'><channel><title>F</title></channel></rss>",
                   content_type="application/rss+xml")
    assert run("sources", "add", url).exit_code == 0
    assert "Removed source #1" in run("sources", "remove", "1").output
    assert run("sources", "add", url).exit_code == 0
    assert "Removed source #1" in run("sources", "remove", url).output
    assert CliRunner().invoke(cli, ["sources", "remove", "99"]).exit_code == 1


def test_summarize_works_offline_in_a_fresh_process(env, corpora):
    """The installed console script, as a user runs it (no NLTK data anywhere)."""
    proc = subprocess.run([sys.executable, "-m", "bot", "summarize", str(corpora.parent / "seed-article.txt")],
                          capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin",
                                                                            "HOME": str(env), "NLTK_DATA": str(env)})
    assert proc.returncode == 0, proc.stderr
    assert "Yonhap" not in proc.stdout and "Senior defense officials" in proc.stdout


def test_bad_configuration_is_reported_plainly(env, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_TIMEZONE", "Mars/Olympus")
    from digest.settings import get_settings
    get_settings.cache_clear()
    out = CliRunner().invoke(cli, ["sources", "list"])
    assert out.exit_code == 1 and "not a known IANA time zone" in out.output


def test_adding_a_disabled_source_again_enables_it(env, site):
    from datetime import timedelta

    from digest.store import Store

    url = site.add("/back.xml", "<rss version='2.0'><channel><title>Back</title></channel></rss>",
                   content_type="application/rss+xml")
    assert run("sources", "add", url).exit_code == 0
    store = Store(env / "test.db")
    store.record_fetch_error(1, "gone", retry_in=timedelta(hours=1), disable="the feed was gone")
    out = run("sources", "add", url)
    assert out.exit_code == 0 and "Re-enabled source #1" in out.output
    source = store.get_source(1)
    assert source["disabled_reason"] is None and source["error_count"] == 0
    assert CliRunner().invoke(cli, ["sources", "add", url]).exit_code == 1  # now it is a live duplicate


def test_the_source_limit_is_a_plain_refusal(env, site, monkeypatch):
    monkeypatch.setenv("BRIEFBOT_MAX_SOURCES", "2")
    from digest.settings import get_settings
    get_settings.cache_clear()
    feed = "<rss version='2.0'><channel><title>F</title></channel></rss>"
    urls = [site.add(f"/f{i}.xml", feed, content_type="application/rss+xml") for i in range(3)]
    assert run("sources", "add", urls[0]).exit_code == 0
    assert run("sources", "add", urls[1]).exit_code == 0
    out = CliRunner().invoke(cli, ["sources", "add", urls[2]])
    assert out.exit_code == 1 and "already 2 active sources" in out.output and "BRIEFBOT_MAX_SOURCES" in out.output
    assert run("sources", "remove", "1").exit_code == 0
    assert run("sources", "add", urls[2]).exit_code == 0  # room again after a removal
