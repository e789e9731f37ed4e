"""Article drafts -> :class:`~banmian.model.Article` objects with provenance.

Text is concatenated from the kept source spans of each line, so every output
character points at its source character.  Only inside an inline byline are the
printed spaces kept ("本报讯（记者 付小惠）"), as the byline is quoted verbatim.
"""
from __future__ import annotations

import re
from operator import eq

from ..model import Article, Byline, Furniture, Headline, Line, Page, Paragraph, Span, Text, make_text
from .draft import Draft
from .bylines import AUTHOR_MARK, BYLINE_LEAD, byline_names, parse_inline
from .geometry import headline_roles_by_size
from .headlines import KICKER_END, assign_roles
from .layout import Labelled
from .reflow import RawParagraph, body_width
from .reflow_cues import BODY_LABELS, starts_article


# Headlines a page of blank-parted blocks may show opening straight under the text
# above: one whose blank line was lost to a mistaken cut between two articles.
SLACK_HEADS = 1


def text_of(page: Page, lines: list[Labelled] | tuple[Labelled, ...]) -> Text:
    # A line's text is the text of its spans (normalize builds it so): join those.
    spans = [s for x in lines for s in x.info.spans]
    return make_text("".join([x.info.text for x in lines]), _merge(spans))


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    # Lines are apart in the source (a newline at least): spans touch only where a
    # merged line was cut in two, on few pages.  That is told in C first.
    if not any(map(eq, [s.end for s in spans[:-1]], [s.start for s in spans[1:]])):
        return tuple(spans)
    return _merge_touching(spans)


def _merge_touching(spans: list[Span]) -> tuple[Span, ...]:
    """Spans with each run of touching ones (same page, one's end the next's start) made one."""
    out: list[Span] = []
    for s in spans:
        if out and out[-1].page == s.page and out[-1].end == s.start:
            out[-1] = Span(s.page, out[-1].start, s.end)
        else:
            out.append(s)
    return tuple(out)


def _lines(xs) -> tuple[Line, ...]:
    return tuple([x.info.line for x in xs])


def _with_printed_spaces(page: Page, text: Text, upto: int) -> Text:
    """Put back the spaces a byline prints on purpose ("本报讯（记者 张清）",
    "本报北京5月14日电 （记者…）") inside its first ``upto`` output characters.

    Justification spaces ("本 报 北 京 1 0 月") stay out: a prefix with more than
    two gaps, one every three characters or closer, is justified, not spaced by
    hand (words spaced by hand: "本报记者 王五 通讯员 赵六 报道："); so is a gap after a
    single character in any prefix ("（记者 欧 阳 洁 、 王 明）").
    """
    gaps = sum(1 for a, b in zip(text.spans, text.spans[1:])
               if a.end < b.start and page.text[a.end:b.start].isspace() and a.end - text.spans[0].start < upto * 2)
    if gaps > 2 and gaps * 3 >= upto:
        return text
    out_spans: list[Span] = []
    consumed = 0
    single = False  # the span before was one character
    for s in text.spans:
        if consumed >= upto:
            out_spans.append(s)
            continue
        one = s.end - s.start == 1
        if out_spans:
            prev = out_spans[-1]
            gap = page.text[prev.end:s.start]
            # (a gap after a single character is justification's, however few there are:
            # "（记者 欧 阳 洁 、 王 明）" keeps only the space after the role)
            if gap and gap.isspace() and "\n" not in gap and not single:
                out_spans[-1] = Span(s.page, prev.start, s.end)
                consumed += s.end - s.start
                single = one
                continue
        out_spans.append(s)
        consumed += s.end - s.start
        single = one
    spans = tuple(out_spans)
    return Text("".join(page.text[s.start:s.end] for s in spans), spans)


def _prefix_text(page: Page, text: Text, n: int) -> Text:
    """The first ``n`` non-space output characters of ``text`` (printed spaces kept)."""
    spans: list[Span] = []
    left = n
    for s in text.spans:
        if left <= 0:
            break
        take_end = s.start
        while take_end < s.end and left > 0:
            if not page.text[take_end].isspace():
                left -= 1
            take_end += 1
        spans.append(Span(s.page, s.start, take_end))
    return Text("".join(page.text[s.start:s.end] for s in spans), tuple(spans))


def blocks_part_fields(drafts: list[Draft] | tuple[Draft, ...], first_line: int = 1) -> bool:
    """Does a blank line inside a headline part its fields on this page?

    Plain ``pdftotext`` parts text blocks by blank lines, and a headline's fields
    are set in different sizes, so each is a block of its own ("办好一台戏 / (blank) /
    邻里更近了"), while a field's wrapped lines stay together, every headline is
    set off from the text above it and the title runs straight into the body under
    it.  Dumps that part lines by their vertical gaps, or at random, show neither
    habit: a large title's wrapped lines are parted too.  The page tells which:
    most headlines run into their bodies, and all but one (``SLACK_HEADS``) open
    after a blank line (``first_line``: the page's first kept line, which has none).
    """
    onto = apart = unset = 0
    for d in drafts:
        if not d.head:
            continue
        unset += d.head[0].info.line.number > first_line and not d.head[0].info.blank_before
        # the body printed right under its headline: the next line, or the one after a blank
        if d.body and 0 < d.body[0].info.line.number - d.head[-1].info.line.number <= 2:
            if d.body[0].info.blank_before:
                apart += 1
            else:
                onto += 1
    return onto > apart and unset <= SLACK_HEADS


def build_article(page: Page, draft: Draft, paragraphs: list[RawParagraph],
                  width: float | None = None, blocked: bool = False,
                  series: frozenset[tuple[str, ...]] = frozenset()) -> Article:
    """``width``: the body's column width (:func:`body_width`), where the caller has it already;
    ``blocked``: blank lines part a headline's fields (:func:`blocks_part_fields`);
    ``series``: the page's series names (:func:`.headlines.series_names`)."""
    head = list(draft.head)
    if (len(paragraphs) > 1 and paragraphs[0].kind == "heading" and paragraphs[1].kind == "body"
            and starts_article(paragraphs[1].lines[0].info.text)
            and not BODY_LABELS.match(paragraphs[0].lines[0].info.text)):
        # A news byline opens the article: a "heading" before it is a headline line set
        # barely larger than the body (a subtitle a scan's line heights could not tell);
        # a section's label ("核心阅读") stays the body's.
        head += paragraphs[0].lines
        paragraphs = paragraphs[1:]
    paras = [Paragraph(text_of(page, p.lines), p.kind, _lines(p.lines)) for p in paragraphs]
    byline = None
    dateline = None
    if paras and paras[0].kind == "body":
        first = paras[0]
        parsed = parse_inline(first.text.value)
        if parsed:
            restored = _with_printed_spaces(page, first.text, parsed.end)
            paras[0] = Paragraph(restored, first.kind, first.lines)
            byline = Byline(text=_prefix_text(page, restored, parsed.end), source=parsed.source,
                            reporters=parsed.reporters, inline=True, lines=first.lines[:1])
            dateline = parsed.dateline
    if draft.byline:
        # A byline may wrap inside a name ("■ 本报记者 王明峰 常" / "碧罗"): read the
        # names over its lines joined as printed.
        # (the lead — mark, credit, role — goes; byline_names drops later roles: "本报通讯员
        # 李四 记者 张三" names both)
        joined = _join_byline_lines([page.text[x.info.spans[0].start:x.info.spans[-1].end] for x in draft.byline])
        names = byline_names(AUTHOR_MARK.sub("", BYLINE_LEAD.sub("", joined.strip("（）() "), count=1), count=1))
        spans = tuple(Span(page.index, x.info.spans[0].start, x.info.spans[-1].end) for x in draft.byline)
        raw = Text("".join(page.text[s.start:s.end] for s in spans), spans)
        # The stand-alone line names the reporters; an inline "本报广州2月17日电" then
        # only gives the dateline (and stays in paragraph 1).
        if byline is None or (names and not byline.reporters):
            source = byline.source if byline is not None else None
            byline = Byline(text=raw, source=source, reporters=names, inline=False, lines=_lines(draft.byline))
    sizes = [x.info.line.size for x in head]
    if head and all(sizes):
        # A PDF tells the type sizes: the biggest is the title (引题 above, 副题 below);
        # lines all in one size are one title wrapped, unless a kicker leads into it.
        roles: dict[str, list[Labelled]]
        roles, certain = {}, True
        # (all(sizes): none is None)
        by_size = headline_roles_by_size([float(v) for v in sizes if v is not None])
        # A kicker set as large as the title still leads into it ("…论坛强调", "…黄望明——").
        titled = [k for k, r in enumerate(by_size) if r == "title"]
        if "kicker" not in by_size and len(titled) > 1:
            lead = next((k for k in titled[:-1] if KICKER_END.search(head[k].info.text)), None)
            if lead is not None:
                by_size = ["kicker" if titled[0] <= k <= lead else r for k, r in enumerate(by_size)]
        for x, role in zip(head, by_size):
            roles.setdefault(role, []).append(x)
    else:
        if width is None:
            width = body_width(draft.body) if draft.body else 0.0
        # (lines brought together from apart, text between them, are fields apart: a row's
        # kicker dealt to the title printed with its text, "四川成都加强价格监测" … "适时引导生产运销")
        breaks = frozenset(k for k in range(len(head) - 1)
                           if (blocked and head[k + 1].info.blank_before)
                           or head[k + 1].info.line.number > head[k].info.line.number + 2)
        roles, certain = assign_roles(head, width, breaks, series)
    headline = Headline(**{k: text_of(page, v) for k, v in roles.items() if v}, roles_certain=certain)
    return Article(headline=headline, paragraphs=tuple(paras), byline=byline, dateline=dateline,
                   pages=(page.number,) if page.number is not None else (),
                   continued_to=draft.continued_to, continued_from=draft.continued_from,
                   headline_lines=_lines(head))


def standalone_bylines(page: Page, draft: Draft, article: Article) -> list[Furniture]:
    """A stand-alone byline line on an article that also has an inline byline: keep its
    characters, as furniture, so nothing printed is lost."""
    if draft.byline and article.byline is not None and article.byline.inline:
        return [Furniture(text_of(page, [x]), "byline", (x.info.line,)) for x in draft.byline]
    return []


def furniture_of(page: Page, lines: list[Labelled]) -> list[Furniture]:
    return [Furniture(text_of(page, [x]), "jump" if x.info.jump else (x.info.furniture or "other"),
                      (x.info.line,)) for x in lines]


_NAME_SEP = re.compile("[、，,]")


def _join_byline_lines(lines: list[str]) -> str:
    """A byline's lines joined as its names run: a line break inside a name joins, one
    after a whole name parts it.  A line ends inside a name where it ends with an odd
    number of single characters ("■ 本报记者 王明峰 常" / "碧罗": 常碧罗), or with two
    characters and the next line starts with one ("田豆豆 范昊" / "天": a three-character
    name) or with one character after a 、 ("朱超、吕" / "梦琦"); after a padded pair
    ("贺广华 薛 原" / "李龙伊") or three characters it is whole.

    >>> _join_byline_lines(["■ 本报记者 王明峰 常", "碧罗"]), _join_byline_lines(["本报记者 贺广华 薛 原", "李龙伊"])
    ('■ 本报记者 王明峰 常碧罗', '本报记者 贺广华 薛 原 李龙伊')
    >>> _join_byline_lines(["□本报记者 田豆豆 范昊", "天"]), _join_byline_lines(["□本报记者 谢卫群、姜泓", "冰"])
    ('□本报记者 田豆豆 范昊天', '□本报记者 谢卫群、姜泓冰')
    >>> _join_byline_lines(["■融媒体记者 朱超、吕", "梦琦"])
    '■融媒体记者 朱超、吕梦琦'
    """
    out = lines[0] if lines else ""
    for line in lines[1:]:
        tokens = out.split()
        singles = 0
        for tok in reversed(tokens):
            if len(tok) != 1:
                break
            singles += 1
        first = next(iter(line.split()), "")
        last = _NAME_SEP.split(tokens[-1])[-1] if tokens else ""  # names may be listed with 、
        # (one character after a 、 is a surname the break cut off its name: "朱超、吕" / "梦琦")
        inside = singles % 2 == 1 or (singles == 0 and (len(last) == 1 or (len(last) == 2 and len(first) == 1)))
        out += ("" if inside else " ") + line
    return out
