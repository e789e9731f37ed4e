"""Scanned pages (PNG/JPEG/TIFF, image-only PDF pages) -> :class:`~banmian.model.Page` by OCR.

Needs the optional extra ``banmian[ocr]`` (rapidocr-onnxruntime: PP-OCRv4 detection and
recognition models inside its wheel, nothing is downloaded); without it every entry
point raises the one-line :class:`ReadError` that says how to install it.

How a page is read, and why:

1. the text detector runs on a copy scaled to about :data:`DETECT_DPI` dpi: enough to
   find 8 pt text, and detection time grows with the pixel count;
2. every detected box is cut from the *full-resolution* image and recognised on its
   own.  Recognising a whole page at once (the engine's default) first shrinks it to
   2,000 pixels, which costs ~4% character errors on a newspaper page; crops keep
   every stroke (~0.5%).  The marks the recogniser is unsure of (a 、 between close-set
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
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import LimitError, ReadError
from ..model import Box, Line, Page
from ..settings import DEFAULT, Settings
from .ocr_layout import Piece, join_pieces, order_lines, ranges_across_lines, tidy_text
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
BODY_JITTER = 0.15  # line heights this close to the commonest one are the body size (measured: up to 12% off)
GUTTER_INK = 1.5  # a blank strip this wide (x the body's ink height, ~1.4 em) inside a box is a gutter
GAP_INK = 0.6  # ... and a narrower one down to this is, when it lines up with others down the page
GUTTER_ROWS = 3  # how many other rows make a strip a gutter
GUTTER_WINDOW = 8.0  # rows this close (x the body ink height) above and below a strip tell if it is a gutter
GUTTER_SHARE = 0.15  # ... and it is when at most this share of them has ink in it
GUTTER_CLEAR = 0.5  # ... all along a run this wide (x the body's ink height)
LEADING_BOX = 0.12  # a blank band this high (x box height) between ink rows separates two lines
LEADING_EM = 0.1  # ... and once the body's ink height is known, one this high (x that height)
SLIVER_EMS = 0.8  # a part of a box this narrow (x body ink height) at its edge is a cut glyph
_DASH_READINGS = "一-－—"  # what the recogniser makes of the two-em dash, one mark for it
DASH_ROW_SHARE = 0.8  # a row inked over this share of a long stroke's length is the stroke's own
DASH_CLUTTER = 0.1  # ... and a dash has ink above or below it over at most this share of its length
DASH_EMS = 1.6  # an unbroken horizontal stroke this long (x the line's ink height) is a dash
MARK_GAP = 0.5  # a mark past a line's box starts this close to it (x body ink height) ...
MARK_WIDE = 0.6  # ... and is this narrow (。，、” are under half an em; a glyph is ~0.9) ...
PALE_WIDE = 2.2  # ... or, paler than INK_LEVEL all over, up to a two-em dash
INK_PAD = 0.2  # margin around a line's ink (x its height): the recogniser was trained with one
RULE_INK = 0.15  # an isolated run of ink this narrow (x body ink height) is a rule
RULE_EMS = 2.5  # a vertical run of ink this long (x body ink height) is a rule: no glyph has a stroke that long
WIDE_RULE_EMS = 6.0  # a horizontal run of ink this long (x body ink height) ...
RULE_THICK = 0.3  # ... and thinner than this is a rule: a headline's strokes are thicker
RULE_LEVEL = 200  # ... counting lighter greys as ink: a hairline rule blurred by the scan is pale grey
INK_LEVEL = 128  # grey levels below this are ink (scans: white paper, dark type)
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
    bands = [_ink_band(ink) for ink in inks if ink.any()]
    em = statistics.median(b - a + 1 for a, b in bands) if bands else 0
    if em:
        pixels = _erase_rules(pixels, em, boxes)
        inks = [pixels[y0:y1, x0:x1] < INK_LEVEL for x0, y0, x1, y1 in boxes]
    inked = [_drop_rules(ink, np.flatnonzero(_own_rows(ink).any(axis=0)), em) for ink in inks]
    gutters = _gutters(boxes, inked, em)
    boxes = [part for box, ink, cols in zip(boxes, inks, inked)
             for part in _split_at_gutters(pixels, box, ink, cols, em, gutters)]
    if not boxes:
        return []
    if em:
        boxes = [_reach_marks(pixels, box, em) for box in boxes]
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


def _erase_rules(pixels: np.ndarray, em: float,
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


def _gutters(boxes: list[tuple[int, int, int, int]], inked: list[np.ndarray], em: float) -> list[tuple[int, int]]:
    """Blank strips inside boxes that are column gutters: no text row near them has ink there.

    A column gutter runs down the page, so the rows above and below a box the detector
    joined across it are blank at the same place, whether the detector joined them too or
    found each column's line on its own; a comma followed by justification space can be
    as wide as a narrow gutter (0.8 against 1 em), but the rows around it have ink there.
    A strip is a gutter when a run of at least :data:`GUTTER_CLEAR` x ``em`` inside it is
    blank in all but :data:`GUTTER_SHARE` of the :data:`GUTTER_ROWS` or more rows near it
    above, or of those below:
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
            # and ends over the next article's
            hits = np.zeros((2, hi - lo + 1), dtype=int)
            near = [0, 0]
            for j in np.flatnonzero(np.abs(mids - mids[i]) <= GUTTER_WINDOW * em):
                if j == i or spans[j][1] < lo - 2 * em or spans[j][0] > hi + 2 * em:
                    continue
                side = int(mids[j] > mids[i])
                near[side] += 1
                c = inked[j] + boxes[j][0]
                hits[side, c[np.searchsorted(c, lo):np.searchsorted(c, hi, side="right")] - lo] += 1
            if any(n >= GUTTER_ROWS and _longest_run(row <= GUTTER_SHARE * n) >= GUTTER_CLEAR * em
                   for n, row in zip(near, hits)):
                out.append((lo, hi))
    return out


def _longest_run(flags: np.ndarray) -> int:
    """The length of the longest run of True in a 1-D boolean array."""
    import numpy as np
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max()) if edges.size else 0


def _split_at_gutters(pixels: np.ndarray, box: tuple[int, int, int, int], ink: np.ndarray, inked: np.ndarray,
                      em: float, gutters: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """A detected box (``ink``: its pixels that are ink; ``inked``: its inked columns, rules
    left out) cut at its blank vertical strips that are column gutters, each part trimmed
    to its ink.

    The detector pads each line by most of its height, so lines of side-by-side columns
    with a gutter of one or two ems come out as one box, sometimes with bits of the lines
    above and below (columns' baselines need not align); recognised as one, two columns'
    text would be read across.  A strip is a gutter when it lines up with strips in other
    rows (:func:`_gutters`) or is wider than :data:`GUTTER_INK` x the body's ink height
    (``em``); each part keeps its own band of ink rows plus a margin.
    """
    import numpy as np
    x0, y0, _, _ = box
    if inked.size == 0:
        return []
    gutter = set(gutters)
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


def _reach_marks(pixels: np.ndarray, box: tuple[int, int, int, int], em: float) -> tuple[int, int, int, int]:
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


def _drop_rules(ink: np.ndarray, inked: np.ndarray, em: float) -> np.ndarray:
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


def _ink_bands(ink: np.ndarray, min_gap: float) -> list[tuple[int, int]]:
    """(first, last) rows of the bands of ink rows in a crop, split at blank strips higher
    than ``min_gap`` (leading); gaps inside one glyph (二, 三) are hidden by its neighbours."""
    import numpy as np
    rows = np.flatnonzero(ink.any(axis=1))
    cuts = np.flatnonzero(np.diff(rows) > max(1.0, min_gap))
    return list(zip([int(r) for r in [rows[0], *rows[cuts + 1]]], [int(r) for r in [*rows[cuts], rows[-1]]]))


def _own_rows(ink: np.ndarray) -> np.ndarray:
    """A box's rows of its own line: a rule under the line, or the top of the line below,
    inside the box would have ink in every column and hide the gutters."""
    if not ink.any():
        return ink
    top, bottom = _ink_band(ink)
    return ink[top:bottom + 1]


def _ink_band(ink: np.ndarray) -> tuple[int, int]:
    """The tallest band of ink rows in a detector's box: its own line (bits of the lines
    above and below are cut off by the leading)."""
    return max(_ink_bands(ink, LEADING_BOX * ink.shape[0]), key=lambda band: band[1] - band[0])


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
    quote_open = False
    for line in order_lines(pieces):
        text, quote_open = tidy_text(join_pieces(line), quote_open)
        if text:
            box = (round(min(p.box[0] for p in line) * pt_per_px, 2), round(min(p.box[1] for p in line) * pt_per_px, 2),
                   round(max(p.box[2] for p in line) * pt_per_px, 2), round(max(p.box[3] for p in line) * pt_per_px, 2))
            rows.append((text, box))
    rows = list(zip(ranges_across_lines([t for t, _ in rows]), [b for _, b in rows]))
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


def _sizes(heights: list[float]) -> list[float]:
    """Font sizes (pt) from line box heights.  Box heights jitter by a pixel or two from line to
    line, so heights near the commonest one all get the body size exactly: the geometry stage
    tells body from headline lines by equal sizes; successive headline lines as close as
    :data:`HEAD_JITTER` share one size.

    >>> _sizes([20, 21, 20, 60, 63, 20, 30, 60, 20])  # body; a title's two lines; kicker, title
    [15.0, 15.0, 15.0, 46.2, 46.2, 15.0, 22.6, 45.1, 15.0]
    """
    if not heights:
        return []
    rounded = [round(h * 2) / 2 for h in heights]
    common = statistics.mode(rounded)
    body = [h for h in heights if abs(h - common) <= BODY_JITTER * common]
    body_h = statistics.median(body)
    out = [body_h if abs(h - common) <= BODY_JITTER * common else h for h in heights]
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
