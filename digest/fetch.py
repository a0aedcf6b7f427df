"""Polite, bounded async HTTP for feeds and pages (httpx).

What a feed reader owes the sites it polls and itself (after miniflux's fetcher):
conditional GET (ETag / Last-Modified, answered by 304), a clear user agent, a
deadline for the whole response (so a server that dribbles bytes cannot hold a
pass hostage), a cap on the decoded body (gzip bombs count their inflated size),
redirects followed by hand so that every hop is checked, and one clear
`FetchError` per failure kind.

Server-side request forgery: unless private hosts are allowed, a URL is refused
when its host resolves to a loopback, private, link-local, multicast or reserved
address. The check runs when the connection is made (in the network backend),
so it holds for every redirect hop and for DNS answers that change between a
check and the connect.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from httpcore._backends.base import SOCKET_OPTION

MAX_REDIRECTS = 5
PERMANENT = {301, 308}


class FetchError(Exception):
    """A fetch that failed; `kind` is stable for code, the message is for people."""

    def __init__(self, kind: str, message: str, *, permanent: bool = False, retry_after: float | None = None,
                 status: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.permanent = permanent
        self.retry_after = retry_after
        self.status = status


@dataclass(slots=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # set when every redirect on the way was permanent

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_url_syntax(url: str) -> str:
    """Return the URL stripped, or raise FetchError('bad_url') for non-http(s) or host-less URLs."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("bad_url", f"only http and https URLs can be sources, not {parts.scheme or 'this'!r}",
                         permanent=True)
    if not parts.hostname:
        raise FetchError("bad_url", "the URL has no host name", permanent=True)
    if parts.username or parts.password:
        raise FetchError("bad_url", "URLs with a user name or password are not accepted", permanent=True)
    return url


class BlockedHost(httpcore.ConnectError):
    """Raised by the guarded backend; surfaces as FetchError('blocked_host')."""


class _GuardedBackend(httpcore.AnyIOBackend):
    """Resolves the host itself, refuses non-public addresses, connects to a vetted IP."""

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable[SOCKET_OPTION] | None = None) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
        except (TimeoutError, OSError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = [str(info[4][0]) for info in infos]
        bad = [a for a in addresses if not is_public_address(a)]
        if bad or not addresses:
            raise BlockedHost(f"{host} resolves to a non-public address ({bad[0] if bad else 'none'})")
        return await super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


def _transport(allow_private: bool) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(retries=0)
    if not allow_private:
        # httpx has no public hook for the network backend; rebuild its pool with ours.
        transport._pool = httpcore.AsyncConnectionPool(  # noqa: SLF001
            ssl_context=httpx.create_ssl_context(), max_connections=100, max_keepalive_connections=20,
            keepalive_expiry=5.0, http1=True, http2=False, network_backend=_GuardedBackend())
    return transport


class Fetcher:
    """One per ingest pass (or per process): owns the HTTP client and per-host politeness."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 15 * 1024 * 1024, user_agent: str = "Briefbot",
                 allow_private_hosts: bool = False, per_host: int = 2):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private_hosts = allow_private_hosts
        self._client = httpx.AsyncClient(
            transport=_transport(allow_private_hosts), follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate",
                     "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                               "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"})
        self._per_host = per_host
        self._host_slots: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self._per_host))

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET with conditional headers; the whole exchange (all hops) must finish within `timeout`.

        The clock starts when the first request goes out, not while the source waits for a
        per-host slot: a slow source on the same host delays it, but cannot make it time out.
        """
        return await self._follow(check_url_syntax(url), etag, last_modified)

    async def _follow(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        deadline: float | None = None
        seen: set[str] = set()
        all_permanent = True
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if current in seen:
                raise FetchError("redirect_loop", "the server redirects in a loop")
            seen.add(current)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            host = urlsplit(current).hostname or ""
            async with self._host_slots[host]:
                if deadline is None:
                    deadline = asyncio.get_running_loop().time() + self.timeout
                try:
                    async with asyncio.timeout_at(deadline):
                        result = await self._one(current, headers)
                except TimeoutError as exc:
                    raise FetchError("timeout", f"no complete answer within {self.timeout:g} s") from exc
            if result.status in (301, 302, 303, 307, 308):
                location = result.headers.get("location")
                if not location:
                    raise FetchError("http", f"HTTP {result.status} redirect without a Location", status=result.status)
                all_permanent &= result.status in PERMANENT
                current = check_url_syntax(urljoin(current, location))
                continue
            if current != url and all_permanent:
                result.moved_to = current
            return result
        raise FetchError("redirect_loop", f"more than {MAX_REDIRECTS} redirects")

    async def _one(self, url: str, headers: dict[str, str]) -> FetchResult:
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                result = FetchResult(url=url, status=status, headers={k.lower(): v for k, v in response.headers.items()},
                                     etag=response.headers.get("etag"),
                                     last_modified=response.headers.get("last-modified"))
                if status in (301, 302, 303, 307, 308, 304):
                    return result
                if status >= 400:
                    raise _status_error(status, response.headers.get("retry-after"))
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError("too_large", f"the response is {int(declared):,} bytes; the limit is "
                                                  f"{self.max_bytes:,}")
                chunks, size = [], 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError("too_large", f"the response is larger than {self.max_bytes:,} bytes")
                    chunks.append(chunk)
                result.content = b"".join(chunks)
                return result
        except FetchError:
            raise
        except BlockedHost as exc:
            raise FetchError("blocked_host", f"refused: {exc} (set BRIEFBOT_ALLOW_PRIVATE_HOSTS to allow)",
                             permanent=True) from exc
        except httpx.DecodingError as exc:
            raise FetchError("bad_encoding", f"the response could not be decoded: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"timed out ({type(exc).__name__})") from exc
        except httpx.ConnectError as exc:
            if isinstance(exc.__context__, BlockedHost) or "non-public address" in str(exc):
                raise FetchError("blocked_host", f"refused: {exc} (set BRIEFBOT_ALLOW_PRIVATE_HOSTS to allow)",
                                 permanent=True) from exc
            raise FetchError("connection", f"cannot connect: {exc or type(exc).__name__}") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise FetchError("connection", f"the connection broke: {exc or type(exc).__name__}") from exc
        except httpx.HTTPError as exc:
            raise FetchError("http", f"HTTP error: {exc or type(exc).__name__}") from exc


def _status_error(status: int, retry_after: str | None) -> FetchError:
    if status == 410:
        return FetchError("gone", "the server says the feed is gone for good (HTTP 410)", permanent=True,
                          status=status)
    if status in (401, 403):
        return FetchError("forbidden", f"access denied (HTTP {status})", status=status)
    if status == 404:
        return FetchError("not_found", "not found (HTTP 404)", status=status)
    if status == 429:
        return FetchError("rate_limited", "the server asks us to slow down (HTTP 429)",
                          retry_after=_retry_after_seconds(retry_after), status=status)
    return FetchError("http", f"the server answered HTTP {status}", status=status,
                      retry_after=_retry_after_seconds(retry_after))


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        from datetime import datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None
