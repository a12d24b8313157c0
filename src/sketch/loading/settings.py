"""Project settings from `[tool.sketch]` in the nearest pyproject.toml, like ruff and pytest."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sketch.errors import ConfigError
from sketch.loading.box import shorten
from sketch.loading.inputs import remember_input
from sketch.loading.messages import setting_line, settings_error
from sketch.model.design import Limits


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits = Field(default_factory=Limits)
    lint: dict[str, Any] = Field(default_factory=dict, description="Read by `sketch lint`.")
    estimate: dict[str, Any] = Field(default_factory=dict, description="Estimation conventions.")
    capacity: dict[str, Any] = Field(
        default_factory=dict, description="What one node takes, per kind or technology."
    )
    source: str | None = Field(default=None, exclude=True)


SETTINGS_HINT = (
    "the settings are [tool.sketch.limits] min_entities, max_entities, min_apis, max_apis "
    "(whole numbers, defaults 3, 5, 5, 8, each minimum at most its maximum), "
    "[tool.sketch.lint], [tool.sketch.estimate] and [tool.sketch.capacity.<kind or technology>]"
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
    # ValueError: tomllib converts integers of 4,300+ digits with int(), which refuses them.
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {shorten(str(exc))}") from exc
    remember_input(pyproject)
    tool = data.get("tool", {})
    section = tool.get("sketch", {}) if isinstance(tool, dict) else None
    if not isinstance(section, dict):
        raise ConfigError(
            f"{pyproject}:{setting_line(text, ()) or 1}: [tool.sketch] must be a table of settings",
            help=SETTINGS_HINT,
        )
    if "source" in section:  # a field of Config, but not a setting
        where = f"{pyproject}:{setting_line(text, ('source',)) or 1}"
        raise ConfigError(f"{where}: [tool.sketch.source]: unknown setting", help=SETTINGS_HINT)
    try:
        return Config(**section, source=str(pyproject))
    except ValidationError as exc:
        raise settings_error(exc, "", Config, str(pyproject), SETTINGS_HINT) from exc
