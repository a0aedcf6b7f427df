import sqlite3

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
