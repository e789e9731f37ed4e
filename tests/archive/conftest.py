from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from archive_pages import make_archive_pages  # noqa: E402


@pytest.fixture(scope="session")
def small_pages(tmp_path_factory) -> Path:
    """6 issues x 3 pages of text, the example page first; read-only for tests (copy to change)."""
    root = tmp_path_factory.mktemp("small") / "pages"
    make_archive_pages(root, issues=6, pages_per_issue=3, seed=3)
    return root


@pytest.fixture(scope="session")
def small_db(tmp_path_factory, small_pages) -> Path:
    from banmian.archive.ingest import IngestOptions, ingest
    db = tmp_path_factory.mktemp("small-db") / "archive.db"
    ingest([small_pages], db, IngestOptions(workers=1))
    return db


def _layout_generated(src: Path, dst: Path) -> int:
    """pagegen output -> paper/date folders: jump issues keep their pages, single pages go 4 to an issue."""
    pages = 0
    singles = []
    for f in sorted(src.glob("*.txt")):
        m = re.fullmatch(r"(i\d+-\w+)\.p(\d+)\.txt", f.name)
        if m:
            folder = dst / "生成日报" / _date(int(re.sub(r"\D", "", m[1])) + 5000)
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, folder / f"p{m[2]}.txt")
            pages += 1
        elif not re.fullmatch(r"i\d+p\d+-\w+\.txt", f.name):  # a jump issue's pages again, one by one
            singles.append(f)
    for k, f in enumerate(singles):
        folder = dst / "人民日报" / _date(k // 4)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, folder / f"p{k % 4 + 1}.txt")
        pages += 1
    return pages


def _date(n: int) -> str:
    from datetime import date, timedelta
    return (date(2000, 1, 1) + timedelta(days=n)).isoformat()


@pytest.fixture(scope="session")
def generated_pages(tmp_path_factory) -> Path:
    """>= 1,000 pages laid out by benchmarks.pagegen (direct route) from ../shared's corpus."""
    out = tmp_path_factory.mktemp("gen")
    proc = subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", "960", "--seed", "11",
                           "--out", str(out / "raw"), "--routes", "direct"], cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"page generator unavailable: {proc.stderr.strip()[:200]}")
    n = _layout_generated(out / "raw", out / "pages")
    assert n >= 1000, n
    return out / "pages"
