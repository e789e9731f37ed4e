"""Outline: paragraphs -> a tree of :class:`~banmian.extract.facts.OutlineNode`.

Decisions and plans number their sections "一、" / "（一）" / "1." / "（1）" (and
"一是…" paragraphs).  Levels are assigned in order of first appearance, as a
reader does; a numbering style is used only when it counts up from one (it may
run on across parents: （一）…（七） under 二、 and 三、).  A node's title is the
paragraph after its label, up to the first full stop.

>>> paras = ["一、把握阶段性目标", "到2027年，…", "二、明确主攻方向", "（一）培育壮大先进制造业集群。实施…", "（二）推动农业产业全链条升级。以…"]
>>> [(n.label, n.title, [c.label for c in n.children]) for n in find_outline(paras)]
[('一、', '把握阶段性目标', []), ('二、', '明确主攻方向', ['（一）', '（二）'])]
"""
from __future__ import annotations

import re

from .facts import Loc, OutlineNode

_CN = "一二三四五六七八九十"
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"^(?P<n>[{_CN}]{{1,3}})、")),
    ("paren_cn", re.compile(rf"^[（(](?P<n>[{_CN}]{{1,3}})[）)]")),
    ("arabic", re.compile(r"^(?P<n>[0-9]{1,2})(?:[.．、](?![0-9]))")),
    ("paren_arabic", re.compile(r"^[（(](?P<n>[0-9]{1,2})[）)]")),
    ("shi", re.compile(rf"^(?P<n>[{_CN}]{{1,3}})是")),
    ("di", re.compile(rf"^第(?P<n>[{_CN}]{{1,3}})[，,、]")),
)


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(s) + 1


def _title(rest: str) -> str:
    m = re.search(r"[。；;！!？?]", rest)
    title = rest[:m.start()] if m else rest
    return title.strip().rstrip("：:")


def find_outline(paragraphs: list[str] | tuple[str, ...]) -> list[OutlineNode]:
    """The numbered outline of an article's paragraphs (empty when there is none)."""
    labelled: list[tuple[str, int, str, str, Loc]] = []  # style, number, label, title, loc
    offset = 0
    for para in paragraphs:
        stripped = para.lstrip()
        lead = len(para) - len(stripped)
        for style, rx in _STYLES:
            m = rx.match(stripped)
            if m:
                title = _title(stripped[m.end():])
                if title and len(title) <= 60:
                    start = offset + lead
                    labelled.append((style, _num(m.group("n")), m.group(0), title,
                                     Loc(start, start + m.end() + len(title))))
                break
        offset += len(para) + 1
    styles = _valid_styles(labelled)
    order: list[str] = []
    for style, *_ in labelled:
        if style in styles and style not in order:
            order.append(style)
    roots: list[dict] = []
    stack: list[tuple[int, dict]] = []
    for style, _n, label, title, loc in labelled:
        if style not in styles:
            continue
        level = order.index(style)
        node = {"label": label, "title": title, "loc": loc, "children": []}
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1]["children"] if stack else roots).append(node)
        stack.append((level, node))
    return [_freeze(n) for n in roots]


def _valid_styles(labelled: list[tuple[str, int, str, str, Loc]]) -> set[str]:
    """Styles whose numbers start at one and count up (restarts allowed), with ≥2 items."""
    ok = set()
    for style in {s for s, *_ in labelled}:
        nums = [n for s, n, *_ in labelled if s == style]
        if len(nums) < 2 or nums[0] != 1:
            continue
        if all(b == a + 1 or b == 1 for a, b in zip(nums, nums[1:])):
            ok.add(style)
    return ok


def _freeze(n: dict) -> OutlineNode:
    return OutlineNode(n["label"], n["title"], n["loc"], tuple(_freeze(c) for c in n["children"]))
