"""Column lines dealt out row by row (plain pdftotext at a wide leading) are put back
column by column (stages/dealt.py); other pages are left as they are.  Column lines joined
on one line (plain pdftotext with columns an em apart) are parted at the gutters first
(stages/cuts.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from banmian import parse_text
from banmian.pipeline import PageState, measure
from banmian.readers import read_bytes
from banmian.serialize import issue_to_dict
from banmian.model import Span
from banmian.settings import DEFAULT
from banmian.stages.cuts import gutter_cuts
from banmian.stages.dealt import undeal
from banmian.stages.words import load
from invariants import nonspace, output_chars, spans_consistent

EXAMPLE = Path(__file__).parent.parent / "examples" / "leshan-daily-p1.txt"
PARAGRAPHS = [
    "本报讯　11月15日零时，全市集中供暖正式启动，覆盖城区居民住宅和学校、医院等公共建筑，"
    "供暖面积比去年增加了六百多万平方米。",
    "为保证今冬供暖平稳运行，市住建部门提前三个月部署准备工作，组织供热企业对管网和换热站进行"
    "全面检修，累计更换老旧管道四十多公里，新建和改造换热站二十六座。",
    "供热企业还开通了二十四小时服务热线，安排抢修队伍在各片区值守，居民家中出现暖气不热等问题，"
    "可以随时拨打电话报修，维修人员将在两小时内上门处理。",
    "市住建部门负责人表示，今年还将继续推进老旧小区供热设施改造，让更多居民温暖过冬。",
]


def _wrap(paragraphs: list[str], width: int) -> list[str]:
    """Column lines as plain pdftotext gives them: first-line indents dropped, no line
    opening on a mark."""
    lines = []
    for p in paragraphs:
        n = width - 2
        while p:
            while p[n:n + 1] and p[n] in "，。、；：！？”）":
                n += 1
            lines.append(p[:n].replace("　", " "))
            p, n = p[n:], width
    return lines


def _dealt(lines: list[str], columns: int, sizes=(2, 1)) -> list[str]:
    """The columns' lines read a row at a time, a block of one or two lines per column."""
    per = -(-len(lines) // columns)
    cols = [lines[c * per:(c + 1) * per] for c in range(columns)]
    blocks, pos, row = [], [0] * columns, 0
    while any(p < len(c) for p, c in zip(pos, cols)):
        n = sizes[row % len(sizes)]
        for c, col in enumerate(cols):
            if pos[c] < len(col):
                blocks.append("\n".join(col[pos[c]:pos[c] + n]))
                pos[c] += n
        row += 1
    return blocks


def _infos(text: str):
    page = read_bytes(text.encode("utf-8"), source="page.txt")[0]
    return list(measure(PageState(page=page, settings=DEFAULT)).infos)


@pytest.mark.skipif(not load(), reason="jieba's word list is not installed")
def test_three_columns_dealt_out_read_as_one_article():
    lines = _wrap(PARAGRAPHS, 14)
    text = "\n\n".join(["全市冬季供暖工作全面启动", *_dealt(lines, 3)]) + "\n"
    ordered, notes = undeal(_infos(text))
    assert notes and "3 columns" in notes[0]
    assert [x.text for x in ordered] == ["全市冬季供暖工作全面启动"] + [s.replace(" ", "") for s in lines]
    issue = parse_text(text)
    # (the order is read back from the words: the user is told to give the PDF)
    assert any("dealt out a row at a time" in w and "parse the PDF" in w for w in issue.warnings)
    art, = issue_to_dict(issue)["articles"]
    assert art["headline"]["title"] == "全市冬季供暖工作全面启动"
    assert [p["text"].replace(" ", "").replace("　", "") for p in art["paragraphs"]] == \
        [p.replace("　", "") for p in PARAGRAPHS]


def test_a_page_of_column_pieces_is_left_alone():
    infos = _infos(EXAMPLE.read_text(encoding="utf-8"))
    assert undeal(infos) == (infos, [])


_LINE = st.text(alphabet="发展经济城市居民工作，。、的了在", min_size=1, max_size=16)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE, st.booleans()), min_size=3, max_size=80))
def test_lines_only_change_places(lines):
    text = "".join(("\n" if blank else "") + line + "\n" for line, blank in lines)
    infos = _infos(text)
    ordered, _ = undeal(infos)
    assert sorted(x.line.number for x in ordered) == sorted(x.line.number for x in infos)
    assert {x.line.number: x.text for x in ordered} == {x.line.number: x.text for x in infos}


def _parts(line: str, measure: float) -> list[str]:
    spans = tuple(Span(0, m.start(), m.end()) for m in re.finditer(r"\S+", line))
    text = "".join(line[s.start:s.end] for s in spans)
    bounds = [0, *gutter_cuts(line, spans, measure), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("line, parts", [
    # a byline's space stays inside its column's line; digits read at one em where justified
    ("本报武汉10月22日电 湖北 过失等五种情形，可以免责，不 党委（党组）和组织部门推荐使",
     ["本报武汉10月22日电湖北", "过失等五种情形，可以免责，不", "党委（党组）和组织部门推荐使"]),
    # a justified line's spread characters stay with their line
    ("治国理政经验交流，将自身 非 加 强 在 中 非 合 作 论 坛 、", ["治国理政经验交流，将自身", "非加强在中非合作论坛、"]),
    # a paragraph's last line, short, ends on its mark
    ("处理。 市住建部门负责人表示，今年 还将继续推进老旧小区供热设施", ["处理。", "市住建部门负责人表示，今年", "还将继续推进老旧小区供热设施"]),
])
def test_joined_column_lines_are_parted_at_the_gutters(line, parts):
    assert _parts(line, 13.0 if "武汉" not in line else 14.0) == parts


def test_a_line_no_reading_of_whole_column_lines_fits_is_not_parted():
    # (a title's two phrases, a column's line that is not full)
    assert _parts("绿色生态 设计精致 保障周全", 14.0) == ["绿色生态设计精致保障周全"]


_PIECE = st.text(alphabet="发展经济城市居民工作的了在年月日，。、１2", min_size=8, max_size=15)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECE, min_size=2, max_size=4), min_size=4, max_size=30))
def test_columns_joined_on_one_line_lose_no_character(rows):
    # (pages of rows of column lines joined by spaces: parted and read back, every character
    # still lands in exactly one place, and every text is its source spans)
    text = "标题行\n" + "".join(" ".join(row) + "\n" for row in rows)
    issue = parse_text(text)
    assert output_chars(issue) == nonspace(text)
    assert spans_consistent(issue)
