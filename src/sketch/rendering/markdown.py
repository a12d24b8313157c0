"""Design -> `design.md`, built from one small function per section.

Each section is `(design) -> str` and ends with a newline, so `sketch embed` can regenerate a
single section inside a user's own note. `SECTIONS` maps the stable section names to them;
`DOCUMENT` is the order of `design.md`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from sketch.model import Api, DeepDive, Design, Entity, Field, Flow, Requirements, Scale
from sketch.rendering.escape import markdown_cell, markdown_code, markdown_text
from sketch.rendering.options import DEFAULT_OPTIONS, RenderOptions

if TYPE_CHECKING:
    from sketch.estimating.project import Estimating

Section = Callable[[Design], str]
ARCHITECTURE_IMAGE = "architecture.svg"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; cells must already be escaped (`markdown_cell`, `markdown_code`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _bullets(items: Iterable[str]) -> str:
    return "".join(f"- {markdown_text(item)}\n" for item in items)


def _join(*blocks: str | None) -> str:
    return "\n".join(block for block in blocks if block)


def overview(design: Design) -> str:
    """Title and description."""
    description = markdown_text(design.description) + "\n" if design.description else None
    return _join(f"# {markdown_text(design.display_title)}\n", description)


def quality_phrases(req: Requirements, text: Callable[[str], str] = markdown_text) -> list[str]:
    """Latency, consistency and availability as short sentences, the same in every output;
    `text` escapes the user's words for the output format (identity when escaped later)."""
    phrases = [
        *(
            f"Latency: {text(t.label)} under {t.ms:g} ms"
            + (f" at {t.percentile}" if t.percentile else "")
            for t in req.latency
        ),
        *(
            f"Consistency: {c.level}"
            + (f" for {text(c.applies_to)}" if c.applies_to else "")
            + (f" (staleness: {text(c.staleness)})" if c.staleness else "")
            for c in req.consistency
        ),
    ]
    if req.availability is not None:
        phrases.append(f"Availability: {req.availability:g}%")
    return phrases


def requirements(design: Design) -> str:
    """Step 1: scope, scale, latency, consistency, availability."""
    req = design.requirements
    functional = _join(
        "### Functional\n",
        "**In scope**\n\n" + _bullets(f.text for f in req.in_scope) if req.in_scope else None,
        "**Nice to have**\n\n" + _bullets(req.nice_to_have) if req.nice_to_have else None,
        "**Out of scope**\n\n" + _bullets(req.out_of_scope) if req.out_of_scope else None,
    )
    quality = quality_phrases(req)
    non_functional = _join(
        "### Non-functional\n",
        _scale_table(req.scale) if req.scale else None,
        "".join(f"- {line}\n" for line in quality) or None,
    )
    return _join("## Requirements\n", functional, non_functional)


def _scale_table(scale: Scale) -> str:
    write = scale.write_name
    figures: list[tuple[str, object]] = [
        ("Daily active users", scale.dau),
        ("Monthly active users", scale.mau),
        ("Total users", scale.total_users),
        (f"{write.capitalize()}s per user per day", scale.writes_per_user_per_day),
        ("Reads per user per day", scale.reads_per_user_per_day),
        ("Read:write ratio", f"{scale.read_write_ratio:g}:1" if scale.read_write_ratio else None),
        (f"{write.capitalize()}s per second (declared)", scale.writes_per_second),
        ("Reads per second (declared)", scale.reads_per_second),
        ("Peak factor", f"{scale.peak_factor:g}x" if scale.peak_factor else None),
        *(
            (
                f"Size: {item.name}",
                f"{item.size_bytes:,.0f} bytes"
                + (f" ({item.fraction:g} of {write}s)" if item.fraction < 1 else ""),
            )
            for item in scale.item_sizes
        ),
        (
            "Read response",
            f"{scale.read_response_bytes:,.0f} bytes" if scale.read_response_bytes else None,
        ),
        ("Retention", f"{scale.retention_years:g} years" if scale.retention_years else None),
        ("Replication factor", scale.replication_factor),
    ]
    rows = [
        (markdown_cell(name), markdown_cell(_number(value)))
        for name, value in figures
        if value is not None
    ]
    return "**Scale**\n\n" + table(["Measure", "Value"], rows) if rows else ""


def _number(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,g}"
    return str(value)


def architecture(design: Design, image: str | None = ARCHITECTURE_IMAGE) -> str:
    """The diagram (a link relative to the note; none when `image` is None) and components."""
    from sketch.rendering.scene import component_detail

    rows = [
        (
            markdown_code(c.name),
            markdown_cell(c.display_name),
            c.kind.value.replace("_", " "),
            markdown_cell(component_detail(c) or ""),
            markdown_cell(c.tier or ""),
            markdown_cell(c.notes or ""),
        )
        for c in design.components
    ]
    picture = f"![Architecture of {markdown_text(design.display_title)}]({image})\n"
    components = table(["Name", "Component", "Kind", "Technology / size", "Tier", "Notes"], rows)
    return _join("## Architecture\n", picture if image else None, components if rows else None)


def schema(design: Design) -> str:
    """One table per entity: field, type, key, constraints and indexes."""
    return _join("## Data model\n", *(entity_table(e) for e in design.entities))


def entity_table(entity: Entity) -> str:
    table_name = markdown_code(entity.table_name, in_table=False)
    heading = f"### {markdown_text(entity.name)} ({table_name})\n"
    facts = [markdown_text(entity.description)] if entity.description else []
    if entity.stored_in:
        facts.append(f"Stored in {markdown_code(entity.stored_in, in_table=False)}.")
    rows = [
        (
            markdown_code(f.name),
            markdown_code(f.type),
            markdown_cell(_key(entity, f)),
            markdown_cell(_constraints(entity, f)),
        )
        for f in entity.fields
    ]
    body = table(["Field", "Type", "Key", "Constraints / indexes"], rows)
    indexes = [
        f"- {'unique ' if ix.unique else ''}index "
        + (f"{markdown_code(ix.name, in_table=False)} " if ix.name else "")
        + "on ("
        + ", ".join(markdown_code(name, in_table=False) for name in ix.fields)
        + ")\n"
        for ix in entity.indexes
    ]
    secondary = "**Secondary indexes**\n\n" + "".join(indexes) if indexes else None
    return _join(heading, " ".join(facts) + "\n" if facts else None, body, secondary)


def _key(entity: Entity, field: Field) -> str:
    keys = []
    if field.name in entity.key_fields:
        keys.append("PK" if len(entity.key_fields) == 1 else "PK (composite)")
    if field.references:
        keys.append(f"FK → {field.references}")
    return ", ".join(keys)


def _constraints(entity: Entity, field: Field) -> str:
    parts = ["nullable" if field.nullable else "not null"]
    if field.unique:
        parts.append("unique")
    if field.indexed:
        parts.append("indexed")
    parts += [
        f"{'unique ' if ix.unique else ''}index ({', '.join(ix.fields)})"
        for ix in entity.indexes
        if field.name in ix.fields
    ]
    if field.note:
        parts.append(field.note)
    return "; ".join(parts)


def apis(design: Design) -> str:
    """The API table: method, path, purpose, request, response, auth and pagination."""
    rows = [_api_row(api) for api in design.apis]
    header = ["Method", "Path", "Purpose", "Request", "Response", "Auth", "Paginated"]
    return _join("## API\n", table(header, rows) if rows else None)


def _api_row(api: Api) -> tuple[str, ...]:
    request = [*api.request, *(f"?{q}" for q in api.query)]
    return (
        api.method,
        markdown_code(api.path),
        markdown_cell(api.purpose),
        markdown_cell(", ".join(request)),
        markdown_cell(", ".join(api.response)),
        "yes" if api.auth else "no",
        "yes" if api.paginated else "no",
    )


def flows(design: Design) -> str:
    """Each request flow as numbered steps; flow n, step k is `n.k` in the diagram."""
    return _join("## Request flows\n", *(flow_steps(i, f) for i, f in enumerate(design.flows, 1)))


def flow_steps(number: int, flow: Flow) -> str:
    lines = []
    for index, step in enumerate(flow.steps, start=1):
        text = (
            f"{index}. {markdown_code(step.from_, in_table=False)} → "
            f"{markdown_code(step.to, in_table=False)}: {markdown_text(step.action)}"
        )
        extras = [markdown_code(step.api, in_table=False)] if step.api else []
        if step.condition:
            extras.append(f"if {markdown_text(step.condition)}")
        if step.latency_ms is not None:
            extras.append(f"~{step.latency_ms:g} ms")
        if step.asynchronous:
            extras.append("asynchronous")
        lines.append(text + (f" ({'; '.join(extras)})" if extras else "") + "\n")
    description = markdown_text(flow.description) + "\n" if flow.description else None
    return _join(f"### Flow {number}: {markdown_text(flow.name)}\n", description, "".join(lines))


def bottlenecks(design: Design) -> str:
    """What breaks first, where, and the fix."""
    rows = [
        (
            str(i),
            markdown_cell(b.title),
            markdown_cell(", ".join(b.components)),
            markdown_cell(b.problem),
            markdown_cell(b.solution or ""),
        )
        for i, b in enumerate(design.bottlenecks, start=1)
    ]
    header = ["#", "Bottleneck", "Where", "Problem", "Solution"]
    return _join("## Bottlenecks\n", table(header, rows) if rows else None)


def deep_dives(design: Design) -> str:
    """Each deep dive: problem, approaches with how/pros/cons/when, decision, justification."""
    return _join("## Deep dives\n", *(deep_dive(d) for d in design.deep_dives))


def deep_dive(dive: DeepDive) -> str:
    approaches = []
    chosen = dive.chosen
    for i, approach in enumerate(dive.approaches, start=1):
        mark = " ✅ chosen" if approach is chosen else ""
        parts = [f"#### Approach {i}: {markdown_text(approach.name)}{mark}\n"]
        for label, items in (
            ("How it works", approach.how),
            ("Pros", approach.pros),
            ("Cons", approach.cons),
            ("When to use", approach.when_to_use),
        ):
            if items:
                parts.append(f"**{label}**\n\n" + _bullets(items))
        approaches.append(_join(*parts))
    where = ", ".join(markdown_code(c, in_table=False) for c in dive.components)
    return _join(
        f"### {markdown_text(dive.topic)}\n",
        f"**Problem.** {markdown_text(dive.problem)}\n",
        f"**Components:** {where}\n" if where else None,
        *approaches,
        f"**Decision.** {markdown_text(dive.decision)}\n" if dive.decision else None,
        f"**Justification.** {markdown_text(dive.justification)}\n" if dive.justification else None,
    )


def estimates(design: Design, estimating: Estimating | None = None) -> str:
    """Back-of-envelope numbers with their derivation, from `sketch.estimating`."""
    from sketch.rendering.estimates import estimates_markdown

    return estimates_markdown(design, estimating.conventions if estimating else None)


def load(design: Design, estimating: Estimating | None = None) -> str:
    """Each component's load, capacity and the multiple at which it saturates, at 1x."""
    from sketch.estimating import route_load
    from sketch.rendering.load import load_markdown

    if estimating is None:
        return load_markdown(route_load(design))
    return load_markdown(route_load(design, estimating.conventions, catalogue=estimating.catalogue))


#: Sections that read the project's estimating settings (`[tool.sketch.estimate]`,
#: `[tool.sketch.capacity]`) when a caller has them.
PROJECT_SECTIONS: dict[str, Callable[[Design, Estimating | None], str]] = {
    "estimates": estimates,
    "load": load,
}


def scope(design: Design) -> str:
    """How the scope was settled: clarifying questions, assumptions, deferred entities."""
    from sketch.rendering.practice import scope_markdown

    return scope_markdown(design)


def checklist(design: Design) -> str:
    """The guide's Final Interview Checklist, ticked from the design (`sketch checklist`)."""
    from sketch.rendering.practice import checklist_section

    return checklist_section(design)


#: Sections by stable name, for `design.md` and for embedding one section into a note.
SECTIONS: dict[str, Section] = {
    "overview": overview,
    "requirements": requirements,
    "scope": scope,
    "estimates": estimates,
    "load": load,
    "architecture": architecture,
    "schema": schema,
    "apis": apis,
    "flows": flows,
    "bottlenecks": bottlenecks,
    "deep-dives": deep_dives,
    "checklist": checklist,
}

#: The order of `design.md`.
DOCUMENT: tuple[str, ...] = (
    "overview",
    "requirements",
    "scope",
    "estimates",
    "load",
    "architecture",
    "schema",
    "apis",
    "flows",
    "bottlenecks",
    "deep-dives",
    "checklist",
)


def design_markdown(
    design: Design,
    *,
    with_diagram: bool = True,
    estimating: Estimating | None = None,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> str:
    """The whole note. Without the diagram, the architecture section keeps only its table.
    `estimating`: the project's conventions and capacities; default: the guide's. A draft's
    note starts (after its title) with the banner and the problems left."""
    parts = []
    for name in DOCUMENT:
        section = SECTIONS.get(name)
        if section is None:
            continue
        if name == "architecture" and not with_diagram:
            parts.append(architecture(design, image=None))
        elif name in PROJECT_SECTIONS:
            parts.append(PROJECT_SECTIONS[name](design, estimating))
        else:
            parts.append(section(design))
        if name == "overview" and options.draft:
            parts.append(draft_banner(options))
    return "\n".join(part for part in parts if part)


def draft_banner(options: RenderOptions) -> str:
    """A blockquote: `**draft: 2 problems**`, then each problem, escaped."""
    lines = [f"> **{markdown_text(options.banner or '')}**: `sketch check` lists them", ">"]
    lines += [f"> - {markdown_text(line)}" for line in options.problem_lines()]
    return "\n".join(lines) + "\n"
