"""Column lines dealt out row by row -> each column's lines together.

Plain ``pdftotext`` groups a page's text into blocks and reads the blocks in
horizontal bands.  Where the lines of a column stand far apart (a leading of
about 1.5 em or more, common in newspapers' body type) it no longer finds the
column as one block: it makes a block of every line or two, and reads the
columns side by side a row at a time, each block set off by a blank line::

    通过中国上海国际艺术        <- column 1, row 1
                                <- blank line
    入国家重点研发计划重点专项  <- column 2, row 1
                                <- blank line
    节，向世界展现中医药品牌魅  <- column 1, row 2
    力；携手加拿大安大略省西洋

So where k columns are dealt out, a block is continued by the block k places
after it, not by the next one.  Two things tell which block goes on from which:

- the words across the junction (:func:`.words.junction_gain`, jieba's word list):
  where a line ends inside a word, the block that continues it reads as one text
  with it far more often than any other (on Chromium's pages read so, 45% of true
  junctions gain more than 1, 2% of false ones);
- the shape of the lines: after a paragraph's end the column goes on with a
  paragraph's first line, short of the measure by its dropped indent.

One junction says little, but the period holds for rows on end: it is read over a
stretch of blocks as the best path through the periods (:func:`_periods`, a change
costing :data:`PERIOD_CHANGE`).  Blocks are then linked, strongest evidence first,
each to at most one block after it: a block a period on, unless the words across
another junction say otherwise.  A column broken where its period went astray goes
on with the nearest column start after it that nothing leads into.  A block opening
on a headline line (short of the measure, without a closing mark) starts a column;
a line wider than the columns around it (a headline across them) starts a new
stretch, and a link leaves its stretch only where the words across it say so
strongly (:data:`CROSS_GAIN`).  The columns are put back in the order their first
blocks came.  Columns joined on one line (plain ``pdftotext`` with columns an em
apart) come here parted into their lines, each a block of its own
(:func:`.cuts.gutter_cuts`): a row of them is read the same way.

Only pages of many short blocks are read so (a page of whole column pieces, as plain
``pdftotext`` gives at a tighter leading, has none); lines only change places,
nothing is added or dropped.  Rows whose lines stand out of step (a sub-heading's
extra space), and articles stacked in one column's place with the same number of
columns, still leave some blocks in the wrong column.
"""
from __future__ import annotations

import re
from statistics import median
from typing import NamedTuple

from .measure import mode_width
from .normalize import LineInfo
from .words import junction_gain

SHORT_BLOCK = 5  # lines of a block dealt out of a column, at most
MIN_SHORT_BLOCKS = 8  # short blocks ending inside a sentence a page must have to be read so
SHORT_SHARE = 0.5  # ... and their share of all its blocks
FULL_SLACK = 1.5  # ems a column's full line may fall short of the page's commonest width
MAX_PERIOD = 8  # columns dealt side by side, at most
GAIN_FLOOR, GAIN_CEILING = -4.0, 8.0  # one junction's say, bounded
PERIOD_CHANGE = 6.0  # what a change of period costs on the path
DEALT_COST = 0.3  # a block's cost of being read as dealt: one without evidence reads as is
WIDTH_BLOCKS = 8  # blocks read on each side for the columns' measure
WIDE = 2.0  # ems a line runs wider than the measure: a headline across the columns
SHORT_HEAD = 1.0  # ems a line without a mark falls short of the measure: a headline line
INDENT = 1.5  # ... ems more for one with marks (a paragraph's first line falls short by its indent)
# The shape of the lines across a junction.  After a paragraph's end the column goes on
# with a paragraph's first line, short of the measure by its dropped indent (71% of true
# junctions after an end, 19% of false ones); inside a sentence, with a full line (8%
# short, against 17%).  Their log-likelihood ratios:
OPENING_SHORT = 1.5  # ems a paragraph's first line falls short of the measure, at least
AFTER_END_OPENING, AFTER_END_FULL, OPEN_OPENING = 1.3, -1.0, -0.75
PERIOD_PRIOR = 4.5  # a link a period on: what the words across another must outweigh
MIN_LINK = 0.5  # what a link must score to be made
CROSS_GAIN = 2.0  # what the words across a link out of its stretch must gain
STITCH_REACH = 2 * MAX_PERIOD  # blocks a broken column's start is looked for after its end
STITCH_MIN = -0.5  # the words and shape across a stitch may not speak against it more


_MARKS = re.compile("[，。、；：！？…—“”‘’（）《》,.;:!?()]")


class Block(NamedTuple):
    start: int  # first line (index into the page's lines)
    end: int  # after the last line
    wide: bool  # holds a line wider than the columns around it: a headline across them
    heads: bool  # opens on a line short of the columns and without a closing mark: a headline
    measure: float  # the width of the columns around it

    @property
    def lone_headline(self) -> bool:
        """A headline line alone: a row of its own, over the columns' first blocks."""
        return self.heads and self.end - self.start == 1


def _spans(infos: list[LineInfo]) -> list[tuple[int, int]]:
    """Runs of lines between blank lines, as (start, end) indices."""
    spans, start = [], 0
    for i in range(1, len(infos)):
        if infos[i].blank_before:
            spans.append((start, i))
            start = i
    if infos:
        spans.append((start, len(infos)))
    return spans


def _dealt_page(infos: list[LineInfo], spans: list[tuple[int, int]]) -> bool:
    """Are most of the page's blocks a line or a few of a column, its last line full and
    open?  (A page's headlines are short blocks too, open but short of the measure.)"""
    short = [e for s, e in spans if e - s <= SHORT_BLOCK and not infos[e - 1].terminal]
    if len(short) < MIN_SHORT_BLOCKS:
        return False
    full = mode_width([x.width for x in infos]) - FULL_SLACK
    short_open = sum(1 for e in short if infos[e - 1].width >= full)
    return short_open >= MIN_SHORT_BLOCKS and short_open >= SHORT_SHARE * len(spans)


def dealt_page(infos: list[LineInfo]) -> bool:
    """Does the page read as columns dealt out a row at a time (see :func:`_dealt_page`)?"""
    return _dealt_page(infos, _spans(infos))


def _blocks(infos: list[LineInfo], spans: list[tuple[int, int]]) -> tuple[list[Block], list[tuple[int, int]]]:
    """The text blocks with their cues, and apart from them the runs of page furniture
    (a running head is read in the first row, between the columns' first blocks)."""
    furniture = [(s, e) for s, e in spans if all(x.furniture for x in infos[s:e])]
    text = [(s, e) for s, e in spans if not all(x.furniture for x in infos[s:e])]
    widest = [max(x.width for x in infos[s:e]) for s, e in text]
    blocks = []
    for i, (s, e) in enumerate(text):
        around = widest[max(0, i - WIDTH_BLOCKS):i] + widest[i + 1:i + 1 + WIDTH_BLOCKS]
        measure = median(around) if around else widest[i]
        first = infos[s]
        # (at its widest: a line of figures set justified is a full one)
        heads = not first.terminal and (first.max_width < measure - SHORT_HEAD - INDENT if _MARKS.search(first.text)
                                        else first.max_width < measure - SHORT_HEAD)
        blocks.append(Block(s, e, widest[i] > measure + WIDE, heads, measure))
    return blocks, furniture


def _gain(infos: list[LineInfo], a: Block, b: Block) -> float:
    """How well block ``b`` goes on from block ``a``: the words across the junction where
    ``a`` ends inside a sentence, and the shape of the lines on either side."""
    last, first = infos[a.end - 1], infos[b.start]
    opens = first.min_width < b.measure - OPENING_SHORT and not first.terminal
    if last.terminal or last.jump:
        return AFTER_END_OPENING if opens else AFTER_END_FULL
    words = max(GAIN_FLOOR, min(GAIN_CEILING, junction_gain(last.text, first.text)))
    return words + (OPEN_OPENING if opens else 0.0)


def _scores(infos: list[LineInfo], blocks: list[Block]) -> list[list[float]]:
    """score[i][k]: how well block i + k goes on from block i (k = 1 … MAX_PERIOD)."""
    n = len(blocks)
    # (a block of more lines is a column piece of its own: never dealt; past the last block
    # nothing speaks for or against a period, the last row's blocks ending their columns)
    return [[0.0] + [float("-inf") if k > 1 and a.end - a.start > SHORT_BLOCK else
                     _gain(infos, a, blocks[i + k]) if i + k < n else 0.0
                     for k in range(1, MAX_PERIOD + 1)] for i, a in enumerate(blocks)]


def _periods(score: list[list[float]]) -> list[int]:
    """The period at each block: the best path through the scores, a change costing
    PERIOD_CHANGE and every block read as dealt DEALT_COST."""
    ks = range(1, MAX_PERIOD + 1)
    cost = [0.0, 0.0] + [DEALT_COST] * (MAX_PERIOD - 1)
    best = {k: score[0][k] - cost[k] for k in ks}
    back: list[dict[int, int]] = []
    for row in score[1:]:
        top = max(best, key=best.__getitem__)
        cur, ptr = {}, {}
        for k in ks:
            stay, move = best[k], best[top] - PERIOD_CHANGE
            cur[k], ptr[k] = (stay, k) if stay >= move else (move, top)
            cur[k] += row[k] - cost[k]
        back.append(ptr)
        best = cur
    k = max(best, key=best.__getitem__)
    path = [k]
    for ptr in reversed(back):
        k = ptr[k]
        path.append(k)
    return path[::-1]


def _runs(infos: list[LineInfo], blocks: list[Block], periods: list[int]) -> list[tuple[int, int, int]]:
    """Stretches (start, end, period) of one period; a block with a headline across the
    columns starts a new one.  A dealt stretch leaves out a headline line alone at its
    start (a row of its own), takes in the row before it where those blocks end inside a
    sentence (the columns' first blocks, under a headline: nothing to read across to them
    yet) and the rest of its last row (columns' ends: a sentence's end, or a junction
    without a word across it)."""
    runs: list[list[int]] = []
    for i, k in enumerate(periods):
        if runs and runs[-1][2] == k and not blocks[i].wide:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, k])
    for r, run in enumerate(runs):
        s, e, k = run
        if k == 1:
            continue
        while s < e - 1 and blocks[s].lone_headline:
            s += 1
        run[0] = s
        # backward, over the blocks read as they are
        lo = runs[r - 1][0] if r and runs[r - 1][2] == 1 else s
        while s > lo and s > run[0] - k and not blocks[s].wide:
            b = blocks[s - 1]
            if infos[b.end - 1].terminal or b.end - b.start > SHORT_BLOCK or b.lone_headline:
                break
            s -= 1
        # forward, to the end of the row
        hi = runs[r + 1][1] if r + 1 < len(runs) and runs[r + 1][2] == 1 else e
        while e < hi and (e - s) % k and not blocks[e].wide and blocks[e].end - blocks[e].start <= SHORT_BLOCK:
            e += 1
        if r and runs[r - 1][2] == 1:
            runs[r - 1][1] = s
        if r + 1 < len(runs) and runs[r + 1][2] == 1:
            runs[r + 1][0] = e
        run[0], run[1] = s, e
    return [(s, e, k) for s, e, k in runs if e > s]


def _link(infos: list[LineInfo], blocks: list[Block], period: list[int],
          stretch: list[int]) -> tuple[list[int | None], list[int | None]]:
    """Each block's successor and predecessor in its column: links made strongest first, a
    link a period on within its stretch weighing PERIOD_PRIOR over the words and shape
    across it; then broken columns stitched."""
    n = len(blocks)
    cands = []
    for i in range(n):
        k = period[i]
        for d in range(1, min(MAX_PERIOD, n - 1 - i) + 1):
            j = i + d
            if blocks[j].heads:  # (a headline line opens a column)
                continue
            g = _gain(infos, blocks[i], blocks[j])
            # (across stretches only where the words run on: a stretch's last row reaches into
            # the next one, which need not go on with it)
            if stretch[j] != stretch[i] and g < CROSS_GAIN:
                continue
            w = g + (PERIOD_PRIOR if d == k and stretch[j] == stretch[i] else 0.0)
            if w > MIN_LINK:
                cands.append((w, -d, i, j))
    cands.sort(reverse=True)
    succ: list[int | None] = [None] * n
    pred: list[int | None] = [None] * n
    for _, _, i, j in cands:
        if succ[i] is None and pred[j] is None:
            succ[i], pred[j] = j, i
    # A column broken where its period went astray (a sub-heading's extra space puts its
    # lines out of step with the others for a row or two) goes on with the nearest column
    # start after it that nothing leads into; the broken columns' ends and starts come in
    # the same order, left to right.  Not across a headline: there an article begins.
    taken = -1
    for t in range(n):
        if succ[t] is not None or (pred[t] is None and period[t] == 1):
            continue
        ends = infos[blocks[t].end - 1].terminal
        for h in range(max(t, taken) + 1, min(n, t + STITCH_REACH + 1)):
            if (blocks[h].heads and not ends) or blocks[h].wide:
                break
            if pred[h] is None and (succ[h] is not None or period[h] > 1):
                if _gain(infos, blocks[t], blocks[h]) >= STITCH_MIN:
                    succ[t], pred[h], taken = h, t, h
                break
    return succ, pred


def undeal(infos: list[LineInfo]) -> tuple[list[LineInfo], list[str]]:
    """Each dealt column's lines together; returns the lines in their new order and notes."""
    spans = _spans(infos)
    if len(infos) < 3 or not _dealt_page(infos, spans):
        return infos, []
    blocks, furniture = _blocks(infos, spans)
    every = _runs(infos, blocks, _periods(_scores(infos, blocks)))
    runs = [r for r in every if r[2] > 1]
    if not runs:
        return infos, []
    # (a block no stretch holds, a headline line alone trimmed off one, links with nothing)
    period, stretch = [1] * len(blocks), [-1 - i for i in range(len(blocks))]
    for r, (s, e, k) in enumerate(every):
        period[s:e], stretch[s:e] = [k] * (e - s), [r] * (e - s)
    succ, pred = _link(infos, blocks, period, stretch)
    # the columns in the order their first blocks came; furniture first (it is set apart
    # from the articles whatever its place)
    out = [x for s, e in furniture for x in infos[s:e]]
    for head in (i for i in range(len(blocks)) if pred[i] is None):
        b: int | None = head
        while b is not None:
            first = infos[blocks[b].start]
            # (a block going on a dealt column loses the blank line the extractor set before it)
            joined = b != head and period[b] > 1
            out.append(first._replace(blank_before=not joined and (first.blank_before or bool(out))))
            out.extend(infos[blocks[b].start + 1:blocks[b].end])
            b = succ[b]
    notes = [f"lines {infos[blocks[s].start].line.number}-{infos[blocks[e - 1].end - 1].line.number}: "
             f"{k} columns dealt out a row at a time, put back column by column" for s, e, k in runs]
    return out, notes
