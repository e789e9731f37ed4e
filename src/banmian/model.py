"""Typed, frozen data: what a page is, and what banmian makes of it.

Every piece of output text is built from :class:`Span` slices of a page's decoded
text, so each output character maps back to exactly one source character (the
idea of pdfplumber's ``TextMap``).  Nothing here does any work beyond deriving
text from spans; the stages in :mod:`banmian.stages` decide what the spans are.
"""
from __future__ import annotations

import struct
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Literal, overload

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin top-left


class PackedBoxes(Sequence["Box | None"]):
    """Boxes packed as float64 quadruples (``struct`` format ``4d``), a NaN quadruple for
    ``None``; each box is unpacked when it is read.  A PDF page has thousands of
    characters and the stages read few of their boxes: made as tuples up front they cost
    a twentieth of the reading of a page.

    >>> b = PackedBoxes(struct.pack("8d", 1, 2, 3, 4, *[float("nan")] * 4))
    >>> len(b), b[0], b[1], b[-2:] == [(1.0, 2.0, 3.0, 4.0), None], b == ((1.0, 2.0, 3.0, 4.0), None)
    (2, (1.0, 2.0, 3.0, 4.0), None, True, True)
    """

    __slots__ = ("data",)
    NONE = struct.pack("4d", *[float("nan")] * 4)

    def __init__(self, data: bytes | bytearray) -> None:
        self.data = bytes(data)

    def __len__(self) -> int:
        return len(self.data) // 32

    @overload
    def __getitem__(self, i: int) -> Box | None: ...
    @overload
    def __getitem__(self, i: slice) -> list[Box | None]: ...

    def __getitem__(self, i: int | slice) -> Box | None | list[Box | None]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError("box index out of range")
        box = struct.unpack_from("4d", self.data, 32 * (i % n))
        return None if box[0] != box[0] else box

    def __iter__(self) -> Iterator[Box | None]:
        for box in struct.iter_unpack("4d", self.data):
            yield None if box[0] != box[0] else box

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedBoxes) and self.data == other.data:
            return True
        return isinstance(other, Sequence) and tuple(self) == tuple(other)  # (-0.0 == 0.0)

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple's

    def __repr__(self) -> str:
        return f"PackedBoxes({len(self)} boxes)"


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``[start, end)`` of the text of page ``page`` (0-based index in the issue)."""

    page: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: its 1-based number in the page file and its offsets in ``Page.text``.

    ``box``/``size`` come from PDF or OCR readers; text dumps leave them ``None``.
    """

    page: int
    number: int
    start: int
    end: int
    box: Box | None = None
    size: float | None = None


# One Line and one Span are made for every line of every page.  A frozen
# dataclass's __init__ sets each field through object.__setattr__, which costs
# as much again as the object; these fill the slots directly and make equal
# objects at about half the cost (tests/test_fast_paths.py and test_pdf_fast_paths.py check
# they are equal).
_new = object.__new__
_line_page, _line_number, _line_start, _line_end, _line_box, _line_size = (
    getattr(Line, f).__set__ for f in ("page", "number", "start", "end", "box", "size"))
_span_page, _span_start, _span_end = (getattr(Span, f).__set__ for f in ("page", "start", "end"))


def make_line(page: int, number: int, start: int, end: int, box: Box | None = None,
              size: float | None = None) -> Line:
    """``Line(page, number, start, end, box, size)``."""
    line = _new(Line)
    _line_page(line, page)
    _line_number(line, number)
    _line_start(line, start)
    _line_end(line, end)
    _line_box(line, box)
    _line_size(line, size)
    return line


def make_lines(page: int, starts: list[int], ends: list[int]) -> tuple[Line, ...]:
    """``Line(page, k, starts[k - 1], ends[k - 1])`` for k = 1..n: a page's lines,
    each slot of every line filled by one map over them all, in C."""
    n = len(starts)
    lines = list(map(_new, repeat(Line, n)))
    for setter, values in ((_line_page, repeat(page, n)), (_line_number, range(1, n + 1)),
                           (_line_start, starts), (_line_end, ends), (_line_box, repeat(None, n)),
                           (_line_size, repeat(None, n))):
        deque(map(setter, lines, values), maxlen=0)
    return tuple(lines)


def make_spans(page: int, starts: list[int], ends: list[int]) -> list[Span]:
    """``Span(page, starts[k], ends[k])`` for every k, filled as make_lines fills
    lines: one is made for nearly every line of a page."""
    n = len(starts)
    spans = list(map(_new, repeat(Span, n)))
    for setter, values in ((_span_page, repeat(page, n)), (_span_start, starts), (_span_end, ends)):
        deque(map(setter, spans, values), maxlen=0)
    return spans


def make_span(page: int, start: int, end: int) -> Span:
    """``Span(page, start, end)``."""
    out = _new(Span)
    _span_page(out, page)
    _span_start(out, start)
    _span_end(out, end)
    return out


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded page: the text exactly as read (line endings normalised) and its lines."""

    text: str
    lines: tuple[Line, ...]
    source: str = "<text>"
    index: int = 0  # position in the issue, 0-based
    number: int | None = None  # printed page number (版次) when known
    encoding: str = "utf-8"
    reader: str = "txt"
    char_boxes: Sequence[Box | None] | None = None  # per character of ``text`` (PDF/OCR; None: a break or added space)
    warnings: tuple[str, ...] = ()  # what the reader repaired or could not read
    rules: tuple[Box, ...] = ()  # drawn rules (thin lines) between articles and columns (PDF)
    images: tuple[Box, ...] = ()  # pictures: image objects and big filled boxes; their captions are not body text (PDF)

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]


@dataclass(frozen=True, slots=True)
class Text:
    """Output text made of source spans; ``str(t)`` joins them."""

    value: str
    spans: tuple[Span, ...] = ()

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)


_text_value, _text_spans = (getattr(Text, f).__set__ for f in ("value", "spans"))


def make_text(value: str, spans: tuple[Span, ...]) -> Text:
    """``Text(value, spans)``, filled as make_line fills a Line: one is made for
    every paragraph, headline and furniture line."""
    out = _new(Text)
    _text_value(out, value)
    _text_spans(out, spans)
    return out


ParagraphKind = Literal["body", "heading"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text
    kind: ParagraphKind = "body"
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class Headline:
    kicker: Text | None = None
    title: Text | None = None
    subtitle: Text | None = None
    roles_certain: bool = True  # False when roles were guessed from text alone

    def fields(self) -> tuple[tuple[str, Text], ...]:
        return tuple((k, v) for k, v in (("kicker", self.kicker), ("title", self.title),
                                          ("subtitle", self.subtitle)) if v)


@dataclass(frozen=True, slots=True)
class Byline:
    """``text`` is the byline as printed; ``inline`` bylines are also part of paragraph 1."""

    text: Text
    source: str | None = None  # 本报讯 / 本报北京5月14日电 / 新华社…电
    reporters: tuple[str, ...] = ()
    inline: bool = True
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture: masthead, 版次/版名, 责编 lines, page numbers, jump markers."""

    text: Text
    # "jump" | "masthead" | "page_label" | "date" | "editor" | "page_number" | "caption" | "notice"
    # | "contents" | "credit" | "byline" | "jump_head" | "other" (README: JSON)
    kind: str
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    headline: Headline
    paragraphs: tuple[Paragraph, ...]
    byline: Byline | None = None
    dateline: str | None = None
    pages: tuple[int, ...] = ()  # printed page numbers the article spans
    continued_to: int | None = None
    continued_from: int | None = None
    headline_lines: tuple[Line, ...] = ()

    @property
    def text(self) -> str:
        """Body text, paragraphs joined by newlines."""
        return "\n".join(p.text.value for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class TraceEvent:
    """What one stage decided about some lines (``banmian parse --trace``)."""

    stage: str
    page: int
    lines: tuple[int, ...]
    decision: str


@dataclass(frozen=True, slots=True)
class Issue:
    """The result of parsing one or more pages that belong together."""

    pages: tuple[Page, ...]
    articles: tuple[Article, ...]
    furniture: tuple[Furniture, ...] = ()
    paper: str | None = None
    date: str | None = None  # ISO date of the issue when given
    trace: tuple[TraceEvent, ...] = field(default=(), compare=False)
    warnings: tuple[str, ...] = ()
