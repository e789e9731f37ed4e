"""PDF variants: what an e-paper PDF can do that a text dump never shows (``--pdf-variants``).

- ``font``: ``embedded`` (TrueType subsets, as before) or ``cid``: every line set in the
  non-embedded STSong-Light CID font, so that the reader substitutes a font of its own;
- ``rules``: thin vertical lines between columns and between side-by-side articles, horizontal
  lines between bands of articles and under the page header;
- ``vertical``: the lead article's title set vertically (竖排), one character per line, in the
  first column of its block, the body beside it;
- ``photos``: photos (a raster image or a drawn box) inside articles' regions, above or below the
  body, each with a caption in a smaller type (``图为…。  本报记者 某某摄``); captions are page
  furniture in the gold, and listed again under ``captions``;
- ``head_order``: headlines drawn before or after their bodies in the content stream.

A variant is drawn from its own RNG (seeded with seed, unit and ``pdf``) so that the page it
is applied to starts from the same draws as without variants; the gold records it under
``variant`` so that a benchmark can report per variant.
"""
from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Literal

from .fonts import CID_FONT
from .style import HeadOrder, PageStyle

Font = Literal["embedded", "cid"]


@dataclass(frozen=True, slots=True)
class PdfVariant:
    font: Font
    rules: bool
    vertical: bool
    photos: bool
    head_order: HeadOrder

    def as_gold(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    def labels(self) -> list[str]:
        """Names for per-variant reporting.

        >>> PdfVariant("cid", True, False, True, "after").labels()
        ['font=cid', 'rules', 'photos', 'heads=after']
        """
        out = [f"font={self.font}"]
        out += [name for name in ("rules", "vertical", "photos") if getattr(self, name)]
        return [*out, f"heads={self.head_order}"]


def sample_variant(rng: random.Random) -> PdfVariant:
    return PdfVariant(
        font="cid" if rng.random() < 0.4 else "embedded",
        rules=rng.random() < 0.6,
        vertical=rng.random() < 0.35,
        photos=rng.random() < 0.6,
        head_order=rng.choice(["before", "after", "mixed"]),
    )


def apply_variant(style: PageStyle, v: PdfVariant) -> PageStyle:
    """The page style with the variant's choices in force."""
    changes: dict[str, object] = {"rules": v.rules, "frame_rules": v.rules, "head_order": v.head_order,
                                  "vertical_title": v.vertical, "photos": v.photos}
    if v.font == "cid":
        changes.update(body=dataclasses.replace(style.body, font=CID_FONT), head_font=CID_FONT,
                       small_font=CID_FONT)
    return dataclasses.replace(style, **changes)
