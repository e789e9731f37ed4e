"""What one line's text and spacing say, read alone: phrases set apart by a space,
letter-spaced lines, brackets left open or closed, a column tag the line break cut; and
whether a page sets a paragraph to a line, as a web page or a document gives its text.

Predicates the labelling (:mod:`.layout`) asks of a line and its neighbours; none
reads the page's measure beyond the width it is given.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .bylines import ROLE
from .cuts import bracket_depth, closes_unopened
from .normalize import LineInfo
from .reflow_cues import NOTE_OPENERS

PUNCT_ANY = re.compile(r"[，。、；：？！“”（）《》—…·]")
SENTENCE_PUNCT = re.compile(r"[，。；：？！、,.;:?!]")
SENTENCE_STOP = re.compile(r"[。；？！;?!]")
HAN = re.compile(r"[\u3400-\u9fff]")

BRACKETED_BYLINE = re.compile(r"[（(]\s*" + ROLE + r"\s*[\u4e00-\u9fff·]{2,4}(?:[\s、]+(?:" + ROLE
                               + r")?\s*[\u4e00-\u9fff·]{2,4}){0,5}\s*(?:文\s*[/／]\s*图)?\s*[）)]")
NOTE_LINE = re.compile(r"[（(](?:" + NOTE_OPENERS + r")")  # a closing note's opening ("（作者为…")
_BRACKET_LINE = re.compile(r"[（(][^（）()，。；]{2,24}[）)]")
# A title's rubric: "（人民时评）", "（逐梦70年）"; short, at the end of a short line.
COLUMN_TAG = re.compile(r"[（(][^（）()]{2,20}[）)]$")
# Brackets of running text that no column tag is: one pointing at the photo of the person
# named before it ("索南达杰（见图，新华社发）是…", 35 paragraphs of the dev corpus), and an
# organisation's other name ("中央党校（国家行政学院）教授…", "各级党委（党组）"; no column
# tag of the corpus ends on such a word), and a span or a route parted by one dash
# ("（2018—2022年）", "中欧班列（义乌—列日）": 80 brackets of the corpus's text, no
# headline's tag; a series tag parts its names by two, "（总书记的深情牵挂——…）").
RUNNING_BRACKET = re.compile(r"[（(](?:见图[^（）()]*|[^（）()]{0,16}(?:学院|大学|党组|党委|集团|公司|委员会|研究院|"
                             r"医院|中心|政府|街道)|[^（）()—]+(?:—[^（）()—]+)+)[）)]$")
# A figure set large on a line of its own, a data callout above its caption ("53%" /
# "2018年重庆市化解信访积案1125件，…"): a paragraph of the body, never a headline
# field.  A bare number is a page's folio instead, so a unit is required.
FIGURE = re.compile(r"[0-9０-９][0-9０-９.．]*(?:[%％‰]|[万亿]?(?:[人个家件次项户座倍亩吨元头辆套台所门条种名位篇部场批本架艘株棵只处栋间份枚]"
                    r"|公里|千米|平方米)|[万亿])")
_SECTION_ORDER = "一二三四五六七八九十"  # an essay's part numbers, alone on their lines, in order
SECTION_NUMERALS = frozenset(_SECTION_ORDER)


def spaced_halves(x: LineInfo) -> tuple[str, str]:
    """A line's text cut where its first word space stood: its first span's text and the rest."""
    cut = x.spans[0].end - x.spans[0].start
    return x.text[:cut], x.text[cut:]


def two_phrases(x: LineInfo) -> bool:
    """One space between two runs of Chinese words: "坚持稳中求进 推动高质量发展".

    Headline writers set parallel phrases apart with a space; body text is
    justified by spreading every character, never by one gap, and spaces
    next to digits or Latin are word spaces.
    """
    if len(x.spans) != 2:
        return False
    a, b = spaced_halves(x)
    # A gap inside brackets that text follows is a byline's ("（记者 张清）近日，"; a column tag
    # "（我运动 我快乐）" ends its line), and so is one before a bracket closed that was opened
    # lines before ("通 / 讯员 王五）3月5日，").
    # (a phrase may close a quotation or a title, and the next open one: "力挺坚持“一国两制”
    # 呼吁香港止暴制乱")
    last, first = a[-1:], b[:1]
    return (len(a) >= 2 and len(b) >= 2
            and (bool(HAN.match(last)) or (last in "”》" and bool(HAN.match(a[-2]))))
            and (bool(HAN.match(first)) or (first in "“《" and bool(HAN.match(b[1]))))
            and (a.count("（") <= a.count("）") or b.endswith(("）", ")")))
            and not closes_unopened(x.text))


_LEADING_RUN = re.compile(r"[0-9A-Za-z.%,+\-]+")


def carried(infos: list[LineInfo], i: int, measure: float = 0.0) -> float:
    """Room a line leaves because the next line opens with a number or Latin
    word: "2019" cannot be split, so it went whole to the next line and the
    line ends short though its paragraph runs on.  Given the column's ``measure``,
    none where the word would have fitted on the line: a line that short ends
    there ("国情教育的思政课" over "2017年8月，参加第三") — unless justification spaces
    stretched it to the measure ("汪金桦 的发 家得益于" over "2016 年底…")."""
    if i + 1 >= len(infos):
        return 0.0
    m = _LEADING_RUN.match(infos[i + 1].text)
    room = 0.5 * len(m.group(0)) if m else 0.0
    x = infos[i]
    # (a line of words alone: one with a mark in it is text, and a number set after a
    # clause's comma may be kept from it; the run is set off by a quarter em either side)
    fits = measure and len(x.spans) == 1 and x.max_width + room + LATIN_GAPS <= measure - FITS_SLACK
    return 0.0 if fits and not PUNCT_ANY.search(x.text) else room


FITS_SLACK = 0.5  # ems a run must leave free of the measure to have fitted on the line
LATIN_GAPS = 0.5  # ems of the gaps that set a figure or Latin word off from ideographs


def bracket_under_head(text: str, nxt: str) -> bool:
    """Is ``text`` (a line after a headline line; ``nxt`` the line after it) a short bracket
    of its own — a column tag or a date, on one line or wrapped onto a short next line —
    rather than a byline or text?"""
    if _BRACKET_LINE.fullmatch(text):
        # (nor a closing note under a writer's name, "冯学伟" / "（作者为中国驻法国大使馆一秘）")
        return not BRACKETED_BYLINE.fullmatch(text) and not NOTE_LINE.match(text)
    return ("）" not in text and ")" not in text and len(text) <= 16 and len(nxt) <= 4
            and nxt[-1:] in "）)" and closes_unopened(nxt))


# A lead that opens on its date ("7月3日，全市…启动"): inside a paragraph such a date
# follows a mark, or one of these words: a range's 至/到, 时间 ("当地时间1月30日，"),
# 图为, 的, 是, 和, 发 (in the dev corpus, 340 paragraphs open so and 374 dates stand
# inside one, none after any other ideograph).
DATED_LEAD = re.compile(r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日[，,]")
# ... and so does one opening on when, in words ("近日，联合国…"): 179 paragraphs of the corpus
# open on these, and inside one they follow an ideograph 4 times, a number's ("数日前，") or
# a caption's ("图为近日，")
TIMED_WORDS = ("近日", "日前", "近期", "连日来", "今年以来")
TIMED_LEAD = re.compile("(?:" + "|".join(TIMED_WORDS) + ")[，,]")
TIMED_FIRST = frozenset(w[0] for w in TIMED_WORDS)  # the characters a timed lead opens on
DATE_LEADERS = frozenset("至到间为的是和与及发于在从自截数十")
_SENTENCE_MARK = re.compile(r"[，。；：？！、,;:?!]")  # (a decimal point is a figure's: "2.3万人")


def opens_on_when(text: str) -> bool:
    """Does ``text`` open on its date or on when it was, in words ("7月3日，", "近日，")?"""
    return DATED_LEAD.match(text) is not None or TIMED_LEAD.match(text) is not None


def over_dated_lead(text: str, following: str) -> bool:
    """Is ``text``, words without a sentence's mark ending on an ideograph, set over a lead
    that opens on its date or when it was ("近日，")?  Then no sentence runs on across the
    break: ``text`` is a headline's line ("全市上半年新增城镇就业2.3万人" / "7月3日，全市中小
    学生…", "刚果（金）埃博拉疫情防治取得进展" / "近日，联合国…").

    >>> over_dated_lead("全市上半年新增城镇就业2.3万人", "7月3日，全市中小学生暑期安全教")
    True
    >>> over_dated_lead("寒冷天气将持续到", "2月2日，然后冷空气")
    False
    >>> over_dated_lead("刚果（金）埃博拉疫情防治取得进展", "近日，联合国埃博拉疫情")
    True
    """
    return (opens_on_when(following) and HAN.match(text[-1]) is not None and text[-1] not in DATE_LEADERS and _SENTENCE_MARK.search(text) is None)


def note_wraps(text: str, following: str) -> bool:
    """Does ``text`` open a bracket the next line closes, as a closing note wraps
    ("（徐辉、刘慎、雷辙、" / "张东丹参与采写）")?"""
    return text[:1] in "（(" and bracket_depth(text) > 0 \
        and following[-1:] in "）)" and closes_unopened(following)


def left_open(text: str) -> bool:
    """Does ``text`` leave a bracket open (one more （ than ）)?"""
    return bracket_depth(text) > 0


def title_open(text: str) -> bool:
    """Does ``text`` leave a book title open (one more 《 than 》)?"""
    return "《" in text and text.count("《") > text.count("》")


def spaced(x: LineInfo, least: int = 6) -> bool:
    """Is there a space between each of ``x``'s characters (``least`` or more)?  Under a
    line of text, such a line was spread to the full measure ("须 坚 持 立 足 民 族 又 面 向 世")."""
    return len(x.spans) >= len(x.text) - 1 >= least - 1


def spread(x: LineInfo) -> bool:
    """Was ``x`` a line of text spread to the full measure, a space between each of its
    characters, with a sentence's comma inside ("“ 新 年 到 ， 好 运": justified where the
    next words would not fit)?  Letter-spaced titles hold no comma."""
    return spaced(x, 5) and ("，" in x.text or "、" in x.text)


TAG_HEAD_CHARS = 8  # of a column tag, at most this much before a line break
TAG_CHARS = 30  # a column tag's text, at most (headlines.TITLE_TAG's bound)


def wrapped_tag(x: LineInfo, y: LineInfo, column: float) -> bool:
    """Are ``x`` and ``y`` a title whose column tag the line break cut ("一扇了解中国文化的窗口（解" /
    "码·一带一路上的文化民企）")?  ``x`` is as wide as the column, where a paragraph's first line
    would start indented, and leaves a bracket open that ``y`` closes at its end; between the
    brackets no punctuation of a sentence, and none ends a sentence before them."""
    if y.text[-1] not in "）)" or x.indented or x.max_width < column - 1.0:
        return False
    cut = max(x.text.rfind("（"), x.text.rfind("("))
    head, tag = x.text[cut + 1:], y.text[:-1]
    # (a tag names a column and its series, parted by "·": "（我与新中国·庆 / 祝中华人民共和国
    # 成立 70 周年）", as long as a title's tag may be)
    return (0 <= cut and 0 < len(head) <= TAG_HEAD_CHARS and 2 <= len(head) + len(tag) <= TAG_CHARS
            and not PUNCT_ANY.search(head.replace("·", "")) and not SENTENCE_PUNCT.search(tag) and "（" not in tag
            and "(" not in tag and not SENTENCE_STOP.search(x.text, 0, cut) and "记者" not in y.text)


_MARK_PLACES = re.compile(r"[^\u4e00-\u9fff]")


def built_alike(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` as long as each other, with the same marks (quotes, a middle dot)
    at the same places, one at least: two halves of a couplet built alike?"""
    if len(a) != len(b) or len(a) < 6:
        return False
    marks = [(m.start(), m.group()) for m in _MARK_PLACES.finditer(a)]
    return bool(marks) and marks == [(m.start(), m.group()) for m in _MARK_PLACES.finditer(b)]


PARAGRAPH_CHARS = 40.0  # ems: a column line is never this long, a paragraph seldom shorter
PARAGRAPH_SHARE = 0.3  # of a page's text lines, this many that long make it such a page
PARAGRAPH_MEASURE = 1e4  # the measure such a page is read against


def one_line_paragraphs(infos: Sequence[LineInfo]) -> bool:
    """Does this page hold a paragraph to a line (see PARAGRAPH_CHARS)?  (A dump keeping
    the page's layout runs columns side by side on a line, parted by gaps: not counted.)"""
    text = [x for x in infos if not (x.furniture or x.jump)]
    long = sum(1 for x in text if x.width >= PARAGRAPH_CHARS and len(x.spans) <= 2)
    # (a few short articles may hold one long paragraph: no other line runs twice as long)
    return (long >= 3 and long >= PARAGRAPH_SHARE * len(text)) or any(
        x.width >= 2 * PARAGRAPH_CHARS and len(x.spans) <= 2 for x in text)


def paragraph_sentences(x: LineInfo, measure: float) -> bool:
    """On a page of a paragraph to a line, is ``x`` a paragraph's text for all it lacks an
    end (a quotation's, a list item's): paragraph-long, its clauses parted by commas, not
    leading into a title?"""
    return (measure >= PARAGRAPH_MEASURE and x.width >= PARAGRAPH_CHARS and "，" in x.text
            and not x.text.endswith(("——", "：", ":")))


def tagged_run(run: str) -> bool:
    """Does ``run`` (lines joined) read as one title ending on its column tag, without a
    sentence's marks before the tag?"""
    tag = COLUMN_TAG.search(run)
    return (tag is not None and tag.start() >= 2 and not SENTENCE_PUNCT.search(run, 0, tag.start())
            and not RUNNING_BRACKET.search(run))


def numbered_parts(texts: list[str]) -> frozenset[str]:
    """The numerals ("一", "二", …) alone on a line of the page where the next numeral
    stands alone on a later line, or the one before on an earlier one.

    >>> sorted(numbered_parts(["江城四记", "一", "望江城", "二", "江边的老街"]))
    ['一', '二']
    >>> numbered_parts(["推进祖国和平统", "一"])  # a title's last character, alone
    frozenset()
    """
    seen = [t for t in texts if len(t) == 1 and t in SECTION_NUMERALS]
    if len(seen) < 2:
        return frozenset()
    pairs = {(a, b) for k, a in enumerate(seen) for b in seen[k + 1:]
             if _SECTION_ORDER.find(b) == _SECTION_ORDER.find(a) + 1}
    return frozenset(n for pair in pairs for n in pair)
