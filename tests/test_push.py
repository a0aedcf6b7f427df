"""The daily push: local times in several zones, exactly-once, flood control, blocked users, restarts."""

import asyncio
from datetime import UTC, datetime

import pytest

from tests.fakes.harness import until
from tests.fakes.news import sample_articles

pytestmark = pytest.mark.asyncio
UTC = UTC


def digests_to(bot, chat_id):
    return [t for t in bot.tg.texts(chat_id) if t.startswith("Your briefing")]


async def subscribe(bot, user_id, zone=None, at=None):
    await bot.say(user_id, "/start")
    if zone:
        await bot.say(user_id, f"/timezone {zone}")
    if at:
        await bot.say(user_id, f"/time {at}")


async def test_push_at_local_time_in_two_time_zones(bot):
    bot.clock.set(datetime(2026, 11, 27, 14, 0, tzinfo=UTC))  # 23:00 in Seoul, 09:00 in New York
    bot.add_articles(sample_articles()[:4])
    # both subscribe after 08:00 has passed where they are: their first digest is tomorrow's
    await subscribe(bot, 11, "Asia/Seoul", "08:00")
    await subscribe(bot, 12, "America/New_York", "08:00")
    pusher = bot.bb.pusher

    bot.clock.set(datetime(2026, 11, 27, 22, 59, tzinfo=UTC))  # 07:59 on the 28th in Seoul, 17:59 in New York
    assert (await pusher.run_due()).due == 0
    bot.clock.set(datetime(2026, 11, 27, 23, 0, tzinfo=UTC))  # 08:00 in Seoul, 18:00 in New York
    report = await pusher.run_due()
    assert (report.due, report.sent) == (1, 1)
    assert len(digests_to(bot, 11)) == 1 and digests_to(bot, 12) == []
    assert bot.store.get_delivery(11, "2026-11-28")["status"] == "sent"

    bot.clock.set(datetime(2026, 11, 28, 12, 59, tzinfo=UTC))  # 07:59 in New York
    assert (await pusher.run_due()).due == 0
    bot.clock.set(datetime(2026, 11, 28, 13, 0, tzinfo=UTC))  # 08:00 in New York, 22:00 in Seoul
    report = await pusher.run_due()
    assert (report.due, report.sent) == (1, 1)
    assert len(digests_to(bot, 12)) == 1 and len(digests_to(bot, 11)) == 1  # Seoul not again
    assert (await pusher.run_due()).due == 0


async def test_nothing_new_note_or_silence(bot, monkeypatch):
    await subscribe(bot, 21)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.empty == 1 and bot.tg.texts(21)[-1].startswith("Nothing new since your last briefing")
    bot.bb.settings.nothing_new_note = False
    bot.clock.set(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    sent_before = len(bot.tg.sent(21))
    report = await bot.bb.pusher.run_due()
    assert report.empty == 1 and len(bot.tg.sent(21)) == sent_before


async def test_after_downtime_one_digest_not_a_backlog(bot):
    await subscribe(bot, 31)
    bot.clock.set(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))  # the bot was down for four mornings
    bot.add_articles(sample_articles()[:3])
    report = await bot.bb.pusher.run_due()
    assert report.sent == 1 and len(digests_to(bot, 31)) == 1
    assert (await bot.bb.pusher.run_due()).due == 0


async def test_flood_control_429_is_waited_out_and_nothing_is_dropped(bot):
    bot.add_articles(sample_articles()[:3])
    for user_id in (41, 42, 43):
        await subscribe(bot, user_id)
    bot.tg.fail("sendMessage", 429, retry_after=1, times=4)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.sent == 3
    assert all(len(digests_to(bot, u)) == 1 for u in (41, 42, 43))
    refused = [c for c in bot.tg.calls if c.method == "sendMessage" and c.status == 429]
    assert len(refused) == 4


async def test_blocked_user_is_deactivated_and_start_reactivates(bot):
    bot.add_articles(sample_articles()[:3])
    await subscribe(bot, 51)
    await subscribe(bot, 52)
    bot.tg.blocked.add(51)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert (report.blocked, report.sent) == (1, 1)
    assert bot.store.get_chat(51)["active"] == 0 and "blocked" in bot.store.get_chat(51)["inactive_reason"]
    assert len(digests_to(bot, 52)) == 1
    bot.clock.set(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).due == 1  # only user 52: 51 is no longer sent to
    sends_to_51 = [c for c in bot.tg.calls if c.method == "sendMessage" and c.params.get("chat_id") == 51]
    bot.tg.blocked.discard(51)
    await bot.say(51, "/start")
    assert bot.store.get_chat(51)["active"] == 1
    assert len([c for c in bot.tg.calls if c.method == "sendMessage" and c.params.get("chat_id") == 51]) == \
        len(sends_to_51) + 1


async def test_server_errors_leave_the_delivery_to_resume(bot):
    bot.add_articles(sample_articles()[:3])
    await subscribe(bot, 61)
    bot.tg.fail("sendMessage", 502, times=10, chat_id=61)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.failed == 1 and bot.store.get_delivery(61, "2026-11-28")["status"] == "pending"
    bot.tg.faults.clear()
    report = await bot.bb.pusher.run_due()
    assert report.sent == 1 and len(digests_to(bot, 61)) == 1


async def test_restart_in_the_middle_of_a_push(bot):
    """Users 71-76 (two-message digests); sends to 74-76 hang and fail until the bot 'crashes'. After a
    restart on the same database everyone has exactly one digest."""
    bot.add_articles(sample_articles()[:8])
    users = list(range(71, 77))
    for user_id in users:
        await subscribe(bot, user_id)
    bot.bb.pusher.workers = 4
    for user_id in users[3:]:  # these hang, then fail, again and again: the crash comes meanwhile
        bot.tg.fail("sendMessage", 502, chat_id=user_id, delay=5, times=10)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    push = asyncio.create_task(bot.bb.pusher.run_due())
    def delivered(user_id):
        delivery = bot.store.get_delivery(user_id, "2026-11-28")
        return delivery is not None and delivery["status"] == "sent"

    await until(lambda: all(delivered(u) for u in users[:3]), timeout=20)
    await asyncio.sleep(0.2)
    push.cancel()  # the crash: nothing after this point of the first run reaches the store
    await bot.stop()
    bot.tg.faults.clear()
    await bot.start()
    report = await bot.bb.pusher.run_due()
    assert report.sent == 3 and report.due == 3
    for user_id in users:
        assert len(digests_to(bot, user_id)) == 1, user_id
        assert bot.store.get_delivery(user_id, "2026-11-28")["status"] == "sent"


async def test_long_digest_is_split_between_stories(bot, monkeypatch):
    bot.bb.settings.digest_items = 40
    bot.add_articles(sample_articles()[:40])
    await subscribe(bot, 81)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.sent == 1
    parts = [c for c in bot.tg.sent(81) if c.params["text"].startswith("<b>Your briefing") or "Read the story" in
             c.params["text"]]
    assert len(parts) >= 2
    assert all(len(t) <= 4096 for t in bot.tg.texts(81))
    delivery = bot.store.get_delivery(81, "2026-11-28")
    assert delivery["messages"] == len(delivery["parts"]) == len(parts)
    stories = sum(len(p["article_ids"]) for p in delivery["parts"])
    assert stories == 40 and sum(t.count("Read the story") for t in bot.tg.texts(81)) == 40


async def test_restart_between_two_parts_resumes_at_the_second(bot):
    bot.bb.settings.digest_items = 30
    bot.add_articles(sample_articles()[:30])
    await subscribe(bot, 91)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    first_part_sent = len(bot.tg.sent(91)) + 1
    bot.tg.fail("sendMessage", 502, chat_id=91, delay=5)  # the first part...
    bot.tg.faults[-1].times = 0  # ...goes through; arm the fault only after it
    push = asyncio.create_task(bot.bb.pusher.run_due())
    await until(lambda: len(bot.tg.sent(91)) >= first_part_sent)
    bot.tg.faults[-1].times = 1  # the second part hangs, then fails: the bot "crashes" meanwhile
    await until(lambda: any(c.status == 0 and c.params.get("chat_id") == 91 for c in bot.tg.calls), timeout=5)
    push.cancel()
    await bot.stop()
    bot.tg.faults.clear()
    await bot.start()
    report = await bot.bb.pusher.run_due()
    assert report.sent == 1
    delivery = bot.store.get_delivery(91, "2026-11-28")
    assert len(delivery["parts"]) >= 2 and delivery["messages"] == len(delivery["parts"])
    assert len(digests_to(bot, 91)) == 1  # the first part was not sent again
    assert sum(t.count("Read the story") for t in bot.tg.texts(91)) == 30


async def test_a_refused_message_fails_one_delivery_and_nobody_elses(bot):
    bot.add_articles(sample_articles()[:3])
    for user_id in (101, 102):
        await subscribe(bot, user_id)
    bot.tg.fail("sendMessage", 400, "Bad Request: message must be non-empty", chat_id=101)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert (report.failed, report.sent) == (1, 1)
    failed = bot.store.get_delivery(101, "2026-11-28")
    assert failed["status"] == "failed" and "non-empty" in failed["error"].lower()
    assert bot.store.get_chat(101)["active"] == 1  # not the user's fault: they stay subscribed
    assert len(digests_to(bot, 102)) == 1


async def test_html_refused_by_telegram_falls_back_to_plain_text(bot):
    bot.add_articles(sample_articles()[:3])
    await subscribe(bot, 111)
    bot.tg.fail("sendMessage", 400, "Bad Request: can't parse entities: injected", chat_id=111)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).sent == 1
    sent = bot.tg.sent(111)[-1].params
    assert "parse_mode" not in sent and sent["text"].startswith("Your briefing") and "<b>" not in sent["text"]


async def test_a_push_to_many_stays_within_telegrams_limits(bot):
    """70 subscribers against a server that enforces Telegram's 30 messages in any second (and 1 a
    second per chat), with the bot's rate limiter: every digest arrives and none is refused."""
    bot.add_articles(sample_articles()[:3])
    created = "2026-11-27T00:00:00+00:00"
    users = range(70_001, 70_071)
    bot.store.db["chats"].insert_all({"id": u, "type": "private", "active": 1, "subscribed": 1, "created_at": created,
                                      "updated_at": created} for u in users)
    bot.tg.enforce_limits = True
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.sent == 70 and all(len(digests_to(bot, u)) == 1 for u in users)
    assert [c for c in bot.tg.calls if c.status == 429] == []
    assert bot.tg.too_many_global == 0 and bot.tg.too_many_chat == 0


async def test_a_story_pushed_from_one_source_does_not_come_back_from_another(bot):
    """Two feeds carry the same story (different copy, so two articles grouped as one story). The push
    shows it once; every article of the story counts as delivered, so /digest does not bring it back."""
    story = sample_articles()[0]
    shorter = "\n".join(story["article"].split("\n")[:-1])  # the other outlet's copy lacks the last paragraph
    retold = {**story, "article": shorter, "url": "http://127.0.0.1/other/0"}
    first = bot.add_articles([story], source_name="Wire")
    second = bot.add_articles([retold], source_name="Other")
    assert first[0] and second[0] and first != second
    await subscribe(bot, 121)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).sent == 1
    pushed = digests_to(bot, 121)[-1]
    assert pushed.count("Read the story") == 1 and ("also: Other" in pushed or "also: Wire" in pushed)
    assert bot.store.delivered_article_ids(121) == {first[0], second[0]}
    assert (await bot.say(121, "/digest"))[-1].startswith("Nothing new")


async def test_a_later_time_set_on_the_day_of_subscribing_brings_that_days_digest(bot):
    """Subscribed at 09:00, after the default 08:00: today is skipped. /time 10:00 puts today's digest
    ahead again, and nothing was sent today, so it comes at 10:00; an earlier time keeps today skipped."""
    bot.clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    bot.add_articles(sample_articles()[:3])
    await subscribe(bot, 131)
    await subscribe(bot, 132)
    assert bot.store.get_delivery(131, "2026-11-28")["status"] == "skipped"
    await bot.say(131, "/time 10:00")
    await bot.say(132, "/time 08:30")  # already past: today stays skipped
    bot.clock.set(datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert (report.due, report.sent) == (1, 1) and len(digests_to(bot, 131)) == 1 and digests_to(bot, 132) == []
    await bot.say(131, "/time 11:00")  # today's digest was sent: a later time does not bring a second
    bot.clock.set(datetime(2026, 11, 28, 11, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).due == 0
