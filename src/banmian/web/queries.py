"""Read-only SQL over the archive -> plain dicts for the views and the JSON API.

Every function takes a :class:`~banmian.web.db.Reader` (one thread's read-only
connection with a time limit) and returns JSON-ready data; ``None`` means "no
such thing" (the route answers 404).  Nothing here writes, and no value from a
request reaches SQL except as a bound parameter.

Stable ids: an article is ``paper/date/aN`` and a page ``paper/date/pN`` (N its
position in the issue), the same ids ``banmian export`` writes; the integer
``id`` is the row id, which changes when an issue is re-ingested.

The archive's own views (``v_summary`` …) are not used where they would scan
every article body (``v_summary`` sums characters): on a 100k-article archive
that costs seconds, so the summaries here read ``issues`` and ``pages`` only.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from ..archive.search import Filters, compile_query, filter_sql
from .db import Reader


def _json(text: str | None, default: Any) -> Any:
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:  # a hand-edited row must not take the page down
        return default


def article_url(paper: str, date: str, seq: int) -> str:
    """The reader's URL of an article (path segments percent-encoded).

    >>> article_url("乐山日报", "2024-07-09", 3)
    '/papers/%E4%B9%90%E5%B1%B1%E6%97%A5%E6%8A%A5/2024-07-09/articles/3'
    """
    return f"/papers/{quote(paper, safe='')}/{date}/articles/{seq}"


def page_url(paper: str, date: str, seq: int) -> str:
    return f"/papers/{quote(paper, safe='')}/{date}/pages/{seq}"


def issue_url(paper: str, date: str) -> str:
    return f"/papers/{quote(paper, safe='')}/{date}"


def paper_url(paper: str) -> str:
    return f"/papers/{quote(paper, safe='')}"


# ------------------------------------------------------------------------------ papers, issues ---

def papers(r: Reader) -> list[dict[str, Any]]:
    """Every paper with its issue count, date range, parsed/skipped pages and articles."""
    rows = r.all(
        "SELECT p.name, count(i.id) AS issues, min(i.date) AS first_date, max(i.date) AS last_date, "
        "coalesce(sum(i.article_count), 0) AS articles, "
        "(SELECT count(*) FROM pages g JOIN issues j ON j.id = g.issue_id WHERE j.paper_id = p.id "
        " AND g.status = 'parsed') AS pages, "
        "(SELECT count(*) FROM pages g JOIN issues j ON j.id = g.issue_id WHERE j.paper_id = p.id "
        " AND g.status = 'skipped') AS skipped_pages "
        "FROM papers p LEFT JOIN issues i ON i.paper_id = p.id GROUP BY p.id ORDER BY p.name")
    return [{**dict(x), "url": paper_url(x["name"])} for x in rows]


def _paper_id(r: Reader, paper: str) -> int | None:
    return r.value("SELECT id FROM papers WHERE name = ?", (paper,))


def issues(r: Reader, paper: str, year: str | None = None, offset: int = 0,
           limit: int | None = None) -> dict[str, Any] | None:
    """A paper's issues (of one year, when given), oldest first, and the years it has."""
    pid = _paper_id(r, paper)
    if pid is None:
        return None
    years = [{"year": y, "issues": n} for y, n in r.all(
        "SELECT substr(date, 1, 4), count(*) FROM issues WHERE paper_id = ? GROUP BY 1 ORDER BY 1", (pid,))]
    args: list[Any]
    where, args = "paper_id = ?", [pid]
    if year:
        where += " AND date >= ? AND date <= ?"
        args += [f"{year}-01-01", f"{year}-12-31"]
    total = r.value(f"SELECT count(*) FROM issues WHERE {where}", args)
    rows = r.all(f"SELECT date, page_count, article_count FROM issues WHERE {where} ORDER BY date "
                 f"LIMIT ? OFFSET ?", [*args, -1 if limit is None else limit, offset])
    return {"paper": paper, "year": year, "years": years, "total": total, "offset": offset, "limit": limit,
            "items": [{"date": d, "pages": pc, "articles": ac, "url": issue_url(paper, d)} for d, pc, ac in rows]}


def _issue_row(r: Reader, paper: str, date: str):
    return r.one("SELECT i.id, i.date, i.page_count, i.article_count, i.warnings, i.parsed_with, i.ingested_at "
                 "FROM issues i JOIN papers p ON p.id = i.paper_id WHERE p.name = ? AND i.date = ?", (paper, date))


def printed_numbers(pages: list[tuple[int, int | None, str]], seen: set[int]) -> dict[int, int | None]:
    """Page seq -> the printed page number the parser gave that page (the one spans carry).

    ``pages`` are (seq, number from the file name, status) in order; ``seen``
    the page numbers the issue's articles name.  Ingest passes the file numbers
    to the parser when they run on consecutively (``ingest._first_page``);
    otherwise the parser read the printed numbers, and the numbers the articles
    name, in order, stand for the parsed pages.

    >>> printed_numbers([(1, 1, "parsed"), (2, 2, "parsed")], {1, 2})
    {1: 1, 2: 2}
    >>> printed_numbers([(1, None, "parsed"), (2, 7, "skipped"), (3, None, "parsed")], {5, 6})
    {1: 5, 2: None, 3: 6}
    """
    parsed = [(s, n) for s, n, status in pages if status == "parsed"]
    out: dict[int, int | None] = {s: None for s, _, _ in pages}
    nums = [n for _, n in parsed]
    # (None not in nums: mypy does not narrow on it)
    if parsed and None not in nums and nums == list(range(nums[0], nums[0] + len(nums))):  # type: ignore[arg-type,operator]
        out.update(parsed)
    elif len(seen) == len(parsed):
        out.update(zip((s for s, _ in parsed), sorted(seen)))
    else:
        out.update((s, k) for k, (s, _) in enumerate(parsed, 1))
    return out


def _issue_pages(r: Reader, issue_id: int) -> list:
    return r.all("SELECT id, seq, number, name, status, reason, reader, encoding, line_count, path, sha256, size "
                 "FROM pages WHERE issue_id = ? ORDER BY seq", (issue_id,))


def _numbers(r: Reader, issue_id: int, pages: list) -> dict[int, int | None]:
    seen = {int(v) for (v,) in r.all("SELECT DISTINCT j.value FROM articles a, json_each(a.pages) j "
                                     "WHERE a.issue_id = ? AND typeof(j.value) = 'integer'", (issue_id,))}
    return printed_numbers([(p["seq"], p["number"], p["status"]) for p in pages], seen)


def _article_summary(paper: str, date: str, a) -> dict[str, Any]:
    return {"id": a["id"], "key": f"{paper}/{date}/a{a['seq']}", "seq": a["seq"], "page": a["page"],
            "pages": _json(a["pages"], []), "kicker": a["kicker"], "title": a["title"], "subtitle": a["subtitle"],
            "byline": a["byline"], "chars": a["chars"], "url": article_url(paper, date, a["seq"])}


def issue(r: Reader, paper: str, date: str) -> dict[str, Any] | None:
    """One issue: its pages (with the printed number each was parsed as) and its articles."""
    row = _issue_row(r, paper, date)
    if row is None:
        return None
    pages = _issue_pages(r, row["id"])
    numbers = _numbers(r, row["id"], pages)
    arts = r.all("SELECT id, seq, page, pages, kicker, title, subtitle, byline, chars FROM articles "
                 "WHERE issue_id = ? ORDER BY seq", (row["id"],))
    summaries = [_article_summary(paper, date, a) for a in arts]
    out_pages = []
    for p in pages:
        n = numbers[p["seq"]]
        out_pages.append({"id": p["id"], "key": f"{paper}/{date}/p{p['seq']}", "seq": p["seq"], "number": n,
                          "name": p["name"], "status": p["status"], "reason": p["reason"],
                          "articles": sum(1 for a in summaries if n is not None and n in a["pages"]),
                          "url": page_url(paper, date, p["seq"])})
    return {"paper": paper, "date": date, "url": issue_url(paper, date), "paper_url": paper_url(paper),
            "page_count": row["page_count"], "article_count": row["article_count"],
            "warnings": _json(row["warnings"], []), "parsed_with": row["parsed_with"],
            "ingested_at": row["ingested_at"], "pages": out_pages, "articles": summaries}


# ---------------------------------------------------------------------------- articles, pages ---

_ARTICLE_COLS = ("a.id, a.issue_id, a.seq, a.page, a.pages, a.kicker, a.title, a.subtitle, a.roles_certain, "
                 "a.headline_lines, a.byline, a.byline_source, a.reporters, a.byline_inline, a.byline_lines, "
                 "a.dateline, a.continued_from, a.continued_to, a.body, a.chars, a.facts")


def _articles_full(r: Reader, paper: str, date: str, rows: list, with_facts: bool = True) -> list[dict[str, Any]]:
    """Article rows -> full article dicts with paragraphs (one query for all of them)."""
    if not rows:
        return []
    ids = [a["id"] for a in rows]
    paras: dict[int, list] = {i: [] for i in ids}
    for g in r.all(f"SELECT article_id, seq, kind, char_start, char_end, lines, spans, boxes FROM paragraphs "
                   f"WHERE article_id IN ({','.join('?' * len(ids))}) ORDER BY article_id, seq", ids):
        paras[g["article_id"]].append(g)
    out = []
    for a in rows:
        body = a["body"]
        byline = None if a["byline"] is None else {
            "text": a["byline"], "source": a["byline_source"], "reporters": _json(a["reporters"], []),
            "inline": None if a["byline_inline"] is None else bool(a["byline_inline"]),
            "lines": _json(a["byline_lines"], [])}
        out.append({
            "id": a["id"], "key": f"{paper}/{date}/a{a['seq']}", "paper": paper, "date": date, "seq": a["seq"],
            "page": a["page"], "pages": _json(a["pages"], []), "kicker": a["kicker"], "title": a["title"],
            "subtitle": a["subtitle"], "roles_certain": bool(a["roles_certain"]),
            "headline_lines": _json(a["headline_lines"], []), "byline": byline, "dateline": a["dateline"],
            "continued_from": a["continued_from"], "continued_to": a["continued_to"], "chars": a["chars"],
            "paragraphs": [{"seq": g["seq"], "kind": g["kind"], "text": body[g["char_start"]:g["char_end"]],
                            "lines": _json(g["lines"], []), "spans": _json(g["spans"], []),
                            "boxes": _json(g["boxes"], None)} for g in paras[a["id"]]],
            "facts": _json(a["facts"], None) if with_facts else None,
            "url": article_url(paper, date, a["seq"]),
        })
    return out


def _page_links(paper: str, date: str, pages: list, numbers: dict[int, int | None]) -> dict[int, str]:
    """Printed page number -> URL of the page view (for "continued on page N" links)."""
    return {n: page_url(paper, date, p["seq"]) for p in pages if (n := numbers[p["seq"]]) is not None}


def article(r: Reader, paper: str, date: str, seq: int) -> dict[str, Any] | None:
    """One article in full: headline fields, byline, paragraphs with provenance, facts, page links."""
    row = r.one(f"SELECT {_ARTICLE_COLS} FROM articles a JOIN issues i ON i.id = a.issue_id "
                f"JOIN papers p ON p.id = i.paper_id WHERE p.name = ? AND i.date = ? AND a.seq = ?",
                (paper, date, seq))
    if row is None:
        return None
    (art,) = _articles_full(r, paper, date, [row])
    pages = _issue_pages(r, row["issue_id"])
    art["page_urls"] = {str(k): v for k, v in _page_links(paper, date, pages, _numbers(r, row["issue_id"], pages)).items()}
    art["issue_url"] = issue_url(paper, date)
    art["paper_url"] = paper_url(paper)
    n = r.value("SELECT max(seq) FROM articles WHERE issue_id = ?", (row["issue_id"],))
    art["prev_url"] = article_url(paper, date, seq - 1) if seq > 1 else None
    art["next_url"] = article_url(paper, date, seq + 1) if n and seq < n else None
    return art


def locate_article(r: Reader, article_id: int) -> tuple[str, str, int] | None:
    """Row id -> (paper, date, seq): the stable address of an article (search hits carry row ids)."""
    row = r.one("SELECT p.name, i.date, a.seq FROM articles a JOIN issues i ON i.id = a.issue_id "
                "JOIN papers p ON p.id = i.paper_id WHERE a.id = ?", (article_id,))
    return None if row is None else (row[0], row[1], row[2])


def locate_page(r: Reader, page_id: int) -> tuple[str, str, int] | None:
    row = r.one("SELECT p.name, i.date, g.seq FROM pages g JOIN issues i ON i.id = g.issue_id "
                "JOIN papers p ON p.id = i.paper_id WHERE g.id = ?", (page_id,))
    return None if row is None else (row[0], row[1], row[2])


def page(r: Reader, paper: str, date: str, seq: int) -> dict[str, Any] | None:
    """One page: its file record, printed number, the articles printed on it and its furniture.

    The source text is not read here (see :mod:`banmian.web.sources`): ``path``
    and ``sha256`` say where it was and what it was.
    """
    irow = _issue_row(r, paper, date)
    if irow is None:
        return None
    pages = _issue_pages(r, irow["id"])
    me = next((p for p in pages if p["seq"] == seq), None)
    if me is None:
        return None
    numbers = _numbers(r, irow["id"], pages)
    number = numbers[seq]
    rows = [] if number is None else r.all(
        f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.issue_id = ? AND (a.page = ? OR EXISTS "
        f"(SELECT 1 FROM json_each(a.pages) WHERE value = ?)) ORDER BY a.seq", (irow["id"], number, number))
    furniture = []
    for f in r.all("SELECT seq, kind, text, lines, spans FROM furniture WHERE issue_id = ? ORDER BY seq",
                   (irow["id"],)):
        spans = _json(f["spans"], [])
        on = {s[0] for s in spans if s}
        if number is not None and (number in on or (not on and len(pages) == 1)):
            furniture.append({"seq": f["seq"], "kind": f["kind"], "text": f["text"], "lines": _json(f["lines"], []),
                              "spans": spans})
    seqs = [p["seq"] for p in pages]
    k = seqs.index(seq)
    return {"id": me["id"], "key": f"{paper}/{date}/p{seq}", "paper": paper, "date": date, "seq": seq,
            "number": number, "name": me["name"], "status": me["status"], "reason": me["reason"],
            "reader": me["reader"], "encoding": me["encoding"], "line_count": me["line_count"],
            "path": me["path"], "sha256": me["sha256"], "size": me["size"],
            "url": page_url(paper, date, seq), "issue_url": issue_url(paper, date), "paper_url": paper_url(paper),
            "prev_url": page_url(paper, date, seqs[k - 1]) if k > 0 else None,
            "next_url": page_url(paper, date, seqs[k + 1]) if k + 1 < len(seqs) else None,
            "page_urls": {str(n): u for n, u in _page_links(paper, date, pages, numbers).items()},
            "articles": _articles_full(r, paper, date, rows), "furniture": furniture}


def page_file(r: Reader, page_id: int) -> dict[str, Any] | None:
    """Where page ``page_id``'s file was when it was archived (for the image view)."""
    row = r.one("SELECT path, sha256, size FROM pages WHERE id = ?", (page_id,))
    return None if row is None else dict(row)


# ----------------------------------------------------------------------------------- people ---

def people(r: Reader, q: str | None = None, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """People by the number of articles naming them; ``q`` keeps names containing it."""
    where, args = ("WHERE instr(name, ?) > 0", [q]) if q else ("", [])
    total = r.value(f"SELECT count(DISTINCT name) FROM people {where}", args)
    rows = r.all(f"SELECT name, count(DISTINCT article_id) AS articles, count(*) AS mentions, "
                 f"group_concat(DISTINCT title) AS titles FROM people {where} GROUP BY name "
                 f"ORDER BY articles DESC, name LIMIT ? OFFSET ?", [*args, limit, offset])
    items = []
    for x in rows:
        titles = list(dict.fromkeys(t for part in (x["titles"] or "").split(",") for t in part.split("、") if t))
        items.append({"name": x["name"], "articles": x["articles"], "mentions": x["mentions"],
                      "titles": titles[:8], "url": f"/people/{quote(x['name'], safe='')}"})
    return {"q": q, "total": total, "offset": offset, "limit": limit, "items": items}


def person(r: Reader, name: str, offset: int = 0, limit: int = 50) -> dict[str, Any] | None:
    """One person: each title seen (how often, first and last date), articles by month, articles newest first."""
    rows = r.all("SELECT pe.title, pe.organization, pe.source, a.id, a.seq, a.page, a.kicker, a.title AS headline, "
                 "i.date, p.name AS paper FROM people pe JOIN articles a ON a.id = pe.article_id "
                 "JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id "
                 "WHERE pe.name = ? ORDER BY i.date, a.id", (name,))
    if not rows:
        return None
    titles: dict[str, dict[str, Any]] = {}
    months: dict[str, set[int]] = {}
    arts: dict[int, dict[str, Any]] = {}
    for x in rows:
        for t in (x["title"] or "").split("、"):
            if not t:
                continue
            e = titles.setdefault(t, {"title": t, "articles": set(), "first_date": x["date"], "organizations": []})
            e["articles"].add(x["id"])
            e["last_date"] = x["date"]
            if x["organization"] and x["organization"] not in e["organizations"]:
                e["organizations"].append(x["organization"])
        months.setdefault(x["date"][:7], set()).add(x["id"])
        a = arts.setdefault(x["id"], {"id": x["id"], "key": f"{x['paper']}/{x['date']}/a{x['seq']}",
                                      "paper": x["paper"], "date": x["date"], "page": x["page"],
                                      "kicker": x["kicker"], "title": x["headline"], "titles": [],
                                      "url": article_url(x["paper"], x["date"], x["seq"])})
        if x["title"] and x["title"] not in a["titles"]:
            a["titles"].append(x["title"])
    ordered = sorted(arts.values(), key=lambda a: (a["date"], a["id"]), reverse=True)
    return {"name": name, "total": len(ordered), "offset": offset, "limit": limit,
            "titles": [{**e, "articles": len(e["articles"])} for e in
                       sorted(titles.values(), key=lambda e: (e["first_date"], e["title"]))],
            "timeline": [{"month": m, "articles": len(ids)} for m, ids in sorted(months.items())],
            "articles": ordered[offset:offset + limit]}


# ------------------------------------------------------------------------------- statistics ---

def statistic_label(metric: str | None, breakdown: str | None, text: str | None) -> str:
    """How an audit names a figure (``banmian.extract.audits._label``): metric（breakdown） text.

    >>> statistic_label("工业产值", "甲区", "40.00亿元")
    '工业产值（甲区） 40.00亿元'
    """
    name = f"{metric}（{breakdown}）" if breakdown else (metric or "")
    return f"{name} {text}" if text else name


def audit_status(label: str, audits: list[dict[str, Any]]) -> tuple[str | None, list[dict[str, Any]]]:
    """'ok' / 'inconsistent' / None (not checked) for the figure named ``label``, and the audits naming it.

    >>> audit_status("总额 100元", [{"whole": "总额 100元", "parts": [], "ok": False}])[0]
    'inconsistent'
    """
    mine = [a for a in audits if isinstance(a, dict) and (
        a.get("whole") == label or any(p == label or str(p).startswith(label + " ") for p in a.get("parts") or []))]
    if not mine:
        return None, []
    return ("ok" if all(a.get("ok") for a in mine) else "inconsistent"), mine


def statistics(r: Reader, metric: str | None = None, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """Statistics newest first (one metric, when given), each with its audit badge; the commonest metrics."""
    where, args = ("WHERE s.metric = ?", [metric]) if metric else ("", [])
    total = r.value(f"SELECT count(*) FROM statistics s {where}", args)
    rows = r.all(f"SELECT s.id, s.metric, s.breakdown, s.value, s.unit, s.text, s.period, s.yoy_pct, s.share_pct, "
                 f"s.share_of, s.article_id, a.seq, a.title AS headline, i.date, p.name AS paper "
                 f"FROM statistics s JOIN articles a ON a.id = s.article_id JOIN issues i ON i.id = a.issue_id "
                 f"JOIN papers p ON p.id = i.paper_id {where} ORDER BY s.id DESC LIMIT ? OFFSET ?",
                 [*args, limit, offset])
    ids = sorted({x["article_id"] for x in rows})
    audits = {i: _json(t, []) or [] for i, t in r.all(
        f"SELECT id, json_extract(facts, '$.audits') FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
    items = []
    for x in rows:
        status, mine = audit_status(statistic_label(x["metric"], x["breakdown"], x["text"]),
                                    audits.get(x["article_id"], []))
        items.append({"id": x["id"], "metric": x["metric"], "breakdown": x["breakdown"], "value": x["value"],
                      "unit": x["unit"], "text": x["text"], "period": x["period"], "yoy_pct": x["yoy_pct"],
                      "share_pct": x["share_pct"], "share_of": x["share_of"], "audit": status, "audits": mine,
                      "article": {"id": x["article_id"], "key": f"{x['paper']}/{x['date']}/a{x['seq']}",
                                  "paper": x["paper"], "date": x["date"], "title": x["headline"],
                                  "url": article_url(x["paper"], x["date"], x["seq"])}})
    metrics = [{"metric": m, "count": n} for m, n in r.all(
        "SELECT metric, count(*) FROM statistics WHERE metric IS NOT NULL GROUP BY metric "
        "ORDER BY 2 DESC, 1 LIMIT 30")]
    return {"metric": metric, "total": total, "offset": offset, "limit": limit, "items": items, "metrics": metrics}


# ----------------------------------------------------------------------------------- search ---

# Each facet counts the matches as filtered by everything but itself.
_FACET_CLEARS: dict[str, dict[str, Any]] = {"paper": {"paper": None}, "year": {"date_from": None, "date_to": None},
                                             "page": {"page": None}}


def _facet_where(f: Filters, skip: str) -> tuple[str, list]:
    return filter_sql(replace(f, **_FACET_CLEARS[skip]))


_FACETS = {"paper": "p.name", "year": "substr(i.date, 1, 4)", "page": "a.page"}


def facets(r: Reader, query: str, f: Filters, size: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Counts of matching articles per paper, year and page; each facet ignores its own filter."""
    fts = compile_query(query).fts
    out: dict[str, list[dict[str, Any]]] = {}
    if f == Filters():
        # Unfiltered (the usual first search): one pass over the matches instead of three.
        counts: dict[str, dict[Any, int]] = {name: {} for name in _FACETS}
        for row in r.all(f"SELECT {', '.join(_FACETS.values())}, count(*) FROM article_fts "
                         f"JOIN articles a ON a.id = article_fts.rowid JOIN issues i ON i.id = a.issue_id "
                         f"JOIN papers p ON p.id = i.paper_id WHERE article_fts MATCH ? GROUP BY 1, 2, 3", [fts]):
            for k, name in enumerate(_FACETS):
                if row[k] is not None:
                    counts[name][row[k]] = counts[name].get(row[k], 0) + row[3]
        for name, c in counts.items():
            order = sorted(c.items(), key=(lambda kv: (-kv[1], kv[0])) if name == "paper" else (lambda kv: kv[0]))
            out[name] = [{"value": v, "count": n} for v, n in order[:size]]
        return out
    for name, expr in _FACETS.items():
        where, args = _facet_where(f, name)
        rows = r.all(f"SELECT {expr} AS v, count(*) AS n FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
                     f"JOIN issues i ON i.id = a.issue_id JOIN papers p ON p.id = i.paper_id "
                     f"WHERE article_fts MATCH ?{where} AND {expr} IS NOT NULL GROUP BY v "
                     f"ORDER BY {'v' if name != 'paper' else 'n DESC, v'} LIMIT ?", [fts, *args, size])
        out[name] = [{"value": v, "count": n} for v, n in rows]
    return out
