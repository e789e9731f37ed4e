"""The hot paths' short cuts give exactly what the plain computation gives.

measure_lines sends lines without whitespace down a short path, column_widths
takes its window histograms only every MODE_STEP lines, and cheap character
tests guard several patterns, headline overlap is counted on the opening's text,
and Line/Span objects are filled without their __init__: each is checked here
against the straightforward version on random page-like text.
"""
from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from banmian.model import Line
from banmian.readers import pages_from_text
from banmian.readers.txt import split_lines
from banmian.stages import attach, cohesion, furniture, layout, measure, normalize, reflow, reflow_cues

ALPHABET = ("新华社北京电本报讯记者张清通讯员实习生摄图绘制供，。、；：？！“”（）()《》　 \t\xa0"
            "0123456789核心阅读编者按开内容提要转接续承第版下上乐山日报abcAB—…■")
PIECES = ["本报讯（记者 张清）", "本报北京5月14日电 （记者杜海涛）", "■ 记者 倪珉", "（下转第2版）",
          "（上接第1版）", "一、把握阶段性目标", "本版责编：王五", "2024年7月9日 星期二", "第2版",
          "乐山日报", "5 位 。 其 中 ，网 络", "代表大会（下转第2版）", "（上接第1版）会议指出",
          "　　这次全会的主要任务是：深入", "本报记者 于洋摄", "核心阅读", ""]
line_text = st.one_of(st.text(alphabet=ALPHABET, max_size=26), st.sampled_from(PIECES))


@given(st.lists(line_text, min_size=1, max_size=60))
def test_normalize_short_path_matches_general_path(lines):
    pages = pages_from_text("\n".join(lines))
    for page in pages:
        fast = normalize.measure_lines(page)
        with mock.patch.object(normalize, "_line_texts", return_value=None):  # every line the long way
            slow = normalize.measure_lines(page)
        assert fast == slow


@given(st.text(alphabet=ALPHABET + "\n", max_size=200))
def test_txt_split_lines_matches_find_loop(text):
    expected = []
    start, number, n = 0, 1, len(text)
    while start <= n:
        end = text.find("\n", start)
        end = n if end < 0 else end
        if start < n or number == 1:
            expected.append(Line(page=0, number=number, start=start, end=end))
        number += 1
        start = end + 1
    assert split_lines(text) == tuple(expected)


@given(st.text(alphabet=ALPHABET, max_size=40), st.sampled_from(["", "本报讯", "据新华社电", "编者按：", "核心阅读"]))
def test_reflow_cues_starts_article_guard_changes_nothing(text, prefix):
    s = prefix + text
    assert reflow_cues.starts_article(s) == bool(reflow_cues.INLINE_BYLINE_START.match(s)
                                                 or reflow_cues.ARTICLE_LABELS.match(s))


def _column_widths_sliding(infos) -> list[float]:
    """column_widths as first written: histograms slid one line at a time."""
    cand = [i for i, x in enumerate(infos) if not (x.furniture or x.jump or x.byline_names)]
    out = [0.0] * len(infos)
    if not cand:
        return out
    widths = [infos[i].width for i in cand]
    pure = [infos[i].pure for i in cand]
    # a middle line: it and the candidate line before it run on
    middle = [k > 0 and not infos[cand[k]].terminal and not infos[cand[k - 1]].terminal for k in range(len(cand))]
    every: Counter[float] = Counter()
    exact: Counter[float] = Counter()
    n_exact = lo = hi = 0
    per_cand: list[float] = []
    for k in range(len(cand)):
        want_lo, want_hi = max(0, k - measure.WINDOW), min(len(cand), k + measure.WINDOW + 1)
        while hi < want_hi:
            every[widths[hi]] += 1
            if pure[hi]:
                exact[widths[hi]] += 1
                n_exact += 1
            hi += 1
        while lo < want_lo:
            every[widths[lo]] -= 1
            if pure[lo]:
                exact[widths[lo]] -= 1
                n_exact -= 1
            lo += 1
        if k % measure.MODE_STEP == 0 or not per_cand:
            mode, support = measure._hist_mode_support(exact) if n_exact >= 5 else (0.0, 0.0)
            if mode < measure.MIN_COLUMN:  # only short exact lines: every line's width votes
                mode = measure._hist_mode(every)
            elif sum(c for w, c in every.items() if w >= mode + measure.OVER_MEASURE) >= measure.MIN_OVER:
                if support < measure.SURE_SUPPORT:
                    mode = max(mode, measure._hist_mode(every))  # lines past the measure: all vote
                else:  # first lines outnumbering full ones: the middle lines' measure, if an indent wider
                    mids = Counter(widths[j] for j in range(lo, hi) if middle[j])
                    mid, mid_support = measure._hist_mode_support(mids) if mids else (0.0, 0.0)
                    if mid >= mode + measure.FIRST_INDENT and mid_support >= measure.MIDDLE_LINES:
                        mode = mid
        per_cand.append(mode)
    pos = 0
    for i in range(len(infos)):
        while pos + 1 < len(cand) and abs(cand[pos + 1] - i) <= abs(cand[pos] - i):
            pos += 1
        out[i] = per_cand[pos]
    return out


fake_line = st.builds(lambda w, pure, skip, terminal: SimpleNamespace(
    width=w / 2, pure=pure, furniture="other" if skip else None, jump=None, byline_names=None, terminal=terminal),
    st.integers(8, 40), st.booleans(), st.integers(0, 5).map(lambda v: v == 0), st.booleans())


@given(st.lists(fake_line, max_size=120))
def test_layout_column_widths_match_sliding_windows(infos):
    assert measure.column_widths(infos) == _column_widths_sliding(infos)


@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=12), max_size=4),
       st.text(alphabet=ALPHABET, max_size=120))
def test_attach_overlap_text_matches_bigram_overlap(head_texts, lead):
    head = [SimpleNamespace(info=SimpleNamespace(text=t)) for t in head_texts]
    assert attach.overlap_text(head, lead) == attach.overlap(head, attach.bigrams(lead))


@given(st.integers(0, 9), st.integers(1, 500), st.integers(0, 10_000), st.integers(0, 60))
def test_model_fast_constructors_match_dataclasses(page, number, start, length):
    import dataclasses

    import pytest

    from banmian.model import Span, make_line, make_span
    line, plain = make_line(page, number, start, start + length), Line(page, number, start, start + length)
    assert (line, hash(line), repr(line)) == (plain, hash(plain), repr(plain))
    s, plain_span = make_span(page, start, start + length), Span(page, start, start + length)
    assert (s, hash(s), repr(s)) == (plain_span, hash(plain_span), repr(plain_span))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 0
    from banmian.model import Text, make_lines, make_text
    text, plain_text = make_text("乐山" * length, (s,)), Text("乐山" * length, (plain_span,))
    assert (text, hash(text), repr(text)) == (plain_text, hash(plain_text), repr(plain_text))
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.value = ""
    lines = make_lines(page, [start, start + length + 1], [start + length, start + 2 * length + 1])
    plain_lines = (Line(page, 1, start, start + length), Line(page, 2, start + length + 1, start + 2 * length + 1))
    assert [(x, hash(x), repr(x)) for x in lines] == [(x, hash(x), repr(x)) for x in plain_lines]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lines[0].number = 0
    from banmian.model import make_spans
    spans = make_spans(page, [start, start + length + 1], [start + length, start + 2 * length + 1])
    plain_spans = [Span(page, start, start + length), Span(page, start + length + 1, start + 2 * length + 1)]
    assert [(x, hash(x), repr(x)) for x in spans] == [(x, hash(x), repr(x)) for x in plain_spans]
    with pytest.raises(dataclasses.FrozenInstanceError):
        spans[0].end = 0


def _measured(lines):
    return [(page, normalize.measure_lines(page)) for page in pages_from_text("\n".join(lines))]


@given(st.lists(line_text, min_size=1, max_size=60))
def test_normalize_weighs_only_lines_that_may_be_furniture(lines):
    every_line = lambda texts: range(len(texts))  # noqa: E731
    every_start = lambda texts, out, starts, printed, plain=furniture._editor_tails: plain(  # noqa: E731
        texts, out, range(1, len(texts)), printed)
    for page, fast in _measured(lines):
        with mock.patch.object(normalize, "may_be_furniture_at", every_line), \
                mock.patch.object(furniture, "_editor_tails", every_start):
            slow = normalize.measure_lines(page)
        assert fast == slow


@given(st.lists(line_text, min_size=1, max_size=60))
def test_named_tuples_made_in_c_equal_their_constructors(lines):
    for _, infos in _measured(lines):
        assert all(type(x) is normalize.LineInfo and normalize.LineInfo(*x) == x for x in infos)
        labelled = layout.label_lines(infos)
        assert all(type(x) is layout.Labelled and layout.Labelled(*x) == x for x in labelled)


def _hist_mode_plain(hist: Counter) -> float:
    """measure._hist_mode as first written: the narrow widths always weighed for dropping."""
    best, best_n = 0.0, -1
    values = sorted([k for k, c in hist.items() if c > 0])
    wide = [v for v in values if v >= measure.MIN_COLUMN]
    if sum([hist[v] for v in wide]) >= 5:
        values = wide
    for v in values:
        n = hist[v - 0.5] + hist[v] + hist[v + 0.5] + hist[v + 1.0] + 0.5 * (
            hist[v - 2.5] + hist[v - 2.0] + hist[v - 1.5])
        if n >= best_n:
            best, best_n = v, n
    return best


@given(st.lists(st.integers(0, 60).map(lambda v: v / 2), max_size=30))
def test_layout_hist_mode_on_plain_dicts_matches_counter(widths):
    assert measure._count(widths) == Counter(widths)
    assert measure._hist_mode(measure._count(widths)) == _hist_mode_plain(Counter(widths))
    assert measure.mode_width(widths) == (_hist_mode_plain(Counter(widths)) if widths else 0.0)


@given(st.lists(line_text, min_size=1, max_size=60))
def test_layout_short_open_pairs_weighs_only_noted_lines(lines):
    plain = layout._short_open_pairs
    every_line = lambda infos, widths, labels, why, _: plain(infos, widths, labels, why,  # noqa: E731
                                                             range(len(infos) - 1))
    for _, infos in _measured(lines):
        fast = layout.label_lines(infos)
        with mock.patch.object(layout, "_short_open_pairs", every_line):
            assert layout.label_lines(infos) == fast


@given(st.lists(line_text, min_size=1, max_size=60), st.booleans())
def test_reflow_skips_lines_that_run_on(lines, headings):
    every_line = lambda lines: range(len(lines))  # noqa: E731
    for _, infos in _measured(lines):
        labelled = layout.label_lines(infos)
        if headings:  # numbered headings inside the body, as assemble leaves them
            labelled = [x._replace(label="heading") if x.info.numbered else x._replace(label="body")
                        for x in labelled]
        fast = reflow.reflow_paragraphs(labelled)
        with mock.patch.object(reflow, "_stops", every_line):
            assert reflow.reflow_paragraphs(labelled) == fast


@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 50), st.integers(0, 3)), max_size=12))
def test_build_merge_shortcut_matches_loop(raw):
    from banmian.model import Span
    from banmian.stages import build
    spans, pos = [], 0
    for page, gap, length in raw:
        spans.append(Span(page, pos + gap % 3, pos + gap % 3 + length))
        pos = spans[-1].end
    assert build._merge(spans) == build._merge_touching(spans)


def test_collector_paused_only_while_pages_are_parsed():
    import gc

    import pytest

    from banmian import LayoutError, parse_text, pipeline
    text = "本报讯（记者 张清）近日，记者从市商务局了解到情况。\n\n环境固本\n"
    plain = parse_text(text)
    seen = []
    run_page = pipeline.run_page

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return run_page(*args, **kwargs)

    assert gc.isenabled()
    with mock.patch.object(pipeline, "run_page", spy):
        assert parse_text(text) == plain
    assert seen == [False] and gc.isenabled()
    with mock.patch.object(pipeline, "run_page", side_effect=LayoutError("too slow")), \
            pytest.raises(LayoutError):
        parse_text(text)
    assert gc.isenabled()
    gc.disable()  # a caller's choice stays
    try:
        assert parse_text(text) == plain and not gc.isenabled()
    finally:
        gc.enable()


@given(st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=30), max_size=60), st.integers(0, 70))
def test_assemble_lead_slices_match_joined_lines(texts, start):
    from banmian.stages import merged
    lines = [SimpleNamespace(info=SimpleNamespace(text=t)) for t in texts]
    assert merged.leads_at(lines)(start) == merged.lead_text_at(lines, start)


@given(st.lists(line_text, min_size=1, max_size=40), st.randoms(use_true_random=False))
def test_serialize_span_lines_looked_up_by_start_match_search(lines, rnd):
    import bisect
    from dataclasses import replace

    from banmian.model import Span, Text
    from banmian.pipeline import run_issue
    from banmian.serialize import _Locator
    issue = run_issue(pages_from_text("\n".join(lines)))
    if not issue.pages:  # blank text: no page
        return
    shuffled = list(issue.pages[0].lines)
    rnd.shuffle(shuffled)  # lines out of offset order: only the search applies
    for pages in (issue.pages, (replace(issue.pages[0], lines=tuple(shuffled)),)):
        loc = _Locator(replace(issue, pages=pages))
        page = pages[0]
        starts = [ln.start for ln in page.lines]
        spans = tuple(Span(0, k, k + 1) for k in range(len(page.text) + 1))
        expected = [[page.number, page.lines[max(0, bisect.bisect_right(starts, s.start) - 1)].number, s.start, s.end]
                    for s in spans]
        assert loc.spans(Text("", spans)) == expected


@given(st.lists(line_text, min_size=1, max_size=40), st.booleans())
def test_pipeline_evolve_matches_dataclasses_replace(lines, trace):
    from dataclasses import replace

    from banmian import pipeline
    for page in pages_from_text("\n".join(lines)):
        fast = pipeline.run_page(page, trace=trace)
        with mock.patch.object(pipeline, "_evolve", replace):
            assert pipeline.run_page(page, trace=trace) == fast


@given(st.lists(line_text, min_size=1, max_size=40))
def test_interleave_counts_pieces_by_blank_lines(lines):
    from operator import attrgetter

    from banmian.stages import interleave
    for _, infos in _measured(lines):
        few = len(infos) < 3 or sum(map(attrgetter("blank_before"), infos[1:])) < 2
        assert few == (len(interleave.pieces_of(infos)) < 3)


@given(st.lists(line_text, min_size=1, max_size=40), st.sampled_from([None, "body"]))
def test_layout_hints_without_head_are_no_hints(lines, hint):
    for _, infos in _measured(lines):
        assert layout.label_lines(infos, hints=[hint] * len(infos)) == layout.label_lines(infos)


@given(st.text(alphabet=ALPHABET, max_size=40), st.sampled_from(["", "本报讯", "新华社北京2月1日电", "编者按：", "核心阅读"]))
def test_reflow_cues_opens_article_is_starts_article_without_a_next_line(text, prefix):
    s = prefix + text
    assert reflow_cues.opens_article(s) == reflow_cues.starts_article(s)


@given(st.text(alphabet=ALPHABET + "月日0123456789", max_size=30), st.text(alphabet=ALPHABET + "日电讯", max_size=8),
       st.sampled_from(["", "本报讯", "本报北京2月1", "新华社北京2月", "核心阅读"]))
def test_reflow_cues_may_open_never_rules_out_an_opening(text, following, prefix):
    """layout.label_lines asks opens_article only of the lines may_open lets through."""
    s = prefix + text
    assert reflow_cues.may_open([s])[0] or not reflow_cues.opens_article(s, following)


def _low_cohesion_plain(before: list[str], after: list[str]) -> float | None:
    """cohesion.low_cohesion as first written: each window's bigrams read afresh."""
    before, after = before[-cohesion.COHESION_LINES:], after[:cohesion.COHESION_LINES]
    size_b, size_a = sum(map(len, before)), sum(map(len, after))
    for k in (cohesion.COHESION_LINES // 4, cohesion.COHESION_LINES // 2):
        b = frozenset().union(*map(cohesion.line_bigrams, before[-k:]))
        a = frozenset().union(*map(cohesion.line_bigrams, after[:k]))
        part_b, part_a = sum(map(len, before[-k:])) or 1, sum(map(len, after[:k])) or 1
        if len(b & a) >= cohesion.COHESION_SHARE * min(len(b) * size_b / part_b, len(a) * size_a / part_a):
            return None
    coh = cohesion.cohesion(before, after)
    return coh if coh < cohesion.COHESION_SHARE else None


# (few characters, many lines: windows that share some bigrams, or none, or all)
_cohesion_lines = st.lists(st.text(alphabet="新华社北京电记者张清乐山日报核心阅读0123，。", min_size=1, max_size=20),
                           max_size=70)


@given(_cohesion_lines, _cohesion_lines, st.booleans())
def test_cohesion_low_cohesion_widens_windows_as_read_afresh(before, after, apart):
    if apart:  # two subjects: no character in common
        after = [t.translate(str.maketrans("新华社北京电记者", "甲乙丙丁戊己庚辛")) for t in after]
    assert cohesion.low_cohesion(before, after) == _low_cohesion_plain(before, after)


@given(st.text(alphabet=ALPHABET + "甲乙", max_size=40))
def test_attach_bigrams_by_lookahead_match_runs(text):
    import re
    from operator import add
    expected: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff0-9]+", text):
        expected.update(map(add, run, run[1:]))
    assert attach.bigrams.__wrapped__(text) == frozenset(expected)
