"""Pausing the cyclic garbage collector around work that makes many small objects and no cycles."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Reading a page and parsing it make a few small objects per character or line
    (character boxes, lines, spans, measured and labelled lines) and no reference
    cycles: reference counting frees them all.  The collector, woken every 700
    allocations, scanned them for cycles and found none: about 6% of a text page's
    parse and 5-8% of a PDF page's reading (timed with ``gc.callbacks`` and by
    turns with it on and off).  It runs as usual afterwards; one that the caller had
    switched off stays off.  Process-wide: another thread's work in the same
    minutes runs with it paused too (only fuller, never wrong).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
