"""Pages of a paragraph to a line: the text of a page as a web page or a document gives it.

    python -m benchmarks.linepages --n 60 --seed 1 --out benchmarks/out/lines

No columns and no wrapping: a running head, then each article's headline fields a line
each, a stand-alone byline where the article has one, and its paragraphs a line each
(indented with two ideographic spaces, two ASCII spaces or nothing), with no blank line
or one after each paragraph and one more, or as many, after each article.  Each page's gold sits beside it.  The articles are cut after two to eight
paragraphs, so a page holds short pieces as well as long ones.

The corpus is © its publisher: it is read from ../shared, never copied.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

from .pagegen.byline import dress
from .pagegen.corpus import REPO_ROOT, Story, corpus_path, load_stories
from .pagegen.furniture import date_line


def make_page(index: int, seed: int, stories: list[Story], out: Path) -> str:
    """Write page ``index`` and its gold; returns its name."""
    rng = random.Random(f"lines:{seed}:{index}")
    story = rng.choice(stories)
    number = rng.randint(1, 20)
    furniture = ["人民日报", date_line(story.date), f"第{number}版"]
    lines = [*furniture, ""]
    indent = rng.choice(["　　", "  ", ""])
    # blank lines after each paragraph, and after each article: one more, or (a page that
    # parts everything alike) as many
    para_gap = rng.choice([0, 0, 1])
    article_gap = para_gap + (0 if rng.random() < 0.25 else 1)
    articles = []
    for n in range(rng.randint(2, 5)):
        story = rng.choice(stories)
        dressed = dress(story.paragraphs[0], story.inline, story.standalone, rng)
        paras = [dressed.first_paragraph, *story.paragraphs[1:]][:rng.randint(2, 8)]
        kicker = story.kicker if rng.random() < 0.7 else None
        subtitle = story.subtitle if rng.random() < 0.7 else None
        lines += [f for f in (kicker, story.title, subtitle, dressed.standalone_line) if f]
        for k, p in enumerate(paras):
            lines += [indent + p] + [""] * (para_gap if k + 1 < len(paras) else max(article_gap, 1))
        articles.append({"id": f"a{n + 1}", "kicker": kicker, "title": story.title, "subtitle": subtitle,
                         "byline": dressed.byline, "dateline": dressed.dateline, "paragraphs": paras,
                         "continued_to": None, "continued_from": None})
    name = f"l{index:04d}-lines"
    (out / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = {"source": f"{name}.txt", "paper": "人民日报", "page_number": number, "date": story.date,
            "route": "lines", "page_furniture": furniture, "articles": articles}
    (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return name


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.linepages", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="pages to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "lines")
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args(argv)
    corpus = corpus_path(args.corpus)
    if not corpus.exists():
        print(f"skipped: needs the corpus ({corpus})")
        return 0
    stories = load_stories(corpus, lambda text: True)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    for i in range(args.n):
        make_page(i, args.seed, stories, args.out)
    print(f"{args.n} pages with their golds -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
