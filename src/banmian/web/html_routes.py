"""The reader's HTML views: papers -> issues (calendar) -> pages -> articles, people, statistics,
search, upload.  Each view renders the same data its ``/api`` twin returns.

Routes are thin: parameters in, a ``queries``/``api_routes`` call, a template out.
Parameters a person types (search filters, page numbers in links) are checked
by FastAPI; a bad one gets the error page with what was wrong (422).
"""
from __future__ import annotations

import calendar
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import QueryError
from . import queries
from .api_routes import (DATE, IssueDate, Offset, PaperName, RowId, Seq, image_for, page_data, read_upload,
                         run_upload, search_data, search_filters)
from .app import state_of
from .sources import SourceText, image_size
from .upload import UploadRefused
from .views import annotate_page, page_boxes, paragraph_parts

router = APIRouter(include_in_schema=False)
Text = Annotated[str | None, Query(max_length=200)]


def _pager(request: Request, offset: int, limit: int, total: int | None) -> dict[str, Any]:
    """Previous/next links that keep every other query parameter."""
    def at(o: int) -> str:
        return str(request.url.include_query_params(offset=o).replace(scheme="", netloc=""))
    return {"offset": offset, "limit": limit, "total": total,
            "prev": at(max(0, offset - limit)) if offset > 0 else None,
            "next": at(offset + limit) if total is not None and offset + limit < total else None}


@router.get("/")
def home(request: Request) -> Response:
    st = state_of(request)
    return st.render(request, "index.html", {"papers": queries.papers(st.pool.reader())})


def _months(year: int, days: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Calendar grids (Monday first) of the months of ``year`` that have issues."""
    out = []
    for m in range(1, 13):
        prefix = f"{year:04d}-{m:02d}-"
        if not any(d.startswith(prefix) for d in days):
            continue
        weeks = [[None if d == 0 else {"day": d, "issue": days.get(f"{prefix}{d:02d}")} for d in week]
                 for week in calendar.Calendar(0).monthdayscalendar(year, m)]
        out.append({"year": year, "month": m, "weeks": weeks})
    return out


@router.get("/papers/{paper}")
def paper_view(request: Request, paper: PaperName,
               year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None) -> Response:
    st = state_of(request)
    r = st.pool.reader()
    out = queries.issues(r, paper, None, 0, 0)
    if out is None:
        raise HTTPException(404, f"no paper named {paper!r} in this archive")
    years = [y["year"] for y in out["years"]]
    chosen = year if year in years else (years[-1] if years else None)
    issues = queries.issues(r, paper, chosen) if chosen else out
    days = {i["date"]: i for i in (issues or out)["items"]}
    return st.render(request, "paper.html", {"paper": paper, "years": out["years"], "year": chosen,
                                             "months": _months(int(chosen), days) if chosen else []})


@router.get("/papers/{paper}/{date}")
def issue_view(request: Request, paper: PaperName, date: IssueDate) -> Response:
    st = state_of(request)
    out = queries.issue(st.pool.reader(), paper, date)
    if out is None:
        raise HTTPException(404, f"no issue of {paper} on {date} in this archive")
    return st.render(request, "issue.html", {"issue": out})


def _page_context(page: dict[str, Any], src: SourceText, articles: list[dict[str, Any]],
                  furniture: list[dict[str, Any]], shown: set[int | None], selected: int | None,
                  image: tuple[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    ann = annotate_page(articles, furniture, src.pages, shown)
    image_url = page.get("source", {}).get("image_url")
    boxes = page_boxes(articles)
    size = image_size(src) if image_url and boxes else None
    if image is not None:  # an uploaded PDF page: the image travels in the page as a data: URI
        image_url, size = image
    return {"page": page, "ann": ann, "selected": selected, "source_reason": src.reason,
            "source_changed": src.changed, "image_url": image_url, "boxes": boxes if size else [], "size": size}


@router.get("/papers/{paper}/{date}/pages/{seq}")
def page_view(request: Request, paper: PaperName, date: IssueDate, seq: Seq,
              a: Annotated[int | None, Query(ge=1, le=1_000_000, description="article to select")] = None) -> Response:
    st = state_of(request)
    out = page_data(st, st.pool.reader(), paper, date, seq)
    if out is None:
        raise HTTPException(404, f"no page {seq} in the issue of {paper} on {date}")
    page, src = out
    ctx = _page_context(page, src, page["articles"], page["furniture"], {page["number"]}, a)
    return st.render(request, "page.html", {**ctx, "upload": None})


@router.get("/papers/{paper}/{date}/articles/{seq}")
def article_view(request: Request, paper: PaperName, date: IssueDate, seq: Seq) -> Response:
    st = state_of(request)
    art = queries.article(st.pool.reader(), paper, date, seq)
    if art is None:
        raise HTTPException(404, f"no article {seq} in the issue of {paper} on {date}")
    return st.render(request, "article.html", {"art": art, "parts": paragraph_parts(art)})


@router.get("/articles/{article_id}")
def article_by_id(request: Request, article_id: RowId) -> Response:
    where = queries.locate_article(state_of(request).pool.reader(), article_id)
    if where is None:
        raise HTTPException(404, "no such article in this archive")
    return RedirectResponse(queries.article_url(*where), status_code=307)


@router.get("/pages/{page_id}")
def page_by_id(request: Request, page_id: RowId) -> Response:
    where = queries.locate_page(state_of(request).pool.reader(), page_id)
    if where is None:
        raise HTTPException(404, "no such page in this archive")
    return RedirectResponse(queries.page_url(*where), status_code=307)


@router.get("/pages/{page_id}/image.png")
def page_image(request: Request, page_id: RowId) -> Response:
    st = state_of(request)
    return Response(image_for(st, st.pool.reader(), page_id), media_type="image/png")


@router.get("/people")
def people_view(request: Request, q: Annotated[str | None, Query(max_length=100)] = None,
                offset: Offset = 0) -> Response:
    st = state_of(request)
    out = queries.people(st.pool.reader(), q or None, offset, st.settings.page_size)
    return st.render(request, "people.html", {"people": out, "q": q or "",
                                              "pager": _pager(request, offset, st.settings.page_size, out["total"])})


@router.get("/people/{name}")
def person_view(request: Request, name: Annotated[str, Path(min_length=1, max_length=100)], offset: Offset = 0) -> Response:
    st = state_of(request)
    out = queries.person(st.pool.reader(), name, offset, st.settings.page_size)
    if out is None:
        raise HTTPException(404, f"no person named {name!r} in this archive")
    peak = max((m["articles"] for m in out["timeline"]), default=1)
    return st.render(request, "person.html", {"person": out, "peak": peak,
                                              "pager": _pager(request, offset, st.settings.page_size, out["total"])})


@router.get("/statistics")
def statistics_view(request: Request, metric: Annotated[str | None, Query(max_length=100)] = None,
                    offset: Offset = 0) -> Response:
    st = state_of(request)
    out = queries.statistics(st.pool.reader(), metric or None, offset, st.settings.page_size)
    return st.render(request, "statistics.html", {
        "stats": out, "metric": metric or "", "pager": _pager(request, offset, st.settings.page_size, out["total"])})


@router.get("/search")
def search_view(request: Request, q: Annotated[str, Query(max_length=1000)] = "", paper: Text = None,
                date_from: Annotated[str | None, Query(alias="from", pattern=f"{DATE}|^$")] = None,
                date_to: Annotated[str | None, Query(alias="to", pattern=f"{DATE}|^$")] = None,
                year: Annotated[str | None, Query(pattern=r"^\d{4}$|^$")] = None,
                page: Annotated[int | None, Query(ge=1, le=10_000)] = None, person: Text = None,
                offset: Offset = 0) -> Response:
    st = state_of(request)
    if year:
        date_from, date_to = f"{year}-01-01", f"{year}-12-31"
    limit = 20
    result, error = None, None
    if q.strip():
        f = search_filters(paper, date_from, date_to, page, person)
        try:
            result = search_data(st.pool.reader(), q, f, offset, limit)
        except QueryError as exc:  # shown beside the search box, with the fix
            error = str(exc)
    return st.render(request, "search.html", {
        "q": q, "result": result, "error": error,
        "filters": {"paper": paper or "", "from": date_from or "", "to": date_to or "", "year": year or "",
                    "page": page, "person": person or ""},
        "pager": _pager(request, offset, limit, result["total"] if result else None)},
        400 if error else 200)


@router.get("/upload")
def upload_form(request: Request) -> Response:
    st = state_of(request)
    return st.render(request, "upload.html", {"error": None, "image": None,
                                              "limit_mb": st.settings.max_upload_bytes / 1e6})


@router.post("/upload")
async def upload_page(request: Request, file: Annotated[UploadFile, File()],
                      paper: Annotated[str | None, Form(max_length=200)] = None,
                      date: Annotated[str | None, Form(pattern=f"{DATE}|^$")] = None) -> Response:
    st = state_of(request)
    data = await read_upload(st, file)
    try:
        out = await run_in_threadpool(run_upload, st, data, file.filename, paper or None, date or None)
    except UploadRefused as exc:
        return st.render(request, "upload.html", {"error": exc.text, "image": exc.image,
                                                  "limit_mb": st.settings.max_upload_bytes / 1e6}, exc.status)
    numbers = {sp.number for sp in out["sources"]}
    page = {"upload_name": out["name"], "number": None, "warnings": out["warnings"]}
    src = SourceText(True, None, False, out["sources"])
    ctx = _page_context(page, src, out["articles"], out["issue"]["furniture"], numbers, None,
                        (out["image"], out["size"]) if out["image"] else None)
    return st.render(request, "page.html", {**ctx, "upload": out["name"]})


@router.get("/static/{name}")
def static_file(request: Request, name: Annotated[str, Path(max_length=100)]) -> Response:
    """Files loaded into memory when the app was made: a name that is not one of them is 404, never a path."""
    found = state_of(request).static.get(name)
    if found is None:
        raise HTTPException(404, "no such file")
    return Response(found[0], media_type=found[1], headers={"cache-control": "public, max-age=3600"})
