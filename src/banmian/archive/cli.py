"""``banmian ingest | search | export``: arguments -> library calls -> exit codes.

``banmian.cli.build_parser`` registers these with ``add_parsers(sub)``; each
command is ``func(args, settings) -> int`` (0 ok, 2 bad input) and raises
:class:`~banmian.errors.ArchiveError` / :class:`~banmian.errors.QueryError` for
bad input, which ``banmian.cli.main`` prints as one line.

>>> import argparse
>>> ap = argparse.ArgumentParser(prog="banmian"); add_parsers(ap.add_subparsers(dest="command"))
>>> ap.parse_args(["search", "光伏", "--db", "a.db", "--from", "2024-01-01"]).date_from
'2024-01-01'
"""
from __future__ import annotations

import argparse
import json
import sys

from ..argtypes import iso_date
from ..errors import ArchiveError
from ..settings import Settings
from .export import FORMATS, WHATS, export
from .ingest import IngestOptions, ProgressBar, default_workers, ingest
from .search import Filters, Searcher

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _positive(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number of 1 or more")
    return n


def _say(line: str) -> None:
    clear = "\r\033[K" if sys.stderr.isatty() else ""  # over a progress bar, not after it
    print(f"{clear}banmian: {line}", file=sys.stderr, flush=True)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    opts = IngestOptions(paper=args.paper, workers=args.workers, dask=args.dask, batch_pages=args.batch_pages or 0,
                         facts=not args.no_facts, force=args.force, settings=settings)
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    summary = ingest(args.paths, args.db, opts, report=_say, progress=bar)
    if summary.issues_found == 0:
        raise ArchiveError("no page files found", path=" ".join(args.paths),
                           fix="lay pages out as paper/YYYY-MM-DD/p1.txt or pass a manifest .csv")
    print(summary.text())
    return EXIT_BAD_INPUT if summary.failed > 0 else EXIT_OK


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(paper=args.paper, date_from=args.date_from, date_to=args.date_to,
                   page=getattr(args, "page", None), person=getattr(args, "person", None),
                   organization=getattr(args, "org", None), has_statistics=getattr(args, "has_statistics", False))


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    query = " ".join(args.query)
    with Searcher(args.db, timeout_s=args.timeout) as s:
        res = s.search(query, _filters(args), limit=args.limit, offset=args.offset)
    if args.json:
        print(json.dumps({"query": res.query, "total": res.total, "results": [
            {"id": h.id, "paper": h.paper, "date": h.date, "page": h.page, "headline": h.headline,
             "kicker": h.kicker, "subtitle": h.subtitle, "byline": h.byline, "score": round(h.score, 4),
             "snippet": h.marked()} for h in res.hits]}, ensure_ascii=False, indent=1))
        return EXIT_OK
    tty = sys.stdout.isatty()
    on, off = ("\033[1m", "\033[0m") if tty else ("[", "]")
    for k, h in enumerate(res.hits, args.offset + 1):
        where = f"{h.paper} {h.date}" + (f" 第{h.page}版" if h.page else "")
        print(f"{k}. {h.headline or h.kicker or '（无标题）'}  ({where}, id {h.id})")
        print(f"   {h.marked(on, off, escape=False)}")
    shown = f"{args.offset + 1}-{args.offset + len(res.hits)} of " if res.hits else ""
    print(f"{shown}{res.total} article(s) ({res.seconds * 1000:.1f} ms)")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    n = export(args.db, args.format, args.what, args.out, _filters(args))
    if args.out:
        _say(f"exported {n} {args.what} row(s) to {args.out}")
    return EXIT_OK


def _date_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--paper", help="only this paper")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="from this date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="up to this date, inclusive")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register ``ingest``, ``search`` and ``export`` on ``banmian``'s subcommand parser."""
    p = sub.add_parser("ingest", help="parse page files into an SQLite archive (resumable, idempotent)",
                       description="Find page files (paper/YYYY-MM-DD/p1.txt…, or a manifest .csv with columns "
                       "path,paper,date,page[,page_name]), parse each issue and store it in the archive. "
                       "Unchanged issues are skipped; an interrupted run resumes where it stopped.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders of page files, page files, or manifest .csv")
    p.add_argument("--db", required=True, help="the archive file (created when missing)")
    p.add_argument("--paper", help="paper name, when the folders above the dates do not give it")
    p.add_argument("--workers", type=_positive, default=default_workers(),
                   help="parse processes on this machine (default: one per core, at most 8)")
    p.add_argument("--dask", metavar="ADDRESS", help="parse on a Dask cluster: tcp://HOST:PORT, or local:N to "
                   "start N local worker processes")
    p.add_argument("--batch-pages", type=_positive, metavar="N", help="pages per parse task (default 32; 100 "
                   "with --dask)")
    p.add_argument("--no-facts", action="store_true", help="do not extract people, organisations, statistics")
    p.add_argument("--force", action="store_true", help="re-parse issues even when their files look unchanged")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    s = sub.add_parser("search", help="full-text search of an archive",
                       description="Chinese terms match as exact substrings, Latin words and numbers as whole "
                       "words. Terms are ANDed; use OR, NOT or -term, (brackets), \"phrases\", headline:term.")
    s.add_argument("query", nargs="+", help="the query, e.g. 光伏 OR 风电 (put -- before a query that "
                   "starts with -)")
    s.add_argument("--db", required=True, help="the archive file")
    _date_filters(s)
    s.add_argument("--page", type=int, help="only articles on this printed page")
    s.add_argument("--person", help="only articles naming this person (exact name)")
    s.add_argument("--org", help="only articles naming this organisation (part of its name)")
    s.add_argument("--has-statistics", action="store_true", help="only articles with statistics")
    s.add_argument("--limit", type=int, default=10, help="results to show (default 10)")
    s.add_argument("--offset", type=int, default=0, help="skip this many results first")
    s.add_argument("--timeout", type=float, default=5.0, help="give up after this many seconds (default 5)")
    s.add_argument("--json", action="store_true", help="JSON: total and results (id, paper, date, page, "
                   "headline, snippet with <b> highlights)")
    s.set_defaults(func=cmd_search)

    e = sub.add_parser("export", help="write an archive's articles, facts or statistics as JSONL, CSV or Parquet")
    e.add_argument("--db", required=True, help="the archive file")
    e.add_argument("--format", required=True, choices=FORMATS, help="jsonl, csv, or parquet (needs pyarrow)")
    e.add_argument("--what", default="articles", choices=WHATS, help="rows to export (default articles)")
    e.add_argument("--out", "-o", help="write here (atomically) instead of stdout; required for parquet")
    _date_filters(e)
    e.set_defaults(func=cmd_export)
