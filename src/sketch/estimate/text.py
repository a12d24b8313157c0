"""`sketch estimate` as text: the guide's requirements template, filled in and derived."""

from __future__ import annotations

from sketch.estimate.figures import Estimates
from sketch.estimate.summary import (
    availability_line,
    consistency_line,
    derivation,
    latency_line,
    scale_lines,
)
from sketch.model import Design

_MAX_RULE = 72


def requirements_text(design: Design, estimates: Estimates) -> str:
    """The template of the guide's step 1, boxed like the whiteboard, estimates included."""
    boxes = [
        ("FUNCTIONAL REQUIREMENTS", _functional(design)),
        ("NON-FUNCTIONAL REQUIREMENTS", _non_functional(design, estimates)),
        ("ESTIMATES (back of the envelope)", _estimates(estimates)),
    ]
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
        body += [f"  - {item}" for item in items] or ["  (none given)"]
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
        sections.append(("Missing inputs (no figure is guessed)", estimates.missing))
    if estimates.mismatches:
        sections.append(
            ("Declared vs derived (more than 2x apart)", [m.message for m in estimates.mismatches])
        )
    sections.append(("Conventions", [estimates.conventions.describe()]))
    return sections
