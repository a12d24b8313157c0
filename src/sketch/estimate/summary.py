"""What every report of an estimate shares: the derivation by section, the scale lines, and
the other non-functional requirements said as a person would say them."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from sketch.estimate.figures import Estimates, FigureName
from sketch.estimate.spoken import count, period, size
from sketch.model import Consistency, Design, LatencyTarget


def derivation(estimates: Estimates) -> Iterator[tuple[str, list[str]]]:
    """(section, steps) for each whiteboard section that has figures; each step said once.

    Every figure carries its whole derivation, so later figures repeat earlier steps;
    a reader wants each line once, in the order the whiteboard builds them up.
    """
    said: set[str] = set()
    for title, names in groupby(FigureName, key=lambda name: name.group):
        steps: list[str] = []
        for name in names:
            figure = estimates.figure(name)
            if figure is None:
                continue
            for step in figure.steps:
                if step not in said:
                    said.add(step)
                    steps.append(step)
        if steps:
            yield title, steps


def scale_lines(design: Design, estimates: Estimates) -> list[str]:
    """The template's Scale lines: users, reads and writes per second, storage per year."""
    scale = design.requirements.scale
    lines: list[str] = []
    if scale is not None:
        for value, what in ((scale.dau, "DAU"), (scale.mau, "MAU"), (scale.total_users, "users")):
            if value is not None:
                lines.append(f"{count(value)} {what}")
    rates = [
        f"{figure.text.removesuffix('/s')} {noun}/s"
        for figure, noun in (
            (estimates.figure(FigureName.reads_per_second), "reads"),
            (estimates.figure(FigureName.writes_per_second), estimates.writes_noun),
        )
        if figure is not None
    ]
    peaks = [
        f"{figure.text.removesuffix('/s')} {noun}/s"
        for figure, noun in (
            (estimates.figure(FigureName.peak_reads_per_second), "reads"),
            (estimates.figure(FigureName.peak_writes_per_second), estimates.writes_noun),
        )
        if figure is not None
    ]
    if rates:
        lines.append(", ".join(rates) + (f" (peak: {', '.join(peaks)})" if peaks else ""))
    binary = estimates.conventions.binary
    per_year = estimates.figure(FigureName.storage_per_year)
    if per_year is not None:
        lines.append(f"{size(per_year.value, binary=binary)} storage per year")
    total = estimates.figure(FigureName.storage_total)
    if total is not None and scale is not None:
        copies = f", {scale.replication_factor} copies" if scale.replication_factor else ""
        kept_for = period(scale.retention_years or 0, estimates.conventions.days_per_year)
        lines.append(f"{total.text} over {kept_for}{copies}")
    return lines


def latency_line(target: LatencyTarget) -> str:
    percentile = f" ({target.percentile})" if target.percentile else ""
    return f"< {target.ms:g} ms{percentile}: {target.operation}"


def consistency_line(rule: Consistency) -> str:
    text = rule.level + (f" for {rule.applies_to}" if rule.applies_to else "")
    return text + (f" (stale by up to {rule.staleness})" if rule.staleness else "")


def availability_line(percent: float) -> str:
    """99.99% uptime, with the downtime it allows a year: people remember the minutes."""
    minutes = (100 - percent) / 100 * 365 * 24 * 60
    if minutes < 120:
        allowed = f"{minutes:.2g} min" if minutes < 10 else f"{minutes:.0f} min"
    elif minutes < 48 * 60:
        allowed = f"{minutes / 60:.2g} h"
    else:
        allowed = f"{minutes / 60 / 24:.3g} days"
    return f"{percent:g}% uptime (≈ {allowed} of downtime a year)"
