"""Labelled lines of a page -> article drafts (headline, byline, body, jump markers).

1. Headline-like runs between two bodies are weighed: a sub-heading of the
   article, or the headline of the next (:func:`demote_inbody_headings`).
2. Bodies are delimited: stand-alone bylines and "上接" markers open one, "下转"
   markers close one, a paragraph opening with a byline starts one, and two
   articles drawn side by side in mixed order are cut apart.
3. Headline blocks are attached to the body before or after them
   (:mod:`.attach`).  Extractors put a headline before its body or after it,
   depending on the order the PDF producer drew them (``pdftotext -raw`` and
   pypdfium2 follow that order; plain ``pdftotext`` tends to put headlines
   first); the page's first and last content lines give the prior.
"""
from __future__ import annotations

from collections.abc import Sequence

from .attach import attach_headlines, bigrams, share_in
from .draft import Draft
from .cohesion import COHESION_LINES
from .evidence import (Order, RegionOf, Run, address_lead, label_over_phrase, note_ends_at, opens_article_at, quoted,
                       run_width, same_label, same_opening, same_shape, title_evidence)
from .headlines import split_fields
from .layout import ADDRESS_WHY, OPEN_SENTENCE, PARAGRAPH_MEASURE, Label, Labelled
from .merged import leads_at, split_merged_bodies
from .row import bylines_under_headlines_after, cut_under_row, headline_row, lead_text_at

def _region(run: Run | None, region_of: RegionOf) -> int | None:
    return None if run is None else region_of.get(run.lines[0].info.line.number)


def demote_inbody_headings(runs: list[Run], order: Order = "before",
                           region_of: RegionOf | None = None, mixed: bool = False) -> tuple[list[Run], list[str]]:
    """Headline-like lines between two body runs with no sign of an article
    boundary (:func:`title_evidence`) are the body's own: sub-headings, or, where
    the body before them is mid-sentence, fragments of its text.  Returns the new
    runs and a note per decision.

    With regions from the page geometry, a region's headline comes first: any
    headline-like run after body text of its own region is the body's, whatever
    follows it, and one in another region is a headline.  ``mixed``: the page's edges
    disagree on the order (:func:`order_votes`).
    """
    out: list[Run] = []
    notes: list[str] = []
    skip_next = False
    label: Label  # what a demoted headline run becomes
    # A body run is weighed beside the run after it and again beside the one
    # before it: measure each once.  The run is kept beside its width, so its
    # id is not reused while this runs.
    widths: dict[int, tuple[Run, float]] = {}

    def width_of(r: Run) -> float:
        hit = widths.get(id(r))
        if hit is None:
            hit = widths[id(r)] = (r, run_width(r))
        return hit[1]

    heads_of_size: dict[int, list[Run]] = {}  # (the runs :func:`same_shape` compares: same number of lines)
    for r in runs if region_of is None else ():
        if r.kind == "head":
            heads_of_size.setdefault(len(r.lines), []).append(r)
    for i, run in enumerate(runs):
        if skip_next:
            skip_next = False
            continue
        prev = out[-1] if out else None
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        if region_of is not None:
            if run.kind == "head" and prev is not None and prev.kind == "body" \
                    and _region(prev, region_of) == _region(run, region_of):
                glue = nxt is not None and nxt.kind == "body" and _region(nxt, region_of) == _region(run, region_of)
                mid_sentence = not prev.lines[-1].info.terminal
                label, what = ("body", OPEN_SENTENCE) if mid_sentence else \
                    ("heading", "sub-heading inside an article")
                lines = tuple(x._replace(label=label, why=what) for x in run.lines)
                out[-1] = Run("body", prev.lines + lines + (nxt.lines if glue and nxt is not None else ()))
                skip_next = glue
                notes.append(f"lines {run.lines[0].info.line.number}-{run.lines[-1].info.line.number}: "
                             f"{what} (after body text of its region)")
                continue
            out.append(run)
            continue
        if (run.kind == "head" and prev is not None and prev.kind == "body" and nxt is not None
                and nxt.kind == "body"):
            series = any(same_shape(run, other) for other in heads_of_size.get(len(run.lines), ()) if other is not run) \
                or (quoted(run) and any(quoted(other) for other in runs if other is not run and other.kind == "head")) \
                or (label_over_phrase(run) and any(label_over_phrase(other) for other in heads_of_size.get(2, ())
                                                    if other is not run) \
                or same_label(run, heads_of_size) or same_opening(run, heads_of_size))
            above = _run_above(out)  # what stands above the body before, furniture aside
            why = title_evidence(run, prev, nxt, order, series, width_of,
                                 runs[i + 2] if i + 2 < len(runs) else None, headless=above is None,
                                 continued=above is not None and above.kind == "jump" and _direction(above) == "from",
                                 beyond=_body_beyond(runs, i + 2) if len(nxt.lines) < COHESION_LINES else (),
                                 mixed=mixed)
            first, last = run.lines[0].info.line.number, run.lines[-1].info.line.number
            cut = _floating_cut(run, prev, nxt) if why and order == "before" else None
            if cut is not None:
                out[-1] = Run("body", prev.lines + nxt.lines[:cut])
                out.extend([run, Run("body", nxt.lines[cut:])])
                skip_next = True
                notes.append(f"lines {first}-{last}: headline ({why}), set inside an open sentence: "
                             f"the headline of the text from line {nxt.lines[cut].info.line.number}")
                continue
            if why:
                notes.append(f"lines {first}-{last}: headline ({why})")
            else:
                # (a page of a paragraph to a line runs no sentence on to the next line)
                mid_sentence = not prev.lines[-1].info.terminal and prev.lines[-1].column_width < PARAGRAPH_MEASURE
                label, what = ("body", OPEN_SENTENCE) if mid_sentence else \
                    ("heading", "sub-heading inside an article")
                lines = tuple(x._replace(label=label, why=what) for x in run.lines)
                out[-1] = Run("body", prev.lines + lines + nxt.lines)
                skip_next = True
                notes.append(f"lines {first}-{last}: {what}")
                continue
        out.append(run)
    return out, notes


FLOAT_ECHO = 0.5  # a paragraph's opening echoing a misplaced headline this well is its article's
FLOAT_MARGIN = 0.3  # ... and this much better than the text the headline interrupts


def _floating_cut(run: Run, prev: Run, nxt: Run) -> int | None:
    """Where a headline printed inside an open sentence belongs: the line of ``nxt``
    that starts its article, or None.

    An extractor that reads a page by blocks (plain ``pdftotext``) puts a headline
    spanning several columns where its baseline falls, often between two lines of
    another article's sentence ("…瑞中创新战略伙 / 倍加呵护珍稀濒危植物（绿色家园） /
    伴关系将进一步深化发展。").  The sentence runs on across it, and the headline is
    the one of the article that starts at a later paragraph whose opening echoes it."""
    # (the interrupted sentence closes on the line after the headline: "伴关系将进一步深化发展。";
    # where that line opens a paragraph instead, a whole article may stand inside the sentence)
    if prev.lines[-1].info.terminal or not nxt.lines[0].info.terminal or len(nxt.lines) < 2 \
            or opens_article_at(nxt.lines, 0):
        return None
    lead_at = leads_at(list(nxt.lines))
    texts = [x.info.text for x in nxt.lines]
    ends = [k for k, x in enumerate(nxt.lines) if x.info.strong_end]
    grams = bigrams("".join([x.info.text for x in run.lines]))  # (made once, looked up in each text)
    best: tuple[float, float] = (-1.0, 0.0)
    cut = None
    for j in range(1, len(nxt.lines)):
        if not nxt.lines[j - 1].info.strong_end:
            continue
        # (the opening's lead, against the text before it: the interrupted article's)
        lead = share_in(grams, lead_at(j))
        if lead < FLOAT_ECHO or lead < share_in(grams, "".join(texts[:j])) + FLOAT_MARGIN:
            continue
        # A lead runs on over the next paragraphs and echoes the headline from every
        # opening before its article's: of those, the one whose own paragraph echoes it most.
        end = next((k for k in ends if k >= j), len(texts) - 1)
        key = (share_in(grams, "".join(texts[j:end + 1])), lead)
        if key > best:
            best, cut = key, j
    return cut


def _body_beyond(runs: list[Run], start: int) -> list[Labelled]:
    """Body lines of ``runs[start:]`` (headline-like runs and furniture passed over), up to
    a jump marker or a byline, COHESION_LINES at most: the text a short section runs on into."""
    out: list[Labelled] = []
    for r in runs[start:]:
        if r.kind in ("jump", "byline") or len(out) >= COHESION_LINES:
            break
        if r.kind == "body":
            out.extend(r.lines)
    return out


def _run_above(out: list[Run]) -> Run | None:
    """The run before the last of ``out``, furniture aside: None where the last opens the
    page's text, a 上接 marker where it goes on from another page."""
    return next((r for r in reversed(out[:-1]) if r.kind != "furniture"), None)


def _direction(run: Run) -> str:
    """A jump run's direction ("from" or "to")."""
    jump = run.lines[0].info.jump
    assert jump is not None  # a jump run is its marker line
    return jump[0]


def detect_order(runs: list[Run]) -> tuple[Order, str]:
    """Vote on whether this page's headlines follow or precede their bodies."""
    if not any(r.kind != "furniture" for r in runs):
        return "before", "no content"
    after, before = order_votes(runs)
    order: Order = "after" if after > before else "before"
    return order, f"headlines {order} bodies (votes after={after}, before={before})"


def order_votes(runs: list[Run]) -> tuple[int, int]:
    """What the page's edges say of its order, as votes (after, before): text that opens
    the page without a headline, and a headline that ends it, say headlines follow
    their bodies; a headline first and a body last say they precede them."""
    content = [r for r in runs if r.kind != "furniture"]
    after = before = 0
    first = next((i for i, r in enumerate(content) if r.kind != "jump"), None)
    if first is not None and not (first > 0 and _direction(content[first - 1]) == "from"):
        if content[first].kind == "body":
            after += 1
        elif content[first].kind == "head":
            before += 1
    last = next((i for i in range(len(content) - 1, -1, -1) if content[i].kind != "jump"), None)
    if last is not None and not (last + 1 < len(content) and _direction(content[last + 1]) == "to"):
        if content[last].kind == "head":
            after += 1
        elif content[last].kind == "body":
            before += 1
    return after, before


def _address_at(lines: Sequence[Labelled], i: int) -> bool:
    """Is line ``i`` the column's address to write to, which follows an article's closing
    note as its last words: the address alone ("yxxz8494@163.com") or the line that leads
    into it ("栏目投稿邮箱：" / "yxxz8494@163.com")?"""
    return lines[i].why == ADDRESS_WHY or (i + 1 < len(lines) and lines[i + 1].why == ADDRESS_WHY
                                           and address_lead(lines[i].info.text, lines[i + 1].info.text))


# furniture printed at the page's edges (a photo's caption or credit stands in the text)
PAGE_EDGE = frozenset(("editor", "page_label", "date", "masthead", "page_number"))


def _foot_between(runs: list[Run], n: int) -> bool:
    """Does furniture of the page's edge ("本版责编：…" at its foot, :data:`PAGE_EDGE`)
    stand between body run ``n`` and the body before it, in a dump without blank lines?
    (The caller asks only where that body ended a sentence or a closing note,
    "（本报记者…）".)  A dump that reads the page's edge between two texts went from
    one block of the page to another there, as a browser's PDF drawn in its document's
    order does: an article drawn headline first, then one whose headline follows its
    body.  Plain ``pdftotext`` sets every block off by blank lines and reads a page's
    foot between columns of one article: there the furniture says nothing."""
    prev = runs[n - 1] if n else None
    return (prev is not None and prev.kind == "furniture"
            and all(x.info.furniture in PAGE_EDGE for x in prev.lines)
            and not prev.lines[0].info.blank_before and not runs[n].lines[0].info.blank_before)


def _split_body_at_starts(lines: tuple[Labelled, ...]) -> list[list[Labelled]]:
    """A paragraph opening with a news-agency byline inside a body run starts a new
    article, and so does text right after a closing note ("（作者为…）"): the article
    ended there, and where its own headline was printed with the others (plain
    ``pdftotext`` sets headlines first), the next body follows it directly.  (A
    sub-heading after the note, as in a compilation of signed pieces, keeps one
    article: it is labelled a heading here.)"""
    parts: list[list[Labelled]] = [[]]
    for i, x in enumerate(lines):
        # (the cheap test first: most lines follow one that runs on)
        prev = lines[i - 1].info
        if parts[-1] and prev.terminal and (
                opens_article_at(lines, i)
                or (x.label == "body" and not _address_at(lines, i) and note_ends_at(lines, i - 1))):
            parts.append([])
        parts[-1].append(x)
    return parts


def assemble_page(runs: list[Run], order: Order,
                  region_of: RegionOf | None = None) -> tuple[list[Draft], list[Labelled]]:
    """Group runs into article drafts; returns ``(drafts, furniture_lines)``.

    Bodies are delimited first (stand-alone bylines and "上接" markers open one,
    "下转" markers close one, a paragraph opening with a byline starts one), then
    the headline blocks between them are attached (:func:`attach_headlines`).

    With regions from the page geometry (``region_of``), an article starts exactly
    where the region changes and takes the headline of its region; text cues do not
    cut a region's body.
    """
    furniture: list[Labelled] = []
    drafts: list[Draft] = []
    blocks: list[list[Labelled]] = [[]]  # blocks[i]: headline lines before drafts[i]
    cur = Draft()
    cur_region: int | None = None
    # headline lines after which furniture stood before more headline lines (two blocks apart)
    parted: set[int] = set()

    def close() -> None:
        nonlocal cur
        if cur.body or cur.byline:
            drafts.append(cur)
            blocks.append([])
            cur = Draft()

    for n, run in enumerate(runs):
        if region_of is not None and run.kind != "furniture":
            r = _region(run, region_of)
            if r != cur_region:
                close()
                cur_region = r
        if run.kind == "furniture":
            furniture.extend(run.lines)
        elif run.kind == "head":
            close()
            if n > 0 and runs[n - 1].kind == "furniture" and blocks[-1]:
                parted.add(blocks[-1][-1].info.line.number)
            blocks[-1].extend(run.lines)
        elif run.kind == "byline" and region_of is not None and cur.body:
            # Inside a region a byline-like line amid the body is its text ("记者了解到，…");
            # after the body's last line it signs the article.
            nxt = runs[n + 1] if n + 1 < len(runs) else None
            if nxt is not None and nxt.kind == "body" and _region(nxt, region_of) == cur_region:
                cur.body.extend(x._replace(label="body", why="byline-like text amid its region's body")
                                for x in run.lines)
            else:
                cur.byline.extend(run.lines)
        elif run.kind == "byline":
            if cur.body:
                close()
            cur.byline.extend(run.lines)
        elif run.kind == "jump":
            x = run.lines[0]
            assert x.info.jump is not None  # a jump run is its marker line
            direction, page = x.info.jump
            furniture.append(x)
            if direction == "from":
                if cur.body:
                    close()
                cur.continued_from = page
            elif cur.body or cur.byline:
                cur.continued_to = page
                close()
            elif drafts:
                drafts[-1].continued_to = page
        elif region_of is not None:
            cur.body.extend(run.lines)
        else:
            for k, part in enumerate(_split_body_at_starts(run.lines)):
                # (a run the page's furniture parted from the one before starts an article as
                # a part of one run would: a byline opens it, or a closing note ended that one,
                # unless it is the column's address to write to, "栏目投稿邮箱：" / "…@163.com")
                if k > 0 or (cur.body and cur.body[-1].info.terminal and (
                        opens_article_at(part, 0) or (part[0].label == "body" and not _address_at(part, 0)
                                                      and (note_ends_at(cur.body, len(cur.body) - 1)
                                                           or _foot_between(runs, n))))):
                    close()
                cur.body.extend(part)
    close()
    if not drafts:  # headlines only: one article made of them
        lines = [x for b in blocks for x in b]
        return ([Draft(head=lines)] if lines else []), furniture
    if region_of is not None:  # each region's headline is drawn before its body here
        for d, before in zip(drafts, blocks):
            d.head = list(before)
        return drafts, furniture
    drafts, blocks = split_merged_bodies(drafts, blocks)
    fields = [split_fields(b, frozenset(k for k, x in enumerate(b) if x.info.line.number in parted))
              for b in blocks]
    leads = [lead_text_at(d.body, 0) for d in drafts]
    placed = attach_headlines(fields, leads, [d.continued_from is not None for d in drafts],
                              1 if order == "after" else -1)
    for d, (before, after) in zip(drafts, placed):
        d.head = before + after
    drafts, placed, leads = bylines_under_headlines_after(drafts, placed, leads)
    cut = cut_under_row(drafts, [bool(before) and not after for before, after in placed])
    if len(cut) > len(drafts):
        drafts, leads = cut, [lead_text_at(d.body, 0) for d in cut]
    headline_row(drafts, leads)
    return drafts, furniture

