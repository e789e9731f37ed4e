"""CLI: outputs, exit codes, one-line errors, batches that survive bad files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from banmian.cli import main

EXAMPLE = Path(__file__).parent / "pages" / "leshan-daily-p1.txt"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_parse_json_contract(capsys):
    code, out, err = run(["parse", str(EXAMPLE), "--json"], capsys)
    assert code == 0 and err == ""
    d = json.loads(out)
    assert len(d["articles"]) == 5
    a = d["articles"][0]
    assert set(a["headline"]) >= {"kicker", "title", "subtitle"}
    assert set(a["byline"]) >= {"source", "reporters", "text"}
    assert {"text", "kind", "lines"} <= set(a["paragraphs"][0])
    assert a["paragraphs"][0]["lines"][0] == 1
    assert {"continued_to", "continued_from", "pages", "dateline"} <= set(a)
    assert d["furniture"] == [{"text": "（下转第2版）", "kind": "jump", "lines": [262],
                               "spans": d["furniture"][0]["spans"]}]


def test_cli_parse_default_is_readable_text(capsys):
    code, out, _ = run(["parse", str(EXAMPLE)], capsys)
    assert code == 0 and "较真碰硬抓好问题整改" in out and "引题" in out and not out.lstrip().startswith("{")


def test_cli_parse_markdown(capsys):
    code, out, _ = run(["parse", str(EXAMPLE), "--markdown"], capsys)
    assert code == 0 and "## 环境固本" in out


def test_cli_trace_names_stages_and_lines(capsys):
    code, out, _ = run(["parse", str(EXAMPLE), "--trace"], capsys)
    assert code == 0
    assert "[label_lines]" not in out  # stages are reported by their short names
    for stage in ("[measure]", "[label]", "[assemble]", "[reflow]", "[headline]"):
        assert stage in out
    assert "L262: jump: jump to 2" in out


@pytest.mark.parametrize("content, needle", [
    (b"", "empty"),
    (b"\x00\x01\x02garbage\x00\xff" * 50, "binary"),
    (b"\xff\xfe\x00\xd8\x00\xd8", "byte-order mark"),
    (bytes([0x81, 0x30, 0x81, 0x30, 0xfe, 0x39, 0xfe, 0x39]) * 40 + b"\xff", "encoding"),
])
def test_cli_bad_input_one_line_exit_2(tmp_path, capsys, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = run(["parse", str(f)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(f) in err and needle in err and "Traceback" not in err


def test_cli_unreadable_path(tmp_path, capsys):
    code, _, err = run(["parse", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and "no such file" in err
    code, _, err = run(["parse", str(tmp_path)], capsys)
    assert code == 2 and "folder" in err


def test_cli_huge_single_line(tmp_path, capsys):
    f = tmp_path / "huge.txt"
    f.write_bytes(b"x" * 50_000_000)
    code, out, err = run(["parse", str(f)], capsys)
    assert code == 2 and out == "" and "MB" in err and err.count("\n") == 1


def test_cli_other_files_still_succeed(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(["parse", str(bad), str(EXAMPLE), "--json"], capsys)
    assert code == 2 and "bad.txt" in err
    d = json.loads(out)
    assert len(d["articles"]) == 5 and d["errors"] and "bad.txt" in d["errors"][0]


def test_cli_out_dir_batch_writes_each_good_file(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 10)
    code, _, err = run(["parse", str(bad), str(EXAMPLE), "--json", "--out-dir", str(tmp_path / "o")], capsys)
    assert code == 2 and "bad.txt" in err
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["leshan-daily-p1.json"]


def test_cli_out_is_atomic_on_failure(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    code, _, _ = run(["parse", str(bad), "--json", "--out", str(out)], capsys)
    assert code == 2 and not out.exists()


def test_cli_bad_date_is_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(EXAMPLE), "--date", "July"])
    assert exc.value.code == 2


def test_cli_console_script_no_traceback(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    r = subprocess.run([sys.executable, "-m", "banmian.cli", "parse", str(f)], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.count("\n") == 1
