"""people: text -> Mention -> Person."""
import pytest

from banmian.extract.people import find_mentions, merge_people


def _m(text):
    return [(m.name, m.titles, m.organization) for m in find_mentions(text)]


@pytest.mark.parametrize("text,expected", [
    ("市委书记马波出席会议并讲话", [("马波", ("市委书记",), None)]),
    ("市委副书记、市长陈光浩主持", [("陈光浩", ("市委副书记", "市长"), None)]),
    ("乐山市政务服务管理局局长向蕾谈道", [("向蕾", ("局长",), "乐山市政务服务管理局")]),
    ("中共中央政治局常委、国务院总理李克强", [("李克强", ("中共中央政治局常委", "国务院总理"), None)]),
    ("国务委员兼外交部长王毅将于", [("王毅", ("国务委员", "外交部长"), None)]),
    ("蚌埠市民政局原局长凌建东", [("凌建东", ("原局长",), "蚌埠市民政局")]),
    ("本报讯（记者 付小惠）7月8日", [("付小惠", ("记者",), None)]),
    ("（记者周效政、刘阳）当地时间", [("周效政", ("记者",), None), ("刘阳", ("记者",), None)]),
    ("李翠枝是伊利集团质量检测控制中心主任，在", [("李翠枝", ("伊利集团质量检测控制中心主任",), None)]),
])
def test_people_titles_and_organisations(text, expected):
    assert _m(text) == expected


def test_people_names_stop_before_verbs():
    assert [n for n, *_ in _m("市长陈光浩主持，书记马波出席，主任杨波协助寻找")] == ["陈光浩", "马波", "杨波"]


def test_people_lists_share_the_title():
    assert [(n, t) for n, t, _ in _m("市领导赖俊、文春雷、冯彬和毛剑出席")] == [
        ("赖俊", ("市领导",)), ("文春雷", ("市领导",)), ("冯彬", ("市领导",)), ("毛剑", ("市领导",))]


def test_people_honorific_after_the_name():
    assert _m("深入学习贯彻习近平总书记关于") == [("习近平", ("总书记",), None)]
    assert _m("去年习近平主席同安倍首相会晤") == [("习近平", ("主席",), None), ("安倍", ("首相",), None)]


def test_people_transliterated_names_without_the_model():
    assert _m("英国首相特雷莎·梅抵达布鲁塞尔") == [("特雷莎·梅", ("英国首相",), None)]


@pytest.mark.parametrize("text", ["中外部长高峰论坛在乌镇举行", "白皮书记录了", "登上主席台", "我市相关主管部门党员干部纷纷表示",
                                  "委员会主任委员会议", "代表们齐聚一堂", "记者了解到"])
def test_people_common_words_are_not_names(text):
    assert _m(text) == []


def test_people_merge_keeps_the_fuller_title():
    ms = find_mentions("习近平主席会见") + find_mentions("国家主席习近平指出")
    assert [(p.name, p.titles) for p in merge_people(ms)] == [("习近平", ("国家主席",))]
