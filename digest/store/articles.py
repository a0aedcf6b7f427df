"""Articles: stored once (URL, GUID or text fingerprint), searchable with FTS5.

Summary, quotes and key quote are JSON columns, written and read through
`records` so that every reader gets the same shapes.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from typing import Any

from digest.clock import iso, utcnow
from digest.store.base import Connection
from digest.store.records import (
    Article,
    NewArticle,
    StoredQuote,
    decode_article,
    to_json,
)

_FTS_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(words: str) -> str | None:
    """User words -> a safe FTS5 query: every word quoted, all required; FTS syntax is inert."""
    tokens = _FTS_WORD.findall(words)[:20]
    if not tokens:
        return None
    return " ".join(f'"{token}"' for token in tokens)


class Articles(Connection):
    def known_article(self, canonical_url: str, guid: str | None, source_id: int,
                      fingerprint: str | None = None) -> int | None:
        """Id of an article already stored under this URL, GUID (same source) or text fingerprint."""
        row = self.one(
            "select id from articles where canonical_url = ? "
            "or (guid is not null and guid = ? and source_id = ?) "
            "or (? is not null and fingerprint = ?) limit 1",
            [canonical_url, guid, source_id, fingerprint, fingerprint])
        return int(row[0]) if row else None

    def insert_article(self, article: NewArticle) -> int | None:
        """Store an article; None if it turned out to be a duplicate (a race or a re-publication)."""
        with self.transaction():
            if self.known_article(article.canonical_url, article.guid, article.source_id, article.fingerprint):
                return None
            record: dict[str, Any] = {
                "source_id": article.source_id, "url": article.url, "canonical_url": article.canonical_url,
                "guid": article.guid, "title": article.title, "author": article.author,
                "published_at": article.published_at, "fetched_at": iso(utcnow()), "text": article.text,
                "text_origin": article.text_origin, "page_pending": int(article.page_pending), "page_attempts": 0,
                "summary": to_json(article.summary),
                "quotes": to_json(article.quotes),
                "key_quote": to_json(article.key_quote) if article.key_quote else None,
                "fingerprint": article.fingerprint, "language": article.language,
            }
            try:
                return self.db.table("articles").insert(record).last_pk
            except sqlite3.IntegrityError:
                return None

    def update_article_text(self, article_id: int, *, text: str, summary: list[str], quotes: list[StoredQuote],
                            key_quote: StoredQuote | None, fingerprint: str | None, title: str | None = None,
                            language: str | None = None) -> None:
        with self.transaction():
            fields: dict[str, Any] = {
                "text": text, "text_origin": "page", "page_pending": 0,
                "summary": to_json(summary), "quotes": to_json(quotes),
                "key_quote": to_json(key_quote) if key_quote else None,
                "fingerprint": fingerprint, "language": language,
            }
            if title:
                fields["title"] = title
            self.db.table("articles").update(article_id, fields)

    def page_attempt_failed(self, article_id: int, give_up_after: int = 5) -> None:
        with self.transaction():
            row = self.db.table("articles").get(article_id)
            attempts = (row["page_attempts"] or 0) + 1
            self.db.table("articles").update(article_id, {"page_attempts": attempts,
                                                          "page_pending": int(attempts < give_up_after)})

    def articles_pending_page(self, source_id: int, limit: int = 20) -> list[dict[str, Any]]:
        """Raw rows (JSON columns undecoded): the ingest needs their ids, URLs and titles."""
        return list(self.db.table("articles").rows_where(
            "source_id = ? and page_pending = 1", [source_id], order_by="id desc", limit=limit))

    def get_article(self, article_id: int) -> Article | None:
        rows = list(self.db.query("select a.*, s.name as source_name from articles a "
                                  "left join sources s on s.id = a.source_id where a.id = ?", [article_id]))
        return decode_article(rows[0]) if rows else None

    def recent_articles(self, since: datetime, exclude_for_chat: int | None = None,
                        limit: int = 500) -> list[Article]:
        """Articles published (or, lacking a date, fetched) since `since`, newest first, with their source's
        name, without their full text and quote list; optionally only those this chat has not yet received."""
        sql = ("select a.id, a.source_id, a.url, a.title, a.published_at, a.fetched_at, a.summary, "
               "a.key_quote, s.name as source_name from articles a join sources s on s.id = a.source_id "
               "where coalesce(a.published_at, a.fetched_at) >= ? and s.removed_at is null")
        params: list[Any] = [iso(since)]
        if exclude_for_chat is not None:
            sql += " and a.id not in (select article_id from delivered_articles where chat_id = ?)"
            params.append(exclude_for_chat)
        sql += " order by coalesce(a.published_at, a.fetched_at) desc, a.id desc limit ?"
        params.append(limit)
        return [decode_article(row) for row in self.db.query(sql, params)]

    def newest_article_date(self) -> str | None:
        """When the newest stored article appeared (None: nothing stored yet)."""
        row = self.one("select max(coalesce(a.published_at, a.fetched_at)) from articles a "
                       "join sources s on s.id = a.source_id where s.removed_at is null", [])
        return str(row[0]) if row and row[0] else None

    def search_articles(self, words: str, limit: int = 10) -> list[Article]:
        query = fts_query(words)
        if query is None:
            return []
        sql = ("select a.*, s.name as source_name from articles_fts f join articles a on a.id = f.rowid "
               "join sources s on s.id = a.source_id where articles_fts match ? order by rank limit ?")
        return [decode_article(row) for row in self.db.query(sql, [query, limit])]
