"""Every setting and every CLI command is documented in the README."""
from __future__ import annotations

import argparse
from pathlib import Path

from banmian.cli import build_parser
from banmian.settings import settings_help

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_docs_every_setting_in_readme():
    missing = [name for name, _, _ in settings_help() if f"`{name}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_docs_every_command_in_readme():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [name for name in sub.choices if f"banmian {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_docs_readme_starts_with_setup_commands():
    head = README.split("\n## ", 1)[0]
    assert "make example" in head and "make test" in head
