"""docs/reference.md, generated from the model: every object a design is made of, each field
with its type, default and description, every component kind with its icon, and the
technology catalogue that picks icons.

`scripts/update-reference` writes it (and the kind icons beside it); a test regenerates it
in memory and fails when the committed copy is stale, so the reference cannot drift from
the code. Descriptions are the fields' docstrings in `sketch.model`.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sketch.model import (
    DATA_STORE_KINDS,
    STATEFUL_KINDS,
    Api,
    Approach,
    Bottleneck,
    Capacity,
    Clarification,
    Component,
    Consistency,
    DeepDive,
    Design,
    Entity,
    Feature,
    Field,
    Flow,
    Index,
    ItemSize,
    Kind,
    LatencyTarget,
    Limits,
    Link,
    NodeCapacity,
    Requirements,
    Scale,
    Step,
    Suppression,
    Workload,
)
from sketch.model.field_docs import document_fields
from sketch.rendering.icons import KIND_ICONS, TECHNOLOGY_ICONS, IconRef

#: Where the kind icons go, relative to docs/reference.md.
ICON_FOLDER = "reference-icons"

#: The objects, grouped by the framework step they belong to, in reading order.
STEPS: tuple[tuple[str, tuple[type[BaseModel], ...]], ...] = (
    ("The design", (Design, Limits)),
    (
        "Step 1: requirements",
        (
            Requirements,
            Feature,
            Clarification,
            Scale,
            Workload,
            ItemSize,
            Capacity,
            LatencyTarget,
            Consistency,
        ),
    ),
    ("Step 2: entities and APIs", (Entity, Field, Index, Api)),
    ("Step 3: the first design", (Component, NodeCapacity, Flow, Step, Link, Bottleneck)),
    ("Step 4: deep dives", (DeepDive, Approach)),
    ("Silencing lint", (Suppression,)),
)

_KIND_NOTES = {
    Kind.client: "Where requests start: users, apps, other systems calling in.",
    Kind.external: "A service you call but do not run: payment, SMS, email providers.",
    Kind.read_replica: "Set `replica_of=` to its primary; a `Link` draws the replication.",
    Kind.queue: "Steps into it are usually `asynchronous=True`; a worker consumes it.",
    Kind.websocket_gateway: "Holds long-lived connections for server push.",
}


def reference_markdown() -> str:
    """The whole of docs/reference.md."""
    parts = [_HEADER, _contents(), _kinds(), _technologies()]
    document_fields(*(model for _, models in STEPS for model in models))
    for title, models in STEPS:
        parts.append(f"## {title}\n")
        parts += [_model(model) for model in models]
    return "\n".join(parts)


def icon_files() -> dict[str, bytes]:
    """The kind icons the reference shows, by path relative to docs/: `reference-icons/x.png`."""
    from sketch.rendering.diagram import icon_file

    return {_icon_path(ref): icon_file(ref).read_bytes() for ref in set(KIND_ICONS.values())}


def _icon_path(ref: IconRef) -> str:
    return f"{ICON_FOLDER}/{ref.module.removeprefix('diagrams.').replace('.', '-')}-{ref.name}.png"


_HEADER = """\
<!-- Generated from src/sketch/model by scripts/update-reference; do not edit by hand. -->
# Design model reference

A design is one `Design` value made of the objects below, written in Python
(`from sketch import Design, Component, ...`) or as YAML/JSON data with the same field
names (`sketch schema` gives editors the JSON Schema). Every object rejects unknown fields,
and the names of fields and components are checked by `sketch check`, with the closest
name when one is misspelt. Worked patterns (queue and worker, read replicas, sharding,
WebSockets, CDN, multi-region, external services) are in [recipes.md](recipes.md).

Lists are written as Python lists or tuples (`[...]`) or YAML sequences. In Python, `from`
is a keyword, so steps and links take `from_=`; YAML and JSON write `from:`.
"""


def _contents() -> str:
    lines = [
        "## Contents\n",
        "- [Component kinds](#component-kinds)",
        "- [Technology catalogue](#technology-catalogue)",
    ]
    for title, models in STEPS:
        lines.append(
            f"- [{title}](#{_anchor(title)}): "
            + ", ".join(f"[`{m.__name__}`](#{m.__name__.lower()})" for m in models)
        )
    return "\n".join(lines) + "\n"


def markdown_cell(text: str) -> str:
    """sketch's own prose in a table cell: code spans kept, only `|` and line ends escaped."""
    return " ".join(text.replace("|", "\\|").split())


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, spaces to `-`, punctuation dropped."""
    kept = "".join(c for c in title.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _kinds() -> str:
    rows = []
    for kind in Kind:
        ref = KIND_ICONS[kind]
        facts = []
        if kind in DATA_STORE_KINDS:
            facts.append("data store")
        elif kind in STATEFUL_KINDS:
            facts.append("stateful")
        elif kind is Kind.load_balancer:
            facts.append("needs 2+ instances")
        note = _KIND_NOTES.get(kind, "")
        rows.append(
            f'| `{kind.value}` | <img src="{_icon_path(ref)}" width="40" alt="{kind.value}"> '
            f"| `{ref.qualname}` | {', '.join(facts)} | {markdown_cell(note)} |"
        )
    return (
        "## Component kinds\n\n"
        "`Component(kind=...)` takes one of these. The kind picks the icon when the "
        "technology has none in the catalogue below, and tells lint what to expect: one "
        "instance of a stateful kind (or a load balancer) with no replica is a single point "
        "of failure at high availability (D303); flows should reach a data store (D306). "
        "`Component(icon=...)` overrides the icon with a technology, a kind or any "
        "`diagrams` class.\n\n"
        "| kind | icon | diagrams class | lint sees it as | notes |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n"
    )


def _technologies() -> str:
    by_icon: dict[IconRef, list[str]] = {}
    for key, ref in TECHNOLOGY_ICONS.items():
        by_icon.setdefault(ref, []).append(key)
    rows = [
        f"| {', '.join(f'`{k}`' for k in keys)} | `{ref.qualname}` |"
        for ref, keys in sorted(by_icon.items(), key=lambda item: item[1][0])
    ]
    return (
        "## Technology catalogue\n\n"
        "`Component(technology=...)` is free text (`PostgreSQL 16`, `Amazon S3`); sketch "
        "lower-cases it, drops vendor prefixes (Amazon, AWS, Google, GCP, Apache, Azure) and "
        "a trailing version, and looks the rest up here to pick the icon. Anything else is "
        "drawn with the kind's icon.\n\n"
        "| technology | diagrams class |\n|---|---|\n" + "\n".join(rows) + "\n"
    )


def _model(model: type[BaseModel]) -> str:
    doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
    rows = [
        f"| {_name(name, field)} | {_type(field)} | {_default(field)} | "
        f"{markdown_cell(field.description or '')} |"
        # `suppress`, inherited by every object lint points at, goes last
        for name, field in sorted(model.model_fields.items(), key=lambda i: i[0] == "suppress")
    ]
    return (
        f"### {model.__name__}\n\n{markdown_cell(doc)}\n\n"
        "| field | type | default | description |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def _name(name: str, field: FieldInfo) -> str:
    if field.alias and field.alias != name:
        return f"`{name}` (data: `{field.alias}`)"
    return f"`{name}`"


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    if field.default_factory is not None:
        value: Any = field.default_factory()  # type: ignore[call-arg]
    else:
        value = field.default
    if isinstance(value, BaseModel):
        return f"`{type(value).__name__}()`"
    if isinstance(value, tuple) and not value:
        return "`[]`"
    if isinstance(value, dict) and not value:
        return "`{}`"
    if isinstance(value, enum.Enum):
        return f"`{value.value}`"
    return f"`{value!r}`"


def _type(field: FieldInfo) -> str:
    text = _annotation(field.annotation)
    limits = list(_constraints(field.metadata))
    return text + (f" ({', '.join(limits)})" if limits else "")


def _constraints(metadata: list[Any]) -> Iterator[str]:
    for item in metadata:
        for attr, shown in (("gt", ">"), ("ge", ">="), ("lt", "<"), ("le", "<=")):
            value = getattr(item, attr, None)
            if value is not None:
                yield f"{shown} {value:g}"
        if getattr(item, "min_length", None):
            yield f"at least {item.min_length}"
        if getattr(item, "pattern", None):
            yield f"matches `{item.pattern}`"


def _annotation(annotation: Any) -> str:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is typing.Annotated:
        limits = list(_constraints(list(args[1:])))
        return _annotation(args[0]) + (f" ({', '.join(limits)})" if limits else "")
    if origin in (Union, types.UnionType):
        shown = [_annotation(a) for a in args if a is not type(None)]
        return " or ".join(shown) + (" or `None`" if type(None) in args else "")
    if origin is Literal:
        return " or ".join(f"`{a}`" for a in args)
    if origin is tuple:
        return f"list of {_annotation(args[0])}"
    if origin is dict:
        return f"mapping of {_annotation(args[0])} to {_annotation(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "a [kind](#component-kinds)" if annotation is Kind else f"`{annotation.__name__}`"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[`{annotation.__name__}`](#{annotation.__name__.lower()})"
    if isinstance(annotation, type):
        return f"`{annotation.__name__}`"
    return f"`{annotation}`"
