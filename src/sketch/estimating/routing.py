"""Carry each flow's workload along its steps: what every step delivers to its target.

The rules, in the order a step applies them:
- a step's share of the flow's requests is its `share`, else what its condition implies
  after the latest `hit_ratio` (`miss`: 1 - h, `hit`: h; with no hit ratio, every request is
  assumed to miss, and the derivation says so), else 1;
- `fanout` multiplies (a number, or True for the workload's deliveries per write); so does
  `parallel=N` on a step without `fanout` (a scatter-gather makes N calls per request). With
  both, they describe the same calls: `fanout` counts them, `parallel` says how many are in
  flight at once, so the step makes `fanout` calls, not `fanout` x N;
- read or write: `operation=`, else the HTTP method, else the first verb of the action read as
  words (`GetItem` is "get item", `put_object` "put object"), else the workload's kind, which
  the derivation says on a step to a store, queue or stream (where read or write decides the
  writes and the bytes stored; a hop through a load balancer is the same request either way);
- work a component does itself (`from` = `to`) and replies (a call back to an earlier caller,
  or an action that starts with return/respond/reply) carry no new requests;
- a consume (a worker or service pulling from a queue or stream, or the queue delivering to
  it) is a read of the queue, and the consumer handles the records it pulls; past a queue
  both see the average: the queue absorbs the peak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sketch.estimating.spoken import X, count_in_steps, factor, percent
from sketch.estimating.words import words_of
from sketch.estimating.workloads import WorkloadRate
from sketch.model import STATEFUL_KINDS, Component, Design, Flow, Kind, Step


def _verbs(*stems: str) -> re.Pattern[str]:
    """A stem and its inflections: put, puts, putting; query, queries, queried."""
    forms: set[str] = set()
    for stem in stems:
        forms |= {stem, f"{stem}s", f"{stem}es", f"{stem}ed", f"{stem}d", f"{stem}ing"}
        if stem.endswith("e"):
            forms.add(f"{stem[:-1]}ing")
        if stem.endswith("y"):
            forms |= {f"{stem[:-1]}ies", f"{stem[:-1]}ied"}
        if stem.endswith("t") and len(stem) == 3:  # put, set, get: putting, setting, getting
            forms.add(f"{stem}{stem[-1]}ing")
    return re.compile(r"\b(" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b")


#: Nouns as often as verbs ("the posts", "a log"): matched as written, never inflected.
_WRITE_NOUNS = re.compile(r"\b(post|log|record|index|mark|lock|incr\w*|decr\w*)\b")
_WRITE_WORDS = _verbs(
    "insert", "update", "upsert", "delete", "del", "put", "patch", "set", "hset", "hmset",
    "mset", "setnx", "setex", "hsetnx", "sadd", "zadd", "madd", "xadd", "lpush", "rpush",
    "hdel", "srem", "zrem", "write", "store", "save", "persist", "append", "publish",
    "enqueue", "produce", "push", "geoadd", "invalidate", "evict", "upload", "create", "add",
    "remove", "increment", "reserve", "expire",
)  # fmt: skip
_READ_WORDS = _verbs(
    "select", "get", "mget", "hget", "hmget", "hgetall", "smembers", "sismember", "exists",
    "mexists", "zrange", "zrevrange", "zscore", "lrange", "xread", "geosearch", "georadius",
    "geopos", "geodist", "read", "fetch", "query", "lookup", "look up", "load", "scan",
    "search", "find", "download", "resolve", "retrieve", "consume", "poll", "pull", "dequeue",
    "receive",
)  # fmt: skip
#: Read verbs that are also nouns or adjectives ("the matching service", "a listing"): as
#: written, or with a plural or third-person s.
_READ_NOUNS = re.compile(r"\b(list|check|stream|serve|match|count)(e?s)?\b")
_CONSUME_WORDS = re.compile(r"\b(consume|poll|pull|dequeue|subscribe|receive)\w*")
_REPLY_WORDS = re.compile(r"^(return|respond|reply|send back|ack)\b")
QUEUE_KINDS = frozenset({Kind.queue, Kind.stream})
#: What pulls from a queue: its consumers.
CONSUMER_KINDS = frozenset({Kind.worker, Kind.service, Kind.scheduler})


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
    return inferred_operation(step, default)[0]


def inferred_operation(step: Step, default: str) -> tuple[str, bool]:
    """The step's operation, and whether it is only the workload's kind (no verb said it)."""
    if step.operation is not None:
        return step.operation, False
    text = (step.api or "") + " " + step.action
    method = text.strip().split(" ", 1)[0].upper()
    if method in ("GET", "HEAD"):
        return "read", False
    if method in ("POST", "PUT", "PATCH", "DELETE"):
        return "write", False
    said = words_of(step.action)
    writes = [m.start() for m in (_WRITE_WORDS.search(said), _WRITE_NOUNS.search(said)) if m]
    reads = [m.start() for m in (_READ_WORDS.search(said), _READ_NOUNS.search(said)) if m]
    if writes and (not reads or min(writes) < min(reads)):
        return "write", False
    if reads:
        return "read", False
    return default, True


def consumed(step: Step, components: dict[str, Component]) -> tuple[Component, Component] | None:
    """(queue, consumer) when the step is a consume: a consumer pulling from a queue or
    stream in words (consume, poll, pull...), or the queue delivering to it."""
    source, target = components.get(step.from_), components.get(step.to)
    if source is None or target is None:
        return None
    if source.kind in QUEUE_KINDS and target.kind in CONSUMER_KINDS:
        return source, target
    if (
        target.kind in QUEUE_KINDS
        and source.kind in CONSUMER_KINDS
        and _CONSUME_WORDS.search(words_of(step.action))
    ):
        return target, source
    return None


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
        if isinstance(step.parallel, int) and step.fanout in (None, False):
            # Scatter-gather: N calls per request, one to each shard or replica. With a
            # fanout, `parallel` says how many of the fanout's calls go at once: no more calls.
            multiplier *= step.parallel
            fanout_why += f" {X} {step.parallel} (parallel calls)"
        source, target = components.get(step.from_), components.get(step.to)
        if source is not None and source.kind in QUEUE_KINDS:
            past_queue = True
        if step.from_ == step.to or target is None or target.kind == Kind.client:
            continue
        if _is_reply(flow, j):
            continue
        value = rate * share * multiplier
        head = (
            f"{flow.name}, step {j + 1} ({step.action}): {count_in_steps(rate)}/s{share_why}"
            f"{fanout_why} = {count_in_steps(value)}"
        )
        consume = consumed(step, components)
        if consume is not None:
            past_queue = True
            contributions += _consume(flow_index, j, workload, consume, value, head, flow.name)
            continue
        operation, guessed = inferred_operation(step, workload.kind)
        smoothed = past_queue and target.kind not in QUEUE_KINDS
        why = f"{head} {operation}s/s"
        if guessed and target.kind in STATEFUL_KINDS:  # where read or write decides the load
            why += (
                f" (no read or write verb in '{step.action}': taken as a {operation}, the "
                "workload's kind; say `operation=` if it is not)"
            )
        if smoothed and workload.peak_factor:
            why += " (behind a queue: sized for the average)"
        contributions.append(
            Contribution(
                component=target.name,
                flow=flow.name,
                flow_index=flow_index,
                step_index=j,
                workload=workload.name,
                operation=operation,
                average=value,
                peak_factor=1.0 if smoothed and workload.peak_factor else workload.peak_factor,
                why=why,
            )
        )
    return contributions, problems


def _consume(
    flow_index: int,
    step_index: int,
    workload: WorkloadRate,
    consume: tuple[Component, Component],
    value: float,
    head: str,
    flow: str,
) -> list[Contribution]:
    """A consume: the queue serves reads to its consumer, and the consumer handles what it
    pulls; both at the average, the queue absorbing the peak."""
    queue, consumer = consume
    peak_factor = 1.0 if workload.peak_factor else None
    later = " (behind a queue: sized for the average)" if workload.peak_factor else ""
    said = [
        (queue, f"{head} reads/s ('{consumer.name}' consumes){later}"),
        (consumer, f"{head} records/s pulled from '{queue.name}' (a read of the queue){later}"),
    ]
    return [
        Contribution(
            component=component.name,
            flow=flow,
            flow_index=flow_index,
            step_index=step_index,
            workload=workload.name,
            operation="read",
            average=value,
            peak_factor=peak_factor,
            why=why,
        )
        for component, why in said
    ]


def behind_a_queue(design: Design, flow_index: int, step_index: int) -> bool:
    """Whether the step comes past a queue (a consumer pulls, or a queue sends), as `route`
    decides it: the load there is sized for the average, the queue absorbing the peak."""
    components = {c.name: c for c in design.components}
    for step in design.flows[flow_index].steps[: step_index + 1]:
        source = components.get(step.from_)
        if source is not None and source.kind in QUEUE_KINDS:
            return True
        if consumed(step, components) is not None:
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
