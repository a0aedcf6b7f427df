"""Admin commands end to end, and every one of them refused to a non-admin."""

import asyncio
import logging
from datetime import UTC

import pytest

from bot.commands.base import UNKNOWN
from tests.fakes.harness import until
from tests.fakes.news import paragraphs_html, rss, sample_articles

pytestmark = pytest.mark.asyncio
ADMIN, USER = 1, 5


@pytest.mark.parametrize("command", ["/addsource http://127.0.0.1/x.xml", "/removesource 1", "/ingest", "/stats",
                                     "/export", "/import",
                                     "/addsource", "/stats please"])
async def test_non_admins_get_the_unknown_command_reply(bot, caplog, command):
    bot.add_articles(sample_articles()[:1])
    caplog.set_level(logging.WARNING, logger="bot.commands.base")
    [text] = await bot.say(USER, command)
    assert text == UNKNOWN
    assert any("refused admin command" in r.message for r in caplog.records)
    assert bot.store.count("sources") == 1 and bot.store.list_sources()


async def test_addsource_and_removesource(bot, site):
    items = [{"title": a["title"], "link": site.url(f"/a{i}"), "content": paragraphs_html(a["article"])}
             for i, a in enumerate(sample_articles()[:3])]
    url = site.add("/feed.xml", rss("Test Wire", items), content_type="application/rss+xml")
    [text] = await bot.say(ADMIN, f"/addsource {url} My Wire")
    assert "Added source #1" in text and "Test Wire" in text and "3 entries" in text
    assert bot.store.get_source(1)["name"] == "My Wire"
    [text] = await bot.say(ADMIN, f"/addsource {url}")
    assert "already" in text
    [text] = await bot.say(ADMIN, f"/addsource {site.url('/nothing')}")
    assert text.startswith("Could not add") and "not found" in text
    [text] = await bot.say(ADMIN, "/addsource")
    assert text.startswith("Usage: /addsource")
    [text] = await bot.say(ADMIN, "/removesource 99")
    assert "No source 99" in text
    [text] = await bot.say(ADMIN, "/removesource 1")
    assert "Removed source #1" in text and bot.store.list_sources() == []


async def test_admin_sources_view_shows_health(bot):
    from tests.fakes.news import FOREIGN_ARTICLES

    bot.add_articles(sample_articles()[:1], source_name="Good")
    bot.add_articles([{"title": "Neue Straßenbahn", "article": FOREIGN_ARTICLES["de"]},
                      {"title": "Nouveau métro", "article": FOREIGN_ARTICLES["fr"]},
                      {"title": "Straßenbahn II", "article": FOREIGN_ARTICLES["de"] + "\nMehr dazu folgt."}],
                     source_name="Europa")
    bad = bot.store.add_source("http://127.0.0.1/bad.xml", "feed", name="Bad")
    from datetime import timedelta
    bot.store.record_fetch_error(bad["id"], "the server answered HTTP 500", retry_in=timedelta(minutes=5))
    admin_view, catalogue = await bot.say(ADMIN, "/sources", replies=2)
    assert "Sources (admin view)" in admin_view and "1 errors, last: the server answered HTTP 500" in admin_view
    assert "last success" in admin_view and "Mute" not in admin_view
    assert "languages: en" in admin_view and "languages: de, fr" in admin_view  # the most frequent first
    assert catalogue.startswith("Sources")
    [user_view] = await bot.say(USER, "/sources")
    assert "admin view" not in user_view and "HTTP 500" not in user_view


async def test_ingest_edits_one_status_message(bot, site):
    for n in range(3):
        items = [{"title": a["title"] + f" {n}", "link": site.url(f"/{n}/a{i}"),
                  "content": paragraphs_html(a["article"])} for i, a in enumerate(sample_articles()[n * 2:n * 2 + 2])]
        site.add(f"/f{n}.xml", rss(f"Feed {n}", items), content_type="application/rss+xml", delay=0.6)
        bot.store.add_source(site.url(f"/f{n}.xml"), "feed", name=f"Feed {n}")
    before = len(bot.tg.sent(ADMIN))
    bot.tg.send_text(ADMIN, "/ingest")
    await until(lambda: any("Ingest done" in (m.get("text") or "")
                            for m in bot.tg.chats[ADMIN].messages.values()), timeout=30)
    assert len(bot.tg.sent(ADMIN)) == before + 1  # one status message, edited
    edits = [c for c in bot.tg.calls if c.method == "editMessageText"]
    assert edits and all(e.params["message_id"] == edits[0].params["message_id"] for e in edits)
    final = bot.tg.chats[ADMIN].messages[edits[0].params["message_id"]]["text"]
    assert "sources ok: 3, failed: 0" in final and "new articles: 6" in final
    assert bot.store.count("articles") == 6


async def test_stats(bot):
    bot.add_articles(sample_articles()[:4])
    await bot.say(USER, "/start")
    [text] = await bot.say(ADMIN, "/stats")
    assert "Chats: 1 (0 groups, 0 channels; subscribed: 1" in text and "Articles: 4" in text
    assert "Sources: 1" in text and "Digests sent today (UTC): 0" in text


async def test_scheduled_jobs_poll_sources_and_push_in_the_background(env, site, monkeypatch):
    """With the job queue on (as `briefbot run` has it), a due source is ingested and a due user gets the
    push without anyone asking; commands are answered meanwhile."""
    from datetime import datetime

    from digest.settings import Settings
    from digest.store import Store
    from tests.fakes.harness import FakeClock, Harness
    from tests.fakes.telegram import TOKEN, FakeTelegram

    items = [{"title": a["title"], "link": site.url(f"/s{i}"), "content": paragraphs_html(a["article"])}
             for i, a in enumerate(sample_articles()[:3])]
    url = site.add("/sched.xml", rss("Scheduled", items), content_type="application/rss+xml")
    with FakeTelegram() as tg:
        for key, value in {"TELEGRAM_BOT_TOKEN": TOKEN, "BRIEFBOT_TELEGRAM_API_URL": tg.base_url,
                           "BRIEFBOT_ANALYSIS_WORKERS": "0", "BRIEFBOT_PUSH_CHECK_SECONDS": "1",
                           "BRIEFBOT_INGEST_CHECK_SECONDS": "1"}.items():
            monkeypatch.setenv(key, value)
        settings = Settings()
        store = Store(settings.db)
        store.add_source(url, "feed", name="Scheduled")
        harness = Harness(tg, settings, store, FakeClock(datetime.now(UTC)))
        harness.app = None
        from bot.app import build_application
        app = build_application(settings, store, clock=harness.clock, schedule=True, poll_timeout=1)
        assert {job.name for job in app.job_queue.jobs()} == {"push", "ingest", "prune"}
        harness.app = app
        await app.initialize()
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        try:
            await harness.say(USER, "/start")
            await until(lambda: store.count("articles") == 3, timeout=30)
            # due from now on: a new day for the push (the ticks so far found nothing new, or skipped today)
            store.update_chat(USER, digest_time="00:00")
            store.db.execute("delete from deliveries")
            await until(lambda: any(t.startswith("Your briefing") for t in tg.texts(USER)), timeout=30)
            [text] = await harness.say(USER, "/help")
            assert "/digest" in text
        finally:
            await harness.stop()
            store.close()


def _feed_of_two(bot, site) -> None:
    items = [{"title": a["title"], "link": site.url(f"/w{i}"), "content": paragraphs_html(a["article"])}
             for i, a in enumerate(sample_articles()[:2])]
    site.add("/wait.xml", rss("Feed", items), content_type="application/rss+xml")
    bot.store.add_source(site.url("/wait.xml"), "feed", name="Feed")


async def test_an_ingest_pass_waits_while_a_user_is_being_answered(bot, site):
    from telegram.ext import CommandHandler

    foreground = bot.app.update_processor
    foreground.max_wait = 60  # longer than the test: the pass moves only when the user is answered
    entered, release = asyncio.Event(), asyncio.Event()

    async def slow_command(update, context):
        entered.set()
        await release.wait()
        await update.effective_message.reply_text("done")

    bot.app.add_handler(CommandHandler("slow", slow_command), group=-2)  # before the unknown-command reply
    _feed_of_two(bot, site)
    bot.tg.send_text(USER, "/slow")
    await asyncio.wait_for(entered.wait(), 10)
    ingest = asyncio.create_task(bot.bb.ingest.run(all_sources=True))
    await until(lambda: foreground.waiting == 1)  # the feed is fetched; its first article waits
    assert bot.store.count("articles") == 0 and not ingest.done()
    release.set()
    report = await asyncio.wait_for(ingest, 30)
    assert report.new_articles == 2 and bot.store.count("articles") == 2
    assert foreground.active == 0 and foreground.waiting == 0


async def test_an_ingest_pass_an_admin_starts_is_not_held_back_by_the_command(bot, site):
    bot.app.update_processor.max_wait = 60  # were the pass waiting on /ingest itself, it would stall
    _feed_of_two(bot, site)
    bot.tg.send_text(ADMIN, "/ingest")
    await until(lambda: any("Ingest done" in (m.get("text") or "")
                            for m in bot.tg.chats[ADMIN].messages.values()), timeout=30)
    assert bot.store.count("articles") == 2


def opml_of(*feeds: tuple[str, str]) -> bytes:
    outlines = "".join(f'<outline type="rss" text="{name}" xmlUrl="{url}"/>' for name, url in feeds)
    return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'.encode()


def wire(site, path: str, title: str) -> str:
    items = [{"title": f"{title} story", "link": site.url(f"{path}/1"), "description": "A story."}]
    return site.add(path, rss(title, items), content_type="application/rss+xml")


async def test_export_sends_the_sources_as_an_opml_file_that_import_brings_back(bot, site):
    [empty] = await bot.say(ADMIN, "/export")
    assert "No sources yet" in empty
    first, second = wire(site, "/one.xml", "One"), wire(site, "/two.xml", "Two")
    await bot.say(ADMIN, f"/addsource {first} First Wire")
    await bot.say(ADMIN, f"/addsource {second}")
    bot.tg.send_text(ADMIN, "/export")
    [sent] = await until(lambda: bot.tg.sent(ADMIN, "sendDocument"))
    upload = sent.params["document"]
    assert upload.filename.startswith("briefbot-sources-") and upload.filename.endswith(".opml")
    assert "2 sources as OPML" in sent.params["caption"]
    for source in bot.store.list_sources():
        bot.store.remove_source(source["id"])
    message_id = bot.tg.send_document(ADMIN, upload.filename, bytes(upload))
    await until(lambda: any(t.startswith("Import done") for t in bot.tg.shown(ADMIN)))
    [report] = [t for t in bot.tg.shown(ADMIN) if t.startswith("Import done")]
    assert "2 added, 0 already there, 0 failed" in report and "First Wire" in report
    assert sorted((s["url"], s["name"]) for s in bot.store.list_sources()) == [(first, "First Wire"), (second, "Two")]
    assert any(c.method == "getFile" for c in bot.tg.calls)
    bot.tg.send_text(ADMIN, "/import", reply_to=message_id)  # answering the same file again
    await until(lambda: sum(t.startswith("Import done") for t in bot.tg.shown(ADMIN)) == 2)
    assert "0 added, 2 already there" in bot.tg.shown(ADMIN)[-1]


async def test_import_reports_what_failed_and_refuses_what_is_no_opml(bot, site):
    good = wire(site, "/good.xml", "Good")
    site.add("/broken.xml", "just some words, no feed", content_type="text/plain")
    bot.tg.send_document(ADMIN, "feeds.opml", opml_of(("Good", good), ("Broken", site.url("/broken.xml")),
                                                      ("Missing", site.url("/missing.xml"))))
    await until(lambda: any(t.startswith("Import done") for t in bot.tg.shown(ADMIN)))
    report = bot.tg.shown(ADMIN)[-1]
    assert "1 added, 0 already there, 2 failed" in report
    assert site.url("/missing.xml") in report and site.url("/broken.xml") in report
    assert [s["url"] for s in bot.store.list_sources()] == [good]
    bot.tg.send_document(ADMIN, "photo.jpg", b"\xff\xd8\xff\xe0 not a list", mime_type="image/jpeg")
    await until(lambda: bot.tg.texts(ADMIN)[-1].startswith("I cannot import"))
    assert "photo.jpg" in bot.tg.texts(ADMIN)[-1] and "names no feed" in bot.tg.texts(ADMIN)[-1]
    [how] = await bot.say(ADMIN, "/import")
    assert "OPML file" in how
    assert len(bot.store.list_sources()) == 1


async def test_a_file_from_someone_else_imports_nothing(bot, site):
    good = wire(site, "/good.xml", "Good")
    before = len(bot.tg.sent(USER))
    bot.tg.send_document(USER, "feeds.opml", opml_of(("Good", good)))
    await until(lambda: len(bot.tg.sent(USER)) > before)
    assert "/digest" in bot.tg.texts(USER)[-1]  # what the bot does, as for any message it has no use for
    assert bot.store.list_sources() == [] and not any(c.method == "getFile" for c in bot.tg.calls)
