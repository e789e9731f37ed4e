"""Ingest: discovery, manifests, idempotency, content-hash replacement, bad files, summary."""
from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

import pytest
from archive_support import dump_tables, natural_dump

from banmian.archive.cli import add_parsers
from banmian.archive.discover import discover, natural_key
from banmian.archive import ingest as ingest_module
from banmian.archive.ingest import IngestOptions, ingest, parse_job
from banmian.archive.search import search
from banmian.errors import ArchiveError
from banmian.settings import DEFAULT

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def cli(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="banmian")
    add_parsers(ap.add_subparsers(dest="command"))
    args = ap.parse_args(argv)
    return args.func(args, DEFAULT)


def test_archive_discover_orders_pages_naturally_and_reads_numbers(tmp_path):
    day = tmp_path / "乐山日报" / "20240709"
    day.mkdir(parents=True)
    for name in ("p10.txt", "p2.txt", "p1.txt", "p1.pdf", "notes.json", ".hidden.txt"):
        (day / name).write_text("本报讯")
    (tmp_path / "loose.txt").write_text("x")
    found = discover([tmp_path])
    (job,) = found.jobs
    assert (job.paper, job.date) == ("乐山日报", "2024-07-09")
    assert [Path(p.path).name for p in job.pages] == ["p1.txt", "p2.txt", "p10.txt"]  # p1.pdf: same page as p1.txt
    assert [p.number for p in job.pages] == [1, 2, 10] and found.ignored_alternates == 1
    assert len(found.problems) == 1 and "not in a paper/YYYY-MM-DD folder" in found.problems[0]
    assert natural_key("01.txt") < natural_key("2.txt") < natural_key("10.txt")
    assert discover([day], paper="别名").jobs[0].paper == "别名"


def test_archive_discover_manifest_rows(tmp_path):
    (tmp_path / "a.txt").write_text("本报讯")
    (tmp_path / "b.txt").write_text("本报讯")
    m = tmp_path / "pages.csv"
    m.write_text("path,paper,date,page,page_name\n"
                 "b.txt,乐山日报,2024-07-09,2,综合\n"
                 "a.txt,乐山日报,2024-07-09,1,要闻\n"
                 "a.txt,乐山日报,2024-13-01,1,\n"
                 "a.txt,,2024-07-10,1,\n"
                 "a.doc,乐山日报,2024-07-10,1,\n", encoding="utf-8")
    found = discover([m])
    (job,) = found.jobs
    assert [(Path(p.path).name, p.number, p.name) for p in job.pages] == [("a.txt", 1, "要闻"), ("b.txt", 2, "综合")]
    assert len(found.problems) == 3
    assert all(p.startswith(f"{m}:") for p in found.problems)
    assert "pages.csv:4: date '2024-13-01' is not YYYY-MM-DD" in found.problems[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("file,date\nx,y\n")
    with pytest.raises(ArchiveError, match="lacks column"):
        discover([bad])


def test_archive_ingest_is_idempotent(tmp_path, small_pages):
    db = tmp_path / "a.db"
    first = ingest([small_pages], db)
    assert (first.added, first.pages_parsed, first.failed) == (6, 18, 0)
    before = dump_tables(db)
    again = ingest([small_pages], db)
    assert (again.added, again.replaced, again.unchanged, again.pages_parsed) == (0, 0, 6, 0)
    assert dump_tables(db) == before
    # touched files are read and hashed again, and still change nothing
    for f in small_pages.rglob("p2.txt"):
        os.utime(f)
    touched = ingest([small_pages], db)
    assert (touched.unchanged, touched.added, touched.replaced) == (6, 0, 0)
    after = dump_tables(db)
    assert {k: v for k, v in after.items() if k != "pages"} == {k: v for k, v in before.items() if k != "pages"}
    forced = ingest([small_pages], db, IngestOptions(force=True))
    assert forced.unchanged == 6 and forced.pages_parsed == 18


def test_archive_ingest_replaces_a_changed_page(tmp_path, small_pages):
    pages = tmp_path / "pages"
    shutil.copytree(small_pages, pages)
    db = tmp_path / "a.db"
    ingest([pages], db)
    assert search(db, "标记0032").total == 1
    page = pages / "测试日报" / "2024-01-04" / "p2.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("标记0032", "换新0032"), encoding="utf-8")
    res = ingest([pages], db)
    assert (res.replaced, res.unchanged, res.added) == (1, 5, 0)
    assert search(db, "标记0032").total == 0 and search(db, "换新0032").total == 1
    # the same archive a clean ingest of the changed pages makes (up to row ids)
    clean = tmp_path / "clean.db"
    ingest([pages], clean)

    a, b = natural_dump(db), natural_dump(clean)
    assert a["articles"] and a == b
    from banmian.archive.store import Store
    with Store(db) as st:  # the contentless index was told to forget the old rows exactly
        st.conn.execute("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")


@pytest.mark.parametrize("ocr", [True, False], ids=["with-ocr", "without-ocr"])
def test_archive_ingest_reports_and_skips_bad_files(tmp_path, small_pages, capsys, monkeypatch, ocr):
    """Bad files are one line each and skipped; a scan without the OCR extra is "not read"
    (not a failure); with it, a damaged image is a bad file like any other."""
    monkeypatch.setattr(ingest_module, "ocr_available", lambda: ocr)
    pages = tmp_path / "pages"
    shutil.copytree(small_pages, pages)
    day = pages / "测试日报" / "2024-01-02"
    (day / "p4.pdf").write_bytes(PDF)  # a damaged PDF
    (day / "p5.png").write_bytes(PNG)
    (day / "p6.txt").write_bytes(b"\x00\x01\x02garbage\x00\xff" * 50)
    only_pdf = pages / "测试日报" / "2024-02-01"
    only_pdf.mkdir()
    (only_pdf / "p1.pdf").write_bytes(PDF)
    db = tmp_path / "a.db"
    code = cli(["ingest", str(pages), "--db", str(db), "--workers", "1"])
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2  # the binary text file and the damaged PDFs make it 2
    assert len(lines) == 4 and all(line.startswith("banmian: ") for line in lines)
    assert sum("p4.pdf" in line or "p1.pdf" in line for line in lines) == 2
    if ocr:
        assert any("p5.png" in line and "not a readable PNG" in line for line in lines)
    else:
        assert any("p5.png" in line and "pip install 'banmian[ocr]'" in line for line in lines)
    assert any("p6.txt" in line and "binary" in line for line in lines)
    assert "7 issue(s)" in out and "18 page(s) parsed, 4 skipped" in out
    assert ("scan(s) not read" in out) is not ocr
    conn = __import__("sqlite3").connect(db)
    assert conn.execute("SELECT count(*) FROM pages WHERE status = 'skipped'").fetchone()[0] == 4
    assert conn.execute("SELECT article_count FROM issues WHERE date = '2024-02-01'").fetchone()[0] == 0
    # a rerun retries the skipped pages (a later reader may read them) and changes nothing
    before = dump_tables(db)
    assert cli(["ingest", str(pages), "--db", str(db), "--workers", "1", "--quiet"]) == 2
    assert dump_tables(db) == before


def test_archive_ingest_pdf_pages_keep_their_boxes(tmp_path):
    """A PDF page is parsed like a text dump, and each paragraph keeps the boxes of its lines."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    day = tmp_path / "pages" / "乐山日报" / "2024-07-09"
    day.mkdir(parents=True)
    c = canvas.Canvas(str(day / "p1.pdf"), pagesize=(595, 842))
    c.setFont("STSong-Light", 20)
    c.drawString(40, 790, "乐山光伏产业发展势头良好前景广阔")
    body = "本报讯（记者 张清）近日，记者从市经济和信息化局了解到，今年以来全市光伏产业保持快速增长，" \
           "多个重点项目相继投产。业内人士认为，这得益于完善的产业链条。"
    c.setFont("STSong-Light", 10)
    for k in range(0, len(body), 16):
        c.drawString(40, 750 - k // 16 * 14, body[k:k + 16])
    c.save()
    db = tmp_path / "a.db"
    res = ingest([tmp_path / "pages"], db)
    assert (res.added, res.pages_parsed, res.failed) == (1, 1, 0), res.problems
    conn = __import__("sqlite3").connect(db)
    assert conn.execute("SELECT reader FROM pages").fetchone()[0] == "pdf"
    boxes = [json.loads(b) for (b,) in conn.execute("SELECT boxes FROM paragraphs WHERE boxes IS NOT NULL")]
    assert boxes and all(len(box) == 4 for para in boxes for box in para if box)
    assert search(db, "光伏").total == 1


def test_archive_ingest_cli_errors_are_one_line(tmp_path, capsys):
    with pytest.raises(ArchiveError, match="no page files found"):
        cli(["ingest", str(tmp_path), "--db", str(tmp_path / "a.db")])
    with pytest.raises(ArchiveError, match="folder does not exist"):
        ingest([tmp_path], tmp_path / "nope" / "a.db")
    with pytest.raises(SystemExit):
        cli(["ingest", str(tmp_path), "--db", "x.db", "--workers", "0"])
    assert "1 or more" in capsys.readouterr().err
    with pytest.raises(ArchiveError, match="not a scheduler address"):
        (tmp_path / "p" / "2024-01-01").mkdir(parents=True)
        (tmp_path / "p" / "2024-01-01" / "p1.txt").write_text("本报讯（记者 张清）近日。\n")
        ingest([tmp_path / "p"], tmp_path / "b.db", IngestOptions(dask="not an address"))


def test_archive_ingest_keeps_the_archived_issue_when_the_new_one_is_unreadable(tmp_path):
    day = tmp_path / "pages" / "报" / "2024-01-01"
    day.mkdir(parents=True)
    page = day / "p1.txt"
    page.write_text("本报讯（记者 张清）近日，记者从市商务局了解到情况。\n\n环境固本\n", encoding="utf-8")
    db = tmp_path / "a.db"
    ingest([tmp_path / "pages"], db)
    page.write_bytes(b"")  # emptied by accident
    res = ingest([tmp_path / "pages"], db)
    assert res.kept == 1 and res.failed == 1
    assert search(db, "环境固本").total == 1


def test_archive_ingest_progress_and_summary(tmp_path, small_pages):
    seen = []
    res = ingest([small_pages], tmp_path / "a.db", progress=lambda d, t, s: seen.append((d, t)))
    assert seen[0] == (0, 18) and seen[-1] == (18, 18)
    text = res.text()
    assert "6 issue(s), 18 page file(s) found; 6 added" in text and "pages/s" in text and "MB" in text


def test_archive_parse_job_drops_a_bad_page_and_parses_the_rest(tmp_path, small_pages):
    from banmian.archive.records import IssueJob, PageRef
    good = next(small_pages.rglob("p2.txt"))
    bad = tmp_path / "p1.txt"
    bad.write_bytes(b"")
    job = IssueJob("报", "2024-01-01", (PageRef(str(bad), 1, 1, None, 0, 0), PageRef(str(good), 2, 2, None, 0, 0)))
    r = parse_job(job, facts=False)
    assert [o.status for o in r.pages] == ["skipped", "parsed"] and "empty" in r.pages[0].reason
    assert r.issue and r.issue["articles"] and r.issue["pages"][0]["source"] == str(good)


def test_archive_ingest_without_the_facts_layer(tmp_path, small_pages, monkeypatch):
    """Facts are a soft dependency: without banmian.extract articles are stored, facts NULL, with a warning."""
    import sqlite3
    import sys
    monkeypatch.setitem(sys.modules, "banmian.extract", None)  # import fails
    db = tmp_path / "a.db"
    res = ingest([small_pages], db, IngestOptions(workers=1))
    assert res.added == 6 and res.failed == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE facts IS NOT NULL").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM statistics").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM people WHERE source = 'byline'").fetchone()[0] >= 1
    assert "facts not extracted" in conn.execute("SELECT warnings FROM issues LIMIT 1").fetchone()[0]
    assert search(db, "乡村振兴").total >= 1
