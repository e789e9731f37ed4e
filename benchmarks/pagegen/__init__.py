"""Realistic test pages for banmian: laid-out newspaper pages, their extracted text, their truth.

Corpus articles are laid out on a broadsheet page (columns, CJK line breaking, justification,
headlines, bylines, furniture, jumps), rendered to PDF with an embedded font and run through a
real extractor (`raw`: pdftotext -raw, `plain`: pdftotext, `pdfium`: pypdfium2), or written out
directly with the artifacts of text dumps (`direct`).  The gold file is derived from the layout,
never from the extracted text, and every page is checked so that each non-space character of the
text sits in exactly one place of the gold.

Run `python -m benchmarks.pagegen --help` from the repository root.
"""
