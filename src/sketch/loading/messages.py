"""How load errors are worded: pydantic's validation errors, and source excerpts with a caret.

One formatter serves every input: Python designs, YAML/JSON data files and each
`[tool.sketch.*]` settings table, so one kind of typo reads the same wherever it is made:
`unknown field 'titel' (did you mean 'title'?)`, `unknown setting (did you mean 'select'?)`.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from sketch.errors import ConfigError, did_you_mean

#: Excerpts are cut to this width around the caret, so a long line stays one screen line.
EXCERPT_WIDTH = 100


def describe_location(loc: Sequence[int | str]) -> str:
    """`("entities", 1, "fields")` -> `entities[1].fields`, as a design path is written."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the object itself)"


def root_causes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop a list's "too short" when its items failed: the items are the real problem."""
    locs = [tuple(err["loc"]) for err in errors]
    return [
        err
        for err, loc in zip(errors, locs, strict=True)
        if err["type"] != "too_short"
        or not any(other[: len(loc)] == loc and len(other) > len(loc) for other in locs)
    ]


def describe_error(model: type[BaseModel] | None, err: ErrorDetails) -> str:
    """One design field's problem: `components[0].kind: Input should be ... (got 'databse')`."""
    loc = tuple(err["loc"])
    where = describe_location(loc)
    if err["type"] == "extra_forbidden" and loc:
        owner = model_at(model, loc[:-1])
        known = list(owner.model_fields) if owner else []
        return f"{where}: unknown field '{loc[-1]}' ({did_you_mean(str(loc[-1]), known)})"
    if err["type"] == "missing":
        return f"{where}: required field is missing"
    return f"{where}: {err['msg']} (got {_shown(err)})"


def _shown(err: ErrorDetails) -> str:
    given = err.get("input")
    if isinstance(given, int) and given.bit_length() > 200:  # repr() refuses 4,300+ digits
        return f"an integer of about {int(given.bit_length() * 0.30103) + 1:,} digits"
    shown = repr(given) if not isinstance(given, (dict, BaseModel)) else type(given).__name__
    return shown[:60]


def model_at(model: type[BaseModel] | None, loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class that owns the field at `loc`, following field annotations."""
    current = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        current = _first_model(info.annotation) if info else None
    return current


def _first_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found:
            return found
    return None


def excerpt(text: str, line: int | None, column: int | None = None) -> list[str]:
    """The line with a caret under the column, as compilers show it; a long line is shown
    around the column, after `...`, so the message stays on one screen."""
    lines = text.splitlines()
    if line is None or not 0 < line <= len(lines):
        return []
    text_line, caret = lines[line - 1], column or 0
    start = max(0, caret - EXCERPT_WIDTH // 2) if caret > EXCERPT_WIDTH else 0
    shown = [f"{line:>4} | {'...' if start else ''}{text_line[start : start + EXCERPT_WIDTH]}"]
    if caret:
        shown.append(" " * (6 + caret - start + (3 if start else 0)) + "^")
    return shown


# Settings tables ---------------------------------------------------------------------------


def settings_error(
    exc: ValidationError,
    table: str,
    model: type[BaseModel],
    source: str | None,
    help: str | None = None,
) -> ConfigError:
    """Invalid `[tool.sketch.TABLE]` settings: each problem at its pyproject.toml line.

    `table` is `""` for `[tool.sketch]` itself. The help lists the table's settings unless
    a fuller `help` is given.
    """
    text = _read(source)
    lines = [_setting_problem(err, table, model, source, text) for err in exc.errors()]
    name = f"tool.sketch.{table}" if table else "tool.sketch"
    where = f"{source}: " if source else ""
    return ConfigError(
        f"{where}invalid [{name}] settings:\n" + "\n".join(lines),
        help or f"the settings of [{name}] are: {', '.join(setting_names(model))}",
    )


def setting_names(model: type[BaseModel]) -> list[str]:
    """A settings table's keys as users write them: a field's first alias (`extend-select`)."""
    from pydantic import AliasChoices

    names = []
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        first = alias.choices[0] if isinstance(alias, AliasChoices) else alias
        names.append(first if isinstance(first, str) else name)
    return names


def _setting_problem(
    err: ErrorDetails, table: str, model: type[BaseModel], source: str | None, text: str
) -> str:
    loc = tuple(str(part) for part in err["loc"])
    path = (*table.split("."), *loc) if table else loc
    line = setting_line(text, path) if text else None
    where = f"{source}:{line}" if source and line else (source or "")
    key = ".".join(("tool.sketch", *path))
    if err["type"] == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        known = setting_names(owner) if owner else []
        message = f"unknown setting ({did_you_mean(loc[-1], known)})"
    else:
        message = err["msg"].removeprefix("Value error, ")
        if not isinstance(err.get("input"), (dict, list, BaseModel)):
            message += f" (got {_shown(err)})"
    return f"  {where + ': ' if where else ''}[{key}]: {message}"


def _read(source: str | None) -> str:
    # Only an error is being worded: reading the file again costs nothing that matters.
    if source is None:
        return ""
    try:
        return Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def setting_location(source: str | None, path: Sequence[str]) -> str:
    """`pyproject.toml:12`: where setting `path` under `[tool.sketch]` is written, for an
    error about it found after the settings were read."""
    if source is None:
        return "pyproject.toml"
    line = setting_line(_read(source), path)
    return f"{source}:{line}" if line else source


def setting_line(text: str, path: Sequence[str]) -> int | None:
    """The line of setting `path` under `[tool.sketch]`: its table's header, or its
    `key = ...` in the nearest table."""
    lines = text.splitlines()
    full = ["tool", "sketch", *path]
    for depth in range(len(full), 0, -1):
        header = next((i for i, line in enumerate(lines) if _header(line) == full[:depth]), None)
        if header is None:
            continue
        if depth == len(full):
            return header + 1
        key = re.compile(rf"\s*{re.escape(full[depth])}\s*[=.]")
        for i in range(header + 1, len(lines)):
            if _header(lines[i]) is not None:
                break
            if key.match(lines[i]):
                return i + 1
        return header + 1
    return None


def _header(line: str) -> list[str] | None:
    # Quoted keys count too: [tool.sketch.capacity."Amazon S3"].
    match = re.fullmatch(r"\s*\[([\w.\s\"'-]+)\]\s*(#.*)?", line)
    return [part.strip().strip("\"'") for part in match[1].split(".")] if match else None
