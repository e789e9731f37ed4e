"""Page grid: which articles go where.

The type area is cut into 1-3 horizontal bands, each band into side-by-side blocks of whole
columns, one article per block - the way most Chinese broadsheet pages are built.  Stories are
drawn from the issue date of the page so that a page reads like one day's paper, and sized to
their block so that blocks are mostly full.
"""
from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .corpus import Story


@dataclass(frozen=True, slots=True)
class Block:
    """A rectangle of whole columns: columns [col0, col0 + ncols), top/bottom in pt from the top."""

    col0: int
    ncols: int
    top: float
    bottom: float


class StoryPool:
    """Stories grouped by issue date, sampled without repeats within a page."""

    def __init__(self, stories: list[Story]) -> None:
        self.stories = stories
        self.by_date: dict[str, list[Story]] = defaultdict(list)
        for s in stories:
            self.by_date[s.date].append(s)
        self.dates = sorted(self.by_date)
        self._refused: dict[Callable[[str], bool], set[str]] = {}

    def pick_date(self, rng: random.Random) -> str:
        return rng.choice(self.dates)

    def pick(self, rng: random.Random, date: str, target: float, used: set[str],
             minimum: int = 0, accept: Callable[[str], bool] | None = None) -> Story:
        """A story whose length is close to `target` characters, preferring the page's date;
        with `minimum`, the longest of a sample that reaches it (for jumps); with `accept`,
        only stories whose whole text it accepts (what a non-embedded font can print)."""
        if accept is not None:
            if accept not in self._refused:
                self._refused[accept] = {s.id for s in self.stories if not accept(s.text)}
            used = used | self._refused[accept]
        same_day = [s for s in self.by_date[date] if s.id not in used]
        for candidates in (same_day, [s for s in self.stories if s.id not in used]):
            sample = rng.sample(candidates, min(30, len(candidates)))
            if minimum:
                long = [s for s in sample if s.length >= minimum]
                if long:
                    return rng.choice(long)
                continue
            if sample:
                return min(sample, key=lambda s: abs(s.length - target))
        return max((s for s in self.stories if s.id not in used), key=lambda s: s.length)


def _composition(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` into `parts` positive integers at random cut points."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    bounds = [0, *cuts, total]
    return [b - a for a, b in itertools.pairwise(bounds)]


def partition(rng: random.Random, n_cols: int, n_articles: int, top: float, bottom: float,
              min_height: float) -> list[Block]:
    """Blocks in reading order (band by band, left to right)."""
    height = bottom - top
    max_bands = max(1, min(3, n_articles, int(height // min_height)))
    bands = rng.randint(1, max_bands)
    while n_articles > bands * n_cols:
        n_articles -= 1
    per_band = [1] * bands
    for _ in range(n_articles - bands):
        open_bands = [b for b in range(bands) if per_band[b] < n_cols]
        per_band[rng.choice(open_bands)] += 1
    weights = [rng.uniform(0.7, 1.3) for _ in range(bands)]
    spare = height - bands * min_height
    blocks: list[Block] = []
    y = top
    for b, count in enumerate(per_band):
        h = min_height + spare * weights[b] / sum(weights)
        col = 0
        for span in _composition(rng, n_cols, count):
            blocks.append(Block(col, span, y, y + h))
            col += span
        y += h
    return blocks
