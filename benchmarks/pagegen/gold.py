"""Gold files and the checks that make them trustworthy.

`page_gold` / `issue_gold` turn a composed page into the gold format of
../shared/examples/leshan-daily-p1.gold.json.  `check_chars` proves that every non-space
character of the extracted text sits in exactly one place of the gold (headline fields,
paragraphs, stand-alone byline, furniture); `check_order` proves that the extractor kept each
column's text together and in order, so that the truth is recoverable from the text at all.
"""
from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable

from .fonts import advance
from .model import HEAD_ROLES, ArticleTruth, Leftover, Page, Placed

Gold = dict[str, object]


def _article(a: ArticleTruth, n: int) -> dict[str, object]:
    return {"id": f"a{n}", "kicker": a.kicker, "title": a.title, "subtitle": a.subtitle,
            "byline": a.byline, "dateline": a.dateline, "paragraphs": list(a.paragraphs),
            "continued_to": a.continued_to, "continued_from": a.continued_from}


def _variant_fields(pages: Iterable[Page], variant: dict[str, object] | None) -> Gold:
    """PDF-variant pages only: the variant as drawn (a vertical title or a photo only where one
    was set) and the captions (already in the furniture, listed again so that caption text
    leaking into article bodies can be counted)."""
    if variant is None:
        return {}
    pages = list(pages)
    drawn = {"vertical": any(p.vertical_titles for p in pages), "photos": any(p.photos for p in pages)}
    return {"variant": {**variant, **drawn}, "captions": [c for p in pages for c in p.captions]}


def page_gold(page: Page, source: str, route: str, variant: dict[str, object] | None = None) -> Gold:
    return {"source": source, "paper": page.paper, "page_number": page.number, "date": page.date,
            "route": route, "page_furniture": list(page.furniture),
            **_variant_fields([page], variant),
            "articles": [_article(a, n) for n, a in enumerate(page.articles, 1)]}


def issue_gold(first: Page, second: Page, leftover: Leftover, sources: list[str], route: str,
               variant: dict[str, object] | None = None) -> Gold:
    """Both pages' articles, the jumped article once with its two parts joined (a paragraph cut
    mid-way by the jump is whole again).  A title repeated over the continuation is furniture
    here: it is not part of the one merged article."""
    jumped = next(a for a in first.articles if a.continued_to is not None)
    cont = next(a for a in second.articles if a.continued_from is not None)
    merged = copy.deepcopy(jumped)
    merged.continued_to = None
    head, tail = jumped.paragraphs, cont.paragraphs
    if leftover.cut_mid_paragraph:
        joined = leftover.whole_cut_paragraph[:leftover.tail_start] + tail[0]
        merged.paragraphs = head[:-1] + [joined] + tail[1:]
    else:
        merged.paragraphs = head + tail
    articles = [merged if a is jumped else a for a in first.articles]
    articles += [a for a in second.articles if a is not cont]
    out = [_article(a, n) for n, a in enumerate(articles, 1)]
    k = articles.index(merged) + 1
    out[k - 1]["pages"] = [first.number, second.number]
    furniture = first.furniture + second.furniture + ([cont.title] if cont.title else [])
    return {"kind": "issue", "sources": sources, "paper": first.paper, "date": first.date,
            "route": route, "page_numbers": [first.number, second.number],
            "merged_article": k, "page_furniture": furniture,
            **_variant_fields([first, second], variant), "articles": out}


def _nonspace(texts: Iterable[str | None]) -> Counter[str]:
    return Counter(c for t in texts if t for c in t if not c.isspace())


def gold_chars(gold: Gold) -> Counter[str]:
    """Every non-space character the gold accounts for: headline fields, paragraphs, the raw
    text of stand-alone bylines (source null; inline ones are inside paragraph 1), furniture."""
    texts: list[str | None] = list(gold["page_furniture"])  # type: ignore[call-overload]
    for a in gold["articles"]:  # type: ignore[attr-defined]
        texts += [a[k] for k in HEAD_ROLES]
        texts += a["paragraphs"]
        by = a["byline"]
        if by and by["source"] is None:
            texts.append(by["raw"])
    return _nonspace(texts)


def check_chars(text: str, gold: Gold) -> str | None:
    """None when the text and the gold hold the same multiset of non-space characters."""
    have, want = _nonspace([text]), gold_chars(gold)
    if have == want:
        return None
    extra, missing = have - want, want - have
    return f"chars: text has {sum(extra.values())} extra {''.join(sorted(extra))[:12]!r}, " \
           f"lacks {sum(missing.values())} {''.join(sorted(missing))[:12]!r}"


def _pieces(pl: Placed) -> list[str]:
    """A line's text split where it has a gap of half an em or more: extractors may put the
    parts of "疾风劲草　正气凛然" or "■　记者　倪珉" in different places."""
    ln = pl.line
    pieces = [""]
    for i, g in enumerate(ln.glyphs):
        if i and ln.xs[i] - ln.xs[i - 1] - advance(ln.glyphs[i - 1], ln.font) * ln.size >= 0.5 * ln.size:
            pieces.append("")
        if not g.isspace():
            pieces[-1] += g
    return [p for p in pieces if p]


def check_order(text: str, page: Page) -> str | None:
    """None when each column run of body text appears unbroken and in reading order in the text,
    and every headline and byline line at least in unbroken pieces."""
    flat = "".join(c for c in text if not c.isspace())
    runs: dict[int, list[str]] = {}
    prev: tuple[int, int] | None = None
    for pl in page.lines:
        if pl.role in (*HEAD_ROLES, "byline"):
            broken = [p for p in _pieces(pl) if p not in flat]
            if broken:
                return f"order: {pl.role} line {broken[0][:10]!r} broken up"
        if pl.role not in ("body", "heading"):
            prev = None
            continue
        chars = "".join(c for c in pl.line.text if not c.isspace())
        key = (pl.article, pl.column)
        parts = runs.setdefault(pl.article, [])
        if key == prev:
            parts[-1] += chars
        else:
            parts.append(chars)
        prev = key
    for parts in runs.values():
        at = 0
        for part in parts:
            found = flat.find(part, at)
            if found < 0:
                where = "out of order" if part in flat else "interleaved"
                return f"order: column text {where}"
            at = found + len(part)
    return None
