"""The article draft that assembling builds and :mod:`.build` turns into an article."""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Labelled


@dataclass
class Draft:
    """An article being assembled on one page (mutable while assembling only)."""

    head: list[Labelled] = field(default_factory=list)
    byline: list[Labelled] = field(default_factory=list)
    body: list[Labelled] = field(default_factory=list)
    continued_to: int | None = None
    continued_from: int | None = None
