"""The whiteboard one estimate fills in: the inputs, and the notes beside the figures (what
is missing, what disagrees, storage item by item). The figures themselves are returned by
each `derive_*` step."""

from __future__ import annotations

from dataclasses import dataclass, field

from sketch.estimating.conventions import Conventions
from sketch.estimating.figures import Figure, FigureName, Mismatch
from sketch.estimating.spoken import Said, count, plural
from sketch.estimating.spoken import size as spoken_size
from sketch.model import Scale

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

    @property
    def singular(self) -> str:
        return self.scale.write_name

    @property
    def noun(self) -> str:
        """What writes are called, plural: tweets."""
        return plural(self.scale.write_name)

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
