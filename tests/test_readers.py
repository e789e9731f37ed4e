"""Text reader: encodings, line endings, pages, and refusals with one-line messages."""
from __future__ import annotations

import codecs

import pytest

from banmian.errors import LimitError, ReadError
from banmian.readers import read_bytes
from banmian.settings import Settings

PAGE = "本报讯（记者 张清）近日，记者从市商务局了解到\n今年1至5月，我市網絡零售額實現增長。\n"


@pytest.mark.parametrize("data, encoding", [
    (PAGE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig"),
    (PAGE.encode("utf-16"), "utf-16"),
    (PAGE.encode("utf-16-le"), "utf-16-le"),
    (PAGE.encode("utf-16-be"), "utf-16-be"),
    (PAGE.replace("網絡零售額實現增長", "网络零售额实现增长").encode("gb18030"), "gb18030"),
    ("本報訊（記者 張清）近日，記者從市商務局了解到\n今年網絡零售額實現增長。\n".encode("big5"), "big5"),
])
def test_readers_decode_encodings(data, encoding):
    pages = read_bytes(data, "x.txt")
    assert pages[0].encoding == encoding
    assert "记者" in pages[0].text or "記者" in pages[0].text


def test_readers_big5_traditional_text_is_not_read_as_gbk():
    trad = "本報訊（記者 張清）近日，記者從市商務局了解到，今年網絡零售額實現增長，位居全省第二位。"
    assert read_bytes(trad.encode("big5"), "t.txt")[0].text == trad


def test_readers_line_endings_normalised():
    pages = read_bytes("一\r\n二\r三\n".encode(), "x.txt")
    assert pages[0].text == "一\n二\n三\n"
    assert [pages[0].line_text(ln) for ln in pages[0].lines] == ["一", "二", "三"]


def test_readers_form_feed_splits_pages_and_drops_trailing_empty_page():
    pages = read_bytes("第一页\n\f第二页\n\f".encode(), "x.txt")
    assert [p.text.strip() for p in pages] == ["第一页", "第二页"]
    assert [p.index for p in pages] == [0, 1]


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (b"\x00\x01\x02\x03binary\xff\xfe\x00", "binary"),
    (bytes(range(256)) * 8, "binary"),
])
def test_readers_refuse_bad_input(data, words):
    with pytest.raises(ReadError) as exc:
        read_bytes(data, "bad.txt")
    msg = str(exc.value)
    assert msg.startswith("bad.txt: ") and words in msg and "\n" not in msg


def test_readers_limits_have_clear_messages():
    with pytest.raises(LimitError, match="over the limit"):
        read_bytes("字".encode() * 50, "big.txt", settings=Settings(max_bytes=100))
    with pytest.raises(LimitError, match="line of 1,000 characters"):
        read_bytes(("字" * 1000).encode(), "long.txt", settings=Settings(max_line_chars=500))


def test_readers_pdf_is_named():
    with pytest.raises(ReadError, match="PDF"):
        read_bytes(b"%PDF-1.7\n...", "page.pdf")


def test_readers_damaged_utf8_is_marked_or_refused_in_strict_mode():
    data = PAGE.encode()[:-2]  # cut inside the last character
    page = read_bytes(data, "cut.txt")[0]
    assert "U+FFFD" in page.encoding and page.warnings
    with pytest.raises(ReadError, match="strict"):
        read_bytes(data, "cut.txt", settings=Settings(strict=True))


def test_readers_warn_about_a_layout_dump_with_columns_side_by_side():
    """`pdftotext -layout` sets a page's columns side by side on each line: the reader says
    so (and how to get a usable dump) instead of letting the articles come out interleaved."""
    left = ["本报讯（记者 张清）近日，记者从", "市商务局了解到，今年以来全市", "网络零售额实现较快增长，电商",
            "企业数量达到3200家。其中，农", "村电商发展迅速，带动就业。", "下一步将继续加大扶持力度。"]
    right = ["国务院总理李克强10月15日", "在人民大会堂会见美国前财政", "部长保尔森。李克强表示，中",
             "美经贸合作是两国关系的压舱", "石和推进器。保尔森表示，愿", "继续为两国合作发挥作用。"]
    layout = "".join(f"{a:<20}    {b}\n" for a, b in zip(left, right)).encode()
    [page] = read_bytes(layout, "p1.txt")
    assert any("pdftotext -layout" in w and "pdftotext -raw" in w for w in page.warnings)
    raw = "".join(f"{a}\n" for a in left + right).encode()
    assert read_bytes(raw, "p1.txt")[0].warnings == ()


def test_columns_joined_on_one_line_are_warned_of():
    """pdfplumber's ``extract_text`` (and plain pdftotext with columns set close) joins the
    lines of side-by-side columns on one baseline, parted by single spaces: the parse says
    so, naming the file and what to use instead; column dumps and pages of a paragraph to a
    line, whose spaces part a byline or a Latin name, are not warned of."""
    from banmian import parse_text

    left = ["本报讯（记者 张清）近日，记者从", "市商务局了解到，今年以来全市", "网络零售额实现较快增长，电商",
            "企业数量达到3200家。其中，农", "村电商发展迅速，带动就业。", "下一步将继续加大扶持力度。"]
    right = ["国务院总理李克强10月15日", "在人民大会堂会见美国前财政", "部长保尔森。李克强表示，中",
             "美经贸合作是两国关系的压舱", "石和推进器。保尔森表示，愿", "继续为两国合作发挥作用。"]
    joined = "".join(f"{a} {b}\n" for a, b in zip(left, right))
    issue = parse_text(joined, source="p1.txt")
    assert any(w.startswith("p1.txt: page 1: ") and "joined on one line" in w and "pdftotext -raw" in w
               for w in issue.warnings)
    assert parse_text("".join(f"{a}\n" for a in left + right), source="p1.txt").warnings == ()
    paragraphs = ("全市新建高标准农田三万亩\n"
                  "　　新华社北京1月31日电  今年全市新建高标准农田三万亩，主要分布在沐川、犍为和井研三县，项目总投资一点二亿元。\n"
                  "　　新建的高标准农田将统一配套灌溉渠系、田间道路和排水沟渠，土地平整后机械化作业水平明显提高。\n"
                  "　　市农业农村局有关负责人表示，下一步将加强工程质量监管，确保农田建得好、用得好、管得好。\n")
    assert parse_text(paragraphs, source="p1.txt").warnings == ()
