"""The PDF reader's short cuts give exactly what the plain computation gives.

The worker rounds boxes and sizes in numpy columns, the line builder splits runs and
measures plain lines (one stretch of text, no blanks) in numpy: each is checked here
against the one-at-a-time version it replaced, on PDFs made with reportlab and on
random character layouts.
"""
from __future__ import annotations

import ctypes
import io
import math
from array import array
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from banmian.model import Line, make_line
from banmian.readers import pdf
from banmian.readers.pdfium_chars import RawPage

# --- the worker's records --------------------------------------------------------------------


def _plain_records(data: bytes) -> list[tuple]:
    """Text, boxes, sizes and unmapped count per page, one PDFium call per character and
    the arithmetic in Python floats, as the worker first did it (unrotated pages)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c
    doc = pdfium.PdfDocument(data)
    out = []
    for page in doc:
        bbox = c.FS_RECTF()
        c.FPDF_GetPageBoundingBox(page.raw, ctypes.byref(bbox))
        tp = page.get_textpage()
        n = c.FPDFText_CountChars(tp.raw)
        text, coords, sizes, unmapped = [], [], [], 0
        rect, matrix = c.FS_RECTF(), c.FS_MATRIX()
        for i in range(n):
            ch = chr(c.FPDFText_GetUnicode(tp.raw, i))
            if ch in "\x02\x00\ufffe\r\n" or (ch == " " and c.FPDFText_IsGenerated(tp.raw, i)):
                continue  # (a line break the page draws is a control character the reader drops too)
            text.append(ch)
            c.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(rect))
            coords += [math.floor((rect.left - bbox.left) * 100 + 0.5) / 100,
                       math.floor((bbox.top - rect.top) * 100 + 0.5) / 100,
                       math.floor((rect.right - bbox.left) * 100 + 0.5) / 100,
                       math.floor((bbox.top - rect.bottom) * 100 + 0.5) / 100]
            c.FPDFText_GetMatrix(tp.raw, i, ctypes.byref(matrix))
            scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
            sizes.append(math.floor(c.FPDFText_GetFontSize(tp.raw, i) * scale * 100 + 0.5) / 100)
            unmapped += c.FPDFText_HasUnicodeMapError(tp.raw, i) == 1
        tp.close()
        out.append(("".join(text), coords, sizes, unmapped))
    doc.close()
    return out


def _mixed_pdf() -> bytes:
    """Two pages: CJK and Latin text in several sizes, words drawn apart, a scaled matrix
    (``1 Tf`` scaled up), an off-page line, and a page without text."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="PDFs are built with reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    c.setFont("STSong-Light", 10.5)
    for k in range(12):
        c.drawString(40 + (k % 3) * 170, 780 - 16 * k, "本报讯（记者张清）近日，记者从市商务局了解到")
    c.setFont("Helvetica", 9.3)
    c.drawString(40, 560, "Words  drawn with spaces, and 12.5% numbers")
    c.setFont("STSong-Light", 28)
    c.drawString(60, 620, "稳就业惠民生")
    c.saveState()
    c.translate(300, 300)
    c.scale(11.7, 11.7)
    c.setFont("STSong-Light", 1)
    c.drawString(0, 0, "缩放的字")
    c.restoreState()
    c.setFont("Helvetica", 8)
    c.drawString(-30, 20, "off the page edge")
    c.showPage()
    c.showPage()  # no text
    c.save()
    return buf.getvalue()


def test_worker_records_match_per_character_calls():
    from banmian.readers import pdfium_chars
    data = _mixed_pdf()
    doc = pdfium_chars.open_document(data)
    try:
        got = [pdfium_chars.extract_page(doc, i) for i in range(len(doc))]
    finally:
        doc.close()
    for raw, (text, coords, sizes, unmapped) in zip(got, _plain_records(data), strict=True):
        assert raw.text == text
        assert array("d", raw.boxes).tolist() == coords
        assert array("d", raw.sizes).tolist() == sizes
        assert raw.unmapped == unmapped
    assert got[0].text and not got[1].text


# --- line building --------------------------------------------------------------------------


def _split_runs_loop(keep: list[int], raw: RawPage) -> list[list[int]]:
    """pdf._split_runs as first written: one character at a time."""
    boxes = [tuple(array("d", raw.boxes)[4 * i:4 * i + 4]) for i in range(len(raw.text))]
    sizes = array("d", raw.sizes)
    rules = [tuple(array("d", raw.rules)[k:k + 4]) for k in range(0, len(array("d", raw.rules)), 4)]
    runs: list[list[int]] = []
    run: list[int] = []
    pb, ps = (0.0, 0.0, 0.0, 0.0), 0.0
    for i in keep:
        b, size = boxes[i], sizes[i]
        if run:
            em, small = max(ps, size, 1.0), max(min(ps, size), 1.0)
            gap = b[0] - pb[2]
            mid = (b[1] + b[3]) / 2
            ruled = any(r[3] - r[1] > r[2] - r[0] and pb[2] - pdf.RULE_SLACK <= (r[0] + r[2]) / 2
                        <= b[0] + pdf.RULE_SLACK and r[1] <= mid <= r[3] for r in rules)
            if (abs(b[3] - pb[3]) >= pdf.BASELINE_EMS * small or gap <= -pdf.BACKTRACK_EMS * em
                    or gap >= pdf.JUMP_EMS * em or (gap >= small and em >= pdf.SIZE_STEP * small) or ruled):
                runs.append(run)
                run = []
        run.append(i)
        pb, ps = b, size
    if run:
        runs.append(run)
    return runs


CHARS = "本报讯记者张清，。AB1 　\t\x02"
SIZES = [0.0, 9.0, 10.5, 10.45, 28.0]


@st.composite
def layouts(draw) -> RawPage:
    """Lines of characters moving right on a baseline, gaps narrow and wide, sizes mixed,
    some lines stacked in a column; a character's box is its advance box."""
    text: list[str] = []
    boxes: list[float] = []
    sizes: list[float] = []
    for _ in range(draw(st.integers(0, 8))):
        x, y = draw(st.integers(0, 400)) * 1.25, draw(st.integers(0, 60)) * 12.5
        vertical = draw(st.integers(0, 5)) == 0
        for _ in range(draw(st.integers(1, 14))):
            size = draw(st.sampled_from(SIZES))
            w = max(size, 1.0)
            text.append(draw(st.sampled_from(CHARS)))
            boxes += (x, y, x + w, y + w)
            sizes.append(size)
            step = draw(st.sampled_from([0.0, 0.0, 0.0, 0.5, 1.5, 3.0, 40.0, -2.0]))
            if vertical:
                y += w + step / 4
            else:
                x += w + step
    rules: list[float] = []
    for _ in range(draw(st.integers(0, 3))):  # column rules (some through text), a horizontal one
        x, y = draw(st.integers(0, 400)) * 1.25, draw(st.integers(0, 60)) * 12.5
        long = draw(st.sampled_from([12.5, 100.0, 800.0]))
        rules += (x, y, x + 0.5, y + long) if draw(st.booleans()) else (x, y, x + long, y + 0.5)
    return RawPage(0, 600.0, 800.0, "".join(text), array("d", boxes).tobytes(), array("d", sizes).tobytes(), 0, 0,
                   array("d", rules).tobytes())


@given(layouts())
def test_split_runs_matches_character_loop(raw):
    keep = [i for i, ch in enumerate(raw.text) if ch not in pdf._DROP]
    assert pdf._split_runs(keep, raw) == _split_runs_loop(keep, raw)


@given(layouts())
def test_plain_lines_measured_in_numpy_match_general_way(raw):
    fast = pdf.build_page(raw, "prop.pdf")
    with mock.patch.object(pdf, "_plain_lines", lambda raw, lines, blank: [None] * len(lines)):
        slow = pdf.build_page(raw, "prop.pdf")
    assert fast == slow
    if fast is not None:
        assert [repr(b) for b in fast.char_boxes] == [repr(b) for b in slow.char_boxes]  # -0.0 too


@given(st.integers(0, 9), st.integers(1, 500), st.integers(0, 10_000), st.integers(0, 60),
       st.tuples(*[st.floats(-1e4, 1e4)] * 4), st.sampled_from([None, 10.5, 28.0]))
def test_make_line_with_box_and_size_matches_dataclass(page, number, start, length, box, size):
    line, plain = make_line(page, number, start, start + length, box, size), Line(page, number, start, start + length,
                                                                                 box, size)
    assert (line, hash(line), repr(line)) == (plain, hash(plain), repr(plain))



def test_worker_keeps_characters_at_non_finite_places_finite(monkeypatch):
    """A character PDFium puts at NaN or infinity (a damaged matrix) is kept, at a finite place:
    NaN would sort anywhere and is not valid JSON."""
    import numpy as np

    from banmian.readers import pdfium_chars
    values = pdfium_chars._Records.values

    def damaged(self, n):
        out = values(self, n)
        if n and out.shape[1] == 4:  # the boxes: the first character's turned to NaN / infinity
            out[0] = (np.nan, np.inf, -np.inf, np.nan)
        return out
    monkeypatch.setattr(pdfium_chars._Records, "values", damaged)
    doc = pdfium_chars.open_document(_mixed_pdf())
    try:
        raw = pdfium_chars.extract_page(doc, 0)
    finally:
        doc.close()
    boxes = array("d", raw.boxes).tolist()
    assert raw.text and all(math.isfinite(v) for v in boxes) and all(math.isfinite(v) for v in raw.sizes)
    assert boxes[:4] == [0.0, -pdfium_chars._FAR, -pdfium_chars._FAR, 0.0]  # (y runs down the page)
