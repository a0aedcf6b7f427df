"""Answers of pure one-argument functions, kept: a dict lookup where `functools.lru_cache` would do more.

The name readings asked ~150 times an article (`digest.quotes.names`) are hit nearly every time once a process has read
a few hundred articles. An `lru_cache` hit also moves its entry to the front of a linked list (three
writes to memory shared with everything else the analysis touches); a plain dict lookup through the
bound `__getitem__` is one read, in C. The bound is kept by starting afresh when the table is full:
news vocabulary comes back within articles, so the table refills at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class _Table(dict[K, V], Generic[K, V]):
    def __init__(self, fn: Callable[[K], V], maxsize: int):
        super().__init__()
        self._fn, self._maxsize = fn, maxsize

    def __missing__(self, key: K) -> V:
        if len(self) >= self._maxsize:
            self.clear()
        value = self[key] = self._fn(key)
        return value


def memoised(maxsize: int) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """`fn(key)` remembered for up to `maxsize` keys (hashable, one positional argument)."""
    def wrap(fn: Callable[[K], V]) -> Callable[[K], V]:
        return _Table(fn, maxsize).__getitem__
    return wrap
