"""One body that holds two articles, drawn one headline-first and the next body-first:
"H_A B_A B_B H_B" reads as two bodies side by side between their headlines.  The body
is cut where the headline after it is echoed by a later paragraph's opening much
better than by the body's own (:func:`split_merged_bodies`), else where its subject
changes (:func:`_subject_cut`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate

from .attach import LEAD_CHARS, bigrams, overlap_text, share_in
from .draft import Draft
from .cohesion import COHESION_LINES, COHESION_SHARE, cohesion, line_bigrams, low_cohesion
from .evidence import past_closing_lines
from .headlines import KICKER_END, TITLE_TAG, is_subtitle, split_fields
from .layout import Labelled
from .row import lead_text_at


def leads_at(lines: list[Labelled]) -> Callable[[int], str]:
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
SCENE_LINES = 3  # a scene-setting opening paragraph this short may stand before the least cohesive point
CLOSING_LINES = 5  # ... and a closing one this short after it
CUT_ECHO = 0.2  # how much better the headline after echoes the part after the cut
APART_SHARE = 0.005  # ... unless the sides share under this share of their words
CLEAN_AFTER = 0.6  # ... and by this much, with the headline before echoing the part before
CLEAN_BEFORE = 0.3  # ... by this much more than the part after, the cut needs no change of subject
NEXT_ECHO = 0.5  # a headline echoing the next body's opening this well is not a merged article's
ORPHAN_LINES = 3  # a body this long is an article's, not a headline line read as text ("南方为何出现连阴雨？")
NEAR_ECHO = 0.5  # openings echoing a headline at least this share as well as the best are candidates


def _subject_cut(body: list[Labelled], before: list[Labelled], after: list[Labelled]) -> int | None:
    """Where a body between two headlines holds two articles whose headline after
    them does not echo the second one's opening (:func:`split_merged_bodies`), the
    second article starts at a paragraph where the subject changes: the text on the
    two sides shares almost no words (:func:`change_of_subject`), the headline after
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
        grams = _words(head)
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
    low: set[int] = set()  # the points where the subject changes
    clean: list[tuple[float, int, int]] = []
    for j in range(CUT_MIN_LINES, len(body) - CUT_MIN_LINES + 1):
        if not body[j - 1].info.strong_end:
            continue
        # the headlines' tests first: they are cheap and rule out nearly every paragraph
        a_first, a_second = head_after(starts[j])
        # (sides sharing no words are two articles however little the headline after echoes
        # the second: a portrait's title, "人生之桥 名为奋斗", over a text on a river's bridges)
        if a_second - a_first <= CUT_ECHO and not (
                a_second > a_first and (coh0 := low_cohesion(texts[:j], texts[j:], APART_SHARE)) is not None
                and coh0 < APART_SHARE):
            continue
        b_first, b_second = head_before(starts[j])
        if b_first >= b_second and (coh := low_cohesion(texts[:j], texts[j:])) is not None:
            low.add(j)
            if coh < best[0]:
                best = (coh, j)
        elif a_second - a_first >= CLEAN_AFTER and b_first - b_second >= CLEAN_BEFORE:
            # Each headline echoes its own side and hardly the other ("…访波兰前总统亚历山大·
            # 克瓦希涅夫斯基" after, the name nowhere before the point): a cut however much
            # two stories of one day share ("庆祝", "70周年")
            clean.append((a_second - a_first + b_first - b_second, -j, j))
    if best[1] is not None:
        j = _closing_end(texts, best[1], low)  # (a closing paragraph may end the first)
        return _scene_start(body, texts, j, low)  # (a scene-setting line may open the second)
    return None if not clean else _closing_end(texts, max(clean)[2], {c[2] for c in clean})


def _closing_end(texts: list[str], j: int, low: set[int]) -> int:
    """Where the article before a cut at line ``j`` ends: a short closing paragraph that
    sums it up ("正因为此，隆重纪念普罗斯普—汉尼尔矿井的关闭…") shares words with both sides
    where two stories meet, so the least cohesive point (or the first point the
    headlines tell apart) may fall before it.  The next such point within CLOSING_LINES
    ends the article instead, where the lines between echo the text before more than
    the text after; a document's closing lines end it too.  ``low``: the points that qualify."""
    j = past_closing_lines(texts, j)
    k = min((k for k in low if j < k <= j + CLOSING_LINES), default=j)
    return k if k > j and _echo_before(texts, j, k) else j


def _echo_before(texts: list[str], a: int, b: int) -> bool:
    """Do lines ``a``..``b`` echo the text before them more than the text after them (each
    COHESION_LINES lines, the words most texts share left out)?"""
    grams = frozenset().union(*map(line_bigrams, texts[a:b]))
    return share_in(grams, "".join(texts[max(0, a - COHESION_LINES):a])) > \
        share_in(grams, "".join(texts[b:b + COHESION_LINES]))


def _scene_start(body: list[Labelled], texts: list[str], j: int, low: set[int] | None = None) -> int:
    """Where the article that a cut at line ``j`` starts begins: a short opening paragraph
    that sets the scene ("2月26日上午，北京，人民大会堂。") shares a word or two with any
    text, so the point where the subject changes least cohesively may fall after it.  An
    earlier point within SCENE_LINES where the subject changes too starts the article,
    unless the lines between close the text before (they echo it more than the text
    after: "1989年11月12日，茅以升在北京病逝，终年94岁。").  ``low``: the points already
    known to change the subject."""
    while True:
        earlier = [k for k in range(max(CUT_MIN_LINES, j - SCENE_LINES), j) if past_closing_lines(texts, k) == k
                   and (k in low if low is not None else
                        body[k - 1].info.strong_end and low_cohesion(texts[:k], texts[k:]) is not None)]
        if not earlier:
            return j
        k = min(earlier)
        if _echo_before(texts, k, j):
            return j
        j = k


def split_merged_bodies(drafts: list[Draft], blocks: list[list[Labelled]]
                         ) -> tuple[list[Draft], list[list[Labelled]]]:
    """Two articles drawn one headline-first, the next body-first leave two bodies
    side by side between their headlines ("H_A B_A B_B H_B").  Where the headline
    after a body echoes a later paragraph's opening much better than the body's
    own opening, and the headline before it matches that opening, the body is cut
    at that paragraph.  The second may jump to another page, its marker between
    its text and its headline ("B_A B_B （下转第2版） H_B"): the jump goes with it."""
    out_d: list[Draft] = []
    out_b: list[list[Labelled]] = [blocks[0]]
    rest: list[Labelled] | None = None  # what of the block before is the next body's, after a cut
    for i, d in enumerate(drafts):
        before, after = (blocks[i] if rest is None else rest), blocks[i + 1]
        rest = None
        cut = None
        # A continuation ("上接…") has no headline of its own: the body drawn after
        # it, with its headline after that, is another article.
        owned = before or d.continued_from is not None
        # A one-line headline that is the only one the next body can have (none is printed
        # after that body: the page ends under it) is that body's: taken for a second article
        # here it would leave that body headless.  (A body a stand-alone byline opens may be
        # signed under a headline printed after the body before it; a block of two lines may
        # hold two headlines, "疾风劲草…" over "绿色星星（遇见）", this body's second
        # article's and the next body's.)
        nxt = drafts[i + 1] if i + 1 < len(drafts) else None
        orphans = (len(after) == 1 and nxt is not None and not blocks[i + 2] and nxt.continued_from is None
                   and len(nxt.body) >= ORPHAN_LINES and not nxt.byline)
        if owned and after and len(d.body) >= 8 and not orphans:
            if len(before) > 1:
                before = _own_part(before, lead_text_at(d.body, 0))
            nxt_lead = lead_text_at(drafts[i + 1].body, 0) if i + 1 < len(drafts) else ""
            # The block after the body may hold two headlines, this body's second
            # article's and the next body's: a title ends with its column tag
            # ("给本土选手更多掌 / 声（体坛观澜） / 云南香格里拉独克 / …").  The whole
            # block is weighed first, then each part of it that ends so.
            for head_b in [after, *_tagged_heads(after), *_field_heads(after, nxt_lead)]:
                cut = _merged_cut(d, before, head_b, nxt_lead)
                if cut is not None:
                    # (the part of the block after the second article's headline is the
                    # next body's, and is weighed as its headline before it)
                    rest = after[len(head_b):] or None
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


def _own_part(block: list[Labelled], lead: str) -> list[Labelled]:
    """The part of the headline block before a body that is the body's own: the block
    may end the article before too, its headline printed after its body ("…人社部民政部
    颁新规—— / 养老护理员不看学历看能力 / 万向集团公司董事长鲁伟鼎—— / “跳出小我…”"), and
    its words would drown the echo of the body's own.  Of the block's tails at field
    boundaries, the one echoing the body's opening best (the whole block on a tie); a
    kicker ("…颁新规——") stays with the title after it."""
    best, start = overlap_text(block, lead), 0
    if best >= FIELD_ECHO:
        return block  # (the whole block echoes the body well: no part of it is another's)
    cuts = [k for k in _field_bounds(block) if not KICKER_END.search(block[k - 1].info.text)]
    for k in cuts:
        v = overlap_text(block[k:], lead)
        if v > best:
            best, start = v, k
    return block[start:]


def _tagged_heads(block: list[Labelled]) -> list[list[Labelled]]:
    """The parts of a headline block that end with a title's column tag, short of the
    whole block."""
    return [block[:k + 1] for k in range(len(block) - 1)
            if TITLE_TAG.search(block[k].info.text) and block[k].info.text[0] not in "（("
            and not is_subtitle(block[k + 1].info.text)]  # "——…" under a tagged title is its own


FIELD_ECHO = 0.5  # the rest of a block echoes the next body's opening this well


def _field_heads(block: list[Labelled], nxt_lead: str) -> list[list[Labelled]]:
    """The block's first headline fields, short of the whole block, where the fields
    after them echo the next body's opening: two titles wrapped alike, one over the
    other ("全市上半年新增城 / 镇就业2.3万人 / 全市中小学生暑期安 / 全教育活动启动").  (A
    kicker over its own title echoes its article too, but the title is no next one's.)"""
    # (the lines whose rest echoes first: the fields are grouped only where one does)
    echoing = {k for k in range(1, len(block)) if overlap_text(block[k:], nxt_lead) >= FIELD_ECHO} if nxt_lead else ()
    if not echoing:
        return []
    return [block[:k] for k in _field_bounds(block) if k in echoing]


def _field_bounds(block: list[Labelled]) -> list[int]:
    """Where one headline field of ``block`` ends and the next begins (:func:`split_fields`)."""
    return list(accumulate(len(f) for f in split_fields(block)))[:-1]


def _words(head: list[Labelled]) -> frozenset[str]:
    """A headline's bigrams without its column tag, which names the column, not the story:
    a long tag ("（民生观察·聚焦城市治理新举措）") would drown the echo of a short title's
    words in its body."""
    text = "".join([x.info.text for x in head])
    m = TITLE_TAG.search(text)
    return bigrams(text[:m.start()] if m and m.start() else text)


def _sentence_at(texts: list[str], j: int) -> str:
    """The lines from ``j`` to the first that ends a sentence: an opening's first sentence."""
    out = []
    for t in texts[j:j + COHESION_LINES]:
        out.append(t)
        if t[-1:] in "。！？”":
            break
    return "".join(out)


def _opening_echoes(body: list[Labelled], lead_at: Callable[[int], str], full: frozenset[str],
                    words: frozenset[str]) -> dict[int, float]:
    """How well each paragraph opening's lead (:func:`leads_at`) echoes a headline's
    bigrams (``full``, and ``words``: without its column tag), by the opening's line."""
    # (the bigrams are made once and looked up in each lead)
    return {j: max(share_in(full, lead), share_in(words, lead))
            for j in range(3, len(body) - 2) if body[j - 1].info.strong_end and (lead := lead_at(j))}


def _merged_cut(d: Draft, before: list[Labelled], after: list[Labelled], nxt_lead: str = "") -> int | None:
    """Where body ``d`` holds two articles and ``after`` is the second one's headline
    (:func:`split_merged_bodies`), the line the second one starts at.  ``nxt_lead``:
    the opening of the body after the block, whose headline it may be instead."""
    # Every paragraph opening is tried: the headlines' bigrams are looked up
    # in each opening's text (overlap_text), no opening's bigrams are built.
    lead_at = leads_at(d.body)
    # The echo is read with the title's column tag and without it, the better of the two:
    # a tag may name the subject too ("第一条地铁 / …（新中国的“第一”·交通篇）").
    head = "".join([x.info.text for x in after])
    full, words = bigrams(head), _words(after)
    # A title that quotes someone ("“真诚祝福中国和中国人民”") echoes wherever the quotation
    # stands in its article, the closing lines as often as the opening: where its echo
    # is, says nothing.
    core = head[:m.start()] if (m := TITLE_TAG.search(head)) and m.start() else head
    quoted = core[:1] == "“" and core[-1:] == "”" and core.count("“") == 1
    start = lead_at(0)
    base_b = overlap_text(after, start)
    echoed = not quoted and (overlap_text(before, start) >= max(base_b, 0.2) if before else base_b < 0.3)
    scores: dict[int, float] = {}
    if not quoted and not echoed and base_b >= 0.5:
        # The body's opening lead runs LEAD_CHARS, into a second article when the first is
        # short (three paragraphs of local news), so the headline after seems to echo it:
        # the opening is weighed again on its text up to the opening that echoes best.
        scores = _opening_echoes(d.body, lead_at, full, words)
        if (best_j := max(scores, key=scores.__getitem__, default=0)) and scores[best_j] >= 0.5:
            start = "".join([x.info.text for x in d.body[:best_j]])[:LEAD_CHARS]
            base_b = overlap_text(after, start)
            echoed = overlap_text(before, start) >= max(base_b, 0.2) if before else base_b < 0.3
    whole = "".join([x.info.text for x in d.body]) if echoed else ""
    if echoed and max(share_in(full, whole), share_in(words, whole)) >= 0.5:
        scores = scores or _opening_echoes(d.body, lead_at, full, words)
        top = max(scores.values(), default=0.0)
        best_j = max(scores, key=scores.__getitem__, default=0)
        # (the echo is weighed against the text before the best opening too: the opening
        # lead may run into the second article)
        before_b = share_in(full, "".join([x.info.text for x in d.body[:best_j]])[:LEAD_CHARS]) if best_j else base_b
        if nxt_lead and max(share_in(full, nxt_lead), share_in(words, nxt_lead)) >= NEXT_ECHO:
            # A headline echoes the body it is printed before as well: it is that body's
            # (a long article's late paragraph may name the next story's event, "…出席
            # 城际铁路正式开通仪式" over "城际铁路正式开通运营" / "本报讯（记者…）…").
            return None
        if top >= 0.5 and top >= min(base_b, before_b) + 0.3:
            # A short headline is echoed as well by every opening whose lead reaches
            # into its article (a lead runs LEAD_CHARS, across paragraphs), and an
            # article's own first paragraph may not name it at all (a commentary's
            # opening maxim before the news it comments on): of the openings that
            # echo it at least half as well as the best, the cut is where the subject
            # changes.
            near = [j for j, v in scores.items() if v >= top * NEAR_ECHO]
            texts = [x.info.text for x in d.body]
            # (short texts, local news of three paragraphs, share next to no words even
            # within one article: where two openings tie, the one whose own sentence
            # echoes the headline more starts it, "10月14日，市长…主持召开市政府第四十
            # 二次常务会议" under "市政府召开第四十二次常务会议")
            cut = near[0] if len(near) == 1 else min(
                near, key=lambda j: (cohesion(texts[:j], texts[j:]), -share_in(full, _sentence_at(texts, j))))
            # An article's own opening may not name its headline at all (a piece opening on a
            # film before its writer's own story): a paragraph before the echo where the
            # subject changes starts it, the part between holding to the part after
            earlier = [(coh, j) for j in range(CUT_MIN_LINES, cut) if d.body[j - 1].info.strong_end
                       and (coh := low_cohesion(texts[:j], texts[j:])) is not None
                       and low_cohesion(texts[j:cut], texts[cut:]) is None]
            if earlier:
                return min(earlier)[1]
            # (a closing paragraph the next echoing opening leaves before it may end the first)
            return _scene_start(d.body, texts, _closing_end(texts, cut, set(near)))
    return _subject_cut(d.body, before, after) if len(d.body) >= 2 * CUT_MIN_LINES else None
