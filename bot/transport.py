"""The bot's HTTP client for the Bot API: python-telegram-bot's request interface over aiohttp.

Why not PTB's default (httpx)? Every Bot API call of the bot goes through this one class, and
measured against the same local server (bench/push.py, "bare" rows) httpx spends about 2.2-2.7 ms of
CPU per sendMessage, a third of it in httpcore's connection pool, which re-checks every idle
connection (a socket poll each) whenever a request starts or ends; aiohttp spends about 1.1 ms and
sends twice as many messages per second. The interface is PTB's documented extension point
(`telegram.request.BaseRequest`): PTB still builds the requests, parses the answers and maps HTTP
statuses to its exceptions; this class only moves bytes and maps transport failures to
`TimedOut` / `NetworkError` the way PTB's own HTTPXRequest does.
"""

from __future__ import annotations

import json

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """A pool of at most `connection_pool_size` connections. Timeouts in seconds (None: no limit);
    `pool_timeout` bounds the wait for a free connection, as in PTB's HTTPXRequest."""

    __slots__ = ("_pool_size", "_timeouts", "_session")

    def __init__(self, connection_pool_size: int = 1, *, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0):
        self._pool_size = connection_pool_size
        self._timeouts = {"read": read_timeout, "write": write_timeout, "connect": connect_timeout,
                          "pool": pool_timeout}
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            # created here, not in __init__: a session belongs to the running event loop
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._pool_size),
                                                  headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
                         pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")

        def pick(value: ODVInput[float], name: str) -> float | None:
            return self._timeouts[name] if isinstance(value, DefaultValue) else value

        # aiohttp has no separate write timeout: a request body is written within the read window
        # (sock_read starts once the request is sent), and Bot API bodies here are a few kB
        read, pool, connect = pick(read_timeout, "read"), pick(pool_timeout, "pool"), pick(connect_timeout, "connect")
        timeout = aiohttp.ClientTimeout(total=None, sock_read=read, sock_connect=connect,
                                        connect=None if pool is None or connect is None else pool + connect)
        try:
            body, headers = _body(request_data)
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's timeouts subclass it (a full pool included)
            raise TimedOut(f"aiohttp: {type(exc).__name__}: {exc}") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _body(request_data: RequestData | None) -> tuple[bytes | aiohttp.FormData | None, dict[str, str] | None]:
    """The request body and its headers: JSON, which the Bot API takes for every method, or multipart
    when files are uploaded. (Url-encoding a 3 kB digest part char by char in urllib took 1.1 ms,
    a fifth of the bot's CPU for a /digest; `json.dumps` is C.)"""
    if request_data is None:
        return None, None
    if not request_data.contains_files:
        return json.dumps(request_data.parameters).encode(), _JSON
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form, None


_JSON = {"Content-Type": "application/json"}
