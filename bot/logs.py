"""Logging for an unattended service: one JSON object per line (or plain text), never a secret.

At INFO the bot logs what an operator needs (passes, pushes, failures, refusals) by ids and
counts, never the text users send. Masking is defence in depth: whatever a library prints (a URL
with the token in it, an exception message, a traceback), the token becomes "[token]".
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# libraries whose INFO lines are noise (a line per job run) or carry the token (a URL per request)
QUIET = {"httpx": logging.WARNING, "httpcore": logging.WARNING, "apscheduler": logging.WARNING}


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then masks every secret in the finished line: the message, its
    arguments and any traceback alike."""

    def __init__(self, inner: logging.Formatter, secrets: list[str]):
        super().__init__()
        self.inner = inner
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        line = self.inner.format(record)
        for secret in self.secrets:
            line = line.replace(secret, "[token]")
        return line


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(level: int, fmt: str = "text", secrets: list[str] | None = None) -> None:
    """Set up the root logger once: `fmt` "json" for log collectors, "text" for a terminal."""
    handler = logging.StreamHandler()
    inner = JsonFormatter() if fmt == "json" else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler.setFormatter(RedactingFormatter(inner, secrets or []))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name, quiet_level in QUIET.items():
        logging.getLogger(name).setLevel(max(quiet_level, level))
