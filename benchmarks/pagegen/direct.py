"""The `direct` route: text written straight from the layout, with the artifacts of real text
dumps that a generated PDF does not produce (see ../shared/examples/leshan-daily-p1.txt):

- blank lines at column breaks (mid-sentence, so a blank line is not a paragraph break) and,
  on some pages, between paragraphs and around headline lines;
- spaces between the characters of stretched lines ("5 位 。 其 中 ，网 络") and around
  half-width runs ("1 至 5 月", "已有 36年");
- a printed first-line indent on some pages ("　　" or two spaces), a stray leading space on an
  article's first line, furniture items on one baseline joined into one line.

The lines come in content-stream order, like `pdftotext -raw`.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .fonts import advance
from .model import HEAD_ROLES, Page, Placed

BODY_ROLES = ("body", "heading", "byline")
# pdftotext starts printing a space once a gap reaches about 0.16 em (../shared/NOTES.md)
SPACE_GAP = 0.16


@dataclass(frozen=True, slots=True)
class DirectStyle:
    column_blank: float     # P(blank line at a column break)
    paragraph_blank: float  # P(blank line between paragraphs)
    indent: str             # printed first-line indent
    justify_spaces: bool    # spaces inside stretched lines
    latin_space: float      # P(space on a side of a half-width run)
    quote_blank: float      # P(blank line before a line that starts with “)
    head_blank: float       # P(blank line before a headline line)
    group_blank: float      # P(blank line between articles / headline and body)
    lead_space: float       # P(" " before an article's first body line)


def sample_direct(rng: random.Random) -> DirectStyle:
    return DirectStyle(
        column_blank=rng.choice([0.6, 0.9, 1.0]),
        paragraph_blank=rng.choice([0.0, 0.0, 0.3, 0.9]),
        indent=rng.choice(["", "", "", "　　", "  "]),
        justify_spaces=rng.random() < 0.7,
        latin_space=rng.choice([0.0, 0.3, 0.6]),
        quote_blank=rng.choice([0.0, 0.5]),
        head_blank=rng.choice([0.0, 0.3]),
        group_blank=rng.choice([0.5, 0.9]),
        lead_space=rng.choice([0.0, 0.3]),
    )


def line_text(pl: Placed, ds: DirectStyle, rng: random.Random) -> str:
    """A line's glyphs with the spaces an extractor would see in its gaps."""
    ln = pl.line
    out: list[str] = []
    for i, g in enumerate(ln.glyphs):
        if i:
            prev = ln.glyphs[i - 1]
            gap = (ln.xs[i] - ln.xs[i - 1] - advance(prev, ln.font) * ln.size) / ln.size
            scripts_change = prev.isascii() != g.isascii() and not (prev.isspace() or g.isspace())
            stretched = gap >= 0.5 or (ds.justify_spaces and gap >= SPACE_GAP)
            if stretched or (scripts_change and rng.random() < ds.latin_space):
                out.append(" ")
        out.append(g)
    return "".join(out)


def write_direct(page: Page, ds: DirectStyle, rng: random.Random) -> str:
    """The page text, one output line per laid-out line, in content-stream order."""
    out: list[str] = []
    prev: Placed | None = None

    def blank(p: float) -> None:
        if out and out[-1] != "" and rng.random() < p:
            out.append("")

    for pl in page.lines:
        text = line_text(pl, ds, rng)
        if pl.role == "furniture" and prev is not None and prev.role == "furniture" and prev.y == pl.y:
            out[-1] += "  " + text
            prev = pl
            continue
        same_article = prev is not None and prev.article == pl.article
        if pl.role in BODY_ROLES:
            if same_article and prev is not None and prev.role in BODY_ROLES:
                if prev.column != pl.column:
                    blank(ds.column_blank)
                elif pl.para_start:
                    blank(ds.paragraph_blank)
            else:
                blank(ds.group_blank)
                if rng.random() < ds.lead_space:
                    text = " " + text
            if pl.para_start and pl.role == "body":
                text = ds.indent + text
            if text.startswith("“"):
                blank(ds.quote_blank)
        elif pl.role in HEAD_ROLES:
            blank(ds.head_blank if same_article and prev is not None and prev.role in HEAD_ROLES
                  else ds.group_blank)
        else:
            blank(ds.group_blank)
        out.append(text)
        prev = pl
    return "\n".join(out) + "\n"
