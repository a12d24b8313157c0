"""YAML text -> position-aware nodes, from the parser's events: nothing is ever executed.

Built from events rather than PyYAML's composer so that the limits hold before any work is
done: aliases add their anchor's size to a budget instead of being expanded (an "anchor bomb"
is refused at once), nesting depth is bounded without recursion, and duplicate keys are
errors instead of last-one-wins. Plain scalars follow YAML 1.2's core schema (only `true` and
`false` are booleans; `no`, `on` and `yes` stay text), which is also what JSON means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sketch.errors import DataError
from sketch.loading.nodes import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_NODES,
    MAX_NUMBER_CHARS,
    Key,
    Mapping,
    Node,
    Scalar,
    Sequence,
    number_too_long,
)

_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
#: The YAML 1.2 core schema as (tag, pattern, first characters), for the writer's quoting too.
CORE_RESOLVERS = (
    ("null", _NULL, ["~", "n", "N", ""]),
    ("bool", _BOOL, list("tTfF")),
    ("int", _INT, list("-+0123456789")),
    ("float", _FLOAT, list("-+.0123456789")),
)


def plain_scalar(text: str) -> str | int | float | bool | None:
    """The value of an unquoted scalar under the core schema."""
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        digits = text.replace("_", "")
        try:
            return int(digits, 0) if digits[:2] in ("0o", "0x") else int(digits)
        except ValueError:  # `0x_` and the like: no digits after the prefix
            return text
    if _FLOAT.match(text):
        lowered = text.lower().replace("_", "")
        if lowered.lstrip("+-") == ".inf":
            return float(lowered.replace(".inf", "inf"))
        return float("nan") if lowered == ".nan" else float(lowered)
    return text


def _refuse_long_number(text: str, line: int, column: int) -> None:
    if len(text) > MAX_NUMBER_CHARS and (_INT.match(text) or _FLOAT.match(text)):
        raise number_too_long(text, line, column)


_TAG_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (int, float),
    "bool": bool,
    "null": type(None),
}


def _tagged_scalar(tag: str, text: str, line: int, column: int) -> str | int | float | bool | None:
    kind = tag.removeprefix(_TAG)
    if kind == "str":
        return text
    _refuse_long_number(text, line, column)
    value = plain_scalar(text)
    wanted = _TAG_TYPES.get(kind)
    if wanted is None:
        raise DataError(
            f"the tag '{tag}' is not supported",
            line,
            column,
            help="data files hold plain values: text, numbers, true/false, lists, "
            "mappings; remove the tag",
        )
    if not isinstance(value, wanted) or (kind == "int" and isinstance(value, bool)):
        raise DataError(f"'{text}' is not a valid {kind}", line, column)
    return float(value) if kind == "float" else value  # type: ignore[arg-type]


@dataclass
class _Open:
    """A mapping or sequence whose end event has not come yet."""

    kind: str
    line: int
    column: int
    anchor: str | None
    items: list[Node] = field(default_factory=list)
    entries: dict[str, tuple[Key, Node]] = field(default_factory=dict)
    merges: list[Node] = field(default_factory=list)
    key: Key | None = None
    merge_pending: bool = False
    size: int = 1


class _Builder:
    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.total = 0
        self.aliases = 0
        self.root: Node | None = None
        self.documents = 0

    def count(self, size: int, line: int, column: int) -> None:
        self.total += size
        if self.total > MAX_NODES:
            if self.aliases:
                raise DataError(
                    f"the file expands to more than {MAX_NODES} values",
                    line,
                    column,
                    help="anchors and aliases multiply what they point at: is this an alias "
                    "bomb? A design needs a few thousand values at most",
                )
            raise DataError(
                f"the file holds more than {MAX_NODES} values",
                line,
                column,
                help="a design needs a few thousand values at most",
            )

    def open(self, kind: str, event: object) -> None:
        line, column = _position(event)
        if len(self.stack) >= MAX_DEPTH:
            raise DataError(
                f"nested more than {MAX_DEPTH} levels deep",
                line,
                column,
                help="a design is a few levels deep; check the indentation",
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!", _TAG + ("map" if kind == "map" else "seq")):
            raise DataError(
                f"the tag '{tag}' is not supported",
                line,
                column,
                help="remove the tag: data files hold plain mappings and lists",
            )
        self.count(1, line, column)
        self.stack.append(_Open(kind, line, column, getattr(event, "anchor", None)))

    def close(self) -> None:
        top = self.stack.pop()
        node: Node
        if top.kind == "seq":
            node = Sequence(top.line, top.column, tuple(top.items))
        else:
            node = Mapping(top.line, top.column, _merged(top))
        self.add(node, top.size, top.anchor)

    def scalar(self, event: object) -> None:
        line, column = _position(event)
        self.count(1, line, column)
        text: str = event.value  # type: ignore[attr-defined]
        tag = event.tag  # type: ignore[attr-defined]
        if tag is None:
            plain = bool(event.implicit[0])  # type: ignore[attr-defined]
            value = plain_scalar(text) if plain else text
            if plain:
                _refuse_long_number(text, line, column)
            top = self.stack[-1] if self.stack else None
            if plain and text == "<<" and top and top.kind == "map" and top.key is None:
                self.stack[-1].merge_pending = True
                return
        elif tag == "!":
            value = text
        else:
            value = _tagged_scalar(tag, text, line, column)
        self.add(Scalar(line, column, value), 1, event.anchor)  # type: ignore[attr-defined]

    def alias(self, event: object) -> None:
        line, column = _position(event)
        name = event.anchor  # type: ignore[attr-defined]
        if name not in self.anchors:
            raise DataError(
                f"alias '*{name}' names no anchor defined before it",
                line,
                column,
                help=f"define '&{name}' on a complete value before using it",
            )
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise DataError(
                f"more than {MAX_ALIASES} aliases",
                line,
                column,
                help="a design needs few aliases; is this an alias bomb?",
            )
        node, size = self.anchors[name]
        self.count(size, line, column)
        self.add(node, size, None)

    def add(self, node: Node, size: int, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (node, size)
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        top.size += size
        if top.kind == "seq":
            top.items.append(node)
        elif top.merge_pending:
            top.merge_pending = False
            top.merges.append(node)
        elif top.key is None:
            top.key = _key(node)
            if top.key.name in top.entries:
                first = top.entries[top.key.name][0]
                raise DataError(
                    f"duplicate key '{top.key.name}' (first at line {first.line})",
                    top.key.line,
                    top.key.column,
                    help="each key appears once per mapping; merge the two or rename one",
                )
        else:
            top.entries[top.key.name] = (top.key, node)
            top.key = None


def _key(node: Node) -> Key:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return Key(node.value, node.line, node.column)
    what = "a list" if isinstance(node, Sequence) else "a mapping"
    if isinstance(node, Scalar):
        what = f"{node.value!r}"
    raise DataError(
        f"a key must be a name, not {what}",
        node.line,
        node.column,
        help="keys are field names; quote it if it is meant as text",
    )


def _merged(top: _Open) -> dict[str, tuple[Key, Node]]:
    """`<<: *base` merge keys: keys written in the mapping win over merged ones."""
    entries = dict(top.entries)
    for merged in top.merges:
        sources = merged.items if isinstance(merged, Sequence) else (merged,)
        for source in sources:
            if not isinstance(source, Mapping):
                raise DataError(
                    "'<<' merges mappings only",
                    source.line,
                    source.column,
                    help="write `<<: *anchor` where the anchor is on a mapping",
                )
            for name, entry in source.entries.items():
                entries.setdefault(name, entry)
    return entries


def _position(event: object) -> tuple[int, int]:
    mark = event.start_mark  # type: ignore[attr-defined]
    return mark.line + 1, mark.column + 1


def _feed(builder: _Builder, event: object) -> None:
    import yaml

    if isinstance(event, yaml.DocumentStartEvent):
        builder.documents += 1
        if builder.documents > 1:
            line, column = _position(event)
            raise DataError(
                "more than one YAML document in the file",
                line,
                column,
                help="a design file holds one document: remove the `---`",
            )
    elif isinstance(event, yaml.MappingStartEvent):
        builder.open("map", event)
    elif isinstance(event, yaml.SequenceStartEvent):
        builder.open("seq", event)
    elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        builder.close()
    elif isinstance(event, yaml.ScalarEvent):
        builder.scalar(event)
    elif isinstance(event, yaml.AliasEvent):
        builder.alias(event)


def read_yaml(text: str) -> Node:
    """The single document in `text` as nodes; DataError with a position when it cannot be."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    builder = _Builder()
    try:
        while loader.check_event():
            _feed(builder, loader.get_event())
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from exc
    except yaml.YAMLError as exc:
        raise DataError(f"YAML cannot be read: {exc}") from exc
    finally:
        loader.dispose()
    if builder.root is None:
        raise DataError(
            "the file is empty",
            1,
            1,
            help="start from `sketch new NAME --yaml`, or write `name: my-design`",
        )
    return builder.root


def _syntax_error(exc: object) -> DataError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or "invalid YAML"
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        context += f" that starts at line {context_mark.line + 1}, column {context_mark.column + 1}"
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return DataError(
        message, line, column, help="check the indentation and quoting at that position"
    )
