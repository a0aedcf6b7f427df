"""Readers: the people who talk to the bot, subscribed or not, and their settings."""

from __future__ import annotations

from typing import Any

from digest.clock import iso, utcnow
from digest.store.base import Connection
from digest.store.records import Reader, decode_reader, to_json


class Readers(Connection):
    def upsert_user(self, user_id: int, chat_id: int, username: str | None = None,
                    first_name: str | None = None, payload: str | None = None) -> Reader:
        """Subscribe (or re-subscribe and re-activate) a user, keeping their settings."""
        with self.transaction():
            now = iso(utcnow())
            fields: dict[str, Any] = {"id": user_id, "chat_id": chat_id, "username": username, "first_name": first_name,
                      "active": 1, "subscribed": 1, "inactive_reason": None, "updated_at": now}
            if payload:
                fields["start_payload"] = payload[:64]
            if self.get_user(user_id) is None:
                fields["created_at"] = now
            self.db.table("users").upsert(fields, pk="id")
            return self._reader(user_id)

    def ensure_user(self, user_id: int, chat_id: int, username: str | None = None,
                    first_name: str | None = None) -> Reader:
        """The user's record, created (not subscribed) on first contact. A known user costs a read, not
        a write: every command calls this, and a write waits for any other writer (the ingest)."""
        user = self.get_user(user_id)
        if user is not None:
            return user
        now = iso(utcnow())
        self.db.execute(
            "insert or ignore into users (id, chat_id, username, first_name, active, subscribed, created_at, "
            "updated_at) values (?, ?, ?, ?, 1, 0, ?, ?)", [user_id, chat_id, username, first_name, now, now])
        return self._reader(user_id)

    def get_user(self, user_id: int) -> Reader | None:
        rows = list(self.db.query("select * from users where id = ?", [user_id]))
        return decode_reader(rows[0]) if rows else None

    def _reader(self, user_id: int) -> Reader:
        """A reader known to exist (just written)."""
        reader = self.get_user(user_id)
        assert reader is not None, user_id
        return reader

    def update_user(self, user_id: int, **fields: Any) -> None:
        with self.transaction():
            for key in ("muted_sources", "topics"):
                if key in fields:
                    fields[key] = to_json(sorted(set(fields[key])))
            fields["updated_at"] = iso(utcnow())
            self.db.table("users").update(user_id, fields)

    def set_inactive(self, user_id: int, reason: str) -> None:
        self.update_user(user_id, active=0, inactive_reason=reason)

    def subscribers(self) -> list[Reader]:
        """Users who get the daily push: subscribed and not blocked."""
        return [decode_reader(r) for r in self.db.table("users").rows_where("active = 1 and subscribed = 1")]
