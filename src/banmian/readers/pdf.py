"""Bytes of a PDF -> :class:`~banmian.model.Page` objects, one per PDF page, with geometry.

The text layer is read with PDFium (:mod:`.pdfium_chars`, in a worker process that
is killed past ``page_timeout_s``: :mod:`.pdf_worker`) and built into lines the way
``pdftotext -raw`` and PDFium's ``get_text_range()`` do it, so that ``Page.text``
looks like a text dump and every stage works on it unchanged:

* characters stay in content-stream order (the order the producer drew them:
  column by column, headlines wherever the producer put them, often after their
  bodies; PDFium only sorts pieces of one line drawn one after the other);
* a new line starts where the baseline moves by half the (smaller) font size, where
  the text goes back to the left, or after a horizontal jump of
  :data:`JUMP_EMS` ems or more;
* single characters stacked in one column (竖排 headlines, text rotated by 90°)
  become one line, read top to bottom;
* a space is put where the gap between two characters is clearly wider than the
  line's usual gap (word spacing in Latin text drawn without space characters).

Each :class:`~banmian.model.Line` gets ``box`` (x0, y0, x1, y1 in PDF points, origin
top-left of the page as displayed) and ``size`` (median effective font size of its
characters); ``Page.char_boxes`` has one box per character of ``Page.text`` (the
loose, advance-width box), ``None`` for the line breaks and spaces added here.
Pages without a text layer (scans) are read by OCR (:mod:`.ocr`) when the optional
extra ``banmian[ocr]`` is installed; a page with a text layer never goes through OCR.
"""
from __future__ import annotations

import re
import statistics
import struct
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from .. import collector
from ..errors import LimitError, ReadError
from ..model import Box, Line, PackedBoxes, Page, make_line
from ..settings import DEFAULT, Settings
from .ocr import OCR_FIX, ocr_available, ocr_pdf_pages
from .pdf_worker import ExtractError, extract_pages
from .pdfium_chars import RawPage

__all__ = ["JUMP_EMS", "build_page", "read_pdf"]

JUMP_EMS = 3.0  # a same-baseline gap this wide (in ems) is a column gutter, not letter spacing
RULE_SLACK = 1.0  # points: a rule this far into a character's box still stands between it and the next
BASELINE_EMS = 0.5  # pdftotext's maxIntraLineDelta: baselines closer than this (x the smaller size) are one line
BACKTRACK_EMS = 0.3  # text may overlap the previous glyph this much (kerning) and stay on the line
SIZE_STEP = 1.3  # sizes this far apart, a gap between them, are separate lines (a title beside body text)
SPACE_EMS = 0.2  # a gap this much wider than the line's usual gap is a word space
_BLANK = re.compile(r"\s")  # what str.isspace() is true for
_DROP = frozenset(chr(c) for c in [*range(0x20), *range(0x7f, 0xa0), 0xfffe, 0xffff]) - {"\t"}
_DROP_ANY = re.compile(f"[{re.escape(''.join(sorted(_DROP)))}]")  # most pages have none: keep is every index


def read_pdf(data: bytes, source: str = "<pdf>", *, first_index: int = 0,
             settings: Settings = DEFAULT) -> list[Page]:
    """The text pages of a PDF, ``Page.index`` counting on from ``first_index``.

    Pages without text are read by OCR when it is installed; otherwise, or where OCR
    finds nothing, they are skipped with a warning (raised with ``settings.strict``);
    a PDF with no text at all, an encrypted, damaged or empty one, or a page PDFium
    needs longer than ``settings.page_timeout_s`` for, raises :class:`ReadError`.
    """
    if len(data) > settings.max_bytes:
        raise LimitError(f"file is {len(data) / 1e6:.1f} MB, over the limit of "
                         f"{settings.max_bytes / 1e6:.0f} MB", path=source,
                         fix="raise max_bytes in banmian.toml or split the PDF")
    pages: list[Page] = []
    count: list[int] = []
    textless: list[int] = []
    broken: list[tuple[int, str]] = []
    unmapped: list[tuple[int, int]] = []
    raws: list[RawPage] = []
    try:
        extract_pages(data, count.append, raws.append, lambda i, why: broken.append((i, why)),
                      max_pages=settings.max_pages, timeout_s=settings.page_timeout_s)
    except ExtractError as exc:
        raise _read_error(exc, data, source, settings) from None
    ocr = ocr_available()
    for raw in raws:  # pages in order, so that indices stay consecutive
        with collector.paused():  # a Line and a run list per line: see collector.paused
            page = build_page(raw, source, first_index + len(pages), settings)
        if page is None and ocr:
            # no text layer: a scan.  Rendered after PDFium's worker has read the whole file
            # without trouble, and outside its time limit: OCR takes seconds per page
            page = ocr_pdf_pages(data, [raw.page], source, first_index + len(pages), settings)[raw.page]
        if page is None:
            textless.append(raw.page)
        else:
            pages.append(page)
        if raw.unmapped:
            unmapped.append((raw.page, raw.unmapped))
    no_text = "has no text layer (a scan or image)" + (" and OCR found no text on it" if ocr else "")
    no_text_fix = "check that the scan is legible, at 150 dpi or more" if ocr else OCR_FIX
    n = count[0] if count else 0
    if n == 0:
        raise ReadError("is a PDF with no pages", path=source, fix="re-export or re-download the PDF")
    if n > settings.max_pages:
        raise LimitError(f"{n:,} pages, over the limit of {settings.max_pages:,}", path=source,
                         fix="raise max_pages in banmian.toml or split the PDF")
    if not pages:
        if broken and not textless:
            raise ReadError(f"no page could be loaded ({_truncated(data)}PDFium: {broken[0][1]})",
                            path=source, fix="re-download or re-export the PDF")
        what = no_text if n == 1 else f"none of its {n} pages has a text layer (scans or images)" + (
            " or text OCR could find" if ocr else "")
        raise ReadError(what, path=source, fix=no_text_fix)
    skipped = [(i, no_text, no_text_fix) for i in textless]
    skipped += [(i, f"could not be loaded (PDFium: {why})", "re-export the PDF") for i, why in broken]
    skipped.sort()
    if skipped and settings.strict:
        i, what, fix = skipped[0]
        raise ReadError(f"page {i + 1} {what}", path=source, fix=f"{fix}; or turn strict off to skip such pages")
    notes = [f"{source}: page {i + 1} {what}; skipped ({fix})" for i, what, fix in skipped]
    notes += [f"{source}: page {i + 1}: {k} characters have no Unicode mapping in their font"
              f" and may read as wrong characters" for i, k in unmapped]
    if notes:
        pages[0] = _with_warnings(pages[0], notes)
    return pages


def _truncated(data: bytes) -> str:
    return "" if b"%%EOF" in data[-2048:] else "damaged or truncated: no %%EOF marker at its end; "


def _read_error(exc: ExtractError, data: bytes, source: str, settings: Settings) -> ReadError:
    """One-line error for a failure in PDFium or its worker."""
    where = f"page {exc.page + 1}" if exc.page is not None else "opening the file"
    if exc.kind == "password":
        return ReadError("is encrypted and cannot be read without its password", path=source,
                         fix="get an unencrypted copy, or decrypt it: `qpdf --decrypt --password=PW in.pdf out.pdf`")
    if exc.kind == "security":
        return ReadError("is encrypted with a security handler PDFium does not support", path=source,
                         fix="decrypt it first: `qpdf --decrypt in.pdf out.pdf`")
    if exc.kind == "timeout":
        return ReadError(f"{where} took PDFium longer than {settings.page_timeout_s:g} s to read "
                         "(pathological page content)", path=source,
                         fix="raise page_timeout_s in banmian.toml, or re-export the PDF")
    if exc.kind == "crashed":
        return ReadError(f"PDFium crashed at {where} ({_truncated(data)}the file is damaged)", path=source,
                         fix="re-download or re-export the PDF")
    if exc.kind == "internal":
        return ReadError(f"could not be read at {where} ({exc.detail})", path=source,
                         fix="report this with the file attached")
    if exc.kind == "empty":
        return ReadError("is a PDF with no pages", path=source, fix="re-export or re-download the PDF")
    return ReadError(f"is not a readable PDF ({_truncated(data)}PDFium: {exc.detail or exc.kind})",
                     path=source, fix="re-download or re-export the PDF")


def _with_warnings(page: Page, notes: list[str]) -> Page:
    return replace(page, warnings=page.warnings + tuple(notes))


# --- characters -> lines -----------------------------------------------------------------

def build_page(raw: RawPage, source: str = "<pdf>", index: int = 0,
               settings: Settings = DEFAULT) -> Page | None:
    """A :class:`Page` from one page's characters; ``None`` when it has no visible text.

    Three characters on one baseline, then three stacked in a column (a 竖排 headline):

    >>> from array import array
    >>> chars = [("本", 36, 100), ("报", 46, 100), ("讯", 56, 100),
    ...          ("竖", 300, 80), ("排", 300, 91), ("题", 300, 102)]
    >>> raw = RawPage(0, 595.0, 842.0, "".join(c for c, _, _ in chars),
    ...               array("d", [v for _, x, y in chars for v in (x, y, x + 10, y + 10)]).tobytes(),
    ...               array("d", [10.0] * len(chars)).tobytes(), 0, 0)
    >>> page = build_page(raw, "demo.pdf")
    >>> page.text
    '本报讯\\n竖排题\\n'
    >>> [(ln.box, ln.size) for ln in page.lines]
    [((36.0, 100.0, 66.0, 110.0), 10.0), ((300.0, 80.0, 310.0, 112.0), 10.0)]
    >>> page.char_boxes[3], page.reader
    (None, 'pdf')
    """
    text = raw.text
    boxes = PackedBoxes(raw.boxes)  # read where needed: most lines are measured in numpy
    # (none of them is None: pdfium_chars leaves no NaN in raw.boxes; the ignores below say so)
    sizes = array("d", raw.sizes)
    keep = [i for i, ch in enumerate(text) if ch not in _DROP] if _DROP_ANY.search(text) else list(range(len(text)))
    if all(text[i].isspace() for i in keep):
        return None
    lines = _stack_vertical(text, _split_runs(keep, raw), boxes, sizes)  # type: ignore[arg-type]
    if len(lines) > settings.max_lines:
        raise LimitError(f"page {raw.page + 1} has {len(lines):,} lines, over the limit of "
                         f"{settings.max_lines:,}", path=source, fix="raise max_lines in banmian.toml")
    parts: list[str] = []
    packed = memoryview(boxes.data)
    char_boxes = bytearray()  # PackedBoxes' layout: 32 bytes a box, NONE for a break or space
    out_lines: list[Line] = []
    cboxes: bytes | memoryview
    pos = 0
    # most pages have no blank character left (PDFium's guessed spaces are dropped):
    # then every character of a line counts for its size
    blank = [m.start() for m in _BLANK.finditer(text)]
    plain = _plain_lines(raw, lines, blank)
    for (line, vertical), known in zip(lines, plain):
        if known is not None:  # a run of the text without blanks: measured in numpy
            box, size, wide = known
            a, b = line[0], line[-1] + 1
            if wide:
                cuts = [a, *(a + k for k in wide), b]
                chars = " ".join([text[i:j] for i, j in pairwise(cuts)])
                cboxes = PackedBoxes.NONE.join([packed[32 * i:32 * j] for i, j in pairwise(cuts)])
            else:
                chars, cboxes = text[a:b], packed[32 * a:32 * b]
            if size is None:
                size = _line_size([sizes[i] for i in line])
        else:
            char_list, box_list = _with_spaces(text, line, vertical, boxes, sizes)  # type: ignore[arg-type]
            chars = "".join(char_list)
            visible = [sizes[i] for i in line if not text[i].isspace()]
            if not visible:  # only spaces (U+3000, tabs): nothing to read
                continue
            x0, y0, x1, y1 = zip(*[b for b in box_list if b is not None])
            box = (min(x0), min(y0), max(x1), max(y1))
            size = _line_size(visible)
            cboxes = b"".join([PackedBoxes.NONE if b is None else struct.pack("4d", *b) for b in box_list])
        if len(chars) > settings.max_line_chars:
            raise LimitError(f"page {raw.page + 1} has a line of {len(chars):,} characters, over the "
                             f"limit of {settings.max_line_chars:,}", path=source,
                             fix="raise max_line_chars in banmian.toml")
        out_lines.append(make_line(index, len(out_lines) + 1, pos, pos + len(chars), box,
                                   size if size > 0 else None))
        parts.append(chars)
        parts.append("\n")
        char_boxes += cboxes
        char_boxes += PackedBoxes.NONE
        pos += len(chars) + 1
    return Page(text="".join(parts), lines=tuple(out_lines), source=source, index=index,
                encoding="pdf text layer", reader="pdf", char_boxes=PackedBoxes(char_boxes),
                rules=tuple(struct.iter_unpack("4d", raw.rules)), images=tuple(struct.iter_unpack("4d", raw.images)))


def _plain_lines(raw: RawPage, lines: list[tuple[list[int], bool]],
                 blank: list[int]) -> list[tuple[Box, float | None, list[int]] | None]:
    """Per line, for the lines that are one stretch of the text without blanks, drawn left
    to right (nearly all of a page's): its box, its size where all its characters share
    one (else ``None``), and where :func:`_with_spaces` puts a space (before the k-th
    character); ``None`` for the other lines, which take the general way.  All such lines
    are measured at once, in numpy, with the operations of the general way
    (``tests/test_pdf_fast_paths.py`` checks that both give the same page).
    """
    import numpy as np
    picked = [k for k, (line, vertical) in enumerate(lines)
              if not vertical and line[-1] - line[0] + 1 == len(line)]
    if blank and picked:
        marks = np.zeros(len(raw.text) + 1, dtype=np.intp)
        marks[blank] = 1
        count = np.concatenate(([0], np.cumsum(marks)))
        picked = [k for k in picked if count[lines[k][0][-1] + 1] == count[lines[k][0][0]]]
    out: list[tuple[Box, float | None, list[int]] | None] = [None] * len(lines)
    if not picked:
        return out
    first = np.array([lines[k][0][0] for k in picked], dtype=np.intp)
    length = np.array([len(lines[k][0]) for k in picked], dtype=np.intp)
    start = np.concatenate(([0], np.cumsum(length)[:-1]))  # each line's first row below
    at = np.arange(int(length.sum()), dtype=np.intp) + np.repeat(first - start, length)
    boxes = np.frombuffer(raw.boxes).reshape(-1, 4)[at]
    sizes = np.frombuffer(raw.sizes)[at]
    lo, hi = np.minimum.reduceat(boxes, start), np.maximum.reduceat(boxes, start)
    one_size = np.minimum.reduceat(sizes, start) == np.maximum.reduceat(sizes, start)
    # gaps between neighbours on a line (pair p: rows p and p + 1), the line's lower quartile
    gap = boxes[1:, 0] - boxes[:-1, 2]
    line_of = np.repeat(np.arange(len(picked)), length)[:-1]
    inside = np.ones(len(gap), dtype=bool)
    inside[start[1:] - 1] = False
    pairs = np.flatnonzero(inside)
    by_line = pairs[np.lexsort((gap[pairs], line_of[pairs]))]
    n_gaps = length - 1
    gap_start = np.concatenate(([0], np.cumsum(n_gaps)[:-1]))
    quartile = gap[by_line[np.minimum(gap_start + n_gaps // 4, max(len(by_line) - 1, 0))]] if len(by_line) \
        else np.zeros(len(picked))
    usual = np.where(length > 2, quartile, 0.0)[line_of]
    em = np.maximum(np.maximum(sizes[1:], sizes[:-1]), 1.0)
    wide = np.flatnonzero(inside & (gap > usual) & (gap > 0) & (gap > usual + SPACE_EMS * em) & (gap > 0.15 * em))
    spaces: dict[int, list[int]] = {}
    for p, j in zip(wide.tolist(), line_of[wide].tolist()):
        spaces.setdefault(j, []).append(p + 1 - int(start[j]))
    box_rows = np.column_stack((lo[:, 0], lo[:, 1], hi[:, 2], hi[:, 3])).tolist()
    size_of = np.where(one_size, sizes[start], 0.0).tolist()
    for j, (k, row, same, size) in enumerate(zip(picked, box_rows, one_size.tolist(), size_of)):
        out[k] = (tuple(row), size if same else None, spaces.get(j, []))
    return out


def _line_size(sizes: list[float]) -> float:
    """The median size, unless some characters are set larger: then the largest size at least
    three of them share (a title line ending in its smaller column tag is in the title's size).

    >>> _line_size([10.5] * 12), _line_size([24.0] * 4 + [16.0] * 12), _line_size([10.5] * 9 + [14.0])
    (10.5, 24.0, 10.5)
    """
    first = sizes[0]
    if sizes.count(first) == len(sizes):  # most lines: one size
        return first
    counts = Counter(sizes)
    need = min(3, len(sizes))
    return max((s for s, n in counts.items() if n >= need), default=statistics.median(sizes))


def _split_runs(keep: list[int], raw: RawPage) -> list[list[int]]:
    """Characters in drawing order -> runs on one baseline, moving right without a big jump.

    The loose box's bottom stands in for the baseline: it is the baseline less the font's
    descent, which differs between fonts by far less than the half em that counts.  Each
    test looks at a character and the one before it only, so all of the page's pairs are
    tested at once, in numpy (float64, the same operations as one at a time:
    ``tests/test_pdf_fast_paths.py`` checks it against the loop).
    """
    import numpy as np
    if len(keep) < 2:
        return [keep] if keep else []
    at = np.asarray(keep, dtype=np.intp)
    boxes = np.frombuffer(raw.boxes).reshape(-1, 4)[at]
    sizes = np.frombuffer(raw.sizes)[at]
    before, size = sizes[:-1], sizes[1:]
    em = np.maximum(np.maximum(before, size), 1.0)
    # the smaller size sets the baseline tolerance: a byline beside a big title's
    # second line sits within half the title's size of its baseline
    small = np.maximum(np.minimum(before, size), 1.0)
    gap = boxes[1:, 0] - boxes[:-1, 2]
    # a headline's last line and the neighbouring column's first line can share a
    # baseline: a change of type size across a gap of an em is two lines
    cut = ((np.abs(boxes[1:, 3] - boxes[:-1, 3]) >= BASELINE_EMS * small) | (gap <= -BACKTRACK_EMS * em)
           | (gap >= JUMP_EMS * em) | ((gap >= small) & (em >= SIZE_STEP * small)))
    # a rule drawn between two characters parts them: two articles' titles side by side on
    # one baseline, closer than a gutter ("能源供给迈向高质量发展 | 推动媒体融合")
    rules = np.frombuffer(raw.rules).reshape(-1, 4)
    rules = rules[rules[:, 3] - rules[:, 1] > rules[:, 2] - rules[:, 0]]
    if len(rules):
        mid = ((boxes[1:, 1] + boxes[1:, 3]) / 2)[:, None]
        step = max(1, 1_000_000 // len(keep))  # rules at a time: a ruled table has thousands
        for r in (rules[k:k + step] for k in range(0, len(rules), step)):
            rx = (r[:, 0] + r[:, 2]) / 2
            cut |= ((boxes[:-1, 2, None] - RULE_SLACK <= rx) & (rx <= boxes[1:, 0, None] + RULE_SLACK)
                    & (r[:, 1] <= mid) & (mid <= r[:, 3])).any(axis=1)
    edges = [0, *(np.flatnonzero(cut) + 1).tolist(), len(keep)]
    return [keep[i:j] for i, j in pairwise(edges)]


def _stacked(a: int, b: int, boxes: Sequence[Box], sizes: array) -> int:
    """1 if ``b`` sits right under ``a`` in the same column, -1 if right above, else 0."""
    ax0, ay0, ax1, ay1 = boxes[a]
    bx0, by0, bx1, by1 = boxes[b]
    em = max(sizes[a], sizes[b], 1.0)
    if min(sizes[a], sizes[b]) < 0.75 * em:
        return 0
    overlap = min(ax1, bx1) - max(ax0, bx0)
    if overlap <= 0 or overlap < 0.5 * min(ax1 - ax0, bx1 - bx0, em):
        return 0
    if -0.25 * em <= by0 - ay1 <= em:
        return 1
    if -0.25 * em <= ay0 - by1 <= em:
        return -1
    return 0


def _stack_vertical(text: str, runs: list[list[int]], boxes: Sequence[Box],
                    sizes: array) -> list[tuple[list[int], bool]]:
    """Join runs of one visible character each that are stacked in a column into one line,
    top to bottom (竖排: a vertical headline, or text rotated by 90°); ``(line, vertical)``."""
    def single(run: list[int]) -> int | None:
        found = None
        for i in run:  # stops at a second visible character: most runs are long
            if not text[i].isspace():
                if found is not None:
                    return None
                found = i
        return found

    out: list[tuple[list[int], bool]] = []
    k = 0
    while k < len(runs):
        first = single(runs[k])
        if first is None:
            out.append((runs[k], False))
            k += 1
            continue
        chain, direction = [first], 0
        while k + len(chain) < len(runs):
            nxt = single(runs[k + len(chain)])
            step = 0 if nxt is None else _stacked(chain[-1], nxt, boxes, sizes)
            if step == 0 or (direction and step != direction):
                break
            direction = step
            chain.append(nxt)  # type: ignore[arg-type]
        if len(chain) > 1:
            out.append((sorted(chain, key=lambda i: boxes[i][1]), True))
        else:
            out.append((runs[k], False))
        k += len(chain)
    return out


def _with_spaces(text: str, line: list[int], vertical: bool, boxes: Sequence[Box],
                 sizes: array) -> tuple[list[str], list[Box | None]]:
    """The line's characters and their boxes: a space added at each word gap (``None``
    box), repeated and edge spaces dropped, as pdftotext prints them."""
    chars = [text[i] for i in line]
    if " " not in chars:  # most lines (CJK): no spaces to fold, at most a few to add
        line_boxes: list[Box | None] = [boxes[i] for i in line]
        if vertical or len(line) < 2:
            return chars, line_boxes
        gaps = [b[0] - a[2] for a, b in pairwise(line_boxes)]  # type: ignore[index]
        usual = sorted(gaps)[len(gaps) // 4] if len(line) > 2 else 0.0
        # em >= 1, so no space unless the gap beats both usual and 0: most don't
        wide = [k for k, gap in enumerate(gaps, 1) if gap > usual and gap > 0
                and gap > usual + SPACE_EMS * (em := max(sizes[line[k]], sizes[line[k - 1]], 1.0))
                and gap > 0.15 * em]
        for k in reversed(wide):
            chars.insert(k, " ")
            line_boxes.insert(k, None)
        return chars, line_boxes
    chars = []
    out: list[Box | None] = []
    usual = 0.0
    if not vertical and len(line) > 2:
        visible = [i for i in line if text[i] != " "]
        gaps = [boxes[b][0] - boxes[a][2] for a, b in pairwise(visible)]
        # the lower quartile: a justified line's even spacing, not its word gaps
        usual = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    prev = -1
    for i in line:
        ch = text[i]
        if ch == " ":
            if chars and chars[-1] != " ":
                chars.append(ch)
                out.append(boxes[i])
            continue
        if prev >= 0 and chars[-1] != " " and not vertical:
            gap = boxes[i][0] - boxes[prev][2]
            # em >= 1, so no space unless the gap beats both usual and 0: most don't
            if gap > usual and gap > 0:
                em = max(sizes[i], sizes[prev], 1.0)
                if gap > usual + SPACE_EMS * em and gap > 0.15 * em:
                    chars.append(" ")
                    out.append(None)
        chars.append(ch)
        out.append(boxes[i])
        prev = i
    while chars and chars[-1] == " ":
        chars.pop()
        out.pop()
    return chars, out
