"""Eval gate: generated pages (People's Daily articles laid out as real pages and run
through real extractors) must score at least the pinned floors.  A drop fails CI.

Two gates: the text route on every extractor's dumps, and the PDF route on generated
PDFs with all their variants (rules, photos with captions, vertical titles, embedded
and non-embedded fonts), where no caption may end up in an article body.
Skips cleanly when the corpus in ../shared or pdftotext is absent.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from banmian import parse_issue
from banmian.eval import gold_page_sets
from banmian.eval.score import score_dirs
from banmian.serialize import issue_to_dict

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "rmrb-2019-dev.jsonl.gz"
FLOORS = json.loads((Path(__file__).parent / "eval" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not CORPUS.exists() or not shutil.which("pdftotext"):
        pytest.skip("needs ../shared/corpora and pdftotext")
    gold = tmp_path_factory.mktemp("gold")
    pred = tmp_path_factory.mktemp("pred")
    subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(FLOORS["units"]),
                    "--seed", str(FLOORS["seed"]), "--out", str(gold), "--corpus", str(CORPUS)],
                   check=True, cwd=ROOT, capture_output=True)
    for name, files in gold_page_sets(gold):
        issue = parse_issue([f.read_bytes() for f in files])
        (pred / f"{name}.json").write_text(json.dumps(issue_to_dict(issue), ensure_ascii=False), encoding="utf-8")
    return score_dirs(gold, pred).summary()


@pytest.mark.parametrize("metric", ["seg_F1", "exact", "para_F1", "title", "byline"])
def test_eval_gate_floor(scored, metric):
    assert scored[metric] >= FLOORS["floors"][metric], f"{metric} {scored[metric]:.3f} fell below its floor"


@pytest.fixture(scope="module")
def pdf_scored(tmp_path_factory, score_script):
    pdf = FLOORS["pdf"]
    if not CORPUS.exists() or not shutil.which("pdftotext"):
        pytest.skip("needs ../shared/corpora and pdftotext")
    gold = tmp_path_factory.mktemp("pdfgold")
    pred = tmp_path_factory.mktemp("pdfpred")
    subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(pdf["units"]), "--seed", str(pdf["seed"]),
                    "--out", str(gold), "--corpus", str(CORPUS), "--routes", "raw", "--keep-pdf", "--pdf-variants"],
                   check=True, cwd=ROOT, capture_output=True)
    from benchmarks.bench_pdf import caption_leaks, page_sets, parse_all  # as tests/test_pdf_reader.py does
    sets = page_sets(gold)
    assert sets, "the generator wrote no PDFs"
    parse_all(sets, pred, "pdf")
    return score_dirs(gold, pred).summary(), caption_leaks(gold, pred, score_script)


@pytest.mark.parametrize("metric", ["seg_F1", "exact", "para_F1", "title", "byline"])
def test_pdf_gate_floor(pdf_scored, metric):
    scored, _ = pdf_scored
    floor = FLOORS["pdf"]["floors"][metric]
    assert scored[metric] >= floor, f"PDF route {metric} {scored[metric]:.3f} fell below its floor"


def test_pdf_gate_no_caption_in_bodies(pdf_scored):
    _, leaks = pdf_scored
    assert leaks["captions"] > 0, "no page had a photo caption: the gate tests nothing"
    assert leaks["leaked_chars"] == 0, leaks


def test_eval_gate_no_spurious_spaces(scored):
    assert scored["spaces_per_10k"] <= FLOORS["floors"]["spaces_per_10k_max"]
