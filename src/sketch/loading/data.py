"""Loading YAML and JSON design files: safe (nothing runs), bounded, and located to the column.

A data file is parsed into position-aware nodes (`sketch.loading.nodes`), validated by the
same `Design` model as a Python design, and every model object is given the line it came from,
so `sketch check` and `sketch lint` point into the YAML or JSON the user wrote.
"""

from __future__ import annotations

import typing
from pathlib import Path

from sketch.errors import DataError, LoadError, Location, plural
from sketch.loading.messages import describe_error, excerpt, root_causes
from sketch.loading.nodes import (
    Key,
    Mapping,
    Node,
    Sequence,
    key_at,
    node_at,
    to_python,
)
from sketch.model import Design, Model

YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)
#: A top-level key editors use to find the schema; it is not part of the design.
SCHEMA_KEY = "$schema"
_MAX_SHOWN = 12


def load_data_design(path: Path) -> Design:
    """The design in a .yaml/.yml/.json file; LoadError with file:line:column when it is bad."""
    file = str(path)
    text = _read_text(path)
    root = parse_nodes(text, path.suffix.lower(), file)
    if not isinstance(root, Mapping):
        what = "a list" if isinstance(root, Sequence) else "a single value"
        raise _located(
            file,
            text,
            root.line,
            root.column,
            f"the top level is {what}, not a mapping of design fields",
            "start the file with `name: my-design` and the other Design fields",
        )
    data = typing.cast(dict[str, object], to_python(root))
    if isinstance(data.get(SCHEMA_KEY), str):
        del data[SCHEMA_KEY]
    from pydantic import ValidationError

    try:
        design = Design.model_validate(data)
    except ValidationError as exc:
        raise _invalid(file, text, root, exc) from exc
    attach_sources(design, root, file)
    return design


def _read_text(path: Path) -> str:
    from sketch.loading.reading import read_design_text

    return read_design_text(path)


def parse_nodes(text: str, suffix: str, file: str) -> Node:
    """Nodes of YAML or JSON text, by file suffix; LoadError with the position when invalid."""
    from sketch.loading.json_reader import read_json
    from sketch.loading.yaml_reader import read_yaml

    reader = read_json if suffix in JSON_SUFFIXES else read_yaml
    try:
        return reader(text)
    except DataError as exc:
        raise _located(file, text, exc.line, exc.column, exc.message, exc.help) from exc


def _located(
    file: str, text: str, line: int | None, column: int | None, what: str, help: str | None
) -> LoadError:
    details = []
    if line is not None:
        details = [f"at {file}:{line}:{column or 1}", *excerpt(text, line, column)]
    return LoadError(file, line, what, details, help=help)


def _invalid(file: str, text: str, root: Node, exc: typing.Any) -> LoadError:
    errors = root_causes(exc.errors())
    details: list[str] = []
    first: tuple[int, int] | None = None
    for err in errors[:_MAX_SHOWN]:
        loc = tuple(err["loc"])
        target: Node | Key | None = key_at(root, loc) if err["type"] == "extra_forbidden" else None
        target = target or node_at(root, loc)[0]
        first = first or (target.line, target.column)
        # Data files have lists where the model keeps tuples: say what the user wrote.
        described = describe_error(Design, err).replace("a valid tuple", "a list")
        described = described.replace("Tuple should", "List should")
        details.append(f"{file}:{target.line}:{target.column}: {described}")
    if len(errors) > _MAX_SHOWN:
        details.append(f"... and {len(errors) - _MAX_SHOWN} more")
    line, column = first or (None, None)
    if line is not None:
        details += excerpt(text, line, column)
    return LoadError(
        file,
        line,
        f"invalid design: {plural(len(errors), 'problem')}",
        details,
        help="fix the fields named above; `sketch schema` writes every field and its type",
    )


def attach_sources(model: Model, node: Node | None, file: str) -> None:
    """Give every model object the line of the node it was built from (None when defaulted)."""
    model.with_source(Location(file, node.line, node.column) if node is not None else None)
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        child = _entry(node, info.alias or name, name)
        if isinstance(value, Model):
            attach_sources(value, child, file)
        elif isinstance(value, tuple):
            items = child.items if isinstance(child, Sequence) else ()
            for index, item in enumerate(value):
                if isinstance(item, Model):
                    attach_sources(item, items[index] if index < len(items) else None, file)


def _entry(node: Node | None, *names: str) -> Node | None:
    if not isinstance(node, Mapping):
        return None
    for name in names:
        if name in node.entries:
            return node.entries[name][1]
    return None
