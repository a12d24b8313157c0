"""Peak load figures for the capacity rules, from `sketch.estimate` when it is installed.

This is the one adapter between lint and estimation: it holds no estimation logic of its own.
Without `sketch.estimate` it falls back to the numbers the design declares
(`Scale.reads_per_second` / `writes_per_second`, times `peak_factor`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sketch.model import Design


@dataclass(frozen=True)
class Load:
    """Reads and writes per second, average and peak; None when the design cannot tell."""

    reads: float | None = None
    writes: float | None = None
    peak_reads: float | None = None
    peak_writes: float | None = None
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


def conventions_for(settings: Mapping[str, Any], source: str | None) -> object | None:
    """The project's `[tool.sketch.estimate]` conventions (validated: a bad table raises
    ConfigError), so lint's figures are the ones `sketch estimate` prints; None when
    `sketch.estimate` is not installed."""
    try:
        from sketch.estimate import conventions_from_settings
    except ImportError:
        return None
    return conventions_from_settings(settings, source)


def load_of(design: Design, conventions: object | None = None) -> Load:
    """The design's load, estimated when `sketch.estimate` is available, else as declared."""
    try:
        from sketch.estimate import estimate
    except ImportError:
        return _declared(design)
    from sketch.estimate import FigureName

    figures = estimate(design, conventions)  # type: ignore[arg-type]
    return Load(
        reads=_value(figures.figure(FigureName.reads_per_second)),
        writes=_value(figures.figure(FigureName.writes_per_second)),
        peak_reads=_value(figures.figure(FigureName.peak_reads_per_second)),
        peak_writes=_value(figures.figure(FigureName.peak_writes_per_second)),
        mismatches=tuple((m.path, m.message) for m in figures.mismatches),
    )


def _value(figure: object) -> float | None:
    value = getattr(figure, "value", None)
    return float(value) if value is not None else None


def _declared(design: Design) -> Load:
    scale = design.requirements.scale
    if scale is None:
        return Load()
    peak = scale.peak_factor or 1.0
    reads, writes = scale.reads_per_second, scale.writes_per_second
    return Load(
        reads=reads,
        writes=writes,
        peak_reads=reads * peak if reads is not None else None,
        peak_writes=writes * peak if writes is not None else None,
    )
