"""What the benchmarks share: where the corpus and the project's scorer live, loading
the scorer, and running a benchmark's memory child (peak RSS is read in a fresh
process so that it counts only the work measured)."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_pages.py"
CORPUS = Path(os.environ.get("BANMIAN_CORPUS", SHARED / "corpora" / "rmrb-2019-dev.jsonl.gz"))


def metric(v: float | None) -> str:
    """A scorer's metric in a seven-wide table cell ("–" where it does not apply)."""
    return "      –" if v is None else f"{v:7.3f}"


def load_scorer() -> ModuleType:
    """``../shared/tools/score_pages.py`` as a module."""
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def memory_child(module: str, gold_dir: Path, repeat: int) -> dict:
    """Run ``python -m module --memory-child gold_dir --repeat N`` and return the JSON
    it prints last (pages done and peak RSS)."""
    r = subprocess.run([sys.executable, "-m", module, "--memory-child", str(gold_dir), "--repeat", str(repeat)],
                       capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])
