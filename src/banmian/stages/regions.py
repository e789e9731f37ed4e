"""Measured lines of a PDF page -> article regions, reading order and captions.

The content stream draws an article's lines in whatever order its producer chose
(a headline after its body, two articles interleaved); the page geometry says how
they belong together, the newspaper way:

* body lines flow down a column: a line directly under another, in the same
  column, continues it (:func:`_column_blocks`); a rule, a wide gap or a line in
  another type size ends the flow;
* headline lines (set larger than the body) stacked close together are one
  headline block: kicker, title, subtitle;
* a headline sits on top of its article: a column block belongs to the nearest
  headline block above it that it lies under, unless a rule or other text lies in
  between; a column block no headline covers (a centred title over the middle
  columns, a short title over the first) belongs with the column next to it that
  starts at the same height, the one drawn just before it in the content stream
  first, else one drawn next to it, or else with the column it continues below a
  picture; a column under a byline alone opens its article and goes with the
  columns after it;
* short lines in a smaller type next to an image, or a photo credit there, are
  captions: page furniture, never body text.

The result is a region per article: its headline lines top to bottom, then its
columns left to right, each top to bottom.  The shared stages run on the lines in
that order, and start a new article exactly where the region changes
(:mod:`.assemble`).  Text dumps have no geometry: no regions, nothing changes.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Box, Page
from .captions import CAPTION_START
from .geometry import BODY_TOLERANCE
from .normalize import PHOTO_CREDIT, LineInfo

__all__ = ["Regions", "find_regions"]

HEAD_GROUP_RATIO = 1.05  # subtitles are set barely larger than the body (10.4 pt over 9.5 pt)
FLOW_GAP_EMS = 1.0  # body lines further apart than this (ems of body type) do not continue a column
STREAM_SHARE = 0.8  # this share of a page's column lines drawn one after the other: drawn column by column
SPLIT_GAP_EMS = 0.4  # a gap this much wider than the usual line gap splits a column (articles stacked)
HEAD_GAP_EMS = 1.0  # headline lines further apart than this (ems of the smaller line) are two blocks
SAME_TOP_EMS = 1.5  # columns whose tops differ by less start at one height (one article's block)
GUTTER_EMS = 3.0  # columns closer than this side by side are neighbours
BYLINE_GAP_EMS = 2.5  # a byline this close over a column signs it
BELOW_GAP_EMS = 2.0  # a column this close under another, with no rule between, continues it
SIDE_HEAD_EMS = 3.0  # a headline this close above a column it does not cover may still head it
CAPTION_NEAR_EMS = 2.5  # a caption's top is this close under (or its bottom above) its image


@dataclass(frozen=True, slots=True)
class Regions:
    """Per measured line (in the order given): its region (``None``: furniture or a
    caption) and whether it is a caption; ``order``: indices in reading order;
    ``heads``: indices of headline-block lines; ``indented``: lines set in from their
    column's left edge by a paragraph indent; ``full``: lines reaching their column's right
    edge; ``notes``: what was decided, for the trace."""

    region: tuple[int | None, ...]
    caption: tuple[bool, ...]
    order: tuple[int, ...]
    heads: frozenset[int]
    indented: tuple[bool, ...]
    full: tuple[bool, ...]
    notes: tuple[str, ...]


def _w(b: Box) -> float:
    return b[2] - b[0]


def _xover(a: Box, b: Box) -> float:
    return min(a[2], b[2]) - max(a[0], b[0])


def _union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _rule_between(rules: Sequence[Box], box: Box, top: float, bottom: float) -> bool:
    """A horizontal rule across ``box``'s x-range lies between heights ``top`` and ``bottom``."""
    for r in rules:
        if r[3] - r[1] <= r[2] - r[0] and top - 1.0 <= (r[1] + r[3]) / 2 <= bottom + 1.0 \
                and _xover(r, box) >= 0.5 * min(_w(box), _w(r)):
            return True
    return False


def _captions(page: Page, infos: Sequence[LineInfo], body: float, boxes: list[Box]) -> list[bool]:
    """Caption lines: in a smaller type (or a photo credit) right under or above an
    image, and the lines of the same size that continue them; without an image,
    a smaller-type line that names itself a picture ("图为…") or credits a photo.
    ``boxes``: the lines' boxes (every line has one here)."""
    out = [False] * len(infos)
    images = page.images
    for i, x in enumerate(infos):
        b, size = boxes[i], x.line.size or body
        small = size < body * (1 - BODY_TOLERANCE)
        near = bool(images) and any(_xover(img, b) > 0.5 * min(_w(b), _w(img))
                                    and (-0.5 * size <= b[1] - img[3] <= CAPTION_NEAR_EMS * size
                                         or -0.5 * size <= img[1] - b[3] <= CAPTION_NEAR_EMS * size)
                                    for img in images)
        if not (small or near):  # body type away from pictures (most lines): no caption
            continue
        credit = bool(PHOTO_CREDIT.search(x.text) or CAPTION_START.match(x.text))
        if (near and (small or credit)) or (small and credit and not x.terminal and len(x.text) <= 40) \
                or (small and CAPTION_START.match(x.text)):
            out[i] = True
    if not any(out):
        return out
    # a caption wraps onto more lines of its size just under it; top to bottom, so that a
    # line found to continue a caption is there for the lines under it (only the caption
    # lines so far are compared: pages have hundreds of lines, a few captions)
    order = sorted(range(len(infos)), key=lambda k: boxes[k][1])
    found = [j for j in order if out[j]]
    for k in order:
        if out[k]:
            continue
        b = boxes[k]
        for j in found:
            c = boxes[j]
            if abs((infos[j].line.size or 0) - (infos[k].line.size or 0)) < 0.2 \
                    and 0 <= b[1] - c[3] <= 0.8 * body and _xover(b, c) > 0:
                out[k] = True
                found.append(k)
                break
    return out


def _column_blocks(idx: list[int], boxes: list[Box], rules: Sequence[Box], em: float,
                   jumps: Sequence[str | None] = (), ends: Sequence[bool] = ()) -> list[list[int]]:
    """Body lines -> column blocks: each line joins the block whose last line is just
    above it in the same column (most overlap), else starts a block.  A "上接" marker
    (``jumps[i] == "from"``) always starts a block, a "下转" marker always ends one."""
    blocks: list[list[int]] = []
    ext: list[Box] = []
    active: list[int] = []  # blocks a later line may still continue (lines come top to bottom)
    # Every line is tried against every active block: the helpers (_xover, _w, min, max)
    # are written out in the loop, in the same operations, which halves its cost.
    flow, back, wide = FLOW_GAP_EMS * em, -0.3 * em, 6 * em
    for i in sorted(idx, key=lambda k: (boxes[k][1], boxes[k][0])):
        b = boxes[i]
        bx0, by0, bx1 = b[0], b[1], b[2]
        bw = bx1 - bx0
        best, best_ov = -1, 0.0
        active = [k for k in active if by0 - boxes[blocks[k][-1]][3] <= flow]
        for k in active if not (jumps and jumps[i] == "from") else ():
            blk = blocks[k]
            if jumps and jumps[blk[-1]] == "to":
                continue
            last = boxes[blk[-1]]
            gap = by0 - last[3]
            if not back <= gap <= flow:
                continue
            e0, _, e2, _ = ext[k]
            ov = (bx1 if bx1 < e2 else e2) - (bx0 if bx0 > e0 else e0)
            ew = e2 - e0
            if ov < 0.5 * (ew if ew < bw else bw) or ov <= best_ov:
                continue
            # far wider than a column's lines (a line across several columns): not its text
            if len(blk) >= 3 and ew >= wide and bw > 1.6 * ew:
                continue
            if rules and _rule_between(rules, b, last[3], by0):
                continue
            best, best_ov = k, ov
        if best < 0:
            active.append(len(blocks))
            blocks.append([i])
            ext.append(b)
        else:
            blocks[best].append(i)
            e0, e1, e2, e3 = ext[best]
            ext[best] = (bx0 if bx0 < e0 else e0, by0 if by0 < e1 else e1, bx1 if bx1 > e2 else e2,
                         b[3] if b[3] > e3 else e3)
    # A short column top ("龙。", the end of a paragraph) above a centred line starts no
    # column of its own: a block lying within the column right under it joins that column.
    # Lowest first, so that a chain of such pieces ends up in the column under them all.
    tops = sorted((boxes[blk[0]][1], k) for k, blk in enumerate(blocks))
    for a in sorted(range(len(blocks)), key=lambda a: -boxes[blocks[a][-1]][3]):
        last = boxes[blocks[a][-1]]
        if jumps and jumps[blocks[a][-1]] == "to":
            continue
        lo = bisect_left(tops, (last[3] - 0.3 * em, -1))
        hi = bisect_right(tops, (last[3] + FLOW_GAP_EMS * em, len(blocks)))
        for top, k in tops[lo:hi]:
            if k == a or not blocks[k] or boxes[blocks[k][0]][1] != top \
                    or (jumps and jumps[blocks[k][0]] == "from"):
                continue
            if ext[a][0] >= ext[k][0] - em and ext[a][2] <= ext[k][2] + em \
                    and not _rule_between(rules, ext[a], last[3], top):
                blocks[k] = blocks[a] + blocks[k]
                ext[k] = _union(ext[k], ext[a])
                blocks[a] = []
                insort(tops, (boxes[blocks[k][0]][1], k))
                break
    # Lines of a column are evenly spaced: a gap clearly wider than the page's usual one
    # between two lines is where one article ends and the next (a continuation) begins.
    gaps = sorted(boxes[b][1] - boxes[a][3] for blk in blocks for a, b in pairwise(blk))
    out: list[list[int]] = []
    if not gaps:
        return [b for b in blocks if b]
    usual = gaps[len(gaps) // 2]
    # Where the producer drew the page column by column (most lines of a column follow each
    # other in the content stream), a paragraph's end followed by a line drawn elsewhere in
    # the stream is where an article without a headline of its own is stacked under another.
    pairs = [(a, b) for blk in blocks for a, b in pairwise(blk)]
    streamed = sum(1 for a, b in pairs if b == a + 1) >= STREAM_SHARE * len(pairs)
    for blk in blocks:
        if not blk:
            continue
        out.append([blk[0]])
        for p, q in pairwise(blk):
            if boxes[q][1] - boxes[p][3] > usual + SPLIT_GAP_EMS * em or (
                    streamed and ends and ends[p] and q != p + 1 and not (jumps and jumps[p])):
                out.append([])
            out[-1].append(q)
    return out


def _head_blocks(idx: list[int], boxes: list[Box], sizes: list[float]) -> list[list[int]]:
    """Headline lines stacked close together, overlapping across, are one headline block."""
    blocks: list[list[int]] = []
    for i in sorted(idx, key=lambda k: (boxes[k][1], boxes[k][0])):
        b = boxes[i]
        for blk in blocks:
            last = boxes[blk[-1]]
            if (-0.3 * sizes[i] <= b[1] - last[3] <= HEAD_GAP_EMS * min(sizes[i], sizes[blk[-1]])
                    and _xover(_box_of(blk, boxes), b) > 0):
                blk.append(i)
                break
        else:
            blocks.append([i])
    return blocks


def _vertical(b: Box) -> bool:
    return b[3] - b[1] > 2.5 * _w(b)


DRAWN_NEAR = 2  # lines apart in drawing order: a headline's parts are drawn together


def _join_vertical(heads: list[list[int]], boxes: list[Box], sizes: list[float], text: list[Box],
                   em: float) -> list[list[int]]:
    """A vertical (竖排) title and a horizontal kicker or subtitle (in smaller type) level with
    its top, with no text between them, drawn one right after the other, are one headline
    block.  (Drawn apart, the horizontal lines are the title of the article beside it.)"""
    hb = [_box_of(h, boxes) for h in heads]
    out = [list(h) for h in heads]
    for v, vb in enumerate(hb):
        if not _vertical(vb) or not out[v]:
            continue
        top = max(sizes[i] for i in heads[v])
        near = [k for k, kb in enumerate(hb) if k != v and out[k] and not _vertical(kb)
                and max(sizes[i] for i in heads[k]) < top * (1 - BODY_TOLERANCE)
                and kb[1] <= vb[1] + 2 * em and kb[3] >= vb[1] - 2 * em
                and not any(t[3] > min(kb[1], vb[1]) and t[1] < max(kb[3], vb[1] + em)
                            and t[0] < max(kb[0], vb[0]) and t[2] > min(kb[2], vb[2]) for t in text)
                and min(abs(a - b) for a in heads[k] for b in heads[v]) <= DRAWN_NEAR]
        if near:
            k = min(near, key=lambda k: min(abs(hb[k][0] - vb[2]), abs(vb[0] - hb[k][2])))
            out[k] += out[v]
            out[v] = []
    return [h for h in out if h]


def _box_of(lines: list[int], boxes: list[Box]) -> Box:
    """The union of the lines' boxes (each side's min or max taken at once: a column has
    dozens of lines, and pairwise unions were a tenth of the region stage)."""
    x0, y0, x1, y1 = zip(*[boxes[k] for k in lines])
    return min(x0), min(y0), max(x1), max(y1)


def find_regions(page: Page, infos: Sequence[LineInfo], body: float | None) -> Regions | None:
    """Regions and reading order of a page with geometry; ``None`` for a text dump.
    ``body``: the page's body type size (:func:`.geometry.body_size`)."""
    if body is None or not infos or any(x.line.box is None for x in infos):
        return None
    boxes: list[Box] = [x.line.box for x in infos]  # type: ignore[misc]
    sizes = [x.line.size or body for x in infos]
    em = body
    rules = page.rules
    caption = _captions(page, infos, body, boxes)
    head_idx, col_idx = [], []
    # A short line next to the running heads in the content stream was taken for furniture
    # by position alone ("核心阅读" drawn right after the page label, a title's last two
    # characters drawn last): where it sits in a column or a headline block, it is theirs.
    tentative = {i for i, x in enumerate(infos) if x.furniture == "other" and not caption[i]}
    for i, x in enumerate(infos):
        if (x.furniture and i not in tentative) or caption[i]:
            continue
        if sizes[i] >= body * HEAD_GROUP_RATIO and not x.jump:
            head_idx.append(i)
        else:
            col_idx.append(i)
    heads = [h for h in _head_blocks(head_idx, boxes, sizes) if len(h) > 1 or h[0] not in tentative]
    cols = _column_blocks(col_idx, boxes, rules, em, [x.jump[0] if x.jump else None for x in infos],
                          [x.strong_end for x in infos])
    cols = [c for c in ([i for i in c if len(c) >= 3 or i not in tentative] for c in cols) if c]
    in_cols = {i for c in cols for i in c}
    heads = _join_vertical(heads, boxes, sizes, [boxes[i] for i in range(len(infos)) if caption[i] or i in in_cols], em)
    # A block's vertical title stands beside its columns, its horizontal lines above them:
    # ``hbox`` (horizontal lines, if any) decides what lies under a block, ``vbox`` beside it.
    hbox = [_box_of([i for i in h if not _vertical(boxes[i])] or h, boxes) for h in heads]
    vbox = [_box_of(v, boxes) if (v := [i for i in h if _vertical(boxes[i])]) else None for h in heads]
    cbox = [_box_of(c, boxes) for c in cols]
    notes: list[str] = []

    # (a stand-alone byline set between a headline and its first column is the article's)
    byline_only = [all(infos[i].byline_names for i in c) for c in cols]

    def between(k: int, top: float) -> bool:
        """Other text or a rule between height ``top`` and column ``k``'s top, across it."""
        c = cbox[k]
        if _rule_between(rules, c, top, c[1]):
            return True
        return any(j != k and not byline_only[j] and _xover(cbox[j], c) > 0.3 * min(_w(c), _w(cbox[j]))
                   and cbox[j][1] >= top - 0.5 * em and cbox[j][3] <= c[1] + 0.5 * em for j in range(len(cols)))

    owner: list[int | None] = [None] * len(cols)
    for k, c in enumerate(cbox):
        above = [h for h, b in enumerate(hbox) if b[3] <= c[1] + 0.5 * em and _xover(b, c) > 0]
        if above:
            h = max(above, key=lambda h: (hbox[h][3], _xover(hbox[h], c)))
            if not between(k, hbox[h][3]):
                owner[k] = h
        if owner[k] is None:  # a vertical (竖排) headline stands beside its article's columns
            # it may stand in a column slot of its own: up to a column's width away, nothing between
            side = [(min(abs(b[0] - c[2]), abs(c[0] - b[2])), h) for h, b in enumerate(vbox)
                    if b is not None and min(b[3], c[3]) > max(b[1], c[1])
                    and min(abs(b[0] - c[2]), abs(c[0] - b[2])) <= GUTTER_EMS * em + _w(c)
                    and not any(min(d[3], b[3]) > max(d[1], b[1]) and min(d[2], max(b[0], c[0]))
                                > max(d[0], min(b[2], c[2])) for d in cbox if d is not c)]
            if side:
                owner[k] = min(side)[1]
    first_line = [min(c) for c in cols]
    last_line = [max(c) for c in cols]
    # The columns each byline alone signs: under it, this close.  A column so signed opens
    # its article ("记者 辛阳" over it): it goes on into the columns after it, never back
    # into the one before it (another article's, drawn just before it in the stream).
    signs = {b: [k for k, c in enumerate(cbox) if not byline_only[k] and _xover(c, cbox[b]) > 0
                 and 0 <= c[1] - cbox[b][3] <= BYLINE_GAP_EMS * em]
             for b, alone in enumerate(byline_only) if alone}
    signed = [False] * len(cols)
    for k in (k for under in signs.values() for k in under):
        signed[k] = True

    near_of: dict[int, list[int]] = {}  # (asked again on every pass over the columns: found once)

    def neighbours(k: int) -> list[int]:
        if k not in near_of:
            c = cbox[k]
            near_of[k] = [j for j in range(len(cols)) if j != k and abs(cbox[j][1] - c[1]) <= SAME_TOP_EMS * em
                          and (0 <= c[0] - cbox[j][2] <= GUTTER_EMS * em or 0 <= cbox[j][0] - c[2] <= GUTTER_EMS * em)]
        return near_of[k]

    def side_head(k: int) -> int | None:
        """A headline just above column ``k``, off to its side (a centred title over the
        middle columns), with nothing printed between them in the column."""
        c = cbox[k]
        above = [h for h, b in enumerate(hbox) if 0 <= c[1] - b[3] <= SIDE_HEAD_EMS * em and not between(k, b[3])]
        return min(above, key=lambda h: max(hbox[h][0] - c[2], c[0] - hbox[h][2])) if above else None

    # "（上接第1版）" opens a continued article: its column heads a region of its own (under a
    # repeated title, if one is just above it), and the columns beside it join that region
    n_regions = len(heads)
    for k, col in enumerate(cols):
        top_line = infos[min(col, key=lambda i: boxes[i][1])]
        if owner[k] is None and top_line.jump and top_line.jump[0] == "from":
            owner[k] = side_head(k)
            if owner[k] is None:
                owner[k] = n_regions
                n_regions += 1
    changed = True
    while changed:
        changed = False
        # A column drawn right after a neighbour's last line continues that column: its
        # article's, decided first, whatever order the columns were found in (else a
        # column whose only decided neighbour is the next article's first one went there).
        for k in range(len(cols)):
            if owner[k] is None and not signed[k]:
                before = [j for j in neighbours(k) if first_line[k] - last_line[j] == 1]
                if before and owner[before[0]] is not None:
                    owner[k] = owner[before[0]]
                    changed = True
        if changed:
            continue
        for k in range(len(cols)):
            if owner[k] is not None:
                continue
            near = [j for j in neighbours(k) if owner[j] is not None  # (a signed column: none before it)
                    and not (signed[k] and (cbox[j][2] <= cbox[k][0] or first_line[k] > last_line[j]))]
            if near:
                # drawn next to it in the content stream, else the column on its left
                streamed = [j for j in near if abs(first_line[k] - last_line[j]) == 1
                            or abs(first_line[j] - last_line[k]) == 1]
                left = [j for j in near if cbox[j][2] <= cbox[k][0]]
                j = (streamed or sorted(left, key=lambda j: -cbox[j][2]) or near)[0]
                owner[k] = owner[j]
                changed = True
        if changed:
            continue
        for k in range(len(cols)):
            if owner[k] is not None:
                continue
            c = cbox[k]
            up = [j for j in range(len(cols)) if owner[j] is not None and cbox[j][3] <= c[1]
                  and _xover(cbox[j], c) > 0.5 * min(_w(c), _w(cbox[j]))]
            if up:
                j = max(up, key=lambda j: cbox[j][3])
                gap = c[1] - cbox[j][3]
                pictured = any(_xover(img, c) > 0 and img[1] >= cbox[j][3] - em and img[3] <= c[1] + em
                               for img in page.images)
                if (gap <= BELOW_GAP_EMS * em or pictured) and not _rule_between(rules, c, cbox[j][3], c[1]) \
                        and not any(hbox[h][1] >= cbox[j][3] - 1 and hbox[h][3] <= c[1] + 1
                                    and _xover(hbox[h], c) > 0 for h in range(len(heads))):
                    owner[k] = owner[j]
                    changed = True
        if changed:
            continue
        # Last: a headline just above a column, off to its side.
        for k in range(len(cols)):
            if owner[k] is not None:
                continue
            sh = side_head(k)
            if sh is not None:
                owner[k] = sh
                changed = True
                notes.append(f"line {infos[min(cols[k])].line.number}…: a column beside the headline "
                             f"above it (lines {infos[min(heads[sh])].line.number}…)")
    # A byline alone over a column ("记者 乔 栋" at the left of an article's block, its title
    # centred over the middle columns) signs the column under it, whatever stands beside it.
    for k, columns in signs.items():
        under = [j for j in columns if owner[j] is not None]
        if under:
            owner[k] = owner[min(under, key=lambda j: cbox[j][1])]
    # Columns no headline reaches: one headless region per row of neighbours.
    region_of_col: list[int] = [-1] * len(cols)
    for k in range(len(cols)):
        if owner[k] is not None:
            region_of_col[k] = owner[k]  # type: ignore[assignment]
    for k in sorted(range(len(cols)), key=lambda k: (cbox[k][1], cbox[k][0])):
        if region_of_col[k] >= 0:
            continue
        region_of_col[k] = n_regions
        stack = [k]
        while stack:
            for j in neighbours(stack.pop()):
                if region_of_col[j] < 0:
                    region_of_col[j] = n_regions
                    stack.append(j)
        notes.append(f"lines {', '.join(str(infos[i].line.number) for i in sorted(cols[k])[:1])}…: "
                     f"columns under no headline: an article without one")
        n_regions += 1
    owned = {region_of_col[k] for k in range(len(cols))}
    region: list[int | None] = [None] * len(infos)
    for h, blk in enumerate(heads):
        if h in owned:
            for i in blk:
                region[i] = h
        else:
            notes.append(f"lines {', '.join(str(infos[i].line.number) for i in sorted(blk))}: "
                         f"headline-size text over no column: page furniture")
    for k, blk in enumerate(cols):
        for i in blk:
            region[i] = region_of_col[k]
    # Reading order: furniture and captions first (as printed), then region by region
    # (top to bottom, left to right): headline lines, then columns left to right.
    top: dict[int, tuple[float, float]] = {}
    for i, r in enumerate(region):
        if r is not None:
            t = top.get(r)
            top[r] = (min(t[0], boxes[i][1]), min(t[1], boxes[i][0])) if t else (boxes[i][1], boxes[i][0])
    order = [i for i, r in enumerate(region) if r is None]
    for r in sorted(top, key=lambda r: (round(top[r][0] / em), top[r][1])):
        if r < len(heads):
            order.extend(sorted(heads[r], key=lambda i: (boxes[i][1], boxes[i][0])))
        mine = sorted((k for k in range(len(cols)) if region_of_col[k] == r), key=lambda k: cbox[k][0])
        groups: list[list[int]] = []
        for k in mine:  # blocks of one column (split by a picture) read top to bottom
            if groups and _xover(cbox[k], cbox[groups[-1][0]]) > 0.5 * min(_w(cbox[k]), _w(cbox[groups[-1][0]])):
                groups[-1].append(k)
            else:
                groups.append([k])
        for g in groups:
            for k in sorted(g, key=lambda k: cbox[k][1]):
                order.extend(sorted(cols[k], key=lambda i: boxes[i][1]))
    # A paragraph's first line starts about two characters in from its column's edge; a
    # line that reaches the column's right edge is running text (it wrapped because full).
    indented = [False] * len(infos)
    full = [False] * len(infos)
    for k, blk in enumerate(cols):
        if len(blk) >= 3:
            left_x = cbox[k][0]
            for i in blk:
                indented[i] = 1.5 * em <= boxes[i][0] - left_x <= 2.6 * em and boxes[i][2] >= cbox[k][2] - 1.5 * em
                full[i] = boxes[i][0] - left_x <= 2.6 * em and boxes[i][2] >= cbox[k][2] - 0.5 * em
    heads_set = frozenset(i for h, blk in enumerate(heads) if h in owned for i in blk)
    return Regions(tuple(region), tuple(caption), tuple(order), heads_set, tuple(indented), tuple(full),
                   tuple(notes))
