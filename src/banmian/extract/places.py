"""Places: text -> :class:`~banmian.extract.facts.Place` list.

Administrative divisions by their suffix (省 市 县 区 州 镇 乡 村 旗 盟, 自治区 …),
countries from a gazetteer, and compounds ("乐山市沙湾区": 沙湾区 with parent
乐山市; "德国北威州" stays one foreign place).  A county or district without a
printed parent gets the article's home city when the caller knows it (a city
paper's "我市"): 市中区 of 乐山市.

>>> [(p.name, p.level, p.parent) for p in find_places("峨眉山市、市中区和夹江县分别实现", region="乐山市")]
[('峨眉山市', '市', '乐山市'), ('市中区', '区', '乐山市'), ('夹江县', '县', '乐山市')]
>>> [(p.name, p.parent) for p in find_places("在沙湾区，乐山市沙湾区华莽科技")]
[('沙湾区', '乐山市'), ('乐山市', None)]
>>> [p.name for p in find_places("四川省和德国北威州缔结友好省州关系")]
['四川省', '德国北威州']
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .facts import Field, Loc, Place
from .lexicon import (
    COUNTRIES, NOT_PLACE_STEMS, PLACE_BAD_BIGRAMS, PLACE_CONTINUATIONS, PROVINCES, strip_verbs, trie_pattern,
)
from .people import PUNCT, _cut_prefix

_SUFFIX_RE = re.compile(r"特别行政区|自治区|自治州|自治县|自治旗|[省市县区州镇乡村旗盟]")
_COUNTRY_RE = re.compile(trie_pattern(COUNTRIES | {p for p in PROVINCES if len(p) >= 2}))
_LONG_SUFFIX = ("特别行政区", "自治区", "自治州", "自治县", "自治旗")
_BAD_STEM_CHARS = frozenset("的了在和与及是为把被将对向从于也都就还而并又所之其这那该各每个年月日时说等们全本我")
# 新城区, 景区, 园区, 地区 …: a part of a city or a kind of area, not a division name
_BAD_STEM_END = frozenset("城新老大小景园社街片厂校营矿库林牧山灾郊市地功保开")
_COUNTY_LEVEL = frozenset("区县旗")
_NEVER_BEFORE = frozenset("全我本该各此每跨分")  # 全市, 我县, 本区, 各省, 跨区 …


def region_from_paper(paper: str | None) -> str | None:
    """The home division of a local paper: 乐山日报 -> 乐山市, 四川日报 -> 四川省.

    >>> region_from_paper("乐山日报"), region_from_paper("四川日报"), region_from_paper("人民日报")
    ('乐山市', '四川省', None)
    """
    if not paper:
        return None
    stem = re.sub(r"(日报|晚报|早报|都市报|商报|报)$", "", paper)
    if not stem or stem in ("人民", "光明", "经济", "中国", "工人", "农民", "解放军", "科技", "法治", "参考"):
        return None
    if stem in PROVINCES:
        return stem + ("市" if stem in ("北京", "天津", "上海", "重庆") else "省")
    return stem + "市" if 2 <= len(stem) <= 4 else None


def find_places(text: str, field: Field = "body", *, region: str | None = None) -> list[Place]:
    """Places named in ``text``, in order of first mention, one per name.

    ``region`` is the home city or province of the paper, used as the parent of
    counties and districts the text names without one.
    """
    found: list[tuple[int, int, str, str | None]] = []  # start, end, level, parent-name
    countries = [(m.start(), m.end()) for m in _COUNTRY_RE.finditer(text)]
    country_starts = [c for c, _ in countries]
    last_end = 0
    for m in _SUFFIX_RE.finditer(text):
        s, e = m.span()
        suffix = m.group()
        if e < len(text) and text[e] in PLACE_CONTINUATIONS and suffix not in _LONG_SUFFIX:
            continue
        if suffix in "市县区州" and text[e:e + 1] in ("级",):
            continue
        if s == 0 or text[s - 1] in PUNCT or text[s - 1] in _NEVER_BEFORE or text[s - 1:e] in PLACE_BAD_BIGRAMS:
            continue  # cheap tests first: most 市/区/县 in running text are 全市, 地区, 我县 …
        j = s
        limit = 10 if suffix in _LONG_SUFFIX else 6
        while j > last_end and s - j < limit and text[j - 1] not in PUNCT:
            j -= 1
        raw = text[j:s]
        cut = _cut_prefix(raw)
        stem_start = j + cut
        stem = text[stem_start:s]
        stripped = strip_verbs(stem) if stem not in PROVINCES else stem
        if stripped == stem and stem in ("位列", "位居"):
            continue
        stem_start, stem = stem_start + len(stem) - len(stripped), stripped
        parent = None
        # a country or province right before the stem: "德国北威州", "重庆武隆区"
        for cs, ce in countries[bisect_left(country_starts, stem_start):bisect_left(country_starts, s)]:
            if ce < s and ce - cs < len(stem):
                if text[cs:ce] in COUNTRIES:
                    break  # foreign compound: keep it whole
                prov = text[cs:ce]
                parent = prov + ("市" if prov in ("北京", "天津", "上海", "重庆") else "省")
                stem_start, stem = ce, text[ce:s]
                break
        if not _good_stem(stem, suffix):
            continue
        if parent is None and stem_start == last_end and found and found[-1][1] == last_end:
            parent = text[found[-1][0]:found[-1][1]]
        found.append((stem_start, e, suffix[-1] if suffix not in _LONG_SUFFIX else suffix, parent))
        last_end = e
    # countries not inside a division name
    inside = {i for s, e, _, _ in found for i in range(s, e)}
    for cs, ce in countries:
        if text[cs:ce] in COUNTRIES and cs not in inside:
            if ce < len(text) and text[ce] in "人语籍队方式":  # 中国人, 德国队: not the place
                continue
            found.append((cs, ce, "国", None))
    found.sort()
    out: dict[str, Place] = {}
    counties_with_siblings = _county_context(text, found)
    for s, e, level, parent in found:
        name = text[s:e]
        if parent is None and region and name != region and (
                level in _COUNTY_LEVEL or (level == "市" and counties_with_siblings)):
            if not name.startswith(region[:-1]):
                parent = region
        if name not in out:
            out[name] = Place(name, level, parent, Loc(s, e, field))
        elif out[name].parent is None and parent is not None:
            out[name] = Place(name, level, parent, out[name].loc)
    return list(out.values())


def _good_stem(stem: str, suffix: str) -> bool:
    if suffix in _LONG_SUFFIX:
        return 1 <= len(stem) <= 10
    if suffix == "省":  # every Chinese province is known; anything else is a phrase
        return stem in PROVINCES
    if not 2 <= len(stem) <= 5:
        return False
    if any(c in "省州县区乡镇村" for c in stem):
        return False
    if stem in NOT_PLACE_STEMS or stem[-2:] in NOT_PLACE_STEMS or any(c in _BAD_STEM_CHARS for c in stem):
        return False
    if suffix == "区" and stem[-1] in _BAD_STEM_END:
        return False
    if suffix in "镇乡村" and len(stem) > 4:
        return False
    return all("\u4e00" <= c <= "\u9fff" for c in stem)


def _county_context(text: str, found: list[tuple[int, int, str, str | None]]) -> bool:
    """Does the text treat its 市 as county-level cities (县（市、区）, listed with 区/县)?"""
    return "县（市、区）" in text or "县(市、区)" in text or "区（市、县）" in text or sum(
        1 for _, _, lv, _ in found if lv in _COUNTY_LEVEL) >= 2
