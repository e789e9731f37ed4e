"""Every option of ingest/search/export and every view is documented in docs/archive.md."""
from __future__ import annotations

import argparse
from pathlib import Path

from banmian.archive.cli import add_parsers
from banmian.archive.search import connect_readonly

DOC = Path(__file__).resolve().parents[2] / "docs" / "archive.md"


def test_archive_docs_cover_every_option_and_view(small_db):
    text = DOC.read_text(encoding="utf-8")
    ap = argparse.ArgumentParser(prog="banmian")
    sub = ap.add_subparsers(dest="command")
    add_parsers(sub)
    for name, parser in sub.choices.items():
        assert f"banmian {name}" in text
        for action in parser._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in text, (name, opt)
    conn = connect_readonly(small_db)
    for (view,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'"):
        assert f"`{view}`" in text, view
