"""Hostile and broken text input: every case ends in exit code 2 with one line naming
the file, or in a parse that keeps every character — never a traceback.

The small cases live in tests/cases/bad/ (the text ones are also spelled out
here, so each file's bytes are explained); huge ones are generated in tmp_path.
"""
from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.cli import main
from invariants import nonspace

BAD = Path(__file__).parent / "cases" / "bad"
PAGE = "本报讯（记者 张清）近日，记者从市商务局了解到，今年1至5月，\n我市网络零售额实现增长。\n\n环境固本\n"

# name -> (bytes, "refuse" | "parse")
CASES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "refuse"),
    "whitespace-only.txt": (b" \n\t\r\n\xe3\x80\x80\n", "refuse"),
    "binary-junk.txt": (bytes(range(256)) * 4, "refuse"),
    "nul-bytes.txt": (b"\x00" * 64 + PAGE.encode(), "refuse"),
    "truncated-utf8.txt": (PAGE.encode()[:-2], "parse"),
    "mixed-encodings.txt": (PAGE.encode("utf-8") + "第二段乐山日报消息。\n".encode("gb18030"), "parse"),
    "gbk-undeclared.txt": (PAGE.encode("gbk"), "parse"),
    "big5-undeclared.txt": ("本報訊（記者 張清）近日，記者從市商務局了解到網絡零售額實現增長。\n".encode("big5"), "parse"),
    "utf16-bom.txt": (PAGE.encode("utf-16"), "parse"),
    "utf16le-no-bom.txt": (PAGE.encode("utf-16-le"), "parse"),
    "control-chars.txt": (("本报讯\x07\x1b近日" * 20 + "\n").encode(), "refuse"),
    "rtl-marks.txt": (("\u200f" + PAGE + "\u202e乐山\u202c\n").encode(), "parse"),
    "emoji.txt": ((PAGE + "点赞👍🇨🇳！\n").encode(), "parse"),
    "traditional.txt": ("本報訊（記者 張清）近日，記者從市商務局了解到。\n".encode(), "parse"),
    "fullwidth-latin.txt": ((PAGE + "ＡＰＰＬＥ　ＩＮＣ　２０２４年\n").encode(), "parse"),
    "lone-surrogate-escaped.txt": (b"\xed\xa0\x80" + PAGE.encode(), "parse"),
}


def _decode_for_check(data: bytes) -> str:
    from banmian.readers import decode_bytes
    return decode_bytes(data)[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_inputs_exit_codes(name, tmp_path, capsys):
    data, outcome = CASES[name]
    assert (BAD / name).read_bytes() == data  # the corpus in tests/cases/bad/ is what is tested
    f = tmp_path / name
    f.write_bytes(data)
    code = main(["parse", str(f), "--json"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if outcome == "refuse":
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and name in err
    else:
        assert code == 0, err
        d = json.loads(out)
        text = _decode_for_check(data)
        got = "".join(p["text"] for a in d["articles"] for p in a["paragraphs"])
        got += "".join(v or "" for a in d["articles"] for k, v in a["headline"].items()
                       if k in ("kicker", "title", "subtitle"))
        got += "".join(a["byline"]["text"] for a in d["articles"]
                       if a["byline"] and not a["byline"]["inline"])
        got += "".join(f["text"] for f in d["furniture"])
        assert nonspace(got) == nonspace(text.replace("\f", ""))


def test_bad_inputs_encoding_is_reported(tmp_path, capsys):
    f = tmp_path / "gbk.txt"
    f.write_bytes(PAGE.encode("gbk"))
    main(["parse", str(f), "--json"])
    assert json.loads(capsys.readouterr().out)["pages"][0]["encoding"] == "gb18030"


def test_bad_inputs_million_short_lines(tmp_path, capsys):
    f = tmp_path / "million.txt"
    f.write_bytes(b"a\n" * 1_000_000)
    code = main(["parse", str(f)])
    _, err = capsys.readouterr()
    assert code == 2 and "lines" in err and "max_lines" in err and err.count("\n") == 1


def test_bad_inputs_fifty_megabyte_line_no_traceback(tmp_path):
    f = tmp_path / "one-line.txt"
    f.write_bytes("字".encode() * (50_000_000 // 3))
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "parse", str(f)], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "MB" in r.stderr


def test_bad_inputs_batch_keeps_going(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    files = []
    for name, (data, _) in sorted(CASES.items()):
        p = tmp_path / name
        p.write_bytes(data)
        files.append(str(p))
    code = main(["parse", *files, str(good), "--separate", "--json", "--out-dir", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    refused = [n for n, (_, o) in CASES.items() if o == "refuse"]
    assert code == 2 and all(n in err for n in refused)
    assert (tmp_path / "out" / "good.json").exists()
    assert len(list((tmp_path / "out").glob("*.json"))) == len(CASES) - len(refused) + 1


def test_bad_inputs_bom_declared_but_invalid(tmp_path, capsys):
    f = tmp_path / "bad-bom.txt"
    f.write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa")
    code = main(["parse", str(f)])
    _, err = capsys.readouterr()
    assert code == 2 and "byte-order mark" in err or "BOM" in err


# PDFs and images in the corpus: (expected exit code, words in the message)
FILE_CASES = {
    "pdf-truncated.pdf": (2, "truncated"),
    "pdf-encrypted-user-password.pdf": (2, "encrypted"),
    "pdf-image-only.pdf": (2, "OCR"),
    "pdf-zero-pages.pdf": (2, "no pages"),
    # its pixel data is damaged (libpng: bad adaptive filter value): without the OCR extra the
    # message says how to install it, with it that the image cannot be decoded
    "image-not-a-page.png": (2, "PNG"),
    "pdf-corrupt.pdf": (0, "warning"),  # readable with damage: parsed, and the damage reported
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_bad_inputs_pdfs_and_images(name):
    code, words = FILE_CASES[name]
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "parse", str(BAD / name), "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == code and "Traceback" not in r.stderr
    assert words in r.stderr and name in r.stderr
    if code == 2:
        assert r.stdout == "" and r.stderr.count("\n") == 1
    else:
        assert json.loads(r.stdout)["warnings"]


def test_bad_inputs_thousand_page_pdf_is_limited_clearly(tmp_path):
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    import io
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(200, 200))
    for i in range(1000):
        c.drawString(20, 100, f"page {i}")
        c.showPage()
    c.save()
    f = tmp_path / "thousand.pdf"
    f.write_bytes(buf.getvalue())
    cfg = tmp_path / "banmian.toml"
    cfg.write_text("max_pages = 500\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "--config", str(cfg), "parse", str(f)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "1,000 pages" in r.stderr and "max_pages" in r.stderr
