"""Peak load figures for the capacity rules, from `sketch.estimating`.

This is the one adapter between lint and estimation: it holds no estimation logic of its own,
so lint's figures are the ones `sketch estimate` prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sketch.model import Design

if TYPE_CHECKING:  # imported when first used: `sketch rules` needs no estimate
    from sketch.estimating import Conventions, Figure
    from sketch.estimating.catalogue import Catalogue


@dataclass(frozen=True)
class Load:
    """Reads and writes per second, average and peak, and the bytes stored per day; None when
    the design cannot tell."""

    reads: float | None = None
    writes: float | None = None
    peak_reads: float | None = None
    peak_writes: float | None = None
    storage_per_day: float | None = None
    # Declared figures more than 2x away from the derived ones: (path in the design, message).
    mismatches: tuple[tuple[str, str], ...] = ()

    @property
    def peak_total(self) -> float | None:
        known = [v for v in (self.peak_reads, self.peak_writes) if v is not None]
        return sum(known) if known else None

    @property
    def read_write_ratio(self) -> float | None:
        if self.reads is None or not self.writes:
            return None
        return self.reads / self.writes


def conventions_for(settings: Mapping[str, Any], source: str | None) -> Conventions:
    """The project's `[tool.sketch.estimate]` conventions (validated: a bad table raises
    ConfigError), so lint's figures are the ones `sketch estimate` prints."""
    from sketch.estimating import conventions_from_settings

    return conventions_from_settings(settings, source)


def catalogue_for(settings: Mapping[str, Any], source: str | None) -> Catalogue:
    """The project's `[tool.sketch.capacity]` figures (validated: a bad table raises
    ConfigError), so lint judges each component by what `sketch estimate` says it takes."""
    from sketch.estimating.catalogue import catalogue_from_settings

    return catalogue_from_settings(settings, source)


def load_of(design: Design, conventions: Conventions | None = None) -> Load:
    """The design's load as `sketch estimate` derives it; a declared rate stands in where the
    design gives no inputs to derive it from."""
    from sketch.estimating import FigureName, estimate

    figures = estimate(design, conventions)
    return Load(
        reads=_value(figures.figure(FigureName.reads_per_second)),
        writes=_value(figures.figure(FigureName.writes_per_second)),
        peak_reads=_value(figures.figure(FigureName.peak_reads_per_second)),
        peak_writes=_value(figures.figure(FigureName.peak_writes_per_second)),
        storage_per_day=_value(figures.figure(FigureName.storage_per_day)),
        mismatches=tuple((m.path, m.message) for m in figures.mismatches),
    )


def _value(figure: Figure | None) -> float | None:
    return figure.value if figure is not None else None
