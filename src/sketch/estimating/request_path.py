"""Which steps of a flow a user waits for, and which branch (cache hit or miss) each is on.

Rules, shared by latency, availability and the single-point-of-failure rule:

- A flow serves requests when it starts at a client or an external caller, or calls an API.
  Other flows (a worker draining a queue, a nightly job) are background work: off the
  request path.
- The callers are the flow's first component (when it is a client or an external, such as a
  provider sending a webhook) and any client. An external the flow calls (a payment
  provider's charge, an SMS API) is a part it needs like any other, not a caller.
- A step is on the request path when its caller is: the flow's first caller is, and each
  synchronous step puts its target on the path. An `asynchronous=True` step, and any step out
  of a queue or stream (its consumer runs after the response), is not.
- A flow may walk several requests in turn: a step from the client after the first starts the
  next one (the user has had a response and calls again). Each request is timed on its own.
- A step's `condition` names its branch: one mentioning "miss" is on the miss branch, "hit"
  on the hit branch; any other condition is an optional step, counted on every branch (an
  upper bound) and weighted by its `share` in the expected figures when one is given.
- The step that gives `hit_ratio` is the cache lookup itself: every request makes it, a miss
  as much as a hit, so it is on every branch whatever its condition says (designs write it
  `condition="cache hit"`, and the load model charges it for every request).
"""

from __future__ import annotations

from dataclasses import dataclass

from sketch.model import Design, Flow, Kind, Step

#: Kinds whose outgoing steps run after the response: the consumer of a queue or stream.
DECOUPLING_KINDS = frozenset({Kind.queue, Kind.stream})
#: Kinds a request starts from.
CALLER_KINDS = frozenset({Kind.client, Kind.external})

HIT, MISS = "cache hit", "cache miss"


@dataclass(frozen=True)
class TimedStep:
    """A step of the request path, with its index in the flow and its branch."""

    index: int
    step: Step
    branch: str | None  # HIT, MISS, or None (on every branch)
    request: int = 0  # which of the flow's requests, in turn, it belongs to


def branch_of(step: Step) -> str | None:
    condition = (step.condition or "").lower()
    if "miss" in condition:
        return MISS
    if "hit" in condition:
        return HIT
    return None


def is_caller(design: Design, flow: Flow, name: str) -> bool:
    """Whether `name` calls in this flow rather than serves: a client, or the external that
    starts it. An external called later (a payment provider) serves, and counts."""
    component = design.component(name)
    if component is None:
        return False
    if component.kind is Kind.client:
        return True
    return component.kind in CALLER_KINDS and name == flow.steps[0].from_


def serves_requests(design: Design, flow: Flow) -> bool:
    first = design.component(flow.steps[0].from_)
    starts_at_caller = first is not None and first.kind in CALLER_KINDS
    return starts_at_caller or any(step.api for step in flow.steps)


def request_path(design: Design, flow: Flow) -> tuple[list[TimedStep], list[int]]:
    """(the steps a user waits for, the indexes of the steps left out)."""
    reached = {flow.steps[0].from_}
    waited: list[TimedStep] = []
    left_out: list[int] = []
    request = 0
    for index, step in enumerate(flow.steps):
        source = design.component(step.from_)
        decoupled = source is not None and source.kind in DECOUPLING_KINDS
        if step.asynchronous or decoupled or step.from_ not in reached:
            left_out.append(index)
            continue
        if index > 0 and is_caller(design, flow, step.from_) and waited:
            request += 1
        reached.add(step.to)
        branch = None if step.hit_ratio is not None else branch_of(step)  # the probe
        waited.append(TimedStep(index, step, branch, request))
    return waited, left_out


def hit_ratio(flow: Flow) -> float | None:
    """The flow's cache hit ratio: the first `Step(hit_ratio=...)`, else one implied by an
    explicit `share` on a hit or miss step."""
    for step in flow.steps:
        if step.hit_ratio is not None:
            return step.hit_ratio
    for step in flow.steps:
        if step.share is not None and branch_of(step) == MISS:
            return 1 - step.share
        if step.share is not None and branch_of(step) == HIT:
            return step.share
    return None


def on_request_path(design: Design) -> dict[str, list[int]]:
    """Component name -> indexes of the request flows whose path it is on (callers aside)."""
    found: dict[str, list[int]] = {}
    for i, flow in enumerate(design.flows):
        if not serves_requests(design, flow):
            continue
        waited, _ = request_path(design, flow)
        names = [flow.steps[0].from_] + [t.step.to for t in waited]
        for name in dict.fromkeys(names):
            if design.component(name) is not None and not is_caller(design, flow, name):
                found.setdefault(name, []).append(i)
    return found
