"""Project settings from `[tool.sketch]` in the nearest pyproject.toml, like ruff and pytest."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sketch.model.design import Limits


class ConfigError(Exception):
    """A pyproject.toml that cannot be read or has unknown sketch settings."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits = Field(default_factory=Limits)
    lint: dict[str, Any] = Field(default_factory=dict, description="Read by `sketch lint`.")
    estimate: dict[str, Any] = Field(default_factory=dict, description="Estimation conventions.")
    source: str | None = Field(default=None, exclude=True)


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
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from exc
    section = data.get("tool", {}).get("sketch", {})
    try:
        return Config(**section, source=str(pyproject))
    except ValidationError as exc:
        lines = [
            f"  [tool.sketch.{'.'.join(str(p) for p in err['loc'])}]: {err['msg']}"
            for err in exc.errors()
        ]
        raise ConfigError(
            f"{pyproject}: invalid [tool.sketch] settings:\n" + "\n".join(lines)
        ) from exc
