"""The PDF route against the text route, on the same generated PDFs: accuracy, speed, memory.

    python -m benchmarks.bench_pdf [--n 100] [--seed 3] [--out benchmarks/out] [--regenerate]

1. lays out ``--n`` units from the People's Daily dev corpus (``../shared``) with
   ``benchmarks.pagegen --routes raw --keep-pdf``: each page as a PDF, beside the
   ``pdftotext -raw`` text of that PDF and its gold;
2. parses every page and two-page issue twice: from the PDFs (``banmian`` reads them
   with PDFium) and from the ``pdftotext -raw`` dumps, and scores both with
   ``../shared/tools/score_pages.py``;
3. times, in one run on one core, PDF -> articles, ``pdftotext -raw`` alone, and
   ``pdftotext -raw`` + parse (the text route end to end), taking turns file by file,
   best of 3 passes, and gives the ratios;
4. reports peak RSS for 1x and 10x the pages (this process and the PDFium worker).

Skips with a message (exit 0) when the corpus, the scorer or pdftotext is absent.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_pages.py"
CORPUS = Path(os.environ.get("BANMIAN_CORPUS", SHARED / "corpora" / "rmrb-2019-dev.jsonl.gz"))


def pdf_of(part: str) -> str:
    """The PDF the generator wrote for a text part: ``i0017-raw.p1.txt`` -> ``i0017p1-raw.pdf``,
    ``p0003-raw.txt`` -> ``p0003-raw.pdf``.

    >>> pdf_of("i0017-raw.p1.txt"), pdf_of("p0003-raw.txt")
    ('i0017p1-raw.pdf', 'p0003-raw.pdf')
    """
    stem = part.removesuffix(".txt")
    if ".p" in stem:
        base, k = stem.rsplit(".p", 1)
        unit, route = base.rsplit("-", 1)
        stem = f"{unit}p{k}-{route}"
    return f"{stem}.pdf"


def page_sets(gold_dir: Path) -> list[tuple[str, list[Path], list[Path]]]:
    """``(name, PDFs, text dumps)`` for every gold (a page or a two-page issue) in ``gold_dir``."""
    out = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        parts = gold["sources"] if gold.get("kind") == "issue" else [gold["source"]]
        pdfs = [gold_dir / pdf_of(p) for p in parts]
        if all(p.exists() for p in pdfs):
            out.append((name, pdfs, [gold_dir / p for p in parts]))
    return out


def parse_all(sets, pred_dir: Path, route: str) -> tuple[int, float]:
    """Parse every set from its PDFs (``route="pdf"``) or dumps (``"txt"``) into NAME.json;
    returns (pages, seconds)."""
    from banmian import parse_issue
    from banmian.serialize import issue_to_dict
    pred_dir.mkdir(parents=True, exist_ok=True)
    pages, spent = 0, 0.0
    for name, pdfs, txts in sets:
        data = [f.read_bytes() for f in (pdfs if route == "pdf" else txts)]
        t0 = time.perf_counter()
        d = issue_to_dict(parse_issue(data))
        spent += time.perf_counter() - t0
        pages += len(data)
        (pred_dir / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return pages, spent


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_dir(scorer, gold_dir: Path, pred_dir: Path) -> dict:
    """The scorer's summary over every gold in ``gold_dir``."""
    rows = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = scorer.load_pred(str(pred_dir / gold_path.name.replace(".gold.json", ".json")))
        r = scorer.score_one(gold, pred)
        r["kind"] = gold.get("kind", "page")
        rows.append(r)
    return scorer.aggregate(rows)


def time_routes(pdfs: list[Path], passes: int = 3) -> dict[str, float]:
    """Seconds for: PDF -> articles, read_pdf alone, pdftotext -raw alone, pdftotext -raw + parse.

    The routes take turns file by file, and each total is the best of ``passes``: on a
    shared machine, load then hits every route alike.
    """
    from banmian import parse_page, parse_text
    from banmian.readers import read_pdf
    from banmian.serialize import issue_to_dict
    parse_page(pdfs[0].read_bytes())  # start the PDFium worker outside the clock
    data = [p.read_bytes() for p in pdfs]
    best: dict[str, float] = {}
    for _ in range(passes):
        t = dict.fromkeys(("pdf_route", "read_pdf", "pdftotext", "text_parse"), 0.0)
        for path, d in zip(pdfs, data):
            t0 = time.perf_counter()
            issue_to_dict(parse_page(d))
            t1 = time.perf_counter()
            read_pdf(d)
            t2 = time.perf_counter()
            dump = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                                  capture_output=True, check=True).stdout
            t3 = time.perf_counter()
            issue_to_dict(parse_text(dump.decode("utf-8").removesuffix("\f")))
            t4 = time.perf_counter()
            for key, dt in zip(t, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                t[key] += dt
        t["text_route"] = t["pdftotext"] + t["text_parse"]
        best = {k: min(v, best.get(k, v)) for k, v in t.items()}
    return best


def memory_run(gold_dir: str, repeat: int) -> None:
    """Child process: parse every PDF ``repeat`` times; print peak RSS of this process and of
    the PDFium worker (a child: counted once it has exited)."""
    from banmian import parse_page
    from banmian.readers import pdf_worker
    from banmian.serialize import issue_to_dict
    pdfs = sorted(Path(gold_dir).glob("*.pdf"))
    for _ in range(repeat):
        for p in pdfs:
            issue_to_dict(parse_page(p.read_bytes()))
    pdf_worker.shutdown()
    print(json.dumps({"pages": len(pdfs) * repeat,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def peak_rss(gold_dir: Path, repeat: int) -> dict:
    r = subprocess.run([sys.executable, "-m", "benchmarks.bench_pdf", "--memory-child", str(gold_dir),
                        "--repeat", str(repeat)], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def _f(v: float | None) -> str:
    return "      –" if v is None else f"{v:7.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="units to generate (default 100)")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--regenerate", action="store_true", help="regenerate pages even if cached")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_run(args.memory_child, args.repeat)
        return 0
    missing = [str(p) for p in (CORPUS, SCORER) if not p.exists()]
    if missing or not shutil.which("pdftotext"):
        print(f"skipped: needs {', '.join(missing) or 'pdftotext (poppler-utils)'}")
        return 0
    out = Path(args.out)
    gold_dir = out / f"pdf-pages-s{args.seed}-n{args.n}"
    if args.regenerate or not any(gold_dir.glob("*.pdf")):
        shutil.rmtree(gold_dir, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(gold_dir), "--routes", "raw", "--keep-pdf", "--corpus", str(CORPUS)],
                       check=True, cwd=ROOT)
    sets = page_sets(gold_dir)
    scorer = load_scorer()
    print(f"== accuracy ({len(sets)} golds: pages and two-page issues) — {SCORER.name}")
    print(f"{'route':<28}{'seg F1':>7}{'exact':>7}{'para F1':>8}{'title':>7}{'hset':>7}{'byline':>7}"
          f"{'cont':>7}{'sp/10k':>7}")
    for route, label in (("pdf", "PDF (banmian, PDFium)"), ("txt", "text (pdftotext -raw)")):
        pred_dir = out / f"pred-{route}-s{args.seed}-n{args.n}"
        shutil.rmtree(pred_dir, ignore_errors=True)
        parse_all(sets, pred_dir, route)
        s = score_dir(scorer, gold_dir, pred_dir)
        print(f"{label:<28}{_f(s['seg_F1'])}{_f(s['exact'])}{_f(s['para_F1'])} {_f(s['title'])}"
              f"{_f(s['hset'])}{_f(s['byline'])}{_f(s['cont'])}{s['spaces_per_10k']:7.1f}")
    pdfs = sorted(gold_dir.glob("*.pdf"))
    t = time_routes(pdfs)
    n = len(pdfs)
    rate = {k: n / v for k, v in t.items()}
    print(f"\n== speed ({n} single-page PDFs, one core; the PDFium worker runs while this process waits)")
    print(f"PDF -> articles (banmian):      {rate['pdf_route']:7.1f} pages/s  ({1000 * t['pdf_route'] / n:.1f} ms/page)")
    print(f"  of which read_pdf:            {rate['read_pdf']:7.1f} pages/s  ({1000 * t['read_pdf'] / n:.1f} ms/page)")
    print(f"pdftotext -raw alone:           {rate['pdftotext']:7.1f} pages/s  ({1000 * t['pdftotext'] / n:.1f} ms/page)")
    print(f"pdftotext -raw + parse:         {rate['text_route']:7.1f} pages/s  ({1000 * t['text_route'] / n:.1f} ms/page)")
    print(f"ratio PDF route / pdftotext -raw alone:   {rate['pdf_route'] / rate['pdftotext']:.2f}")
    print(f"ratio PDF route / text route end to end:  {rate['pdf_route'] / rate['text_route']:.2f}")
    m1, m10 = peak_rss(gold_dir, 1), peak_rss(gold_dir, 10)
    print(f"peak RSS: {m1['peak_rss_mb']:.1f} MB for {m1['pages']} pages, {m10['peak_rss_mb']:.1f} MB for "
          f"{m10['pages']} pages; PDFium worker {m1['worker_peak_rss_mb']:.1f} / {m10['worker_peak_rss_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
