"""Groups, supergroups and channels over the fake Bot API: who may subscribe and change a chat, what
the bot does when it is added, promoted, demoted or removed, and a group that becomes a supergroup."""

from datetime import UTC, datetime

import pytest

from tests.fakes.harness import until
from tests.fakes.news import sample_articles
from tests.fakes.telegram import BOT_USER

pytestmark = pytest.mark.asyncio

GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Newsroom"}
CHANNEL = {"id": -1009876543210, "type": "channel", "title": "Morning Wire", "username": "morningwire"}
ADMIN, MEMBER, OTHER = 301, 302, 303
BOT_NAME = BOT_USER["username"]


def digests_in(bot, chat_id):
    return [t for t in bot.tg.texts(chat_id) if t.startswith("Your briefing")]


async def test_a_group_is_subscribed_by_its_admin_once_whoever_else_speaks(bot):
    bot.tg.members[(GROUP["id"], ADMIN)] = "administrator"
    bot.add_articles(sample_articles()[:3])
    [refused] = await bot.say_in(GROUP, MEMBER, "/start")
    assert "administrators" in refused and bot.store.subscribers() == []
    [welcome] = await bot.say_in(GROUP, ADMIN, f"/start@{BOT_NAME}")
    assert "This group is subscribed" in welcome
    group = bot.store.get_chat(GROUP["id"])
    assert group["subscribed"] == 1 and group["type"] == "supergroup" and group["title"] == "Newsroom"
    assert bot.store.get_chat(ADMIN) is None and bot.store.get_chat(MEMBER) is None  # members are not subscribers
    [refused] = await bot.say_in(GROUP, MEMBER, "/time 06:00")
    assert "administrators" in refused and bot.store.get_chat(GROUP["id"])["digest_time"] is None
    assert bot.tg.calls and any(c.method == "getChatMember" and c.params["user_id"] == MEMBER for c in bot.tg.calls)
    [done] = await bot.say_in(GROUP, ADMIN, "/time 09:30")
    assert "09:30" in done
    for user in (MEMBER, OTHER, ADMIN):
        await bot.say_in(GROUP, user, "/latest 1")  # anyone may ask; none of it subscribes anyone
    assert [c["id"] for c in bot.store.subscribers()] == [GROUP["id"]]
    bot.clock.set(datetime(2026, 11, 27, 9, 30, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert (report.due, report.sent) == (1, 1) and len(digests_in(bot, GROUP["id"])) == 1
    assert (await bot.bb.pusher.run_due()).due == 0


async def test_a_group_digest_asked_by_anyone_counts_for_the_group(bot):
    bot.add_articles(sample_articles()[:2])
    [text] = await bot.say_in(GROUP, MEMBER, "/digest")
    assert text.startswith("Your briefing")
    [text] = await bot.say_in(GROUP, OTHER, "/digest")
    assert text.startswith("Nothing new")  # the group has it already, whoever asked
    assert bot.store.delivered_article_ids(GROUP["id"]) and not bot.store.delivered_article_ids(MEMBER)


async def test_commands_for_another_bot_and_chatter_get_no_answer_in_a_group(bot):
    bot.tg.members[(GROUP["id"], ADMIN)] = "creator"
    for text in ("/start@other_bot", "/frobnicate", "/frobnicate@other_bot", "good morning all"):
        assert await bot.say_in(GROUP, ADMIN, text, replies=0) == []
    assert bot.store.get_chat(GROUP["id"]) is None or bot.store.get_chat(GROUP["id"])["subscribed"] == 0
    [text] = await bot.say_in(GROUP, ADMIN, f"/frobnicate@{BOT_NAME}")
    assert "don't know that command" in text


async def test_added_to_a_group_it_says_how_to_set_it_up_and_removed_it_stops(bot):
    bot.tg.members[(GROUP["id"], ADMIN)] = "administrator"
    bot.tg.bot_membership(GROUP, ADMIN, "left", "member")
    await until(lambda: bot.tg.texts(GROUP["id"]))
    [hello] = bot.tg.texts(GROUP["id"])
    assert "administrator of this group sends /start" in hello
    await bot.say_in(GROUP, ADMIN, "/start")
    bot.tg.bot_membership(GROUP, ADMIN, "member", "kicked")
    await until(lambda: bot.store.get_chat(GROUP["id"])["active"] == 0)
    assert bot.store.subscribers() == []


async def test_a_channel_is_subscribed_when_the_bot_is_made_its_admin_and_stops_when_demoted(bot):
    bot.add_articles(sample_articles()[:3])
    await bot.say(ADMIN, "/help")  # the owner has a private chat with the bot
    before = len(bot.tg.sent(ADMIN))
    bot.tg.bot_membership(CHANNEL, ADMIN, "left", "administrator")
    await until(lambda: len(bot.tg.sent(ADMIN)) > before)
    told = bot.tg.texts(ADMIN)[-1]
    assert "Morning Wire" in told and "08:00" in told
    channel = bot.store.get_chat(CHANNEL["id"])
    assert channel["type"] == "channel" and channel["subscribed"] == 1 and channel["managed_by"] == ADMIN
    assert bot.tg.sent(CHANNEL["id"]) == []  # nothing said in the channel itself
    assert await bot.say_in(CHANNEL, 0, "/start", replies=0) == []  # a channel's post is nobody's command
    bot.clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).sent == 1
    [post] = bot.tg.sent(CHANNEL["id"])
    assert post.params["text"].startswith("<b>Your briefing") and not post.params.get("reply_markup")
    bot.tg.bot_membership(CHANNEL, ADMIN, "administrator", "member")
    await until(lambda: bot.store.get_chat(CHANNEL["id"])["active"] == 0)
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    assert (await bot.bb.pusher.run_due()).due == 0 and len(bot.tg.sent(CHANNEL["id"])) == 1


async def test_a_group_that_becomes_a_supergroup_keeps_its_subscription(bot):
    group = {"id": -4242, "type": "group", "title": "Small group"}
    bot.tg.members[(group["id"], ADMIN)] = "administrator"
    bot.add_articles(sample_articles()[:2])
    await bot.say_in(group, ADMIN, "/start")
    await bot.say_in(group, ADMIN, "/time 09:00")
    await bot.say_in(group, ADMIN, "/digest")
    received = bot.store.delivered_article_ids(group["id"])
    bot.tg.migrate(group, -1005555)
    await until(lambda: bot.store.get_chat(-1005555) is not None)
    moved = bot.store.get_chat(-1005555)
    assert moved["digest_time"] == "09:00" and moved["subscribed"] == 1 and moved["type"] == "supergroup"
    assert bot.store.get_chat(group["id"]) is None and bot.store.delivered_article_ids(-1005555) == received


async def test_a_push_answered_with_the_groups_new_id_moves_it_and_delivers_there(bot):
    group = {"id": -4343, "type": "group", "title": "Another group"}
    bot.tg.members[(group["id"], ADMIN)] = "administrator"
    bot.add_articles(sample_articles()[:2])
    await bot.say_in(group, ADMIN, "/start")
    bot.tg.migrated[group["id"]] = -1006666  # the service message never reached the bot
    bot.tg.chat_info[-1006666] = {"id": -1006666, "type": "supergroup", "title": "Another group"}
    bot.clock.set(datetime(2026, 11, 27, 8, 0, tzinfo=UTC))
    report = await bot.bb.pusher.run_due()
    assert report.sent == 1 and len(digests_in(bot, -1006666)) == 1
    assert bot.store.get_chat(-1006666)["subscribed"] == 1 and bot.store.get_chat(group["id"]) is None
    assert bot.store.get_delivery(-1006666, "2026-11-27")["status"] == "sent"
