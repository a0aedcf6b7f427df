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


@migrations()
def m004_chats_are_the_subscribers(db: sqlite_utils.Database) -> None:
    """Chats, not users, subscribe: a private chat, a group or a channel, each with its own settings,
    keyed by its Telegram chat id (a private chat's id is its user's id, so those rows keep their key).

    Before this, a member's /start in a group stored the group's chat id on the member's row: every
    member who did so made the group one more subscription. Each such group becomes one chat with the
    settings changed last, its deliveries and received stories; the members' rows stay, as private chats
    with their settings, not subscribed (they had asked for the group's digest, not their own)."""
    users = db.table("users")
    for column in ("type", "title", "language", "language_code"):
        users.add_column(column, str)
    users.add_column("managed_by", int)
    moved = list(db.query("select * from users where chat_id is not null and chat_id != id order by updated_at, id"))
    for row in moved:
        group, member = row["chat_id"], row["id"]
        settings = {k: row[k] for k in ("active", "subscribed", "timezone", "digest_time", "muted_sources", "topics",
                                        "start_payload", "created_at", "updated_at", "inactive_reason")}
        kind = "supergroup" if str(group).startswith("-100") else "group"
        users.upsert({"id": group, "chat_id": group, "type": kind, **settings}, pk="id")
        db.execute("update or ignore deliveries set user_id = ? where user_id = ?", [group, member])
        db.execute("delete from deliveries where user_id = ?", [member])  # the same day's digest, sent twice
        db.execute("insert or ignore into delivered_articles (user_id, article_id, delivered_at) "
                   "select ?, article_id, delivered_at from delivered_articles where user_id = ?", [group, member])
        db.execute("delete from delivered_articles where user_id = ?", [member])
        db.execute("update users set chat_id = id, subscribed = 0 where id = ?", [member])
    db.execute("update users set type = case when id > 0 then 'private' "
               "when cast(id as text) like '-100%' then 'supergroup' else 'group' end where type is null")
    db.execute("alter table users drop column chat_id")
    db.execute("alter table users rename to chats")
    db.execute("alter table deliveries rename column user_id to chat_id")
    db.execute("alter table delivered_articles rename column user_id to chat_id")


@migrations()
def m005_article_language(db: sqlite_utils.Database) -> None:
    """Each article's language (ISO 639-1, identified from its text; null where it was not known or the
    article came before this): the admin's /sources shows each source's languages from it, and the
    summary of a stored text is redone in it ("more" button)."""
    db.table("articles").add_column("language", str)
    db.table("articles").create_index(["source_id", "language"])
