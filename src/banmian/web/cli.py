"""``banmian serve``: arguments -> :func:`banmian.web.app.create_app` -> uvicorn.

``banmian.cli.build_parser`` registers it with ``add_parsers(sub)``; the command
is ``func(args, settings) -> int`` and raises :class:`~banmian.errors.ArchiveError`
(a missing or invalid archive, naming the file and the fix) or
:class:`~banmian.errors.BanmianError` (web packages missing), which
``banmian.cli.main`` prints as one line with exit code 2.  FastAPI and uvicorn
are imported only when the command runs.

>>> import argparse
>>> ap = argparse.ArgumentParser(prog="banmian"); add_parsers(ap.add_subparsers(dest="command"))
>>> a = ap.parse_args(["serve", "--db", "a.db", "--port", "8080"])
>>> (a.db, a.host, a.port)
('a.db', '127.0.0.1', 8080)
"""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from ..errors import ArchiveError, BanmianError
from ..settings import Settings

EXIT_OK = 0


def _port(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = -1
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"{s!r} is not a port number (0-65535)")
    return n


def _positive_float(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        v = 0.0
    if not v > 0:
        raise argparse.ArgumentTypeError(f"{s!r} is not a positive number")
    return v


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Check the archive, build the app, serve it until interrupted."""
    db = Path(args.db)
    if not db.is_file():
        raise ArchiveError("no such archive", path=str(db),
                           fix="create it with `banmian ingest PAGES --db FILE`, or pass the right --db")
    try:
        import uvicorn

        from .app import WebSettings, create_app
    except ImportError as exc:
        raise BanmianError(f"`banmian serve` needs the web packages ({exc.name} is missing)",
                           fix="pip install 'banmian[web]'") from None
    web = dataclasses.replace(WebSettings(parse=settings), query_timeout_s=args.query_timeout,
                              max_upload_bytes=int(args.max_upload_mb * 1_000_000))
    app = create_app(db, settings=web)  # raises ArchiveError for a file that is not a readable archive
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, server_header=False)
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register ``serve`` on ``banmian``'s subcommand parser."""
    p = sub.add_parser("serve", help="web reader and JSON API over an archive (FastAPI + uvicorn)",
                       description="Serve the archive read-only: papers, issue calendars, pages beside their "
                       "reconstruction, articles with facts, people, statistics with audits, search, and an "
                       "upload form that reconstructs one page without storing it. JSON API under /api, "
                       "OpenAPI docs at /docs.")
    p.add_argument("--db", required=True, help="the archive file (made by `banmian ingest`)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.add_argument("--query-timeout", type=_positive_float, default=2.0, metavar="SECONDS",
                   help="give up on a query after this long (default 2)")
    p.add_argument("--max-upload-mb", type=_positive_float, default=5.0, metavar="MB",
                   help="largest page upload accepted (default 5)")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"),
                   help="server log level (default info)")
    p.set_defaults(func=cmd_serve)
