"""Issue -> JSON-ready dict, Markdown, or terminal text.

The JSON contract (fields may be added, never changed): top level ``articles``
(each with ``headline`` {kicker, title, subtitle}, ``byline`` {source, reporters,
text} or null, ``dateline``, ``paragraphs`` [{text, kind, lines}], ``continued_to``,
``continued_from``, ``pages``) and ``furniture`` [{text, kind, lines}].

Provenance: ``lines`` are 1-based line numbers in the page's source file;
``spans`` are ``[page, line, start, end]`` with ``start``/``end`` character
offsets into that page's decoded text (``page`` is the printed page number).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import attrgetter, le
from typing import Any

from .model import Article, Issue, Line, Text


class _Locator:
    """Maps (page index, offset) to the source line and printed page number."""

    def __init__(self, issue: Issue) -> None:
        self.starts = {p.index: list(map(attrgetter("start"), p.lines)) for p in issue.pages}
        self.lines = {p.index: p.lines for p in issue.pages}
        self.numbers = {p.index: p.number for p in issue.pages}
        # Most spans start where their line starts: the line number is then looked
        # up by that offset, not searched for (where the starts are in order, the
        # last line starting there is the one the search finds).
        self.at_start = {i: dict(zip(starts, map(attrgetter("number"), self.lines[i])))
                         if all(map(le, starts, starts[1:])) else {} for i, starts in self.starts.items()}

    def line(self, page: int, offset: int) -> Line | None:
        starts = self.starts.get(page)
        if not starts:
            return None
        return self.lines[page][max(0, bisect.bisect_right(starts, offset) - 1)]

    def spans(self, text: Text) -> list[list[int | None]]:
        # self.line(), inlined: this runs for every span of every article
        # (a text's spans are nearly all on one page: its tables are looked up once)
        out = []
        page = starts = lines = printed = None
        at_start: dict[int, int] = {}
        for s in text.spans:
            if s.page != page:
                page = s.page
                starts, lines, printed = self.starts.get(page), self.lines.get(page), self.numbers.get(page)
                at_start = self.at_start.get(page, {})
            number = at_start.get(s.start)
            if number is None:
                # (lines is there wherever starts is: both are keyed by the issue's pages)
                number = lines[max(0, bisect.bisect_right(starts, s.start) - 1)].number if starts else None  # type: ignore[index]
            out.append([printed, number, s.start, s.end])
        return out


def _text(t: Text | None) -> str | None:
    return t.value if t else None


def article_to_dict(art: Article, index: int, loc: _Locator,
                    facts: Callable[[Article], dict | None] | None = None) -> dict[str, Any]:
    h = art.headline
    d: dict[str, Any] = {
        "id": f"a{index}",
        "headline": {"kicker": _text(h.kicker), "title": _text(h.title), "subtitle": _text(h.subtitle),
                     "roles_certain": h.roles_certain,
                     "lines": [ln.number for ln in art.headline_lines]},
        "byline": None if art.byline is None else {
            "source": art.byline.source, "reporters": list(art.byline.reporters),
            "text": art.byline.text.value, "inline": art.byline.inline,
            "lines": [ln.number for ln in art.byline.lines]},
        "dateline": art.dateline,
        "paragraphs": [{"text": p.text.value, "kind": p.kind, "lines": [ln.number for ln in p.lines],
                        "spans": loc.spans(p.text)} for p in art.paragraphs],
        "continued_to": art.continued_to,
        "continued_from": art.continued_from,
        "pages": list(art.pages),
    }
    if facts is not None:
        d["facts"] = facts(art)
    return d


def issue_to_dict(issue: Issue, facts: Callable[[Article], dict | None] | None = None) -> dict[str, Any]:
    """The parse JSON; ``facts`` (article -> dict) adds a ``facts`` object per article."""
    loc = _Locator(issue)
    return {
        "paper": issue.paper,
        "date": issue.date,
        "pages": [{"number": p.number, "source": p.source, "encoding": p.encoding, "reader": p.reader,
                   "lines": len(p.lines)} for p in issue.pages],
        "articles": [article_to_dict(a, i, loc, facts) for i, a in enumerate(issue.articles, 1)],
        "furniture": [{"text": f.text.value, "kind": f.kind, "lines": [ln.number for ln in f.lines],
                       "spans": loc.spans(f.text)} for f in issue.furniture],
        "warnings": list(issue.warnings),
    }


def issue_to_markdown(issue: Issue) -> str:
    out = []
    for art in issue.articles:
        h = art.headline
        if h.kicker:
            out.append(f"*{h.kicker.value}*\n")
        out.append(f"## {h.title.value if h.title else '（无标题）'}\n")
        if h.subtitle:
            out.append(f"**{h.subtitle.value}**\n")
        meta = []
        if art.byline and art.byline.reporters:
            meta.append("记者 " + "、".join(art.byline.reporters))
        if art.dateline:
            meta.append(art.dateline)
        if art.pages:
            meta.append("第" + "、".join(str(p) for p in art.pages) + "版")
        if meta:
            out.append(" · ".join(meta) + "\n")
        for p in art.paragraphs:
            out.append(("### " if p.kind == "heading" else "") + p.text.value + "\n")
        if art.continued_to:
            out.append(f"*（下转第{art.continued_to}版）*\n")
    return "\n".join(out)


def issue_to_terminal(issue: Issue, width: int = 0) -> str:
    """Plain reading view: one block per article, headline roles labelled."""
    rule = "─" * 40
    out = []
    for i, art in enumerate(issue.articles, 1):
        h = art.headline
        out.append(f"{rule}\n[{i}] " + (h.title.value if h.title else "（无标题）"))
        if h.kicker:
            out.append(f"    引题: {h.kicker.value}")
        if h.subtitle:
            out.append(f"    副题: {h.subtitle.value}")
        if art.byline:
            out.append(f"    署名: {art.byline.text.value}" +
                       (f" → {'、'.join(art.byline.reporters)}" if art.byline.reporters else ""))
        if art.dateline:
            out.append(f"    日期: {art.dateline}")
        if art.continued_from or art.continued_to or len(art.pages) > 1:
            out.append(f"    版面: {'、'.join(map(str, art.pages))}"
                       + (f"  上接第{art.continued_from}版" if art.continued_from else "")
                       + (f"  下转第{art.continued_to}版" if art.continued_to else ""))
        out.append("")
        for p in art.paragraphs:
            out.append(("【" + p.text.value + "】") if p.kind == "heading" else "　　" + p.text.value)
        out.append("")
    if issue.furniture:
        out.append(rule)
        out.append("版面元素: " + " | ".join(f"{f.text.value} ({f.kind})" for f in issue.furniture))
    return "\n".join(out) + "\n"
