"""Bylines and datelines: "本报讯（记者 付小惠）7月8日，…", "本报北京5月14日电 （记者杜海涛）",
"■ 记者 倪珉".

An inline byline stays in paragraph 1 (as printed) and is also parsed; a
stand-alone byline line is not paragraph text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Who signs a story, as papers print it: 记者, 本报记者, 新华社记者, 全媒体记者 / 融媒体记者
# (local papers), 首席记者, 见习记者, 特约记者, 特派记者, 驻京记者, 摄影记者, 通讯员, 实习生, 评论员.
ROLE = (r"(?:本报|新华社|中新社)?(?:特约|特派|驻[\u4e00-\u9fff]{1,6})?"
        r"(?:全媒体|融媒体|首席|资深|见习|实习|摄影)?(?:记者|通讯员|实习生|评论员)")
# Marks set before a stand-alone byline ("■ 记者 倪珉", "◎本报记者 张三") or a box's heading.
MARKS = "■□●○◎◆◇▲△★☆▶►"
# What leads the names in a stand-alone byline: its mark, a credit ("文/图"), the role.
BYLINE_LEAD = re.compile(r"^[" + MARKS + r"]?\s*(?:(?:文\s*[/／·]\s*图|文|图)\s*[/／]?\s*)?" + ROLE)
# A dated local byline ending in 讯 rather than 电: "本报成都3月5日讯".
DATED_XUN = r"本报[\u4e00-\u9fff]{0,8}?(?P<xdate>\d{1,2}月\d{1,2}日)讯"
_SOURCE = (r"(?:据)?(?:本报讯|本报电|新华社电|" + DATED_XUN + r"|(?:本报|新华社|中新社|人民网|新华网|央视新闻|"
           r"[\u4e00-\u9fff]{2,6}(?:日报|晚报|社|网|台))[\u4e00-\u9fff]{0,12}?"
           r"(?P<date>\d{1,2}月\d{1,2}日)?(?:[\u4e00-\u9fff]{0,3})?电)")
# The names follow in brackets ("本报讯（记者 张清）") or, in some papers, plainly with what the
# reporter did ("本报讯 记者张清报道：").
INLINE = re.compile(r"^(?P<source>" + _SOURCE + r")(?P<gap>\s*)"
                    r"(?:[（(](?P<inner>[^（）()]{1,60})[）)]|(?P<plain>" + ROLE + r"[\s\u4e00-\u9fff·、]{2,24}?报道)[：:]?)?")
ROLE_WORDS = re.compile(ROLE + r"|摄影")
DATELINE = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚间?|早上|凌晨|中午)?(?=[，,在\u4e00-\u9fff])|"
    r"^(?:近日|日前|近期|昨天|昨日|今天|今日|前不久|日前|本周|上周|近来)(?=[，,])")


# Commentaries and short items name their writer without a role word:
# "本报北京9月30日电 （何旭）"; agencies, desks and "综合" are not names.
_BARE_NAMES = re.compile(r"[\u4e00-\u9fff·]{2,4}(?<![社网报台部局委会办组室处刊合])"
                         r"(?:[、\s]+[\u4e00-\u9fff·]{2,4}(?<![社网报台部局委会办组室处刊合]))*")


@dataclass(frozen=True, slots=True)
class InlineByline:
    end: int  # length of the byline prefix in the paragraph text
    source: str
    reporters: tuple[str, ...]
    dateline: str | None


def reporters_from(inner: str) -> tuple[str, ...]:
    """Names in a byline's brackets, without role words.

    >>> reporters_from("记者 张三、李四 通讯员王五")
    ('张三', '李四', '王五')
    """
    names = []
    for part in re.split(r"[\s、，,]+|" + ROLE_WORDS.pattern, inner):
        part = (part or "").strip("：: ")
        if 2 <= len(part) <= 4 and re.fullmatch(r"[\u4e00-\u9fff·]+", part):
            names.append(part)
    return tuple(names)


def parse_inline(text: str) -> InlineByline | None:
    """Parse a byline at the start of paragraph 1.

    >>> b = parse_inline("本报讯（记者 付小惠）7月8日，全市")
    >>> b.source, b.reporters, b.dateline, "本报讯（记者 付小惠）7月8日"[:b.end]
    ('本报讯', ('付小惠',), '7月8日', '本报讯（记者 付小惠）')
    >>> parse_inline("本报北京1月31日电 （记者杜一菲）国家主席").dateline
    '1月31日'
    >>> parse_inline("本报北京9月30日电 （何旭）人民日报").reporters, parse_inline("本报讯（综合）据悉").reporters
    (('何旭',), ())
    >>> b = parse_inline("本报成都3月5日讯（全媒体记者 张三）昨日")
    >>> b.source, b.reporters, b.dateline
    ('本报成都3月5日讯', ('张三',), '3月5日')
    >>> parse_inline("本报讯 记者张清 王五报道：近日").reporters
    ('张清', '王五')
    """
    m = INLINE.match(text)
    if not m:
        return None
    inner, plain = m.group("inner"), m.group("plain")
    if plain is not None:
        reporters = reporters_from(plain[:-2])  # (without 报道)
    else:
        reporters = reporters_from(inner) if inner and (ROLE_WORDS.search(inner) or _BARE_NAMES.fullmatch(inner)) else ()
    end = m.end() if inner is not None or plain is not None else m.end("source")
    dateline = m.group("date") or m.group("xdate")
    if dateline is None:
        dm = DATELINE.match(text[end:])
        dateline = dm.group(0) if dm else None
    return InlineByline(end=end, source=m.group("source"), reporters=reporters, dateline=dateline)
