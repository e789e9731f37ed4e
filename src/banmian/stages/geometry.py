"""Page geometry (PDF and OCR readers) -> hints for labelling lines and headline roles.

A PDF page says what a text dump cannot: how big each line is printed.  Body text
is set in one size (五号 10.5 pt, 小五 9 pt, …) and makes up most of the page's
characters, so the page's body size is the size most of its characters have;
headline lines are clearly bigger.  Within one headline block the biggest lines
are the title (主题), smaller lines above it the kicker (引题), below it the
subtitle (副题).  Text dumps carry no sizes: every hint is then ``None`` and the
stages keep to their text cues.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from ..model import Line, Page

__all__ = ["BODY_TOLERANCE", "HEAD_RATIO", "body_size", "headline_roles_by_size", "size_hints"]

HEAD_RATIO = 1.1  # a line this much bigger than the body is a headline line (10.5 pt 五号 -> 11.55 pt)
BODY_TOLERANCE = 0.05  # sizes this close to the body size are body (matrix rounding, 10.5 vs 10.45)

SizeHint = Literal["head", "body"]
Role = Literal["kicker", "title", "subtitle"]


def body_size(page: Page) -> float | None:
    """The size most of the page's printed characters have (sizes to 0.1 pt); ``None``
    without sizes.

    >>> from banmian.model import Line, Page
    >>> page = Page(text="要闻\\n本报讯近日，市商务局\\n", lines=(
    ...     Line(0, 1, 0, 2, size=24.0), Line(0, 2, 3, 12, size=10.5)))
    >>> body_size(page)
    10.5
    """
    weights: Counter[float] = Counter()
    text = page.text
    for ln in page.lines:
        if ln.size is not None:
            chars = ln.end - ln.start - text.count(" ", ln.start, ln.end)
            if chars > 0:
                weights[round(ln.size, 1)] += chars
    return max(weights.items(), key=lambda kv: (kv[1], -kv[0]))[0] if weights else None  # ties: the smaller size


def size_hints(lines: Sequence[Line], body: float | None) -> list[SizeHint | None]:
    """Per line: ``"head"`` when printed clearly bigger than the page's body size
    (``body``, from :func:`body_size`), ``"body"`` when in the body size, ``None``
    otherwise or when sizes are unknown.

    >>> from itertools import accumulate
    >>> from banmian.model import Line, Page
    >>> rows = [("稳就业惠民生", 28.0), ("本报讯（记者 张清）近日，记者从市商务局", 10.5),
    ...         ("了解到，今年网络零售额实现增长。", 10.5), ("图为市民在选购年货", 9.0)]
    >>> starts = [0, *accumulate(len(t) + 1 for t, _ in rows)]
    >>> page = Page(text="".join(t + "\\n" for t, _ in rows), lines=tuple(
    ...     Line(0, k + 1, starts[k], starts[k] + len(t), size=s) for k, (t, s) in enumerate(rows)))
    >>> size_hints(page.lines, body_size(page))
    ['head', 'body', 'body', None]

    A text dump has no sizes:

    >>> from banmian.readers import pages_from_text
    >>> dump = pages_from_text("稳就业惠民生\\n本报讯近日，记者从市商务局了解到。\\n")[0]
    >>> size_hints(dump.lines, body_size(dump))
    [None, None]
    """
    if body is None:
        return [None] * len(lines)
    hints: list[SizeHint | None] = []
    for ln in lines:
        if ln.size is None:
            hints.append(None)
        elif ln.size >= body * HEAD_RATIO:
            hints.append("head")
        elif abs(ln.size - body) <= body * BODY_TOLERANCE:
            hints.append("body")
        else:
            hints.append(None)
    return hints


def headline_roles_by_size(sizes: list[float]) -> list[Role]:
    """Roles of one headline block's lines (in reading order) from their sizes.

    The biggest lines (and those within 5% of them, next to each other) are the
    title; lines before the title are the kicker, lines after it the subtitle.

    >>> # 引题 / 主题 / 副题: 坚持以人民为中心 / 稳就业惠民生 / 今年新增就业超千万人
    >>> headline_roles_by_size([16.0, 32.0, 14.0])
    ['kicker', 'title', 'subtitle']
    >>> # a title wrapped over two lines, then a subtitle
    >>> headline_roles_by_size([28.0, 28.0, 16.0])
    ['title', 'title', 'subtitle']
    >>> headline_roles_by_size([20.0])
    ['title']
    """
    if not sizes:
        return []
    top = max(sizes)
    first = next(k for k, s in enumerate(sizes) if s >= top * (1 - BODY_TOLERANCE))
    last = first
    while last + 1 < len(sizes) and sizes[last + 1] >= top * (1 - BODY_TOLERANCE):
        last += 1
    return ["kicker" if k < first else "title" if k <= last else "subtitle" for k in range(len(sizes))]
