"""Fact types: frozen, typed records that each point back at the text they came from.

Input: nothing (this module only defines data).  Output: the dataclasses that
:func:`banmian.extract.extract_facts` returns.

Every fact has a :class:`Loc` -- ``[start, end)`` character offsets into one
*field* of the article: ``"body"`` is ``Article.text`` (paragraph texts joined
with ``"\\n"``); ``"kicker"``, ``"title"`` and ``"subtitle"`` are the headline
lines, because some facts are printed only there (a resolution's adoption date
sits in its subtitle); ``"byline"`` is ``Byline.text`` when it is printed apart
from the body.

>>> Loc(3, 7).slice("本报讯（记者 付小惠）")
'（记者 '
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Field = Literal["body", "kicker", "title", "subtitle", "byline"]
Number = int | float


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """A span ``[start, end)`` in one field of an article."""

    start: int
    end: int
    field: Field = "body"

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with the titles printed next to the name.

    ``organization`` is set when one organisation heads the whole title chain
    ("尚纬股份有限公司党委书记、总工程师" -> 尚纬股份有限公司); short party and
    government prefixes stay in the title ("市委书记").
    """

    name: str
    titles: tuple[str, ...]
    organization: str | None
    loc: Loc
    mentions: tuple[Loc, ...] = ()
    source: str = "title"  # title | list | byline | known | ner


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    loc: Loc


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative division or country; ``parent`` when the context names it."""

    name: str
    level: str | None  # 国 省 市 县 区 州 镇 乡 村 …
    parent: str | None
    loc: Loc


DateKind = Literal["date", "month", "year", "period", "relative"]


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date or period.  ``value`` is ISO 8601: a day, month, year or an interval
    ``start/end``; ``None`` for relative expressions (近日, 日前) that the text
    does not pin down."""

    text: str
    value: str | None
    kind: DateKind
    loc: Loc


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit.  ``value`` is in base units (元, not 亿元); ``step`` is
    the place value of the last printed digit in base units (0.01亿 -> 1000000), so
    the printed figure stands for ``value ± step/2``."""

    text: str
    value: Number
    unit: str | None
    kind: str  # money | percent | count | measure | rank | number
    loc: Loc
    approx: str | None = None  # 余 多 约 近 超 以上 …
    step: float = 1.0


@dataclass(frozen=True, slots=True)
class Rank:
    scope: str | None
    position: int


@dataclass(frozen=True, slots=True)
class Statistic:
    """One reported figure: what was measured, for whom, when, and how much.

    ``value`` is ``None`` when only a growth rate or share is printed
    ("工业增加值同比增长6.1%").
    """

    metric: str
    value: Number | None
    unit: str | None
    text: str
    loc: Loc
    breakdown: str | None = None
    period: str | None = None
    yoy_pct: float | None = None
    rank: Rank | None = None
    share_pct: float | None = None
    share_of: str | None = None
    step: float = 1.0  # printed resolution of value (see Quantity.step)
    share_step: float = 0.01  # printed resolution of share_pct


@dataclass(frozen=True, slots=True)
class Audit:
    """A check of printed figures against each other.

    ``check``: ``share`` (part / whole = printed share), ``sum`` (parts add up to
    the whole), ``bound`` (listed parts do not exceed the whole), ``share_sum``
    (listed shares do not exceed 100%).  ``computed`` and ``reported`` are the
    intervals the printed rounding allows; ``ok`` is True when they overlap.
    """

    check: str
    ok: bool
    parts: tuple[str, ...]
    whole: str
    computed: tuple[float, float]
    reported: tuple[float, float] | None
    loc: Loc
    note: str = ""


@dataclass(frozen=True, slots=True)
class Target:
    """A goal or commitment with its deadline; ``metric``/``value`` when quantified."""

    deadline: str | None
    metric: str | None
    comparator: str | None  # >= <= = ≈
    value: Number | None
    unit: str | None
    text: str
    loc: Loc
    kind: str = "target"  # target | expectation


@dataclass(frozen=True, slots=True)
class OutlineNode:
    label: str
    title: str
    loc: Loc
    children: tuple[OutlineNode, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting or activity: when, who chaired, who spoke, who attended."""

    kind: str
    name: str
    date: str | None
    loc: Loc
    chair: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    attendees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything extracted from one article."""

    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateFact, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    audits: tuple[Audit, ...] = ()
    targets: tuple[Target, ...] = ()
    outline: tuple[OutlineNode, ...] = ()
    events: tuple[Event, ...] = ()
