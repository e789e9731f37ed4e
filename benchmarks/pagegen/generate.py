"""Generation units -> files: pages and two-page issues, one route each, checked before writing.

A unit is either one page (`p0042-raw`) or a two-page jump issue (`i0042-raw`: the issue gold
plus `i0042-raw.p1.txt` / `.p2.txt`, and each page once more as a single-page gold,
`i0042p1-raw` / `i0042p2-raw`).  Every unit draws from its own RNG seeded with (seed, index), so
output does not depend on the number of worker processes.  A unit whose extracted text fails a
check is skipped and counted, never patched.
"""
from __future__ import annotations

import json
import random
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import fonts
from .blocks import StoryPool
from .compose import LayoutFailed, compose_page
from .corpus import load_stories
from .direct import sample_direct, write_direct
from .extract import extract
from .gold import Gold, check_chars, check_order, issue_gold, page_gold
from .model import Leftover, Page
from .render import render_pdf
from .style import PageStyle, sample_style
from .variants import PdfVariant, apply_variant, sample_variant

ROUTES = ("raw", "plain", "pdfium", "direct")
JUMP_SHARE = 0.12
_ATTEMPTS = 8
_OUR_FILES = re.compile(r"^[pi]\d{4,}(?:p[12])?-(?:raw|plain|pdfium|direct)(?:\.p[12])?\.(?:txt|gold\.json|pdf)$")


@dataclass(frozen=True, slots=True)
class Outcome:
    route: str
    pages: int            # single-page golds written
    issues: int           # issue golds written
    skipped: str | None   # why the unit was dropped


@lru_cache(maxsize=2)
def story_pool(corpus: Path) -> StoryPool:
    """Loaded once per process (and inherited by forked workers)."""
    return StoryPool(load_stories(corpus, fonts.drawable))


def _compose(rng: random.Random, route: str, pool: StoryPool, jump: bool,
             variant: PdfVariant | None = None) -> tuple[list[Page], Leftover | None]:
    """One page, or the two pages of a jump; retries layouts that came out too small."""
    def styled() -> PageStyle:
        style = sample_style(rng, route)
        return apply_variant(style, variant) if variant else style

    for _ in range(_ATTEMPTS):
        style = styled()
        date = pool.pick_date(rng)
        try:
            if not jump:
                number = 1 if rng.random() < 0.25 else rng.randint(2, 20)
                return [compose_page(rng, style, pool, number, date)[0]], None
            target = rng.randint(2, 8)
            # (one issue prints a story once: the second page draws from what the first left)
            used: set[str] = set()
            first, leftover = compose_page(rng, style, pool, 1, date, jump_to=target, used=used)
            assert leftover is not None
            second, _ = compose_page(rng, styled(), pool, target, date, cont=leftover, used=used)
            return [first, second], leftover
        except LayoutFailed:
            continue
    raise LayoutFailed(f"no layout after {_ATTEMPTS} attempts")


def _texts(route: str, pages: list[Page], names: list[str], rng: random.Random,
           pdf_dir: Path) -> list[str]:
    if route == "direct":
        ds = sample_direct(rng)
        return [write_direct(page, ds, rng) for page in pages]
    texts = []
    for page, name in zip(pages, names):
        pdf = pdf_dir / f"{name}.pdf"
        pdf.write_bytes(render_pdf(page))
        texts.append(extract(route, pdf))
    return texts


def _write(out: Path, name: str, text: str | None, gold: Gold) -> None:
    if text is not None:
        (out / f"{name}.txt").write_bytes(text.encode("utf-8"))
    (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")


def make_unit(index: int, seed: int, routes: tuple[str, ...], out: Path, keep_pdf: bool,
              corpus: Path, jump_share: float = JUMP_SHARE, pdf_variants: bool = False) -> Outcome:
    """Compose, render, extract, check and write one unit.  With `pdf_variants`, PDF routes
    draw a `PdfVariant` from an RNG of their own and record it in the gold."""
    route = routes[index % len(routes)]
    rng = random.Random(f"{seed}:{index}")
    jump = rng.random() < jump_share
    variant = sample_variant(random.Random(f"{seed}:{index}:pdf")) \
        if pdf_variants and route != "direct" else None
    recorded = variant.as_gold() if variant else None
    try:
        pages, leftover = _compose(rng, route, story_pool(corpus), jump, variant)
    except LayoutFailed as exc:
        return Outcome(route, 0, 0, f"layout: {exc}")
    stem = f"{'i' if jump else 'p'}{index:04d}"
    names = [f"{stem}p{k}-{route}" for k in (1, 2)] if jump else [f"{stem}-{route}"]
    with tempfile.TemporaryDirectory() as tmp:
        texts = _texts(route, pages, names, rng, out if keep_pdf else Path(tmp))
    golds = [page_gold(page, f"{name}.txt", route, recorded) for page, name in zip(pages, names)]
    for text, gold, page in zip(texts, golds, pages):
        problem = check_chars(text, gold) or (check_order(text, page) if route != "direct" else None)
        if problem:
            for name in names:
                (out / f"{name}.pdf").unlink(missing_ok=True)
            return Outcome(route, 0, 0, problem)
    for name, text, gold in zip(names, texts, golds):
        _write(out, name, text, gold)
    if not jump:
        return Outcome(route, 1, 0, None)
    assert leftover is not None
    issue = f"{stem}-{route}"
    parts = [f"{issue}.p{k}.txt" for k in (1, 2)]
    gold = issue_gold(pages[0], pages[1], leftover, parts, route, recorded)
    problem = check_chars("".join(texts), gold)
    if problem:  # a bug in the issue merge, not an extractor artifact
        raise AssertionError(f"{issue}: {problem}")
    for part, text in zip(parts, texts):
        (out / part).write_bytes(text.encode("utf-8"))
    _write(out, issue, None, gold)
    return Outcome(route, 2, 1, None)


def clear_previous(out: Path) -> int:
    """Remove files an earlier run wrote into `out` (only names this generator produces), so a
    smaller run does not leave stale golds behind."""
    stale = [p for p in out.iterdir() if p.is_file() and _OUR_FILES.match(p.name)]
    for p in stale:
        p.unlink()
    return len(stale)


def generate(n: int, seed: int, out: Path, routes: tuple[str, ...], keep_pdf: bool, corpus: Path,
             workers: int, jump_share: float = JUMP_SHARE, pdf_variants: bool = False) -> list[Outcome]:
    """Generate `n` units split evenly over `routes` into `out`; `jump_share` of them are
    two-page jump issues; with `pdf_variants`, PDF pages vary as in variants.py."""
    out.mkdir(parents=True, exist_ok=True)
    clear_previous(out)
    story_pool(corpus)  # load before forking so that workers share it
    args = [(i, seed, routes, out, keep_pdf, corpus, jump_share, pdf_variants) for i in range(n)]
    if workers <= 1:
        return [make_unit(*a) for a in args]
    with ProcessPoolExecutor(max_workers=workers) as ex:
        return list(ex.map(make_unit, *zip(*args), chunksize=4))


def summarise(outcomes: Iterable[Outcome], routes: tuple[str, ...]) -> list[str]:
    """One line per route: units, pages and issues written, skips by reason."""
    lines = []
    outcomes = list(outcomes)
    for route in routes:
        mine = [o for o in outcomes if o.route == route]
        reasons = Counter(re.sub(r"'[^']*'|\d+", "…", o.skipped) for o in mine if o.skipped)
        why = "; ".join(f"{r} x{c}" for r, c in reasons.most_common()) or "none"
        lines.append(f"{route:<7} units={len(mine):<4} pages={sum(o.pages for o in mine):<4} "
                     f"issues={sum(o.issues for o in mine):<3} skipped={sum(reasons.values())} ({why})")
    return lines
