"""CLI: python -m benchmarks.pagegen --n 200 --seed 1 --out benchmarks/out/pages"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import fonts
from .corpus import REPO_ROOT, corpus_path
from .extract import pdftotext_available
from .generate import JUMP_SHARE, ROUTES, generate, summarise


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.pagegen", description=__doc__)
    ap.add_argument("--n", type=int, default=200, help="units to generate (a jump issue is one unit)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "pages",
                    help="output folder; files an earlier run wrote there are replaced")
    ap.add_argument("--routes", default=",".join(ROUTES), help="comma-separated subset of " + ",".join(ROUTES))
    ap.add_argument("--keep-pdf", action="store_true", help="keep NAME.pdf beside the text (PDF routes)")
    ap.add_argument("--corpus", default=None, help="corpus .jsonl.gz (default: $BANMIAN_CORPUS or "
                    "../shared/corpora/rmrb-2019-dev.jsonl.gz next to the repository)")
    ap.add_argument("--jumps", type=float, default=JUMP_SHARE, help="share of units that are two-page "
                    "jump issues (default %(default)s)")
    ap.add_argument("--pdf-variants", action="store_true", help="vary PDF pages: non-embedded CID "
                    "font, column rules, vertical titles, photos with captions, drawing order "
                    "(recorded in each gold's \"variant\"; see variants.py)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)

    routes = tuple(r.strip() for r in args.routes.split(",") if r.strip())
    unknown = [r for r in routes if r not in ROUTES]
    if unknown or not routes:
        ap.error(f"unknown route(s) {unknown}; choose from {','.join(ROUTES)}")
    corpus = corpus_path(args.corpus)
    problems = [f"corpus not found: {corpus} (use --corpus or BANMIAN_CORPUS)"] if not corpus.exists() else []
    if not fonts.fonts_available():
        problems.append("CJK fonts missing: apt-get install fonts-wqy-zenhei fonts-arphic-uming")
    if set(routes) & {"raw", "plain"} and not pdftotext_available():
        problems.append("pdftotext missing: apt-get install poppler-utils")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    started = time.perf_counter()
    outcomes = generate(args.n, args.seed, args.out, routes, args.keep_pdf, corpus, args.workers,
                        args.jumps, args.pdf_variants)
    for line in summarise(outcomes, routes):
        print(line)
    print(f"{args.n} units in {time.perf_counter() - started:.1f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
