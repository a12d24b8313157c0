"""Design -> the architecture picture as plain data: nodes, tier clusters, numbered edges.

Everything the diagram shows is decided here, without `diagrams` or Graphviz, so it can be
tested on its own; `rendering.diagram` only draws a `Scene`. Text here is the user's, unescaped.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum

from sketch.model import Component, Design, Flow, Step
from sketch.rendering.icons import IconRef, icon_for
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

#: One colour per flow, in flow order; distinct on white and for most colour-blind readers.
FLOW_COLOURS = (
    "#1F77B4",
    "#D62728",
    "#2CA02C",
    "#9467BD",
    "#FF7F0E",
    "#8C564B",
    "#E377C2",
    "#17BECF",
)
LINK_COLOUR = "#7B8894"
TIMES = "\N{MULTIPLICATION SIGN}"
EDGE_LABEL_WIDTH = 28  # characters per line of an edge label; longer actions wrap


class EdgeKind(StrEnum):
    call = "call"  # a step towards a component that has not called the sender
    reply = "reply"  # a step back to a component that called the sender earlier in the flow
    self_step = "self"  # work a component does on its own
    link = "link"  # an explicit `Link`, walked by no flow


@dataclass(frozen=True)
class SceneNode:
    id: str
    title: str
    detail: str | None
    icon: IconRef
    tier: str | None


@dataclass(frozen=True)
class SceneEdge:
    source: str
    target: str
    label: str
    colour: str
    kind: EdgeKind
    asynchronous: bool = False


@dataclass(frozen=True)
class SceneFlow:
    number: int
    name: str
    colour: str


@dataclass(frozen=True)
class Scene:
    title: str
    nodes: tuple[SceneNode, ...]
    tiers: tuple[tuple[str, tuple[str, ...]], ...]  # (tier, node ids) in first-seen order
    edges: tuple[SceneEdge, ...]
    flows: tuple[SceneFlow, ...]
    banner: str | None = None  # `draft: 2 problems ...` above the title of a draft
    banner_lines: tuple[str, ...] = ()  # the problems, one short line each


def build_scene(design: Design, options: RenderOptions = DEFAULT_OPTIONS) -> Scene:
    """The picture of a design; a draft's edges to components that do not exist are left out."""
    nodes = tuple(_node(c) for c in design.components)
    tiers: dict[str, list[str]] = {}
    for node in nodes:
        if node.tier:
            tiers.setdefault(node.tier, []).append(node.id)
    flows = tuple(
        SceneFlow(i, flow.name, FLOW_COLOURS[(i - 1) % len(FLOW_COLOURS)])
        for i, flow in enumerate(design.flows, start=1)
    )
    per_flow = [flow_edges(f, flow) for f, flow in zip(flows, design.flows, strict=True)]
    links = [
        SceneEdge(link.from_, link.to, link.label or "", LINK_COLOUR, EdgeKind.link)
        for link in design.links
    ]
    edges = [e for edges_of in per_flow for e in edges_of] + links
    if options.flow is not None:  # one flow's view: its steps and the components they walk
        if not 1 <= options.flow <= len(flows):
            from sketch.errors import RenderError

            raise RenderError(
                f"no flow {options.flow}: '{design.name}' has {len(flows)}",
                "number the flows from 1, in the order `flows=` lists them",
            )
        edges = per_flow[options.flow - 1]
        flows = (flows[options.flow - 1],)
        walked = {name for e in edges for name in (e.source, e.target)}
        nodes = tuple(n for n in nodes if n.id in walked)
        tiers = {t: kept for t, ids in tiers.items() if (kept := [i for i in ids if i in walked])}
    # A draft may name components that do not exist yet (`sketch check` reports them): the
    # picture leaves those edges out instead of refusing to draw the rest.
    known = {node.id for node in nodes}
    edges = [e for e in edges if e.source in known and e.target in known]
    return Scene(
        title=design.display_title,
        nodes=nodes,
        tiers=tuple((tier, tuple(ids)) for tier, ids in tiers.items()),
        edges=tuple(edges),
        flows=flows,
        banner=options.banner,
        banner_lines=tuple(options.problem_lines(limit=5)),
    )


def _node(component: Component) -> SceneNode:
    return SceneNode(
        id=component.name,
        title=component.display_name,
        detail=component_detail(component),
        icon=icon_for(component),
        tier=component.tier,
    )


def component_detail(component: Component) -> str | None:
    """The line under a box, `Redis x3, +3 replicas` (with a times sign), or None if empty."""
    parts = [component.technology] if component.technology else []
    if component.instances > 1:
        parts.append(f"{TIMES}{component.instances}")
    extras = []
    if component.replicas:
        extras.append(f"+{component.replicas} replica{'s' if component.replicas > 1 else ''}")
    if component.shards:
        extras.append(f"{component.shards} shard{'s' if component.shards > 1 else ''}")
    text = " ".join(parts)
    if extras:
        text = ", ".join([text, *extras]) if text else ", ".join(extras)
    return text or None


def flow_edges(scene_flow: SceneFlow, flow: Flow) -> list[SceneEdge]:
    # callers[x]: every component that called x, directly or through others, so far in the
    # flow. A step to one of the sender's callers is the answer travelling back.
    callers: dict[str, set[str]] = {}
    edges = []
    for number, step in enumerate(flow.steps, start=1):
        if step.from_ == step.to:
            kind = EdgeKind.self_step
        elif step.to in callers.get(step.from_, set()):
            kind = EdgeKind.reply
        else:
            kind = EdgeKind.call
            inherited = callers.get(step.from_, set()) | {step.from_}
            callers.setdefault(step.to, set()).update(inherited - {step.to})
        label = step_label(f"{scene_flow.number}.{number}", step)
        edges.append(
            SceneEdge(step.from_, step.to, label, scene_flow.colour, kind, step.asynchronous)
        )
    return edges


def step_label(number: str, step: Step) -> str:
    """`1.4 INSERT INTO tweets (20 ms)`, wrapped to a few short lines."""
    text = f"{number} {step.action}"
    if step.condition:
        text += f" [{_keep_together(step.condition)}]"
    if step.latency_ms is not None:
        text += f" ({_keep_together(f'{step.latency_ms:g} ms')})"
    lines = [
        wrapped
        for paragraph in text.splitlines()
        for wrapped in textwrap.wrap(paragraph, EDGE_LABEL_WIDTH, break_on_hyphens=False) or [""]
    ]
    return "\n".join(lines)


def _keep_together(text: str) -> str:
    # No-break spaces (drawn as spaces) keep short phrases like `20 ms` on one line.
    return text.replace(" ", "\u00a0") if len(text) <= 16 else text
