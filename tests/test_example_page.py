"""The user's own page (乐山日报 p1): reproduces its hand-checked gold exactly, and
the full parse output is pinned as a golden file (regenerate with --update-golden)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from banmian import parse_page
from banmian.eval.score import score_page
from banmian.serialize import issue_to_dict
from invariants import nonspace, output_chars, spans_consistent

PAGES = Path(__file__).parent / "pages"
EXAMPLE = PAGES / "leshan-daily-p1.txt"


@pytest.fixture(scope="module")
def issue():
    return parse_page(EXAMPLE)


@pytest.fixture(scope="module")
def gold():
    return json.loads((PAGES / "leshan-daily-p1.gold.json").read_text(encoding="utf-8"))


def test_example_matches_gold_with_our_scorer(issue, gold):
    s = score_page(gold, issue_to_dict(issue))
    assert (s.segF1, s.exact, s.title, s.hset, s.byline, s.cont) == (1.0, (5, 5), (5, 5), (5, 5), (4, 4), (1, 1))
    assert s.spaces[0] == 0


def test_example_matches_gold_with_reference_scorer(issue, gold, score_script):
    r = score_script.score_one(gold, score_script.pred_articles(issue_to_dict(issue)))
    assert r["segF1"] == 1.0 and r["exact"] == (5, 5) and r["title"] == (5, 5) and r["hset"] == (5, 5)
    assert r["byline"] == (4, 4) and r["cont"] == (1, 1) and r["spaces"][0] == 0
    tp, fp, fn = r["para"]
    assert fp == fn == 0 and tp > 0


def test_example_fields_exact(issue, gold):
    for art, g in zip(issue.articles, gold["articles"], strict=True):
        h = art.headline
        assert [p.text.value for p in art.paragraphs] == g["paragraphs"]
        if not g.get("headline_roles_uncertain"):
            assert (h.kicker and h.kicker.value, h.title and h.title.value, h.subtitle and h.subtitle.value) \
                == (g["kicker"], g["title"], g["subtitle"])
        assert art.dateline == g["dateline"]
        assert art.continued_to == g["continued_to"]
        if g["byline"]:
            assert art.byline.reporters == tuple(g["byline"]["reporters"])
            assert art.byline.text.value == g["byline"]["raw"]
            assert art.byline.source == g["byline"]["source"]
    assert [f.text.value for f in issue.furniture] == gold["page_furniture"]


def test_example_keeps_every_char(issue):
    assert output_chars(issue) == nonspace(EXAMPLE.read_text(encoding="utf-8"))
    assert spans_consistent(issue)


def test_example_golden_output(issue, update_golden):
    expected = PAGES / "leshan-daily-p1.expected.json"
    got = issue_to_dict(issue)
    got["pages"][0]["source"] = EXAMPLE.name  # independent of where the tests run
    if update_golden or not expected.exists():
        expected.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected.read_text(encoding="utf-8"))


def _relaid(issue, headlines_first: bool, blank_lines: bool) -> str:
    """The example page as another extractor would give it: each article's headline
    block before its body instead of after it, and/or without the blank lines the
    extractor left at column breaks (the gold's content is unchanged)."""
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    out = issue_to_dict(issue)
    jumps = [f["lines"] for f in out["furniture"] if f["kind"] == "jump"]
    placed: set[int] = set()
    text: list[str] = []

    def block(numbers: list[int]) -> list[str]:
        if not numbers:
            return []
        placed.update(numbers)
        keep = set(numbers)
        return [lines[k - 1] for k in range(min(numbers), max(numbers) + 1)
                if k in keep or (blank_lines and not lines[k - 1].strip())]

    for a in out["articles"]:
        head = block(a["headline"]["lines"])
        body = block(sorted({n for p in a["paragraphs"] for n in p["lines"]}
                            | set((a["byline"] or {}).get("lines") or [])))
        if a["continued_to"] is not None:  # the jump marker closes its article's body
            body += block([n for j in jumps for n in j])
        text += (head + body) if headlines_first else (body + head)
        if blank_lines:
            text.append("")
    text += [line for k, line in enumerate(lines, 1) if k not in placed and line.strip()]
    return "\n".join(text) + "\n"


@pytest.mark.parametrize("headlines_first", [True, False])
@pytest.mark.parametrize("blank_lines", [True, False])
def test_example_relaid_as_other_extractors_would(issue, gold, headlines_first, blank_lines):
    # Nothing is keyed to where this page's extractor put things: the same articles
    # come out with headlines printed before their bodies and without blank lines.
    relaid = parse_page(_relaid(issue, headlines_first, blank_lines).encode("utf-8"))
    s = score_page(gold, issue_to_dict(relaid))
    assert (s.segF1, s.exact, s.title, s.hset, s.byline, s.cont) == (1.0, (5, 5), (5, 5), (5, 5), (4, 4), (1, 1))


def test_example_with_a_paragraph_to_a_line(gold):
    # Text reflowed before it reached us (copied from a web page, or from a tool that
    # joins a paragraph's lines): no column measure, a paragraph to a line.  The
    # articles and their paragraphs come out whole, each headline line a field of its
    # own; which of two such fields is the title (1至5月… / 位居全省第2位) the widths no
    # longer tell.
    lines: list[str] = []
    for a in gold["articles"]:
        lines += [a[k] for k in ("kicker", "title", "subtitle") if a[k]]
        raw = (a["byline"] or {}).get("raw")
        if raw and not a["paragraphs"][0].startswith(raw):
            lines.append(raw)
        lines += a["paragraphs"] + [""]
    issue = parse_page(("\n".join(lines) + "\n").encode("utf-8"))
    s = score_page(gold, issue_to_dict(issue))
    assert (s.segF1, s.exact, s.hset, s.byline) == (1.0, (5, 5), (5, 5), (4, 4))
    assert s.title[0] >= 4
