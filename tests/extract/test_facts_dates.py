"""dates: text + issue date -> DateFact."""
from datetime import date

import pytest

from banmian.extract.dates import find_dates

D = date(2024, 7, 9)


def _vals(text, d=D):
    return [(f.text, f.value, f.kind) for f in find_dates(text, d)]


@pytest.mark.parametrize("text,value", [
    ("7月8日", "2024-07-08"), ("2024年6月25日", "2024-06-25"), ("今年9月底", "2024-09-30"),
    ("1至5月", "2024-01/2024-05"), ("1—5月", "2024-01/2024-05"), ("1-5月份", "2024-01/2024-05"),
    ("前三季度", "2024-01/2024-09"), ("上半年", "2024-01/2024-06"), ("今年以来", "2024-01-01/2024-07-09"),
    ("去年以来", "2023-01-01/2024-07-09"), ("前8个月", "2024-01/2024-08"), ("2013—2018年", "2013/2018"),
    ("2月4日至10日", "2024-02-04/2024-02-10"), ("2018年底", "2018-12-31"), ("“十三五”时期", "2016/2020"),
    ("20世纪90年代", "1990/1999"), ("二〇一九年十二月", "2019-12"),
])
def test_dates_resolve_against_issue_date(text, value):
    assert [v for _, v, _ in _vals(text)] == [value]


def test_dates_relative_kept_relative():
    assert _vals("近日，日前") == [("近日", None, "relative"), ("日前", None, "relative")]


def test_dates_month_after_issue_is_last_year():
    assert _vals("12月", date(2019, 2, 1))[0][1] == "2018-12"
    assert _vals("1至11月", date(2019, 2, 1))[0][1] == "2018-01/2018-11"


def test_dates_bare_day_takes_the_month_named_before():
    assert [v for _, v, _ in _vals("本报北京1月31日电 习近平31日会见", date(2019, 2, 1))] == ["2019-01-31", "2019-01-31"]


def test_dates_year_named_in_the_sentence_applies():
    assert _vals("2018年，3月份产量增长")[1][1] == "2018-03"


def test_dates_durations_and_counts_are_not_dates():
    assert _vals("已有36年，3个月，123月") == []


def test_dates_comparison_month_is_not_a_date():
    assert _vals("分别比上月多2550亿元") == []


def test_dates_without_issue_date_keep_month_day():
    assert [v for _, v, _ in _vals("7月8日", None)] == ["--07-08"]


def test_dates_unreadable_numerals_are_skipped_not_raised():
    # regression: "二三四月" raised KeyError inside the extractor during ingestion
    from banmian.extract.dates import find_dates
    assert find_dates("二三四月份，十二三日，全年") is not None
