"""Column pieces read out of order -> the order they were written in.

Plain ``pdftotext`` reads a page in horizontal bands.  Where two articles stand
side by side it gives a column piece of one, then a column piece of the other,
each set off by blank lines::

    …去年90多万元，今年已达110万        <- article A, column 1, mid-sentence
                                         <- blank line
    在庆祝中华人民共和国成               <- article B opens a paragraph
    …
    元。”李熠说。                        <- article A, column 2, goes on

A piece that ends inside a sentence must be followed by one that begins inside
a sentence.  The piece that continues it is further on when the next piece
opens a paragraph (its first line short by the indent) or is display type and
is not as deep as this piece (an article's columns are set to one depth, so the
next column of the same article would be); when it opens with a title and its
column tag (another article's however deep it is); and when it is a line or two
left open, a headline ("一封发自南苏丹（朱巴）中国维和步兵营的信——"), unless the
piece after it goes on with the sentence (a column's middle set off by blank
lines).  The follower is a later piece that starts mid-sentence, in the same
column width and depth (or, after a full column piece, up to a few lines
shallower: an article's last column runs short); it is moved up.  Of several,
one of the same depth wins, then one the break cuts a word of ("农民集" / "体对
承包地"), then the one sharing most of its words, and of those sharing about as
many the nearest: an article's later columns share its words as much as its next
one does.  A candidate sharing more words with the pieces it would jump over
than with the text before the open end goes on with those instead.  A jump
marker ("（下转第2版）") explains an open end and stops the search.  Lines only
change places: nothing is added, dropped or rewritten, and dumps without blank
lines (``-raw``, PDFium, PDFs) are left as they are.
"""
from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from .attach import bigrams
from .cohesion import COMMON_BIGRAMS
from .measure import mode_width
from .normalize import LineInfo
from .reflow_cues import opens_article, reporter_lead
from .shapes import COLUMN_TAG
from .words import breaks_word

MIN_PIECE = 3  # lines; shorter pieces are headlines, bylines, furniture
WIDTH_SLACK = 1.0  # ems two pieces of one column may differ by (a few lines of figures move the mode)
LAST_COLUMN_SHORT = 4  # lines an article's last column may fall short of its others
NEAR_SHARE = 0.5  # a follower sharing this share of the best one's words is about as good
FOLLOWER_LINES = 8  # a follower's opening lines, read for the words it shares


class Piece(NamedTuple):
    lines: tuple[LineInfo, ...]
    width: float  # the piece's column width (ems); 0.0 under MIN_PIECE text lines, where it is never read
    text: tuple[LineInfo, ...]  # its lines that are not furniture or jump markers


def pieces_of(infos: list[LineInfo]) -> list[Piece]:
    """Runs of lines between blank lines."""
    out: list[list[LineInfo]] = []
    for x in infos:
        if x.blank_before or not out:
            out.append([])
        out[-1].append(x)
    result = []
    for p in out:
        text = tuple(x for x in p if not (x.furniture or x.jump))
        # (short pieces are headlines, bylines, furniture: never weighed by width)
        width = mode_width([x.width for x in text]) if len(text) >= MIN_PIECE else 0.0
        result.append(Piece(tuple(p), width, text))
    return result


def _ends_open(p: Piece) -> bool:
    if len(p.text) < MIN_PIECE or p.lines[-1].jump:
        return False
    # body lines of the piece's column, not a headline block set under it
    prev, last = p.text[-2], p.text[-1]
    return (not last.terminal and not COLUMN_TAG.search(last.text)
            and p.width - 1.0 <= last.max_width and last.min_width <= p.width + 1.0
            and prev.min_width <= p.width + 1.0)


def _opens_paragraph(p: Piece, width: float, indent: float) -> bool:
    """The piece's first line is short by the indent, or short and open
    (display type); ``width``: the column width of the piece before it."""
    if not p.text:
        return False
    first = p.text[0]
    return first.indented or (not first.terminal and first.max_width <= width - indent + 0.5)


def _opens_with_tagged_title(p: Piece) -> bool:
    """Does the piece open with a title ending in its column tag ("与时间做朋友（创见）")?
    A sub-heading carries none: the piece is another article's, however deep."""
    first = p.text[0]
    return not first.terminal and first.text[0] not in "（(" and COLUMN_TAG.search(first.text) is not None


def _continues(p: Piece, width: float, loose: bool = False) -> bool:
    """Starts inside a sentence: a full first line, or a paragraph's short last line."""
    if not p.text or p.text[0].byline_names or p.text[0].numbered:
        return False
    first = p.text[0]
    if not first.terminal and len(p.text) > 1 and _opens(p.text[1].text, p.text[2].text if len(p.text) > 2 else ""):
        return False  # (an open line over a lead or a byline is a title: "全市居民人均可支配收入增长5.6%")
    # (``loose``: a full line may come short by the punctuation squeezed in it, "哥”。一个个…";
    # asked of the piece right after an open end, not of pieces searched further on)
    reach = first.max_width if loose else first.min_width
    return not first.indented and (first.terminal or reach >= width - 1.0)


def _opens(text: str, following: str) -> bool:
    """Does a paragraph open here: a news byline or a local news lead (记者从…获悉)?"""
    return opens_article(text, following) or reporter_lead(text, following)


def _follows(pieces: list[Piece], k: int, cur: Piece) -> bool:
    """Could piece ``k`` go on with the sentence piece ``cur`` leaves open: it starts
    inside a sentence and is a column's worth of lines, or the sentence's last line or
    two ("儿？”"), or a line or two of a column parted from the rest by blank lines."""
    p = pieces[k]
    if not _continues(p, cur.width, True):
        return False
    if len(p.text) >= MIN_PIECE or p.text[-1].strong_end:
        return True
    # a line or two left open: a column's middle set off by blank lines where the
    # piece after it goes on with the sentence, else a headline
    after = next((q for q in pieces[k + 1:] if q.text), None)
    return after is not None and _continues(after, cur.width, True) and not _opens_with_tagged_title(after)


def _depth(p: Piece) -> int:
    """Lines of the piece's column: a headline block read with the first column
    ("让创新发展开花结果（大督查在行动）" above it) stands above the column, not in it."""
    k = 0
    if p.width:
        while k < len(p.lines) - 1 and not p.lines[k].terminal and (
                p.lines[k].min_width > p.width + 1.0 or p.lines[k].max_width < p.width - 4.0):
            k += 1
    return len(p.lines) - k


def _same_depth(a: Piece, b: Piece) -> bool:
    """Columns of one article are set to one depth (the last may be shorter)."""
    return abs(_depth(a) - _depth(b)) <= 1


def restore_order(infos: list[LineInfo], indent: float = 2.0) -> tuple[list[LineInfo], list[str]]:
    """Move each piece that continues an open sentence up behind it; returns the
    lines in their new order and a note per move."""
    # (dumps without blank lines are one piece: told without cutting them up)
    if len(infos) < 3 or sum(map(attrgetter("blank_before"), infos[1:])) < 2:
        return infos, []
    pieces = pieces_of(infos)
    if len(pieces) < 3:
        return infos, []
    notes: list[str] = []
    i = 0
    while i < len(pieces) - 2:
        cur = pieces[i]
        nxt = next((k for k in range(i + 1, len(pieces)) if pieces[k].text), None)
        if nxt is None:
            break
        if any(x.jump for k in range(i + 1, nxt + 1) for x in pieces[k].lines[:1]):
            i += 1  # "（下转第2版）": the sentence goes on on another page
            continue
        same = _same_depth(pieces[nxt], cur)
        tagged = _opens_with_tagged_title(pieces[nxt])
        opens = _opens_paragraph(pieces[nxt], cur.width, indent) and not _continues(pieces[nxt], cur.width)
        if _ends_open(cur) and (tagged or (not same if opens else not _follows(pieces, nxt, cur))):
            # (after a full column piece the article's last, shorter column may
            # be the one; a sub-heading or headline piece can stand inside a
            # column, so there only a piece of the same depth is taken)
            short = LAST_COLUMN_SHORT if len(pieces[nxt].text) >= MIN_PIECE else 0
            # (a piece as deep as a tagged title's may be that article's next column:
            # the follower must share more words with the open piece than with it)
            j = _best_follower(pieces, i, nxt + 1, short, pieces[nxt] if same else None)
            if j is not None:
                moved = pieces.pop(j)
                pieces.insert(i + 1, moved)
                why = "opens with a tagged title" if tagged else "opens a paragraph" if opens else "does not go on"
                notes.append(f"lines {moved.lines[0].line.number}-{moved.lines[-1].line.number} "
                             f"continue line {cur.lines[-1].line.number} (moved up: the piece after "
                             f"it {why})")
        i += 1
    if not notes:
        return infos, []
    return [x for p in pieces for x in p.lines], notes


_uncached = bigrams.__wrapped__


def _opening(p: Piece) -> frozenset[str]:
    """The bigrams of a piece's opening lines, the part read for the words it shares."""
    return bigrams("".join(x.text for x in p.text[:FOLLOWER_LINES]))


def _words(p: Piece) -> frozenset[str]:
    """The opening's bigrams that say what it is about: not figures, not the commonest."""
    return frozenset(g for g in _opening(p) if not g.isascii()) - COMMON_BIGRAMS


def _shared(p: Piece, q: Piece) -> int:
    """Bigrams the opening of ``p`` shares with the text of ``q``."""
    return len(_opening(p) & bigrams("".join(x.text for x in q.text)))


def _best_follower(pieces: list[Piece], i: int, start: int, short: int, other: Piece | None = None) -> int | None:
    """A later piece that starts mid-sentence in the same column width and depth,
    or up to ``short`` lines shallower (an article's last column), ranked as the module
    docstring says.  With ``other``,
    only a piece sharing more words with piece ``i`` than with ``other``; never one
    sharing more with the pieces it would jump over than with the text up to ``i``."""
    cur = pieces[i]
    depth = _depth(cur)
    words = None
    prior: frozenset[str] | None = None  # the text up to the open end, read once
    between: set[str] = set()  # the pieces from ``start - 1`` up to ``upto``
    upto = start - 1
    found: list[tuple[bool, bool, int, int]] = []
    for j in range(start, len(pieces)):
        p = pieces[j]
        if len(p.text) < MIN_PIECE or abs(p.width - cur.width) > WIDTH_SLACK or not _continues(p, cur.width):
            continue
        same = _same_depth(p, cur)
        if not same and not 0 < depth - _depth(p) <= short:
            continue
        if words is None:
            words = bigrams("".join(x.text for x in cur.text))
        shared = len(words & _opening(p))
        if other is not None and _shared(p, other) >= shared:
            continue
        # A piece further on that shares more words with the pieces it would jump over
        # (another article's, set between) than with the text before the open end goes
        # on with that article ("按常住地分…" / "城乡居民收入差距…"), not with this one.
        if j > start:
            opening = _words(p)
            # (bigrams of whole pieces, made once here: not kept in bigrams' cache, where
            # big sets only cost the garbage collector time)
            if prior is None:
                prior = _uncached("".join(x.text for q in pieces[:i + 1] for x in q.text))
            for q in pieces[upto:j]:
                between |= _uncached("".join(x.text for x in q.text))
            upto = j
            if len(opening & between) > len(opening & prior):
                continue
        # (a break inside a word, "农民集" / "体对承包地", joins the two: other columns of
        # the same article share its words as much)
        found.append((same, breaks_word(cur.text[-1].text, p.text[0].text), shared, j))
    if not found:
        return None
    # The best by depth, a word across the break and shared words; then of those about
    # as good the nearest: an article's later columns share its words as much as the
    # next one does, and are read after it.
    top = max(found, key=lambda c: c[:3])
    return min(c[3] for c in found if c[:2] == top[:2] and c[2] >= NEAR_SHARE * top[2])
