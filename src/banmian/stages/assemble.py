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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, groupby
from typing import Literal

from .attach import LEAD_CHARS, attach_headlines, bigrams, overlap_text, share_in
from .draft import Draft
from .headlines import TITLE_TAG, is_subtitle
from .layout import COLUMN_TAG, OPEN_SENTENCE, Labelled
from .normalize import SOURCE_NOTE
from .reflow_cues import NOTE_LINES, ends_article, opens_article
from .row import cut_under_row, headline_row, lead_text_at

Order = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Run:
    kind: str  # "head" | "body" | "byline" | "jump" | "furniture"
    lines: tuple[Labelled, ...]


RegionOf = Mapping[int, int]  # line number -> article region (PDF pages, :mod:`.regions`)


def to_runs(labelled: list[Labelled], region_of: RegionOf | None = None) -> list[Run]:
    """Consecutive lines of one kind (and one region, where the page geometry gave
    regions); numbered headings travel with the body."""
    def kind(x: Labelled) -> str:
        return "body" if x.label == "heading" else x.label
    key = kind if region_of is None else (lambda x: (kind(x), region_of.get(x.info.line.number)))
    runs = []
    for k, group in groupby(labelled, key=key):
        g = tuple(group)
        k = k if region_of is None else k[0]
        if k in ("jump", "byline"):  # each its own run: a marker or byline is one unit
            runs.extend(Run(k, (x,)) for x in g)
        else:
            runs.append(Run(k, g))
    return runs


def _run_width(run: Run) -> float:
    from .reflow import body_width
    return body_width(list(run.lines))


ECHO_LINES = 12
# A sub-heading set over four or more lines carries its section's one-sentence
# summary ("镜头一 / 高铁修到了镇上 / 基础设施建设成效喜人， / 仍须继续补短板"); a title
# in four lines is display phrases and seldom holds a sentence's comma (on generated
# pages: 32 of 41 such sub-headings have one, 1 of 8 titles).
SENTENCE_COMMA = "，"
# A sub-heading echoes its article's lead too, but it announces the text under it
# and often shares words with that text's first lines; a title set after its body
# is followed by another article and shares none (on generated pages: 21 of 40
# sub-headings taken for such titles share some, none of the 19 titles do).
ECHO_AHEAD_MAX = 0.05
COHESION_LINES = 40  # lines read on either side of a heading-like run
COHESION_MIN_LINES = 20  # fewer on either side say too little
COHESION_SHARE = 0.03
# A sub-heading comes in a series; one heading-like line in a body so far, with no
# sibling of its shape on the page, is weighed on shorter sides (14 lines: at 10 a
# recipe's dish names, each about something else, were read as titles).
LONE_MIN_LINES = 14
NEAR_ECHO = 0.5  # openings echoing a headline at least this share as well as the best are candidates
# A column tag (栏目名) names a column in words.  Brackets holding Latin letters, a
# list or a gloss are running text's ("自然语言处理（NLP）", "9个省（区、市）",
# "海子（即湖泊）"): on generated pages 6 such brackets gave headline evidence to
# body lines, none of 188 tags that did to a title.
NOT_A_COLUMN = re.compile(r"[（(](?:[^（）()]*[A-Za-z、]|[即含])[^（）()]*[）)]$")
# A tag ends its title.  One whose line runs as wide as the column into a
# full-width next line is a bracket inside text wrapped in the column ("此外，乌鲁木
# 齐高新区（新市区） / 与27家金融机构和200余家企业达成 / …"): on generated pages all
# 5 tags so set were body text; titles' mid-run tags are followed by a deck ("——…")
# or a lead line wrapped in display type.
TAG_RUNS_ON = 1.0  # a next line within this of the column width runs on full
COLUMN_LINE_SLACK = 2.5  # a line within this of the column width is set in the column


def _quoted(run: Run) -> bool:
    """A run that is one quotation ("“积年累月，…尽力”"): a feature's sub-headings quote
    its people, each its own way, so their lines do not match in width."""
    return run.lines[0].info.text[:1] == "“" and run.lines[-1].info.text[-1:] == "”"


# A sub-heading often pairs a short label with a longer phrase ("独幽琴 / 古琴界鉴定
# 唐琴的三大标准器之一", "镜头二 / 贫困户住进新房"), and an article's sub-headings
# repeat that shape with lines of their own widths, so :func:`_same_shape` misses
# them.  A title wrapped in display type fills its first line; a kicker over its
# title has the shape too, but seldom a second such run on its page (on generated
# pages, of two-line runs taken for titles as wrapping short of the column: 19 of
# 41 sub-headings are such a label over a phrase with another on their page, none
# of 68 titles are; 3 titles are such a pair alone on their page).
LABEL_SHORTER = 1.5  # ems by which a label line falls short of the phrase under it


def _label_over_phrase(run: Run) -> bool:
    """A two-line run whose first line is a short label over a longer phrase."""
    return len(run.lines) == 2 and run.lines[0].info.width <= run.lines[1].info.width - LABEL_SHORTER


def _same_shape(a: Run, b: Run) -> bool:
    """Two runs of two or more lines whose lines match in width, line for line."""
    return (len(a.lines) == len(b.lines) >= 2
            and all(abs(x.info.width - y.info.width) <= 1.0 for x, y in zip(a.lines, b.lines)))


def _title_evidence(run: Run, prev: Run, nxt: Run, order: Order = "before",
                    series: bool = False, width_of: Callable[[Run], float] = _run_width) -> str:
    """Why a headline-like run between two bodies is an article's headline, or "".

    Sub-headings (小标题) are set in the column: one line, or lines wrapped at the
    column width.  Titles are set in display type (wrapping well short of the
    column, or wider than it), carry a column tag ("（人民时评）"), and start an
    article: a byline may open the next body.  (Kicker-like wording, several
    fields and a change of column width were tried as cues too: on generated
    pages they fired on sub-headings more often than on titles.)
    """
    if _opens_article(nxt.lines, 0):
        return "a byline opens the next body"
    last = prev.lines[-1].info.text
    if (last[-1:] in "）)" and _note_ends_at(prev.lines, len(prev.lines) - 1)) or SOURCE_NOTE.fullmatch(last):
        return "the body before it ends with its closing note"
    if any(x.why == "set larger than the body type" for x in run.lines):
        return "set in larger type"
    width = max(width_of(prev), width_of(nxt))  # (measured only where the cues above said nothing)
    if any(x.info.min_width > width + 0.5 for x in run.lines):
        return "wider than the column"
    # A line as wide as the column is text set in the column: a sub-heading with
    # its short lead ("识别须精准 / 为防止贫困户漏评，一村一策、一户…").
    column_wrapped = any(x.info.max_width >= width - COLUMN_LINE_SLACK for x in run.lines)
    # ``series``: another headline-like run of the page has this one's shape.  An
    # article's sub-headings come in parallel series ("新机遇 / 时不我待…",
    # "新变革 / 敢闯敢试…"), set alike; titles of different articles seldom match
    # line for line, so the shape of a wrap says nothing then.
    if len(run.lines) >= 3 and not column_wrapped and not series:
        return "three or more lines in display type"
    if _column_tag(run, width) and not run.lines[0].info.text.startswith(("（", "(")):
        return "carries a column tag"
    if len(run.lines) >= 4 and not any(SENTENCE_COMMA in x.info.text for x in run.lines):
        return "four or more lines"
    if len(run.lines) > 1 and not column_wrapped and not series:
        return "wraps short of the column (display type)"
    if order == "after" and len(prev.lines) >= 8:
        lead = "".join([x.info.text for x in prev.lines[:ECHO_LINES]])
        if overlap_text(run.lines, lead) >= 0.5 and overlap_text(
                run.lines, "".join([x.info.text for x in nxt.lines[:6]])) < ECHO_AHEAD_MAX:
            return "echoes the lead of the article before it (headlines follow bodies here)"
    lone = not series and not any(x.label == "heading" for x in prev.lines)
    if not _like_a_heading_before(run, prev) and \
            _change_of_subject(prev, nxt, LONE_MIN_LINES if lone else COHESION_MIN_LINES):
        return "the text after it shares almost no words with the text before it"
    return ""


def _like_a_heading_before(run: Run, prev: Run) -> bool:
    """Does the body before ``run`` hold a sub-heading whose first line is exactly as
    wide as ``run``'s, both of three or more ideographs and nothing else?  An article's
    sub-headings are set alike ("问题导向找症结", "满怀热忱补短板", "闯出一片新天地"),
    and a section about another side of the story shares few words with the one before."""
    first = run.lines[0].info
    if not first.pure or first.width < 3 or _PUNCT_ANY.search(first.text):
        return False
    return any(x.label == "heading" and x.info.pure and x.info.width == first.width
               and not _PUNCT_ANY.search(x.info.text) for x in prev.lines)


_PUNCT_ANY = re.compile(r"[^\u4e00-\u9fff]")


def _column_tag(run: Run, width: float) -> bool:
    """Does a line of ``run`` end with a column tag: a bracketed name, not a gloss,
    ending a title rather than text running on in the column?"""
    lines = run.lines
    for k, x in enumerate(lines):
        text = x.info.text
        if not COLUMN_TAG.search(text) or NOT_A_COLUMN.search(text):
            continue
        after = lines[k + 1].info if k + 1 < len(lines) else None
        if (after is not None and not after.text.startswith("——") and x.info.max_width >= width - COLUMN_LINE_SLACK
                and after.max_width >= width - TAG_RUNS_ON):
            continue
        return True
    return False


def _change_of_subject(prev: Run, nxt: Run, min_lines: int = COHESION_MIN_LINES) -> bool:
    """Lexical cohesion (as in TextTiling): the sections of one article keep to its
    subject and share its words, while the next article is about something else.
    Over two sides of 40 column lines (~600 characters), sections of one article
    share 4–20% of their character bigrams; two articles well under 3%."""
    if len(prev.lines) < min_lines or len(nxt.lines) < min_lines:
        return False
    return _low_cohesion([x.info.text for x in prev.lines[-COHESION_LINES:]],
                         [x.info.text for x in nxt.lines[:COHESION_LINES]]) is not None


def _region(run: Run | None, region_of: RegionOf) -> int | None:
    return None if run is None else region_of.get(run.lines[0].info.line.number)


def demote_inbody_headings(runs: list[Run], order: Order = "before",
                           region_of: RegionOf | None = None) -> tuple[list[Run], list[str]]:
    """Headline-like lines between two body runs with no sign of an article
    boundary (:func:`_title_evidence`) are the body's own: sub-headings, or, where
    the body before them is mid-sentence, fragments of its text.  Returns the new
    runs and a note per decision.

    With regions from the page geometry, a region's headline comes first: any
    headline-like run after body text of its own region is the body's, whatever
    follows it, and one in another region is a headline.
    """
    out: list[Run] = []
    notes: list[str] = []
    skip_next = False
    # A body run is weighed beside the run after it and again beside the one
    # before it: measure each once.  The run is kept beside its width, so its
    # id is not reused while this runs.
    widths: dict[int, tuple[Run, float]] = {}

    def width_of(r: Run) -> float:
        hit = widths.get(id(r))
        if hit is None:
            hit = widths[id(r)] = (r, _run_width(r))
        return hit[1]

    heads_of_size: dict[int, list[Run]] = {}  # (the runs :func:`_same_shape` compares: same number of lines)
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
                out[-1] = Run("body", prev.lines + lines + (nxt.lines if glue else ()))
                skip_next = glue
                notes.append(f"lines {run.lines[0].info.line.number}-{run.lines[-1].info.line.number}: "
                             f"{what} (after body text of its region)")
                continue
            out.append(run)
            continue
        if (run.kind == "head" and prev is not None and prev.kind == "body" and nxt is not None
                and nxt.kind == "body"):
            series = any(_same_shape(run, other) for other in heads_of_size.get(len(run.lines), ()) if other is not run) \
                or (_quoted(run) and any(_quoted(other) for other in runs if other is not run and other.kind == "head")) \
                or (_label_over_phrase(run) and any(_label_over_phrase(other) for other in heads_of_size.get(2, ())
                                                    if other is not run))
            why = _title_evidence(run, prev, nxt, order, series, width_of)
            first, last = run.lines[0].info.line.number, run.lines[-1].info.line.number
            if why:
                notes.append(f"lines {first}-{last}: headline ({why})")
            else:
                mid_sentence = not prev.lines[-1].info.terminal
                label, what = ("body", OPEN_SENTENCE) if mid_sentence else \
                    ("heading", "sub-heading inside an article")
                lines = tuple(x._replace(label=label, why=what) for x in run.lines)
                out[-1] = Run("body", prev.lines + lines + nxt.lines)
                skip_next = True
                notes.append(f"lines {first}-{last}: {what}")
                continue
        out.append(run)
    return out, notes


def detect_order(runs: list[Run]) -> tuple[Order, str]:
    """Vote on whether this page's headlines follow or precede their bodies."""
    content = [r for r in runs if r.kind != "furniture"]
    if not content:
        return "before", "no content"
    after = before = 0
    first = next((i for i, r in enumerate(content) if r.kind != "jump"), None)
    if first is not None and not (first > 0 and content[first - 1].lines[0].info.jump[0] == "from"):
        if content[first].kind == "body":
            after += 1
        elif content[first].kind == "head":
            before += 1
    last = next((i for i in range(len(content) - 1, -1, -1) if content[i].kind != "jump"), None)
    if last is not None and not (last + 1 < len(content) and content[last + 1].lines[0].info.jump[0] == "to"):
        if content[last].kind == "head":
            after += 1
        elif content[last].kind == "body":
            before += 1
    order: Order = "after" if after > before else "before"
    return order, f"headlines {order} bodies (votes after={after}, before={before})"


def _opens_article(lines: Sequence[Labelled], i: int) -> bool:
    """Does line ``i`` open an article (:func:`.reflow_cues.opens_article`, the next line
    read too for a byline wrapped in its date)?"""
    return opens_article(lines[i].info.text, lines[i + 1].info.text if i + 1 < len(lines) else "")


def _note_ends_at(lines: Sequence[Labelled], i: int) -> bool:
    """Does line ``i`` end a closing note set as a paragraph of its own, one that ends
    its article?"""
    for k in range(i, max(i - NOTE_LINES, 0), -1):
        if lines[k].info.text[:1] in "（(":
            return lines[k - 1].info.strong_end and ends_article([x.info.text for x in lines[k:i + 1]])
    return False


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
                _opens_article(lines, i)
                or (x.label == "body" and prev.text[-1:] in "）)" and _note_ends_at(lines, i - 1))):
            parts.append([])
        parts[-1].append(x)
    return parts


def _leads(lines: list[Labelled]) -> Callable[[int], str]:
    """:func:`lead_text_at` for every start in ``lines``, as slices of the text
    joined once (each opening of a long body would join its lines again)."""
    texts = [x.info.text for x in lines]
    ends = list(accumulate(map(len, texts)))
    starts = [0, *ends]
    whole = "".join(texts)

    def at(start: int) -> str:
        start = min(start, len(texts))
        begin = starts[start]
        last = bisect_left(ends, begin + LEAD_CHARS, start)  # the line that reaches LEAD_CHARS
        return whole[begin:ends[last] if last < len(ends) else len(whole)]
    return at


CUT_MIN_LINES = 10  # lines each part of a body cut by subject keeps at least
CUT_ECHO = 0.2  # how much better the headline after echoes the part after the cut


@lru_cache(maxsize=4096)
def _line_bigrams(text: str) -> frozenset[str]:
    # A line's bigrams, made once: a line is read in many windows (each sub-heading's
    # two sides, each candidate cut), and one window's text is made of 40 of them.
    return bigrams.__wrapped__(text)


def _cohesion(before: list[str], after: list[str]) -> float:
    """Share of character bigrams the text before a point shares with the text after it
    (each side COHESION_LINES column lines, bigrams within lines), of the smaller side's."""
    b = frozenset().union(*map(_line_bigrams, before[-COHESION_LINES:]))
    a = frozenset().union(*map(_line_bigrams, after[:COHESION_LINES]))
    return len(a & b) / min(len(a), len(b)) if a and b else 1.0


def _low_cohesion(before: list[str], after: list[str]) -> float | None:
    """:func:`_cohesion`, where it is under COHESION_SHARE (None otherwise).  Most
    points asked about are inside one article, where the lines nearest the point
    already share more bigrams than the whole windows would need: those are answered
    without reading the rest.  (A window's bigram count is taken as growing in
    proportion to its characters: it grows more slowly, as bigrams repeat, so the
    early answer errs to the side of reading on.)"""
    before, after = before[-COHESION_LINES:], after[:COHESION_LINES]
    size_b, size_a = sum(map(len, before)), sum(map(len, after))
    # Each wider window's bigrams are the narrower one's and those of its further lines.
    b: frozenset[str] = frozenset()
    a: frozenset[str] = frozenset()
    n_b, read = len(before), 0  # lines read on each side
    for k in (COHESION_LINES // 4, COHESION_LINES // 2):
        b = b.union(*map(_line_bigrams, before[max(0, n_b - k):max(0, n_b - read)]))
        a = a.union(*map(_line_bigrams, after[read:k]))
        read = k
        part_b, part_a = sum(map(len, before[-k:])) or 1, sum(map(len, after[:k])) or 1
        whole = min(len(b) * size_b / part_b, len(a) * size_a / part_a)
        if len(b & a) >= COHESION_SHARE * whole:
            return None
    b = b.union(*map(_line_bigrams, before[:max(0, n_b - read)]))  # now :func:`_cohesion`'s windows
    a = a.union(*map(_line_bigrams, after[read:]))
    coh = len(a & b) / min(len(a), len(b)) if a and b else 1.0
    return coh if coh < COHESION_SHARE else None


def _subject_cut(body: list[Labelled], before: list[Labelled], after: list[Labelled]) -> int | None:
    """Where a body between two headlines holds two articles whose headline after
    them does not echo the second one's opening (:func:`_split_merged_bodies`), the
    second article starts at a paragraph where the subject changes: the text on the
    two sides shares almost no words (:func:`_change_of_subject`), the headline after
    the body is about the part after the point, and the headline before it is not."""
    texts = [x.info.text for x in body]
    whole = "".join(texts)
    starts = [0, *accumulate(map(len, texts))]

    def reach(head: list[Labelled]) -> Callable[[int], tuple[float, float]]:
        """Shares of a headline's bigrams that occur in the body before and after an
        offset.  A bigram is in the text before offset c when its first occurrence
        ends by c, after it when its last one starts at c or later: both counted by
        bisection over the sorted occurrences."""
        ends, lasts = [], []
        grams = bigrams("".join([x.info.text for x in head]))
        for b in grams:
            first = whole.find(b)
            if first >= 0:
                ends.append(first + 2)
                lasts.append(whole.rfind(b))
        ends.sort()
        lasts.sort()
        n = len(grams) or 1
        return lambda c: (bisect_right(ends, c) / n, (len(lasts) - bisect_left(lasts, c)) / n)

    head_after, head_before = reach(after), reach(before)
    best: tuple[float, int | None] = (COHESION_SHARE, None)
    for j in range(CUT_MIN_LINES, len(body) - CUT_MIN_LINES + 1):
        if not body[j - 1].info.strong_end:
            continue
        # the headlines' tests first: they are cheap and rule out nearly every paragraph
        a_first, a_second = head_after(starts[j])
        if a_second - a_first <= CUT_ECHO:
            continue
        b_first, b_second = head_before(starts[j])
        if b_first >= b_second and (coh := _low_cohesion(texts[:j], texts[j:])) is not None and coh < best[0]:
            best = (coh, j)
    return best[1]


def _split_merged_bodies(drafts: list[Draft], blocks: list[list[Labelled]]
                         ) -> tuple[list[Draft], list[list[Labelled]]]:
    """Two articles drawn one headline-first, the next body-first leave two bodies
    side by side between their headlines ("H_A B_A B_B H_B").  Where the headline
    after a body echoes a later paragraph's opening much better than the body's
    own opening, and the headline before it matches that opening, the body is cut
    at that paragraph."""
    out_d: list[Draft] = []
    out_b: list[list[Labelled]] = [blocks[0]]
    for i, d in enumerate(drafts):
        before, after = blocks[i], blocks[i + 1]
        cut = None
        # A continuation ("上接…") has no headline of its own: the body drawn after
        # it, with its headline after that, is another article.
        owned = before or d.continued_from is not None
        if owned and after and len(d.body) >= 8 and not d.continued_to:
            # The block after the body may hold two headlines, this body's second
            # article's and the next body's: a title ends with its column tag
            # ("给本土选手更多掌 / 声（体坛观澜） / 云南香格里拉独克 / …").  The whole
            # block is weighed first, then each part of it that ends so.
            for head_b in [after, *_tagged_heads(after)]:
                cut = _merged_cut(d, before, head_b)
                if cut is not None:
                    break
        if cut is None:
            out_d.append(d)
            out_b.append(after)
            continue
        first = Draft(byline=d.byline, body=d.body[:cut], continued_from=d.continued_from)
        second = Draft(body=d.body[cut:], continued_to=d.continued_to)
        out_d.extend([first, second])
        out_b.extend([[], after])
    return out_d, out_b


def _tagged_heads(block: list[Labelled]) -> list[list[Labelled]]:
    """The parts of a headline block that end with a title's column tag, short of the
    whole block."""
    return [block[:k + 1] for k in range(len(block) - 1)
            if TITLE_TAG.search(block[k].info.text) and block[k].info.text[0] not in "（("
            and not is_subtitle(block[k + 1].info.text)]  # "——…" under a tagged title is its own


def _merged_cut(d: Draft, before: list[Labelled], after: list[Labelled]) -> int | None:
    """Where body ``d`` holds two articles and ``after`` is the second one's headline
    (:func:`_split_merged_bodies`), the line the second one starts at."""
    # Every paragraph opening is tried: the headlines' bigrams are looked up
    # in each opening's text (overlap_text), no opening's bigrams are built.
    lead_at = _leads(d.body)
    start = lead_at(0)
    base_b = overlap_text(after, start)
    first_is_own = overlap_text(before, start) >= max(base_b, 0.2) if before else base_b < 0.3
    if first_is_own and overlap_text(after, "".join([x.info.text for x in d.body])) >= 0.5:
        head_bigrams = bigrams("".join([x.info.text for x in after]))
        scores = {j: share_in(head_bigrams, lead_at(j))  # overlap_text(after, …), bigrams made once
                  for j in range(3, len(d.body) - 2) if d.body[j - 1].info.strong_end}
        top = max(scores.values(), default=0.0)
        if top >= 0.5 and top >= base_b + 0.3:
            # A short headline is echoed as well by every opening whose lead reaches
            # into its article (a lead runs LEAD_CHARS, across paragraphs), and an
            # article's own first paragraph may not name it at all (a commentary's
            # opening maxim before the news it comments on): of the openings that
            # echo it at least half as well as the best, the cut is where the subject
            # changes.
            near = [j for j, v in scores.items() if v >= top * NEAR_ECHO]
            if len(near) == 1:
                return near[0]
            texts = [x.info.text for x in d.body]
            return min(near, key=lambda j: _cohesion(texts[:j], texts[j:]))
    return _subject_cut(d.body, before, after) if len(d.body) >= 2 * CUT_MIN_LINES else None


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
                if k > 0 or (cur.body and _opens_article(part, 0) and cur.body[-1].info.terminal):
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
    from .headlines import split_fields
    drafts, blocks = _split_merged_bodies(drafts, blocks)
    fields = [split_fields(b, frozenset(k for k, x in enumerate(b) if x.info.line.number in parted))
              for b in blocks]
    leads = [lead_text_at(d.body, 0) for d in drafts]
    placed = attach_headlines(fields, leads, [d.continued_from is not None for d in drafts],
                              1 if order == "after" else -1)
    for d, (before, after) in zip(drafts, placed):
        d.head = before + after
    cut = cut_under_row(drafts, [bool(before) and not after for before, after in placed])
    if len(cut) > len(drafts):
        drafts, leads = cut, [lead_text_at(d.body, 0) for d in cut]
    headline_row(drafts, leads)
    return drafts, furniture

