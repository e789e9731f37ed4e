"""An archive path -> read-only SQLite connections, one per worker thread, each with a query time limit.

FastAPI runs plain ``def`` routes in a thread pool; an ``sqlite3`` connection
and its progress-handler deadline belong to one thread, so every thread gets
its own :class:`Reader` (opened lazily, all closed on shutdown).  Nothing can
write: the file is opened ``file:…?mode=ro`` (:func:`banmian.archive.search.connect_readonly`,
which also checks the schema version) and ``PRAGMA query_only`` is set.

>>> import tempfile, os
>>> from banmian.archive.store import Store
>>> path = os.path.join(tempfile.mkdtemp(), "档案.db")
>>> Store(path).close()
>>> pool = ReaderPool(path, timeout_s=1.0)
>>> pool.reader().value("SELECT count(*) FROM articles")
0
>>> pool.close()
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from ..archive.search import Searcher, TimeLimit, connect_readonly
from ..errors import ArchiveError

# How many SQLite VM steps between deadline checks: small enough to stop within
# a millisecond or two, large enough that the check costs nothing measurable.
PROGRESS_STEPS = 1000


class QueryTimeout(ArchiveError):
    """A read took longer than the web reader's per-query limit."""


class Reader:
    """One thread's read-only connection (rows as :class:`sqlite3.Row`) and its searcher."""

    def __init__(self, path: Path, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.conn = connect_readonly(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA query_only = ON")
        self._limit = TimeLimit(self.conn, timeout_s, PROGRESS_STEPS)
        self.searcher = Searcher(path, timeout_s)

    def all(self, sql: str, args: tuple | list = ()) -> list[sqlite3.Row]:
        """Every row of one statement, or :class:`QueryTimeout` past the limit."""
        return self._limit.fetchall(sql, args, lambda: QueryTimeout(
            f"a query took longer than {self.timeout_s:g} s",
            fix="narrow the request (a paper, a date range, more words)"))

    def one(self, sql: str, args: tuple | list = ()) -> sqlite3.Row | None:
        rows = self.all(sql, args)
        return rows[0] if rows else None

    def value(self, sql: str, args: tuple | list = ()) -> Any:
        row = self.one(sql, args)
        return None if row is None else row[0]

    def close(self) -> None:
        self.conn.close()
        self.searcher.close()


class ReaderPool:
    """Hands each thread its own :class:`Reader` of the archive at ``path``."""

    def __init__(self, path: str | Path, timeout_s: float = 2.0) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        connect_readonly(self.path).close()  # fail now, with the file name and the fix, not on the first request
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Reader] = []
        self._generation = 0

    def reader(self) -> Reader:
        mine = getattr(self._local, "reader", None)
        if mine is not None and mine[0] == self._generation:
            return mine[1]
        r = Reader(self.path, self.timeout_s)
        with self._lock:
            self._open.append(r)
        self._local.reader = (self._generation, r)
        return r

    def close(self) -> None:
        """Close every reader; a later :meth:`reader` call opens fresh ones (an app may be started again)."""
        with self._lock:
            readers, self._open = self._open, []
            self._generation += 1
        for r in readers:
            try:
                r.close()
            except sqlite3.ProgrammingError:  # pragma: no cover - closed from another thread already
                pass
