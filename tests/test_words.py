"""A line break inside a word (stages/words.py): wraps cut words, fields part between phrases."""
import pytest

from banmian.stages.words import breaks_word, load

pytestmark = pytest.mark.skipif(not load(), reason="jieba's word list is not installed")


@pytest.mark.parametrize("before, after", [
    ("2019年全国两会新闻中", "心正式启用"),        # 中心
    ("“时代新人说——我和祖国共成长”脱贫攻", "坚主题演讲赛在湘西举行"),  # 攻坚
    ("外国领导人祝贺中华人民共和国成", "立70周年"),   # 成立
])
def test_a_wrap_inside_a_word(before, after):
    assert breaks_word(before, after)


@pytest.mark.parametrize("before, after", [
    ("保洁员王继保", "有事互相搭把手"),           # a name, then what the title says (保有 is a word too)
    ("水利部发文", "采砂管理纳入河湖长制考核体系"),  # 文采 is a word; the likelier reading parts them
    ("浙江淳安与贵州剑河协作扶贫", "订单式培训拓宽就业路"),
    ("推动共建一带一路走深走实", "为经济全球化健康发展增添动力"),
])
def test_fields_part_between_phrases(before, after):
    assert not breaks_word(before, after)


@pytest.mark.parametrize("before, after", [("会议", "—新闻"), ("2019", "年"), ("发展。", "会议"), ("", "会议")])
def test_only_between_two_ideographs(before, after):
    assert not breaks_word(before, after)
