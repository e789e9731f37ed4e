"""Evaluation: our implementation of the independent scorer's metrics (``score_pages.py``).

>>> from banmian.eval import score_page
>>> score_page({"articles": [{"title": "环境固本", "paragraphs": ["环境似水。"]}]},
...            [{"title": "环境固本", "body": "环境似水。"}]).segF1
1.0
"""
from __future__ import annotations

from .golds import gold_page_sets
from .score import (PageScore, Report, format_table, score_dirs, score_page, split_sentences,
                    strip_byline_prefix, summary_line)

__all__ = ["PageScore", "Report", "format_table", "gold_page_sets", "score_dirs", "score_page",
           "split_sentences", "strip_byline_prefix", "summary_line"]
