"""Generated page PDFs -> scan-like PNGs for the OCR route, gold copied beside each.

    python -m benchmarks.pagegen.scans --pdfs DIR --out DIR [--seed 1]

Each page is rendered in grey at a resolution drawn from :data:`DPIS` and made to look
mildly scanned: turned by at most :data:`MAX_TURN` degrees, softened (a small Gaussian
blur, as JPEG compression and a scanner's optics do) and speckled with faint Gaussian
noise.  All of it stays mild: the point is to measure the reader on ordinary scans, not
on damaged ones.  The choices depend only on the seed and the file name, so a page
always becomes the same scan.  The PNG records its dpi, as scanners write it.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

DPIS = (150, 200, 250, 300)
MAX_TURN = 0.3  # degrees
BLUR = (0.3, 0.7)  # Gaussian blur radius in pixels at 200 dpi (scaled with the dpi)
NOISE = (2.0, 6.0)  # standard deviation of the grey-level noise


def render_scan(pdf: bytes, rng: random.Random):
    """A PIL grey image of the PDF's first page with scan-like defects, and its dpi."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    dpi = rng.choice(DPIS)
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        im = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    im = im.rotate(rng.uniform(-MAX_TURN, MAX_TURN), resample=Image.Resampling.BICUBIC, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(*BLUR) * dpi / 200))
    pixels = np.asarray(im, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0.0, rng.uniform(*NOISE), pixels.shape)
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8)), dpi


def make_scans(pdf_dir: Path, out: Path, seed: int = 1) -> list[Path]:
    """A PNG for every ``*.pdf`` in ``pdf_dir`` whose ``*.gold.json`` is there, into ``out``,
    the gold copied beside it (same name: the scorer pairs predictions by it)."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        gold = pdf.with_name(pdf.name.removesuffix(".pdf") + ".gold.json")
        if not gold.exists():
            continue  # pages of two-page issues: their gold is named after the issue
        im, dpi = render_scan(pdf.read_bytes(), random.Random(f"{seed}:{pdf.name}"))
        png = out / (pdf.stem + ".png")
        im.save(png, dpi=(dpi, dpi))
        shutil.copyfile(gold, out / gold.name)
        made.append(png)
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.pagegen.scans", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdfs", type=Path, required=True, help="folder of generated PDFs with their golds")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    made = make_scans(args.pdfs, args.out, args.seed)
    print(f"{len(made)} scans -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
