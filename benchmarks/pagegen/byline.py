"""Bylines and datelines: parse them out of corpus text, and print them in several house styles.

People's Daily prints the byline inside paragraph 1 ("本报北京1月31日电  （记者杜一菲）国家主席…"),
local papers print "本报讯（记者 张清）7月8日，…" or a stand-alone line ("■ 记者 倪珉") above the
body.  The generator re-dresses a corpus article in one of these styles so that the parser meets
all of them, and records the truth (source, reporters, raw text, dateline) for the gold file.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import TypedDict

_SOURCES = r"(?:本报|新华社|人民网|中新社|经济日报|光明日报|新华网|央视新闻)"
INLINE = re.compile(
    r"^(?P<source>据?" + _SOURCES + r"[^（）\s\d]{0,12}?(?P<date>\d{1,2}月\d{1,2}日)?[电讯])"
    r"(?P<sep>\s*)(?:（(?P<who>[^（）]{1,40})）)?")
STANDALONE = re.compile(r"^(?:本报记者|新华社记者|本报特约记者|记者)\s+(?P<names>[\u4e00-\u9fff·\s、]+?)"
                        r"\s*(?:采访整理|整理|采写|报道)?$")  # "本报记者 柯仲甲采访整理": the reporter is 柯仲甲
_ROLES = frozenset({"记者", "通讯员", "实习生", "特约记者", "见习记者"})
_LEADING_TIME = re.compile(r"^(?:\d{1,2}月\d{1,2}日|近日|日前|近期|昨天|今天|目前)")


@dataclass(frozen=True, slots=True)
class Inline:
    """A byline printed at the start of paragraph 1 of a corpus article."""

    source: str                 # "本报北京1月31日电"
    date: str | None            # "1月31日"
    reporters: tuple[str, ...]  # ("杜一菲",)
    who: str | None             # bracket content as printed: "记者杜一菲"
    sep: str                    # " " or "": the gap printed between 电 and the bracket
    rest: str                   # paragraph 1 after the byline


class BylineGold(TypedDict):
    """The gold byline record: source ("本报讯", "本报北京1月31日电"; None for a stand-alone
    line), reporters, and the printed byline text."""

    source: str | None
    reporters: list[str]
    raw: str


@dataclass(frozen=True, slots=True)
class Dressed:
    """An article's byline as laid out: paragraph 1 text, the gold byline/dateline, and the
    stand-alone line to print above the body (None when the byline is inline or absent)."""

    first_paragraph: str
    byline: BylineGold | None
    dateline: str | None
    standalone_line: str | None


def split_names(names: str) -> tuple[str, ...]:
    """Split a printed list of names; single characters are halves of a padded two-character
    name ("张 枨" is one person, printed with a space so that it lines up with three-character
    names).

    >>> split_names("刘成友 王伟健 张 枨")
    ('刘成友', '王伟健', '张枨')
    >>> split_names("冯雪珺、花放"), split_names("周敏 通讯员 何志远")
    (('冯雪珺', '花放'), ('周敏', '何志远'))
    """
    out: list[str] = []
    pending = ""
    for tok in re.split(r"[\s、，,]+", names.strip()):
        if not tok or tok in _ROLES:  # (a second role names more people: "通讯员 何志远")
            continue
        if len(tok) == 1:
            pending += tok
            if len(pending) == 2:
                out.append(pending)
                pending = ""
            continue
        if pending:
            out.append(pending)
            pending = ""
        out.append(tok)
    if pending:
        out.append(pending)
    return tuple(out)


def parse_inline(paragraph: str) -> Inline | None:
    """Parse a leading "…电 （记者…）" or "本报讯（记者 …）" byline; None when paragraph 1 has none.

    >>> b = parse_inline("本报北京1月31日电 （记者杜一菲、王某）国家主席习近平31日…")
    >>> (b.source, b.date, b.reporters, b.rest[:4])
    ('本报北京1月31日电', '1月31日', ('杜一菲', '王某'), '国家主席')
    """
    m = INLINE.match(paragraph)
    if not m:
        return None
    who = m.group("who")
    reporters: tuple[str, ...] = ()
    if who is not None:
        if not re.fullmatch(r"(?:本报|新华社)?(?:特约)?(?:记者)?\s*[\u4e00-\u9fff·、\s]+", who):
            return None  # "（综合本报驻外记者报道）", "（记者何欣荣 参与采写：…）": no clean name list
        reporters = split_names(re.sub(r"^(?:本报|新华社)?(?:特约)?(?:记者)?", "", who))
    return Inline(source=m.group("source"), date=m.group("date"), reporters=reporters,
                  who=who, sep=" " if m.group("sep") else "", rest=paragraph[m.end():])


def parse_standalone(paragraph: str) -> tuple[str, ...] | None:
    """Reporters of a stand-alone byline paragraph ("本报记者  程  龙"), else None.

    >>> parse_standalone("本报记者 程 龙"), parse_standalone("本报记者 柯仲甲采访整理")
    (('程龙',), ('柯仲甲',))
    >>> parse_standalone("新华社记者 方喆摄") is None
    True
    """
    m = STANDALONE.match(paragraph)
    if not m or paragraph.endswith(("摄", "文", "图")):
        return None
    names = split_names(m.group("names"))
    return names or None


def _pad(name: str, rng: random.Random, pad: bool) -> str:
    """Two-character names are often printed with a space inside to line up with longer ones."""
    return f"{name[0]} {name[1]}" if pad and len(name) == 2 else name


def _standalone_text(reporters: tuple[str, ...], rng: random.Random) -> str:
    pad = rng.random() < 0.35
    names = [_pad(n, rng, pad) for n in reporters]
    joiner = rng.choice([" ", " ", "、"]) if not pad else " "
    # local papers' roles too: 全媒体记者 / 融媒体记者, and a photo credit after the names
    lead = rng.choice(["■ 记者", "本报记者", "记者", "□本报记者", "■ 本报记者", "全媒体记者", "■ 融媒体记者"])
    credit = " 文/图" if rng.random() < 0.1 else ""
    return f"{lead} {joiner.join(names)}{credit}"


def _leading_time(text: str) -> str | None:
    m = _LEADING_TIME.match(text)
    return m.group(0) if m else None


def dress(paragraph1: str, inline: Inline | None, standalone: tuple[str, ...] | None,
          rng: random.Random) -> Dressed:
    """Choose a byline style for one article and return paragraph 1 plus the truth.

    Styles: keep the corpus inline byline; the local-paper "本报讯（记者 X）" form (also with
    全媒体记者 / 融媒体记者, or dated: "本报北京1月31日讯"); a stand-alone line above the body
    (paragraph 1 loses its inline byline, sometimes keeping "本报X月X日电").
    """
    reporters = standalone or (inline.reporters if inline else ())
    roll = rng.random()
    if standalone or (reporters and roll < 0.35):
        rest = paragraph1
        dateline = None
        if inline is not None:
            keep_dateline = inline.date is not None and rng.random() < 0.3
            rest = (inline.source + " " + inline.rest) if keep_dateline else inline.rest
            dateline = inline.date if keep_dateline else None
        line = _standalone_text(reporters, rng)
        return Dressed(rest, {"source": None, "reporters": list(reporters), "raw": line}, dateline, line)
    if inline is None:
        return Dressed(paragraph1, None, None, None)
    if reporters and inline.source.startswith("本报") and roll < 0.75:
        rest = inline.rest
        when = _leading_time(rest)
        if when is None and inline.date and rng.random() < 0.5:
            rest = f"{inline.date}，{rest}"
            when = inline.date
        space = rng.choice([" ", ""])
        role = rng.choice(["记者", "记者", "记者", "全媒体记者", "融媒体记者"])
        # a dated local form ends in 讯 where People's Daily has 电: "本报北京1月31日讯"
        source = inline.source[:-1] + "讯" if inline.date and inline.source.endswith("电") and rng.random() < 0.2 \
            else "本报讯"
        if source != "本报讯":
            space = ""  # (the scorer exempts spaces only in the bylines it knows: …电, 本报讯)
        raw = f"{source}（{role}{space}{'、'.join(reporters)}）"
        when = inline.date if source != "本报讯" else when
        return Dressed(raw + rest, {"source": source, "reporters": list(reporters), "raw": raw}, when, None)
    if inline.who is None:  # "新华社北京1月31日电  2月1日出版的…": keep the gap after 电
        raw = inline.source
        text = f"{raw} {inline.rest}"
    else:
        raw = f"{inline.source}{inline.sep}（{inline.who}）"
        text = raw + inline.rest
    byline: BylineGold = {"source": inline.source, "reporters": list(inline.reporters), "raw": raw}
    return Dressed(text, byline, inline.date, None)
