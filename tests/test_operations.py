"""Operator commands: online backup while the bot writes, and the doctor."""

import sqlite3
import threading

from click.testing import CliRunner

from bot.__main__ import cli
from digest.store import NewArticle, Store
from tests.fakes.telegram import TOKEN, FakeTelegram


def test_backup_while_writing_is_consistent_and_restorable(env):
    store = Store(env / "test.db")
    source = store.add_source("http://127.0.0.1/f", "feed", name="F")
    stop = threading.Event()
    written = threading.Event()

    def writer():
        i = 0
        while not stop.is_set():
            if i == 50:
                written.set()
            store.insert_article(NewArticle(source["id"], f"http://x/{i}", f"https://x/{i}", f"g{i}", f"T{i}",
                                            None, None, "text " * 200, "feed", False, ["s."], [], None, f"f{i}"))
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    written.wait(30)
    try:
        out = CliRunner().invoke(cli, ["backup", str(env / "copy.db")])
    finally:
        stop.set()
        thread.join()
    assert out.exit_code == 0, out.output
    assert "integrity check: ok" in out.output and "To restore" in out.output
    copy = sqlite3.connect(env / "copy.db")
    assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
    count = copy.execute("select count(*) from articles").fetchone()[0]
    assert 0 < count <= store.count("articles")
    # the copy is a working database: the store opens it and finds the same rows
    assert Store(env / "copy.db").count("articles") == count


def test_backup_refuses_to_overwrite_the_database(env):
    Store(env / "test.db").close()
    out = CliRunner().invoke(cli, ["backup", str(env / "test.db")])
    assert out.exit_code == 1 and "another file" in out.output


def test_doctor_all_good_against_the_fake_bot_api(env, monkeypatch):
    with FakeTelegram() as tg:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("BRIEFBOT_TELEGRAM_API_URL", tg.base_url)
        from digest.settings import get_settings
        get_settings.cache_clear()
        out = CliRunner().invoke(cli, ["doctor"])
    assert out.exit_code == 0, out.output
    assert "[ok] Bot API: reachable, the bot is @briefbot_test_bot" in out.output
    assert "[ok] database: quick_check ok, 0 migration(s) pending" in out.output


def test_doctor_reports_what_is_wrong(env, monkeypatch):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:wrong")
    monkeypatch.setenv("BRIEFBOT_TELEGRAM_API_URL", "http://127.0.0.1:9/bot")
    from digest.settings import get_settings
    get_settings.cache_clear()
    store = Store(env / "test.db")
    gone = store.add_source("http://127.0.0.1/gone", "feed", name="Gone")
    from datetime import timedelta
    store.record_fetch_error(gone["id"], "the server says the feed is gone for good (HTTP 410)",
                             retry_in=timedelta(hours=1), disable="the server says the feed is gone for good")
    out = CliRunner().invoke(cli, ["doctor"])
    assert out.exit_code == 1
    assert "[FAIL] Bot API" in out.output and "[FAIL] sources: 1 (0 failing, 1 disabled)" in out.output
    assert "#1 Gone: DISABLED: the server says the feed is gone for good" in out.output


def test_the_token_is_masked_whatever_logs_it(capsys):
    import logging

    from bot.logs import configure

    token = "123456:SECRET-token-value"
    configure(logging.INFO, "json", [token])
    try:
        logging.getLogger("some.library").info("POST http://127.0.0.1:1/bot%s/sendMessage", token)
        try:
            raise RuntimeError(f"request to /bot{token}/getMe failed")
        except RuntimeError:
            logging.getLogger("some.library").exception("a failure")
        logging.getLogger("httpx").info("a request line with %s", token)  # quieted below WARNING
    finally:
        configure(logging.WARNING, "text", [])
    err = capsys.readouterr().err
    assert token not in err and "bot[token]/sendMessage" in err and "/bot[token]/getMe failed" in err
    assert "a request line" not in err
