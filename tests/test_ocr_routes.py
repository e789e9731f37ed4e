"""Scans through the archive and the web reader: `banmian ingest` and an upload OCR a scanned
page (with the ``[ocr]`` extra) like the CLI does, and the articles are searchable / shown.

The page is the small two-column scan of tests/test_ocr_reader.py.
"""
from __future__ import annotations

import io
import re

import pytest
from test_ocr_reader import LEFT, RIGHT, TITLE, WQY_PATH, _levenshtein, _png

from banmian.readers.ocr import ocr_available

pytestmark = pytest.mark.skipif(not (ocr_available() and WQY_PATH.exists()),
                                reason="needs the OCR extra (pip install 'banmian[ocr]') and fonts-wqy-zenhei")


@pytest.fixture(scope="module")
def png() -> bytes:
    pytest.importorskip("reportlab", reason="the page is built with reportlab (pip install -e '.[dev]')")
    return _png()


@pytest.fixture(scope="module")
def scan_db(png, tmp_path_factory):
    from banmian.archive.ingest import ingest
    root = tmp_path_factory.mktemp("scans")
    day = root / "pages" / "乐山日报" / "2024-07-09"
    day.mkdir(parents=True)
    (day / "p1.png").write_bytes(png)
    db = root / "a.db"
    res = ingest([root / "pages"], db)
    assert (res.added, res.pages_parsed, res.pages_unsupported, res.failed) == (1, 1, 0, 0), res.problems
    return db


def test_ocr_routes_ingest_reads_a_scan(scan_db):
    from banmian.archive.search import search
    conn = __import__("sqlite3").connect(scan_db)
    assert conn.execute("SELECT reader FROM pages").fetchone()[0] == "ocr"
    assert conn.execute("SELECT title FROM articles").fetchone()[0] == TITLE
    assert search(scan_db, "电商").total == 1  # "农村电商", in the left column


def test_ocr_routes_web_shows_an_archived_scan_under_its_boxes(scan_db):
    """The page view shows the scan itself, in the points its OCR boxes are in; no OCR runs again."""
    pytest.importorskip("fastapi")
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from banmian.web.app import create_app
    from test_ocr_reader import H, W
    with TestClient(create_app(scan_db)) as client:
        d = client.get(f"/api/papers/{quote('乐山日报')}/issues/2024-07-09/pages/1").json()
        assert d["source"]["reason"] == "scan" and d["source"]["image_url"]
        r = client.get(d["source"]["image_url"])
        assert r.status_code == 200 and r.content[:4] == b"\x89PNG"
        html = client.get(f"/papers/{quote('乐山日报')}/2024-07-09/pages/1").text
        assert d["source"]["image_url"] in html
        # the overlay is sized in the page's points: the scan says 200 dpi, so about W x H points
        m = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', html)
        assert m and float(m.group(1)) == pytest.approx(W, abs=2) and float(m.group(2)) == pytest.approx(H, abs=2)
        assert "<rect " in html  # the paragraphs' line boxes, drawn over it


def test_ocr_routes_upload_reads_a_scan(png, tmp_path):
    from banmian.web.upload import reconstruct_upload
    page = reconstruct_upload(png, "scan.png", limit=10_000_000, facts=False)
    [article] = page["articles"]
    assert article["title"] == TITLE
    body = "".join(p["text"] for p in article["paragraphs"])
    gold = "".join(LEFT + RIGHT)
    assert _levenshtein(body.replace(" ", ""), gold) / len(gold) <= 0.02
    assert page["issue"]["pages"][0]["reader"] == "ocr"


def test_ocr_routes_page_view_of_an_archived_scan_does_not_ocr_again(png, tmp_path, monkeypatch):
    from banmian.web import sources
    f = tmp_path / "p1.png"
    f.write_bytes(png)

    def no_ocr(*a, **k):
        raise AssertionError("the page view ran OCR")
    monkeypatch.setattr(sources, "read_bytes", no_ocr)
    src = sources.load_source(str(f), "", 1, 10_000_000)
    assert (src.available, src.reason) == (False, "scan")


def test_ocr_routes_render_scan_shrinks_big_scans_and_refuses_what_ocr_refuses(tmp_path, monkeypatch):
    """Any scan the OCR reader accepts can be shown (shrunk for the screen, its size in points
    kept: the line boxes are drawn in them); one over the reader's own limit is refused."""
    from PIL import Image

    from banmian.errors import BanmianError
    from banmian.web import sources
    f = tmp_path / "big.jpg"
    Image.new("L", (3000, 2000), 255).save(f, dpi=(300, 300))
    monkeypatch.setattr(sources, "MAX_RENDER_PIXELS", 600_000)
    png, w_pt, h_pt = sources.render_scan(str(f))
    assert (w_pt, h_pt) == pytest.approx((720.0, 480.0))  # 3000 x 2000 px at 300 dpi
    with Image.open(io.BytesIO(png)) as shown:
        assert shown.size[0] * shown.size[1] <= 600_000 and shown.size[0] / shown.size[1] == pytest.approx(1.5, abs=0.01)
    monkeypatch.setattr(sources, "MAX_SCAN_PIXELS", 5_000_000)
    with pytest.raises(BanmianError, match="too large to show"):
        sources.render_scan(str(f))
