"""The SQLite store: one file, WAL mode, one module per table behind the one `Store` facade.

Readers never wait for the ingest writer (WAL); times are UTC ISO strings
(`digest.clock`); nothing outside this package writes SQL. Each table's queries
live in their own module (`sources`, `articles`, `readers`, `deliveries`,
`maintenance`), the schema in `schema`, the typed records and their JSON in
`records`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from digest.store.articles import Articles, fts_query
from digest.store.deliveries import Deliveries
from digest.store.maintenance import Maintenance, backup_database
from digest.store.readers import Readers
from digest.store.records import (
    Article,
    ChatType,
    Delivery,
    DeliveryStatus,
    NewArticle,
    Reader,
    SentMessage,
    Source,
    SourceKind,
    StoredPart,
    StoredQuote,
    chat_type,
)
from digest.store.schema import migrations
from digest.store.sources import SourceExists, Sources

__all__ = ["Article", "ChatType", "chat_type", "Delivery", "DeliveryStatus", "NewArticle", "Reader", "SentMessage", "Source", "SourceExists",
           "SourceKind", "Store", "StoredPart", "StoredQuote", "backup_database", "fts_query", "migrations"]


class Store(Sources, Articles, Readers, Deliveries, Maintenance):
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
