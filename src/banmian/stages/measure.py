"""The local column measure: how wide the full lines of text around each line are.

Lines of CJK characters alone measure exactly, so a histogram of widths over a window of
neighbouring lines peaks at the column's measure (full lines are W..W+1 ems, punctuation
squeezing letting one more character in; first lines are W-2 after a dropped indent).
Split from :mod:`.layout`, which labels lines against it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from itertools import accumulate, compress

from .normalize import LineInfo
from .shapes import one_line_paragraphs

WINDOW = 12  # lines each side used to estimate the local column width
MODE_STEP = 6


def mode_width(widths: list[float]) -> float:
    """The width most lines reach: full column lines are W..W+1 (punctuation
    squeezing lets one more character in), so count lines in [v-0.5, v+1].

    >>> mode_width([16, 17, 16, 12, 31, 17, 15])
    16
    """
    return _hist_mode(_count(widths)) if widths else 0.0


def column_widths(infos: list[LineInfo]) -> list[float]:
    """Local column width for each line, from its neighbours' widths.

    Lines of CJK characters only measure exactly; a justified line with digits or
    Latin letters is stretched by an unknown amount, so it only votes when a
    window has too few exact lines.
    """
    cand = [i for i, x in enumerate(infos) if not (x.furniture or x.jump or x.byline_names)]
    out = [0.0] * len(infos)
    if not cand:
        return out
    widths = [infos[i].width for i in cand]
    pure = [infos[i].pure for i in cand]
    # A paragraph's middle lines (after a line that runs on, running on themselves) are
    # full: read where first lines outnumber them (:func:`_middle_measure`), seldom.
    middle: list[float] = []
    # The exact widths of the window [lo, hi) are exact[pure_before[lo]:pure_before[hi]];
    # their histogram is carried from window to window (widths in, widths out).
    exact = list(compress(widths, pure))
    pure_before = [0, *accumulate(map(int, pure))]
    hist: dict[float, int] = {}
    get = hist.get
    in_a = in_b = 0  # exact[in_a:in_b] are counted in hist
    # The window of WINDOW lines each side moves one line at a time and its mode
    # changes slowly: it is taken every MODE_STEP lines and holds for the lines
    # up to the next step (this runs for every line of a page).
    per_cand: list[float] = []
    for k in range(0, len(cand), MODE_STEP):
        lo, hi = max(0, k - WINDOW), min(len(cand), k + WINDOW + 1)
        a, b = pure_before[lo], pure_before[hi]
        for w in exact[in_b:b]:
            hist[w] = get(w, 0) + 1
        for w in exact[in_a:a]:
            if hist[w] == 1:
                del hist[w]  # (a width gone from the window is not weighed again)
            else:
                hist[w] -= 1
        in_a, in_b = a, b
        mode, support = _hist_mode_support(hist) if b - a >= 5 else (0.0, 0.0)
        if mode < MIN_COLUMN:
            # (too few exact lines, or only short ones: a brief's last lines, a heading, a
            # closing note, with the full lines around them holding figures)
            mode = _hist_mode(_count(widths[lo:hi]))
        elif (support < SURE_SUPPORT or max(widths[lo:hi]) >= mode + OVER_MEASURE) \
                and sum([w >= mode + OVER_MEASURE for w in widths[lo:hi]]) >= MIN_OVER:
            # No line of text runs past its column's measure: where several do, the few
            # exact lines were first lines and short ones (short items dense with figures,
            # whose full lines are not exact), and every line's width votes; with many
            # exact lines, those were first lines, more than the full ones (paragraphs of
            # two or three lines), and the middle lines tell the measure
            if support < SURE_SUPPORT:
                mode = max(mode, _hist_mode(_count(widths[lo:hi])))
            else:
                middle = middle or [0.0] + [w if not infos[i].terminal and not infos[h].terminal else 0.0
                                            for h, i, w in zip(cand, cand[1:], widths[1:])]
                mode = _middle_measure(mode, middle[lo:hi])
        per_cand.extend([mode] * min(MODE_STEP, len(cand) - k))
    if len(cand) == len(infos):
        return per_cand
    # Every other line takes the nearest candidate's width (the later one on a tie).
    for k, i in enumerate(cand):
        out[i] = per_cand[k]
    for i in sorted(set(range(len(infos))).difference(cand)):
        k = bisect_left(cand, i)
        if k == len(cand) or (k > 0 and i - cand[k - 1] < cand[k] - i):
            k -= 1
        out[i] = per_cand[k]
    return out


def _middle_measure(mode: float, middle: list[float]) -> float:
    """The measure a window's middle lines (non-zero in ``middle``) reach, where at least
    MIDDLE_LINES of them reach it and it is a first line's indent past ``mode``; else ``mode``.

    >>> _middle_measure(12.0, [0.0, 15.0, 15.0, 0.0, 14.5, 16.0, 0.0])
    15.0
    """
    hist = _count([w for w in middle if w])
    mid, support = _hist_mode_support(hist) if hist else (0.0, 0.0)
    return mid if mid >= mode + FIRST_INDENT and support >= MIDDLE_LINES else mode


FIRST_INDENT = 2.0  # ems a first line is short of the measure, its indent dropped
MIDDLE_LINES = 3  # middle lines that must reach a measure to override the mode

MIN_COLUMN = 9.0  # ems; newspaper body columns are wider, display-type lines often not
OVER_MEASURE = 2.0  # ems past the measure no body line reaches (one hanging mark at most)
MIN_OVER = 4  # lines of a window that far past it: the measure is wrong
SURE_SUPPORT = 8.0  # exact lines voting for a window's measure that leave no doubt of it


def _count(widths: list[float]) -> Mapping[float, int]:
    """``Counter(widths)``; a short list (a column window) is counted into a plain
    dict, as a Counter's own constructor costs more than counting 25 widths."""
    if len(widths) > 24:
        return Counter(widths)  # its counting loop, in C, wins on long lists
    out: dict[float, int] = {}
    get = out.get
    for w in widths:
        out[w] = get(w, 0) + 1
    return out


def _hist_mode(hist: Mapping[float, int]) -> float:
    return _hist_mode_support(hist)[0]


def _hist_mode_support(hist: Mapping[float, int]) -> tuple[float, float]:
    """The mode of :func:`mode_width` and the weight of the lines that vote for it."""
    best_n: float
    best, best_n = 0.0, -1
    get = hist.get  # a Counter's own lookup calls __missing__ for every absent width
    values = sorted([k for k, c in hist.items() if c > 0])
    # Only where some widths are under MIN_COLUMN and some not can dropping the
    # narrow ones change anything.
    if values and values[0] < MIN_COLUMN <= values[-1]:
        wide = [v for v in values if v >= MIN_COLUMN]
        if sum([hist[v] for v in wide]) >= 5:
            values = wide
    for v in values:
        # full lines (W..W+1), and half weight for first lines, W-2 after the
        # dropped indent: they confirm W; ties go to the wider measure.
        n = get(v - 0.5, 0) + get(v, 0) + get(v + 0.5, 0) + get(v + 1.0, 0) + 0.5 * (
            get(v - 2.5, 0) + get(v - 2.0, 0) + get(v - 1.5, 0))
        if n >= best_n:
            best, best_n = v, n
    return best, best_n


JOINED_PIECE = 10  # characters a column line's piece holds at least
JOINED_WIDTH = 1.6  # measures a line of joined column lines runs to at least
JOINED_LINES = 3  # such lines on a page, at least ...
JOINED_SHARE = 0.05  # ... and this share of its text lines
# Where twice that share is joined, the page's columns are read back from the joined lines'
# parts (a few joined lines among whole column pieces are read as they are: parted, their
# few rows of blocks give too little to read the columns' period from)
PARTED_SHARE = 0.1


def joined_columns(infos: list[LineInfo], text: str) -> tuple[int, float]:
    """How many lines hold the lines of side-by-side columns joined, where the page has
    enough of them to say so (0 otherwise), and the columns' measure.

    Extractors that read a page by baselines (pdfplumber's ``extract_text``, ``pdftotext
    -layout``, plain ``pdftotext`` where columns stand about an em apart) put every
    column's line of one baseline on one line, parted by spaces: pieces as long as
    column lines, on a line well over the column's measure.  (A justified line's spaces
    part single characters, a title's two phrases short ones; measured on the dev sets,
    no page of the other extractors holds three such lines.)  Which piece continues
    which cannot be read off the text reliably: the caller says so."""
    # (two pieces of a column line's length at least: most pages have no such line, and
    # are answered before their measure is read)
    wide = [x for x in infos if len(x.spans) >= 2 and x.width >= 2 * JOINED_PIECE]
    if len(wide) < JOINED_LINES:
        return 0, 0.0
    # (the measure of the pieces between spaces: where nearly every line is joined, the
    # lines' own measure is the joined one)
    measure = mode_width([float(s.end - s.start) for x in infos if not x.furniture for s in x.spans
                          if s.end - s.start >= JOINED_PIECE])
    if not measure or one_line_paragraphs(infos):  # (a paragraph's spaces part its own words)
        return 0, 0.0
    n = sum(1 for x in wide if x.width >= JOINED_WIDTH * measure
            and sum(1 for s in x.spans if s.end - s.start >= JOINED_PIECE and not text[s.start:s.end].isascii()) >= 2)
    return (n, measure) if n >= JOINED_LINES and n >= JOINED_SHARE * len(infos) else (0, 0.0)
