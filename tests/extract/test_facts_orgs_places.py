"""orgs and places: text -> Organization, Place."""
from banmian.extract.orgs import find_orgs
from banmian.extract.places import find_places, region_from_paper


def test_orgs_alias_and_boundaries():
    got = [(o.name, o.aliases) for o in find_orgs("日前，福华通达化学股份公司（以下简称“福华化学”）联合中国石油和化工行业国际产能合作企业联盟、"
                                                  "德国北威州国际商务署以及四川省化工行业协会，共同开展活动")]
    assert got == [("福华通达化学股份公司", ("福华化学",)), ("中国石油和化工行业国际产能合作企业联盟", ()),
                   ("德国北威州国际商务署", ()), ("四川省化工行业协会", ())]


def test_orgs_list_members_without_suffix():
    assert [o.name for o in find_orgs("主要有中国能建、蜀道集团、陕煤集团、漳州核电等国家重大工程的订单")] == [
        "中国能建", "蜀道集团", "陕煤集团", "漳州核电"]


def test_orgs_generic_mentions_are_not_names():
    assert find_orgs("了解该公司厂区设施，推广“强村公司”模式，各级党委（党组）要") == []


def test_orgs_weak_suffix_needs_a_level_prefix():
    assert [o.name for o in find_orgs("记者从市商务局了解到，全会决策部署")] == ["市商务局"]


def test_places_region_is_the_parent_of_districts():
    got = [(p.name, p.parent) for p in find_places("峨眉山市、市中区和夹江县分别实现", region="乐山市")]
    assert got == [("峨眉山市", "乐山市"), ("市中区", "乐山市"), ("夹江县", "乐山市")]


def test_places_compound_and_common_words():
    assert [p.name for p in find_places("推进城镇化，全市各区，乐山市沙湾区，促进农村发展")] == ["乐山市", "沙湾区"]
    assert find_places("乐山市沙湾区")[1].parent == "乐山市"


def test_places_region_from_paper():
    assert (region_from_paper("乐山日报"), region_from_paper("重庆日报"), region_from_paper("人民日报")) == (
        "乐山市", "重庆市", None)
