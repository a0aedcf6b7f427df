"""The bot as an operator runs it (`briefbot run`, a separate process, the real clock) against the
fake Bot API, which checks every call against the published Bot API 10.0 and parses every HTML
text with TDLib: a supergroup, a channel, a German and a Russian reader; and the sources carried from
one database to another as OPML with the `briefbot` command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from digest.store import Store
from tests.fakes.botprocess import start_bot, stop_bot
from tests.fakes.harness import add_articles
from tests.fakes.news import rss, sample_articles
from tests.fakes.telegram import BOT_USER, FakeTelegram

GROUP = {"id": -1001111111111, "type": "supergroup", "title": "Newsroom"}
CHANNEL = {"id": -1002222222222, "type": "channel", "title": "Morning Wire"}
ADMIN, MEMBERS, OWNER, GERMAN, RUSSIAN = 601, [602, 603, 604, 605, 606], 607, 608, 609


def next_minute(margin: float = 25.0) -> datetime:
    """The first whole minute at least `margin` seconds away: time for the setup before it is due."""
    soon = datetime.now(UTC) + timedelta(seconds=margin)
    return soon.replace(second=0, microsecond=0) + timedelta(minutes=1)


def said(tg: FakeTelegram, chat_id: int, before: int, timeout: float = 30) -> str:
    tg.wait_for(lambda: len(tg.sent(chat_id)) > before, timeout=timeout)
    return tg.texts(chat_id)[before]


def test_groups_channels_and_languages_over_the_bot_api(env):
    due = next_minute()
    store = Store(env / "bot.db")
    add_articles(store, sample_articles()[:6])
    store.close()
    with FakeTelegram() as tg:
        tg.languages.update({GERMAN: "de", RUSSIAN: "ru"})
        tg.members[(GROUP["id"], ADMIN)] = "administrator"
        tg.members[(CHANNEL["id"], OWNER)] = "creator"
        proc = start_bot(env, tg, extra_env={"BRIEFBOT_DIGEST_TIME": f"{due:%H:%M}", "BRIEFBOT_TIMEZONE": "UTC",
                                             "BRIEFBOT_PUSH_CHECK_SECONDS": "2",
                                             "BRIEFBOT_COMMAND_BURST": "1000"})  # tests type faster than people
        try:
            tg.send_text(GERMAN, "/start")
            assert said(tg, GERMAN, 0, timeout=60).startswith("Willkommen!")
            tg.send_text(RUSSIAN, "/help")
            help_ru = said(tg, RUSSIAN, 0)
            assert "/digest" in help_ru and re.search("[а-я]{5}", help_ru)

            tg.send_text(ADMIN, f"/start@{BOT_USER['username']}", chat=GROUP)
            assert "This group is subscribed" in said(tg, GROUP["id"], 0)
            for member in MEMBERS:  # members speak; none of it is a second subscription
                before = len(tg.sent(GROUP["id"]))
                tg.send_text(member, "/start", chat=GROUP)
                assert "administrators" in said(tg, GROUP["id"], before)
                tg.send_text(member, "good morning everyone", chat=GROUP)
            before = len(tg.sent(GROUP["id"]))
            tg.send_text(MEMBERS[0], "/time 05:00", chat=GROUP)
            assert "administrators" in said(tg, GROUP["id"], before)
            before = len(tg.sent(GROUP["id"]))
            tg.send_text(ADMIN, "/start@other_bot", chat=GROUP)
            tg.send_text(MEMBERS[1], "/help@other_bot", chat=GROUP)
            time.sleep(1.5)
            assert len(tg.sent(GROUP["id"])) == before  # for another bot: not a word

            tg.send_text(OWNER, "/help")
            said(tg, OWNER, 0)
            before = len(tg.sent(OWNER))
            tg.bot_membership(CHANNEL, OWNER, "left", "administrator")
            told = said(tg, OWNER, before)
            assert "Morning Wire" in told and f"{due:%H:%M}" in told
            assert datetime.now(UTC) < due, "the setup took longer than the margin before the digest time"

            tg.wait_for(lambda: tg.sent(GROUP["id"])[-1].params["text"].startswith("<b>Your briefing")
                        and tg.sent(CHANNEL["id"]), timeout=(due - datetime.now(UTC)).total_seconds() + 30)
            time.sleep(5)  # two more push checks: nothing is sent twice
            group_digests = [c for c in tg.sent(GROUP["id"]) if c.params["text"].startswith("<b>Your briefing")]
            channel_posts = tg.sent(CHANNEL["id"])  # one briefing, in as many messages as its length takes
            assert len(group_digests) == 1
            assert channel_posts[0].params["text"].startswith("<b>Your briefing")
            assert not any(c.params["text"].startswith("<b>Your briefing") for c in channel_posts[1:])
            stories = [int(n) for c in channel_posts for n in re.findall(r"^<b>(\d+)\. ", c.params["text"], re.M)]
            assert stories == list(range(1, len(stories) + 1)) and len(stories) > 1  # each story once, in order
            assert all(c.at >= due.timestamp() for c in group_digests + channel_posts)  # at the due minute
            assert not any(c.params.get("reply_markup") for c in channel_posts)  # no button a viewer could press
        finally:
            out = stop_bot(proc)
        assert proc.returncode == 0, out
        assert tg.violations == []
        member_ids = {c.params.get("user_id") for c in tg.calls if c.method == "getChatMember"}
        assert MEMBERS[0] in member_ids and ADMIN in member_ids  # Telegram was asked who administers the group


def briefbot(env_dir, db: str, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    environ.update({"BRIEFBOT_DB": str(env_dir / db), "BRIEFBOT_ALLOW_PRIVATE_HOSTS": "1"})
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=env_dir, env=environ, capture_output=True,
                          text=True, timeout=120)


def test_sources_exported_then_imported_into_a_new_database(env, site):
    for path, title in [("/world.xml", "World"), ("/tech.xml", "Tech"), ("/sport.xml", "Sport")]:
        items = [{"title": f"{title} story", "link": site.url(f"{path}/1"), "description": "A story."}]
        site.add(path, rss(title, items, link=site.url("/")), content_type="application/rss+xml")
        assert briefbot(env, "old.db", "sources", "add", site.url(path), "--name", f"{title} desk").returncode == 0
    exported = briefbot(env, "old.db", "sources", "export", "sources.opml")
    assert exported.returncode == 0, exported.stderr
    imported = briefbot(env, "new.db", "sources", "import", "sources.opml")
    assert imported.returncode == 0 and "3 added, 0 already there, 0 failed" in imported.stdout, imported.stderr

    def sources(db: str) -> list[tuple]:
        store = Store(env / db)
        try:
            return sorted((s["url"], s["kind"], s["name"], s["site_url"]) for s in store.list_sources())
        finally:
            store.close()

    assert sources("new.db") == sources("old.db") and len(sources("old.db")) == 3
    broken = env / "broken.opml"
    broken.write_text("this is not a subscription list")
    refused = briefbot(env, "new.db", "sources", "import", str(broken))
    assert refused.returncode == 1 and "names no feed" in refused.stderr
    assert len(sources("new.db")) == 3
