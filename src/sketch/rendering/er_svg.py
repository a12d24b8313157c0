"""The entities as a static SVG ER diagram, laid out by Graphviz: readable with JavaScript off.

One table per entity (name, then each field with its key marks and type), one edge per
foreign key from the child's field to the parent's. Labels are Graphviz HTML-like labels,
so every user text goes through `escape.html`; ids are numbered, never user text. The
colours are left to the page's CSS (`currentColor`), so the picture follows dark mode.
"""

from __future__ import annotations

from sketch.model import Design
from sketch.rendering.escape import html


def er_dot(design: Design) -> str:
    """DOT source of the ER diagram (no layout yet)."""
    index = {entity.name: i for i, entity in enumerate(design.entities)}
    lines = [
        "digraph er {",
        '  graph [rankdir=LR, bgcolor="transparent", pad="0.2", nodesep="0.5", ranksep="0.9"];',
        '  node [shape=plaintext, fontname="Helvetica", fontsize="11"];',
        '  edge [fontname="Helvetica", fontsize="10", arrowhead="crow", arrowtail="tee", '
        'dir="both"];',
    ]
    for i, entity in enumerate(design.entities):
        rows = [
            f'<tr><td bgcolor="#8888882e" port="title"><b>{html(entity.name)}</b></td></tr>',
        ]
        for j, field in enumerate(entity.fields):
            marks = [
                *(["PK"] if field.name in entity.key_fields else []),
                *(["FK"] if field.references else []),
            ]
            mark = f"{' '.join(marks)} " if marks else ""
            rows.append(
                f'<tr><td align="left" port="f{j}">{html(mark)}<b>{html(field.name)}</b> '
                f"{html(field.type)}</td></tr>"
            )
        table = (
            '<table border="0" cellborder="1" cellspacing="0" cellpadding="4">'
            + "".join(rows)
            + "</table>"
        )
        lines.append(f"  e{i} [label=<{table}>];")
    for i, entity in enumerate(design.entities):
        for j, field in enumerate(entity.fields):
            if not field.references or "." not in field.references:
                continue
            parent_name, _, parent_field = field.references.partition(".")
            parent = design.entity(parent_name)
            if parent is None:  # a draft's dangling key: `sketch check` reports it
                continue
            k = next((n for n, f in enumerate(parent.fields) if f.name == parent_field), None)
            target = f"e{index[parent_name]}:f{k}" if k is not None else f"e{index[parent_name]}"
            lines.append(f"  {target} -> e{i}:f{j};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def er_svg(design: Design) -> str | None:
    """The laid-out SVG document, or None for a design without entities."""
    if not design.entities:
        return None
    from sketch.rendering.dot import run_dot

    return run_dot(er_dot(design), {}, ["svg"])["svg"].decode("utf-8")
