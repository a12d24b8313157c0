"""What breaks first, and at which multiple of today's traffic: the one question of load.

`breaks_first` is the only place the practice tools ask it. Until the load model of issue 11
(`sketch.estimating.route_load`) lands, it answers from the estimate's figures: peak requests
per second against the database nodes the design declares, at the capacity of one node
(`Capacity.qps_per_database`, else the guide's "a single PostgreSQL instance can handle
~10K QPS"). Swap the body for the load model's `breaks_first` when it is there.
"""

from __future__ import annotations

from dataclasses import dataclass

from sketch.estimating import Estimates, FigureName
from sketch.estimating.spoken import count
from sketch.model import Component, Design, Kind

#: The guide, Common Mistakes #3: "a single PostgreSQL instance can handle ~10K QPS".
GUIDE_QPS_PER_DATABASE = 10_000.0


@dataclass(frozen=True, slots=True)
class BreakPoint:
    """The component that saturates first under the design's own load."""

    component: Component
    load: float  # requests/s it takes at today's peak
    per_node: float  # requests/s one node serves
    declared: int  # nodes the design gives it
    #: Multiple of today's peak at which the declared nodes are full (below 1: already over).
    saturates_at: float

    def needed(self, multiple: float = 1.0) -> int:
        """Nodes needed at `multiple` times today's peak."""
        return max(1, -int(-(self.load * multiple) // self.per_node))

    @property
    def name(self) -> str:
        return self.component.display_name

    def at(self, multiple: float) -> str:
        """What happens at `multiple` x today's traffic, as one sentence."""
        load = count(self.load * multiple)
        needed = self.needed(multiple)
        verdict = (
            f"{self.declared} declared node(s) are enough"
            if needed <= self.declared
            else f"it needs {needed:,} nodes where the design has {self.declared}"
        )
        return (
            f"at {multiple:g}x, {self.name} takes {load}/s at ~{count(self.per_node)} QPS "
            f"per node: {verdict}"
        )

    @property
    def summary(self) -> str:
        when = (
            "is already past its capacity at today's peak"
            if self.saturates_at < 1
            else f"saturates at {self.saturates_at:.2g}x today's traffic"
        )
        return f"{self.name} breaks first: it {when}"


def breaks_first(design: Design, estimates: Estimates) -> BreakPoint | None:
    """The first component to saturate, or None when the design gives no load or database."""
    databases = [c for c in design.components if c.kind is Kind.database]
    load = _peak_load(estimates)
    if not databases or load is None:
        return None
    scale = design.requirements.scale
    declared_qps = scale.capacity.qps_per_database if scale and scale.capacity else None
    per_node = declared_qps or GUIDE_QPS_PER_DATABASE
    replicas = sum(
        c.instances for c in design.components if c.kind is Kind.read_replica and c.replica_of
    )
    nodes = sum(c.instances * (c.shards or 1) * (1 + c.replicas) for c in databases) + replicas
    # Every database shares the load here; the load model will route it per component.
    primary = databases[0]
    return BreakPoint(primary, load, per_node, nodes, nodes * per_node / load)


def _peak_load(estimates: Estimates) -> float | None:
    names = (
        (FigureName.peak_reads_per_second, FigureName.peak_writes_per_second),
        (FigureName.reads_per_second, FigureName.writes_per_second),
    )
    for reads, writes in names:
        found = [estimates.figure(n) for n in (reads, writes)]
        values = [f.value for f in found if f is not None]
        if values:
            return sum(values)
    return None
