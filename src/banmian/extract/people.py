"""People and their titles: text -> :class:`Mention` list -> :class:`~banmian.extract.facts.Person` list.

Rules first.  A title from the lexicon ("书记", "副总经理", "首席代表" …) followed
by a name is a person; titles joined by "、" before one name form a chain
("市委副书记、市长陈光浩"); names joined by "、" after one title share it
("市领导赖俊、文春雷、冯彬").  The text before the first title is split into an
organisation when it names one ("尚纬股份有限公司党委书记" -> 尚纬股份有限公司 +
党委书记); short party and government bodies stay in the title ("市委书记").

A name's length is settled by what follows it: "陈光浩主持" (3 characters, then
a verb) but "马波出席" (2, then 出席).  Where neither length is supported, or the
name is not Chinese ("埃米尔塔米姆"), the optional NER tagger decides.

>>> [(m.name, m.titles, m.organization) for m in find_mentions("市委副书记、市长陈光浩主持，市委副书记陈扬杰出席。")]
[('陈光浩', ('市委副书记', '市长'), None), ('陈扬杰', ('市委副书记',), None)]
>>> [(m.name, m.organization) for m in find_mentions("尚纬股份有限公司党委书记、总工程师、副总经理沈智飞表示")]
[('沈智飞', '尚纬股份有限公司')]
>>> [m.name for m in find_mentions("市领导赖俊、文春雷、冯彬、沙万强、毛剑、王玻，市级有关部门")]
['赖俊', '文春雷', '冯彬', '沙万强', '毛剑', '王玻']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .facts import Field, Loc, Person
from .lexicon import (
    COUNTRIES, PROVINCES, COMMON_WORDS_WITH_SURNAME, NOT_GIVEN_NAMES, COMPOUND_SURNAMES, FUSED_BODY_RE, NAME_FOLLOWERS, NOT_IN_NAME, ORG_SUFFIXES,
    SURNAMES, TITLE_RE, TITLES, TITLES_AFTER_NAME, WEAK_TITLES, dictionary_words, longest_title_suffix,
    strip_verbs, title_blocked, trie_pattern,
)
from .ner import Tagger

PUNCT = frozenset("，。、；：！？“”‘’（）()《》〈〉【】[]…—\n\r\t \u3000\xa0■●◆▲★/|,.;:!?\"'「」『』")
_CJK = re.compile(r"[\u4e00-\u9fff]")
BYLINE_ROLES = frozenset("记者 特约记者 见习记者 通讯员 实习生 摄影 本报记者".split())
# Characters of transliterated (foreign) names, for use without the NER model.
TRANSLIT = frozenset(
    "莉嫩罕蕾琪妮黛茜璐露娅丝莎薇娜琳珊蒂贾萨阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩尔法范菲费芬弗福富盖甘戈格根古哈海汉豪赫亨"
    "胡霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒雷里利连琳卢鲁路伦罗洛马玛迈麦曼梅蒙米明摩莫默姆穆纳娜奈南内尼努诺"
    "欧帕佩彭皮普齐奇乔切琼萨塞桑森沙莎什施舍斯松苏索塔泰坦汤特提廷图托瓦万旺威韦维温沃乌伍西希夏谢辛休雅亚扬耶伊因英尤扎"
    "泽詹兹佐·"
)
# "地区长" is 地区 + 长…, not a 区长: place-level titles must not start inside a word.
_PLACE_WORDS = frozenset("地区 园区 社区 景区 城市 都市 超市 全市 全区 新区 山区 街区 小区 城区 市区 辖区 片区 郊区 灾区 林区 牧区 矿区 全县 全省 各省 各市 各县 本市 该市 该县 我市 我省 我县 我区 该区 城乡".split())
_SPEECH_VERBS = re.compile(r"(?:表示|说|指出|强调|介绍|认为|谈到|谈道|告诉|坦言|透露|主持|出席|讲话|会见|会谈|宣布|致辞)")
_NOUNISH_END = frozenset("会议们者部局院委府件章告案划书知见言论报刊社网台团队组司厂校村镇县市省区国家方人员士长业界化性度率量点面上中下里")
_FOLLOWER_SINGLE = frozenset(w for w in NAME_FOLLOWERS if len(w) == 1)
_FOLLOWERS_RE = re.compile(trie_pattern(frozenset(w for w in NAME_FOLLOWERS if len(w) > 1)))
_CUT_WORDS = tuple(sorted(set("""
先后 分别 一同 首先 随后 立即 安排 致电 致函 致信 会见 会谈 接见 看望 慰问 陪同 邀请 应邀 联合 担任 兼任 出任 来自 携手 会同 依托 通过 经过 入驻 落户 牵头 前往 走进
参观 考察 调研 访问 包括 以及 还有 主要有 当选 任命 免去 表示 指出 强调 介绍 告诉 认为 获悉 了解到 得知 荣获 授予 颁发
加入 参加 召开 会上 期间 贯彻 学习 落实 看到 听取 共同 组织 作为 成为 其中 此外 同时 随后 近日 日前 目前 了解
""".split()), key=len, reverse=True))
_CUT_RE = re.compile(trie_pattern(frozenset(_CUT_WORDS)))
_CUT_CHARS = frozenset("在据让请被把将给跟是了的从赴称说由向对同与和及等为到随他她但应或而")
_CUT_GUARD = frozenset("自由 理由 经由 对外 针对 面对 为民 同济 协同 共同 不同 合同 等级 平等 同等 中等 高等 初等 给予 和平 和谐 随州 共和 同步 同仁 同心 对话 对口 对接 对象 应急 应用 应对 供应 相应 适应 响应 反应 应届".split())


# Honorifics after a name that do not end common words (unlike 书记: 白皮书记录).
_HONORIFICS = frozenset("总书记 同志 主席 总理 首相 总统 委员长 先生 女士 大使 国王 女王 院士 教授".split())
_FOREIGN_TITLES = frozenset("总统 总理 首相 国王 女王 主席 大使 议长 外长 部长 秘书长 总干事".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One printed mention of a person (``loc`` covers titles and name)."""

    name: str
    titles: tuple[str, ...]
    organization: str | None
    loc: Loc
    name_loc: Loc
    source: str = "title"


# --- names ---------------------------------------------------------------------


def follow_score(text: str, end: int) -> int:
    """How strongly the text at ``end`` says "a name just ended here" (0–3).

    >>> follow_score("陈光浩主持", 3), follow_score("陈光浩主持", 2)
    (3, 0)
    """
    if end >= len(text):
        return 3
    c = text[end]
    if c in PUNCT or c.isspace():
        return 3
    if c.isdigit():
        return 2
    if _FOLLOWERS_RE.match(text, end):
        return 3
    if c in _FOLLOWER_SINGLE:
        return 2
    tm = TITLE_RE.match(text, end)
    if tm and tm.end() > end + 1:  # "习近平主席特使": a title right after the name
        return 2
    return 0


def _valid_given(chars: str) -> bool:
    return all(_CJK.match(c) and c not in NOT_IN_NAME for c in chars) and chars not in NOT_GIVEN_NAMES


def _name_candidates(text: str, pos: int) -> list[tuple[int, int]]:
    """``(end, score)`` for each plausible Chinese name starting at ``pos``."""
    if text[pos:pos + 2] in COMPOUND_SURNAMES:
        s_len = 2
    elif pos < len(text) and text[pos] in SURNAMES:
        s_len = 1
    else:
        return []
    out = []
    for g in (1, 2):
        end = pos + s_len + g
        if end > len(text):
            break
        cand = text[pos:end]
        if not _valid_given(cand[s_len:]) or cand[:2] in COMMON_WORDS_WITH_SURNAME or cand in dictionary_words():
            continue
        if (t := TITLE_RE.match(text, pos)) and t.end() > pos + 1:  # a title, not a name
            return []
        out.append((end, follow_score(text, end)))
    return out


def _pick(cands: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """Best (end, score): highest score, then the 3-character reading."""
    if not cands:
        return None
    best = max(cands, key=lambda c: (c[1], c[0]))
    # "王刚说" is 王刚 + 说: a 2-character reading with support beats a 3-character
    # one whose last character is a function word.
    short = [c for c in cands if c[0] < best[0] and c[1] >= 2]
    if short and text[best[0] - 1] in _FOLLOWER_SINGLE:
        return short[0]
    return best


def _foreign_name(text: str, pos: int) -> int | None:
    """End of a transliterated name at ``pos`` ("巴赫", "塔米姆"), rules only."""
    end = pos
    while end < len(text) and text[end] in TRANSLIT and end - pos < 10:
        end += 1
    while end - pos >= 2:
        if follow_score(text, end) >= 2 and text[end - 1] != "·":
            return end
        end -= 1
    return None


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    s = pos
    while s > 0 and text[s - 1] not in "，。；！？\n：“”":
        s -= 1
    e = pos
    while e < len(text) and text[e] not in "，。；！？\n：“”":
        e += 1
    return s, e


def _ner_name(text: str, pos: int, tagger: Tagger | None) -> int | None:
    """End of the PER span the tagger finds starting at ``pos``, if any."""
    if tagger is None:
        return None
    cs, ce = _clause_bounds(text, pos)
    cs, ce = max(cs, pos - 16), min(ce, pos + 16)  # a short window: the model costs ~35 µs a character
    for s, e in tagger.persons(text[cs:ce]):
        if cs + s == pos and 2 <= e - s <= 12:
            return cs + e
    return None


def name_at(text: str, pos: int, tagger: Tagger | None = None, *, strict: bool = False,
            known: frozenset[str] = frozenset()) -> tuple[int, str] | None:
    """``(end, source)`` of a name starting at ``pos``, or ``None``.

    ``strict`` (weak titles such as 代表, list items) demands that the text after
    the name supports it.

    >>> name_at("马波出席会议", 0)
    (2, 'title')
    >>> name_at("陈光浩主持", 0)
    (3, 'title')
    """
    for k in sorted((k for k in known if text.startswith(k, pos)), key=len, reverse=True):
        if follow_score(text, pos + len(k)) >= 2 or len(k) >= 3:
            return pos + len(k), "known"
    run = _foreign_name(text, pos)
    if run is not None and run - pos >= 4 and not known:  # "古特雷斯", "穆罕默德": longer than any Chinese name
        end = _ner_name(text, pos, tagger) if tagger is not None else None
        return (end, "ner") if end is not None else (run, "title")
    cands = _name_candidates(text, pos)
    if cands:
        best = _pick(cands, text)
        assert best is not None
        if best[1] >= 2:
            return best[0], "title"
        end = _ner_name(text, pos, tagger)
        if end is not None and end - pos <= 4:
            return end, "ner"
        if tagger is None and not strict and best[1] == 0 and best[0] - pos >= 3 \
                and text[pos:pos + 2] not in dictionary_words():
            return best[0], "title"  # no model to ask: take the common 3-character reading
        return None
    if pos < len(text) and text[pos] in TRANSLIT and text[pos + 1:pos + 2] in TRANSLIT and not strict:
        end = _ner_name(text, pos, tagger)  # a transliterated name: the model knows best
        if end is not None:
            return end, "ner"
        if tagger is None:
            end = _foreign_name(text, pos)
            if end is not None:
                return end, "title"
    return None


# --- title chains ---------------------------------------------------------------


def _is_title_at(text: str, ts: int, te: int) -> bool:
    title = text[ts:te]
    if te < len(text) and title_blocked(text, te) and text[ts:te + 1] not in TITLES:
        return False
    if ts > 0 and text[ts - 1] + title[0] in _PLACE_WORDS:
        return False
    return True


def _cut_prefix(raw: str, stop: int | None = None) -> int:
    """Offset in ``raw`` where the organisation / rank prefix of a title starts.

    Only cut points before ``stop`` count (the name's own suffix may contain a cut
    word: 联合会); ``raw`` past ``stop`` still tells whether a 和 joins one name.

    >>> raw = "联合中国石油和化工行业国际产能合作企业联盟"
    >>> raw[_cut_prefix(raw, len(raw) - 2):]
    '中国石油和化工行业国际产能合作企业联盟'
    """
    stop = len(raw) if stop is None else stop
    cut = 0
    for m in _CUT_RE.finditer(raw, 0, stop):
        if m.group() == "联合" and raw[m.end():m.end() + 1] in ("国", "会", "体"):
            continue
        cut = max(cut, m.end())
    for i in range(stop - 1, cut - 1, -1):
        c = raw[i]
        if c not in _CUT_CHARS:
            continue
        if raw[i - 1:i + 1] in _CUT_GUARD or raw[i:i + 2] in _CUT_GUARD:
            continue
        if c in "和与及" and _joins_name(raw[cut:i], raw[i + 1:]):
            continue
        cut = max(cut, i + 1)
        break
    return cut


def _joins_name(left: str, right: str) -> bool:
    """Is 和/与/及 inside one organisation name (国家发展和改革委员会)?"""
    if not right.endswith(ORG_SUFFIXES):
        return False
    return not (left.endswith(ORG_SUFFIXES) or left[-1:] in "省市县区州镇乡村国")


def is_org_prefix(prefix: str) -> bool:
    """Does a title prefix name an employer (not a rank such as 市委 or 国家)?

    >>> is_org_prefix("乐山市政务服务管理局"), is_org_prefix("市委"), is_org_prefix("国务院")
    (True, False, False)
    """
    if len(prefix) < 3 or FUSED_BODY_RE.match(prefix):
        return False
    return prefix.endswith(ORG_SUFFIXES)


def _chain(text: str, ts: int, title: str, floor: int) -> tuple[list[tuple[str, str]], int]:
    """Titles (prefix, title) joined by 、 that end at ``ts + len(title)``; chain start."""
    segs: list[tuple[str, str]] = []
    t_start, t = ts, title
    while True:
        j = t_start
        while j > floor and text[j - 1] not in PUNCT and not _joint_post(text, j - 1, floor):
            j -= 1
        raw = text[j:t_start]
        # "国际贸易部长": 部 belongs to the organisation as much as to the title
        cut = _cut_prefix(raw + t[:1], len(raw)) if t[:1] in "部局院厅处所司署社会委办" else _cut_prefix(raw)
        prefix = strip_verbs(raw[cut:]) if raw[cut:] else ""
        cut += len(raw[cut:]) - len(prefix)
        if len(prefix) > 30:
            prefix, cut = "", len(raw)
        segs.insert(0, (prefix, t))
        start = j + cut
        if cut or j <= floor or not (text[j - 1] == "、" or _joint_post(text, j - 1, floor)):
            return segs, start
        k = j - 1
        k0 = k
        while k0 > floor and text[k0 - 1] not in PUNCT:
            k0 -= 1
        prev = text[k0:k]
        pt = longest_title_suffix(prev)
        if not pt or not _is_title_at(text, k - len(pt), k):
            return segs, start
        t_start, t = k - len(pt), pt


def _joint_post(text: str, i: int, floor: int) -> bool:
    """Is ``text[i]`` a 兼 joining two titles ("国务委员兼外交部部长")?"""
    if text[i] != "兼":
        return False
    k0 = i
    while k0 > floor and text[k0 - 1] not in PUNCT and i - k0 < 20:
        k0 -= 1
    return longest_title_suffix(text[k0:i]) is not None


_FORMER = ("原", "前", "时任", "现任", "首任")
_OWN_PAPER = re.compile(r"^(?:本报|本刊|本台)")


def _compose(segs: list[tuple[str, str]]) -> tuple[tuple[str, ...], str | None]:
    """Titles and organisation from a chain: split the employer off when one
    organisation heads the whole chain.

    >>> _compose([("蚌埠市民政局原", "局长")])
    (('原局长',), '蚌埠市民政局')
    """
    fixed = []
    for prefix, t in segs:
        prefix = _OWN_PAPER.sub("", prefix)  # 本报记者 -> 记者
        for f in _FORMER:  # "…民政局原局长": the marker belongs to the title
            if prefix.endswith(f) and len(prefix) > len(f):
                prefix, t = prefix[:-len(f)], f + t
                break
        fixed.append((prefix, t))
    segs = fixed
    first_prefix = segs[0][0]
    if is_org_prefix(first_prefix) and all(not p for p, _ in segs[1:]):
        return tuple(t for _, t in segs), first_prefix
    return tuple(p + t for p, t in segs), None


def _names_after(text: str, p: int, title: str, tagger: Tagger | None,
                 known: frozenset[str]) -> list[tuple[int, int, str]]:
    """Names after a title at ``p``: one, or a list joined by 、/和 (spaces in bylines)."""
    strict = title in WEAK_TITLES
    first = name_at(text, p, tagger, strict=strict, known=known)
    if first is None:
        return []
    tm = TITLE_RE.match(text, first[0])
    if strict and tm and tm.end() > first[0] + 1:
        return []  # "代表马杜罗总统": 代表 is the verb; the name has its own title
    out = [(p, first[0], first[1])]
    q = first[0]
    seps = "、" + (" \u3000" if title in BYLINE_ROLES else "")
    while q < len(text):
        if text[q] in seps:
            r = q + 1
            while r < len(text) and text[r] in " \u3000":
                r += 1
        elif text[q] in "和及" and len(out) >= 2:
            r = q + 1
        else:
            break
        nxt = _list_item(text, r, tagger, known)
        if nxt is None:
            break
        out.append((r, nxt[0], nxt[1]))
        q = nxt[0]
    return out


def _list_item(text: str, r: int, tagger: Tagger | None, known: frozenset[str]) -> tuple[int, str] | None:
    """A bare name as a list item: delimited by separators, or settled by what follows."""
    e = r
    while e < len(text) and text[e] not in PUNCT and e - r < 6 and text[e] not in "等和及":
        e += 1
    item = text[r:e]
    if len(item) == 4 and item[:2] not in COMPOUND_SURNAMES and item not in known:
        item = ""  # "毛剑出席": four characters are a name and a verb more often than a name
    if 2 <= len(item) <= 4 and (item in known or (
            (item[0] in SURNAMES or item[:2] in COMPOUND_SURNAMES) and _valid_given(item[1:])
            and item[:2] not in COMMON_WORDS_WITH_SURNAME and item not in dictionary_words()
            and not longest_title_suffix(item))):
        return e, "list"
    found = name_at(text, r, tagger, strict=True, known=known)
    if found is None or longest_title_suffix(text[r:found[0]]):
        return None
    tm = TITLE_RE.match(text, found[0])
    if tm and tm.end() > found[0]:  # "、马波书记": that title is this name's own
        return None
    return found[0], "list"


def find_mentions(text: str, field: Field = "body", *, tagger: Tagger | None = None,
                  known: frozenset[str] = frozenset()) -> list[Mention]:
    """Titled mentions of people in ``text`` (title before or after the name).

    >>> [(m.name, m.titles) for m in find_mentions("要深入学习贯彻习近平总书记关于巩固拓展的重要讲话")]
    [('习近平', ('总书记',))]
    >>> [(m.name, m.titles) for m in find_mentions("本报讯（记者 付小惠）7月8日")]
    [('付小惠', ('记者',))]
    """
    out: list[Mention] = []
    floor = 0
    for m in TITLE_RE.finditer(text):
        ts, te = m.span()
        if te == ts or te <= floor or not _is_title_at(text, ts, te):
            continue
        title = m.group()
        p = te
        while p < len(text) and text[p] in " \u3000" and p - te < 2:
            p += 1
        seen = known | {x.name for x in out}
        if any(text.endswith(k, floor, ts) for k in seen) and title in TITLES_AFTER_NAME:
            names = []  # "习近平主席同尼方…": the title follows a name already known
        else:
            names = _names_after(text, p, title, tagger, known) if p < len(text) else []
        if not names:
            pred = _predicate_name(text, ts, te, title, floor)
            if pred is not None:  # "李翠枝是伊利集团质量检测控制中心主任，"
                out.append(pred)
                floor = te
                continue
            after = _name_before(text, ts, title, floor, seen)
            if after is not None:
                out.append(Mention(text[after:ts], (title,), None, Loc(after, te, field), Loc(after, ts, field)))
                # a chain may run on from here ("习近平主席特使、…刘鹤"): keep its text reachable
                floor = after
            continue
        segs, start = _chain(text, ts, title, floor)
        titles, org = _compose(segs)
        for i, (ns, ne, src) in enumerate(names):
            loc_start = start if i == 0 else ns
            out.append(Mention(text[ns:ne], titles, org, Loc(loc_start, ne, field), Loc(ns, ne, field),
                               "byline" if title in BYLINE_ROLES else src))
        floor = names[-1][1]
    return out


def _predicate_name(text: str, ts: int, te: int, title: str, floor: int, field: Field = "body") -> Mention | None:
    """"NAME是ORG+TITLE，": a name opening its clause, introduced by 是/系."""
    if te < len(text) and text[te] not in "，。；、":
        return None
    segs, start = _chain(text, ts, title, floor)
    if start < 3 or text[start - 1] not in "是系":
        return None
    cs = start - 1
    while cs > floor and text[cs - 1] not in PUNCT:
        cs -= 1
    name = text[cs:start - 1]
    sur = 2 if name[:2] in COMPOUND_SURNAMES else (1 if name[:1] in SURNAMES else 0)
    if not sur or not 1 <= len(name) - sur <= 2 or not _valid_given(name[sur:]) or name in dictionary_words():
        return None
    titles, org = _compose(segs)
    return Mention(name, titles, org, Loc(cs, te, field), Loc(cs, start - 1, field), "title")


def _name_before(text: str, ts: int, title: str, floor: int, known: frozenset[str] | set[str]) -> int | None:
    """Start of a name printed before an honorific title ("习近平总书记")."""
    if title not in TITLES_AFTER_NAME and title != "同志":
        return None
    for k in known:
        if text.endswith(k, 0, ts) and ts - len(k) >= floor:
            return ts - len(k)
    # "白皮书记录": a title that also ends common words needs a boundary or verb after it
    if title not in _HONORIFICS and follow_score(text, ts + len(title)) == 0:
        return None
    run = ts
    while run > floor and text[run - 1] in TRANSLIT and ts - run < 8:
        run -= 1
    if ts - run >= 3 and title in _FOREIGN_TITLES and text[run:ts] not in dictionary_words():
        return run  # "代表马杜罗总统": a transliterated name
    for n in (3, 2, 4):
        s = ts - n
        if s < floor:
            continue
        cand = text[s:ts]
        sur = 2 if cand[:2] in COMPOUND_SURNAMES else (1 if cand[0] in SURNAMES else 0)
        if not sur or not _valid_given(cand[sur:]) or len(cand) - sur not in (1, 2):
            continue
        if cand[:2] in COMMON_WORDS_WITH_SURNAME or longest_title_suffix(cand) or cand in COUNTRIES or cand in PROVINCES \
                or cand in dictionary_words():
            continue
        before = text[s - 1] if s > 0 else "。"
        if title not in ("总书记", "同志") and before not in PUNCT and before not in _CUT_CHARS \
                and not before.isdigit() and before not in "年月日天":
            continue  # "…工程大学教授": no boundary before the would-be name
        return s
    return None


# --- bare names (NER) -------------------------------------------------------------


def find_bare_names(text: str, field: Field, tagger: Tagger, taken: list[Loc]) -> list[Mention]:
    """Untitled people before a verb of saying or chairing ("巴赫表示"), confirmed by NER."""
    out: list[Mention] = []
    for vm in _SPEECH_VERBS.finditer(text):
        cs, _ = _clause_bounds(text, vm.start())
        if vm.start() - cs > 12 or vm.start() - cs < 2:
            continue
        if any(loc.start <= vm.start() - 1 < loc.end for loc in taken):
            continue
        cand = text[cs:vm.start()]
        if cand[-1] in _NOUNISH_END or cand[:2] in COMMON_WORDS_WITH_SURNAME or cand[0] in "他她我你它这那该其各":
            continue
        if not (cand[0] in SURNAMES or cand[0] in TRANSLIT or cand[:2] in COMPOUND_SURNAMES) \
                or cand in dictionary_words() or cand[:2] in dictionary_words():
            continue  # the model is slow: ask it only about what could be a name
        # the clause up to the verb is context enough, and short inputs keep the model cheap
        for s, e in tagger.persons(text[cs:vm.end()]):
            if cs + e == vm.start() or (cs + e < vm.start() and text[cs + e:vm.start()] in ("在会上", "在", "还", "也")):
                loc = Loc(cs + s, cs + e, field)
                if not any(t.start < loc.end and loc.start < t.end for t in taken):
                    out.append(Mention(text[cs + s:cs + e], (), None, loc, loc, "ner"))
                    taken.append(loc)
                break
    return out


def known_mentions(text: str, field: Field, names: frozenset[str], taken: list[Loc]) -> list[Mention]:
    """Further mentions of names already found with a title ("陈光浩主持陈扬杰出席")."""
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        start = 0
        while (i := text.find(name, start)) >= 0:
            start = i + len(name)
            loc = Loc(i, i + len(name), field)
            if any(t.start < loc.end and loc.start < t.end for t in taken):
                continue
            if len(name) == 2 and follow_score(text, loc.end) == 0 and _CJK.match(text[loc.end:loc.end + 1] or "x"):
                continue
            out.append(Mention(name, (), None, loc, loc, "known"))
            taken.append(loc)
    return out


def merge_people(mentions: list[Mention]) -> list[Person]:
    """One :class:`Person` per name: titles in order of appearance, first organisation.

    >>> ms = find_mentions("市委书记马波出席。") + find_mentions("市长陈光浩、马波书记")
    >>> [(p.name, p.titles) for p in merge_people(ms)]
    [('马波', ('市委书记',)), ('陈光浩', ('市长',))]
    """
    people: dict[str, Person] = {}
    for m in mentions:
        p = people.get(m.name)
        if p is None:
            people[m.name] = Person(m.name, m.titles, m.organization, m.loc, (m.name_loc,), m.source)
            continue
        titles = list(p.titles)
        for t in m.titles:
            if t in titles or _redundant(t, tuple(titles)):
                continue
            shorter = [h for h in titles if t.endswith(h)]  # "主席" then "国家主席": keep the fuller one
            if shorter:
                titles[titles.index(shorter[0])] = t
            else:
                titles.append(t)
        loc = p.loc if p.titles or not m.titles else m.loc
        people[m.name] = replace(p, titles=tuple(titles), organization=p.organization or m.organization,
                                 loc=loc, mentions=p.mentions + (m.name_loc,),
                                 source=p.source if p.titles or not m.titles else m.source)
    return list(people.values())


def _redundant(title: str, have: tuple[str, ...]) -> bool:
    """"书记" adds nothing to "市委书记"."""
    return any(h.endswith(title) for h in have)
