"""Sources: the feeds and pages admins add, and their polling health.

Sources are soft-deleted (`removed_at`), so that removing one never loses its
articles or the record of what was delivered, and adding it again restores it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from digest.clock import iso, utcnow
from digest.store.base import Connection
from digest.store.records import Source, SourceKind

ACTIVE_SOURCE = "removed_at is null and disabled_reason is null"  # polled: neither removed nor disabled


class SourceExists(Exception):
    """The URL is a live source already."""
    def __init__(self, source_id: int):
        super().__init__(f"already source #{source_id}")
        self.source_id = source_id


class Sources(Connection):
    def _sources(self, where: str, params: list[Any] | None = None, order_by: str = "id") -> list[Source]:
        return [cast(Source, row) for row in self.db.table("sources").rows_where(where, params or [], order_by=order_by)]

    def existing_source(self, source_id: int) -> Source:
        """A source known to exist (just written)."""
        source = self.get_source(source_id)
        assert source is not None, source_id
        return source

    def add_source(self, url: str, kind: SourceKind, name: str | None = None, title: str | None = None,
                   site_url: str | None = None, added_by: int | None = None, entry_count: int | None = None,
                   etag: str | None = None, last_modified: str | None = None) -> Source:
        """Add a source, or bring back one that was removed. A live duplicate is refused."""
        with self.transaction():
            existing = self.source_by_url(url, include_removed=True)
            now = iso(utcnow())
            fields: dict[str, Any] = {
                "url": url, "kind": kind, "name": name or title or url, "title": title, "site_url": site_url,
                "added_by": added_by, "entry_count": entry_count, "etag": etag, "last_modified": last_modified,
                "added_at": now, "removed_at": None, "disabled_reason": None, "error_count": 0, "last_error": None,
                "next_fetch_at": now, "last_success_at": now if entry_count is not None else None,
            }
            if existing and not existing["removed_at"]:
                raise SourceExists(existing["id"])
            if existing:
                self.db.table("sources").update(existing["id"], fields)
                return self.existing_source(existing["id"])
            return self.existing_source(int(self.db.table("sources").insert(fields).last_pk or 0))

    def get_source(self, source_id: int) -> Source | None:
        rows = self._sources("id = ?", [source_id])
        return rows[0] if rows else None

    def source_by_url(self, url: str, include_removed: bool = False) -> Source | None:
        where = "url = ?" + ("" if include_removed else " and removed_at is null")
        rows = self._sources(where, [url])
        return rows[0] if rows else None

    def find_source(self, id_or_url: str) -> Source | None:
        """A live source by its number ("3", "#3") or its URL."""
        key = id_or_url.strip().lstrip("#")
        if key.isdigit():
            source = self.get_source(int(key))
            return source if source and not source["removed_at"] else None
        return self.source_by_url(id_or_url.strip())

    def list_sources(self) -> list[Source]:
        return self._sources("removed_at is null")

    def source_languages(self) -> dict[int, list[str]]:
        """Each source's article languages, the most frequent first ("und" for articles whose language
        was not known): a source in several languages shows them all."""
        found: dict[int, list[str]] = {}
        for row in self.db.query("select source_id, coalesce(language, 'und') as language, count(*) as n "
                                 "from articles group by source_id, language order by source_id, n desc, language"):
            found.setdefault(row["source_id"], []).append(row["language"])
        return found

    def remove_source(self, source_id: int) -> None:
        with self.transaction():
            self.db.table("sources").update(source_id, {"removed_at": iso(utcnow())})

    def due_sources(self, now: datetime | None = None) -> list[Source]:
        return self._sources(f"{ACTIVE_SOURCE} and (next_fetch_at is null or next_fetch_at <= ?)",
                             [iso(now or utcnow())], order_by="next_fetch_at")

    def active_sources(self) -> list[Source]:
        return self._sources(ACTIVE_SOURCE)

    def count_active_sources(self) -> int:
        return self.count("sources", ACTIVE_SOURCE)

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
            self.db.table("sources").update(source_id, fields)

    def record_fetch_error(self, source_id: int, error: str, *, retry_in: timedelta,
                           disable: str | None = None) -> Source:
        with self.transaction():
            source = self.existing_source(source_id)
            now = utcnow()
            fields: dict[str, Any] = {
                "last_fetch_at": iso(now), "error_count": (source["error_count"] or 0) + 1, "last_error": error,
                "next_fetch_at": iso(now + retry_in),
            }
            if disable:
                fields["disabled_reason"] = disable
            self.db.table("sources").update(source_id, fields)
            return self.existing_source(source_id)

    def enable_source(self, source_id: int) -> None:
        with self.transaction():
            self.db.table("sources").update(source_id, {"disabled_reason": None, "error_count": 0,
                                                        "next_fetch_at": iso(utcnow())})
