"""Photo captions in a text dump: the caption sentence a photo credit closes.

A PDF page shows where its pictures are (:mod:`.regions` reads captions from the
geometry); its text dump does not, and ``pdftotext`` sets a caption, wrapped to the
picture's width, between the paragraphs around it::

    农民的日子一天比一天更幸
    福。
    近日，云南昆明医护人员在田间        <- caption
    采收蔬菜。 马敏平摄                 <- its sentence's end and the credit, on one line

    图为10月12日，江西南昌工人体验      <- caption ("图为…")
    智能设备。
    本报记者 韩霞摄                     <- the credit on its own line

What marks a caption is its credit: a photographer's name and 摄 (or 新华社发) printed
after the caption's sentence, on its line after a gap or alone on the next.  The
caption runs back from there over the lines that wrap its sentence, to the line that
ends the paragraph before it (or to a headline line above it).  Only a caption that says
it is one (图为…, 上图：…), or that is one sentence over a line or two after a finished
paragraph or under a headline, is taken: a credit under a body paragraph ("本报记者 于洋摄"
printed in the text) leaves that paragraph alone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .normalize import LineInfo

_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,2}"
# "本报记者 韩霞摄", "新华社记者 吴超摄", "罗磊摄（人民视觉）", "新华社发", "人民视觉供图"
_CREDIT = (r"(?:(?:(?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员|摄影记者))?\s*" + _NAMES + r"\s*摄(?:影)?"
           r"|新华社发|[\u4e00-\u9fff]{2,6}供图)(?:[（(][\u4e00-\u9fff]{2,8}[)）])?")
_CREDIT_LINE = re.compile(_CREDIT)
_ROLE_AFTER = re.compile(r"[。！？”](?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员|摄影记者)$")
_CREDIT_AFTER = re.compile(r"[。！？”](?:" + _CREDIT + r")$")  # (the gap before it: see _after_gap)
# a caption that names itself one: "图为…", "上图：…", "图①…", "（图片）："
CAPTION_START = re.compile(r"^(?:图为|上图|下图|左图|右图|图[①-⑩0-9一二三四五六七八九十]|[（(]?图片?[)）]?[：:])")
# "图片新闻" over a photo and its caption: the caption is all the news there is
PHOTO_LABEL = re.compile(r"图片新闻|新闻图片|图说新闻|图片报道|图说|看图说话")
MAX_LINES = 4  # a caption wraps over a few lines of the picture's width
MAX_CREDIT = 16  # characters: a credit alone on its line is short
SHORT_LINES = 2  # a one-sentence caption without 图为: one or two lines
HEADLINE_SHARE = 0.7  # a line this much narrower than a caption's first line is no line of it
_SENTENCE_END = re.compile(r"[。！？]")
_DATED = re.compile(r"(?:当地时间)?(?:\d{1,2}月\d{1,2}日|[〇一二三四五六七八九十]{1,3}月[〇一二三四五六七八九十]{1,3}日|近日|日前)，")


def caption_lines(infos: Sequence[LineInfo]) -> list[bool]:
    """Which lines of a text dump are photo captions (the caption and its credit)."""
    out = [False] * len(infos)
    for i, x in enumerate(infos):
        text = x.text
        if text[-1] not in "摄发图）)" or x.jump or x.furniture:  # every credit ends so
            continue
        if len(text) <= MAX_CREDIT and _CREDIT_LINE.fullmatch(text):
            if i == 0:
                continue
            before = infos[i - 1]
            if not before.terminal and not ((m := _ROLE_AFTER.search(before.text)) and _after_gap(before, m.start() + 1)):
                continue
            last = i - 1  # the caption's sentence ends on the line above (its credit's role with it:
            # "…在图书馆阅读。 新华社记者" / "萧国娜摄")
        elif (m := _CREDIT_AFTER.search(text)) and _after_gap(x, m.start() + 1):
            last = i
        else:
            continue
        first = last  # back over the lines its sentence wraps, to where "图为…" opens it
        # (a line much narrower than the caption's, a headline's, ends the walk: see _under_headline)
        while (first > 0 and last - first < MAX_LINES - 1 and not CAPTION_START.match(infos[first].text)
               and not infos[first - 1].terminal and not infos[first - 1].furniture and not infos[first - 1].jump
               and not _under_headline(infos, first, last)):
            first -= 1
        if CAPTION_START.match(infos[first].text):
            pass  # it says it is a caption
        elif first > 0 and not (infos[first - 1].terminal or infos[first - 1].furniture) \
                and not _under_headline(infos, first, last):
            continue  # runs on from a line without a sentence's end: body text
        else:  # no 图为: one sentence over a line or two, its credit set apart
            block = "".join(infos[k].text for k in range(first, last + 1))
            # (a news photo's caption opens with its date and may tell in a second
            # sentence what happened that day: "6月25日，游客在…游览。当日，景区迎来…")
            sentences = 2 if _DATED.match(block) else 1
            if last - first >= SHORT_LINES + sentences - 1 or not 1 <= len(_SENTENCE_END.findall(block)) <= sentences:
                continue
        if first > 0 and PHOTO_LABEL.fullmatch(infos[first - 1].text):
            first -= 1  # the label over a photo printed as news of its own
        for k in range(first, i + 1):
            out[k] = True
    return out


def _after_gap(x: LineInfo, at: int) -> bool:
    """Was there a gap before character ``at`` of the line's kept text (spaces the
    measuring dropped: a credit set apart from its caption, "采收蔬菜。 马敏平摄")?"""
    end = 0
    for span in x.spans[:-1]:
        end += span.end - span.start
        if end == at:
            return True
    return False


def _under_headline(infos: Sequence[LineInfo], first: int, last: int) -> bool:
    """Does the caption starting at ``first`` sit right under a headline: a line without a
    sentence's end, far narrower than the caption's own ("助力平安" over "湖北武汉科研人员在
    港口装卸集装箱。")?  (A caption's lines wrap at the picture's width: its first line is
    its widest.)"""
    above, top = infos[first - 1], infos[first]
    return not above.terminal and above.width <= HEADLINE_SHARE * max(top.width, infos[last].width)
