"""A parsed data file as a tree of nodes that remember their line and column.

Both readers (YAML and JSON) build this tree, so validation errors and source references map
back to `file:line:column` the same way whichever format the design was written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sketch.errors import DataError

#: Limits that keep a hostile or broken file from hanging the loader or exhausting memory.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_ALIASES = 1_000
#: A number written with more characters than this is refused where it stands: no figure a
#: design states needs more (the model caps them at 1e18), and Python refuses to convert
#: integers of more than 4,300 digits with an error that names no position.
MAX_NUMBER_CHARS = 40


def number_too_long(text: str, line: int, column: int) -> DataError:
    """The error for a number literal longer than MAX_NUMBER_CHARS, at its position."""
    return DataError(
        f"a number written with {len(text)} characters (at most {MAX_NUMBER_CHARS})",
        line,
        column,
        help="design figures are at most 1e18; write large numbers with an exponent, e.g. 5e9",
    )


@dataclass(frozen=True, slots=True)
class Node:
    """A value in the file, with the 1-based line and column where it starts."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Scalar(Node):
    value: str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Sequence(Node):
    items: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Mapping(Node):
    entries: dict[str, tuple[Key, Node]] = field(default_factory=dict)


def to_python(node: Node) -> object:
    """Plain dicts, lists and scalars, as `json.load` would give them."""
    if isinstance(node, Mapping):
        return {name: to_python(value) for name, (_, value) in node.entries.items()}
    if isinstance(node, Sequence):
        return [to_python(item) for item in node.items]
    assert isinstance(node, Scalar)
    return node.value


def node_at(root: Node, loc: tuple[int | str, ...]) -> tuple[Node | Key, int]:
    """The deepest node (or mapping key) along a pydantic error `loc`, and how many parts matched.

    Parts that are not keys or indexes (pydantic's union member names, e.g. `function-after`)
    are skipped, so the position is that of the nearest node the user wrote.
    """
    current: Node | Key = root
    matched = 0
    for part in loc:
        if isinstance(current, Mapping) and isinstance(part, str) and part in current.entries:
            current = current.entries[part][1]
        elif isinstance(current, Sequence) and isinstance(part, int) and part < len(current.items):
            current = current.items[part]
        else:
            continue
        matched += 1
    return current, matched


def key_at(root: Node, loc: tuple[int | str, ...]) -> Key | None:
    """The key node written for the last part of `loc`, e.g. an unknown field's name."""
    if not loc:
        return None
    parent, _ = node_at(root, loc[:-1])
    if isinstance(parent, Mapping) and isinstance(loc[-1], str) and loc[-1] in parent.entries:
        return parent.entries[loc[-1]][0]
    return None
