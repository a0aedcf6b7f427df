"""Keeping the database small and safe: pruning old history, counts for /stats, online backups."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from digest.clock import iso, utcnow
from digest.store.base import Connection


class Maintenance(Connection):
    def prune(self, keep_days: int, now: datetime | None = None) -> dict[str, int]:
        """Delete what is older than `keep_days`: articles (with their search index rows and delivery
        marks), deliveries, sent-message records and digest bodies no delivery points to any more.
        Users and sources are never pruned. Returns how many rows of each went."""
        cutoff = iso((now or utcnow()) - timedelta(days=keep_days))
        counts: dict[str, int] = {}
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

    def stats(self, today_utc: str) -> dict[str, int]:
        def one(sql: str, params: list[Any] | None = None) -> int:
            return int(self.value(sql, params))

        return {
            "chats": one("select count(*) from chats"),
            "groups": one("select count(*) from chats where type in ('group', 'supergroup')"),
            "channels": one("select count(*) from chats where type = 'channel'"),
            "subscribers": one("select count(*) from chats where active = 1 and subscribed = 1"),
            "blocked": one("select count(*) from chats where active = 0"),
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
