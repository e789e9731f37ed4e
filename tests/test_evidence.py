"""Headline evidence between two bodies (stages/evidence.py): lexical cohesion without
the bigrams most articles share, and the cues that keep a section in its article."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from banmian.stages import cohesion, evidence

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "rmrb-2019-dev.jsonl.gz"


def test_common_bigrams_ship_with_the_package():
    assert len(cohesion.COMMON_BIGRAMS) == 400
    assert {"中国", "发展", "工作", "记者"} <= cohesion.COMMON_BIGRAMS
    assert "控烟" not in cohesion.COMMON_BIGRAMS and "吸烟" not in cohesion.COMMON_BIGRAMS


def test_two_texts_sharing_only_common_words_have_no_cohesion():
    # about two different things, in the words every article uses
    before = ["中国经济发展的重要工作", "我们要推动社会建设"]
    after = ["法国控烟措施取得成效", "中国发展的重要工作"]
    assert cohesion.cohesion(before, after) < 0.2
    shared = ["法国控烟措施取得成效", "吸烟人口明显下降"]
    assert cohesion.cohesion(shared, ["法国控烟力度加大", "吸烟人口下降"]) > 0.3


def test_figures_are_no_subjects_words():
    # two articles full of statistics share their figures by chance, not their subject
    assert cohesion.line_bigrams("2018年接待游客99万人次") == frozenset({"年接", "接待", "待游", "游客", "万人", "人次"})
    assert cohesion.cohesion(["2018年增长7.9%，达99万"], ["2018年下降7.9%，为99元"]) == 0.0


@pytest.mark.parametrize("text, item", [("镜头四", True), ("看点二", True), ("记忆之三", True),
                                        ("镜头一", False), ("第二", True), ("法国控烟措施初见成效", False),
                                        ("四个引领", False)])
def test_a_label_numbered_past_one_is_one_more_of_a_series(text, item):
    assert (evidence.SERIES_ITEM.fullmatch(text) is not None) is item


def test_common_bigrams_are_what_the_corpus_gives():
    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpora")
    r = subprocess.run([sys.executable, "-m", "benchmarks.common_bigrams", "--check"], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def _runs(text: str):
    from banmian.readers import pages_from_text
    from banmian.stages import layout, normalize
    return evidence.to_runs(layout.label_lines(normalize.measure_lines(pages_from_text(text)[0])))


@pytest.mark.parametrize("heading, alike", [("绿色发展，构筑西部生态安全屏障", True), ("共建共享，持续提升黄河之滨颜值", True),
                                            ("生态，构筑西部生态安全屏障", False), ("绿色发展构筑西部生态安全屏障", False),
                                            ("64岁，练起铁人三项", False)])
def test_sub_headings_built_alike_are_one_series(heading, alike):
    """A short phrase and a comma at the same place make a parallel series of sub-headings
    ("脱贫攻坚，奋力攻克贫困堡垒" / "绿色发展，构筑西部生态安全屏障"), whatever each section is about."""
    body = "甘肃贫困人口由2012年底的692万降到\n2018年底的111万，贫困发生率降到5.6%。\n"
    prev = _runs("脱贫攻坚，奋力攻克贫困堡垒\n" + body)
    lines = tuple(x._replace(label="heading") if k == 0 else x for k, x in enumerate(y for r in prev for y in r.lines))
    run = _runs(heading + "\n")[0]
    assert evidence._like_a_heading_before(run, evidence.Run("body", lines)) is alike


def test_parallel_sub_headings_may_open_with_figures():
    body = "十年前，他第一次穿上跑鞋，从三公里\n跑起，一跑就是十年，从未间断过。\n"
    prev = _runs("53岁，开始练习长跑\n" + body)
    lines = tuple(x._replace(label="heading") if k == 0 else x for k, x in enumerate(y for r in prev for y in r.lines))
    assert evidence._like_a_heading_before(_runs("64岁，练起铁人三项\n")[0], evidence.Run("body", lines))


@pytest.mark.parametrize("label, alike", [("核心阅读", False), ("编者按", False), ("新变化", True)])
def test_an_article_label_is_no_sub_heading_of_a_series(label, alike):
    """A label that only opens an article ("核心阅读" over its summary) is no section heading:
    a short run later in the body is not one of its series for being as short."""
    body = "除夕夜，承载了中国人特别的情怀。年夜\n饭的每一道菜，都散发着幸福的味道。\n"
    prev = _runs(label + "\n" + body)
    lines = tuple(x._replace(label="heading") if k == 0 else x for k, x in enumerate(y for r in prev for y in r.lines))
    assert evidence._like_a_heading_before(_runs("赶年集\n")[0], evidence.Run("body", lines)) is alike


@pytest.mark.parametrize("other, alike", [("大山的召唤", True), ("大山的孩子们", False), ("小城的召唤", False)])
def test_one_line_runs_opening_alike_are_one_series(other, alike):
    """One-line runs as wide as each other and opening on the same words are a series'
    sub-headings ("大山的渴望", "大山的召唤"), weighed as such, not as lone headings."""
    run, sibling = _runs("大山的渴望\n")[0], _runs(other + "\n")[0]
    assert evidence.same_opening(run, {1: [run, sibling]}) is alike


def _vocab_lines(start: int, n: int, width: int = 15) -> list[str]:
    # lines of ideographs from a block of the code table of their own: their bigrams are
    # shared with no other block's (and are no common words)
    return ["".join(chr(start + (k * width + j) * 7 % 3000) for j in range(width)) for k in range(n)]


@pytest.mark.parametrize("own_lines, title", [(13, True), (2, False)])
def test_a_short_section_is_read_on_past_the_next_run(own_lines, title):
    """Before a short section the text after it is read on past the next run; a section of
    a third of the window or more may part at a share of 1.5%, a line or two only at 1%."""
    before = _vocab_lines(0x5000, 40)
    own, beyond = _vocab_lines(0x6000, own_lines), _vocab_lines(0x7000, 40)
    a = frozenset().union(*map(cohesion.line_bigrams, (own + beyond)[:cohesion.COHESION_LINES]))
    shared = sorted(a)[:int(0.012 * len(a)) + 1]  # about 1.2% of the window's bigrams
    before[0] = "".join(shared)
    share = cohesion.cohesion(before, (own + beyond)[:cohesion.COHESION_LINES])
    assert evidence.BEYOND_SHORT_SHARE < share < evidence.BEYOND_SHARE
    runs = [_runs("\n".join(t) + "\n")[0] for t in (before, own, beyond)]
    prev, nxt, more = (evidence.Run("body", r.lines) for r in runs)
    assert evidence.change_of_subject(prev, nxt, evidence.COHESION_MIN_LINES, more.lines) is title


@pytest.mark.parametrize("closing, end", [("汉尼尔矿井的关闭承载着历史", 24), ("全军将士改革强军砥砺前行", 20)])
def test_a_closing_paragraph_stays_with_the_text_it_sums_up(closing, end):
    """Where two merged articles meet, the least cohesive point may fall before the first
    one's short closing paragraph: the next point within a few lines ends it instead, when
    the lines between echo the text before more than the text after."""
    from banmian.stages.merged import _closing_end
    before = ["德国最后一座硬煤矿汉尼尔矿井关闭", "矿工兄弟文化承载着历史与信任"] * 10
    after = ["全军将士永远难忘的历史瞬间", "改革强军砥砺前行的庄严昭示"] * 10
    texts = before + [closing] * 4 + after
    assert _closing_end(texts, 20, {20, 24}) == end


@pytest.mark.parametrize("sibling, title", [("生态旅游带动乡村振兴", False), (None, True)])
def test_a_lone_run_with_a_sibling_next_is_no_lone_one(sibling, title):
    """A one-line heading-like run with no sub-heading before it parts two articles at a 3%
    bigram share (two articles on one subject share 2-3%), unless the run after the next
    body is a one-line sibling of its width: then it is one of a series, weighed at 2%."""
    before, after = _vocab_lines(0x5000, 40), _vocab_lines(0x6000, 40)
    a = frozenset().union(*map(cohesion.line_bigrams, after))
    before[0] = "".join(sorted(a)[:int(0.025 * len(a)) + 1])  # about 2.5% of the bigrams after
    assert cohesion.COHESION_SHARE < cohesion.cohesion(before, after) < evidence.LONE_SHARE
    prev, nxt = (evidence.Run("body", tuple(x for r in _runs("\n".join(t) + "\n") for x in r.lines))
                 for t in (before, after))
    run = evidence.Run("head", _runs("严格制度擦亮生态底色\n")[0].lines)
    following = evidence.Run("head", _runs(sibling + "\n")[0].lines) if sibling else None
    assert bool(evidence.title_evidence(run, prev, nxt, following=following)) is title


@pytest.mark.parametrize("under, title", [(["激扬青春力量", "书写时代华章"], True), (["力量", "书写时代华章的新篇"], False)])
def test_two_lines_of_one_measure_under_a_column_wide_line(under, title):
    """A line as wide as the column heads a sub-heading wrapped there, whose last line alone
    is short; two short lines of one measure under it are a field of their own (a wide
    kicker over a title), whatever the text on either side shares."""
    text = _vocab_lines(0x5000, 20, width=19)  # (the same words on both sides: one subject)
    prev = nxt = evidence.Run("body", tuple(x for r in _runs("\n".join(text) + "\n") for x in r.lines))
    lines = ["中国大学生创新创业大赛举办五年回顾", *under]
    run = evidence.Run("head", tuple(x._replace(label="head") for r in _runs("\n".join(lines) + "\n") for x in r.lines))
    assert bool(evidence.title_evidence(run, prev, nxt)) is title


@pytest.mark.parametrize("continued, title", [(True, False), (False, True)])
def test_a_jumped_texts_label_over_its_phrase_is_one_more_sub_heading(continued, title):
    """In a text jumped from another page a short label over its phrase is one more of the
    sub-headings that stand on that page, not a title set in three lines of display type."""
    text = _vocab_lines(0x5000, 20, width=19)  # (the same words on both sides: one subject)
    prev = nxt = evidence.Run("body", tuple(x for r in _runs("\n".join(text) + "\n") for x in r.lines))
    run = evidence.Run("head", tuple(x._replace(label="head") for r in _runs("长久\n多方来建设\n精细化管理\n")
                                     for x in r.lines))
    assert bool(evidence.title_evidence(run, prev, nxt, continued=continued)) is title


def test_a_documents_closing_lines_end_the_article_before_a_cut():
    """The date a statement was signed and its dateline note share no words with the
    statement, so a cut by cohesion may fall before them: they end the article before it."""
    texts = ["十二、访问期间，两国元首见证签署了合作文件。", "2019年10月25日于北京", "（新华社北京10月25日电）", "初秋一个午夜，我再次住进张掖。"]
    assert evidence.past_closing_lines(texts, 1) == 3
    assert evidence.past_closing_lines(texts, 3) == 3 and evidence.past_closing_lines(texts, 0) == 0
    # ... and so do a closing note, wrapped over two column lines, and the writer's name
    texts = ["作的必需。", "（作者为本报天津分社记", "者）", "“做好乡村振兴这篇大"]
    assert evidence.past_closing_lines(texts, 1) == 3
    texts = ["惠及22万建档立卡贫困人口。", "（齐志明）", "随着商事制度改革不断推进"]
    assert evidence.past_closing_lines(texts, 1) == 2
    # (an interview set down by a reporter closes one piece of a compilation, not the article)
    texts = ["他说。", "（本报记者任姗姗采访整理）", "下一位受访者说"]
    assert evidence.past_closing_lines(texts, 1) == 1


def test_a_signed_date_ends_its_paragraph():
    from banmian.readers import pages_from_text
    from banmian.stages import normalize
    page = pages_from_text("两国元首见证签署了合作文件。\n2019年10月25日于北京\n（新华社北京10月25日电）\n")[0]
    infos = normalize.measure_lines(page)
    assert infos[1].text == "2019年10月25日于北京" and infos[1].terminal
