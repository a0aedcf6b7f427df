"""Every user command, end to end: the real Application over HTTP against the fake Bot API."""

import asyncio

import pytest

from tests.fakes.harness import until
from tests.fakes.news import sample_articles

pytestmark = pytest.mark.asyncio


async def test_start_subscribes_with_payload_and_menus(bot):
    [welcome] = await bot.say(5, "/start campaign42")
    assert "You're subscribed" in welcome and "08:00 (UTC)" in welcome
    user = bot.store.get_chat(5)
    assert user["subscribed"] == 1 and user["active"] == 1 and user["start_payload"] == "campaign42"
    default = bot.tg.commands['{"type": "default"}']
    assert "digest" in [c["command"] for c in default] and "addsource" not in [c["command"] for c in default]
    admin = bot.tg.commands['{"chat_id": 1, "type": "chat"}']
    assert {"addsource", "removesource", "ingest", "stats", "digest"} <= {c["command"] for c in admin}


async def test_help_and_unknown(bot):
    [text] = await bot.say(5, "/help")
    assert "/digest" in text and "/timezone" in text
    [text] = await bot.say(5, "/frobnicate now")
    assert "don't know that command" in text
    [text] = await bot.say(5, "hello there")
    assert "/digest" in text


async def test_digest_then_nothing_new(bot):
    bot.add_articles(sample_articles()[:3])
    await bot.say(5, "/start")
    [briefing] = await bot.say(5, "/digest")
    assert briefing.startswith("Your briefing") and "Read the story" in briefing
    for article in sample_articles()[:3]:
        assert article["title"] in briefing
    sent = bot.tg.sent(5)[-1]
    assert sent.params["link_preview_options"]["is_disabled"] is True
    assert sent.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "x:0"
    [again] = await bot.say(5, "/digest")
    assert again == "Nothing new since your last briefing. /latest shows the newest stories."


async def test_an_empty_first_digest_says_why_and_points_to_latest(bot):
    [text] = await bot.say(5, "/digest")
    assert text.startswith("No stories have been collected yet")
    bot.add_articles(sample_articles()[:3], hours_ago=30 * 24)  # a month old: stored, but not for a digest
    [text] = await bot.say(5, "/digest")
    assert "no stories from the last 48 hours" in text and "/latest" in text
    await bot.say(5, "/follow volcano")
    [text] = await bot.say(5, "/digest")
    assert "on your topics (volcano)" in text and "/latest" in text
    [latest] = await bot.say(5, "/latest")
    assert latest.startswith("Latest stories") and latest.count("Read the story") == 3


async def test_a_digest_cut_short_by_telegram_delivers_what_it_showed_and_its_sent_part_works(bot):
    """Telegram refuses the second message of a long /digest: the first message's buttons still work,
    its stories (and only they) count as delivered, and the next /digest brings the rest, as the push
    does with a digest cut short."""
    bot.bb.settings.digest_items = 30
    bot.add_articles(sample_articles()[:30])  # a long briefing: several messages
    bot.tg.fail("sendMessage", 400, "Bad Request: message can't be sent", times=1, after=1)
    before = len(bot.tg.sent(5))
    bot.tg.send_text(5, "/digest")
    await until(lambda: len(bot.tg.sent(5)) >= before + 2)  # the first part, then the error handler's apology
    first, apology = bot.tg.sent(5)[before:before + 2]
    assert first.result["text"].startswith("Your briefing") and "something went wrong" in apology.params["text"]
    shown = bot.store.delivered_article_ids(5)
    assert 0 < len(shown) < 30 and len(shown) == first.result["text"].count("Read the story")
    expanded = await bot.press(5, first.result["message_id"], "x:0")
    assert expanded["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "c"  # expanded in place

    before = len(bot.tg.sent(5))
    bot.tg.send_text(5, "/digest")
    await until(lambda: len(bot.store.delivered_article_ids(5)) == 30)  # the rest, delivered
    again = bot.tg.texts(5)[before:]
    assert again[0].startswith("Your briefing")
    assert sum(t.count("Read the story") for t in again) == 30 - len(shown)


async def test_expand_in_place_and_back(bot):
    bot.add_articles(sample_articles()[:2])
    await bot.say(5, "/digest")
    message_id = bot.tg.sent(5)[-1].result["message_id"]
    original = bot.tg.chats[5].messages[message_id]["text"]
    sends_before = len(bot.tg.sent(5))
    expanded = await bot.press(5, message_id, "x:1")
    assert expanded["text"] != original and sample_articles()[1]["title"] in expanded["text"]
    assert len(expanded["text"]) > len(original.split("\n\n")[2])  # more sentences than the briefing item
    assert expanded["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "c"
    back = await bot.press(5, message_id, "c")
    assert back["text"] == original
    assert len(bot.tg.sent(5)) == sends_before  # edited in place: no new messages


async def test_latest_shows_the_newest_stories_whatever_their_age_with_their_dates(bot):
    bot.add_articles(sample_articles()[:2], hours_ago=24 * 10, source_name="Old")  # ten days before the clock
    [text] = await bot.say(5, "/latest")
    assert text.count("Read the story") == 2 and "Nov 17, 2026, 06:00" in text  # ten days before 27 Nov 06:00 UTC
    await bot.say(5, "/timezone Asia/Seoul")
    [text] = await bot.say(5, "/latest 1")
    assert "Nov 17, 2026, 15:00" in text  # the same moment in the reader's zone


async def test_latest(bot):
    bot.add_articles(sample_articles()[:6])
    [text] = await bot.say(5, "/latest 2")
    assert text.startswith("Latest stories") and text.count("Read the story") == 2
    [text] = await bot.say(5, "/latest")
    assert text.count("Read the story") == 5
    for bad in ("/latest abc", "/latest 0", "/latest 99", "/latest 1 2"):
        [text] = await bot.say(5, bad)
        assert text.startswith("Usage: /latest")


async def test_search(bot):
    bot.add_articles(sample_articles()[:6])
    word = sample_articles()[2]["title"].split()[-1]
    [text] = await bot.say(5, f"/search {word}")
    assert sample_articles()[2]["title"] in text
    [text] = await bot.say(5, '/search "unbalanced AND (NEAR')
    assert text.startswith("No stories match") or "Stories matching" in text
    [text] = await bot.say(5, "/search " + "x" * 3000)
    assert "No stories match" in text and len(text) < 200
    [text] = await bot.say(5, "/search")
    assert text.startswith("Usage: /search")


async def test_time_and_timezone(bot):
    [text] = await bot.say(5, "/time 7:30")
    assert "07:30" in text and bot.store.get_chat(5)["digest_time"] == "07:30"
    for bad in ("/time 25:00", "/time", "/time noon later"):
        [text] = await bot.say(5, bad)
        assert "Usage: /time" in text
    [text] = await bot.say(5, "/timezone Asia/Seoul")
    assert "Asia/Seoul" in text and bot.store.get_chat(5)["timezone"] == "Asia/Seoul"
    [text] = await bot.say(5, "/timezone Berlin")
    assert "Did you mean Europe/Berlin?" in text and bot.store.get_chat(5)["timezone"] == "Asia/Seoul"
    [text] = await bot.say(5, "/timezone Mars/Olympus_Mons")
    assert "I don't know the time zone" in text and "IANA" in text
    [text] = await bot.say(5, "/timezone ../../etc/passwd")
    assert "I don't know the time zone" in text


async def test_sources_mute_and_unmute(bot):
    bot.add_articles(sample_articles()[:2], source_name="Alpha")
    bot.add_articles(sample_articles()[2:4], source_name="Beta")
    [text] = await bot.say(5, "/sources")
    assert "Alpha" in text and "Beta" in text
    message = bot.tg.sent(5)[-1].result
    beta = bot.store.source_by_url("http://127.0.0.1/Beta.xml")["id"]
    after = await bot.press(5, message["message_id"], f"m:{beta}")
    assert "Beta (muted)" in after["text"]
    assert bot.store.get_chat(5)["muted_sources"] == [beta]
    [briefing] = await bot.say(5, "/digest")
    assert sample_articles()[0]["title"] in briefing and sample_articles()[2]["title"] not in briefing
    after = await bot.press(5, message["message_id"], f"m:{beta}")
    assert "(muted)" not in after["text"] and bot.store.get_chat(5)["muted_sources"] == []


async def test_follow_and_unfollow(bot):
    bot.add_articles(sample_articles()[:6])
    topic = "electric"  # in two of the six stories
    [text] = await bot.say(5, f"/follow {topic}")
    assert "Following electric" in text
    [briefing] = await bot.say(5, "/digest")
    assert briefing.count("Read the story") >= 1
    for item in briefing.split("\n\n")[1:]:
        assert topic in item.lower()
    for bad in ("/follow", "/follow .*", "/follow two words", "/follow (a|b)+"):
        [text] = await bot.say(5, bad)
        assert text.startswith("Usage: /follow")
    [text] = await bot.say(5, "/unfollow electric")
    assert "Stopped following electric" in text and bot.store.get_chat(5)["topics"] == []
    [text] = await bot.say(5, "/unfollow nothing")
    assert "You don't follow" in text


async def test_settings_buttons(bot):
    await bot.say(5, "/start")
    [text] = await bot.say(5, "/settings")
    assert "Daily briefing: on, at 08:00 (UTC)" in text
    message_id = bot.tg.sent(5)[-1].result["message_id"]
    after = await bot.press(5, message_id, "s:later")
    assert "at 09:00" in after["text"] and bot.store.get_chat(5)["digest_time"] == "09:00"
    after = await bot.press(5, message_id, "s:pause")
    assert "Daily briefing: paused" in after["text"] and bot.store.get_chat(5)["subscribed"] == 0
    after = await bot.press(5, message_id, "s:resume")
    assert "Daily briefing: on" in after["text"]
    after = await bot.press(5, message_id, "s:bogus")
    assert bot.tg.answered_callbacks()[-1]["text"] == "This button no longer works."


async def test_stop_unsubscribes(bot):
    await bot.say(5, "/start")
    [text] = await bot.say(5, "/stop")
    assert "unsubscribed" in text and bot.store.get_chat(5)["subscribed"] == 0


async def test_forged_button_data_is_refused(bot):
    bot.add_articles(sample_articles()[:1])
    await bot.say(5, "/digest")
    message_id = bot.tg.sent(5)[-1].result["message_id"]
    for data in ("x:99", "x:-1", "x:abc", "m:9999", "zz", ""):
        await bot.press(5, message_id, data)
    notes = [c.get("text") for c in bot.tg.answered_callbacks()]
    assert all(notes) and len(notes) == 6


async def test_a_flooding_user_is_throttled_and_others_are_not(bot):
    bot.bb.settings.command_burst, bot.bb.settings.commands_per_second = 5, 1.0
    for _ in range(50):
        bot.tg.send_text(66, "/help")
    [text] = await bot.say(67, "/help")  # another user, in the middle of the flood
    assert "/digest" in text
    await asyncio.sleep(0.5)
    flooded = bot.tg.texts(66)
    assert flooded.count("You're sending commands faster than I can answer; I'll skip some. "
                         "Try again in a few seconds.") == 1
    answered = [t for t in flooded if "/digest" in t]
    assert 5 <= len(answered) <= 7  # the burst (plus what refilled meanwhile), not 50


async def test_users_only_ever_read_or_change_their_own_settings(bot):
    """Settings are keyed by the sender, never by anything in the command or the button data; even a
    forged button press (a message from another user's chat) changes and reveals nothing of theirs."""
    bot.add_articles(sample_articles()[:2])
    await bot.say(5, "/start")
    await bot.say(5, "/time 07:15")
    await bot.say(5, "/timezone Asia/Seoul")
    await bot.say(6, "/start")
    await bot.say(6, "/time 21:00")
    await bot.say(6, "/follow internet")
    [settings_6] = await bot.say(6, "/settings")
    assert "21:00" in settings_6 and "07:15" not in settings_6 and "Seoul" not in settings_6
    await bot.say(5, "/digest")
    digest_message = bot.tg.sent(5)[-1].result
    before_5 = bot.store.get_chat(5)
    for data in ("s:pause", "s:later", "x:1"):
        bot.tg._push_update({"callback_query": {"id": f"forged-{data}", "from": bot.tg.user(6),
                                                "message": digest_message, "chat_instance": "x", "data": data}})
    await until(lambda: len([c for c in bot.tg.answered_callbacks() if c["callback_query_id"].startswith("forged")])
                == 3)
    after_5 = bot.store.get_chat(5)
    for key in ("digest_time", "timezone", "subscribed", "topics", "muted_sources"):
        assert after_5[key] == before_5[key], key
    answers = [c.get("text") or "" for c in bot.tg.answered_callbacks() if c["callback_query_id"].startswith("forged")]
    assert not any(sample_articles()[0]["title"][:30] in a for a in answers)
    assert [t for t in bot.tg.texts(6) if sample_articles()[0]["title"][:30] in t] == []
