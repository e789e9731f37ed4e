"""Decks: summary sentences set apart between a commentary's title and its body.

A commentary's title ends in its column tag ("呵护城市的文化财富（新论）"); under it
one or two lead sentences may be set apart, printed without a full stop
("古迹是向世界展示自我的鲜明标识，而留住这种“记忆”本身也是城市功能的重要组成部分").
Without an end they read as headline lines, but they are the article's first
paragraphs: they are sentences (commas inside, a clause or two), wrapped at the
body's measure like body text, and the body follows them.  A headline field
rarely shows all of that: under a title's column tag there is no kicker (it
stands above the title), and a subtitle opens with a dash.  (On the generated
pages' gold, 96% of 318 such leads hold a comma, 、, ？ or ；, against 32% of
kickers, 12% of subtitles and 10% of titles of 12 characters or more; the
labelling put 26 of them into headline fields, most under a column tag.)
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .normalize import LineInfo
from .reflow_cues import opens_article

# Why a line is labelled body as a deck's, and why its last line ends a paragraph.
DECK = "a deck's line: a sentence set apart under a title's column tag"
DECK_END = "a deck's last line: a sentence set apart under a title's column tag"
# Reasons for a headline line that only its open end and shape gave (no type size,
# no tag, no width beyond the column): the lines a deck was taken for.
WEAK_HEAD = ("short without closing punctuation", "runs into a headline line",
             "short open line above another paragraph's first line",
             "full-width line where a paragraph would start indented",
             "open line where a paragraph would start indented")
DECK_MIN_CHARS = 12  # a deck is a sentence: shorter runs are a title's phrase
_TITLE_TAG = re.compile(r"[（(][^（）()]{2,40}[）)]$")
_CLAUSE = re.compile(r"[，、？；]")
# A deck ends without punctuation; a line ending in a comma runs on.
_PUNCT_END = re.compile(r"[，、；：,;:（(“‘《—]")


def _is_deck(texts: list[str]) -> bool:
    """Sentence-like: long enough, a clause break inside (not at the end), and one
    sentence (a full stop inside is a caption's or the text's: "…查看草莓长势。新华社发")."""
    joined = "".join(texts)
    return (len(joined) >= DECK_MIN_CHARS and "。" not in joined
            and bool(_CLAUSE.search(joined, 0, len(joined) - 1)))


def _body_starts(x: LineInfo, width: float, indent: float, paragraphs: bool) -> bool:
    """Does a paragraph start at this line: indented, after a blank line, or a
    first line's width (the indent dropped)?  A line ending in a bracket inside the
    text ("此外，乌鲁木齐高新区（新市区）") looks like a title's tag, but the text
    after it runs on to full lines."""
    return paragraphs or x.indented or x.blank_before or x.max_width <= width - 1.0


def find_decks(infos: Sequence[LineInfo], labels: Sequence[str], why: Sequence[str],
               widths: Sequence[float], indent: float, paragraphs: bool) -> list[tuple[int, str]]:
    """The lines of the runs of weak headline lines right under a title's column tag
    that a paragraph's first line follows, with their reason (``DECK`` / ``DECK_END``):
    label_lines makes them body."""
    found: list[tuple[int, str]] = []
    n = len(infos)
    i = 1
    while i < n:
        # cheap tests first: a weak headline line under a headline line ending in a tag
        if not (labels[i] == "head" and labels[i - 1] == "head" and why[i].startswith(WEAK_HEAD)
                and _TITLE_TAG.search(infos[i - 1].text)):
            i += 1
            continue
        j = i
        while j < n and labels[j] == "head" and why[j].startswith(WEAK_HEAD):
            j += 1
        # (a news byline opens the article's text: what stands between the title and it
        # is the headline's, a subtitle without its dash: "…（权威发布） / 共七百六十二处，含
        # 一百三十八处革命文物 / 本报北京10月10日电 （记者 王")
        if j >= n or labels[j] != "body" or not _body_starts(infos[j], widths[j], indent, paragraphs) \
                or opens_article(infos[j].text, infos[j + 1].text if j + 1 < n else ""):
            i = j + 1
            continue
        # split the run into decks: one ends at a short line, before a blank line,
        # or (a paragraph to a line) at every line
        decks: list[list[int]] = [[]]
        for k in range(i, j):
            decks[-1].append(k)
            short = infos[k].max_width < widths[k] - indent - 1.25
            if k + 1 < j and (paragraphs or short or infos[k + 1].blank_before):
                decks.append([])
        if all(_is_deck([infos[k].text for k in d]) and not _PUNCT_END.match(infos[d[-1]].text[-1])
               for d in decks):
            for d in decks:
                found.extend((k, DECK_END if k == d[-1] else DECK) for k in d)
        i = j + 1
    return found
