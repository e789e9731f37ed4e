"""Geometry-aware stages on PDF pages (banmian.stages.regions): article regions, reading
order, headline roles by size and captions, on pages built here with reportlab.

The page: two articles side by side in the top band (the right one's headline drawn after
its body in the content stream, its title centred over its second column only), a rule,
then a full-width article with kicker, title and subtitle, two columns and a photo whose
caption sits between its columns' text (a raster image, or a filled box drawn as a path).
Skipped without reportlab, Pillow or fonts-wqy-zenhei.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("reportlab", reason="PDFs are built with reportlab (pip install -e '.[dev]')")
Image = pytest.importorskip("PIL.Image", reason="the photo is drawn from a Pillow image")
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import banmian
from banmian.pipeline import run_issue
from banmian.readers import pages_from_text, read_pdf

WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
pytestmark = pytest.mark.skipif(not WQY_PATH.exists(), reason="fonts-wqy-zenhei not installed")
if WQY_PATH.exists():
    pdfmetrics.registerFont(TTFont("WQY", str(WQY_PATH), subfontIndex=0))

W, H = 842.0, 1190.0  # A3, points
BODY = 10.0
PITCH = 14.0
MEASURE = 14  # characters per column line
GAP = 12.0
COL_W = MEASURE * BODY

A_PARAS = ["本报讯（记者张清）近日，记者从市商务局了解到，今年一至五月，我市网络零售额实现较快增长，农村电商发展势头良好。",
           "市商务局负责人介绍，下一步将继续完善物流配送体系，推动更多特色农产品走出大山、走向全国。"]
B_PARAS = ["金秋时节，田野里稻浪翻滚，农民们正忙着收割晚稻，到处是一派丰收的繁忙景象。",
           "今年全县推广优质稻种植面积达到十二万亩，亩产比去年提高了近一成，种粮收益稳步增长。",
           "县农业农村局还组织农技人员下乡，帮助农户解决烘干、仓储和销售中遇到的实际困难。"]
C_PARAS = ["清晨的老街上，早点铺子已经坐满了食客，蒸笼里冒出的热气把街巷笼罩得暖意融融。",
           "近年来，老城区实施微改造，保留街巷肌理，修缮历史建筑，让居民生活更方便更舒适。",
           "社区还引入了非遗工坊和特色书店，年轻人周末纷纷来这里打卡，老街重新焕发了活力。",
           "街道负责人表示，接下来将听取居民意见，继续完善停车、照明和无障碍设施建设。"]
CAPTION = "图为老街居民在早点铺前排队。本报记者 王明摄"


def column_lines(paras: list[str]) -> list[str]:
    """Each paragraph set at the measure, its first line indented two characters
    (the indent is drawn as an offset, not as spaces)."""
    out = []
    for p in paras:
        first, rest = p[:MEASURE - 2], p[MEASURE - 2:]
        out.append("\u3000\u3000" + first)
        out += [rest[k:k + MEASURE] for k in range(0, len(rest), MEASURE)]
    return out


def draw_column_text(c: canvas.Canvas, lines: list[str], xs: list[float], top: float, per_col: int) -> None:
    c.setFont("WQY", BODY)
    for k, text in enumerate(lines):
        col, row = divmod(k, per_col)
        x = xs[col] + (2 * BODY if text.startswith("\u3000\u3000") else 0)
        c.drawString(x, H - (top + BODY + row * PITCH), text.lstrip("\u3000"))


def draw_head(c: canvas.Canvas, text: str, size: float, x: float, y: float) -> None:
    c.setFont("WQY", size)
    c.drawString(x, H - y, text)


def geometry_page(photo: str = "image") -> bytes:
    """The test page; ``photo``: a raster image, or a filled box (a placeholder drawn as a path)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setLineWidth(0.5)
    xs = [40 + k * (COL_W + GAP) for k in range(5)]
    # top band, article A: headline over columns 0-1, drawn first
    draw_head(c, "网络零售持续增长", 24, xs[0], 80)
    draw_column_text(c, column_lines(A_PARAS), xs[0:2], 95, 8)
    # article B over columns 2-4: body first, its headline drawn last; the short centred title
    # covers only column 3
    b_lines = column_lines(B_PARAS)
    draw_column_text(c, b_lines, xs[2:5], 95, 5)
    c.line(40, H - 225, W - 40, H - 225)  # the rule above the lower band
    # lower band, article C over columns 0-3: kicker, title, subtitle; a photo in column 2-3
    draw_head(c, "留住烟火气 留住老味道", 14, xs[0], 255)
    draw_head(c, "老街焕新颜", 28, xs[0], 290)
    draw_head(c, "——老城区微改造见闻", 14, xs[0], 312)
    c_lines = column_lines(C_PARAS)
    draw_column_text(c, c_lines[:12], xs[0:2], 325, 6)
    if photo == "image":
        img = Image.new("RGB", (40, 30), (120, 140, 160))
        c.drawImage(ImageReader(img), xs[2], H - 445, 2 * COL_W + GAP, 120)
    else:
        c.setFillGray(0.7)
        c.rect(xs[2], H - 445, 2 * COL_W + GAP, 120, stroke=1, fill=1)
        c.setFillGray(0)
    c.setFont("WQY", 8)
    c.drawString(xs[2], H - 456, CAPTION)
    draw_column_text(c, c_lines[12:], xs[2:4], 462, 3)
    draw_head(c, "稻谷飘香", 24, xs[3], 80)  # article B's headline, drawn after everything
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module", params=["image", "box"])
def issue(request) -> banmian.Issue:
    return banmian.parse_page(geometry_page(request.param))


def _body(article: banmian.Article) -> str:
    return "".join(p.text.value for p in article.paragraphs).replace(" ", "")


@pytest.mark.parametrize("photo", ["image", "box"])
def test_pdf_geometry_reader_keeps_rules_and_pictures(photo):
    [page] = read_pdf(geometry_page(photo), "geo.pdf")
    assert any(abs(r[1] - 225) < 1 and r[2] - r[0] > 700 for r in page.rules)
    assert len(page.images) == 1 and page.images[0][1] == pytest.approx(325, abs=1)


def test_pdf_geometry_articles_follow_regions(issue):
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert set(by_title) == {"网络零售持续增长", "稻谷飘香", "老街焕新颜"}
    assert len(issue.articles) == 3
    assert _body(by_title["网络零售持续增长"]) == "".join(A_PARAS)
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS)  # its headline was drawn after it
    assert _body(by_title["老街焕新颜"]) == "".join(C_PARAS)
    assert [len(by_title[t].paragraphs) for t in ("网络零售持续增长", "稻谷飘香", "老街焕新颜")] == [2, 3, 4]


def test_pdf_geometry_headline_roles_by_size(issue):
    [c] = [a for a in issue.articles if a.headline.title and a.headline.title.value == "老街焕新颜"]
    assert c.headline.kicker.value.replace(" ", "") == "留住烟火气留住老味道"
    assert c.headline.subtitle.value == "——老城区微改造见闻"
    assert c.headline.roles_certain


def test_pdf_geometry_byline_and_caption(issue):
    [a] = [a for a in issue.articles if a.headline.title.value == "网络零售持续增长"]
    assert a.byline is not None and a.byline.reporters == ("张清",)
    captions = [f for f in issue.furniture if f.kind == "caption"]
    assert [f.text.value.replace(" ", "") for f in captions] == [CAPTION.replace(" ", "")]
    assert all("老街居民在早点铺前排队" not in p.text.value for art in issue.articles for p in art.paragraphs)


def test_pdf_geometry_trace_names_regions():
    issue = run_issue(read_pdf(geometry_page(), "geo.pdf"), trace=True)
    decisions = [ev.decision for ev in issue.trace if ev.stage == "regions"]
    assert "caption" in decisions and any(d.startswith("region") for d in decisions)


def test_pdf_geometry_text_pages_unchanged():
    """A text dump has no geometry: no region decisions, the text cues decide as before."""
    text = "稻谷飘香\n" + "".join(line.strip("\u3000") + "\n" for line in column_lines(B_PARAS))
    issue = run_issue(pages_from_text(text), trace=True)
    assert not [ev for ev in issue.trace if ev.stage == "regions"]
    assert [a.headline.title.value for a in issue.articles] == ["稻谷飘香"]


def vertical_title_page() -> bytes:
    """A vertical title in a column slot of its own with a smaller kicker level with its top,
    its body in the two columns beside it; beside that, another article whose title is set
    larger, at the same height."""
    def draw(c: canvas.Canvas, xs: list[float]) -> None:
        draw_vertical(c, "老街焕新颜", xs[0])
        draw_head(c, "留住烟火气 留住老味道", 14, xs[1], 90)
        draw_column_text(c, column_lines(C_PARAS), xs[1:3], 105, 10)
        draw_head(c, "稻谷飘香", 32, xs[3], 100)
        draw_column_text(c, column_lines(B_PARAS), xs[3:5], 115, 6)
    return five_column_page(draw)


def draw_vertical(c: canvas.Canvas, title: str, x: float) -> None:
    """A 28 pt title set vertically, a character under the other, in the column slot at ``x``."""
    c.setFont("WQY", 28)
    for k, ch in enumerate(title):
        c.drawString(x + 50, H - (110 + k * 32), ch)


def five_column_page(draw: Callable[[canvas.Canvas, list[float]], None]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    draw(c, [40 + k * (COL_W + GAP) for k in range(5)])
    c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_geometry_vertical_title_heads_the_columns_beside_it():
    issue = banmian.parse_page(vertical_title_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert set(by_title) == {"老街焕新颜", "稻谷飘香"} and len(issue.articles) == 2
    assert by_title["老街焕新颜"].headline.kicker.value.replace(" ", "") == "留住烟火气留住老味道"
    assert by_title["稻谷飘香"].headline.kicker is None
    assert _body(by_title["老街焕新颜"]) == "".join(C_PARAS)
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS)


def vertical_beside_a_title_page() -> bytes:
    """An article whose title (smaller than a vertical title) heads its two columns, drawn
    first; beside it, level with that title's top, a vertical title and its two columns,
    drawn after: the horizontal title is the first article's, not the vertical one's kicker."""
    def draw(c: canvas.Canvas, xs: list[float]) -> None:
        draw_head(c, "金秋稻谷飘香丰收正忙", 18, xs[0], 100)  # across both its columns
        draw_column_text(c, column_lines(B_PARAS), xs[0:2], 115, 6)
        draw_vertical(c, "老街焕新颜", xs[2])
        draw_column_text(c, column_lines(C_PARAS), xs[3:5], 105, 10)
    return five_column_page(draw)


def test_pdf_geometry_vertical_title_takes_no_title_drawn_apart_as_its_kicker():
    issue = banmian.parse_page(vertical_beside_a_title_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert set(by_title) == {"老街焕新颜", "金秋稻谷飘香丰收正忙"} and len(issue.articles) == 2
    assert all(a.headline.kicker is None for a in issue.articles)
    assert _body(by_title["老街焕新颜"]) == "".join(C_PARAS)
    assert _body(by_title["金秋稻谷飘香丰收正忙"]) == "".join(B_PARAS)


def byline_over_first_column_page() -> bytes:
    """Two articles side by side in one row, a column gutter apart: article B's headline
    and a stand-alone byline over its first column only; article C's headline right
    beside, its own byline over its first column too."""
    def draw(c: canvas.Canvas, xs: list[float]) -> None:
        draw_head(c, "稻谷飘香", 24, xs[0], 80)
        draw_head(c, "本报记者 李明", BODY, xs[0], 100)  # body size: a column line to the reader
        draw_column_text(c, column_lines(B_PARAS), xs[0:3], 110, 4)
        draw_head(c, "老街焕新颜", 28, xs[3], 84)  # (a larger title: its text starts a little lower)
        draw_head(c, "■ 记者 王芳", BODY, xs[3], 106)
        draw_column_text(c, column_lines(C_PARAS), xs[3:5], 117, 10)
    return five_column_page(draw)


def test_pdf_geometry_a_byline_under_a_headline_leaves_its_columns_to_it():
    """A byline between a headline and its first column is the article's, not text that
    parts the column from the headline: the article keeps its columns (each of which sits
    a gutter from the next article's) and its byline."""
    issue = banmian.parse_page(byline_over_first_column_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert set(by_title) == {"稻谷飘香", "老街焕新颜"}
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS)
    assert _body(by_title["老街焕新颜"]) == "".join(C_PARAS)
    assert by_title["稻谷飘香"].byline is not None and by_title["稻谷飘香"].byline.reporters == ("李明",)
    assert by_title["老街焕新颜"].byline is not None and by_title["老街焕新颜"].byline.reporters == ("王芳",)


Head = tuple[str, float, int, float]  # text, size, column, baseline


def signed_pair_page(a_head: Head, a_cols: slice, a_top: float, a_depth: int,
                     b_head: Head, byline: tuple[int, float], b_cols: slice, b_top: float, b_depth: int) -> bytes:
    """Article A (A_PARAS) in columns ``a_cols``, article B (B_PARAS) in ``b_cols`` with a
    byline (记者, in body type) alone over the column ``byline`` names, at its height."""
    def draw(c: canvas.Canvas, xs: list[float]) -> None:
        for text, size, col, y in (a_head, b_head):
            draw_head(c, text, size, xs[col], y)
        draw_column_text(c, column_lines(A_PARAS), xs[a_cols], a_top, a_depth)
        draw_head(c, BYLINE, BODY, xs[byline[0]], byline[1])
        draw_column_text(c, column_lines(B_PARAS), xs[b_cols], b_top, b_depth)
    return five_column_page(draw)


BYLINE = "记者 乔 栋"


def byline_beside_a_centred_title_page() -> bytes:
    """Article B over three columns, its title centred over the last two and its byline
    (a padded name, in body type) over the first; article A's column a gutter to the left,
    set higher."""
    return signed_pair_page(("网络零售", 22, 0, 60), slice(0, 1), 70, 20,
                            ("稻谷飘香", 26, 3, 80), (1, 100), slice(1, 4), 112, 4)


def test_pdf_geometry_a_byline_over_a_column_signs_the_article_of_that_column():
    """A byline alone over the first column of an article whose title is centred over
    its other columns signs that article, not the one a gutter to its left."""
    issue = banmian.parse_page(byline_beside_a_centred_title_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS)
    assert by_title["稻谷飘香"].byline is not None and by_title["稻谷飘香"].byline.reporters == ("乔栋",)


def centred_title_beside_another_page() -> bytes:
    """Article C over four columns, its title over the first two only; article B in the
    fifth column under its own title, its top level with C's last column.  C's third and
    fourth columns lie under no headline: each goes with the column it continues."""
    def draw(c: canvas.Canvas, xs: list[float]) -> None:
        draw_head(c, "老街焕新颜留住烟火气", 24, xs[0], 80)
        draw_column_text(c, column_lines(C_PARAS), xs[0:4], 95, 3)
        draw_head(c, "稻谷飘香", 24, xs[4], 80)
        draw_column_text(c, column_lines(B_PARAS[:2]), xs[4:5], 95, 12)
    return five_column_page(draw)


@pytest.mark.parametrize("reverse", [False, True])
def test_pdf_geometry_a_column_under_no_headline_goes_with_the_column_it_continues(monkeypatch, reverse):
    """A column no headline covers takes the region of the column drawn just before it in
    the content stream (the one it continues), not of a neighbour drawn just after it (the
    next article's first column, whose headline stands over it), whatever order the
    columns were found in."""
    from banmian.stages import regions
    if reverse:  # (the order of the column blocks must not decide)
        found = regions._column_blocks
        monkeypatch.setattr(regions, "_column_blocks", lambda *a, **k: found(*a, **k)[::-1])
    issue = banmian.parse_page(centred_title_beside_another_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert _body(by_title["老街焕新颜留住烟火气"]) == "".join(C_PARAS)
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS[:2])


def signed_column_beside_another_page() -> bytes:
    """Article A in the first two columns under its title; article B in the last three,
    its title over the last one only and a byline alone over its first column, that
    column's top level with A's columns (the byline stands above it, in A's title's band)."""
    return signed_pair_page(("网络零售持续增长", 20, 0, 45), slice(0, 2), 95, 5,
                            ("稻谷飘香", 26, 4, 45), (2, 82), slice(2, 5), 95, 4)


def test_pdf_geometry_a_column_under_a_byline_opens_its_article():
    """A column under a byline alone, beside another article's last column and drawn just
    after it, opens its own article: it goes with the columns after it, under their title."""
    issue = banmian.parse_page(signed_column_beside_another_page())
    by_title = {a.headline.title.value: a for a in issue.articles if a.headline.title}
    assert _body(by_title["网络零售持续增长"]) == "".join(A_PARAS)
    assert _body(by_title["稻谷飘香"]) == "".join(B_PARAS)
    assert by_title["稻谷飘香"].byline is not None and by_title["稻谷飘香"].byline.reporters == ("乔栋",)
