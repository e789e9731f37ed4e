"""Headline blocks: kicker (引题), title (主题), subtitle (副题) across an article's columns.

Titles get a large size and wrap to at most two balanced lines where possible; short titles are
sometimes letter-spaced ("环 境 固 本" in extracted text), a title with a space in it is
sometimes broken there, and subtitles often start with "——".
"""
from __future__ import annotations

import random

from .model import Placed, Role
from .style import PageStyle
from .typeset import Align, Typesetting, Unit, break_lines, place

_TITLE_SIZES = (40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0)


def _em(line: list[Unit]) -> float:
    return sum(u.width for u in line)


def _title_lines(title: str, width: float, ts: Typesetting) -> tuple[list[list[Unit]], bool]:
    """Title lines at one size, and whether the break is clean (one line, or two lines split
    at the title's own space, as in "较真碰硬抓好问题整改 / 努力让…")."""
    lines = break_lines(title, width / ts.size, 0, ts)
    if len(lines) == 1:
        return lines, True
    whole = [u for line in lines for u in line]
    blanks = [i for i, u in enumerate(whole) if u.kind == "blank"]
    if blanks:
        total = _em(whole)
        cut = min(blanks, key=lambda i: abs(_em(whole[:i]) - total / 2))
        parts = [whole[:cut], whole[cut + 1:]]
        if all(_em(p) <= width / ts.size for p in parts):
            return parts, True
    if len(lines) == 2:  # balance the two lines, as sub-editors do
        balanced = break_lines(title, (_em(lines[0]) + _em(lines[1])) / 2 + 1.0, 0, ts)
        if len(balanced) == 2:
            return balanced, False
    return lines, False


def _fit_title(title: str, width: float, font: str, wanted: float) -> tuple[list[list[Unit]], Typesetting]:
    """The largest size up to `wanted` with a clean break, else with at most two lines."""
    sizes = [s for s in _TITLE_SIZES if s <= wanted]
    for clean_only in (True, False):
        for size in sizes:
            ts = Typesetting(font, size)
            lines, clean = _title_lines(title, width, ts)
            if len(lines) <= 2 and (clean or not clean_only) and (not clean_only or size >= wanted * 0.6):
                return lines, ts
    return lines, ts


def set_headline(rng: random.Random, style: PageStyle, article: int, kicker: str | None,
                 title: str | None, subtitle: str | None, x0: float, width: float,
                 top: float) -> tuple[list[Placed], float]:
    """Lay out the headline group from `top` (pt from page top); returns lines and new top."""
    body = style.body.size
    align: Align = "center" if style.head_center else "left"
    out: list[Placed] = []
    y = top

    def emit(lines: list[list[Unit]], ts: Typesetting, role: Role, lead: float) -> None:
        nonlocal y
        for line in lines:
            y += ts.size
            out.append(Placed(place(line, width, 0, ts, justify=False, align=align), x0, y, role, article))
            y += ts.size * lead

    if kicker:
        ts = Typesetting(style.head_font, round(body * rng.uniform(1.15, 1.5), 1))
        emit(break_lines(kicker, width / ts.size, 0, ts), ts, "kicker", 0.35)
    if title:
        wanted = rng.choice([s for s in _TITLE_SIZES if s >= body * 1.6] or [_TITLE_SIZES[-1]])
        lines, ts = _fit_title(title, width, style.head_font, wanted)
        if len(lines) == 1 and any(u.kind == "blank" for u in lines[0]) and rng.random() < 0.4:
            one = lines[0]
            cut = max(i for i, u in enumerate(one) if u.kind == "blank")
            lines = [one[:cut], one[cut + 1:]]
        if len(lines) == 1 and len(title) <= 6 and rng.random() < 0.35:
            spaced = Typesetting(style.head_font, ts.size, tracking=round(rng.uniform(0.3, 0.9), 2))
            if _em(lines[0]) + spaced.tracking * len(title) <= width / ts.size:
                ts = spaced
        emit(lines, ts, "title", 0.3)
    if subtitle:
        ts = Typesetting(style.head_font, round(body * rng.uniform(1.1, 1.4), 1))
        emit(break_lines(subtitle, width / ts.size, 0, ts), ts, "subtitle", 0.3)
    return out, y + (body * 0.8 if out else 0.0)


def vertical_ok(title: str | None) -> bool:
    """Titles that can be set vertically: 4-16 characters, no half-width runs (a Latin word
    would have to be turned on its side).

    >>> vertical_ok("绿水青山就是金山银山"), vertical_ok("5G商用提速"), vertical_ok("好")
    (True, False, False)
    """
    if not title:
        return False
    chars = [c for c in title if not c.isspace()]
    return 4 <= len(chars) <= 16 and not any(c.isascii() for c in chars)


def set_vertical_title(style: PageStyle, article: int, title: str, x0: float, width: float, top: float,
                       bottom: float) -> list[Placed] | None:
    """A title set vertically (竖排), top to bottom, centred in a column of `width` pt: one
    line per character, a space printed as half an em of gap.  None when it does not fit."""
    chars = [c for c in title.strip()]
    for size in _TITLE_SIZES:
        step = size * 1.08
        height = sum(step / 2 if c.isspace() else step for c in chars)
        if size <= width * 0.7 and height <= bottom - top - size:
            break
    else:
        return None
    ts = Typesetting(style.head_font, size)
    out: list[Placed] = []
    y = top
    for c in chars:
        if c.isspace():
            y += step / 2
            continue
        y += step
        line = place([Unit(c, "cjk", 1.0, 0)], width, 0, ts, justify=False, align="center")
        out.append(Placed(line, x0, y, "title", article))
    return out
