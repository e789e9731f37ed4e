"""statistics: text -> Statistic tuples and relations."""
from datetime import date

from banmian.extract.statistics import find_statistics

D = date(2024, 7, 9)


def _s(text, d=D):
    return [(s.metric, s.breakdown, s.value, s.period, s.yoy_pct, s.share_pct, s.share_of)
            for s in find_statistics(text, d)[0]]


def test_statistics_metric_value_growth_rank():
    (s,) = find_statistics("今年1至5月，我市网络交易额实现306.22亿元，同比增长14.16%，位居全省第5位。", D)[0]
    assert (s.metric, s.value, s.period, s.yoy_pct, s.rank.scope, s.rank.position) == (
        "网络交易额", 30622000000, "2024-01/2024-05", 14.16, "全省", 5)


def test_statistics_list_aligned_with_topic():
    got = _s("实物型网络零售中，食品保健、家装家饰和玩乐收藏居实物型行业前三，分别实现网络零售额29.37亿元、5.05亿元和4.65亿元，"
             "占比分别为55.58%、9.55%和8.79%。")
    assert [(m, b, v, sh, of) for m, b, v, _, _, sh, of in got] == [
        ("实物型网络零售额", "食品保健", 2937000000, 55.58, "实物型网络零售额"),
        ("实物型网络零售额", "家装家饰", 505000000, 9.55, "实物型网络零售额"),
        ("实物型网络零售额", "玩乐收藏", 465000000, 8.79, "实物型网络零售额")]


def test_statistics_growth_only():
    assert _s("前三季度全国规模以上工业增加值同比增长5.6%。", date(2019, 10, 23)) == [
        ("规模以上工业增加值", None, None, "2019-01/2019-09", 5.6, None, None)]


def test_statistics_growth_list_aligns_with_figures():
    got = _s("共保障航班11.1万班，运送旅客1258.6万人次，同比分别增长6%、10.6%。")
    assert [(m, v, y) for m, _, v, _, y, _, _ in got] == [("保障航班", 111000, 6.0), ("运送旅客", 12586000, 10.6)]


def test_statistics_from_to_gives_two_figures():
    got = _s("贫困发生率从10.2%下降到1.7%。")
    assert [(m, v) for m, _, v, *_ in got] == [("贫困发生率", 10.2), ("贫困发生率", 1.7)]


def test_statistics_share_with_own_subject():
    got = _s("移动通信基站总数达808万个，其中4G基站总数占64.2%。")
    assert got[1][0] == "4G基站总数" and got[1][5:] == (64.2, "移动通信基站总数")


def test_statistics_counts_of_nouns_and_plans_are_not_statistics():
    assert _s("已拥有6条生产线，帮助100万贫困人口，预计每年增加15万元，抽查20%的县，工资提高20%—30%。") == []


def test_statistics_as_of_date_is_the_period():
    assert {p for _, _, _, p, *_ in _s("截至1月30日，全国共立案1298件，案值21.8亿元。", date(2019, 2, 14))} == {"2019-01-30"}


def test_statistics_sum_relation_under_a_topic():
    stats, rels = find_statistics("在网络零售额中，实物型网络零售额52.85亿元，服务型网络零售额145.78亿元。", D)
    assert [(r.kind, r.parts, r.whole_metric) for r in rels] == [("sum", (0, 1), "网络零售额")]
