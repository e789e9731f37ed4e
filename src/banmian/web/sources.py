"""A page's archived file -> its text lines (for the side-by-side view) or a PNG of its PDF page
or scan.

Paths come from the archive's ``pages.path`` column, never from a request:
a route names a page by (paper, date, seq) or row id, and the archive says
where its file was.  The file is read only when it is a regular file under the
size limit; its sha256 is compared with the archived one so the reader can say
when the text shown is not the text that was parsed.

PNGs of PDF pages are encoded here (zlib, RGB rows) so the image view needs pypdfium2 only; a
scan is shown with Pillow, which comes with the OCR extra that read it.

>>> src = load_source("/nonexistent/p1.txt", "", 1, 1_000_000)
>>> src.available, src.reason
(False, 'missing')
"""
from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BanmianError
from ..model import Page
from ..readers import file_kind, read_bytes
from ..readers.ocr import MAX_PIXELS as MAX_SCAN_PIXELS
from ..readers.ocr import scan_dpi
from ..settings import DEFAULT, Settings

MAX_RENDER_PIXELS = 4_000_000  # a page image larger than this is rendered at a smaller scale


@dataclass(frozen=True, slots=True)
class SourcePage:
    """One page of a source file: its printed number (as spans name it) and its numbered lines."""

    number: int | None
    lines: tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class SourceText:
    available: bool
    reason: str | None = None       # missing | too_large | unreadable | pdf (no text layer) | scan (an image: not OCRed again) | disabled
    changed: bool = False           # the file's bytes differ from what was archived
    pages: tuple[SourcePage, ...] = field(default=())
    pdf: str | None = None          # a PDF of this page (the file itself, or one beside a .txt)
    scan: str | None = None         # the scanned image this page was read from

    @property
    def image(self) -> str | None:
        """A file the page can be shown from as an image: its PDF or its scan."""
        return self.pdf or self.scan


def source_pages(pages: list[Page], first_number: int | None) -> tuple[SourcePage, ...]:
    """Decoded pages -> numbered lines; the pages of one dump carry consecutive printed numbers."""
    out = []
    for k, p in enumerate(pages):
        number = None if first_number is None else first_number + k
        out.append(SourcePage(number, tuple((ln.number, p.line_text(ln)) for ln in p.lines)))
    return tuple(out)


def _pdf_beside(path: Path) -> str | None:
    pdf = path.with_suffix(".pdf")
    return str(pdf) if pdf != path and pdf.is_file() else None


def load_source(path: str, sha256: str, first_number: int | None, max_bytes: int,
                settings: Settings = DEFAULT) -> SourceText:
    """The archived page file at ``path`` as text lines, or why it cannot be shown."""
    p = Path(path)
    try:
        if not p.is_file():
            return SourceText(False, "missing")
        if p.stat().st_size > max_bytes:
            return SourceText(False, "too_large", pdf=_pdf_beside(p))
        data = p.read_bytes()
    except OSError:
        return SourceText(False, "unreadable")
    changed = bool(sha256) and hashlib.sha256(data).hexdigest() != sha256
    kind = file_kind(data)
    if kind == "image":  # reading it again would mean OCR on every view (seconds a page)
        return SourceText(False, "scan", changed, scan=str(p))
    pdf = str(p) if kind == "pdf" else _pdf_beside(p)
    try:  # a PDF's text layer is read the way the parser read it, so line numbers match
        pages = read_bytes(data, str(p), settings=settings)
    except BanmianError:
        return SourceText(False, "pdf" if pdf == str(p) else "unreadable", changed, pdf=pdf)
    return SourceText(True, None, changed, source_pages(pages, first_number), pdf)


def png_bytes(width: int, height: int, rgb: bytes, stride: int) -> bytes:
    """Raw RGB rows -> a PNG file.

    >>> png_bytes(1, 1, b"\\xff\\x00\\x00", 3)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    raw = b"".join(b"\x00" + rgb[y * stride:y * stride + width * 3] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def render_pdf_page(pdf: str | bytes, index: int = 0, scale: float = 1.5) -> tuple[bytes, float, float]:
    """Page ``index`` of a PDF (a path or its bytes) -> (PNG bytes, width pt, height pt).

    Raises :class:`BanmianError` when pypdfium2 is missing or the PDF cannot be rendered.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a declared dependency
        raise BanmianError("rendering PDF pages needs pypdfium2", fix="pip install pypdfium2") from None
    try:
        doc = pdfium.PdfDocument(pdf)
        try:
            if not 0 <= index < len(doc):
                raise BanmianError(f"the PDF has no page {index + 1}", fix="pick a page it has")
            page = doc[index]
            w, h = page.get_size()
            if w * h * scale * scale > MAX_RENDER_PIXELS:
                scale = (MAX_RENDER_PIXELS / max(1.0, w * h)) ** 0.5
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=False)
            png = png_bytes(bitmap.width, bitmap.height, bytes(bitmap.buffer), bitmap.stride)
            return png, float(w), float(h)
        finally:
            doc.close()
    except pdfium.PdfiumError as exc:
        raise BanmianError(f"cannot render the PDF ({exc})", fix="check that it is a PDF") from None


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _open_scan(path: str):  # -> PIL.Image.Image, opened lazily (pixels not decoded yet)
    try:
        from PIL import Image
    except ImportError:
        raise BanmianError("showing scans needs Pillow", fix="pip install 'banmian[ocr]'") from None
    try:
        return Image.open(path)
    except (OSError, ValueError, SyntaxError) as exc:
        raise BanmianError(f"cannot show the scan ({exc})", fix="check that the file is an image") from None


def _points(im) -> tuple[float, float]:
    """A scan's size in the points its OCR line boxes are given in (pixels x 72 / its dpi)."""
    dpi = scan_dpi(im.info.get("dpi"))
    return im.size[0] * 72.0 / dpi, im.size[1] * 72.0 / dpi


def render_scan(path: str) -> tuple[bytes, float, float]:
    """A scanned page (its first frame) -> (PNG bytes, width pt, height pt).

    Raises :class:`BanmianError` when Pillow is missing or the image cannot be decoded.
    """
    import io
    with _open_scan(path) as im:
        w, h = im.size
        size = _points(im)  # (before a draft shrinks the image)
        # Any scan the OCR reader accepted can be shown; bigger is a decompression bomb
        if w * h > MAX_SCAN_PIXELS:
            raise BanmianError(f"the scan is {w} x {h} pixels, too large to show", fix="view the file itself")
        try:
            if w * h > MAX_RENDER_PIXELS:  # a JPEG is decoded at a fraction of its size: cheaper
                k = (MAX_RENDER_PIXELS / (w * h)) ** 0.5
                im.draft("L", (max(1, int(w * k)), max(1, int(h * k))))
                w, h = im.size
            page = im.convert("L")
            if w * h > MAX_RENDER_PIXELS:
                k = (MAX_RENDER_PIXELS / (w * h)) ** 0.5
                page = page.resize((max(1, int(w * k)), max(1, int(h * k))))
            out = io.BytesIO()
            page.save(out, format="PNG")
        except (OSError, ValueError, SyntaxError) as exc:
            raise BanmianError(f"cannot show the scan ({exc})", fix="check that the file is an image") from None
        return (out.getvalue(), *size)


def image_size(src: SourceText) -> tuple[float, float] | None:
    """Width and height in points of the page image ``src`` shows (its PDF page or scan), or None."""
    if src.pdf:
        return pdf_page_size(src.pdf)
    if src.scan:
        try:
            with _open_scan(src.scan) as im:
                return _points(im)
        except BanmianError:
            return None
    return None


def pdf_page_size(pdf: str, index: int = 0) -> tuple[float, float] | None:
    """Width and height in points of a PDF's page, or None when it cannot be opened."""
    try:
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(pdf)
        try:
            w, h = doc[index].get_size()
            return float(w), float(h)
        finally:
            doc.close()
    except Exception:  # noqa: BLE001 - no size, no box overlay; the text view still works
        return None
