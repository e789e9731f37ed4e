"""The test-page generator (benchmarks/pagegen): its golds must be loadable by the shared scorer,
account for every character of the extracted text, and score 1.0 against themselves.

Skipped where the corpus, pdftotext, the CJK fonts or the scorer (../shared) are not installed;
the scorer comes from the `score_script` fixture in conftest.py.
"""
from __future__ import annotations

import doctest
import importlib
import itertools
import json
import re
import subprocess
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


@pytest.mark.parametrize("module", ["byline", "corpus", "typeset", "furniture", "compose", "model",
                                    "variants", "photo", "headline", "fonts"])
def test_pagegen_doctests(module):
    mod = importlib.import_module(f"benchmarks.pagegen.{module}")
    result = doctest.testmod(mod)
    assert result.failed == 0


def test_pagegen_bench_pdf_doctests():
    """The benchmark's caption-leak count and its pymupdf4llm markdown -> articles mapping."""
    result = doctest.testmod(importlib.import_module("benchmarks.bench_pdf"))
    assert result.failed == 0 and result.attempted >= 3


# --- PDF variants (--pdf-variants): fonts, rules, vertical titles, photos, drawing order ---

@pytest.fixture(scope="module")
def variant_pages(tmp_path_factory) -> Path:
    corpus = _require_inputs()
    out = tmp_path_factory.mktemp("variants")
    # = python -m benchmarks.pagegen --n 12 --seed 5 --routes raw --keep-pdf --pdf-variants --jumps 0.2
    outcomes = pagegen.generate(12, 5, out, ("raw",), keep_pdf=True, corpus=corpus, workers=2,
                                jump_share=0.2, pdf_variants=True)
    assert not [o.skipped for o in outcomes if o.skipped]
    return out


def _page_golds(out: Path) -> dict[str, dict]:
    return {n: g for n, g in _golds(out).items() if g.get("kind") != "issue"}


def _pdf_chars(pdf: Path) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Non-space characters of a one-page PDF's text layer with their boxes, in stream order."""
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        tp = doc[0].get_textpage()
        chars = [(tp.get_text_range(i, 1), tp.get_charbox(i)) for i in range(tp.count_chars())]
    finally:
        doc.close()
    return [(c, box) for c, box in chars if c and not c.isspace()]


def _pdffonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of the PDF, as poppler's pdffonts lists them."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [ln.split() for ln in lines.splitlines()[2:] if ln.strip()]
    return [(r[0], r[-5] == "yes") for r in rows]


def test_pagegen_variants_are_recorded_and_mixed(variant_pages):
    golds = _golds(variant_pages)
    assert all(set(g["variant"]) == {"font", "rules", "vertical", "photos", "head_order"} for g in golds.values())
    pages = list(_page_golds(variant_pages).values())
    assert {g["variant"]["font"] for g in pages} == {"embedded", "cid"}
    assert {g["variant"]["rules"] for g in pages} == {True, False}
    assert any(g["variant"]["vertical"] for g in pages) and any(g["variant"]["photos"] for g in pages)
    assert all(bool(g["captions"]) == g["variant"]["photos"] for g in pages)


def test_pagegen_variants_golds_score_perfectly_against_themselves(variant_pages, score_script):
    for name, gold in _golds(variant_pages).items():
        r = score_script.score_one(gold, score_script.pred_articles(_as_prediction(gold)))
        assert r["segF1"] == 1.0 and r["exact"][0] == r["exact"][1] and r["title"][0] == r["title"][1], name


def test_pagegen_caption_is_furniture_and_in_the_text_layer(variant_pages):
    seen = 0
    for name, gold in _page_golds(variant_pages).items():
        text = "".join(c for c, _ in _pdf_chars(variant_pages / f"{name}.pdf"))
        bodies = "".join("".join(p.split()) for a in gold["articles"] for p in a["paragraphs"])
        for cap in gold["captions"]:
            flat = "".join(cap.split())
            assert cap in gold["page_furniture"], name
            assert flat in text, name  # printed, one caption line after the other
            assert flat[:8] not in bodies, name  # invented text, never an article sentence
            seen += 1
    assert seen >= 3


def test_pagegen_caption_sits_under_its_photo_in_a_smaller_type(variant_pages):
    """A caption is set below a photo, inside an article's region, smaller than body text."""
    name, gold = next((n, g) for n, g in _page_golds(variant_pages).items() if g["captions"])
    chars = _pdf_chars(variant_pages / f"{name}.pdf")
    text = "".join(c for c, _ in chars)
    cap = "".join(gold["captions"][0].split())
    at = text.index(cap)
    cap_height = max(box[3] - box[1] for _, box in chars[at:at + len(cap)])
    body = "".join(gold["articles"][0]["paragraphs"][-1].split())[:12]
    b = text.index(body)
    body_height = max(box[3] - box[1] for _, box in chars[b:b + len(body)])
    assert cap_height < body_height


def test_pagegen_vertical_title_is_stacked(variant_pages):
    """One character per line, one under the other, at the same x."""
    found = 0
    for name, gold in _page_golds(variant_pages).items():
        if not gold["variant"]["vertical"]:
            continue
        chars = _pdf_chars(variant_pages / f"{name}.pdf")
        text = "".join(c for c, _ in chars)
        titles = ["".join(a["title"].split()) for a in gold["articles"] if a["title"]]
        stacked = []
        for title in titles:  # the title's words may recur in a body: try every occurrence
            for m in re.finditer(re.escape(title), text):
                boxes = [box for _, box in chars[m.start():m.end()]]
                xs = [(b[0] + b[2]) / 2 for b in boxes]
                tops = [b[3] for b in boxes]
                # tight glyph boxes: a centre moves with the glyph's shape, ~2% of a display-size
                # character in a substituted (CID) font
                em = sorted(b[3] - b[1] for b in boxes)[len(boxes) // 2]
                if max(xs) - min(xs) < max(1.0, 0.08 * em) and all(a > b for a, b in itertools.pairwise(tops)):
                    stacked.append(title)
        assert len(stacked) == 1, (name, titles)
        raw = (variant_pages / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        assert "".join(stacked[0]) in "".join(ln for ln in raw if len(ln.strip()) == 1)
        found += 1
    assert found >= 2


def test_pagegen_cid_pages_embed_no_font(variant_pages):
    fonts_by_kind: dict[str, list[list[tuple[str, bool]]]] = {"cid": [], "embedded": []}
    for name, gold in _page_golds(variant_pages).items():
        fonts_by_kind[gold["variant"]["font"]].append(_pdffonts(variant_pages / f"{name}.pdf"))
    for fonts_of_page in fonts_by_kind["cid"]:
        assert ("STSong-Light", False) in fonts_of_page
        assert not any(embedded for _, embedded in fonts_of_page), fonts_of_page
    for fonts_of_page in fonts_by_kind["embedded"]:
        assert any(embedded for _, embedded in fonts_of_page)
        assert "STSong-Light" not in {f for f, _ in fonts_of_page}
    assert fonts_by_kind["cid"] and fonts_by_kind["embedded"]


def test_pagegen_pages_without_variants_carry_no_variant_fields(pages):
    out, _ = pages
    assert not [n for n, g in _golds(out).items() if "variant" in g or "captions" in g]


def test_written_local_news_loads_without_the_fragment_floor():
    """benchmarks/data/local_news.jsonl: short reports written for the benchmarks (no corpus
    text), every one a story although none reaches the scraped corpus's 200-character floor."""
    from benchmarks.pagegen.corpus import MIN_CHARS, load_stories
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "local_news.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    stories = load_stories(path, lambda text: True)
    assert len(stories) == len(rows) == 16
    assert all(row["written"] for row in rows)
    assert all(sum(map(len, s.paragraphs)) < MIN_CHARS for s in stories)


def test_written_local_news_b_loads_with_local_bylines():
    """benchmarks/data/local_news_b.jsonl: a second set of written reports (no corpus text),
    briefs to seven-paragraph reports, many opening with a local paper's byline
    ("本报讯（记者 周敏 通讯员 何志远）"): those are read with their reporters (the 通讯员 too);
    only reports closing on a note with a space between ideographs ("（记者 王芳）") are left
    out, as every such paragraph is (its spacing is no truth a page can show)."""
    from benchmarks.pagegen.corpus import load_stories
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "local_news_b.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(row["written"] for row in rows) and len(rows) == 30
    stories = load_stories(path, lambda text: True)
    assert len(stories) == 26
    bylined = {s.id: s.inline.reporters for s in stories if s.inline is not None}
    assert bylined["20241015-02-01"] == ("周敏", "何志远")


def test_an_issue_prints_each_story_once(tmp_path):
    """The two pages of a jump draw their stories from one pool: none is printed twice in an
    issue, however few stories there are (26 written reports, every unit a jump)."""
    _require_inputs()
    corpus = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "local_news_b.jsonl"
    pagegen.generate(12, 3, tmp_path, ("direct",), keep_pdf=False, corpus=corpus, workers=1, jump_share=1.0)
    issues = [g for g in _golds(tmp_path).values() if g.get("kind") == "issue"]
    assert issues
    for gold in issues:
        openings = [a["paragraphs"][0] for a in gold["articles"]]
        assert len(openings) == len(set(openings)), openings
