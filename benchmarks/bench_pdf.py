"""The PDF route against the text route and pymupdf4llm, on the same generated PDFs:
accuracy (overall and per PDF variant), captions leaking into bodies, speed, memory.

    python -m benchmarks.bench_pdf [--n 150] [--seed 3] [--out benchmarks/out] [--regenerate]
                                   [--no-pymupdf4llm]

1. lays out ``--n`` units (about 1.1 pages each) from the People's Daily dev corpus
   (``../shared``) with ``benchmarks.pagegen --routes raw --keep-pdf --pdf-variants``: each page
   as a PDF (embedded or non-embedded CJK font, column rules, vertical titles, photos with
   captions, headlines drawn before or after bodies), beside the ``pdftotext -raw`` text of that
   PDF and its gold;
2. parses every page and two-page issue from the PDFs (``banmian`` reads them with PDFium), from
   the ``pdftotext -raw`` dumps (the text route), and with pymupdf4llm (each markdown heading
   starts an article: its title, the text up to the next heading its paragraphs), and scores
   all three with ``../shared/tools/score_pages.py``, overall and per variant;
3. counts caption characters that ended up inside predicted article text;
4. times, in one run on one core, PDF -> articles, ``pdftotext -raw`` alone, and
   ``pdftotext -raw`` + parse (the text route end to end), taking turns file by file,
   each file's best of 5 passes, and gives the ratios;
5. reports peak RSS for 1x and 10x the pages (this process and the PDFium worker).

pymupdf4llm (AGPL) is an optional benchmark dependency, never imported by ``banmian``: install
it by hand (``pip install pymupdf4llm pymupdf``); without it its column is left out with a
message.  Skips with a message (exit 0) when the corpus, the scorer or pdftotext is absent.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import CORPUS, ROOT, SCORER, load_scorer, memory_child, metric


def pdf_of(part: str) -> str:
    """The PDF the generator wrote for a text part: ``i0017-raw.p1.txt`` -> ``i0017p1-raw.pdf``,
    ``p0003-raw.txt`` -> ``p0003-raw.pdf``.

    >>> pdf_of("i0017-raw.p1.txt"), pdf_of("p0003-raw.txt")
    ('i0017p1-raw.pdf', 'p0003-raw.pdf')
    """
    stem = part.removesuffix(".txt")
    if ".p" in stem:
        base, k = stem.rsplit(".p", 1)
        unit, route = base.rsplit("-", 1)
        stem = f"{unit}p{k}-{route}"
    return f"{stem}.pdf"


def page_sets(gold_dir: Path) -> list[tuple[str, list[Path], list[Path]]]:
    """``(name, PDFs, text dumps)`` for every gold (a page or a two-page issue) in ``gold_dir``."""
    out = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        parts = gold["sources"] if gold.get("kind") == "issue" else [gold["source"]]
        pdfs = [gold_dir / pdf_of(p) for p in parts]
        if all(p.exists() for p in pdfs):
            out.append((name, pdfs, [gold_dir / p for p in parts]))
    return out


def parse_all(sets, pred_dir: Path, route: str) -> tuple[int, float]:
    """Parse every set from its PDFs (``route="pdf"``) or dumps (``"txt"``) into NAME.json;
    returns (pages, seconds)."""
    from banmian import parse_issue
    from banmian.serialize import issue_to_dict
    pred_dir.mkdir(parents=True, exist_ok=True)
    pages, spent = 0, 0.0
    for name, pdfs, txts in sets:
        data = [f.read_bytes() for f in (pdfs if route == "pdf" else txts)]
        t0 = time.perf_counter()
        d = issue_to_dict(parse_issue(data))
        spent += time.perf_counter() - t0
        pages += len(data)
        (pred_dir / f"{name}.json").write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    return pages, spent


def score_dir(scorer, gold_dir: Path, pred_dir: Path, names: set[str] | None = None) -> dict:
    """The scorer's summary over every gold in ``gold_dir`` (or those of ``names``)."""
    rows = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        if names is not None and gold_path.name.removesuffix(".gold.json") not in names:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = scorer.load_pred(str(pred_dir / gold_path.name.replace(".gold.json", ".json")))
        r = scorer.score_one(gold, pred)
        r["kind"] = gold.get("kind", "page")
        rows.append(r)
    return scorer.aggregate(rows)


def variant_groups(gold_dir: Path) -> dict[str, set[str]]:
    """Gold names by PDF variant label (``font=cid``, ``photos``, …; see pagegen/variants.py);
    ``all`` holds every gold."""
    from benchmarks.pagegen.variants import PdfVariant
    groups: dict[str, set[str]] = {"all": set()}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        groups["all"].add(name)
        v = json.loads(gold_path.read_text(encoding="utf-8")).get("variant")
        if v:
            for label in PdfVariant(**v).labels():
                groups.setdefault(label, set()).add(name)
    return groups


_MIN_PIECE = 4


def leaked_chars(caption: str, pred_text: str, gold_text: str) -> int:
    """Characters of ``caption`` found in predicted article text, in pieces of four or more
    characters that the page's gold article text does not contain (so "新华社记者" in a
    body is no leak, "新华社记者李敏摄" is).  Whitespace is ignored.

    >>> leaked_chars("图为近日，市民在果园采摘。 新华社发", "正文。图为近日，市民在果园采摘。", "正文。")
    13
    >>> leaked_chars("新华社记者 李敏摄", "新华社记者从会上获悉。", "新华社记者从会上获悉。")
    0
    """
    cap = "".join(caption.split())
    n, i = 0, 0
    while i < len(cap):
        for j in range(len(cap), i + _MIN_PIECE - 1, -1):
            piece = cap[i:j]
            if piece in pred_text and piece not in gold_text:
                n += j - i
                i = j
                break
        else:
            i += 1
    return n


def caption_leaks(gold_dir: Path, pred_dir: Path, scorer) -> dict[str, int]:
    """Caption characters inside predicted article text (headline fields excluded), over every
    single-page gold with captions."""
    out = {"caption_chars": 0, "leaked_chars": 0, "captions": 0, "leaked_captions": 0, "pages_with_leak": 0}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("kind") == "issue" or not gold.get("captions"):
            continue
        pred = scorer.load_pred(str(pred_dir / gold_path.name.replace(".gold.json", ".json"))) or []
        pred_text = "\n".join("".join(p.split()) for a in pred for p in a.raw_paras)
        gold_text = "\n".join("".join(p.split()) for a in gold["articles"] for p in a["paragraphs"])
        page_leak = 0
        for cap in gold["captions"]:
            k = leaked_chars(cap, pred_text, gold_text)
            out["caption_chars"] += len("".join(cap.split()))
            out["captions"] += 1
            out["leaked_captions"] += k > 0
            page_leak += k
        out["leaked_chars"] += page_leak
        out["pages_with_leak"] += page_leak > 0
    return out


def pymupdf4llm_available() -> bool:
    return importlib.util.find_spec("pymupdf4llm") is not None


_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_MD_NOISE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|!\[.*|<!--.*-->|\*\*==>.*<==\*\*|\|?[-:| ]+\|)$")
_MD_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


def markdown_articles(md: str) -> list[dict]:
    """pymupdf4llm markdown -> articles in the scorer's shape: each heading starts an article and
    is its title; the non-heading text after it, split at blank lines, is its paragraphs (text
    before the first heading is an untitled article).

    >>> markdown_articles("报头\\n\\n## **标题一**\\n\\n第一段。\\n接着。\\n\\n第二段。\\n\\n### 标题二\\n正文。")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'headline': {'title': None}, 'paragraphs': ['报头']},
     {'headline': {'title': '标题一'}, 'paragraphs': ['第一段。接着。', '第二段。']},
     {'headline': {'title': '标题二'}, 'paragraphs': ['正文。']}]
    """
    articles: list[dict] = []
    para: list[str] = []

    def close_para() -> None:
        if para:
            if not articles:
                articles.append({"headline": {"title": None}, "paragraphs": []})
            articles[-1]["paragraphs"].append("".join(para))
            para.clear()

    for raw in md.splitlines():
        line = _MD_EMPHASIS.sub("", raw.strip())
        m = _MD_HEADING.match(line)
        if m:
            close_para()
            articles.append({"headline": {"title": m.group(1).strip()}, "paragraphs": []})
        elif not line or _MD_NOISE.match(line):
            close_para()
        else:
            para.append(line)
    close_para()
    return articles


def parse_pymupdf4llm(sets, pred_dir: Path) -> tuple[int, float]:
    """The pymupdf4llm column: every PDF to markdown (no OCR: the pages have a text layer), the
    markdown to articles; returns (pages, seconds)."""
    import pymupdf4llm  # AGPL: an optional benchmark dependency, never imported by banmian
    pred_dir.mkdir(parents=True, exist_ok=True)
    pages, spent = 0, 0.0
    for name, pdfs, _ in sets:
        articles = []
        for pdf in pdfs:
            t0 = time.perf_counter()
            md = pymupdf4llm.to_markdown(str(pdf), use_ocr=False, show_progress=False)
            articles += markdown_articles(md)
            spent += time.perf_counter() - t0
            pages += 1
        (pred_dir / f"{name}.json").write_text(json.dumps({"articles": articles}, ensure_ascii=False),
                                               encoding="utf-8")
    return pages, spent


def time_routes(pdfs: list[Path], passes: int = 5) -> dict[str, float]:
    """Seconds for: PDF -> articles, read_pdf alone, pdftotext -raw alone, pdftotext -raw + parse.

    The routes take turns file by file, ``passes`` times over, and each route's time for a
    file is its best of the passes (other load on a shared machine only ever adds time,
    and a burst of it then hits no route's total): the totals are sums of those bests.
    """
    from banmian import parse_page, parse_text
    from banmian.readers import read_pdf
    from banmian.serialize import issue_to_dict
    parse_page(pdfs[0].read_bytes())  # start the PDFium worker outside the clock
    data = [p.read_bytes() for p in pdfs]
    keys = ("pdf_route", "read_pdf", "pdftotext", "text_parse")
    best = [dict.fromkeys(keys, float("inf")) for _ in pdfs]
    for _ in range(passes):
        for path, d, b in zip(pdfs, data, best):
            t0 = time.perf_counter()
            issue_to_dict(parse_page(d))
            t1 = time.perf_counter()
            read_pdf(d)
            t2 = time.perf_counter()
            dump = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                                  capture_output=True, check=True).stdout
            t3 = time.perf_counter()
            issue_to_dict(parse_text(dump.decode("utf-8").removesuffix("\f")))
            t4 = time.perf_counter()
            for key, dt in zip(keys, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                b[key] = min(b[key], dt)
    total = {k: sum(b[k] for b in best) for k in keys}
    total["text_route"] = total["pdftotext"] + total["text_parse"]
    return total


def _own_peak_rss_mb() -> float:
    """Peak RSS of this process since it was exec'd.  Linux's ru_maxrss keeps the RSS the
    parent had when it forked us (hundreds of MB once pymupdf4llm's models are loaded);
    VmHWM belongs to this process's own memory map."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_run(gold_dir: str, repeat: int) -> None:
    """Child process: parse every PDF ``repeat`` times; print peak RSS of this process and of
    the PDFium worker (a child: counted once it has exited)."""
    from banmian import parse_page
    from banmian.readers import pdf_worker
    from banmian.serialize import issue_to_dict
    pdfs = sorted(Path(gold_dir).glob("*.pdf"))
    for _ in range(repeat):
        for p in pdfs:
            issue_to_dict(parse_page(p.read_bytes()))
    pdf_worker.shutdown()
    print(json.dumps({"pages": len(pdfs) * repeat, "peak_rss_mb": _own_peak_rss_mb(),
                      "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def peak_rss(gold_dir: Path, repeat: int) -> dict:
    return memory_child("benchmarks.bench_pdf", gold_dir, repeat)


ROUTES = (("pdf", "PDF (banmian, PDFium)"), ("txt", "pdftotext -raw + text route"),
          ("pymupdf4llm", "pymupdf4llm (headings)"))
_HEADER = (f"{'':<30}{'golds':>6}{'seg F1':>7}{'exact':>7}{'para F1':>8}{'title':>7}{'hset':>7}"
           f"{'byline':>7}{'cont':>7}{'sp/10k':>7}")


def _row(label: str, s: dict) -> str:
    return (f"{label:<30}{s['pages'] + s['issues']:>6}{metric(s['seg_F1'])}{metric(s['exact'])}{metric(s['para_F1'])} "
            f"{metric(s['title'])}{metric(s['hset'])}{metric(s['byline'])}{metric(s['cont'])}{s['spaces_per_10k']:7.1f}")


def font_of(pdf: Path) -> str:
    """The variant font of a generated page (``embedded`` for pages without variants)."""
    gold = json.loads(pdf.with_name(f"{pdf.stem}.gold.json").read_text(encoding="utf-8"))
    return (gold.get("variant") or {}).get("font", "embedded")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=150, help="units to generate (default 150: ~165 pages)")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--regenerate", action="store_true", help="regenerate pages even if cached")
    ap.add_argument("--no-pymupdf4llm", action="store_true", help="leave out the pymupdf4llm column "
                    "(about 2 s a page)")
    ap.add_argument("--memory-child", help=argparse.SUPPRESS)
    ap.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.memory_child:
        memory_run(args.memory_child, args.repeat)
        return 0
    missing = [str(p) for p in (CORPUS, SCORER) if not p.exists()]
    if missing or not shutil.which("pdftotext"):
        print(f"skipped: needs {', '.join(missing) or 'pdftotext (poppler-utils)'}")
        return 0
    out = Path(args.out)
    gold_dir = out / f"pdf-variants-s{args.seed}-n{args.n}"
    if args.regenerate or not any(gold_dir.glob("*.pdf")):
        shutil.rmtree(gold_dir, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "benchmarks.pagegen", "--n", str(args.n), "--seed", str(args.seed),
                        "--out", str(gold_dir), "--routes", "raw", "--keep-pdf", "--pdf-variants",
                        "--corpus", str(CORPUS)], check=True, cwd=ROOT)
    sets = page_sets(gold_dir)
    scorer = load_scorer()
    routes = list(ROUTES)
    if args.no_pymupdf4llm or not pymupdf4llm_available():
        routes = routes[:2]
        print("pymupdf4llm column left out: " + ("--no-pymupdf4llm" if args.no_pymupdf4llm else
              "not installed (optional, AGPL: pip install pymupdf4llm pymupdf)"))
    groups = variant_groups(gold_dir)
    n_pages = len({pdf for _, pdfs, _ in sets for pdf in pdfs})
    print(f"== accuracy ({len(sets)} golds: {n_pages} PDF pages, two-page issues scored as pages and "
          f"as issues) — {SCORER.name}")
    summaries: dict[str, dict[str, dict]] = {}
    leaks: dict[str, dict[str, int]] = {}
    for route, _label in routes:
        pred_dir = out / f"pred-{route}-s{args.seed}-n{args.n}"
        shutil.rmtree(pred_dir, ignore_errors=True)
        if route == "pymupdf4llm":
            pages, spent = parse_pymupdf4llm(sets, pred_dir)
            print(f"(pymupdf4llm: {pages / spent:.2f} pages/s)")
        else:
            parse_all(sets, pred_dir, route)
        summaries[route] = {g: score_dir(scorer, gold_dir, pred_dir, names) for g, names in groups.items()}
        leaks[route] = caption_leaks(gold_dir, pred_dir, scorer)
    print(_HEADER)
    for route, label in routes:
        print(_row(label, summaries[route]["all"]))
    print("\n== per variant (golds that have it; a two-page issue counts under both pages' variant)")
    print(_HEADER)
    for g in sorted(groups, key=lambda g: (g == "all", g)):
        if g == "all":
            continue
        for route, _label in routes:
            print(_row(f"{g:<14}{route}", summaries[route][g]))
    print("\n== captions (single-page golds): caption characters inside predicted article text")
    for route, label in routes:
        k = leaks[route]
        print(f"{label:<30} {k['leaked_chars']:>5} of {k['caption_chars']} chars; {k['leaked_captions']} of "
              f"{k['captions']} captions; {k['pages_with_leak']} pages")
    pdfs = sorted(gold_dir.glob("*.pdf"))
    by_font: dict[str, list[Path]] = {}
    for pdf in pdfs:
        by_font.setdefault(font_of(pdf), []).append(pdf)
    times = {font: time_routes(group) for font, group in sorted(by_font.items())}
    t = {k: sum(ft[k] for ft in times.values()) for k in next(iter(times.values()))}
    n = len(pdfs)
    rate = {k: n / v for k, v in t.items()}
    print(f"\n== speed ({n} single-page PDFs, one core, side by side file by file, each file's best of 5;"
          " the PDFium worker runs while this process waits)")
    print(f"PDF -> articles (banmian):      {rate['pdf_route']:7.1f} pages/s  ({1000 * t['pdf_route'] / n:.1f} ms/page)")
    for font, ft in times.items():
        k = len(by_font[font])
        print(f"  {font + ' font pages':<28}  {k / ft['pdf_route']:7.1f} pages/s  "
              f"({1000 * ft['pdf_route'] / k:.1f} ms/page; pdftotext -raw {1000 * ft['pdftotext'] / k:.1f} ms/page)")
    print(f"  of which read_pdf:            {rate['read_pdf']:7.1f} pages/s  ({1000 * t['read_pdf'] / n:.1f} ms/page)")
    print(f"pdftotext -raw alone:           {rate['pdftotext']:7.1f} pages/s  ({1000 * t['pdftotext'] / n:.1f} ms/page)")
    print(f"pdftotext -raw + parse:         {rate['text_route']:7.1f} pages/s  ({1000 * t['text_route'] / n:.1f} ms/page)")
    print(f"time ratio PDF route / pdftotext -raw alone:  {t['pdf_route'] / t['pdftotext']:.2f} (target <= 2)")
    print(f"time ratio PDF route / text route end to end: {t['pdf_route'] / t['text_route']:.2f}")
    m1, m10 = peak_rss(gold_dir, 1), peak_rss(gold_dir, 10)
    print(f"peak RSS: {m1['peak_rss_mb']:.1f} MB for {m1['pages']} pages, {m10['peak_rss_mb']:.1f} MB for "
          f"{m10['pages']} pages; PDFium worker {m1['worker_peak_rss_mb']:.1f} / {m10['worker_peak_rss_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
