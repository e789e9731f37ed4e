"""ParsedIssue -> rows of the archive.  The only module that writes to it.

One writer: :class:`Store` holds an exclusive lock (``ARCHIVE-lock`` beside the
file; the kernel drops it when the process dies, even on ``kill -9``) and writes
each issue in one transaction, so an interrupted ingest leaves whole issues or
nothing and a rerun picks up where it stopped.  Re-ingesting an issue whose
content hash is unchanged writes nothing; a changed one is deleted (with its
full-text rows) and inserted anew.

The schema is ``schema.sql`` (``PRAGMA user_version``); older archives are
upgraded by ``migrate_<version>.sql`` scripts, each in its own transaction.

>>> import tempfile, os
>>> with Store(os.path.join(tempfile.mkdtemp(), "报纸.db")) as st:
...     st.counts()["articles"]
0
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ArchiveError
from .records import PARSED, IssueJob, ParsedIssue
from .tokenize import TOKENIZER_VERSION, index_text

try:  # the writer lock; without fcntl (Windows) SQLite's own locking still keeps rows consistent
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

SCHEMA_VERSION = 1
PAGE_SIZE = 16384
SCHEMA_FILE = Path(__file__).with_name("schema.sql")
MIGRATIONS_DIR = Path(__file__).parent

ADDED, REPLACED, UNCHANGED, KEPT = "added", "replaced", "unchanged", "kept"

_TABLES = ("papers", "issues", "pages", "articles", "paragraphs", "furniture", "people",
           "organizations", "statistics")


@dataclass(frozen=True, slots=True)
class PageSignature:
    """What a stored page file looked like: a job whose files all match needs no re-parse."""

    seq: int
    path: str
    size: int
    mtime_ns: int
    number: int | None
    name: str | None
    status: str


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def headline_text(kicker: str | None, title: str | None, subtitle: str | None) -> str:
    """The headline field of the index: kicker, title, subtitle on separate lines.

    >>> headline_text("引题", "主题", None)
    '引题\\n主题'
    """
    return "\n".join(x for x in (kicker, title, subtitle) if x)


def connect(path: str | Path) -> sqlite3.Connection:
    """A read-write connection in autocommit mode (transactions are explicit) with WAL."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)
        # Articles with their facts run 2-4 KB: on 4 KB pages half of each page would stay empty.
        # (Only a new, empty file takes a page size; an existing archive keeps its own.)
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open the archive ({exc})", path=str(path),
                           fix="pass a banmian archive (.db) or a new file name") from None
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a crash loses no committed issue
    # The name indexes (people, organisations) take inserts all over: with SQLite's default 2 MB
    # cache a 100k-page archive reads a page back for most of them (writer time +10%).
    conn.execute("PRAGMA cache_size = -65536")
    return conn


def _ensure_schema(conn: sqlite3.Connection, path: str) -> None:
    """Create the schema in a new file, or upgrade an older one; refuse anything else."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise ArchiveError(f"archive schema version {version} is newer than this banmian "
                           f"({__version__}, schema {SCHEMA_VERSION})", path=path,
                           fix="upgrade banmian to read it")
    if version == 0:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise ArchiveError("is an SQLite file but not a banmian archive", path=path,
                               fix="pass a banmian archive or a new file name")
        _run_script(conn, SCHEMA_FILE.read_text(encoding="utf-8"), SCHEMA_VERSION)
        with _transaction(conn):
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                             [("schema_version", str(SCHEMA_VERSION)),
                              ("tokenizer_version", str(TOKENIZER_VERSION)),
                              ("created_by", f"banmian {__version__}")])
        return
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS_DIR / f"migrate_{target}.sql"
        if not script.exists():
            raise ArchiveError(f"no migration from schema {target - 1} to {target}", path=path,
                               fix=f"install the banmian version that ships {script.name}")
        _run_script(conn, script.read_text(encoding="utf-8"), target)
        with _transaction(conn):
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(target),))


def _run_script(conn: sqlite3.Connection, sql: str, version: int) -> None:
    """Run a schema script and set user_version in one transaction: all of it or none."""
    try:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {int(version)};\nCOMMIT;")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class _transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


class Store:
    """The archive's single writer; use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        parent = Path(self.path).parent
        if not parent.is_dir():
            raise ArchiveError("its folder does not exist", path=self.path, fix="create the folder first")
        self._lock = self._acquire_lock()
        try:
            self.conn = connect(self.path)
            _ensure_schema(self.conn, self.path)
            self._reindex_if_tokenizer_changed()
        except BaseException:
            self._release_lock()
            raise

    # -- lifecycle ---------------------------------------------------------------------------

    def _acquire_lock(self):
        if fcntl is None:  # pragma: no cover
            return None
        fh = open(self.path + "-lock", "a+")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise ArchiveError("another banmian process is writing to this archive", path=self.path,
                               fix="wait for it to finish, or write to another --db") from None
        return fh

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the flock
            self._lock = None

    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            try:
                self.conn.execute("PRAGMA optimize")
            finally:
                self.conn.close()
                self.conn = None  # type: ignore[assignment]
        self._release_lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading what is there ---------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}

    def signatures(self) -> dict[tuple[str, str], tuple[PageSignature, ...]]:
        """Stored page signatures per (paper, date): lets ingest skip unchanged issues unread."""
        out: dict[tuple[str, str], list[PageSignature]] = {}
        rows = self.conn.execute(
            "SELECT p.name, i.date, g.seq, g.path, g.size, g.mtime_ns, g.number, g.name, g.status "
            "FROM pages g JOIN issues i ON i.id = g.issue_id JOIN papers p ON p.id = i.paper_id "
            "ORDER BY i.id, g.seq")
        for paper, date, *sig in rows:
            out.setdefault((paper, date), []).append(PageSignature(*sig))
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def is_unchanged(job: IssueJob, stored: tuple[PageSignature, ...] | None) -> bool:
        """True when every file of ``job`` has the stored path, size and mtime, and all were parsed."""
        if not stored or len(stored) != len(job.pages):
            return False
        return all(s.status == PARSED and (s.seq, s.path, s.size, s.mtime_ns, s.number, s.name)
                   == (r.seq, r.path, r.size, r.mtime_ns, r.number, r.name)
                   for s, r in zip(stored, job.pages, strict=True))

    # -- writing -----------------------------------------------------------------------------

    def write_issue(self, parsed: ParsedIssue) -> str:
        """Store one issue in one transaction; returns ADDED, REPLACED, UNCHANGED or KEPT.

        KEPT: nothing of the new version could be parsed, so the archived one stays.
        """
        job = parsed.job
        new_hash = parsed.content_hash
        with _transaction(self.conn) as c:
            paper_id = self._paper_id(job.paper)
            old = c.execute("SELECT id, content_hash FROM issues WHERE paper_id = ? AND date = ?",
                            (paper_id, job.date)).fetchone()
            if old and old[1] == new_hash:
                # same bytes: refresh the file signatures (a touched or moved file) and nothing else
                c.executemany("UPDATE pages SET path = ?, size = ?, mtime_ns = ? WHERE issue_id = ? AND seq = ?",
                              [(o.ref.path, o.ref.size, o.ref.mtime_ns, old[0], o.ref.seq) for o in parsed.pages])
                return UNCHANGED
            if old and parsed.issue is None and c.execute(
                    "SELECT 1 FROM pages WHERE issue_id = ? AND status = ?", (old[0], PARSED)).fetchone():
                return KEPT
            if old:
                self._delete_issue(old[0])
            self._insert_issue(paper_id, parsed, new_hash)
        return REPLACED if old else ADDED

    def _paper_id(self, name: str) -> int:
        c = self.conn
        row = c.execute("SELECT id FROM papers WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        paper_id = c.execute("INSERT INTO papers(name) VALUES (?)", (name,)).lastrowid
        assert paper_id is not None  # set by the INSERT
        return paper_id

    def _delete_issue(self, issue_id: int) -> None:
        c = self.conn
        # A contentless FTS5 table forgets a row only when told its exact old tokens (SQLite < 3.43
        # has no contentless_delete), so they are cut again from the stored text.
        rows = c.execute("SELECT id, kicker, title, subtitle, body FROM articles WHERE issue_id = ?", (issue_id,))
        c.executemany("INSERT INTO article_fts(article_fts, rowid, headline, body) VALUES ('delete', ?, ?, ?)",
                      [(aid, index_text(headline_text(k, t, s)), index_text(body)) for aid, k, t, s, body in rows])
        c.execute("DELETE FROM issues WHERE id = ?", (issue_id,))

    def _insert_issue(self, paper_id: int, parsed: ParsedIssue, content_hash: str) -> None:
        c = self.conn
        d = parsed.issue or {"pages": [], "articles": [], "furniture": [], "warnings": []}
        warnings = list(d.get("warnings", []))
        if parsed.error:
            warnings.append(parsed.error)
        issue_id = c.execute(
            "INSERT INTO issues(paper_id, date, content_hash, page_count, article_count, parsed_with, warnings,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (paper_id, parsed.job.date, content_hash, len(parsed.pages), len(d["articles"]), parsed.parsed_with,
             _dumps(warnings), datetime.now(UTC).isoformat(timespec="seconds"))).lastrowid
        assert issue_id is not None  # set by the INSERT
        c.executemany(
            "INSERT INTO pages(issue_id, seq, number, name, path, sha256, size, mtime_ns, status, reason, reader,"
            " encoding, line_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(issue_id, o.ref.seq, o.ref.number, o.ref.name, o.ref.path, o.sha256, o.ref.size, o.ref.mtime_ns,
              o.status, o.reason, *_page_meta(d["pages"], o.ref.path)) for o in parsed.pages])
        c.executemany("INSERT INTO furniture(issue_id, seq, kind, text, lines, spans) VALUES (?, ?, ?, ?, ?, ?)",
                      [(issue_id, k, f["kind"], f["text"], _dumps(f.get("lines", [])), _dumps(f.get("spans", [])))
                       for k, f in enumerate(d["furniture"], 1)])
        index = parsed.index if parsed.tokenizer_version == TOKENIZER_VERSION else ()
        for k, art in enumerate(d["articles"], 1):
            self._insert_article(issue_id, k, art, index[k - 1] if k <= len(index) else None)

    def _insert_article(self, issue_id: int, seq: int, art: dict[str, Any],
                        index: tuple[str, str] | None) -> None:
        c = self.conn
        h = art["headline"]
        b = art.get("byline")
        paras = art["paragraphs"]
        body = "\n".join(p["text"] for p in paras)
        facts = art.get("facts")
        pages = art.get("pages") or []
        article_id = c.execute(
            "INSERT INTO articles(issue_id, seq, page, pages, kicker, title, subtitle, roles_certain, headline_lines,"
            " byline, byline_source, reporters, byline_inline, byline_lines, dateline, continued_from, continued_to,"
            " body, chars, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (issue_id, seq, pages[0] if pages else None, _dumps(pages), h.get("kicker"), h.get("title"),
             h.get("subtitle"), int(bool(h.get("roles_certain", True))), _dumps(h.get("lines", [])),
             b and b.get("text"), b and b.get("source"), _dumps(list(b.get("reporters", [])) if b else []),
             None if b is None else int(bool(b.get("inline"))), None if b is None else _dumps(b.get("lines", [])),
             art.get("dateline"), art.get("continued_from"), art.get("continued_to"), body, len(body),
             None if facts is None else _dumps(facts))).lastrowid
        assert article_id is not None  # set by the INSERT
        rows, start = [], 0
        for k, p in enumerate(paras, 1):
            end = start + len(p["text"])
            rows.append((article_id, k, p.get("kind", "body"), start, end, _dumps(p.get("lines", [])),
                         _dumps(p.get("spans", [])), None if p.get("boxes") is None else _dumps(p["boxes"])))
            start = end + 1
        c.executemany("INSERT INTO paragraphs(article_id, seq, kind, char_start, char_end, lines, spans, boxes)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._insert_facts(article_id, b, facts)
        head, text = index or (index_text(headline_text(h.get("kicker"), h.get("title"), h.get("subtitle"))),
                               index_text(body))
        c.execute("INSERT INTO article_fts(rowid, headline, body) VALUES (?, ?, ?)", (article_id, head, text))

    def _insert_facts(self, article_id: int, byline: dict | None, facts: dict | None) -> None:
        c = self.conn
        people: list[tuple] = [(article_id, name, "记者", _dumps(["记者"]), None, "byline", "byline", None, None)
                  for name in (byline or {}).get("reporters", [])]
        orgs: list[tuple] = []
        stats: list[tuple] = []
        if facts:
            # The facts layer is young and its dict may grow: read it defensively, keep what fits.
            for p in _items(facts, "people"):
                titles = [str(t) for t in p.get("titles") or []]
                people.append((article_id, str(p["name"]), "、".join(titles) or None, _dumps(titles),
                               p.get("organization"), str(p.get("source") or "facts"), *_loc(p)))
            for o in _items(facts, "organizations"):
                orgs.append((article_id, str(o["name"]), _dumps(list(o.get("aliases") or [])), *_loc(o)))
            for s in _items(facts, "statistics"):
                rank = s.get("rank") or {}
                stats.append((article_id, s.get("metric"), s.get("breakdown"), _num(s.get("value")), s.get("unit"),
                              s.get("text"), _str(s.get("period")), _num(s.get("yoy_pct")), _num(s.get("share_pct")),
                              _str(s.get("share_of")), _str(rank.get("scope")), rank.get("position"), *_loc(s)))
        c.executemany("INSERT INTO people(article_id, name, title, titles, organization, source, field, char_start,"
                      " char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", people)
        c.executemany("INSERT INTO organizations(article_id, name, aliases, field, char_start, char_end)"
                      " VALUES (?, ?, ?, ?, ?, ?)", orgs)
        c.executemany("INSERT INTO statistics(article_id, metric, breakdown, value, unit, text, period, yoy_pct,"
                      " share_pct, share_of, rank_scope, rank_position, field, char_start, char_end)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stats)

    # -- maintenance -------------------------------------------------------------------------

    def _reindex_if_tokenizer_changed(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'tokenizer_version'").fetchone()
        if row and row[0] == str(TOKENIZER_VERSION):
            return
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the full-text index from the stored text with the current tokenizer."""
        with _transaction(self.conn) as c:
            c.execute("INSERT INTO article_fts(article_fts) VALUES ('delete-all')")
            rows = c.execute("SELECT id, kicker, title, subtitle, body FROM articles ORDER BY id")
            c.executemany("INSERT INTO article_fts(rowid, headline, body) VALUES (?, ?, ?)",
                          ((aid, index_text(headline_text(k, t, s)), index_text(body)) for aid, k, t, s, body in rows))
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('tokenizer_version', ?)",
                      (str(TOKENIZER_VERSION),))

    def optimize(self) -> None:
        """Merge the full-text index into one segment and checkpoint the WAL (after big ingests)."""
        with _transaction(self.conn) as c:
            c.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _items(facts: dict, key: str) -> Iterable[dict]:
    value = facts.get(key)
    if not isinstance(value, list):
        return []
    return [x for x in value if isinstance(x, dict) and (key == "statistics" or x.get("name"))]


def _loc(fact: dict) -> tuple[str, int | None, int | None]:
    span = fact.get("span") or [None, None]
    return (str(fact.get("field") or "body"), *(span[:2] if len(span) >= 2 else (None, None)))


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _str(v: Any) -> str | None:
    if v is None or isinstance(v, str):
        return v
    return _dumps(v)


def _page_meta(pages: list[dict], path: str) -> tuple[str | None, str | None, int | None]:
    """reader, encoding and line count of the parsed page(s) read from ``path`` (a dump may hold several)."""
    mine = [p for p in pages if p.get("source") == path]
    if not mine:
        return (None, None, None)
    return (mine[0].get("reader"), mine[0].get("encoding"), sum(int(p.get("lines") or 0) for p in mine))


def file_size(path: str | Path) -> int:
    """Size of the archive and its WAL, in bytes."""
    return sum(os.path.getsize(p) for p in (str(path), f"{path}-wal") if os.path.exists(p))
