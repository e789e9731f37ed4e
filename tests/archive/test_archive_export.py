"""Export: JSONL, CSV and Parquet carry the same rows, with provenance, and read back equal."""
from __future__ import annotations

import argparse
import builtins
import json

import pytest

from banmian.archive.cli import add_parsers
from banmian.archive.export import ARTICLE_COLUMNS, COLUMNS, export, iter_rows, read_rows
from banmian.archive.search import Filters, connect_readonly
from banmian.errors import ArchiveError
from banmian.settings import DEFAULT


def _expected(db, what):
    conn = connect_readonly(db)
    try:
        return list(iter_rows(conn, what))
    finally:
        conn.close()


def _same(got, want, what):
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert list(g) == list(COLUMNS[what])
        for k in COLUMNS[what]:
            a, b = g[k], w[k]
            if b == "" and a is None:  # CSV cannot tell "" from NULL
                continue
            assert a == b, (what, k, a, b)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("what", ["articles", "facts", "statistics"])
def test_archive_export_round_trips(tmp_path, small_db, fmt, what):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    n = export(small_db, fmt, what, out)
    want = _expected(small_db, what)
    assert n == len(want)
    _same(read_rows(out, fmt, what), want, what)


def test_archive_export_articles_carry_american_stories_columns_and_provenance(small_db):
    rows = _expected(small_db, "articles")
    assert {"paper", "date", "page", "headline", "byline", "text"} <= set(ARTICLE_COLUMNS)
    first = rows[0]
    assert first["paper"] == "测试日报" and first["date"] == "2024-01-01" and first["page"] == 1
    assert first["headline"].startswith("较真碰硬") and first["byline"] == "本报讯（记者 付小惠）"
    prov = first["provenance"]
    assert prov["pages"][0]["path"].endswith("p1.txt") and len(prov["pages"][0]["sha256"]) == 64
    para = prov["paragraphs"][0]
    assert first["text"][para["start"]:para["end"]].startswith("本报讯")
    assert para["lines"][0] == 1 and para["spans"][0][:2] == [1, 1]
    assert first["article_id"] == "测试日报/2024-01-01/a1"
    assert len(_expected(small_db, "articles")) == len(rows)
    conn = connect_readonly(small_db)
    assert len(list(iter_rows(conn, "articles", Filters(date_from="2024-01-02", date_to="2024-01-02")))) == \
        conn.execute("SELECT count(*) FROM v_articles WHERE date = '2024-01-02'").fetchone()[0]


def test_archive_export_cli_stdout_and_errors(tmp_path, small_db, capsys, monkeypatch):
    ap = argparse.ArgumentParser(prog="banmian")
    add_parsers(ap.add_subparsers(dest="command"))

    def run(*argv):
        args = ap.parse_args(["export", "--db", str(small_db), *argv])
        return args.func(args, DEFAULT)

    assert run("--format", "jsonl", "--paper", "测试日报", "--from", "2024-01-06") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["date"] == "2024-01-06" for line in lines)
    with pytest.raises(ArchiveError, match="needs a file"):
        run("--format", "parquet")
    real_import = builtins.__import__

    def no_pyarrow(name, *a, **kw):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *a, **kw)
    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    out = tmp_path / "x.parquet"
    with pytest.raises(ArchiveError, match=r"pip install 'banmian\[parquet\]'"):
        run("--format", "parquet", "--out", str(out))
    assert not out.exists() and not list(tmp_path.glob(".x.parquet.*"))  # no half file left behind
