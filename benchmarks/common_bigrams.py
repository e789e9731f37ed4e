"""Regenerate ``src/banmian/stages/common_bigrams.txt``: the character bigrams found in
the most articles of the People's Daily dev corpus, which lexical cohesion leaves out.

    python -m benchmarks.common_bigrams [--top 400] [--check]

Two articles share bigrams such as 发展, 中国, 工作, 的一 whatever they are about, and
so do two sections of one article: they blur the one difference cohesion is read for
(:func:`banmian.stages.cohesion.cohesion`).  Measured on the corpus (stop list made on
one half, cuts taken on the other; each side 40 column lines of 16 characters): at a
sub-heading inside an article against the seam between two articles,

=========================  ======================  ===========================
bigrams left out           sub-headings cut (FP)   article seams found
=========================  ======================  ===========================
none, cohesion < 0.03      2.9%                    39%
top 400, cohesion < 0.02   2.6%                    80%
=========================  ======================  ===========================

The list is a frequency table (which bigrams, no text), sorted by how many articles
hold each, ties by the bigram.  ``--check`` exits 1 when the shipped file differs
from what the corpus gives (the tests run it where the corpus is present).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from banmian.stages.attach import bigrams

from benchmarks.common import CORPUS, ROOT

TARGET = ROOT / "src" / "banmian" / "stages" / "common_bigrams.txt"
HEADER = ("# The character bigrams in the most articles of the People's Daily 2019 dev corpus, most first:\n"
          "# lexical cohesion leaves them out.  Made by python -m benchmarks.common_bigrams; do not edit.\n")


def build(corpus: Path, top: int) -> str:
    df: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            df.update(bigrams("".join(json.loads(line).get("paragraphs") or [])))
    ranked = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return HEADER + "".join(f"{g}\n" for g, _ in ranked)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: needs {CORPUS}")
        return 0
    text = build(CORPUS, args.top)
    if args.check:
        same = TARGET.read_text(encoding="utf-8") == text
        print("common_bigrams.txt is up to date" if same else "common_bigrams.txt differs from the corpus")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {args.top} bigrams to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
