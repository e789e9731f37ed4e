"""Pages another hand laid out (benchmarks/browserpages.py): Chromium's layout, printed and
extracted, with golds that account for every character of each text and that the parser
reads back.  Skipped where the corpus, Chromium or pdftotext are not installed."""
from __future__ import annotations

import json
import random
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # benchmarks/ is a plain folder of the repository, not installed
    sys.path.insert(0, str(REPO))

from benchmarks.browserpages import CHROMIUM, _split, make_page  # noqa: E402
from benchmarks.pagegen.corpus import corpus_path, load_stories  # noqa: E402


@pytest.mark.parametrize("n_cols", range(3, 9))
def test_columns_shared_out(n_cols):
    """Articles side by side take every page column, two or more each."""
    rng = random.Random(n_cols)
    for _ in range(50):
        spans = _split(rng, n_cols)
        assert sum(spans) == n_cols and min(spans) >= 2 or spans == [n_cols]


@pytest.fixture(scope="module")
def stories():
    corpus = corpus_path()
    if not corpus.exists():
        pytest.skip(f"corpus not found: {corpus}")
    if not Path(CHROMIUM).exists() or shutil.which("pdftotext") is None:
        pytest.skip("chromium or pdftotext not installed")
    return load_stories(corpus, lambda text: True)


def test_a_page_and_its_golds(stories, tmp_path):
    from banmian import parse_issue

    lines = make_page(3, 1, stories, tmp_path)
    golds = sorted(tmp_path.glob("*.gold.json"))
    assert golds, lines
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        page = tmp_path / gold["source"]
        assert page.exists() and gold["route"] in ("raw", "plain", "pdfium", "pdf")
        # the gold holds exactly the page's characters (checked when written: a text whose
        # characters differ is skipped, never written with a wrong gold)
        issue = parse_issue([page.read_bytes()])
        chars = Counter(c for a in issue.articles for p in a.paragraphs for c in p.text.value if not c.isspace())
        want = Counter(c for a in gold["articles"] for p in a["paragraphs"] for c in p if not c.isspace())
        if gold["route"] in ("raw", "pdf"):
            # the route's body text comes back whole (bylines and headlines aside)
            assert sum((want - chars).values()) <= 0.02 * sum(want.values()), g.name
