"""Realistic test pages for banmian: laid-out newspaper pages, their extracted text, their truth.

Corpus articles are laid out on a broadsheet page (columns, CJK line breaking, justification,
headlines, bylines, furniture, jumps), rendered to PDF with an embedded font and run through a
real extractor (`raw`: pdftotext -raw, `plain`: pdftotext, `pdfium`: pypdfium2), or written out
directly with the artifacts of text dumps (`direct`).  The gold file is derived from the layout,
never from the extracted text, and every page is checked so that each non-space character of the
text sits in exactly one place of the gold; PDF routes are also checked for column text kept
together and in order (pages where the extractor broke that are skipped and counted).

    python -m benchmarks.pagegen --n 200 --seed 1 --out benchmarks/out/pages

Files (ROUTE is raw|plain|pdfium|direct):
  p0042-ROUTE.txt / .gold.json             one page
  i0042-ROUTE.p1.txt / .p2.txt / .gold.json a two-page jump issue ("kind": "issue")
  i0042p1-ROUTE.* / i0042p2-ROUTE.*         the same two pages, each as a single-page gold
  NAME.pdf                                  with --keep-pdf (PDF routes)

Gold format: that of ../shared/examples/leshan-daily-p1.gold.json, plus "route", and
"continued_from" on every article.  Issue golds carry "sources" (the two texts in order),
"page_numbers", "merged_article" (1-based) and "pages" on the merged article; a title repeated
over the continuation is listed in the issue's page_furniture.  Paragraphs keep spaces only
between half-width characters and inside a leading inline byline ("本报讯（记者 张清）").
"""
