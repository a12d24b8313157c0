"""The reports of the load along the flows: what each component carries, what it can carry,
and what breaks first, for `sketch estimate` (text and JSON), design.md and the HTML page.

`sketch.estimating.route_load` calculates; this module only says what it found. Every report
shares `load_rows` (the table's cells) and the "breaks first" line, so the terminal, the note
and the page cannot disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from sketch.estimating.load import ComponentLoad, Dimension, LoadModel, multiple
from sketch.estimating.spoken import count, count_in_steps, size
from sketch.estimating.workloads import WorkloadRate
from sketch.rendering.escape import html, markdown_cell, markdown_code, markdown_text

#: The table's header, in every report.
LOAD_HEADER = (
    "Component",
    "Requests/s (avg)",
    "Requests/s (peak)",
    "Reads / writes per s",
    "Stored",
    "Nodes (declared / needed)",
    "Utilisation",
    "Saturates at",
)
NONE = "—"


@dataclass(frozen=True)
class LoadRow:
    """One component's cells, as plain text (each report escapes them its own way)."""

    name: str
    requests: str
    peak_requests: str
    reads_writes: str
    stored: str
    nodes: str
    utilisation: str
    saturates_at: str

    @property
    def cells(self) -> tuple[str, ...]:
        return (
            self.name,
            self.requests,
            self.peak_requests,
            self.reads_writes,
            self.stored,
            self.nodes,
            self.utilisation,
            self.saturates_at,
        )


def shown(model: LoadModel) -> list[ComponentLoad]:
    """The components a reader wants in the table: those that carry load or are held
    against a capacity; the clients, and what no flow reaches, are left out."""
    return [c for c in model.components if c.carries_load or c.dimensions]


def load_rows(model: LoadModel) -> list[LoadRow]:
    binary = model.conventions.binary
    return [_row(c, model.scale, binary) for c in shown(model)]


def _row(c: ComponentLoad, scale: float, binary: bool) -> LoadRow:
    tight = c.tightest
    stored = [
        f"{size(value, binary=binary)}{suffix}"
        for value, suffix in ((c.stored_bytes, ""), (c.memory_bytes, " in memory"))
        if value
    ]
    if c.connections:
        stored.append(f"{count(c.connections)} connections")
    peak = c.peak_requests
    return LoadRow(
        name=c.name,
        requests=_rate(c.requests),
        peak_requests=_rate(peak) if peak is not None else NONE,
        reads_writes=f"{_rate(c.reads)} / {_rate(c.writes)}" if c.requests else NONE,
        stored=", ".join(stored) or NONE,
        nodes=_nodes(tight),
        utilisation=_utilisation(c),
        saturates_at=saturation(c, scale),
    )


def _rate(value: float) -> str:
    return str(count_in_steps(value)) if value else "0"


def _nodes(tight: Dimension | None) -> str:
    if tight is None:
        return NONE
    return f"{tight.nodes:,} / {tight.nodes_needed:,}"


def _utilisation(c: ComponentLoad) -> str:
    if c.utilisation is not None:
        return f"{c.utilisation:,.0%}"
    return "managed" if c.managed else NONE


def saturation(c: ComponentLoad, scale: float) -> str:
    """`1.4x (writes)`: the multiple of today's traffic at which `c` is full."""
    tight, at = c.tightest, c.saturates_at
    if tight is None or at is None:
        return NONE
    return f"{multiple(at * scale)} ({tight.name})"


def breaks_first_line(model: LoadModel) -> str:
    """The "breaks first" line, or why there is none."""
    line = model.saturation_line()
    if line is not None:
        return line
    if not model.workloads:
        return "no load: the design states no traffic (requirements.scale)"
    return "nothing saturates: no component on the flows has a known capacity"


def over_capacity_line(model: LoadModel) -> str | None:
    """`over capacity at 10x: cache (7,053%), db (468%)`: what this scale already breaks."""
    over = [c for c in model.ranked if (c.utilisation or 0.0) > 1]
    if not over:
        return None
    said = ", ".join(f"{c.name} ({c.utilisation:,.0%})" for c in over)
    return f"over capacity at {scale_said(model)}: {said}"


def scale_said(model: LoadModel) -> str:
    """`today's traffic`, or `10x today's traffic`."""
    return "today's traffic" if model.scale == 1 else f"{multiple(model.scale)} today's traffic"


def derivations(model: LoadModel) -> Iterator[tuple[ComponentLoad, list[str]]]:
    """(component, lines) for each shown component: where its load comes from, what it is
    held against (each dimension), and where the per-node figure comes from."""
    binary = model.conventions.binary
    for c in shown(model):
        lines = list(c.why)
        lines += [d.text(binary) for d in c.dimensions]
        if c.figures.source:
            lines.append(f"per node: {c.figures.source}")
        yield c, lines


def unrouted_lines(model: LoadModel) -> list[str]:
    """Traffic nobody estimated: flows tied to no workload, workloads no flow carries,
    fanouts no step delivers, and the problems found on the way."""
    lines = [f"flow '{f.name}' (flows[{f.index}]): {f.why}" for f in model.unrouted]
    lines += [
        f"workload '{name}' ({path}): no flow carries it" for path, name in model.idle_workloads
    ]
    lines += [
        f"workload '{name}' ({path}): its fanout is carried by no step (`Step(fanout=True)`)"
        for path, name in model.lost_fanouts
    ]
    lines += [f"{path}: {message} ({help})" for path, message, help in model.problems]
    return lines


# `sketch estimate`: the sections of the LOAD box, in `rendering.estimates`' box format.


def load_sections(model: LoadModel, said: Collection[str] = ()) -> list[tuple[str, list[str]]]:
    """The box's sections; a workload's derivation steps already `said` (in the estimates
    box above it) are not repeated."""
    over = over_capacity_line(model)
    sections = [("Breaks first", [breaks_first_line(model), *([over] if over else [])])]
    sections.append(("Workloads", [_workload_line(w, said) for w in model.workloads]))
    for c, lines in derivations(model):
        row = _row(c, model.scale, model.conventions.binary)
        summary = [_carries(c, row)]
        if row.utilisation != NONE:
            summary.append(
                f"utilisation {row.utilisation}, nodes declared / needed {row.nodes}, "
                f"saturates at {row.saturates_at}"
            )
        sections.append((f"{c.name} ({c.kind.value.replace('_', ' ')})", summary + lines))
    missing = unrouted_lines(model)
    if missing:
        sections.append(("Not estimated", missing))
    return sections


def _carries(c: ComponentLoad, row: LoadRow) -> str:
    said = f"{row.requests} requests/s"
    if c.peak_requests is not None:
        said += f" (peak {row.peak_requests}/s)"
    if c.requests:
        said += f": {_rate(c.reads)} reads/s, {_rate(c.writes)} writes/s"
    if row.stored != NONE:
        said += f"; holds {row.stored}"
    return said


def _workload_line(w: WorkloadRate, said: Collection[str]) -> str:
    peak = f", peak {count_in_steps(w.peak)}/s ({w.peak_factor:g}x)" if w.peak else ""
    fanout = f", fanout {w.fanout:g}" if w.fanout else ""
    new = [step for step in w.steps if step not in said]
    steps = f": {'; '.join(new)}" if new else ""
    return f"{w.name} ({w.kind}): {count_in_steps(w.average)}/s{peak}{fanout}{steps}"


# `sketch estimate --format json`: the load under the "load" key.


def load_data(model: LoadModel) -> dict[str, Any]:
    """A JSON-ready dict: every component (its load, capacity and derivation), every
    workload, and what was not estimated. `saturates_at` is a multiple of today's traffic."""
    first = model.breaks_first
    return {
        "scale": model.scale,
        "basis": "peak" if model.peak_known else "average",
        "breaks_first": first.name if first else None,
        "saturation_line": model.saturation_line(),
        "workloads": [
            {
                "name": w.name,
                "kind": w.kind,
                "path": w.path,
                "average_per_second": w.average,
                "peak_factor": w.peak_factor,
                "peak_per_second": w.peak,
                "fanout": w.fanout,
                "derivation": list(w.steps),
            }
            for w in model.workloads
        ],
        "components": [_component_data(c, model.scale) for c in model.components],
        "unrouted": [
            {"flow": f.name, "path": f"flows[{f.index}]", "why": f.why} for f in model.unrouted
        ],
        "idle_workloads": [{"path": p, "name": n} for p, n in model.idle_workloads],
        "lost_fanouts": [{"path": p, "name": n} for p, n in model.lost_fanouts],
        "problems": [{"path": p, "message": m, "help": h} for p, m, h in model.problems],
    }


def _component_data(c: ComponentLoad, scale: float) -> dict[str, Any]:
    figures, tight = c.figures, c.tightest
    return {
        "name": c.name,
        "kind": c.kind.value,
        "path": c.path,
        "managed": c.managed,
        "judged_at": "peak" if c.judged_at_peak else "average",
        "requests_per_second": {"average": c.requests, "peak": c.peak_requests},
        "reads_per_second": {"average": c.reads, "peak": c.peak_reads},
        "writes_per_second": {"average": c.writes, "peak": c.peak_writes},
        "bytes_in_per_second": c.bytes_in,
        "bytes_out_per_second": c.bytes_out,
        "stored_bytes": c.stored_bytes,
        "memory_bytes": c.memory_bytes,
        "connections": c.connections,
        "per_node": {
            "requests_per_second": figures.requests_per_second,
            "writes_per_second": figures.writes_per_second,
            "storage_bytes": figures.storage_bytes,
            "memory_bytes": figures.memory_bytes,
            "connections": figures.connections,
            "source": figures.source,
        },
        "nodes": {
            "declared": tight.nodes if tight else None,
            "needed": tight.nodes_needed if tight else None,
        },
        "utilisation": c.utilisation,
        "saturates_at": c.saturates_at * scale if c.saturates_at is not None else None,
        "tightest": tight.name if tight else None,
        "dimensions": [
            {
                "name": d.name,
                "load": d.load,
                "capacity": d.capacity,
                "per_node": d.per_node,
                "nodes": d.nodes,
                "nodes_needed": d.nodes_needed,
                "utilisation": d.utilisation,
                "text": d.text(),
            }
            for d in c.dimensions
        ],
        "derivation": list(c.why),
    }


# design.md: the section, user text escaped by `rendering.escape`.

LOAD_TITLE = "Load along the flows"


def load_markdown(model: LoadModel, *, level: int = 2) -> str:
    heading = "#" * level
    lines = [
        f"{heading} {LOAD_TITLE}",
        "",
        f"**Breaks first** (at {markdown_text(scale_said(model))}): "
        f"{markdown_text(breaks_first_line(model))}",
        "",
    ]
    rows = load_rows(model)
    if rows:
        lines.append("| " + " | ".join(LOAD_HEADER) + " |")
        lines.append("| --- |" + " ---: |" * (len(LOAD_HEADER) - 1))
        for row in rows:
            cells = [markdown_code(row.name), *(markdown_cell(c) for c in row.cells[1:])]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f"{heading}# How the load was found", ""]
        for c, found in derivations(model):
            lines += [f"**{markdown_code(c.name, in_table=False)}**", ""]
            lines += [f"- {markdown_text(line)}" for line in found] + [""]
    missing = unrouted_lines(model)
    if missing:
        lines += [f"{heading}# Not estimated", ""]
        lines += [f"- {markdown_text(line)}" for line in missing] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


# The HTML page: one self-contained section, user text escaped by `rendering.escape.html`.


def load_html(model: LoadModel) -> str:
    rows = load_rows(model)
    parts = [
        f'<section id="load" class="load">\n<h2>{html(LOAD_TITLE)}</h2>\n',
        f'<p class="breaks-first"><strong>Breaks first</strong> (at '
        f"{html(scale_said(model))}): {html(breaks_first_line(model))}</p>\n",
    ]
    if rows:
        head = "".join(f"<th>{html(h)}</th>" for h in LOAD_HEADER)
        body = "".join(
            f"<tr><td><code>{html(row.name)}</code></td>"
            + "".join(f"<td>{html(cell)}</td>" for cell in row.cells[1:])
            + "</tr>\n"
            for row in rows
        )
        parts.append(
            f'<table class="load">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n'
            "</table>\n"
        )
        parts.append("<details>\n<summary>How the load was found</summary>\n")
        for c, found in derivations(model):
            items = "\n".join(f"<li>{html(line)}</li>" for line in found)
            parts.append(f"<h3><code>{html(c.name)}</code></h3>\n<ul>\n{items}\n</ul>\n")
        parts.append("</details>\n")
    missing = unrouted_lines(model)
    if missing:
        items = "\n".join(f"<li>{html(line)}</li>" for line in missing)
        parts.append(f"<h3>Not estimated</h3>\n<ul>\n{items}\n</ul>\n")
    parts.append("</section>\n")
    return "".join(parts)
