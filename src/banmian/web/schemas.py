"""The JSON API's response shapes (pydantic) -> the OpenAPI schema at ``/openapi.json``.

These describe what :mod:`banmian.web.queries` returns; FastAPI checks every
response against them, so the documented contract and the data cannot drift.
Fields may be added, never changed (like the parse JSON).
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Paper(BaseModel):
    name: str
    issues: int
    first_date: str | None
    last_date: str | None
    articles: int
    pages: int
    skipped_pages: int
    url: str


class Papers(BaseModel):
    papers: list[Paper]


class IssueItem(BaseModel):
    date: str
    pages: int
    articles: int
    url: str


class YearCount(BaseModel):
    year: str
    issues: int


class Issues(BaseModel):
    paper: str
    year: str | None
    years: list[YearCount]
    total: int
    offset: int
    limit: int | None
    items: list[IssueItem]


class ArticleSummary(BaseModel):
    id: int
    key: str = Field(description="stable id: paper/date/aN")
    seq: int
    page: int | None
    pages: list[int | None]
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    chars: int
    url: str


class PageSummary(BaseModel):
    id: int
    key: str = Field(description="stable id: paper/date/pN")
    seq: int
    number: int | None = Field(description="printed page number (版次) the parser gave the page")
    name: str | None
    status: str
    reason: str | None
    articles: int
    url: str


class Issue(BaseModel):
    paper: str
    date: str
    url: str
    paper_url: str
    page_count: int
    article_count: int
    warnings: list[Any]
    parsed_with: str
    ingested_at: str
    pages: list[PageSummary]
    articles: list[ArticleSummary]


class Byline(BaseModel):
    text: str | None = None
    source: str | None = None
    reporters: list[str] = []
    inline: bool | None = None
    lines: list[int] = []


class Paragraph(BaseModel):
    seq: int
    kind: str
    text: str
    lines: list[int]
    spans: list[list[int | None]] = Field(description="[printed page, line, start, end] per source piece")
    boxes: list[Any] | None = Field(None, description="[x0, y0, x1, y1] in PDF points per line (PDF pages only)")


class Article(BaseModel):
    id: int | None
    key: str
    paper: str | None = None
    date: str | None = None
    seq: int
    page: int | None
    pages: list[int | None]
    kicker: str | None
    title: str | None
    subtitle: str | None
    roles_certain: bool
    headline_lines: list[int]
    byline: Byline | None
    dateline: str | None
    continued_from: int | None
    continued_to: int | None
    chars: int
    paragraphs: list[Paragraph]
    facts: dict[str, Any] | None = Field(description="the facts object of the parse JSON (people, statistics, audits…)")
    url: str | None
    page_urls: dict[str, str] = Field({}, description="printed page number -> page view URL")
    issue_url: str | None = None
    prev_url: str | None = None
    next_url: str | None = None


class Furniture(BaseModel):
    seq: int | None = None
    kind: str
    text: str
    lines: list[int]
    spans: list[list[int | None]]


class SourceLine(BaseModel):
    n: int
    text: str


class SourcePage(BaseModel):
    number: int | None
    lines: list[SourceLine]


class Source(BaseModel):
    available: bool = Field(description="the page file could be read as text")
    reason: str | None = Field(description="missing | too_large | unreadable | pdf | scan | disabled")
    changed: bool = Field(description="the file's bytes differ from the archived sha256")
    pages: list[SourcePage]
    image_url: str | None = Field(description="PNG of the page's PDF or scan, when there is one")


class Page(BaseModel):
    id: int
    key: str
    paper: str
    date: str
    seq: int
    number: int | None
    name: str | None
    status: str
    reason: str | None
    reader: str | None
    encoding: str | None
    line_count: int | None
    sha256: str
    size: int
    url: str
    issue_url: str
    paper_url: str
    prev_url: str | None
    next_url: str | None
    page_urls: dict[str, str]
    articles: list[Article]
    furniture: list[Furniture]
    source: Source


class PersonItem(BaseModel):
    name: str
    articles: int
    mentions: int
    titles: list[str]
    url: str


class People(BaseModel):
    q: str | None
    total: int
    offset: int
    limit: int
    items: list[PersonItem]


class TitleSeen(BaseModel):
    title: str
    articles: int
    first_date: str
    last_date: str
    organizations: list[str]


class MonthCount(BaseModel):
    month: str
    articles: int


class PersonArticle(BaseModel):
    id: int
    key: str
    paper: str
    date: str
    page: int | None
    kicker: str | None
    title: str | None
    titles: list[str]
    url: str


class Person(BaseModel):
    name: str
    total: int
    offset: int
    limit: int
    titles: list[TitleSeen]
    timeline: list[MonthCount]
    articles: list[PersonArticle]


class ArticleRef(BaseModel):
    id: int
    key: str
    paper: str
    date: str
    title: str | None
    url: str


class Statistic(BaseModel):
    id: int
    metric: str | None
    breakdown: str | None
    value: float | None
    unit: str | None
    text: str | None
    period: str | None
    yoy_pct: float | None
    share_pct: float | None
    share_of: str | None
    audit: str | None = Field(description="ok | inconsistent (with the range computed from related figures) | null")
    audits: list[dict[str, Any]]
    article: ArticleRef


class MetricCount(BaseModel):
    metric: str
    count: int


class Statistics(BaseModel):
    metric: str | None
    total: int
    offset: int
    limit: int
    items: list[Statistic]
    metrics: list[MetricCount]


class Hit(BaseModel):
    id: int
    key: str
    paper: str
    date: str
    page: int | None
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    score: float
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) of each match in snippet")
    url: str


class FacetValue(BaseModel):
    value: str | int
    count: int


class Search(BaseModel):
    query: str
    total: int
    offset: int
    limit: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] | None = Field(description="paper, year, page counts; null if too slow")
    ms: float


class Parsed(BaseModel):
    name: str = Field(description="the uploaded file's name, as shown")
    articles: list[Article]
    furniture: list[Furniture]
    pages: list[dict[str, Any]]
    warnings: list[str]


class Invalid(BaseModel):
    type: str
    loc: list[str | int]
    msg: str


class Problem(BaseModel):
    detail: str | list[Invalid] = Field(description="what is wrong and how to fix it (a list for invalid parameters)")
