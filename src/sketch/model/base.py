"""The base every design object inherits: strict, immutable, and aware of where it was declared."""

from __future__ import annotations

import bisect
import sys
import weakref
from pathlib import Path
from types import CodeType

import pydantic
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from sketch.errors import Location

# Frames inside these folders are library code, never the user's declaration site.
_SKIP_DIRS = (
    str(Path(__file__).resolve().parent.parent),  # sketch itself
    str(Path(pydantic.__file__).resolve().parent),
)


def _declaration_site() -> Location | None:
    # Walk out of pydantic and sketch until we reach the caller's frame: that is the line the
    # user wrote `Entity(...)` on. Cheaper than inspect.stack(), which reads source files.
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not filename.startswith(_SKIP_DIRS) and not filename.startswith("<"):
            return Location(filename, _line_of(frame.f_code, frame.f_lasti) or frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None


# `frame.f_lineno` decodes the code object's line table from its start on every call, so a
# design file declaring N objects in one expression cost O(N^2) to load (1000 components:
# 44x the time of 100). One decoded table per code object, searched by bisection, is linear.
# Keyed by id(): hashing a code object hashes its whole bytecode, O(size) again. The weak
# reference drops the table with its code (`sketch watch` loads a new code object per edit).
_LINE_TABLES: dict[int, tuple[weakref.ref[CodeType], list[int], list[int | None]]] = {}


def _line_of(code: CodeType, offset: int) -> int | None:
    """The source line of the instruction at byte `offset` in `code`, as `f_lineno` gives it."""
    entry = _LINE_TABLES.get(id(code))
    if entry is None or entry[0]() is not code:
        key = id(code)
        spans = list(code.co_lines())
        reference = weakref.ref(code, lambda _: _LINE_TABLES.pop(key, None))
        entry = (reference, [start for start, _, _ in spans], [line for _, _, line in spans])
        _LINE_TABLES[key] = entry
    _, starts, lines = entry
    index = bisect.bisect_right(starts, offset) - 1
    return lines[index] if index >= 0 else None


class Model(BaseModel):
    """Keyword-only, unknown fields rejected, frozen: a design is a value, not a mutable object."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        str_strip_whitespace=True,
        # Each class's validator is built when it first validates, not at import: the
        # commands that never validate a design (`rules`, `new`, `--help` paths) skip it, and
        # building only the classes a design uses made import + load of twitter 0.8x.
        defer_build=True,
        # A docstring under a field is its description, read only by what shows it (the
        # JSON Schema, docs/reference.md): sketch.model.field_docs says why not here.
    )
    _source: Location | None = PrivateAttr(default=None)

    def model_post_init(self, context: object, /) -> None:
        self._source = _declaration_site()

    @property
    def source(self) -> Location | None:
        """Where this object was declared, when it came from a Python design file."""
        return self._source

    def __eq__(self, other: object) -> bool:
        # Where a value was written is not part of the value: a design loaded from YAML equals
        # the same design written in Python.
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = BaseModel.__hash__

    def with_source(self, source: Location | None) -> None:
        """Loaders of data files (YAML, JSON) attach the node's position after construction."""
        self._source = source


class Suppression(Model):
    """Silences one lint rule (by code or prefix) on an object; a reason is required."""

    code: str = Field(min_length=1, description="Rule code or code prefix, e.g. `D103` or `D1`.")
    reason: str = Field(min_length=3, description="Why the finding does not apply here.")


class Declared(Model):
    """An object a lint finding can point at and that can carry suppressions."""

    suppress: tuple[Suppression, ...] = Field(
        default=(), description="Lint rules silenced on this object, each with a reason."
    )
