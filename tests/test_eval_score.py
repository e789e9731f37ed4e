"""banmian.eval.score must give the independent scorer's numbers (../shared/tools/score_pages.py).

(a) agreement on a folder of varied predictions derived from the example gold, (b) hand-computed
values that hold without the script, (c) random splits/merges never make the two disagree.
"""
from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from banmian.eval import Report, format_table, score_dirs, score_page, split_sentences, strip_byline_prefix, \
    summary_line
from banmian.eval.score import _page_number, _spurious_spaces

GOLD_PATH = Path(__file__).parent / "pages" / "leshan-daily-p1.gold.json"
GOLD: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
MISSING = object()  # no prediction file at all


class Raw(str):
    """Prediction file content written as is (not JSON-encoded)."""


def pred_article(a: dict[str, Any], **over: Any) -> dict[str, Any]:
    """A gold article in the canonical prediction shape, with fields overridden."""
    d = {"headline": {"kicker": a.get("kicker"), "title": a.get("title"), "subtitle": a.get("subtitle")},
         "byline": {"reporters": list(a["byline"]["reporters"])} if a.get("byline") else None,
         "paragraphs": [{"text": p} for p in a["paragraphs"]],
         "continued_to": a.get("continued_to"), "continued_from": a.get("continued_from")}
    d.update(over)
    return d


def arts(g: dict[str, Any] = GOLD) -> list[dict[str, Any]]:
    return copy.deepcopy(g["articles"])


def page(articles: list[dict[str, Any]]) -> dict[str, Any]:
    return {"articles": [pred_article(a) for a in articles]}


def sentence_cut(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=。)", text) if s]


def spaced(text: str, every: int = 7, ws: str = " ") -> str:
    return "".join(ch + (ws if i % every == every - 1 else "") for i, ch in enumerate(text))


def issue_gold(merged: int | None = 2) -> dict[str, Any]:
    a = arts()
    g = {"kind": "issue", "route": "txt", "articles": [dict(x, continued_to=None) for x in (a[0], a[1], a[4])]}
    if merged is not None:
        g["merged_article"] = merged
    return g


def cases() -> dict[str, tuple[dict[str, Any], Any]]:
    """name -> (gold, prediction)."""
    A = arts()
    out: dict[str, tuple[dict[str, Any], Any]] = {}

    def add(name: str, pred: Any, gold: dict[str, Any] = GOLD) -> None:
        out[name] = (gold, pred)

    add("identity", page(A))
    add("reversed", page(A[::-1]))
    merged = arts()
    merged[0]["paragraphs"] += merged.pop(1)["paragraphs"]
    add("merge01", page(merged))
    add("merge_all", {"articles": [pred_article(A[2], paragraphs=[p for a in A for p in a["paragraphs"]])]})
    add("merge_reporters", {"articles": [pred_article(A[3], paragraphs=A[3]["paragraphs"] + A[4]["paragraphs"],
                                                      byline={"reporters": ["张清", "王倩"]})]})
    split = arts()
    b = copy.deepcopy(split[1])
    split[1]["paragraphs"], b["paragraphs"] = split[1]["paragraphs"][:5], split[1]["paragraphs"][5:]
    b["title"] = None
    split.insert(2, b)
    add("split1", page(split))
    cut = arts()
    first = sentence_cut(cut[2]["paragraphs"][1])
    tail = copy.deepcopy(cut[2])
    cut[2]["paragraphs"] = cut[2]["paragraphs"][:1] + ["".join(first[:2])]
    tail["paragraphs"] = ["".join(first[2:])] + tail["paragraphs"][2:]
    add("split_mid_paragraph", page(cut + [tail]))
    add("paras_merged", page([dict(a, paragraphs=["".join(a["paragraphs"])]) for a in A]))
    add("paras_split", page([dict(a, paragraphs=[s for p in a["paragraphs"] for s in sentence_cut(p)])
                             for a in A]))
    add("paras_split_merged", page([dict(a, paragraphs=[p + q for p, q in zip(a["paragraphs"][::2],
                                    a["paragraphs"][1::2] + [""])]) for a in A]))
    swap = arts()
    for a in swap:
        a["title"], a["subtitle"] = a["subtitle"], a["title"]
    add("titles_swapped_roles", page(swap))
    swap = arts()
    swap[0]["title"], swap[2]["title"] = swap[2]["title"], swap[0]["title"]
    swap[3]["kicker"], swap[3]["subtitle"] = swap[3]["subtitle"], None  # uncertain roles: still fine
    add("titles_swapped_articles", page(swap))
    add("kicker_to_subtitle", page([dict(a, kicker=None, subtitle=a["kicker"]) if a["kicker"] else a for a in A]))
    add("title_spaced", page([dict(a, title=spaced(a["title"] or "", 2)) for a in A]))
    add("headline_string", {"articles": [dict(pred_article(a), headline=a["title"]) for a in A]})
    add("headline_null_kicker", {"articles": [dict(pred_article(a), headline={"kicker": None, "title": a["title"]},
                                                   kicker=a["kicker"]) for a in A]})
    rep = [pred_article(a) for a in A]
    rep[0]["byline"] = {"reporters": ["付小惠", "张三"]}
    rep[2]["byline"] = None
    rep[3]["byline"] = {"reporters": None}
    rep[3]["reporters"] = "张清、 李四"
    rep[4]["byline"] = "记者 王倩"
    rep[4]["reporters"] = [" 王 倩 ", "", None]
    add("reporters_changed", {"articles": rep})
    add("reporters_string", {"articles": [dict(pred_article(a), byline=None,
                                               reporters="，".join(a["byline"]["reporters"]) if a["byline"] else "")
                                          for a in A]})
    cont = [pred_article(a) for a in A]
    cont[1]["continued_to"] = "第2版"
    cont[0]["continued_to"] = {"page": 2}
    cont[2]["continued_from"] = "二"
    cont[3]["continued_to"] = True
    cont[4]["continued_from"] = {"to": "第十二版"}
    add("cont_forms", {"articles": cont})
    cont = [pred_article(a) for a in A]
    cont[1]["continued_to"] = None
    cont[2]["continued_to"] = 2.0
    cont[3]["continued_from"] = "(下接第３版)"
    cont[4]["continued_to"] = {"value": "二三十"}
    add("cont_changed", {"articles": cont})
    add("cont_list_value", {"articles": [dict(pred_article(a), continued_to=[2]) for a in A]})
    sp = [pred_article(a) for a in A]
    sp[0]["paragraphs"][0]["text"] = "本报讯（记者 付小惠） " + spaced(A[0]["paragraphs"][0][11:], 5)
    sp[1]["paragraphs"] = [{"text": spaced(p, 9, "\u3000")} for p in A[1]["paragraphs"]]
    sp[3]["paragraphs"] = [{"text": "   "}, {"text": "本报讯 （记者 张清）  " + A[3]["paragraphs"][0][10:]},
                           {"text": "本报讯（记者 张清） 第二段不算前缀。"}]
    sp[4]["paragraphs"] = [{"text": spaced(p, 3, " \t")} for p in A[4]["paragraphs"]]
    add("spaces", {"articles": sp})
    add("prefix_dropped", page([dict(a, paragraphs=[strip_byline_prefix(re.sub(r"\s", "", a["paragraphs"][0]))]
                                     + a["paragraphs"][1:]) for a in A]))
    add("prefix_own_paragraph", page([dict(a, paragraphs=["本报讯（记者 某某）"] + a["paragraphs"]) for a in A]))
    add("missing", MISSING)
    add("unreadable_json", Raw('{"articles": [ {"title": "标题"'))
    add("unreadable_bytes", Raw("\udcff"))
    add("unreadable_shape", {"articles": 5})
    add("unreadable_paragraphs", {"articles": [dict(pred_article(A[0]), paragraphs=3)]})
    add("unreadable_numeral", {"articles": [dict(pred_article(A[0]), continued_to="第二十十版")]})
    add("unreadable_nan", Raw('{"articles": [{"title": "x", "body": "一。", "continued_to": NaN}]}'))
    add("bare_list", [pred_article(a) for a in A])
    add("body_string", [{"title": a["title"], "kicker": a["kicker"], "subtitle": a["subtitle"],
                         "body": "\n".join(a["paragraphs"]),
                         "reporters": "、".join(a["byline"]["reporters"]) if a["byline"] else None,
                         "continued_to": "第2版" if a.get("continued_to") else None} for a in A])
    add("text_key", {"articles": [{"title": a["title"], "text": a["paragraphs"]} for a in A]})
    add("body_null_text", {"articles": [{"title": a["title"], "body": None, "text": "一句。"} for a in A]})
    add("paragraphs_string", {"articles": [{"title": a["title"], "paragraphs": "\n\n".join(a["paragraphs"])}
                                           for a in A]})
    add("paragraphs_mixed", {"articles": [{"title": [a["title"]], "paragraphs": [p, {"text": None}, None, [p[:3], 7]]
                                           } for a in A for p in a["paragraphs"][:1]]})
    add("pages_form", {"pages": [{"articles": [pred_article(a) for a in A[:2]]}, "junk",
                                 {"articles": [pred_article(a) for a in A[2:]]}]})
    add("junk_entries", {"articles": ["x", 3, None, pred_article(A[0]), {}]})
    add("empty", {"articles": []})
    add("json_null", None)
    add("json_string", "乐山日报")
    add("duplicated", page(A + A[:2]))
    add("extra_article", page(A + [{"kicker": None, "title": "广告", "subtitle": None, "byline": None,
                                    "paragraphs": ["欢迎订阅乐山日报。"], "continued_to": 3}]))
    unc = copy.deepcopy(GOLD)
    unc["route"] = "pdf"
    unc["articles"][0]["byline"]["uncertain"] = True
    unc["articles"][2]["continued_from"] = "1"  # a string in the gold never matches
    unc["articles"][4]["byline"]["reporters"] = ["王 倩", ""]
    add("gold_quirks", page(A), unc)
    add("gold_quirks_missing", MISSING, unc)
    ig = issue_gold()
    whole = ig["articles"]
    add("issue_whole", page(whole), ig)
    b1 = copy.deepcopy(whole[1])
    b2 = copy.deepcopy(whole[1])
    b1["paragraphs"], b2["paragraphs"] = b1["paragraphs"][:6], b1["paragraphs"][6:]
    b1["continued_to"], b2["continued_from"] = 2, 1
    add("issue_split", page([whole[0], b1, whole[2], b2]), ig)
    add("issue_all_targets", page(whole[:2]), issue_gold(None))
    add("issue_negative_index", page(whole[1:]), issue_gold(-1))
    add("issue_missing", MISSING, issue_gold(0))
    return out


def write_dirs(tmp: Path, items: dict[str, tuple[dict[str, Any], Any]]) -> tuple[Path, Path]:
    gold_dir, pred_dir = tmp / "gold", tmp / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for name, (gold, pred) in items.items():
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        if isinstance(pred, Raw):
            (pred_dir / f"{name}.json").write_bytes(pred.encode("utf-8", "surrogateescape"))
        elif pred is not MISSING:
            (pred_dir / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    (gold_dir / ".hidden.gold.json").write_text("not json")  # glob skips dot files
    return gold_dir, pred_dir


def same(ours: Any, theirs: Any) -> bool:
    """Equal, with floats equal to 1e-12 relative (in practice they are bit-identical)."""
    if isinstance(ours, float) or isinstance(theirs, float):
        return isinstance(ours, (int, float)) and isinstance(theirs, (int, float)) and \
            math.isclose(ours, theirs, rel_tol=1e-12)
    if isinstance(ours, (list, tuple)) and isinstance(theirs, (list, tuple)):
        return len(ours) == len(theirs) and all(same(a, b) for a, b in zip(ours, theirs))
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same(ours[k], theirs[k]) for k in ours)
    return type(ours) is type(theirs) and ours == theirs


def script_rows(S: Any, gold_dir: Path, pred_dir: Path) -> list[dict[str, Any]]:
    rows = []
    for gp in sorted(gold_dir.glob("[!.]*.gold.json")):
        name = gp.name[:-len(".gold.json")]
        gold = json.loads(gp.read_text(encoding="utf-8"))
        r = S.score_one(gold, S.load_pred(str(pred_dir / f"{name}.json")))
        r.update(name=name, kind=gold.get("kind", "page"), route=gold.get("route", ""))
        rows.append(r)
    return rows


# --- (a) agreement with the script -------------------------------------------------------------

def test_agreement_with_script(score_script, tmp_path, capsys):
    S = score_script
    items = cases()
    gold_dir, pred_dir = write_dirs(tmp_path, items)
    report = score_dirs(gold_dir, pred_dir)
    theirs = script_rows(S, gold_dir, pred_dir)
    assert [r.name for r in report.rows] == [r["name"] for r in theirs] == sorted(items)
    for ours, row in zip(report.rows, theirs):
        want = {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}
        assert same(ours.as_row(), want), (ours.name, ours.as_row(), want)
    summary = report.summary()
    assert same(summary, S.aggregate(theirs))
    # the cases mean something: failures of every kind are present
    assert summary["missing"] == 9 and summary["issues"] == 5 and 0 < summary["seg_F1"] < 1
    assert summary["spaces_per_10k"] > 0 and summary["cont_false_pos"] > 0
    assert {k: v[0] < v[1] for k, v in summary["counts"].items()} == dict.fromkeys(summary["counts"], True)

    # the printed table and summary line, character for character
    capsys.readouterr()
    json_path = tmp_path / "summary.json"
    assert S.main([str(gold_dir), str(pred_dir), "--label", "乐山", "--json", str(json_path)]) == 0
    printed = capsys.readouterr().out
    assert printed == format_table(report) + "\n" + summary_line(summary, "乐山") + "\n"
    assert same(summary, json.loads(json_path.read_text(encoding="utf-8"))["summary"])

    # --only
    S.main([str(gold_dir), str(pred_dir), "--quiet", "--label", "x", "--only", "^issue|cont"])
    only = score_dirs(gold_dir, pred_dir, only="^issue|cont")
    assert capsys.readouterr().out == summary_line(only.summary(), "x") + "\n"
    assert {r.name for r in only.rows} == {n for n in items if re.search("^issue|cont", n)}


def test_score_page_agrees_on_raw_predictions(score_script):
    S = score_script
    for name, (gold, pred) in cases().items():
        if pred is MISSING or pred is None or isinstance(pred, Raw):
            continue  # score_page(gold, None) means "no prediction"; a `null` file is an empty page
        try:
            arts_ = S.pred_articles(pred)
        except (ValueError, TypeError, AttributeError):
            arts_ = None
        row = S.score_one(gold, arts_)
        ours = score_page(gold, pred, name=name).as_row()
        assert same({k: ours[k] for k in row}, {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}), name


# --- (b) hand-computed values -------------------------------------------------------------------

TINY = {"articles": [
    {"kicker": "引题", "title": "甲", "subtitle": None, "byline": {"reporters": ["张三", "李四"]},
     "paragraphs": ["本报北京5月1日电（记者 张三、李四）甲一。甲二！", "甲三？"], "continued_to": 2},
    {"kicker": None, "title": "乙", "subtitle": "乙副", "byline": None, "paragraphs": ["乙一。"]},
]}


def test_merge_and_split_bcubed():
    # merged: one predicted cluster of 4 sentences (3 from 甲, 1 from 乙); recall stays 1
    s = score_page(TINY, [{"title": "甲", "body": "甲一。甲二！\n甲三？乙一。"}])
    assert s.segR == 1.0
    assert math.isclose(s.segP, (3 * 3 / 4 + 1 / 4) / 4)  # 10/16
    assert math.isclose(s.segF1, 2 * (10 / 16) / (10 / 16 + 1))
    assert s.exact == (0, 2) and s.para == (0, 0, 0) and s.title == (1, 2) and s.hset == (0, 2)
    assert s.byline == (0, 1) and s.cont == (0, 1) and s.cont_false == -1
    # 甲 split after its first sentence: precision 1, recall (1/3 + 2*(2/3)) / 4 + 1/4
    s = score_page(TINY, [{"title": "甲", "body": "甲一。"}, {"title": "甲", "body": "甲二！\n甲三？",
                                                             "continued_to": "第2版"}, {"body": "乙一。"}])
    assert s.segP == 1.0 and math.isclose(s.segR, (1 / 3 + 2 * 2 / 3 + 1) / 4)
    assert s.cont == (1, 1) and s.exact == (1, 2) and s.title == (1, 2)  # the predicted 乙 has no title


def test_identity_with_prefix_and_tolerant_forms():
    pred = {"pages": [{"articles": [
        {"headline": "甲", "kicker": "引题", "reporters": "李四，张三", "continued_to": {"page": "2"},
         "paragraphs": ["本报北京5月1日电 （记者张三 李四）甲一。甲二！", "甲三 ？"]},
        {"headline": {"title": "乙", "subtitle": "乙 副"}, "body": "乙一。"}]}]}
    s = score_page(TINY, pred)
    assert (s.segF1, s.exact, s.para, s.title, s.hset, s.byline, s.cont) == \
        (1.0, (2, 2), (1, 0, 0), (2, 2), (2, 2), (1, 1), (1, 1))
    # "乙 副" is a headline, not counted; the spaces in and after the prefix are exempt
    assert s.spaces == (1, 25 + 4 + 3)


def test_missing_unreadable_and_empty(tmp_path):
    (tmp_path / "a.gold.json").write_text(json.dumps(TINY), encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps(TINY), encoding="utf-8")
    (tmp_path / "c.gold.json").write_text(json.dumps(TINY), encoding="utf-8")
    (tmp_path / "b.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "c.json").write_text("null", encoding="utf-8")
    r = score_dirs(tmp_path, tmp_path)
    assert [(x.missing, x.n_pred, x.segF1) for x in r.rows] == [(True, 0, 0.0), (True, 0, 0.0), (False, 0, 0.0)]
    s = r.summary()
    assert (s["missing"], s["pages"], s["gold_articles"], s["exact"], s["byline"], s["para_F1"]) == \
        (2, 3, 6, 0.0, 0.0, None)
    assert summary_line(s, "t") == ("t: seg_F1=0.000 exact=0.00 para_F1=  -   title=0.00 hset=0.00 byline=0.00 "
                                    "cont=0.00 spaces/10k=0.0 pages=3 issues=0")


def test_issue_merged_article():
    gold = dict(TINY, kind="issue", merged_article=1)
    whole = {"title": "甲", "body": "甲一。甲二！甲三？"}
    assert score_page(gold, [whole]).cont == (1, 2)  # continued_to of 甲 (None predicted) + merged body
    assert score_page(gold, [{"body": "甲一。甲二！"}, {"body": "甲三？"}]).cont == (0, 2)
    r = Report((score_page(gold, [whole], name="x"),))
    assert r.summary()["issues"] == 1 and r.summary()["pages"] == 0


def test_helpers():
    assert [_page_number(v) for v in (2, "2", "第2版", "第十二版", "第十版", "二", {"page": "3"}, True, [2], "A")] \
        == [2, 2, 2, 12, 10, 2, 3, None, None, None]
    assert _page_number("二三十") == 20  # substring lookup, as in the script
    with pytest.raises(ValueError):
        _page_number("一三十")
    assert split_sentences("他说：“好。”然后走了！！还有") == ["他说：“好。”", "然后走了！！", "还有"]
    assert strip_byline_prefix("新华社北京5月1日电（记者王五）正文") == "正文"
    assert strip_byline_prefix("据央视新闻报道电正文") == "正文"
    assert strip_byline_prefix("记者5月1日电正文") == "记者5月1日电正文"  # a place never contains 记者
    assert _spurious_spaces(["本报讯（记者 张清）  近日， 记者 从A B了解", "第二段 不算前缀"]) == (3, 33)


def test_regexes_match_script(score_script):
    from banmian.eval import score as ours
    for mine, theirs in (("_BYLINE_PREFIX", "BYLINE_PREFIX"), ("_SENTENCE", "SENT"), ("_BAD_SPACE", "BAD_SPACE")):
        assert getattr(ours, mine).pattern == getattr(score_script, theirs).pattern


# --- (c) random splits and merges ---------------------------------------------------------------

FLAT = [(i, p) for i, a in enumerate(GOLD["articles"]) for p in a["paragraphs"]]


@st.composite
def resegmented(draw: st.DrawFn) -> Any:
    """The example page cut into predicted articles at random paragraph (and sentence)
    boundaries, paragraphs randomly merged, headline/byline/continuations taken from the gold
    article each piece starts in, or perturbed."""
    order = draw(st.permutations(range(len(FLAT)))) if draw(st.booleans()) and draw(st.booleans()) \
        else list(range(len(FLAT)))
    pieces: list[list[tuple[int, str]]] = []
    for k in order:
        gi, text = FLAT[k]
        chunks = sentence_cut(text) if draw(st.integers(0, 5)) == 0 else [text]
        for j, chunk in enumerate(chunks):
            if not pieces or draw(st.integers(0, 6)) == 0:
                pieces.append([])
            if j and pieces[-1]:
                pieces[-1][-1] = (pieces[-1][-1][0], pieces[-1][-1][1] + chunk)
            elif pieces[-1] and draw(st.integers(0, 4)) == 0:  # merge into the previous paragraph
                pieces[-1][-1] = (pieces[-1][-1][0], pieces[-1][-1][1] + chunk)
            else:
                pieces[-1].append((gi, chunk))
    out = []
    for piece in pieces:
        g = GOLD["articles"][piece[0][0]]
        d = pred_article(g, paragraphs=[t for _, t in piece])
        if draw(st.integers(0, 3)) == 0:
            d["headline"] = {"title": draw(st.sampled_from([None, g["subtitle"], g["title"], "环境固本"]))}
        if draw(st.integers(0, 3)) == 0:
            d["byline"] = {"reporters": draw(st.sampled_from([[], ["张清"], ["付小惠"], "王倩、倪珉"]))}
        for f in ("continued_to", "continued_from"):
            if draw(st.integers(0, 3)) == 0:
                d[f] = draw(st.sampled_from([None, 1, 2, "第2版", "二", {"page": 2}]))
        if draw(st.integers(0, 5)) == 0:
            d["paragraphs"] = [spaced(t, draw(st.integers(2, 40))) for t in d["paragraphs"]]
        out.append(d)
    return out if draw(st.booleans()) else {"articles": out}


@given(pred=resegmented(), issue=st.sampled_from([None, 0, 1, 2, -1]))
def test_random_resegmentation_agrees(score_script, pred, issue):
    gold = GOLD if issue is None else {"kind": "issue", "merged_article": issue, "articles": GOLD["articles"]}
    row = score_script.score_one(gold, score_script.pred_articles(pred))
    ours = score_page(gold, pred).as_row()
    assert same({k: ours[k] for k in row}, {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()})
    theirs = dict(row, kind=gold.get("kind", "page"))
    assert same(Report((score_page(gold, pred),)).summary(), score_script.aggregate([theirs]))


_TEXTS = st.sampled_from(["", " ", "\n", "本报讯（记者 张清）", "近日，记者 了解。", "甲。\n乙！", "第2版", "二", "十二",
                          "二十十", "一三十", "付小惠", "张清、王倩", *GOLD["articles"][3]["paragraphs"][:2]])
_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-3, 30), st.floats(allow_infinity=False), _TEXTS)
_JSON = st.recursive(_LEAF, lambda c: st.one_of(st.lists(c, max_size=4), st.dictionaries(
    st.sampled_from(["text", "page", "to", "title", "reporters", "value"]), c, max_size=3)), max_leaves=8)
_ART = st.dictionaries(st.sampled_from(["headline", "kicker", "title", "subtitle", "byline", "reporters", "paragraphs",
                                        "body", "text", "continued_to", "continued_from"]), _JSON, max_size=6)
_ARTS = st.lists(st.one_of(_ART, _LEAF), max_size=4)


@given(pred=st.one_of(_ARTS, st.fixed_dictionaries({"articles": st.one_of(_ARTS, _LEAF)}), _LEAF,
                      st.fixed_dictionaries({"pages": st.lists(st.one_of(st.fixed_dictionaries({"articles": _ARTS}),
                                                                         _LEAF), max_size=3)})))
def test_odd_prediction_shapes_agree(score_script, pred):
    """Whatever the JSON shape, we read it (or give up on it) exactly where the script does."""
    assume(pred is not None)  # score_page(gold, None) means "no prediction at all"
    try:
        theirs = score_script.pred_articles(pred)
    except (ValueError, TypeError, AttributeError):  # what the script's load_pred turns into "missing"
        theirs = None
    row = score_script.score_one(GOLD, theirs)
    ours = score_page(GOLD, pred).as_row()
    assert same({k: ours[k] for k in row}, {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()})
