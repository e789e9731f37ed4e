"""Shared checks: every non-space input character lands in exactly one output place."""
from __future__ import annotations

from collections import Counter

from banmian.model import Issue


def nonspace(s: str) -> Counter:
    return Counter(c for c in s if not c.isspace())


def output_chars(issue: Issue) -> Counter:
    """Headlines + paragraphs + stand-alone bylines + furniture (an inline byline
    counts once, inside its paragraph)."""
    out: Counter = Counter()
    for a in issue.articles:
        for _, t in a.headline.fields():
            out += nonspace(t.value)
        for p in a.paragraphs:
            out += nonspace(p.text.value)
        if a.byline is not None and not a.byline.inline:
            out += nonspace(a.byline.text.value)
    for f in issue.furniture:
        out += nonspace(f.text.value)
    return out


def spans_consistent(issue: Issue) -> bool:
    """Every Text is exactly the concatenation of its source spans."""
    texts = {p.index: p.text for p in issue.pages}

    def ok(t) -> bool:
        return t.value == "".join(texts[s.page][s.start:s.end] for s in t.spans)
    for a in issue.articles:
        if not all(ok(t) for _, t in a.headline.fields()):
            return False
        if not all(ok(p.text) for p in a.paragraphs):
            return False
        if a.byline is not None and not ok(a.byline.text):
            return False
    return all(ok(f.text) for f in issue.furniture)
