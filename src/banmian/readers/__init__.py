"""Readers turn input files into :class:`~banmian.model.Page` objects.

The format is told from the bytes: ``%PDF`` (within the first 1024 bytes, where
readers find it) goes to :func:`read_pdf`, an image (PNG, JPEG, TIFF, GIF, BMP) to
:func:`read_image` (OCR, with the optional extra ``banmian[ocr]``), anything else is
a text dump for :func:`read_txt`.  All give the same ``Page`` objects to the same
pipeline; PDF and OCR pages also carry line boxes, font sizes and character boxes.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import LimitError, ReadError
from ..model import Page
from ..settings import DEFAULT, Settings
from .ocr import read_image
from .pdf import read_pdf
from .txt import decode_bytes, pages_from_text, read_txt

__all__ = ["decode_bytes", "file_kind", "image_kind", "is_pdf", "pages_from_text", "read_bytes", "read_image",
           "read_path", "read_pdf", "read_txt"]


def is_pdf(data: bytes) -> bool:
    """Does ``data`` start like a PDF?  (Readers accept junk before the header.)

    >>> is_pdf(b"%PDF-1.7\\n"), is_pdf("本报讯".encode())
    (True, False)
    """
    return data.startswith(b"%PDF") or b"%PDF-" in data[:1024]


IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"),
               (b"MM\x00*", "TIFF"), (b"GIF8", "GIF"), (b"BM", "BMP"))


def image_kind(data: bytes) -> str | None:
    """The image format ``data`` starts with (``"PNG"``, ``"JPEG"``, …), or ``None``."""
    return next((name for magic, name in IMAGE_MAGIC if data.startswith(magic)), None)


def file_kind(data: bytes) -> str:
    """``"pdf"``, ``"image"`` or ``"text"``: the reader :func:`read_bytes` gives ``data`` to.
    The name of the file is not asked: a scan saved as ``.txt`` is still a scan.

    >>> file_kind(b"%PDF-1.7"), file_kind("本报讯".encode()), file_kind(b"\\x89PNG\\r\\n\\x1a\\n")
    ('pdf', 'text', 'image')
    """
    if is_pdf(data):
        return "pdf"
    return "image" if image_kind(data) is not None else "text"


def read_bytes(data: bytes, source: str = "<bytes>", *, first_index: int = 0,
               settings: Settings = DEFAULT) -> list[Page]:
    """Pages from a file's bytes; the format is told from the content, not the name."""
    if is_pdf(data):
        return read_pdf(data, source, first_index=first_index, settings=settings)
    kind = image_kind(data)
    if kind is not None:
        if len(data) > settings.max_bytes:
            raise LimitError(f"file is {len(data) / 1e6:.1f} MB, over the limit of "
                             f"{settings.max_bytes / 1e6:.0f} MB", path=source,
                             fix="raise max_bytes in banmian.toml or scan at a lower resolution")
        return read_image(data, source, kind, first_index=first_index, settings=settings)
    return read_txt(data, source, first_index=first_index, settings=settings)


def read_path(path: str | Path, *, first_index: int = 0, settings: Settings = DEFAULT) -> list[Page]:
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError("is a folder, not a page file", path=str(p),
                            fix="pass the page files inside it")
        size = p.stat().st_size
        if size > settings.max_bytes:
            raise ReadError(f"file is {size / 1e6:.1f} MB, over the limit of {settings.max_bytes / 1e6:.0f} MB",
                            path=str(p), fix="raise max_bytes in banmian.toml or split the file")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file", path=str(p), fix="check the path") from None
    except PermissionError:
        raise ReadError("permission denied", path=str(p), fix="make the file readable") from None
    except OSError as exc:
        raise ReadError(f"cannot read ({exc.strerror or exc})", path=str(p),
                        fix="check the path and that it is a regular file") from None
    return read_bytes(data, str(p), first_index=first_index, settings=settings)
