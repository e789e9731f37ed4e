"""Property tests: for any input, no non-space character is lost or duplicated, and nothing crashes."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from banmian import parse_text
from banmian.errors import ReadError
from invariants import nonspace, output_chars, spans_consistent

ALPHABET = ("新华社北京电本报讯记者张清，。、；：？！“”‘’（）《》　 \n\n\n0123456789.%亿元"
            "会议指出强调要坚持发展一二三四五六七八九十■第版下转上接乐山日报市委书记"
            "abcAB—…")

column_line = st.text(alphabet=ALPHABET.replace("\n", ""), min_size=0, max_size=22)
PIECES = ["本报讯（记者 张清）", "本报北京5月14日电 （记者杜海涛）", "■ 记者 倪珉", "（下转第2版）",
          "（上接第1版）", "一、把握阶段性目标", "（一）培育壮大先进制造业集群。", "本版责编：王五",
          "2024年7月9日 星期二", "第2版", "乐山日报", "5 位 。 其 中 ，网 络", "\f", ""]
page_line = st.one_of(column_line, st.sampled_from(PIECES))


def check(raw: str) -> None:
    try:
        issue = parse_text(raw)
    except ReadError:
        assert not raw.replace("\f", "").strip()  # only empty pages are refused
        return
    assert output_chars(issue) == nonspace(raw.replace("\f", ""))
    assert spans_consistent(issue)


@given(st.text(alphabet=ALPHABET))
def test_invariants_any_text_keeps_every_char(raw):
    check(raw)


@given(st.lists(page_line, min_size=1, max_size=80))
def test_invariants_page_like_text_keeps_every_char(lines):
    check("\n".join(lines))


@given(st.text())
def test_invariants_arbitrary_unicode_keeps_every_char(raw):
    check(raw)
