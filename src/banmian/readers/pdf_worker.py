"""PDF bytes -> :class:`~banmian.readers.pdfium_chars.RawPage` per page, under a time limit.

PDFium can spin for minutes on a hostile page (form XObjects that draw each other
twice per level: 2^depth draws before ``FPDF_LoadPage`` returns) and a C call cannot
be interrupted from Python.  So the characters are read in a worker process
(``pdfium_chars.py --serve``), started on first use and kept for later files; when a
page takes longer than the limit the worker is killed, the caller gets
:class:`ExtractError` ``kind="timeout"``, and the next file starts a fresh worker.
A crash in PDFium (a segfault on a corrupt file) becomes ``kind="crashed"`` the same
way.  Where no worker can be started (no ``sys.executable``, no ``poll`` on pipes:
Windows) the characters are read in this process, without the guard.

One file at a time per process (PDFium is not thread-safe): a lock serialises callers.
"""
from __future__ import annotations

import atexit
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .pdfium_chars import RawPage

_CHILD = Path(__file__).with_name("pdfium_chars.py")
_LOCK = threading.Lock()
_STARTUP_S = 30.0  # Python + pypdfium2 start in ~0.1 s; a loaded machine can take seconds


class ExtractError(Exception):
    """``kind``: file / format / password / security / empty / timeout / crashed / internal / unknown;
    ``page``: 0-based page index where it happened, if on a page."""

    def __init__(self, kind: str, detail: str = "", page: int | None = None) -> None:
        super().__init__(kind, detail, page)
        self.kind = kind
        self.detail = detail
        self.page = page


class _Dead(Exception):
    """The worker's pipe closed: it exited or crashed."""


class _Late(Exception):
    """No reply within the time limit."""


class _NoWorker(Exception):
    """The worker process could not be started or did not come up."""


_PIPE_BYTES = 1 << 20  # Linux's default pipe-max-size for unprivileged processes


def _widen_pipe(fd: int) -> None:
    """Let a whole PDF or page (~100-400 KB) fit in the pipe: with the default 64 KB each
    message takes several round trips between the two processes, ~1 ms a page.  Where the
    size cannot be set (not Linux, a lower limit), the pipe stays as it is."""
    try:
        import fcntl  # POSIX only; F_SETPIPE_SZ: Linux only
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)  # type: ignore[attr-defined,unused-ignore]  # Linux only
    except (ImportError, AttributeError, OSError):
        pass


class _Worker:
    """A running ``pdfium_chars.py --serve`` process and its pipes."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        try:
            # -P: do not put the readers/ folder on the child's sys.path (its txt.py, pdf.py).
            self.proc = subprocess.Popen([sys.executable, "-P", str(_CHILD), "--serve"], bufsize=0,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, close_fds=True)
        except OSError as exc:
            raise _NoWorker(str(exc)) from None
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin = self.proc.stdin
        self.fd = self.proc.stdout.fileno()
        _widen_pipe(self.stdin.fileno())
        _widen_pipe(self.fd)
        self.poller = select.poll()  # not select(): it fails on descriptors past 1024
        self.poller.register(self.fd, select.POLLIN)
        try:  # it says "ready" once pypdfium2 is imported: a worker that cannot start is not a crash
            if self.receive(_STARTUP_S) != ("ready",):
                raise _Dead("unexpected greeting")
        except (_Dead, _Late) as exc:
            self.kill()
            raise _NoWorker(f"PDFium worker did not start: {exc!r}") from None

    def send(self, message: object) -> None:
        blob = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(struct.pack(">I", len(blob)) + blob)
        try:
            while view:
                view = view[self.stdin.write(view) or 0:]
        except (BrokenPipeError, OSError) as exc:
            raise _Dead(str(exc)) from None

    def receive(self, timeout_s: float) -> tuple:
        deadline = time.monotonic() + timeout_s
        size = struct.unpack(">I", self._read(4, deadline))[0]
        return pickle.loads(self._read(size, deadline))

    def _read(self, n: int, deadline: float) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0 or not self.poller.poll(left * 1000):
                raise _Late()
            chunk = os.read(self.fd, min(n - len(buf), 1 << 20))
            if not chunk:
                raise _Dead("worker exited")
            buf += chunk
        return bytes(buf)

    def kill(self) -> None:
        if self.owner != os.getpid():  # inherited across fork(): the parent's, not ours
            return
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()  # type: ignore[union-attr]
            except OSError:
                pass
        try:
            self.proc.wait(timeout=0.5)  # a worker idle on read() exits at EOF
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


_worker: _Worker | None = None


def _forget_after_fork() -> None:
    """In a forked child: drop the parent's worker (closing only our copies of its pipes, so
    it still sees end-of-file when the parent goes) and any lock held at the fork."""
    global _worker, _LOCK
    if _worker is not None:
        for stream in (_worker.proc.stdin, _worker.proc.stdout):
            try:
                stream.close()  # type: ignore[union-attr]
            except OSError:
                pass
    _worker, _LOCK = None, threading.Lock()


def shutdown() -> None:
    """Stop the worker process, if one runs (it also stops at exit; a later read starts another)."""
    global _worker
    with _LOCK:
        if _worker is not None:
            _worker.kill()
            _worker = None


atexit.register(shutdown)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


def isolation_available() -> bool:
    """Can the guarded worker process run here?"""
    return os.name == "posix" and bool(sys.executable) and _CHILD.exists()


def extract_pages(data: bytes, on_open: Callable[[int], None], on_page: Callable[[RawPage], None],
                  on_page_error: Callable[[int, str], None], *, max_pages: int, timeout_s: float,
                  isolate: bool | None = None) -> None:
    """Read every page of ``data``: ``on_open(page_count)`` first, then ``on_page`` or
    ``on_page_error`` per page, in order (no pages when the count is 0 or over ``max_pages``).

    Raises :class:`ExtractError`.  Exceptions from the callbacks propagate and end the
    worker (its reply stream is left unread), so callbacks should record, not raise.
    """
    if isolate is None:
        isolate = isolation_available()
    with _LOCK:
        if isolate:
            try:
                _extract_isolated(data, on_open, on_page, on_page_error, max_pages, timeout_s)
                return
            except _NoWorker:  # raised before any callback ran: read here, unguarded
                pass
        _extract_here(data, on_open, on_page, on_page_error, max_pages)


def _extract_isolated(data, on_open, on_page, on_page_error, max_pages: int, timeout_s: float) -> None:
    global _worker
    page: int | None = None  # the page the worker is on, for the error message
    finished = False
    worker = _worker
    try:
        for attempt in (1, 2):  # a worker that died since its last file is restarted once
            if worker is None or worker.owner != os.getpid() or worker.proc.poll() is not None:
                worker = _worker = _Worker()
            try:
                worker.send((data, max_pages))
                message = worker.receive(timeout_s)
                break
            except _Dead:
                worker.kill()
                worker = _worker = None
                if attempt == 2:
                    raise ExtractError("crashed", "PDFium worker exited while opening the file") from None
        assert worker is not None
        while True:
            tag = message[0]
            if tag == "error":
                finished = True  # the worker answered and is ready for the next file
                raise ExtractError(message[1], message[2], page)
            if tag == "open":
                on_open(message[1])
                page = 0
            elif tag == "page":
                raw = RawPage(*message[1])
                on_page(raw)
                page = raw.page + 1
            elif tag == "page_error":
                on_page_error(message[1], message[2])
                page = message[1] + 1
            elif tag == "done":
                finished = True
                return
            message = worker.receive(timeout_s)
    except _Late:
        raise ExtractError("timeout", "", page) from None
    except _Dead:
        raise ExtractError("crashed", "PDFium worker exited", page) from None
    finally:
        if not finished and _worker is not None:
            _worker.kill()  # mid-stream or stuck: only a fresh worker is in a known state
            _worker = None


def _extract_here(data, on_open, on_page, on_page_error, max_pages: int) -> None:
    from . import pdfium_chars
    try:
        doc = pdfium_chars.open_document(data)
    except pdfium_chars.OpenError as exc:
        raise ExtractError(exc.kind, exc.detail) from None
    try:
        count = len(doc)
        on_open(count)
        if 0 < count <= max_pages:
            for i in range(count):
                try:
                    raw = pdfium_chars.extract_page(doc, i)
                except pdfium_chars.pdfium.PdfiumError as exc:
                    on_page_error(i, str(exc))
                    continue
                on_page(raw)
    finally:
        doc.close()
