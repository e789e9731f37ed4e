"""Paths on disk (folders or a manifest .csv) -> :class:`IssueJob` s, one per paper and date.

Folders are laid out ``paper/YYYY-MM-DD/<page files>`` (``YYYYMMDD`` works too);
``--paper`` names the paper when the folders above the dates do not.  Pages of an
issue are ordered by natural sort of their file names (p2 before p10) and their
printed page number is the last run of digits in the name.  A manifest is a CSV
with the columns ``path,paper,date,page[,page_name]`` (paths relative to the CSV).

Page files are ``.txt`` dumps, ``.pdf`` and scanned images; when a ``p1.txt``
lies beside a ``p1.pdf`` they are one page and the text is read.

>>> natural_key("p10.txt") > natural_key("p2.txt")
True
>>> page_number_from_name("乐山日报-02.txt"), page_number_from_name("要闻.txt")
(2, None)
"""
from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path

from ..errors import ArchiveError
from ..pagenum import page_number
from .records import IssueJob, PageRef

#: Page file extensions, best first: of two files with the same name, the earlier kind is read.
PAGE_KINDS = {".txt": "text", ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image",
              ".tif": "image", ".tiff": "image", ".webp": "image", ".bmp": "image"}
_PREFERENCE = {ext: i for i, ext in enumerate(PAGE_KINDS)}
_DATE_DIR = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_DIGITS = re.compile(r"\d+")
MANIFEST_COLUMNS = ("path", "paper", "date", "page")


@dataclass(frozen=True, slots=True)
class Discovery:
    """Issues found, in (paper, date) order, and one line per problem met on the way."""

    jobs: tuple[IssueJob, ...]
    problems: tuple[str, ...]
    ignored_alternates: int = 0

    @property
    def page_count(self) -> int:
        return sum(j.page_count for j in self.jobs)


@dataclass(frozen=True, slots=True)
class _Found:
    path: Path
    paper: str
    date: str
    number: int | None
    name: str | None
    order: tuple  # sort key inside the issue


def natural_key(name: str) -> tuple:
    """Sort key that orders digit runs by value: p1, p2, …, p10."""
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t.lower()) for t in re.split(r"(\d+)", name) if t)


def page_number_from_name(name: str) -> int | None:
    """The printed page number a file name carries: its last run of digits."""
    runs = _DIGITS.findall(Path(name).stem)
    return int(runs[-1]) if runs else None


def parse_date(text: str) -> str | None:
    """``2024-07-09`` or ``20240709`` -> ISO date; anything else -> None.

    >>> parse_date("20240709"), parse_date("2024-02-30")
    ('2024-07-09', None)
    """
    m = _DATE_DIR.fullmatch(text.strip())
    if not m:
        return None
    try:
        return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def discover(paths: Iterable[str | Path], paper: str | None = None) -> Discovery:
    """Find the issues under ``paths`` (folders, page files, manifests ending in .csv)."""
    found: list[_Found] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.suffix.lower() == ".csv" and p.is_file():
            found.extend(read_manifest(p, paper, problems.append))
        elif p.is_dir():
            found.extend(_walk(p, paper, problems.append))
        elif p.is_file():
            found.extend(_from_files([p], paper, problems.append))
        else:
            problems.append(f"{p}: no such file or folder (check the path)")
    jobs, alternates = _group(found)
    return Discovery(jobs, tuple(problems), alternates)


def _walk(root: Path, paper: str | None, report: Callable[[str], None]) -> list[_Found]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: report(
            f"{e.filename}: cannot list folder ({e.strerror}) (check its permissions)")):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(Path(dirpath) / f for f in sorted(filenames)
                     if not f.startswith(".") and Path(f).suffix.lower() in PAGE_KINDS)
    return _from_files(files, paper, report)


def _from_files(files: list[Path], paper: str | None, report: Callable[[str], None]) -> list[_Found]:
    out: list[_Found] = []
    undated: dict[Path, int] = {}
    for f in files:
        if f.suffix.lower() not in PAGE_KINDS:
            report(f"{f}: not a page file (page files end in {', '.join(PAGE_KINDS)})")
            continue
        folder = f.absolute().parent
        date = parse_date(folder.name)
        name = paper or (folder.parent.name if date else "")
        if not date or not name:
            undated[folder] = undated.get(folder, 0) + 1
            continue
        out.append(_Found(f.absolute(), name, date, page_number_from_name(f.name), None,
                          (natural_key(f.stem), _PREFERENCE[f.suffix.lower()], str(f))))
    for folder, n in undated.items():
        report(f"{folder}: {n} page file(s) not in a paper/YYYY-MM-DD folder, skipped "
               "(lay them out as paper/YYYY-MM-DD/p1.txt or list them in a manifest .csv)")
    return out


def read_manifest(path: Path, paper: str | None, report: Callable[[str], None]) -> list[_Found]:
    """Rows of a manifest CSV; a bad row is reported (file:line) and skipped."""
    try:
        fh = open(path, newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise ArchiveError(f"cannot read the manifest ({exc.strerror})", path=str(path),
                           fix="check the path and its permissions") from None
    with fh:
        try:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in reader.fieldnames or []]
            missing = [c for c in MANIFEST_COLUMNS if c not in header]
            if missing:
                raise ArchiveError(f"manifest lacks column(s) {', '.join(missing)}", path=str(path),
                                   fix="the first row must be: path,paper,date,page[,page_name]")
            reader.fieldnames = header
            rows = list(reader)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ArchiveError(f"not a readable CSV ({exc})", path=str(path),
                               fix="save it as UTF-8 CSV with columns path,paper,date,page[,page_name]") from None
    out: list[_Found] = []
    base = path.absolute().parent
    for line, row in enumerate(rows, 2):
        where = f"{path}:{line}"
        file = (row.get("path") or "").strip()
        name = (row.get("paper") or "").strip() or (paper or "")
        date = parse_date(row.get("date") or "")
        page_text = (row.get("page") or "").strip()
        number = page_number(page_text) if page_text else None
        if not file:
            report(f"{where}: empty path (fill in the page file)")
        elif not name:
            report(f"{where}: no paper (fill in the paper column or pass --paper)")
        elif not date:
            report(f"{where}: date {row.get('date')!r} is not YYYY-MM-DD (fix the row)")
        elif page_text and number is None:
            report(f"{where}: page {page_text!r} is not a page number (use 1, 2, A3…)")
        elif Path(file).suffix.lower() not in PAGE_KINDS:
            report(f"{where}: {file} is not a page file (page files end in {', '.join(PAGE_KINDS)})")
        else:
            full = (base / file) if not Path(file).is_absolute() else Path(file)
            out.append(_Found(full.absolute(), name, date, number,
                              (row.get("page_name") or "").strip() or None,
                              ((0, number, "") if number is not None else (1, 0, ""), natural_key(full.stem),
                               _PREFERENCE[full.suffix.lower()], str(full))))
    return out


def _group(found: list[_Found]) -> tuple[tuple[IssueJob, ...], int]:
    """Issues by (paper, date), pages in order; same-named alternates (p1.pdf beside p1.txt) folded."""
    issues: dict[tuple[str, str], dict[tuple[Path, str], _Found]] = {}
    alternates = 0
    for f in found:
        slot = issues.setdefault((f.paper, f.date), {})
        key = (f.path.parent, f.path.stem.lower())
        if key in slot:
            alternates += 1
            if slot[key].path == f.path or _PREFERENCE[f.path.suffix.lower()] >= _PREFERENCE[
                    slot[key].path.suffix.lower()]:
                continue
        slot[key] = f
    jobs = []
    for (paper, date), slot in sorted(issues.items()):
        pages = []
        for seq, f in enumerate(sorted(slot.values(), key=lambda f: f.order), 1):
            try:
                st = f.path.stat()
                size, mtime = st.st_size, st.st_mtime_ns
            except OSError:
                size, mtime = -1, 0  # the worker reports why it cannot be read
            pages.append(PageRef(str(f.path), seq, f.number, f.name, size, mtime))
        jobs.append(IssueJob(paper, date, tuple(pages)))
    return tuple(jobs), alternates
