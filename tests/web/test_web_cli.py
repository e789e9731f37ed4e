"""``banmian serve``: arguments, a missing or invalid archive named with the fix, the app handed to uvicorn."""
from __future__ import annotations

import argparse

import pytest

from banmian.errors import ArchiveError
from banmian.settings import DEFAULT
from banmian.web.cli import add_parsers


def _args(*argv: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="banmian")
    add_parsers(ap.add_subparsers(dest="command"))
    return ap.parse_args(["serve", *argv])


def test_web_cli_defaults_listen_on_this_machine_only():
    a = _args("--db", "a.db")
    assert (a.host, a.port, a.query_timeout, a.max_upload_mb) == ("127.0.0.1", 8000, 2.0, 5.0)


@pytest.mark.parametrize("argv", [["--db", "a.db", "--port", "99999"], ["--db", "a.db", "--query-timeout", "0"], []])
def test_web_cli_rejects_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        _args(*argv)
    assert exc.value.code == 2


def test_web_cli_missing_archive_names_the_file_and_the_fix(tmp_path):
    a = _args("--db", str(tmp_path / "nope.db"))
    with pytest.raises(ArchiveError) as exc:
        a.func(a, DEFAULT)
    assert str(exc.value).startswith(str(tmp_path / "nope.db")) and "banmian ingest" in str(exc.value)


def test_web_cli_invalid_archive_names_the_file(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("這不是資料庫" * 50, encoding="utf-8")
    a = _args("--db", str(junk))
    with pytest.raises(ArchiveError, match="junk.db: not a banmian archive"):
        a.func(a, DEFAULT)


def test_web_cli_serves_the_app_with_its_settings(web_db, monkeypatch):
    import uvicorn
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    a = _args("--db", str(web_db), "--port", "8123", "--max-upload-mb", "1", "--query-timeout", "0.5")
    assert a.func(a, DEFAULT) == 0
    st = seen["app"].state.banmian
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert st.settings.max_upload_bytes == 1_000_000 and st.settings.query_timeout_s == 0.5
    st.pool.close()


def test_web_cli_main_prints_one_line_and_exits_2(tmp_path, capsys, monkeypatch):
    """Through banmian's own main(), once `serve` is registered there."""
    from banmian import cli
    build = cli.build_parser

    def with_serve():
        ap = build()
        sub = next(x for x in ap._actions if isinstance(x, argparse._SubParsersAction))
        if "serve" not in sub.choices:
            add_parsers(sub)
        return ap
    monkeypatch.setattr(cli, "build_parser", with_serve)
    assert cli.main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.db: no such archive" in err[0] and "banmian ingest" in err[0]
