"""Deliveries: the exactly-once push, the messages sent, and what each reader has received.

A delivery row is unique per (reader, local date, kind): claiming it is the
exactly-once point of the push. Rendered digests are stored once, content-addressed
(`digest_bodies`), and deliveries point to them; every sent briefing message is kept
with its stories (`sent_messages`), so its buttons work after a restart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import cast

from digest.clock import iso, utcnow
from digest.store.base import Connection
from digest.store.records import (
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    SentMessage,
    StoredPart,
    decode_parts,
    from_json,
    to_json,
)


class Deliveries(Connection):
    def finished_deliveries(self, since_local_date: str, kind: DeliveryKind = "daily") -> set[tuple[int, str]]:
        """(chat_id, local_date) of deliveries that need no more work."""
        rows = self.db.execute(
            "select chat_id, local_date from deliveries where kind = ? and local_date >= ? and status != 'pending'",
            [kind, since_local_date]).fetchall()
        return {(r[0], r[1]) for r in rows}

    def open_deliveries(self, since_local_date: str, kind: DeliveryKind = "daily") -> set[tuple[int, str]]:
        """(chat_id, local_date) of deliveries started but not finished (a crash or an error mid-way)."""
        rows = self.db.execute(
            "select chat_id, local_date from deliveries where kind = ? and local_date >= ? and status = 'pending'",
            [kind, since_local_date]).fetchall()
        return {(r[0], r[1]) for r in rows}

    def save_digest_body(self, parts: list[StoredPart]) -> int:
        """Store a rendered digest once (content-addressed); returns its id."""
        encoded = to_json(parts)
        sha1 = hashlib.sha1(encoded.encode("utf-8")).hexdigest()
        self.db.execute("insert or ignore into digest_bodies (sha1, parts, created_at) values (?, ?, ?)",
                        [sha1, encoded, iso(utcnow())])
        return int(self.value("select id from digest_bodies where sha1 = ?", [sha1]))

    def digest_body(self, body_id: int | None) -> list[StoredPart]:
        if body_id is None:
            return []
        row = self.one("select parts from digest_bodies where id = ?", [body_id])
        return decode_parts(row[0]) if row else []

    def claim_delivery(self, chat_id: int, local_date: str, body_id: int | None, kind: DeliveryKind = "daily",
                       status: DeliveryStatus = "pending", parts: list[StoredPart] | None = None) -> Delivery:
        """The delivery for (chat, local date), created with the digest `body_id` if it does not exist yet.

        The unique key makes this the exactly-once point: a second claim (another
        tick, a restart) gets the existing row and its progress, never a new digest.
        `parts` may pass the body's content along to save reading it back.
        """
        cursor = self.db.execute(
            "insert or ignore into deliveries (chat_id, local_date, kind, status, created_at, body_id, messages) "
            "values (?, ?, ?, ?, ?, ?, 0)", [chat_id, local_date, kind, status, iso(utcnow()), body_id])
        if cursor.rowcount == 1:
            return {"id": int(cursor.lastrowid or 0), "chat_id": chat_id, "local_date": local_date, "kind": kind,
                    "status": status, "body_id": body_id, "messages": 0,
                    "parts": parts if parts is not None else self.digest_body(body_id)}
        delivery = self.get_delivery(chat_id, local_date, kind)
        assert delivery is not None, (chat_id, local_date)  # the unique key holds a row
        return delivery

    def get_delivery(self, chat_id: int, local_date: str, kind: DeliveryKind = "daily") -> Delivery | None:
        cursor = self.db.execute("select * from deliveries where chat_id = ? and local_date = ? and kind = ?",
                                 [chat_id, local_date, kind])
        values = cursor.fetchall()  # fetch to the end: an unfinished statement holds a read transaction open
        if not values:
            return None
        row = dict(zip([c[0] for c in cursor.description], values[0], strict=True))
        row["parts"] = self.digest_body(row["body_id"])
        return cast(Delivery, row)

    def unskip_delivery(self, chat_id: int, local_date: str) -> bool:
        """Forget a day marked skipped (nothing was sent that day): its digest may come after all."""
        cursor = self.db.execute("delete from deliveries where chat_id = ? and local_date = ? and status = 'skipped'",
                                 [chat_id, local_date])
        return cursor.rowcount > 0

    def has_received(self, chat_id: int) -> bool:
        """Whether any story was ever delivered to this reader (a first briefing reads differently)."""
        return self.one("select 1 from delivered_articles where chat_id = ? limit 1", [chat_id]) is not None

    def finish_delivery(self, delivery_id: int, status: DeliveryStatus, error: str | None = None) -> None:
        self.db.execute("update deliveries set status = ?, error = ?, sent_at = coalesce(sent_at, ?) where id = ?",
                        [status, error, iso(utcnow()), delivery_id])

    def record_sent(self, chat_id: int, message_id: int, button_ids: list[int], delivered_ids: Iterable[int],
                    deliver_to: int | None, *, html: str | None = None, delivery_id: int | None = None,
                    body_id: int | None = None, part_index: int | None = None, last: bool = False) -> None:
        """One sent briefing message, in one transaction: its stories (so that its buttons work after a
        restart: its own `html`, or its place in a stored digest body), the articles it delivered to
        `deliver_to`, and, for a push, the progress of `delivery_id` (its last part marks it sent)."""
        now = iso(utcnow())
        with self.transaction():
            if delivery_id is not None:
                self.db.execute("update deliveries set messages = ?, sent_at = ?, status = ? where id = ?",
                                [(part_index or 0) + 1, now, "sent" if last else "pending", delivery_id])
            self.db.execute("insert or replace into sent_messages (chat_id, message_id, article_ids, html, body_id, "
                            "part, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                            [chat_id, message_id, to_json(button_ids), html, body_id, part_index, now])
            if deliver_to is not None:
                self._mark_delivered(deliver_to, delivered_ids, now)

    def sent_message(self, chat_id: int, message_id: int) -> SentMessage | None:
        """A briefing message's stories and text (its own, or its part of a stored digest body)."""
        row = self.one("select article_ids, html, body_id, part from sent_messages "
                       "where chat_id = ? and message_id = ?", [chat_id, message_id])
        if row is None:
            return None
        html = row[1]
        if html is None:
            parts = self.digest_body(row[2])
            html = parts[row[3]]["html"] if row[3] is not None and row[3] < len(parts) else None
        return {"article_ids": from_json(row[0]), "html": html} if html else None

    def delivered_article_ids(self, chat_id: int) -> set[int]:
        return {row[0] for row in self.db.execute("select article_id from delivered_articles where chat_id = ?",
                                                  [chat_id])}

    def mark_delivered(self, chat_id: int, article_ids: Iterable[int]) -> None:
        with self.transaction():
            self._mark_delivered(chat_id, article_ids, iso(utcnow()))

    def _mark_delivered(self, chat_id: int, article_ids: Iterable[int], now: str) -> None:
        self.db.conn.executemany(
            "insert or ignore into delivered_articles (chat_id, article_id, delivered_at) values (?, ?, ?)",
            [(chat_id, a, now) for a in article_ids])
