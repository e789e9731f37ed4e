"""An archive file -> a FastAPI app: the web reader (HTML) and its JSON API (``/api``, docs at ``/docs``).

    app = create_app("archive.db")               # uvicorn.run(app) or `banmian serve --db archive.db`

Everything the app holds lives on ``app.state.banmian`` (:class:`AppState`): no
module globals, so two apps over two archives can live in one process (tests do).

Safety (issue: web reader):

* the archive is opened read-only (``mode=ro``, ``PRAGMA query_only``) with a time
  limit on every query (:mod:`banmian.web.db`);
* templates autoescape and no template marks anything safe; responses carry a
  Content-Security-Policy without inline scripts, so escaped text stays text;
* request bodies are capped before they are read (:class:`BodyLimit`); uploads
  are typed by content (:mod:`banmian.web.upload`);
* no path from a request reaches the file system: pages are named by ids, page
  files are found through the archive, static files are served from memory.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import QueryError
from ..settings import DEFAULT, Settings
from .db import QueryTimeout, ReaderPool
from .i18n import label, pick_lang
from .views import format_range

HERE = Path(__file__).resolve().parent
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml", ".ico": "image/x-icon"}
# No inline script or style anywhere: text that slipped through escaping could still not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS: tuple[str, ...] = ()  # /docs is our own page (apidocs.py): the strict policy holds everywhere


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the web reader behaves; ``parse`` is used for uploads."""

    query_timeout_s: float = 2.0      # per SQL statement; past it the request answers 503
    max_upload_bytes: int = 5_000_000  # largest upload (and request body) accepted
    page_size: int = 50               # rows per page of lists (people, statistics, issues)
    read_sources: bool = True         # show page files beside their articles (read from the paths archived)
    image_cache: int = 16             # rendered PDF page images kept in memory
    parse: Settings = field(default=DEFAULT)


class AppState:
    """What one app holds: the reader pool, settings, templates, static files, an image cache."""

    def __init__(self, db_path: str | Path, settings: WebSettings) -> None:
        self.settings = settings
        self.pool = ReaderPool(db_path, settings.query_timeout_s)
        self.db_name = Path(db_path).name
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                                      autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.filters["fmt_range"] = format_range
        self.static = {p.name: (p.read_bytes(), STATIC_TYPES.get(p.suffix, "application/octet-stream"))
                       for p in (HERE / "static").iterdir() if p.is_file()}
        self._images: OrderedDict[tuple, tuple[bytes, float, float]] = OrderedDict()
        self._images_lock = threading.Lock()
        # Reconstruction is CPU work: two at a time keep the reader answering on a 2-core machine.
        self.parse_gate = threading.BoundedSemaphore(2)

    def cached_image(self, key: tuple, make: Callable[[], tuple[bytes, float, float]]) -> tuple[bytes, float, float]:
        with self._images_lock:
            if key in self._images:
                self._images.move_to_end(key)
                return self._images[key]
        value = make()
        with self._images_lock:
            self._images[key] = value
            while len(self._images) > self.settings.image_cache:
                self._images.popitem(last=False)
        return value

    def render(self, request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        """A template with the language, its labels and the language toggle."""
        lang = request_lang(request)
        other = "en" if lang == "zh" else "zh"
        ctx = {"lang": lang, "t": lambda key, **kw: label(lang, key, **kw), "path": request.url.path,
               "toggle_url": str(request.url.include_query_params(lang=other).replace(scheme="", netloc="")),
               "db_name": self.db_name, "version": __version__, **context}
        html = self.env.get_template(template).render(ctx)
        return HTMLResponse(html, status_code=status)


def request_lang(request: Request) -> str:
    return pick_lang(request.query_params.get("lang"), request.cookies.get("lang"))


def state_of(request: Request) -> AppState:
    return request.app.state.banmian


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes (413) before and while reading them."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Callable[[], Awaitable[dict]], send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # multipart framing around the file: allow a little more than the file itself
        limit = self.limit + 64 * 1024
        for k, v in scope.get("headers", []):
            if k == b"content-length" and v.isdigit() and int(v) > limit:
                await self._refuse(scope, send)
                return
        seen = 0
        started = exceeded = False

        async def counted() -> dict:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise BodyTooLarge()
            return message

        async def tracked(message: dict) -> None:
            nonlocal started
            if exceeded:  # the app turned our exception into its own answer (400): answer 413 instead
                if not started:
                    started = True
                    await self._refuse(scope, send)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: dict, send: Callable) -> None:
        msg = f"the upload is over the limit of {self.limit / 1e6:g} MB (upload one page's text)"
        if scope["path"].startswith("/api/"):
            resp: Response = JSONResponse({"detail": msg}, status_code=413)
        else:
            resp = HTMLResponse(f"<!doctype html><meta charset=utf-8><title>413</title><p>{msg}</p>", status_code=413)
        await resp({"type": "http", "method": scope["method"], "headers": []}, _no_body, send)


async def _no_body() -> dict:
    return {"type": "http.request", "body": b"", "more_body": False}


class Headers:
    """ASGI middleware: security headers on every response; ``?lang=`` is remembered in a cookie."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        lang = next((v for v in (b"lang=en", b"lang=zh") if v in query.split(b"&")), None)

        async def add(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
                            (b"x-frame-options", b"DENY")]
                if scope["path"] not in DOCS_PATHS:
                    headers.append((b"content-security-policy", CSP.encode()))
                if lang:
                    headers.append((b"set-cookie", b"lang=" + lang[5:] + b"; Path=/; Max-Age=31536000; SameSite=Lax"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _problem(request: Request, status: int, detail: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": detail}, status_code=status)
    st = state_of(request)
    return st.render(request, "error.html", {"status": status, "detail": detail}, status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _problem(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)
        where = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return _problem(request, 422, where or "invalid request")

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return _problem(request, 400, str(exc))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        return _problem(request, 503, str(exc))


def _plain(errors: Any) -> Any:
    """Validation errors as JSON-safe values (pydantic puts exceptions and raw bytes in ``ctx``/``input``)."""
    return [{"type": str(e.get("type", "")), "loc": [x if isinstance(x, int) else str(x) for x in e.get("loc", ())],
             "msg": str(e.get("msg", ""))} for e in errors]


def create_app(db_path: str | Path, *, settings: WebSettings | Settings | None = None) -> FastAPI:
    """The web reader over the archive at ``db_path`` (opened read-only now: a bad path fails here).

    ``settings``: :class:`WebSettings`, or a plain :class:`~banmian.settings.Settings`
    (used for uploads, web defaults for the rest).  Raises
    :class:`~banmian.errors.ArchiveError` naming the file and the fix.
    """
    if settings is None:
        settings = WebSettings()
    elif isinstance(settings, Settings):
        settings = WebSettings(parse=settings)
    state = AppState(db_path, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.pool.close()

    app = FastAPI(title="banmian reader API", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # served below from the schema: no CDN, no inline script
                  description="Read-only JSON API over a banmian archive: papers -> issues -> pages -> "
                              "articles, people, statistics with audits, full-text search, and on-the-spot "
                              "reconstruction of an uploaded page. Every HTML view has its /api twin.")
    app.state.banmian = state

    _install_errors(app)
    from .api_routes import router as api
    from .html_routes import router as html
    app.include_router(api)
    app.include_router(html)
    from fastapi.responses import HTMLResponse

    from .apidocs import render_docs

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(Headers)
    return app
