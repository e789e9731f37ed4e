"""Web reader latency on a large archive: page views (the <200 ms p95 target), articles, issues, search.

    python -m benchmarks.bench_web [--articles 100000] [--requests 400] [--workers 2] [--no-facts]
                                   [--db ARCHIVE] [--out benchmarks/out/web] [--json FILE]

1. builds an archive of ``--articles`` articles (4 a page, 8 pages an issue, text
   from the People's Daily corpus in ``../shared``, laid out by
   :func:`benchmarks.bench_archive.build_pages`) with ``banmian.archive.ingest``,
   or uses ``--db``; a built archive is kept in ``--out`` and reused;
2. starts the reader (uvicorn, one process, as ``banmian serve`` runs it) on
   127.0.0.1 and requests random pages, articles, issues and 2–4 character
   searches from another process, one at a time (latency, not throughput);
3. reports p50/p95/p99 per view, after a warm-up that fills the page cache the
   way a running server has it.

The source text beside each page is read from the page files the archive
points at, as in real use.  Skips (exit 0) when the corpus is absent.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]


def build_archive(out: Path, articles: int, workers: int, facts: bool, seed: int) -> Path:
    """An archive of about ``articles`` articles under ``out`` (built once, reused)."""
    from benchmarks.bench_archive import ARTICLES_PER_PAGE, CORPUS, build_pages

    from banmian.archive.ingest import IngestOptions, ingest
    db = out / "archive.db"
    pages = math.ceil(articles / ARTICLES_PER_PAGE)
    stamp = out / f"ingested-{pages}-{seed}-{int(facts)}"
    if stamp.exists() and db.exists():
        return db
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}; skipping the web benchmark")
        raise SystemExit(0)
    for f in out.glob("archive.db*"):
        f.unlink()
    (segment,) = build_pages(out / "pages", [pages], seed)
    started = time.perf_counter()
    summary = ingest([segment], db, IngestOptions(workers=workers, facts=facts))
    print(f"ingested {summary.pages_parsed} pages, {summary.articles} articles in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    stamp.touch()
    return db


def sample_urls(db: Path, n: int, seed: int) -> dict[str, list[str]]:
    """Random pages, articles, issues and search terms drawn from the archive."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rng = random.Random(seed)
    pages = conn.execute("SELECT p.name, i.date, g.seq FROM pages g JOIN issues i ON i.id = g.issue_id "
                         "JOIN papers p ON p.id = i.paper_id").fetchall()
    top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    urls: dict[str, list[str]] = {"page": [], "page_api": [], "article": [], "issue": [], "search": []}
    for _ in range(n):
        paper, date, seq = rng.choice(pages)
        base = f"/papers/{quote(paper, safe='')}/{date}"
        urls["page"].append(f"{base}/pages/{seq}")
        urls["page_api"].append(f"/api/papers/{quote(paper, safe='')}/issues/{date}/pages/{seq}")
        urls["issue"].append(base)
        row = None
        while row is None:
            row = conn.execute("SELECT a.seq, i.date, p.name, a.body FROM articles a JOIN issues i ON "
                               "i.id = a.issue_id JOIN papers p ON p.id = i.paper_id WHERE a.id = ?",
                               (rng.randint(1, top),)).fetchone()
        urls["article"].append(f"/papers/{quote(row[2], safe='')}/{row[1]}/articles/{row[0]}")
        body = row[3]
        k = rng.choice((2, 2, 3, 4))
        start = rng.randrange(max(1, len(body) - k))
        term = body[start:start + k]
        urls["search"].append(f"/search?q={quote(term)}")
    conn.close()
    return urls


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn, sys; from banmian.web.app import create_app; "
            f"uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the reader did not start")


def measure(base: str, urls: dict[str, list[str]], warmup: int) -> dict[str, dict[str, float]]:
    import httpx
    out = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for view, todo in urls.items():
            for u in todo[:warmup]:
                client.get(u)
            times = []
            statuses: dict[int, int] = {}
            for u in todo:
                t = time.perf_counter()
                r = client.get(u)
                times.append((time.perf_counter() - t) * 1000)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
            out[view] = {"requests": len(times), "p50_ms": round(_pct(times, 50), 1),
                         "p95_ms": round(_pct(times, 95), 1), "p99_ms": round(_pct(times, 99), 1),
                         "max_ms": round(max(times), 1), "mean_ms": round(statistics.mean(times), 1),
                         "statuses": statuses}
            print(view, json.dumps(out[view]), flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_web", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per view")
    ap.add_argument("--warmup", type=int, default=50, help="requests per view before measuring")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-facts", action="store_true", help="ingest without fact extraction (faster build)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", type=Path, help="measure this archive instead of building one")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "web")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.db or build_archive(args.out, args.articles, args.workers, not args.no_facts, args.seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("issues", "pages", "articles")}
    conn.close()
    print("archive", json.dumps(counts), flush=True)
    urls = sample_urls(db, args.requests, args.seed)
    port = _free_port()
    proc = serve(db, port)
    try:
        results = measure(f"http://127.0.0.1:{port}", urls, args.warmup)
    finally:
        proc.terminate()
        proc.wait(10)
    report = {"archive": counts, "views": results,
              "page_view_p95_under_200ms": results["page"]["p95_ms"] < 200}
    print(json.dumps(report, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
