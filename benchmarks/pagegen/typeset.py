"""Chinese line breaking and justification: paragraph text -> positioned glyph lines.

Real typesetting is what gives extracted newspaper text its character: half-width numbers are
unbreakable ("306.22亿元" moves to the next line whole, leaving a short line that justification
stretches until extractors print spaces between characters), closing punctuation may not start a
line (it is hung/squeezed into the line, or the previous character is pushed down with it), and
opening brackets may not end one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .fonts import advance

NO_LINE_START = set("，。、；：？！”’）》〉」』】〕…%．,.;:?!)]}·")
NO_LINE_END = set("“‘（《〈「『【〔([{")
PAIRS = ("——", "……")

UnitKind = Literal["cjk", "latin", "space", "blank"]
Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class Unit:
    """An unbreakable piece: one CJK char, a half-width run, a Latin word space, or a blank
    (an undrawn gap, e.g. between "电" and "（记者…）")."""

    text: str
    kind: UnitKind
    width: float  # em, without inter-script gaps
    pos: int      # offset of the unit in the source text (to cut a paragraph after a line)


@dataclass(frozen=True, slots=True)
class SetLine:
    """One typeset line: glyphs with x offsets (pt) from the line's left edge."""

    glyphs: tuple[str, ...]
    xs: tuple[float, ...]
    size: float
    font: str
    end: float  # x right after the last glyph

    @property
    def text(self) -> str:
        return "".join(self.glyphs)


@dataclass(frozen=True, slots=True)
class Typesetting:
    """House rules that vary from page to page."""

    font: str
    size: float
    justify: bool = True
    hang_punct: bool = True      # squeeze a closing mark into the line instead of pushing back
    latin_gap: float = 0.0       # em of extra space between CJK and half-width runs (和欧间隔)
    tracking: float = 0.0        # em added after every glyph (letter-spaced titles)


def units(text: str, font: str) -> list[Unit]:
    """Split text into line-breaking units.

    >>> [u.text for u in units("已有36年——好 GDP", "uming")]
    ['已', '有', '36', '年', '——', '好', '', 'GDP']
    """
    out: list[Unit] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            latin_both = i > 0 and j < n and text[i - 1].isascii() and text[j].isascii()
            if latin_both:
                out.append(Unit(" ", "space", advance(" ", font), i))
            else:
                out.append(Unit("", "blank", 1.0, i))
            i = j
        elif ch.isascii():
            j = i
            while j < n and text[j].isascii() and not text[j].isspace():
                j += 1
            run = text[i:j]
            out.append(Unit(run, "latin", sum(advance(c, font) for c in run), i))
            i = j
        elif text.startswith(PAIRS, i):
            out.append(Unit(text[i:i + 2], "cjk", sum(advance(c, font) for c in text[i:i + 2]), i))
            i += 2
        else:
            out.append(Unit(ch, "cjk", advance(ch, font), i))
            i += 1
    return out


def _split_long(us: list[Unit], limit: float, font: str) -> list[Unit]:
    """Half-width runs wider than a line (URLs, long numbers) are broken per character."""
    out: list[Unit] = []
    for u in us:
        if u.kind == "latin" and u.width > limit:
            out.extend(Unit(c, "latin", advance(c, font), u.pos + k) for k, c in enumerate(u.text))
        else:
            out.append(u)
    return out


def _gap_width(prev: Unit | None, u: Unit, gap: float) -> float:
    if prev is None or gap == 0:
        return 0.0
    if (prev.kind == "latin") != (u.kind == "latin") and "blank" not in (prev.kind, u.kind) \
            and "space" not in (prev.kind, u.kind):
        return gap
    return 0.0


def break_lines(text: str, measure: float, first_indent: float, ts: Typesetting) -> list[list[Unit]]:
    """Greedy line breaking with kinsoku.  `measure` and `first_indent` are in em.

    A line may end up one closing mark longer than the measure (hanging) or one character
    shorter (push-back), as in real newspapers.

    >>> ts = Typesetting("uming", 10)
    >>> ["".join(u.text for u in l) for l in break_lines("一二三四五，六七八。", 5, 0, ts)]
    ['一二三四五，', '六七八。']
    """
    us = _split_long(units(text, ts.font), measure * 0.8, ts.font)
    lines: list[list[Unit]] = []
    cur: list[Unit] = []
    used = first_indent
    limit = measure
    i = 0
    while i < len(us):
        u = us[i]
        if not cur and u.kind in ("space", "blank"):
            i += 1
            continue
        w = u.width + _gap_width(cur[-1] if cur else None, u, ts.latin_gap) + ts.tracking * len(u.text)
        if used + w <= limit + 1e-6 or not cur:
            cur.append(u)
            used += w
            i += 1
            continue
        carry: list[Unit] = []
        if u.text[:1] in NO_LINE_START:
            j = i
            while j < len(us) and us[j].text[:1] in NO_LINE_START:
                j += 1
            overflow = used + sum(x.width for x in us[i:j]) - limit
            if ts.hang_punct and overflow <= 1.0 + 1e-6:
                cur.extend(us[i:j])  # hang / squeeze the closing marks ("”，") into this line
                i = j
            else:  # push the previous character down so that it leads the closing marks
                carry.insert(0, cur.pop())
                while len(cur) > 1 and (carry[0].text[:1] in NO_LINE_START or carry[0].kind == "space"):
                    carry.insert(0, cur.pop())
        while len(cur) > 1 and (cur[-1].kind in ("space", "blank") or cur[-1].text[-1:] in NO_LINE_END):
            dropped = cur.pop()
            if dropped.kind not in ("space", "blank"):
                carry.insert(0, dropped)
        lines.append(cur)
        cur = carry
        used = sum(x.width + ts.tracking * len(x.text) for x in carry)
    if cur:
        lines.append(cur)
    return lines


def place(line: list[Unit], measure_pt: float, indent_pt: float, ts: Typesetting,
          justify: bool, align: Align = "left") -> SetLine:
    """Position the glyphs of one line.  Justified lines are stretched (or, when a closing mark
    was hung, squeezed) by spreading the slack evenly over every gap between glyphs."""
    size = ts.size
    glyphs: list[str] = []
    xs: list[float] = []
    x = 0.0
    prev: Unit | None = None
    for u in line:
        x += _gap_width(prev, u, ts.latin_gap) * size
        if u.kind == "blank":
            x += u.width * size
        else:
            for c in u.text:
                glyphs.append(c)
                xs.append(x)
                x += (advance(c, ts.font) + ts.tracking) * size
        prev = u
    natural = x - ts.tracking * size if glyphs else 0.0
    slack = measure_pt - indent_pt - natural
    if len(glyphs) > 1 and (slack < -0.01 or (justify and slack > 0.01)):
        step = slack / (len(glyphs) - 1)
        xs = [xi + k * step for k, xi in enumerate(xs)]
        slack = 0.0
    shift = indent_pt + (slack / 2 if align == "center" else slack if align == "right" else 0.0)
    end = xs[-1] + advance(glyphs[-1], ts.font) * size + shift if glyphs else shift
    return SetLine(tuple(glyphs), tuple(xi + shift for xi in xs), size, ts.font, end)


def set_paragraph(text: str, measure: float, indent: float, ts: Typesetting) -> list[tuple[SetLine, int]]:
    """Typeset a body paragraph: first line indented, all but the last line justified.  Each line
    comes with the offset in `text` where it ends, so that a jump can cut the paragraph there."""
    lines = break_lines(text, measure, indent, ts)
    out = []
    for k, line in enumerate(lines):
        ind = indent if k == 0 else 0.0
        last = k == len(lines) - 1
        set_line = place(line, measure * ts.size, ind * ts.size, ts, justify=ts.justify and not last)
        out.append((set_line, line[-1].pos + len(line[-1].text)))
    return out
