"""SIGKILL at random points of an ingest and of a push, then a restart: nothing lost, nothing twice.

Each trial starts `briefbot run` as a subprocess (the way an operator runs it) against the fake Bot
API and a local news host, kills it with SIGKILL mid-work (no handler runs, nothing is flushed),
checks the database as the crash left it, restarts the bot on the same file, lets it finish and
checks the outcome.

What "nothing twice" can mean for Telegram: a message Telegram accepted in the last instant before
the kill, before the bot could record it, is sent again after the restart (the Bot API has no
idempotency key and a bot cannot read back its chat). The tests therefore check the precise
guarantee: every part of every due digest arrives, in order; a part arrives twice only if it was
the one in flight for that user when the process died; no user ever gets a second digest.
"""

from __future__ import annotations

import random
import sqlite3
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest.store import Store
from tests.fakes.botprocess import kill_bot, start_bot, stop_bot
from tests.fakes.harness import add_articles
from tests.fakes.news import paragraphs_html, rss, sample_articles
from tests.fakes.sitehost import SiteHost
from tests.fakes.telegram import FakeTelegram

TRIALS = 20
FAST_JOBS = {"BRIEFBOT_PUSH_CHECK_SECONDS": "1", "BRIEFBOT_INGEST_CHECK_SECONDS": "1",
             "BRIEFBOT_ALLOW_PRIVATE_HOSTS": "1", "BRIEFBOT_FETCH_TIMEOUT": "10"}

pytestmark = pytest.mark.slow  # 40 trials of a real process killed and restarted: minutes


@contextmanager
def read_db(path: Path):
    """A read-only look at the bot's database while it runs (WAL lets readers in), closed after."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        yield db
    finally:
        db.close()


def wait(predicate, timeout: float = 90.0, what: str = "the bot"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"{what} did not get there within {timeout:.0f} s")


def polling(tg: FakeTelegram, calls_before: int) -> bool:
    """The restarted bot is up (it polls for updates): from now on SIGTERM reaches its handler."""
    return any(c.method == "getUpdates" for c in tg.calls[calls_before:])


def restart_until(tmp_path: Path, tg: FakeTelegram, env: dict, done, what: str) -> None:
    """Start the bot again on the same database, wait until `done()`, stop it with SIGTERM; it must
    exit cleanly."""
    calls_before = len(tg.calls)
    proc = start_bot(tmp_path, tg, extra_env=env, log=tmp_path / "bot.log")
    try:
        wait(lambda: polling(tg, calls_before), what="the restarted bot")
        wait(done, what=what)
    finally:
        stop_bot(proc)
    assert proc.returncode == 0, (tmp_path / "bot.log").read_text()[-3000:]


def integrity(db: sqlite3.Connection) -> None:
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    db.execute("select count(*) from articles_fts where articles_fts match 'the'").fetchone()  # the index reads


# --- push ---------------------------------------------------------------------------------------

USERS = list(range(1001, 1031))


def prepare_push(directory: Path) -> None:
    store = Store(directory / "bot.db")
    add_articles(store, sample_articles()[:30], now=datetime.now(UTC))
    for user_id in USERS:
        store.subscribe_chat(user_id)
        store.update_chat(user_id, digest_time="00:00", timezone="UTC")  # everyone is due now
    store.close()


def digest_sends(tg: FakeTelegram) -> list:
    return [c for c in tg.sent() if c.params.get("chat_id") in USERS]


def pending_parts(db: sqlite3.Connection) -> dict[int, int]:
    """user -> index of the part that was next (possibly in flight) when the process died."""
    return dict(db.execute("select chat_id, messages from deliveries where status = 'pending'").fetchall())


@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigkill_during_a_push(tmp_path, trial):
    rng = random.Random(1000 + trial)
    prepare_push(tmp_path)
    env = {**FAST_JOBS, "BRIEFBOT_DIGEST_ITEMS": "10"}  # ten stories: a digest of two or three messages
    with FakeTelegram() as tg:
        first = start_bot(tmp_path, tg, extra_env=env, log=tmp_path / "bot.log")
        try:
            target = rng.randint(1, 2 * len(USERS) - 4)  # each digest has two parts or more
            wait(lambda: len(digest_sends(tg)) >= target, what="the push")
            time.sleep(rng.uniform(0, 0.05))
        finally:
            kill_bot(first)
        with read_db(tmp_path / "bot.db") as db:
            integrity(db)
            in_flight = pending_parts(db)
            assert db.execute("select count(*) from deliveries").fetchone()[0] <= len(USERS)
        assert len(digest_sends(tg)) < 2 * len(USERS), "the kill came after the push had finished"

        def all_sent() -> bool:
            with read_db(tmp_path / "bot.db") as db:
                sent = db.execute("select count(*) from deliveries where status = 'sent'").fetchone()[0]
            return sent == len(USERS)

        restart_until(tmp_path, tg, env, all_sent, "the resumed push")

        store = Store(tmp_path / "bot.db")
        try:
            integrity(store.db.conn)
            day = datetime.now(UTC).date().isoformat()
            resent = 0
            for user_id in USERS:
                rows = store.db.execute("select count(*) from deliveries where chat_id = ?", [user_id]).fetchone()
                assert rows[0] == 1, "a second digest was started"
                delivery = store.get_delivery(user_id, day)
                expected = [part["html"] for part in delivery["parts"]]
                assert delivery["status"] == "sent" and delivery["messages"] == len(expected) >= 2
                received = [c.params["text"] for c in tg.sent(user_id)]
                once = [text for i, text in enumerate(received) if i == 0 or text != received[i - 1]]
                assert once == expected, f"user {user_id}: parts missing or out of order"
                for index, text in enumerate(expected):
                    copies = received.count(text)
                    assert copies == 1 or (copies == 2 and in_flight.get(user_id) == index), \
                        f"user {user_id}: part {index} arrived {copies} times and was not the one in flight"
                    resent += copies - 1
            print(f"push trial {trial}: killed with {len(in_flight)} digests unfinished; "
                  f"{resent} part(s) in flight at the kill arrived twice")
        finally:
            store.close()


# --- ingest --------------------------------------------------------------------------------------

FEEDS = 3
PER_FEED = 10


def serve_news(site: SiteHost) -> int:
    """Three feeds; in each, half the entries are teasers whose article page must be fetched."""
    articles = sample_articles()[:FEEDS * PER_FEED]
    for feed in range(FEEDS):
        items = []
        for i in range(PER_FEED):
            article = articles[feed * PER_FEED + i]
            path = f"/f{feed}/{i}.html"
            teaser = i % 2 == 1
            if teaser:
                site.add(path, "<html><body><h1>{}</h1>{}</body></html>".format(
                    article["title"], paragraphs_html(article["article"])))
            item = {"title": article["title"], "link": site.url(path), "guid": f"f{feed}-{i}"}
            if teaser:
                item["description"] = "A teaser line."
            else:
                item["content"] = paragraphs_html(article["article"])
            items.append(item)
        site.add(f"/feed{feed}.xml", rss(f"Feed {feed}", items), content_type="application/rss+xml")
    return FEEDS * PER_FEED


@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigkill_during_an_ingest(tmp_path, trial):
    rng = random.Random(2000 + trial)
    with SiteHost() as site, FakeTelegram() as tg:
        total = serve_news(site)
        store = Store(tmp_path / "bot.db")
        for feed in range(FEEDS):
            store.add_source(site.url(f"/feed{feed}.xml"), "feed")
        store.close()

        def stored() -> int:
            with read_db(tmp_path / "bot.db") as db:
                return db.execute("select count(*) from articles").fetchone()[0]

        first = start_bot(tmp_path, tg, extra_env=FAST_JOBS, log=tmp_path / "bot.log")
        try:
            target = rng.randint(1, total - 1)
            wait(lambda: stored() >= target, what="the ingest")
            time.sleep(rng.uniform(0, 0.1))
        finally:
            kill_bot(first)
        with read_db(tmp_path / "bot.db") as db:
            integrity(db)
            before = {row[0] for row in db.execute("select guid from articles")}

        def finished() -> bool:
            with read_db(tmp_path / "bot.db") as db:
                done = db.execute("select count(*) from sources where last_success_at is not null").fetchone()[0]
            return stored() == total and done == FEEDS

        restart_until(tmp_path, tg, FAST_JOBS, finished, "the resumed ingest")

    with read_db(tmp_path / "bot.db") as db:
        integrity(db)
        guids = [row[0] for row in db.execute("select guid from articles")]
        assert len(guids) == len(set(guids)) == total  # every entry once
        assert before <= set(guids)  # nothing stored before the crash was lost
        urls = [row[0] for row in db.execute("select canonical_url from articles")]
        assert len(urls) == len(set(urls))
        empty = db.execute("select count(*) from articles where summary is null or summary = '[]'").fetchone()[0]
        assert empty == 0  # every stored article was stored whole, with its summary
