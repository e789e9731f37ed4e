"""Page composition: stories -> a `Page` of positioned lines (in content-stream order) + truth.

Each article gets a block of columns: headline group on top, an optional stand-alone byline,
then body lines flowing down column after column.  Articles that do not fit are cut at a
paragraph or sentence boundary (what is printed is the truth); the jumped article of a two-page
issue is cut wherever the block is full, mid-paragraph included, and ends with "（下转第N版）".
"""
from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from .blocks import Block, StoryPool, partition
from .byline import dress
from .fonts import CID_FONT, cid_drawable
from .furniture import PAPER, cn_number, make_furniture
from .headline import set_headline, set_vertical_title, vertical_ok
from .model import ArticleTruth, Leftover, Page, Placed, Role, Rule, gold_text
from .photo import Where, place_photo
from .style import PageStyle
from .typeset import Align, SetLine, Typesetting, break_lines, place, set_paragraph

_SENTENCE_END = re.compile(r"[。！？][”’」）]*")
_NOT_HEADING_END = tuple("。！？；：，、…”’")
SIDES: tuple[Align, Align] = ("left", "right")


class LayoutFailed(Exception):
    """A block came out too small for its article; the caller draws another page."""


@dataclass(frozen=True, slots=True)
class BodyLine:
    line: SetLine
    para: int
    start: bool      # first line of its paragraph
    last: bool       # last line of its paragraph
    end_pos: int     # offset in the paragraph text right after this line
    heading: bool


@dataclass(frozen=True, slots=True)
class Fitted:
    lines: list[BodyLine]
    paragraphs: list[str]
    leftover: list[str]          # jumps only: what goes to the continuation page
    cut_mid_paragraph: bool
    cut_paragraph: str           # the paragraph cut by the jump, in full
    tail_start: int              # where its continuation starts in cut_paragraph


def is_heading(paragraph: str, measure: int) -> bool:
    """In-body headings ("一、把握阶段性目标"): short, no sentence-final punctuation.

    >>> is_heading("一、把握阶段性目标", 14), is_heading("会议指出。", 14)
    (True, False)
    """
    return len(paragraph) <= min(measure - 1, 22) and not paragraph.endswith(_NOT_HEADING_END)


def typeset_body(paras: list[str], style: PageStyle, tail_first: bool, align: Align) -> list[BodyLine]:
    """All body lines of an article; a continued paragraph (`tail_first`) has no indent."""
    ts = style.body
    out: list[BodyLine] = []
    for p, text in enumerate(paras):
        continued = p == 0 and tail_first
        heading = break_lines(text, style.measure, 0, ts) if p and is_heading(text, style.measure) else []
        if len(heading) == 1:
            line = place(heading[0], style.measure_pt, 0, ts, justify=False, align=align)
            out.append(BodyLine(line, p, True, True, len(text), True))
            continue
        set_lines = set_paragraph(text, style.measure, 0 if continued else 2, ts)
        for k, (line, end) in enumerate(set_lines):
            out.append(BodyLine(line, p, k == 0 and not continued, k == len(set_lines) - 1, end, False))
    return out


def _sentence_prefix(text: str, lines_left: int, style: PageStyle) -> str | None:
    """The longest run of whole sentences of `text` that fits in `lines_left` lines."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text)]
    for end in reversed(ends):
        if len(break_lines(text[:end], style.measure, 2, style.body)) <= lines_left:
            return text[:end]
    return None


def fit(paras: list[str], style: PageStyle, capacity: int, tail_first: bool, align: Align,
        jump: bool, rng: random.Random) -> Fitted:
    """Choose what gets printed in `capacity` lines."""
    lines = typeset_body(paras, style, tail_first, align)
    if len(lines) <= capacity:
        return Fitted(lines, paras, [], False, "", 0)
    if jump:
        n = capacity
        boundary = max((i + 1 for i in range(n) if lines[i].last), default=0)
        if boundary >= 0.6 * n and rng.random() < 0.35:
            n = boundary
        while n > 1 and lines[n - 1].heading:
            n -= 1
        last = lines[n - 1]
        p = last.para
        if last.last:
            return Fitted(lines[:n], paras[:p + 1], paras[p + 1:], False, "", 0)
        text = paras[p]
        tail = len(text) - len(text[last.end_pos:].lstrip())
        printed = paras[:p] + [text[:last.end_pos].rstrip()]
        return Fitted(lines[:n], printed, [text[tail:], *paras[p + 1:]], True, text, tail)
    whole = [ln.para for i, ln in enumerate(lines) if ln.last and i < capacity]
    n_full = (whole[-1] + 1) if whole else 0
    printed = paras[:n_full]
    left = capacity - sum(1 for ln in lines if ln.para < n_full)
    if n_full < len(paras) and left >= 2 and not is_heading(paras[n_full], style.measure):
        prefix = _sentence_prefix(paras[n_full], left, style)
        if prefix:
            printed = printed + [prefix]
    while printed and len(printed) > 1 and is_heading(printed[-1], style.measure):
        printed.pop()
    if not printed:
        raise LayoutFailed("no paragraph fits")
    return Fitted(typeset_body(printed, style, tail_first, align), printed, [], False, "", 0)


def _line(text: str, ts: Typesetting, width: float, align: Align) -> list[SetLine]:
    return [place(u, width, 0, ts, justify=False, align=align)
            for u in break_lines(text, width / ts.size, 0, ts)]


@dataclass(slots=True)
class _Job:
    """What one block prints: a fresh story, a jumped story, or a continuation."""

    jump_to: int | None = None
    cont: Leftover | None = None


@dataclass(slots=True)
class _Content:
    """An article before layout: its truth (paragraphs still to be fitted), its text, the
    headline to set, and the lines printed above the body (stand-alone byline, jump marker)."""

    truth: ArticleTruth
    paragraphs: list[str]
    tail_first: bool
    headline: tuple[str | None, str | None, str | None]
    above_body: list[tuple[str, Role, Align]]


def _fresh(rng: random.Random, pool: StoryPool, date: str, target: float, jump: bool,
           used: set[str], accept: Callable[[str], bool] | None = None) -> _Content:
    story = pool.pick(rng, date, target, used, int(target * 1.4) if jump else 0, accept)
    used.add(story.id)
    dressed = dress(story.paragraphs[0], story.inline, story.standalone, rng)
    subtitle = story.subtitle
    if subtitle and not subtitle.startswith("——") and rng.random() < 0.25:
        subtitle = "——" + subtitle
    truth = ArticleTruth(story.id, story.kicker and gold_text(story.kicker), gold_text(story.title),
                         subtitle and gold_text(subtitle), dressed.byline, dressed.dateline, [])
    above: list[tuple[str, Role, Align]] = []
    if dressed.standalone_line:
        above.append((dressed.standalone_line, "byline", rng.choice(("left", "left", "center"))))
    return _Content(truth, [dressed.first_paragraph, *story.paragraphs[1:]], False,
                    (story.kicker, story.title, subtitle), above)


def _continued(rng: random.Random, cont: Leftover) -> _Content:
    """The continuation: "（上接第1版）" above the body, sometimes the title repeated."""
    title = cont.title if cont.title and len(cont.title) <= 16 and rng.random() < 0.4 else None
    truth = ArticleTruth(cont.story_id, None, title, None, None, None, [], continued_from=1)
    marker = rng.choice(["（上接第1版）", "（上接第一版）"])
    return _Content(truth, list(cont.paragraphs), cont.cut_mid_paragraph, (None, title, None),
                    [(marker, "furniture", rng.choice(SIDES))])


def _variant_plan(rng: random.Random, style: PageStyle, page: Page, block: Block,
                  job: _Job) -> tuple[bool, Where | None]:
    """PDF variants for one article: set its title vertically (the first article in reading
    order with a block of two or more columns and a title that can be set so), and where to put
    a photo (None: no photo).  Draws nothing from `rng`
    when the style has no variants, so that such pages stay as they were."""
    fresh = job.cont is None and job.jump_to is None
    vertical = style.vertical_title and fresh and not page.vertical_titles and block.ncols >= 2
    photo: Where | None = None
    if style.photos and fresh and block.bottom - block.top >= 300 and rng.random() < 0.6:
        photo = rng.choice(("top", "bottom"))
    return vertical, photo


def compose_article(rng: random.Random, style: PageStyle, pool: StoryPool, page: Page, block: Block,
                    job: _Job, used: set[str]) -> tuple[list[Placed], list[Placed], Leftover | None]:
    """Lay out one article in its block; appends its truth to `page`.  Returns (headline lines,
    byline + body + jump-marker lines, leftover for a jump)."""
    index = len(page.articles)
    pitch = style.pitch * style.body.size
    vertical, photo_at = _variant_plan(rng, style, page, block, job)
    if job.cont is not None:
        content = _continued(rng, job.cont)
    else:
        est_lines = max(4.0, (block.bottom - block.top - 80) / pitch)
        target = block.ncols * est_lines * style.measure * rng.uniform(0.75, 1.2)
        if vertical:
            target *= (block.ncols - 1) / block.ncols
        if photo_at:
            target *= 0.7
        accept = cid_drawable if style.body.font == CID_FONT else None
        content = _fresh(rng, pool, page.date, target, job.jump_to is not None, used, accept)
    truth = content.truth
    kicker, title, subtitle = content.headline
    col0, ncols = block.col0, block.ncols
    vertical_lines = None
    if vertical and vertical_ok(title):
        assert title is not None
        vertical_lines = set_vertical_title(style, index, title, style.col_x(col0), style.measure_pt,
                                            block.top, block.bottom)
    if vertical_lines:
        page.vertical_titles += 1
        col0, ncols, title = col0 + 1, ncols - 1, None
        if style.rules:
            gx = style.col_x(col0) - style.gap_pt / 2
            page.rules.append(Rule(gx, block.top, gx, block.bottom))
    x0, width = style.col_x(col0), style.span_width(ncols)
    head, body_top = set_headline(rng, style, index, kicker, title, subtitle, x0, width, block.top)
    head = (vertical_lines or []) + head
    bottom = block.bottom
    captions: list[Placed] = []
    if photo_at:
        ph = place_photo(rng, x0, width, body_top, block.bottom, photo_at, style.head_font,
                         style.body.size, page.date)
        page.photos.append(ph.photo)
        page.captions.append(ph.caption)
        page.furniture.append(ph.caption)
        captions = ph.lines
        if photo_at == "top":
            body_top = ph.bottom + style.body.size * 0.6
        else:
            bottom = ph.top - style.body.size * 0.6
    n_slots = int((bottom - body_top) // pitch)
    slots: list[Placed] = []
    for text, role, side in content.above_body:
        if role == "furniture":
            page.furniture.append(text)
        for ln in _line(text, style.body, style.measure_pt, side):
            slots.append(Placed(ln, 0.0, 0.0, role, index, bold=role == "byline" and style.heading_bold))
    capacity = ncols * n_slots - len(slots) - (1 if job.jump_to else 0)
    if n_slots < 4 or capacity < 6:
        raise LayoutFailed(f"block of {n_slots} lines")
    align: Align = "center" if rng.random() < 0.5 else "left"
    fitted = fit(content.paragraphs, style, capacity, content.tail_first, align, job.jump_to is not None, rng)
    if job.jump_to and not fitted.leftover:
        raise LayoutFailed("jumped story fits on one page")
    truth.paragraphs = fitted.paragraphs
    for bl in fitted.lines:
        slots.append(Placed(bl.line, 0.0, 0.0, "heading" if bl.heading else "body", index,
                            para_start=bl.start, bold=bl.heading and style.heading_bold))
    leftover = None
    if job.jump_to:
        marker = rng.choice([f"（下转第{job.jump_to}版）", f"（下转第{cn_number(job.jump_to)}版）"])
        page.furniture.append(marker)
        slots.append(Placed(_line(marker, style.body, style.measure_pt, "right")[0], 0, 0, "furniture"))
        truth.continued_to = job.jump_to
        leftover = Leftover(truth.story_id, tuple(fitted.leftover), fitted.cut_mid_paragraph,
                            fitted.cut_paragraph, fitted.tail_start, truth.title)
    per_col = n_slots if job.jump_to else math.ceil(len(slots) / ncols)
    body = []
    for k, pl in enumerate(slots):
        col, row = divmod(k, per_col)
        y = body_top + style.body.size + row * pitch
        body.append(Placed(pl.line, style.col_x(col0 + col), y, pl.role, pl.article,
                           col0 + col, pl.para_start, pl.bold))
    if captions and rng.random() < 0.5:  # captions drawn before or after the body
        body = captions + body
    else:
        body = body + captions
    page.articles.append(truth)
    for c in range(1, ncols if style.rules else 1):
        gx = style.col_x(col0 + c) - style.gap_pt / 2
        page.rules.append(Rule(gx, body_top, gx, body_top + per_col * pitch))
    return head, body, leftover


def compose_page(rng: random.Random, style: PageStyle, pool: StoryPool, number: int, date: str,
                 jump_to: int | None = None, cont: Leftover | None = None,
                 used: set[str] | None = None) -> tuple[Page, Leftover | None]:
    """Compose one page.  `jump_to`: one article jumps to that page; `cont`: one block prints
    the continuation of a jumped article; `used`: the stories already printed in the issue,
    which no block prints again (the set grows with this page's)."""
    page = Page(style.page_width, style.page_height, number, date, PAPER)
    furn = make_furniture(rng, style, number, date)
    area_top = style.margin + furn.top_height + 8
    area_bottom = style.page_height - style.margin - furn.bottom_height
    n_articles = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
    min_height = max(160.0, (area_bottom - area_top) / 4)
    blocks = partition(rng, style.n_cols, n_articles, area_top, area_bottom, min_height)
    jobs = [_Job() for _ in blocks]
    if jump_to or cont:
        big = max(range(len(blocks)), key=lambda i: (blocks[i].ncols * (blocks[i].bottom - blocks[i].top), -i))
        special = big if cont else rng.choice([i for i, b in enumerate(blocks) if b.top == area_top])
        jobs[special] = _Job(jump_to=jump_to, cont=cont)
    used = set() if used is None else used
    if cont:
        used.add(cont.story_id)  # the continued story must not appear twice
    groups: list[list[Placed]] = []
    leftover = None
    for block, job in zip(blocks, jobs):
        head, body, left = compose_article(rng, style, pool, page, block, job, used)
        leftover = leftover or left
        first = style.head_order == "before" or (style.head_order == "mixed" and rng.random() < 0.5)
        groups.append(head + body if first else body + head)
        if block.top > area_top and style.rules:
            page.rules.append(Rule(style.col_x(block.col0), block.top - 4,
                                   style.col_x(block.col0) + style.span_width(block.ncols), block.top - 4))
        if block.col0 > 0 and style.frame_rules:  # between side-by-side articles
            gx = style.col_x(block.col0) - style.gap_pt / 2
            page.rules.append(Rule(gx, block.top, gx, block.bottom - 4))
    if style.frame_rules and furn.top:
        page.rules.append(Rule(style.margin, area_top - 4, style.page_width - style.margin, area_top - 4))
    if style.shuffle_articles:
        rng.shuffle(groups)
    top, bottom = furn.top, furn.bottom
    order = {"first": top + bottom + [pl for g in groups for pl in g],
             "last": [pl for g in groups for pl in g] + top + bottom,
             "split": top + [pl for g in groups for pl in g] + bottom}[style.furniture_order]
    page.lines = order
    page.furniture = furn.texts + page.furniture
    return page, leftover
