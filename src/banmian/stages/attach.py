"""Headline blocks -> the article bodies they belong to.

Extractors emit a headline before its body or after it, depending on the order
the producer drew them, and a page can mix both (one article drawn headline
first, the next body first).  A headline block between two bodies may therefore
belong to the body before it, the body after it, or be two blocks run together.

Titles summarise their article's lead, so the shared character bigrams of a
headline part and a body's opening decide, with the page's overall drawing
order as a prior and a small cost for an article left without a headline.  A
dynamic programme picks, for every block, the split point between "after the
previous body" and "before the next one"; a body given a part of both blocks beside
it pays for the second.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .headlines import KICKER_END, SUBTITLE_END, SUBTITLE_START, kicker_couplet
from .layout import Labelled
from .shapes import left_open

OVERLAP_WEIGHT = 2.0
ORDER_PRIOR = 0.3
SPLIT_COST = 0.25
INNER_CUT_COST = 1.0  # cutting inside what looks like one wrapped field
UNTITLED_COST = 0.5
# A body given parts of both blocks beside it: one of them is not its headline but
# its neighbour's, or text read as display type (a deck, a signature).  A price, not
# a rule: the first block has no other body to go to, and a deck read as a headline
# above the first body must not push every headline after it one body down.
DOUBLE_COST = 1.5
# The same for the last body, whose block after it has nowhere else to go either:
# what is left at the page's foot in display type (a signature, a note) lands there,
# so it is less a sign that the last body's headline before it is its neighbour's.
END_DOUBLE_COST = 0.5
CONTINUED_HEAD_COST = 0.6  # a continuation ("上接…") rarely carries a headline; at most a repeated title
LEAD_CHARS = 400
FULL_BIGRAMS = 5  # a headline part's overlap counts in full from this many bigrams (:func:`_weighed`)
# Every two run characters (CJK or digits) in a row, overlapping: each bigram of the
# runs found in one call, a fifth cheaper than joining each run's characters
# pairwise (tests/test_fast_paths.py).
_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff0-9]{2}))")


@lru_cache(maxsize=256)  # headline parts recur within a page; bodies are big, keep few
def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of the runs of CJK characters and digits in ``text``.

    >>> sorted(bigrams("环境固本"))
    ['固本', '境固', '环境']
    """
    return frozenset(_BIGRAM.findall(text))


def overlap(head: Sequence[Labelled], lead: frozenset[str] | set[str]) -> float:
    """Share of a headline part's bigrams found in a body's opening."""
    if not head:
        return 0.0
    b = bigrams("".join(x.info.text for x in head))
    return len(b & lead) / len(b) if b else 0.0


def overlap_text(head: Sequence[Labelled], text: str) -> float:
    """:func:`overlap` with the body's opening given as its text: a headline bigram
    is one of the text's bigrams exactly when it occurs in the text (both its
    characters are run characters), so the text's own bigram set, the costly
    part, is never built.

    >>> overlap_text([], "环境固本"), bigrams("环境") <= bigrams("环境固本")
    (0.0, True)
    """
    return share_in(bigrams("".join([x.info.text for x in head])), text) if head else 0.0


def _weighed(head: Sequence[Labelled], text: str) -> float:
    """:func:`overlap_text`, in proportion for a part of fewer than :data:`FULL_BIGRAMS`
    bigrams: "跳伞" shares its one bigram with any body about parachuting, by chance as
    often as by belonging."""
    b = bigrams("".join([x.info.text for x in head])) if head else frozenset()
    return share_in(b, text) * min(1.0, len(b) / FULL_BIGRAMS) if b else 0.0


def _fair(head: Sequence[Labelled], own: str, other: str) -> float:
    """:func:`_weighed` of a part against the body it is given to, less how much more
    it echoes the body on the block's other side.  Each part's echo is a share of that
    part alone, so cutting off the words of a headline that echo the body before best
    and handing the rest to the next body would score above keeping the headline
    whole, though the rest echoes the body before, not the next: a part given to the
    side it echoes less pays the difference."""
    if not head:
        return 0.0
    mine = _weighed(head, own)
    return mine - max(0.0, _weighed(head, other) - mine)


def share_in(b: frozenset[str], text: str) -> float:
    """Share of the bigrams ``b`` that occur in ``text`` (:func:`overlap_text` of
    a headline part whose bigrams the caller has already)."""
    return sum(map(text.__contains__, b)) / len(b) if b else 0.0  # (True counts 1)


def attach_headlines(blocks: list[list[list[Labelled]]], leads: list[str], continued: list[bool],
                     prior_after: int) -> list[tuple[list[Labelled], list[Labelled]]]:
    """Distribute headline fields over bodies.

    ``blocks[i]`` (i = 0..n) are the fields of the headline block before body i
    (``blocks[n]`` follows the last body); ``leads[i]`` the text of body i's
    opening (read with :func:`overlap_text`: its bigram set is never built);
    ``continued[i]`` whether body i continues a jump (no title expected).
    Returns, per body, ``(lines from the block before it, lines from the block after it)``.
    """
    n = len(leads)
    if n == 0:
        return []
    neg = float("-inf")
    # best[i][s]: best score with body i's "has a title from before" state s
    best = [[neg, neg] for _ in range(n)]
    back: list[list[tuple[int, int]]] = [[(0, 0), (0, 0)] for _ in range(n)]
    first = blocks[0]
    best[0][1 if first else 0] = OVERLAP_WEIGHT * overlap_text(_flat(first), leads[0])
    for i in range(n - 1):
        fields = blocks[i + 1]
        lines = _flat(fields)
        m = len(lines)
        cuts = _cuts(fields)
        # (a cut's echo is the same from either state: weighed once per cut)
        echo = [OVERLAP_WEIGHT * (_fair(lines[:k], leads[i], leads[i + 1]) + _fair(lines[k:], leads[i + 1], leads[i]))
                for k, _ in cuts]
        for s in (0, 1):
            if best[i][s] == neg:
                continue
            for (k, cost), heard in zip(cuts, echo):
                before = lines[k:]
                score = best[i][s] - cost
                if s == 1 and k > 0:
                    score -= DOUBLE_COST  # body i has its headline from before already
                score += heard
                if m and k == m and prior_after > 0 or m and k == 0 and prior_after < 0:
                    score += ORDER_PRIOR
                if not (s or k) and not continued[i]:
                    score -= UNTITLED_COST
                if (k and continued[i]) or (before and continued[i + 1]):
                    score -= CONTINUED_HEAD_COST
                t = 1 if before else 0
                if score > best[i + 1][t]:
                    best[i + 1][t] = score
                    back[i + 1][t] = (s, k)
    # The last block can only follow the last body.
    last = blocks[n] if len(blocks) > n else []
    ends = []
    for s in (0, 1):
        if best[n - 1][s] == neg:
            continue
        score = best[n - 1][s] + OVERLAP_WEIGHT * overlap_text(_flat(last), leads[n - 1])
        if not s and not last and not continued[n - 1]:
            score -= UNTITLED_COST
        if s and last:
            score -= END_DOUBLE_COST
        ends.append((score, s))
    _, s = max(ends)
    result: list[tuple[list[Labelled], list[Labelled]]] = [([], []) for _ in range(n)]
    result[n - 1] = (result[n - 1][0], _flat(last))
    for i in range(n - 1, 0, -1):
        ps, k = back[i][s]
        lines = _flat(blocks[i])
        result[i] = (lines[k:], result[i][1])
        result[i - 1] = (result[i - 1][0], lines[:k])
        s = ps
    result[0] = (_flat(blocks[0]), result[0][1])
    return result


def _cuts(fields: Sequence[Sequence[Labelled]]) -> list[tuple[int, float]]:
    """Where a headline block may be cut between two bodies, in lines, with the
    price: nothing at its ends, ``SPLIT_COST`` between fields, more inside a
    field (two narrow titles in one measure look like one wrapped title, and
    only their leads can tell them apart)."""
    out = [(0, 0.0)]
    pos = 0
    for j, f in enumerate(fields):
        for q in range(1, len(f)):
            # a kicker stays with what follows; so does a line leaving a bracket open (a
            # title's column tag, broken: "梦想在琴键上飞扬（我与新中国·庆 / 祝…70周年）")
            if not KICKER_END.search(f[q - 1].info.text) and not left_open(f[q - 1].info.text):
                out.append((pos + q, SPLIT_COST + INNER_CUT_COST))
        pos += len(f)
        if j + 1 < len(fields) and _can_cut(fields, j + 1):
            out.append((pos, SPLIT_COST))
    if pos:
        out.append((pos, 0.0))
    return out


def _can_cut(fields: Sequence[Sequence[Labelled]], k: int) -> bool:
    """A kicker ("…强调", "…——", a couplet over a phrase) stays with the field after it; a subtitle
    ("——…", "…主持 …出席") with the field before it."""
    if not 0 < k < len(fields):
        return True
    if KICKER_END.search(fields[k - 1][-1].info.text) or (
            len(fields[k - 1]) == 1 and kicker_couplet(fields[k - 1][0], fields[k][0])):
        return False
    after = "".join(x.info.text for x in fields[k])
    return not (SUBTITLE_START.match(after) or SUBTITLE_END.search(after))


def _flat(fields: Sequence[Sequence[Labelled]]) -> list[Labelled]:
    return [x for f in fields for x in f]
