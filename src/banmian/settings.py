"""One immutable settings object: packaged defaults, overridable by ``banmian.toml``.

Override in code with :func:`dataclasses.replace`; from the CLI with ``--config``.
Every field carries its help text, so docs and ``banmian settings`` cannot drift.
"""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReadError


def _setting(default, help: str):  # noqa: A002 - mirrors datasette's Setting(name, default, help)
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = _setting(20_000_000, "Largest input file accepted, in bytes.")
    max_line_chars: int = _setting(100_000, "Longest single line accepted, in characters.")
    max_lines: int = _setting(200_000, "Most lines accepted in one page.")
    max_pages: int = _setting(2_000, "Most pages accepted in one issue or PDF.")
    page_timeout_s: float = _setting(30.0, "Time limit for reading and reconstructing one page, seconds.")
    strict: bool = _setting(False, "Raise on recoverable problems instead of logging a warning.")
    indent_chars: float = _setting(2.0, "Width of the dropped first-line indent, in characters.")


DEFAULT = Settings()


def settings_help() -> list[tuple[str, object, str]]:
    """``(name, default, help)`` for every setting, in declaration order."""
    return [(f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)]


def load_settings(path: str | Path | None = None, base: Settings = DEFAULT) -> Settings:
    """Read a ``banmian.toml`` (a ``[banmian]`` table or top-level keys) over ``base``."""
    if path is None:
        return base
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReadError(f"cannot read settings: {exc}", path=str(p),
                        fix="pass a UTF-8 TOML file with keys from `banmian settings`") from None
    data = data.get("banmian", data)
    known = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ReadError(f"unknown setting(s) {', '.join(unknown)}", path=str(p),
                        fix="see `banmian settings` for the names")
    values: dict[str, Any] = {}
    for k, v in data.items():
        want = type(known[k].default)
        if want is float and isinstance(v, int):
            v = float(v)
        if not isinstance(v, want) or (want is int and isinstance(v, bool)):
            raise ReadError(f"setting {k} must be {want.__name__}, got {v!r}", path=str(p),
                            fix=f"default is {known[k].default!r}")
        values[k] = v
    return dataclasses.replace(base, **values)
