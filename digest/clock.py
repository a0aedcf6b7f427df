"""The one clock of the newsroom, and how times are written down: UTC ISO strings."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def iso(moment: datetime) -> str: ...
@overload
def iso(moment: None) -> None: ...
def iso(moment: datetime | None) -> str | None:
    """A stored time: UTC, to the second, so that stored times compare as strings."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds")
