"""Faults around the single writer: a second writer, a full disk, export killed."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from banmian.archive.store import Store
from banmian.cli import main
from banmian.errors import ArchiveError

EXAMPLE = Path(__file__).resolve().parent.parent / "pages" / "leshan-daily-p1.txt"


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_archive_faults_second_writer_exits_clearly(tmp_path, capsys):
    db = tmp_path / "a.db"
    with Store(db):
        with pytest.raises(ArchiveError, match="another banmian process is writing"):
            Store(db)
        layout = tmp_path / "in" / "乐山日报" / "2024-07-09"
        layout.mkdir(parents=True)
        (layout / "p1.txt").write_bytes(EXAMPLE.read_bytes())
        code = main(["ingest", str(tmp_path / "in"), "--db", str(db)])
        err = capsys.readouterr().err
        assert code == 2 and "another banmian process" in err and err.count("\n") == 1
    assert _integrity(db) == "ok"


def test_archive_faults_disk_full_leaves_a_sound_archive(tmp_path):
    """A file-size limit stands in for a full disk: the ingest fails cleanly and
    the archive passes its integrity check; a rerun without the limit completes."""
    layout = tmp_path / "in" / "乐山日报" / "2024-07-09"
    layout.mkdir(parents=True)
    for i in range(1, 4):
        (layout / f"p{i}.txt").write_bytes(EXAMPLE.read_bytes())
    db = tmp_path / "a.db"
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))\n"
            "from banmian.cli import main\n"
            f"sys.exit(main(['ingest', {str(tmp_path / 'in')!r}, '--db', {str(db)!r}]))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    if db.exists():
        assert _integrity(db) == "ok"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    assert _integrity(db) == "ok"


def test_archive_faults_export_killed_leaves_no_partial_file(tmp_path):
    layout = tmp_path / "in" / "乐山日报" / "2024-07-09"
    layout.mkdir(parents=True)
    (layout / "p1.txt").write_bytes(EXAMPLE.read_bytes())
    db = tmp_path / "a.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 0
    out = tmp_path / "articles.jsonl"
    for delay in (0.05, 0.2, 0.5):
        p = subprocess.Popen([sys.executable, "-m", "banmian.cli", "export", "--db", str(db), "--format",
                              "jsonl", "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
        p.wait()
        # either the complete file or none at all; never half of one
        if out.exists():
            lines = out.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 5
            out.unlink()
    assert _integrity(db) == "ok"
