"""One exception family; each message names the bad file/value and the fix.

The CLI turns these into one-line messages with exit code 2; the library never
prints.  ``str(err)`` is that one line.
"""
from __future__ import annotations


class BanmianError(Exception):
    """Base class.  ``path`` names the input the error is about, when there is one."""

    def __init__(self, message: str, *, path: str | None = None, fix: str | None = None) -> None:
        self.path = path
        self.fix = fix
        self.message = message
        super().__init__(self._render())

    def _render(self) -> str:
        head = f"{self.path}: " if self.path else ""
        tail = f" ({self.fix})" if self.fix else ""
        return f"{head}{self.message}{tail}"


class ReadError(BanmianError):
    """The input could not be read or decoded as a page."""


class LimitError(ReadError):
    """The input is larger than a configured limit."""


class LayoutError(BanmianError):
    """A page was read but could not be reconstructed."""


class ArchiveError(BanmianError):
    """The archive could not be opened, written or queried."""


class QueryError(BanmianError):
    """A search query is not valid."""
