"""The bot's Bot API client (bot/transport.py) through a real telegram.Bot: answers, Telegram's errors,
transport failures mapped to PTB's exceptions, file uploads, and a restart of the same client."""

import socket

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.transport import AiohttpRequest
from tests.fakes.telegram import DROP, TOKEN, FakeTelegram


@pytest.fixture
def tg():
    server = FakeTelegram().start()
    yield server
    server.stop()


def make_bot(port: int, **timeouts) -> Bot:
    return Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot", request=AiohttpRequest(4, **timeouts))


async def test_messages_and_telegrams_own_errors_arrive_as_ptb_objects(tg):
    async with make_bot(tg.port) as bot:
        message = await bot.send_message(42, "<b>hello</b> &amp; welcome", parse_mode="HTML")
        assert message.text == "hello & welcome" and message.chat.id == 42
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(42, "<b>unclosed", parse_mode="HTML")
    assert [c.params["text"] for c in tg.sent(42)] == ["<b>hello</b> &amp; welcome"]


async def test_a_slow_answer_is_timed_out_and_a_dropped_connection_is_a_network_error(tg):
    async with make_bot(tg.port, read_timeout=0.5) as bot:
        tg.fail("sendMessage", DROP, delay=3, times=1)
        with pytest.raises(TimedOut):
            await bot.send_message(42, "slow")
        tg.fail("sendMessage", DROP, times=1)
        with pytest.raises(NetworkError):
            await bot.send_message(42, "dropped")
        assert (await bot.send_message(42, "after")).text == "after"  # the client is still usable


async def test_nothing_listening_is_a_network_error():
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    bot = make_bot(port)
    await bot.request.initialize()  # Bot.initialize would call getMe first
    try:
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(42, "anyone?")
        assert not isinstance(caught.value, TimedOut)
    finally:
        await bot.request.shutdown()


async def test_a_file_upload_is_sent_as_multipart():
    received = {}

    async def send_document(request: web.Request) -> web.Response:
        form = await request.post()
        upload = form["document"]
        received.update(chat_id=form["chat_id"], caption=form["caption"], filename=upload.filename,
                        content=upload.file.read())
        return web.json_response({"ok": True, "result": {
            "message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}, "caption": form["caption"],
            "document": {"file_id": "f1", "file_unique_id": "u1", "file_name": upload.filename}}})

    app = web.Application()
    app.router.add_post(f"/bot{TOKEN}/sendDocument", send_document)
    async with TestServer(app, host="127.0.0.1") as server:
        bot = make_bot(server.port)
        await bot.request.initialize()
        try:
            message = await bot.send_document(42, b"day,stories\n1,8\n", filename="stats.csv", caption="stats")
        finally:
            await bot.request.shutdown()
    assert received == {"chat_id": "42", "caption": "stats", "filename": "stats.csv",
                        "content": b"day,stories\n1,8\n"}
    assert message.document.file_name == "stats.csv"


async def test_the_client_can_be_shut_down_and_initialised_again(tg):
    request = AiohttpRequest(2)
    bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{tg.port}/bot", request=request)
    for _ in range(2):  # the Application does this on a restart in the same process
        await request.initialize()
        assert (await bot.send_message(42, "again")).text == "again"
        await request.shutdown()
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps the RuntimeError
        await bot.send_message(42, "closed")
