"""How often each flow works: its components' uptimes composed along the request path.

Composition (pure functions, tested by hand-worked examples):

- **Redundant copies**: a component with n copies (instances, plus standby and read replicas)
  is up while one is: ``1 - (1 - a)^n``, where a is one copy's uptime
  (sketch.estimating.uptime). For a database with a primary the replicas take over by
  failover: while it runs, writes wait (the failover time is not in the percentage). A
  leaderless store (Cassandra, ScyllaDB) has no primary: any copy of a key takes its reads
  and writes, so nothing fails over; one copy up is consistency level ONE, and a QUORUM
  request needs a majority of the key's copies (not modelled: the figure is an upper bound).
  Other stores whose every node takes writes (CockroachDB, Bigtable, or a design's
  `NodeCapacity(distributed_writes=True)`) serve a failed node's ranges from their other
  copies.
- **Managed services** (S3, CloudFront, DynamoDB ...) are taken at their published SLA as a
  whole: the provider's redundancy is already in that figure, so instances do not multiply it.
- **Scatter-gather**: a step with `parallel=N` needs all N shards, so that component counts
  ``A^N``.
- **Serial**: a request needs every component on its path (callers aside, hit and miss branches
  both counted, an upper bound on what it needs), so the flow's availability is the product.
  An external service called synchronously (a payment provider's charge) is on the path like
  any other; the external that starts a flow (a webhook) is its caller, and a step marked
  `asynchronous=True` is not waited for.

Independence is assumed, as in the textbook formulas: failures that hit every copy at once (a
region outage, a bad deploy) are not in the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sketch.estimating.catalogue import Catalogue
from sketch.estimating.nodes import copies_per_key, primaries, shard_count
from sketch.estimating.request_path import is_caller, request_path, serves_requests
from sketch.estimating.spoken import MINUS, X
from sketch.estimating.uptime import Uptime, managed, uptime_of
from sketch.model import Component, Design, Kind


def redundant(percent: float, copies: int) -> float:
    """Uptime of `copies` independent copies of which one suffices: 1 - (1 - a)^n."""
    return 100 * (1 - (1 - percent / 100) ** copies)


def serial(percents: list[float]) -> float:
    """Uptime of parts that are all needed: the product."""
    product = 1.0
    for percent in percents:
        product *= percent / 100
    return 100 * product


def copies_of(design: Design, component: Component) -> int:
    """The copies that can answer one request (`sketch.estimating.nodes.copies_per_key`),
    counting the read replicas declared as their own components."""
    from sketch.estimating.catalogue import Catalogue

    read_replicas = sum(c.instances for c in design.components if c.replica_of == component.name)
    distributed = Catalogue().figures(component).distributed_writes
    return copies_per_key(component, read_replicas, distributed)


@dataclass(frozen=True)
class Part:
    """One component of a flow: its uptime per copy, how many copies, and what they give."""

    component: str
    uptime: Uptime
    copies: int  # 1 for a managed service
    needed: int  # shards a scatter-gather needs at once (1 otherwise)
    managed: bool
    failover: bool  # a database with one primary a shard, whose replicas take over
    leaderless: bool = False  # Cassandra-like: every copy takes writes, no failover
    spread: bool = False  # every node takes writes for its own ranges (CockroachDB, a ring)

    @property
    def percent(self) -> float:
        one = self.uptime.percent if self.managed else redundant(self.uptime.percent, self.copies)
        return 100 * (one / 100) ** self.needed

    def text(self) -> str:
        return _pct(self.percent, rounded=self.uptime.percent < 100)

    @property
    def single(self) -> bool:
        return not self.managed and self.copies == 1

    def how(self) -> str:
        a = _pct(self.uptime.percent)
        if self.managed:
            said = (
                "managed service at its SLA,"
                if self.uptime.published
                else (
                    "managed service, taken at"  # a rule of thumb, no provider's promise
                )
            )
            text = f"{said} {a} ({self.uptime.source})"
        elif self.copies == 1:
            text = f"one instance, {a} ({self.uptime.source}): a single point of failure"
        else:
            text = (
                f"{self.copies} copies: 1 {MINUS} (1 {MINUS} {a})^{self.copies} = "
                f"{_pct(redundant(self.uptime.percent, self.copies), rounded=True)}"
            )
            if self.failover:
                text += "; failover to a replica when the primary fails (writes wait for it)"
            elif self.leaderless:
                text += (
                    "; leaderless: any copy of a key takes its reads and writes, nothing fails "
                    "over (counted up while one copy is, consistency ONE; a QUORUM request "
                    "needs a majority of the key's copies)"
                )
            elif self.spread:
                text += (
                    "; every node takes writes for its own ranges: a failed node's ranges are "
                    "served by their other copies"
                )
        if self.needed > 1:
            text += f"; scatter-gather needs all {self.needed}: ^{self.needed} = {self.text()}"
        return text


@dataclass(frozen=True)
class FlowAvailability:
    index: int
    flow: str
    parts: tuple[Part, ...]
    target: float | None  # the design's availability target, percent
    serves_requests: bool

    @property
    def percent(self) -> float:
        return serial([p.percent for p in self.parts])

    @property
    def under_target(self) -> bool:
        """Below the target at the precision it is written in: 99.99% is met by 99.9899%,
        as a target of two decimals promises no third (and ELB's own SLA is 99.99%)."""
        if self.target is None or not self.serves_requests:
            return False
        decimals = len(f"{self.target:g}".partition(".")[2])
        return round(self.percent, decimals) < self.target

    @property
    def weakest(self) -> Part | None:
        return min(self.parts, key=lambda p: p.percent, default=None)

    def sum_text(self) -> str:
        if len(self.parts) < 2:
            return self.parts[0].text() if self.parts else "100%"
        rounded = any(p.uptime.percent < 100 for p in self.parts)
        total = _pct(self.percent, rounded=rounded)
        return f" {X} ".join(p.text() for p in self.parts) + f" = {total}"

    def lines(self) -> list[str]:
        found = [f"{self.flow}: {self.sum_text()}"]
        found += [f"  {p.component}: {p.how()}" for p in self.parts]
        if not self.serves_requests:
            found.append("  background work (no client calls it): not judged against the target")
        elif self.target is not None:
            relation = "below" if self.under_target else "meets"
            found.append(f"  target {_pct(self.target)}: {_pct(self.percent)} {relation} it")
        return found


def _pct(percent: float, *, rounded: bool = False) -> str:
    """99.5%, 99.99%, 99.9975%: two digits past the nines, so the nines can be told apart.
    `rounded`: the figure is below 100% but too close to it for a float (20 copies)."""
    if percent >= 100:
        return "≈100%" if rounded else "100%"
    downtime = 100 - percent
    digits = min(10, max(1, 2 - math.floor(math.log10(downtime))))
    text = f"{percent:.{digits}f}".rstrip("0").rstrip(".")
    return "≈100%" if float(text) >= 100 else f"{text}%"


def flow_availability(design: Design, index: int) -> FlowAvailability:
    flow = design.flows[index]
    waited, _ = request_path(design, flow)
    needed: dict[str, int] = {}
    for name in [flow.steps[0].from_] + [t.step.to for t in waited]:
        needed.setdefault(name, 1)
    for timed in waited:
        if isinstance(timed.step.parallel, int):
            needed[timed.step.to] = max(needed[timed.step.to], timed.step.parallel)
    parts = []
    for name, shards in needed.items():
        component = design.component(name)
        if component is None or is_caller(design, flow, name):
            continue
        is_managed = managed(component)
        copies = 1 if is_managed else copies_of(design, component)
        figures = Catalogue().figures(component)
        spread = figures.distributed_writes  # the design's `capacity=` may say so
        leaderless = spread and figures.leaderless
        # one primary a shard whose key has more copies than primaries: a replica takes over
        failover = (
            component.kind is Kind.database
            and not spread
            and copies > primaries(component) // shard_count(component)
        )
        parts.append(
            Part(
                name,
                uptime_of(component),
                copies,
                shards,
                is_managed,
                failover and copies > 1,
                leaderless and copies > 1,
                spread and not leaderless and copies > 1,
            )
        )
    return FlowAvailability(
        index,
        flow.name,
        tuple(parts),
        design.requirements.availability,
        serves_requests(design, flow),
    )


def flow_availabilities(design: Design) -> list[FlowAvailability]:
    return [flow_availability(design, i) for i in range(len(design.flows))]
