"""What breaks first, at which multiple of today's traffic, and what the database needs.

`breaks_first` asks the load model (`sketch.estimating.route_load`, the load along the flows)
and keeps the one answer the practice tools use: the component that saturates first, on
which dimension, and how many nodes it would need at a multiple of today's traffic.
`store_need` is the guide's own arithmetic (Common Mistakes #3) on the load model's figures:
what the busiest database takes on each dimension against what one of its nodes takes (its
own capacity figure, with that figure's source).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sketch.estimating import Conventions, Estimates, FigureName, LoadModel
from sketch.estimating.catalogue import Catalogue, NodeFigures
from sketch.estimating.load import Dimension
from sketch.estimating.spoken import count, size
from sketch.model import Component, Design, Kind


@dataclass(frozen=True, slots=True)
class BreakPoint:
    """The component that saturates first under the design's own load, and on what."""

    component: Component
    dimension: str  # requests, writes, storage, memory or connections
    load: float  # at today's peak
    per_node: float
    declared: int  # nodes the design gives it for this dimension
    unit: str  # "/s", "B" or ""
    saturates_at: float  # multiple of today's traffic at which it is full (below 1: already)
    #: The load model's ranking: "cache saturates at 0.001x (memory); app at 0.01x; ...".
    ranking: str = ""

    def needed(self, multiple: float = 1.0) -> int:
        return max(1, math.ceil(round(self.load * multiple / self.per_node, 9)))

    @property
    def name(self) -> str:
        return self.component.display_name

    def _said(self, value: float) -> str:
        return str(size(value)) if self.unit == "B" else f"{count(value)}{self.unit}"

    def at(self, multiple: float) -> str:
        """What happens at `multiple` x today's traffic, as one sentence."""
        needed = self.needed(multiple)
        verdict = (
            f"its {self.declared} node(s) are enough"
            if needed <= self.declared
            else f"it needs {needed:,} nodes where the design has {self.declared}"
        )
        return (
            f"at {multiple:g}x, {self.name} breaks first: its {self.dimension} load reaches "
            f"{self._said(self.load * multiple)} at {self._said(self.per_node)} per node, so "
            f"{verdict}"
        )


def breaks_first(
    design: Design, conventions: Conventions | None = None, *, model: LoadModel | None = None
) -> BreakPoint | None:
    """The first component to saturate, per the load model (`model`, else routed with
    `conventions`); None when it cannot tell."""
    from sketch.estimating import route_load

    model = model or route_load(design, conventions)
    first = model.breaks_first
    tight = first.tightest if first is not None else None
    component = design.component(first.name) if first is not None else None
    if first is None or tight is None or component is None or first.saturates_at is None:
        return None
    return BreakPoint(
        component,
        tight.name,
        tight.load,
        tight.per_node,
        tight.nodes,
        tight.unit,
        first.saturates_at,
        model.saturation_line() or "",
    )


@dataclass(frozen=True, slots=True)
class StoreNeed:
    """What the design's database needs, per the load model: each dimension it is judged on
    (queries, writes, stored bytes) at its own per-node figure, and what it holds that no
    per-node figure sizes."""

    component: Component
    figures: NodeFigures
    dimensions: tuple[Dimension, ...]
    reads: float  # at the peak when known, as the dimensions are judged
    writes: float
    at_peak: bool
    #: Bytes it stores that no per-node storage figure sizes (Cassandra's published figure
    #: is writes/s): never called small enough for one node.
    unsized_bytes: float = 0.0

    def dimension(self, name: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.name == name), None)

    @property
    def binding(self) -> Dimension | None:
        """The dimension one node runs out of first: the most nodes' worth of load."""
        return max(self.dimensions, key=lambda d: d.load / d.per_node, default=None)

    @property
    def one_node_is_enough(self) -> bool:
        binding = self.binding
        fits = binding is None or binding.load <= binding.per_node
        return fits and not self.unsized_bytes

    @property
    def mostly_writes(self) -> bool:
        """Read replicas cannot carry the queries: as many writes as reads reach the store."""
        return self.writes >= self.reads

    def outgrown(self) -> list[Dimension]:
        """The dimensions other than queries that one node cannot carry, the largest first."""
        over = [d for d in self.dimensions if d.name != "requests" and d.load > d.per_node]
        return sorted(over, key=lambda d: -d.load / d.per_node)


def store_need(
    design: Design,
    estimates: Estimates,
    model: LoadModel,
    catalogue: Catalogue | None = None,
) -> StoreNeed | None:
    """The database that needs the most nodes' worth of load, or None without a database.

    A database the flows route load to is judged as the load model judges it; one they do
    not reach takes the design's whole peak (the guide's arithmetic, before any cache)."""
    databases = [c for c in design.components if c.kind is Kind.database]
    routed = [n for db in databases if (n := _routed(db, model)) is not None]
    if routed:
        return max(routed, key=_nodes_worth)
    if not databases:
        return None
    return _unrouted(databases[0], design, estimates, catalogue or Catalogue())


def _nodes_worth(need: StoreNeed) -> float:
    binding = need.binding
    return binding.load / binding.per_node if binding else 0.0


def _routed(component: Component, model: LoadModel) -> StoreNeed | None:
    """The database as the load model judges it, or None when no flow sends it a request."""
    load = model.component(component.name)
    if load is None or not load.requests:
        return None
    at_peak = load.judged_at_peak
    reads = load.peak_reads if at_peak and load.peak_reads is not None else load.reads
    writes = load.peak_writes if at_peak and load.peak_writes is not None else load.writes
    unsized = (
        load.stored_bytes
        if load.stored_bytes and not load.figures.storage_bytes and not load.managed
        else 0.0
    )
    return StoreNeed(component, load.figures, load.dimensions, reads, writes, at_peak, unsized)


def _unrouted(
    component: Component, design: Design, estimates: Estimates, catalogue: Catalogue
) -> StoreNeed | None:
    """A database no flow reaches takes the design's whole load, at its own figures."""
    scale = design.requirements.scale
    figures = catalogue.figures(component, scale.capacity if scale else None)
    total = _peak_load(estimates)
    if total is None:
        return None
    at_peak, reads, writes = total
    dimensions = []
    if figures.requests_per_second:
        per = figures.requests_per_second
        dimensions.append(Dimension("requests", reads + writes, per, per, 1, "/s"))
    if figures.writes_per_second and writes:
        per = figures.writes_per_second
        dimensions.append(Dimension("writes", writes, per, per, 1, "/s"))
    return StoreNeed(component, figures, tuple(dimensions), reads, writes, at_peak)


def _peak_load(estimates: Estimates) -> tuple[bool, float, float] | None:
    """(at the peak?, reads/s, writes/s) of the whole design, at the peak when known."""
    for at_peak, reads, writes in (
        (True, FigureName.peak_reads_per_second, FigureName.peak_writes_per_second),
        (False, FigureName.reads_per_second, FigureName.writes_per_second),
    ):
        read, write = estimates.figure(reads), estimates.figure(writes)
        if read or write:
            return at_peak, read.value if read else 0.0, write.value if write else 0.0
    return None
