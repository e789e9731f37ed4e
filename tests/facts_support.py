"""Helpers for the facts tests: build Articles from gold/case JSON, match facts.

Used by tests/test_facts_*.py, tests/extract/ and benchmarks/bench_facts.py.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any
from collections.abc import Iterator

from banmian.model import Article, Byline, Headline, Paragraph, Text

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "pages"
CASES = ROOT / "tests" / "cases" / "facts"
SHARED = ROOT.parent / "shared"
# BANMIAN_CORPUS points elsewhere (as for benchmarks/bench_text.py)
CORPUS = Path(os.environ.get("BANMIAN_CORPUS", SHARED / "corpora" / "rmrb-2019-dev.jsonl.gz"))
EXAMPLE_DATE = date(2024, 7, 9)


def _t(s: str | None) -> Text | None:
    return Text(s) if s else None


def article_from_gold(a: dict[str, Any]) -> Article:
    """An Article from a gold article (paragraphs are plain strings)."""
    b = a.get("byline")
    byline = None
    if b:
        raw = b.get("raw") or b.get("text") or ""
        inline = bool(a["paragraphs"]) and raw.strip() != "" and a["paragraphs"][0].startswith(raw)
        byline = Byline(Text(raw), source=b.get("source"), reporters=tuple(b.get("reporters") or ()), inline=inline)
    paras = tuple(Paragraph(Text(p if isinstance(p, str) else p["text"])) for p in a["paragraphs"])
    return Article(headline=Headline(kicker=_t(a.get("kicker")), title=_t(a.get("title")),
                                     subtitle=_t(a.get("subtitle"))),
                   paragraphs=paras, byline=byline, dateline=a.get("dateline"))


def gold_path() -> Path:
    p = PAGES / "leshan-daily-p1.gold.json"
    return p if p.exists() else SHARED / "examples" / "leshan-daily-p1.gold.json"


def example_articles() -> dict[str, Article]:
    """The example page's five gold articles by id (a1..a5)."""
    gold = json.loads(gold_path().read_text(encoding="utf-8"))
    return {a["id"]: article_from_gold(a) for a in gold["articles"]}


def example_facts() -> dict[str, Any]:
    return json.loads((PAGES / "leshan-daily-p1.facts.json").read_text(encoding="utf-8"))


def article_from_case(inp: dict[str, Any]) -> Article:
    return Article(headline=Headline(title=_t(inp.get("title")), kicker=_t(inp.get("kicker")),
                                     subtitle=_t(inp.get("subtitle"))),
                   paragraphs=tuple(Paragraph(Text(p)) for p in inp["paragraphs"]))


def load_cases() -> list[tuple[Path, dict[str, Any]]]:
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(CASES.glob("*.json"))]


def corpus_rows(limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Rows of the (copyrighted, never committed) dev corpus, read from ../shared."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(headline=Headline(kicker=_t(row.get("kicker")), title=_t(row.get("title")),
                                     subtitle=_t(row.get("subtitle"))),
                   paragraphs=tuple(Paragraph(Text(p)) for p in row["paragraphs"]))


# --- matching ------------------------------------------------------------------

def qualified_titles(titles: list[str] | tuple[str, ...], org: str | None) -> frozenset[str]:
    """Titles with their organisation folded in, so "国务院总理" == 总理 of 国务院."""
    return frozenset((org + t) if org and not t.startswith(org) else t for t in titles)


def person_key(p: dict[str, Any]) -> tuple[str, frozenset[str]]:
    return p["name"], qualified_titles(p.get("titles") or [], p.get("organization"))


def stat_matches(exp: dict[str, Any], got: dict[str, Any]) -> bool:
    """A found statistic equals an expected one on every field the expectation gives."""
    for k, v in exp.items():
        if k in ("text", "comment", "span"):
            continue
        g = got.get(k)
        if k == "rank":
            if v is None:
                if g is not None:
                    return False
                continue
            if g is None or g.get("position") != v.get("position") or (v.get("scope") and g.get("scope") != v["scope"]):
                return False
            continue
        if isinstance(v, float) or isinstance(g, float):
            if g is None or v is None or abs(float(g) - float(v)) > 1e-6 * max(1.0, abs(float(v))):
                if not (g is None and v is None):
                    return False
            continue
        if g != v:
            return False
    return True


def text_pieces_in(expected: str, found: str) -> bool:
    """"到2027年，……经济总量跨上3400亿元台阶": each piece around …… appears in order."""
    pos = 0
    for piece in re.split(r"…+", expected):
        piece = piece.strip("，,")
        if not piece:
            continue
        i = found.find(piece, pos)
        if i < 0:
            return False
        pos = i + len(piece)
    return True


def micro_pr(pairs: list[tuple[set, set]]) -> tuple[float, float, int, int, int]:
    """Micro precision / recall over (expected, found) sets: P, R, tp, n_found, n_expected."""
    tp = sum(len(e & f) for e, f in pairs)
    nf = sum(len(f) for _, f in pairs)
    ne = sum(len(e) for e, _ in pairs)
    return (tp / nf if nf else 1.0), (tp / ne if ne else 1.0), tp, nf, ne


# --- case scoring (tests/test_facts_cases.py and benchmarks/bench_facts.py) -------

KINDS = ("people", "statistics", "dates")


def score_case(expected: dict[str, Any], found: dict[str, Any]) -> dict[str, tuple[int, int, int, list, list]]:
    """Per kind: (true positives, found, expected, missed, extra).

    People are compared on name + titles (with the organisation folded in, so
    "国务院总理" equals 总理 of 国务院), and only people printed with a title count;
    statistics one-to-one on every field the expectation gives (text aside);
    dates as (text, value) pairs.
    """
    out: dict[str, tuple[int, int, int, list, list]] = {}
    exp_p = {person_key(p) for p in expected.get("people", [])}
    got_p = {person_key(p) for p in found["people"] if p["titles"]}
    out["people"] = (len(exp_p & got_p), len(got_p), len(exp_p), sorted(exp_p - got_p, key=str),
                     sorted(got_p - exp_p, key=str))
    unmatched = list(found["statistics"])
    missed = []
    for s in expected.get("statistics", []):
        hit = next((g for g in unmatched if stat_matches(s, g)), None)
        if hit is None:
            missed.append(s)
        else:
            unmatched.remove(hit)
    n_exp = len(expected.get("statistics", []))
    out["statistics"] = (n_exp - len(missed), len(found["statistics"]), n_exp, missed, unmatched)
    exp_d = {(d["text"], d["value"]) for d in expected.get("dates", [])}
    got_d = {(d["text"], d["value"]) for d in found["dates"]}
    out["dates"] = (len(exp_d & got_d), len(got_d), len(exp_d), sorted(exp_d - got_d, key=str),
                    sorted(got_d - exp_d, key=str))
    return out


def run_cases(ner: bool = False) -> list[tuple[Path, dict[str, Any], dict[str, tuple]]]:
    """Every case file with its score under ``extract_facts(..., ner=ner)``."""
    from banmian.extract import extract_facts, facts_to_dict

    out = []
    for path, case in load_cases():
        art = article_from_case(case["input"])
        d = date.fromisoformat(case["input"]["date"]) if case["input"].get("date") else None
        found = facts_to_dict(extract_facts(art, d, ner=ner))
        out.append((path, case, score_case(case["expected"], found)))
    return out


def micro(scores: list[dict[str, tuple]]) -> dict[str, tuple[float, float, int, int, int]]:
    """Micro precision and recall per kind over many scored cases."""
    res = {}
    for k in KINDS:
        tp = sum(s[k][0] for s in scores)
        nf = sum(s[k][1] for s in scores)
        ne = sum(s[k][2] for s in scores)
        res[k] = (tp / nf if nf else 1.0, tp / ne if ne else 1.0, tp, nf, ne)
    return res
