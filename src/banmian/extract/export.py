"""Facts -> plain data: the ``facts`` JSON object of the parse output, and flat CSV rows.

Every fact carries ``"span": [start, end]`` (offsets into ``article.text``); a
fact read from a headline line or a separate byline also has ``"field"``.

>>> from banmian.extract.facts import Facts, DateFact, Loc
>>> facts_to_dict(Facts(dates=(DateFact("7月8日", "2024-07-08", "date", Loc(12, 16)),)))["dates"]
[{'text': '7月8日', 'value': '2024-07-08', 'kind': 'date', 'span': [12, 16]}]
>>> facts_csv_rows(Facts(dates=(DateFact("7月8日", "2024-07-08", "date", Loc(12, 16)),)), 1)[0]["value"]
'2024-07-08'
"""
from __future__ import annotations

from typing import Any

from .facts import Audit, Event, Facts, Loc, OutlineNode, Statistic

CSV_COLUMNS = ("kind", "article", "name", "value", "unit", "period", "text", "field", "start", "end", "detail")


def _loc(loc: Loc, d: dict[str, Any]) -> dict[str, Any]:
    d["span"] = [loc.start, loc.end]
    if loc.field != "body":
        d["field"] = loc.field
    return d


def _stat(s: Statistic) -> dict[str, Any]:
    return _loc(s.loc, {
        "metric": s.metric, "breakdown": s.breakdown, "value": s.value, "unit": s.unit, "text": s.text,
        "period": s.period, "yoy_pct": s.yoy_pct,
        "rank": None if s.rank is None else {"scope": s.rank.scope, "position": s.rank.position},
        "share_pct": s.share_pct, "share_of": s.share_of,
    })


def _audit(a: Audit) -> dict[str, Any]:
    return _loc(a.loc, {
        "check": a.check, "ok": a.ok, "status": "ok" if a.ok else "inconsistent", "parts": list(a.parts),
        "whole": a.whole, "computed": list(a.computed), "reported": None if a.reported is None else list(a.reported),
        "note": a.note,
    })


def _node(n: OutlineNode) -> dict[str, Any]:
    return _loc(n.loc, {"label": n.label, "title": n.title, "children": [_node(c) for c in n.children]})


def _event(e: Event) -> dict[str, Any]:
    return _loc(e.loc, {"kind": e.kind, "name": e.name, "date": e.date, "chair": list(e.chair),
                        "speaker": list(e.speaker), "attendees": list(e.attendees)})


def facts_to_dict(facts: Facts) -> dict[str, Any]:
    """The ``facts`` object of one article in the parse JSON."""
    return {
        "people": [_loc(p.loc, {"name": p.name, "titles": list(p.titles), "organization": p.organization,
                                "mentions": [[m.start, m.end] if m.field == "body" else [m.start, m.end, m.field]
                                             for m in p.mentions], "source": p.source})
                   for p in facts.people],
        "organizations": [_loc(o.loc, {"name": o.name, "aliases": list(o.aliases)}) for o in facts.organizations],
        "places": [_loc(p.loc, {"name": p.name, "level": p.level, "parent": p.parent}) for p in facts.places],
        "dates": [_loc(d.loc, {"text": d.text, "value": d.value, "kind": d.kind}) for d in facts.dates],
        "quantities": [_loc(q.loc, {"text": q.text, "value": q.value, "unit": q.unit, "kind": q.kind,
                                    "approx": q.approx}) for q in facts.quantities],
        "statistics": [_stat(s) for s in facts.statistics],
        "audits": [_audit(a) for a in facts.audits],
        "targets": [_loc(t.loc, {"deadline": t.deadline, "metric": t.metric, "comparator": t.comparator,
                                 "value": t.value, "unit": t.unit, "text": t.text, "kind": t.kind})
                    for t in facts.targets],
        "outline": [_node(n) for n in facts.outline],
        "events": [_event(e) for e in facts.events],
    }


def _row(kind: str, article: int, loc: Loc, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {c: "" for c in CSV_COLUMNS}
    row.update(kind=kind, article=article, field=loc.field, start=loc.start, end=loc.end)
    row.update({k: ("" if v is None else v) for k, v in kw.items()})
    return row


def _flatten(nodes: tuple[OutlineNode, ...], depth: int = 0):
    for n in nodes:
        yield n, depth
        yield from _flatten(n.children, depth + 1)


def facts_csv_rows(facts: Facts, article_index: int) -> list[dict[str, Any]]:
    """One flat row per fact (columns :data:`CSV_COLUMNS`) for ``banmian facts --csv``."""
    a = article_index
    rows = [_row("person", a, p.loc, name=p.name, text="、".join(p.titles), detail=p.organization)
            for p in facts.people]
    rows += [_row("organization", a, o.loc, name=o.name, detail="；".join(o.aliases)) for o in facts.organizations]
    rows += [_row("place", a, p.loc, name=p.name, unit=p.level, detail=p.parent) for p in facts.places]
    rows += [_row("date", a, d.loc, value=d.value, text=d.text, detail=d.kind) for d in facts.dates]
    rows += [_row("quantity", a, q.loc, value=q.value, unit=q.unit, text=q.text, detail=q.approx)
             for q in facts.quantities]
    for s in facts.statistics:
        detail = "; ".join(f"{k}={v}" for k, v in (
            ("breakdown", s.breakdown), ("yoy_pct", s.yoy_pct), ("share_pct", s.share_pct), ("share_of", s.share_of),
            ("rank", None if s.rank is None else f"{s.rank.scope or ''}第{s.rank.position}")) if v is not None)
        rows.append(_row("statistic", a, s.loc, name=s.metric, value=s.value, unit=s.unit, period=s.period,
                         text=s.text, detail=detail))
    rows += [_row("audit", a, x.loc, name=x.check, value="ok" if x.ok else "inconsistent", text=x.whole,
                  detail=" + ".join(x.parts) + (f" ({x.note})" if x.note else "")) for x in facts.audits]
    rows += [_row("target", a, t.loc, name=t.metric, value=t.value, unit=t.unit, period=t.deadline, text=t.text,
                  detail=f"{t.kind} {t.comparator or ''}".strip()) for t in facts.targets]
    rows += [_row("outline", a, n.loc, name=n.label, text=n.title, detail=f"level {d + 1}")
             for n, d in _flatten(facts.outline)]
    rows += [_row("event", a, e.loc, name=e.name, value=e.date, text=e.kind,
                  detail="; ".join(f"{k}={'、'.join(v)}" for k, v in (("chair", e.chair), ("speaker", e.speaker),
                                                                      ("attendees", e.attendees)) if v))
             for e in facts.events]
    return rows
