"""Bytes of a text dump -> :class:`~banmian.model.Page` objects.

Decodes UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), GB18030/GBK and
Big5, reports which it used, normalises line endings, splits pages at form feeds
(``pdftotext`` writes one per page) and refuses binary, empty or oversized input
with a message that names the file and the fix.  No character other than line
endings is changed: the no-character-lost guarantee starts here.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from itertools import accumulate
from operator import add

from ..errors import LimitError, ReadError
from ..model import Line, Page, make_lines
from ..settings import DEFAULT, Settings

# What the warning about a `pdftotext -layout` dump says (the pipeline reads it, so as not
# to warn of the same page twice)
LAYOUT_DUMP = "looks like `pdftotext -layout` output"

_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
# Control characters that never occur in a text dump; \t \n \f \v and the
# information separators (whitespace to Python) are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


@lru_cache(maxsize=65536)
def _common(ch: str) -> bool:
    """Is ``ch`` a character real page text is made of?

    ASCII, CJK punctuation, or a character among the 3,755 most common simplified
    (GB2312 level 1: lead byte 0xB0-0xD7) or ~5,400 most common traditional ones
    (Big5 level 1: lead byte 0xA4-0xC6).  Text decoded with the wrong codec is
    mostly rare characters, so this tells the right codec apart.
    """
    if ch.isascii():
        return ch.isprintable() or ch in "\n\r\t\f"
    o = ord(ch)
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027:
        return True
    for codec, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            b = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and lo <= b[0] <= hi:
            return True
    return False


def _plausibility(text: str) -> float:
    sample = text[:20000]
    return sum(map(_common, sample)) / len(sample) if sample else 0.0


def _best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    """Try the codecs a BOM-less, non-UTF-8 Chinese dump may be in; keep the most plausible."""
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be", "gb18030", "big5"):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0.8:
        return None
    return best[1], best[2]


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`ReadError` for binary or undecodable data.

    >>> decode_bytes("本报讯".encode("gb18030"))
    ('本报讯', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "乐山".encode())
    ('乐山', 'utf-8-sig')
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _best_legacy_decoding(data)
    if found is not None:
        return found
    # Mostly UTF-8 with a few broken bytes (a truncated download, a stray byte):
    # keep the text, mark the damage with U+FFFD, and say so.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad and bad <= max(4, len(lenient) // 200) and b"\x00" not in data:
        return lenient, f"utf-8 ({bad} undecodable byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD)"
    if b"\x00" in data:
        raise ReadError("looks like a binary file, not a text dump", path=path,
                        fix="pass the page's extracted text, or the PDF itself")
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed, "utf-8+gb18030"
    raise ReadError("unknown text encoding (not UTF-8, UTF-16, GB18030 or Big5)", path=path,
                    fix="convert it to UTF-8, e.g. `iconv -f ENCODING -t UTF-8`")


def _strict(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReadError(f"declares the {codec} encoding by its byte-order mark (BOM), but byte "
                        f"{exc.start} is not valid {codec}", path=path,
                        fix="re-save the file as UTF-8") from None


def _decode_mixed(data: bytes) -> str | None:
    """Files glued together from sources in different encodings: decode line by line."""
    out = []
    for raw in data.split(b"\n"):
        for codec in ("utf-8", "gb18030"):
            try:
                out.append(raw.decode(codec))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    return "\n".join(out)


def normalize_newlines(text: str) -> str:
    r"""CRLF, CR and Unicode line separators become ``\n``; nothing else changes.

    >>> normalize_newlines("乐山\r\n日报\r")
    '乐山\n日报\n'
    """
    return _LINE_BREAKS.sub("\n", text)


def split_lines(text: str, page: int = 0, offset_base: int = 0) -> tuple[Line, ...]:
    """Lines of ``text`` (split on ``\\n`` only: ``str.splitlines`` also splits on
    characters such as U+001C that a page may legitimately carry)."""
    lengths = list(map(len, text.split("\n")))
    if len(lengths) > 1 and not lengths[-1]:
        lengths.pop()  # the empty piece after a final newline is not a line (an empty text is one)
    # each line starts one past the end of the one before it (its newline)
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=offset_base))
    return make_lines(page, starts, list(map(add, starts, lengths)))


# Two runs of Chinese text three or more spaces apart: columns side by side on one line.
# Justification never leaves more than a space or two between characters (measured on
# the generated dumps of every extractor and the example page: no such line; in
# `pdftotext -layout` dumps of the same pages, 22-90% of the lines).
_COLUMN_GAP = re.compile(r"[\u4e00-\u9fff，。、；：！？”）》]\s{3,}[\u4e00-\u9fff“（《]")
SIDE_BY_SIDE_SHARE = 0.15


def looks_side_by_side(text: str) -> bool:
    """Is ``text`` a layout-preserving dump, several columns on each line?

    >>> looks_side_by_side("记者从市商务局了解到，    国务院总理李克强10月\\n" * 6)
    True
    >>> looks_side_by_side("记者从市商务局了解到，今年以来全市网络\\n零售额实现较快增长。\\n" * 6)
    False
    """
    if "   " not in text and "\u3000\u3000\u3000" not in text:  # (most dumps: one scan in C)
        return False
    lines = [ln for ln in text.split("\n") if len(ln.strip()) >= 6]
    hits = sum(1 for ln in lines if _COLUMN_GAP.search(ln.strip()))
    return hits >= 5 and hits >= SIDE_BY_SIDE_SHARE * len(lines)


def pages_from_text(text: str, source: str = "<text>", *, encoding: str = "utf-8",
                    first_index: int = 0, settings: Settings = DEFAULT) -> list[Page]:
    """Split decoded text into pages at form feeds; whitespace-only pages are dropped
    (``pdftotext`` ends every page, the last one included, with ``\\f``)."""
    text = normalize_newlines(text)
    pages: list[Page] = []
    for chunk in text.split("\f"):
        if not chunk.strip():
            continue
        index = first_index + len(pages)
        lines = split_lines(chunk, page=index)
        if len(lines) > settings.max_lines:
            raise LimitError(f"page {len(pages) + 1} has {len(lines):,} lines, over the limit of "
                             f"{settings.max_lines:,}", path=source,
                             fix="raise max_lines in banmian.toml or split the file into pages")
        longest = max(map(len, chunk.split("\n")))  # the lines' lengths, counted in C
        if longest > settings.max_line_chars:
            raise LimitError(f"a line of {longest:,} characters is over the limit of "
                             f"{settings.max_line_chars:,}; this is not a page's text",
                             path=source, fix="pass the extracted text of a page, one printed line per line")
        warnings: tuple[str, ...] = (f"{source}: decoded as {encoding}",) if "U+FFFD" in encoding else ()
        if looks_side_by_side(chunk):
            warnings += (f"{source}: page {len(pages) + 1} {LAYOUT_DUMP} (columns side "
                         "by side on one line), whose articles cannot be told apart; extract the text with "
                         "`pdftotext -raw`, or pass the PDF itself",)
        pages.append(Page(text=chunk, lines=lines, source=source, index=index, encoding=encoding,
                          warnings=warnings))
    if len(pages) > settings.max_pages:
        raise LimitError(f"{len(pages):,} pages, over the limit of {settings.max_pages:,}",
                         path=source, fix="raise max_pages in banmian.toml or split the issue")
    return pages


def read_txt(data: bytes, source: str = "<bytes>", *, first_index: int = 0,
             settings: Settings = DEFAULT) -> list[Page]:
    """Decode a text dump and return its pages (one per form-feed-separated chunk).

    >>> [p.encoding for p in read_txt("本报讯\\f第二版".encode("utf-16"))]
    ['utf-16', 'utf-16']
    """
    if len(data) > settings.max_bytes:
        raise LimitError(f"file is {len(data) / 1e6:.1f} MB, over the limit of "
                         f"{settings.max_bytes / 1e6:.0f} MB", path=source,
                         fix="raise max_bytes in banmian.toml or split the file")
    text, encoding = decode_bytes(data, source)
    if settings.strict and "U+FFFD" in encoding:
        raise ReadError(f"is not valid text in any supported encoding ({encoding})", path=source,
                        fix="repair the file, or drop strict = true to read it with the damage marked")
    if not text.strip():
        raise ReadError("is empty (no text on the page)", path=source,
                        fix="extract the page's text first, e.g. `pdftotext -raw page.pdf`")
    bad = len(_CONTROL.findall(text))
    if "\x00" in text or bad > max(8, len(text) // 100):
        raise ReadError(f"looks like a binary file ({bad} control characters)", path=source,
                        fix="pass the page's extracted text, or the PDF itself")
    return pages_from_text(text, source, encoding=encoding, first_index=first_index, settings=settings)
