"""The result types of an estimate: figures with their derivation, and what disagrees."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum, auto

from sketch.estimating.conventions import Conventions


class FigureName(StrEnum):
    """Every figure an estimate can hold, in the order reports list them, with how reports
    label it and the whiteboard section (`group`) that derives it.

    This is the one table of figures: the JSON keys, the labels, the sections of a report and
    the keys of `Estimates` all come from it. A member is its JSON key: `"writes_per_day"`.
    """

    label: str
    group: str

    def __new__(cls, value: str, label: str, group: str) -> FigureName:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member.group = group
        return member

    writes_per_day = auto(), "Writes per day", "Writes"
    writes_per_second = auto(), "Writes per second", "Writes"
    peak_writes_per_second = auto(), "Peak writes per second", "Writes"
    reads_per_second = auto(), "Reads per second", "Reads"
    peak_reads_per_second = auto(), "Peak reads per second", "Reads"
    storage_per_day = auto(), "Storage per day", "Storage"
    storage_per_month = auto(), "Storage per month", "Storage"
    storage_per_year = auto(), "Storage per year", "Storage"
    storage_total = auto(), "Storage over retention", "Storage"
    ingress_bandwidth = auto(), "Ingress bandwidth", "Bandwidth"
    egress_bandwidth = auto(), "Egress bandwidth", "Bandwidth"
    cache_size = auto(), "Cache size", "Cache"
    servers = auto(), "App servers", "Capacity"
    database_nodes = auto(), "Database nodes", "Capacity"
    shards = auto(), "Shards", "Capacity"


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

    figure: FigureName
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
        label = self.figure.label.lower()
        direction = "higher" if self.declared > self.derived else "lower"
        return (
            f"declared {label} {self.declared_text} is {self.ratio:.1f}x {direction} than the "
            f"derived {self.derived_text} ({self.derived_from})"
        )


#: The figures one derivation step found, by name; a figure it cannot derive is absent.
Derived = dict[FigureName, Figure]


def known(figures: Mapping[FigureName, Figure | None]) -> Derived:
    """The figures that could be derived, without the Nones of those that could not."""
    return {name: figure for name, figure in figures.items() if figure is not None}


@dataclass(frozen=True)
class Estimates:
    """Every figure derived from a design's requirements; absent where inputs are missing."""

    #: The figures that could be derived, by name (see `figure` and `figures`).
    derived: Mapping[FigureName, Figure] = field(default_factory=dict)
    #: Storage per day of each ItemSize, by its name, in the design's order.
    storage_by_item: tuple[tuple[str, Figure], ...] = ()
    #: What is missing for which figure, as messages naming the inputs to add.
    missing: list[str] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    conventions: Conventions = field(default_factory=Conventions)
    #: What one write is called, plural: "tweets".
    writes_noun: str = "writes"

    def _repr_html_(self) -> str:
        """The figures as a table (Jupyter): figure, estimate, and the line that gives it."""
        from html import escape

        cell = '<td style="text-align:left">'
        rows = "".join(
            f"<tr>{cell}{escape(name.label)}</td>{cell}{escape(figure.text)}</td>"
            f"{cell}{escape(_how(figure))}</td></tr>"
            for name, figure in self.figures()
        )
        missing = "".join(f"<li>{escape(m)}</li>" for m in self.missing)
        return (
            '<table style="text-align:left"><thead><tr><th>Figure</th><th>Estimate</th>'
            f"<th>How</th></tr></thead><tbody>{rows}</tbody></table>"
            + (
                f"<p>Missing inputs (no figure is guessed):</p><ul>{missing}</ul>"
                if missing
                else ""
            )
        )

    def figures(self) -> Iterator[tuple[FigureName, Figure]]:
        """(name, figure) for each figure that could be derived, in `FigureName` order."""
        for name in FigureName:
            figure = self.derived.get(name)
            if figure is not None:
                yield name, figure

    def figure(self, name: FigureName) -> Figure | None:
        """The figure, or None when the design lacks the inputs it needs."""
        if name not in _NAMES:
            raise KeyError(name)
        return self.derived.get(name)

    def __getitem__(self, name: FigureName) -> Figure:
        """The figure; a `KeyError` naming what is missing when it could not be derived."""
        figure = self.figure(name)
        if figure is None:
            needs = [m for m in self.missing if m.startswith(name.label.lower())]
            raise KeyError(f"{name.value} was not derived: {'; '.join(needs) or 'no scale'}")
        return figure


_NAMES = frozenset(FigureName)


def _how(figure: Figure) -> str:
    """The step that gives the figure itself (a bandwidth's average line, not its peak)."""
    if not figure.steps:
        return ""
    return next((s for s in reversed(figure.steps) if figure.text in s), figure.steps[-1])
