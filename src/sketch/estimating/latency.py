"""How long a user waits for each flow, path by path, with the derivation said in words.

Composition (each rule is a pure function below, tested by hand-worked examples):

- **Serial**: the steps of a path add up. A step without `latency_ms` counts 0 ms and is named.
- **Parallel** (scatter-gather): a group costs the expected *slowest* of its members. Each
  member's latency is taken as exponentially distributed with its `latency_ms` as the mean,
  the tail model behind "The Tail at Scale" (Dean and Barroso, CACM 56(2), 2013): waiting on
  many calls makes a slow one likely. For N equal calls of mean m the expected slowest is
  ``m x H_N`` with ``H_N = 1 + 1/2 + ... + 1/N`` (16 shards: x3.38); for unequal calls, by
  inclusion-exclusion, ``Σ over non-empty subsets S of (-1)^(|S|+1) / Σ_{i in S} 1/m_i``.
  The derivation also says what share of requests waits on at least one member's slowest
  1%: ``1 - 0.99^N`` (16: 15%). A step with both `fanout=F` and `parallel=N` makes F calls
  N at a time: ``ceil(F / N)`` rounds, each the slowest of N (of F when F < N); `fanout=True`
  takes F from the flow's workload.
- **Cache hit and miss**: the hit path and the miss path are timed separately; the expected
  latency weights them by the hit ratio (`Step(hit_ratio=...)`), the worst path is the slower.
  The step that gives the hit ratio is the lookup itself, on both paths: a miss waits for the
  cache's answer before it goes to the database.
- **Against a target**: a target at percentile p holds for the path that the p-th slowest
  request takes: paths are ranked slowest first and the first whose cumulative share of
  requests reaches 1 - p governs (at p99, a miss path taken by 5% of requests governs; at p50
  the hit path does). Without a hit ratio, the slowest path governs; without a percentile,
  the expected latency (or the slowest path) is compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

from sketch.estimating.request_path import (
    HIT,
    MISS,
    TimedStep,
    hit_ratio,
    request_path,
    serves_requests,
)
from sketch.estimating.spoken import X
from sketch.model import Design, Flow, LatencyTarget, Step

#: Above this many members of unequal latency, inclusion-exclusion (2^N terms) gives way to
#: the slowest member x H_N, an upper bound.
_EXACT_MEMBERS = 12


def harmonic(n: int) -> float:
    """H_n = 1 + 1/2 + ... + 1/n: the expected slowest of n equal exponential calls / mean."""
    return sum(1 / k for k in range(1, n + 1))


def slowest_of(means: list[float]) -> float:
    """The expected slowest of parallel calls with these mean latencies (exponential)."""
    timed = [m for m in means if m > 0]
    if not timed:
        return 0.0
    if len(set(timed)) == 1:
        return timed[0] * harmonic(len(timed))
    if len(timed) > _EXACT_MEMBERS:
        return max(timed) * harmonic(len(timed))
    total = 0.0
    for size in range(1, len(timed) + 1):
        for subset in combinations(timed, size):
            total += (-1) ** (size + 1) / sum(1 / m for m in subset)
    return total


def tail_share(members: int, percentile: float = 0.99) -> float:
    """Share of requests waiting on at least one member's slowest (1 - percentile)."""
    return 1 - percentile**members


@dataclass(frozen=True)
class Leg:
    """One timed element of a path: a step, or a parallel group of steps."""

    steps: tuple[int, ...]  # indexes in the flow
    label: str
    ms: float
    request: int  # which of the flow's requests it belongs to
    how: str  # e.g. "150 ms" or "slowest of 16 calls of 60 ms ≈ 60 ms x 3.38 ≈ 203 ms"


@dataclass(frozen=True)
class Path:
    """The steps one kind of request waits for: every request, the cache hit or the miss."""

    name: str
    share: float | None  # of the flow's requests; None when no hit ratio is given
    legs: tuple[Leg, ...]
    untimed: tuple[int, ...]  # steps without latency_ms, counted as 0

    def requests(self) -> list[list[Leg]]:
        """The legs of each request of the flow, in turn."""
        found: dict[int, list[Leg]] = {}
        for leg in self.legs:
            found.setdefault(leg.request, []).append(leg)
        return list(found.values()) or [[]]

    @property
    def slowest_request(self) -> list[Leg]:
        return max(self.requests(), key=lambda legs: sum(leg.ms for leg in legs))

    @property
    def ms(self) -> float:
        """What a user waits for: the slowest of the flow's requests (one, usually)."""
        return sum(leg.ms for leg in self.slowest_request)

    def sum_text(self) -> str:
        requests = self.requests()
        if len(requests) == 1:
            return _sum(requests[0])
        said = "; ".join(f"request {n}: {_sum(legs)}" for n, legs in enumerate(requests, 1))
        return f"{said}; the slowest takes {_ms(self.ms)}"


@dataclass(frozen=True)
class FlowLatency:
    index: int
    flow: str
    paths: tuple[Path, ...]
    hit_ratio: float | None
    left_out: tuple[int, ...]  # asynchronous or after-the-response steps
    target: LatencyTarget | None
    background: bool = False  # no client calls it: a pipeline, a scheduled job
    #: steps left out that give latency_ms anyway: said, so a user knows they are not timed
    off_path_latency: tuple[int, ...] = ()

    @property
    def worst(self) -> Path:
        return max(self.paths, key=lambda p: p.ms)

    @property
    def timed(self) -> bool:
        return any(leg.ms > 0 for path in self.paths for leg in path.legs)

    @property
    def expected_ms(self) -> float | None:
        if len(self.paths) == 1:
            return self.paths[0].ms
        if any(p.share is None for p in self.paths):
            return None
        return sum((p.share or 0) * p.ms for p in self.paths)

    @property
    def governed(self) -> Path | None:
        """The path the target's percentile holds for (None without a target)."""
        if self.target is None:
            return None
        fraction = self.target.fraction
        ranked = sorted(self.paths, key=lambda p: -p.ms)
        if fraction is None or any(p.share is None for p in ranked):
            return ranked[0]
        slower = 0.0
        for path in ranked:
            slower += path.share or 0
            if slower >= 1 - fraction - 1e-12:
                return path
        return ranked[-1]

    @property
    def judged_ms(self) -> float | None:
        """What is compared with the target: the governed path, or the expected latency for
        a target without percentile. None when no step on the request path is timed: a
        target is not met by 0 ms."""
        if self.target is None or not self.timed:
            return None
        if self.target.fraction is None and self.expected_ms is not None:
            return self.expected_ms
        governed = self.governed
        return governed.ms if governed else None

    @property
    def over_target(self) -> bool:
        judged = self.judged_ms
        return self.target is not None and judged is not None and judged > self.target.ms

    def lines(self) -> list[str]:
        """The derivation, path by path, as a person would say it."""
        if not self.timed:
            return self._untimed_lines()
        found: list[str] = []
        for path in self.paths:
            share = f" ({_percent(path.share)} of requests)" if path.share is not None else ""
            found.append(f"{path.name}{share}: {path.sum_text()}")
            found += [f"  {leg.label}: {leg.how}" for leg in path.legs if leg.ms > 0]
            if path.untimed:
                found.append(f"  no latency_ms on step(s) {_steps(path.untimed)}: counted 0 ms")
        expected = self.expected_ms
        if len(self.paths) > 1:
            if expected is not None and self.hit_ratio is not None:
                hit = next(p for p in self.paths if p.name == HIT)
                miss = next(p for p in self.paths if p.name == MISS)
                found.append(
                    f"expected: {_percent(self.hit_ratio)} {X} {_ms(hit.ms)} + "
                    f"{_percent(1 - self.hit_ratio)} {X} {_ms(miss.ms)} ≈ {_ms(expected)}"
                )
            else:
                found.append("expected: needs the cache's hit ratio, `Step(hit_ratio=0.95)`")
            found.append(f"worst path: {self.worst.name}, {_ms(self.worst.ms)}")
        if self.left_out:
            found.append(
                f"not waited for: step(s) {_steps(self.left_out)} (asynchronous or after a queue)"
            )
        if self.target is not None:
            found.append(self.verdict())
        return found

    def _untimed_lines(self) -> list[str]:
        """Why nothing is timed: a background flow has no request path (section 2.5 of the
        guide: work after the response), or its request path gives no latency_ms."""
        found = [
            "background work (no client waits for it): off the request path, not timed"
            if self.background
            else "no step on its request path gives latency_ms: `Step(..., latency_ms=10)`"
        ]
        if self.off_path_latency:
            found.append(f"latency_ms on step(s) {_steps(self.off_path_latency)}: not timed")
        if self.target is not None:
            found.append(self.verdict())
        return found

    def verdict(self) -> str:
        target = self.target
        assert target is not None
        percentile = target.percentile or "average"
        if not self.timed:
            return (
                f"{percentile} target {_ms(target.ms)}: cannot be judged, no step on a "
                "request path is timed"
            )
        judged = self.judged_ms or 0.0
        governed = self.governed
        which = (
            "expected latency"
            if target.fraction is None and self.expected_ms is not None
            else f"the {governed.name} path" + _share_note(governed)
            if governed is not None and len(self.paths) > 1
            else "the path"
        )
        relation = "exceeds" if judged > target.ms else "is within"
        return (
            f"{percentile} target {_ms(target.ms)}: {which} takes {_ms(judged)}, "
            f"which {relation} the target"
        )


def _sum(legs: list[Leg]) -> str:
    timed = [leg for leg in legs if leg.ms > 0]
    parts = " + ".join(_ms(leg.ms) for leg in timed) or "0 ms"
    return parts if len(timed) < 2 else f"{parts} = {_ms(sum(leg.ms for leg in timed))}"


def _share_note(path: Path) -> str:
    return f" ({_percent(path.share)} of requests)" if path.share is not None else ""


def _ms(value: float) -> str:
    return f"{value:.0f} ms" if value >= 10 or value == int(value) else f"{value:.1f} ms"


def _percent(share: float | None) -> str:
    return f"{(share or 0) * 100:.3g}%"


def _steps(indexes: tuple[int, ...] | list[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


def _label(flow_index: int, timed: TimedStep) -> str:
    step = timed.step
    return f"{flow_index + 1}.{timed.index + 1} {step.from_} → {step.to} ({step.action})"


def _legs(
    flow_index: int, steps: list[TimedStep], workload_fanout: float | None = None
) -> tuple[list[Leg], list[int]]:
    """Serial legs in order; steps of a named parallel group become one leg at the first."""
    legs: list[Leg] = []
    untimed = [t.index for t in steps if t.step.latency_ms is None]
    done: set[str] = set()
    for timed in steps:
        step, group = timed.step, timed.step.parallel
        if isinstance(group, str):
            if group in done:
                continue
            done.add(group)
            members = [t for t in steps if t.step.parallel == group]
            legs.append(_group_leg(flow_index, group, members))
            continue
        elif isinstance(group, int):
            ms, how = _scatter_gather(step, group, _fanout_calls(step, workload_fanout))
            legs.append(Leg((timed.index,), _label(flow_index, timed), ms, timed.request, how))
        else:
            ms = step.latency_ms or 0.0
            legs.append(Leg((timed.index,), _label(flow_index, timed), ms, timed.request, _ms(ms)))
    return legs, untimed


def _fanout_calls(step: Step, workload_fanout: float | None) -> float | None:
    """The calls a step's `fanout` makes per request, when it says."""
    if step.fanout is True:
        return workload_fanout
    if step.fanout is False or step.fanout is None:
        return None
    return float(step.fanout)


def _scatter_gather(step: Step, at_once: int, calls: float | None) -> tuple[float, str]:
    """`parallel=N` calls at once; with a fanout of F calls, F calls N at a time."""
    mean = step.latency_ms or 0.0
    if calls is None or round(calls) == at_once:
        ms = slowest_of([mean] * at_once)
        return ms, (
            f"scatter-gather across {at_once} calls, each taking {_ms(mean)}: the slowest "
            f"of {at_once} ≈ {_ms(mean)} {X} H{at_once} ({harmonic(at_once):.2f}) ≈ {_ms(ms)} "
            f"({_percent(tail_share(at_once))} of requests wait on a call in its slowest 1%)"
        )
    total = max(1, math.ceil(calls))
    wave = min(at_once, total)
    rounds = math.ceil(total / at_once)
    each = slowest_of([mean] * wave)
    ms = rounds * each
    return ms, (
        f"{total:,} calls, {at_once} at a time: {rounds:,} round{'' if rounds == 1 else 's'}, "
        f"each the slowest of {wave} ≈ {_ms(mean)} {X} H{wave} ({harmonic(wave):.2f}) ≈ "
        f"{_ms(each)}; {_ms(ms)} in all"
    )


def _workload_fanout(design: Design, flow: Flow) -> float | None:
    scale = design.requirements.scale
    if scale is None or flow.workload is None:
        return None
    found = next((w for w in scale.workloads if w.name == flow.workload), None)
    return found.fanout if found is not None else None


def _group_leg(flow_index: int, group: str, members: list[TimedStep]) -> Leg:
    means = [t.step.latency_ms or 0.0 for t in members]
    ms = slowest_of(means)
    each = ", ".join(_ms(m) for m in means)
    how = (
        f"{len(members)} calls at once ({each}): the expected slowest ≈ {_ms(ms)} "
        f"({_percent(tail_share(len(members)))} of requests wait on a call in its slowest 1%)"
    )
    label = f"{flow_index + 1}.{members[0].index + 1} parallel group '{group}'"
    return Leg(tuple(t.index for t in members), label, ms, members[0].request, how)


def flow_latency(design: Design, index: int, target: LatencyTarget | None = None) -> FlowLatency:
    flow = design.flows[index]
    waited, left_out = request_path(design, flow)
    fanout = _workload_fanout(design, flow)
    branches = [b for b in (HIT, MISS) if any(t.branch == b for t in waited)]
    ratio = hit_ratio(flow)
    paths: list[Path] = []
    if not branches:
        legs, untimed = _legs(index, waited, fanout)
        paths.append(Path("every request", 1.0, tuple(legs), tuple(untimed)))
    else:  # both branches; a lone miss (or hit) branch: the other is every other request
        for branch in (HIT, MISS):
            steps = [t for t in waited if t.branch in (None, branch)]
            legs, untimed = _legs(index, steps, fanout)
            share = None if ratio is None else (ratio if branch == HIT else 1 - ratio)
            paths.append(Path(branch, share, tuple(legs), tuple(untimed)))
    off_path = tuple(i for i in left_out if flow.steps[i].latency_ms)
    return FlowLatency(
        index,
        flow.name,
        tuple(paths),
        ratio,
        tuple(left_out),
        target,
        background=not serves_requests(design, flow),
        off_path_latency=off_path,
    )


def target_for(design: Design, flow: Flow) -> LatencyTarget | None:
    """The tightest latency target that names this flow."""
    targets = [t for t in design.requirements.latency if flow.name in t.flows]
    return min(targets, key=lambda t: t.ms, default=None)


def flow_latencies(design: Design) -> list[FlowLatency]:
    """Every flow's latency, in the design's order."""
    return [
        flow_latency(design, i, target_for(design, flow)) for i, flow in enumerate(design.flows)
    ]


def judged_latencies(design: Design) -> list[FlowLatency]:
    """One per (target, flow it names): every target is judged on each of its flows."""
    index = {flow.name: i for i, flow in enumerate(design.flows)}
    return [
        flow_latency(design, index[name], target)
        for target in design.requirements.latency
        for name in target.flows
        if name in index
    ]


def slowest_steps(latencies: list[FlowLatency], count: int = 5) -> list[tuple[str, Leg]]:
    """The slowest legs over all flows ("What's the slowest operation?"), slowest first."""
    seen: dict[tuple[str, tuple[int, ...]], Leg] = {}
    for latency in latencies:
        for path in latency.paths:
            for leg in path.legs:
                if leg.ms > 0:
                    seen[(latency.flow, leg.steps)] = leg
    ranked = sorted(seen.items(), key=lambda item: -item[1].ms)
    return [(flow, leg) for (flow, _), leg in ranked[:count]]
