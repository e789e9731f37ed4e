"""Organisations: text -> :class:`~banmian.extract.facts.Organization` list.

An organisation is a proper name ending in an institutional suffix (公司, 集团,
协会, 联盟, 研究院, 委员会, 管理局 …).  Its start is found by walking left to
the clause boundary and cutting off verbs and prepositions ("记者从市商务局",
"联合中国石油和化工行业…联盟"); a 和 inside the name stays when the left part is
not a complete name itself.  Weak suffixes (局 部 委 办 …) need a level prefix
(市商务局, 中共乐山市委).  Items listed with two or more suffixed names are
organisations too ("中国能建、蜀道集团、陕煤集团、漳州核电等").  Aliases come from
"（以下简称“福华化学”）".

>>> [(o.name, o.aliases) for o in find_orgs("日前，福华通达化学股份公司（以下简称“福华化学”）联合中国石油和化工行业国际产能合作企业联盟")]
[('福华通达化学股份公司', ('福华化学',)), ('中国石油和化工行业国际产能合作企业联盟', ())]
>>> [o.name for o in find_orgs("近日，记者从市商务局了解到")]
['市商务局']
>>> [o.name for o in find_orgs("主要有中国能建、蜀道集团、陕煤集团、漳州核电等国家重大工程的订单")]
['中国能建', '蜀道集团', '陕煤集团', '漳州核电']
"""
from __future__ import annotations

import re

from .facts import Field, Loc, Organization
from .lexicon import (
    GENERIC_ORG_PREFIXES, NON_ORG_BIGRAMS, ORG_SUFFIX_CONTINUATIONS, ORG_SUFFIXES, TITLE_RE, WEAK_ORG_SUFFIXES,
    strip_verbs, trie_pattern,
)
from .people import PUNCT, _cut_prefix

_SUFFIX_RE = re.compile(trie_pattern(frozenset(ORG_SUFFIXES)))
_ALIAS_RE = re.compile(r"[（(](?:以下|下文)?(?:简称|称|下称)[：:]?[“\"]?(?P<alias>[^”\"）)，,]{2,20})[”\"]?[）)]")
_LEVEL_START = re.compile(r"^(?:中共|中国共产党|中央|国家|国务院|全国|省|市|县|区|州|自治区|镇|乡|村)")
_NATIONAL = re.compile(r"中共中央|国务院|全国人大常委会|全国政协|中央军委|中央纪委|国家监委|最高人民法院|最高人民检察院")
_PARTY_COMMITTEE = re.compile(r"中共[\u4e00-\u9fff]{2,8}?[省市县区州]委")
_ENUM_ITEM = re.compile(r"[^，。；：、\s（）()“”\"《》]{2,24}")
_MAX_LEN = 32
_LEADING_DATE = re.compile(r"(?:[0-9０-９]{1,4}[年月日号])+")


def _start_of(text: str, s: int, suffix_len: int, floor: int) -> int:
    """Start of the name whose suffix begins at ``s``."""
    j = s
    while j > floor and text[j - 1] not in PUNCT and s - j < _MAX_LEN:
        j -= 1
    raw = text[j:s + suffix_len]
    start = j + _cut_prefix(raw, len(raw) - suffix_len)
    name = text[start:s + suffix_len]
    d = _LEADING_DATE.match(name)  # "2024年6月25日中国共产党…委员会"
    if d:
        start, name = start + d.end(), name[d.end():]
    return start + len(name) - len(strip_verbs(name))


def _acceptable(name: str, suffix: str, text: str, s: int, e: int) -> bool:
    stem = name[:-len(suffix)]
    if len(stem) < 2 or len(name) > _MAX_LEN:
        return False
    if GENERIC_ORG_PREFIXES.match(name) or stem in ("中国", "国家", "全国", "中央"):
        return False
    if any(c in "的了是在" for c in stem):
        return False
    before, after = text[s - 1:s] if s else "", text[e:e + 1]
    if before in "“\"" and after in "”\"":  # “强村公司”: a model's name, not an organisation
        return False
    if before == "《" or after == "》":
        return False
    if suffix in WEAK_ORG_SUFFIXES:
        bare = _LEVEL_START.sub("", stem)
        if not _LEVEL_START.match(name) or len(bare) < 2:
            return False
    return True


def find_orgs(text: str, field: Field = "body", *, place_stems: frozenset[str] = frozenset()) -> list[Organization]:
    """Organisations named in ``text``, one per name, in order of first mention.

    ``place_stems`` is accepted for callers that know the article's places; the
    start of a name is found from clause boundaries and verbs alone.
    """
    found: list[tuple[int, int]] = []
    for m in _SUFFIX_RE.finditer(text):
        s, e = m.span()
        suffix = m.group()
        if text[e - 1:e + 1] in ORG_SUFFIX_CONTINUATIONS or (len(suffix) == 1 and text[s - 1:e] in NON_ORG_BIGRAMS):
            continue
        if suffix in ("委", "党委", "工委", "市委", "省委", "县委", "区委", "州委") and TITLE_RE.match(text, e):
            continue  # "公司党委书记": the party committee is part of the title
        if found and _adjacent_unit(text, found[-1], s, e):
            found[-1] = (found[-1][0], e)  # "商务署" + "华东华中西南大区": a unit of the same body
            continue
        floor = found[-1][1] if found else 0
        start = _start_of(text, s, len(suffix), floor)
        name = text[start:e]
        if not _acceptable(name, suffix, text, start, e):
            continue
        found.append((start, e))
    for rx in (_NATIONAL, _PARTY_COMMITTEE):
        for m in rx.finditer(text):
            if not any(s <= m.start() < e for s, e in found):
                found.append(m.span())
    found.sort()
    found = _drop_nested(found)
    found += _from_lists(text, found)
    aliases = _aliases(text, found)
    found.sort()
    out: dict[str, Organization] = {}
    for s, e in found:
        name = text[s:e]
        if name not in out:
            out[name] = Organization(name, tuple(aliases.get((s, e), ())), Loc(s, e, field))
        elif (s, e) in aliases:
            o = out[name]
            out[name] = Organization(name, o.aliases + tuple(a for a in aliases[(s, e)] if a not in o.aliases), o.loc)
    return list(out.values())


def _adjacent_unit(text: str, prev: tuple[int, int], s: int, e: int) -> bool:
    """Does the suffix at ``s`` end a unit printed right after organisation ``prev``
    ("…商务署" + "华东华中西南大区"), not a second name joined by 以及 / 等?"""
    j = s
    while j > prev[1] and text[j - 1] not in PUNCT:
        j -= 1
    if j != prev[1] or not 2 <= e - prev[1] <= 12:
        return False
    between = text[prev[1]:e]
    return _cut_prefix(between, len(between)) == 0 and not between.startswith(("和", "与", "及", "以及", "等"))


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


def _from_lists(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Unsuffixed items of an enumeration whose other items are organisations."""
    spans = set(found)
    extra: list[tuple[int, int]] = []
    for s, e in found:
        if text[e:e + 1] != "、" and text[s - 1:s] != "、":
            continue
        # walk the enumeration both ways from this organisation
        items: list[tuple[int, int]] = [(s, e)]
        p = s
        while p > 0 and text[p - 1] == "、":
            m = _last_item(text, p - 1)
            if m is None:
                break
            items.insert(0, m)
            p = m[0]
        p = e
        while p < len(text) and text[p] == "、":
            m = _next_item(text, p + 1)
            if m is None:
                break
            items.append(m)
            p = m[1]
        orgs = [it for it in items if it in spans or any(a <= it[0] and it[1] <= b for a, b in spans)]
        if len(orgs) < 2:
            continue
        for it in items:
            if it not in spans and not any(a < it[1] and it[0] < b for a, b in [*spans, *extra]) and 2 <= it[1] - it[0] <= 8:
                extra.append(it)
    return extra


def _last_item(text: str, end: int) -> tuple[int, int] | None:
    j = end
    while j > 0 and text[j - 1] not in PUNCT and end - j < 24:
        j -= 1
    start = j + _cut_prefix(text[j:end])
    return (start, end) if end - start >= 2 else None


def _next_item(text: str, start: int) -> tuple[int, int] | None:
    m = _ENUM_ITEM.match(text, start)
    if not m:
        return None
    item = m.group()
    for stop in ("等", "和", "及", "以及", "的"):
        i = item.find(stop)
        if i > 0:
            item = item[:i]
    return (start, start + len(item)) if len(item) >= 2 else None


def _aliases(text: str, found: list[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
    """Aliases printed right after a name: "X（以下简称“Y”）"."""
    out: dict[tuple[int, int], list[str]] = {}
    ends = {e: (s, e) for s, e in found}
    for m in _ALIAS_RE.finditer(text):
        span = ends.get(m.start())
        if span is None:
            j = m.start()
            while j > 0 and text[j - 1] not in PUNCT and m.start() - j < _MAX_LEN:
                j -= 1
            start = j + _cut_prefix(text[j:m.start()])
            if m.start() - start < 2:
                continue
            span = (start, m.start())
            found.append(span)
        out.setdefault(span, []).append(m.group("alias"))
    return out
