"""A second look at the marks the recogniser is unsure of, from its per-frame probabilities.

The recogniser (PP-OCRv4, a CTC model) scores every class in every frame of a line, a
frame being 8 pixels of the crop scaled to 48 pixels high; the engine keeps only each
frame's best class.  Its punctuation errors on newspaper type are of a few kinds, and in
each the right mark is there, close behind:

* the enumeration comma 、 set between two close-set characters (仁义礼智信 with 、) is
  a small mark in a narrow space, and the frames over it go to the blank: the blank
  wins with ~0.4 against ~0.4 for 、 (or the radical 丶, which looks the same);
* a full stop 。 next to the following sentence's first character is read as the
  middle dot ·, with 。 second (~0.4); a real · (约翰·基, 新春走基层·代表委员) has no
  weight on 。 at all;
* the Chinese ellipsis …… (six dots over two ems, set mid-height like ·) comes out as a
  run of · with … among them, or as a single …, the dots counted by the frames;
* a rare character (磋, 蔼) loses to the blank where its neighbours stand a glyph's
  room apart;
* a quotation mark set tight against a character goes to the blank (0.2-0.6 left on the
  quote classes; where no quote is missing, 0.2 or more only beside another quote);
* the two-em dash —— comes out as 一一 or —一: the dash class keeps 0.04-0.3 of the
  frames of a 一 that is half a dash, under 0.035 where 一一 is the word (一一对应).

Each of these fixes reads only the probabilities, never the words around the mark.  One
more reads the words: a character the recogniser was unsure of (under :data:`WORD_TOP`)
that makes no word of jieba's dictionary with its neighbours, where a close runner-up
does (芾 read as 带 in "米芾", 噎 as 壹 in "因噎废食", 于 as 干 in "对于"), is the
runner-up.  Every reading keeps a record of what was changed, for the reader's provenance.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..wordlist import jieba_word_list

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Reading", "decode", "read_lines"]

# measured on the frames of generated scans (150-300 dpi): over a dropped 、 the comma
# classes get 0.1-0.6 of a frame; on the lines of seven scans nothing was wrongly put
# back down to 0.08
COMMA_P = 0.1
# over a 。 read as · the full stop gets 0.1-0.45; over a true · under 0.01
STOP_P = 0.05
# a character the blank beat by a little over frames where the line has room for a
# glyph (a rare one, 磋, gets 0.2-0.43 against the blank's ~0.5; as for COMMA_P nothing
# was wrongly put back down to 0.08) ...
GLYPH_P = 0.15
# ... room: the characters either side this much further apart than the line's usual step
GLYPH_ROOM = 1.6
# a dot's frames (the dot classes together over this) ...
DOT_FRAME_P = 0.3
# ... this many around a lone · are the ellipsis's six dots: a · fills one or two frames
ELLIPSIS_FRAMES = 4
DOTS = "·•.…"  # marks the recogniser reads an ellipsis as
ELLIPSIS = "……"  # always two ems in Chinese type
COMMAS = "、丶"
# a 、 follows a character or a closing mark (“天价彩礼”、), never other punctuation or an
# opening mark, and comes before neither punctuation nor a closing mark
NOT_BEFORE_COMMA = "，。：；！？…,.:;!?（《“‘(["
NOT_AFTER_COMMA = "，。：；！？…,.:;!?）》”’)]"
# the dash class over the frames of either 一 of a pair that is the dash ——: measured 0.04-0.3
# on seven generated scans; 0.034 the most over a true 一一, and single 一 reach 0.15, so only
# pairs are read again (a single dash, 1857—1858, stays as read)
DASH_P = 0.04
DASH_LIKE = "一—"
# the quote classes together over a blank frame between two characters: measured on eight
# generated scans, 0.26-0.59 over six dropped quotes, 0.2 or more elsewhere only beside
# another quote mark (which is never doubled here)
QUOTE_P = 0.2
QUOTES = "“”‘’\"'"
# A character read with less than this probability (the most it held over its frames)
# is weighed against its runners-up with :data:`WORD_ALT` or more, by the words each
# makes.  On forty generated scans: the misread characters a runner-up made a word of
# were read with 0.24-0.88, the runner-up holding 0.04-0.49 (0.1 or more in 15 of 18);
# of the correct characters a runner-up would have made a word of, all but one had 0.9 or
# more or a runner-up under 0.1 (names: 娄峰 read as 数峰 at 0.06, 湍口镇 as 满口镇), or
# stood at a line's end, where the word runs on past the break (占|比, 干|休所).
WORD_TOP = 0.9
WORD_ALT = 0.1
# 一 and 丶 are strokes of other marks (the dash, the comma) that the fixes above read
NOT_A_WORD_FIX = "一丶"


@dataclass(frozen=True)
class Reading:
    """A recognised line: its text, the engine's score (the mean best probability of the
    frames it read a character from, as the engine computes it, before any fix) and the
    fixes this module made (e.g. ``"、 at frame 41 (0.38)"``)."""

    text: str
    score: float
    fixes: tuple[str, ...] = ()


def read_lines(recogniser: Any, crops: Sequence[np.ndarray]) -> list[Reading]:
    """Recognise BGR line crops with the engine's ``TextRecognizer``, batched as the engine
    batches them (by width, ``rec_batch_num`` at a time, each padded to the widest), and
    decode each line's frames with :func:`decode`."""
    import numpy as np
    charset = recogniser.postprocess_op.character
    ratios = [c.shape[1] / float(c.shape[0]) for c in crops]
    order = np.argsort(np.array(ratios))
    out: list[Reading] = [Reading("", 0.0)] * len(crops)
    _, height, width = recogniser.rec_image_shape[:3]
    step = recogniser.rec_batch_num
    for start in range(0, len(crops), step):
        batch = order[start:start + step]
        widest = max([width / height, *(ratios[i] for i in batch)])
        images = np.concatenate([recogniser.resize_norm_img(crops[i], widest)[np.newaxis] for i in batch])
        probs = recogniser.session(images.astype(np.float32))[0]
        for i, frames in zip(batch, probs):
            # the frames over the padding of a line narrower than the widest are not its own
            own = math.ceil(len(frames) * min(1.0, ratios[i] / widest))
            out[i] = decode(frames[:own], charset)
    return out


def decode(probs: np.ndarray, charset: Sequence[str]) -> Reading:
    """A line's text from its frames' class probabilities (frames x classes; class 0 the
    blank): the engine's greedy reading, then the second look described in the module
    docstring."""
    import numpy as np
    best = probs.argmax(axis=1)
    keep = best != 0
    keep[1:] &= best[1:] != best[:-1]
    frames = [int(f) for f in np.flatnonzero(keep)]
    if not frames:
        return Reading("", 0.0)
    score = float(np.mean(probs[frames, best[frames]]))
    marks = [(f, charset[best[f]]) for f in frames]
    fixes: list[str] = []
    marks = _dots(marks, probs, charset, fixes)
    marks = _lost_glyphs(marks, probs, best, charset, fixes)
    marks = _commas(marks, probs, best, charset, fixes)
    marks = _quotes(marks, probs, best, charset, fixes)
    marks = _dash_pairs(marks, probs, best, charset, fixes)
    marks = _words(marks, probs, best, charset, fixes)
    return Reading("".join(ch for _, ch in marks), score, tuple(fixes))


def _dots(marks: list[tuple[int, str]], probs: np.ndarray, charset: Sequence[str],
          fixes: list[str]) -> list[tuple[int, str]]:
    """Runs of dots read as an ellipsis, and a lone · the full stop came close on as 。."""
    stop = charset.index("。") if "。" in charset else -1
    dots = [charset.index(c) for c in DOTS if c in charset]
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(marks):
        end = k
        while end < len(marks) and marks[end][1] in DOTS:
            end += 1
        run = "".join(ch for _, ch in marks[k:end])
        if end - k >= 2 and ("·" in run or "…" in run) or run == "…":
            # the six dots of …… are read one or two per frame: however many, one mark
            out.append((marks[k][0], ELLIPSIS))
            if run != ELLIPSIS:
                fixes.append(f"{run} at frame {marks[k][0]} read as {ELLIPSIS}")
            k = end
            continue
        f, ch = marks[k]
        if ch in "·." and _dot_frames(marks, k, probs, dots) >= ELLIPSIS_FRAMES:
            fixes.append(f"{ch} at frame {f} over {_dot_frames(marks, k, probs, dots)} frames of dots read as {ELLIPSIS}")
            out.append((f, ELLIPSIS))
            k += 1
            continue
        if ch == "·" and stop >= 0 and probs[f, stop] >= STOP_P:
            fixes.append(f"· at frame {f} read as 。 ({probs[f, stop]:.2f})")
            ch = "。"
        out.append((f, ch))
        k += 1
    return out


def _dot_frames(marks: list[tuple[int, str]], k: int, probs: np.ndarray, dots: list[int]) -> int:
    """How many frames between the marks either side of mark ``k`` the dot classes hold
    :data:`DOT_FRAME_P` or more of."""
    lo = marks[k - 1][0] + 1 if k else 0
    hi = marks[k + 1][0] if k + 1 < len(marks) else len(probs)
    return int((probs[lo:hi][:, dots].sum(axis=1) >= DOT_FRAME_P).sum())


def _blank_gap(probs: np.ndarray, best: np.ndarray, f: int, end: int,
               classes: list[int] | None = None) -> np.ndarray:
    """The probabilities (of ``classes``, or all) over the frames between a mark at frame
    ``f`` and the next at ``end``, a copy with the frames that went to a character zeroed:
    a frame that went to a character is not the gap."""
    gap = probs[f + 1:end][:, classes] if classes is not None else probs[f + 1:end].copy()
    gap[best[f + 1:end] != 0] = 0
    return gap


def _lost_glyphs(marks: list[tuple[int, str]], probs: np.ndarray, best: np.ndarray, charset: Sequence[str],
                 fixes: list[str]) -> list[tuple[int, str]]:
    """A character put back where two neighbours stand a glyph's room apart
    (:data:`GLYPH_ROOM`) and one class held :data:`GLYPH_P` or more of a blank frame
    between them: the frames of a rare character the blank narrowly won."""
    import numpy as np
    if len(marks) < 3:
        return marks
    step = float(np.median(np.diff([f for f, _ in marks])))
    out: list[tuple[int, str]] = []
    for (f, ch), (g, after) in zip(marks, marks[1:]):
        out.append((f, ch))
        if g - f < GLYPH_ROOM * step:
            continue
        gap = _blank_gap(probs, best, f, g)
        gap[:, 0] = 0
        at, cls = np.unravel_index(int(gap.argmax()), gap.shape)
        found = charset[int(cls)]
        if gap[at, cls] >= GLYPH_P and found not in (ch, after) and found not in COMMAS + DOTS and found.strip():
            out.append((f + 1 + int(at), found))
            fixes.append(f"{found} at frame {f + 1 + int(at)} ({gap[at, cls]:.2f})")
    out.append(marks[-1])
    return out


def _commas(marks: list[tuple[int, str]], probs: np.ndarray, best: np.ndarray, charset: Sequence[str],
            fixes: list[str]) -> list[tuple[int, str]]:
    """A 、 put back where the blank frames between two characters gave the comma
    classes :data:`COMMA_P` or more."""
    comma = [charset.index(c) for c in COMMAS if c in charset]
    if not comma:
        return marks
    out: list[tuple[int, str]] = []
    for k, (f, ch) in enumerate(marks):
        out.append((f, ch))
        end = marks[k + 1][0] if k + 1 < len(marks) else len(probs)
        after = marks[k + 1][1][0] if k + 1 < len(marks) else ""
        if ch in COMMAS + NOT_BEFORE_COMMA or (after and after in COMMAS + NOT_AFTER_COMMA):
            continue
        gap = _blank_gap(probs, best, f, end, comma).sum(axis=1)
        if gap.size and gap.max() >= COMMA_P:
            at = f + 1 + int(gap.argmax())
            out.append((at, "、"))
            fixes.append(f"、 at frame {at} ({gap.max():.2f})")
    return out


def _dash_pairs(marks: list[tuple[int, str]], probs: np.ndarray, best: np.ndarray, charset: Sequence[str],
                fixes: list[str]) -> list[tuple[int, str]]:
    """A pair of 一 / — standing alone (no third beside them) read as the dash —— where one
    of them is a — or the dash class held :data:`DASH_P` or more of their frames."""
    if "—" not in charset:
        return marks
    dash = charset.index("—")
    out = list(marks)
    k = 0
    while k + 1 < len(out):
        pair = out[k][1] + out[k + 1][1]
        alone = (k == 0 or out[k - 1][1] not in DASH_LIKE) and (k + 2 == len(out) or out[k + 2][1] not in DASH_LIKE)
        if not (alone and len(pair) == 2 and pair[0] in DASH_LIKE and pair[1] in DASH_LIKE) or pair == "——":
            k += 1
            continue
        p = max(_class_over(probs, best, out[k][0], dash), _class_over(probs, best, out[k + 1][0], dash))
        if "—" in pair or p >= DASH_P:
            fixes.append(f"{pair} at frame {out[k][0]} read as —— ({p:.2f})")
            out[k], out[k + 1] = (out[k][0], "—"), (out[k + 1][0], "—")
        k += 2
    return out


def _class_over(probs: np.ndarray, best: np.ndarray, f: int, cls: int) -> float:
    """The most class ``cls`` held of the frames from ``f`` that read what frame ``f`` read."""
    g = f + 1
    while g < len(best) and best[g] == best[f]:
        g += 1
    return float(probs[f:g, cls].max())


def _quotes(marks: list[tuple[int, str]], probs: np.ndarray, best: np.ndarray, charset: Sequence[str],
            fixes: list[str]) -> list[tuple[int, str]]:
    """A quotation mark put back where the blank frames between two characters, neither of
    them a quote, gave the quote classes :data:`QUOTE_P` or more (its direction is set
    later from the context, as for every quote the recogniser reads)."""
    quote = [charset.index(c) for c in QUOTES if c in charset]
    if not quote:
        return marks
    out: list[tuple[int, str]] = []
    for k, (f, ch) in enumerate(marks):
        out.append((f, ch))
        if k + 1 == len(marks) or ch in QUOTES or marks[k + 1][1][:1] in QUOTES:
            continue
        end = marks[k + 1][0]
        gap = _blank_gap(probs, best, f, end, quote)
        if not gap.size:
            continue
        total = gap.sum(axis=1)
        if total.max() >= QUOTE_P:
            at = int(total.argmax())
            mark = charset[quote[int(gap[at].argmax())]]
            out.append((f + 1 + at, mark))
            fixes.append(f"{mark} at frame {f + 1 + at} ({total.max():.2f})")
    return out


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """Words of two to four characters of jieba's dictionary (its word list only, read
    once, ~0.4 s; empty where jieba is not installed)."""
    path = jieba_word_list()
    if path is None:
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(w for w in (line.split(" ", 1)[0] for line in fh) if 2 <= len(w) <= 4)


def _in_a_word(text: str, k: int, words: frozenset[str]) -> bool:
    """Is character ``k`` of ``text`` part of a dictionary word of two to four characters?"""
    return any(text[s:s + n] in words for n in (2, 3, 4) for s in range(max(0, k - n + 1), min(k, len(text) - n) + 1))


def _is_ideograph(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff" and ch not in NOT_A_WORD_FIX


def _words(marks: list[tuple[int, str]], probs: np.ndarray, best: np.ndarray, charset: Sequence[str],
           fixes: list[str]) -> list[tuple[int, str]]:
    """A character read with under :data:`WORD_TOP` that makes no dictionary word with
    its neighbours, replaced by the likeliest runner-up (:data:`WORD_ALT` or more) that
    does: the recogniser reads each character alone, and a rare one loses to a common
    look-alike (芾 to 带, 噎 to 壹).  A line's first and last characters are left: the
    line does not see the word they may make with the line before or after it."""
    import numpy as np
    chars = [ch for _, ch in marks]
    # (not the first or last mark: its word may run across the line break)
    unsure = [k for k, (f, ch) in enumerate(marks[1:-1], 1)
              if _is_ideograph(ch) and charset[best[f]] == ch and probs[f, best[f]] < WORD_TOP]
    if not unsure:
        return marks
    words = dictionary()
    if not words:
        return marks
    out = list(marks)
    for k in unsure:
        f, ch = out[k]
        g = f + 1
        while g < len(best) and best[g] == best[f]:
            g += 1
        held = probs[f:g].max(axis=0)
        if held[best[f]] >= WORD_TOP:
            continue  # (another frame of the character was sure of it)
        # offsets in the joined text: a mark may be two characters (……)
        at = sum(len(c) for c in chars[:k])
        text = "".join(chars)
        if _in_a_word(text, at, words):
            continue
        for cls in np.argsort(-held)[1:6]:
            alt = charset[int(cls)]
            if held[cls] < WORD_ALT:
                break
            if _is_ideograph(alt) and _in_a_word(text[:at] + alt + text[at + 1:], at, words):
                fixes.append(f"{alt} for {ch} at frame {f} ({held[cls]:.2f} against {held[best[f]]:.2f}): a word")
                out[k] = (f, alt)
                chars[k] = alt
                break
    return out
