"""Recognised text boxes of one scanned page -> lines in reading order, text tidied.

The OCR engine returns pieces of text with boxes in no useful order.  The text
stages expect something like ``pdftotext -raw``: a column read top to bottom before
the next one, a headline before the columns under it.  :func:`order_lines` gets that
with a recursive XY cut (Nagy & Seth): a region is first split at horizontal gaps clearly
wider than the leading that cross all of it (a page header, articles stacked one above
another), then at the vertical gutters that run through all of it (columns, left to
right); where none does, something spans the columns (a headline, a rule-wide intro)
and the region is split at its widest horizontal gap (top part first), then each part
is cut again.  Gutters come before ordinary line gaps because the rows of side-by-side
columns are usually aligned: their line gaps run across the whole region and would
otherwise split it row by row.  Two cases come before the gutters and the last resort, both
headlines the padded boxes (the recogniser's margin) hide: a title set across the
columns whose word space happens to stand over a gutter (写好中国故事 淬炼时代精神…) is
cut off, above it where an article stacked under another starts there; and rows of
display type over the columns are cut off where the columns' gutters run clear under
them, a title's box reaching into the first row of text and leaving no band.  Lines the
detector found twice, whole and as a fragment inside, are read once.

:func:`tidy_text` undoes what the recogniser does to Chinese typesetting: ASCII
punctuation and straight quotes beside CJK text, spaces between CJK characters
(from justified lines), an ellipsis read as six middle dots, and the marks it reads
as look-alike glyphs (丶 for 、).

Nothing here imports the OCR engine: it works on plain :class:`Piece` objects.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from ..model import Box

__all__ = ["Piece", "Quotes", "balance_quotes", "order_lines", "ranges_across_lines", "tidy_text"]

# A clear vertical strip this wide (x the usual box height) across a region separates
# columns.  The boxes are line boxes, so only a gutter leaves a strip clear of every line;
# their margins (1/7 of the height each side) take about 0.3 of it from a gutter, and a
# narrow gutter (0.6 em of ink; a seed-8 generated page, 13 px at 44 px boxes) leaves 0.15.
GUTTER_EMS = 0.15
WIDE_GUTTER_EMS = 2.0  # ... and one this wide does even beside a single line
SPACE_EMS = 0.8  # pieces of one line further apart than this get a space between them
JUMP_EMS = 3.0  # ... and this far apart are two lines, as the PDF reader splits them (pdf.JUMP_EMS)
BAND_EMS = 0.8  # a clear horizontal strip this high across a whole region is wider than any
# leading (~0.2 x box height between body lines): it separates a header or stacked articles
HEAD_BAND_EMS = 0.5  # ... and one this high does where a headline's row starts under it
NESTED_HEIGHT = 1.3  # a box inside one this much taller is a part of its line read again
DUPLICATE_SHARE = 0.8  # a box with this much of its area inside another box of the same text is a second reading
DISPLAY_EMS = 1.15  # a box this much taller than the usual one holds display type (a headline)
WORD_SPACE_EMS = 0.8  # a headline's words on one line stand this far apart at most (x their height)
SAME_SIZE = 0.08  # two boxes within this share of their height in height and baseline are set alike
ROW_OVERLAP = 0.5  # boxes overlapping this much of the smaller height are on one row


@dataclass(frozen=True, slots=True)
class Piece:
    """One recognised text box: its text and its box in image pixels (x0, y0, x1, y1)."""

    text: str
    box: Box

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]


def order_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Lines in reading order, each a list of pieces left to right.

    Two columns under a headline that spans both; the right column is listed first
    and the rows of the columns are aligned:

    >>> def p(t, x, y, w=60): return Piece(t, (x, y, x + w, y + 12))
    >>> pieces = [p("右栏一", 80, 40), p("右栏二", 80, 56), p("左栏一", 10, 40), p("左栏二", 10, 56),
    ...           p("大标题", 10, 10, 130)]
    >>> [[x.text for x in line] for line in order_lines(pieces)]
    [['大标题'], ['左栏一'], ['左栏二'], ['右栏一'], ['右栏二']]
    """
    pieces = _unique(pieces)
    if not pieces:
        return []
    em = statistics.median(p.height for p in pieces)
    lines: list[list[Piece]] = []
    for region in _cut(list(pieces), em):
        lines += _region_lines(region, em)
    return lines


def _unique(pieces: list[Piece]) -> list[Piece]:
    """The pieces less those read twice: the detector may find a line of display type
    both whole and as a box inside it, and the recogniser reads the same text from both,
    or a fragment of it; the inner box goes.

    >>> a, b = Piece("特别报道）", (0, 0, 100, 30)), Piece("特别报道）", (2, 8, 98, 26))
    >>> [p.box for p in _unique([a, b, Piece("正文", (0, 40, 60, 52))])]
    [(0, 0, 100, 30), (0, 40, 60, 52)]
    """
    def inside(p: Piece, q: Piece) -> bool:
        w = min(p.box[2], q.box[2]) - max(p.box[0], q.box[0])
        h = min(p.box[3], q.box[3]) - max(p.box[1], q.box[1])
        area = (p.box[2] - p.box[0]) * (p.box[3] - p.box[1])
        return w > 0 and h > 0 and w * h >= DUPLICATE_SHARE * area
    same: dict[str, list[int]] = {}
    for i, p in enumerate(pieces):
        same.setdefault(p.text, []).append(i)
    # (of two readings, the taller box stays; of two alike, the first)
    twice = {i for i, p in enumerate(pieces)
             if any(j != i and inside(p, q := pieces[j]) and (q.height > p.height or (q.height == p.height and j < i))
                    for j in same[p.text])}
    # A box well inside a line of larger type is a part of it read again, whatever the
    # recogniser made of it (监T inside 监管告别碎片化): lines do not nest.
    tall = sorted(range(len(pieces)), key=lambda i: -pieces[i].height)[:max(1, len(pieces) // 10)]
    twice |= {i for i, p in enumerate(pieces) if i not in twice
              and any(j != i and pieces[j].height >= NESTED_HEIGHT * p.height and inside(p, pieces[j]) for j in tall)}
    return [p for i, p in enumerate(pieces) if i not in twice]


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into rows (top to bottom) by vertical overlap."""
    rows: list[list[Piece]] = []
    top = bottom = 0.0
    for p in sorted(pieces, key=lambda p: (p.box[1], p.box[0])):
        y0, y1 = p.box[1], p.box[3]
        if rows:
            overlap = min(bottom, y1) - max(top, y0)
            if overlap >= ROW_OVERLAP * min(bottom - top, y1 - y0):
                rows[-1].append(p)
                top, bottom = min(top, y0), max(bottom, y1)
                continue
        rows.append([p])
        top, bottom = y0, y1
    return rows


def _gaps(intervals: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Clear stretches at least ``min_gap`` wide between the union of ``intervals``."""
    out: list[tuple[float, float]] = []
    spans = sorted(intervals)
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach >= min_gap:
            out.append((reach, lo))
        reach = max(reach, hi)
    return out


def _is_column_split(region: list[Piece], gutters: list[tuple[float, float]], em: float) -> bool:
    """Do the gaps separate columns?  A paragraph's short last line leaves a clear strip
    beside it; so does a line broken at a wide space.  Columns have two rows or more each,
    unless the gap is too wide to be anything but a gutter."""
    if all(hi - lo >= WIDE_GUTTER_EMS * em for lo, hi in gutters):
        return True
    edges = [(lo + hi) / 2 for lo, hi in gutters]
    parts: list[list[Piece]] = [[] for _ in range(len(edges) + 1)]
    for p in region:
        parts[sum((p.box[0] + p.box[2]) / 2 > e for e in edges)].append(p)
    return all(len(_rows(part)) >= 2 for part in parts)


def _cut(region: list[Piece], em: float) -> list[list[Piece]]:
    """The regions of an XY cut, in reading order."""
    rows = _rows(region)
    if len(region) <= 1 or len(rows) <= 1:
        return [region]
    spans = [(p.box[1], p.box[3]) for p in region]
    wide = _gaps(spans, BAND_EMS * em) or [g for g in _gaps(spans, HEAD_BAND_EMS * em) if _display_under(region, g[1], em)]
    if wide:  # a page header, or articles stacked one above the other: bands first
        edges = [(lo + hi) / 2 for lo, hi in wide]
        bands: list[list[Piece]] = [[] for _ in range(len(edges) + 1)]
        for p in region:
            bands[sum(p.box[1] > e for e in edges)].append(p)
        return [r for band in bands if band for r in _cut(band, em)]
    gutters = _gaps([(p.box[0], p.box[2]) for p in region], GUTTER_EMS * em)
    if gutters and not _is_column_split(region, gutters, em):
        gutters = []
    if gutters:
        edges = [(lo + hi) / 2 for lo, hi in gutters]
        head = _spanning_rows(rows, edges, em)
        if 0 < head < len(rows):
            return _cut([p for row in rows[:head] for p in row], em) + _cut([p for row in rows[head:] for p in row], em)
        parts: list[list[Piece]] = [[] for _ in range(len(edges) + 1)]
        for p in region:
            centre = (p.box[0] + p.box[2]) / 2
            parts[sum(centre > e for e in edges)].append(p)
        return [r for part in parts if part for r in _cut(part, em)]
    for k in range(1, len(rows)):
        # Headlines in display type span the columns at the region's top and no clear
        # band parts them from the columns: a title's box, padded for the recogniser,
        # may reach into the first row of text under it.  Rows of display type alone
        # over a row of body type, under which the columns' gutters run clear, are cut
        # off first.
        if min(p.height for p in rows[k - 1]) < DISPLAY_EMS * em:
            break
        if max(p.height for p in rows[k]) >= DISPLAY_EMS * em:
            continue
        bottom = [p for row in rows[k:] for p in row]
        under = _gaps([(p.box[0], p.box[2]) for p in bottom], GUTTER_EMS * em)
        if under and _is_column_split(bottom, under, em):
            return _cut([p for row in rows[:k] for p in row], em) + _cut(bottom, em)
    gaps = _gaps([(p.box[1], p.box[3]) for p in region], 0.0)
    if not gaps:
        return [region]
    # the widest gap (the first of equals): headline-to-body spacing is wider than leading
    lo, hi = max(gaps, key=lambda g: (g[1] - g[0], -g[0]))
    edge = (lo + hi) / 2
    top = [p for p in region if p.box[1] < edge]
    bottom = [p for p in region if p.box[1] >= edge]
    return _cut(top, em) + _cut(bottom, em)


def _display_under(region: list[Piece], top: float, em: float) -> bool:
    """Does display type (a headline's row) start right under ``top``?  Over an article
    stacked under another, the band between the upper article's last row and the
    headline is narrower than BAND_EMS where a rule was drawn there (and erased), but
    still twice the leading."""
    return any(top <= p.box[1] <= top + em and p.height >= DISPLAY_EMS * em for p in region)


def _spans_a_gutter(row: list[Piece], edges: list[float]) -> bool:
    """Is ``row`` one headline set across a gutter: pieces of one size on one baseline, a
    word space apart over the strip (写好中国故事 淬炼时代精神…)?"""
    row = sorted(row, key=lambda p: p.box[0])
    for p, q in pairwise(row):
        h = max(p.height, q.height)
        if (any(p.box[2] <= e <= q.box[0] for e in edges) and q.box[0] - p.box[2] <= WORD_SPACE_EMS * h
                and abs(p.height - q.height) <= SAME_SIZE * h and abs(p.box[3] - q.box[3]) <= SAME_SIZE * h):
            return True
    return False


def _spanning_rows(rows: list[list[Piece]], edges: list[float], em: float) -> int:
    """Where to cut a region across, because a headline is set across a gutter: a title's
    words parted by a word space (写好中国故事 淬炼时代精神…) may leave a strip that lines
    up with the gutters of the columns under it, and the region would be read column by
    column through the title.  At the region's top, the cut is under the rows of display
    type (read first, then the columns); lower down, an article stacked under another,
    it is over them (the article above ends there).  0 when no row is such."""
    def display(row: list[Piece]) -> bool:
        return min(p.height for p in row) >= DISPLAY_EMS * em
    top = 0  # the rows at the top that hold display type
    while top < len(rows) and max(p.height for p in rows[top]) >= DISPLAY_EMS * em:
        top += 1
    # the last of them, all display type: a headline wrapped under one side only (a
    # narrow title beside another article's) is two articles' headlines, not one across
    if top and display(rows[top - 1]) and _spans_a_gutter(rows[top - 1], edges):
        return top
    for k in range(max(top, 1), len(rows) - 1):
        if display(rows[k]) and not display(rows[k + 1]) and _spans_a_gutter(rows[k], edges):
            while k > top and display(rows[k - 1]):
                k -= 1  # (its kicker, set above it)
            return k
    return 0


def _region_lines(region: list[Piece], em: float) -> list[list[Piece]]:
    """A column's (or a row's) pieces as lines: rows top to bottom, split at wide jumps."""
    lines: list[list[Piece]] = []
    for row in _rows(region):
        row.sort(key=lambda p: p.box[0])
        line = [row[0]]
        for p in row[1:]:
            h = max(p.height, line[-1].height, em * 0.5)
            if p.box[0] - line[-1].box[2] >= JUMP_EMS * h:
                lines.append(line)
                line = []
            line.append(p)
        lines.append(line)
    return lines


def join_pieces(line: list[Piece]) -> str:
    """One line's text: pieces joined, with a space where they stand clearly apart.

    >>> join_pieces([Piece("理论", (0, 0, 40, 20)), Piece("第10版", (80, 0, 150, 20))])
    '理论 第10版'
    """
    out = line[0].text
    for a, b in pairwise(line):
        gap = b.box[0] - a.box[2]
        out += (" " if gap > SPACE_EMS * max(a.height, b.height) else "") + b.text
    return out


_HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # ideographs (CJK unified and extension A)
_CJK = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027\u2460-\u24ff"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# ASCII punctuation with CJK on either side: Chinese text sets these full width (and
# the space the recogniser puts beside them is the full-width mark's own)
_HALF_BY_CJK = re.compile(f"(?<=[{_CJK}])\\s*([,:;?!()])|([,:;?!()])\\s*(?=[{_CJK}])")
_DOTS = re.compile(r"[·•.]{3,}")
# glyphs the recogniser confuses with Chinese punctuation: the radical 丶 (never in running
# text) for the enumeration comma 、; a degree sign after a character, where no number
# stands, for the small full stop 。
_RADICAL_COMMA = str.maketrans({"丶": "、"})
# ... and > for 、 between two characters (仁、义 read 仁>义), where no comparison stands
_ANGLE_COMMA = re.compile(f"(?<=[{_HAN}])>(?=[{_HAN}])")
# ... and ～ (no range stands between two characters: none in the dev corpus's text, where
# 、 stands so 67,803 times)
_TILDE_COMMA = re.compile(f"(?<=[{_HAN}])[～~](?=[{_HAN}])")
# the circle ○ for the numeral zero 〇 beside other Chinese numerals (二○一九年, 八○后)
_CIRCLE_ZERO = re.compile(r"(?<=[〇一二三四五六七八九十])○|○(?=[〇○一二三四五六七八九])")
# at text size the recogniser tells an opening quote from a closing one no better than
# a straight one: its choice is replaced by the one the context and the quote before make
_QUOTES_AS_READ = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_STOP_AS_DEGREE = re.compile(f"(?<=[{_HAN}])°")
# a range of figures (2014—2019年, 10%—15%) is set with the dash, which the recogniser
# reads as 一 as often as not (and the dash's ink may part the line in two pieces); 一
# never stands between two figures
RANGE_ENDS = "0123456789%％"  # what a range's first figure ends on
_RANGE_AS_YI = re.compile(rf"(?<=[{RANGE_ENDS}])\s*一\s*(?=[0-9])")
# the character 一 at a line's start or between characters read as a hyphen (-方面):
# Chinese text never sets an ASCII hyphen against a Chinese character
_YI_AS_HYPHEN = re.compile(f"(?:^|(?<=[{_HAN}]))-(?=[{_HAN}])")
_OPENERS = "，：；、（《“‘—\u3000 "


_RANGE_CUT = re.compile(rf"(?<=[{RANGE_ENDS}])一$")


# Costs for the directions of a page's double quotes (:func:`balance_quotes`); a
# direction's cost is what it goes against.
QUOTE_NESTED = 2.0  # a quote opened while one is open, or closed while none is: one was lost
# a closing quote after an opening mark or at a line's start, an opening one before
# punctuation or at a line's end (type keeps an opening quote off a line's end)
QUOTE_PLACE = 3.0
QUOTE_READ = 0.5  # the recogniser read the mark the other way (its readings are right more often than not)
# two quotes on one line around a short run without punctuation read other than as a
# quoted term ("推动知识产权“严保护”")
QUOTE_TERM = 1.0
TERM_CHARS = 10  # ... this short
_CLOSES_BEFORE = "，。：；！？、）”’"
_TERM_BREAKS = frozenset("，。：；！？、…")


def balance_quotes(lines: list[str], read: str) -> list[str]:
    """The double quotes of a page's lines (in reading order) turned the way that goes
    against the least: quotes alternate, open then close, and a mark the recogniser lost
    (a closing quote set tight against the next character goes to the blank) leaves one
    quote unpaired.  Read one line at a time with what is open carried over
    (:func:`tidy_text`), one lost mark turns every quote after it the wrong way round
    ("以”铁脚板“著称"); weighed over the page, the lost mark costs once, where it fits
    best (:data:`QUOTE_NESTED`), against the marks' places (:data:`QUOTE_PLACE`), the
    recogniser's own reading (``read``: each double quote's as read, “ ” or ", in order;
    :data:`QUOTE_READ`) and quoted terms (:data:`QUOTE_TERM`).

    >>> balance_quotes(["他说：“好。以”铁脚板“著称的步兵"], "““”")  # the ” after 好。 lost
    ['他说：“好。以“铁脚板”著称的步兵']
    """
    marks = [(i, k) for i, text in enumerate(lines) for k, ch in enumerate(text) if ch in "“”"]
    if not marks:
        return lines
    as_read = read if len(read) == len(marks) else ""
    costs: list[tuple[float, float]] = []  # (as an opening quote, as a closing one)
    for n, (i, k) in enumerate(marks):
        text = lines[i]
        before, after = text[k - 1:k], text[k + 1:k + 2]
        opening = closing = 0.0
        if not before or before in _OPENERS:
            closing += QUOTE_PLACE
        elif not after or after in _CLOSES_BEFORE:
            opening += QUOTE_PLACE
        if as_read[n:n + 1] == "“":
            closing += QUOTE_READ
        elif as_read[n:n + 1] == "”":
            opening += QUOTE_READ
        costs.append((opening, closing))
    # best[s]: least cost so far ending with a quote open (s = 1) or not (s = 0), and its directions
    best: list[tuple[float, list[bool]]] = [(0.0, []), (QUOTE_NESTED * 8, [])]
    for n, (i, k) in enumerate(marks):
        term = (n and marks[n - 1][0] == i and 0 < k - marks[n - 1][1] - 1 <= TERM_CHARS
                and not _TERM_BREAKS.intersection(lines[i][marks[n - 1][1] + 1:k]))
        nxt: list[tuple[float, list[bool]]] = []
        for opens in (False, True):
            options = []
            for was_open in (0, 1):
                cost, dirs = best[was_open]
                c = cost + costs[n][0 if opens else 1]
                c += QUOTE_NESTED if opens == bool(was_open) else 0.0
                if term and not (dirs and dirs[-1] and not opens):
                    c += QUOTE_TERM
                options.append((c, dirs))
            c, dirs = min(options, key=lambda o: o[0])
            nxt.append((c, dirs + [opens]))
        best = nxt
    # (the page's last quote is closed: articles end on the page, their quotes with them)
    dirs = min((best[0][0], best[0][1]), (best[1][0] + QUOTE_NESTED, best[1][1]), key=lambda b: b[0])[1]
    out = [list(text) for text in lines]
    for (i, k), opens in zip(marks, dirs):
        out[i][k] = "“" if opens else "”"
    return ["".join(chars) for chars in out]


def ranges_across_lines(texts: list[str]) -> list[str]:
    """Lines with the dash of a range of figures that the line break cut put back, at the
    end of the line ("…推出“2014一" / "2019年…") or at the start of the next ("于2月13" /
    "一16日"): :func:`tidy_text` reads one line at a time.

    >>> ranges_across_lines(["为此法国推出“2014一", "2019年国家减少", "统一", "2019年"])
    ['为此法国推出“2014—', '2019年国家减少', '统一', '2019年']
    >>> ranges_across_lines(["于2月13", "一16日举行", "统一", "一16日"])
    ['于2月13', '—16日举行', '统一', '一16日']
    """
    out = []
    for i, t in enumerate(texts):
        if i + 1 < len(texts) and texts[i + 1][:1].isdigit() and _RANGE_CUT.search(t):
            t = t[:-1] + "—"
        elif i and t[:1] == "一" and t[1:2].isdigit() and texts[i - 1] and texts[i - 1][-1] in RANGE_ENDS:
            t = "—" + t[1:]
        out.append(t)
    return out


def _pair_brackets(text: str) -> str:
    """Each bracket as wide as the one it pairs with: the recogniser reads a closing
    bracket after a circled figure or a quote as ASCII (（…③) for （…③）).

    >>> _pair_brackets("（聚焦中央一号文件③)，f(x)")
    '（聚焦中央一号文件③），f(x)'
    """
    if ")" not in text and "(" not in text:
        return text
    out = list(text)
    openers: list[int] = []
    for i, ch in enumerate(out):
        if ch in "(（":
            openers.append(i)
        elif ch in ")）" and openers:
            j = openers.pop()
            if (out[j] == "（") != (ch == "）"):  # one of them full width: both are
                out[j], out[i] = "（", "）"
    return "".join(out)


class Quotes(NamedTuple):
    """The quotation marks open at the end of a line: quotes run across lines (a
    column's line breaks fall inside quoted phrases as anywhere), single ones inside
    double ones."""

    double: bool = False
    single: bool = False


NO_QUOTES = Quotes()


def tidy_text(text: str, quotes: Quotes = NO_QUOTES) -> tuple[str, Quotes]:
    """A recognised line with Chinese punctuation restored; also the quotation marks
    still open at its end (pass them to the next line).

    >>> tidy_text('他说:"好 事 抢 着 做(记者)"……')
    ('他说：“好事抢着做（记者）”……', Quotes(double=False, single=False))
    >>> tidy_text('会上指出，"要 ...·')
    ('会上指出，“要…', Quotes(double=True, single=False))
    >>> tidy_text("养老'模式", Quotes(double=True, single=True))  # a quoted term broken over two lines
    ('养老’模式', Quotes(double=True, single=False))
    >>> tidy_text("从 1982 年至今, 2.5亿")
    ('从 1982 年至今， 2.5亿', Quotes(double=False, single=False))
    >>> tidy_text("今年是'基层减负年'，你们")
    ('今年是‘基层减负年’，你们', Quotes(double=False, single=False))
    >>> tidy_text("钢铁丶水泥等行业°气温升至30°")
    ('钢铁、水泥等行业。气温升至30°', Quotes(double=False, single=False))
    >>> tidy_text("-方面，2014一2019年下降10% 一15%，第一，COVID-19")
    ('一方面，2014—2019年下降10%—15%，第一，COVID-19', Quotes(double=False, single=False))
    >>> tidy_text("温>良>恭，a>b，二○一九年，○型")
    ('温、良、恭，a>b，二〇一九年，○型', Quotes(double=False, single=False))
    >>> tidy_text("有志气～有热情，3～5年，96微克／立方米")  # (the text's slash is half width: 163 to 0)
    ('有志气、有热情，3～5年，96微克/立方米', Quotes(double=False, single=False))
    """
    text = _DOTS.sub(lambda m: "…" * max(1, round(len(m.group(0)) / 3)), text)
    text = _STOP_AS_DEGREE.sub("。", text.translate(_RADICAL_COMMA))
    text = _YI_AS_HYPHEN.sub("一", _RANGE_AS_YI.sub("—", text))
    text = _CIRCLE_ZERO.sub("〇", _ANGLE_COMMA.sub("、", _TILDE_COMMA.sub("、", text))).replace("／", "/")
    text = _pair_brackets(_HALF_BY_CJK.sub(lambda m: _FULL[m.group(1) or m.group(2)], text))
    out: list[str] = []
    quote_open, single_open = quotes
    text = text.translate(_QUOTES_AS_READ)
    for i, ch in enumerate(text):
        if ch in "\"'":
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            is_open = quote_open if ch == '"' else single_open
            # typesetting keeps an opening quote off a line's end and a closing one off its
            # start; after a comma or colon a quote opens, before punctuation it closes;
            # after a full stop (。” or 。“) and elsewhere, whichever is due
            if not before or before in _OPENERS:
                opening = True
            elif not after or after in "，。：；！？、）”’":
                opening = False
            else:
                opening = not is_open
            ch = ("“" if opening else "”") if ch == '"' else ("‘" if opening else "’")
        if ch in "“”":
            quote_open = ch == "“"
            single_open = False  # (a double mark ends what a single one opened inside it)
        elif ch in "‘’":
            single_open = ch == "‘"
        out.append(ch)
    return _CJK_SPACE.sub("", "".join(out)).strip(), Quotes(quote_open, single_open)
