"""CJK fonts: registration with reportlab, glyph advances, coverage.

Two Debian TrueType collections are embedded (reportlab refuses the CFF-based Noto CJK).  Their
metrics differ in ways that matter to extractors: WenQuanYi Zen Hei draws curly quotes and
digits proportionally (“ is 0.33 em), AR PL UMing gives every ASCII glyph exactly 0.5 em.

`CID_FONT` (reportlab's built-in STSong-Light) is never embedded: the PDF names the font and the
UniGB-UCS2-H encoding, and the reader substitutes a font of its own, as many e-paper PDFs do.
"""
from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

FONT_FILES: dict[str, tuple[Path, int]] = {
    "zenhei": (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    "uming": (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
}
CID_FONT = "STSong-Light"
# pdftotext maps every corpus character drawn in STSong-Light back to itself except U+00B7
# (measured on all 5,219 distinct characters of the dev corpus); pdfium maps all of them
_CID_UNMAPPED = frozenset("·")


def fonts_available() -> bool:
    return all(path.exists() for path, _ in FONT_FILES.values())


@cache
def register() -> tuple[str, ...]:
    """Register every font once per process; returns the font names."""
    for name, (path, index) in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return (*FONT_FILES, CID_FONT)


@cache
def _cmap(font: str) -> frozenset[int]:
    register()
    face = pdfmetrics.getFont(font).face
    return frozenset(face.charToGlyph)


def drawable(text: str) -> bool:
    """True when every non-space character has a glyph in every font (a missing glyph would
    come out of the extractor as something else, and the truth would be unknowable)."""
    codes = {ord(c) for c in text if not c.isspace()}
    return all(codes <= _cmap(font) for font in FONT_FILES)


def cid_drawable(text: str) -> bool:
    """True when the text comes back unchanged from a PDF set in the non-embedded `CID_FONT`
    (on top of `drawable`, which the story pool already checks).

    >>> cid_drawable("新华社北京电"), cid_drawable("阿卜杜拉·阿卜杜勒")
    (True, False)
    """
    return not _CID_UNMAPPED.intersection(text)


@lru_cache(maxsize=65536)
def advance(ch: str, font: str) -> float:
    """Advance width of one glyph in em."""
    register()
    return pdfmetrics.stringWidth(ch, font, 1000) / 1000.0
