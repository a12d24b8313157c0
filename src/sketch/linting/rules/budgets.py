"""Step 3, the budgets along the flows (D312-D313): latency and availability against targets.

The figures come from `sketch.estimating.latency` and `sketch.estimating.availability`, which
`sketch estimate` prints with their derivation; these rules only compare them.
"""

from __future__ import annotations

from collections.abc import Iterator

from sketch.linting.context import Context
from sketch.linting.registry import FrameworkStep, Hit, rule

STEP = FrameworkStep.high_level


@rule(
    "D312",
    "flow-over-latency-target",
    "error",
    STEP,
    fix="cut the slow path: cache it, precompute it, or query fewer shards at once; "
    "`sketch estimate FILE` shows the derivation",
)
def flow_over_latency_target(ctx: Context) -> Iterator[Hit]:
    """The path a latency target's percentile governs takes longer than the target.

    What it checks:
        Each flow named by a `LatencyTarget(flows=...)`: the steps a user waits for add up
        (a parallel group costs its expected slowest member, `m x H_N` for N equal calls),
        cache hit and miss paths are timed apart, and the path that the target's percentile
        governs (at p99, any path taken by more than 1% of requests) is compared with the
        target. Steps without `latency_ms` count 0 ms.
    Why it matters:
        The guide's "Use Numbers": "A scatter-gather query across 16 shards, each taking
        50ms, with network overhead of 10ms, gives us ~250ms latency. That exceeds our 200ms
        p99 target, so we need to optimize." With a 95% hit ratio the p99 request is a miss:
        the miss path, not the average, has to fit.
    Bad:
        Step(from_="app", to="db", action="query every shard", latency_ms=60, parallel=16)
        # 60 ms x H16 (3.38) = 203 ms > 200 ms p99
    Fix:
        Step(from_="app", to="db", action="read the user's timeline shard", latency_ms=60)
    Known false positives:
        Step latencies are means with an exponential tail: a call with a tight, known p99
        (an in-memory lookup) is over-penalised inside a large parallel group; give the
        group's members their measured latency. Optional steps (conditions other than hit
        or miss) are counted as taken.
    """
    for latency in ctx.judged_latencies:
        if not latency.over_target or latency.target is None:
            continue
        target = latency.target
        governed = latency.governed
        which = ""
        if governed is not None and len(latency.paths) > 1:
            share = f", {governed.share * 100:.3g}% of requests" if governed.share else ""
            which = f", {governed.name} path{share}"
        legs = governed.slowest_request if governed is not None else []
        said = "; ".join(f"{leg.label}: {leg.how}" for leg in legs if leg.ms > 0)
        yield Hit(
            f"flows[{latency.index}]",
            f"flow '{latency.flow}'{which}: {said} gives us ~{latency.judged_ms:.0f} ms "
            f"latency. That exceeds our {target.ms:g} ms {target.percentile or 'average'} target",
        )


@rule(
    "D313",
    "flow-under-availability-target",
    "warning",
    STEP,
    fix="add instances or replicas to the weakest component, or use a managed service",
)
def flow_under_availability_target(ctx: Context) -> Iterator[Hit]:
    """A request flow's components, composed, are up less often than the availability target.

    What it checks:
        For each flow a client starts: every component on its request path, each at its
        uptime (declared `availability=`, a managed service's published SLA, or 99.5% per
        instance), redundant copies as `1 - (1 - a)^n`, multiplied along the path; below
        `Requirements.availability` (a number or words such as "high") is a finding. An
        external service called while the user waits (a payment provider's charge) is on
        the path, at its provider's SLA or a labelled rule of thumb (99.9%); the external
        that starts a flow (a webhook) is its caller, and `asynchronous=True` steps are not
        waited for. When the weakest part is a provider's service, the help says what helps
        there: its real SLA, a second provider or region, or taking the call off the path.
    Why it matters:
        "What availability requirements? 99.9% vs 99.99% vs 99.999%": the target is only met
        when every part of the path meets it together; one instance at 99.5% caps a
        99.99% flow at 99.5% (about 44 hours down a year).
    Bad:
        Requirements(availability=99.99) with `Component(name="db", kind="database")`
    Fix:
        Component(name="db", kind="database", replicas=2)  # 1 - 0.005^3 ≈ 99.99999%
    Known false positives:
        Independence is assumed; the figure can only be as good as the declared uptimes. A
        managed service with a lower SLA than the target (S3 at 99.9%) fails a 99.99% flow,
        as the SLA says it may: suppress with a reason (multi-region, a fallback) if the
        design covers it. A third party without a listed SLA is taken at a rule of thumb:
        declare its figure with `availability=`.
    """
    for flow in ctx.availabilities:
        if not flow.under_target or flow.target is None:
            continue
        weakest = flow.weakest
        why = f" (weakest: {weakest.component}, {weakest.how()})" if weakest else ""
        yield Hit(
            f"flows[{flow.index}]",
            f"flow '{flow.flow}' availability {flow.sum_text()} < {flow.target:g}% target{why}",
            help=_PROVIDER_HELP if weakest is not None and weakest.managed else None,
        )


#: A provider's service has no instances to add: what helps is its real figure, a second
#: one, or not waiting for it.
_PROVIDER_HELP = (
    "the weakest part is a provider's service: declare its real SLA (`availability=`), add "
    "a second provider or region to fail over to, or take the call "
    "off the request path (asynchronous, answering with a pending state)"
)
