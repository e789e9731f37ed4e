"""Dates and periods: text + issue date -> :class:`~banmian.extract.facts.DateFact` list.

Resolves what a reader of that day's paper understands: "7月8日" is in the
issue's year, "31日" in the month last named, "今年9月底" is 30 September,
"1至5月" / "1—5月" / "前三季度" / "上半年" / "今年以来" are ISO intervals.
Relative expressions with no fixed date ("近日", "日前") are kept with
``kind="relative"`` and ``value=None``.

A month or day printed without a year is placed in the issue's year unless that
lands more than half a year after the issue: a February paper's "12月" is last
December.

>>> from datetime import date
>>> d = date(2024, 7, 9)
>>> [(f.text, f.value) for f in find_dates("今年1至5月，7月8日召开，预计今年9月底全面投产", d)]
[('今年1至5月', '2024-01/2024-05'), ('7月8日', '2024-07-08'), ('今年9月底', '2024-09-30')]
>>> [(f.text, f.value) for f in find_dates("前三季度、上半年、今年以来", date(2019, 10, 25))]
[('前三季度', '2019-01/2019-09'), ('上半年', '2019-01/2019-06'), ('今年以来', '2019-01-01/2019-10-25')]
>>> [(f.text, f.kind) for f in find_dates("日前，公司宣布", d)]
[('日前', 'relative')]
"""
from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from .facts import DateFact, Field, Loc

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_Y = r"(?:[12][0-9]{3}|[〇零一二三四五六七八九]{4})"
_M = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_RY = r"(?:今年|去年|明年|前年|后年|本年)"
_DASH = r"(?:至|到|—|－|-|–|~|～|—)"
_YEAR = rf"(?:(?P<y>{_Y})年|(?P<ry>{_RY}))"

_NUM0 = "0-9〇零一二三四五六七八九十"
_REL0 = "今去明前后本"
# Each pattern: (kind, regex, anchor).  The leading lookahead lists the characters
# a match can start with, so most positions fail at one character test; the
# anchor is a string every match contains, so only windows around it are scanned.
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("since", re.compile(rf"(?=[{_NUM0}今本去年以])(?:(?P<y>{_Y})年|(?P<ry>今年|本年|去年))?(?:年初)?以来"), "以来"),
    ("first_months", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}?前(?P<n>[1-9]|1[0-1]|[一二三四五六七八九十]|十一)个?月(?:份)?"), "月"),
    ("decade", re.compile(r"(?=[12二十])(?P<c>19|20|十九|二十)世纪(?P<d>[1-9]0|[一二三四五六七八九]十)年代"), "年代"),
    ("year_range", re.compile(rf"(?=[{_NUM0}])(?P<y1>{_Y})年?{_DASH}(?P<y2>{_Y})年"), "年"),
    ("day_range", re.compile(rf"(?=[{_NUM0}{_REL0}])"
                             rf"{_YEAR}?(?P<m1>{_M})月(?P<d1>{_D})[日号]?{_DASH}(?:(?P<m2>{_M})月)?(?P<d2>{_D})[日号]"), "月"),
    ("month_range", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}?(?P<m1>{_M})(?:月份?)?{_DASH}(?P<m2>{_M})月份?"), "月"),
    ("month_pair", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}?(?P<m1>{_M})、(?P<m2>{_M})月份?"), "月"),
    ("quarter", re.compile(rf"(?=[{_NUM0}{_REL0}第1-4]){_YEAR}?(?P<q>前三季度|前两季度|前二季度|第?[一二三四1-4]季度)"), "季度"),
    ("half", re.compile(rf"(?=[{_NUM0}{_REL0}上下]){_YEAR}?(?P<h>上半年|下半年)"), "半年"),
    ("plan", re.compile(r"(?=[“\"三四五六七八九十])[“\"]?(?P<n>十[一二三四]?|[三四五六七八九])五[”\"]?(?:时期|期间|规划)?"), "五"),
    ("full", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}?(?P<m>{_M})月(?P<d>{_D})[日号]"), "月"),
    ("month", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}?(?P<m>{_M})月(?P<mod>份|底|末|初|中旬|上旬|下旬)?"), "月"),
    ("year", re.compile(rf"(?=[{_NUM0}{_REL0}]){_YEAR}(?P<mod>底|末|初(?![春夏秋冬])|年底|年末|年初)?"), "年"),
    ("day", re.compile(r"(?<![0-9月])(?P<d>3[01]|[12][0-9]|[1-9])日(?![0-9])"), "日"),
    ("relative", re.compile(r"(?=[近日前今昨明本上下不])(?:近日|日前|近期|前不久|不久前|近年来|近些年|今天|今日|昨天|昨日|明天|本月|上月|上个月|本周|上周|下周)"),
     ""),
]


def _cn_int(s: str) -> int:
    """Arabic or Chinese numeral (year digits 二〇一九, or 十二 / 二十五) -> int.

    Raises ``ValueError`` for a run that is no number a date uses ("二三四").
    """
    if s.isdigit():
        return int(s)
    if all(c in _CN_DIGIT for c in s) and len(s) == 4:
        return int("".join(str(_CN_DIGIT[c]) for c in s))
    try:
        if "十" in s:
            tens, _, ones = s.partition("十")
            return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
        return _CN_DIGIT[s]
    except KeyError:
        raise ValueError(f"not a date numeral: {s!r}") from None


@dataclass(frozen=True, slots=True)
class _Ctx:
    issue: date | None
    year_hint: int | None  # an explicit year earlier in the sentence
    month_hint: int | None  # the month last named before a bare "31日"


def _year_for(ctx: _Ctx, month: int, day: int = 1) -> int | None:
    """Year of a month/day printed without one (see module docstring)."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    if ctx.issue is None:
        return None
    y = ctx.issue.year
    try:
        cand = date(y, month, day)
    except ValueError:
        cand = date(y, month, 1)
    return y - 1 if cand > ctx.issue + timedelta(days=183) else y


def _rel_year(word: str, ctx: _Ctx) -> int | None:
    if ctx.issue is None:
        return None
    return ctx.issue.year + {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2}[word]


def _explicit_year(m: re.Match[str], ctx: _Ctx) -> int | None:
    gd = m.groupdict()
    if gd.get("y"):
        return _cn_int(gd["y"])
    if gd.get("ry"):
        return _rel_year(gd["ry"], ctx)
    return None


def _ym(y: int | None, mo: int) -> str:
    return f"{y:04d}-{mo:02d}" if y is not None else f"--{mo:02d}"


def _ymd(y: int | None, mo: int, d: int) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}" if y is not None else f"--{mo:02d}-{d:02d}"


def _last_day(y: int | None, mo: int) -> int:
    return calendar.monthrange(y if y is not None else 2001, mo)[1]


def _resolve(kind: str, m: re.Match[str], ctx: _Ctx) -> tuple[str | None, str] | None:
    """(value, fact kind) for one match, or None when the match is not a date."""
    gd = m.groupdict()
    y = _explicit_year(m, ctx) if "y" in gd or "ry" in gd else None
    if kind == "first_months":
        n = _cn_int(gd["n"])
        y = y if y is not None else _year_for(ctx, n)
        return f"{_ym(y, 1)}/{_ym(y, n)}", "period"
    if kind == "since":
        if ctx.issue is None and y is None:
            return None
        start = y if y is not None else (ctx.issue.year if ctx.issue else None)
        if gd.get("y") is None and gd.get("ry") is None and "年初" not in m.group(0):
            return None  # "以来" alone follows an event ("十八大以来"), not a date
        end = ctx.issue.isoformat() if ctx.issue else ""
        return f"{start:04d}-01-01/{end}".rstrip("/"), "period"
    if kind == "decade":
        century = 19 if gd["c"] in ("19", "十九") else 20
        start = (century - 1) * 100 + (int(gd["d"]) if gd["d"].isdigit() else _cn_int(gd["d"]))
        return f"{start}/{start + 9}", "period"
    if kind == "year_range":
        y1, y2 = _cn_int(gd["y1"]), _cn_int(gd["y2"])
        return (f"{y1:04d}/{y2:04d}", "period") if 1900 <= y1 < y2 <= 2100 else None
    if kind in ("month_range", "month_pair"):
        m1, m2 = _cn_int(gd["m1"]), _cn_int(gd["m2"])
        if not (1 <= m1 < m2 <= 12):
            return None
        y = y if y is not None else _year_for(ctx, m2)
        return f"{_ym(y, m1)}/{_ym(y, m2)}", "period"
    if kind == "day_range":
        m1 = _cn_int(gd["m1"])
        m2 = _cn_int(gd["m2"]) if gd.get("m2") else m1
        d1, d2 = _cn_int(gd["d1"]), _cn_int(gd["d2"])
        y = y if y is not None else _year_for(ctx, m1, min(d1, 28))
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and d1 <= _last_day(y, m1) and d2 <= _last_day(y, m2)):
            return None
        return f"{_ymd(y, m1, d1)}/{_ymd(y, m2, d2)}", "period"
    if kind == "quarter":
        q = gd["q"]
        if q.startswith("前"):
            first, last = 1, {"三": 3, "两": 2, "二": 2}[q[1]]
        else:
            qn = _cn_int(q.lstrip("第")[0]) if not q.lstrip("第")[0].isdigit() else int(q.lstrip("第")[0])
            first = last = qn
        y = y if y is not None else _year_for(ctx, last * 3)
        return f"{_ym(y, first * 3 - 2)}/{_ym(y, last * 3)}", "period"
    if kind == "half":
        first, last = (1, 6) if gd["h"] == "上半年" else (7, 12)
        y = y if y is not None else _year_for(ctx, last)
        return f"{_ym(y, first)}/{_ym(y, last)}", "period"
    if kind == "plan":
        n = _cn_int(gd["n"])
        if n < 3 or not (m.group(0).startswith(("“", '"')) or m.group(0).endswith(("时期", "期间", "规划"))):
            return None
        start = 1966 + 5 * (n - 3)  # 三五 = 1966-1970 (一五/二五 predate the gap years)
        return f"{start}/{start + 4}", "period"
    if kind == "full":
        mo, d = _cn_int(gd["m"]), _cn_int(gd["d"])
        y = y if y is not None else _year_for(ctx, mo, min(d, 28))
        if not (1 <= mo <= 12 and 1 <= d <= _last_day(y, mo)):
            return None
        return _ymd(y, mo, d), "date"
    if kind == "month":
        mo = _cn_int(gd["m"])
        if gd.get("y") is None and gd.get("ry") is None and not gd["m"][0].isdigit():
            return None  # a bare Chinese month ("一月") is too often a word part
        mod = gd.get("mod")
        y = y if y is not None else _year_for(ctx, mo)
        if mod in ("底", "末"):
            return _ymd(y, mo, _last_day(y, mo)), "date"
        return _ym(y, mo), "month"
    if kind == "year":
        if y is None:
            return None
        mod = gd.get("mod")
        if mod in ("底", "末", "年底", "年末"):
            return f"{y:04d}-12-31", "date"
        return f"{y:04d}", "year"
    if kind == "day":
        d = int(gd["d"])
        if ctx.issue is None and ctx.month_hint is None:
            return None
        if ctx.month_hint is not None:
            mo = ctx.month_hint
            y = _year_for(ctx, mo, min(d, 28))
        else:
            assert ctx.issue is not None
            ref = ctx.issue if d <= ctx.issue.day + 7 else ctx.issue.replace(day=1) - timedelta(days=1)
            y, mo = ref.year, ref.month
        if y is not None and d > _last_day(y, mo):
            return None
        return _ymd(y, mo, d), "date"
    if kind == "relative":
        word = m.group(0)
        if ctx.issue is None:
            return None, "relative"
        if word in ("今天", "今日"):
            return ctx.issue.isoformat(), "date"
        if word in ("昨天", "昨日"):
            return (ctx.issue - timedelta(days=1)).isoformat(), "date"
        if word == "明天":
            return (ctx.issue + timedelta(days=1)).isoformat(), "date"
        if word == "本月":
            return _ym(ctx.issue.year, ctx.issue.month), "month"
        if word in ("上月", "上个月"):
            prev = ctx.issue.replace(day=1) - timedelta(days=1)
            return _ym(prev.year, prev.month), "month"
        return None, "relative"
    return None


_SENTENCE_END = re.compile(r"[。！？；\n]")
_EXPLICIT_YEAR = re.compile(rf"(?P<y>{_Y})年(?![以至到—－\-–~～])")  # matched at a 年, see _ContextIndex
_EXPLICIT_MONTH = re.compile(rf"(?P<m>{_M})月(?:[0-9]|[一二三四五六七八九十])")


def find_dates(text: str, issue_date: date | None = None, field: Field = "body") -> list[DateFact]:
    """Every date, period and relative time expression in ``text``, in order.

    >>> from datetime import date
    >>> [(f.text, f.value) for f in find_dates("本报北京1月31日电 国家主席习近平31日在人民大会堂", date(2019, 2, 1))]
    [('1月31日', '2019-01-31'), ('31日', '2019-01-31')]
    >>> [(f.text, f.value) for f in find_dates("到2027年，2013—2018年", date(2019, 2, 1))]
    [('2027年', '2027'), ('2013—2018年', '2013/2018')]
    >>> [f.value for f in find_dates("12月，全国", date(2019, 2, 1))]
    ['2018-12']
    """
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    windows: dict[str, list[tuple[int, int]]] = {}
    for prio, (kind, rx, anchor) in enumerate(_PATTERNS):
        if anchor not in windows:
            windows[anchor] = _windows(text, anchor) if anchor else [(0, len(text))]
        for ws, we in windows[anchor]:
            for m in rx.finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), -(m.end() - m.start()), prio, kind, m))
    cands.sort()
    ctx_of = _ContextIndex(text, issue_date)
    taken: list[tuple[int, int]] = []
    out: list[DateFact] = []
    for start, neg_len, _prio, kind, m in cands:
        end = start - neg_len
        if any(s < end and start < e for s, e in taken):
            continue
        if not _plausible(text, start, end, kind):
            continue
        try:
            res = _resolve(kind, m, ctx_of(start))
        except ValueError:  # "二三四月" and the like: not a date we can read
            continue
        if res is None:
            continue
        taken.append((start, end))
        out.append(DateFact(text[start:end], res[0], res[1], Loc(start, end, field)))  # type: ignore[arg-type]
    out.sort(key=lambda f: f.loc.start)
    return out


_REACH = 16  # longest reach of a pattern on either side of its anchor


def _windows(text: str, anchor: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` within reach of each occurrence of ``anchor``."""
    out: list[tuple[int, int]] = []
    i = text.find(anchor)
    while i >= 0:
        ws, we = max(0, i - _REACH), min(len(text), i + len(anchor) + _REACH)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], we)
        else:
            out.append((ws, we))
        i = text.find(anchor, i + 1)
    return out


def _plausible(text: str, start: int, end: int, kind: str) -> bool:
    """Reject digits that are part of a longer number ("123月"), and counts ("3个月")."""
    before = text[start - 1:start] if start else ""
    if before.isdigit() or before in (".", "．"):
        return False
    if kind in ("month", "year") and text[end:end + 1] == "期":  # "1月期" → a term
        return False
    if kind == "relative" and before in ("比", "较") and text[start:end] in ("上月", "上个月", "本月", "上周", "本周"):
        return False  # "比上月多…" compares with the month before the data, not the issue's
    return True


class _ContextIndex:
    """Per-position context, built on first use from one pass over the text: the year
    named earlier in the same sentence, and the month last named before the position."""

    def __init__(self, text: str, issue: date | None) -> None:
        self.text = text
        self.issue = issue
        self._built = False

    def _build(self) -> None:
        text = self.text
        self.sent_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        # anchored on 年 / 月 and matched backwards: cheaper than scanning every position
        self.years = []
        i = text.find("年")
        while i >= 0:
            m = _EXPLICIT_YEAR.match(text, max(0, i - 4), i + 2)
            if m and m.end() == i + 1:
                self.years.append((m.start(), _cn_int(m.group("y"))))
            i = text.find("年", i + 1)
        self.months = []
        i = text.find("月")
        while i >= 0:
            for k in (2, 1):
                m = _EXPLICIT_MONTH.match(text, max(0, i - k), i + 2)
                if m and m.end() == i + 2:
                    self.months.append((m.start(), _cn_int(m.group("m"))))
                    break
            i = text.find("月", i + 1)
        self._year_pos = [p for p, _ in self.years]
        self._month_pos = [p for p, _ in self.months]
        self._built = True

    def __call__(self, pos: int) -> _Ctx:
        if not self._built:
            self._build()
        sent_start = self.sent_starts[bisect_right(self.sent_starts, pos) - 1]
        i = bisect_left(self._year_pos, pos) - 1
        year_hint = self.years[i][1] if i >= 0 and self.years[i][0] >= sent_start else None
        j = bisect_left(self._month_pos, pos) - 1
        month_hint = self.months[j][1] if j >= 0 else None
        return _Ctx(self.issue, year_hint, month_hint)
