"""PDF bytes -> per-page character records, with pypdfium2; also the worker process's main loop.

This module imports nothing from banmian: it runs inside the reader's worker
process (``python -P pdfium_chars.py --serve``), started by
:mod:`banmian.readers.pdf_worker` so that a PDF that makes PDFium spin (nested
form XObjects that fan out take exponential time in ``FPDF_LoadPage``) can be
killed at the time limit without taking the caller down with it.

A :class:`RawPage` holds the characters PDFium found, in content-stream order
(the order the producer drew them, like ``pdftotext -raw``; but text objects that
PDFium sees on one line, drawn one after the other, it sorts left to right: a
masthead's "RENMIN RIBAO" drawn after "人民日报" comes first), minus the spaces and
line breaks PDFium invents (``FPDFText_IsGenerated``); each with its loose box
(the advance box: what the glyph occupies in the line, not its ink; its bottom
is the baseline less the font's descent, which serves as the baseline) and its
effective size (font size times the text and graphics scale: many producers set
``1 Tf`` and scale with the matrix).
Coordinates are PDF points with the origin at the top-left of the page as
displayed (``/Rotate`` and crop box applied).
"""
from __future__ import annotations

import ctypes
import os
import pickle
import re
import struct
import sys
from array import array
from collections.abc import Sequence
from itertools import pairwise, repeat
from typing import Any, BinaryIO, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# FPDF_GetLastError codes -> the kind of failure the reader reports.
_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file",
    pdfium_c.FPDF_ERR_FORMAT: "format",
    pdfium_c.FPDF_ERR_PASSWORD: "password",
    pdfium_c.FPDF_ERR_SECURITY: "security",
    pdfium_c.FPDF_ERR_PAGE: "format",
}


class RawPage(NamedTuple):
    """One page's characters; the float arrays are ``array('d').tobytes()`` (cheap to pickle).

    ``boxes``: x0, y0, x1, y1 per character (the loose box: font ascent to descent,
    origin to advance); ``sizes``: effective font size per character; ``unmapped``:
    characters whose font has no Unicode mapping (``FPDFText_HasUnicodeMapError``);
    ``rules``/``images``: x0, y0, x1, y1 of each thin path (a drawn rule) and each image
    object on the page, same coordinates as the characters.
    """

    page: int  # 0-based page index in the PDF
    width: float
    height: float
    text: str
    boxes: bytes
    sizes: bytes
    unmapped: int
    rotation: int
    rules: bytes = b""
    images: bytes = b""


class OpenError(Exception):
    """The document could not be opened; ``kind``: file / format / password / security / empty / unknown."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open ``data``; PDFium tries the empty user password itself (owner-only encryption opens).

    Raises :class:`OpenError`; ``kind="empty"`` for a document without pages, which
    PDFium refuses without setting an error code (the last one stays: check the bytes).
    """
    try:
        return pdfium.PdfDocument(data, password=None)
    except pdfium.PdfiumError as exc:
        m = re.search(r"PDFium: ([^)]*)", str(exc))
        detail = m.group(1) if m else str(exc)
        if exc.err_code == pdfium_c.FPDF_ERR_SUCCESS or (
                re.search(rb"/Count\s*0\b", data) and not re.search(rb"/Type\s*/Page(?![a-zA-Z])", data)):
            raise OpenError("empty", "no pages") from None
        raise OpenError(_LOAD_ERRORS.get(exc.err_code or -1, "unknown"), detail) from None


def _rotate_boxes(coords: Sequence[float], rotation: int, w: float, h: float) -> list[float]:
    """Boxes in the unrotated page's top-left coordinates -> the page as displayed, turned
    ``rotation`` quarter turns clockwise (``/Rotate``); ``w``/``h``: unrotated size."""
    out: list[float] = []
    for k in range(0, len(coords), 4):
        u0, v0, u1, v1 = coords[k:k + 4]
        if rotation == 1:
            out += (h - v1, u0, h - v0, u1)
        elif rotation == 2:
            out += (w - u1, h - v1, w - u0, h - v0)
        else:
            out += (v0, w - u1, v1, w - u0)
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")
# characters the reader drops: PDFium's markers, and spaces or line breaks it generated
_MAYBE_DROP = re.compile("[\x02\x00\ufffe \r\n]")


def _page_text(textpage, n: int) -> str:
    """All ``n`` characters at once; per character where UTF-16 surrogates break index alignment."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[:2 * n].decode("utf-16-le", "surrogatepass")
    if len(text) == n and not _SURROGATE.search(text):
        return text
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))


def extract_page(doc: pdfium.PdfDocument, index: int) -> RawPage:
    """The characters of page ``index`` (0-based) of an open document."""
    page = doc[index]
    try:
        rotation = page.get_rotation() // 90 % 4
        bbox = pdfium_c.FS_RECTF()
        pdfium_c.FPDF_GetPageBoundingBox(page.raw, ctypes.byref(bbox))
        w, h = bbox.right - bbox.left, bbox.top - bbox.bottom
        textpage = page.get_textpage()
        try:
            text, coords, sizes, unmapped, drawn = _collect(textpage.raw, bbox.left, bbox.top)
        finally:
            textpage.close()
        rules, images = _graphics(page.raw, bbox.left, bbox.top, drawn)
        if rotation:
            coords = array("d", _rotate_boxes(coords.tolist(), rotation, w, h))
            rules = _rotate_boxes(rules, rotation, w, h)
            images = _rotate_boxes(images, rotation, w, h)
            w, h = (h, w) if rotation % 2 else (w, h)
        return RawPage(index, w, h, text, coords.tobytes(), sizes.tobytes(),
                       unmapped, rotation, array("d", rules).tobytes(), array("d", images).tobytes())
    finally:
        page.close()


RULE_PT = 2.5  # a path this thin (and much longer) is a rule drawn between articles or columns
RULE_MIN_PT = 20.0
PICTURE_PT = 30.0  # a filled path this big both ways stands for a picture (a tint box, a placeholder)


def _graphics(raw_page, left: float, top: float, text_objects: set[int]) -> tuple[list[float], list[float]]:
    """Boxes of the page's rules (thin paths) and pictures: image objects and big filled
    paths (top-level page objects only; top-left origin, unrotated).  Rules separate
    articles and columns; pictures carry captions: the layout stages read both.
    ``text_objects``: addresses of objects known to be text, whose type is not asked."""
    rules: list[float] = []
    images: list[float] = []
    page = ctypes.cast(raw_page, ctypes.c_void_p)
    # a page has about one text object per word or line (a thousand and more), the
    # characters' objects are known; a few dozen paths and images are left to ask about
    count = _count_objects(page)
    objects = [ctypes.c_void_p(o) for o in map(_get_object, repeat(page, count), range(count))
               if o not in text_objects]
    kinds = list(map(_object_type, objects))
    path, image = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(x0), ctypes.byref(y0), ctypes.byref(x1), ctypes.byref(y1))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj, t in zip(objects, kinds):
        if t != path and t != image or not _object_bounds(obj, *refs):
            continue
        box = (round(x0.value - left, 2), round(top - y1.value, 2), round(x1.value - left, 2),
               round(top - y0.value, 2))
        w, h = box[2] - box[0], box[3] - box[1]
        if t == image:
            images.extend(box)
        elif (h <= RULE_PT and w >= RULE_MIN_PT) or (w <= RULE_PT and h >= RULE_MIN_PT):
            rules.extend(box)
        elif w >= PICTURE_PT and h >= PICTURE_PT and _draw_mode(
                obj, ctypes.byref(fill), ctypes.byref(stroke)) and fill.value:
            images.extend(box)
    return rules, images


def _bare(func: Any, restype: Any) -> Any:
    """``func`` without argument types: ctypes then passes ints and ``c_void_p`` objects
    as they are.  pypdfium2's typed pointer arguments cost ~0.3 us a call in conversions,
    more than PDFium's own work for a character's box; callers pass every pointer as a
    ``c_void_p`` (a bare int would be cut to a C int).  Called holding the GIL
    (``PYFUNCTYPE``): releasing and taking it back around each sub-microsecond call cost
    a fifth of the call (these calls never block, nor call back into Python)."""
    address = ctypes.cast(func, ctypes.c_void_p).value
    assert address is not None  # a function PDFium exports
    bare = ctypes.PYFUNCTYPE(restype)(address)
    bare.argtypes = None  # type: ignore[assignment]  # None (no conversions) is allowed; typeshed wants a sequence
    return bare


_loose_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)  # (page, i, FS_RECTF*)
_char_matrix = _bare(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)  # (page, i, FS_MATRIX*)
_font_size = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_map_error = _bare(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int)
_generated = _bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
_text_object = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_ssize_t)  # NULL: 0, not None
_count_objects = _bare(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)
_get_object = _bare(pdfium_c.FPDFPage_GetObject, ctypes.c_ssize_t)  # an address, as FPDFText_GetTextObject's
_object_type = _bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_object_bounds = _bare(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)
_draw_mode = _bare(pdfium_c.FPDFPath_GetDrawMode, ctypes.c_int)


class _Records:
    """A float buffer of fixed-size records that PDFium writes into (FS_RECTF: left, top,
    right, bottom; FS_MATRIX: a, b, c, d, e, f), with a ready ``c_void_p`` to each record:
    made once and grown as pages need, since making the pointers costs as much as a call.
    One page at a time (the worker is single-threaded; in-process reads hold a lock)."""

    def __init__(self, floats: int) -> None:
        self.floats = floats
        self.pointers: list[ctypes.c_void_p] = []
        self.buffer = (ctypes.c_float * 0)()

    def reserve(self, n: int) -> list[ctypes.c_void_p]:
        if n > len(self.pointers):
            size = max(n, 2 * len(self.pointers), 4096)
            self.buffer = (ctypes.c_float * (self.floats * size))()
            base, step = ctypes.addressof(self.buffer), 4 * self.floats
            self.pointers = [ctypes.c_void_p(base + step * k) for k in range(size)]
        return self.pointers

    def values(self, n: int) -> Any:
        """The first ``n`` records, one a row, widened to float64 (a numpy array)."""
        import numpy as np
        # (a ctypes array is a buffer; numpy's stubs do not list it)
        flat = (np.frombuffer(self.buffer, np.float32, self.floats * n)  # type: ignore[call-overload]
                if n else np.empty(0, np.float32))
        return flat.astype(np.float64).reshape(n, self.floats)

    def shrink(self, most: int = 1 << 15) -> None:
        """Let go of a buffer an unusually dense page grew past ``most`` records (~100 bytes
        each with its pointer): the worker lives on, and most pages have a few thousand."""
        if len(self.pointers) > most:
            self.pointers, self.buffer = [], (ctypes.c_float * 0)()


_RECTS, _MATRICES = _Records(4), _Records(6)


def _effective_sizes(h: ctypes.c_void_p, chars: list[int]) -> Any:
    """Font size times the scale of the character's matrix (text and graphics: many
    producers set ``1 Tf`` and scale with the matrix), to 0.01 pt (a numpy array)."""
    import numpy as np
    n = len(chars)
    list(map(_char_matrix, repeat(h, n), chars, _MATRICES.reserve(n)))
    font = np.fromiter(map(_font_size, repeat(h, n), chars), np.float64, n)
    m = _MATRICES.values(n)
    a, b, c, d = m[:, 0], m[:, 1], m[:, 2], m[:, 3]
    return np.floor(font * np.sqrt(np.abs(a * d - b * c)) * 100 + 0.5) / 100


def _collect(tp, left: float, top: float) -> tuple[str, Any, Any, int, set[int]]:
    """Characters, their boxes (top-left origin, unrotated; x0, y0, x1, y1 in a flat numpy
    array), their sizes (numpy), the unmapped count, and the addresses of their text objects.

    The PDFium calls are the cost (about 0.2 us each made bare; three a character, each
    kind in a map() of its own); the arithmetic then runs on numpy columns, in float64
    as plain Python would do it, so the values are the same to the last bit.  Rounding to
    0.01 pt is floor(x * 100 + 0.5) / 100.
    """
    import numpy as np
    n = pdfium_c.FPDFText_CountChars(tp)
    text = _page_text(tp, n) if n > 0 else ""
    h = ctypes.cast(tp, ctypes.c_void_p)
    # PDFium adds "\r\n" between lines and spaces between words it guesses; the reader
    # builds its own lines, so only characters the page draws are kept.  Line breaks go
    # unasked (the reader drops control characters a page draws too: a few hundred
    # calls a page); a space is kept where the page drew it.
    generated = _generated
    drop = [m.start() for m in _MAYBE_DROP.finditer(text)]
    if " " in text:
        drop = [i for i in drop if text[i] != " " or generated(h, i)]
    if drop:
        kept = np.ones(n, dtype=bool)
        kept[drop] = False
        keep = np.flatnonzero(kept).tolist()
        text = "".join([text[a + 1:b] for a, b in pairwise([-1, *drop, n])])
    else:
        keep = list(range(n))
    k = len(keep)
    # map() drives the calls from C: no Python frame per call
    list(map(_loose_box, repeat(h, k), keep, _RECTS.reserve(k)))
    unmapped = list(map(_map_error, repeat(h, k), keep)).count(1)
    # A character's matrix and font size are its text object's (CPDF_TextPage copies them
    # from the object for every character it draws), so they are asked once per run of
    # characters of one object, at its first; a character without one (NULL) on its own.
    objects = np.fromiter(map(_text_object, repeat(h, k), keep), np.int64, k)
    ids = np.where(objects == 0, -1 - np.arange(k, dtype=np.int64), objects)
    new_run = np.empty(k, dtype=bool)
    new_run[:1] = True
    np.not_equal(ids[1:], ids[:-1], out=new_run[1:])
    first = np.flatnonzero(new_run)
    sizes = _effective_sizes(h, np.asarray(keep, dtype=np.int64)[first].tolist())[np.cumsum(new_run) - 1]
    drawn = set(objects[first].tolist()) - {0}
    r = _RECTS.values(k)
    _RECTS.shrink()
    _MATRICES.shrink()
    coords = np.empty((k, 4))
    coords[:, 0] = np.floor(r[:, 0] * 100 + (0.5 - left * 100)) / 100
    coords[:, 1] = np.floor((0.5 + top * 100) - r[:, 1] * 100) / 100
    coords[:, 2] = np.floor(r[:, 2] * 100 + (0.5 - left * 100)) / 100
    coords[:, 3] = np.floor((0.5 + top * 100) - r[:, 3] * 100) / 100
    # A damaged matrix can put a character at NaN or infinity: it is kept (no character is
    # lost) at a finite place, since NaN would sort anywhere and is not valid JSON.
    if not (np.isfinite(coords).all() and np.isfinite(sizes).all()):
        np.nan_to_num(coords, copy=False, nan=0.0, posinf=_FAR, neginf=-_FAR)
        sizes = np.nan_to_num(sizes, nan=0.0, posinf=_FAR, neginf=0.0)
    return text, coords.ravel(), sizes, unmapped, drawn


_FAR = 1e6  # points: where a character at an infinite coordinate is put (far off any page)


# --- system fonts ---------------------------------------------------------------------
_TTCF = 0x74746366  # 'ttcf': PDFium's tag for "the whole TrueType collection"
_OTTO, _CFF, _CFF2 = 0x4F54544F, 0x43464620, 0x43464632  # 'OTTO', 'CFF ', 'CFF2'


class _Layout(NamedTuple):
    """A collection's face as a font of its own: the sfnt header and table directory
    (checksums as computed over each table), and where each table goes after it."""

    head: bytes
    tables: tuple[tuple[int, int, int], ...]  # (tag, offset, length)
    size: int


class FaceAsFont:
    """PDFium's own system-font lookup, except that a face of a TrueType collection is
    handed over as a single font built from that face's tables.

    Why: a page in a font the PDF does not embed (the CID fonts STSong-Light and the like,
    common on e-papers) is drawn in a substitute from the system's fonts, and the CJK
    ones are collections (uming.ttc, 21 MB).  For a collection PDFium reads the whole
    file for every document before it looks in its font cache (about a quarter of such a
    page's time); a single font it finds in the cache by name first, and reads only when
    no open document holds it (the worker therefore keeps the last few documents that
    loaded a font open: see ``handle_request``).  The tables are the same bytes, so the
    face, the characters and their boxes are the same as with PDFium's plain lookup
    (checked on 163 generated pages, 71 of them in STSong-Light).
    """

    def __init__(self) -> None:
        default = pdfium_c.FPDF_GetDefaultSystemFontInfo()
        if not default:
            raise OSError("PDFium has no system-font lookup here")
        self.default, self.d = default, default.contents
        self.layouts: dict[int, _Layout | None] = {}
        self.reads = 0  # whole fonts handed to PDFium: documents that loaded one are kept
        fields = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
        info = pdfium_c.FPDF_SYSFONTINFO()
        info.version = 1
        d = self.d
        calls = {  # all but GetFontData as PDFium's own lookup answers them
            "Release": lambda this: None,  # the default lookup lives as long as the process
            "EnumFonts": lambda this, mapper: d.EnumFonts(default, mapper),
            "MapFont": lambda this, *a: d.MapFont(default, *a),
            "GetFont": lambda this, face: d.GetFont(default, face),
            "GetFontData": self._font_data,
            "GetFaceName": lambda this, *a: d.GetFaceName(default, *a),
            "GetFontCharset": lambda this, font: d.GetFontCharset(default, font),
            "DeleteFont": lambda this, font: d.DeleteFont(default, font),
        }
        self._keep = [fields[name](fn) for name, fn in calls.items()]  # ctypes thunks must outlive PDFium's use
        for name, thunk in zip(calls, self._keep):
            setattr(info, name, thunk)
        self.info = info

    def install(self) -> None:
        """Make this PDFium's system-font lookup (process-wide; before any document loads)."""
        pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(self.info))

    def _read(self, font: int, table: int) -> bytes:
        n = self.d.GetFontData(self.default, font, table, None, 0)
        buf = (ctypes.c_ubyte * n)()
        got = self.d.GetFontData(self.default, font, table, buf, n) if n else 0
        return bytes(buf) if got == n else b""

    def layout(self, font: int) -> _Layout | None:
        """The face ``font`` as a single font, or None when it is not in a collection."""
        if font in self.layouts:
            return self.layouts[font]
        self.layouts[font] = None
        whole = self._read(font, _TTCF) if self.d.GetFontData(self.default, font, _TTCF, None, 0) else b""
        if whole[:4] != b"ttcf" or len(whole) < 12:
            return None
        import numpy as np
        tags: dict[int, None] = {}  # every table tag of every face; the face answers for its own
        for k in range(min(struct.unpack_from(">I", whole, 8)[0], (len(whole) - 12) // 4)):
            at = struct.unpack_from(">I", whole, 12 + 4 * k)[0]
            if at + 12 > len(whole):
                return None
            for j in range(min(struct.unpack_from(">H", whole, at + 4)[0], (len(whole) - at - 12) // 16)):
                tags[struct.unpack_from(">I", whole, at + 12 + 16 * j)[0]] = None
        del whole
        entries = []
        for tag in sorted(tags):
            data = self._read(font, tag)
            if data:
                words = np.frombuffer(data + b"\0" * (-len(data) % 4), ">u4")
                entries.append((tag, int(words.sum(dtype=np.uint64)) & 0xFFFFFFFF, len(data)))
        if not entries:
            return None
        n = len(entries)
        power = 1 << (n.bit_length() - 1)
        # the sfnt version says which outlines: CFF ("OTTO": Noto CJK's collections) or TrueType
        cff = any(tag in (_CFF, _CFF2) for tag, _, _ in entries)
        head = bytearray(struct.pack(">IHHHH", _OTTO if cff else 0x00010000, n, 16 * power,
                                     power.bit_length() - 1, 16 * (n - power)))
        offset, placed = 12 + 16 * n, []
        for tag, checksum, length in entries:
            head += struct.pack(">IIII", tag, checksum, offset, length)
            placed.append((tag, offset, length))
            offset += length + (-length % 4)
        self.layouts[font] = lay = _Layout(bytes(head), tuple(placed), offset)
        return lay

    def _font_data(self, this, font, table, buf, size):  # noqa: ANN001 - a ctypes callback
        try:
            lay = self.layout(font) if font else None
            if lay is None or table not in (0, _TTCF):
                if buf and size and table in (0, _TTCF):
                    self.reads += 1
                return self.d.GetFontData(self.default, font, table, buf, size)
            if table == _TTCF:
                return 0  # "not a collection": PDFium then looks for the face in its cache first
            if buf and size >= lay.size:
                base = ctypes.addressof(buf.contents)
                ctypes.memset(base, 0, lay.size)  # padding between tables
                ctypes.memmove(base, lay.head, len(lay.head))
                for tag, offset, length in lay.tables:
                    self.d.GetFontData(self.default, font, tag,
                                       ctypes.cast(base + offset, ctypes.POINTER(ctypes.c_ubyte)), length)
                self.reads += 1
            return lay.size
        except Exception:  # noqa: BLE001 - an exception cannot cross into PDFium: answer as it would
            return self.d.GetFontData(self.default, font, table, buf, size)


# --- worker process -------------------------------------------------------------------
# Messages are 4-byte big-endian lengths followed by a pickle.  Request:
# (data, max_pages).  Replies: ("open", n_pages) | ("error", kind, detail), then per
# page ("page", RawPage) | ("page_error", index, detail), then ("done",).

def write_message(stream: BinaryIO, message: object) -> None:
    blob = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">I", len(blob)) + blob)
    stream.flush()


def _read_exact(stream: BinaryIO, n: int) -> bytes | None:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


_fonts: FaceAsFont | None = None
# Documents kept open because they loaded a system font: PDFium keeps a loaded font only
# while a document uses it, and a page in a font the PDF does not embed costs a third
# more when its substitute is loaded again.  The newest few are kept (pages of one paper
# share fonts; a mixed batch may alternate), small ones only: a big file's pages share
# its fonts anyway.
_KEEPERS = 3
_KEEPER_MAX_BYTES = 8 << 20
_keepers: list[pdfium.PdfDocument] = []


def handle_request(data: bytes, max_pages: int, out: BinaryIO, fonts: FaceAsFont | None = None) -> None:
    """Extract every page of ``data``, writing one message per step to ``out``.  ``fonts``:
    the lookup installed in PDFium; a document that made it load a font is kept open."""
    loaded = fonts.reads if fonts else 0
    try:
        doc = open_document(data)
    except OpenError as exc:
        write_message(out, ("error", exc.kind, exc.detail))
        return
    try:
        count = len(doc)
        write_message(out, ("open", count))
        if 0 < count <= max_pages:
            for i in range(count):
                try:
                    # a plain tuple: in the worker this module is __main__, which the
                    # parent could not unpickle a RawPage from
                    write_message(out, ("page", tuple(extract_page(doc, i))))
                except pdfium.PdfiumError as exc:
                    write_message(out, ("page_error", i, str(exc)))
        write_message(out, ("done",))
    finally:
        if fonts and fonts.reads > loaded and len(data) <= _KEEPER_MAX_BYTES:
            _keepers.append(doc)
            if len(_keepers) > _KEEPERS:
                _keepers.pop(0).close()
        else:
            doc.close()


def serve(inp: BinaryIO, out: BinaryIO, fonts: FaceAsFont | None = None) -> None:
    """Answer requests until the parent closes the pipe."""
    while True:
        head = _read_exact(inp, 4)
        if head is None:
            return
        blob = _read_exact(inp, struct.unpack(">I", head)[0])
        if blob is None:
            return
        data, max_pages = pickle.loads(blob)
        try:
            handle_request(data, max_pages, out, fonts)
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which names the file
            write_message(out, ("error", "internal", f"{type(exc).__name__}: {exc}"))


def main() -> None:
    """Worker entry point.  Replies go to a private copy of stdout; fd 1 itself is pointed at
    stderr, so nothing PDFium or Python prints can corrupt the message stream."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    global _fonts
    try:
        _fonts = FaceAsFont()  # held here: PDFium calls into it for the process's life
        _fonts.install()
    except OSError:  # no system-font lookup: PDFium's built-in fonts only, nothing to keep
        _fonts = None
    write_message(replies, ("ready",))
    serve(sys.stdin.buffer, replies, _fonts)


if __name__ == "__main__" and sys.argv[1:] == ["--serve"]:
    main()
