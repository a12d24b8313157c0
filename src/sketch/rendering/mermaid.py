"""Mermaid diagrams of a design: architecture flowchart, one sequence per flow, ER diagram.

GitHub, GitLab and Obsidian draw Mermaid code blocks natively, so notes need no image files.
Output is deterministic: components, flows and entities in declaration order, edges in
`Design.edges()` order. Every piece of user text goes through `mermaid_text`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sketch.model import Component, Design, Entity, Flow, Kind, Step
from sketch.model.data import Field
from sketch.rendering.mermaid_text import Ids, text, words
from sketch.rendering.mermaid_text import comment as mermaid_comment
from sketch.rendering.options import DEFAULT_OPTIONS, Direction, RenderOptions

_INDENT = "    "
# Node shapes by kind: `(open, close)` around the quoted label.
_CYLINDER = ("[(", ")]")
_SHAPES: dict[Kind, tuple[str, str]] = {
    Kind.client: ("([", "])"),
    Kind.external: ("([", "])"),
    Kind.database: _CYLINDER,
    Kind.read_replica: _CYLINDER,
    Kind.cache: _CYLINDER,
    Kind.object_store: _CYLINDER,
    Kind.search_index: _CYLINDER,
    Kind.queue: ("[[", "]]"),
    Kind.stream: ("[[", "]]"),
    Kind.load_balancer: ("{{", "}}"),
    Kind.api_gateway: ("{{", "}}"),
}
#: Distinct step labels shown on one edge; the rest are summarised as `+N more`.
MAX_EDGE_LABELS = 3


def architecture(design: Design, direction: Direction = Direction.LR) -> str:
    """A flowchart (left to right by default): components (tiers as subgraphs), the edges flows
    walk, and the work a component does itself as a note beside it.

    Mermaid draws no self-loop edges safely (11.1 crashes on them, later versions drop their
    labels), so a step from a component to itself is a note node joined by a dotted line.
    """
    ids = Ids("c_", (c.name for c in design.components))
    lines = [f"flowchart {Direction(direction).value}"]
    lines += _nodes(design, ids)
    lines += _edges(design, ids)
    lines += _self_notes(design, ids)
    return "\n".join(lines) + "\n"


def _nodes(design: Design, ids: Ids) -> Iterator[str]:
    tiers: dict[str | None, list[Component]] = {}
    for component in design.components:
        tiers.setdefault(component.tier, []).append(component)
    tier_ids = Ids("tier_")
    for tier, members in tiers.items():
        if tier is None:
            yield from (f"{_INDENT}{_node(c, ids)}" for c in members)
            continue
        yield f'{_INDENT}subgraph {tier_ids[tier]}["{text(tier, quoted=True)}"]'
        yield from (f"{_INDENT * 2}{_node(c, ids)}" for c in members)
        yield f"{_INDENT}end"


def _node(component: Component, ids: Ids) -> str:
    from sketch.rendering.scene import component_detail  # the same line the SVG shows

    label = text(component.display_name, quoted=True)
    detail = component_detail(component)
    if detail:
        label += f"<br>{text(detail, quoted=True)}"
    opening, closing = _SHAPES.get(component.kind, ("[", "]"))
    return f'{ids[component.name]}{opening}"{label}"{closing}'


def _edges(design: Design, ids: Ids) -> Iterator[str]:
    """One arrow per distinct edge, labelled with its numbered steps (`1.2 route to app`)."""
    labels: dict[tuple[str, str], list[str]] = {}
    asynchronous: dict[tuple[str, str], bool] = {}
    for flow_number, flow in enumerate(design.flows, start=1):
        for step_number, step in enumerate(flow.steps, start=1):
            pair = (step.from_, step.to)
            _add_label(labels.setdefault(pair, []), f"{flow_number}.{step_number} {step.action}")
            asynchronous[pair] = asynchronous.get(pair, True) and step.asynchronous
    for link in design.links:
        pair = (link.from_, link.to)
        if link.label:
            _add_label(labels.setdefault(pair, []), link.label)
        asynchronous.setdefault(pair, False)
    known = {c.name for c in design.components}
    for pair in design.edges():
        if pair[0] == pair[1] or not {*pair} <= known:
            continue  # a self-step is a note (`_self_notes`); a draft's unknown name is skipped
        arrow = "-.->" if asynchronous.get(pair) else "-->"
        shown = _edge_label(labels.get(pair, []))
        middle = f'{arrow}|"{shown}"|' if shown else arrow
        yield f"{_INDENT}{ids[pair[0]]} {middle} {ids[pair[1]]}"


def _self_notes(design: Design, ids: Ids) -> Iterator[str]:
    """`c_app_note["1.3 validate"]` and `c_app -.- c_app_note`, once per component."""
    work: dict[str, list[str]] = {}
    for flow_number, flow in enumerate(design.flows, start=1):
        for step_number, step in enumerate(flow.steps, start=1):
            if step.from_ == step.to and design.component(step.from_) is not None:
                _add_label(
                    work.setdefault(step.from_, []), f"{flow_number}.{step_number} {step.action}"
                )
    notes = Ids("note_")
    for name, labels in work.items():
        note = notes[name]
        yield f'{_INDENT}{note}["{_edge_label(labels)}"]'
        yield f"{_INDENT}{ids[name]} -.- {note}"
    if work:
        yield f"{_INDENT}classDef note fill:none,stroke:none"
        yield f"{_INDENT}class {','.join(notes[name] for name in work)} note"


def _add_label(labels: list[str], label: str) -> None:
    if label not in labels:
        labels.append(label)


def _edge_label(labels: list[str]) -> str:
    shown = [text(label, quoted=True) for label in labels[:MAX_EDGE_LABELS]]
    if len(labels) > MAX_EDGE_LABELS:
        shown.append(f"+{len(labels) - MAX_EDGE_LABELS} more")
    return "<br>".join(shown)


def sequences(design: Design) -> list[str]:
    """One sequence diagram per flow, in declaration order."""
    return [sequence(design, flow) for flow in design.flows]


def sequence(design: Design, flow: Flow) -> str:
    """Participants in order of appearance; runs of conditional steps become `opt`/`alt`."""
    order = list(dict.fromkeys(name for s in flow.steps for name in (s.from_, s.to)))
    ids = Ids("c_", order)
    lines = ["sequenceDiagram", f"{_INDENT}title {words(flow.name)}"]
    for name in order:
        component = design.component(name)
        shown = component.display_name if component else name
        lines.append(f"{_INDENT}participant {ids[name]} as {words(shown)}")
    if flow.description:
        lines.append(f"{_INDENT}Note over {ids[order[0]]}: {text(flow.description)}")
    lines += _blocks(flow.steps, ids)
    return "\n".join(lines) + "\n"


def _runs(steps: tuple[Step, ...]) -> list[tuple[str | None, list[Step]]]:
    runs: list[tuple[str | None, list[Step]]] = []
    for step in steps:
        if runs and runs[-1][0] == step.condition:
            runs[-1][1].append(step)
        else:
            runs.append((step.condition, [step]))
    return runs


def _blocks(steps: tuple[Step, ...], ids: Ids) -> Iterator[str]:
    """Adjacent runs with different conditions are alternatives (`alt`/`else`); one is `opt`."""
    runs = _runs(steps)
    index = 0
    while index < len(runs):
        condition, members = runs[index]
        if condition is None:
            yield from (_message(s, ids, 1) for s in members)
            index += 1
            continue
        group = [runs[index]]
        while index + len(group) < len(runs) and runs[index + len(group)][0] is not None:
            group.append(runs[index + len(group)])
        keyword = "alt" if len(group) > 1 else "opt"
        for position, (cond, members) in enumerate(group):
            opener = keyword if position == 0 else "else"
            yield f"{_INDENT}{opener} {words(cond or '')}"
            yield from (_message(s, ids, 2) for s in members)
        yield f"{_INDENT}end"
        index += len(group)


def _message(step: Step, ids: Ids, depth: int) -> str:
    arrow = "-)" if step.asynchronous else "->>"
    label = step.action
    if step.api and step.api != step.action:
        label += f" [{step.api}]"
    if step.latency_ms is not None:
        label += f" ({step.latency_ms:g} ms)"
    return f"{_INDENT * depth}{ids[step.from_]}{arrow}{ids[step.to]}: {text(label)}"


def er(design: Design) -> str:
    """Entities with typed, keyed fields, and a relation per foreign key (parent to child)."""
    lines = ["erDiagram"]
    for entity in design.entities:
        lines.append(f'{_INDENT}"{entity.name}" {{')
        lines += (f"{_INDENT * 2}{_attribute(entity, f)}" for f in entity.fields)
        lines.append(f"{_INDENT}}}")
    lines += _relations(design)
    return "\n".join(lines) + "\n"


def _attribute(entity: Entity, field: Field) -> str:
    type_name = _er_type(field.type)
    keys = [
        key
        for key, present in (
            ("PK", field.name in entity.key_fields),
            ("FK", field.references is not None),
            ("UK", _is_unique(entity, field)),
        )
        if present
    ]
    comment = [] if type_name == field.type else [field.type]
    comment += [f"\u2192 {field.references}"] if field.references else []
    comment += ["nullable"] if field.nullable else []
    comment += [field.note] if field.note else []
    line = f"{type_name} {field.name}"
    if keys:
        line += " " + ", ".join(keys)
    if comment:
        line += f' "{mermaid_comment("; ".join(comment))}"'
    return line


def _er_type(declared: str) -> str:
    """Mermaid ER types are identifier-like (`VARCHAR(280)` passes); other characters become `_`.

    The declared type then goes into the attribute's comment, so nothing is lost.
    """
    allowed = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "_-()[]") else "_" for ch in declared
    )
    return allowed if allowed[0].isalpha() or allowed[0] == "_" else f"_{allowed}"


def _is_unique(entity: Entity, field: Field) -> bool:
    if field.unique:
        return True
    return any(index.unique and index.fields == (field.name,) for index in entity.indexes)


def _relations(design: Design) -> Iterator[str]:
    for child in design.entities:
        for field in child.fields:
            if not field.references:
                continue
            parent_name, _, parent_field = field.references.partition(".")
            parent = design.entity(parent_name)
            if parent is None or not parent_field:
                continue  # `sketch check` reports it; the diagram shows what is sound
            one_to_one = _is_unique(child, field) or child.key_fields == (field.name,)
            parent_end = "|o" if field.nullable else "||"
            child_end = "o|" if one_to_one else "o{"
            yield (
                f'{_INDENT}"{parent.name}" {parent_end}--{child_end} "{child.name}" : '
                f'"{text(field.name, quoted=True)}"'
            )


def mermaid_files(
    design: Design, names: frozenset[str], options: RenderOptions = DEFAULT_OPTIONS
) -> dict[str, bytes]:
    """A `sketch.rendering` producer: `architecture.mmd`, `er.mmd`, `flow-1.mmd`, ... (Mermaid)."""
    files = {"architecture.mmd": architecture(design, options.direction), "er.mmd": er(design)}
    files |= {f"flow-{n}.mmd": text for n, text in enumerate(sequences(design), start=1)}
    return {name: text.encode("utf-8") for name, text in files.items()}
