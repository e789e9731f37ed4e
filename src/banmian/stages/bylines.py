"""Bylines and datelines: "本报讯（记者 付小惠）7月8日，…", "本报北京5月14日电 （记者杜海涛）",
"■ 记者 倪珉".

An inline byline stays in paragraph 1 (as printed) and is also parsed; a
stand-alone byline line is not paragraph text.  Both are told here: the roles
papers print (:data:`ROLE`), inline bylines (:func:`parse_inline`), stand-alone
byline lines (:data:`STANDALONE_BYLINE_RE`, :func:`byline_names`) and lines that
are a byline and nothing more (:func:`byline_only`).
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
# Local papers also open paragraph 1 with the reporters and what they did, no source
# before them: "本报记者 王五 通讯员 赵六 报道：近日，…" (the colon, or a space, ends it).
ROLE_LED = re.compile(r"^(?P<plain>" + ROLE + r"[\s\u4e00-\u9fff·、]{2,24}?报道)(?:[：:]|\s+)")
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
    source: str | None  # None where the reporters lead ("本报记者 王五 报道：")
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
    >>> b = parse_inline("本报记者 王五 通讯员 赵六 报道：近日，全市")
    >>> b.source, b.reporters, b.dateline, "本报记者 王五 通讯员 赵六 报道：近日"[:b.end]
    (None, ('王五', '赵六'), '近日', '本报记者 王五 通讯员 赵六 报道：')
    >>> parse_inline("本报记者王五通讯员赵六报道：近日").reporters, parse_inline("记者近日从市里获悉，报道称")
    (('王五', '赵六'), None)
    """
    m = INLINE.match(text)
    if not m:
        r = ROLE_LED.match(text) if "报道" in text[:40] else None
        if r is None:
            return None
        dm = DATELINE.match(text[r.end():])
        return InlineByline(end=r.end(), source=None, reporters=reporters_from(r.group("plain")[:-2]),
                            dateline=dm.group(0) if dm else None)
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


# What the reporters did, when it was not writing it alone: "记者 王五 采访整理"; "文/"
# alone is "文/图" with the line broken after the slash ("■ 本报记者 孟祥夫 文/" / "图").
_DID = r"采访整理|整理|采写|摄影报道|报道|文\s*[/／](?:\s*图)?"
_DID_END = re.compile(r"\s*(?:" + _DID + r")\s*$")
# What a reporter does in running text, never a name's start: "记者了解到，现如今沈" /
# "阳站的…", "记者从市人社局获悉", "记者注意到".
_REPORTING = r"(?!了解|获悉|得知|注意到|看到|发现|走进|走访|采访|来到|从|在)"
STANDALONE_BYLINE_RE = re.compile(
    BYLINE_LEAD.pattern + r"(?:\s|[：:·‧])*" + _REPORTING  # (a scan may read the space after the role as a dot)
    + r"(?P<names>[\u4e00-\u9fff·]{1,4}(?:[\s、，,]+(?:" + ROLE + r"\s*)?[\u4e00-\u9fff·]{1,4}){0,8}"
    # (names run together, as an extractor drops a byline's padding, only after a marked
    # role: "■记者刘磊刘泰山", "■ 记者 刘磊刘泰山"; unmarked, "记者近日从市局获悉" is text)
    r"|(?:(?<=[■●◆▲□◇★☆]记者)|(?<=[■●◆▲□◇★☆]记者\s)|(?<=[■●◆▲□◇★☆]\s记者\s))[\u4e00-\u9fff·]{5,8})"
    r"[、，,]?\s*(?:" + _DID + r")?\s*$")  # (a separator where the names wrap: "万秀斌、黄娴、" / "程焕")
ROLE_RE = re.compile(ROLE)
# An author credit without a role, on its own line: "文/张三", "文／李四 王五".  ("作者：张三"
# is left alone: book and exhibition boxes print it amid an article.)
AUTHOR_LEAD = re.compile(r"^[" + MARKS + r"]?\s*文\s*[/／]\s*")
# (as it leads a byline read whole: also a bare mark, "□ 王秀兰")
AUTHOR_MARK = re.compile(r"^(?:[" + MARKS + r"]?\s*文\s*[/／]|[" + MARKS + r"])\s*")
AUTHOR_LINE = re.compile(AUTHOR_LEAD.pattern + r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4}){0,3})$")


# The commonest single-character surnames: where a byline runs names together
# ("刘磊刘泰山"), a surname two or three characters in starts the next name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝")


def split_run_together(name: str) -> tuple[str, ...]:
    """Split 4-6 characters of names printed without a separator.

    >>> split_run_together("刘磊刘泰山"), split_run_together("黄娴程焕"), split_run_together("吕梦琦")
    (('刘磊', '刘泰山'), ('黄娴', '程焕'), ('吕梦琦',))
    >>> split_run_together("暨佩娟赵益普")
    ('暨佩娟', '赵益普')
    """
    if 4 <= len(name) <= 6:
        for cut in (2, 3):
            a, b = name[:cut], name[cut:]
            if 2 <= len(b) <= 3 and b[0] in SURNAMES and a[0] in SURNAMES:
                return a, b
        # five or six characters are never one Chinese name: a rarer surname leads
        # ("暨佩娟赵益普"), the second name's surname says where to cut
        for cut in (3, 2) if len(name) >= 5 else ():
            a, b = name[:cut], name[cut:]
            if 2 <= len(b) <= 3 and b[0] in SURNAMES:
                return a, b
    return (name,)


def byline_names(names: str) -> tuple[str, ...]:
    """Names in a stand-alone byline; justification splits a name ("李 奥") and is undone.

    >>> byline_names("张三 李四"), byline_names("李 奥"), byline_names("王五、赵六 通讯员 钱七")
    (('张三', '李四'), ('李奥',), ('王五', '赵六', '钱七'))
    >>> byline_names("万秀斌 黄 娴 程 焕"), byline_names("柯仲甲采访整理"), byline_names("孟祥夫 文/")
    (('万秀斌', '黄娴', '程焕'), ('柯仲甲',), ('孟祥夫',))
    >>> byline_names("‧赵婀娜"), byline_names("马丁·雅克")
    (('赵婀娜',), ('马丁·雅克',))
    """
    out: list[str] = []
    for chunk in ROLE_RE.split(_DID_END.sub("", names)):
        tokens = [t.strip("·‧") for t in re.split(r"[\s、，,]+", chunk) if t.strip("·‧")]  # ("记者‧赵婀娜": a scan's dot)
        pending = ""
        for t in tokens:
            if len(t) == 1:  # a two-character name padded to the width of three: "黄 娴"
                pending += t
                if len(pending) == 2:
                    out.append(pending)
                    pending = ""
                continue
            if pending:
                out.append(pending)
                pending = ""
            out.append(t)
        if pending:
            out.append(pending)
    return tuple(p for n in out if 2 <= len(n) <= 6 for p in split_run_together(n))


def byline_only(text: str) -> bool:
    """Is ``text`` a news byline and nothing more ("本报讯（记者 张清）"), or the end of one
    that wrapped in its date ("本报法兰克福 10 月 15 / 日电 （记者李强、花放）")?"""
    if "电" not in text and "讯" not in text:
        return False
    b = parse_inline(text)
    return (b is not None and b.end == len(text)) or _BYLINE_TAIL.fullmatch(text) is not None


_BYLINE_TAIL = re.compile(r"(?:\d{1,2}日)?[电讯]\s*[（(][^（）()]*" + ROLE + r"[^（）()]*[）)]")
