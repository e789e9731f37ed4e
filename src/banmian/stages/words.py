"""Does a line break fall inside a word?

A field of a headline wraps where its measure ends, and a measure ends wherever it
ends: inside a word as often as not ("2019年全国两会新闻中" / "心正式启用").  Two fields
part between phrases.  So a break that cuts a word joins two lines into one field.

A break cuts a word when the two sides read together are much likelier than each read
alone: log-probabilities of jieba's most likely segmentation (its dictionary and word
frequencies, no guessing of unknown words).  Measured on the People's Daily dev corpus,
a gain over :data:`GAIN` holds for 1 of 1,036 kicker + title pairs ("…签署通令" / "嘉奖…")
and none of 546 title + subtitle pairs, and for 38% of the places a title could be cut.
(A token of the segmentation running across the break, without the gain, holds for 4
kicker + title pairs, "保洁员王继保" / "有事…" reading 保有; the word list alone, for 43.)

jieba's word list is loaded once, on the first question (~0.1 s); without jieba
installed no break is taken for one inside a word.
"""
from __future__ import annotations

import math
from functools import lru_cache

from ..wordlist import jieba_word_list

WINDOW = 6  # characters read on each side of the break
GAIN = 3.0  # log-probability the joined reading must gain


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


MIN_COUNT = 5  # rarer words are left out of the list kept (see _dictionary)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], float, int] | None:
    """jieba's word list: each word's count, the log of their total, the longest word.

    Only the list is read, a line at a time (~0.1 s): jieba's own start-up builds a prefix
    table of every word, slower and several times the memory, for segmenting whole texts.
    Words counted under :data:`MIN_COUNT` (213,000 of 349,000, most counted 3) are not
    kept: the 136,000 left take a third of the memory, and the breaks of the dev corpus's
    titles read the same at 98.7% of the places a title could be cut (no kicker + title
    pair then reads as one word across its break)."""
    path = jieba_word_list()
    if path is None:  # (a dependency; absent only in a broken install)
        return None
    counts: dict[str, int] = {}
    total = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:  # word, count, part of speech
            word, count, _ = line.split(" ", 2)
            n = int(count)
            total += n
            if n >= MIN_COUNT:
                counts[word] = n
    return counts, math.log(total), max(map(len, counts))


def load() -> bool:
    """Load the word list now (a server or a benchmark, before the first page); whether it
    is there."""
    return _dictionary() is not None


def _best(text: str, counts: dict[str, int], log_total: float, longest: int) -> float:
    """Log-probability of the most likely segmentation of ``text``: jieba's route without
    its guessing of unknown words (``jieba.cut(text, HMM=False)``)."""
    n = len(text)
    route = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends = [j for j in range(i + 1, min(n, i + longest) + 1) if counts.get(text[i:j])] or [i + 1]
        route[i] = max(math.log(counts.get(text[i:j]) or 1) - log_total + route[j] for j in ends)
    return route[0]


def breaks_word(before: str, after: str) -> bool:
    """Does the break between a line ending ``before`` and one opening ``after`` cut a word?

    >>> breaks_word("2019年全国两会新闻中", "心正式启用"), breaks_word("浙江淳安与贵州剑河协作扶贫", "订单式培训拓宽就业路")
    (True, False)
    """
    return junction_gain(before, after) > GAIN


def junction_gain(before: str, after: str) -> float:
    """How much likelier a line ending ``before`` and one opening ``after`` read as one text
    than apart: the log-probability gained by joining :data:`WINDOW` characters of each side
    (0.0 where either side does not meet at an ideograph, or without jieba's word list).

    >>> junction_gain("2019年全国两会新闻中", "心正式启用") > GAIN > junction_gain("新闻中心", "正式启用")
    True
    """
    if not (before and after and _ideograph(before[-1]) and _ideograph(after[0])):
        return 0.0
    return _gain(before[-WINDOW:], after[:WINDOW])


@lru_cache(maxsize=8192)
def _gain(a: str, b: str) -> float:
    found = _dictionary()
    if found is None:
        return 0.0
    counts, _, longest = found
    # Where no word of the list runs across the break, the likeliest reading of the two
    # sides together is each side's own: the gain is 0 without reading them (most pairs
    # of lines a dealt page's columns are tried with).
    if not any(a[-p:] + b[:q] in counts for p in range(1, min(len(a), longest - 1) + 1)
               for q in range(1, min(len(b), longest - p) + 1)):
        return 0.0
    return _logp(a + b) - _logp(a) - _logp(b)


# (a line's end and a line's start are read against many others where columns are dealt
# out: each side's reading is made once)
@lru_cache(maxsize=8192)
def _logp(text: str) -> float:
    found = _dictionary()
    return _best(text, *found) if found is not None else 0.0
