"""Safety: text stays text, requests never name files, uploads are checked, the archive stays read-only."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from webpages import EXAMPLE, XSS_IMG, XSS_PAPER, XSS_SCRIPT, make_pdf

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "banmian" / "web" / "templates"
XSS_URL = f"/papers/{quote(XSS_PAPER, safe='')}/2024-07-11"


def _xss_article(client) -> dict:
    return client.get(f"/api/papers/{quote(XSS_PAPER, safe='')}/issues/2024-07-11/articles/1").json()


def test_web_security_markup_in_articles_is_stored_and_served_as_text(client):
    body = "\n".join(p["text"] for p in _xss_article(client)["paragraphs"])
    assert XSS_SCRIPT in body and XSS_IMG in body  # the archive keeps the text exactly
    for url in (f"{XSS_URL}/articles/1", f"{XSS_URL}/pages/1", XSS_URL, "/",
                f"/search?q={quote('网信办')}", f"/search?q={quote(XSS_SCRIPT)}", f"/people?q={quote(XSS_IMG)}"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
    html = client.get(f"{XSS_URL}/articles/1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_web_security_templates_never_mark_text_safe():
    for t in TEMPLATES.glob("*.html"):
        text = t.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|Markup\(", text), t.name
        assert not re.search(r"<script>(?!</script>)|<script(?![^>]*\bsrc=)", text), f"inline script in {t.name}"
        assert " style=" not in text and "<style" not in text, f"inline style in {t.name} (CSP forbids it)"


def test_web_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/papers").headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("url", [
    "/api/pages/..%2F..%2Fetc%2Fpasswd",
    "/api/pages/../../etc/passwd",
    "/api/pages/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/pages/1%2F..%2F..%2Fetc%2Fpasswd/image.png",
    "/api/articles/..%2F..%2Fetc%2Fpasswd",
    "/api/papers/..%2F..%2Fetc%2Fpasswd/issues",
    "/api/papers/%2Fetc%2Fpasswd/issues/2024-07-09/pages/1",
    f"/api/papers/{quote('乐山日报')}/issues/..%2F..%2Fetc%2Fpasswd/pages/1",
    "/static/..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/../app.py",
    "/static/%2e%2e/app.py",
    "/static/reader.js%00.txt",
    "/pages/..%2F..%2Fetc%2Fpasswd/image.png",
    "/papers/..%2F..%2Fetc%2Fpasswd",
    "/people/..%2F..%2Fetc%2Fpasswd",
])
def test_web_security_path_traversal_never_reads_a_file(client, url):
    r = client.get(url)
    assert r.status_code in (404, 422), (url, r.status_code)
    assert "root:" not in r.text and "def create_app" not in r.text


def test_web_security_no_route_takes_a_path(app):
    """Every path parameter is a name, a date or a number: none uses Starlette's ``:path`` convertor."""
    for route in app.routes:
        assert ":path" not in getattr(route, "path", ""), route.path


def _upload(client, data: bytes, name: str = "p.txt", url: str = "/api/parse"):
    return client.post(url, files={"file": (name, data, "text/plain")})


def test_web_security_upload_too_large_is_413(app):
    from fastapi.testclient import TestClient
    limit = app.state.banmian.settings.max_upload_bytes
    with TestClient(app) as c:
        r = _upload(c, b"a" * (limit + 200_000))
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        r = _upload(c, "版".encode() * (limit // 3 + 10))  # just over the limit: refused after reading
        assert r.status_code == 413 and "MB" in r.json()["detail"]
        assert _upload(c, b"a" * (limit + 200_000), url="/upload").status_code == 413


def test_web_security_upload_of_a_scan_without_ocr_is_415(client, monkeypatch):
    from banmian.web import upload
    monkeypatch.setattr(upload, "ocr_available", lambda: False)
    r = _upload(client, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "page.txt")  # told by its bytes, not its name
    assert r.status_code == 415 and "scanned page" in r.json()["detail"] and "banmian[ocr]" in r.json()["detail"]


def test_web_security_upload_of_a_damaged_image_is_422(client, monkeypatch):
    from banmian.web import upload
    monkeypatch.setattr(upload, "ocr_available", lambda: True)
    r = _upload(client, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "page.txt")
    assert r.status_code == 422 and "not a readable PNG" in r.json()["detail"]


def test_web_security_upload_of_a_pdf_without_text_says_why_cleanly(client, tmp_path):
    """A PDF with no text layer (a scan): the reader's own message, the page shown, no 500."""
    pdf = make_pdf(tmp_path / "p1.pdf").read_bytes()
    r = _upload(client, pdf, "p1.pdf")
    assert r.status_code == 422 and "p1.pdf: " in r.json()["detail"] and "text layer" in r.json()["detail"]
    html = _upload(client, pdf, "p1.pdf", url="/upload")
    assert html.status_code == 422 and "text layer" in html.text and "data:image/png;base64," in html.text


@pytest.mark.parametrize("data, status, needle", [
    (b"", 422, "empty"),
    (b"   \n\n  ", 422, "empty"),
    (b"\x00\x01\x02garbage\x00\xff" * 50, 422, "binary"),
])
def test_web_security_upload_of_bad_text_is_422(client, data, status, needle):
    r = _upload(client, data)
    assert r.status_code == status and needle in r.json()["detail"]


def test_web_security_upload_name_is_only_shown(client):
    r = client.post("/upload", files={"file": ("../../etc/passwd", EXAMPLE.read_bytes(), "text/plain")})
    assert r.status_code == 200 and "passwd" in r.text and "../" not in r.text.split("<main>")[1].split("</nav>")[0]
    assert r.text.count('<article class="card') == 5


def test_web_security_upload_without_a_file_is_422(client):
    assert client.post("/api/parse", data={"paper": "x"}).status_code == 422


def test_web_security_archive_is_read_only(app):
    reader = app.state.banmian.pool.reader()
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("CREATE TABLE evil (x)")
    with pytest.raises(sqlite3.OperationalError):
        reader.conn.execute("DELETE FROM articles")
    assert reader.value("PRAGMA query_only") == 1


def test_web_security_slow_queries_are_cut_off(web_db):
    from fastapi.testclient import TestClient

    from banmian.web.app import WebSettings, create_app
    from banmian.web.db import QueryTimeout
    app = create_app(web_db, settings=WebSettings(query_timeout_s=0.05))
    reader = app.state.banmian.pool.reader()
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    with pytest.raises(QueryTimeout):
        reader.all(slow)
    assert reader.value("SELECT count(*) FROM papers") == 4  # the connection still works afterwards
    with TestClient(app) as c:
        assert c.get("/api/papers").status_code == 200


def test_web_security_bad_archive_fails_at_startup_with_the_fix(tmp_path):
    from banmian.errors import ArchiveError
    from banmian.web.app import create_app
    with pytest.raises(ArchiveError, match="no such archive.*banmian ingest"):
        create_app(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ArchiveError, match=r"junk\.db: not a banmian archive"):
        create_app(junk)


def test_web_security_streamed_upload_without_length_is_cut_at_the_limit(web_db):
    """A chunked body (no Content-Length) is counted as it arrives and refused past the limit."""
    from fastapi.testclient import TestClient

    from banmian.web.app import WebSettings, create_app

    def body():  # (TestClient buffers it; a real server stops reading at the limit)
        yield b'--xx\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        for _ in range(1000):
            yield b"a" * 10_000
        yield b"\r\n--xx--\r\n"
    with TestClient(create_app(web_db, settings=WebSettings(max_upload_bytes=100_000))) as c:
        r = c.post("/api/parse", content=body(), headers={"content-type": "multipart/form-data; boundary=xx"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]
