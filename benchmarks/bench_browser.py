"""Pages another hand laid out: accuracy per route, and speed.

    python -m benchmarks.bench_browser [--n 60] [--seed 1] [--regenerate]

1. lays out ``--n`` pages with headless Chromium (``benchmarks/browserpages.py``; cached
   under benchmarks/out/browser-sSEED-nN), each extracted by pdftotext -raw, plain
   pdftotext and pypdfium2, and kept as the PDF; and ``--n`` pages of a paragraph to a
   line, as a web page or a document gives a page's text (``benchmarks/linepages.py``);
2. parses every text and every PDF with banmian and scores them by route with
   ../shared/tools/score_pages.py;
3. reports pages/s for each route.

Nothing here was tuned on: it tells how the rules carry to pages another hand laid out
(its own line breaking, headline sizes and wraps, justification and drawing order).
Skips cleanly without the corpus, the scorer, Chromium or pdftotext.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .browserpages import CHROMIUM
from .common import CORPUS, ROOT, SCORER, load_scorer, metric

ROUTES = (("raw", "pdftotext -raw + text route"), ("pdfium", "pypdfium2 text + text route"),
          ("plain", "plain pdftotext + text route"), ("pdf", "PDF (banmian, PDFium)"),
          ("lines", "a paragraph to a line"))


def parse_all(gold_dir: Path, pred_dir: Path) -> dict[str, tuple[int, float]]:
    """Parse each gold's page, write NAME.json; (pages, seconds) per route."""
    from banmian import parse_issue
    from banmian.serialize import issue_to_dict
    from banmian.stages.words import load

    load()  # (the word list headlines are read with: a start-up cost, outside the clock)
    pred_dir.mkdir(parents=True, exist_ok=True)
    spent: dict[str, tuple[int, float]] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = (gold_dir / gold["source"]).read_bytes()
        t0 = time.perf_counter()
        d = issue_to_dict(parse_issue([data]))
        dt = time.perf_counter() - t0
        n, s = spent.get(gold["route"], (0, 0.0))
        spent[gold["route"]] = (n + 1, s + dt)
        (pred_dir / gold_path.name.replace(".gold.json", ".json")).write_text(json.dumps(d, ensure_ascii=False),
                                                                            encoding="utf-8")
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="pages to lay out (default 60)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--regenerate", action="store_true", help="lay the pages out again even if cached")
    args = ap.parse_args(argv)
    missing = [str(p) for p in (CORPUS, SCORER, Path(CHROMIUM)) if not p.exists()]
    if missing or shutil.which("pdftotext") is None:
        print(f"skipped: needs {', '.join(missing) or 'pdftotext'}")
        return 0
    out = Path(args.out)
    gold_dir = out / f"browser-s{args.seed}-n{args.n}"
    if args.regenerate or not any(gold_dir.glob("*.gold.json")):
        subprocess.run([sys.executable, "-m", "benchmarks.browserpages", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(gold_dir), "--corpus", str(CORPUS)], check=True, cwd=ROOT)
    lines_dir = out / f"lines-s{args.seed}-n{args.n}"
    if args.regenerate or not any(lines_dir.glob("*.gold.json")):
        subprocess.run([sys.executable, "-m", "benchmarks.linepages", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(lines_dir), "--corpus", str(CORPUS)], check=True, cwd=ROOT)
    pred_dir = out / f"pred-browser-s{args.seed}-n{args.n}"
    shutil.rmtree(pred_dir, ignore_errors=True)
    spent = parse_all(gold_dir, pred_dir) | parse_all(lines_dir, pred_dir)
    scorer = load_scorer()
    by_route: dict[str, list[dict]] = {}
    for gold_path in sorted([*gold_dir.glob("*.gold.json"), *lines_dir.glob("*.gold.json")]):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = scorer.load_pred(str(pred_dir / gold_path.name.replace(".gold.json", ".json")))
        row = scorer.score_one(gold, pred)
        row["kind"] = gold.get("kind", "page")
        by_route.setdefault(gold["route"], []).append(row)
    print(f"\n== accuracy on pages another hand laid out ({gold_dir.name}, {lines_dir.name}) — {SCORER.name}")
    print(f"| {'route':<30} | pages | seg F1 | exact | para F1 | title |  hset | byline | sp/10k |")
    print(f"|{'-' * 32}|------:|-------:|------:|--------:|------:|------:|-------:|-------:|")
    for route, label in ROUTES:
        if route not in by_route:
            continue
        s = scorer.aggregate(by_route[route])
        print(f"| {label:<30} | {len(by_route[route]):>5} |{metric(s['seg_F1'])} |{metric(s['exact'])[1:]} |"
              f"{metric(s['para_F1'])}  |{metric(s['title'])[1:]} |{metric(s['hset'])[1:]} |{metric(s['byline'])} |"
              f"{s['spaces_per_10k']:7.1f} |")
    print("\n== speed (one core)")
    for route, label in ROUTES:
        if route in spent:
            n, s = spent[route]
            print(f"{label:<32} {n / s:8.1f} pages/s  ({n} pages, {s:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
