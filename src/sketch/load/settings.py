"""Project settings from `[tool.sketch]` in the nearest pyproject.toml, like ruff and pytest."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sketch.errors import ConfigError
from sketch.model.design import Limits


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits = Field(default_factory=Limits)
    lint: dict[str, Any] = Field(default_factory=dict, description="Read by `sketch lint`.")
    estimate: dict[str, Any] = Field(default_factory=dict, description="Estimation conventions.")
    source: str | None = Field(default=None, exclude=True)


SETTINGS_HINT = (
    "the settings are [tool.sketch.limits] min_entities, max_entities, min_apis, max_apis "
    "(whole numbers, defaults 3, 5, 5, 8, each minimum at most its maximum), "
    "[tool.sketch.lint] and [tool.sketch.estimate]"
)


def find_pyproject(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> Config:
    """Settings for designs under `start` (a file or folder); defaults when none are set."""
    folder = start if start.is_dir() else start.parent
    pyproject = find_pyproject(folder.resolve())
    if pyproject is None:
        return Config()
    try:
        text = pyproject.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from exc
    tool = data.get("tool", {})
    section = tool.get("sketch", {}) if isinstance(tool, dict) else None
    if not isinstance(section, dict):
        raise ConfigError(
            f"{pyproject}:{_line_of(text, ()) or 1}: [tool.sketch] must be a table of settings",
            help=SETTINGS_HINT,
        )
    if "source" in section:  # a field of Config, but not a setting
        where = f"{pyproject}:{_line_of(text, ('source',)) or 1}"
        raise ConfigError(f"{where}: [tool.sketch.source]: unknown setting", help=SETTINGS_HINT)
    try:
        return Config(**section, source=str(pyproject))
    except ValidationError as exc:
        lines = [_describe(err, pyproject, text) for err in exc.errors()]
        raise ConfigError(
            f"{pyproject}: invalid [tool.sketch] settings:\n" + "\n".join(lines), help=SETTINGS_HINT
        ) from exc


def _describe(err: Any, pyproject: Path, text: str) -> str:
    loc = tuple(str(part) for part in err["loc"])
    line = _line_of(text, loc)
    where = f"{pyproject}:{line}" if line else str(pyproject)
    message = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"]
    message = message.removeprefix("Value error, ")
    return f"  {where}: [tool.sketch.{'.'.join(loc)}]: {message}"


def _line_of(text: str, loc: tuple[str, ...]) -> int | None:
    """The line of setting `loc`: its table's header, or its `key = ...` in the nearest table."""
    lines = text.splitlines()
    path = ["tool", "sketch", *loc]
    for depth in range(len(path), 0, -1):
        header = next((i for i, line in enumerate(lines) if _header(line) == path[:depth]), None)
        if header is None:
            continue
        if depth == len(path):
            return header + 1
        key = re.compile(rf"\s*{re.escape(path[depth])}\s*[=.]")
        for i in range(header + 1, len(lines)):
            if _header(lines[i]) is not None:
                break
            if key.match(lines[i]):
                return i + 1
        return header + 1
    return None


def _header(line: str) -> list[str] | None:
    match = re.fullmatch(r"\s*\[([\w.\s-]+)\]\s*(#.*)?", line)
    return [part.strip() for part in match[1].split(".")] if match else None
