"""The JSON API (``/api/…``): one endpoint behind every view of the reader.

Routes are thin: validate parameters, call :mod:`banmian.web.queries` (through
the ``*_data`` functions the HTML views share), answer 404 for what is not
there.  Path parameters are names, dates and numbers that only ever become SQL
parameters; pagination is ``offset``/``limit`` with ``total`` in the answer.
"""
from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..archive.search import Filters
from ..errors import BanmianError
from . import queries, schemas
from .app import AppState, state_of
from .db import QueryTimeout, Reader
from .sources import SourceText, load_source, render_pdf_page, render_scan
from .upload import UploadRefused, reconstruct_upload
from .views import marked_segments

router = APIRouter(prefix="/api", tags=["archive"])

DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_ID = 2**62
PaperName = Annotated[str, Path(min_length=1, max_length=200, description="paper name, e.g. 乐山日报",
                                examples=["乐山日报"])]
IssueDate = Annotated[str, Path(pattern=DATE, description="issue date, YYYY-MM-DD", examples=["2024-07-09"])]
Seq = Annotated[int, Path(ge=1, le=1_000_000, description="1-based position in the issue", examples=[1])]
RowId = Annotated[int, Path(ge=1, le=MAX_ID, description="row id (changes when an issue is re-ingested)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Limit = Annotated[int, Query(ge=1, le=200)]
# (typed as FastAPI's ``responses=`` parameter is)
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: {"model": schemas.Problem, "description": "no such thing in the archive"}}
SLOW: Responses = {503: {"model": schemas.Problem, "description": "a query ran past the time limit"}}


def _404(what: str) -> HTTPException:
    return HTTPException(404, f"no such {what} in this archive")


# -------------------------------------------------------------------- shared with the HTML views ---

def page_data(st: AppState, r: Reader, paper: str, date: str, seq: int) -> tuple[dict[str, Any], SourceText] | None:
    """The page view's data: the page and its articles (:func:`queries.page`) and its source file."""
    p = queries.page(r, paper, date, seq)
    if p is None:
        return None
    if not st.settings.read_sources:
        src = SourceText(False, "disabled")
    else:
        src = load_source(p["path"], p["sha256"], p["number"], st.settings.parse.max_bytes, st.settings.parse)
    p["source"] = {"available": src.available, "reason": src.reason, "changed": src.changed,
                   "pages": [{"number": sp.number, "lines": [{"n": n, "text": t} for n, t in sp.lines]}
                             for sp in src.pages],
                   "image_url": f"/api/pages/{p['id']}/image.png" if src.image else None}
    return p, src


def search_data(r: Reader, q: str, f: Filters, offset: int, limit: int, facets: bool = True) -> dict[str, Any]:
    """Ranked hits with snippets and highlight offsets, and facet counts (None when they ran too long)."""
    started = time.perf_counter()
    res = r.searcher.search(q, f, limit=limit, offset=offset)
    ids = [h.id for h in res.hits]
    seqs = {i: s for i, s in r.all(f"SELECT id, seq FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)}
    hits = []
    for h in res.hits:
        seq = seqs.get(h.id, 0)
        hits.append({"id": h.id, "key": f"{h.paper}/{h.date}/a{seq}", "paper": h.paper, "date": h.date,
                     "page": h.page, "kicker": h.kicker, "title": h.headline, "subtitle": h.subtitle,
                     "byline": h.byline, "score": round(h.score, 4), "snippet": h.snippet,
                     "highlights": [list(x) for x in h.highlights], "segments": marked_segments(h.snippet, h.highlights),
                     "url": queries.article_url(h.paper, h.date, seq)})
    out: dict[str, Any] = {"query": q, "total": res.total, "offset": offset, "limit": limit, "hits": hits,
                           "facets": None}
    if facets:
        try:
            out["facets"] = queries.facets(r, q, f)
        except QueryTimeout:
            pass  # the hits are worth showing without the counts
    out["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return out


def image_for(st: AppState, r: Reader, page_id: int) -> bytes:
    """PNG of an archived page's PDF (the page file itself, or the PDF beside its text dump) or scan."""
    f = queries.page_file(r, page_id)
    if f is None:
        raise _404("page")
    src = load_source(f["path"], f["sha256"], None, st.settings.parse.max_bytes, st.settings.parse) \
        if st.settings.read_sources else SourceText(False, "disabled")
    if not src.image:
        raise HTTPException(404, "this page has no PDF or scan to show")
    render = (lambda: render_pdf_page(src.pdf or "", 0)) if src.pdf else (lambda: render_scan(src.scan or ""))
    try:
        png, _, _ = st.cached_image((page_id, f["sha256"]), render)
    except BanmianError as exc:
        raise HTTPException(404, str(exc)) from None
    return png


def run_upload(st: AppState, data: bytes, filename: str | None, paper: str | None, date: str | None) -> dict:
    """Reconstruct an upload, at most two at a time (CPU work on a small machine)."""
    if not st.parse_gate.acquire(timeout=15):
        raise UploadRefused(503, "the reader is busy reconstructing other uploads", fix="try again in a moment")
    try:
        return reconstruct_upload(data, filename, limit=st.settings.max_upload_bytes, paper=paper, date=date,
                                  settings=st.settings.parse)
    finally:
        st.parse_gate.release()


async def read_upload(st: AppState, file: UploadFile) -> bytes:
    """At most limit + 1 bytes of the upload (enough to tell it is too large)."""
    return await file.read(st.settings.max_upload_bytes + 1)


# ------------------------------------------------------------------------------------ endpoints ---

@router.get("/papers", response_model=schemas.Papers, responses=SLOW)
def api_papers(request: Request) -> dict:
    """Every paper in the archive with its issue count, date range, pages and articles."""
    return {"papers": queries.papers(state_of(request).pool.reader())}


@router.get("/papers/{paper}/issues", response_model=schemas.Issues, responses={**NOT_FOUND, **SLOW})
def api_issues(request: Request, paper: PaperName, year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
               offset: Offset = 0, limit: Limit = 200) -> dict:
    """A paper's issues, oldest first (one year with ``year``), and the years it has."""
    out = queries.issues(state_of(request).pool.reader(), paper, year, offset, limit)
    if out is None:
        raise _404("paper")
    return out


@router.get("/papers/{paper}/issues/{date}", response_model=schemas.Issue, responses={**NOT_FOUND, **SLOW})
def api_issue(request: Request, paper: PaperName, date: IssueDate) -> dict:
    """One issue: its pages (printed numbers, parsed or skipped) and its articles."""
    out = queries.issue(state_of(request).pool.reader(), paper, date)
    if out is None:
        raise _404("issue")
    return out


@router.get("/papers/{paper}/issues/{date}/pages/{seq}", response_model=schemas.Page,
            responses={**NOT_FOUND, **SLOW})
def api_page(request: Request, paper: PaperName, date: IssueDate, seq: Seq) -> dict:
    """A page: its source lines (when the file is there), the articles printed on it, its furniture."""
    st = state_of(request)
    out = page_data(st, st.pool.reader(), paper, date, seq)
    if out is None:
        raise _404("page")
    return out[0]


@router.get("/papers/{paper}/issues/{date}/articles/{seq}", response_model=schemas.Article,
            responses={**NOT_FOUND, **SLOW})
def api_article(request: Request, paper: PaperName, date: IssueDate, seq: Seq) -> dict:
    """An article: headline fields, byline, dateline, paragraphs with provenance, continuations, facts."""
    out = queries.article(state_of(request).pool.reader(), paper, date, seq)
    if out is None:
        raise _404("article")
    return out


@router.get("/articles/{article_id}", response_model=schemas.Article, responses={**NOT_FOUND, **SLOW})
def api_article_by_id(request: Request, article_id: RowId) -> dict:
    """An article by row id (as search hits give them)."""
    r = state_of(request).pool.reader()
    where = queries.locate_article(r, article_id)
    out = queries.article(r, *where) if where else None
    if out is None:
        raise _404("article")
    return out


@router.get("/pages/{page_id}", response_model=schemas.Page, responses={**NOT_FOUND, **SLOW})
def api_page_by_id(request: Request, page_id: RowId) -> dict:
    """A page by row id."""
    st = state_of(request)
    r = st.pool.reader()
    where = queries.locate_page(r, page_id)
    out = page_data(st, r, *where) if where else None
    if out is None:
        raise _404("page")
    return out[0]


@router.get("/pages/{page_id}/image.png", response_class=Response, responses={
    200: {"content": {"image/png": {}}, "description": "the page rendered from its PDF, or its scan"}, **NOT_FOUND})
def api_page_image(request: Request, page_id: RowId) -> Response:
    """The page's PDF rendered as PNG (pypdfium2), or its scan; 404 when the page has neither."""
    st = state_of(request)
    return Response(image_for(st, st.pool.reader(), page_id), media_type="image/png",
                    headers={"cache-control": "private, max-age=3600"})


@router.get("/people", response_model=schemas.People, responses=SLOW)
def api_people(request: Request, q: Annotated[str | None, Query(max_length=100)] = None,
               offset: Offset = 0, limit: Limit = 50) -> dict:
    """People named in the archive, most articles first; ``q`` keeps names containing it."""
    return queries.people(state_of(request).pool.reader(), q or None, offset, limit)


@router.get("/people/{name}", response_model=schemas.Person, responses={**NOT_FOUND, **SLOW})
def api_person(request: Request, name: Annotated[str, Path(min_length=1, max_length=100)],
               offset: Offset = 0, limit: Limit = 50) -> dict:
    """A person: every title seen with its first and last date, articles per month, articles newest first."""
    out = queries.person(state_of(request).pool.reader(), name, offset, limit)
    if out is None:
        raise _404("person")
    return out


@router.get("/statistics", response_model=schemas.Statistics, responses=SLOW)
def api_statistics(request: Request, metric: Annotated[str | None, Query(max_length=100)] = None,
                   offset: Offset = 0, limit: Limit = 50) -> dict:
    """Statistics, newest first, each with its audit status against the figures it relates to."""
    return queries.statistics(state_of(request).pool.reader(), metric or None, offset, limit)


def search_filters(paper: str | None, date_from: str | None, date_to: str | None, page: int | None,
                   person: str | None) -> Filters:
    return Filters(paper=paper or None, date_from=date_from or None, date_to=date_to or None, page=page,
                   person=person or None)


@router.get("/search", response_model=schemas.Search,
            responses={400: {"model": schemas.Problem, "description": "the query is not valid"}, **SLOW})
def api_search(request: Request, q: Annotated[str, Query(min_length=1, max_length=1000,
                                                         description="e.g. 光伏, 光伏 OR 风电, \"光伏发电\"")],
               paper: Annotated[str | None, Query(max_length=200)] = None,
               date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
               date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
               page: Annotated[int | None, Query(ge=1, le=10_000)] = None,
               person: Annotated[str | None, Query(max_length=100)] = None,
               offset: Offset = 0, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
    """Full-text search (CJK bigrams: any 2+ characters match exactly), with facets by paper, year, page."""
    out = search_data(state_of(request).pool.reader(), q, search_filters(paper, date_from, date_to, page, person),
                      offset, limit)
    for h in out["hits"]:
        del h["segments"]
    return out


@router.post("/parse", response_model=schemas.Parsed, responses={
    413: {"model": schemas.Problem, "description": "over the upload limit"},
    415: {"model": schemas.Problem, "description": "not a text dump (an image, or a PDF for now)"},
    422: {"model": schemas.Problem, "description": "empty, binary or unreadable"}})
async def api_parse(request: Request, file: Annotated[UploadFile, File(description="one page's text (.txt)")],
                    paper: Annotated[str | None, Form(max_length=200)] = None,
                    date: Annotated[str | None, Form(pattern=DATE)] = None) -> dict:
    """Reconstruct one uploaded page on the spot (nothing is stored): its articles, furniture and warnings."""
    st = state_of(request)
    data = await read_upload(st, file)
    try:
        out = await run_in_threadpool(run_upload, st, data, file.filename, paper or None, date or None)
    except UploadRefused as exc:
        raise HTTPException(exc.status, exc.text) from None
    d = out["issue"]
    return {"name": out["name"], "articles": out["articles"], "furniture": d["furniture"], "pages": d["pages"],
            "warnings": out["warnings"]}
