"""Body lines of one article -> paragraphs.

Column lines are joined; a paragraph ends where a line is short for its place
(a full column line, or a full line minus the dropped indent for a paragraph's
first line) and ends like a sentence, or where a full line ends a sentence and
the next line has the shape of a first line.  Blank lines are not trusted on
their own: extractors leave them at column breaks, often mid-sentence.
"""
from __future__ import annotations

from typing import NamedTuple

from ..model import ParagraphKind
from .decks import DECK_END
from .layout import FIGURE_WHY, OPEN_SENTENCE, PARAGRAPH_MEASURE, Labelled
from .numbered import WRAPPED_HEADING
from .measure import mode_width
from .normalize import LineInfo
from .reflow_cues import NOTE_LINES, is_closing_note, starts_article

class RawParagraph(NamedTuple):
    """A paragraph's lines as reflow found them (a named tuple: one is made for
    every paragraph, several times faster than a frozen dataclass)."""

    lines: tuple[Labelled, ...]
    kind: ParagraphKind
    why: str


def body_width(lines: list[Labelled]) -> float:
    """Column width of an article body (its full lines), ignoring headings.

    A paragraph's middle lines (after a line that runs on, running on themselves) are
    full; where paragraphs run two or three lines, first lines (their indent dropped)
    and closing lines outnumber them and set the mode two ems short: the middle lines'
    own mode, where it is wider, is the measure."""
    exact = [x.info.width for x in lines if x.label == "body" and x.info.pure]
    w = mode_width(exact if len(exact) >= 5 else [x.info.width for x in lines if x.label == "body"])
    if exact and max(exact) >= w + 1.5:  # (only where exact lines run past the mode can it be short)
        middle = [y.info.width for x, y in zip(lines, lines[1:]) if x.label == y.label == "body"
                  and y.info.pure and not x.info.terminal and not y.info.terminal]
        if len(middle) >= 2 and (m := mode_width(middle)) > w:
            w = m
    return w or max((x.info.width for x in lines), default=0.0)


def _looks_first(x: Labelled, after: Labelled | None, width: float, indent: float, extra: float = 0.0) -> bool:
    """Shape of a paragraph's first line: about ``indent`` shorter than the column.
    ``extra``: ems each figure or Latin letter prints past the half em it is measured at
    (:func:`figure_extra`), so a full line opening on a year ("2017年10月，习主席在百")
    is no first line."""
    info = x.info
    if info.max_width < width - indent - 1.25 or info.width + extra * 2 * (info.max_width - info.width) > width - 1.0:
        return False
    # A short line that closes a sentence may just as well be a last line.
    return not x.info.terminal or after is None


def figure_extra(lines: list[Labelled], width: float) -> float:
    """How much wider than half an em a figure or Latin letter prints in this body, gaps
    beside it included: read off the lines inside a paragraph that hold some, which fill
    the column (the median of their shortfall per half-width character; 0 below
    FIGURE_SAMPLES of them, where the measure says nothing)."""
    per = sorted((width - y.info.width) / half
                 for x, y in zip(lines, lines[1:-1]) if x.label == y.label == "body" and not y.info.pure
                 and not x.info.terminal and not y.info.terminal and (half := 2 * (y.info.max_width - y.info.width)))
    return min(max(per[len(per) // 2], 0.0), FIGURE_EXTRA_MAX) if len(per) >= FIGURE_SAMPLES else 0.0


FIGURE_SAMPLES = 3  # lines a body's figure width is read from, at least
FIGURE_EXTRA_MAX = 0.5  # ems past half an em a figure prints, at most (a full em)


def _short_end(x: LineInfo, cap: float) -> str:
    """Why a line that is short for its place and ends a sentence ends a paragraph, or ""."""
    w = x.max_width  # a stretched line with digits may look short
    return f"short line ({w:g} < {cap:g}) ends a sentence" if x.terminal and w < cap - 1.25 else ""


def _stops(lines: list[Labelled]) -> list[int]:
    """The lines a paragraph may end at or after, where first lines are not indented:
    headings, the lines before them, and lines that end a sentence or a clause
    with a colon.  Two lines in three run on mid-sentence; no test is made on them."""
    heads = [i for i, x in enumerate(lines) if x.label == "heading" or x.why == FIGURE_WHY]
    ends = [i for i, x in enumerate(lines) if x.info.terminal or x.info.text.endswith(("：", ":"))
            or x.why in (OPEN_SENTENCE, DECK_END)]  # (a deck may end on one: see reflow_paragraphs)
    return sorted({*heads, *[i - 1 for i in heads if i], *ends}) if heads else ends


def _heading_fields(heading: list[Labelled]) -> list[list[Labelled]]:
    """Group a run of heading lines into headings.  Headings wrap like headline fields
    (one measure, the last line shorter), except a numbered heading found wrapped over
    column lines by the labelling, which is one heading as it stands."""
    from .headlines import split_fields
    out: list[list[Labelled]] = []
    rest: list[Labelled] = []
    for x in heading:
        if x.why == WRAPPED_HEADING:
            if rest and rest[-1].why != WRAPPED_HEADING:
                out.extend(split_fields(rest, heading=True))
                rest = []
            if x.info.numbered and rest:
                out.append(rest)
                rest = []
        elif rest and rest[-1].why == WRAPPED_HEADING:
            out.append(rest)
            rest = []
        rest.append(x)
    if rest:
        out.extend([rest] if rest[-1].why == WRAPPED_HEADING else split_fields(rest, heading=True))
    return out


def reflow_paragraphs(lines: list[Labelled], indent: float = 2.0,
                      width: float | None = None) -> list[RawParagraph]:
    """Split one article's body lines into paragraphs (see module docstring).

    ``width`` is :func:`body_width` of ``lines`` where the caller has it already.
    """
    if width is None:
        width = body_width(lines)
    # Some dumps keep the first-line indent; where most paragraphs show it, it decides;
    # where the text came with a paragraph to a line, every line is one.
    indents = sum([x.info.indented for x in lines])
    one_per_line = bool(lines) and lines[0].column_width >= PARAGRAPH_MEASURE
    use_indent = one_per_line or (indents >= 2 and indents * 4 >= sum(1 for x in lines if x.info.terminal))
    extra = 0.0 if use_indent else figure_extra(lines, width)
    out: list[RawParagraph] = []
    cur: list[Labelled] = []
    reason = "start"
    heading: list[Labelled] = []
    n = len(lines)
    pos = 0  # lines before ``pos`` are placed
    for i in range(n) if use_indent else _stops(lines):
        cur.extend(lines[pos:i])  # lines that run on: each just joins the paragraph
        pos = i + 1
        x = lines[i]
        if x.label == "heading":
            if cur:
                out.append(RawParagraph(tuple(cur), "body", reason))
                cur = []
            heading.append(x)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is None or nxt.label != "heading":
                out.extend(RawParagraph(tuple(f), "heading", f[0].why) for f in _heading_fields(heading))
                heading = []
            reason = "after heading"
            continue
        cur.append(x)
        if i + 1 == n:
            break
        nxt = lines[i + 1]
        xi, ni = x.info, nxt.info
        brk = ""
        if x.why == FIGURE_WHY or nxt.why == FIGURE_WHY:
            brk = "a figure set apart"
        elif x.why == DECK_END:
            brk = "a deck ends"
        elif use_indent:
            if one_per_line and nxt.label != "heading":
                brk = "a paragraph to a line"
            elif ni.indented:
                brk = "next line is indented"
            elif nxt.label == "heading":
                brk = "heading follows"
        elif nxt.label == "heading":
            # (a short line that ends a sentence breaks here as well, giving its own reason)
            brk = _short_end(xi, width - indent if len(cur) == 1 else width) or "heading follows"
        elif not xi.terminal and not xi.text.endswith(("：", ":")):
            # A line that runs on: none of the breaks below applies.  But a short line
            # without an end that the labelling took for a headline line and assembly
            # found inside the text closes a deck (a lead set apart above the body,
            # printed without a full stop: "…令人充满自豪，对未来充满希望") where the next
            # line has a first line's shape.
            if (x.why == OPEN_SENTENCE and xi.max_width < width - indent - 1.25
                    and _looks_first(nxt, lines[i + 2] if i + 2 < n else None, width, indent, extra)):
                brk = "a short line without an end before a first line (a deck's end)"
        elif brk := _short_end(xi, width - indent if len(cur) == 1 else width):
            pass
        elif xi.strong_end and ni.numbered:
            brk = "sentence ends and a numbered run-in heading opens the next line"
        elif ((xi.strong_end or xi.text.endswith(("：", ":")))
              and _looks_first(nxt, lines[i + 2] if i + 2 < n else None, width, indent, extra)):
            brk = "sentence ends and next line is indented"
        elif xi.strong_end and ni.blank_before and ni.min_width <= width - 1.0:
            brk = "sentence ends before a blank line and a short line"
        elif xi.terminal and starts_article(ni.text):
            brk = "next line opens with a byline"
        elif xi.strong_end and ni.text[:1] in "（(" and any(
                is_closing_note([y.info.text for y in lines[i + 1:i + 1 + k]]) for k in range(1, NOTE_LINES + 1)):
            brk = "a closing note follows"
        elif xi.terminal and xi.text[-1:] in "）)" and len(cur) <= NOTE_LINES and cur[0].info.text[:1] in "（(" \
                and is_closing_note([y.info.text for y in cur]):
            # a closing note set as its own paragraph ends there: what follows it is the
            # column's address to write to ("（作者为西藏分社记者）" / "栏目投稿邮箱：")
            brk = "a closing note ends"
        if brk:
            out.append(RawParagraph(tuple(cur), "body", reason))
            cur = []
            reason = brk
    cur.extend(lines[pos:])
    if cur:
        out.append(RawParagraph(tuple(cur), "body", reason))
    return out
