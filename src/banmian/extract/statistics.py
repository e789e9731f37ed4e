"""Statistics: text + quantities + dates -> :class:`~banmian.extract.facts.Statistic` tuples.

A statistic is a figure reported for a named metric: ``{metric, breakdown,
value, unit, period, yoy_pct, rank, share_pct, share_of}``.  Read sentence by
sentence:

* "我市网络交易额实现306.22亿元，同比增长14.16%，位居全省第5位" -- metric before
  the figure, growth and rank attached to it;
* "A、B和C分别实现网络零售额V1、V2和V3，占比分别为P1、P2和P3" -- lists aligned
  item by item (breakdown = A, B, C);
* "工业增加值同比增长6.1%" -- a growth rate with no level (``value=None``);
* "从2012年底的9899万人减少到2018年底的1660万人" -- two figures of one metric.

The period comes from a date printed before the figure ("2012年底的"), else the
sentence's period ("1至5月"), else the last period named earlier in the article.
A topic clause ("实物型网络零售中，") narrows a metric that it overlaps
(网络零售额 -> 实物型网络零售额).  Relations between figures (parts of a whole,
shares of a metric) are returned for :mod:`banmian.extract.audits`.

>>> from datetime import date
>>> stats, _ = find_statistics("今年1至5月，我市网络交易额实现306.22亿元，同比增长14.16%，位居全省第5位。", date(2024, 7, 9))
>>> s = stats[0]
>>> (s.metric, s.value, s.unit, s.period, s.yoy_pct, s.rank.scope, s.rank.position)
('网络交易额', 30622000000, '元', '2024-01/2024-05', 14.16, '全省', 5)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .dates import find_dates
from .facts import DateFact, Field, Loc, Quantity, Rank, Statistic
from .metrics import LEAD_SCOPE, clean_metric, metric_ok, refine_metric
from .numbers import find_quantities, find_ranks, in_quotes

_SENT_RE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE_BREAK = "，,：:"
_YOY_RE = re.compile(
    r"(?:同比|环比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|比去年|较上年|较去年|与上年相比|与去年相比|较上年末|比上年末)?"
    r"(?:名义|实际)?(?:分别)?(?P<verb>增长|增加|上升|上涨|提高|提升|增|涨|下降|减少|降低|回落|下滑|下跌|降|减|跌)了?(?:约|近)?$"
)
_NEGATIVE = ("下降", "减少", "降低", "回落", "下滑", "下跌", "降", "减", "跌", "降幅", "跌幅")
# "增速接近10%", "降幅为3%": a growth rate named as a noun
_RATE_RE = re.compile(r"(?P<verb>增速|增幅|涨幅|降幅|跌幅)(?:分别)?(?:为|达|达到|接近|约|超过|是|在)*$")
_SHARE_RE = re.compile(r"(?:在(?P<scope>[^，。]{1,8}?))?(?:占比重?|占(?P<of>[^，。]{0,14}?)(?:的)?(?:比重|比例)|所占比重|"
                       r"占(?!比)(?P<of2>[^，。由从]{1,14}?)的?|占)"
                       r"(?:分别)?(?:目前|已经|已|稳定在|保持在|达到|达|为|是|约|近|超过|接近)*$")
# A figure under a modal verb is a requirement or a plan, not a reported value.
_MODAL = re.compile(r"不能|不得|不应|应当|应该|必须|力争|计划|预计|争取|将要|要求|有望|目标")
_THRESHOLD_METRIC = re.compile(r"^.{1,8}(?:及以上|及以下|以上|以下)$")
_MID_VERB = re.compile(r"(?:实现|完成|达到|拥有|录得)")
_TOPIC_RE = re.compile(r"^(?:在)?(?P<t>[^，。、]{2,16}?)(?:中|方面|里|当中)$")
_LIST_SEP = re.compile(r"[、]|(?:和|及|以及|与)")
_ITEM_END = re.compile(r"(?:分别|居|位居|位列|实现|完成|为|占|的|均|同比|共|合计|累计|达到|达|排在|排名|列)")
_RANGE_FROM = re.compile(r"(?:从|由)(?:[^，。]{0,14}?的)?$")
_RANGE_TO = re.compile(r"^(?:增加|减少|下降|上升|提高|提升|降低|增长|扩大|缩小|压减|压缩|锐减|骤降|猛增|激增|减|增|降|升)?"
                       r"(?:到|至|为)(?:[^，。]{0,14}?的)?$")
_EXCLUDED_PERIOD_BEFORE = ("比", "较", "同", "到", "至", "于")
_STAT_KINDS = frozenset({"money", "count", "measure", "percent", "number"})
# What may follow a reported figure; a noun instead means the figure counts that
# noun ("拥有6条生产线", "帮助100万贫困人口"): a quantity, not a statistic of a metric.
_NEXT_OK = frozenset("的同比较增下降减占位居左以余多及和与、，,。；;：:）)”」！？\n 」已均全都也还将被并则即为是约共计在由从创")
_RANGE_NEXT = re.compile(r"(?:增加|减少|下降|上升|提高|提升|降低|增长|扩大|缩小|压减|压缩|锐减|骤降|猛增|激增|减|增|降|升)?(?:到|至)")
_NOT_STAT_UNITS = frozenset({"年", "倍", "岁", "天", "个月", "小时", "分钟", "秒", "周", "届", "期", "次", "轮"})


@dataclass(frozen=True, slots=True)
class Relation:
    """How figures relate: ``parts`` of ``whole`` (indices into the statistics).

    ``kind``: ``sum`` (the parts make up the whole), ``bound`` (some parts of it),
    ``part`` ("其中"), ``shares`` (a list whose printed shares should not pass 100%).
    ``whole`` is -1 when it has to be looked up by metric (``whole_metric``).
    """

    kind: str
    parts: tuple[int, ...]
    whole_metric: str
    whole: int = -1


@dataclass(slots=True)
class _Draft:
    metric: str
    q: Quantity | None
    loc_start: int
    breakdown: str | None = None
    period: str | None = None
    yoy: float | None = None
    yoy_end: int = -1
    rank: Rank | None = None
    share: Quantity | None = None
    share_of: str | None = None
    end: int = 0


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence (split at 。！？； and newlines).

    >>> sentences("甲。乙；丙")
    [(0, 2), (2, 4), (4, 5)]
    """
    return [m.span() for m in _SENT_RE.finditer(text)]


def _clause_start(text: str, lo: int, pos: int) -> int:
    j = pos
    while j > lo and text[j - 1] not in _CLAUSE_BREAK:
        j -= 1
    return j


def _period_dates(dates: list[DateFact], text: str) -> list[DateFact]:
    """Dates that can be the period of a figure (not "比去年", not deadlines "到2027年")."""
    out = []
    for d in dates:
        if d.value is None or d.kind == "relative":
            continue
        before = text[max(0, d.loc.start - 1):d.loc.start]
        as_of = text[max(0, d.loc.start - 2):d.loc.start] in ("截至", "截止")
        after = text[d.loc.end:d.loc.end + 2]
        if (before in _EXCLUDED_PERIOD_BEFORE and not as_of) or after.startswith("同期"):
            continue
        # a day is a period only for stocks: "截至2月14日，…", "9月末", "2018年12月31日的…"
        if d.kind == "date" and not as_of and not d.text.endswith(("底", "末")) and not after.startswith("的"):
            continue
        out.append(d)
    return out


def find_statistics(text: str, issue_date: date | None = None, *, field: Field = "body",
                    quantities: list[Quantity] | None = None, dates: list[DateFact] | None = None,
                    ranks: list[tuple[Rank, Loc]] | None = None, period: str | None = None,
                    exclude: frozenset[tuple[int, int]] = frozenset()) -> tuple[list[Statistic], list[Relation]]:
    """Statistics in ``text`` and the relations between them (for audits).

    ``period`` is the period in force before the text starts (e.g. from the title);
    ``exclude`` holds spans of figures that are not reported values (targets).

    >>> from datetime import date
    >>> t = "食品保健、家装家饰和玩乐收藏分别实现网络零售额29.37亿元、5.05亿元和4.65亿元，占比分别为55.58%、9.55%和8.79%。"
    >>> [(s.breakdown, s.value, s.share_pct) for s in find_statistics(t, date(2024, 7, 9))[0]]
    [('食品保健', 2937000000, 55.58), ('家装家饰', 505000000, 9.55), ('玩乐收藏', 465000000, 8.79)]
    """
    quantities = find_quantities(text, field) if quantities is None else quantities
    quantities = [q for q in quantities if (q.loc.start, q.loc.end) not in exclude and not in_quotes(text, q.loc.start)]
    dates = find_dates(text, issue_date, field) if dates is None else dates
    ranks = find_ranks(text, field) if ranks is None else ranks
    pdates = _period_dates(dates, text)
    stats: list[Statistic] = []
    relations: list[Relation] = []
    prev_sentence_stats: list[int] = []
    qi = di = 0  # quantities and dates are in text order: walk them alongside the sentences
    for s0, s1 in sentences(text):
        q0 = qi
        while qi < len(quantities) and quantities[qi].loc.start < s1:
            qi += 1
        d0 = di
        while di < len(pdates) and pdates[di].loc.start < s1:
            di += 1
        if q0 == qi and d0 == di:
            continue
        qs = [q for q in quantities[q0:qi] if q.loc.start >= s0]
        sd = [d for d in pdates[d0:di] if d.loc.start >= s0]
        figures = [q for q in qs if q.unit not in _NOT_STAT_UNITS]  # "经过三个月的…，截至1月末，" still sets 1月末
        lead = [d for d in sd if not figures or d.loc.start < figures[0].loc.start]
        if lead:  # the most specific period named before the first figure ("2019年春节（2月4日至10日）")
            period = lead[-1].value
        if not qs:
            continue
        sent_ranks = [r for r in ranks if s0 <= r[1].start < s1] if ranks else []
        drafts, rels = _sentence(text, s0, s1, qs, sent_ranks, sd, period)
        base = len(stats)
        new = [_finish(d, field) for d in drafts]
        stats.extend(new)
        for r in rels:
            relations.append(replace(r, parts=tuple(base + i for i in r.parts)))
        if new and text[s0:s1].lstrip().startswith("其中") and len(prev_sentence_stats) == 1:
            w = prev_sentence_stats[0]
            relations.append(Relation("part", tuple(base + i for i in range(len(new))
                                                    if new[i].unit == stats[w].unit and not new[i].breakdown),
                                      stats[w].metric, w))
        prev_sentence_stats = [base + i for i in range(len(new)) if new[i].value is not None and not new[i].breakdown]
    return stats, [r for r in relations if r.parts]


def _finish(d: _Draft, field: Field) -> Statistic:
    q = d.q
    share = d.share
    share_step = 0.01
    if share is not None:
        txt = share.text.rstrip("%％")
        share_step = 10.0 ** -(len(txt.split(".")[1]) if "." in txt else 0)
    if q is None:
        return Statistic(d.metric, None, None, "", Loc(d.loc_start, max(d.end, d.loc_start), field),
                         d.breakdown, d.period, d.yoy, d.rank, share.value if share else None, d.share_of,
                         1.0, share_step)
    return Statistic(d.metric, q.value, q.unit, q.text, Loc(d.loc_start, max(d.end, q.loc.end), field),
                     d.breakdown, d.period, d.yoy, d.rank, float(share.value) if share else None,
                     d.share_of, q.step, share_step)


def _sentence(text: str, s0: int, s1: int, qs: list[Quantity], ranks: list[tuple[Rank, Loc]],
              sdates: list[DateFact], period: str | None) -> tuple[list[_Draft], list[Relation]]:
    topic = _topic(text, s0, s1)
    roles: dict[int, str] = {}
    signs: dict[int, int] = {}
    for i, q in enumerate(qs):
        lo = _clause_start(text, s0, q.loc.start)
        before = text[lo:q.loc.start]
        if i and text[qs[i - 1].loc.end:q.loc.start] in ("、", "和", "及", "与", "以及") and qs[i - 1].kind == q.kind:
            roles[i] = roles[i - 1]  # later items of a list share the first item's role
            signs[i] = signs.get(i - 1, 1)
            continue
        ym = _YOY_RE.search(before) or _RATE_RE.search(before)
        if q.kind in ("percent", "pp") and ym and not before.endswith(("至", "到")):
            roles[i] = "yoy"
            signs[i] = -1 if ym.group("verb") in _NEGATIVE else 1
        elif q.kind == "percent" and _SHARE_RE.search(before):
            roles[i] = "share"
        elif q.kind == "pp" or q.unit in _NOT_STAT_UNITS or q.kind not in _STAT_KINDS:
            roles[i] = "skip"
        elif q.loc.end < len(text) and text[q.loc.end] not in _NEXT_OK and "\u4e00" <= text[q.loc.end] <= "\u9fff" \
                and not _RANGE_NEXT.match(text, q.loc.end):
            roles[i] = "skip"
        elif q.kind in ("count", "measure", "percent", "number") and text[q.loc.end:q.loc.end + 1] == "的":
            roles[i] = "skip"  # "52.3公里的长江岸线", "抽查20%的县": the figure describes what follows
        elif _MODAL.search(before):
            roles[i] = "skip"
        else:
            roles[i] = "value"
        if re.match(r"[—\-～~至到][0-9０-９]", text[q.loc.end:q.loc.end + 2]) or (
                q.loc.start >= 2 and re.match(r"[0-9０-９%％][—\-～~]", text[q.loc.start - 2:q.loc.start])):
            roles[i] = "skip"  # "20%—30%": a range, not one figure
        if i + 1 < len(qs) and qs[i + 1].loc.start == q.loc.end:
            roles[i] = "skip"  # "5000亩以上13户": the first figure qualifies the second
    groups = _groups(text, qs, roles)
    drafts: list[_Draft] = []
    rels: list[Relation] = []
    grouped: set[int] = set()
    share_groups = [g for g in groups if roles[g[0]] == "share"]
    for g in groups:
        if roles[g[0]] != "value":
            continue
        made = _list_stats(text, s0, s1, qs, g, topic, share_groups, sdates, period)
        if made is None:
            continue
        items, rel = made
        first = len(drafts)
        drafts.extend(items)
        grouped.update(g)
        for sg in share_groups:
            if len(sg) == len(g) and qs[sg[0]].loc.start > qs[g[-1]].loc.start:
                grouped.update(sg)
        rels.append(Relation(rel, tuple(range(first, len(drafts))), items[0].metric))
    last: _Draft | None = None
    for i, q in enumerate(qs):
        if i in grouped or roles[i] == "skip":
            continue
        role = roles[i]
        lo = _clause_start(text, s0, q.loc.start)
        if role == "value":
            d = _single(text, s0, lo, q, qs, i, drafts, topic, sdates, period, roles)
            if d is not None:
                drafts.append(d)
                last = d
            continue
        target = last if last is not None and q.loc.start - last.end < 40 else None
        if role == "yoy":
            sign = signs.get(i, 1)
            if q.kind != "percent":
                continue
            group = next((g for g in groups if g[0] == i), None)
            if group is not None and _yoy_list(text, s0, lo, qs, group, drafts, signs, topic, sdates, period):
                grouped.update(group)
                last = drafts[-1] if drafts else last
                continue
            if target is not None and target.yoy is None and target.q is not None:
                target.yoy, target.end = sign * float(q.value), q.loc.end
                continue
            rate = _YOY_RE.search(text[lo:q.loc.start]) or _RATE_RE.search(text[lo:q.loc.start])
            if rate is None:  # a later item of a list whose head was not a figure of ours
                continue
            metric = clean_metric(_strip_dates(text, lo, lo + rate.start(), sdates))
            metric = refine_metric(metric, topic)
            if metric_ok(metric):
                d = _Draft(metric, None, lo + max(0, text[lo:q.loc.start].find(metric)),
                           period=_local_period(text, lo, q.loc.start, sdates) or period,
                           yoy=sign * float(q.value), end=q.loc.end)
                drafts.append(d)
                last = d
        elif role == "share":
            m = _SHARE_RE.search(text[lo:q.loc.start])
            subject = clean_metric(text[lo:lo + m.start()]) if m else ""
            if metric_ok(subject) and (target is None or subject != target.metric):
                # "其中4G基站总数占64.2%": a share of its own subject, of the figure before it
                d = _Draft(subject, None, lo + text[lo:q.loc.start].find(subject), share=q,
                           share_of=_share_of(m, target.metric if target else None), period=period, end=q.loc.end)
                drafts.append(d)
                continue
            if target is not None and target.share is None:
                target.share, target.end = q, q.loc.end
                target.share_of = _share_of(m, target.metric)
            else:
                metric = clean_metric(text[lo:lo + m.start()] if m else "")
                if metric_ok(metric):
                    d = _Draft(metric, None, lo, share=q, share_of=_share_of(m, None),
                               period=period, end=q.loc.end)
                    drafts.append(d)
                    last = d
    for rank, loc in ranks:
        cands = [d for d in drafts if d.end <= loc.start and d.rank is None and loc.start - d.end < 30]
        if cands:
            cands[-1].rank = rank
            cands[-1].end = max(cands[-1].end, loc.end)
    if topic and len(drafts) >= 2:
        parts = tuple(i for i, d in enumerate(drafts)
                      if d.breakdown is None and d.q is not None and d.metric != topic and d.metric.endswith(topic))
        if len(parts) >= 2:
            rels.append(Relation("sum", parts, topic if topic.endswith(("额", "量", "数", "值")) else drafts[parts[0]].metric[-len(topic):]))
    return drafts, rels


def _share_of(m: re.Match[str] | None, metric: str | None) -> str | None:
    named = m.group("of") or m.group("of2") if m is not None else None
    if named:
        of = clean_metric(re.sub(r"^(?:全市|全省|全国|全区|全县|全球)", "", named))
        if metric_ok(of):
            return of
    return metric


def _strip_dates(text: str, lo: int, hi: int, dates: list[DateFact]) -> str:
    """``text[lo:hi]`` without the dates printed in it ("9月规上工业增加值" -> "规上工业增加值")."""
    seg = text[lo:hi]
    for d in sorted(dates, key=lambda d: -d.loc.start):
        if lo <= d.loc.start and d.loc.end <= hi:
            seg = seg[:d.loc.start - lo] + seg[d.loc.end - lo:]
    return seg


def _yoy_list(text: str, s0: int, lo: int, qs: list[Quantity], group: list[int], drafts: list[_Draft],
              signs: dict[int, int], topic: str | None, sdates: list[DateFact], period: str | None) -> bool:
    """Growth rates listed with 分别: "…11.1万班，…1258.6万人次，同比分别增长6%、10.6%" aligns them
    with the figures before; "民营和中小工业企业增加值分别增长8%和7.1%" splits the metric."""
    first = qs[group[0]]
    fb = text.rfind("分别", lo, first.loc.start)
    if fb < 0:
        return False
    n = len(group)
    open_ = [d for d in drafts if d.q is not None and d.yoy is None and d.end <= first.loc.start]
    if len(open_) >= n:
        for d, qi in zip(open_[-n:], group):
            d.yoy, d.end = signs.get(qi, 1) * float(qs[qi].value), qs[qi].loc.end
        return True
    phrase = clean_metric(_strip_dates(text, lo, fb, sdates))
    parts = re.split(r"、|和|及|与", phrase)
    if len(parts) != n or not all(parts[:-1]):
        return False
    size = round(sum(len(p) for p in parts[:-1]) / (n - 1))
    head = parts[-1][size:]
    if len(head) < 2 or not metric_ok(head):
        return False
    items = [*parts[:-1], parts[-1][:size]]
    for item, qi in zip(items, group):
        q = qs[qi]
        drafts.append(_Draft(refine_metric(head, topic), None, lo, breakdown=item, period=period,
                             yoy=signs.get(qi, 1) * float(q.value), end=q.loc.end))
    return True


def _topic(text: str, s0: int, s1: int) -> str | None:
    """A sentence's topic clause: "在网络零售额中，" / "实物型网络零售中，" / "…方面，"."""
    pos = s0
    for _ in range(3):
        e = pos
        while e < s1 and text[e] not in _CLAUSE_BREAK:
            e += 1
        clause = text[pos:e].strip()
        m = _TOPIC_RE.match(clause)
        if m and not re.search(r"\d", clause):
            t = LEAD_SCOPE.sub("", m.group("t"))
            return t if len(t) >= 2 and not t.startswith(("分", "其")) else None
        pos = e + 1
        if pos >= s1:
            break
    return None


def _groups(text: str, qs: list[Quantity], roles: dict[int, str]) -> list[list[int]]:
    """Runs of figures of one role joined only by 、/和/及 ("29.37亿元、5.05亿元和4.65亿元")."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, q in enumerate(qs):
        if cur:
            prev = qs[cur[-1]]
            gap = text[prev.loc.end:q.loc.start]
            if roles[i] == roles[cur[-1]] and gap in ("、", "和", "及", "与", "以及", "，") and (gap != "，" or False):
                cur.append(i)
                continue
            if len(cur) >= 2:
                out.append(cur)
        cur = [i]
    if len(cur) >= 2:
        out.append(cur)
    return out


def _list_stats(text: str, s0: int, s1: int, qs: list[Quantity], g: list[int], topic: str | None,
                share_groups: list[list[int]], sdates: list[DateFact],
                period: str | None) -> tuple[list[_Draft], str] | None:
    """Statistics for a 分别 list; ``None`` when the list has no items to align with."""
    first = qs[g[0]]
    fb = text.rfind("分别", s0, first.loc.start)
    if fb < 0:
        return None
    lo = _clause_start(text, s0, first.loc.start)
    after = text[fb + 2:first.loc.start]
    after = re.sub(r"^(?:实现|完成|达到|达|为|是|有|占)", "", after)
    metric_after = clean_metric(after)
    items, before_metric, exhaustive = _items(text, s0, fb, len(g))
    metric = metric_after if metric_ok(metric_after) else clean_metric(before_metric)
    if not metric_ok(metric):
        return None
    metric = refine_metric(metric, topic)
    sp = _local_period(text, lo, first.loc.start, sdates) or period
    drafts = []
    for k, qi in enumerate(g):
        q = qs[qi]
        d = _Draft(metric, q, q.loc.start if k else min(fb, q.loc.start), breakdown=items[k] if items else None,
                   period=sp, end=q.loc.end)
        drafts.append(d)
    for sg in share_groups:
        if len(sg) == len(g) and qs[sg[0]].loc.start > qs[g[-1]].loc.start:
            lo2 = _clause_start(text, s0, qs[sg[0]].loc.start)
            m = _SHARE_RE.search(text[lo2:qs[sg[0]].loc.start])
            for d, si in zip(drafts, sg):
                d.share, d.share_of, d.end = qs[si], _share_of(m, metric), qs[si].loc.end
            break
    if not items:
        return drafts, "shares"
    return drafts, "sum" if exhaustive else "bound"


def _items(text: str, s0: int, fb: int, n: int) -> tuple[list[str] | None, str, bool]:
    """The ``n`` listed items before 分别 at ``fb``; the text between them and 分别;
    whether the list claims to be complete (no 前三 / 等)."""
    pos = fb
    for _ in range(3):  # the items may sit one or two clauses back
        lo = _clause_start(text, s0, pos)
        seg = text[lo:pos]
        m = _split_items(seg, n)
        if m is not None:
            items, tail = m
            rest = text[fb:fb + 200]
            # ("|$" always matches)
            rest = rest[:re.search(r"[。！？；\n]|$", rest).start()]  # type: ignore[union-attr]
            complete = not re.search(r"前[二三四五六七八九十\d]|等", seg + rest)
            return items, tail, complete
        if lo <= s0:
            break
        pos = lo - 1
    return None, text[_clause_start(text, s0, fb):fb], False


def _split_items(seg: str, n: int) -> tuple[list[str], str] | None:
    seg = LEAD_SCOPE.sub("", seg.strip())
    parts = seg.split("、")
    if len(parts) < 2 and n > 2:
        return None
    last = parts[-1]
    m = re.search(r"(?:以及|和|及|与)", last)
    if m:
        parts[-1:] = [last[:m.start()], last[m.end():]]
    if len(parts) != n:
        return None
    tail = ""
    e = _ITEM_END.search(parts[-1], 1)
    if e:
        tail = parts[-1][e.start():]
        parts[-1] = parts[-1][:e.start()]
    items = [p.strip() for p in parts]
    if not all(1 <= len(p) <= 12 and not re.search(r"[\d%]", p) for p in items):
        return None
    return items, tail


def _local_period(text: str, lo: int, pos: int, sdates: list[DateFact]) -> str | None:
    """A date printed right before the figure in its clause: "2018年底的", "截至2018年末，"."""
    for d in reversed(sdates):
        if lo <= d.loc.start and d.loc.end <= pos and pos - d.loc.end <= 12:
            return d.value
    return None


def _single(text: str, s0: int, lo: int, q: Quantity, qs: list[Quantity], i: int, drafts: list[_Draft],
            topic: str | None, sdates: list[DateFact], period: str | None, roles: dict[int, str]) -> _Draft | None:
    """A figure with its metric before it (or after a verb: "峨眉山市实现网络零售额108.88亿元")."""
    seg = text[lo:q.loc.start]
    # "从A的V1…到B的V2": the second figure inherits the first one's metric
    if i > 0 and qs[i - 1].loc.end >= lo and drafts and drafts[-1].q is qs[i - 1]:
        between = text[qs[i - 1].loc.end:q.loc.start]
        if _RANGE_TO.match(between):
            prev = drafts[-1]
            return _Draft(prev.metric, q, q.loc.start, prev.breakdown,
                          _local_period(text, qs[i - 1].loc.end, q.loc.start, sdates) or prev.period, end=q.loc.end)
    if i > 0 and qs[i - 1].loc.end > lo and roles[i - 1] != "skip":
        seg = text[qs[i - 1].loc.end:q.loc.start]
        if not _RANGE_TO.match(seg) and not seg.startswith(("，", "、")):
            return None
    for k in range(i):  # "有139个村子常住居民不到150人": the figure describes the things counted
        if roles[k] == "skip" and lo <= qs[k].loc.start and text[qs[k].loc.start - 1:qs[k].loc.start] == "有" \
                and qs[k].kind == "count":
            return None
    local = _local_period(text, lo, q.loc.start, sdates)
    fm = _RANGE_FROM.search(seg)
    if fm:
        seg = seg[:fm.start()]
    for d in sdates:  # drop printed dates from the metric text
        if lo <= d.loc.start and d.loc.end <= q.loc.start:
            seg = seg.replace(text[d.loc.start:d.loc.end], "")
    for k in range(i):  # and figures that only describe something ("企业对13个市（地）…"), not thresholds
        if roles[k] == "skip" and lo <= qs[k].loc.start and qs[k].loc.end <= q.loc.start \
                and qs[k].approx not in ("以上", "以下") and qs[k].loc.end != q.loc.start:
            seg = seg.replace(qs[k].text, "")
    breakdown = None
    mv = _MID_VERB.search(seg)
    if mv and mv.end() < len(seg) and clean_metric(seg[mv.end():]):
        subj = clean_metric(seg[:mv.start()])
        metric = clean_metric(seg[mv.end():])
        if subj and metric_ok(subj) and not re.match(r"^(?:我|全|本|该)", seg[:mv.start()].strip()):
            breakdown = subj
    else:
        metric = clean_metric(seg)
    metric = refine_metric(metric, topic)
    if topic and breakdown is None and _THRESHOLD_METRIC.match(metric) and metric_ok(topic):
        metric, breakdown = topic, metric  # "承包造林模范中，百亩以上1904户": a band of the topic
    if not metric_ok(metric):
        return None
    start = lo + max(0, text[lo:q.loc.start].find(breakdown or metric))
    return _Draft(metric, q, start, breakdown, local or period, end=q.loc.end)
