"""Composed page -> PDF bytes (reportlab, embedded TrueType subsets).

Each line becomes one text object; glyphs that share the same extra spacing are drawn as one
run with that character spacing (Tc), the way justified text comes out of layout programs.
That spacing is what makes pdftotext print spaces inside stretched lines.
"""
from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from .fonts import advance, register
from .model import Page, Placed


def _runs(pl: Placed) -> list[tuple[float, float, str]]:
    """(x offset, char spacing, text) runs: within a run every glyph is followed by the same
    extra space, so one Tc value places them all."""
    ln = pl.line
    n = len(ln.glyphs)
    extra = [ln.xs[k + 1] - ln.xs[k] - advance(ln.glyphs[k], ln.font) * ln.size for k in range(n - 1)]
    out: list[tuple[float, float, str]] = []
    i = 0
    while i < n:
        cs = extra[i] if i < n - 1 else 0.0
        j = i
        while j + 1 < n and abs(extra[j] - cs) < 0.005:
            j += 1
        out.append((ln.xs[i], cs, "".join(ln.glyphs[i:j + 1])))
        i = j + 1
    return out


def _draw(c: canvas.Canvas, pl: Placed, page_height: float) -> None:
    t = c.beginText()
    t.setFont(pl.line.font, pl.line.size)
    if pl.bold:
        t.setTextRenderMode(2)
    for x, cs, text in _runs(pl):
        t.setTextOrigin(pl.x + x, page_height - pl.y)
        t.setCharSpace(cs)
        t.textOut(text)
    c.drawText(t)


def render_pdf(page: Page) -> bytes:
    """One-page PDF of `page`; deterministic (invariant mode: no dates or random IDs)."""
    register()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(page.width, page.height), invariant=1)
    c.setLineWidth(0.3)
    for pl in page.lines:
        _draw(c, pl, page.height)
    for r in page.rules:
        c.line(r.x0, page.height - r.y0, r.x1, page.height - r.y1)
    c.showPage()
    c.save()
    return buf.getvalue()
