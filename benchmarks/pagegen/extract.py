"""The real extractors, run on rendered PDFs.  Their output is never edited, except that the
form feed pdftotext puts after the last page is dropped (the parser reads \\f as a page break)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium

PDF_ROUTES = ("raw", "plain", "pdfium")


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def _pdftotext(pdf: Path, raw: bool) -> str:
    args = ["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")
    return text.removesuffix("\f")


def _pdfium(pdf: Path) -> str:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        page.close()
    finally:
        doc.close()
    return text


def extract(route: str, pdf: Path) -> str:
    """Text of a one-page PDF as the route's extractor gives it."""
    if route == "raw":
        return _pdftotext(pdf, raw=True)
    if route == "plain":
        return _pdftotext(pdf, raw=False)
    if route == "pdfium":
        return _pdfium(pdf)
    raise ValueError(f"not a PDF route: {route!r} (expected one of {PDF_ROUTES})")
