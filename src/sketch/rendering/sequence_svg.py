"""A flow as a static SVG sequence diagram, drawn here: readable with JavaScript off.

The HTML page shows one per flow (the Mermaid `flow-N.mmd` files need a Mermaid renderer;
this needs none). Participants are columns in order of appearance, each step a row: a
solid arrow for a call, dashed for a reply to an earlier caller, an open arrowhead for an
asynchronous step, a loop for work a component does itself. All text is XML-escaped, and
the SVG uses `currentColor`, so it follows the page's light or dark colours.
"""

from __future__ import annotations

import textwrap
from html import escape

from sketch.model import Design, Flow
from sketch.rendering.scene import EdgeKind, SceneFlow, flow_edges, step_label

COLUMN = 170  # px between lifelines
HEAD_HEIGHT = 44
ROW = 52  # px per step
LABEL_CHARS = 30
FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12"'


def sequence_svg(design: Design, flow: Flow, number: int, colour: str = "#1F77B4") -> str:
    """The `<svg>` element for flow `number` (1-based) of `design`."""
    order = list(dict.fromkeys(name for s in flow.steps for name in (s.from_, s.to)))
    x = {name: 20 + COLUMN // 2 + i * COLUMN for i, name in enumerate(order)}
    width = 40 + COLUMN * len(order)
    height = HEAD_HEIGHT + 30 + ROW * len(flow.steps) + 20
    edges = flow_edges(SceneFlow(number, flow.name, colour), flow)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sequence" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" {FONT}>',
        f"<title>{escape(f'Flow {number}: {flow.name}')}</title>",
    ]
    bottom = height - 10
    for name in order:
        component = design.component(name)
        shown = component.display_name if component else name
        cx = x[name]
        parts.append(
            f'<rect x="{cx - COLUMN // 2 + 8}" y="8" width="{COLUMN - 16}" height="30" rx="4" '
            'fill="none" stroke="currentColor"/>'
            f'<text x="{cx}" y="28" text-anchor="middle" fill="currentColor" '
            f'font-weight="600">{escape(_short(shown, 22))}</text>'
            f'<line x1="{cx}" y1="38" x2="{cx}" y2="{bottom}" stroke="currentColor" '
            'stroke-opacity="0.4" stroke-dasharray="4 4"/>'
        )
    for row, (step, edge) in enumerate(zip(flow.steps, edges, strict=True)):
        y = HEAD_HEIGHT + 30 + row * ROW
        label = step_label(f"{number}.{row + 1}", step).replace("\u00a0", " ")
        span = abs(x[step.to] - x[step.from_])
        lines = textwrap.wrap(" ".join(label.split()), max(LABEL_CHARS, span // 7)) or [""]
        dash = ' stroke-dasharray="6 4"' if edge.kind is EdgeKind.reply else ""
        dash = ' stroke-dasharray="2 3"' if step.asynchronous else dash
        x1, x2 = x[step.from_], x[step.to]
        if edge.kind is EdgeKind.self_step:
            path, tip, leftward = f"M{x1},{y} h28 v16 h-20", (x1, y + 16), True
            anchor_x, anchor = x1 + 34, "start"
        else:
            path, tip, leftward = f"M{x1},{y + 8} L{x2},{y + 8}", (x2, y + 8), x2 < x1
            anchor_x, anchor = (x1 + x2) // 2, "middle"
        parts.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="1.5"{dash}/>'
            + _arrowhead(tip, leftward, colour, hollow=step.asynchronous)
        )
        first_line = y - 4 - 13 * (len(lines) - 1) if edge.kind is not EdgeKind.self_step else y + 4
        for i, line in enumerate(lines[:3]):
            parts.append(
                f'<text x="{anchor_x}" y="{first_line + 13 * i}" text-anchor="{anchor}" '
                f'fill="currentColor">{escape(line)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _arrowhead(tip: tuple[int, int], leftward: bool, colour: str, hollow: bool) -> str:
    """A triangle at `tip` (drawn, not a `marker`: the page references nothing, not even an
    in-document `url(#id)`); hollow for an asynchronous step."""
    x, y = tip
    back = x + 9 if leftward else x - 9
    points = f"{back},{y - 5} {x},{y} {back},{y + 5}"
    if hollow:
        return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="1.5"/>'
    return f'<polygon points="{points}" fill="{colour}"/>'


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
