"""Helpers for the archive tests: table dumps to compare two archives row by row."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def dump_tables(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table (and the index's per-article sizes), ingest times left out."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'article_fts%' ORDER BY name")]
        for t in tables + ["article_fts_docsize"]:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] != "ingested_at"]
            out[t] = sorted(conn.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
        return out
    finally:
        conn.close()


def natural_dump(db: Path) -> dict[str, list[tuple]]:
    """Rows keyed by paper, date and sequence numbers instead of row ids (ids depend on history)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    issue = "JOIN issues i ON i.id = t.issue_id JOIN papers p ON p.id = i.paper_id"
    article = ("JOIN articles a ON a.id = t.article_id JOIN issues i ON i.id = a.issue_id "
               "JOIN papers p ON p.id = i.paper_id")
    plans = {"issues": ("p.name, i.date", "issues i JOIN papers p ON p.id = i.paper_id", "i"),
             "pages": ("p.name, i.date", f"pages t {issue}", "t"),
             "furniture": ("p.name, i.date", f"furniture t {issue}", "t"),
             "articles": ("p.name, i.date", f"articles t {issue}", "t")}
    for t in ("paragraphs", "people", "organizations", "statistics"):
        plans[t] = ("p.name, i.date, a.seq", f"{t} t {article}", "t")
    out = {}
    try:
        for table, (keys, source, alias) in plans.items():
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if r[1] not in ("id", "issue_id", "article_id", "paper_id", "ingested_at")]
            sql = f"SELECT {keys}, {', '.join(f'{alias}.{c}' for c in cols)} FROM {source}"
            out[table] = sorted(conn.execute(sql).fetchall(), key=repr)
        return out
    finally:
        conn.close()
