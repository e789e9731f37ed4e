from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from pages import make_archive_pages  # noqa: E402


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


@pytest.fixture(scope="session")
def small_pages(tmp_path_factory) -> Path:
    """6 issues x 3 pages of text, the example page first; read-only for tests (copy to change)."""
    root = tmp_path_factory.mktemp("small") / "pages"
    make_archive_pages(root, issues=6, pages_per_issue=3, seed=3)
    return root


@pytest.fixture(scope="session")
def small_db(tmp_path_factory, small_pages) -> Path:
    from banmian.archive.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("small-db") / "archive.db"
    ingest([small_pages], db, IngestOptions(workers=1))
    return db


def _layout_generated(src: Path, dst: Path) -> int:
    """pagegen output -> paper/date folders: jump issues keep their pages, single pages go 4 to an issue."""
    pages = 0
    singles = []
    for f in sorted(src.glob("*.txt")):
        m = re.fullmatch(r"(i\d+-\w+)\.p(\d+)\.txt", f.name)
        if m:
            folder = dst / "生成日报" / _date(int(re.sub(r"\D", "", m[1])) + 5000)
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, folder / f"p{m[2]}.txt")
            pages += 1
        elif not re.fullmatch(r"i\d+p\d+-\w+\.txt", f.name):  # a jump issue's pages again, one by one
            singles.append(f)
    for k, f in enumerate(singles):
        folder = dst / "人民日报" / _date(k // 4)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, folder / f"p{k % 4 + 1}.txt")
        pages += 1
    return pages


def _date(n: int) -> str:
    from datetime import date, timedelta
    return (date(2000, 1, 1) + timedelta(days=n)).isoformat()


@pytest.fixture(scope="session")
def generated_pages(tmp_path_factory) -> Path:
    """>= 1,000 pages laid out by benchmarks.pagegen (direct route) from ../shared's corpus."""
    out = tmp_path_factory.mktemp("gen")
    proc = subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", "960", "--seed", "11",
                           "--out", str(out / "raw"), "--routes", "direct"], cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"page generator unavailable: {proc.stderr.strip()[:200]}")
    n = _layout_generated(out / "raw", out / "pages")
    assert n >= 1000, n
    return out / "pages"
