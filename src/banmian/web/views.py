"""Article and page dicts -> what the templates draw: which source line belongs to which article.

A source line is named ``"<printed page>-<line>"`` (``"1-73"``).  Each article
gets the refs of its headline, byline and paragraph lines on the pages shown;
each source line gets the article (and role) that claimed it, so the page view
can highlight either side from the other.  The same code serves archived
pages and uploaded ones (whose articles come from :func:`banmian.serialize.issue_to_dict`).

>>> art = {"seq": 1, "pages": [1], "headline_lines": [5], "byline": None,
...        "paragraphs": [{"lines": [1, 2], "spans": [[1, 1, 0, 9], [1, 2, 10, 20]]}]}
>>> article_refs(art, {1})
[('1-5', 'head'), ('1-1', 'body'), ('1-2', 'body')]
"""
from __future__ import annotations

from typing import Any

from .sources import SourcePage


def ref(page: int | None, line: int) -> str:
    return f"{page if page is not None else 0}-{line}"


def article_refs(art: dict[str, Any], shown: set[int | None]) -> list[tuple[str, str]]:
    """(line ref, role) of every line of ``art`` printed on the pages ``shown``; role head | byline | body."""
    pages = art.get("pages") or []
    first = pages[0] if pages else (art.get("page") if art.get("page") is not None else next(iter(shown), None))
    out: list[tuple[str, str]] = []
    if first in shown:  # headline and byline are printed where the article starts
        out += [(ref(first, n), "head") for n in art.get("headline_lines") or []]
        byline = art.get("byline") or {}
        out += [(ref(first, n), "byline") for n in byline.get("lines") or []]
    for p in art.get("paragraphs") or []:
        spans = p.get("spans") or []
        if spans and all(s[0] is not None for s in spans):
            out += [(ref(s[0], s[1]), "body") for s in spans if s[0] in shown and s[1] is not None]
        elif first in shown:  # no usable spans: the paragraph's lines are on the first page
            out += [(ref(first, n), "body") for n in p.get("lines") or []]
    return list(dict.fromkeys(out))


def annotate_page(articles: list[dict[str, Any]], furniture: list[dict[str, Any]],
                  sources: tuple[SourcePage, ...], shown: set[int | None]) -> dict[str, Any]:
    """Source lines with the article and role that claimed each; articles with their line refs."""
    owner: dict[str, tuple[int, str]] = {}
    cards = []
    for art in articles:
        refs = article_refs(art, shown)
        for r, role in refs:
            owner.setdefault(r, (art["seq"], role))
        cards.append({"article": art, "refs": " ".join(r for r, _ in refs), "first_ref": refs[0][0] if refs else "",
                      "parts": paragraph_parts(art)})
    furn = []
    for f in furniture:
        spans = f.get("spans") or []
        line_refs = [ref(s[0], s[1]) for s in spans if s and s[1] is not None] or \
            [ref(next(iter(shown), None), n) for n in f.get("lines") or []]
        for r in line_refs:
            owner.setdefault(r, (0, "furniture"))
        furn.append({**f, "refs": " ".join(dict.fromkeys(line_refs))})
    src = []
    claimed = 0
    for sp in sources:
        lines = []
        for n, text in sp.lines:
            r = ref(sp.number, n)
            seq, role = owner.get(r, (None, "none" if text.strip() else "blank"))
            claimed += seq is not None
            lines.append({"n": n, "ref": r, "text": text, "article": seq, "role": role})
        src.append({"number": sp.number, "lines": lines})
    return {"cards": cards, "furniture": furn, "source": src, "claimed": claimed}


def paragraph_parts(art: dict[str, Any]) -> list[dict[str, Any]]:
    """Paragraphs grouped by the printed page they start on (a continued article has several parts).

    >>> [(p["page"], len(p["paragraphs"])) for p in paragraph_parts({"pages": [1, 2], "paragraphs": [
    ...     {"spans": [[1, 3, 0, 5]]}, {"spans": [[2, 1, 0, 5]]}, {"spans": []}]})]
    [(1, 1), (2, 2)]
    """
    parts: list[dict[str, Any]] = []
    for p in art.get("paragraphs") or []:
        spans = p.get("spans") or []
        page = spans[0][0] if spans and spans[0] and spans[0][0] is not None else (
            parts[-1]["page"] if parts else ((art.get("pages") or [None])[0]))
        if not parts or parts[-1]["page"] != page:
            parts.append({"page": page, "paragraphs": []})
        parts[-1]["paragraphs"].append(p)
    return parts


def marked_segments(text: str, highlights: tuple[tuple[int, int], ...] | list) -> list[tuple[str, bool]]:
    """A snippet cut into (text, highlighted) pieces; the template escapes each piece.

    >>> marked_segments("发展光伏<产业>", [(2, 4)])
    [('发展', False), ('光伏', True), ('<产业>', False)]
    """
    out, pos = [], 0
    for s, e in highlights:
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def article_from_parse(d: dict[str, Any], seq: int) -> dict[str, Any]:
    """One article of the parse JSON -> the article dict the archive views use (no row id)."""
    h = d.get("headline") or {}
    return {"id": None, "key": d.get("id") or f"a{seq}", "seq": seq, "page": (d.get("pages") or [None])[0],
            "pages": d.get("pages") or [], "kicker": h.get("kicker"), "title": h.get("title"),
            "subtitle": h.get("subtitle"), "roles_certain": bool(h.get("roles_certain", True)),
            "headline_lines": h.get("lines") or [], "byline": d.get("byline"), "dateline": d.get("dateline"),
            "continued_from": d.get("continued_from"), "continued_to": d.get("continued_to"),
            "chars": sum(len(p["text"]) for p in d.get("paragraphs") or []),
            "paragraphs": [{"seq": k, "kind": p.get("kind", "body"), "text": p["text"], "lines": p.get("lines") or [],
                            "spans": p.get("spans") or [], "boxes": None}
                           for k, p in enumerate(d.get("paragraphs") or [], 1)],
            "facts": d.get("facts"), "url": None}


def page_boxes(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every line box of every article ({x, y, w, h, article}, PDF points), for the image overlay.

    >>> page_boxes([{"seq": 2, "paragraphs": [{"boxes": [[10, 20, 110, 32], None]}]}])
    [{'x': 10, 'y': 20, 'w': 100, 'h': 12, 'article': 2}]
    """
    out = []
    for art in articles:
        for p in art.get("paragraphs") or []:
            for b in p.get("boxes") or []:
                if isinstance(b, list) and len(b) == 4 and all(isinstance(v, (int, float)) for v in b):
                    out.append({"x": b[0], "y": b[1], "w": b[2] - b[0], "h": b[3] - b[1], "article": art["seq"]})
    return out


def format_number(v: float) -> str:
    """A figure as a reader writes it: 亿 and 万 for large ones.

    >>> format_number(1.09985e10), format_number(25004.0), format_number(99.985)
    ('109.985亿', '2.5004万', '99.985')
    """
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        if abs(v) >= scale:
            return f"{v / scale:.6g}{unit}"
    return f"{v:.6g}"


def format_range(iv: list | tuple) -> str:
    """An audit's interval: ``[lo, hi]`` -> "lo – hi" (a point when both agree)."""
    if not iv or len(iv) != 2:
        return ""
    lo, hi = format_number(float(iv[0])), format_number(float(iv[1]))
    return lo if lo == hi else f"{lo} – {hi}"
