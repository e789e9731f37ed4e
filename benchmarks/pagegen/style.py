"""Page house styles: every layout decision that varies between pages, drawn from one RNG.

Keeping all of them in one frozen record makes a page reproducible from (seed, index) and lets
the summary say which variations a page exercised.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Literal

from .typeset import Typesetting

HeadOrder = Literal["before", "after", "mixed"]
FurnitureOrder = Literal["first", "last", "split"]

# plain pdftotext interleaves columns line by line once the line pitch reaches ~1.48 em
PLAIN_MAX_PITCH = 1.42


@dataclass(frozen=True, slots=True)
class PageStyle:
    n_cols: int
    measure: int              # column width in body characters
    body: Typesetting         # body font, size, justification, punctuation, CJK/Latin gap
    head_font: str
    pitch: float              # body line pitch in em
    col_gap: float            # em
    margin: float             # pt
    head_order: HeadOrder
    head_center: bool
    furniture_order: FurnitureOrder
    header: bool              # page header / masthead at the top
    footer: bool              # "本版责编：…" / page number at the bottom
    shuffle_articles: bool    # draw articles in a different order than they are read
    heading_bold: bool
    rules: bool               # draw column / block rules (graphics only)
    # PDF variants (variants.py); the defaults are the pages drawn without them
    small_font: str = "zenhei"    # folio, date line, editors' line
    frame_rules: bool = False     # rules between side-by-side articles and under the header
    vertical_title: bool = False  # the lead article's title set vertically
    photos: bool = False          # photos with captions inside articles

    @property
    def measure_pt(self) -> float:
        return self.measure * self.body.size

    @property
    def gap_pt(self) -> float:
        return self.col_gap * self.body.size

    @property
    def page_width(self) -> float:
        return 2 * self.margin + self.n_cols * self.measure_pt + (self.n_cols - 1) * self.gap_pt

    @property
    def page_height(self) -> float:
        return round(self.page_width * 1.414, 1)

    def col_x(self, col: int) -> float:
        return self.margin + col * (self.measure_pt + self.gap_pt)

    def span_width(self, ncols: int) -> float:
        return ncols * self.measure_pt + (ncols - 1) * self.gap_pt


def sample_style(rng: random.Random, route: str) -> PageStyle:
    """Draw a page style; the plain route keeps the line pitch below the interleaving limit."""
    while True:  # a broadsheet type area of 620-920 pt; 3 narrow columns would be a leaflet
        n_cols = rng.choice([3, 4, 4, 5, 5, 6, 6, 7, 8])
        size = rng.choice([9.0, 9.5, 10.0, 10.5, 11.0])
        lo, hi = max(12, math.ceil(620 / (n_cols * size))), min(20, int(920 / (n_cols * size)))
        if lo <= hi:
            measure = rng.randint(lo, hi)
            break
    max_pitch = PLAIN_MAX_PITCH if route == "plain" else 1.8
    pitch = round(rng.uniform(1.22, max_pitch), 2)
    body = Typesetting(
        font=rng.choice(["zenhei", "uming"]),
        size=size,
        justify=rng.random() < 0.8,
        hang_punct=rng.random() < 0.6,
        latin_gap=rng.choice([0.0, 0.0, 0.25]),
    )
    return PageStyle(
        n_cols=n_cols,
        measure=measure,
        body=body,
        head_font=rng.choice(["zenhei", "uming"]),
        pitch=pitch,
        col_gap=round(rng.uniform(1.5 if route == "plain" else 0.9, 2.0 if route == "plain" else 1.6), 2),
        margin=rng.choice([28.0, 36.0, 42.0]),
        head_order=rng.choice(["before", "after", "after", "mixed"]),
        head_center=rng.random() < 0.6,
        furniture_order=rng.choice(["first", "last", "split"]),
        header=rng.random() < 0.85,
        footer=rng.random() < 0.6,
        shuffle_articles=rng.random() < 0.2,
        heading_bold=rng.random() < 0.5,
        rules=rng.random() < 0.7,
    )
