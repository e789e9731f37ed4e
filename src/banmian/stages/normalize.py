"""Page -> measured lines: justification spaces dropped, widths in ems, cues read.

A :class:`LineInfo` keeps the source spans of the characters it keeps, so text
built from it maps back to the page.  Widths count a CJK character (or full-width
punctuation) as 1 em and a half-width character as 0.5 em: column lines of one
article are then nearly equal, which the later stages rely on.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import NamedTuple

from ..model import Line, Page, Span, make_spans
from ..pagenum import FULLWIDTH_DIGITS, page_number
from .bylines import AUTHOR_LINE, MARKS, ROLE_RE, STANDALONE_BYLINE_RE, byline_names, byline_only
from .cuts import cut_points, split_spans
from .reflow_cues import ARTICLE_LABELS, EDITOR_SIGNATURE, NOTE_OPENERS

CJK = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027\u00b7\u25a0-\u25ff\u2600-\u26ff")
_CJK_RE = re.compile(f"[{CJK}]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.
# A closing bracket alone ends a paragraph only as a source note ("（新华社北京2月25日电）",
# "（完）"), or as any note set right after a full stop (_NOTE_AFTER_STOP: "…力度。（据新华社）",
# "。（张三）"): titles end in column tags ("（人民时评）"), after a question or exclamation
# mark too ("…可以吗？（说道）"), never after a full stop; lines wrap after "（市、区）".
TERMINAL = re.compile(r"[。！？!?…；;：:]+[”’」』）)》〉】\]]*$|——$|"
                      r"[（(][^（）()]{0,30}(?:电|完|结束|待续|记者[^（）()]*|编译|综合|整理|报道)[）)]$|"
                      r"^[（(](?:" + NOTE_OPENERS + r")[^（）()]*[）)]$|"
                      r"[（(][^（）()]{0,24}(?:见第?\S{1,3}版|参与采写|采写|供稿|执笔|编译|整理|亦有贡献)[^（）()]{0,6}[）)]$|"
                      r"^[（(](?:稿件|资料|数据)?来源[：:][^（）()]{1,30}[）)]$")
# (asked only of lines ending in a bracket: as an alternative of TERMINAL it slowed every search)
# Who said a quotation set as an epigraph, on its own line after it: "——金铁铃",
# "——法国总统马克龙" (32 such paragraphs in the dev corpus, each after a sentence's end).
_ATTRIBUTION = re.compile(r"——\s*[\u4e00-\u9fff·]{2,10}")
_NOTE_AFTER_STOP = re.compile(r"。[”’」』]*[（(][^（）()]{1,30}[）)]$")
# A brief's writer in brackets after its last sentence ("…实现全天候借阅。（周静）"), wrapped
# onto a line of its own: the paragraph's end, not a headline line.
_NAMES_NOTE = re.compile(r"[（(][\u4e00-\u9fff·]{2,4}(?:[、，\s][\u4e00-\u9fff·]{2,4}){0,3}[）)]")
_STRONG_END = re.compile(r"[。！？!?…]+[”’」』）)》〉】]*$")
# The source of an article's pictures, printed as its last line ("图片来源：人民视觉"):
# the article's own closing note, which ends it like a sentence.
SOURCE_NOTE = re.compile(r"(?:图片来源|图片提供)[：:]\s*\S{2,24}")

JUMP_RE = re.compile(
    r"^[→▲▼►▶]?[（(【\[]?\s*(?P<kind>下转|紧转|转|续|上接|接|承)\s*(?:第\s*)?"
    r"(?P<page>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z][0-9]{1,2})\s*(?:版|页|面)"
    r"(?:\s*[^（）()]{0,8})?\s*[）)】\]]?$")
NUMBERED_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}、|[（(][一二三四五六七八九十百]{1,3}[）)]|"
    r"[0-9０-９]{1,2}[.．、](?![0-9])|[（(][0-9０-９]{1,2}[）)]|第[一二三四五六七八九十]{1,3}[，、部章条]|"
    r"[①②③④⑤⑥⑦⑧⑨⑩]|[■●◆▲□◇]\s*\S)")
# The paper's name in capitals ("RENMIN RIBAO"): a masthead line near a page edge, or beside
# another masthead line anywhere (_furniture_clusters).
_ROMAN_NAME = r"^[A-Z][A-Z\s]{3,30}$"
_GUIDE_MARKS = "▶►●■◆▲★☆◇□◎"
_ROMAN_MASTHEAD = re.compile(_ROMAN_NAME)
_MASTHEAD_PIECE = re.compile(r"[\u4e00-\u9fff]{1,4}")
FURNITURE_RES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (kind, pattern, anywhere on the page?)
    ("editor", re.compile(r"(?:本版|责任|美术|版式|图片|视觉)?(?:责编|编辑|设计|校对|统筹|制图|排版|美编|组版|照排)\s*[：:]"
                          r"|值班(?:主任|编委|总编|副总编)\s*[：:]"), True),
    ("page_label", re.compile(r"^(?:[\u4e00-\u9fff]{2,4}\s*)?第?\s*[0-9０-９A-Z]{1,3}\s*版(?:\s*[\u4e00-\u9fff]{2,4})?$|"
                              r"^[\u4e00-\u9fff]{2,4}\s*[0-9]{2}$"), True),
    ("page_label", re.compile(r"^(?:第\s*)?[0-9０-９A-Za-z一二三四五六七八九十]{1,4}\s*版(?:\s*[：:]?\s*\S{1,10})?$"), False),
    # a section's page code run into its name, as OCR joins them ("A14体育", "要闻B2"): the
    # sections of a many-part paper are lettered from A; a G is a summit's ("G20峰会")
    ("page_label", re.compile(r"^[A-F][0-9]{1,2}[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{2,4}[A-F][0-9]{1,2}$"), False),
    ("date", re.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:星期|周)[一二三四五六日天]"
                        r"(?:\s*\S{0,16})?$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|"
                        # "二〇二四年七月九日", "2024.07.09", "农历甲辰年六月初四"
                        r"^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$|"
                        r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}$|^农历(?:[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年)?闰?"
                        r"[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅二三]?[一二三四五六七八九十]$"), False),
    ("masthead", re.compile(r"^[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|时报|商报|晨报|都市报)$|^(?:邮发)?代号\s*[0-9]{1,2}\s*[-－]\s*[0-9]{1,3}$|"
                            # the issue number and serial code, alone on a line ("第25251期", "CN 11-0065")
                            r"^(?:总)?第\s*[0-9]{3,6}\s*期$|^CN\s*[0-9]{2}\s*[-－]\s*[0-9]{4}(?:/[A-Z]{1,2})?$"), True),
    ("credit", re.compile(r"^(?:资料图片|制图)[：:]"), True),
    ("masthead", re.compile(r"^\S{2,8}(?:日报|晚报|早报|时报|商报|晨报|都市报)(?:社(?:出版|主办|主管)?)?$|" + _ROMAN_NAME + r"|"
                            r"(?:国内统一连续出版物号|邮发代号|CN\s*\d{2}\s*[-－]\s*\d{4}|总第\s*\d+\s*期|"
                            r"第\s*\d+\s*期)"), False),
    ("page_number", re.compile(r"^[0-9０-９]{1,3}$|^[A-Z]\s*[0-9]{1,2}$|^[-—–]\s*\d{1,3}\s*[-—–]$"), False),
    # The paper's own notices: its hotlines, address, price ("新闻热线：0833-2123456"), and
    # the weather box of its front page ("今日天气：多云 22℃～31℃")
    ("notice", re.compile(r"(?:新闻|广告|订阅|订报|发行|服务|投诉|读者|报料|值班)热线\s*[：:]|投稿邮箱\s*[：:]|"
                          r"^(?:社址|报社地址|邮政编码|零售价|定价)\s*[：:]|^(?:今日|明日|今天|明天)?天气\s*[：:]"), True),
    # A front page's guide to the issue: its label and the items pointing to other pages
    # ("▶ 暑期旅游市场升温 详见A3版"); in a text a page reference is bracketed or ends a sentence
    ("contents", re.compile(r"^(?:今日|本期)?导读$|^[" + _GUIDE_MARKS + r"]?[^（）()。，]{2,30}(?:详见|见)\s*第?\s*"
                            r"[0-9０-９A-Z一二三四五六七八九十]{1,3}\s*版$"), True),
)
# Standard labels that open a section of an article body, never a headline.
BODY_LABELS = re.compile(r"^(?:核心阅读|编者的话|编者按|开栏的话|内容提要|延伸阅读|短评|相关链接|链接|背景链接|"
                         r"记者手记|记者观察|专家点评|小资料|新闻链接|数据来源|点评|人物小传|人物简介|"
                         r"名词解释|背景资料|小贴士|图片说明)[：:]?$")
# Photo and graphics credits ("本报记者 于洋摄", "制图：蔡华伟") print inside the body.
PHOTO_CREDIT = re.compile(r"(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}\s*(?:摄|供图|绘|制图)$|^(?:制图|图片|摄影|供图)[：:]")
EDGE_LINES = 6  # position-dependent furniture only within this many lines of a page edge


class LineInfo(NamedTuple):
    """A non-blank source line with its kept characters and cues.

    A named tuple rather than a frozen dataclass: one is made for every line of
    every page, and tuples are built several times faster.
    """

    line: Line
    text: str  # justification spaces removed, ends stripped: exactly the text of ``spans``
    spans: tuple[Span, ...]
    width: float  # CJK 1 em, half-width 0.5 em
    min_width: float  # CJK punctuation squeezed to half width, as typesetters do to fit a line
    max_width: float  # half-width characters stretched to 1 em (justified lines with digits)
    pure: bool  # no half-width characters: the width is exact
    indented: bool  # printed with a leading indent (some dumps keep "　　" or spaces)
    blank_before: bool
    terminal: bool  # ends like a sentence (or a bracket)
    strong_end: bool  # ends with 。！？… (plus closing marks)
    jump: tuple[str, int] | None  # ("to"|"from", page)
    numbered: bool
    byline_names: tuple[str, ...] | None  # a stand-alone byline line's names
    furniture: str | None


def char_width(ch: str) -> float:
    """1 em for CJK and full-width forms, 0.5 em for everything else.

    >>> char_width("乐"), char_width("5"), char_width("，")
    (1.0, 0.5, 1.0)
    """
    return 1.0 if _CJK_RE.match(ch) else 0.5


_CJK_ALL = re.compile(f"[{CJK}]")
_JUMP_CHARS = re.compile("[转接续承]")


def text_width(s: str) -> float:
    """Width in ems, whitespace not counted.

    >>> text_width("已有36年")
    4.0
    """
    n = len(s) - sum(1 for c in s if c.isspace()) if " " in s or "\t" in s else len(s)
    cjk = len(_CJK_ALL.findall(s))
    return cjk + 0.5 * (n - cjk)


_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014]")


def squeezed_width(s: str) -> float:
    """Width with CJK punctuation at half an em: the least room the line can take.

    >>> squeezed_width("“小切口，大成效”")
    7.5
    """
    return text_width(s) - 0.5 * len(_PUNCT.findall(s))


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def kept_spans(page: Page, line: Line) -> tuple[Span, ...]:
    """Source slices of a line with its justification spaces left out.

    A whitespace run survives only between Latin words ("Apple Inc",
    "iPhone 11"); next to CJK ("5 位 。 其 中", "已有 36年") or between digits
    ("1 0 月 1 3 日") it is justification, not text.
    """
    text = page.text
    start, end = line.start, line.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return ()
    if not _WS_RUN.search(text, start, end):  # most lines: one span
        return (Span(page.index, start, end),)
    spans: list[Span] = []
    run_start = start
    for m in _WS_RUN.finditer(text, start, end):
        i, j = m.start(), m.end()
        left, right = text[i - 1], text[j]
        # "Apple Inc", "iPhone 11" keep their space; "1 0 月" is justification.
        keep = ((_is_latin_letter(left) and (_is_latin_letter(right) or right.isdigit()))
                or (left.isdigit() and _is_latin_letter(right)))
        if not keep:
            if i > run_start:
                spans.append(Span(page.index, run_start, i))
            run_start = j
    if end > run_start:
        spans.append(Span(page.index, run_start, end))
    return tuple(spans)


_WS_RUN = re.compile(r"\s+")


# Pieces of a running head, which some dumps print on one line ("要闻第3版2019年2月10日星期日").
_HEAD_ATOMS = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:星期|周)[一二三四五六日天]|"
                         r"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|农历\S{2,8}|[\u4e00-\u9fff]{2,6}日报|\s+")


# Every character some line cue needs besides a line's first and last: jump
# markers 转接续承, brackets, credits (摄/图/绘, 制图/供图), roles (记者/…员/实习生).
_CUE_CHAR = re.compile(r"[转接续承（）()摄图绘制供者员生]")
_FURNITURE_CHAR = re.compile(r"[版报号图源期]")
_SHORT_CODE = re.compile(r"[0-9０-９A-Z]{1,3}")


def _may_be_furniture(text: str) -> bool:
    """Mid-page furniture is short and says 版/报/号/图/源/期 (or is a bare page
    code such as "A3", the serial code "CN 11-0065" or the guide's 导读), or is an editors'
    line ("责编：…") or a notice ("新闻热线：…"), or gives the date with its weekday
    ("2024年7月9日 星期二 农历六月初四"), or points to a page ("…详见A3版")."""
    return ("：" in text or ":" in text or ("星期" in text and _FULL_DATE.search(text) is not None)
            or text[-1] == "版" or len(text) <= 14 and (
                _FURNITURE_CHAR.search(text) is not None or (len(text) <= 3 and _SHORT_CODE.fullmatch(text) is not None)
                or text.startswith("CN") or text == "导读"))
_FULL_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]")


def _running_head(text: str) -> bool:
    """A line made of running-head pieces and at most a 2-4 character section name."""
    if len(text) > 40 or not re.search(r"\d{4}\s*年|第\s*\S{1,3}\s*版|星期", text):
        return False
    rest = _HEAD_ATOMS.sub("", text)
    # what may remain: a section name and the page number ("评论8", "05地方", "要闻A2")
    return bool(re.fullmatch(r"[A-Z]?\d{0,2}[\u4e00-\u9fff]{0,4}[A-Z]?\d{0,2}", rest))


_SECTION_NAME = re.compile(r"[\u4e00-\u9fff·]{2,5}")


def _furniture_kind(text: str, pos: int, n: int, paper: str | None, parts: Sequence[str] = ()) -> str | None:
    """The kind of page furniture ``text`` is, or None; ``parts``: its pieces
    between spaces."""
    near_edge = pos < EDGE_LINES or pos >= n - EDGE_LINES
    if not near_edge and not _may_be_furniture(text):
        return None
    if _running_head(text) and (near_edge or _FULL_DATE.search(text)):
        return "page_label"
    squeezed = re.sub(r"\s+", "", text)
    if paper and squeezed == re.sub(r"\s+", "", paper) and near_edge:
        return "masthead"
    kind = _pattern_kind(text, near_edge)
    if kind is None and len(parts) > 1:
        # Pieces of a running head set apart on one line: "人民日报 代号1-1".
        kinds = [_pattern_kind(piece, near_edge) for piece in parts]
        if all(kinds):
            kind = kinds[0]
        elif near_edge and len(parts) == 2 and "page_number" in kinds and _SECTION_NAME.fullmatch(
                parts[kinds.index(None)] if None in kinds else ""):
            kind = "page_label"  # a page code set apart from the section's name: "A2 要闻", "08 视点"
    return kind


def _pattern_kind(text: str, near_edge: bool) -> str | None:
    for kind, pattern, anywhere in FURNITURE_RES:
        if (anywhere or near_edge) and pattern.search(text):
            if kind == "editor" and len(text) > 40:
                continue  # a sentence that happens to mention 编辑：
            return kind
    return None


_HAN_END = re.compile(r"[\u4e00-\u9fff]$")
_NAMES_ONLY = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[\s、]+[\u4e00-\u9fff]{2,4}){0,3}")


def _editor_tails(texts: list[str], out: list[str | None], starts: Iterable[int],
                  printed: Callable[[int], str] = lambda k: "") -> None:
    """Mark the lines from each of ``starts`` on that carry an editors' line's names
    over ("本版责编：宋丽伟 / 邓建静", "版式设计：徐宁刚 / 傅文斌 郭霞勇").  Only a line
    after an editors' line can, so the caller passes those: every line is read the
    plain way (tests/test_fast_paths.py).  ``printed(k)``: line k as printed, with
    the spaces between names that its text has lost."""
    n = len(texts)
    for k in starts:
        while (k < n and out[k - 1] == "editor" and not out[k]
               and (_NAMES_ONLY.fullmatch(texts[k]) or _NAMES_ONLY.fullmatch(printed(k)))
               and _HAN_END.search(texts[k - 1]) and not BODY_LABELS.match(texts[k])):
            out[k] = "editor"
            k += 1


# A page code in a running head: beside 版, or a section name's number ("文化 12",
# "05地方", "A6"); the date is taken out first.
_PAGE_CODE = re.compile(r"(?<![0-9A-Za-z])([A-Z]?\s*[0-9０-９]{1,3})(?![0-9])")
_BARE_CODE = re.compile(r"[A-Z]?[0-9０-９]{1,3}")


def _code(text: str) -> str:
    """A page code compared as printed without spaces or leading zeros ("06" is "6")."""
    return re.sub(r"\s+", "", text).translate(FULLWIDTH_DIGITS).lstrip("0") or "0"


def _loose_folios(texts: list[str], blank_before: list[bool], kinds: list[str | None]) -> None:
    """Mark the page numbers an extractor put mid-page, away from any running head.

    Plain pdftotext reads a corner's folio where its baseline falls, often inside a
    column ("…问题1.4万 / (blank) / 1 / (blank) / 起，…", "…向基层 / (blank) / 04 /
    延伸，…").  A bare code on a line of its own, beside a blank line, is the folio
    when it is set off on both sides, when the same code stands alone elsewhere on
    the page ("6" and "A6", "7" and "07": printed in two corners), or when the text
    before it stops mid-word.  A figure that is text runs on with its lines (an
    infographic's "63" between two captions) or follows what it completes
    ("9：00—16： / 30").
    """
    n = len(texts)
    bare = [k for k in range(n) if len(texts[k]) <= 4 and kinds[k] is None and _BARE_CODE.fullmatch(texts[k])]
    if not bare:
        return
    seen = Counter(_code(texts[k]) for k in bare)
    codes = set(bare)
    for k in bare:
        before, after = blank_before[k], k + 1 == n or blank_before[k + 1]
        if not (before or after):
            continue
        prev = next((texts[j] for j in range(k - 1, -1, -1) if j not in codes), "")
        if (before and after) or seen[_code(texts[k])] > 1 or _HAN_END.search(prev):
            kinds[k] = "page_number"


_TAGGED_LINE = re.compile(r"[^（(\s][（(][^（）()]{2,20}[）)]$")  # text, then a column tag ending the line


def _furniture_clusters(texts: list[str], kinds: list[str | None],
                        printed: Callable[[int], str] = lambda k: "",
                        blank: Sequence[bool] = ()) -> list[str | None]:
    """Running heads come in clusters at a page edge ("人民日报 / 2019年2月19日 / 评论 /
    星期二 / 第8版"); a very short line in such a cluster (a section name, the tail
    of an editors' line that wrapped: "罗萍") is furniture too.  ``blank``: whether a
    blank line stood before each line."""
    out = list(kinds)
    n = len(texts)
    # An editors' line wraps its last names onto the next line ("本版责编：宋丽伟 /
    # 邓建静"), mid-page too where the extractor put the running foot there.
    # ("核心阅读" under a running foot stays the article's label.)
    _editor_tails(texts, out, [k + 1 for k, kind in enumerate(kinds) if kind == "editor"], printed)
    # The paper's name in capitals ("RENMIN RIBAO") beside its masthead, wherever the
    # extractor put the masthead block (mid-page when it was drawn between articles).
    for k in range(1, n - 1):
        if out[k] is None and "masthead" in (kinds[k - 1], kinds[k + 1]) and _ROMAN_MASTHEAD.match(texts[k]):
            out[k] = "masthead"
    # ... and the paper's name in large type beside its capitals, broken where the extractor
    # read its glyphs apart ("人民日" / "RENMIN RIBAO" / "报").
    for q in [q for q in range(n) if out[q] == "masthead" and texts[q][:1].isascii() and _ROMAN_MASTHEAD.match(texts[q])]:
        for k in (q - 1, q + 1):
            # (set right against it: across a blank line, "这一跪" under it is a title's)
            if (0 <= k < n and out[k] is None and len(texts[k]) <= 4 and _MASTHEAD_PIECE.fullmatch(texts[k])
                    and not (blank and blank[max(k, q)])):
                out[k] = "masthead"
    edge = [k for k in range(n) if k < EDGE_LINES or k >= n - EDGE_LINES]
    # The page's number printed again mid-page, where the extractor put the box that
    # holds it ("15" between two headlines): a bare code equal to the one the running
    # head gives ("文化 15", "第15版", "A6") is furniture wherever it stands.
    codes = {_code(m) for k in edge if kinds[k] in ("page_label", "page_number")
             for m in _PAGE_CODE.findall(re.sub(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", "", texts[k]))}
    if codes:
        for k in range(n):
            if out[k] is None and len(texts[k]) <= 4 and _BARE_CODE.fullmatch(texts[k]) and _code(texts[k]) in codes:
                out[k] = "page_number"
    changed = True
    while changed:
        changed = False
        # (a cluster may run past the edge lines: a bare page code after an unbroken
        # run of furniture from the top, or before one from the bottom, is its too —
        # not a word there, which may be a title's first line)
        top = next((k for k in range(n) if not out[k]), n)
        bottom = next((k for k in range(n - 1, -1, -1) if not out[k]), -1)
        past = [k for k in (top, bottom) if 0 <= k < n and k not in edge and _BARE_CODE.fullmatch(texts[k])]
        for k in edge + past:
            if out[k]:
                continue
            t = re.sub(r"\s+", "", texts[k])
            # (a label that opens an article, "核心阅读" under the running head, is its text;
            # so is the tail of a bracket the line above opened ("（作者为驻阿根廷 / 大使）")
            # and a title's first words over the rest of it and its column tag ("网上种树 /
            # 渐成风尚（美丽中国·绿色奇迹②）") are its headline)
            if (not (1 <= len(t) <= 4) or TERMINAL.search(t) or ARTICLE_LABELS.match(t)
                    or (t[-1] in "）)" and "（" not in t and "(" not in t)
                    or (k + 1 < n and not out[k + 1] and _TAGGED_LINE.search(texts[k + 1]))):
                continue
            # (a short line set right under text, no blank line between, ends that text's
            # block: a title's last words above the running foot, "三沙…三位“90后” /
            # 同一个岛 / 同一个家", are no section name)
            if k > 0 and not out[k - 1] and blank and not blank[k]:
                continue
            near = [out[j] for j in (k - 1, k + 1) if 0 <= j < n]
            if any(near):
                out[k] = "other"
                changed = True
    return out


# An attribution or source note that wraps: "（记者 张三、" … "李四）", "（稿件来源：人民日报中" … "央厨房）".
_ATTRIBUTION_OPEN = re.compile(r"[（(](?:[^）)]*(?:记者|通讯员|实习生|新华社|本报|电讯|编译)|" + NOTE_OPENERS
                               + r"|(?:稿件|资料|数据)?来源[：:])[^）)]*$")


def _closes_attribution(text: str, open_attribution: bool) -> bool:
    """A line ending "…马菲、万宇）" closes a reporter list opened lines before, as does one
    saying who wrote it ("张东丹参与采写）", "…执笔）")."""
    return text.endswith(("）", ")")) and "（" not in text and (
        open_attribution or bool(re.search(r"记者|通讯员|电|编译|综合|报道|采写|执笔|供稿|整理", text)))


def _indent_of(src: str, line: Line) -> bool:
    """Two ASCII spaces or one ideographic space at the start of a line."""
    head = src[line.start:line.start + 2]
    return head.startswith("\u3000") or head == "  "


_CLOSERS = frozenset("。！？!?…；;：:”’」』）)》〉】]—")
_OPENERS = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９第①②③④⑤⑥⑦⑧⑨⑩■●◆▲□◇◎核编开内延短相链背记专小新数点人名图文")
# Lines are mostly CJK: counting the few other characters is several times
# cheaper than collecting every CJK one.
_NON_CJK = re.compile(f"[^{CJK}]")
# Cheap character tests that must hold before a pattern can match (checked on
# every line, where the patterns would scan every position):
_CREDIT_LAST = frozenset("摄图绘")  # PHOTO_CREDIT's "…摄/供图/绘/制图" ends so
_CREDIT_FIRST = frozenset("制图摄供")  # and its "制图：/图片：/摄影：/供图：" opens so


def _line_texts(page: Page) -> tuple[list[str], list[int], list[int]] | None:
    """Each line's text, start and end, from one split of the page text: ``None``
    unless the lines are the page's newline-separated pieces, as the readers make
    them (then a line's text is its piece, and a piece without whitespace is all kept).

    The pieces' offsets are compared with the lines' in C: a pass over the
    lines in Python cost as much as measuring them.
    """
    lines, text = page.lines, page.text
    if not lines:
        return None
    texts = text.split("\n")
    if len(texts) == len(lines) + 1 and not texts[-1]:
        texts.pop()  # the empty piece after a final newline is not a line
    if len(texts) != len(lines):
        return None
    lengths = list(map(len, texts))
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))  # one past the newline before
    ends = list(map(add, starts, lengths))
    if list(map(_START, lines)) != starts or list(map(_END, lines)) != ends:
        return None
    return texts, starts, ends


_START, _END = attrgetter("start"), attrgetter("end")


Piece = tuple[Line, tuple[Span, ...], bool, str]  # line, kept spans, blank line before, text


def _pieces(page: Page) -> list[Piece]:
    """Kept text of every non-blank line, merged lines cut apart (see :func:`.cuts.cut_points`).

    Most lines hold no whitespace and no bracket at either end: each is one
    piece, its whole text as one span, and all of them are made at once
    (tests/test_fast_paths.py checks them against the general path, which
    :func:`_add_pieces` takes for the others).
    """
    pieces: list[Piece] = []
    found = _line_texts(page)
    if found is None:
        blank = False
        for line in page.lines:
            blank = _add_pieces(page, line, blank, pieces)
        return pieces
    texts, starts, ends = found
    lines = page.lines
    # (str.isprintable is false for every whitespace character but the space)
    general = [k for k, t in enumerate(texts)
               if not t or " " in t or t[0] in "（(" or t[-1] in "）)" or not t.isprintable()]
    # (zip(spans) makes each line's one-span tuple)
    plain = list(zip(lines, zip(make_spans(page.index, starts, ends)), repeat(False), texts))
    done = 0  # lines before this one are placed
    blank = False
    for k in general:
        if done < k:
            if blank:  # the first plain line after a blank one
                line, spans, _, text = plain[done]
                plain[done] = (line, spans, True, text)
                blank = False
            pieces += plain[done:k]
        blank = _add_pieces(page, lines[k], blank, pieces)
        done = k + 1
    if done < len(lines):
        if blank:
            line, spans, _, text = plain[done]
            plain[done] = (line, spans, True, text)
        pieces += plain[done:]
    return pieces


def _add_pieces(page: Page, line: Line, blank: bool, pieces: list[Piece]) -> bool:
    """Append the pieces of one line (none for a blank one); ``blank``: whether a
    blank line came just before it.  Returns whether the next line has one before it."""
    src = page.text
    spans = kept_spans(page, line)
    if not spans:
        return True
    text = src[spans[0].start:spans[0].end] if len(spans) == 1 else "".join(src[s.start:s.end] for s in spans)
    cuts = cut_points(page, line, text, spans)
    if not cuts:
        pieces.append((line, spans, blank, text))
    else:
        for part in split_spans(spans, cuts):
            pieces.append((line, part, blank, "".join(src[s.start:s.end] for s in part)))
            blank = False
    return False


def _may_be_furniture_at(texts: list[str]) -> list[int]:
    """Indices of the lines that may be furniture: near a page edge, short, or with a
    colon (:func:`_may_be_furniture`).  Most lines are none of these and are not
    weighed at all (tests/test_fast_paths.py weighs every line against this)."""
    n = len(texts)
    maybe = [k for k, t in enumerate(texts) if len(t) <= 14 or "：" in t or ":" in t or "星期" in t]
    return sorted({*range(min(n, EDGE_LINES)), *range(max(0, n - EDGE_LINES), n), *maybe})


def labelled_tag(text: str) -> bool:
    """Does ``text`` end with a bracketed column name ("…（记者手记）"), not a note after a
    full stop?  The bracket reads as a source note ("（记者 张清）") to :data:`TERMINAL`.

    >>> labelled_tag("让科研更有“生命力”（记者手记）"), labelled_tag("他说。（记者手记）")
    (True, False)
    """
    cut = max(text.rfind("（"), text.rfind("("))
    return cut >= 0 and (cut == 0 or text[cut - 1] not in "。！？") and BODY_LABELS.match(text[cut + 1:-1]) is not None


def measure_lines(page: Page, paper: str | None = None) -> list[LineInfo]:
    """Measure every non-blank line of ``page`` (blank lines become ``blank_before``).

    This runs on every line of every page and took the largest share of a
    page's time: cheap character tests guard the regular expressions, and the
    commonest line (no whitespace, no bracket at either end) takes a short path.
    """
    src = page.text
    pieces = _pieces(page)
    n = len(pieces)
    texts = [p[3] for p in pieces]
    kinds: list[str | None] = [None] * n
    for k in _may_be_furniture_at(texts):
        t, p = texts[k], pieces[k]
        if not EDGE_LINES <= k < n - EDGE_LINES or _may_be_furniture(t):
            kinds[k] = _furniture_kind(t, k, n, paper, [src[s.start:s.end] for s in p[1]] if len(p[1]) > 1 else ())
    _loose_folios(texts, [p[2] for p in pieces], kinds)
    kinds = _furniture_clusters(texts, kinds, lambda k: src[pieces[k][1][0].start:pieces[k][1][-1].end],
                                [p[2] for p in pieces])
    infos: list[LineInfo] = []
    append = infos.append
    # Filled in field order without the named tuple's own __new__, a Python
    # function called for every line (tests/test_fast_paths.py checks the result).
    new_info = tuple.__new__
    open_attribution = False
    after_stop = False  # the line before ended a sentence (see _NAMES_NOTE)
    for k, (line, spans, blank_before, text) in enumerate(pieces):
        size = len(text)
        short = size <= 24
        jump = names = None
        terminal = credit = numbered = False
        last = text[-1]
        # Two lines in three run on mid-sentence without a character any cue needs.
        if last in _CLOSERS or text[0] in _OPENERS or _CUE_CHAR.search(text):
            if short and _JUMP_CHARS.search(text):
                jm = JUMP_RE.match(re.sub(r"\s+", "", text))
                if jm:
                    jump = ("from" if jm.group("kind") in ("上接", "接", "承", "续") else "to",
                            page_number(jm.group("page")))
            terminal = last in _CLOSERS and (bool(TERMINAL.search(text)) or _closes_attribution(text, open_attribution)
                                             or (last in "）)" and _NOTE_AFTER_STOP.search(text) is not None)
                                             or (after_stop and text[0] in "（(" and _NAMES_NOTE.fullmatch(text) is not None))
            if terminal and last in "）)" and (byline_only(text) or (text[0] in "（(" and BODY_LABELS.match(text[1:-1]))):
                # "本报讯（记者 张清）" alone on its line: the paragraph runs on; "（记者手记）" is a
                # column's name (under its title), not a source note
                terminal = False
            if "（" in text or "(" in text or "）" in text or ")" in text:
                open_attribution = bool(_ATTRIBUTION_OPEN.search(text)) or (
                    open_attribution and "）" not in text and ")" not in text)
            credit = short and (last in _CREDIT_LAST or text[0] in _CREDIT_FIRST) and bool(PHOTO_CREDIT.search(text))
            if (short and not terminal and not credit and ("记者" in text or "员" in text or "实习生" in text)
                    and ROLE_RE.search(text) and not BODY_LABELS.match(text.lstrip("■●◆▲□◇"))):
                bm = STANDALONE_BYLINE_RE.match(src[spans[0].start:spans[-1].end])
                if bm:
                    names = byline_names(bm.group("names")) or None
            elif short and not terminal and (text[0] == "文" or text[0] in MARKS):
                am = AUTHOR_LINE.match(src[spans[0].start:spans[-1].end])
                if am:
                    names = byline_names(am.group("names")) or None
            numbered = text[0] in _OPENERS and bool(
                NUMBERED_RE.match(text) or (size <= 7 and BODY_LABELS.match(text)))
        cjk = size - len(_NON_CJK.findall(text))
        width = cjk + 0.5 * (size - cjk)
        punct = len(_PUNCT.findall(text)) if cjk else 0
        # a piece that starts its line (not one cut off a merged line) shows the line's indent
        indented = line.start < spans[0].start <= line.start + 2 and _indent_of(src, line)
        strong_end = terminal and _STRONG_END.search(text) is not None
        # (not under a quotation whole on its line: an exclaiming title over its deck,
        # "“我们是一支不可战胜的力量！”" / "——国庆阅兵现场纪实")
        attribution = (after_stop and text[0] == "—" and _ATTRIBUTION.fullmatch(text) is not None
                       and not (k and texts[k - 1][0] == "“"))
        after_stop = strong_end
        if text[0] == "—" and (attribution or EDITOR_SIGNATURE.fullmatch(text)):
            # (the editor's note ends on its signature; a quotation set as an epigraph on
            # who said it, a paragraph of its own: "…才能把绢花做好。”" / "——金铁铃")
            terminal = strong_end = True
        if text[0] == "图" and SOURCE_NOTE.fullmatch(text):
            terminal = strong_end = credit = True  # (a paragraph of its own: see numbered below)
        furniture = None if (jump or names) else kinds[k]
        append(new_info(LineInfo, (line, text, spans, width, width - 0.5 * punct, float(size), cjk == size,
                                   indented, blank_before, terminal, strong_end, jump, numbered or credit, names,
                                   furniture)))
    return infos
