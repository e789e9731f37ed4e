"""Headlines set in a row above the articles they head.

An extractor that reads the page in horizontal bands (plain ``pdftotext``) gives a
row of headlines set side by side first, each set apart by a blank line, then the
bodies under them one after another, with only a blank line between one body's
end and the next body's start.  The headline groups of the row are dealt out to
the bodies after them (:func:`headline_row`); where the bodies ran on as one,
that body is first cut where an unplaced group's article begins
(:func:`cut_under_row`).  A subtitle set lower than its title's row heads its body
alone; the title is found in the row (:func:`_orphan_subtitles`).  Where a headline went
to the body before it, the stand-alone byline under it goes too
(:func:`bylines_under_headlines_after`).
"""
from __future__ import annotations

from collections.abc import Sequence

from .attach import FULL_BIGRAMS, LEAD_CHARS, bigrams, overlap_text, share_in
from .bylines import parse_inline
from .draft import Draft
from .cohesion import cohesion
from .headlines import SUBTITLE_START
from .layout import Labelled
from .reflow_cues import SIGNED_NAMES

# A group of the row opens the text after a paragraph end when it echoes that
# text's lead at least this much (a title sums up its lead: its own article's
# lead shares half or more of its bigrams) ...
ROW_ECHO = 0.5
# ... and shares less than this with all the text of the body before that point
# (a headline of the text before the point echoes it there too; on generated
# pages the headlines of the text after such a point shared under a fifth).
ROW_BEFORE_ECHO = 0.2
# Band reading leaves a blank line where one body ends and the next begins, and few
# elsewhere in a body: on generated pages under a fifth of the lines after a full
# stop follow one.  Dumps that part every paragraph so (up to nine in ten) say
# nothing by it.
BLANK_PARAGRAPHS = 0.25
# Two articles' texts share few bigrams (generated pages: at most 0.048 of 149 pairs
# of neighbours, cohesion.cohesion), one article's two sides of a paragraph break
# more (median 0.10): a point where they share this much is no body's end, however
# well a group echoes the lead there (a title's words quoted in its own article's
# later paragraph: "人进沙退筑起绿色屏障" / "“不是人进沙退，就是沙进人退…").
ROW_SAME_SUBJECT = 0.06


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


def _row_cut(body: Sequence[Labelled], groups: list[list[Labelled]]) -> tuple[int, int] | None:
    """Where, in ``body``, the article of one of ``groups`` begins: the paragraph
    start after a blank line (the band reading parts bodies so) whose lead the
    group echoes (ROW_ECHO) while the text before it does not (ROW_BEFORE_ECHO).
    Returns ``(line, group)`` for the best-echoed such start, or None."""
    grams = [bigrams("".join([x.info.text for x in g])) for g in groups]
    # A subtitle ("——…") stays under its title: it heads no article of its own.
    opener = [not SUBTITLE_START.match(g[0].info.text) for g in groups]
    texts = [x.info.text for x in body]
    best: tuple[float, int, int] | None = None
    for j in range(1, len(body)):
        if not (body[j].info.blank_before and body[j - 1].info.strong_end):
            continue
        lead = lead_text_at(body, j)
        before = ""  # joined only where a group echoes the lead
        for q, b in enumerate(grams):
            if not opener[q]:
                continue
            echo = share_in(b, lead) * min(1.0, len(b) / FULL_BIGRAMS)  # a short group ("地方") matches by chance
            if echo < ROW_ECHO or (best is not None and echo <= best[0]):
                continue
            before = before or "".join(texts[:j])
            if share_in(b, before) < ROW_BEFORE_ECHO and cohesion(texts[:j], texts[j:]) < ROW_SAME_SUBJECT:
                best = (echo, j, q)
    return None if best is None else (best[1], best[2])


def _blank_parts_paragraphs(drafts: Sequence[Draft]) -> bool:
    """Does a blank line open paragraphs on this page (BLANK_PARAGRAPHS), rather
    than mark where a band of text ends?"""
    ends = blank = 0
    for d in drafts:
        for x, y in zip(d.body, d.body[1:]):
            if x.info.strong_end:
                ends += 1
                blank += y.info.blank_before
    return blank > BLANK_PARAGRAPHS * ends


def cut_under_row(drafts: list[Draft], above: Sequence[bool]) -> list[Draft]:
    """Bodies under a row of headlines that ran on as one: where a headline block
    holds more groups than there are bodies to take them, a body is cut at a
    paragraph start whose lead an unplaced group echoes (:func:`_row_cut`).  The
    part after the cut takes that group, and each other group that echoes its
    lead more than the text before the cut (a kicker or a second title line set
    as a group of its own); the rest stay where they were."""
    if _blank_parts_paragraphs(drafts):
        return drafts
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        k = _row_end(drafts, i)
        row = drafts[i:k]
        groups = _groups(drafts[i].head) if above[i] else []
        while len(groups) > len(row):
            cut = None
            for r, d in enumerate(row):
                if (found := _row_cut(d.body, groups)) is not None:
                    cut = (r, *found)
                    break
            if cut is None:
                break
            r, j, q = cut
            d = row[r]
            before, lead = "".join([x.info.text for x in d.body[:j]]), lead_text_at(d.body, j)
            moved = [g for p, g in enumerate(groups)
                     if p == q or overlap_text(g, lead) > overlap_text(g, before)]
            groups = [g for g in groups if not any(g is m for m in moved)]
            second = Draft(head=[x for g in moved for x in g], body=d.body[j:], continued_to=d.continued_to)
            d.body, d.continued_to = d.body[:j], None
            row[r + 1:r + 1] = [second]
            row[0].head = [x for g in groups for x in g]
        out.extend(row)
        i = k
    return out


def headline_row(drafts: list[Draft], leads: list[str]) -> None:
    """Headlines set in a row above the articles they head: a headline block of
    k + 1 groups before a body whose k next bodies have none of their own is dealt
    out in order, unless a group echoes the first body's opening better than its
    own.  Groups left over after the row's bodies are the next article's, its kicker
    over the title printed with it, where each echoes that article's opening better
    than any of the row's ("墨西哥…" / "潘建伟…" / "四川成都加强价格监测" over two bodies,
    then "适时引导生产运销" and the Chengdu report)."""
    i = 0
    while i < len(drafts):
        k = _row_end(drafts, i)
        head = drafts[i].head
        if k > i + 1 and head:
            groups = _groups(head)
            extra = groups[k - i:]
            if extra and not (k < len(drafts) and drafts[k].head and drafts[k].continued_from is None and all(
                    (mine := overlap_text(g, leads[k])) > 0 and all(mine > overlap_text(g, leads[r]) for r in range(i, k))
                    for g in extra)):
                extra = []
            groups = groups[:k - i] if extra else groups
            if len(groups) == k - i and all(overlap_text(g, leads[i + j]) >= overlap_text(g, leads[i])
                                             for j, g in enumerate(groups) if j):
                for j, g in enumerate(groups):
                    drafts[i + j].head = g
                if extra:
                    drafts[k].head = [x for g in extra for x in g] + drafts[k].head
        i = k
    _orphan_subtitles(drafts, leads)


def _orphan_subtitles(drafts: list[Draft], leads: list[str]) -> None:
    """A body whose headline is a subtitle alone ("——宣读习近平主席贺信并致辞") had its
    title set in the row above, read with the headline of the body before ("韩正出席…开幕式"
    beside "决胜毫厘之间 / 夺金奋勇争先"): the group of that headline that echoes this
    body's opening more than the body it stands over is this body's title."""
    for k in range(1, len(drafts)):
        head, prev = drafts[k].head, drafts[k - 1].head
        if not head or not SUBTITLE_START.match(head[0].info.text) or any(x.info.blank_before for x in head[1:]):
            continue
        groups = _groups(prev)
        if len(groups) < 2:
            continue
        mine = [g for g in groups if overlap_text(g, leads[k]) > max(overlap_text(g, leads[k - 1]), ROW_ECHO)]
        # (the last group, set right over the body before, is that body's whatever it echoes)
        if len(mine) == 1 and mine[0] is not groups[-1]:
            drafts[k].head = mine[0] + head
            drafts[k - 1].head = [x for g in groups if g is not mine[0] for x in g]


Placed = list[tuple[list[Labelled], list[Labelled]]]


def bylines_under_headlines_after(drafts: list[Draft], placed: Placed,
                                  leads: list[str]) -> tuple[list[Draft], Placed, list[str]]:
    """A stand-alone byline under a headline that went to the body before it (printed
    after its body) signs that article, where the body after it signs itself ("…表扬。" /
    "湖北完善考评办法…" / "■ 记者 范昊天" / "本报北京1月31日电 （记者王迪）…", or its
    writer's name closing it, "…惠及22万建档立卡贫困人口。（齐志明）"), has its own
    headline and byline after it too, or there is no body after it (the page's last lines):
    an article has one byline, and a byline stands under its own headline.  Drafts left
    empty (a byline alone) are dropped, with their entries of ``placed`` and ``leads``."""
    emptied = []

    def signed_after(j: int) -> bool:
        """Is draft ``j``'s headline printed after it, a byline alone after that?"""
        nxt = drafts[j + 1] if j + 1 < len(drafts) else None
        return bool(placed[j][1]) and nxt is not None and bool(nxt.byline) and not nxt.body and not placed[j + 1][0]

    for k, (a, b) in enumerate(zip(drafts, drafts[1:])):
        if (b.byline and not a.byline and placed[k][1] and not placed[k + 1][0] and not _signed(leads[k])
                and (_signed(leads[k + 1]) or _signed_at_end(b.body) or not (b.body or placed[k + 1][1])
                     or signed_after(k + 1))):
            a.byline, b.byline = b.byline, []
            if not (b.body or b.head or b.continued_to or b.continued_from):
                emptied.append(k + 1)
    keep = [k for k in range(len(drafts)) if k not in emptied]
    return [drafts[k] for k in keep], [placed[k] for k in keep], [leads[k] for k in keep]


def _signed(text: str) -> bool:
    found = parse_inline(text)
    return found is not None and bool(found.reporters)


def _signed_at_end(body: Sequence[Labelled]) -> bool:
    """Is the body signed at its end: its writer's name in brackets on a line of its own
    ("（齐志明）", "（本报记者 张清）")?"""
    return bool(body) and body[-1].info.text[:1] in "（(" and SIGNED_NAMES.fullmatch(body[-1].info.text) is not None
