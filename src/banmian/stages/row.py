"""Headlines set in a row above the articles they head.

An extractor that reads the page in horizontal bands (plain ``pdftotext``) gives a
row of headlines set side by side first, each set apart by a blank line, then the
bodies under them one after another, with only a blank line between one body's
end and the next body's start.  The headline groups of the row are dealt out to
the bodies after them (:func:`headline_row`).
"""
from __future__ import annotations

from collections.abc import Sequence

from .attach import LEAD_CHARS, overlap_text
from .draft import Draft
from .layout import Labelled


def lead_text_at(lines: Sequence[Labelled], start: int) -> str:
    """The opening of the text from line ``start``: whole lines up to LEAD_CHARS."""
    text, n = [], 0
    for x in lines[start:]:
        text.append(x.info.text)
        n += len(x.info.text)
        if n >= LEAD_CHARS:
            break
    return "".join(text)


def _groups(head: Sequence[Labelled]) -> list[list[Labelled]]:
    """A headline block's groups: the runs of its lines parted by blank lines."""
    groups: list[list[Labelled]] = []
    for x in head:
        if not groups or x.info.blank_before:
            groups.append([])
        groups[-1].append(x)
    return groups


def _row_end(drafts: Sequence[Draft], i: int) -> int:
    """The draft after the bodies that take the headline block of draft ``i``: the
    next one with a headline of its own or continuing a jump."""
    k = i + 1
    while k < len(drafts) and not drafts[k].head and drafts[k].continued_from is None:
        k += 1
    return k


def headline_row(drafts: list[Draft], leads: list[str]) -> None:
    """Headlines set in a row above the articles they head: a headline block of
    k + 1 groups before a body whose k next bodies have none of their own is dealt
    out in order, unless a group echoes the first body's opening better than its
    own."""
    i = 0
    while i < len(drafts):
        k = _row_end(drafts, i)
        head = drafts[i].head
        if k > i + 1 and head:
            groups = _groups(head)
            if len(groups) == k - i and all(overlap_text(g, leads[i + j]) >= overlap_text(g, leads[i])
                                             for j, g in enumerate(groups) if j):
                for j, g in enumerate(groups):
                    drafts[i + j].head = g
        i = k
