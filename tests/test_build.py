"""Building an article from its drafted lines: what the build itself decides."""
from __future__ import annotations

import pytest

from banmian import parse_text
from banmian.readers import pages_from_text
from banmian.stages import layout, normalize
from banmian.stages.assemble import Draft
from banmian.stages.build import build_article
from banmian.stages.reflow import RawParagraph


def test_a_heading_before_the_news_byline_is_a_headline_line():
    # A scan gives sizes from line heights: a subtitle set barely larger than the body
    # comes out as an in-body heading above the article's first paragraph.  A news
    # byline opens an article, so the "heading" before it belongs to the headline.
    text = ("中美经贸高级别磋商举行\n美国总统特朗普会见刘鹤\n"
            "新华社华盛顿2月22日电（记者周效政、刘阳）当地\n时间2月22日，美国总统在白宫会见刘鹤。\n")
    page = pages_from_text(text)[0]
    lines = layout.label_lines(normalize.measure_lines(page))
    head, sub, body = lines[:1], lines[1:2], lines[2:]
    article = build_article(page, Draft(head=list(head), body=list(body)),
                            [RawParagraph(tuple(sub), "heading", "test"), RawParagraph(tuple(body), "body", "test")])
    assert [p.kind for p in article.paragraphs] == ["body"]
    assert article.byline is not None and article.byline.reporters == ("周效政", "刘阳")
    h = article.headline
    assert "".join(x.value for x in (h.kicker, h.title, h.subtitle) if x) == "中美经贸高级别磋商举行美国总统特朗普会见刘鹤"


def test_a_section_label_before_the_news_byline_stays_in_the_body():
    text = "某市春耕全面展开\n核心阅读\n本报讯（记者 张三）近日，全市春耕生产\n全面展开，农技人员深入田间地头。\n"
    page = pages_from_text(text)[0]
    lines = layout.label_lines(normalize.measure_lines(page))
    head, label, body = lines[:1], lines[1:2], lines[2:]
    article = build_article(page, Draft(head=list(head), body=list(body)),
                            [RawParagraph(tuple(label), "heading", "test"), RawParagraph(tuple(body), "body", "test")])
    assert [p.kind for p in article.paragraphs] == ["heading", "body"]
    assert article.headline.title.value == "某市春耕全面展开"


def test_stand_alone_bylines_as_extractors_break_them():
    """A name broken after its surname at the line's end ("朱超、吕" / "梦琦") is one name;
    names run together where the extractor dropped the padding ("■ 记者 刘磊刘泰山") are
    cut where the second one's surname stands; names wrap after a 、, and a role, its
    names and a credit ("文 /" / "图") may each have a line."""
    from banmian import parse_page
    body = "中共中央政治局常委、国务院\n副总理韩正22日出席论坛开幕\n式并发表主旨演讲。\n"
    for byline, names in [("■融媒体记者 朱超、吕\n梦琦\n", ("朱超", "吕梦琦")),
                          ("■ 记者 刘磊刘泰山\n", ("刘磊", "刘泰山")),
                          ("全媒体记者 万秀斌、黄娴、\n程焕\n", ("万秀斌", "黄娴", "程焕")),
                          ("□本报记者\n\n汪志球 文 /\n图\n", ("汪志球",))]:
        issue = parse_page(("韩正出席能源低碳发展论坛\n" + byline + body).encode("utf-8"))
        [article] = issue.articles
        assert article.byline is not None and article.byline.reporters == names, byline


def test_a_body_owns_the_part_of_the_headline_block_that_echoes_it():
    # The block before a body may end the article before it (its title printed after its
    # body) and open this one: the part the body's opening echoes is its own, and a
    # kicker stays with the title after it.
    from banmian.stages.merged import _own_part
    page = pages_from_text("农村公路再提速\n浙江湖州市探索绿色制造——\n湖州：绿色成为企业发展的主色调\n")[0]
    block = layout.label_lines(normalize.measure_lines(page))
    lead = "近期，国家工信部公布了第三批绿色制造名单，浙江省湖州市在绿色园区、绿色供应链、绿色工厂等方面均实现突破。"
    assert [x.info.text for x in _own_part(block, lead)] == ["浙江湖州市探索绿色制造——", "湖州：绿色成为企业发展的主色调"]
    assert _own_part(block[1:], lead) == block[1:]


def test_an_unnumbered_page_takes_its_number_from_the_jump_to_it():
    """Pages 1 and 3 of an issue, neither printing its number: the jump "（下转第3版）" and the
    "（上接第1版）" it leads to say the second page is page 3, not page 2."""
    from banmian import parse_issue
    body = "市委常委会昨天召开会议，研究部署\n今年重点工作，要求各地各部门\n"
    first = "全力推进重点项目建设\n" + body + "（下转第3版）\n"
    third = "（上接第1版）\n抓紧抓实各项任务，确保取得实效。\n"
    issue = parse_issue([first.encode(), third.encode()])
    assert [p.number for p in issue.pages] == [1, 3]
    assert [a.pages for a in issue.articles] == [(1, 3)]


@pytest.mark.parametrize("printed, kept", [
    # a space set by hand after the role stays; justification's spread characters close up
    ("本报北京1月10日讯（记者 欧 阳 洁 、 王 明）", "本报北京1月10日讯（记者 欧阳洁、王明）"),
    ("本报讯（记者 张清）", "本报讯（记者 张清）"),
    ("本报记者 王五 通讯员 赵六 报道：", "本报记者 王五 通讯员 赵六 报道："),
])
def test_an_inline_bylines_printed_spaces(printed, kept):
    text = printed + "今年以来，全市经济运行总体平稳，主要指标好于预期，\n工业生产稳步回升，消费市场持续活跃。\n"
    first = parse_text(text).articles[0].paragraphs[0].text.value
    assert first.startswith(kept + "今年以来")
