"""The OCR route on rendered scans: character error rate, segmentation, speed, memory.

    python -m benchmarks.bench_ocr [--n 20] [--seed 7] [--out benchmarks/out] [--regenerate]

1. lays out ``--n`` single pages from the People's Daily dev corpus (``../shared``) with
   ``benchmarks.pagegen`` and renders each PDF as a mildly noisy scan
   (:mod:`benchmarks.pagegen.scans`: 150-300 dpi, turned <= 0.3 degrees, blur, noise);
2. parses every scan (PNG -> OCR -> articles) and, for comparison, its PDF (text layer);
3. scores both with ``../shared/tools/score_pages.py`` (segmentation B-cubed F1 etc.);
4. reports the character error rate (CER) of each route against the gold:

   CER = edit distance / gold characters, summed over pages, where a page's gold text
   is every gold article's headline fields and paragraphs, all whitespace removed,
   articles in gold order, and the output text is the predicted articles' same fields
   with the same treatment, each predicted article placed at the gold article it
   shares most character bigrams with.  Text the pipeline files as page furniture
   (mastheads, dates) is in neither.  Misread, lost and invented characters all
   count, and so do characters a wrong article split leaves out of every article;
   the order of articles does not;
5. reports seconds per page (wall clock, OCR engine on all cores) and peak RSS.

Skips with a message (exit 0) when the corpus, the scorer or the OCR extra is absent.
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

from benchmarks.bench_pdf import score_dir
from benchmarks.common import CORPUS, ROOT, SCORER, load_scorer, metric


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row of the table at a time in numpy (pages are ~5k chars).

    >>> edit_distance("新中国成立", "新中囯成立了"), edit_distance("", "abc")
    (2, 3)
    """
    import numpy as np
    if not a or not b:
        return len(a) + len(b)
    codes = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1)
    prev = idx.copy()
    row = np.empty_like(prev)
    for i, ch in enumerate(a, 1):
        row[0] = i
        np.minimum(prev[1:] + 1, prev[:-1] + (codes != ord(ch)), out=row[1:])
        # insertions run along the row: row[j] = min over k <= j of row[k] + (j - k)
        prev = np.minimum.accumulate(row - idx) + idx
    return int(prev[-1])


def _article_text(a: dict, gold: bool) -> str:
    head = a if gold else (a.get("headline") or {})
    parts = [head.get(k) or "" for k in ("kicker", "title", "subtitle")]
    paras = a.get("paragraphs") or []
    parts += [p if isinstance(p, str) else p.get("text", "") for p in paras]
    return "".join("".join(parts).split())


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def page_cer(gold: dict, pred: dict) -> tuple[int, int]:
    """(edit distance, gold characters) of one page, as the module docstring defines it."""
    golds = [_article_text(a, True) for a in gold["articles"]]
    grams = [_bigrams(g) for g in golds]
    placed = []
    for k, a in enumerate(pred.get("articles", [])):
        text = _article_text(a, False)
        mine = _bigrams(text)
        best = max(range(len(golds)), key=lambda g: len(grams[g] & mine)) if golds else 0
        placed.append((best, k, text))
    hyp = "".join(t for _, _, t in sorted(placed))
    ref = "".join(golds)
    return edit_distance(ref, hyp), len(ref)


def corpus_cer(gold_dir: Path, pred_dir: Path) -> float:
    dist = total = 0
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        pred_path = pred_dir / gold_path.name.replace(".gold.json", ".json")
        pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        d, n = page_cer(json.loads(gold_path.read_text(encoding="utf-8")), pred)
        dist, total = dist + d, total + n
    return dist / max(total, 1)


def parse_files(files: list[Path], pred_dir: Path) -> list[float]:
    """Parse each file into PRED_DIR/NAME.json (the gold's name); seconds per file."""
    from banmian import ReadError, parse_page
    from banmian.serialize import issue_to_dict
    pred_dir.mkdir(parents=True, exist_ok=True)
    spent = []
    for f in files:
        t0 = time.perf_counter()
        try:
            d = issue_to_dict(parse_page(f.read_bytes()))
        except ReadError as exc:  # scored as a total miss
            print(f"  {exc}")
            d = {"articles": []}
        spent.append(time.perf_counter() - t0)
        (pred_dir / f"{f.stem}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20, help="pages to generate and scan (default 20)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--regenerate", action="store_true", help="regenerate pages and scans even if cached")
    args = ap.parse_args(argv)
    from banmian.readers.ocr import ocr_available
    missing = [str(p) for p in (CORPUS, SCORER) if not p.exists()]
    if not ocr_available():
        missing.append("the OCR extra (pip install 'banmian[ocr]')")
    if missing:
        print(f"skipped: needs {', '.join(missing)}")
        return 0
    from benchmarks.pagegen.scans import make_scans
    out = Path(args.out)
    pdf_dir = out / f"ocr-pdfs-s{args.seed}-n{args.n}"
    scan_dir = out / f"ocr-scans-s{args.seed}-n{args.n}"
    if args.regenerate or not any(scan_dir.glob("*.png")):
        shutil.rmtree(pdf_dir, ignore_errors=True)
        shutil.rmtree(scan_dir, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(pdf_dir), "--routes", "raw", "--keep-pdf", "--jumps", "0",
                        "--corpus", str(CORPUS)], check=True, cwd=ROOT)
        make_scans(pdf_dir, scan_dir, args.seed)
    scans = sorted(scan_dir.glob("*.png"))
    scorer = load_scorer()
    rows = {}
    for route, files in (("ocr", scans), ("pdf", [pdf_dir / f"{p.stem}.pdf" for p in scans])):
        pred_dir = out / f"pred-ocr-{route}-s{args.seed}-n{args.n}"
        shutil.rmtree(pred_dir, ignore_errors=True)
        spent = parse_files(files, pred_dir)
        rows[route] = (score_dir(scorer, scan_dir, pred_dir), corpus_cer(scan_dir, pred_dir), spent)
    print(f"== {len(scans)} scans (150-300 dpi, mild noise) — {SCORER.name}; CER as in the docstring")
    print(f"{'route':<24}{'CER':>7}{'seg F1':>7}{'exact':>7}{'para F1':>8}{'title':>7}{'byline':>7}"
          f"{'sp/10k':>7}{'s/page':>8}")
    for route, label in (("ocr", "scan (OCR)"), ("pdf", "PDF text layer")):
        s, cer, spent = rows[route]
        print(f"{label:<24}{cer:7.4f}{metric(s['seg_F1'])}{metric(s['exact'])}{metric(s['para_F1'])} {metric(s['title'])}"
              f"{metric(s['byline'])}{s['spaces_per_10k']:7.1f}{sum(spent) / len(spent):8.2f}")
    spent = sorted(rows["ocr"][2])
    print(f"OCR seconds per page: median {spent[len(spent) // 2]:.1f}, min {spent[0]:.1f}, max {spent[-1]:.1f}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
