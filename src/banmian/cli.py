"""``banmian`` command line: parse arguments, call the library, map errors to exit codes.

Exit codes: 0 success, 1 internal error (a bug: please report it), 2 bad input
or usage (one line on stderr naming the file and the fix).  One bad file never
stops the others: each is reported, the rest are processed, the exit code sums up.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date as _date
from pathlib import Path

from . import __version__
from .argtypes import iso_date
from .errors import BanmianError
from .model import Issue, Page
from .pipeline import run_issue
from .readers import read_path
from .serialize import issue_to_dict, issue_to_markdown, issue_to_terminal
from .settings import Settings, load_settings, settings_help
from .archive import cli as archive_cli
from .web import cli as web_cli

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(BanmianError):
    """Bad command-line arguments."""


def _err(msg: str) -> None:
    print(f"banmian: {msg}", file=sys.stderr)


def write_atomic(path: str | Path, text: str) -> None:
    """Write via a temporary file and rename: a failed run never leaves half a file."""
    p = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=str(p.parent or "."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str, out: str | None) -> None:
    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def _read_all(files: list[str], settings: Settings) -> tuple[list[Page], list[str]]:
    pages: list[Page] = []
    errors: list[str] = []
    for f in files:
        try:
            pages.extend(read_path(f, first_index=len(pages), settings=settings))
        except BanmianError as exc:
            errors.append(str(exc))
    return pages, errors


def _facts_hook(args: argparse.Namespace) -> Callable | None:
    if not getattr(args, "facts", False):
        return None
    from .extract import extract_facts, facts_to_dict, region_from_paper  # imported on demand
    issue_date = _date.fromisoformat(args.date) if args.date else None
    region = region_from_paper(args.paper) if args.paper else None
    return lambda art: facts_to_dict(extract_facts(art, issue_date, ner=not args.no_ner, region=region))


def _render(issue: Issue, args: argparse.Namespace, errors: list[str]) -> str:
    if args.format == "json":
        d = issue_to_dict(issue, _facts_hook(args))
        if errors:
            d["errors"] = errors  # a partial result says so
        if args.trace:
            d["trace"] = [{"stage": e.stage, "page": e.page, "lines": list(e.lines), "decision": e.decision}
                          for e in issue.trace]
        return json.dumps(d, ensure_ascii=False, indent=1) + "\n"
    text = issue_to_markdown(issue) if args.format == "markdown" else issue_to_terminal(issue)
    if args.trace:
        text += "\n" + "\n".join(f"[{e.stage}] p{e.page + 1} L{','.join(map(str, e.lines[:6]))}"
                                 f"{'…' if len(e.lines) > 6 else ''}: {e.decision}" for e in issue.trace) + "\n"
    return text


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    if args.separate or args.out_dir:
        return _parse_separately(args, settings)
    pages, errors = _read_all(args.files, settings)
    for e in errors:
        _err(e)
    if not pages:
        return EXIT_BAD_INPUT
    issue = run_issue(pages, settings, paper=args.paper, date=args.date, first_page=args.page, trace=args.trace)
    for w in issue.warnings:
        _err(f"warning: {w}")
    _emit(_render(issue, args, errors), args.out)
    return EXIT_BAD_INPUT if errors else EXIT_OK


def _parse_separately(args: argparse.Namespace, settings: Settings) -> int:
    """Each file is its own page/issue: a batch; NAME.json per file with ``--out-dir``."""
    code = EXIT_OK
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    ext = {"json": ".json", "markdown": ".md", "text": ".txt"}[args.format]
    for f in args.files:
        try:
            pages = read_path(f, settings=settings)
            issue = run_issue(pages, settings, paper=args.paper, date=args.date, first_page=args.page,
                              trace=args.trace)
            text = _render(issue, args, [])
        except BanmianError as exc:
            _err(str(exc))
            code = EXIT_BAD_INPUT
            continue
        if out_dir:
            write_atomic(out_dir / (Path(f).stem + ext), text)
        else:
            sys.stdout.write(text)
    return code


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from .eval.score import format_table, score_dirs, summary_line
    if not Path(args.gold_dir).is_dir():
        raise UsageError("no such folder", path=args.gold_dir, fix="pass the folder holding *.gold.json files")
    pred_dir = args.pred_dir
    if args.parse:
        pred_dir = tempfile.mkdtemp(prefix="banmian-eval-")
        _parse_gold_pages(Path(args.gold_dir), Path(pred_dir), settings)
    if pred_dir is None:
        raise UsageError("give PRED_DIR or --parse", fix="e.g. `banmian eval golds/ --parse`")
    report = score_dirs(args.gold_dir, pred_dir, only=args.only)
    if not report.rows:
        raise UsageError("no *.gold.json files", path=args.gold_dir, fix="pass the folder holding gold files")
    if not args.quiet:
        print(format_table(report))
    summary = report.summary()
    if args.json:
        write_atomic(args.json, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    print(summary_line(summary, args.label))
    return EXIT_OK


def _parse_gold_pages(gold_dir: Path, pred_dir: Path, settings: Settings) -> None:
    """Parse the page files that sit beside each gold (NAME.txt, or NAME.p1.txt, NAME.p2.txt…)."""
    from .eval import gold_page_sets
    for name, files in gold_page_sets(gold_dir):
        try:
            pages: list[Page] = []
            for f in files:
                pages.extend(read_path(f, first_index=len(pages), settings=settings))
            issue = run_issue(pages, settings)
        except BanmianError as exc:
            _err(str(exc))
            continue
        write_atomic(pred_dir / f"{name}.json", json.dumps(issue_to_dict(issue), ensure_ascii=False))


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for name, default, help_ in settings_help():
        print(f"{name} = {getattr(settings, name)!r}\t# {help_} (default {default!r})")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="banmian", description="Chinese newspaper pages -> articles and facts.")
    ap.add_argument("--version", action="version", version=f"banmian {__version__}")
    ap.add_argument("--config", help="a banmian.toml with settings (see `banmian settings`)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="reconstruct the articles of page files (pages of one issue, in order)")
    p.add_argument("files", nargs="+", metavar="FILE", help="page text dumps; form feeds split pages too")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json", help="JSON output")
    fmt.add_argument("--markdown", dest="format", action="store_const", const="markdown", help="Markdown output")
    p.set_defaults(format="text")
    p.add_argument("--date", type=iso_date, help="issue date, YYYY-MM-DD (resolves 7月8日, 今年…)")
    p.add_argument("--paper", help="newspaper name (also recognised as the masthead)")
    p.add_argument("--page", type=int, help="printed page number of the first page")
    p.add_argument("--trace", action="store_true", help="show what each stage decided for which lines")
    p.add_argument("--facts", action="store_true", help="add extracted facts to each article (JSON)")
    p.add_argument("--no-ner", action="store_true", help="facts from rules only, without the NER model")
    p.add_argument("--separate", action="store_true", help="each file is its own page, not one issue")
    p.add_argument("--out", "-o", help="write here instead of stdout (atomically)")
    p.add_argument("--out-dir", help="with several files: write NAME.json (or .md/.txt) per file here")
    p.set_defaults(func=cmd_parse)

    e = sub.add_parser("eval", help="score parse output against gold files (score_pages metrics)")
    e.add_argument("gold_dir", help="folder of NAME.gold.json files")
    e.add_argument("pred_dir", nargs="?", help="folder of NAME.json predictions")
    e.add_argument("--parse", action="store_true", help="parse the page files beside the golds first")
    e.add_argument("--only", help="regex on gold names to include")
    e.add_argument("--json", help="also write the summary as JSON here")
    e.add_argument("--quiet", action="store_true", help="no per-page table")
    e.add_argument("--label", default="heldout", help="label of the summary line")
    e.set_defaults(func=cmd_eval)

    from .extract.command import add_subcommand as add_facts
    add_facts(sub)
    archive_cli.add_parsers(sub)  # ingest, search, export
    web_cli.add_parsers(sub)  # `serve`: imports no FastAPI until it runs

    s = sub.add_parser("settings", help="list every setting, its value and what it does")
    s.set_defaults(func=cmd_settings)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if not getattr(args, "func", None):
        ap.print_help()
        return EXIT_BAD_INPUT
    try:
        settings = load_settings(args.config)
        return args.func(args, settings)
    except BanmianError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - last resort: one line, not a traceback
        _err(f"internal error: {type(exc).__name__}: {exc} (please report it with the input file)")
        if os.environ.get("BANMIAN_DEBUG"):
            raise
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
