"""Page -> measured lines: justification spaces dropped, widths in ems, cues read.

A :class:`LineInfo` keeps the source spans of the characters it keeps, so text
built from it maps back to the page.  Widths count a CJK character (or full-width
punctuation) as 1 em and a half-width character as 0.5 em: column lines of one
article are then nearly equal, which the later stages rely on.
"""
from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import NamedTuple

from ..model import Line, Page, Span, make_spans
from ..pagenum import page_number
from .bylines import AUTHOR_LINE, MARKS, ROLE_RE, STANDALONE_BYLINE_RE, byline_names, byline_only
from .cuts import bracket_depth, cut_points, gutter_cuts, split_spans
from .furniture import EDGE_LINES, furniture_clusters, furniture_kind, loose_folios, may_be_furniture, may_be_furniture_at
from .reflow_cues import BODY_LABEL_FIRST, BODY_LABELS, EDITOR_SIGNATURE, NOTE_OPENERS, SIGNED_DATE, TERMINAL

CJK = ("\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\ufe30-\ufe4f\uff00-\uffef\u2010-\u2027\u00b7\u25a0-\u25ff\u2600-\u26ff")
_CJK_RE = re.compile(f"[{CJK}]")
# A note set right after a full stop ends a paragraph too (see TERMINAL)
# (asked only of lines ending in a bracket: as an alternative of TERMINAL it slowed every search)
_NOTE_AFTER_STOP = re.compile(r"。[”’」』]*[（(][^（）()]{1,30}[）)]$")
# Who said a quotation set as an epigraph, on its own line after it: "——金铁铃",
# "——法国总统马克龙" (32 such paragraphs in the dev corpus, each after a sentence's end).
_ATTRIBUTION = re.compile(r"——\s*[\u4e00-\u9fff·]{2,10}")
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
    r"[0-9０-９]{1,2}[.．、](?![0-9])|[（(][0-9０-９]{1,2}[）)]|第[一二三四五六七八九十]{1,3}(?:[，、章条]|部分)|"
    r"[①②③④⑤⑥⑦⑧⑨⑩]|[■●◆▲□◇]\s*\S)")
# Photo and graphics credits ("本报记者 于洋摄", "制图：蔡华伟") print inside the body.
PHOTO_CREDIT = re.compile(r"(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}\s*(?:摄|供图|绘|制图)$|^(?:制图|图片|摄影|供图)[：:]")


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
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff（）]+")  # an issuer's name: "中共中央办公厅", "国务院（扶贫办）"


# An attribution or source note that wraps: "（记者 张三、" … "李四）", "（稿件来源：人民日报中" … "央厨房）",
# "（综合陆娅楠、宋豪新、常者飞报" … "道）" (all 21 brackets of the corpus opening on 综合 are such notes),
# and a pointer to the pages of the story's other reports ("（相关报道见第十三至第" / "十六版）");
# a bracket of its own may close inside it ("（作者为中央党校（国家行政学院）" / "科研部…副调研员）")
# or stay open ("（作者为中共中央党校（国家行政学" / "院）…副主任、教" / "授）").
_ATTRIBUTION_OPEN = re.compile(r"[（(](?:[^）)]*(?:记者|通讯员|实习生|新华社|本报|电讯|编译|见第)|" + NOTE_OPENERS
                               + r"|综合|(?:稿件|资料|数据)?来源[：:])(?:[^（）()]|[（(][^（）()]*[）)])*(?:[（(][^（）()]*)?$")


def _closes_attribution(text: str, open_attribution: bool) -> bool:
    """A line ending "…马菲、万宇）" closes a reporter list opened lines before, as does one
    saying who wrote it ("张东丹参与采写）", "…执笔）")."""
    return text.endswith(("）", ")")) and "（" not in text and (
        open_attribution or bool(re.search(r"记者|通讯员|电|编译|综合|报道|采写|执笔|供稿|整理", text)))


def _indent_of(src: str, line: Line) -> bool:
    """Two ASCII spaces or one ideographic space at the start of a line."""
    head = src[line.start:line.start + 2]
    return head.startswith("\u3000") or head == "  "


# Every character some line cue needs besides a line's first and last: jump
# markers 转接续承, brackets, credits (摄/图/绘, 制图/供图), roles (记者/…员/实習生).
_CUE_CHAR = re.compile(r"[转接续承（）()摄图绘制供者员生]")
_CLOSERS = frozenset("。！？!?…；;：:”’」』）)》〉】]—")
_OPENERS = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９第①②③④⑤⑥⑦⑧⑨⑩■●◆▲□◇◎图文") | BODY_LABEL_FIRST
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


def _pieces(page: Page, gutter: float | None = None) -> list[Piece]:
    """Kept text of every non-blank line, merged lines cut apart (see :func:`.cuts.cut_points`).

    Most lines hold no whitespace and no bracket at either end: each is one
    piece, its whole text as one span, and all of them are made at once
    (tests/test_fast_paths.py checks them against the general path, which
    :func:`_add_pieces` takes for the others).
    """
    pieces: list[Piece] = []
    found = _line_texts(page)
    if found is None or gutter is not None:
        blank = False
        for line in page.lines:
            blank = _add_pieces(page, line, blank, pieces, gutter)
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


def _add_pieces(page: Page, line: Line, blank: bool, pieces: list[Piece], gutter: float | None = None) -> bool:
    """Append the pieces of one line (none for a blank one); ``blank``: whether a
    blank line came just before it.  Returns whether the next line has one before it.

    ``gutter``: the measure of columns joined on one line (:func:`.measure.joined_columns`):
    such a line is parted into its columns' lines, each set apart as if by a blank line, as
    an extractor reading the columns a row at a time would give them
    (:mod:`.dealt` puts them back column by column)."""
    src = page.text
    spans = kept_spans(page, line)
    if not spans:
        return True
    text = src[spans[0].start:spans[0].end] if len(spans) == 1 else "".join(src[s.start:s.end] for s in spans)
    if gutter is not None and len(spans) > 1:
        parted = gutter_cuts(src, spans, gutter)
        if parted:
            for part in split_spans(spans, parted):
                pieces.append((line, part, True, "".join(src[s.start:s.end] for s in part)))
            return True
    cuts = cut_points(page, line, text, spans)
    if not cuts:
        pieces.append((line, spans, blank, text))
    else:
        for part in split_spans(spans, cuts):
            pieces.append((line, part, blank, "".join(src[s.start:s.end] for s in part)))
            blank = False
    return False


def labelled_tag(text: str) -> bool:
    """Does ``text`` end with a bracketed column name ("…（记者手记）"), not a note after a
    full stop?  The bracket reads as a source note ("（记者 张清）") to :data:`TERMINAL`.

    >>> labelled_tag("让科研更有“生命力”（记者手记）"), labelled_tag("他说。（记者手记）")
    (True, False)
    """
    cut = max(text.rfind("（"), text.rfind("("))
    return cut >= 0 and (cut == 0 or text[cut - 1] not in "。！？") and BODY_LABELS.match(text[cut + 1:-1]) is not None


ISSUER_CHARS = 20  # characters of the issuer's name a document is signed with, at most


def _signed_under(before: str, issuer: str) -> bool:
    """Are ``before`` and ``issuer`` a document's last sentence and who issued it?"""
    return before[-1:] in "。！" and len(issuer) <= ISSUER_CHARS and _HAN_ONLY.fullmatch(issuer) is not None


def measure_lines(page: Page, paper: str | None = None, gutter: float | None = None) -> list[LineInfo]:
    """Measure every non-blank line of ``page`` (blank lines become ``blank_before``).

    This runs on every line of every page and took the largest share of a
    page's time: cheap character tests guard the regular expressions, and the
    commonest line (no whitespace, no bracket at either end) takes a short path.
    """
    src = page.text
    pieces = _pieces(page, gutter)
    n = len(pieces)
    texts = [p[3] for p in pieces]
    kinds: list[str | None] = [None] * n
    for k in may_be_furniture_at(texts):
        t, p = texts[k], pieces[k]
        if not EDGE_LINES <= k < n - EDGE_LINES or may_be_furniture(t):
            kinds[k] = furniture_kind(t, k, n, paper, [src[s.start:s.end] for s in p[1]] if len(p[1]) > 1 else ())
            if kinds[k] == "page_label" and k >= 2 and SIGNED_DATE.fullmatch(t) and _signed_under(texts[k - 2], texts[k - 1]):
                # the date a document was signed, under who issued it after its last sentence
                # ("特此公告。" / "全国人民代表大会常务委员会" / "2019年2月27日"), however near
                # the page's foot: its text, not the running head's date
                kinds[k] = None
    loose_folios(texts, [p[2] for p in pieces], kinds)
    kinds = furniture_clusters(texts, kinds, lambda k: src[pieces[k][1][0].start:pieces[k][1][-1].end],
                                [p[2] for p in pieces])
    infos: list[LineInfo] = []
    append = infos.append
    # Filled in field order without the named tuple's own __new__, a Python
    # function called for every line (tests/test_fast_paths.py checks the result).
    new_info = tuple.__new__
    open_attribution = False
    attribution_depth = 0  # brackets the open attribution holds open
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
                # (brackets are counted: a note may hold one of its own, "（作者为中共中央党校（国家
                # 行政学" / "院）…副主任、教" / "授）")
                if (am := _ATTRIBUTION_OPEN.search(text)) is not None:
                    attribution_depth = bracket_depth(text, am.start())
                elif attribution_depth:
                    attribution_depth = max(0, attribution_depth + bracket_depth(text, 0))
                open_attribution = attribution_depth > 0
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
            # (a number with nothing but closing marks after it is the end of a wrapped tag,
            # "了（感言·岁末年初看经济" / "（12））"; a law's "第一条" / "第一章" is set apart
            # from its text by a space: run on, it is an ordinal before its noun, "第一条跨海隧道")
            numbered = text[0] in _OPENERS and bool(
                ((m := NUMBERED_RE.match(text)) and text[m.end():].strip("）)】」") != ""
                 and (m.group(0)[-1] not in "条章" or m.end() in accumulate(sp.end - sp.start for sp in spans)))
                or (size <= 7 and BODY_LABELS.match(text)))
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
        if text[0] in "12" and text[-1] not in _CLOSERS and SIGNED_DATE.fullmatch(text):
            # the date a statement or a letter was signed, its last line ("2019年10月25日于北京")
            terminal = strong_end = True
        furniture = None if (jump or names) else kinds[k]
        append(new_info(LineInfo, (line, text, spans, width, width - 0.5 * punct, float(size), cjk == size,
                                   indented, blank_before, terminal, strong_end, jump, numbered or credit, names,
                                   furniture)))
    return infos
