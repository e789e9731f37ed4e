"""Numbers with units: text -> :class:`~banmian.extract.facts.Quantity` list.

Money with 万/亿 multipliers, percentages, percentage points, counts and
measures, approximate figures ("60余名", "约3万人", "1300多万"), Chinese
numerals ("三千四百亿元"), and ranks ("位居全省第5位").  Chinese numerals are
converted with cn2an *only on the numeral span*: its whole-text transform damages
words such as 一体 or 千万工程.

Each quantity keeps ``step``, the place value of its last printed digit in base
units, so audits can tell what range a rounded figure stands for.

>>> [(q.text, q.value, q.unit, q.kind) for q in find_quantities("实现网络零售额198.63亿元，同比增长18.11%")]
[('198.63亿元', 19863000000, '元', 'money'), ('18.11%', 18.11, '%', 'percent')]
>>> q = find_quantities("60余名代表齐聚一堂")[0]
>>> (q.value, q.unit, q.approx)
(60, '名', '余')
>>> find_quantities("经济总量跨上三千四百亿元台阶")[0].value
340000000000
>>> [q.text for q in find_quantities("一体推进千万工程")]
[]
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .facts import Field, Loc, Number, Quantity, Rank
from .lexicon import trie_pattern

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4,
}

CURRENCIES = ("美元", "欧元", "英镑", "日元", "港元", "港币", "澳元", "卢布", "韩元", "人民币", "元")
MEASURES = (
    "平方公里 平方千米 平方米 立方米 公里 千米 厘米 毫米 米 公顷 亩 吨 公斤 千克 克 千瓦时 万千瓦 千瓦 兆瓦 吉瓦 瓦 度 "
    "毫升 升 标箱 标准箱 摄氏度 ℃ 微克/立方米 小时 分钟 秒 个月 天 周 岁 TB PB GB MB 兆"
).split()
COUNTS = (
    "人次 户 人 名 位 个 家 项 件 条 所 座 辆 架次 架 艘 台 套 只 头 场 次 起 宗 篇 部 本 册 种 类 处 块 株 棵 份 张 期 届 轮 班 航次 "
    "批 倍 间 栋 幢 层 根 匹 片 道 门 桩 笔 单 份 元素 首 支 组 对 颗 粒 盏 张 所 年"
).split()

# tries, not flat alternations: one pass per position instead of one try per unit
_UNIT_ALT = trie_pattern(frozenset((*CURRENCIES, *MEASURES, *COUNTS)))
_MULT_ALT = trie_pattern(frozenset(MULTIPLIERS))
_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CHINESE = rf"[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?"

QUANTITY_RE = re.compile(
    rf"(?=[约近超逾将不达0-9０-９{_CN_DIGITS}])"  # fail fast: most characters cannot start a figure
    rf"(?P<pre>约|近|超过|超|逾|将近|不足|不到|达)?"
    rf"(?:(?P<ar>{_ARABIC})|(?P<cn>{_CHINESE}))"
    rf"(?P<more>余|多)?"
    # a unit, a percent sign or a multiplier is required: bare numbers are labels, years, dates
    rf"(?:(?P<mult>{_MULT_ALT})(?P<more2>余|多)?(?:(?P<pct>[%％])|(?P<pp>个百分点)|(?P<unit>{_UNIT_ALT}))?"
    rf"|(?P<pct2>[%％])|(?P<pp2>个百分点)|(?P<unit2>{_UNIT_ALT}))"
    rf"(?P<post>左右|以上|以下|上下|之多)?"
)
VAGUE_MULT_RE = re.compile(r"(?P<pre>上|近|超|逾)(?P<mult>万亿|千亿|百亿|亿|千万|百万|万)(?P<unit>元|人|吨|户|家)")
PERCENT_CN_RE = re.compile(rf"百分之(?P<cn>{_CHINESE}|{_ARABIC})")
RANK_CORE_RE = re.compile(r"第(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)(?:位|名)?")
# matched against the text just before 第 (anchoring on 第 keeps this cheap)
RANK_LEAD_RE = re.compile(
    r"(?P<verb>位居|位列|位于|居于|居|排名|排在|排|列|名列|跃居|跃升至|升至|稳居|保持)?"
    r"(?P<scope>全国|全省|全市|全区|全州|全县|全球|世界|全世界|亚洲|西部|中西部|东部|同类城市|[\u4e00-\u9fff]{1,8}?)?$"
)
_RANK_HINT = re.compile(r"位|居|排|列|全国|全省|全市|全区|全州|全县|全球|世界|升至|保持|跃")
_RANK_SCOPES = frozenset(("全国", "全省", "全市", "全区", "全州", "全县", "全球", "世界"))
RANK_TOP_RE = re.compile(r"(?P<scope>全国|全省|全市|全区|全球|世界)?(?P<w>首位|第一位|榜首)")

_CN_RANGE = re.compile(r"[一二三四五六七八九]{2}")
# Counts printed in Chinese numerals are common words ("一批", "两个维护"): accept
# them only with units that make them unambiguous figures.
_CN_OK_UNITS = frozenset((*CURRENCIES, *MEASURES, "人", "名", "位", "人次", "户", "家", "项", "倍", "个"))


@lru_cache(maxsize=4096)
def chinese_to_number(numeral: str) -> Decimal | None:
    """Convert a Chinese numeral span with cn2an; ``None`` if it is not one.

    >>> chinese_to_number("三千四百")
    Decimal('3400')
    >>> chinese_to_number("二〇一九")
    Decimal('2019')
    """
    import cn2an  # lazy: 0.1 s import, needed only for Chinese numerals

    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):  # cn2an rejects what is not a numeral
        return None
    return Decimal(str(value))


def arabic_to_decimal(text: str) -> Decimal:
    """Parse an Arabic numeral as printed (full-width digits, thousands commas).

    >>> arabic_to_decimal("1,361")
    Decimal('1361')
    >>> arabic_to_decimal("３０６．２２")
    Decimal('306.22')
    """
    return Decimal(text.translate(_FULLWIDTH).replace(",", ""))


def to_number(d: Decimal) -> Number:
    """Decimal -> int when integral, else float."""
    return int(d) if d == d.to_integral_value() else float(d)


def _step_of(arabic: str | None, mult: int) -> float:
    """Place value of the last printed digit, in base units."""
    if arabic is None:
        return float(mult)
    s = arabic.translate(_FULLWIDTH)
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    return float(Decimal(mult) / (Decimal(10) ** decimals))


def _kind(unit: str | None) -> str:
    if unit is None:
        return "number"
    if unit in CURRENCIES:
        return "money"
    if unit == "%":
        return "percent"
    if unit == "个百分点":
        return "pp"
    if unit in MEASURES:
        return "measure"
    return "count"


def _is_year(m: re.Match[str]) -> bool:
    """A 4-digit year before 年 (or 年度/年底) belongs to the date extractor."""
    ar = m.group("ar")
    if m.group("unit2") != "年" or ar is None or m.group("mult"):
        return False
    s = ar.translate(_FULLWIDTH)
    return s.isdigit() and len(s) == 4 and 1900 <= int(s) <= 2100


def find_quantities(text: str, field: Field = "body") -> list[Quantity]:
    """Every number with a unit (or a bare multiplied number) in ``text``, in order.

    Bare numbers without a unit, multiplier or percent sign are skipped: they are
    list labels, years or parts of dates, which other extractors handle.

    >>> [(q.text, q.value) for q in find_quantities("1300多万人，约5万元左右")]
    [('1300多万人', 13000000), ('约5万元左右', 50000)]
    >>> [(q.text, q.value, q.kind) for q in find_quantities("提高2.3个百分点")]
    [('2.3个百分点', 2.3, 'pp')]
    """
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text):
        pre0, ar, cn, more, mult_s, more2, pct, pp, unit1, pct2, pp2, unit2, post = m.groups()
        if unit2 == "年" and ar is not None and _is_year(m):
            continue  # the commonest match by far: a year, for the date extractor
        unit = "%" if (pct or pct2) else ("个百分点" if (pp or pp2) else (unit1 or unit2))
        if _is_ordinal(text, m) or in_quotes(text, m.start()):
            continue
        if cn is not None:
            if not _chinese_ok(text, m, cn, unit, mult_s):
                continue
            base = chinese_to_number(cn)
            if base is None:
                continue
        else:
            try:
                base = arabic_to_decimal(ar)
            except InvalidOperation:
                continue
        mult = MULTIPLIERS.get(mult_s or "", 1)
        if unit == "人民币":
            unit = "元"
        value = base * mult if unit not in ("%", "个百分点") else base
        pre = pre0
        if pre == "达" or (pre == "近" and text[m.start() - 1:m.start()] in ("接", "将")):
            pre = None  # "达" (reach) and "接近" are verbs, not part of the figure
        approx = more or more2 or post or pre or ("近" if pre0 == "近" else None)
        start = m.start("pre") if pre else (m.start("ar") if ar is not None else m.start("cn"))
        out.append(Quantity(
            text=text[start:m.end()], value=to_number(value), unit=unit, kind=_kind(unit),
            loc=Loc(start, m.end(), field), approx=approx,
            step=_step_of(ar, mult) if unit not in ("%", "个百分点") else _step_of(ar, 1),
        ))
    for m in VAGUE_MULT_RE.finditer(text):  # 上亿元, 近万人: an order of magnitude
        unit = m.group("unit")
        out.append(Quantity(m.group(0), MULTIPLIERS[m.group("mult")], unit, _kind(unit),
                            Loc(m.start(), m.end(), field), approx=m.group("pre"),
                            step=float(MULTIPLIERS[m.group("mult")])))
    for m in PERCENT_CN_RE.finditer(text):
        raw = m.group("cn")
        if _CN_RANGE.fullmatch(raw):
            continue
        d = chinese_to_number(raw) if not raw[0].isdigit() else arabic_to_decimal(raw)
        if d is not None:
            out.append(Quantity(m.group(0), to_number(d), "%", "percent", Loc(m.start(), m.end(), field)))
    out.sort(key=lambda q: q.loc.start)
    return out


def _is_ordinal(text: str, m: re.Match[str]) -> bool:
    """"第5位" is a rank (see :func:`find_ranks`), "G20" a name: neither is a count."""
    before = text[m.start() - 1:m.start()] if m.start() else ""
    return before == "第" or (before.isascii() and before.isalpha())


def _chinese_ok(text: str, m: re.Match[str], cn: str, unit: str | None, mult: str | None) -> bool:
    """Accept a Chinese numeral only where it is plainly a figure."""
    if _CN_RANGE.fullmatch(cn):
        return False  # "三五天", "百分之一二": adjacent digits are a rough range, not a number
    if unit is None or (unit not in _CN_OK_UNITS and not mult):
        return False  # "千万工程", "十二届", "一批": words, ordinals and vague counts
    if len(cn) == 1 and not mult and unit not in (*CURRENCIES, *MEASURES) and (cn in "一两二" or unit == "个"):
        return False  # "一个时期", "两个维护", "三个代表"
    before = text[m.start() - 1:m.start()]
    if before in ("第", "星", "周", "初", "十"):  # 第一, 星期一 …
        return False
    return True


def in_quotes(text: str, pos: int, max_len: int = 16) -> bool:
    """Is ``pos`` inside a short quotation (a slogan such as “12个100%”)?

    Long quotations are speech and keep their figures.

    >>> in_quotes("落实“12个100%”要求", 3), in_quotes("实现12个", 2)
    (True, False)
    """
    opened = text.rfind("“", max(0, pos - max_len), pos)
    if opened < 0 or "”" in text[opened:pos]:
        return False
    closed = text.find("”", pos, pos + max_len)
    return closed >= 0 and closed - opened <= max_len


def find_ranks(text: str, field: Field = "body") -> list[tuple[Rank, Loc]]:
    """Ranks such as 位居全省第5位 / 排名全国第一 / 居全国首位.

    >>> [(r.scope, r.position) for r, _ in find_ranks("位居全省第5位")]
    [('全省', 5)]
    >>> [(r.scope, r.position) for r, _ in find_ranks("排名全国第一")]
    [('全国', 1)]
    """
    out: list[tuple[Rank, Loc]] = []
    for m in RANK_CORE_RE.finditer(text):
        lo = max(0, m.start() - 12)
        if not _RANK_HINT.search(text, lo, m.start()):
            continue  # "第二次", "第一批": no ranking verb or scope before 第
        lead = None
        for k in range(lo, m.start()):  # a verb (位居 …) leading up to 第, else a plain scope (全国)
            cand = RANK_LEAD_RE.match(text, k, m.start())
            if cand is None:
                continue
            if cand.group("verb"):
                lead = cand
                break
            if lead is None and cand.group("scope") in _RANK_SCOPES:
                lead = cand
        if lead is None:
            continue
        scope = lead.group("scope")
        if scope and scope[0] in "在于的":
            scope = scope[1:] or None
        n = m.group("n")
        pos = int(n.translate(_FULLWIDTH)) if n[0] in "0123456789０１２３４５６７８９" else chinese_to_number(n)
        if pos is None:
            continue
        out.append((Rank(scope, int(pos)), Loc(lead.start(), m.end(), field)))
    for m in RANK_TOP_RE.finditer(text):
        if any(loc.start <= m.start() < loc.end for _, loc in out):
            continue
        out.append((Rank(m.group("scope"), 1), Loc(m.start(), m.end(), field)))
    out.sort(key=lambda r: r[1].start)
    return out
