"""JSON case files (tests/cases/reconstruct/*.json): small pages with the fields
that must come out.  ``expect: fail`` cases are known misses, run as strict xfail
so that a silent fix is noticed."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from banmian import parse_text
from banmian.serialize import issue_to_dict
from invariants import nonspace, output_chars

CASES = sorted((Path(__file__).parent / "cases" / "reconstruct").glob("*.json"))


def _nows(s):
    return re.sub(r"\s+", "", s) if isinstance(s, str) else s


def _check(case: dict) -> None:
    issue = parse_text(case["input"])
    assert output_chars(issue) == nonspace(case["input"].replace("\f", ""))
    got = issue_to_dict(issue)
    want = case["expected"]
    arts = got["articles"]
    assert len(arts) == len(want["articles"]), [a["headline"] for a in arts]
    for a, w in zip(arts, want["articles"]):
        for role in ("kicker", "title", "subtitle"):
            if role in w:
                assert _nows(a["headline"][role]) == _nows(w[role]), role
        if "paragraphs" in w:
            assert [_nows(p["text"]) for p in a["paragraphs"]] == [_nows(p) for p in w["paragraphs"]]
        if "reporters" in w:
            assert (a["byline"] or {}).get("reporters") == w["reporters"]
        if "dateline" in w:
            assert a["dateline"] == w["dateline"]
        if "pages" in w:
            assert a["pages"] == w["pages"]
    if "furniture" in want:
        assert [_nows(f["text"]) for f in got["furniture"]] == [_nows(f) for f in want["furniture"]]


def _param(path: Path):
    case = json.loads(path.read_text(encoding="utf-8"))
    marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case.get("expect") == "fail" else []
    return pytest.param(case, id=path.stem, marks=marks)


@pytest.mark.parametrize("case", [_param(p) for p in CASES])
def test_cases_reconstruct(case: dict) -> None:
    _check(case)
