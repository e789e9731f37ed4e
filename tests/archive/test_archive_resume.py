"""Ingest killed with SIGKILL mid-run, several times, then rerun: the archive a clean run makes."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_pages import make_archive_pages
from archive_support import dump_tables

from banmian.archive.ingest import IngestOptions, ingest

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")

CHILD = ("import sys; from banmian.archive.ingest import IngestOptions, ingest; "
         "ingest([sys.argv[1]], sys.argv[2], IngestOptions(workers=2, batch_pages=4))")


def _issues(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM issues").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # schema not there yet
        return 0


def _run_and_kill(pages: Path, db: Path, after_issues: int, jitter_s: float,
                  deadline_s: float = 60) -> tuple[int, bool]:
    """Start an ingest; SIGKILL it (and its workers) ``jitter_s`` after ``after_issues`` issues are stored."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(pages), str(db)], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    end = time.monotonic() + deadline_s
    killed = False
    while proc.poll() is None and time.monotonic() < end:
        if _issues(db) >= after_issues:
            time.sleep(jitter_s)  # land anywhere: between issues, inside one's transaction
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.005)
    if not killed and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return _issues(db), killed


def test_archive_resume_after_sigkill_equals_a_clean_ingest(tmp_path):
    pages = tmp_path / "pages"
    make_archive_pages(pages, issues=30, pages_per_issue=4, seed=5)
    db = tmp_path / "killed.db"
    stored_after_kill = []
    # 0: killed while starting up / creating the schema
    for target, jitter in ((0, 0.0), (4, 0.002), (11, 0.005), (19, 0.011)):
        n, killed = _run_and_kill(pages, db, target, jitter)
        if killed:
            stored_after_kill.append(n)
    assert len(stored_after_kill) >= 3, stored_after_kill
    assert any(0 < n < 30 for n in stored_after_kill), stored_after_kill  # really killed mid-run
    resumed = ingest([pages], db, IngestOptions(workers=2))
    assert resumed.added == 30 - stored_after_kill[-1] and resumed.replaced == 0
    clean = tmp_path / "clean.db"
    ingest([pages], clean, IngestOptions(workers=1))
    got, want = dump_tables(db), dump_tables(clean)
    for table in want:
        assert got[table] == want[table], table
    assert len(want["issues"]) == 30 and len(want["articles"]) > 100
    for conn in (sqlite3.connect(db), sqlite3.connect(clean)):
        conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
