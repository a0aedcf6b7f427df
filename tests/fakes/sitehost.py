"""A local web host for feeds and article pages, on 127.0.0.1, started and stopped by tests.

Each route answers with a status, headers and body; a route can also honour
conditional GET, hang, dribble bytes, send an endless body, or redirect. Every request is recorded so
tests can check what the fetcher sent (user agent, If-None-Match, ...).
"""

from __future__ import annotations

import gzip
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that hangs up mid-answer (timeouts, size limits) is what the tests provoke."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 when the client sends it back
    delay: float = 0.0  # seconds before answering
    dribble: float = 0.0  # seconds between single bytes of the body
    gzip: bool = False  # send the body gzip-encoded
    endless: bool = False  # after the body, keep sending more of it until the client gives up


class SiteHost:
    def __init__(self, address: str = "127.0.0.1") -> None:
        """`address`: any loopback address (127.0.0.2 is a second host, for per-host behaviour)."""
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._stop = threading.Event()
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                host.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = host.routes.get(self.path) or host.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(404, b"not found", "text/plain", {})
                    return
                if route.delay:
                    host._stop.wait(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, {"ETag": route.etag})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                body = route.body
                if route.endless:
                    self._send_endless(route.status, body, route.content_type)
                    return
                if route.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self._send(route.status, body, route.content_type, headers, route.dribble)

            def _send_endless(self, status, chunk, content_type) -> None:
                """No Content-Length, no end: the body is `chunk` repeated until the client hangs up."""
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    while not host._stop.is_set():
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True

            def _send(self, status, body, content_type, headers, dribble=0.0) -> None:
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if dribble:
                        for i in range(len(body)):
                            if host._stop.is_set():
                                return
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(dribble)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = _QuietServer((address, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://{address}:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kwargs) -> str:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def __enter__(self) -> SiteHost:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
