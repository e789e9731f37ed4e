"""The web reader's test archive, built once per session from real and synthetic pages.

``web_db`` holds the example page (5 articles) with its continuation on page 2,
statistics with a consistent and an inconsistent audit, an article carrying
``<script>`` and ``<img onerror>`` text, a few plain issues for the calendar,
and a page stored with line boxes and a PDF beside it (written through the
archive's own writer, as a PDF reader would).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from webpages import make_pages, make_pdf, make_text_pdf, synthetic_page  # noqa: E402


def _add_boxed_page(db: Path, root: Path) -> None:
    """An issue whose paragraph lines carry PDF boxes, with the PDF beside the text."""
    from banmian.archive.ingest import parse_job
    from banmian.archive.records import IssueJob, PageRef
    from banmian.archive.store import Store
    folder = root / "图像日报" / "2024-03-01"
    folder.mkdir(parents=True)
    txt = folder / "p1.txt"
    txt.write_text("图像版面测试标题文字内容\n\n本报讯（记者 张清）近日，全市召开\n工作会议研究部署重点任务。\n",
                   encoding="utf-8")
    make_pdf(folder / "p1.pdf")
    st = txt.stat()
    job = IssueJob("图像日报", "2024-03-01", (PageRef(str(txt), 1, 1, None, st.st_size, st.st_mtime_ns),))
    parsed = parse_job(job, facts=False)
    for art in parsed.issue["articles"]:
        for p in art["paragraphs"]:
            p["boxes"] = [[20.0, 40.0 + 14 * k, 280.0, 52.0 + 14 * k] for k in range(len(p["lines"]))]
    with Store(db) as store:
        store.write_issue(parsed)


@pytest.fixture(scope="session")
def web_pages(tmp_path_factory) -> Path:
    root = make_pages(tmp_path_factory.mktemp("web") / "pages")
    try:  # a PDF page with a text layer (read by ingest once it reads PDFs; shown as an image either way)
        folder = root / "图像日报" / "2024-03-02"
        folder.mkdir(parents=True)
        make_text_pdf(folder / "p1.pdf", synthetic_page(1))
    except ImportError:  # reportlab is a dev dependency
        pass
    return root


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, web_pages) -> Path:
    from banmian.archive.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("web-db") / "archive.db"
    summary = ingest([web_pages], db, IngestOptions(workers=1))
    assert summary.failed == 0, summary.problems
    _add_boxed_page(db, web_pages)
    return db


@pytest.fixture(scope="session")
def app(web_db):
    pytest.importorskip("fastapi", reason="the web reader needs fastapi (pip install 'banmian[web]')")
    from banmian.web.app import create_app
    return create_app(web_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient
    with TestClient(app) as c:
        yield c
