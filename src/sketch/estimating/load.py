"""`route_load(design)`: the load every component carries, what it can carry, and what breaks
first as traffic grows.

Each flow carries its workload's rate along its steps (`routing`); the contributions are summed
per component; read replicas share the reads of their primary while the primary takes every
write; shards divide; stored bytes accumulate over the retention horizon where the flows write
them; long-lived connections land on the WebSocket gateways. Each component is then held
against what its nodes take (`catalogue`), at the peak when the design gives a peak factor and
at the average (said so) when it does not. `scale=k` multiplies all of today's traffic by k.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sketch.estimating.catalogue import Catalogue, NodeFigures
from sketch.estimating.conventions import Conventions
from sketch.estimating.derive import estimate
from sketch.estimating.figures import Estimates, FigureName
from sketch.estimating.nodes import all_nodes, primaries, shard_count, standby_instances
from sketch.estimating.routing import Contribution, operation_of, route
from sketch.estimating.spoken import X, count, count_in_steps, exact_number, size
from sketch.estimating.volumes import PARETO_FRACTION
from sketch.estimating.workloads import (
    WorkloadRate,
    inferred_ties,
    users_of,
    workload_rates,
)
from sketch.model import Component, Design, Entity, Flow, Kind

PERSISTENT_KINDS = frozenset({Kind.database, Kind.object_store, Kind.search_index})
#: Bytes per value of a column type family, for a row's size when `row_bytes` is not given.
_TYPE_BYTES = {
    "integer": 8,
    "decimal": 16,
    "float": 8,
    "timestamp": 8,
    "date": 4,
    "time": 8,
    "boolean": 1,
    "uuid": 16,
    "json": 256,
    "binary": 256,
}


@dataclass(frozen=True)
class Dimension:
    """One thing a component can run out of: requests, writes, storage, memory, connections."""

    name: str
    load: float
    capacity: float
    per_node: float
    nodes: int
    unit: str

    @property
    def utilisation(self) -> float:
        return self.load / self.capacity

    @property
    def nodes_needed(self) -> int:
        return max(1, math.ceil(round(self.load / self.per_node, 9)))

    def text(self, binary: bool = False) -> str:
        said = self._said(self.load, binary)
        cap = self._said(self.capacity, binary)
        per = self._said(self.per_node, binary)
        return (
            f"{self.name}: {said} against {self.nodes:,} {'node' if self.nodes == 1 else 'nodes'} "
            f"{X} {per} = {cap} ({self.utilisation:.0%}); needs {self.nodes_needed:,}"
        )

    def _said(self, value: float, binary: bool) -> str:
        if self.unit == "B":
            return str(size(value, binary=binary))
        return f"{count_in_steps(value)}{self.unit}"


@dataclass(frozen=True)
class ComponentLoad:
    """What one component carries and what it can carry."""

    name: str
    kind: Kind
    path: str
    reads: float = 0.0
    writes: float = 0.0
    peak_reads: float | None = None
    peak_writes: float | None = None
    bytes_in: float = 0.0
    bytes_out: float = 0.0
    stored_bytes: float = 0.0
    memory_bytes: float = 0.0
    connections: float = 0.0
    figures: NodeFigures = field(default_factory=NodeFigures)
    dimensions: tuple[Dimension, ...] = ()
    why: tuple[str, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    judged_at_peak: bool = False

    @property
    def requests(self) -> float:
        return self.reads + self.writes

    @property
    def peak_requests(self) -> float | None:
        if self.peak_reads is None or self.peak_writes is None:
            return None
        return self.peak_reads + self.peak_writes

    @property
    def managed(self) -> bool:
        return self.figures.managed

    @property
    def tightest(self) -> Dimension | None:
        return max(self.dimensions, key=lambda d: d.utilisation, default=None)

    @property
    def utilisation(self) -> float | None:
        tight = self.tightest
        return tight.utilisation if tight else None

    @property
    def saturates_at(self) -> float | None:
        """The multiple of today's traffic at which the tightest dimension is full."""
        tight = self.tightest
        if tight is None or tight.load <= 0:
            return None
        return tight.capacity / tight.load

    @property
    def carries_load(self) -> bool:
        return bool(self.requests or self.stored_bytes or self.memory_bytes or self.connections)


@dataclass(frozen=True)
class UnroutedFlow:
    index: int
    name: str
    why: str
    #: Started by a scheduler or a monitor: a periodic job, whose rate is its schedule.
    periodic: bool = False


@dataclass(frozen=True)
class LoadModel:
    """The load along the flows at `scale` times today's traffic."""

    scale: float
    peak_known: bool
    workloads: tuple[WorkloadRate, ...]
    components: tuple[ComponentLoad, ...]
    unrouted: tuple[UnroutedFlow, ...] = ()
    #: (workload path, name) of workloads that no flow carries.
    idle_workloads: tuple[tuple[str, str], ...] = ()
    #: (workload path, name) of workloads whose fanout no step carries.
    lost_fanouts: tuple[tuple[str, str], ...] = ()
    problems: tuple[tuple[str, str, str], ...] = ()
    conventions: Conventions = field(default_factory=Conventions)

    def component(self, name: str) -> ComponentLoad | None:
        return next((c for c in self.components if c.name == name), None)

    @property
    def ranked(self) -> list[ComponentLoad]:
        """Components with a known capacity, the first to saturate first."""
        known = [c for c in self.components if c.saturates_at is not None]
        return sorted(known, key=lambda c: (c.saturates_at or 0.0, c.name))

    @property
    def breaks_first(self) -> ComponentLoad | None:
        ranked = self.ranked
        return ranked[0] if ranked else None

    def saturation_line(self, limit: int = 4) -> str | None:
        """`db saturates at 0.07x (writes); cache at 7x; app at 12x`, at this model's scale."""
        ranked = self.ranked[:limit]
        if not ranked:
            return None
        parts = []
        for i, c in enumerate(ranked):
            at = (c.saturates_at or 0.0) * self.scale
            tight = c.tightest
            what = f" ({tight.name})" if tight else ""
            parts.append(f"{c.name} {'saturates ' if i == 0 else ''}at {multiple(at)}{what}")
        basis = "peak" if self.peak_known else "average (no peak factor)"
        return "; ".join(parts) + f" — multiples of today's traffic, at the {basis}"


def multiple(value: float) -> str:
    """`0.07x`, `1.4x`, `12x`, `1,400x`."""
    if value >= 100:
        return f"{value:,.0f}x"
    if value >= 10:
        return f"{value:.0f}x"
    if value >= 0.1:
        return f"{value:.2g}x"
    return f"{value:.1g}x"


def route_load(
    design: Design,
    conventions: Conventions | None = None,
    *,
    scale: float = 1.0,
    catalogue: Catalogue | None = None,
) -> LoadModel:
    """The load along the design's flows, at `scale` times the stated traffic. Pure."""
    if not (scale > 0 and math.isfinite(scale)):
        raise ValueError(f"scale must be a positive finite number, not {scale!r}")
    conventions = conventions or Conventions()
    catalogue = catalogue or Catalogue()
    estimates = estimate(design, conventions)
    rates, rate_problems = workload_rates(design, conventions, estimates)
    rates = [_scaled(rate, scale) for rate in rates]
    by_name = {rate.name: rate for rate in rates}
    problems = [(p.path, p.message, p.help) for p in rate_problems]

    contributions: list[Contribution] = []
    unrouted: list[UnroutedFlow] = []
    served: set[str] = set()
    fanned: set[str] = set()
    ties = inferred_ties(design, set(by_name))
    carried: dict[int, str] = {}  # flow index -> the workload it carries
    for i, flow in enumerate(design.flows):
        name, how = flow.workload, ""
        if name is None and i in ties:
            name, how = ties[i]
        if name is not None and name in by_name:
            carried[i] = name
        if name is None or name not in by_name:
            if rates and name is None:
                periodic = _periodic(design, flow)
                why = _PERIODIC if periodic else _unrouted_why(by_name)
                unrouted.append(UnroutedFlow(i, flow.name, why, periodic))
            continue
        served.add(name)
        if any(step.fanout is True for step in flow.steps):
            fanned.add(name)
        found, routing_problems = route(design, i, by_name[name])
        if how:
            found = [replace(c, why=f"{c.why} [tied to '{name}': {how}]") for c in found]
        contributions += found
        problems += [(p.path, p.message, p.help) for p in routing_problems]

    peak_known = bool(rates) and all(rate.peak_factor is not None for rate in rates)
    components = _components(
        design, conventions, catalogue, contributions, rates, carried, scale, estimates
    )
    idle = tuple((rate.path, rate.name) for rate in rates if rate.name not in served)
    lost = tuple(
        (rate.path, rate.name)
        for rate in rates
        if rate.fanout is not None and rate.name in served and rate.name not in fanned
    )
    return LoadModel(
        scale=scale,
        peak_known=peak_known,
        workloads=tuple(rates),
        components=tuple(components),
        unrouted=tuple(unrouted),
        idle_workloads=idle
        if design.requirements.scale and design.requirements.scale.workloads
        else (),
        lost_fanouts=lost,
        problems=tuple(problems),
        conventions=conventions,
    )


#: What a flow that a scheduler or a monitor starts is, instead of untied: D327 leaves it out.
_PERIODIC = "a periodic job (started by a scheduler or a monitor): its rate is its schedule"


def _periodic(design: Design, flow: Flow) -> bool:
    first = design.component(flow.steps[0].from_) if flow.steps else None
    return first is not None and first.kind in (Kind.scheduler, Kind.monitoring)


def _unrouted_why(by_name: dict[str, WorkloadRate]) -> str:
    names = ", ".join(f"'{n}'" for n in by_name)
    return f"tie it to one of the workloads ({names}): `Flow(workload=...)`"


def _scaled(rate: WorkloadRate, k: float) -> WorkloadRate:
    if k == 1:
        return rate
    steps = (*rate.steps, f"at {k:g}{X} today's traffic: {count_in_steps(rate.average * k)}/s")
    return replace(rate, average=rate.average * k, steps=steps)


@dataclass
class _Tally:
    reads: float = 0.0
    writes: float = 0.0
    peak_reads: float = 0.0
    peak_writes: float = 0.0
    peak_known: bool = True
    bytes_in: float = 0.0
    bytes_out: float = 0.0
    stored: float = 0.0
    memory: float = 0.0
    connections: float = 0.0
    why: list[str] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)

    def add(self, c: Contribution) -> None:
        peak = c.average * c.peak_factor if c.peak_factor is not None else None
        if peak is None:
            self.peak_known = False
        if c.operation == "write":
            self.writes += c.average
            self.peak_writes += peak or 0.0
        else:
            self.reads += c.average
            self.peak_reads += peak or 0.0
        self.why.append(c.why)
        self.contributions.append(c)


def _components(
    design: Design,
    conventions: Conventions,
    catalogue: Catalogue,
    contributions: list[Contribution],
    rates: list[WorkloadRate],
    carried: dict[int, str],
    scale: float,
    estimates: Estimates,
) -> list[ComponentLoad]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for c in contributions:
        tallies[c.component].add(c)
    _pool_replica_reads(design, tallies)
    by_name = {rate.name: rate for rate in rates}
    _bytes_at_entry(design, by_name, carried, tallies)
    _stored(design, conventions, rates, carried, tallies, scale)
    _connections(design, tallies, scale)
    _cache_memory(design, rates, tallies, estimates, scale)

    design_capacity = design.requirements.scale.capacity if design.requirements.scale else None
    loads = []
    for i, component in enumerate(design.components):
        tally = tallies.get(component.name, _Tally())
        figures = catalogue.figures(component, design_capacity)
        at_peak = tally.peak_known and bool(tally.contributions)
        reads = tally.peak_reads if at_peak else tally.reads
        writes = tally.peak_writes if at_peak else tally.writes
        dimensions = _dimensions(design, component, figures, reads, writes, tally)
        why = list(tally.why)
        if tally.contributions and not at_peak:
            why.append("judged at the average: no peak factor is given")
        standbys = standby_instances(component, figures.distributed_writes)
        if standbys and (writes or tally.stored):
            why.append(
                f"writes and storage on one primary a shard; its other {standbys:,} "
                "instances taken as standbys (a relational database's way): set "
                "capacity=NodeCapacity(distributed_writes=True) if every node takes writes"
            )
        loads.append(
            ComponentLoad(
                name=component.name,
                kind=component.kind,
                path=f"components[{i}]",
                reads=tally.reads,
                writes=tally.writes,
                peak_reads=tally.peak_reads if at_peak else None,
                peak_writes=tally.peak_writes if at_peak else None,
                bytes_in=tally.bytes_in,
                bytes_out=tally.bytes_out,
                stored_bytes=tally.stored,
                memory_bytes=tally.memory,
                connections=tally.connections,
                figures=figures,
                dimensions=tuple(dimensions),
                why=tuple(why),
                contributions=tuple(tally.contributions),
                judged_at_peak=at_peak,
            )
        )
    return loads


def _replicas_of(design: Design, primary: str) -> list[Component]:
    return [c for c in design.components if c.replica_of == primary and c.name != primary]


def read_nodes(component: Component) -> int:
    """Nodes that answer reads: every primary and every replica (`sketch.estimating.nodes`)."""
    return all_nodes(component)


def write_nodes(component: Component, figures: NodeFigures) -> int:
    """Nodes that take writes: one primary per shard for a relational database; every node
    of a distributed one (its per-node write figure is already after replication); the
    primaries of everything else."""
    if component.kind == Kind.database and not figures.distributed_writes:
        return shard_count(component)
    if figures.distributed_writes:
        return all_nodes(component)
    return primaries(component)


def _pool_replica_reads(design: Design, tallies: dict[str, _Tally]) -> None:
    """Reads sent to a primary or to any of its read-replica components are shared by all of
    them in proportion to their nodes; writes stay on the primary."""
    for primary in design.components:
        replicas = _replicas_of(design, primary.name)
        if not replicas:
            continue
        group = [primary, *replicas]
        members = [tallies[c.name] for c in group]
        reads = sum(t.reads for t in members)
        peak = sum(t.peak_reads for t in members)
        nodes = [read_nodes(c) for c in group]
        total = sum(nodes)
        if not reads:
            continue
        for tally, n in zip(members, nodes, strict=True):
            tally.reads, tally.peak_reads = reads * n / total, peak * n / total
            tally.peak_known = all(t.peak_known for t in members)
            tally.why.append(
                f"reads of '{primary.name}' and its replicas ({count_in_steps(reads)}/s) "
                f"shared over {total} nodes: {n} here"
            )


def _bytes_at_entry(
    design: Design,
    by_name: dict[str, WorkloadRate],
    carried: dict[int, str],
    tallies: dict[str, _Tally],
) -> None:
    """Bytes in (requests, or the items a write carries) and out (responses) at the first
    component each flow reaches: what crosses the edge of the system."""
    for i, flow in enumerate(design.flows):
        rate = by_name.get(carried.get(i, ""))
        if rate is None:
            continue
        entry = next((s.to for s in flow.steps if s.to != s.from_), None)
        if entry is None:
            continue
        sent = rate.request_bytes or (rate.bytes_per_write if rate.kind == "write" else 0.0)
        tallies[entry].bytes_in += rate.average * sent
        tallies[entry].bytes_out += rate.average * (rate.response_bytes or 0.0)


def horizon_seconds(design: Design, conventions: Conventions) -> tuple[float, str] | None:
    scale = design.requirements.scale
    if scale is None:
        return None
    if scale.retention_months is not None:
        months = scale.retention_months
        return months * conventions.seconds_per_month, f"{months:g} month{_s(months)}"
    if scale.retention_years is not None:
        years = scale.retention_years
        return years * conventions.seconds_per_year, f"{years:g} year{_s(years)}"
    return None


def _s(value: float) -> str:
    return "" if value == 1 else "s"


def _stored(
    design: Design,
    conventions: Conventions,
    rates: list[WorkloadRate],
    carried: dict[int, str],
    tallies: dict[str, _Tally],
    scale: float,
) -> None:
    """Bytes each store holds: each write workload's items over the horizon, where its flows
    write them (or where an item says it goes), plus the datasets entities declare."""
    horizon = horizon_seconds(design, conventions)
    components = {c.name: c for c in design.components}
    for rate in rates:
        if rate.kind != "write" or not rate.items or horizon is None:
            continue
        seconds, said = horizon
        flows = [design.flows[i] for i, name in carried.items() if name == rate.name]
        targets = _write_targets(flows, rate, components)
        named = {item.store for item in rate.items if item.store}
        for item in rate.items:
            stores = [item.store] if item.store else [t for t in targets if t not in named]
            kept, kept_said = seconds, said
            if item.retention_days is not None:
                days = item.retention_days * conventions.seconds_per_day
                if days < seconds:  # kept for less than the horizon: only that much is held
                    kept, kept_said = days, f"{item.retention_days:g} day{_s(item.retention_days)}"
            value = rate.average * item.size_bytes * item.fraction * kept
            for store in stores:
                if store not in components:
                    continue
                rewrite = _only_rewrites(flows, store) if _sized_dataset(design, store) else None
                if rewrite is not None:
                    tallies[store].why.append(
                        f"{item.name} of '{rate.name}' adds no bytes: its flows only rewrite "
                        f"rows of the dataset {store} holds ({rewrite})"
                    )
                    continue
                tallies[store].stored += value
                tallies[store].why.append(
                    f"stores {item.name} of '{rate.name}': {count_in_steps(rate.average)}/s {X} "
                    f"{size(item.size_bytes * item.fraction, binary=conventions.binary)} {X} "
                    f"{kept_said} = {size(value, binary=conventions.binary)}"
                )
    for entity in design.entities:
        rows = _rows(design, entity)
        if rows is None or entity.stored_in not in components:
            continue
        rows *= scale
        each = entity.row_bytes or _row_bytes(entity)
        value = rows * each
        holder = components[entity.stored_in]
        tally = tallies[holder.name]
        if holder.kind == Kind.cache:
            tally.memory += value
        else:
            tally.stored += value
        tally.why.append(
            f"holds {entity.name}: {count(rows)} rows {X} {size(each, binary=conventions.binary)}"
            f" = {size(value, binary=conventions.binary)}"
        )


#: An action that changes rows the store holds already: it adds no bytes (a re-crawl's
#: UPSERT of a URL's row, a counter's INCR). Said by its first word, as people write steps.
_REWRITES = re.compile(
    r"^\W*(update|upsert|delete|remove|patch|incr|increment|decr|decrement)\b", re.I
)


def _only_rewrites(flows: list[Flow], store: str) -> str | None:
    """The first rewriting step when every step of `flows` into `store` rewrites rows."""
    into = [step for flow in flows for step in flow.steps if step.to == store]
    if into and all(_REWRITES.match(step.action) for step in into):
        return into[0].action
    return None


def _sized_dataset(design: Design, store: str) -> bool:
    """Whether an entity gives the size of what `store` holds (`rows=` or `rows_per_user=`)."""
    return any(
        e.stored_in == store and (e.rows is not None or e.rows_per_user is not None)
        for e in design.entities
    )


def _write_targets(
    flows: list[Flow], rate: WorkloadRate, components: dict[str, Component]
) -> list[str]:
    """The persistent stores the flows write new data to, in first-seen order."""
    found: list[str] = []
    for flow in flows:
        for step in flow.steps:
            target = components.get(step.to)
            if (
                target is not None
                and target.kind in PERSISTENT_KINDS
                and operation_of(step, rate.kind) == "write"
                and not step.fanout
                and not _REWRITES.match(step.action)
                and target.name not in found
            ):
                found.append(target.name)
    return found


def _rows(design: Design, entity: Entity) -> float | None:
    if entity.rows is not None:
        return entity.rows
    scale = design.requirements.scale
    if entity.rows_per_user is None or scale is None:
        return None
    users = scale.total_users or scale.mau or scale.dau
    return None if users is None else users * entity.rows_per_user


def _row_bytes(entity: Entity) -> float:
    """The sum of the fields' sizes: 8 bytes per number or timestamp, a VARCHAR(n) at n."""
    from sketch.model.column_types import parse_type

    total = 0.0
    for f in entity.fields:
        parsed = parse_type(f.type)
        if parsed.family == "text":
            total += parsed.length or 64
        elif parsed.family == "list":
            total += 8 * 100
        else:
            total += _TYPE_BYTES.get(parsed.family, 16)
    return total


def _connections(design: Design, tallies: dict[str, _Tally], scale: float) -> None:
    s = design.requirements.scale
    gateways = [c for c in design.components if c.kind == Kind.websocket_gateway]
    if s is None or s.online_fraction is None or not gateways:
        return
    users = users_of(s, "dau")
    if users is None:
        return
    total = users * s.online_fraction * scale
    for gateway in gateways:
        tally = tallies[gateway.name]
        tally.connections += total / len(gateways)
        tally.why.append(
            f"connections: {count(users * scale)} DAU {X} {s.online_fraction:.0%} online at once "
            f"= {count(total)}"
            + (f", shared by {len(gateways)} gateways" if len(gateways) > 1 else "")
        )


def _cache_memory(
    design: Design,
    rates: list[WorkloadRate],
    tallies: dict[str, _Tally],
    estimates: Estimates,
    scale: float,
) -> None:
    """A cache holding no declared dataset holds the hot set of the reads that reach it: the
    day's reads of each workload stepping into it times that workload's response, at the
    design's hot fraction (the guide's 80/20 rule). Where a workload reaching it gives no
    response size, the estimate's one cache size is shared out instead."""
    caches = [
        c
        for c in design.components
        if c.kind == Kind.cache and tallies[c.name].reads and not tallies[c.name].memory
    ]
    if not caches:
        return
    by_name = {rate.name: rate for rate in rates}
    scale_given = design.requirements.scale
    hot_fraction = scale_given.cache_hot_fraction if scale_given else PARETO_FRACTION
    day = estimates.conventions.seconds_per_day
    binary = estimates.conventions.binary
    shared = []
    for cache in caches:
        reads: dict[str, float] = defaultdict(float)
        for c in tallies[cache.name].contributions:
            if c.operation == "read":
                reads[c.workload] += c.average
        sizes = {name: by_name[name].response_bytes for name in reads if name in by_name}
        if not reads or len(sizes) < len(reads) or not all(sizes.values()):
            shared.append(cache)
            continue
        held = sum(rate * day * (sizes[name] or 0) for name, rate in reads.items()) * hot_fraction
        tallies[cache.name].memory += held
        parts = " + ".join(
            f"{count_in_steps(rate)}/s {X} {size(sizes[name] or 0, binary=binary)} ('{name}')"
            for name, rate in reads.items()
        )
        tallies[cache.name].why.append(
            f"holds the hot set of the reads that reach it: ({parts}) {X} "
            f"{exact_number(day)} s {X} {hot_fraction:.0%} = {size(held, binary=binary)}"
        )
    hot = estimates.figure(FigureName.cache_size)
    if hot is None or not shared:
        return
    for cache in shared:
        tallies[cache.name].memory += hot.value * scale / len(shared)
        held_text = hot.text
        if scale != 1:
            held_text += f" {X} {scale:g} = {size(hot.value * scale, binary=binary)}"
        tallies[cache.name].why.append(f"holds the hot set (cache size estimate): {held_text}")


def _dimensions(
    design: Design,
    component: Component,
    figures: NodeFigures,
    reads: float,
    writes: float,
    tally: _Tally,
) -> Iterable[Dimension]:
    if figures.managed and not _documented_limit(figures):
        return []
    found = []
    # A managed service's documented limit is the service's (an account's quota, a queue's),
    # or a shard's where it is per shard (Kinesis): never multiplied by `instances`.
    managed = figures.managed
    parts = shard_count(component)
    nodes = parts if managed else read_nodes(component)
    if figures.requests_per_second and (reads or writes):
        found.append(
            Dimension(
                "requests",
                reads + writes,
                figures.requests_per_second * nodes,
                figures.requests_per_second,
                nodes,
                "/s",
            )
        )
    if figures.writes_per_second and writes:
        n = parts if managed else write_nodes(component, figures)
        found.append(
            Dimension(
                "writes", writes, figures.writes_per_second * n, figures.writes_per_second, n, "/s"
            )
        )
    if figures.storage_bytes and tally.stored:
        # One copy of the data: a relational database holds it on its shards' primaries, a
        # distributed one spreads it over its primaries; replicas hold copies, not more data.
        per_copy = primaries(component) if figures.distributed_writes and not managed else parts
        found.append(
            Dimension(
                "storage",
                tally.stored,
                figures.storage_bytes * per_copy,
                figures.storage_bytes,
                per_copy,
                "B",
            )
        )
    if figures.memory_bytes and tally.memory:
        n = parts if managed else primaries(component)
        found.append(
            Dimension(
                "memory", tally.memory, figures.memory_bytes * n, figures.memory_bytes, n, "B"
            )
        )
    if figures.connections and tally.connections:
        n = parts if managed else primaries(component)
        found.append(
            Dimension(
                "connections",
                tally.connections,
                figures.connections * n,
                figures.connections,
                n,
                "",
            )
        )
    return found


def _documented_limit(figures: NodeFigures) -> bool:
    return any(
        value is not None
        for value in (figures.requests_per_second, figures.writes_per_second, figures.storage_bytes)
    )
