"""Accuracy and speed of the text route on generated pages, scored by the project's scorer.

    python -m benchmarks.bench_text [--n 200] [--seed 7] [--routes raw,plain,pdfium,direct]

1. lays out ``--n`` pages from the People's Daily dev corpus (``../shared``) with
   ``benchmarks.pagegen`` (real PDFs through real extractors, plus direct text);
2. parses every page (and every two-page issue) with banmian;
3. prints ``../shared/tools/score_pages.py``'s table and summary (per route);
4. reports pages/s on one core beside ``pdftotext -raw`` on the same PDFs, and
   peak RSS for 1x and 10x the pages (memory must stay flat).

Skips with a message (exit 0) when the corpus or the scorer is absent.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from banmian.eval import gold_page_sets

from benchmarks.common import CORPUS, ROOT, SCORER, load_scorer, memory_child


# (name, page files in order) for every gold; shared with `banmian eval --parse`.
page_sets = gold_page_sets


def parse_all(sets: list[tuple[str, list[Path]]], pred_dir: Path) -> tuple[int, float]:
    """Parse every set, write NAME.json; returns (pages parsed, seconds spent parsing)."""
    from banmian import parse_issue
    from banmian.serialize import issue_to_dict
    from banmian.stages.words import load
    pred_dir.mkdir(parents=True, exist_ok=True)
    # The word list headlines are read with loads once a process (~0.5 s): a start-up
    # cost, reported apart from the pages' time.
    t0 = time.perf_counter()
    load()
    print(f"word list loaded in {time.perf_counter() - t0:.2f} s (once a process, outside the pages' time)")
    pages = 0
    spent = 0.0
    for name, files in sets:
        data = [f.read_bytes() for f in files]
        t0 = time.perf_counter()
        issue = parse_issue(data)
        d = issue_to_dict(issue)
        spent += time.perf_counter() - t0
        pages += len(files)
        (pred_dir / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return pages, spent


def time_pdftotext(pdfs: list[Path]) -> tuple[int, float]:
    if not pdfs or not shutil.which("pdftotext"):
        return 0, 0.0
    t0 = time.perf_counter()
    for p in pdfs:
        subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(p), "-"], capture_output=True, check=False)
    return len(pdfs), time.perf_counter() - t0


def memory_run(gold_dir: str, repeat: int) -> None:
    """Child process: parse the pages ``repeat`` times, print peak RSS in MB."""
    from banmian import parse_issue
    from banmian.serialize import issue_to_dict
    sets = page_sets(Path(gold_dir))
    n = 0
    for _ in range(repeat):
        for _, files in sets:
            issue_to_dict(parse_issue([f.read_bytes() for f in files]))
            n += len(files)
    print(json.dumps({"pages": n, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def peak_rss(gold_dir: Path, repeat: int) -> dict:
    return memory_child("benchmarks.bench_text", gold_dir, repeat)


def print_markdown_table(score_json: Path) -> None:
    """Per-route table of the scorer's metrics (for the README), from its --json rows."""
    sp = load_scorer()
    rows = json.loads(score_json.read_text(encoding="utf-8"))["rows"]
    for r in rows:  # JSON turned the scorer's tuples into lists
        for k, v in r.items():
            if isinstance(v, list):
                r[k] = tuple(v)
    groups: dict[str, list] = {}
    for r in rows:
        key = r["route"] + ("" if r["kind"] == "page" else f" ({r['kind']}s)")
        groups.setdefault(key, []).append(r)
    groups["all"] = rows
    print("\n| route | golds | seg B³-F1 | exact | para F1 | title | headline set | byline | continuation |"
          " spaces/10k |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for key in sorted(groups, key=lambda k: (k == "all", k)):
        s = sp.aggregate(groups[key])
        f = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
        print(f"| {key} | {len(groups[key])} | {f(s['seg_F1'])} | {f(s['exact'])} | {f(s['para_F1'])} | "
              f"{f(s['title'])} | {f(s['hset'])} | {f(s['byline'])} | {f(s['cont'])} | {s['spaces_per_10k']:.1f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="pages to generate (default 200)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--routes", default="raw,plain,pdfium,direct")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--regenerate", action="store_true", help="regenerate pages even if cached")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_run(args.memory_child, args.repeat)
        return 0
    if not CORPUS.exists() or not SCORER.exists():
        print(f"skipped: needs {CORPUS} and {SCORER}")
        return 0
    out = Path(args.out)
    gold_dir = out / f"pages-s{args.seed}-n{args.n}"
    if args.regenerate or not any(gold_dir.glob("*.gold.json")):
        shutil.rmtree(gold_dir, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(gold_dir), "--routes", args.routes, "--keep-pdf", "--corpus", str(CORPUS)],
                       check=True, cwd=ROOT)
    sets = page_sets(gold_dir)
    pred_dir = out / f"pred-s{args.seed}-n{args.n}"
    shutil.rmtree(pred_dir, ignore_errors=True)
    n_pages, spent = parse_all(sets, pred_dir)
    print(f"\n== accuracy ({len(sets)} golds: pages and two-page issues) — {SCORER.name}")
    subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--quiet",
                    "--label", "generated", "--json", str(out / "score.json")], check=False)
    print_markdown_table(out / "score.json")
    pdfs = sorted(gold_dir.glob("*.pdf"))
    n_pdf, t_pdf = time_pdftotext(pdfs)
    print("\n== speed (one core, text route)")
    print(f"banmian parse:      {n_pages / spent:8.1f} pages/s  ({n_pages} pages, {spent:.2f} s)")
    if n_pdf:
        print(f"pdftotext -raw:     {n_pdf / t_pdf:8.1f} pages/s  ({n_pdf} PDFs, reference: extraction only)")
    m1, m10 = peak_rss(gold_dir, 1), peak_rss(gold_dir, 10)
    print(f"peak RSS: {m1['peak_rss_mb']:.1f} MB for {m1['pages']} pages, "
          f"{m10['peak_rss_mb']:.1f} MB for {m10['pages']} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
