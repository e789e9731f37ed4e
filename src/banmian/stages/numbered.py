"""Numbered headings wrapped over several column lines (a pass of :func:`.layout.label_lines`).

A numbered heading too long for one line ("（一）以习近平…为指导，贯彻 / 落实…全面从严治党
战略部署") reads line by line like text; only the run as a whole, from a paragraph's start to
a short line without a sentence's end, shows it is a heading.
"""
from __future__ import annotations

from typing import Literal

from .normalize import LineInfo
from .shapes import PUNCT_ANY, SENTENCE_STOP, carried

Label = Literal["body", "heading", "head", "byline", "jump", "furniture"]

WRAPPED_HEADING_LINES = 4  # a numbered heading longer than this is a paragraph's text
WRAPPED_HEADING = "a numbered heading wrapped over full lines, ending without punctuation"


def wrapped_numbered(infos: list[LineInfo], widths: list[float], labels: list[Label],
                     why: list[str], indent: float) -> None:
    """A numbered heading too long for one column line ("（一）以习近平…为指导，贯彻 /
    落实…全面从严治党战略部署"): from a paragraph's start, full lines without a sentence's
    end run into a short line without one.  Paragraphs end with punctuation, so such a
    run is a stand-alone heading, though each line alone looked like text (a run-in
    heading closes with 。 and runs on into its paragraph: not this)."""
    n = len(infos)
    for i, x in enumerate(infos):
        if not x.numbered or labels[i] != "body" or x.terminal or SENTENCE_STOP.search(x.text):
            continue
        if i > 0 and labels[i - 1] == "body" and not infos[i - 1].terminal:
            continue  # mid-paragraph: a line that happens to open with a figure
        j = i
        while True:
            y = infos[j]
            if j > i and (labels[j] not in ("body", "head") or y.terminal or y.numbered
                          or SENTENCE_STOP.search(y.text)):
                break
            # (the first line may have dropped its indent)
            if y.max_width < widths[j] - 1.25 - carried(infos, j, widths[j]) - (indent if j == i else 0.0):
                # the short line ends the heading: text must follow it
                if j > i and j + 1 < n and labels[j + 1] == "body":
                    for k in range(i, j + 1):
                        labels[k] = "heading"
                        why[k] = WRAPPED_HEADING
                break
            # A heading may also end as full as its column, where the line after it opens the
            # paragraph that follows ("…以过硬作 / 风和本领扎实推动各项工作" over "加强思想政治
            # 建设。旗"): ideographs exactly an indent short, a mark inside them, none at their
            # end, and a full line running on under them.  (Without a mark it is the heading's
            # own tail, "…和日益 / 广泛的共同利益促使两国携手合作"; ending on one, an item's wrap,
            # "…大使职务；"; over a sentence's end, the tail too: "…、全面 / 覆盖、权威高效的监督
            # 体系" over "建立国家监察体系总体框架。")
            if (j > i and j + 1 < n and labels[j + 1] == "body" and (z := infos[j + 1]).pure and not z.indented
                    and abs(z.width - (widths[j + 1] - indent)) <= 0.25 and y.max_width >= widths[j] - 1.25
                    and not z.terminal and PUNCT_ANY.search(z.text, 0, len(z.text) - 1)
                    and not PUNCT_ANY.search(z.text, len(z.text) - 1)
                    and j + 2 < n and infos[j + 2].max_width >= widths[j + 2] - 1.25 and not infos[j + 2].terminal):
                for k in range(i, j + 1):
                    labels[k] = "heading"
                    why[k] = WRAPPED_HEADING
                break
            if j - i >= WRAPPED_HEADING_LINES - 1 or j + 1 >= n:
                break
            j += 1
