"""Scene -> DOT source via the `diagrams` library: the only module that imports diagrams.

What diagrams leaves to us is fenced in here: nodes get explicit ids (no random uuids), the
diagram is never rendered or shown by diagrams itself (we take its DOT source and run `dot`
once, see `rendering.dot`), icons are referenced by a relative `icons/...` path instead of
an absolute path into site-packages, and every user label is escaped and kept from being read
as an HTML-like label.
"""

from __future__ import annotations

import functools
import importlib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sketch.rendering.escape import dot_label, html
from sketch.rendering.icon_data import optimised_copy
from sketch.rendering.icons import IconRef
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions, Theme
from sketch.rendering.scene import LINK_COLOUR, EdgeKind, Scene, SceneEdge, SceneNode

ICON_FOLDER = "icons"
NODE_LABEL_WIDTH = 14  # characters per line under an icon: about what fits in 1.4 inches
ICON_HEIGHT = 1.45  # inches: the icon fills the top of the box, the label lines sit below it
LABEL_LINE_HEIGHT = 0.22

GRAPH_ATTRS = {
    "pad": "0.4",
    "splines": "spline",  # ortho splines cannot place edge labels
    "nodesep": "0.7",
    "ranksep": "1.1",
    "fontsize": "14",
    "labelloc": "t",
    "labeljust": "l",
    "newrank": "true",
}
# Icon at the top of its box (diagrams centres it, so long labels run over the icon).
NODE_ATTRS = {"fontsize": "12", "imagepos": "tc"}
EDGE_ATTRS = {"fontsize": "11", "arrowsize": "0.8", "penwidth": "1.4"}
# A self-step's note: free-size text in the flow's colour, joined by a thin line, no arrow.
NOTE_ATTRS = {
    "shape": "plaintext",
    "fixedsize": "false",
    "width": "0",
    "height": "0",
    "margin": "0.05",
    "fontsize": "11",
}
NOTE_EDGE_ATTRS = {"penwidth": "1.0", "arrowhead": "none"}
# Tier names at the bottom: the top of a cluster is where self-step loops draw their labels.
CLUSTER_ATTRS = {"fontsize": "14", "margin": "16", "labelloc": "b"}


@dataclass(frozen=True)
class DiagramSource:
    """DOT text whose images are `icons/<file>`, and where to copy each of those files from."""

    dot: str
    icons: dict[str, Path]  # relative path as written in the DOT -> the icon file to copy


@functools.lru_cache(maxsize=256)
def icon_class(ref: IconRef) -> Any:
    """The diagrams node class for an icon reference; a class diagrams does not have (a
    `Component(icon=...)` typo) is a RenderError."""
    from sketch.errors import RenderError

    try:
        found = getattr(importlib.import_module(ref.module), ref.name)
    except (ImportError, AttributeError):
        raise RenderError(
            f"the installed diagrams has no icon class {ref.qualname}",
            "check the name on https://diagrams.mingrammer.com/docs/nodes/onprem "
            "(or use a technology of docs/reference.md's catalogue)",
        ) from None
    if not hasattr(found, "_icon"):
        raise RenderError(f"{ref.qualname} is not a diagrams node class")
    return found


def original_icon_file(ref: IconRef) -> Path:
    """The PNG that diagrams ships for this icon."""
    import diagrams  # type: ignore[import-untyped]

    cls = icon_class(ref)
    resources = Path(diagrams.__file__).resolve().parent.parent
    return resources / str(cls._icon_dir) / str(cls._icon)


@functools.lru_cache(maxsize=256)
def icon_file(ref: IconRef) -> Path:
    """The icon's PNG: sketch's losslessly optimised copy, else the one diagrams ships.

    Found once per icon: a 300-component diagram asks 300 times for a handful of icons.
    """
    return optimised_copy(Path(icon_relative_path(ref)).name) or original_icon_file(ref)


@functools.lru_cache(maxsize=256)
def icon_relative_path(ref: IconRef) -> str:
    """`icons/onprem-inmemory-redis.png`: unique per icon, stable, safe in any file system."""
    cls = icon_class(ref)
    folder = Path(cls._icon_dir).parts[1:]  # drop the leading `resources`
    return f"{ICON_FOLDER}/{'-'.join([*folder, cls._icon])}"


#: Graph, node, edge and cluster colours of the dark theme (GitHub's dark palette); flow
#: colours stay as they are, they read on both backgrounds.
DARK_GRAPH_ATTRS = {"bgcolor": "#0d1117", "fontcolor": "#e6edf3"}
DARK_NODE_ATTRS = {"fontcolor": "#e6edf3"}
DARK_CLUSTER_ATTRS = {"bgcolor": "#161b22", "pencolor": "#30363d", "fontcolor": "#e6edf3"}
BANNER_COLOUR = "#CF222E"


def diagram_source(scene: Scene, options: RenderOptions = DEFAULT_OPTIONS) -> DiagramSource:
    """Build the diagram with diagrams' own classes and return its DOT source."""
    import diagrams

    dark = options.theme is Theme.dark
    diagram = diagrams.Diagram(
        name="architecture",
        direction=options.direction.value,
        show=False,
        outformat="dot",
        graph_attr={
            **GRAPH_ATTRS,
            **(DARK_GRAPH_ATTRS if dark else {}),
            "label": legend_label(scene),
        },
        node_attr={**NODE_ATTRS, **(DARK_NODE_ATTRS if dark else {})},
    )
    icons: dict[str, Path] = {}
    # Entered by hand instead of `with`: Diagram.__exit__ would run dot and delete files.
    diagrams.setdiagram(diagram)
    try:
        notes: dict[SceneEdge, Any] = {}
        nodes = _add_nodes(scene, icons, notes, diagram.dot, dark)
        for edge in scene.edges:
            source, target = nodes[edge.source], nodes[edge.target]
            if edge.kind is EdgeKind.self_step:  # a line to its note, see `_add_notes`
                note = notes[edge]
                source.connect(note, diagrams.Edge(source, color=edge.colour, **NOTE_EDGE_ATTRS))
            elif edge.kind is EdgeKind.reply:
                # Drawn from the caller with the arrow at its tail: dot then lays the reply out
                # beside the call it answers instead of looping it around the picture.
                target.connect(source, diagrams.Edge(target, reverse=True, **edge_attrs(edge)))
            else:
                source.connect(target, diagrams.Edge(source, forward=True, **edge_attrs(edge)))
    finally:
        diagrams.setdiagram(None)
    return DiagramSource(diagram.dot.source, dict(sorted(icons.items())))


def _add_nodes(
    scene: Scene,
    icons: dict[str, Path],
    notes: dict[SceneEdge, Any],
    diagram_dot: Any,
    dark: bool = False,
) -> dict[str, Any]:
    """Component nodes by id, tier by tier; fills `notes` with the self-step notes."""
    import diagrams

    by_id = {node.id: node for node in scene.nodes}
    by_source: dict[str, list[SceneEdge]] = {}
    for edge in scene.edges:
        if edge.kind is EdgeKind.self_step:
            by_source.setdefault(edge.source, []).append(edge)
    nodes: dict[str, Any] = {}
    tiers = dict(scene.tiers)
    for index, (tier, ids) in enumerate(scene.tiers, start=1):
        # Cluster ids are numbered, so user text only ever appears in the (escaped) label.
        attrs = {**CLUSTER_ATTRS, **(DARK_CLUSTER_ATTRS if dark else {})}
        cluster = diagrams.Cluster(
            f"tier{index}", graph_attr={**attrs, "label": _plain(dot_label(tier))}
        )
        with cluster:
            for node_id in ids:
                nodes[node_id] = _add_node(by_id[node_id], icons)
                _add_notes(nodes[node_id], by_source.get(node_id, []), cluster.dot, notes)
    for node in scene.nodes:
        if node.tier not in tiers:
            nodes[node.id] = _add_node(node, icons)
            _add_notes(nodes[node.id], by_source.get(node.id, []), diagram_dot, notes)
    return nodes


def _add_notes(
    component: Any, steps: list[SceneEdge], container: Any, notes: dict[SceneEdge, Any]
) -> None:
    """Self-steps as notes beside their component (joined to it when edges are drawn).

    A self-loop would do, but dot puts its label on the loop, over other labels and over the
    cluster's border; a note in the same rank is placed like any other node.
    """
    import diagrams
    from graphviz import Digraph  # type: ignore[import-untyped]

    if not steps:
        return
    same_rank = Digraph()
    same_rank.attr(rank="same")
    same_rank.node(component.nodeid)
    for step in steps:
        note_id = f"{component.nodeid} step {step.label.split()[0]}"  # spaces: never a name
        notes[step] = diagrams.Node(
            _plain(dot_label(step.label)), nodeid=note_id, fontcolor=step.colour, **NOTE_ATTRS
        )
        same_rank.node(note_id)
    container.subgraph(same_rank)


def _add_node(node: SceneNode, icons: dict[str, Path]) -> Any:
    relative = icon_relative_path(node.icon)
    icons[relative] = icon_file(node.icon)
    # The user's own line breaks are kept; one line per part of `Redis x3, +3 replicas`.
    parts = node.title.splitlines() + (node.detail.split(", ") if node.detail else [])
    lines = [line for part in parts for line in textwrap.wrap(part, NODE_LABEL_WIDTH) or [""]]
    label = "\\n".join(dot_label(line) for line in lines)
    height = ICON_HEIGHT + LABEL_LINE_HEIGHT * len(lines) + 0.1
    return icon_class(node.icon)(
        _plain(label), nodeid=node.id, image=relative, height=f"{height:.1f}"
    )


def edge_attrs(edge: SceneEdge) -> dict[str, str]:
    """Colour, style and label of one edge: replies dashed, asynchronous steps dotted."""
    attrs = {
        **EDGE_ATTRS,
        "label": _plain(dot_label(edge.label)),
        "color": edge.colour,
        "fontcolor": edge.colour,
        "style": "dotted" if edge.asynchronous else "solid",
    }
    if edge.kind is EdgeKind.reply:
        attrs.update(style="dashed")
    elif edge.kind is EdgeKind.link:
        attrs.update(style="solid", penwidth="1.0")
    return attrs


def legend_label(scene: Scene) -> str:
    """The graph's title and flow legend, as an HTML-like label (user text HTML-escaped)."""
    title = f'<b><font point-size="20">{html(scene.title)}</font></b>'
    rows = []
    if scene.banner:  # a draft says so above its title, with what is still wrong
        rows.append(
            f'<tr><td align="left"><b><font color="{BANNER_COLOUR}" point-size="16">'
            f"{html(scene.banner)}</font></b></td></tr>"
        )
        rows += [
            f'<tr><td align="left"><font color="{BANNER_COLOUR}" point-size="11">'
            f"{html(line)}</font></td></tr>"
            for line in scene.banner_lines
        ]
    rows.append(f'<tr><td align="left">{title}</td></tr>')
    for flow in scene.flows:
        rows.append(
            f'<tr><td align="left"><font color="{flow.colour}">'
            f"<b>━━ {flow.number}</b>  {html(flow.name)}</font></td></tr>"
        )
    notes = ["steps are numbered flow.step", "dashed: reply to an earlier caller"]
    if any(e.kind is EdgeKind.self_step for e in scene.edges):
        notes.append("text beside a component: work it does itself")
    if any(e.asynchronous for e in scene.edges):
        notes.append("dotted: asynchronous")
    if any(e.kind is EdgeKind.link for e in scene.edges):
        notes.append("grey: link")
    rows.append(
        f'<tr><td align="left"><font point-size="11" color="{LINK_COLOUR}">'
        f"{html('; '.join(notes))}</font></td></tr>"
    )
    return f'<<table border="0" cellspacing="2" cellpadding="1">{"".join(rows)}</table>>'


def _plain(label: str) -> str:
    """Mark an escaped label as plain text, so `<b>` is never taken as an HTML-like label."""
    from graphviz import nohtml

    marked: str = nohtml(label)  # a str subclass: str() would drop the marker
    return marked
