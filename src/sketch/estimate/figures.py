"""The result types of an estimate: figures with their derivation, and what disagrees."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sketch.estimate.conventions import Conventions

#: Every figure an estimate can hold, in the order reports list them.
FIGURE_NAMES: tuple[str, ...] = (
    "writes_per_day",
    "writes_per_second",
    "peak_writes_per_second",
    "reads_per_second",
    "peak_reads_per_second",
    "storage_per_day",
    "storage_per_month",
    "storage_per_year",
    "storage_total",
    "ingress_bandwidth",
    "egress_bandwidth",
    "cache_size",
    "servers",
    "database_nodes",
    "shards",
)

#: How reports name each figure.
LABELS: dict[str, str] = {
    "writes_per_day": "Writes per day",
    "writes_per_second": "Writes per second",
    "peak_writes_per_second": "Peak writes per second",
    "reads_per_second": "Reads per second",
    "peak_reads_per_second": "Peak reads per second",
    "storage_per_day": "Storage per day",
    "storage_per_month": "Storage per month",
    "storage_per_year": "Storage per year",
    "storage_total": "Storage over retention",
    "ingress_bandwidth": "Ingress bandwidth",
    "egress_bandwidth": "Egress bandwidth",
    "cache_size": "Cache size",
    "servers": "App servers",
    "database_nodes": "Database nodes",
    "shards": "Shards",
}

#: The whiteboard's sections and the figures each one derives.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Writes", ("writes_per_day", "writes_per_second", "peak_writes_per_second")),
    ("Reads", ("reads_per_second", "peak_reads_per_second")),
    ("Storage", ("storage_per_day", "storage_per_month", "storage_per_year", "storage_total")),
    ("Bandwidth", ("ingress_bandwidth", "egress_bandwidth")),
    ("Cache", ("cache_size",)),
    ("Capacity", ("servers", "database_nodes", "shards")),
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One estimated figure.

    `value` is exact (no rounding); `text` is how a person says it ("4.6K/s", "224 GB/day");
    `steps` is the whole derivation from the design's inputs, one sentence per step.
    """

    value: float
    unit: str
    text: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A figure the design declares that is more than 2x away from the one derived."""

    figure: str
    declared: float
    derived: float
    unit: str
    declared_text: str
    derived_text: str
    path: str
    derived_from: str

    @property
    def ratio(self) -> float:
        """How many times bigger the larger of the two is (always >= 1)."""
        low, high = sorted((self.declared, self.derived))
        return high / low if low else float("inf")

    @property
    def message(self) -> str:
        label = LABELS.get(self.figure, self.figure).lower()
        direction = "higher" if self.declared > self.derived else "lower"
        return (
            f"declared {label} {self.declared_text} is {self.ratio:.1f}x {direction} than the "
            f"derived {self.derived_text} ({self.derived_from})"
        )


@dataclass(frozen=True)
class Estimates:
    """Every figure derived from a design's requirements; None where inputs are missing."""

    writes_per_day: Figure | None = None
    writes_per_second: Figure | None = None
    peak_writes_per_second: Figure | None = None
    reads_per_second: Figure | None = None
    peak_reads_per_second: Figure | None = None
    storage_per_day: Figure | None = None
    storage_per_month: Figure | None = None
    storage_per_year: Figure | None = None
    storage_total: Figure | None = None
    ingress_bandwidth: Figure | None = None
    egress_bandwidth: Figure | None = None
    cache_size: Figure | None = None
    servers: Figure | None = None
    database_nodes: Figure | None = None
    shards: Figure | None = None
    #: Storage per day of each ItemSize, by its name, in the design's order.
    storage_by_item: tuple[tuple[str, Figure], ...] = ()
    #: What is missing for which figure, as messages naming the inputs to add.
    missing: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    conventions: Conventions = field(default_factory=Conventions)
    #: What one write is called, plural: "tweets".
    writes_noun: str = "writes"

    def figures(self) -> Iterator[tuple[str, Figure]]:
        """(name, figure) for each figure that could be derived, in FIGURE_NAMES order."""
        for name in FIGURE_NAMES:
            figure = getattr(self, name)
            if figure is not None:
                yield name, figure

    def figure(self, name: str) -> Figure | None:
        if name not in FIGURE_NAMES:
            raise KeyError(name)
        return getattr(self, name)  # type: ignore[no-any-return]
