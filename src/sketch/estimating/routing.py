"""Carry each flow's workload along its steps: what every step delivers to its target.

The rules, in the order a step applies them:
- a step's share of the flow's requests is its `share`, else what its condition implies
  after the latest `hit_ratio` (`miss`: 1 - h, `hit`: h; with no hit ratio, every request is
  assumed to miss, and the derivation says so), else 1;
- `fanout` multiplies (a number, or True for the workload's deliveries per write), and so
  does `parallel=N` (a scatter-gather makes N calls per request);
- work a component does itself (`from` = `to`) and replies (a call back to an earlier caller,
  or an action that starts with return/respond/reply) carry no new requests;
- a consumer pulling from a queue or stream is charged, not the queue ("counted at the
  consumer"), and past a queue the consumer sees the average: the queue absorbs the peak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sketch.estimating.spoken import X, count_in_steps, factor, percent
from sketch.estimating.workloads import WorkloadRate
from sketch.model import Component, Design, Flow, Kind, Step

_WRITE_WORDS = re.compile(
    r"\b(insert|update|upsert|delete|put|post|patch|set|hset|sadd|zadd|lpush|rpush|incr\w*|"
    r"decr\w*|write|store|save|persist|append|publish|enqueue|produce|push|invalidate|evict|"
    r"upload|create|add|remove|record|log|index|increment|mark|reserve|lock)\b"
)
_READ_WORDS = re.compile(
    r"\b(select|get|mget|hget|zrange|lrange|read|fetch|query|lookup|look up|load|scan|search|"
    r"list|find|check|download|stream|serve|resolve|match|count)\b"
)
_CONSUME_WORDS = re.compile(r"\b(consume|poll|pull|dequeue|subscribe|receive)\b")
_REPLY_WORDS = re.compile(r"^(return|respond|reply|send back|ack)\b")
QUEUE_KINDS = frozenset({Kind.queue, Kind.stream})


@dataclass(frozen=True)
class Contribution:
    """What one step of one flow delivers to one component, per second on average."""

    component: str
    flow: str
    flow_index: int
    step_index: int
    workload: str
    operation: str
    average: float
    #: Peak / average for this contribution; None when the design gives no peak. 1 past a queue.
    peak_factor: float | None
    why: str


@dataclass(frozen=True)
class RoutingProblem:
    path: str
    message: str
    help: str


def operation_of(step: Step, default: str) -> str:
    """`read` or `write`: declared, else the first verb of the call, else the workload's."""
    if step.operation is not None:
        return step.operation
    text = (step.api or "") + " " + step.action
    method = text.strip().split(" ", 1)[0].upper()
    if method in ("GET", "HEAD"):
        return "read"
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        return "write"
    lowered = step.action.lower()
    write, read = _WRITE_WORDS.search(lowered), _READ_WORDS.search(lowered)
    if write and (not read or write.start() < read.start()):
        return "write"
    if read:
        return "read"
    return default


def _is_reply(flow: Flow, index: int) -> bool:
    step = flow.steps[index]
    if _REPLY_WORDS.match(step.action.lower().strip()):
        return True
    if step.api is not None or step.operation is not None:
        return False
    return any(s.from_ == step.to and s.to == step.from_ for s in flow.steps[:index])


def route(
    design: Design, flow_index: int, workload: WorkloadRate
) -> tuple[list[Contribution], list[RoutingProblem]]:
    """The contributions of one flow carrying `workload` (average requests/s)."""
    flow = design.flows[flow_index]
    components: dict[str, Component] = {c.name: c for c in design.components}
    contributions: list[Contribution] = []
    problems: list[RoutingProblem] = []
    hit_ratio: float | None = None
    past_queue = False
    rate = workload.average
    for j, step in enumerate(flow.steps):
        path = f"flows[{flow_index}].steps[{j}]"
        if step.hit_ratio is not None:
            hit_ratio = step.hit_ratio
        share, share_why = _share(step, hit_ratio)
        multiplier, fanout_why = 1.0, ""
        if step.fanout is True:
            if workload.fanout is None:
                problems.append(
                    RoutingProblem(
                        f"{path}.fanout",
                        f"`fanout=True` but workload '{workload.name}' gives no fanout "
                        "(deliveries per write) to multiply by",
                        "give the workload's `fanout=` (e.g. the average follower count), "
                        "or a number here: `Step(fanout=200)`",
                    )
                )
            else:
                multiplier = workload.fanout
                fanout_why = f" {X} {factor(multiplier)} (fanout)"
        elif step.fanout:  # a number (False means none)
            multiplier = float(step.fanout)
            fanout_why = f" {X} {factor(multiplier)} (fanout)"
        if isinstance(step.parallel, int) and not isinstance(step.parallel, bool):
            # Scatter-gather: N calls per request, one to each shard or replica.
            multiplier *= step.parallel
            fanout_why += f" {X} {step.parallel} (parallel calls)"
        source, target = components.get(step.from_), components.get(step.to)
        if source is not None and source.kind in QUEUE_KINDS:
            past_queue = True
        if step.from_ == step.to or target is None or target.kind == Kind.client:
            continue
        if _is_reply(flow, j):
            continue
        charged = target
        if (
            source is not None
            and target.kind in QUEUE_KINDS
            and source.kind in (Kind.worker, Kind.service)
            and _CONSUME_WORDS.search(step.action.lower())
        ):
            charged, past_queue = source, True  # the consumer pulls: counted at the consumer
        operation = operation_of(step, workload.kind)
        value = rate * share * multiplier
        smoothed = past_queue and charged.kind not in QUEUE_KINDS
        peak_factor = 1.0 if smoothed and workload.peak_factor else workload.peak_factor
        said = count_in_steps(value)
        why = (
            f"{flow.name}, step {j + 1} ({step.action}): {count_in_steps(rate)}/s{share_why}"
            f"{fanout_why} = {said} {operation}s/s"
        )
        if smoothed and workload.peak_factor:
            why += " (behind a queue: sized for the average)"
        contributions.append(
            Contribution(
                component=charged.name,
                flow=flow.name,
                flow_index=flow_index,
                step_index=j,
                workload=workload.name,
                operation=operation,
                average=value,
                peak_factor=peak_factor,
                why=why,
            )
        )
    return contributions, problems


def behind_a_queue(design: Design, flow_index: int, step_index: int) -> bool:
    """Whether the step comes past a queue (a consumer pulls, or a queue sends), as `route`
    decides it: the load there is sized for the average, the queue absorbing the peak."""
    kinds = {c.name: c.kind for c in design.components}
    for step in design.flows[flow_index].steps[: step_index + 1]:
        if kinds.get(step.from_) in QUEUE_KINDS:
            return True
        if (
            kinds.get(step.to) in QUEUE_KINDS
            and kinds.get(step.from_) in (Kind.worker, Kind.service)
            and _CONSUME_WORDS.search(step.action.lower())
        ):
            return True
    return False


def _share(step: Step, hit_ratio: float | None) -> tuple[float, str]:
    if step.share is not None:
        return step.share, f" {X} {percent(step.share)} (share)"
    if step.hit_ratio is not None:
        return 1.0, ""  # every request asks the cache; the later steps carry the misses
    condition = (step.condition or "").lower()
    if "miss" in condition:
        if hit_ratio is None:
            return 1.0, " (cache miss: no hit_ratio given, every request assumed to miss)"
        return (
            1 - hit_ratio,
            f" {X} {percent(1 - hit_ratio)} (misses at a {percent(hit_ratio)} hit ratio)",
        )
    if "hit" in condition and hit_ratio is not None:
        return hit_ratio, f" {X} {percent(hit_ratio)} (hits)"
    return 1.0, ""
