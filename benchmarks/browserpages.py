"""Pages typeset by a browser engine: a layout banmian's own page generator did not make.

    python -m benchmarks.browserpages --n 60 --seed 1 --out benchmarks/out/browser-s1

Corpus articles are laid out as an HTML page — a running head, rows of article blocks, each
body set in CSS columns with a 2 em first-line indent, headline fields in display sizes, a
stand-alone byline line or an inline one, an editors' line at the foot — printed to PDF by
headless Chromium and extracted by ``pdftotext -raw``, plain ``pdftotext`` and pypdfium2; each
text gets its gold beside it (the format of examples/leshan-daily-p1.gold.json).

Chromium breaks lines by its own CJK rules (no full stop opening a line, justification
between characters), sizes and wraps headlines its own way and draws the page in its own
order: none of it is :mod:`benchmarks.pagegen`'s, so scores here tell how far the parser's
rules carry to pages made by other hands.  ``bench_browser.py`` parses and scores them.

The corpus is © its publisher: it is read from ../shared, never copied.  Without the corpus,
Chromium or pdftotext this prints why and does nothing.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .pagegen.byline import dress
from .pagegen.compose import is_heading
from .pagegen.corpus import REPO_ROOT, Story, corpus_path, load_stories
from .pagegen.extract import PDF_ROUTES, extract
from .pagegen.furniture import cn_number, date_line, invented_name
from .pagegen.gold import check_chars

CHROMIUM = "/usr/bin/chromium"
FONTS = '"WenQuanYi Zen Hei", "AR PL UMing TW", "Noto Sans CJK SC", sans-serif'
HEAD_AFTER = 0.3  # share of articles whose headline is written after their body
SECTIONS = ("要闻", "经济", "社会", "国际", "文化", "评论", "地方", "理论", "视点", "生态")


@dataclass
class Block:
    """One article as set: the gold record and its HTML."""

    gold: dict[str, object]
    html: str
    chars: int


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _article(rng: random.Random, story: Story, span: int, budget: int, n: int, column_mm: float,
             gap_mm: float, head_after: bool = False) -> Block:
    """An article block ``span`` page columns of ``column_mm`` wide, its body cut after whole paragraphs at
    about ``budget`` characters (a page holds what fits; the rest is not printed)."""
    dressed = dress(story.paragraphs[0], story.inline, story.standalone, rng)
    paras = [dressed.first_paragraph, *story.paragraphs[1:]]
    kept: list[str] = []
    for p in paras:
        if kept and sum(map(len, kept)) + len(p) > budget:
            break
        kept.append(p)
    kicker = story.kicker if rng.random() < 0.8 else None
    subtitle = story.subtitle if rng.random() < 0.8 else None
    align = rng.choice(["center", "left", "left"])
    title_pt = rng.choice([18, 20, 22, 24, 26, 28]) if span > 1 else rng.choice([16, 18, 20])
    head = [f'<div class="kicker" style="text-align:{align}">{_esc(kicker)}</div>' if kicker else "",
            f'<h1 style="font-size:{title_pt}pt;text-align:{align}">{_esc(story.title)}</h1>',
            f'<div class="subtitle" style="text-align:{align}">{_esc(subtitle)}</div>' if subtitle else ""]
    byline = dressed.byline
    if dressed.standalone_line:
        head.append(f'<div class="byline">{_esc(dressed.standalone_line)}</div>')
    measure = 14
    body = []
    for k, p in enumerate(kept):
        cls = ' class="heading"' if k and is_heading(p, measure) else ""
        body.append(f"<p{cls}>{_esc(p)}</p>")
    rule = "column-rule:0.4pt solid #888;" if rng.random() < 0.3 else ""
    width = span * column_mm + (span - 1) * gap_mm
    body_div = f'<div class="body" style="column-count:{span};column-gap:{gap_mm}mm;{rule}">{"".join(body)}</div>'
    if head_after:
        # the headline shown above its body but drawn after it, as some e-paper producers
        # do (extractors that follow the drawing order print it last): a hidden copy keeps
        # its room, and the one drawn is positioned there, which paints it after the flow
        heads = "".join(head)
        block = (f'<div class="article" style="width:{width:.2f}mm;position:relative;z-index:0">'
                 f'<div style="visibility:hidden">{heads}</div>{body_div}'
                 f'<div style="position:absolute;top:0;left:0;right:0">{heads}</div></div>')
    else:
        block = f'<div class="article" style="width:{width:.2f}mm">{"".join(head)}{body_div}</div>'
    gold = {"id": f"a{n}", "kicker": kicker, "title": story.title, "subtitle": subtitle, "byline": byline,
            "dateline": dressed.dateline, "paragraphs": kept, "continued_to": None, "continued_from": None}
    return Block(gold, block, sum(map(len, kept)))


def _page_html(blocks: list[list[Block]], head: list[str], foot: list[str], width_mm: float, body_pt: float,
               line: float, masthead: str | None, gap_mm: float, height_mm: float = 2000.0) -> str:
    css = f"""
@page {{ size: {width_mm + 24:.1f}mm {height_mm:.1f}mm; margin: 12mm; }}
body {{ font-family: {FONTS}; font-size: {body_pt}pt; line-height: {line}; margin: 0; }}
.runhead {{ display: flex; justify-content: space-between; border-bottom: 1pt solid #000;
            font-size: {body_pt + 1}pt; margin-bottom: 3mm; }}
.masthead {{ font-size: 40pt; text-align: center; margin-bottom: 2mm; }}
.row {{ display: flex; gap: {gap_mm}mm; border-bottom: 0.5pt solid #000; padding: 3mm 0; }}
.article {{ flex: none; }}
.kicker {{ font-size: {body_pt + 3}pt; }}
h1 {{ font-weight: bold; margin: 1mm 0; line-height: 1.25; }}
.subtitle {{ font-size: {body_pt + 3}pt; margin-bottom: 1mm; }}
.byline {{ font-size: {body_pt}pt; margin: 1mm 0; }}
.body {{ text-align: justify; margin-top: 2mm; }}
.body p {{ margin: 0; text-indent: 2em; }}
.body p.heading {{ text-indent: 0; font-weight: bold; }}
.foot {{ margin-top: 3mm; font-size: {body_pt - 1}pt; }}
"""
    parts = [f'<div class="masthead">{_esc(masthead)}</div>' if masthead else "",
             '<div class="runhead">' + "".join(f"<span>{_esc(h)}</span>" for h in head) + "</div>"]
    parts += ['<div class="row">' + "".join(b.html for b in row) + "</div>" for row in blocks]
    parts.append('<div class="foot">' + "　".join(_esc(f) for f in foot) + "</div>")
    return f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head><body>{"".join(parts)}</body></html>'


def _content_mm(pdf: Path) -> float:
    """How far down the first page its text runs, in mm from the top edge."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        height = page.get_height()
        textpage = page.get_textpage()
        lowest = min((textpage.get_charbox(i)[1] for i in range(textpage.count_chars())), default=height)
        return (height - lowest) * 25.4 / 72
    finally:
        doc.close()


def _render(page_html: str, pdf: Path) -> int:
    """Print the page with headless Chromium; the number of PDF pages it took."""
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page_html, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp}/profile",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", src.as_uri()],
                       capture_output=True, check=True, timeout=120)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def make_page(index: int, seed: int, stories: list[Story], out: Path) -> list[str]:
    """Lay out, print and extract one page; returns what was written or skipped, a line each."""
    rng = random.Random(f"{seed}:{index}")
    number = rng.randint(1, 20)
    date = rng.choice(stories).date
    n_cols = rng.randint(3, 8)
    body_pt = rng.choice([9.0, 9.5, 10.0, 10.5])
    # a column holds 12 to 20 characters, as a newspaper's do (a hair over, so that
    # rounding never pushes the last one to the next line)
    chars = rng.randint(12, 20)
    column_mm = chars * body_pt * 25.4 / 72 + 0.3
    gap_mm = rng.choice([3.0, 4.0, 5.0])
    width_mm = n_cols * column_mm + (n_cols - 1) * gap_mm
    order_rng = random.Random(f"{seed}:{index}:order")  # (apart: the other draws stay as they were)
    rows: list[list[Block]] = []
    n = 0
    for _ in range(rng.randint(1, 3)):
        spans = [n_cols] if rng.random() < 0.35 else _split(rng, n_cols)
        row = []
        for span in spans:
            n += 1
            story = rng.choice(stories)
            # (columns 15 to 60 lines deep, as a newspaper's are, where the story is long enough)
            row.append(_article(rng, story, span, span * chars * rng.randint(15, 60), n, column_mm, gap_mm,
                                order_rng.random() < HEAD_AFTER))
        rows.append(row)
    section = rng.choice(SECTIONS)
    head = rng.choice([[f"{section}", f"第{number}版", date_line(date)],
                       [date_line(date), f"第{cn_number(number)}版", section],
                       [f"{number:02d}", section, date_line(date)]])
    foot = [f"本版责编：{invented_name(rng)}", f"版式设计：{invented_name(rng)}"][:rng.randint(1, 2)]
    masthead = "人民日报" if number == 1 else None
    furniture = ([masthead] if masthead else []) + head + foot
    articles = [b.gold for row in rows for b in row]
    name = f"b{index:04d}"
    pdf = out / f"{name}.pdf"
    leading = rng.choice([1.45, 1.55, 1.7])
    pages = _render(_page_html(rows, head, foot, width_mm, body_pt, leading, masthead, gap_mm), pdf)
    if pages == 1:
        # printed again on a page as tall as its text, as a newspaper page is filled
        height = _content_mm(pdf) + 16.0
        pages = _render(_page_html(rows, head, foot, width_mm, body_pt, leading, masthead, gap_mm, height), pdf)
    if pages != 1:
        pdf.unlink()
        return [f"{name}: skipped, printed on {pages} pages"]
    done = []
    for route in (*PDF_ROUTES, "pdf"):
        # (the PDF itself is the "pdf" route's page: its gold's chars are checked on pypdfium2's text)
        text = extract(route if route != "pdf" else "pdfium", pdf)
        source = f"{name}.pdf" if route == "pdf" else f"{name}-{route}.txt"
        gold = {"source": source, "paper": "人民日报", "page_number": number, "date": date,
                "route": route, "page_furniture": furniture, "articles": articles}
        problem = check_chars(text, gold)
        if problem:
            done.append(f"{name}-{route}: skipped, {problem}")
            continue
        if route != "pdf":
            (out / source).write_text(text, encoding="utf-8")
        (out / f"{name}-{route}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                       encoding="utf-8")
        done.append(f"{name}-{route}: {len(articles)} articles")
    return done


def _split(rng: random.Random, n_cols: int) -> list[int]:
    """Page columns shared out among two or three articles side by side, each at least two."""
    parts = 2 if n_cols < 6 else rng.choice([2, 2, 3])
    cuts = sorted(rng.sample(range(2, n_cols - 1), parts - 1)) if n_cols - 3 >= parts - 1 else [n_cols // 2]
    edges = [0, *cuts, n_cols]
    spans = [b - a for a, b in zip(edges, edges[1:])]
    return spans if min(spans) >= 2 else [n_cols]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.browserpages", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="pages to lay out (each extracted three ways)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "browser")
    ap.add_argument("--corpus", default=None)
    args = ap.parse_args(argv)
    corpus = corpus_path(args.corpus)
    missing = [what for what, ok in (("the corpus", corpus.exists()), ("chromium", Path(CHROMIUM).exists()),
                                     ("pdftotext", shutil.which("pdftotext") is not None)) if not ok]
    if missing:
        print(f"skipped: needs {', '.join(missing)}")
        return 0
    stories = load_stories(corpus, lambda text: True)  # (glyphs are checked on the extracted text)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    written = 0
    for i in range(args.n):
        for line in make_page(i, args.seed, stories, args.out):
            written += "skipped" not in line
            if "skipped" in line:
                print(line)
    print(f"{written} texts with their golds -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
