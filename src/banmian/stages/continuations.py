"""Articles of an issue's pages -> continuations merged ("（下转第2版）" … "（上接第1版）").

The part on the later page is appended to the part that jumps to it; a
paragraph cut by the jump (no sentence end before the marker) is joined with
the first paragraph of the continuation.  A repeated short title over the
continuation becomes furniture ("jump_head"), so no printed character is lost.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Furniture, Paragraph, Text
from .reflow_cues import starts_article

_SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』）)》〉】]*$")


def _join(a: Paragraph, b: Paragraph) -> Paragraph:
    text = Text(a.text.value + b.text.value, a.text.spans + b.text.spans)
    return Paragraph(text, a.kind, a.lines + b.lines)


def merge_parts(first: Article, second: Article) -> Article:
    paras = list(first.paragraphs)
    rest = list(second.paragraphs)
    if (paras and rest and rest[0].kind == "body" and not _SENTENCE_END.search(paras[-1].text.value)
            and not starts_article(rest[0].text.value)):
        paras[-1] = _join(paras[-1], rest.pop(0))
    pages = tuple(dict.fromkeys(first.pages + second.pages))
    return replace(first, paragraphs=tuple(paras + rest), pages=pages,
                   continued_to=second.continued_to, byline=first.byline or second.byline,
                   headline_lines=first.headline_lines + second.headline_lines)


def link_continuations(pages_articles: list[list[Article]], numbers: Sequence[int | None]
                       ) -> tuple[list[Article], list[Furniture], list[str]]:
    """Merge jumped articles across pages; returns ``(articles, jump_heads, decisions)``."""
    by_number = {n: i for i, n in enumerate(numbers) if n is not None}
    taken: set[tuple[int, int]] = set()
    merged_into: dict[tuple[int, int], tuple[int, int]] = {}
    decisions: list[str] = []
    for pi, arts in enumerate(pages_articles):
        for ai, art in enumerate(arts):
            if art.continued_to is None:
                continue
            # The target page by its printed number; when the pages carry
            # no numbers we know of, any later page whose article says "上接" this page.
            targets = [by_number[art.continued_to]] if art.continued_to in by_number else \
                range(pi + 1, len(pages_articles))
            found = [(tp, j) for tp in targets if tp != pi for j, b in enumerate(pages_articles[tp])
                     if (tp, j) not in taken and b.continued_from is not None
                     and b.continued_from == numbers[pi]]
            if not found:
                continue
            tp, j = found[0]
            taken.add((tp, j))
            merged_into[(tp, j)] = (pi, ai)
            decisions.append(f"page {numbers[pi]} article {ai + 1} continues on page "
                             f"{numbers[tp]} article {j + 1}")
    # Resolve chains (p1 -> p2 -> p3) in page order.
    result: dict[tuple[int, int], Article] = {}
    heads: list[Furniture] = []
    for pi, arts in enumerate(pages_articles):
        for ai, art in enumerate(arts):
            key = (pi, ai)
            if key in merged_into:
                root = merged_into[key]
                while root in merged_into:
                    root = merged_into[root]
                heads.extend(Furniture(text, "jump_head", ()) for _, text in art.headline.fields())
                if art.byline is not None and not art.byline.inline and result[root].byline is not None:
                    heads.append(Furniture(art.byline.text, "byline", art.byline.lines))
                result[root] = merge_parts(result[root], art)
            else:
                result[key] = art
    return [result[k] for k in sorted(result)], heads, decisions
