"""Step 1, clarify requirements (R1xx): scope, scale, latency, consistency, availability."""

from __future__ import annotations

from collections.abc import Iterator

from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule

STEP = FrameworkStep.requirements


@rule(
    "R101",
    "no-functional-requirements",
    "error",
    STEP,
    fix="list the must-have features in `Requirements(in_scope=[...])`",
)
def no_functional_requirements(ctx: Context) -> Iterator[Hit]:
    """The design lists no in-scope features.

    What it checks:
        `Requirements.in_scope` is empty.
    Why it matters:
        The checklist's first question is "Asked about functional requirements?". Without a
        scope the design answers a question nobody asked: "Prevents building the wrong system".
    Bad:
        Requirements(scale=Scale(dau=1_000_000))
    Fix:
        Requirements(in_scope=["Users can post tweets (280 chars)", "Users can follow others"])
    Known false positives:
        None known: a design always does something for someone. A pure library or batch
        pipeline still has a scope; write it as features.
    """
    if not ctx.design.requirements.in_scope:
        yield Hit("requirements.in_scope", "no in-scope features: what must the system do?")


@rule(
    "R102",
    "no-out-of-scope",
    "warning",
    STEP,
    fix="say what you leave out: `Requirements(out_of_scope=[...])`",
)
def no_out_of_scope(ctx: Context) -> Iterator[Hit]:
    """The design never says what is out of scope.

    What it checks:
        `Requirements.out_of_scope` is empty.
    Why it matters:
        The guide's template has an "Out of Scope" box: naming what you will not build
        "shows you understand that ambiguous problems need scoping" and keeps the interview
        on the features that matter.
    Bad:
        Requirements(in_scope=["Post tweets", "Follow users"])
    Fix:
        Requirements(in_scope=["Post tweets", "Follow users"],
                     out_of_scope=["Direct messaging", "Search"])
    Known false positives:
        A design whose scope is genuinely closed (an exercise that fixes the features)
        has nothing to leave out: suppress with that reason.
    """
    if not ctx.design.requirements.out_of_scope:
        yield Hit("requirements.out_of_scope", "no out-of-scope list")


@rule(
    "R103",
    "no-scale-numbers",
    "error",
    STEP,
    fix="give users or a request rate: `Scale(dau=..., writes_per_user_per_day=...)`, "
    "`Scale(writes_per_day=...)` or `Scale(workloads=[Workload(name=..., per_second=...)])`",
)
def no_scale_numbers(ctx: Context) -> Iterator[Hit]:
    """The design gives no scale: neither users nor a request rate.

    What it checks:
        `Requirements.scale` is missing, or it gives no user count (`dau`, `mau`,
        `total_users`) and `sketch estimate` derives no reads or writes per second from it:
        no DAU times actions per user, no total per day or month, no declared rate and no
        workload with a rate (`Scale(workloads=[...])`).
    Why it matters:
        Mistake 3 of the guide, "No Numbers": "We'll need to scale the database. Problem: How
        do you know? What scale?" Every capacity decision (cache, replicas, sharding) follows
        from these numbers.
    Bad:
        Requirements(in_scope=["Post tweets"])
    Fix:
        Requirements(in_scope=["Post tweets"],
                     scale=Scale(dau=200_000_000, writes_per_user_per_day=2, peak_factor=3))
        # a system without users (a crawler, a key-value store) states its rates:
        Scale(writes_per_month=1_000_000_000)
        Scale(workloads=[Workload(name="put", kind="write", per_second=300_000)])
    Known false positives:
        A design sized by throughput alone in words ("a few hundred requests a day")
        gives no number lint can read: write `reads_per_day=`. A workload given per user
        (`per_user_per_day`) counts only with the user figure it multiplies.
    """
    scale = ctx.design.requirements.scale
    users = (scale.dau, scale.mau, scale.total_users) if scale else ()
    if any(n is not None for n in users):
        return
    if scale is None or (ctx.load.reads is None and ctx.load.writes is None):
        yield Hit("requirements.scale", "no scale numbers (users or a request rate)")


@rule(
    "R104",
    "no-latency-target",
    "warning",
    STEP,
    fix="add `latency=[LatencyTarget(operation=..., ms=200, percentile='p99')]`",
)
def no_latency_target(ctx: Context) -> Iterator[Hit]:
    """The design has no latency target.

    What it checks:
        `Requirements.latency` is empty.
    Why it matters:
        The guide asks "What latency requirements? p50, p95, p99 latency targets". A target is
        what later tells you a scatter-gather query "exceeds our 200ms p99 target".
    Bad:
        Requirements(in_scope=["See home timeline"])
    Fix:
        Requirements(in_scope=["See home timeline"],
                     latency=[LatencyTarget(operation="timeline read", ms=200, percentile="p99")])
    Known false positives:
        Batch-only designs (a nightly report) have no user waiting: suppress with that
        reason.
    """
    if not ctx.design.requirements.latency:
        yield Hit("requirements.latency", "no latency target")


@rule(
    "R105",
    "latency-without-percentile",
    "warning",
    STEP,
    fix="say which percentile the target holds for, e.g. `percentile='p99'`",
)
def latency_without_percentile(ctx: Context) -> Iterator[Hit]:
    """A latency target does not say at which percentile it holds.

    What it checks:
        A `LatencyTarget` with no `percentile`.
    Why it matters:
        "Under 200 ms" on average hides the slow tail users feel; the guide always states
        targets as percentiles ("Under 200ms for p99").
    Bad:
        LatencyTarget(operation="timeline read", ms=200)
    Fix:
        LatencyTarget(operation="timeline read", ms=200, percentile="p99")
    Known false positives:
        A target meant as a hard timeout ("every call under 2 s") holds at p100: say
        `percentile='p999'` or suppress with the reason.
    """
    for i, target in enumerate(ctx.design.requirements.latency):
        if target.percentile is None:
            yield Hit(
                f"requirements.latency[{i}]",
                f"latency target for '{target.label}' has no percentile",
            )


@rule(
    "R106",
    "no-consistency-choice",
    "warning",
    STEP,
    fix="choose: `consistency=[Consistency(level='eventual', applies_to=..., staleness=...)]`",
)
def no_consistency_choice(ctx: Context) -> Iterator[Hit]:
    """The design never chooses between strong and eventual consistency.

    What it checks:
        `Requirements.consistency` is empty.
    Why it matters:
        "What consistency requirements? Strong vs eventual consistency. Acceptable
        staleness." The choice decides whether caches, replicas and async fanout are allowed.
    Bad:
        Requirements(in_scope=["See home timeline"])
    Fix:
        Requirements(in_scope=["See home timeline"], consistency=[
            Consistency(level="eventual", applies_to="timeline", staleness="a few seconds")])
    Known false positives:
        A design with a single data store and no replica or cache has one consistency
        only; still worth saying, so the rule stays.
    """
    if not ctx.design.requirements.consistency:
        yield Hit("requirements.consistency", "no consistency choice (strong or eventual)")


@rule(
    "R107",
    "no-availability-target",
    "warning",
    STEP,
    fix="state the uptime target: `Requirements(availability=99.99)`",
)
def no_availability_target(ctx: Context) -> Iterator[Hit]:
    """The design has no availability target.

    What it checks:
        `Requirements.availability` is not set.
    Why it matters:
        "What availability requirements? 99.9% vs 99.99% vs 99.999%": the target decides how
        much redundancy the design needs, and which single points of failure matter.
    Bad:
        Requirements(in_scope=["Post tweets"])
    Fix:
        Requirements(in_scope=["Post tweets"], availability=99.99)
    Known false positives:
        An internal tool whose downtime is acceptable: write the low target
        (`availability=99.0`) rather than suppress.
    """
    if ctx.design.requirements.availability is None:
        yield Hit("requirements.availability", "no availability target")


@rule(
    "R108",
    "no-storage-estimate",
    "warning",
    STEP,
    fix="declare what one write stores: `Scale(item_sizes=[ItemSize(name=..., bytes=...)])` "
    "or the write workload's `items=[...]`",
)
def no_storage_estimate(ctx: Context) -> Iterator[Hit]:
    """Storage cannot be estimated: the design gives no item sizes.

    What it checks:
        `sketch estimate` derives no storage per day, and the design says nowhere what a
        write stores: `Scale.item_sizes` is empty and no write workload has `items` (or there
        is no `Scale` at all). Item sizes waiting for a write rate do not count as missing:
        R103 or `sketch estimate` names the rate.
    Why it matters:
        The guide asks "What data volume? Data generated per day. Storage growth rate" and
        computes "~110TB" per year from 280 chars x 2 bytes; without sizes there is no storage
        figure to justify sharding or an object store.
    Bad:
        Scale(dau=200_000_000, writes_per_user_per_day=2)
    Fix:
        Scale(dau=200_000_000, writes_per_user_per_day=2,
              item_sizes=[ItemSize(name="text", chars=280), ItemSize(name="metadata", bytes=190)])
        # or on the write workload that stores it:
        Workload(name="upload", kind="write", per_second=2_000,
                 items=[ItemSize(name="chunk", bytes=4_000_000)])
    Known false positives:
        A design that stores nothing per write (a stateless proxy, a rate limiter
        counting in memory): suppress with that reason. Items on a read workload store
        nothing, as in `sketch estimate`: move them to the write that stores them.
    """
    scale = ctx.design.requirements.scale
    if scale is None:
        yield Hit("requirements.scale", "no item sizes: storage per day cannot be estimated")
        return
    declared = scale.item_sizes or any(w.kind == "write" and w.items for w in scale.workloads)
    if ctx.load.storage_per_day is None and not declared:
        yield Hit(
            "requirements.scale.item_sizes", "no item sizes: storage per day cannot be estimated"
        )


@rule(
    "R109",
    "no-read-write-ratio",
    "warning",
    STEP,
    fix="give the ratio: `Scale(read_write_ratio=100)` (100 reads per write), a read total "
    "(`reads_per_day=...`) or a read workload",
)
def no_read_write_ratio(ctx: Context) -> Iterator[Hit]:
    """The scale says nothing about how much is read.

    What it checks:
        A `Scale` from which `sketch estimate` derives no reads per second (from a
        read:write ratio, reads per user, a total per day or month, a declared rate or the
        read workloads), and that states no read figure waiting for another input either
        (a `read_write_ratio` waiting for the writes, `reads_per_user_per_day` waiting for
        DAU, a read workload given per user).
    Why it matters:
        "What's the ratio of reads to writes?" is the guide's second scale question: "Users
        read way more than they post. Let's say 100:1". The read load decides caching and
        replicas (D304, D322).
    Bad:
        Scale(dau=200_000_000, writes_per_user_per_day=2)
    Fix:
        Scale(dau=200_000_000, writes_per_user_per_day=2, read_write_ratio=100)
        # or a total, or a read workload:
        Scale(dau=200_000_000, writes_per_user_per_day=2, reads_per_day=10_000_000_000)
        Workload(name="get", kind="read", per_second=700_000)
    Known false positives:
        A write-only design (ingesting logs or metrics nobody reads online): say
        `read_write_ratio` is small, or suppress.
    """
    scale = ctx.design.requirements.scale
    if scale is None or ctx.load.reads is not None:
        return
    waiting = (
        scale.read_write_ratio is not None
        or scale.reads_per_user_per_day is not None
        or any(w.kind == "read" for w in scale.workloads)
    )
    if not waiting:
        yield Hit("requirements.scale", "no read load (read:write ratio or a read rate)")


@rule(
    "R110",
    "no-peak-factor",
    "warning",
    STEP,
    fix="say how much higher the peak is than the average: `Scale(peak_factor=3)`",
)
def no_peak_factor(ctx: Context) -> Iterator[Hit]:
    """The scale gives averages only, with no peak.

    What it checks:
        A `Scale` without `peak_factor`.
    Why it matters:
        The guide asks for "Peak vs average" and sizes for the peak ("Peak (3x average) ≈ 14K
        tweets/sec"): a system sized for the average falls over every evening.
    Bad:
        Scale(dau=200_000_000, writes_per_user_per_day=2, read_write_ratio=100)
    Fix:
        Scale(dau=200_000_000, writes_per_user_per_day=2, read_write_ratio=100, peak_factor=3)
    Known false positives:
        A load that is flat by construction (a fixed-rate sensor fleet): `peak_factor=1`
        says so.
    """
    scale = ctx.design.requirements.scale
    if scale is not None and scale.peak_factor is None:
        yield Hit("requirements.scale", "no peak factor: the load is given as averages only")


@rule(
    "R111",
    "declared-figure-disagrees",
    "warning",
    STEP,
    fix="correct the declared figure or the inputs it should follow from; "
    "`sketch estimate FILE` shows the derivation",
)
def declared_figure_disagrees(ctx: Context) -> Iterator[Hit]:
    """A declared rate is more than 2x away from what the scale's own inputs give.

    What it checks:
        `Scale.writes_per_second` or `reads_per_second` against the figure `sketch estimate`
        derives from DAU, actions per user and the read:write ratio.
    Why it matters:
        The guide: "Write it down on the whiteboard! Shows you can translate vague
        requirements into concrete numbers." Numbers that contradict each other show the
        opposite, and every sizing decision built on them inherits the error.
    Bad:
        Scale(dau=1_000_000, writes_per_user_per_day=1, writes_per_second=1_000)
    Fix:
        Scale(dau=1_000_000, writes_per_user_per_day=1, writes_per_second=12)
    Known false positives:
        A declared figure that deliberately differs from the derivation (a launch-day
        spike): put it in `peak_factor` instead, or suppress with the reason.
    """
    for path, message in ctx.load.mismatches:
        yield Hit(path, message)


@rule(
    "R112",
    "latency-target-without-flow",
    "warning",
    STEP,
    fix="name the flow it governs: `LatencyTarget(flows=['Get timeline'], ms=200, ...)`",
)
def latency_target_without_flow(ctx: Context) -> Iterator[Hit]:
    """A latency target governs no flow, so nothing is ever compared with it.

    What it checks:
        A `LatencyTarget` without `flows` in a design that has flows.
    Why it matters:
        A target is there to be checked: "gives us ~250ms latency. That exceeds our 200ms
        p99 target". Tied to its flows, D312 adds up their steps and says when the path the
        percentile governs is over it.
    Bad:
        LatencyTarget(operation="timeline read", ms=200, percentile="p99")
    Fix:
        LatencyTarget(operation="timeline read", flows=["Get timeline"], ms=200,
                      percentile="p99")
    Known false positives:
        A target for an operation no flow walks yet (search, in a design that walks post
        and read): walk that flow, or suppress with the reason until you do.
    """
    if not ctx.design.flows:
        return
    for i, target in enumerate(ctx.design.requirements.latency):
        if not target.flows:
            yield Hit(
                f"requirements.latency[{i}]",
                f"latency target '{target.label}' governs no flow",
            )
