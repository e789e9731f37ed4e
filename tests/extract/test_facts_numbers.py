"""numbers: text -> Quantity, Rank."""
import pytest

from banmian.extract.numbers import find_quantities, find_ranks


@pytest.mark.parametrize("text,value,unit,approx", [
    ("306.22亿元", 30622000000, "元", None), ("三千四百亿元", 340000000000, "元", None),
    ("60余名", 60, "名", "余"), ("约5万元左右", 50000, "元", "左右"), ("1300多万人", 13000000, "人", "多"),
    ("14.16%", 14.16, "%", None), ("1,361万人", 13610000, "人", None), ("上亿元", 100000000, "元", "上"),
    ("2.3个百分点", 2.3, "个百分点", None), ("195.7万TB", 1957000, "TB", None), ("百分之十五", 15, "%", None),
])
def test_numbers_parse_figures(text, value, unit, approx):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


def test_numbers_step_is_the_printed_resolution():
    (q,) = find_quantities("52.85亿元")
    assert q.step == 1_000_000


@pytest.mark.parametrize("text", ["一体推进", "千万工程", "举一反三", "2024年", "第5位", "一批企业", "“12个100%”", "百分之一二"])
def test_numbers_words_and_slogans_are_not_figures(text):
    assert find_quantities(text) == []


def test_numbers_ranks_with_scope():
    assert [(r.scope, r.position) for r, _ in find_ranks("位居全省第5位，排名全国第一，居全国首位，第二次会议")] == [
        ("全省", 5), ("全国", 1), ("全国", 1)]
