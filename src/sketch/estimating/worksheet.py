"""The whiteboard one estimate fills in: the inputs, and the notes beside the figures (what
is missing, what disagrees, storage item by item). The figures themselves are returned by
each `derive_*` step."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sketch.estimating.conventions import Conventions
from sketch.estimating.figures import Figure, FigureName, Mismatch
from sketch.estimating.spoken import Said, count, plural
from sketch.estimating.spoken import size as spoken_size
from sketch.model import ItemSize, Scale

if TYPE_CHECKING:
    from sketch.estimating.workloads import WorkloadRate

SCALE_PATH = "requirements.scale"
#: A declared figure this many times away from the derived one is reported.
MISMATCH_FACTOR = 2.0


@dataclass
class Worksheet:
    scale: Scale
    conventions: Conventions
    storage_by_item: list[tuple[str, Figure]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)

    @cached_property
    def workloads(self) -> list[WorkloadRate]:
        """The named workloads' rates (empty when the scale names none)."""
        if not self.scale.workloads:
            return []
        from sketch.estimating.workloads import explicit_rates

        return explicit_rates(self.scale, self.conventions)[0]

    @property
    def item_sizes(self) -> tuple[ItemSize, ...]:
        """What one write stores: the scale's item sizes, else the write workloads' items,
        each weighted by its workload's share of all writes."""
        if self.scale.item_sizes:
            return self.scale.item_sizes
        writes = [w for w in self.workloads if w.kind == "write" and w.items]
        total = sum(w.average for w in writes)
        if not total:
            return ()
        return tuple(
            item.model_copy(
                update={
                    "name": item.name if len(writes) == 1 else f"{item.name} ({w.name})",
                    "fraction": item.fraction * w.average / total,
                }
            )
            for w in writes
            for item in w.items
        )

    @property
    def response_bytes(self) -> float | None:
        """Bytes returned per read: the scale's, else the read workloads' (rate-weighted)."""
        if self.scale.read_response_bytes is not None:
            return self.scale.read_response_bytes
        reads = [w for w in self.workloads if w.kind == "read" and w.response_bytes]
        total = sum(w.average for w in reads)
        if not total:
            return None
        return sum(w.average * (w.response_bytes or 0.0) for w in reads) / total

    @property
    def singular(self) -> str:
        return "write" if self._adds_up_write_workloads else self.scale.write_name

    @property
    def noun(self) -> str:
        """What writes are called, plural: tweets. Several write workloads added up are
        "writes": an upload and a commit are two writes of one file commit, not two commits."""
        return plural(self.singular)

    @property
    def _adds_up_write_workloads(self) -> bool:
        scale = self.scale
        stated = (
            (scale.dau is not None and scale.writes_per_user_per_day is not None)
            or scale.writes_per_day is not None
            or scale.writes_per_month is not None
            or scale.writes_per_second is not None
        )
        return not stated and sum(w.kind == "write" for w in self.workloads) > 1

    @property
    def seconds_per_day(self) -> int:
        return self.conventions.seconds_per_day

    def size(self, value: float) -> Said:
        return spoken_size(value, binary=self.conventions.binary)

    def need(self, figure: FigureName, inputs: str) -> None:
        self.missing.append(f"{figure.label.lower()}: needs {inputs}")

    def compare(
        self, figure: FigureName, declared: float, derived: Figure, path: str, how: str
    ) -> None:
        """Report a declared figure more than 2x away from the derived one, with both numbers."""
        low, high = sorted((declared, derived.value))
        if low > 0 and high / low <= MISMATCH_FACTOR:
            return
        said = count(declared).text + derived.unit
        self.mismatches.append(
            Mismatch(figure, declared, derived.value, derived.unit, said, derived.text, path, how)
        )


def merged_steps(*figures: Figure | None) -> tuple[str, ...]:
    """The steps of several figures, each step once, in first-seen order."""
    seen: dict[str, None] = {}
    for figure in figures:
        if figure is not None:
            seen.update(dict.fromkeys(figure.steps))
    return tuple(seen)
