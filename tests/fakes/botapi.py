"""The published Bot API as a checker: every call the bot makes and every update the fake server sends
must fit `../shared/botapi/api-10.0.json` (Bot API 10.0, the version python-telegram-bot 22 speaks), and
every HTML text is parsed by real TDLib (`tdjson`), as the Bot API server parses it.

Checked: the method exists; no unknown parameter or field; every required one present; each value of a
type the spec names (`Integer`, `String`, `Array of InlineKeyboardButton`, a union, an abstract type by
its subtypes); the limits the spec writes in its descriptions ("1-64 bytes", "0-256 characters",
"At most 100 commands"); and TDLib's keyboard limits (12 buttons per row, 100 in all).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import tdjson

SPEC_PATH = Path(__file__).resolve().parents[2].parent / "shared" / "botapi" / "api-10.0.json"
MAX_TEXT = 4096  # code points of the text after entities parsing and trimming
MAX_ROW, MAX_BUTTONS = 12, 100  # TDLib's limits on an inline keyboard
_LENGTH = re.compile(r"\b(\d+)-(\d+) (characters|bytes)\b")
_AT_MOST = re.compile(r"\bAt most (\d+)\b")
_FIXED = re.compile(r"(?:must be|always) \"?([a-z0-9_]+)\"?\s*$")


class Violation(Exception):
    """A call or an update outside the published spec: what Telegram would refuse or never send."""


@functools.cache
def spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def available() -> bool:
    return SPEC_PATH.is_file()


def check_call(method: str, params: dict[str, Any]) -> None:
    """Raises Violation when `method` with `params` is not a call the Bot API accepts."""
    definition = spec()["methods"].get(method)
    if definition is None:
        raise Violation(f"{method}: no such method in Bot API {spec()['version']}")
    _check_fields(method, definition.get("fields", []), params)


def check_update(update: dict[str, Any]) -> None:
    """Raises Violation when an update the fake server sends is not one Telegram could send."""
    _check_value("Update", ["Update"], update)


def _check_fields(where: str, fields: list[dict[str, Any]], value: dict[str, Any]) -> None:
    known = {f["name"]: f for f in fields}
    unknown = sorted(set(value) - set(known))
    if unknown:
        raise Violation(f"{where}: unknown field(s) {', '.join(unknown)}")
    for name, field in known.items():
        if name not in value:
            if field["required"]:
                raise Violation(f"{where}: required field {name} missing")
            continue
        _check_value(f"{where}.{name}", field["types"], value[name])
        _check_limits(f"{where}.{name}", field["description"], value[name])


def _check_value(where: str, types: list[str], value: Any) -> None:
    errors = []
    for kind in types:
        try:
            _check_one(where, kind, value)
            return
        except Violation as exc:
            errors.append(str(exc))
    raise Violation(errors[0] if len(errors) == 1 else f"{where}: none of {' | '.join(types)} fits: {errors}")


def _check_one(where: str, kind: str, value: Any) -> None:
    if kind.startswith("Array of "):
        if not isinstance(value, list):
            raise Violation(f"{where}: {kind} expected, got {type(value).__name__}")
        for i, item in enumerate(value):
            _check_one(f"{where}[{i}]", kind[len("Array of "):], item)
        return
    scalar = {"Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
              "Boolean": lambda v: isinstance(v, bool), "String": lambda v: isinstance(v, str),
              "InputFile": lambda v: isinstance(v, bytes | str)}.get(kind)
    if scalar is not None:
        if not scalar(value):
            raise Violation(f"{where}: {kind} expected, got {value!r:.60}")
        return
    definition = spec()["types"].get(kind)
    if definition is None:
        raise Violation(f"{where}: the spec has no type {kind}")
    if definition.get("subtypes"):
        _check_value(where, definition["subtypes"], value)
        return
    if not isinstance(value, dict):
        raise Violation(f"{where}: a {kind} object expected, got {value!r:.60}")
    _check_fields(f"{where}<{kind}>", definition.get("fields", []), value)
    _check_constant(where, kind, definition.get("fields", []), value)
    if kind == "InlineKeyboardMarkup":
        rows = value["inline_keyboard"]
        if any(len(row) > MAX_ROW for row in rows) or sum(map(len, rows)) > MAX_BUTTONS:
            raise Violation(f"{where}: more than {MAX_ROW} buttons in a row or {MAX_BUTTONS} in all")


def _check_constant(where: str, kind: str, fields: list[dict[str, Any]], value: dict[str, Any]) -> None:
    """A subtype is told apart by a field the spec fixes ('Type of the scope, must be *chat*',
    'The member's status in the chat, always "creator"')."""
    for field in fields:
        fixed = _FIXED.search(field["description"]) if field["name"] in ("type", "status", "source") else None
        if fixed and field["name"] in value and value[field["name"]] != fixed.group(1):
            raise Violation(f"{where}<{kind}>: {field['name']} must be {fixed.group(1)}")


def _check_limits(where: str, description: str, value: Any) -> None:
    if isinstance(value, str) and not where.endswith((".text", ".caption")):  # those count after parsing
        length = _LENGTH.search(description)
        if length:
            low, high, unit = int(length.group(1)), int(length.group(2)), length.group(3)
            size = len(value.encode()) if unit == "bytes" else len(value)
            if not low <= size <= high:
                raise Violation(f"{where}: {size} {unit}, the spec allows {low}-{high}")
    if isinstance(value, list):
        most = _AT_MOST.search(description)
        if most and len(value) > int(most.group(1)):
            raise Violation(f"{where}: {len(value)} items, at most {most.group(1)}")


# --- text as Telegram parses it ------------------------------------------------------------------------
class ParseError(Exception):
    """TDLib refused the text ("Can't parse entities: …", "Text must be non-empty")."""


@functools.cache
def _quiet_tdlib() -> None:
    tdjson.td_execute(json.dumps({"@type": "setLogVerbosityLevel", "new_verbosity_level": 0}).encode())


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The visible text and entities of a message, parsed by TDLib as the Bot API server does (HTML)
    or taken as it is (no parse mode); raises ParseError with TDLib's message."""
    if (parse_mode or "").upper() != "HTML":
        return text, []
    _quiet_tdlib()
    answer = json.loads(tdjson.td_execute(json.dumps({
        "@type": "parseTextEntities", "text": text, "parse_mode": {"@type": "textParseModeHTML"}}).encode()))
    if answer.get("@type") == "error":
        raise ParseError(answer.get("message", "can't parse entities"))
    return answer["text"], answer.get("entities", [])


def visible_text(text: str, parse_mode: str | None) -> str:
    """What a reader sees; raises ParseError for a text Telegram would refuse (bad HTML, empty after
    parsing and trimming, more than 4096 characters)."""
    visible, _ = parse_text(text, parse_mode)
    if not visible.strip():
        raise ParseError("message text is empty")
    if len(visible.strip()) > MAX_TEXT:
        raise ParseError("message is too long")
    return visible
