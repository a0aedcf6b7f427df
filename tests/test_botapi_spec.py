"""The fake Bot API's own checks: it must refuse what Telegram refuses, or the end-to-end tests that rely
on it prove nothing."""

from __future__ import annotations

import pytest

from tests.fakes import botapi
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.skipif(not botapi.available(), reason=f"needs {botapi.SPEC_PATH}")

BUTTON = {"text": "Mute", "callback_data": "mute:1"}


@pytest.mark.parametrize(("method", "params", "why"), [
    ("sendMesage", {"chat_id": 1, "text": "x"}, "no such method"),
    ("sendMessage", {"chat_id": 1}, "required field text missing"),
    ("sendMessage", {"chat_id": 1, "text": "x", "disable_web_page_preview": True}, "unknown field"),
    ("sendMessage", {"chat_id": 1.5, "text": "x"}, "Integer"),
    ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": {"inline_keyboard": [[dict(BUTTON, callback_data="x" * 65)]]}},
     "65 bytes"),
    ("sendMessage", {"chat_id": 1, "text": "x", "reply_markup": {"inline_keyboard": [[BUTTON] * 13]}}, "buttons in a row"),
    ("setMyCommands", {"commands": [{"command": "start", "description": ""}]}, "allows 1-256"),
    ("setMyCommands", {"commands": [{"command": "c", "description": "d"}] * 101}, "at most 100"),
    ("setMyCommands", {"commands": [], "scope": {"type": "chat"}}, "chat_id missing"),
    ("setMyCommands", {"commands": [], "language_code": 7}, "String"),
])
def test_calls_outside_the_spec_are_refused(method, params, why):
    with pytest.raises(botapi.Violation, match=why):
        botapi.check_call(method, params)


def test_calls_within_the_spec_pass():
    botapi.check_call("sendMessage", {"chat_id": -100123, "text": "<b>x</b>", "parse_mode": "HTML",
                                      "link_preview_options": {"is_disabled": True},
                                      "reply_markup": {"inline_keyboard": [[BUTTON, {"text": "Site", "url": "https://a.b"}]]}})
    botapi.check_call("setMyCommands", {"commands": [{"command": "digest", "description": "Eine Übersicht"}],
                                        "scope": {"type": "all_private_chats"}, "language_code": "de"})
    botapi.check_call("getChatMember", {"chat_id": "@channel", "user_id": 5})


def test_updates_the_fake_sends_fit_the_spec():
    tg = FakeTelegram()
    botapi.check_update({"update_id": 1, "my_chat_member": {
        "chat": {"id": -1001, "type": "channel", "title": "News"}, "from": tg.user(5), "date": 1,
        "old_chat_member": tg.member(tg.user(1000), "left"),
        "new_chat_member": tg.member(tg.user(1000), "administrator")}})
    with pytest.raises(botapi.Violation, match="status must be creator|none of"):
        botapi.check_update({"update_id": 1, "chat_member": {
            "chat": {"id": -1001, "type": "channel"}, "from": tg.user(5), "date": 1,
            "old_chat_member": {"status": "owner", "user": tg.user(1)},
            "new_chat_member": tg.member(tg.user(1), "member")}})


@pytest.mark.parametrize(("html", "why"), [
    ("a<br>b", "Unsupported start tag"),
    ("<b>bold <i>both</b></i>", "Unmatched end tag"),
    ("5 < 6", "Unexpected|Can't parse"),
    ("<b>  </b>", "empty"),
    ("x" * 4097, "too long"),
])
def test_tdlib_refuses_what_telegram_refuses(html, why):
    with pytest.raises(botapi.ParseError, match=why):
        botapi.visible_text(html, "HTML")


def test_tdlib_reads_entities_as_telegram_does():
    assert botapi.visible_text("Tom &amp; Jerry &nbsp;<a href='https://x.y'>link</a> &#8212;", "HTML") == \
        "Tom & Jerry &nbsp;link \u2014"
    assert botapi.visible_text("\U0001F600" * 4096, "HTML")  # 4096 code points (8192 UTF-16 units) fit
