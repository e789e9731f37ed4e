"""Archive at scale: ingest speed as it grows, search latency, size and memory.

    python -m benchmarks.bench_archive [--pages 100000] [--marks 1000,10000,25000,100000]
                                       [--workers 2] [--no-facts] [--queries 1000]

1. writes ``--pages`` text pages (``paper/YYYY-MM-DD/pN.txt``, 8 pages an issue,
   4 articles a page) from the People's Daily corpus in ``../shared``: titles
   and paragraphs recombined at random, wrapped in 16-character column lines as
   a PDF text dump has them (the corpus has 3,898 articles; recombining gives
   every page its own text with the corpus's word frequencies);
2. ingests them with ``banmian.archive.ingest`` into one archive in segments
   ending at each ``--marks`` count, reporting time per page per segment, so a
   flat line means the archive's growth costs nothing;
3. after each mark, runs ``--queries`` searches (substrings of 2–8 characters
   and two-term AND/OR queries drawn from article text, top 10 with snippets,
   through one read-only connection) and reports p50/p90/p99;
4. reports the archive's size (total and full-text index) and peak RSS of the
   writer and of the largest worker.

Skips with a message (exit 0) when the corpus is absent.  Output lands in
``benchmarks/out/archive`` (git-ignored).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("BANMIAN_CORPUS", ROOT.parent / "shared" / "corpora" / "rmrb-2019-dev.jsonl.gz"))
PAPERS = ("人民日报", "人民日报海外版", "经济日报", "光明日报")
PAGES_PER_ISSUE = 8
ARTICLES_PER_PAGE = 4
COLUMN = 16
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def load_corpus(path: Path) -> tuple[list[str], list[str]]:
    titles, paragraphs = [], []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("title") and len(d["title"]) >= 6:
                titles.append(re.sub(r"\s+", "", d["title"]))
            paragraphs += [re.sub(r"\s+", "", p) for p in d.get("paragraphs") or [] if len(p) >= 20]
    return titles, [p if p[-1] in "。！？”" else p + "。" for p in paragraphs]


def page_text(rng: random.Random, titles: list[str], paragraphs: list[str]) -> str:
    lines: list[str] = []
    for _ in range(ARTICLES_PER_PAGE):
        title = rng.choice(titles)
        lines += [title if len(title) > COLUMN else title + "——" + rng.choice(titles)[:8], ""]
        for _ in range(rng.randint(2, 6)):
            p = rng.choice(paragraphs)[:400]
            lines += [p[i:i + COLUMN] for i in range(0, len(p), COLUMN)]
        lines.append("")
    return "\n".join(lines) + "\n"


def build_pages(out: Path, marks: list[int], seed: int) -> list[Path]:
    """One folder per segment (pages up to each mark), built once and reused."""
    stamp = out / f"built-{seed}-{'-'.join(map(str, marks))}"
    segments = [out / f"seg{k}" for k in range(len(marks))]
    if stamp.exists():
        return segments
    shutil.rmtree(out, ignore_errors=True)
    titles, paragraphs = load_corpus(CORPUS)
    rng = random.Random(seed)
    page = 0
    started = time.perf_counter()
    for seg, end in zip(segments, marks, strict=True):
        while page < end:
            issue, seq = divmod(page, PAGES_PER_ISSUE)
            paper = PAPERS[issue % len(PAPERS)]
            day = time.strftime("%Y-%m-%d", time.gmtime(946_684_800 + (issue // len(PAPERS)) * 86_400))
            folder = seg / paper / day
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{seq + 1}.txt").write_text(page_text(rng, titles, paragraphs), encoding="utf-8")
            page += 1
    stamp.touch()
    print(f"built {page} pages in {time.perf_counter() - started:.0f} s", flush=True)
    return segments


def sample_queries(db: Path, n: int, seed: int) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    top = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
    rng = random.Random(seed)
    out: list[str] = []

    def piece() -> str:
        while True:
            row = conn.execute("SELECT body FROM articles WHERE id = ?", (rng.randint(1, top),)).fetchone()
            runs = [r for r in _CJK.findall(row[0] if row else "") if len(r) >= 8]
            if runs:
                run = rng.choice(runs)
                length = rng.choice((2, 2, 2, 3, 3, 4, 4, 5, 6, 8))
                start = rng.randrange(len(run) - length + 1)
                return run[start:start + length]

    while len(out) < n:
        r = rng.random()
        out.append(piece() if r < 0.9 else f"{piece()} {piece()}" if r < 0.95 else f"{piece()} OR {piece()}")
    conn.close()
    return out


def bench_search(db: Path, queries: list[str]) -> dict:
    from banmian.archive.search import Searcher
    times, by_len = [], {}
    with Searcher(db, timeout_s=10) as s:
        s.search("发展")  # warm the page cache like a running server
        for q in queries:
            t = time.perf_counter()
            res = s.search(q, limit=10)
            ms = (time.perf_counter() - t) * 1000
            times.append(ms)
            by_len.setdefault(len(q) if " " not in q else 0, []).append(ms)
            assert res.total >= len(res.hits)
    times.sort()

    def pct(xs, p):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
    return {"queries": len(times), "p50_ms": round(pct(times, 50), 2), "p90_ms": round(pct(times, 90), 2),
            "p99_ms": round(pct(times, 99), 2), "max_ms": round(times[-1], 2),
            "mean_ms": round(statistics.mean(times), 2),
            "p99_ms_2char": round(pct(by_len.get(2, [0]), 99), 2)}


def archive_stats(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("issues", "pages", "articles")}
    chars = conn.execute("SELECT sum(chars) FROM articles").fetchone()[0] or 0
    try:
        fts = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_fts%'").fetchone()[0]
    except sqlite3.OperationalError:  # SQLite built without dbstat
        fts = None
    conn.close()
    size = db.stat().st_size + (Path(f"{db}-wal").stat().st_size if Path(f"{db}-wal").exists() else 0)
    return {**counts, "body_chars": chars, "archive_mb": round(size / 1e6, 1),
            "fts_mb": round(fts / 1e6, 1) if fts else None, "bytes_per_article": size // max(1, counts["articles"])}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_archive", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--marks", default="1000,10000,25000,100000", help="page counts to measure at")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-facts", action="store_true", help="ingest without fact extraction")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "archive")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--no-optimize", action="store_true", help="skip merging the index at the end")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}; skipping the archive benchmark")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from banmian.archive.ingest import IngestOptions, ingest
    from banmian.archive.store import Store

    marks = sorted({int(m) for m in args.marks.split(",") if int(m) <= args.pages} | {args.pages})
    segments = build_pages(args.out / "pages", marks, args.seed)
    db = args.out / "archive.db"
    for f in args.out.glob("archive.db*"):
        f.unlink()
    opts = IngestOptions(workers=args.workers, facts=not args.no_facts)
    results = {"workers": args.workers, "facts": not args.no_facts, "marks": []}
    before = 0
    rss = _RssSampler()
    for seg, mark in zip(segments, marks, strict=True):
        timeline: list[tuple[int, float]] = []
        cpu0 = _cpu()

        def progress(done: int, total: int, seconds: float, timeline: list = timeline) -> None:
            timeline.append((done, seconds))
            rss.sample()
        summary = ingest([seg], db, opts, progress=progress)
        assert summary.failed == 0, summary.problems[:3]
        pages = mark - before
        steady = _steady_rate(timeline)
        writer_cpu, worker_cpu = (b - a for a, b in zip(cpu0, _cpu(), strict=True))
        row = {"pages": mark, "segment_pages": pages, "segment_s": round(summary.seconds, 1),
               "pages_per_s": round(summary.pages_per_s, 1), "steady_pages_per_s": steady,
               "ms_per_page": round(1000 * summary.seconds / pages, 2),
               "steady_ms_per_page": round(1000 / steady, 2) if steady else None,
               # CPU time does not depend on what else the machine runs: the fair flatness measure
               "writer_cpu_ms_per_page": round(1000 * writer_cpu / pages, 2),
               "worker_cpu_ms_per_page": round(1000 * worker_cpu / pages, 2),
               "load_avg_1m": round(os.getloadavg()[0], 2),
               **archive_stats(db)}
        row["search"] = bench_search(db, sample_queries(db, args.queries, args.seed + mark))
        results["marks"].append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        before = mark
    if not args.no_optimize:
        t = time.perf_counter()
        with Store(db) as st:
            st.optimize()
        results["optimize_s"] = round(time.perf_counter() - t, 1)
        results["after_optimize"] = archive_stats(db)
        results["after_optimize"]["search"] = bench_search(db, sample_queries(db, args.queries, args.seed + 1))
    results["peak_rss_mb_writer"] = round(rss.writer / 1e6, 1)  # sampled during ingest
    results["peak_rss_mb_worker"] = round(rss.worker / 1e6, 1)
    results["peak_rss_mb_process"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps({k: v for k, v in results.items() if k != "marks"}, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process (the writer) and of its finished children (the workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


class _RssSampler:
    """Peak resident memory of the writer and of the largest worker, sampled as ingest reports progress."""

    def __init__(self) -> None:
        self.writer = self.worker = 0
        self._last = 0.0
        try:
            import psutil
            self._me = psutil.Process()
        except ImportError:  # pragma: no cover
            self._me = None

    def sample(self) -> None:
        if self._me is None or time.monotonic() - self._last < 0.5:
            return
        self._last = time.monotonic()
        self.writer = max(self.writer, self._me.memory_info().rss)
        for child in self._me.children(recursive=True):
            try:
                self.worker = max(self.worker, child.memory_info().rss)
            except Exception:  # noqa: BLE001 - a worker that just ended
                pass


def _steady_rate(timeline: list[tuple[int, float]]) -> float | None:
    """Pages/s between 10% and 100% of a segment: leaves out starting the worker processes."""
    if len(timeline) < 3:
        return None
    total = timeline[-1][0]
    start = next(((d, s) for d, s in timeline if d >= total * 0.1), None)
    end = timeline[-1]
    if not start or end[1] <= start[1]:
        return None
    return round((end[0] - start[0]) / (end[1] - start[1]), 1)


if __name__ == "__main__":
    sys.exit(main())
