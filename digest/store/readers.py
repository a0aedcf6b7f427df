"""Readers: the chats the bot serves (private chats, groups, supergroups, channels) and their settings.

A chat is keyed by its Telegram chat id (a private chat's id is its user's id). Who
may change a group's or a channel's settings is not stored here: Telegram is asked
when it matters (bot/chats.py).
"""

from __future__ import annotations

from typing import Any

from digest.clock import iso, utcnow
from digest.store.base import Connection
from digest.store.records import ChatType, Reader, decode_reader, to_json


class Readers(Connection):
    def subscribe_chat(self, chat_id: int, kind: ChatType = "private", *, title: str | None = None,
                       username: str | None = None, first_name: str | None = None, payload: str | None = None,
                       language_code: str | None = None, managed_by: int | None = None) -> Reader:
        """Subscribe (or re-subscribe and re-activate) a chat, keeping its settings."""
        with self.transaction():
            now = iso(utcnow())
            fields: dict[str, Any] = {"id": chat_id, "type": kind, "title": title, "username": username,
                                      "first_name": first_name, "active": 1, "subscribed": 1,
                                      "inactive_reason": None, "updated_at": now}
            if payload:
                fields["start_payload"] = payload[:64]
            if language_code:
                fields["language_code"] = language_code[:16]
            if managed_by is not None:
                fields["managed_by"] = managed_by
            if self.get_chat(chat_id) is None:
                fields["created_at"] = now
            self.db.table("chats").upsert(fields, pk="id")
            return self._reader(chat_id)

    def ensure_chat(self, chat_id: int, kind: ChatType = "private", *, title: str | None = None,
                    username: str | None = None, first_name: str | None = None,
                    language_code: str | None = None) -> Reader:
        """The chat's record, created (not subscribed) on first contact. A known chat costs a read, not
        a write: every command calls this, and a write waits for any other writer (the ingest). The
        Telegram language a private chat's user has is kept up to date (their replies follow it)."""
        chat = self.get_chat(chat_id)
        if chat is not None:
            if language_code and kind == "private" and chat.get("language_code") != language_code[:16]:
                self.update_chat(chat_id, language_code=language_code[:16])
                chat["language_code"] = language_code[:16]
            return chat
        now = iso(utcnow())
        self.db.execute(
            "insert or ignore into chats (id, type, title, username, first_name, language_code, active, subscribed, "
            "created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)",
            [chat_id, kind, title, username, first_name, language_code[:16] if language_code else None, now, now])
        return self._reader(chat_id)

    def get_chat(self, chat_id: int) -> Reader | None:
        rows = list(self.db.query("select * from chats where id = ?", [chat_id]))
        return decode_reader(rows[0]) if rows else None

    def _reader(self, chat_id: int) -> Reader:
        """A chat known to exist (just written)."""
        reader = self.get_chat(chat_id)
        assert reader is not None, chat_id
        return reader

    def update_chat(self, chat_id: int, **fields: Any) -> None:
        with self.transaction():
            for key in ("muted_sources", "topics"):
                if key in fields:
                    fields[key] = to_json(sorted(set(fields[key])))
            fields["updated_at"] = iso(utcnow())
            self.db.table("chats").update(chat_id, fields)

    def set_inactive(self, chat_id: int, reason: str) -> None:
        self.update_chat(chat_id, active=0, inactive_reason=reason)

    def subscribers(self) -> list[Reader]:
        """Chats that get the daily push: subscribed and not blocked or removed."""
        return [decode_reader(r) for r in self.db.table("chats").rows_where("active = 1 and subscribed = 1")]

    def channels_managed_by(self, user_id: int) -> list[Reader]:
        """The channels this user made the bot an administrator of (still served or not)."""
        return [decode_reader(r) for r in self.db.table("chats").rows_where(
            "type = 'channel' and managed_by = ? and active = 1", [user_id], order_by="title, id")]

    def move_chat(self, old_id: int, new_id: int) -> Reader | None:
        """A group that became a supergroup gets a new chat id: its settings, deliveries and received
        stories move with it (if the new id is known already, its own settings stay and the rest merge)."""
        with self.transaction():
            old = self.get_chat(old_id)
            if old is None:
                return self.get_chat(new_id)
            if self.get_chat(new_id) is None:
                row = dict(self.db.table("chats").get(old_id))
                row.update(id=new_id, type="supergroup", updated_at=iso(utcnow()))
                self.db.table("chats").insert(row)
            self.db.execute("update or ignore deliveries set chat_id = ? where chat_id = ?", [new_id, old_id])
            self.db.execute("delete from deliveries where chat_id = ?", [old_id])
            self.db.execute("insert or ignore into delivered_articles (chat_id, article_id, delivered_at) "
                            "select ?, article_id, delivered_at from delivered_articles where chat_id = ?",
                            [new_id, old_id])
            self.db.execute("delete from delivered_articles where chat_id = ?", [old_id])
            self.db.execute("delete from chats where id = ?", [old_id])
        return self.get_chat(new_id)
