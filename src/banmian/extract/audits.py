"""Audits: statistics + their relations -> :class:`~banmian.extract.facts.Audit` checks.

Printed figures are rounded, so every check uses interval arithmetic: "52.85亿元"
stands for [52.845, 52.855]亿元 and "55.58%" for [55.575, 55.585]%.  A check is
``ok`` when the interval computed from the parts overlaps the printed one --
consistent with what was printed -- and otherwise reports the computed range.

* ``share``: part / whole × 100 against the printed share;
* ``sum``: parts that make up a whole (a topic's complete list) against it;
* ``bound``: listed parts (前三, 其中) must not exceed their whole;
* ``share_sum``: a list's printed shares must not exceed 100%;
* ``repeat``: a figure printed in the headline and again in the body agrees.

>>> from banmian.extract.facts import Loc, Statistic
>>> whole = Statistic("网络零售额", 19863000000, "元", "198.63亿元", Loc(0, 1), step=1e6)
>>> a = Statistic("实物型网络零售额", 5285000000, "元", "52.85亿元", Loc(2, 3), step=1e6)
>>> b = Statistic("服务型网络零售额", 14578000000, "元", "145.78亿元", Loc(4, 5), step=1e6)
>>> from banmian.extract.statistics import Relation
>>> [(x.check, x.ok) for x in audit([whole, a, b], [Relation("sum", (1, 2), "网络零售额")])]
[('sum', True)]
"""
from __future__ import annotations

from .facts import Audit, Loc, Statistic
from .statistics import Relation


def _label(s: Statistic) -> str:
    name = f"{s.metric}（{s.breakdown}）" if s.breakdown else s.metric
    return f"{name} {s.text}" if s.text else name


def _iv(s: Statistic) -> tuple[float, float]:
    v = float(s.value)  # type: ignore[arg-type]
    return v - s.step / 2, v + s.step / 2


def _overlap(a: tuple[float, float], b: tuple[float, float], eps: float = 1e-9) -> bool:
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def _span(stats: list[Statistic]) -> Loc:
    locs = [s.loc for s in stats]
    field = locs[0].field
    same = [loc for loc in locs if loc.field == field]
    return Loc(min(loc.start for loc in same), max(loc.end for loc in same), field)


def _same_period(a: Statistic, b: Statistic) -> bool:
    return a.period is None or b.period is None or a.period == b.period


def find_whole(stats: list[Statistic], metric: str, like: Statistic) -> int | None:
    """Index of the total for ``metric`` matching ``like`` (unit, period), nearest before it."""
    best = None
    for i, s in enumerate(stats):
        if s is like or s.value is None or s.breakdown or s.metric != metric or s.unit != like.unit:
            continue
        if not _same_period(s, like):
            continue
        if s.loc.field != like.loc.field and best is not None:
            continue  # a headline repeat of the body's figure: the body's own is checked
        if best is None or stats[best].loc.field != like.loc.field or s.loc.start <= like.loc.start:
            best = i
    return best


def audit(stats: list[Statistic], relations: list[Relation]) -> list[Audit]:
    """Every check the printed figures allow; see the module docstring."""
    out: list[Audit] = []
    for s in stats:
        if s.share_pct is None or s.value is None or s.share_of is None:
            continue
        wi = find_whole(stats, s.share_of, s)
        if wi is None:
            continue
        w = stats[wi]
        lo_p, hi_p = _iv(s)
        lo_w, hi_w = _iv(w)
        if lo_w <= 0:
            continue
        computed = (100 * lo_p / hi_w, 100 * hi_p / lo_w)
        reported = (s.share_pct - s.share_step / 2, s.share_pct + s.share_step / 2)
        ok = _overlap(computed, reported)
        out.append(Audit("share", ok, (_label(s),), _label(w), _round(computed), _round(reported),
                         _span([s]), "" if ok else f"printed {s.share_pct}% but {_label(s)} / {_label(w)} "
                         f"is {computed[0]:.2f}–{computed[1]:.2f}%"))
    out += _repeats(stats)
    for r in relations:
        parts = [stats[i] for i in r.parts if stats[i].value is not None]
        if not parts:
            continue
        if r.kind in ("sum", "bound", "part"):
            wi = r.whole if r.whole >= 0 else find_whole(stats, r.whole_metric, parts[0])
            if wi is None or wi in r.parts:
                continue
            w = stats[wi]
            if any(p.unit != w.unit for p in parts):
                continue
            lo: float = sum(_iv(p)[0] for p in parts)
            hi: float = sum(_iv(p)[1] for p in parts)
            whole_iv = _iv(w)
            if r.kind == "sum" and len(parts) >= 2:
                ok = _overlap((lo, hi), whole_iv)
                check = "sum"
            else:
                ok = lo <= whole_iv[1] + 1e-9
                check = "bound"
            note = "" if ok else (f"parts add up to {_fmt(lo)}–{_fmt(hi)}, printed whole {_label(w)}")
            out.append(Audit(check, ok, tuple(_label(p) for p in parts), _label(w), _round((lo, hi)),
                             _round(whole_iv), _span(parts + [w]), note))
        shares = [p for p in parts if p.share_pct is not None]
        if r.kind in ("sum", "bound", "shares") and len(shares) >= 2:
            # (every share has a share_pct: the test only tells mypy so)
            lo = sum(p.share_pct - p.share_step / 2 for p in shares if p.share_pct is not None)
            hi = sum(p.share_pct + p.share_step / 2 for p in shares if p.share_pct is not None)
            complete = r.kind == "sum"
            ok = lo <= 100 + 1e-9 and (not complete or hi >= 100 - 1e-9)
            out.append(Audit("share_sum", ok, tuple(f"{_label(p)} {p.share_pct}%" for p in shares),
                             "100%", _round((lo, hi)), (100.0, 100.0), _span(shares),
                             "" if ok else f"listed shares add up to {lo:.2f}–{hi:.2f}%"))
    return out


def _repeats(stats: list[Statistic]) -> list[Audit]:
    """One figure printed twice (headline and body) must agree with itself."""
    out: list[Audit] = []
    seen: dict[tuple, Statistic] = {}
    for s in stats:
        if s.value is None:
            continue
        key = (s.metric, s.breakdown, s.period, s.unit)
        first = seen.setdefault(key, s)
        if first is s or first.loc.field == s.loc.field:
            continue  # the same field may report one metric for two moments ("从…到…")
        ok = _overlap(_iv(first), _iv(s))
        out.append(Audit("repeat", ok, (_label(s),), _label(first), _round(_iv(s)), _round(_iv(first)),
                         _span([first]), "" if ok else f"{_label(first)} is printed again as {s.text}"))
    return out


def _round(iv: tuple[float, float]) -> tuple[float, float]:
    return (round(iv[0], 6), round(iv[1], 6))


def _fmt(v: float) -> str:
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        if abs(v) >= scale:
            return f"{v / scale:.4g}{unit}"
    return f"{v:.6g}"
