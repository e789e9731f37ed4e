"""The second look at unsure marks (:mod:`banmian.readers.ocr_recheck`), on frame
probabilities built by hand and on a rendered line read by the engine."""
from __future__ import annotations

from pathlib import Path

import pytest

from banmian.readers.ocr import ocr_available

np = pytest.importorskip("numpy")
from banmian.readers.ocr_recheck import ELLIPSIS, decode, read_lines  # noqa: E402

CHARSET = ["blank", *"约翰基说仁义礼智信、丶。·….，一磋商推动—群“”米芾带皮发现", " "]
WQY_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _frames(*columns: dict[str, float]) -> np.ndarray:
    """Frames x classes: each frame's named classes, the blank taking the rest."""
    probs = np.zeros((len(columns), len(CHARSET)), dtype=np.float32)
    for f, col in enumerate(columns):
        for ch, p in col.items():
            probs[f, CHARSET.index(ch)] = p
        probs[f, 0] = 1.0 - sum(col.values())
    return probs


def _line(*marks: str | dict[str, float]) -> np.ndarray:
    """A line of frames: a character is a sure frame then a blank one; a dict is one unsure
    frame as given."""
    cols: list[dict[str, float]] = []
    for m in marks:
        cols += [m, {}] if isinstance(m, dict) else [{m: 0.99}, {}]
    return _frames(*cols)


def test_recheck_puts_back_a_comma_the_blank_narrowly_won():
    reading = decode(_line("仁", {"丶": 0.3, "、": 0.1}, "义"), CHARSET)
    assert reading.text == "仁、义"
    assert reading.fixes and reading.fixes[0].startswith("、")
    # the engine's score is kept as it was: the mean of the characters it read
    assert reading.score == pytest.approx(0.99)


def test_recheck_leaves_the_gap_between_characters_that_is_only_a_gap():
    assert decode(_line("仁", {"、": 0.04}, "义"), CHARSET).text == "仁义"
    # never after other punctuation, nor at a line's start
    assert decode(_line("说", "，", {"、": 0.4}, "仁"), CHARSET).text == "说，仁"
    assert decode(_line({"、": 0.4}, "仁"), CHARSET).text == "仁"


def test_recheck_reads_a_dot_the_full_stop_came_close_on_as_a_full_stop():
    reading = decode(_line("说", {"·": 0.55, "。": 0.4}, "仁"), CHARSET)
    assert reading.text == "说。仁"


def test_recheck_keeps_the_dot_in_a_foreign_name():
    reading = decode(_line("约", "翰", {"·": 0.9, "。": 0.001}, "基"), CHARSET)
    assert (reading.text, reading.fixes) == ("约翰·基", ())


def test_recheck_reads_dots_spread_over_two_ems_as_an_ellipsis():
    assert decode(_line("说", "…", "·", "·", "仁"), CHARSET).text == f"说{ELLIPSIS}仁"
    assert decode(_line("说", "…", "仁"), CHARSET).text == f"说{ELLIPSIS}仁"
    # one · read, the five other dots' frames only close behind the blank
    spread = [{"·": 0.35}, {".": 0.3, "…": 0.1}, {"·": 0.6}, {}, {"·": 0.2, ".": 0.2}, {"…": 0.4}]
    assert decode(_frames({"说": 0.99}, {}, *spread, {"仁": 0.99}), CHARSET).text == f"说{ELLIPSIS}仁"
    # a decimal point stays
    assert decode(_line("一", ".", "一"), CHARSET).text == "一.一"


def test_recheck_reads_a_pair_of_strokes_the_dash_came_close_on_as_the_dash():
    reading = decode(_line("说", {"一": 0.85, "—": 0.1}, {"一": 0.9, "—": 0.05}, "仁"), CHARSET)
    assert reading.text == "说——仁" and reading.fixes[0].startswith("一一")
    assert decode(_line("说", "—", "一", "仁"), CHARSET).text == "说——仁"  # half read as the dash


def test_recheck_puts_back_a_quote_the_blank_narrowly_won():
    reading = decode(_line("说", {"“": 0.25, "”": 0.05}, "仁", "义"), CHARSET)
    assert reading.text == "说“仁义" and reading.fixes[0].startswith("“")


def test_recheck_does_not_double_a_quote():
    # beside a quote the recogniser read, weight on the quote classes is that quote's
    assert decode(_line("说", "“", {"“": 0.3}, "仁"), CHARSET).text == "说“仁"
    assert decode(_line("说", {"“": 0.1}, "仁"), CHARSET).text == "说仁"


def test_recheck_keeps_the_word_and_the_single_stroke():
    assert decode(_line("说", "一", "一", "仁"), CHARSET).text == "说一一仁"  # 一一对应: no dash weight
    # a single 一 is never a dash by this look, even with some weight on it (一带一路: up to 0.15)
    assert decode(_line("说", {"一": 0.85, "—": 0.1}, "仁"), CHARSET).text == "说一仁"
    # the dash then 一: three strokes, not a pair
    assert decode(_line("说", "—", "—", {"一": 0.8, "—": 0.15}, "群"), CHARSET).text == "说——一群"


@pytest.mark.skipif(not ocr_available() or not WQY_PATH.exists(), reason="needs the OCR extra and fonts-wqy-zenhei")
def test_recheck_on_a_clean_rendered_line_reads_as_the_engine_does():
    import cv2
    from PIL import Image, ImageDraw, ImageFont

    from banmian.readers.ocr import _engine
    text = "约翰·基说，仁、义、礼、智、信。"
    font = ImageFont.truetype(str(WQY_PATH), 42)  # 10.5 pt at 288 dpi
    im = Image.new("L", (len(text) * 42 + 24, 60), 255)
    ImageDraw.Draw(im).text((12, 6), text, font=font, fill=0)
    crop = cv2.cvtColor(np.asarray(im), cv2.COLOR_GRAY2BGR)
    (reading,) = read_lines(_engine().text_rec, [crop])
    ((engine_text, engine_score),), _ = _engine().text_rec([crop])
    # batched and scored as the engine does; nothing sure is changed, the name's · stays
    assert (reading.text, reading.fixes) == (engine_text, ()) == (text, ())
    assert reading.score == pytest.approx(engine_score, abs=1e-4)


def test_recheck_puts_back_a_rare_character_where_there_is_room_for_it():
    def glyph(ch: str, p: float = 0.99) -> list[dict[str, float]]:
        return [{ch: p}, {}, {}, {}]  # a glyph every four frames, as in body text

    line = [*glyph("说"), *glyph("推"), *glyph("动")]
    reading = decode(_frames(*line, *glyph("磋", 0.4), *glyph("商")), CHARSET)
    assert reading.text == "说推动磋商"
    # no room between the neighbours: the same weight is a glyph's own tail, not a glyph
    tight = _frames(*line, {}, {"磋": 0.4}, *glyph("商"))
    assert decode(tight, CHARSET).text == "说推动商"
    # nor is a neighbour's own class read twice
    echo = _frames(*line, *glyph("动", 0.4), *glyph("商"))
    assert decode(echo, CHARSET).text == "说推动商"


def test_recheck_reads_an_unsure_character_as_the_runner_up_that_makes_a_word():
    # 米带 is no word, 米芾 (the Song calligrapher) is one
    reading = decode(_line("米", {"带": 0.6, "芾": 0.3}, "发", "现"), CHARSET)
    assert reading.text == "米芾发现"
    assert reading.fixes == ("芾 for 带 at frame 2 (0.30 against 0.60): a word",)


def test_recheck_keeps_a_character_it_is_sure_of_or_that_makes_a_word():
    # sure enough: left as read, whatever the words
    assert decode(_line("米", {"带": 0.95, "芾": 0.04}, "发", "现"), CHARSET).text == "米带发现"
    # a runner-up too far behind is not weighed
    assert decode(_line("米", {"带": 0.6, "芾": 0.03}, "发", "现"), CHARSET).text == "米带发现"
    # 皮带 is a word: nothing to mend
    assert decode(_line("皮", {"带": 0.6, "芾": 0.3}, "发", "现"), CHARSET).text == "皮带发现"
