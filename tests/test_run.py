"""`briefbot run` as a user starts it: a subprocess talking HTTP to the fake Bot API."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

from tests.fakes.botprocess import start_bot, stop_bot
from tests.fakes.telegram import TOKEN, FakeTelegram


def test_run_without_token_points_to_preview(env):
    proc = subprocess.run([sys.executable, "-m", "bot", "run"], capture_output=True, text=True, timeout=60,
                          cwd=env, env={**{k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"},
                                        "BRIEFBOT_DB": str(env / "x.db")})
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "briefbot preview" in lines[0]


def test_polling_mode_answers_and_stops_cleanly_on_sigterm(env):
    with FakeTelegram() as tg:
        proc = start_bot(env, tg)
        try:
            tg.send_text(42, "/start")
            tg.wait_for(lambda: tg.sent(42), timeout=60)
        finally:
            out = stop_bot(proc)
        assert proc.returncode == 0, out
        assert "You're subscribed" in tg.texts(42)[0]
        assert TOKEN not in out  # the token never reaches the log
    db = sqlite3.connect(env / "bot.db")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert db.execute("select subscribed from chats where id = 42").fetchone()[0] == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode_with_secret_token(env):
    port = free_port()
    with FakeTelegram() as tg:
        proc = start_bot(env, tg, "--webhook", "https://bot.example.org/hook", "--listen", "127.0.0.1",
                         "--port", str(port), "--secret-token", "s3cret")
        try:
            hook = tg.wait_for(lambda: [c for c in tg.calls if c.method == "setWebhook"], timeout=60)[0]
            assert hook.params["url"] == "https://bot.example.org/hook" and hook.params["secret_token"] == "s3cret"
            update = {"update_id": 1, "message": {
                "message_id": 1, "date": int(time.time()), "text": "/help",
                "chat": {"id": 42, "type": "private"}, "from": tg.user(42),
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}

            def post(secret):
                request = urllib.request.Request(f"http://127.0.0.1:{port}/hook", json.dumps(update).encode(),
                                                 {"Content-Type": "application/json",
                                                  "X-Telegram-Bot-Api-Secret-Token": secret})
                try:
                    return urllib.request.urlopen(request, timeout=10).status
                except urllib.error.HTTPError as exc:
                    return exc.code

            deadline = time.time() + 30
            while True:
                try:
                    status = post("wrong")
                    break
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.2)
            assert status == 403
            assert post("s3cret") == 200
            tg.wait_for(lambda: tg.sent(42), timeout=30)
            assert "/digest" in tg.texts(42)[0]
        finally:
            out = stop_bot(proc)
        assert proc.returncode == 0, out


def test_json_logs_at_info_carry_no_token_and_no_user_text(env):
    """What an operator's log collector receives: JSON lines, ids and counts, never a secret or a message."""
    secret_words = "my-private-words-xyzzy"
    with FakeTelegram() as tg:
        proc = start_bot(env, tg, extra_env={"BRIEFBOT_LOG_FORMAT": "json"})
        try:
            tg.send_text(42, "/start")
            tg.wait_for(lambda: tg.sent(42), timeout=60)
            for text in (f"/search {secret_words}", f"hello {secret_words}", f"/follow {secret_words}",
                         f"/addsource http://{secret_words}.example/feed"):
                before = len(tg.sent(42))
                tg.send_text(42, text)
                tg.wait_for(lambda before=before: len(tg.sent(42)) > before, timeout=30)
        finally:
            out = stop_bot(proc)
    lines = [line for line in out.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert records and all({"ts", "level", "logger", "message"} <= set(r) for r in records)
    assert any(r["level"] == "INFO" for r in records)
    assert any("refused admin command" in r["message"] for r in records)  # the refusal is logged, by id
    assert TOKEN not in out and TOKEN.split(":")[1] not in out
    assert secret_words not in out
