"""Pages -> :class:`~banmian.model.Issue`: the ordered stages and their trace.

``PAGE_STAGES`` run on each page in order; each takes and returns a frozen
:class:`PageState` and reports its decisions as :class:`~banmian.model.TraceEvent`
objects, which ``banmian parse --trace`` prints.  ``link_continuations`` then
runs once over the issue.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import collector
from .errors import LayoutError
from .model import Article, Furniture, Issue, Page, TraceEvent
from .pagenum import page_number
from .readers.txt import LAYOUT_DUMP
from .settings import DEFAULT, Settings
from .stages.assemble import Draft, assemble_page, demote_inbody_headings, detect_order, order_votes
from .stages.evidence import Order, Run, to_runs
from .stages.build import blocks_part_fields, build_article, furniture_of, standalone_bylines
from .stages.captions import caption_lines
from .stages.continuations import link_continuations
from .stages.dealt import dealt_page, undeal
from .stages.geometry import body_size, size_hints
from .stages.headlines import series_names
from .stages.interleave import restore_order
from .stages.layout import Labelled, label_lines
from .stages.measure import PARTED_SHARE, joined_columns
from .stages.normalize import LineInfo, measure_lines
from .stages.reflow import RawParagraph, body_width, reflow_paragraphs
from .stages.regions import find_regions


@dataclass(frozen=True)
class PageState:
    page: Page
    settings: Settings
    paper: str | None = None
    infos: tuple[LineInfo, ...] = ()
    body_size: float | None = None  # the size most characters are printed in; None for a text dump
    # PDF pages only: each line's article region (aligned with ``infos``, None outside
    # any) and whether it is in a headline block; empty for text dumps
    regions: tuple[int | None, ...] = ()
    head_lines: tuple[bool, ...] = ()
    full_lines: tuple[bool, ...] = ()  # PDF pages: lines that reach their column's right edge
    labelled: tuple[Labelled, ...] = ()
    runs: tuple[Run, ...] = ()
    order: Order = "before"
    drafts: tuple[Draft, ...] = ()
    furniture_lines: tuple[Labelled, ...] = ()
    articles: tuple[Article, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    trace_on: bool = False  # building trace text costs a third of the run time
    trace: tuple[TraceEvent, ...] = field(default=())


Stage = Callable[[PageState], PageState]


def _evolve(state: PageState, **changes: object) -> PageState:
    """``dataclasses.replace(state, **changes)`` for the stages' own fields: the new
    state's attributes are copied, not passed through the frozen __init__, which
    set each of the 17 fields through object.__setattr__ (tests/test_fast_paths.py
    checks the two agree)."""
    new = object.__new__(PageState)
    new.__dict__.update(state.__dict__, **changes)
    return new


def _event(state: PageState, stage: str, lines, decision: str) -> TraceEvent:
    return TraceEvent(stage, state.page.index, tuple(lines), decision)


def _traced(state: PageState, make) -> tuple[TraceEvent, ...]:
    return state.trace + tuple(make()) if state.trace_on else state.trace


_JOINED = "joined on one line"


def measure(state: PageState) -> PageState:
    infos = tuple(measure_lines(state.page, state.paper))
    ev = lambda: [_event(state, "measure", (x.line.number,), f"width {x.width:g}"
                 + (f", furniture:{x.furniture}" if x.furniture else "")
                 + (f", jump {x.jump[0]} {x.jump[1]}" if x.jump else "")) for x in infos]
    page = state.page
    # (a dump the reader already found to be `pdftotext -layout`'s has its warning)
    joined, gutter = joined_columns(list(infos), page.text) if page.char_boxes is None and not any(
        LAYOUT_DUMP in w for w in page.warnings) else (0, 0.0)
    if joined:
        # the joined lines parted into their columns' lines, each its own block: read back
        # column by column as a dump that deals them out a row at a time (:mod:`.stages.dealt`),
        # where a tenth of the page's lines are joined and the parts read so (a few joined
        # lines among whole column pieces are read as they are)
        parted = tuple(measure_lines(state.page, state.paper, gutter)) if joined >= PARTED_SHARE * len(infos) else ()
        if parted and dealt_page(list(parted)):
            infos = parted
        # (the reader's own warnings ride on the page to the issue: so does this one)
        page = replace(page, warnings=page.warnings + (
            f"{page.source}: page {page.index + 1}: {joined} lines hold side-by-side columns {_JOINED}, "
            "as pdfplumber, `pdftotext -layout` and plain pdftotext with columns set close write them: "
            "their articles cannot be told apart reliably; parse the PDF itself, or extract with `pdftotext -raw`",))
    return _evolve(state, page=page, infos=infos, body_size=body_size(state.page), trace=_traced(state, ev))


def reorder(state: PageState) -> PageState:
    infos, dealt = undeal(list(state.infos))
    infos, notes = restore_order(infos, state.settings.indent_chars)
    notes = dealt + notes
    if not notes:
        return state
    page = state.page
    # (a page of joined columns, parted and read back so, has its warning already)
    if dealt and not any(_JOINED in w for w in page.warnings):
        # (the order is read back from the words: a user should know to give the PDF)
        page = replace(page, warnings=page.warnings + (
            f"{page.source}: page {page.index + 1}: its columns were dealt out a row at a time, a line or two "
            "each, as plain pdftotext writes columns set at a wide leading: their order was read back from "
            "the text and may be wrong in places; parse the PDF itself, or extract with `pdftotext -raw`",))
    ev = lambda: [_event(state, "reorder", (), n) for n in notes]
    return _evolve(state, page=page, infos=tuple(infos), trace=_traced(state, ev))


def order_regions(state: PageState) -> PageState:
    """PDF pages: put the lines in reading order, region by region (:mod:`.stages.regions`);
    captions and headline-size text over no column become furniture.  Text dumps: photo
    captions that a credit closes become furniture (:mod:`.stages.captions`)."""
    found = find_regions(state.page, state.infos, state.body_size)
    if found is None:
        marked = caption_lines(state.infos)
        if not any(marked):
            return state
        return _evolve(state, infos=tuple(x._replace(furniture="caption") if c else x
                                          for x, c in zip(state.infos, marked)),
                       trace=_traced(state, lambda: [_event(state, "regions", (x.line.number,), "caption")
                                                     for x, c in zip(state.infos, marked) if c]))
    infos: list[LineInfo] = []
    for i in found.order:
        x = state.infos[i]
        if found.caption[i]:
            x = x._replace(furniture="caption")
        elif found.region[i] is None and not x.furniture:
            x = x._replace(furniture="other")
        elif found.region[i] is not None and x.furniture:  # column text after all (see find_regions)
            x = x._replace(furniture=None)
        if found.indented[i] and not x.indented:
            x = x._replace(indented=True)
        infos.append(x)
    regions = tuple(found.region[i] for i in found.order)
    ev = lambda: [_event(state, "regions", (), n) for n in found.notes] + [
        _event(state, "regions", (x.line.number,), "caption" if found.caption[i] else
               f"region {found.region[i]}" + (" headline" if i in found.heads else "")
               if found.region[i] is not None else "outside any region")
        for i, x in zip(found.order, infos)]
    return _evolve(state, infos=tuple(infos), regions=regions,
                   head_lines=tuple(i in found.heads for i in found.order),
                   full_lines=tuple(found.full[i] for i in found.order), trace=_traced(state, ev))


def _column_text(labelled: list[Labelled], regions: tuple[int | None, ...],
                 head_lines: tuple[bool, ...], full_lines: tuple[bool, ...]) -> list[Labelled]:
    """On a page with regions the headline blocks are known: a line in a column that the
    text cues took for a headline line is the column's text: a paragraph's line where it
    fills the column or continues an open sentence, else a sub-heading ("核心阅读")."""
    out: list[Labelled] = []
    for x, r, head, full in zip(labelled, regions, head_lines, full_lines):
        if x.label == "head" and r is not None and not head:
            prev = out[-1] if out else None
            if full:
                x = x._replace(label="body", why="column text reaching the column's edge (page geometry)")
            elif prev is not None and prev.label in ("body", "heading") and not prev.info.terminal:
                x = x._replace(label="body", why="column text inside an open sentence (page geometry)")
            else:
                x = x._replace(label="heading", why="sub-heading in a column (page geometry)")
        out.append(x)
    return out


def label(state: PageState) -> PageState:
    hints = size_hints([x.line for x in state.infos], state.body_size)
    if state.head_lines:  # the headline blocks the page geometry found, subtitles in small type included
        hints = ["head" if h else (None if v == "head" else v) for h, v in zip(state.head_lines, hints)]
    # (label_lines only asks which lines are "head": a page with none, every text dump, passes no hints)
    infos = list(state.infos)
    captions = [x.furniture == "caption" for x in infos] if not state.regions else []
    if any(captions):
        # A text dump's photo captions (order_regions) are read around, as the picture stands
        # beside the text: the lines either side are each other's neighbours.
        read = iter(label_lines([x for x, c in zip(infos, captions) if not c], state.settings.indent_chars))
        labelled, width = [], 0.0
        for x, c in zip(infos, captions):
            if c:
                labelled.append(Labelled(x, "furniture", width, "furniture:caption"))
            else:
                labelled.append(y := next(read))
                width = y.column_width
    else:
        labelled = label_lines(infos, state.settings.indent_chars, hints if "head" in hints else None)
    if state.head_lines:
        labelled = _column_text(labelled, state.regions, state.head_lines, state.full_lines)
    result = tuple(labelled)
    ev = lambda: [_event(state, "label", (x.info.line.number,), f"{x.label}: {x.why}") for x in result]
    return _evolve(state, labelled=result, trace=_traced(state, ev))


def assemble(state: PageState) -> PageState:
    region_of = ({x.line.number: r for x, r in zip(state.infos, state.regions) if r is not None}
                 if state.regions else None)
    runs = to_runs(list(state.labelled), region_of)
    after, before = order_votes(runs)
    first_order: Order = "after" if after > before else "before"
    runs, notes = demote_inbody_headings(runs, first_order, region_of, mixed=after == before > 0)
    order: Order
    order, why = ("before", "headlines before bodies (reading order from the page geometry)") \
        if region_of is not None else detect_order(runs)
    drafts, furniture = assemble_page(runs, order, region_of)

    def ev() -> list[TraceEvent]:
        out = [_event(state, "assemble", (), n) for n in notes] + [_event(state, "assemble", (), why)]
        for i, d in enumerate(drafts, 1):
            nums = [x.info.line.number for x in d.head + d.byline + d.body]
            out.append(_event(state, "assemble", nums,
                              f"article {i}: {len(d.head)} headline, {len(d.byline)} byline, "
                              f"{len(d.body)} body lines"))
        return out
    # Events are made only when traced (and then before the drafts change hands).
    return _evolve(state, runs=tuple(runs), order=order, drafts=tuple(drafts),
                   furniture_lines=tuple(furniture), trace=_traced(state, ev))


def reflow(state: PageState) -> PageState:
    articles = []
    extra: list[Furniture] = []
    done: list[tuple[list[RawParagraph], Article]] = []
    blocked = blocks_part_fields(state.drafts, state.labelled[0].info.line.number if state.labelled else 1)
    series = series_names([list(d.head) for d in state.drafts])
    for d in state.drafts:
        width = body_width(d.body)  # both need it; it is 0.0 for an empty body
        paras = reflow_paragraphs(d.body, state.settings.indent_chars, width)
        art = build_article(state.page, d, paras, width, blocked, series)
        extra.extend(standalone_bylines(state.page, d, art))
        articles.append(art)
        done.append((paras, art))

    def ev() -> list[TraceEvent]:
        out = []
        for i, (paras, art) in enumerate(done, 1):
            for p in paras:
                out.append(_event(state, "reflow", [x.info.line.number for x in p.lines],
                                  f"article {i} {p.kind} paragraph: {p.why}"))
            hl = ", ".join(f"{k}={v.value}" for k, v in art.headline.fields())
            out.append(_event(state, "headline", [x.number for x in art.headline_lines],
                              f"article {i}: {hl or 'no headline'}"
                              + ("" if art.headline.roles_certain else " (roles guessed)")))
        return out
    furniture = tuple(furniture_of(state.page, list(state.furniture_lines))) + tuple(extra)
    return _evolve(state, articles=tuple(articles), furniture=furniture, trace=_traced(state, ev))


PAGE_STAGES: dict[str, Stage] = {
    "measure_lines": measure,
    "restore_column_order": reorder,
    "order_regions": order_regions,
    "label_lines": label,
    "assemble_articles": assemble,
    "reflow_paragraphs": reflow,
}


def run_page(page: Page, settings: Settings = DEFAULT, paper: str | None = None,
             trace: bool = False) -> PageState:
    """Run every page stage; raise :class:`LayoutError` past the per-page time limit."""
    state = PageState(page=page, settings=settings, paper=paper, trace_on=trace)
    deadline = time.monotonic() + settings.page_timeout_s
    for name, stage in PAGE_STAGES.items():
        state = stage(state)
        if time.monotonic() > deadline:
            raise LayoutError(f"page {page.index + 1} took longer than {settings.page_timeout_s:g} s "
                              f"(at stage {name})", path=page.source,
                              fix="raise page_timeout_s in banmian.toml")
    return state


_PAGE_LABEL = re.compile(r"第\s*([0-9０-９一二三四五六七八九十]{1,3})\s*版")
_DATE_PARTS = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:星期|周)[一二三四五六日天]|\s+")
_SECTION_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,4}\s*([0-9]{1,2})|([0-9]{1,2})\s*[\u4e00-\u9fff]{2,4}")


def _jumped_number(state: PageState, earlier: list[tuple[int, PageState]], taken: set[int]) -> int | None:
    """The number of a page that prints none, read off the jump that leads to it: a page
    whose article goes on from page M ("（上接第1版）") is the page M's article jumps to
    ("（下转第3版）"), which need not follow the page before it (an issue read from pages 1
    and 3).  Only a number no other page has."""
    found = {a.continued_to for m, st in earlier for a in st.articles
             if a.continued_to is not None and a.continued_to not in taken
             and any(b.continued_from == m for b in state.articles)}
    return found.pop() if len(found) == 1 else None


def _printed_number(state: PageState) -> int | None:
    """The page's printed number: "第6版" in a running head, else a bare page number.
    ("今日16版" counts the issue's pages, so only "第N版" is read.)"""
    for f in state.furniture:
        m = _PAGE_LABEL.search(f.text.value)
        if m and f.kind in ("page_label", "other", "masthead", "date"):
            return page_number(m.group(1))
    for f in state.furniture:
        if f.kind == "page_number" and f.text.value.strip().isdigit():
            return int(f.text.value.strip())
    for f in state.furniture:  # a running head's section and number: "要闻03", "05 地方"
        m = _SECTION_NUMBER.fullmatch(_DATE_PARTS.sub("", f.text.value).strip())
        if m and f.kind == "page_label":
            return int(m.group(1) or m.group(2))
    return None


def run_issue(pages: list[Page], settings: Settings = DEFAULT, *, paper: str | None = None,
              date: str | None = None, first_page: int | None = None, trace: bool = False) -> Issue:
    """Reconstruct the articles of pages that belong to one issue, in order.

    ``trace=True`` records what every stage decided (``Issue.trace``).
    """
    # (the stages' states are gone by the time the collector runs again: it then
    # scans the issue only, as it would have anyway)
    with collector.paused():
        return _link_pages(pages, [run_page(p, settings, paper, trace) for p in pages], paper, date, first_page)


def _link_pages(pages: list[Page], states: list[PageState], paper: str | None, date: str | None,
                first_page: int | None) -> Issue:
    """The pages' printed numbers, their articles linked across pages (:func:`link_continuations`)."""
    printed = [first_page + i if first_page is not None else _printed_number(st) for i, st in enumerate(states)]
    numbers: list[int] = []
    for i, (st, n) in enumerate(zip(states, printed)):
        taken = {x for x in printed if x is not None} | set(numbers)
        numbers.append(n or _jumped_number(st, list(zip(numbers, states)), taken)
                       or (numbers[-1] + 1 if numbers and numbers[-1] else i + 1))
    fixed_pages = [replace(st.page, number=n) for st, n in zip(states, numbers)]
    per_page = [[replace(a, pages=(n,)) for a in st.articles] for st, n in zip(states, numbers)]
    articles, heads, decisions = link_continuations(per_page, numbers)
    trace = tuple(ev for st in states for ev in st.trace)
    trace += tuple(TraceEvent("link_continuations", -1, (), d) for d in decisions)
    furniture = tuple(f for st in states for f in st.furniture) + tuple(heads)
    warnings = tuple(dict.fromkeys(w for st in states for w in st.page.warnings))
    return Issue(pages=tuple(fixed_pages), articles=tuple(articles), furniture=furniture,
                 paper=paper, date=date, trace=trace, warnings=warnings)
