"""``banmian facts FILE... [--json|--csv]``: page files or parse JSON -> facts.

Input files are page text dumps (parsed with :func:`banmian.parse_page` first) or
JSON: the output of ``banmian parse --json`` or a ``*.gold.json`` reconstruction.
Output is one JSON document (files -> articles -> facts) or CSV with one row per
fact.  One unreadable file does not stop the others; the exit code says how it
went (0 all read, 1 some failed, 2 none read or bad usage).

The CLI registers this module with :func:`add_subcommand`; :func:`main` runs it
stand-alone (``python -m banmian.extract.command``).

>>> import json, tempfile, os
>>> page = {"date": "2024-07-09", "articles": [{"title": "会议召开", "paragraphs": ["7月8日，市委书记马波出席会议。"]}]}
>>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
...     _ = fh.write(json.dumps(page, ensure_ascii=False))
>>> doc, errors = facts_document([fh.name], ner=False)
>>> doc["files"][0]["articles"][0]["facts"]["people"][0]["name"], errors
('马波', [])
>>> os.unlink(fh.name)
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from .. import argtypes
from ..model import Article, Byline, Headline, Paragraph, Text
from . import extract_facts, facts_csv_rows, facts_to_dict, region_from_paper
from .export import CSV_COLUMNS

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


class FactsInputError(Exception):
    """A file could not be read as a page or a parse/gold JSON document."""


def _text(v: Any) -> Text | None:
    if isinstance(v, dict):
        v = v.get("text")
    return Text(v) if isinstance(v, str) and v else None


def article_from_json(a: dict[str, Any]) -> Article:
    """An Article from one article of parse JSON (``headline`` object, paragraph objects)
    or of a gold file (top-level kicker/title/subtitle, paragraph strings)."""
    h = a.get("headline") or a
    paras = tuple(Paragraph(Text(p if isinstance(p, str) else p.get("text", ""))) for p in a.get("paragraphs", []))
    b = a.get("byline")
    byline = None
    if isinstance(b, dict):
        raw = b.get("text") or b.get("raw") or ""
        inline = b.get("inline", bool(paras) and bool(raw) and paras[0].text.value.startswith(raw))
        byline = Byline(Text(raw), source=b.get("source"), reporters=tuple(b.get("reporters") or ()), inline=inline)
    return Article(Headline(_text(h.get("kicker")), _text(h.get("title")), _text(h.get("subtitle"))),
                   paras, byline, a.get("dateline"))


def read_articles(path: Path, *, issue_date: date | None, paper: str | None) -> tuple[list[Article], date | None, str | None]:
    """The articles of one input file, with the issue date and paper it names."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FactsInputError(f"{path}: cannot read JSON ({exc})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("articles"), list):
            raise FactsInputError(f"{path}: no 'articles' list (expected `banmian parse --json` output or a gold file)")
        d = issue_date or (date.fromisoformat(doc["date"]) if isinstance(doc.get("date"), str) else None)
        return [article_from_json(a) for a in doc["articles"]], d, paper or doc.get("paper")
    import banmian  # lazy: the page pipeline is needed only for page files
    from banmian.errors import BanmianError

    try:
        issue = banmian.parse_page(path, paper=paper, date=issue_date.isoformat() if issue_date else None)
    except BanmianError as exc:
        raise FactsInputError(str(exc)) from None
    return list(issue.articles), issue_date, paper or issue.paper


def _readable(paths: list[str], errors: list[str], issue_date: date | None, paper: str | None
              ) -> Iterator[tuple[str, list[Article], date | None, str | None, str | None]]:
    """``(path, articles, date, paper, region)`` for each file that reads; a file that
    does not adds its message to ``errors`` and the others go on."""
    for p in paths:
        try:
            arts, d, pap = read_articles(Path(p), issue_date=issue_date, paper=paper)
        except FactsInputError as exc:
            errors.append(str(exc))
            continue
        yield p, arts, d, pap, region_from_paper(pap)


def facts_document(paths: list[str], *, issue_date: date | None = None, paper: str | None = None,
                   ner: bool = True) -> tuple[dict[str, Any], list[str]]:
    """The facts of every article of every file, and one message per file that failed."""
    files: list[dict[str, Any]] = []
    errors: list[str] = []
    for p, arts, d, pap, region in _readable(paths, errors, issue_date, paper):
        files.append({"file": p, "date": d.isoformat() if d else None, "paper": pap, "articles": [
            {"id": f"a{i}", "title": a.headline.title.value if a.headline.title else None,
             "facts": facts_to_dict(extract_facts(a, d, ner=ner, region=region))}
            for i, a in enumerate(arts, 1)]})
    return {"files": files, "errors": errors}, errors


def facts_csv(paths: list[str], *, issue_date: date | None = None, paper: str | None = None,
              ner: bool = True) -> tuple[str, list[str]]:
    """CSV text (a ``file`` column, then :data:`CSV_COLUMNS`) and the per-file errors."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=("file", *CSV_COLUMNS), lineterminator="\n")
    w.writeheader()
    errors: list[str] = []
    for p, arts, d, _pap, region in _readable(paths, errors, issue_date, paper):
        for i, a in enumerate(arts, 1):
            for row in facts_csv_rows(extract_facts(a, d, ner=ner, region=region), i):
                w.writerow({"file": p, **row})
    return buf.getvalue(), errors


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The ``facts`` command's arguments (shared by :func:`main` and the main CLI)."""
    p.add_argument("files", nargs="+", metavar="FILE", help="page text dumps, or JSON from `banmian parse --json`")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json", help="JSON output (default)")
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="one CSV row per fact")
    p.set_defaults(format="json")
    p.add_argument("--date", type=argtypes.issue_date, help="issue date, YYYY-MM-DD (resolves 7月8日, 今年…)")
    p.add_argument("--paper", help="newspaper name; a local paper's city becomes the parent of its districts")
    p.add_argument("--no-ner", action="store_true", help="rules only, without the NER model")
    p.add_argument("--out", "-o", help="write here instead of stdout")


def run(files: list[str], *, fmt: str = "json", issue_date: date | None = None, paper: str | None = None,
        ner: bool = True, out: str | None = None) -> int:
    """Run the command; returns the exit code.  Messages go to stderr, one a line."""
    if fmt == "csv":
        text, errors = facts_csv(files, issue_date=issue_date, paper=paper, ner=ner)
    else:
        doc, errors = facts_document(files, issue_date=issue_date, paper=paper, ner=ner)
        text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for e in errors:
        print(f"banmian facts: {e}", file=sys.stderr)
    if not errors:
        return EXIT_OK
    return EXIT_FAILED if len(errors) == len(files) else EXIT_PARTIAL


def add_subcommand(sub: Any) -> argparse.ArgumentParser:
    """Register ``facts`` on the main CLI's subparsers; its ``func(args, settings)`` runs it."""
    p = sub.add_parser("facts", help="people, organisations, dates, statistics (with audits), targets, outline")
    add_arguments(p)
    p.set_defaults(func=lambda args, settings=None: run(args.files, fmt=args.format, issue_date=args.date,
                                                        paper=args.paper, ner=not args.no_ner, out=args.out))
    return p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="banmian facts", description=__doc__.split("\n\n")[0])
    add_arguments(ap)
    args = ap.parse_args(argv)
    return run(args.files, fmt=args.format, issue_date=args.date, paper=args.paper, ner=not args.no_ner, out=args.out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
