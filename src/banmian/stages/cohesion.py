"""Lexical cohesion (TextTiling's idea): the sections of one article keep to its subject
and share its words, the next article is about something else.  Read on the character
bigrams of column lines, without those most articles share.

Split from :mod:`.evidence`, which weighs headline-like runs with it; :mod:`.merged` and
:mod:`.row` cut bodies where it falls.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

COMMON_BIGRAMS = frozenset(
    line for line in (resources.files(__package__) / "common_bigrams.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#"))
COHESION_LINES = 40  # lines read on either side of a heading-like run
# Cohesion is read without the bigrams most articles share (发展, 中国, 的一: the 400 in
# the most articles of the dev corpus, common_bigrams.txt), which two articles share
# whatever they are about.  Measured on the corpus: at an article's sub-headings it
# falls under 0.02 as seldom as the whole bigram sets fell under 0.03 (2.6% against
# 2.9%), and at the seam between two articles twice as often (80% against 39%).
COHESION_SHARE = 0.02


# (figures are left out: "99", "7个" are no subject's words, and two articles full of
# statistics share them by chance)
_HAN_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


@lru_cache(maxsize=4096)
def line_bigrams(text: str) -> frozenset[str]:
    # A line's bigrams, made once: a line is read in many windows (each sub-heading's
    # two sides, each candidate cut), and one window's text is made of 40 of them.
    # The common bigrams are left out (see COHESION_SHARE).
    return frozenset(_HAN_BIGRAM.findall(text)) - COMMON_BIGRAMS


def cohesion(before: list[str], after: list[str]) -> float:
    """Share of character bigrams the text before a point shares with the text after it
    (each side COHESION_LINES column lines, bigrams within lines), of the smaller side's."""
    b = frozenset().union(*map(line_bigrams, before[-COHESION_LINES:]))
    a = frozenset().union(*map(line_bigrams, after[:COHESION_LINES]))
    return len(a & b) / min(len(a), len(b)) if a and b else 1.0


def low_cohesion(before: list[str], after: list[str], share: float = COHESION_SHARE) -> float | None:
    """:func:`cohesion`, where it is under COHESION_SHARE (None otherwise).  Most
    points asked about are inside one article, where the lines nearest the point
    already share more bigrams than the whole windows would need: those are answered
    without reading the rest.  (A window's bigram count is taken as growing in
    proportion to its characters: it grows more slowly, as bigrams repeat, so the
    early answer errs to the side of reading on.)"""
    before, after = before[-COHESION_LINES:], after[:COHESION_LINES]
    size_b, size_a = sum(map(len, before)), sum(map(len, after))
    # Each wider window's bigrams are the narrower one's and those of its further lines.
    b: frozenset[str] = frozenset()
    a: frozenset[str] = frozenset()
    n_b, read = len(before), 0  # lines read on each side
    for k in (COHESION_LINES // 4, COHESION_LINES // 2):
        b = b.union(*map(line_bigrams, before[max(0, n_b - k):max(0, n_b - read)]))
        a = a.union(*map(line_bigrams, after[read:k]))
        read = k
        part_b, part_a = sum(map(len, before[-k:])) or 1, sum(map(len, after[:k])) or 1
        whole = min(len(b) * size_b / part_b, len(a) * size_a / part_a)
        if len(b & a) >= share * whole:
            return None
    b = b.union(*map(line_bigrams, before[:max(0, n_b - read)]))  # now :func:`cohesion`'s windows
    a = a.union(*map(line_bigrams, after[read:]))
    coh = len(a & b) / min(len(a), len(b)) if a and b else 1.0
    return coh if coh < share else None
