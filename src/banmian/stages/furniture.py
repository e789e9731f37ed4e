"""Page furniture: what on a page is no article's text.

Mastheads and their capitals, running heads (版名 / 版次 / date), page numbers, editors'
lines, credits, the paper's notices and a front page's guide are told by pattern
(:data:`FURNITURE_RES`), by position (near a page edge: :data:`EDGE_LINES`) and by the
company they keep (:func:`furniture_clusters`).  :func:`.normalize.measure_lines` asks
these of every page's lines; the kinds are listed in the README.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..pagenum import FULLWIDTH_DIGITS
from .reflow_cues import ARTICLE_LABELS, BODY_LABELS, IDEOGRAPHS, TERMINAL

# The paper's name in capitals ("RENMIN RIBAO"): a masthead line near a page edge, or beside
# another masthead line anywhere (furniture_clusters).
_ROMAN_NAME = r"^[A-Z][A-Z\s]{3,30}$"
_GUIDE_MARKS = "▶►●■◆▲★☆◇□◎"
_ROMAN_MASTHEAD = re.compile(_ROMAN_NAME)
_MASTHEAD_PIECE = re.compile(r"[\u4e00-\u9fff]{1,4}")
FURNITURE_RES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (kind, pattern, anywhere on the page?)
    ("editor", re.compile(r"(?:本版|责任|美术|版式|图片|视觉)?(?:责编|编辑|设计|校对|统筹|制图|排版|美编|组版|照排)\s*[：:]"
                          r"|值班(?:主任|编委|总编|副总编)\s*[：:]"), True),
    # (in Chinese numerals only with its 第: "第十六版国际", not a body line's "十六版")
    ("page_label", re.compile(r"^(?:[\u4e00-\u9fff]{2,4}\s*)?(?:第?\s*[0-9０-９A-Z]{1,3}|第\s*[一二三四五六七八九十]{1,3})\s*版"
                              r"(?:\s*[\u4e00-\u9fff]{2,4})?$|^[\u4e00-\u9fff]{2,4}\s*[0-9]{2}$"), True),
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
                            # the issue number and serial code, alone on a line ("第25251期", "CN 11-0065"),
                            # and the serial code's label parted from it ("国内统一连续出版物号")
                            r"^(?:总)?第\s*[0-9]{3,6}\s*期$|^CN\s*[0-9]{2}\s*[-－]\s*[0-9]{4}(?:/[A-Z]{1,2})?$|"
                            r"^国内统一连续出版物号$"), True),
    ("credit", re.compile(r"^(?:资料图片|制图)[：:]"), True),
    ("masthead", re.compile(r"^\S{2,8}(?:日报|晚报|早报|时报|商报|晨报|都市报)(?:社(?:出版|主办|主管)?)?$|" + _ROMAN_NAME + r"|"
                            r"(?:国内统一连续出版物号|邮发代号|CN\s*\d{2}\s*[-－]\s*\d{4}|总第\s*\d+\s*期|"
                            r"第\s*\d+\s*期)"), False),
    ("page_number", re.compile(r"^[0-9０-９]{1,3}$|^[A-Z]\s*[0-9]{1,2}$|^[-—–]\s*\d{1,3}\s*[-—–]$"), False),
    # The paper's own notices: its hotlines, address, price ("新闻热线：0833-2123456"), and
    # the weather box of its front page ("今日天气：多云 22℃～31℃"); a column's own call for
    # pieces ("栏目投稿邮箱：…", under the last paragraph of each of its articles) is that
    # article's text
    ("notice", re.compile(r"(?:新闻|广告|订阅|订报|发行|服务|投诉|读者|报料|值班)热线\s*[：:]|(?<!栏目)投稿邮箱\s*[：:]|"
                          r"^(?:社址|报社地址|邮政编码|零售价|定价)\s*[：:]|^(?:今日|明日|今天|明天)?天气\s*[：:]"), True),
    # A front page's guide to the issue: its label and the items pointing to other pages
    # ("▶ 暑期旅游市场升温 详见A3版"); in a text a page reference is bracketed or ends a sentence
    ("contents", re.compile(r"^(?:今日|本期)?导读$|^[" + _GUIDE_MARKS + r"]?[^（）()。，]{2,30}(?:详见|见)\s*第?\s*"
                            r"[0-9０-９A-Z一二三四五六七八九十]{1,3}\s*版$"), True),
)
EDGE_LINES = 6  # position-dependent furniture only within this many lines of a page edge


# Pieces of a running head, which some dumps print on one line ("要闻第3版2019年2月10日星期日").
_HEAD_ATOMS = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:星期|周)[一二三四五六日天]|"
                         r"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|农历\S{2,8}|[\u4e00-\u9fff]{2,6}日报|\s+")
_BARE_LABEL = re.compile(r"第?\s*[0-9０-９A-Z一二三四五六七八九十]{1,3}\s*版")
_FURNITURE_CHAR = re.compile(r"[版报号图源期]")
_SHORT_CODE = re.compile(r"[0-9０-９A-Z]{1,3}")


def may_be_furniture(text: str) -> bool:
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


# Sections of a Chinese daily (版名), as running heads name them.
SECTION_NAMES = frozenset(("要闻", "经济", "社会", "国际", "文化", "评论", "地方", "视点", "生态", "科技", "体育",
                           "理论", "副刊", "读者", "政治", "综合", "教育", "健康", "法治", "环球", "观点", "民生",
                           "军事", "新闻", "财经", "时政", "城市", "文艺", "专题", "海外", "港澳台", "两岸"))
_BARE_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_WEEKDAY = re.compile(r"(?:星期|周)[一二三四五六日天]")
_SECTION_NAME = re.compile(r"[\u4e00-\u9fff·]{2,5}")


def furniture_kind(text: str, pos: int, n: int, paper: str | None, parts: Sequence[str] = ()) -> str | None:
    """The kind of page furniture ``text`` is, or None; ``parts``: its pieces
    between spaces."""
    near_edge = pos < EDGE_LINES or pos >= n - EDGE_LINES
    if not near_edge and not may_be_furniture(text):
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


def loose_folios(texts: list[str], blank_before: list[bool], kinds: list[str | None]) -> None:
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


def furniture_clusters(texts: list[str], kinds: list[str | None],
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
    # A date and its weekday on lines of their own, one after the other ("2019年2月12日" /
    # "星期二"), are the running head's date broken apart, wherever the extractor set it (a
    # letter's closing date has no weekday under it).
    for k in [k for k, t in enumerate(texts) if k and len(t) <= 3 and t[:1] in "星周"]:
        if _WEEKDAY.fullmatch(texts[k]) and _BARE_DATE.fullmatch(texts[k - 1]) and (out[k - 1] is None or out[k] is None):
            out[k - 1] = out[k] = "date"
    # A section's name alone between blank lines, on a page whose running head was found,
    # wherever the extractor set it ("经济" between two articles): a title is never just a
    # section's name (in the dev corpus none is, bar "广告" over advertisements).
    named = [k for k, t in enumerate(texts) if t in SECTION_NAMES]
    if named and blank and ("page_label" in out or "date" in out):
        for k in named:
            if out[k] is None and blank[k] and (k + 1 == n or blank[k + 1]):
                out[k] = "page_label"
    # A section's name of two characters beside a bare page label, wherever the extractor
    # set the running head ("第十六版" / "国际" mid-page): no title is that short.
    for k in range(n):
        if (out[k] is None and len(texts[k]) == 2 and IDEOGRAPHS.fullmatch(texts[k])
                and any(0 <= q < n and kinds[q] == "page_label" and _BARE_LABEL.fullmatch(texts[q])
                        for q in (k - 1, k + 1))):
            out[k] = "page_label"
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
            # (a label that opens an article, "核心阅读" under the running head, is its text, as
            # is a box's inside one, "人物小传" over a portrait's lead;
            # so is the tail of a bracket the line above opened ("（作者为驻阿根廷 / 大使）")
            # and a title's first words over the rest of it and its column tag ("网上种树 /
            # 渐成风尚（美丽中国·绿色奇迹②）") are its headline)
            # (nor a title's first half over its other half, a couplet set right under it:
            # "十指春风 / 一绣千年" under the masthead)
            if (not (1 <= len(t) <= 4) or TERMINAL.search(t) or ARTICLE_LABELS.match(t) or BODY_LABELS.match(t)
                    or (t[-1] in "）)" and "（" not in t and "(" not in t)
                    or (k + 1 < n and not out[k + 1] and _TAGGED_LINE.search(texts[k + 1]))
                    or (k + 1 < n and not out[k + 1] and blank and not blank[k + 1] and len(t) >= 3
                        and abs(len(texts[k + 1]) - len(t)) <= 1 and IDEOGRAPHS.fullmatch(t)
                        and IDEOGRAPHS.fullmatch(texts[k + 1]))):
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


def may_be_furniture_at(texts: list[str]) -> list[int]:
    """Indices of the lines that may be furniture: near a page edge, short, or with a
    colon (:func:`may_be_furniture`).  Most lines are none of these and are not
    weighed at all (tests/test_fast_paths.py weighs every line against this)."""
    n = len(texts)
    maybe = [k for k, t in enumerate(texts) if len(t) <= 14 or "：" in t or ":" in t or "星期" in t]
    return sorted({*range(min(n, EDGE_LINES)), *range(max(0, n - EDGE_LINES), n), *maybe})
