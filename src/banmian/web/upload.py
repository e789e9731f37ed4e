"""Uploaded bytes -> the page's articles, reconstructed on the spot and never stored.

The type is told from the content (:func:`banmian.readers.file_kind`), not
the name or the client's content type; the file name is only shown, never used
as a path.  Every refusal is an :class:`UploadRefused` with the HTTP status to
answer and a message that says what to do:

* 413 — over the size limit;
* 415 — a scanned image, where the optional OCR extra is not installed;
* 422 — empty, binary, undecodable, a PDF without a text layer (``read_bytes``'s own
  message is passed on, and the PDF's first page is rendered to show), or a page
  that cannot be reconstructed.

A PDF with a text layer is read like a text dump (:func:`banmian.readers.read_bytes`)
and, when it is one page, shown as an image under its line boxes.  A scan (PNG, JPEG,
TIFF) is read by OCR when ``banmian[ocr]`` is installed.

>>> page = reconstruct_upload("本报讯（记者 张清）近日，记者从市商务局了解到情况。\\n\\n环境固本\\n".encode(),
...                           "p1.txt", limit=1000, facts=False)
>>> [a["title"] for a in page["articles"]]
['环境固本']
>>> reconstruct_upload(b"%PDF-1.7 junk", "p1.pdf", limit=1000).status  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
banmian.web.upload.UploadRefused: 422: p1.pdf: is not a readable PDF (...) (re-download or re-export the PDF)
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date as _date
from typing import Any

from ..errors import BanmianError, LimitError, ReadError
from ..pipeline import run_issue
from ..readers import file_kind, read_bytes
from ..readers.ocr import ocr_available
from ..serialize import issue_to_dict
from ..settings import DEFAULT, Settings
from .sources import SourcePage, png_data_uri, render_pdf_page
from .views import article_from_parse

MAX_UPLOAD_PAGES = 20   # an upload is "one page" (a dump may hold a few, split by form feeds)
UPLOAD_TIMEOUT_S = 10.0


class UploadRefused(BanmianError):
    """An upload that is not reconstructed; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, message: str, *, path: str | None = None, fix: str | None = None,
                 image: str | None = None) -> None:
        self.status = status
        self.image = image  # a data: URI of the PDF's first page, when there is one
        super().__init__(message, path=path, fix=fix)

    def _render(self) -> str:
        return f"{self.status}: {super()._render()}"

    @property
    def text(self) -> str:
        """The message without the status (what a person reads)."""
        return super()._render()


def display_name(filename: str | None) -> str:
    """The upload's name as shown: the last path part, control characters dropped, at most 80 characters.

    >>> display_name("../../etc/passwd"), display_name(None), display_name("C:\\\\x\\\\页.txt")
    ('passwd', 'upload', '页.txt')
    """
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(c for c in name if c.isprintable()).strip()[:80]
    return name or "upload"


def _facts_hook(date: str | None):
    try:
        from ..extract import extract_facts, facts_to_dict
    except Exception:  # noqa: BLE001 - facts are optional and may be mid-change
        return None
    day = _date.fromisoformat(date) if date else None

    def facts(article: Any) -> dict | None:
        try:
            return facts_to_dict(extract_facts(article, day, ner=False))
        except Exception:  # noqa: BLE001 - the page is shown without this article's facts
            return None
    return facts


def reconstruct_upload(data: bytes, filename: str | None, *, limit: int, paper: str | None = None,
                       date: str | None = None, settings: Settings = DEFAULT, facts: bool = True) -> dict[str, Any]:
    """Reconstruct an uploaded page: ``{"name", "issue", "articles", "sources", "warnings"}``."""
    name = display_name(filename)
    if date is not None:
        try:
            date = _date.fromisoformat(date).isoformat()
        except ValueError:
            raise UploadRefused(422, f"date {date!r} is not a calendar date", fix="give YYYY-MM-DD, e.g. 2024-07-09") from None
    if len(data) > limit:
        raise UploadRefused(413, f"is {len(data) / 1e6:.1f} MB, over the upload limit of {limit / 1e6:g} MB",
                            path=name, fix="upload one page's text, or run `banmian parse` on it locally")
    if not data.strip():
        raise UploadRefused(422, "is empty (no text on the page)", path=name,
                            fix="upload the page's extracted text, e.g. from `pdftotext -raw page.pdf`")
    kind = file_kind(data)
    if kind == "image" and not ocr_available():
        raise UploadRefused(415, "is a scanned page and this server has no OCR", path=name,
                            fix="upload the page's text or its e-paper PDF, or install banmian[ocr] on the server")
    cfg = dataclasses.replace(settings, max_bytes=min(settings.max_bytes, limit),
                              max_pages=min(settings.max_pages, MAX_UPLOAD_PAGES),
                              page_timeout_s=min(settings.page_timeout_s, UPLOAD_TIMEOUT_S))
    try:
        pages = read_bytes(data, name, settings=cfg)
        issue = run_issue(pages, cfg, paper=paper, date=date)
    except LimitError as exc:
        raise UploadRefused(413, exc.message, path=name, fix=exc.fix) from None
    except ReadError as exc:  # a PDF without a text layer (a scan) is shown, with why it was not read
        raise UploadRefused(422, exc.message, path=name, fix=exc.fix,
                            image=_pdf_preview(data)[0] if kind == "pdf" else None) from None
    except BanmianError as exc:
        raise UploadRefused(422, exc.message, path=name, fix=exc.fix) from None
    d = issue_to_dict(issue, _facts_hook(date) if facts else None)
    articles = [article_from_parse(a, k) for k, a in enumerate(d["articles"], 1)]
    for art, ad in zip(issue.articles, articles):  # line boxes, as ingest stores them for PDF pages
        for para, pd in zip(art.paragraphs, ad["paragraphs"]):
            boxes = [list(ln.box) if ln.box else None for ln in para.lines]
            pd["boxes"] = boxes if any(boxes) else None
    sources = tuple(SourcePage(p.number, tuple((ln.number, p.line_text(ln)) for ln in p.lines)) for p in issue.pages)
    # One PDF page is shown as an image under its line boxes; more pages are shown as text only.
    image, size = _pdf_preview(data) if kind == "pdf" and len(issue.pages) == 1 else (None, None)
    return {"name": name, "issue": d, "articles": articles, "sources": sources, "warnings": list(issue.warnings),
            "image": image, "size": size}


def _pdf_preview(data: bytes) -> tuple[str | None, tuple[float, float] | None]:
    """The first page of an uploaded PDF as a data: URI and its size in points (None when it will not render)."""
    try:
        png, w, h = render_pdf_page(data, 0, scale=1.0)
    except BanmianError:
        return None, None
    return png_data_uri(png), (w, h)
