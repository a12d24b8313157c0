"""Step 3, the numbers of the first design (D32x): the load along the flows against what each
component's nodes take, as `sketch estimate` routes it (`sketch.estimating.route_load`).

Each component that runs out of something (requests, writes, storage, memory, connections) is
reported once per thing, by the rule that says best why: a fanout (D325), a single primary's
writes (D321), replicas behind a cache (D322), a dataset (D326), an order of magnitude short
(D323), else plainly over capacity (D320). A cache changes the load behind it (only the misses
pass); it never silences these rules. Managed services (object stores, CDNs, SQS, payment
providers) take their load without a finding unless a documented limit of theirs is passed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sketch.checking.checks import RATE_AGREEMENT
from sketch.estimating.spoken import size
from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule
from sketch.model import Kind

if TYPE_CHECKING:
    from sketch.estimating import ComponentLoad
    from sketch.estimating.load import Dimension

STEP = FrameworkStep.high_level
#: A fanout at or above this share of a dimension's load is what overwhelms it (D325).
FANOUT_SHARE = 0.5
_SECTION = {"writes": "writes:", "storage": "storage:", "memory": "memory:"}


@dataclass(frozen=True)
class Overload:
    """One dimension of one component over its capacity, and the rule that reports it."""

    index: int
    load: ComponentLoad
    dimension: Dimension
    code: str


def overloads(ctx: Context) -> list[Overload]:
    """Every dimension over capacity, each assigned to exactly one rule (no double reports);
    derived once per design and shared by the rules."""
    cached = ctx.memo.get("overloads")
    if isinstance(cached, list):
        return cached
    found: list[Overload] = []
    for i, c in enumerate(ctx.load_model.components):
        for d in c.dimensions:
            if d.utilisation > 1:
                found.append(Overload(i, c, d, _code(ctx, c, d)))
    ctx.memo["overloads"] = found
    return found


def _code(ctx: Context, c: ComponentLoad, d: Dimension) -> str:
    if d.name in ("storage", "memory"):
        return "D326"
    if d.name in ("requests", "writes") and _fanout_share(ctx, c, d) >= FANOUT_SHARE:
        return "D325"
    if d.name == "writes" and c.kind == Kind.database and not c.figures.distributed_writes:
        return "D321"
    if d.name == "requests" and c.kind in (Kind.database, Kind.read_replica) and _misses(ctx, c):
        return "D322"
    if d.nodes_needed > ctx.thresholds.under_provisioned_factor * d.nodes:
        return "D323"
    return "D320"


def _fanout_share(ctx: Context, c: ComponentLoad, d: Dimension) -> float:
    """The share of the dimension's (average) load that fanout steps deliver."""
    flows = ctx.design.flows
    relevant = [x for x in c.contributions if d.name == "requests" or x.operation == "write"]
    total = sum(x.average for x in relevant)
    fanned = sum(x.average for x in relevant if flows[x.flow_index].steps[x.step_index].fanout)
    return fanned / total if total else 0.0


def _misses(ctx: Context, c: ComponentLoad) -> bool:
    """Whether reads reach this store (or its replica group) on a cache miss."""
    flows = ctx.design.flows
    group = {c.name}
    component = next(x for x in ctx.design.components if x.name == c.name)
    if component.replica_of:
        group.add(component.replica_of)
    group |= {x.name for x in ctx.design.components if x.replica_of in group}
    for load in ctx.load_model.components:
        if load.name not in group:
            continue
        for x in load.contributions:
            step = flows[x.flow_index].steps[x.step_index]
            if x.operation == "read" and "miss" in (step.condition or "").lower():
                return True
    return False


def basis(c: ComponentLoad) -> str:
    if not c.judged_at_peak:
        return "at the average (no peak factor given)"
    # Behind a queue a consumer is sized for the average (peak factor 1): say so, not "peak".
    if c.contributions and all(x.peak_factor == 1 for x in c.contributions):
        return "at the average (behind a queue, which absorbs the peak)"
    return "at peak"


def source_of(c: ComponentLoad, d: Dimension) -> str:
    """The part of the per-node figure's source that speaks of this dimension."""
    parts = [p.strip() for p in c.figures.source.split("; ") if p.strip()]
    marker = _SECTION.get(d.name)
    chosen = next((p for p in parts if marker and p.startswith(marker)), None)
    if chosen is None:
        chosen = next((p for p in parts if not p.startswith(tuple(_SECTION.values()))), "")
    if marker and chosen.startswith(marker):
        chosen = chosen[len(marker) :].strip()
    return chosen or "the default for its kind"


def said(ctx: Context, c: ComponentLoad, d: Dimension) -> str:
    """`requests: 1.4M/s against 3 nodes x 10K/s = 30K/s (4676%); needs 141 (per node: ...)`"""
    binary = ctx.load_model.conventions.binary
    return f"{d.text(binary=binary)} (per node: {source_of(c, d)})"


def _what(c: ComponentLoad) -> str:
    return f"{c.kind.value.replace('_', ' ')} '{c.name}'"


def _hits(ctx: Context, code: str) -> Iterator[tuple[Overload, str, str | None]]:
    """One finding per component and rule: its tightest dimension, the others named after,
    and a help of its own where the rule's generic fix would mislead (else None)."""
    by_component: dict[int, list[Overload]] = {}
    for o in overloads(ctx):
        if o.code == code:
            by_component.setdefault(o.index, []).append(o)
    for found in by_component.values():
        found.sort(key=lambda o: -o.dimension.utilisation)
        worst, others = found[0], found[1:]
        text = said(ctx, worst.load, worst.dimension)
        if others:
            text += "; also over: " + ", ".join(
                f"{o.dimension.name} ({o.dimension.utilisation:.0%})" for o in others
            )
        yield worst, text, _single_primary_help(ctx, worst)


def _single_primary_help(ctx: Context, o: Overload) -> str | None:
    """A database of many equal instances is read as a relational one (one primary a shard,
    the rest standbys) unless its technology is known to spread writes: a Dynamo-style ring
    of an unlisted engine would be told it has one node. Say so, and how to say otherwise."""
    from sketch.estimating.nodes import standby_instances

    component = ctx.design.component(o.load.name)
    if component is None or o.dimension.name not in ("writes", "storage"):
        return None
    idle = standby_instances(component, o.load.figures.distributed_writes)
    if idle <= 0:
        return None
    return (
        f"counted on one primary a shard, its other {idle:,} instances as standbys; if every "
        "node takes writes and holds its own part of the data, say so: "
        "`capacity=NodeCapacity(distributed_writes=True)`; else shard the writes (`shards=`)"
    )


@rule(
    "D320",
    "component-over-capacity",
    "error",
    STEP,
    fix="add nodes (`instances=`, `shards=`, `replicas=`), put a cache in front, or give the "
    "figure you measured: `Component(capacity=NodeCapacity(requests_per_second=...))`",
)
def component_over_capacity(ctx: Context) -> Iterator[Hit]:
    """A component carries more than its nodes take.

    What it checks:
        Each component's load along the flows (`sketch estimate`'s per-component table), at
        the peak when the design gives a peak factor and at the average (said so) when it
        does not, against its declared nodes times what one node takes (the catalogue's
        sourced default for its kind and technology, `[tool.sketch.capacity]`, or the
        component's `capacity=`). Requests and connections; writes, storage, fanouts and
        replicas behind a cache have rules of their own (D321-D326), and a component short
        by more than `under_provisioned_factor` is D323.
    Why it matters:
        The guide's Mistake 3: "a single PostgreSQL instance can handle ~10K QPS, so we'd need
        read replicas or sharding". "What happens if traffic increases 10x?" has no answer
        while today's traffic already does not fit.
    Bad:
        Component(name="lb", kind="load_balancer", technology="Nginx", instances=2)
        # 139K requests/s at peak against 2 nodes x 50K/s
    Fix:
        Component(name="lb", kind="load_balancer", technology="Nginx", instances=4)
    Known false positives:
        A component whose work per request is far lighter or heavier than its kind's
        default (a redirect is one cache read; a resize is seconds of CPU): give the figure you
        measured, `capacity=NodeCapacity(requests_per_second=..., reference=...)`.
    """
    for o, text, help in _hits(ctx, "D320"):
        yield Hit(o.load.path, f"{_what(o.load)} is over capacity {basis(o.load)}: {text}", help)


@rule(
    "D321",
    "single-primary-writes",
    "error",
    STEP,
    fix="shard the writes (`shards=`), batch them behind a queue, or choose a store whose "
    "nodes all take writes (Cassandra, DynamoDB); read replicas take no writes",
)
def single_primary_writes(ctx: Context) -> Iterator[Hit]:
    """A relational primary takes more writes than one node takes.

    What it checks:
        The writes routed to a relational database (one primary per shard; replicas take
        none) against one primary's write figure (default ~1K durable writes/s, a rule of
        thumb: a commit, WAL flush and index updates per write), at peak or at the average.
    Why it matters:
        Replicas and caches add read capacity only: every write still lands on the primary.
        400 or 2,000 writes/s on one SQL primary is where published designs shard.
    Bad:
        Component(name="db", kind="database", technology="PostgreSQL", replicas=2)
        # 2,000 writes/s
    Fix:
        Component(name="db", kind="database", technology="PostgreSQL", replicas=2, shards=4)
    Known false positives:
        A primary that batches its writes (group commit, COPY, one multi-row INSERT per
        request) takes far more rows than ~1K/s: give `capacity=NodeCapacity(writes_per_second=
        ..., reference=...)` with the measurement.
    """
    for o, text, help in _hits(ctx, "D321"):
        primaries = "one primary" if o.dimension.nodes == 1 else "its primaries (one per shard)"
        yield Hit(
            o.load.path,
            f"{_what(o.load)}: {primaries} cannot take the writes {basis(o.load)}: {text}",
            help,
        )


@rule(
    "D322",
    "replicas-cannot-absorb-misses",
    "error",
    STEP,
    fix="raise the cache's hit ratio (and say why it holds), or add read replicas",
)
def replicas_cannot_absorb_misses(ctx: Context) -> Iterator[Hit]:
    """The reads that miss the cache are more than the database and its replicas serve.

    What it checks:
        A database or read replica whose reads arrive on cache-miss steps (`condition="cache
        miss"`, after a step with `hit_ratio=`), pooled over the primary and its replicas,
        above what those nodes serve.
    Why it matters:
        A cache with hit ratio h leaves (1 - h) of the reads behind it: 1.4M reads/s at a 90%
        hit ratio is still 140K/s on the database, 14 nodes at the guide's ~10K QPS each. A
        cache changes the load; it does not make it disappear.
    Bad:
        Step(from_="app", to="cache", action="GET", hit_ratio=0.9),
        Step(from_="app", to="db", action="SELECT", condition="cache miss")
        # 400K reads/s at peak: 40K/s miss, on a db with replicas=1 (2 x 10K/s)
    Fix:
        Component(name="db", kind="database", technology="PostgreSQL", replicas=4)
    Known false positives:
        A cache whose real hit ratio is higher than the flow says, or says nothing: state
        `hit_ratio=` on the cache step and why it holds (a TTL, a hot set that fits).
    """
    from sketch.estimating.spoken import X, count_in_steps

    flagged = {o.load.name for o in overloads(ctx) if o.code == "D322"}
    for group in _replica_groups(ctx):
        if not flagged & {c.name for c in group}:
            continue
        dims = [d for c in group for d in c.dimensions if d.name == "requests"]
        load, nodes = sum(d.load for d in dims), sum(d.nodes for d in dims)
        per_node = dims[0].per_node
        primary = group[0]
        assumed = any("no hit_ratio given" in x.why for c in group for x in c.contributions)
        names = ", ".join(f"'{c.name}'" for c in group[1:])
        yield Hit(
            primary.path,
            f"{_what(primary)}{f' and its replicas ({names})' if names else ' and its replicas'}"
            f" cannot absorb the cache misses {basis(primary)}: {count_in_steps(load)} "
            f"requests/s against {nodes} nodes {X} {count_in_steps(per_node)}/s = "
            f"{count_in_steps(nodes * per_node)}/s ({load / (nodes * per_node):.0%}); needs "
            f"{_needed(load, per_node):,} (per node: {source_of(primary, dims[0])})"
            + ("; no hit_ratio is given, so every read is assumed to miss" if assumed else ""),
        )


def _replica_groups(ctx: Context) -> list[list[ComponentLoad]]:
    """Each primary with its read-replica components, primary first (a lone store alone)."""
    loads = {c.name: c for c in ctx.load_model.components}
    groups = []
    for component in ctx.design.components:
        if component.kind != Kind.database and not (
            component.kind == Kind.read_replica and component.replica_of not in loads
        ):
            continue
        members = [loads[component.name]] + [
            loads[c.name] for c in ctx.design.components if c.replica_of == component.name
        ]
        groups.append(members)
    return groups


@rule(
    "D323",
    "far-under-provisioned",
    "error",
    STEP,
    fix="size the component from the load (`sketch estimate FILE` shows the nodes it "
    "needs), or cut the load in front of it (a cache with a hit ratio, a queue)",
    thresholds=("under_provisioned_factor",),
)
def far_under_provisioned(ctx: Context) -> Iterator[Hit]:
    """A component declares far fewer nodes than its load needs.

    What it checks:
        A component over capacity that needs more than `under_provisioned_factor` (10x) its
        declared nodes for requests or connections (at peak, or at the average).
    Why it matters:
        An order of magnitude off means the numbers were never held against the boxes: the
        guide's Twitter at 1.4M reads/s on "App Servers x 20" needs about 1,400 of them at
        ~1K requests/s each.
    Bad:
        Component(name="app", kind="service", instances=20)  # 1.4M requests/s at peak
    Fix:
        Component(name="app", kind="service", instances=1_500)
    Known false positives:
        As D320: a per-node figure far from the default for this work; give the measured one
        in `capacity=`.
    """
    for o, text, help in _hits(ctx, "D323"):
        d = o.dimension
        yield Hit(
            o.load.path,
            f"{_what(o.load)} declares {d.nodes:,} {'node' if d.nodes == 1 else 'nodes'} and "
            f"needs {d.nodes_needed:,} {basis(o.load)}: {text}",
            help,
        )


@rule(
    "D324",
    "over-provisioned",
    "warning",
    STEP,
    fix="size for the load with room to grow; say when you would add nodes",
    thresholds=("over_provisioned_factor", "redundancy_floor", "assumed_peak_factor"),
)
def over_provisioned(ctx: Context) -> Iterator[Hit]:
    """A component runs many times the nodes its load needs.

    What it checks:
        A component (not managed) whose declared nodes are more than `over_provisioned_factor`
        (4x) what its peak load needs on every dimension it has, counting at least
        `redundancy_floor` (2) nodes as needed for redundancy alone. Without a peak factor the
        average is multiplied by `assumed_peak_factor` (3x, the guide's Twitter) first, so the
        rule never flags what an unstated peak would use.
    Why it matters:
        Mistake 4, "Treating Everything as Netflix Scale": "We'll shard the database across
        1000 nodes ... Problem: Maybe 1 server is enough for the requirements!" 20 app servers
        at 69 requests/s, or 16 shards at 70, is cost and complexity with nothing to carry.
    Bad:
        Scale(dau=10_000, ...) with Component(name="app", kind="service", instances=20)
    Fix:
        Component(name="app", kind="service", instances=2)
    Known false positives:
        Nodes kept for a spike the peak factor does not show (a launch, an on-sale): give
        that peak on the workload (`Workload(peak_factor=...)`). Nodes kept for another region
        or zone: say so in a suppression.
    """
    t = ctx.thresholds
    for c in ctx.load_model.components:
        if c.managed or not c.dimensions or not c.contributions:
            continue
        peak = 1.0 if c.judged_at_peak else t.assumed_peak_factor
        ratios = []
        for d in c.dimensions:
            needed = max(t.redundancy_floor, d.nodes_needed, _needed(d.load * peak, d.per_node))
            ratios.append((d.nodes / needed, d, needed))
        ratio, d, needed = min(ratios, key=lambda r: r[0])
        if ratio > t.over_provisioned_factor:
            assumed = "" if c.judged_at_peak else f" ({t.assumed_peak_factor:g}x the average)"
            yield Hit(
                c.path,
                f"{_what(c)} runs {d.nodes:,} nodes where {needed:,} would do {basis(c)}"
                f"{assumed}: {said(ctx, c, d)}; more than {t.over_provisioned_factor:g}x",
            )


def _needed(load: float, per_node: float) -> int:
    return max(1, math.ceil(round(load / per_node, 9)))


@rule(
    "D325",
    "fanout-overwhelms-store",
    "error",
    STEP,
    fix="shard the store the fanout writes to, fan out behind a queue to workers, or pull "
    "the heavy writers' posts at read time (hybrid fanout)",
)
def fanout_overwhelms_store(ctx: Context) -> Iterator[Hit]:
    """The deliveries of a fanout are more than the store they land on takes.

    What it checks:
        A component whose requests or writes come mostly (half or more) from fanout steps
        (`Step(fanout=True)` times the workload's deliveries per write, or `fanout=N`) and
        exceed what its nodes take.
    Why it matters:
        The guide's Twitter: 400M tweets/day to 200 followers each is ~926K timeline writes/s
        on average, far more than the tweets themselves; a fanout that no node count was
        sized for is the design's real write load.
    Bad:
        Workload(name="post", kind="write", per_second=300, fanout=200) and
        Step(from_="fanout", to="timelines", action="LPUSH", fanout=True) on 2 Redis nodes
    Fix:
        Component(name="timelines", kind="cache", technology="Redis", instances=4)
    Known false positives:
        A fanout whose deliveries are batched (one pipelined write per shard, not per
        follower): put the real multiplier on the step, `Step(fanout=N)`.
    """
    for o, text, help in _hits(ctx, "D325"):
        yield Hit(
            o.load.path,
            f"the fanout overwhelms {_what(o.load)} {basis(o.load)}: {text}",
            help,
        )


@rule(
    "D326",
    "dataset-does-not-fit",
    "error",
    STEP,
    fix="shard the store (`shards=`), keep less (a shorter retention, a hot set in the "
    "cache), or move the bulk to an object store",
)
def dataset_does_not_fit(ctx: Context) -> Iterator[Hit]:
    """What a store holds is more than its nodes hold.

    What it checks:
        The bytes a store accumulates over the retention horizon (each write workload's items
        times its rate, where the flows write them; entity `rows` or `rows_per_user` times the
        row size) against its shards times one node's storage (default 64 TiB, the RDS
        maximum), and a cache's dataset or hot set against its nodes' memory.
    Why it matters:
        Tweets or messages accumulate to hundreds of TB over years: on one unsharded primary
        that is a design that works on day one and not in year two. A cache whose hot set
        does not fit its memory has a far lower hit ratio than the design assumes.
    Bad:
        Scale(..., retention_years=10) storing 730 TB on Component(kind="database")
    Fix:
        Component(name="db", kind="database", technology="PostgreSQL", shards=16)
    Known false positives:
        Data that expires before the retention horizon (sessions with a TTL, a cache of the
        last hour): give the store's own horizon through what it holds (`Entity(rows=...)`), or
        a shorter `retention_months`.
    """
    for o, text, help in _hits(ctx, "D326"):
        memory = o.dimension.name == "memory"
        where, horizon = ("memory", "") if memory else ("storage", _horizon(ctx))
        yield Hit(
            o.load.path,
            f"the dataset of {_what(o.load)} does not fit its {where}{horizon}: {text}",
            help,
        )


def _horizon(ctx: Context) -> str:
    from sketch.estimating.load import horizon_seconds

    found = horizon_seconds(ctx.design, ctx.load_model.conventions)
    return f" (over {found[1]})" if found else ""


@rule(
    "D327",
    "flow-without-workload",
    "warning",
    STEP,
    fix="tie the flow to the workload it serves: `Flow(workload='...')`, or declare one",
)
def flow_without_workload(ctx: Context) -> Iterator[Hit]:
    """A flow carries traffic that no workload gives a rate, so its load is never estimated.

    What it checks:
        A flow with no `workload=` (and, in a design without named workloads, none tied to it
        by its first call) while the design states its load. A flow a scheduler or monitor
        starts is a periodic job, left out: its rate is its schedule.
    Why it matters:
        The dominant load of a design must not be invisible: a video read path's egress, a
        million drivers' location updates or a fanout's deliveries, untied, never reach a
        component's figures, and every capacity rule passes them by.
    Bad:
        Flow(name="Location updates", steps=[...])  # and workloads "book ride", "match"
    Fix:
        Flow(name="Location updates", workload="location update", steps=[...])
    Known false positives:
        A flow that only restates another one's path (an error branch): tie it to the same
        workload with `Step(share=...)` on its steps, or fold it into the other flow.
    """
    scale = ctx.design.requirements.scale
    declared = bool(scale and scale.workloads)
    for u in ctx.load_model.unrouted:
        if u.periodic:
            continue  # a periodic job: its rate is its schedule, not the traffic's
        yield Hit(
            f"flows[{u.index}]",
            f"flow '{u.name}' is tied to no workload: its load is never estimated",
            # Without declared workloads there is nothing to name in `Flow(workload=...)`.
            help=u.why
            if declared
            else "declare the design's workloads (`Scale(workloads=[Workload(name=..., "
            "per_second=...)])`) and tie each flow to one: `Flow(workload=...)`",
        )


@rule(
    "D328",
    "workload-without-flow",
    "warning",
    STEP,
    fix="walk a flow through it (`Flow(workload='...')`), or remove the workload",
)
def workload_without_flow(ctx: Context) -> Iterator[Hit]:
    """A declared workload that no flow carries: its load reaches no component.

    What it checks:
        A `Workload` of `Scale.workloads` that no flow names in `workload=`.
    Why it matters:
        A rate that stops at the requirements sizes nothing: the components that serve it are
        judged as if it did not exist.
    Bad:
        Scale(workloads=[Workload(name="search", per_second=5_000)]) and no flow for search
    Fix:
        Flow(name="Search", workload="search", steps=[...])
    Known false positives:
        A workload stated to size something drawn outside the flows (a batch export): walk
        the flow that serves it, however short.
    """
    for path, name in ctx.load_model.idle_workloads:
        yield Hit(path, f"workload '{name}' is carried by no flow: its load reaches nothing")


@rule(
    "D329",
    "fanout-not-carried",
    "warning",
    STEP,
    fix="mark the step that delivers to each follower: `Step(..., fanout=True)`",
)
def fanout_not_carried(ctx: Context) -> Iterator[Hit]:
    """A workload's fanout that no step of its flows carries.

    What it checks:
        A `Workload(fanout=...)` whose flows have no step with `fanout=True`.
    Why it matters:
        The deliveries (~926K timeline writes/s for the guide's Twitter) are usually the
        heaviest load in the design; declared but not routed, they land on no component.
    Bad:
        Workload(name="post", kind="write", per_day=400e6, fanout=200) with flows that never
        fan out
    Fix:
        Step(from_="worker", to="timelines", action="LPUSH timeline:{follower}", fanout=True)
    Known false positives:
        A fanout done by a job outside the drawn flows: draw its step with `fanout=True`.
    """
    for path, name in ctx.load_model.lost_fanouts:
        yield Hit(
            f"{path}.fanout",
            f"workload '{name}' fans out, and no step of its flows carries the fanout",
        )


@rule(
    "D330",
    "low-headroom",
    "warning",
    STEP,
    fix="give the peak (`Scale(peak_factor=3)`) so the load is judged at it, or add nodes",
    thresholds=("assumed_peak_factor",),
)
def low_headroom(ctx: Context) -> Iterator[Hit]:
    """Without a peak factor, a component fits the average but not a usual peak.

    What it checks:
        A component judged at the average (no peak factor is given) with a dimension
        (requests, writes, connections) within capacity that saturates below
        `assumed_peak_factor` (3x) today's average. Dimensions already over capacity are
        D320-D325's; storage and memory do not peak with traffic, and a consumer behind a
        queue is sized for the average (the queue absorbs the peak).
    Why it matters:
        Averages hide the evening: the guide sizes for "Peak (3x average) ≈ 14K tweets/sec".
        A component at 40% of its capacity on average is at 120% at such a peak.
    Bad:
        Scale(dau=50_000_000, writes_per_user_per_day=2) with no peak_factor, on a database
        at 60% of its capacity on average
    Fix:
        Scale(dau=50_000_000, writes_per_user_per_day=2, peak_factor=3), and the nodes the
        peak needs
    Known false positives:
        A load that is flat through the day (a sensor feed, a batch pipeline): give
        `peak_factor=1` so the average is the peak.
    """
    factor = ctx.thresholds.assumed_peak_factor
    for c in ctx.load_model.components:
        if c.judged_at_peak or not c.contributions:
            continue
        short = [
            d
            for d in c.dimensions
            if d.name not in ("storage", "memory")
            and 1 / factor < d.utilisation <= 1
            and not _all_behind_a_queue(ctx, c, d)
        ]
        if short:
            d = max(short, key=lambda d: d.utilisation)
            yield Hit(
                c.path,
                f"{_what(c)} saturates at {1 / d.utilisation:.2g}x today's average {d.name}, "
                f"below a {factor:g}x peak (no peak factor is given): {said(ctx, c, d)}",
            )


def _all_behind_a_queue(ctx: Context, c: ComponentLoad, d: Dimension) -> bool:
    """Whether all of this dimension's load comes past a queue, which absorbs the peak."""
    from sketch.estimating.routing import behind_a_queue

    relevant = [x for x in c.contributions if d.name != "writes" or x.operation == "write"]
    return bool(relevant) and all(
        behind_a_queue(ctx.design, x.flow_index, x.step_index) for x in relevant
    )


@rule(
    "D331",
    "item-sizes-disagree",
    "warning",
    STEP,
    fix="keep one account of what a write stores: the write workloads' `items` (which say "
    "where each goes), or `Scale(item_sizes=...)`, not both with different figures",
)
def item_sizes_disagree(ctx: Context) -> Iterator[Hit]:
    """`Scale.item_sizes` and the write workloads' items say different things about a write.

    What it checks:
        A design giving both `Scale(item_sizes=...)` and items on its write workloads, whose
        bytes per write (the workloads' weighted by their rates) differ by more than 5%.
    Why it matters:
        The headline storage (per day, per year, with copies) is computed from the scale's
        item sizes, and the load on each store from the workloads' items: the two answers
        to "how much do we store?" then disagree, and nothing says which one the design
        means. A crawler that keeps 71% of its pages after dedup said 1.2 PB a year in one
        place and 0.86 PB in the other.
    Bad:
        Scale(item_sizes=[ItemSize(name="page", bytes=100_000)], workloads=[Workload(
            name="fetch", kind="write", items=[ItemSize(name="page", bytes=100_000,
            fraction=0.71, store="blobs")], ...)])
    Fix:
        Scale(workloads=[Workload(name="fetch", kind="write", items=[ItemSize(name="page",
            bytes=100_000, fraction=0.71, store="blobs")], ...)])
    Known false positives:
        None known: with a single account of a write there is nothing to compare.
    """
    scale = ctx.design.requirements.scale
    if scale is None or not scale.item_sizes:
        return
    stated = sum(item.size_bytes * item.fraction for item in scale.item_sizes)
    writers = [r for r in ctx.load_model.workloads if r.kind == "write" and r.items]
    total = sum(r.average for r in writers)
    if not writers or not total:
        return
    weighted = sum(r.average * r.bytes_per_write for r in writers) / total
    if math.isclose(stated, weighted, rel_tol=RATE_AGREEMENT):
        return
    binary = ctx.load_model.conventions.binary
    yield Hit(
        "requirements.scale.item_sizes",
        f"the scale's item sizes store {size(stated, binary=binary)} a write, the write "
        f"workloads' items {size(weighted, binary=binary)}: the headline storage and the "
        "per-component storage disagree",
    )
