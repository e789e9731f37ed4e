"""Cues shared by labelling and reflow: does a line open an article?"""
from __future__ import annotations

import re

from .bylines import DATED_XUN, ROLE_LED

# Every form ends in 电 or 讯: starts_article tests for those characters first.
INLINE_BYLINE_START = re.compile(
    r"^(?:据)?(?:本报讯|(?:本报|新华社|中新社|人民网|新华网|央视新闻|[\u4e00-\u9fff]{2,6}(?:日报|社|网))"
    r"[\u4e00-\u9fff]{0,12}?\d{1,2}月\d{1,2}日(?:[\u4e00-\u9fff]{0,3})?电|新华社电|本报电|" + DATED_XUN + ")")


IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]+")  # a text of ideographs alone (no punctuation, figures or Latin)

# A local news lead's formula: the reporter learnt it from an office ("记者从市人社局获悉，",
# "记者日前从县农业农村局了解到，").  It opens a paragraph, most often an article's first,
# but may open a later one too, so it says where a paragraph starts, not an article.
REPORTER_LEAD = re.compile(r"(?:本报)?记者(?:近日|日前|\d{1,2}日)?从[^，。；、]{1,20}?(?:获悉|了解到|得知)")


def reporter_lead(text: str, following: str = "") -> bool:
    """Does a paragraph open at ``text`` with a local news lead (REPORTER_LEAD), read over
    the line and the next (the formula wraps: "记者从市人社局" / "获悉，…")?"""
    return REPORTER_LEAD.match(text + following) is not None

# Section labels that only ever open an article: "核心阅读" (summary box), "编者按".
_LABELS = ("核心阅读", "编者按", "编者的话", "开栏的话", "内容提要")
ARTICLE_LABELS = re.compile(f"^(?:{'|'.join(_LABELS)})[：:]?$")
ARTICLE_FIRST = frozenset(w[0] for w in _LABELS)


def starts_article(text: str) -> bool:
    """Does a paragraph open an article: a news-agency byline, or a label such as 核心阅读?

    >>> starts_article("本报北京1月31日电 （记者杜一菲）国家主席"), starts_article("会议指出")
    (True, False)
    >>> starts_article("本报记者 王五 报道：近日"), starts_article("记者从会上获悉，报道称")
    (True, False)
    """
    # Asked of nearly every line several times: a byline needs 电 or 讯 (or 报道 after
    # the reporters: "本报记者 王五 报道："), a label opens with one of four characters.
    if ("电" in text or "讯" in text) and INLINE_BYLINE_START.match(text):
        return True
    if "报道" in text and ROLE_LED.match(text):
        return True
    return text[:1] in ARTICLE_FIRST and ARTICLE_LABELS.match(text) is not None


# A bracketed note that closes an article, as a paragraph of its own: who wrote it,
# where it is from, or that it ends ("（作者为文艺报总编辑）", "（摘自10月29日在…论坛上的致辞）",
# "（本文节选自…）"; a bracket inside it: "（作者为中共中央党校（国家行政学院）教授）").
NOTE_OPENERS = "作者|摘自|节选自|本文|原载|转载"
CLOSING_NOTE = re.compile(r"[（(](?:" + NOTE_OPENERS + r")[^（）()]*"
                          r"(?:[（(][^（）()]*[）)][^（）()]*)*[）)]"
                          # the end of a piece or of a series: "（完）", "（本系列评论到此结束）"
                          r"|[（(](?:全文)?完[）)]|[（(][^（）()]{0,16}结束[）)]"
                          # who the report was compiled from: "（综合陆娅楠、宋豪新、常者飞报道）" (all
                          # 20 such notes of the dev corpus end their article, but for page credits)
                          r"|[（(]综合[^（）()]*[）)]")
NOTE_LINES = 5  # a closing note wraps over this many lines at most (in the corpus 90% run to 40 characters, the longest 64)
# The signature of the editor's note that opens an article ("——编者"): in the dev corpus 44
# of 49 stand inside their article, a paragraph of its own before the text or its pieces.
EDITOR_SIGNATURE = re.compile(r"——\s*编\s*者")

# A writer's name closing an article's text, in brackets on a line of its own ("（齐志明）",
# "（本报记者 张清）").
SIGNED_NAMES = re.compile(r"[（(](?:本报)?(?:记者)?\s*[\u4e00-\u9fff·]{2,4}(?:[、\s]+[\u4e00-\u9fff·]{2,4}){0,3}[）)]")
# The date that closes a document, where it was signed ("2019年10月25日于北京").
SIGNED_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?:于[\u4e00-\u9fff]{2,8})?")
# The dateline set after an article's text instead of before it, as a paragraph of its
# own ("（本报巴黎电）", "（新华社北京2月27日电）"): in the People's Daily dev corpus 199
# articles end so, and only one of them also opens with a news byline.
DATELINE_NOTE = re.compile(r"[（(]据?(?:本报|新华社|中新社|人民网|新华网|央视新闻)[\u4e00-\u9fff]{0,12}?"
                           r"(?:\d{1,2}月\d{1,2}日)?电[）)]")


def ends_article(texts: list[str]) -> bool:
    """Is this closing note the end of its article?  An interview's "…采访整理）" closes
    one piece of a compilation, which runs on under its next piece's heading.

    >>> ends_article(["（作者为某大学校长，", "本报记者采访整理）"]), ends_article(["（完）"])
    (False, True)
    """
    return is_closing_note(texts) and not "".join(texts).endswith(("整理）", "整理)"))


def is_closing_note(texts: list[str]) -> bool:
    """Are these lines together one closing note?

    >>> is_closing_note(["（作者为中国驻阿根廷", "大使）"]), is_closing_note(["（本系列评论到此结束）"])
    (True, True)
    >>> is_closing_note(["（人民时评）"]), is_closing_note(["（完）"])
    (False, True)
    """
    return CLOSING_NOTE.fullmatch("".join(texts)) is not None


# Sentence-final punctuation, optionally followed by closing quotes/brackets.
# A closing bracket alone ends a paragraph only as a source note ("（新华社北京2月25日电）",
# "（完）"), or as any note set right after a full stop (_NOTE_AFTER_STOP: "…力度。（据新华社）",
# "。（张三）"): titles end in column tags ("（人民时评）"), after a question or exclamation
# mark too ("…可以吗？（说道）"), never after a full stop; lines wrap after "（市、区）".
TERMINAL = re.compile(r"[。！？!?…；;：:]+[”’」』）)》〉】\]]*$|——$|"
                      r"[（(][^（）()]{0,30}(?:电|完|结束|待续|记者[^（）()]*|编译|综合|整理|报道)[）)]$|"
                      r"^[（(](?:" + NOTE_OPENERS + r")[^（）()]*[）)]$|"
                      r"[（(][^（）()]{0,24}(?:见第?\S{1,3}(?:[至、和—－-]第?\S{1,3})?版|参与采写|采写|供稿|执笔|编译|整理|亦有贡献)[^（）()]{0,6}[）)]$|"
                      r"^[（(](?:稿件|资料|数据)?来源[：:][^（）()]{1,30}[）)]$")
# Standard labels that open a section of an article body, never a headline.
_BODY_LABEL_WORDS = ("核心阅读", "编者的话", "编者按", "开栏的话", "内容提要", "延伸阅读", "短评", "相关链接", "链接",
                     "背景链接", "记者手记", "记者观察", "专家点评", "小资料", "新闻链接", "数据来源", "点评", "人物小传",
                     "人物简介", "名词解释", "背景资料", "小贴士", "图片说明", "亲历者说", "见证者说", "参观贴士", "知识链接",
                     "历史背景", "背景故事", "专家解读", "名家寄语")
BODY_LABELS = re.compile(f"^(?:{'|'.join(_BODY_LABEL_WORDS)})[：:]?$")
BODY_LABEL_FIRST = frozenset(w[0] for w in _BODY_LABEL_WORDS)  # (a cheap test before the pattern)


_DATE_TAIL = frozenset("日月0123456789")  # where a dated byline can wrap before its 电


def opens_article(text: str, following: str = "") -> bool:
    """:func:`starts_article`, also where the byline wraps in its date and ``following``
    (the next line) holds the rest: "新华社北京 2 月 19 日 / 电 （记者温馨）",
    "本报法兰克福 10 月 15 / 日电 （记者李强）".

    >>> opens_article("本报法兰克福10月15", "日电（记者李强、花放）"), opens_article("今年1至5月", "日电商")
    (True, False)
    """
    return starts_article(text) or (bool(following) and text[-1:] in _DATE_TAIL
                                    and starts_article(text + following[:4]))


def may_open(texts: list[str]) -> list[bool]:
    """For a page's lines, whether :func:`opens_article` could say yes (its tests need 电,
    讯 or 报道, a label's first character, or a date's last): asked of every line at once,
    so the labelling calls it only where it can."""
    return [("电" in t or "讯" in t or "报道" in t or t[-1:] in _DATE_TAIL or t[:1] in ARTICLE_FIRST)
            for t in texts]
