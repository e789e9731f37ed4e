"""targets, outline, events."""
from datetime import date

from banmian.extract.events import find_events
from banmian.extract.outline import find_outline
from banmian.extract.people import find_mentions
from banmian.extract.targets import find_targets

D = date(2024, 7, 9)


def test_targets_quantified_and_qualitative():
    t = find_targets("到2027年，全市综合实力持续提升，经济总量跨上3400亿元台阶。到2035年，基本建成现代化经济强市。", D)
    assert [(x.deadline, x.metric, x.comparator, x.value) for x in t] == [
        ("2027", "经济总量", ">=", 340000000000), ("2035", None, None, None)]
    assert t[1].text == "到2035年，基本建成现代化经济强市"


def test_targets_upper_bounds_and_expectations():
    t = find_targets("力争到2025年，单位GDP能耗控制在0.5吨以内。项目预计今年9月底全面投产。", D)
    assert [(x.deadline, x.comparator, x.kind) for x in t] == [("2025", "<=", "target"), ("2024-09-30", None, "expectation")]


def test_outline_tree_with_running_numbers():
    paras = ["一、总体要求", "（一）目标。正文", "（二）原则。正文", "二、重点任务", "（三）任务甲。正文", "1.细项一", "2.细项二"]
    tree = find_outline(paras)
    assert [(n.label, [c.label for c in n.children]) for n in tree] == [("一、", ["（一）", "（二）"]), ("二、", ["（三）"])]
    assert [c.label for c in tree[1].children[0].children] == ["1.", "2."]


def test_outline_needs_a_sequence():
    assert find_outline(["一、孤零零的一段", "正文"]) == []


def test_events_meeting_roles():
    t = "7月8日，全市防汛工作推进会议召开，市委书记马波出席会议并讲话。市长陈光浩主持，市委副书记陈扬杰出席。"
    (e,) = find_events({"body": t}, {"body": find_mentions(t)}, {"body": []})
    assert (e.kind, e.name, e.chair, e.speaker, e.attendees) == (
        "会议", "全市防汛工作推进会议", ("陈光浩",), ("马波",), ("陈扬杰",))


def test_events_spoken_at_in_kicker():
    t = "马波在全市防汛工作推进会议上强调"
    (e,) = find_events({"kicker": t}, {"kicker": find_mentions(t)}, {})
    assert e.name == "全市防汛工作推进会议" and e.loc.field == "kicker"
