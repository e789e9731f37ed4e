"""Corpus -> clean `Story` records the page composer can lay out.

The corpus (People's Daily 2019, one JSON article a line) is copyrighted: it is read from
../shared at run time and never copied into the repository.  Articles whose truth would be
ambiguous on a printed page are left out: advertisements, info-graphic fragments, articles with
several stand-alone bylines inside, paragraphs with spaces between Chinese characters (the gold
convention removes those, so a parser could not be told which were printed), and articles using
characters the embedded fonts cannot draw.

A corpus row with ``"written": true`` (``benchmarks/data/local_news.jsonl``: short local reports
written for these benchmarks, in the shape a city daily prints them) is no scraped fragment:
the length floor that drops info-graphic figures is not applied to it.
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .byline import Inline, parse_inline, parse_standalone

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "corpora" / "rmrb-2019-dev.jsonl.gz"

_WS = re.compile(r"\s+")
_CJK_SPACE = re.compile(r"(?<=[^\x21-\x7e\s]) | (?=[^\x21-\x7e\s])")
_PHOTO_CREDIT = re.compile(r"(摄|^(?:本版)?制图：.*|^图片说明：.*|^数据来源：.*|^版式设计：.*|^(?:责任|本版)编辑：.*)$")


@dataclass(frozen=True, slots=True)
class Story:
    """One corpus article, whitespace-normalised (runs of spaces become one ASCII space)."""

    id: str
    date: str
    kicker: str | None
    title: str
    subtitle: str | None
    paragraphs: tuple[str, ...]          # paragraph 1 still carries its inline byline
    inline: Inline | None                # parsed inline byline of paragraph 1
    standalone: tuple[str, ...] | None   # reporters of a corpus stand-alone byline paragraph

    @property
    def text(self) -> str:
        """Everything the story prints: headline fields and paragraphs."""
        return "".join([self.kicker or "", self.title, self.subtitle or "", *self.paragraphs])

    @property
    def length(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def corpus_path(cli_value: str | None = None) -> Path:
    """--corpus beats $BANMIAN_CORPUS beats ../shared/corpora/… next to the repository."""
    value = cli_value or os.environ.get("BANMIAN_CORPUS")
    return Path(value) if value else DEFAULT_CORPUS.resolve()


def normalise(text: str | None) -> str | None:
    """Collapse whitespace runs (corpus uses NBSP / ideographic spaces) to one ASCII space."""
    if text is None:
        return None
    text = _WS.sub(" ", text).strip()
    return text or None


def _has_cjk_space(text: str) -> bool:
    return bool(_CJK_SPACE.search(text))


def _head_start(paras: list[str], byline: int, floor: int) -> int:
    """Where the headline lines above a stand-alone byline start: at most two short
    paragraphs without a full stop, not above `floor`."""
    k = byline
    while k > floor and byline - k < 2 and len(paras[k - 1]) <= 20 and not paras[k - 1].endswith("。"):
        k -= 1
    return k


def _sections(paras: list[str]) -> list[tuple[list[str], tuple[str, ...] | None, list[str]]]:
    """Split a paragraph list at stand-alone bylines into (headline lines, reporters, body).

    Feature pages print several short stories under one corpus title, each with its own
    headline ("毛里湖水 又见清澈") and stand-alone byline ("本报记者 刘 毅").  Without such
    bylines the whole list is one section with no headline lines.

    >>> _sections(["张鼓匠 摘了帽", "本报记者 白剑峰", "正文一。", "高升村 步步高", "本报记者 范昊天", "正文二。"])
    [(['张鼓匠 摘了帽'], ('白剑峰',), ['正文一。']), (['高升村 步步高'], ('范昊天',), ['正文二。'])]
    """
    marks = [i for i, p in enumerate(paras) if parse_standalone(p)]
    if not marks:
        return [([], None, paras)]
    starts = [0] + [_head_start(paras, b, prev + 1) for prev, b in itertools.pairwise(marks)]
    ends = starts[1:] + [len(paras)]
    return [(paras[s:b], parse_standalone(paras[b]), paras[b + 1:e]) for s, b, e in zip(starts, marks, ends)]


def _stories(row: dict[str, Any], drawable: Callable[[str], bool]) -> list[Story]:
    written = bool(row.get("written"))  # an article written for the tests: no fragment to filter
    title = normalise(row.get("title"))
    if not title or title in {"广告"}:
        return []
    paras = [p for p in map(normalise, row.get("paragraphs") or []) if p and not _PHOTO_CREDIT.search(p)]
    kicker = normalise(row.get("kicker"))
    subtitle = normalise(row.get("subtitle"))
    sections = _sections(paras)
    out = []
    for n, (head, standalone, body) in enumerate(sections):
        k, t, st = kicker, title, subtitle
        if len(head) > 2 or (n and not head):
            continue
        if len(head) == 1:  # the corpus title is then a column label ("新春走基层")
            k, t, st = kicker or title, head[0], None
        elif len(head) == 2 and head[1].startswith("——"):
            k, t, st = kicker or title, head[0], head[1]
        elif len(head) == 2:
            k, t, st = head[0], head[1], None
        story = _story(f"{row['id']}#{n}" if len(sections) > 1 else str(row["id"]), str(row["date"]),
                       k, t, st, body, standalone, drawable, 0 if written else MIN_CHARS)
        if story is not None:
            out.append(story)
    return out


MIN_CHARS = 200  # a scraped article shorter than this is a fragment (an info-graphic's figures)


def _story(sid: str, date: str, kicker: str | None, title: str, subtitle: str | None,
           paras: list[str], standalone: tuple[str, ...] | None,
           drawable: Callable[[str], bool], min_chars: int = MIN_CHARS) -> Story | None:
    if not paras:
        return None
    inline = parse_inline(paras[0])
    first_body = inline.rest if inline else paras[0]
    if any(_has_cjk_space(p) for p in [first_body, *paras[1:]]):
        return None
    if inline and inline.who is not None and not inline.reporters:
        return None
    total = sum(len(p) for p in paras)
    short = sum(1 for p in paras if len(p) < 10)
    if total < min_chars or short > 0.3 * len(paras):
        return None  # info-graphic fragments ("7亿多", "1.7%") and lists of captions
    if not drawable("".join([title, kicker or "", subtitle or "", *paras])):
        return None
    return Story(id=sid, date=date, kicker=kicker, title=title, subtitle=subtitle,
                 paragraphs=tuple(paras), inline=inline, standalone=standalone)


def load_stories(path: Path, drawable: Callable[[str], bool]) -> list[Story]:
    """Read the corpus and keep the articles that can be laid out with a knowable truth."""
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")) as fh:
        rows: Iterable[dict[str, Any]] = (json.loads(line) for line in fh if line.strip())
        stories = [s for r in rows for s in _stories(r, drawable)]
    # The corpus holds some articles twice (252 of 3,898 rows, under other ids: a report
    # printed on two dates or pages); an issue built from both would print one twice.
    seen: set[tuple[str, str]] = set()
    unique = []
    for s in stories:
        key = (s.title, s.paragraphs[0])
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique
