"""Archive -> rows of articles, facts or statistics as JSONL, CSV or Parquet.  Read-only.

Article rows follow the American Stories layout (paper, date, page, headline,
byline, text) plus kicker/subtitle, reporters, dateline, continuations and the
provenance of every paragraph: page files with their sha256, source lines and
``[page, line, start, end]`` spans.  Lists and objects are JSON values in JSONL,
JSON text in CSV; in Parquet lists are list columns and provenance is JSON text.
Parquet needs ``pyarrow`` (``pip install 'banmian[parquet]'``).

>>> ARTICLE_COLUMNS[:8]
('id', 'article_id', 'paper', 'date', 'page', 'pages', 'kicker', 'headline')
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import ArchiveError
from .search import NO_FILTERS, Filters, connect_readonly

FORMATS = ("jsonl", "csv", "parquet")
WHATS = ("articles", "facts", "statistics")

ARTICLE_COLUMNS = ("id", "article_id", "paper", "date", "page", "pages", "kicker", "headline", "subtitle",
                   "byline", "reporters", "dateline", "continued_from", "continued_to", "text", "provenance")
FACT_COLUMNS = ("id", "article_id", "paper", "date", "page", "headline", "kind", "name", "value", "unit", "text",
                "field", "start", "end", "detail")
STATISTIC_COLUMNS = ("id", "article_id", "paper", "date", "page", "headline", "metric", "breakdown", "value",
                     "unit", "period", "yoy_pct", "share_pct", "share_of", "rank_scope", "rank_position", "text",
                     "field", "start", "end")
COLUMNS = {"articles": ARTICLE_COLUMNS, "facts": FACT_COLUMNS, "statistics": STATISTIC_COLUMNS}
# Parquet column types (anything not named is text); JSON-valued columns are stored as JSON text.
_INT = {"id", "page", "continued_from", "continued_to", "start", "end", "rank_position"}
_FLOAT = {"yoy_pct", "share_pct"}
_INT_LIST = {"pages"}
_STR_LIST = {"reporters"}
_JSON = {"provenance", "detail"}
_FACT_KINDS = ("people", "organizations", "places", "dates", "quantities", "statistics", "targets", "events",
               "audits", "outline")

_BASE = ("SELECT a.id, p.name || '/' || i.date || '/a' || a.seq, p.name, i.date, a.page, a.title {cols} "
         "FROM articles a JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id")


def _where(f: Filters) -> tuple[str, list]:
    where, args = [], []
    for sql, value in (("p.name = ?", f.paper), ("i.date >= ?", f.date_from), ("i.date <= ?", f.date_to)):
        if value:
            where.append(sql)
            args.append(value)
    return (" WHERE " + " AND ".join(where)) if where else "", args


def iter_rows(conn, what: str = "articles", filters: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
    """Rows as dicts (JSON-valued columns as Python lists/dicts), ordered by paper, date, article."""
    if what not in WHATS:
        raise ArchiveError(f"cannot export {what!r}", fix=f"choose one of {', '.join(WHATS)}")
    where, args = _where(filters)
    order = " ORDER BY p.name, i.date, a.seq"
    if what == "articles":
        yield from _articles(conn, where, args, order)
    elif what == "facts":
        sql = _BASE.format(cols=", a.facts") + where + (" AND" if where else " WHERE") + " a.facts IS NOT NULL" + order
        for aid, key, paper, date, page, title, facts in conn.execute(sql, args):
            for row in _fact_rows(json.loads(facts)):
                yield {"id": aid, "article_id": key, "paper": paper, "date": date, "page": page,
                       "headline": title, **row}
    else:
        cols = ", s.metric, s.breakdown, s.value, s.unit, s.period, s.yoy_pct, s.share_pct, s.share_of, " \
               "s.rank_scope, s.rank_position, s.text, s.field, s.char_start, s.char_end"
        sql = _BASE.format(cols=cols).replace("FROM articles a", "FROM statistics s JOIN articles a ON "
                                              "a.id = s.article_id") + where + order + ", s.id"
        for r in conn.execute(sql, args):
            yield dict(zip(STATISTIC_COLUMNS, r, strict=True))


def _articles(conn, where: str, args: list, order: str) -> Iterator[dict[str, Any]]:
    cols = (", a.issue_id, a.pages, a.kicker, a.subtitle, a.byline, a.reporters, a.dateline, a.continued_from,"
            " a.continued_to, a.body, a.headline_lines, a.byline_lines")
    pages_of: dict[int, list[dict]] = {}
    paras = conn.cursor()
    for (aid, key, paper, date, page, title, issue_id, pages, kicker, subtitle, byline, reporters, dateline,
         cfrom, cto, body, hlines, blines) in conn.execute(_BASE.format(cols=cols) + where + order, args):
        if issue_id not in pages_of:
            pages_of.clear()  # rows come issue by issue: keep one issue's pages
            pages_of[issue_id] = [
                {"seq": s, "number": n, "path": path, "sha256": sha, "status": st}
                for s, n, path, sha, st in conn.execute(
                    "SELECT seq, number, path, sha256, status FROM pages WHERE issue_id = ? ORDER BY seq",
                    (issue_id,))]
        provenance = {
            "pages": pages_of[issue_id],
            "headline_lines": json.loads(hlines),
            "byline_lines": json.loads(blines) if blines else None,
            "paragraphs": [{"kind": kind, "start": s, "end": e, "lines": json.loads(lines),
                            "spans": json.loads(spans), "boxes": json.loads(boxes) if boxes else None}
                           for kind, s, e, lines, spans, boxes in paras.execute(
                               "SELECT kind, char_start, char_end, lines, spans, boxes FROM paragraphs "
                               "WHERE article_id = ? ORDER BY seq", (aid,))],
        }
        yield {"id": aid, "article_id": key, "paper": paper, "date": date, "page": page, "pages": json.loads(pages),
               "kicker": kicker, "headline": title, "subtitle": subtitle, "byline": byline,
               "reporters": json.loads(reporters), "dateline": dateline, "continued_from": cfrom,
               "continued_to": cto, "text": body, "provenance": provenance}


def _fact_rows(facts: dict) -> Iterator[dict[str, Any]]:
    """One row per fact of an article's facts object; the whole fact stays in ``detail``."""
    for kind in _FACT_KINDS:
        for fact in facts.get(kind) or []:
            if not isinstance(fact, dict):
                continue
            span = fact.get("span") or [None, None]
            value = fact.get("value")
            yield {"kind": kind, "name": fact.get("name") or fact.get("metric") or fact.get("label"),
                   "value": None if value is None else str(value), "unit": fact.get("unit"),
                   "text": fact.get("text") or fact.get("title"), "field": fact.get("field", "body"),
                   "start": span[0] if len(span) > 1 else None, "end": span[1] if len(span) > 1 else None,
                   "detail": fact}


def _csv_value(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def write_jsonl(rows: Iterator[dict], out: TextIO) -> int:
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007 - n counts rows
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterator[dict], out: TextIO, columns: tuple[str, ...]) -> int:
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007
        w.writerow({k: _csv_value(v) for k, v in row.items()})
    return n


def _arrow_schema(columns: tuple[str, ...]):
    import pyarrow as pa
    typ = {**{c: pa.int64() for c in _INT}, **{c: pa.float64() for c in _FLOAT},
           **{c: pa.list_(pa.int64()) for c in _INT_LIST}, **{c: pa.list_(pa.string()) for c in _STR_LIST}}
    return pa.schema([(c, typ.get(c, pa.float64() if c == "value" else pa.string())) for c in columns])


def write_parquet(rows: Iterator[dict], path: str, columns: tuple[str, ...], what: str, chunk: int = 5000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ArchiveError("Parquet export needs pyarrow", fix="pip install 'banmian[parquet]', or use "
                           "--format jsonl or csv") from None
    schema = _arrow_schema(columns)
    if what == "facts":  # a fact's value may be a number, a date or a range: text
        schema = schema.set(schema.get_field_index("value"), pa.field("value", pa.string()))

    def prep(row: dict) -> dict:
        return {c: json.dumps(row.get(c), ensure_ascii=False) if c in _JSON else row.get(c) for c in columns}

    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        buf: list[dict] = []
        for row in rows:
            buf.append(prep(row))
            if len(buf) >= chunk:
                w.write_table(pa.Table.from_pylist(buf, schema))
                n += len(buf)
                buf = []
        if buf or n == 0:
            w.write_table(pa.Table.from_pylist(buf, schema))
            n += len(buf)
    return n


def export(db: str | Path, fmt: str, what: str = "articles", out: str | Path | None = None,
           filters: Filters = NO_FILTERS, stdout: TextIO | None = None) -> int:
    """Write ``what`` from archive ``db`` as ``fmt`` to ``out`` (atomically) or stdout; returns the row count."""
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown export format {fmt!r}", fix=f"choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ArchiveError(f"cannot export {what!r}", fix=f"choose one of {', '.join(WHATS)}")
    if fmt == "parquet" and out is None:
        raise ArchiveError("Parquet is binary and needs a file", fix="add --out FILE.parquet")
    conn = connect_readonly(db)
    try:
        rows = iter_rows(conn, what, filters)
        if out is None:
            stream = stdout or sys.stdout
            return write_jsonl(rows, stream) if fmt == "jsonl" else write_csv(rows, stream, COLUMNS[what])
        return _atomic(Path(out), lambda tmp: write_parquet(rows, tmp, COLUMNS[what], what) if fmt == "parquet"
                       else _write_text(tmp, fmt, rows, COLUMNS[what]))
    finally:
        conn.close()


def _write_text(tmp: str, fmt: str, rows: Iterator[dict], columns: tuple[str, ...]) -> int:
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        return write_jsonl(rows, fh) if fmt == "jsonl" else write_csv(rows, fh, columns)


def _atomic(path: Path, write: Callable[[str], int]) -> int:
    """Write through a temporary file and rename: a failed export leaves no half file."""
    if not path.parent.is_dir():
        raise ArchiveError("the output folder does not exist", path=str(path), fix="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    os.close(fd)
    try:
        n = write(tmp)
        os.replace(tmp, path)
        return n
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_rows(path: str | Path | io.StringIO, fmt: str, what: str = "articles") -> list[dict[str, Any]]:
    """Read an export back into the dicts :func:`iter_rows` yields (used by tests and round trips).

    >>> read_rows(io.StringIO('{"id": 1, "paper": "报"}\\n'), "jsonl")
    [{'id': 1, 'paper': '报'}]
    """
    if fmt == "jsonl":
        fh = path if isinstance(path, io.StringIO) else open(path, encoding="utf-8")
        with fh:
            return [json.loads(line) for line in fh if line.strip()]
    if fmt == "csv":
        # (a StringIO is read as jsonl only)
        with open(path, encoding="utf-8", newline="") as fh:  # type: ignore[arg-type]
            return [{k: _from_csv(k, v, what) for k, v in row.items()} for row in csv.DictReader(fh)]
    import pyarrow.parquet as pq
    return [{k: json.loads(v) if k in _JSON and v is not None else v for k, v in row.items()}
            for row in pq.read_table(path).to_pylist()]


def _from_csv(column: str, value: str, what: str) -> Any:
    if value == "":
        return None
    if column in _JSON or column in _INT_LIST or column in _STR_LIST:
        return json.loads(value)
    if column in _INT:
        return int(value)
    if column in _FLOAT or (column == "value" and what == "statistics"):
        return float(value)
    return value
