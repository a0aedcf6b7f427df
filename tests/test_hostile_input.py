"""Hostile input end to end: garbage arguments to every command, FTS syntax and huge queries, and
article text full of markup and control characters, through the real Application and the fake Bot
API's Telegram-style validation. Every case gets a plain reply; nothing crashes; nothing changes
that should not."""

import logging

import pytest

from digest.clock import iso, utcnow
from digest.store import NewArticle
from tests.fakes.news import sample_articles

pytestmark = pytest.mark.asyncio
ADMIN, USER = 1, 5

GARBAGE = {
    "missing": "",
    "extra": " one two three four five six seven",
    "markup": ' <b>x</b> &amp; *bold* _it_ `code` [link](http://x) </i> "quoted" \' ; DROP TABLE users; --',
    "control": " \x00\x07\x1b[31m\u202e\u200b\ufeff tab\there",
    "fts": ' NEAR(a b) OR "x" AND NOT y* ^title:z ( { } - + :',
    "emoji": " " + "\U0001f600\U0001f3fd" * 40,
    "huge": " " + "A" * 10_240,
}
USER_COMMANDS = ["/start", "/help", "/digest", "/latest", "/search", "/time", "/timezone", "/sources", "/follow",
                 "/unfollow", "/settings", "/stop"]
ADMIN_COMMANDS = ["/addsource", "/removesource", "/ingest", "/stats", "/sources"]


@pytest.mark.parametrize("kind", list(GARBAGE))
async def test_every_command_with_missing_extra_and_garbage_arguments_gets_a_reply(bot, caplog, kind):
    caplog.set_level(logging.ERROR)
    bot.add_articles(sample_articles()[:3])
    await bot.say(USER, "/start")
    before = bot.store.get_chat(USER)
    for command in USER_COMMANDS:
        replies = await bot.say(USER, command + GARBAGE[kind])
        assert replies and all(r.strip() for r in replies), command
        if command == "/stop":
            await bot.say(USER, "/start")
    for command in ADMIN_COMMANDS:
        replies = await bot.say(ADMIN, command + GARBAGE[kind])
        assert replies and all(r.strip() for r in replies), command
    after = bot.store.get_chat(USER)
    if kind != "missing":  # garbage never becomes a setting
        assert (after["digest_time"], after["timezone"]) == (before["digest_time"], before["timezone"])
    refused = [c for c in bot.tg.calls if c.status not in (0, 200)]
    assert refused == [], [(c.method, c.status, c.result) for c in refused]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize("query", ['"', '""', "NEAR(", "a OR", "*", "-x", "title:x", "AND", "'", "(((", "\\",
                                   "x" * 10_240, "\U0001f600", "\x00"])
async def test_search_with_fts_syntax_and_huge_queries(bot, caplog, query):
    caplog.set_level(logging.ERROR)
    bot.add_articles(sample_articles()[:3])
    [reply] = await bot.say(USER, f"/search {query}")
    assert reply.strip()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


HOSTILE_TITLE = '<script>alert(1)</script> & <b>"Breaking"</b> \x1b[0m*news* _now_ `x` </blockquote>'
HOSTILE_TEXT = ("The council said <b>no</b> & <i>maybe</i> to the plan, and 3 < 5 > 2 holds. "
                "A caption read [click](javascript:alert(1)) \u202e reversed \x07 bell. "
                '"We will <not> & cannot accept </a> this," said Mayor Ann <Lee>.\n') * 3


async def test_articles_full_of_markup_and_control_characters_render_everywhere(bot):
    source = bot.store.add_source("http://127.0.0.1/hostile.xml", "feed", name="<Evil & Co>")
    from digest.analyse import analyse_text

    analysis = analyse_text(HOSTILE_TEXT, HOSTILE_TITLE, 3, cleaned=True)
    bot.store.insert_article(NewArticle(
        source["id"], "https://example.com/a?x=\"><b>", "https://example.com/a", "g1", HOSTILE_TITLE, None,
        iso(utcnow()), analysis.text, "feed", False, analysis.sentences, analysis.quotes, analysis.key_quote,
        analysis.fingerprint))
    await bot.say(USER, "/start")
    [digest] = await bot.say(USER, "/digest")
    assert "<script>alert(1)</script>" in digest and "3 < 5 > 2" in digest  # shown, not interpreted
    message_id = bot.tg.sent(USER)[-1].result["message_id"]
    expanded = await bot.press(USER, message_id, "x:1")
    assert "<script>" in expanded["text"]
    [latest] = await bot.say(USER, "/latest")
    assert "Evil & Co" in latest or "<script>" in latest
    refused = [c for c in bot.tg.calls if c.status not in (0, 200)]
    assert refused == []  # Telegram-style validation accepted every message and edit
    assert all(c.params.get("parse_mode") == "HTML" for c in bot.tg.sent(USER)[1:])  # no plain-text fallback
