"""Pixel geometry of a scanned page: the detector's line boxes made into one box per
column line, ready to be recognised.

The text detector (:mod:`.ocr`) pads each line by most of its height, joins the lines of
side-by-side columns across a narrow gutter, reads column rules as text, trims pale
punctuation off a line's ends and, on faint scans, passes over a short line.  The
functions here work on the grey-scale page (``uint8``, white paper, dark type) and the
body's ink height ``em`` (pixels; the median over the detected lines) to undo that:

- :func:`erase_rules` paints column and box rules over with paper;
- :func:`gutters` / :func:`split_at_gutters` cut boxes at blank strips that line up
  down the page, each part trimmed to its own band of ink plus a margin;
- :func:`reach_marks` widens a box over a pale mark just past its ends;
- :func:`missed_lines` boxes a line the detector left out between two of its column.

All lengths are multiples of ``em`` so that they hold from 150 to 300 dpi.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["INK_LEVEL", "INK_PAD", "drop_rules", "erase_rules", "gutters", "ink_band", "missed_lines",
           "own_rows", "reach_marks", "split_at_gutters"]

GUTTER_INK = 1.5  # a blank strip this wide (x the body's ink height, ~1.4 em) inside a box is a gutter
GAP_INK = 0.6  # ... and a narrower one down to this is, when it lines up with others down the page
GUTTER_ROWS = 3  # how many other rows make a strip a gutter
GUTTER_WINDOW = 8.0  # rows this close (x the body ink height) above and below a strip tell if it is a gutter
GUTTER_SHARE = 0.15  # ... and it is when at most this share of them has ink in it
NEXT_ROWS_EMS = 3.5  # rows whose middles are this close (x the body ink height) are the next one or two ...
NEXT_GUTTER = 1.2  # ... which tell a strip this wide (x the body ink height, ~an em) is a gutter
GUTTER_CLEAR = 0.5  # ... all along a run this wide (x the body's ink height)
LEADING_BOX = 0.12  # a blank band this high (x box height) between ink rows separates two lines
LEADING_EM = 0.1  # ... and once the body's ink height is known, one this high (x that height)
SLIVER_EMS = 0.8  # a part of a box this narrow (x body ink height) at its edge is a cut glyph
MARK_GAP = 0.5  # a mark past a line's box starts this close to it (x body ink height) ...
MARK_WIDE = 0.6  # ... and is this narrow (。，、” are under half an em; a glyph is ~0.9) ...
PALE_WIDE = 2.2  # ... or, paler than INK_LEVEL all over, up to a two-em dash
MISSED_MIN_EMS = 4.0  # a column line at least this wide (x the body's ink height) ...
MISSED_ROOM = 0.8  # ... with this much room under it before the next line of its column ...
MISSED_INK = (0.6, 1.4)  # ... holding one band of ink this high (x that height) has a missed line
INK_PAD = 0.2  # margin around a line's ink (x its height): the recogniser was trained with one
RULE_INK = 0.15  # an isolated run of ink this narrow (x body ink height) is a rule
RULE_EMS = 2.5  # a vertical run of ink this long (x body ink height) is a rule: no glyph has a stroke that long
WIDE_RULE_EMS = 6.0  # a horizontal run of ink this long (x body ink height) ...
RULE_THICK = 0.3  # ... and thinner than this is a rule: a headline's strokes are thicker
RULE_LEVEL = 200  # ... counting lighter greys as ink: a hairline rule blurred by the scan is pale grey
INK_LEVEL = 128  # grey levels below this are ink (scans: white paper, dark type)


def erase_rules(pixels: np.ndarray, em: float,
                 boxes: Sequence[tuple[int, int, int, int]] = ()) -> np.ndarray:
    """The page with rules painted over with paper.

    A column rule in a gutter of one em stands half an em from the text on either side,
    no further apart than the glyphs of a line with a comma, and the detector boxes lines
    across it; recognised, it also turns into 丨 or | inside the text.  Painted over, the
    gutter is a blank strip again.  Rules are the vertical runs of ink at least
    :data:`RULE_EMS` body ink heights long (a morphological opening), but not those that
    lie inside a detected line's box as high as they are (``boxes``: the strokes of a
    masthead or a big headline, which would be read as 三 for 日), and the horizontal
    ones :data:`WIDE_RULE_EMS` long and under :data:`RULE_THICK` high."""
    import cv2
    import numpy as np
    ink = (pixels < RULE_LEVEL).astype(np.uint8)
    tall: np.ndarray = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(3, int(RULE_EMS * em)) | 1, 1), np.uint8))
    big = [b for b in boxes if b[3] - b[1] >= RULE_EMS * em]
    if big and tall.any():
        count, labels, stats, _ = cv2.connectedComponentsWithStats(tall, connectivity=8)
        for i in range(1, count):
            x, y, w, h = (int(v) for v in stats[i, :4])
            # (the detector's box of big type can be a little short of its strokes' ends)
            if any(x0 <= x and x + w <= x1 and y0 - (y1 - y0) // 4 <= y and y + h <= y1 + (y1 - y0) // 4
                   for x0, y0, x1, y1 in big):
                part = tall[y:y + h, x:x + w]
                part[labels[y:y + h, x:x + w] == i] = 0  # a glyph's stroke, not a rule
    # a box's rule running through a line (the rows around it have ink in every column
    # and hide the gutters): thin and longer than any stroke but a big headline's
    wide: np.ndarray = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                        np.ones((1, max(3, int(WIDE_RULE_EMS * em)) | 1), np.uint8))
    wide &= 1 - cv2.morphologyEx(wide, cv2.MORPH_OPEN, np.ones((max(3, int(RULE_THICK * em)) | 1, 1), np.uint8))
    if not tall.any() and not wide.any():
        return pixels
    # the rule's blurred edges, lighter than RULE_LEVEL, go too
    # (cv2's stubs give integer-or-float arrays, which numpy's do not "|": these are uint8)
    rules = cv2.dilate(tall, np.ones((1, 3), np.uint8)) | cv2.dilate(wide, np.ones((3, 1), np.uint8))  # type: ignore[operator]
    out = pixels.copy()
    out[rules.astype(bool)] = 255
    return out


def _gaps_in(box: tuple[int, int, int, int], inked: np.ndarray, em: float) -> list[tuple[int, int]]:
    """Blank strips of at least :data:`GAP_INK` x ``em`` between a box's inked columns
    (image x, first and last blank column)."""
    import numpy as np
    if inked.size < 2:
        return []
    at = np.flatnonzero(np.diff(inked) > GAP_INK * em)
    return [(box[0] + int(inked[i]) + 1, box[0] + int(inked[i + 1]) - 1) for i in at]


def gutters(boxes: list[tuple[int, int, int, int]], inked: list[np.ndarray], em: float) -> list[tuple[int, int]]:
    """Blank strips inside boxes that are column gutters: no text row near them has ink there.

    A column gutter runs down the page, so the rows above and below a box the detector
    joined across it are blank at the same place, whether the detector joined them too or
    found each column's line on its own; a comma followed by justification space can be
    as wide as a narrow gutter (0.8 against 1 em), but the rows around it have ink there.
    A strip is a gutter when a run of at least :data:`GUTTER_CLEAR` x ``em`` inside it is
    blank in all but :data:`GUTTER_SHARE` of the :data:`GUTTER_ROWS` or more rows near it
    above, or of those below, or of the rows next to it on both sides together (columns of
    a few lines, under a headline that spans them):
    the gutter's edges move with the glyphs that end and start each row (a colon or a
    comma ends short of a full character), its middle does not.  Strips that merely line
    up (glyphs in a justified column sit on a grid, so commas with their justification
    space, or the space before a line's closing mark, recur at the same place in many
    rows) have ink of the other rows inside them.
    """
    import numpy as np
    spans = [(box[0] + int(cols[0]), box[0] + int(cols[-1])) if cols.size else (0, -1)
             for box, cols in zip(boxes, inked)]
    mids = np.array([(b[1] + b[3]) / 2 for b in boxes])
    out = []
    for i, (box, cols) in enumerate(zip(boxes, inked)):
        for lo, hi in _gaps_in(box, cols, em):
            # rows above and rows below, each on its own: a gutter starts under a headline
            # and ends over the next article's; and the rows next to it, on both sides
            hits = np.zeros((3, hi - lo + 1), dtype=int)
            near = [0, 0, 0]
            sides_next = set()
            for j in np.flatnonzero(np.abs(mids - mids[i]) <= GUTTER_WINDOW * em):
                if j == i or spans[j][1] < lo - 2 * em or spans[j][0] > hi + 2 * em:
                    continue
                c = inked[j] + boxes[j][0]
                inside = c[np.searchsorted(c, lo):np.searchsorted(c, hi, side="right")] - lo
                side = int(mids[j] > mids[i])
                near[side] += 1
                hits[side, inside] += 1
                if abs(mids[j] - mids[i]) <= NEXT_ROWS_EMS * em:
                    near[2] += 1
                    hits[2, inside] += 1
                    sides_next.add(side)
            # (the next rows count only with one on each side, a gutter starting under a
            # headline, and for a strip as wide as a gutter: a list's marks with their
            # justification space, "形状、结构、颜色、", may line up over a few rows)
            both = len(sides_next) == 2 and hi - lo + 1 >= NEXT_GUTTER * em
            if any(n >= GUTTER_ROWS and _longest_run(row <= GUTTER_SHARE * n) >= GUTTER_CLEAR * em
                   for n, row in list(zip(near, hits))[:3 if both else 2]):
                out.append((lo, hi))
    return out


def _longest_run(flags: np.ndarray) -> int:
    """The length of the longest run of True in a 1-D boolean array."""
    import numpy as np
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max()) if edges.size else 0


def split_at_gutters(pixels: np.ndarray, box: tuple[int, int, int, int], ink: np.ndarray, inked: np.ndarray,
                     em: float, strips: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """A detected box (``ink``: its pixels that are ink; ``inked``: its inked columns, rules
    left out) cut at its blank vertical strips that are column gutters, each part trimmed
    to its ink.

    The detector pads each line by most of its height, so lines of side-by-side columns
    with a gutter of one or two ems come out as one box, sometimes with bits of the lines
    above and below (columns' baselines need not align); recognised as one, two columns'
    text would be read across.  A strip is a gutter when it lines up with strips in other
    rows (:func:`gutters`) or is wider than :data:`GUTTER_INK` x the body's ink height
    (``em``); each part keeps its own band of ink rows plus a margin.
    """
    import numpy as np
    x0, y0, _, _ = box
    if inked.size == 0:
        return []
    gutter = set(strips)
    breaks = np.array([i for i, g in zip(np.flatnonzero(np.diff(inked) > GAP_INK * em), _gaps_in(box, inked, em))
                       if g in gutter or g[1] - g[0] + 1 > GUTTER_INK * em], dtype=int)
    out = []
    for a, b in zip([inked[0], *inked[breaks + 1]], [*inked[breaks], inked[-1]]):
        if b - a + 1 < SLIVER_EMS * em and (a == 0 or b == ink.shape[1] - 1):
            # less than a glyph, cut by the box's edge: the detector padded a line of the
            # next column into this one's last glyph; read, it adds a character
            continue
        part = ink[:, a:b + 1]
        # the line's own band: the others are bits of the lines above and below that the
        # box grazes, or lines with boxes of their own
        bands = _ink_bands(part, LEADING_EM * em)
        k = max(range(len(bands)), key=lambda i: bands[i][1] - bands[i][0])
        top, bottom = bands[k]
        cols = np.flatnonzero(part[top:bottom + 1].any(axis=0))
        left, right = a + int(cols[0]), a + int(cols[-1])
        # the margin is not clipped to the detector's box, so that box heights measure type
        # size, but it stops short of the band above or below (the small line under a big
        # one, RENMIN RIBAO under the masthead, would be read into it)
        pad = max(2, int(INK_PAD * (bottom - top + 1)))
        up = _margin(pixels, x0 + left, x0 + right + 1, y0 + int(top) - 1, -1, pad)
        down = _margin(pixels, x0 + left, x0 + right + 1, y0 + int(bottom) + 1, 1, pad)
        out.append((max(0, x0 + left - pad), max(0, y0 + int(top) - up),
                    min(pixels.shape[1], x0 + right + 1 + pad), min(pixels.shape[0], y0 + int(bottom) + 1 + down)))
    return out


def _margin(pixels: np.ndarray, left: int, right: int, start: int, step: int, pad: int) -> int:
    """How many rows of margin a line's band gets from row ``start`` on (``step`` 1: down,
    -1: up), up to ``pad``: short of the ink of another line met after blank paper."""
    import numpy as np
    lo, hi = (start, start + pad) if step == 1 else (max(0, start - pad + 1), start + 1)
    # (numpy's stubs: any() of an untyped array may be a scalar; along an axis of a 2-D one it is not)
    inked: np.ndarray = (pixels[max(0, lo):max(0, hi), left:right] < INK_LEVEL).any(axis=1)  # type: ignore[assignment]
    if step == -1:
        inked = inked[::-1]
    blank = np.flatnonzero(~inked)
    if not blank.size:
        return pad
    other = np.flatnonzero(inked[blank[0]:])
    return pad if not other.size else int(blank[0] + other[0])


def reach_marks(pixels: np.ndarray, box: tuple[int, int, int, int], em: float) -> tuple[int, int, int, int]:
    """A line's box widened over what its ink trimming left out just past either end: a
    pale stroke or a small mark.

    Boxes are trimmed to their ink (:data:`INK_LEVEL`), but thin strokes are blurred by the
    scan, and again by straightening a turned page, to a paler grey: the ring of a 。 or
    the hairline of a ， closing a paragraph's last line, a 一 or a dash —— opening a line
    were cut off, the recogniser never saw them, and a paragraph ran on into the next.
    Taken is ink at the lighter :data:`RULE_LEVEL` that starts within :data:`MARK_GAP` x
    the body's ink height (``em``) of the box and has blank paper beyond it for another
    :data:`MARK_GAP` (so it is not the start of more text; a column gutter is wider
    still): up to :data:`PALE_WIDE` of it where none is as dark as :data:`INK_LEVEL`
    (dark ink there would be text with a box of its own), a dark mark up to
    :data:`MARK_WIDE`."""
    x0, y0, x1, y1 = box
    gap = max(2, int(MARK_GAP * em))
    for side in (1, -1):
        edge = x1 if side == 1 else x0
        lo, hi = (edge, min(pixels.shape[1], edge + 2 * gap + int(PALE_WIDE * em))) if side == 1 else \
            (max(0, edge - 2 * gap - int(PALE_WIDE * em)), edge)
        grey = pixels[y0:y1, lo:hi].min(axis=0)
        if side == -1:
            grey = grey[::-1]  # counted outwards from the box
        inked = grey < RULE_LEVEL
        if not inked[:gap].any():
            continue
        # the mark: the first run of ink, up to blank paper wider than the gap
        start, end = _ink_bands(inked[:, None], gap)[0]
        if end + gap >= grey.size and (lo > 0 if side == -1 else hi < pixels.shape[1]):
            continue  # no blank paper seen beyond it (the image's edge is as good)
        wide = (end - start + 1) / em
        if wide <= MARK_WIDE or (wide <= PALE_WIDE and grey[start:end + 1].min() >= INK_LEVEL):
            reach = end + 1 + max(2, int(INK_PAD * (y1 - y0) / (1 + 2 * INK_PAD)))
            x0, x1 = (x0, min(pixels.shape[1], x1 + reach)) if side == 1 else (max(0, x0 - reach), x1)
    return x0, y0, x1, y1


def drop_rules(ink: np.ndarray, inked: np.ndarray, em: float) -> np.ndarray:
    """Inked column indices without column rules: a run of ink at most :data:`RULE_INK` x
    ``em`` wide, at least an em high, with a blank strip of half an em or more on both
    sides is a rule drawn in a gutter, not a glyph (the narrowest glyphs, 丨 1 l, stand a
    tenth of an em from their neighbours; a centred comma is wide apart but short).  At
    300 dpi a 0.3 pt rule is dark enough to be ink and would bridge the gutter."""
    import numpy as np
    if inked.size == 0:
        return inked
    cuts = np.flatnonzero(np.diff(inked) > 1)
    starts = np.concatenate(([0], cuts + 1))
    ends = np.concatenate((cuts, [inked.size - 1]))
    keep = np.ones(inked.size, dtype=bool)
    for k, (a, b) in enumerate(zip(starts, ends)):
        before = inked[a] - inked[ends[k - 1]] if k else np.inf
        after = inked[starts[k + 1]] - inked[b] if k + 1 < len(starts) else np.inf
        narrow = inked[b] - inked[a] + 1 <= RULE_INK * em
        if narrow and min(before, after) > 0.5 * em and ink[:, inked[a]:inked[b] + 1].any(axis=1).sum() >= em:
            keep[a:b + 1] = False
    return inked[keep]


def missed_lines(pixels: np.ndarray, boxes: list[tuple[int, int, int, int]], em: float) -> list[tuple[int, int, int, int]]:
    """Boxes for lines of a column the detector passed over: where two boxes of one column
    (one above the other, the same measure) stand a line's room apart and the strip between
    them holds one band of ink a body line high, that band is a line of its own (a short
    closing line 一。, or a whole line, missed on faint or blurred scans)."""
    import numpy as np
    out: list[tuple[int, int, int, int]] = []
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0]))
    tops = [boxes[i][1] for i in order]
    for i in order:
        x0, y0, x1, y1 = boxes[i]
        width = x1 - x0
        if width < MISSED_MIN_EMS * em:
            continue
        # the next box down that shares this one's measure
        below = None
        for j in order[bisect.bisect_left(tops, y1 - em):]:
            bx0, by0, bx1, by1 = boxes[j]
            if j == i or by0 < y1 - em:
                continue
            # (a paragraph's first line is shorter by its indent)
            if min(x1, bx1) - max(x0, bx0) >= 0.75 * min(width, bx1 - bx0) and abs((bx1 - bx0) - width) <= 0.25 * width:
                below = boxes[j]
                break
        if below is None or below[1] - y1 < MISSED_ROOM * em:
            continue
        top, bottom = y1, below[1]
        if any(min(x1, c[2]) > max(x0, c[0]) and c[1] < bottom and c[3] > top for c in boxes if c is not boxes[i] and c is not below):
            continue  # something was found there
        ink = pixels[top:bottom, x0:x1] < INK_LEVEL
        if not ink.any():
            continue
        bands = _ink_bands(ink, LEADING_EM * em)
        if len(bands) != 1:
            continue
        a, b = bands[0]
        if not MISSED_INK[0] * em <= b - a + 1 <= MISSED_INK[1] * em:
            continue
        cols = np.flatnonzero(ink[a:b + 1].any(axis=0))
        pad = max(2, int(INK_PAD * (b - a + 1)))
        out.append((max(0, x0 + int(cols[0]) - pad), max(0, top + a - pad),
                    min(pixels.shape[1], x0 + int(cols[-1]) + 1 + pad), min(pixels.shape[0], top + b + 1 + pad)))
    return out


def _ink_bands(ink: np.ndarray, min_gap: float) -> list[tuple[int, int]]:
    """(first, last) rows of the bands of ink rows in a crop, split at blank strips higher
    than ``min_gap`` (leading); gaps inside one glyph (二, 三) are hidden by its neighbours."""
    import numpy as np
    rows = np.flatnonzero(ink.any(axis=1))
    cuts = np.flatnonzero(np.diff(rows) > max(1.0, min_gap))
    return list(zip([int(r) for r in [rows[0], *rows[cuts + 1]]], [int(r) for r in [*rows[cuts], rows[-1]]]))


def own_rows(ink: np.ndarray) -> np.ndarray:
    """A box's rows of its own line: a rule under the line, or the top of the line below,
    inside the box would have ink in every column and hide the gutters."""
    if not ink.any():
        return ink
    top, bottom = ink_band(ink)
    return ink[top:bottom + 1]


def ink_band(ink: np.ndarray) -> tuple[int, int]:
    """The tallest band of ink rows in a detector's box: its own line (bits of the lines
    above and below are cut off by the leading)."""
    return max(_ink_bands(ink, LEADING_BOX * ink.shape[0]), key=lambda band: band[1] - band[0])
