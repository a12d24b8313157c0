"""The reports of an estimate: `sketch estimate`'s boxed text and JSON, and the Markdown
section of design.md (also embedded into notes). HTML takes its rows from here too.

`sketch.estimating` calculates; this module only says what it found, with the lines every
report shares: the derivation by whiteboard section, the scale lines, and the other
non-functional requirements said as a person would say them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from sketch.estimating import Conventions, Estimates, Figure, FigureName, Mismatch, estimate
from sketch.estimating.spoken import count, period, size
from sketch.model import Consistency, Design, LatencyTarget
from sketch.rendering.escape import markdown_cell, markdown_text

#: How every report but Markdown's heads the inputs an estimate lacks.
MISSING_INPUTS = "Missing inputs (no figure is guessed)"


def figure_rows(estimates: Estimates) -> list[tuple[str, Figure]]:
    """(label, figure) for each figure that could be derived, in report order."""
    return [(name.label, figure) for name, figure in estimates.figures()]


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
    flows = f" (flows: {', '.join(target.flows)})" if target.flows and target.operation else ""
    return f"< {target.ms:g} ms{percentile}: {target.label}{flows}"


def consistency_line(rule: Consistency) -> str:
    text = rule.level + (f" for {rule.applies_to}" if rule.applies_to else "")
    if not rule.staleness:
        return text
    # "a few seconds" reads "stale by up to a few seconds"; "up to a month" is said already
    said = rule.staleness
    bound = "" if said.lower().startswith(("up to ", "at most ", "under ", "< ")) else "up to "
    return f"{text} (stale by {bound}{said})"


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


# The JSON report: `sketch estimate --format json`, every figure by a stable key.

#: Bumped when a key is renamed or removed; new keys do not bump it.
SCHEMA_VERSION = 1


def estimates_data(design: Design, estimates: Estimates) -> dict[str, Any]:
    """A JSON-ready dict; every figure name is present, null when its inputs are missing."""
    requirements = design.requirements
    return {
        "schema_version": SCHEMA_VERSION,
        "design": design.name,
        "title": design.display_title,
        "conventions": {
            **estimates.conventions.model_dump(mode="json"),
            "year": "12 months" if estimates.conventions.year_in_months else "365 days",
        },
        "requirements": {
            "in_scope": [feature.text for feature in requirements.in_scope],
            "out_of_scope": list(requirements.out_of_scope),
            "latency": [t.model_dump(mode="json") for t in requirements.latency],
            "consistency": [c.model_dump(mode="json") for c in requirements.consistency],
            "availability": requirements.availability,
        },
        "figures": {name: _figure(estimates.figure(name)) for name in FigureName},
        "storage_by_item": [
            {"name": name, **(_figure(figure) or {})} for name, figure in estimates.storage_by_item
        ],
        "missing": list(estimates.missing),
        "mismatches": [_mismatch(m) for m in estimates.mismatches],
        "flows": flows_data(design),
    }


def _figure(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    return {
        "value": figure.value,
        "unit": figure.unit,
        "text": figure.text,
        "steps": list(figure.steps),
    }


def _mismatch(mismatch: Mismatch) -> dict[str, Any]:
    return {
        "figure": mismatch.figure,
        "declared": mismatch.declared,
        "derived": mismatch.derived,
        "unit": mismatch.unit,
        "declared_text": mismatch.declared_text,
        "derived_text": mismatch.derived_text,
        "ratio": mismatch.ratio,
        "path": mismatch.path,
        "derived_from": mismatch.derived_from,
        "message": mismatch.message,
    }


# The text report: `sketch estimate`, the guide's requirements template filled in.

_MAX_RULE = 72


#: A box of the text report: its title and its (heading, items) sections.
Box = tuple[str, list[tuple[str, list[str]]]]


def requirements_text(design: Design, estimates: Estimates, more: Sequence[Box] = ()) -> str:
    """The template of the guide's step 1, boxed like the whiteboard, estimates included;
    `more` boxes (the load along the flows) follow in the same width."""
    boxes = [
        ("FUNCTIONAL REQUIREMENTS", _functional(design)),
        ("NON-FUNCTIONAL REQUIREMENTS", _non_functional(design, estimates)),
        ("ESTIMATES (back of the envelope)", _estimates(estimates)),
        *more,
    ]
    budgets = budget_sections(design)
    if budgets:
        boxes.append(("BUDGETS ALONG THE FLOWS", budgets))
    # One width for all boxes, as wide as the longest line up to a readable maximum.
    longest = max(len(line) + 2 for _, sections in boxes for line in _lines(sections))
    width = min(_MAX_RULE, longest)
    drawn = [_box(title, sections, width) for title, sections in boxes]
    title = f"{design.display_title}: requirements and estimates"
    return "\n\n".join([title, *drawn]) + "\n"


def _box(title: str, sections: list[tuple[str, list[str]]], width: int) -> str:
    top = f"┌─ {title} " + "─" * max(0, width - len(title) - 3)
    return "\n".join([top, *(f"│ {line}" for line in _lines(sections)), "└" + "─" * (width + 1)])


def _lines(sections: list[tuple[str, list[str]]]) -> list[str]:
    body = []
    for heading, items in sections:
        body.append(f"{heading}:")
        # Lines a derivation indents are details of the line above: no bullet of their own.
        body += [f"    {item}" if item.startswith("  ") else f"  - {item}" for item in items] or [
            "  (none given)"
        ]
    return body


def _functional(design: Design) -> list[tuple[str, list[str]]]:
    requirements = design.requirements
    return [
        ("In scope", [feature.text for feature in requirements.in_scope]),
        ("Out of scope", list(requirements.out_of_scope)),
    ]


def _non_functional(design: Design, estimates: Estimates) -> list[tuple[str, list[str]]]:
    requirements = design.requirements
    availability = requirements.availability
    return [
        ("Scale", scale_lines(design, estimates)),
        ("Latency", [latency_line(target) for target in requirements.latency]),
        ("Consistency", [consistency_line(rule) for rule in requirements.consistency]),
        ("Availability", [availability_line(availability)] if availability is not None else []),
    ]


def _estimates(estimates: Estimates) -> list[tuple[str, list[str]]]:
    sections = list(derivation(estimates))
    if estimates.missing:
        sections.append((MISSING_INPUTS, estimates.missing))
    if estimates.mismatches:
        sections.append(
            ("Declared vs derived (more than 2x apart)", [m.message for m in estimates.mismatches])
        )
    sections.append(("Conventions", [estimates.conventions.describe()]))
    return sections


# The Markdown section of design.md: user text escaped by `rendering.escape`, as in the rest of
# the note.


def exact_text(value: float) -> str:
    """The exact value for the table: 13,888.889 or 0.0231481. Digits past a float's 15
    significant ones are noise (100,500,000,000,000.016 B is 100,500,000,000,000 B)."""
    value = float(f"{value:.15g}")
    if value.is_integer():
        return f"{value:,.0f}"
    if abs(value) < 1000:
        return f"{value:.6g}"  # small rates keep their significant digits: 0.000115741
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def estimates_markdown(
    design: Design, conventions: Conventions | None = None, *, level: int = 2
) -> str:
    """The section: a table of the figures, their derivation, and what is missing."""
    return estimates_section(estimate(design, conventions), level=level)


def estimates_section(estimates: Estimates, *, level: int = 2) -> str:
    heading = "#" * level
    lines = [f"{heading} Back-of-the-envelope estimates", ""]
    rows = figure_rows(estimates)
    if rows:
        lines += ["| Figure | Estimate | Exact |", "| --- | ---: | ---: |"]
        lines += [
            f"| {markdown_cell(label)} | {markdown_cell(figure.text)} | "
            f"{markdown_cell(f'{exact_text(figure.value)} {figure.unit}')} |"
            for label, figure in rows
        ]
        lines.append("")
        lines += [f"{heading}# Derivation", ""]
        for title, steps in derivation(estimates):
            lines += [f"**{title}**", "", *(f"- {markdown_text(step)}" for step in steps), ""]
    if estimates.missing:
        lines += [
            f"{heading}# Missing inputs",
            "",
            "No figure is guessed; add these to know it:",
            "",
        ]
        lines += [f"- {markdown_text(message)}" for message in estimates.missing] + [""]
    if estimates.mismatches:
        lines += [f"{heading}# Declared vs derived", ""]
        lines += [f"- {markdown_text(m.message)}" for m in estimates.mismatches] + [""]
    lines.append(f"_Conventions: {markdown_text(estimates.conventions.describe())}._")
    return "\n".join(lines) + "\n"


# Budgets along the flows: latency and availability per flow, and the slowest of them.


def budget_sections(design: Design) -> list[tuple[str, list[str]]]:
    """(heading, lines): each flow's latency, the slowest flows and steps, availability."""
    from sketch.estimating.availability import flow_availabilities
    from sketch.estimating.latency import flow_latencies, slowest_steps

    if not design.flows:
        return []
    latencies = flow_latencies(design)
    # An untimed flow is shown when there is something to say: a target it cannot be judged
    # against, or latency_ms given on steps off its request path (a background pipeline).
    shown = [f for f in latencies if f.timed or f.target is not None or f.off_path_latency]
    sections = [(f"Latency: {f.flow}", f.lines()) for f in shown]
    timed = [f for f in latencies if f.timed]
    if timed:
        ranked = sorted(timed, key=lambda f: -f.worst.ms)
        slowest = [f"{f.flow}: worst {f.worst.ms:.0f} ms ({f.worst.name})" for f in ranked]
        steps = [f"{leg.label}: {leg.ms:.0f} ms" for _, leg in slowest_steps(latencies)]
        sections.append(("Slowest flows (What's the slowest operation?)", slowest))
        sections.append(("Slowest steps", steps))
    elif not shown:
        sections.append(("Latency", ["no step gives latency_ms: `Step(..., latency_ms=10)`"]))
    availability = [line for f in flow_availabilities(design) for line in f.lines()]
    sections.append(("Availability along each flow", availability))
    return sections


def flows_data(design: Design) -> list[dict[str, Any]]:
    """Per flow: each path's latency, expected and worst, the target, and availability."""
    from sketch.estimating.availability import flow_availabilities
    from sketch.estimating.latency import flow_latencies

    found = []
    for latency, up in zip(flow_latencies(design), flow_availabilities(design), strict=True):
        target = latency.target
        found.append(
            {
                "name": latency.flow,
                "latency": {
                    "paths": [
                        {
                            "name": p.name,
                            "share": p.share,
                            "ms": p.ms,
                            "untimed_steps": len(p.untimed),
                        }
                        for p in latency.paths
                    ],
                    "expected_ms": latency.expected_ms,
                    "worst_ms": latency.worst.ms,
                    "target": target.model_dump(mode="json") if target else None,
                    "judged_ms": latency.judged_ms,
                    "over_target": latency.over_target,
                    "steps": latency.lines(),
                },
                "availability": {
                    "percent": up.percent,
                    "target": up.target,
                    "under_target": up.under_target,
                    "components": [
                        {
                            "name": p.component,
                            "percent": p.percent,
                            "copies": p.copies,
                            "managed": p.managed,
                            "per_copy": p.uptime.percent,
                            "source": p.uptime.source,
                        }
                        for p in up.parts
                    ],
                    "steps": up.lines(),
                },
            }
        )
    return found
