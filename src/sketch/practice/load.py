"""What breaks first, at which multiple of today's traffic, and what the database needs.

`breaks_first` asks the load model (`sketch.estimating.route_load`, the load along the flows)
and keeps the one answer the practice tools use: the component that saturates first, on
which dimension, and how many nodes it would need at a multiple of today's traffic.
`database_need` is the guide's own arithmetic (Common Mistakes #3): peak requests against
what one database node serves, as `sketch estimate` derives it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sketch.estimating import Conventions, Estimates, FigureName
from sketch.estimating.spoken import count, size
from sketch.model import Component, Design, Kind

#: The guide, Common Mistakes #3: "a single PostgreSQL instance can handle ~10K QPS".
GUIDE_QPS_PER_DATABASE = 10_000.0


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


def breaks_first(design: Design, conventions: Conventions | None = None) -> BreakPoint | None:
    """The first component to saturate, per the load model; None when it cannot tell."""
    from sketch.estimating import route_load

    model = route_load(design, conventions)
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
class DatabaseNeed:
    """Peak requests against what one database node serves: the guide's sizing sentence."""

    component: Component
    load: float
    per_node: float

    @property
    def needed(self) -> int:
        return max(1, math.ceil(round(self.load / self.per_node, 9)))


def database_need(design: Design, estimates: Estimates) -> DatabaseNeed | None:
    """The design's (first) database against its peak load, or None without either."""
    database = next((c for c in design.components if c.kind is Kind.database), None)
    load = _peak_load(estimates)
    if database is None or load is None:
        return None
    scale = design.requirements.scale
    declared = scale.capacity.qps_per_database if scale and scale.capacity else None
    return DatabaseNeed(database, load, declared or GUIDE_QPS_PER_DATABASE)


def _peak_load(estimates: Estimates) -> float | None:
    for reads, writes in (
        (FigureName.peak_reads_per_second, FigureName.peak_writes_per_second),
        (FigureName.reads_per_second, FigureName.writes_per_second),
    ):
        values = [f.value for f in (estimates.figure(reads), estimates.figure(writes)) if f]
        if values:
            return sum(values)
    return None
