import sqlite3
from datetime import UTC

import pytest

from digest.dedupe import canonical_url, fingerprint, group_stories
from digest.store import Store, fts_query, migrations


@pytest.mark.parametrize("a, b", [
    ("https://www.example.com/news/story?utm_source=rss&utm_medium=feed#top", "https://example.com/news/story"),
    ("http://EXAMPLE.com:80/a/?fbclid=xyz&id=7", "https://example.com/a?id=7"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
])
def test_canonical_urls(a, b):
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_what_identifies_the_page():
    assert canonical_url("https://example.com/a?id=1") != canonical_url("https://example.com/a?id=2")


def test_fingerprint_ignores_formatting_but_not_words():
    text = " ".join(f"word{i}" for i in range(60))
    assert fingerprint(text) == fingerprint(text.upper().replace(" ", "  ,"))
    assert fingerprint(text) != fingerprint(text + " extra")
    assert fingerprint("too short to say") is None


def test_same_story_grouped_by_text_not_title():
    texts = [
        "Quake hits coast. A magnitude 7.1 earthquake struck off the coast of Chile on Tuesday, "
        "damaging buildings in Valparaiso and prompting a tsunami warning.",
        "Chile earthquake: tsunami warning issued. A powerful 7.1 magnitude earthquake shook Chile's coast "
        "near Valparaiso on Tuesday; authorities issued a tsunami warning.",
        "Central bank holds rates. The central bank kept interest rates unchanged on Tuesday, citing "
        "slowing inflation and a weaker labour market.",
        "Quake hits coast. Local team wins the cup after a dramatic penalty shoot-out in the final.",
    ]
    groups = group_stories(texts)
    assert [0, 1] in groups and [2] in groups and [3] in groups


def test_migrations_are_idempotent_and_wal(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    first = sqlite3.connect(path).execute("select sql from sqlite_master order by name").fetchall()
    store = Store(path)
    assert migrations.pending(store.db) == []
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    store.close()
    assert sqlite3.connect(path).execute("select sql from sqlite_master order by name").fetchall() == first


@pytest.mark.parametrize("words", ['"unbalanced', "AND OR NOT", "a* OR b:c", "NEAR(x y)", "x" * 10_000,
                                   "'; drop table articles; --", "^*()-+"])
def test_search_treats_fts_syntax_as_plain_words(store, words):
    source = store.add_source("http://127.0.0.1/feed", "feed", name="T")
    from digest.store import NewArticle
    store.insert_article(NewArticle(source["id"], "http://127.0.0.1/a", "https://127.0.0.1/a", "g", "AND OR NOT",
                                    None, None, "drop table articles near x", "feed", False, [], [], None, None))
    store.search_articles(words)  # must not raise
    assert store.count("articles") == 1


def test_fts_query_quotes_every_word():
    assert fts_query('bank "rates') == '"bank" "rates"'
    assert fts_query("***") is None


def test_removed_source_keeps_articles_and_can_come_back(store):
    source = store.add_source("http://127.0.0.1/feed", "feed", name="T")
    store.remove_source(source["id"])
    assert store.list_sources() == []
    again = store.add_source("http://127.0.0.1/feed", "feed", name="T2")
    assert again["id"] == source["id"] and again["removed_at"] is None


def test_two_connections_write_concurrently_without_lock_errors(env):
    """The bot's connection and the ingest's connection write at the same time (WAL, busy timeout,
    no half-read cursors): neither ever fails with "database is locked"."""
    import threading
    from datetime import timedelta

    from digest.store import NewArticle

    bot_side, ingest_side = Store(env / "c.db"), Store(env / "c.db")
    source = ingest_side.add_source("http://127.0.0.1/f", "feed", name="F")
    errors = []

    def ingest():
        try:
            for i in range(300):
                ingest_side.known_article(f"https://x/{i}", f"g{i}", source["id"])
                article_id = ingest_side.insert_article(NewArticle(
                    source["id"], f"http://x/{i}", f"https://x/{i}", f"g{i}", f"T{i}", None, None, "text " * 50,
                    "feed", True, ["s."], [], None, f"fp{i}"))
                ingest_side.page_attempt_failed(article_id)
                ingest_side.record_fetch_ok(source["id"], etag=f"e{i}", last_modified=None,
                                            interval=timedelta(minutes=5))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=ingest)
    thread.start()
    for user in range(300):
        bot_side.ensure_chat(user)
        bot_side.subscribe_chat(user, username="name")
        bot_side.update_chat(user, topics=["x"], digest_time="07:00")
        body = bot_side.save_digest_body([{"html": "x", "article_ids": [1]}])
        delivery = bot_side.claim_delivery(user, "2026-11-28", body)
        bot_side.get_delivery(user, "2026-11-28")
        bot_side.record_sent(user, 1, [], [], user, delivery_id=delivery["id"], body_id=body, part_index=0,
                             last=True)
    thread.join()
    assert errors == []
    assert bot_side.count("articles") == 300 and bot_side.count("deliveries") == 300


def test_prune_removes_old_history_and_keeps_the_rest(store):
    from datetime import datetime, timedelta

    from digest.store import NewArticle

    source = store.add_source("http://127.0.0.1/f", "feed", name="F")
    old = store.insert_article(NewArticle(source["id"], "http://x/old", "https://x/old", "o", "Old", None, None,
                                          "old text about zebras", "feed", False, ["s."], [], None, "fo"))
    new = store.insert_article(NewArticle(source["id"], "http://x/new", "https://x/new", "n", "New", None, None,
                                          "new text about lions", "feed", False, ["s."], [], None, "fn"))
    long_ago = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    store.db.execute("update articles set fetched_at = ? where id = ?", [long_ago, old])
    store.ensure_chat(1)
    store.mark_delivered(1, [old, new])
    body = store.save_digest_body([{"html": "x", "article_ids": [old]}])
    delivery = store.claim_delivery(1, "2026-10-01", body)
    store.db.execute("update deliveries set created_at = ? where id = ?", [long_ago, delivery["id"]])
    counts = store.prune(30)
    assert counts == {"delivered_articles": 1, "articles": 1, "sent_messages": 0, "deliveries": 1,
                      "digest_bodies": 1}
    assert [a["title"] for a in store.search_articles("zebras")] == []  # gone from the index too
    assert [a["title"] for a in store.search_articles("lions")] == ["New"]
    assert store.get_chat(1) is not None and store.list_sources()


def test_the_chats_migration_makes_one_subscriber_of_each_group_and_loses_nothing(tmp_path):
    """A database of the version before chats: a private user, and a group two members had each /start-ed
    (the bug: two subscriptions, two digests a day). After it: one group chat with the settings changed
    last, every delivery and received story kept once, the members' own settings kept, unsubscribed."""
    import sqlite3

    import sqlite_utils

    from digest.store import Store, migrations

    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    migrations.apply(db, stop_before="m004_chats_are_the_subscribers")
    db["sources"].insert({"id": 1, "url": "http://127.0.0.1/a.xml", "kind": "feed", "name": "A", "error_count": 0})
    for article in (1, 2, 3):
        db["articles"].insert({"id": article, "source_id": 1, "url": f"http://127.0.0.1/{article}",
                               "canonical_url": f"https://127.0.0.1/{article}", "title": f"Story {article}"})
    db["users"].insert_all([
        {"id": 5, "chat_id": 5, "username": "alice", "digest_time": "07:15", "timezone": "Asia/Seoul",
         "topics": '["climate"]', "updated_at": "2026-11-01T00:00:00+00:00"},
        {"id": 7, "chat_id": -100777, "digest_time": "07:00", "updated_at": "2026-11-02T00:00:00+00:00"},
        {"id": 8, "chat_id": -100777, "digest_time": "09:00", "muted_sources": "[1]",
         "updated_at": "2026-11-03T00:00:00+00:00"},
    ])
    for user, day in ((5, "2026-11-20"), (7, "2026-11-20"), (8, "2026-11-20"), (8, "2026-11-21")):
        db["deliveries"].insert({"user_id": user, "local_date": day, "kind": "daily", "status": "sent"})
    for user, article in ((5, 1), (7, 1), (8, 2), (8, 3)):
        db["delivered_articles"].insert({"user_id": user, "article_id": article, "delivered_at": "2026-11-20"})
    db.close()

    store = Store(path)
    try:
        alice = store.get_chat(5)
        assert (alice["type"], alice["digest_time"], alice["timezone"], alice["topics"], alice["subscribed"]) == (
            "private", "07:15", "Asia/Seoul", ["climate"], 1)
        group = store.get_chat(-100777)
        assert (group["type"], group["digest_time"], group["muted_sources"], group["subscribed"]) == (
            "supergroup", "09:00", [1], 1)
        assert sorted(s["id"] for s in store.subscribers()) == [-100777, 5]
        for member, time in ((7, "07:00"), (8, "09:00")):
            row = store.get_chat(member)
            assert (row["type"], row["digest_time"], row["subscribed"]) == ("private", time, 0)
        assert store.delivered_article_ids(-100777) == {1, 2, 3} and store.delivered_article_ids(5) == {1}
        assert store.get_delivery(-100777, "2026-11-20")["status"] == "sent"
        assert store.get_delivery(-100777, "2026-11-21")["status"] == "sent"
        assert store.db.execute("select count(*) from deliveries").fetchone()[0] == 3  # the group's twin is gone
        assert store.db.execute("pragma foreign_key_check").fetchall() == []
    finally:
        store.close()
