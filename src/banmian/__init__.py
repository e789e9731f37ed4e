"""banmian (版面): Chinese newspaper pages -> articles and facts, with provenance.

>>> issue = parse_text("本报讯（记者 张清）近日，记者从市商务局了解到情况。\\n\\n环境固本\\n")
>>> issue.articles[0].headline.title.value
'环境固本'
"""
from __future__ import annotations

from pathlib import Path

from .errors import BanmianError, LayoutError, LimitError, ReadError
from .model import Article, Issue, Page
from .pipeline import PAGE_STAGES, run_issue
from .readers import pages_from_text, read_bytes, read_path
from .settings import DEFAULT, Settings, load_settings

__all__ = ["Article", "BanmianError", "Issue", "LayoutError", "LimitError", "PAGE_STAGES", "Page",
           "ReadError", "Settings", "load_settings", "parse_issue", "parse_page", "parse_text"]
__version__ = "0.1.0"

Source = str | Path | bytes


def _pages(source: Source, first_index: int, settings: Settings) -> list[Page]:
    if isinstance(source, bytes):
        return read_bytes(source, first_index=first_index, settings=settings)
    return read_path(source, first_index=first_index, settings=settings)


def parse_text(text: str, *, paper: str | None = None, date: str | None = None,
               page: int | None = None, settings: Settings = DEFAULT, source: str = "<text>") -> Issue:
    """Reconstruct articles from already-decoded page text (form feeds separate pages)."""
    pages = pages_from_text(text, source, settings=settings)
    if not pages:
        raise ReadError("is empty (no text on the page)", path=source,
                        fix="pass the page's extracted text")
    return run_issue(pages, settings, paper=paper, date=date, first_page=page)


def parse_page(source: Source, *, paper: str | None = None, date: str | None = None,
               page: int | None = None, settings: Settings = DEFAULT) -> Issue:
    """Reconstruct the articles of one page file (a text dump; form feeds split pages)."""
    return run_issue(_pages(source, 0, settings), settings, paper=paper, date=date, first_page=page)


def parse_issue(sources: list[Source], *, paper: str | None = None, date: str | None = None,
                first_page: int | None = None, settings: Settings = DEFAULT) -> Issue:
    """Reconstruct an issue from its page files, in page order; continuations are merged."""
    pages: list[Page] = []
    for s in sources:
        pages.extend(_pages(s, len(pages), settings))
    return run_issue(pages, settings, paper=paper, date=date, first_page=first_page)
