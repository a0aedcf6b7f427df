from datetime import timedelta

from digest.compose import build_digest, matches_topics, render_plain
from digest.store import NewArticle, iso, utcnow


def add(store, source_id, key, title, summary, published_hours_ago=1, quote=None):
    return store.insert_article(NewArticle(
        source_id, f"http://127.0.0.1/{key}", f"https://127.0.0.1/{key}", key, title, None,
        iso(utcnow() - timedelta(hours=published_hours_ago)), " ".join(summary) + " " + key * 3, "feed", False,
        summary, [quote] if quote else [], quote, None))


def populate(store):
    a = store.add_source("http://127.0.0.1/a.xml", "feed", name="Wire A")["id"]
    b = store.add_source("http://127.0.0.1/b.xml", "feed", name="Wire B")["id"]
    ids = {
        "bank": add(store, a, "bank", "Central bank holds rates",
                    ["The central bank kept interest rates unchanged on Tuesday.",
                     "Officials cited slowing inflation."], 1),
        "quake_a": add(store, a, "quake_a", "Quake hits Chile",
                       ["A magnitude 7.1 earthquake struck off the coast of Chile near Valparaiso.",
                        "A tsunami warning was issued for the Pacific coast."], 5,
                       {"quote": "The shaking lasted a minute,", "speaker": "Maria Soto"}),
        "quake_b": add(store, b, "quake_b", "Earthquake shakes Chilean coast",
                       ["A powerful 7.1 magnitude earthquake shook Chile's coast near Valparaiso.",
                        "Authorities issued a tsunami warning for the Pacific coast."], 4),
        "cup": add(store, b, "cup", "Local team wins the cup",
                   ["The local team won the cup after a penalty shoot-out in the final."], 2),
        "old": add(store, b, "old", "Old news", ["This happened three days ago and is stale now."], 80),
    }
    return a, b, ids


def test_same_story_once_with_other_sources_and_ranked_first(store):
    a, b, ids = populate(store)
    items = build_digest(store, None, limit=10, max_age_hours=48)
    titles = [i.title for i in items]
    assert "Old news" not in titles
    assert len(items) == 3
    quake = items[0]  # two sources cover it: it leads
    assert quake.title == "Quake hits Chile" and quake.key_quote["speaker"] == "Maria Soto"
    assert quake.also == [("Wire B", "http://127.0.0.1/quake_b")]
    assert sorted(quake.article_ids) == sorted([ids["quake_a"], ids["quake_b"]])
    assert titles[1:] == ["Central bank holds rates", "Local team wins the cup"]  # then newest first


def test_what_a_user_received_is_not_sent_again(store):
    populate(store)
    user = store.upsert_user(42, 42)
    first = build_digest(store, user, limit=1)
    store.mark_delivered(42, first[0].article_ids)
    second = build_digest(store, user, limit=10)
    assert first[0].title not in [i.title for i in second] and len(second) == 2


def test_muted_sources_and_topics(store):
    a, b, _ = populate(store)
    store.upsert_user(7, 7)
    store.update_user(7, muted_sources=[b])
    assert {i.source for i in build_digest(store, store.get_user(7))} == {"Wire A"}
    store.update_user(7, muted_sources=[], topics=["tsunami"])
    assert [i.title for i in build_digest(store, store.get_user(7))] == ["Quake hits Chile"]


def test_topic_words_are_plain_words_not_patterns():
    article = {"title": "Rates (again) rise", "summary": ["C++ developers cheer."]}
    assert matches_topics(article, ["c++"]) and matches_topics(article, ["(again)"])
    assert not matches_topics(article, [".*"]) and not matches_topics(article, ["rat"])


def test_plain_rendering(store):
    populate(store)
    text = render_plain(build_digest(store, None))
    assert "1. Quake hits Chile" in text and "also: Wire B" in text and "\u2014 Maria Soto" in text
    assert render_plain([]) == "Nothing new right now."


def test_a_rewritten_article_is_not_served_from_the_ranking_cache(store):
    """The ranking is shared between users with the same candidates, but never outlives the articles it
    was made from: a page fetched later rewrites an article's summary under the same id."""
    source = store.add_source("http://127.0.0.1/a.xml", "feed", name="Wire A")["id"]
    article_id = add(store, source, "bank", "Central bank holds rates",
                     ["The central bank kept interest rates unchanged on Tuesday.", "Officials cited inflation."])
    now = utcnow()
    first = build_digest(store, None, now=now, unseen_only=False)
    store.update_article_text(article_id, text="A new text.", summary=["A rewritten summary sentence.", "Two."],
                              quotes=[], key_quote=None, fingerprint="new")
    second = build_digest(store, None, now=now, unseen_only=False)
    assert first[0].sentences != second[0].sentences == ["A rewritten summary sentence.", "Two."]


def test_a_shared_window_gives_each_user_the_same_candidates_as_their_own_query(store, monkeypatch):
    """The push reads the recent articles once per tick and filters them per user; the result must be
    what each user's own query gives, also when a user has seen more than the window holds."""
    import digest.compose as compose

    a, b, ids = populate(store)
    for n in range(12):
        add(store, a, f"extra{n}", f"Extra story {n}", [f"Extra story number {n} happened somewhere today."], 2 + n / 10)
    users = []
    for uid, seen in ((1, []), (2, [ids["bank"], ids["cup"]]), (3, [ids["quake_a"]])):
        store.upsert_user(uid, uid)
        store.mark_delivered(uid, seen)
        users.append(store.get_user(uid))
    store.update_user(3, muted_sources=[b], topics=["extra"])
    users[2] = store.get_user(3)
    now = utcnow()
    monkeypatch.setattr(compose, "MAX_CANDIDATES", 5)  # a window smaller than the unseen articles
    window = compose.recent_window(store, 48, now)
    assert not window.complete and len(window.articles) == 10
    for user in users:
        own = compose.candidates(store, user, 48, now)
        shared = compose.candidates(store, user, 48, now, window=window)
        assert [x["id"] for x in shared] == [x["id"] for x in own] and len(own) > 0
    store.mark_delivered(1, [x["id"] for x in window.articles[:8]])  # seen most of the window: falls back
    user = store.get_user(1)
    assert ([x["id"] for x in compose.candidates(store, user, 48, now, window=window)]
            == [x["id"] for x in compose.candidates(store, user, 48, now)])


def test_the_recent_articles_are_read_once_and_reread_after_any_change(store):
    """/digest from many users at once decodes the recent articles once; an article stored by another
    connection (the ingest's), a rewritten one or a removed source shows in the very next digest."""
    from digest.store import Store

    a, b, ids = populate(store)
    now = utcnow()
    since = now - timedelta(hours=48)
    first = store.shared_recent_articles(since, 400)
    assert store.shared_recent_articles(since, 400) is first  # nothing changed: the same read
    store.upsert_user(7, 7)  # users and deliveries are not what the window is made of
    store.mark_delivered(7, [ids["bank"]])
    assert store.shared_recent_articles(since, 400) is first

    ingest = Store(store.path)  # a second connection, as the ingest has
    try:
        add(ingest, a, "fresh", "Fresh story from the ingest", ["A fresh story arrived from the ingest today."])
    finally:
        ingest.close()
    titles = [i.title for i in build_digest(store, None, limit=10, max_age_hours=48, now=now)]
    assert "Fresh story from the ingest" in titles

    store.remove_source(b)
    titles = [i.title for i in build_digest(store, None, limit=10, max_age_hours=48, now=now)]
    assert "Local team wins the cup" not in titles and "Fresh story from the ingest" in titles
