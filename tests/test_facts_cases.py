"""Hand-checked case files (tests/cases/facts/*.json): people+titles, statistics, dates.

Each case is a short excerpt of a People's Daily article with the facts a careful
reader finds in it.  A case passes when every expected fact is found and nothing
else is; known misses are ``expect: fail`` and run as strict xfail, so a silent
fix is noticed.  Over all cases, micro precision must stay >= 0.9 and recall
>= 0.8 for each kind (the benchmark prints the same numbers).
"""
from __future__ import annotations

import pytest

from facts_support import KINDS, load_cases, micro, run_cases

CASES = load_cases()
SCORED = None


def _scored():
    global SCORED
    if SCORED is None:
        SCORED = {p.name: s for p, _, s in run_cases(ner=False)}
    return SCORED


def test_facts_cases_there_are_forty_hand_checked_cases():
    assert len(CASES) >= 40
    for path, case in CASES:
        assert {"label", "comment", "input", "expected", "expect"} <= set(case), path.name
        assert case["expect"] in ("pass", "fail")
        assert sum(len(p) for p in case["input"]["paragraphs"]) <= 700, "excerpts stay short"


@pytest.mark.parametrize("name", [p.name for p, c in CASES if c["expect"] == "pass"])
def test_facts_cases_pass(name):
    s = _scored()[name]
    problems = {k: (s[k][3], s[k][4]) for k in KINDS if s[k][3] or s[k][4]}
    assert problems == {}


@pytest.mark.parametrize("name", [pytest.param(p.name, marks=pytest.mark.xfail(strict=True, reason=c["comment"]))
                                  for p, c in CASES if c["expect"] == "fail"])
def test_facts_cases_known_misses(name):
    s = _scored()[name]
    problems = {k: (s[k][3], s[k][4]) for k in KINDS if s[k][3] or s[k][4]}
    assert problems == {}


def test_facts_cases_precision_and_recall():
    res = micro(list(_scored().values()))
    report = {k: f"P={p:.3f} R={r:.3f} ({tp}/{nf} found, {tp}/{ne} expected)" for k, (p, r, tp, nf, ne) in res.items()}
    for p, r, *_rest in res.values():
        assert p >= 0.9 and r >= 0.8, report
