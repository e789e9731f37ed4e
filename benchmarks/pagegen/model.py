"""What a composed page is: positioned lines in content-stream order plus the truth they print.

Renderers (PDF, direct text) only read `Page.lines`; the gold file only reads `Page.articles`
and `Page.furniture`.  Both views are built together by the composer, which is what lets the
checker prove that the text and the gold contain the same characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .byline import BylineGold
from .typeset import SetLine

Role = Literal["body", "heading", "kicker", "title", "subtitle", "byline", "furniture", "caption"]
HEAD_ROLES = ("kicker", "title", "subtitle")
_NON_LATIN_SPACE = re.compile(r"\s+(?![\x21-\x7e])|(?<![\x21-\x7e])\s+")


def gold_text(text: str) -> str:
    """The gold form of printed text: spaces only between two half-width characters
    (Latin-word spaces), as in the example gold ("陈光浩主持 陈扬杰出席" -> "陈光浩主持陈扬杰出席").

    >>> gold_text("看人民映像 品百味人生 Made in China")
    '看人民映像品百味人生Made in China'
    """
    return _NON_LATIN_SPACE.sub("", text)


@dataclass(frozen=True, slots=True)
class Placed:
    """A typeset line at a position; y is the baseline in pt from the top of the page."""

    line: SetLine
    x: float
    y: float
    role: Role
    article: int = -1         # index into Page.articles; -1 for furniture
    column: int = -1          # page column of body lines
    para_start: bool = False  # first line of a paragraph (direct route: indent / blank line)
    bold: bool = False


@dataclass(slots=True)
class ArticleTruth:
    """The gold record of one article as printed on one page."""

    story_id: str
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: BylineGold | None
    dateline: str | None
    paragraphs: list[str]
    continued_to: int | None = None
    continued_from: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A graphic line (column rule, block border); extractors ignore it, renderers draw it."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo's frame (pt from the top-left): a raster image (`image`) or a drawn, hatched box
    (`box`); `shade` seeds its pattern.  It prints no text: its caption is furniture."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: Literal["image", "box"]
    shade: int


@dataclass(frozen=True, slots=True)
class Leftover:
    """What page 1 could not print of a jumped article, to be continued on page N."""

    story_id: str
    paragraphs: tuple[str, ...]  # the first may be the tail of a cut paragraph
    cut_mid_paragraph: bool
    whole_cut_paragraph: str     # the cut paragraph in full (the issue gold joins the halves)
    tail_start: int              # where the continued part starts in whole_cut_paragraph
    title: str | None


@dataclass(slots=True)
class Page:
    width: float
    height: float
    number: int
    date: str
    paper: str
    lines: list[Placed] = field(default_factory=list)       # content-stream order
    articles: list[ArticleTruth] = field(default_factory=list)  # reading order
    furniture: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # as printed; also in furniture
    vertical_titles: int = 0
