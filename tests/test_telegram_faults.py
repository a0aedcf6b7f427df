"""Telegram misbehaving during the push: a 429 storm, 5xx answers, dropped connections, a timeout
and a blocked user, all at once. Every digest still arrives, each message once, in order."""

from datetime import UTC, datetime

from tests.fakes.news import sample_articles
from tests.fakes.telegram import DROP

UTC = UTC
DAY = "2026-11-28"


async def subscribe(bot, user_id):
    await bot.say(user_id, "/start")


async def test_every_digest_arrives_once_and_in_order_through_telegram_faults(bot):
    bot.bb.settings.digest_items = 30
    bot.add_articles(sample_articles()[:30])  # long digests: two messages each, so order matters
    users = list(range(301, 313))
    blocked = 313
    for user_id in [*users, blocked]:
        await subscribe(bot, user_id)
    before = {u: len(bot.tg.sent(u)) for u in users}

    bot.tg.storm("sendMessage", 60, every=2, retry_after=1)  # half of all sends refused for a minute
    bot.tg.fail("sendMessage", 502, times=3)
    bot.tg.fail("sendMessage", 500, times=2)
    bot.tg.fail("sendMessage", DROP, times=4)  # connection closed with no answer
    bot.tg.fail("sendMessage", DROP, delay=6, times=1)  # no answer within PTB's 5 s read timeout
    bot.tg.blocked.add(blocked)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))

    for _ in range(5):  # push ticks, as the job queue would run them
        await bot.bb.pusher.run_due()
        if all(bot.store.get_delivery(u, DAY)["status"] == "sent" for u in users):
            break

    for user_id in users:
        delivery = bot.store.get_delivery(user_id, DAY)
        assert delivery["status"] == "sent", (user_id, delivery)
        expected = [part["html"] for part in delivery["parts"]]
        assert len(expected) >= 2
        received = [call.params["text"] for call in bot.tg.sent(user_id)[before[user_id]:]]
        assert received == expected, user_id  # every part once, in order, nothing else
    assert bot.store.get_chat(blocked)["active"] == 0
    assert all(bot.store.get_chat(u)["active"] == 1 for u in users)  # 403 deactivated that user only
    refused = [c for c in bot.tg.calls if c.method == "sendMessage" and c.status == 429]
    assert len(refused) >= len(users)  # the storm really hit the push
