"""Targets and commitments: text + dates + quantities -> :class:`~banmian.extract.facts.Target` list.

"到2027年，…经济总量跨上3400亿元台阶" is a quantified target {deadline 2027,
metric 经济总量, >=, 3400亿元}; a deadline sentence without a figure is kept as
text ("到2035年，…基本建成现代化经济强市").  Expectations and plans with a date
("预计今年9月底全面投产", "计划于2020年建成") are targets of kind
``expectation``.

>>> from datetime import date
>>> t = find_targets("到2027年，全市综合实力持续提升，经济总量跨上3400亿元台阶，发展环境开创新局面。", date(2024, 7, 9))
>>> [(x.deadline, x.metric, x.comparator, x.value, x.unit) for x in t]
[('2027', '经济总量', '>=', 340000000000, '元')]
>>> [(x.deadline, x.kind, x.text) for x in find_targets("现在项目进入建设尾声，预计今年9月底全面投产。", date(2024, 7, 9))]
[('2024-09-30', 'expectation', '预计今年9月底全面投产')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from .dates import find_dates
from .facts import DateFact, Field, Loc, Quantity, Target
from .numbers import find_quantities
from .metrics import clean_metric, metric_ok
from .statistics import sentences

_DEADLINE_RE = re.compile(r"(?:力争|争取|计划|预计|确保|目标是)?(?:到|至|在)(?P<d>[^，。；]{2,12}?)(?:年底|年末|底|末|前|时)?[，,]")
_BEFORE_RE = re.compile(r"(?P<d>[0-9]{4}年(?:底|末)?)(?:以)?前")
_EXPECT_RE = re.compile(r"(?:预计|计划|力争|争取|有望|将于|拟于|确保)")
_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("跨上", ">="), ("迈上", ">="), ("站上", ">="), ("突破", ">="), ("超过", ">="), ("不低于", ">="), ("不少于", ">="),
    ("达到", ">="), ("提高到", ">="), ("提升到", ">="), ("增长到", ">="), ("增加到", ">="), ("达", ">="), ("实现", ">="),
    ("力争", ">="), ("控制在", "<="), ("不超过", "<="), ("降至", "<="), ("降低到", "<="), ("下降到", "<="), ("压减到", "<="),
    ("低于", "<="), ("高于", ">="), ("保持在", "="), ("稳定在", "="), ("为", "="),
)
_AFTER_COMPARATOR = (("以上", ">="), ("以内", "<="), ("以下", "<="), ("左右", "≈"))


def _deadline_value(d: DateFact) -> str | None:
    return d.value if d.kind != "relative" else None


def _comparator(clause_before: str, q: Quantity, after: str) -> tuple[str | None, str]:
    """Comparator and the text before it (the metric) for a target figure."""
    for word, comp in _COMPARATORS:
        i = clause_before.rfind(word)
        if i >= 0:
            for suffix, c2 in _AFTER_COMPARATOR:
                if q.approx == suffix or after.startswith(suffix):
                    comp = c2 if c2 != "≈" else "≈"
            return comp, clause_before[:i]
    for suffix, c2 in _AFTER_COMPARATOR:
        if q.approx == suffix or after.startswith(suffix):
            return c2, clause_before
    return None, clause_before


def find_targets(text: str, issue_date: date | None = None, *, field: Field = "body",
                 dates: list[DateFact] | None = None, quantities: list[Quantity] | None = None) -> list[Target]:
    """Targets with deadlines and dated expectations, in order."""
    dates = find_dates(text, issue_date, field) if dates is None else dates
    quantities = find_quantities(text, field) if quantities is None else quantities
    out: list[Target] = []
    starts = [d.loc.start for d in dates]
    for s0, s1 in sentences(text):
        sent = text[s0:s1]
        sd = [d for d in dates[bisect_left(starts, s0):bisect_left(starts, s1)] if d.value is not None]
        if not sd:
            continue
        dl = _deadline(text, s0, s1, sd)
        if dl is not None:
            d, start = dl
            out.extend(_quantified(text, start, s1, d, quantities, field) or
                       [Target(_deadline_value(d), None, None, None, None, text[start:s1].rstrip("。；;！"),
                               Loc(start, s1 - (1 if sent.endswith(("。", "；", "！")) else 0), field))])
            continue
        for m in _EXPECT_RE.finditer(text, s0, s1):
            e = m.end()
            while e < s1 and text[e] not in "，。；！？":
                e += 1
            ds = [d for d in sd if m.start() <= d.loc.start < e]
            if not ds:
                continue
            out.append(Target(_deadline_value(ds[0]), None, None, None, None, text[m.start():e],
                              Loc(m.start(), e, field), "expectation"))
    return out


def _deadline(text: str, s0: int, s1: int, sd: list[DateFact]) -> tuple[DateFact, int] | None:
    """A deadline opening the sentence: "到2027年，" / "力争到2025年底，" / "2020年前"."""
    for d in sd:
        before = text[max(s0, d.loc.start - 4):d.loc.start]
        after = text[d.loc.end:d.loc.end + 2]
        if d.kind not in ("year", "date", "month"):
            continue
        if before.endswith(("到", "至")) and not before.endswith(("截至", "截止")) and after[:1] in "，,底末前时":
            start = d.loc.start - 1
            for w in ("力争", "争取", "计划", "预计", "确保"):
                if text[max(s0, start - len(w)):start] == w:
                    start -= len(w)
            if start - s0 <= 6 or text[start - 1] in "，；：":
                return d, start
        if after.startswith("前") or after.startswith("以前"):
            if d.loc.start - s0 <= 6:
                return d, d.loc.start
    return None


def _quantified(text: str, start: int, s1: int, d: DateFact, quantities: list[Quantity], field: Field) -> list[Target]:
    out = []
    for q in quantities:
        if not (start <= q.loc.start < s1) or q.kind not in ("money", "percent", "count", "measure"):
            continue
        if q.loc.start < d.loc.end:
            continue
        lo = q.loc.start
        while lo > start and text[lo - 1] not in "，；：,":
            lo -= 1
        comp, metric_text = _comparator(text[lo:q.loc.start], q, text[q.loc.end:q.loc.end + 3])
        metric = clean_metric(metric_text)
        if comp is None or not metric_ok(metric):
            continue
        end = q.loc.end
        while end < s1 and text[end] not in "，。；：,":
            end += 1
        out.append(Target(_deadline_value(d), metric, comp, q.value, q.unit, text[start:end], Loc(start, end, field)))
    return out
