"""The connection every table module works through, and the two rules of using it.

The connection is in autocommit mode; `transaction()` groups writes. Every read is
fetched to its end (`one`), because a half-read cursor keeps a read transaction
open, and a later write on this connection then fails at once with "database is
locked" when another connection (the ingest's) has written meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils


class Connection:
    db: sqlite_utils.Database

    def one(self, sql: str, params: list[Any]) -> tuple[Any, ...] | None:
        """The first row of a query, with the statement finished."""
        rows = self.db.execute(sql, params).fetchall()
        return tuple(rows[0]) if rows else None

    def value(self, sql: str, params: list[Any] | None = None) -> Any:
        """The first column of the first row of a query that always returns one (a count, a number)."""
        row = self.one(sql, params or [])
        assert row is not None, sql
        return row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def count(self, table: str, where: str | None = None, params: Iterable[Any] = ()) -> int:
        table_ = self.db.table(table)
        return table_.count_where(where, list(params)) if where else table_.count

    def content_version(self) -> int:
        """A number every change to articles or sources bumps (triggers, whichever connection writes):
        what is read from those tables may be cached while it stays put."""
        return int(self.value("select n from content_version"))
