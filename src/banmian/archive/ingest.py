"""Page files -> archive: discover issues, parse them in parallel, stream them to one writer.

    ingest(["papers/"], "archive.db", IngestOptions(workers=2))

1. :func:`~banmian.archive.discover.discover` groups files into issues;
2. issues whose files the archive already holds unchanged (same path, size and
   mtime) are skipped without reading them;
3. the rest go out in batches to worker processes (``workers``) or a Dask
   cluster (``dask="tcp://scheduler:8786"`` or ``"local:4"``); each worker reads,
   hashes and parses a batch with :func:`banmian.parse_issue` and sends back
   plain :class:`ParsedIssue` records;
4. the single writer (:class:`~banmian.archive.store.Store`) stores them in
   submission order, one transaction per issue, so a run killed at any moment
   and started again ends with exactly the archive an uninterrupted run makes.

One bad file is reported and skipped.  Scanned images are read by OCR when the
optional extra ``banmian[ocr]`` is installed; without it they are reported as not
read (and are not failures).  Nothing here prints: problems and progress go to
the callbacks.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any, TextIO

import banmian

from ..errors import ArchiveError, BanmianError, ReadError
from ..readers import file_kind
from ..readers.ocr import OCR_FIX, ocr_available
from ..serialize import issue_to_dict
from ..settings import DEFAULT, Settings
from .discover import discover
from .records import PARSED, SKIPPED, IssueJob, PageOutcome, PageRef, ParsedIssue
from .store import ADDED, KEPT, REPLACED, UNCHANGED, Store, file_size, headline_text
from .tokenize import TOKENIZER_VERSION, index_text

DASK_CONNECT_TIMEOUT_S = 15
_LOCAL = re.compile(r"local:(\d+)")
_ADDRESS = re.compile(r"(?:(?:tcp|tls|ucx|inproc)://)?[\w.\-\[\]:]+:\d+")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest; the library never sees argparse."""

    paper: str | None = None      # paper name when the folders do not give one
    workers: int = 1              # parse processes on this machine (1: parse in this process)
    dask: str | None = None       # Dask scheduler address, or "local:N" for a LocalCluster of N processes
    batch_pages: int = 0          # pages per task; 0 picks 32 for processes, 100 for Dask
    facts: bool = True            # extract facts when banmian.extract is importable
    force: bool = False           # re-parse issues even when their files look unchanged
    settings: Settings = DEFAULT


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What a run did; ``problems`` has one line per file or row that was skipped."""

    db: str
    issues_found: int
    pages_found: int
    added: int
    replaced: int
    unchanged: int
    kept: int
    pages_parsed: int
    pages_skipped: int
    pages_unsupported: int
    articles: int
    seconds: float
    parse_seconds: float          # summed over workers
    write_seconds: float          # the writer's share
    archive_bytes: int
    problems: tuple[str, ...] = field(default=())

    @property
    def pages_per_s(self) -> float:
        done = self.pages_parsed + self.pages_skipped
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def failed(self) -> int:
        """Files or rows that were bad (unsupported formats are not failures)."""
        return len(self.problems) - self.pages_unsupported

    def text(self) -> str:
        """The summary a person reads at the end of ``banmian ingest``."""
        return (f"{self.db}: {self.issues_found} issue(s), {self.pages_found} page file(s) found; "
                f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged"
                + (f", {self.kept} kept (new version unreadable)" if self.kept else "")
                + f"\n{self.pages_parsed} page(s) parsed, {self.pages_skipped} skipped"
                + (f" ({self.pages_unsupported} scan(s) not read: no OCR extra)" if self.pages_unsupported else "")
                + f"; {self.articles} article(s) written in {self.seconds:.1f} s "
                f"({self.pages_per_s:.1f} pages/s); archive {self.archive_bytes / 1e6:.1f} MB"
                + (f"\n{self.failed} problem(s), listed above" if self.failed > 0 else ""))


# --------------------------------------------------------------------------------- workers ---

def parse_batch(jobs: Sequence[IssueJob], facts: bool = True, settings: Settings = DEFAULT) -> list[ParsedIssue]:
    """The task a worker runs: parse some issues.  Never raises for bad input."""
    return [parse_job(j, facts, settings) for j in jobs]


def parse_job(job: IssueJob, facts: bool = True, settings: Settings = DEFAULT) -> ParsedIssue:
    """Read, hash and parse one issue; bad pages are dropped and the rest parsed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "乐山日报" / "2024-07-09"; d.mkdir(parents=True)
    >>> _ = (d / "p1.txt").write_text("本报讯（记者 张清）近日，记者从市商务局了解到情况。\\n\\n环境固本\\n")
    >>> r = parse_job(IssueJob("乐山日报", "2024-07-09", (PageRef(str(d / "p1.txt"), 1, 1, None, 0, 0),)), False)
    >>> r.issue["articles"][0]["headline"]["title"], r.pages[0].status
    ('环境固本', 'parsed')
    """
    started = time.perf_counter()
    outcomes: dict[int, PageOutcome] = {}
    readable: list[PageRef] = []
    for ref in job.pages:
        try:
            data = Path(ref.path).read_bytes()
        except OSError as exc:
            outcomes[ref.seq] = PageOutcome(ref, "", SKIPPED, f"{ref.path}: cannot read "
                                            f"({exc.strerror or exc}) (check the path and its permissions)")
            continue
        digest = hashlib.sha256(data).hexdigest()
        kind = file_kind(data)
        if kind == "image" and not ocr_available():
            outcomes[ref.seq] = PageOutcome(ref, digest, SKIPPED, f"{ref.path}: skipped: a scanned page: {OCR_FIX}",
                                            unsupported=True)
            continue
        outcomes[ref.seq] = PageOutcome(ref, digest, PARSED)
        readable.append(ref)

    warnings: list[str]
    issue, error, warnings = None, None, []
    while readable and issue is None and error is None:
        try:
            issue = banmian.parse_issue([r.path for r in readable], paper=job.paper, date=job.date,
                                        first_page=_first_page(readable), settings=settings)
        except ReadError as exc:
            bad = next((r for r in readable if r.path == exc.path), None)
            if bad is None:
                error = str(exc)
            else:  # drop the page the reader refused and parse the others
                readable.remove(bad)
                outcomes[bad.seq] = PageOutcome(bad, outcomes[bad.seq].sha256, SKIPPED, str(exc))
        except BanmianError as exc:
            error = f"{job.paper} {job.date}: {exc}"
        except Exception as exc:  # noqa: BLE001 - one issue's parser bug must not stop the batch
            error = f"{job.paper} {job.date}: internal error: {type(exc).__name__}: {exc} (please report it)"
    if error is not None:  # the whole issue failed: every page it had says why
        issue = None
        for r in readable:
            outcomes[r.seq] = PageOutcome(r, outcomes[r.seq].sha256, SKIPPED, error)

    d: dict[str, Any] | None = None
    index: list[tuple[str, str]] = []
    if issue is not None:
        d = issue_to_dict(issue, _facts_hook(job, warnings) if facts else None)
        d["warnings"] = list(d.get("warnings", [])) + warnings
        for art, ad in zip(issue.articles, d["articles"], strict=True):
            for para, pd in zip(art.paragraphs, ad["paragraphs"], strict=True):
                boxes = [list(ln.box) if ln.box else None for ln in para.lines]
                pd["boxes"] = boxes if any(boxes) else None
            h = ad["headline"]
            index.append((index_text(headline_text(h["kicker"], h["title"], h["subtitle"])),
                          index_text("\n".join(p["text"] for p in ad["paragraphs"]))))
    return ParsedIssue(job, tuple(outcomes[r.seq] for r in job.pages), d, tuple(index), TOKENIZER_VERSION,
                       banmian.__version__, time.perf_counter() - started, error)


def _first_page(refs: list[PageRef]) -> int | None:
    """The first printed page when the file names number the pages consecutively; else let the parser read it."""
    numbers = [r.number for r in refs]
    # (past "None in numbers" none is None: mypy does not narrow on it)
    if None in numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))):  # type: ignore[arg-type,operator]
        return None
    return numbers[0]


def _facts_hook(job: IssueJob, warnings: list[str]) -> Callable[[Any], dict | None] | None:
    """Facts per article when the extract package is there; a failing article gets none, with a warning."""
    try:
        from ..extract import extract_facts, facts_to_dict
    except Exception as exc:  # noqa: BLE001 - the facts layer is optional and may be mid-change
        warnings.append(f"facts not extracted: banmian.extract cannot be imported ({type(exc).__name__}: {exc})")
        return None
    issue_date = _date.fromisoformat(job.date)

    def facts(article: Any) -> dict | None:
        try:
            return facts_to_dict(extract_facts(article, issue_date, ner=False))
        except Exception as exc:  # noqa: BLE001 - facts are a bonus; the article is stored anyway
            title = article.headline.title.value if article.headline.title else "?"
            warnings.append(f"facts failed for {title!r}: {type(exc).__name__}: {exc}")
            return None
    return facts


# ------------------------------------------------------------------------------- executors ---

def _batches(jobs: Sequence[IssueJob], pages: int) -> Iterator[list[IssueJob]]:
    batch: list[IssueJob] = []
    size = 0
    for job in jobs:
        batch.append(job)
        size += job.page_count
        if size >= pages:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _in_order(submit: Callable[[list[IssueJob]], Any], batches: Iterable[list[IssueJob]],
              window: int) -> Iterator[tuple[list[IssueJob], Any]]:
    """Keep ``window`` tasks in flight; yield (batch, future) in submission order (deterministic ids)."""
    pending: deque = deque()
    it = iter(batches)
    for batch in it:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            break
    while pending:
        batch, fut = pending.popleft()
        yield batch, fut
        nxt = next(it, None)
        if nxt is not None:
            pending.append((nxt, submit(nxt)))


def _failed(batch: list[IssueJob], why: str) -> list[ParsedIssue]:
    return [ParsedIssue(j, tuple(PageOutcome(r, "", SKIPPED, f"{r.path}: {why}") for r in j.pages), None, (),
                        TOKENIZER_VERSION, banmian.__version__, 0.0, why) for j in batch]


def _run_inline(batches, opts) -> Iterator[list[ParsedIssue]]:
    for batch in batches:
        yield parse_batch(batch, opts.facts, opts.settings)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the writer, which stops them and keeps what it has stored."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_processes(batches, opts) -> Iterator[list[ParsedIssue]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # spawn, not fork: the writer holds an SQLite connection and a lock that children must not inherit
    with ProcessPoolExecutor(opts.workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_ignore_sigint) as pool:
        try:
            for _batch, fut in _in_order(lambda b: pool.submit(parse_batch, b, opts.facts, opts.settings),
                                        batches, 2 * opts.workers + 2):
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    raise ArchiveError("a parse worker died (out of memory or killed; or ingest() was called "
                                       "from a script without an `if __name__ == '__main__':` guard)",
                                       fix="run the same command again: finished issues are kept") from None
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _run_dask(batches, opts) -> Iterator[list[ParsedIssue]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ArchiveError("--dask needs the Dask distributed package",
                           fix="pip install 'dask[distributed]==2026.8.0'") from None
    address = opts.dask.strip()
    local = _LOCAL.fullmatch(address)
    if not local and not _ADDRESS.fullmatch(address):
        raise ArchiveError(f"--dask {address!r} is not a scheduler address",
                           fix="give tcp://HOST:PORT (see `dask scheduler`) or local:N")
    cluster = None
    try:
        if local:
            n = max(1, int(local[1]))
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout=f"{DASK_CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ArchiveError(f"cannot reach the Dask scheduler at {address} ({exc})",
                           fix="start it with `dask scheduler` and workers with `dask worker ADDRESS`, "
                               "or use --dask local:N") from None
    try:
        threads = max(1, sum(client.nthreads().values()))
        for batch, fut in _in_order(lambda b: client.submit(parse_batch, b, opts.facts, opts.settings, pure=False),
                                    batches, 2 * threads + 2):
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker costs this batch, not the run
                result = _failed(batch, f"Dask task failed: {type(exc).__name__}: {exc} (run again to retry)")
            fut.release()
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------------------------- driver ---

Progress = Callable[[int, int, float], None]  # (pages done, pages to do, seconds so far)


def ingest(paths: Sequence[str | Path], db: str | Path, options: IngestOptions = IngestOptions(), *,
           report: Callable[[str], None] | None = None, progress: Progress | None = None) -> IngestSummary:
    """Ingest the page files under ``paths`` into the archive ``db``; see the module docstring."""
    started = time.perf_counter()
    report = report or (lambda line: None)
    if options.workers < 1:
        raise ArchiveError(f"--workers {options.workers} must be 1 or more", fix="e.g. --workers 2")
    found = discover(paths, options.paper)
    problems = list(found.problems)
    for p in problems:
        report(p)
    counts = dict.fromkeys((ADDED, REPLACED, UNCHANGED, KEPT), 0)
    pages_parsed = pages_skipped = unsupported = articles = 0
    parse_seconds = write_seconds = 0.0
    with Store(db) as store:
        stored = store.signatures()
        todo = [j for j in found.jobs if options.force or not store.is_unchanged(j, stored.get(j.key))]
        counts[UNCHANGED] = len(found.jobs) - len(todo)
        del stored
        total = sum(j.page_count for j in todo)
        if options.dask:
            run = _run_dask
        elif options.workers > 1 and len(todo) > 1:
            run = _run_processes
        else:
            run = _run_inline
        size = options.batch_pages or (100 if options.dask else 32 if run is _run_processes else 1)
        done = 0
        if progress:
            progress(0, total, 0.0)
        for results in run(_batches(todo, size), options):
            for parsed in results:
                t = time.perf_counter()
                counts[store.write_issue(parsed)] += 1
                write_seconds += time.perf_counter() - t
                parse_seconds += parsed.seconds
                for o in parsed.pages:
                    if o.status == PARSED:
                        pages_parsed += 1
                    else:
                        pages_skipped += 1
                        unsupported += o.unsupported
                        problems.append(o.reason or f"{o.ref.path}: skipped")
                        report(problems[-1])
                articles += len(parsed.issue["articles"]) if parsed.issue else 0
                done += parsed.job.page_count
            if progress:
                progress(done, total, time.perf_counter() - started)
    return IngestSummary(str(db), len(found.jobs), found.page_count, counts[ADDED], counts[REPLACED],
                         counts[UNCHANGED], counts[KEPT], pages_parsed, pages_skipped, unsupported, articles,
                         time.perf_counter() - started, parse_seconds, write_seconds, file_size(db),
                         tuple(problems))


class ProgressBar:
    """``[#####.....]  512/1000 pages  48%  152.3 pages/s  ETA 0:03`` on one terminal line."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30, every_s: float = 0.2) -> None:
        self.stream, self.width, self.every_s = stream, width, every_s
        self._last = -1.0

    def __call__(self, done: int, total: int, elapsed: float) -> None:
        if done < total and elapsed - self._last < self.every_s:
            return
        self._last = elapsed
        self.stream.write("\r" + self.render(done, total, elapsed) + ("\n" if done >= total else ""))
        self.stream.flush()

    def render(self, done: int, total: int, elapsed: float) -> str:
        """
        >>> ProgressBar(width=10).render(50, 100, 2.0)
        '[#####.....]  50/100 pages   50%  25.0 pages/s  ETA 0:02'
        """
        frac = done / total if total else 1.0
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = int((total - done) / rate) if rate > 0 else 0
        bar = "#" * int(frac * self.width) + "." * (self.width - int(frac * self.width))
        return (f"[{bar}]  {done}/{total} pages  {frac:4.0%}  {rate:.1f} pages/s  "
                f"ETA {eta // 60}:{eta % 60:02d}")


def default_workers() -> int:
    """One parse process per core, leaving the writer its share on small machines."""
    return max(1, min(os.cpu_count() or 1, 8))
