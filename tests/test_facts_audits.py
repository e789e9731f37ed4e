"""Audits catch altered figures: change one share or one total and only the checks
that involve it turn inconsistent; the untouched page is consistent throughout."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from banmian.extract import extract_facts
from banmian.extract.audits import audit
from banmian.extract.facts import Loc, Statistic
from banmian.extract.statistics import Relation
from banmian.model import Paragraph, Text
from facts_support import EXAMPLE_DATE, example_articles

A4 = example_articles()["a4"]
SHARES = re.findall(r"\d+\.\d+%", "\n".join(A4.text.split("\n")[2:]))


def _with_text(art, old: str, new: str, nth: int = 0):
    """The article with the ``nth`` occurrence of ``old`` in its body replaced by ``new``."""
    paras = []
    seen = 0
    for p in art.paragraphs:
        t = p.text.value
        k = t.count(old)
        if seen <= nth < seen + k:
            i = -1
            for _ in range(nth - seen + 1):
                i = t.index(old, i + 1)
            t = t[:i] + new + t[i + len(old):]
        seen += k
        paras.append(Paragraph(Text(t)))
    return replace(art, paragraphs=tuple(paras))


def _audits(art):
    return extract_facts(art, EXAMPLE_DATE, ner=False).audits


def test_audits_example_page_is_consistent():
    audits = _audits(A4)
    assert audits and all(a.ok for a in audits), [a for a in audits if not a.ok]
    assert len([a for a in audits if a.check == "share"]) == 15


@pytest.mark.parametrize("share", SHARES)
def test_audits_flag_one_altered_share(share):
    altered = f"{float(share[:-1]) + 1.0:.2f}%"
    audits = _audits(_with_text(A4, share, altered))
    bad = [a for a in audits if not a.ok]
    assert [a.check for a in bad if a.check == "share"] == ["share"], bad
    assert bad[0].reported is not None and abs(bad[0].reported[0] - (float(altered[:-1]) - 0.005)) < 1e-6
    assert bad[0].note  # says what was printed and what the figures give


@pytest.mark.parametrize("total,flagged", [
    ("198.63亿元", {"sum", "share"}),   # 网络零售额: the two parts no longer add up, region shares are off
    ("52.85亿元", {"sum", "share"}),    # 实物型网络零售额
    ("145.78亿元", {"sum", "share"}),   # 服务型网络零售额
])
def test_audits_flag_an_altered_total(total, flagged):
    altered = f"{float(total[:-2]) * 1.1:.2f}亿元"
    audits = _audits(_with_text(A4, total, altered))
    assert {a.check for a in audits if not a.ok} >= flagged, [a for a in audits if not a.ok]
    assert any(a.ok for a in audits), "checks that do not involve the total stay ok"


def test_audits_flag_an_altered_part():
    audits = _audits(_with_text(A4, "29.37亿元", "31.37亿元"))
    bad = [a for a in audits if not a.ok]
    assert len(bad) == 1 and bad[0].check == "share" and "29.37" not in bad[0].parts[0]


def test_audits_generic_list_sum_and_shares():
    text = ("1至6月，全市工业产值100.00亿元。其中，甲区、乙区和丙区分别实现工业产值40.00亿元、35.00亿元和25.00亿元，"
            "占比分别为40.00%、35.00%和25.00%。")
    art = replace(A4, paragraphs=(Paragraph(Text(text)),))
    ok = extract_facts(art, date(2019, 7, 20), ner=False).audits
    assert {a.check for a in ok} == {"share", "sum", "share_sum"} and all(a.ok for a in ok)
    bad = extract_facts(replace(art, paragraphs=(Paragraph(Text(text.replace("35.00亿元", "45.00亿元"))),)),
                        date(2019, 7, 20), ner=False).audits
    assert {a.check for a in bad if not a.ok} == {"sum", "share"}


def test_audits_interval_arithmetic_accepts_rounding():
    # 29.37 / 52.85 = 55.572…% is printed 55.58%: consistent once both figures' rounding is allowed for
    whole = Statistic("网络零售额", 5285000000, "元", "52.85亿元", Loc(0, 1), step=1e6)
    part = Statistic("网络零售额", 2937000000, "元", "29.37亿元", Loc(2, 3), breakdown="食品保健",
                     share_pct=55.58, share_of="网络零售额", step=1e6)
    (a,) = audit([whole, part], [])
    assert a.ok and a.computed[0] < 55.575 < a.computed[1]
    (b,) = audit([whole, replace(part, share_pct=55.60)], [])
    assert not b.ok


def test_audits_sum_uses_relations():
    w = Statistic("总额", 100, "元", "100元", Loc(0, 1))
    parts = [Statistic("甲额", 60, "元", "60元", Loc(1, 2)), Statistic("乙额", 45, "元", "45元", Loc(2, 3))]
    (a,) = audit([w, *parts], [Relation("sum", (1, 2), "总额")])
    assert not a.ok and a.computed == (104.0, 106.0)
