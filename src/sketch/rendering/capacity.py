"""The capacity catalogue as a table: what sketch assumes one node of each kind and technology
takes, and where each figure comes from (`sketch capacity`, `docs/capacity.md`)."""

from __future__ import annotations

from collections.abc import Iterator

from sketch.estimating.catalogue import KIND_DEFAULTS, TECHNOLOGY_DEFAULTS, NodeFigures
from sketch.estimating.spoken import count, size
from sketch.rendering.escape import markdown_cell

COLUMNS = (
    "",
    "requests/s",
    "writes/s",
    "writes on",
    "storage",
    "memory",
    "connections",
    "managed",
    "source",
)

HEADER = """# Capacity defaults

What `sketch estimate` and `sketch lint` assume one node (one instance) takes, by component
kind and by technology, and where each figure comes from. A technology's row wins over its
kind's. Override them, the nearest winning:

- on the component: `Component(..., capacity=NodeCapacity(requests_per_second=20_000,
  reference="our load test, 2026-03"))`;
- for the project, per kind or technology, in pyproject.toml:
  `[tool.sketch.capacity.PostgreSQL]` `requests_per_second = 20000`;
- for app servers and databases, in the design: `Scale(capacity=Capacity(qps_per_server=...,
  qps_per_database=...))`.

Managed services take their load without a capacity finding unless a documented limit (a
figure in their row) is passed.

A database takes its writes and holds its data on one primary a shard (its other instances
are standbys) unless its row says "every node" under "writes on" (Cassandra, DynamoDB). A
ring of equal nodes of another engine says so with `NodeCapacity(distributed_writes=True)`
or `distributed_writes = true` in its `[tool.sketch.capacity.<technology>]` table.

This page is generated: `sketch capacity --format markdown > docs/capacity.md`.
"""


def _row(name: str, figures: NodeFigures) -> tuple[str, ...]:
    def number(value: float | None) -> str:
        return "" if value is None else str(count(value))

    def bytes_(value: float | None) -> str:
        return "" if value is None else str(size(value))

    return (
        name,
        number(figures.requests_per_second),
        number(figures.writes_per_second),
        "every node" if figures.distributed_writes else "",
        bytes_(figures.storage_bytes),
        bytes_(figures.memory_bytes),
        number(figures.connections),
        "yes" if figures.managed else "",
        figures.source,
    )


def rows() -> Iterator[tuple[str, tuple[tuple[str, ...], ...]]]:
    yield "By kind", tuple(_row(kind.value, f) for kind, f in KIND_DEFAULTS.items())
    yield (
        "By technology (`technology=`, matched on letters and digits, case-insensitive)",
        tuple(_row(name, f) for name, f in sorted(TECHNOLOGY_DEFAULTS.items())),
    )


def capacity_markdown() -> str:
    out = [HEADER]
    for title, table in rows():
        out += [f"## {title}", "", "| " + " | ".join(c or "name" for c in COLUMNS) + " |"]
        out.append("|" + "---|" * len(COLUMNS))
        out += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in table]
        out.append("")
    return "\n".join(out)


def capacity_text() -> str:
    figure_columns = ("requests/s", "writes/s", "storage", "memory", "connections")
    out = []
    for title, table in rows():
        out.append(title)
        for row in table:
            cells = dict(zip(COLUMNS, row, strict=True))
            figures = ", ".join(f"{cells[c]} {c}" for c in figure_columns if cells[c])
            notes = [f"writes on {cells['writes on']}"] if cells["writes on"] else []
            notes += ["managed"] if cells["managed"] else []
            said = f" ({', '.join(notes)})" if notes else ""
            out.append(f"  {cells['']}: {figures or 'no figure'}{said}")
            out.append(f"      source: {cells['source']}")
        out.append("")
    return "\n".join(out)
