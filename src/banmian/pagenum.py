"""Printed page numbers: "2", "２", "二", "十二", "A3" -> int."""
from __future__ import annotations

_CN = "零一二三四五六七八九"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def page_number(s: str) -> int | None:
    """Read a page number as printed in a jump marker or 版次 line.

    >>> page_number("２"), page_number("十二"), page_number("A3")
    (2, 12, 3)
    """
    s = s.strip().translate(FULLWIDTH_DIGITS)
    digits = "".join(c for c in s if c.isdigit())
    if digits:
        return int(digits)
    if not s or any(c not in _CN + "十" for c in s):
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        return (_CN.index(a) if a else 1) * 10 + (_CN.index(b) if b else 0)
    return _CN.index(s[0])
