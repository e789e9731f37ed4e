"""Where jieba keeps its word list, found without importing jieba."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def jieba_word_list() -> Path | None:
    """jieba's ``dict.txt`` (a word, its count and its part of speech a line), or None
    where jieba is not installed.

    Readers of the list (the headline stage's word breaks, the OCR recheck's words, the
    facts' surname words) read the file themselves, each keeping what it needs: importing
    jieba would pull in pkg_resources and build its prefix table of every word, slower
    and several times the memory."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).with_name("dict.txt")
    return path if path.exists() else None
