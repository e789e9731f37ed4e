"""The PDF reader (banmian.readers.pdf): text, lines, boxes and sizes of PDFs built here with
reportlab (an embedded TrueType CJK font and the non-embedded CID font STSong-Light), the
articles the one pipeline makes of them, generated pages against their golds and against the
``pdftotext -raw`` text route, and bad PDFs: each a one-line ReadError, none hanging.

Skipped without reportlab (pip install -e '.[dev]'); the WQY tests without fonts-wqy-zenhei;
the generated-page tests without the corpus, pdftotext or the scorer (../shared).
"""
from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time
from array import array
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("reportlab", reason="PDFs are built with reportlab (pip install -e '.[dev]')")
from invariants import nonspace, output_chars, spans_consistent
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import banmian
from banmian.errors import LimitError, ReadError
from banmian.readers import pdf_worker, read_bytes, read_pdf
from banmian.readers.pdf import build_page
from banmian.readers.pdfium_chars import RawPage
from banmian.settings import Settings
from banmian.stages.geometry import body_size, headline_roles_by_size, size_hints

REPO = Path(__file__).resolve().parents[1]
WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
W, H = 595.0, 842.0  # A4, points
BODY = 10.5  # 五号
COLUMN = 12  # characters per column line
LEADING = 15.75
COLUMNS_X = (40.0, 40.0 + COLUMN * BODY + 18.0)
BODY_TOP = 150.0  # baseline of the first body line, from the top

PARAS = [("本报讯（记者张清）近日，记者从市商务局了解到，今年一至五月，我市网络零售额实现较快增长，"
          "农村电商发展势头良好。"),
         "市商务局负责人介绍，下一步将继续完善物流配送体系，推动更多特色农产品走出大山、走向全国。",
         "据悉，全市已建成县级电商服务中心五个、村级服务站点三百余个。"]

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
HAVE_WQY = WQY_PATH.exists()
if HAVE_WQY:
    pdfmetrics.registerFont(TTFont("WQY", str(WQY_PATH), subfontIndex=0))
needs_wqy = pytest.mark.skipif(not HAVE_WQY, reason="fonts-wqy-zenhei not installed")

Draw = Callable[[canvas.Canvas], None]


# --- building PDFs ------------------------------------------------------------------------

def make_pdf(*pages: Draw, **canvas_args) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1, **canvas_args)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def column_lines(paras: list[str] = PARAS) -> list[tuple[str, bool]]:
    """Paragraphs set in COLUMN-character lines, first lines indented two characters."""
    out = []
    for p in paras:
        first = True
        while p:
            k = COLUMN - 2 if first else COLUMN
            out.append((p[:k], first))
            p, first = p[k:], False
    return out


def draw_body(c: canvas.Canvas, font: str) -> None:
    """Two columns, column by column, as layout programs draw them."""
    lines = column_lines()
    per_column = (len(lines) + 1) // 2
    c.setFont(font, BODY)
    for k, (text, first) in enumerate(lines):
        col, row = divmod(k, per_column)
        c.drawString(COLUMNS_X[col] + (2 * BODY if first else 0), H - BODY_TOP - row * LEADING, text)


def draw_headline(c: canvas.Canvas, font: str, kicker: str | None, title: str, subtitle: str | None) -> None:
    y = 60.0
    if kicker:
        c.setFont(font, 14)
        c.drawString(40, H - y, kicker)
        y += 34
    c.setFont(font, 28)
    c.drawString(40, H - y, title)
    y += 26
    if subtitle:
        c.setFont(font, 12)
        c.drawString(40, H - y, subtitle)


def headline_page(font: str, title: str, *, after: bool = False, kicker: str | None = None,
                  subtitle: str | None = None) -> Draw:
    def draw(c: canvas.Canvas) -> None:
        if not after:
            draw_headline(c, font, kicker, title, subtitle)
        draw_body(c, font)
        if after:  # drawn after its body, as many producers do
            draw_headline(c, font, kicker, title, subtitle)
    return draw


def vertical_page(font: str, title: str) -> Draw:
    def draw(c: canvas.Canvas) -> None:
        c.setFont(font, 20)
        for k, ch in enumerate(title):  # 竖排: one character under the other
            c.drawString(330, H - BODY_TOP - k * 22, ch)
        draw_body(c, font)
    return draw


def texts(page: banmian.Page) -> list[str]:
    return [page.line_text(ln) for ln in page.lines]


def expected_body_lines() -> list[str]:
    return [t for t, _ in column_lines()]


# --- text, lines, boxes, sizes ------------------------------------------------------------

@needs_wqy
def test_pdf_reader_two_column_page_text_lines_boxes_sizes():
    data = make_pdf(headline_page("WQY", "稳就业惠民生"))
    [page] = read_pdf(data, "p1.pdf")
    assert page.reader == "pdf" and page.source == "p1.pdf" and page.index == 0
    assert texts(page) == ["稳就业惠民生", *expected_body_lines()]
    assert page.text == "".join(t + "\n" for t in texts(page))  # like a text dump
    title, *body = page.lines
    assert title.size == 28.0 and {ln.size for ln in body} == {BODY}
    # boxes: top-left origin; x where drawn; the baseline inside the box; one em high
    assert title.box[0] == 40.0 and title.box[2] == pytest.approx(40 + 6 * 28, abs=0.5)
    assert title.box[1] < 60.0 < title.box[3] and title.box[3] - title.box[1] == pytest.approx(28, rel=0.15)
    per_column = (len(body) + 1) // 2
    for k, ln in enumerate(body):
        col, row = divmod(k, per_column)
        baseline = BODY_TOP + row * LEADING
        assert ln.box[1] < baseline < ln.box[3], (k, ln.box)
        assert COLUMNS_X[col] <= ln.box[0] <= COLUMNS_X[col] + 2 * BODY + 0.01
        assert ln.box[2] <= COLUMNS_X[col] + COLUMN * BODY + 0.01


@needs_wqy
def test_pdf_reader_char_boxes_one_per_character():
    [page] = read_pdf(make_pdf(headline_page("WQY", "稳就业惠民生")), "p1.pdf")
    assert page.char_boxes is not None and len(page.char_boxes) == len(page.text)
    for ch, box in zip(page.text, page.char_boxes):
        assert (box is None) == (ch == "\n")
    for ln in page.lines:  # a line's box is the union of its characters' boxes
        boxes = [b for b in page.char_boxes[ln.start:ln.end] if b]
        assert ln.box == (min(b[0] for b in boxes), min(b[1] for b in boxes),
                          max(b[2] for b in boxes), max(b[3] for b in boxes))
    first = page.lines[1]  # "本报讯…": CJK advance boxes sit side by side, one em wide
    xs = [b[0] for b in page.char_boxes[first.start:first.end]]
    assert xs == pytest.approx([COLUMNS_X[0] + 2 * BODY + k * BODY for k in range(len(xs))], abs=0.05)
    # kept packed (PackedBoxes), they read, compare, hash and pickle as the tuple of boxes
    import pickle
    boxes = tuple(page.char_boxes)
    assert page.char_boxes == boxes and hash(page.char_boxes) == hash(boxes)
    assert pickle.loads(pickle.dumps(page)) == page and page.char_boxes[-1] is None


@needs_wqy
def test_pdf_reader_parse_page_two_columns():
    issue = banmian.parse_page(make_pdf(headline_page("WQY", "稳就业惠民生")))
    [art] = issue.articles
    assert art.headline.title.value == "稳就业惠民生"
    assert [p.text.value for p in art.paragraphs] == PARAS
    assert art.byline is not None and art.byline.reporters == ("张清",)
    assert issue.pages[0].reader == "pdf"


def test_pdf_reader_cid_font_headline_drawn_after_body():
    """STSong-Light is not embedded: PDFium substitutes a font and still reads the text."""
    page_draw = headline_page("STSong-Light", "电商助农见实效", after=True, kicker="坚持以人民为中心",
                              subtitle="全市农村电商交易额增长三成")
    [page] = read_pdf(make_pdf(page_draw), "p2.pdf")
    assert texts(page) == [*expected_body_lines(), "坚持以人民为中心", "电商助农见实效", "全市农村电商交易额增长三成"]
    assert [ln.size for ln in page.lines[-3:]] == [14.0, 28.0, 12.0]
    [art] = banmian.parse_page(make_pdf(page_draw)).articles
    assert [p.text.value for p in art.paragraphs] == PARAS
    shown = "".join(v.value for _, v in art.headline.fields())
    assert shown == "坚持以人民为中心电商助农见实效全市农村电商交易额增长三成"


def test_pdf_reader_size_hints_and_roles():
    page_draw = headline_page("STSong-Light", "电商助农见实效", after=True, kicker="坚持以人民为中心",
                              subtitle="全市农村电商交易额增长三成")
    [page] = read_pdf(make_pdf(page_draw), "p2.pdf")
    assert body_size(page) == BODY
    hints = size_hints(page.lines, body_size(page))
    assert hints == ["body"] * (len(page.lines) - 3) + ["head"] * 3
    assert headline_roles_by_size([ln.size for ln in page.lines[-3:]]) == ["kicker", "title", "subtitle"]
    dump = banmian.parse_text(page.text).pages[0]  # the same text without geometry
    assert size_hints(dump.lines, body_size(dump)) == [None] * len(dump.lines)


def test_pdf_reader_roles_from_sizes_in_parse():
    page_draw = headline_page("STSong-Light", "电商助农见实效", after=True, kicker="坚持以人民为中心",
                              subtitle="全市农村电商交易额增长三成")
    [art] = banmian.parse_page(make_pdf(page_draw)).articles
    h = art.headline
    assert (h.kicker.value, h.title.value, h.subtitle.value) == (
        "坚持以人民为中心", "电商助农见实效", "全市农村电商交易额增长三成")


@needs_wqy
def test_pdf_reader_vertical_headline_is_one_line():
    [page] = read_pdf(make_pdf(vertical_page("WQY", "竖排标题示例")), "p3.pdf")
    assert texts(page) == ["竖排标题示例", *expected_body_lines()]
    v = page.lines[0]
    assert v.size == 20.0 and v.box[0] == pytest.approx(330.0, abs=0.5) and v.box[2] == pytest.approx(350.0, abs=0.5)
    assert v.box[3] - v.box[1] == pytest.approx(5 * 22 + 20, abs=4)  # tall and narrow
    [art] = banmian.parse_page(make_pdf(vertical_page("WQY", "竖排标题示例"))).articles
    assert art.headline.title.value == "竖排标题示例"
    assert [p.text.value for p in art.paragraphs] == PARAS


@needs_wqy
def test_pdf_reader_multipage_issue_one_pipeline():
    data = make_pdf(headline_page("WQY", "稳就业惠民生"),
                    headline_page("STSong-Light", "电商助农见实效", after=True),
                    vertical_page("WQY", "竖排标题示例"))
    pages = read_bytes(data, "issue.pdf", first_index=4)
    assert [p.index for p in pages] == [4, 5, 6] and {p.reader for p in pages} == {"pdf"}
    assert all(ln.page == p.index for p in pages for ln in p.lines)
    issue = banmian.parse_page(data)
    assert [a.headline.title.value for a in issue.articles] == ["稳就业惠民生", "电商助农见实效", "竖排标题示例"]
    assert [a.pages for a in issue.articles] == [(1,), (2,), (3,)]
    both = banmian.parse_issue([data, make_pdf(vertical_page("WQY", "第二份"))])  # PDFs of one issue
    assert len(both.pages) == 4 and both.articles[-1].headline.title.value == "第二份"


def test_pdf_reader_effective_size_under_scaling():
    """Producers often set 1 Tf and scale with the matrix: the size is the printed size."""
    def draw(c: canvas.Canvas) -> None:
        c.saveState()
        c.translate(40, H - 100)
        c.scale(3, 3)
        c.setFont("STSong-Light", 8)
        c.drawString(0, 0, "放大三倍")
        c.restoreState()
        c.setFont("STSong-Light", 10)
        c.drawString(40, H - 150, "正文十磅字")
    [page] = read_pdf(make_pdf(draw), "scaled.pdf")
    assert texts(page) == ["放大三倍", "正文十磅字"]
    assert [ln.size for ln in page.lines] == [24.0, 10.0]
    assert page.lines[0].box[2] == pytest.approx(40 + 4 * 24, abs=0.5)


def test_pdf_reader_rotated_page_boxes_as_displayed():
    def draw(c: canvas.Canvas) -> None:
        c.setPageRotation(90)
        c.setFont("STSong-Light", 10)
        c.drawString(100, 700, "旋转页面")
    [page] = read_pdf(make_pdf(draw), "rotated.pdf")
    assert texts(page) == ["旋转页面"]
    x0, y0, x1, y1 = page.lines[0].box
    # displayed page is H wide and W high; (100, 700) from the bottom-left turns to x = H - 700 - …
    assert 0 <= x0 < x1 <= H and 0 <= y0 < y1 <= W
    assert y0 == pytest.approx(100.0, abs=0.5) and y1 == pytest.approx(140.0, abs=0.5)  # runs downwards


def test_pdf_reader_spaces_at_word_gaps_only():
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(40, 700, "New")  # two words placed apart, no space character
        c.drawString(63, 700, "York")
        t = c.beginText()
        t.setFont("STSong-Light", 10)
        t.setTextOrigin(40, 680)
        t.setCharSpace(3)  # a justified line: even extra spacing is not a word gap
        t.textOut("两端对齐的一行")
        c.drawText(t)
        c.setFont("STSong-Light", 10)
        c.drawString(40, 660, "记者")
        c.drawString(70, 660, "张清")  # a wider gap inside a CJK line
    [page] = read_pdf(make_pdf(draw), "spaces.pdf")
    assert texts(page) == ["New York", "两端对齐的一行", "记者 张清"]
    assert [page.char_boxes[page.lines[0].start + k] is None for k in range(8)] == [False] * 3 + [True] + [False] * 4


def test_pdf_reader_columns_on_one_baseline_split_at_gutter():
    def draw(c: canvas.Canvas) -> None:
        c.setFont("STSong-Light", 10)
        c.drawString(40, 700, "左栏文字")
        c.drawString(200, 700, "右栏文字")  # same baseline, 12 em further right
    [page] = read_pdf(make_pdf(draw), "gutter.pdf")
    assert texts(page) == ["左栏文字", "右栏文字"]


@pytest.mark.parametrize("ruled", [True, False])
def test_pdf_reader_titles_on_one_baseline_split_at_a_rule_between(ruled):
    """Two articles' titles side by side on one baseline, closer than a gutter: a rule drawn
    between them parts them; without it they read as one line, with a space."""
    def draw(c: canvas.Canvas) -> None:
        c.setFont("STSong-Light", 28)
        c.drawString(40, 700, "能源供给迈向")
        c.drawString(40 + 6 * 28 + 20, 700, "推动媒体融合")  # 20 pt apart: under an em
        if ruled:
            c.setLineWidth(0.6)
            c.line(40 + 6 * 28 + 10, 740, 40 + 6 * 28 + 10, 500)
    [page] = read_pdf(make_pdf(draw), "ruled.pdf")
    assert texts(page) == (["能源供给迈向", "推动媒体融合"] if ruled else ["能源供给迈向 推动媒体融合"])


def test_pdf_reader_isolated_and_in_process_agree():
    data = make_pdf(headline_page("STSong-Light", "电商助农见实效", after=True))
    got = {}
    for isolate in (True, False):
        raws: list = []
        pdf_worker.extract_pages(data, lambda n: None, raws.append, lambda i, why: None,
                                 max_pages=10, timeout_s=30, isolate=isolate)
        got[isolate] = raws
    assert got[True] == got[False] and len(got[True]) == 1


_FONTS_SCRIPT = """
import io, pickle, struct, sys
from banmian.readers import pdfium_chars as pc
fonts = pc.FaceAsFont()
fonts.install()
raws = []
for data in pickle.load(sys.stdin.buffer):
    out = io.BytesIO()
    pc.handle_request(data, 10, out, fonts)
    out.seek(0)
    while head := out.read(4):
        msg = pickle.loads(out.read(struct.unpack(">I", head)[0]))
        if msg[0] == "page":
            raws.append(msg[1])
faces = [lay for lay in fonts.layouts.values() if lay is not None]
for lay in faces:  # an sfnt: table records in tag order, tables 4-aligned one after the other
    tags = [t for t, _, _ in lay.tables]
    assert tags == sorted(tags) and struct.unpack_from(">H", lay.head, 4)[0] == len(tags)
    at = 12 + 16 * len(tags)
    for _, offset, length in lay.tables:
        assert offset == at and offset % 4 == 0
        at += length + (-length % 4)
    assert at == lay.size
pickle.dump((fonts.reads, len(faces), raws), sys.stdout.buffer)
"""


def test_worker_font_lookup_loads_a_substituted_font_once_and_reads_alike():
    """A font the PDF does not embed (STSong-Light) is drawn in a system substitute, for CJK
    mostly a font collection: the worker's lookup hands PDFium that face as a font of its own
    and keeps a document that loaded it, so that the next documents find it loaded.  The
    characters, boxes and sizes are those PDFium's plain lookup gives (this process's)."""
    import pickle
    docs = [make_pdf(headline_page("STSong-Light", "电商助农见实效", after=True)),
            make_pdf(headline_page("STSong-Light", "县域经济提速", kicker="坚持以人民为中心")),
            make_pdf(headline_page("STSong-Light", "电商助农见实效", after=True))]
    run = subprocess.run([sys.executable, "-c", _FONTS_SCRIPT], input=pickle.dumps(docs),
                         capture_output=True, check=True, timeout=120)
    reads, faces, raws = pickle.loads(run.stdout)
    plain = []
    for data in docs:
        pdf_worker.extract_pages(data, lambda n: None, plain.append, lambda i, why: None,
                                 max_pages=10, timeout_s=30, isolate=False)
    assert [RawPage(*r) for r in raws] == plain and len(plain) == 3
    assert reads <= 1  # three documents, one font: loaded once at most (none: no system font)
    if faces:  # a collection's face was served: it was the font PDFium loaded
        assert reads == 1


@given(st.lists(st.tuples(st.sampled_from("本报讯记者张清，。 　AB1\x02\n"), st.integers(0, 60), st.integers(0, 40),
                          st.sampled_from([0.0, 9.0, 10.5, 28.0])), max_size=80))
def test_pdf_reader_build_page_keeps_every_character(chars):
    """Whatever the geometry: every drawn non-space character once, a box per character,
    lines in bounds, each line's box around its characters."""
    raw = RawPage(0, 600.0, 800.0, "".join(c for c, *_ in chars),
                  array("d", [v for _, x, y, _ in chars for v in (x * 10.0, y * 10.0, x * 10.0 + 10, y * 10.0 + 10)]).tobytes(),
                  array("d", [size for *_, size in chars]).tobytes(), 0, 0)
    page = build_page(raw, "prop.pdf")
    drawn = Counter(c for c, *_ in chars if not c.isspace() and c != "\x02")
    if page is None:
        assert not drawn
        return
    assert nonspace(page.text) == drawn
    assert len(page.char_boxes) == len(page.text)
    assert [ln.number for ln in page.lines] == list(range(1, len(page.lines) + 1))
    for ln in page.lines:
        assert 0 <= ln.start < ln.end <= len(page.text) and page.text[ln.end] == "\n"
        assert "\n" not in page.line_text(ln)
        for b in page.char_boxes[ln.start:ln.end]:
            if b is not None:
                assert ln.box[0] <= b[0] <= b[2] <= ln.box[2] and ln.box[1] <= b[1] <= b[3] <= ln.box[3]


# --- limits, scans, damaged, encrypted, hostile --------------------------------------------

def _zero_pages() -> bytes:
    body = (b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n")
    return b"%PDF-1.4\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _form_bomb(depth: int) -> bytes:
    """Form XObjects that each draw the next one twice: 2**depth draws for PDFium to walk."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}

    def stream(head: bytes, data: bytes) -> bytes:
        return b"<< " + head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources "
    objs[10 + depth] = stream(form + b"<< /Font << /F1 4 0 R >> >>", b"BT /F1 12 Tf 100 700 Td (Hi) Tj ET")
    for d in range(depth - 1, -1, -1):
        objs[10 + d] = stream(form + b"<< /XObject << /X %d 0 R >> >>" % (11 + d), b"/X Do /X Do")
    objs[5] = stream(b"", b"/X Do")
    objs[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R "
               b"/Resources << /XObject << /X 10 0 R >> >> >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for k in range(1, size):
        out += b"%010d 00000 n \n" % offsets[k] if k in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _encrypted(user_password: str) -> bytes:
    enc = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret")
    return make_pdf(lambda c: (c.setFont("STSong-Light", 12), c.drawString(60, 700, "加密的页面")), encrypt=enc)


def _scan(*texts_: str | None) -> bytes:
    """Pages that are only a picture (a filled rectangle), or carry a line of text too."""
    def page(t: str | None) -> Draw:
        def draw(c: canvas.Canvas) -> None:
            c.rect(50, 50, 400, 600, fill=1)
            if t:
                c.setFont("STSong-Light", 12)
                c.drawString(60, 700, t)
        return draw
    return make_pdf(*(page(t) for t in texts_))


def _good() -> bytes:
    return make_pdf(headline_page("STSong-Light", "电商助农见实效"))


BAD: dict[str, tuple[Callable[[], bytes], str]] = {
    "truncated.pdf": (lambda: _good()[: len(_good()) // 2], "is not a readable PDF"),
    "header-only.pdf": (lambda: b"%PDF-1.7\n", "is not a readable PDF"),
    "random.pdf": (lambda: b"%PDF-1.4\n" + random.Random(3).randbytes(20000), "is not a readable PDF"),
    "zero-pages.pdf": (_zero_pages, "no pages"),
    "encrypted.pdf": (lambda: _encrypted("user-secret"), "encrypted and cannot be read without its password"),
    "scan.pdf": (lambda: _scan(None), "no text layer"),
    "scans.pdf": (lambda: _scan(None, None), "none of its 2 pages has a text layer"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_pdf_reader_bad_pdfs_one_line_errors(name, monkeypatch):
    make, words = BAD[name]
    monkeypatch.setattr("banmian.readers.pdf.ocr_available", lambda: False)  # the install hint
    with pytest.raises(ReadError) as exc:
        read_bytes(make(), name)
    msg = str(exc.value)
    assert msg.startswith(f"{name}: ") and words in msg and "\n" not in msg and "Traceback" not in msg
    if name.startswith("scan"):
        assert "pip install 'banmian[ocr]'" in msg


def test_pdf_reader_bad_pdfs_never_hang_in_the_cli(tmp_path):
    """Each bad file through `banmian parse` in a fresh process with a hard time limit:
    exit code 2, one line on stderr naming the file."""
    files = []
    for name, (make, _) in sorted(BAD.items()):
        (tmp_path / name).write_bytes(make())
        files.append(name)
    (tmp_path / "bomb.pdf").write_bytes(_form_bomb(26))
    (tmp_path / "banmian.toml").write_text("page_timeout_s = 1.0\n", encoding="utf-8")
    code = "import sys; from banmian.cli import main; sys.exit(main(sys.argv[1:]))"
    for name in [*files, "bomb.pdf"]:
        started = time.monotonic()
        r = subprocess.run([sys.executable, "-c", code, "--config", str(tmp_path / "banmian.toml"), "parse",
                            str(tmp_path / name)], capture_output=True, text=True, timeout=60, check=False)
        assert r.returncode == 2, (name, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and "Traceback" not in r.stderr, (name, r.stderr)
        assert time.monotonic() - started < 30, name


def test_pdf_reader_page_time_limit_kills_pdfium_and_recovers():
    started = time.monotonic()
    with pytest.raises(ReadError, match=r"page 1 took PDFium longer than 0.5 s") as exc:
        read_pdf(_form_bomb(30), "bomb.pdf", settings=Settings(page_timeout_s=0.5))
    assert time.monotonic() - started < 10 and "\n" not in str(exc.value)
    [page] = read_pdf(_good(), "after.pdf")  # a fresh worker reads the next file
    assert texts(page)[0] == "电商助农见实效"


def test_pdf_reader_owner_only_encryption_opens():
    """An empty user password (print/copy restrictions only) opens without asking."""
    [page] = read_pdf(_encrypted(""), "restricted.pdf")
    assert texts(page) == ["加密的页面"]


def test_pdf_reader_textless_page_skipped_with_warning_or_raised_when_strict(monkeypatch):
    monkeypatch.setattr("banmian.readers.pdf.ocr_available", lambda: False)
    data = _scan("本报讯第一页。", None, "第三页的文字。")
    pages = read_pdf(data, "mixed.pdf")
    assert [texts(p) for p in pages] == [["本报讯第一页。"], ["第三页的文字。"]]
    assert [p.index for p in pages] == [0, 1]
    assert any("page 2 has no text layer" in w and "banmian[ocr]" in w for w in pages[0].warnings)
    with pytest.raises(ReadError, match="page 2 has no text layer"):
        read_pdf(data, "mixed.pdf", settings=Settings(strict=True))


def test_pdf_reader_limits():
    data = _scan("一", "二", "三")
    with pytest.raises(LimitError, match="3 pages, over the limit of 2"):
        read_pdf(data, "long.pdf", settings=Settings(max_pages=2))
    with pytest.raises(LimitError, match="over the limit"):
        read_pdf(data, "big.pdf", settings=Settings(max_bytes=100))


# --- generated pages: characters against the golds, scores against the text route -----------

@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    if str(REPO) not in sys.path:  # benchmarks/ is a plain folder of the repository
        sys.path.insert(0, str(REPO))
    from benchmarks.pagegen import fonts
    from benchmarks.pagegen import generate as pagegen
    from benchmarks.pagegen.corpus import corpus_path
    from benchmarks.pagegen.extract import pdftotext_available
    corpus = corpus_path()
    if not corpus.exists():
        pytest.skip(f"corpus not found: {corpus}")
    if not pdftotext_available() or not fonts.fonts_available():
        pytest.skip("pdftotext (poppler-utils) or the CJK fonts are not installed")
    out = tmp_path_factory.mktemp("pdfpages")
    # = python -m benchmarks.pagegen --n 20 --seed 3 --out DIR --routes raw --keep-pdf
    pagegen.generate(20, 3, out, ("raw",), keep_pdf=True, corpus=corpus, workers=2)
    return out


def test_pdf_reader_generated_pages_keep_every_character(generated):
    pdfs = sorted(generated.glob("*.pdf"))
    assert len(pdfs) >= 20
    for pdf in pdfs:
        gold = json.loads((generated / f"{pdf.stem}.gold.json").read_text(encoding="utf-8"))
        want = list(gold["page_furniture"])
        for a in gold["articles"]:
            want += [a["kicker"], a["title"], a["subtitle"], *a["paragraphs"]]
            if a["byline"] and a["byline"]["source"] is None:  # stand-alone byline line
                want.append(a["byline"]["raw"])
        [page] = read_pdf(pdf.read_bytes(), pdf.name)
        assert nonspace(page.text) == Counter(c for t in want if t for c in t if not c.isspace()), pdf.name
        issue = banmian.parse_page(pdf.read_bytes())  # the pipeline loses none of them either
        assert output_chars(issue) == nonspace(page.text) and spans_consistent(issue), pdf.name


def test_pdf_reader_generated_pages_score_like_the_text_route(generated, score_script, tmp_path):
    from benchmarks.bench_pdf import page_sets, parse_all
    sets = page_sets(generated)
    summary = {}
    for route in ("pdf", "txt"):
        parse_all(sets, tmp_path / route, route)
        rows = []
        for name, _, _ in sets:
            gold = json.loads((generated / f"{name}.gold.json").read_text(encoding="utf-8"))
            r = score_script.score_one(gold, score_script.load_pred(str(tmp_path / route / f"{name}.json")))
            r["kind"] = gold.get("kind", "page")
            rows.append(r)
        summary[route] = score_script.aggregate(rows)
    pdf, txt = summary["pdf"], summary["txt"]
    print(f"\nPDF route: {score_script.summary_line(pdf, 'pdf')}\ntext route: {score_script.summary_line(txt, 'txt')}")
    assert pdf["seg_F1"] >= txt["seg_F1"] - 0.02 and pdf["seg_F1"] >= 0.8
    assert pdf["exact"] >= txt["exact"] - 0.05
    assert pdf["spaces_per_10k"] <= txt["spaces_per_10k"] + 1.0


def test_pdf_reader_reads_in_process_when_no_worker_starts(tmp_path, monkeypatch):
    broken = tmp_path / "worker.py"
    broken.write_text("raise SystemExit(3)\n", encoding="utf-8")  # dies before saying "ready"
    pdf_worker.shutdown()
    monkeypatch.setattr(pdf_worker, "_CHILD", broken)
    [page] = read_pdf(_good(), "fallback.pdf")
    assert texts(page)[0] == "电商助农见实效"
    monkeypatch.undo()
    pdf_worker.shutdown()
