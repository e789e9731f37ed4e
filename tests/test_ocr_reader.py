"""The OCR reader on a small rendered scan: text, reading order, geometry, errors.

A two-column page with a headline across both columns is typeset with reportlab and an
embedded WQY Zen Hei font, rendered at 200 dpi with pypdfium2 and saved as a PNG (and
wrapped in an image-only PDF).  OCR tests are skipped without the ``[ocr]`` extra
(``pip install -e '.[dev]'`` installs it) or the font; the missing-extra test always runs.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.errors import ReadError
from banmian.readers import read_bytes
from banmian.readers.ocr import ocr_available

WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
needs_ocr = pytest.mark.skipif(not ocr_available(), reason="OCR extra not installed (pip install 'banmian[ocr]')")
needs_page = pytest.mark.skipif(not WQY_PATH.exists(), reason="fonts-wqy-zenhei not installed")

W, H = 330.0, 230.0  # points
TITLE = "乡村振兴见实效"
LEFT = ["本报讯近日，记者从市商务", "局了解到，今年一至五月，", "我市网络零售额实现较快增", "长，农村电商发展良好。"]
RIGHT = ["市商务局负责人介绍，下一", "步将继续完善物流配送体系", "，推动更多特色农产品走出", "大山、走向全国。"]


def _scan_pdf() -> bytes:
    """The page as a PDF with a text layer (the source of the scan)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("WQY", str(WQY_PATH), subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont("WQY", 22)
    c.drawString(80, H - 50, TITLE)
    c.setFont("WQY", 10.5)
    for x, lines in ((20, LEFT), (175, RIGHT)):
        for k, text in enumerate(lines):
            c.drawString(x, H - 90 - 16 * k, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _png(dpi: int = 200) -> bytes:
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(_scan_pdf())
    im = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    out = io.BytesIO()
    im.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@pytest.fixture(scope="module")
def png() -> bytes:
    if not (ocr_available() and WQY_PATH.exists()):
        pytest.skip("needs the OCR extra and fonts-wqy-zenhei")
    pytest.importorskip("reportlab", reason="the page is built with reportlab (pip install -e '.[dev]')")
    return _png()


@pytest.fixture(scope="module")
def page(png):
    [page] = read_bytes(png, "scan.png")
    return page


@needs_ocr
@needs_page
def test_ocr_reader_reads_columns_in_order(page):
    lines = [page.line_text(ln) for ln in page.lines]
    expected = [TITLE, *LEFT, *RIGHT]
    assert len(lines) == len(expected)
    # reading order: headline, the left column top to bottom, then the right one
    for got, want in zip(lines, expected):
        assert _levenshtein(got, want) <= 1, (got, want)
    gold = "".join(expected)
    assert _levenshtein("".join(lines), gold) / len(gold) <= 0.02


@needs_ocr
@needs_page
def test_ocr_reader_geometry_in_points(page):
    title, first = page.lines[0], page.lines[1]
    assert page.reader == "ocr" and page.source == "scan.png"
    # boxes in points, where the PDF put the text; sizes from the box heights
    assert title.box[0] == pytest.approx(80, abs=4) and first.box[0] == pytest.approx(20, abs=4)
    assert first.box[3] == pytest.approx(90, abs=5)  # the baseline, from the top of the page
    assert title.size == pytest.approx(22, rel=0.15) and first.size == pytest.approx(10.5, rel=0.15)
    assert len({ln.size for ln in page.lines[1:]}) == 1  # one body size, not per-line jitter
    assert len(page.char_boxes) == len(page.text)
    assert all((b is None) == (ch == "\n") for ch, b in zip(page.text, page.char_boxes))


@needs_ocr
@needs_page
def test_ocr_reader_image_only_pdf_goes_through_ocr(png):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, W, H)
    c.showPage()
    c.save()
    [page] = read_bytes(buf.getvalue(), "scan.pdf")
    assert page.reader == "ocr" and page.line_text(page.lines[0]) == TITLE
    text_layer = read_bytes(_scan_pdf(), "text.pdf")[0]
    assert text_layer.reader == "pdf"  # a page with a text layer never goes through OCR


@needs_ocr
@needs_page
def test_ocr_reader_cli_parses_a_scan(png, tmp_path, capsys):
    from banmian.cli import main
    f = tmp_path / "scan.png"
    f.write_bytes(png)
    assert main(["parse", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    [article] = out["articles"]
    assert article["headline"]["title"] == TITLE
    body = "".join(p["text"] if isinstance(p, dict) else p for p in article["paragraphs"])
    gold = "".join(LEFT + RIGHT)
    assert _levenshtein(body.replace(" ", ""), gold) / len(gold) <= 0.02
    assert out["pages"][0]["reader"] == "ocr"


def test_ocr_reader_without_the_extra_says_how_to_install(monkeypatch):
    monkeypatch.setattr("banmian.readers.ocr.ocr_available", lambda: False)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(ReadError) as exc:
        read_bytes(png, "scan.png")
    msg = str(exc.value)
    assert msg.startswith("scan.png: is an image (PNG)") and "pip install 'banmian[ocr]'" in msg
    assert "\n" not in msg


@needs_ocr
@pytest.mark.parametrize("data, kind", [(b"\x89PNG\r\n\x1a\n" + b"\x13" * 200, "PNG"),
                                        (b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x07" * 100, "JPEG"),
                                        (b"II*\x00" + b"\xff" * 50, "TIFF")])
def test_ocr_reader_corrupt_image_one_line_error(data, kind, tmp_path):
    with pytest.raises(ReadError) as exc:
        read_bytes(data, f"bad.{kind.lower()}")
    msg = str(exc.value)
    assert f"is not a readable {kind} image" in msg and "\n" not in msg
    f = tmp_path / "bad.img"
    f.write_bytes(data)
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "parse", str(f)], capture_output=True,
                       text=True, timeout=60, check=False)
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1


def _row_ink(spans: list[tuple[int, int]]):
    import numpy as np
    return np.array([x for a, b in spans for x in range(a, b + 1)])


@needs_ocr
def test_ocr_gutters_are_blank_down_the_page_not_strips_that_line_up():
    """Two justified columns (glyph cells of 20 px, ink 18 px; the gutter 458-479): every
    other line of the left column ends in a comma after justification space, so a blank
    strip before the comma (418-431) recurs at the same place; the rows above and below
    have ink there, so it is no gutter and the comma stays with its line.  Under a
    headline across both columns the gutter is still found from the rows below it."""
    import numpy as np

    from banmian.readers.ocr_boxes import gutters as _gutters, split_at_gutters as _split_at_gutters
    full = [(20 * k, 20 * k + 17) for k in range(23)]
    comma = [(20 * k, 20 * k + 17) for k in range(21)] + [(432, 436)]
    right = [(480 + 20 * k, 480 + 20 * k + 17) for k in range(20)]
    boxes = [(0, 0, 1000, 40)]  # the headline
    inked = [_row_ink([(0, 999)])]
    for r in range(1, 13):
        boxes.append((0, 40 + 30 * r, 1000, 65 + 30 * r))
        inked.append(_row_ink((comma if r % 2 else full) + right))
    gutters = _gutters(boxes, inked, 20.0)
    assert {lo for lo, _ in gutters} == {437, 458}
    ink = np.zeros((25, 1000), dtype=bool)
    ink[5:20, inked[1]] = True
    parts = _split_at_gutters(np.full((500, 1000), 255, np.uint8), boxes[1], ink, inked[1], 20.0, gutters)
    assert [(x0, x1) for x0, _, x1, _ in parts] == [(0, 440), (477, 881)]


def test_ocr_gutters_of_columns_a_few_lines_deep_under_a_headline():
    """Two columns four lines deep (a short article across a wide row; the gutter 458-489)
    under a headline that spans them: the detector found the first row's lines each on
    its own, joined the second and third rows across the gutter, and the fourth is a
    paragraph's last line, in the left column only.  Each joined row has too few rows
    blank at the gap on either side alone (the headline above has ink there), but the
    rows next to it on both sides are blank there together: a gutter."""
    from banmian.readers.ocr_boxes import gutters as _gutters
    left = [(20 * k, 20 * k + 17) for k in range(23)]
    right = [(490 + 20 * k, 490 + 20 * k + 17) for k in range(23)]
    boxes = [(0, 0, 950, 50), (0, 90, 460, 115), (488, 90, 950, 115), (0, 120, 950, 145), (0, 150, 950, 175),
             (0, 180, 200, 205)]
    inked = [_row_ink([(0, 949)]), _row_ink(left), _row_ink([(x - 488, y - 488) for x, y in right]),
             _row_ink(left + right), _row_ink(left + right), _row_ink(left[:10])]
    assert (458, 489) in _gutters(boxes, inked, 20.0)
    # (where the line under them runs on across the strip, it is a gap inside a column's
    # lines that happens to line up, not a gutter)
    inked[5] = _row_ink([(0, 949)])
    boxes[5] = (0, 180, 950, 205)
    assert (458, 489) not in _gutters(boxes, inked, 20.0)
    # (nor is a strip under an em wide, as a list's marks with their justification space
    # leave over a few rows, "形状、结构、颜色、")
    narrow = [(474 + 20 * k, 474 + 20 * k + 17) for k in range(23)]
    inked = [inked[0], inked[1], _row_ink([(x - 472, y - 472) for x, y in narrow]), _row_ink(left + narrow),
             _row_ink(left + narrow), _row_ink(left[:10])]
    boxes[2], boxes[5] = (472, 90, 950, 115), (0, 180, 200, 205)
    assert not any(lo == 458 for lo, _ in _gutters(boxes, inked, 20.0))


@pytest.mark.parametrize(("read", "tidied"), [
    ("钢铁丶水泥丶化工", "钢铁、水泥、化工"),  # the radical 丶 is the recogniser's 、
    ("他说:(记者)好!", "他说：（记者）好！"),  # ASCII marks beside Chinese are full width
    ("节日到了°年味更浓", "节日到了。年味更浓"),  # a degree sign after a character is a stop
    ("气温升至30°", "气温升至30°"),  # ... after a number it is a degree
    ("Hello, world: (yes)!", "Hello, world: (yes)!"),  # Latin text keeps its marks
    ("增长6.6%, 比上年", "增长6.6%，比上年"),
    # look-alikes of Chinese marks and figures: a range's dash read 一, 一 read as a
    # hyphen, 、 read as >, the numeral zero read as a circle
    ("2014一2019年减少10%一15%", "2014—2019年减少10%—15%"),
    ("-方面，COVID-19", "一方面，COVID-19"),
    ("温>良>恭，x>1", "温、良、恭，x>1"),
    ("二○一九年，八○后", "二〇一九年，八〇后"),
    ("（政策解读·聚焦中央一号文件③)", "（政策解读·聚焦中央一号文件③）"),  # brackets pair by width
])
def test_ocr_tidy_text_restores_chinese_punctuation_only_beside_chinese(read, tidied):
    from banmian.readers.ocr_layout import tidy_text
    assert tidy_text(read)[0] == tidied


@needs_ocr
def test_ocr_split_drops_a_sliver_of_the_next_columns_glyph():
    """A box padded across the gutter into the neighbouring column cuts its last glyph:
    the sliver left of the gutter (ink touching the box's edge, narrower than a glyph)
    would read as an extra character; a whole glyph at the edge is kept."""
    import numpy as np

    from banmian.readers.ocr_boxes import split_at_gutters as _split_at_gutters
    for glyph, kept in ((8, 1), (18, 2)):
        inked = np.array([x for x in range(glyph)] + [x for k in range(10) for x in range(40 + 20 * k, 58 + 20 * k)])
        ink = np.zeros((25, 300), dtype=bool)
        ink[5:20, inked] = True
        parts = _split_at_gutters(np.full((100, 400), 255, np.uint8), (100, 0, 400, 25), ink, inked, 20.0,
                                   [(100 + glyph, 139)])
        assert len(parts) == kept and parts[-1][0] == 100 + 40 - 3


@needs_ocr
def test_ocr_box_takes_a_pale_mark_past_its_end_but_not_the_next_columns_glyph():
    """A 。 closing a line or a 一 opening it, blurred paler than the ink level its box was
    trimmed at, is taken into the box; a glyph across a gutter, or a dark glyph close by
    (more text), is not."""
    import numpy as np

    from banmian.readers.ocr_boxes import reach_marks as _reach_marks
    page = np.full((60, 400), 250, np.uint8)
    for x in (20, 42, 64):  # three dark glyphs, 18 px each, 4 px apart
        page[20:38, x:x + 18] = 0
    page[30:36, 88:94] = 170  # the pale ring of a full stop, 6 px past the box
    box = (17, 16, 85, 42)
    assert _reach_marks(page, box, 18.0)[2] > 94
    page[30:36, 88:94] = 250
    page[28:30, 2:15] = 160  # a pale 一 opening the line, 2 px before the box
    assert _reach_marks(page, box, 18.0)[0] < 2
    page[28:30, 2:15] = 250
    page[20:38, 110:128] = 0  # the next column's first glyph, past a gutter
    assert _reach_marks(page, box, 18.0) == box
    page[20:38, 88:106] = 0  # a whole dark glyph close by: more text, not a mark
    assert _reach_marks(page, box, 18.0) == box


@pytest.mark.parametrize(("read", "open_before", "tidied", "open_after"), [
    ("坚持了。“唐康林说", (True, False), "坚持了。”唐康林说", (False, False)),  # opened on an earlier line
    ("他指出：”要", (False, False), "他指出：“要", (True, False)),  # after a colon a quote opens, however read
    ("变‘产业’的逻辑", (False, False), "变‘产业’的逻辑", (False, False)),
    # a quoted term broken over two lines: the single quote opened on the line before closes
    ("养老‘模式，构建", (True, True), "养老’模式，构建", (True, False)),
    ("开展‘十大", (True, False), "开展‘十大", (True, True)),
])
def test_ocr_tidy_text_sets_quote_direction_from_context(read, open_before, tidied, open_after):
    from banmian.readers.ocr_layout import Quotes, tidy_text
    assert tidy_text(read, Quotes(*open_before)) == (tidied, Quotes(*open_after))


@pytest.mark.parametrize(("lines", "read", "balanced"), [
    # one closing quote lost after 好。: weighed over the page it costs once, not every quote after it
    (["他说：“好。以”铁脚板“著称，", "由过去”小米加步枪“武装起来"], "““”“”",
     ["他说：“好。以“铁脚板”著称，", "由过去“小米加步枪”武装起来"]),
    # two quoted terms with a word between: read as they alternate, the word is not quoted
    (["推进“证照分离”和“照后减证”改革"], "“”“”", ["推进“证照分离”和“照后减证”改革"]),
    # a quote at a line's start opens, and one before punctuation closes, against a stray state
    (["“盼望早日建成”（共建一带一路）"], "“”", ["“盼望早日建成”（共建一带一路）"]),
    (["他表示，”将继续努力“。"], "””", ["他表示，“将继续努力”。"]),
    ([], "", []),
])
def test_ocr_balance_quotes_turns_a_pages_double_quotes(lines, read, balanced):
    from banmian.readers.ocr_layout import balance_quotes
    assert balance_quotes(lines, read) == balanced



@needs_ocr
def test_ocr_rules_are_painted_over_both_ways_but_not_strokes():
    """A column rule and a box's hairline rule crossing a line are paper after
    :func:`_erase_rules`; a headline's thick horizontal stroke, a body glyph and a big
    glyph's long stem inside its line's box stay."""
    import numpy as np

    from banmian.readers.ocr_boxes import erase_rules as _erase_rules
    page = np.full((400, 600), 250, np.uint8)
    page[50:350, 300] = 20  # a column rule
    page[200, 20:580] = 60  # a hairline across the page
    page[100:112, 20:200] = 0  # a headline's 一, thick
    page[300:318, 40:58] = 0  # a body glyph
    page[20:90, 400:406] = 0  # a masthead glyph's stem, inside its line's box (which the
    out = _erase_rules(page, 20.0, [(380, 24, 560, 88)])  # detector drew a little short)
    assert out[50:350, 300].min() == 255 and out[200, 20:580].min() == 255
    assert out[100:112, 20:200].max() == 0 and out[300:318, 40:58].max() == 0
    assert out[20:90, 400:406].max() == 0
    assert _erase_rules(page, 20.0)[20:90, 400:406].min() == 255  # without its box: a rule


@needs_ocr
def test_ocr_two_em_dash_is_told_from_yi_yi_by_its_ink():
    """The recogniser reads the dash —— as 一一; one unbroken stroke two ems long is a
    dash, two strokes with the space between glyphs are the characters."""
    import numpy as np

    from banmian.readers.ocr import _dashes
    ink = np.zeros((28, 200), dtype=bool)  # a line 20 px high plus its margin
    ink[13:15, 10:50] = True  # the dash
    ink[13:15, 80:98] = True  # 一
    ink[13:15, 101:119] = True  # 一
    assert _dashes("斗争一一胜利", ink[:, :60]) == "斗争——胜利"
    assert _dashes("一一对应", ink[:, 70:]) == "一一对应"
    assert _dashes("他说一一一一对", ink) == "他说——一一对"


def test_ocr_two_em_dash_read_as_one_mark_is_put_back_where_its_stroke_is():
    """The recogniser also reads the dash as a single 一 or a hyphen: a stroke two ems long
    under that character is the dash; a 一 elsewhere in the line stays."""
    import numpy as np

    from banmian.readers.ocr import _dashes
    ink = np.zeros((28, 200), dtype=bool)  # eight characters of 20 px and their margin
    for k in range(8):
        ink[8:20, 20 * k + 22:20 * k + 38] = True  # a glyph's ink
    ink[:, 100:140] = False
    ink[13:15, 100:140] = True  # the dash, over the fifth and sixth characters' room
    ink[13:15, 22:38] = True  # (the first glyph: a 一 of one em)
    assert _dashes("一个哨卡一那栋楼", ink) == "一个哨卡——那栋楼"
    assert _dashes("一个哨卡-那栋楼", ink) == "一个哨卡——那栋楼"
    assert _dashes("一个哨卡一那栋楼", ink[:, :100]) == "一个哨卡一那栋楼"
    # a 一 the blur ran into the next glyph's stroke makes a long stroke too, but the
    # glyph has ink above and below it: 进一步 stays
    ink[:, 100:140] = False
    ink[13:15, 100:140] = True
    ink[6:22, 122:138] = True  # 步
    assert _dashes("他说将进一步扩", ink) == "他说将进一步扩"


@needs_ocr
def test_ocr_rotate_returns_the_matrix_that_moves_detected_boxes_with_the_page():
    """The detector's boxes of a turned page are turned with it instead of detecting
    again: a mark turned by :func:`_rotate` lies where its matrix maps it."""
    import cv2
    import numpy as np

    from banmian.readers.ocr import _rotate, _upright
    page = np.full((800, 600), 255, np.uint8)
    page[100:110, 500:520] = 0
    turned, matrix = _rotate(page, 0.3)
    quad = np.array([[500, 100], [520, 100], [520, 110], [500, 110]], np.float32)
    (x0, y0, x1, y1), = _upright([cv2.transform(quad[None], matrix)[0]], turned.shape)
    ys, xs = np.nonzero(turned < 128)
    assert abs(xs.min() - x0) <= 1 and abs(xs.max() + 1 - x1) <= 1
    assert abs(ys.min() - y0) <= 1 and abs(ys.max() + 1 - y1) <= 1


def test_ocr_order_cuts_headlines_off_the_columns_their_boxes_reach_into():
    """Two articles side by side, each a kicker and a title in display type over two
    columns.  The titles' boxes, padded for the recogniser, reach into the first row of
    text, so no clear band parts them from it, and the right title starts over the gutter
    between the articles, so no gutter runs down the whole page either.  Each article's
    headline is read before the columns, and no line runs across a gutter."""
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines
    body_h, gap = 40, 4
    pieces = [Piece("左引题", (0, 0, 400, 55)), Piece("右引题", (560, 0, 900, 55)),
              Piece("左主标题", (0, 55, 500, 150)), Piece("右主标题", (535, 55, 1060, 150))]
    for col, (x0, x1) in enumerate(((0, 240), (270, 530), (560, 800), (830, 1060))):
        for row in range(4):
            y = 146 + row * (body_h + gap)  # the first row starts inside the titles' boxes
            pieces.append(Piece(f"栏{col + 1}行{row + 1}", (x0, y, x1, y + body_h)))
    lines = [join_pieces(line) for line in order_lines(pieces)]
    assert lines == ["左引题", "左主标题", "右引题", "右主标题"] + [f"栏{c}行{r}" for c in range(1, 5) for r in range(1, 5)]


def test_ocr_order_drops_a_line_the_detector_found_twice():
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines
    pieces = [Piece("特别报道）", (0, 0, 400, 60)), Piece("特别报道）", (4, 14, 396, 50)),
              Piece("正文第一行", (0, 70, 400, 110))]
    assert [join_pieces(line) for line in order_lines(pieces)] == ["特别报道）", "正文第一行"]


def test_ocr_order_reads_a_title_whose_word_space_lines_up_with_a_gutter_first():
    """A title across three columns, its words parted by a word space that happens to
    stand over a gutter: it is one headline, read before the columns, not a piece at the
    head of each column.  Two titles side by side, one wrapped under itself, stay apart."""
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines
    pieces = [Piece("写好中国故事", (0, 0, 430, 90)), Piece("淬炼时代精神", (480, 0, 910, 90))]
    for col, x in enumerate((0, 460, 920)):
        for row in range(4):
            y = 110 + row * 44
            pieces.append(Piece(f"栏{col + 1}行{row + 1}", (x, y, x + 420, y + 40)))
    lines = [join_pieces(line) for line in order_lines(pieces)]
    assert lines[0].replace(" ", "") == "写好中国故事淬炼时代精神"
    assert lines[1:] == [f"栏{c}行{r}" for c in range(1, 4) for r in range(1, 5)]
    # the left title wraps under itself: two articles' titles, each over its own columns
    pieces.insert(2, Piece("中的70年", (0, 90, 300, 180)))
    for p in [p for p in pieces if p.text.startswith("栏")]:
        pieces[pieces.index(p)] = Piece(p.text, (p.box[0], p.box[1] + 90, p.box[2], p.box[3] + 90))
    lines = [join_pieces(line) for line in order_lines(pieces)]
    assert lines[:2] == ["写好中国故事", "中的70年"]


def test_ocr_order_finds_a_narrow_gutter_between_padded_line_boxes():
    """Two columns whose gutter the line boxes' margins leave 0.2 of a box's height of
    (8 px at 40 px boxes): still two columns, each read top to bottom."""
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines
    pieces = [Piece(f"{side}栏{row}", (x, row * 44, x + 300, row * 44 + 40))
              for row in range(5) for side, x in (("左", 0), ("右", 308))]
    assert [join_pieces(line) for line in order_lines(pieces)] == [f"左栏{r}" for r in range(5)] + [f"右栏{r}" for r in range(5)]


def test_ocr_order_cuts_above_a_title_set_across_the_columns_of_the_article_above():
    """Two articles stacked, each over the same three columns; the lower one's title has a
    word space over a gutter and no clear band parts it from the text above.  The upper
    article's columns are read before the lower title, not through it."""
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines

    def columns(tag: str, y0: int) -> list[Piece]:
        return [Piece(f"{tag}{c + 1}行{r + 1}", (x, y0 + r * 44, x + 420, y0 + r * 44 + 40))
                for c, x in enumerate((0, 460, 920)) for r in range(3)]
    pieces = columns("上栏", 0) + [Piece("城市治理", (0, 132, 430, 222)), Piece("，下足功夫", (470, 132, 900, 222))]
    pieces += columns("下栏", 236)
    lines = [join_pieces(line) for line in order_lines(pieces)]
    assert lines[:9] == [f"上栏{c}行{r}" for c in range(1, 4) for r in range(1, 4)]
    assert lines[9].replace(" ", "") == "城市治理，下足功夫"
    assert lines[10:] == [f"下栏{c}行{r}" for c in range(1, 4) for r in range(1, 4)]


def test_ocr_order_cuts_above_a_narrow_title_a_little_below_the_article_above():
    """Two articles stacked over the same three columns; the lower one's title, narrower
    than the columns, stands under the upper article's last row by 0.7 of a line's height
    (a rule was drawn there and erased): less than a band between stacked articles, more
    than twice the leading.  The upper article's columns are read before the lower title,
    not column by column through both articles."""
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines

    def columns(tag: str, y0: int) -> list[Piece]:
        return [Piece(f"{tag}{c + 1}行{r + 1}", (x, y0 + r * 35, x + 320, y0 + r * 35 + 28))
                for c, x in enumerate((0, 340, 680)) for r in range(3)]
    pieces = columns("上栏", 0) + [Piece("施奇：坚贞不屈", (0, 118, 300, 174))] + columns("下栏", 190)
    lines = [join_pieces(line) for line in order_lines(pieces)]
    assert lines[:9] == [f"上栏{c}行{r}" for c in range(1, 4) for r in range(1, 4)]
    assert lines[9] == "施奇：坚贞不屈"
    assert lines[10:] == [f"下栏{c}行{r}" for c in range(1, 4) for r in range(1, 4)]


def test_ocr_page_reads_a_range_broken_after_its_first_figure_as_a_dash():
    # "于2月13" / "一16日访巴": 一 between two figures is the range's dash across the break too;
    # a line opening with 一 after words is the numeral ("一行" of "高云龙 / 一行应邀…")
    from banmian.readers.ocr import build_page
    from banmian.readers.ocr_layout import Piece
    page = build_page([Piece("高云龙一行应邀，于2月13", (0, 0, 600, 40)), Piece("一16日访巴，其间会见了", (0, 44, 600, 84)),
                       Piece("参议院主席高云龙", (0, 88, 600, 128)), Piece("一行三人出席", (0, 132, 600, 172))], 0.36)
    assert page.text.split("\n")[:4] == ["高云龙一行应邀，于2月13", "—16日访巴，其间会见了", "参议院主席高云龙", "一行三人出席"]


def test_ocr_order_drops_a_fragment_read_again_inside_a_title():
    from banmian.readers.ocr_layout import Piece, join_pieces, order_lines
    pieces = [Piece("监管告别碎片化", (0, 0, 420, 80)), Piece("监T", (6, 30, 90, 70)),
              Piece("正文第一行", (0, 90, 420, 120)), Piece("正文第二行", (0, 122, 420, 152))]
    assert [join_pieces(line) for line in order_lines(pieces)] == ["监管告别碎片化", "正文第一行", "正文第二行"]


def test_ocr_a_line_the_detector_passed_over_gets_a_box_of_its_own():
    """Two lines of a column a line's room apart with one band of ink between them: the
    missed line gets its box; with nothing between them, nothing is added."""
    import numpy as np

    from banmian.readers.ocr_boxes import missed_lines as _missed_lines
    em = 20
    page = np.full((200, 400), 255, dtype=np.uint8)
    boxes = [(10, 10, 330, 38), (10, 66, 330, 94)]  # padded boxes of two 20 px lines
    for x0, y0, x1, y1 in boxes:
        page[y0 + 4:y1 - 4, x0 + 6:x1 - 6] = 0
    assert _missed_lines(page, boxes, em) == []
    page[42:62, 16:120] = 0  # a short closing line between them (一。 and the like)
    (x0, y0, x1, y1), = _missed_lines(page, boxes, em)
    assert (x0 < 16 < 120 < x1) and y0 < 42 and 62 <= y1 <= 66 + 4
