"""Argument types the command lines share (``banmian parse|facts|ingest|search|export``).

Here, below every layer, so that the facts command (in :mod:`banmian.extract`) and the
archive's commands check a date the same way without importing each other.

>>> iso_date("2024-7-9")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: '2024-7-9' is not a date like 2024-07-09
>>> iso_date("2024-07-09"), issue_date("2024-07-09")
('2024-07-09', datetime.date(2024, 7, 9))
"""
from __future__ import annotations

import argparse
from datetime import date


def issue_date(s: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a date like 2024-07-09") from None


def iso_date(s: str) -> str:
    """:func:`issue_date`, given back as its normalised text."""
    return issue_date(s).isoformat()
