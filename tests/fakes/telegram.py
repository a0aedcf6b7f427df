"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and benchmarks.

The bot under test is the real `telegram.ext.Application` pointed here with
`base_url`. The server speaks the Bot API's HTTP protocol and JSON envelope,
records every call, lets a test inject updates (commands, button presses) and
faults (429 with retry_after and 429 storms, 403 blocked, 400, 5xx, slow answers, dropped
connections), can enforce
Telegram's flood limits (30 messages/s overall, 1/s per chat), and checks
every call and every update it sends against the published Bot API
(`tests/fakes/botapi.py`): a call outside the spec is answered 400 and kept in
`violations`, which the tests' fixtures assert empty; texts are parsed by real
TDLib, as the Bot API server parses them.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from urllib.parse import parse_qsl

from tests.fakes import botapi

TOKEN = "123456:TEST-token"
BOT_USER = {"id": 1000, "is_bot": True, "first_name": "Briefbot", "username": "briefbot_test_bot",
            "can_join_groups": False, "can_read_all_group_messages": False, "supports_inline_queries": False}
MAX_TEXT = 4096
_REASONS = {200: b"OK", 400: b"Bad Request", 401: b"Unauthorized", 403: b"Forbidden", 404: b"Not Found",
            409: b"Conflict", 429: b"Too Many Requests", 500: b"Internal Server Error", 502: b"Bad Gateway"}


class BadRequest(Exception):
    pass


def parse_html(text: str) -> str:
    """The visible text of a Telegram HTML message, parsed by TDLib; raises BadRequest like Telegram does
    (bad or unsupported tags and entities, empty, more than 4096 characters after parsing)."""
    try:
        return botapi.visible_text(text, "HTML")
    except botapi.ParseError as exc:
        raise BadRequest(str(exc)) from exc


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


_STRING_PARAMS = ("text", "caption", "parse_mode", "callback_query_id", "url", "secret_token", "description")
def _form_value(name: str, value: str):
    """A form field as the Bot API reads it: text fields as they are, the others as the JSON they carry."""
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


DROP = 0  # a Fault status: close the connection without an answer (the request is not processed)


@dataclass
class Storm:
    """Until `until` (monotonic), every `every`-th call of `method` is answered 429 with `retry_after`."""
    method: str
    until: float
    every: int = 2
    retry_after: int = 1
    seen: int = 0


@dataclass
class Fault:
    """Answer the next `times` calls of `method` (optionally to one chat) with an error, once `after`
    calls have gone through; status DROP closes the connection instead, after `delay` seconds (a
    timeout or a dropped connection)."""
    method: str
    status: int
    description: str = ""
    retry_after: int | None = None
    times: int = 1
    chat_id: int | None = None
    delay: float = 0.0
    after: int = 0


@dataclass
class Call:
    method: str
    params: dict
    at: float
    status: int = 0  # 0 until answered
    result: object = None


class Upload(bytes):
    """A file part of a multipart call: its bytes, and the name it was sent under."""

    def __new__(cls, content: bytes, filename: str) -> Upload:
        upload = super().__new__(cls, content)
        upload.filename = filename
        return upload


@dataclass
class Chat:
    messages: dict[int, dict] = field(default_factory=dict)
    next_id: int = 1


class FakeTelegram:
    def __init__(self, *, enforce_limits: bool = False, global_per_second: int = 30, per_chat_per_second: int = 1,
                 check_spec: bool = True):
        self.calls: list[Call] = []
        self.check_spec = check_spec and botapi.available()
        self.violations: list[str] = []  # calls outside the published Bot API (answered 400)
        self.faults: list[Fault] = []
        self.storms: list[Storm] = []
        self.blocked: set[int] = set()
        self.delays: dict[str, float] = {}
        self.enforce_limits = enforce_limits
        self.global_per_second = global_per_second
        self.per_chat_per_second = per_chat_per_second
        self.chats: dict[int, Chat] = defaultdict(Chat)
        self.commands: dict[str, list] = {}  # by scope (JSON), and "<scope>/<language>" for a language's menu
        self.languages: dict[int, str] = {}  # user id -> language_code of their Telegram app
        self.members: dict[tuple[int, int], str] = {}  # (chat id, user id) -> status getChatMember answers
        self.chat_info: dict[int, dict] = {}  # groups and channels the tests speak in
        self.migrated: dict[int, int] = {}  # a group's old id -> its supergroup's id (sendMessage answers 400)
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (name, content): uploaded by either side
        self._updates: list[dict] = []
        self._next_update = 1
        self._cond = threading.Condition()
        self._lock = threading.Lock()
        self._sent_times: deque[float] = deque()
        self._chat_times: dict[int, deque[float]] = defaultdict(deque)
        self._stopping = threading.Event()
        self._callback_seq = 0
        self.too_many_global = 0  # 429s for more than 30 messages in a second
        self.too_many_chat = 0  # 429s for more than one message in a second to one chat
        self._injected_at: dict[int, float] = {}
        self._latencies: list[float] = []
        # An asyncio HTTP/1.1 server on its own thread and loop: a thread per connection (http.server)
        # cannot keep up with the bot's send rate. Calls that may block (long polling, injected delays)
        # run in a thread pool so they never stall the others.
        self._loop = asyncio.new_event_loop()
        self._pool = ThreadPoolExecutor(max_workers=64, thread_name_prefix="fake-telegram")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(512)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/bot"
        self._thread = threading.Thread(target=self._run_loop, daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()

    # --- lifecycle ----------------------------------------------------------------
    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def open_server() -> None:
            self._server = await asyncio.start_server(self._connection, sock=self._listener)
            self._ready.set()

        self._loop.run_until_complete(open_server())
        self._loop.run_forever()

    def start(self) -> FakeTelegram:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()

        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for task in [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]:
                task.cancel()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._pool.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        if exc[0] is None:
            self.assert_within_spec()

    def assert_within_spec(self) -> None:
        assert not self.violations, f"calls outside Bot API {botapi.spec()['version']}: {self.violations[:5]}"

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        key, value = line.split(":", 1)
                        headers[key.strip().lower()] = value.strip()
                length = int(headers.get("content-length") or 0)
                body = await reader.readexactly(length) if length else b""
                content_type = headers.get("content-type", "")
                if self._may_block(path):
                    status, payload = await self._loop.run_in_executor(
                        self._pool, self.handle, path, body, content_type)
                else:
                    status, payload = self.handle(path, body, content_type)
                if status == DROP:
                    break  # no answer at all: the client sees a dropped connection
                raw = isinstance(payload, bytes)  # a file's download
                data = payload if raw else json.dumps(payload).encode()
                close = headers.get("connection", "").lower() == "close"
                writer.write(b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n"
                             % (status, _REASONS.get(status, b"Error"),
                                b"application/octet-stream" if raw else b"application/json", len(data),
                                b"Connection: close\r\n" if close else b"") + data)
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError, ValueError):
            pass
        finally:
            writer.close()

    def _may_block(self, path: str) -> bool:
        return (path.endswith("/getUpdates") or bool(self.delays)
                or any(f.delay and f.times > 0 for f in self.faults))

    # --- what tests do --------------------------------------------------------------
    def _push_update(self, update: dict) -> int:
        with self._cond:
            update["update_id"] = self._next_update
            if self.check_spec:
                botapi.check_update(update)  # a test that builds an update Telegram never sends fails here
            self._next_update += 1
            self._updates.append(update)
            self._cond.notify_all()
            return update["update_id"]

    def user(self, user_id: int) -> dict:
        """A user as updates show them, in the language of their Telegram app (`languages`, default en)."""
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "username": f"user{user_id}",
                "language_code": self.languages.get(user_id, "en")}

    def send_text(self, user_id: int, text: str, chat: dict | None = None, reply_to: int | None = None) -> int:
        """A message from `user_id`, in their private chat or in `chat` (a group: {"id", "type", "title"};
        a channel's post has no sender), answering message `reply_to` of that chat if given; a leading
        /command gets its bot_command entity."""
        chat = chat or {"id": user_id, "type": "private", "first_name": f"User{user_id}"}
        if chat["type"] != "private":
            self.chat_info[chat["id"]] = chat
        message = {"message_id": self._new_message_id(chat["id"]), "date": int(time.time()), "chat": chat,
                   "text": text}
        if chat["type"] == "channel":
            message["sender_chat"] = chat
        else:
            message["from"] = self.user(user_id)
        if reply_to is not None:
            message["reply_to_message"] = self.chats[chat["id"]].messages[reply_to]
        command = re.match(r"/[A-Za-z0-9_]+(?:@\w+)?", text)
        if command:
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command.group(0))}]
        return self._push_update({"channel_post" if chat["type"] == "channel" else "message": message})

    def send_document(self, user_id: int, file_name: str, content: bytes, *, caption: str | None = None,
                      mime_type: str = "text/x-opml") -> int:
        """A file from `user_id` in their private chat (the bot downloads it with getFile); returns its
        message id, which `send_text(..., reply_to=)` can answer."""
        chat = {"id": user_id, "type": "private", "first_name": f"User{user_id}"}
        message = {"message_id": self._new_message_id(user_id), "date": int(time.time()), "chat": chat,
                   "from": self.user(user_id), "document": self._keep_file(file_name, content, mime_type)}
        if caption:
            message["caption"] = caption
        with self._lock:
            self.chats[user_id].messages[message["message_id"]] = message
        self._push_update({"message": message})
        return message["message_id"]

    @staticmethod
    def member(user: dict, status: str) -> dict:
        """A ChatMember of the Bot API: every field its kind requires (an administrator may post)."""
        out: dict = {"status": status, "user": user}
        if status == "creator":
            out["is_anonymous"] = False
        elif status == "administrator":
            out.update({key: False for key in (
                "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
                "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
                "can_post_stories", "can_edit_stories", "can_delete_stories")}, can_post_messages=True)
        elif status in ("kicked", "restricted"):
            out["until_date"] = 0
            if status == "restricted":
                out.update({key: False for key in (
                    "is_member", "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos",
                    "can_send_videos", "can_send_video_notes", "can_send_voice_notes", "can_send_polls",
                    "can_send_other_messages", "can_add_web_page_previews", "can_change_info", "can_invite_users",
                    "can_pin_messages", "can_manage_topics", "can_edit_tag")})
        return out

    def bot_membership(self, chat: dict, by_user: int, old: str, new: str) -> int:
        """The bot's own status in `chat` changed from `old` to `new`, done by `by_user` (my_chat_member)."""
        self.chat_info[chat["id"]] = chat
        return self._push_update({"my_chat_member": {
            "chat": chat, "from": self.user(by_user), "date": int(time.time()),
            "old_chat_member": self.member(BOT_USER, old), "new_chat_member": self.member(BOT_USER, new)}})

    def migrate(self, group: dict, supergroup_id: int) -> int:
        """A group becomes a supergroup: the service message in the old group; sends there answer 400."""
        self.migrated[group["id"]] = supergroup_id
        self.chat_info[supergroup_id] = {"id": supergroup_id, "type": "supergroup", "title": group.get("title")}
        message = {"message_id": self._new_message_id(group["id"]), "date": int(time.time()), "chat": group,
                   "from": self.user(1), "migrate_to_chat_id": supergroup_id}
        return self._push_update({"message": message})

    def press(self, user_id: int, message_id: int, data: str) -> str:
        """Press an inline button under the bot's message `message_id` in `user_id`'s chat."""
        message = self.chats[user_id].messages[message_id]
        self._callback_seq += 1
        query_id = f"cq{self._callback_seq}"
        self._push_update({"callback_query": {"id": query_id, "from": self.user(user_id), "message": message,
                                              "chat_instance": f"ci{user_id}", "data": data}})
        return query_id

    def fail(self, method: str, status: int, description: str = "", *, retry_after: int | None = None,
             times: int = 1, chat_id: int | None = None, delay: float = 0.0, after: int = 0) -> None:
        with self._lock:
            self.faults.append(Fault(method, status, description, retry_after, times, chat_id, delay, after))

    def storm(self, method: str, seconds: float, *, every: int = 2, retry_after: int = 1) -> None:
        """A flood-control storm: for `seconds`, every `every`-th call of `method` gets 429."""
        with self._lock:
            self.storms.append(Storm(method, time.monotonic() + seconds, every, retry_after))

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and c.status == 200
                    and (chat_id is None or c.params.get("chat_id") == chat_id)]

    def texts(self, chat_id: int) -> list[str]:
        return [botapi.parse_text(c.params["text"], c.params.get("parse_mode"))[0] for c in self.sent(chat_id)]

    def shown(self, chat_id: int) -> list[str]:
        """The bot's messages in a chat as they stand now, edits included (a document by its caption)."""
        with self._lock:
            messages = list(self.chats[chat_id].messages.values()) if chat_id in self.chats else []
        return [m.get("text") or m.get("caption") or "" for m in messages if m.get("from") == BOT_USER]

    def answered_callbacks(self) -> list[dict]:
        return [c.params for c in self.calls if c.method == "answerCallbackQuery"]

    def wait_for(self, predicate, timeout: float = 10.0, interval: float = 0.01):
        """Poll (in a thread, for sync helpers) until predicate() is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(interval)
        raise AssertionError("condition not met within timeout")

    # --- control API, for a benchmark that runs this server in another process ------------
    def _control(self, op: str, data: dict) -> dict:
        if op == "inject":
            now = time.monotonic()
            for user_id, text in data["texts"]:
                self._injected_at[user_id] = now
                self.send_text(user_id, text)
            return {"ok": True}
        if op == "stats":
            with self._lock:
                sends = [c for c in self.calls if c.method == "sendMessage"]
                return {"sent": sum(c.status == 200 for c in sends), "too_many": sum(c.status == 429 for c in sends),
                        "errors": sum(c.status not in (200, 429, 0) for c in sends),
                        "chats": len({c.params.get("chat_id") for c in sends if c.status == 200}),
                        "too_many_global": self.too_many_global, "too_many_chat": self.too_many_chat,
                        "too_many_at": [c.at - sends[0].at for c in sends if c.status == 429] if sends else [],
                        "latencies": [latency for _, latency in self._latencies],
                        "latencies_by_chat": list(self._latencies)}
        if op == "reset":
            with self._lock:
                self.calls.clear()
                self._latencies.clear()
                self._injected_at.clear()
            return {"ok": True}
        if op == "limits":
            self.enforce_limits = bool(data.get("enforce"))
            return {"ok": True}
        return {"ok": False}

    # --- the server side ------------------------------------------------------------
    def _new_message_id(self, chat_id: int) -> int:
        with self._lock:
            chat = self.chats[chat_id]
            message_id = chat.next_id
            chat.next_id += 1
            return message_id

    def handle(self, path: str, body: bytes, content_type: str) -> tuple[int, dict | bytes]:
        if path.startswith("/control/"):
            return 200, self._control(path[len("/control/"):], json.loads(body or b"{}"))
        download = re.match(r"^/file/bot([^/]+)/files/(\w+)$", path)
        if download:
            token, file_id = download.groups()
            if token != TOKEN or file_id not in self.files:
                return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            return 200, self.files[file_id][1]
        match = re.match(r"^/bot([^/]+)/(\w+)$", path)
        if not match:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method = match.groups()
        params = self._params(body, content_type)
        call = Call(method, params, time.time())
        with self._lock:
            self.calls.append(call)
        if token != TOKEN:
            call.status = 401
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if self.check_spec:
            try:
                botapi.check_call(method, params)
            except botapi.Violation as exc:
                self.violations.append(str(exc))
                call.status = 400
                return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
        status, payload = self._dispatch(method, params)
        call.status = status
        call.result = payload.get("result")
        return status, payload

    @staticmethod
    def _params(body: bytes, content_type: str) -> dict:
        if not body:
            return {}
        if "json" in content_type:
            return json.loads(body)
        if content_type.startswith("multipart/form-data"):
            return FakeTelegram._multipart(body, content_type)
        return {key: _form_value(key, value) for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True)}

    @staticmethod
    def _multipart(body: bytes, content_type: str) -> dict:
        """An upload: each file part as an Upload (bytes, the spec's InputFile, with its file name),
        the other parts as the JSON values they carry."""
        form = BytesParser(policy=policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        out: dict = {}
        for part in form.iter_parts():
            name = part.get_param("name", header="content-disposition")
            value = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            out[name] = Upload(value, filename) if filename else _form_value(name, value.decode("utf-8"))
        return out

    def _fault_for(self, method: str, chat_id) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.method == method and fault.times > 0 and (fault.chat_id in (None, chat_id)):
                    if fault.after > 0:
                        fault.after -= 1
                        continue
                    fault.times -= 1
                    return fault
        return None

    def _flood_check(self, chat_id: int) -> int | None:
        """Seconds to wait when this send would break 30/s overall or 1/s per chat."""
        now = time.monotonic()
        with self._lock:
            window = self._sent_times
            while window and now - window[0] >= 1.0:
                window.popleft()
            chat_window = self._chat_times[chat_id]
            while chat_window and now - chat_window[0] >= 1.0:
                chat_window.popleft()
            if len(window) >= self.global_per_second:
                self.too_many_global += 1
                return 1
            if len(chat_window) >= self.per_chat_per_second:
                self.too_many_chat += 1
                return 1
            window.append(now)
            chat_window.append(now)
        return None

    def _storm_for(self, method: str) -> Storm | None:
        now = time.monotonic()
        with self._lock:
            for storm in self.storms:
                if storm.method == method and now < storm.until:
                    storm.seen += 1
                    if storm.seen % storm.every == 0:
                        return storm
        return None

    def _dispatch(self, method: str, params: dict) -> tuple[int, dict]:
        chat_id = params.get("chat_id")
        delay = self.delays.get(method, 0.0)
        storm = self._storm_for(method)
        if storm:
            return 429, {"ok": False, "error_code": 429, "parameters": {"retry_after": storm.retry_after},
                         "description": f"Too Many Requests: retry after {storm.retry_after}"}
        fault = self._fault_for(method, chat_id)
        if fault and fault.delay:
            delay = max(delay, fault.delay)
        if delay:
            self._stopping.wait(delay)
        if fault and fault.status == DROP:
            return DROP, {}
        if fault:
            description = fault.description or {400: "Bad Request: injected", 403: "Forbidden: injected",
                                                 429: "Too Many Requests: retry later",
                                                 500: "Internal Server Error", 502: "Bad Gateway"}.get(
                fault.status, "error")
            payload = {"ok": False, "error_code": fault.status, "description": description}
            if fault.retry_after is not None:
                payload["parameters"] = {"retry_after": fault.retry_after}
                if fault.status == 429:
                    payload["description"] = f"Too Many Requests: retry after {fault.retry_after}"
            return fault.status, payload
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        try:
            return 200, {"ok": True, "result": handler(params)}
        except BadRequest as exc:
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
        except _Migrated as exc:
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: group chat was upgraded to a supergroup chat",
                         "parameters": {"migrate_to_chat_id": exc.new_id}}
        except _Forbidden as exc:
            return 403, {"ok": False, "error_code": 403, "description": f"Forbidden: {exc}"}
        except _TooMany as exc:
            return 429, {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {exc.seconds}",
                         "parameters": {"retry_after": exc.seconds}}

    # --- Bot API methods --------------------------------------------------------------
    def _m_getMe(self, params):  # noqa: N802
        return BOT_USER

    def _m_deleteWebhook(self, params):  # noqa: N802
        return True

    def _m_setWebhook(self, params):  # noqa: N802
        return True

    def _m_close(self, params):
        return True

    def _m_setMyCommands(self, params):  # noqa: N802
        scope = params.get("scope") or {"type": "default"}
        key = json.dumps(scope, sort_keys=True) + (f"/{params['language_code']}" if params.get("language_code") else "")
        self.commands[key] = params.get("commands") or []
        return True

    def _m_deleteMyCommands(self, params):  # noqa: N802
        self.commands.pop(json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True), None)
        return True

    def _m_getUpdates(self, params):  # noqa: N802
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        with self._cond:
            # updates are dropped only once a later offset confirms them
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            return list(self._updates[:limit])

    def _check_text(self, params) -> str:
        text = params.get("text")
        if text is None or text == "":
            raise BadRequest("message text is empty")
        try:
            return botapi.visible_text(text, params.get("parse_mode"))
        except botapi.ParseError as exc:
            raise BadRequest(str(exc)) from exc

    def _m_getChatMember(self, params):  # noqa: N802
        chat_id, user_id = params.get("chat_id"), params.get("user_id")
        if not isinstance(chat_id, int) or not isinstance(user_id, int):
            raise BadRequest("chat not found")
        return self.member(self.user(user_id), self.members.get((chat_id, user_id), "member"))

    def _m_sendMessage(self, params):  # noqa: N802
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise BadRequest("chat not found")
        if chat_id in self.migrated:
            raise _Migrated(self.migrated[chat_id])
        if chat_id in self.blocked:
            raise _Forbidden("bot was blocked by the user")
        visible = self._check_text(params)
        if self.enforce_limits:
            wait = self._flood_check(chat_id)
            if wait:
                raise _TooMany(wait)
        message = {"message_id": self._new_message_id(chat_id), "date": int(time.time()),
                   "chat": self.chat_info.get(chat_id) or {"id": chat_id, "type": "private",
                                                           "first_name": f"User{chat_id}"},
                   "from": BOT_USER, "text": visible}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        with self._lock:
            self.chats[chat_id].messages[message["message_id"]] = message
            injected = self._injected_at.pop(chat_id, None)
            if injected is not None:
                self._latencies.append((chat_id, time.monotonic() - injected))
        return message

    def _m_editMessageText(self, params):  # noqa: N802
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        with self._lock:
            message = self.chats[chat_id].messages.get(message_id) if chat_id in self.chats else None
        if message is None:
            raise BadRequest("message to edit not found")
        visible = self._check_text(params)
        markup = params.get("reply_markup")
        if visible == message["text"] and markup == message.get("reply_markup"):
            raise BadRequest("message is not modified: specified new message content and reply markup are "
                             "exactly the same as a current content and reply markup of the message")
        edited = dict(message, text=visible, edit_date=int(time.time()))
        if markup:
            edited["reply_markup"] = markup
        else:
            edited.pop("reply_markup", None)
        with self._lock:
            self.chats[chat_id].messages[message_id] = edited
        return edited

    def _m_sendDocument(self, params):  # noqa: N802
        chat_id, upload = params.get("chat_id"), params.get("document")
        if not isinstance(chat_id, int):
            raise BadRequest("chat not found")
        if chat_id in self.blocked:
            raise _Forbidden("bot was blocked by the user")
        if not isinstance(upload, Upload) or not upload:
            raise BadRequest("file must be non-empty")
        message = {"message_id": self._new_message_id(chat_id), "date": int(time.time()),
                   "chat": self.chat_info.get(chat_id) or {"id": chat_id, "type": "private",
                                                           "first_name": f"User{chat_id}"},
                   "from": BOT_USER, "document": self._keep_file(upload.filename, bytes(upload))}
        if params.get("caption"):
            try:
                message["caption"] = botapi.visible_text(params["caption"], params.get("parse_mode"))
            except botapi.ParseError as exc:
                raise BadRequest(str(exc)) from exc
        with self._lock:
            self.chats[chat_id].messages[message["message_id"]] = message
        return message

    def _m_getFile(self, params):  # noqa: N802
        file_id = params.get("file_id")
        if file_id not in self.files:
            raise BadRequest("invalid file_id")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id][1]),
                "file_path": f"files/{file_id}"}

    def _keep_file(self, name: str, content: bytes, mime_type: str = "application/octet-stream") -> dict:
        """A Document for `content`, which getFile and the file URL then serve."""
        with self._lock:
            file_id = f"doc{len(self.files) + 1}"
            self.files[file_id] = (name, content)
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name, "mime_type": mime_type,
                "file_size": len(content)}

    def _m_answerCallbackQuery(self, params):  # noqa: N802
        return True

    def _m_sendChatAction(self, params):  # noqa: N802
        return True


class _Forbidden(Exception):
    pass


class _Migrated(Exception):
    def __init__(self, new_id: int):
        super().__init__(new_id)
        self.new_id = new_id


class _TooMany(Exception):
    def __init__(self, seconds: int):
        super().__init__(seconds)
        self.seconds = seconds
