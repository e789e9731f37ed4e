"""A query string and filters -> ranked articles with highlighted snippets.  Read-only.

Query language (every string is either a valid query or a :class:`QueryError`;
user text never reaches FTS5 syntax unquoted):

* ``光伏 发电`` — both (AND is implicit; ``AND`` may be written);
* ``光伏 OR 风电``, ``光伏 NOT 煤炭`` / ``光伏 -煤炭``, ``(光伏 OR 风电) 乐山``;
* ``"光伏发电"`` or ``“光伏发电”`` — a phrase (spaces and punctuation inside are kept as gaps);
* ``headline:光伏`` / ``标题:光伏``, ``body:光伏`` / ``正文:光伏`` — one field only;
* ``solar*`` — a Latin word prefix.

Chinese terms match as substrings, exactly (overlapping bigrams, see
:mod:`banmian.archive.tokenize`); Latin words and numbers match whole words.
Precedence: NOT, then AND, then OR.  Results are ranked by bm25 with a headline
match worth ten body matches.

>>> compile_query("光伏 OR 风电 -煤炭").fts
'("光伏" OR ("风电" NOT "煤炭"))'
>>> compile_query('标题:"乐山 日报"').fts
'{headline} : "乐山 山 日报"'
"""
from __future__ import annotations

import html
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ArchiveError, QueryError
from .store import SCHEMA_VERSION, headline_text
from .tokenize import TOKENIZER_VERSION, is_word_token, normalize, phrase_tokens, term_pieces

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
MAX_DEPTH = 16
_FIELDS = {"headline": "headline", "title": "headline", "标题": "headline", "body": "body", "text": "body",
           "正文": "body"}
_FIELD_PREFIX = re.compile(r"([A-Za-z\u4e00-\u9fff]+)[:：]")
_OPS = {"AND", "OR", "NOT"}
_QUOTES = {'"': '"', "“": "”"}


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrow a search; every field is optional."""

    paper: str | None = None
    date_from: str | None = None   # ISO date, inclusive
    date_to: str | None = None     # ISO date, inclusive
    page: int | None = None        # printed page the article is on
    person: str | None = None      # a person named in it (facts or byline), exact name
    organization: str | None = None  # an organisation named in it, part of the name
    has_statistics: bool = False


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    """The FTS5 expression and the text pieces a snippet highlights."""

    fts: str
    pieces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    paper: str
    date: str
    page: int | None
    kicker: str | None
    headline: str | None  # the title (主题)
    subtitle: str | None
    byline: str | None
    score: float
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()  # [start, end) in snippet

    def marked(self, open_: str = "<b>", close: str = "</b>", escape: bool = True) -> str:
        """The snippet with highlights wrapped (HTML-escaped by default).

        >>> Hit(1, "报", "2024-01-01", 1, None, "题", None, None, 0.0, "发展光伏<产业>", ((2, 4),)).marked()
        '发展<b>光伏</b>&lt;产业&gt;'
        """
        esc = html.escape if escape else (lambda s: s)
        out, pos = [], 0
        for s, e in self.highlights:
            out += [esc(self.snippet[pos:s]), open_, esc(self.snippet[s:e]), close]
            pos = e
        out.append(esc(self.snippet[pos:]))
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    fts: str
    total: int             # all matching articles (after filters)
    hits: tuple[Hit, ...] = field(default=())
    seconds: float = 0.0


# ----------------------------------------------------------------------------- query parsing ---

def _lex(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, value, field) tokens; kinds: ( ) AND OR NOT TERM PHRASE NEG-TERM NEG-PHRASE."""
    out: list[tuple[str, str, str | None]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in "()":
            out.append((c, c, None))
            i += 1
            continue
        neg = c == "-" and i + 1 < n and not text[i + 1].isspace()
        j = i + 1 if neg else i
        fld = None
        m = _FIELD_PREFIX.match(text, j)
        if m and m[1].lower() in _FIELDS and m.end() < n and not text[m.end()].isspace():
            fld, j = _FIELDS[m[1].lower()], m.end()
        if text[j] in _QUOTES:
            close = text.find(_QUOTES[text[j]], j + 1)
            if close < 0:
                raise QueryError(f"unclosed quote {text[j]} in query {text!r}",
                                 fix=f"close the phrase with {_QUOTES[text[j]]}, or drop the quote")
            out.append(("NEG-PHRASE" if neg else "PHRASE", text[j + 1:close], fld))
            i = close + 1
            continue
        if neg and text[j] == "(":  # -( … ) excludes a group
            out.append(("NOT", "NOT", None))
            i = j
            continue
        k = j
        while k < n and not text[k].isspace() and text[k] not in '()"“':
            k += 1
        word = text[j:k]
        if word in _OPS and not neg and fld is None:
            out.append((word, word, None))
        elif word:
            out.append(("NEG-TERM" if neg else "TERM", word, fld))
        i = max(k, i + 1)
    return out


class _Parser:
    """or := and (OR and)* ; and := item ([AND] item)* ; item := [NOT|-] unit ; unit := ( or ) | term."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _lex(text)
        self.i = 0
        self.terms = 0
        self.pieces: list[str] = []

    def error(self, msg: str, fix: str) -> QueryError:
        return QueryError(f"{msg} in query {self.text!r}", fix=fix)

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def parse(self) -> str | None:
        expr = self.or_(0)
        if self.peek() == ")":
            raise self.error("unmatched )", "remove it or add the ( it closes")
        return expr

    def or_(self, depth: int) -> str | None:
        if depth > MAX_DEPTH:
            raise self.error("brackets nested too deeply", f"use at most {MAX_DEPTH} levels")
        if self.peek() == "OR":
            raise self.error("OR needs a term before it", "write `光伏 OR 风电`")
        parts = [self.and_(depth)]
        while self.peek() == "OR":
            self.i += 1
            if self.peek() in (None, ")", "OR", "AND"):
                raise self.error("OR needs a term after it", "write `光伏 OR 风电`")
            parts.append(self.and_(depth))
        kept = [p for p in parts if p]
        if len(kept) <= 1:
            return kept[0] if kept else None
        return "(" + " OR ".join(kept) + ")"

    def and_(self, depth: int) -> str | None:
        pos: list[str] = []
        neg: list[str] = []
        first = True
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                if first:
                    raise self.error("AND needs a term before it", "write `光伏 AND 风电`")
                self.i += 1
                if self.peek() in (None, ")", "OR", "AND"):
                    raise self.error("AND needs a term after it", "write `光伏 AND 风电`")
            negated = False
            if self.peek() == "NOT":
                self.i += 1
                negated = True
                if self.peek() in (None, ")", "OR", "AND", "NOT"):
                    raise self.error("NOT needs a term after it", "write `光伏 NOT 煤炭`")
            expr, was_neg = self.unit(depth)
            if expr:
                (neg if negated or was_neg else pos).append(expr)
            first = False
        if neg and not pos:
            raise self.error("only excluded terms", "add a term to search for: `光伏 NOT 煤炭`, not `NOT 煤炭`")
        if not pos:
            return None
        expr = pos[0] if len(pos) == 1 else "(" + " AND ".join(pos) + ")"
        if neg:
            expr = "(" + expr + "".join(f" NOT {n}" for n in neg) + ")"
        return expr

    def unit(self, depth: int) -> tuple[str | None, bool]:
        kind, value, fld = self.toks[self.i]
        self.i += 1
        if kind == "(":
            expr = self.or_(depth + 1)
            if self.peek() != ")":
                raise self.error("unclosed (", "add the ) that closes it")
            self.i += 1
            return expr, False
        if kind == ")":  # pragma: no cover - callers stop at ")"
            raise self.error("unmatched )", "remove it")
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.error(f"more than {MAX_TERMS} terms", "shorten the query")
        tokens, prefix = phrase_tokens(value)
        if not tokens:
            return None, False
        if kind.endswith("TERM") and value.endswith("*") and not prefix and is_word_token(tokens[-1]):
            prefix = True  # solar* : a Latin word prefix
        if not kind.startswith("NEG"):
            self.pieces.extend(term_pieces(value))
        # tokens are letters, digits and 〓 only: nothing in them can be FTS5 syntax
        phrase = '"' + " ".join(tokens) + '"' + ("*" if prefix else "")
        return (f"{{{fld}}} : {phrase}" if fld else phrase), kind.startswith("NEG")


def compile_query(text: str) -> CompiledQuery:
    """Turn a user's query into a safe FTS5 expression, or raise :class:`QueryError`.

    >>> compile_query("光").fts
    '"光"*'
    >>> try:
    ...     compile_query("NOT 光伏")
    ... except QueryError as exc:
    ...     print(exc.message)
    only excluded terms in query 'NOT 光伏'
    """
    if not isinstance(text, str) or not text.strip():
        raise QueryError("empty query", fix="give a word to search for, e.g. 光伏")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is {len(text)} characters long", fix=f"use at most {MAX_QUERY_CHARS}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError("query is not valid text (lone surrogate)", fix="retype the query") from None
    parser = _Parser(text)
    fts = parser.parse()
    if fts is None:
        raise QueryError(f"no letters or digits to search for in query {text!r}",
                         fix="punctuation alone is not indexed; search for words, e.g. 光伏")
    return CompiledQuery(fts, tuple(dict.fromkeys(p for p in parser.pieces if p)))


# ---------------------------------------------------------------------------------- searching ---

def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an archive read-only (``mode=ro``), checking it is one this banmian can read."""
    p = Path(path)
    if not p.is_file():
        raise ArchiveError("no such archive", path=str(p), fix="create it with `banmian ingest PAGES --db FILE`")
    try:
        conn = sqlite3.connect(f"{p.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tok = conn.execute("SELECT value FROM meta WHERE key = 'tokenizer_version'").fetchone() if version else None
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"not a banmian archive ({exc})", path=str(p),
                           fix="pass the .db file `banmian ingest` wrote") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise ArchiveError(f"archive schema version {version}, this banmian reads {SCHEMA_VERSION}", path=str(p),
                           fix="run `banmian ingest` on it once to upgrade it" if 0 < version < SCHEMA_VERSION
                           else "upgrade banmian" if version > SCHEMA_VERSION else "pass a banmian archive")
    if not tok or tok[0] != str(TOKENIZER_VERSION):
        conn.close()
        raise ArchiveError("archive was indexed by another banmian version", path=str(p),
                           fix="run `banmian ingest` on it once to re-index")
    return conn


def filter_sql(f: Filters) -> tuple[str, list]:
    """``(" AND …" conditions, arguments)`` for a search's filters over ``a``/``i``/``p``."""
    where: list[str] = []
    args: list[Any] = []
    if f.paper:
        where.append("p.name = ?")
        args.append(f.paper)
    if f.date_from:
        where.append("i.date >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append("i.date <= ?")
        args.append(f.date_to)
    if f.page is not None:
        where.append("(a.page = ? OR EXISTS (SELECT 1 FROM json_each(a.pages) WHERE value = ?))")
        args += [f.page, f.page]
    if f.person:
        where.append("EXISTS (SELECT 1 FROM people pe WHERE pe.article_id = a.id AND pe.name = ?)")
        args.append(f.person)
    if f.organization:
        where.append("EXISTS (SELECT 1 FROM organizations o WHERE o.article_id = a.id AND instr(o.name, ?) > 0)")
        args.append(f.organization)
    if f.has_statistics:
        where.append("EXISTS (SELECT 1 FROM statistics s WHERE s.article_id = a.id)")
    return "".join(f" AND {w}" for w in where), args


class TimeLimit:
    """A per-statement time limit on one connection (datasette's ``sqlite_timelimit``):
    a progress handler interrupts a statement that runs past ``timeout_s``, every
    ``steps`` SQLite VM steps, and :meth:`fetchall` turns that into the caller's error."""

    def __init__(self, conn: sqlite3.Connection, timeout_s: float, steps: int) -> None:
        self.conn = conn
        self.timeout_s = timeout_s
        self._deadline = 0.0
        conn.set_progress_handler(lambda: int(time.perf_counter() > self._deadline), steps)

    def fetchall(self, sql: str, args: tuple | list, too_slow: Callable[[], Exception]) -> list:
        """Every row of one statement; ``too_slow()`` is raised when the limit stops it."""
        self._deadline = time.perf_counter() + self.timeout_s
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise too_slow() from None
            raise


class Searcher:
    """A read-only connection to one archive; reuse it for many queries (a web app holds one)."""

    def __init__(self, path: str | Path, timeout_s: float = 5.0) -> None:
        self.path = str(path)
        self.timeout_s = timeout_s
        self.conn = connect_readonly(path)
        # Cap query time: a 1-character prefix over a big archive can be slow.
        self._limit = TimeLimit(self.conn, timeout_s, 2000)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, sql: str, args: list) -> list[tuple]:
        return self._limit.fetchall(sql, args, lambda: QueryError(
            f"query took longer than {self.timeout_s:g} s",
            fix="add words or filters (--paper, --from/--to) to narrow it"))

    def search(self, query: str, filters: Filters = NO_FILTERS, *, limit: int | None = 20, offset: int = 0,
               snippets: bool = True, width: int = 80) -> SearchResult:
        """Articles matching ``query`` (see the module docstring), best first; ``total`` counts them all."""
        started = time.perf_counter()
        q = compile_query(query)
        for name in ("paper", "person", "organization"):
            v = getattr(filters, name)
            if v is not None and not isinstance(v, str):
                raise QueryError(f"filter {name} must be text, got {v!r}", fix="pass a name")
        where, args = filter_sql(filters)
        joins = ("FROM article_fts JOIN articles a ON a.id = article_fts.rowid JOIN issues i ON i.id = a.issue_id "
                 "JOIN papers p ON p.id = i.paper_id")
        try:
            total = self._run(f"SELECT count(*) {joins} WHERE article_fts MATCH ?{where}", [q.fts, *args])[0][0] \
                if where else self._run("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", [q.fts])[0][0]
            rows = self._run(
                f"SELECT a.id, p.name, i.date, a.page, a.kicker, a.title, a.subtitle, a.byline, article_fts.rank "
                f"{joins} WHERE article_fts MATCH ?{where} ORDER BY article_fts.rank LIMIT ? OFFSET ?",
                [q.fts, *args, -1 if limit is None else max(0, int(limit)), max(0, int(offset))])
        except UnicodeEncodeError:
            raise QueryError("a filter is not valid text (lone surrogate)", fix="retype it") from None
        # (a row's first 8 columns fill the fields before score: mypy cannot count them)
        hits = [Hit(*r[:8], score=-float(r[8])) for r in rows]  # type: ignore[misc]
        if snippets and hits:
            bodies: dict[int, str] = {}
            for k in range(0, len(hits), 500):  # SQLite caps the number of ? in one statement
                ids = [h.id for h in hits[k:k + 500]]
                bodies.update(self._run(f"SELECT id, body FROM articles WHERE id IN ({','.join('?' * len(ids))})",
                                        ids))
            hits = [_with_snippet(h, bodies.get(h.id, ""), q.pieces, width) for h in hits]
        return SearchResult(query, q.fts, total, tuple(hits), time.perf_counter() - started)


def search(db: str | Path, query: str, filters: Filters = NO_FILTERS, *, limit: int | None = 20, offset: int = 0,
           timeout_s: float = 5.0) -> SearchResult:
    """One search on the archive ``db`` (opens and closes a read-only connection)."""
    with Searcher(db, timeout_s) as s:
        return s.search(query, filters, limit=limit, offset=offset)


# ----------------------------------------------------------------------------------- snippets ---

def _normalized(text: str) -> tuple[str, list[int] | None]:
    """Normalised text and, when lengths differ (… -> ...), each normalised char's source offset."""
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, None
    parts, where = [], []
    for i, ch in enumerate(text):
        n = normalize(ch)
        parts.append(n)
        where.extend([i] * len(n))
    return "".join(parts), where


def snippet(text: str, pieces: tuple[str, ...], width: int = 80) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``width`` characters of ``text`` around the first match, and the matches in it.

    >>> snippet("今年以来，乐山光伏产业发展迅速。", ("光伏",), 8)
    ('…乐山光伏产业发展…', ((3, 5),))
    """
    norm, where = _normalized(text)
    spans = []
    for piece in pieces:
        start = norm.find(piece)
        while start >= 0:
            s, e = (start, start + len(piece)) if where is None else (where[start], where[start + len(piece) - 1] + 1)
            spans.append((s, e))
            start = norm.find(piece, start + 1)
    first = min((s for s, _ in spans), default=0)
    lo = max(0, first - width // 4)
    hi = min(len(text), lo + width)
    lo = max(0, min(lo, hi - width))
    inside = sorted((max(s, lo), min(e, hi)) for s, e in spans if s < hi and e > lo)
    merged: list[list[int]] = []
    for s, e in inside:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    body = text[lo:hi].replace("\n", " ")
    return head + body + tail, tuple((s - lo + len(head), e - lo + len(head)) for s, e in merged)


def _with_snippet(hit: Hit, body: str, pieces: tuple[str, ...], width: int) -> Hit:
    snip, marks = snippet(body, pieces, width)
    if pieces and not marks:  # matched in the headline only: show it, marked
        head = headline_text(hit.kicker, hit.headline, hit.subtitle)
        if head:
            snip, marks = snippet(head, pieces, width)
    return Hit(hit.id, hit.paper, hit.date, hit.page, hit.kicker, hit.headline, hit.subtitle, hit.byline,
               hit.score, snip, marks)
