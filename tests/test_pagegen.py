"""The test-page generator (benchmarks/pagegen): its golds must be loadable by the shared scorer,
account for every character of the extracted text, and score 1.0 against themselves.

Skipped where the corpus, pdftotext, the CJK fonts or the scorer (../shared) are not installed;
the scorer comes from the `score_script` fixture in conftest.py.
"""
from __future__ import annotations

import doctest
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ROUTES = ("raw", "plain", "pdfium", "direct")

pytest.importorskip("reportlab", reason="the generator renders PDFs with reportlab (pip install -e '.[dev]')")
if str(REPO) not in sys.path:  # benchmarks/ is a plain folder of the repository, not installed
    sys.path.insert(0, str(REPO))

from benchmarks.pagegen import fonts
from benchmarks.pagegen import generate as pagegen
from benchmarks.pagegen.corpus import corpus_path
from benchmarks.pagegen.extract import pdftotext_available


def _require_inputs() -> Path:
    corpus = corpus_path()
    if not corpus.exists():
        pytest.skip(f"corpus not found: {corpus}")
    if not pdftotext_available():
        pytest.skip("pdftotext (poppler-utils) not installed")
    if not fonts.fonts_available():
        pytest.skip("fonts-wqy-zenhei / fonts-arphic-uming not installed")
    return corpus


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[Path, list]:
    corpus = _require_inputs()
    out = tmp_path_factory.mktemp("pages")
    outcomes = pagegen.generate(16, 7, out, ROUTES, keep_pdf=False, corpus=corpus, workers=2,
                                jump_share=0.5)
    return out, outcomes


def _golds(out: Path) -> dict[str, dict]:
    return {p.name[:-len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(out.glob("*.gold.json"))}


def _text_of(out: Path, name: str, gold: dict) -> str:
    if gold.get("kind") == "issue":
        return "".join((out / s).read_text(encoding="utf-8") for s in gold["sources"])
    return (out / f"{name}.txt").read_text(encoding="utf-8")


def _as_prediction(gold: dict) -> dict:
    return {"articles": [{"headline": {k: a[k] for k in ("kicker", "title", "subtitle")},
                          "byline": a["byline"], "paragraphs": a["paragraphs"],
                          "continued_to": a["continued_to"], "continued_from": a["continued_from"]}
                         for a in gold["articles"]]}


def test_pagegen_every_route_writes_pages_and_issues(pages):
    out, outcomes = pages
    golds = _golds(out)
    for route in ROUTES:
        mine = {n: g for n, g in golds.items() if g["route"] == route}
        assert any(g.get("kind") != "issue" for g in mine.values()), route
    issues = [g for g in golds.values() if g.get("kind") == "issue"]
    assert issues, "jump_share=0.5 over 16 units should give at least one issue"
    assert sum(o.pages for o in outcomes) == sum(1 for g in golds.values() if g.get("kind") != "issue")


def test_pagegen_golds_load_with_scorer(pages, score_script):
    out, _ = pages
    for name, gold in _golds(out).items():
        arts = score_script.gold_articles(gold)
        assert len(arts) == len(gold["articles"]) >= 1, name
        assert all(a.body for a in arts), name
        if gold.get("kind") == "issue":
            merged = gold["articles"][gold["merged_article"] - 1]
            assert merged["pages"] == gold["page_numbers"]
            assert merged["continued_to"] is None and merged["continued_from"] is None
        else:
            assert gold["source"] == f"{name}.txt"


def test_pagegen_every_character_in_exactly_one_place(pages):
    out, _ = pages
    for name, gold in _golds(out).items():
        texts = list(gold["page_furniture"])
        for a in gold["articles"]:
            texts += [a["kicker"], a["title"], a["subtitle"], *a["paragraphs"]]
            if a["byline"] and a["byline"]["source"] is None:  # stand-alone byline line
                texts.append(a["byline"]["raw"])
        want = Counter(c for t in texts if t for c in t if not c.isspace())
        have = Counter(c for c in _text_of(out, name, gold) if not c.isspace())
        assert have == want, name


def test_pagegen_gold_scores_perfectly_against_itself(pages, score_script):
    out, _ = pages
    for name, gold in _golds(out).items():
        pred = score_script.pred_articles(_as_prediction(gold))
        r = score_script.score_one(gold, pred)
        assert r["segF1"] == 1.0, name
        for key in ("exact", "title", "hset", "byline", "cont"):
            ok, total = r[key]
            assert ok == total, (name, key, r[key])
        assert r["spaces"][0] == 0, name


def test_pagegen_extractor_signatures(pages):
    """What the routes are known for: -raw and pdfium print no blank lines, pdfium ends lines
    with CRLF, direct text has the blank lines of text dumps."""
    out, _ = pages
    for path in out.glob("p*.txt"):
        text = path.read_bytes().decode("utf-8")
        route = path.stem.rsplit("-", 1)[1]
        if route in ("raw", "pdfium"):
            assert "\n\n" not in text.replace("\r\n", "\n"), path.name
        if route == "pdfium":
            assert "\r\n" in text, path.name


def test_pagegen_is_deterministic(tmp_path):
    corpus = _require_inputs()
    runs = []
    for k in (1, 2):
        out = tmp_path / str(k)
        pagegen.generate(4, 3, out, ("raw", "direct"), keep_pdf=False, corpus=corpus, workers=k,
                         jump_share=0.5)
        runs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert runs[0] == runs[1]


@pytest.mark.parametrize("module", ["byline", "corpus", "typeset", "furniture", "compose", "model"])
def test_pagegen_doctests(module):
    mod = importlib.import_module(f"benchmarks.pagegen.{module}")
    result = doctest.testmod(mod)
    assert result.failed == 0
