"""The SQLite store: schema as sqlite-utils migrations, and every query the app makes.

One file, WAL mode (readers never wait for the ingest writer), times as UTC ISO
strings. Nothing outside this module writes SQL. Sources are soft-deleted so
that removing one never loses its articles or the record of what was delivered.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("briefbot")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["users"].create({
        "id": int, "chat_id": int, "username": str, "first_name": str,
        "active": int, "subscribed": int, "timezone": str, "digest_time": str,
        "muted_sources": str, "topics": str, "start_payload": str,
        "created_at": str, "updated_at": str, "inactive_reason": str,
    }, pk="id", not_null={"active", "subscribed"}, defaults={
        "active": 1, "subscribed": 1, "muted_sources": "[]", "topics": "[]",
    })
    db["sources"].create({
        "id": int, "url": str, "name": str, "kind": str, "title": str, "site_url": str,
        "etag": str, "last_modified": str, "added_at": str, "added_by": int,
        "last_fetch_at": str, "last_success_at": str, "next_fetch_at": str,
        "error_count": int, "last_error": str, "disabled_reason": str, "removed_at": str,
        "poll_minutes": int, "entry_count": int,
    }, pk="id", not_null={"url", "kind", "error_count"}, defaults={"error_count": 0})
    db["sources"].create_index(["url"], unique=True)
    db["articles"].create({
        "id": int, "source_id": int, "url": str, "canonical_url": str, "guid": str,
        "title": str, "author": str, "published_at": str, "fetched_at": str,
        "text": str, "text_origin": str, "page_pending": int, "page_attempts": int,
        "summary": str, "quotes": str, "key_quote": str, "fingerprint": str,
    }, pk="id", foreign_keys=[("source_id", "sources", "id")], not_null={"url", "canonical_url"},
        defaults={"page_pending": 0, "page_attempts": 0, "summary": "[]", "quotes": "[]"})
    db["articles"].create_index(["canonical_url"], unique=True)
    db["articles"].create_index(["source_id", "guid"])
    db["articles"].create_index(["fingerprint"])
    db["articles"].create_index(["published_at"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db["deliveries"].create({
        "id": int, "user_id": int, "local_date": str, "kind": str, "status": str,
        "created_at": str, "sent_at": str, "article_ids": str, "messages": int, "error": str,
    }, pk="id", foreign_keys=[("user_id", "users", "id")], not_null={"user_id", "local_date", "kind", "status"})
    db["deliveries"].create_index(["user_id", "local_date", "kind"], unique=True)
    db["delivered_articles"].create({
        "user_id": int, "article_id": int, "delivered_at": str,
    }, pk=("user_id", "article_id"), foreign_keys=[("user_id", "users", "id"), ("article_id", "articles", "id")])


@migrations()
def m002_delivery_parts_and_sent_messages(db: sqlite_utils.Database) -> None:
    """The push stores each digest's rendered parts before sending, so a restart resumes it exactly.
    Users with the same candidates get the same digest, so bodies are stored once and deliveries point
    to them. Each sent briefing message remembers its stories, so its buttons work after a restart."""
    db["digest_bodies"].create({"id": int, "sha1": str, "parts": str, "created_at": str}, pk="id",
                               not_null={"sha1", "parts"})
    db["digest_bodies"].create_index(["sha1"], unique=True)
    db["deliveries"].add_column("body_id", int)
    db["sent_messages"].create({
        "chat_id": int, "message_id": int, "article_ids": str, "html": str, "body_id": int, "part": int,
        "created_at": str,
    }, pk=("chat_id", "message_id"))
    db["users"].create_index(["active", "subscribed"])


@migrations()
def m003_content_version(db: sqlite_utils.Database) -> None:
    """A number that every change to articles or sources bumps, whichever connection makes it (the
    ingest writes on its own): what is read from those tables can be cached while it stays put."""
    db.execute("create table content_version (id integer primary key check (id = 1), n integer not null)")
    db.execute("insert into content_version values (1, 0)")
    for table in ("articles", "sources"):
        for event in ("insert", "update", "delete"):
            db.execute(f"create trigger {table}_{event}_version after {event} on {table} "
                       f"begin update content_version set n = n + 1; end")


class StoreError(Exception):
    """A request the store cannot satisfy, with a message fit for a user."""


@dataclass(frozen=True, slots=True)
class NewArticle:
    source_id: int
    url: str
    canonical_url: str
    guid: str | None
    title: str
    author: str | None
    published_at: str | None
    text: str
    text_origin: str  # "feed" | "page"
    page_pending: bool
    summary: list[str]
    quotes: list[dict]
    key_quote: dict | None
    fingerprint: str


_FTS_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(words: str) -> str | None:
    """User words -> a safe FTS5 query: every word quoted, all required; FTS syntax is inert."""
    tokens = _FTS_WORD.findall(words)[:20]
    if not tokens:
        return None
    return " ".join(f'"{token}"' for token in tokens)


_ACTIVE_SOURCE = "removed_at is null and disabled_reason is null"  # polled: neither removed nor disabled


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=30000")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    def _one(self, sql: str, params: list) -> tuple | None:
        """The first row of a query, with the statement finished: a half-read cursor keeps a read
        transaction open, and a later write on this connection then fails at once with "database is
        locked" when another connection (the ingest's) has written meanwhile."""
        rows = self.db.execute(sql, params).fetchall()
        return rows[0] if rows else None

    @contextmanager
    def transaction(self):
        """All statements inside commit together or not at all (the connection is in autocommit mode)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- sources -----------------------------------------------------------------
    def add_source(self, url: str, kind: str, name: str | None = None, title: str | None = None,
                   site_url: str | None = None, added_by: int | None = None, entry_count: int | None = None,
                   etag: str | None = None, last_modified: str | None = None) -> dict:
        """Add a source, or bring back one that was removed. A live duplicate is refused."""
        with self.transaction():
            existing = self.source_by_url(url, include_removed=True)
            now = iso(utcnow())
            fields = {
                "url": url, "kind": kind, "name": name or title or url, "title": title, "site_url": site_url,
                "added_by": added_by, "entry_count": entry_count, "etag": etag, "last_modified": last_modified,
                "added_at": now, "removed_at": None, "disabled_reason": None, "error_count": 0, "last_error": None,
                "next_fetch_at": now, "last_success_at": now if entry_count is not None else None,
            }
            if existing and not existing["removed_at"]:
                raise StoreError(f"{url} is already a source (#{existing['id']}).")
            if existing:
                self.db["sources"].update(existing["id"], fields)
                return self.get_source(existing["id"])
            return self.get_source(self.db["sources"].insert(fields).last_pk)

    def get_source(self, source_id: int) -> dict | None:
        rows = list(self.db["sources"].rows_where("id = ?", [source_id]))
        return rows[0] if rows else None

    def source_by_url(self, url: str, include_removed: bool = False) -> dict | None:
        where = "url = ?" + ("" if include_removed else " and removed_at is null")
        rows = list(self.db["sources"].rows_where(where, [url]))
        return rows[0] if rows else None

    def find_source(self, id_or_url: str) -> dict | None:
        """A live source by its number ("3", "#3") or its URL."""
        key = id_or_url.strip().lstrip("#")
        if key.isdigit():
            source = self.get_source(int(key))
            return source if source and not source["removed_at"] else None
        return self.source_by_url(id_or_url.strip())

    def list_sources(self) -> list[dict]:
        return list(self.db["sources"].rows_where("removed_at is null", order_by="id"))

    def remove_source(self, source_id: int) -> None:
        with self.transaction():
            self.db["sources"].update(source_id, {"removed_at": iso(utcnow())})

    def due_sources(self, now: datetime | None = None) -> list[dict]:
        now_iso = iso(now or utcnow())
        return list(self.db["sources"].rows_where(
            f"{_ACTIVE_SOURCE} and (next_fetch_at is null or next_fetch_at <= ?)", [now_iso], order_by="next_fetch_at"))

    def active_sources(self) -> list[dict]:
        return list(self.db["sources"].rows_where(_ACTIVE_SOURCE, order_by="id"))

    def count_active_sources(self) -> int:
        return self.count("sources", _ACTIVE_SOURCE)

    def record_fetch_ok(self, source_id: int, *, etag: str | None, last_modified: str | None,
                        interval: timedelta, title: str | None = None, entry_count: int | None = None,
                        new_url: str | None = None) -> None:
        with self.transaction():
            now = utcnow()
            fields: dict[str, Any] = {
                "last_fetch_at": iso(now), "last_success_at": iso(now), "error_count": 0, "last_error": None,
                "etag": etag, "last_modified": last_modified, "next_fetch_at": iso(now + interval),
            }
            if title:
                fields["title"] = title
            if entry_count is not None:
                fields["entry_count"] = entry_count
            if new_url and not self.source_by_url(new_url, include_removed=True):
                fields["url"] = new_url  # a permanent redirect: poll the new address from now on
            self.db["sources"].update(source_id, fields)

    def record_fetch_error(self, source_id: int, error: str, *, retry_in: timedelta,
                           disable: str | None = None) -> dict:
        with self.transaction():
            source = self.get_source(source_id)
            now = utcnow()
            fields = {
                "last_fetch_at": iso(now), "error_count": (source["error_count"] or 0) + 1, "last_error": error,
                "next_fetch_at": iso(now + retry_in),
            }
            if disable:
                fields["disabled_reason"] = disable
            self.db["sources"].update(source_id, fields)
            return self.get_source(source_id)

    def enable_source(self, source_id: int) -> None:
        with self.transaction():
            self.db["sources"].update(source_id, {"disabled_reason": None, "error_count": 0,
                                                  "next_fetch_at": iso(utcnow())})

    # --- articles ----------------------------------------------------------------
    def known_article(self, canonical_url: str, guid: str | None, source_id: int,
                      fingerprint: str | None = None) -> int | None:
        """Id of an article already stored under this URL, GUID (same source) or text fingerprint."""
        row = self._one(
            "select id from articles where canonical_url = ? "
            "or (guid is not null and guid = ? and source_id = ?) "
            "or (? is not null and fingerprint = ?) limit 1",
            [canonical_url, guid, source_id, fingerprint, fingerprint])
        return row[0] if row else None

    def insert_article(self, article: NewArticle) -> int | None:
        """Store an article; None if it turned out to be a duplicate (a race or a re-publication)."""
        with self.transaction():
            if self.known_article(article.canonical_url, article.guid, article.source_id, article.fingerprint):
                return None
            record = {
                "source_id": article.source_id, "url": article.url, "canonical_url": article.canonical_url,
                "guid": article.guid, "title": article.title, "author": article.author,
                "published_at": article.published_at, "fetched_at": iso(utcnow()), "text": article.text,
                "text_origin": article.text_origin, "page_pending": int(article.page_pending), "page_attempts": 0,
                "summary": json.dumps(article.summary, ensure_ascii=False),
                "quotes": json.dumps(article.quotes, ensure_ascii=False),
                "key_quote": json.dumps(article.key_quote, ensure_ascii=False) if article.key_quote else None,
                "fingerprint": article.fingerprint,
            }
            try:
                return self.db["articles"].insert(record).last_pk
            except sqlite3.IntegrityError:
                return None

    def update_article_text(self, article_id: int, *, text: str, summary: list[str], quotes: list[dict],
                            key_quote: dict | None, fingerprint: str, title: str | None = None) -> None:
        with self.transaction():
            fields = {
                "text": text, "text_origin": "page", "page_pending": 0,
                "summary": json.dumps(summary, ensure_ascii=False), "quotes": json.dumps(quotes, ensure_ascii=False),
                "key_quote": json.dumps(key_quote, ensure_ascii=False) if key_quote else None,
                "fingerprint": fingerprint,
            }
            if title:
                fields["title"] = title
            self.db["articles"].update(article_id, fields)

    def page_attempt_failed(self, article_id: int, give_up_after: int = 5) -> None:
        with self.transaction():
            row = self.db["articles"].get(article_id)
            attempts = (row["page_attempts"] or 0) + 1
            self.db["articles"].update(article_id, {"page_attempts": attempts,
                                                    "page_pending": int(attempts < give_up_after)})

    def articles_pending_page(self, source_id: int, limit: int = 20) -> list[dict]:
        return list(self.db["articles"].rows_where(
            "source_id = ? and page_pending = 1", [source_id], order_by="id desc", limit=limit))

    def get_article(self, article_id: int) -> dict | None:
        rows = list(self.db.query("select a.*, s.name as source_name from articles a "
                                  "left join sources s on s.id = a.source_id where a.id = ?", [article_id]))
        return _decode_article(rows[0]) if rows else None

    def recent_articles(self, since: datetime, exclude_for_user: int | None = None,
                        limit: int = 500) -> list[dict]:
        """Articles published (or, lacking a date, fetched) since `since`, newest first, with their source's
        name, without their full text and quote list; optionally only those this user has not yet received."""
        sql = ("select a.id, a.source_id, a.url, a.title, a.published_at, a.fetched_at, a.summary, "
               "a.key_quote, s.name as source_name from articles a join sources s on s.id = a.source_id "
               "where coalesce(a.published_at, a.fetched_at) >= ? and s.removed_at is null")
        params: list[Any] = [iso(since)]
        if exclude_for_user is not None:
            sql += " and a.id not in (select article_id from delivered_articles where user_id = ?)"
            params.append(exclude_for_user)
        sql += " order by coalesce(a.published_at, a.fetched_at) desc, a.id desc limit ?"
        params.append(limit)
        return [_decode_article(row) for row in self.db.query(sql, params)]

    def content_version(self) -> int:
        return self._one("select n from content_version", [])[0]

    def search_articles(self, words: str, limit: int = 10) -> list[dict]:
        query = fts_query(words)
        if query is None:
            return []
        sql = ("select a.*, s.name as source_name from articles_fts f join articles a on a.id = f.rowid "
               "join sources s on s.id = a.source_id where articles_fts match ? order by rank limit ?")
        return [_decode_article(row) for row in self.db.query(sql, [query, limit])]

    def prune(self, keep_days: int, now: datetime | None = None) -> dict:
        """Delete what is older than `keep_days`: articles (with their search index rows and delivery
        marks), deliveries, sent-message records and digest bodies no delivery points to any more.
        Users and sources are never pruned. Returns how many rows of each went."""
        cutoff = iso((now or utcnow()) - timedelta(days=keep_days))
        counts = {}
        with self.transaction():
            old = "select id from articles where fetched_at < ?"
            counts["delivered_articles"] = self.db.execute(
                f"delete from delivered_articles where article_id in ({old})", [cutoff]).rowcount
            counts["articles"] = self.db.execute("delete from articles where fetched_at < ?", [cutoff]).rowcount
            counts["sent_messages"] = self.db.execute("delete from sent_messages where created_at < ?",
                                                      [cutoff]).rowcount
            counts["deliveries"] = self.db.execute("delete from deliveries where created_at < ?", [cutoff]).rowcount
            counts["digest_bodies"] = self.db.execute(
                "delete from digest_bodies where id not in (select body_id from deliveries where body_id is not null) "
                "and id not in (select body_id from sent_messages where body_id is not null)").rowcount
        return counts

    def count(self, table: str, where: str | None = None, params: Iterable[Any] = ()) -> int:
        return self.db[table].count_where(where, list(params)) if where else self.db[table].count

    # --- users and deliveries ---------------------------------------------------
    def upsert_user(self, user_id: int, chat_id: int, username: str | None = None,
                    first_name: str | None = None, payload: str | None = None) -> dict:
        """Subscribe (or re-subscribe and re-activate) a user, keeping their settings."""
        with self.transaction():
            now = iso(utcnow())
            fields = {"id": user_id, "chat_id": chat_id, "username": username, "first_name": first_name,
                      "active": 1, "subscribed": 1, "inactive_reason": None, "updated_at": now}
            if payload:
                fields["start_payload"] = payload[:64]
            if self.get_user(user_id) is None:
                fields["created_at"] = now
            self.db["users"].upsert(fields, pk="id")
            return self.get_user(user_id)

    def get_user(self, user_id: int) -> dict | None:
        rows = list(self.db.query("select * from users where id = ?", [user_id]))
        return _decode_user(rows[0]) if rows else None

    def update_user(self, user_id: int, **fields: Any) -> None:
        with self.transaction():
            for key in ("muted_sources", "topics"):
                if key in fields:
                    fields[key] = json.dumps(sorted(set(fields[key])))
            fields["updated_at"] = iso(utcnow())
            self.db["users"].update(user_id, fields)

    def set_inactive(self, user_id: int, reason: str) -> None:
        self.update_user(user_id, active=0, inactive_reason=reason)

    def subscribers(self) -> list[dict]:
        """Users who get the daily push: subscribed and not blocked."""
        return [_decode_user(r) for r in self.db["users"].rows_where("active = 1 and subscribed = 1")]

    def finished_deliveries(self, since_local_date: str, kind: str = "daily") -> set[tuple[int, str]]:
        """(user_id, local_date) of deliveries that need no more work."""
        rows = self.db.execute(
            "select user_id, local_date from deliveries where kind = ? and local_date >= ? and status != 'pending'",
            [kind, since_local_date]).fetchall()
        return {(r[0], r[1]) for r in rows}

    def save_digest_body(self, parts: list[dict]) -> int:
        """Store a rendered digest once (content-addressed); returns its id."""
        encoded = json.dumps(parts, ensure_ascii=False)
        sha1 = hashlib.sha1(encoded.encode("utf-8")).hexdigest()
        self.db.execute("insert or ignore into digest_bodies (sha1, parts, created_at) values (?, ?, ?)",
                        [sha1, encoded, iso(utcnow())])
        return self._one("select id from digest_bodies where sha1 = ?", [sha1])[0]

    def digest_body(self, body_id: int | None) -> list[dict]:
        if body_id is None:
            return []
        row = self._one("select parts from digest_bodies where id = ?", [body_id])
        return json.loads(row[0]) if row else []

    def claim_delivery(self, user_id: int, local_date: str, body_id: int | None, kind: str = "daily",
                       status: str = "pending", parts: list[dict] | None = None) -> dict:
        """The delivery for (user, local date), created with the digest `body_id` if it does not exist yet.

        The unique key makes this the exactly-once point: a second claim (another
        tick, a restart) gets the existing row and its progress, never a new digest.
        `parts` may pass the body's content along to save reading it back.
        """
        cursor = self.db.execute(
            "insert or ignore into deliveries (user_id, local_date, kind, status, created_at, body_id, messages) "
            "values (?, ?, ?, ?, ?, ?, 0)", [user_id, local_date, kind, status, iso(utcnow()), body_id])
        if cursor.rowcount == 1:
            return {"id": cursor.lastrowid, "user_id": user_id, "local_date": local_date, "kind": kind,
                    "status": status, "body_id": body_id, "messages": 0,
                    "parts": parts if parts is not None else self.digest_body(body_id)}
        return self.get_delivery(user_id, local_date, kind)

    def open_deliveries(self, since_local_date: str, kind: str = "daily") -> set[tuple[int, str]]:
        """(user_id, local_date) of deliveries started but not finished (a crash or an error mid-way)."""
        rows = self.db.execute(
            "select user_id, local_date from deliveries where kind = ? and local_date >= ? and status = 'pending'",
            [kind, since_local_date]).fetchall()
        return {(r[0], r[1]) for r in rows}

    def get_delivery(self, user_id: int, local_date: str, kind: str = "daily") -> dict | None:
        cursor = self.db.execute("select * from deliveries where user_id = ? and local_date = ? and kind = ?",
                                 [user_id, local_date, kind])
        values = cursor.fetchall()  # fetch to the end: an unfinished statement holds a read transaction open
        if not values:
            return None
        row = dict(zip([c[0] for c in cursor.description], values[0]))
        row["parts"] = self.digest_body(row["body_id"])
        return row

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
                            [chat_id, message_id, json.dumps(button_ids), html, body_id, part_index, now])
            if deliver_to is not None:
                self._mark_delivered(deliver_to, delivered_ids, now)

    def finish_delivery(self, delivery_id: int, status: str, error: str | None = None) -> None:
        self.db.execute("update deliveries set status = ?, error = ?, sent_at = coalesce(sent_at, ?) where id = ?",
                        [status, error, iso(utcnow()), delivery_id])

    def sent_message(self, chat_id: int, message_id: int) -> dict | None:
        """A briefing message's stories and text (its own, or its part of a stored digest body)."""
        row = self._one("select article_ids, html, body_id, part from sent_messages "
                        "where chat_id = ? and message_id = ?", [chat_id, message_id])
        if row is None:
            return None
        html = row[1]
        if html is None:
            parts = self.digest_body(row[2])
            html = parts[row[3]]["html"] if row[3] is not None and row[3] < len(parts) else None
        return {"article_ids": json.loads(row[0]), "html": html} if html else None

    def ensure_user(self, user_id: int, chat_id: int, username: str | None = None,
                    first_name: str | None = None) -> dict:
        """The user's record, created (not subscribed) on first contact. A known user costs a read, not
        a write: every command calls this, and a write waits for any other writer (the ingest)."""
        user = self.get_user(user_id)
        if user is not None:
            return user
        now = iso(utcnow())
        self.db.execute(
            "insert or ignore into users (id, chat_id, username, first_name, active, subscribed, created_at, "
            "updated_at) values (?, ?, ?, ?, 1, 0, ?, ?)", [user_id, chat_id, username, first_name, now, now])
        return self.get_user(user_id)

    def stats(self, today_utc: str) -> dict:
        one = lambda sql, params=(): self._one(sql, list(params))[0]  # noqa: E731
        return {
            "users": one("select count(*) from users"),
            "subscribers": one("select count(*) from users where active = 1 and subscribed = 1"),
            "blocked": one("select count(*) from users where active = 0"),
            "sources": one("select count(*) from sources where removed_at is null"),
            "sources_failing": one("select count(*) from sources where removed_at is null and error_count > 0"),
            "sources_disabled": one("select count(*) from sources where removed_at is null "
                                    "and disabled_reason is not null"),
            "articles": one("select count(*) from articles"),
            "digests_today": one("select count(*) from deliveries where status = 'sent' and sent_at >= ?",
                                 [today_utc]),
            "deliveries_failed_today": one("select count(*) from deliveries where status in ('failed', 'pending') "
                                           "and created_at >= ?", [today_utc]),
        }

    def delivered_article_ids(self, user_id: int) -> set[int]:
        return {row[0] for row in self.db.execute("select article_id from delivered_articles where user_id = ?",
                                                  [user_id])}

    def mark_delivered(self, user_id: int, article_ids: Iterable[int]) -> None:
        with self.transaction():
            self._mark_delivered(user_id, article_ids, iso(utcnow()))

    def _mark_delivered(self, user_id: int, article_ids: Iterable[int], now: str) -> None:
        self.db.conn.executemany(
            "insert or ignore into delivered_articles (user_id, article_id, delivered_at) values (?, ?, ?)",
            [(user_id, a, now) for a in article_ids])


def backup_database(source: Path, target: Path) -> tuple[int, str]:
    """An online, consistent copy of the database (SQLite's backup API: safe while the bot writes).

    Written to a temporary file beside `target` and renamed into place, so a failed backup never leaves a
    half-written file under the target's name. Returns (size in bytes, integrity check of the copy).
    """
    source, target = Path(source), Path(target)
    if not source.exists():
        raise ValueError(f"there is no database at {source}")
    if target.resolve() == source.resolve():
        raise ValueError("the backup must go to another file than the database itself")
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(str(source), timeout=30)
    dst = sqlite3.connect(str(partial))
    try:
        src.backup(dst, pages=1024)
        integrity = dst.execute("pragma integrity_check").fetchone()[0]
        dst.execute("pragma journal_mode=delete")
    finally:
        dst.close()
        src.close()
    partial.replace(target)
    return target.stat().st_size, integrity


def _decode_article(row: dict) -> dict:
    row = dict(row)
    row["summary"] = json.loads(row.get("summary") or "[]")
    if "quotes" in row:
        row["quotes"] = json.loads(row["quotes"] or "[]")
    row["key_quote"] = json.loads(row["key_quote"]) if row.get("key_quote") else None
    return row


def _decode_user(row: dict) -> dict:
    row = dict(row)
    row["muted_sources"] = json.loads(row.get("muted_sources") or "[]")
    row["topics"] = json.loads(row.get("topics") or "[]")
    return row
