"""Help screens as click, git and ruff print them, whatever typer release is installed.

typer 0.29 writes `<bool>` after every flag, `<list[Path]>` after arguments and `{files}...`
in the usage line. Commands and the app are built with the classes below instead, which
show what click always showed: nothing after a flag, `FILES...` for arguments, and
`TEXT`, `INTEGER`, `PATH` or the `[a|b|c]` choices after an option that takes a value.
"""

from __future__ import annotations

import enum
import pathlib
import typing
from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

_TYPE_NAMES = {str: "TEXT", int: "INTEGER", float: "FLOAT", pathlib.Path: "PATH"}


def _element(annotation: Any) -> Any:
    """`list[Path] | None` -> `Path`: what one value is."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (list, tuple) or (args and len(args) == 1):
        return _element(args[0]) if args else annotation
    return annotation


class ConventionalArgument(TyperArgument):
    def _usage_display_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self._usage_display_name()

    def display_type(self, ctx: Any) -> str:
        return ""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class ConventionalOption(TyperOption):
    def display_type(self, ctx: Any) -> str:
        if self.is_flag or self.count:
            return ""
        described = self.type_descriptor
        if described.is_choice:
            choices = (str(getattr(c, "value", c)) for c in described.choices or ())
            return "[" + "|".join(choices) + "]"
        annotation = _element(getattr(described, "annotation", None))
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return "[" + "|".join(str(m.value) for m in annotation) + "]"
        return _TYPE_NAMES.get(annotation, "VALUE")

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.metavar is not None:
            return self.metavar
        return self.display_type(ctx) or None


def _conventional(params: list[Any]) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = ConventionalArgument
        elif type(param) is TyperOption:
            param.__class__ = ConventionalOption


class ConventionalCommand(TyperCommand):
    """A typer command whose parameters print their help the conventional way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _conventional(self.params)


class ConventionalGroup(TyperGroup):
    """The app itself: `sketch --help`, with the same conventions for its own options."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _conventional(self.params)
