"""A talk track in the guide's voice, step by step, with the design's own numbers.

The guide's Communication best practices say what to do (think out loud, make trade-offs
explicit, use numbers) and its Common Mistakes give the sentences that do it ("With 200M DAU
and 1.4M reads/sec at peak, a single PostgreSQL instance can handle ~10K QPS ..."). Each line
here is one of those sentences, filled in from the design and `sketch.estimating`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sketch.estimating import Estimates, FigureName, LoadModel, estimate
from sketch.estimating.catalogue import Catalogue
from sketch.estimating.load import Dimension
from sketch.estimating.spoken import count, size
from sketch.model import Approach, Consistency, DeepDive, Design, Entity, Flow, Kind
from sketch.practice.load import BreakPoint, StoreNeed, breaks_first, store_need
from sketch.practice.phases import STEPS, Phase

_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_HOW_MANY = ("no", "one", "two", "three", "four", "five")


@dataclass(frozen=True, slots=True)
class Part:
    """What to say during one phase: the guide's phase, and the lines, in order."""

    phase: Phase
    lines: tuple[str, ...]

    @property
    def title(self) -> str:
        end = f"-{self.phase.end:g}" if self.phase.end is not None else "+"
        return f"{self.phase.title} ({self.phase.start:g}{end} min)"


def talk_track(
    design: Design, estimates: Estimates | None = None, catalogue: Catalogue | None = None
) -> tuple[Part, ...]:
    """The track for `design`: one part per step of the framework, plus the wrap-up.
    `catalogue` is the project's capacity figures (`[tool.sketch.capacity]`)."""
    from sketch.estimating import route_load

    estimates = estimates if estimates is not None else estimate(design)
    model = route_load(design, estimates.conventions, catalogue=catalogue)
    point = breaks_first(design, model=model)
    builders = (
        _requirements(design, estimates),
        _entities_and_apis(design),
        _high_level(design, estimates, point, model, catalogue),
        _deep_dives(design),
    )
    parts = [Part(phase, tuple(lines)) for phase, lines in zip(STEPS, builders, strict=True)]
    return tuple(part for part in parts if part.lines)


def as_text(parts: Sequence[Part], title: str) -> str:
    lines = [f"Talk track: {title}"]
    for part in parts:
        lines += ["", part.title]
        lines += [f"  {line}" for line in part.lines]
    return "\n".join(lines) + "\n"


def _sentence(items: Iterable[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _requirements(design: Design, estimates: Estimates) -> Iterator[str]:
    req = design.requirements
    if req.in_scope or req.out_of_scope:
        yield '"Let me clarify what the system needs to do."'
    if req.in_scope:
        yield "Must-have: " + "; ".join(f.text for f in req.in_scope) + "."
    if req.nice_to_have:
        yield "Nice to have, if time allows: " + "; ".join(req.nice_to_have) + "."
    if req.out_of_scope:
        yield "Out of scope for this interview: " + "; ".join(req.out_of_scope) + "."
    for question in req.clarifications:
        decided = f" So: {question.decides}." if question.decides else ""
        yield f'You: "{question.question}" Interviewer: "{question.answer}".{decided}'
    if req.assumptions:
        yield "I'll state my assumptions and move on: " + "; ".join(req.assumptions) + "."
    yield from _numbers(estimates)
    for target in req.latency:
        at = f" at {target.percentile}" if target.percentile else ""
        yield f"Latency: {target.label} under {target.ms:g} ms{at}."
    for choice in req.consistency:
        yield _consistency(choice)
    if req.availability is not None:
        minutes = (1 - req.availability / 100) * 365 * 24 * 60
        allowed = f"{minutes / 60:.2g} hours" if minutes >= 120 else f"{minutes:.2g} minutes"
        yield f"Availability: {req.availability:g}%, about {allowed} of downtime a year."


_BOARD = (
    FigureName.writes_per_day,
    FigureName.writes_per_second,
    FigureName.peak_writes_per_second,
    FigureName.reads_per_second,
    FigureName.peak_reads_per_second,
    FigureName.storage_per_day,
    FigureName.storage_per_year,
)


def _numbers(estimates: Estimates) -> Iterator[str]:
    shown = [f.steps[-1] for f in (estimates.figure(n) for n in _BOARD) if f and f.steps]
    if shown:
        yield "Let me write the numbers on the board: " + "; ".join(shown) + "."


def _consistency(choice: Consistency) -> str:
    where = f"For the {choice.applies_to}" if choice.applies_to else "Across the system"
    if choice.level == "eventual":
        delay = choice.staleness or "a short delay"
        return (
            f"{where}, I'm choosing eventual consistency over strong consistency. Trade-off: "
            f"users might see an update with {delay} delay, but we gain better availability "
            "and lower latency. For this use case, that's acceptable."
        )
    return (
        f"{where}, I'm choosing strong consistency: every read sees the latest write. "
        "Trade-off: higher latency and less availability when a node is cut off, but here a "
        "stale read is not acceptable."
    )


def _entities_and_apis(design: Design) -> Iterator[str]:
    if design.entities:
        names = _sentence(e.name for e in design.entities)
        yield f"The core entities are {names}."
        yield from (_entity(e) for e in design.entities)
    if design.deferred_entities:
        later = _sentence(design.deferred_entities)
        yield f"Keep it simple: we can extend this with other entities like {later}."
    if design.apis:
        yield f"The {len(design.apis)} key APIs, REST-style:"
        yield from (f"{api.key}: {_lower_first(api.purpose)}." for api in design.apis)


def _entity(entity: Entity) -> str:
    key = ", ".join(entity.key_fields) or "no key yet"
    refs = sorted({f.references.split(".")[0] for f in entity.fields if f.references})
    indexes = [f"({', '.join(i.fields)})" for i in entity.indexes]
    indexes += [f.name for f in entity.fields if f.indexed]
    text = f"{entity.name}: keyed by {key}"
    if refs:
        text += f", referencing {_sentence(refs)}"
    if indexes:
        text += f", with an index on {_sentence(indexes)}"
    return text + "."


def _high_level(
    design: Design,
    estimates: Estimates,
    point: BreakPoint | None,
    model: LoadModel,
    catalogue: Catalogue | None,
) -> Iterator[str]:
    if design.components:
        boxes = _sentence(c.display_name for c in design.components)
        yield f"I'll start simple and iterate. The first design: {boxes}."
    scale_line = _scale_line(
        design, estimates, model, store_need(design, estimates, model, catalogue)
    )
    if scale_line:
        yield scale_line
    for number, flow in enumerate(design.flows, 1):
        yield from _flow(number, flow)
    if design.bottlenecks:
        listed = ", ".join(f"[{i}] {b.title}" for i, b in enumerate(design.bottlenecks, 1))
        yield (
            f"This design works for moderate scale, but we have some bottlenecks: {listed}. "
            "Let me address these..."
        )
        for b in design.bottlenecks:
            fix = f" Solution: {b.solution}." if b.solution else ""
            yield f"{b.title}: {b.problem}.{fix}"
    if point is not None:
        if point.ranking:
            yield f"Where it breaks, in order: {point.ranking}."
        sentence = point.at(10)
        yield f"What happens if traffic increases 10x? {sentence[:1].upper()}{sentence[1:]}."


def _scale_line(
    design: Design, estimates: Estimates, model: LoadModel, need: StoreNeed | None
) -> str | None:
    """Mistake 3's fix (numbers, then the consequence), or Mistake 4's (one server is enough),
    from the load model: the database's own per-node figures and the dimensions it outgrows."""
    scale = design.requirements.scale
    if need is None or scale is None:
        return None
    technology = need.component.technology or "database"
    given = _sentence([x for x in (_users(design), _dominant_rate(estimates)) if x])
    queries = need.dimension("requests")
    source = f" (Per node: {need.figures.source}.)" if need.figures.source else ""
    if need.figures.managed and not need.dimensions:
        return (
            f"With {given}, {technology} scales with the load on its own, so there is no node "
            f"count to argue: {need.component.name} takes "
            f"{count(need.reads + need.writes)} requests/s"
            f"{' at peak' if need.at_peak else ' on average'}. ({need.figures.source}.)"
        )
    if need.one_node_is_enough:
        return _one_node(design, model, need, given, technology, queries) + source
    name, when = need.component.name, " at peak" if need.at_peak else " on average"
    many = queries is not None and queries.load > queries.per_node
    if queries is not None and many:
        remedy = "sharding" if need.mostly_writes else "read replicas or sharding"
        sentences = [
            f"With {given}, a single {technology} instance can handle "
            f"~{count(queries.per_node)} QPS, so we'd need {remedy}: {name} takes "
            f"{count(queries.load)} requests/s{when}, {queries.nodes_needed:,} nodes' worth."
        ]
    else:
        handles = f"~{count(queries.per_node)} QPS, and " if queries else ""
        sentences = [
            f"With {given}, a single {technology} instance handles the queries ({handles}"
            f"{name} takes {count(need.reads + need.writes)} requests/s{when})."
        ]
    queries_need = queries.nodes_needed if queries is not None and many else 1
    for i, dimension in enumerate(need.outgrown()):
        sentences.append(_outgrown(need, dimension, queries_need, when, first=i == 0))
    if need.unsized_bytes:
        sentences.append(
            f"It must also hold {size(need.unsized_bytes)}, so we size its nodes by disk as well."
        )
    return " ".join(sentences) + source


def _outgrown(
    need: StoreNeed, dimension: Dimension, queries_need: int, when: str, first: bool
) -> str:
    """The sentence for a dimension other than queries that outgrows one node: the first
    binds (harder than the queries, when they outgrow one node too), the others add to it."""
    name, n = need.component.name, dimension.nodes_needed
    plural = dimension.name == "writes"
    what = "Writes" if plural else dimension.name.capitalize()
    if first and queries_need == 1:
        said = f"{what} {'bind' if plural else 'binds'}, though"
    elif first and n > queries_need:
        said = f"{what} {'bind' if plural else 'binds'} harder"
    else:
        said = f"{what} {'need' if plural else 'needs'} more nodes too"
    if dimension.name == "writes":
        distributed = need.figures.distributed_writes
        node, nodes = ("node", "nodes") if distributed else ("primary", "shards")
        tail = "" if distributed else "; read replicas add no write capacity"
        return (
            f"{said}: {name} takes {count(dimension.load)} writes/s{when} against "
            f"~{count(dimension.per_node)} writes/s per {node}, so the writes need {n:,} "
            f"{nodes}{tail}."
        )
    if dimension.unit != "B":  # connections
        return (
            f"{said}: {name} holds {count(dimension.load)} {dimension.name} against "
            f"{count(dimension.per_node)} per node, so it needs {n:,} nodes."
        )
    held = "holds" if dimension.name == "storage" else "keeps in memory"
    spread = "nodes" if need.figures.distributed_writes else "shards"
    return (
        f"{said}: {name} {held} {size(dimension.load)} against {size(dimension.per_node)} "
        f"per node, so the data needs {n:,} {spread}."
    )


def _one_node(
    design: Design,
    model: LoadModel,
    need: StoreNeed,
    given: str,
    technology: str,
    queries: Dimension | None,
) -> str:
    """Mistake 4: one database node is enough today; how it grows is its closest dimension."""
    caches = [c for c in design.components if c.kind is Kind.cache]
    cache = f" and a {caches[0].technology or 'cache'} cache" if caches else ""
    if caches:
        cache += _cache_size(model, caches[0].name)
    when = " at peak" if need.at_peak else " on average"
    handles = (
        f": one {technology} node handles ~{count(queries.per_node)} QPS, and "
        f"{need.component.name} takes "
        f"{count(queries.load)} requests/s{when}"
        if queries
        else ""
    )
    closest = need.binding
    if closest is None or closest.name == "storage":
        grow = "shard the data" if closest else "add read replicas and consider sharding"
    elif need.mostly_writes or closest.name == "writes":
        grow = "shard the writes"
    else:
        grow = "add read replicas and consider sharding"
    return (
        f"With {given}, we can start with a single {technology} instance{cache}{handles}. "
        f"As we scale, we'd {grow}."
    )


def _cache_size(model: LoadModel, name: str) -> str:
    """` of 4 nodes (requests: 347K/s at 100K/s each)` when one cache node is not enough."""
    load = model.component(name)
    tight = max(load.dimensions, key=lambda d: d.load / d.per_node, default=None) if load else None
    if tight is None or tight.load <= tight.per_node:
        return ""
    said = (
        (size(tight.load), size(tight.per_node))
        if tight.unit == "B"
        else (f"{count(tight.load)}{tight.unit}", f"{count(tight.per_node)}{tight.unit}")
    )
    return f" of {tight.nodes_needed:,} nodes ({tight.name}: {said[0]} at {said[1]} each)"


def _users(design: Design) -> str | None:
    scale = design.requirements.scale
    return f"{count(scale.dau)} DAU" if scale and scale.dau else None


def _dominant_rate(estimates: Estimates) -> str | None:
    """The larger of the design's reads and writes, at the peak when known: the traffic the
    sentence is about (a crawler's pages, a timeline's reads)."""
    found = []
    for at, reads, writes in (
        ("at peak", FigureName.peak_reads_per_second, FigureName.peak_writes_per_second),
        ("on average", FigureName.reads_per_second, FigureName.writes_per_second),
    ):
        read, write = estimates.figure(reads), estimates.figure(writes)
        if read or write:
            found = [(read, "reads", at), (write, estimates.writes_noun, at)]
            break
    known = [(f.value, noun, at) for f, noun, at in found if f is not None]
    if not known:
        return None
    value, noun, at = max(known, key=lambda k: k[0])
    return f"{count(value)} {noun}/s {at}"


def _flow(number: int, flow: Flow) -> Iterator[str]:
    yield f"Let me walk through flow {number}, {flow.name}:"
    for step_number, step in enumerate(flow.steps, 1):
        when = f" (on {step.condition})" if step.condition else ""
        latency = f", ~{step.latency_ms:g} ms" if step.latency_ms is not None else ""
        mode = ", asynchronously" if step.asynchronous else ""
        yield f"  {step_number}. {step.from_} -> {step.to}: {step.action}{when}{latency}{mode}"


def _deep_dives(design: Design) -> Iterator[str]:
    for number, dive in enumerate(design.deep_dives):
        yield from _deep_dive(_ORDINALS[number] if number < len(_ORDINALS) else "next", dive)


def _deep_dive(ordinal: str, dive: DeepDive) -> Iterator[str]:
    yield f"The {ordinal} critical piece: {dive.topic}. The problem: {dive.problem}."
    many = len(dive.approaches)
    if many:
        how_many = _HOW_MANY[many] if many < len(_HOW_MANY) else str(many)
        yield f"I see {how_many} approach{'es' if many != 1 else ''}."
    for number, approach in enumerate(dive.approaches, 1):
        yield _approach(number, approach)
    if dive.decision:
        why = f": {_lower_first(dive.justification)}" if dive.justification else ""
        yield f'Decision: "I\'d go with {_lower_first(dive.decision)}{why}."'


def _approach(number: int, approach: Approach) -> str:
    text = f"Approach {number}, {approach.name}"
    if approach.how:
        text += ": " + "; ".join(approach.how)
    text += "."
    if approach.pros:
        text += " Pros: " + ", ".join(approach.pros) + "."
    if approach.cons:
        text += " Cons: " + ", ".join(approach.cons) + "."
    if approach.when_to_use:
        text += " When to use: " + ", ".join(approach.when_to_use) + "."
    return text
