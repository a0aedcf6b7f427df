from collections import Counter
from datetime import timedelta

from digest.clock import iso, utcnow
from digest.compose import Composer, matches_topics, render_plain
from digest.store import NewArticle


def briefing(store, reader=None, limit=8, max_age_hours=48, now=None, **kwargs):
    return Composer(store).briefing(reader, limit, max_age_hours, now, **kwargs).items


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
    items = briefing(store, None, limit=10, max_age_hours=48)
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
    user = store.subscribe_chat(42)
    first = briefing(store, user, limit=1)
    store.mark_delivered(42, first[0].article_ids)
    second = briefing(store, user, limit=10)
    assert first[0].title not in [i.title for i in second] and len(second) == 2


def test_muted_sources_and_topics(store):
    a, b, _ = populate(store)
    store.subscribe_chat(7)
    store.update_chat(7, muted_sources=[b])
    assert {i.source for i in briefing(store, store.get_chat(7))} == {"Wire A"}
    store.update_chat(7, muted_sources=[], topics=["tsunami"])
    assert [i.title for i in briefing(store, store.get_chat(7))] == ["Quake hits Chile"]


def test_topic_words_are_plain_words_not_patterns():
    article = {"title": "Rates (again) rise", "summary": ["C++ developers cheer."]}
    assert matches_topics(article, ["c++"]) and matches_topics(article, ["(again)"])
    assert not matches_topics(article, [".*"]) and not matches_topics(article, ["rat"])


def test_plain_rendering(store):
    populate(store)
    text = render_plain(briefing(store, None))
    assert "1. Quake hits Chile" in text and "also: Wire B" in text and "\u2014 Maria Soto" in text
    assert render_plain([]) == "Nothing new right now."


def test_a_rewritten_article_is_not_served_from_the_ranking_cache(store):
    """The ranking is shared between users with the same candidates, but never outlives the articles it
    was made from: a page fetched later rewrites an article's summary under the same id."""
    source = store.add_source("http://127.0.0.1/a.xml", "feed", name="Wire A")["id"]
    article_id = add(store, source, "bank", "Central bank holds rates",
                     ["The central bank kept interest rates unchanged on Tuesday.", "Officials cited inflation."])
    now, composer = utcnow(), Composer(store)
    first = composer.briefing(None, 8, 48, now, unseen_only=False).items
    store.update_article_text(article_id, text="A new text.", summary=["A rewritten summary sentence.", "Two."],
                              quotes=[], key_quote=None, fingerprint="new")
    second = composer.briefing(None, 8, 48, now, unseen_only=False).items
    assert first[0].sentences != second[0].sentences == ["A rewritten summary sentence.", "Two."]


def own_query(store, user, now, limit):
    """A reader's candidates by a query of their own (what the shared window must reproduce)."""
    since = now.replace(second=0, microsecond=0) - timedelta(hours=48)
    articles = store.recent_articles(since, exclude_for_chat=user["id"], limit=limit)
    return [a["id"] for a in articles
            if a["source_id"] not in set(user["muted_sources"]) and matches_topics(a, user["topics"])]


def test_a_shared_window_gives_each_user_the_same_candidates_as_their_own_query(store):
    """The recent articles are read once per content version and filtered per reader; the result must be
    what each reader's own query gives, also when a reader has seen more than the window holds."""
    a, b, ids = populate(store)
    for n in range(12):
        add(store, a, f"extra{n}", f"Extra story {n}", [f"Extra story number {n} happened somewhere today."], 2 + n / 10)
    for uid, seen in ((1, []), (2, [ids["bank"], ids["cup"]]), (3, [ids["quake_a"]])):
        store.subscribe_chat(uid)
        store.mark_delivered(uid, seen)
    store.update_chat(3, muted_sources=[b], topics=["extra"])
    now = utcnow()
    composer = Composer(store, max_candidates=5)  # a window of 10, fewer than the 16 articles
    for uid in (1, 2, 3):
        user = store.get_chat(uid)
        assert [x["id"] for x in composer.candidates(user, 48, now)] == own_query(store, user, now, 5) != []
    newest = [x["id"] for x in store.recent_articles(now - timedelta(hours=48), limit=8)]
    store.mark_delivered(1, newest)  # seen most of the window: the reader gets their own query
    user = store.get_chat(1)
    assert [x["id"] for x in composer.candidates(user, 48, now)] == own_query(store, user, now, 5) != []


def test_the_recent_articles_are_read_once_and_reread_after_any_change(store):
    """/digest from many users at once decodes the recent articles once; an article stored by another
    connection (the ingest's), a rewritten one or a removed source shows in the very next digest."""
    from digest.store import Store

    a, b, ids = populate(store)
    composer = Composer(store)
    now = utcnow()
    first = composer.briefing(None, 10, 48, now)
    assert composer.briefing(None, 10, 48, now).items is first.items  # nothing changed: the same ranking
    store.subscribe_chat(7)  # users and deliveries are not what the window is made of
    store.mark_delivered(7, [ids["bank"]])
    assert composer.briefing(None, 10, 48, now).items is first.items

    ingest = Store(store.path)  # a second connection, as the ingest has
    try:
        add(ingest, a, "fresh", "Fresh story from the ingest", ["A fresh story arrived from the ingest today."])
    finally:
        ingest.close()
    titles = [i.title for i in composer.briefing(None, 10, 48, now).items]
    assert "Fresh story from the ingest" in titles

    store.remove_source(b)
    titles = [i.title for i in composer.briefing(None, 10, 48, now).items]
    assert "Local team wins the cup" not in titles and "Fresh story from the ingest" in titles



def distinct_stories(store, source_id, prefix, count, hours_ago=1.0):
    """`count` stories that share no word (each its own story), newest first."""
    ids = []
    for n in range(count):
        word = f"{prefix}{n}"
        ids.append(add(store, source_id, word, f"Zeta{word} omega{word}",
                       [f"Kappa{word} lambda{word} sigma{word} theta{word}."], hours_ago + n / 100))
    return ids


def test_no_source_fills_more_than_half_of_a_digest_while_others_have_stories(store):
    big, b, c = (store.add_source(f"http://127.0.0.1/{n}.xml", "feed", name=n)["id"] for n in ("Big", "B", "C"))
    distinct_stories(store, big, "big", 10, hours_ago=0.5)  # the newest: it would fill the digest
    distinct_stories(store, b, "b", 3, hours_ago=5)
    distinct_stories(store, c, "c", 3, hours_ago=6)
    items = briefing(store, None, limit=8)
    by_source = Counter(i.source for i in items)
    assert len(items) == 8 and by_source["Big"] == 4 and by_source["B"] == 3 and by_source["C"] == 1
    assert [i.source for i in items][:4] == ["Big"] * 4  # the order within the cap is still by importance


def test_a_source_alone_still_fills_the_digest(store):
    """The cap makes room for others; when the others run out, the digest is not cut short."""
    big, small = (store.add_source(f"http://127.0.0.1/{n}.xml", "feed", name=n)["id"] for n in ("Big", "Small"))
    distinct_stories(store, big, "big", 10)
    distinct_stories(store, small, "s", 1, hours_ago=9)
    items = briefing(store, None, limit=8)
    assert len(items) == 8 and Counter(i.source for i in items) == {"Big": 7, "Small": 1}


def test_a_story_received_from_one_source_does_not_come_back_from_another_reporting_it_later(store):
    a, b, ids = populate(store)
    user = store.subscribe_chat(42)
    store.mark_delivered(42, [ids["quake_a"]])  # only Wire A had it when the reader got it
    later = add(store, b, "quake_c", "Chile counts the cost of the earthquake",
                ["A magnitude 7.1 earthquake struck off the coast of Chile near Valparaiso on Monday.",
                 "The tsunami warning for the Pacific coast was lifted."], 0.5)
    items = briefing(store, user, limit=10)
    shown = {i for item in items for i in item.article_ids}
    assert later not in shown and ids["quake_b"] not in shown
    assert [i.title for i in items] == ["Central bank holds rates", "Local team wins the cup"]
    assert later in briefing(store, None, limit=10)[0].article_ids  # a new reader gets it, within its story


def test_the_newest_stories_whatever_their_age(store):
    populate(store)
    items = briefing(store, None, limit=10, max_age_hours=None, unseen_only=False, by="time")
    assert [i.title for i in items][-1] == "Old news" and len(items) == 4
