"""A folder of golds -> the page files each one scores: NAME.txt, or NAME.p1.txt, NAME.p2.txt…"""
from __future__ import annotations

from pathlib import Path


def gold_page_sets(gold_dir: str | Path) -> list[tuple[str, list[Path]]]:
    """``(name, page files in page order)`` for every ``NAME.gold.json`` with its pages beside it.

    A page gold has ``NAME.txt``; an issue gold has ``NAME.p1.txt``, ``NAME.p2.txt``, …
    (ordered by number, so p10 follows p9).
    """
    gold_dir = Path(gold_dir)
    out = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        single = gold_dir / f"{name}.txt"
        files = [single] if single.exists() else sorted(
            gold_dir.glob(f"{name}.p*.txt"), key=lambda p: int(p.stem.rsplit(".p", 1)[1] or 0))
        if files:
            out.append((name, files))
    return out
