"""Composed page -> PDF bytes (reportlab: embedded TrueType subsets, or a non-embedded CID font).

Each line becomes one text object; glyphs that share the same extra spacing are drawn as one
run with that character spacing (Tc), the way justified text comes out of layout programs.
That spacing is what makes pdftotext print spaces inside stretched lines.
"""
from __future__ import annotations

import io
import random

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .fonts import advance, register
from .model import Page, Photo, Placed


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


def _photo_image(shade: int) -> ImageReader:
    """A small grey raster with soft blotches, scaled up by the viewer like a halftone photo."""
    rng = random.Random(shade)
    w, h = 48, 32
    base = rng.randint(90, 190)
    img = Image.new("L", (w, h), base)
    px = img.load()
    for _ in range(6):
        cx, cy, r, tone = rng.randrange(w), rng.randrange(h), rng.randint(4, 14), rng.randint(30, 230)
        for y in range(max(0, cy - r), min(h, cy + r)):
            for x in range(max(0, cx - r), min(w, cx + r)):
                if (x - cx) ** 2 + (y - cy) ** 2 < r * r:
                    px[x, y] = (px[x, y] + tone) // 2
    return ImageReader(img)


def _draw_photo(c: canvas.Canvas, ph: Photo, page_height: float) -> None:
    x, y, w, h = ph.x0, page_height - ph.y1, ph.x1 - ph.x0, ph.y1 - ph.y0
    if ph.kind == "image":
        c.drawImage(_photo_image(ph.shade), x, y, w, h)
        return
    c.saveState()
    c.setFillGray(0.55 + (ph.shade % 30) / 100)
    c.rect(x, y, w, h, stroke=1, fill=1)
    c.setStrokeGray(0.4)
    step = 6.0 + ph.shade % 5
    k = step
    while k < w + h:  # diagonal hatching, clipped to the frame by hand
        x0, y0 = x + max(0.0, k - h), y + min(k, h)
        x1, y1 = x + min(k, w), y + max(0.0, k - w)
        c.line(x0, y0, x1, y1)
        k += step
    c.restoreState()


def render_pdf(page: Page) -> bytes:
    """One-page PDF of `page`; deterministic (invariant mode: no dates or random IDs)."""
    register()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(page.width, page.height), invariant=1)
    c.setLineWidth(0.3)
    for ph in page.photos:
        _draw_photo(c, ph, page.height)
    for pl in page.lines:
        _draw(c, pl, page.height)
    for r in page.rules:
        c.line(r.x0, page.height - r.y0, r.x1, page.height - r.y1)
    c.showPage()
    c.save()
    return buf.getvalue()
