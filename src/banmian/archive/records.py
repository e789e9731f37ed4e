"""Plain, picklable records that travel between discovery, parse workers and the writer.

Discovery makes :class:`IssueJob` s (which files form which issue); a worker turns
each into a :class:`ParsedIssue` (the parse JSON as a dict, the index text of
every article, and what happened to every page); the single writer stores it.
Only plain data crosses process and machine boundaries (Dask pickles these).

>>> job = IssueJob("乐山日报", "2024-07-09", (PageRef("/p/1.txt", 1, 1, None, 10, 0),))
>>> job.key, job.page_count
(('乐山日报', '2024-07-09'), 1)
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

#: ``PageOutcome.status`` values.
PARSED, SKIPPED = "parsed", "skipped"


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page file found on disk: where it sits in its issue and what it looked like."""

    path: str           # absolute path
    seq: int            # 1-based position in the issue
    number: int | None  # printed page number (file name digits or manifest)
    name: str | None    # page name from a manifest (要闻)
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class IssueJob:
    """The page files of one issue (one paper, one date), in page order."""

    paper: str
    date: str
    pages: tuple[PageRef, ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.paper, self.date)

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What a worker made of one page file; ``unsupported`` skips (PDF, images) are not errors."""

    ref: PageRef
    sha256: str          # "" when the file could not be read
    status: str          # PARSED | SKIPPED
    reason: str | None = None
    unsupported: bool = False


@dataclass(frozen=True, slots=True)
class ParsedIssue:
    """A worker's result for one :class:`IssueJob`.

    ``issue`` is :func:`banmian.serialize.issue_to_dict` output (``None`` when no
    page could be parsed), with ``boxes`` added to each paragraph; ``index`` holds
    (headline, body) index text per article, cut by tokenizer ``tokenizer_version``.
    """

    job: IssueJob
    pages: tuple[PageOutcome, ...]
    issue: dict[str, Any] | None
    index: tuple[tuple[str, str], ...]
    tokenizer_version: int
    parsed_with: str
    seconds: float
    error: str | None = None  # the whole issue failed (not one page)

    @property
    def content_hash(self) -> str:
        return content_hash(self.job, self.pages)


def content_hash(job: IssueJob, pages: tuple[PageOutcome, ...]) -> str:
    """sha256 over what the issue is made of: paper, date, and each page's place and bytes.

    A page skipped today (say a PDF before the PDF reader exists) is part of the
    hash with its status, so the issue is re-parsed once the page can be read.

    >>> ref = PageRef("/a/p1.txt", 1, 1, None, 3, 0)
    >>> job = IssueJob("报", "2024-01-01", (ref,))
    >>> content_hash(job, (PageOutcome(ref, "ab", PARSED),)) == content_hash(job, (PageOutcome(ref, "ab", PARSED),))
    True
    """
    parts = [job.paper, job.date] + [[o.ref.seq, o.ref.number, o.ref.name, o.sha256, o.status] for o in pages]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()
