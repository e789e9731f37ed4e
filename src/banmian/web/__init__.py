"""Web reader and JSON API over a banmian archive: ``banmian serve --db archive.db``.

``create_app(db_path)`` (in :mod:`banmian.web.app`) builds the FastAPI app;
importing this package needs nothing beyond banmian itself, so ``banmian``'s
CLI can register ``serve`` without FastAPI installed (it says how to get it).
"""
from __future__ import annotations
