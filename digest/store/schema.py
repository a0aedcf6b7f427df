"""The schema, as sqlite-utils migrations applied in order on every start.

A change to the schema is a new decorated function at the end, never an edit of an
old one: a database made by any earlier version is brought up to date in place.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("briefbot")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db.table("users").create({
        "id": int, "chat_id": int, "username": str, "first_name": str,
        "active": int, "subscribed": int, "timezone": str, "digest_time": str,
        "muted_sources": str, "topics": str, "start_payload": str,
        "created_at": str, "updated_at": str, "inactive_reason": str,
    }, pk="id", not_null={"active", "subscribed"}, defaults={
        "active": 1, "subscribed": 1, "muted_sources": "[]", "topics": "[]",
    })
    db.table("sources").create({
        "id": int, "url": str, "name": str, "kind": str, "title": str, "site_url": str,
        "etag": str, "last_modified": str, "added_at": str, "added_by": int,
        "last_fetch_at": str, "last_success_at": str, "next_fetch_at": str,
        "error_count": int, "last_error": str, "disabled_reason": str, "removed_at": str,
        "poll_minutes": int, "entry_count": int,
    }, pk="id", not_null={"url", "kind", "error_count"}, defaults={"error_count": 0})
    db.table("sources").create_index(["url"], unique=True)
    db.table("articles").create({
        "id": int, "source_id": int, "url": str, "canonical_url": str, "guid": str,
        "title": str, "author": str, "published_at": str, "fetched_at": str,
        "text": str, "text_origin": str, "page_pending": int, "page_attempts": int,
        "summary": str, "quotes": str, "key_quote": str, "fingerprint": str,
    }, pk="id", foreign_keys=[("source_id", "sources", "id")], not_null={"url", "canonical_url"},
        defaults={"page_pending": 0, "page_attempts": 0, "summary": "[]", "quotes": "[]"})
    db.table("articles").create_index(["canonical_url"], unique=True)
    db.table("articles").create_index(["source_id", "guid"])
    db.table("articles").create_index(["fingerprint"])
    db.table("articles").create_index(["published_at"])
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    db.table("deliveries").create({
        "id": int, "user_id": int, "local_date": str, "kind": str, "status": str,
        "created_at": str, "sent_at": str, "article_ids": str, "messages": int, "error": str,
    }, pk="id", foreign_keys=[("user_id", "users", "id")], not_null={"user_id", "local_date", "kind", "status"})
    db.table("deliveries").create_index(["user_id", "local_date", "kind"], unique=True)
    db.table("delivered_articles").create({
        "user_id": int, "article_id": int, "delivered_at": str,
    }, pk=("user_id", "article_id"), foreign_keys=[("user_id", "users", "id"), ("article_id", "articles", "id")])


@migrations()
def m002_delivery_parts_and_sent_messages(db: sqlite_utils.Database) -> None:
    """The push stores each digest's rendered parts before sending, so a restart resumes it exactly.
    Users with the same candidates get the same digest, so bodies are stored once and deliveries point
    to them. Each sent briefing message remembers its stories, so its buttons work after a restart."""
    db.table("digest_bodies").create({"id": int, "sha1": str, "parts": str, "created_at": str}, pk="id",
                               not_null={"sha1", "parts"})
    db.table("digest_bodies").create_index(["sha1"], unique=True)
    db.table("deliveries").add_column("body_id", int)
    db.table("sent_messages").create({
        "chat_id": int, "message_id": int, "article_ids": str, "html": str, "body_id": int, "part": int,
        "created_at": str,
    }, pk=("chat_id", "message_id"))
    db.table("users").create_index(["active", "subscribed"])


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
