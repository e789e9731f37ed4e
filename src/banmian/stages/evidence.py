"""Headline-like runs between two bodies: the evidence that one is an article's headline
rather than a sub-heading of the body around it, read with the lexical cohesion of
:mod:`.cohesion` that tells two articles' text from two sections of one.

Split from :mod:`.assemble`, which weighs each run with :func:`title_evidence` and cuts
merged bodies where the subject changes (:func:`.cohesion.low_cohesion`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Literal

from .attach import bigrams, overlap_text, share_in
from .cohesion import COHESION_LINES, COHESION_SHARE, line_bigrams, low_cohesion
from .headlines import TITLE_TAG, split_fields
from .layout import ADDRESS, PARAGRAPH_MEASURE, Labelled
from .normalize import SOURCE_NOTE
from .reflow_cues import (ARTICLE_LABELS, DATELINE_NOTE, EDITOR_SIGNATURE, IDEOGRAPHS, INLINE_BYLINE_START, NOTE_LINES,
                          SIGNED_DATE, SIGNED_NAMES, ends_article, opens_article, reporter_lead)
from .shapes import COLUMN_TAG, PUNCT_ANY, RUNNING_BRACKET, SENTENCE_PUNCT, SENTENCE_STOP, opens_on_when, wrapped_tag

Order = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Run:
    kind: str  # "head" | "body" | "byline" | "jump" | "furniture"
    lines: tuple[Labelled, ...]


RegionOf = Mapping[int, int]  # line number -> article region (PDF pages, :mod:`.regions`)


def to_runs(labelled: list[Labelled], region_of: RegionOf | None = None) -> list[Run]:
    """Consecutive lines of one kind (and one region, where the page geometry gave
    regions); numbered headings travel with the body."""
    def kind(x: Labelled) -> str:
        return "body" if x.label == "heading" else x.label
    key: Callable[[Labelled], Any] = kind if region_of is None else (
        lambda x: (kind(x), region_of.get(x.info.line.number)))
    runs: list[Run] = []
    for k, group in groupby(labelled, key=key):
        g = tuple(group)
        k = k if region_of is None else k[0]
        if k in ("jump", "byline"):  # each its own run: a marker or byline is one unit
            runs.extend(Run(k, (x,)) for x in g)
        else:
            runs.append(Run(k, g))
    return runs


def run_width(run: Run) -> float:
    from .reflow import body_width
    return body_width(list(run.lines))


LEAD_BULLET = "■"
NAME_CHARS = 4  # a run this short may be a name: a signed piece's writer over its text
ECHO_LINES = 12
# A sub-heading set over four or more lines carries its section's one-sentence
# summary ("镜头一 / 高铁修到了镇上 / 基础设施建设成效喜人， / 仍须继续补短板"); a title
# in four lines is display phrases and seldom holds a sentence's comma (on generated
# pages: 32 of 41 such sub-headings have one, 1 of 8 titles).
SENTENCE_COMMA = "，"
# A sub-heading echoes its article's lead too, but it announces the text under it
# and often shares words with that text's first lines; a title set after its body
# is followed by another article and shares none (on generated pages: 21 of 40
# sub-headings taken for such titles share some, none of the 19 titles do).
ECHO_AHEAD_MAX = 0.05
ECHO_OTHER_MAX = 0.2  # ... and shares this little with the lead before
COHESION_MIN_LINES = 20  # fewer on either side say too little
# A sub-heading comes in a series; one heading-like line in a body so far, with no
# sibling of its shape on the page, is weighed on shorter sides (14 lines: at 10 a
# recipe's dish names, each about something else, were read as titles), and against a
# higher share: two articles on one subject ("春节，重新看见“我们”" beside a walk down a
# festive street abroad) share 2-3% of their bigrams, and a lone sub-heading is the
# rarer thing (on the generated sets, 6 pages gained, 2 lost a lone sub-heading).
LONE_MIN_LINES = 14
LONE_SHARE = 0.03
CONTINUED_SHARE = 0.005
# A label numbered past one ("镜头四", "看点二", "记忆之三") is one more of its article's
# series of sections, however far the section's subject is from the one before it.
SERIES_ITEM = re.compile(r"[\u4e00-\u9fff]{1,4}?之?[二三四五六七八九十]{1,2}")
SERIES_LABEL_EMS = 4.0  # a sub-heading this short, of a series, is a label ("心声", "巨变")
# A column tag (栏目名) names a column in words.  Brackets holding Latin letters, a
# list or a gloss are running text's ("自然语言处理（NLP）", "9个省（区、市）",
# "海子（即湖泊）"): on generated pages 6 such brackets gave headline evidence to
# body lines, none of 188 tags that did to a title.  (Nor does a photo reference or an
# organisation's other name: :data:`~.layout.RUNNING_BRACKET`.)
NOT_A_COLUMN = re.compile(r"[（(](?:[^（）()]*[A-Za-z、]|[即含])[^（）()]*[）)]$")


def _no_column(text: str) -> bool:
    """Does ``text`` end on a bracket of running text rather than a column tag?"""
    return NOT_A_COLUMN.search(text) is not None or RUNNING_BRACKET.search(text) is not None
# A tag ends its title.  One whose line runs as wide as the column into a
# full-width next line is a bracket inside text wrapped in the column ("此外，乌鲁木
# 齐高新区（新市区） / 与27家金融机构和200余家企业达成 / …"): on generated pages all
# 5 tags so set were body text; titles' mid-run tags are followed by a deck ("——…")
# or a lead line wrapped in display type.
TAG_RUNS_ON = 1.0  # a next line within this of the column width runs on full
COLUMN_LINE_SLACK = 2.5  # a line within this of the column width is set in the column
TAGGED_CORE_CHARS = 4  # a title's words before its column tag, at least


def quoted(run: Run) -> bool:
    """A run that is one quotation ("“积年累月，…尽力”"): a feature's sub-headings quote
    its people, each its own way, so their lines do not match in width."""
    return run.lines[0].info.text[:1] == "“" and run.lines[-1].info.text[-1:] == "”"


# A sub-heading often pairs a short label with a longer phrase ("独幽琴 / 古琴界鉴定
# 唐琴的三大标准器之一", "镜头二 / 贫困户住进新房"), and an article's sub-headings
# repeat that shape with lines of their own widths, so :func:`same_shape` misses
# them.  A title wrapped in display type fills its first line; a kicker over its
# title has the shape too, but seldom a second such run on its page (on generated
# pages, of two-line runs taken for titles as wrapping short of the column: 19 of
# 41 sub-headings are such a label over a phrase with another on their page, none
# of 68 titles are; 3 titles are such a pair alone on their page).
LABEL_SHORTER = 1.5  # ems by which a label line falls short of the phrase under it


def label_over_phrase(run: Run) -> bool:
    """A two-line run whose first line is a short label over a longer phrase."""
    return len(run.lines) == 2 and run.lines[0].info.width <= run.lines[1].info.width - LABEL_SHORTER


LABEL_MAX_EMS = 8.0  # a label, of words alone, is at most this wide


def label_first(run: Run) -> bool:
    """Does ``run`` open with a short label of words alone over a longer line (the
    phrase under it, which may wrap), without a column tag (a kicker over its title:
    "湖南省博物馆 / 馆藏珍品介绍（华夏博物 / 之旅）")?"""
    first = run.lines[0].info
    return (len(run.lines) >= 2 and first.width <= LABEL_MAX_EMS
            and first.width <= run.lines[1].info.width - LABEL_SHORTER and IDEOGRAPHS.fullmatch(first.text) is not None
            and not TITLE_TAG.search("".join([x.info.text for x in run.lines[1:]])))


def same_shape(a: Run, b: Run) -> bool:
    """Two runs of two or more lines whose lines match in width, line for line."""
    return (len(a.lines) == len(b.lines) >= 2
            and all(abs(x.info.width - y.info.width) <= 1.0 for x, y in zip(a.lines, b.lines)))


def same_label(run: Run, heads_of_size: Mapping[int, list[Run]]) -> bool:
    """Is ``run`` a short label over a phrase (wrapped or not), with another such run of
    the page whose label is exactly as wide: a series' sub-headings ("覆盖越来越广 / 年客运量
    达697亿人次", "方式越来越多 / 定制公交、商务班车等满足多 / 样化出行需求")."""
    if len(run.lines) < 2 or not label_first(run):
        return False
    width = run.lines[0].info.width
    return any(other is not run and label_first(other) and other.lines[0].info.width == width
               for size, others in heads_of_size.items() if size >= 2 for other in others)


SERIES_OPENING = 2  # characters two one-line runs open alike on to be one series ("大山的渴望", "大山的召唤")


def same_opening(run: Run, heads_of_size: Mapping[int, list[Run]]) -> bool:
    """Is ``run`` one line of words opening as another one-line run of the page does, just
    as wide: a series' sub-headings ("大山的渴望", "大山的召唤")?  Two titles seldom share
    their first words and their length."""
    if len(run.lines) != 1:
        return False
    first = run.lines[0].info
    return IDEOGRAPHS.fullmatch(first.text) is not None and any(
        other is not run and other.lines[0].info.width == first.width
        and other.lines[0].info.text[:SERIES_OPENING] == first.text[:SERIES_OPENING]
        for other in heads_of_size.get(1, ()))


def title_evidence(run: Run, prev: Run, nxt: Run, order: Order = "before",
                    series: bool = False, width_of: Callable[[Run], float] = run_width,
                    following: Run | None = None, headless: bool = False, continued: bool = False,
                    beyond: Sequence[Labelled] = (), mixed: bool = False) -> str:
    """Why a headline-like run between two bodies is an article's headline, or "".

    Sub-headings (小标题) are set in the column: one line, or lines wrapped at the
    column width.  Titles are set in display type (wrapping well short of the
    column, or wider than it), carry a column tag ("（人民时评）"), and start an
    article: a byline may open the next body.  (Kicker-like wording, several
    fields and a change of column width were tried as cues too: on generated
    pages they fired on sub-headings more often than on titles.)  ``following`` is
    the run after ``nxt``: where headlines follow their bodies, it may be ``nxt``'s;
    ``headless``: ``prev`` opens the page's text, with no headline above it;
    ``continued``: ``prev`` goes on from another page ("（上接第1版）"); ``beyond``: body
    lines of the runs after ``nxt``, read where ``nxt`` is too short to weigh cohesion;
    ``mixed``: the page's edges disagree on where its headlines stand (its text opens
    with a body and ends with one), as where some are printed after their bodies and
    some before.
    """
    if opens_article_at(nxt.lines, 0):
        return "a byline opens the next body"
    # A jumped text's sub-headings are a series whose first items stand on the page it came
    # from: a short label over its phrase there is one more ("长久 / 多方来建设 / 精细化管理"
    # after "过去 / 居民不让建 / 宁肯不方便" on page 1).
    series = series or (continued and label_first(run))
    if nxt.lines[0].info.text[:2] in ("记者", "本报") and prev.lines[-1].info.terminal and reporter_lead(
            nxt.lines[0].info.text, nxt.lines[1].info.text if len(nxt.lines) > 1 else ""):
        # a local paper's lead ("记者从市人社局获悉，"): in the dev corpus 9 paragraphs open
        # so, none of them under a sub-heading (after an open sentence, the run is its end:
        # "…增加降雪量约 / 7%—11%")
        return "a news lead (记者从…获悉) opens the next body"
    if (nxt.lines[0].info.text[:1] == LEAD_BULLET and prev.lines[-1].info.terminal
            and sum(len(x.info.text) for x in run.lines) > NAME_CHARS
            and not any(LEAD_BULLET in x.info.text for x in run.lines)):  # (a point that runs on: its own)
        # An article's lead points open with "■" under its headline ("■超过80%的农作物需要
        # 蜜蜂授粉…"): in the dev corpus 63 articles open so, and no text under a sub-heading
        # does (16 open so under a name, a compilation's piece signed over its text).
        return "the next body opens with its lead's bullet points"
    last = prev.lines[-1].info.text
    if note_ends_at(prev.lines, len(prev.lines) - 1) or SOURCE_NOTE.fullmatch(last) \
            or DATELINE_NOTE.fullmatch(last):
        return "the body before it ends with its closing note"
    if DATELINE_NOTE.fullmatch(nxt.lines[-1].info.text) and INLINE_BYLINE_START.match(prev.lines[0].info.text):
        # an article gives its dateline once: before its text, or after it as a note
        return "the body before it opens with a dateline and the body after it ends with one"
    if any(x.info.text.startswith("——") and len(x.info.text) >= 6 for x in run.lines[1:]) \
            and not run.lines[0].info.text.startswith("——"):
        return "a subtitle under it (a sub-heading has none)"
    if any(x.why == "set larger than the body type" for x in run.lines):
        return "set in larger type"
    if prev.lines[-1].column_width >= PARAGRAPH_MEASURE and _blank_lines_part_articles(prev, run, nxt):
        return "set apart by blank lines, as this page parts its articles and not its paragraphs"
    width = max(width_of(prev), width_of(nxt))  # (measured only where the cues above said nothing)
    if any(x.info.min_width > width + 0.5 for x in run.lines):
        return "wider than the column"
    if (last[-3:-1] == "整理" and PIECE_NOTE.fullmatch("".join([x.info.text for x in prev.lines[-NOTE_LINES:]]))) \
            or EDITOR_SIGNATURE.fullmatch(last):
        # "（本报记者任姗姗采访整理）" closes an interview set down by a reporter, most often one
        # piece of a compilation (in the corpus 64 such notes stand inside articles, 31 end
        # one), and "——编者" the editor's note before the pieces: only the cues above, which
        # a piece's heading lacks, make what follows a title
        return ""
    # A line as wide as the column is text set in the column: a sub-heading with
    # its short lead ("识别须精准 / 为防止贫困户漏评，一村一策、一户…").
    # (two lines of one measure under the last such line are no wrap at the column: a wrap
    # leaves its last line short, and no other — "…大赛举办五年" over "激扬青春力量 /
    # 书写时代华章" is a wide kicker over a title)
    full = [k for k, x in enumerate(run.lines) if x.info.max_width >= width - COLUMN_LINE_SLACK]
    column_wrapped = bool(full) and not (
        len(run.lines) - full[-1] >= 3
        and abs(run.lines[full[-1] + 1].info.width - run.lines[full[-1] + 2].info.width) <= 0.5)
    # ``series``: another headline-like run of the page has this one's shape.  An
    # article's sub-headings come in parallel series ("新机遇 / 时不我待…",
    # "新变革 / 敢闯敢试…"), set alike; titles of different articles seldom match
    # line for line, so the shape of a wrap says nothing then.
    if len(run.lines) >= 3 and not column_wrapped and not series:
        return "three or more lines in display type"
    if _column_tag(run, width) and not run.lines[0].info.text.startswith(("（", "(")):
        return "carries a column tag"
    if len(run.lines) >= 4 and not any(SENTENCE_COMMA in x.info.text for x in run.lines):
        return "four or more lines"
    # (a sub-heading of a series, set like one before it or a label over a phrase with
    # another such run on its page, "小本经营 / 手艺代代相传", "申报非遗 / 生意日益红火",
    # echoes the lead of its own article; a compilation's signed pieces open alike, "梦想 /
    # 成新平", "绽放 / 阿炉·芦根", their writers' names of their own lengths)
    like_a_heading = _like_a_heading_before(run, prev)
    if len(run.lines) > 1 and not column_wrapped and (not series or _one_phrase_wrapped(run)) and not like_a_heading:
        return "wraps short of the column (display type)"
    # (not one of a series of sub-headings, which echo the text around them as they open
    # alike: "提高运用制度和法律促进 / 社会公平正义的能力" after "…全面 / 深化改革的能力")
    if headless and len(run.lines) > 1 and not series and _two_sides(run, prev, nxt):
        return "holds a headline line echoing the headless body before and one echoing the body after"
    long_before = order == "after" and len(prev.lines) >= 8
    # (on a page of mixed order, not where the texts on either side are long enough to weigh
    # their words and share them: a long article's sections echo its lead and each its own
    # sub-heading, "春节档票房冠军的“青岛拍摄故事”" / … / "灵山湾影视产业园：…")
    if (long_before or ((order == "after" or (mixed and not _one_subject(prev, nxt)))
                        and following is not None and following.kind == "head")) \
            and not (series and (label_over_phrase(run) or quoted(run))) and not like_a_heading:
        lead = "".join([x.info.text for x in prev.lines[:ECHO_LINES]])
        grams = bigrams("".join([x.info.text for x in run.lines]))
        if share_in(grams, lead) >= 0.5:
            ahead = "".join([x.info.text for x in nxt.lines[:6]])
            if long_before and share_in(grams, ahead) < ECHO_AHEAD_MAX:
                return "echoes the lead of the article before it (headlines follow bodies here)"
            # One word of it recurs in the next body's opening ("全市新改建农村公路860公里" /
            # "11月20日，全市冬季森林防火…"): by chance, or as a sub-heading's words recur in its
            # section.  The next headline says which: a sub-heading's section runs on to the
            # article's title, which echoes the article's lead; a body followed by a headline
            # that echoes its own opening, and not that lead, is an article of its own.
            if following is not None and following.kind == "head" and sum(map(ahead.__contains__, grams)) <= 1:
                # (the run after the next body may hold the next article's headline too,
                # printed before its own body: its first lines are read alone as well)
                own_lead = "".join([x.info.text for x in nxt.lines[:ECHO_LINES]])
                if any(overlap_text(following.lines[:k], own_lead) >= 0.5
                       and overlap_text(following.lines[:k], lead) < ECHO_OTHER_MAX
                       for k in range(len(following.lines), 0, -1)):
                    return "echoes the lead of the article before it, and the next body is echoed by its own headline"
    headed = any(x.label == "heading" for x in prev.lines)  # the body has sub-headings already
    # (a short label set like another headline-like run of the page, in a body with
    # sub-headings, is one more of the series: a compilation's signed pieces "心声 / 李彬",
    # "巨变 / 程秋生" are each about something else; two-line titles often match a wrapped
    # sub-heading's shape by chance)
    label = series and headed and run.lines[0].info.width <= SERIES_LABEL_EMS
    # (a text jumped from another page is a long one, and runs on under its sub-headings:
    # a section about another side of the story is told from the next article by its
    # words alone only where they share next to none, CONTINUED_SHARE)
    # (a one-line run with a sibling of its width next, the section after it heading a
    # third, "严格制度擦亮生态底色" / … / "生态旅游带动乡村振兴", is no lone one)
    sibling = (following is not None and following.kind == "head" and len(following.lines) == len(run.lines) == 1
               and abs(following.lines[0].info.width - run.lines[0].info.width) <= 1.0)
    share = CONTINUED_SHARE if continued else COHESION_SHARE if series or headed or sibling else LONE_SHARE
    if not label and not like_a_heading and not SERIES_ITEM.fullmatch(run.lines[0].info.text) and \
            change_of_subject(prev, nxt, COHESION_MIN_LINES if series or headed or continued else LONE_MIN_LINES,
                              beyond, share):
        return "the text after it shares almost no words with the text before it"
    if not label and not like_a_heading and not series and _names_dated_lead(run, prev, nxt):
        return "the text after it opens on its date and names what the run says, the text before does not"
    return ""


DATED_ECHO = 0.5  # a run naming this share of the dated lead's first sentence is its title


def _names_dated_lead(run: Run, prev: Run, nxt: Run) -> bool:
    """Does the text after the run open on its date ("7月3日，全市中小学生暑期安全教育活动
    启动，…") or when it was ("日前，…") with a first sentence that names what the run says,
    the text before it not?  In the dev corpus 17 of 149 titles over a dated lead echo its
    first sentence so, 2 of 35 sub-headings over a dated section do; over "近日，" and the
    like, 10 of 61 titles and 1 of 20 sub-headings."""
    if not opens_on_when(nxt.lines[0].info.text):
        return False
    text = "".join([x.info.text for x in nxt.lines[:SENTENCE_LINES]])
    sentence = text[:m.start()] if (m := SENTENCE_STOP.search(text)) else text
    grams = bigrams("".join([x.info.text for x in run.lines]))
    return share_in(grams, sentence) >= DATED_ECHO and share_in(
        grams, "".join([x.info.text for x in prev.lines[:ECHO_LINES]])) < ECHO_OTHER_MAX


SENTENCE_LINES = 6  # lines a lead's first sentence is looked for in


def _one_subject(prev: Run, nxt: Run) -> bool:
    """Are the texts on either side long enough to weigh their words (LONE_MIN_LINES each),
    and do they share them as one article's sections do?"""
    return (min(len(prev.lines), len(nxt.lines)) >= LONE_MIN_LINES
            and low_cohesion([x.info.text for x in prev.lines], [x.info.text for x in nxt.lines], LONE_SHARE) is None)


def _two_sides(run: Run, prev: Run, nxt: Run) -> bool:
    """Does one line of ``run`` echo the lead of the body before it and another the lead
    of the body after it, neither echoing the other side?  Asked where the body before
    opens the page without a headline: the headlines of two articles stand together
    where one is printed after its body and the next before its own (an extractor
    reading a page by blocks: "…晚上10点。 / 暑期旅游持续升温 / 乐山大佛景区暑期
    接待游客同比增长18% / 全市上半年新增城镇就业2.3万人 / 记者从市人社局获悉，…").  Under
    a headline, a sub-heading's label may echo the article's lead as well as its deck the
    section's ("移风易俗好生活 / …陈规陋习正被改变"), so elsewhere this says nothing."""
    before = "".join([x.info.text for x in prev.lines[:ECHO_LINES]])
    after = "".join([x.info.text for x in nxt.lines[:ECHO_LINES]])
    back = ahead = False
    for x in run.lines:
        grams = line_bigrams(x.info.text)
        if len(grams) < SIDE_MIN_BIGRAMS or PUNCT_ANY.search(x.info.text):
            continue  # (a wrapped sub-heading's first line may run on: "审什么：廓清内容范围，“重大”")
        b, a = share_in(grams, before), share_in(grams, after)
        back = back or (b >= 0.5 and a < ECHO_OTHER_MAX)
        ahead = ahead or (a >= 0.5 and b < ECHO_OTHER_MAX)
    return back and ahead


SIDE_MIN_BIGRAMS = 4  # a line of fewer bigrams echoes a text by chance too often


# The note under an interview the paper set down ("（本报记者任姗姗采访整理）"), read over the
# last lines of a body (it may wrap, and the line before it may end its paragraph too).
PIECE_NOTE = re.compile(r".*?[（(][^（）()]{2,80}整理[）)]")


PARALLEL_LEAD = 6  # the short phrase before the comma of a parallel sub-heading, at most
_PHRASE = re.compile(r"[\u4e00-\u9fff0-9]+")  # ... of ideographs and figures ("53岁，开始练习长跑")


def _like_a_heading_before(run: Run, prev: Run) -> bool:
    """Does the body before ``run`` hold a sub-heading whose first line is exactly as
    wide as ``run``'s, both of three or more ideographs and nothing else, or one built as
    ``run``'s is, a short phrase and a comma at the same place?  An article's sub-headings
    are set alike ("问题导向找症结", "满怀热忱补短板", "闯出一片新天地"; "脱贫攻坚，奋力攻克
    贫困堡垒", "绿色发展，构筑西部生态安全屏障"), and a section about another side of the
    story shares few words with the one before."""
    first = run.lines[0].info
    # (a parallel construction: a short phrase and a comma at the same place, "脱贫攻坚，
    # 奋力攻克贫困堡垒", "绿色发展，构筑西部生态安全屏障", "共建共享，持续提升黄河之滨颜值")
    comma = first.text.find("，")
    if 2 <= comma <= PARALLEL_LEAD and _PHRASE.fullmatch(first.text[:comma]) and "。" not in first.text:
        return any(x.label == "heading" and x.info.text.find("，") == comma and "。" not in x.info.text
                   and _PHRASE.fullmatch(x.info.text[:comma]) for x in prev.lines)
    # (a word of two over a second line is a signed piece's label over its writer's name,
    # "梦想 / 成新平"; alone, two characters are any short heading's)
    if first.width < (2 if len(run.lines) > 1 else 3) or not IDEOGRAPHS.fullmatch(first.text):
        return False
    # (labels of a word or two are set alike without matching in length: "祈愿饺子",
    # "花饽饽", "豆面油灯", "出门儿")
    label = len(run.lines) == 1 and first.width <= SERIES_LABEL_EMS
    # (a sub-heading's first line: the tail of one wrapped, "（八）加强纪检监察机关 / … /
    # 本领扎实推动各项工作", is no shape of the series; nor is a label that only opens an
    # article, "核心阅读" over its summary, a section's heading)
    return any(x.label == "heading" and (k == 0 or prev.lines[k - 1].label != "heading")
               and IDEOGRAPHS.fullmatch(x.info.text) and not ARTICLE_LABELS.match(x.info.text)
               and (x.info.width == first.width or (label and x.info.width <= SERIES_LABEL_EMS))
               for k, x in enumerate(prev.lines))


WRAP_MIN_EMS = 6.0  # a wrapped title's full first line holds more than a label does
WRAP_SHORTER = 1.5  # ems a wrapped title's last line falls short of its first, at least


def _one_phrase_wrapped(run: Run) -> bool:
    """Is ``run`` one phrase wrapped at a display measure ("全市上半年新增城 / 镇就业2.3万人"):
    one field, its first line full and longer than the rest?  Titles of one size over
    columns of one width wrap alike, so their shapes match as a series' sub-headings'
    do; a sub-heading that takes two lines is a label over a phrase, two fields."""
    lines = run.lines
    first = lines[0].info.min_width
    # (a couplet's halves balance, "制造业高质量 / 搏击大风浪"; a quoted or comma-parted
    # sub-heading is a series' own, "园区有“保姆” / 企业破壳出", "党建引领，…")
    return (first >= WRAP_MIN_EMS and all(x.info.width <= first - WRAP_SHORTER for x in lines[1:])
            and not any("“" in x.info.text or "，" in x.info.text for x in lines)
            and len(split_fields(list(lines))) == 1)


def _column_tag(run: Run, width: float) -> bool:
    """Does a line of ``run`` end with a column tag: a bracketed name, not a gloss,
    ending a title rather than text running on in the column?"""
    lines = run.lines
    for k, x in enumerate(lines):
        text = x.info.text
        if not COLUMN_TAG.search(text) or _no_column(text):
            continue
        after = lines[k + 1].info if k + 1 < len(lines) else None
        if (after is not None and not after.text.startswith("——") and x.info.max_width >= width - COLUMN_LINE_SLACK
                and after.max_width >= width - TAG_RUNS_ON):
            continue
        return True
    # A tag the display measure broke ("当春节文化活动 / 走出唐人街（观 / 沧海）"), on lines
    # short of the column (text wrapped in the column fills its lines), or the column's
    # measure with nothing of a sentence about the break (:func:`.shapes.wrapped_tag`: "梦想在琴键
    # 上飞扬（我与新中国·庆 / 祝中华人民共和国成立 70 周年）").
    # Wrapped at the column's measure over three lines or more, the title's words are a
    # phrase without a sentence's marks, tag and all ("把忠诚执着朴实写入心田（人" / "民论坛·
    # 70华诞·倾听历史的回" / "声）"): text in the column holds them.
    last = lines[-1].info.text
    if len(lines) >= 2 and last[-1:] in "）)" and "（" not in last and "(" not in last:
        joined = "".join([x.info.text for x in lines])
        tag = TITLE_TAG.search(joined)
        return (tag is not None and not _no_column(joined)
                and (all(x.info.max_width < width - COLUMN_LINE_SLACK for x in lines[:-1])
                     or wrapped_tag(lines[-2].info, lines[-1].info, width)
                     or (len(lines) >= 3 and tag.start() >= TAGGED_CORE_CHARS
                         and not SENTENCE_PUNCT.search(joined.replace("·", "")))))
    return False


# Text read on past the next run is another section's, or another article's, as often
# as the short section's own: its cohesion is asked to be the lower, the more so where the
# section is a line or two (a label's, a name's) and the window mostly text beyond it.
BEYOND_SHARE = COHESION_SHARE * 0.75
BEYOND_SHORT_SHARE = COHESION_SHARE / 2


def change_of_subject(prev: Run, nxt: Run, min_lines: int = COHESION_MIN_LINES,
                      beyond: Sequence[Labelled] = (), share: float = COHESION_SHARE) -> bool:
    """Lexical cohesion (as in TextTiling): the sections of one article keep to its
    subject and share its words, while the next article is about something else.
    Over two sides of 40 column lines (~600 characters), less the bigrams most
    articles share (:data:`.cohesion.COMMON_BIGRAMS`) and figures, nine in ten pairs of sections of one
    article share 5% or more of their character bigrams; four in five pairs of
    articles under 2%.

    A short section after the run ("湖州：绿色成企业发展主色调" over 13 lines, then a
    sub-heading) is read on into the body text after it (``beyond``, headline-like
    runs left out): whether the run is a title or a sub-heading, that text is about
    what the section is about, the one article's or the next's."""
    if prev.lines[-1].column_width >= PARAGRAPH_MEASURE:
        return _change_by_chars(prev, nxt, beyond, share)
    after = [x.info.text for x in nxt.lines[:COHESION_LINES]]
    if len(after) < min_lines:
        after += [x.info.text for x in beyond[:COHESION_LINES - len(after)]]
    if len(prev.lines) < min_lines or len(after) < min_lines:
        return False
    coh = low_cohesion([x.info.text for x in prev.lines[-COHESION_LINES:]], after, share)
    return coh is not None and (len(nxt.lines) >= min_lines or coh < (
        BEYOND_SHARE if 2 * len(nxt.lines) >= min_lines else BEYOND_SHORT_SHARE))


BLANK_SHARE = 0.2  # of a text's paragraphs, at most this many set as far apart: blank lines part articles


def _blank_lines_part_articles(prev: Run, run: Run, nxt: Run) -> bool:
    """On a page of a paragraph to a line, do more blank lines stand before ``run`` than
    between all but a few of the paragraphs on either side (none between them and one
    before it, or one between them and two before it)?  A page that parts all its
    paragraphs alike says nothing by them."""
    def gaps(lines: Sequence[Labelled]) -> list[int]:
        return [b.info.line.number - a.info.line.number for a, b in zip(lines, lines[1:])]

    before = run.lines[0].info.line.number - prev.lines[-1].info.line.number
    inner = gaps(prev.lines) + gaps(nxt.lines)
    return before > 1 and bool(inner) and sum(g >= before for g in inner) <= BLANK_SHARE * len(inner)


COLUMN_LINE_CHARS = 15  # a column line's characters, for windows of a paragraph-to-a-line page
# Characters a side that are enough there, however short the run: such pages are often of
# short pieces (pages parting articles as they part paragraphs: exact 0.904 -> 0.923;
# the same from 120 down to 60)
PARAGRAPH_PAGE_LEAST = 120


def _change_by_chars(prev: Run, nxt: Run, beyond: Sequence[Labelled], share: float) -> bool:
    """:func:`change_of_subject` on a page of a paragraph to a line: its windows hold as
    many characters as the column lines would (a paragraph holds several of them; forty
    paragraphs are more than most articles have), and PARAGRAPH_PAGE_LEAST a side will do."""
    def window(texts: Sequence[str], limit: int) -> list[str]:
        out: list[str] = []
        size = 0
        for t in texts:
            if size >= limit:
                break
            out.append(t)
            size += len(t)
        return out

    limit, least = COHESION_LINES * COLUMN_LINE_CHARS, PARAGRAPH_PAGE_LEAST
    before = window([x.info.text for x in reversed(prev.lines)], limit)[::-1]
    after = window([x.info.text for x in (*nxt.lines, *beyond)], limit)
    own = sum(len(x.info.text) for x in nxt.lines)
    if sum(map(len, before)) < least or sum(map(len, after)) < least:
        return False
    coh = low_cohesion(before, after, share)
    return coh is not None and (own >= least or coh < (BEYOND_SHARE if 2 * own >= least else BEYOND_SHORT_SHARE))


ADDRESS_LEAD_CHARS = 12  # characters of the line that leads into an address ("栏目投稿邮箱："), at most


def address_lead(text: str, nxt: str) -> bool:
    """Does ``text`` lead into the address on the next line ("栏目投稿邮箱：" / "yxxz8494@163.com")?"""
    return len(text) <= ADDRESS_LEAD_CHARS and text[-1:] in "：:" and ADDRESS.fullmatch(nxt) is not None


def past_closing_lines(texts: Sequence[str], j: int) -> int:
    """Line ``j``, or past it the first line that is no document's closing line: the date
    it was signed ("2019年10月25日于北京"), its dateline note ("（新华社北京10月25日电）"), its
    writer's name ("（齐志明）"), a closing note, wrapped or not ("（作者为本报天津分社记" /
    "者）"), and the column's address to write to ("栏目投稿邮箱：" / "yxxz8494@163.com") end the article
    before a cut there, however little they share with its words."""
    while j < len(texts) - 1:
        if (SIGNED_DATE.fullmatch(texts[j]) or DATELINE_NOTE.fullmatch(texts[j]) or SIGNED_NAMES.fullmatch(texts[j])
                or ADDRESS.fullmatch(texts[j]) or address_lead(texts[j], texts[j + 1])):
            j += 1
            continue
        if texts[j][:1] in "（(":
            end = next((k for k in range(j, min(j + NOTE_LINES, len(texts) - 1))
                        if ends_article(list(texts[j:k + 1]))), None)
            if end is not None:
                j = end + 1
                continue
        break
    return j


def opens_article_at(lines: Sequence[Labelled], i: int) -> bool:
    """Does line ``i`` open an article (:func:`.reflow_cues.opens_article`, the next line
    read too for a byline wrapped in its date)?"""
    return opens_article(lines[i].info.text, lines[i + 1].info.text if i + 1 < len(lines) else "")


def note_ends_at(lines: Sequence[Labelled], i: int) -> bool:
    """Does line ``i`` end a closing note set as a paragraph of its own, one that ends
    its article?"""
    if lines[i].info.text[-1:] not in "）)":  # (the cheap test first: a note ends on its bracket)
        return False
    for k in range(i, max(i - NOTE_LINES, 0), -1):
        if lines[k].info.text[:1] in "（(":
            return lines[k - 1].info.strong_end and ends_article([x.info.text for x in lines[k:i + 1]])
    return False
