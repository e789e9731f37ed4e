"""Scanned pages (PNG/JPEG/TIFF, image-only PDF pages) -> :class:`~banmian.model.Page` by OCR.

Needs the optional extra ``banmian[ocr]`` (rapidocr-onnxruntime: PP-OCRv4 detection and
recognition models inside its wheel, nothing is downloaded); without it every entry
point raises the one-line :class:`ReadError` that says how to install it.

How a page is read, and why:

1. the text detector runs on a copy scaled to about :data:`DETECT_DPI` dpi: enough to
   find 8 pt text, and detection time grows with the pixel count;
2. the detector's boxes are made into one box per column line (rules erased, boxes cut
   at column gutters, pale end marks taken in, missed lines found: :mod:`.ocr_boxes`);
   every box is cut from the *full-resolution* image and recognised on its own.
   Recognising a whole page at once (the engine's default) first shrinks it to 2,000
   pixels, which costs ~4% character errors on a newspaper page; crops keep every
   stroke (~0.5%).  The marks the recogniser is unsure of (a 、 between close-set
   characters, 。 or …… read as ·) get a second look at its per-frame probabilities
   (:mod:`.ocr_recheck`);
3. the pieces are put in reading order by :func:`.ocr_layout.order_lines` (column by
   column, a headline before its columns) and their punctuation is tidied, so the
   text stages see something like a ``pdftotext -raw`` dump.

Lines get ``box`` in PDF points (pixels x 72 / dpi; images without a resolution are
taken to be :data:`ASSUMED_DPI`) and ``size`` from the box height, the same shape the
PDF reader gives, so the geometry stages work unchanged; ``Page.char_boxes`` splits
each line's box evenly among its characters.
"""
from __future__ import annotations

import importlib.util
import io
import statistics
import warnings
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import LimitError, ReadError
from ..model import Box, Line, Page
from ..settings import DEFAULT, Settings
from .ocr_boxes import (INK_LEVEL, INK_PAD, drop_rules, erase_rules, gutters, ink_band, missed_lines,
                        own_rows, reach_marks, split_at_gutters)
from .ocr_layout import Piece, Quotes, balance_quotes, join_pieces, order_lines, ranges_across_lines, tidy_text
from .ocr_recheck import read_lines

if TYPE_CHECKING:
    import numpy as np

__all__ = ["OCR_FIX", "RENDER_DPI", "ocr_available", "ocr_pdf_pages", "ocr_pixels", "read_image"]

OCR_FIX = "it needs OCR: install the optional extra with pip install 'banmian[ocr]'"
RENDER_DPI = 200  # image-only PDF pages are rendered at this resolution for OCR
ASSUMED_DPI = 200  # scans that do not state their resolution (most are 150-300 dpi)
DETECT_DPI = 110  # the detector's working resolution: body text ~17 px high
MIN_SKEW = 0.05  # degrees: a scan turned less than this is left as it is
MIN_DETECT_PX = 12  # detected boxes this low (median) mean the scan was smaller than its dpi says
MAX_PIXELS = 150_000_000  # an A1 sheet at 400 dpi; bigger is a mistake or a decompression bomb
# a line's box (ink plus margin) is ~1.33 x the font size high; measured on
# generated pages against the sizes in their PDF text layer
BOX_EMS = 1.33
HEAD_JITTER = 0.08  # successive headline lines this close in height are one size (measured: up to 5% apart)
BODY_CLUSTER = 1.25  # a height this near the commonest, shared by many lines, is body type too
BODY_SHARE = 0.15  # ... many: this share of the page's lines
BODY_MANY = 5  # ... and at least this many
BODY_JITTER = 0.15  # line heights this close to the commonest one are the body size (measured: up to 12% off)
_DASH_READINGS = "一-－—"  # what the recogniser makes of the two-em dash, one mark for it
DASH_ROW_SHARE = 0.8  # a row inked over this share of a long stroke's length is the stroke's own
DASH_CLUTTER = 0.1  # ... and a dash has ink above or below it over at most this share of its length
DASH_EMS = 1.6  # an unbroken horizontal stroke this long (x the line's ink height) is a dash
BOX_THRESH = 0.3  # the detector's threshold on a box's mean text score
MIN_SCORE = 0.5  # recognitions the engine is less sure of are noise (rules, specks)


def ocr_available() -> bool:
    """Is the optional OCR engine installed?"""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def _require(source: str, what: str) -> None:
    if not ocr_available():
        raise ReadError(what, path=source, fix=OCR_FIX)


@lru_cache(maxsize=1)
def _engine() -> Any:
    """The OCR engine, loaded once per process (~0.5 s: three ONNX models)."""
    from rapidocr_onnxruntime import RapidOCR  # optional extra: imported only when used
    engine = RapidOCR()
    # the default (0.5) drops the short last line of a paragraph (权。) now and then: its
    # mean score is low at the detector's resolution; noise boxes found instead are
    # dropped by their recognition score
    engine.text_det.postprocess_op.box_thresh = BOX_THRESH
    return engine


# --- images and PDF pages -> pixels ------------------------------------------------------------

def read_image(data: bytes, source: str = "<image>", kind: str = "image", *, first_index: int = 0,
               settings: Settings = DEFAULT) -> list[Page]:
    """The pages of a scanned image (each frame of a multi-page TIFF is a page).

    A damaged image, or one in which OCR finds no text, raises :class:`ReadError`.
    """
    _require(source, f"is an image ({kind}) of a page, not its text; reading scans needs OCR")
    # numpy and Pillow come with the OCR extra
    import numpy as np
    from PIL import Image, ImageSequence, UnidentifiedImageError
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about damaged metadata: not ours to print
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            w, h = im.size
            if w * h > MAX_PIXELS:
                raise LimitError(f"is an image of {w} x {h} pixels, over the limit of {MAX_PIXELS / 1e6:.0f} "
                                 "million", path=source, fix="scan at 300 dpi or less, or split the image")
            dpi = scan_dpi(im.info.get("dpi"))
            frames = [np.asarray(f.convert("L")) for f in ImageSequence.Iterator(im)]
    except ReadError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Warning,
            Image.DecompressionBombError) as exc:
        raise ReadError(f"is not a readable {kind} image ({_why(exc)})", path=source,
                        fix="re-scan or re-export the image") from None
    if len(frames) > settings.max_pages:
        raise LimitError(f"{len(frames):,} pages, over the limit of {settings.max_pages:,}", path=source,
                         fix="raise max_pages in banmian.toml or split the image")
    pages: list[Page] = []
    blank: list[int] = []
    for k, pixels in enumerate(frames):
        page = ocr_pixels(pixels, dpi, source, first_index + len(pages), settings)
        if page is None:
            blank.append(k)
        else:
            pages.append(page)
    if not pages:
        raise ReadError(f"is an image ({kind}) in which OCR found no text", path=source,
                        fix="check that it is a page scan, at 150 dpi or more")
    if blank:
        notes = tuple(f"{source}: image page {k + 1}: OCR found no text; skipped" for k in blank)
        pages[0] = replace(pages[0], warnings=pages[0].warnings + notes)
    return pages


def _why(exc: BaseException) -> str:
    if type(exc).__name__ == "UnidentifiedImageError":  # its text names a BytesIO object
        return "unknown or damaged image data"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def scan_dpi(value: object) -> float:
    """The scan's resolution from its metadata, or :data:`ASSUMED_DPI` when absent or absurd."""
    try:
        dpi = float(value[0])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return ASSUMED_DPI
    return dpi if 50 <= dpi <= 1200 else ASSUMED_DPI


def ocr_pdf_pages(data: bytes, page_numbers: list[int], source: str, first_index: int = 0,
                  settings: Settings = DEFAULT) -> dict[int, Page | None]:
    """OCR the given (0-based) pages of a PDF, rendered at :data:`RENDER_DPI`; ``None`` for a
    page where OCR finds no text.  ``Page.index`` counts on from ``first_index`` in the order
    of ``page_numbers``; the caller renumbers when it interleaves text pages."""
    import pypdfium2 as pdfium
    out: dict[int, Page | None] = {}
    doc = pdfium.PdfDocument(data)
    try:
        for k, n in enumerate(page_numbers):
            page = doc[n]
            try:
                bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
                pixels = bitmap.to_numpy()
            finally:
                page.close()
            if pixels.ndim == 3:
                pixels = pixels[:, :, 0]
            out[n] = ocr_pixels(pixels, RENDER_DPI, source, first_index + k, settings)
    finally:
        doc.close()
    return out


# --- pixels -> page ---------------------------------------------------------------------------

def ocr_pixels(pixels: np.ndarray, dpi: float, source: str = "<image>", index: int = 0,
               settings: Settings = DEFAULT) -> Page | None:
    """A page from a grey-scale image (``uint8``, height x width); ``None`` without text."""
    pieces = recognise(pixels, dpi)
    if not pieces:
        return None
    return build_page(pieces, 72.0 / dpi, source, index, settings)


def recognise(pixels: np.ndarray, dpi: float) -> list[Piece]:
    """Detect text boxes on a scaled copy (a turned scan is then straightened, its boxes
    turned with it), recognise each box cut from the full image."""
    import cv2
    import numpy as np
    engine = _engine()
    scale = min(1.0, DETECT_DPI / dpi)
    polys, skew = _detect(engine, pixels, scale)
    boxes = _upright(polys, pixels.shape)
    if boxes and scale < 1.0:
        low = statistics.median(b[3] - b[1] for b in boxes) * scale
        if low < MIN_DETECT_PX:  # the image holds smaller type than its dpi says: look closer
            scale = min(1.0, scale * MIN_DETECT_PX * 1.5 / low)
            polys, skew = _detect(engine, pixels, scale)
            boxes = _upright(polys, pixels.shape)
    if abs(skew) >= MIN_SKEW:
        # a turned page: over a page's height even 0.3 degrees moves a column sideways by
        # about as much as the gutter, and the reading order needs the gutters clear.  The
        # detector's boxes are turned with the page (detecting again costs a third of the
        # time of a page and finds the same lines)
        pixels, matrix = _rotate(pixels, skew)
        boxes = _upright([cv2.transform(poly[None], matrix)[0] for poly in polys], pixels.shape)
    # the body's ink height sets the gutter width: most boxes are one line of body text
    inks = [pixels[y0:y1, x0:x1] < INK_LEVEL for x0, y0, x1, y1 in boxes]
    bands = [ink_band(ink) for ink in inks if ink.any()]
    em = statistics.median(b - a + 1 for a, b in bands) if bands else 0
    if em:
        pixels = erase_rules(pixels, em, boxes)
        inks = [pixels[y0:y1, x0:x1] < INK_LEVEL for x0, y0, x1, y1 in boxes]
    inked = [drop_rules(ink, np.flatnonzero(own_rows(ink).any(axis=0)), em) for ink in inks]
    strips = gutters(boxes, inked, em)
    boxes = [part for box, ink, cols in zip(boxes, inks, inked)
             for part in split_at_gutters(pixels, box, ink, cols, em, strips)]
    if not boxes:
        return []
    if em:
        boxes = [reach_marks(pixels, box, em) for box in boxes]
        boxes += missed_lines(pixels, boxes, em)
    crops = [cv2.cvtColor(pixels[y0:y1, x0:x1], cv2.COLOR_GRAY2BGR) for x0, y0, x1, y1 in boxes]
    pieces = []
    for (x0, y0, x1, y1), reading in zip(boxes, read_lines(engine.text_rec, crops)):
        text = reading.text
        if text.strip() and reading.score >= MIN_SCORE:
            if any(c in text for c in _DASH_READINGS):
                text = _dashes(text, pixels[y0:y1, x0:x1] < INK_LEVEL)
            pieces.append(Piece(text, (float(x0), float(y0), float(x1), float(y1))))
    return pieces


def _dashes(text: str, ink: np.ndarray) -> str:
    """A line's text with the two-em dash —— put back where its crop (``ink``: the pixels
    that are ink) has an unbroken stroke :data:`DASH_EMS` ink heights long.

    The recogniser reads the two-em dash as two 一, and 一一 is also a word (一一对应); the
    ink tells them apart: the dash is one stroke of two ems, the characters two strokes of
    under one em with the space between glyphs.  It also reads the dash as a single 一 or
    a hyphen (“哨卡”一那栋): a stroke that long where the line's characters put one of
    those is the dash too (nothing else in type is a stroke of two ems)."""
    import numpy as np
    height = ink.shape[0] / (1 + 2 * INK_PAD)  # the line's own ink, without the margin
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    strokes: list[tuple[int, int]] = []
    for row in edges:
        starts, ends = np.flatnonzero(row == 1), np.flatnonzero(row == -1)
        strokes += [(int(a), int(b)) for a, b in zip(starts, ends) if b - a >= DASH_EMS * height]
    dashes: list[tuple[int, int]] = []  # one dash is a stroke several rows thick
    for a, b in sorted(strokes):
        if dashes and a <= dashes[-1][1]:
            dashes[-1] = (dashes[-1][0], max(dashes[-1][1], b))
        else:
            dashes.append((a, b))
    # a dash is a bare stroke: over its length no ink above or below it (a 一 the blur ran
    # into its neighbour's stroke, 第一次 or 进一步, has the neighbour's ink there)
    bare = []
    for a, b in dashes:
        band = np.flatnonzero(ink[:, a:b].sum(axis=1) >= DASH_ROW_SHARE * (b - a))
        lo, hi = (int(band[0]), int(band[-1]) + 1) if band.size else (0, 0)
        off = np.concatenate([ink[:max(0, lo - 1), a:b], ink[hi + 1:, a:b]]).any(axis=0)
        bare.append(float(off.mean()) <= DASH_CLUTTER)
    pairs = text.count("一一")
    text = text.replace("一一", "——", len(dashes))
    if len(dashes) <= pairs:
        return text
    # Each remaining stroke, at the character its middle falls on (the line's characters
    # spread evenly over its ink): a lone 一, - or — within a character of it is the dash.
    cols = np.flatnonzero(ink.any(axis=0))
    left, right = int(cols[0]), int(cols[-1]) + 1
    step = (right - left) / max(1, len(text))
    out = list(text)
    for (a, b), alone in zip(dashes, bare):
        if not alone:
            continue
        at = ((a + b) / 2 - left) / step
        near = [k for k, c in enumerate(out) if c in _DASH_READINGS and abs(k + 0.5 - at) <= 1.5
                and not (c == "—" and "—" in out[max(0, k - 1):k] + out[k + 1:k + 2])]
        if near:
            k = min(near, key=lambda k: abs(k + 0.5 - at))
            out[k] = "——"
    return "".join(out)


def _detect(engine: Any, pixels: np.ndarray, scale: float) -> tuple[list[np.ndarray], float]:
    """The detected text lines as quadrilaterals (4 x 2, full-image pixels) and the page's
    skew in degrees (the median slope of long lines; clockwise positive)."""
    import math

    import cv2
    import numpy as np
    small = pixels if scale >= 1.0 else cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    polys, _ = engine.text_det(cv2.cvtColor(np.ascontiguousarray(small), cv2.COLOR_GRAY2BGR))
    if polys is None:
        return [], 0.0
    out = []
    slopes = []
    for poly in polys:
        out.append(np.asarray(poly, dtype=np.float32) / scale)
        (ax, ay), (bx, by) = poly[0], poly[1]  # top-left, top-right corners of the rotated box
        if bx - ax >= 4 * (poly[:, 1].max() - poly[:, 1].min()):  # long lines tell the slope best
            slopes.append(math.degrees(math.atan2(by - ay, bx - ax)))
    return out, statistics.median(slopes) if slopes else 0.0


def _upright(polys: list[np.ndarray], shape: tuple[int, ...]) -> list[tuple[int, int, int, int]]:
    """Upright boxes (x0, y0, x1, y1) in image pixels around quadrilaterals, clipped to the image."""
    h, w = shape[:2]
    out = []
    for poly in polys:
        x0, y0 = max(0, int(poly[:, 0].min())), max(0, int(poly[:, 1].min()))
        x1, y1 = min(w, int(poly[:, 0].max()) + 1), min(h, int(poly[:, 1].max()) + 1)
        if x1 - x0 >= 4 and y1 - y0 >= 4:
            out.append((x0, y0, x1, y1))
    return out


def _rotate(pixels: np.ndarray, degrees: float) -> tuple[np.ndarray, np.ndarray]:
    """The page turned back by ``degrees`` about its centre, white filling the corners, and
    the 2 x 3 matrix that maps its points."""
    import cv2
    h, w = pixels.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(pixels, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255), matrix


def build_page(pieces: list[Piece], pt_per_px: float, source: str = "<image>", index: int = 0,
               settings: Settings = DEFAULT) -> Page:
    """A :class:`Page` from recognised pieces (boxes in pixels) in the PDF reader's shape.

    >>> pieces = [Piece("第二行", (100, 160, 400, 200)), Piece("标题", (100, 40, 300, 120)),
    ...           Piece("正文第一行", (100, 120, 600, 160))]
    >>> page = build_page(pieces, 0.36)
    >>> page.text
    '标题\\n正文第一行\\n第二行\\n'
    >>> [(ln.box, ln.size) for ln in page.lines][:2]
    [((36.0, 14.4, 108.0, 43.2), 21.7), ((36.0, 43.2, 216.0, 57.6), 10.8)]
    >>> page.char_boxes[:3], page.reader
    (((36.0, 14.4, 72.0, 43.2), (72.0, 14.4, 108.0, 43.2), None), 'ocr')
    """
    rows: list[tuple[str, Box]] = []
    quotes = Quotes()
    read: list[str] = []  # the double quotes as the recogniser read them, kept lines only
    for line in order_lines(pieces):
        raw = join_pieces(line)
        text, quotes = tidy_text(raw, quotes)
        if text:
            read.append("".join(ch for ch in raw if ch in '“”"'))
            box = (round(min(p.box[0] for p in line) * pt_per_px, 2), round(min(p.box[1] for p in line) * pt_per_px, 2),
                   round(max(p.box[2] for p in line) * pt_per_px, 2), round(max(p.box[3] for p in line) * pt_per_px, 2))
            rows.append((text, box))
    # (the double quotes turned over the whole page: one the recogniser lost turns no others)
    texts = balance_quotes(ranges_across_lines([t for t, _ in rows]), "".join(read))
    rows = list(zip(texts, [b for _, b in rows]))
    if len(rows) > settings.max_lines:
        raise LimitError(f"page {index + 1} has {len(rows):,} lines, over the limit of {settings.max_lines:,}",
                         path=source, fix="raise max_lines in banmian.toml")
    sizes = _sizes([b[3] - b[1] for _, b in rows])
    parts: list[str] = []
    char_boxes: list[Box | None] = []
    lines: list[Line] = []
    pos = 0
    for (text, box), size in zip(rows, sizes):
        if len(text) > settings.max_line_chars:
            raise LimitError(f"page {index + 1} has a line of {len(text):,} characters, over the limit of "
                             f"{settings.max_line_chars:,}", path=source, fix="raise max_line_chars in banmian.toml")
        lines.append(Line(page=index, number=len(lines) + 1, start=pos, end=pos + len(text), box=box, size=size))
        step = (box[2] - box[0]) / len(text)
        char_boxes += [(round(box[0] + k * step, 2), box[1], round(box[0] + (k + 1) * step, 2), box[3])
                       for k in range(len(text))]
        char_boxes.append(None)
        parts += (text, "\n")
        pos += len(text) + 1
    return Page(text="".join(parts), lines=tuple(lines), source=source, index=index,
                encoding="ocr (PP-OCRv4)", reader="ocr", char_boxes=tuple(char_boxes))


def _body_range(rounded: list[float], common: float) -> tuple[float, float]:
    """The heights of body lines: those near the commonest one, and any height many lines
    share up to BODY_CLUSTER of it.  The detector's boxes for one type size may fall into
    two groups a sixth apart (column by column on one scan: 25 and 29 px, each a third of
    the lines), while a headline line's height is shared by a few lines at most."""
    lo, hi = common * (1 - BODY_JITTER), common * (1 + BODY_JITTER)
    counts = Counter(rounded)
    many = max(BODY_MANY, BODY_SHARE * len(rounded))
    for h, c in counts.items():
        if c >= many and common / BODY_CLUSTER <= h <= common * BODY_CLUSTER:
            lo, hi = min(lo, h * (1 - BODY_JITTER)), max(hi, h * (1 + BODY_JITTER))
    return lo, hi


def _sizes(heights: list[float]) -> list[float]:
    """Font sizes (pt) from line box heights.  Box heights jitter by a pixel or two from line to
    line, so heights near the commonest one all get the body size exactly: the geometry stage
    tells body from headline lines by equal sizes; successive headline lines as close as
    :data:`HEAD_JITTER` share one size.

    >>> _sizes([20, 21, 20, 60, 63, 20, 30, 60, 20])  # body; a title's two lines; kicker, title
    [15.0, 15.0, 15.0, 46.2, 46.2, 15.0, 22.6, 45.1, 15.0]
    >>> _sizes([25, 29, 25, 29, 25, 29, 25, 29, 25, 29, 60])  # body boxes in two groups, column by column
    [20.3, 20.3, 20.3, 20.3, 20.3, 20.3, 20.3, 20.3, 20.3, 20.3, 45.1]
    """
    if not heights:
        return []
    rounded = [round(h * 2) / 2 for h in heights]
    common = statistics.mode(rounded)
    lo, hi = _body_range(rounded, common)
    body = [h for h in heights if lo <= h <= hi]
    body_h = statistics.median(body)
    out = [body_h if lo <= h <= hi else h for h in heights]
    # the lines of one headline follow each other in reading order; their boxes' heights
    # differ with the glyphs they hold (王启荣 over 三十八载守护英魂: 5%), while a kicker
    # or subtitle is a size apart from its title (a quarter or more)
    k = 0
    while k < len(out):
        end = k + 1
        if out[k] != body_h:
            while end < len(out) and out[end] != body_h and abs(out[end] - out[end - 1]) <= HEAD_JITTER * out[end - 1]:
                end += 1
            if end - k > 1:
                out[k:end] = [statistics.median(out[k:end])] * (end - k)
        k = end
    return [round(h / BOX_EMS, 1) for h in out]
