"""Measured lines -> labelled runs: body, headline, byline, jump marker, furniture.

Body text is set in columns, so an article's body lines share one width; a
paragraph's first line is about two characters shorter (its indent was dropped
by the extractor) and its last line is short and ends like a sentence.
Headline lines break that rhythm: they are wider than the column (spanning
several columns), short without closing punctuation, end in a column tag, or
are full-width where a paragraph would have to start indented; a line that
runs into a headline line cannot be body text either, since body paragraphs end
with punctuation.  From a PDF, type size settles it: larger than the body type
is a headline line.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import partial
from typing import NamedTuple

from .bylines import MARKS, ROLE, SURNAMES
from .cuts import closes_unopened
from .decks import find_decks
from .measure import column_widths
from .normalize import LineInfo, labelled_tag
from .numbered import Label, wrapped_numbered
from .reflow_cues import ARTICLE_LABELS, BODY_LABELS, EDITOR_SIGNATURE, IDEOGRAPHS, may_open, opens_article, reporter_lead, starts_article
from .shapes import (BRACKETED_BYLINE, COLUMN_TAG, FIGURE, HAN, NOTE_LINE, PARAGRAPH_CHARS, PARAGRAPH_MEASURE, PUNCT_ANY,
                     RUNNING_BRACKET, SENTENCE_PUNCT, SENTENCE_STOP, TIMED_FIRST,
                     bracket_under_head, built_alike, carried, left_open, note_wraps, one_line_paragraphs,
                     numbered_parts, over_dated_lead, paragraph_sentences, spaced, spread, tagged_run, title_open, two_phrases,
                     wrapped_tag)

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_LEAD_FIRST = _DIGITS | TIMED_FIRST  # a figure's first character, or a timed lead's


class Labelled(NamedTuple):
    info: LineInfo
    label: Label
    column_width: float
    why: str


_MARKS = frozenset(MARKS)
_ROLE_LINE = "a byline's role (its names, if any, on the next line)"
FIGURE_WHY = "a figure set apart (a data callout)"
# Why assembly gives a headline-like run it finds inside a body's open sentence.
OPEN_SENTENCE = "text inside an open sentence"
# What leads into "记者" inside a sentence ("日前本报 / 记者从…获悉", "近日新华社 / 记者从…"),
# and a dateline's end ("本报北京1月31日电 / 记者从中国科学院获悉："): an open line ending so
# runs on into a reporter lead below it.
_BEFORE_REPORTER = frozenset("报社台网据前日电讯")
_OPENS = "opens with a news-agency byline"
_STANDALONE = "stand-alone byline"
_ROLE_ONLY = re.compile(r"[" + MARKS + r"]?\s*" + ROLE + r"[：:]?")

# (names may end in a credit, "汪志球 文 /", or wrap after a 、: "万秀斌、黄娴、" / "程焕")
_NAMES_ONLY = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,2}(?:、|\s*文\s*[/／](?:\s*图)?)?")


def _short_open_pairs(infos: list[LineInfo], widths: list[float], labels: list[Label], why: list[str],
                      candidates: Iterable[int]) -> None:
    """A paragraph has one first line: of two short open lines in a row, the
    first is not a paragraph's start but a headline line ("把小我融入大我（凭栏处）"
    above "失“公”之“能”，易致精致利").

    ``candidates``: the short open body lines, in order, which label_lines notes
    as it labels them; any other line fails the first tests below
    (tests/test_fast_paths.py passes every line instead).
    """
    for i in candidates:
        if i + 1 >= len(infos):
            break
        x, y = infos[i], infos[i + 1]
        if (labels[i] == "body" and labels[i + 1] == "body" and not x.terminal and not y.terminal
                and x.max_width < widths[i] - 1.0 and y.max_width < widths[i + 1] - 1.0
                and not starts_article(x.text) and (i == 0 or labels[i - 1] != "byline")
                and not spaced(y) and not (x.numbered and x.text[-1] in "，、；") and not paragraph_sentences(x, widths[i])):
            # (a numbered heading broken after a comma runs on: :func:`.numbered.wrapped_numbered`)
            # (under a stand-alone byline the body starts: "■ 本报记者 刘峰 / 宁夏灵武…")
            labels[i] = "head"
            why[i] = "short open line above another paragraph's first line"


BYLINE_TITLE_LINES = 6  # lines of a title above a news byline, at most
def _wider_column_starts(infos: list[LineInfo], i: int, why: list[str]) -> bool:
    """Is line ``i``, wider than the column the lines around it measure, the text of a
    wider column that starts here (a summary box's narrow lines above)?  It follows a
    news byline's line, or the next two lines run as wide."""
    if i > 0 and why[i - 1] == _OPENS and not infos[i - 1].terminal:
        return True
    nxt = infos[i + 1:i + 3]
    return len(nxt) == 2 and all(y.max_width >= infos[i].min_width - 1.0 and not y.furniture for y in nxt)


_CLOCK = re.compile(r"\d[：:]\d\d")  # a time of day ("—17：00（节假日休息）"): an info box's, no title's
_EDITOR = "the signature of an editor's note"
_COMMENTARY_COLUMN = re.compile(r"(?:本报)?评论员(?:观察|文章)")
PARALLEL_END = 3  # characters two lines end alike on to be parallel clauses
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+[。.]?", re.ASCII)
ADDRESS_WHY = "an address to write to"
_EXCLAIMED = re.compile(r"[！？!?][”’」』]?$")


SIGNATURE_CHARS = 8  # characters of a writer's name signed alone on its line, at most
_SIGNATURE = re.compile(r"[\u4e00-\u9fff·]{2,8}")
SECTION_NUMBER = "a section's number alone on its line, as the next one is"
EXCLAIMED_TITLE_CHARS = 16  # characters of a title that exclaims over its column tag, at most
# What a bracket ending a text holds that no column's name does: a dateline's "电", a writer's
# post ("作者为…"), a date ("10月27日")
_NOTED = re.compile(r"电[）)]$|作者|\d|[年月日][）)]$")
ASKED_TAIL = 8  # characters of a wrapped title's asking or exclaiming last line, at most
DASHED_TAIL = 8  # characters of a wrapped kicker's last line ending on its dash, at most
QUOTED_TITLE_CHARS = 24  # characters of a quoted title set over its column tag, at most
_MARKED_NAME = re.compile("[" + MARKS + "][" + "".join(sorted(SURNAMES)) + r"][\u4e00-\u9fff]{1,2}")
_CREDIT_TAIL = re.compile(r"文\s*[/／]\s*图|图\s*[/／]\s*文|文并摄|摄影?|文|图|[/／]\s*[图文]")  # ("…梅世雄 文" / "/图", "文 /" / "图")
# (names and credit, the spaces between them gone from the text: the line must have had one)
_NAMES_CREDIT = re.compile(r"[\u4e00-\u9fff·、]{1,12}(?:文[/／]图|图[/／]文|文并摄)")
KEPT_INDENTS = 3  # indented lines that show a dump keeps paragraphs' indents
DECK_LINES = 5  # lines a deck between a title and a news byline runs to, at most
WRAPPED_TAG = "a block's full first line, its column tag wrapped onto the next line"


# Text that was reflowed before it reached us (copied from a web page, or from a tool
# that joins a paragraph's lines) has a paragraph to a line: no column measure to
# read widths against.  Such a page is read with an unbounded measure: a line that
# does not end a sentence and is short is a headline line, every other line a
# paragraph (:func:`.reflow.reflow_paragraphs` ends one at each line).
def label_lines(infos: list[LineInfo], indent: float = 2.0,
                hints: Sequence[str | None] | None = None) -> list[Labelled]:
    """Label every measured line; see the module docstring for the reasoning.

    ``hints`` are per-line font-size cues from a PDF (``stages.geometry.size_hints``):
    a line set larger than the body type is a headline line whatever its text.
    """
    paragraphs = one_line_paragraphs(infos)
    widths = [PARAGRAPH_MEASURE] * len(infos) if paragraphs else column_widths(infos)
    labels: list[Label] = []
    why: list[str] = []
    last_cw, body_why = None, ""
    short_open: list[int] = []  # body lines that end short and open
    following = [x.text for x in infos[1:]] + [""]  # each line's next line's text ("" after the last)
    maybe_opens = may_open([x.text for x in infos])
    numerals = numbered_parts([x.text for x in infos])
    for i, (x, cw) in enumerate(zip(infos, widths)):
        text, terminal = x.text, x.terminal  # read by most of the tests below
        if x.furniture:
            labels.append("furniture"), why.append(f"furniture:{x.furniture}")
        elif text in _MARKS:
            # A byline's or box's lead mark set apart by the extractor ("■" above
            # "记者 万秀斌"): an ornament, not a headline line.
            labels.append("furniture"), why.append("furniture:ornament")
        elif x.jump:
            labels.append("jump"), why.append(f"jump {x.jump[0]} {x.jump[1]}")
        elif text[:3] == "——编" and EDITOR_SIGNATURE.fullmatch(text):
            # "——编者" signs the editor's note that opens an article: its text, not a deck
            labels.append("body"), why.append(_EDITOR)
        elif x.byline_names:
            labels.append("byline"), why.append(_STANDALONE)
        elif text[0] in _MARKS and i > 0 and labels[i - 1] == "head" and len(x.spans) == 2 and _MARKED_NAME.fullmatch(text):
            # "□ 王秀兰" under an essay's or a poem's title: its writer, set off by a mark
            # (a sub-heading so marked, "■ 找准路子", is a phrase of four or more)
            labels.append("byline"), why.append("a writer's name after a mark, under the title")
        elif (i > 0 and labels[i - 1] == "byline" and len(text) <= 16
              and (_CREDIT_TAIL.fullmatch(text) or (len(x.spans) > 1 and _NAMES_CREDIT.fullmatch(text)))):
            # "■ 本报记者 杜尚泽 管克江" / "文/图": what the reporters did, broken off; also
            # with the last names ("全媒体记者 万秀斌 黄娴" / "程焕 文/图")
            labels.append("byline"), why.append("the credit of the byline above")
        elif i > 0 and labels[i - 1] == "head" and text[0] in "（(" and bracket_under_head(text, following[i]):
            # a column tag or a date under a headline line ("（来信调查·反馈）", "（2019年10月27日）"),
            # also one wrapped ("（经济新方位·六稳怎么干" / "①）")
            labels.append("head"), why.append("a bracketed tag or date under a headline line")
        elif (i > 0 and labels[i - 1] == "head" and text[-1] in "）)" and closes_unopened(text)
              and (len(text) <= 4 or left_open(infos[i - 1].text))):
            # (a long column tag wraps too: "…新生活（总书记的深 / 情牵挂——来自贫困乡村的精准脱贫故事）")
            labels.append("head"), why.append("the end of a bracket the headline line above opened")
        elif (text[-1] in "？！?!" and i > 0 and labels[i - 1] == "head" and len(text) <= ASKED_TAIL
              and not infos[i - 1].terminal and not PUNCT_ANY.search(text, 0, len(text) - 1)
              and not PUNCT_ANY.search(infos[i - 1].text)):
            # a title that asks or exclaims, wrapped: "南方为何出现 / 连阴雨？" (a sentence's
            # last line holds more, or marks of its own)
            labels.append("head"), why.append("the end of a headline line above that asks")
        elif (text[-1] == "—" and text.endswith("——") and len(text) <= DASHED_TAIL and i > 0 and labels[i - 1] == "head"
              and not infos[i - 1].terminal and not PUNCT_ANY.search(text, 0, len(text) - 2)):
            # a kicker that leads into its title, wrapped: "…四川省丹" / "棱县——" (a sentence's
            # dash runs on into more of it on the line)
            labels.append("head"), why.append("the end of a kicker wrapped from the headline line above")
        elif (i > 0 and labels[i - 1] == "head" and text[0] in "（(" and BRACKETED_BYLINE.fullmatch(text)
              # ("（记者手记）", "（评论员观察）" are columns' names)
              and not BODY_LABELS.match(text[1:-1]) and not _COMMENTARY_COLUMN.fullmatch(text[1:-1])):
            # "（记者 张三）" under the headline signs the article (at its end it is a closing note)
            labels.append("byline"), why.append("a bracketed byline under the headline")
        elif (len(text) <= 8 and _ROLE_ONLY.fullmatch(text)
              and ("评论员" in text or _NAMES_ONLY.fullmatch(following[i]))):
            # "记者" / "冯春梅": the extractor set the role and the names apart; "本报评论员"
            # signs for the paper, with no names
            labels.append("byline"), why.append(_ROLE_LINE)
        elif i > 0 and why[i - 1] == _ROLE_LINE and _NAMES_ONLY.fullmatch(text):
            labels.append("byline"), why.append("the names of the byline's role above")
        elif (i > 0 and labels[i - 1] == "byline" and x.pure and not terminal and not PUNCT_ANY.search(text)
              and (len(text) <= 3 or (len(text) <= 8 and len(x.spans) > 1))):
            labels.append("byline"), why.append("the end of a wrapped byline")
        # (mypy does not narrow ``infos[i - 1].jump`` through the ``and``: no temporary on the hot path)
        elif i > 0 and terminal and infos[i - 1].jump and infos[i - 1].jump[0] == "from":  # type: ignore[index]
            labels.append("body"), why.append("the continued text after a 上接 marker")
        elif hints is not None and hints[i] == "head":
            labels.append("head"), why.append("set larger than the body type")
        elif (terminal and text[-1] in "”！？" and _EXCLAIMED.search(text)
              and following[i].startswith("——") and len(following[i]) >= 6 and "。" not in following[i]
              and (x.blank_before or (text[0] == "“" and (i == 0 or infos[i - 1].terminal)))):
            # a title that exclaims or asks ("“我们是一支不可战胜的力量！”"), set apart, over a
            # subtitle opening with a dash ("——国庆70周年阅兵纪实"); without a blank line
            # (pdftotext -raw), a whole quotation after a paragraph's end
            labels.append("head"), why.append("an exclaiming line over a subtitle")
        elif (terminal and text[-1] in "！？!?" and len(text) <= EXCLAIMED_TITLE_CHARS and following[i][:1] in "（("
              and i + 1 < len(infos) and COLUMN_TAG.fullmatch(following[i]) and not _NOTED.search(following[i])
              and bracket_under_head(following[i], following[i + 1] if i + 2 < len(infos) else "")
              and (i == 0 or x.blank_before or infos[i - 1].terminal or labels[i - 1] in ("furniture", "jump", "head"))):
            # a title that exclaims or asks over its column tag on a line of its own ("违规登珠峰，
            # 停！" / "（美丽中国）"): a sentence's end has no column's name under it (a closing
            # note reads as one, "（记者 张三）")
            labels.append("head"), why.append("an exclaiming line over its column tag")
        elif (text[0] == "“" and text[-1] == "”" and len(text) <= QUOTED_TITLE_CHARS and text.count("“") == 1
              and i + 1 < len(infos) and following[i][0] in "（(" and not (infos[i + 1].jump or infos[i + 1].furniture)
              and bracket_under_head(following[i], following[i + 1] if i + 2 < len(infos) else "")
              and (i == 0 or x.blank_before or labels[i - 1] != "body" or infos[i - 1].terminal)):
            # a title that quotes someone, its column tag wrapped onto a line of its own
            # ("“科技顶天，市场立地”" / "（最美奋斗者）"): a sentence quoted in the text runs
            # on, or stands with who said it, never over a bracket alone
            labels.append("head"), why.append("a quotation over a column tag of its own")
        elif (i > 0 and labels[i - 1] == "head" and not terminal and len(text) >= 5
              and text[-PARALLEL_END:] == infos[i - 1].text[-PARALLEL_END:] and HAN.match(text[-1])
              and infos[i - 1].text[0] != "—"):  # (under a deck: "…进口博览会 / 第二届中国国际进口博览会")
            # a clause ending as the headline line above does ("习近平同…就中葡建交40周年互致贺电 /
            # 李克强同葡萄牙总理科斯塔互致贺电"): the subtitle that says who else did the same
            labels.append("head"), why.append("ends as the headline line above")
        elif following[i].startswith("——") and not terminal and infos[i + 1].line is x.line:
            # a title's last line and its deck on one baseline, cut apart (stages.cuts):
            # "的立身之本 ——舞剧《醒·狮》的启示", however narrow the title's piece
            labels.append("head"), why.append("a title with its deck beside it")
        elif i > 0 and labels[i - 1] == "head" and text.startswith(("——", "—")) and not x.strong_end:
            labels.append("head"), why.append("a subtitle under a headline line")
        elif (len(text) <= SIGNATURE_CHARS and following[i][:1] in "（(" and NOTE_LINE.match(following[i])
              and (i == 0 or infos[i - 1].terminal) and _SIGNATURE.fullmatch(text)):
            # the writer's name alone over the closing note that says who they are ("冯学伟" /
            # "（作者为中国驻法国大使馆一秘）"): a letter's or a column's signature, its text
            labels.append("body"), why.append("a writer's name over the closing note")
        elif len(text) <= 9 and text[0] in _DIGITS and FIGURE.fullmatch(text):
            labels.append("body"), why.append(FIGURE_WHY)
        elif "@" in text and ADDRESS.fullmatch(text):
            # an e-mail address alone on its line ("栏目投稿邮箱：" / "yxxz8494@163.com"): text
            # to write to, never a headline line
            labels.append("body"), why.append(ADDRESS_WHY)
        elif maybe_opens[i] and opens_article(text, following[i]) and not x.numbered:
            labels.append("body"), why.append(_OPENS)
        elif x.min_width > cw + 1.5 and not _wider_column_starts(infos, i, why) and (
                x.min_width > cw + 4 or "。" not in text[:-2]):
            # (a full stop inside a line a little wider than the measure read around it is a
            # body line's, the measure being off: "依旧。胡伯泉驾车在山中盘" under the headline
            # lines at a page's top; a long kicker of sentences runs far wider)
            labels.append("head"), why.append(f"wider than the column ({x.min_width:g} > {cw:g})")
        elif not terminal and len(x.spans) == 2 and two_phrases(x) and (i == 0 or why[i - 1] != _OPENS):
            # (under a news byline's first line, the gap is its dateline's: "本报加德满都10月12" /
            # "日电 国家主席习近平12")
            labels.append("head"), why.append("two phrases set apart by a space (a display-type title)")
        elif (x.numbered and i > 0 and labels[i - 1] == "jump" and infos[i - 1].jump[0] == "to"  # type: ignore[index]
              and BODY_LABELS.match(text) and not ARTICLE_LABELS.match(text)):
            # "（下转第二版）" ends the article: a label after it ("短评", "相关链接") names what
            # the next one is, a column's name over its headline, not a sub-heading (one that
            # opens an article's text, "核心阅读", is that text's first paragraph)
            labels.append("head"), why.append("a column's name after a jump to another page")
        elif x.numbered and not terminal and x.max_width < cw - indent - 1.25:
            labels.append("heading"), why.append("numbered heading")
        elif len(text) == 1 and text in numerals:
            # "一" alone over its section's text, "二" alone over the next ("贺州四章" / "一" /
            # "望贺州，是从…"): the numbers of an essay's parts, never a title's last character
            # ("…和平统 / 一" wraps one title, and no "二" stands alone on its page)
            labels.append("heading"), why.append(SECTION_NUMBER)
        # (a title ending in "（记者手记）" reads as closed by a source note: it is one on a page
        # of a paragraph to a line, with no measure to tell it from text, set apart by blank
        # lines, and over a news byline; in columns a reporter's notes inside an article run
        # on under theirs)
        # (the cheap test first: most terminal lines end with 。)
        elif (text[-1] in "）)" and (not terminal or (labelled_tag(text) and (paragraphs or (
                (x.blank_before or (i > 0 and labels[i - 1] == "head")) and i + 1 < len(infos) and infos[i + 1].blank_before) or (
                opens_article(following[i], following[i + 1] if i + 1 < len(following) else "")))))
              and COLUMN_TAG.search(text) and text[0] not in "（("
              and (x.max_width < cw - 1.0 or i == 0 or infos[i - 1].terminal
                   or labels[i - 1] in ("furniture", "jump", "head"))
              # (a kept indent opens a paragraph, and a full stop inside is a sentence's:
              # "　　“做好…是各级党委（党组）", "…责任。实践中，还缺少一套党委（党组）")
              and not x.indented and "。" not in text and not _CLOCK.search(text) and not RUNNING_BRACKET.search(text)
              # (a title's tag stands outside its quotation: one left open runs on, "“做好机构编制
              # 工作是各级党委（党组）" / "的政治责任。…")
              and text.count("“") <= text.count("”")
              # (nor inside a book title the line above opened: "…发布《外商投资准入特 / 别管理措施（负面清单）")
              and not (i > 0 and labels[i - 1] == "body" and title_open(infos[i - 1].text))):
            labels.append("head"), why.append("short line ending in a column tag")
        elif (x.blank_before and not terminal and i + 1 < len(infos) and infos[i + 1].blank_before
              and (i == 0 or infos[i - 1].terminal) and not PUNCT_ANY.search(text)):
            # a line of words alone, a blank line above and below it and a paragraph's end
            # before: a headline set on one line across the column ("全市上半年新增城镇就业2.3万人")
            labels.append("head"), why.append("a line without marks set apart by blank lines")
        # (what carried leaves is never negative: the cheap comparison first)
        elif (not terminal and x.max_width < cw - indent - 1.25
              and x.max_width < cw - indent - 1.25 - carried(infos, i, cw)
              and not note_wraps(text, following[i]) and not (paragraphs and x.width >= PARAGRAPH_CHARS)
              and not spread(x)):
            labels.append("head"), why.append("short without closing punctuation" + (
                "" if paragraphs else f" ({x.width:g} < {cw:g})"))
        else:
            labels.append("body")
            if cw != last_cw:  # formatting a float for every line costs; the width rarely changes
                last_cw, body_why = cw, "a paragraph to a line" if paragraphs else f"body (column {cw:g})"
            why.append(body_why)
            if not terminal and x.max_width < cw - 1.0:
                short_open.append(i)
    _short_open_pairs(infos, widths, labels, why, short_open)
    for i in short_open:
        if i == 0:
            continue
        x, above = infos[i], infos[i - 1]
        if (labels[i] == "body" and labels[i - 1] == "head" and len(x.spans) == 1
                and abs(x.width - above.width) <= 0.5 and x.width < widths[i] - indent - 0.5
                and IDEOGRAPHS.fullmatch(x.text) and IDEOGRAPHS.fullmatch(above.text)):
            # words alone as wide as the headline line above, both short of a first line:
            # its next line at its measure ("赋权赋能脱贫攻坚 / 保障贫困人口尊严")
            labels[i], why[i] = "head", "as wide as the headline line above, words alone"
    for i in [k for k, x in enumerate(infos) if k and x.text[:2] in ("记者", "本报")]:
        x = infos[i - 1]
        # (a deck's dash leads the line: "——个人缴费标准为每人每年400元")
        if (labels[i - 1] == "body" and labels[i] == "body" and not x.terminal
                and not PUNCT_ANY.search(x.text, 2 if x.text.startswith("——") else 0)
                and x.text[-1] not in _BEFORE_REPORTER
                and reporter_lead(infos[i].text, following[i])):
            # a news lead ("记者从市人社局获悉，…") opens a paragraph, and nothing runs into
            # it: the open line above, without a mark, is a headline line, however wide
            # ("全市新增城镇就业2.3万人")
            labels[i - 1], why[i - 1] = "head", "open line above a news lead (记者从…获悉)"
    for i in [k for k in range(2, len(infos)) if why[k] == _OPENS]:
        # Open lines between a headline line and a news byline that opens the text (an
        # agency's or the paper's dateline, "新华社北京10月16日电 …"): no paragraph of the
        # article stands before its byline, so they are the headline's deck, however they
        # are punctuated ("听取今年减税降费政策实施汇 / 报，要求确保为企业减负担为 / …")
        j = i
        while j > 0 and i - j < DECK_LINES and labels[j - 1] == "body" and not infos[j - 1].terminal:
            j -= 1
        if j < i and j > 0 and labels[j - 1] == "head" and not infos[i - 1].terminal:
            for k in range(j, i):
                labels[k], why[k] = "head", "an open deck between a headline line and a news byline"
    for i in [k for k, x in enumerate(infos[1:]) if x.text[0] in _LEAD_FIRST]:
        x = infos[i]
        if labels[i] != "body" or labels[i + 1] != "body" or x.terminal or why[i] == FIGURE_WHY:
            continue
        if x.text[-1] in "%％" and infos[i + 1].text[0] in _DIGITS:
            # a percentage's end and a figure's start: no sentence runs on across the line
            # break without a mark between them ("…接待游客同比增长18%" / "7月1日，…"); the
            # open line is a headline's (a data callout, "53%", is a paragraph of its own)
            labels[i], why[i] = "head", "ends on a percentage over a line opening with a figure"
        elif (i == 0 or infos[i - 1].terminal or labels[i - 1] in ("furniture", "head", "jump")) \
                and over_dated_lead(x.text, infos[i + 1].text) and not starts_article(x.text):
            # (after a paragraph's end or the page's head: the line would open a paragraph; a
            # news dateline over its text, "新华社北京9月30日电" / "9月30日，…", is the text's)
            labels[i], why[i] = "head", "words alone over a lead opening on its date"
    wrapped_numbered(infos, widths, labels, why, indent)
    # A paragraph's first line is indented: full-width open lines right after a
    # paragraph's end (or a headline line), followed by a line that does start
    # indented, are headline lines.
    def full_open(k: int, slack: float = 0.5, widest: bool = False) -> bool:
        x = infos[k]
        # (a news byline opens an article: "据新华社巴黎10月11 / 日电 （记者陈晨）" too)
        return (labels[k] == "body" and not x.terminal and not x.indented and why[k] != _OPENS
                and not starts_article(x.text) and (x.max_width if widest else x.min_width) >= widths[k] - slack)

    def first_shaped(k: int) -> bool:
        x = infos[k]
        return not x.terminal and widths[k] - indent - 1.25 <= x.max_width and x.min_width <= widths[k] - 1.0

    kept_indents = sum([x.indented for x in infos]) >= KEPT_INDENTS
    i = 0
    while i < len(infos) - 1:
        # Furniture between two lines (a page number's box the extractor put there)
        # opens a block only where the text before it does not run on past it.
        q = i - 1
        while q >= 0 and labels[q] == "furniture":
            q -= 1
        p = infos[q]
        # (a line that kept its indent is as wide as the indent and its text: a
        # paragraph's one line "　　第三，深刻把握…经验。" filling the column is not short)
        if q < i - 1:
            opens_here = q < 0 or labels[q] != "body" or p.terminal
        else:
            opens_here = i == 0 or labels[q] == "head" or (
                labels[q] == "body" and p.terminal
                # (figures print about half an em: counted full, "82.49%、47.86%。" would fill a
                # column it ends short of; an em is allowed for their gaps)
                and (p.max_width if p.pure else p.width + 1.0) + (indent if p.indented else 0.0) < widths[i] - 1.25
                # (a paragraph's first line, its indent dropped, full to the end with a
                # sentence's end there — "父亲紧锁眉头舒展开了。" — does not end the paragraph
                # where the line after it is full: measured exactly, without figures)
                and not (not p.indented and infos[i].pure and p.max_width >= widths[i] - indent - 0.5
                         and (q == 0 or p.blank_before or labels[q - 1] != "body" or infos[q - 1].terminal)))
        if opens_here and full_open(i):
            j = i
            while j < len(infos) and full_open(j) and j - i < 3:
                j += 1
            if j < len(infos) and j > i and (labels[j] == "head" or first_shaped(j)):
                for k in range(i, j):
                    labels[k] = "head"
                    why[k] = "full-width line where a paragraph would start indented"
                i = j
                continue
        # (figures in the first line measure to an em: "10月13日是中国少年")
        if (opens_here and infos[i].pure and labels[i + 1] == "body"
                and infos[i].max_width >= widths[i] - 1.0 and full_open(i, 2.0) and first_shaped(i + 1)
                and abs(infos[i + 1].max_width - (widths[i + 1] - indent)) <= (0.5 if infos[i + 1].pure else 1.0)):
            # An open line an em short of the column over a paragraph's first line (both
            # measured exactly, without figures): a paragraph's line is full, its first line
            # an indent shorter, its last one closed; this one is none of them, but a
            # headline line set about the measure ("消防部门提醒：冬季用火用电要当心" /
            # "入冬以来，我市气温逐步下降，取").
            labels[i], why[i] = "head", "open line of no paragraph's shape over a first line"
            i += 1
            continue
        # (not under a headline-like line that kept its indent: a paragraph's first line,
        # "　　“参与粤港澳大湾区建 / 设，我们责无旁贷”", whose next line runs on)
        # (where the dump keeps indents, a line that ends a sentence, however full, may end
        # its paragraph: open lines between it and an indented line can be no paragraph's)
        if (opens_here or (kept_indents and q >= 0 and labels[q] == "body" and p.terminal)) \
                and not (q >= 0 and labels[q] == "head" and p.indented) and full_open(i, indent + 1.25, widest=True):
            # Lines nearly as wide as the column, without an end or an indent, right
            # before a line that does keep its indent: a headline in display type
            # set about the column's measure ("贯彻落实新理念新思想新战略 /
            # 着力补齐全面小康的短板（势所必然） / 　党的十八大以来，…").
            j = i
            while j < len(infos) and full_open(j, indent + 1.25, widest=True) and j - i < 3:
                j += 1
            if j < len(infos) and j > i and infos[j].indented and labels[j] == "body":
                for k in range(i, j):
                    labels[k] = "head"
                    why[k] = "open line where a paragraph would start indented"
                i = j
                continue
        i += 1
    # A block's first line, open, over a line ending in a column tag: a title wrapped to its
    # tag ("贯彻落实新理念新思想新战略 / 着力补齐全面小康的短板（势所必然）" under the masthead).
    for i in range(len(infos) - 1):
        x, y = infos[i], infos[i + 1]
        if (labels[i] == "body" and labels[i + 1] == "body" and not x.terminal and not y.terminal
                and y.text[-1] in "）)" and y.text[0] not in "（(" and (tag := COLUMN_TAG.search(y.text))
                and not PUNCT_ANY.search(x.text) and not PUNCT_ANY.search(y.text, 0, tag.start())
                and "简称" not in tag.group(0) and why[i] != _OPENS and why[i + 1] != _OPENS
                and not starts_article(y.text) and "记者" not in y.text  # ("本报讯（记者 李心萍）")
                and (i == 0 or labels[i - 1] in ("furniture", "head", "jump") or infos[i - 1].terminal)):
            labels[i] = labels[i + 1] = "head"
            why[i] = why[i + 1] = "a block's first lines, open, ending in a column tag"
        elif (labels[i] == "body" and labels[i + 1] == "body" and not x.terminal and not y.terminal
              and wrapped_tag(x, y, widths[i])
              and (i == 0 or labels[i - 1] in ("furniture", "head", "jump") or infos[i - 1].terminal)):
            labels[i] = labels[i + 1] = "head"
            why[i] = why[i + 1] = WRAPPED_TAG
    # The line under a headline line found above that ends the headline: its column tag
    # ("当好中马两国民心相通的友好 / 使者（寄给祖国的家书）") or the bracket it left open.
    for i in range(1, len(infos)):
        x = infos[i]
        if (labels[i] == "body" and labels[i - 1] == "head" and not x.terminal and x.text[-1] in "）)"
                and why[i] != _OPENS and (
                    (COLUMN_TAG.search(x.text) and x.text[0] not in "（(" and not RUNNING_BRACKET.search(x.text)
                     # (as in the first pass: no tag inside a quotation left open, "“生女子，要巧的，
                     # 石榴牡丹冒（随意）" / "铰（剪）的。”…")
                     and x.text.count("“") <= x.text.count("”"))
                    or (closes_unopened(x.text) and left_open(infos[i - 1].text)))):
            labels[i] = "head"
            why[i] = "the end of the headline line above (its column tag)"
        elif (labels[i] == "body" and labels[i - 1] == "head" and x.text.startswith(("——", "—"))
              and not x.strong_end and "。" not in x.text):
            # (as in the first pass, under a headline line this pass found)
            labels[i] = "head"
            why[i] = "a subtitle under a headline line"
        elif (labels[i] == "body" and labels[i - 1] == "head" and not x.terminal and why[i] != _OPENS
              and built_alike(infos[i - 1].text, x.text) and x.max_width < widths[i] - 1.0):
            # A couplet title's second half set under the first, built alike ("“科幻之旅”青岛开启 /
            # “电影之都”看见未来"): the marks at the same places in lines of one length.
            labels[i] = "head"
            why[i] = "the second half of the couplet title above (built alike)"
    # A body line that runs into a headline line is a headline line itself:
    # paragraphs end with punctuation.  Walk backwards so chains propagate, but
    # never into the middle of a paragraph (a line whose predecessor is body
    # text running on): there the headline label is the doubtful one.
    # The page's last content line stands in for a headline line: a body cannot
    # end without punctuation either (a jump marker would follow it).
    last = max((i for i, lab in enumerate(labels) if lab != "furniture"), default=-1)
    n = len(labels)
    for i in range(n - 1, -1, -1):
        # only body lines change here, and only before a headline or byline line
        # (or the last) or a news byline's line: tested first, as they rule out most lines
        if i + 1 < n and labels[i] in ("body", "head") and (why[i + 1] in (_OPENS, _STANDALONE) or (
                labels[i + 1] == "heading" and ARTICLE_LABELS.match(infos[i + 1].text))):
            # Lines without a sentence's punctuation cannot run on into a news byline
            # ("…首发式在法兰克福举行" / "本报法兰克福10月15日电"): from the last
            # paragraph's end, they are a title above it, also one wrapped in a narrow
            # block ("联合国教科文 / 组织女童和妇 / … / 行"); nor into a label that only
            # opens an article ("…协同推进大治理 / 大河上下绿可期（大江大河·黄河③） / 核心阅读"),
            # nor into a byline on its own line ("1月外贸进出口同比增 / 8.7%实际使用外资同 / 比增
            # 4.8%" / "■ 融媒体记者 杜海涛 王珂").
            j = i
            # (an address to write to ends the text above: "栏目投稿邮箱：" / "yxxz8494@163.com")
            while (j >= 0 and i - j < BYLINE_TITLE_LINES and labels[j] in ("body", "head")
                   and not infos[j].terminal and not SENTENCE_STOP.search(infos[j].text) and why[j] != ADDRESS_WHY):
                j -= 1
            if j < 0 or labels[j] != "body" or infos[j].terminal:
                for k in range(j + 1, i + 1):
                    if labels[k] == "body":
                        labels[k] = "head"
                        why[k] = ("a line without a sentence's punctuation above a news byline"
                                  if why[i + 1] in (_OPENS, _STANDALONE) else "a line without a sentence's "
                                  "punctuation above an article's label")
            continue
        if labels[i] != "body":
            continue
        if (0 < i < n - 1 and labels[i - 1] == "head" and labels[i + 1] == "heading" and not infos[i].terminal
                and why[i] != _OPENS):
            # Under a headline line and above a section's label ("核心阅读"): a headline
            # line too, a paragraph cannot end there without punctuation
            # ("…达到2200万人次 / 打造通往世界的航运枢纽 / 核心阅读").
            labels[i] = "head"
            why[i] = "a line without an end between a headline line and a heading"
            continue
        if (0 < i < n - 1 and labels[i - 1] == "head" and labels[i + 1] == "jump" and infos[i + 1].jump
                and infos[i + 1].jump[0] == "from"  # type: ignore[index]  # narrowed by the test before it
                and not infos[i].terminal and why[i] != _OPENS):
            # Under a headline line and above a 上接 marker, which opens a continued text:
            # a headline line too, no text ends there without punctuation
            # ("韩正在山西调研时强调 / 紧紧抓住机遇 勇于改革创新 / 奋力推动经济转型发展 / （上接第1版）").
            labels[i] = "head"
            why[i] = "a line without an end between a headline line and a continuation marker"
            continue
        if why[i] in (_OPENS, _EDITOR, ADDRESS_WHY) or (i + 1 == n or labels[i + 1] not in ("head", "byline")) and i != last:
            continue
        # (an address to write to ends the text above it, as in the walk above)
        mid_paragraph = (i > 0 and labels[i - 1] == "body" and not infos[i - 1].terminal and i != last
                         and why[i - 1] != ADDRESS_WHY)
        # "香港法律界：" and "…主题教育——" lead into a title
        opens = not infos[i].terminal or infos[i].text.endswith(("：", ":", "——"))
        after = labels[i + 1] if i + 1 < len(labels) else None
        if (labels[i] == "body" and opens and not mid_paragraph
                and (after in ("head", "byline") or i == last) and not paragraph_sentences(infos[i], widths[i])):
            labels[i] = "head"
            why[i] = "runs into a headline line without closing punctuation"
        elif labels[i] == "body" and opens and mid_paragraph and after in ("head", "byline"):
            # A kicker wrapped over two or three lines right after an article's end (a jump
            # marker, a headline, a finished paragraph): "安徽六安竹根河村第一书记 / 曹玉建——";
            # above a byline, a title so wrapped (no paragraph ends without punctuation there)
            j = i
            while j > 0 and i - j < 3 and labels[j - 1] == "body" and not infos[j - 1].terminal:
                j -= 1
            # (not lines of a paragraph's shape in the column: a first line an indent short of
            # the measure, the rest full, "党的执政能力高低在很 / 大程度上决定着国家治理水 /
            # 平的高低", a commentary's lead set without its full stop)
            shaped = (abs(infos[j].max_width - (widths[j] - indent)) <= 0.5
                      and all(abs(infos[k].max_width - widths[k]) <= 0.5 for k in range(j + 1, i + 1)))
            # (a title wrapped at the column's measure ends on its column tag, which no lead's
            # text does: "把忠诚执着朴实写入心田（人" / "民论坛·70华诞·倾听历史的回" / "声）";
            # the tag may hold marks of its own)
            if (j == 0 or labels[j - 1] != "body" or infos[j - 1].terminal) and i - j < 3 and (
                    (after == "head" and tagged_run("".join(infos[m].text for m in range(j, i + 2))))
                    or (not shaped and not any(SENTENCE_PUNCT.search(infos[k].text) for k in range(j, i + 1)))):
                for k in range(j, i + 1):
                    labels[k] = "head"
                    why[k] = "a short block without a sentence's punctuation above a headline line"
    for k, deck_why in find_decks(infos, labels, why, widths, indent, paragraphs):
        labels[k], why[k] = "body", deck_why
    # Labelled(x, label, width, why) for every line, made in C (the named tuple's
    # own __new__ is a Python function; tests/test_fast_paths.py checks the result)
    return list(map(partial(tuple.__new__, Labelled), zip(infos, labels, widths, why)))
