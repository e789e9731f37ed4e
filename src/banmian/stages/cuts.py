"""Where one extracted line holds two texts an extractor set on one baseline, and where
to cut it: a title's last line and the byline or body line beside it, a jump marker
beside a title, a column tag and the text after it.

Cuts are offsets into a line's kept characters (:func:`cut_points`); the line's spans
are split there (:func:`split_spans`), so every piece still maps back to the page.
"""
from __future__ import annotations

import re

from ..model import Line, Page, Span
from .bylines import STANDALONE_BYLINE_RE
from .reflow_cues import ARTICLE_LABELS

_WS_RUN = re.compile(r"\s+")

# Extractors put text drawn on one baseline on one line: a title's last line and
# the byline that starts the next column ("在俄罗斯举办 新华社北京10月14日电 （记者"),
# a title and the jump marker beside it ("…代表（上接第一版）").  Such lines are cut.
_MARKER_SUFFIX = re.compile(r"[（(](?:下转|紧转|转|上接|接|续)第?[0-9０-９一二三四五六七八九十A-Z]{1,3}[版页][）)]$")
_MARKER_PREFIX = re.compile(r"^[（(](?:上接|接|续)第?[0-9０-９一二三四五六七八九十A-Z]{1,3}[版页][）)]")
# A headline's last line and the first line beside it on the same baseline:
# "量（新语） “去年春节，村民过节都", "李克强出席闭幕式 ■ 本报记者 王远".
_TITLE_THEN_TEXT = re.compile(r"(?:[（(][^（）()]{1,12}[）)]|[\u4e00-\u9fff])(\s+)(?=[“■□●◆]|本报记者|记者\s)")
_BODY_PUNCT = re.compile(r"[，。；：！？、]")
_TITLE_END = re.compile(r"[\u4e00-\u9fff）)”》]$")
# (also a column tag's tail the line above opened: "湖南省博物馆 / 馆藏珍品介绍（华 / 夏博物之旅） 亲爱的祖国母亲：")
_HEAD_TAIL = re.compile(r"^(?:——)?[\u4e00-\u9fff]{2,12}$|^[\u4e00-\u9fff·①-⑳]{1,12}[）)]$")
# (its mark may be missing where a space follows the role: "百姓生活如蜜 记者 金歆吴旭", not
# "…电 记者从国家…获悉"; the rest of the line must be the byline)
_MARKED_BYLINE = re.compile(r"\s+(?=[■□●◆](?:\s*本报)?\s*(?:全媒体|融媒体)?记者|(?:本报)?(?:全媒体|融媒体)?记者\s)")
# (the place may be spread by justification, "本报 北 京 10 月 9 日 电"; an agency's brief
# has no date: "了（进博会观察） 据新华社电 （记者王烁）")
_BYLINE_AFTER_SPACE = re.compile(
    r"\s(?=(?:本报讯|据?新华社电|(?:本报|新华社)(?:\s?[\u4e00-\u9fff]){0,10}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]))")
# A title's column tag and, beside it on one baseline, the first line of a text: a deck,
# a body, or the next headline ("侵权踩下“急刹车”（倾听） 流行文化最能看出社会的心态和",
# "增产质量高（开年一线看亮点） 在乡村振兴的大背景下，农村", "（新春新年俗) 《送灵澈上人》").
_TAG_THEN_TEXT = re.compile(r"[（(][^（）()\s]{2,20}[）)](\s+)(?=[\u4e00-\u9fff“《0-9][^\s]{5,}$)")
_SENTENCE_PUNCT_IN = re.compile(r"[，。；！？]")
# A title's last line and its deck beside it on one baseline, the deck opening with its
# dash: "的立身之本 ——舞剧《醒·狮》的启示", "越开越大（人民时评） ——中国经济的信心从何而来⑤"
# (pypdfium2 joins them).  Neither side holds a sentence's end (a title may hold a comma:
# "消费升级，以蓬勃内需推动长期增长（人民时评） ——中国经济的信心从何而来④").
_TITLE_THEN_DECK = re.compile(r"^[^\s。；：！？]{2,40}(\s+)——[^\s。；！？]{2,}$")
# (a figure may open the text after a column tag: "（评论员观察） 68岁的铁人三项爱好者")
_GAP_IN_TEXT = re.compile(r"[\u4e00-\u9fff，。、；：？！“”（）)]\s+(?:[\u4e00-\u9fff，。、；：？！“”（）■□●◆《]|(?<=[）)]\s)[0-9])")


def cut_points(page: Page, line: Line, text: str, spans: tuple[Span, ...]) -> list[int]:
    """Output-character offsets where a merged line should be cut."""
    cuts = set()
    m = _MARKER_SUFFIX.search(text) if text[-1] in "）)" else None
    if m and m.start() > 0:
        cuts.add(m.start())
    m = _MARKER_PREFIX.match(text) if text[0] in "（(" else None
    if m and m.end() < len(text):
        cuts.add(m.end())
    raw = page.text[line.start:line.end].rstrip()
    if " " not in raw and "\u3000" not in raw and "\t" not in raw:
        return sorted(cuts)
    gaps = [line.start + m.end() for m in _BYLINE_AFTER_SPACE.finditer(raw)]
    m = _MARKED_BYLINE.search(raw)
    if (m and m.start() > 0 and not _WS_RUN.search(raw, 0, m.start()) and _TITLE_END.search(raw, 0, m.start())
            and STANDALONE_BYLINE_RE.match(raw[m.end():])  # (a title before it, not a byline's own mark
            and not STANDALONE_BYLINE_RE.match(raw)):  # or credit: "文/图 本报记者 郑凯")
        gaps.append(line.start + m.end())
    if len(_GAP_IN_TEXT.findall(raw)) == 1:
        # (not a quotation that is a title's second phrase, "“科幻之旅”青岛开启 “电影之都”看见未来":
        # body text after the gap runs on with a sentence's punctuation)
        gaps += [line.start + m.end(1) for m in _TITLE_THEN_TEXT.finditer(raw) if m.start(1) > 0
                 and (raw[m.end(1)] != "“" or _BODY_PUNCT.search(raw, m.end(1)) is not None)]
        m = _TAG_THEN_TEXT.search(raw)
        if m and not _SENTENCE_PUNCT_IN.search(raw, 0, m.start(1)) and not closes_unopened(raw[m.end(1):]):
            gaps.append(line.start + m.end(1))
    m = _TITLE_THEN_DECK.match(raw)
    if m:
        gaps.append(line.start + m.end(1))
    # "上 方便 1349年正月，时年81岁": a short headline tail, then a body line's start.
    last = None
    for m in _WS_RUN.finditer(raw):
        last = m
    if last is not None and last.start() > 0:
        head, tail = raw[:last.start()].strip(), raw[last.end():]
        if ARTICLE_LABELS.match(tail):
            # a label that only opens an article, beside the end of the headline before it:
            # "深刻的启示·庆祝新中国成立70周年） 核心阅读"
            gaps.append(line.start + last.end())
        elif (len(tail) >= 8 and _BODY_PUNCT.search(tail) and not _WS_RUN.search(tail)
                and _HEAD_TAIL.match(head) and (head[-1] not in "）)" or closes_unopened(head))
                and not head.startswith(("本报", "新华社", "记者"))
                and not head.endswith(("电", "讯"))  # "日电 （记者李强）": a byline's, wrapped in its date
                and tail[0] not in "）)”’」』，。、；：" and not tail[0].isascii()  # (a space before Latin text or a figure is spacing: "沙湖公园 C区")
                and not closes_unopened(tail)):  # "通 / 讯员 王五）3月5日": a byline's bracket, wrapped
            gaps.append(line.start + last.end())
    for src in gaps:
        before = sum(min(s.end, src) - s.start for s in spans if s.start < src)
        if before > 0:
            cuts.add(before)
    return sorted(cuts)


def bracket_depth(text: str, start: int = 0) -> int:
    """Brackets ``text`` opens from ``start`` on, less those it closes."""
    return (text.count("（", start) + text.count("(", start)) - (text.count("）", start) + text.count(")", start))


def closes_unopened(text: str) -> bool:
    """Does ``text`` close a bracket it did not open (one opened on an earlier line)?"""
    close = min((i for i in (text.find("）"), text.find(")")) if i >= 0), default=-1)
    if close < 0:
        return False
    opened = [i for i in (text.find("（"), text.find("(")) if i >= 0]
    return not opened or min(opened) > close


def split_spans(spans: tuple[Span, ...], cuts: list[int]) -> list[tuple[Span, ...]]:
    parts: list[list[Span]] = [[]]
    pos = 0
    bounds = list(cuts)
    for s in spans:
        start = s.start
        while bounds and pos + (s.end - start) > bounds[0] - 0 and bounds[0] - pos < s.end - start:
            k = bounds.pop(0) - pos
            if k > 0:
                parts[-1].append(Span(s.page, start, start + k))
            parts.append([])
            pos += k
            start += k
        if s.end > start:
            parts[-1].append(Span(s.page, start, s.end))
            pos += s.end - start
    return [tuple(p) for p in parts if p]


# Side-by-side columns joined on one line (plain pdftotext with columns set an em apart):
# where to part the columns' lines.  A column's line is as wide as the measure (FULL_BELOW
# short of it at most, digits and squeezed marks move it) or ends its paragraph on a
# sentence's mark; the spaces inside one (a byline's, justification's) fall where neither
# holds.
FULL_BELOW, FULL_ABOVE = 2.0, 1.5
_ENDS_PARAGRAPH = re.compile(r"[。！？…][”’」』）)]?$")


def _ems(s: str) -> tuple[float, float]:
    """A piece's width in ems, half-width characters at half an em and at one (a justified
    line stretches its digits)."""
    wide = sum(1 for c in s if "\u2e80" <= c <= "\uffef")
    return wide + 0.5 * (len(s) - wide), float(len(s))


def gutter_cuts(src: str, spans: tuple[Span, ...], measure: float) -> list[int]:
    """Output-character offsets parting the column lines joined in ``spans`` (a line over
    1.6 measures wide), [] where no reading into whole column lines fits.  Of the readings
    that fit, the one with most full lines (a paragraph's last line is the exception), then
    the one whose full lines come nearest the measure."""
    n = len(spans)
    texts = [src[s.start:s.end] for s in spans]
    widths = [_ems(t) for t in texts]
    # best[j]: (short lines, ems off the measure, cuts) reading spans[:j] as whole column lines
    best: list[tuple[int, float, list[int]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, [])
    offsets = [0]
    for t in texts:
        offsets.append(offsets[-1] + len(t))
    for j in range(1, n + 1):
        lo = hi = 0.0
        for i in range(j - 1, -1, -1):
            lo, hi = lo + widths[i][0], hi + widths[i][1]
            if lo > measure + FULL_ABOVE:
                break
            prev = best[i]
            if prev is None:
                continue
            full = hi >= measure - FULL_BELOW
            if not full and not _ENDS_PARAGRAPH.search(texts[j - 1]):
                continue
            # (of two readings of whole lines, the one nearer the measure: a justified line's
            # spread characters stay with their line, 将自身 / 非 加 强 在 中 非 合 作 论 坛 、)
            off = max(0.0, measure - hi, lo - measure) if full else 0.0
            cand = (prev[0] + (not full), prev[1] + off, prev[2] + ([offsets[i]] if i else []))
            here = best[j]
            if here is None or cand[:2] < here[:2]:
                best[j] = cand
    found = best[n]
    return found[2] if found is not None and found[2] else []
